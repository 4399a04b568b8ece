"""Activations against independent scalar reference formulas, and the error function.

The references are written differently from the library (plain ``math`` on one number at a
time, textbook forms, no shared helpers), so a shared mistake is unlikely. Values and
derivatives are compared on a grid that includes the extremes.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pytest

from nnref import activations as act
from nnref.activations._special import erf, erfc

Scalar = Callable[[float], float]

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)


def logistic(x: float) -> float:
    return 0.5 + 0.5 * math.tanh(0.5 * x)


def log1pexp(x: float) -> float:
    return x + math.log1p(math.exp(-x)) if x > 0 else math.log1p(math.exp(x))


def phi(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def gelu_tanh(x: float) -> float:
    return 0.5 * x * (1.0 + math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x**3)))


def gelu_tanh_grad(x: float) -> float:
    t = math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x**3))
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 0.134145 * x * x)


def clip(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


# key -> (f, f'), both scalar and written with the math module.
REFERENCES: dict[str, tuple[Scalar, Scalar]] = {
    "identity": (lambda x: x, lambda x: 1.0),
    "step": (lambda x: 1.0 if x >= 0 else 0.0, lambda x: 0.0),
    "sign": (lambda x: 1.0 if x >= 0 else -1.0, lambda x: 0.0),
    "sigmoid": (logistic, lambda x: 0.25 / math.cosh(0.5 * x) ** 2 if abs(x) < 700 else 0.0),
    "log_sigmoid": (lambda x: -log1pexp(-x), lambda x: logistic(-x)),
    "hard_sigmoid": (
        lambda x: clip(x / 6.0 + 0.5, 0.0, 1.0),
        lambda x: 1.0 / 6.0 if -3 < x < 3 else 0.0,
    ),
    "tanh": (math.tanh, lambda x: 1.0 / math.cosh(x) ** 2 if abs(x) < 350 else 0.0),
    "hard_tanh": (lambda x: clip(x, -1.0, 1.0), lambda x: 1.0 if -1 < x < 1 else 0.0),
    "softsign": (lambda x: x / (1 + abs(x)), lambda x: 1.0 / (1 + abs(x)) ** 2),
    "arctan": (math.atan, lambda x: 1.0 / (1.0 + x * x)),
    "arsinh": (math.asinh, lambda x: 1.0 / math.hypot(1.0, x)),
    "isru": (lambda x: x / math.hypot(1.0, x), lambda x: math.hypot(1.0, x) ** -3),
    "sqnl": (
        lambda x: 1.0 if x > 2 else x - x * x / 4 if x >= 0 else x + x * x / 4 if x >= -2 else -1.0,
        lambda x: 1.0 - abs(x) / 2 if abs(x) <= 2 else 0.0,
    ),
    "relu": (lambda x: max(x, 0.0), lambda x: 1.0 if x > 0 else 0.0),
    "leaky_relu": (lambda x: x if x > 0 else 0.01 * x, lambda x: 1.0 if x > 0 else 0.01),
    "prelu": (lambda x: x if x > 0 else 0.25 * x, lambda x: 1.0 if x > 0 else 0.25),
    "rrelu": (
        lambda x: x if x > 0 else x * 11.0 / 48.0,
        lambda x: 1.0 if x > 0 else 11.0 / 48.0,
    ),
    "relu6": (lambda x: clip(x, 0.0, 6.0), lambda x: 1.0 if 0 < x < 6 else 0.0),
    "threshold": (lambda x: x if x > 0 else 0.0, lambda x: 1.0 if x > 0 else 0.0),
    "hard_swish": (
        lambda x: x * clip(x + 3.0, 0.0, 6.0) / 6.0,
        lambda x: 0.0 if x <= -3 else 1.0 if x >= 3 else (2 * x + 3) / 6,
    ),
    "softplus": (
        lambda x: x if x > 20 else math.log1p(math.exp(x)),
        lambda x: 1.0 if x > 20 else logistic(x),
    ),
    "elu": (
        lambda x: x if x > 0 else math.expm1(x),
        lambda x: 1.0 if x > 0 else math.exp(x),
    ),
    "celu": (
        lambda x: max(0.0, x) + min(0.0, math.expm1(min(x, 0.0))),
        lambda x: 1.0 if x > 0 else math.exp(x),
    ),
    "selu": (
        lambda x: SELU_SCALE * (x if x > 0 else SELU_ALPHA * math.expm1(x)),
        lambda x: SELU_SCALE if x > 0 else SELU_SCALE * SELU_ALPHA * math.exp(x),
    ),
    "gelu": (
        lambda x: x * phi(x),
        lambda x: phi(x) + x * math.exp(-0.5 * x * x) / math.sqrt(2 * math.pi),
    ),
    "gelu_tanh": (gelu_tanh, gelu_tanh_grad),
    "silu": (
        lambda x: x * logistic(x),
        lambda x: logistic(x) + x * logistic(x) * logistic(-x),
    ),
    "swish": (
        lambda x: x / (1.0 + math.exp(-x)) if x > -700 else 0.0,
        lambda x: logistic(x) * (1.0 + x * logistic(-x)),
    ),
    "mish": (
        lambda x: x * math.tanh(log1pexp(x)),
        lambda x: math.tanh(log1pexp(x)) + x * logistic(x) * (1.0 - math.tanh(log1pexp(x)) ** 2),
    ),
    "isrlu": (
        lambda x: x if x >= 0 else x / math.hypot(1.0, x),
        lambda x: 1.0 if x >= 0 else math.hypot(1.0, x) ** -3,
    ),
    "squareplus": (
        lambda x: (x + math.hypot(x, 2.0)) / 2 if x >= 0 else 2.0 / (math.hypot(x, 2.0) - x),
        lambda x: (1.0 + x / math.hypot(x, 2.0)) / 2,
    ),
    "bent_identity": (
        lambda x: (math.hypot(x, 1.0) - 1.0) / 2 + x,
        lambda x: x / (2 * math.hypot(x, 1.0)) + 1.0,
    ),
    "softshrink": (
        lambda x: x - 0.5 if x > 0.5 else x + 0.5 if x < -0.5 else 0.0,
        lambda x: 1.0 if abs(x) > 0.5 else 0.0,
    ),
    "hardshrink": (
        lambda x: x if abs(x) > 0.5 else 0.0,
        lambda x: 1.0 if abs(x) > 0.5 else 0.0,
    ),
    "tanhshrink": (lambda x: x - math.tanh(x), lambda x: math.tanh(x) ** 2),
    "sin": (math.sin, math.cos),
    "cos": (math.cos, lambda x: -math.sin(x)),
    "sinc": (
        lambda x: math.sin(x) / x if x else 1.0,
        lambda x: (math.cos(x) - math.sin(x) / x) / x if abs(x) > 1e-3 else -x / 3 + x**3 / 30,
    ),
    "gaussian": (lambda x: math.exp(-x * x), lambda x: -2 * x * math.exp(-x * x)),
    "sq_rbf": (
        lambda x: 1 - x * x / 2 if abs(x) <= 1 else (2 - abs(x)) ** 2 / 2 if abs(x) < 2 else 0.0,
        lambda x: (
            -x if abs(x) <= 1 else (abs(x) - 2) * math.copysign(1.0, x) if abs(x) < 2 else 0.0
        ),
    ),
    "elish": (
        lambda x: x * logistic(x) if x >= 0 else math.expm1(x) * logistic(x),
        lambda x: (
            logistic(x) * (1 + x * logistic(-x))
            if x >= 0
            else logistic(x) * (math.exp(x) + math.expm1(x) * logistic(-x))
        ),
    ),
    "hard_elish": (
        lambda x: (x if x >= 0 else math.expm1(x)) * clip((x + 1) / 2, 0.0, 1.0),
        lambda x: (
            1.0
            if x >= 1
            else x + 0.5
            if x >= 0
            else math.exp(x) * (x + 1) / 2 + math.expm1(x) / 2
            if x > -1
            else 0.0
        ),
    ),
    "plu": (
        lambda x: x if abs(x) < 1 else math.copysign(1 + 0.1 * (abs(x) - 1), x),
        lambda x: 1.0 if abs(x) < 1 else 0.1,
    ),
    "srelu": (
        lambda x: x if abs(x) < 1 else math.copysign(1 + 0.2 * (abs(x) - 1), x),
        lambda x: 1.0 if abs(x) < 1 else 0.2,
    ),
    "smht": (
        lambda x: (
            (math.exp(x) - math.exp(-x)) / (math.exp(x) + math.exp(-x))
            if abs(x) < 300
            else math.copysign(1.0, x)
        ),
        lambda x: 4 / (math.exp(x) + math.exp(-x)) ** 2 if abs(x) < 300 else 0.0,
    ),
    "soft_clipping": (
        lambda x: log1pexp(x) - log1pexp(x - 1),
        lambda x: logistic(x) - logistic(x - 1),
    ),
    "soft_exponential": (lambda x: x, lambda x: 1.0),
}

GRID = np.unique(
    np.concatenate(
        [
            np.linspace(-20.0, 20.0, 4001),
            [-1e4, -745.5, -710.0, -40.0, -1e-9, 1e-9, 40.0, 710.0, 1e4],
            [-6.0, -3.0, -2.0, -1.0, -0.5, 0.5, 1.0, 2.0, 3.0, 6.0, 19.999, 20.001],
        ]
    )
)


def test_every_elementwise_activation_has_a_reference() -> None:
    missing = {a.key for a in act.catalog() if a.elementwise} - set(REFERENCES) - {"brelu"}
    assert not missing


@pytest.mark.parametrize("key", sorted(REFERENCES))
def test_values_match_the_reference(key: str) -> None:
    f, _ = REFERENCES[key]
    expected = np.array([f(float(v)) for v in GRID])
    np.testing.assert_allclose(act.get(key)(GRID), expected, rtol=2e-13, atol=1e-15)


@pytest.mark.parametrize("key", sorted(REFERENCES))
def test_derivatives_match_the_reference(key: str) -> None:
    _, fprime = REFERENCES[key]
    expected = np.array([fprime(float(v)) for v in GRID])
    np.testing.assert_allclose(act.get(key).derivative(GRID), expected, rtol=2e-12, atol=1e-14)


def test_brelu_by_position() -> None:
    x = np.array([[-2.0, -2.0, 3.0, 3.0]])
    np.testing.assert_array_equal(act.brelu(x), [[0.0, -2.0, 3.0, 0.0]])
    np.testing.assert_array_equal(act.brelu.derivative(x), [[0.0, 1.0, 1.0, 0.0]])


def test_parametrised_references() -> None:
    x = np.linspace(-6.0, 6.0, 1201)
    cases: list[tuple[str, dict[str, float], Scalar]] = [
        ("leaky_relu", {"alpha": 0.2}, lambda v: v if v > 0 else 0.2 * v),
        ("elu", {"alpha": 2.0}, lambda v: v if v > 0 else 2.0 * math.expm1(v)),
        ("celu", {"alpha": 2.0}, lambda v: max(0.0, v) + min(0.0, 2 * math.expm1(v / 2))),
        (
            "softplus",
            {"beta": 2.0, "threshold": 5.0},
            lambda v: v if 2 * v > 5 else math.log1p(math.exp(2 * v)) / 2,
        ),  # fmt: skip
        ("hard_tanh", {"min_val": -0.5, "max_val": 2.0}, lambda v: clip(v, -0.5, 2.0)),
        ("softshrink", {"lambd": 1.0}, lambda v: v - clip(v, -1.0, 1.0)),
        ("hardshrink", {"lambd": 1.0}, lambda v: v if abs(v) > 1 else 0.0),
        ("threshold", {"threshold": 1.0, "value": -3.0}, lambda v: v if v > 1 else -3.0),
        ("swish", {"beta": 2.0}, lambda v: v * logistic(2 * v)),
        ("isru", {"alpha": 4.0}, lambda v: v / math.sqrt(1 + 4 * v * v)),
        ("squareplus", {"b": 1.0}, lambda v: (v + math.sqrt(v * v + 1)) / 2),
        ("soft_exponential", {"alpha": 0.5}, lambda v: math.expm1(0.5 * v) / 0.5 + 0.5),
        (
            "soft_exponential",
            {"alpha": -0.2},
            lambda v: math.log(1 + 0.2 * (v - 0.2)) / 0.2,
        ),  # fmt: skip
        (
            "smht",
            {"a": 0.5, "b": 0.8, "c": 1.5, "d": 1.2},
            lambda v: (
                (math.exp(0.5 * v) - math.exp(-0.8 * v)) / (math.exp(1.5 * v) + math.exp(-1.2 * v))
            ),
        ),  # fmt: skip
        (
            "plu",
            {"alpha": 0.3, "c": 2.0},
            lambda v: v if abs(v) < 2 else math.copysign(2 + 0.3 * (abs(v) - 2), v),
        ),  # fmt: skip
        ("step", {"threshold": 1.0}, lambda v: 1.0 if v >= 1 else 0.0),
    ]
    for key, params, f in cases:
        grid = x[x > -4.5] if key == "soft_exponential" else x  # alpha < 0: x > 1/alpha - alpha
        expected = np.array([f(float(v)) for v in grid])
        got = act.get(key)(grid, **params)
        np.testing.assert_allclose(got, expected, rtol=1e-13, atol=1e-15, err_msg=key)


# --- the error function ---------------------------------------------------------------------


def dense_grid() -> np.ndarray:
    return np.concatenate(
        [
            np.linspace(-30.0, 30.0, 200001),
            np.geomspace(1e-300, 30.0, 20000),
            -np.geomspace(1e-300, 30.0, 20000),
            [0.0, 0.46875, -0.46875, 4.0, -4.0, 26.5, 27.0, 1e300, -1e300],
        ]
    )


def test_erf_matches_math_erf_to_the_last_digits() -> None:
    x = dense_grid()
    expected = np.array([math.erf(v) for v in x])
    np.testing.assert_allclose(erf(x), expected, rtol=1e-14, atol=0)


def test_erfc_matches_math_erfc_where_it_is_a_normal_number() -> None:
    x = dense_grid()
    expected = np.array([math.erfc(v) for v in x])
    normal = expected > np.finfo(np.float64).tiny
    np.testing.assert_allclose(erfc(x)[normal], expected[normal], rtol=1e-14, atol=0)
    # Subnormal results carry fewer digits (in math.erfc as well): compare absolutely.
    np.testing.assert_allclose(erfc(x)[~normal], expected[~normal], rtol=0, atol=1e-320)


def test_erf_keeps_float32_and_shapes() -> None:
    x = np.linspace(-3, 3, 12, dtype=np.float32).reshape(3, 4)
    y = erf(x)
    assert y.dtype == np.float32 and y.shape == (3, 4)
    np.testing.assert_allclose(y, [[math.erf(v) for v in row] for row in x], rtol=1e-6)
    assert erf(np.array([])).shape == (0,)
