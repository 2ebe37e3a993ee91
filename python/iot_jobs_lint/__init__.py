"""Checks AWS IoT Jobs input before it reaches AWS.

``iot-jobs-lint`` checks ``CreateJob`` and ``CreateJobTemplate`` requests (the parameters you pass
to boto3's ``create_job``, or the JSON of ``aws iot create-job --cli-input-json``) and
``DescribeJob`` / ``DescribeJobTemplate`` outputs against every documented constraint of the AWS
IoT Jobs API, and reports every problem in one pass, each with its place, the limit, the actual
value and the fix.

>>> from iot_jobs_lint import lint
>>> report = lint({"jobId": "fw 2.5", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/pump-7"],
...                "document": "{}"}, now="2026-01-01T00:00:00Z")
>>> report.ok
False
>>> report.diagnostics[0].code, report.diagnostics[0].path
('model/pattern', 'jobId')

The rules live in the Rust core (the same code as the ``iot-jobs-lint`` command and the npm
package); this module converts values and builds the typed results. To check every
``create_job`` / ``create_job_template`` call a boto3 client makes, see :mod:`iot_jobs_lint.boto3`.
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import re
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from . import _native

__all__ = [
    "DEFAULT_MAX_INPUT_BYTES",
    "Diagnostic",
    "Edit",
    "Fix",
    "Related",
    "Report",
    "Rule",
    "Schedule",
    "ScheduledWindow",
    "Severity",
    "Span",
    "__version__",
    "lint",
    "pointer_to_path",
    "rules",
    "schedule",
    "schema",
]

#: The package version (the Rust crates' version).
__version__: str = _native.__version__

#: The default input limit: 4 MiB. A larger input gets only ``input/too-large``.
DEFAULT_MAX_INPUT_BYTES: int = _native.default_max_input_bytes()

#: What :func:`lint` accepts: the request as a mapping (what you pass to boto3), or its JSON text.
Request = Union[Mapping[str, Any], str, bytes, bytearray, memoryview]

#: A time for ``now``: an aware :class:`datetime.datetime` or an RFC 3339 string.
Now = Union[_dt.datetime, str, None]


class Severity(enum.Enum):
    """How sure the linter is that AWS rejects (or mishandles) the input."""

    #: The service model or the API reference states the constraint: AWS rejects the call.
    ERROR = "error"
    #: Inferred from documented behaviour: probably a mistake.
    WARNING = "warning"
    #: A note.
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Span:
    """A byte range ``[start, end)`` in the UTF-8 encoding of the checked JSON text."""

    start: int
    end: int


@dataclass(frozen=True)
class Edit:
    """One replacement: the bytes :attr:`span` of the JSON text become :attr:`replacement`."""

    span: Span
    replacement: str


@dataclass(frozen=True)
class Fix:
    """A machine-applicable fix of the JSON text."""

    #: What the fix does, in words.
    message: str
    #: ``"safe"`` (meaning-preserving and certain) or ``"suggested"`` (changes meaning or guesses).
    applicability: str
    #: The edits, which never overlap.
    edits: Tuple[Edit, ...]


@dataclass(frozen=True)
class Related:
    """Another place that explains a diagnostic (the other copy of a repeated member, ...)."""

    pointer: str
    #: The same place in botocore's notation (``schedulingConfig.maintenanceWindows[1]``).
    path: str
    message: str
    span: Span
    line: int
    column: int


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the input.

    Lines and columns are 1-based (columns count code points) and, like :attr:`span`, refer to the
    JSON text that was checked: for a mapping, ``json.dumps(request, ensure_ascii=False)``.
    """

    #: Stable rule code, ``family/name`` (``model/range``); ``iot-jobs-lint explain CODE`` tells more.
    code: str
    severity: Severity
    #: RFC 6901 JSON Pointer of the offending member (``""`` for the whole request).
    pointer: str
    #: The member in botocore's notation (``schedulingConfig.maintenanceWindows[0].durationInMinutes``;
    #: ``""`` for the whole request).
    path: str
    #: What is wrong, with the limit and the actual value.
    message: str
    #: How to fix it, when a fix is known.
    help: Optional[str]
    line: int
    column: int
    end_line: int
    end_column: int
    span: Span
    #: Machine-applicable fixes, the preferred one first.
    fixes: Tuple[Fix, ...]
    related: Tuple[Related, ...]

    def __str__(self) -> str:
        where = self.path or "(the request)"
        text = f"{self.severity.value}[{self.code}] {where}: {self.message}"
        if self.help:
            text += f"\n  help: {self.help}"
        elif self.fixes:
            text += f"\n  fix: {self.fixes[0].message}"
        return text

    def __repr__(self) -> str:
        return (
            f"Diagnostic({self.severity.value} {self.code} at {self.path or '(the request)'}"
            f" line {self.line}:{self.column}: {self.message!r})"
        )


@dataclass(frozen=True)
class Report:
    """The outcome of checking one input."""

    #: ``"create-job"``, ``"create-job-template"``, ``"describe-job"``, ``"describe-job-template"``,
    #: or ``None`` when the input is not a JSON object or its operation could not be told.
    operation: Optional[str]
    #: Whether the operation was detected from the content rather than given.
    operation_detected: bool
    #: The service-model edition checked against: ``"latest"`` or ``"2023-03-02"``.
    service_model: str
    #: Every problem, in source order.
    diagnostics: Tuple[Diagnostic, ...]
    #: For a CloudFormation template: how many ``AWS::IoT::Job`` and ``AWS::IoT::JobTemplate``
    #: resources it declares (each checked against its CloudFormation schema and as its API
    #: request); ``None`` for an API request or response.
    template_resources: Optional[int] = None

    @property
    def errors(self) -> int:
        """How many diagnostics are errors."""
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        """How many diagnostics are warnings."""
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """True when no diagnostic is an error (warnings allowed), as the command's exit status 0."""
        return self.errors == 0

    def __bool__(self) -> bool:
        return True

    def __str__(self) -> str:
        lines = [str(d) for d in self.diagnostics]
        lines.append(self._summary())
        return "\n".join(lines)

    def _summary(self) -> str:
        op = self.operation or "unknown operation"
        detected = " (detected)" if self.operation_detected and self.operation else ""
        if self.template_resources is not None:
            op = f"CloudFormation template, {_plural(self.template_resources, 'IoT job resource')}"
            detected = ""
        return (
            f"{op}{detected}, service model {self.service_model}: "
            f"{_plural(self.errors, 'error')}, {_plural(self.warnings, 'warning')}"
        )

    def __repr__(self) -> str:
        head = f"<Report {self._summary()}"
        if not self.diagnostics:
            return head + ">"
        return head + "\n" + "\n".join(f"  {d!r}" for d in self.diagnostics) + "\n>"


@dataclass(frozen=True)
class ScheduledWindow:
    """One opening of a maintenance window (UTC, ``YYYY-MM-DDTHH:MM:SSZ``)."""

    start: str
    end: str
    #: Index of the window in ``schedulingConfig.maintenanceWindows``.
    maintenance_window: int


@dataclass(frozen=True)
class Schedule:
    """The next maintenance-window starts of a job or template, as DescribeJob would list them."""

    operation: Optional[str]
    #: The time the preview starts from (``now``, or the job's ``startTime`` when later).
    from_time: str
    #: The job's ``endTime``, when it has one.
    until: Optional[str]
    declared_windows: int
    previewable_windows: int
    #: ``startTime`` of each rollout, as ``scheduledJobRollouts`` would list them.
    scheduled_job_rollouts: Tuple[str, ...]
    windows: Tuple[ScheduledWindow, ...]
    #: The input's diagnostics (as :func:`lint` reports them).
    diagnostics: Tuple[Diagnostic, ...]


@dataclass(frozen=True)
class Rule:
    """One rule of the registry (see ``iot-jobs-lint rules`` and docs/rules.md)."""

    code: str
    severity: Severity
    summary: str
    source: str
    #: Whether the exported JSON Schema carries the rule too.
    json_schema: bool
    fix: Optional[str]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_INDEX = re.compile(r"(0|[1-9][0-9]*)\Z")


def pointer_to_path(pointer: str, document: Any = None) -> str:
    """Turns an RFC 6901 JSON Pointer into botocore's notation.

    ``/schedulingConfig/maintenanceWindows/0/durationInMinutes`` becomes
    ``schedulingConfig.maintenanceWindows[0].durationInMinutes``. With ``document`` (the parsed
    request) a numeric token is an index only where the document has a list; without it, every
    numeric token is read as an index. Names that are not identifiers are quoted:
    ``documentParameters['my key']``.
    """
    if not pointer:
        return ""
    node = document
    out = ""
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        is_list = isinstance(node, list) if document is not None else bool(_INDEX.match(token))
        if is_list and _INDEX.match(token):
            out += f"[{token}]"
            index = int(token)
            node = node[index] if isinstance(node, list) and index < len(node) else None
        else:
            if _IDENT.match(token):
                out += f".{token}" if out else token
            else:
                out += f"[{token!r}]"
            node = node.get(token) if isinstance(node, dict) else None
            # Past a member the document lacks, fall back to reading digits as indexes.
            if node is None:
                document = None
    return out


def _json_default(value: Any) -> Any:
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _input(request: Request) -> Tuple[bytes, Any]:
    """The bytes to check and, when known, the parsed document (for :func:`pointer_to_path`)."""
    if isinstance(request, (bytes, bytearray, memoryview)):
        data = bytes(request)
        return data, _try_parse(data)
    if isinstance(request, str):
        data = request.encode("utf-8", "surrogatepass")
        return data, _try_parse(data)
    if isinstance(request, Mapping):
        document = dict(request)
        text = json.dumps(document, ensure_ascii=False, default=_json_default)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as e:
            # A lone surrogate ("\ud800") has no UTF-8 form: no JSON request can carry it.
            raise ValueError(
                f"the request holds a lone surrogate ({text[e.start:e.end]!a}), which no JSON "
                "text in UTF-8 can carry; the service would refuse it"
            ) from None
        return data, json.loads(text)
    raise TypeError(
        f"request must be a dict (as passed to boto3), or JSON text as str or bytes; got {type(request).__name__}"
    )


def _try_parse(data: bytes) -> Any:
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        return None


def _now(now: Now) -> str:
    if now is None:
        return _dt.datetime.now(_dt.timezone.utc).isoformat()
    if isinstance(now, _dt.datetime):
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError(
                "now must be an aware datetime (e.g. datetime.now(timezone.utc)); got a naive one"
            )
        return now.astimezone(_dt.timezone.utc).isoformat()
    if isinstance(now, str):
        return now
    raise TypeError(f"now must be a datetime, an RFC 3339 string or None; got {type(now).__name__}")


def _span(v: Mapping[str, Any]) -> Span:
    return Span(v["start"], v["end"])


def _diagnostic(d: Mapping[str, Any], document: Any) -> Diagnostic:
    return Diagnostic(
        code=d["code"],
        severity=Severity(d["severity"]),
        pointer=d["pointer"],
        path=pointer_to_path(d["pointer"], document),
        message=d["message"],
        help=d.get("help"),
        line=d["line"],
        column=d["column"],
        end_line=d["endLine"],
        end_column=d["endColumn"],
        span=_span(d["span"]),
        fixes=tuple(
            Fix(
                message=f["message"],
                applicability=f["applicability"],
                edits=tuple(Edit(_span(e["span"]), e["replacement"]) for e in f["edits"]),
            )
            for f in d.get("fixes", ())
        ),
        related=tuple(
            Related(
                pointer=r["pointer"],
                path=pointer_to_path(r["pointer"], document),
                message=r["message"],
                span=_span(r["span"]),
                line=r["line"],
                column=r["column"],
            )
            for r in d.get("related", ())
        ),
    )


def _max(max_input_bytes: Optional[int]) -> int:
    if max_input_bytes is None:
        return DEFAULT_MAX_INPUT_BYTES
    if isinstance(max_input_bytes, bool) or not isinstance(max_input_bytes, int) or max_input_bytes < 0:
        raise ValueError(f"max_input_bytes must be a non-negative int; got {max_input_bytes!r}")
    return max_input_bytes


def lint(
    request: Request,
    *,
    operation: Optional[str] = None,
    service_model: str = "latest",
    now: Now = None,
    max_input_bytes: Optional[int] = None,
) -> Report:
    """Checks one request or response and returns every problem found.

    :param request: a dict (the parameters as passed to boto3; it is checked as
        ``json.dumps(request)``), or JSON text as ``str`` or ``bytes`` (checked as written:
        malformed JSON and invalid UTF-8 are diagnostics, not exceptions).
    :param operation: ``"create-job"``, ``"create-job-template"``, ``"describe-job"``,
        ``"describe-job-template"`` (or the API names, ``"CreateJob"``, ...); ``None`` detects it
        from the content.
    :param service_model: ``"latest"`` or ``"2023-03-02"``.
    :param now: the time the scheduling rules compare with (an aware datetime or an RFC 3339
        string); ``None`` is the current UTC time.
    :param max_input_bytes: a larger input gets only ``input/too-large`` (default 4 MiB).
    :raises ValueError: for an unknown operation or service model, or a bad ``now``.
    :raises TypeError: for a request that is neither a mapping nor JSON text.
    """
    data, document = _input(request)
    raw = json.loads(
        _native.lint(data, operation, service_model, _now(now), _max(max_input_bytes))
    )
    return Report(
        operation=raw["operation"],
        operation_detected=raw["operationDetected"],
        service_model=raw["serviceModel"],
        diagnostics=tuple(_diagnostic(d, document) for d in raw["diagnostics"]),
        template_resources=raw.get("templateResources"),
    )


def schedule(
    request: Request,
    *,
    operation: Optional[str] = None,
    service_model: str = "latest",
    now: Now = None,
    count: int = 7,
    max_input_bytes: Optional[int] = None,
) -> Schedule:
    """Previews the next ``count`` (1 to 1000) maintenance-window starts of a job or template.

    The arguments are :func:`lint`'s, plus ``count``; as ``iot-jobs-lint schedule``.
    """
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 1000:
        raise ValueError(f"count must be an int from 1 to 1000; got {count!r}")
    data, document = _input(request)
    raw = json.loads(
        _native.schedule(
            data, operation, service_model, _now(now), _max(max_input_bytes), count
        )
    )
    return Schedule(
        operation=raw["operation"],
        from_time=raw["from"],
        until=raw.get("until"),
        declared_windows=raw["declaredWindows"],
        previewable_windows=raw["previewableWindows"],
        scheduled_job_rollouts=tuple(r["startTime"] for r in raw["scheduledJobRollouts"]),
        windows=tuple(
            ScheduledWindow(w["start"], w["end"], w["maintenanceWindow"]) for w in raw["windows"]
        ),
        diagnostics=tuple(_diagnostic(d, document) for d in raw["diagnostics"]),
    )


def rules() -> Tuple[Rule, ...]:
    """Every rule: code, severity, summary, source, whether the JSON Schema carries it, fix."""
    return tuple(
        Rule(
            code=r["code"],
            severity=Severity(r["severity"]),
            summary=r["summary"],
            source=r["source"],
            json_schema=r["jsonSchema"],
            fix=r.get("fix"),
        )
        for r in json.loads(_native.rules())
    )


def schema(operation: str, service_model: str = "latest") -> Dict[str, Any]:
    """The editor JSON Schema (draft 2020-12) of an operation's request or response, as a dict."""
    result: Dict[str, Any] = json.loads(_native.schema(operation, service_model))
    return result

