//! The `article-lens` command: JSON out, clear errors and exit status 2 on bad input.

use std::io::Write;
use std::process::{Command, Stdio};

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_article-lens"))
}

#[test]
fn analyzes_stdin_and_prints_the_contract() {
    let mut child = cli().args(["analyze", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all("« Nous sommes prêts », a déclaré Anne Leroy 🌎.".as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("run");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(json["language"], "fr");
    assert_eq!(json["quotes"][0]["text"], "Nous sommes prêts");
    assert_eq!(json["quotes"][0]["start"], 2);
    assert_eq!(json["quotes"][0]["kind"], "direct");
    assert_eq!(json["quotes"][0]["speaker"]["text"], "Anne Leroy");
    assert_eq!(json["quotes"][0]["cue"]["text"], "a déclaré");
    assert!(json["entities"].as_array().is_some_and(|e| !e.is_empty()));
}

#[test]
fn pretty_output_is_indented() {
    let dir = std::env::temp_dir().join(format!("article-lens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("a.txt");
    std::fs::write(&file, "He said \"fine\" and left, said Tom.").expect("write");
    let out = cli().args(["analyze", file.to_str().expect("utf-8 path"), "--pretty"]).output().expect("run");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("\n  \"language\""));
}

#[test]
fn missing_file_is_a_clear_error() {
    let out = cli().args(["analyze", "/no/such/file.txt"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot read /no/such/file.txt"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn non_utf8_input_is_a_clear_error() {
    let mut child = cli().args(["analyze", "-"]).stdin(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    child.stdin.take().expect("stdin").write_all(b"abc \xff\xfe def").expect("write");
    let out = child.wait_with_output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not valid UTF-8") && err.contains("offset 4"), "{err}");
}

#[test]
fn bad_usage_prints_usage() {
    let out = cli().args(["frobnicate"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: article-lens analyze"));
}
