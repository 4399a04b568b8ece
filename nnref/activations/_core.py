"""The ``Activation`` type, the catalogue it is registered in, and the lookup functions."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from numbers import Real
from types import MappingProxyType

import numpy as np
from numpy.typing import ArrayLike

from nnref._registry import Registry
from nnref._typing import Array
from nnref._validation import as_float_array, describe, error

__all__ = [
    "FAMILIES",
    "SATURATION",
    "Activation",
    "catalog",
    "get",
    "resolve",
    "register",
]

Kernel = Callable[..., Array]
Check = Callable[[Mapping[str, float]], None]

FAMILIES: tuple[str, ...] = (
    "threshold",
    "linear",
    "sigmoid-like",
    "rectifier",
    "smooth rectifier",
    "shrinkage",
    "periodic",
    "radial",
    "other",
    "vector-valued",
)
"""The families in page order; the catalogue lists every activation grouped in this order."""

SATURATION: tuple[str, ...] = ("none", "left", "right", "both", "")
"""Allowed values of ``Activation.saturates`` (``""``: not applicable, for vector-valued ones)."""


@dataclass(frozen=True, eq=False, repr=False)
class Activation:
    """An activation function together with its derivative and the facts a page states about it.

    Call the object for the forward pass, $a = f(x)$; elementwise unless ``vector_valued``.
    [`derivative`][nnref.activations.Activation.derivative] gives $f'(x)$, **taken with
    respect to the pre-activation input** $x$ (the net input), never the output.

    Every property below describes the function **with its default parameters**.

    Attributes:
        key: Lookup id, following PyTorch's functional name where one exists (``"relu"``).
        name: Display name (``"ReLU"``).
        fn: Forward kernel ``fn(x, **params)`` on a float array.
        grad: Derivative kernel ``grad(x, **params)`` on the pre-activation ``x``.
        formula: LaTeX of $f(x)$.
        derivative_formula: LaTeX of $f'(x)$.
        output_range: ``(low, high)``, the infimum and supremum of the outputs; ±inf allowed.
            Whether an end is attained is said in the docstring.
        monotonic: Non-decreasing everywhere. For a vector-valued activation whose output has
            the input's shape: sorting the inputs sorts the outputs; for one that shrinks the
            axis: non-decreasing in every input.
        zero_centered: Zero-centred: the mean output for a standard normal input is 0,
            $E[f(Z)] = 0$ (see [`PROPERTIES`][nnref.activations.PROPERTIES] for every
            definition and [`check_claims`][nnref.activations.check_claims] for the checks).
        smooth: Differentiable everywhere (at least once).
        defaults: Parameter names and their default values (PyTorch's where PyTorch has one).
        family: The family the overview page groups it under, one of ``FAMILIES``.
        summary: One line in our own words.
        doc: The docstring: a formula line; what the function does, where it is used and
            why; a ``Notes:`` section with implementation matters (PyTorch names, stable
            formulas, the convention at a kink); and ``Examples:`` (doctests).
        jacobian_fn: For vector-valued activations, ``jacobian_fn(x, **params)`` with shape
            ``(..., m, n)`` (``m`` outputs, ``n`` inputs along the axis); ``None`` for
            elementwise ones.
        strengths: Short sentences on what it is good at.
        problems: Short sentences on its known problems.
        continuous: No jumps (with the default parameters).
        saturates: Where the derivative tends to 0: ``"left"`` (as $x \\to -\\infty$),
            ``"right"``, ``"both"`` or ``"none"``; ``""`` for vector-valued activations.
        aliases: Other lookup names accepted by [`get`][nnref.activations.get]
            (e.g. PyTorch's spelling ``"hardtanh"``).
        torch_name: The PyTorch equivalent, e.g. ``"torch.nn.functional.gelu"``; ``""`` if
            PyTorch has none. Differences (parameter names, fixed arguments) are in ``doc``.
        vjp_fn: ``vjp_fn(x, grad_out, **params)``, the gradient with respect to ``x`` of
            ``sum(grad_out * f(x))``; vector-valued activations provide it.
        check: ``check(params)`` raises if a parameter value is outside its valid range.
        kink_fn: ``kink_fn(**params)``: the inputs where $f$ is not differentiable for
            those parameters; read it through [`kinks`][nnref.activations.Activation.kinks].
            ``None`` for an activation without corners or jumps.
        position_dependent: Each output depends only on its own input, but the formula
            depends on the position along the last axis (BReLU); such a function cannot be
            applied to one value per sample, as a single neuron does.
        oscillates: Keeps oscillating as $x \\to \\pm\\infty$ (sine, cosine), so it has no
            limit there: an infinite input gives NaN.
        odd: Odd symmetric, $f(-x) = -f(x)$ for every $x$ (so $f(0) = 0$).
        output_values: For a function that takes only a few values, those values (the step's
            ``(0.0, 1.0)``); its range is that set, not the interval ``output_range``.

    Examples:
        >>> from nnref.activations import sigmoid
        >>> sigmoid([0.0, 2.0])
        array([0.5       , 0.88079708])
        >>> float(sigmoid.derivative(0.0))
        0.25
        >>> sigmoid.output_range, sigmoid.monotonic, sigmoid.family
        ((0.0, 1.0), True, 'sigmoid-like')
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
    strengths: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    continuous: bool = True
    saturates: str = "none"
    aliases: tuple[str, ...] = ()
    torch_name: str = ""
    vjp_fn: Kernel | None = None
    check: Check | None = None
    kink_fn: Callable[..., Iterable[float]] | None = None
    position_dependent: bool = False
    oscillates: bool = False
    odd: bool = False
    output_values: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "defaults", MappingProxyType(dict(self.defaults)))
        low, high = self.output_range
        object.__setattr__(self, "output_range", (float(low), float(high)))
        object.__setattr__(self, "strengths", tuple(self.strengths))
        object.__setattr__(self, "problems", tuple(self.problems))
        object.__setattr__(self, "aliases", tuple(self.aliases))
        object.__setattr__(self, "output_values", tuple(float(v) for v in self.output_values))
        object.__setattr__(self, "__doc__", self.doc or self.summary)
        if self.family and self.family not in FAMILIES:
            raise error("family", f"one of {', '.join(FAMILIES)}", self.family)
        if self.saturates not in SATURATION:
            raise error("saturates", "one of 'none', 'left', 'right', 'both', ''", self.saturates)

    @property
    def vector_valued(self) -> bool:
        """True when each output depends on the whole axis (softmax and friends)."""
        return self.jacobian_fn is not None

    @property
    def elementwise(self) -> bool:
        """True when each output depends only on the input at the same position."""
        return self.jacobian_fn is None

    @property
    def _limits(self) -> bool:
        """Whether an infinite input takes the limit of an elementwise formula (see ``_apply``)."""
        return self.elementwise and not self.oscillates

    @property
    def bounded(self) -> bool:
        """True when both ends of ``output_range`` are finite."""
        return bool(np.isfinite(self.output_range[0]) and np.isfinite(self.output_range[1]))

    def params(self, **params: float) -> dict[str, float]:
        """Merge ``params`` into the defaults, rejecting unknown names and invalid values."""
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
            if not math.isfinite(value):
                raise ValueError(f"{pname} must be a finite real number, got {value!r}")
        merged = {**self.defaults, **{k: float(v) for k, v in params.items()}}
        if self.check is not None and params:
            self.check(merged)
        return merged

    def kinks(self, **params: float) -> tuple[float, ...]:
        """The inputs where $f$ is not differentiable (corners and jumps), sorted.

        For the given parameters, merged into the defaults (checked as in a call); with no
        arguments, for the defaults. There ``derivative`` returns the value the docstring
        states, a convention rather than a limit. With the defaults the tuple is empty
        exactly when ``smooth`` is true (for an elementwise activation); a parameter can add
        a corner (ELU with $\\alpha \\ne 1$) or remove one (leaky ReLU with slope 1 is the
        identity). The shrinkage functions keep $\\pm\\lambda$ for $\\lambda = 0$, where
        they are the identity but their derivative at 0 is PyTorch's 0. Softplus's switch to
        the identity at $\\beta x$ = ``threshold`` is not counted (the two sides differ by
        less than $10^{-8}$ with the default threshold).

        Examples:
            >>> from nnref.activations import elu, hard_tanh
            >>> hard_tanh.kinks(), hard_tanh.kinks(min_val=-2.0, max_val=0.5)
            ((-1.0, 1.0), (-2.0, 0.5))
            >>> elu.kinks(), elu.kinks(alpha=0.5)
            ((), (0.0,))
        """
        resolved = self.params(**params)  # checked even where there is no kink
        if self.kink_fn is None:
            return ()
        return tuple(sorted({float(k) for k in self.kink_fn(**resolved)}))

    def __call__(self, x: ArrayLike, **params: float) -> Array:
        """Forward pass $f(x)$; float32 stays float32, anything else computes in float64.

        A 0-D input counts as a single element and gives a 0-D output. Every finite input
        gives the right value (see the module's notes on the float range); NaN and infinite
        inputs follow the rule stated there.
        """
        arr = as_float_array(x, "x")
        return _apply(self.fn, arr, self.params(**params), elementwise=self._limits)

    def derivative(self, x: ArrayLike, **params: float) -> Array:
        """Elementwise derivative $f'(x)$ with respect to the pre-activation input ``x``.

        For softmax, log-softmax and softmin this is the diagonal of the Jacobian. GLU and
        maxout change the length of the axis, so they have no elementwise derivative and
        raise ``TypeError``: use [`jacobian`][nnref.activations.Activation.jacobian] or
        [`backward`][nnref.activations.Activation.backward] instead.
        """
        arr = as_float_array(x, "x")
        return _apply(self.grad, arr, self.params(**params), elementwise=self._limits)

    def jacobian(self, x: ArrayLike, **params: float) -> Array:
        """Jacobian $\\partial f_i / \\partial x_j$ along the last axis, shape ``(..., m, n)``.

        ``n`` is the length of the input's last axis (a 0-D input counts as one element)
        and ``m`` the length of the output's; ``m = n`` except for GLU (``n/2``) and maxout
        (``n/k``). For an elementwise activation it is the diagonal matrix of
        [`derivative`][nnref.activations.Activation.derivative]. Vector-valued activations
        with an ``axis`` parameter move that axis to the end first.
        """
        arr = as_float_array(x, "x")
        if arr.ndim == 0:
            arr = arr[None]
        resolved = self.params(**params)
        if self.jacobian_fn is not None:
            return _apply(self.jacobian_fn, arr, resolved)
        diag = _apply(self.grad, arr, resolved, elementwise=self._limits)
        n = arr.shape[-1]
        jac = np.zeros((*diag.shape, n), dtype=diag.dtype)  # a product with eye: inf * 0
        idx = np.arange(n)
        jac[..., idx, idx] = diag
        return jac

    def backward(self, x: ArrayLike, grad_out: ArrayLike, **params: float) -> Array:
        """Backpropagate: the gradient of $\\sum_i g_i f_i(x)$ with respect to ``x``.

        Args:
            x: The pre-activation input of the forward pass.
            grad_out: $g = \\partial L / \\partial f(x)$, with the shape of ``f(x)``.

        Returns:
            $\\partial L / \\partial x$ with the shape of ``x``: ``grad_out * f'(x)`` for an
            elementwise activation, the vector-Jacobian product for a vector-valued one. A
            product beyond the largest finite float is infinite (no warning).
        """
        arr = as_float_array(x, "x")
        resolved = self.params(**params)
        g = as_float_array(grad_out, "grad_out").astype(arr.dtype, copy=False)
        if self.vjp_fn is None:
            check_grad_out(self.key, g, arr.shape)
            vjp = _elementwise_vjp(self.grad)
            return _apply(vjp, arr, resolved, g, elementwise=self._limits)
        # A vector-valued ``vjp_fn`` checks grad_out's shape itself (it knows its output shape).
        if arr.ndim == 0:
            if g.ndim != 0:
                check_grad_out(self.key, g, ())
            g = g[None]
        return _apply(self.vjp_fn, arr, resolved, g)

    def __repr__(self) -> str:
        return f"<Activation {self.key}>"


def check_grad_out(key: str, g: Array, expected: tuple[int, ...]) -> None:
    """Raise ``ValueError`` unless the upstream gradient has the output's shape."""
    if g.shape != tuple(expected):
        raise ValueError(
            f"grad_out must be an array of shape {tuple(expected)} (the shape of {key}(x)), "
            f"got {describe(g)}"
        )


def _elementwise_vjp(grad: Kernel) -> Kernel:
    """``grad_out * f'(x)`` for an elementwise derivative kernel ``grad``."""

    def vjp(x: Array, g: Array, **params: float) -> Array:
        d = np.asarray(grad(x, **params))
        with np.errstate(over="ignore"):  # beyond the largest float: inf, the right rounding
            own = d.flags.writeable and not np.may_share_memory(d, x)
            return np.multiply(d, g, out=d if own else None)

    return vjp


def _apply(
    kernel: Kernel,
    arr: Array,
    params: Mapping[str, float],
    *extra: Array,
    elementwise: bool = False,
) -> Array:
    """Run ``kernel(arr, *extra, **params)``; kernels always see at least 1-D arrays, and
    0-D inputs come back 0-D.

    The kernels are written so that no finite input raises a floating-point error (a
    result beyond the float range overflows to inf inside an ``np.errstate`` of the kernel
    that allows exactly that), and so that a NaN input gives NaN. They run with
    floating-point errors raised; an error can then only come from an infinite input, and
    the kernel runs again quietly, where IEEE arithmetic gives the limit at $\\pm\\infty$ for
    most formulas. Where it gives NaN instead (``inf / inf`` in ``x / (1 + |x|)``, ``0 * inf``
    in ``x * sigmoid(x)``), an ``elementwise`` kernel takes its value at the largest finite
    float of the same sign, which is that limit to the last digit (the tests check every
    activation). Should a finite input ever raise, the second run leaves NumPy's usual
    warning in place, so that a test sees it.
    """
    squeeze = arr.ndim == 0
    if squeeze:
        arr = arr[None]
        extra = tuple(e.reshape(1) if e.ndim == 0 else e for e in extra)
    try:
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            out = np.asarray(kernel(arr, *extra, **params))
    except FloatingPointError:
        if all(np.all(np.isfinite(a)) for a in (arr, *extra)):
            out = np.asarray(kernel(arr, *extra, **params))
        else:
            out = _quietly(kernel, arr, extra, params, elementwise)
    return out.reshape(out.shape[1:]) if squeeze else out


def _quietly(
    kernel: Kernel,
    arr: Array,
    extra: tuple[Array, ...],
    params: Mapping[str, float],
    elementwise: bool,
) -> Array:
    """The kernel on an input with infinities, IEEE arithmetic throughout; see ``_apply``."""
    with np.errstate(all="ignore"):
        out = np.asarray(kernel(arr, *extra, **params))
        if not elementwise or out.shape != arr.shape:
            return out
        lost = np.isinf(arr) & np.isnan(out)
        if np.any(lost):
            big = float(np.finfo(arr.dtype).max)
            near = np.asarray(kernel(np.clip(arr, -big, big), *extra, **params))
            out = out.copy() if not out.flags.writeable else out
            out[lost] = near[lost]
    return out


def keep_nan(out: Array, x: Array) -> Array:
    """``out`` with NaN wherever ``x`` is NaN, in place; returns ``out``.

    For kernels built from comparisons, such as ReLU's derivative ``x > 0``: a comparison
    with NaN is false, which would turn a NaN input into one of the branches.
    """
    nan = np.isnan(x)
    if np.any(nan):
        out[nan] = np.nan
    return out


_CATALOGUE: Registry[Activation] = Registry(
    "activation",
    "activation",
    "an Activation or an activation key such as 'relu'",
    lambda value: isinstance(value, Activation),
)


def register(activation: Activation) -> Activation:
    """Add ``activation`` to the catalogue and return it.

    Keys and aliases must be unique. [`catalog`][nnref.activations.catalog] lists the
    activations grouped by family in ``FAMILIES`` order, each family in registration order,
    so a module may register members of different families.

    Examples:
        >>> from nnref.activations import relu
        >>> register(relu)
        Traceback (most recent call last):
        ...
        ValueError: key must be unique, got a second activation named 'relu'
    """
    return _CATALOGUE.add(activation.key, activation, activation.aliases)


def get(key: str | Activation) -> Activation:
    """Look up an activation by its key or one of its aliases.

    Args:
        key: The activation's ``key``, e.g. ``"relu"``, or an alias such as PyTorch's
            ``"hardtanh"``; an ``Activation`` is returned as is.

    Raises:
        ValueError: for an unknown key, naming it and listing the known keys and aliases
            (the same error as [`nnref.losses.get`][nnref.losses.get] and
            [`nnref.init.get`][nnref.init.get]).
        TypeError: for anything that is neither a string nor an ``Activation``.

    Examples:
        >>> get("relu").name
        'ReLU'
        >>> get("hardtanh").key
        'hard_tanh'
        >>> get("relux")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: activation must be one of 'step', 'sign', ..., got 'relux'
    """
    return _CATALOGUE.get(key)


def resolve(value: Activation | str, name: str = "activation") -> Activation:
    """An ``Activation`` from itself or its key, for constructor arguments such as ``output``.

    The lookup of [`get`][nnref.activations.get], with errors that name the argument
    ``name``: an unknown key raises ``ValueError``, anything else ``TypeError``.

    Examples:
        >>> resolve("relu").key
        'relu'
        >>> resolve("relux", "output")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: output must be one of 'step', 'sign', ..., got 'relux'
    """
    return _CATALOGUE.get(value, name)


def catalog() -> list[Activation]:
    """All activations, in the order of the glossary pages (grouped by ``FAMILIES``).

    Examples:
        >>> [a.key for a in catalog()][:3]
        ['step', 'sign', 'identity']
    """
    order = {family: i for i, family in enumerate(FAMILIES)}
    return sorted(_CATALOGUE.entries(), key=lambda a: order.get(a.family, len(order)))


# --- helpers shared by the family modules -------------------------------------------------


def const(x: Array, value: float) -> Array:
    """``value`` as a 0-D array of ``x``'s dtype (so ``np.where`` keeps float32)."""
    return np.asarray(value, dtype=x.dtype)


def lowest_value(fn: Kernel, lo: float, hi: float, **params: float) -> float:
    """The minimum of a unimodal stretch of ``fn`` on ``[lo, hi]`` (golden-section search).

    Used at import time to state the exact lower end of ranges such as GELU's.
    """
    ratio = (math.sqrt(5.0) - 1.0) / 2.0

    def f(v: float) -> float:
        return float(fn(np.array([v], dtype=np.float64), **params)[0])

    a, b = lo, hi
    c, d = b - ratio * (b - a), a + ratio * (b - a)
    fc, fd = f(c), f(d)
    for _ in range(200):
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - ratio * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + ratio * (b - a)
            fd = f(d)
        if b - a < 1e-15 * max(1.0, abs(a)):
            break
    return min(fc, fd, f((a + b) / 2.0))


def positive(*names: str) -> Check:
    """A ``check`` requiring the named parameters to be above zero."""

    def check(params: Mapping[str, float]) -> None:
        for name in names:
            if not params[name] > 0:
                raise error(name, "a positive real number", params[name])

    return check


def non_negative(*names: str) -> Check:
    """A ``check`` requiring the named parameters to be zero or above."""

    def check(params: Mapping[str, float]) -> None:
        for name in names:
            if not params[name] >= 0:
                raise error(name, "a non-negative real number", params[name])

    return check


def all_of(*checks: Check) -> Check:
    """Combine several ``check`` functions."""

    def check(params: Mapping[str, float]) -> None:
        for c in checks:
            c(params)

    return check
