#!/usr/bin/env bash
# The main job on the bundled sample data: build spacekg, ingest the sample releases into an
# embedded store (./spacekg-store), answer an example question, draw the partners diagram.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo build --release
bin=target/release/spacekg
[ -n "${CARGO_TARGET_DIR:-}" ] && bin="$CARGO_TARGET_DIR/release/spacekg"
"$bin" ingest data/releases
echo
echo "Which nations has Japan partnered with, and at which events?"
"$bin" query --file examples/queries/01-japan-partners.rq --format table
mkdir -p out
"$bin" diagram partners --format dot -o out/partners.dot
"$bin" diagram partners --format svg -o out/partners.svg
"$bin" stats
echo
echo "Diagram written to out/partners.svg (DOT in out/partners.dot); the store is ./spacekg-store."
