"""Properties, derivatives, stability and errors of every activation in the catalogue.

Each claim the glossary pages render from the metadata (range, monotonic, zero-centred,
smooth, continuous, saturation, value at 0, kink conventions) is checked here against the
code itself; every derivative is compared with central finite differences.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnref import activations as act
from nnref.activations import Activation

ALL = act.catalog()
ELEMENTWISE = [a for a in ALL if a.elementwise]
VECTOR = [a for a in ALL if a.vector_valued]


def ids(a: Activation) -> str:
    return a.key


# Parameter values, besides the defaults, for the finite-difference and property checks.
PARAM_CASES: list[tuple[str, dict[str, float]]] = [
    ("step", {"threshold": 1.0}),
    ("sign", {"threshold": -0.5}),
    ("hard_tanh", {"min_val": -2.0, "max_val": 0.5}),
    ("plu", {"alpha": 0.3, "c": 2.0}),
    ("smht", {"a": 0.5, "b": 0.8, "c": 1.5, "d": 1.2}),
    ("smht", {"a": 1.0, "b": 0.2, "c": 1.0, "d": 0.5}),
    ("isru", {"alpha": 0.5}),
    ("isru", {"alpha": 3.0}),
    ("soft_clipping", {"alpha": 0.5}),
    ("soft_clipping", {"alpha": 5.0}),
    ("leaky_relu", {"alpha": 0.2}),
    ("prelu", {"alpha": 0.5}),
    ("prelu", {"alpha": -0.1}),
    ("rrelu", {"lower": 0.1, "upper": 0.3}),
    ("threshold", {"threshold": 1.0, "value": -2.0}),
    ("srelu", {"t_left": -0.5, "a_left": 0.0, "t_right": 2.0, "a_right": 0.5}),
    ("softplus", {"beta": 0.5}),
    ("softplus", {"beta": 2.0, "threshold": 5.0}),
    ("elu", {"alpha": 0.5}),
    ("elu", {"alpha": 2.0}),
    ("celu", {"alpha": 0.5}),
    ("celu", {"alpha": 2.0}),
    ("swish", {"beta": 0.5}),
    ("swish", {"beta": 2.0}),
    ("isrlu", {"alpha": 0.5}),
    ("isrlu", {"alpha": 3.0}),
    ("squareplus", {"b": 1.0}),
    ("squareplus", {"b": 9.0}),
    ("softshrink", {"lambd": 0.1}),
    ("softshrink", {"lambd": 1.0}),
    ("hardshrink", {"lambd": 1.0}),
    ("soft_exponential", {"alpha": 0.5}),
    ("soft_exponential", {"alpha": -0.5}),
]

# f(0) and f'(0) for every elementwise activation, with the defaults (kink conventions
# included: PyTorch's where PyTorch has the function).
AT_ZERO: dict[str, tuple[float, float]] = {
    "step": (1.0, 0.0),
    "sign": (1.0, 0.0),
    "identity": (0.0, 1.0),
    "sigmoid": (0.5, 0.25),
    "log_sigmoid": (-math.log(2.0), 0.5),
    "hard_sigmoid": (0.5, 1.0 / 6.0),
    "tanh": (0.0, 1.0),
    "hard_tanh": (0.0, 1.0),
    "plu": (0.0, 1.0),
    "smht": (0.0, 1.0),
    "softsign": (0.0, 1.0),
    "arctan": (0.0, 1.0),
    "arsinh": (0.0, 1.0),
    "isru": (0.0, 1.0),
    "sqnl": (0.0, 1.0),
    "soft_clipping": (math.log(2.0 / (1.0 + math.exp(-1.0))), 0.5 - 1.0 / (1.0 + math.e)),
    "relu": (0.0, 0.0),
    "leaky_relu": (0.0, 0.01),
    "prelu": (0.0, 0.25),
    "rrelu": (0.0, (1.0 / 8.0 + 1.0 / 3.0) / 2.0),
    "relu6": (0.0, 0.0),
    "threshold": (0.0, 0.0),
    "brelu": (0.0, 0.0),
    "srelu": (0.0, 1.0),
    "hard_swish": (0.0, 0.5),
    "hard_elish": (0.0, 0.5),
    "softplus": (math.log(2.0), 0.5),
    "elu": (0.0, 1.0),
    "celu": (0.0, 1.0),
    "selu": (0.0, act.smooth_rectifiers.SELU_SCALE * act.smooth_rectifiers.SELU_ALPHA),
    "gelu": (0.0, 0.5),
    "gelu_tanh": (0.0, 0.5),
    "silu": (0.0, 0.5),
    "swish": (0.0, 0.5),
    "mish": (0.0, math.tanh(math.log(2.0))),
    "elish": (0.0, 0.5),
    "isrlu": (0.0, 1.0),
    "squareplus": (1.0, 0.5),
    "bent_identity": (0.0, 1.0),
    "softshrink": (0.0, 0.0),
    "hardshrink": (0.0, 0.0),
    "tanhshrink": (0.0, 0.0),
    "sin": (0.0, 1.0),
    "cos": (1.0, 0.0),
    "sinc": (1.0, 0.0),
    "gaussian": (1.0, 0.0),
    "sq_rbf": (1.0, 0.0),
    "soft_exponential": (0.0, 1.0),
}

# Points where corners or jumps of the catalogue sit (with default parameters).
CANDIDATES = np.array([-3.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0, 6.0])

# The whole finite range of each dtype (the precision against references over that range
# is in test_activations_full_range.py).
finite64 = st.floats(allow_nan=False, allow_infinity=False)
finite32 = st.floats(allow_nan=False, allow_infinity=False, width=32)
inputs64 = arrays(np.float64, st.integers(1, 40), elements=finite64)
inputs32 = arrays(np.float32, st.integers(1, 40), elements=finite32)


def central_difference(f: Activation, x: np.ndarray, **params: float) -> np.ndarray:
    h = 1e-5 * np.maximum(1.0, np.abs(x))
    return (f(x + h, **params) - f(x - h, **params)) / (2.0 * h)


# Where a differentiable activation's second derivative jumps; central differences are only
# first-order accurate there, so the finite-difference check keeps its distance too.
BENDS: dict[str, list[float]] = {
    "softsign": [0.0],
    "sqnl": [-2.0, 0.0, 2.0],
    "elu": [0.0],  # with alpha = 1; for other alphas 0 is a kink
    "celu": [0.0],
    "elish": [0.0],
    "hard_elish": [0.0],
    "sq_rbf": [-2.0, -1.0, 1.0, 2.0],
}


def switches(key: str, params: Mapping[str, float]) -> list[float]:
    """Softplus returns x itself above beta x = threshold (as PyTorch does): a step of less
    than 1e-8 with the defaults, not counted among its kinks, but visible to a difference
    quotient for a small threshold."""
    if key != "softplus":
        return []
    merged = act.softplus.params(**params)
    return [merged["threshold"] / merged["beta"]]


def away_from_kinks(key: str, x: np.ndarray, params: Mapping[str, float]) -> np.ndarray:
    a = act.get(key)
    avoid = [*a.kinks(**params), *BENDS.get(key, []), *switches(key, params)]
    keep = np.ones(x.shape, dtype=bool)
    for k in avoid:
        keep &= np.abs(x - k) > 1e-3
    return x[keep]


# --- the catalogue and its metadata --------------------------------------------------------


def test_catalogue_keys_are_unique_and_follow_the_design() -> None:
    keys = [a.key for a in ALL]
    assert len(keys) == len(set(keys))
    required = (
        "identity step sign sigmoid tanh relu leaky_relu prelu relu6 elu selu celu gelu silu "
        "mish softplus softsign hard_sigmoid hard_tanh hard_swish log_sigmoid gaussian arctan "
        "bent_identity cos sin sinc tanhshrink softshrink hardshrink threshold softmin softmax "
        "log_softmax"
    ).split()
    assert set(required) <= set(keys)


def test_catalogue_is_grouped_by_family_in_page_order() -> None:
    order = [act.FAMILIES.index(a.family) for a in ALL]
    assert order == sorted(order)
    assert {a.family for a in ALL} <= set(act.FAMILIES)


@pytest.mark.parametrize("a", ALL, ids=ids)
def test_metadata_is_complete(a: Activation) -> None:
    assert getattr(act, a.key) is a
    assert a.key in act.__all__
    assert act.get(a.key) is a
    assert a.name and a.formula and a.derivative_formula
    assert a.summary and "\n" not in a.summary
    assert a.doc.count(">>> ") >= 1 and "Examples:" in a.doc
    assert f"{a.key} (Activation)" in act.__test__
    assert a.__doc__ == a.doc
    assert a.strengths and a.problems
    for sentence in (*a.strengths, *a.problems):
        assert isinstance(sentence, str) and sentence.endswith(".")
    low, high = a.output_range
    assert isinstance(low, float) and isinstance(high, float) and low <= high
    assert a.bounded == (math.isfinite(low) and math.isfinite(high))
    assert a.torch_name == "" or a.torch_name.startswith("torch.")
    assert a.saturates in act.SATURATION
    assert (a.saturates == "") == a.vector_valued
    for name, value in a.defaults.items():
        assert isinstance(name, str) and isinstance(value, int | float)
    assert repr(a) == f"<Activation {a.key}>"
    for alias in a.aliases:
        assert act.get(alias) is a


def test_existing_metadata_is_unchanged() -> None:
    assert act.sigmoid.output_range == (0.0, 1.0)
    assert act.relu.output_range == (0.0, math.inf)
    assert act.leaky_relu.defaults == {"alpha": 0.01}
    assert act.prelu.defaults == {"alpha": 0.25}
    assert act.step.defaults == {"threshold": 0.0}
    assert not act.relu.smooth and act.sigmoid.smooth
    assert act.tanh.zero_centered and not act.sigmoid.zero_centered
    assert act.tanh.odd and not act.sign.odd and act.sign.zero_centered
    assert act.step.output_values == (0.0, 1.0) and act.sign.output_values == (-1.0, 1.0)
    assert act.softmax.vector_valued and not act.relu.vector_valued


def test_pytorch_defaults() -> None:
    assert act.softplus.defaults == {"beta": 1.0, "threshold": 20.0}
    assert act.elu.defaults == {"alpha": 1.0}
    assert act.celu.defaults == {"alpha": 1.0}
    assert act.hard_tanh.defaults == {"min_val": -1.0, "max_val": 1.0}
    assert act.softshrink.defaults == {"lambd": 0.5}
    assert act.hardshrink.defaults == {"lambd": 0.5}
    assert act.rrelu.defaults == {"lower": 1.0 / 8.0, "upper": 1.0 / 3.0}
    assert act.softmax.defaults == {"axis": -1}


# --- errors ---------------------------------------------------------------------------------


def test_unknown_key_names_it_and_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"^activation must be one of .*, got 'nope'$") as info:
        act.get("nope")
    message = str(info.value)
    assert "'relu'" in message and "'softmax'" in message and "'hardtanh'" in message
    with pytest.raises(TypeError, match=r"^activation must be an Activation or an activation key"):
        act.get(3)  # type: ignore[arg-type]


def test_get_accepts_an_activation_and_aliases() -> None:
    assert act.get(act.relu) is act.relu
    assert act.get("hardtanh") is act.hard_tanh
    assert act.get("logsigmoid") is act.log_sigmoid


def test_unknown_parameter_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="relu got unexpected parameter"):
        act.relu([1.0], alpha=0.1)
    with pytest.raises(TypeError, match="its parameters are: alpha"):
        act.leaky_relu([1.0], slope=0.1)
    with pytest.raises(TypeError):
        act.leaky_relu.derivative([1.0], negative_slope=0.1)


@pytest.mark.parametrize("value", ["0.1", None, True, [0.1], 1 + 2j])
def test_non_real_parameter_is_a_type_error(value: Any) -> None:
    with pytest.raises(TypeError, match="alpha must be a real number"):
        act.leaky_relu([1.0], alpha=value)


@pytest.mark.parametrize("value", [math.nan, math.inf])
def test_non_finite_parameter_is_a_value_error(value: float) -> None:
    with pytest.raises(ValueError, match="alpha must be a finite real number"):
        act.elu([1.0], alpha=value)


@pytest.mark.parametrize(
    ("key", "params", "match"),
    [
        ("softplus", {"beta": 0.0}, "beta must be a positive real number"),
        ("celu", {"alpha": 0.0}, "alpha must be a positive real number"),
        ("hard_tanh", {"min_val": 1.0, "max_val": 0.0}, "max_val must be at least min_val"),
        ("rrelu", {"lower": 0.5, "upper": 0.1}, "upper must be at least lower"),
        ("srelu", {"t_left": 1.0, "t_right": 0.0}, "t_right must be at least t_left"),
        ("isru", {"alpha": -1.0}, "alpha must be a non-negative real number"),
        ("isrlu", {"alpha": -1.0}, "alpha must be a non-negative real number"),
        ("softshrink", {"lambd": -0.1}, "lambd must be a non-negative real number"),
        ("hardshrink", {"lambd": -0.1}, "lambd must be a non-negative real number"),
        ("squareplus", {"b": 0.0}, "b must be a positive real number"),
        ("soft_clipping", {"alpha": -1.0}, "alpha must be a positive real number"),
        ("plu", {"alpha": 2.0}, r"alpha must be a real number in \[0, 1\]"),
        ("plu", {"c": 0.0}, "c must be a positive real number"),
        ("maxout", {"pool_size": 1.5}, "pool_size must be a positive integer"),
        ("maxout", {"pool_size": 0}, "pool_size must be a positive integer"),
        ("softmax", {"axis": 0.5}, "axis must be an integer"),
    ],
)
def test_invalid_parameter_values_are_value_errors(
    key: str, params: dict[str, float], match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        act.get(key)([1.0, 2.0], **params)


@pytest.mark.parametrize("x", ["abc", ["a", "b"], [1 + 2j], {"x": 1}, [[1.0], [1.0, 2.0]]])
def test_non_numeric_input_is_a_type_error(x: Any) -> None:
    with pytest.raises(TypeError, match="x must be a real-valued array"):
        act.relu(x)
    with pytest.raises(TypeError, match="x must be a real-valued array"):
        act.sigmoid.derivative(x)


def test_backward_checks_the_upstream_gradient_shape() -> None:
    with pytest.raises(ValueError, match=r"grad_out must be an array of shape \(3,\)"):
        act.relu.backward([1.0, 2.0, 3.0], [1.0, 2.0])
    with pytest.raises(TypeError, match="grad_out must be a real-valued array"):
        act.relu.backward([1.0], ["a"])


# --- pinned values --------------------------------------------------------------------------


def test_sigmoid_pinned_values() -> None:
    assert float(act.sigmoid(0.0)) == 0.5
    assert round(float(act.sigmoid(3.0)), 4) == 0.9526
    assert round(float(act.sigmoid(10.0)), 5) == 0.99995
    assert float(act.sigmoid.derivative(0.0)) == 0.25


def test_leaky_relu_slope_is_one_hundredth() -> None:
    assert float(act.leaky_relu(-1.0)) == -0.01
    assert float(act.leaky_relu.derivative(-5.0)) == 0.01
    assert float(act.leaky_relu(-1.0, alpha=0.2)) == -0.2


@pytest.mark.parametrize("a", ELEMENTWISE, ids=ids)
def test_value_and_derivative_at_zero(a: Activation) -> None:
    value, slope = AT_ZERO[a.key]
    assert float(a(0.0)) == pytest.approx(value, rel=1e-14, abs=1e-300)
    assert float(a.derivative(0.0)) == pytest.approx(slope, rel=1e-14, abs=1e-300)


def test_every_elementwise_activation_has_a_pinned_zero() -> None:
    assert set(AT_ZERO) == {a.key for a in ELEMENTWISE}


# --- claimed properties (hypothesis) --------------------------------------------------------


@pytest.mark.parametrize("a", ELEMENTWISE, ids=ids)
@settings(max_examples=60, deadline=None)
@given(x=inputs64)
def test_outputs_stay_in_the_claimed_range(a: Activation, x: np.ndarray) -> None:
    y = a(x)
    low, high = a.output_range
    slack = 1e-12 * max(1.0, abs(low) if math.isfinite(low) else 1.0)
    assert np.all(y >= low - slack), (x[y < low - slack], y[y < low - slack])
    assert np.all(y <= high)


@pytest.mark.parametrize("a", ELEMENTWISE, ids=ids)
def test_claimed_range_ends_are_approached(a: Activation) -> None:
    """The stated range is tight: sampled outputs come within 1e-6 of each finite end."""
    x = np.concatenate([np.linspace(-60.0, 60.0, 240001), [-1e4, 1e4, -1e12, 1e12]])
    y = a(x)
    low, high = a.output_range
    if math.isfinite(low):
        assert y.min() == pytest.approx(low, abs=1e-6)
    else:
        assert y.min() < -20
    if math.isfinite(high):
        assert y.max() == pytest.approx(high, abs=1e-6)
    else:
        assert y.max() > 20


@pytest.mark.parametrize("a", [a for a in ELEMENTWISE if a.monotonic], ids=ids)
@settings(max_examples=60, deadline=None)
@given(x=inputs64, step=st.floats(0.0, 100.0))
def test_monotonic_ones_never_decrease(a: Activation, x: np.ndarray, step: float) -> None:
    lower, upper = a(x), a(x + step)
    # 1e-9 allows softplus's switch to the identity at the threshold (a 2e-9 step down).
    with np.errstate(over="ignore", invalid="ignore"):  # the slack itself, near the max
        assert np.all((upper >= lower) | (upper >= lower - 1e-9 * (1.0 + np.abs(lower))))


@pytest.mark.parametrize("a", [a for a in ELEMENTWISE if not a.monotonic], ids=ids)
def test_non_monotonic_ones_decrease_somewhere(a: Activation) -> None:
    y = a(np.linspace(-10.0, 10.0, 20001))
    assert np.any(np.diff(y) < -1e-12)


@pytest.mark.parametrize("a", [a for a in ELEMENTWISE if a.odd], ids=ids)
@settings(max_examples=60, deadline=None)
@given(x=inputs64)
def test_odd_ones_are_odd(a: Activation, x: np.ndarray) -> None:
    np.testing.assert_allclose(a(-x), -a(x), rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("a", [a for a in ELEMENTWISE if not a.odd], ids=ids)
def test_other_ones_are_not_odd(a: Activation) -> None:
    x = np.linspace(0.0, 10.0, 1001)  # from 0: sgn(0) = +1 makes the sign function not odd
    assert np.max(np.abs(a(-x) + a(x))) > 1e-6


@pytest.mark.parametrize("a", ELEMENTWISE, ids=ids)
def test_odd_ones_are_zero_centred(a: Activation) -> None:
    # Zero-centred (E[f(Z)] = 0 for a standard normal Z) is implied by odd, not the converse.
    assert a.zero_centered or not a.odd


def test_zero_centred_without_being_odd() -> None:
    assert {a.key for a in act.catalog() if a.zero_centered and not a.odd} == {
        "sign",
        "selu",
        "glu",
    }


def one_sided_slopes(
    f: Activation, points: np.ndarray, /, **params: float
) -> tuple[np.ndarray, np.ndarray]:
    h = 1e-6
    f0 = f(points, **params)
    return (f0 - f(points - h, **params)) / h, (f(points + h, **params) - f0) / h


# Every non-smooth activation with its defaults, and every parameter case.
KINK_CASES = [(a.key, {}) for a in ELEMENTWISE if not a.smooth] + PARAM_CASES
KINK_IDS = [f"{k}-{p}" for k, p in KINK_CASES]


@pytest.mark.parametrize("a", ELEMENTWISE, ids=ids)
def test_kinks_are_listed_exactly_for_non_smooth_ones(a: Activation) -> None:
    assert a.kinks() == a.kinks(**a.defaults)
    assert bool(a.kinks()) == (not a.smooth)
    assert list(a.kinks()) == sorted(set(a.kinks()))


@pytest.mark.parametrize(("key", "params"), KINK_CASES, ids=KINK_IDS)
def test_each_listed_kink_is_a_corner_or_a_jump(key: str, params: dict[str, float]) -> None:
    # A corner or a jump; or (for degenerate parameters, such as softshrink with lambd = 0)
    # a point where the derivative is a convention that matches neither side.
    a = act.get(key)
    points = np.array(a.kinks(**params))
    left, right = one_sided_slopes(a, points, **params)
    d = a.derivative(points, **params)
    corner = (np.abs(left - right) > 1e-2) | ~np.isfinite(left - right)
    convention = (np.abs(d - left) > 1e-2) & (np.abs(d - right) > 1e-2)
    assert np.all(corner | convention)


@pytest.mark.parametrize(
    ("key", "params"),
    [(a.key, {}) for a in ELEMENTWISE if not a.position_dependent] + PARAM_CASES,
    ids=[f"{a.key}-{{}}" for a in ELEMENTWISE if not a.position_dependent]
    + [f"{k}-{p}" for k, p in PARAM_CASES],
)
def test_no_corner_or_jump_outside_the_listed_kinks(key: str, params: dict[str, float]) -> None:
    # Between neighbouring grid points (1e-3 apart) with no listed kink between them, the
    # function moves by about slope * step and its derivative hardly moves; a missing or
    # misplaced kink shows up as a jump in one of the two.
    a = act.get(key)
    x = domain(key, params, np.linspace(-8.0, 8.0, 16001))
    f, d = a(x, **params), a.derivative(x, **params)
    avoid = np.array([*a.kinks(**params), *switches(key, params)])
    free = np.ones(x.size - 1, dtype=bool)
    for k in avoid:
        free &= (k < x[:-1] - 1e-9) | (k > x[1:] + 1e-9)
    step = np.diff(x)[free]
    slope = np.maximum(np.abs(d[:-1]), np.abs(d[1:]))[free]
    assert np.all(np.abs(np.diff(f)[free]) <= (slope + 1.0) * step), "an unlisted jump"
    assert np.all(np.abs(np.diff(d)[free]) < 0.1 * np.maximum(slope, 1.0)), "an unlisted corner"


# Parameters that remove a corner, move one or make two meet.
KINKS_FOLLOW_PARAMETERS = [
    ("step", {"threshold": 1.5}, (1.5,)),
    ("leaky_relu", {"alpha": 1.0}, ()),
    ("prelu", {"alpha": 1.0}, ()),
    ("rrelu", {"lower": 0.5, "upper": 1.5}, ()),
    ("plu", {"alpha": 1.0}, ()),
    ("hard_tanh", {"min_val": 0.5, "max_val": 0.5}, ()),
    ("srelu", {"a_left": 1.0}, (1.0,)),
    ("srelu", {"t_left": 1.0, "t_right": 1.0, "a_left": 0.5, "a_right": 0.5}, ()),
    ("srelu", {"t_left": 1.0, "t_right": 1.0}, ()),
    ("srelu", {"t_left": 1.0, "t_right": 1.0, "a_right": 3.0}, (1.0,)),
    ("elu", {"alpha": 2.0}, (0.0,)),
    ("softshrink", {"lambd": 0.0}, (0.0,)),
    ("hardshrink", {"lambd": 0.0}, (0.0,)),
]


@pytest.mark.parametrize(
    ("key", "params", "expected"),
    KINKS_FOLLOW_PARAMETERS,
    ids=[f"{k}-{p}" for k, p, _ in KINKS_FOLLOW_PARAMETERS],
)
def test_kinks_follow_the_parameters(
    key: str, params: dict[str, float], expected: tuple[float, ...]
) -> None:
    assert act.get(key).kinks(**params) == expected
    test_each_listed_kink_is_a_corner_or_a_jump(key, params)
    test_no_corner_or_jump_outside_the_listed_kinks(key, params)


def test_kinks_check_their_parameters() -> None:
    with pytest.raises(TypeError, match="relu got unexpected parameter"):
        act.relu.kinks(alpha=0.1)
    with pytest.raises(ValueError, match=r"^max_val must be at least min_val"):
        act.hard_tanh.kinks(min_val=1.0, max_val=0.0)
    assert act.softmax.kinks() == () and act.maxout.kinks() == ()


@pytest.mark.parametrize("a", ELEMENTWISE, ids=ids)
def test_smooth_claim(a: Activation) -> None:
    grid = np.concatenate([CANDIDATES, np.linspace(-7.3, 7.3, 301)])
    left, right = one_sided_slopes(a, grid)
    gap = np.abs(left - right)
    if a.smooth:
        assert np.all(gap < 1e-4), grid[gap >= 1e-4]
    else:
        assert np.any(gap > 1e-2)


@pytest.mark.parametrize("a", ELEMENTWISE, ids=ids)
def test_continuous_claim(a: Activation) -> None:
    h = 1e-9
    jumps = np.abs(a(CANDIDATES + h) - a(CANDIDATES - h))
    if a.continuous:
        assert np.all(jumps < 1e-6)
    else:
        assert np.any(jumps > 0.1)


@pytest.mark.parametrize("a", [a for a in ELEMENTWISE if a.key != "brelu"], ids=ids)
def test_saturation_claim(a: Activation) -> None:
    far = 1e8 * np.array([1.0, 1.1, 1.3, 1.7, 2.3, 3.1])
    for side, x in (("left", -far), ("right", far)):
        slopes = np.abs(a.derivative(x))
        if a.saturates in (side, "both"):
            assert np.all(slopes < 1e-6), (side, slopes)
        else:
            assert np.max(slopes) > 1e-3, (side, slopes)


def test_brelu_saturates_on_opposite_sides_by_position() -> None:
    np.testing.assert_array_equal(act.brelu.derivative([-1e8, -1e8]), [0.0, 1.0])
    np.testing.assert_array_equal(act.brelu.derivative([1e8, 1e8]), [1.0, 0.0])
    assert float(act.brelu(-3.0)) == 0.0  # a 0-D input counts as position 0


# --- symmetries -----------------------------------------------------------------------------

x_sym = arrays(np.float64, st.integers(1, 30), elements=st.floats(-50, 50))


@settings(max_examples=80, deadline=None)
@given(x=x_sym)
def test_sigmoid_symmetry(x: np.ndarray) -> None:
    np.testing.assert_allclose(act.sigmoid(-x), 1.0 - act.sigmoid(x), atol=1e-15)
    np.testing.assert_allclose(act.hard_sigmoid(-x), 1.0 - act.hard_sigmoid(x), atol=1e-15)
    np.testing.assert_allclose(act.tanh(x), 2.0 * act.sigmoid(2.0 * x) - 1.0, atol=1e-15)


@pytest.mark.parametrize(
    "key", ["softplus", "silu", "swish", "gelu", "gelu_tanh", "squareplus", "log_sigmoid"]
)
@settings(max_examples=60, deadline=None)
@given(x=x_sym)
def test_f_of_x_minus_f_of_minus_x_is_x(key: str, x: np.ndarray) -> None:
    f = act.get(key)
    x = x[np.abs(x) < 19.0]  # softplus switches to the identity at 20
    np.testing.assert_allclose(f(x) - f(-x), x, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("key", ["gaussian", "cos", "sinc", "sq_rbf"])
@settings(max_examples=60, deadline=None)
@given(x=inputs64)
def test_even_functions(key: str, x: np.ndarray) -> None:
    f = act.get(key)
    np.testing.assert_array_equal(f(-x), f(x))


@settings(max_examples=60, deadline=None)
@given(x=x_sym, alpha=st.floats(0.1, 10.0))
def test_soft_clipping_is_symmetric_about_one_half(x: np.ndarray, alpha: float) -> None:
    left = act.soft_clipping(x, alpha=alpha) + act.soft_clipping(1.0 - x, alpha=alpha)
    np.testing.assert_allclose(left, 1.0, atol=1e-12)


@settings(max_examples=60, deadline=None)
@given(x=x_sym)
def test_log_sigmoid_is_the_log_of_sigmoid(x: np.ndarray) -> None:
    # log(sigmoid(x)) itself loses relative accuracy where sigmoid(x) is close to 1.
    np.testing.assert_allclose(act.log_sigmoid(x), np.log(act.sigmoid(x)), rtol=1e-12, atol=1e-15)
    # (softplus switches to the identity above its threshold; log-sigmoid never does)
    exact_softplus = act.softplus(-x, threshold=1000.0)
    np.testing.assert_allclose(act.log_sigmoid(x), -exact_softplus, rtol=1e-14)


def test_relatives_agree() -> None:
    x = np.linspace(-8.0, 8.0, 1601)
    np.testing.assert_array_equal(act.swish(x, beta=1.0), act.silu(x))
    np.testing.assert_allclose(act.elu(x), act.celu(x), rtol=1e-15)
    np.testing.assert_allclose(act.smht(x), act.tanh(x), rtol=1e-14, atol=1e-16)
    np.testing.assert_array_equal(act.threshold(x), act.relu(x))
    np.testing.assert_array_equal(act.prelu(x, alpha=0.01), act.leaky_relu(x))
    np.testing.assert_array_equal(act.relu6(x), act.hard_tanh(x, min_val=0.0, max_val=6.0))
    np.testing.assert_allclose(act.hard_swish(x), x * act.hard_sigmoid(x), rtol=1e-15)
    np.testing.assert_allclose(act.isrlu(x), np.where(x >= 0, x, act.isru(x)), rtol=1e-15)
    np.testing.assert_array_equal(act.soft_exponential(x), x)
    np.testing.assert_allclose(act.mish(x), x * np.tanh(act.softplus(x)), rtol=1e-15)
    assert np.max(np.abs(act.gelu_tanh(x) - act.gelu(x))) < 5e-4
    far = np.abs(x) > 1
    np.testing.assert_allclose(act.swish(x, beta=50.0)[far], act.relu(x)[far], atol=1e-20)


# --- derivatives against central finite differences ---------------------------------------


def domain(key: str, params: Mapping[str, float], x: np.ndarray) -> np.ndarray:
    """The inputs of ``x`` where the activation is defined (all but soft_exponential, alpha < 0)."""
    if key == "soft_exponential" and params.get("alpha", 0.0) < 0:
        alpha = params["alpha"]
        return x[1.0 - alpha * (x + alpha) > 0.05]
    return x


def _fd_check(key: str, params: dict[str, float]) -> None:
    a = act.get(key)
    rng = np.random.default_rng(abs(hash((key, tuple(sorted(params.items()))))) % 2**32)
    x = np.concatenate([rng.uniform(-8.0, 8.0, 3000), np.linspace(-8.0, 8.0, 1601)])
    x = away_from_kinks(key, domain(key, params, x), params)
    numeric = central_difference(a, x, **params)
    exact = a.derivative(x, **params)
    np.testing.assert_allclose(exact, numeric, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("a", ELEMENTWISE, ids=ids)
def test_derivative_matches_finite_differences(a: Activation) -> None:
    _fd_check(a.key, {})


@pytest.mark.parametrize(("key", "params"), PARAM_CASES, ids=[f"{k}-{p}" for k, p in PARAM_CASES])
def test_derivative_matches_finite_differences_with_parameters(
    key: str, params: dict[str, float]
) -> None:
    _fd_check(key, params)


@pytest.mark.parametrize("a", ELEMENTWISE, ids=ids)
def test_derivative_is_taken_of_the_input_not_the_output(a: Activation) -> None:
    x = np.array([0.3, 1.7, -2.2])
    assert a.derivative(x).shape == x.shape
    np.testing.assert_array_equal(a.backward(x, np.ones(3)), a.derivative(x))
    np.testing.assert_array_equal(
        a.backward(x, [2.0, 0.0, -1.0]), [2.0, 0.0, -1.0] * a.derivative(x)
    )
    jac = a.jacobian(x)
    np.testing.assert_array_equal(np.diagonal(jac, axis1=-2, axis2=-1), a.derivative(x))
    assert np.count_nonzero(jac - np.diag(np.diagonal(jac))) == 0


def test_sinc_derivative_is_accurate_near_zero() -> None:
    x = np.array([1e-8, 1e-4, 0.05, 0.099, 0.1, 0.2])
    exact = np.array(
        [
            (v * math.cos(v) - math.sin(v)) / v**2
            if v > 0.09
            else -v / 3 + v**3 / 30 - v**5 / 840 + v**7 / 45360
            for v in x
        ]
    )
    np.testing.assert_allclose(act.sinc.derivative(x), exact, rtol=1e-9)


# --- stability and dtypes -------------------------------------------------------------------

EXTREMES = [-1e4, -1e3, -710.0, -100.0, -20.5, -1.0, -1e-30, 0.0, 1e-30, 1.0, 20.5, 100.0,
            710.0, 1e3, 1e4]  # fmt: skip


def extreme_input(a: Activation, dtype: type) -> np.ndarray:
    x = np.array(EXTREMES, dtype=dtype)
    if a.key in ("glu", "maxout"):
        x = x[:-1]  # an even length
    return x


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("a", ALL, ids=ids)
def test_stable_and_dtype_preserving_at_the_extremes(a: Activation, dtype: type) -> None:
    x = extreme_input(a, dtype)
    y = a(x)  # warnings are errors in this test suite: no overflow, no invalid value
    assert y.dtype == dtype and np.all(np.isfinite(y))
    if a.key not in ("glu", "maxout"):
        d = a.derivative(x)
        assert d.dtype == dtype and d.shape == x.shape and np.all(np.isfinite(d))
    g = a.backward(x, np.ones_like(y))
    assert g.dtype == dtype and g.shape == x.shape and np.all(np.isfinite(g))
    j = a.jacobian(x)
    assert j.dtype == dtype and np.all(np.isfinite(j))


@pytest.mark.parametrize("a", ELEMENTWISE, ids=ids)
@settings(max_examples=40, deadline=None)
@given(x=inputs32)
def test_float32_stays_float32_and_close_to_float64(a: Activation, x: np.ndarray) -> None:
    y32, y64 = a(x), a(x.astype(np.float64))
    assert y32.dtype == np.float32
    # finite, except where the true value passes the largest float32 (bent identity)
    beyond = np.abs(y64) > np.finfo(np.float32).max
    assert np.all(np.isfinite(y32[~beyond]))
    np.testing.assert_array_equal(y32[beyond], np.copysign(np.inf, y64[beyond]))
    x, y32, y64 = x[~beyond], y32[~beyond], y64[~beyond]
    scale = np.maximum(1.0, np.abs(y64))
    if a.continuous:
        # A float32 rounding of the input may cross a jump, so only continuous ones compare.
        assert np.all(np.abs(y32 - y64) <= 1e-5 * scale * np.maximum(1.0, np.abs(x)))


@pytest.mark.parametrize("a", ALL, ids=ids)
def test_other_inputs_become_float64_and_0d_stays_0d(a: Activation) -> None:
    assert a([1, 2]).dtype == np.float64
    assert a(np.array([1, 0], dtype=np.int8)).dtype == np.float64
    assert a(np.array([True, False])).dtype == np.float64
    assert a(np.array([1.0, 2.0], dtype=np.float16)).dtype == np.float64
    scalar = a(0.5) if a.key not in ("glu", "maxout") else a([0.5, 0.5])
    assert isinstance(scalar, np.ndarray)
    if a.elementwise:
        assert scalar.shape == ()
        assert a.derivative(0.5).shape == ()
        assert a.backward(0.5, 1.0).shape == ()


@pytest.mark.parametrize("a", ELEMENTWISE, ids=ids)
def test_input_is_never_modified(a: Activation) -> None:
    x = np.linspace(-5.0, 5.0, 11)
    before = x.copy()
    a(x)
    a.derivative(x)
    a.backward(x, np.ones_like(x))
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("a", ELEMENTWISE, ids=ids)
def test_batches_are_handled_elementwise(a: Activation) -> None:
    x = np.random.default_rng(3).normal(size=(4, 6)) * 3
    rows = np.stack([a(row) for row in x])
    np.testing.assert_array_equal(a(x), rows)
    if a.key != "brelu":  # BReLU depends on the position along the last axis
        np.testing.assert_array_equal(a(x.ravel()), a(x).ravel())
