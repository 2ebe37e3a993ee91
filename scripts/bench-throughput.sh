#!/usr/bin/env bash
# Throughput of `iot-jobs-lint check` over many files, beside two general JSON Schema validators
# given the same files and our own exported CreateJob schema: ajv-cli (Node) and
# check-jsonschema (Python). Run by hand, never by CI; prints a Markdown table on standard output.
#
#   bash scripts/bench-throughput.sh              # 10,000 files, about 2 minutes once installed
#   FILES=1000 RUNS=3 bash scripts/bench-throughput.sh
#
# Needs hyperfine (Debian package), Node.js with npm and Python 3 with venv; the peers are
# installed into a scratch directory (BENCH_PEERS, default /tmp/iot-jobs-lint-peers). The files
# are the bundled CreateJob examples with a fresh jobId each: nine in ten valid
# (examples/firmware-ota.job.json, examples/reboot-from-managed-template.job.json), one in ten
# broken (examples/broken.job.json). Stop other work first: the figures assume an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
files="${FILES:-10000}"
runs="${RUNS:-5}"
peers="${BENCH_PEERS:-/tmp/iot-jobs-lint-peers}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
mkdir -p "$peers"
if [ ! -x "$peers/node_modules/.bin/ajv" ]; then
  (cd "$peers" && npm init -y >/dev/null && npm install --no-audit --no-fund ajv-cli@5 ajv-formats@3 >&2)
fi
if [ ! -x "$peers/venv/bin/check-jsonschema" ]; then
  python3 -m venv "$peers/venv" && "$peers/venv/bin/pip" install -q check-jsonschema >&2
fi

echo "### building the CLI (release)" >&2
cargo build --release --locked -q -p iot-jobs-lint-cli
bin="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/iot-jobs-lint"

echo "### writing $files files" >&2
mkdir -p "$work/jobs"
python3 - "$work/jobs" "$files" <<'EOF'
import json, pathlib, sys
out, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
valid = [pathlib.Path("examples/firmware-ota.job.json").read_text(),
         pathlib.Path("examples/reboot-from-managed-template.job.json").read_text()]
broken = pathlib.Path("examples/broken.job.json").read_text()
for i in range(n):
    text = broken if i % 10 == 9 else valid[i % 2]
    doc = json.loads(text)
    if i % 10 != 9:
        doc["jobId"] = f"job-{i:05d}"
        text = json.dumps(doc, indent=2)
    (out / f"job-{i:05d}.json").write_text(text)
EOF
"$bin" schema --operation create-job > "$work/create-job.schema.json"
bytes=$(du -sb "$work/jobs" | cut -f1)

cat > "$work/ajv.sh" <<EOF
cd "$work" && "$peers/node_modules/.bin/ajv" validate --spec=draft2020 -c ajv-formats --strict=false --all-errors --errors=line -s create-job.schema.json -d 'jobs/*.json' >/dev/null 2>&1; true
EOF
cat > "$work/cjs.sh" <<EOF
cd "$work" && "$peers/venv/bin/check-jsonschema" --schemafile create-job.schema.json jobs/*.json >/dev/null 2>&1; true
EOF
cd "$work"
export NODE_PATH="$peers/node_modules"
load_before="$(cat /proc/loadavg)"
echo "### timing ($runs runs each)" >&2
hyperfine --style basic --warmup 1 --runs "$runs" --ignore-failure --export-json "$work/times.json" \
  -n "iot-jobs-lint (all cores)" "$bin check --quiet --now 2026-12-01T00:00:00Z jobs" \
  -n "iot-jobs-lint, every file listed" "$bin check --now 2026-12-01T00:00:00Z jobs" \
  -n "iot-jobs-lint --format json" "$bin check --format json --now 2026-12-01T00:00:00Z jobs" \
  -n "iot-jobs-lint --format github" "$bin check --format github --now 2026-12-01T00:00:00Z jobs" \
  -n "iot-jobs-lint --format sarif" "$bin check --format sarif --now 2026-12-01T00:00:00Z jobs" \
  -n "iot-jobs-lint (1 thread)" "RAYON_NUM_THREADS=1 $bin check --quiet --now 2026-12-01T00:00:00Z jobs" \
  -n "ajv-cli 5 (draft 2020-12, all errors)" "bash $work/ajv.sh" \
  -n "check-jsonschema" "bash $work/cjs.sh" >&2
load_after="$(cat /proc/loadavg)"
cd - >/dev/null

python3 - "$work/times.json" "$files" "$bytes" "$(nproc)" "$load_before" "$load_after" <<'EOF'
import json, platform, sys
times = json.load(open(sys.argv[1]))["results"]
files, size, cores = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
ours = times[0]["median"]
print(f"{files:,} CreateJob files ({size / 1e6:.1f} MB, one in ten broken); {cpu}, {cores} cores; "
      f"load average before {sys.argv[5].split()[0]}, after {sys.argv[6].split()[0]}; median of {len(times[0]['times'])} runs.\n")
print("| command | median | min | max | files/s | × iot-jobs-lint |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for t in times:
    m = t["median"]
    print(f"| {t['command']} | {m:.3f} s | {t['min']:.3f} s | {t['max']:.3f} s | {files / m:,.0f} | {m / ours:.1f} |")
EOF
