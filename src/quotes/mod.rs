//! Quotations: pairing marks ([`marks`]), telling direct from partial quotes, and attributing
//! each to its speaker ([`attribution`]).

mod attribution;
mod marks;

pub(crate) use attribution::follows_source_preposition;

use crate::analysis::QuoteKind;
use crate::entities::EntityCluster;
use crate::pipeline::Doc;
use crate::text::{fold, sub, ByteSpan, TokenKind};

/// A quotation found in the text, with byte spans.
#[derive(Debug, Clone)]
pub(crate) struct FoundQuote {
    pub span: ByteSpan,
    pub kind: QuoteKind,
    pub speaker: Option<FoundSpeaker>,
    pub cue: Option<ByteSpan>,
}

/// The words naming a speaker, and the entity they resolve to (if any).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FoundSpeaker {
    pub span: ByteSpan,
    pub entity: Option<usize>,
}

/// Finds every quotation of `doc` and its speaker. Speakers named only next to a quote (that
/// the entity stage missed) are added to `clusters`.
pub(crate) fn find(doc: &Doc, clusters: &mut Vec<EntityCluster>) -> Vec<FoundQuote> {
    let mut raw = marks::find(doc, |q| !is_scare_quote(doc, q));
    if doc.language == crate::lang::Language::French {
        raw = split_incises(doc, raw);
    }
    attribution::attribute(doc, clusters, &raw)
}

/// Longest attribution read as an incise inside the marks, in tokens after its comma.
const MAX_INCISE: usize = 6;

/// The same for an incise in plain order, whose subject may be a role phrase (`, a précisé le
/// porte-parole du ministère,`).
const MAX_PLAIN_INCISE: usize = 10;

/// French puts a short attribution inside the marks: `« A, a-t-elle lancé. B »`,
/// `« A, poursuit-il, B »`, `« A, a ajouté M. Martin. B »`. The attribution is the reporter's,
/// not the speaker's: the quote is two, `A,` before it and `B` after it, the way `« A »,
/// a-t-elle lancé, « B »` reads. Only a reporting clause right after a comma counts (an
/// inverted verb, `ajoute-t-il`, `a-t-elle déclaré`, or a verb or `selon` followed by a name or
/// a role: see [`plain_incise_end`]), and only when words are quoted on both sides.
fn split_incises(doc: &Doc, raw: Vec<marks::RawQuote>) -> Vec<marks::RawQuote> {
    let cues = crate::lexicon::Cues::french();
    let mut out = Vec::with_capacity(raw.len());
    for q in raw {
        let (a, b) = (doc.token_at_or_after(q.content.start), doc.token_at_or_after(q.content.end));
        let incise = (a + 1..b).find_map(|k| {
            if doc.tok(k) != "," {
                return None;
            }
            let end = match attribution::split_inverted(doc.folded(k + 1)) {
                // Not `dit-on` (`as they say`): no speaker there.
                Some((_, "on")) => return None,
                Some((verb, _)) => {
                    // `a-t-elle lancé`: the auxiliary, then the participle.
                    let verb_end = if verb == "a" { k + 3 } else { k + 2 };
                    let cue = if verb == "a" { doc.folded(k + 2) } else { verb };
                    if verb_end > b || !cues.contains_word(cue) {
                        return None;
                    }
                    (verb_end..b.min(k + 1 + MAX_INCISE)).find(|&e| matches!(doc.tok(e), "," | "."))?
                }
                None => plain_incise_end(doc, cues, k, b)?,
            };
            let words_after = (end + 1..b).any(|j| doc.tokens[j].kind() == TokenKind::Word);
            let words_before = (a..k).any(|j| doc.tokens[j].kind() == TokenKind::Word);
            (words_before && words_after).then_some((k, end))
        });
        let Some((comma, end)) = incise else {
            out.push(q);
            continue;
        };
        let comma_end = doc.tokens[comma].end();
        let after = doc.tokens[end].end();
        let before_quote = marks::RawQuote { content: q.content.start..comma_end, outer: q.outer.start..comma_end, paragraph: q.paragraph, runs_on: false };
        let next = doc.tokens[end + 1].start();
        let after_quote = marks::RawQuote { content: next..q.content.end, outer: after..q.outer.end, paragraph: q.paragraph, runs_on: q.runs_on };
        out.push(before_quote);
        out.push(after_quote);
    }
    out
}

/// `, a ajouté M. Martin.`, `, explique le maire,`, `, selon l'ONG Vigie,`: after the comma at
/// `k`, a reporting verb in plain order (after `a`/`avait` or not) or `selon`, then its subject:
/// a name (after a title, if any) that runs up to a comma or a full stop, or a determiner and a
/// role or organisation noun (`un porte-parole`, `l'association`). Returns that comma or stop.
/// A verb followed by anything else (`, dit le proverbe,`, `, explique que …`) is the speaker's
/// own sentence.
fn plain_incise_end(doc: &Doc, cues: &crate::lexicon::Cues, k: usize, b: usize) -> Option<usize> {
    use crate::lexicon::GenderedWords;
    let auxiliary = matches!(doc.folded(k + 1), "a" | "avait");
    let v = k + 1 + usize::from(auxiliary);
    if v + 1 >= b || !(cues.contains_word(doc.folded(v)) || doc.folded(v) == "selon" && !auxiliary) {
        return None;
    }
    let s = v + 1 + usize::from(GenderedWords::titles().get(doc.tok(v + 1)).is_some());
    let stop = (s..b.min(k + 1 + MAX_PLAIN_INCISE)).find(|&e| matches!(doc.tok(e), "," | "."))?;
    // `Paul Roux`, `Anne de Villiers`.
    let named = s < stop && (s..stop).all(|j| doc.tok(j).chars().next().is_some_and(char::is_uppercase) || matches!(doc.folded(j), "de" | "d'" | "du"));
    let head = |j: usize| GenderedWords::roles().get(doc.tok(j)).is_some() || crate::lexicon::WordSet::organisation_nouns().contains(doc.tok(j));
    let described = attribution::DETERMINERS.contains(&doc.folded(s)) && (s + 1..stop.min(s + 4)).any(head);
    (named || described).then_some(stop)
}

/// Single words in quotes (`« sérieuses »`, `"Anonymous"`) are scare quotes, names or titles,
/// not reported speech: they are left out. A single word that is a whole utterance (`« Non ! »`)
/// stays.
fn is_scare_quote(doc: &Doc, q: &marks::RawQuote) -> bool {
    let a = doc.token_at_or_after(q.content.start);
    let b = doc.token_at_or_after(q.content.end);
    let words = doc.tokens[a..b].iter().filter(|t| matches!(t.kind(), TokenKind::Word | TokenKind::Number)).count();
    let ends_sentence = sub(doc.text, q.content.clone()).trim_end().ends_with(['.', '!', '?', '…']);
    words < 2 && !ends_sentence
}

/// `direct` when the quote stands as an utterance of its own: at the start of a paragraph or
/// sentence, after a colon, a comma, a dash or a reporting verb, or after another quote;
/// `partial` when it is woven into the reporter's sentence (`a qualifié les pourparlers de « … »`).
pub(crate) fn kind_of(doc: &Doc, q: &marks::RawQuote, is_cue: impl Fn(&str) -> bool) -> QuoteKind {
    let before = sub(doc.text, doc.paragraph(q.paragraph).start..q.outer.start).trim_end();
    let Some(prev) = before.chars().next_back() else { return QuoteKind::Direct };
    if matches!(prev, ':' | ',' | '.' | '!' | '?' | '—' | '–' | '-' | ';') || crate::text::is_quote_mark(prev) {
        return QuoteKind::Direct;
    }
    let last_word = before.rsplit(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’').next().unwrap_or("");
    if is_cue(&fold(last_word)) {
        return QuoteKind::Direct;
    }
    QuoteKind::Partial
}
