"""SGD: the plain and the momentum update, every way of passing parameters, and bad input."""

from __future__ import annotations

import numpy as np
import pytest

from nnref.layers import Dense, PReLU
from nnref.network import Sequential
from nnref.optim import SGD


def test_plain_step() -> None:
    w, g = np.array([1.0, 2.0]), np.array([0.5, -1.0])
    SGD(lr=0.1).step([w], [g])
    np.testing.assert_allclose(w, [0.95, 2.1])


def test_momentum_follows_pytorchs_recursion(rng: np.random.Generator) -> None:
    grads = rng.normal(size=(5, 3))
    w = np.zeros(3)
    opt = SGD(lr=0.1, momentum=0.9)
    v = np.zeros(3)
    expected = np.zeros(3)
    for g in grads:
        opt.step([w], [g.copy()])
        v = 0.9 * v + g
        expected -= 0.1 * v
        np.testing.assert_allclose(w, expected, rtol=1e-15)


def test_constant_gradient_with_momentum_accelerates() -> None:
    w, g = np.array([0.0]), np.array([1.0])
    opt = SGD(lr=1.0, momentum=0.5)
    steps = []
    for _ in range(4):
        before = w.copy()
        opt.step([w], [g])
        steps.append(float(before[0] - w[0]))
    assert steps == [1.0, 1.5, 1.75, 1.875]


def test_step_on_dicts_layers_and_networks() -> None:
    layer = Dense.from_weights([[1.0]], [0.0])
    layer.grads["W"][...] = 2.0
    layer.grads["b"][...] = 1.0
    SGD(lr=0.5).step(layer)
    np.testing.assert_array_equal(layer.params["W"], [[0.0]])
    np.testing.assert_array_equal(layer.params["b"], [-0.5])
    SGD(lr=0.5).step([layer])
    np.testing.assert_array_equal(layer.params["W"], [[-1.0]])
    net = Sequential([layer, PReLU(0.5)])
    net.layers[1].grads["alpha"][...] = 1.0
    SGD(lr=0.5).step(net)
    assert net.layers[1].alpha == 0.0
    np.testing.assert_array_equal(layer.params["W"], [[-2.0]])
    SGD(lr=0.5).step(net.params, net.grads)
    np.testing.assert_array_equal(layer.params["W"], [[-3.0]])


def test_momentum_is_kept_per_array_and_reset_when_replaced() -> None:
    a, b = np.array([0.0]), np.array([0.0])
    opt = SGD(lr=1.0, momentum=0.5)
    opt.step([a, b], [np.array([1.0]), np.array([2.0])])
    opt.step([a], [np.array([1.0])])
    assert a[0] == -2.5 and b[0] == -2.0
    c = a.copy()  # a new array: its own, fresh velocity
    opt.step([c], [np.array([1.0])])
    assert c[0] == -3.5
    opt.zero_state()
    opt.step([a], [np.array([1.0])])
    assert a[0] == -3.5


def test_float32_parameters_stay_float32() -> None:
    w = np.ones(3, dtype=np.float32)
    for opt in (SGD(lr=0.1), SGD(lr=0.1, momentum=0.9)):
        opt.step([w], [np.ones(3, dtype=np.float32)])
        assert w.dtype == np.float32
    np.testing.assert_allclose(w, 0.8, rtol=1e-6)


def test_repr() -> None:
    assert repr(SGD()) == "SGD(lr=0.01)"
    assert repr(SGD(lr=0.1, momentum=0.9)) == "SGD(lr=0.1, momentum=0.9)"


@pytest.mark.parametrize(
    ("kwargs", "exc", "pattern"),
    [
        ({"lr": 0.0}, ValueError, r"^lr must be a positive real number, got 0.0"),
        ({"lr": -1}, ValueError, r"^lr must be a positive real number, got -1"),
        ({"lr": float("nan")}, ValueError, r"^lr must be a positive real number"),
        ({"lr": "0.1"}, TypeError, r"^lr must be a positive real number"),
        ({"momentum": 1.0}, ValueError, r"^momentum must be a real number in \[0, 1\), got 1.0"),
        ({"momentum": -0.1}, ValueError, r"^momentum must be a real number in \[0, 1\)"),
    ],
)
def test_bad_hyperparameters(kwargs: dict, exc: type[Exception], pattern: str) -> None:
    with pytest.raises(exc, match=pattern):
        SGD(**kwargs)


def test_bad_step_arguments() -> None:
    opt = SGD()
    with pytest.raises(ValueError, match=r"^grads\[0\] must match its parameter's shape \(2,\)"):
        opt.step([np.zeros(2)], [np.zeros(3)])
    with pytest.raises(
        ValueError,
        match=r"^grads must hold one gradient per parameter \(2\), "
        r"got 1",
    ):
        opt.step([np.zeros(2), np.zeros(2)], [np.zeros(2)])
    with pytest.raises(ValueError, match=r"^grads must be a dict with the same keys as params"):
        opt.step({"a": np.zeros(2)}, {"b": np.zeros(2)})
    with pytest.raises(TypeError, match=r"^params must be writeable float NumPy arrays"):
        opt.step([[0.0, 1.0]], [np.zeros(2)])
    with pytest.raises(TypeError, match=r"^params must be a network, a layer, a sequence"):
        opt.step([object()])
    with pytest.raises(TypeError, match=r"^params must be a network, a layer"):
        opt.step(3)
