"""The glossary site: every example runs, the strict build fails on errors, links and assets hold.

The site is built once per test run (``built_site`` in conftest.py, shared by every pytest-xdist
worker) with ``mkdocs build --strict``. Each page's blocks also run here, one page at a time
with the global state restored between pages: a failure names the page and block, and the
figures they draw must be byte-identical to the build's (reproducible figures, and no state
that leaks from the pages built before).
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import os
import re
import runpy
import sys
import warnings
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import numpy as np
import pytest

from tests.conftest import ROOT, build_site

DOCS = ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```python(?P<opts>[^\n]*)\n(?P<code>.*?)^(?P=indent)```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
OPTION = re.compile(r'(\w+)="([^"]*)"')


def executed_blocks(page: str) -> list[tuple[dict[str, str], str]]:
    """The ``exec="on"`` Python blocks of a page: (options, dedented code)."""
    text = (DOCS / page).read_text(encoding="utf-8")
    blocks = []
    for m in FENCE.finditer(text):
        opts = dict(OPTION.findall(m["opts"]))
        if opts.get("exec", "").lower() in {"on", "1", "true", "yes"}:
            indent = len(m["indent"])
            code = "\n".join(line[indent:] for line in m["code"].splitlines())
            blocks.append((opts, code))
    return blocks


EXEC_PAGES = [p for p in PAGES if executed_blocks(p)]


def test_site_builds_strictly(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()
    assert (built_site / "neuron" / "index.html").is_file()


def built_page(site: Path, page: str) -> Path:
    """The HTML file MkDocs writes for the docs page ``page`` (directory URLs)."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / stem.removesuffix("index") / "index.html"
    return site / stem / "index.html"


SVG = re.compile(r"<svg id=.*?</svg>", re.DOTALL)


def _global_state() -> dict[str, Any]:
    """Process-wide settings a page could change for every page built after it."""
    import matplotlib as mpl

    from nnref import activations

    random_state = np.random.get_state()  # noqa: NPY002 (checking that no page uses it)
    return {
        "NumPy print options (use `with np.printoptions(...)`)": np.get_printoptions(),
        "NumPy floating-point error handling (use `with np.errstate(...)`)": np.geterr(),
        "NumPy's global random state (use an rng argument)": (
            random_state[1].tobytes(),
            *random_state[2:],
        ),
        "matplotlib rcParams (use `with nnref.plotting.style()` or mpl.rc_context)": (
            mpl.rcParams.copy()
        ),
        "warnings filters (use `with warnings.catch_warnings()`)": list(warnings.filters),
        "working directory": os.getcwd(),
        "sys.path": list(sys.path),
        "activation catalogue": [f.key for f in activations.catalog()],
    }


def _restore(state: dict[str, Any]) -> None:
    import matplotlib as mpl

    np.set_printoptions(**state["NumPy print options (use `with np.printoptions(...)`)"])
    np.seterr(**state["NumPy floating-point error handling (use `with np.errstate(...)`)"])
    mpl.rcParams.update(state[next(k for k in state if k.startswith("matplotlib"))])
    warnings.filters[:] = state["warnings filters (use `with warnings.catch_warnings()`)"]


def run_page(page: str) -> list[tuple[dict[str, str], str]]:
    """Run a page's blocks as markdown-exec does: (options, printed output) per block."""
    sessions: dict[str, dict[str, object]] = {}
    outputs = []
    for opts, code in executed_blocks(page):
        assert opts.get("id"), f"{page}: every executed block needs an id=... option"
        session = opts.get("session")
        namespace = sessions.setdefault(session, {}) if session else {}
        namespace.setdefault("__name__", "__main__")
        output = io.StringIO()
        try:
            with contextlib.redirect_stdout(output):
                exec(compile(code, f"{page} [{opts['id']}]", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"{page}: block {opts['id']!r} raised {exc!r}")
        outputs.append((opts, output.getvalue()))
    return outputs


@pytest.mark.parametrize("page", EXEC_PAGES)
def test_page_examples_run(page: str, site_build: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page's blocks run on their own, leave no global state behind and match the build.

    Blocks run in this process one page at a time, as markdown-exec runs them; the state a
    page could leak to the pages built after it is compared before and after. The figures
    printed here must then be byte-identical to those in the built page: reproducible bytes
    (no second build needed) and no influence from the pages the build ran before this one.
    """
    monkeypatch.chdir(ROOT)
    before = _global_state()
    try:
        outputs = run_page(page)
        after = _global_state()
    finally:
        _restore(before)
    leaked = [what for what in before if before[what] != after[what]]
    assert not leaked, f"{page} changes, for every page built after it: {leaked}"
    for opts, text in outputs:
        if opts.get("html") in {"1", "on", "true"}:
            assert "<svg" in text or "<table" in text, opts["id"]

    figures = [svg for _, text in outputs for svg in SVG.findall(text)]
    status = site_build.wait()
    if status["returncode"] != 0:
        pytest.skip("the site did not build; test_site_builds_strictly shows why")
    built = SVG.findall(built_page(site_build.site, page).read_text(encoding="utf-8"))
    assert [s[:60] for s in figures] == [s[:60] for s in built], f"{page}: figures differ"
    for mine, theirs in zip(figures, built, strict=True):
        assert mine == theirs, f"{page}: figure {mine[:40]!r} differs from the build's"


def test_block_ids_are_unique_per_page() -> None:
    for page in EXEC_PAGES:
        ids = [opts["id"] for opts, _ in executed_blocks(page)]
        assert len(ids) == len(set(ids)), f"{page}: duplicate block ids"


# --- the strict build really fails ---------------------------------------------------------


def _mini_site(tmp_path: Path, page: str) -> Path:
    """A one-page site that inherits the project's whole configuration."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(page, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {docs}\nnav:\n  - index.md\n"
        "extra_css: []\nextra_javascript: []\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n",
        encoding="utf-8",
    )
    return config


GOOD_BLOCK = '# Fine\n\n```python exec="on" id="fine-block"\nprint(1 + 1)\n```\n'


def _article(html: Path) -> str:
    """The page's content, with link targets removed (they differ when pages are missing)."""
    text = html.read_text(encoding="utf-8")
    article = text[text.index("<article") : text.index("</article>")]
    return re.sub(r'\shref="[^"]*"', "", article)


# Pages built after the activation pages that print NumPy arrays and draw a figure: the
# softmax page's print precision once leaked into them.
ALONE = ["concepts/numerical-stability.md", "neuron/weight.md"]


@pytest.mark.parametrize("page", ALONE)
def test_page_built_alone_matches_the_full_build(
    page: str, built_site: Path, tmp_path: Path
) -> None:
    """A page gives the same content when it is the only page built (no leaked state)."""
    docs = tmp_path / "docs"
    (docs / page).parent.mkdir(parents=True)
    (docs / page).write_text((DOCS / page).read_text(encoding="utf-8"), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {docs}\nnav:\n  - {page}\n"
        "extra_css: []\nextra_javascript: []\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        # Its links point at pages this one-page site does not have.
        "validation:\n  not_found: info\n  anchors: info\n  unrecognized_links: info\n",
        encoding="utf-8",
    )
    result = build_site(tmp_path / "out", config)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    alone = _article(built_page(tmp_path / "out", page))
    assert alone == _article(built_page(built_site, page)), f"{page} differs when built alone"


def test_mini_site_control_builds(tmp_path: Path) -> None:
    result = build_site(tmp_path / "out", _mini_site(tmp_path, GOOD_BLOCK))
    assert result.returncode == 0, result.stdout + result.stderr


def test_failing_example_fails_the_strict_build(tmp_path: Path) -> None:
    page = '# Broken\n\n```python exec="on" id="broken-block"\nraise ValueError("boom")\n```\n'
    result = build_site(tmp_path / "out", _mini_site(tmp_path, page))
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "broken-block" in log and "boom" in log


def test_broken_link_fails_the_strict_build(tmp_path: Path) -> None:
    page = "# Broken link\n\nSee [nowhere](no-such-page.md).\n"
    result = build_site(tmp_path / "out", _mini_site(tmp_path, page))
    assert result.returncode != 0
    assert "no-such-page.md" in result.stdout + result.stderr


# --- links, anchors, offline assets ----------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and dict(attrs).get("rel") == "canonical":
            return  # the page's address on the hosted site: named, never fetched
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            if name in {"href", "src"} or (name == "xlink:href" and not value.startswith("#")):
                self.links.append((tag, name, value))


def _parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def _html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def _target(site: Path, page: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path)
    target = (page.parent / path).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    return target


def test_internal_links_and_anchors_resolve(built_site: Path) -> None:
    parsed = {p: _parse(p) for p in _html_pages(built_site)}
    problems = []
    for page, c in parsed.items():
        for tag, _, url in c.links:
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("mailto:", "data:", "//")):
                continue
            target = _target(built_site, page, url)
            where = f"{page.relative_to(built_site)}: <{tag}> {url}"
            if not target.exists():
                problems.append(f"{where} -> missing {target}")
            elif parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where} -> no id {parts.fragment!r}")
    assert not problems, "\n".join(problems)


def test_site_needs_no_network(built_site: Path) -> None:
    """Scripts, styles, fonts and images all come from the site itself."""
    problems = []
    for page in _html_pages(built_site):
        for tag, attr, url in _parse(page).links:
            external = urlsplit(url).scheme in {"http", "https"} or url.startswith("//")
            if external and not (tag == "a" and attr == "href"):
                problems.append(f"{page.relative_to(built_site)}: <{tag} {attr}={url}>")
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            if re.match(r"['\"]?(https?:)?//", url):
                problems.append(f"{css.relative_to(built_site)}: url({url})")
    assert not problems, "\n".join(problems)
    assert (built_site / "assets" / "katex" / "katex.min.js").is_file()


PAGE_BUDGET = 250 * 1024  # bytes of HTML a reader downloads for one page (figures inline)


def test_no_page_is_heavier_than_the_budget(built_site: Path) -> None:
    heavy = {
        str(p.relative_to(built_site)): p.stat().st_size // 1024
        for p in _html_pages(built_site)
        if p.stat().st_size > PAGE_BUDGET
    }
    assert not heavy, f"pages over {PAGE_BUDGET // 1024} KB (lighten their figures): {heavy}"


def test_the_site_has_figures(built_site: Path) -> None:
    """The per-page tests compare the figures; make sure there are figures to compare."""
    count = sum(len(SVG.findall(p.read_text(encoding="utf-8"))) for p in _html_pages(built_site))
    assert count >= 5


# --- the glossary's terms and cross-links ----------------------------------------------------


def test_every_term_points_at_an_existing_page_and_anchor(built_site: Path) -> None:
    from nnref_site.terms import load_terms

    for term in load_terms():
        page, _, anchor = str(term["page"]).partition("#")
        assert (DOCS / page).is_file(), term
        if anchor:
            assert anchor in _parse(built_page(built_site, page)).ids, term


@pytest.mark.parametrize("page", [p for p in PAGES if p.startswith("neuron/")])
def test_term_pages_link_to_the_api(page: str) -> None:
    assert "../api/" in (DOCS / page).read_text(encoding="utf-8"), page


def test_api_pages_link_back_to_the_glossary() -> None:
    for page in (DOCS / "api").glob("*.md"):
        if page.name != "index.md":
            assert "Glossary" in page.read_text(encoding="utf-8"), page


# --- the public API is documented ------------------------------------------------------------

MODULES = [
    "nnref",
    "nnref.activations",
    "nnref.conv",
    "nnref.datasets",
    "nnref.gradcheck",
    "nnref.init",
    "nnref.layers",
    "nnref.linear",
    "nnref.losses",
    "nnref.metrics",
    "nnref.network",
    "nnref.neuron",
    "nnref.optim",
    "nnref.plotting",
    "nnref.plotting.diagrams",
    "nnref.plotting.figure",
    "nnref.plotting.images",
    "nnref.plotting.learning",
    "nnref.plotting.recurrent",
    "nnref.plotting.sequences",
    "nnref.plotting.zoo",
    "nnref.recurrent",
    "nnref.references",
]


@pytest.mark.parametrize("module_name", MODULES)
def test_public_names_have_docstrings_with_examples(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert module.__doc__, module_name
    missing = []
    for name in module.__all__:
        obj = getattr(module, name)
        if inspect.ismodule(obj) or isinstance(obj, tuple):  # modules and constants
            continue
        if "Examples:" not in (inspect.getdoc(obj) or ""):
            missing.append(name)
    assert not missing, f"{module_name}: no docstring example for {missing}"


# --- activation pages --------------------------------------------------------------------------

ACTIVATION_TOOLS = runpy.run_path(str(ROOT / "includes" / "make_activation_pages.py"))


def test_every_activation_has_its_page() -> None:
    from nnref import activations

    keys = {f.key for f in activations.catalog()}
    pages = {p.stem for p in (DOCS / "activations").glob("*.md")} - {"index"}
    assert pages == keys, "run: python includes/make_activation_pages.py"
    for key in keys:
        text = (DOCS / "activations" / f"{key}.md").read_text(encoding="utf-8")
        assert f'activation_page("{key}")' in text, key
        assert text.rstrip().endswith(f'print(activation_footer("{key}"))\n```'), key


def test_activation_nav_is_generated_from_the_catalogue() -> None:
    """The route's core activations and the catalogue of the others are the generated blocks,
    and together they list every activation exactly once."""
    from nnref_site.route import nav_pages

    from nnref import activations

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hint = "run: python includes/make_activation_pages.py"
    assert ACTIVATION_TOOLS["core_nav_block"]() in config, hint
    assert ACTIVATION_TOOLS["nav_block"]() in config, hint
    listed = [
        p for p in nav_pages() if p.startswith("activations/") and p != "activations/index.md"
    ]
    expected = [f"activations/{f.key}.md" for f in activations.catalog()]
    assert sorted(listed) == sorted(expected), hint


def test_importing_nnref_does_not_import_matplotlib() -> None:
    """NumPy is the only run-time dependency: the figures load matplotlib only when asked."""
    import subprocess
    import sys

    code = "import sys, nnref; assert 'matplotlib' not in sys.modules, 'matplotlib imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
