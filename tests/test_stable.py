"""The shared stable primitives: each written once and used by activations and losses alike."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnref import activations, losses
from nnref.activations import _stable

DTYPES = [np.float32, np.float64]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("axis", [0, 1, -1])
def test_softmax_and_log_softmax_from_one_exponential_are_bit_identical(
    dtype: type, axis: int, rng: np.random.Generator
) -> None:
    x = (rng.normal(scale=30.0, size=(7, 5))).astype(dtype)
    log_s, s = _stable.log_softmax_and_softmax(x, axis)
    np.testing.assert_array_equal(s, _stable.softmax(x, axis))
    np.testing.assert_array_equal(log_s, _stable.log_softmax(x, axis))
    assert s.dtype == log_s.dtype == dtype


@pytest.mark.parametrize("dtype", DTYPES)
def test_the_activations_and_cross_entropy_use_the_same_softmax(
    dtype: type, rng: np.random.Generator
) -> None:
    z = rng.normal(scale=5.0, size=(6, 4)).astype(dtype)
    y = rng.integers(0, 4, size=6)
    np.testing.assert_array_equal(activations.softmax(z), _stable.softmax(z))
    np.testing.assert_array_equal(activations.log_softmax(z), _stable.log_softmax(z))
    np.testing.assert_array_equal(activations.softmax(z, axis=0), _stable.softmax(z, 0))
    rows = np.arange(6)
    log_s = activations.log_softmax(z)
    assert losses.cross_entropy(z, y) == -float(np.sum(log_s[rows, y])) / 6
    onehot = np.eye(4, dtype=dtype)[y]
    expected = (activations.softmax(z) - onehot) / dtype(6)
    np.testing.assert_array_equal(losses.cross_entropy.gradient(z, y), expected)


@pytest.mark.parametrize("dtype", DTYPES)
def test_extreme_inputs_give_exact_finite_values_without_warnings(dtype: type) -> None:
    big = np.finfo(dtype).max / 2  # the spread of a row must be a float itself
    x = np.array([[-big, 0.0, big], [1e4, 1e4, -1e4]], dtype=dtype)
    s = _stable.softmax(x)
    log_s = _stable.log_softmax(x)
    assert np.all(np.isfinite(s)) and np.all(np.isfinite(log_s))
    np.testing.assert_array_equal(s[0], [0.0, 0.0, 1.0])
    np.testing.assert_allclose(s[1], [0.5, 0.5, 0.0])
    assert log_s[0, 2] == 0.0 and log_s[1, 2] == dtype(-2e4 - math.log(2.0))
    tail = _stable.softplus_tail(np.array([-2 * big, -1e3, 0.0, 1e3, 2 * big], dtype=dtype))
    assert tail.dtype == dtype
    np.testing.assert_allclose(tail, [0.0, 0.0, math.log(2.0), 0.0, 0.0], rtol=1e-7)


def test_softplus_is_its_tail_plus_the_ramp(rng: np.random.Generator) -> None:
    x = rng.normal(scale=20.0, size=1000)
    np.testing.assert_array_equal(_stable.softplus(x), _stable.softplus_tail(x) + np.maximum(x, 0))
    np.testing.assert_array_equal(
        _stable.log_sigmoid(x), np.minimum(x, 0.0) - _stable.softplus_tail(x)
    )
