//! Invariants every [`article_lens::Analysis`] must satisfy, whatever the input.
//!
//! Shared by the fuzz target (`fuzz/fuzz_targets/analyze.rs`) and the robustness tests
//! (`tests/robustness.rs`, which includes this file with `#[path]`), so both check exactly the
//! same contract:
//!
//! - every span (quote, speaker, cue, entity mention) has `start <= end <= utf16_len(input)`;
//! - its `text` equals the input's UTF-16 slice `[start, end)` (so no span cuts a surrogate pair);
//! - quotes are in text order and do not overlap;
//! - entity ids are `0..n` in order, and a speaker's `entity` names an existing entity;
//! - `language` is `fr`, `en` or `und`.

#![allow(dead_code)]

use article_lens::{Analysis, Utf16Span};

/// Checks `analysis` against `input`; returns a description of the first violation.
pub fn check(input: &str, analysis: &Analysis) -> Result<(), String> {
    let units: Vec<u16> = input.encode_utf16().collect();
    if !matches!(analysis.language.as_str(), "fr" | "en" | "und") {
        return Err(format!("unexpected language {:?}", analysis.language));
    }
    let mut prev_end: Option<u32> = None;
    for (i, q) in analysis.quotes.iter().enumerate() {
        check_span(&units, &q.span, &format!("quote {i}"))?;
        if let Some(end) = prev_end {
            if q.span.start_utf16 < end {
                return Err(format!(
                    "quote {i} ({}..{}) starts before the previous quote ends ({end}): overlap or out of order",
                    q.span.start_utf16, q.span.end_utf16
                ));
            }
        }
        prev_end = Some(q.span.end_utf16);
        if let Some(s) = &q.speaker {
            check_span(&units, &s.span, &format!("speaker of quote {i}"))?;
            if let Some(e) = s.entity {
                if e as usize >= analysis.entities.len() {
                    return Err(format!("speaker of quote {i} links to entity {e}, but there are {}", analysis.entities.len()));
                }
            }
        }
        if let Some(c) = &q.cue {
            check_span(&units, c, &format!("cue of quote {i}"))?;
        }
    }
    for (k, e) in analysis.entities.iter().enumerate() {
        if e.id as usize != k {
            return Err(format!("entity at index {k} has id {}", e.id));
        }
        for (m, span) in e.mentions.iter().enumerate() {
            check_span(&units, span, &format!("mention {m} of entity {k} ({:?})", e.name))?;
        }
    }
    Ok(())
}

fn check_span(units: &[u16], span: &Utf16Span, what: &str) -> Result<(), String> {
    let (start, end) = (span.start_utf16 as usize, span.end_utf16 as usize);
    if start > end || end > units.len() {
        return Err(format!("{what}: span {start}..{end} out of bounds (input has {} UTF-16 units)", units.len()));
    }
    match String::from_utf16(&units[start..end]) {
        Ok(slice) if slice == span.text => Ok(()),
        Ok(slice) => Err(format!("{what}: text {:?} differs from the input slice {start}..{end} {:?}", span.text, slice)),
        Err(_) => Err(format!("{what}: span {start}..{end} cuts a surrogate pair (text {:?})", span.text)),
    }
}
