"""Threshold activations: outputs jump between two constant levels."""

from __future__ import annotations

import numpy as np

from nnref._typing import Array
from nnref.activations._core import Activation, keep_nan, register

__all__ = ["sign", "step"]


def _zeros(x: Array, **_: float) -> Array:
    return keep_nan(np.zeros_like(x), x)


def _step(x: Array, threshold: float) -> Array:
    return keep_nan((x >= threshold).astype(x.dtype), x)


step = register(
    Activation(
        key="step",
        kink_fn=lambda threshold: (threshold,),
        name="Binary step (Heaviside)",
        fn=_step,
        grad=_zeros,
        formula=r"H(x) = \begin{cases} 1 & x \ge \theta \\ 0 & x < \theta \end{cases}",
        derivative_formula=r"H'(x) = 0 \quad (x \ne \theta;\ \text{undefined at } \theta)",
        output_range=(0.0, 1.0),
        output_values=(0.0, 1.0),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=False,
        continuous=False,
        saturates="both",
        defaults={"threshold": 0.0},
        family="threshold",
        aliases=("heaviside", "binary_step"),
        torch_name="torch.heaviside",
        summary="Fires 1 when the net input reaches the threshold, otherwise 0.",
        strengths=(
            "The output is a clean yes/no decision, as in the threshold logic unit.",
            "Trivial to compute and to implement in hardware.",
        ),
        problems=(
            "Its derivative is zero wherever it exists, so gradient descent cannot train "
            "through it.",
            "A tiny change of the net input near the threshold flips the output completely.",
        ),
        doc="""Binary step (Heaviside): $1$ if $x \\ge \\theta$, else $0$.

The oldest activation: the neuron fires (1) or stays silent (0) depending on whether its net
input reaches the threshold $\\theta$. It is the activation of McCulloch and Pitts' threshold
logic unit (1943) and of Rosenblatt's perceptron (1958), and it is still how a trained
classifier turns a score into a yes/no answer. Its derivative is 0 everywhere it exists, so no
gradient flows through it: it belongs with learning rules that need no derivative, such as the
perceptron rule, and networks trained by backpropagation replaced it by its smooth relative, the
sigmoid.

Notes:
    The output at the threshold itself is exactly 1, as in PyTorch's ``torch.heaviside(x -
    threshold, 1)``. ``derivative`` returns 0 everywhere, at the jump as well.

Examples:
    >>> step([-1.0, 0.0, 2.0])
    array([0., 1., 1.])
    >>> step([0.5, 1.5], threshold=1.0)
    array([0., 1.])
""",
    )
)


def _sign(x: Array, threshold: float) -> Array:
    out = (x >= threshold).astype(x.dtype)
    out *= 2.0
    out -= 1.0
    return keep_nan(out, x)


sign = register(
    Activation(
        key="sign",
        kink_fn=lambda threshold: (threshold,),
        name="Sign (bipolar step)",
        fn=_sign,
        grad=_zeros,
        formula=r"\operatorname{sgn}(x) = \begin{cases} +1 & x \ge \theta \\ -1 & x < \theta"
        r" \end{cases}",
        derivative_formula=r"\operatorname{sgn}'(x) = 0 \quad (x \ne \theta)",
        output_range=(-1.0, 1.0),
        output_values=(-1.0, 1.0),
        monotonic=True,
        zero_centered=True,
        odd=False,
        smooth=False,
        continuous=False,
        saturates="both",
        defaults={"threshold": 0.0},
        family="threshold",
        aliases=("bipolar_step",),
        summary="Answers +1 when the net input reaches the threshold, otherwise -1.",
        strengths=(
            "Outputs match labels in {-1, 1}, the perceptron's classic encoding.",
            "Symmetric outputs: a balanced input gives a balanced output.",
        ),
        problems=(
            "Zero derivative everywhere, so it cannot be trained by gradient descent.",
            "Unlike numpy.sign it never answers 0, which surprises some readers.",
        ),
        doc="""Sign (bipolar step): $+1$ if $x \\ge \\theta$, else $-1$.

The bipolar twin of the step: the same all-or-nothing decision, reported as $+1$ or $-1$ instead
of 1 or 0, so that the two answers sit symmetrically around zero. It is the perceptron's classic
output for labels in $\\{-1, 1\\}$, the quantiser that turns Widrow and Hoff's Adaline (1960)
into a classifier, and the update rule of a Hopfield network's $\\pm 1$ units. Binarised neural
networks (Courbariaux et al., 2016) still use it to reduce weights and activations to a single
bit, training through it with a substitute gradient because its own derivative is 0.

Notes:
    Unlike ``numpy.sign`` (and ``torch.sign``) it never answers 0: the threshold itself maps to
    $+1$. ``derivative`` returns 0 everywhere, at the jump as well.

Examples:
    >>> sign([-0.3, 0.0, 4.0])
    array([-1.,  1.,  1.])
""",
    )
)
