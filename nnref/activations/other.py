"""Activations that fit no other family.

The family also holds three functions defined beside their relatives: log-sigmoid and the
piecewise linear unit (``sigmoid_like``) and the inverse hyperbolic sine (``s_curves``),
S-shaped or sigmoid-based but unbounded.
"""

from __future__ import annotations

import math

import numpy as np

from nnref._typing import Array
from nnref.activations._core import Activation, keep_nan, register

__all__ = ["soft_exponential"]


def _log_argument(x: Array, alpha: float) -> tuple[Array, Array]:
    """For alpha < 0: ``t`` $= x + \\alpha$ and ``inner`` $= -\\alpha t$, the argument of
    $\\ln(1 + \\cdot)$, which must exceed -1 (inf where the product passes the float range)."""
    t = x + alpha
    with np.errstate(over="ignore"):
        inner = t * -alpha
    outside = inner <= -1.0
    if np.any(outside):
        bound = 1.0 / alpha - alpha
        raise ValueError(
            f"x must be greater than 1/alpha - alpha = {bound!r} for soft_exponential with "
            f"alpha={alpha!r} (where 1 - alpha (x + alpha) > 0, the logarithm's domain), got "
            f"{int(np.count_nonzero(outside))} value(s) at or below it, the smallest "
            f"{float(np.min(x[outside]))!r}"
        )
    return t, inner


def _soft_exponential(x: Array, alpha: float) -> Array:
    if alpha == 0.0:
        return x.copy()
    if alpha > 0.0:
        with np.errstate(over="ignore"):  # e^{alpha x} beyond the float range: inf, rightly
            out: Array = np.expm1(x * alpha)
            out /= alpha
        out += alpha
        return out
    t, inner = _log_argument(x, alpha)
    out = np.log1p(inner)
    huge = np.isinf(inner)  # ln(1 + |alpha| t) = ln|alpha| + ln t once 1 is negligible
    if np.any(huge):
        out[huge] = math.log(-alpha) + np.log(t[huge])
    out /= -alpha
    return out


def _soft_exponential_grad(x: Array, alpha: float) -> Array:
    if alpha == 0.0:
        return keep_nan(np.ones_like(x), x)
    if alpha > 0.0:
        with np.errstate(over="ignore"):
            grown: Array = np.exp(x * alpha)
        return grown
    _, inner = _log_argument(x, alpha)
    inner += 1.0
    return np.divide(1.0, inner, out=inner)  # 1 / inf = 0: the true value underflows


soft_exponential = register(
    Activation(
        key="soft_exponential",
        name="Soft exponential",
        fn=_soft_exponential,
        grad=_soft_exponential_grad,
        formula=r"f_\alpha(x) = \begin{cases} -\dfrac{\ln\bigl(1 - \alpha(x + \alpha)\bigr)}"
        r"{\alpha} & \alpha < 0 \\ x & \alpha = 0 \\ \dfrac{e^{\alpha x} - 1}{\alpha} + \alpha"
        r" & \alpha > 0 \end{cases}",
        derivative_formula=r"f_\alpha'(x) = \begin{cases} \dfrac{1}{1 - \alpha(\alpha + x)} &"
        r" \alpha < 0 \\ e^{\alpha x} & \alpha \ge 0 \end{cases}",
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=True,
        saturates="none",
        defaults={"alpha": 0.0},
        family="other",
        summary="A learnable blend of logarithm (α < 0), identity (α = 0) and exponential (α > 0).",
        strengths=(
            "One parameter moves it continuously between log, linear and exponential, so a "
            "network can learn sums, products and powers.",
        ),
        problems=(
            "For alpha > 0 it grows exponentially and overflows for large alpha·x.",
            "For alpha < 0 it is defined only where 1 - alpha(x + alpha) > 0; an input "
            "outside that domain is an error (nnref raises ValueError naming the bound).",
        ),
        doc="""Soft exponential: log-like, linear or exponential by the sign of $\\alpha$.

Soft exponential (Godfrey and Gashler, 2015) is a family of curves indexed by one learnable
parameter $\\alpha$: logarithm-like for $\\alpha < 0$, the identity at $\\alpha = 0$ and
exponential-like for $\\alpha > 0$. The idea is that each unit could learn whether to add,
multiply or exponentiate what it receives, since a product is the exponential of a sum of
logarithms. It remains a research proposal rather than a standard layer.

Notes:
    With the default $\\alpha = 0$ (the usual initial value of this learnable parameter) it is
    the identity; the stated properties are for that case. For $\\alpha < 0$ the function is
    defined where $1 - \\alpha(x + \\alpha) > 0$, that is for $x > 1/\\alpha - \\alpha$; an
    input at or below that bound raises ``ValueError``. For $\\alpha > 0$ it grows like
    $e^{\\alpha x}$ and is inf where the true value passes the largest float ($\\alpha x$ beyond
    about 709 in float64). PyTorch has no counterpart.

Examples:
    >>> soft_exponential([-1.0, 0.0, 1.0], alpha=0.5)
    array([-0.28693868,  0.5       ,  1.79744254])
    >>> soft_exponential([-1.0, 0.0, 1.0], alpha=-0.5)
    array([-2.77258872, -0.57536414,  0.4462871 ])
""",
    )
)
