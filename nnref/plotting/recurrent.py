r"""Diagrams of recurrent networks, read from the model objects.

- [`unrolled_diagram`][nnref.plotting.recurrent.unrolled_diagram]: a recurrent network
  unrolled through time, one column per step, its feedback connections drawn from the
  model's weights (and, with an input sequence, every value written in its node);
- [`weight_mask`][nnref.plotting.recurrent.weight_mask]: which feedback connections a
  feedback kind allows (the mask on $W_{hh}$, or a Jordan network's $W_{yh}$).

Time steps are numbered from 1 and the initial state is step 0, as most textbooks write
$h_0, h_1, \\dots$ (the arrays index the steps from 0). Curves and heat maps of values over
time are in ``nnref.plotting.sequences`` (e.g.
[`gate_heatmaps`][nnref.plotting.sequences.gate_heatmaps]); charts of whole networks in the
manner of the network zoo are in ``nnref.plotting.zoo``
([`zoo_diagram`][nnref.plotting.zoo.zoo_diagram]).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch, Rectangle
from numpy.typing import ArrayLike

from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_bool,
    check_finite,
    check_int,
    check_positive_int,
    error,
)
from nnref.plotting.figure import INK, PALETTE, figure_of, style, target_axes

__all__ = ["unrolled_diagram", "weight_mask"]

Point = tuple[float, float]

_POSITIVE, _NEGATIVE = PALETTE[0], PALETTE[3]  # blue and red, as in the network diagrams


def _weight_style(w: float, scale: float) -> tuple[float, str]:
    """Line width and colour of a connection of weight ``w`` (``scale`` = the largest |w|)."""
    return 0.5 + 2.5 * abs(w) / (scale or 1.0), _POSITIVE if w >= 0 else _NEGATIVE


def _label(value: float) -> str:
    """A node value with 3 significant digits, minus as U+2212."""
    text = f"{value:.3g}"
    return "0" if text in ("0", "-0") else text.replace("-", "−")


def _arrow(ax: Axes, start: Point, end: Point, lw: float = 1.4, color: str = INK) -> None:
    ax.add_patch(
        FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, lw=lw, color=color)
    )


# --- the unrolled network ---------------------------------------------------------------------


@dataclass
class _Unrolled:
    """What an unrolled diagram needs to know about a model."""

    core: Any  # the recurrent layer
    kind: str  # "rnn", "jordan", "lstm" or "gru"
    head: Any  # a Sequential of the layers after the core, or None
    head_every_step: bool  # output at every step (True) or only after the last (False)
    n_out: int  # outputs per step drawn (0: none)


def _parse_model(model: Any) -> _Unrolled:
    from nnref.layers import Dense
    from nnref.network import Sequential
    from nnref.recurrent import GRU, LSTM, JordanNetwork, LastStep, RecurrentLayer, TimeDistributed

    kinds = {RecurrentLayer: "rnn", JordanNetwork: "jordan", LSTM: "lstm", GRU: "gru"}
    rule = (
        "a RecurrentLayer, JordanNetwork, LSTM or GRU, or a Sequential network that starts "
        "with one (then TimeDistributed(Dense) for an output at every step, or LastStep() and "
        "Dense for one output at the end)"
    )
    if type(model) in kinds:
        n_out = model.n_out if isinstance(model, JordanNetwork) else 0
        return _Unrolled(model, kinds[type(model)], None, True, n_out)
    if not isinstance(model, Sequential) or not model.layers or type(model[0]) not in kinds:
        raise error("model", rule, model, TypeError)
    core, rest = model[0], list(model.layers[1:])
    if not rest:
        return _parse_model(core)
    every = not isinstance(rest[0], LastStep)
    denses = [
        layer.layer if isinstance(layer, TimeDistributed) else layer
        for layer in (rest if every else rest[1:])
    ]
    widths = [d.params["W"].shape[1] for d in denses if isinstance(d, Dense)]
    if not widths:
        raise error("model", rule, model, TypeError)
    return _Unrolled(core, kinds[type(core)], Sequential(rest), every, widths[-1])


def _values(u: _Unrolled, x: Array) -> dict[str, Array]:
    """Inputs, states and outputs of one sequence, from copies of the layers (so the model's
    own caches, which its backward pass needs, are left alone)."""
    core = copy.deepcopy(u.core)
    out: dict[str, Array] = {"x": x}
    if u.kind == "jordan":
        tr = core.trace(x[None])
        out["h"], out["y"] = tr.h[0], tr.y[0]
        return out
    out["h"] = core.forward(x[None])[0]
    if u.head is not None:
        y = copy.deepcopy(u.head).forward(out["h"][None])[0]
        out["y"] = y if u.head_every_step else y[None]
    return out


def unrolled_diagram(
    model: Any, n_steps: int = 3, x: ArrayLike | None = None, max_units: int = 4
) -> Figure:
    """Draw a recurrent network unrolled through time: one column per time step.

    An unrolled recurrent network is a feed-forward network with one copy of the layer per
    time step, all copies sharing the same weights. Each column shows the inputs $x_t$
    (bottom), the hidden units $h_t$ (a vertical stack) and, when the model has an output
    layer, the outputs. The **feedback** connections are drawn unit by unit from the model's
    weights: a line from hidden unit $i$ at step $t-1$ to unit $j$ at step $t$ for every
    non-zero $W_{hh}[i, j]$ (width $\\propto |w|$, blue positive, red negative), so
    direct feedback shows as parallel lines and lateral feedback as crossing lines only. A
    Jordan network's feedback runs from the outputs at $t-1$ to the hidden units at $t$;
    an LSTM's or GRU's cells pass their states ($h$, and an LSTM's cell state $c$) along as
    a whole. Connections inside a step are drawn as one arrow per weight matrix.

    Steps are numbered from 1; step 0 holds the initial state (zeros).

    Args:
        model: A [`RecurrentLayer`][nnref.recurrent.RecurrentLayer],
            [`JordanNetwork`][nnref.recurrent.JordanNetwork], [`LSTM`][nnref.recurrent.LSTM]
            or [`GRU`][nnref.recurrent.GRU], or a [`Sequential`][nnref.network.Sequential]
            network that starts with one, followed by
            [`TimeDistributed`][nnref.recurrent.TimeDistributed]`(Dense)` (an output at every
            step) or [`LastStep`][nnref.recurrent.LastStep]`()` and a ``Dense`` head (one
            output after the last step).
        n_steps: Time steps to draw, 1 to 100 (ignored when ``x`` is given).
        x: One input sequence, shape ``(n_steps, n_in)`` or ``(1, n_steps, n_in)``: its
            values, and the states and outputs the model computes from it, are written in
            the nodes (the model itself is not changed).
        max_units: Larger layers are drawn with this many units and an ellipsis.

    Returns:
        The figure (embed it with [`figure_to_svg`][nnref.plotting.figure_to_svg]).

    Examples:
        >>> from nnref.recurrent import RecurrentLayer
        >>> layer = RecurrentLayer.from_weights([[0.5]], [[0.1]])
        >>> fig = unrolled_diagram(layer, x=[[1.0], [2.0]])
        >>> sorted(t.get_text() for t in fig.axes[0].texts if t.get_text()[0] in "0.")
        ['0', '0.462', '0.78']
    """
    u = _parse_model(model)
    max_units = check_positive_int(max_units, "max_units")
    values = None
    steps = check_int(n_steps, "n_steps", 1, 100)
    if x is not None:
        seq = check_finite(as_float_array(x, "x"), "x")
        if seq.ndim == 3 and seq.shape[0] == 1:
            seq = seq[0]
        if seq.ndim != 2 or seq.shape[0] == 0 or seq.shape[1] != u.core.n_in:
            raise error(
                "x",
                f"one sequence of shape (n_steps, {u.core.n_in}) or (1, n_steps, {u.core.n_in})",
                seq,
            )
        steps = seq.shape[0]
        values = _values(u, seq)
    with style():
        return _draw_unrolled(u, steps, values, max_units)


def _row(n: int, centre: float, gap: float = 1.05) -> list[float]:
    """Positions of ``n`` nodes in a row or stack around ``centre`` (first one first)."""
    return [centre + gap * (k - (n - 1) / 2) for k in range(n)]


_INCH_PER_UNIT = 0.55  # every diagram uses the same scale, so fonts match between figures


def _draw_unrolled(u: _Unrolled, T: int, values: dict[str, Array] | None, cap: int) -> Figure:
    H, n_in = u.core.n_hidden, u.core.n_in
    jordan, gated = u.kind == "jordan", u.kind in ("lstm", "gru")
    n_h, n_x, n_y = min(H, cap), min(n_in, cap), min(u.n_out, cap)
    r = 0.45
    pitch = 4.2 if jordan else 3.0  # distance between time steps
    side = 1.5  # how far right of the hidden stack a Jordan network's outputs sit
    hy = _row(n_h, 0.0, -1.25)  # top to bottom
    top, bottom = hy[0] + r, hy[-1] - r - (0.5 if H > n_h else 0.0)
    in_y = bottom - 1.4
    oy = _row(n_y, 0.0, -1.25) if jordan else [top + 1.4] * n_y

    if u.kind == "rnn":
        feedback = u.core.params["W_hh"] * u.core.mask
    elif jordan:
        feedback = u.core.params["W_yh"]
    else:
        feedback = None
    scale = float(np.abs(feedback).max()) if feedback is not None else 1.0

    with style():
        fig = Figure()
        ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.set_aspect("equal")

    def node(xy: Point, colour: str, text: str, first: bool = False) -> None:
        kw: dict[str, Any] = {"facecolor": "none", "edgecolor": colour, "lw": 1.8, "zorder": 3}
        if first:
            kw["linestyle"] = (0, (2, 2))
        if gated and colour == PALETTE[0]:  # a memory cell
            s = 0.85 * r
            ax.add_patch(
                FancyBboxPatch(
                    (xy[0] - s, xy[1] - s),
                    2 * s,
                    2 * s,
                    boxstyle="round,pad=0,rounding_size=0.08",
                    **kw,
                )
            )
        else:
            ax.add_patch(Circle(xy, r, **kw))
        if text:
            ax.text(*xy, text, ha="center", va="center", fontsize=9.5, zorder=4)

    def value(key: str, t: int, k: int) -> str:
        if values is None or key not in values:
            return ""
        arr = values[key]
        return _label(float(arr[t - 1 if arr.shape[0] > 1 or key != "y" else 0, k]))

    for t in range(T + 1):  # t = 0: the initial state
        X = t * pitch
        first = t == 0
        # hidden units (a Jordan network starts from its output, not its hidden state)
        if gated:  # the cell: a box around its units, which pass c and h on as a whole
            ax.add_patch(
                FancyBboxPatch(
                    (X - r - 0.12, bottom - 0.1),
                    2 * r + 0.24,
                    top - bottom + 0.2,
                    boxstyle="round,pad=0,rounding_size=0.12",
                    facecolor="none",
                    edgecolor=PALETTE[0],
                    lw=1.0,
                    alpha=0.6,
                    linestyle=(0, (2, 2)) if first else "-",
                )
            )
        if not (first and jordan):
            for k, y in enumerate(hy):
                node((X, y), PALETTE[0], "0" if first else value("h", t, k), first)
            if H > n_h:
                ax.text(X, hy[-1] - r - 0.25, "⋮", ha="center", va="center", fontsize=11)
            ax.text(X, top + 0.1, f"$h_{t}$", ha="center", va="bottom", fontsize=11)
        # outputs: beside the hidden units (Jordan: they feed back) or above them
        if n_y and (jordan or (t > 0 and (u.head_every_step or t == T))):
            if jordan:
                for k, y in enumerate(oy):
                    node((X + side, y), PALETTE[1], "0" if first else value("y", t, k), first)
                ax.text(
                    X + side, oy[0] + r + 0.12, f"$y_{t}$", ha="center", va="bottom", fontsize=11
                )
                if not first:
                    _arrow(ax, (X + r + 0.04, 0.0), (X + side - r - 0.04, 0.0))
            else:
                xs = _row(n_y, X)
                for k, ox in enumerate(xs):
                    node((ox, oy[0]), PALETTE[1], value("y", t, k))
                ax.text(
                    xs[-1] + r + 0.12,
                    oy[0],
                    f"$y_{t}$" if u.head_every_step else "$y$",
                    ha="left",
                    va="center",
                    fontsize=11,
                )
                _arrow(ax, (X, top + 0.55), (X, oy[0] - r - 0.04))
        if first:
            continue
        # inputs below
        xs = _row(n_x, X)
        for k, ix in enumerate(xs):
            node((ix, in_y), PALETTE[2], value("x", t, k))
        ax.text(xs[-1] + r + 0.12, in_y, f"$x_{t}$", ha="left", va="center", fontsize=11)
        _arrow(ax, (X, in_y + r + 0.04), (X, bottom - 0.04))
        ax.text(X, in_y - r - 0.15, f"t = {t}", ha="center", va="top", fontsize=10)
        # what step t-1 hands to step t
        prev = (t - 1) * pitch
        if feedback is not None:
            sources = oy if jordan else hy
            x0 = prev + (side if jordan else 0.0) + r
            for i, yi in enumerate(sources):
                for j, yj in enumerate(hy):
                    w = float(feedback[i, j])
                    if w != 0.0:
                        lw, colour = _weight_style(w, scale)
                        ax.plot(
                            [x0, X - r],
                            [yi, yj],
                            color=colour,
                            lw=lw,
                            alpha=0.9,
                            zorder=1,
                            solid_capstyle="butt",
                        )
        else:
            mid = (top + bottom) / 2
            lanes = [(mid + 0.3, "$c$"), (mid - 0.3, "$h$")] if u.kind == "lstm" else [(mid, "$h$")]
            for y, name in lanes:
                _arrow(ax, (prev + r + 0.12, y), (X - r - 0.12, y), lw=1.6, color=PALETTE[0])
                ax.text((prev + X) / 2, y + 0.06, name, ha="center", va="bottom", fontsize=10)
    left = -r - 0.3 if not jordan else side - r - 0.3
    right = T * pitch + (side if jordan else 0.0) + max(1.05 * (max(n_x, n_y, 1) - 1) / 2, 0)
    right += r + 0.75
    low = in_y - r - 0.65
    high = max(top + 0.55, (oy[0] + r + 0.55) if n_y else 0.0)
    ax.set_xlim(left, right)
    ax.set_ylim(low, high)
    width, height = (right - left) * _INCH_PER_UNIT, (high - low) * _INCH_PER_UNIT
    shrink = min(1.0, 7.0 / width)
    fig.set_size_inches(width * shrink, height * shrink)
    return fig


# --- feedback masks ------------------------------------------------------------------------


def _mask_of(model: Any) -> tuple[Array, Array, str, str, str]:
    """(allowed 0/1, weights, row prefix, column prefix, title) of a model's feedback."""
    from nnref.recurrent import JordanNetwork, RecurrentLayer

    if isinstance(model, RecurrentLayer):
        mask = model.mask
        return mask, model.params["W_hh"] * mask, "h", "h", f"{model.feedback}: $W_{{hh}}$"
    if isinstance(model, JordanNetwork):
        W = model.params["W_yh"]
        return np.ones(W.shape), W, "y", "h", "indirect: $W_{yh}$"
    raise error("model", "a RecurrentLayer or a JordanNetwork", model, TypeError)


def weight_mask(model: Any, ax: Axes | None = None, show_weights: bool = False) -> Figure:
    """Draw which feedback connections a model has: one square per connection that may exist.

    Row $i$, column $j$ is the connection from unit $i$ at step $t-1$ to hidden unit $j$ at
    step $t$. For a [`RecurrentLayer`][nnref.recurrent.RecurrentLayer] that is its mask on
    $W_{hh}$ (complete: every square; direct: the diagonal; lateral: all but the diagonal);
    for a [`JordanNetwork`][nnref.recurrent.JordanNetwork] (indirect feedback) it is
    $W_{yh}$, from every output to every hidden unit. Allowed connections are filled,
    forbidden ones left empty.

    Args:
        model: The recurrent layer or Jordan network.
        ax: Axes to draw on; by default a new figure is made.
        show_weights: Colour the allowed squares by the weight instead (blue positive, red
            negative, stronger for larger $|w|$) and write the values in them.

    Returns:
        The figure that holds the axes.

    Examples:
        >>> from nnref.recurrent import RecurrentLayer
        >>> fig = weight_mask(RecurrentLayer(1, 3, feedback="direct", rng=0))
        >>> fig.axes[0].get_title()
        'direct: $W_{hh}$'
        >>> sum(p.get_fill() for p in fig.axes[0].patches)  # the three diagonal squares
        3
    """
    allowed, W, rows, cols, title = _mask_of(model)
    show = check_bool(show_weights, "show_weights")
    n_rows, n_cols = allowed.shape
    scale = float(np.abs(W).max()) or 1.0
    with style():
        target = target_axes(ax, (2.9, 2.9))
        for i in range(n_rows):
            for j in range(n_cols):
                y = n_rows - 1 - i  # row 0 on top, as in a printed matrix
                if allowed[i, j]:
                    w = float(W[i, j])
                    colour = (_POSITIVE if w >= 0 else _NEGATIVE) if show else PALETTE[0]
                    alpha = 0.25 + 0.75 * abs(w) / scale if show else 0.85
                    target.add_patch(
                        Rectangle(
                            (j + 0.06, y + 0.06),
                            0.88,
                            0.88,
                            facecolor=colour,
                            edgecolor="none",
                            alpha=alpha,
                        )
                    )
                    if show:
                        target.text(
                            j + 0.5, y + 0.5, _label(w), ha="center", va="center", fontsize=9
                        )
                else:
                    target.add_patch(
                        Rectangle(
                            (j + 0.06, y + 0.06),
                            0.88,
                            0.88,
                            fill=False,
                            edgecolor=INK,
                            lw=0.6,
                            alpha=0.35,
                        )
                    )
        target.set_xlim(0, n_cols)
        target.set_ylim(0, n_rows)
        target.set_aspect("equal")
        target.grid(False)
        target.set_xticks(np.arange(n_cols) + 0.5, [f"${cols}_{j + 1}$" for j in range(n_cols)])
        target.set_yticks(
            np.arange(n_rows) + 0.5, [f"${rows}_{i + 1}$" for i in range(n_rows)][::-1]
        )
        target.tick_params(length=0)
        for side in ("top", "right", "bottom", "left"):
            target.spines[side].set_visible(False)
        target.set_xlabel("to (step $t$)")
        target.set_ylabel("from (step $t-1$)")
        target.set_title(title, fontsize=11)
    return figure_of(target)
