#!/usr/bin/env bash
# README's test command: installs what the build needs, then runs every test of the workspace
# (the product's tests, the crash test, and the tools' tests with a short fuzz run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo test --workspace
