"""The glossary site: every example runs, the strict build fails on errors, links and assets hold.

The site is built once per test run (``built_site`` in conftest.py) with
``mkdocs build --strict``; building it is itself the first test.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import re
import runpy
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

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


@pytest.mark.parametrize("page", EXEC_PAGES)
def test_page_examples_run(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run a page's blocks as markdown-exec does, naming the block that fails."""
    monkeypatch.chdir(ROOT)
    sessions: dict[str, dict[str, object]] = {}
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
        if opts.get("html") in {"1", "on", "true"}:
            assert "<svg" in output.getvalue() or "<table" in output.getvalue(), opts["id"]


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
        "extra_css: []\nextra_javascript: []\n",
        encoding="utf-8",
    )
    return config


GOOD_BLOCK = '# Fine\n\n```python exec="on" id="fine-block"\nprint(1 + 1)\n```\n'


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


def test_figures_are_identical_between_builds(built_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert build_site(again).returncode == 0
    svg = re.compile(r"<svg id=.*?</svg>", re.DOTALL)
    count = 0
    for page in _html_pages(built_site):
        first = svg.findall(page.read_text(encoding="utf-8"))
        second = svg.findall((again / page.relative_to(built_site)).read_text(encoding="utf-8"))
        assert first == second, page
        count += len(first)
    assert count >= 5


# --- the glossary's terms and cross-links ----------------------------------------------------

TOOLS = runpy.run_path(str(ROOT / "includes" / "make_abbreviations.py"))


def test_tooltip_file_is_generated_from_terms() -> None:
    expected = TOOLS["render"](TOOLS["load_terms"]())
    actual = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    assert actual == expected, "run: python includes/make_abbreviations.py"


def test_every_term_points_at_an_existing_page_and_anchor(built_site: Path) -> None:
    for term in TOOLS["load_terms"]():
        page, _, anchor = str(term["page"]).partition("#")
        assert (DOCS / page).is_file(), term
        built = built_site / page.removesuffix(".md").removesuffix("index")
        html = (built if built.suffix == ".html" else built / "index.html")
        if anchor:
            assert anchor in _parse(html).ids, term


def test_tooltips_reach_pages_and_api(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="The weighted sum of a neuron' in home
    api = (built_site / "api" / "neuron" / "index.html").read_text(encoding="utf-8")
    assert "<abbr " in api


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
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hint = "run: python includes/make_activation_pages.py"
    assert ACTIVATION_TOOLS["nav_block"]() in config, hint


def test_importing_nnref_does_not_import_matplotlib() -> None:
    """NumPy is the only run-time dependency: the figures load matplotlib only when asked."""
    import subprocess
    import sys

    code = "import sys, nnref; assert 'matplotlib' not in sys.modules, 'matplotlib imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
