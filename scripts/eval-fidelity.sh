#!/usr/bin/env bash
# A developer check, not part of CI: that `spacekg eval` scores exactly as the project's
# independent scorer kg-eval (Python, rdflib), which is not in this repository, on a corpus
# folder of NAME.txt + NAME.gold.json (docs/gold-format.md): same table, same summary line,
# same notes for each release (kg-eval lists a release's notes in no fixed order, so both are
# sorted).
#
#   bash scripts/eval-fidelity.sh CORPUS [KG_EVAL]    (or KG_EVAL=/path/to/kg-eval in the
#                                                      environment)
set -euo pipefail
usage="usage: bash scripts/eval-fidelity.sh CORPUS [KG_EVAL]: CORPUS is a folder of NAME.txt and NAME.gold.json, KG_EVAL the kg-eval scorer (an argument or the KG_EVAL variable)"
corpus="${1:-}"
kg_eval="${2:-${KG_EVAL:-}}"
if [ -z "$corpus" ] || [ -z "$kg_eval" ]; then
  echo "$usage" >&2
  exit 2
fi
[ -d "$corpus" ] || { echo "eval-fidelity: no corpus folder $corpus" >&2; exit 2; }
[ -f "$kg_eval" ] || { echo "eval-fidelity: no kg-eval scorer at $kg_eval (give its path as the second argument or in KG_EVAL)" >&2; exit 2; }
python3 -c 'import rdflib' 2>/dev/null || { echo "eval-fidelity: kg-eval needs python3 with rdflib" >&2; exit 2; }
corpus="$(cd "$corpus" && pwd)"
kg_eval="$(cd "$(dirname "$kg_eval")" && pwd)/$(basename "$kg_eval")"
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/spacekg-target}"
# The binary of `cargo test --workspace`, so that no other build of the dependencies is made.
cargo test --workspace --no-run --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A copy of the binary: another build in a shared target folder may replace the original.
cp "$CARGO_TARGET_DIR/debug/spacekg" "$work/spacekg"
"$work/spacekg" eval -v "$corpus" > "$work/spacekg.txt" || true
python3 "$kg_eval" --bin "$work/spacekg" -v "$corpus" 2>/dev/null > "$work/kg-eval.txt"
keyed() { awk '/^== /{r=$0} {print r "\t" $0}' "$1" | sort; }
if diff <(keyed "$work/kg-eval.txt") <(keyed "$work/spacekg.txt"); then
  echo "identical: $(tail -n 1 "$work/spacekg.txt")"
else
  echo "spacekg eval and kg-eval differ (< kg-eval, > spacekg eval)" >&2
  exit 1
fi
