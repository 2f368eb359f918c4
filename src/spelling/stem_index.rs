//! An index of a word list's stems by the letters a word must contain to use them, made
//! when Briefwright is built (`build.rs` includes this file) and read when it counts a
//! brief's unknown words.
//!
//! Hunspell accepts a word only through a stem whose letters, less what a suffix strips
//! from its end, stand in the word as they are, whatever the case: a prefix adds before
//! them and a suffix after. That part of the stem is its *core*. A stem whose core is
//! a piece of no word of the text cannot help accept any of them, so reading only the
//! stems whose cores are pieces of the text's words gives the same answers as reading
//! all fifty thousand. Stems that take part in compounds (the ordinal numbers "21st",
//! "102nd") have no core and are always read.
//!
//! That holds for affix rules like the bundled English ones: suffixes strip a letter or
//! two, prefixes strip nothing, no affix carries affixes of its own, one character per
//! flag. [`Rules::read`] refuses others, and the build fails rather than index them.
//!
//! The index is two parts. An `fst` map takes each core, lower-cased, to the run of
//! entries in the line table that have it (the run's start in the high 32 bits of the
//! value, its length in the low). The line table is little-endian `u32`s: how many stems
//! are always read, those stems' line offsets in the `.dic` text, then the runs.

use std::collections::BTreeMap;

/// The most bytes a core may have; stems with longer cores are always read, and no
/// piece of a word longer than this is looked up.
pub const LONGEST_CORE: usize = 48;

/// What the affix rules let a stem lose, and which flags make compounds.
#[derive(Debug, PartialEq)]
pub struct Rules {
    /// Each suffix rule that strips: its flag and what it strips.
    pub strips: Vec<(char, String)>,
    /// Flags that let a stem take part in a compound.
    pub compound_flags: Vec<char>,
    /// Input conversions (`ICONV`): the text's characters as the dictionary sees them.
    pub conversions: Vec<(String, String)>,
}

impl Rules {
    /// The rules of `aff`, or `None` when they let a stem change in ways the index does
    /// not follow.
    pub fn read(aff: &str) -> Option<Rules> {
        let mut rules = Rules {
            strips: Vec::new(),
            compound_flags: Vec::new(),
            conversions: Vec::new(),
        };
        for line in aff.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields.as_slice() {
                [
                    "FLAG" | "AF" | "COMPOUNDFLAG" | "COMPOUNDBEGIN" | "COMPOUNDMIDDLE",
                    ..,
                ]
                | [
                    "COMPOUNDEND" | "CIRCUMFIX" | "NEEDAFFIX" | "CHECKSHARPS",
                    ..,
                ] => return None,
                // Turkic dotted and dotless i change length with case.
                ["LANG", language, ..]
                    if ["tr", "az", "cr"].contains(&language.get(..2).unwrap_or(language)) =>
                {
                    return None;
                }
                ["PFX" | "SFX", _, _, _] => {} // the header of a group of rules
                [kind @ ("PFX" | "SFX"), flag, strip, add, ..] => {
                    let mut flag_chars = flag.chars();
                    let (Some(flag), None) = (flag_chars.next(), flag_chars.next()) else {
                        return None;
                    };
                    if add.contains('/') || (*kind == "PFX" && *strip != "0") {
                        return None;
                    }
                    if *strip != "0" {
                        rules.strips.push((flag, (*strip).to_owned()));
                    }
                }
                ["COMPOUNDRULE", rule] if !rule.chars().all(|c| c.is_ascii_digit()) => {
                    rules
                        .compound_flags
                        .extend(rule.chars().filter(|c| !matches!(c, '*' | '?' | '(' | ')')));
                }
                ["ONLYINCOMPOUND", flag] => rules.compound_flags.extend(flag.chars()),
                ["ICONV", from, to] => rules
                    .conversions
                    .push(((*from).to_owned(), (*to).to_owned())),
                _ => {}
            }
        }
        Some(rules)
    }

    /// The core of the stem of `line` as the line spells it, or `None` if the stem is
    /// always read: the stem less the longest ending its flags' suffixes may strip
    /// (whatever their conditions).
    pub fn core<'a>(&self, line: &'a str) -> Option<&'a str> {
        let (stem, flags) = split_entry(line);
        if flags
            .chars()
            .any(|flag| self.compound_flags.contains(&flag))
        {
            return None;
        }
        let strip = self
            .strips
            .iter()
            .filter(|(flag, strip)| flags.contains(*flag) && stem.ends_with(strip.as_str()))
            .map(|(_, strip)| strip.len())
            .max()
            .unwrap_or(0);
        let core = &stem[..stem.len() - strip];
        if core.is_empty() {
            return None;
        }
        (lowercase(core).len() <= LONGEST_CORE).then_some(core)
    }
}

/// The index of `dic` under `rules`: the `fst` map's bytes and the line table's.
// Called by build.rs, which includes this file, and by tests; the program only reads.
#[allow(dead_code)]
pub fn build(dic: &str, rules: &Rules) -> (Vec<u8>, Vec<u8>) {
    let mut always: Vec<u32> = Vec::new();
    let mut by_core: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut offset = 0;
    for (number, line) in dic.split_inclusive('\n').enumerate() {
        let start = u32::try_from(offset).expect("a word list under 4 GB");
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if number == 0 || line.trim().is_empty() {
            continue; // the count line, and blank lines
        }
        match rules.core(line) {
            Some(core) => by_core.entry(lowercase(core)).or_default().push(start),
            None => always.push(start),
        }
    }
    let mut table: Vec<u32> = vec![always.len() as u32];
    table.extend(&always);
    let mut map = fst::MapBuilder::memory();
    for (core, starts) in by_core {
        let run = ((table.len() as u64) << 32) | starts.len() as u64;
        table.extend(starts);
        map.insert(core, run).expect("cores are inserted in order");
    }
    let map = map.into_inner().expect("the map is written to memory");
    let table = table.into_iter().flat_map(u32::to_le_bytes).collect();
    (map, table)
}

/// A stem's letters as they are compared with the text's.
pub fn lowercase(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// An entry's stem and its flags ("" when it has none). A slash escaped with a
/// backslash belongs to the stem, and morphological fields after a tab or space are
/// not part of the entry.
pub fn split_entry(line: &str) -> (&str, &str) {
    let end = line.find(['\t', ' ']).unwrap_or(line.len());
    let entry = &line[..end];
    let mut from = 1;
    while let Some(found) = entry.get(from..).and_then(|rest| rest.find('/')) {
        let at = from + found;
        if entry.as_bytes()[at - 1] != b'\\' {
            return (&entry[..at], &entry[at + 1..]);
        }
        from = at + 1;
    }
    (entry, "")
}
