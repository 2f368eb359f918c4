//! Export: layout plus PDF for a project, written atomically. The CLI and the window
//! both export through here, so they give the same bytes.

use std::path::Path;

use crate::layout::{Laid, Layouter};
use crate::model::Project;
use crate::pdf::PdfError;
use crate::project::{WriteError, write_atomically};
use crate::template::{Template, TemplateError};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// A rendered brief: the layout (with its diagnostics) and the PDF bytes.
pub struct Rendered {
    pub laid: Laid,
    pub pdf: Vec<u8>,
}

/// Lays out the project with its own template and writes the PDF in memory. The window
/// passes its own layouter, so blocks it has already laid out are not built again.
pub fn render(project: &Project, layouter: &mut Layouter) -> Result<Rendered, ExportError> {
    let template = Template::resolve(&project.brief.template)?;
    let laid = layouter.layout(project, &template);
    let pdf = crate::pdf::write(&laid, &project.brief.meta)?;
    Ok(Rendered { laid, pdf })
}

/// Renders and writes the PDF to `path` so that a failure never leaves half a file.
pub fn export_to_file(
    project: &Project,
    path: &Path,
    layouter: &mut Layouter,
) -> Result<Laid, ExportError> {
    let rendered = render(project, layouter)?;
    write_atomically(path, &rendered.pdf, false)?;
    Ok(rendered.laid)
}
