"""Figures for the glossary, and the one helper that turns a figure into inline SVG.

Every figure on the site is drawn here from library objects and embedded with
[`figure_to_svg`][nnref.plotting.figure_to_svg], which makes it

* **readable in light and dark mode**: text, axes and grid are drawn in ``currentColor``, so
  they take the colour of the surrounding page text; backgrounds are transparent and the data
  colours ([`PALETTE`][nnref.plotting.PALETTE]) are mid-tones that read on white and on slate;
* **reproducible**: a fixed hash salt per figure and no date metadata give identical bytes on
  every build;
* **self-contained**: no XML header, and matplotlib's stylesheet is scoped to the figure so it
  cannot restyle the page.

Needs matplotlib (``pip install "nnref[plot]"``). Figures are plain
``matplotlib.figure.Figure`` objects, never pyplot state.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

try:
    import matplotlib as mpl
    from matplotlib.axes import Axes
    from matplotlib.colors import to_rgba
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch
    from matplotlib.text import Text
except ImportError as exc:  # pragma: no cover - exercised only without matplotlib
    raise ImportError(
        'nnref.plotting needs matplotlib; install it with: pip install "nnref[plot]"'
    ) from exc

from nnref._validation import as_float_array, error
from nnref.neuron import Neuron, NeuronTrace

__all__ = [
    "PALETTE",
    "cost_contour",
    "decision_regions",
    "figure_to_svg",
    "layer_curves",
    "model_diagram",
    "network_diagram",
    "neuron_diagram",
    "new_figure",
    "regression_fit",
    "scatter_classes",
    "style",
    "training_curve",
]

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

# Drawn in this colour, replaced by ``currentColor`` in the SVG text. Never a data colour.
_INK = "#0a0b0c"

_RC: dict[str, Any] = {
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
    "savefig.edgecolor": "none",
    "savefig.transparent": True,
    "text.color": _INK,
    "axes.edgecolor": _INK,
    "axes.labelcolor": _INK,
    "axes.titlecolor": _INK,
    "xtick.color": _INK,
    "ytick.color": _INK,
    "grid.color": _INK,
    "grid.alpha": 0.18,
    "legend.frameon": False,
    "legend.labelcolor": _INK,
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
    figsize: tuple[float, float] = (6.4, 3.6), nrows: int = 1, ncols: int = 1, **kwargs: Any
) -> tuple[Figure, Any]:
    """A new ``Figure`` and its axes, styled for the site.

    Args:
        figsize: Width and height in inches.
        nrows: Rows of subplots.
        ncols: Columns of subplots.
        **kwargs: Passed on to ``Figure.subplots``.

    Returns:
        ``(fig, axes)`` as from ``Figure.subplots``.

    Examples:
        >>> fig, ax = new_figure()
        >>> ax.get_xaxis().get_label().get_color()
        '#0a0b0c'
    """
    with style():
        fig = Figure(figsize=figsize, layout="constrained")
        axes = fig.subplots(nrows, ncols, **kwargs)
    return fig, axes


def figure_to_svg(fig: Figure, figure_id: str, title: str | None = None) -> str:
    """Render ``fig`` as an inline ``<svg>`` element for an HTML page.

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
    # Text created outside ``style()`` defaults to black, which the SVG writes as no fill at
    # all (invisible on the dark palette): give it the page's ink like the rest.
    for text in fig.findobj(Text):
        if to_rgba(text.get_color()) == (0.0, 0.0, 0.0, 1.0):
            text.set_color(_INK)
    for legend in fig.findobj(Legend):  # a default legend frame is opaque white
        legend.get_frame().set(facecolor="none", edgecolor="none")
    buffer = io.StringIO()
    with mpl.rc_context({**_RC, "svg.hashsalt": figure_id}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :].rstrip() + "\n"
    # Text, axes and any plain black drawn outside ``style()`` follow the page's text colour.
    svg = svg.replace(_INK, "currentColor").replace("#000000", "currentColor")
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


def _node(ax: Axes, xy: tuple[float, float], label: str, color: str, r: float = 0.32) -> None:
    ax.add_patch(Circle(xy, r, facecolor="none", edgecolor=color, linewidth=2))
    ax.text(*xy, label, ha="center", va="center", fontsize=12)


def _arrow(
    ax: Axes, start: tuple[float, float], end: tuple[float, float], width: float,
    color: str = _INK,
) -> None:
    ax.add_patch(
        FancyArrowPatch(
            start, end, arrowstyle="-|>", mutation_scale=14, linewidth=width, color=color
        )
    )


def neuron_diagram(
    neuron: Neuron, x: ArrayLike | None = None, input_names: Sequence[str] | None = None
) -> Figure:
    """Draw a neuron's three stages, its weights and (optionally) the values for one input.

    Arrows are as thick as the weights are large; the body shows the propagation function
    $\\Sigma$, the activation function and the output function in order.

    Args:
        neuron: The neuron to draw.
        x: One sample to annotate with its values (inputs, net input, activity, output).
        input_names: Labels of the inputs; default $x_1, x_2, \\dots$.

    Returns:
        The figure (embed it with [`figure_to_svg`][nnref.plotting.figure_to_svg]).

    Examples:
        >>> fig = neuron_diagram(Neuron([0.3, 0.7]), x=[0.5, 0.8])
        >>> len(fig.axes)
        1
    """
    if not isinstance(neuron, Neuron):
        raise error("neuron", "a Neuron", neuron, TypeError)
    n = neuron.n_inputs
    names = list(input_names) if input_names is not None else [f"$x_{i + 1}$" for i in range(n)]
    if len(names) != n:
        raise error("input_names", f"{n} label(s), one per input", names)
    trace = neuron.trace(as_float_array(x, "x")) if x is not None else None

    with style():
        return _draw_neuron(neuron, names, trace)


def _draw_neuron(neuron: Neuron, names: list[str], trace: NeuronTrace | None) -> Figure:
    n = neuron.n_inputs
    height = max(n + 1, 3)
    fig, ax = new_figure(figsize=(7.2, 0.9 + 0.75 * height))
    ax.set_axis_off()
    ax.set_aspect("equal")
    ys = np.linspace(height - 1, 0, n + 1)  # inputs, then the bias input x0 = 1
    body_y = (height - 1) / 2
    body = (3.3, body_y - 0.55, 4.2, 1.1)  # x, y, width, height of the neuron's body
    ax.add_patch(
        FancyBboxPatch(
            body[:2], body[2], body[3], boxstyle="round,pad=0.08,rounding_size=0.5",
            facecolor="none", edgecolor=PALETTE[0], linewidth=2.2,
        )
    )
    stage_x = [body[0] + body[2] * f for f in (1 / 6, 3 / 6, 5 / 6)]
    for sx in (body[0] + body[2] / 3, body[0] + 2 * body[2] / 3):
        ax.plot([sx, sx], [body[1] + 0.12, body[1] + body[3] - 0.12], color=PALETTE[0], lw=1)
    labels = [r"$\Sigma$", neuron.activation.key, neuron.output.key]
    values = (
        [trace.net_input, trace.activity, trace.output] if trace is not None else [None] * 3
    )
    for sx, label, value, symbol in zip(stage_x, labels, values, "zao", strict=True):
        ax.text(sx, body_y + 0.14, label, ha="center", va="center", fontsize=12)
        text = f"${symbol}$" if value is None else f"${symbol} = {float(value):.3g}$"
        ax.text(sx, body_y - 0.26, text, ha="center", va="center", fontsize=10)

    weights = [*neuron.weights.tolist(), neuron.bias]
    scale = max(max(abs(w) for w in weights), 1e-12)
    for i, (y, w) in enumerate(zip(ys, weights, strict=True)):
        is_bias = i == n
        label = "1" if is_bias else names[i]
        _node(ax, (0.4, y), label, PALETTE[1] if is_bias else PALETTE[2])
        if trace is not None and not is_bias:
            ax.text(-0.1, y, f"{float(trace.inputs[i]):.3g}", ha="right", va="center")
        start, end = (0.75, y), (body[0] - 0.05, body_y)
        color = PALETTE[3] if w < 0 else _INK  # negative weights in red, as in network_diagram
        _arrow(ax, start, end, 0.6 + 2.4 * abs(w) / scale, color)
        wlabel = f"$b = {w:.3g}$" if is_bias else f"$w_{i + 1} = {w:.3g}$"
        # Label a quarter of the way along the arrow, lifted off the line.
        lx = start[0] + 0.25 * (end[0] - start[0])
        ly = start[1] + 0.25 * (end[1] - start[1])
        ax.text(lx, ly + 0.2, wlabel, ha="center", va="bottom", fontsize=10, color=color)
    end = body[0] + body[2] + 0.1
    _arrow(ax, (end, body_y), (end + 1.0, body_y), 1.6)
    out = "o" if trace is None else f"{float(trace.output):.3g}"
    ax.text(end + 1.1, body_y, out, ha="left", va="center", fontsize=12)
    ax.set_xlim(-0.9, end + 1.9)
    ax.set_ylim(-0.6, height - 0.4)
    return fig


def network_diagram(
    layer_sizes: Sequence[int],
    weights: Sequence[ArrayLike] | None = None,
    layer_names: Sequence[str] | None = None,
    max_neurons: int = 10,
) -> Figure:
    """Draw a fully connected feed-forward network, one column of neurons per layer.

    Args:
        layer_sizes: Neurons per layer, input layer first, e.g. ``[2, 3, 1]``.
        weights: Optional weight matrices, one per pair of adjacent layers, shape
            ``(n_in, n_out)``; line widths then follow ``|w|`` and colours the sign.
        layer_names: Labels under the columns; default input / hidden / output.
        max_neurons: Larger layers are drawn with this many neurons and an ellipsis.

    Returns:
        The figure.

    Examples:
        >>> fig = network_diagram([3, 4, 2])
        >>> len(fig.axes)
        1
    """
    sizes = [int(s) for s in layer_sizes]
    if len(sizes) < 2 or min(sizes) < 1:
        raise error("layer_sizes", "at least two positive layer sizes", list(layer_sizes))
    mats = None
    if weights is not None:
        mats = [as_float_array(w, "weights") for w in weights]
        expected = list(zip(sizes[:-1], sizes[1:], strict=True))
        if [m.shape for m in mats] != expected:
            raise error("weights", f"matrices of shapes {expected}", [m.shape for m in mats])
    if layer_names is None:
        layer_names = ["input", *(["hidden"] * (len(sizes) - 2)), "output"]
    if len(layer_names) != len(sizes):
        raise error("layer_names", f"{len(sizes)} names, one per layer", list(layer_names))
    with style():
        return _draw_network(sizes, mats, list(layer_names), max_neurons)


def _draw_network(
    sizes: list[int], mats: list[Any] | None, names: list[str], max_neurons: int
) -> Figure:
    shown = [min(s, max_neurons) for s in sizes]
    tallest = max(shown)
    fig, ax = new_figure(figsize=(1.6 + 1.7 * len(sizes), 1.0 + 0.55 * tallest))
    ax.set_axis_off()
    ax.set_aspect("equal")

    def ys(k: int) -> Any:
        return (np.arange(k)[::-1] - (k - 1) / 2) * 1.0

    scale = max((float(np.abs(m).max()) for m in mats), default=1.0) if mats else 1.0
    for layer, (k_in, k_out) in enumerate(zip(shown[:-1], shown[1:], strict=True)):
        x0, x1 = 2.0 * layer, 2.0 * (layer + 1)
        for i, y0 in enumerate(ys(k_in)):
            for j, y1 in enumerate(ys(k_out)):
                if mats is None:
                    width, color, alpha = 0.8, _INK, 0.35
                else:
                    w = float(mats[layer][i, j])
                    width = 0.3 + 3.0 * abs(w) / (scale or 1.0)
                    color, alpha = (PALETTE[0] if w >= 0 else PALETTE[3]), 0.9
                # Stop the edge at the node's rim: nodes are hollow, so a line into the
                # centre would cross the circle.
                dx, dy = x1 - x0, y1 - y0
                r = 0.28 / float(np.hypot(dx, dy))
                ax.plot([x0 + r * dx, x1 - r * dx], [y0 + r * dy, y1 - r * dy], color=color,
                        lw=width, alpha=alpha, zorder=1)
    colors = [PALETTE[2], *([PALETTE[0]] * (len(sizes) - 2)), PALETTE[1]]
    for layer, (k, size) in enumerate(zip(shown, sizes, strict=True)):
        x = 2.0 * layer
        for y in ys(k):
            ax.add_patch(Circle((x, y), 0.28, facecolor="none", edgecolor=colors[layer], lw=2,
                                zorder=2))
        bottom = -(tallest - 1) / 2 - 0.9
        label = f"{names[layer]}\n{size} neuron{'s' if size != 1 else ''}"
        ax.text(x, bottom, label, ha="center", va="top", fontsize=9)
        if size > k:
            ax.text(x, ys(k)[-1] - 0.5, "⋮", ha="center", va="center", fontsize=12)
    ax.set_xlim(-0.8, 2.0 * (len(sizes) - 1) + 0.8)
    ax.set_ylim(-(tallest - 1) / 2 - 1.8, (tallest - 1) / 2 + 0.6)
    return fig


# --------------------------------------------------------------------------------------------
# Learning: labelled points, decision regions, training curves and cost surfaces
# --------------------------------------------------------------------------------------------

_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


def _plane_points(X: ArrayLike, name: str = "X") -> Any:
    """``X`` as a finite float matrix of shape ``(n_samples, 2)``."""
    arr = as_float_array(X, name)
    if arr.ndim != 2 or arr.shape[0] == 0 or arr.shape[1] != 2:
        raise error(name, "an array of shape (n_samples, 2): points in the plane", arr)
    if not np.all(np.isfinite(arr)):
        raise error(name, "finite (no NaN or inf)", arr)
    return arr


def _labels_for(y: ArrayLike, n: int) -> Any:
    labels = np.asarray(y)
    if labels.ndim != 1 or labels.shape[0] != n:
        raise error("y", f"a 1-D array of {n} labels, one per point", labels)
    return labels


def _names_for(class_names: Sequence[str] | None, classes: Any) -> list[str]:
    if class_names is None:
        return [f"class {c}" for c in classes.tolist()]
    names = [str(n) for n in class_names] if not isinstance(class_names, str) else []
    if len(names) != classes.shape[0]:
        raise error(
            "class_names", f"{classes.shape[0]} name(s), one per class", class_names
        )
    return names


def _target_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is None:
        _, ax = new_figure(figsize=figsize)
        return ax
    if not isinstance(ax, Axes):
        raise error("ax", "a matplotlib Axes or None", ax, TypeError)
    return ax


def _scatter(ax: Axes, X: Any, index: Any, names: list[str], **kwargs: Any) -> None:
    for k, name in enumerate(names):
        mask = index == k
        if np.any(mask):
            ax.scatter(
                X[mask, 0], X[mask, 1], s=kwargs.get("s", 42),
                color=PALETTE[k % len(PALETTE)], marker=_MARKERS[k % len(_MARKERS)],
                edgecolors=_INK, linewidths=0.6, label=name, zorder=3,
                alpha=kwargs.get("alpha", 1.0),
            )


def scatter_classes(
    X: ArrayLike,
    y: ArrayLike,
    ax: Axes | None = None,
    class_names: Sequence[str] | None = None,
    legend: bool = True,
) -> Figure:
    """Plot labelled points in the plane, one colour and marker per class.

    Classes are the sorted distinct labels of ``y``; class $k$ gets ``PALETTE[k]`` and its own
    marker, so the classes stay distinguishable without colour too.

    Args:
        X: The points, shape ``(n_samples, 2)``.
        y: Their labels, shape ``(n_samples,)``.
        ax: Axes to draw on; by default a new figure is made.
        class_names: Legend entries, one per class in sorted order; default "class <label>".
        legend: Whether to add a legend.

    Returns:
        The figure that holds the axes.

    Examples:
        >>> fig = scatter_classes([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0])
        >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
        ['class 0', 'class 1']
    """
    points = _plane_points(X)
    labels = _labels_for(y, points.shape[0])
    classes, index = np.unique(labels, return_inverse=True)
    names = _names_for(class_names, classes)
    if not isinstance(legend, bool | np.bool_):
        raise error("legend", "True or False", legend, TypeError)
    with style():
        target = _target_axes(ax, (4.8, 4.0))
        _scatter(target, points, index, names)
        target.set_xlabel("$x_1$")
        target.set_ylabel("$x_2$")
        if legend:
            target.legend(fontsize=9)
    figure = target.get_figure()
    assert isinstance(figure, Figure)
    return figure


def decision_regions(
    model: Any,
    X: ArrayLike,
    y: ArrayLike,
    ax: Axes | None = None,
    resolution: int = 200,
    padding: float = 0.5,
    class_names: Sequence[str] | None = None,
    legend: bool = True,
) -> Figure:
    """Shade the plane by the class a model predicts, and plot the labelled points on top.

    The model is asked for the class of every point of a ``resolution`` × ``resolution`` grid
    covering the data (plus ``padding`` on every side); each class's region is shaded in its
    colour and the borders between regions, the **decision boundaries**, are drawn as lines.
    Any object with a ``predict(X)`` method works: a
    [`Perceptron`][nnref.linear.Perceptron], a one-vs-rest model, or a hand-written
    classifier.

    Args:
        model: A fitted model with ``predict(X)``; ``X`` has shape ``(n, 2)`` and the answer
            shape ``(n,)``.
        X: The points to plot, shape ``(n_samples, 2)``.
        y: Their labels, shape ``(n_samples,)``.
        ax: Axes to draw on; by default a new figure is made.
        resolution: Grid points per axis, an int from 2 to 2000.
        padding: Margin around the data, in data units, at least 0.
        class_names: Legend entries, one per class (the sorted labels of ``y`` and of the
            predictions); default "class <label>".
        legend: Whether to add a legend of the points.

    Returns:
        The figure that holds the axes.

    Examples:
        >>> from nnref.linear import Perceptron
        >>> X, y = [[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1]
        >>> fig = decision_regions(Perceptron(epochs=6).fit(X, y), X, y, resolution=50)
        >>> ax = fig.axes[0]
        >>> [float(v) for v in ax.get_xlim()]  # the data plus the padding
        [-0.5, 1.5]
        >>> [t.get_text() for t in ax.get_legend().get_texts()]
        ['class 0', 'class 1']
    """
    predict = getattr(model, "predict", None)
    if not callable(predict):
        raise error("model", "a fitted model with a predict(X) method", model, TypeError)
    points = _plane_points(X)
    labels = _labels_for(y, points.shape[0])
    if isinstance(resolution, bool) or not isinstance(resolution, int | np.integer):
        raise error("resolution", "an int from 2 to 2000", resolution, TypeError)
    if not 2 <= resolution <= 2000:
        raise error("resolution", "an int from 2 to 2000", resolution)
    if isinstance(padding, bool) or not isinstance(padding, int | float | np.floating):
        raise error("padding", "a non-negative real number", padding, TypeError)
    if not (np.isfinite(padding) and padding >= 0):
        raise error("padding", "a non-negative real number", padding)
    if not isinstance(legend, bool | np.bool_):
        raise error("legend", "True or False", legend, TypeError)

    lo, hi = points.min(axis=0) - padding, points.max(axis=0) + padding
    hi = np.where(hi > lo, hi, lo + 1.0)  # a single point still gets a visible square
    g1, g2 = np.meshgrid(
        np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution)
    )
    grid = np.column_stack([g1.ravel(), g2.ravel()])
    predicted = np.asarray(predict(grid))
    if predicted.shape != (grid.shape[0],):
        raise ValueError(
            f"model.predict must return one label per point, shape ({grid.shape[0]},), got an "
            f"array of shape {predicted.shape}"
        )
    classes = np.unique(np.concatenate([labels, predicted]))
    names = _names_for(class_names, classes)
    region = np.searchsorted(classes, predicted).reshape(g1.shape)
    index = np.searchsorted(classes, labels)

    with style():
        target = _target_axes(ax, (4.8, 4.0))
        k = classes.shape[0]
        colors = [PALETTE[i % len(PALETTE)] for i in range(k)]
        target.contourf(
            g1, g2, region, levels=np.arange(k + 1) - 0.5, colors=colors, alpha=0.22,
            antialiased=True,
        )
        for i in range(k):
            inside = (region == i).astype(float)
            if 0 < inside.sum() < inside.size:
                target.contour(g1, g2, inside, levels=[0.5], colors=[_INK], linewidths=1.2)
        _scatter(target, points, index, names)
        target.set_xlim(float(lo[0]), float(hi[0]))
        target.set_ylim(float(lo[1]), float(hi[1]))
        target.set_xlabel("$x_1$")
        target.set_ylabel("$x_2$")
        target.grid(False)
        if legend:
            target.legend(fontsize=9, loc="best")
    figure = target.get_figure()
    assert isinstance(figure, Figure)
    return figure


def training_curve(
    values: ArrayLike,
    ax: Axes | None = None,
    label: str | None = None,
    ylabel: str = "cost",
    logy: bool = False,
    color: str | None = None,
) -> Figure:
    """Plot one number per epoch (a cost, an error count, an accuracy) against the epoch.

    Epochs are counted from 1. Call it again with the same ``ax`` to compare several runs; a
    ``label`` adds the curve to the legend. Integer-valued series (such as a perceptron's
    ``errors_``) get integer ticks.

    Args:
        values: One finite value per epoch, shape ``(n_epochs,)``.
        ax: Axes to draw on; by default a new figure is made.
        label: Legend entry of this curve.
        ylabel: Label of the vertical axis.
        logy: Use a logarithmic vertical axis (all values must then be positive).
        color: Line colour; by default the next colour of [`PALETTE`][nnref.plotting.PALETTE].

    Returns:
        The figure that holds the axes.

    Examples:
        >>> fig = training_curve([3, 2, 2, 1, 0], ylabel="errors")
        >>> line = fig.axes[0].get_lines()[0]
        >>> line.get_xdata().tolist(), line.get_ydata().tolist()
        ([1, 2, 3, 4, 5], [3.0, 2.0, 2.0, 1.0, 0.0])
    """
    series = as_float_array(values, "values")
    if series.ndim != 1 or series.shape[0] == 0:
        raise error("values", "a non-empty 1-D array, one value per epoch", series)
    if not np.all(np.isfinite(series)):
        raise error("values", "finite (no NaN or inf)", series)
    if not isinstance(logy, bool | np.bool_):
        raise error("logy", "True or False", logy, TypeError)
    if logy and not np.all(series > 0):
        raise error("values", "positive for a logarithmic axis (logy=True)", series)
    if label is not None and not isinstance(label, str):
        raise error("label", "a string or None", label, TypeError)
    if not isinstance(ylabel, str):
        raise error("ylabel", "a string", ylabel, TypeError)
    if color is not None:
        try:
            to_rgba(color)
        except (TypeError, ValueError):
            raise error("color", "a matplotlib colour or None", color) from None
    from matplotlib.ticker import MaxNLocator

    epochs = np.arange(1, series.shape[0] + 1)
    with style():
        target = _target_axes(ax, (6.4, 3.2))
        target.plot(
            epochs, series, label=label, color=color,
            marker="o" if series.shape[0] <= 40 else None, markersize=4,
        )
        if logy:
            target.set_yscale("log")
        if np.all(series == np.round(series)):
            target.yaxis.set_major_locator(MaxNLocator(integer=True))
        target.xaxis.set_major_locator(MaxNLocator(integer=True))
        target.set_xlabel("epoch")
        target.set_ylabel(ylabel)
        if label is not None:
            target.legend(fontsize=9)
    figure = target.get_figure()
    assert isinstance(figure, Figure)
    return figure


def cost_contour(
    cost: Any,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    path: ArrayLike | None = None,
    ax: Axes | None = None,
    resolution: int = 121,
    levels: int | Sequence[float] = 12,
    labels: tuple[str, str] = ("$w_1$", "$w_2$"),
) -> Figure:
    """Contour lines of a cost over two parameters, with an optional descent path on top.

    Args:
        cost: A function that takes points of shape ``(n, 2)`` (pairs of parameter values)
            and returns their costs, shape ``(n,)``.
        xlim: ``(low, high)`` range of the first parameter.
        ylim: ``(low, high)`` range of the second parameter.
        path: The parameters after each step of a descent, shape ``(n_steps, 2)``; drawn as a
            line of dots from a ring (the start) to a star (the end).
        ax: Axes to draw on; by default a new figure is made.
        resolution: Grid points per axis, an int from 2 to 1000.
        levels: The number of contour lines (spaced quadratically between the smallest and
            the largest cost on the grid, so more of them circle the minimum), or the
            increasing cost values to draw.
        labels: Axis labels of the two parameters.

    Returns:
        The figure that holds the axes.

    Examples:
        >>> bowl = lambda w: (w ** 2).sum(axis=1)
        >>> fig = cost_contour(bowl, (-1, 1), (-1, 1), path=[[0.8, 0.6], [0.4, 0.3], [0, 0]])
        >>> fig.axes[0].get_lines()[0].get_xdata().tolist()
        [0.8, 0.4, 0.0]
    """
    if not callable(cost):
        raise error("cost", "a function of points of shape (n, 2)", cost, TypeError)
    bounds = []
    for name, lim in (("xlim", xlim), ("ylim", ylim)):
        arr = as_float_array(lim, name)
        if arr.shape != (2,) or not np.all(np.isfinite(arr)) or not arr[0] < arr[1]:
            raise error(name, "a pair (low, high) of finite numbers with low < high", lim)
        bounds.append(arr)
    if isinstance(resolution, bool) or not isinstance(resolution, int | np.integer):
        raise error("resolution", "an int from 2 to 1000", resolution, TypeError)
    if not 2 <= resolution <= 1000:
        raise error("resolution", "an int from 2 to 1000", resolution)
    steps = None
    if path is not None:
        steps = _plane_points(path, "path")
    if len(labels) != 2 or not all(isinstance(t, str) for t in labels):
        raise error("labels", "two strings (the axis labels)", labels)

    g1, g2 = np.meshgrid(
        np.linspace(*bounds[0], resolution), np.linspace(*bounds[1], resolution)
    )
    grid = np.column_stack([g1.ravel(), g2.ravel()])
    values = np.asarray(cost(grid), dtype=float)
    if values.shape != (grid.shape[0],):
        raise ValueError(
            f"cost must return one value per point, shape ({grid.shape[0]},), got an array "
            f"of shape {values.shape}"
        )
    if not np.all(np.isfinite(values)):
        raise error("cost", "finite on the whole grid", cost)
    surface = values.reshape(g1.shape)
    if isinstance(levels, int | np.integer) and not isinstance(levels, bool):
        if levels < 2:
            raise error("levels", "at least 2 contour lines", levels)
        lo, hi = float(surface.min()), float(surface.max())
        if hi == lo:
            raise error("cost", "a function that is not constant on the grid", cost)
        drawn: Any = lo + (hi - lo) * np.linspace(0.0, 1.0, int(levels) + 1)[1:] ** 2
    else:
        drawn = as_float_array(levels, "levels")
        if drawn.ndim != 1 or drawn.shape[0] == 0 or np.any(np.diff(drawn) <= 0):
            raise error("levels", "an int or a non-empty increasing sequence", levels)

    with style():
        target = _target_axes(ax, (5.0, 4.2))
        lines = target.contour(g1, g2, surface, levels=drawn, colors=[PALETTE[0]],
                               linewidths=1.0, alpha=0.75)
        target.clabel(lines, fontsize=7, fmt="%.3g")
        if steps is not None:
            target.plot(steps[:, 0], steps[:, 1], color=PALETTE[3], marker="o",
                        markersize=3.5, linewidth=1.5, zorder=3, label="descent path")
            target.plot(*steps[0], marker="o", markersize=9, markerfacecolor="none",
                        markeredgecolor=PALETTE[3], markeredgewidth=2, linestyle="none",
                        zorder=4)
            target.plot(*steps[-1], marker="*", markersize=13, color=PALETTE[1],
                        linestyle="none", zorder=4)
        target.set_xlim(float(bounds[0][0]), float(bounds[0][1]))
        target.set_ylim(float(bounds[1][0]), float(bounds[1][1]))
        target.set_xlabel(labels[0])
        target.set_ylabel(labels[1])
        target.grid(False)
    figure = target.get_figure()
    assert isinstance(figure, Figure)
    return figure


# --------------------------------------------------------------------------------------------
# Networks: diagrams drawn from model objects, curves per layer, fitted regression curves
# --------------------------------------------------------------------------------------------


def _activation_label(layer: Any) -> str | None:
    """What a parameter-free or PReLU layer applies, for the diagram's column label."""
    from nnref.layers import ActivationLayer, PReLU

    if isinstance(layer, ActivationLayer):
        return layer.activation.key
    if isinstance(layer, PReLU):
        return f"prelu, α = {layer.alpha:.2g}"
    return None


def _model_structure(model: Any) -> tuple[list[int], list[Any], list[str]]:
    """Layer sizes, weight matrices and the activation of every column after the input."""
    from nnref.layers import Dense
    from nnref.network import Sequential

    if isinstance(model, Sequential):
        sizes: list[int] = []
        mats: list[Any] = []
        acts: list[str] = []
        for i, layer in enumerate(model.layers):
            if isinstance(layer, Dense):
                W = np.asarray(layer.params["W"], dtype=float)
                if sizes and W.shape[0] != sizes[-1]:
                    raise ValueError(
                        f"model.layers[{i}] must take {sizes[-1]} input(s) (the outputs of the "
                        f"dense layer before it), got a Dense layer with n_in={W.shape[0]}"
                    )
                if not sizes:
                    sizes.append(W.shape[0])
                sizes.append(W.shape[1])
                mats.append(W)
                acts.append("identity")
                continue
            label = _activation_label(layer)
            if label is None:
                raise error(
                    f"model.layers[{i}]", "a Dense, ActivationLayer or PReLU layer", layer,
                    TypeError,
                )
            if not mats:
                raise ValueError(
                    f"model.layers[{i}] must follow a Dense layer (an activation needs the "
                    f"neurons of a dense layer to act on), got {label!r} before any Dense layer"
                )
            acts[-1] = label if acts[-1] == "identity" else f"{acts[-1]}, {label}"
        if not mats:
            raise error("model", "a network with at least one Dense layer", model)
        return sizes, mats, acts
    estimators = getattr(model, "estimators_", None)
    if estimators is not None:  # one-vs-rest: one output neuron per class
        W = np.stack([np.asarray(e.weights_, dtype=float) for e in estimators], axis=1)
        return [W.shape[0], W.shape[1]], [W], ["arg max"]
    weights = getattr(model, "weights_", None)
    if weights is not None and np.ndim(weights) == 1:  # a fitted single-layer model
        W = np.asarray(weights, dtype=float)[:, None]
        return [W.shape[0], 1], [W], ["threshold"]
    raise error(
        "model",
        "a Sequential network (or Autoencoder) or a fitted single-layer model with weights_",
        model,
        TypeError,
    )


def model_diagram(
    model: Any, layer_names: Sequence[str] | None = None, max_neurons: int = 10
) -> Figure:
    """Draw a feed-forward model from the object itself: its layers, neurons and weights.

    The sizes and the weights are read from the model, never typed in, so the drawing always
    shows the network the code holds. Each dense layer's weight matrix becomes the lines
    between two columns of neurons (width proportional to $|w|$, blue for positive and red
    for negative weights), and each column after the input is labelled with the activation
    applied there (``identity`` where a dense layer has none after it). Works with
    [`Sequential`][nnref.network.Sequential] networks of
    [`Dense`][nnref.layers.Dense], [`ActivationLayer`][nnref.layers.ActivationLayer] and
    [`PReLU`][nnref.layers.PReLU] layers (an [`Autoencoder`][nnref.network.Autoencoder]'s
    code layer is labelled as the bottleneck), and with fitted single-layer models: a
    [`Perceptron`][nnref.linear.Perceptron] or [`Adaline`][nnref.linear.Adaline] (one output
    neuron) or a [`OneVsRest`][nnref.linear.OneVsRest] model (one output neuron per class).

    Args:
        model: The network or fitted model to draw.
        layer_names: One name per column, input first; by default input, hidden (numbered when
            there are several), output — and code for an autoencoder's bottleneck.
        max_neurons: Larger layers are drawn with this many neurons and an ellipsis; a
            positive int.

    Returns:
        The figure (embed it with [`figure_to_svg`][nnref.plotting.figure_to_svg]).

    Examples:
        >>> from nnref.network import mlp
        >>> fig = model_diagram(mlp([2, 3, 1], activation="tanh", rng=0))
        >>> [t.get_text() for t in fig.axes[0].texts]
        ['input\\n2 neurons', 'hidden\\ntanh\\n3 neurons', 'output\\nidentity\\n1 neuron']
    """
    from nnref.network import Autoencoder

    sizes, mats, acts = _model_structure(model)
    if isinstance(max_neurons, bool) or not isinstance(max_neurons, int | np.integer):
        raise error("max_neurons", "a positive int", max_neurons, TypeError)
    if max_neurons < 1:
        raise error("max_neurons", "a positive int", max_neurons)
    n_hidden = len(sizes) - 2
    if layer_names is None:
        hidden = ["hidden"] if n_hidden == 1 else [f"hidden {k + 1}" for k in range(n_hidden)]
        names = ["input", *hidden, "output"]
        if isinstance(model, Autoencoder):
            from nnref.layers import Dense

            code = sum(isinstance(layer, Dense) for layer in model.encoder.layers)
            if 0 < code < len(names) - 1:
                names[code] = "code"
    else:
        if isinstance(layer_names, str) or len(layer_names) != len(sizes):
            raise error("layer_names", f"{len(sizes)} names, one per layer", layer_names)
        names = [str(n) for n in layer_names]
    labelled = [names[0], *(f"{n}\n{a}" for n, a in zip(names[1:], acts, strict=True))]
    return network_diagram(sizes, weights=mats, layer_names=labelled, max_neurons=int(max_neurons))


def _ordered_colours(n: int) -> list[Any]:
    """``n`` colours running from blue through violet and pink to amber (first to last)."""
    from matplotlib.colors import LinearSegmentedColormap

    ramp = LinearSegmentedColormap.from_list(
        "nnref-layers", [PALETTE[0], PALETTE[4], PALETTE[5], PALETTE[1]]
    )
    return [ramp(t) for t in (np.linspace(0.0, 1.0, n) if n > 1 else [0.0])]


def layer_curves(
    values: ArrayLike,
    ax: Axes | None = None,
    steps: ArrayLike | None = None,
    xlabel: str = "epoch",
    ylabel: str = "value",
    logy: bool = False,
    labels: Sequence[str] | None = None,
) -> Figure:
    """One curve per layer of a quantity recorded during training, e.g. gradient norms.

    Row $t$ of ``values`` holds the quantity for every layer at step $t$. Colours run in
    order from the first layer (blue) to the last (amber), so the depth of a layer can be
    read off its colour.

    Args:
        values: Shape ``(n_steps, n_layers)``; finite.
        ax: Axes to draw on; by default a new figure is made.
        steps: The x value of each row, shape ``(n_steps,)``; default 1, 2, ….
        xlabel: Label of the horizontal axis.
        ylabel: Label of the vertical axis.
        logy: Use a logarithmic vertical axis (all values must then be positive).
        labels: Legend entries, one per layer; default "layer 1", "layer 2", ….

    Returns:
        The figure that holds the axes.

    Examples:
        >>> fig = layer_curves([[1.0, 0.1], [0.5, 0.2], [0.2, 0.2]], ylabel="gradient")
        >>> [line.get_label() for line in fig.axes[0].get_lines()]
        ['layer 1', 'layer 2']
        >>> fig.axes[0].get_lines()[1].get_ydata().tolist()
        [0.1, 0.2, 0.2]
    """
    data = as_float_array(values, "values")
    if data.ndim != 2 or data.shape[0] == 0 or data.shape[1] == 0:
        raise error("values", "a non-empty 2-D array of shape (n_steps, n_layers)", data)
    if not np.all(np.isfinite(data)):
        raise error("values", "finite (no NaN or inf)", data)
    n_steps, n_layers = data.shape
    if steps is None:
        xs = np.arange(1, n_steps + 1)
    else:
        xs = as_float_array(steps, "steps")
        if xs.shape != (n_steps,) or not np.all(np.isfinite(xs)):
            raise error("steps", f"{n_steps} finite numbers, one per row of values", xs)
    if not isinstance(logy, bool | np.bool_):
        raise error("logy", "True or False", logy, TypeError)
    if logy and not np.all(data > 0):
        raise error("values", "positive for a logarithmic axis (logy=True)", data)
    if labels is None:
        names = [f"layer {k + 1}" for k in range(n_layers)]
    else:
        if isinstance(labels, str) or len(labels) != n_layers:
            raise error("labels", f"{n_layers} labels, one per layer", labels)
        names = [str(label) for label in labels]
    for name, text in (("xlabel", xlabel), ("ylabel", ylabel)):
        if not isinstance(text, str):
            raise error(name, "a string", text, TypeError)
    with style():
        target = _target_axes(ax, (6.4, 3.4))
        for k, colour in enumerate(_ordered_colours(n_layers)):
            target.plot(xs, data[:, k], color=colour, label=names[k], lw=1.6)
        if logy:
            target.set_yscale("log")
        target.set_xlabel(xlabel)
        target.set_ylabel(ylabel)
        target.legend(fontsize=8, ncols=2 if n_layers > 5 else 1)
    figure = target.get_figure()
    assert isinstance(figure, Figure)
    return figure


def _predict_curve(model: Any, grid: Any, name: str) -> Any:
    predict = getattr(model, "predict", None)
    fn = predict if callable(predict) else model if callable(model) else None
    if fn is None:
        raise error(f"models[{name!r}]", "a model with predict(X) or a function", model, TypeError)
    out = np.asarray(fn(grid[:, None]), dtype=float)
    if out.shape not in {(grid.shape[0],), (grid.shape[0], 1)}:
        raise ValueError(
            f"models[{name!r}] must return one value per input, shape ({grid.shape[0]},) or "
            f"({grid.shape[0]}, 1), got an array of shape {out.shape}"
        )
    return out.reshape(-1)


def regression_fit(
    x: ArrayLike,
    y: ArrayLike,
    models: Any,
    ax: Axes | None = None,
    resolution: int = 300,
    truth: Any = None,
) -> Figure:
    """Noisy one-input data as points, and the curve every model fits through them.

    Each model is asked for its prediction on an even grid over the data's range; models
    take inputs of shape ``(n, 1)`` (a [`Sequential`][nnref.network.Sequential] network, or
    any object with ``predict``) or are plain functions of such an array.

    Args:
        x: The inputs, shape ``(n_samples,)`` or ``(n_samples, 1)``.
        y: The targets, shape ``(n_samples,)`` or ``(n_samples, 1)``.
        models: A mapping from a legend label to a model (or function).
        ax: Axes to draw on; by default a new figure is made.
        resolution: Grid points of each curve, an int from 2 to 5000.
        truth: Optionally the noise-free function ``f(x)`` of a 1-D array, drawn dashed.

    Returns:
        The figure that holds the axes.

    Examples:
        >>> x = np.linspace(0, 1, 5)
        >>> fig = regression_fit(x, 2 * x, {"twice": lambda X: 2 * X[:, 0]}, resolution=3)
        >>> line = fig.axes[0].get_lines()[0]
        >>> line.get_label(), line.get_ydata().tolist()
        ('twice', [0.0, 1.0, 2.0])
    """
    xs = as_float_array(x, "x")
    if xs.ndim == 2 and xs.shape[1] == 1:
        xs = xs[:, 0]
    if xs.ndim != 1 or xs.shape[0] == 0 or not np.all(np.isfinite(xs)):
        raise error("x", "a non-empty, finite array of shape (n_samples,) or (n_samples, 1)", xs)
    ys = as_float_array(y, "y")
    if ys.ndim == 2 and ys.shape[1] == 1:
        ys = ys[:, 0]
    if ys.shape != xs.shape or not np.all(np.isfinite(ys)):
        raise error("y", f"{xs.shape[0]} finite targets, one per input", ys)
    if not hasattr(models, "items") or not models:
        raise error("models", "a non-empty mapping from labels to models", models, TypeError)
    if isinstance(resolution, bool) or not isinstance(resolution, int | np.integer):
        raise error("resolution", "an int from 2 to 5000", resolution, TypeError)
    if not 2 <= resolution <= 5000:
        raise error("resolution", "an int from 2 to 5000", resolution)
    if truth is not None and not callable(truth):
        raise error("truth", "a function of a 1-D array, or None", truth, TypeError)
    grid = np.linspace(float(xs.min()), float(xs.max()), int(resolution))
    curves = {str(name): _predict_curve(m, grid, str(name)) for name, m in models.items()}
    true_curve = None
    if truth is not None:
        true_curve = np.asarray(truth(grid), dtype=float)
        if true_curve.shape != grid.shape:
            raise ValueError(
                f"truth must return one value per input, shape {grid.shape}, got an array of "
                f"shape {true_curve.shape}"
            )
    with style():
        target = _target_axes(ax, (6.4, 3.6))
        target.scatter(xs, ys, s=16, color=PALETTE[7], edgecolors=_INK, linewidths=0.4,
                       label="data", zorder=2)
        colours = [PALETTE[0], PALETTE[3], PALETTE[2], PALETTE[4], PALETTE[1], PALETTE[5]]
        for k, (name, curve) in enumerate(curves.items()):
            target.plot(grid, curve, color=colours[k % len(colours)], lw=2.2, label=name,
                        zorder=4)
        if true_curve is not None:  # drawn after the models, so their lines come first
            target.plot(grid, true_curve, color=_INK, lw=1.2,
                        ls="--", alpha=0.7, label="noise-free curve", zorder=3)
        target.set_xlabel("$x$")
        target.set_ylabel("$y$")
        target.legend(fontsize=9)
    figure = target.get_figure()
    assert isinstance(figure, Figure)
    return figure
