"""Sweep entries: the figures of ``nnref.plotting``. Add a plotting entry point here with
``add(entry(...))``.

Drawing is slow, so every entry uses small data and the bad values are the ones a plotting
call can meet (wrong types, shapes, non-finite values, out-of-range sizes); a bad value must
be refused before anything is drawn. Needs matplotlib: without it these entries are skipped
(the module adds nothing).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sweep_common import X2, Y2, add, entry
from sweep_inputs import (
    BOOL,
    CALLABLE,
    LABELS,
    OBJECT,
    OPTIONAL_INT,
    Kind,
    array_kind,
    int_kind,
    matrix_kind,
    optional,
    real_kind,
    without,
)

try:
    import matplotlib  # noqa: F401
except ImportError:  # pragma: no cover - the sweep then covers the rest of the API
    PLOTTING = False
else:
    PLOTTING = True

# --- kinds of the plotting arguments ---------------------------------------------------------


def _text_bad(valid: Any) -> list[tuple[str, Any]]:
    return [("a number", 3), ("a list", ["a"]), ("bytes", b"x"), ("None", None)]


TEXT = Kind("text", _text_bad)
"""A label or title: a string."""
OPTIONAL_TEXT = optional(TEXT)


def _names_bad(valid: Any) -> list[tuple[str, Any]]:
    n = len(valid)
    return [
        ("one string", "ab" * n),
        ("one name fewer", list(valid)[:-1]),
        ("one name more", [*valid, "extra"]),
        ("a number", 3),
        ("numbers inside", [object()] * n),
    ]


NAMES = Kind("names", _names_bad)
"""One name per item (class, layer, curve), as a sequence of strings."""
OPTIONAL_NAMES = Kind("names or None", _names_bad)


def _ax_bad(valid: Any) -> list[tuple[str, Any]]:
    from nnref.plotting import new_figure

    return [("a string", "ax"), ("a number", 3), ("a figure", new_figure(figsize=(2, 1))[0])]


AX = Kind("axes or None", _ax_bad)


def _size_bad(valid: Any) -> list[tuple[str, Any]]:
    return [
        ("NaN", (float("nan"), 2.0)),
        ("inf", (2.0, float("inf"))),
        ("zero", (0.0, 2.0)),
        ("negative", (-1.0, 2.0)),
        ("one number", 3.0),
        ("three numbers", (1.0, 2.0, 3.0)),
        ("strings", ("a", "b")),
        ("None", None),
        ("huge", (1e6, 1e6)),
    ]


FIGSIZE = Kind("figure size", _size_bad)


def _limits_bad(valid: Any) -> list[tuple[str, Any]]:
    return [
        ("reversed", (1.0, -1.0)),
        ("equal", (1.0, 1.0)),
        ("NaN", (float("nan"), 1.0)),
        ("inf", (-1.0, float("inf"))),
        ("one number", 1.0),
        ("strings", ("a", "b")),
        ("None", None),
    ]


LIMITS = Kind(
    "limits", _limits_bad, lambda valid: [("huge", (-1e300, 1e300)), ("tiny", (0.0, 1e-300))]
)

CURVE = array_kind("curve", (1,))
CURVES = array_kind("curves", (2,))
IMAGE = array_kind("image", (2,))
SMALL_INT = int_kind(1, extreme=[("huge", 10**9)])
DIGITS = int_kind(1, extreme=[("many", 20)])
FIRST_STEP = Kind(
    "step number",
    lambda v: [b for b in int_kind(0).bad(v) if b[0] not in ("below the minimum", "negative")],
    lambda v: [("negative", -5), ("huge", 10**15)],
)
"""The number of the first time step: any int (a negative one included)."""
RESOLUTION = int_kind(2, extreme=[("huge", 10**9)])
PANEL = real_kind("panel size", lambda v: v > 0, [("tiny", 1e-300), ("huge", 1e300)])
OPTIONAL_VMAX = real_kind(
    "vmax or None", lambda v: v > 0, [("tiny", 1e-300), ("huge", 1e300)], True
)
OPTIONAL_BOOL = Kind("bool or None", lambda v: [("a string", "yes"), ("an int", 1)])
SIZES = Kind(
    "layer sizes",
    lambda v: [
        ("floats", [2.7, 3]),
        ("None", None),
        ("a number", 3),
        ("one layer", [2]),
        ("zero", [2, 0]),
        ("negative", [2, -1]),
        ("a string", "23"),
        ("True", [True, 2]),
    ],
    lambda v: [("huge", [10**6, 2])],
)
NEURON_CAP = int_kind(1, extreme=[("huge", 10**9)])


def _models() -> dict[str, Any]:
    """Small fitted or seeded models to draw, built fresh for every call."""
    from nnref.conv import Conv2D, MaxPool2D
    from nnref.layers import ActivationLayer, Dense, Flatten
    from nnref.linear import Perceptron
    from nnref.network import Sequential, mlp
    from nnref.recurrent import LSTM, RecurrentLayer

    return {
        "mlp": mlp([2, 2, 1], activation="tanh", rng=0),
        "perceptron": Perceptron(epochs=5).fit(X2, Y2),
        "cnn": Sequential(
            [
                Conv2D(1, 2, 3, rng=0),
                ActivationLayer("relu"),
                MaxPool2D(2),
                Flatten(),
                Dense(8, 2, rng=0),
            ]  # fmt: skip
        ),
        "rnn": RecurrentLayer(1, 2, rng=0),
        "lstm": LSTM(1, 2, rng=0),
    }


def _in_style() -> bool:
    from nnref.plotting import style

    with style():
        return True


def _register() -> None:
    from nnref import plotting as P

    models = _models()
    bowl = lambda w: (np.asarray(w) ** 2).sum(axis=1)  # noqa: E731
    trace = models["lstm"].trace(np.linspace(-1.0, 1.0, 4).reshape(1, 4, 1))
    fig_kind = Kind(
        "figure",
        lambda v: [("None", None), ("a string", "fig"), ("axes", P.new_figure(figsize=(2, 1))[1])],
    )

    # figure.py
    add(
        entry(
            "new_figure",
            "nnref.plotting.figure.new_figure",
            lambda figsize, nrows, ncols, layout: P.new_figure(figsize, nrows, ncols, layout),
            figsize=(FIGSIZE, (2.0, 1.0)),
            nrows=(int_kind(1, extreme=[("many", 12)]), 1),
            ncols=(int_kind(1, extreme=[("many", 12)]), 2),
            layout=(Kind("layout", lambda v: [("unknown", "tight"), ("an int", 3)]), "fast"),
        )
    )
    add(
        entry(
            "figure_to_svg",
            "nnref.plotting.figure.figure_to_svg",
            lambda fig, figure_id, title: P.figure_to_svg(fig, figure_id, title),
            fig=(fig_kind, P.new_figure(figsize=(1.5, 1.0))[0]),
            figure_id=(
                Kind(
                    "id",
                    lambda v: [
                        ("None", None),
                        ("a space", "a b"),
                        ("empty", ""),
                        ("a number", 3),
                        ("a quote", 'a"b'),
                    ],
                ),
                "fig-1",
            ),
            title=(OPTIONAL_TEXT, "A title"),
        ),
    )
    # style() takes no argument: swept as a call that must work (and leave no state behind).
    add(entry("style", "nnref.plotting.figure.style", _in_style))

    # diagrams.py
    from nnref.neuron import Neuron

    add(
        entry(
            "neuron_diagram",
            "nnref.plotting.diagrams.neuron_diagram",
            lambda neuron, x, input_names: P.neuron_diagram(neuron, x, input_names),
            neuron=(OBJECT, Neuron([0.3, -0.7], bias=0.1)),
            x=(optional(array_kind("x", (1,))), np.array([0.5, 0.8])),
            input_names=(OPTIONAL_NAMES, ["a", "b"]),
        )
    )
    add(
        entry(
            "network_diagram",
            "nnref.plotting.diagrams.network_diagram",
            lambda layer_sizes, weights, layer_names, max_neurons, node_labels: P.network_diagram(
                layer_sizes, weights, layer_names, max_neurons, node_labels=node_labels
            ),
            layer_sizes=(SIZES, [2, 1]),
            weights=(
                Kind(
                    "weights",
                    lambda v: [
                        ("NaN", [np.array([[np.nan], [1.0]])]),
                        ("inf", [np.array([[np.inf], [1.0]])]),
                        ("wrong shape", [np.ones((1, 2))]),
                        ("a string", "w"),
                        ("a matrix, not a list", np.ones((2, 1))),
                        ("strings", [np.array([["a"], ["b"]])]),
                    ],
                    lambda v: [
                        ("huge", [np.array([[1e308], [-1e308]])]),
                        ("tiny", [np.array([[5e-324], [0.0]])]),
                    ],
                ),
                [np.array([[0.5], [-1.0]])],
            ),
            layer_names=(OPTIONAL_NAMES, ["in", "out"]),
            max_neurons=(NEURON_CAP, 10),
            node_labels=(
                Kind(
                    "node labels",
                    lambda v: [
                        ("flat", ["a", "b", "c"]),
                        ("one short", [["a"], ["o"]]),
                        ("a string", "abc"),
                        ("numbers", [[1, 2], [3]]),
                    ],
                ),
                [["a", "b"], ["o"]],
            ),
        )
    )
    add(
        entry(
            "model_diagram",
            "nnref.plotting.diagrams.model_diagram",
            lambda model, layer_names, max_neurons, labels: P.model_diagram(
                model, layer_names, max_neurons, labels=labels
            ),
            model=(OBJECT, models["mlp"]),
            layer_names=(OPTIONAL_NAMES, ["a", "b", "c"]),
            max_neurons=(NEURON_CAP, 10),
            labels=(BOOL, True),
        )
    )

    # learning.py
    add(
        entry(
            "scatter_classes",
            "nnref.plotting.learning.scatter_classes",
            lambda X, y, ax, class_names, legend: P.scatter_classes(X, y, ax, class_names, legend),
            X=(matrix_kind("points", features=True), X2),
            y=(without(LABELS, "one class"), Y2),
            ax=(AX, None),
            class_names=(OPTIONAL_NAMES, ["no", "yes"]),
            legend=(BOOL, True),
        )
    )
    add(
        entry(
            "decision_regions",
            "nnref.plotting.learning.decision_regions",
            lambda model, X, y, resolution, padding, legend: P.decision_regions(
                model, X, y, resolution=resolution, padding=padding, legend=legend
            ),
            model=(OBJECT, models["perceptron"]),
            X=(matrix_kind("points"), X2),
            y=(without(LABELS, "one class"), Y2),
            resolution=(RESOLUTION, 20),
            padding=(
                real_kind("padding", lambda v: v >= 0, [("huge", 1e300), ("tiny", 1e-300)]),
                0.5,
            ),
            legend=(BOOL, True),
        )
    )
    add(
        entry(
            "training_curve",
            "nnref.plotting.learning.training_curve",
            lambda values, label, ylabel, logy, color: P.training_curve(
                values, label=label, ylabel=ylabel, logy=logy, color=color
            ),
            values=(CURVE, np.array([3.0, 2.0, 1.5, 1.0])),
            label=(OPTIONAL_TEXT, "run"),
            ylabel=(TEXT, "cost"),
            logy=(BOOL, True),
            color=(
                Kind("colour", lambda v: [("unknown", "not-a-colour"), ("a number", 3)]),
                "#3b82f6",
            ),
        )
    )
    add(
        entry(
            "cost_contour",
            "nnref.plotting.learning.cost_contour",
            lambda cost, xlim, ylim, path, resolution, levels: P.cost_contour(
                cost, xlim, ylim, path=path, resolution=resolution, levels=levels
            ),
            cost=(CALLABLE, bowl),
            xlim=(LIMITS, (-1.0, 1.0)),
            ylim=(LIMITS, (-1.0, 1.0)),
            path=(optional(matrix_kind("path")), np.array([[0.8, 0.6], [0.0, 0.0]])),
            resolution=(int_kind(2, extreme=[("huge", 10**9)]), 15),
            levels=(
                Kind(
                    "levels",
                    lambda v: [
                        ("zero", 0),
                        ("NaN", [np.nan, 1.0]),
                        ("a string", "ab"),
                        ("unsorted", [1.0, 0.5]),
                    ],
                ),
                5,
            ),
        )
    )
    add(
        entry(
            "layer_curves",
            "nnref.plotting.learning.layer_curves",
            lambda values, steps, logy, labels: P.layer_curves(
                values, steps=steps, logy=logy, labels=labels
            ),
            values=(CURVES, np.array([[1.0, 0.1], [0.5, 0.2], [0.2, 0.2]])),
            steps=(optional(CURVE), np.array([1.0, 2.0, 3.0])),
            logy=(BOOL, True),
            labels=(OPTIONAL_NAMES, ["a", "b"]),
        )
    )
    add(
        entry(
            "regression_fit",
            "nnref.plotting.learning.regression_fit",
            lambda x, y, models, resolution, truth: P.regression_fit(
                x, y, models, resolution=resolution, truth=truth
            ),
            x=(array_kind("inputs", (1, 2)), np.linspace(0.0, 1.0, 5)),
            y=(array_kind("targets", (1, 2)), np.linspace(0.0, 2.0, 5)),
            models=(
                Kind(
                    "models",
                    lambda v: [
                        ("None", None),
                        ("a number", 3),
                        ("not callable", {"a": 3}),
                        ("empty", {}),
                    ],
                ),
                {"twice": lambda X: 2 * X[:, 0]},
            ),
            resolution=(RESOLUTION, 5),
            truth=(Kind("truth", lambda v: [("a number", 3), ("a string", "abc")]), None),
        )
    )

    # images.py
    add(
        entry(
            "image_grid",
            "nnref.plotting.images.image_grid",
            lambda images, titles, ncols, vmax, values, digits, panel_size: P.image_grid(
                images,
                titles,
                ncols,
                vmax=vmax,
                values=values,
                digits=digits,
                panel_size=panel_size,
            ),
            images=(array_kind("images", (2, 3)), np.arange(9.0).reshape(1, 3, 3) - 4),
            titles=(OPTIONAL_NAMES, ["x"]),
            ncols=(OPTIONAL_INT, None),
            vmax=(OPTIONAL_VMAX, None),
            values=(BOOL, True),
            digits=(DIGITS, 2),
            panel_size=(PANEL, 1.0),
        )
    )
    add(
        entry(
            "kernel_grid",
            "nnref.plotting.images.kernel_grid",
            lambda kernels, ncols, values, digits, panel_size: P.kernel_grid(
                kernels, ncols, values, digits, panel_size
            ),
            kernels=(array_kind("kernels", (2, 3, 4)), np.arange(8.0).reshape(2, 1, 2, 2) - 3),
            ncols=(OPTIONAL_INT, None),
            values=(BOOL, True),
            digits=(DIGITS, 2),
            panel_size=(PANEL, 0.9),
        )
    )
    add(
        entry(
            "feature_maps",
            "nnref.plotting.images.feature_maps",
            lambda model, x, layers, max_channels, panel_size: P.feature_maps(
                model, x, layers, max_channels, panel_size
            ),
            model=(OBJECT, models["cnn"]),
            x=(array_kind("image", (3,)), np.linspace(-1.0, 1.0, 36).reshape(1, 6, 6)),
            layers=(
                Kind(
                    "layers",
                    lambda v: [
                        ("out of range", [9]),
                        ("a string", "0"),
                        ("floats", [0.5]),
                        ("negative", [-9]),
                    ],
                ),
                None,
            ),
            max_channels=(SMALL_INT, 8),
            panel_size=(PANEL, 0.7),
        )
    )
    add(
        entry(
            "kernel_placements",
            "nnref.plotting.images.kernel_placements",
            lambda size, kernel_size, stride, padding, dilation, positions: P.kernel_placements(
                size, kernel_size, stride, padding, dilation, positions
            ),
            size=(
                Kind(
                    "size",
                    lambda v: [("zero", 0), ("a float", 2.5), ("None", None), ("a string", "5")],
                    lambda v: [("huge", 10**6)],
                ),
                5,
            ),
            kernel_size=(
                Kind(
                    "kernel size",
                    lambda v: [
                        ("zero", 0),
                        ("bigger than the input", 9),
                        ("a float", 1.5),
                        ("None", None),
                    ],
                ),
                3,
            ),
            stride=(Kind("stride", lambda v: [("zero", 0), ("a float", 1.5), ("None", None)]), 2),
            padding=(
                Kind(
                    "padding", lambda v: [("negative", -1), ("unknown", "full"), ("a float", 0.5)]
                ),
                1,
            ),
            dilation=(Kind("dilation", lambda v: [("zero", 0), ("a float", 1.5)]), 1),
            positions=(
                Kind(
                    "positions",
                    lambda v: [("outside", [(9, 9)]), ("a string", "ab"), ("floats", [(0.5, 0.0)])],
                ),
                None,
            ),
        )
    )
    add(
        entry(
            "convolution_steps",
            "nnref.plotting.images.convolution_steps",
            lambda image, kernel, ncols, digits, cell: P.convolution_steps(
                image, kernel, ncols, digits, cell
            ),
            image=(IMAGE, np.arange(9.0).reshape(3, 3)),
            kernel=(IMAGE, np.array([[0.0, 1.0], [2.0, 3.0]])),
            ncols=(SMALL_INT, 2),
            digits=(DIGITS, 3),
            cell=(PANEL, 0.24),
        )
    )
    add(
        entry(
            "cnn_diagram",
            "nnref.plotting.images.cnn_diagram",
            lambda model, input_shape, width, rows: P.cnn_diagram(model, input_shape, width, rows),
            model=(OBJECT, models["cnn"]),
            input_shape=(
                Kind(
                    "input shape",
                    lambda v: [
                        ("zero", (1, 0, 6)),
                        ("None", None),
                        ("a string", "166"),
                        ("wrong channels", (3, 6, 6)),
                    ],
                ),
                (1, 6, 6),
            ),
            width=(OPTIONAL_VMAX, None),
            rows=(int_kind(1, extreme=[("many", 50)]), 1),
        )
    )

    # sequences.py
    add(
        entry(
            "state_curves",
            "nnref.plotting.sequences.state_curves",
            lambda values, labels, logy, first_step: P.state_curves(
                values, labels=labels, logy=logy, first_step=first_step
            ),
            values=(array_kind("values", (1, 2)), np.array([[1.0, 0.5], [0.5, 0.25]])),
            labels=(OPTIONAL_NAMES, ["a", "b"]),
            logy=(BOOL, False),
            first_step=(FIRST_STEP, 1),
        )
    )
    add(
        entry(
            "energy_curve",
            "nnref.plotting.sequences.energy_curve",
            lambda energies, labels, xlabel: P.energy_curve(energies, labels=labels, xlabel=xlabel),
            energies=(array_kind("energies", (1, 2)), np.array([0.0, -1.5, -3.0])),
            labels=(Kind("labels", lambda v: [("a string", "ab"), ("a number", 3)]), None),
            xlabel=(TEXT, "update"),
        )
    )
    add(
        entry(
            "heatmap_over_time",
            "nnref.plotting.sequences.heatmap_over_time",
            lambda values, label, signed, vmax, first_step, unit_prefix: P.heatmap_over_time(
                values,
                label=label,
                signed=signed,
                vmax=vmax,
                first_step=first_step,
                unit_prefix=unit_prefix,
            ),
            values=(array_kind("values", (1, 2)), np.array([[0.1, 0.9], [0.5, 0.5], [0.9, 0.1]])),
            label=(OPTIONAL_TEXT, "gate"),
            signed=(OPTIONAL_BOOL, None),
            vmax=(OPTIONAL_VMAX, None),
            first_step=(FIRST_STEP, 1),
            unit_prefix=(TEXT, "unit"),
        )
    )
    add(
        entry(
            "gate_heatmaps",
            "nnref.plotting.sequences.gate_heatmaps",
            lambda trace, fields, sample, x: P.gate_heatmaps(trace, fields, sample, x),
            trace=(OBJECT, trace),
            fields=(
                Kind(
                    "fields",
                    lambda v: [
                        ("unknown", ("zz",)),
                        ("a string", "fc"),
                        ("empty", ()),
                        ("None", None),
                    ],
                ),
                ("f", "c"),
            ),
            sample=(int_kind(0), 0),
            x=(optional(array_kind("x", (3,))), None),
        )
    )
    add(
        entry(
            "pattern_grid",
            "nnref.plotting.sequences.pattern_grid",
            lambda patterns, shape, titles, ncols: P.pattern_grid(patterns, shape, titles, ncols),
            patterns=(
                array_kind("patterns", (1, 2)),
                np.array([[1.0, -1.0, -1.0, 1.0], [1.0, 1.0, -1.0, -1.0]]),
            ),
            shape=(
                Kind(
                    "shape",
                    lambda v: [
                        ("wrong size", (3, 3)),
                        ("zero", (0, 4)),
                        ("None", None),
                        ("floats", (2.0, 2.0)),
                        ("a string", "22"),
                    ],
                ),
                (2, 2),
            ),
            titles=(OPTIONAL_NAMES, ["a", "b"]),
            ncols=(OPTIONAL_INT, None),
        )
    )

    # recurrent.py
    add(
        entry(
            "unrolled_diagram",
            "nnref.plotting.recurrent.unrolled_diagram",
            lambda model, n_steps, x, max_units: P.unrolled_diagram(model, n_steps, x, max_units),
            model=(OBJECT, models["rnn"]),
            n_steps=(int_kind(1, extreme=[("huge", 10**9)]), 3),
            x=(optional(array_kind("x", (2,))), np.array([[1.0], [2.0], [0.5]])),
            max_units=(NEURON_CAP, 4),
        )
    )
    add(
        entry(
            "weight_mask",
            "nnref.plotting.recurrent.weight_mask",
            lambda model, ax, show_weights: P.weight_mask(model, ax, show_weights),
            model=(OBJECT, models["rnn"]),
            ax=(AX, None),
            show_weights=(BOOL, True),
        )
    )

    # zoo.py
    add(
        entry(
            "zoo_diagram",
            "nnref.plotting.zoo.zoo_diagram",
            lambda model, ax, max_units, title: P.zoo_diagram(model, ax, max_units, title),
            model=(OBJECT, models["mlp"]),
            ax=(AX, None),
            max_units=(NEURON_CAP, 4),
            title=(OPTIONAL_TEXT, "net"),
        )
    )
    add(
        entry(
            "zoo_legend",
            "nnref.plotting.zoo.zoo_legend",
            lambda kinds: P.zoo_legend(kinds),
            kinds=(
                Kind(
                    "kinds",
                    lambda v: [
                        ("unknown", ["no-such-kind"]),
                        ("a string", "input"),
                        ("a number", 3),
                        ("empty", []),
                    ],
                ),
                ["input", "output"],
            ),
        )
    )


if PLOTTING:
    _register()
