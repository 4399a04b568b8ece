"""Rectifiers: piecewise-linear (or piecewise-polynomial) units built around ReLU's corner."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from nnref._typing import Array
from nnref._validation import error
from nnref.activations._core import Activation, const, keep_nan, register

__all__ = [
    "brelu",
    "hard_elish",
    "hard_swish",
    "leaky_relu",
    "prelu",
    "relu",
    "relu6",
    "rrelu",
    "srelu",
    "threshold",
]


def _relu(x: Array) -> Array:
    return np.maximum(x, 0.0)


def _relu_grad(x: Array) -> Array:
    return keep_nan((x > 0).astype(x.dtype), x)


relu = register(
    Activation(
        key="relu",
        kink_fn=lambda: (0.0,),
        name="ReLU",
        fn=_relu,
        grad=_relu_grad,
        formula=r"\operatorname{ReLU}(x) = \max(0, x)",
        derivative_formula=r"\operatorname{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0"
        r" \end{cases}",
        output_range=(0.0, np.inf),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=False,
        saturates="left",
        family="rectifier",
        torch_name="torch.nn.functional.relu",
        summary="Keeps positive net inputs and zeroes the rest.",
        strengths=(
            "Gradient exactly 1 for positive inputs: no vanishing gradient on that side.",
            "Very cheap, and many units output exactly 0 (sparse activity).",
            "The default hidden activation of deep networks since AlexNet.",
        ),
        problems=(
            "Dying ReLU: a unit whose net input is negative for every sample gets zero "
            "gradient and never recovers.",
            "Unbounded above and not zero-centred.",
            "Not differentiable at 0.",
        ),
        doc="""Rectified linear unit: $\\max(0, x)$.

ReLU passes a positive net input unchanged and replaces a negative one by 0: two straight pieces
joined at a single corner. It became the default hidden-layer activation of deep networks after
Nair and Hinton (2010) used it in restricted Boltzmann machines, Glorot, Bordes and Bengio
(2011) showed that deep rectifier networks train well, and AlexNet (Krizhevsky et al., 2012)
trained several times faster with it than with tanh. Convolutional networks, multilayer
perceptrons and the original Transformer's feed-forward layers (Vaswani et al., 2017) all use
it.

The derivative is 1 for $x > 0$ and 0 for $x < 0$.

Notes:
    At the kink $x = 0$ the derivative is taken as 0, as PyTorch does.

Examples:
    >>> relu([-2.0, 0.0, 0.71])
    array([0.  , 0.  , 0.71])
    >>> relu.derivative([-2.0, 0.0, 0.71])
    array([0., 0., 1.])
""",
    )
)


def _leaky(x: Array, alpha: float) -> Array:
    return np.where(x > 0, x, x * alpha)


def _leaky_grad(x: Array, alpha: float) -> Array:
    return keep_nan(np.where(x > 0, const(x, 1.0), const(x, alpha)), x)


_LEAKY_FORMULA = r"f(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}"
_LEAKY_DERIVATIVE = r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases}"

leaky_relu = register(
    Activation(
        key="leaky_relu",
        kink_fn=lambda alpha: (0.0,) if alpha != 1.0 else (),
        name="Leaky ReLU",
        fn=_leaky,
        grad=_leaky_grad,
        formula=_LEAKY_FORMULA,
        derivative_formula=_LEAKY_DERIVATIVE,
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=False,
        saturates="none",
        defaults={"alpha": 0.01},
        family="rectifier",
        aliases=("lrelu",),
        torch_name="torch.nn.functional.leaky_relu",
        summary="ReLU with a small slope (0.01) for negative inputs, so no unit dies.",
        strengths=(
            "Negative inputs still pass a small gradient, which prevents dying units.",
            "As cheap as ReLU.",
        ),
        problems=(
            "The slope is a fixed guess; the best value depends on the problem.",
            "Not differentiable at 0 and unbounded.",
        ),
        doc="""Leaky ReLU: $x$ for $x > 0$, $\\alpha x$ otherwise, with $\\alpha = 0.01$.

Leaky ReLU lets a small fraction $\\alpha$ of a negative input through instead of zeroing it, so
a unit whose net input is negative still receives a gradient and can recover. Maas, Hannun and
Ng (2013) introduced it in acoustic models for speech recognition with $\\alpha = 0.01$; a
larger slope, 0.2, is the usual choice in the discriminators of generative adversarial networks
such as DCGAN (Radford et al., 2015).

Notes:
    PyTorch calls the slope ``negative_slope`` (default 0.01); we call it ``alpha``. At the kink
    $x = 0$ the derivative is taken as $\\alpha$, as PyTorch does.

Examples:
    >>> leaky_relu([-2.0, 0.0, 3.0])
    array([-0.02,  0.  ,  3.  ])
    >>> leaky_relu.derivative([-2.0, 3.0])
    array([0.01, 1.  ])
""",
    )
)

prelu = register(
    Activation(
        key="prelu",
        kink_fn=lambda alpha: (0.0,) if alpha != 1.0 else (),
        name="Parametric ReLU (PReLU)",
        fn=_leaky,
        grad=_leaky_grad,
        formula=_LEAKY_FORMULA,
        derivative_formula=_LEAKY_DERIVATIVE,
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=False,
        saturates="none",
        defaults={"alpha": 0.25},
        family="rectifier",
        torch_name="torch.nn.functional.prelu",
        summary="A leaky ReLU whose negative slope alpha is learned with the weights.",
        strengths=(
            "The network chooses its own negative slope, per layer or per channel.",
            "Avoids dying units like the leaky ReLU, at the cost of one parameter.",
        ),
        problems=(
            "The extra parameters can overfit on small data sets.",
            "A learned slope below 0 makes the unit non-monotonic; one above 1 makes it expansive.",
        ),
        doc="""Parametric ReLU as a function: $x$ for $x > 0$, $\\alpha x$ otherwise.

PReLU has the leaky ReLU's curve, $x$ for $x > 0$ and $\\alpha x$ otherwise, but its slope
$\\alpha$ is a trainable parameter, learned by backpropagation together with the weights,
usually one per channel. He et al. (2015) introduced it, together with the weight initialisation
named after He, in the ImageNet classifiers that were the first reported to beat human-level
accuracy on that benchmark. The derivative with respect to the slope is $\\partial f / \\partial
\\alpha = \\min(x, 0)$: only negative inputs teach it anything.

Notes:
    $0.25$ is PyTorch's initial value of $\\alpha$. This function form takes $\\alpha$ as a
    number (PyTorch's ``torch.nn.functional.prelu`` takes it as a ``weight`` tensor); the
    learning happens in the ``PReLU`` layer, which uses the derivative with respect to $\\alpha$
    above. At $x = 0$ the derivative with respect to $x$ is taken as $\\alpha$, as in PyTorch.

Examples:
    >>> prelu([-2.0, 0.0, 3.0])
    array([-0.5,  0. ,  3. ])
    >>> prelu([-2.0, 3.0], alpha=0.1)
    array([-0.2,  3. ])
""",
    )
)


def _check_rrelu(params: Mapping[str, float]) -> None:
    if not params["upper"] >= params["lower"]:
        raise error("upper", f"at least lower ({params['lower']!r})", params["upper"])


def _rrelu(x: Array, lower: float, upper: float) -> Array:
    return _leaky(x, (lower + upper) / 2.0)


def _rrelu_grad(x: Array, lower: float, upper: float) -> Array:
    return _leaky_grad(x, (lower + upper) / 2.0)


rrelu = register(
    Activation(
        key="rrelu",
        kink_fn=lambda lower, upper: (0.0,) if (lower + upper) / 2.0 != 1.0 else (),
        name="Randomized leaky ReLU (RReLU)",
        fn=_rrelu,
        grad=_rrelu_grad,
        formula=r"f(x) = \begin{cases} x & x > 0 \\ \frac{l + u}{2}\,x & x \le 0 \end{cases}"
        r"\quad\text{(evaluation form)}",
        derivative_formula=r"f'(x) = \begin{cases} 1 & x > 0 \\ \frac{l + u}{2} & x \le 0"
        r" \end{cases}",
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=False,
        saturates="none",
        defaults={"lower": 1.0 / 8.0, "upper": 1.0 / 3.0},
        check=_check_rrelu,
        family="rectifier",
        torch_name="torch.nn.functional.rrelu",
        summary="A leaky ReLU whose slope is random while training and averaged afterwards.",
        strengths=(
            "The random slope acts as a regulariser during training.",
            "At evaluation it is an ordinary leaky ReLU: cheap and never dead.",
        ),
        problems=(
            "Training and evaluation behave differently.",
            "Two hyperparameters (the slope interval) instead of one.",
        ),
        doc="""Randomized leaky ReLU, in its deterministic evaluation form.

The randomised leaky ReLU multiplies each negative input, while training, by a slope drawn at
random from $[l, u]$, and at test time by the mean slope $(l+u)/2$. The noise acts as a
regulariser, much as dropout does. Xu et al. (2015) compared it with ReLU, leaky ReLU and PReLU
on image classification and found it the least prone to overfitting; it had first been used in
Kaggle's National Data Science Bowl competition.

Notes:
    The function computed here is the deterministic evaluation form, with the slope fixed to
    $(l+u)/2$ (PyTorch's ``rrelu(x, training=False)``); the random training form is not a fixed
    function of $x$. $l$ and $u$ are ``lower`` and ``upper``, with PyTorch's defaults $1/8$ and
    $1/3$. At $x = 0$ the derivative is taken as the slope, as in PyTorch.

Examples:
    >>> rrelu([-2.4, 0.0, 1.0])
    array([-0.55,  0.  ,  1.  ])
""",
    )
)


def _relu6(x: Array) -> Array:
    return np.clip(x, 0.0, 6.0)


def _relu6_grad(x: Array) -> Array:
    return keep_nan(((x > 0) & (x < 6.0)).astype(x.dtype), x)


relu6 = register(
    Activation(
        key="relu6",
        kink_fn=lambda: (0.0, 6.0),
        name="ReLU6",
        fn=_relu6,
        grad=_relu6_grad,
        formula=r"\operatorname{ReLU6}(x) = \min\bigl(\max(0, x),\ 6\bigr)",
        derivative_formula=r"\operatorname{ReLU6}'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 &"
        r" \text{otherwise} \end{cases}",
        output_range=(0.0, 6.0),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=False,
        saturates="both",
        family="rectifier",
        torch_name="torch.nn.functional.relu6",
        summary="ReLU capped at 6.",
        strengths=(
            "Bounded outputs suit low-precision (quantised) arithmetic, as in MobileNet.",
            "As cheap as ReLU.",
        ),
        problems=("Zero gradient below 0 and above 6: units can die on either side.",),
        doc="""ReLU6: $\\min(\\max(0, x), 6)$.

ReLU6 is ReLU capped at 6: zero for negative inputs, the identity up to 6, then flat. Krizhevsky
(2010) used it in convolutional deep belief networks on CIFAR-10. MobileNetV2 (Sandler et al.,
2018), a network for phones, uses it as its non-linearity because a fixed output range holds up
well in low-precision arithmetic.

Notes:
    At both corners, $x = 0$ and $x = 6$, the derivative is taken as 0, as PyTorch does.

Examples:
    >>> relu6([-1.0, 3.0, 8.0])
    array([0., 3., 6.])
""",
    )
)


def _threshold(x: Array, threshold: float, value: float) -> Array:
    return keep_nan(np.where(x > threshold, x, const(x, value)), x)


def _threshold_grad(x: Array, threshold: float, value: float) -> Array:
    return keep_nan((x > threshold).astype(x.dtype), x)


threshold = register(
    Activation(
        key="threshold",
        kink_fn=lambda threshold, value: (threshold,),
        name="Threshold",
        fn=_threshold,
        grad=_threshold_grad,
        formula=r"f(x) = \begin{cases} x & x > \theta \\ v & x \le \theta \end{cases}",
        derivative_formula=r"f'(x) = \begin{cases} 1 & x > \theta \\ 0 & x \le \theta"
        r" \end{cases}",
        output_range=(0.0, np.inf),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=False,
        saturates="left",
        defaults={"threshold": 0.0, "value": 0.0},
        family="rectifier",
        torch_name="torch.nn.functional.threshold",
        summary="Passes inputs above a threshold and replaces the rest by a fixed value.",
        strengths=("Generalises ReLU: the cut-off point and the fill value are both free.",),
        problems=(
            "Jumps (is discontinuous) whenever value differs from threshold.",
            "Zero gradient below the threshold, like ReLU.",
        ),
        doc="""Threshold: $x$ if $x > \\theta$, else the constant $v$.

The threshold function keeps inputs above a threshold $\\theta$ and replaces all others by a
fixed value $v$. With $\\theta = v = 0$ it is ReLU; a positive $\\theta$ with $v = 0$ gives a
thresholded ReLU that silences weak activations, as in the zero-bias autoencoders of Konda,
Memisevic and Krueger (2015). With $v \\ne \\theta$ it jumps at $\\theta$. It is a general
building block rather than an activation with a history of its own; the step function with a
threshold is the separate page Binary step.

Notes:
    PyTorch's ``threshold(x, threshold, value)`` has no defaults; ours are $\\theta = 0$ and $v
    = 0$, which make it equal to ReLU (and continuous). The derivative at $x = \\theta$ is taken
    as 0, as PyTorch does. The step function with a threshold is ``step``.

Examples:
    >>> threshold([-1.0, 0.5, 2.0], threshold=1.0, value=-5.0)
    array([-5., -5.,  2.])
""",
    )
)


def _odd_positions(x: Array) -> Array:
    """True at odd positions along the last axis (broadcastable to ``x``)."""
    return (np.arange(x.shape[-1]) % 2).astype(bool)


def _brelu(x: Array) -> Array:
    return np.where(_odd_positions(x), np.minimum(x, 0.0), np.maximum(x, 0.0))


def _brelu_grad(x: Array) -> Array:
    return keep_nan(np.where(_odd_positions(x), x < 0, x > 0).astype(x.dtype), x)


brelu = register(
    Activation(
        key="brelu",
        kink_fn=lambda: (0.0,),
        position_dependent=True,
        name="Bipolar ReLU (BReLU)",
        fn=_brelu,
        grad=_brelu_grad,
        formula=r"f(x_i) = \begin{cases} \max(0, x_i) & i \text{ even} \\ \min(0, x_i) &"
        r" i \text{ odd} \end{cases}",
        derivative_formula=r"f'(x_i) = \begin{cases} [x_i > 0] & i \text{ even} \\ [x_i < 0] &"
        r" i \text{ odd} \end{cases}",
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=False,
        odd=False,
        smooth=False,
        saturates="both",
        family="rectifier",
        summary="ReLU on even positions and its mirror image min(0, x) on odd positions.",
        strengths=(
            "Half the units rectify from above and half from below, so a layer's outputs "
            "average near zero, like tanh's.",
            "As cheap as ReLU.",
        ),
        problems=(
            "Depends on a unit's position along the last axis, not only on its input.",
            "Each unit still has zero gradient on one side.",
        ),
        doc="""Bipolar ReLU: $\\max(0, x_i)$ at even positions $i$, $\\min(0, x_i)$ at odd ones.

The bipolar ReLU (Eidnes and Nøkland, 2017) applies ReLU, $\\max(0, x_i)$, to the inputs at even
positions $i$ and its mirror image $\\min(0, x_i)$ to those at odd positions, so that half of a
layer's units can only go up and half only down. The layer's mean activation then stays near
zero, as with tanh, while each unit stays piecewise linear. The authors proposed it to train
deep networks without normalisation layers, notably deep plain recurrent networks.

Notes:
    Positions count along the last axis; a 0-D input counts as position 0. It is still
    elementwise (each output depends on one input), only the rule depends on the position. At
    $x_i = 0$ the derivative is 0. PyTorch has no BReLU.

Examples:
    >>> brelu([-1.0, -1.0, 2.0, 2.0])
    array([ 0., -1.,  2.,  0.])
""",
    )
)


def _check_srelu(params: Mapping[str, float]) -> None:
    if not params["t_right"] >= params["t_left"]:
        raise error("t_right", f"at least t_left ({params['t_left']!r})", params["t_right"])


def _srelu_kinks(t_left: float, a_left: float, t_right: float, a_right: float) -> tuple[float, ...]:
    """A corner at each threshold whose outer slope differs from the middle slope 1."""
    if t_left == t_right:  # no middle segment: one corner unless the two slopes agree
        return (t_left,) if a_left != a_right else ()
    return tuple(t for t, a in ((t_left, a_left), (t_right, a_right)) if a != 1.0)


def _srelu(x: Array, t_left: float, a_left: float, t_right: float, a_right: float) -> Array:
    left = x - t_left
    left *= a_left
    left += t_left
    right = x - t_right
    right *= a_right
    right += t_right
    out = np.where(x <= t_left, left, x)
    return np.where(x >= t_right, right, out)


def _srelu_grad(x: Array, t_left: float, a_left: float, t_right: float, a_right: float) -> Array:
    out = np.where(x <= t_left, const(x, a_left), const(x, 1.0))
    return keep_nan(np.where(x >= t_right, const(x, a_right), out), x)


srelu = register(
    Activation(
        key="srelu",
        kink_fn=_srelu_kinks,
        name="S-shaped ReLU (SReLU)",
        fn=_srelu,
        grad=_srelu_grad,
        formula=r"f(x) = \begin{cases} t_l + a_l (x - t_l) & x \le t_l \\ x & t_l < x < t_r"
        r" \\ t_r + a_r (x - t_r) & x \ge t_r \end{cases}",
        derivative_formula=r"f'(x) = \begin{cases} a_l & x \le t_l \\ 1 & t_l < x < t_r \\ a_r"
        r" & x \ge t_r \end{cases}",
        output_range=(-np.inf, np.inf),
        monotonic=True,
        zero_centered=True,
        odd=True,
        smooth=False,
        saturates="none",
        defaults={"t_left": -1.0, "a_left": 0.2, "t_right": 1.0, "a_right": 0.2},
        check=_check_srelu,
        family="rectifier",
        summary="Three line segments with learnable corners and outer slopes.",
        strengths=(
            "Four learnable numbers let one unit imitate convex and concave shapes.",
            "Piecewise linear, so cheap to evaluate.",
        ),
        problems=(
            "Four parameters per unit to learn or choose.",
            "Two corners where it is not differentiable.",
        ),
        doc="""S-shaped ReLU: slope 1 between the corners $t_l \\le t_r$, $a_l$ and $a_r$ outside.

The S-shaped ReLU (Jin et al., 2016) is three line segments: slope 1 between two corners $t_l
\\le t_r$ and slopes $a_l$ and $a_r$ outside them. All four numbers are learned, so each unit
can take a convex, concave or S-shaped piecewise-linear response. The authors drew the idea from
psychophysics, where perceived intensity follows different laws for weak and strong stimuli.

Notes:
    Our defaults $t_l = -1$, $a_l = 0.2$, $t_r = 1$, $a_r = 0.2$ draw the symmetric S the name
    refers to. At the corners we take the outer slope. PyTorch has no SReLU.

Examples:
    >>> srelu([-3.0, 0.5, 3.0])
    array([-1.4,  0.5,  1.4])
""",
    )
)


def _hard_swish(x: Array) -> Array:
    # x * (relu6(x + 3) / 6): x times the hard sigmoid. (PyTorch multiplies by x before
    # dividing by 6, which overflows for x beyond a sixth of the largest float.)
    t = x + 3.0
    np.clip(t, 0.0, 6.0, out=t)
    t /= 6.0
    t *= x
    return t


def _hard_swish_grad(x: Array) -> Array:
    d = x / 3.0
    d += 0.5
    d = np.where(x <= -3.0, const(x, 0.0), d)
    return np.where(x >= 3.0, const(x, 1.0), d)


hard_swish = register(
    Activation(
        key="hard_swish",
        kink_fn=lambda: (-3.0, 3.0),
        name="Hard swish",
        fn=_hard_swish,
        grad=_hard_swish_grad,
        formula=r"\operatorname{hardswish}(x) = x\,\frac{\operatorname{ReLU6}(x + 3)}{6}",
        derivative_formula=r"\operatorname{hardswish}'(x) = \begin{cases} 0 & x \le -3 \\"
        r" x/3 + 1/2 & -3 < x < 3 \\ 1 & x \ge 3 \end{cases}",
        output_range=(-0.375, np.inf),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=False,
        saturates="left",
        family="rectifier",
        aliases=("hardswish",),
        torch_name="torch.nn.functional.hardswish",
        summary="Swish with the sigmoid replaced by the hard sigmoid: piecewise quadratic.",
        strengths=(
            "Close to swish (SiLU) in shape, without an exponential: built for mobile "
            "networks (MobileNetV3).",
            "Exactly 0 for x ≤ -3 and exactly x for x ≥ 3.",
        ),
        problems=(
            "Not differentiable at x = -3 and x = 3, where the derivative jumps.",
            "Not monotonic: a shallow dip to -3/8 at x = -3/2.",
        ),
        doc="""Hard swish: $x \\cdot \\operatorname{ReLU6}(x + 3) / 6$, $x$ times the hard sigmoid.

Hard swish is $x$ times the hard sigmoid: swish's shape (zero far left, a shallow dip, the
identity far right) drawn without an exponential. Howard et al. (2019) introduced it for
MobileNetV3, a network for phones, where it gave most of swish's accuracy at a fraction of the
cost and without trouble in quantised arithmetic; that network uses it mainly in its second
half.

Its minimum is $-3/8$ at $x = -3/2$. The derivative $x/3 + 1/2$ of the middle piece meets
neither neighbour: it jumps from 0 to $-1/2$ at $x = -3$ and from $3/2$ to 1 at $x = 3$.

Notes:
    At the corners we use PyTorch's values, 0 at $-3$ and 1 at $3$. PyTorch calls it
    ``hardswish``.

Examples:
    >>> hard_swish([-4.0, -1.5, 0.0, 1.0, 4.0])
    array([-0.        , -0.375     ,  0.        ,  0.66666667,  4.        ])
""",
    )
)


def _hard_elish_gate(x: Array) -> Array:
    g = x + 1.0
    g *= 0.5
    np.clip(g, 0.0, 1.0, out=g)
    return g


def _hard_elish(x: Array) -> Array:
    g = _hard_elish_gate(x)
    neg = np.expm1(np.minimum(x, 0.0))
    return np.where(x >= 0, x, neg) * g


def _hard_elish_grad(x: Array) -> Array:
    xn = np.minimum(x, 0.0)
    g = _hard_elish_gate(x)
    # x >= 0: d/dx [x g] = g + x g' with g' = 1/2 on x < 1
    pos = np.where(x < 1.0, x + 0.5, const(x, 1.0))
    # -1 < x < 0: d/dx [(e^x - 1)(x + 1)/2] = e^x g + (e^x - 1)/2
    e = np.exp(xn)
    neg = e * g + 0.5 * (e - 1.0)
    neg = np.where(x <= -1.0, const(x, 0.0), neg)
    return np.where(x >= 0, pos, neg)


def _hard_elish_min() -> float:
    # On (-1, 0) the minimum satisfies e^x (x + 2) = 1, i.e. x = W(e^2) - 2 (Lambert W);
    # a few Newton steps on u e^u = e^2 find it.
    u = 1.5
    for _ in range(50):
        u -= (u * math.exp(u) - math.exp(2.0)) / ((u + 1.0) * math.exp(u))
    x = u - 2.0
    return math.expm1(x) * (x + 1.0) / 2.0


hard_elish = register(
    Activation(
        key="hard_elish",
        kink_fn=lambda: (-1.0, 1.0),
        name="Hard ELiSH",
        fn=_hard_elish,
        grad=_hard_elish_grad,
        formula=r"f(x) = \begin{cases} x \max\bigl(0, \min(1, \tfrac{x+1}{2})\bigr) & x \ge 0"
        r" \\ (e^{x} - 1) \max\bigl(0, \min(1, \tfrac{x+1}{2})\bigr) & x < 0 \end{cases}",
        derivative_formula=r"f'(x) = \begin{cases} 1 & x \ge 1 \\ x + \tfrac12 & 0 \le x < 1"
        r" \\ e^{x}\tfrac{x+1}{2} + \tfrac{e^{x} - 1}{2} & -1 < x < 0 \\ 0 & x \le -1"
        r" \end{cases}",
        output_range=(_hard_elish_min(), np.inf),
        monotonic=False,
        zero_centered=False,
        odd=False,
        smooth=False,
        saturates="left",
        family="rectifier",
        summary="ELiSH with the sigmoid replaced by a hard sigmoid on [-1, 1].",
        strengths=(
            "Cheaper than ELiSH: a clip replaces the sigmoid.",
            "Identity for x ≥ 1, so no vanishing gradient on the right.",
        ),
        problems=(
            "Exactly zero output and gradient for x ≤ -1, so units can die.",
            "Corners at x = -1 and x = 1.",
        ),
        doc="""Hard ELiSH: ELiSH with its sigmoid replaced by a hard sigmoid.

Hard ELiSH is ELiSH with its sigmoid gate replaced by a hard sigmoid on $[-1, 1]$, the gate
$\\max(0, \\min(1, (x+1)/2))$. For $x \\ge 0$ it is $x \\cdot \\min(1, (x+1)/2)$, for $x < 0$
the small dip $(e^x - 1)\\max(0, (x+1)/2)$. Basirat and Roth (2018) found it, with ELiSH, in a
genetic search over combinations of activation functions, as a cheaper variant.

The two halves meet at 0 with the same slope 1/2. The minimum, about $-0.0997$, sits where
$e^x(x + 2) = 1$.

Notes:
    The corners are at $x = -1$ (derivative taken as 0) and $x = 1$ (taken as 1). PyTorch has no
    hard ELiSH.

Examples:
    >>> hard_elish([-2.0, -0.5, 0.5, 2.0])
    array([-0.        , -0.09836734,  0.375     ,  2.        ])
""",
    )
)
