"""The shared input checks and their error messages."""

from __future__ import annotations

import numpy as np
import pytest

from nnref._validation import (
    as_float_array,
    check_finite,
    check_ndim,
    check_positive,
    check_positive_int,
    check_rng,
)


@pytest.mark.parametrize(
    ("value", "dtype"),
    [
        ([1, 2, 3], np.float64),
        (np.arange(3, dtype=np.int32), np.float64),
        (np.ones(2, dtype=np.float32), np.float32),
        (np.ones(2, dtype=np.float16), np.float64),
        (True, np.float64),
        (2.5, np.float64),
    ],
)
def test_as_float_array_dtypes(value: object, dtype: type) -> None:
    assert as_float_array(value, "x").dtype == dtype


def test_as_float_array_keeps_float_arrays_without_copy() -> None:
    a = np.ones(3)
    assert as_float_array(a, "x") is a


@pytest.mark.parametrize("bad", ["abc", [1j, 2], [[1, 2], [3]], {"a": 1}, None])
def test_as_float_array_rejects_non_real(bad: object) -> None:
    with pytest.raises(TypeError, match=r"^weights must be a real-valued array, got "):
        as_float_array(bad, "weights")


def test_check_finite_names_argument_and_count() -> None:
    with pytest.raises(ValueError, match=r"X must be finite .* got 2 non-finite"):
        check_finite(np.array([1.0, np.nan, np.inf]), "X")
    a = np.ones(2)
    assert check_finite(a, "X") is a


def test_check_ndim_message_shows_shape() -> None:
    with pytest.raises(
        ValueError,
        match=r"x must be a 1-D or 2-D array \(a batch\), got an array "
        r"of shape \(1, 2, 3\)",
    ):
        check_ndim(np.zeros((1, 2, 3)), "x", (1, 2), "a batch")


@pytest.mark.parametrize(
    ("bad", "exc"),
    [
        (0, ValueError),
        (-1.5, ValueError),
        (float("nan"), ValueError),
        ("1", TypeError),
        (True, TypeError),
    ],
)
def test_check_positive(bad: object, exc: type[Exception]) -> None:
    with pytest.raises(exc, match=r"^eta must be a positive real number, got "):
        check_positive(bad, "eta")
    assert check_positive(0.5, "eta") == 0.5


@pytest.mark.parametrize(("bad", "exc"), [(0, ValueError), (2.0, TypeError), (False, TypeError)])
def test_check_positive_int(bad: object, exc: type[Exception]) -> None:
    with pytest.raises(exc, match=r"^epochs must be a positive integer, got "):
        check_positive_int(bad, "epochs")
    assert check_positive_int(np.int64(3), "epochs") == 3


def test_check_rng_accepts_seed_generator_none() -> None:
    g = np.random.default_rng(1)
    assert check_rng(g) is g
    assert check_rng(5).integers(100) == np.random.default_rng(5).integers(100)
    assert isinstance(check_rng(None), np.random.Generator)
    with pytest.raises(
        TypeError,
        match=r"^rng must be a numpy.random.Generator, a non-negative int seed or "
        r"None, got 1.5",
    ):
        check_rng(1.5)
    with pytest.raises(ValueError, match=r"^rng must be .*non-negative int seed.*, got -1$"):
        check_rng(-1)  # NumPy's own message would not name rng
