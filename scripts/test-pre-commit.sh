#!/usr/bin/env bash
# Tests the pre-commit hook (.pre-commit-hooks.yaml) end to end: installs pre-commit from PyPI into
# a venv in /tmp (kept between runs: PRE_COMMIT_VENV), makes a scratch git repository with one good
# and one bad job file from examples/, and runs `pre-commit try-repo` on this repository: the good
# file passes, the bad one is rejected. The hook builds the CLI with `cargo run --release` in
# pre-commit's clone of the repository (its cache: PRE_COMMIT_HOME, default a fresh directory in
# /tmp), so the first run compiles the CLI.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
venv="${PRE_COMMIT_VENV:-/tmp/iot-jobs-lint-pre-commit-venv}"
if [ ! -x "$venv/bin/pre-commit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pre-commit
fi
scratch="$(mktemp -d /tmp/iot-jobs-lint-pre-commit.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$scratch/cache}"
mkdir -p "$scratch/work"
cd "$scratch/work"
git init --quiet .
# The example's schedule moved into the future: the hook runs with the real clock.
python3 "$repo/scripts/dated-examples.py" . "$repo/examples/firmware-ota.job.json"
mv firmware-ota.job.json good.job.json
cp "$repo/examples/broken.job.json" bad.job.json
git add good.job.json bad.job.json
# try-repo runs the hooks of the repository's HEAD plus its uncommitted changes.
echo "### good file: must pass"
"$venv/bin/pre-commit" try-repo "$repo" iot-jobs-lint --files good.job.json
echo "### bad file: must be rejected"
if "$venv/bin/pre-commit" try-repo "$repo" iot-jobs-lint --files bad.job.json; then
  echo "FAIL: the hook accepted bad.job.json" >&2
  exit 1
fi
echo "### pre-commit hook: ok"
