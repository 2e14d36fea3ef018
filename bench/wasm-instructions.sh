#!/usr/bin/env bash
# Instructions per wasm analysis of one article, counted rather than timed: on a shared machine
# timings drift by up to 2x from minute to minute, which hides the few percent a build choice
# (scripts/build-wasm.sh) is worth; instruction counts repeat to about 0.2%.
#
#   bash bench/wasm-instructions.sh [PKG_DIR [ARTICLE]]
#
# Runs node (V8 compiling wasm straight with its optimising compiler, on one thread) under
# valgrind's callgrind, once with 5 analyses and once with 25, and prints the difference over
# 20: start-up, compilation and the first runs cancel out. Needs valgrind; takes about a
# minute per module. Defaults: www/pkg, the 12 KB French dev sample. Memory stalls are not
# counted, so a change that moves memory around (rather than instructions) still needs timing.
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=${1:-www/pkg}
article=${2:-../shared/eval/dev/fr-geneva-talks.txt}
command -v valgrind >/dev/null || { echo "wasm-instructions: valgrind is not installed" >&2; exit 1; }
count() {
  valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file=/dev/null \
    node --no-liftoff --single-threaded bench/wasm-analyses.mjs "$pkg" "$1" "$article" "$2" 2>&1 |
    sed -n 's/.*Collected : *\([0-9]*\).*/\1/p; s/.*refs: *\([0-9,]*\).*/\1/p' | tr -d , | tail -1
}
for module in article_lens_simd_bg.wasm article_lens_bg.wasm; do
  [ -e "$pkg/$module" ] || continue
  few=$(count "$module" 5)
  many=$(count "$module" 25)
  echo "$module: $(( (many - few) / 20 )) instructions per analysis of $(basename "$article")"
done
