"""The glossary's terms, read from ``includes/terms/*.yml`` (one file per site section).

Each entry has ``term`` (the name in the A–Z index), ``page`` (the page under ``docs/`` that
defines it, optionally with ``#anchor``), ``definition`` (one line; the hover tooltip) and
``aliases`` (the exact spellings that get the tooltip). Optional fields:

* ``synonyms``: other names readers type for the same thing (abbreviations, other authors'
  names: "Xavier initialisation", "SGD"); each is an entry of the A–Z index that says
  "see" the term and links to the term's page. They do not get tooltips (use ``aliases``).
* ``homonyms``: pages titled with one of the term's names that mean something else (the
  "Threshold" activation is not a neuron's threshold); the glossary test would otherwise
  require the term to point there.

Which pages link to which under "See also" is not kept here but in ``includes/relations.yml``
(:mod:`nnref_site.relations`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from nnref_site import data_file

Term = dict[str, Any]

FIELDS = frozenset({"term", "page", "definition", "aliases", "synonyms", "homonyms"})
"""The fields a term entry may have."""


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
            unknown = set(entry) - FIELDS
            if unknown:
                raise ValueError(
                    f"{path.name}: {entry['term']}: unknown fields {sorted(unknown)}; "
                    f"a term may have {sorted(FIELDS)}"
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


def synonyms(term: Term) -> list[str]:
    """The other names of a term, each an A–Z entry pointing at the term's page.

    Examples:
        >>> t = {"term": "Glorot initialisation", "page": "networks/initialisation.md",
        ...      "definition": "...", "synonyms": ["Xavier initialisation"]}
        >>> synonyms(t)
        ['Xavier initialisation']
    """
    return [str(s) for s in term.get("synonyms") or []]


def names(term: Term) -> list[str]:
    """Every name of a term: the term, its synonyms and its tooltip spellings, without repeats.

    The search index and the glossary test use these.

    Examples:
        >>> names({"term": "Epoch", "page": "networks/epochs.md", "definition": "...",
        ...        "aliases": ["epoch", "epochs"], "synonyms": ["Training epoch"]})
        ['Epoch', 'Training epoch', 'epoch', 'epochs']
    """
    return list(dict.fromkeys([str(term["term"]), *synonyms(term), *aliases(term)]))


def _key(name: str) -> str:
    """What makes two index names the same: case, hyphens and dashes do not count."""
    return re.sub(r"[\s\-‐–—]+", " ", name.casefold()).strip()


def index_entries(terms: list[Term] | None = None) -> list[dict[str, str]]:
    """The A–Z index: every term, every activation without a term of its own, and every
    synonym, sorted by name (case-insensitive).

    Each entry has ``name``, ``page`` (the defining page, with its anchor) and either
    ``definition`` or ``see`` (for a synonym: the name of the term it stands for). An
    activation whose name ends in an abbreviation, "Exponential linear unit (ELU)", also gets
    the entry "ELU". A synonym that is already the name of an entry is left out.

    Examples:
        >>> entries = {e["name"]: e for e in index_entries()}
        >>> entries["Xavier initialisation"]["see"], entries["Xavier initialisation"]["page"]
        ('Glorot initialisation', 'networks/initialisation.md')
        >>> entries["GELU"]["page"]
        'activations/gelu.md'
    """
    from nnref import activations

    terms = load_terms() if terms is None else terms
    entries: list[dict[str, str]] = [
        {"name": str(t["term"]), "page": str(t["page"]), "definition": str(t["definition"])}
        for t in terms
    ]
    taken = {_key(e["name"]) for e in entries}
    if len(taken) != len(entries):
        raise ValueError("a term is listed twice")
    pages = {e["page"] for e in entries}
    others: list[tuple[str, str, str]] = [  # (synonym, page, the name it stands for)
        (s, str(t["page"]), str(t["term"])) for t in terms for s in synonyms(t)
    ]
    for f in activations.catalog():  # every activation, unless a term already covers its page
        page = f"activations/{f.key}.md"
        if page in pages:
            continue
        name = f.name if _key(f.name) not in taken else f"{f.name} (activation function)"
        entries.append({"name": name, "page": page, "definition": f.summary})
        taken.add(_key(name))
        abbreviation = re.fullmatch(r".*\(([A-Z][\w-]*[A-Z][\w-]*)\)", f.name)
        if abbreviation:
            others.append((abbreviation.group(1), page, name))
    for name, page, see in others:
        if _key(name) not in taken:
            entries.append({"name": name, "page": page, "see": see})
            taken.add(_key(name))
    return sorted(entries, key=lambda e: (e["name"].casefold(), e["name"]))
