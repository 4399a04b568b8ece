"""Sigmoid-like activations, part one: the logistic sigmoid, tanh and their close relatives.

The piecewise-linear hard sigmoid and hard tanh and Soboleva's modified tanh (SMHT). The
family's other S-curves are in ``s_curves``; the catalogue lists the two modules as one family,
this one first. Two relatives defined here are unbounded, so they are filed under "other"
(the squashing family is bounded and monotonic, see ``FAMILY_RULES``): log-sigmoid and the
piecewise linear unit (PLU).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from nnref._typing import Array
from nnref._validation import error
from nnref.activations import _stable
from nnref.activations._core import (
    Activation,
    keep_nan,
    non_negative,
    register,
)

__all__ = [
    "hard_sigmoid",
    "hard_tanh",
    "log_sigmoid",
    "plu",
    "sigmoid",
    "smht",
    "tanh",
]


# --- logistic sigmoid ----------------------------------------------------------------------


sigmoid = register(
    Activation(
        key="sigmoid",
        name="Logistic sigmoid",
        fn=_stable.sigmoid,
        grad=_stable.sigmoid_slope,
        formula=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        derivative_formula=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
        output_range=(0.0, 1.0),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="both",
        family="sigmoid-like",
        aliases=("logistic",),
        torch_name="torch.nn.functional.sigmoid",
        summary="Squashes any net input into (0, 1); reads as a probability.",
        strengths=(
            "Outputs lie in (0, 1) and read as a probability: the output unit for binary "
            "classification.",
            "A smooth gate that passes a chosen fraction of a signal, as in LSTM gates.",
            "Small changes of the weights give small changes of the output.",
        ),
        problems=(
            "Saturates: for large |x| the derivative is almost 0 (vanishing gradient).",
            "The derivative is at most 1/4, so gradients shrink through every layer.",
            "Outputs are always positive (not zero-centred), which slows gradient descent.",
        ),
        doc="""Logistic sigmoid: $\\sigma(x) = 1 / (1 + e^{-x})$.

The logistic sigmoid bends any net input into a number between 0 and 1 along a smooth S: very
negative inputs give nearly 0, very positive ones nearly 1, and 0 gives exactly 1/2. As a
differentiable stand-in for the step it made training multilayer networks by backpropagation
possible, and it was their standard hidden-unit activation in the 1980s and 1990s (Rumelhart,
Hinton and Williams, 1986). In deep hidden layers ReLU and its relatives have replaced it; it
remains wherever an output must read as a probability or a gate must open by a fraction.

It is symmetric about its midpoint, $\\sigma(-x) = 1 - \\sigma(x)$, with $\\sigma(0) = 1/2$. Its
derivative $\\sigma(x)(1-\\sigma(x))$ is at most 1/4 (at 0). Both ends are approached, never
reached.

Notes:
    Computed in a form that never overflows: $1/(1+e^{-|x|})$ for $x \\ge 0$ and
    $e^{-|x|}/(1+e^{-|x|})$ for $x < 0$. The derivative is computed as $e^{-|x|}/(1 +
    e^{-|x|})^2$ so that its tiny values for large $|x|$ keep their digits. In floating point
    $\\sigma(x)$ rounds to exactly 0 below about $-745$ (and to 1 above about 37).

Examples:
    >>> sigmoid([0.0, 3.0, 10.0, -1000.0])
    array([0.5       , 0.95257413, 0.9999546 , 0.        ])
    >>> sigmoid.derivative([0.0, 3.0])
    array([0.25      , 0.04517666])
""",
    )
)


def _log_sigmoid_grad(x: Array) -> Array:
    return _stable.sigmoid(-x)


log_sigmoid = register(
    Activation(
        key="log_sigmoid",
        name="Log-sigmoid",
        fn=_stable.log_sigmoid,
        grad=_log_sigmoid_grad,
        formula=r"\log\sigma(x) = -\log\bigl(1 + e^{-x}\bigr)",
        derivative_formula=r"\frac{d}{dx}\log\sigma(x) = 1 - \sigma(x) = \sigma(-x)",
        output_range=(-np.inf, 0.0),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="right",
        family="other",
        aliases=("logsigmoid",),
        torch_name="torch.nn.functional.logsigmoid",
        summary="The logarithm of the sigmoid: a smooth version of min(0, x) = -ReLU(-x).",
        strengths=(
            "Gives the log-probability of a binary event directly and stably, as used in "
            "binary cross-entropy on logits.",
            "Its gradient does not vanish for negative inputs.",
        ),
        problems=(
            "Unbounded below and always negative.",
            "Saturates for large positive inputs, where the output approaches 0.",
        ),
        doc="""Log-sigmoid: $\\log \\sigma(x) = -\\log(1 + e^{-x}) = -\\operatorname{softplus}(-x)$.

Log-sigmoid gives the logarithm of the sigmoid: the log-probability that a logistic unit assigns
to the positive class. Its curve is a smooth version of $\\min(0, x)$, close to $x$ for very
negative inputs and close to 0 for very positive ones. It is rarely a hidden-layer activation;
its place is in losses: the binary cross-entropy of a logit $z$ is $-\\log\\sigma(z)$ for a
positive example and $-\\log\\sigma(-z)$ for a negative one, as in the negative-sampling
objective of word2vec (Mikolov et al., 2013).

Notes:
    Computed as $\\min(x, 0) - \\log(1 + e^{-|x|})$, which neither overflows nor loses the small
    values for large $x$ (naively, $\\log(\\sigma(40))$ rounds to 0). Derivative $\\sigma(-x) =
    1 - \\sigma(x)$. PyTorch calls it ``logsigmoid``.

Examples:
    >>> log_sigmoid([-1000.0, 0.0, 40.0])
    array([-1.00000000e+03, -6.93147181e-01, -4.24835426e-18])
""",
    )
)


def _hard_sigmoid(x: Array) -> Array:
    # relu6(x + 3) / 6, in the order PyTorch evaluates it.
    t = x + 3.0
    np.clip(t, 0.0, 6.0, out=t)
    t /= 6.0
    return t


def _hard_sigmoid_grad(x: Array) -> Array:
    inside = ((x > -3.0) & (x < 3.0)).astype(x.dtype)
    inside /= 6.0
    return keep_nan(inside, x)


hard_sigmoid = register(
    Activation(
        key="hard_sigmoid",
        kink_fn=lambda: (-3.0, 3.0),
        name="Hard sigmoid",
        fn=_hard_sigmoid,
        grad=_hard_sigmoid_grad,
        formula=r"\operatorname{hardsigmoid}(x) = \frac{\operatorname{ReLU6}(x + 3)}{6} = "
        r"\begin{cases} 0 & x \le -3 \\ x/6 + 1/2 & -3 < x < 3 \\ 1 & x \ge 3 \end{cases}",
        derivative_formula=r"\operatorname{hardsigmoid}'(x) = \begin{cases} 1/6 & -3 < x < 3"
        r" \\ 0 & \text{otherwise} \end{cases}",
        output_range=(0.0, 1.0),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=False,
        saturates="both",
        family="sigmoid-like",
        aliases=("hardsigmoid",),
        torch_name="torch.nn.functional.hardsigmoid",
        summary="A straight-line stand-in for the sigmoid, clipped to [0, 1].",
        strengths=(
            "Cheap: no exponential, only a shift, a clip and a division.",
            "Reaches 0 and 1 exactly, which suits quantised and mobile networks.",
        ),
        problems=(
            "Zero gradient outside (-3, 3): a unit pushed there stops learning.",
            "Not differentiable at -3 and 3.",
        ),
        doc="""Hard sigmoid (PyTorch's definition): $\\operatorname{ReLU6}(x + 3) / 6$.

The hard sigmoid draws the sigmoid's S with three straight pieces: 0 up to $-3$, then the line
$x/6 + 1/2$, then 1 from $3$ on. It keeps the sigmoid's role, a gate between 0 and 1, at the
cost of a shift, a clip and a division. That is why MobileNetV3 (Howard et al., 2019), a network
designed to run fast on phones, uses it in its squeeze-and-excitation gates and inside its hard
swish.

Notes:
    We follow PyTorch's definition, $\\operatorname{ReLU6}(x + 3) / 6$. Other libraries have
    used other slopes (Keras before version 3: $0.2x + 0.5$, clipped). At the kinks $x = \\pm 3$
    the derivative is taken as 0, as PyTorch does. PyTorch calls it ``hardsigmoid``.

Examples:
    >>> hard_sigmoid([-4.0, 0.0, 1.5, 3.0])
    array([0.  , 0.5 , 0.75, 1.  ])
    >>> hard_sigmoid.derivative([-3.0, 0.0, 3.0])
    array([0.        , 0.16666667, 0.        ])
""",
    )
)


# --- hyperbolic tangent and its relatives --------------------------------------------------


def _tanh(x: Array) -> Array:
    return np.tanh(x)


tanh = register(
    Activation(
        key="tanh",
        name="Hyperbolic tangent",
        fn=_tanh,
        grad=_stable.sech2,
        formula=r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
        derivative_formula=r"\tanh'(x) = 1 - \tanh^2(x)",
        output_range=(-1.0, 1.0),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=True,
        saturates="both",
        family="sigmoid-like",
        torch_name="torch.nn.functional.tanh",
        summary="A zero-centred sigmoid with outputs in (-1, 1).",
        strengths=(
            "Zero-centred outputs, which makes the next layer's gradient steps better balanced "
            "than with the logistic sigmoid.",
            "Its derivative is 1 at the origin, four times the sigmoid's.",
            "The classic activation of recurrent networks and LSTM cell updates.",
        ),
        problems=(
            "Saturates for large |x|: vanishing gradient in deep stacks.",
            "Costs an exponential, unlike piecewise-linear activations.",
        ),
        doc="""Hyperbolic tangent: $\\tanh(x)$, a sigmoid rescaled to $(-1, 1)$.

The hyperbolic tangent is the sigmoid stretched to the range $(-1, 1)$ and centred on zero:
$\\tanh(x) = 2\\sigma(2x) - 1$. For years it was the recommended hidden-layer activation of
feed-forward networks (LeCun et al., 1998, advise a scaled tanh over the logistic function), and
it is still the squashing function of recurrent networks: the hidden state of a simple recurrent
network and the cell input and output of LSTM and GRU cells, where a signal of either sign must
stay bounded.

Its derivative $1 - \\tanh^2(x) = \\operatorname{sech}^2(x)$ is largest, 1, at 0.

Notes:
    The value is NumPy's ``np.tanh``. The derivative is computed as $4e^{-2|x|}/(1 +
    e^{-2|x|})^2$ so that it keeps its digits where $\\tanh(x)$ rounds to $\\pm 1$.

Examples:
    >>> tanh([0.0, 1.0])
    array([0.        , 0.76159416])
""",
    )
)


def _check_hard_tanh(params: Mapping[str, float]) -> None:
    if not params["max_val"] >= params["min_val"]:
        raise error("max_val", f"at least min_val ({params['min_val']!r})", params["max_val"])


def _hard_tanh(x: Array, min_val: float, max_val: float) -> Array:
    return np.clip(x, min_val, max_val)


def _hard_tanh_grad(x: Array, min_val: float, max_val: float) -> Array:
    return keep_nan(((x > min_val) & (x < max_val)).astype(x.dtype), x)


hard_tanh = register(
    Activation(
        key="hard_tanh",
        kink_fn=lambda min_val, max_val: (min_val, max_val) if min_val < max_val else (),
        name="Hard tanh",
        fn=_hard_tanh,
        grad=_hard_tanh_grad,
        formula=r"\operatorname{hardtanh}(x) = \begin{cases} a & x < a \\ x & a \le x \le b"
        r" \\ b & x > b \end{cases}",
        derivative_formula=r"\operatorname{hardtanh}'(x) = \begin{cases} 1 & a < x < b \\ 0 &"
        r" \text{otherwise} \end{cases}",
        output_range=(-1.0, 1.0),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=False,
        saturates="both",
        defaults={"min_val": -1.0, "max_val": 1.0},
        check=_check_hard_tanh,
        family="sigmoid-like",
        aliases=("hardtanh",),
        torch_name="torch.nn.functional.hardtanh",
        summary="The identity clipped to [min_val, max_val]; a piecewise-linear tanh.",
        strengths=(
            "Cheap and exact: no exponential.",
            "Gradient exactly 1 inside the interval, so no shrinking there.",
        ),
        problems=(
            "Zero gradient outside the interval: saturated units stop learning.",
            "Not differentiable at the two corners.",
        ),
        doc="""Hard tanh: $x$ clipped to $[a, b]$ with $a$ = ``min_val`` and $b$ = ``max_val``.

Hard tanh is the identity clipped to an interval $[a, b]$: with the defaults $a = -1$, $b = 1$
it follows $\\tanh$'s range with straight lines. Collobert et al. (2011) used it as a cheap tanh
in their networks for natural-language processing, and its derivative (1 inside the interval, 0
outside) is the substitute gradient that binarised networks pass through the sign function
(Courbariaux et al., 2016).

Notes:
    $a$ is ``min_val`` and $b$ is ``max_val``; ``max_val`` must be at least ``min_val``. At the
    corners $x = a$ and $x = b$ the derivative is taken as 0, as PyTorch does. PyTorch calls it
    ``hardtanh``.

Examples:
    >>> hard_tanh([-2.0, 0.5, 3.0])
    array([-1. ,  0.5,  1. ])
    >>> hard_tanh([-2.0, 0.5, 3.0], min_val=0.0, max_val=2.0)
    array([0. , 0.5, 2. ])
""",
    )
)


def _check_plu(params: Mapping[str, float]) -> None:
    if not 0.0 <= params["alpha"] <= 1.0:
        raise error("alpha", "a real number in [0, 1]", params["alpha"])
    if not params["c"] > 0.0:
        raise error("c", "a positive real number", params["c"])


def _plu(x: Array, alpha: float, c: float) -> Array:
    inner = x - c
    inner *= alpha
    inner += c
    np.minimum(inner, x, out=inner)
    outer = x + c
    outer *= alpha
    outer -= c
    np.maximum(outer, inner, out=outer)
    return outer


def _plu_grad(x: Array, alpha: float, c: float) -> Array:
    inside = (np.abs(x) < c).astype(x.dtype)
    inside *= 1.0 - alpha
    inside += alpha
    return keep_nan(inside, x)


plu = register(
    Activation(
        key="plu",
        kink_fn=lambda alpha, c: (-c, c) if alpha != 1.0 else (),
        name="Piecewise linear unit (PLU)",
        fn=_plu,
        grad=_plu_grad,
        formula=r"\operatorname{PLU}(x) = \max\bigl(\alpha(x + c) - c,\ \min(\alpha(x - c) + c,"
        r"\ x)\bigr)",
        derivative_formula=r"\operatorname{PLU}'(x) = \begin{cases} 1 & |x| < c \\ \alpha &"
        r" |x| \ge c \end{cases}",
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=False,
        saturates="none",
        defaults={"alpha": 0.1, "c": 1.0},
        check=_check_plu,
        family="other",
        summary="Hard tanh whose flat tails are replaced by lines of small slope alpha.",
        strengths=(
            "Keeps a non-zero gradient (alpha) everywhere, so no unit is ever stuck.",
            "Cheap: only maxima, minima and linear maps.",
        ),
        problems=(
            "Unbounded outputs, unlike the hard tanh it imitates.",
            "Two corners where it is not differentiable.",
        ),
        doc="""Piecewise linear unit: slope 1 on $(-c, c)$ and slope $\\alpha$ outside.

The piecewise linear unit (Nicolae, 2018) keeps hard tanh's middle piece, slope 1 on $(-c, c)$,
but tilts the flat tails into lines of small slope $\\alpha$. Near zero it behaves like a tanh,
far away like the linear tail of a leaky ReLU. It was proposed to combine the two behaviours in
one cheap, piecewise-linear function.

Notes:
    Computed as $\\max(\\alpha(x + c) - c, \\min(\\alpha(x - c) + c, x))$, with the defaults
    $\\alpha = 0.1$, $c = 1$ of the paper that proposed it. At the corners $x = \\pm c$ we take
    the outer slope $\\alpha$. PyTorch has no PLU.

Examples:
    >>> plu([-3.0, 0.5, 3.0])
    array([-1.2,  0.5,  1.2])
""",
    )
)


def _smht_numerator(x: Array, a: float, b: float, c: float, d: float) -> tuple[Array, Array]:
    """The numerator's two exponents, each after dividing by the denominator's larger term.

    Dividing numerator and denominator by $e^{cx}$ for $x \\ge 0$ and by $e^{-dx}$ for
    $x < 0$ turns the numerator into $e^u - e^v$ with ``u`` $= (a-c)x$ or $(a+d)x$ and ``v``
    $= -(b+c)x$ or $(d-b)x$, and the denominator into $1 + e^{-(c+d)|x|}$. Splitting $x$
    into $\\max(x, 0)$ and $\\min(x, 0)$ selects the case without ``np.where``. An exponent
    beyond the float range is $\\pm\\infty$, whose exponential (0 or inf) is the right one.
    """
    pos = np.maximum(x, 0.0)
    neg = np.minimum(x, 0.0)
    with np.errstate(over="ignore"):
        u = (a - c) * pos
        u += (a + d) * neg
        v = (d - b) * neg
        v -= (b + c) * pos
    return u, v


def _smht_denominator(x: Array, c: float, d: float) -> Array:
    """$1 + e^{-(c+d)|x|}$, the denominator after the division (between 1 and 2)."""
    den = np.abs(x)
    with np.errstate(over="ignore"):
        den *= -(c + d)
    np.exp(den, out=den)
    den += 1.0
    return den


def _smht(x: Array, a: float, b: float, c: float, d: float) -> Array:
    # The numerator e^u - e^v factored as e^u (1 - e^{-(a+b)x}) for x >= 0 and
    # e^v (e^{(a+b)x} - 1) for x < 0: one exponential times -expm1(-(a+b)|x|), which keeps
    # its digits near 0 (where e^u and e^v both round to 1) and far out (where both are tiny).
    pos = np.maximum(x, 0.0)
    neg = np.minimum(x, 0.0)
    with np.errstate(over="ignore"):
        base = (a - c) * pos
        base += (d - b) * neg
        gap = np.abs(x)
        gap *= -(a + b)
    with np.errstate(over="ignore"):  # a > c or b > d: unbounded, inf beyond the float range
        np.exp(base, out=base)
        np.expm1(gap, out=gap)
        np.negative(gap, out=gap)
        base *= gap
    np.copysign(base, x, out=base)
    base /= _smht_denominator(x, c, d)
    return base


def _smht_grad(x: Array, a: float, b: float, c: float, d: float) -> Array:
    # With F and S the two denominator terms (after the division), the quotient rule gives
    # f' = [e^u ((a-c)F + (a+d)S) + e^v ((b+c)F + (b-d)S)] / (F + S)^2, a form without
    # f itself, so an unbounded smht (a > c or b > d) gives inf instead of inf - inf.
    u, v = _smht_numerator(x, a, b, c, d)
    with np.errstate(over="ignore"):
        first = np.exp((c + d) * np.minimum(x, 0.0))
        second = np.exp(-(c + d) * np.maximum(x, 0.0))
        up = np.exp(u)
        up *= (a - c) * first + (a + d) * second
        down = np.exp(v)
        down *= (b + c) * first + (b - d) * second
        up += down
    first += second
    np.multiply(first, first, out=first)
    up /= first
    return up


smht = register(
    Activation(
        key="smht",
        name="Soboleva modified hyperbolic tangent",
        fn=_smht,
        grad=_smht_grad,
        formula=r"\operatorname{smht}(x) = \frac{e^{ax} - e^{-bx}}{e^{cx} + e^{-dx}}",
        derivative_formula=r"\operatorname{smht}'(x) = \frac{a e^{ax} + b e^{-bx}}{e^{cx} +"
        r" e^{-dx}} - \operatorname{smht}(x)\,\frac{c e^{cx} - d e^{-dx}}{e^{cx} + e^{-dx}}",
        output_range=(-1.0, 1.0),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=True,
        saturates="both",
        defaults={"a": 1.0, "b": 1.0, "c": 1.0, "d": 1.0},
        check=non_negative("a", "b", "c", "d"),
        family="sigmoid-like",
        aliases=("mtanh",),
        summary="A tanh with four exponents that shape its left and right tails separately.",
        strengths=(
            "Four parameters bend each tail independently, so one function covers tanh-like, "
            "asymmetric and rectifier-like shapes.",
            "With a = b = c = d = 1 it is exactly tanh, a safe starting point.",
        ),
        problems=(
            "Four extra parameters to choose or learn.",
            "Unbounded for some parameter choices (a > c or b > d), where it can overflow.",
        ),
        doc="""Soboleva modified hyperbolic tangent: $(e^{ax} - e^{-bx}) / (e^{cx} + e^{-dx})$.

Soboleva's modified hyperbolic tangent writes tanh with four separate exponents, so that the
rise and the level on each side can be shaped independently; with $a = b = c = d = 1$ it is
$\\tanh$. Elena Soboleva proposed it as a utility function for decision-making; it has since
been tried as a neural-network activation and used to fit S-shaped curves elsewhere. The
non-negative parameters $a, b$ set the growth of the numerator and $c, d$ of the denominator;
the outputs stay bounded while $a \\le c$ and $b \\le d$.

Notes:
    The defaults $a = b = c = d = 1$ are our choice; the function has no standard defaults. We
    divide numerator and denominator by $e^{cx}$ for $x \\ge 0$ and by $e^{-dx}$ for $x < 0$, so
    nothing overflows while the outputs stay bounded (an unbounded choice of parameters
    overflows to $\\pm\\infty$ only where the true value is beyond the float range), and write
    the numerator as a difference of ``expm1`` values, which keeps the digits of tiny outputs.
    PyTorch has no counterpart.

Examples:
    >>> smht([-1.0, 0.0, 1.0])
    array([-0.76159416,  0.        ,  0.76159416])
    >>> smht([-1.0, 0.0, 1.0], a=0.5, c=1.5)
    array([-0.71793791,  0.        ,  0.2641146 ])
""",
    )
)
