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
pub(crate) fn detect(text: &str, tokens: &[Token]) -> Language {
    let (fr, en) = (WordSet::french_function_words(), WordSet::english_function_words());
    let (mut n_fr, mut n_en, mut words) = (0usize, 0usize, 0usize);
    for t in tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Elision)).take(5000) {
        words += 1;
        let w = t.text(text);
        if t.kind == TokenKind::Elision {
            n_fr += 1;
            continue;
        }
        n_fr += fr.contains(w) as usize;
        n_en += en.contains(w) as usize;
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
        detect(s, &tokenize(s))
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
