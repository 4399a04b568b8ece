"""Smooth rectifiers, part two: self-gated units, the input scaled by a smooth gate of itself.

GELU (exact and tanh-approximated) $x\\,\\Phi(x)$, SiLU and swish $x\\,\\sigma(\\beta x)$, mish
$x \\tanh(\\operatorname{softplus}(x))$ and ELiSH: a gate in $(0, 1)$ that opens for large $x$
and closes for very negative $x$, so the curve dips slightly below zero before it rises
like a ReLU.
"""

from __future__ import annotations

import math

import numpy as np

from nnref._typing import Array
from nnref.activations import _stable
from nnref.activations._core import (
    Activation,
    lowest_value,
    register,
)
from nnref.activations._special import erfc

__all__ = [
    "elish",
    "gelu",
    "gelu_tanh",
    "mish",
    "silu",
    "swish",
]


# --- Gaussian error linear units -----------------------------------------------------------

_INV_SQRT2 = 1.0 / math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)


def _normal_cdf(x: Array) -> Array:
    """$\\Phi(x) = \\operatorname{erfc}(-x/\\sqrt2)/2$, accurate in both tails."""
    z = x * -_INV_SQRT2
    out = erfc(z)
    out *= 0.5
    return out


def _gelu(x: Array) -> Array:
    out = _normal_cdf(x)
    out *= x
    return out


def _gelu_grad(x: Array) -> Array:
    # phi(x) = e^{-x^2/2}/sqrt(2 pi) is exactly 0 beyond |x| = 40 (e^{-800} underflows), so
    # x is clipped there before squaring: no overflow, and the same result.
    pdf = np.clip(x, -40.0, 40.0)
    pdf *= pdf
    pdf *= -0.5
    np.exp(pdf, out=pdf)
    pdf *= _INV_SQRT_2PI
    pdf *= x
    pdf += _normal_cdf(x)
    return pdf


gelu = register(
    Activation(
        key="gelu",
        name="Gaussian error linear unit (GELU)",
        fn=_gelu,
        grad=_gelu_grad,
        formula=r"\operatorname{GELU}(x) = x\,\Phi(x) = \frac{x}{2}\Bigl(1 +"
        r" \operatorname{erf}\bigl(x/\sqrt{2}\bigr)\Bigr)",
        derivative_formula=r"\operatorname{GELU}'(x) = \Phi(x) + x\,\varphi(x),\quad"
        r" \varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}",
        output_range=(lowest_value(_gelu, -2.0, 0.0), np.inf),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="left",
        family="smooth rectifier",
        torch_name="torch.nn.functional.gelu",
        summary="The input weighted by the probability that a standard normal lies below it.",
        strengths=(
            "Smooth, with a small negative dip that lets gradients through for slightly "
            "negative inputs.",
            "The standard activation of transformers (BERT, GPT).",
        ),
        problems=(
            "Needs the error function, which is costlier than ReLU.",
            "Not monotonic: a dip to about -0.17 near x = -0.75.",
        ),
        doc="""Gaussian error linear unit (exact): $x\\,\\Phi(x)$, $\\Phi$ the standard normal CDF.

GELU (Hendrycks and Gimpel, 2016) weights each input by the probability $\\Phi(x)$ that a
standard normal variable lies below it: large positive inputs pass almost unchanged, large
negative ones are almost zeroed, and in between the curve dips slightly below zero. It can be
read as the expected output of a gate that keeps an input at random, more often the larger the
input is, which is how its authors motivated it. It is the activation of the feed-forward layers
of BERT, GPT-2 and the Vision Transformer, and with them of many transformers since.

Notes:
    This is the exact form, PyTorch's ``gelu(x, approximate='none')``; the tanh approximation is
    ``gelu_tanh``. NumPy has no ``erf``, so we compute $\\Phi(x) =
    \\operatorname{erfc}(-x/\\sqrt2)/2$ with our own vectorised implementation of W. J. Cody's
    rational approximations (a few units in the last place in float64); using ``erfc`` keeps the
    tiny negative values for very negative $x$ instead of rounding them to 0.

Examples:
    >>> gelu([-3.0, -0.75, 0.0, 1.0])
    array([-0.00404969, -0.16997051,  0.        ,  0.84134475])
""",
    )
)

_GELU_BETA = math.sqrt(2.0) * (2.0 / math.sqrt(math.pi)) * 0.5  # sqrt(2/pi), as PyTorch
_GELU_KAPPA = 0.044715


def _gelu_tanh_inner(x: Array) -> tuple[Array, Array]:
    """$2u = 2\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)$ and the clipped input it was computed from.

    $\\frac12(1 + \\tanh u) = \\sigma(2u)$ is exactly 0 or 1 once $|x| > 100$ ($|2u|$ is then
    over $7 \\cdot 10^4$), so $x$ is clipped to $[-100, 100]$ first: $x^3$ cannot overflow.
    """
    xc = np.clip(x, -100.0, 100.0)
    inner = xc * xc
    inner *= _GELU_KAPPA
    inner *= xc
    inner += xc
    inner *= 2.0 * _GELU_BETA
    return inner, xc


def _gelu_tanh(x: Array) -> Array:
    # x (1 + tanh u) / 2 = x sigma(2u): the sigmoid keeps the tiny values of very negative x,
    # which 1 + tanh(u) rounds away.
    inner, _ = _gelu_tanh_inner(x)
    gate = _stable.sigmoid(inner)
    gate *= x
    return gate


def _gelu_tanh_grad(x: Array) -> Array:
    # (1 + t)/2 + x (1 - t^2) beta (1 + 3 kappa x^2) / 2 with t = tanh(u):
    # (1 + t)/2 = sigma(2u) and (1 - t^2)/2 = 2 sigma'(2u), both without cancellation.
    # Beyond |x| = 100 the second term is exactly 0, so the clipped x serves there as well.
    inner, xc = _gelu_tanh_inner(x)
    slope = xc * xc
    slope *= 3.0 * _GELU_KAPPA
    slope += 1.0
    slope *= 2.0 * _GELU_BETA
    slope *= xc
    slope *= _stable.sigmoid_slope(inner)
    slope += _stable.sigmoid(inner)
    return slope


gelu_tanh = register(
    Activation(
        key="gelu_tanh",
        name="GELU (tanh approximation)",
        fn=_gelu_tanh,
        grad=_gelu_tanh_grad,
        formula=r"f(x) = \frac{x}{2}\Bigl(1 + \tanh\bigl(\sqrt{2/\pi}\,(x + 0.044715\,x^3)"
        r"\bigr)\Bigr)",
        derivative_formula=r"f'(x) = \frac{1 + t}{2} + \frac{x}{2}(1 - t^2)\sqrt{2/\pi}\,"
        r"(1 + 0.134145\,x^2),\quad t = \tanh\bigl(\sqrt{2/\pi}\,(x + 0.044715\,x^3)\bigr)",
        output_range=(lowest_value(_gelu_tanh, -2.0, 0.0), np.inf),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="left",
        family="smooth rectifier",
        torch_name="torch.nn.functional.gelu",
        summary="GELU with the normal CDF replaced by a tanh formula (as in GPT-2).",
        strengths=(
            "Within about 5e-4 of the exact GELU and cheaper where no fast erf exists.",
            "Matches models trained with it (GPT-2, BERT reference code).",
        ),
        problems=(
            "Only an approximation: swapping it for the exact GELU changes outputs slightly.",
            "Not monotonic, like GELU.",
        ),
        doc="""GELU, tanh form: $\\frac{x}{2}(1 + \\tanh(\\sqrt{2/\\pi}(x + 0.044715x^3)))$.

The tanh form replaces GELU's normal distribution function by $\\frac{1}{2}(1 +
\\tanh(\\sqrt{2/\\pi}(x + 0.044715x^3)))$, an approximation Hendrycks and Gimpel gave for speed.
It differs from the exact GELU by at most about $5 \\cdot 10^{-4}$. It is the GELU of GPT-2 and
of the original BERT code, so reproducing those models and their descendants needs this form
rather than the exact one.

Notes:
    PyTorch's ``gelu(x, approximate='tanh')``. Our parameters must be numbers, so the two forms
    are two keys. Computed as $x\\,\\sigma(2u)$ with $u$ the tanh's argument, which equals
    $\\frac{x}{2}(1 + \\tanh u)$ but keeps the tiny values for very negative $x$; $x$ is clipped
    to $[-100, 100]$ inside the cube, where the gate is already exactly 0 or 1.

Examples:
    >>> gelu_tanh([-3.0, 0.0, 1.0])
    array([-0.00363739,  0.        ,  0.84119199])
    >>> float(np.max(np.abs(gelu_tanh(np.linspace(-6, 6, 1201)) - gelu(np.linspace(-6, 6, 1201)))))
    0.00047323462874
""",
    )
)


# --- sigmoid-weighted units ----------------------------------------------------------------


def _swish_input(x: Array, beta: float) -> Array:
    """$z = \\beta x$, with $x$ first clipped to where $\\sigma(z)$ is exactly 0 or 1
    ($|z| \\le 1000$), so the product cannot overflow (for $\\beta = 1$ there is none)."""
    if beta == 1.0:
        return x
    if beta == 0.0:
        return np.zeros_like(x)
    limit = min(1000.0 / abs(beta), float(np.finfo(x.dtype).max))
    z = np.clip(x, -limit, limit)
    z *= beta
    return z


def _swish(x: Array, beta: float) -> Array:
    s = _stable.sigmoid(_swish_input(x, beta))
    s *= x
    return s


def _swish_grad(x: Array, beta: float) -> Array:
    # sigma(z) + z sigma(z) sigma(-z) = sigma(z) + z sigma'(z): the product form
    # sigma(z)(1 + z (1 - sigma(z))) loses 1 - sigma(z) once sigma(z) rounds to 1.
    z = _swish_input(x, beta)
    d = _stable.sigmoid_slope(z)
    d *= z
    d += _stable.sigmoid(z)
    return d


def _silu(x: Array) -> Array:
    return _swish(x, 1.0)


def _silu_grad(x: Array) -> Array:
    return _swish_grad(x, 1.0)


silu = register(
    Activation(
        key="silu",
        name="Sigmoid linear unit (SiLU)",
        fn=_silu,
        grad=_silu_grad,
        formula=r"\operatorname{SiLU}(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}",
        derivative_formula=r"\operatorname{SiLU}'(x) = \sigma(x)\bigl(1 + x(1 - \sigma(x))"
        r"\bigr)",
        output_range=(lowest_value(_silu, -3.0, 0.0), np.inf),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="left",
        family="smooth rectifier",
        aliases=("sil", "swish1"),
        torch_name="torch.nn.functional.silu",
        summary="The input times its own sigmoid: a smooth ReLU with a small dip.",
        strengths=(
            "Smooth and non-monotonic; often trains deep networks better than ReLU.",
            "Self-gating: the unit decides from its own input how much to pass.",
        ),
        problems=(
            "Costs an exponential.",
            "Unbounded above and not zero-centred.",
        ),
        doc="""Sigmoid linear unit: $x\\,\\sigma(x)$, also called swish-1 or SiL.

SiLU multiplies the input by its own sigmoid: the sigmoid acts as a soft gate that lets large
positive inputs through and shuts off large negative ones, leaving a small dip below zero in
between. It was described in the GELU paper (Hendrycks and Gimpel, 2016), used for reinforcement
learning by Elfwing, Uchibe and Doya (2018), and rediscovered by an automated search as swish
(Ramachandran et al., 2017). EfficientNet uses it, and it is the gate of the SwiGLU feed-forward
layers of recent language models.

Its minimum is about $-0.278$, near $x = -1.278$; its derivative is $\\sigma(x)(1 + x(1 -
\\sigma(x)))$.

Notes:
    The derivative is computed as $\\sigma(x) + x\\,\\sigma'(x)$: the product form above loses
    $1 - \\sigma(x)$ once $\\sigma(x)$ rounds to 1. ``swish`` adds the slope parameter $\\beta$.

Examples:
    >>> silu([-5.0, -1.0, 0.0, 1.0])
    array([-0.03346425, -0.26894142,  0.        ,  0.73105858])
""",
    )
)

swish = register(
    Activation(
        key="swish",
        name="Swish",
        fn=_swish,
        grad=_swish_grad,
        formula=r"\operatorname{swish}_\beta(x) = x\,\sigma(\beta x)",
        derivative_formula=r"\operatorname{swish}_\beta'(x) = \sigma(\beta x)\bigl(1 + \beta x"
        r"(1 - \sigma(\beta x))\bigr)",
        output_range=(lowest_value(_swish, -3.0, 0.0, beta=1.0), np.inf),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="left",
        defaults={"beta": 1.0},
        family="smooth rectifier",
        summary="x·σ(βx): between a linear unit (β = 0) and ReLU (β → ∞).",
        strengths=(
            "One parameter morphs it from x/2 (beta = 0) through SiLU (beta = 1) towards "
            "ReLU (large beta).",
            "Found by an automated search over activation functions (Ramachandran et al., 2017).",
        ),
        problems=(
            "Costs an exponential.",
            "Beta is one more number to choose or learn.",
        ),
        doc="""Swish: $x\\,\\sigma(\\beta x)$.

Swish, $x\\,\\sigma(\\beta x)$, came out of an automated search over candidate activation
formulas (Ramachandran, Zoph and Le, 2017), with $\\beta$ either fixed or learned per channel.
The parameter slides one curve between two familiar ones: $\\beta = 0$ gives $x/2$, $\\beta = 1$
gives SiLU, and a large $\\beta$ approaches ReLU. Its authors found that it matched or beat ReLU
on image classification and machine translation.

For $\\beta > 0$ the minimum is $\\min \\operatorname{swish}_1 / \\beta$; the stated range is
for $\\beta = 1$.

Notes:
    The default $\\beta = 1$ gives SiLU; PyTorch has only that case (``silu``). $x$ is clipped
    to where $\\sigma(\\beta x)$ is exactly 0 or 1 before multiplying by $\\beta$, so $\\beta x$
    cannot overflow.

Examples:
    >>> swish([-1.0, 0.0, 2.0], beta=2.0)
    array([-0.11920292,  0.        ,  1.96402758])
""",
    )
)


def _mish(x: Array) -> Array:
    t = np.tanh(_stable.softplus(x))
    t *= x
    return t


def _mish_grad(x: Array) -> Array:
    t = np.tanh(_stable.softplus(x))
    sech2 = t * t
    np.subtract(1.0, sech2, out=sech2)
    sech2 *= x
    sech2 *= _stable.sigmoid(x)
    sech2 += t
    return sech2


mish = register(
    Activation(
        key="mish",
        name="Mish",
        fn=_mish,
        grad=_mish_grad,
        formula=r"\operatorname{Mish}(x) = x \tanh\bigl(\operatorname{softplus}(x)\bigr)",
        derivative_formula=r"\operatorname{Mish}'(x) = \tanh\bigl(\operatorname{softplus}(x)"
        r"\bigr) + x\,\operatorname{sech}^2\bigl(\operatorname{softplus}(x)\bigr)\,\sigma(x)",
        output_range=(lowest_value(_mish, -3.0, 0.0), np.inf),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="left",
        family="smooth rectifier",
        torch_name="torch.nn.functional.mish",
        summary="x·tanh(softplus(x)): a smooth, self-gated ReLU close to SiLU.",
        strengths=(
            "Smooth and non-monotonic, with a slightly deeper dip than SiLU.",
            "Reported to help in some vision models (YOLOv4).",
        ),
        problems=(
            "Three transcendental functions per element: slower than ReLU or SiLU.",
            "Unbounded above.",
        ),
        doc="""Mish: $x \\tanh(\\operatorname{softplus}(x))$.

Mish (Misra, 2019), $x \\tanh(\\operatorname{softplus}(x))$, is a self-gated smooth rectifier in
the same spirit as SiLU: the gate opens for positive inputs and closes for negative ones,
leaving a shallow dip below zero. It became known through object detection: YOLOv4 (Bochkovskiy
et al., 2020) uses it in its backbone.

Its minimum is about $-0.309$, near $x = -1.19$.

Notes:
    The softplus inside is computed stably, so nothing overflows at large $|x|$. PyTorch calls
    it ``mish``.

Examples:
    >>> mish([-5.0, -1.0, 0.0, 1.0])
    array([-0.03357624, -0.30340146,  0.        ,  0.86509839])
""",
    )
)


def _elish(x: Array) -> Array:
    s = _stable.sigmoid(x)
    left = np.expm1(np.minimum(x, 0.0))
    return np.where(x >= 0, x, left) * s


def _elish_grad(x: Array) -> Array:
    s = _stable.sigmoid(x)
    one_minus = 1.0 - s
    # x >= 0: sigma (1 + x (1 - sigma))
    right = x * one_minus
    right += 1.0
    right *= s
    # x < 0: e^x sigma + (e^x - 1) sigma (1 - sigma)
    xn = np.minimum(x, 0.0)
    left = np.expm1(xn) * one_minus
    left += np.exp(xn)
    left *= s
    return np.where(x >= 0, right, left)


elish = register(
    Activation(
        key="elish",
        name="Exponential linear squashing (ELiSH)",
        fn=_elish,
        grad=_elish_grad,
        formula=r"\operatorname{ELiSH}(x) = \begin{cases} x\,\sigma(x) & x \ge 0 \\"
        r" (e^{x} - 1)\,\sigma(x) & x < 0 \end{cases}",
        derivative_formula=r"\operatorname{ELiSH}'(x) = \begin{cases} \sigma(x)\bigl(1 +"
        r" x(1 - \sigma(x))\bigr) & x \ge 0 \\ \sigma(x)\bigl(e^{x} + (e^{x} - 1)(1 -"
        r" \sigma(x))\bigr) & x < 0 \end{cases}",
        output_range=(lowest_value(_elish, -3.0, 0.0), np.inf),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="left",
        family="smooth rectifier",
        summary="SiLU on the right, ELU times a sigmoid on the left.",
        strengths=(
            "Combines SiLU's behaviour for positive inputs with ELU-like negative outputs.",
            "Differentiable everywhere: both halves have slope 1/2 at 0.",
        ),
        problems=(
            "Two exponentials per element.",
            "Not monotonic (a dip for negative inputs).",
        ),
        doc="""ELiSH: $x\\,\\sigma(x)$ for $x \\ge 0$ and $(e^x - 1)\\,\\sigma(x)$ for $x < 0$.

ELiSH (Basirat and Roth, 2018) is SiLU, $x\\,\\sigma(x)$, for positive inputs and ELU's
exponential times a sigmoid, $(e^x - 1)\\,\\sigma(x)$, for negative ones. Its authors found it,
together with hard ELiSH, by a genetic search over combinations of known activation functions.

Both halves have value 0 and slope 1/2 at the origin, so the function is differentiable there.

Notes:
    The negative half uses ``expm1`` for accuracy near 0. PyTorch has no ELiSH.

Examples:
    >>> elish([-3.0, -1.0, 0.0, 1.0])
    array([-0.04506468, -0.1700034 ,  0.        ,  0.73105858])
""",
    )
)
