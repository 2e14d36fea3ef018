//! The analysis contract: the one result type that the CLI prints as JSON and that JavaScript
//! receives. All `start`/`end` offsets are UTF-16 code units into the input (what a JavaScript
//! string indexes), and every span's `text` equals the input slice at those offsets.

use serde::Serialize;

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
