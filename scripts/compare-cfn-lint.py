#!/usr/bin/env python3
"""Compare iot-jobs-lint with cfn-lint on the CloudFormation templates of the corpus and examples.

Usage (from the repository root; scripts/compare-cfn-lint.sh is the same with a build hint):

    python3 scripts/compare-cfn-lint.py [--out FILE] [--bin PATH] [--cfn-lint PATH] [--per-file [--jobs N]]

* cfn-lint: pinned (CFN_LINT_VERSION below), installed on first use into a venv under
  ${XDG_CACHE_HOME:-$HOME/.cache}/iot-jobs-lint/cfn-lint-venv (PyPI through pip); --cfn-lint takes
  another executable instead (its version is printed in the report).
* iot-jobs-lint: --bin, else $IOT_JOBS_LINT_BIN, else target/release/iot-jobs-lint, run as
  `check --format json --now 2026-01-01T00:00:00Z FILES...` (the corpus' `now`). A binary that is
  missing, crashes or does not read templates yet still gives a table: its column then says so.
* Inputs: every template of tests/corpus/cfn/{yaml,json}/ (a case's verdict is in its name,
  `-pass`/`-fail`; what it is about is the `rule` and `description` of NAME.expect.json), plus the
  bundled examples examples/cdk.out/*.template.json and examples/cloudformation/*.yaml (all failing;
  their known problems are listed in EXAMPLES below).

Writes Markdown to stdout (or --out): one row per failing input (what is wrong, cfn-lint's rule ids,
iot-jobs-lint's codes), the passing inputs either tool flags (false positives), a summary, and the
wall time of each tool over the whole set in one run, with the machine (nproc, /proc/loadavg).
Each tool is timed on one command over all the files; cfn-lint's per-file columns come from that
run (each match names its file), or with --per-file from one process per file (--jobs at a time).
A tool's answer that only says "not a template" (iot-jobs-lint: json/syntax, input/*; cfn-lint:
E1001 on a bare resource) is shown but not counted as flagging the case. Python 3 stdlib only.
Exit status 0 when the table was written, whatever the tools said; 2 on a setup failure.
"""

import argparse
import concurrent.futures
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

CFN_LINT_VERSION = "1.58.0"
NOW = "2026-01-01T00:00:00Z"
ROOT = Path(__file__).resolve().parent.parent

# Codes that mean iot-jobs-lint did not read the file as a template at all (a build without the
# template readers sees a YAML file as bad JSON and a template as an unknown operation).
NOT_READ = {"json/syntax", "json/root-not-object", "input/operation-unknown",
            "input/cloudformation-resource", "json/invalid-utf8"}

# cfn-lint's finding for a file that is not a template (a bare resource has no Resources section).
CFN_LINT_NOT_READ = {"E0000", "E1001"}

EXAMPLES = {
    "examples/cdk.out/IotOtaStack.template.json":
        "CDK synth output: camelCase roleArn/expiresInSec in PresignedUrlConfig (RoleArn missing), "
        "MaintenanceWindows DurationInMinutes 1440 (> 1430)",
    "examples/cloudformation/ota-stack.yaml":
        "Hand-written stack: JobTemplate retry list spelt CriteriaList (Job spelling, not RetryCriteriaList), "
        "Unix five-field cron `0 23 * * 1-5` as window StartTime, Job scheduled to start 2025-11-03 (past)",
}


def cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "iot-jobs-lint" / "cfn-lint-venv"


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def ensure_cfn_lint(explicit):
    if explicit:
        return explicit
    venv = cache_dir()
    exe = venv / "bin" / "cfn-lint"
    if exe.exists():
        got = run([str(exe), "--version"]).stdout.strip()
        if got.endswith(CFN_LINT_VERSION):
            return str(exe)
    print(f"installing cfn-lint=={CFN_LINT_VERSION} into {venv} ...", file=sys.stderr)
    venv.parent.mkdir(parents=True, exist_ok=True)
    if not (venv / "bin" / "pip").exists():
        r = run([sys.executable, "-m", "venv", str(venv)])
        if r.returncode:
            sys.exit(f"cannot create the venv (python3-venv missing?): {r.stderr.strip()}")
    r = run([str(venv / "bin" / "pip"), "install", "-q", f"cfn-lint=={CFN_LINT_VERSION}"])
    if r.returncode:
        sys.stderr.write(r.stdout + r.stderr)
        sys.exit(2)
    return str(exe)


def inputs():
    """(path relative to ROOT, verdict 'fail'|'pass', rule, description) for every template."""
    out = []
    for fmt in ("yaml", "json"):
        folder = ROOT / "tests" / "corpus" / "cfn" / fmt
        for p in sorted(folder.glob(f"*.{fmt}")) if folder.is_dir() else []:
            if p.name.endswith(".expect.json"):
                continue
            exp = p.with_name(p.name[: -len(fmt) - 1] + ".expect.json")
            try:
                head = json.loads(exp.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                head = {}
            verdict = "pass" if p.stem.endswith("-pass") else "fail"
            out.append((str(p.relative_to(ROOT)), verdict, head.get("rule", "?"), head.get("description", "")))
    for rel, what in EXAMPLES.items():
        if (ROOT / rel).exists():
            out.append((rel, "fail", "(example)", what))
    return out


def cfn_lint_one(exe, rel):
    r = run([exe, "--format", "json", rel], cwd=ROOT)
    try:
        matches = json.loads(r.stdout) if r.stdout.strip() else []
        return sorted({m["Rule"]["Id"] for m in matches}), None
    except (ValueError, KeyError, TypeError):
        return [], f"exit {r.returncode}: {(r.stderr or r.stdout).strip().splitlines()[-1:]}"


def ours(binary, rels):
    """{path: [codes]} from one `check --format json` run, or (None, why)."""
    if not binary or not Path(binary).exists():
        return None, f"binary not found ({binary}); build it with cargo build --release -p iot-jobs-lint-cli"
    try:
        r = run([binary, "check", "--format", "json", "--now", NOW, *rels], cwd=ROOT, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"cannot run {binary}: {e}"
    try:
        data = json.loads(r.stdout)
        got = {}
        for f in data["files"]:
            got[f["path"]] = [d["code"] for d in f.get("diagnostics", [])]
        return got, None
    except (ValueError, KeyError, TypeError):
        tail = (r.stderr or r.stdout).strip().splitlines()[-1:] or ["no output"]
        return None, f"no JSON report (exit {r.returncode}): {tail[0]}"


def timed(cmd):
    """(seconds, status, stdout) of one run."""
    t0 = time.perf_counter()
    try:
        r = run(cmd, cwd=ROOT, timeout=1200)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, str(e), ""
    return time.perf_counter() - t0, f"exit {r.returncode}", r.stdout


def cfn_lint_split(stdout, rels):
    """{path: (ids, None)} from one cfn-lint run over every file, or None if it is not a JSON report."""
    try:
        matches = json.loads(stdout)
        got = {rel: set() for rel in rels}
        for m in matches:
            name = os.path.relpath(os.path.join(ROOT, m["Filename"]), ROOT)
            got.setdefault(name, set()).add(m["Rule"]["Id"])
        return {rel: (sorted(ids), None) for rel, ids in got.items()}
    except (ValueError, KeyError, TypeError):
        return None


def cell(codes):
    return ", ".join(f"`{c}`" for c in codes) if codes else "—"


def md_escape(s):
    return s.replace("|", "\\|").replace("\n", " ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", help="write the Markdown here instead of stdout")
    ap.add_argument("--bin", default=os.environ.get("IOT_JOBS_LINT_BIN") or str(ROOT / "target" / "release" / "iot-jobs-lint"))
    ap.add_argument("--cfn-lint", dest="cfn_lint", help="a cfn-lint executable to use instead of the pinned venv")
    ap.add_argument("--per-file", action="store_true", help="run cfn-lint once per file for the per-file columns")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="with --per-file: cfn-lint processes at a time (default: nproc)")
    args = ap.parse_args()

    cases = inputs()
    if not cases:
        sys.exit("no templates found under tests/corpus/cfn/ (run scripts/gen-cfn-fixtures.py)")
    rels = [c[0] for c in cases]
    loadavg = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else ["?"] * 3
    exe = ensure_cfn_lint(args.cfn_lint)
    cfn_version = (run([exe, "--version"]).stdout.strip().splitlines() or ["?"])[0]

    # Timed runs first (one command each over every file), then the per-file cfn-lint runs.
    cfn_time, cfn_status, cfn_stdout = timed([exe, "--format", "json", *rels])
    our_got, our_err = ours(args.bin, rels)
    our_time, our_status, _ = (timed([args.bin, "check", "--format", "json", "--now", NOW, *rels])
                               if our_err is None or "not found" not in our_err else (None, our_err, ""))
    our_version = "?"
    if args.bin and Path(args.bin).exists():
        try:
            our_version = (run([args.bin, "--version"], timeout=30).stdout.strip().splitlines() or ["?"])[0]
        except (OSError, subprocess.TimeoutExpired):
            pass

    # Per-file findings: from the timed run (cfn-lint lints each file on its own and names it in
    # each match); --per-file, or a run whose output is not a JSON report, runs one process per file.
    cfn = None if args.per_file else cfn_lint_split(cfn_stdout, rels)
    if cfn is None:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            cfn = dict(zip(rels, pool.map(lambda r: cfn_lint_one(exe, r), rels)))

    def our_cell(rel):
        if our_got is None:
            return "n/a", None
        codes = our_got.get(rel)
        if codes is None:
            return "(not in report)", None
        if codes and all(c in NOT_READ for c in codes):
            return "not read as a template (" + cell(sorted(set(codes))) + ")", None
        return cell(codes), bool(codes)

    rows, fp, stats = [], [], {"fail": [0, 0, 0, 0], "pass": [0, 0, 0, 0]}
    # stats[verdict] = [count, cfn-lint flags, iot-jobs-lint flags, iot-jobs-lint did not read]
    gap = {"cfn": [0, 0, 0], "api": [0, 0, 0]}  # failing inputs by expected family: [count, cfn-lint, ours]
    for rel, verdict, rule, desc in cases:
        ids, err = cfn[rel]
        cfn_text = f"error: {err}" if err else cell(ids)
        cfn_flag = bool(ids) and not set(ids) <= CFN_LINT_NOT_READ
        if ids and not cfn_flag:
            cfn_text = "not read as a template (" + cell(ids) + ")"
        our_text, our_flag = our_cell(rel)
        s = stats[verdict]
        s[0] += 1
        s[1] += cfn_flag
        s[2] += bool(our_flag)
        s[3] += our_flag is None
        if verdict == "fail":
            fam = "cfn" if rule.startswith("cfn/") else ("api" if rule != "(example)" else None)
            if fam:
                gap[fam][0] += 1
                gap[fam][1] += cfn_flag
                gap[fam][2] += bool(our_flag)
            rows.append(f"| `{rel}` | {md_escape(desc)} | `{rule}` | {cfn_text} | {our_text} |")
        elif cfn_flag or our_flag:
            fp.append(f"| `{rel}` | {md_escape(desc)} | {cfn_text} | {our_text} |")

    out = []
    w = out.append
    w("# cfn-lint vs iot-jobs-lint on CloudFormation templates\n")
    w(f"- cfn-lint: {cfn_version} (`{'pinned venv' if not args.cfn_lint else exe}`)")
    w(f"- iot-jobs-lint: {our_version} (`{os.path.relpath(args.bin, ROOT) if args.bin.startswith(str(ROOT)) else args.bin}`)"
      + (f" — **{our_err}**" if our_err else ""))
    w(f"- inputs: {len(cases)} templates ({stats['fail'][0]} failing, {stats['pass'][0]} passing): "
      "tests/corpus/cfn/ and the CloudFormation examples")
    w(f"- machine: {os.cpu_count()} CPUs (nproc), load average {' '.join(loadavg)} before the runs, "
      f"{platform.system()} {platform.machine()}, Python {platform.python_version()}\n")

    w("## Summary\n")
    w("| | inputs | cfn-lint flags | iot-jobs-lint flags |")
    w("|---|---:|---:|---:|")
    w(f"| failing inputs (should be flagged) | {stats['fail'][0]} | {stats['fail'][1]} | {stats['fail'][2]} |")
    w(f"| of which CloudFormation rejects (`cfn/*` case) | {gap['cfn'][0]} | {gap['cfn'][1]} | {gap['cfn'][2]} |")
    w(f"| of which only the API rejects (API code case) | {gap['api'][0]} | {gap['api'][1]} | {gap['api'][2]} |")
    w(f"| passing inputs flagged (false positives) | {stats['pass'][0]} | {stats['pass'][1]} | {stats['pass'][2]} |")
    if stats["fail"][3] + stats["pass"][3]:
        w(f"\niot-jobs-lint did not read {stats['fail'][3] + stats['pass'][3]} of the {len(cases)} inputs as templates "
          "(no report, or only `json/*`/`input/*` codes): its counts above are not a verdict yet.")
    w("\n## Wall time over the whole set (one command each)\n")
    w("| tool | wall time | status |")
    w("|---|---:|---|")
    w(f"| cfn-lint --format json ({len(rels)} files) | {f'{cfn_time:.2f} s' if cfn_time is not None else 'n/a'} | {cfn_status} |")
    w(f"| iot-jobs-lint check --format json ({len(rels)} files) | {f'{our_time:.2f} s' if our_time is not None else 'n/a'} | {our_status} |")
    w("\n## Failing inputs\n")
    w("| input | what is wrong | case rule | cfn-lint | iot-jobs-lint |")
    w("|---|---|---|---|---|")
    out.extend(rows)
    w("\n## Passing inputs that a tool flags (false positives)\n")
    if fp:
        w("| input | case | cfn-lint | iot-jobs-lint |")
        w("|---|---|---|---|")
        out.extend(fp)
    else:
        w("None.")
    text = "\n".join(out) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
