//! The brief's structure for an export that sets its own pages (Word): the same plan the
//! layout sets, with the same citations, portion marks and footnote numbers, and the
//! marking banner every page carries. The paragraphs come with their styled spans; their
//! widths are the layout's business and are ignored there.

use crate::model::Project;
use crate::template::Template;

use super::citations::Citations;
use super::footnotes::Footnotes;
use super::furniture::Banner;
use super::plan::Plan;
use super::portion::PortionMarks;

/// What a plan of the brief refers to: the numbered sources, the portion marks and the
/// numbered footnotes.
pub struct Structure {
    citations: Citations,
    portions: PortionMarks,
    footnotes: Footnotes,
}

impl Structure {
    pub fn new(project: &Project, template: &Template) -> Self {
        Structure {
            citations: Citations::new(project, template),
            portions: PortionMarks::new(project, template),
            footnotes: Footnotes::new(project, template),
        }
    }

    /// The plan of `project`'s brief with `template`, as the layout makes it.
    pub fn plan<'a>(&'a self, project: &'a Project, template: &'a Template) -> Plan<'a> {
        Plan::new(
            project,
            template,
            &self.citations,
            &self.portions,
            &self.footnotes,
        )
    }

    pub fn footnotes(&self) -> &Footnotes {
        &self.footnotes
    }
}

/// The marking banner of the brief's pages: the level the content requires under the
/// brief's scheme (the default scheme when it names an unknown one, as the layout warns).
pub fn banner(project: &Project, template: &Template) -> Banner {
    let scheme = crate::marking::Scheme::for_meta_or_default(&project.brief.meta);
    let marking = crate::marking::compute(project, &scheme, &template.default_classification);
    Banner::new(&marking, &scheme, template)
}
