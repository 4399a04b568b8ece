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
