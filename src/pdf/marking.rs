//! The protective marking in the PDF's metadata, where records systems read it: a
//! `/Marking` entry in the document information and an XMP packet on the catalog.
//! printpdf writes XMP only for PDF/A and PDF/X and has no field for a marking, so this
//! is one more lopdf step after printpdf.

use lopdf::{Document, Object, Stream, StringFormat, dictionary};

use crate::layout::Facts;

/// The namespace of Briefwright's own XMP properties.
const NAMESPACE: &str = "https://briefwright.app/ns/marking/1.0/";

/// Writes `marking` (as printed on the pages) into the document information and XMP.
pub fn record(document: &mut Document, marking: &str, facts: &Facts) {
    let scheme = facts.scheme_or_default();
    if let Some(info_id) = document
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .ok()
        && let Ok(info) = document.get_dictionary_mut(info_id)
    {
        info.set("Marking", text_string(marking));
        info.set("MarkingScheme", text_string(scheme));
    }
    let packet = xmp_packet(marking, scheme, facts);
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

fn xmp_packet(marking: &str, scheme: &str, facts: &Facts) -> String {
    let author = &facts.author;
    format!(
        concat!(
            "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n",
            " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n",
            "  <rdf:Description rdf:about=\"\"\n",
            "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n",
            "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n",
            "    xmlns:bw=\"{namespace}\">\n",
            "   <dc:format>application/pdf</dc:format>\n",
            "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n",
            "   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>\n",
            "   <pdf:Producer>Briefwright {version}</pdf:Producer>\n",
            "   <bw:Marking>{marking}</bw:Marking>\n",
            "   <bw:MarkingScheme>{scheme}</bw:MarkingScheme>\n",
            "  </rdf:Description>\n",
            " </rdf:RDF>\n",
            "</x:xmpmeta>\n",
            "<?xpacket end=\"r\"?>"
        ),
        namespace = NAMESPACE,
        title = escape(&facts.title),
        author = escape(author),
        version = env!("CARGO_PKG_VERSION"),
        marking = escape(marking),
        scheme = escape(scheme),
    )
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
