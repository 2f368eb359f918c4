//! Pictures in the brief: each stored once in the project under the hash of its bytes,
//! and the figure a picture block prints (alternative text, caption, credit, width).

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::SectionRef;

/// The name a picture is stored under: the SHA-256 of its bytes, so the same picture
/// inserted twice, or kept by many versions, is stored once.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PictureKey(pub String);

impl PictureKey {
    pub fn of(bytes: &[u8]) -> PictureKey {
        let digest = Sha256::digest(bytes);
        let mut key = String::with_capacity(7 + 64);
        key.push_str("sha256-");
        for byte in digest {
            key.push_str(&format!("{byte:02x}"));
        }
        PictureKey(key)
    }
}

/// How a stored picture is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PictureFormat {
    Png,
    Jpeg,
    Svg,
}

impl PictureFormat {
    pub fn name(self) -> &'static str {
        match self {
            PictureFormat::Png => "PNG",
            PictureFormat::Jpeg => "JPEG",
            PictureFormat::Svg => "SVG",
        }
    }

    /// The file extension Word and the file system know it by.
    pub fn extension(self) -> &'static str {
        match self {
            PictureFormat::Png => "png",
            PictureFormat::Jpeg => "jpeg",
            PictureFormat::Svg => "svg",
        }
    }
}

/// A picture's bytes as the officer gave them (photos scaled down to print size), with
/// its size in pixels (for SVG, in its own user units).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Picture {
    pub format: PictureFormat,
    pub width_px: u32,
    pub height_px: u32,
    /// Shared, so copies of the project (undo, versions) never copy a picture.
    #[serde(with = "base64_bytes")]
    pub bytes: Arc<[u8]>,
}

impl std::fmt::Debug for Picture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Picture")
            .field("format", &self.format)
            .field("width_px", &self.width_px)
            .field("height_px", &self.height_px)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

impl Picture {
    /// Height over width.
    pub fn aspect(&self) -> f32 {
        if self.width_px == 0 {
            1.0
        } else {
            self.height_px as f32 / self.width_px as f32
        }
    }
}

/// How wide a figure prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureWidth {
    /// The width of the text.
    #[default]
    Full,
    /// Half the width of the text, centred.
    Half,
}

impl FigureWidth {
    pub fn is_full(&self) -> bool {
        *self == FigureWidth::Full
    }

    /// The share of the text width it takes.
    pub fn fraction(self) -> f32 {
        match self {
            FigureWidth::Full => 1.0,
            FigureWidth::Half => 0.5,
        }
    }
}

/// A picture block: the stored picture and what the brief says about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub picture: PictureKey,
    /// What a reader who cannot see the picture is told it shows. Empty is a warning,
    /// unless the picture is decorative.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub alt: String,
    /// Decoration only (a rule, an ornament): no alternative text, and not read aloud.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub decorative: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    /// Who made or owns the picture ("Photo: DFAT"), printed after the caption.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credit: String,
    #[serde(default, skip_serializing_if = "FigureWidth::is_full")]
    pub width: FigureWidth,
    /// The source section it was taken from, which the Sources list then cites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<SectionRef>,
}

impl Figure {
    pub fn new(picture: PictureKey) -> Figure {
        Figure {
            picture,
            alt: String::new(),
            decorative: false,
            caption: String::new(),
            credit: String::new(),
            width: FigureWidth::Full,
            from: None,
        }
    }

    /// The caption and credit as printed under the picture: "Caption. Credit".
    pub fn caption_line(&self) -> String {
        let caption = self.caption.trim();
        let credit = self.credit.trim();
        match (caption.is_empty(), credit.is_empty()) {
            (true, true) => String::new(),
            (false, true) => caption.to_owned(),
            (true, false) => credit.to_owned(),
            (false, false) => {
                let stop = if caption.ends_with(['.', '?', '!']) {
                    ""
                } else {
                    "."
                };
                format!("{caption}{stop} {credit}")
            }
        }
    }

    /// Whether the figure lacks the alternative text a reader needs.
    pub fn lacks_alt(&self) -> bool {
        !self.decorative && self.alt.trim().is_empty()
    }
}

impl super::Project {
    /// The block that quotes section `from`: its picture, citing the source, for a
    /// picture of the article; an excerpt for its words.
    pub fn quoting_block(&self, from: SectionRef) -> super::BlockKind {
        let figure = self.section(from).and_then(|(_, section)| {
            let quoted = section.figure.as_ref()?;
            let mut figure = Figure::new(quoted.picture.clone());
            figure.alt = quoted.alt.clone();
            if section.text.trim() != quoted.alt.trim() && section.text.trim() != "Picture" {
                figure.caption = section.text.clone();
            }
            figure.from = Some(from);
            Some(figure)
        });
        match figure {
            Some(figure) => super::BlockKind::Picture(figure),
            None => super::BlockKind::Excerpt { from, edited: None },
        }
    }

    /// The pictures the brief and its saved versions show: what a saved file keeps.
    pub fn pictures_in_use(&self) -> std::collections::BTreeSet<&PictureKey> {
        let now = self.brief.parts.iter().flat_map(|part| &part.blocks);
        let kept = self
            .review
            .versions
            .iter()
            .flat_map(|version| &version.parts)
            .flat_map(|part| part.blocks.iter().map(|block| &**block));
        let quoted = self
            .sources
            .iter()
            .flat_map(|source| &source.sections)
            .filter_map(|section| section.figure.as_ref().map(|figure| &figure.picture));
        now.chain(kept)
            .filter_map(|block| match &block.kind {
                super::BlockKind::Picture(figure) => Some(&figure.picture),
                _ => None,
            })
            .chain(quoted)
            .collect()
    }
}

/// A picture's bytes as a base64 string in the project file, which stays JSON.
mod base64_bytes {
    use std::sync::Arc;

    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &Arc<[u8]>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<[u8]>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        // Damaged bytes are not a reason to refuse the whole brief: they come in empty,
        // and loading leaves the picture out and says so.
        Ok(STANDARD
            .decode(text.as_bytes())
            .map(Arc::from)
            .unwrap_or_else(|_| Arc::from(Vec::new())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_bytes_give_the_same_key_and_others_another() {
        let a = PictureKey::of(b"one");
        assert_eq!(a, PictureKey::of(b"one"));
        assert_ne!(a, PictureKey::of(b"two"));
        assert!(a.0.starts_with("sha256-") && a.0.len() == 71, "{}", a.0);
    }

    #[test]
    fn a_picture_round_trips_through_json() {
        let picture = Picture {
            format: PictureFormat::Png,
            width_px: 3,
            height_px: 2,
            bytes: Arc::from(&b"\x89PNG\x00\xff"[..]),
        };
        let json = serde_json::to_string(&picture).unwrap();
        assert!(json.contains("\"format\":\"png\""), "{json}");
        assert_eq!(serde_json::from_str::<Picture>(&json).unwrap(), picture);
    }

    #[test]
    fn caption_and_credit_read_as_one_line() {
        let mut figure = Figure::new(PictureKey::of(b"x"));
        assert_eq!(figure.caption_line(), "");
        figure.caption = "The visit's route".into();
        figure.credit = "Map: the department".into();
        assert_eq!(
            figure.caption_line(),
            "The visit's route. Map: the department"
        );
        assert!(figure.lacks_alt());
        figure.decorative = true;
        assert!(!figure.lacks_alt());
    }
}
