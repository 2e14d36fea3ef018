//! Paragraphs, sentences and tokens over the original text.
//!
//! Everything here works on byte offsets into the caller's `&str`: nothing is normalised into a
//! copy, so every span maps back to the input exactly. Variants of apostrophes and quote marks
//! are unified only when *comparing* (see [`fold_char`]), never in the spans themselves.

use std::ops::Range;

/// A byte range into the analysed text.
pub(crate) type ByteSpan = Range<usize>;

/// What a token is, as far as the later stages care. The discriminants are the codes packed
/// into [`Token`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (and inner hyphens / apostrophes / dots of abbreviations).
    Word = 0,
    /// Digits, with inner spaces (`100 000`), commas or dots (`14,000`, `3.5`).
    Number = 1,
    /// A French elided article or pronoun, apostrophe included (`l’`, `qu’`, `jusqu’`).
    Elision = 2,
    /// `https://…`, `www.…`, `pic.twitter.com/…`.
    Url = 3,
    /// `@handle` or `#hashtag`.
    Handle = 4,
    /// A quotation mark or an apostrophe standing alone.
    QuoteMark = 5,
    /// Any other punctuation or symbol (one character).
    Punct = 6,
}

/// One token: its byte span and kind, in 8 bytes.
///
/// Tokens are the largest per-byte structure (one per character on runs of punctuation), so
/// they are packed: `u32` offsets (inputs are capped at [`crate::MAX_INPUT_BYTES`]) and the
/// kind in the top bits of the end. Read them through [`Token::start`], [`Token::end`] and
/// [`Token::kind`].
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Token {
    start: u32,
    /// The end offset in the low [`Token::KIND_SHIFT`] bits, the kind above them.
    end_kind: u32,
}

// Every offset fits below the kind bits.
const _: () = assert!(crate::MAX_INPUT_BYTES < 1 << Token::KIND_SHIFT);

impl Token {
    const KIND_SHIFT: u32 = 29;
    const END_MASK: u32 = (1 << Self::KIND_SHIFT) - 1;

    /// A token over `start..end`; both are at most [`crate::MAX_INPUT_BYTES`].
    pub(crate) fn new(start: usize, end: usize, kind: TokenKind) -> Token {
        debug_assert!(end <= crate::MAX_INPUT_BYTES && start <= end);
        Token { start: start as u32, end_kind: end as u32 | (kind as u32) << Self::KIND_SHIFT }
    }

    #[inline]
    pub(crate) fn start(&self) -> usize {
        self.start as usize
    }

    #[inline]
    pub(crate) fn end(&self) -> usize {
        (self.end_kind & Self::END_MASK) as usize
    }

    #[inline]
    pub(crate) fn kind(&self) -> TokenKind {
        match self.end_kind >> Self::KIND_SHIFT {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            2 => TokenKind::Elision,
            3 => TokenKind::Url,
            4 => TokenKind::Handle,
            5 => TokenKind::QuoteMark,
            _ => TokenKind::Punct,
        }
    }

    /// The byte range `start..end`.
    #[inline]
    pub(crate) fn span(&self) -> ByteSpan {
        self.start()..self.end()
    }

    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span()]
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Token({:?} {:?})", self.span(), self.kind())
    }
}

/// Apostrophe-like characters: typographic, straight, modifier letter, prime.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '′' | '‘')
}

/// Characters that can open or close a quotation.
pub(crate) fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '«' | '»' | '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | '‹' | '›' | '「' | '」' | '『' | '』'
    )
}

/// Folds a character for matching only: apostrophe and quote variants to ASCII, lower case.
pub(crate) fn fold_char(c: char) -> char {
    match c {
        '’' | 'ʼ' | '′' | '‘' => '\'',
        '“' | '”' | '„' | '‟' | '«' | '»' => '"',
        '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
        _ => c,
    }
}

/// A lower-cased, apostrophe-folded copy for dictionary lookups (not for spans).
pub(crate) fn fold(s: &str) -> String {
    fold_cow(s).into_owned()
}

/// [`fold`] without allocating when the text is already folded (the common case in lookups).
pub(crate) fn fold_cow(s: &str) -> std::borrow::Cow<'_, str> {
    // ASCII first (most words of French and English text): folded unless it has a capital.
    if s.is_ascii() {
        return if s.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(s.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(s)
        };
    }
    // Already folded: every character is its own fold and lower case (a lower-case letter, or
    // no letter at all). Accented lower-case words (`déclaré`) take this path too.
    let folded = |c: char| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            fold_char(c) == c && (c.is_lowercase() || !c.is_alphabetic())
        }
    };
    if s.chars().all(folded) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars().map(fold_char) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Calls `f` with the fold of `s`, without allocating for short ASCII words (the capitalised
/// names and sentence starters that the word lists are asked about most).
pub(crate) fn with_fold<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const INLINE: usize = 32;
    if s.len() <= INLINE && s.is_ascii() {
        let mut buf = [0u8; INLINE];
        let lower = &mut buf[..s.len()];
        lower.copy_from_slice(s.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(w) = std::str::from_utf8(lower) {
            return f(w);
        }
    }
    f(&fold_cow(s))
}

/// A byte range in 8 bytes, for tables with an entry every few bytes on some texts (such as
/// paragraphs, on a text of short lines). Offsets fit: inputs are capped at
/// [`crate::MAX_INPUT_BYTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CompactSpan {
    start: u32,
    end: u32,
}

impl CompactSpan {
    pub(crate) fn new(r: ByteSpan) -> CompactSpan {
        CompactSpan { start: r.start as u32, end: r.end as u32 }
    }

    #[inline]
    pub(crate) fn range(self) -> ByteSpan {
        self.start as usize..self.end as usize
    }
}

/// Byte ranges of paragraphs: maximal runs of text between line breaks, trimmed of
/// surrounding whitespace; empty lines are skipped. `\r\n`, `\r`, U+2028 and U+2029 all break.
pub(crate) fn paragraphs(text: &str) -> Vec<CompactSpan> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let push = |a: usize, b: usize, out: &mut Vec<CompactSpan>| {
        let line = &text[a..b];
        let trimmed_start = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            out.push(CompactSpan::new(a + trimmed_start..a + trimmed_start + trimmed.len()));
        }
    };
    // On bytes: `\n` and `\r` are ASCII, and U+2028/U+2029 are the only breaks starting 0xE2.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let len = match b {
            b'\n' | b'\r' => 1,
            0xE2 if text.get(i..).is_some_and(|r| r.starts_with(['\u{2028}', '\u{2029}'])) => 3,
            _ => continue,
        };
        push(line_start, i, &mut out);
        line_start = i + len;
    }
    push(line_start, text.len(), &mut out);
    out
}

/// Abbreviations whose final dot does not end a sentence (compared folded, dot included).
const ABBREVIATIONS: &[&str] = &[
    "m.", "mm.", "mme.", "mlle.", "dr.", "pr.", "me.", "mgr.", "st.", "ste.", "mr.", "mrs.", "ms.",
    "prof.", "gen.", "gén.", "col.", "capt.", "lt.", "sgt.", "gov.", "sen.", "rep.", "rev.", "jr.",
    "sr.", "no.", "vs.", "etc.", "cf.", "p.", "av.", "bd.", "jan.", "feb.", "mar.", "apr.", "aug.",
    "sept.", "sep.", "oct.", "nov.", "dec.", "inc.", "corp.", "ltd.", "co.", "mt.", "ft.", "e.g.",
    "i.e.", "u.s.", "u.k.", "u.n.", "j.-c.",
];

pub(crate) fn is_abbreviation(word_with_dot: &str) -> bool {
    with_fold(word_with_dot, |f| ABBREVIATIONS.contains(&f))
}

/// French elided forms that take an apostrophe and glue to the next word.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    "quelqu",
];

fn is_word_char(c: char) -> bool {
    if let Some((alphabetic, _)) = latin1_letter(c) {
        return alphabetic;
    }
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}' | '\u{200d}')
}

/// The lower case of an ASCII or Latin-1 character, without the Unicode tables (`None`
/// elsewhere).
#[inline]
pub(crate) fn latin1_lower(c: char) -> Option<char> {
    match c as u32 {
        0..=0x7F => Some(c.to_ascii_lowercase()),
        0xC0..=0xDE if c != '×' => char::from_u32(c as u32 + 0x20),
        0x80..=0xFF => Some(c),
        _ => None,
    }
}

/// For ASCII and the Latin-1 letters of French, German, Spanish…: whether `c` is alphabetic and
/// whether it is upper case, without the Unicode tables (`None` elsewhere: ask `char`).
#[inline]
pub(crate) fn latin1_letter(c: char) -> Option<(bool, bool)> {
    match c as u32 {
        0..=0x7F => Some((c.is_ascii_alphanumeric(), c.is_ascii_uppercase())),
        0xC0..=0xDE if c != '×' => Some((true, true)),
        0xDF..=0xFF if c != '÷' => Some((true, false)),
        _ => None,
    }
}

/// Splits text into tokens. Whitespace and control characters are dropped; every other character
/// belongs to a token. (The pipeline tokenizes paragraph by paragraph; this whole-text form
/// serves the training tools and tests, which the wasm build leaves out.)
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    tokenize_range(text, 0..text.len())
}

/// Tokenizes `range` of `text`; offsets are into `text`.
pub(crate) fn tokenize_range(text: &str, range: ByteSpan) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, range, &mut out);
    out
}

/// Appends the tokens of `range` of `text` to `out` (the document's token list is built in
/// place: a per-paragraph vector copied over would double the peak on a one-paragraph text).
pub(crate) fn tokenize_into(text: &str, range: ByteSpan, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    let end = range.end;
    while i < end {
        let Some(c) = text[i..end].chars().next() else { break };
        // Control characters (NUL, DEL, C1…) carry no meaning: dropped like whitespace rather
        // than made one token each (the spans of the other tokens still index the input).
        if c.is_whitespace() || c.is_control() {
            i += c.len_utf8();
            continue;
        }
        // URLs: scheme, www. or a known bare host with a path.
        if let Some(len) = url_len(&text[i..end]) {
            out.push(Token::new(i, i + len, TokenKind::Url));
            i += len;
            continue;
        }
        if (c == '@' || c == '#') && i + 1 < end {
            let rest = &text[i + 1..end];
            let len: usize = rest
                .char_indices()
                .take_while(|&(_, ch)| ch.is_alphanumeric() || ch == '_')
                .last()
                .map(|(j, ch)| j + ch.len_utf8())
                .unwrap_or(0);
            if len > 0 {
                out.push(Token::new(i, i + 1 + len, TokenKind::Handle));
                i += 1 + len;
                continue;
            }
        }
        if c.is_ascii_digit() {
            let len = number_len(&text[i..end]);
            out.push(Token::new(i, i + len, TokenKind::Number));
            i += len;
            continue;
        }
        if is_word_char(c) {
            let (len, kind) = word_len(&text[i..end]);
            out.push(Token::new(i, i + len, kind));
            i += len;
            continue;
        }
        // English possessive `'s` after a word (`Blinken's`) is one token, as in CoNLL.
        if is_apostrophe(c) && i > range.start && text[..i].chars().next_back().is_some_and(is_word_char) {
            let rest = &text[i + c.len_utf8()..end];
            let mut r = rest.chars();
            if matches!(r.next(), Some('s' | 'S')) && !r.next().is_some_and(is_word_char) {
                out.push(Token::new(i, i + c.len_utf8() + 1, TokenKind::Word));
                i += c.len_utf8() + 1;
                continue;
            }
        }
        let kind = if is_quote_mark(c) { TokenKind::QuoteMark } else { TokenKind::Punct };
        // Ellipsis "..." stays one token.
        let len = if c == '.' && bytes[i..end].starts_with(b"...") { 3 } else { c.len_utf8() };
        out.push(Token::new(i, i + len, kind));
        i += len;
    }
}

fn url_len(s: &str) -> Option<usize> {
    let starts = ["http://", "https://", "www.", "pic.twitter.com/", "t.co/", "bit.ly/"];
    let b = s.as_bytes();
    // Most tokens start with another letter: one test instead of six.
    if !matches!(b.first().map(u8::to_ascii_lowercase), Some(b'h' | b'w' | b'p' | b't' | b'b')) {
        return None;
    }
    if !starts.iter().any(|p| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes())) {
        return None;
    }
    let mut len = s
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '"' | '«' | '»' | '“' | '”' | '<' | '>'))
        .map(|(j, _)| j)
        .unwrap_or(s.len());
    // Trailing sentence punctuation is not part of the URL.
    while len > 0 {
        let last = s[..len].chars().next_back().unwrap_or(' ');
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '\'' | '’') {
            len -= last.len_utf8();
        } else {
            break;
        }
    }
    (len > 4).then_some(len)
}

/// Digits with inner groups: `100 000` (space or no-break space + exactly three digits),
/// `14,000`, `3.5`, `2,5`, `1.000.000`, ordinals glued as in `20e` are left to the word rule.
fn number_len(s: &str) -> usize {
    let mut chars = s.char_indices().peekable();
    let mut len = 0;
    while let Some(&(j, c)) = chars.peek() {
        if c.is_ascii_digit() {
            len = j + 1;
            chars.next();
            continue;
        }
        // A separator followed by digits continues the number.
        if matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}') {
            let after = &s[j + c.len_utf8()..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let spaced = c != ',' && c != '.';
            let next_is_digit = after.as_bytes().get(digits).is_some_and(u8::is_ascii_digit);
            // Thousands groups separated by spaces must be exactly three digits long.
            let ok = if spaced { digits == 3 && !next_is_digit } else { digits >= 1 };
            if ok {
                len = j + c.len_utf8() + digits;
                // Skip what we consumed.
                for _ in 0..=digits {
                    chars.next();
                }
                continue;
            }
        }
        break;
    }
    len.max(1)
}

/// A run of word characters with inner hyphens, apostrophes (not French elisions) and the dots
/// of known abbreviations / initialisms (`U.S.`). Returns the length and the token kind.
fn word_len(s: &str) -> (usize, TokenKind) {
    // The ASCII letters and digits first, a byte at a time (most of a French or English word).
    let ascii = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let mut len = ascii;
    for (j, c) in s[ascii..].char_indices().map(|(j, c)| (j + ascii, c)) {
        if is_word_char(c) {
            len = j + c.len_utf8();
            continue;
        }
        let next = s[j + c.len_utf8()..].chars().next();
        let next_is_word = next.is_some_and(is_word_char);
        if (c == '-' || c == '‑') && next_is_word {
            continue;
        }
        if is_apostrophe(c) && next_is_word {
            let head = &s[..j];
            if with_fold(head, |h| ELISIONS.contains(&h)) {
                // `l’Ukraine` → `l’` | `Ukraine`
                return (j + c.len_utf8(), TokenKind::Elision);
            }
            // English `'s` is its own token (as in CoNLL): `Blinken's` → `Blinken` | `'s`.
            let mut rest = s[j + c.len_utf8()..].chars();
            if matches!(rest.next(), Some('s' | 'S')) && !rest.next().is_some_and(is_word_char) {
                return (j, TokenKind::Word);
            }
            continue; // `don't`, `aujourd’hui`
        }
        if c == '.' && is_domain_suffix(&s[j + 1..]) {
            // `Gawker.com`, `Scientology.org`: a site name is one word.
            let tld_len = s[j + 1..].chars().take_while(|ch| ch.is_ascii_alphabetic()).count();
            len = j + 1 + tld_len;
            break;
        }
        if c == '.' {
            // Initialisms (`U.S.`, `J.-C.`) and known abbreviations keep their dots.
            let with_dot = &s[..j + 1];
            let segment = s[..j].rsplit(['.', '-']).next().unwrap_or("");
            let single_capital = segment.chars().count() == 1 && segment.chars().all(char::is_uppercase);
            let mut ahead = s[j + 1..].chars();
            let more_initials = matches!((ahead.next(), ahead.next()), (Some(a), Some('.')) if a.is_uppercase())
                || s[j + 1..].starts_with('-');
            if single_capital && more_initials {
                len = j + 1;
                continue;
            }
            if is_abbreviation(with_dot) || is_initialism(with_dot) {
                len = j + 1;
            }
        }
        break;
    }
    (len, TokenKind::Word)
}

/// `com`, `org`… directly after a dot, ending the word.
fn is_domain_suffix(rest: &str) -> bool {
    let tld_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (tld, after) = rest.split_at(tld_len);
    let after = after.chars().next();
    matches!(tld, "com" | "org" | "net" | "fr" | "uk" | "gov" | "edu" | "io" | "info" | "eu" | "de" | "be" | "ch" | "ca")
        && !after.is_some_and(|c| c.is_alphanumeric())
}

/// `U.S.`, `J.F.K.`: single letters each followed by a dot.
fn is_initialism(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() >= 3
        && parts[..parts.len() - 1].iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// Sentence spans inside one paragraph. A sentence ends after `.`, `!`, `?` or `…` (and any
/// closing quote marks or brackets that follow) when the next token starts like a sentence,
/// unless the dot belongs to an abbreviation or initial.
pub(crate) fn sentences(text: &str, paragraph: ByteSpan, tokens: &[Token]) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    let mut start = paragraph.start;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let s = t.text(text);
        let terminal = matches!(s, "." | "!" | "?" | "…" | "..." | "?!" | "!?")
            || (t.kind() == TokenKind::Word && s.ends_with('.') && !is_abbreviation(s) && !is_initial(s));
        if terminal {
            let mut j = i + 1;
            while j < tokens.len()
                && (matches!(tokens[j].text(text), "!" | "?" | "." | ")" | "]")
                    || (tokens[j].kind() == TokenKind::QuoteMark && closes_here(text, &tokens[j])))
            {
                j += 1;
            }
            let next_starts = match tokens.get(j) {
                None => true,
                Some(n) => {
                    let c = n.text(text).chars().next().unwrap_or(' ');
                    c.is_uppercase() || c.is_ascii_digit() || n.kind() == TokenKind::QuoteMark || matches!(c, '(' | '-' | '–' | '—')
                }
            };
            if next_starts && j <= tokens.len() {
                let end = tokens[j - 1].end();
                out.push(start..end);
                if let Some(n) = tokens.get(j) {
                    start = n.start();
                }
                i = j;
                if j >= tokens.len() {
                    start = paragraph.end;
                }
                continue;
            }
        }
        i += 1;
    }
    if start < paragraph.end && !text[start..paragraph.end].trim().is_empty() {
        out.push(start..paragraph.end);
    }
    out
}

/// `J.` as in `J. Smith`.
fn is_initial(s: &str) -> bool {
    let mut c = s.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// Whether a quote mark token reads as closing: something other than space directly before it.
fn closes_here(text: &str, t: &Token) -> bool {
    let c = t.text(text).chars().next().unwrap_or(' ');
    if matches!(c, '»' | '”' | '›' | '」' | '』') {
        return true;
    }
    if matches!(c, '«' | '“' | '„' | '‹' | '「' | '『' | '‚') {
        return false;
    }
    text[..t.start()].chars().next_back().is_some_and(|p| !p.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The borrowing fast path of `fold_cow` gives exactly what the full fold gives, for every
    /// character.
    #[test]
    fn fold_fast_path_agrees_with_the_full_fold() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            for s in [format!("a{c}é"), format!("{c}b"), format!("B{c}")] {
                let full: String = s.chars().map(fold_char).flat_map(char::to_lowercase).collect();
                assert_eq!(fold_cow(&s), full, "U+{:04X} in {s:?}", c as u32);
                assert_eq!(with_fold(&s, str::to_string), full, "U+{:04X} in {s:?}", c as u32);
            }
        }
    }

    /// The table-free answers agree with `char`'s.
    #[test]
    fn latin1_letters_agree_with_unicode() {
        for c in (0..0x100).filter_map(char::from_u32) {
            if let Some((alphanumeric, upper)) = latin1_letter(c) {
                assert_eq!(alphanumeric, c.is_alphanumeric(), "U+{:04X}", c as u32);
                assert_eq!(upper, c.is_uppercase(), "U+{:04X}", c as u32);
            }
            let lower: Vec<char> = c.to_lowercase().collect();
            assert_eq!(latin1_lower(c).map(|l| vec![l]), Some(lower), "U+{:04X}", c as u32);
        }
    }

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn tokens_pack_offsets_and_kind() {
        use TokenKind::*;
        assert_eq!(std::mem::size_of::<Token>(), 8);
        let max = crate::MAX_INPUT_BYTES;
        for kind in [Word, Number, Elision, Url, Handle, QuoteMark, Punct] {
            let t = Token::new(max - 1, max, kind);
            assert_eq!((t.start(), t.end(), t.kind()), (max - 1, max, kind));
        }
    }

    #[test]
    fn control_characters_make_no_tokens_and_keep_offsets() {
        let t = "\0\0Paris\0a\u{7f}b\u{85}.";
        let spans: Vec<(usize, usize)> = tokenize(t).iter().map(|k| (k.start(), k.end())).collect();
        assert_eq!(spans, [(2, 7), (8, 9), (10, 11), (13, 14)]);
    }

    #[test]
    fn french_elisions_split_before_the_word() {
        assert_eq!(toks("l’Ukraine qu’il aujourd’hui"), ["l’", "Ukraine", "qu’", "il", "aujourd’hui"]);
        assert_eq!(toks("jusqu'à l'OTAN"), ["jusqu'", "à", "l'", "OTAN"]);
    }

    #[test]
    fn english_possessive_and_contractions() {
        assert_eq!(toks("Blinken's don't"), ["Blinken", "'s", "don't"]);
    }

    #[test]
    fn numbers_keep_inner_spaces_and_separators() {
        assert_eq!(toks("100 000 soldats"), ["100 000", "soldats"]);
        assert_eq!(toks("14\u{a0}000 personnes"), ["14\u{a0}000", "personnes"]);
        assert_eq!(toks("14,000 people, 3.5 m"), ["14,000", "people", ",", "3.5", "m"]);
        assert_eq!(toks("en 2014 et 2020"), ["en", "2014", "et", "2020"]);
        assert_eq!(toks("12 1234"), ["12", "1234"]);
    }

    #[test]
    fn abbreviations_and_initialisms_keep_their_dots() {
        assert_eq!(toks("M. Lavrov"), ["M.", "Lavrov"]);
        assert_eq!(toks("the U.S. said"), ["the", "U.S.", "said"]);
        assert_eq!(toks("Dr. Who"), ["Dr.", "Who"]);
        assert_eq!(toks("St. Louis"), ["St.", "Louis"]);
        assert_eq!(toks("Mme Truss"), ["Mme", "Truss"]);
    }

    #[test]
    fn urls_and_handles_stay_whole() {
        assert_eq!(toks("via pic.twitter.com/WEDdFFONbz."), ["via", "pic.twitter.com/WEDdFFONbz", "."]);
        assert_eq!(toks("(@trussliz) #AUKUS"), ["(", "@trussliz", ")", "#AUKUS"]);
        assert_eq!(toks("firm Secunia.com, has"), ["firm", "Secunia.com", ",", "has"]);
        assert_eq!(toks("see https://example.org/a?b=c, then"), ["see", "https://example.org/a?b=c", ",", "then"]);
    }

    #[test]
    fn paragraphs_split_on_any_line_break_and_trim() {
        let t = "  one\r\n\r\ntwo \u{2029}three";
        let p: Vec<&str> = paragraphs(t).into_iter().map(|r| &t[r.range()]).collect();
        assert_eq!(p, ["one", "two", "three"]);
    }

    #[test]
    fn sentences_respect_abbreviations() {
        let t = "M. Lavrov est venu. Il a parlé aux U.S. officials. « Oui. » Fin";
        let p = 0..t.len();
        let tk = tokenize(t);
        let s: Vec<&str> = sentences(t, p, &tk).into_iter().map(|r| &t[r]).collect();
        assert_eq!(s, ["M. Lavrov est venu.", "Il a parlé aux U.S. officials.", "« Oui. »", "Fin"]);
    }

    #[test]
    fn fold_unifies_apostrophes() {
        assert_eq!(fold("L’Ukraine"), "l'ukraine");
    }
}
