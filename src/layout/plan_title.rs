//! The parts of the plan that set the title block: the title line and the table of
//! addressees, date, reference and critical date.

use crate::fonts::{ParagraphRequest, StyledSpan};
use crate::units::Pt;

use super::{MetaTable, Plan};

/// What the Critical date row prints when the brief names no critical date.
pub const NO_CRITICAL_DATE: &str = "Routine";

impl Plan<'_> {
    /// The brief's title, with the template's suffix unless the title already says it.
    pub fn title(&self) -> ParagraphRequest {
        let meta = &self.project.brief.meta;
        let suffix = self.template.title_suffix.trim();
        let mut title = meta.title.trim().to_owned();
        if title.is_empty() {
            title = "Untitled brief".to_owned();
        }
        if !suffix.is_empty() && !title.to_lowercase().contains(&suffix.to_lowercase()) {
            title = format!("{title} \u{2014} {suffix}");
        }
        let style = &self.template.styles.title;
        self.request(
            vec![StyledSpan::plain(crate::typography::curly_quotes(&title))],
            style,
            self.width,
        )
    }

    /// The To, From, Date and Reference rows that are filled in, if the template shows them.
    pub fn meta_table(&self) -> Option<MetaTable> {
        if !self.template.show_meta_table {
            return None;
        }
        let meta = &self.project.brief.meta;
        let style = &self.template.styles.meta;
        let mut label_style = style.clone();
        label_style.bold = true;
        let padding = Pt(3.0);
        let label_width = (self.width * 0.24).max(Pt::mm(22.0));
        let value_width = self.width - label_width;
        // Each addressee on a line of its own, with what it is sent to them for.
        let to = std::iter::once((meta.to.as_str(), meta.to_for.as_str()))
            .chain(
                meta.also_to
                    .iter()
                    .map(|a| (a.name.as_str(), a.action.as_str())),
            )
            .filter_map(|(name, action)| match (name.trim(), action.trim()) {
                ("", _) => None,
                (name, "") => Some(name.to_owned()),
                (name, action) => Some(format!("{name} \u{2014} {action}")),
            })
            .collect::<Vec<_>>()
            .join("\n");
        let critical = match (meta.critical_date.trim(), meta.critical_reason.trim()) {
            _ if !self.template.critical_date => String::new(),
            ("", _) => NO_CRITICAL_DATE.to_owned(),
            (date, "") => date.to_owned(),
            (date, reason) => format!("{date} \u{2014} {reason}"),
        };
        let rows: Vec<[ParagraphRequest; 2]> = [
            ("To", &to),
            ("Through", &meta.through),
            ("Copies to", &meta.copies_to),
            ("From", &meta.from),
            ("Date", &meta.date),
            ("Reference", &meta.reference),
            ("Critical date", &critical),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(label, value)| {
            [
                self.request(
                    vec![StyledSpan::plain(label)],
                    &label_style,
                    label_width - padding * 2.0,
                ),
                self.request(
                    vec![StyledSpan::plain(crate::typography::curly_quotes(
                        value.trim(),
                    ))],
                    style,
                    value_width - padding * 2.0,
                ),
            ]
        })
        .collect();
        (!rows.is_empty()).then_some(MetaTable {
            label_width,
            value_width,
            padding,
            rows,
        })
    }
}
