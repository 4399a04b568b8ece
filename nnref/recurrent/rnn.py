"""The simple recurrent layer and three of the four feedback kinds: complete, direct, lateral.

Feedback gives a network memory: the hidden state $h_t$ depends on the current input and on
the state one step earlier, and through it on every earlier input. Which earlier states a
hidden unit may see is a question of which entries of the recurrent weight matrix $W_{hh}$
may be non-zero, so each feedback kind is a fixed 0/1 **mask** $M$ on $W_{hh}$:

| kind | which unit feeds which | $M$ |
|---|---|---|
| ``"complete"`` | every hidden unit feeds every hidden unit, itself included | all ones |
| ``"direct"`` | each unit feeds only itself (self-loops) | the identity $I$ |
| ``"lateral"`` | each unit feeds the other units of its layer, not itself | $1 - I$ |

"Complete" here includes the self-loops, as in the Elman network and PyTorch's ``nn.RNN``;
some textbooks call a network completely connected only without them (a Hopfield network's
weights have a zero diagonal): in ``nnref`` that is ``"lateral"``. The fourth kind, indirect
feedback (an output fed back to an earlier layer), is the
[`JordanNetwork`][nnref.recurrent.JordanNetwork].

Examples:
    >>> feedback_mask("lateral", 3)
    array([[0., 1., 1.],
           [1., 0., 1.],
           [1., 1., 0.]])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_choice,
    check_finite,
    check_interval,
    check_positive_int,
    check_rng,
    check_shape,
)
from nnref.recurrent.base import RecurrentBase, folded_bias, uniform_weights

__all__ = ["FEEDBACK_KINDS", "RNNTrace", "RecurrentLayer", "feedback_mask"]

FEEDBACK_KINDS = ("complete", "direct", "lateral")
"""The feedback kinds a [`RecurrentLayer`][nnref.recurrent.RecurrentLayer] knows."""


def feedback_mask(feedback: str, n_hidden: int) -> Array:
    """The 0/1 mask of a feedback kind: $M_{ij} = 1$ where unit $i$ may feed unit $j$.

    $$M^{\\text{complete}} = \\mathbf{1}\\mathbf{1}^\\top, \\quad
    M^{\\text{direct}} = I, \\quad M^{\\text{lateral}} = \\mathbf{1}\\mathbf{1}^\\top - I$$

    Args:
        feedback: ``"complete"``, ``"direct"`` or ``"lateral"``.
        n_hidden: The number of hidden units (the mask is ``(n_hidden, n_hidden)``).

    Examples:
        >>> feedback_mask("direct", 2)
        array([[1., 0.],
               [0., 1.]])
    """
    kind = check_choice(feedback, "feedback", FEEDBACK_KINDS)
    n_hidden = check_positive_int(n_hidden, "n_hidden")
    eye = np.eye(n_hidden)
    if kind == "complete":
        return np.ones((n_hidden, n_hidden))
    return eye if kind == "direct" else 1.0 - eye


@dataclass(frozen=True)
class RNNTrace:
    """Every intermediate value of a [`RecurrentLayer`][nnref.recurrent.RecurrentLayer] pass.

    Attributes:
        pre: The pre-activations $a_t = x_t W_{xh} + h_{t-1} W_{hh} + b_h$,
            ``(n_samples, n_steps, n_hidden)``.
        h: The hidden states $h_t = \\tanh(a_t)$ (with ``leak``, the leaky update), same
            shape.

    Examples:
        >>> tr = RecurrentLayer.from_weights([[1.0]], [[0.0]]).trace([[[0.5], [2.0]]])
        >>> bool(np.allclose(tr.h, np.tanh(tr.pre)))
        True
    """

    pre: Array
    h: Array


class RecurrentLayer(RecurrentBase):
    """A simple (Elman) recurrent layer with a chosen feedback kind; returns every state.

    $$h_t = \\tanh\\bigl(x_t W_{xh} + h_{t-1} (M \\odot W_{hh}) + b_h\\bigr), \\qquad
    h_{-1} = h_0 \\text{ (zeros by default)}$$

    $M$ is the mask of the feedback kind (see [`feedback_mask`][nnref.recurrent.feedback_mask]).
    It is applied when the weights are drawn, in every forward pass and to the gradient of
    $W_{hh}$, so training can never create a connection the kind forbids; ``set_params``
    refuses a $W_{hh}$ with non-zero entries outside the mask.

    The backward pass is backpropagation through time: with
    $\\delta_t = \\partial L / \\partial a_t = (g_t + \\delta_{t+1} (M \\odot W_{hh})^\\top)
    \\odot (1 - h_t^2)$, where $g_t$ is the gradient arriving at $h_t$ from the layer
    above, $\\partial L / \\partial W_{xh} = \\sum_t x_t^\\top \\delta_t$,
    $\\partial L / \\partial W_{hh} = M \\odot \\sum_t h_{t-1}^\\top \\delta_t$,
    $\\partial L / \\partial b_h = \\sum_t \\delta_t$ and
    $\\partial L / \\partial x_t = \\delta_t W_{xh}^\\top$ (``truncate`` and ``clip_norm``:
    see [`nnref.recurrent.base`][nnref.recurrent.base]).

    With ``feedback="complete"`` this is PyTorch's ``nn.RNN(n_in, n_hidden,
    nonlinearity="tanh", batch_first=True)`` with ``W_xh = weight_ih_l0.T``,
    ``W_hh = weight_hh_l0.T`` and ``b_h = bias_ih_l0 + bias_hh_l0`` (one bias does the work
    of PyTorch's two).

    Args:
        n_in: Features per time step.
        n_hidden: Hidden units.
        feedback: ``"complete"`` (default), ``"direct"`` or ``"lateral"``.
        rng: Random generator or int seed for the initial weights, drawn as PyTorch draws
            them: $U(-a, a)$ with $a = 1/\\sqrt{n_\\text{hidden}}$ (masked); the bias is the
            sum of two such draws, as PyTorch's ``b_ih + b_hh``.
        truncate: ``None`` or $k$ for truncated BPTT in pieces of $k$ steps.
        clip_norm: ``None`` or a cap on the joint norm of the parameter gradients.
        leak: $\\alpha \\in (0, 1]$: with $\\alpha < 1$ each unit is a *leaky integrator*,
            $h_t = (1 - \\alpha) h_{t-1} + \\alpha \\tanh(a_t)$, a small step of a
            continuous-time network (as in leaky echo state networks); 1 (default) is the
            plain layer above.
        dtype: Parameter dtype, ``np.float64`` or ``np.float32``.

    Attributes:
        params: ``"W_xh"`` ``(n_in, n_hidden)``, ``"W_hh"`` ``(n_hidden, n_hidden)``,
            ``"b_h"`` ``(n_hidden,)``.
        feedback: The feedback kind.
        mask: The feedback mask $M$, ``(n_hidden, n_hidden)`` of 0 and 1.
        leak: $\\alpha$.

    Examples:
        Direct feedback on one unit: an impulse fades when $|w| < 1$.

        >>> layer = RecurrentLayer.from_weights([[1.0]], [[0.5]], feedback="direct")
        >>> layer.forward([[[1.0], [0.0], [0.0]]])[0, :, 0].round(4)
        array([0.7616, 0.3634, 0.1797])
        >>> RecurrentLayer(2, 3, feedback="lateral", rng=0).params["W_hh"].diagonal()
        array([0., 0., 0.])
    """

    def __init__(
        self,
        n_in: int,
        n_hidden: int,
        feedback: str = "complete",
        rng: np.random.Generator | int | None = None,
        truncate: int | None = None,
        clip_norm: float | None = None,
        leak: float = 1.0,
        dtype: DTypeLike = np.float64,
    ) -> None:
        super().__init__(n_in, n_hidden, truncate, clip_norm, dtype)
        self.feedback = check_choice(feedback, "feedback", FEEDBACK_KINDS)
        self.leak = check_interval(leak, "leak", 0.0, 1.0, low_open=True)
        self.mask = feedback_mask(self.feedback, self.n_hidden)
        generator = check_rng(rng)
        bound = 1.0 / np.sqrt(self.n_hidden)
        dt = self._dtype
        self.params = {
            "W_xh": uniform_weights(generator, (self.n_in, self.n_hidden), bound, dt),
            "W_hh": uniform_weights(generator, (self.n_hidden, self.n_hidden), bound, dt)
            * self.mask.astype(dt),
            "b_h": folded_bias(generator, self.n_hidden, bound, dt),
        }
        self.grads = {key: np.zeros_like(value) for key, value in self.params.items()}
        self._state_sizes = {"h0": self.n_hidden}

    @classmethod
    def from_weights(
        cls,
        W_xh: ArrayLike,
        W_hh: ArrayLike,
        b_h: ArrayLike | None = None,
        feedback: str = "complete",
        truncate: int | None = None,
        clip_norm: float | None = None,
        leak: float = 1.0,
    ) -> RecurrentLayer:
        """A layer with the given weights (zero bias if ``b_h`` is None), in ``W_xh``'s dtype.

        Examples:
            >>> layer = RecurrentLayer.from_weights([[0.5]], [[0.1]])
            >>> layer.forward([[[1.0], [2.0]]])[0, :, 0].round(4)
            array([0.4621, 0.7803])
        """
        w = check_finite(as_float_array(W_xh, "W_xh"), "W_xh")
        if w.ndim != 2 or 0 in w.shape:
            raise ValueError(f"W_xh must be a non-empty 2-D array (n_in, n_hidden), got {w.shape}")
        layer = cls(
            w.shape[0],
            w.shape[1],
            feedback,
            truncate=truncate,
            clip_norm=clip_norm,
            leak=leak,
            dtype=w.dtype,
        )
        values: dict[str, ArrayLike] = {"W_xh": w, "W_hh": W_hh}
        values["b_h"] = np.zeros(w.shape[1]) if b_h is None else b_h
        return layer.set_params(**values)

    def set_params(self, **values: ArrayLike) -> RecurrentLayer:
        """Overwrite parameters in place; a ``W_hh`` must be zero outside the feedback mask.

        Raises:
            ValueError: if ``W_hh`` has non-zero entries that the feedback kind forbids
                (nothing is changed then).

        Examples:
            >>> layer = RecurrentLayer(1, 2, feedback="direct", rng=0)
            >>> layer.set_params(W_hh=[[0.5, 0.1], [0.0, 0.5]])
            Traceback (most recent call last):
            ...
            ValueError: W_hh must be zero outside the 'direct' feedback mask (off the \
diagonal), got 1 non-zero entry there
        """
        if "W_hh" in values:
            w = check_finite(as_float_array(values["W_hh"], "W_hh"), "W_hh")
            check_shape(w, "W_hh", (self.n_hidden, self.n_hidden))
            bad = int(np.count_nonzero(w[self.mask == 0]))
            if bad:
                where = "off the diagonal" if self.feedback == "direct" else "on the diagonal"
                raise ValueError(
                    f"W_hh must be zero outside the {self.feedback!r} feedback mask ({where}), "
                    f"got {bad} non-zero {'entry' if bad == 1 else 'entries'} there"
                )
        super().set_params(**values)
        return self

    def forward(self, x: ArrayLike, h0: ArrayLike | None = None) -> Array:
        """Every hidden state for a batch of sequences.

        Args:
            x: Sequences, shape ``(n_samples, n_steps, n_in)``; finite.
            h0: The state before the first step, ``(n_samples, n_hidden)``; zeros if None.

        Returns:
            $h_0, \\dots, h_{T-1}$ as ``(n_samples, n_steps, n_hidden)``, in ``x``'s dtype.
        """
        return self._checked(x, {"h0": h0})

    __call__ = forward

    def trace(self, x: ArrayLike, h0: ArrayLike | None = None) -> RNNTrace:
        """Run ``forward`` and return its pre-activations and states as an
        [`RNNTrace`][nnref.recurrent.RNNTrace].

        Examples:
            >>> layer = RecurrentLayer.from_weights([[0.5]], [[0.1]])
            >>> tr = layer.trace([[[1.0], [2.0]]])
            >>> tr.pre[0, :, 0].round(4)  # 0.5 * 1 and 0.5 * 2 + 0.1 * tanh(0.5)
            array([0.5   , 1.0462])
        """
        h = self.forward(x, h0)
        return RNNTrace(pre=np.ascontiguousarray(self._pre.transpose(1, 0, 2)), h=h)

    def _W_hh(self, dtype: Any) -> Array:
        W = self._param("W_hh", dtype)
        return W if self.feedback == "complete" else W * self.mask.astype(dtype)

    def _forward(self, x: Array, states: dict[str, Array]) -> Array:
        n, T, _ = x.shape
        dt = x.dtype
        W_hh = self._W_hh(dt)
        xt = np.ascontiguousarray(x.transpose(1, 0, 2))  # time-major: each step contiguous
        pre = (xt.reshape(T * n, self.n_in) @ self._param("W_xh", dt)).reshape(T, n, -1)
        pre += self._param("b_h", dt)
        hs = np.empty_like(pre)
        h0 = self._initial(states, "h0", n, dt)
        h = h0
        leak = self.leak
        acts = hs if leak == 1.0 else np.empty_like(pre)  # tanh(a_t)
        for t in range(T):
            a = pre[t]
            a += h @ W_hh
            u = np.tanh(a, out=acts[t])
            if leak != 1.0:  # h_t = (1 - leak) h_{t-1} + leak u_t
                np.multiply(u, leak, out=hs[t])
                hs[t] += (1.0 - leak) * h
            h = hs[t]
        self._x, self._xt, self._h0, self._hs, self._pre = x, xt, h0, hs, pre
        self._acts = acts
        out = np.ascontiguousarray(hs.transpose(1, 0, 2))
        self._out_shape = out.shape
        return out

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        hs, acts, xt, h0 = self._hs, self._acts, self._xt, self._h0
        T, n, H = hs.shape
        dt = grad_out.dtype
        W_hh_T = self._W_hh(dt).T
        leak = self.leak
        G = grad_out.transpose(1, 0, 2).astype(dt, order="C")  # our own copy: dL/dh_t
        delta = 1.0 - acts * acts  # becomes dL/da_t, step by step
        if leak != 1.0:
            delta *= leak
        carry: Array | None = None
        for t in range(T - 1, -1, -1):
            g = G[t]
            if carry is not None:
                g += carry
            d = delta[t]
            d *= g
            if t > 0 and self._cut(t):
                carry = None
            else:
                carry = d @ W_hh_T
                if leak != 1.0:
                    carry += (1.0 - leak) * g
        assert carry is not None  # step 0 always passes its gradient on to h0
        flat = delta.reshape(T * n, H)
        h_prev = np.concatenate([h0[None], hs[:-1]]).reshape(T * n, H)
        self._store("W_xh", xt.reshape(T * n, self.n_in).T @ flat)
        g_hh = h_prev.T @ flat
        if self.feedback != "complete":
            g_hh *= self.mask
        self._store("W_hh", g_hh)
        self._store("b_h", flat.sum(axis=0))
        self.hidden_grads = G.transpose(1, 0, 2)
        self.initial_grads = {"h0": carry}
        self._clip()
        if not need_input_grad:
            return None
        dx = (flat @ self._param("W_xh", dt).T).reshape(T, n, self.n_in)
        return np.ascontiguousarray(dx.transpose(1, 0, 2))

    def __repr__(self) -> str:
        return (
            f"RecurrentLayer({self.n_in}, {self.n_hidden}, feedback={self.feedback!r}"
            f"{'' if self.leak == 1.0 else f', leak={self.leak!r}'}{self._options_repr()})"
        )
