//! Briefwright: assemble ministerial briefing notes from articles and talking points,
//! see the pages as they will print, and export a formatted PDF.
//!
//! Data flows top to bottom through the modules below: articles are imported into the
//! model, the brief is laid out with a template into pages, and the pages are written as
//! PDF or painted in the window.

#[cfg(feature = "gui")]
pub mod app;
pub mod change_mark;
pub mod cli;
pub mod cli_library;
pub mod dates;
pub mod desktop;
pub mod diagnostic;
pub mod draft;
pub mod export;
pub mod fonts;
pub mod import;
pub mod layout;
pub mod library;
pub mod marking;
pub mod model;
pub mod pdf;
pub mod picture;
pub mod project;
pub mod raster;
pub mod redline;
pub mod regular_file;
pub mod review_return;
pub mod sample;
pub mod sample_kinds;
pub mod spelling;
pub mod template;
pub mod typography;
pub mod unicode_block;
pub mod units;
pub mod user;
pub mod word;
