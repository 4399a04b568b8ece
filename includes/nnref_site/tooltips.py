"""A Python-Markdown extension: the first mention of a glossary term on a page gets a tooltip.

Configured in ``mkdocs.yml`` under ``markdown_extensions`` as ``nnref_site.tooltips``, so any
tool that runs Python-Markdown with the configured extensions (MkDocs, Zensical) applies it; it
needs no plugin and no MkDocs hook. Terms and definitions come from ``includes/terms/*.yml``.

The rules, which ``tests/test_tooltips.py`` holds on every built page:

* a term is marked once per page, at its first mention in the page's prose (any of its
  aliases counts as a mention; exact case, whole words, hyphenated compounds excluded);
* never in a heading (the page's own title included), a link, code, math, a figure or an
  admonition's title;
* only in the page's own Markdown: output of executed blocks (markdown-exec) and API
  docstrings (mkdocstrings) are converted by nested Markdown instances, which this extension
  leaves alone.

The mark is an ``<abbr title="definition">``, which Material shows as a tooltip
(``content.tooltips``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import cache
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from nnref_site.terms import aliases, load_terms

SKIPPED_TAGS = frozenset(
    {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "math", "button"}
    | {f"h{level}" for level in range(1, 7)}
)
"""Elements whose text (and everything inside them) is never marked."""

SKIPPED_CLASSES = frozenset({"arithmatex", "admonition-title", "headerlink"})


class Glossary:
    """The terms as one pattern: the alias that matched → (term, definition).

    Examples:
        >>> g = Glossary([{"term": "Weight", "page": "w.md", "definition": "A factor.",
        ...                "aliases": ["weight", "weights"]}])
        >>> [m.group(0) for m in g.pattern.finditer("weights, a weight, overweight, weight-decay")]
        ['weights', 'weight']
    """

    def __init__(self, terms: list[dict[str, Any]]) -> None:
        self.by_alias: dict[str, tuple[str, str]] = {}
        for term in terms:
            for alias in aliases(term):
                self.by_alias.setdefault(alias, (str(term["term"]), str(term["definition"])))
        ordered = sorted(self.by_alias, key=lambda a: (-len(a), a))  # longest alias wins
        body = "|".join(re.escape(a) for a in ordered) or r"(?!x)x"
        # Whole words only, and not part of a hyphenated compound ("single-layer").
        self.pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


@cache
def glossary(folder: str = "") -> Glossary:
    """The glossary of the term files in ``folder`` (default ``includes/terms``), read once."""
    return Glossary(load_terms(Path(folder) if folder else None))


def is_nested(md: Markdown) -> bool:
    """True for the Markdown instances that markdown-exec and mkdocstrings create per block.

    markdown-exec converts a block's output with a copy that points back at the page's
    instance (``_original_md``); mkdocstrings converts docstrings with an instance that
    carries its heading-shifting tree processor.
    """
    return getattr(md, "_original_md", None) is not None or "mkdocstrings_headings" in (
        md.treeprocessors
    )


class FirstMentionTreeprocessor(Treeprocessor):
    """Wrap the first prose mention of every term in ``<abbr title="...">``."""

    def __init__(self, md: Markdown, folder: str) -> None:
        super().__init__(md)
        self.folder = folder

    def run(self, root: etree.Element) -> None:
        if is_nested(self.md):
            return
        self.glossary = glossary(self.folder)
        self.seen: set[str] = set()
        self._walk(root, skipped=False)

    def _walk(self, el: etree.Element, skipped: bool) -> None:
        skipped = skipped or _is_skipped(el)
        if not skipped and el.text:
            el.text, marks = self._mark(el.text)
            for i, mark in enumerate(marks):
                el.insert(i, mark)
        for child in list(el):  # a snapshot: the marks inserted below are not walked
            self._walk(child, skipped)
            if not skipped and child.tail:
                child.tail, marks = self._mark(child.tail)
                at = list(el).index(child) + 1
                for i, mark in enumerate(marks):
                    el.insert(at + i, mark)

    def _mark(self, text: str) -> tuple[str, list[etree.Element]]:
        """``text`` cut at the first mention of every term not yet seen on this page."""
        if isinstance(text, AtomicString):
            return text, []
        head: str | None = None
        marks: list[etree.Element] = []
        start = 0
        for match in self.glossary.pattern.finditer(text):
            term, definition = self.glossary.by_alias[match.group(0)]
            if term in self.seen:
                continue
            self.seen.add(term)
            before = text[start : match.start()]
            if marks:
                marks[-1].tail = before
            else:
                head = before
            mark = etree.Element("abbr", {"title": definition})
            mark.text = AtomicString(match.group(0))
            marks.append(mark)
            start = match.end()
        if not marks:
            return text, []
        marks[-1].tail = text[start:]
        return head or "", marks


def _is_skipped(el: etree.Element) -> bool:
    if not isinstance(el.tag, str) or el.tag in SKIPPED_TAGS:
        return True
    classes = el.get("class")
    return bool(classes) and not SKIPPED_CLASSES.isdisjoint(classes.split())


class TooltipExtension(Extension):
    """``markdown_extensions: [nnref_site.tooltips]``; option ``terms_dir`` (a folder of term
    files, default ``includes/terms``)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"terms_dir": ["", "folder of the term files; default includes/terms"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        # After the inline patterns (priority 20) have made the text final.
        md.treeprocessors.register(
            FirstMentionTreeprocessor(md, str(self.getConfig("terms_dir"))),
            "nnref_tooltips",
            7,
        )


def makeExtension(**kwargs: Any) -> TooltipExtension:  # noqa: N802 (Python-Markdown's name)
    """Entry point Python-Markdown calls for ``nnref_site.tooltips``."""
    return TooltipExtension(**kwargs)
