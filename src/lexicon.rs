//! Word lists loaded from `data/` (curated text files, one entry per line, `#` comments).
//!
//! Lists are parsed once, on first use, and looked up by their folded form (lower case,
//! apostrophes unified), so `L’` and `l'` match the same entry.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::text::fold;

/// A set of folded words or phrases.
pub(crate) struct WordSet {
    words: HashSet<String>,
}

impl WordSet {
    pub(crate) fn parse(data: &str) -> WordSet {
        WordSet { words: data_lines(data).map(fold).collect() }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words.contains(&fold(word))
    }

    /// Looks up an already-folded key without allocating.
    pub(crate) fn contains_folded(&self, folded: &str) -> bool {
        self.words.contains(folded)
    }

    pub(crate) fn french_function_words() -> &'static WordSet {
        static SET: OnceLock<WordSet> = OnceLock::new();
        SET.get_or_init(|| WordSet::parse(include_str!("../data/lang/fr.txt")))
    }

    pub(crate) fn english_function_words() -> &'static WordSet {
        static SET: OnceLock<WordSet> = OnceLock::new();
        SET.get_or_init(|| WordSet::parse(include_str!("../data/lang/en.txt")))
    }
}

/// Non-empty, non-comment lines of a data file, trimmed.
pub(crate) fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}
