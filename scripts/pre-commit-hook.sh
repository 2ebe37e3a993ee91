#!/usr/bin/env bash
# The pre-commit hook's entry (.pre-commit-hooks.yaml): builds the CLI from this checkout (pre-commit's
# clone of the repository, kept in its cache, so the build happens once per revision) and checks
# the files pre-commit passes. Not `language: rust`: pre-commit runs `cargo install --path .` at
# the repository root, and the root Cargo.toml is a virtual workspace manifest, which cargo refuses.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
exec cargo run --quiet --release --locked --manifest-path "$here/Cargo.toml" \
  -p iot-jobs-lint-cli --bin iot-jobs-lint -- check "$@"
