"""Activation functions: each one an object that knows its formula, derivative and properties.

An activation function turns a neuron's net input $z$ into its activity level $a = f(z)$.
Every activation here is an [`Activation`][nnref.activations.Activation]: call it for the
forward pass, call [`derivative`][nnref.activations.Activation.derivative] for $f'(z)$, and
read its metadata (formula, range, properties) to describe it. The glossary pages and the
overview table are generated from exactly these objects.

Examples:
    >>> from nnref import activations
    >>> activations.relu([-2.0, 0.5])
    array([0. , 0.5])
    >>> activations.get("sigmoid").output_range
    (0.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from numbers import Real
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnref._validation import as_float_array

__all__ = [
    "Activation",
    "catalog",
    "get",
    "identity",
    "relu",
    "sigmoid",
    "sign",
    "step",
    "tanh",
]

Array = NDArray[np.floating[Any]]
Kernel = Callable[..., Array]

_CATALOG: dict[str, Activation] = {}


@dataclass(frozen=True, eq=False, repr=False)
class Activation:
    """An activation function together with its derivative and the facts a page states about it.

    Call the object for the forward pass, $a = f(x)$; elementwise unless ``vector_valued``.
    [`derivative`][nnref.activations.Activation.derivative] gives $f'(x)$, **taken with
    respect to the pre-activation input** $x$ (the net input), never the output.

    Attributes:
        key: Lookup id, following PyTorch's functional name where one exists (``"relu"``).
        name: Display name (``"ReLU"``).
        fn: Forward kernel ``fn(x, **params)`` on a float array.
        grad: Derivative kernel ``grad(x, **params)`` on the pre-activation ``x``.
        formula: LaTeX of $f(x)$.
        derivative_formula: LaTeX of $f'(x)$.
        output_range: ``(low, high)`` of the outputs with the default parameters; ±inf allowed.
        monotonic: Non-decreasing everywhere (with the default parameters).
        zero_centered: Outputs take both signs around 0 and $f(0) = 0$.
        smooth: Differentiable everywhere.
        defaults: Parameter names and their default values (PyTorch's where PyTorch has one).
        family: The family the overview page groups it under.
        summary: One line in our own words.
        doc: The docstring: formula, kink conventions and a doctest example.
        jacobian_fn: For vector-valued activations, ``jacobian_fn(x, **params)`` with shape
            ``(..., n, n)``; ``None`` for elementwise ones.

    Examples:
        >>> relu.derivative([-1.0, 2.0])
        array([0., 1.])
        >>> sigmoid.jacobian([0.0, 2.0]).shape  # elementwise: a diagonal matrix
        (2, 2)
        >>> print(relu.formula)
        \\operatorname{ReLU}(x) = \\max(0, x)
    """

    key: str
    name: str
    fn: Kernel
    grad: Kernel
    formula: str
    derivative_formula: str
    output_range: tuple[float, float]
    monotonic: bool
    zero_centered: bool
    smooth: bool
    defaults: Mapping[str, float] = field(default_factory=dict)
    family: str = ""
    summary: str = ""
    doc: str = ""
    jacobian_fn: Kernel | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "defaults", MappingProxyType(dict(self.defaults)))
        object.__setattr__(self, "__doc__", self.doc or self.summary)

    @property
    def vector_valued(self) -> bool:
        """True when each output depends on the whole last axis (softmax and friends)."""
        return self.jacobian_fn is not None

    def params(self, **params: float) -> dict[str, float]:
        """Merge ``params`` into the defaults, rejecting unknown names and non-real values."""
        unknown = sorted(set(params) - set(self.defaults))
        if unknown:
            known = ", ".join(self.defaults) or "none"
            raise TypeError(
                f"{self.key} got unexpected parameter(s) {', '.join(unknown)}; "
                f"its parameters are: {known}"
            )
        for pname, value in params.items():
            if isinstance(value, bool) or not isinstance(value, Real):
                raise TypeError(f"{pname} must be a real number, got {value!r}")
        return {**self.defaults, **{k: float(v) for k, v in params.items()}}

    def __call__(self, x: ArrayLike, **params: float) -> Array:
        """Forward pass $f(x)$; float32 stays float32, anything else computes in float64."""
        return self.fn(as_float_array(x, "x"), **self.params(**params))

    def derivative(self, x: ArrayLike, **params: float) -> Array:
        """Elementwise derivative $f'(x)$ with respect to the pre-activation input ``x``.

        For vector-valued activations this is the diagonal of the Jacobian.
        """
        return self.grad(as_float_array(x, "x"), **self.params(**params))

    def jacobian(self, x: ArrayLike, **params: float) -> Array:
        """Jacobian $\\partial f_i / \\partial x_j$ along the last axis, shape ``(..., n, n)``.

        For an elementwise activation it is the diagonal matrix of
        [`derivative`][nnref.activations.Activation.derivative].
        """
        arr = as_float_array(x, "x")
        if arr.ndim == 0:
            arr = arr[None]
        resolved = self.params(**params)
        if self.jacobian_fn is not None:
            return self.jacobian_fn(arr, **resolved)
        diag = self.grad(arr, **resolved)
        return diag[..., :, None] * np.eye(arr.shape[-1], dtype=arr.dtype)

    def __repr__(self) -> str:
        return f"<Activation {self.key}>"


def register(activation: Activation) -> Activation:
    """Add ``activation`` to the catalogue (in page order) and return it."""
    if activation.key in _CATALOG:
        raise ValueError(f"key must be unique, got a second activation named {activation.key!r}")
    _CATALOG[activation.key] = activation
    return activation


def get(key: str | Activation) -> Activation:
    """Look up an activation by its key.

    Args:
        key: The activation's ``key``, e.g. ``"relu"`` (an ``Activation`` is returned as is).

    Raises:
        KeyError: naming the unknown key and listing the known ones.

    Examples:
        >>> get("relu").name
        'ReLU'
    """
    if isinstance(key, Activation):
        return key
    try:
        return _CATALOG[key]
    except (KeyError, TypeError):
        known = ", ".join(_CATALOG)
        raise KeyError(f"key must be one of: {known}; got {key!r}") from None


def catalog() -> list[Activation]:
    """All activations, in the order of the glossary pages.

    Examples:
        >>> [a.key for a in catalog()][:3]
        ['identity', 'step', 'sign']
    """
    return list(_CATALOG.values())


# --- threshold and linear -------------------------------------------------------------------


def _identity(x: Array) -> Array:
    return x.copy()


def _ones(x: Array, **_: float) -> Array:
    return np.ones_like(x)


def _zeros(x: Array, **_: float) -> Array:
    return np.zeros_like(x)


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
        smooth=True,
        family="linear",
        summary="Passes the net input through unchanged; the usual output function.",
        doc="""Identity: $\\operatorname{id}(x) = x$, derivative $1$.

The usual output function of a neuron, and the output activation for regression.
A network made only of identity activations is a single affine map.

Examples:
    >>> identity([-1.5, 0.0, 2.0])
    array([-1.5,  0. ,  2. ])
""",
    )
)


def _step(x: Array, threshold: float) -> Array:
    return (x >= threshold).astype(x.dtype)


step = register(
    Activation(
        key="step",
        name="Binary step (Heaviside)",
        fn=_step,
        grad=_zeros,
        formula=r"H(x) = \begin{cases} 1 & x \ge \theta \\ 0 & x < \theta \end{cases}",
        derivative_formula=r"H'(x) = 0 \quad (x \ne \theta;\ \text{undefined at } \theta)",
        output_range=(0.0, 1.0),
        monotonic=True,
        zero_centered=False,
        smooth=False,
        defaults={"threshold": 0.0},
        family="threshold",
        summary="Fires 1 when the net input reaches the threshold, otherwise 0.",
        doc="""Binary step (Heaviside): $1$ if $x \\ge \\theta$, else $0$.

The activation of the threshold logic unit. The output is exactly 1 at the threshold itself.
Its derivative is 0 everywhere it exists, so no gradient flows through it; ``derivative``
returns 0 at the jump as well.

Examples:
    >>> step([-1.0, 0.0, 2.0])
    array([0., 1., 1.])
    >>> step([0.5, 1.5], threshold=1.0)
    array([0., 1.])
""",
    )
)


def _sign(x: Array, threshold: float) -> Array:
    return np.where(x >= threshold, 1.0, -1.0).astype(x.dtype)


sign = register(
    Activation(
        key="sign",
        name="Sign (bipolar step)",
        fn=_sign,
        grad=_zeros,
        formula=r"\operatorname{sgn}(x) = \begin{cases} +1 & x \ge \theta \\ -1 & x < \theta"
        r" \end{cases}",
        derivative_formula=r"\operatorname{sgn}'(x) = 0 \quad (x \ne \theta)",
        output_range=(-1.0, 1.0),
        monotonic=True,
        zero_centered=True,
        smooth=False,
        defaults={"threshold": 0.0},
        family="threshold",
        summary="Answers +1 when the net input reaches the threshold, otherwise -1.",
        doc="""Sign (bipolar step): $+1$ if $x \\ge \\theta$, else $-1$.

The perceptron's classic output for labels in {-1, 1}. Unlike ``numpy.sign`` it never
answers 0: the threshold itself maps to +1. The derivative is 0 (also at the jump).

Examples:
    >>> sign([-0.3, 0.0, 4.0])
    array([-1.,  1.,  1.])
""",
    )
)


# --- sigmoid-like ---------------------------------------------------------------------------


def _sigmoid(x: Array) -> Array:
    # exp(-|x|) never overflows; both branches are exact for their sign of x.
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _sigmoid_grad(x: Array) -> Array:
    s = _sigmoid(x)
    return s * (1.0 - s)


sigmoid = register(
    Activation(
        key="sigmoid",
        name="Logistic sigmoid",
        fn=_sigmoid,
        grad=_sigmoid_grad,
        formula=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        derivative_formula=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
        output_range=(0.0, 1.0),
        monotonic=True,
        zero_centered=False,
        smooth=True,
        family="sigmoid-like",
        summary="Squashes any net input into (0, 1); reads as a probability.",
        doc="""Logistic sigmoid: $\\sigma(x) = 1 / (1 + e^{-x})$.

Computed in a form that never overflows: $1/(1+e^{-|x|})$ for $x \\ge 0$ and
$e^{-|x|}/(1+e^{-|x|})$ for $x < 0$. Derivative $\\sigma(x)(1-\\sigma(x))$, at most 1/4.

Examples:
    >>> sigmoid([0.0, 3.0, -1000.0])
    array([0.5       , 0.95257413, 0.        ])
""",
    )
)


def _tanh(x: Array) -> Array:
    return np.tanh(x)


def _tanh_grad(x: Array) -> Array:
    t = np.tanh(x)
    return 1.0 - t * t


tanh = register(
    Activation(
        key="tanh",
        name="Hyperbolic tangent",
        fn=_tanh,
        grad=_tanh_grad,
        formula=r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
        derivative_formula=r"\tanh'(x) = 1 - \tanh^2(x)",
        output_range=(-1.0, 1.0),
        monotonic=True,
        zero_centered=True,
        smooth=True,
        family="sigmoid-like",
        summary="A zero-centred sigmoid with outputs in (-1, 1).",
        doc="""Hyperbolic tangent: $\\tanh(x)$, a sigmoid rescaled to $(-1, 1)$.

$\\tanh(x) = 2\\sigma(2x) - 1$. Derivative $1 - \\tanh^2(x)$, largest (1) at 0.

Examples:
    >>> tanh([0.0, 1.0])
    array([0.        , 0.76159416])
""",
    )
)


# --- rectifiers -----------------------------------------------------------------------------


def _relu(x: Array) -> Array:
    return np.maximum(x, 0.0)


def _relu_grad(x: Array) -> Array:
    return (x > 0).astype(x.dtype)


relu = register(
    Activation(
        key="relu",
        name="ReLU",
        fn=_relu,
        grad=_relu_grad,
        formula=r"\operatorname{ReLU}(x) = \max(0, x)",
        derivative_formula=r"\operatorname{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0"
        r" \end{cases}",
        output_range=(0.0, np.inf),
        monotonic=True,
        zero_centered=False,
        smooth=False,
        family="rectifier",
        summary="Keeps positive net inputs and zeroes the rest.",
        doc="""Rectified linear unit: $\\max(0, x)$.

The derivative is 1 for $x > 0$ and 0 for $x \\le 0$; at the kink $x = 0$ we use 0, as
PyTorch does.

Examples:
    >>> relu([-2.0, 0.0, 0.71])
    array([0.  , 0.  , 0.71])
    >>> relu.derivative([-2.0, 0.0, 0.71])
    array([0., 0., 1.])
""",
    )
)


__test__ = {f"{a.key} (Activation)": a.doc for a in catalog()}
