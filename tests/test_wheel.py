"""The installed library stands alone: its wheel works without the repository around it.

The test builds the wheel from a copy of the package files, installs it into a fresh virtual
environment (which brings NumPy, the one run-time dependency), and, from a directory outside
the repository:

1. imports every public module but ``nnref.plotting`` with NumPy alone (and checks that no
   plotting library came along);
2. adds matplotlib (``nnref.plotting``) and pytest, imports every module of the package, and
   runs the doctests of the installed package with the project's doctest options.

It takes about a minute (most of it installing into the fresh environment; pip's cache keeps
that short after the first run) and is marked ``wheel``: ``pytest -m "not wheel"`` skips it.
The environment is built once per test session.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.wheel

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 900  # seconds for one step; installs from the index can be slow on a cold cache

# Imports every module of the installed package whose dotted name has no private part, or
# (with "all") every module; fails if a module reaches for matplotlib when it should not.
IMPORT_SCRIPT = """
import importlib, pkgutil, sys
import nnref
every = sys.argv[1] == "all"
names = sorted(
    m.name for m in pkgutil.walk_packages(nnref.__path__, "nnref.")
    if every or not any(part.startswith("_") for part in m.name.split("."))
)
for name in names:
    if not every and (name == "nnref.plotting" or name.startswith("nnref.plotting.")):
        continue
    importlib.import_module(name)
if not every:
    assert "matplotlib" not in sys.modules, "importing nnref brought matplotlib along"
assert nnref.__file__.startswith(sys.prefix), nnref.__file__  # the installed copy
print(len(names), "modules")
"""

DOCTEST_INI = """[pytest]
addopts = --doctest-modules -p no:cacheprovider
doctest_optionflags = NORMALIZE_WHITESPACE NUMBER
filterwarnings = error
"""


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, (
        f"{' '.join(str(a) for a in args)} failed ({result.returncode}):\n"
        f"{result.stdout[-6000:]}\n{result.stderr[-6000:]}"
    )
    return result.stdout


def _pinned(name: str) -> str:
    """``name==version`` of the copy the test runs with, so that pip's cache serves it."""
    try:
        return f"{name}=={importlib.metadata.version(name)}"
    except importlib.metadata.PackageNotFoundError:
        return name


@dataclass
class Installed:
    python: Path  # the fresh environment's interpreter
    work: Path  # a directory outside the repository to run it in
    env: dict[str, str]
    packages: set[str]  # what the wheel brought along, right after its installation
    imported: str  # the output of the import check with NumPy alone


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """A fresh virtual environment with the nnref wheel and what it depends on (NumPy)."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"  # only what the wheel is built from: no tests, docs or site code
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "nnref", source / "nnref", ignore=shutil.ignore_patterns("__pycache__"))
    dist = base / "dist"
    pip = [sys.executable, "-m", "pip"]
    _run([*pip, "wheel", "--no-deps", "-w", dist, source], cwd=base)
    wheel = next(dist.glob("nnref-*.whl"))

    venv = base / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=base)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["MPLCONFIGDIR"] = str(base / "mplconfig")
    env["MPLBACKEND"] = "Agg"
    work = base / "elsewhere"
    work.mkdir()
    # The wheel's own requirements decide what comes along; the pin only lets pip's cache
    # serve the NumPy that the test suite itself runs with.
    _run([python, "-m", "pip", "install", "-q", wheel, _pinned("numpy")], cwd=work, env=env)
    freeze = _run([python, "-m", "pip", "list", "--format=freeze"], cwd=work, env=env)
    packages = {line.split("==")[0].lower() for line in freeze.splitlines() if "==" in line}
    imported = _run([python, "-c", IMPORT_SCRIPT, "public"], cwd=work, env=env)
    return Installed(python, work, env, packages, imported)


def test_public_modules_import_with_numpy_alone(installed: Installed) -> None:
    assert installed.packages - {"pip", "setuptools", "wheel"} == {"nnref", "numpy"}
    assert installed.imported.strip().endswith("modules")


def test_doctests_pass_in_the_installed_package(installed: Installed) -> None:
    python, work, env = installed.python, installed.work, installed.env
    extras = [_pinned("matplotlib"), _pinned("pytest")]
    _run([python, "-m", "pip", "install", "-q", *extras], cwd=work, env=env)
    _run([python, "-c", IMPORT_SCRIPT, "all"], cwd=work, env=env)
    (work / "pytest.ini").write_text(DOCTEST_INI, encoding="utf-8")
    out = _run(
        [python, "-m", "pytest", "-c", work / "pytest.ini", "-q", "--pyargs", "nnref"],
        cwd=work,
        env=env,
    )
    assert " passed" in out and "failed" not in out, out[-2000:]
