"""Layers, losses, SGD and a training epoch against PyTorch, in float64 (skipped without torch).

Every comparison starts both sides from the same numbers; values come from our forward pass
and PyTorch's, gradients from our backward pass and PyTorch's autograd.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from nnref import losses
from nnref.layers import ActivationLayer, Dense, PReLU
from nnref.network import mlp
from nnref.optim import SGD

torch = pytest.importorskip("torch")
F = torch.nn.functional


def t(a: Any, grad: bool = False) -> Any:
    """A float64 tensor copy of ``a``."""
    return torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=grad)


def test_dense_forward_backward(rng: np.random.Generator) -> None:
    layer = Dense(5, 3, rng=rng)
    layer.params["b"][...] = rng.normal(size=3)
    x, g = rng.normal(size=(4, 5)), rng.normal(size=(4, 3))
    linear = torch.nn.Linear(5, 3, dtype=torch.float64)
    with torch.no_grad():
        linear.weight.copy_(t(layer.params["W"].T))  # PyTorch stores (out, in)
        linear.bias.copy_(t(layer.params["b"]))
    xt = t(x, grad=True)
    out = linear(xt)
    out.backward(t(g))
    np.testing.assert_allclose(layer.forward(x), out.detach().numpy(), rtol=1e-13)
    np.testing.assert_allclose(layer.backward(g), xt.grad.numpy(), rtol=1e-13)
    np.testing.assert_allclose(layer.grads["W"], linear.weight.grad.numpy().T, rtol=1e-13)
    np.testing.assert_allclose(layer.grads["b"], linear.bias.grad.numpy(), rtol=1e-13)


def test_prelu(rng: np.random.Generator) -> None:
    x = rng.normal(size=(6, 4))
    x[0, 0] = 0.0  # PyTorch's convention at the kink
    g = rng.normal(size=(6, 4))
    layer = PReLU(0.25)
    module = torch.nn.PReLU(num_parameters=1, init=0.25, dtype=torch.float64)
    xt = t(x, grad=True)
    out = module(xt)
    out.backward(t(g))
    np.testing.assert_allclose(layer.forward(x), out.detach().numpy(), rtol=1e-14)
    np.testing.assert_allclose(layer.backward(g), xt.grad.numpy(), rtol=1e-14)
    assert float(layer.grads["alpha"]) == pytest.approx(float(module.weight.grad[0]), rel=1e-13)


@pytest.mark.parametrize("key", ["relu", "tanh", "sigmoid", "softmax", "log_softmax"])
def test_activation_layers(key: str, rng: np.random.Generator) -> None:
    fn = {
        "relu": F.relu,
        "tanh": torch.tanh,
        "sigmoid": torch.sigmoid,
        "softmax": lambda z: F.softmax(z, dim=-1),
        "log_softmax": lambda z: F.log_softmax(z, dim=-1),
    }[key]
    x, g = rng.normal(size=(5, 4)), rng.normal(size=(5, 4))
    layer = ActivationLayer(key)
    xt = t(x, grad=True)
    out = fn(xt)
    out.backward(t(g))
    np.testing.assert_allclose(layer.forward(x), out.detach().numpy(), rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(layer.backward(g), xt.grad.numpy(), rtol=1e-12, atol=1e-15)


def _loss_cases(rng: np.random.Generator) -> list[tuple[str, Any, Any, Any]]:
    z = rng.normal(scale=3, size=(6, 4))
    y_reg = rng.normal(size=(6, 4))
    p = rng.uniform(0.01, 0.99, size=(6, 4))
    y_bin = rng.random((6, 4))
    idx = rng.integers(0, 4, size=6)
    onehot = np.eye(4)[idx]
    soft = rng.random((6, 4))
    soft /= soft.sum(axis=1, keepdims=True)
    big = np.array([[1e4, -1e4, 0.0], [-1e4, 1e4, 5.0]])
    return [
        ("squared_error", z, y_reg, lambda a, b: 0.5 * F.mse_loss(a, b, reduction="sum")),
        ("mse", z, y_reg, F.mse_loss),
        ("binary_cross_entropy", p, y_bin, F.binary_cross_entropy),
        (
            "binary_cross_entropy",
            np.array([0.0, 1.0, 0.5]),
            np.array([1.0, 0.0, 1.0]),
            F.binary_cross_entropy,
        ),
        ("binary_cross_entropy_with_logits", z, y_bin, F.binary_cross_entropy_with_logits),
        (
            "binary_cross_entropy_with_logits",
            big,
            (big > 0).astype(float)[::-1].copy(),
            F.binary_cross_entropy_with_logits,
        ),
        ("cross_entropy", z, idx, lambda a, b: F.cross_entropy(a, b.long())),
        ("cross_entropy", z, onehot, F.cross_entropy),
        ("cross_entropy", z, soft, F.cross_entropy),
        ("cross_entropy", big, np.array([1, 0]), lambda a, b: F.cross_entropy(a, b.long())),
    ]


@pytest.mark.parametrize("case", range(10))
def test_loss_value_and_gradient(case: int, rng: np.random.Generator) -> None:
    key, pred, target, torch_fn = _loss_cases(rng)[case]
    loss = losses.get(key)
    pt = t(pred, grad=True)
    target_t = torch.tensor(target) if np.asarray(target).dtype.kind == "i" else t(target)
    value = torch_fn(pt, target_t)
    value.backward()
    assert loss(pred, target) == pytest.approx(value.item(), rel=1e-12, abs=1e-14)
    # PyTorch clamps binary cross-entropy's denominator at 1e-12 rounded to float32, a relative
    # difference of 4e-9 from our float64 1e-12 where the clamp is active (p = 0 or 1).
    np.testing.assert_allclose(loss.gradient(pred, target), pt.grad.numpy(), rtol=1e-8, atol=1e-14)


@pytest.mark.parametrize("momentum", [0.0, 0.5, 0.9])
def test_sgd_steps(momentum: float, rng: np.random.Generator) -> None:
    w0 = rng.normal(size=(3, 2))
    grads = rng.normal(size=(6, 3, 2))
    ours = w0.copy()
    opt = SGD(lr=0.05, momentum=momentum)
    param = torch.nn.Parameter(t(w0))
    theirs = torch.optim.SGD([param], lr=0.05, momentum=momentum)
    for g in grads:
        opt.step([ours], [g])
        param.grad = t(g)
        theirs.step()
        np.testing.assert_allclose(ours, param.detach().numpy(), rtol=1e-14, atol=1e-15)


def test_one_training_epoch_matches(rng: np.random.Generator) -> None:
    """Sequential.fit against the same loop written in PyTorch: identical weights after."""
    X = rng.normal(size=(50, 4))
    y = rng.integers(0, 3, size=50)
    net = mlp([4, 8, 8, 3], rng=0)
    model = torch.nn.Sequential(
        torch.nn.Linear(4, 8),
        torch.nn.ReLU(),
        torch.nn.Linear(8, 8),
        torch.nn.ReLU(),
        torch.nn.Linear(8, 3),
    ).double()
    with torch.no_grad():
        for linear, dense in zip(model[::2], net.layers[::2], strict=True):
            linear.weight.copy_(t(dense.params["W"].T))
            linear.bias.copy_(t(dense.params["b"]))
    order = np.random.default_rng(7).permutation(50)  # the order fit draws from rng=7
    net.fit(X, y, "cross_entropy", epochs=1, optimizer=SGD(0.1, momentum=0.9), batch_size=16, rng=7)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    Xt, yt = t(X), torch.tensor(y)
    for start in range(0, 50, 16):
        idx = torch.tensor(order[start : start + 16])
        loss = F.cross_entropy(model(Xt[idx]), yt[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
    for linear, dense in zip(model[::2], net.layers[::2], strict=True):
        np.testing.assert_allclose(
            dense.params["W"], linear.weight.detach().numpy().T, rtol=1e-12, atol=1e-14
        )
        np.testing.assert_allclose(
            dense.params["b"], linear.bias.detach().numpy(), rtol=1e-12, atol=1e-14
        )
