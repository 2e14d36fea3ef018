//! Contract checks on the real articles of the dev set (`../shared/eval/dev`, beside the
//! checkout; skipped with a note where it is absent): every span's text is the UTF-16 slice of
//! the input at its offsets, quotes are in order and never overlap, speaker links resolve, and
//! the hand-written JSON equals serde_json's.

use article_lens::{Analyzer, Utf16Span};
use std::path::Path;

fn check_span(units: &[u16], s: &Utf16Span, what: &str) {
    let (a, b) = (s.start_utf16 as usize, s.end_utf16 as usize);
    assert!(a <= b && b <= units.len(), "{what} out of bounds: {a}..{b}");
    assert_eq!(String::from_utf16_lossy(&units[a..b]), s.text, "{what} text differs from its slice");
}

#[test]
fn every_span_matches_its_slice_on_the_dev_articles() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev");
    let Ok(entries) = std::fs::read_dir(&dev) else {
        eprintln!("skipped: {} not found", dev.display());
        return;
    };
    let analyzer = Analyzer::with_builtin_models().expect("built-in models");
    let mut articles = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("article");
        let units: Vec<u16> = text.encode_utf16().collect();
        let analysis = analyzer.analyze(&text).expect("analysis");
        let mut last_end = 0;
        for q in &analysis.quotes {
            check_span(&units, &q.span, "quote");
            assert!(q.span.start_utf16 >= last_end, "quotes overlap in {}", path.display());
            last_end = q.span.end_utf16;
            if let Some(s) = &q.speaker {
                check_span(&units, &s.span, "speaker");
                if let Some(id) = s.entity {
                    assert!(analysis.entities.iter().any(|e| e.id == id), "dangling speaker link");
                }
            }
            if let Some(c) = &q.cue {
                check_span(&units, c, "cue");
            }
        }
        // The wasm build sends `to_json()`; the CLI's `--pretty` goes through serde.
        assert_eq!(analysis.to_json(), serde_json::to_string(&analysis).expect("json"), "JSON of {}", path.display());
        for (i, e) in analysis.entities.iter().enumerate() {
            assert_eq!(e.id as usize, i, "entity ids are their positions");
            assert!(!e.mentions.is_empty());
            for m in &e.mentions {
                check_span(&units, m, "mention");
            }
        }
        articles += 1;
    }
    assert!(articles >= 10, "expected the dev articles, found {articles}");
}
