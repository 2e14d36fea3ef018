//! `article-lens analyze FILE|- [--pretty]`: prints the analysis of one article as JSON.

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: article-lens analyze <FILE|-> [--pretty] [--no-models]\n\
  Prints the quotes, speakers and entities of a UTF-8 text file as one JSON document.\n\
  Offsets are UTF-16 code units. Use - to read standard input.\n\
  --no-models  entities from rules only, without the trained taggers";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-lens: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut pretty = false;
    let mut with_models = true;
    let mut positional = Vec::new();
    for a in &args {
        match a.as_str() {
            "--pretty" => pretty = true,
            "--no-models" => with_models = false,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
            _ => positional.push(a.as_str()),
        }
    }
    let path = match positional.as_slice() {
        ["analyze", path] => *path,
        _ => return Err(USAGE.to_string()),
    };
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("{path} is not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to())
    })?;
    let analyzer = if with_models {
        article_lens::Analyzer::with_builtin_models().map_err(|e| e.to_string())?
    } else {
        article_lens::Analyzer::new()
    };
    let analysis = analyzer.analyze(&text).map_err(|e| e.to_string())?;
    let json = if pretty { serde_json::to_string_pretty(&analysis) } else { Ok(analysis.to_json()) };
    let json = json.map_err(|e| format!("cannot serialise the result: {e}"))?;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{json}").and_then(|()| out.flush()) {
        // A reader that stops early (`| head`) is not an error of ours.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(format!("cannot write the result: {e}")),
        _ => {}
    }
    Ok(())
}
