"""Diagrams drawn from model objects: a neuron's three stages, feed-forward networks.

Sizes, weights and activations are read from the objects, never typed in, so a drawing always
shows the model the code holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral
from typing import Any, NamedTuple

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch
from numpy.typing import ArrayLike

from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_bool,
    check_finite,
    check_names,
    check_positive_int,
    check_str,
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
    *,
    node_labels: Sequence[Sequence[str]] | None = None,
    weight_labels: Sequence[Sequence[Sequence[str]]] | None = None,
    bias_labels: Sequence[Sequence[str]] | None = None,
) -> Figure:
    """Draw a fully connected feed-forward network, one column of neurons per layer.

    Layer $l$ computes $\\mathbf{z}^{(l)} = \\mathbf{a}^{(l-1)} W^{(l)} + \\mathbf{b}^{(l)}$;
    each entry $w^{(l)}_{ij}$ of $W^{(l)}$ is the line from neuron $i$ of one column to
    neuron $j$ of the next. The labels name these parts so that a drawing can be matched to
    the text and tables around it.

    Args:
        layer_sizes: Neurons per layer, input layer first, e.g. ``[2, 3, 1]``: positive
            integers.
        weights: Optional weight matrices, one per pair of adjacent layers, shape
            ``(n_in, n_out)``, finite; line widths then follow ``|w|`` and colours the sign.
        layer_names: Labels under the columns; default input / hidden / output.
        max_neurons: Larger layers are drawn with this many neurons and an ellipsis.
        node_labels: Optional names written in the neurons (``"$h_1$"``): one sequence per
            layer, one string per neuron.
        weight_labels: Optional names written along the lines: one nested sequence per pair
            of adjacent layers, ``weight_labels[l][i][j]`` for the line from neuron ``i`` to
            neuron ``j``.
        bias_labels: Optional names of the biases, written next to the neurons: one sequence
            per layer after the input, one string per neuron.

    Returns:
        The figure.

    Examples:
        >>> fig = network_diagram([3, 4, 2])
        >>> len(fig.axes)
        1
        >>> fig = network_diagram([1, 1], node_labels=[["$x$"], ["$o$"]],
        ...                       weight_labels=[[["$w$"]]], bias_labels=[["$b$"]])
        >>> sorted(t.get_text() for t in fig.axes[0].texts)[:4]
        ['$b$', '$o$', '$w$', '$x$']
    """
    sizes = _layer_sizes(layer_sizes)
    mats = None
    if weights is not None:
        if isinstance(weights, str | bytes) or not isinstance(weights, Sequence):
            raise error("weights", "a sequence of weight matrices or None", weights, TypeError)
        mats = [as_float_array(w, "weights") for w in weights]
        expected = list(zip(sizes[:-1], sizes[1:], strict=True))
        if [m.shape for m in mats] != expected:
            raise error("weights", f"matrices of shapes {expected}", [m.shape for m in mats])
        for m in mats:
            check_finite(m, "weights")
    if layer_names is None:
        names = ["input", *(["hidden"] * (len(sizes) - 2)), "output"]
    else:
        n = len(sizes)
        names = check_names(layer_names, "layer_names", n, f"{n} names, one per layer")
    max_neurons = check_positive_int(max_neurons, "max_neurons")
    labels = _Labels(
        nodes=_label_lists(node_labels, "node_labels", sizes),
        weights=_weight_label_lists(weight_labels, sizes),
        biases=_label_lists(bias_labels, "bias_labels", sizes[1:]),
    )
    with style():
        return _draw_network(sizes, mats, names, max_neurons, labels)


def _layer_sizes(layer_sizes: Any) -> list[int]:
    """``layer_sizes`` as a list of at least two positive ints (no floats, no booleans)."""
    rule = "a sequence of at least two positive integer layer sizes"
    if isinstance(layer_sizes, str | bytes) or not isinstance(layer_sizes, Sequence | np.ndarray):
        raise error("layer_sizes", rule, layer_sizes, TypeError)
    values = list(layer_sizes)
    if not all(isinstance(s, Integral) and not isinstance(s, bool | np.bool_) for s in values):
        raise error("layer_sizes", rule, layer_sizes, TypeError)
    if len(values) < 2 or min(values) < 1 or max(values) > 10_000:
        raise error("layer_sizes", rule + " (at most 10000 each)", layer_sizes)
    return [int(s) for s in values]


class _Labels(NamedTuple):
    nodes: list[list[str]] | None
    weights: list[list[list[str]]] | None
    biases: list[list[str]] | None

    def any(self) -> bool:
        return any(v is not None for v in self)


def _label_lists(values: Any, name: str, sizes: list[int]) -> list[list[str]] | None:
    """One list of strings per layer, as long as the layer (or None)."""
    if values is None:
        return None
    rule = f"one sequence of names per layer ({len(sizes)}), as many as its neurons {sizes}"
    outer = check_names_seq(values, name, len(sizes), rule)
    return [
        [check_str(v, f"{name}[{k}]") for v in check_names_seq(row, f"{name}[{k}]", n, rule)]
        for k, (row, n) in enumerate(zip(outer, sizes, strict=True))
    ]


def _weight_label_lists(values: Any, sizes: list[int]) -> list[list[list[str]]] | None:
    if values is None:
        return None
    pairs = list(zip(sizes[:-1], sizes[1:], strict=True))
    rule = f"one (n_in, n_out) nested sequence of names per weight matrix, shapes {pairs}"
    outer = check_names_seq(values, "weight_labels", len(pairs), rule)
    out = []
    for k, (mat, (n_in, n_out)) in enumerate(zip(outer, pairs, strict=True)):
        rows = check_names_seq(mat, f"weight_labels[{k}]", n_in, rule)
        out.append(
            [
                [
                    check_str(v, f"weight_labels[{k}]")
                    for v in check_names_seq(r, f"weight_labels[{k}]", n_out, rule)
                ]
                for r in rows
            ]
        )
    return out


def check_names_seq(values: Any, name: str, n: int, rule: str) -> list[Any]:
    """``values`` as a list of ``n`` items, refusing strings and non-sequences."""
    if isinstance(values, str | bytes) or not isinstance(values, Sequence | np.ndarray):
        raise error(name, rule, values, TypeError)
    if len(values) != n:
        raise error(name, rule, values)
    return list(values)


def _draw_network(
    sizes: list[int],
    mats: list[Array] | None,
    names: list[str],
    max_neurons: int,
    labels: _Labels | None = None,
) -> Figure:
    labels = labels or _Labels(None, None, None)
    shown = [min(s, max_neurons) for s in sizes]
    tallest = max(shown)
    # Units of the drawing: columns ``gap`` apart, neurons ``step`` apart, ``inch`` per unit.
    # Labelled diagrams need room between the lines for their names.
    gap, step, radius, inch = (3.2, 1.8, 0.34, 0.5) if labels.any() else (2.0, 1.0, 0.28, 0.5)
    label_room = 0.5 if labels.biases is not None else 0.0
    x_lo, x_hi = -0.8, gap * (len(sizes) - 1) + 0.8
    y_hi = (tallest - 1) / 2 * step + 0.6 + label_room
    y_lo = -(tallest - 1) / 2 * step - 1.8 - label_room
    fig, ax = new_figure(figsize=((x_hi - x_lo) * inch, (y_hi - y_lo) * inch))
    ax.set_axis_off()
    ax.set_aspect("equal")

    def ys(k: int) -> Array:
        return (np.arange(k)[::-1] - (k - 1) / 2) * step

    scale = max((float(np.abs(m).max()) for m in mats), default=1.0) if mats else 1.0
    for layer, (k_in, k_out) in enumerate(zip(shown[:-1], shown[1:], strict=True)):
        x0, x1 = gap * layer, gap * (layer + 1)
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
                r = radius / float(np.hypot(dx, dy))
                ax.plot(
                    [x0 + r * dx, x1 - r * dx],
                    [y0 + r * dy, y1 - r * dy],
                    color=color,
                    lw=width,
                    alpha=alpha,
                    zorder=1,
                )
                if labels.weights is not None:
                    _edge_label(ax, (x0, y0), (x1, y1), labels.weights[layer][i][j], color)
    colors = [PALETTE[2], *([PALETTE[0]] * (len(sizes) - 2)), PALETTE[1]]
    bottom = -(tallest - 1) / 2 * step - 0.9 - label_room
    for layer, (k, size) in enumerate(zip(shown, sizes, strict=True)):
        x = gap * layer
        for n, y in enumerate(ys(k)):
            ax.add_patch(
                Circle((x, y), radius, facecolor="none", edgecolor=colors[layer], lw=2, zorder=2)
            )
            if labels.nodes is not None:
                ax.text(x, y, labels.nodes[layer][n], ha="center", va="center", fontsize=11)
            if labels.biases is not None and layer > 0:
                up = y >= 0  # beside the node, away from the middle where the lines cross
                ax.text(
                    x,
                    y + (radius + 0.12) * (1 if up else -1),
                    labels.biases[layer - 1][n],
                    ha="center",
                    va="bottom" if up else "top",
                    fontsize=10,
                    color=PALETTE[1],
                )
        label = f"{names[layer]}\n{size} neuron{'s' if size != 1 else ''}"
        ax.text(x, bottom, label, ha="center", va="top", fontsize=10)
        if size > k:
            ax.text(x, ys(k)[-1] - 0.5 * step, "⋮", ha="center", va="center", fontsize=12)
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(y_lo, y_hi)
    return fig


def _edge_label(ax: Axes, start: Point, end: Point, text: str, color: str) -> None:
    """A name along a line, on the side away from the crossing lines (above a line that falls
    or stays level in the upper half, below one that rises or stays level in the lower half):
    a level line is named past its middle, a sloping one near its start, so that the names of
    the lines leaving one neuron do not meet."""
    (x0, y0), (x1, y1) = start, end
    angle = float(np.degrees(np.arctan2(y1 - y0, x1 - x0)))
    above = y1 < y0 or (y1 == y0 and y0 >= 0)
    t = 0.6 if y1 == y0 else 0.3
    x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
    ax.annotate(
        text,
        (x, y),
        xytext=(0, 3 if above else -3),
        textcoords="offset points",
        ha="center",
        va="bottom" if above else "top",
        rotation=angle,
        rotation_mode="anchor",
        fontsize=10,
        color=color,
    )


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
    model: Any,
    layer_names: Sequence[str] | None = None,
    max_neurons: int = 10,
    *,
    labels: bool = False,
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
        labels: Name every neuron, weight and bias in the site's notation: inputs
            $x_i$, hidden activities $h_j$ ($h^{(l)}_j$ with several hidden layers), outputs
            $o_k$, weights $w^{(l)}_{ij}$ of the $l$-th weight matrix and biases
            $b^{(l)}_j$; an index is left out where its layer has a single neuron ($o$,
            $w^{(2)}_j$, $b^{(2)}$ for one output neuron).

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
    check_bool(labels, "labels")
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
    if not labels:
        return network_diagram(sizes, weights=mats, layer_names=labelled, max_neurons=max_neurons)
    has_biases = _has_dense_biases(model)
    return network_diagram(
        sizes,
        weights=mats,
        layer_names=labelled,
        max_neurons=max_neurons,
        node_labels=_node_names(sizes),
        weight_labels=_weight_names(sizes),
        bias_labels=_bias_names(sizes) if has_biases else None,
    )


def _sub(*indices: tuple[int, int]) -> str:
    """The subscript of a name: each (index, layer size) pair, left out for a single neuron."""
    digits = "".join(str(i + 1) for i, n in indices if n > 1)
    return f"_{{{digits}}}" if digits else ""


def _node_names(sizes: list[int]) -> list[list[str]]:
    """$x_i$, then $h_j$ (or $h^{(l)}_j$ for several hidden layers), then $o_k$."""
    n_hidden = len(sizes) - 2
    out = []
    for layer, n in enumerate(sizes):
        if layer == 0:
            stem = "x"
        elif layer == len(sizes) - 1:
            stem = "o"
        else:
            stem = "h" if n_hidden == 1 else f"h^{{({layer})}}"
        out.append([f"${stem}{_sub((i, n))}$" for i in range(n)])
    return out


def _weight_names(sizes: list[int]) -> list[list[list[str]]]:
    """$w^{(l)}_{ij}$ for the line from neuron $i$ to neuron $j$ of weight matrix $l$."""
    return [
        [
            [f"$w^{{({k + 1})}}{_sub((i, n_in), (j, n_out))}$" for j in range(n_out)]
            for i in range(n_in)
        ]
        for k, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True))
    ]


def _bias_names(sizes: list[int]) -> list[list[str]]:
    """$b^{(l)}_j$ for neuron $j$ of layer $l$ (the input layer has none)."""
    return [[f"$b^{{({k})}}{_sub((j, n))}$" for j in range(n)] for k, n in enumerate(sizes) if k]


def _has_dense_biases(model: Any) -> bool:
    """Whether the model is a network of dense layers with biases (drawn next to neurons)."""
    from nnref.network import Sequential

    return isinstance(model, Sequential)
