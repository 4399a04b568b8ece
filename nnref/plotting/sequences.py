"""Figures of values over time in a sequence, and of bipolar patterns.

- [`state_curves`][nnref.plotting.sequences.state_curves] and
  [`energy_curve`][nnref.plotting.sequences.energy_curve]: values over time steps (states,
  outputs, gradient norms) or over updates (a Hopfield network's energy);
- [`heatmap_over_time`][nnref.plotting.sequences.heatmap_over_time] and
  [`gate_heatmaps`][nnref.plotting.sequences.gate_heatmaps]: units against time, e.g. an
  LSTM's forget gate and cell state over a sequence;
- [`pattern_grid`][nnref.plotting.sequences.pattern_grid]: bipolar patterns (a Hopfield
  network's memories) as small images.

Time steps are numbered from 1, as on the glossary's pages. Diagrams of the networks
themselves are in ``nnref.plotting.recurrent`` (unrolled through time:
[`unrolled_diagram`][nnref.plotting.recurrent.unrolled_diagram]; feedback masks) and
``nnref.plotting.zoo`` ([`zoo_diagram`][nnref.plotting.zoo.zoo_diagram]).
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
    check_bool,
    check_int,
    check_names,
    check_positive,
    check_positive_int,
    check_str,
    check_type,
    error,
)
from nnref.plotting.figure import (
    INK,
    PALETTE,
    check_drawable,
    figure_of,
    new_figure,
    style,
    target_axes,
)

__all__ = [
    "energy_curve",
    "gate_heatmaps",
    "heatmap_over_time",
    "pattern_grid",
    "state_curves",
]

_POSITIVE, _NEGATIVE = PALETTE[0], PALETTE[3]  # blue and red, as in the network diagrams


# --- values over time -----------------------------------------------------------------------


def _series(values: ArrayLike, name: str) -> Array:
    """``values`` as a finite ``(n_steps, n_series)`` float array (1-D: one series)."""
    arr = as_float_array(values, name)
    if arr.ndim == 1:
        arr = arr[:, None]
    if arr.ndim != 2 or arr.size == 0:
        raise error(name, "a non-empty array of shape (n_steps,) or (n_steps, n_series)", arr)
    return check_drawable(arr, name)


def state_curves(
    values: ArrayLike,
    ax: Axes | None = None,
    labels: Sequence[str] | None = None,
    xlabel: str = "time step $t$",
    ylabel: str = "value",
    logy: bool = False,
    first_step: int = 1,
) -> Figure:
    """One curve per column of ``values`` against the time step: states, outputs, norms.

    Args:
        values: Shape ``(n_steps,)`` or ``(n_steps, n_series)``; finite (positive with
            ``logy``).
        ax: Axes to draw on; by default a new figure is made.
        labels: Legend entries, one per series; no legend when None.
        xlabel: Label of the horizontal axis.
        ylabel: Label of the vertical axis.
        logy: Use a logarithmic vertical axis.
        first_step: The step number of the first row (default 1).

    Returns:
        The figure that holds the axes.

    Examples:
        >>> fig = state_curves([[1.0, 0.5], [0.5, 0.25]], labels=["a", "b"])
        >>> [line.get_xdata().tolist() for line in fig.axes[0].get_lines()]
        [[1, 2], [1, 2]]
    """
    data = _series(values, "values")
    n_steps, n_series = data.shape
    names = (
        None
        if labels is None
        else check_names(labels, "labels", n_series, f"{n_series} labels, one per series")
    )
    logy = check_bool(logy, "logy")
    if logy and not np.all(data > 0):
        raise error("values", "positive for a logarithmic axis (logy=True)", data)
    start = check_int(first_step, "first_step", -(2**31), 2**31)
    check_str(xlabel, "xlabel")
    check_str(ylabel, "ylabel")
    steps = np.arange(start, start + n_steps)
    with style():
        target = target_axes(ax, (6.4, 3.2))
        for k in range(n_series):
            target.plot(
                steps,
                data[:, k],
                color=PALETTE[k % len(PALETTE)],
                marker="o" if n_steps <= 40 else None,
                markersize=3.5,
                lw=1.8,
                label=None if names is None else names[k],
            )
        if logy:
            target.set_yscale("log")
        target.xaxis.set_major_locator(MaxNLocator(integer=True))
        target.set_xlabel(xlabel)
        target.set_ylabel(ylabel)
        if names is not None:
            target.legend(fontsize=9)
    return figure_of(target)


def energy_curve(
    energies: ArrayLike,
    ax: Axes | None = None,
    labels: Sequence[str] | None = None,
    xlabel: str = "update",
) -> Figure:
    """A Hopfield network's energy after each update, as a staircase from update 0 (the start).

    Args:
        energies: One finite energy per update, the first for the starting state: shape
            ``(n_updates + 1,)``, or ``(n_updates + 1, n_runs)`` for several runs.
        ax: Axes to draw on; by default a new figure is made.
        labels: Legend entries, one per run; no legend when None.
        xlabel: Label of the horizontal axis ("update", "sweep", ...).

    Returns:
        The figure that holds the axes.

    Examples:
        >>> fig = energy_curve([0.0, -1.5, -1.5, -3.0])
        >>> fig.axes[0].get_lines()[0].get_drawstyle()
        'steps-post'
    """
    data = _series(energies, "energies")
    n_runs = data.shape[1]
    names = (
        None
        if labels is None
        else check_names(labels, "labels", n_runs, f"{n_runs} labels, one per run")
    )
    check_str(xlabel, "xlabel")
    with style():
        target = target_axes(ax, (6.4, 3.0))
        for k in range(n_runs):
            target.plot(
                np.arange(data.shape[0]),
                data[:, k],
                drawstyle="steps-post",
                color=PALETTE[(k + 4) % len(PALETTE)] if n_runs == 1 else PALETTE[k],
                lw=2.0,
                label=None if names is None else names[k],
            )
        target.xaxis.set_major_locator(MaxNLocator(integer=True))
        target.set_xlabel(xlabel)
        target.set_ylabel("energy $E$")
        if names is not None:
            target.legend(fontsize=9)
    return figure_of(target)


def _alpha_map(signed: bool) -> Any:
    """A colour map that fades to transparent at 0: it reads on any page background."""
    from matplotlib.colors import LinearSegmentedColormap

    blue, red = to_rgba(_POSITIVE), to_rgba(_NEGATIVE)
    clear_blue, clear_red = (*blue[:3], 0.0), (*red[:3], 0.0)
    if signed:
        stops = [(0.0, red), (0.5, clear_red), (0.5, clear_blue), (1.0, blue)]
        return LinearSegmentedColormap.from_list("nnref-signed", stops)
    return LinearSegmentedColormap.from_list("nnref-gate", [clear_blue, blue])


def heatmap_over_time(
    values: ArrayLike,
    ax: Axes | None = None,
    label: str | None = None,
    signed: bool | None = None,
    vmax: float | None = None,
    first_step: int = 1,
    unit_prefix: str = "unit",
) -> Figure:
    """Units against time: row $j$ is unit $j$, column $t$ its value at step $t$.

    Colours fade to transparent at 0, so the map reads on a light and a dark page alike:
    blue for positive values, red for negative ones (``signed``), stronger for larger
    magnitudes. Gates, whose values lie in $(0, 1)$, use blue from 0 to 1.

    Args:
        values: Shape ``(n_steps, n_units)``; finite.
        ax: Axes to draw on; by default a new figure is made.
        label: Colour-bar label (e.g. ``"forget gate $f_t$"``).
        signed: Red–blue scale symmetric about 0; default: when any value is negative.
        vmax: The magnitude of full colour; default 1 for values in $[0, 1]$, else the
            largest $|value|$.
        first_step: The step number of the first row (default 1).
        unit_prefix: Row labels are ``"{unit_prefix} 1"``, ... (at most 8 are labelled).

    Returns:
        The figure that holds the axes.

    Examples:
        >>> fig = heatmap_over_time([[0.1, 0.9], [0.5, 0.5], [0.9, 0.1]], label="gate")
        >>> fig.axes[0].get_images()[0].get_array().shape  # units as rows, steps as columns
        (2, 3)
    """
    data = _series(values, "values")
    neg = bool(np.any(data < 0))
    signed = neg if signed is None else check_bool(signed, "signed")
    top = float(np.abs(data).max())
    if vmax is None:
        scale = 1.0 if (not neg and top <= 1.0) else (top or 1.0)
    else:
        scale = check_positive(vmax, "vmax")
    start = check_int(first_step, "first_step", -(2**31), 2**31)
    check_str(label, "label", optional=True)
    check_str(unit_prefix, "unit_prefix")
    n_steps, n_units = data.shape
    with style():
        target = target_axes(ax, (6.4, 0.6 + 0.22 * n_units + 0.6))
        image = target.imshow(
            data.T,
            aspect="auto",
            interpolation="none",
            cmap=_alpha_map(signed),
            vmin=-scale if signed else 0.0,
            vmax=scale,
            extent=(start - 0.5, start + n_steps - 0.5, n_units - 0.5, -0.5),
        )
        target.grid(False)
        target.xaxis.set_major_locator(MaxNLocator(integer=True))
        every = max(1, int(np.ceil(n_units / 8)))
        ticks = np.arange(0, n_units, every)
        target.set_yticks(ticks, [f"{unit_prefix} {k + 1}" for k in ticks])
        target.tick_params(axis="y", length=0)
        bar = figure_of(target).colorbar(image, ax=target, fraction=0.05, pad=0.02)
        bar.outline.set_edgecolor(INK)
        bar.outline.set_linewidth(0.6)
        if label:
            bar.set_label(label, fontsize=10)
    return figure_of(target)


_FIELD_NAMES = {
    "i": "input gate $i_t$",
    "f": "forget gate $f_t$",
    "g": "candidate $g_t$",
    "o": "output gate $o_t$",
    "c": "cell state $c_t$",
    "h": "hidden state $h_t$",
    "r": "reset gate $r_t$",
    "z": "update gate $z_t$",
    "n": "candidate $n_t$",
    "pre": "net input $a_t$",
    "y": "output $y_t$",
}
_GATES = frozenset("ifozr")


def gate_heatmaps(
    trace: Any,
    fields: Sequence[str] = ("f", "c"),
    sample: int = 0,
    x: ArrayLike | None = None,
) -> Figure:
    """Heat maps of a recurrent layer's gates and states over one sequence, one row each.

    Reads the fields of a trace object (an [`LSTMTrace`][nnref.recurrent.LSTMTrace],
    [`GRUTrace`][nnref.recurrent.GRUTrace], [`RNNTrace`][nnref.recurrent.RNNTrace] or
    [`JordanTrace`][nnref.recurrent.JordanTrace]); gates use a 0-to-1 scale, states a
    signed one. With ``x``, a first panel shows the input sequence.

    Args:
        trace: The trace of a batch of sequences (fields ``(n_samples, n_steps, n_units)``).
        fields: The fields to draw, top to bottom, e.g. ``("i", "f", "c")``.
        sample: Which sequence of the batch.
        x: The inputs of that sequence, ``(n_steps, n_in)``, drawn as curves on top.

    Returns:
        The figure.

    Examples:
        >>> from nnref.recurrent import LSTM
        >>> trace = LSTM(1, 3, rng=0).trace(np.ones((1, 5, 1)))
        >>> fig = gate_heatmaps(trace, fields=("f", "c"))
        >>> len(fig.axes)  # two maps and their colour bars
        4
    """
    from nnref.recurrent import GRUTrace, JordanTrace, LSTMTrace, RNNTrace

    rule = "a trace of a recurrent layer (from its trace method)"
    check_type(trace, "trace", (GRUTrace, JordanTrace, LSTMTrace, RNNTrace), rule)
    if isinstance(fields, str) or not isinstance(fields, Sequence) or not fields:
        raise error(
            "fields", "a non-empty sequence of field names such as ('f', 'c')", fields, TypeError
        )
    arrays = []
    for name in fields:
        value = getattr(trace, str(name), None)
        if not isinstance(value, np.ndarray) or value.ndim != 3:
            raise error("fields", f"names of 3-D fields of {type(trace).__name__}", name)
        arrays.append(value)
    n = arrays[0].shape[0]
    index = check_int(sample, "sample", 0, n - 1)
    inputs = None if x is None else _series(x, "x")
    if inputs is not None and inputs.shape[0] != arrays[0].shape[1]:
        raise error("x", f"one row per time step ({arrays[0].shape[1]})", inputs)
    heights = [0.4 + 0.2 * a.shape[2] for a in arrays]
    if inputs is not None:
        heights.insert(0, 1.1)
    gap = 0.3  # inches between panels
    total = 0.75 + sum(heights) + gap * (len(heights) - 1)
    with style():  # placed by hand: constrained layout costs more than the drawing
        fig, axes = new_figure(
            figsize=(6.4, total),
            nrows=len(heights),
            layout=None,
            sharex=True,
            gridspec_kw={"height_ratios": heights},
        )
    fig.subplots_adjust(
        left=0.14,
        right=0.86,
        bottom=0.55 / total,
        top=1 - 0.2 / total,
        hspace=gap / float(np.mean(heights)),
    )
    axes = np.atleast_1d(axes)
    if inputs is not None:
        state_curves(inputs, ax=axes[0], xlabel="", ylabel="input $x_t$")
        axes = axes[1:]
    for target, name, value in zip(axes, fields, arrays, strict=True):
        heatmap_over_time(
            value[index],
            ax=target,
            label=_FIELD_NAMES.get(str(name), str(name)),
            signed=None if str(name) not in _GATES else False,
        )
    axes[-1].set_xlabel("time step $t$")
    return fig


# --- patterns as images -----------------------------------------------------------------------


def pattern_grid(
    patterns: ArrayLike,
    shape: tuple[int, int],
    titles: Sequence[str] | None = None,
    ncols: int | None = None,
) -> Figure:
    """Bipolar patterns (values −1 and +1) as small images: +1 filled, −1 empty.

    Args:
        patterns: ``(n_patterns, n_units)`` with ``n_units = rows * cols`` of ``shape``
            (a single pattern ``(n_units,)`` also works).
        shape: ``(rows, cols)`` of each image.
        titles: One caption per pattern (drawn under it).
        ncols: Images per row; default all in one row (at most 6).

    Returns:
        The figure.

    Examples:
        >>> fig = pattern_grid([[1, -1, -1, 1], [1, 1, -1, -1]], shape=(2, 2), titles=["a", "b"])
        >>> len(fig.axes), fig.axes[1].get_xlabel()
        (2, 'b')
    """
    arr = as_float_array(patterns, "patterns")
    if arr.ndim == 1:
        arr = arr[None]
    if not isinstance(shape, tuple | list) or len(shape) != 2:
        raise error("shape", "a pair (rows, cols)", shape, TypeError)
    rows, cols = (check_positive_int(v, "shape") for v in shape)
    if arr.ndim != 2 or arr.shape[0] == 0 or arr.shape[1] != rows * cols:
        raise error("patterns", f"an array of shape (n_patterns, {rows * cols})", arr)
    if not np.all((arr == 1) | (arr == -1)):
        raise error("patterns", "values -1 and 1 only", arr)
    n = arr.shape[0]
    names = None if titles is None else check_names(titles, "titles", n, f"{n} titles")
    per_row = min(n, 6) if ncols is None else check_positive_int(ncols, "ncols")
    grid_rows = int(np.ceil(n / per_row))
    size = 1.05
    rgba = np.zeros((n, rows, cols, 4))
    rgba[arr.reshape(n, rows, cols) > 0] = to_rgba(PALETTE[0])
    with style():
        fig, axes = new_figure(
            figsize=(per_row * size * max(1.0, cols / rows) + 0.2, grid_rows * (size + 0.35)),
            nrows=grid_rows,
            ncols=per_row,
            layout="constrained",
            squeeze=False,
        )
        for k, target in enumerate(axes.flat):
            if k >= n:
                target.set_axis_off()
                continue
            target.imshow(rgba[k], interpolation="none")
            target.set_xticks([])
            target.set_yticks([])
            target.grid(False)
            for side in ("top", "right"):
                target.spines[side].set_visible(True)
            for spine in target.spines.values():
                spine.set_linewidth(0.8)
            if names is not None:
                target.set_xlabel(names[k], fontsize=10)
    return fig
