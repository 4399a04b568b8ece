"""Vector-valued activations: softmax, log-softmax, softmin, GLU and maxout."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnref import activations as act
from nnref.activations import Activation

SAME_SHAPE = [act.softmax, act.log_softmax, act.softmin]
ALL_VECTOR = [*SAME_SHAPE, act.glu, act.maxout]

logits = arrays(
    np.float64,
    st.tuples(st.integers(1, 4), st.integers(1, 8)),
    elements=st.floats(allow_nan=False, allow_infinity=False),  # the whole float64 range
)


def numeric_jacobian(f: Activation, x: np.ndarray, h: float = 1e-6, **params: float) -> np.ndarray:
    """Central differences, one input at a time along the last axis: shape (..., m, n)."""
    columns = []
    for j in range(x.shape[-1]):
        step = np.zeros_like(x)
        step[..., j] = h
        columns.append((f(x + step, **params) - f(x - step, **params)) / (2 * h))
    return np.stack(columns, axis=-1)


def ids(a: Activation) -> str:
    return a.key


# --- softmax and relatives ------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(x=logits)
def test_softmax_is_a_probability_distribution(x: np.ndarray) -> None:
    p = act.softmax(x)
    assert p.shape == x.shape
    assert np.all((p >= 0) & (p <= 1))
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-14)
    q = act.softmin(x)
    assert np.all((q >= 0) & (q <= 1))
    np.testing.assert_allclose(q.sum(axis=-1), 1.0, rtol=1e-14)
    assert np.all(act.log_softmax(x) <= 0)


@settings(max_examples=100, deadline=None)
@given(x=logits, shift=st.floats(-100, 100))
def test_softmax_ignores_a_common_shift(x: np.ndarray, shift: float) -> None:
    x = np.clip(x, -50, 50)
    np.testing.assert_allclose(act.softmax(x + shift), act.softmax(x), rtol=1e-9, atol=1e-15)


@settings(max_examples=100, deadline=None)
@given(x=arrays(np.float64, st.integers(1, 10), elements=st.floats(-30, 30)))
def test_order_is_kept_by_softmax_and_reversed_by_softmin(x: np.ndarray) -> None:
    x = np.sort(x)
    assert np.all(np.diff(act.softmax(x)) >= 0)
    assert np.all(np.diff(act.log_softmax(x)) >= 0)
    assert np.all(np.diff(act.softmin(x)) <= 0)
    assert act.softmax.monotonic and act.log_softmax.monotonic and not act.softmin.monotonic


def test_log_softmax_is_log_of_softmax_and_stays_finite() -> None:
    x = np.array([[1.0, 2.0, 3.0], [0.0, 1000.0, -1000.0]])
    np.testing.assert_allclose(np.exp(act.log_softmax(x)), act.softmax(x), rtol=1e-14)
    assert act.log_softmax(x)[1, 2] == -2000.0
    np.testing.assert_allclose(act.softmin(x), act.softmax(-x))


def test_softmax_worked_values() -> None:
    p = act.softmax([1.0, 2.0, 3.0])
    np.testing.assert_allclose(p, np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum(), rtol=1e-15)
    assert float(p.sum()) == pytest.approx(1.0, abs=1e-15)
    assert float(act.softmax(5.0)) == 1.0  # a 0-D input is a single element


@pytest.mark.parametrize("a", SAME_SHAPE, ids=ids)
def test_jacobian_matches_finite_differences(a: Activation) -> None:
    x = np.random.default_rng(1).normal(size=(2, 3, 5)) * 2
    jac = a.jacobian(x)
    assert jac.shape == (2, 3, 5, 5)
    np.testing.assert_allclose(jac, numeric_jacobian(a, x), rtol=1e-6, atol=1e-9)
    diagonal = np.diagonal(jac, axis1=-2, axis2=-1)
    np.testing.assert_allclose(diagonal, a.derivative(x), rtol=1e-14, atol=1e-17)


def test_softmax_jacobian_formula() -> None:
    s = act.softmax([0.5, -1.0, 2.0])
    np.testing.assert_allclose(
        act.softmax.jacobian([0.5, -1.0, 2.0]), np.diag(s) - np.outer(s, s), rtol=1e-15
    )
    # Rows of the softmax Jacobian sum to zero: the outputs always sum to 1.
    np.testing.assert_allclose(act.softmax.jacobian([0.5, -1.0, 2.0]).sum(axis=0), 0, atol=1e-16)


# --- GLU and maxout ---------------------------------------------------------------------------


def test_glu_splits_the_last_axis_in_halves() -> None:
    x = np.random.default_rng(2).normal(size=(3, 8))
    a, b = x[:, :4], x[:, 4:]
    np.testing.assert_allclose(act.glu(x), a / (1 + np.exp(-b)), rtol=1e-15)
    assert act.glu(x).shape == (3, 4)


def test_maxout_takes_the_maximum_of_consecutive_groups() -> None:
    x = np.array([[1.0, 3.0, -2.0, -5.0, 0.0, 4.0]])
    np.testing.assert_array_equal(act.maxout(x), [[3.0, -2.0, 4.0]])
    np.testing.assert_array_equal(act.maxout(x, pool_size=3), [[3.0, 4.0]])
    np.testing.assert_array_equal(act.maxout(x, pool_size=1), x)
    # A tie sends the gradient to the first of the tied inputs.
    np.testing.assert_array_equal(act.maxout.backward([2.0, 2.0], [1.0]), [1.0, 0.0])


@pytest.mark.parametrize(
    ("a", "params", "n_out"),
    [(act.glu, {}, 3), (act.maxout, {}, 3), (act.maxout, {"pool_size": 3}, 2)],
    ids=["glu", "maxout-2", "maxout-3"],
)
def test_shape_changing_jacobians(a: Activation, params: dict[str, float], n_out: int) -> None:
    # Distinct values keep maxout away from ties, where it is not differentiable.
    x = np.random.default_rng(4).permutation(12).reshape(2, 6) * 0.37 - 2.0
    jac = a.jacobian(x, **params)
    assert jac.shape == (2, n_out, 6)
    np.testing.assert_allclose(jac, numeric_jacobian(a, x, **params), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("a", [act.glu, act.maxout], ids=ids)
def test_shape_changing_ones_have_no_elementwise_derivative(a: Activation) -> None:
    with pytest.raises(TypeError, match=rf"{a.key}\.jacobian\(x\).*{a.key}\.backward"):
        a.derivative([1.0, 2.0])


@pytest.mark.parametrize("a", ALL_VECTOR, ids=ids)
def test_backward_is_the_vector_jacobian_product(a: Activation) -> None:
    rng = np.random.default_rng(5)
    x = rng.normal(size=(3, 6))
    g = rng.normal(size=a(x).shape)
    expected = np.einsum("...i,...ij->...j", g, a.jacobian(x))
    np.testing.assert_allclose(a.backward(x, g), expected, rtol=1e-13, atol=1e-15)
    with pytest.raises(ValueError, match="grad_out must be an array of shape"):
        a.backward(x, np.ones((3, 7)))


# --- the axis parameter ---------------------------------------------------------------------


@pytest.mark.parametrize("a", ALL_VECTOR, ids=ids)
def test_axis_parameter_moves_the_reduction(a: Activation) -> None:
    x = np.random.default_rng(6).normal(size=(4, 6))
    np.testing.assert_allclose(a(x, axis=0), a(x.T).T, rtol=1e-15)
    np.testing.assert_allclose(a(x, axis=1), a(x))
    np.testing.assert_allclose(a.jacobian(x, axis=0), a.jacobian(x.T), rtol=1e-15)
    g = np.ones_like(a(x, axis=0))
    np.testing.assert_allclose(a.backward(x, g, axis=0), a.backward(x.T, g.T).T, rtol=1e-15)


def test_bad_axis_and_lengths_are_value_errors() -> None:
    with pytest.raises(ValueError, match=r"axis must be an integer in \[-2, 2\)"):
        act.softmax(np.ones((2, 3)), axis=2)
    with pytest.raises(ValueError, match="even length"):
        act.glu([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="divisible by pool_size=2"):
        act.maxout([1.0, 2.0, 3.0])


# --- stability and dtypes -------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("a", ALL_VECTOR, ids=ids)
def test_extreme_logits(a: Activation, dtype: type) -> None:
    x = np.array([[1e4, -1e4, 0.0, 5.0], [-1e4, -1e4, -1e4, -1e4]], dtype=dtype)
    for out in (a(x), a.jacobian(x), a.backward(x, np.ones_like(a(x)))):
        assert out.dtype == dtype and np.all(np.isfinite(out))
    if a in SAME_SHAPE:
        assert a.derivative(x).dtype == dtype
    if a is act.softmax:
        np.testing.assert_allclose(a(x)[0], [1.0, 0.0, 0.0, 0.0])
        np.testing.assert_allclose(a(x)[1], 0.25)
