//! A brief with a review history, for the review tests and benches.

use briefwright::model::versions::VersionReason;
use briefwright::model::{BlockKind, Edit, Project};

/// `project` after `versions` rounds of review: each round rewords three paragraphs
/// spread through the brief and saves a version, as a brief going back and forth between
/// an officer and their director does.
pub fn with_versions(mut project: Project, versions: usize) -> Project {
    let paragraphs: Vec<_> = project
        .brief
        .blocks()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph { .. }))
        .map(|b| b.id)
        .collect();
    for round in 0..versions {
        for k in 0..3 {
            let Some(&block) = paragraphs.get((round * 7 + k * 31) % paragraphs.len().max(1))
            else {
                continue;
            };
            let text = project
                .target_text(briefwright::model::TextTarget::Block(block))
                .unwrap_or_default();
            project
                .apply(Edit::SetBlockText {
                    block,
                    text: format!("{text} Revised in round {round}."),
                })
                .expect("reword");
        }
        let version = project.snapshot(
            &format!("Round {round}"),
            "Desk Officer",
            "2026-12-06T09:00:00Z",
            VersionReason::Saved,
        );
        project
            .apply(Edit::AddVersion(Box::new(version)))
            .expect("save version");
    }
    project
}
