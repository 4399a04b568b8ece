"""The figure → inline SVG helper and the diagrams drawn from model objects."""

from __future__ import annotations

import re

import numpy as np
import pytest

pytest.importorskip("matplotlib")

from nnref import Neuron  # noqa: E402
from nnref.plotting import (  # noqa: E402
    PALETTE,
    figure_to_svg,
    network_diagram,
    neuron_diagram,
    new_figure,
)


def _curve_svg(figure_id: str = "fig") -> str:
    fig, ax = new_figure(figsize=(3, 2))
    x = np.linspace(-2, 2, 50)
    ax.plot(x, np.tanh(x), label="tanh")
    ax.set_xlabel("x")
    ax.legend()
    return figure_to_svg(fig, figure_id, title="A <curve> & more")


def test_svg_is_inline_ready() -> None:
    svg = _curve_svg()
    assert svg.startswith('<svg id="fig" class="nnref-figure" role="img" ')
    assert 'aria-label="A &lt;curve> &amp; more"' in svg
    assert "<?xml" not in svg and "DOCTYPE" not in svg
    assert svg.rstrip().endswith("</svg>")


def test_svg_bytes_are_reproducible() -> None:
    assert _curve_svg() == _curve_svg()
    # A different id gives different (but again stable) inner ids.
    assert _curve_svg("other") != _curve_svg()


def test_svg_has_no_dates_and_no_hard_black_or_white() -> None:
    svg = _curve_svg()
    assert "<dc:date>" not in svg
    assert "#000000" not in svg and "#ffffff" not in svg
    assert "currentColor" in svg
    # Backgrounds are transparent.
    assert "fill: #ffffff" not in svg


def test_svg_inner_ids_are_prefixed_and_style_scoped() -> None:
    svg = _curve_svg("curve-a")
    ids = re.findall(r'\bid="([^"]+)"', svg)
    assert ids[0] == "curve-a"
    assert all(i.startswith("curve-a") for i in ids)
    for ref in re.findall(r"url\(#([^)]+)\)", svg):
        assert ref in ids
    assert "#curve-a *{" in svg
    assert '<style type="text/css">*{' not in svg


def test_text_drawn_outside_style_still_follows_the_page() -> None:
    fig, ax = new_figure(figsize=(2, 2))
    ax.text(0.5, 0.5, "late text")  # created after new_figure returned
    svg = figure_to_svg(fig, "late")
    text_style = re.search(r"<text[^>]*style=\"([^\"]*)\"[^>]*>late text", svg)
    assert text_style is not None and "currentColor" in text_style.group(1)


def test_data_colours_survive() -> None:
    assert PALETTE[0] in _curve_svg()


@pytest.mark.parametrize("bad", ["", "1abc", "has space", 'q"uote', None])
def test_bad_figure_id(bad: object) -> None:
    fig, _ = new_figure()
    with pytest.raises(ValueError, match="figure_id must be an id of letters"):
        figure_to_svg(fig, bad)  # type: ignore[arg-type]


def test_neuron_diagram_shows_the_trace_values() -> None:
    svg = figure_to_svg(neuron_diagram(Neuron([0.3, 0.7]), x=[0.5, 0.8]), "n")
    for text in ("0.71", "relu", "identity", "0.5", "0.8"):
        assert text in svg


def test_neuron_diagram_errors() -> None:
    with pytest.raises(TypeError, match="neuron must be a Neuron"):
        neuron_diagram("relu")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"input_names must be 2 label\(s\)"):
        neuron_diagram(Neuron([1.0, 2.0]), input_names=["a"])
    with pytest.raises(ValueError, match="x must have 2 feature"):
        neuron_diagram(Neuron([1.0, 2.0]), x=[1.0])


def test_network_diagram_counts_and_errors() -> None:
    fig = network_diagram([3, 20, 1], max_neurons=5)
    svg = figure_to_svg(fig, "net")
    assert "20 neurons" in svg and "1 neuron<" in svg.replace("\n", "<")
    with pytest.raises(ValueError, match="layer_sizes must be a sequence of at least two"):
        network_diagram([3])
    with pytest.raises(TypeError, match="layer_sizes must be a sequence of .* integer"):
        network_diagram([2.7, 3])  # not drawn as 2 neurons
    with pytest.raises(TypeError, match="layer_sizes must be"):
        network_diagram(None)
    with pytest.raises(ValueError, match="weights must be finite"):
        network_diagram([2, 1], weights=[[[np.nan], [1.0]]])
    with pytest.raises(ValueError, match="node_labels"):
        network_diagram([2, 1], node_labels=[["a"], ["o"]])


def test_model_diagram_names_nodes_weights_and_biases() -> None:
    """With labels=True the drawing uses the names of the backpropagation page's tables."""
    from nnref.network import mlp
    from nnref.plotting import model_diagram

    fig = model_diagram(mlp([2, 2, 1], activation="sigmoid", rng=0), labels=True)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"$x_{1}$", "$x_{2}$", "$h_{1}$", "$h_{2}$", "$o$"} <= texts
    assert {"$w^{(1)}_{11}$", "$w^{(1)}_{21}$", "$w^{(2)}_{1}$", "$w^{(2)}_{2}$"} <= texts
    assert {"$b^{(1)}_{1}$", "$b^{(1)}_{2}$", "$b^{(2)}$"} <= texts
    fig = model_diagram(mlp([2, 3, 3, 2], rng=0), labels=True)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"$h^{(1)}_{3}$", "$h^{(2)}_{1}$", "$o_{2}$", "$w^{(3)}_{32}$"} <= texts
    with pytest.raises(ValueError, match=r"weights must be matrices of shapes \[\(2, 3\)\]"):
        network_diagram([2, 3], weights=[np.ones((3, 2))])
    with pytest.raises(ValueError, match="layer_names must be 2 names"):
        network_diagram([2, 3], layer_names=["a"])


def test_figures_are_legible_on_a_phone() -> None:
    """figure_to_svg narrows a wide figure, or enlarges its text, so that no text (indices
    included) is shown under MIN_TEXT_PX in a PHONE_COLUMN_PX column."""
    from nnref.plotting.figure import MIN_SHRINK, MIN_TEXT_PX, PHONE_COLUMN_PX

    def smallest_px(svg: str) -> float:
        width = float(re.search(r'width="([\d.]+)pt"', svg).group(1))
        sizes = [float(v) for v in re.findall(r"font-size: ([\d.]+)px", svg)]
        return min(sizes) * min(4 / 3, PHONE_COLUMN_PX / width)

    fig, ax = new_figure(figsize=(6.4, 3.6))  # laid out: made narrower
    ax.plot([0, 1], [0, 1])
    ax.set_xlabel("$w_1$")
    svg = figure_to_svg(fig, "wide")
    assert smallest_px(svg) >= MIN_TEXT_PX - 0.05
    assert MIN_SHRINK * 6.4 <= fig.get_figwidth() < 6.4

    fig, ax = new_figure(figsize=(8.0, 2.0), layout=None)  # placed by hand: larger text
    ax.text(0.5, 0.5, "small", fontsize=6)
    svg = figure_to_svg(fig, "manual")
    assert fig.get_figwidth() == 8.0 and smallest_px(svg) >= MIN_TEXT_PX - 0.05

    fig, ax = new_figure(figsize=(3.0, 2.0))  # narrow and legible already: unchanged
    ax.plot([0, 1], [0, 1])
    figure_to_svg(fig, "narrow")
    assert fig.get_figwidth() == 3.0


def test_network_diagram_and_figure_errors_name_the_argument() -> None:
    with pytest.raises(ValueError, match="figsize must be a pair"):
        new_figure(figsize=(float("nan"), 3))
    with pytest.raises(ValueError, match="nrows must be an int from 1"):
        new_figure(nrows=0)
    with pytest.raises(TypeError, match="fig must be a matplotlib Figure"):
        figure_to_svg(None, "a")
    with pytest.raises(TypeError, match="title must be a string or None"):
        figure_to_svg(new_figure(figsize=(1, 1))[0], "a", title=3)
    with pytest.raises(ValueError, match="max_neurons must be a positive integer"):
        network_diagram([2, 3], max_neurons=0)
