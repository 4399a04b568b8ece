"""Figures of learning: labelled points, decision regions, training curves, cost surfaces,
per-layer curves and fitted regression curves.

Every function draws on the ``ax`` it is given (or on a new figure) and returns the figure
that holds it, so several calls can share one plot.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from numpy.typing import ArrayLike

from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    as_label_array,
    check_bool,
    check_callable,
    check_finite,
    check_int,
    check_names,
    check_nonnegative,
    check_str,
    error,
)
from nnref.plotting.figure import (
    INK,
    PALETTE,
    check_drawable,
    figure_of,
    style,
    target_axes,
)

__all__ = [
    "cost_contour",
    "decision_regions",
    "layer_curves",
    "regression_fit",
    "scatter_classes",
    "training_curve",
]

_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


def _plane_points(X: ArrayLike, name: str = "X") -> Array:
    """``X`` as a finite float matrix of shape ``(n_samples, 2)``."""
    arr = as_float_array(X, name)
    if arr.ndim != 2 or arr.shape[0] == 0 or arr.shape[1] != 2:
        raise error(name, "an array of shape (n_samples, 2): points in the plane", arr)
    return check_drawable(arr, name)


def _labels_for(y: ArrayLike, n: int) -> np.ndarray:
    return as_label_array(y, n, "y")


def _class_names(class_names: Sequence[str] | None, classes: np.ndarray) -> list[str]:
    if class_names is None:
        return [f"class {c}" for c in classes.tolist()]
    k = classes.shape[0]
    return check_names(class_names, "class_names", k, f"{k} name(s), one per class")


def _positive_for_log(values: Array, logy: bool) -> None:
    if logy and not np.all(values > 0):
        raise error("values", "positive for a logarithmic axis (logy=True)", values)


def _scatter(ax: Axes, X: Array, index: np.ndarray, names: list[str], size: float = 42) -> None:
    for k, name in enumerate(names):
        mask = index == k
        if np.any(mask):
            ax.scatter(
                X[mask, 0],
                X[mask, 1],
                s=size,
                color=PALETTE[k % len(PALETTE)],
                marker=_MARKERS[k % len(_MARKERS)],
                edgecolors=INK,
                linewidths=0.6,
                label=name,
                zorder=3,
                alpha=1.0,
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
    names = _class_names(class_names, classes)
    legend = check_bool(legend, "legend")
    with style():
        target = target_axes(ax, (4.8, 4.0))
        _scatter(target, points, index, names)
        target.set_xlabel("$x_1$")
        target.set_ylabel("$x_2$")
        if legend:
            target.legend(fontsize=9)
    return figure_of(target)


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
    resolution = check_int(resolution, "resolution", 2, 2000)
    padding = check_nonnegative(padding, "padding")
    legend = check_bool(legend, "legend")

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
    names = _class_names(class_names, classes)
    region = np.searchsorted(classes, predicted).reshape(g1.shape)
    index = np.searchsorted(classes, labels)

    with style():
        target = target_axes(ax, (4.8, 4.0))
        k = classes.shape[0]
        colors = [PALETTE[i % len(PALETTE)] for i in range(k)]
        target.contourf(
            g1,
            g2,
            region,
            levels=np.arange(k + 1) - 0.5,
            colors=colors,
            alpha=0.22,
            antialiased=True,
        )
        for i in range(k):
            inside = (region == i).astype(float)
            if 0 < inside.sum() < inside.size:
                target.contour(g1, g2, inside, levels=[0.5], colors=[INK], linewidths=1.2)
        _scatter(target, points, index, names)
        target.set_xlim(float(lo[0]), float(hi[0]))
        target.set_ylim(float(lo[1]), float(hi[1]))
        target.set_xlabel("$x_1$")
        target.set_ylabel("$x_2$")
        target.grid(False)
        if legend:
            target.legend(fontsize=9, loc="best")
    return figure_of(target)


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
    check_finite(series, "values")
    logy = check_bool(logy, "logy")
    _positive_for_log(series, logy)
    check_str(label, "label", optional=True)
    check_str(ylabel, "ylabel")
    if color is not None:
        try:
            to_rgba(color)
        except (TypeError, ValueError):
            raise error("color", "a matplotlib colour or None", color) from None

    epochs = np.arange(1, series.shape[0] + 1)
    with style():
        target = target_axes(ax, (6.4, 3.2))
        target.plot(
            epochs,
            series,
            label=label,
            color=color,
            marker="o" if series.shape[0] <= 40 else None,
            markersize=4,
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
    return figure_of(target)


def _limits(lim: Any, name: str) -> Array:
    arr = as_float_array(lim, name)
    if arr.shape != (2,) or not np.all(np.isfinite(arr)) or not arr[0] < arr[1]:
        raise error(name, "a pair (low, high) of finite numbers with low < high", lim)
    return arr


def _contour_levels(levels: int | Sequence[float], surface: Array, cost: Any) -> Array:
    """Increasing cost values: the given ones, or ``levels`` spaced quadratically."""
    if isinstance(levels, int | np.integer) and not isinstance(levels, bool):
        if levels < 2:
            raise error("levels", "at least 2 contour lines", levels)
        lo, hi = float(surface.min()), float(surface.max())
        if hi == lo:
            raise error("cost", "a function that is not constant on the grid", cost)
        return lo + (hi - lo) * np.linspace(0.0, 1.0, int(levels) + 1)[1:] ** 2
    if isinstance(levels, bool | str | bytes):
        raise error("levels", "an int or a non-empty increasing sequence", levels, TypeError)
    drawn = as_float_array(levels, "levels")
    if (
        drawn.ndim != 1
        or drawn.shape[0] == 0
        or not np.all(np.isfinite(drawn))
        or np.any(np.diff(drawn) <= 0)
    ):
        raise error("levels", "an int or a non-empty increasing sequence", levels)
    return drawn


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
    check_callable(cost, "cost", "a function of points of shape (n, 2)")
    bounds = [_limits(xlim, "xlim"), _limits(ylim, "ylim")]
    resolution = check_int(resolution, "resolution", 2, 1000)
    steps = None if path is None else _plane_points(path, "path")
    axis_labels = check_names(labels, "labels", 2, "two strings (the axis labels)")

    g1, g2 = np.meshgrid(np.linspace(*bounds[0], resolution), np.linspace(*bounds[1], resolution))
    grid = np.column_stack([g1.ravel(), g2.ravel()])
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        values = np.asarray(cost(grid), dtype=float)  # overflow becomes the error below
    if values.shape != (grid.shape[0],):
        raise ValueError(
            f"cost must return one value per point, shape ({grid.shape[0]},), got an array "
            f"of shape {values.shape}"
        )
    if not np.all(np.isfinite(values)):
        raise error("cost", "finite on the whole grid of xlim × ylim", cost)
    surface = values.reshape(g1.shape)
    drawn = _contour_levels(levels, surface, cost)

    with style():
        target = target_axes(ax, (5.0, 4.2))
        lines = target.contour(
            g1, g2, surface, levels=drawn, colors=[PALETTE[0]], linewidths=1.0, alpha=0.75
        )
        target.clabel(lines, fontsize=7, fmt="%.3g")
        if steps is not None:
            target.plot(
                steps[:, 0],
                steps[:, 1],
                color=PALETTE[3],
                marker="o",
                markersize=3.5,
                linewidth=1.5,
                zorder=3,
                label="descent path",
            )
            target.plot(
                *steps[0],
                marker="o",
                markersize=9,
                markerfacecolor="none",
                markeredgecolor=PALETTE[3],
                markeredgewidth=2,
                linestyle="none",
                zorder=4,
            )
            target.plot(
                *steps[-1], marker="*", markersize=13, color=PALETTE[1], linestyle="none", zorder=4
            )
        target.set_xlim(float(bounds[0][0]), float(bounds[0][1]))
        target.set_ylim(float(bounds[1][0]), float(bounds[1][1]))
        target.set_xlabel(axis_labels[0])
        target.set_ylabel(axis_labels[1])
        target.grid(False)
    return figure_of(target)


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
    check_drawable(data, "values")
    n_steps, n_layers = data.shape
    if steps is None:
        xs = np.arange(1, n_steps + 1)
    else:
        xs = as_float_array(steps, "steps")
        if xs.shape != (n_steps,) or not np.all(np.isfinite(xs)):
            raise error("steps", f"{n_steps} finite numbers, one per row of values", xs)
        check_drawable(xs, "steps")
    logy = check_bool(logy, "logy")
    _positive_for_log(data, logy)
    if labels is None:
        names = [f"layer {k + 1}" for k in range(n_layers)]
    else:
        names = check_names(labels, "labels", n_layers, f"{n_layers} labels, one per layer")
    check_str(xlabel, "xlabel")
    check_str(ylabel, "ylabel")
    with style():
        target = target_axes(ax, (6.4, 3.4))
        for k, colour in enumerate(_ordered_colours(n_layers)):
            target.plot(xs, data[:, k], color=colour, label=names[k], lw=1.6)
        if logy:
            target.set_yscale("log")
        target.set_xlabel(xlabel)
        target.set_ylabel(ylabel)
        target.legend(fontsize=8, ncols=2 if n_layers > 5 else 1)
    return figure_of(target)


def _column(values: ArrayLike, name: str) -> Array:
    """A 1-D float array from shape ``(n,)`` or ``(n, 1)``."""
    arr = as_float_array(values, name)
    return arr[:, 0] if arr.ndim == 2 and arr.shape[1] == 1 else arr


def _predict_curve(model: Any, grid: Array, name: str) -> Array:
    predict = getattr(model, "predict", None)
    fn = predict if callable(predict) else model
    check_callable(fn, f"models[{name!r}]", "a model with predict(X) or a function")
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
    xs = _column(x, "x")
    if xs.ndim != 1 or xs.shape[0] == 0 or not np.all(np.isfinite(xs)):
        raise error("x", "a non-empty, finite array of shape (n_samples,) or (n_samples, 1)", xs)
    check_drawable(xs, "x")
    ys = _column(y, "y")
    if ys.shape != xs.shape or not np.all(np.isfinite(ys)):
        raise error("y", f"{xs.shape[0]} finite targets, one per input", ys)
    check_drawable(ys, "y")
    if not hasattr(models, "items") or not models:
        raise error("models", "a non-empty mapping from labels to models", models, TypeError)
    resolution = check_int(resolution, "resolution", 2, 5000)
    if truth is not None:
        check_callable(truth, "truth", "a function of a 1-D array, or None")
    grid = np.linspace(float(xs.min()), float(xs.max()), resolution)
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
        target = target_axes(ax, (6.4, 3.6))
        target.scatter(
            xs, ys, s=16, color=PALETTE[7], edgecolors=INK, linewidths=0.4, label="data", zorder=2
        )
        colours = [PALETTE[0], PALETTE[3], PALETTE[2], PALETTE[4], PALETTE[1], PALETTE[5]]
        for k, (name, curve) in enumerate(curves.items()):
            target.plot(grid, curve, color=colours[k % len(colours)], lw=2.2, label=name, zorder=4)
        if true_curve is not None:  # drawn after the models, so their lines come first
            target.plot(
                grid,
                true_curve,
                color=INK,
                lw=1.2,
                ls="--",
                alpha=0.7,
                label="noise-free curve",
                zorder=3,
            )
        target.set_xlabel("$x$")
        target.set_ylabel("$y$")
        target.legend(fontsize=9)
    return figure_of(target)
