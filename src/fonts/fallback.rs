//! Which fonts draw the characters the body font lacks: scripts and symbol groups, and a
//! template's fallback families for each.
//!
//! The body font (Noto Sans or Noto Serif) draws Latin, Cyrillic and Greek, so English,
//! Malay, Kazakh and Russian need nothing else. Other scripts go to the families the
//! template names for them, tried in order after the body font; a paragraph's font stack
//! holds only the fallbacks of the scripts it contains, so a Latin paragraph never makes
//! the typesetter load the CJK font.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;

/// A group of characters with its own fallback fonts. The order is the order in which a
/// paragraph's stack lists their fallbacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// Arabic, and Jawi (Malay in Arabic letters).
    Arabic,
    Tamil,
    /// Han ideographs, CJK punctuation and full-width forms: Chinese, and the kanji and
    /// hanja of Japanese and Korean.
    Chinese,
    /// Hiragana and katakana.
    Japanese,
    /// Hangul.
    Korean,
    /// Arrows, mathematical operators, technical and geometric signs, dingbats.
    Symbols,
    /// Pictographs, emoticons and flags.
    Emoji,
}

impl Script {
    /// The group `c` belongs to, or `None` for what the body fonts draw themselves (and
    /// scripts no template can name yet).
    pub fn of(c: char) -> Option<Script> {
        let code = u32::from(c);
        if code < 0x0600 {
            return None;
        }
        Some(match code {
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x0870..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFF => Script::Arabic,
            0x0B80..=0x0BFF | 0x11FC0..=0x11FFF => Script::Tamil,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF => Script::Korean,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF65..=0xFF9F | 0x1B000..=0x1B16F => {
                Script::Japanese
            }
            0x2E80..=0x2FFF
            | 0x3000..=0x303F
            | 0x3100..=0x312F
            | 0x31A0..=0x31EF
            | 0x3200..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xF900..=0xFAFF
            | 0xFE10..=0xFE1F
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFFEF
            | 0x20000..=0x3FFFF => Script::Chinese,
            0x2100..=0x2BFF | 0x1D400..=0x1D7FF | 0x1FB00..=0x1FBFF => Script::Symbols,
            0x1F000..=0x1FAFF | 0xE0020..=0xE007F => Script::Emoji,
            _ => return None,
        })
    }

    /// How messages name text in this group ("Japanese text", "emoji").
    pub fn describe(self) -> &'static str {
        match self {
            Script::Arabic => "Arabic or Jawi text",
            Script::Tamil => "Tamil text",
            Script::Chinese => "Chinese text",
            Script::Japanese => "Japanese text",
            Script::Korean => "Korean text",
            Script::Symbols => "symbols",
            Script::Emoji => "emoji",
        }
    }

    /// The name a template uses for the group.
    pub fn key(self) -> &'static str {
        match self {
            Script::Arabic => "arabic",
            Script::Tamil => "tamil",
            Script::Chinese => "chinese",
            Script::Japanese => "japanese",
            Script::Korean => "korean",
            Script::Symbols => "symbols",
            Script::Emoji => "emoji",
        }
    }
}

/// The fallback families for each script, from the template's `[fonts.fallback]` table on
/// top of the built-in choice. Cheap to clone and to hash: the table is shared and its
/// hash computed once, as every paragraph request carries one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "BTreeMap<Script, Vec<String>>")]
pub struct FontFallback {
    table: Arc<BTreeMap<Script, Vec<String>>>,
    hash: u64,
}

impl std::hash::Hash for FontFallback {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.hash.hash(state);
    }
}

impl Default for FontFallback {
    /// The bundled fonts: Noto Naskh Arabic, Noto Sans Tamil, Droid Sans Fallback for
    /// Chinese, Japanese and Korean, and Noto's symbol and math fonts. No bundled font
    /// draws emoji, beyond the few pictographs of Noto Sans Symbols2.
    fn default() -> Self {
        const CJK: &[&str] = &["Droid Sans Fallback"];
        let builtin: [(Script, &[&str]); 7] = [
            (Script::Arabic, &["Noto Naskh Arabic"]),
            (Script::Tamil, &["Noto Sans Tamil"]),
            (Script::Chinese, CJK),
            (Script::Japanese, CJK),
            (Script::Korean, CJK),
            (
                Script::Symbols,
                &["Noto Sans Math", "Noto Sans Symbols", "Noto Sans Symbols2"],
            ),
            (Script::Emoji, &["Noto Sans Symbols2"]),
        ];
        FontFallback::new(
            builtin
                .into_iter()
                .map(|(script, families)| {
                    (script, families.iter().map(|f| (*f).to_owned()).collect())
                })
                .collect(),
        )
    }
}

impl From<BTreeMap<Script, Vec<String>>> for FontFallback {
    /// A template's table: the scripts it names get its families (an empty list means no
    /// fallback), the others keep the built-in choice.
    fn from(chosen: BTreeMap<Script, Vec<String>>) -> Self {
        let mut table = (*FontFallback::default().table).clone();
        table.extend(chosen);
        FontFallback::new(table)
    }
}

impl FontFallback {
    fn new(table: BTreeMap<Script, Vec<String>>) -> Self {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        table.hash(&mut hasher);
        FontFallback {
            table: Arc::new(table),
            hash: hasher.finish(),
        }
    }

    /// The families `script` falls back to, in order.
    pub fn families(&self, script: Script) -> &[String] {
        self.table.get(&script).map_or(&[], Vec::as_slice)
    }

    /// Every family the table names, each once.
    pub fn all_families(&self) -> Vec<&str> {
        let mut all: Vec<&str> = Vec::new();
        for family in self.table.values().flatten() {
            if !all.contains(&family.as_str()) {
                all.push(family);
            }
        }
        all
    }

    /// The fallback families for the scripts in `text`, in script order, each once.
    pub fn families_for(&self, text: &str) -> Vec<&str> {
        let present = scripts_in(text);
        let mut stack: Vec<&str> = Vec::new();
        for script in present {
            for family in self.families(script) {
                if !stack.contains(&family.as_str()) {
                    stack.push(family);
                }
            }
        }
        stack
    }
}

/// Runs of symbols and emoji in `text` that the body font does not map itself (`covers`
/// says what it maps), with their script. These go to their fallback fonts first: left to
/// the usual order, the body font would win wherever it can draw a decomposed form, and
/// "≠" would print as "=" with a combining slash laid over it.
pub fn symbol_runs(text: &str, covers: impl Fn(char) -> bool) -> Vec<(Range<usize>, Script)> {
    let mut runs: Vec<(Range<usize>, Script)> = Vec::new();
    for (at, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
        let Some(script @ (Script::Symbols | Script::Emoji)) = Script::of(c) else {
            continue;
        };
        if covers(c) {
            continue;
        }
        let end = at + c.len_utf8();
        match runs.last_mut() {
            Some((range, last)) if range.end == at && *last == script => range.end = end,
            _ => runs.push((at..end, script)),
        }
    }
    runs
}

/// The scripts with fallbacks that occur in `text`, in order, each once.
pub fn scripts_in(text: &str) -> Vec<Script> {
    let mut present: Vec<Script> = Vec::new();
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if let Some(script) = Script::of(c)
            && !present.contains(&script)
        {
            present.push(script);
        }
    }
    present.sort();
    present
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_fall_into_their_scripts() {
        assert_eq!(Script::of('a'), None);
        assert_eq!(Script::of('Қ'), None, "Kazakh is drawn by the body font");
        assert_eq!(Script::of('€'), None);
        assert_eq!(Script::of('ك'), Some(Script::Arabic));
        assert_eq!(Script::of('ڤ'), Some(Script::Arabic), "Jawi letter");
        assert_eq!(Script::of('த'), Some(Script::Tamil));
        assert_eq!(Script::of('中'), Some(Script::Chinese));
        assert_eq!(Script::of('。'), Some(Script::Chinese));
        assert_eq!(Script::of('の'), Some(Script::Japanese));
        assert_eq!(Script::of('カ'), Some(Script::Japanese));
        assert_eq!(Script::of('한'), Some(Script::Korean));
        assert_eq!(Script::of('≤'), Some(Script::Symbols));
        assert_eq!(Script::of('✓'), Some(Script::Symbols));
        assert_eq!(Script::of('😀'), Some(Script::Emoji));
        assert_eq!(Script::of('🇲'), Some(Script::Emoji));
    }

    #[test]
    fn a_paragraph_stacks_only_the_fallbacks_of_its_scripts() {
        let fallback = FontFallback::default();
        assert!(
            fallback
                .families_for("Plain English, Қазақ тілі.")
                .is_empty()
        );
        assert_eq!(
            fallback.families_for("Tokyo 東京 and தமிழ்"),
            ["Noto Sans Tamil", "Droid Sans Fallback"]
        );
        assert_eq!(
            fallback.families_for("日本語のテキスト"),
            ["Droid Sans Fallback"],
            "a family serving two scripts is listed once"
        );
    }

    #[test]
    fn symbols_the_body_font_lacks_are_found_in_runs() {
        let body_has = |c: char| c == '±';
        let text = "a ≠ b ± c ≤≥ 👍";
        let runs = symbol_runs(text, body_has);
        let found: Vec<(&str, Script)> = runs
            .iter()
            .map(|(range, script)| (&text[range.clone()], *script))
            .collect();
        assert_eq!(
            found,
            [
                ("≠", Script::Symbols),
                ("≤≥", Script::Symbols),
                ("👍", Script::Emoji)
            ]
        );
    }

    #[test]
    fn a_template_overrides_only_the_scripts_it_names() {
        let chosen: FontFallback = toml::from_str::<BTreeMap<Script, Vec<String>>>(
            "chinese = [\"Noto Serif CJK\", \"Droid Sans Fallback\"]\nemoji = []",
        )
        .expect("parses")
        .into();
        assert_eq!(
            chosen.families(Script::Chinese),
            ["Noto Serif CJK", "Droid Sans Fallback"]
        );
        assert!(chosen.families(Script::Emoji).is_empty());
        assert_eq!(chosen.families(Script::Tamil), ["Noto Sans Tamil"]);
        assert!(toml::from_str::<BTreeMap<Script, Vec<String>>>("klingon = []").is_err());
    }
}
