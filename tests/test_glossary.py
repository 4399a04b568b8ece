"""The glossary's A–Z index and the pages' "See also" links.

* Every index entry (term, other name, activation) links to the page that DEFINES it. A page
  defines a term when (a) no other page is titled after it: a page whose title, split at
  commas, "and", "or" and parentheses, has a part equal to one of the term's names must be the
  target (unless the term lists it under ``homonyms``); and (b) the target names the term: the
  page's title, the heading of the linked ``#anchor`` (all its words), or the text of the
  linked section (the whole page without an anchor) contains one of the term's names.
* The names readers type are in the index.
* "See also" is generated from ``includes/relations.yml``: every page listed there exists, and
  on the built pages the links are symmetric — if A's "See also" links B, B's links A.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify
from nnref_site.markdown import _built_dir, link
from nnref_site.relations import load_pairs, related, see_also
from nnref_site.terms import index_entries, load_terms, names

from nnref import activations
from tests.test_docs import DOCS, built_page

FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.DOTALL | re.MULTILINE)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(?:\{#([\w-]+)[^}]*\})?[ \t]*$")


# --- what a page says ----------------------------------------------------------------------


@cache
def _page(page: str) -> tuple[str, dict[str, tuple[str, str]]]:
    """A page's title and its sections: anchor -> (heading, text up to the next heading of
    the same or a higher level). The page's own entry ``""`` holds the whole page."""
    source = (DOCS / page).read_text(encoding="utf-8")
    if source.startswith("---\n"):  # YAML front matter, whose comments look like headings
        source = source[source.index("\n---", 3) + 4 :]
    source = FENCE.sub("", source)
    lines = source.splitlines()
    heads = [(i, HEADING.match(line)) for i, line in enumerate(lines)]
    heads = [(i, m) for i, m in heads if m]
    title = next((m.group(2) for _, m in heads if m.group(1) == "#"), "")
    sections = {"": (title, source)}
    for n, (i, m) in enumerate(heads):
        level = len(m.group(1))
        end = next((j for j, h in heads[n + 1 :] if len(h.group(1)) <= level), len(lines))
        anchor = m.group(3) or slugify(_plain(m.group(2)), "-")
        sections.setdefault(anchor, (m.group(2), "\n".join(lines[i + 1 : end])))
    return title, sections


def _plain(text: str) -> str:
    """Markdown text without emphasis, code and link marks."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*`]", "", text)


def _norm(text: str) -> str:
    """Case, hyphens, dashes and line breaks do not count when comparing names."""
    return re.sub(r"[\s\-‐–—]+", " ", _plain(text).casefold()).strip()


def _singular(word: str) -> str:
    return re.sub(r"(?<=\w\w\w)(es|s)$", "", word)


def _title_parts(title: str) -> set[str]:
    parts = re.split(r",|;|:|\(|\)|\band\b|\bor\b|\bversus\b", _norm(title))
    return {_singular(p.strip()) for p in parts if p.strip()}


def _mentions(text: str, all_names: list[str]) -> bool:
    text = _norm(text)
    return any(re.search(rf"(?<!\w){re.escape(_norm(n))}(?:s|es)?(?!\w)", text) for n in all_names)


def _heading_names(heading: str, all_names: list[str]) -> bool:
    words = set(re.findall(r"\w+", _norm(heading)))
    words |= {_singular(w) for w in words}
    return any({_singular(w) for w in re.findall(r"\w+", _norm(n))} <= words for n in all_names)


PAGE_FILES = sorted(
    p.relative_to(DOCS).as_posix()
    for p in DOCS.rglob("*.md")
    if not p.relative_to(DOCS).as_posix().startswith("api/")
    and p.relative_to(DOCS).as_posix() != "glossary.md"
)


def definition_problems(target: str, all_names: list[str], homonyms: list[str]) -> list[str]:
    """Why ``target`` (page with optional #anchor) does not define a term with these names."""
    page, _, anchor = target.partition("#")
    if not (DOCS / page).is_file():
        return [f"{page} does not exist"]
    problems = []
    wanted = {_singular(_norm(n)) for n in all_names}
    titled = [p for p in PAGE_FILES if p not in homonyms and _title_parts(_page(p)[0]) & wanted]
    if titled and page not in titled:
        problems.append(f"{titled} is titled after it, not {page}")
    title, sections = _page(page)
    if anchor not in sections:
        return [*problems, f"{page} has no heading with the anchor #{anchor}"]
    heading, text = sections[anchor]
    if not (
        _mentions(title, all_names)
        or _heading_names(heading, all_names)
        or _mentions(text, all_names)
    ):
        problems.append(f"{target} does not name it ({all_names[:3]}...)")
    return problems


def _term_names() -> dict[str, tuple[list[str], list[str]]]:
    """Index name -> (every name of what it stands for, homonym pages)."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for term in load_terms():
        found[str(term["term"])] = (names(term), [str(h) for h in term.get("homonyms") or []])
    for f in activations.catalog():
        found.setdefault(f.name, ([f.name, *f.aliases], []))
        found.setdefault(f"{f.name} (activation function)", ([f.name, *f.aliases], []))
    return found


ENTRIES = index_entries()


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["name"] for e in ENTRIES])
def test_every_entry_links_to_the_page_that_defines_it(entry: dict[str, str]) -> None:
    known = _term_names()
    stands_for = entry.get("see", entry["name"])
    all_names, homonyms = known[stands_for]
    all_names = list(dict.fromkeys([entry["name"], *all_names]))
    problems = definition_problems(entry["page"], all_names, homonyms)
    assert not problems, f"{entry['name']} -> {entry['page']}: " + "; ".join(problems)


@pytest.mark.parametrize(
    ("target", "term_names"),
    [
        ("learning/perceptron-rule.md#an-epoch-by-epoch-trace-on-and", ["Epoch", "epochs"]),
        ("learning/adaline.md", ["Glorot initialisation", "Xavier initialisation"]),
        ("networks/mlp.md", ["Hyperbolic tangent", "Tanh"]),
        ("networks/initialisation.md#why-not-start-from-zero", ["Kaiming", "He initialisation"]),
    ],
)
def test_the_check_rejects_a_wrong_target(target: str, term_names: list[str]) -> None:
    assert definition_problems(target, term_names, [])


def test_the_index_has_the_names_readers_type() -> None:
    wanted = """Sigmoid, Tanh, Xavier, Xavier initialisation, Glorot, Kaiming, He initialisation,
        MLP, SGD, LMS, Widrow–Hoff rule, Logistic, Heaviside, Signum, Deep feed-forward network,
        ReLU, GELU, Softmax, CNN, ConvNet, RNN, BPTT, LSTM, GRU, Backprop, MSE, Sensitivity"""
    listed = {_norm(e["name"]) for e in ENTRIES}
    missing = [n.strip() for n in wanted.split(",") if _norm(n) not in listed]
    assert not missing


def test_every_other_name_says_what_it_stands_for() -> None:
    by_name = {e["name"]: e for e in ENTRIES}
    seen = [e for e in ENTRIES if "see" in e]
    assert len(seen) > 150
    for entry in seen:
        assert entry["see"] in by_name, entry
        assert by_name[entry["see"]]["page"] == entry["page"], entry
    assert by_name["Xavier initialisation"]["see"] == "Glorot initialisation"
    assert by_name["Epoch"]["page"] == "networks/epochs.md"


def test_no_definition_calls_a_term_by_its_own_name() -> None:
    """ "Recall ... also called recall": an "also called" must name something else."""
    for term in load_terms():
        called = re.findall(r"also called (?:the )?([^;,.)]+)", str(term["definition"]))
        for other in called:
            assert _norm(other) != _norm(str(term["term"])), term


class _Links(HTMLParser):
    """The links of an HTML fragment, and those inside ``<p class="nnref-see-also">``."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # >0 while inside the generated paragraph
        self.links: list[str] = []
        self.generated: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "p" and "nnref-see-also" in (values.get("class") or "").split():
            self.depth = 1
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
            if self.depth:
                self.generated.append(str(values["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.depth = 0


def _resolve(href: str, page: str) -> str:
    """The docs page (``x/y.md``) a built link from ``page`` goes to; "" for other links."""
    if re.match(r"^[a-z]+:|^#", href):
        return ""
    here = "/" + _built_dir(page)
    target = posixpath.normpath(posixpath.join(here, href.split("#")[0])).strip("/")
    for candidate in (f"{target}.md", f"{target}/index.md" if target else "index.md"):
        if (DOCS / candidate).is_file():
            return candidate
    return ""


def test_the_link_resolver() -> None:
    assert _resolve("../../activations/prelu/", "networks/prelu-learning.md") == (
        "activations/prelu.md"
    )
    assert _resolve("../", "cnn/kernels.md") == "cnn/index.md"
    assert _resolve("../saturation/#x", "concepts/dying-relu.md") == "concepts/saturation.md"


# --- "See also" from one relation list -----------------------------------------------------


def test_every_page_of_the_relation_list_exists() -> None:
    pages = {p for pair in load_pairs() for p in pair}
    assert pages
    assert sorted(p for p in pages if not (DOCS / p).is_file()) == []


def test_relations_have_no_direction() -> None:
    for a, b in load_pairs():
        assert b in related(a) and a in related(b)


@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_shows_its_generated_see_also(page: str) -> None:
    """A page with relations calls ``see_also`` on itself, and a page's "See also" holds no
    hand-written links to glossary pages (API links may follow the generated ones)."""
    source = (DOCS / page).read_text(encoding="utf-8")
    generated = page.startswith("activations/") and "activation_footer(" in source
    if related(page) and not generated:  # activation pages call it from their footer
        assert f'print(see_also("{page}"))' in source, f"{page} does not show its See also"
    section = re.search(r"^## See also\n(.*?)(?=^## |\Z)", source, re.DOTALL | re.MULTILINE)
    if section:
        assert f'print(see_also("{page}"))' in section.group(1), page
        handwritten = FENCE.sub("", section.group(1))
        pages = [t for t in re.findall(r"\]\(([^)#\s]+\.md)", handwritten) if "api/" not in t]
        assert pages == [], f"{page}: hand-written related links {pages}; use relations.yml"


def test_the_sections_pages_have_a_see_also() -> None:
    """Every page of the site's sections is related to some page (the home page, the A–Z
    index and the list of references are not)."""
    alone = [p for p in PAGE_FILES if not related(p)]
    alone = [p for p in alone if p not in {"index.md", "references.md"}]
    assert alone == [], f"{alone}: relate each to its neighbours in includes/relations.yml"


def test_see_also_renders_the_relation() -> None:
    html = see_also("networks/prelu-learning.md")
    parser = _Links()
    parser.feed(html)
    got = {_resolve(h, "networks/prelu-learning.md") for h in parser.generated}
    assert got == set(related("networks/prelu-learning.md"))
    assert ">Multi-layer perceptron</a>" in see_also("neuron/layer.md")  # the title, not the
    assert "search boost" not in see_also("neuron/layer.md")  # front matter's comment
    with pytest.raises(ValueError, match="page must be a page under docs/"):
        see_also("networks/no-such-page.md")


def test_see_also_is_symmetric_on_the_built_pages(built_site: Path) -> None:
    graph: dict[str, set[str]] = {}
    for page in PAGE_FILES:
        html = built_page(built_site, page).read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        parser = _Links()
        parser.feed(article)
        graph[page] = {_resolve(h, page) for h in parser.generated} - {""}
    one_way = sorted((a, b) for a, targets in graph.items() for b in targets if a not in graph[b])
    assert one_way == []
    expected = {frozenset(pair) for pair in load_pairs()}
    built = {frozenset((a, b)) for a, targets in graph.items() for b in targets}
    assert built == expected
    assert "activations/prelu.md" in graph["networks/prelu-learning.md"]
    assert "networks/vanishing-gradient.md" in graph["concepts/vanishing-gradient.md"]


def test_the_built_index_lists_every_entry(built_site: Path) -> None:
    html = built_page(built_site, "glossary.md").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    parser = _Links()
    parser.feed(article)
    links = [h for h in parser.links if not h.startswith(("#", "http:", "https:"))]
    assert links == [link(e["page"], "glossary.md") for e in ENTRIES]
    assert "→ see <em>Glorot initialisation</em>" in article
