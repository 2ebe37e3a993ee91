#!/usr/bin/env bash
# Fuzz smoke test: builds the libFuzzer targets of fuzz/ (cargo-fuzz 0.13, on stable through
# RUSTC_BOOTSTRAP=1), seeds their corpora (fuzz/seed.sh) and runs each target for
# FUZZ_SECONDS (default 30) in one process on one core (libFuzzer's default; -jobs/-workers
# would move the output to fuzz-N.log files). The code is #![forbid(unsafe_code)], so the build
# uses no sanitizer (about twice the speed of ASan) but keeps debug assertions and overflow checks. Exits non-zero on the first crash, timeout, leak or
# out-of-memory; the reproducer is in fuzz/artifacts/<target>/. docs/fuzzing.md explains the
# targets and how to reproduce and minimize a finding.
#
#   FUZZ_SECONDS=60 scripts/fuzz-smoke.sh          # every target, 60 s each
#   FUZZ_TARGETS="lint fixes" scripts/fuzz-smoke.sh # some targets
#
# Installs cargo-fuzz 0.13.2 when `cargo fuzz` is missing. The corpora grow in fuzz/corpus/
# (ignored by git) and are reused by the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-30}"
targets="${FUZZ_TARGETS:-lint schedule cron_parse cron_occurrences json_reader fixes}"
export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
start=$(date +%s)
echo "### cargo fuzz build (optimized, debug assertions and overflow checks, no sanitizer)"
(cd fuzz && cargo fuzz build -s none)
built=$(date +%s)
bash fuzz/seed.sh >/dev/null
status=0
for t in $targets; do
  dict=fuzz/dict/json.dict
  case "$t" in cron_parse | cron_occurrences) dict=fuzz/dict/cron.dict ;; esac
  echo "### $t: ${seconds}s"
  log=$(mktemp)
  # -timeout: one input taking over 10 s is a finding; -rss_limit_mb: 2 GB is one too.
  if ! (cd fuzz && cargo fuzz run -s none "$t" -- \
      -max_total_time="$seconds" -dict="../$dict" \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1) >"$log" 2>&1; then
    grep -A8 -E 'panicked at|ERROR: libFuzzer|^Failing input' "$log" || tail -n 40 "$log"
    echo "### $t: FAILED (reproducer in fuzz/artifacts/$t/)"
    status=1
  else
    grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | sed "s/^/$t: /" || true
  fi
  rm -f "$log"
done
end=$(date +%s)
echo "### fuzz smoke: build $((built - start)) s, runs $((end - built)) s, total $((end - start)) s"
exit $status
