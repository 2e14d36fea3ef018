use super::*;
use crate::ner::features::{FEAT_DOC, FEAT_FIRST_AGG, FEAT_GAZ, FEAT_LOCAL, FEAT_RESIDUAL};
use crate::ner::tools::data::{segment, Doc};
use crate::ner::tools::train::{train, TrainOptions};
use crate::text::TokenKind;

/// A toy corpus: persons say things, places are visited, organisations hire.
fn toy_docs() -> Vec<Doc> {
    let persons = ["Alice Martin", "Bob", "Carla Diaz", "Dmitri", "Eve Moreau", "Farid"];
    let places = ["Paris", "Lyon", "Berlin", "Quito", "Oslo", "Lima"];
    let orgs = ["Acme Corp", "Globex", "Initech", "Umbrella Inc"];
    let mut docs = Vec::new();
    for k in 0..24 {
        let p = persons[k % persons.len()];
        let l = places[(k * 5 + 1) % places.len()];
        let o = orgs[(k * 7 + 2) % orgs.len()];
        let text = format!("{p} said that the weather was fine. They visited {l} on Monday. {o} hired {p} last year.");
        let (tokens, sentences) = segment(&text);
        let mut gold = Vec::new();
        for (name, ty) in [(p, 0usize), (l, 2), (o, 1)] {
            let mut from = 0;
            while let Some(pos) = text[from..].find(name) {
                let a = from + pos;
                let b = a + name.len();
                let first = tokens.iter().position(|t| t.start() == a);
                let last = tokens.iter().position(|t| t.end() == b);
                if let (Some(f), Some(l)) = (first, last) {
                    gold.push((f..l + 1, ty));
                }
                from = b;
            }
        }
        gold.sort_by_key(|g| g.0.start);
        docs.push(Doc { name: format!("toy{k}"), text, tokens, sentences, gold });
    }
    docs
}

fn toy_options() -> TrainOptions {
    TrainOptions {
        language: Language::English,
        epochs: 5,
        epochs2: 5,
        seed: 7,
        hash_bits: 18,
        passes: 2,
        folds: 3,
        feats1: FEAT_LOCAL | FEAT_DOC | FEAT_GAZ,
        feats2: FEAT_FIRST_AGG | FEAT_RESIDUAL,
        train_gazetteer: true,
        word_gazetteer: true,
        min_q: 1,
        min_count: 1,
        shared: true,
        bags: 1,
        clip: 1.0,
        mu: 255.0,
        verbose: false,
    }
}

fn toy_model() -> Model {
    let docs = toy_docs();
    train(&docs, &docs[..4], &[], &toy_options())
}

fn spans_of(m: &Model, text: &str) -> Vec<(String, EntityType)> {
    let (tokens, sentences) = segment(text);
    m.tag(text, &tokens, &sentences)
        .into_iter()
        .map(|s| (text[tokens[s.tokens.start].start()..tokens[s.tokens.end - 1].end()].to_string(), s.label))
        .collect()
}

#[test]
fn tiny_model_learns_the_toy_pattern() {
    let m = toy_model();
    let found = spans_of(
        &m,
        "Carla Diaz said that the weather was fine. They visited Oslo on Monday. Globex hired Carla Diaz last year.",
    );
    assert!(found.contains(&("Carla Diaz".to_string(), EntityType::PER)), "{found:?}");
    assert!(found.contains(&("Oslo".to_string(), EntityType::LOC)), "{found:?}");
    assert!(found.contains(&("Globex".to_string(), EntityType::ORG)), "{found:?}");
}

/// The shipped models read and write back to the same bytes (their rows' codes are told again
/// from the decoded values, which the tagger keeps instead of both).
#[test]
fn builtin_models_write_back_their_bytes() {
    for bytes in super::BUILTIN_MODELS {
        let m = Model::from_bytes(bytes).expect("built-in model");
        assert!(m.to_bytes() == *bytes, "{:?} model differs after a round trip", m.language());
    }
}

#[test]
fn model_round_trips_through_bytes() {
    let m = toy_model();
    let bytes = m.to_bytes();
    let back = Model::from_bytes(&bytes).expect("round trip");
    assert_eq!(back.language(), Language::English);
    assert_eq!(back.to_bytes(), bytes);
    let text = "Eve Moreau said that the weather was fine. They visited Lima on Monday.";
    assert_eq!(spans_of(&m, text), spans_of(&back, text));
}

#[test]
fn huge_documents_recompute_first_pass_scores_with_the_same_result() {
    let m = toy_model();
    let docs = toy_docs();
    for d in &docs[..6] {
        let kept = m.tag_tokens(&d.text, &d.tokens, &d.sentences);
        let mut again = vec![tags::O; d.tokens.len()];
        m.run(&d.text, &d.tokens, &d.sentences, &mut again, m.passes.len(), None, 0);
        assert_eq!(kept, again);
    }
}

#[test]
fn bad_bytes_are_errors_not_panics() {
    assert!(matches!(Model::from_bytes(b""), Err(Error::BadModel(_))));
    assert!(matches!(Model::from_bytes(b"ALNR"), Err(Error::BadModel(_))));
    assert!(matches!(Model::from_bytes(b"not a model at all, just some text"), Err(Error::BadModel(_))));
    let bytes = toy_model().to_bytes();
    // Every truncation fails.
    for n in (0..bytes.len()).step_by(7).chain(bytes.len() - 8..bytes.len()) {
        assert!(Model::from_bytes(&bytes[..n]).is_err(), "prefix of {n} bytes loaded");
    }
    // Flipped bytes fail the checksum.
    let mut b = bytes.clone();
    b[bytes.len() / 2] ^= 0x55;
    assert!(Model::from_bytes(&b).is_err());
    // Wrong version.
    let mut b = bytes.clone();
    b[4] = 99;
    assert!(Model::from_bytes(&b).is_err());
    // Corruptions with a fixed checksum must not panic, whether they load or not, and a model
    // that loads must tag without panicking.
    let mut seed = 0x1234_5678_u64;
    for _ in 0..300 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut b = bytes[..bytes.len() - 4].to_vec();
        let i = 6 + (seed as usize % (b.len() - 6));
        b[i] = (seed >> 32) as u8;
        let sum = codec::checksum(&b);
        b.extend_from_slice(&sum.to_le_bytes());
        if let Ok(m) = Model::from_bytes(&b) {
            let _ = spans_of(&m, "Bob said that the weather was fine in Paris.");
        }
    }
}

#[test]
fn tagging_handles_empty_and_odd_input() {
    let m = toy_model();
    assert!(m.tag("", &[], &[]).is_empty());
    let text = "Bob visited Paris.";
    let (tokens, _) = segment(text);
    assert!(m.tag(text, &tokens, &[]).is_empty());
    // Sentence ranges past the end, reversed or empty are tolerated.
    #[allow(clippy::reversed_empty_ranges)]
    let odd = [0..0, 3..1, 1..100, 50..60];
    let _ = m.tag(text, &tokens, &odd);
    // Token offsets that do not fit the text (or split a character) are tolerated.
    let bad = [
        Token::new(0, 3, TokenKind::Word),
        Token::new(5, 500, TokenKind::Word),
        Token::new(1, 2, TokenKind::Word),
    ];
    let whole = [0..3, 1..2];
    let _ = m.tag("é b", &bad, &whole);
}

#[test]
fn builtin_models_load_and_tag() {
    let mut langs = Vec::new();
    for bytes in BUILTIN_MODELS {
        let m = Model::from_bytes(bytes).expect("builtin model loads");
        langs.push(m.language());
    }
    assert!(langs.contains(&Language::French) && langs.contains(&Language::English));
    let en =
        BUILTIN_MODELS.iter().filter_map(|b| Model::from_bytes(b).ok()).find(|m| m.language() == Language::English);
    let fr = BUILTIN_MODELS.iter().filter_map(|b| Model::from_bytes(b).ok()).find(|m| m.language() == Language::French);
    let (Some(en), Some(fr)) = (en, fr) else { panic!("missing builtin model") };
    let found =
        spans_of(&en, "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday.");
    assert!(found.contains(&("Angela Merkel".to_string(), EntityType::PER)), "{found:?}");
    assert!(found.contains(&("Paris".to_string(), EntityType::LOC)), "{found:?}");
    let found = spans_of(&fr, "Le président Emmanuel Macron a reçu Angela Merkel à l’Élysée, a indiqué l’AFP.");
    // French PER spans take a directly preceding title or function (models/MODEL_CARD.md).
    assert!(found.contains(&("président Emmanuel Macron".to_string(), EntityType::PER)), "{found:?}");
}

/// The AVX2 copy of the tagging pass gives exactly the tags of the portable one (integer
/// arithmetic only), on the shipped models, over the dev articles when they are at hand, with
/// the first pass's scores kept or computed again.
#[cfg(target_arch = "x86_64")]
#[test]
fn avx2_pass_tags_as_the_portable_pass() {
    if !super::x86_64::has_avx2() {
        eprintln!("skipped: this CPU has no AVX2");
        return;
    }
    let mut texts = vec![
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday.".to_string(),
        "Le président Emmanuel Macron a reçu Angela Merkel à l’Élysée, a indiqué l’AFP.".to_string(),
    ];
    let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev");
    match std::fs::read_dir(&dev) {
        Ok(dir) => {
            for entry in dir.flatten() {
                if entry.path().extension().is_some_and(|e| e == "txt") {
                    texts.extend(std::fs::read_to_string(entry.path()));
                }
            }
        }
        Err(_) => eprintln!("avx2_pass_tags_as_the_portable_pass: {} not found; comparing two sentences only", dev.display()),
    }
    let mut tagged = 0;
    for bytes in BUILTIN_MODELS {
        let m = Model::from_bytes(bytes).expect("builtin model loads");
        for text in &texts {
            let (tokens, sentences) = segment(text);
            let fast = m.tag_tokens(text, &tokens, &sentences);
            super::x86_64::FORCE_PORTABLE.with(|f| f.set(true));
            let portable = m.tag_tokens(text, &tokens, &sentences);
            super::x86_64::FORCE_PORTABLE.with(|f| f.set(false));
            let start: String = text.chars().take(60).collect();
            assert_eq!(fast, portable, "{:?} model, text starting {start:?}", m.language());
            // Also where the first pass's scores are computed again rather than kept (documents
            // over KEEP_SCORES_MAX_TOKENS tokens; forced here with a limit of 0).
            for force_portable in [false, true] {
                super::x86_64::FORCE_PORTABLE.with(|f| f.set(force_portable));
                let mut recomputed = vec![tags::O; tokens.len()];
                m.run(text, &tokens, &sentences, &mut recomputed, m.passes.len(), None, 0);
                super::x86_64::FORCE_PORTABLE.with(|f| f.set(false));
                assert_eq!(recomputed, fast, "{:?} model, recomputed, portable {force_portable}, {start:?}", m.language());
            }
            tagged += tokens.len();
        }
    }
    assert!(tagged > 0);
}

/// A word of letters is hashed without tokenizing (`Model::gazetteer_has`'s shortcut): the same
/// answer as through the tokenizer, for every word of the curated lists it is asked about.
#[test]
fn one_word_gazetteer_lookups_match_the_tokenized_ones() {
    let lists = [include_str!("../../data/gazetteer/fr/demonym.txt"), include_str!("../../data/gazetteer/en/demonym.txt"), include_str!("../../data/gazetteer/common/loc.txt")];
    let words: Vec<&str> = lists.iter().flat_map(|l| l.lines()).map(|l| l.split('#').next().unwrap_or("").trim()).filter(|w| !w.is_empty()).collect();
    let mut found = 0;
    for bytes in BUILTIN_MODELS {
        let m = Model::from_bytes(bytes).expect("builtin model loads");
        for w in &words {
            for form in [w.to_string(), w.to_lowercase(), format!("{w}s")] {
                let tokenized = m.gazetteer_has_tokens(&form, &crate::text::tokenize(&form), gazetteer::G_DEMONYM);
                assert_eq!(m.gazetteer_has(&form, gazetteer::G_DEMONYM), tokenized, "{form:?}");
                let tokenized = m.gazetteer_has_tokens(&form, &crate::text::tokenize(&form), gazetteer::G_LOC);
                assert_eq!(m.gazetteer_has(&form, gazetteer::G_LOC), tokenized, "{form:?}");
                found += tokenized as usize;
            }
        }
    }
    assert!(found > 100, "{found}");
}
