//! Ids used twice: found, and given fresh ids so that the brief can still be opened. A
//! duplicate makes selection, undo and references ambiguous (an edit meant for one block
//! lands on another), so it is an error until the file is saved again.

use std::collections::HashSet;

use super::{BlockKind, Project, SectionRef, SourceId, shorten};

impl Project {
    /// Gives every second use of a source, section (within its source), talking point,
    /// part or block id a fresh id, and says what was changed, one line each. References
    /// keep pointing at the first holder of an id, unless only a later one holds the
    /// section they quote.
    pub fn repair_duplicate_ids(&mut self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        let mut renamed_sources: Vec<(SourceId, SourceId)> = Vec::new();
        for index in 0..self.sources.len() {
            let old = self.sources[index].id;
            if !seen.insert(old) {
                let new = self.ids.source();
                self.sources[index].id = new;
                renamed_sources.push((old, new));
                problems.push(format!(
                    "source id {} is used twice; the second, \u{201c}{}\u{201d}, now has id {}",
                    old.0,
                    shorten(&self.sources[index].title, 60),
                    new.0
                ));
            }
            let mut sections = HashSet::new();
            for section in 0..self.sources[index].sections.len() {
                let old_section = self.sources[index].sections[section].id;
                if !sections.insert(old_section) {
                    let new_section = self.ids.section();
                    self.sources[index].sections[section].id = new_section;
                    problems.push(format!(
                        "section id {} is used twice in source \u{201c}{}\u{201d}; the second now has id {}",
                        old_section.0,
                        shorten(&self.sources[index].title, 60),
                        new_section.0
                    ));
                }
            }
        }
        self.retarget(&renamed_sources);

        let mut points = HashSet::new();
        for index in 0..self.talking_points.len() {
            let old = self.talking_points[index].id;
            if !points.insert(old) {
                let new = self.ids.talking_point();
                self.talking_points[index].id = new;
                problems.push(format!(
                    "talking point id {} is used twice; the second, \u{201c}{}\u{201d}, now has id {}",
                    old.0,
                    shorten(&self.talking_points[index].text, 60),
                    new.0
                ));
            }
        }
        let mut parts = HashSet::new();
        let mut blocks = HashSet::new();
        for part_index in 0..self.brief.parts.len() {
            let old = self.brief.parts[part_index].id;
            if !parts.insert(old) {
                let new = self.ids.part();
                self.brief.parts[part_index].id = new;
                problems.push(format!(
                    "part id {} is used twice; the second, \u{201c}{}\u{201d}, now has id {}",
                    old.0,
                    shorten(&self.brief.parts[part_index].title, 60),
                    new.0
                ));
            }
            for block_index in 0..self.brief.parts[part_index].blocks.len() {
                let old = self.brief.parts[part_index].blocks[block_index].id;
                if !blocks.insert(old) {
                    let new = self.ids.block();
                    self.brief.parts[part_index].blocks[block_index].id = new;
                    problems.push(format!(
                        "block id {} is used twice; the second, {} \u{b6}{}, now has id {}",
                        old.0,
                        shorten(&self.brief.parts[part_index].title, 60),
                        block_index + 1,
                        new.0
                    ));
                }
            }
        }
        problems
    }

    /// Points a reference to a section that only a renamed duplicate source holds at
    /// that source's new id.
    fn retarget(&mut self, renamed: &[(SourceId, SourceId)]) {
        if renamed.is_empty() {
            return;
        }
        let holder = |project: &Project, reference: SectionRef| -> Option<SectionRef> {
            if project.section(reference).is_some() {
                return None;
            }
            renamed
                .iter()
                .filter(|(old, _)| *old == reference.source)
                .map(|(_, new)| SectionRef {
                    source: *new,
                    section: reference.section,
                })
                .find(|candidate| project.section(*candidate).is_some())
        };
        let mut changes = Vec::new();
        for (part_index, part) in self.brief.parts.iter().enumerate() {
            for (block_index, block) in part.blocks.iter().enumerate() {
                if let BlockKind::Excerpt { from, .. } = &block.kind
                    && let Some(target) = holder(self, *from)
                {
                    changes.push((part_index, block_index, target));
                }
            }
        }
        for (part_index, block_index, target) in changes {
            if let BlockKind::Excerpt { from, .. } =
                &mut self.brief.parts[part_index].blocks[block_index].kind
            {
                *from = target;
            }
        }
        let point_changes: Vec<(usize, SectionRef)> = self
            .talking_points
            .iter()
            .enumerate()
            .filter_map(|(index, point)| Some((index, holder(self, point.source?)?)))
            .collect();
        for (index, target) in point_changes {
            self.talking_points[index].source = Some(target);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockId, Section, SectionId, SectionKind, Source};

    #[test]
    fn second_uses_get_fresh_ids_and_excerpts_follow_their_section() {
        let mut project = Project::new("briefing-note", &[("bg".into(), "Background".into())]);
        let section = |id| Section {
            id: SectionId(id),
            kind: SectionKind::Paragraph,
            text: format!("section {id}"),
            figure: None,
        };
        for (title, section_id) in [("First", 10), ("Second", 20)] {
            let mut source = Source::new(title, vec![section(section_id)]);
            source.id = SourceId(5);
            project.sources.push(source);
        }
        for id in [7, 7] {
            project.brief.parts[0].blocks.push(Block {
                id: BlockId(id),
                kind: BlockKind::Excerpt {
                    from: SectionRef {
                        source: SourceId(5),
                        section: SectionId(20),
                    },
                    edited: None,
                },
            });
        }
        project.ids.reserve_up_to(20);
        let problems = project.repair_duplicate_ids();
        assert_eq!(
            problems,
            vec![
                "source id 5 is used twice; the second, \u{201c}Second\u{201d}, now has id 21",
                "block id 7 is used twice; the second, Background \u{b6}2, now has id 22",
            ]
        );
        assert!(project.dangling_references().is_empty());
        assert!(project.repair_duplicate_ids().is_empty());
    }
}
