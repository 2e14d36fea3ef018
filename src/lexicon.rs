//! Word lists loaded from `data/` (curated text files, one entry per line, `#` comments).
//!
//! Lists are parsed once, on first use, and looked up by their folded form (lower case,
//! apostrophes unified), so `L’` and `l'` match the same entry.

use std::sync::OnceLock;

use crate::hash::FastHashMap;

use crate::text::{fold, with_fold};

/// A set of folded words or phrases.
pub(crate) struct WordSet {
    /// Keys only (values unused): the table type of the other string-keyed tables, one copy of
    /// its code in the wasm module.
    words: FastHashMap<String, usize>,
}

/// A getter for a word list read from a data file once, on first use.
macro_rules! list_file {
    ($(#[$doc:meta])* $name:ident, $path:literal) => {
        $(#[$doc])*
        pub(crate) fn $name() -> &'static WordSet {
            static SET: OnceLock<WordSet> = OnceLock::new();
            SET.get_or_init(|| WordSet::parse(include_str!($path)))
        }
    };
}

impl WordSet {
    pub(crate) fn parse(data: &str) -> WordSet {
        WordSet { words: data_lines(data).map(|w| (fold(w), 0)).collect() }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        with_fold(word, |w| self.words.contains_key(w))
    }

    /// Looks up an already-folded key without allocating.
    pub(crate) fn contains_folded(&self, folded: &str) -> bool {
        self.words.contains_key(folded)
    }

    list_file!(french_function_words, "../data/lang/fr.txt");

    list_file!(
        /// Participles that make the agent after them (`par X`) a quote's speaker (`« … » lancée
        /// par le député`).
        utterance_participles,
        "../data/cues/fr-utterance-participles.txt"
    );

    list_file!(english_function_words, "../data/lang/en.txt");

    list_file!(
        /// Nouns that, after an indefinite determiner, describe a source the text does not name
        /// (`a person close to the talks`, `un proche`).
        unnamed_sources,
        "../data/roles/unnamed-sources.txt"
    );
}

/// Non-empty, non-comment lines of a data file, trimmed.
pub(crate) fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Grammatical gender, where the text or the lexicons tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    fn parse(s: &str) -> Gender {
        match s {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        }
    }

    /// Whether a pronoun of gender `self` may refer to an entity of gender `other`.
    pub(crate) fn compatible(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// Every inflected form of the reporting verbs of one language, folded.
pub(crate) struct Cues {
    /// One-word forms (keys only: the table type of the other string-keyed tables).
    words: FastHashMap<String, usize>,
    /// Multi-word forms (`point out`, `mettre en garde`), as folded word sequences.
    phrases: Vec<Vec<String>>,
}

impl Cues {
    fn parse(data: &str, inflect: fn(&str) -> Vec<String>) -> Cues {
        let mut words = FastHashMap::default();
        let mut phrases = Vec::new();
        for line in data_lines(data) {
            let (lemma, forms) = match line.split_once(':') {
                Some((lemma, forms)) => (lemma.trim(), forms.split_whitespace().map(fold).collect::<Vec<_>>()),
                None => (line, Vec::new()),
            };
            let forms = if !forms.is_empty() || lemma.contains(' ') {
                if forms.is_empty() {
                    vec![fold(lemma)]
                } else if lemma.contains(' ') {
                    // Multi-word forms are listed with spaces; regroup them by word count.
                    let n = lemma.split_whitespace().count();
                    forms.chunks(n).map(|c| c.join(" ")).collect()
                } else {
                    forms
                }
            } else {
                inflect(&fold(lemma))
            };
            for f in forms {
                if f.contains(' ') {
                    phrases.push(f.split(' ').map(str::to_string).collect());
                } else {
                    words.insert(f, 0);
                }
            }
        }
        Cues { words, phrases }
    }

    pub(crate) fn french() -> &'static Cues {
        static SET: OnceLock<Cues> = OnceLock::new();
        SET.get_or_init(|| Cues::parse(include_str!("../data/cues/fr.txt"), inflect_french_er))
    }

    pub(crate) fn english() -> &'static Cues {
        static SET: OnceLock<Cues> = OnceLock::new();
        SET.get_or_init(|| Cues::parse(include_str!("../data/cues/en.txt"), inflect_english))
    }

    pub(crate) fn contains_word(&self, folded: &str) -> bool {
        self.words.contains_key(folded)
    }

    /// Whether some multi-word cue starts with this (folded) word.
    pub(crate) fn starts_phrase(&self, folded: &str) -> bool {
        self.phrases.iter().any(|p| p[0] == folded)
    }

    /// Length in words of the multi-word cue starting at `words[0]`, if any.
    pub(crate) fn phrase_len(&self, words: &[&str]) -> Option<usize> {
        self.phrases
            .iter()
            .filter(|p| words.len() >= p.len() && p.iter().zip(words).all(|(a, b)| a == b))
            .map(Vec::len)
            .max()
    }
}

/// Third-person forms of every tense, participles and infinitive of a regular `-er` verb.
fn inflect_french_er(lemma: &str) -> Vec<String> {
    let Some(stem) = lemma.strip_suffix("er") else { return vec![lemma.to_string()] };
    const ENDINGS: &[&str] = &[
        "e", "ent", "é", "ée", "és", "ées", "ait", "aient", "a", "èrent", "era", "eront", "erait",
        "eraient", "ant", "er",
    ];
    ENDINGS.iter().map(|e| format!("{stem}{e}")).collect()
}

/// `-s`, `-ed` and `-ing` forms of a regular English verb.
fn inflect_english(lemma: &str) -> Vec<String> {
    let mut forms = vec![lemma.to_string()];
    if let Some(stem) = lemma.strip_suffix('e') {
        forms.extend([format!("{lemma}s"), format!("{lemma}d"), format!("{stem}ing")]);
    } else if let Some(stem) = lemma.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        forms.extend([format!("{stem}ies"), format!("{stem}ied"), format!("{lemma}ing")]);
    } else {
        let s = if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") { "es" } else { "s" };
        forms.extend([format!("{lemma}{s}"), format!("{lemma}ed"), format!("{lemma}ing")]);
    }
    forms
}

/// A folded word → gender table (titles, role nouns, first names).
pub(crate) struct GenderedWords {
    /// Each word's gender as its index in [`GENDERS`]: the table type of the other string-keyed
    /// tables, one copy of its code in the wasm module.
    map: FastHashMap<String, usize>,
}

/// Genders by their index (`gender as usize`) in [`GenderedWords`]' table.
const GENDERS: [Gender; 3] = [Gender::Unknown, Gender::Male, Gender::Female];

impl GenderedWords {
    /// `word<TAB>gender` lines.
    fn parse_tabbed(data: &str) -> GenderedWords {
        let map = data_lines(data)
            .filter_map(|l| {
                let (w, g) = l.split_once('\t')?;
                Some((fold(w.trim()), Gender::parse(g.trim()) as usize))
            })
            .collect();
        GenderedWords { map }
    }

    /// Whitespace-separated names, all of one gender; a name in both lists is `Unknown`.
    fn parse_names(female: &str, male: &str) -> GenderedWords {
        let mut map = FastHashMap::default();
        for (data, g) in [(female, Gender::Female), (male, Gender::Male)] {
            let g = g as usize;
            for name in data_lines(data).flat_map(str::split_whitespace) {
                let e = map.entry(fold(name)).or_insert(g);
                if *e != g {
                    *e = Gender::Unknown as usize;
                }
            }
        }
        GenderedWords { map }
    }

    pub(crate) fn get(&self, word: &str) -> Option<Gender> {
        with_fold(word, |w| self.map.get(w).and_then(|&g| GENDERS.get(g).copied()))
    }

    pub(crate) fn titles() -> &'static GenderedWords {
        static SET: OnceLock<GenderedWords> = OnceLock::new();
        SET.get_or_init(|| GenderedWords::parse_tabbed(include_str!("../data/titles/titles.txt")))
    }

    pub(crate) fn first_names() -> &'static GenderedWords {
        static SET: OnceLock<GenderedWords> = OnceLock::new();
        SET.get_or_init(|| {
            GenderedWords::parse_names(include_str!("../data/names/female.txt"), include_str!("../data/names/male.txt"))
        })
    }

    /// Nouns that describe a person without naming a function (`Republican`, `septuagénaire`).
    pub(crate) fn person_descriptions() -> &'static GenderedWords {
        static SET: OnceLock<GenderedWords> = OnceLock::new();
        SET.get_or_init(|| GenderedWords::parse_tabbed(include_str!("../data/roles/described.txt")))
    }

    pub(crate) fn roles() -> &'static GenderedWords {
        static SET: OnceLock<GenderedWords> = OnceLock::new();
        SET.get_or_init(|| {
            let mut fr = GenderedWords::parse_tabbed(include_str!("../data/roles/fr.txt"));
            fr.map.extend(GenderedWords::parse_tabbed(include_str!("../data/roles/en.txt")).map);
            fr
        })
    }
}

impl WordSet {
    /// Words that head organisation names (`Church`, `University`, `Cour`, `Parlement`): the
    /// gazetteer lists of both languages plus the generic organisation nouns, less the words that
    /// head place names as well (`City`, `Town`).
    pub(crate) fn organisation_heads() -> &'static WordSet {
        static SET: OnceLock<WordSet> = OnceLock::new();
        SET.get_or_init(|| {
            let mut set = WordSet::parse(include_str!("../data/gazetteer/en/orgword.txt"));
            set.words.extend(WordSet::parse(include_str!("../data/gazetteer/fr/orgword.txt")).words);
            set.words.extend(WordSet::parse(include_str!("../data/roles/org-nouns.txt")).words);
            set.words.extend(WordSet::parse(include_str!("../data/roles/org-heads-more.txt")).words);
            set.words.extend(["municipality", "center", "centre"].map(|w| (w.to_string(), 0)));
            for place_head in WordSet::parse(include_str!("../data/roles/place-heads.txt")).words.into_keys() {
                set.words.remove(&place_head);
            }
            set
        })
    }

    list_file!(
        /// Office-holder nouns whose complement is a portfolio (`ministre de l'Intérieur`).
        portfolio_heads,
        "../data/roles/portfolio-heads.txt"
    );

    list_file!(
        /// Institution words whose name goes on with `of` (`Ministry`, `University`).
        institutions_of,
        "../data/roles/institutions-of.txt"
    );

    list_file!(
        /// French nouns heading a street's or a square's name (`rue`, `place`).
        street_kinds,
        "../data/places/street-kinds.txt"
    );

    list_file!(
        /// French nouns heading a school's name (`lycée`, `université`).
        school_kinds,
        "../data/places/school-kinds.txt"
    );

    list_file!(
        /// Last words of English place names (`County`, `Township`).
        place_suffixes,
        "../data/places/place-suffixes.txt"
    );

    list_file!(
        /// Capitalised sentence starters that never name anyone (`Some`, `Eux`).
        not_names,
        "../data/lang/not-names.txt"
    );

    list_file!(
        /// Kinds of organisation (`newspaper`, `école`) that make the name beside them an
        /// organisation's (`the newspaper Le Monde`, `Villa Serena, a school in Turin`).
        organisation_kinds,
        "../data/roles/org-kinds.txt"
    );

    list_file!(
        /// Common nouns that designate an organisation (`l'ONG`, `the agency`).
        organisation_nouns,
        "../data/roles/org-nouns.txt"
    );
}

/// Common nouns that refer back to an organisation whose name has another head word
/// (`les juges` → `Cour d'appel de …`, `the city` → `Municipality of …`).
pub(crate) struct OrganisationReferences {
    heads_of: FastHashMap<String, Vec<String>>,
}

impl OrganisationReferences {
    /// `noun: head head …` lines.
    fn parse(data: &str) -> OrganisationReferences {
        let heads_of = data_lines(data)
            .filter_map(|l| {
                let (noun, heads) = l.split_once(':')?;
                Some((fold(noun.trim()), heads.split_whitespace().map(fold).collect()))
            })
            .collect();
        OrganisationReferences { heads_of }
    }

    pub(crate) fn get() -> &'static OrganisationReferences {
        static SET: OnceLock<OrganisationReferences> = OnceLock::new();
        SET.get_or_init(|| OrganisationReferences::parse(include_str!("../data/roles/org-references.txt")))
    }

    /// Role nouns that refer to a person whose role has another head word or title
    /// (`le technicien` → `l'entraîneur …`, `the governor` → `Gov. …`): same format.
    pub(crate) fn role_synonyms() -> &'static OrganisationReferences {
        static SET: OnceLock<OrganisationReferences> = OnceLock::new();
        SET.get_or_init(|| OrganisationReferences::parse(include_str!("../data/roles/synonyms.txt")))
    }

    /// The head words of the organisations a folded noun may refer to.
    pub(crate) fn heads(&self, folded_noun: &str) -> Option<&[String]> {
        self.heads_of.get(folded_noun).map(Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_cues_cover_inflections() {
        let c = Cues::french();
        for w in ["déclaré", "déclare", "déclarait", "ajoute", "explique", "dit", "indique", "prévient", "martèle", "annonça", "estimé"] {
            assert!(c.contains_word(&fold(w)), "{w}");
        }
        assert!(!c.contains_word("maison"));
    }

    #[test]
    fn english_cues_cover_inflections() {
        let c = Cues::english();
        for w in ["said", "says", "told", "added", "noted", "explaining", "wrote", "insisted", "warns", "replied", "argued", "tweeted"] {
            assert!(c.contains_word(w), "{w}");
        }
        assert_eq!(c.phrase_len(&["pointed", "out", "that"]), Some(2));
    }

    #[test]
    fn genders_from_titles_names_and_roles() {
        assert_eq!(GenderedWords::titles().get("Mme"), Some(Gender::Female));
        assert_eq!(GenderedWords::titles().get("M."), Some(Gender::Male));
        assert_eq!(GenderedWords::first_names().get("Liz"), Some(Gender::Female));
        assert_eq!(GenderedWords::first_names().get("Anthony"), Some(Gender::Male));
        assert_eq!(GenderedWords::first_names().get("Dominique"), Some(Gender::Unknown));
        assert_eq!(GenderedWords::roles().get("porte-parole"), Some(Gender::Unknown));
        assert_eq!(GenderedWords::roles().get("spokeswoman"), Some(Gender::Female));
    }

    #[test]
    fn organisation_references_list_heads() {
        let refs = OrganisationReferences::get();
        assert_eq!(refs.heads("juges"), Some(&["cour".to_string(), "tribunal".to_string()][..]));
        assert!(refs.heads("city").is_some_and(|h| h.contains(&"municipality".to_string())));
        assert_eq!(refs.heads("maison"), None);
    }
}
