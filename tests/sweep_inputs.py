"""The catalogue of bad and extreme inputs that ``test_sweep`` feeds to every entry point.

An argument of an entry point has a *kind* (a sample matrix, labels, a positive integer, a
seed, ...). For each kind, ``bad(valid)`` lists values that must be refused with a clear
``ValueError``/``TypeError`` naming the argument, and ``extreme(valid)`` lists valid but
extreme values that must give a finite result without a warning (or a clear error, where
the result cannot be computed: a kernel larger than the image, say). Both are built from the
valid value of the argument in that entry point, so a wrong feature count or a NaN lands in
an otherwise valid call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

Cases = list[tuple[str, Any]]


@dataclass(frozen=True)
class Entry:
    """One public entry point, called with valid ``args``; the sweep varies them one by one.

    Attributes:
        name: The test id.
        target: The dotted public name(s) this entry sweeps (``nnref.linear.Perceptron.fit``,
            a tuple for several); several entries may sweep one target.
        run: ``run(**args)`` makes the call (building whatever object it needs first).
        args: Argument name -> (kind, valid value).
        names: The names an error may use for an argument, when not the argument's own.
        fixed: Arguments that are not varied.
        inf_ok: The documented result may be infinite (a loss of values beyond the float
            range), though never NaN.
        rate_names: For an entry point that trains: the names of its learning rate; an
            extreme value may then end in a ``DivergenceWarning`` naming one of them.
        keeps: For a constructor: a check that the object copied the arrays it was given
            (returns "ok" or what went wrong).
        mutates: Arguments the entry point documents to change in place (the parameters an
            optimiser updates); every other argument must come back unchanged.
    """

    name: str
    target: str | tuple[str, ...]
    run: Callable[..., Any]
    args: dict[str, tuple[Kind, Any]] = field(default_factory=dict)
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fixed: tuple[str, ...] = ()
    inf_ok: bool = False
    rate_names: tuple[str, ...] = ()
    keeps: Callable[[], str] | None = None
    mutates: tuple[str, ...] = ()

    @property
    def targets(self) -> tuple[str, ...]:
        return (self.target,) if isinstance(self.target, str) else self.target

    @property
    def diverges(self) -> bool:
        return bool(self.rate_names)


@dataclass(frozen=True)
class Kind:
    """How to break an argument of this kind (``bad``) and how to push it (``extreme``)."""

    name: str
    bad: Callable[[Any], Cases]
    extreme: Callable[[Any], Cases] = lambda valid: []


def _arr(valid: Any) -> np.ndarray:
    return np.asarray(valid)


def _with(valid: Any, value: float) -> np.ndarray:
    """A float copy of ``valid`` with its first entry replaced by ``value``."""
    arr = np.array(valid, dtype=np.float64)
    arr.flat[0] = value
    return arr


def _float_array_bad(valid: Any) -> Cases:
    """What no numeric array argument accepts: wrong types, non-finite values."""
    arr = _arr(valid)
    cases: Cases = [
        ("None", None),
        ("a string", "abc"),
        ("complex", arr.astype(np.complex128) + 1j),
        ("strings", arr.astype(str)),
        ("object dtype", np.array([object()] * max(arr.size, 1)).reshape(arr.shape or (1,))),
        ("a dict", {"x": 1.0}),
    ]
    if arr.size:
        cases += [("NaN", _with(arr, np.nan)), ("inf", _with(arr, np.inf))]
        cases += [("-inf", _with(arr, -np.inf))]
    if arr.ndim >= 1:
        ragged = [list(row) if np.ndim(row) else [row] for row in arr.tolist()]
        if len(ragged) > 1:
            ragged[0] = ragged[0] + [1.0]
            cases.append(("ragged", ragged))
    return cases


def _float_array_extreme(valid: Any) -> Cases:
    arr = np.asarray(valid, dtype=np.float64)
    if not arr.size:
        return []
    spread = arr - arr.mean() if arr.size > 1 and np.ptp(arr) else arr + 1.0
    return [
        ("huge (1e300)", arr * 1e300 + spread * 1e300),
        ("largest floats", np.where(spread >= 0, 1.0, -1.0) * np.finfo(np.float64).max),
        ("tiny (1e-300)", spread * 1e-300),
        ("subnormal", spread * 5e-324 * 7),
        ("float32", np.asarray(valid, dtype=np.float32)),
        ("float32 huge", (spread * 1e37).astype(np.float32)),
    ]


def _shape_bad(valid: Any, ndims: tuple[int, ...]) -> Cases:
    """Wrong number of dimensions and empty axes."""
    arr = np.asarray(valid, dtype=np.float64)
    cases: Cases = []
    if arr.ndim - 1 not in ndims and arr.ndim >= 2:
        cases.append(("one dimension fewer", arr.reshape(arr.shape[:-2] + (-1,))))
    if arr.ndim - 1 not in ndims and arr.ndim == 1:
        cases.append(("one dimension fewer", arr[0]))
    if arr.ndim + 1 not in ndims:
        cases.append(("one dimension more", arr[..., None]))
    if 0 not in ndims:
        cases.append(("a number", 1.0))
    if arr.ndim >= 1:
        cases.append(("empty first axis", arr[:0]))
    if arr.ndim >= 2:
        cases.append(("empty last axis", arr[..., :0]))
    return cases


def array_kind(name: str, ndims: tuple[int, ...], extreme: bool = True) -> Kind:
    """A float array of one of ``ndims`` dimensions, non-empty and finite."""
    return Kind(
        name,
        lambda valid: _float_array_bad(valid) + _shape_bad(valid, ndims),
        _float_array_extreme if extreme else lambda valid: [],
    )


def optional(kind: Kind) -> Kind:
    """``kind``, with None allowed (an argument whose default None means "not given")."""
    return Kind(
        kind.name + " or None",
        lambda valid: [case for case in kind.bad(valid) if case[1] is not None],
        kind.extreme,
    )


def without(kind: Kind, *labels: str) -> Kind:
    """``kind`` without the bad cases of these labels (valid for this argument)."""
    return Kind(
        kind.name,
        lambda valid: [case for case in kind.bad(valid) if case[0] not in labels],
        kind.extreme,
    )


def _feature_bad(valid: Any) -> Cases:
    arr = np.asarray(valid, dtype=np.float64)
    return [("one feature more", np.concatenate([arr, arr[..., :1]], axis=-1))]


def matrix_kind(name: str = "matrix", features: bool = True, extreme: bool = True) -> Kind:
    """Samples ``(n, d)``; with ``features``, ``d`` is fixed by the call (one more is wrong)."""
    base = array_kind(name, (2,), extreme)
    return Kind(
        name,
        lambda valid: base.bad(valid) + (_feature_bad(valid) if features else []),
        base.extreme,
    )


def _labels_bad(valid: Any) -> Cases:
    arr = np.asarray(valid)
    n = arr.shape[0]
    mixed = np.array([0, "a"] * (n // 2) + [0] * (n % 2), dtype=object)
    return [
        ("None", None),
        ("2-D", arr.reshape(-1, 1).repeat(2, axis=1)),
        ("one label fewer", arr[:-1]),
        ("empty", arr[:0]),
        ("NaN", np.where(np.arange(n) == 0, np.nan, arr.astype(np.float64))),
        ("one class", np.full(n, arr[0])),
        ("mixed objects", mixed),
        ("complex", arr.astype(np.complex128)),
        ("a string", "abc"),
    ]


LABELS = Kind("labels", _labels_bad)
"""Class labels, one per sample, at least two classes."""


def _targets_bad(valid: Any) -> Cases:
    arr = np.asarray(valid, dtype=np.float64)
    return [
        ("None", None),
        ("a string", "abc"),
        ("one row fewer", arr[:-1]),
        ("NaN", _with(arr, np.nan)),
        ("inf", _with(arr, np.inf)),
        ("complex", arr.astype(np.complex128)),
        ("strings", arr.astype(str)),
    ]


TARGETS = Kind("targets", _targets_bad)
"""Targets of a loss or a fit, shaped like the predictions (or class indices)."""


def _int_bad(low: int, none_ok: bool) -> Callable[[Any], Cases]:
    def cases(valid: Any) -> Cases:
        out: Cases = [
            ("below the minimum", low - 1),
            ("negative", -5),
            ("a float", 2.5),
            ("an integral float", float(max(low, 1) + 1)),
            ("a string", "3"),
            ("True", True),
            ("NaN", float("nan")),
            ("an array", np.array([max(low, 1), max(low, 1)])),
        ]
        return out if none_ok else [*out, ("None", None)]

    return cases


def int_kind(low: int = 1, extreme: Cases | None = None, none_ok: bool = False) -> Kind:
    """An int of at least ``low`` (or None, where ``none_ok``)."""
    return Kind(f"int>={low}", _int_bad(low, none_ok), lambda valid: list(extreme or []))


POSITIVE_INT = int_kind(1)
NONNEGATIVE_INT = int_kind(0)
OPTIONAL_INT = int_kind(1, none_ok=True)
"""A positive int or None (the default meaning "not given")."""


def _real_bad(low_ok: Callable[[float], bool], none_ok: bool = False) -> Callable[[Any], Cases]:
    def cases(valid: Any) -> Cases:
        out: Cases = [
            ("NaN", float("nan")),
            ("inf", float("inf")),
            ("-inf", float("-inf")),
            ("a string", "0.1"),
            ("True", True),
            ("complex", 1 + 1j),
            ("a list", [0.1, 0.2, 0.3]),
        ]
        out += [(label, v) for label, v in (("zero", 0.0), ("negative", -1.0)) if not low_ok(v)]
        return out if none_ok else [*out, ("None", None)]

    return cases


def real_kind(
    name: str, low_ok: Callable[[float], bool], extreme: Cases | None = None, none_ok: bool = False
) -> Kind:
    """A finite real number; ``low_ok`` says whether 0 and -1 are allowed."""
    return Kind(name, _real_bad(low_ok, none_ok), lambda valid: list(extreme or []))


BIG = float(np.finfo(np.float64).max)
HUGE_AND_TINY: Cases = [("huge", 1e300), ("largest", BIG), ("tiny", 1e-300), ("subnormal", 5e-324)]
POSITIVE = real_kind("real>0", lambda v: v > 0, HUGE_AND_TINY)
NONNEGATIVE = real_kind("real>=0", lambda v: v >= 0, HUGE_AND_TINY)
REAL = real_kind("real", lambda v: True, [("huge", 1e300), ("-largest", -BIG), ("tiny", 1e-300)])
RATE = real_kind("learning rate", lambda v: v > 0, HUGE_AND_TINY)
OPTIONAL_POSITIVE = real_kind("real>0 or None", lambda v: v > 0, HUGE_AND_TINY, True)


def _unit_bad(valid: Any) -> Cases:
    return _real_bad(lambda v: False)(valid) + [("one", 1.0), ("above one", 1.5)]


FRACTION = Kind("fraction", _unit_bad)
"""A real number in (0, 1) or [0, 1)."""


def _rng_bad(valid: Any) -> Cases:
    return [
        ("negative seed", -1),
        ("a float", 0.5),
        ("a string", "seed"),
        ("a list", [1, 2]),
        ("True", True),
        ("legacy RandomState", np.random.RandomState(0)),
    ]


RNG = Kind("rng", _rng_bad, lambda valid: [("huge seed", 2**200), ("zero", 0)])
"""A ``numpy.random.Generator`` or a non-negative int seed."""


def _bool_bad(valid: Any) -> Cases:
    return [("a string", "yes"), ("an int", 1), ("None", None), ("an array", np.array([True]))]


BOOL = Kind("bool", _bool_bad)


def choice_kind(*others: str) -> Kind:
    """One of a few strings; ``others`` are further wrong strings worth trying."""
    return Kind(
        "choice",
        lambda valid: (
            [("unknown", "no-such-choice"), ("None", None), ("an int", 3), ("in a list", [valid])]
            + [("bytes", str(valid).encode())]
            + [(f"{o!r}", o) for o in others]
        ),
    )


CHOICE = choice_kind()


def _key_bad(valid: Any) -> Cases:
    return [("unknown key", "no_such_key"), ("None", None), ("an int", 3), ("a list", ["relu"])]


KEY = Kind("key", _key_bad)
"""A catalogue key (activation, loss, initialiser) or the object itself."""


def _dtype_bad(valid: Any) -> Cases:
    return [("int", np.int64), ("float16", "float16"), ("a word", "double-ish"), ("a list", [1])]


DTYPE = Kind("dtype", _dtype_bad)


def _pair_bad(valid: Any) -> Cases:
    return [
        ("zero", 0),
        ("negative", -1),
        ("a float", 1.5),
        ("a string", "2"),
        ("None", None),
        ("True", True),
        ("three numbers", (1, 1, 1)),
        ("one number in a tuple", (1,)),
    ]


PAIR = Kind("int pair", _pair_bad, lambda valid: [("huge", 10**9)])
"""A positive int or a pair of them (kernel sizes, strides, dilations)."""


def _padding_bad(valid: Any) -> Cases:
    return [("negative", -1), ("a float", 0.5), ("unknown", "full"), ("None", None), ("True", True)]


PADDING = Kind("padding", _padding_bad, lambda valid: [("huge", 10**6)])


def _shape_tuple_bad(valid: Any) -> Cases:
    return [
        ("zero", (0, 2)),
        ("negative", (-1, 2)),
        ("a float", (2.5, 2)),
        ("a string", "22"),
        ("None", None),
        ("empty", ()),
    ]


SHAPE = Kind("shape", _shape_tuple_bad)


def _object_bad(valid: Any) -> Cases:
    return [("None", None), ("a number", 3), ("a string", "abc"), ("a list of numbers", [1, 2])]


OBJECT = Kind("object", _object_bad)
"""An object of a given protocol (a layer, a network, an estimator)."""


def _callable_bad(valid: Any) -> Cases:
    return [("None", None), ("a number", 3), ("a string", "abc")]


CALLABLE = Kind("callable", _callable_bad)
