//! Training and evaluation for the `train-ner` and `eval-ner` binaries (native only; not a
//! stable API).

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::lang::Language;
use crate::ner::features::{FEAT_DOC, FEAT_FIRST_AGG, FEAT_FIRST_TAGS, FEAT_GAZ, FEAT_LOCAL, FEAT_RESIDUAL};
use crate::ner::Model;

pub(crate) mod data;
pub(crate) mod eval;
pub(crate) mod train;

use data::{BratStats, Doc, Split};
use eval::Counts;
use train::TrainOptions;

const DEFAULT_DATA: &str = "../shared/data/ner";
/// `--augment` for French unless `--no-augment`.
const DEFAULT_AUGMENT: &str = "copies=1,split=0.5,ocr=0.05";

fn usage_train() -> String {
    "usage: train-ner --lang en|fr [--data DIR] [--out FILE] [--epochs N] [--epochs2 N] [--passes 1|2] \
     [--second-pass shared|residual|full] [--bags N] [--folds K] [--hash-bits B] [--min-q Q] [--clip F] [--mu M] [--seed S] [--gazetteer DIR] [--no-gazetteer] \
     [--no-train-gazetteer] [--no-doc] [--no-first-tags] [--no-word-gazetteer] [--silver] [--include-dev] [--no-honorifics] [--titles N|--no-titles] [--augment copies=1,split=P,ocr=P,caps=P,hyphens=false|--no-augment] [--results-tables N]"
        .to_string()
}

struct Args {
    rest: Vec<String>,
}

impl Args {
    fn new(args: Vec<String>) -> Args {
        Args { rest: args }
    }

    fn flag(&mut self, name: &str) -> bool {
        if let Some(i) = self.rest.iter().position(|a| a == name) {
            self.rest.remove(i);
            true
        } else {
            false
        }
    }

    fn value(&mut self, name: &str) -> Result<Option<String>, String> {
        let Some(i) = self.rest.iter().position(|a| a == name) else { return Ok(None) };
        if i + 1 >= self.rest.len() {
            return Err(format!("{name} needs a value"));
        }
        let v = self.rest.remove(i + 1);
        self.rest.remove(i);
        Ok(Some(v))
    }

    fn parsed<T: std::str::FromStr>(&mut self, name: &str) -> Result<Option<T>, String> {
        match self.value(name)? {
            None => Ok(None),
            Some(v) => v.parse().map(Some).map_err(|_| format!("bad value for {name}: {v}")),
        }
    }

    fn done(&self, usage: &str) -> Result<(), String> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(format!("unexpected arguments {:?}\n{usage}", self.rest))
        }
    }
}

fn load_conll(path: &Path) -> Result<Vec<Doc>, String> {
    data::read_conll(path, None)
}

fn winer(data: &Path, which: &[Split]) -> Result<(Vec<Doc>, BratStats), String> {
    let mut stats = BratStats::default();
    let docs = data::read_brat_dir(&data.join("fr/winer"), which, &mut stats)?;
    Ok((docs, stats))
}

/// `train-ner` entry point; `args` excludes the program name.
pub fn train_main(args: Vec<String>) -> Result<(), String> {
    let mut a = Args::new(args);
    if a.flag("--help") || a.flag("-h") {
        println!("{}", usage_train());
        return Ok(());
    }
    let lang = a.value("--lang")?.ok_or_else(usage_train)?;
    let language = match lang.as_str() {
        "en" => Language::English,
        "fr" => Language::French,
        _ => return Err(format!("unknown language {lang}\n{}", usage_train())),
    };
    let data_dir = PathBuf::from(a.value("--data")?.unwrap_or_else(|| DEFAULT_DATA.to_string()));
    let out = PathBuf::from(a.value("--out")?.unwrap_or_else(|| format!("models/ner-{lang}.bin")));
    let gaz_dir = PathBuf::from(a.value("--gazetteer")?.unwrap_or_else(|| "data/gazetteer".to_string()));
    let no_gaz = a.flag("--no-gazetteer");
    let no_train_gaz = a.flag("--no-train-gazetteer");
    let no_doc = a.flag("--no-doc");
    let silver = a.flag("--silver");
    let include_dev = a.flag("--include-dev");
    let no_honorifics = a.flag("--no-honorifics");
    // French defaults (see models/MODEL_CARD.md): PER spans take a directly preceding title or
    // function, 40 synthetic results tables, one augmented copy of the training files.
    let no_titles = a.flag("--no-titles");
    let max_titles: usize = a.parsed("--titles")?.unwrap_or(if no_titles { 0 } else { 3 });
    let tables: usize = a.parsed("--results-tables")?.unwrap_or(40);
    let no_augment = a.flag("--no-augment");
    let augment = match a.value("--augment")? {
        Some(v) => Some(data::Augment::parse(&v)?),
        None if no_augment => None,
        None => Some(data::Augment::parse(DEFAULT_AUGMENT)?),
    };
    let verbose = a.flag("--verbose");
    let second = a.value("--second-pass")?.unwrap_or_else(|| "shared".to_string());
    let no_first_tags = a.flag("--no-first-tags");
    let mut opts = TrainOptions {
        language,
        epochs: 10,
        epochs2: 10,
        seed: 0x5EED_2024,
        hash_bits: 21,
        passes: 2,
        folds: 5,
        feats1: FEAT_LOCAL | FEAT_DOC | FEAT_GAZ,
        feats2: FEAT_FIRST_TAGS | FEAT_FIRST_AGG | FEAT_RESIDUAL,
        train_gazetteer: !no_train_gaz,
        word_gazetteer: !a.flag("--no-word-gazetteer"),
        min_q: 1,
        min_count: 5,
        shared: second == "shared",
        bags: 1,
        clip: 1.0,
        mu: 255.0,
        verbose,
    };
    if let Some(v) = a.parsed("--epochs")? {
        opts.epochs = v;
    }
    if let Some(v) = a.parsed("--epochs2")? {
        opts.epochs2 = v;
    }
    if let Some(v) = a.parsed("--passes")? {
        opts.passes = v;
    }
    if let Some(v) = a.parsed("--folds")? {
        opts.folds = v;
    }
    if let Some(v) = a.parsed("--hash-bits")? {
        opts.hash_bits = v;
    }
    if let Some(v) = a.parsed("--min-q")? {
        opts.min_q = v;
    }
    if let Some(v) = a.parsed("--bags")? {
        opts.bags = v;
    }
    if let Some(v) = a.parsed("--min-count")? {
        opts.min_count = v;
    }
    if let Some(v) = a.parsed("--mu")? {
        opts.mu = v;
    }
    if let Some(v) = a.parsed("--clip")? {
        opts.clip = v;
    }
    if let Some(v) = a.parsed("--seed")? {
        opts.seed = v;
    }
    a.done(&usage_train())?;
    if !(12..=30).contains(&opts.hash_bits) || !(1..=2).contains(&opts.passes) || !(0.5..=1.0).contains(&opts.clip) {
        return Err("--hash-bits must be 12..=30, --passes 1 or 2, --clip 0.5..=1".into());
    }
    match second.as_str() {
        "full" => opts.feats2 = opts.feats1 | FEAT_FIRST_TAGS | FEAT_FIRST_AGG,
        "shared" | "residual" => {}
        other => return Err(format!("--second-pass must be shared, residual or full, not {other}")),
    }
    if no_first_tags {
        opts.feats2 &= !FEAT_FIRST_TAGS;
    }
    if no_doc {
        opts.feats1 &= !FEAT_DOC;
        opts.feats2 &= !FEAT_DOC;
    }
    if no_gaz {
        opts.feats1 &= !FEAT_GAZ;
        opts.feats2 &= !FEAT_GAZ;
    }
    let t0 = Instant::now();
    let (train_docs, dev_docs) = match language {
        Language::English => {
            let tr = load_conll(&data_dir.join("en/conll2003_en_train.conll"))?;
            let dv = load_conll(&data_dir.join("en/conll2003_en_dev.conll"))?;
            (tr, dv)
        }
        _ => {
            let which: &[Split] = if include_dev { &[Split::Train, Split::Dev] } else { &[Split::Train] };
            let (mut tr, stats) = winer(&data_dir, which)?;
            println!("WiNER training files: {stats:?}");
            let (dv, _) = winer(&data_dir, &[Split::Dev])?;
            if !no_honorifics {
                let n = data::include_honorifics(&mut tr);
                println!("training PER spans extended over a preceding honorific (M., Mme…): {n}");
            }
            if max_titles > 0 {
                let titles = data::french_titles(&gaz_dir, Path::new("data/roles/fr.txt"))?;
                let n = data::include_titles(&mut tr, &titles, max_titles);
                println!("training PER spans extended over preceding titles and functions (maréchal, conseiller fédéral…): {n}");
            }
            if tables > 0 {
                let extra = data::results_tables(&tr, tables, opts.seed);
                println!("synthetic sports results: {}", train::describe(&extra));
                tr.extend(extra);
            }
            if let Some(aug) = &augment {
                let extra = data::augment(&tr, aug, opts.seed);
                println!("augmented training copies ({aug:?}): {}", train::describe(&extra));
                tr.extend(extra);
            }
            if silver {
                let s = data::read_conll(&data_dir.join("fr/wikineural_fr_val.conll"), Some(20))?;
                println!("WikiNEuRal silver: {}", train::describe(&s));
                tr.extend(s);
            }
            (tr, dv)
        }
    };
    println!("train: {}", train::describe(&train_docs));
    println!("dev:   {}{}", train::describe(&dev_docs), if include_dev { " (included in training)" } else { "" });
    let curated =
        if no_gaz { Vec::new() } else { train::curated_entries(&[&gaz_dir.join("common"), &gaz_dir.join(&lang)])? };
    let model = train::train(&train_docs, &dev_docs, &curated, &opts);
    let bytes = model.to_bytes();
    Model::from_bytes(&bytes).map_err(|e| format!("written model does not load: {e}"))?;
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    let c = eval::evaluate(&model, &dev_docs);
    train::print_scores("final dev", &c);
    println!(
        "wrote {} ({} bytes, {} gzipped) in {:.1}s",
        out.display(),
        bytes.len(),
        gzip_size(&bytes).map_or("?".to_string(), |n| n.to_string()),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Size of `bytes` after `gzip -9` (the system gzip), if available.
pub fn gzip_size(bytes: &[u8]) -> Option<usize> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("gzip").arg("-9c").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().ok()?;
    let mut stdin = child.stdin.take()?;
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    out.status.success().then_some(out.stdout.len())
}

fn load_model(dir: &Path, lang: &str) -> Result<(Model, usize), String> {
    let p = dir.join(format!("ner-{lang}.bin"));
    let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
    let m = Model::from_bytes(&bytes).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok((m, bytes.len()))
}

fn row(name: &str, c: &Counts, extra: &str) {
    let (p, r, f) = c.prf(&[0, 1, 2]);
    let t = |k: usize| c.prf(&[k]).2 * 100.0;
    println!(
        "| {name:<22} | {:5.1} | {:5.1} | **{:5.2}** | {:5.1} | {:5.1} | {:5.1} | {:5} | {extra}",
        p * 100.0,
        r * 100.0,
        f * 100.0,
        t(0),
        t(1),
        t(2),
        c.gold_count(&[0, 1, 2])
    );
}

/// CPU time of the calling thread in seconds (Linux), for a speed figure that other
/// processes on the machine do not distort.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Tags `docs` repeatedly for about two seconds and prints tokens per second.
fn speed(what: &str, model: &Model, docs: &[Doc], fixed_runs: Option<usize>) {
    let n_tokens: usize = docs.iter().map(|d| d.n_tokens()).sum();
    let (mut runs, mut found) = (0usize, 0usize);
    let cpu0 = thread_cpu_seconds();
    let t = Instant::now();
    while fixed_runs.map_or(runs < 2 || t.elapsed().as_secs_f64() < 2.0, |n| runs < n) {
        for d in docs {
            found += model.tag(&d.text, &d.tokens, &d.sentences).len();
        }
        runs += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu0.and_then(|c0| Some(thread_cpu_seconds()? - c0)).filter(|c| *c > 0.0);
    println!(
        "\nspeed ({what}, {n_tokens} tokens x {runs} runs, one thread): {:.0} tokens/s wall clock{}; {} spans/run",
        (n_tokens * runs) as f64 / secs,
        cpu.map_or(String::new(), |c| format!(", {:.0} tokens per CPU-second", (n_tokens * runs) as f64 / c)),
        found / runs.max(1)
    );
}

/// `eval-ner` entry point; `args` excludes the program name.
pub fn eval_main(args: Vec<String>) -> Result<(), String> {
    let usage =
        "usage: eval-ner [--data DIR] [--models DIR] [--lang en|fr] [--micro-only] [--errors SET] [--bench-runs N] [--tag TEXT-FILE]";
    let mut a = Args::new(args);
    if a.flag("--help") || a.flag("-h") {
        println!("{usage}");
        return Ok(());
    }
    let data_dir = PathBuf::from(a.value("--data")?.unwrap_or_else(|| DEFAULT_DATA.to_string()));
    let models = PathBuf::from(a.value("--models")?.unwrap_or_else(|| "models".to_string()));
    let per_type = !a.flag("--micro-only");
    let errors: Option<String> = a.value("--errors")?;
    let only: Option<String> = a.value("--lang")?;
    let bench_runs: Option<usize> = a.parsed("--bench-runs")?;
    let tag_file: Option<String> = a.value("--tag")?;
    a.done(usage)?;
    if let Some(f) = tag_file {
        // The tagger's own spans on a text file, before the analyser's entity rules.
        let text = std::fs::read_to_string(&f).map_err(|e| format!("{f}: {e}"))?;
        let (m, _) = load_model(&models, only.as_deref().unwrap_or("fr"))?;
        let (tokens, sentences) = data::segment(&text);
        for s in m.tag(&text, &tokens, &sentences) {
            let (a, b) = (tokens[s.tokens.start].start(), tokens[s.tokens.end - 1].end());
            println!("{:?}\t{}", s.label, &text[a..b]);
        }
        return Ok(());
    }
    let want = |l: &str| only.as_deref().is_none_or(|o| o == l);
    let mut sets: Vec<(&str, Model, Vec<Doc>)> = Vec::new();
    let mut sizes: Vec<(&str, usize)> = Vec::new();
    let mut hipe_misaligned = None;
    if want("en") {
        for (name, file) in
            [("CoNLL-2003 en test", "en/conll2003_en_test.conll"), ("CoNLL-2003 en dev", "en/conll2003_en_dev.conll")]
        {
            let (m, size) = load_model(&models, "en")?;
            sets.push((name, m, load_conll(&data_dir.join(file))?));
            if sizes.is_empty() {
                sizes.push(("en", size));
            }
        }
    }
    if want("fr") {
        let (m, size) = load_model(&models, "fr")?;
        sizes.push(("fr", size));
        sets.push(("WiNER fr held-out", m, winer(&data_dir, &[Split::Heldout])?.0));
        let hipe = data_dir.join("fr/hipe2020_fr_dev.conll");
        sets.push(("HIPE-2020 fr dev", load_model(&models, "fr")?.0, load_conll(&hipe)?));
        let (docs, mis) = data::read_conll_as_text(&hipe)?;
        hipe_misaligned = Some(mis);
        // The French model's PER convention keeps honorifics, titles and functions before the
        // name (`M. Ador`, `maréchal Haig`); only appositions are cut from the gold.
        let bare = eval::bare_person_gold(&docs, &std::collections::HashSet::new());
        sets.push(("HIPE-2020 fr dev (text)", load_model(&models, "fr")?.0, docs));
        sets.push(("  diagnostic: no appos.¹", load_model(&models, "fr")?.0, bare));
    }
    println!("Mention-level exact span + type, micro over PER/ORG/LOC (MISC predicted but not scored).\n");
    println!("| set                    |   P   |   R   |    F1     |  PER  |  ORG  |  LOC  | gold  |");
    println!("|------------------------|-------|-------|-----------|-------|-------|-------|-------|");
    for (name, m, docs) in &sets {
        let c = eval::evaluate(m, docs);
        row(name, &c, "");
        if errors.as_deref().is_some_and(|e| name.contains(e)) {
            eval::dump_errors(m, docs);
        }
        if per_type {
            for (k, t) in ["PER", "ORG", "LOC"].iter().enumerate() {
                let (p, r, f) = c.prf(&[k]);
                println!(
                    "|   {t:<20} | {:5.1} | {:5.1} |   {:5.2}   |       |       |       | {:5} |",
                    p * 100.0,
                    r * 100.0,
                    f * 100.0,
                    c.gold_count(&[k])
                );
            }
        }
    }
    if let Some(mis) = hipe_misaligned {
        println!(
            "\nHIPE (text): the given tokens re-joined into text and re-tokenized by the crate, as the analyser sees text; {mis} gold spans do not fall on token boundaries."
        );
        println!(
            "¹ not a target metric: HIPE (text) with gold PER spans cut to the model's convention: honorific, title or function + name (`M. Ador`, `maréchal Haig`), without appositions (`M. Ador, conseiller fédéral`)."
        );
    }
    // Speed on CoNLL test, one thread.
    if let Some((_, en, conll_test)) = sets.iter().find(|s| s.0 == "CoNLL-2003 en test") {
        speed("en model on CoNLL-2003 test", en, conll_test, bench_runs);
    }
    if let Some((_, fr, winer_heldout)) = sets.iter().find(|s| s.0 == "WiNER fr held-out") {
        speed("fr model on WiNER held-out", fr, winer_heldout, bench_runs);
    }
    for (lang, size) in sizes {
        let bytes = std::fs::read(models.join(format!("ner-{lang}.bin"))).unwrap_or_default();
        println!(
            "model ner-{lang}.bin: {size} bytes, {} gzipped (gzip -9)",
            gzip_size(&bytes).map_or("n/a".to_string(), |n| n.to_string())
        );
    }
    Ok(())
}
