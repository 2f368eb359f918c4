//! Parts a template wants on the first page (a decision brief's key points, which the
//! minister must see without turning over): a warning names the part and the page it
//! runs onto, so the officer can cut before the brief goes up.

use crate::model::Project;
use crate::template::Template;

use super::{Diagnostic, Laid};

/// A warning for each part that must stay on page 1 and does not.
pub fn spills(project: &Project, template: &Template, laid: &Laid) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for part in &project.brief.parts {
        if !template.part(&part.key).is_some_and(|p| p.first_page) {
            continue;
        }
        let spilled = laid
            .pages
            .iter()
            .enumerate()
            .skip(1)
            .find_map(|(page, items)| {
                items
                    .items
                    .iter()
                    .filter_map(|item| item.block)
                    .find(|block| part.blocks.iter().any(|b| b.id == *block))
                    .map(|block| (page, block))
            });
        if let Some((page, block)) = spilled {
            warnings.push(Diagnostic::warning(
                format!(
                    "{} runs onto page {}; the {} template wants it all on page 1, where the minister reads first",
                    part.title,
                    page + 1,
                    template.name
                ),
                Some(block),
            ));
        }
    }
    warnings
}
