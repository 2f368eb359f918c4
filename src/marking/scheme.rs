//! Marking schemes: a country's protective levels in order, its caveats and markers,
//! and where and how the marking prints. Four ship in `templates/markings/`; a
//! department can write its own in the same form.

use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

/// One marking scheme, as its TOML file describes it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    pub name: String,
    pub description: String,
    /// From lowest to highest.
    pub levels: Vec<String>,
    /// The level of a new brief.
    pub default: String,
    #[serde(default)]
    pub caveats: Vec<String>,
    /// Information management markers, which combine like caveats.
    #[serde(default)]
    pub markers: Vec<String>,
    /// Levels that print no banner (an unmarked document).
    #[serde(default)]
    pub unprinted: Vec<String>,
    /// Short forms for portion marking, by level ("OFFICIAL: Sensitive" = "OS").
    #[serde(default)]
    pub abbreviations: std::collections::BTreeMap<String, String>,
    pub print: MarkingPrint,
}

/// Where and how the marking prints on every page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkingPrint {
    pub position: MarkingPosition,
    pub top: bool,
    pub bottom: bool,
    #[serde(default)]
    pub bold: bool,
    /// A colour such as "#C00000" for levels from `colour_from` up.
    #[serde(default)]
    pub colour: Option<String>,
    #[serde(default)]
    pub colour_from: Option<String>,
    /// The marking is never set smaller than this, whatever the template's header style.
    #[serde(default)]
    pub min_size_pt: f32,
}

/// Across the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkingPosition {
    Centre,
    Right,
}

/// Why a scheme could not be used.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SchemeError {
    #[error("there is no marking scheme \u{201c}{name}\u{201d}; the schemes are {known}")]
    Unknown { name: String, known: String },
    #[error("marking scheme {name}: {reason}")]
    Invalid { name: String, reason: String },
    #[error("cannot read the marking scheme {path}: {reason}")]
    Unreadable { path: String, reason: String },
}

const BUILT_IN: [(&str, &str); 4] = [
    (
        "au-pspf",
        include_str!("../../templates/markings/au-pspf.toml"),
    ),
    (
        "uk-gscp",
        include_str!("../../templates/markings/uk-gscp.toml"),
    ),
    ("ca-gc", include_str!("../../templates/markings/ca-gc.toml")),
    ("my-ak", include_str!("../../templates/markings/my-ak.toml")),
];

/// The scheme of projects that name none: every project made before schemes existed.
pub const DEFAULT_SCHEME: &str = "au-pspf";

impl Scheme {
    /// The built-in schemes, in order.
    pub fn built_ins() -> &'static [Scheme] {
        static SCHEMES: OnceLock<Vec<Scheme>> = OnceLock::new();
        SCHEMES.get_or_init(|| {
            BUILT_IN
                .iter()
                .filter_map(|(name, source)| Scheme::parse(name, source).ok())
                .collect()
        })
    }

    /// [`DEFAULT_SCHEME`], the scheme of projects that name none or an unknown one.
    pub fn default_scheme() -> &'static Scheme {
        static FALLBACK: OnceLock<Scheme> = OnceLock::new();
        Scheme::built_in(DEFAULT_SCHEME).unwrap_or_else(|_| {
            // Only if the bundled file failed to parse, which a test rules out.
            FALLBACK.get_or_init(|| Scheme {
                name: DEFAULT_SCHEME.to_owned(),
                description: String::new(),
                levels: vec!["OFFICIAL".to_owned()],
                default: "OFFICIAL".to_owned(),
                caveats: Vec::new(),
                markers: Vec::new(),
                unprinted: Vec::new(),
                abbreviations: Default::default(),
                print: MarkingPrint {
                    position: MarkingPosition::Centre,
                    top: true,
                    bottom: true,
                    bold: true,
                    colour: None,
                    colour_from: None,
                    min_size_pt: 0.0,
                },
            })
        })
    }

    /// The scheme a brief is marked under: the department's own, kept in the project,
    /// or else the built-in one it names.
    pub fn for_meta(meta: &crate::model::BriefMeta) -> Result<Cow<'static, Scheme>, SchemeError> {
        if meta.custom_scheme.trim().is_empty() {
            Scheme::built_in(&meta.scheme).map(Cow::Borrowed)
        } else {
            Scheme::parse(&meta.scheme, &meta.custom_scheme).map(Cow::Owned)
        }
    }

    /// [`Scheme::for_meta`], or the default scheme when the brief's cannot be used (layout
    /// reports why).
    pub fn for_meta_or_default(meta: &crate::model::BriefMeta) -> Cow<'static, Scheme> {
        Scheme::for_meta(meta).unwrap_or(Cow::Borrowed(Scheme::default_scheme()))
    }

    /// A built-in scheme by name, or a department's scheme from a `.toml` file, with the
    /// file's text for the project to keep.
    pub fn choose(name_or_path: &str) -> Result<(Cow<'static, Scheme>, String), SchemeError> {
        if !name_or_path.ends_with(".toml") {
            return Scheme::built_in(name_or_path).map(|s| (Cow::Borrowed(s), String::new()));
        }
        let path = Path::new(name_or_path);
        let source = crate::regular_file::read_regular_text(path, 1024 * 1024).map_err(|e| {
            SchemeError::Unreadable {
                path: path.display().to_string(),
                reason: e.to_string(),
            }
        })?;
        let scheme = Scheme::parse(&path.display().to_string(), &source)?;
        Ok((Cow::Owned(scheme), source))
    }

    /// The built-in scheme called `name` ("" means [`DEFAULT_SCHEME`]).
    pub fn built_in(name: &str) -> Result<&'static Scheme, SchemeError> {
        let name = if name.trim().is_empty() {
            DEFAULT_SCHEME
        } else {
            name.trim()
        };
        Scheme::built_ins()
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| SchemeError::Unknown {
                name: name.to_owned(),
                known: Scheme::built_ins()
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// Reads and checks a scheme's TOML.
    pub fn parse(name: &str, source: &str) -> Result<Scheme, SchemeError> {
        let invalid = |reason: String| SchemeError::Invalid {
            name: name.to_owned(),
            reason,
        };
        let scheme: Scheme = toml::from_str(source).map_err(|e| invalid(e.message().to_owned()))?;
        if scheme.levels.is_empty() {
            return Err(invalid("it lists no levels".into()));
        }
        if scheme.rank(&scheme.default).is_none() {
            return Err(invalid(format!(
                "its default \u{201c}{}\u{201d} is not one of its levels",
                scheme.default
            )));
        }
        if let Some(from) = &scheme.print.colour_from
            && scheme.rank(from).is_none()
        {
            return Err(invalid(format!(
                "colour_from \u{201c}{from}\u{201d} is not one of its levels"
            )));
        }
        // Printed as the banner's font size: inf or NaN would reach the PDF.
        if !(0.0..=72.0).contains(&scheme.print.min_size_pt) {
            return Err(invalid(format!(
                "print.min_size_pt = {} is out of range; it must be between 0 and 72 pt",
                scheme.print.min_size_pt
            )));
        }
        if let Some(colour) = &scheme.print.colour
            && parse_colour(colour).is_none()
        {
            return Err(invalid(format!(
                "colour \u{201c}{colour}\u{201d} is not of the form #RRGGBB"
            )));
        }
        Ok(scheme)
    }

    /// Where `level` stands, lowest 0; `None` for a level the scheme does not have.
    /// Case and surrounding spaces do not matter.
    pub fn rank(&self, level: &str) -> Option<usize> {
        let level = level.trim();
        self.levels
            .iter()
            .position(|l| l.eq_ignore_ascii_case(level))
    }

    /// The level as the scheme spells it.
    pub fn canonical(&self, level: &str) -> Option<&str> {
        self.rank(level).map(|rank| self.levels[rank].as_str())
    }

    /// The caveat or marker as the scheme spells it.
    pub fn canonical_caveat(&self, caveat: &str) -> Option<&str> {
        self.caveats
            .iter()
            .chain(&self.markers)
            .find(|c| c.eq_ignore_ascii_case(caveat.trim()))
            .map(String::as_str)
    }

    /// The short form of `level` for portion marking: the scheme's, or the initials of
    /// its words ("TOP SECRET" = "TS"); empty for a level that prints no banner.
    pub fn abbreviation(&self, level: &str) -> String {
        if !self.prints(level) {
            return String::new();
        }
        let level = self.canonical(level).unwrap_or(level);
        match self.abbreviations.get(level) {
            Some(short) => short.clone(),
            None => level
                .split(|c: char| !c.is_alphanumeric())
                .filter_map(|word| word.chars().next())
                .collect::<String>()
                .to_uppercase(),
        }
    }

    /// Whether `level` prints a banner.
    pub fn prints(&self, level: &str) -> bool {
        !self
            .unprinted
            .iter()
            .any(|l| l.eq_ignore_ascii_case(level.trim()))
    }

    /// The colour the marking of `level` prints in, as red, green, blue.
    pub fn colour_of(&self, level: &str) -> Option<(u8, u8, u8)> {
        let colour = parse_colour(self.print.colour.as_deref()?)?;
        let from = match &self.print.colour_from {
            Some(from) => self.rank(from)?,
            None => 0,
        };
        (self.rank(level)? >= from).then_some(colour)
    }
}

fn parse_colour(hex: &str) -> Option<(u8, u8, u8)> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
    Some((byte(0)?, byte(2)?, byte(4)?))
}
