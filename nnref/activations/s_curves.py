"""Sigmoid-like activations, part two: S-curves built without the logistic function.

Algebraic ratios and roots (softsign, ISRU, SQNL), the inverse tangent and soft clipping. The
catalogue lists them after the logistic sigmoid and tanh of ``sigmoid_like``. The inverse
hyperbolic sine, also defined here, is unbounded and filed under "other".
"""

from __future__ import annotations

import math

import numpy as np

from nnref._typing import Array
from nnref.activations import _stable
from nnref.activations._core import (
    Activation,
    non_negative,
    positive,
    register,
)

__all__ = [
    "arctan",
    "arsinh",
    "isru",
    "soft_clipping",
    "softsign",
    "sqnl",
]


def _softsign(x: Array) -> Array:
    d = np.abs(x)
    d += 1.0
    return np.divide(x, d, out=d)


def _softsign_grad(x: Array) -> Array:
    # (1/(1 + |x|))^2: the square of the reciprocal underflows quietly where the square
    # of 1 + |x| would overflow.
    d = np.abs(x)
    d += 1.0
    np.divide(1.0, d, out=d)
    np.multiply(d, d, out=d)
    return d


softsign = register(
    Activation(
        key="softsign",
        name="Softsign",
        fn=_softsign,
        grad=_softsign_grad,
        formula=r"\operatorname{softsign}(x) = \frac{x}{1 + |x|}",
        derivative_formula=r"\operatorname{softsign}'(x) = \frac{1}{(1 + |x|)^2}",
        output_range=(-1.0, 1.0),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=True,
        saturates="both",
        family="sigmoid-like",
        aliases=("elliotsig",),
        torch_name="torch.nn.functional.softsign",
        summary="A tanh-shaped curve built from |x| alone; its tails approach ±1 slowly.",
        strengths=(
            "No exponential: cheap, and it cannot overflow.",
            "Saturates polynomially, not exponentially, so its gradient fades more slowly "
            "than tanh's.",
        ),
        problems=(
            "Still saturates: the derivative tends to 0 for large |x|.",
            "Its second derivative jumps at 0.",
        ),
        doc="""Softsign: $x / (1 + |x|)$, also known as the Elliott sigmoid.

Softsign has tanh's S-shape and range $(-1, 1)$ but reaches its bounds slowly, like $1/x$,
instead of exponentially, so a unit far from zero still changes its output noticeably. The curve
is older than its name: Elliott (1993) proposed it as a sigmoid that is quick to compute. Glorot
and Bengio (2010) found that deep networks with softsign units saturate less than with tanh.

It is odd and bounded like $\\tanh$; its derivative $1/(1+|x|)^2$ equals 1 at the origin.

Notes:
    The derivative is computed as $(1/(1+|x|))^2$: the square of the reciprocal underflows
    quietly to 0 for huge $|x|$, where squaring $1 + |x|$ first would overflow. PyTorch calls it
    ``softsign``.

Examples:
    >>> softsign([-3.0, 0.0, 1.0])
    array([-0.75,  0.  ,  0.5 ])
""",
    )
)


def _arctan(x: Array) -> Array:
    return np.arctan(x)


def _arctan_grad(x: Array) -> Array:
    # Where x^2 overflows (|x| beyond 1.3e154), 1/(1 + x^2) is below the smallest normal
    # float, and 1/inf = 0 is within the subnormal spacing of it.
    with np.errstate(over="ignore"):
        d = x * x
    d += 1.0
    return np.divide(1.0, d, out=d)


arctan = register(
    Activation(
        key="arctan",
        name="Arctangent",
        fn=_arctan,
        grad=_arctan_grad,
        formula=r"f(x) = \arctan(x)",
        derivative_formula=r"f'(x) = \frac{1}{1 + x^2}",
        output_range=(-math.pi / 2, math.pi / 2),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=True,
        saturates="both",
        family="sigmoid-like",
        aliases=("atan",),
        torch_name="torch.atan",
        summary="The inverse tangent: an S-curve in (-π/2, π/2) with slowly fading tails.",
        strengths=(
            "Zero-centred with gradient 1 at the origin, like tanh.",
            "Its gradient decays like 1/x², far more slowly than tanh's.",
        ),
        problems=(
            "Saturates for large |x|.",
            "The range (-π/2, π/2) is an unusual scale for a target.",
        ),
        doc="""Arctangent: $\\arctan(x)$, bounded in $(-\\pi/2, \\pi/2)$.

The inverse tangent is another smooth, odd S-curve, with range $(-\\pi/2, \\pi/2)$ and slope 1
at the origin like tanh, but with tails that approach their bounds slowly, like $1/x$. It
appears in catalogues and comparisons of activation functions rather than in well-known
architectures; its slowly fading tails are the reason to try it where tanh saturates too
quickly.

Its derivative is $1/(1 + x^2)$.

Notes:
    PyTorch offers it as the tensor function ``torch.atan``.

Examples:
    >>> arctan([-1.0, 0.0, 10.0])
    array([-0.78539816,  0.        ,  1.47112767])
""",
    )
)


def _arsinh(x: Array) -> Array:
    return np.arcsinh(x)


def _arsinh_grad(x: Array) -> Array:
    d = _stable.hypot(np.abs(x), 1.0)  # sqrt(x^2 + 1), also where x^2 overflows
    return np.divide(1.0, d, out=d)


arsinh = register(
    Activation(
        key="arsinh",
        name="Inverse hyperbolic sine (ArSinH)",
        fn=_arsinh,
        grad=_arsinh_grad,
        formula=r"\operatorname{arsinh}(x) = \ln\bigl(x + \sqrt{x^2 + 1}\bigr)",
        derivative_formula=r"\operatorname{arsinh}'(x) = \frac{1}{\sqrt{x^2 + 1}}",
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=True,
        saturates="both",
        family="other",
        aliases=("asinh", "arcsinh"),
        torch_name="torch.asinh",
        summary="Linear near 0 and logarithmic far away: an S-curve that is never flat.",
        strengths=(
            "Unbounded: its slope decays only like 1/|x|, so large inputs are compressed,"
            " not clipped.",
            "Zero-centred with gradient 1 at the origin.",
        ),
        problems=(
            "The gradient still decays (like 1/|x|) for large inputs.",
            "Rarely used, so little practical experience backs it.",
        ),
        doc="""Inverse hyperbolic sine: $\\ln(x + \\sqrt{x^2 + 1})$.

The inverse hyperbolic sine grows like $x$ near zero and like a logarithm far away,
$\\operatorname{sign}(x)\\ln(2|x|)$, so it compresses large values of either sign without ever
levelling off. Outside neural networks it is a common transform for data that span many orders
of magnitude and take both signs, where a logarithm cannot be used. As an activation it is a
rare choice: an S-curve without bounds.

Its derivative is $1/\\sqrt{x^2+1}$.

Notes:
    PyTorch offers it as the tensor function ``torch.asinh``.

Examples:
    >>> arsinh([-10.0, 0.0, 0.5])
    array([-2.99822295,  0.        ,  0.48121183])
""",
    )
)


def _isru(x: Array, alpha: float) -> Array:
    # x / sqrt(1 + alpha x^2). Beyond |x| = 1e15/sqrt(alpha) the value equals its limit
    # +-1/sqrt(alpha) to 1e-30 relative, so x is clipped there: alpha x^2 then stays below
    # 1e30 and cannot overflow (in float32 either).
    if alpha == 0.0:
        return x.copy()
    root = math.sqrt(alpha)
    limit = min(1e15 / root, float(np.finfo(x.dtype).max))
    xc = np.clip(x, -limit, limit)
    d = xc * root
    np.multiply(d, d, out=d)
    d += 1.0
    np.sqrt(d, out=d)
    np.divide(xc, d, out=d)
    return d


def _isru_slope(y: Array) -> Array:
    """$(1 + y^2)^{-3/2}$ for $y = \\sqrt\\alpha\\,x$ (any finite or infinite $y$)."""
    r = _stable.hypot(np.abs(y), 1.0)
    np.divide(1.0, r, out=r)
    cube = r * r
    cube *= r
    return cube


def _isru_grad(x: Array, alpha: float) -> Array:
    with np.errstate(over="ignore"):  # sqrt(alpha) x beyond the range: the slope is 0 there
        y = x * math.sqrt(alpha)
    return _isru_slope(y)


isru = register(
    Activation(
        key="isru",
        name="Inverse square root unit (ISRU)",
        fn=_isru,
        grad=_isru_grad,
        formula=r"\operatorname{ISRU}(x) = \frac{x}{\sqrt{1 + \alpha x^2}}",
        derivative_formula=r"\operatorname{ISRU}'(x) = \left(\frac{1}{\sqrt{1 + \alpha x^2}}"
        r"\right)^3",
        output_range=(-1.0, 1.0),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=True,
        saturates="both",
        defaults={"alpha": 1.0},
        check=non_negative("alpha"),
        family="sigmoid-like",
        summary="A tanh-like S-curve from a square root; the range is ±1/√α.",
        strengths=(
            "Only a multiply, a square root and a division: faster than tanh on some hardware.",
            "The parameter alpha sets the output range ±1/√α.",
        ),
        problems=("Saturates for large |x| (the derivative falls like 1/|x|³).",),
        doc="""Inverse square root unit: $x / \\sqrt{1 + \\alpha x^2}$.

The inverse square root unit (Carlile et al., 2017) draws a tanh-like S from a square root
instead of exponentials: a multiplication, a square root and a division. Its authors proposed it
as a faster replacement for tanh and the sigmoid in recurrent networks, on hardware where an
inverse square root is cheaper than an exponential. The parameter $\\alpha$ sets the plateaus at
$\\pm 1/\\sqrt\\alpha$; $\\alpha = 0$ gives the identity.

Notes:
    The default $\\alpha = 1$ is our choice; it gives the range $(-1, 1)$. PyTorch has no ISRU.

Examples:
    >>> isru([-1.0, 0.0, 2.0])
    array([-0.70710678,  0.        ,  0.89442719])
""",
    )
)


def _sqnl_clipped(x: Array) -> Array:
    return np.clip(x, -2.0, 2.0)


def _sqnl(x: Array) -> Array:
    c = _sqnl_clipped(x)
    q = np.abs(c)
    q *= c
    q *= 0.25
    return np.subtract(c, q, out=q)


def _sqnl_grad(x: Array) -> Array:
    q = np.abs(_sqnl_clipped(x))
    q *= 0.5
    return np.subtract(1.0, q, out=q)


sqnl = register(
    Activation(
        key="sqnl",
        name="Square nonlinearity (SQNL)",
        fn=_sqnl,
        grad=_sqnl_grad,
        formula=r"\operatorname{SQNL}(x) = \begin{cases} 1 & x > 2 \\ x - x^2/4 & 0 \le x \le 2"
        r" \\ x + x^2/4 & -2 \le x < 0 \\ -1 & x < -2 \end{cases}",
        derivative_formula=r"\operatorname{SQNL}'(x) = \begin{cases} 1 - |x|/2 & |x| \le 2 \\"
        r" 0 & |x| > 2 \end{cases}",
        output_range=(-1.0, 1.0),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=True,
        saturates="both",
        family="sigmoid-like",
        summary="Two parabolas joined at 0 that reach ±1 exactly at x = ±2.",
        strengths=(
            "A tanh look-alike from multiplications only: cheap in hardware.",
            "Differentiable everywhere; the derivative falls continuously to 0 at ±2.",
        ),
        problems=("Exactly zero gradient beyond |x| = 2, a hard form of saturation.",),
        doc="""Square nonlinearity: $x \\mp x^2/4$ on $[-2, 2]$, and $\\pm 1$ beyond.

The square nonlinearity (Wuraola and Patel, 2018) builds a tanh-like curve from two parabolas
that reach $\\pm 1$ exactly at $x = \\pm 2$ and stay there. It was designed for cheap hardware:
evaluating it takes only a clip, multiplications and additions, no exponential.

Writing $c$ for $x$ clipped to $[-2, 2]$: $f(x) = c - c|c|/4$ and $f'(x) = 1 - |c|/2$. The
derivative is continuous (it falls to 0 at $\\pm 2$), so SQNL is differentiable everywhere,
though its second derivative jumps.

Notes:
    Computed from the clipped input as above. PyTorch has no SQNL.

Examples:
    >>> sqnl([-3.0, -1.0, 0.0, 1.0, 3.0])
    array([-1.  , -0.75,  0.  ,  0.75,  1.  ])
""",
    )
)


def _soft_clipping_parts(x: Array, alpha: float) -> tuple[Array, Array]:
    """``t`` $= \\alpha/2 - |\\alpha x - \\alpha/2|$ and the mask $x > 1/2$.

    Soft clipping is symmetric about $x = 1/2$: $f(x) = 1 - f(1 - x)$ and $f'(x) = f'(1 - x)$.
    With $u = \\alpha x$, the half $x \\le 1/2$ has $u = t$, and $x > 1/2$ is reflected
    onto it, so every formula below only sees $t \\le \\alpha/2$: there
    $\\operatorname{softplus}(t - \\alpha)$ is the smaller term and nothing cancels.
    A product $\\alpha x$ beyond the float range is $\\pm\\infty$, where $f$ is exactly 0 or 1.
    """
    half = 0.5 * alpha
    with np.errstate(over="ignore"):
        w = x * alpha
    w -= half
    upper = w > 0
    np.abs(w, out=w)
    np.subtract(half, w, out=w)
    return w, upper


def _soft_clipping(x: Array, alpha: float) -> Array:
    t, upper = _soft_clipping_parts(x, alpha)
    low = _stable.softplus(t)
    t -= alpha
    low -= _stable.softplus(t)
    low /= alpha  # f on the half x <= 1/2, in (0, 1/2]
    # 1 - low on the reflected half, written so that low itself passes unchanged elsewhere
    flip = upper.astype(x.dtype)
    flip *= 1.0 - 2.0 * low
    low += flip
    return low


def _soft_clipping_grad(x: Array, alpha: float) -> Array:
    # sigma(u) - sigma(u - alpha) at u = t: both terms tiny where they are close, never both
    # close to 1 (where the difference would cancel).
    t, _ = _soft_clipping_parts(x, alpha)
    s = _stable.sigmoid(t)
    t -= alpha
    s -= _stable.sigmoid(t)
    return s


soft_clipping = register(
    Activation(
        key="soft_clipping",
        name="Soft clipping",
        fn=_soft_clipping,
        grad=_soft_clipping_grad,
        formula=r"f(x) = \frac{1}{\alpha}\ln\frac{1 + e^{\alpha x}}{1 + e^{\alpha(x - 1)}}",
        derivative_formula=r"f'(x) = \sigma(\alpha x) - \sigma\bigl(\alpha(x - 1)\bigr)",
        output_range=(0.0, 1.0),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="both",
        defaults={"alpha": 1.0},
        check=positive("alpha"),
        family="sigmoid-like",
        summary="A smooth version of clipping x to [0, 1]; alpha sets the sharpness.",
        strengths=(
            "Close to the identity on [0, 1] for large alpha while staying differentiable.",
            "Bounded in (0, 1).",
        ),
        problems=(
            "Saturates outside [0, 1].",
            "Two softplus evaluations per element.",
        ),
        doc="""Soft clipping: $\\ln\\frac{1 + e^{\\alpha x}}{1 + e^{\\alpha(x-1)}} / \\alpha$.

Soft clipping is a smooth version of clipping $x$ to $[0, 1]$: close to $x$ in the middle of the
interval, bending gently towards 0 below it and towards 1 above it. The parameter $\\alpha$ sets
how sharp the bends are; as $\\alpha \\to \\infty$ it becomes $x$ clipped to $[0, 1]$. It is
meant for outputs that must stay in a fixed interval while keeping a gradient at the edges,
unlike a hard clip.

It is the difference of two softplus curves, $(\\operatorname{softplus}(\\alpha x) -
\\operatorname{softplus}(\\alpha(x - 1)))/\\alpha$, and symmetric about $x = 1/2$: $f(x) = 1 -
f(1 - x)$.

Notes:
    Computed stably: the half above $1/2$ is computed from the half below it, where the two
    softplus terms never cancel, so the value stays exact up to the largest inputs (where it is
    1). The default $\\alpha = 1$ is our choice. PyTorch has no counterpart.

Examples:
    >>> soft_clipping([-5.0, 0.5, 5.0])
    array([0.00423966, 0.5       , 0.98856542])
    >>> soft_clipping([-5.0, 0.5, 5.0], alpha=20.0)
    array([1.86003798e-45, 5.00000000e-01, 1.00000000e+00])
""",
    )
)
