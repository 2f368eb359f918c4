//! Registering the faces a layout uses, under fixed resource names so output is deterministic.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont};

use super::PdfError;
use crate::fonts::{FACES, FaceId};
use crate::layout::{Item, Laid};

/// The PDF font resource of each face in use.
pub type FontIds = BTreeMap<FaceId, FontId>;

/// Parsed once per process: parsing a face takes longer than laying out a page.
fn parsed(face: FaceId) -> Option<&'static ParsedFont> {
    static PARSED: OnceLock<Vec<OnceLock<Option<ParsedFont>>>> = OnceLock::new();
    let slots = PARSED.get_or_init(|| FACES.iter().map(|_| OnceLock::new()).collect());
    slots
        .get(usize::from(face.0))?
        .get_or_init(|| ParsedFont::from_bytes(face.face().bytes, 0, &mut Vec::new()))
        .as_ref()
}

/// Adds every face that a text run uses. Resource names are "BRIEFA", "BRIEFB", …, which
/// printpdf also uses as the subset tag, so the same document always gets the same names.
pub fn register_used_fonts(doc: &mut PdfDocument, laid: &Laid) -> Result<FontIds, PdfError> {
    let mut ids = FontIds::new();
    for page in &laid.pages {
        for positioned in &page.items {
            if let Item::Text(run) = &positioned.item
                && !ids.contains_key(&run.face)
            {
                let font = parsed(run.face).ok_or(PdfError::Font(run.face.face().name))?;
                let letter = char::from(b'A' + (run.face.0 % 26) as u8);
                let id = FontId(format!("BRIEF{letter}"));
                doc.resources
                    .fonts
                    .map
                    .insert(id.clone(), PdfFont::new(font.clone()));
                ids.insert(run.face, id);
            }
        }
    }
    Ok(ids)
}
