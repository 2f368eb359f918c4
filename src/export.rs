//! Export: layout plus PDF for a project, written atomically. The CLI and the window
//! both export through here, so they give the same bytes.

use std::path::Path;

use crate::fonts::Typesetter;
use crate::layout::{Laid, layout};
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

/// Lays out the project with its own template and writes the PDF in memory.
pub fn render(project: &Project, typesetter: &mut Typesetter) -> Result<Rendered, ExportError> {
    let template = Template::for_brief(&project.brief)?;
    let laid = layout(project, &template, typesetter);
    let pdf = crate::pdf::write(&laid, &project.brief.meta)?;
    Ok(Rendered { laid, pdf })
}

/// Renders and writes the PDF to `path` so that a failure never leaves half a file.
pub fn export_to_file(
    project: &Project,
    path: &Path,
    typesetter: &mut Typesetter,
) -> Result<Laid, ExportError> {
    let rendered = render(project, typesetter)?;
    write_atomically(path, &rendered.pdf, false)?;
    Ok(rendered.laid)
}
