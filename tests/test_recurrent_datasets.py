"""Sequence data sets: shapes, the relations they promise, determinism and argument checks."""

from __future__ import annotations

import numpy as np
import pytest

from nnref.datasets import delayed_recall, noisy_sine, winner_take_all


def test_noisy_sine() -> None:
    X, Y = noisy_sine(8, n_steps=40, noise=0.0, period=10.0, rng=0)
    assert X.shape == Y.shape == (8, 40, 1)
    np.testing.assert_array_equal(Y[:, :-1], X[:, 1:])
    np.testing.assert_allclose(X[:, 10:, 0], X[:, :-10, 0], atol=1e-12)  # period 10
    assert np.all(np.abs(X) <= 1.0)
    assert len({round(float(v), 6) for v in X[:, 0, 0]}) == 8  # each its own phase
    A, B = noisy_sine(200, n_steps=50, noise=0.3, period=10.0, rng=1)
    clean_var = 0.5  # variance of a sine over whole periods
    assert np.var(A) == pytest.approx(clean_var + 0.09, rel=0.05)
    np.testing.assert_array_equal(noisy_sine(3, rng=5)[0], noisy_sine(3, rng=5)[0])


def test_delayed_recall_labels_and_independence() -> None:
    X, y = delayed_recall(2000, delay=4, n_steps=9, n_symbols=3, rng=0)
    assert X.shape == (2000, 9, 3) and y.dtype == np.int64
    np.testing.assert_array_equal(X.sum(axis=2), 1.0)  # one-hot
    np.testing.assert_array_equal(X[:, 9 - 1 - 4].argmax(axis=1), y)
    # The last input says nothing about the label: every (last symbol, label) pair is
    # about equally frequent.
    table = np.zeros((3, 3))
    np.add.at(table, (X[:, -1].argmax(axis=1), y), 1)
    assert np.all(np.abs(table / 2000 - 1 / 9) < 0.03)
    X0, y0 = delayed_recall(10, delay=0, rng=0)
    np.testing.assert_array_equal(X0[:, -1].argmax(axis=1), y0)
    assert delayed_recall(5, delay=6, rng=0)[0].shape == (5, 7, 2)


def test_winner_take_all() -> None:
    X, y = winner_take_all(50, n_units=4, n_steps=6, rng=0)
    assert X.shape == (50, 6, 4)
    np.testing.assert_array_equal(X, np.repeat(X[:, :1], 6, axis=1))
    np.testing.assert_array_equal(X[:, 0].argmax(axis=1), y)
    Xn, yn = winner_take_all(50, n_units=4, n_steps=6, noise=0.1, rng=0)
    np.testing.assert_array_equal(yn, y)
    assert 0.05 < np.std(Xn - X) < 0.15


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: noisy_sine(0), "^n_samples must be a positive integer"),
        (lambda: noisy_sine(2, noise=-1.0), "^noise must be a non-negative real number"),
        (lambda: noisy_sine(2, period=0.0), "^period must be a positive real number"),
        (lambda: noisy_sine(2, n_steps=0), "^n_steps must be a positive integer"),
        (lambda: delayed_recall(2, delay=-1), "^delay must be a non-negative integer"),
        (lambda: delayed_recall(2, delay=3, n_steps=3), r"^n_steps must be above the delay"),
        (lambda: delayed_recall(2, n_symbols=1), "^n_symbols must be at least 2"),
        (lambda: winner_take_all(2, n_units=1), "^n_units must be at least 2"),
        (lambda: winner_take_all(2, rng="x"), "^rng must be"),
    ],
)
def test_bad_arguments_are_named(call, match: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises((ValueError, TypeError), match=match):
        call()
