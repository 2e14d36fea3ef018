#!/usr/bin/env bash
# npm run eval: quality on the dev set (quotes, speakers, entities; all, French, English), on our
# held-out sets (tests/heldout to tests/heldout7) and,
# with the data present, the entity tagger on its evaluation sets.
#   scripts/eval.sh            full report
#   scripts/eval.sh --floors   only the checks against tests/quality-floors.txt (dev set) and
#                              tests/heldout*-floors.txt (held-out sets), for npm test
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=../shared/eval
[ -d "$EVAL/dev" ] || { echo "eval: $EVAL/dev not found (the shared evaluation data sits beside the checkout)"; exit 1; }
cargo build --release --quiet --bin article-lens --bin eval-ner
CMD='target/release/article-lens analyze {file}'

# Checks score.py's totals on the articles of $1 against the floors in $2.
check_floors() {
  local out
  out=$(mktemp)
  python3 "$EVAL/score.py" --cmd "$CMD" --gold "$1" --json "$out" > /dev/null
  python3 - "$out" "$2" <<'PY'
import json, re, sys
totals = json.load(open(sys.argv[1]))["totals"]
failed = False
for line in open(sys.argv[2]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    key, op, value = re.fullmatch(r"(\w+)\s*(<=|>=)\s*([\d.]+)", line).groups()
    got, value = totals[key], float(value)
    ok = got <= value if op == "<=" else got >= value
    failed |= not ok
    print(f"{'ok  ' if ok else 'FAIL'} {key} = {got:.3f} (must be {op} {value})")
print("TOTAL " + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in totals.items()))
sys.exit(1 if failed else 0)
PY
}

if [ "${1:-}" = "--floors" ]; then
  echo "dev set ($EVAL/dev):"
  check_floors "$EVAL/dev" tests/quality-floors.txt || exit 1
  for set in heldout heldout2 heldout3 heldout4 heldout5 heldout6 heldout7; do
    echo "held-out set (tests/$set):"
    check_floors "tests/$set" "tests/$set-floors.txt" || exit 1
  done
  exit 0
fi

echo "== all dev articles"
python3 "$EVAL/score.py" --cmd "$CMD" -v
tmp=$(mktemp -d)
for lang in fr en; do
  mkdir -p "$tmp/$lang"
  for g in "$EVAL"/dev/*.gold.json; do
    if python3 -c "import json,sys; sys.exit(0 if json.load(open('$g'))['lang']=='$lang' else 1)"; then
      base=$(basename "$g" .gold.json)
      ln -s "$(realpath "$g")" "$tmp/$lang/"
      ln -s "$(realpath "$EVAL/dev/$base.txt")" "$tmp/$lang/"
    fi
  done
  echo; echo "== $lang only"
  python3 "$EVAL/score.py" --cmd "$CMD" --gold "$tmp/$lang" | tail -1
done
rm -rf "$tmp"
for set in heldout heldout2 heldout3 heldout4 heldout5 heldout6 heldout7; do
  echo; echo "== held-out articles we composed (tests/$set; see its README)"
  python3 "$EVAL/score.py" --cmd "$CMD" --gold "tests/$set" -v
done
if [ -d ../shared/data/ner ]; then
  echo; echo "== entity tagger (eval-ner)"
  target/release/eval-ner --data ../shared/data/ner
fi
