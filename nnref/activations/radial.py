"""Radial-basis activations: a bump centred on zero."""

from __future__ import annotations

import numpy as np

from nnref._typing import Array
from nnref.activations._core import Activation, register

__all__ = ["gaussian", "sq_rbf"]


def _gaussian(x: Array) -> Array:
    # e^{-x^2} is exactly 0 beyond |x| = 40, so x is clipped there before squaring.
    e = np.clip(x, -40.0, 40.0)
    e *= e
    np.negative(e, out=e)
    np.exp(e, out=e)
    return e


def _gaussian_grad(x: Array) -> Array:
    e = _gaussian(x)
    e *= x
    e *= -2.0
    return e


gaussian = register(
    Activation(
        key="gaussian",
        name="Gaussian",
        fn=_gaussian,
        grad=_gaussian_grad,
        formula=r"f(x) = e^{-x^2}",
        derivative_formula=r"f'(x) = -2x\,e^{-x^2}",
        output_range=(0.0, 1.0),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="both",
        family="radial",
        summary="The bell curve e^(-x²): 1 at the centre, falling to 0 on both sides.",
        strengths=(
            "Responds to inputs near a centre only: the unit of radial basis function networks.",
            "Smooth and bounded in (0, 1].",
        ),
        problems=(
            "Saturates on both sides: far from the centre the gradient vanishes.",
            "Not monotonic.",
        ),
        doc="""Gaussian: $e^{-x^2}$, peak 1 at $x = 0$, derivative $-2x e^{-x^2}$.

The Gaussian $e^{-x^2}$ responds most, with 1, when the net input is near zero and fades to 0 on
both sides, so a unit with it detects "net input close to a centre" rather than "net input
large". The same bump, applied to the distance between an input and a centre instead of to a
weighted sum, is the hidden unit of radial basis function networks (Broomhead and Lowe, 1988).

Its peak is 1 at $x = 0$; the derivative is $-2x e^{-x^2}$.

Notes:
    For $|x|$ above about 27.3 the true value is below the smallest float64 and comes out as 0.
    PyTorch has no Gaussian activation.

Examples:
    >>> gaussian([-1.0, 0.0, 2.0])
    array([0.36787944, 1.        , 0.01831564])
""",
    )
)


def _sq_rbf(x: Array) -> Array:
    a = np.abs(x)
    inner = np.clip(x, -1.0, 1.0)  # the inner piece is only used on [-1, 1]: no overflow
    inner *= inner
    inner *= -0.5
    inner += 1.0
    outer = np.maximum(2.0 - a, 0.0)
    outer *= outer
    outer *= 0.5
    return np.where(a <= 1.0, inner, outer)


def _sq_rbf_grad(x: Array) -> Array:
    a = np.abs(x)
    outer = np.maximum(2.0 - a, 0.0)
    outer *= -np.sign(x)
    return np.where(a <= 1.0, -x, outer)


sq_rbf = register(
    Activation(
        key="sq_rbf",
        name="Square radial basis function (SQ-RBF)",
        fn=_sq_rbf,
        grad=_sq_rbf_grad,
        formula=r"f(x) = \begin{cases} 1 - x^2/2 & |x| \le 1 \\ (2 - |x|)^2/2 & 1 < |x| < 2 \\"
        r" 0 & |x| \ge 2 \end{cases}",
        derivative_formula=r"f'(x) = \begin{cases} -x & |x| \le 1 \\ -\operatorname{sign}(x)"
        r"\,(2 - |x|) & 1 < |x| < 2 \\ 0 & |x| \ge 2 \end{cases}",
        output_range=(0.0, 1.0),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="both",
        family="radial",
        summary="A Gaussian-like bump made of parabolas, exactly zero beyond |x| = 2.",
        strengths=(
            "Gaussian-like but with compact support: exactly 0 for |x| ≥ 2.",
            "No exponential; differentiable everywhere.",
        ),
        problems=(
            "Exactly zero gradient for |x| ≥ 2.",
            "Not monotonic.",
        ),
        doc="""Square radial basis function: parabola pieces forming a bump of height 1 and width 4.

The square radial basis function (Wuraola and Patel, 2018) builds a Gaussian-like bump of height
1 and width 4 from parabola pieces, and it is exactly 0 beyond $|x| = 2$. Its authors designed
it as a cheaper replacement for the Gaussian in radial basis function networks and multilayer
perceptrons: it needs no exponential, and they reported faster training with fewer neurons.

The pieces meet with matching slopes at $|x| = 1$ and $|x| = 2$, so the function is
differentiable everywhere (its second derivative jumps).

Notes:
    PyTorch has no SQ-RBF.

Examples:
    >>> sq_rbf([-3.0, -1.5, 0.0, 0.5])
    array([0.   , 0.125, 1.   , 0.875])
""",
    )
)
