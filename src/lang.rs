//! Language detection by function-word counts: cheap, and reliable on a paragraph or more.

use crate::lexicon::WordSet;
use crate::text::{Token, TokenKind};

/// Languages with their own lexicons and models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Language {
    French,
    English,
    /// Neither: language-neutral rules only.
    Undetermined,
}

impl Language {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Language::French => "fr",
            Language::English => "en",
            Language::Undetermined => "und",
        }
    }

}

/// Counts function words of each language among the first tokens; needs a clear margin.
/// `folded(i)` gives token `i`'s folded form.
pub(crate) fn detect<'a>(tokens: &[Token], folded: impl Fn(usize) -> &'a str) -> Language {
    let (fr, en) = (WordSet::french_function_words(), WordSet::english_function_words());
    let (mut n_fr, mut n_en, mut words) = (0usize, 0usize, 0usize);
    for (i, t) in tokens.iter().enumerate().filter(|(_, t)| matches!(t.kind(), TokenKind::Word | TokenKind::Elision)).take(5000) {
        words += 1;
        if t.kind() == TokenKind::Elision {
            n_fr += 1;
            continue;
        }
        let w = folded(i);
        n_fr += fr.contains_folded(w) as usize;
        n_en += en.contains_folded(w) as usize;
    }
    let hits = n_fr.max(n_en);
    // At least 8% of words must be function words of the winner, and it must lead clearly.
    if words == 0 || hits * 100 < words * 8 || hits < 2 {
        return Language::Undetermined;
    }
    if n_fr * 2 > n_en * 3 {
        Language::French
    } else if n_en * 2 > n_fr * 3 {
        Language::English
    } else {
        Language::Undetermined
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn lang(s: &str) -> Language {
        let tokens = tokenize(s);
        let folded: Vec<String> = tokens.iter().map(|t| crate::text::fold(t.text(s))).collect();
        detect(&tokens, |i| folded[i].as_str())
    }

    #[test]
    fn tells_french_from_english() {
        assert_eq!(lang("Le ministre a déclaré que la Russie ne veut pas de guerre."), Language::French);
        assert_eq!(lang("The minister said that Russia does not want a war with the West."), Language::English);
    }

    #[test]
    fn other_languages_are_undetermined() {
        assert_eq!(lang("Der Minister sagte, dass Russland keinen Krieg wolle."), Language::Undetermined);
        assert_eq!(lang("🌎🌎🌎"), Language::Undetermined);
        assert_eq!(lang(""), Language::Undetermined);
    }
}
