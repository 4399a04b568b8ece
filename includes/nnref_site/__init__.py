"""Build-time code of the nnref glossary site; imported by the pages, never by ``nnref``.

* [`nnref_site.markdown`][]: tiny Markdown writers (numbers, tables, links) for executed blocks;
* [`nnref_site.activation_pages`][]: the generated page of every activation and the overview's
  tables and figures;
* [`nnref_site.terms`][]: the glossary's term files (``includes/terms/*.yml``) and the A–Z
  index built from them;
* [`nnref_site.relations`][]: the list of related pages (``includes/relations.yml``) and the
  "See also" it gives every page;
* [`nnref_site.tooltips`][]: the Python-Markdown extension that gives a term's first mention on
  a page its definition as a hover tooltip.

The package is installed editable next to nnref (``pip install -e ".[docs]" -e ./includes``):
it reads the data files that live beside it in ``includes/``.
"""

from __future__ import annotations

from pathlib import Path

INCLUDES = Path(__file__).resolve().parent.parent
"""The ``includes/`` folder of the repository: term files and other site data."""

ROOT = INCLUDES.parent
"""The repository's root (``mkdocs.yml``, ``docs/``)."""


def data_file(*parts: str) -> Path:
    """A data file under ``includes/``, with a clear error when the package is not editable.

    Examples:
        >>> data_file("terms").name
        'terms'
    """
    path = INCLUDES.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: nnref_site reads the site's data files beside it, so install "
            'it editable from the repository: pip install -e ".[docs]" -e ./includes'
        )
    return path
