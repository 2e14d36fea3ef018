#!/usr/bin/env bash
# Instructions per wasm analysis of one article, counted rather than timed: on a shared machine
# timings drift by up to 2x from minute to minute, which hides the few percent a build choice
# (scripts/build-wasm.sh) is worth.
#
#   bash bench/wasm-instructions.sh [PKG_DIR [ARTICLE]]
#
# Runs node (V8 compiling wasm straight with its optimising compiler, on one thread) under
# valgrind's callgrind with 5 analyses and with 25, and prints the difference over 20:
# start-up, compilation and the first runs cancel out. Each count is the lower of two runs:
# now and then a run counts tens of millions more than the same run did before (some one-off
# work in V8), which moved single differences by up to 7%; repeated, the lower counts agree to
# about 0.2%. Needs valgrind; about 4 minutes per module. Defaults: www/pkg, the 12 KB French
# dev sample. Memory stalls are not counted, so a change that moves memory around rather than
# instructions still needs timing.
set -euo pipefail
# Paths given are taken from where the script is run; the defaults from the repository.
pkg=$(realpath "${1:-$(dirname "$0")/../www/pkg}")
article=$(realpath "${2:-$(dirname "$0")/../../shared/eval/dev/fr-geneva-talks.txt}")
cd "$(dirname "$0")/.."
for tool in valgrind node; do
  command -v $tool >/dev/null || { echo "wasm-instructions: $tool is not installed" >&2; exit 1; }
done
count() {
  valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file=/dev/null \
    node --no-liftoff --single-threaded bench/wasm-analyses.mjs "$pkg" "$1" "$article" "$2" 2>&1 |
    sed -n 's/.*Collected : *\([0-9]*\).*/\1/p; s/.*refs: *\([0-9,]*\).*/\1/p' | tr -d , | tail -1
}
lower_of_two() {
  local a b
  a=$(count "$1" "$2")
  b=$(count "$1" "$2")
  if ! [[ $a =~ ^[0-9]+$ && $b =~ ^[0-9]+$ ]]; then
    echo "wasm-instructions: no instruction count in valgrind's output ($1, $2 analyses)" >&2
    exit 1
  fi
  echo $(( a < b ? a : b ))
}
found=0
for module in article_lens_simd_bg.wasm article_lens_bg.wasm; do
  [ -e "$pkg/$module" ] || continue
  found=1
  few=$(lower_of_two "$module" 5)
  many=$(lower_of_two "$module" 25)
  echo "$module: $(( (many - few) / 20 )) instructions per analysis of $(basename "$article")"
done
if [ $found = 0 ]; then
  echo "wasm-instructions: no wasm module in $pkg (build with npm run build)" >&2
  exit 1
fi
