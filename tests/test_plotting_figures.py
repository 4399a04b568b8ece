"""The cheap parts of the figure pipeline: the fast layout and the SVG minifier.

The fast layout must put a single plot exactly where matplotlib's constrained layout puts it,
and hand every other figure to constrained layout; the minifier must keep every element and
every reference of the SVG.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

pytest.importorskip("matplotlib")

from matplotlib.layout_engine import ConstrainedLayoutEngine  # noqa: E402

from nnref.plotting import figure_to_svg, new_figure, style  # noqa: E402
from nnref.plotting._layout import FastLayout  # noqa: E402
from nnref.plotting._svg import minify  # noqa: E402


def _draw(kind: str, layout: str):  # type: ignore[no-untyped-def]
    x = np.linspace(-5, 5, 201)
    fig, ax = new_figure(figsize=(6.4, 3.4), layout=layout)
    with style():
        if kind == "plain":
            ax.plot(x, np.tanh(x))
        elif kind == "labels":
            ax.plot(x, 100 * x**2)
            ax.set_xlabel("net input z")
            ax.set_ylabel("loss, a long label")
            ax.set_title("A title")
        elif kind == "log":
            ax.semilogy(x, np.exp(x))
            ax.set_ylabel("derivative f′(z), log scale")
        elif kind == "edge":  # tick labels at the very ends of both axes
            ax.plot([0, 5], [0, 5])
            ax.set_xlim(0, 5)
            ax.set_ylim(0, 5)
        elif kind == "negative":
            ax.plot(x, -1000 * x)
            ax.legend(["line"])
        elif kind == "annotated":
            ax.plot(x, x)
            ax.text(5.5, 0, "beyond the plot")
        elif kind == "math":
            ax.plot(x, x)
            ax.set_xlabel("$x_1$")
            ax.set_ylabel(r"$\sigma(z)$")
    return fig, ax


def _placed_like_constrained(kind: str) -> tuple[list[float], list[float]]:
    fast, ax = _draw(kind, "fast")
    with style():
        figure_to_svg(fast, "fast")
    constrained, cax = _draw(kind, "constrained")
    with style():
        figure_to_svg(constrained, "constrained")
    points = 72 * np.array([*fast.get_size_inches()] * 2)
    return (
        list(np.asarray(ax.get_position().extents) * points),
        list(np.asarray(cax.get_position().extents) * points),
    )


@pytest.mark.parametrize(
    "kind", ["plain", "labels", "log", "edge", "negative", "annotated", "math"]
)
def test_fast_layout_places_a_plot_as_constrained_layout_does(kind: str) -> None:
    fast, constrained = _placed_like_constrained(kind)
    assert np.allclose(fast, constrained, atol=0.5), (kind, fast, constrained)  # in points


def test_fast_layout_hands_other_figures_to_constrained_layout() -> None:
    fig, axes = new_figure(figsize=(6.4, 3.0), ncols=2)
    assert isinstance(fig.get_layout_engine(), FastLayout)
    assert not fig.get_layout_engine().place(fig)
    fig2, ax2 = new_figure()
    ax2.plot([0, 1], [0, 1e-7])  # an offset text ("1e−7") on the y axis
    assert not fig2.get_layout_engine().place(fig2)
    fig3, ax3 = new_figure()
    ax3.set_ylabel("two\nlines")
    assert not fig3.get_layout_engine().place(fig3)
    assert isinstance(FastLayout(), ConstrainedLayoutEngine)


def test_the_figure_keeps_its_layout_engine_after_saving() -> None:
    fig, ax = new_figure()
    ax.plot([0, 1])
    engine = fig.get_layout_engine()
    figure_to_svg(fig, "kept")
    assert fig.get_layout_engine() is engine


def test_new_figure_checks_the_layout() -> None:
    with pytest.raises(ValueError, match="layout must be 'fast', 'constrained' or None"):
        new_figure(layout="tight")


# --- the minifier --------------------------------------------------------------------------------


def _scatter_svg() -> tuple[str, str]:
    """The same figure, saved by matplotlib as is and through figure_to_svg."""
    import io

    import matplotlib as mpl

    rng = np.random.default_rng(0)
    fig, ax = new_figure(figsize=(4, 3))
    ax.scatter(*rng.normal(size=(2, 50)), c=rng.uniform(size=50), s=10)
    grid = np.meshgrid(np.arange(30.0), np.arange(30.0))
    ax.contourf(*grid, (grid[0] + 0.5 * grid[1] > 20).astype(float))
    ax.set_xlabel("x")
    raw = io.StringIO()
    with mpl.rc_context({"svg.hashsalt": "m", "svg.fonttype": "none"}):
        fig.savefig(raw, format="svg")
    return raw.getvalue(), figure_to_svg(fig, "m")


def test_minify_keeps_every_element_and_reference() -> None:
    raw, small = _scatter_svg()
    assert len(small) < 0.8 * len(raw)
    for tag in ("use", "text", "clipPath"):
        assert raw.count(f"<{tag}") == small.count(f"<{tag}"), tag
    ids = set(re.findall(r'\bid="([^"]+)"', small))
    for ref in re.findall(r'(?:url\(#|href="#)([^)"]+)', small):
        assert ref in ids, ref


def test_minify_rounds_and_drops_only_points_on_a_line() -> None:
    path = '<path d="M 0 0 \nL 1 0 \nL 2 0 \nL 2 1.004 \nL 2 2 \nL 1.5 2.5 \nL 3 0 \n"/>'
    assert minify(path) == '<path d="M 0 0 \nL 2 0 \nL 2 2 \nL 1.5 2.5 \nL 3 0 \n"/>'
    backwards = '<path d="M 0 0 \nL 2 0 \nL 1 0 \n"/>'  # turning back is a corner, kept
    assert minify(backwards) == backwards


def test_minify_puts_markers_that_share_a_clip_path_in_one_group() -> None:
    svg = (
        '<g clip-path="url(#c)">\n <use xlink:href="#m" x="1" y="2"/>\n</g>\n'
        '<g clip-path="url(#c)">\n <use xlink:href="#m" x="3" y="4"/>\n</g>\n'
        '<g clip-path="url(#d)">\n <use xlink:href="#m" x="5" y="6"/>\n</g>\n'
    )
    small = minify(svg)
    assert small.count("<g clip-path") == 2 and small.count("<use") == 3
    assert small.index('x="3"') < small.index("url(#d)")


def test_minify_is_stable() -> None:
    _, small = _scatter_svg()
    assert minify(small) == small
