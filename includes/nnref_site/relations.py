"""Related pages: the one list behind every page's "See also" (``includes/relations.yml``).

The file is a list of entries, each relating pages to each other:

* ``- group: [a.md, b.md, c.md]``: every two pages of the group are related;
* ``- page: a.md`` with ``related: [b.md, c.md]``: ``a.md`` is related to each of the others
  (they are not related to each other).

Instead of a page, an item may select activation pages by their metadata,
``{activations: {keys: [...], families: [...], saturates: [...]}}``, so that a concept page
stays related to every activation it concerns as the catalogue grows.

A relation has no direction: if ``a.md`` lists ``b.md`` under "See also", ``b.md`` lists
``a.md``. Each page shows its related pages with :func:`see_also`, called from an executed
block at the end of the page (generated activation pages call it from their footer); plain
Markdown output, so it needs no MkDocs plugin or hook.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from nnref_site import ROOT, data_file
from nnref_site.markdown import link, strip_front_matter

DOCS = ROOT / "docs"

_SELECTORS = {"keys": "key", "families": "family", "saturates": "saturates"}


def _select(selector: dict[str, Any]) -> list[str]:
    """The activation pages an ``{activations: {...}}`` item picks, in catalogue order."""
    from nnref import activations

    fields = selector.get("activations")
    if set(selector) != {"activations"} or not isinstance(fields, dict):
        raise ValueError(
            f"relations.yml: an item must be a page or {{activations: ...}}, got {selector!r}"
        )
    unknown = set(fields) - set(_SELECTORS)
    if unknown:
        raise ValueError(
            f"relations.yml: activations may only use {sorted(_SELECTORS)}, got {sorted(unknown)}"
        )
    picked = [
        f"activations/{f.key}.md"
        for f in activations.catalog()
        if any(
            str(getattr(f, attribute)) in {str(v) for v in fields.get(field, [])}
            for field, attribute in _SELECTORS.items()
        )
    ]
    if not picked:
        raise ValueError(f"relations.yml: {selector!r} selects no activation")
    return picked


def _items(items: Any) -> list[str]:
    if not isinstance(items, list):
        raise ValueError(f"relations.yml: expected a list of pages, got {items!r}")
    pages: list[str] = []
    for item in items:
        pages += _select(item) if isinstance(item, dict) else [str(item)]
    return pages


def load_pairs(path: Path | None = None) -> list[tuple[str, str]]:
    """Every related pair of pages ``(a, b)``, in file order, each pair once.

    Examples:
        >>> ("concepts/vanishing-gradient.md", "networks/vanishing-gradient.md") in load_pairs()
        True
    """
    return list(_pairs(data_file("relations.yml") if path is None else path))


@cache
def _pairs(path: Path) -> tuple[tuple[str, str], ...]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    pairs: dict[frozenset[str], tuple[str, str]] = {}

    def add(a: str, b: str) -> None:
        if a != b:
            pairs.setdefault(frozenset((a, b)), (a, b))

    for entry in entries:
        if not isinstance(entry, dict) or set(entry) not in ({"group"}, {"page", "related"}):
            raise ValueError(
                "relations.yml: an entry is {group: [...]} or {page: ..., related: [...]}, "
                f"got {entry!r}"
            )
        if "group" in entry:
            group = _items(entry["group"])
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    add(a, b)
        else:
            for b in _items(entry["related"]):
                add(str(entry["page"]), b)
    return tuple(pairs.values())


def related(page: str, path: Path | None = None) -> list[str]:
    """The pages related to ``page``, in the order the relation file first names them.

    Examples:
        >>> "networks/prelu-learning.md" in related("activations/prelu.md")
        True
        >>> "activations/prelu.md" in related("networks/prelu-learning.md")
        True
    """
    found: list[str] = []
    for a, b in load_pairs(path):
        if page in (a, b):
            found.append(b if a == page else a)
    return found


@cache
def title(page: str) -> str:
    """A page's title: the first ``# `` heading of its Markdown outside code blocks.

    Examples:
        >>> title("networks/mlp.md")  # after the page's front matter
        'Multi-layer perceptron'
    """
    # YAML front matter first: its comments are not headings
    text = strip_front_matter((DOCS / page).read_text(encoding="utf-8"))
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("# "):
            return line[2:].strip()
    raise ValueError(f"{page} has no '# ' title")


def see_also(page: str, path: Path | None = None) -> str:
    """The "See also" paragraph of ``page``: a link to each related page, titled as the page.

    Activation pages come on a line of their own. The paragraph is HTML with the class
    ``nnref-see-also`` (the tests read the relation back from the built pages), so the
    links are final URLs (:func:`nnref_site.markdown.link`).

    Examples:
        >>> html = see_also("networks/prelu-learning.md")
        >>> html.startswith('<p class="nnref-see-also">')
        True
        >>> '<a href="../../activations/prelu/">Parametric ReLU (PReLU)</a>' in html
        True
    """
    if not (DOCS / page).is_file():
        raise ValueError(f"page must be a page under docs/, got {page!r}")
    pages = related(page, path)
    if not pages:
        return ""

    def anchor(target: str) -> str:
        return f'<a href="{html.escape(link(target, page))}">{html.escape(title(target))}</a>'

    activation_pages = [p for p in pages if p.startswith("activations/")]
    others = [p for p in pages if p not in activation_pages]
    lines = []
    if others:
        lines.append(" · ".join(anchor(p) for p in others))
    if activation_pages:
        prefix = "Activation functions: " if others else ""
        lines.append(prefix + " · ".join(anchor(p) for p in activation_pages))
    return '<p class="nnref-see-also">' + "<br>\n".join(lines) + "</p>\n"
