"""The "Sources" section of every page and the References page, from `nnref.references`.

A page declares what it cites with one executed block at its end::

    print(sources("recurrent/lstm.md", *references.for_model("lstm"), ("werbos1990", "BPTT")))

Each entry is a [`Citation`][nnref.references.Citation], a reference key, or a
``(key, note)`` pair. Activation pages cite through
[`activation_footer`][nnref_site.activation_pages.activation_footer], which prints
``activation_sources(key)``.

The References page's backlinks are computed in one place, :func:`citations`, which reads
those calls back from ``docs/`` (the citing pages are never listed by hand): a page appears
under a reference exactly when its Sources section prints it.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterable
from typing import Any

from nnref import references
from nnref.references import Citation
from nnref_site import ROOT
from nnref_site.markdown import link
from nnref_site.relations import title as page_title

DOCS = ROOT / "docs"
REFERENCES_PAGE = "references.md"

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```python(?P<opts>[^\n]*)\n(?P<code>.*?)^(?P=indent)```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def _citation(entry: Any) -> Citation:
    if isinstance(entry, Citation):
        return entry
    if isinstance(entry, str):
        return Citation(references.get(entry))
    if isinstance(entry, tuple) and len(entry) == 2 and all(isinstance(e, str) for e in entry):
        return Citation(references.get(entry[0]), entry[1])
    raise TypeError(
        f"entry must be a Citation, a reference key or a (key, note) pair, got {entry!r}"
    )


def _unique(entries: Iterable[Any]) -> list[Citation]:
    seen: dict[str, Citation] = {}
    for entry in entries:
        citation = _citation(entry)
        seen.setdefault(citation.key, citation)
    return list(seen.values())


def sources(page: str, *entries: Any) -> str:
    """The Markdown list of a page's sources, each a full entry with a link.

    Args:
        page: The citing page, relative to ``docs/`` (``"recurrent/lstm.md"``); used for the
            link to the References page, and checked against the file by the tests.
        *entries: Citations, reference keys or ``(key, note)`` pairs; a repeated key is
            listed once.

    Examples:
        >>> print(sources("recurrent/hopfield.md", ("hopfield1982", "the network")))
        - John J. Hopfield (1982). Neural networks and physical systems with emergent collective computational abilities. *PNAS 79(8), 2554–2558*. [doi:10.1073/pnas.79.8.2554](https://doi.org/10.1073/pnas.79.8.2554) — the network
        <BLANKLINE>
        Every work cited on this site, with the pages that cite it: [References](../../references/#hopfield1982).
    """  # noqa: E501
    cited = _unique(entries)
    if not cited:
        raise ValueError("sources() needs at least one entry")
    lines = [f"- {c.markdown()}" for c in cited]
    target = link(f"{REFERENCES_PAGE}#{cited[0].key}", page)
    lines += [
        "",
        f"Every work cited on this site, with the pages that cite it: [References]({target}).",
    ]
    return "\n".join(lines)


def activation_sources(key: str) -> str:
    """The sources of an activation's page: where the function comes from.

    Examples:
        >>> "arXiv:1606.08415" in activation_sources("gelu")
        True
    """
    f = references.for_activation(key)
    return sources(f"activations/{key}.md", *f)


def _code_blocks(text: str) -> list[str]:
    blocks = []
    for m in _FENCE.finditer(text):
        if 'exec="on"' in m["opts"]:
            indent = len(m["indent"])
            blocks.append("\n".join(line[indent:] for line in m["code"].splitlines()))
    return blocks


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _evaluate(node: ast.expr) -> Any:
    expression = ast.Expression(body=node)
    code = compile(ast.fix_missing_locations(expression), "<sources call>", "eval")
    return eval(code, {"__builtins__": {}, "references": references})  # noqa: S307


def page_citations(page: str, text: str) -> tuple[str, ...]:
    """The reference keys a page's text cites, read from its ``sources(...)`` calls.

    Also reads ``activation_footer("key")`` (an activation page's sources) and checks that a
    call names its own page.

    Raises:
        ValueError: if a ``sources`` call names another page than ``page``.

    Examples:
        >>> text = '```python exec="on" id="s"\\nprint(sources("a.md", "hopfield1982"))\\n```\\n'
        >>> page_citations("a.md", text)
        ('hopfield1982',)
    """
    keys: list[str] = []
    for code in _code_blocks(text):
        for node in ast.walk(ast.parse(code)):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            if name == "activation_footer" and node.args:
                key = _evaluate(node.args[0])
                keys += [c.key for c in references.for_activation(key)]
            elif name == "sources" and node.args:
                named = _evaluate(node.args[0])
                if named != page:
                    raise ValueError(f"{page}: sources() names the page {named!r}")
                entries: list[Any] = []
                for arg in node.args[1:]:
                    if isinstance(arg, ast.Starred):
                        entries += list(_evaluate(arg.value))
                    else:
                        entries.append(_evaluate(arg))
                keys += [c.key for c in _unique(entries)]
    return tuple(dict.fromkeys(keys))


@functools.cache
def citations() -> dict[str, tuple[str, ...]]:
    """Every page of ``docs/`` that has sources, mapped to the reference keys it cites.

    The one place the References page's backlinks come from.

    Examples:
        >>> "hopfield1982" in citations()["recurrent/hopfield.md"]
        True
    """
    found = {}
    for path in sorted(DOCS.rglob("*.md")):
        page = path.relative_to(DOCS).as_posix()
        keys = page_citations(page, path.read_text(encoding="utf-8"))
        if keys:
            found[page] = keys
    return found


def cited_by() -> dict[str, tuple[str, ...]]:
    """Every reference key mapped to the pages that cite it, in page order.

    Examples:
        >>> "networks/zoo.md" in cited_by()["vanveen2016"]
        True
    """
    pages: dict[str, list[str]] = {r.key: [] for r in references.catalog()}
    for page, keys in citations().items():
        for key in keys:
            pages[key].append(page)
    return {key: tuple(p) for key, p in pages.items()}


def references_page(source: str = REFERENCES_PAGE) -> str:
    """The References page's list: every work, sorted by author, with the pages citing it.

    Examples:
        >>> text = references_page()
        >>> text.count("- <a id=") == len(references.catalog())
        True
    """
    backlinks = cited_by()
    items = []
    for reference in references.by_author():
        pages = backlinks[reference.key]
        cited = " · ".join(f"[{page_title(p)}]({link(p, source)})" for p in pages)
        items.append(
            f'- <a id="{reference.key}"></a>**{reference.cite()[1:-1]}** — '
            f"{reference.markdown()}\n\n    Cited on: {cited or 'no page yet'}\n"
        )
    return "\n".join(items)
