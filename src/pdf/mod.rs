//! Writing laid-out pages as PDF through printpdf: subset fonts with exact text
//! extraction, an outline of the parts, live links, metadata and deterministic bytes.
//!
//! printpdf builds the document: pages of [`printpdf::Op`]s ([`content`]), fonts given as
//! ready-made subsets ([`fonts`]), document information ([`metadata`]) and link
//! annotations. What printpdf cannot express is added to the lopdf document it produces,
//! in one small step ([`finish`]); printpdf's `PdfDocument::save` is that same
//! `to_lopdf_doc` followed by compression and saving, which the finishing step does
//! itself.

mod content;
mod finish;
mod fonts;
mod metadata;

use printpdf::{PdfDocument, PdfPage, PdfSaveOptions};

use crate::layout::{Laid, Page};
use crate::model::BriefMeta;
use fonts::UsedFonts;

/// Why a PDF could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font {0} could not be subset for embedding")]
    Font(&'static str),
    #[error("the PDF could not be assembled: {0}")]
    Assemble(String),
    #[error("the brief has no pages to export")]
    Empty,
}

/// Writes the pages as a PDF document. The same layout and metadata always give the same bytes.
pub fn write(laid: &Laid, meta: &BriefMeta) -> Result<Vec<u8>, PdfError> {
    if laid.pages.is_empty() {
        return Err(PdfError::Empty);
    }
    let fonts = UsedFonts::collect(laid);
    let mut document = PdfDocument::new(&meta.title);
    metadata::describe(&mut document.metadata.info, meta);
    fonts.add_to(&mut document)?;
    document.with_pages(pdf_pages(&laid.pages, &fonts));

    // printpdf's subsetting stays off: the fonts are subsets already.
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut assembled = printpdf::to_lopdf_doc(&document, &options, &mut warnings);
    if let Some(error) = warnings
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(PdfError::Assemble(error.msg.clone()));
    }
    finish::finish(&mut assembled, laid, meta);
    let mut bytes = Vec::new();
    assembled
        .save_modern(&mut bytes)
        .map_err(|e| PdfError::Assemble(e.to_string()))?;
    Ok(bytes)
}

/// Every page as printpdf operations. Long documents are split between two threads:
/// pages are independent.
fn pdf_pages(pages: &[Page], fonts: &UsedFonts) -> Vec<PdfPage> {
    let write = |pages: &[Page]| -> Vec<PdfPage> {
        pages.iter().map(|page| content::page(page, fonts)).collect()
    };
    if pages.len() < 8 {
        return write(pages);
    }
    let (first, second) = pages.split_at(pages.len() / 2);
    std::thread::scope(|scope| {
        let second = scope.spawn(|| write(second));
        let mut written = write(first);
        let rest = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        written.extend(rest);
        written
    })
}

/// Deflates at a middle level: nearly the size of the best level at a fraction of the time.
fn deflated(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::new(6),
    );
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}
