//! Switching a brief to another kind: its blocks move to the new kind's parts by part key,
//! by an alias the new kind declares ("key_issues" goes to a decision brief's Key Points),
//! or by title. A part with no place in the new kind stays as it is, shown in the editor as
//! not printed (and named in a warning), so nothing is lost and switching back puts every
//! block where it was. The edits apply, and undo, as one step.

use crate::model::{CustomTemplate, Edit, Project};

use super::Template;

impl Template {
    /// The edits that lay `project` out with this template, moving blocks from parts it
    /// does not print into the parts that take them.
    pub fn switch_edits(&self, project: &Project, custom: Option<CustomTemplate>) -> Vec<Edit> {
        let parts = self.part_titles();
        let homeless: Vec<usize> = self
            .unprinted_parts(&project.brief)
            .into_iter()
            .map(|(index, _)| index)
            .collect();
        let targets: Vec<(usize, String)> = homeless
            .iter()
            .filter_map(|&index| {
                let old = &project.brief.parts[index];
                let home = self.parts.iter().find(|p| {
                    p.aliases.contains(&old.key)
                        || p.title.trim().eq_ignore_ascii_case(old.title.trim())
                })?;
                Some((index, home.key.clone()))
            })
            .collect();
        let mut edits = vec![Edit::SetTemplate {
            name: self.name.clone(),
            custom: custom.clone(),
            parts: parts.clone(),
        }];
        // Where each part will be once SetTemplate has added the missing ones.
        let mut after = project.clone();
        if after.apply(edits[0].clone()).is_err() {
            return edits;
        }
        for (index, key) in &targets {
            let old = &project.brief.parts[*index];
            let Some(target) = after.brief.parts.iter().position(|p| p.key == *key) else {
                continue;
            };
            for block in &old.blocks {
                let at = after.brief.parts[target].blocks.len();
                let edit = Edit::MoveBlockTo {
                    block: block.id,
                    part: target,
                    index: at,
                };
                if after.apply(edit.clone()).is_ok() {
                    edits.push(edit);
                }
            }
        }
        let emptied: Vec<_> = after
            .brief
            .parts
            .iter()
            .filter(|p| p.blocks.is_empty() && self.part(&p.key).is_none())
            .map(|p| p.id)
            .collect();
        if !emptied.is_empty() {
            edits.push(Edit::SwapTemplate {
                name: self.name.clone(),
                custom,
                remove_parts: emptied,
                insert_parts: Vec::new(),
            });
        }
        edits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply_all(project: &mut Project, edits: Vec<Edit>) -> Vec<Edit> {
        edits
            .into_iter()
            .map(|edit| project.apply_undoable(edit).expect("applies").inverse)
            .collect()
    }

    #[test]
    fn switching_moves_blocks_by_key_and_alias_keeps_the_rest_and_undoes() {
        let mut project = crate::sample::project();
        let original = project.clone();
        let count = |p: &Project| p.brief.parts.iter().map(|p| p.blocks.len()).sum::<usize>();
        let decision = Template::built_in("decision-brief").expect("template");
        let edits = decision.switch_edits(&project, None);
        let undo = apply_all(&mut project, edits);
        assert_eq!(project.brief.template, "decision-brief");
        assert_eq!(count(&project), count(&original), "no block is lost");
        let part = |key: &str| {
            project
                .brief
                .parts
                .iter()
                .find(|p| p.key == key)
                .unwrap_or_else(|| panic!("{key}"))
        };
        let key_issues = original
            .brief
            .parts
            .iter()
            .find(|p| p.key == "key_issues")
            .expect("part");
        assert_eq!(
            part("key_points").blocks,
            key_issues.blocks,
            "key issues become key points"
        );
        assert!(
            project.brief.parts.iter().all(|p| p.key != "key_issues"),
            "the emptied part goes"
        );

        // A visit brief has no Recommendation part: that part stays, not printed.
        let visit = Template::built_in("visit-brief").expect("template");
        let edits = visit.switch_edits(&project, None);
        let again = apply_all(&mut project, edits);
        let kept = project
            .brief
            .parts
            .iter()
            .find(|p| p.key == "recommendation")
            .expect("kept");
        assert!(!kept.blocks.is_empty());
        assert!(visit.part("recommendation").is_none());
        assert_eq!(count(&project), count(&original));

        apply_all(&mut project, again.into_iter().rev().collect());
        apply_all(&mut project, undo.into_iter().rev().collect());
        assert!(
            project.same_content(&original),
            "undo gives the brief back as it was"
        );
    }
}
