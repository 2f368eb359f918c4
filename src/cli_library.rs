//! `briefwright library …`: making, checking, importing into and editing a shared
//! library of approved lines from the command line, and the library lines of a brief as
//! `check` and `export` report them. A thin layer over [`crate::library`].

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Subcommand;

use crate::library::{
    Action, Expiry, Filter, Library, LibraryInfo, Line, Status, UseCheck, UseNotice,
};
use crate::model::Project;

/// The library commands.
#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Make a folder a library: write its library.toml (name, id, marking ceiling).
    Init {
        dir: PathBuf,
        /// As the Library pane shows it; the folder's name if left out.
        #[arg(long)]
        name: Option<String>,
        /// The highest marking its lines may carry, a level of the scheme.
        #[arg(long)]
        marking: Option<String>,
        /// The marking scheme (au-pspf, uk-gscp, ca-gc, my-ak); the default if left out.
        #[arg(long)]
        scheme: Option<String>,
    },
    /// Report expired and unapproved lines, near-duplicates, lines marked above the
    /// library, sync-conflict copies and unreadable files, then the counts.
    Lint { dir: PathBuf },
    /// Bring in lines kept in a spreadsheet saved as CSV with a header row (text, tags,
    /// owner, approved_by, approved_on, review_by, marking, status); a bad row is named
    /// by its line number and the rest still come in.
    Import {
        dir: PathBuf,
        csv: PathBuf,
        /// Who the lines are credited to; your full name if left out.
        #[arg(long)]
        by: Option<String>,
    },
    /// List the lines that match: id, version, status and text, one a line.
    List {
        dir: PathBuf,
        /// Words that must all appear (text, topic, tags or owner).
        #[arg(long, default_value = "")]
        search: String,
        #[arg(long)]
        tag: Option<String>,
        /// draft, approved or withdrawn.
        #[arg(long, value_parser = parse_status)]
        status: Option<Status>,
        #[arg(long)]
        owner: Option<String>,
        /// Only lines whose review date has passed.
        #[arg(long)]
        expired: bool,
    },
    /// Add a new draft line; prints its id.
    New {
        dir: PathBuf,
        #[arg(long)]
        text: String,
        #[arg(long)]
        topic: Option<String>,
        /// A tag; repeat for several.
        #[arg(long = "tag")]
        tags: Vec<String>,
        #[arg(long)]
        marking: Option<String>,
        /// YYYY-MM-DD, after which the line counts as expired.
        #[arg(long)]
        review_by: Option<String>,
        #[arg(long)]
        by: Option<String>,
    },
    /// Change a line's text. Refused, naming who changed it and when, if the line is no
    /// longer at --expect-version; your text is then kept as a draft.
    SetText {
        dir: PathBuf,
        id: String,
        #[arg(long)]
        text: String,
        /// The version you started from (see `library list`).
        #[arg(long)]
        expect_version: u32,
        #[arg(long)]
        by: Option<String>,
    },
    /// Approve a line, recording you (or --by) as the approver and today's date.
    Approve {
        dir: PathBuf,
        id: String,
        #[arg(long)]
        expect_version: Option<u32>,
        #[arg(long)]
        by: Option<String>,
    },
    /// Withdraw a line: briefs that use it are warned at export.
    Withdraw {
        dir: PathBuf,
        id: String,
        #[arg(long)]
        expect_version: Option<u32>,
        #[arg(long)]
        by: Option<String>,
    },
}

fn parse_status(word: &str) -> Result<Status, String> {
    Status::from_word(word)
        .ok_or_else(|| format!("\u{201c}{word}\u{201d} is not draft, approved or withdrawn"))
}

fn open(dir: &Path) -> Result<Library> {
    Ok(Library::open(dir)?)
}

fn who(by: Option<String>) -> String {
    by.unwrap_or_else(crate::user::full_name)
}

/// Runs a library command.
pub fn run_library(command: LibraryCommand) -> Result<()> {
    match command {
        LibraryCommand::Init {
            dir,
            name,
            marking,
            scheme,
        } => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot make the folder {}", dir.display()))?;
            let mut info = LibraryInfo::named_after(&dir.canonicalize().unwrap_or(dir.clone()));
            info.id = format!("{}-{}", info.id, &crate::library::fresh_id()[9..17]);
            if let Some(name) = name {
                info.name = name;
            }
            let scheme_name = scheme.unwrap_or_default();
            let (scheme, _) = crate::marking::Scheme::choose(&scheme_name)?;
            if let Some(level) = marking {
                info.marking = scheme
                    .canonical(&level)
                    .with_context(|| {
                        format!(
                            "\u{201c}{level}\u{201d} is not a level of {}; the levels are {}",
                            scheme.name,
                            scheme.levels.join(", ")
                        )
                    })?
                    .to_owned();
            }
            info.scheme = scheme_name;
            crate::library::create(&dir, &info).map_err(anyhow::Error::msg)?;
            let info = LibraryInfo::read(&dir).map_err(anyhow::Error::msg)?;
            println!(
                "{} is the library \u{201c}{}\u{201d} ({})",
                dir.display(),
                info.name,
                info.id
            );
        }
        LibraryCommand::Lint { dir } => {
            let library = open(&dir)?;
            print!(
                "{}",
                crate::library::lint(&library, &crate::library::today()).text()
            );
        }
        LibraryCommand::Import { dir, csv, by } => {
            open(&dir)?;
            let report =
                crate::library::import_csv(&dir, &csv, &who(by)).map_err(anyhow::Error::msg)?;
            for bad in &report.bad_rows {
                eprintln!("not imported: {bad}");
            }
            println!(
                "imported {} line(s) into {}; {} row(s) not imported",
                report.imported.len(),
                dir.display(),
                report.bad_rows.len()
            );
        }
        LibraryCommand::List {
            dir,
            search,
            tag,
            status,
            owner,
            expired,
        } => {
            let library = open(&dir)?;
            let filter = Filter {
                query: search,
                tag,
                status,
                owner,
                expiry: if expired {
                    Expiry::Expired
                } else {
                    Expiry::Any
                },
                today: crate::library::today(),
                soon: crate::library::today(),
            };
            let found = library.search(&filter);
            for line in &found {
                println!(
                    "{}  v{}  {:<9}  {}",
                    line.id,
                    line.version,
                    line.status.word(),
                    crate::model::shorten(&line.text, 100)
                );
            }
            println!("{} of {} lines", found.len(), library.lines.len());
        }
        LibraryCommand::New {
            dir,
            text,
            topic,
            tags,
            marking,
            review_by,
            by,
        } => {
            open(&dir)?;
            let by = who(by);
            let mut line = Line::new(text.trim(), &by);
            if line.text.is_empty() {
                bail!("the line was not added: its text is empty");
            }
            line.topic = topic.unwrap_or_default();
            line.tags = tags;
            line.marking = marking.unwrap_or_default();
            if let Some(date) = review_by {
                if !crate::library::is_iso_date(&date) {
                    bail!("the review date \u{201c}{date}\u{201d} is not written YYYY-MM-DD");
                }
                line.review_by = date;
            }
            let saved = crate::library::create_line(&dir, &line, &by, Action::Created)?;
            println!("{}", saved.line.id);
        }
        LibraryCommand::SetText {
            dir,
            id,
            text,
            expect_version,
            by,
        } => change(&dir, &id, Some(expect_version), &who(by), |line, _| {
            line.text = text;
            Action::Edited
        })?,
        LibraryCommand::Approve {
            dir,
            id,
            expect_version,
            by,
        } => change(&dir, &id, expect_version, &who(by), |line, by| {
            line.status = Status::Approved;
            line.approved_by = by.to_owned();
            line.approved_on = crate::library::today();
            Action::Approved
        })?,
        LibraryCommand::Withdraw {
            dir,
            id,
            expect_version,
            by,
        } => change(&dir, &id, expect_version, &who(by), |line, _| {
            line.status = Status::Withdrawn;
            Action::Withdrawn
        })?,
    }
    Ok(())
}

/// Reads line `id`, changes it, and saves it if it is still at `expected` (or at the
/// version just read, when no version is given).
fn change(
    dir: &Path,
    id: &str,
    expected: Option<u32>,
    by: &str,
    edit: impl FnOnce(&mut Line, &str) -> Action,
) -> Result<()> {
    let mut line = crate::library::read_line(dir, id)?;
    let expected = expected.unwrap_or(line.version);
    let action = edit(&mut line, by);
    let saved = crate::library::save_line(dir, &line, expected, by, action)?;
    println!("saved {} version {}", saved.line.id, saved.line.version);
    Ok(())
}

/// The library notices of `project`, opening the libraries among `folders` and those
/// the brief recorded.
pub fn library_checks(project: &Project, folders: &[PathBuf]) -> Vec<UseCheck> {
    let states = crate::library::libraries_for(project, folders);
    let open: Vec<&Library> = states
        .iter()
        .filter_map(|s| match s {
            crate::library::LibraryState::Open(l) => Some(l.as_ref()),
            crate::library::LibraryState::Unreachable { .. } => None,
        })
        .collect();
    crate::library::check_uses(project, &open, &crate::library::today())
}

/// The lines `check` prints about a brief's library talking points.
pub fn check_report(project: &Project, checks: &[UseCheck]) -> Vec<String> {
    let from_library = project
        .talking_points
        .iter()
        .filter(|p| p.library.is_some())
        .count();
    let count =
        |wanted: fn(&UseNotice) -> bool| checks.iter().filter(|c| wanted(&c.notice)).count();
    let mut lines = vec![format!(
        "  library lines:   {from_library} ({} outdated, {} withdrawn, {} expired, {} not reachable)",
        count(|n| matches!(n, UseNotice::Updated { .. })),
        count(|n| matches!(n, UseNotice::Withdrawn { .. })),
        count(|n| matches!(n, UseNotice::Expired { .. })),
        count(|n| matches!(
            n,
            UseNotice::LibraryUnreachable { .. } | UseNotice::LineGone
        )),
    )];
    for check in checks {
        let kind = match check.notice {
            UseNotice::Updated { .. } => "outdated",
            UseNotice::Withdrawn { .. } => "withdrawn",
            UseNotice::Expired { .. } => "expired",
            UseNotice::LineGone | UseNotice::LibraryUnreachable { .. } => "not reachable",
        };
        lines.push(format!("    {kind}: {}", check.message(project)));
    }
    lines
}
