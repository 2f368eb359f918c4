//! Putting pictures in the brief: from files chosen or dropped, or from the clipboard.
//! Each picture is checked by [`crate::picture`] and refused by name when it is bad; the
//! good ones go in after the selected block, each as one undoable step.

use std::path::PathBuf;

use super::state::AppState;
use crate::model::{Edit, Figure, Picture, PictureKey};

impl AppState {
    pub(super) fn insert_pictures(&mut self, paths: &[PathBuf], part: Option<usize>) {
        let mut refused = Vec::new();
        let mut inserted = 0;
        for path in paths {
            match crate::picture::from_file(path) {
                Ok(picture) => {
                    self.insert_picture(picture, part);
                    inserted += 1;
                }
                Err(error) => refused.push(error.to_string()),
            }
        }
        if !refused.is_empty() {
            self.error(format!("Not inserted: {}.", refused.join("; ")));
        } else if inserted > 0 {
            self.info(format!(
                "{} inserted. Describe {} for readers who cannot see {}.",
                crate::model::count_of(inserted, "picture"),
                if inserted == 1 { "it" } else { "each" },
                if inserted == 1 { "it" } else { "them" },
            ));
        }
    }

    /// Inserts the picture the clipboard holds (a screenshot, a picture copied from a
    /// browser), as a PNG.
    pub(super) fn paste_picture(&mut self) {
        let Some(png) = super::sources::clipboard::picture_png() else {
            self.error("The clipboard holds no picture.");
            return;
        };
        match crate::picture::prepare(&png, "the picture on the clipboard") {
            Ok(picture) => self.insert_picture(picture, None),
            Err(error) => self.error(format!("Not inserted: {error}.")),
        }
    }

    /// Adds `picture` after the selected block, or at the end of `part`, or of the part
    /// that takes quoted material.
    fn insert_picture(&mut self, picture: Picture, part: Option<usize>) {
        let key = PictureKey::of(&picture.bytes);
        let place = self.selected().and_then(|block| {
            let (part, index) = self.project().locate(block)?;
            Some((part, index + 1))
        });
        let (part, index) = match (part, place) {
            (Some(part), _) => (part, usize::MAX),
            (None, Some(place)) => place,
            (None, None) => (self.default_part(false), usize::MAX),
        };
        self.apply_edits(vec![Edit::AddPicture {
            part,
            index,
            picture: Box::new(picture),
            figure: Box::new(Figure::new(key)),
        }]);
    }
}
