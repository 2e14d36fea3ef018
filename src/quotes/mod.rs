//! Quotations: pairing marks ([`marks`]), telling direct from partial quotes, and attributing
//! each to its speaker ([`attribution`]).

mod attribution;
mod marks;

use crate::analysis::QuoteKind;
use crate::entities::EntityCluster;
use crate::pipeline::Doc;
use crate::text::{fold, ByteSpan, TokenKind};

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
    let raw = marks::find(doc, |q| !is_scare_quote(doc, q));
    attribution::attribute(doc, clusters, &raw)
}

/// Single words in quotes (`« sérieuses »`, `"Anonymous"`) are scare quotes, names or titles,
/// not reported speech: they are left out. A single word that is a whole utterance (`« Non ! »`)
/// stays.
fn is_scare_quote(doc: &Doc, q: &marks::RawQuote) -> bool {
    let a = doc.token_at_or_after(q.content.start);
    let b = doc.token_at_or_after(q.content.end);
    let words = doc.tokens[a..b].iter().filter(|t| matches!(t.kind(), TokenKind::Word | TokenKind::Number)).count();
    let ends_sentence = doc.text[q.content.clone()].trim_end().ends_with(['.', '!', '?', '…']);
    words < 2 && !ends_sentence
}

/// `direct` when the quote stands as an utterance of its own: at the start of a paragraph or
/// sentence, after a colon, a comma, a dash or a reporting verb, or after another quote;
/// `partial` when it is woven into the reporter's sentence (`a qualifié les pourparlers de « … »`).
pub(crate) fn kind_of(doc: &Doc, q: &marks::RawQuote, is_cue: impl Fn(&str) -> bool) -> QuoteKind {
    let before = doc.text[doc.paragraph(q.paragraph).start..q.outer.start].trim_end();
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
