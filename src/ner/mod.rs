//! Statistical named-entity tagger (placeholder until the trained tagger lands).

use std::ops::Range;

use crate::analysis::EntityType;
use crate::error::Error;
use crate::lang::Language;
use crate::text::Token;

/// Models compiled into native builds.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const BUILTIN_MODELS: &[&[u8]] = &[];

/// A trained tagger for one language.
pub(crate) struct Model {
    language: Language,
}

/// One tagged entity: a token range (indices into the tokens given to [`Model::tag`]) and its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NerSpan {
    pub tokens: Range<usize>,
    pub label: EntityType,
}

impl Model {
    pub(crate) fn from_bytes(_bytes: &[u8]) -> Result<Model, Error> {
        Err(Error::BadModel("no tagger in this build".into()))
    }

    pub(crate) fn language(&self) -> Language {
        self.language
    }

    /// Tags the tokens of each sentence (`sentences` are token-index ranges).
    pub(crate) fn tag(&self, _text: &str, _tokens: &[Token], _sentences: &[Range<usize>]) -> Vec<NerSpan> {
        Vec::new()
    }
}

/// Training and evaluation helpers (native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod tools {}
