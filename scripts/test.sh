#!/usr/bin/env bash
# README's test command: installs what the build needs, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo test
