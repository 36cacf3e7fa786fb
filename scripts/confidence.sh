#!/usr/bin/env bash
# Regenerates data/confidence.tsv: each extraction rule's precision on the sample corpus
# (data/releases with tests/gold), as `spacekg eval --confidence-out` measures it. Run it
# after changing extraction; a test fails while the committed file is out of date. The
# binary is rebuilt after writing, since the file is compiled into it.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/spacekg-target}"
cargo run --quiet --release -- eval tests/gold --releases data/releases \
  --confidence-out data/confidence.tsv --rules | tail -n 1
echo "wrote data/confidence.tsv"
