//! The command line: `briefwright sample|new|export|check|templates`, a thin layer over
//! the core. With no command (or just a `.brief` file) the window opens.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

use crate::dates::now_timestamp;
use crate::diagnostic::{Diagnostic, Severity};
use crate::draft::{DraftOptions, new_draft};
use crate::export::{ExportFormat, marked_with_errors, prepare_copy, prepare_copy_as, render};
use crate::layout::Layouter;
use crate::pdf::PdfStandard;
use crate::project::{ProjectLock, load, save, write_atomically};
use crate::template::{BUILT_IN, Template};

/// Assemble ministerial briefing notes from articles and talking points, and export PDF.
#[derive(Debug, Parser)]
#[command(name = "briefwright", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A project to open in the window.
    pub file: Option<PathBuf>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the bundled sample project (a visit brief) to a file.
    Sample {
        #[arg(short, long)]
        output: PathBuf,
        /// The kind of brief (see `briefwright templates`); the briefing note if left out.
        #[arg(long, default_value = "briefing-note")]
        template: String,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Start a draft brief from articles; their sections become excerpts to trim.
    New {
        #[arg(short, long)]
        output: PathBuf,
        /// An article to import: a text, Markdown, web page (.html), PDF or Word (.docx)
        /// file, or a link (https://…) to fetch; repeat for several.
        #[arg(long = "article")]
        articles: Vec<PathBuf>,
        /// Template name (see `briefwright templates`) or a template .toml file.
        #[arg(long, default_value = "briefing-note")]
        template: String,
        #[arg(long)]
        title: Option<String>,
        /// Protective marking, a level of the scheme, for example "OFFICIAL: Sensitive".
        #[arg(long)]
        classification: Option<String>,
        /// Marking scheme: au-pspf (the default), uk-gscp, ca-gc, my-ak, or a department's
        /// scheme file (.toml), which is copied into the project.
        #[arg(long)]
        scheme: Option<String>,
        /// The marking of every article this command imports, a level of the scheme. The
        /// brief is never marked lower than the articles it quotes.
        #[arg(long)]
        article_marking: Option<String>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Export a project as PDF or as a Word document; the output's extension (.pdf,
    /// .docx) picks the format unless --format names one.
    Export {
        project: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// pdf or docx (also: word), whatever the output is called.
        #[arg(long, value_parser = parse_format)]
        format: Option<ExportFormat>,
        /// Do not count the brief's unknown words (reading the dictionary takes a few
        /// milliseconds more than a short brief's export).
        #[arg(long)]
        no_spelling: bool,
        /// A review copy: suggested edits shown as markup (inserted text underlined,
        /// deleted text struck through) and open comments printed with their text.
        #[arg(long)]
        review: bool,
        /// Write the file even if the brief has errors (a missing source, section or
        /// talking point prints as "[Missing: …]"); its properties then say it was
        /// exported with errors. Without this, a brief with errors is not written.
        #[arg(long)]
        allow_errors: bool,
        /// What a PDF meets: a2 (the default) is tagged for screen readers (PDF/UA-1) and
        /// archival (PDF/A-2a); ua is tagged only; none is neither: a 200-page brief is
        /// then about a quarter smaller and its export about a tenth quicker (see the
        /// README, "Accessible and archival PDF").
        #[arg(long, value_parser = parse_pdf_standard, default_value = "a2")]
        pdf_standard: PdfStandard,
        /// A library folder to check the brief's library lines against (withdrawn and
        /// expired lines are warned about); repeat for several. The folders the brief
        /// recorded are tried too.
        #[arg(long = "library", value_name = "DIR")]
        libraries: Vec<PathBuf>,
    },
    /// Lay a project out with another template, or read its own template again from its file.
    SetTemplate {
        project: PathBuf,
        /// A template name (see `briefwright templates`) or a template .toml file; a file
        /// is copied into the project, so the brief exports the same way anywhere.
        #[arg(required_unless_present = "refresh", conflicts_with = "refresh")]
        template: Option<String>,
        /// Read the project's own template again from the file it came from.
        #[arg(long)]
        refresh: bool,
    },
    /// Validate a project and summarise it.
    Check {
        project: PathBuf,
        /// List the brief's unknown words instead, each with where it is and suggestions
        /// (warnings: the exit code stays 0).
        #[arg(long)]
        spelling: bool,
        /// A folder of extra Hunspell dictionaries (.aff and .dic), such as ms_MY.
        #[arg(long, value_name = "FOLDER")]
        dictionaries: Option<PathBuf>,
        /// A library folder to check the brief's library lines against (outdated,
        /// withdrawn and expired lines are listed); repeat for several. The folders the
        /// brief recorded are tried too.
        #[arg(long = "library", value_name = "DIR")]
        libraries: Vec<PathBuf>,
    },
    /// Compare two briefs and say what changed; with -o, write the redline (.pdf, or
    /// .docx with Word's tracked changes). Exit 0 whether or not they differ.
    Compare {
        old: PathBuf,
        new: PathBuf,
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Compare a saved version of OLD (its number in `briefwright versions`, or its
        /// label) instead of the brief as it is now.
        #[arg(long, value_name = "VERSION")]
        old_version: Option<String>,
        /// Compare a saved version of NEW instead of the brief as it is now.
        #[arg(long, value_name = "VERSION")]
        new_version: Option<String>,
        /// Who the changes are credited to in the redline; your full name if left out.
        #[arg(long)]
        author: Option<String>,
        /// Replace the output if it exists.
        #[arg(long)]
        force: bool,
    },
    /// List a project's saved versions, oldest first.
    Versions { project: PathBuf },
    /// Bring a Word file back from review (exported with `export --review -o x.docx`):
    /// its tracked changes become suggestions and its comments comments, credited to
    /// their reviewers. The brief's text is unchanged until you accept.
    ImportReview { project: PathBuf, reviewed: PathBuf },
    /// List the templates.
    Templates,
    /// Shared libraries of approved lines: init, lint, import, list, new, set-text,
    /// approve, withdraw.
    Library {
        #[command(subcommand)]
        command: crate::cli_library::LibraryCommand,
    },
    /// Register Briefwright with your desktop (icon, menu entry, and .brief files open in
    /// it on double-click), for the current user. Files go under $XDG_DATA_HOME.
    InstallDesktop {
        /// Remove the registration instead.
        #[arg(long)]
        uninstall: bool,
    },
}

/// Runs a command, printing errors and warnings to stderr. Exit code 0 or 1.
pub fn run(command: Command) -> ExitCode {
    match execute(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn execute(command: Command) -> Result<()> {
    match command {
        Command::Sample {
            output,
            template,
            force,
        } => {
            let sample = crate::sample_kinds::sample_for(&template)?;
            refuse_overwrite(&output, force)?;
            save(&sample, &output)?;
            println!(
                "wrote the sample brief to {} ({template})",
                output.display()
            );
        }
        Command::New {
            output,
            articles,
            template,
            title,
            classification,
            scheme,
            article_marking,
            force,
        } => {
            refuse_overwrite(&output, force)?;
            let (template, custom_template) = Template::choose(&template)?;
            let (scheme, custom_scheme) =
                crate::marking::Scheme::choose(scheme.as_deref().unwrap_or_default())?;
            let level = |given: &Option<String>| -> Result<Option<String>> {
                given
                    .as_deref()
                    .map(|level| {
                        scheme.canonical(level).map(str::to_owned).ok_or_else(|| {
                            anyhow::anyhow!(
                                "\u{201c}{level}\u{201d} is not a level of the {} marking scheme; \
                                 the levels are {}",
                                scheme.name,
                                scheme.levels.join(", ")
                            )
                        })
                    })
                    .transpose()
            };
            let classification = level(&classification)?;
            let article_marking = level(&article_marking)?;
            let today = crate::dates::long_date(&now_timestamp()).unwrap_or_default();
            let fetcher = crate::import::Fetcher::default();
            let mut sources = articles
                .iter()
                .map(|path| {
                    let text = path.to_string_lossy();
                    let is_link = ["https://", "http://"]
                        .iter()
                        .any(|scheme| text.to_ascii_lowercase().starts_with(scheme));
                    if is_link {
                        fetcher
                            .import_link(&text, &today)
                            .map_err(anyhow::Error::from)
                    } else {
                        crate::import::import_file_noting(path)
                            .map(|imported| {
                                for warning in &imported.warnings {
                                    eprintln!("warning: {warning}");
                                }
                                imported.source
                            })
                            .map_err(anyhow::Error::from)
                    }
                    .with_context(|| "the draft was not written")
                })
                .collect::<Result<Vec<_>>>()?;
            for source in &mut sources {
                if let Some(level) = &article_marking {
                    source.marking = crate::model::Marking::level(level.clone());
                }
            }
            let sections: usize = sources.iter().map(|s| s.body_sections().count()).sum();
            let count = sources.len();
            let options = DraftOptions {
                title,
                classification,
                scheme: scheme.name.clone(),
                custom_scheme,
                created: now_timestamp(),
                custom_template,
            };
            let project = new_draft(&template, sources, &options);
            save(&project, &output)?;
            println!(
                "wrote {} with {count} article(s) and {sections} excerpt(s) to trim",
                output.display()
            );
        }
        Command::Export {
            project,
            output,
            format,
            no_spelling,
            review,
            allow_errors,
            pdf_standard,
            libraries,
        } => {
            let copy = if review {
                crate::export::Copy::Review
            } else {
                crate::export::Copy::Clean
            };
            let format = match format {
                Some(format) => format,
                None => ExportFormat::from_path(&output)?,
            };
            let mut loaded = load(&project)?;
            report_warnings(&loaded.warnings);
            if copy == crate::export::Copy::Review {
                // A copy for review is saved in the brief as a version; a Word file also
                // names the brief and that version, so that the reviewed file can come back.
                let _lock = lock_for_writing(&project)?;
                let name = output
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let label = format!("Exported for review ({name})");
                let (author, date) = (crate::user::full_name(), now_timestamp());
                let brief = &mut loaded.project;
                if format == ExportFormat::Docx {
                    crate::review_return::save_word_review_version(
                        brief,
                        &label,
                        &author,
                        &date,
                        &mut Layouter::new(),
                    )?;
                } else {
                    let version = brief.snapshot(
                        &label,
                        &author,
                        &date,
                        crate::model::versions::VersionReason::ReviewExport,
                    );
                    brief
                        .apply(crate::model::Edit::AddVersion(Box::new(version)))
                        .context("the version for review was not saved")?;
                }
                save(brief, &project)?;
            }
            // The dictionaries load on another core while the brief is laid out.
            let brief = loaded.project.clone();
            let spelling = (!no_spelling).then(|| {
                std::thread::spawn(move || {
                    let check = crate::spelling::ProjectCheck::for_counting(&brief, None);
                    (check.findings(&brief).len(), check.problems)
                })
            });
            let mut layouter = Layouter::new();
            let mut prepared =
                prepare_copy_as(&loaded.project, format, copy, &mut layouter, pdf_standard)?;
            report_warnings(&prepared.laid.diagnostics);
            let load_errors = loaded.warnings.iter().filter(|d| d.is_error()).count();
            let errors = load_errors + prepared.error_count();
            if errors > 0 && !allow_errors {
                bail!(
                    "{} was not written: {} has {errors} error(s), listed above, that would print wrong; fix them, or pass --allow-errors to write it anyway",
                    output.display(),
                    project.display()
                );
            }
            if errors > 0 {
                prepared = prepare_copy_as(
                    &marked_with_errors(&loaded.project, errors),
                    format,
                    copy,
                    &mut layouter,
                    pdf_standard,
                )?;
            }
            write_atomically(&output, &prepared.bytes, false)?;
            let pages = prepared.laid.pages.len();
            let plural = if pages == 1 { "" } else { "s" };
            match format {
                ExportFormat::Pdf => println!("wrote {} ({pages} page{plural})", output.display()),
                ExportFormat::Docx => println!(
                    "wrote {} (Word document; {pages} page{plural} as PDF)",
                    output.display()
                ),
            }
            if errors > 0 {
                eprintln!(
                    "warning: {} was written with {errors} error(s) (--allow-errors); its properties say so",
                    output.display()
                );
            }
            if let Some(open) = loaded.project.open_review_summary() {
                let shown = match (copy, format) {
                    (crate::export::Copy::Review, _) => "shown as markup, comments in the margin",
                    (_, ExportFormat::Docx) => "carried as Word's tracked changes and comments",
                    (_, ExportFormat::Pdf) => {
                        "not made in this copy; pass --review for a review copy"
                    }
                };
                eprintln!("warning: {open} ({shown})");
            }
            for check in crate::cli_library::library_checks(&loaded.project, &libraries)
                .iter()
                .filter(|c| c.warns_at_export())
            {
                eprintln!("warning: {}", check.message(&loaded.project));
            }
            if let Some(Ok((unknown, problems))) = spelling.map(std::thread::JoinHandle::join) {
                report_dictionary_problems(&problems);
                if unknown > 0 {
                    eprintln!(
                        "warning: {} in the brief; `briefwright check --spelling {}` lists them",
                        crate::spelling::count_text(unknown),
                        project.display()
                    );
                }
            }
        }
        Command::SetTemplate {
            project,
            template,
            refresh,
        } => set_template(&project, template.as_deref(), refresh)?,
        Command::Check {
            project,
            spelling: true,
            dictionaries,
            ..
        } => {
            let loaded = load(&project)?;
            report_warnings(&loaded.warnings);
            let check =
                crate::spelling::ProjectCheck::standard(&loaded.project, dictionaries.as_deref());
            report_dictionary_problems(&check.problems);
            let findings = check.findings(&loaded.project);
            for finding in &findings {
                println!("{}", check.describe(&loaded.project, finding));
            }
            println!("{}", crate::spelling::count_text(findings.len()));
        }
        Command::Check {
            project, libraries, ..
        } => {
            let loaded = load(&project)?;
            report_warnings(&loaded.warnings);
            let rendered = render(&loaded.project, &mut Layouter::new())?;
            let p = &loaded.project;
            let sections: usize = p.sources.iter().map(|source| source.sections.len()).sum();
            let blocks: usize = p.brief.parts.iter().map(|part| part.blocks.len()).sum();
            let count = |severity| {
                rendered
                    .laid
                    .diagnostics
                    .iter()
                    .chain(&loaded.warnings)
                    .filter(|d| d.severity == severity)
                    .count()
            };
            let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
            report_warnings(&rendered.laid.diagnostics);
            // A title may be a quarter of a megabyte; the summary shows its start.
            println!(
                "{}: \u{201c}{}\u{201d}",
                project.display(),
                crate::model::shorten(&p.brief.meta.title, 120)
            );
            let short = |text: &str| crate::model::shorten(text, 120);
            println!("  template:        {}", short(&p.brief.template));
            let scheme = crate::marking::Scheme::for_meta_or_default(&p.brief.meta);
            let template = Template::for_brief(&p.brief)?;
            let marking = crate::marking::compute(p, &scheme, &template.default_classification);
            println!("  marking scheme:  {}", scheme.name);
            println!("  chosen marking:  {}", short(&marking.chosen));
            println!("  brief marking:   {}", short(&marking.text()));
            for reason in marking.reasons() {
                println!("    raised by {}", short(&reason));
            }
            println!("  sources:         {}", p.sources.len());
            println!("  sections:        {sections} (of the sources)");
            println!("  talking points:  {}", p.talking_points.len());
            println!("  parts:           {}", p.brief.parts.len());
            println!("  blocks:          {blocks}");
            println!(
                "  pages:           {} (budget {})",
                rendered.laid.pages.len(),
                rendered.laid.page_budget
            );
            println!("  status:          {}", p.review_status().label());
            println!("  versions:        {}", p.review.versions.len());
            println!(
                "  {}",
                crate::model::count_of(p.open_comments(), "open comment")
            );
            println!(
                "  {}",
                crate::model::count_of(p.open_suggestions(), "open suggestion")
            );
            for row in p
                .brief
                .meta
                .clearance
                .iter()
                .filter(|r| !r.name.trim().is_empty())
            {
                let state = match &row.cleared {
                    None => "not signed off".to_owned(),
                    Some(signed) if p.unchanged_since(signed.version) => format!(
                        "cleared {}",
                        crate::dates::long_date(&signed.on).unwrap_or_default()
                    ),
                    Some(signed) => format!(
                        "changed since cleared: {}",
                        p.changed_since(signed.version).summary()
                    ),
                };
                println!("    clearance {}: {state}", short(&row.name));
            }
            if p.talking_points.iter().any(|t| t.library.is_some()) {
                let checks = crate::cli_library::library_checks(p, &libraries);
                for line in crate::cli_library::check_report(p, &checks) {
                    println!("{line}");
                }
            }
            println!("  errors:          {errors}");
            println!("  warnings:        {warnings}");
            if errors > 0 {
                bail!(
                    "{} has {errors} error(s) that spoil the printed brief; fix them before it goes out",
                    project.display()
                );
            }
        }
        Command::InstallDesktop { uninstall } => {
            let data_home = crate::desktop::data_home()?;
            if uninstall {
                let removed = crate::desktop::uninstall(&data_home)?;
                println!(
                    "removed {} desktop file(s) from {}",
                    removed.len(),
                    data_home.display()
                );
            } else {
                let executable = std::env::current_exe()
                    .context("cannot tell where the briefwright program is")?;
                let written = crate::desktop::install(&data_home, &executable)?;
                for path in &written {
                    println!("wrote {}", path.display());
                }
                println!("Briefwright is registered: .brief files now open in it.");
            }
        }
        Command::Compare {
            old,
            new,
            output,
            old_version,
            new_version,
            author,
            force,
        } => compare(
            (&old, old_version.as_deref()),
            (&new, new_version.as_deref()),
            output.as_deref(),
            author,
            force,
        )?,
        Command::ImportReview { project, reviewed } => {
            let _lock = lock_for_writing(&project)?;
            let mut loaded = load(&project)?;
            report_warnings(&loaded.warnings);
            let bytes =
                crate::regular_file::read_regular(&reviewed, crate::import::MAX_DOCX_UNPACKED)
                    .map_err(|refusal| anyhow::anyhow!("{} {refusal}", reviewed.display()))?;
            let name = reviewed.display().to_string();
            let (edit, summary) =
                crate::review_return::import_review(&mut loaded.project, &bytes, &name)?;
            for warning in &summary.warnings {
                eprintln!("warning: {warning}");
            }
            loaded
                .project
                .apply(edit)
                .context("the review was not brought in; the brief is unchanged")?;
            save(&loaded.project, &project)?;
            println!("{}", summary.line());
            if summary.unplaced > 0 {
                println!(
                    "{} change(s) could not be placed and are kept as comments quoting them",
                    summary.unplaced
                );
            }
            if summary.already_there > 0 {
                println!(
                    "{} already in the brief (imported before), not added again",
                    summary.already_there
                );
            }
            for (who, place) in &summary.formatting {
                println!(
                    "formatting changed by {who} in {place}: listed, not applied (the template sets the formatting)"
                );
            }
        }
        Command::Versions { project } => {
            let loaded = load(&project)?;
            report_warnings(&loaded.warnings);
            let versions = &loaded.project.review.versions;
            if versions.is_empty() {
                println!("{} has no saved versions", project.display());
            }
            for (number, version) in versions.iter().enumerate() {
                use crate::model::versions::VersionReason;
                let why = match version.reason {
                    VersionReason::Saved => "",
                    VersionReason::Clearance => " (clearance sign-off)",
                    VersionReason::ReviewExport => " (exported for review)",
                };
                println!(
                    "{:>3}  {}  {}  by {}{why}",
                    number + 1,
                    version.date,
                    crate::model::shorten(&version.label, 80),
                    version.author,
                );
            }
        }
        Command::Library { command } => crate::cli_library::run_library(command)?,
        Command::Templates => {
            for (name, _) in BUILT_IN {
                let template = Template::built_in(name)?;
                println!(
                    "{name:<22} {} ({} page budget, {:.0}\u{d7}{:.0} mm)",
                    template.description,
                    template.page_budget,
                    template.page.width_mm,
                    template.page.height_mm
                );
            }
        }
    }
    Ok(())
}

/// The brief in `path`, or one of its saved versions: `version` is its number in
/// `briefwright versions` or its label. Returns the project and what to call it.
fn brief_or_version(path: &Path, version: Option<&str>) -> Result<(crate::model::Project, String)> {
    let loaded = load(path)?;
    report_warnings(&loaded.warnings);
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let Some(wanted) = version else {
        return Ok((loaded.project, file));
    };
    let versions = &loaded.project.review.versions;
    let found = match wanted.trim().parse::<usize>() {
        Ok(number) => number.checked_sub(1).and_then(|i| versions.get(i)),
        Err(_) => versions
            .iter()
            .rev()
            .find(|v| v.label.eq_ignore_ascii_case(wanted.trim())),
    };
    let Some(version) = found else {
        bail!(
            "{} has no version {wanted}; `briefwright versions {}` lists its {} version(s)",
            path.display(),
            path.display(),
            versions.len()
        );
    };
    let name = format!("{file}, version \u{201c}{}\u{201d}", version.label);
    let project = loaded
        .project
        .as_of(version.id)
        .context("the version could not be read")?;
    Ok((project, name))
}

/// `briefwright compare`: the differences, and the redline if asked for.
fn compare(
    (old, old_version): (&Path, Option<&str>),
    (new, new_version): (&Path, Option<&str>),
    output: Option<&Path>,
    author: Option<String>,
    force: bool,
) -> Result<()> {
    let (old_project, old_name) = brief_or_version(old, old_version)?;
    let (new_project, new_name) = brief_or_version(new, new_version)?;
    let author = author.unwrap_or_else(crate::user::full_name);
    let redline = crate::redline::make(
        &crate::redline::Side {
            project: &old_project,
            name: old_name,
        },
        &crate::redline::Side {
            project: &new_project,
            name: new_name,
        },
        &author,
        &now_timestamp(),
    );
    let Some(marked) = &redline.project else {
        println!("No differences");
        if let Some(output) = output {
            println!("{} was not written", output.display());
        }
        return Ok(());
    };
    for line in crate::redline::describe(&redline) {
        println!("{line}");
    }
    println!("{}", redline.comparison.summary());
    if let Some(output) = output {
        refuse_overwrite(output, force)?;
        let format = ExportFormat::from_path(output)?;
        let copy = crate::export::Copy::Clean;
        let prepared = prepare_copy(marked, format, copy, &mut Layouter::new())?;
        write_atomically(output, &prepared.bytes, false)?;
        let pages = prepared.laid.pages.len();
        println!("wrote the redline to {} ({pages} pages)", output.display());
    }
    Ok(())
}

/// The lock on a project the command writes. A lock left by a Briefwright that no longer
/// runs on this machine is taken over, as the window offers to; one held by a running
/// window, or from another computer, refuses the command by name.
fn lock_for_writing(path: &Path) -> Result<ProjectLock> {
    match ProjectLock::acquire(path) {
        Err(crate::project::LockError::Held { holder, .. }) if holder.is_stale() => {
            eprintln!(
                "note: took over the lock on {} left by a Briefwright that no longer runs ({holder})",
                path.display()
            );
            Ok(ProjectLock::take_over(path)?)
        }
        other => Ok(other?),
    }
}

fn refuse_overwrite(path: &Path, force: bool) -> Result<()> {
    if path.exists() && !force {
        bail!(
            "{} already exists; pass --force to replace it",
            path.display()
        );
    }
    Ok(())
}

fn report_dictionary_problems(problems: &[crate::spelling::DictionaryError]) {
    for problem in problems {
        eprintln!("warning: {problem}; text in that language is not checked");
    }
}

/// Prints each diagnostic on a line of its own. A message may quote a field of the
/// brief, which can be a quarter of a megabyte, so each line is cut at 400 characters.
fn report_warnings(warnings: &[Diagnostic]) {
    for warning in warnings {
        eprintln!("{}", crate::model::shorten(&warning.to_string(), 400));
    }
}

fn set_template(path: &Path, template: Option<&str>, refresh: bool) -> Result<()> {
    let _lock = lock_for_writing(path)?;
    let mut project = load(path)?.project;
    let choice = match (template, &project.brief.custom_template) {
        (Some(name_or_path), _) => name_or_path.to_owned(),
        (None, Some(custom)) if refresh => custom.origin.clone(),
        (None, _) => bail!(
            "{} uses the built-in template {}; there is no file to refresh it from",
            path.display(),
            project.brief.template
        ),
    };
    let (chosen, custom) = Template::choose(&choice)?;
    // Blocks move to the new kind's parts as in the window; nothing is saved on failure.
    for edit in chosen.switch_edits(&project, custom) {
        project
            .apply(edit)
            .context("the template was not changed")?;
    }
    save(&project, path)?;
    println!(
        "{} now uses the template {} ({choice})",
        path.display(),
        chosen.name
    );
    let kept: Vec<&str> = chosen
        .unprinted_parts(&project.brief)
        .into_iter()
        .map(|(_, part)| part.title.as_str())
        .collect();
    if !kept.is_empty() {
        eprintln!(
            "warning: the {} template has no place for {}; they are kept in the file, not printed",
            chosen.name,
            kept.join(", ")
        );
    }
    Ok(())
}

/// `--pdf-standard`: "none", "ua" or "a2".
fn parse_pdf_standard(name: &str) -> Result<PdfStandard, String> {
    PdfStandard::from_name(name).ok_or_else(|| {
        format!("\"{name}\" is not a PDF standard; use a2 (PDF/A-2a and PDF/UA-1), ua (PDF/UA-1) or none")
    })
}

/// `--format`: "pdf", "docx" or "word".
fn parse_format(name: &str) -> Result<ExportFormat, String> {
    ExportFormat::from_name(name)
        .ok_or_else(|| format!("\"{name}\" is not a format; use pdf or docx"))
}
