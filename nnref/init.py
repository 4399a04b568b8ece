"""Weight initialisation: the random numbers a network starts from.

Training needs a starting point that is neither all equal (if every weight of a layer starts
at the same value, every unit computes the same thing and receives the same update, so the
units stay clones forever: the *symmetry* problem) nor badly scaled (too large and sigmoid
units saturate or ReLU activity explodes layer after layer; too small and the signal and its
gradient shrink towards zero). The schemes below draw independent random weights whose
spread depends on the layer's size:

| name | distribution | spread |
|---|---|---|
| ``zeros`` | all $0$ | (breaks nothing only for biases) |
| ``uniform`` | $U(-a, a)$ | $a = 1/\\sqrt{n_\\text{in}}$ |
| ``normal`` | $N(0, \\sigma^2)$ | $\\sigma = 0.01$ |
| ``glorot_uniform`` | $U(-a, a)$ | $a = \\sqrt{6 / (n_\\text{in} + n_\\text{out})}$ |
| ``glorot_normal`` | $N(0, \\sigma^2)$ | $\\sigma = \\sqrt{2 / (n_\\text{in} + n_\\text{out})}$ |
| ``he_uniform`` | $U(-a, a)$ | $a = \\sqrt{6 / n_\\text{in}}$ |
| ``he_normal`` | $N(0, \\sigma^2)$ | $\\sigma = \\sqrt{2 / n_\\text{in}}$ |

Glorot (Xavier) keeps the variance of activations and gradients roughly constant through
tanh or sigmoid layers; He (Kaiming) doubles it to make up for ReLU zeroing half its inputs.
``xavier_*`` and ``kaiming_*`` are accepted as aliases by [`get`][nnref.init.get]. The normal
schemes use the plain normal distribution, as PyTorch's ``xavier_normal_`` and
``kaiming_normal_`` do (Keras truncates it).

Every function takes a ``shape``, an ``rng`` (a ``numpy.random.Generator`` or an int seed) and
a ``dtype``; numbers are drawn in float64 and then cast, so a seed gives the same weights
(up to rounding) in float32 and float64.

Examples:
    >>> from nnref import init
    >>> W = init.glorot_uniform((2, 3), rng=0)
    >>> W.shape, bool(np.all(np.abs(W) <= np.sqrt(6 / 5)))
    ((2, 3), True)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from numbers import Integral
from typing import Any

import numpy as np
from numpy.typing import DTypeLike, NDArray

from nnref._registry import Registry
from nnref._typing import Array
from nnref._validation import (
    check_float_dtype,
    check_positive,
    check_representable,
    check_result,
    check_rng,
    error,
)

__all__ = [
    "NAMES",
    "catalog",
    "fans",
    "get",
    "glorot_normal",
    "glorot_uniform",
    "he_normal",
    "he_uniform",
    "normal",
    "uniform",
    "zeros",
]

Initializer = Callable[..., Array]
RngLike = np.random.Generator | int | None


def _shape(shape: Any) -> tuple[int, ...]:
    if isinstance(shape, Integral) and not isinstance(shape, bool):
        shape = (shape,)
    try:
        dims = tuple(shape)
    except TypeError:
        raise error("shape", "a tuple of positive integers", shape, TypeError) from None
    if not dims or not all(
        isinstance(d, Integral) and not isinstance(d, bool) and int(d) > 0 for d in dims
    ):
        raise error("shape", "a non-empty tuple of positive integers", shape)
    return tuple(int(d) for d in dims)


def fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """The fan-in and fan-out of a weight array: how many inputs and outputs each unit has.

    Layouts follow the layers of this package: a dense weight matrix is ``(n_in, n_out)``
    (inputs along the rows, so $n_\\text{in}$ = ``shape[0]``; PyTorch stores the transpose),
    a convolution kernel is ``(C_out, C_in, kh, kw)`` with
    $n_\\text{in} = C_\\text{in} k_h k_w$ and $n_\\text{out} = C_\\text{out} k_h k_w$. A 1-D
    shape (a bias) counts as ``(1, n)``.

    Examples:
        >>> fans((784, 128))
        (784, 128)
        >>> fans((16, 3, 5, 5))
        (75, 400)
    """
    dims = _shape(shape)
    if len(dims) == 1:
        return 1, dims[0]
    if len(dims) == 2:
        return dims[0], dims[1]
    receptive = math.prod(dims[2:])
    return dims[1] * receptive, dims[0] * receptive


def _finish(values: NDArray[np.float64], dtype: DTypeLike, name: str = "shape") -> Array:
    """The drawn float64 values in ``dtype``; a spread beyond the dtype's range (a huge
    ``limit`` or ``std``, or float32) is an error naming that argument."""
    target = check_float_dtype(dtype)
    check_result(values, name, "the drawn weights")
    check_representable(values, target, name)
    out: Array = values.astype(target, copy=False)
    return out


def _symmetric_uniform(rng: np.random.Generator, a: float, dims: tuple[int, ...]) -> Array:
    """$U(-a, a)$; for an $a$ so large that $2a$ overflows, as $a \\cdot U(-1, 1)$."""
    if a <= np.finfo(np.float64).max / 2:
        drawn: Array = rng.uniform(-a, a, dims)
        return drawn
    scaled: Array = a * rng.uniform(-1.0, 1.0, dims)
    return scaled


def zeros(shape: tuple[int, ...], rng: RngLike = None, dtype: DTypeLike = np.float64) -> Array:
    """All zeros: $w = 0$. Right for biases; for weights it leaves every unit identical.

    ``rng`` is accepted (and ignored) so that every initialiser has the same signature.

    Examples:
        >>> zeros((2, 2))
        array([[0., 0.],
               [0., 0.]])
    """
    check_rng(rng)
    return np.zeros(_shape(shape), dtype=check_float_dtype(dtype))


def uniform(
    shape: tuple[int, ...],
    rng: RngLike = None,
    dtype: DTypeLike = np.float64,
    limit: float | None = None,
) -> Array:
    """Uniform in $[-a, a)$ with $a = 1/\\sqrt{n_\\text{in}}$ unless ``limit`` gives $a$.

    $1/\\sqrt{n_\\text{in}}$ is the bound of PyTorch's default ``nn.Linear`` initialisation.

    Examples:
        >>> W = uniform((4, 3), rng=0)
        >>> bool(np.all(np.abs(W) <= 0.5))
        True
    """
    dims = _shape(shape)
    a = 1.0 / math.sqrt(fans(dims)[0]) if limit is None else check_positive(limit, "limit")
    return _finish(_symmetric_uniform(check_rng(rng), a, dims), dtype, "limit")


def normal(
    shape: tuple[int, ...],
    rng: RngLike = None,
    dtype: DTypeLike = np.float64,
    std: float = 0.01,
) -> Array:
    """Normal with mean 0 and standard deviation $\\sigma$ = ``std`` (0.01): small random values.

    Examples:
        >>> W = normal((1000, 10), rng=0)
        >>> round(float(W.std()), 2)
        0.01
    """
    sigma = check_positive(std, "std")
    with np.errstate(over="ignore", invalid="ignore"):
        drawn = check_rng(rng).normal(0.0, sigma, _shape(shape))
    return _finish(drawn, dtype, "std")


def glorot_uniform(
    shape: tuple[int, ...], rng: RngLike = None, dtype: DTypeLike = np.float64
) -> Array:
    """Glorot/Xavier uniform: $U(-a, a)$, $a = \\sqrt{6 / (n_\\text{in} + n_\\text{out})}$.

    The variance $a^2/3 = 2/(n_\\text{in} + n_\\text{out})$ balances the forward and the
    backward signal (Glorot and Bengio, 2010). The default of [`Dense`][nnref.layers.Dense].

    Examples:
        >>> W = glorot_uniform((3, 3), rng=0)
        >>> bool(np.all(np.abs(W) <= 1.0))
        True
    """
    dims = _shape(shape)
    fan_in, fan_out = fans(dims)
    a = math.sqrt(6.0 / (fan_in + fan_out))
    return _finish(check_rng(rng).uniform(-a, a, dims), dtype)


def glorot_normal(
    shape: tuple[int, ...], rng: RngLike = None, dtype: DTypeLike = np.float64
) -> Array:
    """Glorot/Xavier normal: $N(0, \\sigma^2)$, $\\sigma^2 = 2 / (n_\\text{in} + n_\\text{out})$.

    Examples:
        >>> W = glorot_normal((500, 300), rng=0)
        >>> round(float(W.std()), 3), round(float(np.sqrt(2 / 800)), 3)
        (0.05, 0.05)
    """
    dims = _shape(shape)
    fan_in, fan_out = fans(dims)
    return _finish(check_rng(rng).normal(0.0, math.sqrt(2.0 / (fan_in + fan_out)), dims), dtype)


def he_uniform(shape: tuple[int, ...], rng: RngLike = None, dtype: DTypeLike = np.float64) -> Array:
    """He/Kaiming uniform: $U(-a, a)$, $a = \\sqrt{6 / n_\\text{in}}$, made for ReLU layers.

    The variance $2/n_\\text{in}$ makes up for ReLU setting about half of its inputs to zero
    (He et al., 2015); PyTorch's ``kaiming_uniform_`` with its ReLU gain.

    Examples:
        >>> W = he_uniform((6, 2), rng=0)
        >>> bool(np.all(np.abs(W) <= 1.0))
        True
    """
    dims = _shape(shape)
    a = math.sqrt(6.0 / fans(dims)[0])
    return _finish(check_rng(rng).uniform(-a, a, dims), dtype)


def he_normal(shape: tuple[int, ...], rng: RngLike = None, dtype: DTypeLike = np.float64) -> Array:
    """He/Kaiming normal: $N(0, \\sigma^2)$, $\\sigma = \\sqrt{2 / n_\\text{in}}$.

    Examples:
        >>> W = he_normal((800, 400), rng=0)
        >>> round(float(W.std()), 3)
        0.05
    """
    dims = _shape(shape)
    return _finish(check_rng(rng).normal(0.0, math.sqrt(2.0 / fans(dims)[0]), dims), dtype)


_CATALOGUE: Registry[Initializer] = Registry(
    "initialiser",
    "init",
    "a callable or an initialiser name such as 'glorot_uniform'",
    callable,
)
_ALIASES = {
    "glorot_uniform": ("xavier_uniform",),
    "glorot_normal": ("xavier_normal",),
    "he_uniform": ("kaiming_uniform",),
    "he_normal": ("kaiming_normal",),
}
for _scheme in (zeros, uniform, normal, glorot_uniform, glorot_normal, he_uniform, he_normal):
    _CATALOGUE.add(_scheme.__name__, _scheme, _ALIASES.get(_scheme.__name__, ()))

NAMES: tuple[str, ...] = _CATALOGUE.keys()
"""The scheme names [`get`][nnref.init.get] knows (aliases not included), in table order."""


def get(name: str | Initializer) -> Initializer:
    """Look up an initialisation scheme by name or alias; a callable is returned as is.

    Raises:
        ValueError: for an unknown name, naming it and listing the known names and aliases
            (the same error as [`nnref.activations.get`][nnref.activations.get] and
            [`nnref.losses.get`][nnref.losses.get]).
        TypeError: for anything that is neither a string nor a callable.

    Examples:
        >>> get("kaiming_normal") is he_normal
        True
        >>> get("ones")
        Traceback (most recent call last):
        ...
        ValueError: init must be one of 'zeros', 'uniform', 'normal', 'glorot_uniform', \
'glorot_normal', 'he_uniform', 'he_normal' (or 'xavier_uniform', 'xavier_normal', \
'kaiming_uniform', 'kaiming_normal'), got 'ones'
    """
    return _CATALOGUE.get(name)


def catalog() -> list[Initializer]:
    """Every initialisation scheme, in table order (the functions themselves).

    Examples:
        >>> [f.__name__ for f in catalog()][:3]
        ['zeros', 'uniform', 'normal']
    """
    return _CATALOGUE.entries()
