//! The analysis contract: the one result type that the CLI prints as JSON and that JavaScript
//! receives. All `start`/`end` offsets are UTF-16 code units into the input (what a JavaScript
//! string indexes), and every span's `text` equals the input slice at those offsets.

use serde::Serialize;

use crate::text::sub;

/// The whole result of [`crate::Analyzer::analyze`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// ISO 639-1 code of the detected language (`"fr"`, `"en"`), or `"und"` when neither
    /// French nor English was recognised; the analysis then runs language-neutral rules only.
    pub language: String,
    /// Quotations in text order.
    pub quotes: Vec<Quote>,
    /// One entry per real-world entity, ordered by first mention.
    pub entities: Vec<Entity>,
}

/// A stretch of text with its UTF-16 offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Utf16Span {
    pub text: String,
    /// Start, in UTF-16 code units.
    #[serde(rename = "start")]
    pub start_utf16: u32,
    /// End (exclusive), in UTF-16 code units.
    #[serde(rename = "end")]
    pub end_utf16: u32,
}

/// One quotation: the text between its marks (marks and outer spaces excluded).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    #[serde(flatten)]
    pub span: Utf16Span,
    pub kind: QuoteKind,
    /// Who said it: the words in the text that name the speaker (a name, a pronoun, a role),
    /// linked to an entity when one is known.
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase (`a déclaré`, `said`, `selon`).
    pub cue: Option<Utf16Span>,
}

/// Whether the quoted span is the utterance itself or a fragment inside the reporter's sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
}

/// The speaker of a quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    #[serde(flatten)]
    pub span: Utf16Span,
    /// `id` of the speaker's entry in [`Analysis::entities`], or `None` for an unnamed source
    /// (`un témoin`, `a police spokesman`) or a group of persons named together (`Paul et Marie
    /// Durand`), which the speaker words name in full.
    pub entity: Option<u32>,
}

/// A person, organisation, place, date or number, with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub id: u32,
    /// The canonical name: the longest form used in the text, without titles.
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// A title or function written beside the name (`secrétaire d’État américain`).
    pub role: Option<String>,
    pub mentions: Vec<Utf16Span>,
}

/// Entity types of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityType {
    PER,
    ORG,
    LOC,
    MISC,
    DATE,
    NUMBER,
}

impl Analysis {
    /// The analysis as compact JSON: the same text `serde_json::to_string` gives (tested), written
    /// by hand so that the wasm build needs no serialisation framework; JavaScript reads it with
    /// `JSON.parse`, which is also faster than building the objects field by field across the
    /// boundary.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256 + 64 * (self.quotes.len() + self.entities.len()));
        out.push_str("{\"language\":");
        json_string(&mut out, &self.language);
        out.push_str(",\"quotes\":[");
        for (k, q) in self.quotes.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push('{');
            span_fields(&mut out, &q.span);
            out.push_str(",\"kind\":");
            out.push_str(match q.kind {
                QuoteKind::Direct => "\"direct\"",
                QuoteKind::Partial => "\"partial\"",
            });
            out.push_str(",\"speaker\":");
            match &q.speaker {
                None => out.push_str("null"),
                Some(s) => {
                    out.push('{');
                    span_fields(&mut out, &s.span);
                    out.push_str(",\"entity\":");
                    json_opt_u32(&mut out, s.entity);
                    out.push('}');
                }
            }
            out.push_str(",\"cue\":");
            match &q.cue {
                None => out.push_str("null"),
                Some(c) => span_object(&mut out, c),
            }
            out.push('}');
        }
        out.push_str("],\"entities\":[");
        for (k, e) in self.entities.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push_str("{\"id\":");
            out.push_str(&e.id.to_string());
            out.push_str(",\"name\":");
            json_string(&mut out, &e.name);
            out.push_str(",\"type\":\"");
            out.push_str(e.kind.code());
            out.push_str("\",\"role\":");
            match &e.role {
                None => out.push_str("null"),
                Some(r) => json_string(&mut out, r),
            }
            out.push_str(",\"mentions\":[");
            for (j, m) in e.mentions.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                span_object(&mut out, m);
            }
            out.push_str("]}");
        }
        out.push_str("]}");
        out
    }
}

impl EntityType {
    /// The name used in JSON (`"PER"`, `"DATE"`, …).
    pub(crate) fn code(self) -> &'static str {
        match self {
            EntityType::PER => "PER",
            EntityType::ORG => "ORG",
            EntityType::LOC => "LOC",
            EntityType::MISC => "MISC",
            EntityType::DATE => "DATE",
            EntityType::NUMBER => "NUMBER",
        }
    }
}

/// `"text":…,"start":…,"end":…` (a span's fields, flattened into its owner).
fn span_fields(out: &mut String, s: &Utf16Span) {
    out.push_str("\"text\":");
    json_string(out, &s.text);
    out.push_str(",\"start\":");
    out.push_str(&s.start_utf16.to_string());
    out.push_str(",\"end\":");
    out.push_str(&s.end_utf16.to_string());
}

fn span_object(out: &mut String, s: &Utf16Span) {
    out.push('{');
    span_fields(out, s);
    out.push('}');
}

fn json_opt_u32(out: &mut String, v: Option<u32>) {
    match v {
        None => out.push_str("null"),
        Some(v) => out.push_str(&v.to_string()),
    }
}

/// A JSON string literal: `"` and `\` escaped, control characters as `\n`-style or `\u00XX`
/// escapes (as serde_json writes them); everything else, including non-ASCII, as is.
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(sub(s, plain..i));
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 0xf) as usize] as char);
        } else {
            out.push_str(escape);
        }
        plain = i + 1;
    }
    out.push_str(sub(s, plain..));
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, start: u32) -> Utf16Span {
        Utf16Span { text: text.to_string(), start_utf16: start, end_utf16: start + text.encode_utf16().count() as u32 }
    }

    /// The hand-written JSON is exactly serde_json's, on every field and on awkward strings.
    #[test]
    fn to_json_matches_serde_json() {
        let awkward = "«\u{a0}Oui\u{a0}», \"dit\"-il \\ \u{1}\u{1f}\u{7f}\n\t\r\u{8}\u{c} 🌎 \u{2028} عربى";
        let analysis = Analysis {
            language: "fr".into(),
            quotes: vec![
                Quote {
                    span: span(awkward, 0),
                    kind: QuoteKind::Direct,
                    speaker: Some(Speaker { span: span("Blinken", 40), entity: Some(0) }),
                    cue: Some(span("a déclaré", 30)),
                },
                Quote { span: span("constructifs", 60), kind: QuoteKind::Partial, speaker: None, cue: None },
                Quote {
                    span: span("b", 80),
                    kind: QuoteKind::Direct,
                    speaker: Some(Speaker { span: span("un témoin", 90), entity: None }),
                    cue: None,
                },
            ],
            entities: [EntityType::PER, EntityType::ORG, EntityType::LOC, EntityType::MISC, EntityType::DATE, EntityType::NUMBER]
                .into_iter()
                .enumerate()
                .map(|(id, kind)| Entity {
                    id: id as u32,
                    name: format!("Name \"{id}\""),
                    kind,
                    role: (id % 2 == 0).then(|| "secrétaire d’État".to_string()),
                    mentions: (0..id).map(|k| span("x", k as u32)).collect(),
                })
                .collect(),
        };
        assert_eq!(analysis.to_json(), serde_json::to_string(&analysis).unwrap());
        let empty = Analysis { language: "und".into(), quotes: vec![], entities: vec![] };
        assert_eq!(empty.to_json(), serde_json::to_string(&empty).unwrap());
    }
}
