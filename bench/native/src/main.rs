//! In-process timing and peak memory of `Analyzer::analyze`, one thread, for `npm run bench`.
//!
//! ```text
//! native-bench time [--rules] [--min-secs S] FILE...   one JSON line per file
//! native-bench rss  [--rules] FILE                     one JSON line: peak RSS around one analysis
//! ```
//!
//! `time` runs one warm-up analysis; if that alone took at least `--min-secs` (big inputs) it is
//! the measurement, else the file is analysed again until at least `--min-secs` (default 1) and
//! 3 runs have passed, and the median run is reported. `rss` must run in a fresh process per
//! file: it reports the process's peak resident set (VmHWM, what getrusage's ru_maxrss and
//! `/usr/bin/time -f %M` report) before and after one analysis.

use std::hint::black_box;
use std::time::Instant;

use article_lens::Analyzer;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut rules = false;
    let mut min_secs = 1.0f64;
    let mut files = Vec::new();
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--rules" => rules = true,
            "--min-secs" => min_secs = it.next().and_then(|s| s.parse().ok()).expect("--min-secs SECONDS"),
            _ => files.push(a.clone()),
        }
    }
    let (analyzer, mode, note) = analyzer(rules);
    match args.first().map(String::as_str) {
        Some("time") => {
            for f in &files {
                time_file(&analyzer, mode, &note, f, min_secs);
            }
        }
        Some("rss") => {
            let [f] = files.as_slice() else { usage() };
            rss_file(&analyzer, mode, &note, f);
        }
        _ => usage(),
    }
}

fn usage() -> ! {
    eprintln!("usage: native-bench time [--rules] [--min-secs S] FILE... | native-bench rss [--rules] FILE");
    std::process::exit(2);
}

/// The built-in models when they load (unless `--rules`), else rules only, with the reason.
fn analyzer(rules: bool) -> (Analyzer, &'static str, String) {
    if rules {
        return (Analyzer::new(), "rules", String::new());
    }
    match Analyzer::with_builtin_models() {
        Ok(a) => (a, "models", String::new()),
        Err(e) => (Analyzer::new(), "rules", format!("built-in models did not load ({e}); rules only")),
    }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("native-bench: cannot read {path}: {e}");
        std::process::exit(2);
    })
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn time_file(analyzer: &Analyzer, mode: &str, note: &str, path: &str, min_secs: f64) {
    let text = read(path);
    let t0 = Instant::now();
    let first = analyzer.analyze(&text).expect("analysis");
    let warm = t0.elapsed().as_secs_f64();
    let (quotes, entities, language) = (first.quotes.len(), first.entities.len(), first.language.clone());
    drop(black_box(first));
    let mut runs = Vec::new();
    if warm >= min_secs {
        runs.push(warm);
    } else {
        let mut total = 0.0;
        while total < min_secs || runs.len() < 3 {
            let t = Instant::now();
            black_box(analyzer.analyze(black_box(&text)).expect("analysis"));
            let dt = t.elapsed().as_secs_f64();
            runs.push(dt);
            total += dt;
        }
    }
    let total: f64 = runs.iter().sum();
    runs.sort_by(f64::total_cmp);
    let median = runs[runs.len() / 2];
    println!(
        "{{\"file\":{},\"bytes\":{},\"mode\":\"{mode}\",\"note\":{},\"runs\":{},\"total_s\":{total},\"median_s\":{median},\"min_s\":{},\"quotes\":{quotes},\"entities\":{entities},\"language\":\"{language}\"}}",
        json_str(path),
        text.len(),
        json_str(note),
        runs.len(),
        runs[0]
    );
}

/// Peak resident set so far (VmHWM), in KiB.
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn rss_file(analyzer: &Analyzer, mode: &str, note: &str, path: &str) {
    let text = read(path);
    let before = peak_rss_kib();
    let t = Instant::now();
    let analysis = analyzer.analyze(&text).expect("analysis");
    let secs = t.elapsed().as_secs_f64();
    let peak = peak_rss_kib();
    println!(
        "{{\"file\":{},\"bytes\":{},\"mode\":\"{mode}\",\"note\":{},\"secs\":{secs},\"rss_before_kib\":{before},\"rss_peak_kib\":{peak},\"quotes\":{},\"entities\":{}}}",
        json_str(path),
        text.len(),
        json_str(note),
        analysis.quotes.len(),
        analysis.entities.len()
    );
}
