#!/usr/bin/env bash
# Tests the GitHub Action (action.yml, a composite action) as far as it can be without GitHub:
#   1. action.yml against SchemaStore's github-action schema (vendored: tests/vendor/schemastore/),
#      with check-jsonschema from PyPI in a venv in /tmp (kept between runs: ACTION_TEST_VENV); a
#      copy with a step's `shell` taken out must be rejected (the check checks something);
#   2. the action's steps' `run:` scripts, run by bash as a runner would (`bash -e {0}`), with the
#      step's `env:` (`${{ inputs.NAME }}` replaced by the input's default or the case's value),
#      a fake GITHUB_OUTPUT and the CLI built here on PATH (IOT_JOBS_LINT_PREINSTALLED=1: the
#      install step keeps it), in a scratch workspace holding examples/ twice (at the top and
#      two levels down): results.sarif is written (SARIF 2.1.0, the bad example's errors in it,
#      files at any depth), the `exit-code` output is the CLI's status, fail-on-error decides the
#      step's status, a pattern matching nothing warns and passes, `format: github` annotates.
# About 10 s once the CLI is built (`cargo build -p iot-jobs-lint-cli`).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
venv="${ACTION_TEST_VENV:-/tmp/iot-jobs-lint-action-venv}"
if [ ! -x "$venv/bin/check-jsonschema" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet check-jsonschema
fi
schema="$repo/tests/vendor/schemastore/github-action.json"
echo "### action.yml against SchemaStore's github-action schema"
"$venv/bin/check-jsonschema" --schemafile "$schema" "$repo/action.yml"
scratch="$(mktemp -d /tmp/iot-jobs-lint-action.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
"$venv/bin/python" -c '
import json, sys
from ruamel.yaml import YAML
action = YAML(typ="safe").load(open(sys.argv[1]))
del action["runs"]["steps"][0]["shell"]
json.dump(action, open(sys.argv[2], "w"))
' "$repo/action.yml" "$scratch/no-shell.json"
if "$venv/bin/check-jsonschema" --schemafile "$schema" "$scratch/no-shell.json" >/dev/null 2>&1; then
  echo "FAIL: a composite step without shell passed the schema check" >&2
  exit 1
fi

echo "### the action's run: scripts on the examples"
cargo build --quiet --locked -p iot-jobs-lint-cli --manifest-path "$repo/Cargo.toml"
target_dir=$(cargo metadata --format-version 1 --no-deps --locked --manifest-path "$repo/Cargo.toml" |
  "$venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
export PATH="$target_dir/debug:$PATH"
mkdir -p "$scratch/ws/nested/deeper"
# Schedules moved into the future: the action runs with the real clock.
python3 "$repo/scripts/dated-examples.py" "$scratch/ws" "$repo"/examples/*.json
python3 "$repo/scripts/dated-examples.py" "$scratch/ws/nested/deeper" "$repo"/examples/*.json
cd "$scratch/ws"
"$venv/bin/python" - "$repo/action.yml" <<'EOF'
import json, os, re, subprocess, sys
from ruamel.yaml import YAML

action = YAML(typ="safe").load(open(sys.argv[1]))
steps = action["runs"]["steps"]
assert action["runs"]["using"] == "composite", action["runs"]["using"]
failures = []


def run(case, inputs, step_status, exit_code, sarif, stdout_has=None):
    values = {k: v.get("default", "") for k, v in action["inputs"].items()}
    unknown = set(inputs) - set(values)
    assert not unknown, f"{case}: no such inputs {unknown}"
    values.update(inputs)
    for name in ("results.sarif", "output"):
        if os.path.exists(name):
            os.remove(name)
    open("output", "w").close()
    out = ""
    status = None
    for step in steps:
        env = dict(os.environ, GITHUB_OUTPUT=os.path.abspath("output"), IOT_JOBS_LINT_PREINSTALLED="1",
                   GITHUB_ACTION_PATH=os.path.dirname(sys.argv[1]))
        for k, v in step.get("env", {}).items():
            env[k] = re.sub(r"\$\{\{\s*inputs\.([a-z-]+)\s*\}\}", lambda m: values[m.group(1)], str(v))
        assert step["shell"] == "bash", step
        with open("step.sh", "w") as f:
            f.write(step["run"])
        # The runner's command for `shell: bash`.
        p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "step.sh"], env=env,
                           capture_output=True, text=True, timeout=60)
        out += p.stdout
        status = p.returncode
        if status != 0:
            break
    outputs = dict(line.split("=", 1) for line in open("output").read().splitlines())
    problems = []
    if status != step_status:
        problems.append(f"step status {status}, expected {step_status}")
    if outputs.get("exit-code") != str(exit_code):
        problems.append(f"exit-code output {outputs.get('exit-code')!r}, expected {exit_code}")
    if sarif == "exists":
        if not os.path.exists("results.sarif"):
            problems.append("no results.sarif")
    elif sarif:
        if outputs.get("sarif") != "results.sarif" or not os.path.exists("results.sarif"):
            problems.append(f"no results.sarif (outputs {outputs})")
        else:
            log = json.load(open("results.sarif"))
            uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
            if log.get("version") != "2.1.0":
                problems.append("results.sarif is not SARIF 2.1.0")
            for uri in ("broken.job.json", "nested/deeper/broken.job.json"):
                if uri not in uris:
                    problems.append(f"results.sarif has no result for {uri}: {sorted(uris)}")
    elif os.path.exists("results.sarif") or "sarif" in outputs:
        problems.append("results.sarif written for a format other than sarif")
    if stdout_has and not re.search(stdout_has, out, re.M):
        problems.append(f"stdout has no match for {stdout_has!r}: {out[:500]!r}")
    print(("ok    " if not problems else "FAIL  ") + case + "".join(f"\n      {p}" for p in problems))
    failures.extend(problems)


run("defaults: SARIF of every pattern at any depth, errors fail the step", {}, 1, 1, True)
run("fail-on-error false: the step passes, exit-code says 1", {"fail-on-error": "false"}, 0, 1, True)
run("one good file: exit-code 0", {"files": "firmware-ota.job.json nested/**/firmware-ota.job.json"}, 0, 0, "exists")
run("no file matches: a warning, exit-code 0", {"files": "nothing/**/*.json"}, 0, 0, False,
    r"^::warning::iot-jobs-lint: no file matches")
run("format github: annotations, no SARIF file", {"format": "github", "files": "broken.job.json"}, 1, 1, False,
    r"^::error file=broken\.job\.json,line=\d+")
run("a missing file: exit-code 2", {"format": "github", "files": "broken.job.json missing-but-literal.json",
                             "fail-on-error": "false"}, 0, 2, False)
sys.exit(1 if failures else 0)
EOF
echo "### action: ok"
