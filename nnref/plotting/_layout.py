"""A cheap layout for the site's most common figure: one plot in a figure.

matplotlib's constrained layout measures every artist of a figure (twice) before drawing it,
which is about half of the time a figure takes. For a single axes whose only things outside
the plot area are tick labels, axis labels, a title and text annotations, the margins follow
from the font metrics of those labels alone; this engine computes them that way and gives the
same positions as constrained layout (with its default 3-point padding). Any other figure
(several axes, figure legends or titles, a legend anchored outside the plot, moved ticks or
spines, an offset text on an axis) is handed to constrained layout unchanged.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.textpath import text_to_path

PAD = 3.0
"""Padding around the figure's content in points (constrained layout's ``w_pad``/``h_pad``)."""


@cache
def _font_line(family: tuple[str, ...], size: float) -> tuple[float, float]:
    """The minimum ascent and descent of a line of text, in points (the font's OS/2 metrics)."""
    font = get_font(findfont(FontProperties(family=list(family), size=size)))
    table = font.get_sfnt_table("OS/2")
    scale = size / font.get_sfnt_table("head")["unitsPerEm"]
    return table["sTypoAscender"] * scale, -table["sTypoDescender"] * scale


def _extent(text: str, prop: FontProperties) -> tuple[float, float, float]:
    """Width, ascent and descent in points of one line of text, as matplotlib lays it out."""
    if "\n" in text:
        raise _Unsupported
    ismath = text.count("$") >= 2 and bool(mpl.rcParams["text.parse_math"])
    width, height, descent = text_to_path.get_text_width_height_descent(text, prop, ismath=ismath)
    ascent, low = _font_line(tuple(prop.get_family()), prop.get_size_in_points())
    return float(width), max(float(height - descent), ascent), max(float(descent), low)


def _tick_style(axis: Axis, name: str) -> tuple[float, FontProperties]:
    """How far tick labels sit from the spine (points), and their font."""
    rc = mpl.rcParams
    params = {
        "size": rc[f"{name}tick.major.size"],
        "pad": rc[f"{name}tick.major.pad"],
        "direction": rc[f"{name}tick.direction"],
        "labelsize": rc[f"{name}tick.labelsize"],
        **axis.get_tick_params(which="major"),
    }
    outside = params["size"] if params["direction"] in ("out", "inout") else 0.0
    prop = FontProperties(family=rc["font.family"], size=params["labelsize"])
    return float(params["pad"]) + float(outside), prop


class _Unsupported(Exception):
    """An offset text on an axis ("1e−3"), or a label of several lines: leave the figure to
    constrained layout."""


def _tick_labels(axis: Axis) -> list[tuple[float, str]]:
    """(position along the axis from 0 to 1, label) of every labelled tick in view."""
    lo, hi = axis.get_view_interval()
    transform = axis.get_transform()
    a, b = transform.transform([lo, hi])
    found = []
    for locator, formatter in (
        (axis.get_major_locator(), axis.get_major_formatter()),
        (axis.get_minor_locator(), axis.get_minor_formatter()),
    ):
        locs = [float(v) for v in locator() if min(lo, hi) <= v <= max(lo, hi)]
        labels = formatter.format_ticks(locs)
        if getattr(formatter, "get_offset", lambda: "")():
            raise _Unsupported
        at = (transform.transform(locs) - a) / (b - a) if locs else []
        found += [(float(f), s) for f, s in zip(at, labels, strict=True) if s]
    return found


def _plain(ax: Axes, fig: Figure) -> bool:
    """True when the margins follow from tick labels, axis labels, title and texts alone."""
    if len(fig.axes) != 1 or fig.legends or fig.texts or ax.child_axes:
        return False
    if ax.axison and ax.get_aspect() != "auto":  # constrained layout re-centres such plots
        return False
    if fig.get_suptitle() or fig.get_supxlabel() or fig.get_supylabel():
        return False
    legend = ax.get_legend()
    if legend is not None and legend.get_bbox_to_anchor() is not ax.bbox:
        return False
    if ax.get_title(loc="left") or ax.get_title(loc="right"):
        return False
    spines_moved = any(s.get_position() != ("outward", 0.0) for s in ax.spines.values())
    ticks_moved = ax.xaxis.get_ticks_position() not in ("bottom", "default") or (
        ax.yaxis.get_ticks_position() not in ("left", "default")
    )
    labels_moved = (
        ax.xaxis.get_label_position() != "bottom" or ax.yaxis.get_label_position() != "left"
    )
    rotated = any(
        axis.get_tick_params(which="major").get("labelrotation", 0) for axis in (ax.xaxis, ax.yaxis)
    )
    return not (spines_moved or ticks_moved or labels_moved or rotated)


class FastLayout(ConstrainedLayoutEngine):
    """Constrained layout's result for a single plot, from font metrics instead of drawing.

    Used by [`new_figure`][nnref.plotting.new_figure] with ``layout="fast"`` (its default).
    """

    def execute(self, fig: Any) -> None:
        if not self.place(fig):
            super().execute(fig)

    def place(self, fig: Any) -> bool:
        """Set the plot's position if the figure is one plain plot; False if it is not.

        After ``place`` the figure needs no layout at all when drawn, which spares
        matplotlib's extra layout pass over the whole figure before it saves.
        """
        if len(fig.axes) != 1 or not _plain(fig.axes[0], fig):
            return False
        ax = fig.axes[0]
        width, height = (float(v) * 72 for v in fig.get_size_inches())
        margins = {"left": PAD, "right": PAD, "bottom": PAD, "top": PAD}
        for _ in range(2):  # the number of ticks depends on the plot's size: settle it
            try:
                margins = self._margins(ax, width, height, margins, 72 / fig.dpi)
            except _Unsupported:
                return False
            ax.set_position(
                [
                    margins["left"] / width,
                    margins["bottom"] / height,
                    1 - (margins["left"] + margins["right"]) / width,
                    1 - (margins["bottom"] + margins["top"]) / height,
                ]
            )
            ax.set_in_layout(True)  # set_position opts the axes out of layout engines
        return True

    @staticmethod
    def _margins(
        ax: Axes, width: float, height: float, previous: dict[str, float], points: float
    ) -> dict[str, float]:
        """Room, in points, for everything outside the plot area on each side."""
        out = {"left": 0.0, "right": 0.0, "bottom": 0.0, "top": 0.0}
        plot_w = width - previous["left"] - previous["right"]
        plot_h = height - previous["bottom"] - previous["top"]
        if ax.axison:
            gap, prop = _tick_style(ax.yaxis, "y")
            labels = (
                _tick_labels(ax.yaxis) if ax.yaxis.get_tick_params().get("labelleft", True) else []
            )
            widest = 0.0
            for at, text in labels:
                w, a, d = _extent(text, prop)
                widest = max(widest, w)
                # Labels are centred on their tick (centre of the part above the baseline).
                out["top"] = max(out["top"], a / 2 - (1 - at) * plot_h)
                out["bottom"] = max(out["bottom"], a / 2 + d - at * plot_h)
            out["left"] = gap + widest if labels else 0.0
            if ax.get_ylabel():
                _, a, d = _extent(ax.get_ylabel(), ax.yaxis.label.get_fontproperties())
                out["left"] += ax.yaxis.labelpad + a + d
            gap, prop = _tick_style(ax.xaxis, "x")
            labels = (
                _tick_labels(ax.xaxis)
                if ax.xaxis.get_tick_params().get("labelbottom", True)
                else []
            )
            tallest = 0.0
            for at, text in labels:
                w, a, d = _extent(text, prop)
                tallest = max(tallest, a + d)
                out["left"] = max(out["left"], w / 2 - at * plot_w)
                out["right"] = max(out["right"], w / 2 - (1 - at) * plot_w)
            below = gap + tallest if labels else 0.0
            if ax.get_xlabel():
                _, a, d = _extent(ax.get_xlabel(), ax.xaxis.label.get_fontproperties())
                below += ax.xaxis.labelpad + a + d
            out["bottom"] = max(out["bottom"], below)
        if ax.get_title():  # with the default padding, standing on its baseline
            _, a, _ = _extent(ax.get_title(), ax.title.get_fontproperties())
            out["top"] = max(out["top"], mpl.rcParams["axes.titlepad"] + a)
        for text in ax.texts:  # annotations may reach past the plot area
            if text.get_visible() and text.get_text():
                box, plot = text.get_window_extent(), ax.bbox  # in pixels
                out["left"] = max(out["left"], (plot.x0 - box.x0) * points)
                out["right"] = max(out["right"], (box.x1 - plot.x1) * points)
                out["bottom"] = max(out["bottom"], (plot.y0 - box.y0) * points)
                out["top"] = max(out["top"], (box.y1 - plot.y1) * points)
        return {side: PAD + max(room, 0.0) for side, room in out.items()}
