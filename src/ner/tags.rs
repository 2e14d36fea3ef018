//! The BILOU tag set over the four entity types, transition constraints, and span decoding.

use std::ops::Range;

use crate::analysis::EntityType;

/// Entity types the tagger knows, in tag order.
pub(crate) const TYPES: [EntityType; 4] = [EntityType::PER, EntityType::ORG, EntityType::LOC, EntityType::MISC];
pub(crate) const N_TYPES: usize = TYPES.len();
/// Number of tags: `O` plus B, I, L, U for each type.
pub(crate) const NT: usize = 1 + 4 * N_TYPES;
/// The outside tag.
pub(crate) const O: u8 = 0;

/// Position of a token inside an entity.
pub(crate) const B: usize = 0;
pub(crate) const I: usize = 1;
pub(crate) const L: usize = 2;
pub(crate) const U: usize = 3;

pub(crate) fn tag(ty: usize, pos: usize) -> u8 {
    (1 + 4 * ty + pos) as u8
}

/// Type index of a tag (`None` for `O`).
pub(crate) fn type_of(t: u8) -> Option<usize> {
    (t != O).then(|| (t as usize - 1) / 4)
}

/// Position (B/I/L/U) of a non-`O` tag; `O` gives 4.
pub(crate) fn pos_of(t: u8) -> usize {
    if t == O {
        4
    } else {
        (t as usize - 1) % 4
    }
}

pub(crate) fn type_index(e: EntityType) -> Option<usize> {
    TYPES.iter().position(|&t| t == e)
}

/// Whether `t` may start a sentence.
pub(crate) fn allowed_start(t: u8) -> bool {
    matches!(pos_of(t), B | U | 4)
}

/// Whether `t` may end a sentence.
pub(crate) fn allowed_end(t: u8) -> bool {
    matches!(pos_of(t), L | U | 4)
}

/// Whether `next` may follow `prev`.
pub(crate) fn allowed(prev: u8, next: u8) -> bool {
    let inside = matches!(pos_of(prev), B | I);
    let continues = matches!(pos_of(next), I | L);
    if inside {
        continues && type_of(prev) == type_of(next)
    } else {
        !continues
    }
}

/// Entity spans (token ranges relative to `tags`, type index) read from a tag sequence.
/// Tolerant of invalid sequences: an entity runs from a B (or a stray I/L) to the next L.
pub(crate) fn spans(tags: &[u8]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let ty = type_of(t);
        let pos = pos_of(t);
        if let Some((start, oty)) = open {
            if ty == Some(oty) && (pos == I || pos == L) {
                if pos == L {
                    out.push((start..i + 1, oty));
                    open = None;
                }
                continue;
            }
            out.push((start..i, oty));
            open = None;
        }
        match (ty, pos) {
            (Some(ty), U) => out.push((i..i + 1, ty)),
            (Some(ty), L) => out.push((i..i + 1, ty)),
            (Some(ty), _) => open = Some((i, ty)),
            (None, _) => {}
        }
    }
    if let Some((start, ty)) = open {
        out.push((start..tags.len(), ty));
    }
    out
}

/// Writes BILOU tags for non-overlapping spans into `tags` (which starts all `O`).
pub(crate) fn write_span(tags: &mut [u8], span: Range<usize>, ty: usize) {
    if span.start >= span.end || span.end > tags.len() {
        return;
    }
    if span.len() == 1 {
        tags[span.start] = tag(ty, U);
        return;
    }
    tags[span.start] = tag(ty, B);
    for t in &mut tags[span.start + 1..span.end - 1] {
        *t = tag(ty, I);
    }
    tags[span.end - 1] = tag(ty, L);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_round_trip() {
        let mut t = vec![O; 8];
        write_span(&mut t, 1..3, 0);
        write_span(&mut t, 4..5, 2);
        write_span(&mut t, 5..8, 1);
        assert_eq!(spans(&t), vec![(1..3, 0), (4..5, 2), (5..8, 1)]);
    }

    #[test]
    fn transitions_follow_bilou() {
        assert!(allowed(tag(0, B), tag(0, L)));
        assert!(!allowed(tag(0, B), tag(1, L)));
        assert!(!allowed(O, tag(0, I)));
        assert!(allowed(tag(0, U), tag(0, B)));
        assert!(allowed_start(O) && !allowed_start(tag(0, I)));
        assert!(allowed_end(tag(2, L)) && !allowed_end(tag(2, B)));
    }
}
