"""Tiny Markdown writers for the glossary pages' executed blocks (not part of the public API)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from numbers import Real
from typing import Any

import numpy as np


def fmt(value: Any, digits: int = 4) -> str:
    """A number with ``digits`` significant digits (``-0`` shown as ``0``); others via ``str``.

    Examples:
        >>> fmt(0.7100000000000001), fmt(np.float32(2.5)), fmt(-0.0), fmt("relu")
        ('0.71', '2.5', '0', 'relu')
    """
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, Real):
        v = float(value)
        if v == 0:
            return "0"
        if np.isinf(v):
            return "∞" if v > 0 else "−∞"
        return f"{v:.{digits}g}".replace("-", "−")
    return str(value)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], digits: int = 4) -> str:
    """A Markdown table; numbers are formatted with :func:`fmt`.

    Examples:
        >>> print(table(["x", "relu(x)"], [[-1, 0], [2, 2]]))
        | x | relu(x) |
        |---|---|
        | −1 | 0 |
        | 2 | 2 |
    """
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        lines.append("| " + " | ".join(fmt(v, digits) for v in row) + " |")
    return "\n".join(lines)


def _built_dir(page: str) -> str:
    """The folder a docs page is built into (MkDocs' directory URLs), relative to the site."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index").rstrip("/")
    return stem


def link(target: str, source: str) -> str:
    """The URL from page ``source`` to page ``target`` (both relative to ``docs/``, ``.md``).

    Markdown printed by an executed block is not rewritten by MkDocs, so links in it must
    already be the final, built URLs; the link test of the site checks every one.

    Examples:
        >>> link("neuron/net-input.md#linear-combination", "glossary.md")
        '../neuron/net-input/#linear-combination'
        >>> link("neuron/index.md", "index.md")
        'neuron/'
        >>> link("api/neuron.md", "api/activations.md")
        '../neuron/'
    """
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(_built_dir(path) or ".", _built_dir(source) or ".")
    url = "" if rel == "." else rel + "/"
    return url + (f"#{anchor}" if anchor else "") or "./"


def strip_front_matter(text: str) -> str:
    r"""A page's Markdown without its YAML front matter, as MkDocs hands it to Markdown.

    Examples:
        >>> strip_front_matter("---\nsearch:\n  boost: 4\n---\n# Title\n")
        '# Title\n'
        >>> strip_front_matter("# Title\n")
        '# Title\n'
    """
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end != -1:
            return text[end + 5 :]
    return text
