"""Activation functions: each one an object that knows its formula, derivative and properties.

An activation function turns a neuron's net input $z$ into its activity level $a = f(z)$.
Every activation here is an [`Activation`][nnref.activations.Activation]: call it for the
forward pass, call [`derivative`][nnref.activations.Activation.derivative] for $f'(z)$, and
read its metadata (formula, range, properties, strengths and problems) to describe it. The
glossary pages and the overview table are generated from exactly these objects.

The catalogue is split by family (a large family over two or three modules), and
[`catalog`][nnref.activations.catalog] lists them in page order: threshold, linear,
sigmoid-like, rectifiers, smooth rectifiers, shrinkage, periodic, radial, other, and the
vector-valued ones (softmax and friends).

The properties the pages state (range, bounded, monotonic, odd, zero-centred, continuous,
differentiable, saturation) are defined once in [`PROPERTIES`][nnref.activations.PROPERTIES],
each with a check; [`check_claims`][nnref.activations.check_claims] compares an activation's
metadata with the function itself.

**The whole float range.** For every finite float32 or float64 input, from the smallest
subnormal number to the largest finite one, the value, the derivative, the Jacobian and the
backward pass are the exact result correctly rounded up to a few units in the last place
(the tests compare every activation with 120-bit references: 1e-12 relative in float64,
1e-5 in float32), and no NumPy warning is raised. Two boundaries of the floats themselves
apply: a true value beyond the largest finite float is $\\pm\\infty$ (bent identity at
$10^{308}$, soft exponential with $\\alpha > 0$), and one below the smallest normal number
($2.2 \\cdot 10^{-308}$, float32 $1.2 \\cdot 10^{-38}$) may come out as a nearby subnormal
number or 0. Near a zero of the function away from the origin (sine at $\\pi$, the
derivative of GELU near $-0.75$) the error is small compared with the terms the formula adds
up, not with the tiny result.

**NaN and infinity** (the one rule for every activation): a NaN input gives NaN, in the value
and the derivative. An infinite input gives the limit as $x \\to \\pm\\infty$, itself
possibly infinite: ``sigmoid(inf)`` is 1, ``relu(-inf)`` is 0, ``gelu(-inf)`` is 0,
``bent_identity(-inf)`` is ``-inf``; the oscillating sine and cosine have no limit and give
NaN. Vector-valued activations work on whole slices: a slice holding NaN or $+\\infty$ gives
NaN throughout for softmax and log-softmax ($-\\infty$ for softmin, which is softmax of
$-x$), and a $-\\infty$ entry gets probability exactly 0 (log-probability $-\\infty$); GLU
and maxout follow IEEE arithmetic entry by entry. An upstream gradient that is NaN or
infinite follows IEEE arithmetic in ``backward``.

Examples:
    >>> from nnref import activations
    >>> activations.relu([-2.0, 0.5])
    array([0. , 0.5])
    >>> activations.get("sigmoid").output_range
    (0.0, 1.0)
"""

from __future__ import annotations

import numpy as np  # noqa: F401  (the doctests in __test__ run in this namespace)

from nnref.activations._core import (
    FAMILIES,
    SATURATION,
    Activation,
    catalog,
    get,
    register,
    resolve,
)

# Each module registers its activations as it is imported; catalog() groups them by family.
from nnref.activations.threshold import sign, step  # isort: skip
from nnref.activations.linear import identity  # isort: skip
from nnref.activations.sigmoid_like import (  # isort: skip
    hard_sigmoid,
    hard_tanh,
    log_sigmoid,
    plu,
    sigmoid,
    smht,
    tanh,
)
from nnref.activations.s_curves import (  # isort: skip
    arctan,
    arsinh,
    isru,
    soft_clipping,
    softsign,
    sqnl,
)
from nnref.activations.rectifiers import (  # isort: skip
    brelu,
    hard_elish,
    hard_swish,
    leaky_relu,
    prelu,
    relu,
    relu6,
    rrelu,
    srelu,
    threshold,
)
from nnref.activations.smooth_rectifiers import celu, elu, selu, softplus  # isort: skip
from nnref.activations.gated import elish, gelu, gelu_tanh, mish, silu, swish  # isort: skip
from nnref.activations.root_rectifiers import bent_identity, isrlu, squareplus  # isort: skip
from nnref.activations.shrinkage import hardshrink, softshrink, tanhshrink  # isort: skip
from nnref.activations.periodic import cos, sin, sinc  # isort: skip
from nnref.activations.radial import gaussian, sq_rbf  # isort: skip
from nnref.activations.other import soft_exponential  # isort: skip
from nnref.activations.vector import glu, log_softmax, maxout, softmax, softmin  # isort: skip
from nnref.activations._properties import (  # isort: skip
    PROPERTIES,
    ClaimError,
    Property,
    check_claims,
    mean_output,
    saturation_sides,
)

__all__ = [
    "FAMILIES",
    "PROPERTIES",
    "SATURATION",
    "Activation",
    "ClaimError",
    "Property",
    "check_claims",
    "mean_output",
    "saturation_sides",
    "arctan",
    "arsinh",
    "bent_identity",
    "brelu",
    "catalog",
    "celu",
    "cos",
    "elish",
    "elu",
    "gaussian",
    "gelu",
    "gelu_tanh",
    "get",
    "resolve",
    "glu",
    "hard_elish",
    "hard_sigmoid",
    "hard_swish",
    "hard_tanh",
    "hardshrink",
    "identity",
    "isrlu",
    "isru",
    "leaky_relu",
    "log_sigmoid",
    "log_softmax",
    "maxout",
    "mish",
    "plu",
    "prelu",
    "register",
    "relu",
    "relu6",
    "rrelu",
    "selu",
    "sigmoid",
    "sign",
    "silu",
    "sin",
    "sinc",
    "smht",
    "soft_clipping",
    "soft_exponential",
    "softmax",
    "softmin",
    "softplus",
    "softshrink",
    "softsign",
    "sq_rbf",
    "sqnl",
    "squareplus",
    "srelu",
    "step",
    "swish",
    "tanh",
    "tanhshrink",
    "threshold",
]

# Every activation's docstring is a doctest; the objects are instances, so collect them here.
# The examples run in this module's namespace, which is why ``np`` is imported above.
__test__ = {f"{a.key} (Activation)": a.doc for a in catalog()}
