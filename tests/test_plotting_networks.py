"""Figures of the networks pages: diagrams drawn from models, per-layer curves, regression fits."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("matplotlib")

from matplotlib.colors import to_rgb  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from nnref.datasets import blobs, gate  # noqa: E402
from nnref.layers import ActivationLayer, Dense, PReLU  # noqa: E402
from nnref.linear import Adaline, OneVsRest, Perceptron  # noqa: E402
from nnref.network import Autoencoder, Sequential, mlp  # noqa: E402
from nnref.plotting import (  # noqa: E402
    PALETTE,
    figure_to_svg,
    layer_curves,
    model_diagram,
    new_figure,
    regression_fit,
)


def _texts(fig: object) -> list[str]:
    return [t.get_text() for t in fig.axes[0].texts]  # type: ignore[attr-defined]


def _edges(fig: object) -> list[Line2D]:
    """The connection lines of a diagram (every plotted line is one connection)."""
    return list(fig.axes[0].get_lines())  # type: ignore[attr-defined]


# --- model_diagram ----------------------------------------------------------------------------


def test_model_diagram_reads_sizes_and_activations_from_a_sequential() -> None:
    net = mlp([3, 5, 4, 2], activation="relu", output_activation="sigmoid", rng=0)
    labels = _texts(model_diagram(net))
    assert labels == [
        "input\n3 neurons",
        "hidden 1\nrelu\n5 neurons",
        "hidden 2\nrelu\n4 neurons",
        "output\nsigmoid\n2 neurons",
    ]


def test_model_diagram_draws_one_line_per_weight_with_width_and_sign() -> None:
    W1 = np.array([[2.0, -1.0], [0.5, 0.0]])
    net = Sequential(
        [Dense.from_weights(W1), ActivationLayer("relu"), Dense.from_weights([[1.0], [-2.0]])]
    )
    edges = _edges(model_diagram(net))
    assert len(edges) == W1.size + 2
    widths = [e.get_linewidth() for e in edges]
    # network_diagram scales |w| by the largest weight of all layers (2.0 here)
    assert np.allclose(widths, [0.3 + 3.0 * abs(w) / 2.0 for w in (2.0, -1.0, 0.5, 0.0, 1.0, -2.0)])
    colours = [to_rgb(e.get_color()) for e in edges]
    assert colours[1] == to_rgb(PALETTE[3]) and colours[0] == to_rgb(PALETTE[0])


def test_model_diagram_labels_the_code_layer_of_an_autoencoder() -> None:
    ae = Autoencoder(mlp([4, 3, 2], rng=0), mlp([2, 3, 4], rng=1))
    labels = _texts(model_diagram(ae))
    assert [label.split("\n")[0] for label in labels] == [
        "input",
        "hidden 1",
        "code",
        "hidden 3",
        "output",
    ]


def test_model_diagram_shows_prelu_slope_and_identity_outputs() -> None:
    net = Sequential([Dense(2, 3, rng=0), PReLU(0.5), Dense(3, 1, rng=1)])
    labels = _texts(model_diagram(net, layer_names=["x", "h", "y"]))
    assert labels == ["x\n2 neurons", "h\nprelu, α = 0.5\n3 neurons", "y\nidentity\n1 neuron"]


def test_model_diagram_draws_fitted_single_layer_models() -> None:
    X, y = gate("and")
    for model in (Perceptron(epochs=10).fit(X, y), Adaline(eta=0.1, epochs=20).fit(X, y)):
        fig = model_diagram(model)
        assert _texts(fig) == ["input\n2 neurons", "output\nthreshold\n1 neuron"]
        assert len(_edges(fig)) == 2
    X3, y3 = blobs(30, centers=3, rng=0)
    fig = model_diagram(OneVsRest(Perceptron(epochs=5)).fit(X3, y3))
    assert _texts(fig)[1] == "output\narg max\n3 neurons"
    assert len(_edges(fig)) == 6


def test_model_diagram_svg_is_reproducible() -> None:
    def svg() -> str:
        return figure_to_svg(model_diagram(mlp([2, 3, 1], rng=4)), "diagram")

    assert svg() == svg()


@pytest.mark.parametrize(
    ("args", "kind", "message"),
    [
        (("not a model",), TypeError, "model must be a Sequential network"),
        ((Perceptron(),), TypeError, "model must be a Sequential network"),  # not fitted
        (
            (Sequential([ActivationLayer("relu")]),),
            ValueError,
            r"model.layers\[0\] must follow a Dense layer",
        ),
        (
            (Sequential([Dense(2, 3), Dense(4, 1)]),),
            ValueError,
            r"model.layers\[1\] must take 3 input\(s\)",
        ),
        (
            (Sequential([Dense(2, 3), ActivationLayer("relu"), Dense(3, 1)]), ["a", "b"]),
            ValueError,
            "layer_names must be 3 names",
        ),
        ((mlp([2, 1]), None, 0), ValueError, "max_neurons must be a positive int"),
        ((mlp([2, 1]), None, 2.5), TypeError, "max_neurons must be a positive int"),
    ],
)
def test_model_diagram_errors(args: tuple, kind: type, message: str) -> None:
    with pytest.raises(kind, match=message):
        model_diagram(*args)


def test_model_diagram_rejects_unknown_layers() -> None:
    class Odd:
        params: dict = {}
        grads: dict = {}

        def forward(self, x):  # pragma: no cover - never called
            return x

        def backward(self, g):  # pragma: no cover - never called
            return g

    with pytest.raises(TypeError, match=r"model.layers\[1\] must be a Dense, ActivationLayer"):
        model_diagram(Sequential([Dense(2, 2), Odd()]))


# --- layer_curves -----------------------------------------------------------------------------


def test_layer_curves_one_line_per_layer_in_depth_order() -> None:
    values = np.array([[1.0, 0.5, 0.1], [0.8, 0.4, 0.2]])
    fig = layer_curves(values, steps=[10, 20], xlabel="iteration", ylabel="norm", logy=True)
    ax = fig.axes[0]
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["layer 1", "layer 2", "layer 3"]
    assert lines[2].get_xdata().tolist() == [10.0, 20.0]
    assert lines[2].get_ydata().tolist() == [0.1, 0.2]
    assert ax.get_yscale() == "log" and ax.get_xlabel() == "iteration"
    # the first layer is blue, the last amber: the colour encodes depth
    assert np.allclose(lines[0].get_color()[:3], to_rgb(PALETTE[0]))
    assert np.allclose(lines[-1].get_color()[:3], to_rgb(PALETTE[1]))


def test_layer_curves_on_given_axes_with_labels() -> None:
    fig, ax = new_figure()
    assert layer_curves([[1.0], [2.0]], ax=ax, labels=["only"]) is fig
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["only"]


@pytest.mark.parametrize(
    ("kwargs", "kind", "message"),
    [
        ({"values": [1.0, 2.0]}, ValueError, r"values must be a non-empty 2-D array"),
        ({"values": [[1.0, np.nan]]}, ValueError, "values must be finite"),
        ({"values": [[1.0, 0.0]], "logy": True}, ValueError, "values must be positive"),
        ({"values": [[1.0]], "logy": 1}, TypeError, "logy must be True or False"),
        ({"values": [[1.0], [2.0]], "steps": [1.0]}, ValueError, "steps must be 2 finite"),
        ({"values": [[1.0, 2.0]], "labels": ["a"]}, ValueError, "labels must be 2 labels"),
        ({"values": [[1.0]], "ylabel": 3}, TypeError, "ylabel must be a string"),
    ],
)
def test_layer_curves_errors(kwargs: dict, kind: type, message: str) -> None:
    with pytest.raises(kind, match=message):
        layer_curves(**kwargs)


# --- regression_fit ---------------------------------------------------------------------------


def test_regression_fit_draws_points_models_and_truth() -> None:
    x = np.linspace(-1, 1, 11)
    net = Sequential([Dense.from_weights([[2.0]], [1.0])])  # y = 2x + 1, a model
    fig = regression_fit(
        x[:, None],
        2 * x + 1,
        {"net": net, "zero": lambda X: 0 * X[:, 0]},
        resolution=5,
        truth=lambda g: 2 * g + 1,
    )
    ax = fig.axes[0]
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["net", "zero", "noise-free curve"]
    assert lines[0].get_xdata().tolist() == [-1.0, -0.5, 0.0, 0.5, 1.0]
    assert np.allclose(lines[0].get_ydata(), [-1.0, 0.0, 1.0, 2.0, 3.0])
    assert np.allclose(lines[2].get_ydata(), lines[0].get_ydata())
    assert len(ax.collections) == 1 and len(ax.collections[0].get_offsets()) == 11


@pytest.mark.parametrize(
    ("kwargs", "kind", "message"),
    [
        ({"x": [[1.0, 2.0]], "y": [1.0]}, ValueError, r"x must be a non-empty, finite array"),
        ({"x": [1.0, 2.0], "y": [1.0]}, ValueError, "y must be 2 finite targets"),
        ({"x": [1.0], "y": [1.0], "models": {}}, TypeError, "models must be a non-empty mapping"),
        (
            {"x": [1.0], "y": [1.0], "models": {"m": 3}},
            TypeError,
            r"models\['m'\] must be a model with predict",
        ),
        (
            {"x": [1.0], "y": [1.0], "models": {"m": lambda X: X[:2, 0]}},
            ValueError,
            r"models\['m'\] must return one value per input",
        ),
        ({"x": [1.0], "y": [1.0], "resolution": 1}, ValueError, "resolution must be an int"),
        ({"x": [1.0], "y": [1.0], "resolution": 2.0}, TypeError, "resolution must be an int"),
        ({"x": [1.0], "y": [1.0], "truth": 5}, TypeError, "truth must be a function"),
        (
            {"x": [1.0], "y": [1.0], "truth": lambda g: g[:1]},
            ValueError,
            "truth must return one value per input",
        ),
    ],
)
def test_regression_fit_errors(kwargs: dict, kind: type, message: str) -> None:
    args = {"models": {"identity": lambda X: X[:, 0]}, **kwargs}
    with pytest.raises(kind, match=message):
        regression_fit(**args)
