//! The Word package: docx-rs builds the parts; this step adds what it cannot write and
//! packs them. docx-rs writes only the dates of the core properties, so `core.xml` is
//! written here from the brief (title, subject, author, keywords, language, the project's
//! own timestamp); it has no element for the text's language, so the default one is added
//! to the styles' run defaults; its custom properties come out in a hash map's order, so
//! `custom.xml` is written here too; and it has no footnote number mark, so the placeholder
//! run each footnote starts with becomes `<w:footnoteRef/>`; nor a header row, so the
//! sign the tables leave on one becomes `<w:tblHeader/>`. The zip entries carry
//! docx-rs's fixed timestamp, so the same brief gives the same bytes.

use std::io::{Cursor, Write};

use docx_rs::Docx;
use quick_xml::escape::escape;

use crate::layout::Facts;

use super::WordError;
use super::embed::{EmbeddedFonts, with_embedding_settings, with_font_content_type};
use super::runs::{FOOTNOTE_MARK, clean};
use super::tables::HEADER_ROW_XML;

/// Builds the parts of `docx`, finishes them and packs them as a `.docx` file with
/// `fonts` inside. `custom` are the custom properties, by name; empty values are left
/// out.
pub(super) fn pack(
    docx: Docx,
    facts: &Facts,
    custom: &[(&str, &str)],
    fonts: EmbeddedFonts,
    resolved_comments: &[String],
    described: &[Option<String>],
) -> Result<Vec<u8>, WordError> {
    let mut xml = docx.build();
    // docx-rs names every picture `.png`; JPEG pictures are taken out and packed below
    // under their own extension.
    let (jpegs, others): (Vec<_>, Vec<_>) = std::mem::take(&mut xml.media)
        .into_iter()
        .partition(|(_, bytes)| super::figures::is_jpeg(bytes));
    xml.media = others;
    if !jpegs.is_empty() {
        let mut rels = as_text(&xml.document_rels, "document relationships")?.to_owned();
        for (id, _) in &jpegs {
            rels = rels.replace(
                &format!("\"media/{id}.png\""),
                &format!("\"media/{id}.jpeg\""),
            );
        }
        xml.document_rels = rels.into_bytes();
        xml.content_type = as_text(&xml.content_type, "content types")?
            .replacen(
                "</Types>",
                r#"<Default Extension="jpeg" ContentType="image/jpeg" /></Types>"#,
                1,
            )
            .into_bytes();
    }
    xml.font_table = fonts.font_table.into_bytes();
    xml.settings = with_embedding_settings(as_text(&xml.settings, "settings")?)?.into_bytes();
    xml.content_type =
        with_font_content_type(as_text(&xml.content_type, "content types")?)?.into_bytes();
    xml.doc_props.core = core_properties(facts).into_bytes();
    xml.doc_props.custom = custom_properties(custom).into_bytes();
    let language = crate::spelling::brief_language(&facts.language);
    xml.styles = with_default_language(&xml.styles, language)?;
    xml.footnotes = with_footnote_marks(&xml.footnotes);
    xml.document = with_change_ids(with_header_rows(xml.document));
    if !described.is_empty() {
        xml.document =
            super::figures::with_descriptions(as_text(&xml.document, "document")?, described)
                .into_bytes();
    }
    xml.comments_extended = with_resolved(xml.comments_extended, resolved_comments);
    let mut bytes = Cursor::new(Vec::new());
    xml.pack(&mut bytes)
        .map_err(|error| WordError::Assemble(error.to_string()))?;
    let media = jpegs
        .into_iter()
        .map(|(id, bytes)| (format!("word/media/{id}.jpeg"), bytes));
    with_font_parts(
        bytes,
        &fonts.font_table_rels,
        fonts.parts.into_iter().chain(media),
    )
}

fn as_text<'a>(part: &'a [u8], name: &str) -> Result<&'a str, WordError> {
    std::str::from_utf8(part).map_err(|_| WordError::Assemble(format!("the {name} are not UTF-8")))
}

/// The package with the font table's relationships and the font parts added. docx-rs
/// packs a fixed list of parts, so these are appended to its archive. They are
/// compressed (docx-rs stores its XML as it is) and carry the same fixed date as its
/// entries, so the same brief gives the same bytes.
fn with_font_parts(
    package: Cursor<Vec<u8>>,
    rels: &str,
    parts: impl Iterator<Item = (String, Vec<u8>)>,
) -> Result<Vec<u8>, WordError> {
    use zip::write::SimpleFileOptions;
    let failed = |error: zip::result::ZipError| WordError::Assemble(error.to_string());
    let written = |error: std::io::Error| WordError::Assemble(error.to_string());
    let mut zip = zip::ZipWriter::new_append(package).map_err(failed)?;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    zip.start_file("word/_rels/fontTable.xml.rels", options)
        .map_err(failed)?;
    zip.write_all(rels.as_bytes()).map_err(written)?;
    let mut font_folder = false;
    for (path, bytes) in parts {
        if path.starts_with("word/fonts/") && !std::mem::replace(&mut font_folder, true) {
            zip.add_directory("word/fonts/", options).map_err(failed)?;
        }
        zip.start_file(path, options).map_err(failed)?;
        zip.write_all(&bytes).map_err(written)?;
    }
    Ok(zip.finish().map_err(failed)?.into_inner())
}

fn core_properties(facts: &Facts) -> String {
    let stamp = w3c_time(&facts.created);
    let keywords = facts.keywords.join(", ");
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>",
            "<dc:creator>{author}</dc:creator><cp:keywords>{keywords}</cp:keywords>",
            "<dc:language>{language}</dc:language><cp:lastModifiedBy>{author}</cp:lastModifiedBy>",
            "<cp:revision>1</cp:revision>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = escape(clean(facts.title.trim())),
        subject = escape(clean(facts.subject().trim())),
        author = escape(clean(facts.author.trim())),
        keywords = escape(clean(&keywords)),
        language = crate::spelling::brief_language(&facts.language),
        stamp = stamp,
    )
}

fn custom_properties(custom: &[(&str, &str)]) -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" "#,
        r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
    ));
    let filled = custom.iter().filter(|(_, value)| !value.trim().is_empty());
    // Property ids start at 2; Word reserves 0 and 1.
    for (index, (name, value)) in filled.enumerate() {
        xml.push_str(&format!(
            r#"<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{}" name="{}"><vt:lpwstr>{}</vt:lpwstr></property>"#,
            index + 2,
            escape(*name),
            escape(clean(value))
        ));
    }
    xml.push_str("</Properties>");
    xml
}

/// The project's "YYYY-MM-DDTHH:MM:SSZ" (or just its date), else 2000-01-01 as in the PDF.
fn w3c_time(created: &str) -> String {
    let created = created.trim();
    let digits = |range: std::ops::Range<usize>| {
        created
            .get(range)
            .filter(|part| part.bytes().all(|b| b.is_ascii_digit()))
    };
    match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(year), Some(month), Some(day)) => {
            let time = match (digits(11..13), digits(14..16), digits(17..19)) {
                (Some(h), Some(m), Some(s)) => format!("{h}:{m}:{s}"),
                _ => "00:00:00".to_owned(),
            };
            format!("{year}-{month}-{day}T{time}Z")
        }
        _ => "2000-01-01T00:00:00Z".to_owned(),
    }
}

/// The styles with the default language in the run defaults. `w:lang` is the last but a
/// few of the run properties, so it goes at their end, where Word's schema wants it.
fn with_default_language(styles: &[u8], language: &str) -> Result<Vec<u8>, WordError> {
    let styles = std::str::from_utf8(styles)
        .map_err(|_| WordError::Assemble("the styles are not UTF-8".to_owned()))?;
    let anchor = "</w:rPr></w:rPrDefault>";
    if !styles.contains(anchor) {
        return Err(WordError::Assemble(
            "the styles have no run defaults to give the language".to_owned(),
        ));
    }
    let language =
        format!(r#"<w:lang w:val="{language}" w:eastAsia="{language}" w:bidi="ar-SA" />{anchor}"#);
    let mut styles = styles.replacen(anchor, &language, 1);
    for (tag, id, _) in super::language::TAGGED {
        styles = with_style_language(styles, id, tag)?;
    }
    Ok(styles.into_bytes())
}

/// The character style `id` with the language `tag`, at the end of its run properties.
fn with_style_language(styles: String, id: &str, tag: &str) -> Result<String, WordError> {
    let missing = || WordError::Assemble(format!("the styles have no style {id} to tag"));
    let start = styles
        .find(&format!(r#"w:styleId="{id}""#))
        .ok_or_else(missing)?;
    let language = format!(r#"<w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="{tag}" />"#);
    let rest = &styles[start..];
    let (at, replaced, with) = match (rest.find("<w:rPr />"), rest.find("</w:rPr>")) {
        (Some(empty), close) if close.is_none_or(|close| empty < close) => (
            start + empty,
            "<w:rPr />".len(),
            format!("<w:rPr>{language}</w:rPr>"),
        ),
        (_, Some(close)) => (
            start + close,
            "</w:rPr>".len(),
            format!("{language}</w:rPr>"),
        ),
        _ => return Err(missing()),
    };
    Ok(format!(
        "{}{with}{}",
        &styles[..at],
        &styles[at + replaced..]
    ))
}

/// The document with its tables' header rows marked to repeat on every page.
fn with_header_rows(document: Vec<u8>) -> Vec<u8> {
    match String::from_utf8(document) {
        Ok(text) => text
            .replace(HEADER_ROW_XML, &format!("{HEADER_ROW_XML}<w:tblHeader />"))
            .into_bytes(),
        Err(error) => error.into_bytes(),
    }
}

/// The document with its tracked changes numbered from 1 in order. docx-rs numbers them
/// from a counter shared by the whole process, so a second export would differ from the
/// first; Word needs them only to be unique.
fn with_change_ids(document: Vec<u8>) -> Vec<u8> {
    let text = match String::from_utf8(document) {
        Ok(text) => text,
        Err(error) => return error.into_bytes(),
    };
    if !text.contains("<w:ins w:id=\"") && !text.contains("<w:del w:id=\"") {
        return text.into_bytes();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    let mut next = 1;
    loop {
        let found = ["<w:ins w:id=\"", "<w:del w:id=\""]
            .iter()
            .filter_map(|tag| rest.find(tag).map(|at| (at, tag.len())))
            .min();
        let Some((at, tag_len)) = found else {
            break;
        };
        let digits_at = at + tag_len;
        let digits = rest[digits_at..].find('"').unwrap_or(0);
        out.push_str(&rest[..digits_at]);
        out.push_str(&next.to_string());
        next += 1;
        rest = &rest[digits_at + digits..];
    }
    out.push_str(rest);
    out.into_bytes()
}

/// Word's extended comments with the resolved ones marked done: docx-rs writes every
/// comment as open.
fn with_resolved(extended: Vec<u8>, resolved: &[String]) -> Vec<u8> {
    if resolved.is_empty() {
        return extended;
    }
    let mut text = match String::from_utf8(extended) {
        Ok(text) => text,
        Err(error) => return error.into_bytes(),
    };
    for paragraph in resolved {
        let key = format!("w15:paraId=\"{paragraph}\"");
        if let Some(at) = text.find(&key)
            && let Some(done) = text[at..].find("w15:done=\"0\"")
        {
            let done = at + done;
            text.replace_range(done..done + "w15:done=\"0\"".len(), "w15:done=\"1\"");
        }
    }
    text.into_bytes()
}

/// The footnotes with Word's number mark where each starts.
fn with_footnote_marks(footnotes: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(footnotes) else {
        return footnotes.to_vec();
    };
    let placeholder = format!(r#"<w:t xml:space="preserve">{FOOTNOTE_MARK}</w:t>"#);
    text.replace(&placeholder, "<w:footnoteRef />").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_come_from_the_project_or_a_fixed_date() {
        assert_eq!(w3c_time("2026-03-10T09:30:00Z"), "2026-03-10T09:30:00Z");
        assert_eq!(w3c_time("2026-03-10"), "2026-03-10T00:00:00Z");
        assert_eq!(w3c_time("last Tuesday"), "2000-01-01T00:00:00Z");
    }

    #[test]
    fn core_properties_escape_what_the_officer_wrote() {
        let facts = Facts {
            title: "Trade & water <draft>".to_owned(),
            author: "A. Officer".to_owned(),
            keywords: vec!["Kazakhstan".to_owned(), "water".to_owned()],
            ..Facts::default()
        };
        let core = core_properties(&facts);
        assert!(core.contains("<dc:title>Trade &amp; water &lt;draft&gt;</dc:title>"));
        assert!(core.contains("<dc:creator>A. Officer</dc:creator>"));
        assert!(core.contains("<cp:keywords>Kazakhstan, water</cp:keywords>"));
        assert!(
            core.contains(
                "<dc:subject>Briefing note: Trade &amp; water &lt;draft&gt;</dc:subject>"
            )
        );
    }
}
