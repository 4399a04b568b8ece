"""A real browser visits every page of the built site.

Needs the ``playwright`` package and Debian's Chromium (``apt-get install chromium``); without
the browser the tests skip with that hint, unless ``NNREF_REQUIRE_BROWSER=1`` (set by
``.ci/run``) turns the skip into a failure. Playwright's own browser download is never used.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the browser tests skip below
    PlaywrightTimeout = TimeoutError  # type: ignore[misc,assignment]

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str | None:
    for candidate in (os.environ.get("NNREF_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("NNREF_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are required here but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing: pip install -e '.[test]'")
    executable = _chromium()
    if executable is None:
        _unavailable("Chromium is not installed; install it with: sudo apt-get install chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def _pages(site: Path) -> list[str]:
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


def test_every_page_renders(browser: object, server: str, built_site: Path) -> None:
    pages = _pages(built_site)
    assert len(pages) >= 10
    failures: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    for path in pages:
        page = context.new_page()
        problems: list[str] = []
        page.on("console",
                lambda m, p=problems: m.type == "error" and p.append(f"console: {m.text}"))
        page.on("pageerror", lambda e, p=problems: p.append(f"page error: {e}"))
        page.on("requestfailed", lambda r, p=problems: p.append(f"failed request: {r.url}"))
        page.on("response", lambda r, p=problems: r.status >= 400
                and p.append(f"HTTP {r.status}: {r.url}"))
        page.goto(server + path, wait_until="networkidle")
        problems += _check_math(page)
        problems += _check_figures(page)
        problems += _check_palette_toggle(page)
        failures += [f"/{path}: {p}" for p in problems]
        page.close()
    context.close()
    assert not failures, "\n".join(failures)


TYPESET = """() => [...document.querySelectorAll('.arithmatex')]
    .every(el => el.querySelector('.katex'))"""


def _check_math(page: object) -> list[str]:
    # KaTeX runs when Material's document$ fires, which on a busy machine can come after
    # "networkidle": give it time, then report whatever is still raw.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(TYPESET, timeout=20_000)  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        """() => {
            const all = [...document.querySelectorAll('.arithmatex')];
            const raw = all.filter(el => !el.querySelector('.katex'))
                           .map(el => el.textContent.slice(0, 60));
            return {count: all.length, raw};
        }"""
    )
    return [f"formula not typeset: {t!r}" for t in result["raw"]]


def _check_figures(page: object) -> list[str]:
    sizes = page.evaluate(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('svg.nnref-figure')].map(svg => {
            const r = svg.getBoundingClientRect();
            const style = getComputedStyle(svg);
            return {id: svg.id, w: r.width, h: r.height,
                    visible: style.visibility !== 'hidden' && style.display !== 'none'};
        })"""
    )
    return [f"figure {s['id']} not visible ({s['w']}x{s['h']})" for s in sizes
            if not (s["visible"] and s["w"] > 0 and s["h"] > 0)]


def _check_palette_toggle(page: object) -> list[str]:
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)  # type: ignore[attr-defined]
    page.locator("form[data-md-component=palette] label:visible").first.click()  # type: ignore[attr-defined]
    after = page.evaluate(scheme)  # type: ignore[attr-defined]
    page.locator("form[data-md-component=palette] label:visible").first.click()  # type: ignore[attr-defined]
    back = page.evaluate(scheme)  # type: ignore[attr-defined]
    if {before, after} != {"default", "slate"} or back != before:
        return [f"palette toggle did not switch schemes: {before} -> {after} -> {back}"]
    return []


def test_home_page_in_both_schemes(browser: object, server: str,
                                   tmp_path_factory: pytest.TempPathFactory) -> None:
    """The worked neuron is typeset and its diagram follows the text colour in each scheme."""
    shots = Path(os.environ.get("NNREF_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    shots.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 1400})  # type: ignore[attr-defined]
    page.goto(server, wait_until="networkidle")
    colours = {}
    for scheme in ("default", "slate"):
        if page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") != scheme:
            page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_timeout(300)
        colours[scheme] = page.evaluate(
            "() => getComputedStyle(document.querySelector('svg.nnref-figure')).color"
        )
        assert page.locator(".katex").count() > 0
        assert "0.71" in page.inner_text("article")
        page.screenshot(path=str(shots / f"home-{scheme}.png"), full_page=True)
    assert colours["default"] != colours["slate"], colours
    page.close()
