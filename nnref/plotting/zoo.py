"""Small node diagrams of whole networks, in the manner of the "neural network zoo" charts.

[`zoo_diagram`][nnref.plotting.zoo.zoo_diagram] draws any model of the library as columns of
cells joined by their connections, with the kind of each cell (input, hidden, output,
recurrent, memory cell, kernel, ...) shown by its colour and shape, as Fjodor van Veen's
chart of network types does (van Veen, 2016; van Veen & Leijnen, 2019). Everything is read
from the model object: the number of cells per layer (capped, with an ellipsis), which
feedback connections exist, whether weights are trained or fixed at random.
[`zoo_legend`][nnref.plotting.zoo.zoo_legend] draws the key.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, RegularPolygon

from nnref._validation import check_positive_int, check_str, error
from nnref.plotting.figure import INK, PALETTE, figure_of, style, target_axes

__all__ = ["CELL_KINDS", "zoo_diagram", "zoo_legend"]

CELL_KINDS: tuple[tuple[str, str, str], ...] = (
    ("input", "input cell", PALETTE[1]),
    ("backfed input", "backfed input cell", PALETTE[1]),
    ("hidden", "hidden cell", PALETTE[2]),
    ("random hidden", "hidden cell with fixed random weights", PALETTE[7]),
    ("recurrent", "recurrent cell", PALETTE[0]),
    ("memory", "memory cell (gated)", PALETTE[0]),
    ("kernel", "convolution kernel", PALETTE[4]),
    ("pool", "pooling", PALETTE[6]),
    ("output", "output cell", PALETTE[5]),
    ("match", "output that matches the input", PALETTE[3]),
)
"""The cell kinds as (key, what it is, colour). Recurrent cells carry a loop, memory cells are
squares, kernels and pooling cells are diamonds and triangles, backfed input cells have a
ring."""

_CELLS = {key: (text, colour) for key, text, colour in CELL_KINDS}


@dataclass
class _Layout:
    """Columns of cells, the connections between neighbouring columns, and extras."""

    columns: list[tuple[str, int]]  # (cell kind, number of cells)
    random: set[int] = field(default_factory=set)  # columns whose incoming weights are fixed
    self_loops: bool = False  # recurrent column: a unit feeds itself
    lateral: bool = False  # recurrent column: units feed each other
    back: tuple[int, int] | None = None  # a connection from column a back to column b
    ring: bool = False  # Hopfield: one ring of cells, every pair connected


def _dense_columns(layers: list[Any], last: str) -> tuple[list[tuple[str, int]], int]:
    """Columns of a stack of Dense (and parameter-free) layers; returns them and n_in."""
    from nnref.layers import Dense

    denses = [layer for layer in layers if isinstance(layer, Dense)]
    cols = [("hidden", d.n_out) for d in denses]
    if cols:
        cols[-1] = (last, cols[-1][1])
    return cols, (denses[0].n_in if denses else 0)


def _layout(model: Any) -> _Layout:
    from nnref.conv import AvgPool2D, Conv2D, MaxPool2D
    from nnref.network import Autoencoder, Sequential
    from nnref.recurrent import (
        GRU,
        LSTM,
        EchoStateNetwork,
        ExtremeLearningMachine,
        Hopfield,
        JordanNetwork,
        LastStep,
        RecurrentLayer,
        TimeDistributed,
    )

    if isinstance(model, Hopfield):
        return _Layout([("backfed input", model.n_units)], ring=True)
    if isinstance(model, EchoStateNetwork):
        n_out = model.W_out_.shape[1] if hasattr(model, "W_out_") else 1
        cols = [("input", model.n_in), ("random hidden", model.n_reservoir), ("output", n_out)]
        return _Layout(cols, random={1}, self_loops=True, lateral=True)
    if isinstance(model, ExtremeLearningMachine):
        if not hasattr(model, "W_in_"):
            raise error(
                "model", "a fitted ExtremeLearningMachine (its input size comes from fit)", model
            )
        cols = [
            ("input", model.W_in_.shape[0]),
            ("random hidden", model.n_hidden),
            ("output", model.W_out_.shape[1]),
        ]
        return _Layout(cols, random={1})
    if isinstance(model, JordanNetwork):
        cols = [("input", model.n_in), ("hidden", model.n_hidden), ("output", model.n_out)]
        return _Layout(cols, back=(2, 1))
    if isinstance(model, RecurrentLayer | LSTM | GRU):
        model = Sequential([model])
    if isinstance(model, Sequential):
        layers = list(model.layers)
        first = layers[0]
        if isinstance(first, RecurrentLayer | LSTM | GRU):
            kind = "recurrent" if isinstance(first, RecurrentLayer) else "memory"
            rest = [
                layer.layer if isinstance(layer, TimeDistributed) else layer
                for layer in layers[1:]
                if not isinstance(layer, LastStep)
            ]
            head, _ = _dense_columns(rest, "output")
            cols = [("input", first.n_in), (kind, first.n_hidden), *head]
            if not head:
                cols[-1] = (kind, first.n_hidden)
            mask = getattr(first, "mask", None)
            loops = mask is None or bool(np.any(np.diag(mask)))
            lateral = mask is None or bool(np.any(mask - np.diag(np.diag(mask))))
            return _Layout(cols, self_loops=loops, lateral=lateral)
        if any(isinstance(layer, Conv2D) for layer in layers):
            cols: list[tuple[str, int]] = []
            for layer in layers:
                if isinstance(layer, Conv2D):
                    if not cols:
                        cols.append(("input", layer.in_channels))
                    cols.append(("kernel", layer.out_channels))
                elif isinstance(layer, MaxPool2D | AvgPool2D) and cols:
                    cols.append(("pool", cols[-1][1]))
            dense, _ = _dense_columns(layers, "output")
            return _Layout(cols + dense)
        last = "match" if isinstance(model, Autoencoder) else "output"
        cols, n_in = _dense_columns(layers, last)
        if cols:
            return _Layout([("input", n_in), *cols])
    estimators = getattr(model, "estimators_", None)
    if estimators is not None:  # one-vs-rest: one output cell per class
        return _Layout([("input", len(estimators[0].weights_)), ("output", len(estimators))])
    weights = getattr(model, "weights_", None)
    if weights is not None and np.ndim(weights) == 1:  # a fitted perceptron or Adaline
        return _Layout([("input", len(weights)), ("output", 1)])
    raise error(
        "model",
        "a network of nnref (Sequential, Autoencoder, a recurrent layer, JordanNetwork, "
        "Hopfield, EchoStateNetwork, a fitted ExtremeLearningMachine) or a fitted "
        "single-layer model",
        model,
        TypeError,
    )


def _cell(ax: Axes, xy: tuple[float, float], kind: str, r: float = 0.26) -> None:
    colour = _CELLS[kind][1]
    kw = {"facecolor": colour, "edgecolor": colour, "lw": 1.2, "zorder": 3, "alpha": 0.9}
    if kind == "memory":
        ax.add_patch(RegularPolygon(xy, 4, radius=r * 1.25, orientation=math.pi / 4, **kw))
    elif kind == "kernel":
        ax.add_patch(RegularPolygon(xy, 4, radius=r * 1.2, **kw))
    elif kind == "pool":
        ax.add_patch(RegularPolygon(xy, 3, radius=r * 1.25, **kw))
    else:
        ax.add_patch(Circle(xy, r, **kw))
    if kind == "backfed input":
        ax.add_patch(Circle(xy, r * 1.45, facecolor="none", edgecolor=PALETTE[0], lw=1.4, zorder=3))


def _ys(n: int) -> list[float]:
    return [0.8 * ((n - 1) / 2 - k) for k in range(n)]


def zoo_diagram(
    model: Any, ax: Axes | None = None, max_units: int = 4, title: str | None = None
) -> Figure:
    """Draw a model as a small chart of cells, in the style of the neural network zoo.

    Columns are layers, input on the left; each cell's colour and shape give its kind
    ([`CELL_KINDS`][nnref.plotting.zoo.CELL_KINDS]); lines are the connections between
    neighbouring layers, dashed where the weights are random and never trained (echo state
    network, extreme learning machine). Recurrent cells carry a small loop when a unit feeds
    itself and arcs between them when units of the layer feed each other (read from the
    feedback mask); a Jordan network's output feeds back to its hidden layer; a Hopfield
    network is a ring of cells with every pair connected and no self-loops.

    Args:
        model: A [`Sequential`][nnref.network.Sequential] network (dense, convolutional or
            recurrent layers; an [`Autoencoder`][nnref.network.Autoencoder]), a recurrent layer,
            a [`JordanNetwork`][nnref.recurrent.JordanNetwork], a
            [`Hopfield`][nnref.recurrent.Hopfield] network, an
            [`EchoStateNetwork`][nnref.recurrent.EchoStateNetwork], a fitted
            [`ExtremeLearningMachine`][nnref.recurrent.ExtremeLearningMachine], or a fitted
            single-layer model (perceptron, Adaline, one-vs-rest).
        ax: Axes to draw on; by default a new figure is made.
        max_units: Larger layers are drawn with this many cells and an ellipsis.
        title: A caption above the chart.

    Returns:
        The figure that holds the axes.

    Examples:
        >>> from nnref.network import mlp
        >>> fig = zoo_diagram(mlp([3, 4, 4, 2], rng=0), title="deep feed-forward")
        >>> len(fig.axes[0].patches)  # 3 + 4 + 4 + 2 cells
        13
    """
    layout = _layout(model)
    cap = check_positive_int(max_units, "max_units")
    check_str(title, "title", optional=True)
    with style():
        if ax is None:
            fig = Figure()
            target = fig.add_axes((0.0, 0.0, 1.0, 1.0))
        else:
            target = target_axes(ax, (2.6, 2.0))
        _draw(target, layout, cap)
        if title:
            (x0, x1), (y0, y1) = target.get_xlim(), target.get_ylim()
            target.text((x0 + x1) / 2, y1, title, ha="center", va="bottom", fontsize=10)
            target.set_ylim(y0, y1 + 0.45)
        if ax is None:  # one scale for every chart: a cell has the same size in each
            (x0, x1), (y0, y1) = target.get_xlim(), target.get_ylim()
            fig.set_size_inches((x1 - x0) * _INCH_PER_UNIT, (y1 - y0) * _INCH_PER_UNIT)
    return figure_of(target)


_INCH_PER_UNIT = 0.45


def _draw(ax: Axes, layout: _Layout, cap: int) -> None:
    ax.set_axis_off()
    ax.set_aspect("equal")
    r = 0.26
    if layout.ring:
        _draw_ring(ax, layout.columns[0][1], cap + 2, r)
        return
    shown = [min(n, cap) for _, n in layout.columns]
    xs = [1.5 * k for k in range(len(shown))]
    solid, dashed = [], []
    for k in range(len(shown) - 1):
        for y0 in _ys(shown[k]):
            for y1 in _ys(shown[k + 1]):
                segment = [(xs[k] + r, y0), (xs[k + 1] - r, y1)]
                (dashed if k + 1 in layout.random else solid).append(segment)
    for segments, ls in ((solid, "-"), (dashed, (0, (2, 2)))):
        if segments:
            ax.add_collection(
                LineCollection(
                    segments, colors=INK, linewidths=0.7, alpha=0.45, linestyles=ls, zorder=1
                )
            )
    for k, ((kind, n), m) in enumerate(zip(layout.columns, shown, strict=True)):
        ys = _ys(m)
        for y in ys:
            _cell(ax, (xs[k], y), kind, r)
        if n > m:
            ax.text(xs[k], ys[-1] - 0.55, "⋮", ha="center", va="center", fontsize=10)
        if kind in ("recurrent", "random hidden") and (layout.self_loops or layout.lateral):
            _recurrence(ax, xs[k], ys, r, layout.self_loops, layout.lateral)
    if layout.back is not None:
        a, b = layout.back
        top = max(_ys(shown[a])[0], _ys(shown[b])[0]) + r
        ax.add_patch(
            FancyArrowPatch(
                (xs[a], top + 0.05),
                (xs[b], top + 0.05),
                arrowstyle="-|>",
                mutation_scale=9,
                connectionstyle="arc3,rad=0.45",
                color=PALETTE[0],
                lw=1.2,
                zorder=2,
            )
        )
    half = max(shown) * 0.4 + 0.5
    extra = 0.9 if layout.back is not None or layout.self_loops else 0.4
    ax.set_xlim(-0.55, xs[-1] + 0.55 if len(xs) > 1 else 0.55)
    ax.set_ylim(-half - 0.3, half + extra)


def _recurrence(ax: Axes, x: float, ys: list[float], r: float, loops: bool, lateral: bool):
    """A unit's loop onto itself (direct feedback) and arcs between units (lateral)."""
    if loops:
        for y in ys:
            ax.add_patch(
                Circle(
                    (x - 0.75 * r, y + 0.75 * r),
                    0.42 * r,
                    facecolor="none",
                    edgecolor=PALETTE[0],
                    lw=1.0,
                    zorder=2,
                )
            )
    if lateral:
        for y0, y1 in zip(ys[:-1], ys[1:], strict=True):
            ax.add_patch(
                FancyArrowPatch(
                    (x + r, y0),
                    (x + r, y1),
                    arrowstyle="<|-|>",
                    mutation_scale=6,
                    connectionstyle="arc3,rad=-0.6",
                    color=PALETTE[0],
                    lw=0.9,
                    zorder=2,
                )
            )


def _draw_ring(ax: Axes, n: int, cap: int, r: float) -> None:
    m = min(n, cap)
    angles = np.pi / 2 - 2 * np.pi * np.arange(m) / m
    pts = [(1.1 * math.cos(a), 1.1 * math.sin(a)) for a in angles]
    segs = [[pts[i], pts[j]] for i in range(m) for j in range(i + 1, m)]
    ax.add_collection(LineCollection(segs, colors=INK, linewidths=0.7, alpha=0.45, zorder=1))
    for p in pts:
        _cell(ax, p, "backfed input", r)
    if n > m:
        ax.text(0, 0, f"{n} cells", ha="center", va="center", fontsize=8)
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.6, 1.6)


def zoo_legend(kinds: list[str] | None = None) -> Figure:
    """The key to [`zoo_diagram`][nnref.plotting.zoo.zoo_diagram]: one sample of each cell kind.

    Args:
        kinds: The kinds to show (the keys of
            [`CELL_KINDS`][nnref.plotting.zoo.CELL_KINDS]); default all.

    Returns:
        The figure.

    Examples:
        >>> fig = zoo_legend(["input", "hidden", "output"])
        >>> [t.get_text() for t in fig.axes[0].texts]
        ['input cell', 'hidden cell', 'output cell']
    """
    if kinds is not None and (isinstance(kinds, str) or not isinstance(kinds, Sequence)):
        raise error("kinds", f"a list of names from {sorted(_CELLS)} or None", kinds, TypeError)
    names = list(_CELLS) if kinds is None else list(kinds)
    unknown = [k for k in names if not isinstance(k, str) or k not in _CELLS]
    if unknown or not names:
        raise error("kinds", f"names from {sorted(_CELLS)}", kinds)
    per_col = math.ceil(len(names) / 2)
    with style():
        target = target_axes(None, (6.4, 0.45 * per_col + 0.2))
        target.set_axis_off()
        target.set_aspect("equal")
        for k, kind in enumerate(names):
            col, row = divmod(k, per_col)
            x, y = col * 6.0, -row * 0.8
            _cell(target, (x, y), kind, 0.22)
            target.text(x + 0.55, y, _CELLS[kind][0], ha="left", va="center", fontsize=10)
        target.set_xlim(-0.5, 12.0)
        target.set_ylim(-0.8 * (per_col - 1) - 0.5, 0.5)
    return figure_of(target)
