//! # article-lens
//!
//! Finds who said what in a news article: every quotation with its speaker, and the people,
//! organisations and places the article names, merged into one entry per real-world entity.
//! The same core runs natively (the `article-lens` CLI) and in the browser (WebAssembly).
//!
//! ```
//! let analyzer = article_lens::Analyzer::new();
//! let text = "« Nous sommes prêts », a déclaré Anthony Blinken.";
//! let analysis = analyzer.analyze(text).unwrap();
//! assert_eq!(analysis.language, "fr");
//! let quote = &analysis.quotes[0];
//! assert_eq!(quote.span.text, "Nous sommes prêts");
//! assert_eq!(quote.speaker.as_ref().unwrap().span.text, "Anthony Blinken");
//! ```
//!
//! Offsets in the result are UTF-16 code units (what JavaScript strings use); internally the
//! crate works on byte offsets into the caller's `&str` and converts once, when it builds the
//! [`Analysis`].

mod analysis;
mod bits;
mod entities;
mod error;
mod hash;
mod lang;
mod lexicon;
mod ner;
mod offsets;
mod pipeline;
mod quotes;
mod sort;
mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::{Analysis, Entity, EntityType, Quote, QuoteKind, Speaker, Utf16Span};
pub use error::Error;
pub use pipeline::Analyzer;

/// Largest input accepted by [`Analyzer::analyze`]: 32 MiB.
pub const MAX_INPUT_BYTES: usize = 32 << 20;

/// Training and evaluation entry points for the `train-ner` and `eval-ner` binaries; not a
/// stable API.
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod ner_tools {
    pub use crate::ner::tools::*;
}
