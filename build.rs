//! Indexes the bundled English word lists by their stems' cores, so that counting a
//! brief's unknown words reads only the stems its words can use (see
//! `src/spelling/stem_index.rs`, which this includes).

#[path = "src/spelling/stem_index.rs"]
mod stem_index;

const LISTS: [&str; 4] = ["en_GB", "en_AU", "en_CA", "en_US"];

fn main() {
    println!("cargo:rerun-if-changed=src/spelling/stem_index.rs");
    println!("cargo:rerun-if-changed=assets/dictionaries/en.aff");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let aff = std::fs::read_to_string("assets/dictionaries/en.aff").expect("en.aff is bundled");
    let rules = stem_index::Rules::read(&aff)
        .expect("the bundled English affix rules must be ones the stem index follows");
    for list in LISTS {
        let path = format!("assets/dictionaries/{list}.dic");
        println!("cargo:rerun-if-changed={path}");
        let dic = std::fs::read_to_string(&path).expect("the word list is bundled");
        let (map, lines) = stem_index::build(&dic, &rules);
        std::fs::write(out.join(format!("{list}.cores.fst")), map).expect("write the index");
        std::fs::write(out.join(format!("{list}.lines")), lines).expect("write the index");
    }
}
