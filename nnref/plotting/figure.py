"""The site's figure style and the one helper that turns a figure into inline SVG.

Every other module of ``nnref.plotting`` draws inside
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

import numpy as np

from nnref._validation import check_finite, check_int, check_str, check_type, error
from nnref.plotting._layout import FastLayout
from nnref.plotting._svg import minify

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

PHONE_COLUMN_PX = 340.0
"""The width a figure is shown at on a 390 px-wide phone (the page's column, a little less
inside a box); a wider figure is scaled down to it."""

MIN_TEXT_PX = 9.2
"""The smallest text, in CSS pixels, a figure may show on that phone (a little above 9 px)."""

MIN_SHRINK = 0.7
"""A laid-out figure is made at most this much narrower to keep its text legible; beyond
that its text is made larger instead."""

INK = "#0a0b0c"
"""Drawn in this colour, replaced by ``currentColor`` in the SVG text. Never a data colour."""

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
    layout: str | None = "fast",
    **kwargs: Any,
) -> tuple[Figure, Any]:
    """A new ``Figure`` and its axes, styled for the site.

    Args:
        figsize: Width and height in inches.
        nrows: Rows of subplots.
        ncols: Columns of subplots.
        layout: How the plots are placed in the figure, so that no label is cut off:
            ``"fast"`` (the default) gives a single plot the margins matplotlib's constrained
            layout would, computed from the labels' font metrics at a fraction of the cost,
            and hands any other figure to constrained layout; ``"constrained"`` always uses
            constrained layout; ``None`` lets the axes fill the figure.
        **kwargs: Passed on to ``Figure.subplots``.

    Returns:
        ``(fig, axes)`` as from ``Figure.subplots``.

    Examples:
        >>> fig, ax = new_figure()
        >>> ax.get_xaxis().get_label().get_color()
        '#0a0b0c'
        >>> _ = ax.set_xlabel("x")
        >>> fig.get_layout_engine().execute(fig)  # what drawing the figure does first
        >>> float(round(ax.get_position().x0 * 6.4 * 72, 1))  # points left of the plot: labels, pad
        25.9
    """
    figsize = check_figsize(figsize, "figsize")
    nrows = check_int(nrows, "nrows", 1, 50)
    ncols = check_int(ncols, "ncols", 1, 50)
    if not (layout is None or (isinstance(layout, str) and layout in ("fast", "constrained"))):
        kind = ValueError if isinstance(layout, str) else TypeError
        raise error("layout", "'fast', 'constrained' or None", layout, kind)
    with style():
        fig = Figure(figsize=figsize, layout=layout if layout == "constrained" else None)
        if layout == "fast":
            fig.set_layout_engine(FastLayout())
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
    * **light**: coordinates are rounded to a hundredth of a point and redundant points and
      groups are dropped, which changes nothing visible;
    * **self-contained**: no XML header, and matplotlib's stylesheet is scoped to the figure
      so it cannot restyle the page;
    * **legible on a phone**: on a phone a figure is shown at most ``PHONE_COLUMN_PX``
      wide, and its text shrinks with it. Where the smallest text (an index or exponent
      counts at its own, smaller size) would fall under ``MIN_TEXT_PX``, a figure placed by a
      layout engine is made narrower (keeping its shape, down to at most ``MIN_SHRINK`` of
      its width) and any text still too small is set larger.

    Args:
        fig: The figure.
        figure_id: A page-unique id (letters, digits, ``-`` and ``_``); it seeds the hashes
            so the bytes are identical on every build, and scopes the figure's stylesheet.
        title: Accessible description, read by screen readers (``aria-label``).

    Returns:
        The ``<svg …>…</svg>`` markup, without XML header or doctype. Text left in the default
        black is switched to the page's text colour, legend frames are made transparent, and
        size and text are made legible on a phone (this changes ``fig``).

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
    check_str(title, "title", optional=True)
    # Text created outside ``style()`` defaults to black, which the SVG writes as no fill at
    # all (invisible on the dark palette): give it the page's ink like the rest.
    for text in fig.findobj(Text):
        if to_rgba(text.get_color()) == (0.0, 0.0, 0.0, 1.0):
            text.set_color(INK)
    for legend in fig.findobj(Legend):  # a default legend frame is opaque white
        legend.get_frame().set(facecolor="none", edgecolor="none")
    buffer = io.StringIO()
    with mpl.rc_context({**_RC, "svg.hashsalt": figure_id}):
        _legible_on_a_phone(fig)
        engine = fig.get_layout_engine()
        if isinstance(engine, FastLayout) and engine.place(fig):
            # Placed: drawing needs no layout, so spare matplotlib's layout pass.
            fig.set_layout_engine(None)
        try:
            fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            if fig.get_layout_engine() is not engine:
                fig.set_layout_engine(engine)
    svg = buffer.getvalue()
    svg = minify(svg[svg.index("<svg") :].rstrip() + "\n")
    # Text, axes and any plain black drawn outside ``style()`` follow the page's text colour.
    svg = svg.replace(INK, "currentColor").replace("#000000", "currentColor")
    # Prefix every inner id (and reference to one) so several figures share a page safely.
    svg = re.sub(r'(\bid="|url\(#|xlink:href="#)', rf"\1{figure_id}-", svg)
    # The sheet's rules ('*{...}', 'text{...}') would restyle the whole page: scope them.
    svg = re.sub(
        r'(<style type="text/css">)(.*?)(</style>)',
        lambda m: (
            m.group(1)
            + re.sub(r"(^|\})\s*([^{}]+?)\{", rf"\1#{figure_id} \2{{", m.group(2))
            + m.group(3)
        ),
        svg,
        count=1,
        flags=re.DOTALL,
    )
    label = _escape(title or figure_id)
    svg = svg.replace("<svg ", "<svg data-search-exclude ", 1)  # tick labels out of site search
    return svg.replace(
        "<svg ", f'<svg id="{figure_id}" class="nnref-figure" role="img" aria-label="{label}" ', 1
    )


def _math_scale(text: str, log: bool = False) -> float:
    """How much smaller than its font size a label's smallest glyphs are drawn: mathtext sets
    indices and exponents at 0.7 of the size (a log axis's labels are powers of ten)."""
    if log:
        return 0.7
    math = text.count("$") >= 2 and ("_" in text or "^" in text or r"\frac" in text)
    return 0.7 if math else 1.0


def _texts(fig: Figure) -> list[tuple[Text, float]]:
    """Every visible text of ``fig`` with the scale of its smallest glyphs."""
    return [
        (t, _math_scale(t.get_text()))
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip()
    ]


def _tick_sizes(fig: Figure) -> list[tuple[Any, float, float]]:
    """(axis, tick label size in points, scale of its smallest glyphs) of every labelled axis."""
    from nnref.plotting._layout import _tick_style

    found = []
    for ax in fig.axes:
        if not ax.axison:
            continue
        for axis, name in ((ax.xaxis, "x"), (ax.yaxis, "y")):
            if not axis.get_visible():
                continue
            _, prop = _tick_style(axis, name)
            labels = [t.get_text() for t in axis.get_majorticklabels()]
            scale = min(
                [_math_scale(text) for text in labels]
                + [_math_scale("", axis.get_scale() == "log")]
            )
            found.append((axis, float(prop.get_size_in_points()), scale))
    return found


def _legible_on_a_phone(fig: Figure) -> None:
    """Make ``fig`` narrower or its small text larger, so that no text is shown under
    ``MIN_TEXT_PX`` in a ``PHONE_COLUMN_PX`` column (see ``figure_to_svg``)."""
    texts, ticks = _texts(fig), _tick_sizes(fig)
    sizes = [t.get_fontsize() * k for t, k in texts] + [size * k for _, size, k in ticks]
    if not sizes:
        return
    width_pt = fig.get_figwidth() * 72.0

    def px_per_pt(width: float) -> float:  # CSS px = 4/3 pt, shown at most in the column
        return min(4.0 / 3.0, PHONE_COLUMN_PX / width)

    smallest = min(sizes)
    if smallest * px_per_pt(width_pt) >= MIN_TEXT_PX:
        return
    if fig.get_layout_engine() is not None:  # laid out again when drawn: narrower is safe
        wanted = smallest * PHONE_COLUMN_PX / MIN_TEXT_PX
        factor = max(wanted / width_pt, MIN_SHRINK)
        fig.set_size_inches(fig.get_figwidth() * factor, fig.get_figheight() * factor)
        width_pt *= factor
    floor = MIN_TEXT_PX / px_per_pt(width_pt)  # points
    for text, k in texts:
        if text.get_fontsize() * k < floor:
            text.set_fontsize(floor / k)
    for axis, size, k in ticks:
        if size * k < floor:
            axis.set_tick_params(which="both", labelsize=floor / k)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


# --- shared by the figure modules ------------------------------------------------------------

MAX_INCHES = 100.0
"""The largest side of a figure, in inches (a larger one is a mistake, and costly to draw)."""

DRAWABLE = float(np.finfo(np.float64).max) / 1024
"""The largest magnitude of a value drawn on an axis: beyond it, the span of the axis (and
its margins) would leave the float range."""


def check_figsize(figsize: Any, name: str = "figsize") -> tuple[float, float]:
    """``figsize`` as (width, height): two positive finite numbers of inches, at most
    ``MAX_INCHES``.

    Examples:
        >>> check_figsize((6.4, 3))
        (6.4, 3.0)
    """
    rule = f"a pair (width, height) of positive numbers of inches, at most {MAX_INCHES:g}"
    try:
        values = [float(v) for v in figsize]  # type: ignore[union-attr]
    except (TypeError, ValueError):
        raise error(name, rule, figsize, TypeError) from None
    if (
        isinstance(figsize, str)
        or any(isinstance(v, bool | np.bool_) for v in figsize)
        or len(values) != 2
    ):
        raise error(name, rule, figsize, TypeError if isinstance(figsize, str) else ValueError)
    if not all(np.isfinite(v) and 0 < v <= MAX_INCHES for v in values):
        raise error(name, rule, figsize)
    return values[0], values[1]


def check_drawable(values: Any, name: str) -> Any:
    """Raise ``ValueError`` unless the float array ``values`` is finite and no larger in
    magnitude than ``DRAWABLE``; return it unchanged.

    Examples:
        >>> check_drawable(np.array([1.0, -2.0]), "X").tolist()
        [1.0, -2.0]
    """
    check_finite(values, name)
    if values.size and float(np.max(np.abs(values))) > DRAWABLE:
        rule = f"within ±{DRAWABLE:.3g}, so that the span of the axes stays within the float range"
        raise error(name, rule, values)
    return values


def target_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """``ax`` after checking it, or the axes of a new ``figsize`` figure (call in ``style()``)."""
    if ax is None:
        _, new = new_figure(figsize=figsize)
        return new
    return check_type(ax, "ax", Axes, "a matplotlib Axes or None")


def figure_of(ax: Axes) -> Figure:
    """The figure that holds ``ax``: what every plotting function returns."""
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    return figure
