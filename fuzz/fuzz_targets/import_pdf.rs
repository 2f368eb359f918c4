//! Any bytes given as a PDF article: an error or a source with text, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = briefwright::import::import_pdf_bytes("fuzz.pdf", data) {
        assert!(!source.title.is_empty() || !source.sections.is_empty());
        assert!(source.sections.iter().all(|s| !s.text.is_empty()));
    }
});
