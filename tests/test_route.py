"""The learning route: the nav's order respects what each page builds on.

The nav of ``mkdocs.yml`` is read as the footer reads it (its pages in order); the
prerequisites are ``nnref_site.route.PREREQUISITES``. No page may come before a page it builds
on, every page of the route must say what it builds on, the home page must start the route, and
each section's index page must name (and link) what the section builds on.
"""

from __future__ import annotations

import posixpath
import re

import pytest
from nnref_site.route import (
    CORE_ACTIVATIONS,
    PREREQUISITES,
    ROUTE_SECTIONS,
    START,
    nav_pages,
    route_pages,
    sections,
)

from tests.conftest import ROOT

DOCS = ROOT / "docs"
NAV = nav_pages()
POSITION = {page: i for i, page in enumerate(NAV)}
ROUTE = route_pages()
LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)\s]*)?\)")


def links(page: str, text: str) -> list[str]:
    """The docs pages that Markdown ``text`` on ``page`` links to, in order, as docs paths."""
    base = posixpath.dirname(page)
    return [posixpath.normpath(posixpath.join(base, target)) for target in LINK.findall(text)]


def test_the_nav_lists_every_page_once() -> None:
    twice = sorted({p for p in NAV if NAV.count(p) > 1})
    assert not twice, f"pages listed twice in the nav (the footer would skip around): {twice}"


def test_the_route_is_the_first_part_of_the_nav() -> None:
    parts = sections()
    titles = list(parts)
    assert titles[0] == "Home" and NAV[0] == "index.md"
    on_route = titles[: titles.index(ROUTE_SECTIONS[-1]) + 1]
    assert [t for t in on_route if t in ROUTE_SECTIONS] == list(ROUTE_SECTIONS), titles
    between = [t for t in on_route[1:] if t not in ROUTE_SECTIONS]
    assert all(len(parts[t]) == 1 for t in between), f"only single pages between steps: {between}"
    assert ROUTE == NAV[: len(ROUTE)]
    assert parts[ROUTE_SECTIONS[0]][0] == START


@pytest.mark.parametrize("page", PREREQUISITES)
def test_no_page_comes_before_a_page_it_builds_on(page: str) -> None:
    assert page in POSITION, f"{page} is in PREREQUISITES but not in the nav"
    for needed in PREREQUISITES[page]:
        assert needed in POSITION, f"{page} builds on {needed}, which is not in the nav"
        assert POSITION[needed] < POSITION[page], (
            f"{page} (nav position {POSITION[page]}) comes before {needed} "
            f"(position {POSITION[needed]}), which it builds on"
        )


def test_every_page_of_the_route_says_what_it_builds_on() -> None:
    missing = [page for page in ROUTE if page not in PREREQUISITES]
    assert not missing, f"add these route pages to nnref_site.route.PREREQUISITES: {missing}"
    for page, needed in PREREQUISITES.items():
        assert (DOCS / page).is_file(), page
        assert all((DOCS / p).is_file() for p in needed), page


@pytest.mark.parametrize(
    ("later", "earlier"),
    [
        ("concepts/vanishing-gradient.md", "learning/gradient-descent.md"),
        ("concepts/vanishing-gradient.md", "networks/backpropagation.md"),
        ("networks/vanishing-gradient.md", "networks/backpropagation.md"),
        ("concepts/dying-relu.md", "learning/gradient-descent.md"),
        ("concepts/dying-relu.md", "networks/backpropagation.md"),
        ("learning/confusion-matrix.md", "learning/adaline.md"),
        ("learning/confusion-matrix.md", "learning/one-vs-rest.md"),
        ("networks/backpropagation.md", "learning/gradient-descent.md"),
        ("cnn/index.md", "networks/backpropagation.md"),
        ("recurrent/index.md", "networks/backpropagation.md"),
    ],
)
def test_the_orders_the_issue_names(later: str, earlier: str) -> None:
    """Issue #12's examples, held here too so that editing PREREQUISITES cannot drop them."""
    assert earlier in PREREQUISITES[later] or any(
        earlier in PREREQUISITES.get(p, ()) for p in PREREQUISITES[later]
    ), f"PREREQUISITES must say that {later} builds on {earlier}"
    assert POSITION[earlier] < POSITION[later]


def test_the_core_activations_are_on_the_route_and_the_others_after_it() -> None:
    from nnref import activations

    keys = [f.key for f in activations.catalog()]
    on_route = [p.removeprefix("activations/").removesuffix(".md") for p in ROUTE]
    assert [k for k in on_route if k in keys] == list(CORE_ACTIVATIONS)
    others = [f"activations/{k}.md" for k in keys if k not in CORE_ACTIVATIONS]
    assert all(POSITION[p] > POSITION[ROUTE[-1]] for p in others), "catalogue pages on the route"
    assert len(others) >= 40  # the catalogue is most of them; the route only the core


def test_the_home_page_starts_the_route() -> None:
    text = (DOCS / "index.md").read_text(encoding="utf-8")
    start = re.search(r"^## Start here.*?$(?P<body>.*?)^## ", text, re.MULTILINE | re.DOTALL)
    assert start, "the home page needs a '## Start here' section"
    linked = links("index.md", start["body"])
    assert linked and linked[0] == START, f"'Start here' must first link {START}, got {linked[:1]}"
    # The steps it lists are the route's sections, in route order.
    firsts = [sections()[title][0] for title in ROUTE_SECTIONS]
    listed = [p for p in linked if p in firsts]
    assert list(dict.fromkeys(listed)) == firsts, listed


@pytest.mark.parametrize("title", ROUTE_SECTIONS)
def test_each_section_index_says_what_it_builds_on(title: str) -> None:
    index = sections()[title][0]
    assert index.endswith("index.md"), f"section {title!r} should start with its index page"
    text = (DOCS / index).read_text(encoding="utf-8")
    intro = text.split("\n## ", 1)[0].split("\n!!!", 1)[0]  # above the first box or heading
    sentences = re.split(r"(?<=[.;])\s+", " ".join(intro.split()))
    sentence = next((s for s in sentences if re.search(r"\bbuilds on\b", s)), None)
    assert sentence, f"{index}: say at the top what the section builds on ('... builds on ...')"
    named = {p for p in links(index, sentence) if p != "index.md"}
    assert named == set(PREREQUISITES[index]), (
        f"{index}: the 'builds on' sentence links {sorted(named)}, but PREREQUISITES lists "
        f"{sorted(PREREQUISITES[index])}"
    )
