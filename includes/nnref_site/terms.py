"""The glossary's terms, read from ``includes/terms/*.yml`` (one file per site section).

Each entry has ``term`` (the name in the A–Z index), ``page`` (the page under ``docs/`` that
defines it, optionally with ``#anchor``), ``definition`` (one line; the hover tooltip) and
``aliases`` (the exact spellings that get the tooltip). A term that a generated activation page
should list under "See also" says which ones in ``activations``: a mapping with any of
``keys`` (activation keys), ``families`` and ``saturates`` (values of the activation's
metadata).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from nnref_site import data_file

Term = dict[str, Any]

_SELECTORS = {"keys": "key", "families": "family", "saturates": "saturates"}


def load_terms(folder: Path | None = None) -> list[Term]:
    """Every glossary entry, file by file in name order, each file in its own order.

    Examples:
        >>> terms = load_terms()
        >>> all({"term", "page", "definition"} <= set(t) for t in terms)
        True
    """
    folder = data_file("terms") if folder is None else folder
    return [dict(t) for t in _load(folder)]


@cache
def _load(folder: Path) -> tuple[Term, ...]:
    terms: list[Term] = []
    for path in sorted(folder.glob("*.yml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for entry in entries:
            missing = {"term", "page", "definition"} - set(entry)
            if missing:
                raise ValueError(f"{path.name}: entry {entry!r} lacks {sorted(missing)}")
            unknown = set(entry.get("activations") or {}) - set(_SELECTORS)
            if unknown:
                raise ValueError(
                    f"{path.name}: {entry['term']}: activations may only use "
                    f"{sorted(_SELECTORS)}, got {sorted(unknown)}"
                )
        terms += entries
    return tuple(terms)


def aliases(term: Term) -> list[str]:
    """The spellings of a term that get its tooltip (the term itself if none are listed).

    Examples:
        >>> aliases({"term": "Bias", "page": "neuron/bias.md", "definition": "..."})
        ['Bias']
    """
    return [str(a) for a in term.get("aliases") or [term["term"]]]


def topics_for(activation: Any, terms: Iterable[Term] | None = None) -> list[Term]:
    """The terms whose ``activations`` selector picks ``activation``, in file order.

    Examples:
        >>> from nnref import activations
        >>> [t["term"] for t in topics_for(activations.relu)]
        ['Saturation', 'Vanishing gradient', 'Dying ReLU']
    """
    picked = []
    for term in load_terms() if terms is None else terms:
        selector = term.get("activations") or {}
        for field, attribute in _SELECTORS.items():
            if str(getattr(activation, attribute)) in {str(v) for v in selector.get(field, [])}:
                picked.append(term)
                break
    return picked
