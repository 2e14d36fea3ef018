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
