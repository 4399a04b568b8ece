"""Input checks shared by every public entry point.

Every error follows one template, ``"{name} must be {rule}, got {value}"``, so a user learns
which argument was wrong, what was expected, and what was actually passed.
"""

from __future__ import annotations

import operator
from numbers import Integral, Real
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnref._typing import Array

__all__ = [
    "NotFittedError",
    "as_float_array",
    "as_label_array",
    "as_sample_matrix",
    "check_bool",
    "check_callable",
    "check_choice",
    "check_finite",
    "check_fitted",
    "check_float_dtype",
    "check_int",
    "check_interval",
    "check_n_features",
    "check_names",
    "check_ndim",
    "check_nonnegative",
    "check_positive",
    "check_positive_int",
    "check_real",
    "check_representable",
    "check_result",
    "check_rng",
    "check_sample_shape",
    "check_shape",
    "check_str",
    "check_type",
    "describe",
]


def describe(value: Any) -> str:
    """A short description of ``value`` for error messages (arrays by shape and dtype)."""
    if isinstance(value, np.ndarray):
        if value.size <= 6:
            return f"array {value.tolist()!r} of shape {value.shape} and dtype {value.dtype}"
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def error(name: str, rule: str, value: Any, kind: type[Exception] = ValueError) -> Exception:
    """Build the project's error: ``"{name} must be {rule}, got {value}"``."""
    return kind(f"{name} must be {rule}, got {describe(value)}")


def as_float_array(x: ArrayLike, name: str) -> Array:
    """Convert ``x`` to a floating-point array.

    float32 and float64 inputs keep their dtype; every other real input (integers, booleans,
    float16, Python floats, lists) becomes float64. Complex, string and object inputs raise
    ``TypeError``.

    Examples:
        >>> as_float_array([1, 2], "x").dtype
        dtype('float64')
        >>> as_float_array(np.ones(2, dtype=np.float32), "x").dtype
        dtype('float32')
    """
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError) as exc:  # ragged nested lists and the like
        raise error(name, "a real-valued array", x, TypeError) from exc
    if arr.dtype in (np.float32, np.float64):
        return arr
    if arr.dtype.kind in "biuf":
        return arr.astype(np.float64)
    raise error(name, "a real-valued array", x, TypeError)


def check_real(value: Any, name: str) -> float:
    """Return ``value`` as a float if it is one finite real number (a 0-D array counts).

    Booleans are refused (``True`` is not a number one means to pass as a bias).

    Examples:
        >>> check_real(np.float32(0.5), "bias")
        0.5
    """
    arr = as_float_array(value, name)
    if isinstance(value, bool | np.bool_) or np.asarray(value).dtype == np.bool_:
        raise error(name, "a finite real number", value, TypeError)
    if arr.ndim != 0 or not np.isfinite(arr):
        raise error(name, "a finite real number", value)
    return float(arr)


def check_finite(x: NDArray[Any], name: str) -> NDArray[Any]:
    """Raise ``ValueError`` if ``x`` holds NaN or infinity; return ``x`` unchanged."""
    if not np.all(np.isfinite(x)):
        bad = int(np.size(x) - np.count_nonzero(np.isfinite(x)))
        raise ValueError(f"{name} must be finite (no NaN or inf), got {bad} non-finite value(s)")
    return x


def check_result(out: NDArray[Any], name: str, what: str) -> NDArray[Any]:
    """Raise ``ValueError`` if ``out``, computed from the finite argument ``name``, is not finite.

    For results that pass the float range (a net input of features near $10^{308}$): the
    computation runs under ``np.errstate(over="ignore", invalid="ignore")`` and this check
    turns the overflow into one clear error naming the argument. Returns ``out``.

    Examples:
        >>> check_result(np.array([1.0, np.inf]), "X", "the net input")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: X must be small enough for the net input to stay within the float range ...
    """
    if not np.all(np.isfinite(out)):
        bad = int(np.size(out) - np.count_nonzero(np.isfinite(out)))
        raise ValueError(
            f"{name} must be small enough for {what} to stay within the float range "
            f"(standardise the data), got {bad} value(s) of {what} beyond it"
        )
    return out


def check_representable(x: NDArray[Any], dtype: Any, name: str) -> NDArray[Any]:
    """Raise ``ValueError`` unless the finite ``x`` fits into ``dtype`` without overflowing.

    (A float64 value beyond about $3.4 \\cdot 10^{38}$ has no float32 counterpart.)
    Returns ``x``.

    Examples:
        >>> check_representable(np.array([1e39]), np.float32, "W")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: W must be within the range of float32 (at most 3.4028235e+38 in size), ...
    """
    target = np.dtype(dtype)
    if target.kind == "f" and x.size:
        big = float(np.finfo(target).max)
        if float(np.max(np.abs(x))) > big:
            rule = f"within the range of {target.name} (at most {big:.8g} in size)"
            raise error(name, rule, x)
    return x


def check_ndim(x: NDArray[Any], name: str, ndims: tuple[int, ...], what: str = "") -> NDArray[Any]:
    """Raise ``ValueError`` unless ``x.ndim`` is one of ``ndims``."""
    if x.ndim not in ndims:
        dims = " or ".join(f"{d}-D" for d in ndims)
        rule = f"a {dims} array" + (f" ({what})" if what else "")
        raise ValueError(f"{name} must be {rule}, got an array of shape {x.shape}")
    return x


def check_positive(value: Any, name: str) -> float:
    """Return ``value`` as a float if it is a finite real number above zero."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise error(name, "a positive real number", value, TypeError)
    if not (np.isfinite(value) and value > 0):
        raise error(name, "a positive real number", value)
    return float(value)


def check_positive_int(value: Any, name: str) -> int:
    """Return ``value`` as an int if it is an integer of at least one."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise error(name, "a positive integer", value, TypeError)
    if value < 1:
        raise error(name, "a positive integer", value)
    return int(value)


def check_rng(rng: Any, name: str = "rng") -> np.random.Generator:
    """Turn ``rng`` (a Generator, a non-negative int seed or None) into a ``np.random.Generator``.

    Examples:
        >>> check_rng(-1)
        Traceback (most recent call last):
        ...
        ValueError: rng must be a numpy.random.Generator, a non-negative int seed or None, got -1
    """
    rule = "a numpy.random.Generator, a non-negative int seed or None"
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None:
        return np.random.default_rng()
    if isinstance(rng, Integral) and not isinstance(rng, bool | np.bool_):
        if rng < 0:
            raise error(name, rule, rng)
        return np.random.default_rng(int(rng))
    raise error(name, rule, rng, TypeError)


class NotFittedError(ValueError, AttributeError):
    """Raised when a model is used before ``fit`` has given it its learned attributes.

    Examples:
        >>> from nnref import Perceptron
        >>> try:
        ...     Perceptron().predict([[1.0, 2.0]])
        ... except NotFittedError as exc:
        ...     print(type(exc).__name__)
        NotFittedError
    """


def check_fitted(model: Any, attribute: str) -> None:
    """Raise ``NotFittedError`` unless ``model`` has its fitted ``attribute`` (``"weights_"``)."""
    if not hasattr(model, attribute):
        name = type(model).__name__
        raise NotFittedError(
            f"this {name} is not fitted yet: call fit(X, y) before using it "
            f"(it has no {attribute!r})"
        )


def check_choice(value: Any, name: str, choices: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of the strings in ``choices``."""
    if not isinstance(value, str) or value not in choices:
        rule = "one of " + ", ".join(repr(c) for c in choices)
        kind = ValueError if isinstance(value, str) else TypeError
        raise error(name, rule, value, kind)
    return value


def check_nonnegative(value: Any, name: str) -> float:
    """Return ``value`` as a float if it is a finite real number of at least zero."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise error(name, "a non-negative real number", value, TypeError)
    number = float(value)
    if not (np.isfinite(number) and number >= 0):
        raise error(name, "a non-negative real number", value)
    return number


def as_sample_matrix(x: ArrayLike, name: str = "X") -> Array:
    """Convert ``x`` to a finite floating-point matrix of shape ``(n_samples, n_features)``.

    At least one sample and one feature are required; the dtype rule is that of
    ``as_float_array``.

    Examples:
        >>> as_sample_matrix([[0, 1], [1, 0]]).shape
        (2, 2)
    """
    arr = check_ndim(as_float_array(x, name), name, (2,), "n_samples, n_features")
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(
            f"{name} must have at least one sample and one feature, got an array of shape "
            f"{arr.shape}"
        )
    return check_finite(arr, name)


def check_n_features(x: NDArray[Any], n_features: int, name: str = "X") -> NDArray[Any]:
    """Raise ``ValueError`` unless the 2-D ``x`` has ``n_features`` columns (as seen in fit)."""
    if x.shape[1] != n_features:
        raise ValueError(
            f"{name} must have {n_features} feature(s) per sample, as in the data the model "
            f"was fitted on, got an array of shape {x.shape}"
        )
    return x


def as_label_array(y: ArrayLike, n_samples: int | None = None, name: str = "y") -> NDArray[Any]:
    """Convert ``y`` to a 1-D array of labels, one per sample.

    Labels may be numbers, booleans or strings; numeric labels must be finite. With
    ``n_samples`` given, the length must match it (one label per row of ``X``).

    Examples:
        >>> as_label_array([0, 1, 1], 3)
        array([0, 1, 1])
    """
    try:
        arr = np.asarray(y)
    except (TypeError, ValueError) as exc:  # ragged nested lists and the like
        raise error(name, "a 1-D array of labels", y, TypeError) from exc
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of labels, got an array of shape {arr.shape}")
    if arr.dtype.kind == "O":
        arr = _uniform_labels(arr, name)
    if n_samples is not None and arr.shape[0] != n_samples:
        raise ValueError(
            f"{name} must have one label per sample ({n_samples}), got an array of shape "
            f"{arr.shape}"
        )
    if arr.dtype.kind not in "biufUSO":
        raise error(name, "an array of real numbers, booleans or strings", y, TypeError)
    if arr.dtype.kind == "f":
        check_finite(arr, name)
    return arr


def _uniform_labels(arr: NDArray[Any], name: str) -> NDArray[Any]:
    """An object array of labels as strings or numbers; a mix of both (or anything else,
    which cannot be sorted into classes) raises ``TypeError``."""
    values = arr.tolist()
    if all(isinstance(v, str) for v in values):
        return np.array(values, dtype=str)
    numbers = all(isinstance(v, Real) and not isinstance(v, bool) for v in values)
    if numbers or all(isinstance(v, bool | np.bool_) for v in values):
        return np.array(values)
    kinds = sorted({type(v).__name__ for v in values})
    raise TypeError(
        f"{name} must hold labels of one kind (all numbers or all strings), got a mix of "
        f"{', '.join(kinds)}"
    )


def check_bool(value: Any, name: str) -> bool:
    """Return ``value`` if it is a ``bool`` (NumPy booleans included)."""
    if not isinstance(value, bool | np.bool_):
        raise error(name, "True or False", value, TypeError)
    return bool(value)


def check_float_dtype(dtype: Any, name: str = "dtype") -> np.dtype[Any]:
    """Return ``dtype`` as a NumPy dtype if it is float32 or float64 (the two we compute in).

    Examples:
        >>> check_float_dtype("float32")
        dtype('float32')
    """
    try:
        resolved: np.dtype[Any] = np.dtype(dtype)
    except TypeError:
        raise error(name, "numpy.float32 or numpy.float64", dtype, TypeError) from None
    if resolved not in (np.float32, np.float64):
        raise error(name, "numpy.float32 or numpy.float64", dtype, TypeError)
    return resolved


def check_interval(
    value: Any,
    name: str,
    low: float,
    high: float,
    *,
    low_open: bool = False,
    high_open: bool = False,
) -> float:
    """Return ``value`` as a float if it is a real number in the given interval.

    The interval is closed at both ends unless ``low_open`` or ``high_open`` says otherwise;
    the error message writes it in interval notation, e.g. ``[0, 1)``.

    Examples:
        >>> check_interval(0.9, "momentum", 0.0, 1.0, high_open=True)
        0.9
    """
    text = f"{'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"
    if isinstance(value, bool) or not isinstance(value, Real):
        raise error(name, f"a real number in {text}", value, TypeError)
    number = float(value)
    above = number > low if low_open else number >= low
    below = number < high if high_open else number <= high
    if not (np.isfinite(number) and above and below):
        raise error(name, f"a real number in {text}", value)
    return number


def check_shape(
    x: NDArray[Any], name: str, shape: tuple[int | None, ...], what: str = ""
) -> NDArray[Any]:
    """Raise ``ValueError`` unless ``x`` has ``shape`` (``None`` matches any length there).

    Examples:
        >>> check_shape(np.zeros((4, 2)), "W", (None, 2)).shape
        (4, 2)
        >>> check_shape(np.zeros(3), "b", (2,))
        Traceback (most recent call last):
        ...
        ValueError: b must be an array of shape (2,), got an array of shape (3,)
    """
    ok = x.ndim == len(shape) and all(
        e is None or e == n for e, n in zip(shape, x.shape, strict=True)
    )
    if not ok:
        shown = "(" + ", ".join("n" if e is None else str(e) for e in shape)
        shown += ",)" if len(shape) == 1 else ")"
        rule = f"an array of shape {shown}" + (f" ({what})" if what else "")
        raise ValueError(f"{name} must be {rule}, got an array of shape {x.shape}")
    return x


def check_sample_shape(input_shape: Any, name: str = "input_shape") -> tuple[int, ...]:
    """``input_shape`` as a tuple of positive ints: the shape of one sample, no batch axis.

    Examples:
        >>> check_sample_shape([1, 28, 28])
        (1, 28, 28)
    """
    try:
        shape = tuple(operator.index(n) for n in input_shape)
    except TypeError:
        shape = None
    if shape is None or any(n < 1 for n in shape) or isinstance(input_shape, str):
        raise error(
            name,
            "the shape of one sample without the batch axis, a tuple of positive integers "
            "such as (784,) or (1, 28, 28)",
            input_shape,
            TypeError if shape is None else ValueError,
        )
    return shape


def check_int(value: Any, name: str, low: int, high: int) -> int:
    """Return ``value`` as an int if it is an integer from ``low`` to ``high`` (both included).

    Examples:
        >>> check_int(200, "resolution", 2, 2000)
        200
        >>> check_int(1, "resolution", 2, 2000)
        Traceback (most recent call last):
        ...
        ValueError: resolution must be an int from 2 to 2000, got 1
    """
    rule = f"an int from {low} to {high}"
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise error(name, rule, value, TypeError)
    if not low <= value <= high:
        raise error(name, rule, value)
    return int(value)


def check_str(value: Any, name: str, *, optional: bool = False) -> str | None:
    """Return ``value`` if it is a string (or ``None``, when ``optional``).

    Examples:
        >>> check_str("cost", "ylabel")
        'cost'
        >>> check_str(None, "label", optional=True) is None
        True
    """
    if isinstance(value, str) or (optional and value is None):
        return value
    raise error(name, "a string or None" if optional else "a string", value, TypeError)


def check_callable(value: Any, name: str, rule: str) -> Any:
    """Return ``value`` if it can be called; ``rule`` says what kind of function is expected.

    Examples:
        >>> check_callable(len, "cost", "a function of points of shape (n, 2)") is len
        True
    """
    if not callable(value):
        raise error(name, rule, value, TypeError)
    return value


def check_type(value: Any, name: str, types: type | tuple[type, ...], rule: str) -> Any:
    """Return ``value`` if it is an instance of ``types``; ``rule`` names them for the reader.

    Examples:
        >>> check_type(2.5, "x", (int, float), "a number")
        2.5
    """
    if not isinstance(value, types):
        raise error(name, rule, value, TypeError)
    return value


def check_names(values: Any, name: str, n: int, rule: str) -> list[str]:
    """Return ``values`` as ``n`` strings (one label each); a single string is refused, and so
    is an item that is neither a string nor a number.

    ``rule`` describes what is expected, e.g. ``"3 names, one per layer"``.

    Examples:
        >>> check_names(["input", "output"], "layer_names", 2, "2 names, one per layer")
        ['input', 'output']
        >>> check_names("ab", "layer_names", 2, "2 names, one per layer")
        Traceback (most recent call last):
        ...
        ValueError: layer_names must be 2 names, one per layer, got 'ab'
    """
    if isinstance(values, str | bytes) or not hasattr(values, "__len__"):
        kind = ValueError if isinstance(values, str | bytes) else TypeError
        raise error(name, rule, values, kind)
    if len(values) != n:
        raise error(name, rule, values)
    strange = [v for v in values if not isinstance(v, str | Real) or isinstance(v, bool)]
    if strange:
        raise error(name, rule + " (strings)", strange[0], TypeError)
    return [str(v) for v in values]
