#!/usr/bin/env bash
# Builds the wasm module into www/pkg (generated, not committed):
#   1. cargo rustc --crate-type cdylib, so that LTO really applies (it is ignored when the
#      crate types include rlib);
#   2. wasm-bindgen --target web (ES module glue);
#   3. wasm-opt -Oz from npm's binaryen (Debian's older wasm-opt produces modules Chromium rejects),
#      then the comment lines of the compiled-in word lists are blanked
#      (scripts/wasm-data-comments.mjs; about 1.5 KB less gzipped).
# The entity models are copied beside it; the browser fetches only the language it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo rustc --quiet --lib --profile wasm-release --target wasm32-unknown-unknown --crate-type cdylib
raw=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm-release/article_lens.wasm
mkdir -p www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg "$raw"
node_modules/.bin/wasm-opt -Oz --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  www/pkg/article_lens_bg.wasm -o www/pkg/article_lens_bg.wasm
node scripts/wasm-data-comments.mjs www/pkg/article_lens_bg.wasm
mkdir -p www/pkg/models
for m in models/*.bin; do
  [ -e "$m" ] && cp "$m" www/pkg/models/
done
echo "wasm: $(wc -c < www/pkg/article_lens_bg.wasm) bytes ($(gzip -9c www/pkg/article_lens_bg.wasm | wc -c) gzipped)"
