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

    let mut assembled = if laid.pages.len() < SPLIT_FROM_PAGES {
        document.with_pages(pdf_pages(&laid.pages, &fonts));
        assemble(&document)?
    } else {
        // printpdf serialises a document on one thread, and that is most of the time of
        // a long export. The pages are split into two documents serialised side by side;
        // the first also shows every glyph once on a last page, so that printpdf writes
        // the fonts' widths and ToUnicode maps for the glyphs of both halves. The
        // finishing step then drops that page and moves the second half's pages over.
        let (first, second) = laid.pages.split_at(laid.pages.len() / 2);
        let mut second_document = document.clone();
        let (assembled, second_assembled) = std::thread::scope(|scope| {
            let second_half = scope.spawn(|| {
                second_document.with_pages(pdf_pages(second, &fonts));
                assemble(&second_document)
            });
            let mut pages = pdf_pages(first, &fonts);
            pages.push(fonts.inventory_page());
            document.with_pages(pages);
            let first_half = assemble(&document);
            let second_half = second_half
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (first_half, second_half)
        });
        let mut assembled = assembled?;
        finish::graft(&mut assembled, second_assembled?);
        // The documents' many small allocations are freed while the file is finished.
        std::thread::spawn(move || drop((document, second_document)));
        assembled
    };
    finish::finish(&mut assembled, laid, meta);
    let mut bytes = Vec::new();
    assembled
        .save_modern(&mut bytes)
        .map_err(|e| PdfError::Assemble(e.to_string()))?;
    Ok(bytes)
}

/// From this many pages on, printpdf serialises two halves of the document at once.
const SPLIT_FROM_PAGES: usize = 12;

/// printpdf's lopdf document for `document`, or its first error.
fn assemble(document: &PdfDocument) -> Result<lopdf::Document, PdfError> {
    // printpdf's subsetting stays off: the fonts are subsets already.
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let assembled = printpdf::to_lopdf_doc(document, &options, &mut warnings);
    match warnings
        .into_iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        Some(error) => Err(PdfError::Assemble(error.msg)),
        None => Ok(assembled),
    }
}

/// Every page as printpdf operations.
fn pdf_pages(pages: &[Page], fonts: &UsedFonts) -> Vec<PdfPage> {
    pages
        .iter()
        .map(|page| content::page(page, fonts))
        .collect()
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
