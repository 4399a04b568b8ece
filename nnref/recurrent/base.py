"""What every recurrent layer shares: sequence checks, initial states, truncation and clipping.

A recurrent layer reads a batch of sequences ``x`` of shape ``(n_samples, n_steps, n_in)``
(batch first, as PyTorch's ``batch_first=True``) one step at a time and carries a state from
step to step. Its backward pass is **backpropagation through time** (BPTT): the network
unrolled over the $T$ steps is a feed-forward network with the same weights at every step,
so the gradient of a weight is the sum of its gradients at every step. Two options change
that backward pass, and both live here so that every recurrent layer means the same by them:

- ``truncate = k``: **truncated BPTT**. The steps are cut into consecutive pieces of $k$
  (steps $0..k-1$, $k..2k-1$, ...; the last piece may be shorter). The forward pass carries
  the state across the cuts as usual, but the backward pass does not: the gradient stops at
  the first step of each piece, as if the state entering it were a constant. This is what
  PyTorch users get by calling ``h.detach()`` every $k$ steps, and costs nothing extra.
- ``clip_norm = c``: **gradient-norm clipping**, applied to this layer's parameter gradients
  after the whole BPTT pass, all of them together, exactly as
  ``torch.nn.utils.clip_grad_norm_`` treats the same gradients (see
  [`clip_grad_norm`][nnref.recurrent.clip_grad_norm]; a PyTorch module holds each folded
  bias twice, as ``bias_ih`` and ``bias_hh``, so its norm counts those gradients twice). The
  gradient handed to the layer below, $\\partial L / \\partial x$, is not clipped.

Every recurrent layer also accepts its initial state in ``forward`` (``h0``; an LSTM's ``c0``;
a Jordan network's ``y0``; zeros when omitted) and, after ``backward``, keeps two gradients
that BPTT computes on the way: ``hidden_grads``, $\\partial L / \\partial h_t$ for every
step (the quantity whose norm over $t$ shows vanishing or exploding gradients), and
``initial_grads``, the gradient with respect to each initial state.

Examples:
    >>> import numpy as np
    >>> grads = {"W": np.array([3.0, 4.0])}
    >>> clip_grad_norm(grads, 1.0)  # returns the norm before clipping
    5.0
    >>> grads["W"].round(6)
    array([0.6, 0.8])
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_finite,
    check_float_dtype,
    check_positive,
    check_positive_int,
    check_representable,
    check_result,
    check_sample_shape,
    check_shape,
    error,
)
from nnref.layers import Layer

__all__ = ["RecurrentBase", "check_sequences", "clip_grad_norm", "sigmoid_inplace"]


def check_sequences(x: Array, name: str, n_features: int | None, what: str = "n_in") -> Array:
    """Raise ``ValueError`` unless ``x`` is a batch of sequences ``(n_samples, n_steps, n)``.

    ``n`` must equal ``n_features`` (any when ``None``) and every sequence needs at least one
    step. Shape checks only (the layers check the values separately), and the batch may be
    empty: ``output_shape`` checks the shape of one sample with a batch of none. Returns
    ``x`` as a float array (the array itself when it is one).

    Examples:
        >>> check_sequences(np.zeros((2, 5, 3)), "x", 3).shape
        (2, 5, 3)
        >>> check_sequences(np.zeros((5, 3)), "x", 3)
        Traceback (most recent call last):
        ...
        ValueError: x must be a 3-D array (n_samples, n_steps, n_in), got an array of shape \
(5, 3); one sequence of shape (n_steps, n_in) needs a batch axis: x[None]
    """
    x = as_float_array(x, name)
    if n_features is not None:
        n_features = check_positive_int(n_features, "n_features")
    if x.ndim != 3:
        hint = (
            f"; one sequence of shape (n_steps, {what}) needs a batch axis: {name}[None]"
            if x.ndim == 2
            else ""
        )
        raise ValueError(
            f"{name} must be a 3-D array (n_samples, n_steps, {what}), got an array of shape "
            f"{x.shape}{hint}"
        )
    if n_features is not None and x.shape[2] != n_features:
        raise ValueError(
            f"{name} must have {n_features} feature(s) per time step ({what}), got an array "
            f"of shape {x.shape}"
        )
    if x.shape[1] == 0:
        raise ValueError(
            f"{name} must have at least one time step, got an array of shape {x.shape}"
        )
    return x


def clip_grad_norm(grads: Mapping[str, Array] | Iterable[Array], max_norm: float) -> float:
    """Scale gradients in place so that their joint Euclidean norm is at most ``max_norm``.

    $$\\lVert g \\rVert = \\sqrt{\\textstyle\\sum_k \\lVert g_k \\rVert_2^2}, \\qquad
    g_k \\leftarrow g_k \\cdot \\min\\Bigl(1, \\frac{c}{\\lVert g \\rVert + 10^{-6}}\\Bigr)$$

    The norm is taken over all arrays together (as if they were one long vector), so the
    direction of the whole gradient is kept and only its length is capped. The formula,
    the $10^{-6}$ included, is that of ``torch.nn.utils.clip_grad_norm_`` with the default
    2-norm.

    Args:
        grads: The gradient arrays (a dict such as ``layer.grads``, or a sequence), changed in
            place.
        max_norm: The cap $c > 0$.

    Returns:
        The norm before clipping, as PyTorch returns it.

    Examples:
        >>> g = [np.array([6.0, 0.0]), np.array([[8.0]])]
        >>> clip_grad_norm(g, 5.0), g[0].round(6), g[1].round(6)
        (10.0, array([3., 0.]), array([[4.]]))
    """
    cap = check_positive(max_norm, "max_norm")
    if isinstance(grads, str | bytes | np.ndarray) or not isinstance(grads, Mapping | Iterable):
        raise error("grads", "a dict or a sequence of gradient arrays", grads, TypeError)
    arrays = list(grads.values()) if isinstance(grads, Mapping) else list(grads)
    for i, g in enumerate(arrays):
        if not isinstance(g, np.ndarray) or g.dtype.kind != "f":
            raise error(f"grads[{i}]", "a float NumPy array (scaled in place)", g, TypeError)
        check_finite(g, f"grads[{i}]")
    # The norm of the arrays divided by their largest entry, times that entry: no square
    # overflows, even for gradients near the largest float.
    top = max((float(np.max(np.abs(g))) for g in arrays if g.size), default=0.0)
    scale = top if top > 0 else 1.0
    scaled_norm = math.sqrt(sum(float(np.sum((g / scale) ** 2)) for g in arrays))
    total = scale * scaled_norm  # inf only where the true norm passes the largest float
    coef = (cap / scale) / (scaled_norm + 1e-6 / scale)  # = cap / (total + 1e-6)
    if coef < 1.0:
        for g in arrays:
            g *= g.dtype.type(coef)
    return total


def uniform_weights(
    rng: np.random.Generator, shape: tuple[int, ...], bound: float, dtype: np.dtype[Any]
) -> Array:
    """Weights drawn from $U(-a, a)$ in float64, then cast (as ``nnref.init`` does)."""
    return rng.uniform(-bound, bound, size=shape).astype(dtype)


def folded_bias(rng: np.random.Generator, size: int, bound: float, dtype: np.dtype[Any]) -> Array:
    """A bias that stands for PyTorch's two, ``b_ih + b_hh``: the sum of two $U(-a, a)$ draws,
    so that it starts with the distribution PyTorch's effective bias has (triangular on
    $(-2a, 2a)$)."""
    return (rng.uniform(-bound, bound, size) + rng.uniform(-bound, bound, size)).astype(dtype)


def sigmoid_inplace(v: Array) -> Array:
    """$\\sigma(v) = \\tfrac12 + \\tfrac12 \\tanh(v/2)$, written over ``v`` (a gate's
    activation).

    The tanh form never overflows, needs one transcendental call and works in place on the
    strided column blocks of a fused gate array. Its error is absolute, about the float
    epsilon (a gate below $10^{-17}$ comes out as 0): what a multiplicative gate needs,
    though not the relative accuracy of ``nnref.activations.sigmoid`` for tiny values.

    Examples:
        >>> sigmoid_inplace(np.array([-800.0, 0.0, 2.0])).round(6)
        array([0.      , 0.5     , 0.880797])
    """
    v *= 0.5
    np.tanh(v, out=v)
    v *= 0.5
    v += 0.5
    return v


class RecurrentBase(Layer):
    """The parts every recurrent layer $h_t = F(x_t, h_{t-1})$ shares (see the module).

    Subclasses set ``_state_sizes`` (the initial-state arguments and their widths, e.g.
    ``{"h0": n_hidden}``), implement ``_forward(x, states)`` on a checked batch (``states``
    holds the given initial states, missing ones are zeros) and ``backward_unchecked``, and
    call ``_clip()`` at its end.

    Attributes:
        n_in: Features per time step.
        n_hidden: Hidden units.
        truncate: ``None`` (full BPTT) or the length $k$ of the pieces of truncated BPTT.
        clip_norm: ``None`` or the cap on the joint norm of the parameter gradients.
        hidden_grads: After ``backward``: $\\partial L / \\partial h_t$ for every step,
            shape ``(n_samples, n_steps, n_hidden)``, each the total over every path
            through later steps (up to the truncation) and the step's own output.
        initial_grads: After ``backward``: the gradient with respect to each initial state,
            by argument name (``{"h0": ...}``), each ``(n_samples, width)``.

    Examples:
        >>> from nnref.recurrent import GRU
        >>> gru = GRU(2, 3, rng=0, truncate=4)
        >>> out = gru.forward(np.ones((5, 10, 2)), h0=np.zeros((5, 3)))
        >>> gru.backward(np.ones_like(out)).shape, gru.hidden_grads.shape
        ((5, 10, 2), (5, 10, 3))
        >>> gru.initial_grads["h0"].shape, gru.output_shape((10, 2))
        ((5, 3), (10, 3))
    """

    _state_sizes: dict[str, int]

    def __init__(
        self,
        n_in: int,
        n_hidden: int,
        truncate: int | None = None,
        clip_norm: float | None = None,
        dtype: DTypeLike = np.float64,
    ) -> None:
        super().__init__()
        self.n_in = check_positive_int(n_in, "n_in")
        self.n_hidden = check_positive_int(n_hidden, "n_hidden")
        self.truncate = truncate
        self.clip_norm = clip_norm
        self._dtype = check_float_dtype(dtype)
        self._x: Array | None = None
        self.hidden_grads: Array | None = None
        self.initial_grads: dict[str, Array] = {}

    # --- options -------------------------------------------------------------------------

    @property
    def truncate(self) -> int | None:
        """``None`` for full BPTT, or $k$: the backward pass stops every $k$ steps."""
        return self._truncate

    @truncate.setter
    def truncate(self, value: int | None) -> None:
        self._truncate = None if value is None else check_positive_int(value, "truncate")

    @property
    def clip_norm(self) -> float | None:
        """``None``, or the cap on the joint norm of this layer's parameter gradients."""
        return self._clip_norm

    @clip_norm.setter
    def clip_norm(self, value: float | None) -> None:
        self._clip_norm = None if value is None else check_positive(value, "clip_norm")

    def _cut(self, t: int) -> bool:
        """True when the backward pass must not pass the gradient from step t to step t-1."""
        k = self._truncate
        return k is not None and t % k == 0

    def _clip(self) -> None:
        if self._clip_norm is not None:
            clip_grad_norm(self.grads, self._clip_norm)

    def _store(self, key: str, value: Array) -> None:
        """Write a computed gradient into ``grads[key]`` (in the parameter's dtype)."""
        np.copyto(self._grad_buffer(key), value, casting="same_kind")

    def _options_repr(self) -> str:
        text = "" if self._truncate is None else f", truncate={self._truncate}"
        return text + ("" if self._clip_norm is None else f", clip_norm={self._clip_norm!r}")

    # --- shapes --------------------------------------------------------------------------

    @property
    def n_outputs(self) -> int:
        """Features per time step of the output (``n_hidden``; a Jordan network's ``n_out``)."""
        return self.n_hidden

    def check_input(self, x: Array, name: str = "x") -> Array:
        return check_sequences(x, name, self.n_in, f"n_in of this {type(self).__name__}")

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """``(n_steps, n_outputs)`` for input samples of shape ``(n_steps, n_in)``."""
        shape = check_sample_shape(input_shape)
        self.check_input(np.empty((0, *shape)), "input_shape")
        return (shape[0], self.n_outputs)

    # --- forward -------------------------------------------------------------------------

    def forward_unchecked(self, x: Array) -> Array:
        return self._forward(x, {})

    def _checked(self, x: ArrayLike, states: Mapping[str, ArrayLike | None]) -> Array:
        """The checked forward pass with optional initial states (``None``: zeros)."""
        arr = self.check_input(as_float_array(x, "x"))
        if arr.shape[0] == 0:
            raise error("x", "a non-empty batch of sequences", arr)
        check_finite(arr, "x")
        given: dict[str, Array] = {}
        for name, value in states.items():
            if value is None:
                continue
            s = check_finite(as_float_array(value, name), name)
            check_shape(s, name, (arr.shape[0], self._state_sizes[name]), "one row per sequence")
            check_representable(s, arr.dtype, name)
            given[name] = s.astype(arr.dtype)  # a copy: the caller's array is never touched
        with np.errstate(over="ignore", invalid="ignore"):
            out = self._forward(arr, given)
        names = " and ".join(["x", *given])
        return check_result(out, names, "the hidden states")

    def _checked_step(self, x_t: ArrayLike) -> Array:
        """The inputs of one step, ``(n_samples, n_in)``, checked (for ``step``)."""
        arr = check_finite(as_float_array(x_t, "x_t"), "x_t")
        check_shape(arr, "x_t", (None, self.n_in), f"n_samples, n_in of this {type(self).__name__}")
        if arr.shape[0] == 0:
            raise error("x_t", "a non-empty batch (n_samples, n_in)", arr)
        return arr

    def _step_state(self, value: ArrayLike | None, name: str, n: int, dtype: Any) -> Array:
        """A state argument of ``step`` (zeros when None), checked and in ``dtype``."""
        if value is None:
            return np.zeros((n, self._state_sizes[name + "0"]), dtype)
        s = check_finite(as_float_array(value, name), name)
        check_shape(s, name, (n, self._state_sizes[name + "0"]), "one row per sample of x_t")
        check_representable(s, dtype, name)
        return s.astype(dtype, copy=False)

    def _initial(self, states: Mapping[str, Array], name: str, n: int, dtype: Any) -> Array:
        s = states.get(name)
        return np.zeros((n, self._state_sizes[name]), dtype) if s is None else s

    def _forward(self, x: Array, states: Mapping[str, Array]) -> Array:
        raise NotImplementedError
