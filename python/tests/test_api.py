"""The typed API: lint, schedule, rules, schema, paths, argument errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

import iot_jobs_lint
from iot_jobs_lint import Diagnostic, Report, Severity, lint, pointer_to_path

from conftest import NOW, THING

GOOD = {"jobId": "fw-2-5", "targets": [THING], "document": "{}"}
WINDOW_1440 = {
    "jobId": "fw-2-5",
    "targets": [THING],
    "document": "{}",
    "schedulingConfig": {
        "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 1440}]
    },
}


def test_good_request_is_ok() -> None:
    report = lint(GOOD, now=NOW)
    assert isinstance(report, Report)
    assert report.ok and report.errors == 0 and report.warnings == 0
    assert report.operation == "create-job" and report.operation_detected
    assert report.service_model == "latest"
    assert report.diagnostics == ()


def test_diagnostic_fields_and_path() -> None:
    report = lint(WINDOW_1440, now=NOW)
    assert not report.ok
    (d,) = report.diagnostics
    assert isinstance(d, Diagnostic)
    assert d.code == "model/range"
    assert d.severity is Severity.ERROR
    assert d.pointer == "/schedulingConfig/maintenanceWindows/0/durationInMinutes"
    assert d.path == "schedulingConfig.maintenanceWindows[0].durationInMinutes"
    assert "1430" in d.message and "1440" in d.message
    assert d.line == 1 and d.end_line == 1 and d.end_column == d.column + 4
    text = json.dumps(WINDOW_1440, ensure_ascii=False).encode()
    assert text[d.span.start : d.span.end] == b"1440"
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.code = "x"  # type: ignore[misc]


def test_repr_and_str_read_well() -> None:
    report = lint(WINDOW_1440, now=NOW)
    assert repr(report).startswith("<Report create-job (detected), service model latest: 1 error, 0 warnings")
    assert "schedulingConfig.maintenanceWindows[0].durationInMinutes" in repr(report)
    assert str(report.diagnostics[0]).startswith(
        "error[model/range] schedulingConfig.maintenanceWindows[0].durationInMinutes: "
    )
    assert str(Severity.WARNING) == "warning"


def test_text_and_bytes_inputs_match_the_dict() -> None:
    text = json.dumps(WINDOW_1440)
    assert lint(text, now=NOW) == lint(WINDOW_1440, now=NOW)
    assert lint(text.encode(), now=NOW) == lint(WINDOW_1440, now=NOW)
    assert lint(bytearray(text.encode()), now=NOW).errors == 1


def test_malformed_json_is_a_diagnostic() -> None:
    report = lint('{"jobId": ', now=NOW)
    assert not report.ok and report.diagnostics[0].code.startswith("json/")
    assert lint(b"\xff\xfe", operation="create-job", now=NOW).diagnostics[0].code == "json/invalid-utf8"


def test_operation_and_service_model() -> None:
    template = {"jobTemplateId": "t1", "description": "d", "document": "{}"}
    assert lint(template, now=NOW).operation == "create-job-template"
    report = lint(template, operation="CreateJobTemplate", now=NOW)
    assert report.operation == "create-job-template" and not report.operation_detected
    assert lint(WINDOW_1440, service_model="2023-03-02", now=NOW).service_model == "2023-03-02"
    with pytest.raises(ValueError, match="operation must be one of"):
        lint(GOOD, operation="delete-job", now=NOW)
    with pytest.raises(ValueError, match="service_model"):
        lint(GOOD, service_model="2019", now=NOW)


def test_now_forms() -> None:
    soon = {
        "jobId": "j",
        "targets": [THING],
        "document": "{}",
        "schedulingConfig": {"startTime": "2026-01-01T00:10"},
    }
    codes = {d.code for d in lint(soon, now=NOW).diagnostics}
    assert any(c.startswith("schedule/") for c in codes)
    aware = dt.datetime(2025, 12, 1, tzinfo=dt.timezone.utc)
    assert lint(soon, now=aware).ok
    # the default is the current clock: 2026-01-01 is long past or soon enough to be flagged
    assert lint(GOOD).ok
    with pytest.raises(ValueError, match="aware"):
        lint(GOOD, now=dt.datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="RFC 3339"):
        lint(GOOD, now="yesterday")
    with pytest.raises(TypeError):
        lint(GOOD, now=12)  # type: ignore[arg-type]


def test_request_type_error() -> None:
    with pytest.raises(TypeError, match="request must be"):
        lint(42)  # type: ignore[arg-type]


def test_max_input_bytes() -> None:
    report = lint(GOOD, now=NOW, max_input_bytes=10)
    assert [d.code for d in report.diagnostics] == ["input/too-large"]
    assert iot_jobs_lint.DEFAULT_MAX_INPUT_BYTES == 4 * 1024 * 1024


def test_fixes_are_typed() -> None:
    report = lint({**GOOD, "targetSelection": "snapshot"}, now=NOW)
    (d,) = [d for d in report.diagnostics if d.code == "model/enum"]
    assert d.fixes and d.fixes[0].applicability == "safe"
    assert d.fixes[0].edits[0].replacement == '"SNAPSHOT"'


def test_pointer_to_path() -> None:
    assert pointer_to_path("") == ""
    assert pointer_to_path("/a/0/b") == "a[0].b"
    assert pointer_to_path("/documentParameters/0", {"documentParameters": {"0": "x"}}) == (
        "documentParameters['0']"
    )
    assert pointer_to_path("/documentParameters/a~1b c") == "documentParameters['a/b c']"
    assert pointer_to_path("/tags/1/Key", {"tags": [{}, {}]}) == "tags[1].Key"


def test_schedule() -> None:
    s = iot_jobs_lint.schedule(
        {**WINDOW_1440, "schedulingConfig": {"maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 60}]}},
        now=NOW,
        count=3,
    )
    assert len(s.windows) == 3 and s.windows[0].maintenance_window == 0
    assert s.scheduled_job_rollouts[0].startswith("2026-01-04T02:00")
    assert s.diagnostics == ()
    with pytest.raises(ValueError, match="count"):
        iot_jobs_lint.schedule(GOOD, count=0)


def test_rules_and_schema() -> None:
    rules = iot_jobs_lint.rules()
    codes = [r.code for r in rules]
    assert "model/range" in codes and len(codes) == len(set(codes))
    assert all(isinstance(r.severity, Severity) for r in rules)
    schema = iot_jobs_lint.schema("create-job")
    assert "jobId" in schema["properties"]
    assert iot_jobs_lint.schema("CreateJob", "2023-03-02")["$id"] != schema["$id"]


def test_version() -> None:
    assert iot_jobs_lint.__version__.count(".") == 2


def test_a_lone_surrogate_is_a_value_error() -> None:
    """It once came back as json/invalid-utf8 'save the file as UTF-8', for a dict."""
    import pytest

    from iot_jobs_lint import lint

    with pytest.raises(ValueError, match="lone surrogate"):
        lint({"jobId": "a\ud800b", "targets": []})


def test_a_yaml_cloudformation_template_gets_both_verdicts() -> None:
    template = (
        "Resources:\n"
        "  OtaTemplate:\n"
        "    Type: AWS::IoT::JobTemplate\n"
        "    Properties:\n"
        "      JobTemplateId: ota-pumps\n"
        "      Description: Pump firmware\n"
        "      Document: '{\"operation\":\"update\"}'\n"
        "      MaintenanceWindows:\n"
        "        - StartTime: 0 2 * * 6\n"
        "          DurationInMinutes: 2000\n"
    )
    report = iot_jobs_lint.lint(template, now="2026-01-01T00:00:00Z")
    assert report.template_resources == 1
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [
        ("cron/unix-five-fields", 9, 22),
        ("cfn/range", 10, 30),
    ]
    assert report.diagnostics[1].pointer == (
        "/Resources/OtaTemplate/Properties/MaintenanceWindows/0/DurationInMinutes"
    )
    assert "CloudFormation template, 1 IoT job resource" in str(report)
    # A request has no template_resources.
    assert iot_jobs_lint.lint({"jobId": "j", "targets": [], "document": "{}"}).template_resources is None
