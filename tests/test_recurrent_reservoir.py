"""Echo state network and extreme learning machine: random fixed weights, ridge readout."""

from __future__ import annotations

import numpy as np
import pytest

from nnref import NotFittedError
from nnref.datasets import noisy_sine
from nnref.recurrent import EchoStateNetwork, ExtremeLearningMachine, ridge_readout


def test_ridge_readout_matches_scikit_learn(rng: np.random.Generator) -> None:
    linear_model = pytest.importorskip("sklearn.linear_model")
    F, Y = rng.normal(size=(40, 6)), rng.normal(size=(40, 2))
    for alpha in (0.0, 0.5, 10.0):
        W, b = ridge_readout(F, Y, alpha)
        ref = linear_model.Ridge(alpha=alpha, fit_intercept=True).fit(F, Y)
        np.testing.assert_allclose(W, ref.coef_.T, rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(b, ref.intercept_, rtol=1e-10, atol=1e-12)


def test_ridge_readout_recovers_a_linear_map(rng: np.random.Generator) -> None:
    F = rng.normal(size=(30, 4))
    W_true, b_true = rng.normal(size=(4, 2)), np.array([1.0, -2.0])
    W, b = ridge_readout(F, F @ W_true + b_true, alpha=0.0)
    np.testing.assert_allclose(W, W_true, rtol=1e-10)
    np.testing.assert_allclose(b, b_true, rtol=1e-10)
    with pytest.raises(ValueError, match=r"^Y must have one row per row of F \(30\)"):
        ridge_readout(F, np.ones((29, 1)))
    with pytest.raises(ValueError, match="^alpha must be a non-negative real number"):
        ridge_readout(F, np.ones((30, 1)), alpha=-1.0)


def test_reservoir_is_scaled_and_fixed() -> None:
    esn = EchoStateNetwork(1, 40, spectral_radius=0.8, input_scaling=0.5, rng=0)
    W = esn.reservoir.params["W_hh"]
    assert np.max(np.abs(np.linalg.eigvals(W))) == pytest.approx(0.8, rel=1e-10)
    assert np.all(np.abs(esn.reservoir.params["W_xh"]) <= 0.5)
    before = W.copy()
    X, Y = noisy_sine(4, n_steps=30, rng=0)
    esn.fit(X, Y)
    np.testing.assert_array_equal(esn.reservoir.params["W_hh"], before)


def test_esn_predicts_the_next_value_better_than_persistence() -> None:
    X, Y = noisy_sine(20, n_steps=60, noise=0.02, rng=0)
    Xt, Yt = noisy_sine(10, n_steps=60, noise=0.02, rng=1)
    esn = EchoStateNetwork(1, 60, rng=0).fit(X, Y, washout=10)
    pred = esn.predict(Xt)
    assert pred.shape == Yt.shape
    err = np.mean((pred[:, 10:] - Yt[:, 10:]) ** 2)
    persistence = np.mean((Xt[:, 10:] - Yt[:, 10:]) ** 2)  # "the next value is this one"
    assert err < 0.2 * persistence
    last = EchoStateNetwork(1, 60, rng=0).fit(X, Y[:, -1])  # one target per sequence
    assert last.predict(Xt).shape == (10, 1)


def test_esn_errors() -> None:
    esn = EchoStateNetwork(1, 10, rng=0)
    with pytest.raises(NotFittedError):
        esn.predict(np.ones((1, 5, 1)))
    X = np.ones((2, 5, 1))
    with pytest.raises(ValueError, match="^washout must be an integer from 0 to 4"):
        esn.fit(X, np.ones((2, 5, 1)), washout=5)
    with pytest.raises(ValueError, match=r"^Y must be \(n_samples, n_steps, n_outputs\)"):
        esn.fit(X, np.ones((3, 5, 1)))
    with pytest.raises(ValueError, match=r"^X must be a 3-D array"):
        esn.fit(np.ones((5, 1)), np.ones((5, 1)))
    with pytest.raises(ValueError, match=r"^X must have 1 feature\(s\) per time step"):
        esn.states(np.ones((2, 5, 3)))
    with pytest.raises(ValueError, match="^spectral_radius must be a positive real number"):
        EchoStateNetwork(1, 10, spectral_radius=0.0)


def test_elm_fits_a_curve_and_keeps_target_shape() -> None:
    x = np.linspace(-3, 3, 80)[:, None]
    y = np.sin(x[:, 0]) + 0.1 * x[:, 0] ** 2
    elm = ExtremeLearningMachine(50, rng=0).fit(x, y)
    pred = elm.predict(x)
    assert pred.shape == (80,)
    assert np.max(np.abs(pred - y)) < 0.02
    two = ExtremeLearningMachine(50, rng=0).fit(x, np.column_stack([y, -y]))
    assert two.predict(x).shape == (80, 2)
    assert elm.hidden(x).shape == (80, 50)


def test_elm_errors() -> None:
    elm = ExtremeLearningMachine(5, rng=0)
    with pytest.raises(NotFittedError):
        elm.predict(np.ones((2, 1)))
    with pytest.raises(ValueError, match="^y must be"):
        elm.fit(np.ones((4, 2)), np.ones(3))
    elm.fit(np.ones((4, 2)), np.arange(4.0))
    with pytest.raises(ValueError, match=r"^X must have 2 feature"):
        elm.predict(np.ones((4, 3)))
    with pytest.raises(ValueError, match="^activation must be one of"):
        ExtremeLearningMachine(5, activation="nope")
