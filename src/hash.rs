//! One cheap, unkeyed hasher for the crate's internal tables.
//!
//! Keys are short words from our own data files, values that are already hashes (feature keys,
//! a word's 64-bit hash) or small integers (token positions), so the default SipHash's
//! protection against chosen keys buys little here and costs about three times the time.
//!
//! Some tables are keyed by the article's own words (dates, acronym and surname joins,
//! repeated quotes). An article written to collide in FNV could make those lookups slow,
//! never wrong: an accepted risk, since the text is the page the reader chose to open and the
//! input is capped at 32 MB; the fuzz target and the pathological-input tests stay linear.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes; a multiply-and-fold for a single `u64` (a key that is already a hash).
#[derive(Default)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (n >> 29);
    }
}

pub(crate) type FastHashSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;
pub(crate) type FastHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
