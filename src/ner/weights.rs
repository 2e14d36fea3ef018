//! Quantised feature weights (one row of `NT` signed bytes per kept feature bucket), tag
//! transitions, and Viterbi decoding under the BILOU constraints.

use super::codec::{Reader, Writer};
use super::tags::{self, NT, N_TYPES};
use crate::error::Error;

/// Score of a forbidden transition.
pub(crate) const NEG: i32 = -(1 << 28);

/// Transition scores in the same units as emissions; forbidden moves already at [`NEG`].
#[derive(Clone)]
pub(crate) struct Transitions {
    pub start: [i32; NT],
    pub trans: [[i32; NT]; NT],
    pub end: [i32; NT],
    /// `trans[CLOSERS[j]][OPENERS[k]]` at `[j][k]`: the moves out of each closer into every
    /// opener, side by side, so that the forward pass updates all openers at once.
    closer_to_openers: [[i32; N_EDGE]; N_EDGE],
}

impl Transitions {
    /// Applies the BILOU constraints to raw scores.
    pub(crate) fn constrained(start: [i32; NT], trans: [[i32; NT]; NT], end: [i32; NT]) -> Transitions {
        let mut t = Transitions { start, trans, end, closer_to_openers: [[0; N_EDGE]; N_EDGE] };
        for a in 0..NT {
            if !tags::allowed_start(a as u8) {
                t.start[a] = NEG;
            }
            if !tags::allowed_end(a as u8) {
                t.end[a] = NEG;
            }
            for b in 0..NT {
                if !tags::allowed(a as u8, b as u8) {
                    t.trans[a][b] = NEG;
                }
            }
        }
        for (k, &o) in OPENERS.iter().enumerate() {
            for (j, &c) in CLOSERS.iter().enumerate() {
                t.closer_to_openers[j][k] = t.trans[c][o];
            }
        }
        t
    }
}

/// Tags that may start an entity or stand outside one (`O`, `B-*`, `U-*`): the only tags allowed
/// first in a sentence or after an entity has ended.
const OPENERS: [usize; N_EDGE] = [0, 1, 4, 5, 8, 9, 12, 13, 16];
/// Tags after which an entity is closed (`O`, `L-*`, `U-*`): the only tags allowed last in a
/// sentence or before an opener.
const CLOSERS: [usize; N_EDGE] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// Bit `t` set when tag `t` is one of [`OPENERS`] (a test without a search).
const OPENER_BITS: u32 = {
    let (mut bits, mut k) = (0u32, 0);
    while k < N_EDGE {
        bits |= 1 << OPENERS[k];
        k += 1;
    }
    bits
};
/// How many openers (and closers) there are.
const N_EDGE: usize = 1 + 2 * N_TYPES;

/// Best tag sequence for emissions `em` (one row of `NT` scores per token) into `out`, under the
/// BILOU constraints (an opener follows a closer; `I-x`/`L-x` follow `B-x`/`I-x`). `scores` is
/// scratch space.
///
/// Scores add up in 32 bits: after each step the best score is subtracted from all of them,
/// which changes no comparison, and every tag reachable at a step is then within a few steps'
/// emissions of zero, far from overflow (emissions are clamped to ±[`MAX_EMISSION`]). Forbidden
/// moves ([`NEG`]) and unreachable tags ([`LOW`]) stay far below, and are held at [`LOW`].
/// (32-bit lanes are twice as many per vector as 64-bit ones, and compare natively.)
///
/// The forward pass keeps only each step's best scores; the best predecessor is found again
/// during the backtrace for the one tag chosen at each step (9 comparisons instead of the
/// 97 a stored back-pointer table needs at every step).
#[cfg_attr(target_arch = "x86_64", inline(always))]
pub(crate) fn viterbi(em: &[[i32; NT]], tr: &Transitions, scores: &mut Vec<[i32; NT]>, out: &mut Vec<u8>) {
    out.clear();
    let n = em.len();
    if n == 0 {
        return;
    }
    scores.clear();
    scores.reserve(n);
    let trans = &tr.trans;
    let emission = |e: &[i32; NT], t: usize| e[t].clamp(-MAX_EMISSION, MAX_EMISSION);
    let mut score = [LOW; NT];
    for &t in &OPENERS {
        score[t] = tr.start[t] + emission(&em[0], t);
    }
    normalise(&mut score);
    scores.push(score);
    for e in &em[1..] {
        let mut next = [LOW; NT];
        // Best way into each opener: the maximum over closers, one closer at a time for all
        // openers together (in this order, the loop vectorises).
        let mut open = [LOW; N_EDGE];
        for (j, &p) in CLOSERS.iter().enumerate() {
            let from = score[p];
            let moves = &tr.closer_to_openers[j];
            for k in 0..N_EDGE {
                open[k] = open[k].max(from + moves[k]);
            }
        }
        for (k, &t) in OPENERS.iter().enumerate() {
            next[t] = open[k] + emission(e, t);
        }
        for k in 0..N_TYPES {
            let (b, inside) = (1 + 4 * k, 2 + 4 * k);
            for t in [inside, 3 + 4 * k] {
                let best = (score[b] + trans[b][t]).max(score[inside] + trans[inside][t]);
                next[t] = best + emission(e, t);
            }
        }
        normalise(&mut next);
        scores.push(next);
        score = next;
    }
    let mut best = i32::MIN;
    let mut arg = 0usize;
    for &t in &CLOSERS {
        let s = score[t] + tr.end[t];
        if s > best {
            best = s;
            arg = t;
        }
    }
    out.resize(n, 0);
    out[n - 1] = arg as u8;
    for i in (1..n).rev() {
        arg = best_predecessor(&scores[i - 1], trans, arg);
        out[i - 1] = arg as u8;
    }
}

/// Scores below this are unreachable (forbidden moves are [`NEG`], far above it; `LOW` plus a
/// forbidden move, a transition and an emission still fits in 32 bits).
const LOW: i32 = -(1 << 30);

/// Largest |emission| [`viterbi`] adds (a sum of a few dozen weights of at most ±32,767 stays
/// far below it).
const MAX_EMISSION: i32 = 1 << 25;

/// Subtracts the best score from every score of a step, holding unreachable ones at [`LOW`].
#[inline]
fn normalise(step: &mut [i32; NT]) {
    let best = step.iter().copied().fold(LOW, i32::max);
    for v in step.iter_mut() {
        *v = (*v - best).max(LOW);
    }
}

/// The predecessor the forward pass of [`viterbi`] took for tag `t`: among the allowed ones, the
/// first with the highest score (inside tags prefer `B` on a tie); `O` when none is reachable.
fn best_predecessor(prev: &[i32; NT], trans: &[[i32; NT]; NT], t: usize) -> usize {
    if OPENER_BITS >> t & 1 != 0 {
        let (mut best, mut arg) = (LOW, 0);
        for &p in &CLOSERS {
            let s = prev[p] + trans[p][t];
            if s > best {
                best = s;
                arg = p;
            }
        }
        arg
    } else {
        let k = (t - 1) / 4;
        let (b, inside) = (1 + 4 * k, 2 + 4 * k);
        let from_b = prev[b] + trans[b][t];
        let from_i = prev[inside] + trans[inside][t];
        if from_b >= from_i {
            b
        } else {
            inside
        }
    }
}

/// A quantised table ready to be written: rows of 8-bit codes by bucket, the value of each
/// code, transitions (all in the same integer units).
pub(crate) struct QuantStage {
    /// Weight units per integer unit (training only; not stored).
    pub scale: f64,
    /// Value of each code, indexed by the code's byte (`code as u8`); `lut[0]` is 0.
    pub lut: [i32; 256],
    pub rows: Vec<(u32, [i8; NT])>,
    pub start: [i32; NT],
    pub trans: [[i32; NT]; NT],
    pub end: [i32; NT],
}

/// A decoded row as the tagger keeps it: 17 plain 16-bit weights natively and in the wasm SIMD
/// build, where the compiler adds them up with vector instructions; a [`Row`] in the baseline
/// wasm build, which has none.
#[cfg(any(not(target_arch = "wasm32"), target_feature = "simd128"))]
pub(crate) type StoredRow = [i16; NT];
#[cfg(all(target_arch = "wasm32", not(target_feature = "simd128")))]
pub(crate) type StoredRow = Row;

#[cfg(any(not(target_arch = "wasm32"), target_feature = "simd128"))]
fn stored(values: [i16; NT]) -> StoredRow {
    values
}
#[cfg(any(not(target_arch = "wasm32"), target_feature = "simd128"))]
fn stored_values(row: &StoredRow) -> [i16; NT] {
    *row
}
/// Adds rows `found` into `scores`.
#[cfg(any(not(target_arch = "wasm32"), target_feature = "simd128"))]
#[inline(always)]
fn add_rows(rows: &[StoredRow], found: &[u32], scores: &mut [i32; NT]) {
    // Summed in a local copy: otherwise the wasm code stores every lane back after each row.
    let mut sum = *scores;
    for &r in found {
        if let Some(row) = rows.get(r as usize) {
            for t in 0..NT {
                sum[t] += row[t] as i32;
            }
        }
    }
    *scores = sum;
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "simd128")))]
fn stored(values: [i16; NT]) -> StoredRow {
    Row::new(values)
}
#[cfg(all(target_arch = "wasm32", not(target_feature = "simd128")))]
fn stored_values(row: &StoredRow) -> [i16; NT] {
    row.values()
}
#[cfg(all(target_arch = "wasm32", not(target_feature = "simd128")))]
#[inline(always)]
fn add_rows(rows: &[StoredRow], found: &[u32], scores: &mut [i32; NT]) {
    add_packed_rows(rows, found, scores);
}

/// One decoded row: the `O` weight, then the sixteen entity-tag weights four to a 64-bit word
/// (one word per entity type: `B`, `I`, `L`, `U` in 16-bit lanes), each stored offset by
/// [`BIAS`] so that it is a non-negative 16-bit number.
///
/// Adding rows then takes a few 64-bit operations a word instead of sixteen 16-bit additions:
/// the even and odd lanes of a word are masked into two words of 32-bit lanes, which sum up to
/// 65,536 rows without carrying into each other ([`add_packed_rows`]): about 7% less time per
/// analysis in WebAssembly, whose baseline has no vector instructions. (Natively and with wasm
/// SIMD it is slower than the compiler's vectorised 16-bit additions, so those builds keep
/// plain rows; the tests check both ways add up the same.)
#[derive(Clone, Copy)]
#[cfg_attr(any(not(target_arch = "wasm32"), target_feature = "simd128"), allow(dead_code))]
pub(crate) struct Row {
    entity: [u64; N_TYPES],
    outside: i16,
}

/// The offset that makes every stored 16-bit lane non-negative.
const BIAS: i32 = 0x8000;
/// The low 16 bits of each 32-bit half of a word.
const LANES: u64 = 0x0000_FFFF_0000_FFFF;

#[cfg_attr(any(not(target_arch = "wasm32"), target_feature = "simd128"), allow(dead_code))]
impl Row {
    /// A row of zeros (every lane at the offset).
    const ZERO: Row = Row { entity: [0x8000_8000_8000_8000; N_TYPES], outside: 0 };

    fn new(values: [i16; NT]) -> Row {
        let mut entity = [0u64; N_TYPES];
        for (k, word) in entity.iter_mut().enumerate() {
            for lane in 0..4 {
                let biased = (values[1 + 4 * k + lane] as i32 + BIAS) as u64;
                *word |= biased << (16 * lane);
            }
        }
        Row { entity, outside: values[0] }
    }

    /// The row's weights, by tag.
    fn values(&self) -> [i16; NT] {
        let mut v = [0i16; NT];
        v[0] = self.outside;
        for (k, &word) in self.entity.iter().enumerate() {
            for lane in 0..4 {
                v[1 + 4 * k + lane] = ((word >> (16 * lane) & 0xFFFF) as i32 - BIAS) as i16;
            }
        }
        v
    }
}

/// Adds [`Row`]s `found` (at most 65,536) into `scores`: per entity type, lanes 0 and 2 (`B`,
/// `L`) sum in the two 32-bit halves of `even`, lanes 1 and 3 (`I`, `U`) in those of `odd` (a
/// lane adds at most 0xFFFF a row), then the offsets come off.
#[cfg_attr(any(not(target_arch = "wasm32"), target_feature = "simd128"), allow(dead_code))]
#[inline(always)]
fn add_packed_rows(rows: &[Row], found: &[u32], scores: &mut [i32; NT]) {
    let (mut even, mut odd, mut outside) = ([0u64; N_TYPES], [0u64; N_TYPES], 0i32);
    for &r in found {
        let row = rows.get(r as usize).unwrap_or(&Row::ZERO);
        for k in 0..N_TYPES {
            even[k] += row.entity[k] & LANES;
            odd[k] += row.entity[k] >> 16 & LANES;
        }
        outside += row.outside as i32;
    }
    let offset = found.len() as i32 * BIAS;
    scores[0] += outside;
    for k in 0..N_TYPES {
        let (e, o) = (even[k], odd[k]);
        scores[1 + 4 * k] += e as u32 as i32 - offset;
        scores[2 + 4 * k] += o as u32 as i32 - offset;
        scores[3 + 4 * k] += (e >> 32) as u32 as i32 - offset;
        scores[4 + 4 * k] += (o >> 32) as u32 as i32 - offset;
    }
}

/// Weights of one tagging pass, as loaded for decoding.
///
/// Rows are found by rank in a bitmap over every bucket: bit `b` says whether bucket `b` has a
/// row, and the row's index is the number of set bits before it. At 21 hash bits the bitmap and
/// its per-word ranks take 384 KB, small enough to stay in the CPU's L2 cache, so a feature
/// with no row (most rare words) costs no memory miss at all, and one with a row costs one,
/// where an open-addressing table costs one miss for the probe and another for the row.
/// Each bitmap word is stored beside its rank (12 bytes), so that finding a row almost always
/// reads one cache line, not two.
pub(crate) struct Table {
    hash_bits: u32,
    /// Per 64 buckets: the bitmap word's low and high halves (bit `b`: bucket `b` has a row),
    /// then the number of rows in all the buckets before them.
    index: Vec<[u32; 3]>,
    /// Codes of each row, in bucket order, for writing the model back: kept only when they
    /// cannot be told again from the decoded rows (two codes in use with one value); otherwise
    /// [`Table::to_quant`] maps each value back to its code, and the tagger's memory holds
    /// 17 bytes a row less.
    codes: Option<Vec<[u8; NT]>>,
    /// Which codes the rows use (code 0 always).
    used_codes: [bool; 256],
    /// The same rows decoded, for adding up (values beyond ±32767 are clamped): a [`StoredRow`]
    /// each.
    rows: Vec<StoredRow>,
    lut: [i32; 256],
    raw_start: [i32; NT],
    raw_trans: [[i32; NT]; NT],
    raw_end: [i32; NT],
    pub tr: Transitions,
}

#[inline]
pub(crate) fn bucket(key: u64, hash_bits: u32) -> u32 {
    (key >> (64 - hash_bits)) as u32
}

/// Largest |value| of a code or transition, so that sums over a few hundred features stay far
/// from overflow.
const MAX_VALUE: i32 = 1 << 20;

impl Table {
    pub(crate) fn from_quant(q: &QuantStage, hash_bits: u32) -> Table {
        let mut sorted: Vec<&(u32, [i8; NT])> = q.rows.iter().filter(|r| (r.0 as u64) < 1u64 << hash_bits).collect();
        // Rows read from a model file come in bucket order already (checked in one pass). The
        // check sits here rather than in `crate::sort::sort_by_key`, which is generic: there it
        // would be compiled into each of its callers (0.3 KB more in the wasm module).
        if !sorted.is_sorted_by_key(|r| r.0) {
            crate::sort::sort_by_key(&mut sorted, |r| u64::from(r.0));
        }
        sorted.dedup_by_key(|r| r.0);
        let n_words = (1usize << hash_bits).div_ceil(64);
        let mut present = vec![0u64; n_words];
        let mut rows = Vec::with_capacity(sorted.len());
        for (b, vals) in &sorted {
            present[*b as usize / 64] |= 1 << (b % 64);
            rows.push(vals.map(|v| v as u8));
        }
        let mut index = Vec::with_capacity(n_words);
        let mut before = 0u32;
        for &w in &present {
            index.push([w as u32, (w >> 32) as u32, before]);
            before += w.count_ones();
        }
        let clampv = |v: i32| v.clamp(-MAX_VALUE, MAX_VALUE);
        let mut lut = q.lut.map(clampv);
        lut[0] = 0;
        let value_of = |c: u8| lut[c as usize].clamp(-32767, 32767) as i16;
        let decoded = rows.iter().map(|r| stored(r.map(value_of))).collect();
        // The codes in use; kept if two of them share a value.
        let mut used = [false; 256];
        rows.iter().flatten().for_each(|&c| used[c as usize] = true);
        used[0] = true;
        // (Pairwise: at most 256 codes, and no sort to compile into the wasm module.)
        let used_values: Vec<i16> = (0..=255u8).filter(|&c| used[c as usize]).map(value_of).collect();
        let shared = used_values.iter().enumerate().any(|(k, v)| used_values[..k].contains(v));
        let codes = shared.then_some(rows);
        let start = q.start.map(clampv);
        let end = q.end.map(clampv);
        let trans = q.trans.map(|r| r.map(clampv));
        Table {
            hash_bits,
            index,
            codes,
            used_codes: used,
            rows: decoded,
            lut,
            raw_start: start,
            raw_trans: trans,
            raw_end: end,
            tr: Transitions::constrained(start, trans, end),
        }
    }

    pub(crate) fn n_rows(&self) -> usize {
        self.rows.len()
    }

    /// Whether bucket `b` has a row, and the index its row has (or would have).
    #[inline]
    fn row_slot(&self, b: u32) -> (bool, usize) {
        let (w, bit) = (b as usize / 64, b % 64);
        let Some(&[low, high, before]) = self.index.get(w) else { return (false, 0) };
        let word = low as u64 | (high as u64) << 32;
        let below = (word & ((1u64 << bit) - 1)).count_ones();
        (word >> bit & 1 != 0, before as usize + below as usize)
    }

    /// Adds the rows of `feats` into `scores`. (Not inlined in wasm: its callers would
    /// otherwise get copies the compiler vectorises less well. On x86-64 it is inlined into
    /// the pass's two copies, so that the AVX2 one adds rows with AVX2; see `ner::run_pass`.)
    #[cfg_attr(not(target_arch = "x86_64"), inline(never))]
    #[cfg_attr(target_arch = "x86_64", inline(always))]
    pub(crate) fn emit(&self, feats: &[u64], scores: &mut [i32; NT]) {
        // In chunks: first every row index (bitmap reads that hit the cache), then the rows
        // (independent loads the CPU can overlap).
        const CHUNK: usize = 32;
        let mut found = [0u32; CHUNK];
        for chunk in feats.chunks(CHUNK) {
            let mut n_found = 0;
            for &k in chunk {
                // Without a branch on whether the bucket has a row (about as often as not):
                // its index is always written, and kept by counting it only when present.
                // (`n_found` is below CHUNK at every write, so the mask never wraps.)
                let (present, r) = self.row_slot(bucket(k, self.hash_bits));
                found[n_found % CHUNK] = r as u32;
                n_found += present as usize;
            }
            add_rows(&self.rows, &found[..n_found], scores);
        }
    }

    /// All rows sorted by bucket (for writing).
    pub(crate) fn to_quant(&self) -> QuantStage {
        let mut rows: Vec<(u32, [i8; NT])> = Vec::with_capacity(self.n_rows());
        // Value → code over the codes in use, one per value (else `codes` was kept).
        let code_of: Vec<(i16, u8)> =
            (0..=255u8).filter(|&c| self.used_codes[c as usize]).map(|c| (self.lut[c as usize].clamp(-32767, 32767) as i16, c)).collect();
        let code = |v: i16| code_of.iter().find(|&&(x, _)| x == v).map_or(0, |&(_, c)| c);
        let mut k = 0;
        for (w, &[low, high, _]) in self.index.iter().enumerate() {
            let mut bits = low as u64 | (high as u64) << 32;
            while bits != 0 {
                let b = (w * 64) as u32 + bits.trailing_zeros();
                bits &= bits - 1;
                let v = match &self.codes {
                    Some(codes) => codes.get(k).copied().unwrap_or([0; NT]),
                    None => self.rows.get(k).map_or([0; NT], |r| stored_values(r).map(code)),
                };
                rows.push((b, v.map(|x| x as i8)));
                k += 1;
            }
        }
        QuantStage { scale: 1.0, lut: self.lut, rows, start: self.raw_start, trans: self.raw_trans, end: self.raw_end }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        write_stage(&self.to_quant(), w);
    }

    pub(crate) fn read(r: &mut Reader, hash_bits: u32) -> Result<Table, Error> {
        let mut lut = [0i32; 256];
        for v in lut.iter_mut() {
            *v = r.u32("code values")? as i32;
        }
        let mut start = [0i32; NT];
        let mut trans = [[0i32; NT]; NT];
        let mut end = [0i32; NT];
        for v in start.iter_mut() {
            *v = r.u32("transitions")? as i32;
        }
        for row in trans.iter_mut() {
            for v in row.iter_mut() {
                *v = r.u32("transitions")? as i32;
            }
        }
        for v in end.iter_mut() {
            *v = r.u32("transitions")? as i32;
        }
        let n = r.count(3, "row count")?;
        let mut buckets = Vec::with_capacity(n);
        let mut prev: u64 = 0;
        let limit = 1u64 << hash_bits;
        for k in 0..n {
            let d = r.varint("row bucket")? as u64;
            if k > 0 && d == 0 {
                return Err(Error::BadModel("duplicate row bucket".into()));
            }
            prev += d;
            if prev >= limit {
                return Err(Error::BadModel("row bucket out of range".into()));
            }
            buckets.push(prev as u32);
        }
        let mut masks = Vec::with_capacity(n);
        for _ in 0..n {
            let m = r.varint("row mask")?;
            if m >> NT != 0 {
                return Err(Error::BadModel("row mask out of range".into()));
            }
            masks.push(m);
        }
        // The codes of all rows at once (one per set mask bit), rather than byte by byte.
        let n_codes = masks.iter().map(|m| m.count_ones() as usize).sum();
        let mut codes = r.take(n_codes, "row values")?.iter();
        let mut rows = Vec::with_capacity(n);
        for (b, m) in buckets.into_iter().zip(masks) {
            let mut v = [0i8; NT];
            for (t, slot) in v.iter_mut().enumerate() {
                if m >> t & 1 != 0 {
                    *slot = codes.next().copied().unwrap_or(0) as i8;
                }
            }
            rows.push((b, v));
        }
        Ok(Table::from_quant(&QuantStage { scale: 1.0, lut, rows, start, trans, end }, hash_bits))
    }
}

/// Writes a table: code values, transitions, then rows as bucket deltas, masks, codes.
pub(crate) fn write_stage(q: &QuantStage, w: &mut Writer) {
    for &v in &q.lut {
        w.u32(v as u32);
    }
    for v in q.start {
        w.u32(v as u32);
    }
    for row in &q.trans {
        for &v in row {
            w.u32(v as u32);
        }
    }
    for v in q.end {
        w.u32(v as u32);
    }
    let rows: Vec<&(u32, [i8; NT])> = q.rows.iter().filter(|r| r.1.iter().any(|&v| v != 0)).collect();
    w.u32(rows.len() as u32);
    let mut prev = 0u32;
    for (b, _) in &rows {
        w.varint(b - prev);
        prev = *b;
    }
    for (_, v) in &rows {
        let mut m = 0u32;
        for (t, &x) in v.iter().enumerate() {
            if x != 0 {
                m |= 1 << t;
            }
        }
        w.varint(m);
    }
    for (_, v) in &rows {
        for &x in v.iter() {
            if x != 0 {
                w.u8(x as u8);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed rows WebAssembly adds up give the plain sums, including at the extremes.
    #[test]
    fn packed_rows_add_up_like_plain_ones() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut rows = vec![[i16::MAX; NT], [-i16::MAX; NT], [0; NT]];
        for _ in 0..200 {
            rows.push(std::array::from_fn(|_| match next() % 4 {
                0 => 0,
                1 => (next() % 65535) as i32 as i16 - i16::MAX,
                _ => (next() % 4001) as i16 - 2000,
            }));
        }
        let packed: Vec<Row> = rows.iter().map(|&r| Row::new(r)).collect();
        for (r, p) in rows.iter().zip(&packed) {
            assert_eq!(&p.values(), r);
        }
        for n in [0usize, 1, 3, 32, 203] {
            let found: Vec<u32> = (0..n).map(|_| (next() % rows.len() as u64) as u32).collect();
            let (mut plain, mut sum) = ([7i32; NT], [7i32; NT]);
            for &r in &found {
                for t in 0..NT {
                    plain[t] += rows[r as usize][t] as i32;
                }
            }
            add_packed_rows(&packed, &found, &mut sum);
            assert_eq!(sum, plain, "{n} rows");
        }
    }

    #[test]
    fn openers_and_closers_follow_the_tag_set() {
        for t in 0..NT {
            assert_eq!(OPENERS.contains(&t), tags::allowed_start(t as u8), "{t}");
            assert_eq!(CLOSERS.contains(&t), tags::allowed_end(t as u8), "{t}");
        }
    }

    /// Exhaustive search over allowed sequences agrees with Viterbi.
    #[test]
    fn viterbi_finds_the_best_allowed_sequence() {
        let mut seed = 0x9E37_79B9_u64;
        let mut rnd = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 2001) as i32 - 1000
        };
        for n in 1..=3 {
            for _ in 0..20 {
                let em: Vec<[i32; NT]> = (0..n).map(|_| std::array::from_fn(|_| rnd())).collect();
                let tr = Transitions::constrained(
                    std::array::from_fn(|_| rnd()),
                    std::array::from_fn(|_| std::array::from_fn(|_| rnd())),
                    std::array::from_fn(|_| rnd()),
                );
                let (mut scores, mut out) = (Vec::new(), Vec::new());
                viterbi(&em, &tr, &mut scores, &mut out);
                let score = |seq: &[u8]| -> i64 {
                    let mut s = tr.start[seq[0] as usize] as i64 + tr.end[seq[n - 1] as usize] as i64;
                    for i in 0..n {
                        s += em[i][seq[i] as usize] as i64;
                        if i > 0 {
                            s += tr.trans[seq[i - 1] as usize][seq[i] as usize] as i64;
                        }
                    }
                    s
                };
                let valid = |seq: &[u8]| {
                    tags::allowed_start(seq[0])
                        && tags::allowed_end(seq[n - 1])
                        && seq.windows(2).all(|w| tags::allowed(w[0], w[1]))
                };
                let mut best = i64::MIN;
                let total = NT.pow(n as u32);
                for code in 0..total {
                    let seq: Vec<u8> = (0..n).map(|i| (code / NT.pow(i as u32) % NT) as u8).collect();
                    if valid(&seq) {
                        best = best.max(score(&seq));
                    }
                }
                assert!(valid(&out));
                assert_eq!(score(&out), best);
            }
        }
    }
}
