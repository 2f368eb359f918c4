//! The protective marking in the PDF's metadata, where records systems read it: a
//! `/Marking` entry in the document information and an XMP packet on the catalog.
//! printpdf writes XMP only for PDF/A and PDF/X and has no field for a marking, so this
//! is one more lopdf step after printpdf.
//!
//! The packet also says which standards the file meets (`pdfuaid:part` 1 for PDF/UA-1,
//! `pdfaid:part` 2 with conformance A for PDF/A-2a), with the PDF/A extension schemas
//! that describe the properties PDF/A-2 does not predefine, and repeats the document
//! information (title, author, subject, keywords, producer, creator, dates) as PDF/A
//! requires, the dates read back from the information dictionary printpdf wrote.

use lopdf::{Document, Object, Stream, StringFormat, dictionary};

use super::PdfStandard;
use crate::layout::Facts;

/// The namespace of Briefwright's own XMP properties.
const NAMESPACE: &str = "https://briefwright.app/ns/marking/1.0/";

/// Writes `marking` (as printed on the pages) into the document information and XMP,
/// with the identification of `standard`.
pub fn record(document: &mut Document, marking: &str, facts: &Facts, standard: PdfStandard) {
    let scheme = facts.scheme_or_default();
    let mut dates = [String::new(), String::new()];
    if let Some(info_id) = document
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .ok()
        && let Ok(info) = document.get_dictionary_mut(info_id)
    {
        info.set("Marking", text_string(marking));
        info.set("MarkingScheme", text_string(scheme));
        for (date, key) in dates.iter_mut().zip([&b"CreationDate"[..], b"ModDate"]) {
            if let Ok(text) = info.get(key).and_then(Object::as_str) {
                *date = xmp_date(&String::from_utf8_lossy(text));
            }
        }
    }
    let packet = xmp_packet(marking, scheme, facts, standard, &dates);
    let stream = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        packet.into_bytes(),
    );
    let metadata = document.add_object(stream);
    if let Ok(catalog) = document.catalog_mut() {
        catalog.set("Metadata", metadata);
    }
}

/// A PDF text string: UTF-16BE with its byte-order mark.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// A PDF date ("D:20260309083000+00'00'" or "D:20260309083000Z") as XMP writes it
/// ("2026-03-09T08:30:00+00:00"); "" for anything else.
fn xmp_date(pdf: &str) -> String {
    let text = pdf.strip_prefix("D:").unwrap_or(pdf);
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 14 {
        return String::new();
    }
    let rest = &text[digits.len()..];
    let offset = match rest.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let numbers: String = rest.chars().filter(char::is_ascii_digit).collect();
            match (numbers.get(0..2), numbers.get(2..4)) {
                (Some(hours), Some(minutes)) => format!("{sign}{hours}:{minutes}"),
                (Some(hours), None) => format!("{sign}{hours}:00"),
                _ => "Z".to_owned(),
            }
        }
        _ => "Z".to_owned(),
    };
    format!(
        "{}-{}-{}T{}:{}:{}{offset}",
        &digits[0..4],
        &digits[4..6],
        &digits[6..8],
        &digits[8..10],
        &digits[10..12],
        &digits[12..14]
    )
}

/// The PDF/A extension schemas for the properties the packet uses that PDF/A-2 does not
/// predefine: PDF/UA's identification and Briefwright's marking.
const EXTENSION_SCHEMAS: &str = concat!(
    "  <rdf:Description rdf:about=\"\"\n",
    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n",
    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n",
    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n",
    "   <pdfaExtension:schemas><rdf:Bag>\n",
    "    <rdf:li rdf:parseType=\"Resource\">\n",
    "     <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n",
    "     <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n",
    "     <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n",
    "     <pdfaSchema:property><rdf:Seq>\n",
    "      <rdf:li rdf:parseType=\"Resource\">\n",
    "       <pdfaProperty:name>part</pdfaProperty:name>\n",
    "       <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n",
    "       <pdfaProperty:category>internal</pdfaProperty:category>\n",
    "       <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n",
    "      </rdf:li>\n",
    "     </rdf:Seq></pdfaSchema:property>\n",
    "    </rdf:li>\n",
    "    <rdf:li rdf:parseType=\"Resource\">\n",
    "     <pdfaSchema:schema>Briefwright protective marking</pdfaSchema:schema>\n",
    "     <pdfaSchema:namespaceURI>https://briefwright.app/ns/marking/1.0/</pdfaSchema:namespaceURI>\n",
    "     <pdfaSchema:prefix>bw</pdfaSchema:prefix>\n",
    "     <pdfaSchema:property><rdf:Seq>\n",
    "      <rdf:li rdf:parseType=\"Resource\">\n",
    "       <pdfaProperty:name>Marking</pdfaProperty:name>\n",
    "       <pdfaProperty:valueType>Text</pdfaProperty:valueType>\n",
    "       <pdfaProperty:category>external</pdfaProperty:category>\n",
    "       <pdfaProperty:description>The protective marking printed on every page</pdfaProperty:description>\n",
    "      </rdf:li>\n",
    "      <rdf:li rdf:parseType=\"Resource\">\n",
    "       <pdfaProperty:name>MarkingScheme</pdfaProperty:name>\n",
    "       <pdfaProperty:valueType>Text</pdfaProperty:valueType>\n",
    "       <pdfaProperty:category>external</pdfaProperty:category>\n",
    "       <pdfaProperty:description>The marking scheme the marking belongs to</pdfaProperty:description>\n",
    "      </rdf:li>\n",
    "     </rdf:Seq></pdfaSchema:property>\n",
    "    </rdf:li>\n",
    "   </rdf:Bag></pdfaExtension:schemas>\n",
    "  </rdf:Description>\n",
);

fn xmp_packet(
    marking: &str,
    scheme: &str,
    facts: &Facts,
    standard: PdfStandard,
    [created, modified]: &[String; 2],
) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(concat!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n",
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n",
        "  <rdf:Description rdf:about=\"\"\n",
        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n",
        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n",
        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n",
        "    xmlns:bw=\"",
    ));
    out.push_str(NAMESPACE);
    out.push_str("\">\n   <dc:format>application/pdf</dc:format>\n");
    let line = |out: &mut String, text: String| {
        out.push_str("   ");
        out.push_str(&text);
        out.push('\n');
    };
    line(
        &mut out,
        format!(
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>",
            escape(&facts.title)
        ),
    );
    line(
        &mut out,
        format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
            escape(&facts.author)
        ),
    );
    line(
        &mut out,
        format!(
            "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>",
            escape(&facts.subject())
        ),
    );
    line(
        &mut out,
        format!(
            "<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>",
            escape(facts.language_or_default())
        ),
    );
    if !facts.keywords.is_empty() {
        line(
            &mut out,
            format!(
                "<pdf:Keywords>{}</pdf:Keywords>",
                escape(&facts.keywords.join(", "))
            ),
        );
    }
    line(
        &mut out,
        format!(
            "<pdf:Producer>Briefwright {}</pdf:Producer>",
            env!("CARGO_PKG_VERSION")
        ),
    );
    line(
        &mut out,
        "<xmp:CreatorTool>Briefwright</xmp:CreatorTool>".to_owned(),
    );
    if !created.is_empty() {
        line(
            &mut out,
            format!("<xmp:CreateDate>{created}</xmp:CreateDate>"),
        );
    }
    if !modified.is_empty() {
        line(
            &mut out,
            format!("<xmp:ModifyDate>{modified}</xmp:ModifyDate>"),
        );
        line(
            &mut out,
            format!("<xmp:MetadataDate>{modified}</xmp:MetadataDate>"),
        );
    }
    line(
        &mut out,
        format!("<bw:Marking>{}</bw:Marking>", escape(marking)),
    );
    line(
        &mut out,
        format!("<bw:MarkingScheme>{}</bw:MarkingScheme>", escape(scheme)),
    );
    out.push_str("  </rdf:Description>\n");
    if standard != PdfStandard::None {
        out.push_str(concat!(
            "  <rdf:Description rdf:about=\"\"\n",
            "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n",
            "   <pdfuaid:part>1</pdfuaid:part>\n",
            "  </rdf:Description>\n",
        ));
    }
    if standard == PdfStandard::A2 {
        out.push_str(concat!(
            "  <rdf:Description rdf:about=\"\"\n",
            "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n",
            "   <pdfaid:part>2</pdfaid:part>\n",
            "   <pdfaid:conformance>A</pdfaid:conformance>\n",
            "  </rdf:Description>\n",
        ));
        out.push_str(EXTENSION_SCHEMAS);
    }
    out.push_str(" </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
    out
}

fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => escaped.push(c),
        }
    }
    escaped
}
