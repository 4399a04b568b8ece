"""nnref.conv against PyTorch: values and every gradient, float32 and float64 (skipped without it).

Both sides start from the same numbers; our values come from the forward pass, our gradients
from the backward pass, PyTorch's from its functional ops and autograd.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest

from nnref import losses
from nnref.conv import AvgPool2D, Conv2D, MaxPool2D, col2im, conv2d, im2col
from nnref.layers import ActivationLayer, Dense, Flatten
from nnref.network import Sequential

torch = pytest.importorskip("torch")
F = torch.nn.functional

GEOMETRIES: list[tuple[Any, Any, Any, Any]] = [
    (3, 1, 0, 1),
    (3, 1, 1, 1),
    ((2, 3), (2, 1), (1, 0), 1),
    (3, 2, 1, 1),
    (3, 1, 2, 2),
    (2, 1, "same", 1),
    ((4, 3), 1, "same", (1, 2)),
    (3, 1, "same", 3),
    (5, 3, 2, 1),
    (3, (1, 2), (0, 1), (2, 1)),
    (1, 1, 0, 1),
]
GEO_IDS = [f"k{k}-s{s}-p{p}-d{d}" for k, s, p, d in GEOMETRIES]
POOLS = [(2, None, 0), (3, 2, 1), ((2, 3), (1, 2), (1, 1)), (3, 1, 1), (2, 1, 0), ((3, 1), None, 0)]
DTYPES = [np.float64, np.float32]


def _torch_dtype(dtype: Any) -> Any:
    return torch.float32 if dtype == np.float32 else torch.float64


def t(a: Any, dtype: Any, grad: bool = False) -> Any:
    return torch.tensor(np.asarray(a, dtype=dtype), requires_grad=grad)


def close(ours: np.ndarray, theirs: Any, dtype: Any) -> None:
    """Equal up to rounding: relative to the array's scale in float32, tight in float64."""
    theirs = theirs.detach().numpy()
    assert ours.dtype == dtype
    scale = max(1.0, float(np.abs(theirs).max(initial=0.0)))
    tol = 2e-5 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(ours, theirs, rtol=tol, atol=tol * scale)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize(("kernel", "stride", "padding", "dilation"), GEOMETRIES, ids=GEO_IDS)
def test_conv2d_values_and_gradients(kernel, stride, padding, dilation, dtype, rng) -> None:
    layer = Conv2D(3, 4, kernel, stride, padding, dilation, rng=rng, dtype=dtype)
    layer.set_params(b=rng.normal(size=4))
    x = rng.normal(size=(2, 3, 9, 10)).astype(dtype)
    xt = t(x, dtype, grad=True)
    Wt = t(layer.params["W"], dtype, grad=True)
    bt = t(layer.params["b"], dtype, grad=True)
    with warnings.catch_warnings():  # PyTorch warns that "same" may copy the input
        warnings.simplefilter("ignore", UserWarning)
        out_t = F.conv2d(xt, Wt, bt, stride=stride, padding=padding, dilation=dilation)
    out = layer.forward(x)
    close(out, out_t, dtype)
    close(conv2d(x, layer.params["W"], layer.params["b"], stride, padding, dilation), out_t, dtype)
    g = rng.normal(size=out.shape).astype(dtype)
    out_t.backward(t(g, dtype))
    close(layer.backward(g), xt.grad, dtype)
    close(layer.grads["W"], Wt.grad, dtype)
    close(layer.grads["b"], bt.grad, dtype)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize(("kernel", "stride", "padding"), POOLS)
def test_max_pool_values_and_gradients(kernel, stride, padding, dtype, rng) -> None:
    # Small integers: many ties, so the first-maximum rule is compared too.
    for x in (rng.normal(size=(2, 3, 7, 8)), rng.integers(0, 3, size=(2, 3, 7, 8))):
        x = x.astype(dtype)
        xt = t(x, dtype, grad=True)
        out_t = F.max_pool2d(xt, kernel, stride, padding)
        layer = MaxPool2D(kernel, stride, padding)
        out = layer.forward(x)
        close(out, out_t, dtype)
        g = rng.normal(size=out.shape).astype(dtype)
        out_t.backward(t(g, dtype))
        close(layer.backward(g), xt.grad, dtype)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("count_include_pad", [True, False])
@pytest.mark.parametrize(("kernel", "stride", "padding"), POOLS)
def test_avg_pool_values_and_gradients(kernel, stride, padding, count_include_pad, dtype, rng):
    x = rng.normal(size=(2, 3, 7, 8)).astype(dtype)
    xt = t(x, dtype, grad=True)
    out_t = F.avg_pool2d(xt, kernel, stride, padding, count_include_pad=count_include_pad)
    layer = AvgPool2D(kernel, stride, padding, count_include_pad=count_include_pad)
    out = layer.forward(x)
    close(out, out_t, dtype)
    g = rng.normal(size=out.shape).astype(dtype)
    out_t.backward(t(g, dtype))
    close(layer.backward(g), xt.grad, dtype)


@pytest.mark.parametrize(
    ("kernel", "stride", "padding", "dilation"), GEOMETRIES[:5], ids=GEO_IDS[:5]
)
def test_im2col_is_unfold_and_col2im_is_fold(kernel, stride, padding, dilation, rng) -> None:
    x = rng.normal(size=(2, 3, 9, 10))
    cols = im2col(x, kernel, stride, padding, dilation)
    unfolded = F.unfold(t(x, np.float64), kernel, dilation=dilation, padding=padding, stride=stride)
    close(cols, unfolded, np.float64)
    Y = rng.normal(size=cols.shape)
    folded = F.fold(
        t(Y, np.float64), (9, 10), kernel, dilation=dilation, padding=padding, stride=stride
    )
    close(col2im(Y, (9, 10), kernel, stride, padding, dilation), folded, np.float64)


@pytest.mark.parametrize("dtype", DTYPES)
def test_a_cnn_matches_pytorch_end_to_end(dtype, rng) -> None:
    """A LeNet-like network: the loss gradient of every parameter and of the input."""
    net = Sequential(
        [
            Conv2D(1, 4, 3, padding=1, rng=0),
            ActivationLayer("relu"),
            MaxPool2D(2),
            Conv2D(4, 6, 3, stride=2, padding="valid", rng=1),
            ActivationLayer("tanh"),
            AvgPool2D(2, stride=1),
            Flatten(),
            Dense(6, 3, rng=2),
        ]
    ).astype(dtype)
    torch_net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 4, 3, padding=1),
        torch.nn.ReLU(),
        torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(4, 6, 3, stride=2),
        torch.nn.Tanh(),
        torch.nn.AvgPool2d(2, stride=1),
        torch.nn.Flatten(),
        torch.nn.Linear(6, 3),
    ).to(_torch_dtype(dtype))
    with torch.no_grad():
        for ours, theirs in ((0, 0), (3, 3)):
            torch_net[theirs].weight.copy_(t(net.layers[ours].params["W"], dtype))
            torch_net[theirs].bias.copy_(t(net.layers[ours].params["b"], dtype))
        torch_net[7].weight.copy_(t(net.layers[7].params["W"].T, dtype))
        torch_net[7].bias.copy_(t(net.layers[7].params["b"], dtype))
    x = rng.normal(size=(5, 1, 12, 12)).astype(dtype)
    y = np.array([0, 1, 2, 1, 0])
    xt = t(x, dtype, grad=True)
    out_t = torch_net(xt)
    F.cross_entropy(out_t, torch.tensor(y)).backward()
    out = net.forward(x)
    close(out, out_t, dtype)
    close(net.backward(losses.cross_entropy.gradient(out, y)), xt.grad, dtype)
    for ours, theirs in ((0, 0), (3, 3)):
        close(net.layers[ours].grads["W"], torch_net[theirs].weight.grad, dtype)
        close(net.layers[ours].grads["b"], torch_net[theirs].bias.grad, dtype)
    close(net.layers[7].grads["W"].T, torch_net[7].weight.grad, dtype)
