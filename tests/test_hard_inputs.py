"""The findings of issue 14, one test each (the sweep in test_sweep.py covers the rest).

Each test is a case the adversarial sweep of the issue reported: a wrong value, a leaked
warning, a bare NumPy or Python error, bad input accepted, a caller's array changed, or a
divergence that went unnoticed.
"""

from __future__ import annotations

import numpy as np
import pytest

from nnref import DivergenceWarning, activations, datasets, init, layers, linear, losses, metrics
from nnref.gradcheck import numerical_gradient
from nnref.network import Autoencoder, Sequential, mlp
from nnref.neuron import Neuron
from nnref.optim import SGD

BIG = np.finfo(np.float64).max


# --- wrong values from valid finite input -------------------------------------------------


def test_activations_keep_their_limits_far_out() -> None:
    assert activations.soft_clipping(np.array([1e16, 1e300]))[0] == 1.0
    assert activations.soft_clipping(np.array([1.7e7], dtype=np.float32))[0] == 1.0
    np.testing.assert_allclose(activations.bent_identity(np.array([1e155])), [1.5e155])
    assert np.isfinite(activations.gelu_tanh(np.array([1e308]))).all()
    assert np.isfinite(activations.gelu_tanh.derivative(np.array([1e155, -1e155]))).all()
    assert activations.hard_swish(np.array([1e308]))[0] == 1e308
    assert activations.isru(np.array([-1e155]))[0] == -1.0
    assert activations.isrlu(np.array([-1e155]))[0] == -1.0


def test_standardize_works_at_both_ends_of_the_float_range() -> None:
    near_max = np.array([[BIG, 1.0], [-BIG / 2, 2.0], [BIG / 4, 3.0]])
    z = datasets.standardize(near_max)
    assert np.all(np.isfinite(z))
    np.testing.assert_allclose(z.mean(axis=0), 0.0, atol=1e-15)
    np.testing.assert_allclose(z.std(axis=0), 1.0)
    tiny = np.array([[1e-310, 0.0], [3e-310, 0.0], [2e-310, 0.0]])
    np.testing.assert_allclose(datasets.standardize(tiny)[:, 0], [-1.2247449, 1.2247449, 0.0])
    assert np.all(datasets.standardize(tiny)[:, 1] == 0.0)  # a constant feature: exactly 0


# --- clear errors instead of bare ones ------------------------------------------------------


@pytest.mark.parametrize("key", ["softmax", "log_softmax", "softmin"])
def test_softmax_family_refuses_an_empty_axis(key: str) -> None:
    with pytest.raises(ValueError, match=r"^x must have at least one value along axis 0"):
        activations.get(key)(np.array([]))


def test_negative_seeds_name_rng() -> None:
    with pytest.raises(ValueError, match=r"^rng must be .*non-negative int seed.*got -1"):
        datasets.moons(10, rng=-1)
    with pytest.raises(ValueError, match=r"^rng must be"):
        linear.Perceptron(rng=-3)


@pytest.mark.parametrize(
    ("call", "pattern"),
    [
        (lambda: Sequential(None), r"^layers must be a non-empty sequence of layers, got None"),
        (lambda: Autoencoder(None, [layers.Dense(1, 2)]), r"^layers must be a non-empty"),
        (lambda: datasets.gate(["and"]), r"^name must be one of 'and', "),
        (lambda: init.uniform((2, 2), limit=1e308, dtype=np.float32), r"^limit must be within"),
        (lambda: metrics.confusion_counts([1, 0], [1, 1], positive=[1, 0]), r"^positive must"),
        (lambda: linear.Adaline().fit([[0.0], [1.0]], np.array([0, "a"], dtype=object)), r"^y "),
    ],
)
def test_clear_errors(call, pattern: str) -> None:
    with pytest.raises((ValueError, TypeError), match=pattern):
        call()


def test_a_huge_limit_still_draws_finite_weights() -> None:
    W = init.uniform((50, 2), rng=0, limit=1e308)
    assert np.all(np.isfinite(W)) and np.abs(W).max() > 1e307


# --- bad input accepted silently --------------------------------------------------------------


def test_sgd_refuses_non_finite_gradients_and_takes_lists() -> None:
    w = np.array([1.0, -2.0])
    with pytest.raises(ValueError, match=r"^grads\[0\] must be finite"):
        SGD(0.1).step([w], [np.array([np.nan, 1.0])])
    np.testing.assert_array_equal(w, [1.0, -2.0])  # untouched
    SGD(0.1).step([w], [[1.0, 1.0]])
    np.testing.assert_allclose(w, [0.9, -2.1])


def test_neuron_refuses_non_finite_inputs_like_a_dense_layer() -> None:
    with pytest.raises(ValueError, match=r"^x must be finite"):
        Neuron([0.3, 0.7])([np.nan, 1.0])
    with pytest.raises(ValueError, match=r"^x must be finite"):
        layers.Dense(2, 1).forward([[np.inf, 1.0]])


def test_non_finite_weights_are_refused() -> None:
    with pytest.raises(ValueError, match=r"^W must be finite"):
        layers.Dense(2, 1).set_params(W=[[np.nan], [1.0]])
    with pytest.raises(ValueError, match=r"^init must be"):
        layers.Dense(2, 1, init=lambda shape, rng, dtype: np.full(shape, np.inf))


def test_a_perceptron_whose_weights_overflow_stops_with_a_warning() -> None:
    X, y = datasets.gate("and")
    with pytest.warns(DivergenceWarning, match=r"eta=1e\+308"):
        p = linear.Perceptron(eta=1e308).fit(X * 1e10, y)
    assert np.all(np.isfinite(p.weights_))


# --- the caller's arrays and objects --------------------------------------------------------


def test_numerical_gradient_restores_x_when_f_raises() -> None:
    x = np.array([1.0, 2.0])

    def f(v: np.ndarray) -> float:
        if v[0] != 1.0:
            raise RuntimeError("fails half-way")
        return float(v.sum())

    with pytest.raises(RuntimeError):
        numerical_gradient(f, x)
    np.testing.assert_array_equal(x, [1.0, 2.0])


def test_set_params_changes_nothing_when_one_value_is_bad() -> None:
    layer = layers.Dense(2, 1, init="zeros")
    with pytest.raises(ValueError, match=r"^b must be finite"):
        layer.set_params(W=[[1.0], [2.0]], b=[np.nan])
    assert np.all(layer.params["W"] == 0.0)


def test_neuron_copies_its_weights() -> None:
    weights = [0.3, 0.7]
    n = Neuron(weights)
    weights[0] = 100.0
    assert float(n([1.0, 1.0])) == 1.0


# --- state and divergence ---------------------------------------------------------------------


def test_perceptron_with_a_billion_epochs_is_instant_on_a_separable_gate() -> None:
    X, y = datasets.gate("or")
    p = linear.Perceptron(epochs=10**9).fit(X, y)
    assert p.errors_[-1] == 0 and len(p.errors_) < 10


def test_one_vs_rest_adaline_divergence_is_reported() -> None:
    X, y = datasets.blobs(150, rng=0)
    with pytest.warns(DivergenceWarning, match="Adaline diverged .* eta=0.001"):
        linear.OneVsRest(linear.Adaline(eta=0.001, epochs=200)).fit(X, y)


def test_sequential_fit_divergence_names_the_learning_rate() -> None:
    X, y = datasets.gate("xor")
    with pytest.warns(DivergenceWarning, match=r"Sequential.fit diverged .* lr=1e\+200"):
        mlp([2, 4, 1], rng=0).fit(X * 1e100, y, "mse", epochs=20, lr=1e200)


# --- numerically unreachable results: documented inf ----------------------------------------


@pytest.mark.parametrize("key", ["mse", "squared_error", "binary_cross_entropy_with_logits"])
def test_losses_beyond_the_float_range_are_inf_without_warnings(key: str) -> None:
    loss = losses.get(key)
    p, t = np.array([[1e308], [-1e308]]), np.array([[-1e308], [1e308]])
    if key.startswith("binary"):
        t = np.array([[0.0], [1.0]])
        assert loss(p, t) == 1e308  # the mean of two values near the largest float
    else:
        assert loss(p, t) == np.inf
    assert not np.any(np.isnan(loss.gradient(p, t)))


def test_mse_gradient_past_an_overflowing_difference_is_finite() -> None:
    p, t = np.full((4, 1), 1e308), np.full((4, 1), -1e308)
    np.testing.assert_allclose(losses.mse.gradient(p, t), 1e308)  # 2 (p - t) / 4


def test_cross_entropy_of_extreme_logits() -> None:
    z = np.array([[BIG, -BIG]])
    assert losses.cross_entropy(z, [0]) == 0.0
    assert losses.cross_entropy(z, [[1.0, 0.0]]) == 0.0  # a class of weight 0 costs nothing
    assert losses.cross_entropy(z, [1]) == np.inf
