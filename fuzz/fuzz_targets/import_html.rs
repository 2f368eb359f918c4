//! Any bytes given as a web page: an error or a source with text, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = briefwright::import::import_html_bytes("fuzz.html", data, None) {
        assert!(!source.sections.is_empty());
        assert!(source.sections.iter().all(|s| !s.text.is_empty()));
    }
});
