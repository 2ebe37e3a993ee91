"""The examples of the docstrings and of docs/python.md run, so they stay true."""

from __future__ import annotations

import doctest

import iot_jobs_lint
import iot_jobs_lint.boto3

from conftest import ROOT


def test_docstring_examples() -> None:
    for module in (iot_jobs_lint, iot_jobs_lint.boto3):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__


def test_docs_python_md_examples() -> None:
    result = doctest.testfile(str(ROOT / "docs" / "python.md"), module_relative=False)
    assert result.attempted > 0 and result.failed == 0


def test_public_items_are_documented() -> None:
    for module in (iot_jobs_lint, iot_jobs_lint.boto3):
        for name in module.__all__:
            item = getattr(module, name)
            if callable(item):
                assert item.__doc__, f"{module.__name__}.{name} has no docstring"
