"""A real browser visits every page of the built site.

Needs the ``playwright`` package and Debian's Chromium (``apt-get install chromium``); without
the browser the tests skip with that hint, unless ``NNREF_REQUIRE_BROWSER=1`` (set by
``.ci/run``) turns the skip into a failure. Playwright's own browser download is never used.

Pages are visited several at a time from one browser. Each visit waits for the ``load`` event,
for KaTeX to typeset every formula and for its fonts (not for the network to go idle, which
costs seconds a page), then checks the formulas and figures and collects console errors, page
errors, failed requests and HTTP errors. Two things are the same file or component on every
page and are exercised on a sample (the home page and every tenth page): the palette toggle is
clicked, and the search index (700 KB that the search worker fetches and indexes on every page
load) is served for real; the other pages get an index with the same configuration and no
entries. The local server records every request, so a failing request made after a page was
checked still fails the test.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import http.server
import json
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

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
PARALLEL_PAGES = 4  # pages open at once; more only queue up for the machine's cores
SAMPLE_EVERY = 10  # toggle and real search index: the home page and every 10th page
TIMEOUT_MS = 60_000
WIDTHS = (1280, 390)  # a desktop and a phone; every page is laid out at both
MIN_TEXT_PX = 9.0  # smallest legible text in a figure, as rendered on the screen


def _chromium() -> str | None:
    for candidate in (
        os.environ.get("NNREF_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("NNREF_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are required here but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium() -> str:
    """The Chromium executable, once the playwright package is known to be there."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        _unavailable("the playwright package is missing: pip install -e '.[test]'")
    executable = _chromium()
    if executable is None:
        _unavailable("Chromium is not installed; install it with: sudo apt-get install chromium")
    return str(executable)


class _Server(http.server.ThreadingHTTPServer):
    """Serves the built site and remembers every request: (path, status)."""

    requests: list[tuple[str, int]]

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A page closed while a file was still being sent: not an error of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _RecordingHandler(http.server.SimpleHTTPRequestHandler):
    server: _Server

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.server.requests.append((self.path, int(code) if str(code).isdigit() else 0))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[_Server]:
    handler = functools.partial(_RecordingHandler, directory=str(built_site))
    httpd = _Server(("127.0.0.1", 0), handler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _url(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/"


def _pages(site: Path) -> list[str]:
    """Every page's URL path, the home page first."""
    pages = []
    for html in site.rglob("index.html"):
        rel = html.parent.relative_to(site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return sorted(pages, key=lambda p: (p != "", p))


TYPESET = """() => [...document.querySelectorAll('.arithmatex')]
    .every(el => el.querySelector('.katex'))"""
SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"
TOGGLE = "form[data-md-component=palette] label:visible"
FRAME = "() => new Promise(done => requestAnimationFrame(() => done(true)))"


async def _check_math(page: Any) -> list[str]:
    # KaTeX runs when Material's document$ fires, after "load": give it time, then report
    # whatever is still raw.
    with contextlib.suppress(Exception):
        await page.wait_for_function(TYPESET, timeout=20_000)
    result = await page.evaluate(
        """() => {
            const all = [...document.querySelectorAll('.arithmatex')];
            const raw = all.filter(el => !el.querySelector('.katex'))
                           .map(el => el.textContent.slice(0, 60));
            return {count: all.length, raw};
        }"""
    )
    return [f"formula not typeset: {t!r}" for t in result["raw"]]


async def _check_figures(page: Any) -> list[str]:
    sizes = await page.evaluate(
        """() => [...document.querySelectorAll('svg.nnref-figure')].map(svg => {
            const r = svg.getBoundingClientRect();
            const style = getComputedStyle(svg);
            return {id: svg.id, w: r.width, h: r.height,
                    visible: style.visibility !== 'hidden' && style.display !== 'none'};
        })"""
    )
    return [
        f"figure {s['id']} not visible ({s['w']}x{s['h']})"
        for s in sizes
        if not (s["visible"] and s["w"] > 0 and s["h"] > 0)
    ]


LAYOUT = """(minPx) => {
    const problems = [];
    const scroller = el => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
            const overflow = getComputedStyle(a).overflowX;
            if (overflow === 'auto' || overflow === 'scroll') return a;
        }
        return null;
    };
    const cue = box => /gradient/.test(getComputedStyle(box).backgroundImage);
    const short = el => el.textContent.replace(/\\s+/g, ' ').trim().slice(0, 50);
    const column = document.querySelector('article.md-content__inner');
    const room = column ? column.clientWidth : window.innerWidth;
    for (const eq of document.querySelectorAll('.md-content .katex-display')) {
        const wide = eq.scrollWidth;
        const box = scroller(eq);
        if (!box && wide > room + 1) {
            problems.push(`display equation clipped (${wide} px in ${room} px): ${short(eq)}`);
        } else if (box && box.scrollWidth > box.clientWidth + 1 && !cue(box)) {
            problems.push(`display equation scrolls without a cue: ${short(eq)}`);
        }
    }
    for (const table of document.querySelectorAll('.md-content table')) {
        const wide = table.getBoundingClientRect().width;
        if (wide === 0) continue;  // in a closed tab or fold
        const box = scroller(table);
        const shown = box ? box.clientWidth : room;
        if (wide <= shown + 1) continue;
        const head = short(table.querySelector('tr') || table);
        if (window.innerWidth >= 1000) {
            problems.push(`table hides columns (${Math.round(wide)} px in ${shown} px): ${head}`);
        } else if (!box || !cue(box)) {
            problems.push(`table wider than the column without a scroll cue: ${head}`);
        }
    }
    for (const svg of document.querySelectorAll('svg.nnref-figure')) {
        if (svg.getBoundingClientRect().width === 0) continue;  // in a closed tab or fold
        let smallest = Infinity, which = '';
        // Each run of text at its own size: mathtext draws indices as smaller tspans.
        for (const text of svg.querySelectorAll('text, tspan')) {
            const own = [...text.childNodes].some(n => n.nodeType === 3 && n.data.trim());
            const matrix = own && text.getScreenCTM();
            if (!matrix) continue;
            const px = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
            if (px < smallest) { smallest = px; which = text.textContent.trim().slice(0, 20); }
        }
        if (smallest < minPx) {
            problems.push(`figure ${svg.id}: text rendered at ${smallest.toFixed(1)} px `
                          + `(under ${minPx} px): ${JSON.stringify(which)}`);
        }
    }
    for (const topic of document.querySelectorAll('.md-header__topic:first-child .md-ellipsis')) {
        if (topic.scrollWidth > topic.clientWidth + 1
                || topic.scrollHeight > topic.clientHeight + 1) {
            problems.push(`header title truncated (${topic.scrollWidth} px in `
                          + `${topic.clientWidth} px): ${short(topic)}`);
        }
    }
    return problems;
}"""


async def _check_layout(page: Any) -> list[str]:
    """Equations, tables, figure text and the header title at the page's viewport width."""
    width = page.viewport_size["width"]
    found = await page.evaluate(LAYOUT, MIN_TEXT_PX)
    return [f"at {width} px: {problem}" for problem in found]


async def _check_palette_toggle(page: Any) -> list[str]:
    before = await page.evaluate(SCHEME)
    await page.locator(TOGGLE).first.click()
    after = await page.evaluate(SCHEME)
    await page.locator(TOGGLE).first.click()
    back = await page.evaluate(SCHEME)
    if {before, after} != {"default", "slate"} or back != before:
        return [f"palette toggle did not switch schemes: {before} -> {after} -> {back}"]
    return []


async def _visit(context: Any, url: str, sample: bool, empty_index: str) -> list[str]:
    page = await context.new_page()
    if not sample:
        await page.route(
            "**/search/search_index.json",
            lambda route: route.fulfill(content_type="application/json", body=empty_index),
        )
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    try:
        await page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        problems += await _check_math(page)
        await page.evaluate("() => document.fonts.ready.then(() => true)")  # KaTeX's fonts
        problems += await _check_figures(page)
        if sample:
            problems += await _check_palette_toggle(page)
        problems += await _check_layout(page)
        for width in WIDTHS[1:]:  # the same page, narrowed: cheaper than loading it again
            await page.set_viewport_size({"width": width, "height": 900})
            await page.evaluate(FRAME)
            problems += await _check_layout(page)
        found = list(problems)  # a request still running is cut when the page closes
    finally:
        await page.close()
    return found


async def _visit_all(executable: str, base: str, pages: list[str], site: Path) -> list[str]:
    from playwright.async_api import async_playwright

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    empty_index = json.dumps({**index, "docs": []})
    slots = asyncio.Semaphore(PARALLEL_PAGES)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = await browser.new_context(viewport={"width": WIDTHS[0], "height": 900})

        async def one(i: int, path: str) -> list[str]:
            async with slots:
                found = await _visit(context, base + path, i % SAMPLE_EVERY == 0, empty_index)
            return [f"/{path}: {problem}" for problem in found]

        results = await asyncio.gather(*(one(i, path) for i, path in enumerate(pages)))
        await context.close()
        await browser.close()
    return [problem for found in results for problem in found]


def test_every_page_renders(chromium: str, server: _Server, built_site: Path) -> None:
    pages = _pages(built_site)
    assert len(pages) >= 10 and pages[0] == ""  # the home page comes first: it is sampled
    failures = asyncio.run(_visit_all(chromium, _url(server), pages, built_site))
    # The browser caches it, so the real index is fetched once for all the sampled pages.
    assert any(path.endswith("search_index.json") for path, _ in server.requests)
    visited = {path.split("?")[0] for path, _ in server.requests}
    missing = [p for p in pages if "/" + p not in visited]
    failures += [f"/{p}: never requested" for p in missing]
    failures += [f"{path}: HTTP {status}" for path, status in server.requests if status >= 400]
    assert not failures, "\n".join(failures)


async def _both_schemes(executable: str, base: str, shots: Path) -> dict[str, str]:
    from playwright.async_api import async_playwright

    colours = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = await browser.new_page(viewport={"width": 1280, "height": 1400})
        await page.goto(base, wait_until="load", timeout=TIMEOUT_MS)
        await page.wait_for_function(TYPESET, timeout=20_000)
        for scheme in ("default", "slate"):
            if await page.evaluate(SCHEME) != scheme:
                await page.locator(TOGGLE).first.click()
            await page.wait_for_timeout(300)
            colours[scheme] = await page.evaluate(
                "() => getComputedStyle(document.querySelector('svg.nnref-figure')).color"
            )
            assert await page.locator(".katex").count() > 0
            assert "0.71" in await page.inner_text("article")
            await page.screenshot(path=str(shots / f"home-{scheme}.png"), full_page=True)
        await browser.close()
    return colours


def test_home_page_in_both_schemes(
    chromium: str, server: _Server, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The worked neuron is typeset and its diagram follows the text colour in each scheme."""
    shots = Path(os.environ.get("NNREF_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    shots.mkdir(parents=True, exist_ok=True)
    colours = asyncio.run(_both_schemes(chromium, _url(server), shots))
    assert colours["default"] != colours["slate"], colours
