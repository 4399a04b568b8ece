"""Vector-valued activations: each output depends on a whole axis of inputs.

They act along ``axis`` (default -1, the last axis, as PyTorch's ``dim=-1``). ``jacobian``
moves that axis to the end and returns shape ``(..., m, n)``: ``n`` inputs, ``m`` outputs.
Softmax, log-softmax and softmin keep the length (``m = n``) and their ``derivative`` is the
Jacobian's diagonal. GLU halves the axis and maxout divides it by ``pool_size``; they have
no elementwise derivative, so their ``derivative`` raises ``TypeError`` and points to
``jacobian`` and ``backward``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from nnref._typing import Array
from nnref._validation import error
from nnref.activations import _stable
from nnref.activations._core import Activation, Kernel, check_grad_out, register

__all__ = ["glu", "log_softmax", "maxout", "softmax", "softmin"]


def _axis(x: Array, axis: float) -> int:
    """``axis`` as a non-negative int, checked against ``x.ndim``; the axis must not be empty
    (a slice needs at least one value)."""
    if not (float(axis).is_integer() and -x.ndim <= axis < x.ndim):
        raise ValueError(
            f"axis must be an integer in [{-x.ndim}, {x.ndim}) for an input of shape "
            f"{x.shape}, got {axis!r}"
        )
    a = int(axis) % x.ndim
    if x.shape[a] == 0:
        raise ValueError(
            f"x must have at least one value along axis {a}, got an array of shape {x.shape}"
        )
    return a


def _check_axis_param(params: Mapping[str, float]) -> None:
    if not float(params["axis"]).is_integer():
        raise error("axis", "an integer", params["axis"])


def _to_last(x: Array, axis: float) -> Array:
    return np.moveaxis(x, _axis(x, axis), -1)


# --- softmax, log-softmax, softmin ---------------------------------------------------------


def _softmax(x: Array, axis: float) -> Array:
    return _stable.softmax(x, _axis(x, axis))


def _softmax_grad(x: Array, axis: float) -> Array:
    s = _softmax(x, axis)
    return s * (1.0 - s)


def _softmax_jacobian_last(s: Array) -> Array:
    jac = s[..., :, None] * -s[..., None, :]
    idx = np.arange(s.shape[-1])
    jac[..., idx, idx] += s
    return jac


def _softmax_jacobian(x: Array, axis: float) -> Array:
    return _softmax_jacobian_last(_stable.softmax(_to_last(x, axis)))


def _softmax_vjp(x: Array, g: Array, axis: float) -> Array:
    check_grad_out("softmax", g, x.shape)
    a = _axis(x, axis)
    s = _softmax(x, axis)
    inner = np.sum(g * s, axis=a, keepdims=True)
    out: Array = s * (g - inner)
    return out


softmax = register(
    Activation(
        key="softmax",
        name="Softmax",
        fn=_softmax,
        grad=_softmax_grad,
        jacobian_fn=_softmax_jacobian,
        vjp_fn=_softmax_vjp,
        formula=r"\operatorname{softmax}(\mathbf{x})_i = \frac{e^{x_i}}{\sum_j e^{x_j}}",
        derivative_formula=r"\frac{\partial\,\operatorname{softmax}_i}{\partial x_j} = s_i"
        r"(\delta_{ij} - s_j),\quad s = \operatorname{softmax}(\mathbf{x})",
        output_range=(0.0, 1.0),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="",
        defaults={"axis": -1},
        check=_check_axis_param,
        family="vector-valued",
        torch_name="torch.nn.functional.softmax",
        summary="Turns a vector of scores into probabilities that are positive and sum to 1.",
        strengths=(
            "Outputs form a probability distribution over classes: the output layer of "
            "multi-class classifiers.",
            "Keeps the order of the scores; paired with cross-entropy its gradient is "
            "simply p - y.",
        ),
        problems=(
            "Saturates when one score dominates: the other outputs' gradients vanish.",
            "Adding the same constant to every score changes nothing, so scores are only "
            "determined up to a shift.",
        ),
        doc="""Softmax along ``axis``: $s_i = e^{x_i} / \\sum_j e^{x_j}$.

Softmax turns a vector of scores (logits) into a probability distribution: every output is
positive, the outputs sum to 1, and the largest score gets the largest share. It is the output
layer of multi-class classifiers, paired with the cross-entropy loss, and the step of attention
in transformers (Vaswani et al., 2017) that turns similarity scores into mixing weights. The
name, and its reading as a smooth version of picking the maximum, go back to Bridle (1990).

Its Jacobian is $\\operatorname{diag}(s) - s s^\\top$.

Notes:
    The maximum along the axis is subtracted first, so no exponential overflows; the outputs are
    in $(0, 1)$ and sum to 1 (in floating point an output can round to exactly 0). ``jacobian``
    has shape ``(..., n, n)``; ``derivative`` returns its diagonal $s_i(1 - s_i)$. The input
    must be finite.

Examples:
    >>> p = softmax([1.0, 2.0, 3.0])
    >>> p
    array([0.09003057, 0.24472847, 0.66524096])
    >>> float(p.sum())
    0.9999999999999999
    >>> softmax.jacobian([0.0, 0.0])
    array([[ 0.25, -0.25],
           [-0.25,  0.25]])
""",
    )
)


def _log_softmax(x: Array, axis: float) -> Array:
    return _stable.log_softmax(x, _axis(x, axis))


def _log_softmax_grad(x: Array, axis: float) -> Array:
    return 1.0 - _softmax(x, axis)


def _log_softmax_jacobian(x: Array, axis: float) -> Array:
    s = _stable.softmax(_to_last(x, axis))
    jac = np.broadcast_to(-s[..., None, :], (*s.shape, s.shape[-1])).copy()
    idx = np.arange(s.shape[-1])
    jac[..., idx, idx] += 1.0
    return jac


def _log_softmax_vjp(x: Array, g: Array, axis: float) -> Array:
    check_grad_out("log_softmax", g, x.shape)
    a = _axis(x, axis)
    out: Array = g - _softmax(x, axis) * np.sum(g, axis=a, keepdims=True)
    return out


log_softmax = register(
    Activation(
        key="log_softmax",
        name="Log-softmax",
        fn=_log_softmax,
        grad=_log_softmax_grad,
        jacobian_fn=_log_softmax_jacobian,
        vjp_fn=_log_softmax_vjp,
        formula=r"\operatorname{logsoftmax}(\mathbf{x})_i = x_i - \ln\sum_j e^{x_j}",
        derivative_formula=r"\frac{\partial\,\operatorname{logsoftmax}_i}{\partial x_j} ="
        r" \delta_{ij} - s_j,\quad s = \operatorname{softmax}(\mathbf{x})",
        output_range=(-np.inf, 0.0),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="",
        defaults={"axis": -1},
        check=_check_axis_param,
        family="vector-valued",
        torch_name="torch.nn.functional.log_softmax",
        summary="The logarithm of softmax, computed without ever forming tiny probabilities.",
        strengths=(
            "Log-probabilities stay accurate where softmax would round to 0.",
            "The stable first half of cross-entropy on logits.",
        ),
        problems=("Outputs are log-probabilities, not probabilities: exponentiate to read them.",),
        doc="""Log-softmax along ``axis``: $x_i - \\ln\\sum_j e^{x_j}$.

Log-softmax returns the logarithms of softmax's probabilities, $x_i - \\ln\\sum_j e^{x_j}$.
Classifiers put it in front of the negative log-likelihood loss: the cross-entropy of a sample
is minus the log-softmax output of its correct class, so the pair is the usual training
objective of multi-class classification.

Its Jacobian is $I - \\mathbf{1}s^\\top$, with $s$ the softmax.

Notes:
    Computed as $z_i - \\ln\\sum_j e^{z_j}$ with $z = x - \\max x$, so it neither overflows nor
    takes the logarithm of 0. ``derivative`` returns the Jacobian's diagonal $1 - s_i$.

Examples:
    >>> log_softmax([1.0, 2.0, 3.0])
    array([-2.40760596, -1.40760596, -0.40760596])
    >>> log_softmax([0.0, 1000.0])
    array([-1000.,     0.])
""",
    )
)


def _softmin(x: Array, axis: float) -> Array:
    return _softmax(-x, axis)


def _softmin_grad(x: Array, axis: float) -> Array:
    s = _softmax(-x, axis)
    return s * (s - 1.0)


def _softmin_jacobian(x: Array, axis: float) -> Array:
    jac = _softmax_jacobian(-x, axis)
    np.negative(jac, out=jac)
    return jac


def _softmin_vjp(x: Array, g: Array, axis: float) -> Array:
    check_grad_out("softmin", g, x.shape)
    out = _softmax_vjp(-x, g, axis)
    np.negative(out, out=out)
    return out


softmin = register(
    Activation(
        key="softmin",
        name="Softmin",
        fn=_softmin,
        grad=_softmin_grad,
        jacobian_fn=_softmin_jacobian,
        vjp_fn=_softmin_vjp,
        formula=r"\operatorname{softmin}(\mathbf{x})_i = \frac{e^{-x_i}}{\sum_j e^{-x_j}}",
        derivative_formula=r"\frac{\partial\,\operatorname{softmin}_i}{\partial x_j} = -s_i"
        r"(\delta_{ij} - s_j),\quad s = \operatorname{softmin}(\mathbf{x})",
        output_range=(0.0, 1.0),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=True,
        saturates="",
        defaults={"axis": -1},
        check=_check_axis_param,
        family="vector-valued",
        torch_name="torch.nn.functional.softmin",
        summary="Softmax of the negated scores: the smallest score gets the largest share.",
        strengths=(
            "Turns costs or distances into a probability distribution that favours the smallest.",
        ),
        problems=("Same saturation as softmax when one score is far below the others.",),
        doc="""Softmin along ``axis``: $\\operatorname{softmax}(-x)$.

Softmin is softmax applied to the negated scores: the outputs are positive and sum to 1, but the
smallest input gets the largest share, so the outputs come in reverse order of the inputs. It
fits where a low score means better, as with distances or energies; Neighbourhood Components
Analysis (Goldberger et al., 2005), for example, weights a point's neighbours by a softmin of
their squared distances.

Its Jacobian is $-(\\operatorname{diag}(s) - s s^\\top)$, with $s$ the softmin.

Notes:
    ``derivative`` returns the Jacobian's diagonal $-s_i(1 - s_i)$. It is computed as
    ``softmax(-x)``, so no exponential overflows.

Examples:
    >>> softmin([1.0, 2.0, 3.0])
    array([0.66524096, 0.24472847, 0.09003057])
""",
    )
)


# --- shape-changing: GLU and maxout --------------------------------------------------------


def _no_elementwise_derivative(key: str, shape: str) -> Kernel:
    def grad(x: Array, **_: float) -> Array:
        raise TypeError(
            f"{key} has no elementwise derivative: it maps {shape} along its axis, so its "
            f"derivative is a non-square Jacobian; use {key}.jacobian(x) for the matrix or "
            f"{key}.backward(x, grad_out) to backpropagate a gradient"
        )

    return grad


def _glu_halves(x: Array, axis: float) -> tuple[Array, Array, int]:
    a = _axis(x, axis)
    n = x.shape[a]
    if n % 2:
        raise ValueError(
            f"x must have an even length along axis {a} for glu (it is split into two "
            f"halves), got an array of shape {x.shape}"
        )
    first, second = np.split(x, 2, axis=a)
    return first, second, a


def _glu(x: Array, axis: float) -> Array:
    first, second, _ = _glu_halves(x, axis)
    gate = _stable.sigmoid(second)
    gate *= first
    return gate


def _glu_jacobian(x: Array, axis: float) -> Array:
    first, second, _ = _glu_halves(_to_last(x, axis), -1)
    m = first.shape[-1]
    jac = np.zeros((*first.shape, 2 * m), dtype=x.dtype)
    idx = np.arange(m)
    jac[..., idx, idx] = _stable.sigmoid(second)
    jac[..., idx, m + idx] = first * _stable.sigmoid_slope(second)  # a sigma(b)(1 - sigma(b))
    return jac


def _glu_vjp(x: Array, g: Array, axis: float) -> Array:
    first, second, a = _glu_halves(x, axis)
    check_grad_out("glu", g, first.shape)
    gate = _stable.sigmoid(second)
    gate *= g
    slope = _stable.sigmoid_slope(second)  # sigma(b)(1 - sigma(b)), without cancellation
    slope *= first
    with np.errstate(over="ignore"):  # beyond the largest float: inf, the right rounding
        slope *= g
    return np.concatenate([gate, slope], axis=a)


glu = register(
    Activation(
        key="glu",
        name="Gated linear unit (GLU)",
        fn=_glu,
        grad=_no_elementwise_derivative("glu", "2n inputs to n outputs"),
        jacobian_fn=_glu_jacobian,
        vjp_fn=_glu_vjp,
        formula=r"\operatorname{GLU}(\mathbf{a}, \mathbf{b}) = \mathbf{a} \odot \sigma(\mathbf{b}),"
        r"\quad \mathbf{x} = [\mathbf{a}; \mathbf{b}]",
        derivative_formula=r"\frac{\partial\,\operatorname{GLU}_i}{\partial a_i} = \sigma(b_i),"
        r"\quad \frac{\partial\,\operatorname{GLU}_i}{\partial b_i} = a_i\,\sigma(b_i)\bigl(1 -"
        r" \sigma(b_i)\bigr)",
        output_range=(-np.inf, np.inf),
        monotonic=False,
        zero_centered=True,
        odd=False,
        smooth=True,
        saturates="",
        defaults={"axis": -1},
        check=_check_axis_param,
        family="vector-valued",
        torch_name="torch.nn.functional.glu",
        summary="Splits the input in two halves and gates the first by the sigmoid of the second.",
        strengths=(
            "A learned, input-dependent gate; the basis of the GLU variants (SwiGLU, GeGLU) "
            "in modern transformers.",
            "The linear path a keeps gradients flowing when the gate is open.",
        ),
        problems=(
            "Halves the width: the layer before it needs twice as many outputs.",
            "Not elementwise, so it has no ordinary derivative, only a Jacobian.",
        ),
        doc="""Gated linear unit: $a \\odot \\sigma(b)$, where $x = [a; b]$ is split in halves.

The gated linear unit (Dauphin et al., 2017) splits its input in two halves $a$ and $b$ and
returns $a \\odot \\sigma(b)$: half of the units decide, through a sigmoid gate, how much of the
other half passes. It was introduced for convolutional language models, where the gates play the
part they play in LSTMs. Shazeer (2020) replaced the sigmoid by other functions (SwiGLU, GEGLU),
and those variants form the feed-forward layers of many recent transformers, such as PaLM and
LLaMA.

Notes:
    Like PyTorch's ``glu(x, dim=-1)``: an input of length $2n$ along the axis gives an output of
    length $n$ (an odd length raises ``ValueError``). ``jacobian`` has shape ``(..., n, 2n)``;
    ``derivative`` raises ``TypeError`` because input and output differ in shape: use
    ``jacobian`` or ``backward``.

Examples:
    >>> glu([1.0, -2.0, 0.0, 100.0])
    array([ 0.5, -2. ])
    >>> glu.jacobian([1.0, 0.0]).shape
    (1, 2)
""",
    )
)


def _check_maxout(params: Mapping[str, float]) -> None:
    k = params["pool_size"]
    if not (float(k).is_integer() and k >= 1):
        raise error("pool_size", "a positive integer", k)
    _check_axis_param(params)


def _maxout_groups(x: Array, pool_size: float, axis: float) -> Array:
    """``x`` with ``axis`` moved last and split into groups: shape ``(..., n/k, k)``."""
    last = _to_last(x, axis)
    k = int(pool_size)
    n = last.shape[-1]
    if n % k:
        raise ValueError(
            f"x must have a length divisible by pool_size={k} along axis {_axis(x, axis)} "
            f"for maxout, got an array of shape {x.shape}"
        )
    return last.reshape(*last.shape[:-1], n // k, k)


def _maxout(x: Array, pool_size: float, axis: float) -> Array:
    groups = _maxout_groups(x, pool_size, axis)
    return np.moveaxis(groups.max(axis=-1), -1, _axis(x, axis))


def _maxout_winners(groups: Array) -> Array:
    """One-hot of each group's first maximum, shape ``(..., n/k, k)``, dtype of ``groups``."""
    winners = groups.argmax(axis=-1)
    onehot: Array = (np.arange(groups.shape[-1]) == winners[..., None]).astype(groups.dtype)
    return onehot


def _maxout_jacobian(x: Array, pool_size: float, axis: float) -> Array:
    groups = _maxout_groups(x, pool_size, axis)
    onehot = _maxout_winners(groups)
    m, k = groups.shape[-2:]
    # Block-diagonal: output j only sees its own group of k inputs.
    jac = np.zeros((*groups.shape[:-1], m, k), dtype=x.dtype)
    idx = np.arange(m)
    jac[..., idx, idx, :] = onehot
    return jac.reshape(*groups.shape[:-1], m * k)


def _maxout_vjp(x: Array, g: Array, pool_size: float, axis: float) -> Array:
    a = _axis(x, axis)
    groups = _maxout_groups(x, pool_size, axis)
    check_grad_out("maxout", g, np.moveaxis(groups[..., 0], -1, a).shape)
    out = _maxout_winners(groups)
    out *= np.moveaxis(g, a, -1)[..., None]
    return np.moveaxis(out.reshape(*groups.shape[:-2], -1), -1, a)


maxout = register(
    Activation(
        key="maxout",
        name="Maxout",
        fn=_maxout,
        grad=_no_elementwise_derivative("maxout", "n inputs to n/pool_size outputs"),
        jacobian_fn=_maxout_jacobian,
        vjp_fn=_maxout_vjp,
        formula=r"\operatorname{maxout}(\mathbf{x})_j = \max_{0 \le i < k} x_{jk + i}",
        derivative_formula=r"\frac{\partial\,\operatorname{maxout}_j}{\partial x_{jk + i}} ="
        r" \begin{cases} 1 & i = \arg\max_{i'} x_{jk + i'} \\ 0 & \text{otherwise}"
        r" \end{cases}",
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=False,
        saturates="",
        defaults={"pool_size": 2, "axis": -1},
        check=_check_maxout,
        family="vector-valued",
        summary="The largest of each group of k consecutive inputs.",
        strengths=(
            "Learns its own convex, piecewise-linear activation from k linear pieces.",
            "Never saturates and never dies: one input of each group always gets the gradient.",
        ),
        problems=(
            "Needs k times as many pre-activations (and weights) per output.",
            "Not differentiable where two inputs of a group tie.",
        ),
        doc="""Maxout: the maximum over groups of ``pool_size`` = $k$ consecutive inputs.

A maxout unit (Goodfellow et al., 2013) outputs the largest of $k$ linear functions of its
input: each output is the maximum over a group of $k$ consecutive net inputs. ReLU, $\\max(z,
0)$, and the absolute value, $\\max(z, -z)$, are maxout units with two pieces. It was designed
as a companion to dropout and set the state of the art on image benchmarks such as CIFAR-10 and
SVHN in its time.

Notes:
    An input of length $n$ along ``axis`` (divisible by $k$ = ``pool_size``, default $k = 2$)
    gives $n/k$ outputs: output $j$ is $\\max(x_{jk}, \\dots, x_{jk+k-1})$. The gradient goes to
    the winner of each group; on a tie, to the first of the tied inputs. ``jacobian`` has shape
    ``(..., n/k, n)``; ``derivative`` raises ``TypeError`` (use ``jacobian`` or ``backward``).
    PyTorch has no maxout function.

Examples:
    >>> maxout([1.0, 3.0, -2.0, -5.0])
    array([ 3., -2.])
    >>> maxout([1.0, 3.0, -2.0, -5.0, 0.0, 4.0], pool_size=3)
    array([3., 4.])
""",
    )
)
