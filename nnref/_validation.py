"""Input checks shared by every public entry point.

Every error follows one template, ``"{name} must be {rule}, got {value}"``, so a user learns
which argument was wrong, what was expected, and what was actually passed.
"""

from __future__ import annotations

from numbers import Integral, Real
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "as_float_array",
    "check_finite",
    "check_ndim",
    "check_positive",
    "check_positive_int",
    "check_rng",
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


def as_float_array(x: ArrayLike, name: str) -> NDArray[np.floating[Any]]:
    """Convert ``x`` to a floating-point array.

    float32 and float64 inputs keep their dtype; every other real input (integers, booleans,
    float16, Python floats, lists) becomes float64. Complex, string and object inputs raise ``TypeError``.

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


def check_finite(x: NDArray[Any], name: str) -> NDArray[Any]:
    """Raise ``ValueError`` if ``x`` holds NaN or infinity; return ``x`` unchanged."""
    if not np.all(np.isfinite(x)):
        bad = int(np.size(x) - np.count_nonzero(np.isfinite(x)))
        raise ValueError(f"{name} must be finite (no NaN or inf), got {bad} non-finite value(s)")
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
    """Turn ``rng`` (a Generator, an int seed or None) into a ``np.random.Generator``."""
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None or (isinstance(rng, Integral) and not isinstance(rng, bool)):
        return np.random.default_rng(rng)
    raise error(name, "a numpy.random.Generator, an int seed or None", rng, TypeError)
