//! Dates and numbers, by rules: `20 janvier 2022`, `Sunday, January 20, 2008`, `vendredi`,
//! `en 2014`; `100 000 soldats`, `14,000 people`, `3.5`.

use std::sync::OnceLock;

use super::EntityCluster;
use crate::analysis::EntityType;
use crate::hash::FastHashMap;
use crate::lexicon::{data_lines, Gender};
use crate::pipeline::Doc;
use crate::text::{fold, sub, ByteSpan, TokenKind};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Calendar {
    Month,
    Weekday,
    Relative,
}

/// The month, weekday and relative-day words, folded.
struct CalendarWords {
    /// Each word's kind as its index (`kind as usize`) in [`CALENDAR_KINDS`]: the table type of the other
    /// string-keyed tables, one copy of its code in the wasm module.
    words: FastHashMap<String, usize>,
    /// Per first byte, bit `n` set if a word of `words` starting with it is `n` bytes long (bit
    /// 31: 31 bytes or more): most words of a text are ruled out by their first byte and
    /// length, without hashing them.
    lengths_by_first_byte: [u32; 256],
}

impl CalendarWords {
    fn get(&self, folded: &str) -> Option<Calendar> {
        let &first = folded.as_bytes().first()?;
        if self.lengths_by_first_byte[first as usize] >> folded.len().min(31) & 1 == 0 {
            return None;
        }
        self.words.get(folded).and_then(|&k| CALENDAR_KINDS.get(k).copied())
    }
}

const CALENDAR_KINDS: [Calendar; 3] = [Calendar::Month, Calendar::Weekday, Calendar::Relative];

fn calendar() -> &'static CalendarWords {
    static WORDS: OnceLock<CalendarWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let words: FastHashMap<String, usize> = data_lines(include_str!("../../data/dates/calendar.txt"))
            .filter_map(|l| {
                let (w, k) = l.split_once('\t')?;
                let kind = match k.trim() {
                    "month" => Calendar::Month,
                    "weekday" => Calendar::Weekday,
                    _ => Calendar::Relative,
                } as usize;
                Some((fold(w.trim()), kind))
            })
            .collect();
        let mut lengths_by_first_byte = [0u32; 256];
        for w in words.keys() {
            if let Some(&b) = w.as_bytes().first() {
                lengths_by_first_byte[b as usize] |= 1 << w.len().min(31);
            }
        }
        CalendarWords { words, lengths_by_first_byte }
    })
}

/// Month, weekday or relative-day word (`mercredi`, `January`, `hier`), folded.
pub(crate) fn is_calendar_word(folded: &str) -> bool {
    calendar().get(folded).is_some()
}

fn lookup(doc: &Doc, i: usize) -> Option<Calendar> {
    let t = doc.tokens.get(i)?;
    if t.kind() != TokenKind::Word {
        return None;
    }
    let w = t.text(doc.text);
    let kind = calendar().get(doc.folded(i))?;
    // English month names double as words (`May`, `March`): only capitalised, and `May`
    // only next to a number.
    if kind == Calendar::Month && w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && doc.folded(i) == "may" {
        let num_near = (i > 0 && is_day(doc, i - 1)) || is_day(doc, i + 1) || is_year(doc, i + 1);
        return num_near.then_some(kind);
    }
    (kind != Calendar::Relative).then_some(kind)
}

/// Words after a count that are not what it counts (`3,000 new posts`).
fn not_units() -> &'static crate::lexicon::WordSet {
    static SET: OnceLock<crate::lexicon::WordSet> = OnceLock::new();
    SET.get_or_init(|| crate::lexicon::WordSet::parse(include_str!("../../data/dates/not-units.txt")))
}

fn number_value(doc: &Doc, i: usize) -> Option<u32> {
    let t = doc.tokens.get(i).filter(|t| t.kind() == TokenKind::Number)?;
    t.text(doc.text).parse().ok()
}

/// Whether token `i` starts with an ASCII digit, as every number token and `1er` do: the scan
/// skips the words and punctuation (most tokens) without folding or parsing them.
fn starts_with_digit(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| doc.text.as_bytes().get(t.start()).is_some_and(u8::is_ascii_digit))
}

fn is_day(doc: &Doc, i: usize) -> bool {
    if !starts_with_digit(doc, i) {
        return false;
    }
    number_value(doc, i).is_some_and(|n| (1..=31).contains(&n))
        || doc.folded(i) == "1er"
}

/// Tokens taken by a day number at `i`: one (`20`, `1er` as one token), two for `1` + `er`
/// written together (`1er`, which the tokenizer splits off the digit), none if no day.
fn day_len(doc: &Doc, i: usize) -> usize {
    if !starts_with_digit(doc, i) {
        return 0;
    }
    let ordinal_suffix = doc.folded(i) == "1"
        && doc.folded(i + 1) == "er"
        && doc.tokens.get(i + 1).is_some_and(|t| t.start() == doc.tokens[i].end());
    if ordinal_suffix {
        2
    } else if is_day(doc, i) {
        1
    } else {
        0
    }
}

fn is_year(doc: &Doc, i: usize) -> bool {
    number_value(doc, i).is_some_and(|n| (1000..=2199).contains(&n)) && doc.tok(i).len() == 4
}

/// Finds date and number mentions and groups equal texts into one entity each.
pub(super) fn find(doc: &Doc) -> Vec<EntityCluster> {
    // Mentions go straight into their cluster: a list of them all first would cost 24 bytes a
    // mention, on a text of numbers one every few bytes.
    let mut clusters: Vec<EntityCluster> = Vec::new();
    // (Keyed by the folded text and a mark of the type, one string: the table type of the
    // entity stage's string-keyed tables, one copy of its code in the wasm module.)
    let mut by_text: FastHashMap<String, usize> = FastHashMap::default();
    let mut add = |span: ByteSpan, kind: EntityType| {
        let text = sub(doc.text, span.clone());
        let mut key = fold(text);
        key.push(if kind == EntityType::DATE { '\u{1}' } else { '\u{2}' });
        match by_text.get(&key) {
            Some(&k) => clusters[k].mentions.push(span),
            None => {
                by_text.insert(key, clusters.len());
                clusters.push(EntityCluster {
                    kind,
                    name: text.to_string(),
                    role: None,
                    role_head: None,
                    gender: Gender::Unknown,
                    mentions: vec![span],
                });
            }
        }
    };
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let start = i;
        let mut end = i;
        let day = day_len(doc, i);
        if let Some(kind) = lookup(doc, i) {
            end = i + 1;
            // `dimanche 20 janvier 2022`, `Sunday, January 20, 2008`
            if kind == Calendar::Weekday {
                let mut k = end;
                if doc.tokens.get(k).is_some_and(|t| t.text(doc.text) == ",") {
                    k += 1;
                }
                let d = day_len(doc, k);
                if d > 0 && lookup(doc, k + d) == Some(Calendar::Month) {
                    end = k + d + 1;
                } else if lookup(doc, k) == Some(Calendar::Month) {
                    end = k + 1;
                }
            }
            if lookup(doc, end - 1) == Some(Calendar::Month) {
                // `January 20`, `January 20, 2008`, `janvier 2022`
                if is_day(doc, end) && !is_year(doc, end) {
                    end += 1;
                    if doc.tokens.get(end).is_some_and(|t| t.text(doc.text) == ",") && is_year(doc, end + 1) {
                        end += 2;
                    }
                }
                if is_year(doc, end) {
                    end += 1;
                }
            }
        } else if day > 0 && lookup(doc, i + day) == Some(Calendar::Month) {
            // `20 janvier 2022`, `1er janvier`
            end = i + day + 1;
            if is_year(doc, end) {
                end += 1;
            }
        } else if is_year(doc, i) {
            end = i + 1;
        }
        if end > start {
            let span = doc.tokens[start].start()..doc.tokens[end - 1].end();
            add(span, EntityType::DATE);
            i = end;
            continue;
        }
        if doc.tokens[i].kind() == TokenKind::Number {
            // A count with its unit noun: `100 000 soldats`, `14,000 people`.
            let mut end = i + 1;
            if let Some(t) = doc.tokens.get(end) {
                let w = t.text(doc.text);
                // Not an adjective (the data file) nor a function word (`the Fold 7 would`).
                let is_unit = t.kind() == TokenKind::Word
                    && !not_units().contains_folded(doc.folded(end))
                    && !crate::lexicon::WordSet::english_function_words().contains_folded(doc.folded(end))
                    && !crate::lexicon::WordSet::french_function_words().contains_folded(doc.folded(end))
                    && w.chars().next().is_some_and(char::is_lowercase)
                    && w.chars().count() > 2
                    && doc.tokens[i].end() < t.start()
                    && sub(doc.text, doc.tokens[i].end()..t.start()).chars().all(char::is_whitespace);
                if is_unit {
                    end += 1;
                }
            }
            add(doc.tokens[i].start()..doc.tokens[end - 1].end(), EntityType::NUMBER);
            i = end;
            continue;
        }
        i += 1;
    }
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, EntityType)> {
        let doc = Doc::new(text);
        find(&doc).into_iter().map(|c| (c.name, c.kind)).collect()
    }

    #[test]
    fn french_and_english_dates() {
        assert_eq!(found("– Anne Leroy 20 janvier 2022"), [("20 janvier 2022".into(), EntityType::DATE)]);
        assert_eq!(found("La loi entre en vigueur le 1er janvier 2026."), [("1er janvier 2026".into(), EntityType::DATE)]);
        assert_eq!(found("Sunday, January 20, 2008 was cold."), [("Sunday, January 20, 2008".into(), EntityType::DATE)]);
        assert_eq!(found("Elle a répété vendredi sa question, en 2014."), [("vendredi".into(), EntityType::DATE), ("2014".into(), EntityType::DATE)]);
        assert_eq!(found("the court on July 8 said"), [("July 8".into(), EntityType::DATE)]);
    }

    #[test]
    fn every_calendar_word_is_found_by_its_first_byte_and_length() {
        let data = include_str!("../../data/dates/calendar.txt");
        for line in data_lines(data) {
            let Some((w, _)) = line.split_once('\t') else { continue };
            assert!(calendar().get(&fold(w.trim())).is_some(), "{w}");
        }
        assert!(calendar().get("janvierx").is_none());
        assert!(calendar().get("").is_none());
    }

    #[test]
    fn may_is_a_month_only_beside_a_number() {
        assert!(found("May I say something?").is_empty());
        assert_eq!(found("on 3 May 2021"), [("3 May 2021".into(), EntityType::DATE)]);
    }

    #[test]
    fn numbers_take_their_unit_noun() {
        assert_eq!(found("Avec près de 100 000 soldats engagés"), [("100 000 soldats".into(), EntityType::NUMBER)]);
        assert_eq!(found("more than 11,000 signatures."), [("11,000 signatures".into(), EntityType::NUMBER)]);
        assert_eq!(found("It will fund 3,000 new posts."), [("3,000".into(), EntityType::NUMBER)]);
        assert_eq!(found("The model 5 would cost less."), [("5".into(), EntityType::NUMBER)]);
        assert_eq!(found("Le modèle 5 est moins cher."), [("5".into(), EntityType::NUMBER)]);
    }
}
