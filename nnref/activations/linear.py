"""The linear activation: the identity."""

from __future__ import annotations

import numpy as np

from nnref._typing import Array
from nnref.activations._core import Activation, keep_nan, register

__all__ = ["identity"]


def _identity(x: Array) -> Array:
    return x.copy()


def _ones(x: Array) -> Array:
    return keep_nan(np.ones_like(x), x)


identity = register(
    Activation(
        key="identity",
        name="Identity (linear)",
        fn=_identity,
        grad=_ones,
        formula=r"\operatorname{id}(x) = x",
        derivative_formula=r"\operatorname{id}'(x) = 1",
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=True,
        family="linear",
        aliases=("linear",),
        torch_name="torch.nn.Identity",
        summary="Passes the net input through unchanged; the usual output function.",
        strengths=(
            "The natural output activation for regression: any real target can be reached.",
            "Its gradient is exactly 1, so it never shrinks or blows up a signal.",
        ),
        problems=(
            "Adds no non-linearity: a stack of linear layers is a single affine map.",
            "Unbounded outputs.",
        ),
        doc="""Identity: $\\operatorname{id}(x) = x$, derivative $1$.

The identity leaves the net input as it is, so a neuron with it is a purely linear unit; it is
also the usual output function of a neuron, the map from activity level to output. It is the
output activation of networks that predict real numbers (regression), the activation Adaline
learns with (Widrow and Hoff, 1960), and a deliberate choice in the narrow "linear bottleneck"
layers of MobileNetV2 (Sandler et al., 2018), where a rectifier would throw information away. A
network made only of identity activations is a single affine map, however deep.

Notes:
    PyTorch's counterpart is the module ``torch.nn.Identity``. ``identity`` returns a new array,
    never the caller's.

Examples:
    >>> identity([-1.5, 0.0, 2.0])
    array([-1.5,  0. ,  2. ])
""",
    )
)
