//! Readers for the training and evaluation corpora: CoNLL columns (`token<TAB>IOB2`) and brat
//! standoff (`.txt` + `.ann`), both turned into documents tokenized like the analyser's input.

use std::fs;
use std::ops::Range;
use std::path::Path;

use crate::ner::features::fnv;
use crate::ner::tags::{self, O};
use crate::text::{self, Token, TokenKind};

/// One document with gold entities.
#[derive(Clone)]
pub(crate) struct Doc {
    pub name: String,
    pub text: String,
    pub tokens: Vec<Token>,
    /// Token-index ranges.
    pub sentences: Vec<Range<usize>>,
    /// Gold entities of the scored and trained types (type index into [`tags::TYPES`]).
    pub gold: Vec<(Range<usize>, usize)>,
}

impl Doc {
    /// Gold BILOU tags; entities crossing a sentence boundary are left out.
    pub(crate) fn gold_tags(&self) -> Vec<u8> {
        let mut t = vec![O; self.tokens.len()];
        for (r, ty) in &self.gold {
            if self.sentences.iter().any(|s| s.start <= r.start && r.end <= s.end) {
                tags::write_span(&mut t, r.clone(), *ty);
            }
        }
        t
    }

    pub(crate) fn n_tokens(&self) -> usize {
        self.tokens.len()
    }
}

/// The kind the tokenizer would give a pre-tokenized string.
pub(crate) fn classify(tok: &str) -> TokenKind {
    let t = text::tokenize(tok);
    if t.len() == 1 && t[0].start() == 0 && t[0].end() == tok.len() {
        return t[0].kind();
    }
    let mut chars = tok.chars();
    let last = chars.next_back();
    if last.is_some_and(text::is_apostrophe)
        && !chars.as_str().is_empty()
        && chars.as_str().chars().all(char::is_alphabetic)
    {
        return TokenKind::Elision;
    }
    match tok.chars().next() {
        Some(c) if c.is_ascii_digit() => TokenKind::Number,
        Some(c) if c.is_alphanumeric() => TokenKind::Word,
        Some(c) if text::is_quote_mark(c) => TokenKind::QuoteMark,
        _ => TokenKind::Punct,
    }
}

/// Maps a label (`PER`, `Person`, `LOC`…) to a type index; `None` for types not tagged.
pub(crate) fn label_type(label: &str) -> Option<usize> {
    match label {
        "PER" | "Person" | "pers" => Some(0),
        "ORG" | "Organization" | "org" => Some(1),
        "LOC" | "Location" | "loc" => Some(2),
        "MISC" | "Event" | "Product" => Some(3),
        _ => None,
    }
}

/// One CoNLL document as read: sentences of (token, label).
struct RawDoc {
    name: String,
    sents: Vec<Vec<(String, String)>>,
}

fn parse_conll(path: &Path, sentences_per_doc: Option<usize>) -> Result<Vec<RawDoc>, String> {
    let data = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs: Vec<RawDoc> = Vec::new();
    let mut cur = RawDoc { name: "d0".into(), sents: Vec::new() };
    let mut sent: Vec<(String, String)> = Vec::new();
    for line in data.lines() {
        if let Some(rest) = line.strip_prefix("# doc =").or_else(|| line.strip_prefix("-DOCSTART-")) {
            if !sent.is_empty() {
                cur.sents.push(std::mem::take(&mut sent));
            }
            let old = std::mem::replace(&mut cur, RawDoc { name: rest.trim().to_string(), sents: Vec::new() });
            if !old.sents.is_empty() {
                docs.push(old);
            }
            continue;
        }
        if line.starts_with('#') && !line.contains('\t') {
            continue;
        }
        if line.trim().is_empty() {
            if !sent.is_empty() {
                cur.sents.push(std::mem::take(&mut sent));
            }
            if let Some(k) = sentences_per_doc {
                if cur.sents.len() >= k {
                    let name = format!("{}-{}", cur.name, docs.len());
                    let old = std::mem::replace(&mut cur, RawDoc { name, sents: Vec::new() });
                    docs.push(old);
                }
            }
            continue;
        }
        let mut cols = line.split('\t');
        let tok = cols.next().unwrap_or("").trim().to_string();
        let label = cols.next_back().unwrap_or("O").trim().to_string();
        if tok.is_empty() {
            continue;
        }
        sent.push((tok, label));
    }
    if !sent.is_empty() {
        cur.sents.push(sent);
    }
    if !cur.sents.is_empty() {
        docs.push(cur);
    }
    Ok(docs)
}

/// Entity spans of an IOB2 sentence as (first token, end token, label type).
fn iob_spans(sent: &[(String, String)]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (k, (_, label)) in sent.iter().enumerate() {
        let (prefix, ty) = match label.split_once('-') {
            Some((p, t)) => (p, t.to_string()),
            None => (label.as_str(), String::new()),
        };
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, t)| *t == ty);
        if !continues {
            if let Some((s, t)) = open.take() {
                out.push((s, k, t));
            }
            if prefix == "B" || prefix == "I" {
                open = Some((k, ty));
            }
        }
    }
    if let Some((s, t)) = open.take() {
        out.push((s, sent.len(), t));
    }
    out
}

/// Reads a CoNLL file: `# doc =` lines start documents, blank lines end sentences; the given
/// tokens are kept, the text is rebuilt with single spaces, one sentence per line.
/// `sentences_per_doc` cuts long documents into pieces.
pub(crate) fn read_conll(path: &Path, sentences_per_doc: Option<usize>) -> Result<Vec<Doc>, String> {
    let raw = parse_conll(path, sentences_per_doc)?;
    Ok(raw
        .into_iter()
        .map(|r| {
            let mut b = DocBuilder::new(r.name);
            for s in &r.sents {
                b.push_sentence(s);
            }
            b.finish()
        })
        .collect())
}

fn no_space_before(tok: &str, prev: &str) -> bool {
    let lone_apostrophe = tok.chars().count() == 1 && tok.chars().all(text::is_apostrophe);
    matches!(tok, "," | "." | ";" | ":" | ")" | "]" | "}" | "!" | "?" | "..." | "%" | "»")
        || tok.starts_with(|c: char| text::is_apostrophe(c)) && tok.chars().count() > 1
        || lone_apostrophe && prev.chars().last().is_some_and(char::is_alphabetic)
}

fn no_space_after(tok: &str) -> bool {
    matches!(tok, "(" | "[" | "{" | "«") || tok.chars().count() == 1 && tok.chars().all(text::is_apostrophe)
}

/// Reads a CoNLL file as raw text: the tokens are joined back into text the way it was
/// probably printed (no space before `,` `.` `)`, none around apostrophes and word-internal
/// hyphens), then segmented by the crate's own tokenizer and sentence splitter, as the
/// analyser would see it. Gold spans are mapped by character offsets (to the covering
/// tokens when a boundary falls inside a token; counted in the returned number).
pub(crate) fn read_conll_as_text(path: &Path) -> Result<(Vec<Doc>, usize), String> {
    let raw = parse_conll(path, None)?;
    let mut docs = Vec::new();
    let mut misaligned = 0;
    for r in raw {
        let mut text = String::new();
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for s in &r.sents {
            if !text.is_empty() {
                text.push('\n');
            }
            let mut offs = Vec::with_capacity(s.len());
            for (k, (tok, _)) in s.iter().enumerate() {
                if k > 0 {
                    let prev = s[k - 1].0.as_str();
                    let inner_hyphen = |j: usize| {
                        s[j].0 == "-"
                            && j > 0
                            && s[j - 1].0.chars().last().is_some_and(char::is_alphanumeric)
                            && s.get(j + 1).is_some_and(|n| n.0.chars().next().is_some_and(char::is_alphanumeric))
                    };
                    let hyphen_join = inner_hyphen(k) || inner_hyphen(k - 1);
                    if !(no_space_before(tok, prev) || no_space_after(prev) || hyphen_join) {
                        text.push(' ');
                    }
                }
                let a = text.len();
                text.push_str(tok);
                offs.push((a, text.len()));
            }
            for (a, b, ty) in iob_spans(s) {
                if let Some(t) = label_type(&ty) {
                    spans.push((offs[a].0, offs[b - 1].1, t));
                }
            }
        }
        let (tokens, sentences) = segment(&text);
        let mut gold = Vec::new();
        for (a, b, ty) in spans {
            let first = tokens.partition_point(|t| t.end() <= a);
            let last = tokens.partition_point(|t| t.start() < b);
            if first >= last {
                // No token at all (whitespace only): an unmatchable gold span, still counted.
                misaligned += 1;
                gold.push((first..first, ty));
                continue;
            }
            if tokens[first].start() != a || tokens[last - 1].end() != b {
                misaligned += 1;
            }
            gold.push((first..last, ty));
        }
        docs.push(Doc { name: r.name, text, tokens, sentences, gold });
    }
    Ok((docs, misaligned))
}

struct DocBuilder {
    name: String,
    text: String,
    tokens: Vec<Token>,
    sentences: Vec<Range<usize>>,
    gold: Vec<(Range<usize>, usize)>,
}

impl DocBuilder {
    fn new(name: String) -> DocBuilder {
        DocBuilder { name, text: String::new(), tokens: Vec::new(), sentences: Vec::new(), gold: Vec::new() }
    }

    fn push_sentence(&mut self, sent: &[(String, String)]) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        let first = self.tokens.len();
        for (k, (tok, _)) in sent.iter().enumerate() {
            if k > 0 {
                self.text.push(' ');
            }
            let start = self.text.len();
            self.text.push_str(tok);
            self.tokens.push(Token::new(start, self.text.len(), classify(tok)));
        }
        for (a, b, ty) in iob_spans(sent) {
            if let Some(t) = label_type(&ty) {
                self.gold.push((first + a..first + b, t));
            }
        }
        self.sentences.push(first..self.tokens.len());
    }

    fn finish(self) -> Doc {
        Doc { name: self.name, text: self.text, tokens: self.tokens, sentences: self.sentences, gold: self.gold }
    }
}

/// Tokens and sentences of raw text, exactly as the analysis pipeline segments it.
pub(crate) fn segment(text: &str) -> (Vec<Token>, Vec<Range<usize>>) {
    let doc = crate::pipeline::Doc::new(text);
    let sentences = doc.sentences.iter().map(|s| s.tokens()).filter(|r| !r.is_empty()).collect();
    (doc.tokens, sentences)
}

/// Counts of what happened while reading brat files.
#[derive(Default, Debug)]
pub(crate) struct BratStats {
    pub files: usize,
    pub entities: usize,
    pub dropped_type: usize,
    pub nested: usize,
    pub partial_token: usize,
    pub cross_sentence: usize,
}

/// Reads one brat document (`name.txt` + `name.ann`).
pub(crate) fn read_brat(txt: &Path, stats: &mut BratStats) -> Result<Doc, String> {
    let text = fs::read_to_string(txt).map_err(|e| format!("{}: {e}", txt.display()))?;
    let ann_path = txt.with_extension("ann");
    let ann = fs::read_to_string(&ann_path).map_err(|e| format!("{}: {e}", ann_path.display()))?;
    // Character offsets to byte offsets.
    let mut char_to_byte: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    char_to_byte.push(text.len());
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for line in ann.lines() {
        if !line.starts_with('T') {
            continue;
        }
        let mut cols = line.split('\t');
        let _id = cols.next();
        let Some(mid) = cols.next() else { continue };
        let mut parts = mid.split([' ', ';']);
        let ty = parts.next().unwrap_or("");
        let nums: Vec<usize> = parts.filter_map(|p| p.parse().ok()).collect();
        let (Some(&a), Some(&b)) = (nums.iter().min(), nums.iter().max()) else { continue };
        stats.entities += 1;
        let Some(ti) = label_type(ty) else {
            stats.dropped_type += 1;
            continue;
        };
        let (Some(&ba), Some(&bb)) = (char_to_byte.get(a), char_to_byte.get(b)) else { continue };
        if ba < bb {
            spans.push((ba, bb, ti));
        }
    }
    // Outermost spans first: by start, longest first; drop contained or crossing spans.
    spans.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for s in spans {
        if kept.last().is_some_and(|k| s.0 < k.1) {
            stats.nested += 1;
            continue;
        }
        kept.push(s);
    }
    let (tokens, sentences) = segment(&text);
    let mut gold: Vec<(Range<usize>, usize)> = Vec::new();
    for (a, b, ty) in kept {
        let first = tokens.partition_point(|t| t.end() <= a);
        let last = tokens.partition_point(|t| t.start() < b);
        if first >= last {
            continue;
        }
        if tokens[first].start() != a || tokens[last - 1].end() != b {
            stats.partial_token += 1;
        }
        if gold.last().is_some_and(|g| first < g.0.end) {
            stats.nested += 1;
            continue;
        }
        if !sentences.iter().any(|s| s.start <= first && last <= s.end) {
            stats.cross_sentence += 1;
        }
        gold.push((first..last, ty));
    }
    stats.files += 1;
    let name = txt.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Doc { name, text, tokens, sentences, gold })
}

/// Which part of a brat corpus a file belongs to, by a hash of its name: 10 % held out for
/// reporting, 10 % development, 80 % training.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Split {
    Train,
    Dev,
    Heldout,
}

pub(crate) fn split_of(name: &str) -> Split {
    match fnv(name.as_bytes()) % 10 {
        0 => Split::Heldout,
        1 => Split::Dev,
        _ => Split::Train,
    }
}

/// Reads every `*.txt` with its `.ann` in `dir` (sorted by name) whose split is in `which`.
pub(crate) fn read_brat_dir(dir: &Path, which: &[Split], stats: &mut BratStats) -> Result<Vec<Doc>, String> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.with_extension("ann").is_file())
        .collect();
    names.sort();
    let mut docs = Vec::new();
    for p in names {
        let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if which.contains(&split_of(&stem)) {
            docs.push(read_brat(&p, stats)?);
        }
    }
    Ok(docs)
}

/// French honorific abbreviations that may open a person's mention (`M. Dupont`).
pub(crate) const HONORIFICS: &[&str] = &["m.", "mm.", "mme", "mmes", "mlle", "mlles", "me", "mgr", "dr", "dr.", "pr"];

/// Extends gold PER spans over a directly preceding honorific in the same sentence, so that the
/// model learns `M. Dupont` as one mention (as HIPE and most French guidelines annotate it).
/// Returns how many spans were extended.
pub(crate) fn include_honorifics(docs: &mut [Doc]) -> usize {
    let mut n = 0;
    for d in docs {
        let starts: Vec<usize> = d.sentences.iter().map(|s| s.start).collect();
        for (r, ty) in &mut d.gold {
            if *ty != 0 || r.start == 0 || starts.contains(&r.start) {
                continue;
            }
            let prev = text::fold(d.tokens[r.start - 1].text(&d.text));
            if HONORIFICS.contains(&prev.as_str()) {
                r.start -= 1;
                n += 1;
            }
        }
        // Keep spans non-overlapping.
        d.gold.sort_by_key(|g| g.0.start);
        let mut kept: Vec<(Range<usize>, usize)> = Vec::with_capacity(d.gold.len());
        for g in d.gold.drain(..) {
            if kept.last().is_some_and(|k| g.0.start < k.0.end) {
                continue;
            }
            kept.push(g);
        }
        d.gold = kept;
    }
    n
}

/// Folded token sequences of the French titles and functions written before a person's name:
/// `data/gazetteer/fr/title.txt` and the nouns of `data/roles/fr.txt` (project lists), less the
/// honorific abbreviations (handled by [`include_honorifics`]).
pub(crate) fn french_titles(gazetteer_dir: &Path, roles_file: &Path) -> Result<Vec<Vec<String>>, String> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for (path, tabbed) in [(gazetteer_dir.join("fr/title.txt"), false), (roles_file.to_path_buf(), true)] {
        let s = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for line in s.lines() {
            let line = line.split('#').next().unwrap_or("");
            let entry = if tabbed { line.split('\t').next().unwrap_or("") } else { line }.trim();
            if entry.is_empty() {
                continue;
            }
            let toks: Vec<String> = text::tokenize(entry).iter().map(|t| text::fold(t.text(entry))).collect();
            let honorific = toks.len() == 1 && (HONORIFICS.contains(&toks[0].as_str()) || matches!(toks[0].as_str(), "m" | "mm"));
            if toks.is_empty() || honorific || out.contains(&toks) {
                continue;
            }
            out.push(toks);
        }
    }
    // Longest first, so that `conseiller fédéral` wins over `conseiller`.
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    Ok(out)
}

/// Extends gold PER spans over directly preceding titles and functions in the same sentence
/// (`maréchal Haig`, `conseiller fédéral Motta`, `M. le président Dupont` stays `président
/// Dupont` with its honorific only when it touches), as HIPE-2020 and most French guidelines
/// annotate them; WiNER leaves them out. At most `max_titles` title phrases are taken.
/// Returns how many spans were extended.
pub(crate) fn include_titles(docs: &mut [Doc], titles: &[Vec<String>], max_titles: usize) -> usize {
    let mut n = 0;
    for d in docs {
        let folded: Vec<String> = d.tokens.iter().map(|t| text::fold(t.text(&d.text))).collect();
        let sentence_start = |i: usize| {
            let k = d.sentences.partition_point(|s| s.end <= i);
            d.sentences.get(k).map_or(i, |s| s.start)
        };
        let mut spans: Vec<(usize, usize)> = d.gold.iter().map(|(r, _)| (r.start, r.end)).collect();
        spans.sort();
        for (r, ty) in &mut d.gold {
            if *ty != 0 {
                continue;
            }
            let lo = sentence_start(r.start);
            let mut start = r.start;
            let mut taken = 0;
            'outer: while taken < max_titles {
                for t in titles {
                    if start < lo + t.len() || folded[start - t.len()..start] != t[..] {
                        continue;
                    }
                    let a = start - t.len();
                    // Not into another gold mention.
                    if spans.iter().any(|&(s, e)| s < start && a < e && (s, e) != (r.start, r.end)) {
                        break 'outer;
                    }
                    start = a;
                    taken += 1;
                    continue 'outer;
                }
                break;
            }
            // An honorific just before the title belongs to the mention too (`M. le` does not).
            if start < r.start {
                if start > lo && HONORIFICS.contains(&folded[start - 1].as_str()) {
                    start -= 1;
                }
                r.start = start;
                n += 1;
            }
        }
    }
    n
}

/// Training augmentation for old printed and OCR'd text (generic, not taken from any
/// evaluation set): copies of the training documents, rebuilt from their tokens (single spaces,
/// one sentence a line), with
/// - `split`: the share of copies tokenized the way many CoNLL-style corpora are, with
///   apostrophes, word-internal hyphens and abbreviation periods as tokens of their own
///   (`l ' homme`, `Jean - Pierre`, `M . Dupont`);
/// - `ocr`: the share of words with one OCR-like character error (`e`/`c`, `n`/`u`, `rn`/`m`,
///   `l`/`1`/`I`, a dropped accent, a stray `_` or `-`);
/// - `caps`: the share of sentences printed in capitals (headlines).
///
/// A copy keeps its document's name, so it falls in the same jack-knife fold.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Augment {
    pub copies: usize,
    pub split: f64,
    pub ocr: f64,
    pub caps: f64,
    /// Whether split copies also split word-internal hyphens (`Jean - Pierre`): the pieces then
    /// look like a spaced dash between two names (`Roumanie - Albanie`).
    pub hyphens: bool,
}

impl Augment {
    /// Parses `copies=1,split=0.5,ocr=0.05,caps=0.05`.
    pub(crate) fn parse(s: &str) -> Result<Augment, String> {
        let mut a = Augment { copies: 1, ..Augment::default() };
        for part in s.split(',').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').ok_or_else(|| format!("bad --augment part {part}"))?;
            let bad = || format!("bad --augment value {part}");
            match k {
                "copies" => a.copies = v.parse().map_err(|_| bad())?,
                "split" => a.split = v.parse().map_err(|_| bad())?,
                "ocr" => a.ocr = v.parse().map_err(|_| bad())?,
                "caps" => a.caps = v.parse().map_err(|_| bad())?,
                "hyphens" => a.hyphens = v.parse().map_err(|_| bad())?,
                _ => return Err(format!("unknown --augment key {k}")),
            }
        }
        Ok(a)
    }
}

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn chance(&mut self, p: f64) -> bool {
        p > 0.0 && ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces of a token in a split tokenization: apostrophes, hyphens between letters and a final
/// abbreviation period become tokens of their own.
fn split_pieces(tok: &str, hyphens: bool) -> Vec<String> {
    let chars: Vec<char> = tok.chars().collect();
    if chars.len() < 2 || !chars.iter().any(|c| c.is_alphabetic()) {
        return vec![tok.to_string()];
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_letters = i > 0 && i + 1 < chars.len() && chars[i - 1].is_alphabetic() && chars[i + 1].is_alphabetic();
        let abbrev_period = c == '.' && i + 1 == chars.len() && i > 0 && chars[i - 1].is_alphabetic();
        let elision_end = text::is_apostrophe(c) && i + 1 == chars.len() && i > 0;
        if (text::is_apostrophe(c) && (between_letters || elision_end)) || (hyphens && c == '-' && between_letters) || abbrev_period {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// One OCR-like error in `w` (a word of letters).
fn ocr_noise(w: &str, rng: &mut Rng) -> String {
    const SWAPS: &[(&str, &str)] = &[
        ("e", "c"),
        ("c", "e"),
        ("n", "u"),
        ("u", "n"),
        ("m", "rn"),
        ("rn", "m"),
        ("l", "1"),
        ("l", "I"),
        ("i", "l"),
        ("t", "l"),
        ("o", "0"),
        ("h", "b"),
        ("s", "a"),
        ("a", "s"),
        ("é", "e"),
        ("è", "e"),
        ("à", "a"),
        ("ô", "o"),
        ("f", "t"),
        ("e", "é"),
        ("ii", "u"),
        ("d", "cl"),
    ];
    let chars: Vec<(usize, char)> = w.char_indices().collect();
    if chars.len() < 3 {
        return w.to_string();
    }
    match rng.below(8) {
        // A stray mark inside or after the word.
        0 => {
            let (b, _) = chars[1 + rng.below(chars.len() - 1)];
            let mark = if rng.below(2) == 0 { "_" } else { "-" };
            format!("{}{}{}", &w[..b], mark, &w[b..])
        }
        // A dropped letter.
        1 => {
            let (b, c) = chars[1 + rng.below(chars.len() - 1)];
            format!("{}{}", &w[..b], &w[b + c.len_utf8()..])
        }
        _ => {
            let start = rng.below(SWAPS.len());
            for k in 0..SWAPS.len() {
                let (from, to) = SWAPS[(start + k) % SWAPS.len()];
                // Not on the first letter: capitals carry most of the signal and are printed larger.
                let hits: Vec<usize> = w.match_indices(from).map(|(i, _)| i).filter(|&i| i > 0).collect();
                if !hits.is_empty() {
                    let i = hits[rng.below(hits.len())];
                    return format!("{}{}{}", &w[..i], to, &w[i + from.len()..]);
                }
            }
            w.to_string()
        }
    }
}

/// Augmented copies of `docs` (see [`Augment`]); deterministic for a given `seed`.
pub(crate) fn augment(docs: &[Doc], a: &Augment, seed: u64) -> Vec<Doc> {
    let mut out = Vec::new();
    for copy in 0..a.copies {
        for d in docs {
            let mut rng = Rng(seed ^ fnv(d.name.as_bytes()) ^ (copy as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
            let split = rng.chance(a.split);
            let mut text = String::new();
            let mut tokens = Vec::with_capacity(d.tokens.len());
            let mut sentences = Vec::with_capacity(d.sentences.len());
            // New token index range of each old token.
            let mut map: Vec<Range<usize>> = vec![0..0; d.tokens.len()];
            for s in &d.sentences {
                if !text.is_empty() {
                    text.push('\n');
                }
                let caps = rng.chance(a.caps);
                let first = tokens.len();
                for i in s.clone() {
                    let orig = d.tokens[i].text(&d.text);
                    let mut w = orig.to_string();
                    if w.chars().count() >= 3 && w.chars().all(char::is_alphabetic) && rng.chance(a.ocr) {
                        w = ocr_noise(&w, &mut rng);
                    }
                    if caps {
                        w = w.to_uppercase();
                    }
                    let pieces = if split { split_pieces(&w, a.hyphens) } else { vec![w] };
                    let a0 = tokens.len();
                    for p in pieces {
                        if tokens.len() > first {
                            text.push(' ');
                        }
                        let start = text.len();
                        text.push_str(&p);
                        tokens.push(Token::new(start, text.len(), classify(&p)));
                    }
                    map[i] = a0..tokens.len();
                }
                sentences.push(first..tokens.len());
            }
            let gold = d
                .gold
                .iter()
                .filter(|(r, _)| r.start < r.end && r.end <= map.len())
                .map(|(r, t)| (map[r.start].start..map[r.end - 1].end, *t))
                .collect();
            out.push(Doc { name: d.name.clone(), text, tokens, sentences, gold });
        }
    }
    out
}

/// Country short forms printed in French-language sports results (`(Esp)`, `(It)`, `(SUI)`),
/// written for article-lens from common newspaper usage; they are places (LOC).
const RESULT_COUNTRIES: &[&str] = &[
    "S", "Fr", "It", "Esp", "All", "Aut", "Be", "Ho", "GB", "EU", "Dan", "No", "Su", "Fin", "Pol", "Tch", "Slq", "Slo",
    "Cro", "Rus", "Ukr", "Kaz", "Col", "Ven", "Arg", "Bré", "Can", "Aus", "Jap", "Lux", "Irl", "Por", "SUI", "FRA",
    "ITA", "ESP", "GER", "AUT", "BEL", "NED", "GBR", "USA", "NOR", "SWE", "FIN", "CZE", "SVK", "SLO", "POL", "RUS",
    "CAN", "JPN", "LUX", "POR", "Suisse", "France", "Italie", "Espagne", "Allemagne", "Autriche", "Belgique",
    "Norvège", "Suède", "Canada", "États-Unis", "Pays-Bas",
];

/// Synthetic sports results in the layout French-language newspapers print them (`3. Dupont
/// (Fr) à 1'12"`, `12. Jean Martin (S) m.t.`), with persons drawn from the training mentions:
/// a layout that news training text rarely has. `n` documents; deterministic for `seed`.
pub(crate) fn results_tables(docs: &[Doc], n: usize, seed: u64) -> Vec<Doc> {
    // Two-word person mentions of the training data, as (first name, surname).
    let mut people: Vec<(String, String)> = Vec::new();
    for d in docs {
        for (r, ty) in &d.gold {
            if *ty != 0 || r.len() != 2 {
                continue;
            }
            let (a, b) = (d.tokens[r.start].text(&d.text), d.tokens[r.start + 1].text(&d.text));
            let name_like = |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-');
            if name_like(a) && name_like(b) && !HONORIFICS.contains(&text::fold(a).as_str()) {
                people.push((a.to_string(), b.to_string()));
            }
        }
    }
    people.sort();
    people.dedup();
    if people.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng(seed ^ 0x007A_B1E5);
    let mut out = Vec::new();
    for k in 0..n {
        let mut text = String::new();
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        let heads = ["Classement", "Classement général", "Résultats", "Classement de l'étape", "Messieurs", "Dames"];
        text.push_str(heads[rng.below(heads.len())]);
        text.push_str(" : ");
        let lines = 4 + rng.below(10);
        let layout = rng.below(4);
        let mut rank = 1 + if rng.below(3) == 0 { rng.below(120) } else { 0 };
        for _ in 0..lines {
            let (first, last) = &people[rng.below(people.len())];
            let country = RESULT_COUNTRIES[rng.below(RESULT_COUNTRIES.len())];
            text.push_str(&format!("{rank}. "));
            let a = text.len();
            if layout == 1 || (layout == 3 && rng.below(2) == 0) {
                text.push_str(first);
                text.push(' ');
            } else if layout == 2 && rng.below(4) == 0 {
                text.push_str(&first[..first.chars().next().map_or(0, char::len_utf8)]);
                text.push_str(". ");
            }
            text.push_str(last);
            spans.push((a, text.len(), 0));
            if rng.below(5) > 0 {
                text.push_str(" (");
                let c = text.len();
                text.push_str(country);
                spans.push((c, text.len(), 2));
                text.push(')');
            }
            let time = match rng.below(5) {
                0 => format!(" {}h{:02}'{:02}\"", 1 + rng.below(6), rng.below(60), rng.below(60)),
                1 => format!(" à {}\"", 1 + rng.below(59)),
                2 => format!(" à {}'{:02}\"", rng.below(30), rng.below(60)),
                3 => " m.t.".to_string(),
                _ => format!(" {} pts", 5 + rng.below(200)),
            };
            text.push_str(&time);
            text.push_str(if rng.below(2) == 0 { ". " } else { "\n" });
            rank += 1 + if rng.below(6) == 0 { rng.below(20) } else { 0 };
        }
        let (tokens, sentences) = segment(&text);
        let mut gold = Vec::new();
        for (a, b, ty) in spans {
            let first = tokens.partition_point(|t| t.end() <= a);
            let last = tokens.partition_point(|t| t.start() < b);
            if first < last && tokens[first].start() == a && tokens[last - 1].end() == b {
                gold.push((first..last, ty));
            }
        }
        out.push(Doc { name: format!("results-table-{k}"), text, tokens, sentences, gold });
    }
    out
}
