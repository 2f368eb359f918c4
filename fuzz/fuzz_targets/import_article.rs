//! Any bytes given as an article: an error or a source, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let is_markdown = data.first().is_some_and(|b| b % 2 == 0);
    if let Ok(source) = briefwright::import::import_bytes("fuzz.txt", data, is_markdown) {
        assert!(source.sections.iter().all(|s| !s.text.is_empty()));
    }
});
