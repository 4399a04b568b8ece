"""Smooth rectifiers: ReLU-like curves without (or with a softer) corner at 0."""

from __future__ import annotations

import math

import numpy as np

from nnref._typing import Array
from nnref.activations import _stable
from nnref.activations._core import (
    Activation,
    const,
    lowest_value,
    non_negative,
    positive,
    register,
)
from nnref.activations._special import erfc

__all__ = [
    "bent_identity",
    "celu",
    "elish",
    "elu",
    "gelu",
    "gelu_tanh",
    "isrlu",
    "mish",
    "selu",
    "silu",
    "softplus",
    "squareplus",
    "swish",
]


# --- softplus ------------------------------------------------------------------------------


def _softplus(x: Array, beta: float, threshold: float) -> Array:
    z = x * beta if beta != 1.0 else x
    out = _stable.softplus(z)
    if beta != 1.0:
        out /= beta
    linear = z > threshold  # usually rare, so a masked assignment beats np.where
    out[linear] = x[linear]
    return out


def _softplus_grad(x: Array, beta: float, threshold: float) -> Array:
    z = x * beta if beta != 1.0 else x
    out = _stable.sigmoid(z)
    out[z > threshold] = 1.0
    return out


softplus = register(
    Activation(
        key="softplus",
        name="Softplus",
        fn=_softplus,
        grad=_softplus_grad,
        formula=r"\operatorname{softplus}(x) = \frac{1}{\beta}\ln\bigl(1 + e^{\beta x}\bigr)",
        derivative_formula=r"\operatorname{softplus}'(x) = \sigma(\beta x)",
        output_range=(0.0, np.inf),
        monotonic=True,
        zero_centered=False,
        smooth=True,
        saturates="left",
        defaults={"beta": 1.0, "threshold": 20.0},
        check=positive("beta"),
        family="smooth rectifier",
        torch_name="torch.nn.functional.softplus",
        summary="A smooth ReLU: the logarithm of 1 + e^x; its derivative is the sigmoid.",
        strengths=(
            "Smooth everywhere with a strictly positive gradient, so units never die completely.",
            "Always positive: a natural way to produce a scale or a rate.",
        ),
        problems=(
            "Costs an exponential and a logarithm.",
            "Not zero-centred; its gradient still fades for very negative inputs.",
        ),
        doc="""Softplus: $\\frac{1}{\\beta}\\ln(1 + e^{\\beta x})$, a smooth ReLU.

Like PyTorch it returns $x$ itself where $\\beta x >$ ``threshold`` (default 20), where the
two differ by less than $10^{-8}$; the derivative is then exactly 1. Below the threshold
it is computed as $(\\max(\\beta x, 0) + \\ln(1 + e^{-|\\beta x|}))/\\beta$, which never
overflows. Derivative $\\sigma(\\beta x)$.

Examples:
    >>> softplus([-20.0, 0.0, 1.0, 30.0])
    array([2.06115362e-09, 6.93147181e-01, 1.31326169e+00, 3.00000000e+01])
    >>> softplus([0.0, 1.0], beta=2.0)
    array([0.34657359, 1.06346401])
""",
    )
)


# --- exponential linear units --------------------------------------------------------------


def _elu(x: Array, alpha: float) -> Array:
    neg = np.expm1(np.minimum(x, 0.0))
    neg *= alpha
    return np.where(x > 0, x, neg)


def _elu_grad(x: Array, alpha: float) -> Array:
    neg = np.exp(np.minimum(x, 0.0))
    neg *= alpha
    return np.where(x > 0, const(x, 1.0), neg)


elu = register(
    Activation(
        key="elu",
        name="Exponential linear unit (ELU)",
        fn=_elu,
        grad=_elu_grad,
        formula=r"\operatorname{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) &"
        r" x \le 0 \end{cases}",
        derivative_formula=r"\operatorname{ELU}'(x) = \begin{cases} 1 & x > 0 \\ \alpha e^{x} &"
        r" x \le 0 \end{cases}",
        output_range=(-1.0, np.inf),
        monotonic=True,
        zero_centered=False,
        smooth=True,
        kink_fn=lambda alpha: (0.0,) if alpha != 1.0 else (),
        saturates="left",
        defaults={"alpha": 1.0},
        family="smooth rectifier",
        torch_name="torch.nn.functional.elu",
        summary="Identity for positive inputs, a saturating exponential down to -α below.",
        strengths=(
            "Negative outputs pull the mean activation towards zero, which speeds learning.",
            "Non-zero gradient for moderately negative inputs, so fewer dead units.",
            "Smooth at 0 when alpha = 1.",
        ),
        problems=(
            "Costs an exponential for negative inputs.",
            "Its gradient still vanishes for very negative inputs.",
        ),
        doc="""Exponential linear unit: $x$ for $x > 0$, $\\alpha(e^x - 1)$ otherwise.

Bounded below by $-\\alpha$. With the default $\\alpha = 1$ both pieces have slope 1 at 0,
so ELU is differentiable there; for other $\\alpha$ the slope jumps and the derivative at 0
is taken as $\\alpha$, as PyTorch does. The negative part uses ``expm1`` for accuracy near 0.

Examples:
    >>> elu([-10.0, -1.0, 0.0, 2.0])
    array([-0.9999546 , -0.63212056,  0.        ,  2.        ])
""",
    )
)


def _celu(x: Array, alpha: float) -> Array:
    neg = np.expm1(np.minimum(x, 0.0) / alpha)
    neg *= alpha
    return np.where(x > 0, x, neg)


def _celu_grad(x: Array, alpha: float) -> Array:
    return np.where(x > 0, const(x, 1.0), np.exp(np.minimum(x, 0.0) / alpha))


celu = register(
    Activation(
        key="celu",
        name="Continuously differentiable ELU (CELU)",
        fn=_celu,
        grad=_celu_grad,
        formula=r"\operatorname{CELU}(x) = \max(0, x) + \min\bigl(0, \alpha(e^{x/\alpha} - 1)"
        r"\bigr)",
        derivative_formula=r"\operatorname{CELU}'(x) = \begin{cases} 1 & x > 0 \\ e^{x/\alpha}"
        r" & x \le 0 \end{cases}",
        output_range=(-1.0, np.inf),
        monotonic=True,
        zero_centered=False,
        smooth=True,
        saturates="left",
        defaults={"alpha": 1.0},
        check=positive("alpha"),
        family="smooth rectifier",
        torch_name="torch.nn.functional.celu",
        summary="ELU rescaled so that it is differentiable at 0 for every alpha.",
        strengths=(
            "Differentiable for every alpha (ELU is only for alpha = 1).",
            "Negative outputs down to -alpha keep mean activations near zero.",
        ),
        problems=(
            "Costs an exponential for negative inputs.",
            "Gradient vanishes for very negative inputs.",
        ),
        doc="""CELU: $\\max(0, x) + \\min(0, \\alpha(e^{x/\\alpha} - 1))$.

Dividing the exponent by $\\alpha$ makes the slope of the negative piece 1 at the origin for
every $\\alpha > 0$. Equal to ELU when $\\alpha = 1$.

Examples:
    >>> celu([-10.0, -1.0, 0.0, 2.0], alpha=2.0)
    array([-1.98652411, -0.78693868,  0.        ,  2.        ])
""",
    )
)

# The constants PyTorch uses (from the SELU paper, Klambauer et al., 2017).
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def _selu(x: Array) -> Array:
    neg = np.expm1(np.minimum(x, 0.0))
    neg *= SELU_ALPHA
    out = np.where(x > 0, x, neg)
    out *= SELU_SCALE
    return out


def _selu_grad(x: Array) -> Array:
    neg = np.exp(np.minimum(x, 0.0))
    neg *= SELU_SCALE * SELU_ALPHA
    return np.where(x > 0, const(x, SELU_SCALE), neg)


selu = register(
    Activation(
        key="selu",
        kink_fn=lambda: (0.0,),
        name="Scaled exponential linear unit (SELU)",
        fn=_selu,
        grad=_selu_grad,
        formula=r"\operatorname{SELU}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1)"
        r" & x \le 0 \end{cases},\ \lambda \approx 1.0507,\ \alpha \approx 1.6733",
        derivative_formula=r"\operatorname{SELU}'(x) = \begin{cases} \lambda & x > 0 \\"
        r" \lambda\alpha e^{x} & x \le 0 \end{cases}",
        output_range=(-SELU_SCALE * SELU_ALPHA, np.inf),
        monotonic=True,
        zero_centered=False,
        smooth=False,
        saturates="left",
        family="smooth rectifier",
        torch_name="torch.nn.functional.selu",
        summary="ELU with two fixed constants chosen so activations normalise themselves.",
        strengths=(
            "With suitable initialisation (LeCun normal) activations keep mean 0 and "
            "variance 1 through many layers, without batch normalisation.",
        ),
        problems=(
            "The self-normalising property needs a specific initialisation and plain "
            "feed-forward layers.",
            "Not differentiable at 0: the slope jumps from about 1.76 to 1.05.",
        ),
        doc="""Scaled ELU: $\\lambda x$ for $x > 0$, $\\lambda\\alpha(e^x - 1)$ otherwise.

The fixed constants $\\lambda \\approx 1.0507$ and $\\alpha \\approx 1.6733$ are PyTorch's (from
the SELU paper); they have no parameters to change. The slope jumps at 0 (from
$\\lambda\\alpha \\approx 1.758$ to $\\lambda$); at 0 the derivative is taken as
$\\lambda\\alpha$, as PyTorch does.

Examples:
    >>> selu([-10.0, -1.0, 0.0, 1.0])
    array([-1.75801952, -1.11133074,  0.        ,  1.05070099])
""",
    )
)


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
    pdf = x * x
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

PyTorch's ``gelu(x, approximate='none')``. NumPy has no ``erf``, so we compute
$\\Phi(x) = \\operatorname{erfc}(-x/\\sqrt2)/2$ with our own vectorised implementation of
W. J. Cody's rational approximations (a few units in the last place in float64); using
``erfc`` keeps the tiny negative values for very negative $x$ instead of rounding them to 0.
The tanh approximation is ``gelu_tanh``.

Examples:
    >>> gelu([-3.0, -0.75, 0.0, 1.0])
    array([-0.00404969, -0.16997051,  0.        ,  0.84134475])
""",
    )
)

_GELU_BETA = math.sqrt(2.0) * (2.0 / math.sqrt(math.pi)) * 0.5  # sqrt(2/pi), as PyTorch
_GELU_KAPPA = 0.044715


def _gelu_tanh_inner(x: Array) -> Array:
    inner = x * x
    inner *= _GELU_KAPPA
    inner *= x
    inner += x
    inner *= _GELU_BETA
    return inner


def _gelu_tanh(x: Array) -> Array:
    t = np.tanh(_gelu_tanh_inner(x))
    t += 1.0
    t *= x
    t *= 0.5
    return t


def _gelu_tanh_grad(x: Array) -> Array:
    t = np.tanh(_gelu_tanh_inner(x))
    slope = x * x
    slope *= 3.0 * _GELU_KAPPA
    slope += 1.0
    slope *= _GELU_BETA
    sech2 = t * t
    np.subtract(1.0, sech2, out=sech2)
    sech2 *= slope
    sech2 *= x
    t += 1.0
    t += sech2
    t *= 0.5
    return t


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

PyTorch's ``gelu(x, approximate='tanh')`` (our parameters must be numbers, so the two forms
are two keys). Differs from the exact ``gelu`` by at most about $5 \\cdot 10^{-4}$.

Examples:
    >>> gelu_tanh([-3.0, 0.0, 1.0])
    array([-0.00363739,  0.        ,  0.84119199])
    >>> float(np.max(np.abs(gelu_tanh(np.linspace(-6, 6, 1201)) - gelu(np.linspace(-6, 6, 1201)))))
    0.0004732346287421585
""",
    )
)


# --- sigmoid-weighted units ----------------------------------------------------------------


def _swish(x: Array, beta: float) -> Array:
    s = _stable.sigmoid(x * beta if beta != 1.0 else x)
    s *= x
    return s


def _swish_grad(x: Array, beta: float) -> Array:
    z = x * beta if beta != 1.0 else x
    s = _stable.sigmoid(z)
    d = 1.0 - s
    d *= z
    d += 1.0
    d *= s
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

Minimum about $-0.278$ near $x = -1.278$. Derivative
$\\sigma(x)(1 + x(1 - \\sigma(x)))$. ``swish`` adds the slope parameter $\\beta$.

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

The default $\\beta = 1$ gives SiLU; PyTorch has only that case (``silu``). For $\\beta > 0$
the minimum is $\\min \\operatorname{swish}_1 / \\beta$; the stated range is for $\\beta = 1$.

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

Minimum about $-0.309$ near $x = -1.19$. The softplus inside is computed stably, so
nothing overflows at large $|x|$.

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

Proposed by Basirat and Roth (2018). Both halves have value 0 and slope 1/2 at the origin,
so the function is differentiable there. PyTorch has no ELiSH.

Examples:
    >>> elish([-3.0, -1.0, 0.0, 1.0])
    array([-0.04506468, -0.1700034 ,  0.        ,  0.73105858])
""",
    )
)


def _isrlu_scale(x: Array, alpha: float) -> Array:
    """$1/\\sqrt{1 + \\alpha x^2}$ for $x < 0$ (and 1 elsewhere, where it is unused)."""
    xn = np.minimum(x, 0.0)
    d = xn * xn
    d *= alpha
    d += 1.0
    np.sqrt(d, out=d)
    np.divide(1.0, d, out=d)
    return d


def _isrlu(x: Array, alpha: float) -> Array:
    s = _isrlu_scale(x, alpha)
    s *= x
    return np.where(x >= 0, x, s)


def _isrlu_grad(x: Array, alpha: float) -> Array:
    s = _isrlu_scale(x, alpha)
    return np.where(x >= 0, const(x, 1.0), s * s * s)


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

A cheaper ELU (Carlile et al., 2017), bounded below by $-1/\\sqrt\\alpha$; the default
$\\alpha = 1$ is our choice. PyTorch has no ISRLU.

Examples:
    >>> isrlu([-10.0, -1.0, 0.0, 2.0])
    array([-0.99503719, -0.70710678,  0.        ,  2.        ])
""",
    )
)


def _squareplus_parts(x: Array, b: float) -> tuple[Array, Array]:
    """$r = \\sqrt{x^2 + b}$ and $g = b / (2(r + |x|))$, which equals squareplus(-|x|)."""
    r = x * x
    r += b
    np.sqrt(r, out=r)
    g = np.abs(x)
    g += r
    np.divide(0.5 * b, g, out=g)
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

Computed as $\\max(x, 0) + b / (2(\\sqrt{x^2 + b} + |x|))$, the same number without the
cancellation that the plain formula suffers for large negative $x$.
Proposed by Barron (2021). PyTorch has no squareplus.

Examples:
    >>> squareplus([-10.0, 0.0, 10.0])
    array([ 0.09901951,  1.        , 10.09901951])
""",
    )
)


def _bent_identity(x: Array) -> Array:
    # (sqrt(x^2 + 1) - 1) / 2 written as x^2 / (2 (sqrt(x^2 + 1) + 1)), which does not cancel.
    sq = x * x
    r = sq + 1.0
    np.sqrt(r, out=r)
    r += 1.0
    np.divide(sq, r, out=sq)
    sq *= 0.5
    sq += x
    return sq


def _bent_identity_grad(x: Array) -> Array:
    r = x * x
    r += 1.0
    np.sqrt(r, out=r)
    r *= 2.0
    np.divide(x, r, out=r)
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

Computed as $x^2 / (2(\\sqrt{x^2+1} + 1)) + x$, which is the same number without the
cancellation near 0. Its slope rises from $1/2$ to $3/2$. PyTorch has no bent identity.

Examples:
    >>> bent_identity([-2.0, 0.0, 2.0])
    array([-1.38196601,  0.        ,  2.61803399])
""",
    )
)
