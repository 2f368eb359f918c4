//! The command line: `briefwright sample|new|export|check|templates`, a thin layer over
//! the core. With no command (or just a `.brief` file) the window opens.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

use crate::draft::{DraftOptions, new_draft, now_timestamp};
use crate::export::{export_to_file, render};
use crate::layout::{Layouter, Severity};
use crate::project::{load, save};
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
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Start a draft brief from articles; their sections become excerpts to trim.
    New {
        #[arg(short, long)]
        output: PathBuf,
        /// An article to import (plain text or Markdown); repeat for several.
        #[arg(long = "article")]
        articles: Vec<PathBuf>,
        /// Template name (see `briefwright templates`) or a template .toml file.
        #[arg(long, default_value = "briefing-note")]
        template: String,
        #[arg(long)]
        title: Option<String>,
        /// Protective marking, for example "OFFICIAL: Sensitive".
        #[arg(long)]
        classification: Option<String>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Export a project to PDF.
    Export {
        project: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Validate a project and summarise it.
    Check { project: PathBuf },
    /// List the templates.
    Templates,
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
        Command::Sample { output, force } => {
            refuse_overwrite(&output, force)?;
            save(&crate::sample::project(), &output)?;
            println!("wrote the sample brief to {}", output.display());
        }
        Command::New {
            output,
            articles,
            template,
            title,
            classification,
            force,
        } => {
            refuse_overwrite(&output, force)?;
            let template = Template::resolve(&template)?;
            if let Some(marking) = &classification
                && !template.classifications.iter().any(|c| c == marking)
            {
                eprintln!(
                    "warning: \u{201c}{marking}\u{201d} is not one of the {} template's markings ({})",
                    template.name,
                    template.classifications.join(", ")
                );
            }
            let sources = articles
                .iter()
                .map(|path| {
                    crate::import::import_file(path).with_context(|| "the draft was not written")
                })
                .collect::<Result<Vec<_>>>()?;
            let sections: usize = sources.iter().map(|s| s.body_sections().count()).sum();
            let count = sources.len();
            let options = DraftOptions {
                title,
                classification,
                created: now_timestamp(),
            };
            let project = new_draft(&template, sources, &options);
            save(&project, &output)?;
            println!(
                "wrote {} with {count} article(s) and {sections} excerpt(s) to trim",
                output.display()
            );
        }
        Command::Export { project, output } => {
            let loaded = load(&project)?;
            report_warnings(&loaded.warnings);
            let laid = export_to_file(&loaded.project, &output, &mut Layouter::new())?;
            for diagnostic in &laid.diagnostics {
                eprintln!("{diagnostic}");
            }
            let pages = laid.pages.len();
            println!(
                "wrote {} ({pages} page{})",
                output.display(),
                if pages == 1 { "" } else { "s" }
            );
        }
        Command::Check { project } => {
            let loaded = load(&project)?;
            report_warnings(&loaded.warnings);
            let rendered = render(&loaded.project, &mut Layouter::new())?;
            let p = &loaded.project;
            let blocks: usize = p.brief.parts.iter().map(|part| part.blocks.len()).sum();
            let warnings = rendered
                .laid
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count()
                + loaded.warnings.len();
            for diagnostic in &rendered.laid.diagnostics {
                eprintln!("{diagnostic}");
            }
            println!(
                "{}: \u{201c}{}\u{201d}",
                project.display(),
                p.brief.meta.title
            );
            println!("  template:        {}", p.brief.template);
            println!("  classification:  {}", p.brief.meta.classification);
            println!("  sources:         {}", p.sources.len());
            println!("  talking points:  {}", p.talking_points.len());
            println!("  sections:        {}", p.brief.parts.len());
            println!("  blocks:          {blocks}");
            println!(
                "  pages:           {} (budget {})",
                rendered.laid.pages.len(),
                rendered.laid.page_budget
            );
            println!("  warnings:        {warnings}");
        }
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

fn refuse_overwrite(path: &Path, force: bool) -> Result<()> {
    if path.exists() && !force {
        bail!(
            "{} already exists; pass --force to replace it",
            path.display()
        );
    }
    Ok(())
}

fn report_warnings(warnings: &[String]) {
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
}
