#!/usr/bin/env bash
# Builds the wasm modules (baseline and SIMD) into www/pkg (generated, not committed):
#   1. cargo rustc --crate-type cdylib, so that LTO really applies (it is ignored when the
#      crate types include rlib), three times: symbol names, then the module (see "Speed where it
#      counts" below), then the same with wasm SIMD (see "Two modules");
#   2. wasm-bindgen --target web (ES module glue), for the baseline and the SIMD module (below);
#   3. wasm-opt -Oz from npm's binaryen (Debian's older wasm-opt produces modules Chromium rejects;
#      -O3 gave 1.8% fewer instructions per analysis for 0.1 KB, LLVM having already compiled for
#      size what should be small; since 2026-11-30 that 0.1 KB pays for rules: the 12 KB sample
#      takes 3.7-3.8 ms in node either way on a quiet host),
#      then the comment lines of the compiled-in word lists are blanked
#      (scripts/wasm-data-comments.mjs; about 1.5 KB less gzipped).
# The entity models are copied beside it; the browser fetches only the language it needs.
#
# Speed where it counts. Compiling everything for size (opt-level "z") keeps the module small, but
# analyze() then takes about 1.5x as long as with opt-level 3, which costs 40–50 KB gzipped.
# So the profile (`wasm-release` in Cargo.toml) is opt-level 3, every function is marked `minsize`
# for LLVM (as "z" would mark it), and only the functions in HOT, where the time goes (the entity
# tagger: its per-token loop, features, row sums and Viterbi; a few per-token word helpers),
# have the mark removed, so that LLVM optimises them for speed: about 28 % less time per
# analysis than all-"z" (node, the 12 KB French sample) for about 7.5 KB gzipped, paid for by
# shipping minified scripts (step 4); the word helpers came later (1.1 KB, see HOT). The
# flags name functions by their mangled symbols, whose hashes depend on the crate and the
# profile, not on these flags: a quick unoptimised build (target/wasm-names, about 20 s the first
# time) finds them (scripts/wasm-hot.mjs). A HOT entry that no longer exists only gets a warning.
# Measured and not adopted (with the inlining budget below; instructions, see there):
# `text::tokenize_into` in HOT for both modules (-1.4%, 1.7 KB: now in the SIMD module's list
# only, see HOT_SIMD_ONLY), `DocCtx::set_first_pass` (+1.4%);
# every function optimised as opt-level "s" rather than "z" (`optsize` without `minsize`;
# -7.6% for 9.3 KB, over budget);
# opt-level "s" for everything (30 % faster, 20 KB more: over budget);
# keeping opt-level "z" and only unmarking HOT (12 % faster for 1 KB).
#
# Two modules. article_lens_bg.wasm is the baseline every browser with WebAssembly runs;
# article_lens_simd_bg.wasm is the same crate with wasm SIMD (`-Ctarget-feature=+simd128`), where
# the tagger's row sums are vector additions: about 6 % less time per analysis (node, the 12 KB
# French sample, fastest runs) and a slightly smaller module, which buys it a few more functions
# compiled for speed (HOT_SIMD_ONLY). www/lib/engine.js fetches the SIMD
# one where `WebAssembly.validate` accepts a SIMD instruction (every current browser; not Safari
# before 16.4), the baseline elsewhere. Both share one wasm-bindgen glue: the build checks that
# the glue generated for each is the same file.
#   4. scripts/build-dist.mjs writes www/dist, the tree to deploy: the scripts minified, the
#      modules and models beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
HOT=(
  article_lens::ner::weights::Table::emit
  article_lens::ner::features::context_features
  article_lens::ner::weights::viterbi
  article_lens::ner::run_pass
)
# For the SIMD module only, which every current browser runs: more functions compiled for speed,
# in the room the baseline module (a fallback) does not have. Measured with bench/wasm-instructions.sh
# (SIMD module; runs of the script vary by up to 1.5%): with the row sums kept in registers
# (weights::add_rows), tokenising, a token's text and the tagger's word features took the module
# from 36.1 to 35.0 M instructions per analysis for 1.7 KB gzipped; adding the standard hash
# sets' lookup (`hashbrown::map::contains_key`) and `WordSet::contains`, 34.6 M for 0.6 KB more.
# The entity rules added since leave room for tokenising only: `Doc::tok` and `word_features`
# are out again (each moved the size by under 30 bytes; not measured alone): 35.6 M then. The
# speaker and entity rules of the next session took that room too: the list was empty then.
# Helpers every stage calls per token (hashing a word, folding it, reading its fold back):
# together 3.7% fewer instructions per analysis (37.5 → 36.1 M) for 1.1 KB. They were in HOT
# for both modules until the speaker rules of 2026-11-29 took the baseline module over its
# budget; the baseline is the fallback for browsers without wasm SIMD (Safari before 16.4).
# DocCtx::new too since 2026-11-30, when the session's rules took the baseline module over its
# budget (the SIMD module, which browsers fetch, keeps every function it had compiled for speed).
HOT_SIMD_ONLY=(
  article_lens::ner::features::DocCtx::new
  article_lens::ner::features::token_info
  article_lens::text::fold_cow
  article_lens::pipeline::FoldedTokens
)
# LLVM's inlining budget, in its cost units. Unset, functions marked minsize inline only
# callees of cost 5 or less: many small helpers (`Vec::push`, `str::get`, hashing) stay calls,
# and the rest of the pipeline (after the tagger) takes about twice the instructions it takes
# natively. Set explicitly, the one number applies to every function: minsize ones, which
# gain, and the HOT ones too, whose budget drops from opt-level 3's 250 to this (their own
# hot callees are `inline(always)`); the measurements below are of the whole.
# Measured with bench/wasm-instructions.sh (SIMD module, instructions per analysis of the
# 12 KB French sample; timings on a shared machine cannot resolve a few percent), with
# DocCtx::new in HOT, against the SIMD module's size (gzip -9):
#   40: 40.7 M, 126.6 KB;   80: 38.0–38.2 M, 132.2 KB;
#   100: 37.1 M, 135.6 KB (the baseline module then exceeds its budget).
# (Unset: 45.7 M, measured before offsets::units_of counted a word at a time, -0.4 M.)
# 80 left both modules 1.4–3 KB under budget; the word helpers in HOT then took 1.1 KB of it.
# (Room made by replacing the standard library's lower-case table with build.rs-generated runs,
# text::lower_char: 4.4 KB.)
# The speaker rules of 2026-11-29 took both modules 0.3 KB over budget at 80; measured then on
# the SIMD module (same code): 80: 37.6 M, 150.3 KB; 75: 150.0 KB; 70: 38.8 M (+3.1%), 1.2 KB
# less. Reading the nationalities from the models' gazetteers (Doc::is_demonym) then made 1.6 KB
# of room and 80 came back, until the review mends of the same session took the modules 0.4 KB
# over again (75: still 0.2 KB over): 70 again. Next room: the organisation-word lists (about
# 1 KB gzipped) are in the models' gazetteers too and could be read from there.
# The speaker rules of the session after (participles, appositions, colon introductions, agents,
# organisations described before their name) took the modules 2.6 KB over at 70. Measured with
# that code: 70: 39.2 M instructions; 60: 39.9 M; 50: 39.8 M; 45: 40.1 M (+2.2%); 40: 41.1 M
# (+4.8%). Tables keyed by pairs, strings or u32 now take u64 keys, sharing two table types, and
# two small sets of strings are lists (about 0.6 KB less): 45 fits, the baseline 0.2 KB under.
# Then every string-keyed table (word lists, cue forms, genders, calendar words, the entity
# stage's) became one type, `FastHashMap<String, usize>` (about 2 KB less): with the rules of the
# same session's second commit, 45: 148.6 / 148.4 KB and 40.2 M instructions (the session began at
# 39.6 M with threshold 70); 50: 149.3 / 148.7 KB; 55 and 60 over budget.
# Then the crate stopped indexing `str` (`&text[a..b]`, whose panic message formats characters for
# display with Unicode's printable tables; `text::sub` returns "" instead, and check-size.mjs keeps
# the message out): 149.3 / 149.1 KB -> 145.0 / 144.9 KB at 45, the same output on 287 texts.
# The speaker and entity rules added after it (unnamed sources, nicknames, detached `selon`): 147.4 / 147.5 KB at
# 45; 55: 149.2 / 149.0; 60: 149.5 / 149.1 (about 0.5% fewer instructions, measured before):
# 45 stays, and the room is left to rules.
# The rules of 2026-11-30 (time clauses, initials, places completed leftwards) took both modules
# 0.2 KB over at 45: 40 then gives 148.8 / 148.6 KB, and the 12 KB sample takes 3.7-3.8 ms in
# node against 3.4-3.6 ms before the rules at 45 (quiet host); the bench's target is 5 ms.
INLINE_THRESHOLD=40
cdylib() {
  local dir=$1
  shift
  CARGO_TARGET_DIR=$dir cargo rustc --quiet --lib --profile wasm-release --target wasm32-unknown-unknown --crate-type cdylib -- "$@"
}
# Symbol names only: same profile (hence the same symbol hashes), no optimisation, no LTO.
cdylib "$target/wasm-names" -Copt-level=0 -Clto=off -Cdebug-assertions=off -Coverflow-checks=off
names=$target/wasm-names/wasm32-unknown-unknown/wasm-release/article_lens.wasm
hot=$(node scripts/wasm-hot.mjs "$names" "${HOT[@]}")
read -ra hot <<<"$hot"
hot_simd=$(node scripts/wasm-hot.mjs "$names" "${HOT[@]}" "${HOT_SIMD_ONLY[@]}")
read -ra hot_simd <<<"$hot_simd"
size_flags=(-Cllvm-args=-force-attribute=minsize -Cllvm-args=-force-attribute=optsize "-Cllvm-args=-inline-threshold=$INLINE_THRESHOLD")
cdylib "$target" "${size_flags[@]}" "${hot[@]}"
# The SIMD build in its own directory, so that neither build invalidates the other's cache.
cdylib "$target/wasm-simd" -Ctarget-feature=+simd128 "${size_flags[@]}" "${hot_simd[@]}"
raw=$target/wasm32-unknown-unknown/wasm-release/article_lens.wasm
raw_simd=$target/wasm-simd/wasm32-unknown-unknown/wasm-release/article_lens.wasm
mkdir -p www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg "$raw"
simd_glue=$target/wasm-simd/bindgen
rm -rf "$simd_glue"
wasm-bindgen --target web --no-typescript --out-dir "$simd_glue" "$raw_simd"
if ! cmp -s www/pkg/article_lens.js "$simd_glue/article_lens.js"; then
  echo "build-wasm: the SIMD module's wasm-bindgen glue differs from the baseline's" >&2
  exit 1
fi
optimise() {
  local wasm=$1
  shift
  node_modules/.bin/wasm-opt -Oz --strip-producers --strip-target-features "$@" \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$wasm" -o "$wasm"
  node scripts/wasm-data-comments.mjs "$wasm"
}
optimise www/pkg/article_lens_bg.wasm
cp "$simd_glue/article_lens_bg.wasm" www/pkg/article_lens_simd_bg.wasm
optimise www/pkg/article_lens_simd_bg.wasm --enable-simd
mkdir -p www/pkg/models
for m in models/*.bin; do
  [ -e "$m" ] && cp "$m" www/pkg/models/
done
for m in article_lens_bg article_lens_simd_bg; do
  echo "wasm $m: $(wc -c < "www/pkg/$m.wasm") bytes ($(gzip -9c "www/pkg/$m.wasm" | wc -c) gzipped)"
done
# The deployable tree: minified scripts beside the module and models (scripts/build-dist.mjs).
node scripts/build-dist.mjs
