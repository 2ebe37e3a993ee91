#!/usr/bin/env bash
# The project's test command (the README's, and what CI runs): formatting, lints, every test of
# the workspace, then the npm package: set up the wasm toolchain (idempotent: scripts/setup-wasm.sh),
# build the package (scripts/build-pkg.sh) and its test build (--test-panic: pkg/dist-test, forced
# internal errors for the recovery tests) and run its Node tests (pkg/test/), then the VS Code
# extension: build its .vsix (scripts/build-vsix.sh: npm ci and @vscode/vsce in editors/vscode)
# and run its Node tests (editors/vscode/test/), then build the web
# console and run its browser tests (scripts/test-web.sh; installs Debian's chromium when missing),
# then the pre-commit hook end to end (scripts/test-pre-commit.sh: pre-commit from PyPI in a venv
# in /tmp, about 2 minutes when it builds the CLI; PRE_COMMIT_TEST=0 skips it), then the GitHub
# Action (scripts/test-action.sh: check-jsonschema from PyPI in a venv in /tmp, about 10 s;
# ACTION_TEST=0 skips it), then the Python package (scripts/test-python.sh: maturin, pytest and
# boto3 from PyPI in a venv in /tmp, the wheel built and installed there, pytest on python/tests;
# about a minute once the crates are compiled; PYTHON_TEST=0 skips it),
# and last a fuzz smoke: every fuzz target for FUZZ_SECONDS (default 30) seconds
# (scripts/fuzz-smoke.sh; installs cargo-fuzz when missing; FUZZ_SMOKE=0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "### cargo fmt --check"
cargo fmt --all -- --check
echo "### cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings
# (the npm wrapper's test-only feature too, which the workspace run leaves off)
cargo clippy -p iot-jobs-lint-wasm --all-targets --features test-panic --locked -- -D warnings
cargo clippy -p iot-jobs-lint-wasm --all-targets --features cli --locked -- -D warnings
echo "### cargo test --workspace"
cargo test --workspace --locked
# The npm command's exports (report.rs), behind the wasm crate's `cli` feature.
cargo test -p iot-jobs-lint-wasm --features cli --locked
# The core without CloudFormation templates (the npm package's library module).
cargo test -p iot-jobs-lint --no-default-features --lib --locked without_templates
echo "### cargo package (the crates meant for crates.io, each with its LICENSE, build from their .crate files)"
# --allow-dirty: earlier steps may leave build outputs (proptest regressions) in crate folders.
# Cargo unpacks the packaged crates into its registry cache by name and version; an earlier run
# from the same checkout path leaves a stale copy that the verification build would reuse. They are
# this project's own crates (never from crates.io), so the copies go.
rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/iot-jobs-lint-*
# Not the two bindings: the npm package's crate and the Python package's (its Python half and
# pyproject.toml live outside the crate; maturin builds and publishes it, to PyPI).
cargo package --workspace --exclude iot-jobs-lint-wasm --exclude iot-jobs-lint-py --locked --allow-dirty --quiet
echo "### npm package: wasm toolchain and node modules"
bash scripts/setup-wasm.sh
echo "### npm package: build"
bash scripts/build-pkg.sh
echo "### npm package: the test build with forced failures (pkg/dist-test, never published)"
bash scripts/build-pkg.sh --test-panic
echo "### node --test (pkg/test: the corpus, the API, limits, recovery, npm pack + TypeScript + esbuild, the npx command against the native CLI)"
# pkg/test/cli.test.mjs compares the npm command with this native binary (built by cargo test above).
cargo build --quiet --locked -p iot-jobs-lint-cli
target_dir=$(cargo metadata --format-version 1 --no-deps --locked | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).target_directory')
(cd pkg && IOT_JOBS_LINT_BIN="$target_dir/debug/iot-jobs-lint" node --test --test-reporter=tap test/*.test.mjs)
echo "### VS Code extension: build the .vsix (scripts/build-vsix.sh) and run its tests (editors/vscode/test: server resolution, activation against a stub vscode, the .vsix manifest, the real server with the extension's initializationOptions)"
bash scripts/build-vsix.sh
(cd editors/vscode && IOT_JOBS_LINT_BIN="$target_dir/debug/iot-jobs-lint" node --test --test-reporter=tap test/*.test.mjs)
if [ "${PRE_COMMIT_TEST:-1}" != 0 ]; then
  echo "### pre-commit hook: pre-commit try-repo on a scratch repository (PRE_COMMIT_TEST=0 skips it)"
  bash scripts/test-pre-commit.sh
fi
if [ "${ACTION_TEST:-1}" != 0 ]; then
  echo "### GitHub Action: action.yml against SchemaStore's schema, its run: scripts on the examples (ACTION_TEST=0 skips it)"
  bash scripts/test-action.sh
fi
if [ "${PYTHON_TEST:-1}" != 0 ]; then
  echo "### Python package: maturin wheel, pytest with the real botocore, the console script (PYTHON_TEST=0 skips it)"
  # python/tests/test_cli.py compares the console script with the native binary built above.
  IOT_JOBS_LINT_BIN="$target_dir/debug/iot-jobs-lint" bash scripts/test-python.sh
fi
echo "### web console: build and browser tests in headless Chromium (web/test)"
bash scripts/test-web.sh
if [ "${FUZZ_SMOKE:-1}" != 0 ]; then
  echo "### fuzz smoke (scripts/fuzz-smoke.sh, ${FUZZ_SECONDS:-30} s per target)"
  bash scripts/fuzz-smoke.sh
fi
