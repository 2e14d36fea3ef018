//! Robustness: pathological inputs each get `Ok` or a typed `Err`, never a panic, and every
//! result satisfies the contract's invariants (see `fuzz/invariants.rs`, shared with the fuzzer).
//!
//! Nothing here asserts wall time (`npm run bench` measures speed), but every case is sized to
//! finish in a few seconds in release mode (`cargo test --release`, as `npm test` runs it), so a
//! quadratic path shows up as a test that hangs. Each case prints its time with `--nocapture`.
//! In a debug build (plain `cargo test`) the big inputs are cut to a tenth (see [`size`]).
//!
//! Inputs found by the fuzzer live in `tests/fuzz_regressions/` and are replayed here.

use std::path::Path;
use std::sync::OnceLock;
use std::time::Instant;

use article_lens::{Analysis, Analyzer, Error, MAX_INPUT_BYTES};
use proptest::prelude::*;

#[path = "../fuzz/invariants.rs"]
mod invariants;

const MB: usize = 1 << 20;

/// `bytes` in release builds; a tenth of it in debug builds, which run 10–30× slower.
fn size(bytes: usize) -> usize {
    if cfg!(debug_assertions) {
        bytes / 10
    } else {
        bytes
    }
}

/// The analyzers to run: rules only, plus the built-in models when they load (the model files
/// may still be empty placeholders while they are being trained).
fn analyzers() -> &'static [(&'static str, Analyzer)] {
    static ANALYZERS: OnceLock<Vec<(&'static str, Analyzer)>> = OnceLock::new();
    ANALYZERS.get_or_init(|| {
        let mut v = vec![("rules", Analyzer::new())];
        match Analyzer::with_builtin_models() {
            Ok(a) => v.push(("models", a)),
            Err(e) => eprintln!("(built-in models not loaded: {e}; testing the rules only)"),
        }
        v
    })
}

/// Analyses `text` with every analyzer, checks the invariants, and returns the results.
fn check(name: &str, text: &str) -> Vec<Analysis> {
    let mut out = Vec::new();
    for (which, analyzer) in analyzers() {
        let t0 = Instant::now();
        let analysis = match analyzer.analyze(text) {
            Ok(a) => a,
            Err(e) => panic!("{name} ({which}): unexpected error {e}"),
        };
        let dt = t0.elapsed();
        if let Err(why) = invariants::check(text, &analysis) {
            panic!("{name} ({which}): {why}");
        }
        // What the wasm build sends JavaScript: the same JSON as serde_json's, control bytes too.
        assert_eq!(analysis.to_json(), serde_json::to_string(&analysis).expect("json"), "{name} ({which}): JSON differs");
        eprintln!(
            "{name} ({which}): {} bytes, {} quotes, {} entities in {:.3} s",
            text.len(),
            analysis.quotes.len(),
            analysis.entities.len(),
            dt.as_secs_f64()
        );
        out.push(analysis);
    }
    // detect_language looks at a prefix cut at a char boundary: must not panic either.
    let lang = Analyzer::detect_language(text);
    assert!(matches!(lang, "fr" | "en" | "und"), "{name}: detect_language gave {lang:?}");
    out
}

/// Repeats `unit` (joined by `sep`) until the result is at least `bytes` long.
fn repeat_to(unit: &str, sep: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len() + sep.len());
    while s.len() < bytes {
        if !s.is_empty() {
            s.push_str(sep);
        }
        s.push_str(unit);
    }
    s
}

/// A small deterministic generator (xorshift), so the big mixed inputs are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

// Composed for these tests (fictional people and places).
const PARAGRAPH_FR: &str = "« Nous ne céderons pas sur l’essentiel », a déclaré mardi la ministre \
de l’Agriculture, Hélène Marchal, devant les députés réunis à Lyon. Selon elle, « le calendrier \
reste tenable », même si la Fédération des producteurs de lait juge le plan « irréaliste et \
coûteux ». Le 14 mars 2024, 1 200 exploitants avaient manifesté. « On attend des actes, pas des \
promesses », a-t-il ajouté.";

const PARAGRAPH_EN: &str = "\"We are not going to back down on the essentials,\" Agriculture \
Minister Helen Marshall told lawmakers in Leeds on Tuesday. According to the National Dairy \
Council, the plan is \"unrealistic and costly\". On March 14, 2024, some 1,200 farmers marched \
through the city. “We want action, not promises,” said Tom Reyes, a spokesman for the group. \
‘It is far too late,’ he added.";

#[test]
fn empty_string() {
    let results = check("empty", "");
    for a in results {
        assert!(a.quotes.is_empty() && a.entities.is_empty());
    }
    check("whitespace only", " \n\n\t \u{a0}\u{202f}\r\n ");
}

#[test]
fn ten_megabytes_of_text() {
    let unit = format!("{PARAGRAPH_FR}\n\n{PARAGRAPH_EN}");
    let text = repeat_to(&unit, "\n\n", size(10 * MB));
    let results = check("10 MB of paragraphs", &text);
    // The composed paragraphs have quotes: a result with none would mean the analysis gave up.
    assert!(results.iter().all(|a| a.quotes.len() > size(10_000)));
}

#[test]
fn one_megabyte_paragraph() {
    let text = repeat_to(PARAGRAPH_FR, " ", size(MB));
    check("1 MB paragraph (fr)", &text);
    let text = repeat_to(PARAGRAPH_EN, " ", size(MB));
    check("1 MB paragraph (en)", &text);
}

#[test]
fn hundred_thousand_unmatched_quote_marks() {
    let marks = ["«", "»", "“", "”", "\"", "'", "‘", "’", "„", "‹", "›"];
    // Marks alone, separated by spaces, in one paragraph.
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let text: Vec<&str> = (0..size(100_000)).map(|_| rng.pick(&marks)).collect();
    check("100k marks, spaced", &text.join(" "));
    // Marks glued together.
    check("100k marks, glued", &text.concat());
    // Marks hugging words, so they look like real openings and closings.
    let words = ["Le", "ministre", "said", "a", "déclaré", "Paris", "yes", "non", "Marie", "l’État", "don't", "12"];
    let mut s = String::new();
    for k in 0..size(100_000) {
        let m = rng.pick(&marks);
        let w = rng.pick(&words);
        if k % 2 == 0 {
            s.push_str(m);
            s.push_str(w);
            s.push(' ');
        } else {
            s.push_str(w);
            s.push_str(m);
            s.push(' ');
        }
    }
    check("100k marks hugging words", &s);
    // Only openings, then only closings, of every family.
    for m in ["«", "»", "“", "”", "\"", "'", "‘", "’"] {
        check(&format!("100k × {m} with words"), &repeat_to(&format!("{m}mot"), " ", size(100_000 * 5)));
        check(&format!("100k × {m} alone"), &m.repeat(size(100_000)));
    }
    // The same over many short paragraphs.
    check("100k marks, one per line", &text.join("\n"));
}

#[test]
fn no_spaces_at_all() {
    let text = repeat_to("abcdéfghij", "", size(MB));
    check("1 MB of letters", &text);
    let text = repeat_to("«Nousnecéderonspas»,adéclaréHélèneMarchal.\"Weagree,\"saidTomReyes.", "", size(MB));
    check("1 MB, no spaces, with marks", &text);
    check("1 MB of one letter", &"a".repeat(size(MB)));
    check("1 MB of capitals", &"A".repeat(size(MB)));
    check("1 MB of digits", &"7".repeat(size(MB)));
    check("1 MB of dots", &".".repeat(size(MB)));
    check("1 MB of dashes", &"—".repeat(size(MB) / 3));
}

#[test]
fn only_emoji() {
    // Astral characters (two UTF-16 units), ZWJ sequences, skin tones, flags, keycaps.
    let unit = "😀🌍👩‍👩‍👧‍👦🇫🇷🇬🇧👍🏽1️⃣🏳️‍🌈";
    check("emoji, glued", &repeat_to(unit, "", size(200_000)));
    check("emoji, spaced", &repeat_to(unit, " ", size(200_000)));
    check("emoji in quotes", &repeat_to("« 😀🌍 👍🏽 », a dit 🇫🇷. “🏳️‍🌈 👩‍👩‍👧‍👦,” said 😀.", "\n", size(200_000)));
    check("emoji around a quote", "😀« Bonjour à tous, dit-il »😀 — a déclaré 👍🏽 Marie Curie 🇫🇷.");
}

#[test]
fn right_to_left_scripts() {
    // Arabic with guillemets and curly quotes; Hebrew with straight quotes and gershayim.
    let arabic = "قال الوزير أحمد «لن نتراجع عن هذا القرار» يوم الثلاثاء، وأضاف: “نحن مستعدون للحوار”.";
    let hebrew = "\"אנחנו לא נוותר\", אמר השר דוד לוי ביום שלישי. לדבריו, ״המצב קשה״ אך 'יש תקווה'.";
    // Directional marks and embeddings around quotes, mixed with Latin text.
    let mixed = "\u{200f}«\u{202b}שלום לכולם\u{202c}», a déclaré \u{200e}Marie Dupont\u{200e}. \u{2067}“مرحبا بكم”\u{2069}, he said.";
    check("Arabic", arabic);
    check("Hebrew", hebrew);
    check("bidi controls", mixed);
    check("RTL, 1 MB", &repeat_to(&format!("{arabic}\n{hebrew}\n{mixed}"), "\n\n", size(MB)));
}

#[test]
fn crlf_line_endings() {
    let lf = format!("{PARAGRAPH_FR}\n\n{PARAGRAPH_EN}\n");
    let crlf = lf.replace('\n', "\r\n");
    let a = check("LF", &lf);
    let b = check("CRLF", &crlf);
    // Line endings must not change which quotes are found.
    for (x, y) in a.iter().zip(&b) {
        let qx: Vec<&str> = x.quotes.iter().map(|q| q.span.text.as_str()).collect();
        let qy: Vec<&str> = y.quotes.iter().map(|q| q.span.text.as_str()).collect();
        assert_eq!(qx, qy, "CRLF changed the quotes");
    }
    check("lone CRs", &lf.replace('\n', "\r"));
    check("CRLF, 1 MB", &repeat_to(&crlf, "\r\n", size(MB)));
    check("only CRLF", &"\r\n".repeat(size(100_000)));
    check("mixed line separators", &format!("{PARAGRAPH_FR}\u{2028}{PARAGRAPH_EN}\u{2029}« Oui. »\u{85}\u{b}\u{c}fin"));
}

#[test]
fn nul_and_control_bytes() {
    let with_nul = PARAGRAPH_FR.replace(' ', "\0");
    check("NUL for spaces", &with_nul);
    check("NUL inside quotes", "«\0»  “\0\0” \"\0\" « a\0b », a dit\0Marie.");
    check("1 MB of NUL", &"\0".repeat(size(MB)));
    let controls: String = (0u8..32).map(char::from).chain(['\u{7f}', '\u{feff}', '\u{200b}', '\u{ad}']).collect();
    check("control characters", &repeat_to(&format!("{controls}« x y »{controls}"), "", size(100_000)));
}

#[test]
fn replacement_characters() {
    // What lone surrogates from JavaScript become once encoded to UTF-8 (one unit for one).
    check("U+FFFD in text", &PARAGRAPH_FR.replace('e', "\u{fffd}"));
    check("U+FFFD around marks", "\u{fffd}«\u{fffd}» “\u{fffd} \u{fffd}” \"\u{fffd}\"\u{fffd}, a dit \u{fffd}Marie.");
    check("1 MB of U+FFFD", &"\u{fffd}".repeat(size(MB) / 3));
}

/// Many mentions of the same names, and many quotes attributed by a pronoun: the shapes that
/// made entity de-duplication and pronoun resolution scan every mention for each mention or
/// quote (quadratic time: seconds at 1 MB, minutes at 10 MB).
#[test]
fn many_mentions_and_pronoun_quotes() {
    check("many mentions", &repeat_to("Marie Curie et Paul Martin.", " ", size(MB)));
    check("many pronoun quotes", &repeat_to("« Nous sommes prêts », a-t-il dit.", "\n", size(MB)));
    check("names and pronoun quotes", &repeat_to("Paul Martin arrive. « Nous sommes prêts », a-t-il dit.", "\n", size(MB)));
    check("many acronyms", &repeat_to("L’Organisation mondiale de la santé (OMS) et l’OMS. Marie Curie (@mcurie) et @mcurie.", " ", size(MB)));
    // Every paragraph a wire dateline, tagged or not (a first version rescanned every mention
    // for each one: 7 s for 80,000 paragraphs).
    check("many datelines", &repeat_to("PARIS (AFP) – Le maire a parlé. DENVER – Paul Martin est venu.", "\n", size(MB)));
    // Nicknames between names (a first version searched every mention for each one), and
    // pronoun quotes after a very long sentence opened by an unnamed source (one that read that
    // whole sentence for each pronoun): 5 s and 110 s at 1 MB.
    check("many nicknames", &repeat_to("Anna \"Bo\" Lee said", " ", size(MB)));
    let long_sentence = format!("A member of the crew {}. ", repeat_to("waited near the dock", " ", size(MB) / 2));
    check("pronouns after an unnamed source", &(long_sentence + &repeat_to("\"We did it all,\" she said, and", " ", size(MB) / 2)));
}

#[test]
fn detect_language_cut_inside_a_character() {
    // detect_language looks at the first 200,000 bytes: put a multi-byte character across it.
    for pad in 0..4 {
        let text = format!("{}{}", "a".repeat(199_998 + pad), "é😀€".repeat(10));
        let _ = Analyzer::detect_language(&text);
    }
}

#[test]
fn input_over_the_limit_is_refused() {
    let analyzer = Analyzer::new();
    let text = " ".repeat(MAX_INPUT_BYTES + 1);
    match analyzer.analyze(&text) {
        Err(Error::InputTooLarge { bytes, limit }) => {
            assert_eq!(bytes, MAX_INPUT_BYTES + 1);
            assert_eq!(limit, MAX_INPUT_BYTES);
        }
        other => panic!("expected InputTooLarge, got {:?}", other.map(|a| a.quotes.len())),
    }
    // A multi-byte character that crosses the limit counts in bytes.
    let text = format!("{}é", "a".repeat(MAX_INPUT_BYTES - 1));
    assert!(matches!(analyzer.analyze(&text), Err(Error::InputTooLarge { .. })));
}

#[test]
fn input_at_the_limit_is_accepted() {
    let text = repeat_to("a b\n", "", MAX_INPUT_BYTES);
    let text = &text[..MAX_INPUT_BYTES];
    let analysis = Analyzer::new().analyze(text).expect("exactly MAX_INPUT_BYTES is accepted");
    invariants::check(text, &analysis).unwrap();
}

#[test]
fn fuzz_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut n = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir).expect("tests/fuzz_regressions").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.extension().is_some_and(|e| e == "md") || !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        // The fuzz target skips input that is not UTF-8; replay it the way a browser would decode it.
        let text = String::from_utf8_lossy(&bytes);
        check(&path.file_name().unwrap().to_string_lossy(), &text);
        n += 1;
    }
    eprintln!("replayed {n} fuzz regression inputs");
}

/// Pieces random texts are made of: marks of every family, words (names, cue verbs), spaces of
/// several kinds, line breaks, emoji, punctuation and the odd arbitrary character.
fn piece() -> impl Strategy<Value = String> {
    let marks = prop::sample::select(vec!["«", "»", "“", "”", "\"", "'", "‘", "’", "„", "‚", "‹", "›", "「", "」", "『", "』"]);
    let words = prop::sample::select(vec![
        "Marie", "Dupont", "Tom", "Reyes", "a", "déclaré", "a-t-il", "dit", "selon", "said", "according", "to", "the",
        "minister", "M.", "Mme", "Dr", "l’État", "don't", "ONU", "NATO", "Paris", "2024", "14", "mars", "1 200", "oui",
    ]);
    let spaces = prop::sample::select(vec![" ", "  ", "\u{a0}", "\u{202f}", "\t"]);
    let breaks = prop::sample::select(vec!["\n", "\n\n", "\r\n", "\r\n\r\n", "\r"]);
    let emoji = prop::sample::select(vec!["😀", "🌍", "👩‍👩‍👧", "🇫🇷", "👍🏽", "\u{fffd}"]);
    let punct = prop::sample::select(vec![",", ".", "!", "?", ":", ";", "—", "–", "-", "…", "(", ")"]);
    prop_oneof![
        3 => marks.prop_map(str::to_string),
        4 => words.prop_map(str::to_string),
        4 => spaces.prop_map(str::to_string),
        1 => breaks.prop_map(str::to_string),
        1 => emoji.prop_map(str::to_string),
        2 => punct.prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zA-Zéèàç]{1,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_texts_keep_the_invariants(pieces in prop::collection::vec(piece(), 0..300)) {
        let text = pieces.concat();
        for (which, analyzer) in analyzers() {
            let analysis = analyzer.analyze(&text).expect("analysis of a small input");
            if let Err(why) = invariants::check(&text, &analysis) {
                return Err(TestCaseError::fail(format!("{which}: {why}\ninput: {text:?}")));
            }
        }
    }
}
