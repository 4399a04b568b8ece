"""The code is formatted by ``ruff format`` and passes ``ruff check`` (the rules in pyproject.toml).

One test per tool and folder, so a failure names what to run: ``ruff format <folder>`` rewrites
the files, ``ruff check <folder>`` lists the problems (``--fix`` repairs many of them).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ["nnref", "tests", "benchmarks", "includes"]

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("ruff") is None,
    reason="ruff is not installed (pip install -e '.[test]' brings it)",
)


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("folder", FOLDERS)
def test_ruff_format(folder: str) -> None:
    result = _ruff("format", "--check", folder)
    assert result.returncode == 0, f"run `ruff format {folder}`:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("folder", FOLDERS)
def test_ruff_check(folder: str) -> None:
    result = _ruff("check", folder)
    assert result.returncode == 0, f"run `ruff check {folder}`:\n{result.stdout}{result.stderr}"
