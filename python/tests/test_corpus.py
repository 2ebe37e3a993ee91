"""The shared spec corpus (tests/corpus/): the Python verdicts equal the Rust expectations.

Read as crates/iot-jobs-lint/tests/corpus.rs reads it: NAME.json is the input (raw bytes),
NAME.expect.json the full expected output, optionally with operation, serviceModel, now
(default 2026-01-01T00:00:00Z) and maxInputBytes. Every field of every diagnostic is compared, in
order (the Rust test writes the expectations; this side only compares).
"""

from __future__ import annotations

import json
import pathlib
from typing import Any, Dict, List

import pytest

import iot_jobs_lint
from iot_jobs_lint import Diagnostic

from conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
DEFAULT_NOW = "2026-01-01T00:00:00Z"
CASES = sorted(CORPUS.rglob("*.expect.json"))


def as_expected(d: Diagnostic) -> Dict[str, Any]:
    """A diagnostic in the corpus's shape (the core's JSON field names)."""
    span = lambda s: {"start": s.start, "end": s.end}  # noqa: E731
    return {
        "code": d.code,
        "severity": d.severity.value,
        "pointer": d.pointer,
        "message": d.message,
        "help": d.help,
        "span": span(d.span),
        "line": d.line,
        "column": d.column,
        "endLine": d.end_line,
        "endColumn": d.end_column,
        "fixes": [
            {
                "message": f.message,
                "applicability": f.applicability,
                "edits": [{"span": span(e.span), "replacement": e.replacement} for e in f.edits],
            }
            for f in d.fixes
        ],
        "related": [
            {
                "pointer": r.pointer,
                "message": r.message,
                "span": span(r.span),
                "line": r.line,
                "column": r.column,
            }
            for r in d.related
        ],
    }


def test_corpus_is_there() -> None:
    assert len(CASES) > 100


@pytest.mark.parametrize(
    "expect_path", CASES, ids=[str(p.relative_to(CORPUS))[: -len(".expect.json")] for p in CASES]
)
def test_corpus_case(expect_path: pathlib.Path) -> None:
    expect = json.loads(expect_path.read_text("utf-8"))
    stem = expect_path.name[: -len(".expect.json")]
    yaml = expect_path.with_name(stem + ".yaml")
    data = (yaml if yaml.exists() else expect_path.with_name(stem + ".json")).read_bytes()
    report = iot_jobs_lint.lint(
        data,
        operation=expect.get("operation"),
        service_model=expect.get("serviceModel", "latest"),
        now=expect.get("now", DEFAULT_NOW),
        max_input_bytes=expect.get("maxInputBytes"),
    )
    got: List[Dict[str, Any]] = [as_expected(d) for d in report.diagnostics]
    want = expect["diagnostics"]
    # verdict first (a readable failure), then every field in order
    assert sorted(f"{d['severity']} {d['code']} {d['pointer']}" for d in got) == sorted(
        f"{d['severity']} {d['code']} {d['pointer']}" for d in want
    )
    assert got == want
