//! Writing laid-out pages as PDF through printpdf: subset fonts with exact text
//! extraction, an outline of the parts, live links, metadata and deterministic bytes.
//!
//! printpdf builds the document: pages of [`printpdf::Op`]s ([`content`]), fonts given as
//! ready-made subsets ([`fonts`]), document information ([`metadata`]) and link
//! annotations. What printpdf cannot express is added to the lopdf document it produces,
//! in one small step ([`finish`]): among it the structure tree over the marked-content
//! sequences the pages are written in ([`tags`]), for PDF/UA-1, and the PDF/A-2
//! identification. printpdf's `PdfDocument::save` is `to_lopdf_doc` followed by
//! compression and lopdf's `save_to`; `write` does `to_lopdf_doc`, that step and the
//! compression, and writes the file itself with object streams ([`save`]).
//!
//! Where the time goes, measured with `perf` on the 200-page brief: printpdf's
//! serialisation is about two thirds of the PDF time. Per character it makes a `String`
//! for its ToUnicode bookkeeping, looks the glyph up in a `BTreeMap`, and lopdf writes
//! each byte of the glyph code through `fmt`. So printpdf is given its input ready-made
//! (subset fonts, one text stretch per run of plain glyphs, few offsets), and long briefs
//! are serialised in pieces on both cores.

mod content;
mod finish;
mod fonts;
mod marking;
mod metadata;
mod pictures;
mod save;
mod tags;
mod vector;

use printpdf::{PdfDocument, PdfPage, PdfSaveOptions};

use crate::layout::{Laid, Page};
use fonts::UsedFonts;
use pictures::UsedPictures;

/// Why a PDF could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font {0} could not be subset for embedding")]
    Font(&'static str),
    #[error("the PDF could not be assembled: {0}")]
    Assemble(String),
    #[error("the brief has no pages to export")]
    Empty,
    #[error(
        "page {page} of the layout has a position or size that is not a finite number (a template value out of range); no PDF was written"
    )]
    NotFinite { page: usize },
    #[error("a picture in the brief could not be drawn: {0}")]
    Picture(String),
}

/// Refuses a layout with a coordinate that is infinite or not a number: printpdf would
/// write it as `inf` or `NaN`, which no PDF reader accepts. Templates are validated to
/// physical bounds, so this is the last line, not the first.
fn check_finite(laid: &Laid) -> Result<(), PdfError> {
    use crate::layout::Item;
    let finite = |values: &[f32]| values.iter().all(|v| v.is_finite());
    for (index, page) in laid.pages.iter().enumerate() {
        let page_ok = finite(&[page.size.width.0, page.size.height.0])
            && page.items.iter().all(|positioned| {
                finite(&[positioned.at.x.0, positioned.at.y.0])
                    && match &positioned.item {
                        Item::Text(run) => {
                            run.size.0.is_finite()
                                && run.glyphs.iter().all(|g| finite(&[g.x.0, g.advance.0]))
                        }
                        Item::Rule { to, thickness, .. } => finite(&[to.x.0, to.y.0, thickness.0]),
                        Item::Rect { size, stroke, .. } => {
                            finite(&[size.width.0, size.height.0])
                                && stroke.is_none_or(|(_, width)| width.0.is_finite())
                        }
                        Item::Link { size, .. } | Item::Image { size, .. } => {
                            finite(&[size.width.0, size.height.0])
                        }
                    }
            });
        if !page_ok {
            return Err(PdfError::NotFinite { page: index + 1 });
        }
    }
    Ok(())
}

/// The standards an exported PDF meets and says it meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfStandard {
    /// Untagged, claiming nothing: the smallest and quickest file, for a reader who
    /// needs neither a screen reader nor an archive.
    None,
    /// Tagged for screen readers, PDF/UA-1.
    Ua,
    /// Tagged, PDF/UA-1 and archival PDF/A-2a: with an sRGB output intent.
    #[default]
    A2,
}

impl PdfStandard {
    /// Every choice, in the order `--pdf-standard` lists them.
    pub const ALL: [PdfStandard; 3] = [PdfStandard::None, PdfStandard::Ua, PdfStandard::A2];

    /// The name on the command line: "none", "ua" or "a2".
    pub fn name(self) -> &'static str {
        match self {
            PdfStandard::None => "none",
            PdfStandard::Ua => "ua",
            PdfStandard::A2 => "a2",
        }
    }

    /// The choice named `name` (in any case), if any.
    pub fn from_name(name: &str) -> Option<PdfStandard> {
        let name = name.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|standard| standard.name() == name)
    }

    fn is_tagged(self) -> bool {
        self != PdfStandard::None
    }
}

/// Writes the laid-out brief as a tagged PDF/UA-1 and PDF/A-2a document: its pages,
/// structure, outline, marking and facts, and nothing else. The same layout always gives
/// the same bytes.
pub fn write(laid: &Laid) -> Result<Vec<u8>, PdfError> {
    write_as(laid, PdfStandard::default())
}

/// Whether every piece of the brief's content on the pages names its element of the
/// layout's document, so that the PDF can be tagged. A layout made for the screen has no
/// document; should a layout's flow and document ever disagree, its items name none.
fn taggable(laid: &Laid) -> bool {
    laid.document.is_some()
        && laid.pages.iter().all(|page| {
            page.items.iter().all(|positioned| {
                positioned.tag.role == crate::layout::Role::Artifact
                    || positioned.tag.element.is_some()
                    || !matches!(positioned.item, crate::layout::Item::Text(_))
            })
        })
}

/// Writes the laid-out brief as a PDF meeting `standard`. A layout without its document
/// (laid out for the screen only) gives an untagged PDF that claims no standard.
pub fn write_as(laid: &Laid, standard: PdfStandard) -> Result<Vec<u8>, PdfError> {
    if laid.pages.is_empty() {
        return Err(PdfError::Empty);
    }
    check_finite(laid)?;
    let standard = if standard.is_tagged() && !taggable(laid) {
        PdfStandard::None
    } else {
        standard
    };
    let tagged = standard.is_tagged();
    let fonts = UsedFonts::collect(laid);
    let pictures = UsedPictures::collect(&laid.pages)?;
    let mut document = PdfDocument::new(&laid.facts.title);
    metadata::describe(&mut document.metadata.info, &laid.facts);
    fonts.add_to(&mut document)?;
    let writers = Writers {
        fonts: &fonts,
        pictures: &pictures,
        tagged,
    };

    let mut assembled = if laid.pages.len() < SPLIT_FROM_PAGES {
        pictures.add_to(&mut document, &laid.pages);
        document.with_pages(pdf_pages(&laid.pages, &writers));
        assemble(&document)?
    } else {
        // printpdf serialises a document on one thread, and that is most of the time of
        // a long export. The pages are cut into a few documents that two threads take in
        // turn (so neither waits for the other, though one core is slower); the first
        // also shows every glyph once on a last page, so that printpdf writes the fonts'
        // widths and ToUnicode maps for the glyphs of all of them. The finishing step
        // drops that page and moves the other documents' pages over, in order.
        let pieces = laid
            .pages
            .len()
            .div_ceil(PAGES_PER_PIECE)
            .clamp(2, MAX_PIECES);
        let chunks: Vec<&[Page]> = laid
            .pages
            .chunks(laid.pages.len().div_ceil(pieces))
            .collect();
        let mut documents = assemble_pieces(&document, &chunks, &writers).into_iter();
        let mut assembled = documents.next().ok_or(PdfError::Empty)??;
        finish::drop_last_page(&mut assembled);
        for piece in documents {
            finish::graft(&mut assembled, piece?);
        }
        assembled
    };
    finish::finish(&mut assembled, laid, standard);
    Ok(save::save(&assembled))
}

/// From this many pages on, printpdf serialises pieces of the document on two threads.
const SPLIT_FROM_PAGES: usize = 12;
/// About how many pages each piece holds, and the most pieces there are.
const PAGES_PER_PIECE: usize = 24;
const MAX_PIECES: usize = 8;

/// printpdf's lopdf document for each piece of the pages, in order, made on two threads.
/// Each piece is `template` (the fonts and document information) with its pages; the
/// first also gets the glyph inventory page.
fn assemble_pieces(
    template: &PdfDocument,
    pieces: &[&[Page]],
    writers: &Writers,
) -> Vec<Result<lopdf::Document, PdfError>> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(piece) = pieces.get(index) else {
                return done;
            };
            let mut pages = pdf_pages(piece, writers);
            if index == 0 {
                pages.push(writers.fonts.inventory_page());
            }
            let mut document = template.clone();
            writers.pictures.add_to(&mut document, piece);
            document.with_pages(pages);
            done.push((index, assemble(&document)));
        }
    };
    let mut done = std::thread::scope(|scope| {
        let other = scope.spawn(work);
        let mut done = work();
        done.extend(
            other
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        );
        done
    });
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, document)| document).collect()
}

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

/// What every page is written with: the fonts and pictures of the whole brief, and
/// whether its content goes in marked-content sequences.
pub(crate) struct Writers<'a> {
    pub fonts: &'a UsedFonts,
    pub pictures: &'a UsedPictures,
    pub tagged: bool,
}

/// Every page as printpdf operations, in marked-content sequences when tagged.
fn pdf_pages(pages: &[Page], writers: &Writers) -> Vec<PdfPage> {
    pages
        .iter()
        .map(|page| content::page(page, writers))
        .collect()
}
