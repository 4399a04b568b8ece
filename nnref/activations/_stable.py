"""Numerically stable building blocks shared by several families.

Every function takes a float32 or float64 array (at least 1-D) and returns a new array of the
same dtype; none of them overflows or divides by zero for any finite input. Temporaries are
updated in place, and sign-dependent formulas are blended with ``minimum``/``maximum`` rather
than ``np.where`` (which is several times slower than an ``exp`` when the signs are mixed),
so they stay close to the speed of the naive one-line formulas.
"""

from __future__ import annotations

import numpy as np

from nnref._typing import Array


def exp_neg_abs(x: Array) -> Array:
    """$e^{-|x|}$, in $(0, 1]$ for every input."""
    e = np.copysign(x, -1.0)
    np.exp(e, out=e)
    return e


def sigmoid(x: Array) -> Array:
    """$\\sigma(x) = 1/(1+e^{-x})$ as $e^{\\min(x, 0)} / (1 + e^{-|x|})$.

    For $x \\ge 0$ this is $1/(1 + e^{-x})$, for $x < 0$ it is $e^{x}/(1 + e^{x})$: both
    exponents are at most 0, so nothing overflows and tiny values keep their digits.
    """
    num = np.minimum(x, 0.0)
    np.exp(num, out=num)
    den = exp_neg_abs(x)
    den += 1.0
    np.divide(num, den, out=num)
    return num


def sigmoid_slope(x: Array) -> Array:
    """$\\sigma'(x) = \\sigma(x)\\,\\sigma(-x)$ as $e^{-|x|} / (1 + e^{-|x|})^2$.

    The product form $\\sigma(x)(1 - \\sigma(x))$ loses every digit once $\\sigma(x)$ rounds
    to 1 (from about $x = 17$ in float64, 8 in float32); this form keeps them all.
    """
    e = exp_neg_abs(x)
    d = e + 1.0
    np.multiply(d, d, out=d)
    np.divide(e, d, out=e)
    return e


def sech2(x: Array) -> Array:
    """$1 - \\tanh^2(x) = \\operatorname{sech}^2(x)$ as $4e^{-2|x|} / (1 + e^{-2|x|})^2$,
    without the cancellation of $1 - \\tanh^2$ where $\\tanh$ rounds to $\\pm 1$."""
    e = exp_neg_abs(x)
    np.multiply(e, e, out=e)  # e^{-2|x|}, and 2|x| cannot overflow
    d = e + 1.0
    np.multiply(d, d, out=d)
    e *= 4.0
    np.divide(e, d, out=e)
    return e


def softplus_tail(x: Array) -> Array:
    """$\\log(1 + e^{-|x|})$, in $[0, \\ln 2]$: what softplus adds to $\\max(x, 0)$.

    Kept apart so that a caller can add it last, after terms that cancel: binary
    cross-entropy on logits computes $(\\max(z, 0) - y z) + \\log(1 + e^{-|z|})$, whose first
    part is exactly 0 for a confident right answer, so its tiny loss keeps every digit.
    """
    e = exp_neg_abs(x)
    np.log1p(e, out=e)
    return e


def softplus(x: Array) -> Array:
    """$\\log(1 + e^{x})$ as $\\max(x, 0) + \\log(1 + e^{-|x|})$."""
    e = softplus_tail(x)
    e += np.maximum(x, 0.0)
    return e


def log_sigmoid(x: Array) -> Array:
    """$\\log \\sigma(x) = -\\log(1 + e^{-x})$ as $\\min(x, 0) - \\log(1 + e^{-|x|})$."""
    e = softplus_tail(x)
    np.subtract(np.minimum(x, 0.0), e, out=e)
    return e


def hypot(a: Array, c: float) -> Array:
    """$\\sqrt{a^2 + c^2}$ for $a \\ge 0$ (an array) and a constant $c \\ge 0$, never overflowing.

    Computed as ``sqrt(a * a + c * c)``. Where $a^2$ overflows ($a$ beyond about
    $1.3 \\cdot 10^{154}$ in float64), $c^2$ is far below the last digit of $a^2$ and the
    result is $a$ itself, which is put there. Faster than ``np.hypot``, which rescales
    every element.
    """
    with np.errstate(over="ignore"):
        r = a * a
    r += c * c
    np.sqrt(r, out=r)
    beyond = np.isinf(r)
    if np.any(beyond):
        r[beyond] = a[beyond]
    return r


def max_shift(x: Array, axis: int) -> Array:
    """``x`` minus its maximum along ``axis`` (so the largest entry is 0).

    A difference beyond the float range (the largest float minus the most negative one)
    is -inf, whose exponential, 0, is exactly right.
    """
    with np.errstate(over="ignore"):
        shifted: Array = x - np.max(x, axis=axis, keepdims=True)
    return shifted


def _shift_and_rest(x: Array, axis: int) -> tuple[Array, Array, Array]:
    """``z = x - max x``, ``e = exp(z)`` and the sum of ``e`` without one largest entry.

    The largest entry contributes exactly 1 to $\\sum_j e^{z_j}$, so the sum is
    $1 + r$; keeping $r$ apart lets log-softmax take $\\ln(1 + r)$ as ``log1p(r)``, which
    keeps the digits of a log-probability close to 0 (where $\\ln \\sum$ would round it away).
    The slices are handled as the rows of a 2-D array (a view for the last axis).
    """
    last = axis in (-1, x.ndim - 1)
    moved = x if last else np.moveaxis(x, axis, -1)  # (moveaxis costs more than a small exp)
    flat = moved.reshape(-1, moved.shape[-1])
    rows = np.arange(flat.shape[0])
    top = np.argmax(flat, axis=1)
    with np.errstate(over="ignore"):  # -inf: its exponential, 0, is exactly right
        z: Array = flat - flat[rows, top][:, None]
    e = np.exp(z)
    e[rows, top] = 0.0
    rest = np.sum(e, axis=1, keepdims=True)
    # z at the maximum is 0, or NaN when the maximum is +inf or NaN: adding it makes such a
    # slice NaN throughout.
    rest += z[rows, top][:, None]
    e[rows, top] = 1.0

    def back(a: Array) -> Array:
        a = a.reshape(*moved.shape[:-1], a.shape[-1])
        return a if last else np.moveaxis(a, -1, axis)

    return back(z), back(e), back(rest)


def softmax(x: Array, axis: int = -1) -> Array:
    """$e^{x_i} / \\sum_j e^{x_j}$ along ``axis``, as $e^{z_i} / (1 + r)$ with
    $z = x - \\max x$ and $r$ the sum of $e^{z_j}$ without the largest entry: every
    exponent is at most 0 and the sum is at least 1."""
    _, e, rest = _shift_and_rest(x, axis)
    rest += 1.0
    e /= rest
    return e


def log_softmax(x: Array, axis: int = -1) -> Array:
    """$x_i - \\ln \\sum_j e^{x_j}$ along ``axis``, as $z_i - \\ln(1 + r)$ with
    $z = x - \\max x$ and $r$ the sum of $e^{z_j}$ without the largest entry: no overflow,
    never the logarithm of 0, and full accuracy for log-probabilities close to 0."""
    z, _, rest = _shift_and_rest(x, axis)
    z -= np.log1p(rest)
    return z


def log_softmax_and_softmax(x: Array, axis: int = -1) -> tuple[Array, Array]:
    """``(log_softmax(x), softmax(x))`` from one shared exponential, bit for bit the same
    values as the two functions above (what cross-entropy needs for its value and gradient)."""
    z, e, rest = _shift_and_rest(x, axis)
    z -= np.log1p(rest)
    rest += 1.0
    e /= rest
    return z, e
