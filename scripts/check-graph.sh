#!/usr/bin/env bash
# Checks spacekg's graph and ontology with independent tools (run by .ci/run after the
# tests): the sample releases and the extension example are ingested, the store exported as
# Turtle and validated with pySHACL against ontology/shapes.ttl (with the ontology, whose
# rdfs:subClassOf statements sh:class follows); a deliberately broken copy must fail, so the
# check is known to bite. Then the ontology and the example extension are parsed as OWL 2 by
# py-horned-owl (scripts/check-owl.py).
set -euo pipefail
cd "$(dirname "$0")/.."
# Each tool this check needs must be there: a missing one fails it, naming what to install.
command -v pyshacl >/dev/null 2>&1 \
  || { echo "check-graph: pySHACL (pyshacl) is not installed; bash scripts/install-deps.sh installs it" >&2; exit 1; }
python3 -c 'import pyhornedowl' 2>/dev/null \
  || { echo "check-graph: py-horned-owl is not installed; bash scripts/install-deps.sh installs it" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The binary of `cargo test --workspace` (scripts/test.sh), brought up to date with the same
# command: after the tests it is a no-op, and the binary is never older than the source. A
# `cargo build` or `cargo run` here would resolve other features (no dev-dependencies) and
# compile crates a second time.
target="${CARGO_TARGET_DIR:-target}"
cargo test --workspace --no-run --quiet
bin="$work/spacekg"
cp "$target/debug/spacekg" "$bin"
spacekg() { "$bin" --store "$work/store" --ontology examples/extension/ontology "$@"; }

echo "== ingest the sample releases and the extension example"
spacekg ingest data/releases examples/extension/releases
spacekg validate | tail -n 1
spacekg export --format turtle -o "$work/graph.ttl"

echo "== pySHACL: the exported graph conforms to ontology/shapes.ttl"
pyshacl -s ontology/shapes.ttl -e ontology/spacekg.ttl -i none -f human "$work/graph.ttl" \
  > "$work/report.txt" || { cat "$work/report.txt"; exit 1; }
head -n 2 "$work/report.txt"

echo "== pySHACL: a graph with an event hosted by a rank does not"
cp "$work/graph.ttl" "$work/broken.ttl"
cat >> "$work/broken.ttl" <<'TTL'
<https://w3id.org/spacekg/id/event/broken> a <https://w3id.org/spacekg/ontology#Event> ,
    <https://w3id.org/spacekg/ontology#Talks> ;
  <http://www.w3.org/2000/01/rdf-schema#label> "Broken"@en ;
  <https://w3id.org/spacekg/ontology#host> <https://w3id.org/spacekg/rank/major-general> .
TTL
if pyshacl -s ontology/shapes.ttl -e ontology/spacekg.ttl -i none "$work/broken.ttl" > "$work/broken.txt"; then
  echo "pySHACL accepted a graph that breaks the shapes"; exit 1
fi
grep -q "Focus Node: <https://w3id.org/spacekg/id/event/broken>" "$work/broken.txt"
echo "rejected, as it should be"

echo "== OWL 2: the ontology and the example extension parse in py-horned-owl"
python3 scripts/check-owl.py ontology/spacekg.ttl examples/extension/ontology/*.ttl
