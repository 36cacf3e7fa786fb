#!/usr/bin/env bash
# Checks that `spacekg eval` scores exactly as the independent scorer ../shared/tools/kg-eval
# (Python, rdflib) on a corpus folder of NAME.txt + NAME.gold.json (default ../shared/corpus):
# same table, same summary line, same notes for each release (kg-eval lists a release's
# notes in no fixed order, so both are sorted). Needs python3 with rdflib; not part of CI,
# since the scorer lives outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/spacekg-target}"
cargo build --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A copy of the binary: another build in a shared target folder may replace the original.
cp "$CARGO_TARGET_DIR/debug/spacekg" "$work/spacekg"
"$work/spacekg" eval -v "$corpus" > "$work/spacekg.txt" || true
python3 ../shared/tools/kg-eval --bin "$work/spacekg" -v "$corpus" 2>/dev/null > "$work/kg-eval.txt"
keyed() { awk '/^== /{r=$0} {print r "\t" $0}' "$1" | sort; }
if diff <(keyed "$work/kg-eval.txt") <(keyed "$work/spacekg.txt"); then
  echo "identical: $(tail -n 1 "$work/spacekg.txt")"
else
  echo "spacekg eval and kg-eval differ (< kg-eval, > spacekg eval)" >&2
  exit 1
fi
