//! A fixed-size set of bits: per-token flags at one bit a token rather than a byte or a word
//! (documents can hold millions of tokens).

use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub(crate) struct BitSet {
    words: Vec<u64>,
    len: usize,
}

impl BitSet {
    /// `len` bits, all clear.
    pub(crate) fn new(len: usize) -> BitSet {
        BitSet { words: vec![0; len.div_ceil(64)], len }
    }

    /// Bit `i`; clear beyond the end.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> bool {
        self.words.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 != 0)
    }

    /// Sets bit `i` (ignored beyond the end).
    #[inline]
    pub(crate) fn set(&mut self, i: usize) {
        if i < self.len {
            if let Some(w) = self.words.get_mut(i / 64) {
                *w |= 1 << (i % 64);
            }
        }
    }

    /// Sets every bit of `r` (clamped to the length).
    pub(crate) fn set_range(&mut self, r: Range<usize>) {
        for i in r.start..r.end.min(self.len) {
            self.set(i);
        }
    }

    /// How many bits below `i` are set within `i`'s 64-bit word (for rank tables built on
    /// [`BitSet::words`]).
    #[inline]
    pub(crate) fn ones_in_word_below(&self, i: usize) -> u32 {
        let w = self.words.get(i / 64).copied().unwrap_or(0);
        (w & ((1u64 << (i % 64)) - 1)).count_ones()
    }

    /// The bits, 64 to a word, bit `i` at `words[i / 64] >> (i % 64)`.
    pub(crate) fn words(&self) -> &[u64] {
        &self.words
    }
}

#[cfg(test)]
mod tests {
    use super::BitSet;

    #[test]
    fn sets_and_reads_bits_and_ranges() {
        let mut b = BitSet::new(130);
        b.set(0);
        b.set(64);
        b.set_range(100..140);
        let ones: Vec<usize> = (0..200).filter(|&i| b.get(i)).collect();
        let want: Vec<usize> = [0, 64].into_iter().chain(100..130).collect();
        assert_eq!(ones, want);
        // Word 1 holds bits 64..128: 64 and 100 are below 101.
        assert_eq!(b.ones_in_word_below(101), 2);
    }
}
