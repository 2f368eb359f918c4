//! The paragraphs a layout is about to set, collected beforehand so that
//! [`Typesetter::prefetch`] can set them on two threads.

use super::citations::Citations;
use super::footnotes::Footnotes;
use super::plan::Plan;
use super::portion::PortionMarks;
use crate::fonts::{ParagraphRequest, Typesetter};
use crate::model::Project;
use crate::template::Template;

/// Every paragraph the flow builder sets for the brief, in the order it sets them. The
/// widest paragraph number of each numbered part decides how far that part's paragraphs
/// hang, so that number is set here for real; everything else is only described.
pub fn paragraph_requests(
    project: &Project,
    template: &Template,
    typesetter: &mut Typesetter,
) -> Vec<ParagraphRequest> {
    let citations = Citations::new(project, template);
    let portions = PortionMarks::new(project, template);
    let footnotes = Footnotes::new(project, template);
    let plan = Plan::new(project, template, &citations, &portions, &footnotes);
    let mut requests = vec![plan.title()];
    if let Some(table) = plan.meta_table() {
        requests.extend(table.rows.into_iter().flatten());
    }
    for printed in plan.printed_parts() {
        requests.push(plan.heading(&printed).1);
        if printed.lead_with_purpose {
            requests.push(plan.purpose());
        }
        let hang = plan.number_hang(&printed, typesetter);
        for (block, label) in printed.blocks() {
            requests.extend(plan.block(block, label.as_deref(), hang).into_requests());
        }
    }
    if let Some((heading, entries)) = plan.sources_list() {
        requests.push(heading);
        for entry in entries {
            requests.push(entry.text);
            requests.push(entry.label);
        }
    }
    requests
}

#[cfg(test)]
mod tests {
    use super::paragraph_requests;
    use crate::fonts::Typesetter;
    use crate::layout::content;
    use crate::layout::memo::BlockCache;
    use crate::model::Project;
    use crate::sample::{long_project, project};
    use crate::template::{BUILT_IN, Template};

    /// Builds the flow afresh; returns how many paragraphs that shaped.
    fn build(project: &Project, template: &Template, typesetter: &mut Typesetter) -> usize {
        let before = typesetter.paragraphs_shaped();
        let mut blocks = BlockCache::default();
        content::build(
            project,
            template,
            typesetter,
            &mut blocks,
            &mut Vec::new(),
            false,
        );
        typesetter.paragraphs_shaped() - before
    }

    /// After every request is set: how many paragraphs the builder still had to shape, and
    /// how many requests it did not use.
    fn drift(project: &Project, template: &Template) -> (usize, usize) {
        let needed = build(project, template, &mut Typesetter::new());
        let mut typesetter = Typesetter::new();
        for request in paragraph_requests(project, template, &mut typesetter) {
            typesetter.set(&request.spans, &request.style, request.width);
        }
        let requested = typesetter.paragraphs_shaped();
        let unasked = build(project, template, &mut typesetter);
        (unasked, (requested + unasked).saturating_sub(needed))
    }

    #[test]
    fn requests_are_what_the_builder_sets() {
        let mut broken = project();
        broken.sources.clear();
        broken.talking_points.clear();
        let mut no_meta = project();
        no_meta.brief.meta.purpose.clear();
        no_meta.brief.meta.to.clear();
        let briefs = [
            ("the sample", project()),
            ("broken references", broken),
            ("no purpose or addressee", no_meta),
            ("a long brief", long_project(150)),
        ];
        for (name, _) in BUILT_IN {
            let template = Template::built_in(name).expect("built-in template");
            for (brief, project) in &briefs {
                assert_eq!(
                    drift(project, &template),
                    (0, 0),
                    "paragraphs shaped though not requested, and requested though not used: {brief} with {name}"
                );
            }
        }
    }

    #[test]
    fn after_a_prefetch_the_builder_shapes_nothing() {
        // The 200-page brief of the benchmarks, whose numbered paragraphs run past 100.
        let project = long_project(1910);
        let template = Template::built_in("briefing-note").expect("template");
        let needed = build(&project, &template, &mut Typesetter::new());
        let mut typesetter = Typesetter::new();
        let requests = paragraph_requests(&project, &template, &mut typesetter);
        typesetter.prefetch(requests);
        // With the widest paragraph numbers, measured while collecting the requests.
        let ahead = typesetter.paragraphs_shaped();
        assert!(ahead > 1000, "only {ahead} paragraphs set ahead");
        assert_eq!(
            build(&project, &template, &mut typesetter),
            0,
            "paragraphs the real pass shaped after the prefetch"
        );
        assert_eq!(ahead, needed, "paragraphs set ahead and needed");
    }
}
