//! Fuzz target: any UTF-8 text is analysed without panicking, and the result keeps the
//! contract's invariants (`fuzz/invariants.rs`, shared with `tests/robustness.rs`).
//! Run with `RUSTC_BOOTSTRAP=1 cargo fuzz run analyze` (see fuzz/README.md).

#![no_main]

use std::sync::OnceLock;

use article_lens::Analyzer;
use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
mod invariants;

/// Rules only, plus the built-in models when they load (they may be empty placeholders).
fn analyzers() -> &'static [Analyzer] {
    static ANALYZERS: OnceLock<Vec<Analyzer>> = OnceLock::new();
    ANALYZERS.get_or_init(|| {
        let mut v = vec![Analyzer::new()];
        if let Ok(a) = Analyzer::with_builtin_models() {
            v.push(a);
        }
        v
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = Analyzer::detect_language(text);
    for analyzer in analyzers() {
        let analysis = analyzer.analyze(text).expect("small input is always accepted");
        if let Err(why) = invariants::check(text, &analysis) {
            panic!("invariant violated: {why}\ninput: {text:?}");
        }
    }
});
