"""The console script runs the Rust command in-process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig

import pytest

import iot_jobs_lint
from iot_jobs_lint.__main__ import main

from conftest import NOW, ROOT


def test_console_script_version() -> None:
    # the environment's scripts directory (its bin/ need not be on PATH)
    exe = shutil.which("iot-jobs-lint", path=sysconfig.get_path("scripts"))
    assert exe is not None, "the wheel installs the iot-jobs-lint console script"
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"iot-jobs-lint {iot_jobs_lint.__version__}"


def test_check_exit_status_and_output() -> None:
    broken = ROOT / "examples" / "broken.job.json"
    good = ROOT / "examples" / "firmware-ota.job.json"
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "iot_jobs_lint", *a], capture_output=True, text=True
    )
    bad = run("check", "--now", "2026-12-01T00:00:00Z", str(broken))
    assert bad.returncode == 1
    assert "error[model/range]" in bad.stdout
    ok = run("check", "--now", NOW, str(good))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    usage = run("chekc")
    assert usage.returncode == 2 and "Usage: iot-jobs-lint" in usage.stderr


def test_main_in_process_exits_with_status(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["whatever", "explain", "model/range"])
    assert exit.value.code == 0
    assert "model/range" in capfd.readouterr().out


@pytest.mark.skipif(
    not os.environ.get("IOT_JOBS_LINT_BIN"),
    reason="IOT_JOBS_LINT_BIN (the native binary, set by scripts/test.sh) not set",
)
def test_same_output_as_the_native_binary() -> None:
    native = os.environ["IOT_JOBS_LINT_BIN"]
    args = ["check", "--now", "2026-12-01T00:00:00Z", "--format", "json", "--no-config", "examples"]
    want = subprocess.run([native, *args], capture_output=True, text=True, cwd=ROOT)
    got = subprocess.run(
        [sys.executable, "-m", "iot_jobs_lint", *args], capture_output=True, text=True, cwd=ROOT
    )
    assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr)


def test_closed_stdout_gives_no_traceback() -> None:
    """With standard output closed, sys.stdout is None; main() once called its flush()."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "iot_jobs_lint", "--version"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        close_fds=True,
        preexec_fn=lambda: __import__("os").close(1),
    )
    assert b"Traceback" not in result.stderr, result.stderr
