//! Structured averaged perceptron training, jack-knifed gazetteer and first-pass features,
//! quantisation into a [`Model`].

use std::fs;
use std::path::Path;

use super::data::Doc;
use super::eval::{evaluate, Counts};
use crate::lang::Language;
use crate::ner::features::{
    self, fnv, phrase_hash, token_info, DocCtx, KeyMap, TokInfo, FEAT_LOCAL, FEAT_RESIDUAL, MAX_PHRASE,
};
use crate::ner::gazetteer::{self, Gazetteer};
use crate::ner::tags::{self, NT};
use crate::ner::weights::{bucket, viterbi, QuantStage, Table, Transitions};
use crate::ner::{Model, Pass};
use crate::text;

/// Training settings.
#[derive(Clone, Debug)]
pub(crate) struct TrainOptions {
    pub language: Language,
    pub epochs: usize,
    pub epochs2: usize,
    pub seed: u64,
    pub hash_bits: u32,
    pub passes: usize,
    pub folds: usize,
    pub feats1: u32,
    pub feats2: u32,
    /// Add gold entity strings of the training data to the gazetteer (jack-knifed in training).
    pub train_gazetteer: bool,
    /// Also add the capitalised words of multi-word training entities.
    pub word_gazetteer: bool,
    /// Minimum |quantised weight| kept.
    pub min_q: i32,
    /// Features seen fewer times in training are ignored.
    pub min_count: u32,
    /// Both passes share one set of weights.
    pub shared: bool,
    /// Runs (with different shuffles) whose weights are averaged into the final model.
    pub bags: usize,
    /// Quantile of |weights| mapped to the largest code.
    pub clip: f64,
    /// Mu-law companding parameter of the 8-bit codes (0: linear).
    pub mu: f64,
    pub verbose: bool,
}

/// A sentence with its precomputed feature keys.
struct PSent {
    feats: Vec<u64>,
    offs: Vec<u32>,
    gold: Vec<u8>,
    /// Scores added before the weights (residual pass), in weight units × `step`.
    base: Vec<[i32; NT]>,
}

/// Perceptron weights with lazy averaging: `avg = w - acc / c`.
struct Perceptron {
    map: KeyMap<u32>,
    w: Vec<i32>,
    acc: Vec<i64>,
    /// Rows: 0 start→t, 1 + p: p→t, NT + 1: t→end.
    tw: Vec<i32>,
    tacc: Vec<i64>,
    c: i64,
    /// Size of one update (a residual pass uses finer steps than its integer base scores).
    step: i32,
}

const TROWS: usize = NT + 2;

impl Perceptron {
    fn new(step: i32) -> Perceptron {
        Perceptron {
            map: KeyMap::default(),
            w: Vec::new(),
            acc: Vec::new(),
            tw: vec![0; TROWS * NT],
            tacc: vec![0; TROWS * NT],
            c: 1,
            step,
        }
    }

    fn scores(&self, feats: &[u64], out: &mut [i32; NT]) {
        *out = [0; NT];
        for k in feats {
            if let Some(&r) = self.map.get(k) {
                let row = &self.w[r as usize * NT..r as usize * NT + NT];
                for (o, &w) in out.iter_mut().zip(row) {
                    *o += w;
                }
            }
        }
    }

    fn transitions(&self) -> Transitions {
        let mut start = [0i32; NT];
        let mut trans = [[0i32; NT]; NT];
        let mut end = [0i32; NT];
        start.copy_from_slice(&self.tw[..NT]);
        for p in 0..NT {
            trans[p].copy_from_slice(&self.tw[(1 + p) * NT..(2 + p) * NT]);
        }
        end.copy_from_slice(&self.tw[(NT + 1) * NT..]);
        Transitions::constrained(start, trans, end)
    }

    fn upd(&mut self, key: u64, t: u8, d: i32) {
        let d = d * self.step;
        let n = self.map.len() as u32;
        let r = *self.map.entry(key).or_insert(n) as usize;
        if r == n as usize {
            self.w.extend_from_slice(&[0; NT]);
            self.acc.extend_from_slice(&[0; NT]);
        }
        self.w[r * NT + t as usize] += d;
        self.acc[r * NT + t as usize] += self.c * d as i64;
    }

    fn upd_trans(&mut self, row: usize, t: u8, d: i32) {
        let d = d * self.step;
        self.tw[row * NT + t as usize] += d;
        self.tacc[row * NT + t as usize] += self.c * d as i64;
    }

    /// Decodes a sentence and updates on error; returns whether it was wrong.
    fn learn(
        &mut self,
        s: &PSent,
        tr: &Transitions,
        em: &mut Vec<[i32; NT]>,
        back: &mut Vec<[i32; NT]>,
        out: &mut Vec<u8>,
    ) -> bool {
        let n = s.gold.len();
        em.clear();
        for i in 0..n {
            let mut row = [0; NT];
            self.scores(&s.feats[s.offs[i] as usize..s.offs[i + 1] as usize], &mut row);
            if let Some(b) = s.base.get(i) {
                for t in 0..NT {
                    row[t] += b[t];
                }
            }
            em.push(row);
        }
        viterbi(em, tr, back, out);
        let wrong = *out != s.gold;
        if wrong {
            for i in 0..n {
                let (g, p) = (s.gold[i], out[i]);
                if g != p {
                    for k in s.offs[i]..s.offs[i + 1] {
                        let key = s.feats[k as usize];
                        self.upd(key, g, 1);
                        self.upd(key, p, -1);
                    }
                }
                let (gp, pp) = if i == 0 { (0, 0) } else { (1 + s.gold[i - 1] as usize, 1 + out[i - 1] as usize) };
                if gp != pp || g != p {
                    self.upd_trans(gp, g, 1);
                    self.upd_trans(pp, p, -1);
                }
            }
            let (g, p) = (s.gold[n - 1], out[n - 1]);
            if g != p {
                self.upd_trans(NT + 1, g, 1);
                self.upd_trans(NT + 1, p, -1);
            }
        }
        self.c += 1;
        wrong
    }

    /// Averaged weights, by bucket.
    fn averaged(&self, hash_bits: u32) -> Averaged {
        let c = self.c as f64;
        let unit = self.step as f64;
        let mut rows: Vec<(u32, [f64; NT])> = Vec::with_capacity(self.map.len());
        for (&key, &r) in &self.map {
            let r = r as usize;
            let mut v = [0f64; NT];
            for t in 0..NT {
                v[t] = (self.w[r * NT + t] as f64 - self.acc[r * NT + t] as f64 / c) / unit;
            }
            rows.push((bucket(key, hash_bits), v));
        }
        let trans = (0..TROWS * NT).map(|k| (self.tw[k] as f64 - self.tacc[k] as f64 / c) / unit).collect();
        let mut a = Averaged { rows, trans, features: self.map.len() };
        a.normalize();
        a
    }

    /// Averaged, quantised weights.
    fn quantize(&self, hash_bits: u32, opts: &TrainOptions, fixed_scale: Option<f64>) -> QuantStage {
        self.averaged(hash_bits).quantize(opts, fixed_scale)
    }
}

/// Averaged weights merged by bucket (sorted), and transitions.
struct Averaged {
    rows: Vec<(u32, [f64; NT])>,
    trans: Vec<f64>,
    features: usize,
}

impl Averaged {
    fn normalize(&mut self) {
        self.rows.sort_unstable_by_key(|r| r.0);
        let mut merged: Vec<(u32, [f64; NT])> = Vec::with_capacity(self.rows.len());
        for &(b, v) in &self.rows {
            match merged.last_mut() {
                Some(last) if last.0 == b => {
                    for t in 0..NT {
                        last.1[t] += v[t];
                    }
                }
                _ => merged.push((b, v)),
            }
        }
        self.rows = merged;
    }

    /// Mean of several runs' weights.
    fn mean(runs: Vec<Averaged>) -> Averaged {
        let n = runs.len().max(1) as f64;
        let mut rows = Vec::new();
        let mut trans = vec![0.0; TROWS * NT];
        let mut features = 0;
        for r in runs {
            for (t, v) in trans.iter_mut().zip(&r.trans) {
                *t += v / n;
            }
            rows.extend(r.rows.into_iter().map(|(b, v)| (b, v.map(|x| x / n))));
            features = features.max(r.features);
        }
        let mut a = Averaged { rows, trans, features };
        a.normalize();
        a
    }

    /// Quantises to 8-bit codes: mu-law companding (`opts.mu`, 0 for linear) of values up to
    /// the `opts.clip` quantile of |weight|; `fixed_unit` forces the integer unit (residual pass).
    fn quantize(&self, opts: &TrainOptions, fixed_unit: Option<f64>) -> QuantStage {
        let mut mags: Vec<f64> =
            self.rows.iter().flat_map(|r| r.1.iter().copied()).filter(|v| *v != 0.0).map(f64::abs).collect();
        mags.sort_unstable_by(|a, b| a.total_cmp(b));
        let m = if mags.is_empty() { 1.0 } else { mags[((mags.len() - 1) as f64 * opts.clip) as usize].max(1e-6) };
        let mu = opts.mu.max(0.0);
        let decode = |c: i32| -> f64 {
            let x = c.unsigned_abs() as f64 / 127.0;
            let v = if mu > 0.0 { m / mu * ((1.0 + mu).powf(x) - 1.0) } else { m * x };
            v * c.signum() as f64
        };
        let encode = |v: f64| -> i32 {
            let x = (v.abs() / m).min(1.0);
            let y = if mu > 0.0 { (1.0 + mu * x).ln() / (1.0 + mu).ln() } else { x };
            (y * 127.0).round() as i32 * if v < 0.0 { -1 } else { 1 }
        };
        // The smallest code is worth about 8 units, unless the largest would not fit in 16 bits.
        let scale = fixed_unit.unwrap_or((decode(1) / 8.0).max(decode(127) / 32000.0));
        let mut lut = [0i32; 256];
        for c in -127i32..=127 {
            lut[(c as i8) as u8 as usize] = (decode(c) / scale).round() as i32;
        }
        let mut out_rows = Vec::with_capacity(self.rows.len());
        for (b, v) in &self.rows {
            let mut r = [0i8; NT];
            let mut any = false;
            for t in 0..NT {
                let x = encode(v[t]);
                if x.abs() >= opts.min_q {
                    r[t] = x as i8;
                    any = true;
                }
            }
            if any {
                out_rows.push((*b, r));
            }
        }
        let tq = |row: usize, t: usize| -> i32 { (self.trans[row * NT + t] / scale).round().clamp(-1e6, 1e6) as i32 };
        let mut start = [0i32; NT];
        let mut trans = [[0i32; NT]; NT];
        let mut end = [0i32; NT];
        for t in 0..NT {
            start[t] = tq(0, t);
            end[t] = tq(NT + 1, t);
            for p in 0..NT {
                trans[p][t] = tq(1 + p, t);
            }
        }
        if opts.verbose {
            let mut hist = [0usize; 8];
            for (_, r) in &out_rows {
                for &x in r.iter() {
                    if x != 0 {
                        hist[(x as i32).unsigned_abs().ilog2() as usize] += 1;
                    }
                }
            }
            println!(
                "    quantize: {} features, {} rows kept, max {m:.3}, unit {scale:.5}, |code| log2 histogram {hist:?}",
                self.features,
                out_rows.len()
            );
        }
        QuantStage { scale, lut, rows: out_rows, start, trans, end }
    }
}

/// Simple deterministic generator for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn prepare(
    docs: &[&Doc],
    gaz: &[&Gazetteer],
    first: Option<&[Vec<u8>]>,
    base: Option<&[Vec<[i32; NT]>]>,
    feats: u32,
) -> Vec<PSent> {
    let mut out = Vec::new();
    for (k, d) in docs.iter().enumerate() {
        let mut ctx = DocCtx::new(&d.text, &d.tokens, &d.sentences, Some(gaz[k]));
        if let Some(f) = first {
            ctx.set_first_pass(&d.sentences, f[k].clone());
        }
        let gold = d.gold_tags();
        for s in features::valid_sentences(d.tokens.len(), &d.sentences) {
            let b = base.and_then(|b| b.get(k)).and_then(|b| b.get(s.clone())).map(<[_]>::to_vec).unwrap_or_default();
            let mut ps = PSent { feats: Vec::new(), offs: vec![0], gold: gold[s.clone()].to_vec(), base: b };
            ctx.load_sentence(&s);
            for i in s.clone() {
                features::features(&ctx, &s, i, feats, &mut ps.feats);
                ps.offs.push(ps.feats.len() as u32);
            }
            out.push(ps);
        }
    }
    out
}

/// Drops features seen fewer than `min_count` times in `sents`.
fn prune_rare(sents: &mut [PSent], min_count: u32) {
    if min_count <= 1 {
        return;
    }
    let mut counts: KeyMap<u32> = KeyMap::default();
    for s in sents.iter() {
        for &k in &s.feats {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    for s in sents.iter_mut() {
        let mut feats = Vec::with_capacity(s.feats.len());
        let mut offs = vec![0u32];
        for i in 0..s.gold.len() {
            for &k in &s.feats[s.offs[i] as usize..s.offs[i + 1] as usize] {
                if counts.get(&k).copied().unwrap_or(0) >= min_count {
                    feats.push(k);
                }
            }
            offs.push(feats.len() as u32);
        }
        s.feats = feats;
        s.offs = offs;
    }
}

/// Trains one pass over `sents`; `dev` is called after each epoch with the quantised stage.
fn train_pass(
    sents: &[PSent],
    epochs: usize,
    seed: u64,
    step: i32,
    init_trans: Option<Vec<i32>>,
    mut each_epoch: impl FnMut(usize, &Perceptron, usize),
) -> Perceptron {
    let mut p = Perceptron::new(step);
    if let Some(t) = init_trans {
        if t.len() == p.tw.len() {
            p.tw = t;
        }
    }
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut rng = Rng(seed | 1);
    let (mut em, mut back, mut out) = (Vec::new(), Vec::new(), Vec::new());
    for e in 0..epochs {
        rng.shuffle(&mut order);
        let mut tr = p.transitions();
        let mut wrong = 0;
        for &i in &order {
            if p.learn(&sents[i], &tr, &mut em, &mut back, &mut out) {
                wrong += 1;
                tr = p.transitions();
            }
        }
        each_epoch(e + 1, &p, wrong);
    }
    p
}

/// Gazetteer entries from curated lists: `dir/<category>.txt`, one phrase per line.
pub(crate) fn curated_entries(dirs: &[&Path]) -> Result<Vec<(u32, u16)>, String> {
    let cats = [
        ("per", gazetteer::G_PER),
        ("org", gazetteer::G_ORG),
        ("loc", gazetteer::G_LOC),
        ("misc", gazetteer::G_PER + 3),
        ("first", gazetteer::G_FIRST),
        ("title", gazetteer::G_TITLE),
        ("orgword", gazetteer::G_ORGWORD),
        ("demonym", gazetteer::G_DEMONYM),
    ];
    let mut out = Vec::new();
    for dir in dirs {
        if !dir.is_dir() {
            continue;
        }
        for (name, cat) in cats {
            let p = dir.join(format!("{name}.txt"));
            let Ok(data) = fs::read_to_string(&p) else { continue };
            for line in data.lines() {
                let line = line.split('#').next().unwrap_or("").trim();
                if line.is_empty() {
                    continue;
                }
                let toks = text::tokenize(line);
                if toks.is_empty() || toks.len() > MAX_PHRASE {
                    continue;
                }
                let infos: Vec<TokInfo> = toks.iter().map(|t| token_info(t.text(line), t.kind())).collect();
                out.push((gazetteer::key_of(phrase_hash(&infos)), 1u16 << cat));
            }
        }
    }
    Ok(out)
}

fn train_entries(docs: &[&Doc], word_level: bool) -> Vec<(u32, u16)> {
    let mut out = Vec::new();
    for d in docs {
        for (r, ty) in &d.gold {
            if r.len() > MAX_PHRASE || r.end > d.tokens.len() {
                continue;
            }
            let infos: Vec<TokInfo> = d.tokens[r.clone()].iter().map(|t| token_info(t.text(&d.text), t.kind())).collect();
            out.push((gazetteer::key_of(phrase_hash(&infos)), 1u16 << (gazetteer::G_TRAIN_PER + ty)));
            if word_level && infos.len() > 1 {
                for inf in infos.iter().filter(|i| features::is_cap(i.casing)) {
                    out.push((
                        gazetteer::key_of(phrase_hash(std::slice::from_ref(inf))),
                        1u16 << (gazetteer::G_TRAIN_WORD_PER + ty),
                    ));
                }
            }
        }
    }
    out
}

fn fold_of(d: &Doc, folds: usize) -> usize {
    (fnv(d.name.as_bytes()).rotate_left(17) % folds as u64) as usize
}

pub(crate) fn print_scores(label: &str, c: &Counts) {
    let (p, r, f) = c.prf(&[0, 1, 2]);
    let per = c.prf(&[0]).2;
    let org = c.prf(&[1]).2;
    let loc = c.prf(&[2]).2;
    let misc = c.prf(&[3]).2;
    println!(
        "  {label:<28} P {:5.2}  R {:5.2}  F1 {:5.2}   (PER {:5.2} ORG {:5.2} LOC {:5.2}; MISC {:5.2})",
        p * 100.0,
        r * 100.0,
        f * 100.0,
        per * 100.0,
        org * 100.0,
        loc * 100.0,
        misc * 100.0
    );
}

/// Trains a model on `train`, reporting scores on `dev` as it goes.
pub(crate) fn train(train: &[Doc], dev: &[Doc], curated: &[(u32, u16)], opts: &TrainOptions) -> Model {
    let t0 = std::time::Instant::now();
    let docs: Vec<&Doc> = train.iter().collect();
    let k = opts.folds.max(2);
    let fold: Vec<usize> = docs.iter().map(|d| fold_of(d, k)).collect();
    let all_train = if opts.train_gazetteer { train_entries(&docs, opts.word_gazetteer) } else { Vec::new() };
    let gaz_full = Gazetteer::from_entries(curated.iter().copied().chain(all_train));
    let fold_gaz: Vec<Gazetteer> = (0..k)
        .map(|f| {
            let others: Vec<&Doc> = docs.iter().zip(&fold).filter(|(_, &g)| g != f).map(|(d, _)| *d).collect();
            let e = if opts.train_gazetteer { train_entries(&others, opts.word_gazetteer) } else { Vec::new() };
            Gazetteer::from_entries(curated.iter().copied().chain(e))
        })
        .collect();
    let doc_gaz: Vec<&Gazetteer> = fold.iter().map(|&f| &fold_gaz[f]).collect();
    println!(
        "{} training documents, {} tokens; gazetteer {} phrases ({} curated)",
        docs.len(),
        docs.iter().map(|d| d.n_tokens()).sum::<usize>(),
        gaz_full.len(),
        curated.len()
    );
    let mut sents1 = prepare(&docs, &doc_gaz, None, None, opts.feats1);
    prune_rare(&mut sents1, opts.min_count);
    println!(
        "pass 1: {} sentences, {} feature occurrences ({:.1}s)",
        sents1.len(),
        sents1.iter().map(|s| s.feats.len()).sum::<usize>(),
        t0.elapsed().as_secs_f64()
    );
    let p1 = Pass { feats: opts.feats1, table: 0 };
    let make = |tables: Vec<Table>, passes: Vec<Pass>| {
        Model::new(opts.language, opts.hash_bits, gaz_full.clone(), tables, passes)
    };
    let pt1 = train_pass(&sents1, opts.epochs, opts.seed, 1, None, |e, p, wrong| {
        let q = p.quantize(opts.hash_bits, opts, None);
        let m = make(vec![Table::from_quant(&q, opts.hash_bits)], vec![p1]);
        let c = evaluate(&m, dev);
        print!("pass 1 epoch {e:2}: {wrong:6} sentences wrong, {:6} rows;", q.rows.len());
        print_scores("dev", &c);
    });
    drop(sents1);
    let q1 = pt1.quantize(opts.hash_bits, opts, None);
    let table1 = Table::from_quant(&q1, opts.hash_bits);
    println!("pass 1 done: {} rows ({:.1}s)", table1.n_rows(), t0.elapsed().as_secs_f64());
    if opts.passes < 2 {
        return make(vec![table1], vec![p1]);
    }
    let residual = opts.feats2 & FEAT_RESIDUAL != 0;
    // Jack-knifed first-pass tags (and scores) for the second pass.
    const STEP: i32 = 16;
    let mut first: Vec<Vec<u8>> = vec![Vec::new(); docs.len()];
    let mut base: Vec<Vec<[i32; NT]>> = vec![Vec::new(); docs.len()];
    for f in 0..k {
        let idx: Vec<usize> = (0..docs.len()).filter(|&i| fold[i] != f).collect();
        let sub_docs: Vec<&Doc> = idx.iter().map(|&i| docs[i]).collect();
        let sub_gaz: Vec<&Gazetteer> = idx.iter().map(|&i| doc_gaz[i]).collect();
        let mut sub = prepare(&sub_docs, &sub_gaz, None, None, opts.feats1);
        prune_rare(&mut sub, opts.min_count);
        let p = train_pass(&sub, opts.epochs, opts.seed.wrapping_add(f as u64 + 1), 1, None, |_, _, _| {});
        let q = p.quantize(opts.hash_bits, opts, None);
        let m = Model::new(
            opts.language,
            opts.hash_bits,
            fold_gaz[f].clone(),
            vec![Table::from_quant(&q, opts.hash_bits)],
            vec![p1],
        );
        let held: Vec<Doc> = (0..docs.len()).filter(|&i| fold[i] == f).map(|i| docs[i].clone()).collect();
        let c = evaluate(&m, &held);
        print!("fold {f}: ");
        print_scores("held-out fold", &c);
        for i in (0..docs.len()).filter(|&i| fold[i] == f) {
            let (t, em) = m.first_pass(&docs[i].text, &docs[i].tokens, &docs[i].sentences);
            first[i] = t;
            if residual {
                let unit = q.scale * STEP as f64;
                base[i] = em.iter().map(|r| r.map(|v| (v as f64 * unit).round() as i32)).collect();
            }
        }
    }
    if opts.shared {
        // One set of weights for both passes: trained on every sentence twice, without and
        // with the (jack-knifed) first-pass information.
        let mut both = prepare(&docs, &doc_gaz, None, None, opts.feats1);
        both.extend(prepare(&docs, &doc_gaz, Some(&first), None, opts.feats1 | (opts.feats2 & !FEAT_RESIDUAL)));
        prune_rare(&mut both, opts.min_count);
        let p2 = Pass { feats: (opts.feats2 & !FEAT_LOCAL) | FEAT_RESIDUAL, table: 0 };
        let mut runs = Vec::new();
        for bag in 0..opts.bags.max(1) {
            let p =
                train_pass(&both, opts.epochs2, opts.seed.wrapping_add(202 + bag as u64), 1, None, |e, p, wrong| {
                    if bag == 0 {
                        let q = p.quantize(opts.hash_bits, opts, None);
                        let m = make(vec![Table::from_quant(&q, opts.hash_bits)], vec![p1, p2]);
                        let c = evaluate(&m, dev);
                        print!("shared epoch {e:2}: {wrong:6} sentences wrong, {:6} rows;", q.rows.len());
                        print_scores("dev", &c);
                    }
                });
            runs.push(p.averaged(opts.hash_bits));
            if opts.bags > 1 {
                let q = Averaged::mean(
                    runs.iter()
                        .map(|r| Averaged { rows: r.rows.clone(), trans: r.trans.clone(), features: r.features })
                        .collect(),
                )
                .quantize(opts, None);
                let m = make(vec![Table::from_quant(&q, opts.hash_bits)], vec![p1, p2]);
                print!("bag {:2} ({} runs averaged), {:6} rows;", bag + 1, runs.len(), q.rows.len());
                print_scores("dev", &evaluate(&m, dev));
            }
        }
        let q = Averaged::mean(runs).quantize(opts, None);
        println!("shared weights: {} rows ({:.1}s)", q.rows.len(), t0.elapsed().as_secs_f64());
        return make(vec![Table::from_quant(&q, opts.hash_bits)], vec![p1, p2]);
    }
    let mut sents2 = prepare(&docs, &doc_gaz, Some(&first), residual.then_some(&base[..]), opts.feats2);
    prune_rare(&mut sents2, opts.min_count);
    let step = if residual { STEP } else { 1 };
    let fixed = residual.then_some(q1.scale);
    // A residual pass starts from the first pass's transitions.
    let init = residual.then(|| {
        let u = q1.scale * STEP as f64;
        let mut t = Vec::with_capacity((NT + 2) * NT);
        t.extend(q1.start.iter().map(|&v| (v as f64 * u).round() as i32));
        for row in &q1.trans {
            t.extend(row.iter().map(|&v| (v as f64 * u).round() as i32));
        }
        t.extend(q1.end.iter().map(|&v| (v as f64 * u).round() as i32));
        t
    });
    let p2 = train_pass(&sents2, opts.epochs2, opts.seed.wrapping_add(101), step, init, |e, p, wrong| {
        let q = p.quantize(opts.hash_bits, opts, fixed);
        let m = make(
            vec![Table::from_quant(&q1, opts.hash_bits), Table::from_quant(&q, opts.hash_bits)],
            vec![p1, Pass { feats: opts.feats2, table: 1 }],
        );
        let c = evaluate(&m, dev);
        print!("pass 2 epoch {e:2}: {wrong:6} sentences wrong, {:6} rows;", q.rows.len());
        print_scores("dev", &c);
    });
    let q2 = p2.quantize(opts.hash_bits, opts, fixed);
    println!("pass 2 done: {} rows ({:.1}s)", q2.rows.len(), t0.elapsed().as_secs_f64());
    make(vec![table1, Table::from_quant(&q2, opts.hash_bits)], vec![p1, Pass { feats: opts.feats2, table: 1 }])
}

/// Per-type tag counts, for a quick look at the data.
pub(crate) fn describe(docs: &[Doc]) -> String {
    let mut n = [0usize; tags::N_TYPES];
    for d in docs {
        for (_, t) in &d.gold {
            n[*t] += 1;
        }
    }
    format!(
        "{} docs, {} sentences, {} tokens, entities PER {} ORG {} LOC {} MISC {}",
        docs.len(),
        docs.iter().map(|d| d.sentences.len()).sum::<usize>(),
        docs.iter().map(|d| d.n_tokens()).sum::<usize>(),
        n[0],
        n[1],
        n[2],
        n[3]
    )
}
