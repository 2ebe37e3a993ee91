"""Checks every ``create_job`` / ``create_job_template`` call of boto3 before it is sent.

::

    import boto3, iot_jobs_lint.boto3
    iot_jobs_lint.boto3.install()          # boto3's default session
    boto3.client("iot").create_job(...)    # raises JobValidationError on a bad request

:func:`install` registers a handler on botocore's ``before-parameter-build.iot.CreateJob`` and
``before-parameter-build.iot.CreateJobTemplate`` events. The handler lints the call's parameters
(as :func:`iot_jobs_lint.lint` would, with the current time) and raises
:class:`JobValidationError`, a :class:`botocore.exceptions.ParamValidationError`, listing every
problem with its path and fix, before anything is sent. Warnings go to :func:`warnings.warn` as
:class:`JobLintWarning`.

**Sessions and clients.** A handler registered on a session applies to the clients the session
creates *afterwards*: a client copies its session's event handlers when it is created. To check a
client that already exists, pass the client itself (``install(client)`` registers on
``client.meta.events``).

This module needs ``boto3`` (or at least ``botocore``, for a botocore session or a client); the
rest of the package does not.
"""

from __future__ import annotations

import warnings
from typing import Any, Callable, List, Optional, Tuple

from botocore.exceptions import ParamValidationError

from . import Diagnostic, Report, Severity, lint

__all__ = ["EVENTS", "Installation", "JobLintWarning", "JobValidationError", "install"]

#: The botocore events the hook registers on, with the operation each one checks.
EVENTS: Tuple[Tuple[str, str], ...] = (
    ("before-parameter-build.iot.CreateJob", "create-job"),
    ("before-parameter-build.iot.CreateJobTemplate", "create-job-template"),
)

_UNIQUE_ID = "iot-jobs-lint:"


class JobLintWarning(UserWarning):
    """A warning iot-jobs-lint found in a ``create_job`` / ``create_job_template`` call.

    Filter it as any warning: ``warnings.simplefilter("error", JobLintWarning)`` turns it into an
    exception, ``"ignore"`` silences it.
    """


def _describe(d: Diagnostic) -> str:
    where = d.path or "(the request)"
    text = f"- {d.severity.value}[{d.code}] {where}: {d.message}"
    fix = d.help or (d.fixes[0].message if d.fixes else None)
    if fix:
        text += f"\n    fix: {fix}"
    return text


class JobValidationError(ParamValidationError):
    """A ``create_job`` / ``create_job_template`` call that iot-jobs-lint rejected before it was sent.

    A subclass of :class:`botocore.exceptions.ParamValidationError`, so code that already catches
    botocore's parameter errors catches it too. The message lists every problem with its path and
    fix; :attr:`lint_report` holds the typed :class:`iot_jobs_lint.Report`.
    """

    #: The report of the rejected call.
    lint_report: Report
    #: The API name of the call (``CreateJob``).
    operation_name: str

    def __init__(self, lint_report: Report, operation_name: str, fail_on: str = "error") -> None:
        self.lint_report = lint_report
        self.operation_name = operation_name
        # Every problem the counts name, errors first.
        shown = [d for d in lint_report.diagnostics if d.severity is Severity.ERROR] + [
            d for d in lint_report.diagnostics if d.severity is Severity.WARNING
        ]
        counts = f"{_count(lint_report.errors, 'error')}, {_count(lint_report.warnings, 'warning')}"
        lines = [f"iot-jobs-lint rejected {operation_name} before sending it ({counts}):"]
        lines.extend(_describe(d) for d in shown)
        super().__init__(report="\n".join(lines))

    @property
    def diagnostics(self) -> Tuple[Diagnostic, ...]:
        """Every diagnostic of the call (errors and warnings)."""
        return self.lint_report.diagnostics

    def __reduce__(self) -> Any:
        return (type(self), (self.lint_report, self.operation_name))


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class Installation:
    """What :func:`install` registered; :meth:`uninstall` removes it."""

    def __init__(self, events: Any, handlers: List[Tuple[str, Callable[..., None], str]]) -> None:
        self._events = events
        self._handlers = handlers

    def uninstall(self) -> None:
        """Unregisters the handlers (calls are no longer checked)."""
        for event, handler, unique_id in self._handlers:
            self._events.unregister(event, handler, unique_id=unique_id)
        self._handlers = []

    def __repr__(self) -> str:
        names = ", ".join(e for e, _, _ in self._handlers) or "nothing"
        return f"<iot_jobs_lint.boto3.Installation on {names}>"


def _event_system(target: Any) -> Any:
    """The hierarchical emitter of a boto3 Session, a botocore Session or a client."""
    if target is None:
        import boto3

        target = boto3._get_default_session()
    meta = getattr(target, "meta", None)
    if meta is not None and hasattr(meta, "events"):  # a client
        return meta.events
    botocore_session = getattr(target, "_session", None)  # a boto3.Session
    if botocore_session is not None and hasattr(botocore_session, "get_component"):
        return botocore_session.get_component("event_emitter")
    if hasattr(target, "get_component"):  # a botocore Session
        return target.get_component("event_emitter")
    raise TypeError(
        "install() takes a boto3.Session, a botocore session or a client (or None for boto3's "
        f"default session); got {type(target).__name__}"
    )


def install(
    target: Any = None,
    *,
    fail_on: str = "error",
    service_model: str = "latest",
    warn: bool = True,
) -> Installation:
    """Checks every CreateJob / CreateJobTemplate call made through ``target`` before it is sent.

    :param target: a ``boto3.Session``, a ``botocore.session.Session`` or a client; ``None`` is
        boto3's default session (what ``boto3.client(...)`` uses). A session's handler applies to
        the clients it creates afterwards; pass an existing client to check that client.
    :param fail_on: ``"error"`` (default) raises :class:`JobValidationError` when the call has an
        error; ``"warning"`` also when it has a warning; ``"never"`` never raises (errors are
        then warned about like warnings).
    :param service_model: the service-model edition, ``"latest"`` or ``"2023-03-02"``.
    :param warn: issue a :class:`JobLintWarning` for each problem that does not raise.
    :returns: an :class:`Installation`, whose ``uninstall()`` removes the handlers. Installing
        again on the same target replaces the earlier handlers.
    """
    if fail_on not in ("error", "warning", "never"):
        raise ValueError(f"fail_on must be 'error', 'warning' or 'never'; got {fail_on!r}")
    # Fail now, not at the first call, on a bad edition.
    lint("{}", operation="create-job", service_model=service_model, now="2026-01-01T00:00:00Z")
    events = _event_system(target)
    handlers = []
    for event, operation in EVENTS:
        handler = _handler(operation, fail_on, service_model, warn)
        unique_id = _UNIQUE_ID + event
        events.unregister(event, unique_id=unique_id)
        events.register(event, handler, unique_id=unique_id)
        handlers.append((event, handler, unique_id))
    return Installation(events, handlers)


def _handler(operation: str, fail_on: str, service_model: str, warn: bool) -> Callable[..., None]:
    def check(params: Any = None, model: Any = None, **_: Any) -> None:
        if params is None:
            return
        try:
            report = lint(params, operation=operation, service_model=service_model)
        except (TypeError, ValueError):
            # A value JSON cannot hold (a Decimal, a set, a lone surrogate): botocore's own
            # check, which runs next, names the parameter and the types it takes.
            return
        name = getattr(model, "name", None) or (
            "CreateJob" if operation == "create-job" else "CreateJobTemplate"
        )
        fails = (fail_on == "error" and report.errors > 0) or (
            fail_on == "warning" and (report.errors > 0 or report.warnings > 0)
        )
        if fails:
            raise JobValidationError(report, name, fail_on)
        if warn:
            for d in report.diagnostics:
                if d.severity in (Severity.WARNING, Severity.ERROR):
                    warnings.warn(
                        f"iot-jobs-lint: {name} {_describe(d)[2:]}", JobLintWarning, stacklevel=2
                    )

    check.__qualname__ = f"iot_jobs_lint.boto3.check[{operation}]"
    return check
