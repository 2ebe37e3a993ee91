#!/usr/bin/env bash
# Tests the Python package (pyproject.toml, crates/iot-jobs-lint-py, python/): builds the wheel
# with maturin (a debug build: the tests need the behaviour, not the speed), installs it into a
# venv in /tmp (kept between runs: PYTHON_TEST_VENV; maturin, pytest and boto3 from PyPI), runs
# pytest on python/tests (the API, the boto3 hook against the real botocore with Stubber and fake
# credentials, the in-process CLI, the shared corpus), then checks the installed console script
# and the import from outside the repository. About 1 minute once the crates are compiled.
# PYTHON_RELEASE=1 builds with --release instead. With IOT_JOBS_LINT_BIN (the native binary; set by
# scripts/test.sh) the console script's output on examples/ must equal the binary's.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
venv="${PYTHON_TEST_VENV:-/tmp/iot-jobs-lint-python-venv}"
if [ ! -x "$venv/bin/maturin" ] || [ ! -x "$venv/bin/pytest" ] || ! "$venv/bin/python" -c 'import boto3' 2>/dev/null; then
  echo "### venv $venv: maturin, pytest, boto3 from PyPI"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  "$venv/bin/pip" install --quiet 'maturin>=1.16,<2' 'pytest>=7' boto3
fi
wheels="$(mktemp -d /tmp/iot-jobs-lint-wheels.XXXXXX)"
trap 'rm -rf "$wheels"' EXIT
echo "### maturin build (the abi3 wheel)"
release=()
[ "${PYTHON_RELEASE:-0}" != 0 ] && release=(--release)
(cd "$repo" && "$venv/bin/maturin" build --quiet --locked "${release[@]}" --interpreter "$venv/bin/python" --out "$wheels")
wheel=("$wheels"/iot_jobs_lint-*-cp39-abi3-*.whl)
echo "built ${wheel[0]##*/}"
"$venv/bin/pip" install --quiet --force-reinstall --no-deps "${wheel[0]}"
echo "### pytest (python/tests)"
# From the repository root, with the installed wheel: python/ is not on sys.path (pytest puts
# only python/tests there), so the tests exercise what pip installed.
(cd "$repo" && "$venv/bin/python" -m pytest -q -p no:cacheprovider python/tests)
echo "### the installed command and module"
cd /tmp
version="$("$venv/bin/iot-jobs-lint" --version)"
echo "$version"
[[ "$version" == "iot-jobs-lint "* ]] || { echo "FAIL: iot-jobs-lint --version printed '$version'" >&2; exit 1; }
"$venv/bin/python" -c '
import iot_jobs_lint, iot_jobs_lint.boto3, sys
assert iot_jobs_lint.__file__.startswith(sys.prefix), iot_jobs_lint.__file__
print("import iot_jobs_lint", iot_jobs_lint.__version__, "from", iot_jobs_lint.__file__)
'
