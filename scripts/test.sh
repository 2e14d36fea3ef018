#!/usr/bin/env bash
# npm test: set-up (idempotent), Rust tests, wasm build, dev-set quality floors, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - start ))s)"; }

step "set-up"
bash scripts/setup.sh --browser

step "Rust unit, integration and doc tests"
cargo test --release --quiet

step "wasm build"
bash scripts/build-wasm.sh

step "size budgets"
node scripts/check-size.mjs

if [ -d ../shared/eval/dev ]; then
  step "dev-set quality floors (../shared/eval)"
  bash scripts/eval.sh --floors
else
  echo "(../shared/eval/dev not found: skipping the dev-set quality floors)"
fi

if [ -d ../shared/data/ner ]; then
  step "the committed entity models are what the training command makes"
  bash scripts/check-models.sh
else
  echo "(../shared/data/ner not found: skipping the model reproducibility check)"
fi

step "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/

step "all tests passed in $(( $(date +%s) - start ))s"
