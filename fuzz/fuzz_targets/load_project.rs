//! Any bytes given as a project file: an error or a project, never a panic, and a loaded
//! project saves and loads back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = briefwright::project::from_json(data, "fuzz.brief") {
        let again = briefwright::project::from_json(briefwright::project::to_json(&loaded.project).as_bytes(), "again.brief")
            .expect("a saved project loads");
        assert_eq!(again.project, loaded.project);
    }
});
