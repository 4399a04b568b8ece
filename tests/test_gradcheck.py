"""Finite-difference checks of every layer, every loss and deep networks (float64, error < 1e-6)."""

from __future__ import annotations

import numpy as np
import pytest

from nnref import activations as act
from nnref import gradcheck, init, losses
from nnref.layers import ActivationLayer, Dense, Layer, PReLU
from nnref.network import Autoencoder, Sequential, mlp

TOL = 1e-6


def test_numerical_gradient_of_known_functions() -> None:
    x = np.array([[0.5, -1.0], [2.0, 0.0]])
    np.testing.assert_allclose(
        gradcheck.numerical_gradient(lambda v: float(np.sum(np.sin(v))), x), np.cos(x), atol=1e-9
    )
    np.testing.assert_array_equal(x, [[0.5, -1.0], [2.0, 0.0]])  # restored
    scalar = np.array(3.0)
    assert gradcheck.numerical_gradient(lambda v: float(v**2), scalar) == pytest.approx(6.0)
    with pytest.raises(TypeError, match=r"^x must be a float NumPy array"):
        gradcheck.numerical_gradient(lambda v: 0.0, [1.0])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^eps must be a positive real number"):
        gradcheck.numerical_gradient(lambda v: 0.0, x, eps=0)


def test_relative_error() -> None:
    assert gradcheck.relative_error([0.0, 0.0], [0.0, 0.0]) == 0.0
    assert gradcheck.relative_error([], []) == 0.0
    assert gradcheck.relative_error([1.0, -4.0], [1.0, -3.0]) == 0.25
    with pytest.raises(ValueError, match=r"^numeric must have the shape of analytic"):
        gradcheck.relative_error([1.0], [1.0, 2.0])


# --- every layer -------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", [*init.NAMES[1:]])
def test_dense(scheme: str, rng: np.random.Generator) -> None:
    layer = Dense(4, 3, init=scheme, rng=rng)
    layer.params["b"][...] = rng.normal(size=3)
    errors = gradcheck.layer_errors(layer, rng.normal(size=(5, 4)))
    assert set(errors) == {"x", "W", "b"}
    assert max(errors.values()) < TOL, errors


# Elementwise activations: inputs are drawn away from every kink (and for the threshold units,
# whose derivative is zero almost everywhere, the check is that backward gives zero).
ELEMENTWISE = [a.key for a in act.catalog() if a.elementwise]


@pytest.mark.parametrize("key", ELEMENTWISE)
def test_every_elementwise_activation_layer(key: str, rng: np.random.Generator) -> None:
    f = act.get(key)
    x = rng.uniform(-3, 3, size=(4, 5))
    for kink in f.kinks():
        near = np.abs(x - kink) < 1e-3
        x[near] += 2e-3
    err = gradcheck.check_layer(ActivationLayer(f), x, rng=rng)
    assert err < TOL, (key, err)


@pytest.mark.parametrize("key", [a.key for a in act.catalog() if a.vector_valued])
def test_every_vector_valued_activation_layer(key: str, rng: np.random.Generator) -> None:
    x = rng.normal(size=(3, 6))
    assert gradcheck.check_layer(ActivationLayer(key), x, rng=rng) < TOL


@pytest.mark.parametrize("alpha", [0.25, -0.3, 1.5])
def test_prelu(alpha: float, rng: np.random.Generator) -> None:
    errors = gradcheck.layer_errors(PReLU(alpha), rng.normal(size=(6, 4)), rng=rng)
    assert set(errors) == {"x", "alpha"}
    assert max(errors.values()) < TOL, errors


def test_a_wrong_backward_is_caught(rng: np.random.Generator) -> None:
    class Broken(Dense):
        def backward_unchecked(
            self, grad_out: np.ndarray, need_input_grad: bool = True
        ) -> np.ndarray | None:
            result = super().backward_unchecked(grad_out, need_input_grad)
            self.grads["b"] *= 0.5  # forgot half the gradient
            return result

    errors = gradcheck.layer_errors(Broken(3, 2, rng=rng), rng.normal(size=(4, 3)))
    assert errors["x"] < TOL and errors["W"] < TOL
    assert errors["b"] > 0.1


# --- every loss --------------------------------------------------------------------------------


def _loss_cases(rng: np.random.Generator) -> list[tuple[str, np.ndarray, np.ndarray]]:
    z = rng.normal(scale=2, size=(6, 4))
    onehot = np.eye(4)[rng.integers(0, 4, size=6)]
    soft = rng.random((6, 4))
    soft /= soft.sum(axis=1, keepdims=True)
    return [
        ("squared_error", z, rng.normal(size=(6, 4))),
        ("mse", z, rng.normal(size=(6, 4))),
        ("binary_cross_entropy", rng.uniform(0.05, 0.95, size=(6, 4)), rng.random((6, 4))),
        ("binary_cross_entropy_with_logits", z, rng.random((6, 4))),
        ("cross_entropy", z, rng.integers(0, 4, size=6)),
        ("cross_entropy", z, onehot),
        ("cross_entropy", z, soft),
    ]


@pytest.mark.parametrize("case", range(7))
def test_every_loss(case: int, rng: np.random.Generator) -> None:
    key, pred, target = _loss_cases(rng)[case]
    assert gradcheck.check_loss(key, pred, target) < TOL
    assert gradcheck.check_loss(losses.get(key), pred, target) < TOL


# --- whole networks ----------------------------------------------------------------------------


@pytest.mark.parametrize("hidden", ["tanh", "sigmoid", "relu", "prelu", "elu", "gelu", "softplus"])
def test_deep_network(hidden: str, rng: np.random.Generator) -> None:
    net = mlp([4, 6, 6, 6, 6, 3], activation=hidden, init="he_normal", rng=rng)
    for layer in net.layers:
        if isinstance(layer, Dense):
            layer.params["b"][...] = rng.normal(scale=0.1, size=layer.n_out)
    X = rng.normal(size=(5, 4))
    y = rng.integers(0, 3, size=5)
    errors = gradcheck.network_errors(net, X, y, "cross_entropy")
    assert set(errors) == {"X", *net.params}
    assert max(errors.values()) < TOL, errors


@pytest.mark.parametrize(
    ("output", "loss"),
    [
        ("identity", "mse"),
        ("identity", "squared_error"),
        ("sigmoid", "binary_cross_entropy"),
        ("identity", "binary_cross_entropy_with_logits"),
        ("softmax", "mse"),
    ],
)
def test_network_with_each_loss(output: str, loss: str, rng: np.random.Generator) -> None:
    net = mlp([3, 5, 5, 2], activation="tanh", output_activation=output, rng=rng)
    X = rng.normal(size=(4, 3))
    y = rng.random((4, 2)).round() if "binary" in loss else rng.normal(size=(4, 2))
    assert gradcheck.check_network(net, X, y, loss) < TOL


def test_network_with_learned_prelu_and_vector_valued_layers(rng: np.random.Generator) -> None:
    net = Sequential(
        [
            Dense(3, 8, rng=rng),
            PReLU(0.2),
            Dense(8, 8, rng=rng),
            ActivationLayer("maxout"),
            Dense(4, 6, rng=rng),
            ActivationLayer("glu"),
            Dense(3, 2, rng=rng),
        ]
    )
    X = rng.normal(size=(5, 3))
    assert gradcheck.check_network(net, X, rng.integers(0, 2, size=5), "cross_entropy") < TOL


def test_autoencoder(rng: np.random.Generator) -> None:
    ae = Autoencoder(
        mlp([5, 4, 2], activation="tanh", rng=rng), mlp([2, 4, 5], activation="tanh", rng=rng)
    )
    X = rng.normal(size=(6, 5))
    assert gradcheck.check_network(ae, X, X, "mse") < TOL


def test_duck_typed_layer_in_a_network(rng: np.random.Generator) -> None:
    class Square:
        """A layer written without the Layer base class: only the public protocol."""

        params: dict = {}
        grads: dict = {}

        def forward(self, x: np.ndarray) -> np.ndarray:
            self.x = x
            return x**2

        def backward(self, g: np.ndarray) -> np.ndarray:
            return 2 * self.x * g

    net = Sequential([Dense(3, 4, rng=rng), Square(), Dense(4, 1, rng=rng)])
    assert gradcheck.check_network(net, rng.normal(size=(3, 3)), rng.normal(size=3), "mse") < TOL
    assert isinstance(net.layers[0], Layer) and not isinstance(net.layers[1], Layer)
