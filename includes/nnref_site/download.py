"""The code a reader sees on a page, as a Python script and as a Jupyter notebook.

[`page_cells`][nnref_site.download.page_cells] is the one place that decides what a page
*shows*: its prose and the source of its visible code blocks, in order. Both downloads are
written from it (:func:`page_script`, :func:`page_notebook`), the pages offer them through
:func:`download_links`, and ``tests/test_copyable.py`` runs every script it gives in a fresh
process, so the code a reader copies is the code that is tested.

What counts as visible, as markdown-exec renders it:

* an executed block with a ``source="..."`` option (its lines marked
  ``# markdown-exec: hide`` are left out, as on the page), folded or not;
* a plain ```` ```python ```` block (shown, not executed);
* the code printed by a hidden block that generates page text (the activation pages'
  "In code" section, from ``activation_footer``): see ``_GENERATORS``.

Hidden executed blocks (no ``source=``) only format tables, figures and prose; they are not
part of the downloads. The downloads are embedded in the page as ``data:`` links, so they
need no file beside the page: they work the same in ``mkdocs build``, ``mkdocs serve`` and in
any builder that runs markdown-exec, and they can never be stale.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from nnref_site import ROOT
from nnref_site.markdown import strip_front_matter


def _site_url() -> str:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    m = re.search(r"^site_url:[ \t]*['\"]?([^'\"\s]+)", config, re.MULTILINE)
    if not m:
        raise ValueError("mkdocs.yml must set site_url: the downloads link to the hosted pages")
    return m[1].rstrip("/") + "/"


SITE_URL = _site_url()
"""The hosted glossary (``site_url`` in mkdocs.yml): links in the downloads point there."""

DOCS = ROOT / "docs"

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<ticks>`{3,})(?P<lang>[\w+-]*)(?P<opts>[^\n`]*)\n"
    r"(?P<code>.*?)^(?P=indent)(?P=ticks)[ \t]*$\n?",
    re.MULTILINE | re.DOTALL,
)
_OPTION = re.compile(r'(\w+)="([^"]*)"')
_TRUE = {"on", "1", "true", "yes"}
_HIDE_LINE = "markdown-exec: hide"
# An admonition, a collapsible (pymdownx.details) or a tab (pymdownx.tabbed): a header line
# whose body is indented by four spaces.
_CONTAINER = re.compile(
    r"^(?P<indent>[ ]*)(?P<kind>!!!|\?\?\?\+?|===\+?)[ \t]*(?P<type>[\w-]*)"
    r'(?:[ \t]*"(?P<title>[^"]*)")?[ \t]*$'
)
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)")
# An attribute list at the end of a line ("## Title { #id }"), not LaTeX such as \text{.}
_ATTRS = re.compile(r"[ \t]+\{:?[ \t]*(?:[#.][\w-]+|[\w-]+=)[^}\n]*\}[ \t]*$", re.MULTILINE)
# Hidden blocks whose printed Markdown is page text with code in it, expanded by calling the
# generator (cheap: text only, no figures).
_GENERATORS = re.compile(
    r"\A\s*from nnref_site\.activation_pages import activation_footer\s+"
    r'print\(activation_footer\("(?P<key>[\w]+)"\)\)\s*\Z'
)


@dataclass(frozen=True)
class Cell:
    """One piece of a page: Markdown prose or Python code, as the reader sees it."""

    kind: Literal["markdown", "code"]
    text: str


def _executed(opts: dict[str, str]) -> bool:
    return opts.get("exec", "").lower() in _TRUE


def _dedent(code: str, indent: str) -> str:
    width = len(indent)
    return "\n".join(line[width:] for line in code.splitlines())


def _unwrap_containers(text: str) -> str:
    """Admonitions, collapsibles and tabs as plain Markdown: a bold title, the body dedented.

    Code inside a folded block becomes top-level code, so it is found like any other block.
    """
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    in_fence = ""
    while i < len(lines):
        line = lines[i]
        fence = re.match(r"^[ \t]*(`{3,})", line)
        if fence and (not in_fence or fence[1] == in_fence):
            in_fence = "" if in_fence else fence[1]
        m = None if in_fence else _CONTAINER.match(line)
        if not m:
            out.append(line)
            i += 1
            continue
        indent = m["indent"]
        title = m["title"] if m["title"] is not None else m["type"].capitalize()
        if title:
            out += [f"{indent}**{title}**", ""]
        body_indent = indent + "    "
        i += 1
        while i < len(lines) and (lines[i].startswith(body_indent) or not lines[i].strip()):
            # A blank line ends the body only if the next non-blank line is not indented.
            if not lines[i].strip():
                rest = next((x for x in lines[i:] if x.strip()), "")
                if not rest.startswith(body_indent):
                    break
            out.append(indent + lines[i][len(body_indent) :] if lines[i].strip() else "")
            i += 1
    result = "\n".join(out)
    return result if result == text else _unwrap_containers(result)


def _absolute(url: str, base: str, page: str) -> str:
    """A link of ``page`` as an address on the hosted site (``base``: the folder it is
    relative to, ``docs/``-relative). ``.md`` targets become their built URLs."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", url) or url.startswith("//"):
        return url
    path, hash_, anchor = url.partition("#")
    if not path:
        return page_url(page) + hash_ + anchor
    target = posixpath.normpath(posixpath.join(base, path))
    if target.endswith(".md"):
        stem = target.removesuffix(".md")
        stem = stem.removesuffix("index") if _is_index(stem) else stem + "/"
        target = stem if stem not in {".", "./"} else ""
    elif path.endswith("/") and not target.endswith("/"):
        target += "/"
    if target == ".":
        target = ""
    return SITE_URL + target.lstrip("/") + hash_ + anchor


def _is_index(stem: str) -> bool:
    return stem == "index" or stem.endswith("/index")


def _built_dir(page: str) -> str:
    stem = page.removesuffix(".md")
    return stem.removesuffix("index").rstrip("/") if _is_index(stem) else stem


def _prose(text: str, base: str, page: str) -> str:
    """Markdown for a notebook: absolute links, no attribute lists, no blank-line runs."""
    text = _LINK.sub(lambda m: f"[{m['text']}]({_absolute(m['url'], base, page)})", text)
    text = _ATTRS.sub("", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


def _cells_of(text: str, base: str, page: str) -> list[Cell]:
    """The cells of a Markdown text whose links are relative to ``base``."""
    text = _unwrap_containers(text)
    cells: list[Cell] = []
    prose: list[str] = []

    def flush() -> None:
        chunk = _prose("".join(prose), base, page)
        prose.clear()
        if chunk.strip():
            cells.append(Cell("markdown", chunk))

    pos = 0
    for m in _FENCE.finditer(text):
        prose.append(text[pos : m.start()])
        pos = m.end()
        opts = dict(_OPTION.findall(m["opts"]))
        code = _dedent(m["code"], m["indent"]).strip("\n")
        if m["lang"] == "python" and _executed(opts):
            if "source" in opts:
                flush()
                lines = [x for x in code.split("\n") if _HIDE_LINE not in x]
                cells.append(Cell("code", "\n".join(lines).strip("\n")))
            elif generated := _GENERATORS.match(code):
                from nnref_site.activation_pages import activation_footer, page_path

                flush()
                key = generated["key"]
                cells += _cells_of(activation_footer(key), _built_dir(page_path(key)), page)
        elif m["lang"] == "python":
            flush()
            cells.append(Cell("code", code))
        else:
            prose.append(m.group(0))
    prose.append(text[pos:])
    flush()
    return cells


def page_cells(page: str, text: str | None = None) -> list[Cell]:
    """The prose and visible code of a docs page, in order: what both downloads hold.

    Args:
        page: the page, relative to ``docs/`` (``"networks/xor.md"``).
        text: its Markdown (read from ``docs/`` when not given).

    Examples:
        >>> md = "\\n".join([
        ...     "# A page", "", "Some [prose](other.md).", "",
        ...     '```python exec="on" id="hidden"', 'print("| a table |")', "```", "",
        ...     '```python exec="on" id="shown" source="above"', "x = 1 + 1",
        ...     "print(x)  # markdown-exec: hide", "```",
        ... ])
        >>> for cell in page_cells("learning/page.md", md):
        ...     print(cell.kind, repr(cell.text))
        markdown '# A page\\n\\nSome [prose](https://nnref.github.io/nnref/learning/other/).'
        code 'x = 1 + 1'
    """
    if text is None:
        text = (DOCS / page).read_text(encoding="utf-8")
    return _cells_of(strip_front_matter(text), posixpath.dirname(page), page)


def page_url(page: str) -> str:
    """The page's address on the hosted site.

    Examples:
        >>> page_url("networks/xor.md"), page_url("cnn/index.md")
        ('https://nnref.github.io/nnref/networks/xor/', 'https://nnref.github.io/nnref/cnn/')
    """
    built = _built_dir(page)
    return SITE_URL + (built + "/" if built else "")


def page_title(page: str, cells: list[Cell] | None = None) -> str:
    """The page's first-level heading."""
    for cell in page_cells(page) if cells is None else cells:
        if cell.kind == "markdown" and (m := re.search(r"^# (.+)$", cell.text, re.MULTILINE)):
            return m[1].strip()
    return Path(page).stem.replace("-", " ")


def has_code(page: str) -> bool:
    """Whether the page shows any Python code (and so offers downloads)."""
    return any(cell.kind == "code" for cell in page_cells(page))


def page_script(page: str) -> str:
    """The page's visible code as one Python script, in the page's order.

    Each block is a ``# %%`` cell (editors such as VS Code and Spyder run them one at a time)
    titled with the section it is in; the prose stays on the page and in the notebook.
    """
    cells = page_cells(page)
    title = page_title(page, cells)
    out = [
        f'"""{title} — the code of the nnref glossary page {page_url(page)}\n\n'
        "Every block shown on the page, in order. Needs nnref (pip install nnref, or\n"
        'pip install -e . in a clone of the repository)."""\n'
    ]
    section = title
    for cell in cells:
        if cell.kind == "markdown":
            headings = re.findall(r"^#{1,6} (.+)$", cell.text, re.MULTILINE)
            section = headings[-1].strip() if headings else section
            continue
        out.append(f"# %% {section}\n{cell.text}\n")
    return "\n".join(out)


def page_notebook(page: str) -> str:
    """The page's prose and visible code as a Jupyter notebook (JSON text, nbformat 4).

    Written with ``nbformat`` with fixed cell ids, so the same page gives
    the same bytes on every build.
    """
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    cells = page_cells(page)
    intro = (
        f"*From the nnref glossary: <{page_url(page)}>. The tables and figures the page "
        "computes are shown there; this notebook holds its text and the code it shows.*"
    )
    nb_cells = [new_markdown_cell(intro)]
    for cell in cells:
        make = new_code_cell if cell.kind == "code" else new_markdown_cell
        nb_cells.append(make(cell.text))
    for i, nb_cell in enumerate(nb_cells):
        nb_cell["id"] = f"cell-{i}"
    nb = new_notebook(
        cells=nb_cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    return nbformat.writes(nb, split_lines=False) + "\n"


# The characters a data: URI must escape here: ``%`` and ``#`` (URL syntax), ``"``, ``&``, ``<``
# and ``>`` (HTML attribute), and line breaks, tabs and other control characters (URL parsers
# drop them). Everything else, non-ASCII letters included, stays as it is: the page is UTF-8,
# and the browser's URL parser encodes it as the data URL's UTF-8 bytes.
_URI_ESCAPES = {c: f"%{ord(c):02X}" for c in '%#"&<>\x7f'} | {
    chr(i): f"%{i:02X}" for i in range(32)
}


def data_uri(text: str, mime: str) -> str:
    """``text`` as a ``data:`` URI, escaped as little as possible: for the glossary's scripts
    and notebooks a sixth smaller than base64, and it compresses well when the page is served
    gzipped (base64 does not).

    Examples:
        >>> data_uri('print("a#b") — ok\\n', "text/x-python")
        'data:text/x-python;charset=utf-8,print(%22a%23b%22) — ok%0A'
    """
    return f"data:{mime};charset=utf-8," + "".join(_URI_ESCAPES.get(c, c) for c in text)


def download_links(page: str) -> str:
    """The page's download links (HTML): its script and its notebook, as ``data:`` URIs.

    Print it from a hidden block right under the page's title,
    ```` ```python exec="on" id="…-download" ```` (printed as Markdown: raw HTML passes
    through). Pages without visible code get nothing.
    """
    if not has_code(page):
        return ""
    stem = Path(page).stem if Path(page).stem != "index" else Path(page).parent.name or "home"
    name = f"nnref-{stem}"
    script = data_uri(page_script(page), "text/x-python")
    notebook = data_uri(page_notebook(page), "application/x-ipynb+json")
    return (
        '<p class="nnref-downloads" data-search-exclude>Download the code of this page: '
        f'<a download="{name}.py" href="{script}">script (.py)</a> · '
        f'<a download="{name}.ipynb" href="{notebook}">notebook (.ipynb)</a></p>'
    )


__all__ = [
    "Cell",
    "data_uri",
    "download_links",
    "has_code",
    "page_cells",
    "page_notebook",
    "page_script",
    "page_title",
    "page_url",
]
