//! Statistical named-entity tagger: a structured averaged perceptron over hashed features,
//! decoded with Viterbi under BILOU constraints, in two passes. The second pass adds, to the
//! first pass's scores, features of what the first pass tagged elsewhere in the document (the
//! same word, the same phrase, the same table column), then decodes again; both passes read the
//! same weight table. Features are in [`features`], the training in `tools` (native only).
//!
//! Model files (`models/ner-*.bin`) come from the `train-ner` command; see `models/MODEL_CARD.md`.
//!
//! File format (little-endian), version 1:
//! - `ALNR`, u16 version, u8 language (1 fr, 2 en), u8 tag count (17), u8 hash bits,
//!   u8 weight tables, u8 passes;
//! - gazetteer: u32 count, varint key deltas, varint category masks;
//! - per table: i32 value of each of the 256 weight codes, i32 start/transition/end scores,
//!   u32 row count, varint bucket deltas, varint tag masks (one bit per non-zero weight), the
//!   8-bit weight codes;
//! - per pass: u32 feature switches, u8 table index;
//! - u32 FNV-1a checksum of everything before it.

// Writing models and training helpers are used by the native `tools` only.
#![cfg_attr(target_arch = "wasm32", allow(dead_code))]
// Loops over the fixed tag set read more clearly with indices.
#![allow(clippy::needless_range_loop)]

use std::ops::Range;

use crate::analysis::EntityType;
use crate::error::Error;
use crate::lang::Language;
use crate::text::Token;

mod codec;
pub(crate) mod features;
mod gazetteer;
pub(crate) mod tags;
mod weights;

#[cfg(not(target_arch = "wasm32"))]
pub mod tools;

use codec::{Reader, Writer};
use features::DocCtx;
use gazetteer::Gazetteer;
use tags::NT;
use weights::Table;

/// Models compiled into native builds.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const BUILTIN_MODELS: &[&[u8]] =
    &[include_bytes!("../../models/ner-fr.bin"), include_bytes!("../../models/ner-en.bin")];

const MAGIC: &[u8; 4] = b"ALNR";
const VERSION: u16 = 1;
const MIN_HASH_BITS: u32 = 12;
const MAX_HASH_BITS: u32 = 30;

/// A trained tagger for one language.
pub(crate) struct Model {
    language: Language,
    hash_bits: u32,
    gaz: Gazetteer,
    tables: Vec<Table>,
    passes: Vec<Pass>,
}

/// One tagging pass: which features it computes and which weight table scores them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pass {
    pub feats: u32,
    pub table: usize,
}

/// One tagged entity: a token range (indices into the tokens given to [`Model::tag`]) and its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NerSpan {
    pub tokens: Range<usize>,
    pub label: EntityType,
}

fn bad(why: &str) -> Error {
    Error::BadModel(why.to_string())
}

/// Reusable buffers for one tagging run.
#[derive(Default)]
struct Scratch {
    feats: Vec<u64>,
    /// Per word id ([`DocCtx::word_id`]): the scores of its [`features::word_features`] in the
    /// current pass, once computed.
    word_scores: Vec<Option<[i32; NT]>>,
    em: Vec<[i32; NT]>,
    scores: Vec<[i32; NT]>,
    out: Vec<u8>,
}

impl Model {
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        if bytes.len() < 4 || &bytes[..4] != MAGIC {
            return Err(bad("not an article-lens NER model (bad magic)"));
        }
        if bytes.len() < 14 {
            return Err(bad("truncated model (header)"));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 4);
        let mut r = Reader::new(body);
        r.take(4, "magic")?;
        let version = r.u16("version")?;
        if version != VERSION {
            return Err(Error::BadModel(format!("unsupported model version {version} (expected {VERSION})")));
        }
        if codec::checksum(body) != u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]) {
            return Err(bad("checksum mismatch (truncated or corrupted model)"));
        }
        let language = match r.u8("language")? {
            1 => Language::French,
            2 => Language::English,
            other => return Err(Error::BadModel(format!("unknown language code {other}"))),
        };
        if r.u8("tag count")? as usize != NT {
            return Err(bad("tag count mismatch"));
        }
        let hash_bits = r.u8("hash bits")? as u32;
        if !(MIN_HASH_BITS..=MAX_HASH_BITS).contains(&hash_bits) {
            return Err(Error::BadModel(format!("hash bits {hash_bits} out of range")));
        }
        let n_tables = r.u8("tables")? as usize;
        let n_passes = r.u8("passes")? as usize;
        if !(1..=2).contains(&n_tables) || !(1..=2).contains(&n_passes) {
            return Err(Error::BadModel(format!("{n_tables} tables, {n_passes} passes")));
        }
        let gaz = Gazetteer::read(&mut r)?;
        let mut tables = Vec::with_capacity(n_tables);
        for _ in 0..n_tables {
            tables.push(Table::read(&mut r, hash_bits)?);
        }
        let mut passes = Vec::with_capacity(n_passes);
        for k in 0..n_passes {
            let feats = r.u32("pass features")?;
            let table = r.u8("pass table")? as usize;
            if table >= n_tables {
                return Err(bad("pass refers to a missing table"));
            }
            if k == 0 && feats & features::FEAT_RESIDUAL != 0 {
                return Err(bad("first pass cannot be residual"));
            }
            passes.push(Pass { feats, table });
        }
        if r.remaining() != 0 {
            return Err(bad("trailing bytes after the passes"));
        }
        Ok(Model { language, hash_bits, gaz, tables, passes })
    }

    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes.extend_from_slice(MAGIC);
        w.u16(VERSION);
        w.u8(match self.language {
            Language::French => 1,
            _ => 2,
        });
        w.u8(NT as u8);
        w.u8(self.hash_bits as u8);
        w.u8(self.tables.len() as u8);
        w.u8(self.passes.len() as u8);
        self.gaz.write(&mut w);
        for t in &self.tables {
            t.write(&mut w);
        }
        for p in &self.passes {
            w.u32(p.feats);
            w.u8(p.table as u8);
        }
        let sum = codec::checksum(&w.bytes);
        w.u32(sum);
        w.bytes
    }

    /// A model from its parts (training).
    pub(crate) fn new(
        language: Language,
        hash_bits: u32,
        gaz: Gazetteer,
        tables: Vec<Table>,
        passes: Vec<Pass>,
    ) -> Model {
        Model { language, hash_bits, gaz, tables, passes }
    }

    pub(crate) fn language(&self) -> Language {
        self.language
    }

    /// Whether `text` names a place of the curated list (`data/gazetteer/common/loc.txt`), as
    /// this model's gazetteer holds it: hashed the way training hashed the list's lines
    /// (tokenized, lower-cased), so `Royaume-Uni`, `royaume-uni` and `The Hague` are found.
    /// The rules read places from here rather than from a second copy of the list in the core
    /// (7.5 KB gzipped of wasm).
    pub(crate) fn is_known_place(&self, text: &str) -> bool {
        self.gazetteer_has(text, gazetteer::G_LOC)
    }

    /// Whether `text` is a nationality or demonym of the curated list
    /// (`data/gazetteer/<language>/demonym.txt`), read the same way.
    pub(crate) fn is_demonym(&self, text: &str) -> bool {
        self.gazetteer_has(text, gazetteer::G_DEMONYM)
    }

    /// Whether `text` is a first name of the curated list (`data/gazetteer/common/first.txt`),
    /// read the same way.
    pub(crate) fn is_first_name(&self, text: &str) -> bool {
        self.gazetteer_has(text, gazetteer::G_FIRST)
    }

    /// [`Model::is_known_place`] for a run of a document's tokens (`tokens`, with offsets into
    /// `text`): the rules ask about their mentions several hundred times an article, and
    /// tokenizing each mention's text again took about 4% of an analysis in wasm.
    pub(crate) fn is_known_place_tokens(&self, text: &str, tokens: &[Token]) -> bool {
        self.gazetteer_has_tokens(text, tokens, gazetteer::G_LOC)
    }

    /// Whether tokens `tokens` name an organisation of the curated list
    /// (`data/gazetteer/common/org.txt`) that the curated lists of persons and places lack
    /// (`Reuters`, `Human Rights Watch`; not `Georgia`, a place too).
    pub(crate) fn is_known_organisation_tokens(&self, text: &str, tokens: &[Token]) -> bool {
        let mask = self.gazetteer_mask_tokens(text, tokens);
        mask >> gazetteer::G_ORG & 1 != 0 && mask >> gazetteer::G_LOC & 1 == 0 && mask >> gazetteer::G_PER & 1 == 0
    }

    fn gazetteer_has(&self, text: &str, category: usize) -> bool {
        // One word of letters is one token: hashed without tokenizing (the rules ask about
        // single words, e.g. nationalities, several hundred times an article).
        if !text.is_empty() && text.chars().all(char::is_alphabetic) {
            let hash = features::phrase_hash_of_lower([features::lower_hash(text, crate::text::TokenKind::Word)]);
            return self.gaz.lookup(hash) >> category & 1 != 0;
        }
        self.gazetteer_has_tokens(text, &crate::text::tokenize(text), category)
    }

    fn gazetteer_has_tokens(&self, text: &str, tokens: &[Token], category: usize) -> bool {
        self.gazetteer_mask_tokens(text, tokens) >> category & 1 != 0
    }

    /// The gazetteer's categories of the phrase `tokens` (offsets into `text`), as a bit mask.
    fn gazetteer_mask_tokens(&self, text: &str, tokens: &[Token]) -> u16 {
        if tokens.is_empty() || tokens.len() > features::MAX_PHRASE {
            return 0;
        }
        let hash = features::phrase_hash_of_lower(tokens.iter().map(|t| features::lower_hash(t.text(text), t.kind())));
        self.gaz.lookup(hash)
    }

    /// Tags the tokens of each sentence (`sentences` are token-index ranges).
    pub(crate) fn tag(&self, text: &str, tokens: &[Token], sentences: &[Range<usize>]) -> Vec<NerSpan> {
        let tags = self.tag_tokens(text, tokens, sentences);
        let mut out = Vec::new();
        for s in features::valid_sentences(tokens.len(), sentences) {
            for (r, ty) in tags::spans(&tags[s.clone()]) {
                if let Some(&label) = tags::TYPES.get(ty) {
                    out.push(NerSpan { tokens: s.start + r.start..s.start + r.end, label });
                }
            }
        }
        out
    }

    /// BILOU tag of every token (`O` outside sentences).
    pub(crate) fn tag_tokens(&self, text: &str, tokens: &[Token], sentences: &[Range<usize>]) -> Vec<u8> {
        let mut tags = vec![tags::O; tokens.len()];
        if tokens.is_empty() || self.passes.is_empty() {
            return tags;
        }
        self.run(text, tokens, sentences, &mut tags, self.passes.len(), None, KEEP_SCORES_MAX_TOKENS);
        tags
    }

    /// Runs the first `n_passes` passes; `first_em` receives the first pass's emissions.
    /// First-pass scores are kept for a residual pass up to `keep_max_tokens` tokens.
    #[allow(clippy::too_many_arguments)]
    fn run(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Range<usize>],
        tags: &mut [u8],
        n_passes: usize,
        first_em: Option<&mut Vec<[i32; NT]>>,
        keep_max_tokens: usize,
    ) {
        let mut ctx = DocCtx::new(text, tokens, sentences, Some(&self.gaz));
        let mut scratch = Scratch::default();
        // A residual pass adds to the first pass's scores: kept per token for documents of
        // ordinary size, recomputed sentence by sentence for huge ones (to bound memory).
        let keep = self.passes.iter().take(n_passes).skip(1).any(|p| p.feats & features::FEAT_RESIDUAL != 0)
            && tokens.len() <= keep_max_tokens;
        let mut em_doc: Vec<[i32; NT]> = Vec::new();
        if keep || first_em.is_some() {
            em_doc = vec![[0; NT]; tokens.len()];
        }
        for (k, pass) in self.passes.iter().take(n_passes).enumerate() {
            if k > 0 {
                ctx.set_first_pass(sentences, tags.to_vec());
            }
            let Some(table) = self.tables.get(pass.table) else { break };
            if k == 0 {
                let store = (!em_doc.is_empty()).then_some(&mut em_doc);
                let (table, feats, ctx, sc, base) = (table, pass.feats, &mut ctx, &mut scratch, Base::None);
                run_pass(PassRun { table, feats, ctx, sentences, tags, sc, base, store });
            } else {
                let first = self.passes.first().and_then(|p| Some((self.tables.get(p.table)?, p.feats)));
                let base = match (pass.feats & features::FEAT_RESIDUAL != 0, first) {
                    (false, _) | (true, None) => Base::None,
                    (true, Some(_)) if !em_doc.is_empty() => Base::Stored(&em_doc),
                    (true, Some((t, f))) => Base::Recompute(t, f),
                };
                let (feats, ctx, sc) = (pass.feats, &mut ctx, &mut scratch);
                run_pass(PassRun { table, feats, ctx, sentences, tags, sc, base, store: None });
            }
        }
        if let Some(out) = first_em {
            *out = em_doc;
        }
    }

    /// First-pass tags and emissions (for training a residual second pass).
    pub(crate) fn first_pass(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Range<usize>],
    ) -> (Vec<u8>, Vec<[i32; NT]>) {
        let mut tags = vec![tags::O; tokens.len()];
        let mut em = Vec::new();
        if !tokens.is_empty() && !self.passes.is_empty() {
            self.run(text, tokens, sentences, &mut tags, 1, Some(&mut em), KEEP_SCORES_MAX_TOKENS);
        }
        if em.len() != tokens.len() {
            em = vec![[0; NT]; tokens.len()];
        }
        (tags, em)
    }
}

/// Largest document whose first-pass scores are kept in memory for a residual pass (68 bytes a
/// token). Any article fits (65,536 tokens is about 300 KB of text); beyond, the scores are
/// computed again sentence by sentence, which costs about a sixth more time and keeps peak
/// memory near 20 times the input.
const KEEP_SCORES_MAX_TOKENS: usize = 1 << 16;

/// Scores a pass starts from.
enum Base<'a> {
    None,
    Stored(&'a [[i32; NT]]),
    /// Computed again with this table and these features.
    Recompute(&'a Table, u32),
}

/// What one tagging pass reads and writes.
struct PassRun<'a, 'c> {
    table: &'a Table,
    feats: u32,
    ctx: &'a mut DocCtx<'c>,
    sentences: &'a [Range<usize>],
    tags: &'a mut [u8],
    sc: &'a mut Scratch,
    base: Base<'a>,
    /// Where to keep each token's scores, when they are kept.
    store: Option<&'a mut Vec<[i32; NT]>>,
}

/// One tagging pass over the document: emissions, then Viterbi, sentence by sentence.
///
/// On x86-64 CPUs with AVX2 (most made since 2013) the pass runs as a copy compiled for them:
/// adding a row of 16-bit weights into 32-bit scores and the Viterbi maxima take a few wide
/// instructions where the x86-64 baseline (SSE2) needs many, about a fifth fewer instructions
/// per analysis. The arithmetic is on integers, so both copies give the same tags (tested).
/// Elsewhere (wasm, other CPUs) this is [`run_pass_portable`] itself.
fn run_pass(pass: PassRun) {
    #[cfg(target_arch = "x86_64")]
    if x86_64::has_avx2() && !x86_64::portable_forced() {
        // SAFETY: the CPU supports every feature `run_pass_avx2` is compiled with (checked
        // just above), which is the only requirement of calling it.
        unsafe { x86_64::run_pass_avx2(pass) };
        return;
    }
    run_pass_portable(pass);
}

#[cfg(target_arch = "x86_64")]
mod x86_64 {
    use super::*;

    /// The features `run_pass_avx2` is compiled with (x86-64-v3's integer part).
    pub(super) fn has_avx2() -> bool {
        std::is_x86_feature_detected!("avx2")
            && std::is_x86_feature_detected!("bmi1")
            && std::is_x86_feature_detected!("bmi2")
            && std::is_x86_feature_detected!("popcnt")
            && std::is_x86_feature_detected!("lzcnt")
    }

    #[cfg(test)]
    thread_local! {
        /// Set by tests to run the portable copy on this thread, to compare the two.
        pub(super) static FORCE_PORTABLE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    #[inline]
    pub(super) fn portable_forced() -> bool {
        #[cfg(test)]
        return FORCE_PORTABLE.with(|f| f.get());
        #[cfg(not(test))]
        false
    }

    /// [`run_pass_portable`] compiled for AVX2: its body and the hot functions it calls
    /// (marked `inline(always)` on x86-64) are inlined here and compiled with these features.
    #[target_feature(enable = "avx2,bmi1,bmi2,popcnt,lzcnt")]
    pub(super) unsafe fn run_pass_avx2(pass: PassRun) {
        run_pass_portable(pass);
    }
}

// Always inlined: into both copies on x86-64, and into `run_pass` in wasm, whose name is on
// the list of functions scripts/build-wasm.sh compiles for speed rather than size.
#[inline(always)]
fn run_pass_portable(pass: PassRun) {
    let PassRun { table, feats, ctx, sentences, tags, sc, base, mut store } = pass;
    sc.word_scores.clear();
    for s in features::valid_sentences(tags.len(), sentences) {
        sc.em.clear();
        let local = feats | if let Base::Recompute(_, f) = base { f } else { 0 };
        if local & features::FEAT_LOCAL != 0 {
            ctx.load_sentence(&s);
        }
        for i in s.clone() {
            let mut row = [0i32; NT];
            match base {
                Base::None => {}
                Base::Stored(b) => row = b.get(i).copied().unwrap_or(row),
                Base::Recompute(t, f) => {
                    sc.feats.clear();
                    features::features(ctx, &s, i, f, &mut sc.feats);
                    t.emit(&sc.feats, &mut row);
                }
            }
            sc.feats.clear();
            if feats & features::FEAT_LOCAL != 0 {
                word_scores(table, ctx, i, sc, &mut row);
            }
            features::context_features(ctx, &s, i, feats, &mut sc.feats);
            table.emit(&sc.feats, &mut row);
            if let Some(st) = store.as_deref_mut() {
                if let Some(slot) = st.get_mut(i) {
                    *slot = row;
                }
            }
            sc.em.push(row);
        }
        weights::viterbi(&sc.em, &table.tr, &mut sc.scores, &mut sc.out);
        for (t, &v) in tags[s].iter_mut().zip(sc.out.iter()) {
            *t = v;
        }
    }
}

/// Adds the scores of token `i`'s [`features::word_features`] to `row`: looked up once per
/// distinct word and pass (they are the same at every occurrence), or, for words without an
/// id, pushed onto `sc.feats` to be scored with the rest.
#[cfg_attr(target_arch = "x86_64", inline(always))]
fn word_scores(table: &Table, ctx: &DocCtx, i: usize, sc: &mut Scratch, row: &mut [i32; NT]) {
    let Some(id) = ctx.word_id(i) else {
        features::word_features(ctx.info(i), &mut sc.feats);
        return;
    };
    if sc.word_scores.len() <= id {
        sc.word_scores.resize(id + 1, None);
    }
    let scores = match sc.word_scores[id] {
        Some(scores) => scores,
        None => {
            let mut scores = [0; NT];
            features::word_features(ctx.info(i), &mut sc.feats);
            table.emit(&sc.feats, &mut scores);
            sc.feats.clear();
            sc.word_scores[id] = Some(scores);
            scores
        }
    };
    for (r, s) in row.iter_mut().zip(scores) {
        *r += s;
    }
}

#[cfg(test)]
mod tests;
