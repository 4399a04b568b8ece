"""The two record types of `nnref.references`: a cited work and its use for one topic."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

__all__ = ["Citation", "Reference"]


@dataclass(frozen=True)
class Reference:
    """One published work: who wrote it, when, where, and a canonical link.

    Authors are written ``"Family, Given"`` (an organisation is written as is); ``et_al`` marks
    a list cut short. ``year`` is ``None`` for documentation pages that change with each
    release. The short citation follows the author–year style: one author $\\to$
    "(Hopfield, 1982)", two $\\to$ "(Widrow & Hoff, 1960)", three or more
    $\\to$ "(LeCun et al., 1998)".

    Args:
        key: Stable registry key, e.g. ``"hochreiter1997"``.
        authors: Author names, ``"Family, Given"``.
        year: Year of publication, or ``None``.
        title: Title of the work (a book's title is set in italics).
        venue: Journal, proceedings, publisher or report series, with volume and pages.
        url: Canonical ``https`` link (DOI, arXiv, publisher or author page).
        book: The work is a book.
        et_al: The author list is shortened.
        note: A remark that belongs to the work itself.

    Examples:
        >>> r = Reference("hochreiter1997", ("Hochreiter, Sepp", "Schmidhuber, Jürgen"), 1997,
        ...               "Long short-term memory", "Neural Computation 9(8), 1735–1780",
        ...               "https://doi.org/10.1162/neco.1997.9.8.1735")
        >>> r.cite()
        '(Hochreiter & Schmidhuber, 1997)'
        >>> print(r.markdown())
        Sepp Hochreiter, Jürgen Schmidhuber (1997). Long short-term memory. *Neural Computation 9(8), 1735–1780*. [doi:10.1162/neco.1997.9.8.1735](https://doi.org/10.1162/neco.1997.9.8.1735)
    """  # noqa: E501

    key: str
    authors: tuple[str, ...]
    year: int | None
    title: str
    venue: str
    url: str
    book: bool = False
    et_al: bool = False
    note: str = ""

    @property
    def family_names(self) -> tuple[str, ...]:
        """The authors' family names (an organisation's name as is).

        Examples:
            >>> Reference("k", ("van Veen, Fjodor",), 2016, "t", "v", "https://x.org").family_names
            ('van Veen',)
        """
        return tuple(a.split(",")[0].strip() for a in self.authors)

    @property
    def short_authors(self) -> str:
        """The author part of the short citation: "A", "A & B" or "A et al.".

        Examples:
            >>> Reference("k", ("A, B", "C, D", "E, F"), 2000, "t", "v", "https://x.org").short_authors
            'A et al.'
        """  # noqa: E501
        names = self.family_names
        if len(names) >= 3 or self.et_al:
            return f"{names[0]} et al."
        return " & ".join(names)

    @property
    def year_text(self) -> str:
        """The year, or "n.d." (no date) for an undated page.

        Examples:
            >>> Reference("k", ("PyTorch contributors",), None, "t", "v", "https://x.org").year_text
            'n.d.'
        """  # noqa: E501
        return "n.d." if self.year is None else str(self.year)

    def cite(self) -> str:
        """The short, in-text citation "(Family, year)".

        Examples:
            >>> Reference("k", ("Hopfield, John J.",), 1982, "t", "v", "https://x.org").cite()
            '(Hopfield, 1982)'
        """
        return f"({self.short_authors}, {self.year_text})"

    @property
    def link_text(self) -> str:
        """A short label for the link: "doi:…", "arXiv:…" or the address without "https://".

        Examples:
            >>> Reference("k", ("A, B",), 2016, "t", "v", "https://arxiv.org/abs/1603.07285").link_text
            'arXiv:1603.07285'
        """  # noqa: E501
        parts = urlsplit(self.url)
        path = unquote(parts.path)
        if parts.netloc == "doi.org":
            return "doi:" + path.lstrip("/")
        if parts.netloc == "arxiv.org" and path.startswith("/abs/"):
            return "arXiv:" + path.removeprefix("/abs/")
        host = parts.netloc.removeprefix("www.")
        return (host + path).rstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")

    def author_list(self) -> str:
        """The authors as "Given Family" names, comma-separated, with "et al." if shortened.

        Examples:
            >>> Reference("k", ("Widrow, Bernard", "Hoff, Marcian E."), 1960, "t", "v",
            ...           "https://x.org").author_list()
            'Bernard Widrow, Marcian E. Hoff'
        """
        names = []
        for author in self.authors:
            family, _, given = author.partition(",")
            names.append(f"{given.strip()} {family.strip()}".strip())
        return ", ".join(names) + (" et al." if self.et_al else "")

    def markdown(self, note: str = "") -> str:
        """The full entry as one line of Markdown: authors (year). Title. *Venue*. link.

        The work's own note and ``note`` (what a page takes from it) follow after a dash.

        Examples:
            >>> r = Reference("k", ("Hopfield, John J.",), 1982, "Neural networks", "PNAS",
            ...               "https://doi.org/10.1073/pnas.79.8.2554")
            >>> r.markdown()
            'John J. Hopfield (1982). Neural networks. *PNAS*. [doi:10.1073/pnas.79.8.2554](https://doi.org/10.1073/pnas.79.8.2554)'
        """  # noqa: E501
        title = f"*{self.title}*" if self.book else self.title
        venue = self.venue if self.book else f"*{self.venue}*"
        text = (
            f"{self.author_list()} ({self.year_text}). {title}. {venue}. "
            f"[{self.link_text}]({self.url})"
        )
        notes = "; ".join(n for n in (self.note, note) if n)
        return text + (f" — {notes}" if notes else "")


@dataclass(frozen=True)
class Citation:
    """A reference as one topic uses it: the work, and what it contributes to that topic.

    Args:
        reference: The cited work.
        note: What the work gives this topic ("introduced the unit", "§6.3.2"); may be empty.

    Examples:
        >>> r = Reference("k", ("Hopfield, John J.",), 1982, "t", "PNAS", "https://x.org")
        >>> c = Citation(r, "the network and its energy")
        >>> c.cite(), c.markdown().endswith("— the network and its energy")
        ('(Hopfield, 1982)', True)
    """

    reference: Reference
    note: str = ""

    @property
    def key(self) -> str:
        """The cited reference's key.

        Examples:
            >>> Citation(Reference("k", ("A, B",), 1, "t", "v", "https://x.org")).key
            'k'
        """
        return self.reference.key

    def cite(self) -> str:
        """The reference's short citation, e.g. "(Hopfield, 1982)".

        Examples:
            >>> Citation(Reference("k", ("A, B",), 1999, "t", "v", "https://x.org")).cite()
            '(A, 1999)'
        """
        return self.reference.cite()

    def markdown(self) -> str:
        """The reference's full entry, followed by this topic's note.

        Examples:
            >>> r = Reference("k", ("A, B",), 1999, "t", "v", "https://x.org")
            >>> Citation(r, "why").markdown()
            'B A (1999). t. *v*. [x.org](https://x.org) — why'
        """
        return self.reference.markdown(self.note)
