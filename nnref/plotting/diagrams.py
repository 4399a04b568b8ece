"""Diagrams drawn from model objects: a neuron's three stages, feed-forward networks.

Sizes, weights and activations are read from the objects, never typed in, so a drawing always
shows the model the code holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch
from numpy.typing import ArrayLike

from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_names,
    check_positive_int,
    check_type,
    error,
)
from nnref.neuron import Neuron, NeuronTrace
from nnref.plotting.figure import INK, PALETTE, new_figure, style

__all__ = ["model_diagram", "network_diagram", "neuron_diagram"]

Point = tuple[float, float]


def _node(ax: Axes, xy: Point, label: str, color: str, r: float = 0.32) -> None:
    ax.add_patch(Circle(xy, r, facecolor="none", edgecolor=color, linewidth=2))
    ax.text(*xy, label, ha="center", va="center", fontsize=12)


def _arrow(ax: Axes, start: Point, end: Point, width: float, color: str = INK) -> None:
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
    check_type(neuron, "neuron", Neuron, "a Neuron")
    n = neuron.n_inputs
    if input_names is None:
        names = [f"$x_{i + 1}$" for i in range(n)]
    else:
        names = check_names(input_names, "input_names", n, f"{n} label(s), one per input")
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
            body[:2],
            body[2],
            body[3],
            boxstyle="round,pad=0.08,rounding_size=0.5",
            facecolor="none",
            edgecolor=PALETTE[0],
            linewidth=2.2,
        )
    )
    stage_x = [body[0] + body[2] * f for f in (1 / 6, 3 / 6, 5 / 6)]
    for sx in (body[0] + body[2] / 3, body[0] + 2 * body[2] / 3):
        ax.plot([sx, sx], [body[1] + 0.12, body[1] + body[3] - 0.12], color=PALETTE[0], lw=1)
    labels = [r"$\Sigma$", neuron.activation.key, neuron.output.key]
    values = [trace.net_input, trace.activity, trace.output] if trace is not None else [None] * 3
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
        color = PALETTE[3] if w < 0 else INK  # negative weights in red, as in network_diagram
        _arrow(ax, start, end, 0.6 + 2.4 * abs(w) / scale, color)
        wlabel = f"$b = {w:.3g}$" if is_bias else f"$w_{i + 1} = {w:.3g}$"
        # Label a quarter of the way along the arrow, lifted off the line.
        lx = start[0] + 0.25 * (end[0] - start[0])
        ly = start[1] + 0.25 * (end[1] - start[1])
        ax.text(lx, ly + 0.2, wlabel, ha="center", va="bottom", fontsize=10, color=color)
    body_right = body[0] + body[2] + 0.1  # where the output arrow leaves the body
    _arrow(ax, (body_right, body_y), (body_right + 1.0, body_y), 1.6)
    out = "o" if trace is None else f"{float(trace.output):.3g}"
    ax.text(body_right + 1.1, body_y, out, ha="left", va="center", fontsize=12)
    ax.set_xlim(-0.9, body_right + 1.9)
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
        names = ["input", *(["hidden"] * (len(sizes) - 2)), "output"]
    else:
        n = len(sizes)
        names = check_names(layer_names, "layer_names", n, f"{n} names, one per layer")
    max_neurons = check_positive_int(max_neurons, "max_neurons")
    with style():
        return _draw_network(sizes, mats, names, max_neurons)


def _draw_network(
    sizes: list[int], mats: list[Array] | None, names: list[str], max_neurons: int
) -> Figure:
    shown = [min(s, max_neurons) for s in sizes]
    tallest = max(shown)
    fig, ax = new_figure(figsize=(1.6 + 1.7 * len(sizes), 1.0 + 0.55 * tallest))
    ax.set_axis_off()
    ax.set_aspect("equal")

    def ys(k: int) -> Array:
        return (np.arange(k)[::-1] - (k - 1) / 2) * 1.0

    scale = max((float(np.abs(m).max()) for m in mats), default=1.0) if mats else 1.0
    for layer, (k_in, k_out) in enumerate(zip(shown[:-1], shown[1:], strict=True)):
        x0, x1 = 2.0 * layer, 2.0 * (layer + 1)
        for i, y0 in enumerate(ys(k_in)):
            for j, y1 in enumerate(ys(k_out)):
                if mats is None:
                    width, color, alpha = 0.8, INK, 0.35
                else:
                    w = float(mats[layer][i, j])
                    width = 0.3 + 3.0 * abs(w) / (scale or 1.0)
                    color, alpha = (PALETTE[0] if w >= 0 else PALETTE[3]), 0.9
                # Stop the edge at the node's rim: nodes are hollow, so a line into the
                # centre would cross the circle.
                dx, dy = x1 - x0, y1 - y0
                r = 0.28 / float(np.hypot(dx, dy))
                ax.plot(
                    [x0 + r * dx, x1 - r * dx],
                    [y0 + r * dy, y1 - r * dy],
                    color=color,
                    lw=width,
                    alpha=alpha,
                    zorder=1,
                )
    colors = [PALETTE[2], *([PALETTE[0]] * (len(sizes) - 2)), PALETTE[1]]
    for layer, (k, size) in enumerate(zip(shown, sizes, strict=True)):
        x = 2.0 * layer
        for y in ys(k):
            ax.add_patch(
                Circle((x, y), 0.28, facecolor="none", edgecolor=colors[layer], lw=2, zorder=2)
            )
        bottom = -(tallest - 1) / 2 - 0.9
        label = f"{names[layer]}\n{size} neuron{'s' if size != 1 else ''}"
        ax.text(x, bottom, label, ha="center", va="top", fontsize=9)
        if size > k:
            ax.text(x, ys(k)[-1] - 0.5, "⋮", ha="center", va="center", fontsize=12)
    ax.set_xlim(-0.8, 2.0 * (len(sizes) - 1) + 0.8)
    ax.set_ylim(-(tallest - 1) / 2 - 1.8, (tallest - 1) / 2 + 0.6)
    return fig


def _activation_label(layer: Any) -> str | None:
    """What a parameter-free or PReLU layer applies, for the diagram's column label."""
    from nnref.layers import ActivationLayer, PReLU

    if isinstance(layer, ActivationLayer):
        return layer.activation.key
    if isinstance(layer, PReLU):
        return f"prelu, α = {layer.alpha:.2g}"
    return None


def _model_structure(model: Any) -> tuple[list[int], list[Array], list[str]]:
    """Layer sizes, weight matrices and the activation of every column after the input."""
    from nnref.layers import Dense
    from nnref.network import Sequential

    if isinstance(model, Sequential):
        sizes: list[int] = []
        mats: list[Array] = []
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
                    f"model.layers[{i}]",
                    "a Dense, ActivationLayer or PReLU layer",
                    layer,
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
    max_neurons = check_positive_int(max_neurons, "max_neurons")
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
        n = len(sizes)
        names = check_names(layer_names, "layer_names", n, f"{n} names, one per layer")
    labelled = [names[0], *(f"{n}\n{a}" for n, a in zip(names[1:], acts, strict=True))]
    return network_diagram(sizes, weights=mats, layer_names=labelled, max_neurons=max_neurons)
