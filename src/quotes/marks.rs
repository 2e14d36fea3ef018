//! Pairing quotation marks within each paragraph, including the broken cases of real copy:
//! a closing mark with no opening one, an opening with no closing, reversed and doubled marks,
//! straight quotes whose direction comes from context, and apostrophes that are not marks.

use crate::pipeline::Doc;
use crate::text::{is_quote_mark, sub, ByteSpan};

/// Families of marks: a mark closes only an opening of its own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Guillemet,
    CurlyDouble,
    StraightDouble,
    CurlySingle,
    StraightSingle,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

impl Family {
    /// Single-quote families: an unpaired one is far more likely an apostrophe than a quote.
    fn is_single(self) -> bool {
        matches!(self, Family::CurlySingle | Family::StraightSingle)
    }
}

/// What a mark may do, from its shape and the characters around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Close an open mark of its family if there is one, else open.
    CloseElseOpen,
    /// Close an open mark of its family if there is one, else nothing (an apostrophe).
    CloseOrIgnore,
}

/// A quotation mark: 8 bytes (a paragraph can hold a mark every few bytes).
#[derive(Debug, Clone, Copy)]
struct Mark {
    /// Byte offset; fits, as inputs are capped at 32 MiB.
    start: u32,
    /// Byte length of the mark's character.
    len: u8,
    family: Family,
    role: Role,
}

impl Mark {
    fn start(self) -> usize {
        self.start as usize
    }

    fn end(self) -> usize {
        self.start() + self.len as usize
    }
}

/// A quotation before attribution: its content and how its marks were found.
#[derive(Debug, Clone)]
pub(crate) struct RawQuote {
    /// Between the marks, whitespace trimmed.
    pub content: ByteSpan,
    /// From the opening mark (or content start) to the closing mark's end (or content end).
    pub outer: ByteSpan,
    pub paragraph: usize,
    /// The quote ran to the end of its paragraph without a closing mark.
    pub runs_on: bool,
}

fn is_open_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':') || is_quote_mark(c)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

fn classify(c: char, prev: Option<char>, next: Option<char>) -> Option<(Family, Role)> {
    let space_before = prev.is_none_or(|p| p.is_whitespace() || is_open_punct(p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || (n.is_ascii_punctuation() && n != '\'' && n != '"') || matches!(n, '…' | '»' | '”' | '’' | '›'));
    // Flanking, as in Markdown: an opening mark hugs the text after it, a closing one the text before.
    let opens = space_before && !space_after;
    let closes = !space_before && space_after;
    let inside_word = prev.is_some_and(is_word) && next.is_some_and(is_word);
    use Family::*;
    use Role::*;
    Some(match c {
        '«' => (Guillemet, if closes { CloseElseOpen } else { Open }),
        '»' => (Guillemet, if opens { CloseElseOpen } else { Close }),
        '„' | '‟' => (CurlyDouble, Open),
        '“' => (CurlyDouble, if closes { CloseElseOpen } else { Open }),
        '”' => (CurlyDouble, if opens { CloseElseOpen } else { Close }),
        '"' => {
            if inside_word {
                return None;
            }
            if prev.is_some_and(|p| p.is_ascii_digit()) {
                return Some((StraightDouble, CloseOrIgnore)); // `posts 250 and 251",` — or 12" (inches)
            }
            (StraightDouble, if opens { Open } else if closes { Close } else { CloseElseOpen })
        }
        '‹' => (SingleGuillemet, Open),
        '›' => (SingleGuillemet, Close),
        '「' => (Corner, Open),
        '」' => (Corner, Close),
        '『' => (WhiteCorner, Open),
        '』' => (WhiteCorner, Close),
        '‚' => (CurlySingle, Open),
        '‘' | '’' | '\'' => {
            let family = if c == '\'' { StraightSingle } else { CurlySingle };
            if inside_word || (prev.is_some_and(is_word) && next.is_some_and(|n| !n.is_whitespace() && !n.is_ascii_punctuation())) {
                return None; // l’Ukraine, don't
            }
            if opens {
                (family, Open)
            } else if closes {
                (family, CloseOrIgnore) // also Thomas' : an apostrophe unless a quote is open
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

/// Finds the quotations of every paragraph that `keep` accepts. They are filtered as they are
/// found, so that unwanted ones never pile up (a text of one-word quotes holds one every few
/// bytes).
pub(crate) fn find(doc: &Doc, keep: impl Fn(&RawQuote) -> bool) -> Vec<RawQuote> {
    let mut out = Vec::new();
    for (p, para) in doc.paragraphs().iter().map(|s| s.range()).enumerate() {
        pair_paragraph(doc.text, para, p, &keep, &mut out);
    }
    out
}

fn marks_of(text: &str, para: &ByteSpan) -> Vec<Mark> {
    let s = sub(text, para.clone());
    let mut marks = Vec::new();
    // Every quote mark starts with one of these bytes (ASCII `"` `'`, or the first byte of
    // U+00AB/U+00BB, U+2018–U+203A, U+300C–U+300F): the other bytes need no decoding.
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if !matches!(b, b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3) {
            continue;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()).filter(|&c| is_quote_mark(c)) else { continue };
        let prev = sub(s, ..i).chars().next_back();
        let next = sub(s, i + c.len_utf8()..).chars().next();
        if let Some((family, role)) = classify(c, prev, next) {
            // `len_utf8` is at most 4.
            marks.push(Mark { start: (para.start + i) as u32, len: c.len_utf8() as u8, family, role });
        }
    }
    marks
}

/// How deep to look for the opening mark a closing one matches.
const MAX_NESTING: usize = 16;

fn pair_paragraph(text: &str, para: ByteSpan, p: usize, keep: &impl Fn(&RawQuote) -> bool, out: &mut Vec<RawQuote>) {
    let marks = marks_of(text, &para);
    let mut stack: Vec<Mark> = Vec::new();
    // Where a quote with a missing opening mark may start: the paragraph start, or just after
    // the last quote closed in this paragraph.
    let mut segment_start = para.start;
    let emit = |open_end: usize, close_start: usize, outer: ByteSpan, runs_on: bool, out: &mut Vec<RawQuote>| {
        if let Some(content) = trim(text, open_end..close_start) {
            let q = RawQuote { content, outer, paragraph: p, runs_on };
            if keep(&q) {
                out.push(q);
            }
        }
    };
    // How many marks that can close each family remain after the current one: all of them,
    // less those seen so far (linear time and constant memory, even for a paragraph of
    // 100,000 marks).
    let mut closers_left = [0usize; 8];
    for m in marks.iter().filter(|m| m.role != Role::Open) {
        closers_left[m.family as usize] += 1;
    }
    let mut open_count = [0usize; 8];
    for (idx, &m) in marks.iter().enumerate() {
        if m.role != Role::Open {
            closers_left[m.family as usize] -= 1;
        }
        // Real nesting is shallow: looking at the innermost few opens keeps this linear.
        let floor = stack.len().saturating_sub(MAX_NESTING);
        let open_at = stack[floor..].iter().rposition(|o| o.family == m.family).map(|k| k + floor);
        let role = match m.role {
            // `« … « …`: a second opening with no closing mark left for either is a closing one.
            Role::Open if open_at.is_some() && closers_left[m.family as usize] <= open_count[m.family as usize] => Role::Close,
            Role::CloseElseOpen => {
                if open_at.is_some() {
                    Role::Close
                } else {
                    Role::Open
                }
            }
            Role::CloseOrIgnore if open_at.is_none() => continue,
            // `communities," For example … ".`: straight marks alternate, so a closing-looking
            // one with nothing open, followed by another closing one, is really an opening.
            Role::Close if m.family == Family::StraightDouble && open_at.is_none() && next_straight_closes(&marks[idx + 1..]) => Role::Open,
            r => r,
        };
        match role {
            Role::Open => {
                open_count[m.family as usize] += 1;
                stack.push(m);
            }
            _ => match open_at {
                Some(k) => {
                    let open = stack[k];
                    for o in stack.drain(k..) {
                        open_count[o.family as usize] -= 1;
                    }
                    if k == 0 {
                        emit(open.end(), m.start(), open.start()..m.end(), false, out);
                        segment_start = m.end();
                    }
                }
                None if stack.is_empty() && !m.family.is_single() => {
                    // A closing mark with nothing open: the quote began at the segment start.
                    let from = skip_leading_punct(text, segment_start..m.start());
                    emit(from, m.start(), from..m.end(), false, out);
                    segment_start = m.end();
                }
                None => {}
            },
        }
    }
    // An opening never closed runs to the end of the paragraph (double marks only).
    if let Some(open) = stack.first().filter(|o| !o.family.is_single()) {
        emit(open.end(), para.end, open.start()..para.end, true, out);
    }
}

fn next_straight_closes(rest: &[Mark]) -> bool {
    rest.iter().find(|o| o.family == Family::StraightDouble).is_some_and(|o| o.role != Role::Open)
}

/// Skips the separators left between a previous quote and the next stretch of text.
fn skip_leading_punct(text: &str, r: ByteSpan) -> usize {
    let s = sub(text, r.clone());
    r.start + (s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.')).len())
}

/// Trims whitespace; `None` if nothing with a letter or digit is left.
fn trim(text: &str, r: ByteSpan) -> Option<ByteSpan> {
    if r.start >= r.end {
        return None;
    }
    let s = sub(text, r.clone());
    let lead = s.len() - s.trim_start().len();
    let inner = s.trim();
    if !inner.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(r.start + lead..r.start + lead + inner.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        let doc = Doc::new(text);
        find(&doc, |_| true).into_iter().map(|q| &text[q.content]).collect()
    }

    #[test]
    fn every_mark_style() {
        assert_eq!(quotes("Il a dit « oui » puis\u{a0}«\u{202f}non\u{202f}»."), ["oui", "non"]);
        assert_eq!(quotes("He said “yes” and \"no\" and ‘maybe’."), ["yes", "no", "maybe"]);
        assert_eq!(quotes("Er sagte „ja“ und ‚nein‘ und ‹ vielleicht ›."), ["ja", "nein", "vielleicht"]);
        assert_eq!(quotes("他说「好」和『不』"), ["好", "不"]);
    }

    #[test]
    fn nested_quotes_keep_the_outer_one() {
        assert_eq!(quotes("« Sa réponse, c'est 'not yet' ... rien de plus », dit-il."), ["Sa réponse, c'est 'not yet' ... rien de plus"]);
        assert_eq!(quotes("“He called it ‘a farce’ today,” she said."), ["He called it ‘a farce’ today,"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(quotes("l’Ukraine qu’il aujourd’hui don't Thomas' car l'OTAN").is_empty());
        assert_eq!(quotes("Thomas' car was 'fine', he said."), ["fine"]);
    }

    #[test]
    fn closing_mark_without_opening_starts_at_paragraph_start() {
        let t = "Nous avons entendu. En effet, il me l’a répété », a déclaré Blinken.";
        assert_eq!(quotes(t), ["Nous avons entendu. En effet, il me l’a répété"]);
    }

    #[test]
    fn opening_without_closing_runs_to_paragraph_end_and_next_paragraph_reopens() {
        let t = "« En établissant des relations, cela nous rendra plus sûrs.\n« Il est temps. »";
        let doc = Doc::new(t);
        let q = find(&doc, |_| true);
        assert_eq!(q.len(), 2);
        assert_eq!(&t[q[0].content.clone()], "En établissant des relations, cela nous rendra plus sûrs.");
        assert!(q[0].runs_on);
        assert_eq!(&t[q[1].content.clone()], "Il est temps.");
    }

    #[test]
    fn reversed_and_doubled_marks() {
        assert_eq!(quotes("Elle dira que « le Kremlin » et qu' »une invasion sera longue »."), ["le Kremlin", "une invasion sera longue"]);
        assert_eq!(quotes("Il a dit « c'est fini « et il est parti."), ["c'est fini"]);
    }

    #[test]
    fn straight_quote_direction_from_context() {
        assert_eq!(quotes("\"A,\" he said. \"B.\""), ["A,", "B."]);
        assert_eq!(quotes("a 12\" pipe and \"quoted\""), ["quoted"]);
        assert_eq!(quotes("kits for communities,\" For example, schools can run it\"."), ["For example, schools can run it"]);
        assert_eq!(quotes("\"Posts 250 and 251\", said KCNA."), ["Posts 250 and 251"]);
        assert_eq!(quotes("The council puts its staff on 'winter footing'"), ["winter footing"]);
    }

    #[test]
    fn one_bad_mark_does_not_spoil_the_rest() {
        let t = "Premier » paragraphe.\nIl a dit « oui ».\nEt « non ».";
        assert_eq!(quotes(t), ["Premier", "oui", "non"]);
    }
}
