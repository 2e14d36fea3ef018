//! Mention-level exact-span scoring.

use std::collections::HashSet;
use std::ops::Range;

use super::data::Doc;
use crate::ner::tags::{self, N_TYPES};
use crate::ner::Model;

/// True positives, false positives and false negatives per type.
#[derive(Default, Clone, Debug)]
pub(crate) struct Counts {
    pub tp: [usize; N_TYPES],
    pub fp: [usize; N_TYPES],
    pub fn_: [usize; N_TYPES],
}

impl Counts {
    /// Adds one document. Every gold mention counts, even two gold mentions on the same tokens
    /// (possible after re-tokenization): a prediction matches at most one of them.
    pub(crate) fn add(&mut self, gold: &[(Range<usize>, usize)], pred: &[(Range<usize>, usize)]) {
        let p: HashSet<(usize, usize, usize)> = pred.iter().map(|(r, t)| (r.start, r.end, *t)).collect();
        let mut matched: HashSet<(usize, usize, usize)> = HashSet::new();
        for (r, t) in gold {
            let x = (r.start, r.end, *t);
            if p.contains(&x) && matched.insert(x) {
                self.tp[*t] += 1;
            } else {
                self.fn_[*t] += 1;
            }
        }
        for x in &p {
            if !matched.contains(x) {
                self.fp[x.2] += 1;
            }
        }
    }

    /// Micro precision, recall, F1 over `types`.
    pub(crate) fn prf(&self, types: &[usize]) -> (f64, f64, f64) {
        let tp: usize = types.iter().map(|&t| self.tp[t]).sum();
        let fp: usize = types.iter().map(|&t| self.fp[t]).sum();
        let fn_: usize = types.iter().map(|&t| self.fn_[t]).sum();
        let p = if tp + fp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 };
        let r = if tp + fn_ == 0 { 0.0 } else { tp as f64 / (tp + fn_) as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }

    pub(crate) fn gold_count(&self, types: &[usize]) -> usize {
        types.iter().map(|&t| self.tp[t] + self.fn_[t]).sum()
    }
}

/// Predicted spans of a document as (token range, type index).
pub(crate) fn predict(model: &Model, d: &Doc) -> Vec<(Range<usize>, usize)> {
    model
        .tag(&d.text, &d.tokens, &d.sentences)
        .into_iter()
        .filter_map(|s| Some((s.tokens, tags::type_index(s.label)?)))
        .collect()
}

/// Scores `model` on `docs`.
pub(crate) fn evaluate(model: &Model, docs: &[Doc]) -> Counts {
    let mut c = Counts::default();
    for d in docs {
        c.add(&d.gold, &predict(model, d));
    }
    c
}

/// Prints missed and spurious entities with some context (for error analysis).
pub(crate) fn dump_errors(model: &Model, docs: &[Doc]) {
    const NAMES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
    for d in docs {
        let pred = predict(model, d);
        let g: HashSet<(usize, usize, usize)> = d.gold.iter().map(|(r, t)| (r.start, r.end, *t)).collect();
        let p: HashSet<(usize, usize, usize)> = pred.iter().map(|(r, t)| (r.start, r.end, *t)).collect();
        let show = |a: usize, b: usize| -> String {
            let lo = a.saturating_sub(4);
            let hi = (b + 4).min(d.tokens.len());
            let mut s = String::new();
            for i in lo..hi {
                if i == a {
                    s.push('[');
                }
                s.push_str(d.tokens[i].text(&d.text));
                if i + 1 == b {
                    s.push(']');
                }
                s.push(' ');
            }
            s
        };
        for x in &g {
            if !p.contains(x) && x.2 < 3 {
                let got: Vec<String> = pred
                    .iter()
                    .filter(|(r, _)| r.start < x.1 && x.0 < r.end)
                    .map(|(r, t)| format!("{}:{}", NAMES[*t], show(r.start, r.end).trim()))
                    .collect();
                println!("MISS {} {}  || got {:?}", NAMES[x.2], show(x.0, x.1), got);
            }
        }
        for x in &p {
            if !g.contains(x) && x.2 < 3 && !d.gold.iter().any(|(r, _)| r.start < x.1 && x.0 < r.end) {
                println!("SPURIOUS {} {}", NAMES[x.2], show(x.0, x.1));
            }
        }
    }
}

/// A copy of `docs` whose gold PER spans follow a narrower convention: leading articles and the
/// given `titles` (folded words) removed, honorific abbreviations kept (`M.`, `Mme`), and
/// anything after a comma (appositions) dropped. HIPE-2020 includes functions and appositions
/// in PER mentions; this variant measures how much of the gap is that convention. `eval-ner`
/// passes no titles: the French model takes titles and functions into PER spans.
pub(crate) fn bare_person_gold(docs: &[Doc], titles: &HashSet<String>) -> Vec<Doc> {
    let mut out = docs.to_vec();
    for d in &mut out {
        let tok = |i: usize| crate::text::fold(d.tokens[i].text(&d.text));
        let mut gold = Vec::with_capacity(d.gold.len());
        for (r, ty) in &d.gold {
            let mut r = r.clone();
            if *ty == 0 {
                if let Some(c) = (r.start..r.end).find(|&i| matches!(tok(i).as_str(), "," | ";" | ":")) {
                    r.end = c;
                }
                while r.start + 1 < r.end {
                    let t = tok(r.start);
                    let article = matches!(
                        t.as_str(),
                        "le" | "la" | "les" | "l'" | "du" | "de" | "feu" | "jeune" | "." | "," | ";"
                    );
                    let honorific = super::data::HONORIFICS.contains(&t.as_str()) || matches!(t.as_str(), "m" | "mm");
                    if (titles.contains(&t) && !honorific) || article {
                        r.start += 1;
                    } else {
                        break;
                    }
                }
            }
            if r.start < r.end {
                gold.push((r, *ty));
            }
        }
        d.gold = gold;
    }
    out
}
