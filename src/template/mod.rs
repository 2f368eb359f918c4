//! Templates: page setup, styles, header and footer, standard parts and the page budget.
//!
//! Templates are TOML files in `templates/`; the shipped ones are embedded in the binary.

mod switch;

use std::path::Path;

use serde::Deserialize;

use crate::model::{Brief, CustomTemplate, Edit};
use crate::units::Pt;

/// The templates that ship with Briefwright, as (name, TOML source).
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "briefing-note",
        include_str!("../../templates/briefing-note.toml"),
    ),
    (
        "talking-points-card",
        include_str!("../../templates/talking-points-card.toml"),
    ),
    (
        "decision-brief",
        include_str!("../../templates/decision-brief.toml"),
    ),
    (
        "information-brief",
        include_str!("../../templates/information-brief.toml"),
    ),
    (
        "visit-brief",
        include_str!("../../templates/visit-brief.toml"),
    ),
    (
        "meeting-brief",
        include_str!("../../templates/meeting-brief.toml"),
    ),
];

/// A built-in template as an officer reads it in menus: "Decision brief" for
/// `decision-brief`.
pub fn kind_label(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The description a built-in template gives of itself, for the template picker.
pub fn built_in_description(id: &str) -> String {
    Template::built_in(id)
        .map(|template| template.description)
        .unwrap_or_default()
}

thread_local! {
    static PARSED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many templates this thread has parsed, for tests and benchmarks that check that
/// the window parses its template once per change rather than every frame.
pub fn templates_parsed() -> usize {
    PARSED.with(std::cell::Cell::get)
}

/// Why a template could not be used.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("no template named \u{201c}{name}\u{201d}; available: {available}")]
    Unknown { name: String, available: String },
    #[error("template {name} is not valid TOML for a template: {message}")]
    Invalid { name: String, message: String },
    /// The message includes the cause, so it is not also `Error::source`.
    #[error("cannot read template file {path}: {cause}")]
    Read { path: String, cause: std::io::Error },
    #[error("template {path} names a crest that cannot be used: {cause}")]
    Crest { path: String, cause: String },
}

/// A parsed template.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub name: String,
    pub description: String,
    /// Pages the brief should fit in; more gives a warning.
    pub page_budget: usize,
    /// Protective markings offered for this kind of brief.
    pub classifications: Vec<String>,
    pub default_classification: String,
    /// Appended to the brief title in the title line ("… — Briefing Note").
    #[serde(default)]
    pub title_suffix: String,
    /// Whether the To/From/Date/Reference table is printed.
    #[serde(default = "yes")]
    pub show_meta_table: bool,
    /// Whether part headings are numbered 1., 2., 3.
    #[serde(default = "yes")]
    pub number_part_headings: bool,
    /// Whether every paragraph starts with its marking in brackets ("(OS)").
    #[serde(default)]
    pub portion_marking: bool,
    /// How excerpts refer to the Sources list: "numbered" ([1]) or "author-year"
    /// ((Brown 2026)).
    #[serde(default)]
    pub citations: CitationStyle,
    /// The title block has a Critical date row: the date and its reason, or "Routine".
    #[serde(default)]
    pub critical_date: bool,
    /// The minister's comments space, signature and date lines follow the recommendations.
    #[serde(default)]
    pub signature_block: bool,
    /// The clearance table is printed after the parts.
    #[serde(default)]
    pub clearance: bool,
    /// The contact officer is printed after the parts.
    #[serde(default)]
    pub contact_officer: bool,
    /// The lettered list of attachments is printed after the parts.
    #[serde(default)]
    pub attachments: bool,
    pub page: PageSetup,
    pub fonts: Fonts,
    pub styles: Styles,
    pub header: Header,
    pub footer: Footer,
    /// The department's crest or logo, above the title on page 1.
    #[serde(default)]
    pub crest: Option<Crest>,
    pub parts: Vec<PartTemplate>,
}

fn yes() -> bool {
    true
}

/// Paper size and margins.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageSetup {
    pub width_mm: f32,
    pub height_mm: f32,
    pub margin_top_mm: f32,
    pub margin_bottom_mm: f32,
    pub margin_left_mm: f32,
    pub margin_right_mm: f32,
}

impl PageSetup {
    /// Page width.
    pub fn width(&self) -> Pt {
        Pt::mm(self.width_mm)
    }
    /// Page height.
    pub fn height(&self) -> Pt {
        Pt::mm(self.height_mm)
    }
    /// Width of the text column.
    pub fn text_width(&self) -> Pt {
        Pt::mm(self.width_mm - self.margin_left_mm - self.margin_right_mm)
    }
}

/// How excerpts and talking points refer to their sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CitationStyle {
    #[default]
    Numbered,
    AuthorYear,
}

/// Font families by role.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    pub body: String,
    /// The families to try, after the body font, for each script it lacks
    /// (`[fonts.fallback]`, for example `chinese = ["Droid Sans Fallback"]`). Scripts the
    /// template leaves out keep the built-in choice.
    #[serde(default)]
    pub fallback: crate::fonts::FontFallback,
}

/// Paragraph styles by role.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Styles {
    pub body: Style,
    pub title: Style,
    pub meta: Style,
    pub heading: Style,
    pub excerpt: Style,
    pub citation: Style,
    pub list: Style,
    pub header: Style,
    pub footer: Style,
}

/// How a kind of paragraph is set.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Style {
    pub size_pt: f32,
    /// Line height as a multiple of the font size.
    pub leading: f32,
    #[serde(default)]
    pub space_before_pt: f32,
    #[serde(default)]
    pub space_after_pt: f32,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub italic: bool,
    #[serde(default)]
    pub align: Align,
    #[serde(default)]
    pub indent_left_mm: f32,
    #[serde(default)]
    pub indent_right_mm: f32,
}

/// Horizontal alignment of lines: the typesetter's, which sets the lines.
pub use crate::fonts::Align;

/// What the top of every page carries.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub classification: bool,
}

/// The crest or logo a department's template prints above the title on page 1. Its
/// picture is read from `file` (beside the template) when the template is chosen, and
/// kept in the project with the template, so the brief prints it on any machine.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crest {
    /// The picture file, relative to the template file: PNG, JPEG or SVG.
    pub file: String,
    pub width_mm: f32,
    #[serde(default = "centre")]
    pub align: Align,
    /// What a screen reader says of it ("Australian Government crest"). Without it the
    /// crest is decoration, skipped by screen readers: the department's name is in the
    /// brief's text. Some departments' rules ask for the logo to be described.
    #[serde(default)]
    pub alt: Option<String>,
}

fn centre() -> Align {
    Align::Center
}

/// What the bottom of every page carries.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    pub classification: bool,
    pub page_numbers: bool,
    pub reference: bool,
}

/// A standard part of the brief.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartTemplate {
    pub key: String,
    pub title: String,
    /// Paragraphs in this part are numbered 1., 2., 3.
    #[serde(default)]
    pub numbered_paragraphs: bool,
    /// The brief's purpose line opens this part.
    #[serde(default)]
    pub lead_with_purpose_line: bool,
    /// New drafts put imported article sections here.
    #[serde(default)]
    pub receives_excerpts: bool,
    /// Talking points added from the library go here by default.
    #[serde(default)]
    pub receives_talking_points: bool,
    /// The part must fit on page 1; a warning says when it runs over.
    #[serde(default)]
    pub first_page: bool,
    /// Keys of other kinds' parts whose blocks move here when a brief switches to this
    /// kind ("key_issues" into a decision brief's Key Points).
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Template {
    /// A built-in template by name.
    pub fn built_in(name: &str) -> Result<Template, TemplateError> {
        let (_, source) =
            BUILT_IN
                .iter()
                .find(|(n, _)| *n == name)
                .ok_or_else(|| TemplateError::Unknown {
                    name: name.to_owned(),
                    available: BUILT_IN
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
        Template::parse(name, source)
    }

    /// The template a brief is laid out with: the one kept in the project if it has its
    /// own, otherwise the built-in one it names.
    pub fn for_brief(brief: &Brief) -> Result<Template, TemplateError> {
        match &brief.custom_template {
            Some(custom) => Template::parse(&custom.origin, &custom.toml),
            None => Template::built_in(&brief.template),
        }
    }

    /// Reads a template file, returning it with the copy a project keeps of it.
    pub fn from_file(path: &Path) -> Result<(Template, CustomTemplate), TemplateError> {
        let shown = path.display().to_string();
        let toml = crate::regular_file::read_regular_text(path, 1024 * 1024).map_err(|cause| {
            TemplateError::Read {
                path: shown.clone(),
                cause,
            }
        })?;
        let template = Template::parse(&shown, &toml)?;
        let crest = match &template.crest {
            Some(crest) => {
                let file = path.parent().unwrap_or(Path::new(".")).join(&crest.file);
                Some(
                    crate::picture::from_file(&file).map_err(|cause| TemplateError::Crest {
                        path: shown.clone(),
                        cause: cause.to_string(),
                    })?,
                )
            }
            None => None,
        };
        let origin = path
            .canonicalize()
            .map_or(shown, |p| p.display().to_string());
        Ok((
            template,
            CustomTemplate {
                origin,
                toml,
                crest,
            },
        ))
    }

    /// A built-in template by name, or a template file (if `name_or_path` ends in
    /// `.toml`) with the copy a project keeps of it.
    pub fn choose(name_or_path: &str) -> Result<(Template, Option<CustomTemplate>), TemplateError> {
        if name_or_path.ends_with(".toml") {
            let (template, custom) = Template::from_file(Path::new(name_or_path))?;
            Ok((template, Some(custom)))
        } else {
            Ok((Template::built_in(name_or_path)?, None))
        }
    }

    /// The edit that makes a brief use this template (`custom` for one that is not built in).
    pub fn select_edit(&self, custom: Option<CustomTemplate>) -> Edit {
        Edit::SetTemplate {
            name: self.name.clone(),
            custom,
            parts: self.part_titles(),
        }
    }

    /// Parses template TOML.
    pub fn parse(name: &str, source: &str) -> Result<Template, TemplateError> {
        PARSED.with(|count| count.set(count.get() + 1));
        let template: Template = toml::from_str(source).map_err(|e| TemplateError::Invalid {
            name: name.to_owned(),
            message: e.to_string(),
        })?;
        template
            .validate()
            .map_err(|message| TemplateError::Invalid {
                name: name.to_owned(),
                message,
            })?;
        Ok(template)
    }

    /// Checks every length against physical bounds, naming the key and its range: a value
    /// out of range (or not a number: `-1e300` reads as minus infinity) would put `inf`
    /// or `NaN` into the PDF.
    fn validate(&self) -> Result<(), String> {
        let page = &self.page;
        within("page.width_mm", page.width_mm, 50.0, 2000.0, "mm")?;
        within("page.height_mm", page.height_mm, 50.0, 2000.0, "mm")?;
        for (key, value) in [
            ("page.margin_top_mm", page.margin_top_mm),
            ("page.margin_bottom_mm", page.margin_bottom_mm),
            ("page.margin_left_mm", page.margin_left_mm),
            ("page.margin_right_mm", page.margin_right_mm),
        ] {
            within(key, value, 0.0, 500.0, "mm")?;
        }
        let text_width_mm = page.width_mm - page.margin_left_mm - page.margin_right_mm;
        if let Some(crest) = &self.crest {
            within(
                "crest.width_mm",
                crest.width_mm,
                5.0,
                text_width_mm.max(5.0),
                "mm",
            )?;
        }
        if text_width_mm < 20.0
            || page.height_mm - page.margin_top_mm - page.margin_bottom_mm < 40.0
        {
            return Err(
                "the margins leave too little room for text (at least 20 mm across and 40 mm down)"
                    .into(),
            );
        }
        if !(1..=1000).contains(&self.page_budget) {
            return Err(format!(
                "page_budget = {} is out of range; it must be between 1 and 1000 pages",
                self.page_budget
            ));
        }
        let styles = &self.styles;
        for (name, style) in [
            ("body", &styles.body),
            ("title", &styles.title),
            ("meta", &styles.meta),
            ("heading", &styles.heading),
            ("excerpt", &styles.excerpt),
            ("citation", &styles.citation),
            ("list", &styles.list),
            ("header", &styles.header),
            ("footer", &styles.footer),
        ] {
            let key = |field: &str| format!("styles.{name}.{field}");
            within(&key("size_pt"), style.size_pt, 4.0, 72.0, "pt")?;
            within(&key("leading"), style.leading, 0.8, 3.0, "times the size")?;
            within(
                &key("space_before_pt"),
                style.space_before_pt,
                0.0,
                144.0,
                "pt",
            )?;
            within(
                &key("space_after_pt"),
                style.space_after_pt,
                0.0,
                144.0,
                "pt",
            )?;
            within(
                &key("indent_left_mm"),
                style.indent_left_mm,
                0.0,
                200.0,
                "mm",
            )?;
            within(
                &key("indent_right_mm"),
                style.indent_right_mm,
                0.0,
                200.0,
                "mm",
            )?;
            if text_width_mm - style.indent_left_mm - style.indent_right_mm < 20.0 {
                return Err(format!(
                    "{} and {} leave less than 20 mm of the text width",
                    key("indent_left_mm"),
                    key("indent_right_mm")
                ));
            }
        }
        if self.parts.is_empty() {
            return Err("a template needs at least one part".into());
        }
        Ok(())
    }

    /// The template part with this key.
    pub fn part(&self, key: &str) -> Option<&PartTemplate> {
        self.parts.iter().find(|p| p.key == key)
    }

    /// The parts of `brief` that hold blocks this template has no place for, with their
    /// index in the brief: their text is kept in the project but not printed. Layout, the
    /// template switch, the window and the command line all ask this one question.
    pub fn unprinted_parts<'b>(&self, brief: &'b Brief) -> Vec<(usize, &'b crate::model::Part)> {
        brief
            .parts
            .iter()
            .enumerate()
            .filter(|(_, part)| self.part(&part.key).is_none() && !part.blocks.is_empty())
            .collect()
    }

    /// (key, title) of each standard part, for a new brief.
    pub fn part_titles(&self) -> Vec<(String, String)> {
        self.parts
            .iter()
            .map(|p| (p.key.clone(), p.title.clone()))
            .collect()
    }
}

/// Refuses `value` for `key` outside `low..=high` (NaN and infinities included).
fn within(key: &str, value: f32, low: f32, high: f32, unit: &str) -> Result<(), String> {
    if (low..=high).contains(&value) {
        Ok(())
    } else {
        Err(format!(
            "{key} = {value} is out of range; it must be between {low} and {high} {unit}"
        ))
    }
}

#[cfg(test)]
mod tests;
