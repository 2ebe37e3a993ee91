#!/usr/bin/env bash
# Seeds the fuzz corpora from the test corpus (templates included) and the examples (fuzz/corpus/<target>/, not
# committed). Targets that read options from an option header (lint, schedule, fixes; see
# fuzz/src/lib.rs) get the header "detect the operation, latest model, now = 2026-01-01,
# count 7" before each file; json_reader gets the files as they are; cron_parse gets every
# distinct `cron(...)` expression found in them, one per file. cron_occurrences takes structured
# input and starts from an empty corpus. Idempotent: files are named by content hash.
set -euo pipefail
cd "$(dirname "$0")"
root=..
# Requests and responses, and CloudFormation templates in JSON and YAML (the template pass).
files=$(find "$root/tests/corpus" \( -name '*.json' -o -name '*.yaml' \) ! -name '*.expect.json'
  ls "$root"/examples/*.json
  find "$root/examples/cloudformation" "$root/examples/cdk.out" -name '*.yaml' -o -name '*.template.json')
put() { # target, content on stdin
  local dir="corpus/$1" tmp
  mkdir -p "$dir"
  tmp=$(mktemp)
  cat >"$tmp"
  mv "$tmp" "$dir/seed-$(sha1sum "$tmp" | cut -c1-16)"
}
for f in $files; do
  for t in lint schedule fixes; do
    { printf '\000\000\000\000\000\000\000\000\000\000\000\000\007\000'; cat "$f"; } | put "$t"
  done
  # The JSON reader's differential target takes JSON only (YAML templates go to another reader).
  case "$f" in *.json) put json_reader <"$f" ;; esac
done
grep -rhoE 'cron\([^"]*\)' $files | sort -u | while IFS= read -r e; do
  printf '%s' "$e" | put cron_parse
done
# A few hand-written expressions beyond the corpus: every operator of the dialect.
for e in 'cron(0 10 * * ? *)' 'cron(15 10 ? * 6L 2026-2028)' 'cron(0/15 * LW * ? *)' \
  'cron(0 8 15W 1/2 ? *)' 'cron(0 9 ? JAN-MAR MON#2 *)' 'cron(*/5 22-23,0-2 L * ? 2026/2)' \
  'cron(0 18 ? * mon-fri *)' '0 10 * * ? *' 'cron(0 0 * * *)' 'rate(5 minutes)'; do
  printf '%s' "$e" | put cron_parse
done
mkdir -p corpus/cron_occurrences
for t in lint schedule fixes json_reader cron_parse; do
  echo "$t: $(ls "corpus/$t" | wc -l) seeds"
done
