"""nnref.conv against direct loop computations, finite differences and its own arithmetic.

The references here are written the slow, obvious way (one output pixel at a time, the window
times the kernel), so that the vectorised im2col/col2im code is checked against the formula
rather than against itself.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

from nnref import gradcheck
from nnref.conv import (
    AvgPool2D,
    Conv2D,
    MaxPool2D,
    ReceptiveField,
    avg_pool2d,
    col2im,
    conv2d,
    conv_output_size,
    convolve2d,
    correlate2d,
    im2col,
    max_pool2d,
    receptive_field,
)
from nnref.conv.arithmetic import resolve_padding
from nnref.layers import ActivationLayer, Dense, Flatten, PReLU
from nnref.network import Sequential

# (kernel_size, stride, padding, dilation): int and pair forms, strides that skip pixels,
# asymmetric "same" padding for even kernels, dilation.
GEOMETRIES: list[tuple[Any, Any, Any, Any]] = [
    (3, 1, 0, 1),
    (3, 1, 1, 1),
    ((2, 3), (2, 1), (1, 0), 1),
    (3, 2, 1, 1),
    (3, 1, 2, 2),
    (2, 1, "same", 1),
    ((4, 3), 1, "same", (1, 2)),
    (1, 1, 0, 1),
    (5, 3, 2, 1),
    (3, (1, 2), (0, 1), (2, 1)),
    (2, 1, "valid", 1),
]
GEO_IDS = [f"k{k}-s{s}-p{p}-d{d}" for k, s, p, d in GEOMETRIES]


def _pair(v: Any) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else tuple(v)


def naive_conv2d(x, W, b, stride, padding, dilation):
    """One output pixel at a time: the sum of the window times the kernel."""
    kernel = W.shape[2:]
    s, d = _pair(stride), _pair(dilation)
    (pt, pb), (pl, pr) = resolve_padding(padding, kernel, s, d)
    n, c, h, w = x.shape
    xp = np.zeros((n, c, h + pt + pb, w + pl + pr))
    xp[:, :, pt : pt + h, pl : pl + w] = x
    span = (d[0] * (kernel[0] - 1) + 1, d[1] * (kernel[1] - 1) + 1)
    ho = (xp.shape[2] - span[0]) // s[0] + 1
    wo = (xp.shape[3] - span[1]) // s[1] + 1
    out = np.zeros((n, W.shape[0], ho, wo))
    for o in range(W.shape[0]):
        for i in range(ho):
            for j in range(wo):
                r, q = i * s[0], j * s[1]
                window = xp[:, :, r : r + span[0] : d[0], q : q + span[1] : d[1]]
                out[:, o, i, j] = np.sum(window * W[o], axis=(1, 2, 3))
        if b is not None:
            out[:, o] += b[o]
    return out


def naive_pool(x, kernel_size, stride, padding, kind, count_include_pad=True):
    k = _pair(kernel_size)
    s = k if stride is None else _pair(stride)
    p = _pair(padding)
    n, c, h, w = x.shape
    fill = -np.inf if kind == "max" else 0.0
    xp = np.full((n, c, h + 2 * p[0], w + 2 * p[1]), fill)
    xp[:, :, p[0] : p[0] + h, p[1] : p[1] + w] = x
    real = np.zeros(xp.shape[2:])
    real[p[0] : p[0] + h, p[1] : p[1] + w] = 1
    ho = (xp.shape[2] - k[0]) // s[0] + 1
    wo = (xp.shape[3] - k[1]) // s[1] + 1
    out = np.zeros((n, c, ho, wo))
    for i in range(ho):
        for j in range(wo):
            rows = slice(i * s[0], i * s[0] + k[0])
            cols = slice(j * s[1], j * s[1] + k[1])
            window = xp[:, :, rows, cols]
            if kind == "max":
                out[:, :, i, j] = window.max(axis=(2, 3))
            else:
                count = k[0] * k[1] if count_include_pad else real[rows, cols].sum()
                out[:, :, i, j] = window.sum(axis=(2, 3)) / count
    return out


def naive_max_pool_grad(x, grad_out, kernel_size, stride, padding):
    """Each output's gradient added at the first maximum of its window."""
    k = _pair(kernel_size)
    s = k if stride is None else _pair(stride)
    p = _pair(padding)
    n, c, h, w = x.shape
    xp = np.full((n, c, h + 2 * p[0], w + 2 * p[1]), -np.inf)
    xp[:, :, p[0] : p[0] + h, p[1] : p[1] + w] = x
    grad = np.zeros_like(xp)
    for a, ch in itertools.product(range(n), range(c)):
        for i in range(grad_out.shape[2]):
            for j in range(grad_out.shape[3]):
                window = xp[a, ch, i * s[0] : i * s[0] + k[0], j * s[1] : j * s[1] + k[1]]
                r, q = np.unravel_index(np.argmax(window), window.shape)
                grad[a, ch, i * s[0] + r, j * s[1] + q] += grad_out[a, ch, i, j]
    return grad[:, :, p[0] : p[0] + h, p[1] : p[1] + w]


# --- the worked example of the glossary -------------------------------------------------------


def test_the_glossary_example() -> None:
    x = np.arange(9).reshape(3, 3)
    k = np.array([[0, 1], [2, 3]])
    expected = np.array([[19.0, 25.0], [37.0, 43.0]])
    np.testing.assert_array_equal(correlate2d(x, k), expected)
    np.testing.assert_array_equal(conv2d(x[None, None], k[None, None])[0, 0], expected)
    layer = Conv2D.from_weights(k[None, None].astype(float))
    np.testing.assert_array_equal(layer.forward(x[None, None])[0, 0], expected)
    # each cell is its window sum
    for i, j in itertools.product(range(2), range(2)):
        assert expected[i, j] == np.sum(x[i : i + 2, j : j + 2] * k)


# --- values against the loops -------------------------------------------------------------------


@pytest.mark.parametrize(("kernel", "stride", "padding", "dilation"), GEOMETRIES, ids=GEO_IDS)
def test_conv2d_matches_the_direct_sum(kernel, stride, padding, dilation, rng) -> None:
    x = rng.normal(size=(2, 3, 9, 8))
    W = rng.normal(size=(4, 3, *_pair(kernel)))
    b = rng.normal(size=4)
    got = conv2d(x, W, b, stride=stride, padding=padding, dilation=dilation)
    want = naive_conv2d(x, W, b, stride, padding, dilation)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
    layer = Conv2D.from_weights(W, b, stride=stride, padding=padding, dilation=dilation)
    np.testing.assert_allclose(layer.forward(x), want, rtol=1e-12, atol=1e-12)
    assert layer.output_shape(x.shape[1:]) == want.shape[1:]
    size = conv_output_size(x.shape[2:], kernel, stride, padding, dilation)
    assert size == want.shape[2:]


@pytest.mark.parametrize(("kernel", "stride", "padding", "dilation"), GEOMETRIES, ids=GEO_IDS)
def test_im2col_times_the_kernels_is_the_convolution(kernel, stride, padding, dilation, rng):
    x = rng.normal(size=(2, 3, 9, 8))
    W = rng.normal(size=(4, 3, *_pair(kernel)))
    cols = im2col(x, kernel, stride, padding, dilation)
    out = conv2d(x, W, stride=stride, padding=padding, dilation=dilation)
    assert cols.shape == (2, 3 * W.shape[2] * W.shape[3], out.shape[2] * out.shape[3])
    np.testing.assert_allclose((W.reshape(4, -1) @ cols).reshape(out.shape), out, atol=1e-12)
    # col2im is the adjoint of im2col: <im2col(x), Y> = <x, col2im(Y)>
    Y = rng.normal(size=cols.shape)
    back = col2im(Y, x.shape[2:], kernel, stride, padding, dilation)
    assert back.shape == x.shape
    np.testing.assert_allclose(np.vdot(cols, Y), np.vdot(x, back), rtol=1e-12)


def test_col2im_counts_the_windows_over_each_pixel() -> None:
    counts = col2im(im2col(np.ones((1, 1, 4, 5)), 3), (4, 5), 3)[0, 0]
    np.testing.assert_array_equal(
        counts, [[1, 2, 3, 2, 1], [2, 4, 6, 4, 2], [2, 4, 6, 4, 2], [1, 2, 3, 2, 1]]
    )


@pytest.mark.parametrize(
    ("kernel", "stride", "padding"),
    [(2, None, 0), (3, 2, 1), ((2, 3), (1, 2), (1, 1)), (3, 1, 0), (3, None, 1), (1, 1, 0)],
)
def test_pooling_matches_the_loops(kernel, stride, padding, rng) -> None:
    x = rng.normal(size=(2, 3, 7, 8))
    np.testing.assert_array_equal(
        max_pool2d(x, kernel, stride, padding), naive_pool(x, kernel, stride, padding, "max")
    )
    for include in (True, False):
        np.testing.assert_allclose(
            avg_pool2d(x, kernel, stride, padding, count_include_pad=include),
            naive_pool(x, kernel, stride, padding, "avg", include),
            rtol=1e-12,
            atol=1e-15,
        )
    layer = MaxPool2D(kernel, stride, padding)
    out = layer.forward(x)
    g = rng.normal(size=out.shape)
    np.testing.assert_allclose(
        layer.backward(g), naive_max_pool_grad(x, g, kernel, stride, padding), atol=1e-15
    )


def test_max_pool_ties_go_to_the_first_maximum() -> None:
    x = np.array([[[[1.0, 1.0], [1.0, 1.0]]]])
    layer = MaxPool2D(2)
    layer.forward(x)
    np.testing.assert_array_equal(layer.backward([[[[5.0]]]])[0, 0], [[5.0, 0.0], [0.0, 0.0]])
    x = np.array([[[[0.0, 2.0], [2.0, 2.0]]]])
    layer.forward(x)
    np.testing.assert_array_equal(layer.backward([[[[1.0]]]])[0, 0], [[0.0, 1.0], [0.0, 0.0]])


def test_overlapping_max_windows_add_their_gradients() -> None:
    x = np.array([[[[0.0, 0.0, 0.0], [0.0, 9.0, 0.0], [0.0, 0.0, 0.0]]]])
    layer = MaxPool2D(2, stride=1)  # the centre wins all four windows
    out = layer.forward(x)
    np.testing.assert_array_equal(out[0, 0], [[9.0, 9.0], [9.0, 9.0]])
    grad = layer.backward(np.ones_like(out))
    np.testing.assert_array_equal(grad[0, 0], [[0, 0, 0], [0, 4, 0], [0, 0, 0]])


def test_max_pooling_tolerates_a_one_pixel_shift() -> None:
    x = np.zeros((1, 1, 4, 4))
    x[0, 0, 0, 0] = 1.0
    shifted = np.roll(x, 1, axis=3)  # the bright pixel moves right, within its 2x2 window
    np.testing.assert_array_equal(max_pool2d(x, 2), max_pool2d(shifted, 2))
    assert not np.array_equal(
        conv2d(x, np.ones((1, 1, 1, 1))), conv2d(shifted, np.ones((1, 1, 1, 1)))
    )


def test_same_padding_keeps_the_size_and_pads_bottom_right_for_even_kernels(rng) -> None:
    for k in (2, 3, 4, 5):
        x = rng.normal(size=(1, 1, 6, 7))
        assert conv2d(x, np.ones((1, 1, k, k)), padding="same").shape == x.shape
    assert Conv2D(1, 1, 4, padding="same").pads == ((1, 2), (1, 2))
    assert Conv2D(1, 1, 3, padding="same", dilation=2).pads == ((2, 2), (2, 2))


def test_true_convolution_is_correlation_with_the_kernel_turned(rng) -> None:
    x = rng.normal(size=(6, 7))
    k = rng.normal(size=(3, 2))
    for mode in ("valid", "full"):
        np.testing.assert_allclose(convolve2d(x, k, mode), correlate2d(x, np.rot90(k, 2), mode))
    assert not np.allclose(convolve2d(x, k), correlate2d(x, k))
    # along one row it is numpy's 1-D convolution
    row, taps = rng.normal(size=(1, 9)), rng.normal(size=(1, 4))
    for mode in ("valid", "full"):
        np.testing.assert_allclose(
            convolve2d(row, taps, mode)[0], np.convolve(row[0], taps[0], mode)
        )
        np.testing.assert_allclose(
            correlate2d(row, taps, mode)[0], np.correlate(row[0], taps[0], mode)
        )


def test_a_one_by_one_convolution_is_a_dense_layer_at_every_pixel(rng) -> None:
    x = rng.normal(size=(2, 3, 4, 5))
    W = rng.normal(size=(6, 3, 1, 1))
    b = rng.normal(size=6)
    dense = np.einsum("nchw,oc->nohw", x, W[:, :, 0, 0]) + b[:, None, None]
    np.testing.assert_allclose(conv2d(x, W, b), dense, rtol=1e-12)


# --- gradients by finite differences -----------------------------------------------------------


@pytest.mark.parametrize(("kernel", "stride", "padding", "dilation"), GEOMETRIES, ids=GEO_IDS)
def test_conv2d_gradients_pass_finite_differences(kernel, stride, padding, dilation, rng):
    layer = Conv2D(2, 3, kernel, stride, padding, dilation, rng=0)
    layer.set_params(b=rng.normal(size=3))
    errors = gradcheck.layer_errors(layer, rng.normal(size=(2, 2, 7, 6)), rng=rng)
    assert set(errors) == {"x", "W", "b"}
    assert max(errors.values()) < 1e-7, errors


@pytest.mark.parametrize(("kernel", "stride", "padding", "dilation"), GEOMETRIES, ids=GEO_IDS)
def test_the_input_gradient_is_col2im_of_the_kernels_times_g(
    kernel, stride, padding, dilation, rng
):
    """Stride 1 takes a faster arrangement of the same sums; both must equal col2im(W^T G)."""
    layer = Conv2D(3, 4, kernel, stride, padding, dilation, rng=0)
    x = rng.normal(size=(2, 3, 9, 8))
    out = layer.forward(x)
    g = rng.normal(size=out.shape)
    W = layer.params["W"].reshape(4, -1)
    cols = np.einsum("ok,nol->nkl", W, g.reshape(2, 4, -1))
    expected = col2im(cols, (9, 8), kernel, stride, padding, dilation)
    np.testing.assert_allclose(layer.backward(g), expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(
    ("kernel", "stride", "padding"),
    [(2, None, 0), (3, 2, 1), ((2, 3), (1, 2), (1, 1)), (3, 1, 0), (3, None, 1)],
)
def test_pooling_gradients_pass_finite_differences(kernel, stride, padding, rng) -> None:
    x = rng.normal(size=(2, 2, 7, 6))
    for layer in (
        MaxPool2D(kernel, stride, padding),
        AvgPool2D(kernel, stride, padding),
        AvgPool2D(kernel, stride, padding, count_include_pad=False),
    ):
        errors = gradcheck.layer_errors(layer, x, rng=rng)
        assert max(errors.values()) < 1e-7, (layer, errors)


def test_a_small_cnn_passes_finite_differences(rng) -> None:
    net = Sequential(
        [
            Conv2D(1, 2, 3, padding=1, rng=0),
            ActivationLayer("tanh"),
            MaxPool2D(2),
            Conv2D(2, 2, 2, rng=1),
            AvgPool2D(2),
            Flatten(),
            Dense(2, 3, rng=2),
        ]
    )
    X = rng.normal(size=(3, 1, 8, 8))
    y = np.array([0, 2, 1])
    errors = gradcheck.network_errors(net, X, y, "cross_entropy")
    assert max(errors.values()) < 1e-6, errors


# --- the layers as layers -----------------------------------------------------------------------


def test_layers_reuse_work_arrays_without_changing_earlier_results(rng) -> None:
    layer = Conv2D(2, 3, 3, padding=1, rng=0)
    x1, x2 = rng.normal(size=(2, 4, 2, 6, 6))
    g1, g2 = rng.normal(size=(2, 4, 3, 6, 6))
    out1 = layer.forward(x1)
    dx1 = layer.backward(g1)
    kept = out1.copy(), dx1.copy()
    out2 = layer.forward(x2)
    dx2 = layer.backward(g2)
    np.testing.assert_array_equal(out1, kept[0])
    np.testing.assert_array_equal(dx1, kept[1])
    fresh = Conv2D(2, 3, 3, padding=1, rng=0)
    np.testing.assert_array_equal(fresh.forward(x2), out2)
    np.testing.assert_array_equal(fresh.backward(g2), dx2)
    np.testing.assert_array_equal(fresh.grads["W"], layer.grads["W"])
    # a forward pass after another: backward uses the last one
    layer.forward(x1)
    layer.forward(x2)
    np.testing.assert_array_equal(layer.backward(g2), dx2)


def test_parameter_count_and_weight_sharing() -> None:
    # AlexNet's first layer: 96 kernels of 11x11x3, stride 4, on 227x227 images -> 55x55.
    conv = Conv2D(3, 96, 11, stride=4, init="zeros")
    shape = conv.output_shape((3, 227, 227))
    assert shape == (96, 55, 55)
    assert conv.n_params == 34_944
    assert (conv.n_params - 96) * shape[1] * shape[2] + 96 * shape[1] * shape[2] == 105_705_600
    assert Conv2D(3, 8, 3, bias=False).n_params == 216
    assert "b" not in Conv2D(3, 8, 3, bias=False).params


def test_default_initialisation_is_pytorchs_uniform() -> None:
    W = Conv2D(4, 64, 3, rng=0).params["W"]
    bound = 1 / np.sqrt(4 * 3 * 3)
    assert np.abs(W).max() <= bound
    assert np.abs(W).max() > 0.95 * bound
    assert abs(W.std() - bound / np.sqrt(3)) < 0.01
    np.testing.assert_array_equal(Conv2D(4, 64, 3, rng=0).params["b"], 0)
    np.testing.assert_array_equal(W, Conv2D(4, 64, 3, rng=0).params["W"])  # seeded
    he = Conv2D(4, 64, 3, rng=0, init="he_uniform").params["W"]
    assert np.abs(he).max() <= np.sqrt(6 / 36)


def test_reprs_and_summary_of_a_cnn() -> None:
    net = Sequential(
        [
            Conv2D(1, 6, 5, padding=2, rng=0),
            ActivationLayer("relu"),
            MaxPool2D(2),
            Conv2D(6, 16, 5, rng=0),
            ActivationLayer("relu"),
            AvgPool2D(2, stride=1, count_include_pad=False),
            Flatten(),
            Dense(16 * 9 * 9, 10, rng=0),
        ]
    )
    summary = net.summary((1, 28, 28))
    assert [row[0] for row in summary.rows][:3] == [
        "Conv2D(1, 6, kernel_size=5, padding=2)",
        "ActivationLayer('relu')",
        "MaxPool2D(kernel_size=2)",
    ]
    assert summary.rows[5][0] == "AvgPool2D(kernel_size=2, stride=1, count_include_pad=False)"
    assert [row[1] for row in summary.rows] == [
        (6, 28, 28),
        (6, 28, 28),
        (6, 14, 14),
        (16, 10, 10),
        (16, 10, 10),
        (16, 9, 9),
        (1296,),
        (10,),
    ]
    assert summary.total_params == 156 + 2416 + 12970
    assert net.predict(np.zeros((2, 1, 28, 28))).shape == (2, 10)
    conv = Conv2D(2, 3, (3, 1), stride=2, dilation=(1, 2), bias=False)
    assert repr(conv) == "Conv2D(2, 3, kernel_size=(3, 1), stride=2, dilation=(1, 2), bias=False)"
    assert repr(Conv2D(1, 1, 3, padding="same")) == "Conv2D(1, 1, kernel_size=3, padding='same')"


def test_float32_stays_float32_in_the_functions(rng) -> None:
    x = rng.normal(size=(2, 2, 6, 6)).astype(np.float32)
    W = rng.normal(size=(3, 2, 3, 3)).astype(np.float32)
    assert conv2d(x, W).dtype == np.float32
    assert conv2d(x, W.astype(np.float64)).dtype == np.float64
    assert conv2d(x, W, np.zeros(3)).dtype == np.float64
    assert im2col(x, 3).dtype == np.float32
    assert max_pool2d(x, 2).dtype == avg_pool2d(x, 2).dtype == np.float32
    assert conv2d(x.astype(int), W).dtype == np.float64
    assert correlate2d(x[0, 0], W[0, 0]).dtype == np.float32


def test_the_functions_leave_their_inputs_alone(rng) -> None:
    x = rng.normal(size=(2, 2, 6, 6))
    W = rng.normal(size=(3, 2, 3, 3))
    b = rng.normal(size=3)
    kept = x.copy(), W.copy(), b.copy()
    conv2d(x, W, b, padding=1)
    max_pool2d(x, 3, 1, 1)
    avg_pool2d(x, 2)
    cols = im2col(x, 3, padding="same")
    cols_kept = cols.copy()
    col2im(cols, (6, 6), 3, padding="same")
    correlate2d(x[0, 0], W[0, 0], "full")
    convolve2d(x[0, 0], W[0, 0], "full")
    layer = Conv2D.from_weights(W, b, padding=1)
    layer.backward(np.ones_like(layer.forward(x)))
    for before, after in zip(kept, (x, W, b), strict=True):
        np.testing.assert_array_equal(before, after)
    np.testing.assert_array_equal(cols, cols_kept)
    W[...] = 0  # from_weights copied the kernels
    assert np.any(layer.params["W"] != 0)


def test_empty_batches_are_refused() -> None:
    for layer, x in (
        (Conv2D(1, 2, 3, rng=0), np.zeros((0, 1, 5, 5))),
        (MaxPool2D(2), np.zeros((0, 1, 4, 4))),
        (Flatten(), np.zeros((0, 2, 3))),
    ):
        with pytest.raises(ValueError, match=r"^x must be a non-empty batch"):
            layer.forward(x)
        assert layer.output_shape(x.shape[1:])  # the shapes alone are fine


# --- arithmetic ---------------------------------------------------------------------------------


def test_conv_output_size_follows_the_formula() -> None:
    for n, k, s, p, d in itertools.product(
        range(1, 12), range(1, 5), range(1, 4), range(3), (1, 2)
    ):
        span = d * (k - 1) + 1
        if n + 2 * p < span:
            with pytest.raises(ValueError, match="^kernel_size must"):
                conv_output_size(n, k, s, p, d)
            continue
        expected = (n + 2 * p - d * (k - 1) - 1) // s + 1
        assert conv_output_size(n, k, s, p, d) == expected
        assert expected == len(range(0, n + 2 * p - span + 1, s))  # positions that fit
    # the convolution-arithmetic guide's cases
    assert conv_output_size(4, 3) == 2  # no padding, unit strides
    assert conv_output_size(5, 4, padding=2) == 6  # padding
    assert conv_output_size(5, 3, padding="same") == 5  # half ("same") padding
    assert conv_output_size(5, 3, padding=2) == 7  # full padding, p = k - 1
    assert conv_output_size(5, 3, stride=2) == 2  # stride, no padding
    assert conv_output_size(5, 3, stride=2, padding=1) == 3  # stride with padding
    assert conv_output_size(6, 3, stride=2, padding=1) == 3  # odd case: one row unused
    assert conv_output_size(7, 3, dilation=2) == 3  # dilation
    sizes = [240]
    while sizes[-1] >= 5:
        sizes.append(conv_output_size(sizes[-1], 5))
    assert sizes[:4] == [240, 236, 232, 228] and sizes[-1] == 4 and len(sizes) == 60


def test_receptive_field_closed_form_and_layers() -> None:
    assert [receptive_field([3] * n).size for n in (1, 2, 3)] == [(3, 3), (5, 5), (7, 7)]
    assert receptive_field([]) == ReceptiveField((1, 1), (1, 1), (0.0, 0.0))
    layers = [
        Conv2D(1, 2, 3, padding=1),
        ActivationLayer("relu"),
        PReLU(),
        MaxPool2D(2),
        Conv2D(2, 2, (3, 5), dilation=2),
        AvgPool2D(3, stride=2),
    ]
    specs = [(3, 1, 1, 1), (2, 2), ((3, 5), 1, 2), (3, 2)]
    field = receptive_field(layers)
    assert field == receptive_field(specs) == receptive_field(Sequential(layers))
    # r = 1 + (3-1)*1 + (2-1)*1 + (5-1)*2 + (3-1)*2 = 16 rows; columns 1 + 2 + 1 + 8*2 + 2*2 = 24
    assert field.size == (16, 24) and field.jump == (4, 4)
    with pytest.raises(TypeError, match=r"^layers\[1\] must"):
        receptive_field([3, Dense(2, 2)])
    with pytest.raises(TypeError, match=r"^layers\[0\] must"):
        receptive_field([ActivationLayer("softmax")])
    with pytest.raises(ValueError, match=r"^layers\[0\]\[1\] \(stride\) must"):
        receptive_field([(3, 0)])


@pytest.mark.parametrize(
    "layers",
    [
        [Conv2D.from_weights(np.ones((1, 1, 3, 3))) for _ in range(3)],
        [
            Conv2D.from_weights(np.ones((1, 1, 3, 3)), padding=1),
            AvgPool2D(2),
            Conv2D.from_weights(np.ones((1, 1, 2, 3)), dilation=2),
        ],
        [AvgPool2D(3, stride=2, padding=1), Conv2D.from_weights(np.ones((1, 1, 3, 3)), stride=2)],
    ],
)
def test_receptive_field_is_where_a_one_hot_gradient_lands(layers) -> None:
    # Positive kernels and inputs and average pooling: no gradient cancels or is routed
    # away, so the pixels reached are exactly the field (max pooling would pick some).
    net = Sequential(layers)
    x = np.random.default_rng(0).uniform(1, 2, size=(1, 1, 31, 33))
    out = net.forward(x)
    g = np.zeros_like(out)
    g[0, 0, 0, 0] = 1.0  # the first output unit
    reached = np.argwhere(net.backward(g)[0, 0] != 0)
    field = receptive_field(layers)
    low = np.ceil(np.array(field.start) - (np.array(field.size) - 1) / 2).astype(int)
    high = low + np.array(field.size) - 1
    # the region the closed form gives, clipped to the image (the rest is padding)
    assert tuple(reached.min(axis=0)) == tuple(np.maximum(low, 0))
    assert tuple(reached.max(axis=0)) == tuple(high)
    if np.all(low >= 0):
        assert tuple(reached.max(axis=0) - reached.min(axis=0) + 1) == field.size


# --- training inside Sequential -----------------------------------------------------------------


def _small_cnn(seed: int) -> Sequential:
    return Sequential(
        [
            Conv2D(1, 8, 3, padding=1, rng=seed),
            ActivationLayer("relu"),
            MaxPool2D(2),
            Conv2D(8, 8, 3, padding=1, rng=seed + 1),
            ActivationLayer("relu"),
            MaxPool2D(2),
            Flatten(),
            Dense(8 * 3 * 3, 5, rng=seed + 2),
        ]
    )


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_a_small_cnn_learns_the_shapes(dtype) -> None:
    from nnref.datasets import shape_images
    from nnref.optim import SGD

    X, y = shape_images(600, size=12, noise=0.1, rng=0)
    X = X.astype(dtype)
    X_train, y_train, X_test, y_test = X[:450], y[:450], X[450:], y[450:]
    net = _small_cnn(0)
    history = net.fit(
        X_train,
        y_train,
        "cross_entropy",
        epochs=12,
        optimizer=SGD(0.05, momentum=0.9),
        batch_size=32,
        rng=0,
    )
    assert net.params["0.W"].dtype == dtype
    assert history.loss[-1] < history.loss[0] / 4
    accuracy = net.evaluate(X_test, y_test, "cross_entropy")["accuracy"]
    assert accuracy > 0.9, accuracy  # chance is 0.2


def test_non_contiguous_inputs_give_the_same_results(rng) -> None:
    base = rng.normal(size=(3, 9, 8, 2))
    x = base.transpose(0, 3, 2, 1)[:, :, ::-1]  # (3, 2, 8, 9), reversed rows, odd strides
    assert not x.flags.c_contiguous
    W = rng.normal(size=(4, 2, 3, 2))
    for kwargs in ({}, {"padding": 1, "stride": 2}, {"dilation": (2, 1), "padding": "same"}):
        np.testing.assert_allclose(
            conv2d(x, W, **kwargs), conv2d(np.ascontiguousarray(x), W, **kwargs), rtol=1e-13
        )
    np.testing.assert_array_equal(max_pool2d(x, 3, 2, 1), max_pool2d(x.copy(), 3, 2, 1))
    layer = Conv2D.from_weights(W, padding=1)
    out = layer.forward(x)
    assert out.shape == (3, 4, 8, 10)
    g = rng.normal(size=(3, 4, 10, 8)).transpose(0, 1, 3, 2)[:, :, ::-1]
    dx = layer.backward(g)
    fresh = Conv2D.from_weights(W, padding=1)
    np.testing.assert_allclose(out, fresh.forward(x.copy()), rtol=1e-13)
    np.testing.assert_allclose(dx, fresh.backward(g.copy()), rtol=1e-13)
