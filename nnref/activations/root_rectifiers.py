"""Smooth rectifiers, part three: curves built from square roots.

ISRLU (the inverse square root linear unit), squareplus and the bent identity: algebraic,
exponential-free smooth versions of the ReLU corner.
"""

from __future__ import annotations

import math

import numpy as np

from nnref._typing import Array
from nnref.activations import _stable
from nnref.activations._core import (
    Activation,
    const,
    non_negative,
    positive,
    register,
)
from nnref.activations.s_curves import _isru, _isru_grad

__all__ = [
    "bent_identity",
    "isrlu",
    "squareplus",
]


def _isrlu(x: Array, alpha: float) -> Array:
    # The ISRU curve on the negative inputs, the identity on the others.
    return np.where(x >= 0, x, _isru(np.minimum(x, 0.0), alpha))


def _isrlu_grad(x: Array, alpha: float) -> Array:
    return np.where(x >= 0, const(x, 1.0), _isru_grad(np.minimum(x, 0.0), alpha))


isrlu = register(
    Activation(
        key="isrlu",
        name="Inverse square root linear unit (ISRLU)",
        fn=_isrlu,
        grad=_isrlu_grad,
        formula=r"\operatorname{ISRLU}(x) = \begin{cases} x & x \ge 0 \\ \dfrac{x}{\sqrt{1 +"
        r" \alpha x^2}} & x < 0 \end{cases}",
        derivative_formula=r"\operatorname{ISRLU}'(x) = \begin{cases} 1 & x \ge 0 \\"
        r" \left(\dfrac{1}{\sqrt{1 + \alpha x^2}}\right)^3 & x < 0 \end{cases}",
        output_range=(-1.0, np.inf),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="left",
        defaults={"alpha": 1.0},
        check=non_negative("alpha"),
        family="smooth rectifier",
        summary="Identity for x ≥ 0, an ISRU curve bounded by -1/√α below.",
        strengths=(
            "ELU-like shape without an exponential: a square root instead.",
            "Smooth: value and slope match at 0 (and even the curvature).",
        ),
        problems=("The gradient vanishes for very negative inputs.",),
        doc="""ISRLU: $x$ for $x \\ge 0$ and $x/\\sqrt{1 + \\alpha x^2}$ for $x < 0$.

ISRLU (Carlile et al., 2017) is an ELU whose negative part is the inverse square root curve
$x/\\sqrt{1 + \\alpha x^2}$ instead of an exponential: the identity for $x \\ge 0$, levelling
off at $-1/\\sqrt\\alpha$ below. Its authors proposed it as a faster ELU for convolutional
networks, on hardware where an inverse square root costs less than an exponential.

Notes:
    The default $\\alpha = 1$ is our choice. PyTorch has no ISRLU.

Examples:
    >>> isrlu([-10.0, -1.0, 0.0, 2.0])
    array([-0.99503719, -0.70710678,  0.        ,  2.        ])
""",
    )
)


def _squareplus_parts(x: Array, b: float) -> tuple[Array, Array]:
    """$r = \\sqrt{x^2 + b}$ and $g = b / (2(r + |x|))$, which equals squareplus(-|x|).

    $r$ is computed without squaring $x$ (which overflows beyond about $10^{154}$), and
    $g$ as $(b/4) / (r/2 + |x|/2)$, whose denominator cannot overflow either.
    """
    a = np.abs(x)
    r = _stable.hypot(a, math.sqrt(b))
    g = 0.5 * r
    a *= 0.5
    g += a
    np.divide(0.25 * b, g, out=g)
    return r, g


def _squareplus(x: Array, b: float) -> Array:
    # squareplus(x) - squareplus(-x) = x, so squareplus(x) = max(x, 0) + squareplus(-|x|),
    # and squareplus(-|x|) = b / (2 (sqrt(x^2 + b) + |x|)) has no cancellation.
    _, g = _squareplus_parts(x, b)
    g += np.maximum(x, 0.0)
    return g


def _squareplus_grad(x: Array, b: float) -> Array:
    # (1 + x/r)/2 = (x + r)/(2r) = f(x)/r, with f(x) computed without cancellation.
    r, g = _squareplus_parts(x, b)
    g += np.maximum(x, 0.0)
    g /= r
    return g


squareplus = register(
    Activation(
        key="squareplus",
        name="Squareplus",
        fn=_squareplus,
        grad=_squareplus_grad,
        formula=r"\operatorname{squareplus}(x) = \frac{x + \sqrt{x^2 + b}}{2}",
        derivative_formula=r"\operatorname{squareplus}'(x) = \frac12\left(1 +"
        r" \frac{x}{\sqrt{x^2 + b}}\right)",
        output_range=(0.0, np.inf),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="left",
        defaults={"b": 4.0},
        check=positive("b"),
        family="smooth rectifier",
        summary="A softplus look-alike from a square root: (x + √(x² + b)) / 2.",
        strengths=(
            "Smooth and positive like softplus, but needs only a square root.",
            "b sets the curvature at 0; b → 0 gives ReLU.",
        ),
        problems=("Approaches 0 only slowly (like b / 4|x|) for negative inputs.",),
        doc="""Squareplus: $(x + \\sqrt{x^2 + b})/2$, with $b = 4$ as in JAX's ``squareplus``.

Squareplus (Barron, 2021), $(x + \\sqrt{x^2 + b})/2$, imitates softplus with a square root
instead of an exponential and a logarithm, so it is cheaper to compute. Like softplus it is
smooth and positive, close to 0 far to the left and close to $x$ far to the right; $b$ sets how
round the corner is, and $b \\to 0$ gives ReLU.

Notes:
    The default $b = 4$ is the one of JAX's ``squareplus``. Computed as $\\max(x, 0) + b /
    (2(\\sqrt{x^2 + b} + |x|))$, the same number without the cancellation that the plain formula
    suffers for large negative $x$; the square root is formed without squaring $x$, so nothing
    overflows. PyTorch has no squareplus.

Examples:
    >>> squareplus([-10.0, 0.0, 10.0])
    array([ 0.09901951,  1.        , 10.09901951])
""",
    )
)


def _bent_identity(x: Array) -> Array:
    # (sqrt(x^2 + 1) - 1) / 2 = x^2 / (2 (h + 1)) with h = sqrt(x^2 + 1), which does not
    # cancel near 0, so f = x (1 + t/2) with t = x / (h + 1) in (-1, 1): no square to
    # overflow, no cancellation (1 + t/2 is between 1/2 and 3/2), and t is computed from x
    # clipped to the float range, so that x = -inf gives -inf. Only a true value beyond the
    # float range (x near the largest float) is inf.
    big = float(np.finfo(x.dtype).max)
    xc = np.clip(x, -big, big)
    t = _stable.hypot(np.abs(xc), 1.0)
    t += 1.0
    np.divide(xc, t, out=t)
    t *= 0.5
    t += 1.0
    with np.errstate(over="ignore"):
        t *= x
    return t


def _bent_identity_grad(x: Array) -> Array:
    # x / (2 sqrt(x^2 + 1)) + 1
    r = _stable.hypot(np.abs(x), 1.0)
    np.divide(x, r, out=r)
    r *= 0.5
    r += 1.0
    return r


bent_identity = register(
    Activation(
        key="bent_identity",
        name="Bent identity",
        fn=_bent_identity,
        grad=_bent_identity_grad,
        formula=r"f(x) = \frac{\sqrt{x^2 + 1} - 1}{2} + x",
        derivative_formula=r"f'(x) = \frac{x}{2\sqrt{x^2 + 1}} + 1",
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="none",
        family="smooth rectifier",
        summary="The identity bent smoothly: slope 1/2 far left, 3/2 far right.",
        strengths=(
            "Its slope stays between 1/2 and 3/2, so gradients neither vanish nor explode.",
            "Smooth and cheap (one square root).",
        ),
        problems=(
            "Unbounded on both sides.",
            "Only mildly non-linear.",
        ),
        doc="""Bent identity: $(\\sqrt{x^2 + 1} - 1)/2 + x$.

The bent identity adds a smooth hyperbola to the identity, so its slope rises from $1/2$ far to
the left to $3/2$ far to the right, with no flat region and no corner. It is a mild
non-linearity found in catalogues of activation functions rather than in well-known
architectures.

Notes:
    Computed as $x^2 / (2(\\sqrt{x^2+1} + 1)) + x$, which is the same number without the
    cancellation near 0, arranged so that no square can overflow. PyTorch has no bent identity.

Examples:
    >>> bent_identity([-2.0, 0.0, 2.0])
    array([-1.38196601,  0.        ,  2.61803399])
""",
    )
)
