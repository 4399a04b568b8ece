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


def softplus(x: Array) -> Array:
    """$\\log(1 + e^{x})$ as $\\max(x, 0) + \\log(1 + e^{-|x|})$."""
    e = exp_neg_abs(x)
    np.log1p(e, out=e)
    e += np.maximum(x, 0.0)
    return e


def log_sigmoid(x: Array) -> Array:
    """$\\log \\sigma(x) = -\\log(1 + e^{-x})$ as $\\min(x, 0) - \\log(1 + e^{-|x|})$."""
    e = exp_neg_abs(x)
    np.log1p(e, out=e)
    np.subtract(np.minimum(x, 0.0), e, out=e)
    return e


def max_shift(x: Array, axis: int) -> Array:
    """``x`` minus its maximum along ``axis`` (so the largest entry is 0)."""
    shifted: Array = x - np.max(x, axis=axis, keepdims=True)
    return shifted
