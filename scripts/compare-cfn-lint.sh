#!/usr/bin/env bash
# Compare iot-jobs-lint with cfn-lint (pinned, installed on first use into
# ${XDG_CACHE_HOME:-$HOME/.cache}/iot-jobs-lint/cfn-lint-venv) on the CloudFormation templates of
# tests/corpus/cfn/ and examples/; prints a Markdown table (see scripts/compare-cfn-lint.py).
#
#   scripts/compare-cfn-lint.sh [--out FILE] [--bin PATH] [--cfn-lint PATH] [--per-file [--jobs N]]
#
# The binary is $IOT_JOBS_LINT_BIN, default target/release/iot-jobs-lint; when that default is
# missing, build it first with BUILD=1 (cargo build --release -p iot-jobs-lint-cli).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${IOT_JOBS_LINT_BIN:-}" && ! -x target/release/iot-jobs-lint && "${BUILD:-0}" == 1 ]]; then
  cargo build --release --locked -p iot-jobs-lint-cli >&2
fi
exec python3 scripts/compare-cfn-lint.py "$@"
