"""The ``iot-jobs-lint`` command (the console script, and ``python -m iot_jobs_lint``).

It runs the Rust command in this process: the same code, options and output as the native
binary (``iot-jobs-lint check --help``).
"""

from __future__ import annotations

import signal
import sys
from typing import List, Optional

from . import _native


def main(argv: Optional[List[str]] = None) -> None:
    """Runs ``iot-jobs-lint`` with ``argv`` (default ``sys.argv``) and exits with its status."""
    args = list(sys.argv if argv is None else argv)
    # The program name is the command's, whatever started it (a console script, python -m).
    args[:1] = ["iot-jobs-lint"]
    # Either may be None (closed when the interpreter started).
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    # Ctrl-C ends the command at once, as it ends the native binary (Python's own handler would
    # only set a flag that no Python code looks at while the command runs).
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.exit(_native.run_cli(args))


if __name__ == "__main__":
    main()
