//! Quotations: pairing marks (also broken ones), kind, and attribution to a speaker.

use crate::analysis::QuoteKind;
use crate::entities::EntityCluster;
use crate::pipeline::Doc;
use crate::text::ByteSpan;

/// A quotation found in the text, with byte spans.
#[derive(Debug, Clone)]
pub(crate) struct FoundQuote {
    pub span: ByteSpan,
    pub kind: QuoteKind,
    pub speaker: Option<FoundSpeaker>,
    pub cue: Option<ByteSpan>,
}

#[derive(Debug, Clone)]
pub(crate) struct FoundSpeaker {
    pub span: ByteSpan,
    pub entity: Option<usize>,
}

pub(crate) fn find(doc: &Doc, _clusters: &[EntityCluster]) -> Vec<FoundQuote> {
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        let s = &doc.text[p.clone()];
        let mut open: Option<usize> = None;
        for (i, c) in s.char_indices() {
            match c {
                '«' | '“' => open = Some(p.start + i + c.len_utf8()),
                '»' | '”' => {
                    if let Some(a) = open.take() {
                        let b = p.start + i;
                        let inner = &doc.text[a..b];
                        let lead = inner.len() - inner.trim_start().len();
                        let span = a + lead..a + inner.trim_end().len();
                        if !span.is_empty() {
                            out.push(FoundQuote { span, kind: QuoteKind::Direct, speaker: None, cue: None });
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}
