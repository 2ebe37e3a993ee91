#!/usr/bin/env bash
# The project's test command (the README's, and what CI runs): formatting, lints, every test.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "### cargo fmt --check"
cargo fmt --all -- --check
echo "### cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "### cargo test --workspace"
cargo test --workspace --locked
