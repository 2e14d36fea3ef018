//! The crate's one error type.

use std::fmt;

/// Everything that can go wrong in analysis, as one enum with a readable [`Display`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`crate::MAX_INPUT_BYTES`].
    InputTooLarge { bytes: usize, limit: usize },
    /// A model file could not be read (wrong magic, truncated, unknown version).
    BadModel(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { bytes, limit } => {
                write!(f, "input is {bytes} bytes; the limit is {limit} bytes")
            }
            Error::BadModel(why) => write!(f, "invalid model file: {why}"),
        }
    }
}

impl std::error::Error for Error {}
