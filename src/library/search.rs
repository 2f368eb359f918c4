//! Finding lines: words typed in the search box (each must appear, in any case) and the
//! pane's filters by tag, status, owner and review date.

use super::line::{Line, Status};

/// How a line's review date must stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Expiry {
    #[default]
    Any,
    /// Expired, or due for review by `soon` (`YYYY-MM-DD`).
    DueBy,
    Expired,
}

/// What the Library pane is showing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words, each of which must appear in the text, topic, tags or owner.
    pub query: String,
    pub tag: Option<String>,
    pub status: Option<Status>,
    pub owner: Option<String>,
    pub expiry: Expiry,
    /// Today, `YYYY-MM-DD`, for the expiry filter.
    pub today: String,
    /// The last day that counts as "due soon", `YYYY-MM-DD`.
    pub soon: String,
}

impl Filter {
    /// Whether `line`, whose lowercased searchable words are `words`, passes.
    pub fn passes(&self, line: &Line, words: &str, query_words: &[String]) -> bool {
        query_words.iter().all(|w| words.contains(w.as_str()))
            && self
                .tag
                .as_ref()
                .is_none_or(|tag| line.tags.iter().any(|t| t == tag))
            && self.status.is_none_or(|status| line.status == status)
            && self.owner.as_ref().is_none_or(|owner| line.owner == *owner)
            && match self.expiry {
                Expiry::Any => true,
                Expiry::Expired => line.is_expired(&self.today),
                Expiry::DueBy => {
                    let review_by = line.review_by.trim();
                    !review_by.is_empty() && review_by <= self.soon.as_str()
                }
            }
    }

    /// The lines that pass, given each line's searchable words at the same index.
    pub fn apply<'a>(&self, lines: &'a [Line], words: &[String]) -> Vec<&'a Line> {
        let query_words: Vec<String> = self
            .query
            .to_lowercase()
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        lines
            .iter()
            .zip(words)
            .filter(|(line, words)| self.passes(line, words, &query_words))
            .map(|(line, _)| line)
            .collect()
    }
}

/// The date `days` from today, `YYYY-MM-DD`.
pub fn days_from_today(days: u64) -> String {
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(days * 86_400);
    crate::dates::timestamp_of(later)
        .get(0..10)
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_appear_and_filters_narrow() {
        let mut a = Line::new("We welcome the Housing Accord.", "Ben");
        a.tags = vec!["housing".into()];
        a.status = Status::Approved;
        let b = Line::new("The accord on trade stands.", "Aigerim");
        let lines = vec![a, b];
        let words: Vec<String> = lines.iter().map(Line::search_text).collect();
        let filter = |query: &str| Filter {
            query: query.into(),
            ..Filter::default()
        };
        assert_eq!(filter("ACCORD").apply(&lines, &words).len(), 2);
        assert_eq!(filter("accord housing").apply(&lines, &words).len(), 1);
        let approved = Filter {
            status: Some(Status::Approved),
            ..Filter::default()
        };
        assert_eq!(approved.apply(&lines, &words)[0].owner, "Ben");
    }
}
