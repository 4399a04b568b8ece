"""The site's figure style and the one helper that turns a figure into inline SVG.

Every other module of [`nnref.plotting`][nnref.plotting] draws inside
[`style`][nnref.plotting.style] on a figure from [`new_figure`][nnref.plotting.new_figure] and
hands it back; pages embed it with [`figure_to_svg`][nnref.plotting.figure_to_svg]. The
helpers at the bottom (the axes to draw on, the figure that holds them) are shared by the
figure modules.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

try:
    import matplotlib as mpl
    from matplotlib.axes import Axes
    from matplotlib.colors import to_rgba
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.text import Text
except ImportError as exc:  # pragma: no cover - exercised only without matplotlib
    raise ImportError(
        'nnref.plotting needs matplotlib; install it with: pip install "nnref[plot]"'
    ) from exc

from nnref._validation import check_type, error

__all__ = ["PALETTE", "figure_to_svg", "new_figure", "style"]

PALETTE: tuple[str, ...] = (
    "#3b82f6",  # blue
    "#f59e0b",  # amber
    "#10b981",  # emerald
    "#ef4444",  # red
    "#8b5cf6",  # violet
    "#ec4899",  # pink
    "#14b8a6",  # teal
    "#a3a3a3",  # neutral grey
)
"""Data colours, mid-tones that keep their contrast on Material's white and slate backgrounds."""

INK = "#0a0b0c"
"""Drawn in this colour, replaced by ``currentColor`` in the SVG text. Never a data colour."""

MARGINS = {"left": 0.8, "right": 0.15, "bottom": 0.6, "top": 0.2}
"""Fixed figure margins in inches: room for tick labels and axis labels on the left and at the
bottom. Used instead of matplotlib's constrained layout, which costs about half of a figure's
time and gives the same picture for the single-axes figures of the site."""

_RC: dict[str, Any] = {
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
    "savefig.edgecolor": "none",
    "savefig.transparent": True,
    "text.color": INK,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "axes.titlecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "grid.color": INK,
    "grid.alpha": 0.18,
    "legend.frameon": False,
    "legend.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.prop_cycle": mpl.cycler(color=list(PALETTE)),
    "lines.linewidth": 2.0,
    "font.size": 11,
    "font.family": "sans-serif",
    "mathtext.fontset": "dejavusans",
    "svg.fonttype": "none",
}


@contextmanager
def style() -> Iterator[None]:
    """Context in which new figures and everything drawn on them get the site's look.

    Examples:
        >>> with style():
        ...     fig, ax = new_figure()
        ...     line, = ax.plot([0, 1])
        >>> line.get_linewidth()
        2.0
    """
    with mpl.rc_context(_RC):
        yield


def new_figure(
    figsize: tuple[float, float] = (6.4, 3.6),
    nrows: int = 1,
    ncols: int = 1,
    layout: str | None = "constrained",
    **kwargs: Any,
) -> tuple[Figure, Any]:
    """A new ``Figure`` and its axes, styled for the site.

    Args:
        figsize: Width and height in inches.
        nrows: Rows of subplots.
        ncols: Columns of subplots.
        layout: ``"constrained"`` (matplotlib finds room for every label; about half of the
            figure's drawing time), ``"fixed"`` (fixed margins in inches, see ``MARGINS``:
            as good for a single plot with ordinary tick labels, and much cheaper) or
            ``None`` (the axes fill the figure: for diagrams without axes).
        **kwargs: Passed on to ``Figure.subplots``.

    Returns:
        ``(fig, axes)`` as from ``Figure.subplots``.

    Examples:
        >>> fig, ax = new_figure()
        >>> ax.get_xaxis().get_label().get_color()
        '#0a0b0c'
        >>> fig, ax = new_figure(figsize=(5.0, 2.0), layout="fixed")
        >>> [round(float(v), 3) for v in ax.get_position().bounds]  # left, bottom, width, height
        [0.16, 0.3, 0.81, 0.6]
    """
    if layout not in ("constrained", "fixed", None):
        raise error("layout", "'constrained', 'fixed' or None", layout)
    with style():
        fig = Figure(figsize=figsize, layout="constrained" if layout == "constrained" else None)
        if layout == "fixed":
            width, height = fig.get_size_inches()
            fig.subplots_adjust(
                left=MARGINS["left"] / width,
                right=1 - MARGINS["right"] / width,
                bottom=MARGINS["bottom"] / height,
                top=1 - MARGINS["top"] / height,
            )
        elif layout is None:
            fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
        axes = fig.subplots(nrows, ncols, **kwargs)
    return fig, axes


def figure_to_svg(fig: Figure, figure_id: str, title: str | None = None) -> str:
    """Render ``fig`` as an inline ``<svg>`` element for an HTML page.

    The figure is

    * **readable in light and dark mode**: text, axes and grid are drawn in ``currentColor``,
      so they take the colour of the surrounding page text; backgrounds are transparent and
      the data colours ([`PALETTE`][nnref.plotting.PALETTE]) are mid-tones that read on white
      and on slate;
    * **reproducible**: a fixed hash salt per figure and no date metadata give identical bytes
      on every build;
    * **self-contained**: no XML header, and matplotlib's stylesheet is scoped to the figure
      so it cannot restyle the page.

    Args:
        fig: The figure.
        figure_id: A page-unique id (letters, digits, ``-`` and ``_``); it seeds the hashes
            so the bytes are identical on every build, and scopes the figure's stylesheet.
        title: Accessible description, read by screen readers (``aria-label``).

    Returns:
        The ``<svg …>…</svg>`` markup, without XML header or doctype. Text left in the default
        black is switched to the page's text colour and legend frames are made transparent
        (this changes ``fig``).

    Examples:
        >>> fig, ax = new_figure(figsize=(2, 1))
        >>> _ = ax.plot([0, 1], [0, 1])
        >>> svg = figure_to_svg(fig, "demo")
        >>> svg.startswith('<svg id="demo"'), "currentColor" in svg
        (True, True)
        >>> fig2, ax2 = new_figure(figsize=(2, 1))
        >>> _ = ax2.plot([0, 1], [0, 1])
        >>> svg == figure_to_svg(fig2, "demo")  # same drawing, same bytes
        True
    """
    if not isinstance(figure_id, str) or not re.fullmatch(r"[A-Za-z][\w-]*", figure_id):
        raise error("figure_id", "an id of letters, digits, '-' and '_'", figure_id)
    check_type(fig, "fig", Figure, "a matplotlib Figure")
    # Text created outside ``style()`` defaults to black, which the SVG writes as no fill at
    # all (invisible on the dark palette): give it the page's ink like the rest.
    for text in fig.findobj(Text):
        if to_rgba(text.get_color()) == (0.0, 0.0, 0.0, 1.0):
            text.set_color(INK)
    for legend in fig.findobj(Legend):  # a default legend frame is opaque white
        legend.get_frame().set(facecolor="none", edgecolor="none")
    buffer = io.StringIO()
    with mpl.rc_context({**_RC, "svg.hashsalt": figure_id}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :].rstrip() + "\n"
    # Text, axes and any plain black drawn outside ``style()`` follow the page's text colour.
    svg = svg.replace(INK, "currentColor").replace("#000000", "currentColor")
    # Prefix every inner id (and reference to one) so several figures share a page safely.
    svg = re.sub(r'(\bid="|url\(#|xlink:href="#)', rf"\1{figure_id}-", svg)
    # matplotlib's sheet starts with a global '*{...}' rule: keep it inside this figure.
    svg = svg.replace('<style type="text/css">*{', f'<style type="text/css">#{figure_id} *{{')
    label = _escape(title or figure_id)
    return svg.replace(
        "<svg ", f'<svg id="{figure_id}" class="nnref-figure" role="img" aria-label="{label}" ', 1
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


# --- shared by the figure modules ------------------------------------------------------------


def target_axes(
    ax: Axes | None, figsize: tuple[float, float], layout: str | None = "constrained"
) -> Axes:
    """``ax`` after checking it, or the axes of a new ``figsize`` figure (call in ``style()``)."""
    if ax is None:
        _, new = new_figure(figsize=figsize, layout=layout)
        return new
    return check_type(ax, "ax", Axes, "a matplotlib Axes or None")


def figure_of(ax: Axes) -> Figure:
    """The figure that holds ``ax``: what every plotting function returns."""
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    return figure
