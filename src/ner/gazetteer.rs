//! Phrase gazetteers: hashed, lower-cased token sequences mapped to a bit mask of categories.

use super::codec::{Reader, Writer};
use crate::error::Error;

/// Number of gazetteer categories (bits of the mask).
pub(crate) const NCAT: usize = 16;

/// Curated full names of persons, organisations, places, other (bits 0–3).
pub(crate) const G_PER: usize = 0;
/// Curated organisation names (`org.txt`).
pub(crate) const G_ORG: usize = G_PER + 1;
/// Curated place names (`loc.txt`).
pub(crate) const G_LOC: usize = G_PER + 2;
/// Names seen as entities in the training data (bits 4–7, same type order).
pub(crate) const G_TRAIN_PER: usize = 4;
/// First names.
pub(crate) const G_FIRST: usize = 8;
/// Titles and functions written before a person's name (`M.`, `président`, `Mr`).
pub(crate) const G_TITLE: usize = 9;
/// Words that make organisation names (`Inc`, `université`, `FC`).
pub(crate) const G_ORGWORD: usize = 10;
/// Nationalities and demonyms.
pub(crate) const G_DEMONYM: usize = 11;
/// Single words seen inside entities of the training data (bits 12–15, same type order).
pub(crate) const G_TRAIN_WORD_PER: usize = 12;

/// A set of phrase keys with their category masks (open addressing).
///
/// Most phrases looked up (every run of up to six tokens) are in no list, so a one-bit-per-key
/// filter small enough for the CPU cache answers them before the table is read.
#[derive(Default, Clone)]
pub(crate) struct Gazetteer {
    keys: Vec<u32>,
    masks: Vec<u16>,
    bits: u32,
    len: usize,
    /// Bit `key % (64 × filter.len())` is set for every key present.
    filter: Vec<u64>,
}

/// Filter size: 2^20 bits (128 KB), a few percent of false positives for the shipped lists.
const FILTER_WORDS: usize = 1 << 14;

#[inline]
fn filter_bit(key: u32) -> (usize, u32) {
    let b = key.wrapping_mul(0x2C1B_3C6D) as usize % (FILTER_WORDS * 64);
    (b / 64, (b % 64) as u32)
}

/// The 32-bit key of a phrase hash (never 0, which marks an empty slot).
pub(crate) fn key_of(h: u64) -> u32 {
    let k = (h >> 32) as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

fn slot(key: u32, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize
}

impl Gazetteer {
    /// Builds from (key, mask) pairs; masks of equal keys are merged.
    pub(crate) fn from_entries(entries: impl IntoIterator<Item = (u32, u16)>) -> Gazetteer {
        let mut list: Vec<(u32, u16)> = entries.into_iter().filter(|e| e.0 != 0 && e.1 != 0).collect();
        crate::sort::sort_by_key(&mut list, |&(key, mask)| u64::from(key) << 16 | u64::from(mask));
        list.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 |= b.1;
                true
            } else {
                false
            }
        });
        let mut bits = 4;
        while (1usize << bits) < list.len() * 2 {
            bits += 1;
        }
        let mut g = Gazetteer {
            keys: vec![0; 1 << bits],
            masks: vec![0; 1 << bits],
            bits,
            len: list.len(),
            filter: vec![0; if list.is_empty() { 0 } else { FILTER_WORDS }],
        };
        let m = (1usize << bits) - 1;
        for (k, mask) in list {
            let (w, b) = filter_bit(k);
            g.filter[w] |= 1 << b;
            let mut s = slot(k, bits);
            while g.keys[s] != 0 {
                s = (s + 1) & m;
            }
            g.keys[s] = k;
            g.masks[s] = mask;
        }
        g
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Category mask of a phrase hash; 0 when absent.
    #[inline]
    pub(crate) fn lookup(&self, h: u64) -> u16 {
        if self.len == 0 {
            return 0;
        }
        let k = key_of(h);
        let (w, b) = filter_bit(k);
        if self.filter.get(w).is_none_or(|word| word >> b & 1 == 0) {
            return 0;
        }
        let m = self.keys.len() - 1;
        let mut s = slot(k, self.bits);
        loop {
            let here = self.keys[s];
            if here == k {
                return self.masks[s];
            }
            if here == 0 {
                return 0;
            }
            s = (s + 1) & m;
        }
    }

    /// Entries sorted by key.
    pub(crate) fn entries(&self) -> Vec<(u32, u16)> {
        let mut v: Vec<(u32, u16)> =
            self.keys.iter().zip(&self.masks).filter(|(k, _)| **k != 0).map(|(k, m)| (*k, *m)).collect();
        crate::sort::sort_by_key(&mut v, |&(key, mask)| u64::from(key) << 16 | u64::from(mask));
        v
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        let e = self.entries();
        w.u32(e.len() as u32);
        let mut prev = 0u32;
        for (k, _) in &e {
            w.varint(k - prev);
            prev = *k;
        }
        for (_, m) in &e {
            w.varint(*m as u32);
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Gazetteer, Error> {
        let n = r.count(2, "gazetteer size")?;
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u32;
        for _ in 0..n {
            let d = r.varint("gazetteer key")?;
            prev = prev.checked_add(d).ok_or_else(|| Error::BadModel("gazetteer key overflow".into()))?;
            keys.push(prev);
        }
        let mut entries = Vec::with_capacity(n);
        for k in keys {
            let m = r.varint("gazetteer mask")?;
            let m = u16::try_from(m).map_err(|_| Error::BadModel("gazetteer mask".into()))?;
            entries.push((k, m));
        }
        Ok(Gazetteer::from_entries(entries))
    }
}
