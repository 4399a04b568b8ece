"""Shared fixtures: a seeded random generator and one strict build of the site per test run.

The site is built once per run, however many pytest-xdist workers share the run: as soon as a
worker finds a collected test that needs ``built_site``, the first one to claim the build
starts ``mkdocs build --strict`` in a background thread, so the build overlaps with the unit
tests; every test that needs the site waits for that one build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT = 900  # seconds

# Property tests run on small shared machines whose speed varies: no per-example deadline.
settings.register_profile("nnref", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "nnref"))


@pytest.fixture
def rng() -> np.random.Generator:
    """A freshly seeded generator, so every test sees the same 'random' numbers."""
    return np.random.default_rng(20261124)


def build_site(dest: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` (never with -q: it hides failures) into ``dest``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
    )


# --- one build per run ------------------------------------------------------------------------


def _needs_site(item: pytest.Item) -> bool:
    return not {"built_site", "site_build"}.isdisjoint(getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that need no site first (they run while the site builds), then the tests of
    the built site. Under pytest-xdist the browser tests, the longest, go to the front: one
    worker waits for the build and then runs them while the other workers do the rest."""
    workers = bool(os.environ.get("PYTEST_XDIST_WORKER"))

    def order(item: pytest.Item) -> int:
        if workers and item.get_closest_marker("browser"):
            return 0
        return 2 if _needs_site(item) else 1

    items.sort(key=order)  # stable: keeps the order within each group


def _run_dir(factory: pytest.TempPathFactory) -> Path:
    """A folder that every worker of this run shares (the base folder without xdist)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


class _SiteBuild:
    """The shared build: ``site/`` is the output, ``status.json`` appears when it is done."""

    def __init__(self, folder: Path) -> None:
        self.site = folder / "site"
        self.status = folder / "status.json"
        self.claim = folder / "claimed"
        self.thread: threading.Thread | None = None

    def start_if_unclaimed(self) -> None:
        try:
            fd = os.open(self.claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return  # another worker builds it
        os.close(fd)
        self.thread = threading.Thread(target=self._build, name="site-build", daemon=True)
        self.thread.start()

    def _build(self) -> None:
        started = time.perf_counter()
        try:
            result = build_site(self.site)
            status = {"returncode": result.returncode, "log": result.stdout + result.stderr}
        except Exception as exc:  # a timeout or a missing mkdocs: report it to every waiter
            status = {"returncode": -1, "log": f"the build could not run: {exc!r}"}
        status["seconds"] = round(time.perf_counter() - started, 1)
        partial = self.status.with_suffix(".tmp")
        partial.write_text(json.dumps(status), encoding="utf-8")
        partial.replace(self.status)

    def wait(self) -> dict[str, object]:
        deadline = time.monotonic() + BUILD_TIMEOUT + 60
        while not self.status.exists():
            if time.monotonic() > deadline:
                pytest.fail("the shared site build did not finish in time", pytrace=False)
            time.sleep(0.2)
        return json.loads(self.status.read_text(encoding="utf-8"))


@pytest.fixture(scope="session", autouse=True)
def _start_site_build(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[_SiteBuild]:
    """Start the shared build early if any collected test needs it; wait for it at the end."""
    folder = _run_dir(tmp_path_factory) / "nnref-site-build"
    folder.mkdir(exist_ok=True)
    build = _SiteBuild(folder)
    if any(_needs_site(item) for item in request.session.items):
        build.start_if_unclaimed()
    yield build
    if build.thread is not None:  # other workers may still be waiting for it
        build.thread.join()


@pytest.fixture(scope="session")
def site_build(_start_site_build: _SiteBuild) -> _SiteBuild:
    """The shared build, maybe still running: ``.wait()`` gives its status, ``.site`` the site."""
    _start_site_build.start_if_unclaimed()  # a no-op unless it was claimed at collection
    return _start_site_build


@pytest.fixture(scope="session")
def built_site(site_build: _SiteBuild) -> Path:
    """The site, built once with ``mkdocs build --strict``; the build must succeed."""
    status = site_build.wait()
    if status["returncode"] != 0:
        pytest.fail("mkdocs build --strict failed:\n" + str(status["log"])[-6000:], pytrace=False)
    return site_build.site
