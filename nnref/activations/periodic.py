"""Periodic and oscillating activations."""

from __future__ import annotations

import numpy as np

from nnref._typing import Array
from nnref.activations._core import Activation, const, lowest_value, register

__all__ = ["cos", "sin", "sinc"]


def _sin(x: Array) -> Array:
    return np.sin(x)


def _cos(x: Array) -> Array:
    return np.cos(x)


def _neg_sin(x: Array) -> Array:
    s = np.sin(x)
    np.negative(s, out=s)
    return s


sin = register(
    Activation(
        key="sin",
        name="Sinusoid (sine)",
        fn=_sin,
        grad=_cos,
        formula=r"f(x) = \sin(x)",
        derivative_formula=r"f'(x) = \cos(x)",
        output_range=(-1.0, 1.0),
        monotonic=False,
        zero_centered=True,
        odd=True,
        smooth=True,
        saturates="none",
        family="periodic",
        oscillates=True,
        aliases=("sinusoid", "sine"),
        torch_name="torch.sin",
        summary="The sine wave: periodic, bounded, zero-centred.",
        strengths=(
            "Represents periodic patterns and fine detail well (SIREN networks for signals "
            "and images).",
            "Its gradient never vanishes for large inputs; it keeps oscillating.",
        ),
        problems=(
            "Many inputs give the same output, so the loss surface has many equivalent minima.",
            "Needs a careful initialisation to train well.",
        ),
        doc="""Sinusoid: $\\sin(x)$, derivative $\\cos(x)$. Period $2\\pi$, range $[-1, 1]$.

A sine activation makes each unit oscillate in its net input, so a network of such units can
represent periodic patterns and fine, high-frequency detail that rectifier networks smooth over.
Sitzmann et al. (2020) built SIREN networks on it to represent images, sounds and 3-D shapes as
continuous functions of their coordinates, with a weight initialisation designed for sine units.

Its period is $2\\pi$, its range $[-1, 1]$ and its derivative $\\cos(x)$.

Notes:
    The value is NumPy's ``np.sin``; PyTorch offers it as the tensor function ``torch.sin``. An
    infinite input gives NaN: the sine has no limit there.

Examples:
    >>> sin([0.0, np.pi / 2])
    array([0., 1.])
""",
    )
)

cos = register(
    Activation(
        key="cos",
        name="Cosine",
        fn=_cos,
        grad=_neg_sin,
        formula=r"f(x) = \cos(x)",
        derivative_formula=r"f'(x) = -\sin(x)",
        output_range=(-1.0, 1.0),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="none",
        family="periodic",
        oscillates=True,
        aliases=("cosine",),
        torch_name="torch.cos",
        summary="The cosine wave: a shifted sine, even instead of odd.",
        strengths=(
            "A single cosine unit can separate XOR-like patterns that need two ReLUs.",
            "Used in random Fourier features and periodic models.",
        ),
        problems=(
            "A controversial choice for hidden layers: periodicity creates many "
            "equivalent solutions and a bumpy loss surface.",
            "Even, not odd: f(-x) = f(x), so negative and positive inputs look alike.",
        ),
        doc="""Cosine: $\\cos(x)$, derivative $-\\sin(x)$. Period $2\\pi$, range $[-1, 1]$.

The cosine is the sine shifted by a quarter period, so it is even, with its peak at 0, where the
sine is odd. Random Fourier features (Rahimi and Recht, 2007) approximate kernel machines with a
single layer of cosine units, $\\cos(xW + b)$ with random $W$ and $b$; as a hidden-layer
activation of trained networks it is unusual.

Its period is $2\\pi$, its range $[-1, 1]$ and its derivative $-\\sin(x)$.

Notes:
    The value is NumPy's ``np.cos``; PyTorch offers it as the tensor function ``torch.cos``. An
    infinite input gives NaN: the cosine has no limit there.

Examples:
    >>> cos([0.0, np.pi])
    array([ 1., -1.])
""",
    )
)

# Below this |x| the derivative uses its Taylor series instead of (x cos x - sin x) / x^2,
# which cancels badly near 0.
_SINC_SERIES = 0.1


def _sinc(x: Array) -> Array:
    zero = x == 0
    safe = np.where(zero, const(x, 1.0), x)
    out = np.sin(safe)
    out /= safe
    return np.where(zero, const(x, 1.0), out)


def _sinc_grad(x: Array) -> Array:
    small = np.abs(x) < _SINC_SERIES
    safe = np.where(small, const(x, 1.0), x)
    # (x cos x - sin x) / x^2 as (cos x - sin(x)/x) / x: no square to overflow.
    direct = np.sin(safe)
    direct /= safe
    np.subtract(np.cos(safe), direct, out=direct)
    direct /= safe
    # -x/3 + x^3/30 - x^5/840 + x^7/45360
    xs = np.clip(x, -_SINC_SERIES, _SINC_SERIES)  # only used below _SINC_SERIES: no overflow
    x2 = xs * xs
    series = x2 * (1.0 / 45360.0)
    series -= 1.0 / 840.0
    series *= x2
    series += 1.0 / 30.0
    series *= x2
    series -= 1.0 / 3.0
    series *= xs
    return np.where(small, series, direct)


sinc = register(
    Activation(
        key="sinc",
        name="Sinc",
        fn=_sinc,
        grad=_sinc_grad,
        formula=r"\operatorname{sinc}(x) = \begin{cases} \sin(x)/x & x \ne 0 \\ 1 & x = 0"
        r" \end{cases}",
        derivative_formula=r"\operatorname{sinc}'(x) = \begin{cases} \dfrac{x\cos x - \sin"
        r" x}{x^2} & x \ne 0 \\ 0 & x = 0 \end{cases}",
        output_range=(lowest_value(_sinc, 3.5, 5.5), 1.0),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="both",
        family="periodic",
        summary="sin(x)/x: a central peak of 1 with decaying ripples.",
        strengths=("Smooth, bounded, and its ripples give it band-limited, wave-like behaviour.",),
        problems=(
            "Not monotonic and not periodic: many inputs share an output.",
            "Its gradient decays like 1/|x|.",
        ),
        doc="""Unnormalised sinc: $\\sin(x)/x$, with $\\operatorname{sinc}(0) = 1$.

The unnormalised sinc, $\\sin(x)/x$ with $\\operatorname{sinc}(0) = 1$, is a central peak of
height 1 with ripples whose height decays like $1/|x|$. A unit with it responds most to net
inputs near zero and weakly, with alternating sign, further out. It is best known from signal
processing, as the shape of an ideal low-pass filter's impulse response; as an activation it is
an unusual choice, listed in catalogues for its localised, wave-like response.

The lowest value, about $-0.2172$, is at the first solution of $\\tan x = x$ ($x \\approx
4.493$).

Notes:
    This is **not** ``numpy.sinc`` (nor ``torch.sinc``), which is the normalised $\\sin(\\pi
    x)/(\\pi x)$. The derivative $(x\\cos x - \\sin x)/x^2$ uses its Taylor series for $|x| <
    0.1$, so it stays accurate near 0 (where it is 0).

Examples:
    >>> sinc([0.0, np.pi / 2, np.pi])
    array([1.00000000e+00, 6.36619772e-01, 3.89817183e-17])
""",
    )
)
