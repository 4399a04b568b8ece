"""Glossary tooltips: a term is marked once per page, at its first mention in the prose.

Never in a heading (the page's title included), a link, code or math; never in the output of
an executed block or in an API docstring. The rules are checked on the extension itself, on
every page's own Markdown, and on the built site.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from nnref_site.terms import aliases, load_terms
from nnref_site.tooltips import TooltipExtension

from tests.conftest import ROOT
from tests.test_docs import DOCS, FENCE, OPTION, PAGES, built_page

SKIPPED_TAGS = {"a", "code", "pre", "kbd", "samp", "script", "style", "svg", "math", "button"}
SKIPPED_TAGS |= {f"h{i}" for i in range(1, 7)}
SKIPPED_CLASSES = {"arithmatex", "admonition-title", "headerlink"}
VOID = {"br", "hr", "img", "input", "meta", "link", "col", "area", "base", "source", "wbr"}


def _by_alias(terms: list[dict[str, Any]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for term in terms:
        for alias in aliases(term):
            found.setdefault(alias, str(term["term"]))
    return found


TERMS = load_terms()
BY_ALIAS = _by_alias(TERMS)
DEFINITION = {str(t["term"]): str(t["definition"]) for t in TERMS}
MENTION = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(a) for a in sorted(BY_ALIAS, key=len, reverse=True))
    + r")(?![\w-])"
)


class _Marks(HTMLParser):
    """Walk HTML in order: the abbr marks, and the unmarked mentions in the prose."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped here)
        self.in_abbr: str | None = None
        self.marks: list[tuple[str, str]] = []  # (title, text)
        self.problems: list[str] = []
        self.seen: set[str] = set()

    @property
    def skipped(self) -> bool:
        return any(s for _, s in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        values = dict(attrs)
        if tag == "abbr":
            self.in_abbr = values.get("title") or ""
        classes = set((values.get("class") or "").split())
        self.stack.append((tag, tag in SKIPPED_TAGS or bool(classes & SKIPPED_CLASSES)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag == "abbr":
            self.in_abbr = None

    def handle_data(self, data: str) -> None:
        if self.in_abbr is not None:
            where = [t for t, _ in self.stack]
            term = BY_ALIAS.get(data)
            if term is None:
                self.problems.append(f"<abbr> around {data!r}, which is not a term")
            elif self.skipped or "a" in where[:-1]:
                self.problems.append(f"{data!r} marked inside {where}")
            elif term in self.seen:
                self.problems.append(f"{term!r} marked a second time ({data!r})")
            elif self.in_abbr != DEFINITION[term]:
                self.problems.append(f"{data!r} has the title {self.in_abbr!r}")
            self.seen.add(term or data)
            self.marks.append((self.in_abbr, data))
            return
        if self.skipped:
            return
        for match in MENTION.finditer(data):
            term = BY_ALIAS[match.group(0)]
            if term not in self.seen:
                self.problems.append(f"first mention of {term!r} ({match.group(0)!r}) unmarked")
                self.seen.add(term)


def marks(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    parser.close()
    return parser


# --- the extension on small examples -----------------------------------------------------------


@pytest.fixture
def convert(tmp_path: Path) -> Any:
    (tmp_path / "terms.yml").write_text(
        yaml.safe_dump(
            [
                {
                    "term": "Weight",
                    "page": "w.md",
                    "definition": "A factor.",
                    "aliases": ["weight", "weights", "Weight"],
                },
                {
                    "term": "Net input",
                    "page": "z.md",
                    "definition": "The weighted sum.",
                    "aliases": ["net input"],
                },
                {
                    "term": "Layer",
                    "page": "l.md",
                    "definition": "Neurons side by side.",
                    "aliases": ["layer"],
                },
                {
                    "term": "Hidden layer",
                    "page": "h.md",
                    "definition": "A layer inside.",
                    "aliases": ["hidden layer"],
                },
            ]
        ),
        encoding="utf-8",
    )

    def run(source: str, **attributes: object) -> str:
        md = markdown.Markdown(
            extensions=["toc", "attr_list", TooltipExtension(terms_dir=str(tmp_path))]
        )
        for name, value in attributes.items():
            setattr(md, name, value)
        return md.convert(source)

    return run


def test_first_mention_only(convert: Any) -> None:
    html = convert("A weight, two weights and a net input.\n\nAnother weight and net input.")
    assert html.count("<abbr") == 2
    assert '<abbr title="A factor.">weight</abbr>, two weights' in html
    assert '<abbr title="The weighted sum.">net input</abbr>' in html


def test_never_in_titles_links_or_code(convert: Any) -> None:
    html = convert(
        "# Weight\n\n## The weight\n\n[a weight](w.md) and `weight` and\n\n    weight\n\n"
        "Here the weight is."
    )
    assert html.count("<abbr") == 1
    assert "Here the <abbr" in html


def test_whole_words_and_the_longest_term(convert: Any) -> None:
    html = convert("Overweight, weight-decay, a single-layer net, then a hidden layer.")
    assert html.count("<abbr") == 1
    assert '<abbr title="A layer inside.">hidden layer</abbr>' in html


def test_nested_conversions_are_left_alone(convert: Any) -> None:
    """markdown-exec's instances point back at the page's (``_original_md``)."""
    assert "<abbr" not in convert("A weight.", _original_md=object())


def test_marks_follow_the_rules_on_examples(convert: Any) -> None:
    html = convert("# Weight\n\nA weight, a [net input](z.md), a net input, weights.")
    found = marks(html)
    # The checker uses the site's terms; this example's are a subset with other definitions.
    assert [text for _, text in found.marks] == ["weight", "net input"]


# --- every page ----------------------------------------------------------------------------------


def _page_extensions() -> tuple[list[str], dict[str, Any]]:
    """mkdocs.yml's Markdown extensions (markdown-exec and mkdocstrings are plugins)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            ((name, opts),) = entry.items()
            names.append(name)
            options[name] = opts or {}
        else:
            names.append(entry)
    return names, options


AUTODOC = re.compile(r"^::: .*(\n[ \t]+.*)*", re.MULTILINE)


def page_html(page: str) -> str:
    """The page's own Markdown converted as the build does, without its executed blocks and
    API entries (their output is converted separately and carries no marks)."""
    names, options = _page_extensions()
    source = (DOCS / page).read_text(encoding="utf-8")
    if source.startswith("---\n"):  # YAML front matter: MkDocs removes it before Markdown
        source = source[source.index("\n---", 3) + 4 :]
    source = AUTODOC.sub("", FENCE.sub(lambda m: "" if _executed(m) else m.group(0), source))
    return markdown.Markdown(extensions=names, extension_configs=options).convert(source)


def _executed(match: re.Match[str]) -> bool:
    return dict(OPTION.findall(match["opts"])).get("exec", "").lower() in {"on", "1", "true"}


@pytest.mark.parametrize("page", PAGES)
def test_each_term_is_marked_at_its_first_mention(page: str) -> None:
    found = marks(page_html(page))
    assert not found.problems, f"{page}:\n" + "\n".join(found.problems)


def test_pages_have_tooltips() -> None:
    counts = [len(marks(page_html(p)).marks) for p in PAGES]
    assert sum(counts) > len(PAGES)  # more than one a page on average


def _article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def test_the_build_marks_exactly_the_page_text(built_site: Path) -> None:
    """Built pages carry the same marks as their own Markdown: none from executed blocks'
    output or from API docstrings, none lost."""
    problems = []
    for page in PAGES:
        built = _article(built_page(built_site, page).read_text(encoding="utf-8"))
        if marks(built).marks != marks(page_html(page)).marks:
            problems.append(page)
    assert not problems, f"marks differ from the page's own Markdown: {problems}"
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="The weighted sum of a neuron' in home
    api = _article((built_site / "api" / "neuron" / "index.html").read_text(encoding="utf-8"))
    assert "doc-contents" in api
    for contents in re.findall(r'<div class="doc-contents.*', api, re.DOTALL):
        assert "<abbr" not in contents
