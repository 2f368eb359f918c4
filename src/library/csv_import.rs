//! `briefwright library import`: the lines a department already keeps in a spreadsheet,
//! saved as CSV with a header row naming its columns (`text`, `tags`, `owner`,
//! `approved_by`, `approved_on`, `review_by`, `marking`, `status`, and optionally
//! `topic` and `sources`). Each row becomes a new line file with a fresh id, so two
//! imports into one library at once both land whole. A bad row is named by its line
//! number and the rest still come in.

use std::path::Path;

use super::line::{Action, Line, Status, is_iso_date};
use super::store::create_line;

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// The ids of the lines made, in row order.
    pub imported: Vec<String>,
    /// "line 7: its status “maybe” is not draft, approved or withdrawn".
    pub bad_rows: Vec<String>,
}

/// The columns a spreadsheet may have; `text` is required.
const COLUMNS: [&str; 10] = [
    "text",
    "tags",
    "owner",
    "approved_by",
    "approved_on",
    "review_by",
    "marking",
    "status",
    "topic",
    "sources",
];

/// Splits a cell of several values ("housing; trade" or "housing, trade").
fn list(cell: &str) -> Vec<String> {
    cell.split([';', ',', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn row_to_line(
    columns: &[Option<usize>],
    record: &csv::StringRecord,
    by: &str,
) -> Result<Line, String> {
    let cell = |name: &str| -> &str {
        let at = COLUMNS.iter().position(|c| *c == name);
        at.and_then(|at| columns[at])
            .and_then(|i| record.get(i))
            .map(str::trim)
            .unwrap_or_default()
    };
    let text = cell("text");
    if text.is_empty() {
        return Err("its text is empty".to_owned());
    }
    let mut line = Line::new(text, by);
    line.tags = list(cell("tags"));
    let owner = cell("owner");
    if !owner.is_empty() {
        line.owner = owner.to_owned();
    }
    line.approved_by = cell("approved_by").to_owned();
    line.marking = cell("marking").to_owned();
    line.topic = cell("topic").to_owned();
    line.sources = list(cell("sources"));
    for (name, value) in [
        ("approved_on", cell("approved_on")),
        ("review_by", cell("review_by")),
    ] {
        if !value.is_empty() && !is_iso_date(value) {
            return Err(format!(
                "its {name} \u{201c}{value}\u{201d} is not a date written YYYY-MM-DD"
            ));
        }
    }
    line.approved_on = cell("approved_on").to_owned();
    line.review_by = cell("review_by").to_owned();
    let status = cell("status");
    line.status = if status.is_empty() {
        Status::Draft
    } else {
        Status::from_word(status).ok_or_else(|| {
            format!("its status \u{201c}{status}\u{201d} is not draft, approved or withdrawn")
        })?
    };
    Ok(line)
}

/// Imports the rows of the CSV file `csv_path` into the library in `folder`, credited to
/// `by`. Fails as a whole only if the file cannot be read or has no `text` column.
pub fn import_csv(folder: &Path, csv_path: &Path, by: &str) -> Result<ImportReport, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(csv_path)
        .map_err(|e| format!("cannot read {}: {e}", csv_path.display()))?;
    let headers = reader
        .headers()
        .map_err(|e| format!("cannot read the header row of {}: {e}", csv_path.display()))?
        .clone();
    let normalised: Vec<String> = headers
        .iter()
        .map(|h| {
            h.trim()
                .trim_start_matches('\u{feff}')
                .to_lowercase()
                .replace(' ', "_")
        })
        .collect();
    let columns: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|name| normalised.iter().position(|h| h == name))
        .collect();
    if columns[0].is_none() {
        return Err(format!(
            "{} has no \u{201c}text\u{201d} column; its header row names {}",
            csv_path.display(),
            headers.iter().collect::<Vec<_>>().join(", ")
        ));
    }
    let mut report = ImportReport::default();
    let mut record = csv::StringRecord::new();
    loop {
        let at_line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let number = record.position().map_or(at_line, |p| p.line());
                match row_to_line(&columns, &record, by) {
                    Ok(line) => match create_line(folder, &line, by, Action::Imported) {
                        Ok(saved) => report.imported.push(saved.line.id),
                        Err(e) => report.bad_rows.push(format!("line {number}: {e}")),
                    },
                    Err(why) => report.bad_rows.push(format!("line {number}: {why}")),
                }
            }
            Err(e) => {
                let number = e.position().map_or(at_line, |p| p.line());
                report.bad_rows.push(format!("line {number}: {e}"));
                // A broken UTF-8 or quoting error spoils only its row.
                if !matches!(
                    e.kind(),
                    csv::ErrorKind::Utf8 { .. } | csv::ErrorKind::UnequalLengths { .. }
                ) {
                    break;
                }
            }
        }
    }
    Ok(report)
}
