"""Figures of the convolutional-network pages: pixel grids, kernels, feature maps, placements."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("matplotlib")

from matplotlib.colors import to_rgb  # noqa: E402
from matplotlib.image import AxesImage  # noqa: E402

from nnref.conv import Conv2D, MaxPool2D, conv_output_size, correlate2d  # noqa: E402
from nnref.layers import ActivationLayer, Dense, Flatten  # noqa: E402
from nnref.network import Sequential  # noqa: E402
from nnref.plotting import (  # noqa: E402
    PALETTE,
    cnn_diagram,
    convolution_steps,
    feature_maps,
    figure_to_svg,
    image_grid,
    kernel_grid,
    kernel_placements,
)


def _texts(fig: object) -> list[str]:
    return [t.get_text() for t in fig.axes[0].texts]  # type: ignore[attr-defined]


def _pictures(fig: object) -> list[np.ndarray]:
    """The RGBA arrays of the embedded pictures, in drawing order."""
    return [
        np.asarray(im.get_array())
        for im in fig.axes[0].get_children()  # type: ignore[attr-defined]
        if isinstance(im, AxesImage)
    ]


def _small_cnn() -> Sequential:
    return Sequential(
        [
            Conv2D(1, 3, 3, padding=1, rng=0),
            ActivationLayer("relu"),
            MaxPool2D(2),
            Conv2D(3, 5, 3, rng=1),
            ActivationLayer("tanh"),
            Flatten(),
            Dense(5, 2, rng=2),
        ]
    )


# --- image_grid -------------------------------------------------------------------------------


def test_image_grid_colours_say_sign_and_strength() -> None:
    image = np.array([[2.0, -1.0], [0.0, 0.5]])
    (rgba,) = _pictures(image_grid(image))
    np.testing.assert_allclose(rgba[..., 3], [[1.0, 0.5], [0.0, 0.25]])
    np.testing.assert_allclose(rgba[0, 0, :3], to_rgb(PALETTE[0]))  # positive: blue
    np.testing.assert_allclose(rgba[0, 1, :3], to_rgb(PALETTE[3]))  # negative: red


def test_image_grid_shares_one_scale_unless_vmax_is_given() -> None:
    small, large = np.full((2, 2), 1.0), np.full((2, 2), 4.0)
    a, b = _pictures(image_grid([small, large]))
    assert a[0, 0, 3] == pytest.approx(0.25) and b[0, 0, 3] == pytest.approx(1.0)
    a, b = _pictures(image_grid([small, large], vmax=2.0))
    assert a[0, 0, 3] == pytest.approx(0.5) and b[0, 0, 3] == pytest.approx(1.0)
    a, b = _pictures(image_grid([small, large], shared=False))
    assert a[0, 0, 3] == pytest.approx(1.0) and b[0, 0, 3] == pytest.approx(1.0)


def test_image_grid_unsigned_draws_negative_values_as_background() -> None:
    (rgba,) = _pictures(image_grid([[1.0, -1.0]], signed=False))
    assert rgba[0, 0, 3] == pytest.approx(1.0) and rgba[0, 1, 3] == 0.0


def test_image_grid_writes_values_and_titles() -> None:
    fig = image_grid([np.arange(4).reshape(2, 2), [[-0.5]]], titles=["a", "b"], values=True)
    assert _texts(fig) == ["0", "1", "2", "3", "a", "−0.5", "b"]
    assert len(fig.axes) == 1  # one canvas: a light SVG


def test_image_grid_wraps_rows_and_accepts_a_stack() -> None:
    one_row = image_grid(np.zeros((4, 3, 3)) + 1)
    two_rows = image_grid(np.zeros((4, 3, 3)) + 1, ncols=2)
    w1, h1 = one_row.get_size_inches()
    w2, h2 = two_rows.get_size_inches()
    assert w2 < w1 and h2 > h1
    assert len(_pictures(two_rows)) == 4


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"images": np.zeros((2, 2, 2, 2))}, "images must be"),
        ({"images": []}, "images must be"),
        ({"images": [[[1.0]]], "titles": ["a", "b"]}, "titles must be"),
        ({"images": np.zeros((2, 2)), "ncols": 2}, "ncols must be"),
        ({"images": [[np.nan]]}, "images"),
        ({"images": np.ones((2, 2)), "vmax": 0}, "vmax"),
    ],
)
def test_image_grid_rejects_bad_input(kwargs: dict, match: str) -> None:
    with pytest.raises((ValueError, TypeError), match=match):
        image_grid(**kwargs)


# --- kernel_grid --------------------------------------------------------------------------------


def test_kernel_grid_draws_a_layers_kernels() -> None:
    layer = Conv2D(1, 4, 3, rng=0)
    fig = kernel_grid(layer, ncols=2)
    W = layer.params["W"]
    pictures = _pictures(fig)
    assert len(pictures) == 4 and _texts(fig) == [f"kernel {k}" for k in range(1, 5)]
    for k, rgba in enumerate(pictures):
        np.testing.assert_allclose(rgba[..., 3], np.abs(W[k, 0]) / np.abs(W).max())


def test_kernel_grid_with_several_input_channels_has_a_row_per_output_channel() -> None:
    fig = kernel_grid(np.arange(2 * 3 * 2 * 2, dtype=float).reshape(2, 3, 2, 2) - 5)
    assert _texts(fig)[:4] == ["out 1, in 1", "out 1, in 2", "out 1, in 3", "out 2, in 1"]
    with pytest.raises(ValueError, match="ncols"):
        kernel_grid(np.ones((2, 3, 2, 2)), ncols=2)
    with pytest.raises(ValueError, match="kernels must be"):
        kernel_grid(np.ones((3, 3)))


# --- feature_maps -------------------------------------------------------------------------------


def test_feature_maps_shows_each_spatial_layer_of_the_forward_pass() -> None:
    net = _small_cnn()
    x = np.random.default_rng(0).normal(size=(1, 6, 6))
    fig = feature_maps(net, x, max_channels=4)
    assert _texts(fig) == [
        "input: 1 × 6×6",
        "1. conv 3×3: 3 × 6×6",
        "2. relu: 3 × 6×6",
        "3. max pool 2×2: 3 × 3×3",
        "4. conv 3×3: 5 × 1×1, first 4 shown",
        "5. tanh: 5 × 1×1, first 4 shown",
    ]
    pictures = _pictures(fig)
    assert len(pictures) == 1 + 3 + 3 + 3 + 4 + 4
    conv = net.layers[0].forward(x[None])[0]  # the maps of the first row after the input
    for k in range(3):
        np.testing.assert_allclose(pictures[1 + k][..., 3], np.abs(conv[k]) / np.abs(conv).max())


def test_feature_maps_draws_only_the_chosen_layers() -> None:
    fig = feature_maps(_small_cnn(), np.ones((1, 1, 6, 6)), layers=[2])
    assert _texts(fig) == ["input: 1 × 6×6", "3. max pool 2×2: 3 × 3×3"]
    with pytest.raises(ValueError, match="x must be"):
        feature_maps(_small_cnn(), np.ones((2, 1, 6, 6)))
    with pytest.raises(ValueError, match="layers must be"):
        feature_maps(_small_cnn(), np.ones((1, 6, 6)), layers=[7])
    with pytest.raises(TypeError, match="model must be"):
        feature_maps("net", np.ones((1, 6, 6)))


# --- kernel_placements --------------------------------------------------------------------------

GUIDE = [  # the cases of Dumoulin & Visin's guide: (n, k, s, p, d)
    (4, 3, 1, 0, 1),
    (5, 4, 1, 2, 1),
    (5, 3, 1, 1, 1),
    (5, 3, 1, 2, 1),
    (5, 3, 2, 0, 1),
    (5, 3, 2, 1, 1),
    (6, 3, 2, 1, 1),
    (7, 3, 1, 0, 2),
]


@pytest.mark.parametrize(("n", "k", "s", "p", "d"), GUIDE)
def test_kernel_placements_fill_the_cells_each_window_reads(n, k, s, p, d) -> None:
    fig = kernel_placements(n, k, stride=s, padding=p, dilation=d, positions=[(0, 0), (1, 1)])
    out = conv_output_size(n, k, s, p, d)
    assert _texts(fig)[-1] == f"output\n{out} × {out}"
    padded, output = _pictures(fig)
    assert padded.shape[:2] == (n + 2 * p, n + 2 * p) and output.shape[:2] == (out, out)
    first = np.zeros((n + 2 * p,) * 2, dtype=bool)
    first[: d * (k - 1) + 1 : d, : d * (k - 1) + 1 : d] = True
    second = np.roll(first, (s, s), axis=(0, 1))
    np.testing.assert_array_equal(padded[..., 3] > 0, first | second)
    np.testing.assert_allclose(
        padded[first & ~second, :3], [to_rgb(PALETTE[0])] * (first & ~second).sum()
    )
    np.testing.assert_array_equal(np.argwhere(output[..., 3] > 0), [[0, 0], [1, 1]])


def test_kernel_placements_names_padding_and_draws_on_given_axes() -> None:
    from nnref.plotting import new_figure

    fig, ax = new_figure(layout=None)
    assert kernel_placements(4, 2, padding="same", ax=ax) is fig
    assert _texts(fig)[0] == "input 4 × 4\npadding top 0, bottom 1, left 0, right 1"
    with pytest.raises(ValueError, match="positions must be"):
        kernel_placements(5, 3, positions=[(3, 0)])
    with pytest.raises(ValueError, match="kernel_size must be"):
        kernel_placements(2, 3)


# --- convolution_steps --------------------------------------------------------------------------


def test_convolution_steps_has_one_picture_per_output_cell() -> None:
    x = np.arange(16.0).reshape(4, 4) % 3
    k = np.array([[1.0, 0.0], [0.0, -1.0]])
    out = correlate2d(x, k)
    fig = convolution_steps(x, k, ncols=3)
    titles = [t for t in _texts(fig) if "=" in t]
    assert len(titles) == out.size == 9
    assert titles[4] == f"y₁₁ = {int(out[1, 1])}".replace("-", "−")
    pictures = _pictures(fig)  # per step: the window on the input, the current output cell
    window = pictures[2 * 4][..., 3] > 0
    np.testing.assert_array_equal(np.argwhere(window), [[1, 1], [1, 2], [2, 1], [2, 2]])
    assert np.argwhere(pictures[2 * 4 + 1][..., 3] > 0).tolist() == [[1, 1]]
    # the last picture shows every output value
    written = _texts(fig)[-(out.size + 1) : -1]
    assert written == [str(int(v)).replace("-", "−") for v in out.ravel()]


def test_convolution_steps_rejects_a_kernel_larger_than_the_image() -> None:
    with pytest.raises(ValueError, match="kernel must be"):
        convolution_steps(np.ones((2, 2)), np.ones((3, 3)))


# --- cnn_diagram --------------------------------------------------------------------------------


def test_cnn_diagram_reads_the_stages_from_the_model() -> None:
    fig = cnn_diagram(_small_cnn(), (1, 6, 6))
    assert _texts(fig) == [
        "input\n1 map\n6×6",
        "conv 3×3\n+ relu",
        "3 maps\n6×6",
        "max pool\n2×2",
        "3 maps\n3×3",
        "conv 3×3\n+ tanh",
        "5 maps\n1×1",
        "flatten",
        "5",
        "dense",
        "2",
    ]


def test_cnn_diagram_on_several_rows_is_narrower_and_taller() -> None:
    net = _small_cnn()
    w1, h1 = cnn_diagram(net, (1, 6, 6)).get_size_inches()
    w2, h2 = cnn_diagram(net, (1, 6, 6), rows=2).get_size_inches()
    assert w2 < w1 and h2 > h1
    assert cnn_diagram(net, (1, 6, 6), width=3.0).get_size_inches()[0] == pytest.approx(3.0)


def test_cnn_diagram_names_the_layer_that_cannot_take_the_shape() -> None:
    with pytest.raises(ValueError, match=r"model.layers\[3\]"):
        cnn_diagram(_small_cnn(), (1, 4, 4))
    with pytest.raises(ValueError, match="rows must be"):
        cnn_diagram(_small_cnn(), (1, 6, 6), rows=0)


# --- as SVG ------------------------------------------------------------------------------------


def test_image_figures_are_light_and_reproducible() -> None:
    net = Sequential([Conv2D(1, 8, 3, padding=1, rng=0), ActivationLayer("relu"), MaxPool2D(2)])
    x = np.random.default_rng(1).normal(size=(1, 12, 12))
    svg = figure_to_svg(feature_maps(net, x), "maps")
    assert svg == figure_to_svg(feature_maps(net, x), "maps")
    # 25 maps of up to 12 x 12 pixels: pictures, not thousands of vector squares
    assert len(svg) < 30_000
    assert svg.count("<image") == 25
