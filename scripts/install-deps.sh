#!/usr/bin/env bash
# Installs what building and testing spacekg needs on a fresh Debian machine: clang and
# libclang (Oxigraph's RocksDB is compiled from C++ with bindgen), Graphviz (SVG diagrams),
# raptor2-utils (an independent Turtle parser for the ontology check) and Python's rdflib
# (the evaluator). Does nothing for what is already there.
set -euo pipefail
need=()
command -v clang >/dev/null 2>&1 || need+=(clang)
ls /usr/lib/llvm-*/lib/libclang.so* >/dev/null 2>&1 || need+=(libclang-dev)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
python3 -c 'import rdflib' 2>/dev/null || python3 -m pip install --quiet rdflib 2>/dev/null || true
# pySHACL validates an exported graph against ontology/shapes.ttl, py-horned-owl parses the
# ontology as OWL 2 (scripts/check-graph.sh); CI needs both, so a failed install fails.
# (A Debian system Python refuses pip installs unless told --break-system-packages.)
python3 -c 'import pyshacl, pyhornedowl' 2>/dev/null \
  || python3 -m pip install --quiet pyshacl py-horned-owl 2>/dev/null \
  || python3 -m pip install --quiet --break-system-packages pyshacl py-horned-owl
