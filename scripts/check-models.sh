#!/usr/bin/env bash
# Checks that the committed entity models are exactly what the training command makes from the
# current sources, word lists and data: `train-ner --lang LANG` is retrained into a temporary file
# and compared byte for byte with models/ner-LANG.bin (training is deterministic). A list or
# feature change that alters training then fails here until the model is retrained and its
# scores are updated in models/MODEL_CARD.md. About 30 s; needs ../shared/data/ner.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin train-ner
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
for lang in en fr; do
  target/release/train-ner --lang "$lang" --out "$tmp/ner-$lang.bin" > "$tmp/$lang.log" 2>&1 || { cat "$tmp/$lang.log"; exit 1; }
  if cmp -s "$tmp/ner-$lang.bin" "models/ner-$lang.bin"; then
    echo "ok   models/ner-$lang.bin is what train-ner --lang $lang makes"
  else
    echo "FAIL models/ner-$lang.bin differs from what train-ner --lang $lang makes now: retrain it"
    echo "     (cargo run --release --bin train-ner -- --lang $lang) and update models/MODEL_CARD.md"
    failed=1
  fi
done
exit $failed
