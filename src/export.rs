//! Export: layout plus PDF, or the Word document, for a project, written atomically. The
//! CLI and the window both export through here, so they give the same bytes, and both
//! choose the format from the file name with [`ExportFormat::from_path`] (or the CLI's
//! `--format`).

use std::path::Path;

use crate::layout::{Laid, Layouter};
use crate::model::Project;
use crate::pdf::{PdfError, PdfStandard};
use crate::project::{WriteError, write_atomically};
use crate::template::{Template, TemplateError};

/// A file format Briefwright can export to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Pdf,
    /// A Word document (`.docx`) the minister's office can edit.
    Docx,
}

impl ExportFormat {
    /// Every format, in the order they are offered.
    pub const ALL: &[ExportFormat] = &[ExportFormat::Pdf, ExportFormat::Docx];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "pdf",
            ExportFormat::Docx => "docx",
        }
    }

    /// What the format is called in menus and messages.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "PDF",
            ExportFormat::Docx => "Word",
        }
    }

    /// The format named on the command line ("pdf", "docx", "word"), in any case.
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "pdf" => Some(ExportFormat::Pdf),
            "docx" | "word" => Some(ExportFormat::Docx),
            _ => None,
        }
    }

    /// The format named by the path's extension (in any case), or an error that lists the
    /// supported extensions.
    pub fn from_path(path: &Path) -> Result<ExportFormat, ExportError> {
        let extension = path.extension().map(|e| e.to_string_lossy().into_owned());
        Self::ALL
            .iter()
            .copied()
            .find(|format| {
                extension
                    .as_deref()
                    .is_some_and(|e| e.eq_ignore_ascii_case(format.extension()))
            })
            .ok_or_else(|| ExportError::UnsupportedFormat {
                path: path.display().to_string(),
                extension,
            })
    }
}

/// ".pdf, .docx".
fn supported_extensions() -> String {
    ExportFormat::ALL
        .iter()
        .map(|format| format!(".{}", format.extension()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unsupported_reason(extension: &Option<String>) -> String {
    match extension {
        Some(extension) => format!(".{extension} is not a format Briefwright exports yet"),
        None => "the name has no extension to say which format to write".to_owned(),
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "cannot export to {path}: {reason}; supported: {supported}",
        reason = unsupported_reason(.extension),
        supported = supported_extensions()
    )]
    UnsupportedFormat {
        path: String,
        extension: Option<String>,
    },
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    Word(#[from] crate::word::WordError),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// A rendered brief: the layout (with its diagnostics) and the PDF bytes.
pub struct Rendered {
    pub laid: Laid,
    pub pdf: Vec<u8>,
}

/// Lays out the project with its own template and writes the PDF in memory, tagged,
/// PDF/UA-1 and PDF/A-2a. The window passes its own layouter, so blocks it has already
/// laid out are not built again.
pub fn render(project: &Project, layouter: &mut Layouter) -> Result<Rendered, ExportError> {
    render_as(project, layouter, PdfStandard::default())
}

/// [`render`], meeting `standard`.
pub fn render_as(
    project: &Project,
    layouter: &mut Layouter,
    standard: PdfStandard,
) -> Result<Rendered, ExportError> {
    let template = Template::for_brief(&project.brief)?;
    let laid = layouter.layout(project, &template);
    let pdf = crate::pdf::write_as(&laid, standard)?;
    Ok(Rendered { laid, pdf })
}

/// Renders and writes the file in the format its extension names, so that a failure
/// never leaves half a file. An unsupported extension writes nothing.
pub fn export_to_file(
    project: &Project,
    path: &Path,
    layouter: &mut Layouter,
) -> Result<Laid, ExportError> {
    export_as(project, path, ExportFormat::from_path(path)?, layouter)
}

/// Renders and writes the file in `format`, whatever its name. Both formats are written
/// from one layout, which also gives the warnings (marking raised, pages over budget,
/// missing title block lines).
pub fn export_as(
    project: &Project,
    path: &Path,
    format: ExportFormat,
    layouter: &mut Layouter,
) -> Result<Laid, ExportError> {
    let prepared = prepare(project, format, layouter)?;
    write_atomically(path, &prepared.bytes, false)?;
    Ok(prepared.laid)
}

/// An export made but not yet written: the layout, with its diagnostics, and the bytes.
/// The caller looks at the errors first and decides whether to write.
pub struct Prepared {
    pub laid: Laid,
    pub bytes: Vec<u8>,
}

impl Prepared {
    /// How many of the layout's diagnostics are errors (text that prints as
    /// `[Missing: …]` or as boxes).
    pub fn error_count(&self) -> usize {
        self.laid
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .count()
    }
}

/// What an export shows of the brief's review.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Copy {
    /// The brief as it prints: no suggestion made, no comment shown. A Word file still
    /// carries the open suggestions as tracked changes, for a Word user to answer.
    #[default]
    Clean,
    /// The review copy: suggestions marked, comments printed with their text.
    Review,
}

/// Lays the project out and produces the file's bytes in `format`, without writing; a
/// PDF is tagged, PDF/UA-1 and PDF/A-2a.
pub fn prepare(
    project: &Project,
    format: ExportFormat,
    layouter: &mut Layouter,
) -> Result<Prepared, ExportError> {
    prepare_as(project, format, layouter, PdfStandard::default())
}

/// [`prepare`], a PDF meeting `standard` (a Word document is the same either way).
pub fn prepare_as(
    project: &Project,
    format: ExportFormat,
    layouter: &mut Layouter,
    standard: PdfStandard,
) -> Result<Prepared, ExportError> {
    prepare_copy_as(project, format, Copy::Clean, layouter, standard)
}

/// [`prepare`], for a clean copy or a review copy.
pub fn prepare_copy(
    project: &Project,
    format: ExportFormat,
    copy: Copy,
    layouter: &mut Layouter,
) -> Result<Prepared, ExportError> {
    prepare_copy_as(project, format, copy, layouter, PdfStandard::default())
}

/// [`prepare_copy`], a PDF meeting `standard`.
pub fn prepare_copy_as(
    project: &Project,
    format: ExportFormat,
    copy: Copy,
    layouter: &mut Layouter,
    standard: PdfStandard,
) -> Result<Prepared, ExportError> {
    let shown = match (copy, format) {
        (Copy::Review, ExportFormat::Pdf) => std::borrow::Cow::Owned(project.review_copy()),
        (Copy::Review, ExportFormat::Docx) => std::borrow::Cow::Owned(project.word_review_copy()),
        (Copy::Clean, ExportFormat::Pdf) => project.as_printed(),
        (Copy::Clean, ExportFormat::Docx) => project.word_copy(),
    };
    // Where the brief stands in clearance goes into the file's properties; a draft says
    // nothing, so an ordinary export keeps its bytes.
    let status = project.review_status();
    let with_status;
    let project = if status == crate::model::ReviewStatus::Draft {
        shown.as_ref()
    } else {
        let mut stamped = shown.into_owned();
        stamped
            .brief
            .meta
            .keywords
            .push(format!("Status: {}", status.label()));
        with_status = stamped;
        &with_status
    };
    match format {
        ExportFormat::Pdf => {
            let rendered = render_as(project, layouter, standard)?;
            Ok(Prepared {
                laid: rendered.laid,
                bytes: rendered.pdf,
            })
        }
        ExportFormat::Docx => {
            let template = Template::for_brief(&project.brief)?;
            let laid = layouter.layout(project, &template);
            let bytes = crate::word::write(&laid, &template)?;
            Ok(Prepared { laid, bytes })
        }
    }
}

/// The project as it is exported when its errors are let through: a keyword in the
/// document's properties (PDF and Word) says how many errors it was exported with, so the
/// file says so wherever it goes; the places themselves print as `[Missing: …]`.
pub fn marked_with_errors(project: &Project, errors: usize) -> Project {
    let mut marked = project.clone();
    let plural = if errors == 1 { "" } else { "s" };
    marked.brief.meta.keywords.push(format!(
        "EXPORTED WITH {errors} ERROR{}",
        plural.to_uppercase()
    ));
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_extension() {
        assert_eq!(
            ExportFormat::from_path(Path::new("out/brief.PDF")).ok(),
            Some(ExportFormat::Pdf)
        );
        assert_eq!(
            ExportFormat::from_path(Path::new("brief.Docx")).ok(),
            Some(ExportFormat::Docx)
        );
        assert_eq!(ExportFormat::from_name("Word"), Some(ExportFormat::Docx));
        assert_eq!(ExportFormat::from_name("odt"), None);
        for (path, expected) in [
            (
                "brief.odt",
                "cannot export to brief.odt: .odt is not a format Briefwright exports yet; supported: .pdf, .docx",
            ),
            (
                "brief",
                "cannot export to brief: the name has no extension to say which format to write; supported: .pdf, .docx",
            ),
        ] {
            let error = ExportFormat::from_path(Path::new(path)).expect_err("refused");
            assert_eq!(error.to_string(), expected);
        }
    }
}
