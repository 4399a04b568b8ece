"""Every activation over the whole float range, against high-precision references.

For float64 and float32, on a fixed grid of extreme points (powers of 2 and of 10 across the
range, the largest finite values, the smallest normal and subnormal numbers, and the points
where formulas switch) and on hypothesis examples drawn from the whole range, the value,
the derivative, the Jacobian and the backward pass must agree with an mpmath reference
(``mp_activations``) to 1e-12 relative in float64 and 1e-5 in float32. Near a zero of the
function away from the origin, the error is measured against the size of the terms the
formula adds up (``Reference.f_scale``/``df_scale``). A true value beyond the largest finite
float must come out as the infinity of its sign; one below the smallest normal number may
come out as any number within that smallest normal of it (subnormals carry fewer digits).

Warnings are errors in this suite, so every call here also proves that no finite input
raises a floating-point warning.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import mpmath as mpm
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from mp_activations import BRELU_EVEN, BRELU_ODD, REFERENCES, Reference

from nnref import activations as act

RTOL = {np.float64: 1e-12, np.float32: 1e-5}
DTYPES = [np.float64, np.float32]


def extreme_grid(dtype: Any) -> np.ndarray:
    """Powers of 2 and 10 across the range, the ends of the range, and switch points."""
    info = np.finfo(dtype)
    wide = dtype == np.float64
    lo2, hi2 = (-1074, 1024) if wide else (-149, 128)
    lo10, hi10 = (-323, 309) if wide else (-45, 39)
    step2, step10 = (19, 7) if wide else (5, 3)
    special = [
        0.0, 0.1, 0.25, 0.46875, 0.5, 0.75, 0.7518, 1.0, 1.278, 1.5, 2.0, 2.5, 3.0, 4.0,
        4.4934, 6.0, 8.0, 10.0, 17.0, 20.0, 20.5, 27.3, 30.0, 36.0, 37.5, 40.0, 88.7, 89.5,
        104.0, 355.0, 709.0, 710.0, 745.0, 746.0, 1e4, 3e4, 1.4e5, 1e6, 2.4e6, 3.3e7, 1e8,
        1.3e8, 1e10, 1e16, 1e20, 4.7e51, 1.3e77, 1e103, 1e154, 1e155, 1.4e308,
    ]  # fmt: skip
    positive = np.concatenate(
        [
            np.ldexp(1.0, np.arange(lo2, hi2, step2)),
            10.0 ** np.arange(lo10, hi10, step10, dtype=np.float64),
            special,
            [float(info.max), float(info.tiny), float(info.smallest_subnormal)],
            [float(info.max) * 0.75, float(info.tiny) * 3.0],
        ]
    )
    with np.errstate(over="ignore"):
        values = np.concatenate([positive, -positive]).astype(dtype)
    values = values[np.isfinite(values)]
    return np.unique(values)


def grid_for(ref: Reference, dtype: Any) -> np.ndarray:
    """The extreme grid, restricted to the activation's domain."""
    x = extreme_grid(dtype)
    if ref.domain is None:
        return x
    return x[np.array([ref.domain(float(v)) for v in x.tolist()], dtype=bool)]


@functools.cache
def _mp_values(ref_id: str, which: str, dtype_name: str) -> tuple[np.ndarray, ...]:
    ref = _BY_ID[ref_id]
    x = grid_for(ref, np.dtype(dtype_name).type)
    fn, scale = (ref.f, ref.f_scale) if which == "f" else (ref.df, ref.df_scale)
    return reference_values(fn, scale, x)


def reference_values(fn: Any, scale: Any, x: np.ndarray) -> tuple[np.ndarray, ...]:
    """The reference as float64 numbers (±inf beyond the range) and the error scale."""
    values, scales = [], []
    for v in x.tolist():
        exact = fn(mpm.mpf(v))
        values.append(_to_float(exact))
        size = abs(exact) if scale is None else max(abs(exact), abs(scale(mpm.mpf(v))))
        scales.append(_to_float(size))
    return np.array(values), np.array(scales)


def _to_float(v: Any) -> float:
    v = mpm.mpf(v)
    if mpm.isnan(v):
        return math.nan
    if abs(v) > mpm.mpf(np.finfo(np.float64).max) * 2:
        return math.copysign(math.inf, float(mpm.sign(v)))
    return float(v)


def assert_close(
    got: np.ndarray, want: np.ndarray, scale: np.ndarray, dtype: Any, x: np.ndarray, what: str
) -> None:
    """``got`` (of ``dtype``) against the reference ``want`` with the error scale ``scale``."""
    assert got.dtype == dtype, what
    info = np.finfo(dtype)
    big = float(info.max)
    rtol = RTOL[dtype]
    g = got.astype(np.float64)
    over = np.abs(want) > big * (1.0 + rtol)
    near_max = (np.abs(want) > big * (1.0 - rtol)) & ~over
    bad = np.zeros(x.shape, dtype=bool)
    bad |= over & (g != np.copysign(np.inf, want))
    with np.errstate(over="ignore", invalid="ignore"):
        tol = rtol * scale + float(info.tiny)
        err = np.abs(g - want)
    ordinary = ~over & ~near_max
    bad |= ordinary & ~(err <= tol)
    bad |= near_max & ~((err <= tol) | (np.abs(g) == np.inf))
    if np.any(bad):
        rows = [
            f"  x={xv!r}: got {gv!r}, want {wv!r} (tol {tv:.3g})"
            for xv, gv, wv, tv in zip(
                x[bad].tolist()[:12],
                g[bad].tolist(),
                want[bad].tolist(),
                tol[bad].tolist(),
                strict=False,
            )
        ]
        pytest.fail(f"{what}: {int(bad.sum())} of {x.size} wrong\n" + "\n".join(rows))


_BY_ID = {ref.id: ref for ref in REFERENCES}


def test_every_elementwise_activation_has_a_reference() -> None:
    keys = {a.key for a in act.catalog() if a.elementwise}
    assert keys - {r.key for r in REFERENCES} == {"brelu"}  # brelu: by position, below


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
@pytest.mark.parametrize("ref", REFERENCES, ids=[r.id for r in REFERENCES])
def test_value_and_derivative_on_the_extreme_grid(ref: Reference, dtype: Any) -> None:
    f = act.get(ref.key)
    x = grid_for(ref, dtype)
    want, scale = _mp_values(ref.id, "f", np.dtype(dtype).name)
    assert_close(f(x, **ref.params), want, scale, dtype, x, f"{ref.id}(x)")
    want, scale = _mp_values(ref.id, "df", np.dtype(dtype).name)
    assert_close(f.derivative(x, **ref.params), want, scale, dtype, x, f"{ref.id}'(x)")
    # backward multiplies the derivative by the upstream gradient; the Jacobian of an
    # elementwise activation is its diagonal.
    g = np.where(np.arange(x.size) % 2 == 0, 1.0, -0.5).astype(dtype)
    assert_close(
        f.backward(x, g, **ref.params), want * g, scale * 1.0, dtype, x, f"{ref.id} backward"
    )
    part = x[:: max(1, x.size // 40)]
    jac = f.jacobian(part, **ref.params)
    np.testing.assert_array_equal(np.diagonal(jac), f.derivative(part, **ref.params))


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
def test_brelu_by_position_on_the_extreme_grid(dtype: Any) -> None:
    x = extreme_grid(dtype)
    pairs = np.stack([x, x], axis=-1)  # position 0 (ReLU) and 1 (min(x, 0))
    for position, ref in ((0, BRELU_EVEN), (1, BRELU_ODD)):
        for which, got in (("f", act.brelu(pairs)), ("df", act.brelu.derivative(pairs))):
            fn = ref.f if which == "f" else ref.df
            want, scale = reference_values(fn, None, x)
            assert_close(got[:, position], want, scale, dtype, x, f"brelu {which} @{position}")


# --- hypothesis: anywhere in the float range --------------------------------------------


def whole_range(dtype: Any) -> st.SearchStrategy[np.ndarray]:
    width = 64 if dtype == np.float64 else 32
    return arrays(
        dtype,
        st.integers(1, 4),
        elements=st.floats(allow_nan=False, allow_infinity=False, width=width),
    )


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_whole_catalogue_anywhere_in_the_range(dtype: Any, data: st.DataObject) -> None:
    """Random activations and random inputs from the whole range of the dtype."""
    ref = data.draw(st.sampled_from(REFERENCES), label="activation")
    x = data.draw(whole_range(dtype), label="x")
    if ref.domain is not None:
        x = x[np.array([ref.domain(float(v)) for v in x.tolist()], dtype=bool)]
    f = act.get(ref.key)
    want, scale = reference_values(ref.f, ref.f_scale, x)
    assert_close(f(x, **ref.params), want, scale, dtype, x, f"{ref.id}(x)")
    want, scale = reference_values(ref.df, ref.df_scale, x)
    assert_close(f.derivative(x, **ref.params), want, scale, dtype, x, f"{ref.id}'(x)")


# --- NaN and infinite inputs ------------------------------------------------------------

NO_LIMIT = {a.key for a in act.catalog() if a.oscillates}  # NaN at ±inf


def limit(ref: Reference, which: str, sign: int) -> float:
    """The limit at ±inf, rounded: the value (or slope) far beyond the float range, or ±inf
    where it still grows between 1e400 and 1e4000 (a logarithm, say)."""
    if ref.key in NO_LIMIT:
        return math.nan
    fn = ref.f if which == "f" else ref.df
    far, farther = fn(sign * mpm.mpf(10) ** 400), fn(sign * mpm.mpf(10) ** 4000)
    if abs(farther) > 2 * abs(far) + 1:
        return math.copysign(math.inf, float(mpm.sign(farther)))
    return _to_float(farther)


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
@pytest.mark.parametrize("ref", REFERENCES, ids=[r.id for r in REFERENCES])
def test_nan_gives_nan_and_infinity_gives_the_limit(ref: Reference, dtype: Any) -> None:
    f = act.get(ref.key)
    x = np.array([np.nan, -np.inf, np.inf, 1.0], dtype=dtype)
    if ref.domain is not None:
        x = x[[0, 2, 3]]  # soft_exponential with alpha < 0: -inf is outside the domain
    for which, got in (("f", f(x, **ref.params)), ("df", f.derivative(x, **ref.params))):
        assert got.dtype == dtype
        assert np.isnan(got[0]), (which, got)
        want = [limit(ref, which, int(np.sign(v))) for v in x[1:-1].tolist()]
        info = np.finfo(dtype)  # sinc's limit 0 comes out as a subnormal number
        np.testing.assert_allclose(
            got[1:-1], np.array(want), rtol=info.eps, atol=info.tiny, err_msg=which
        )


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
def test_brelu_nan_and_infinity(dtype: Any) -> None:
    x = np.array([[np.nan, np.nan], [-np.inf, -np.inf], [np.inf, np.inf]], dtype=dtype)
    np.testing.assert_array_equal(act.brelu(x), [[np.nan, np.nan], [0, -np.inf], [np.inf, 0]])
    np.testing.assert_array_equal(act.brelu.derivative(x), [[np.nan, np.nan], [0, 1], [1, 0]])


# --- vector-valued activations -----------------------------------------------------------


def extreme_rows(dtype: Any, n: int = 3) -> np.ndarray:
    """Rows of ``n`` values mixing the extreme grid: [x, -x, ...], [x, 0, ...], neighbours."""
    grid = extreme_grid(dtype)
    rng = np.random.default_rng(7)
    rows = [
        np.stack([grid, -grid, np.zeros_like(grid)], axis=1),
        np.stack([grid, np.roll(grid, 1), np.roll(grid, 2)], axis=1),
        rng.choice(grid, size=(200, 3)),
    ]
    return np.concatenate(rows)[:, :n].astype(dtype)


def mp_softmax(row: list[float]) -> list[Any]:
    m = max(row)
    e = [mpm.exp(mpm.mpf(v) - m) for v in row]
    total = sum(e)
    return [v / total for v in e]


def mp_log_softmax(row: list[float]) -> list[Any]:
    top = row.index(max(row))
    m = mpm.mpf(row[top])
    rest = sum(mpm.exp(mpm.mpf(v) - m) for i, v in enumerate(row) if i != top)
    return [(mpm.mpf(v) - m) - mpm.log1p(rest) for v in row]


def as_floats(values: list[Any]) -> np.ndarray:
    return np.array([_to_float(v) for v in values])


def check_rows(got: np.ndarray, want: np.ndarray, scale: np.ndarray, dtype: Any, what: str) -> None:
    assert_close(got.ravel(), want.ravel(), scale.ravel(), dtype, np.arange(want.size), what)


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
def test_softmax_family_on_extreme_rows(dtype: Any) -> None:
    x = extreme_rows(dtype)
    g = np.array([1.0, -0.5, 2.0], dtype=dtype)
    for key, sign, log in (("softmax", 1, False), ("softmin", -1, False), ("log_softmax", 1, True)):
        f = act.get(key)
        rows = [[sign * v for v in row] for row in x.tolist()]
        s = np.array([[float(v) for v in mp_softmax(row)] for row in rows])
        if log:
            want = np.array([as_floats(mp_log_softmax(row)) for row in rows])
            jac = np.eye(3) - s[:, None, :]
            jac_scale = np.eye(3) + s[:, None, :]
            vjp = g - s * g.sum()
            vjp_scale = np.abs(g) + s * np.abs(g).sum()
        else:
            want = s
            jac = sign * (s[:, :, None] * (np.eye(3) - s[:, None, :]))
            jac_scale = s[:, :, None] * (np.eye(3) + s[:, None, :])
            vjp = sign * s * (g - (s * g).sum(axis=1, keepdims=True))
            vjp_scale = s * (np.abs(g) + (s * np.abs(g)).sum(axis=1, keepdims=True))
        check_rows(f(x), want, np.abs(want), dtype, key)
        check_rows(f.jacobian(x), jac, jac_scale, dtype, f"{key} jacobian")
        check_rows(f.backward(x, np.broadcast_to(g, x.shape)), vjp, vjp_scale, dtype, key)
        check_rows(
            f.derivative(x),
            np.diagonal(jac, axis1=1, axis2=2),
            np.diagonal(jac_scale, axis1=1, axis2=2),
            dtype,
            f"{key} derivative",
        )


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
def test_glu_and_maxout_on_extreme_rows(dtype: Any) -> None:
    x = extreme_rows(dtype, 2)
    a, b = x[:, :1].astype(np.float64), x[:, 1:].astype(np.float64)
    sig = np.array([[float(mpm.mpf(1) / (1 + mpm.exp(-mpm.mpf(v))))] for v in b[:, 0]])
    slope = np.array(
        [[_to_float(mpm.exp(-abs(mpm.mpf(v))) / (1 + mpm.exp(-abs(mpm.mpf(v)))) ** 2)]
         for v in b[:, 0]]
    )  # fmt: skip
    with np.errstate(over="ignore", under="ignore"):
        check_rows(act.glu(x), a * sig, np.abs(a * sig), dtype, "glu")
        jac = np.concatenate([sig, a * slope], axis=1)[:, None, :]
        check_rows(act.glu.jacobian(x), jac, np.abs(jac), dtype, "glu jacobian")
        g = np.full((x.shape[0], 1), -0.75, dtype=dtype)
        vjp = np.concatenate([g * sig, g * a * slope], axis=1)
        check_rows(act.glu.backward(x, g), vjp, np.abs(vjp), dtype, "glu backward")
    np.testing.assert_array_equal(act.maxout(x), x.max(axis=1, keepdims=True))
    winner = (x[:, 1] > x[:, 0]).astype(dtype)
    np.testing.assert_array_equal(
        act.maxout.backward(x, np.ones((x.shape[0], 1), dtype=dtype)),
        np.stack([1 - winner, winner], axis=1),
    )


@pytest.mark.parametrize("dtype", DTYPES, ids=["float64", "float32"])
def test_vector_valued_nan_and_infinity(dtype: Any) -> None:
    """A slice with NaN or +inf is NaN throughout (softmin: -inf); a -inf entry (softmin:
    +inf) has probability 0; GLU and maxout follow IEEE arithmetic entry by entry."""
    nan, inf = np.nan, np.inf
    x = np.array([[nan, 1.0, 2.0], [inf, 0.0, 1.0], [-inf, 0.0, 1.0], [-inf, -inf, -inf]], dtype)
    s = act.softmax(x)
    assert np.all(np.isnan(s[[0, 1, 3]]))
    np.testing.assert_allclose(s[2], [0.0, *act.softmax(np.array([0.0, 1.0], dtype))])
    ls = act.log_softmax(x)
    assert np.all(np.isnan(ls[[0, 1, 3]]))
    assert ls[2, 0] == -inf and np.all(np.isfinite(ls[2, 1:]))
    sm = act.softmin(-x)
    np.testing.assert_array_equal(sm, s)
    for f, nan_rows in ((act.softmax, [0, 1, 3]), (act.log_softmax, [0, 1, 3]),
                        (act.softmin, [0, 2, 3])):  # fmt: skip
        jac, vjp = f.jacobian(x), f.backward(x, np.ones_like(x))
        assert jac.dtype == dtype and vjp.dtype == dtype
        assert np.all(np.isnan(jac[nan_rows])) and np.all(np.isnan(vjp[nan_rows]))
        assert not np.any(np.isnan(jac[[i for i in range(4) if i not in nan_rows]]))
    pairs = np.array([[nan, 1.0], [inf, 0.0], [2.0, -inf], [-inf, inf]], dtype)
    np.testing.assert_array_equal(act.glu(pairs)[:, 0], [nan, inf, 0.0, -inf])
    np.testing.assert_array_equal(act.maxout(pairs)[:, 0], [nan, inf, 2.0, inf])
