//! The analysis pipeline: text → tokens, sentences → language → entities → quotes → contract.

use std::ops::Range;

use crate::analysis::{Analysis, Entity, Quote, Speaker, Utf16Span};
use crate::bits::BitSet;
use crate::entities::{self, EntityCluster};
use crate::error::Error;
use crate::hash::{FastHashMap, FastHashSet};
use crate::lang::{self, Language};
use crate::ner;
use crate::offsets::Utf16Index;
use crate::quotes::{self, FoundQuote};
use crate::text::{self, ByteSpan, CompactSpan, Token, TokenKind};

/// Analyses articles. Holds the entity models; cheap to share, reusable across texts.
///
/// Without models, entities come from language-neutral rules (capitalisation, titles, the
/// gazetteers); [`Analyzer::with_builtin_models`] (native builds) or [`Analyzer::load_model`]
/// add the trained taggers.
#[derive(Default)]
pub struct Analyzer {
    models: FastHashMap<Language, ner::Model>,
}

/// One sentence: its tokens (indices into [`Doc::tokens`]) and its paragraph.
///
/// Indices are stored as `u32` (12 bytes a sentence instead of 24: a text of short sentences
/// has one every few bytes); they fit, as there are fewer tokens and paragraphs than bytes and
/// inputs are capped at [`crate::MAX_INPUT_BYTES`].
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    start: u32,
    end: u32,
    paragraph: u32,
}

impl Sentence {
    fn new(tokens: Range<usize>, paragraph: usize) -> Sentence {
        Sentence { start: tokens.start as u32, end: tokens.end as u32, paragraph: paragraph as u32 }
    }

    /// Indices of the sentence's tokens in [`Doc::tokens`].
    #[inline]
    pub(crate) fn tokens(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Index of the sentence's paragraph in [`Doc::paragraphs`].
    #[inline]
    pub(crate) fn paragraph(&self) -> usize {
        self.paragraph as usize
    }
}

/// The text with its segmentation, shared by every stage.
pub(crate) struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    /// Read with [`Doc::paragraph`] and [`Doc::paragraphs`].
    paragraphs: Vec<CompactSpan>,
    pub sentences: Vec<Sentence>,
    pub language: Language,
    /// Words the text writes in lower case (folded): a capitalised `Some` or `Also` at a
    /// sentence start is then no name. Read with [`Doc::writes_in_lower_case`].
    lowercase_words: FastHashSet<u64>,
    /// Every token's folded form (see [`text::fold`]), computed once: every stage looks words
    /// up in lists by it, many times per token.
    folded: FoldedTokens,
    /// The model whose gazetteer holds the word lists the rules read from it rather than from
    /// a copy in the core (known places, nationalities: [`Doc::is_demonym`]): the language's,
    /// else any loaded one; none for a rules-only analysis.
    pub gazetteer: Option<&'t crate::ner::Model>,
}

/// Folded token strings. Most tokens are already folded and are their own text; only the
/// others (capitals, typographic apostrophes…) are flagged and stored, so the table costs a bit
/// per token plus the folds that differ.
struct FoldedTokens {
    /// Tokens whose fold differs from their text.
    differs: BitSet,
    /// Per 64 tokens (a word of `differs`): how many tokens before them have a stored fold.
    rank: Vec<u32>,
    /// End of each stored fold in `owned`; fold `k` starts where fold `k - 1` ends.
    ends: Vec<u32>,
    owned: String,
}

impl FoldedTokens {
    fn new(text: &str, tokens: &[Token]) -> FoldedTokens {
        let mut differs = BitSet::new(tokens.len());
        let mut ends = Vec::new();
        let mut owned = String::new();
        for (i, t) in tokens.iter().enumerate() {
            if let std::borrow::Cow::Owned(f) = text::fold_cow(t.text(text)) {
                differs.set(i);
                owned.push_str(&f);
                // Fits: inputs are capped at MAX_INPUT_BYTES (32 MiB), and a fold grows a
                // token by a few bytes at most.
                ends.push(owned.len() as u32);
            }
        }
        let mut rank = Vec::with_capacity(differs.words().len());
        let mut before = 0u32;
        for w in differs.words() {
            rank.push(before);
            before += w.count_ones();
        }
        FoldedTokens { differs, rank, ends, owned }
    }

    fn get<'a>(&'a self, text: &'a str, tokens: &[Token], i: usize) -> &'a str {
        if !self.differs.get(i) {
            return tokens.get(i).and_then(|t| text.get(t.span())).unwrap_or("");
        }
        let k = self.rank.get(i / 64).copied().unwrap_or(0) + self.differs.ones_in_word_below(i);
        let k = k as usize;
        let start = k.checked_sub(1).and_then(|j| self.ends.get(j)).copied().unwrap_or(0);
        let end = self.ends.get(k).copied().unwrap_or(0);
        self.owned.get(start as usize..end as usize).unwrap_or("")
    }
}

/// A 64-bit hash standing for a word in a per-document set, so that no string is copied; a
/// false match would take a 64-bit collision.
fn word_key(w: &str) -> u64 {
    crate::ner::features::fnv(w.as_bytes())
}

impl<'t> Doc<'t> {
    /// Whether `word` is a nationality or demonym (`italian`, `russe`), as the gazetteer of
    /// the language's model lists them (data/gazetteer/*/demonym.txt), also as an English
    /// compound noun (`Irishman`, `Frenchwomen`); never without a model.
    pub(crate) fn is_demonym(&self, word: &str) -> bool {
        let Some(model) = self.gazetteer else { return false };
        // (The compound's suffixes only when the word itself is not listed: this runs several
        // hundred times an article. `Scotsman`: the stem's plural form, `scots`, is listed.)
        model.is_demonym(word)
            || ["woman", "women", "man", "men"].iter().find_map(|s| word.strip_suffix(s)).filter(|stem| stem.len() >= 4).is_some_and(|stem| model.is_demonym(stem) || stem.strip_suffix('s').is_some_and(|s| model.is_demonym(s)))
    }

    /// Whether the token before `k` is an indefinite article (`un`, `une`; `a`, `an` in
    /// English): a name takes none, so `un Kanak âgé de 20 ans` names nobody.
    pub(crate) fn after_indefinite_article(&self, k: usize) -> bool {
        k > 0
            && match self.folded(k - 1) {
                "un" | "une" => true,
                "a" | "an" => self.language == crate::lang::Language::English,
                _ => false,
            }
    }

    pub(crate) fn new(text: &'t str) -> Doc<'t> {
        let paragraphs = text::paragraphs(text);
        // About one token per four bytes or more in prose: reserved once rather than grown
        // (and copied) at every doubling. Never shrunk: the Doc lives for one analysis, and on
        // text with fewer tokens the unused tail is untouched, so the OS never backs it.
        let mut tokens = Vec::with_capacity(text.len() / 4);
        let mut sentences = Vec::new();
        for (p, para) in paragraphs.iter().map(|s| s.range()).enumerate() {
            let first = tokens.len();
            text::tokenize_into(text, para.clone(), &mut tokens);
            let para_tokens = &tokens[first..];
            let mut k = 0;
            for bytes in text::sentences(text, para.clone(), para_tokens) {
                let a = k;
                while k < para_tokens.len() && para_tokens[k].start() < bytes.end {
                    k += 1;
                }
                sentences.push(Sentence::new(first + a..first + k, p));
            }
        }
        let folded = FoldedTokens::new(text, &tokens);
        let language = lang::detect(&tokens, |i| folded.get(text, &tokens, i));
        let lowercase_words = (0..tokens.len())
            .filter(|&i| tokens[i].kind() == TokenKind::Word && tokens[i].text(text).chars().next().is_some_and(char::is_lowercase))
            .map(|i| word_key(folded.get(text, &tokens, i)))
            .collect();
        Doc { text, tokens, paragraphs, sentences, language, lowercase_words, folded, gazetteer: None }
    }

    /// Byte range of paragraph `p`.
    pub(crate) fn paragraph(&self, p: usize) -> ByteSpan {
        self.paragraphs[p].range()
    }

    /// The paragraphs, in order.
    pub(crate) fn paragraphs(&self) -> &[CompactSpan] {
        &self.paragraphs
    }

    /// Whether the text writes this folded word in lower case somewhere.
    pub(crate) fn writes_in_lower_case(&self, folded: &str) -> bool {
        self.lowercase_words.contains(&word_key(folded))
    }

    /// Token `i`'s folded form (lower case, apostrophes and quote marks unified), for lookups.
    pub(crate) fn folded(&self, i: usize) -> &str {
        self.folded.get(self.text, &self.tokens, i)
    }

    pub(crate) fn tok(&self, i: usize) -> &'t str {
        self.tokens[i].text(self.text)
    }

    /// Index of the sentence containing token `i`.
    pub(crate) fn sentence_of_token(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens().end <= i).min(self.sentences.len().saturating_sub(1))
    }

    /// Whether token `i` opens its sentence.
    pub(crate) fn is_sentence_start(&self, i: usize) -> bool {
        self.sentences.get(self.sentence_of_token(i)).is_some_and(|s| s.tokens().start == i)
    }

    /// Paragraph of the sentence holding token `i` (0 for a text without sentences).
    pub(crate) fn paragraph_of_token(&self, i: usize) -> usize {
        self.sentences.get(self.sentence_of_token(i)).map_or(0, |s| s.paragraph())
    }

    /// Index of the first token starting at or after byte `b`.
    pub(crate) fn token_at_or_after(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| t.start() < b)
    }
}

impl Analyzer {
    /// An analyzer with no trained models: rules only.
    pub fn new() -> Analyzer {
        Analyzer::default()
    }

    /// An analyzer with the French and English models compiled into the binary (native builds;
    /// the wasm build loads them on demand with [`Analyzer::load_model`] instead).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_builtin_models() -> Result<Analyzer, Error> {
        let mut a = Analyzer::new();
        for bytes in ner::BUILTIN_MODELS {
            a.load_model(bytes)?;
        }
        Ok(a)
    }

    /// Adds a trained entity model (a `models/ner-*.bin` file); returns its language code.
    pub fn load_model(&mut self, bytes: &[u8]) -> Result<&'static str, Error> {
        let model = ner::Model::from_bytes(bytes)?;
        let lang = model.language();
        self.models.insert(lang, model);
        Ok(lang.code())
    }

    /// Language codes of the loaded models, in a fixed order (French, then English).
    pub fn model_languages(&self) -> Vec<&'static str> {
        let mut langs: Vec<Language> = self.models.keys().copied().collect();
        crate::sort::sort_by_key(&mut langs, |&l| l as u64);
        langs.into_iter().map(Language::code).collect()
    }

    /// Detects the language of `text` (`"fr"`, `"en"` or `"und"`), e.g. to load its model first.
    pub fn detect_language(text: &str) -> &'static str {
        let tokens = text::tokenize_range(text, 0..floor_char_boundary(text, 200_000));
        let folded = FoldedTokens::new(text, &tokens);
        lang::detect(&tokens, |i| folded.get(text, &tokens, i)).code()
    }

    /// Analyses one article. Fails only on input over [`crate::MAX_INPUT_BYTES`].
    pub fn analyze(&self, text: &str) -> Result<Analysis, Error> {
        if text.len() > crate::MAX_INPUT_BYTES {
            return Err(Error::InputTooLarge { bytes: text.len(), limit: crate::MAX_INPUT_BYTES });
        }
        let mut doc = Doc::new(text);
        let model = self.models.get(&doc.language);
        let places_from = model.or_else(|| [Language::French, Language::English].iter().find_map(|l| self.models.get(l)));
        doc.gazetteer = places_from;
        let mut clusters = entities::find(&doc, model);
        let mut found = quotes::find(&doc, &mut clusters);
        order_by_first_mention(&mut clusters, &mut found);
        Ok(assemble(&doc, &clusters, &found))
    }
}

/// Sorts entities by first mention (the contract's order) and renumbers speaker links.
fn order_by_first_mention(clusters: &mut Vec<EntityCluster>, found: &mut [FoundQuote]) {
    let mut order: Vec<usize> = (0..clusters.len()).filter(|&i| !clusters[i].mentions.is_empty()).collect();
    crate::sort::sort_by_key(&mut order, |&i| clusters[i].mentions[0].start as u64);
    let mut new_id = vec![None; clusters.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = Some(new);
    }
    for q in found.iter_mut() {
        if let Some(s) = q.speaker.as_mut() {
            s.entity = s.entity.and_then(|e| new_id[e]);
        }
    }
    let mut slots: Vec<Option<EntityCluster>> = std::mem::take(clusters).into_iter().map(Some).collect();
    clusters.extend(order.iter().filter_map(|&i| slots[i].take()));
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Builds the contract type, converting every byte span to UTF-16 once.
fn assemble(doc: &Doc, clusters: &[EntityCluster], found: &[FoundQuote]) -> Analysis {
    let ix = Utf16Index::new(doc.text);
    let span = |b: &ByteSpan| Utf16Span {
        text: crate::text::sub(doc.text, b.clone()).to_string(),
        start_utf16: ix.utf16(b.start),
        end_utf16: ix.utf16(b.end),
    };
    let entities = clusters
        .iter()
        .enumerate()
        .map(|(id, c)| Entity {
            id: id as u32,
            name: c.name.clone(),
            kind: c.kind,
            role: c.role.clone(),
            mentions: c.mentions.iter().map(&span).collect(),
        })
        .collect();
    let quotes = found
        .iter()
        .map(|q| Quote {
            span: span(&q.span),
            kind: q.kind,
            speaker: q.speaker.as_ref().map(|s| Speaker { span: span(&s.span), entity: s.entity.map(|e| e as u32) }),
            cue: q.cue.as_ref().map(&span),
        })
        .collect();
    Analysis { language: doc.language.code().to_string(), quotes, entities }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Whatever the order models are loaded in, they are listed French first, then English.
    #[test]
    fn model_languages_come_in_a_fixed_order() {
        let [fr, en] = ner::BUILTIN_MODELS else { panic!("two built-in models") };
        for order in [[fr, en], [en, fr]] {
            let mut a = Analyzer::new();
            for bytes in order {
                a.load_model(bytes).expect("built-in model loads");
            }
            assert_eq!(a.model_languages(), ["fr", "en"]);
        }
    }
}
