"""Figures of the recurrent pages: unrolled networks, feedback masks, values and gates over
time, patterns, and the zoo charts — each drawn from the model it is given."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("matplotlib")

from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.patches import Circle, FancyArrowPatch, Rectangle, RegularPolygon  # noqa: E402

from nnref.conv import Conv2D, MaxPool2D  # noqa: E402
from nnref.datasets import blobs, gate  # noqa: E402
from nnref.layers import Dense, Flatten  # noqa: E402
from nnref.linear import OneVsRest, Perceptron  # noqa: E402
from nnref.network import Autoencoder, Sequential, mlp  # noqa: E402
from nnref.plotting import (  # noqa: E402
    PALETTE,
    energy_curve,
    figure_to_svg,
    gate_heatmaps,
    heatmap_over_time,
    new_figure,
    pattern_grid,
    state_curves,
    unrolled_diagram,
    weight_mask,
    zoo_diagram,
    zoo_legend,
)
from nnref.recurrent import (  # noqa: E402
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


def _texts(fig: object) -> list[str]:
    return [t.get_text() for t in fig.axes[0].texts]  # type: ignore[attr-defined]


def _lines(fig: object) -> list[object]:
    return list(fig.axes[0].get_lines())  # type: ignore[attr-defined]


def _scalar_net() -> Sequential:
    return Sequential(
        [
            RecurrentLayer.from_weights([[0.5]], [[0.1]]),
            TimeDistributed(Dense.from_weights([[2.0]], [0.0])),
        ]
    )


# --- unrolled_diagram ---------------------------------------------------------------------


def test_unrolled_diagram_writes_the_forward_pass_in_the_nodes() -> None:
    x = [[1.0], [2.0]]
    texts = _texts(unrolled_diagram(_scalar_net(), x=x))
    h = np.tanh([0.5, 1.0 + 0.1 * np.tanh(0.5)])
    for value in (1.0, 2.0, h[0], h[1], 2 * h[0], 2 * h[1]):
        assert f"{value:.3g}" in texts
    assert "t = 1" in texts and "t = 2" in texts and "t = 3" not in texts


@pytest.mark.parametrize(("feedback", "per_step"), [("complete", 9), ("direct", 3), ("lateral", 6)])
def test_unrolled_diagram_draws_one_line_per_allowed_feedback_weight(
    feedback: str, per_step: int
) -> None:
    layer = RecurrentLayer(2, 3, feedback=feedback, rng=0)
    lines = _lines(unrolled_diagram(layer, n_steps=4))
    assert len(lines) == 4 * per_step  # from step 0 (the initial state) to 1, ..., 3 to 4
    if feedback == "direct":  # self-loops: horizontal lines
        assert all(np.ptp(line.get_ydata()) == 0 for line in lines)  # type: ignore[attr-defined]
    if feedback == "lateral":  # never to the same unit: never horizontal
        assert all(np.ptp(line.get_ydata()) > 0 for line in lines)  # type: ignore[attr-defined]


def test_unrolled_diagram_colours_and_widths_follow_the_weights() -> None:
    layer = RecurrentLayer.from_weights([[1.0, 1.0]], [[0.0, -2.0], [1.0, 0.0]])
    lines = _lines(unrolled_diagram(layer, n_steps=1))
    assert len(lines) == 2  # the two zero weights are not drawn
    colours = {to_rgba(line.get_color())[:3] for line in lines}  # type: ignore[attr-defined]
    assert colours == {to_rgba(PALETTE[0])[:3], to_rgba(PALETTE[3])[:3]}
    widths = sorted(line.get_linewidth() for line in lines)  # type: ignore[attr-defined]
    assert widths[0] < widths[1]


def test_unrolled_diagram_of_a_jordan_network_feeds_outputs_back() -> None:
    net = JordanNetwork(1, 3, 2, rng=0)
    lines = _lines(unrolled_diagram(net, n_steps=2))
    assert len(lines) == 2 * 2 * 3  # every output to every hidden unit, at each step


@pytest.mark.parametrize("cell", [LSTM(2, 3, rng=0), GRU(2, 3, rng=0)])
def test_unrolled_diagram_of_gated_cells_passes_the_states_along(cell: object) -> None:
    fig = unrolled_diagram(Sequential([cell, LastStep(), Dense(3, 2, rng=0)]), n_steps=3)
    lanes = [t for t in _texts(fig) if t in ("$c$", "$h$")]
    assert lanes.count("$h$") == 3
    assert lanes.count("$c$") == (3 if isinstance(cell, LSTM) else 0)
    assert _texts(fig).count("$y$") == 1  # one output, after the last step


def test_unrolled_diagram_leaves_the_model_ready_for_backward() -> None:
    net = _scalar_net()
    x = np.array([[[1.0], [2.0]]])
    out = net.forward(x)
    unrolled_diagram(net, x=[[5.0], [-3.0], [0.5]])  # a different sequence
    grad = net.backward(np.ones_like(out))
    fresh = _scalar_net()
    fresh.forward(x)
    assert np.allclose(grad, fresh.backward(np.ones_like(out)))


def test_unrolled_diagram_caps_large_layers() -> None:
    fig = unrolled_diagram(RecurrentLayer(1, 10, rng=0), n_steps=2, max_units=3)
    assert "⋮" in _texts(fig)
    assert len(_lines(fig)) <= 2 * 9


def test_unrolled_diagram_refuses_bad_input() -> None:
    with pytest.raises(TypeError, match="model must be"):
        unrolled_diagram(mlp([2, 3, 1], rng=0))
    with pytest.raises(ValueError, match="x must be one sequence of shape"):
        unrolled_diagram(RecurrentLayer(2, 3, rng=0), x=np.ones((4, 3)))
    with pytest.raises(ValueError, match="n_steps"):
        unrolled_diagram(RecurrentLayer(2, 3, rng=0), n_steps=0)


def test_unrolled_diagram_gives_the_same_svg_twice() -> None:
    one = figure_to_svg(unrolled_diagram(_scalar_net(), x=[[1.0], [2.0]]), "u")
    two = figure_to_svg(unrolled_diagram(_scalar_net(), x=[[1.0], [2.0]]), "u")
    assert one == two


# --- weight_mask -----------------------------------------------------------------------------


def _filled(fig: object) -> int:
    patches = fig.axes[0].patches  # type: ignore[attr-defined]
    return sum(isinstance(p, Rectangle) and p.get_fill() for p in patches)


@pytest.mark.parametrize(
    ("feedback", "allowed"), [("complete", 16), ("direct", 4), ("lateral", 12)]
)
def test_weight_mask_fills_the_allowed_connections(feedback: str, allowed: int) -> None:
    fig = weight_mask(RecurrentLayer(1, 4, feedback=feedback, rng=0))
    assert _filled(fig) == allowed
    assert len(fig.axes[0].patches) == 16
    assert feedback in fig.axes[0].get_title()


def test_weight_mask_of_a_jordan_network_is_its_output_to_hidden_matrix() -> None:
    fig = weight_mask(JordanNetwork(1, 3, 2, rng=0))
    assert _filled(fig) == 6
    assert "indirect" in fig.axes[0].get_title()


def test_weight_mask_can_show_the_weights() -> None:
    layer = RecurrentLayer.from_weights([[1.0]], [[0.25]], feedback="direct")
    fig = weight_mask(layer, show_weights=True)
    assert _texts(fig) == ["0.25"]


def test_weight_mask_draws_on_given_axes_and_refuses_other_models() -> None:
    fig, axes = new_figure(nrows=1, ncols=2)
    weight_mask(RecurrentLayer(1, 2, rng=0), ax=axes[1])
    assert axes[1].patches and not axes[0].patches
    with pytest.raises(TypeError, match="model must be a RecurrentLayer or a JordanNetwork"):
        weight_mask(LSTM(1, 2, rng=0))


# --- state_curves, energy_curve -----------------------------------------------------------------


def test_state_curves_draw_one_line_per_column_from_the_first_step() -> None:
    fig = state_curves([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], first_step=0, labels=["a", "b", "c"])
    lines = _lines(fig)
    assert [list(line.get_xdata()) for line in lines] == [[0, 1]] * 3  # type: ignore[attr-defined]
    assert list(lines[2].get_ydata()) == [3.0, 6.0]  # type: ignore[attr-defined]
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["a", "b", "c"]


def test_state_curves_check_their_input() -> None:
    with pytest.raises(ValueError, match="positive for a logarithmic axis"):
        state_curves([1.0, 0.0], logy=True)
    with pytest.raises(ValueError, match="labels must be 2 labels"):
        state_curves([[1.0, 2.0]], labels=["only one"])
    with pytest.raises(ValueError, match="values must be finite"):
        state_curves([1.0, np.nan])


def test_energy_curve_is_a_staircase_per_run() -> None:
    fig = energy_curve([[0.0, 1.0], [-1.0, 0.0], [-2.0, 0.0]], labels=["a", "b"])
    lines = _lines(fig)
    assert len(lines) == 2
    assert all(line.get_drawstyle() == "steps-post" for line in lines)  # type: ignore[attr-defined]
    assert list(lines[0].get_xdata()) == [0, 1, 2]  # type: ignore[attr-defined]


# --- heat maps -------------------------------------------------------------------------------


def test_heatmap_over_time_puts_units_in_rows_and_picks_its_scale() -> None:
    gates = np.array([[0.1, 0.9], [0.5, 0.5], [0.9, 0.1]])
    image = heatmap_over_time(gates).axes[0].get_images()[0]
    assert np.array_equal(image.get_array(), gates.T)
    assert image.get_clim() == (0.0, 1.0)
    signed = heatmap_over_time([[-2.0, 1.0]]).axes[0].get_images()[0]
    assert signed.get_clim() == (-2.0, 2.0)
    with pytest.raises(ValueError, match="vmax must be a positive real number"):
        heatmap_over_time(gates, vmax=0.0)


def test_heatmap_fades_to_transparent_at_zero() -> None:
    image = heatmap_over_time([[0.0, 1.0]]).axes[0].get_images()[0]
    cmap = image.get_cmap()
    assert cmap(0.0)[3] == 0.0 and cmap(1.0)[3] == 1.0


def test_gate_heatmaps_draw_the_fields_of_a_trace() -> None:
    trace = LSTM(1, 3, rng=0).trace(np.ones((2, 6, 1)))
    fig = gate_heatmaps(trace, fields=("i", "f", "c"), sample=1, x=np.ones((6, 1)))
    maps = [ax for ax in fig.axes if ax.get_images() and ax.get_ylabel() == ""]
    assert len([ax for ax in fig.axes if ax.get_images()]) >= 3
    assert maps[0].get_images()[0].get_array().shape == (3, 6)
    assert fig.axes[0].get_lines()  # the input panel on top


def test_gate_heatmaps_check_fields_and_sample() -> None:
    trace = GRU(1, 2, rng=0).trace(np.ones((1, 3, 1)))
    with pytest.raises(ValueError, match="fields must be names of 3-D fields of GRUTrace"):
        gate_heatmaps(trace, fields=("f",))
    with pytest.raises(TypeError, match="fields must be a non-empty sequence"):
        gate_heatmaps(trace, fields="z")
    with pytest.raises(ValueError, match="sample"):
        gate_heatmaps(trace, fields=("z",), sample=1)


# --- pattern_grid ----------------------------------------------------------------------------


def test_pattern_grid_fills_the_plus_one_pixels() -> None:
    fig = pattern_grid([[1, -1, -1, 1]], shape=(2, 2))
    rgba = fig.axes[0].get_images()[0].get_array()
    assert rgba.shape == (2, 2, 4)
    assert np.array_equal(rgba[..., 3], [[1.0, 0.0], [0.0, 1.0]])


def test_pattern_grid_lays_out_rows_and_checks_values() -> None:
    fig = pattern_grid(np.ones((5, 4)), shape=(2, 2), ncols=2, titles=list("abcde"))
    assert len(fig.axes) == 6 and not fig.axes[5].axison
    with pytest.raises(ValueError, match="patterns must be values -1 and 1 only"):
        pattern_grid([[0, 1, 1, 1]], shape=(2, 2))
    with pytest.raises(ValueError, match=r"patterns must be an array of shape \(n_patterns, 9\)"):
        pattern_grid([[1, 1, 1, 1]], shape=(3, 3))


# --- zoo_diagram -----------------------------------------------------------------------------


def _cells(fig: object, kind: type) -> int:
    return sum(isinstance(p, kind) for p in fig.axes[0].patches)  # type: ignore[attr-defined]


def _rings(fig: object) -> int:
    """Unfilled circles: the self-loops of recurrent cells."""
    patches = fig.axes[0].patches  # type: ignore[attr-defined]
    return sum(isinstance(p, Circle) and p.get_facecolor()[3] == 0 for p in patches)


def test_zoo_diagram_reads_layer_sizes_from_the_model() -> None:
    assert _cells(zoo_diagram(mlp([3, 4, 4, 2], rng=0)), Circle) == 13
    assert _cells(zoo_diagram(mlp([3, 9, 2], rng=0), max_units=4), Circle) == 9
    X, y = gate("and")
    assert _cells(zoo_diagram(Perceptron().fit(X, y)), Circle) == 3
    Xb, yb = blobs(30, centers=3, rng=0)
    assert _cells(zoo_diagram(OneVsRest(Perceptron()).fit(Xb, yb)), Circle) == 5


def test_zoo_diagram_marks_an_autoencoders_output_as_matching_the_input() -> None:
    fig = zoo_diagram(Autoencoder(mlp([4, 2], rng=0), mlp([2, 4], rng=0)))
    colours = [to_rgba(p.get_facecolor())[:3] for p in fig.axes[0].patches]
    assert colours.count(to_rgba(PALETTE[3])[:3]) == 4


def test_zoo_diagram_shows_the_feedback_kind_of_a_recurrent_layer() -> None:
    direct = zoo_diagram(RecurrentLayer(2, 3, feedback="direct", rng=0))
    lateral = zoo_diagram(RecurrentLayer(2, 3, feedback="lateral", rng=0))
    # self-loops are small rings (unfilled circles); lateral feedback arcs between units
    assert _rings(direct) == 3 and _cells(direct, FancyArrowPatch) == 0
    assert _rings(lateral) == 0
    assert _cells(lateral, FancyArrowPatch) == 2


def test_zoo_diagram_of_jordan_gated_cells_and_cnn() -> None:
    assert _cells(zoo_diagram(JordanNetwork(2, 3, 2, rng=0)), FancyArrowPatch) == 1
    lstm = zoo_diagram(Sequential([LSTM(2, 3, rng=0), LastStep(), Dense(3, 2, rng=0)]))
    assert _cells(lstm, RegularPolygon) == 3
    cnn = Sequential([Conv2D(1, 2, 3, rng=0), MaxPool2D(2), Flatten(), Dense(8, 2, rng=0)])
    assert _cells(zoo_diagram(cnn), RegularPolygon) == 4  # 2 kernels, 2 pooled maps


def test_zoo_diagram_of_hopfield_esn_and_elm() -> None:
    ring = zoo_diagram(Hopfield(5))
    edges = [c for c in ring.axes[0].collections if isinstance(c, LineCollection)]
    assert len(edges[0].get_segments()) == 5 * 4 // 2  # every pair, no self-loops
    esn = zoo_diagram(EchoStateNetwork(1, 30, rng=0))
    styles = [c.get_linestyle() for c in esn.axes[0].collections]
    assert any(style[0][1] is not None for style in styles)  # dashed: random, fixed
    with pytest.raises(ValueError, match="fitted ExtremeLearningMachine"):
        zoo_diagram(ExtremeLearningMachine(5, rng=0))


def test_zoo_diagram_and_legend_refuse_what_they_cannot_draw() -> None:
    with pytest.raises(TypeError, match="model must be a network of nnref"):
        zoo_diagram("not a model")
    with pytest.raises(ValueError, match="kinds must be names from"):
        zoo_legend(["input", "dragon"])
    assert [t.get_text() for t in zoo_legend(["hidden"]).axes[0].texts] == ["hidden cell"]
