//! Hashed features of a token in its sentence and document.
//!
//! Every feature is a 64-bit key: a template id mixed with the hashes of the values it looks at
//! (word, lower-cased word, shapes, affixes, neighbours, document statistics, gazetteer hits,
//! first-pass predictions). Nothing allocates per token: token strings are hashed once into a
//! [`TokInfo`], and the per-document tables are plain vectors.

use std::ops::Range;

use super::gazetteer::{Gazetteer, NCAT};
use super::tags::{self, NT, N_TYPES};
use crate::text::{fold_char, Token, TokenKind};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes.
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
    }
    h
}

#[inline]
fn fnv_char(mut h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return (h ^ c as u64).wrapping_mul(FNV_PRIME);
    }
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
    }
    h
}

/// Mixes two 64-bit values into a well-spread key (splitmix64 finaliser).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let mut x = a.rotate_left(23) ^ b.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn fold32(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// Casing classes of a token.
pub(crate) const C_LOWER: u8 = 0;
pub(crate) const C_TITLE: u8 = 1;
pub(crate) const C_UPPER: u8 = 2;
pub(crate) const C_CAP1: u8 = 3;
pub(crate) const C_MIXED: u8 = 4;
pub(crate) const C_ALNUM: u8 = 5;
pub(crate) const C_NUM: u8 = 6;
pub(crate) const C_PUNCT: u8 = 7;

/// Whether a casing class starts with or contains capitals.
#[inline]
pub(crate) fn is_cap(casing: u8) -> bool {
    matches!(casing, C_TITLE | C_UPPER | C_CAP1 | C_MIXED)
}

/// Hashes of one token's string, computed once.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct TokInfo {
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    pub sshape: u64,
    /// Lower-cased prefixes and suffixes of 1–4 characters (hashes folded to 32 bits).
    pub pre: [u32; 4],
    pub suf: [u32; 4],
    pub nchars: u8,
    pub casing: u8,
    pub kind: u8,
}

fn kind_code(k: TokenKind) -> u8 {
    match k {
        TokenKind::Word => 0,
        TokenKind::Number => 1,
        TokenKind::Elision => 2,
        TokenKind::Url => 3,
        TokenKind::Handle => 4,
        TokenKind::QuoteMark => 5,
        TokenKind::Punct => 6,
    }
}

#[inline]
fn lower_first(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let c = fold_char(c);
    crate::text::latin1_lower(c).unwrap_or_else(|| crate::text::lower_char(c).0)
}

/// Hashes a token string (and its kind) into a [`TokInfo`].
pub(crate) fn token_info(s: &str, kind: TokenKind) -> TokInfo {
    hash_token::<true>(s, kind)
}

/// [`token_info`]'s lower-cased hash alone (what gazetteer keys are made of).
pub(crate) fn lower_hash(s: &str, kind: TokenKind) -> u64 {
    token_casing(s, kind).lower
}

/// [`token_info`]'s lower-cased hash, casing class and length only (the shapes and affixes are
/// left at zero): what the per-document tables need for every token.
fn token_casing(s: &str, kind: TokenKind) -> TokInfo {
    hash_token::<false>(s, kind)
}

/// Both of the above; `FULL` adds the word hash, shapes, prefixes and suffixes.
#[inline(always)]
fn hash_token<const FULL: bool>(s: &str, kind: TokenKind) -> TokInfo {
    let mut info = TokInfo { word: if FULL { fnv(s.as_bytes()) } else { 0 }, kind: kind_code(kind), ..TokInfo::default() };
    let mut lower = FNV_OFFSET;
    let mut shape = FNV_OFFSET;
    let mut sshape = FNV_OFFSET;
    let (mut n_up, mut n_low, mut n_digit, mut n) = (0usize, 0usize, 0usize, 0usize);
    let mut title_like = true; // every capital is first or follows a non-letter
    let mut prev_class = 0u32;
    let mut run = 0usize;
    let mut prev_alpha = false;
    let mut last4 = ['\0'; 4];
    for c in s.chars() {
        let l = lower_first(c);
        lower = fnv_char(lower, l);
        if FULL {
            if n < 4 {
                info.pre[n] = fold32(lower);
            }
            last4 = [last4[1], last4[2], last4[3], l];
        }
        let ascii = c.is_ascii();
        let (upper, alpha) = if ascii {
            (c.is_ascii_uppercase(), c.is_ascii_alphabetic())
        } else {
            match crate::text::latin1_letter(c) {
                Some((letter, upper)) => (upper, letter),
                None => (c.is_uppercase(), c.is_alphabetic()),
            }
        };
        let class: u32 = if upper {
            n_up += 1;
            if prev_alpha {
                title_like = false;
            }
            'X' as u32
        } else if alpha {
            n_low += 1;
            if n == 0 {
                title_like = false;
            }
            'x' as u32
        } else if c.is_ascii_digit() {
            n_digit += 1;
            'd' as u32
        } else if !ascii && c.is_numeric() {
            'd' as u32
        } else {
            fold_char(c) as u32
        };
        prev_alpha = alpha;
        if FULL {
            if class == prev_class {
                run += 1;
            } else {
                run = 1;
                sshape = fnv_char(sshape, char::from_u32(class).unwrap_or('?'));
            }
            if run <= 4 {
                shape = fnv_char(shape, char::from_u32(class).unwrap_or('?'));
            }
            prev_class = class;
        }
        n += 1;
    }
    info.lower = lower;
    info.nchars = n.min(255) as u8;
    if FULL {
        info.shape = shape;
        info.sshape = sshape;
    }
    for k in 0..if FULL { n.min(4) } else { 0 } {
        let mut h = FNV_OFFSET;
        for &c in &last4[4 - (k + 1)..] {
            h = fnv_char(h, c);
        }
        info.suf[k] = fold32(h);
    }
    let n_alpha = n_up + n_low;
    info.casing = if n_alpha == 0 {
        if n_digit > 0 {
            C_NUM
        } else {
            C_PUNCT
        }
    } else if n_digit > 0 {
        C_ALNUM
    } else if n_up == 0 {
        C_LOWER
    } else if n_low == 0 {
        if n_up == 1 {
            C_CAP1
        } else {
            C_UPPER
        }
    } else if title_like {
        C_TITLE
    } else {
        C_MIXED
    };
    info
}

/// A map keyed by values that are already hashes.
pub(crate) type KeyMap<V> = crate::hash::FastHashMap<u64, V>;

/// Sentence-level casing: ordinary, mostly capitals (headlines), or mostly title case.
const S_NORMAL: u8 = 0;
const S_CAPS: u8 = 1;
const S_TITLE: u8 = 2;

/// First-pass results a second pass looks at.
pub(crate) struct FirstPass {
    /// First-pass tag of every token.
    pub tags: Vec<u8>,
    /// Per token: entity types given to *other* occurrences of the same lower-cased word,
    /// as a bit mask of (type, position) pairs (4 × 4 bits), and the most frequent type (0 = O,
    /// 1 + type otherwise, 255 = no other occurrence).
    pub agg_pos: Vec<u16>,
    pub agg_major: Vec<u8>,
    /// Per token and type: position (1 + B/I/L/U) in the longest phrase tagged with that type
    /// elsewhere in the document; 0 when none.
    pub dgaz: Vec<[u8; N_TYPES]>,
    /// Per token in a run of capitalised words: 1 + (context class × 8 + the first-pass type
    /// most often given to other runs of the same class in the document), where the class says
    /// whether a number follows and/or precedes the run (a table column); 0 otherwise.
    pub column: Vec<u8>,
}

/// Everything the features of one document need.
///
/// Per token it keeps only what document-level hints read (the lower-cased word's hash and the
/// casing class); the full [`TokInfo`] (72 bytes a token) is computed for one sentence at a time
/// by [`DocCtx::load_sentence`], so the tagger's memory does not grow with it.
pub(crate) struct DocCtx<'t> {
    text: &'t str,
    tokens: &'t [Token],
    /// Per token: a dense number for its lower-cased hash (0, 1, 2… in order of first
    /// occurrence), so that per-word counts are plain vectors, and the hash is stored once per
    /// distinct word (`lower_of`) rather than per token.
    lower_id: Vec<u32>,
    lower_of: Vec<u64>,
    pub casing: Vec<u8>,
    /// [`TokInfo`] of the tokens `window_start..` of the loaded sentence.
    window: Vec<TokInfo>,
    window_start: usize,
    /// Per token: the number of its string and kind among the document's distinct ones, in
    /// order of first occurrence ([`NO_WORD_ID`] once [`MAX_WORD_IDS`] are numbered), so that
    /// a word is hashed once per document, whatever the number of passes, and a pass may score
    /// the features that depend on it alone once ([`word_features`]).
    word_id: Vec<u32>,
    /// [`TokInfo`] of each numbered word.
    word_infos: Vec<TokInfo>,
    /// Per token: bit 0 sentence-initial; bits 1–2 sentence casing; bits 3–5 document hints.
    pub flags: Vec<u8>,
    /// Per token and gazetteer category: 1 + B/I/L/U of the longest match covering it; 0 none.
    pub gaz: Vec<[u8; NCAT]>,
    pub first: Option<FirstPass>,
    /// Lower-cased hash of the document's first word (its topic in a headline, often).
    pub head: u64,
}

#[derive(Default, Clone, Copy)]
struct WordStats {
    cap_mid: u32,
    low: u32,
    total: u32,
}

fn token_str<'t>(text: &'t str, t: &Token) -> &'t str {
    text.get(t.span()).unwrap_or("")
}

/// Clamps sentence ranges to the tokens; drops empty or reversed ones.
pub(crate) fn valid_sentences<'s>(
    n_tokens: usize,
    sentences: &'s [Range<usize>],
) -> impl Iterator<Item = Range<usize>> + 's {
    sentences.iter().filter_map(move |s| {
        let end = s.end.min(n_tokens);
        (s.start < end).then_some(s.start..end)
    })
}

/// Most distinct words numbered per document (about 7 MB of tables at most): any article has
/// far fewer; beyond, on huge or degenerate inputs, words are hashed at each occurrence.
const MAX_WORD_IDS: usize = 1 << 16;
const NO_WORD_ID: u32 = u32::MAX;

/// Longest phrase length looked up in gazetteers.
pub(crate) const MAX_PHRASE: usize = 6;
// `mark_phrase` keeps a phrase's length in four bits.
const _: () = assert!(MAX_PHRASE < 16);

/// Phrase hash of tokens `range` (lower-cased hashes), as used by gazetteers.
pub(crate) fn phrase_hash(infos: &[TokInfo]) -> u64 {
    phrase_hash_of_lower(infos.iter().map(|i| i.lower))
}

/// [`phrase_hash`] from the lower-cased hashes alone.
pub(crate) fn phrase_hash_of_lower(lower: impl IntoIterator<Item = u64>) -> u64 {
    let mut h = 0x5157_A2E1_u64;
    for l in lower {
        h = mix(h, l);
    }
    h
}

/// Marks tokens `a..=b`, a phrase of category `c`, with 1 + their BILOU position in it, except
/// where a phrase of that category at least as long already covers them. While marking, a
/// byte's high four bits hold that covering length ([`MAX_PHRASE`] fits) and its low four the
/// mark: one table instead of two, 16 bytes a token less at the analysis's peak memory.
/// [`end_marking`] then keeps only the marks.
fn mark_phrase<const N: usize>(out: &mut [[u8; N]], a: usize, b: usize, c: usize) {
    let len = b + 1 - a;
    for k in a..=b {
        if (out[k][c] >> 4) as usize >= len {
            continue;
        }
        let pos = if len == 1 {
            tags::U
        } else if k == a {
            tags::B
        } else if k == b {
            tags::L
        } else {
            tags::I
        };
        out[k][c] = (len as u8) << 4 | (1 + pos as u8);
    }
}

/// Drops the covering lengths [`mark_phrase`] keeps in the high four bits.
fn end_marking<const N: usize>(out: &mut [[u8; N]]) {
    for row in out {
        for v in row {
            *v &= 0x0F;
        }
    }
}

impl<'t> DocCtx<'t> {
    // Never inlined in wasm: scripts/build-wasm.sh compiles it for speed, which its caller
    // (compiled for size) would undo by taking it in.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub(crate) fn new(text: &'t str, tokens: &'t [Token], sentences: &[Range<usize>], gaz: Option<&Gazetteer>) -> DocCtx<'t> {
        let n = tokens.len();
        let (mut lower, mut casing, mut nchars) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        let mut word_id = Vec::with_capacity(n);
        // Sized for a typical article's vocabulary (about 16·√n distinct words in n tokens,
        // capped at a third of them): growing there costs a rehash at each doubling, and a
        // long text's tables outgrow it anyway.
        let vocabulary = (n / 3).min(16 * (n as f64).sqrt() as usize).min(MAX_WORD_IDS);
        let mut word_infos: Vec<TokInfo> = Vec::with_capacity(vocabulary);
        // Keyed by a 64-bit hash of the string and kind: a false match would take a collision.
        let mut ids: KeyMap<u32> = KeyMap::with_capacity_and_hasher(vocabulary, Default::default());
        for t in tokens {
            let word = token_str(text, t);
            let key = mix(fnv(word.as_bytes()), kind_code(t.kind()) as u64);
            let id = match ids.get(&key) {
                Some(&id) => id,
                None if word_infos.len() < MAX_WORD_IDS => {
                    let id = word_infos.len() as u32;
                    word_infos.push(token_info(word, t.kind()));
                    ids.insert(key, id);
                    id
                }
                None => NO_WORD_ID,
            };
            let inf = match word_infos.get(id as usize) {
                Some(info) => (info.lower, info.casing, info.nchars),
                None => {
                    let info = token_casing(word, t.kind());
                    (info.lower, info.casing, info.nchars)
                }
            };
            word_id.push(id);
            lower.push(inf.0);
            casing.push(inf.1);
            nchars.push(inf.2);
        }
        drop(ids);
        let mut flags = vec![0u8; n];
        for s in valid_sentences(n, sentences) {
            let (mut words, mut caps, mut titles) = (0usize, 0usize, 0usize);
            for i in s.clone() {
                if nchars[i] > 1 && matches!(casing[i], C_LOWER | C_TITLE | C_UPPER | C_MIXED) {
                    words += 1;
                    caps += (casing[i] == C_UPPER) as usize;
                    titles += (casing[i] != C_LOWER) as usize;
                }
            }
            let scase = if words >= 2 && caps * 10 >= words * 8 {
                S_CAPS
            } else if words >= 3 && titles * 10 >= words * 8 {
                S_TITLE
            } else {
                S_NORMAL
            };
            let mut initial = true;
            for i in s {
                flags[i] = (initial as u8) | (scase << 1);
                if !matches!(casing[i], C_PUNCT) {
                    initial = false;
                }
            }
        }
        drop(nchars);
        // Lower-cased word ids, numbered in order of first occurrence; found once per word id
        // (a word's lower-cased form is the same at every occurrence), by hash for the rest.
        let mut ids: KeyMap<u32> = KeyMap::with_capacity_and_hasher(vocabulary, Default::default());
        let mut lower_of = Vec::with_capacity(vocabulary);
        let mut intern = |h: u64| {
            *ids.entry(h).or_insert_with(|| {
                lower_of.push(h);
                lower_of.len() as u32 - 1
            })
        };
        let mut lower_of_word = vec![u32::MAX; word_infos.len()];
        let lower_id: Vec<u32> = (0..n)
            .map(|i| match lower_of_word.get_mut(word_id[i] as usize) {
                Some(&mut known) if known != u32::MAX => known,
                Some(slot) => {
                    *slot = intern(lower[i]);
                    *slot
                }
                None => intern(lower[i]),
            })
            .collect();
        drop(lower_of_word);
        drop(ids);
        let n_lower = lower_of.len();
        // Document statistics per lower-cased word.
        let mut stats = vec![WordStats::default(); n_lower];
        for i in 0..n {
            if !matches!(casing[i], C_LOWER | C_TITLE | C_UPPER | C_MIXED | C_CAP1) {
                continue;
            }
            let Some(st) = stats.get_mut(lower_id[i] as usize) else { continue };
            st.total += 1;
            let normal = flags[i] & 0b111 == 0; // not initial, ordinary sentence
            if normal && is_cap(casing[i]) {
                st.cap_mid += 1;
            }
            if flags[i] >> 1 & 0b11 == S_NORMAL && casing[i] == C_LOWER {
                st.low += 1;
            }
        }
        for i in 0..n {
            // A word never counted has all-zero statistics: no flag.
            let Some(st) = stats.get(lower_id[i] as usize) else { continue };
            let normal = flags[i] & 0b111 == 0;
            let own_cap = (normal && is_cap(casing[i])) as u32;
            let own_low = (flags[i] >> 1 & 0b11 == S_NORMAL && casing[i] == C_LOWER) as u32;
            let cap_else = st.cap_mid.saturating_sub(own_cap) > 0;
            let low_else = st.low.saturating_sub(own_low) > 0;
            let seen_else = st.total > 1;
            flags[i] |= ((cap_else as u8) << 3) | ((low_else as u8) << 4) | ((seen_else as u8) << 5);
        }
        let mut g = vec![[0u8; NCAT]; n];
        if let Some(gz) = gaz.filter(|g| !g.is_empty()) {
            for s in valid_sentences(n, sentences) {
                for a in s.clone() {
                    let mut h = 0x5157_A2E1_u64;
                    for b in a..s.end.min(a + MAX_PHRASE) {
                        h = mix(h, lower[b]);
                        let mask = gz.lookup(h);
                        if mask == 0 {
                            continue;
                        }
                        for c in 0..NCAT {
                            if mask >> c & 1 == 0 {
                                continue;
                            }
                            mark_phrase(&mut g, a, b, c);
                        }
                    }
                }
            }
            end_marking(&mut g);
        }
        let head = valid_sentences(n, sentences)
            .next()
            .and_then(|s| s.clone().find(|&i| casing[i] != C_PUNCT && casing[i] != C_NUM).map(|i| lower[i]))
            .unwrap_or(0);
        DocCtx {
            text,
            tokens,
            lower_id,
            lower_of,
            casing,
            window: Vec::new(),
            window_start: 0,
            word_id,
            word_infos,
            flags,
            gaz: g,
            first: None,
            head,
        }
    }

    /// Computes the full [`TokInfo`] of the tokens of sentence `s` (what [`features`] reads).
    pub(crate) fn load_sentence(&mut self, s: &Range<usize>) {
        self.window.clear();
        self.window_start = s.start;
        let tokens = self.tokens.get(s.clone()).unwrap_or_default();
        let ids = self.word_id.get(s.clone()).unwrap_or_default();
        for (t, &id) in tokens.iter().zip(ids) {
            let info = match self.word_infos.get(id as usize) {
                Some(info) => *info,
                None => token_info(token_str(self.text, t), t.kind()),
            };
            self.window.push(info);
        }
    }

    /// The number of token `i`'s string (see `word_id`), if it has one.
    pub(crate) fn word_id(&self, i: usize) -> Option<usize> {
        self.word_id.get(i).filter(|&&id| id != NO_WORD_ID).map(|&id| id as usize)
    }

    /// Token `i`'s [`TokInfo`]; `i` must be in the loaded sentence.
    pub(crate) fn info(&self, i: usize) -> &TokInfo {
        const NONE: TokInfo = TokInfo { word: 0, lower: 0, shape: 0, sshape: 0, pre: [0; 4], suf: [0; 4], nchars: 0, casing: C_PUNCT, kind: 0 };
        self.window.get(i.wrapping_sub(self.window_start)).unwrap_or(&NONE)
    }

    /// Token `i`'s lower-cased hash.
    fn lower(&self, i: usize) -> u64 {
        self.lower_id.get(i).and_then(|&id| self.lower_of.get(id as usize)).copied().unwrap_or(0)
    }

    /// Adds the first-pass tags (for the second pass).
    pub(crate) fn set_first_pass(&mut self, sentences: &[Range<usize>], tags1: Vec<u8>) {
        let n = self.lower_id.len();
        // Per lower-cased word: counts of (type, pos) and of O, over capitalised occurrences.
        let mut counts = vec![[0u16; NT]; self.lower_of.len()];
        for i in 0..n {
            if self.casing[i] == C_PUNCT || self.casing[i] == C_NUM {
                continue;
            }
            let Some(c) = counts.get_mut(self.lower_id[i] as usize) else { continue };
            let t = tags1.get(i).copied().unwrap_or(0) as usize;
            c[t.min(NT - 1)] = c[t.min(NT - 1)].saturating_add(1);
        }
        let mut agg_pos = vec![0u16; n];
        let mut agg_major = vec![255u8; n];
        for i in 0..n {
            let Some(c) = counts.get(self.lower_id[i] as usize) else { continue };
            let own = tags1.get(i).copied().unwrap_or(0) as usize;
            let mut mask = 0u16;
            let mut per_type = [0u32; N_TYPES + 1];
            let mut total = 0;
            for (t, &k) in c.iter().enumerate() {
                let k = (k as u32).saturating_sub((t == own) as u32);
                if k == 0 {
                    continue;
                }
                total += k;
                if t == 0 {
                    per_type[0] += k;
                } else {
                    mask |= 1 << (t - 1);
                    per_type[1 + (t - 1) / 4] += k;
                }
            }
            agg_pos[i] = mask;
            if total > 0 {
                let mut best = 0;
                for t in 1..per_type.len() {
                    if per_type[t] > per_type[best] {
                        best = t;
                    }
                }
                agg_major[i] = best as u8;
            }
        }
        // Document-local gazetteer of first-pass entity strings.
        let mut phrases: KeyMap<[u16; N_TYPES]> = KeyMap::default();
        let mut own_spans: Vec<(usize, usize, usize, u64)> = Vec::new();
        for s in valid_sentences(n, sentences) {
            for (r, ty) in tags::spans(&tags1[s.clone()]) {
                let (a, b) = (s.start + r.start, s.start + r.end);
                if b - a > MAX_PHRASE {
                    continue;
                }
                let h = phrase_hash_of_lower((a..b).map(|k| self.lower(k)));
                let e = phrases.entry(h).or_insert([0; N_TYPES]);
                e[ty] = e[ty].saturating_add(1);
                own_spans.push((a, b, ty, h));
            }
        }
        let mut dgaz = vec![[0u8; N_TYPES]; n];
        if !phrases.is_empty() {
            // A phrase can only start at a word that starts one of them.
            let first_words: crate::hash::FastHashSet<u64> = own_spans.iter().map(|&(a, ..)| self.lower(a)).collect();
            let mut own_iter = 0usize;
            for s in valid_sentences(n, sentences) {
                for a in s.clone() {
                    if !first_words.contains(&self.lower(a)) {
                        continue;
                    }
                    let mut h = 0x5157_A2E1_u64;
                    for b in a..s.end.min(a + MAX_PHRASE) {
                        h = mix(h, self.lower(b));
                        let Some(cnt) = phrases.get(&h) else { continue };
                        // Skip this occurrence's own first-pass span.
                        while own_iter < own_spans.len() && own_spans[own_iter].0 < a {
                            own_iter += 1;
                        }
                        for ty in 0..N_TYPES {
                            let mut k = cnt[ty] as u32;
                            let mut j = own_iter;
                            while j < own_spans.len() && own_spans[j].0 == a {
                                if own_spans[j].1 == b + 1 && own_spans[j].2 == ty {
                                    k = k.saturating_sub(1);
                                }
                                j += 1;
                            }
                            if k == 0 {
                                continue;
                            }
                            mark_phrase(&mut dgaz, a, b, ty);
                        }
                    }
                }
            }
            end_marking(&mut dgaz);
        }
        // Runs of capitalised words by context class (table columns).
        let mut column = vec![0u8; n];
        let mut hist = [[0u32; N_TYPES + 1]; 4];
        let mut runs: Vec<(usize, usize, usize, usize)> = Vec::new();
        for s in valid_sentences(n, sentences) {
            let mut i = s.start;
            while i < s.end {
                if !is_cap(self.casing[i]) {
                    i += 1;
                    continue;
                }
                let a = i;
                while i < s.end && is_cap(self.casing[i]) {
                    i += 1;
                }
                let b = i;
                let num_after = b < s.end && self.casing[b] == C_NUM;
                let num_before = a > s.start && self.casing[a - 1] == C_NUM;
                let class = num_after as usize | (num_before as usize) << 1;
                let ty = tags::type_of(tags1.get(a).copied().unwrap_or(0)).map_or(0, |t| t + 1);
                hist[class][ty] += 1;
                runs.push((a, b, class, ty));
            }
        }
        for &(a, b, class, ty) in &runs {
            let mut h = hist[class];
            h[ty] = h[ty].saturating_sub(1);
            let total: u32 = h.iter().sum();
            if total == 0 {
                continue;
            }
            let mut best = 0;
            for t in 1..h.len() {
                if h[t] > h[best] {
                    best = t;
                }
            }
            let strong = (h[best] * 3 >= total * 2) as usize;
            for c in &mut column[a..b] {
                *c = (1 + class * 16 + strong * 8 + best) as u8;
            }
        }
        self.first = Some(FirstPass { tags: tags1, agg_pos, agg_major, dgaz, column });
    }
}

// Template ids.
const T_BIAS: u64 = 1;
const T_W: u64 = 2;
const T_LW: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SSHAPE: u64 = 5;
const T_PRE: u64 = 6;
const T_SUF: u64 = 7;
const T_CASE: u64 = 8;
const T_LWM1: u64 = 9;
const T_LWP1: u64 = 10;
const T_LWM2: u64 = 11;
const T_LWP2: u64 = 12;
const T_SSM1: u64 = 13;
const T_SSP1: u64 = 14;
const T_CASEM2: u64 = 15;
const T_CASEP2: u64 = 16;
const T_BIM1: u64 = 17;
const T_BIP1: u64 = 18;
const T_SS3: u64 = 19;
const T_CASE3: u64 = 20;
const T_KIND: u64 = 21;
const T_DOC: u64 = 22;
const T_GAZ: u64 = 23;
const T_GAZCAP: u64 = 24;
const T_GAZM1: u64 = 25;
const T_GAZP1: u64 = 26;
const T_POS: u64 = 27;
const T_WM1: u64 = 28;
const T_SUFM1: u64 = 29;
const T_LW_SSP1: u64 = 30;
const T_HEAD: u64 = 31;
const T_COLUMN: u64 = 32;
const T_P1: u64 = 40;
const T_P1BIAS: u64 = 47;
const T_P1M1: u64 = 41;
const T_P1P1: u64 = 42;
const T_AGG: u64 = 43;
const T_AGGMAJ: u64 = 44;
const T_DGAZ: u64 = 45;
const T_DGAZCAP: u64 = 46;

const BOS: u64 = 0xB05_B05;
const EOS: u64 = 0xE05_E05;

/// Spreads a feature template's number over 64 bits.
const TEMPLATE_MUL: u64 = 0xA24B_AED4_963E_E407;

#[inline]
fn f(t: u64, v: u64) -> u64 {
    mix(t.wrapping_mul(TEMPLATE_MUL), v)
}

/// A feature of two values. The template and the first value are only combined (a multiply and
/// a rotation), not mixed: the one [`mix`] with the second value spreads them all. Half the
/// mixing saved about 5% of `context_features`' instructions (under 1% of an analysis).
/// Exact collisions of the combination would need `t·K ⊕ rotl(a)` to repeat, which neither
/// hashed words nor small codes do.
#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    mix(t.wrapping_mul(TEMPLATE_MUL) ^ a.rotate_left(17), b)
}

/// The categories with a gazetteer hit in a token's row, in increasing order (most rows have
/// none or one: a bit mask of them is cheaper to walk than the sixteen bytes).
#[inline]
fn set_categories(row: &[u8; NCAT]) -> impl Iterator<Item = usize> {
    let mut mask = row.iter().enumerate().fold(0u32, |m, (c, &p)| m | ((p != 0) as u32) << c);
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let c = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            c
        })
    })
}

/// Feature set switches stored in the model header.
pub(crate) const FEAT_DOC: u32 = 1;
pub(crate) const FEAT_GAZ: u32 = 2;
pub(crate) const FEAT_FIRST_TAGS: u32 = 4;
pub(crate) const FEAT_FIRST_AGG: u32 = 8;
/// Word, shape, affix, context features (off in a residual second pass).
pub(crate) const FEAT_LOCAL: u32 = 16;
/// The pass adds its scores to the previous pass's emissions.
pub(crate) const FEAT_RESIDUAL: u32 = 32;

/// Appends the feature keys of token `i` of sentence `s` to `out`.
///
/// With [`FEAT_LOCAL`], the sentence `s` must be loaded ([`DocCtx::load_sentence`]).
#[cfg_attr(target_arch = "x86_64", inline(always))]
pub(crate) fn features(ctx: &DocCtx, s: &Range<usize>, i: usize, feats: u32, out: &mut Vec<u64>) {
    if feats & FEAT_LOCAL != 0 {
        word_features(ctx.info(i), out);
    }
    context_features(ctx, s, i, feats, out);
}

/// The [`FEAT_LOCAL`] features that read the token's own string only (word, shapes, affixes,
/// kind), the same at every occurrence of the word.
#[cfg_attr(target_arch = "x86_64", inline(always))]
pub(crate) fn word_features(x: &TokInfo, out: &mut Vec<u64>) {
    out.push(f(T_BIAS, 0));
    if x.casing != C_LOWER && x.casing != C_PUNCT {
        out.push(f(T_W, x.word));
    }
    out.push(f(T_LW, x.lower));
    out.push(f(T_SHAPE, x.shape));
    out.push(f(T_SSHAPE, x.sshape));
    let nch = x.nchars as usize;
    if x.casing != C_PUNCT {
        for k in 0..nch.min(4) {
            if k + 1 < nch {
                out.push(f2(T_PRE, k as u64, x.pre[k] as u64));
                out.push(f2(T_SUF, k as u64, x.suf[k] as u64));
            }
        }
    }
    out.push(f(T_KIND, x.kind as u64));
}

/// The features of token `i` besides [`word_features`]: its neighbours, sentence, document,
/// gazetteer hits and the first pass.
#[cfg_attr(target_arch = "x86_64", inline(always))]
pub(crate) fn context_features(ctx: &DocCtx, s: &Range<usize>, i: usize, feats: u32, out: &mut Vec<u64>) {
    let x = ctx.info(i);
    let flags = ctx.flags[i];
    let initial = (flags & 1) as u64;
    let scase = (flags >> 1 & 0b11) as u64;
    // From the document-level table: a pass without local features needs no loaded sentence.
    let casing = ctx.casing[i] as u64;
    let cap = is_cap(ctx.casing[i]) as u64;
    let get = |j: isize| -> Option<&TokInfo> {
        let j = i as isize + j;
        (j >= s.start as isize && j < s.end as isize).then(|| ctx.info(j as usize))
    };
    let lw = |j: isize| get(j).map_or(if j < 0 { BOS } else { EOS }, |t| t.lower);
    let ss = |j: isize| get(j).map_or(if j < 0 { BOS } else { EOS }, |t| t.sshape);
    let cs = |j: isize| get(j).map_or(if j < 0 { 100 } else { 101 }, |t| t.casing as u64);

    if feats & FEAT_LOCAL != 0 {
        out.push(f(T_CASE, casing | initial << 4 | scase << 5));
        out.push(f(T_LWM1, lw(-1)));
        out.push(f(T_LWP1, lw(1)));
        out.push(f(T_LWM2, lw(-2)));
        out.push(f(T_LWP2, lw(2)));
        out.push(f(T_SSM1, ss(-1)));
        out.push(f(T_SSP1, ss(1)));
        out.push(f(T_CASEM2, cs(-2)));
        out.push(f(T_CASEP2, cs(2)));
        out.push(f2(T_BIM1, lw(-1), x.lower));
        out.push(f2(T_BIP1, x.lower, lw(1)));
        out.push(mix(f2(T_SS3, ss(-1), x.sshape), ss(1)));
        out.push(f(T_CASE3, cs(-1) | casing << 8 | cs(1) << 16 | scase << 24));
        out.push(f2(T_LW_SSP1, x.lower, ss(1)));
        let from_start = (i - s.start).min(3) as u64;
        let len = s.len().min(4) as u64;
        out.push(f(T_POS, from_start | len << 4 | cap << 8));
        if let Some(p) = get(-1) {
            if is_cap(p.casing) {
                out.push(f(T_WM1, p.word));
            }
            if p.nchars > 3 {
                out.push(f(T_SUFM1, p.suf[2] as u64));
            }
        }
        if feats & FEAT_DOC != 0 && cap == 1 {
            let num_next = get(1).is_some_and(|t| t.casing == C_NUM) as u64;
            out.push(f2(T_HEAD, ctx.head, casing | num_next << 4 | scase << 5));
        }
        if feats & FEAT_DOC != 0 && x.casing != C_PUNCT && x.casing != C_NUM {
            out.push(f(T_DOC, (flags as u64 >> 3) | casing << 4 | initial << 8 | scase << 9));
        }
        if feats & FEAT_GAZ != 0 {
            let g = &ctx.gaz[i];
            for c in set_categories(g) {
                let p = g[c] as u64;
                out.push(f2(T_GAZ, c as u64, p));
                out.push(f2(T_GAZCAP, c as u64, p | cap << 4 | initial << 5));
            }
            if i > s.start {
                let g = &ctx.gaz[i - 1];
                for c in set_categories(g) {
                    out.push(f2(T_GAZM1, c as u64, g[c] as u64 | cap << 4));
                }
            }
            if i + 1 < s.end {
                let g = &ctx.gaz[i + 1];
                for c in set_categories(g) {
                    out.push(f2(T_GAZP1, c as u64, g[c] as u64 | cap << 4));
                }
            }
        }
    }
    if let Some(fp) = &ctx.first {
        if feats & FEAT_LOCAL == 0 {
            out.push(f(T_P1BIAS, cap | initial << 1 | scase << 2));
        }
        if feats & FEAT_FIRST_TAGS != 0 {
            let t = |j: isize| -> u64 {
                let j = i as isize + j;
                if j >= s.start as isize && j < s.end as isize {
                    fp.tags.get(j as usize).copied().unwrap_or(0) as u64
                } else {
                    99
                }
            };
            out.push(f(T_P1, t(0)));
            out.push(f2(T_P1M1, t(-1), t(0)));
            out.push(f2(T_P1P1, t(0), t(1)));
        }
        if feats & FEAT_FIRST_AGG != 0 {
            let mask = fp.agg_pos[i];
            for b in 0..16 {
                if mask >> b & 1 != 0 {
                    out.push(f2(T_AGG, b, cap));
                }
            }
            let major = fp.agg_major[i];
            if major != 255 {
                out.push(f2(T_AGGMAJ, major as u64, cap | initial << 1 | scase << 2));
            }
            if fp.column[i] != 0 {
                out.push(f(T_COLUMN, fp.column[i] as u64));
            }
            for (ty, &p) in fp.dgaz[i].iter().enumerate() {
                if p != 0 {
                    out.push(f2(T_DGAZ, ty as u64, p as u64));
                    out.push(f2(T_DGAZCAP, ty as u64, p as u64 | cap << 4 | initial << 5));
                }
            }
        }
    }
}
