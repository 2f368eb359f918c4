//! The `briefwright` binary: the window with no command, otherwise the command line.

use std::process::ExitCode;

use clap::Parser;

use briefwright::cli::{Cli, run};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    // Usage errors exit with 1 like every other error (clap's default is 2).
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let failed = error.use_stderr();
            let _ = error.print();
            return if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Some(command) => run(command),
        None => open_window(cli.file, started),
    }
}

#[cfg(feature = "gui")]
fn open_window(file: Option<std::path::PathBuf>, started: std::time::Instant) -> ExitCode {
    match briefwright::app::run(file, started) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: the window could not open: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<std::path::PathBuf>, _started: std::time::Instant) -> ExitCode {
    eprintln!("this build has no window; try `briefwright --help` for the commands");
    ExitCode::FAILURE
}
