"""The Rust module (crates/iot-jobs-lint-py): JSON text in and out; use the package's functions."""

from typing import List, Optional

__version__: str

def lint(
    input: bytes, operation: Optional[str], service_model: str, now: str, max_input_bytes: int
) -> str:
    """The core's report of ``input`` as JSON text."""

def schedule(
    input: bytes,
    operation: Optional[str],
    service_model: str,
    now: str,
    max_input_bytes: int,
    count: int,
) -> str:
    """The core's maintenance-window preview of ``input`` as JSON text."""

def rules() -> str:
    """Every rule as JSON text."""

def schema(operation: str, service_model: str) -> str:
    """An operation's JSON Schema as JSON text."""

def run_cli(args: List[str]) -> int:
    """Runs the ``iot-jobs-lint`` command in-process with ``args`` (program name first)."""

def default_max_input_bytes() -> int:
    """The default input limit in bytes."""
