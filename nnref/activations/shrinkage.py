"""Shrinkage activations: small inputs are pulled to (or towards) zero."""

from __future__ import annotations

import numpy as np

from nnref._typing import Array
from nnref.activations._core import Activation, keep_nan, non_negative, register

__all__ = ["hardshrink", "softshrink", "tanhshrink"]


def _softshrink(x: Array, lambd: float) -> Array:
    return x - np.clip(x, -lambd, lambd)


def _outside(x: Array, lambd: float) -> Array:
    return (np.abs(x) > lambd).astype(x.dtype)


def _shrink_grad(x: Array, lambd: float) -> Array:
    return keep_nan(_outside(x, lambd), x)


softshrink = register(
    Activation(
        key="softshrink",
        kink_fn=lambda lambd: (-lambd, lambd),
        name="Soft shrinkage",
        fn=_softshrink,
        grad=_shrink_grad,
        formula=r"f(x) = \begin{cases} x - \lambda & x > \lambda \\ 0 & |x| \le \lambda \\"
        r" x + \lambda & x < -\lambda \end{cases}",
        derivative_formula=r"f'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda"
        r" \end{cases}",
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=False,
        saturates="none",
        defaults={"lambd": 0.5},
        check=non_negative("lambd"),
        family="shrinkage",
        torch_name="torch.nn.functional.softshrink",
        summary="Moves every input lambda closer to zero and zeroes the ones within lambda.",
        strengths=(
            "Produces exact zeros (sparsity) while keeping the function continuous.",
            "The proximal step of the L1 penalty, used in sparse coding (ISTA).",
        ),
        problems=(
            "Zero gradient inside the dead zone [-lambda, lambda].",
            "Shrinks large values too, which biases them towards zero.",
        ),
        doc="""Soft shrinkage: $x - \\operatorname{clip}(x, -\\lambda, \\lambda)$.

Soft shrinkage moves every input $\\lambda$ closer to zero and sets the inputs within $\\lambda$
of zero exactly to 0. It is the proximal operator of the $L_1$ penalty: the step that makes
lasso and sparse-coding solvers such as ISTA produce exact zeros, and the rule of wavelet
denoising by soft thresholding (Donoho, 1995). LISTA (Gregor and LeCun, 2010) unrolls those
iterations into a trained network with soft shrinkage as its activation.

Notes:
    $\\lambda$ is ``lambd`` (PyTorch's spelling, as ``lambda`` is a Python keyword), default
    0.5, and must be non-negative. At the corners $x = \\pm\\lambda$ the derivative is taken as
    0, as PyTorch does.

Examples:
    >>> softshrink([-2.0, 0.3, 1.0])
    array([-1.5,  0. ,  0.5])
""",
    )
)


def _hardshrink(x: Array, lambd: float) -> Array:
    out = _outside(x, lambd)
    out *= x
    return out


hardshrink = register(
    Activation(
        key="hardshrink",
        kink_fn=lambda lambd: (-lambd, lambd),
        name="Hard shrinkage",
        fn=_hardshrink,
        grad=_shrink_grad,
        formula=r"f(x) = \begin{cases} x & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}",
        derivative_formula=r"f'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda"
        r" \end{cases}",
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=False,
        continuous=False,
        saturates="none",
        defaults={"lambd": 0.5},
        check=non_negative("lambd"),
        family="shrinkage",
        torch_name="torch.nn.functional.hardshrink",
        summary="Keeps inputs larger than lambda in magnitude and zeroes the rest.",
        strengths=("Leaves large values untouched (no bias) while zeroing small ones.",),
        problems=(
            "Jumps at ±lambda, so it is not continuous there.",
            "Zero gradient inside the dead zone.",
        ),
        doc="""Hard shrinkage (hard thresholding): $x$ if $|x| > \\lambda$, else 0.

Hard shrinkage keeps inputs whose magnitude exceeds $\\lambda$ and sets the rest to 0, without
moving the survivors. It is hard thresholding, the counterpart of soft shrinkage in wavelet
denoising (Donoho and Johnstone, 1994) and the step of iterative hard thresholding for sparse
recovery (Blumensath and Davies, 2009). In a network it acts as a dead zone that silences weak
responses.

Notes:
    Default $\\lambda$ = ``lambd`` = 0.5 (PyTorch's). The function jumps at $\\pm\\lambda$;
    there the output is 0 and the derivative is taken as 0, as PyTorch does.

Examples:
    >>> hardshrink([-2.0, 0.5, 0.6])
    array([-2. ,  0. ,  0.6])
""",
    )
)


# x - tanh(x) = x^3/3 - 2x^5/15 + 17x^7/315 - 62x^9/2835 + 1382x^11/155925 - 21844x^13/6081075
# + ..., used below |x| = _TANHSHRINK_SERIES[dtype], where x - tanh(x) loses more than the
# series' truncation error (relative 4e-15 at 0.1, 2e-9 at 0.3).
_TANHSHRINK_SERIES = {np.dtype(np.float64): 0.1, np.dtype(np.float32): 0.3}
_TANHSHRINK_TERMS = (-21844.0 / 6081075.0, 1382.0 / 155925.0, -62.0 / 2835.0, 17.0 / 315.0,
                     -2.0 / 15.0, 1.0 / 3.0)  # fmt: skip


def _tanhshrink(x: Array) -> Array:
    out = x - np.tanh(x)
    small = np.abs(x) < _TANHSHRINK_SERIES[x.dtype]
    if np.any(small):
        xs = x[small]
        x2 = xs * xs
        series = np.full_like(xs, _TANHSHRINK_TERMS[0])
        for coefficient in _TANHSHRINK_TERMS[1:]:  # Horner's rule in x^2
            series *= x2
            series += coefficient
        series *= x2
        series *= xs
        out[small] = series
    return out


def _tanhshrink_grad(x: Array) -> Array:
    t = np.tanh(x)
    np.multiply(t, t, out=t)
    return t


tanhshrink = register(
    Activation(
        key="tanhshrink",
        name="Tanh shrinkage",
        fn=_tanhshrink,
        grad=_tanhshrink_grad,
        formula=r"f(x) = x - \tanh(x)",
        derivative_formula=r"f'(x) = \tanh^2(x)",
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=True,
        saturates="none",
        family="shrinkage",
        torch_name="torch.nn.functional.tanhshrink",
        summary="The input minus its tanh: flat (cubic) near 0, slope 1 far away.",
        strengths=(
            "A smooth shrinkage: small inputs are suppressed, large ones shifted by about 1.",
        ),
        problems=(
            "Zero gradient at the origin and tiny gradients near it.",
            "Rarely used outside sparse-coding experiments.",
        ),
        doc="""Tanh shrinkage: $x - \\tanh(x)$, derivative $\\tanh^2(x)$.

Tanh shrinkage subtracts tanh from the input. Near zero it is nearly flat, behaving like
$x^3/3$; far away it runs parallel to the identity, like $x \\mp 1$. Small inputs are thus
suppressed smoothly instead of being cut at a threshold, which makes it a differentiable
relative of soft shrinkage.

Notes:
    Computed as $x - \\tanh x$ (as PyTorch does) except near 0, where that difference would lose
    the digits of the tiny result: there its Taylor series is summed instead (below $|x| = 0.1$
    in float64, $0.3$ in float32), so every value keeps full relative accuracy.

Examples:
    >>> tanhshrink([-3.0, 0.0, 1.0])
    array([-2.00494525,  0.        ,  0.23840584])
""",
    )
)
