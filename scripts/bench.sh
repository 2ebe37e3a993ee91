#!/usr/bin/env bash
# Lint time and heap allocations beside the jsonschema crate and the serde_json floor, as one
# Markdown report on standard output (progress goes to standard error). Run by hand, never by CI:
#
#   bash scripts/bench.sh            # ~2 minutes once built (2 cores), plus the first build
#   bash scripts/bench.sh > report.md
#
# It runs `cargo bench -p iot-jobs-lint --bench lint` (criterion: warm-up BENCH_WARM_UP seconds,
# default 1, and measurement BENCH_MEASURE seconds, default 5, per function and input), then
# `--bench allocations -- --json`, and reads criterion's
# target/criterion/<input>/<function>/new/estimates.json (the BENCH_STAT point estimate: median,
# the default, or mean). docs/benchmarks.md explains the columns.
set -euo pipefail
cd "$(dirname "$0")/.."

warm_up="${BENCH_WARM_UP:-1}"
measure="${BENCH_MEASURE:-5}"
stat="${BENCH_STAT:-median}"
case "$stat" in median | mean) ;; *) echo "BENCH_STAT must be median or mean" >&2; exit 2 ;; esac

target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "### building the benches (not timed)" >&2
cargo bench -p iot-jobs-lint --bench lint --bench allocations --locked --no-run >&2

load_before="$(cat /proc/loadavg)"
touch "$work/start"
sleep 1 # estimates written after this second are this run's (file times have 1 s granularity on some filesystems)

echo "### criterion (warm-up ${warm_up} s, measurement ${measure} s per function)" >&2
cargo bench -p iot-jobs-lint --bench lint --locked -- \
  --warm-up-time "$warm_up" --measurement-time "$measure" --noplot >&2

echo "### heap allocations" >&2
cargo bench -p iot-jobs-lint --bench allocations --locked -- --json > "$work/allocations.json"

load_after="$(cat /proc/loadavg)"

cpu="$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*//')"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- crates Cargo.toml Cargo.lock || echo ' + uncommitted changes')"

CRITERION_DIR="$target_dir/criterion" STAT="$stat" START="$work/start" \
  CPU="${cpu:-unknown}" NPROC="$(nproc)" LOAD_BEFORE="$load_before" LOAD_AFTER="$load_after" \
  RUSTC="$(rustc --version)" DATE="$(date -u '+%Y-%m-%d %H:%M UTC')" COMMIT="$commit" \
  WARM_UP="$warm_up" MEASURE="$measure" \
  python3 - "$work/allocations.json" <<'PY'
import json, os, sys

env = os.environ
allocations = json.load(open(sys.argv[1]))
start = os.path.getmtime(env["START"])

def micros(group, function):
    path = os.path.join(env["CRITERION_DIR"], group, function, "new", "estimates.json")
    if os.path.getmtime(path) < start:
        sys.exit(f"{path} is older than this run: did the lint bench run?")
    return json.load(open(path))[env["STAT"]]["point_estimate"] / 1000.0

print(f"Machine: {env['CPU']}, {env['NPROC']} CPUs (nproc)  ")
print(f"Load average before: {env['LOAD_BEFORE']}  ")
print(f"Load average after: {env['LOAD_AFTER']}  ")
print(f"{env['RUSTC']}; commit {env['COMMIT']}; {env['DATE']}  ")
print(f"criterion {env['STAT']}, warm-up {env['WARM_UP']} s, measurement {env['MEASURE']} s per function; "
      f"allocations: mean of {allocations['calls']} calls")
print()
print("| input | bytes | lint µs | jsonschema µs | serde_json µs | lint/jsonschema | lint/serde_json | allocs lint / allocs Value |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for entry in allocations["inputs"]:
    name = entry["name"]
    lint, schema, value = (micros(name, f) for f in ("lint", "jsonschema", "serde_json"))
    a = entry["functions"]
    print(f"| {name} | {entry['input_bytes']} | {lint:.2f} | {schema:.2f} | {value:.2f} | "
          f"{lint / schema:.2f}× | {lint / value:.2f}× | "
          f"{a['lint']['allocs']:g} / {a['serde_json']['allocs']:g} |")
print()
print("Heap allocations per call (allocs + reallocs; peak = most bytes live at once above the start):")
print()
print("| input | lint allocs | lint reallocs | lint peak B | Value allocs | Value reallocs | Value peak B | jsonschema allocs | jsonschema reallocs |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for entry in allocations["inputs"]:
    l, v, s = (entry["functions"][f] for f in ("lint", "serde_json", "jsonschema"))
    print(f"| {entry['name']} | {l['allocs']:g} | {l['reallocs']:g} | {l['peak_live_bytes']} | "
          f"{v['allocs']:g} | {v['reallocs']:g} | {v['peak_live_bytes']} | {s['allocs']:g} | {s['reallocs']:g} |")
PY
