//! Reading only the stems of a bundled word list that a text's words can use, for
//! counting a brief's unknown words in a fraction of the time (see [`stem_index`] for
//! why the answers stay Hunspell's own).
//!
//! `briefwright export` prints the brief's count of unknown words. Reading a whole
//! bundled English list with spellbook took about 17 ms of a 40 ms export, for a brief
//! that uses a few hundred different words; its stems are a few thousand of the fifty
//! thousand.

use super::stem_index::{self, LONGEST_CORE, Rules};

/// A bundled word list's stem index, made at build time by `build.rs`.
pub struct StemIndex {
    cores: fst::Map<&'static [u8]>,
    lines: &'static [u8],
}

impl StemIndex {
    /// The index from the bytes `build.rs` wrote, or `None` if they do not read as one.
    pub fn new(cores: &'static [u8], lines: &'static [u8]) -> Option<StemIndex> {
        Some(StemIndex {
            cores: fst::Map::new(cores).ok()?,
            lines,
        })
    }

    fn line_start(&self, index: usize) -> Option<usize> {
        let bytes = self.lines.get(index * 4..index * 4 + 4)?;
        let bytes: [u8; 4] = bytes.try_into().ok()?;
        Some(u32::from_le_bytes(bytes) as usize)
    }

    /// The entries of `dic` (the list this index was made from) that words of `texts`
    /// can be accepted through under `rules`, with the count line a `.dic` opens with.
    pub fn entries_for(&self, dic: &str, rules: &Rules, texts: &[String]) -> String {
        let always = self.line_start(0).unwrap_or(0);
        let mut starts: Vec<usize> = (1..=always).filter_map(|i| self.line_start(i)).collect();
        let fst = self.cores.as_fst();
        for word in words_of(texts, rules) {
            let bytes = word.as_bytes();
            for from in 0..bytes.len() {
                // Every core that is a piece of the word starting here.
                let mut node = fst.root();
                let mut output = fst::raw::Output::zero();
                for &byte in bytes[from..].iter().take(LONGEST_CORE) {
                    let Some(at) = node.find_input(byte) else {
                        break;
                    };
                    let transition = node.transition(at);
                    output = output.cat(transition.out);
                    node = fst.node(transition.addr);
                    if node.is_final() {
                        let run = output.cat(node.final_output()).value();
                        let (first, length) = ((run >> 32) as usize, run as u32 as usize);
                        starts.extend((first..first + length).filter_map(|i| self.line_start(i)));
                    }
                }
            }
        }
        starts.sort_unstable();
        starts.dedup();
        let mut out = String::with_capacity(starts.len() * 12 + 8);
        out.push_str(&starts.len().to_string());
        out.push('\n');
        for start in starts {
            let line = dic.get(start..).unwrap_or_default();
            out.push_str(line.split('\n').next().unwrap_or_default().trim_end());
            out.push('\n');
        }
        out
    }
}

/// The texts' words (runs between spaces, punctuation and all), lower-cased and
/// converted as the dictionary reads its input, each once.
fn words_of(texts: &[String], rules: &Rules) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for text in texts {
        for word in text.split_whitespace() {
            let mut word = stem_index::lowercase(word);
            for (from, to) in &rules.conversions {
                if word.contains(from.as_str()) {
                    word = word.replace(from.as_str(), to);
                }
            }
            words.push(word);
        }
    }
    words.sort_unstable();
    words.dedup();
    words
}

#[cfg(test)]
mod tests {
    use super::super::stem_index::split_entry;
    use super::*;

    const ENGLISH_AFF: &str = include_str!("../../assets/dictionaries/en.aff");

    fn index_of(dic: &str) -> StemIndex {
        let rules = Rules::read(ENGLISH_AFF).expect("rules");
        let (cores, lines) = stem_index::build(dic, &rules);
        StemIndex::new(cores.leak(), lines.leak()).expect("an index")
    }

    #[test]
    fn the_bundled_english_rules_are_ones_the_index_follows() {
        let rules = Rules::read(ENGLISH_AFF).expect("the English rules are simple");
        assert!(
            rules
                .strips
                .iter()
                .all(|(_, strip)| strip == "e" || strip == "y"),
            "{:?}",
            rules.strips
        );
        for flag in ['c', 'n', '1', 't', 'm', 'p'] {
            assert!(rules.compound_flags.contains(&flag), "{flag}");
        }
        assert_eq!(
            rules.conversions,
            vec![("\u{2019}".to_owned(), "'".to_owned())]
        );
    }

    #[test]
    fn rules_it_cannot_follow_are_refused() {
        assert!(Rules::read("FLAG long\nSFX Aa Y 1\nSFX Aa 0 s .\n").is_none());
        assert!(Rules::read("PFX A Y 1\nPFX A e re .\n").is_none());
        assert!(Rules::read("SFX A Y 1\nSFX A 0 s/B .\n").is_none());
        assert!(Rules::read("LANG tr_TR\n").is_none());
    }

    #[test]
    fn only_stems_the_text_can_use_are_kept() {
        let rules = Rules::read(ENGLISH_AFF).expect("rules");
        let dic = "6\ntrade/SM\ncorridor/MS\nzebra/SM\nox\n1st/p\nKazakhstan/M\n";
        let kept =
            index_of(dic).entries_for(dic, &rules, &["Trade corridors to KAZAKHSTAN".to_owned()]);
        assert_eq!(kept, "4\ntrade/SM\ncorridor/MS\n1st/p\nKazakhstan/M\n");
    }

    #[test]
    fn an_escaped_slash_is_part_of_the_stem() {
        assert_eq!(split_entry("and\\/or/S"), ("and\\/or", "S"));
        assert_eq!(split_entry("word\tpo:noun"), ("word", ""));
    }

    /// The list read for a text must answer exactly as the whole one, for every word of
    /// the text: the sample brief, and forms, cases and misspellings of every 25th stem
    /// of the British list.
    #[test]
    fn the_stems_read_for_a_text_answer_as_the_whole_list_does() {
        let dic = include_str!("../../assets/dictionaries/en_GB.dic");
        let mut words: Vec<String> = Vec::new();
        for line in dic.lines().skip(1).step_by(25) {
            let (stem, _) = split_entry(line);
            let mut typo: Vec<char> = stem.chars().collect();
            if typo.len() > 3 {
                typo.swap(1, 2);
            }
            let typo: String = typo.into_iter().collect();
            for form in [
                stem.to_owned(),
                format!("{stem}s"),
                format!("{stem}ed"),
                format!("{stem}ing"),
                format!("{stem}\u{2019}s"),
                format!("un{stem}"),
                format!("re{stem}ly"),
                stem.to_uppercase(),
                typo,
            ] {
                words.push(form);
            }
        }
        let sample = crate::sample::project();
        let mut texts: Vec<String> = super::super::checked_places(&sample)
            .into_iter()
            .map(|(_, text)| text.into_owned())
            .collect();
        texts.push(words.join(" "));
        texts.push("21st 102nd 3rd well-known Kazakhstan\u{2019}s naïve (trade).".to_owned());
        let whole = spellbook::Dictionary::new(ENGLISH_AFF, dic).expect("whole list");
        let rules = Rules::read(ENGLISH_AFF).expect("rules");
        let entries = index_of(dic).entries_for(dic, &rules, &texts);
        let kept = entries.lines().count();
        assert!(
            kept < dic.lines().count(),
            "the index leaves entries out ({kept} kept)"
        );
        let part = spellbook::Dictionary::new(ENGLISH_AFF, &entries).expect("read list");
        let mut asked = 0;
        for text in &texts {
            for range in super::super::words_to_check(text) {
                let word = &text[range];
                asked += 1;
                assert_eq!(part.check(word), whole.check(word), "{word}");
            }
        }
        assert!(asked > 15_000, "{asked} words asked");
    }
}
