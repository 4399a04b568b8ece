"""Smooth rectifiers, part one: softplus and the exponential linear units (ELU, CELU, SELU).

ReLU-like curves without (or with a softer) corner at 0. The self-gated ones (GELU, SiLU and
their relatives) are in ``gated`` and the square-root ones in ``root_rectifiers``; the
catalogue lists the three modules as one family, in this order.
"""

from __future__ import annotations

import numpy as np

from nnref._typing import Array
from nnref.activations import _stable
from nnref.activations._core import (
    Activation,
    const,
    positive,
    register,
)

__all__ = [
    "celu",
    "elu",
    "selu",
    "softplus",
]


# --- softplus ------------------------------------------------------------------------------


def _scaled(x: Array, beta: float) -> Array:
    """$\\beta x$; a product beyond the float range is $\\pm\\infty$, and softplus there is
    the identity (above the threshold) or exactly 0, so the overflow is harmless."""
    if beta == 1.0:
        return x
    with np.errstate(over="ignore"):
        return x * beta


def _softplus(x: Array, beta: float, threshold: float) -> Array:
    z = _scaled(x, beta)
    out = _stable.softplus(z)
    if beta != 1.0:
        with np.errstate(over="ignore"):  # a tiny beta: ln(2)/beta can pass the largest float
            out /= beta
    linear = z > threshold  # usually rare, so a masked assignment beats np.where
    out[linear] = x[linear]
    return out


def _softplus_grad(x: Array, beta: float, threshold: float) -> Array:
    z = _scaled(x, beta)
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
        odd=False,
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

Softplus is ReLU with the corner rounded off: nearly 0 far to the left, nearly $x$ far to the
right, and its derivative is the sigmoid, $\\sigma(\\beta x)$; a larger $\\beta$ makes the
corner sharper. Dugas et al. (2001) introduced it as a smooth rectifier; Glorot, Bordes and
Bengio (2011) later found that ReLU's exact zeros train deep networks at least as well. Today it
is used mostly where a network must output a positive number, and as a building block of other
activations such as Mish.

Notes:
    Like PyTorch it returns $x$ itself where $\\beta x >$ ``threshold`` (default 20), where the
    two differ by less than $10^{-8}$; the derivative is then exactly 1. Below the threshold it
    is computed as $(\\max(\\beta x, 0) + \\ln(1 + e^{-|\\beta x|}))/\\beta$, which never
    overflows.

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
        odd=False,
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

ELU (Clevert, Unterthiner and Hochreiter, 2015) is the identity for positive inputs and a smooth
exponential curve, $\\alpha(e^x - 1)$, for negative ones, bounded below by $-\\alpha$. Its
authors designed the negative part to push a layer's mean output towards zero, as batch
normalisation does, while the flat floor keeps strongly negative inputs from passing on noise.
They proposed it for deep convolutional networks as an alternative to ReLU and its leaky
variants.

Notes:
    With the default $\\alpha = 1$ both pieces have slope 1 at 0, so ELU is differentiable
    there; for other $\\alpha$ the slope jumps and the derivative at 0 is taken as $\\alpha$, as
    PyTorch does. The negative part uses ``expm1`` for accuracy near 0.

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
        odd=False,
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

CELU (Barron, 2017) is ELU with the exponent divided by $\\alpha$. Dividing the exponent by
$\\alpha$ makes the slope of the negative piece 1 at the origin for every $\\alpha > 0$, so the
function is continuously differentiable whatever $\\alpha$ is, and $\\alpha$ stretches the
negative piece equally in both directions. Barron proposed it as a better parametrisation of
ELU; the two are equal when $\\alpha = 1$.

Notes:
    The negative part uses ``expm1`` for accuracy near 0. PyTorch calls it ``celu``, with the
    same default $\\alpha = 1$.

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
    with np.errstate(over="ignore"):  # lambda x beyond the largest float: inf, rightly
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
        zero_centered=True,
        odd=False,
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

SELU (Klambauer et al., 2017) is ELU multiplied by a constant: $\\lambda x$ for positive inputs
and $\\lambda\\alpha(e^x - 1)$ for negative ones, with $\\lambda \\approx 1.0507$ and $\\alpha
\\approx 1.6733$. The two constants are chosen so that, in a plain fully connected network with
suitably initialised weights, the activations are drawn towards zero mean and unit variance
layer after layer. These self-normalising networks train deep feed-forward models without batch
normalisation.

Notes:
    The fixed constants are PyTorch's (from the SELU paper); they are not parameters. The slope
    jumps at 0 (from $\\lambda\\alpha \\approx 1.758$ to $\\lambda$); at 0 the derivative is
    taken as $\\lambda\\alpha$, as PyTorch does.

Examples:
    >>> selu([-10.0, -1.0, 0.0, 1.0])
    array([-1.75801952, -1.11133074,  0.        ,  1.05070099])
""",
    )
)
