"""Long short-term memory (LSTM): a recurrent layer whose cell state is guarded by gates.

A plain recurrent layer rewrites its whole state at every step, so what it learned many
steps ago fades (or explodes) through repeated multiplication by $W_{hh}$. The LSTM keeps a
separate **cell state** $c_t$ that is changed only by addition, and three sigmoid **gates**
decide, unit by unit and step by step, how much of it to keep (forget gate $f$), how much
new content to write (input gate $i$, content $g$) and how much to show (output gate $o$):
a sigmoid in $(0, 1)$ acting as a filter on a signal. When $f \\approx 1$ and
$i \\approx 0$ the cell carries its value, and its gradient, unchanged across many steps.

Examples:
    >>> import numpy as np
    >>> lstm = LSTM(1, 2, rng=0)
    >>> h = lstm.forward(np.ones((3, 4, 1)))
    >>> h.shape, lstm.trace(np.ones((3, 4, 1))).f.shape  # forget gate of every step
    ((3, 4, 2), (3, 4, 2))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from nnref._typing import Array
from nnref._validation import check_result, check_rng
from nnref.activations import sigmoid as _sigmoid
from nnref.recurrent.base import (
    RecurrentBase,
    folded_bias,
    uniform_weights,
)

__all__ = ["LSTM", "LSTMTrace"]

_GATES = ("i", "f", "g", "o")
_SIGMOIDS_FIRST = ("i", "f", "o", "g")


@dataclass(frozen=True)
class LSTMTrace:
    """The gates and states of an [`LSTM`][nnref.recurrent.LSTM] pass.

    Every field is ``(n_samples, n_steps, n_hidden)`` for a sequence (``trace``) and
    ``(n_samples, n_hidden)`` for one step (``step``).

    Attributes:
        i: Input gate $i_t \\in (0, 1)$: how much of the new content is written.
        f: Forget gate $f_t \\in (0, 1)$: how much of the old cell state is kept.
        g: Candidate content $g_t \\in (-1, 1)$.
        o: Output gate $o_t \\in (0, 1)$: how much of the cell is shown.
        c: Cell state $c_t$.
        h: Hidden state (the output) $h_t$.

    Examples:
        >>> tr = LSTM(1, 2, rng=0).trace(np.ones((1, 3, 1)))
        >>> bool(np.allclose(tr.h, tr.o * np.tanh(tr.c)))  # h_t = o_t * tanh(c_t)
        True
    """

    i: Array
    f: Array
    g: Array
    o: Array
    c: Array
    h: Array


class LSTM(RecurrentBase):
    """Long short-term memory with PyTorch's equations and gate order (i, f, g, o).

    $$\\begin{aligned}
    i_t &= \\sigma(x_t W_{xi} + h_{t-1} W_{hi} + b_i) &
    f_t &= \\sigma(x_t W_{xf} + h_{t-1} W_{hf} + b_f) \\\\
    g_t &= \\tanh(x_t W_{xg} + h_{t-1} W_{hg} + b_g) &
    o_t &= \\sigma(x_t W_{xo} + h_{t-1} W_{ho} + b_o) \\\\
    c_t &= f_t \\odot c_{t-1} + i_t \\odot g_t &
    h_t &= o_t \\odot \\tanh(c_t)
    \\end{aligned}$$

    with $h_{-1} = h_0$ and $c_{-1} = c_0$ (zeros by default). This is
    ``torch.nn.LSTM(n_in, n_hidden, batch_first=True)``: PyTorch's ``weight_ih_l0`` is the
    four matrices $W_{x\\cdot}^\\top$ stacked in the order i, f, g, o, ``weight_hh_l0`` the
    four $W_{h\\cdot}^\\top$, and each bias here is ``bias_ih + bias_hh`` of its gate.

    The forward pass computes the input part of all four gates for all steps in one matrix
    product and the recurrent part with one product per step, and evaluates the three
    sigmoids as $\\sigma(a) = \\tfrac12 + \\tfrac12 \\tanh(a/2)$ so that a single ``tanh``
    call per step covers all four gates; the backward pass (backpropagation through time,
    with ``truncate`` and ``clip_norm`` as in [`nnref.recurrent.base`][nnref.recurrent.base])
    also needs one product per step. [`step`][nnref.recurrent.LSTM.step] is the same cell
    written gate by gate, as the equations read (the tests hold the two to agree).

    Args:
        n_in: Features per time step.
        n_hidden: Hidden units (and cells).
        rng: Random generator or int seed; weights $U(-a, a)$ with
            $a = 1/\\sqrt{n_\\text{hidden}}$ as in PyTorch, each bias the sum of two such draws
            (PyTorch's two biases).
        truncate: ``None`` or $k$ for truncated BPTT.
        clip_norm: ``None`` or a cap on the joint norm of the parameter gradients.
        dtype: Parameter dtype, ``np.float64`` or ``np.float32``.

    Attributes:
        params: ``W_xi, W_xf, W_xg, W_xo`` ``(n_in, n_hidden)``, ``W_hi, W_hf, W_hg, W_ho``
            ``(n_hidden, n_hidden)``, ``b_i, b_f, b_g, b_o`` ``(n_hidden,)``.

    Examples:
        >>> lstm = LSTM(2, 3, rng=0)
        >>> sorted(lstm.params)[:4], lstm.n_params  # 4 * (2*3 + 3*3 + 3)
        (['W_hf', 'W_hg', 'W_hi', 'W_ho'], 72)
        >>> lstm.forward(np.zeros((5, 7, 2))).shape
        (5, 7, 3)
    """

    def __init__(
        self,
        n_in: int,
        n_hidden: int,
        rng: np.random.Generator | int | None = None,
        truncate: int | None = None,
        clip_norm: float | None = None,
        dtype: DTypeLike = np.float64,
    ) -> None:
        super().__init__(n_in, n_hidden, truncate, clip_norm, dtype)
        generator = check_rng(rng)
        a = 1.0 / np.sqrt(self.n_hidden)
        n, H, dt = self.n_in, self.n_hidden, self._dtype
        params = {f"W_x{k}": uniform_weights(generator, (n, H), a, dt) for k in _GATES}
        params |= {f"W_h{k}": uniform_weights(generator, (H, H), a, dt) for k in _GATES}
        params |= {f"b_{k}": folded_bias(generator, H, a, dt) for k in _GATES}
        self.params = params
        self.grads = {key: np.zeros_like(value) for key, value in params.items()}
        self._state_sizes = {"h0": H, "c0": H}

    def forward(
        self, x: ArrayLike, h0: ArrayLike | None = None, c0: ArrayLike | None = None
    ) -> Array:
        """Every hidden state $h_t$ for a batch of sequences.

        Args:
            x: Sequences, shape ``(n_samples, n_steps, n_in)``; finite.
            h0: Hidden state before the first step, ``(n_samples, n_hidden)``; zeros if None.
            c0: Cell state before the first step, ``(n_samples, n_hidden)``; zeros if None.

        Returns:
            ``(n_samples, n_steps, n_hidden)`` in ``x``'s dtype.
        """
        return self._checked(x, {"h0": h0, "c0": c0})

    __call__ = forward

    def trace(
        self, x: ArrayLike, h0: ArrayLike | None = None, c0: ArrayLike | None = None
    ) -> LSTMTrace:
        """Run ``forward`` and return every gate and state, as an
        [`LSTMTrace`][nnref.recurrent.LSTMTrace] with fields ``(n_samples, n_steps,
        n_hidden)``.

        Examples:
            >>> tr = LSTM(1, 1, rng=0).trace([[[1.0], [0.0], [-1.0]]])
            >>> bool(np.all((tr.f > 0) & (tr.f < 1)))
            True
        """
        h = self.forward(x, h0, c0)
        T, n = self._gates.shape[:2]
        gates = self._gates.reshape(T, n, 4, self.n_hidden).transpose(2, 1, 0, 3)
        i, f, o, g = (np.ascontiguousarray(part) for part in gates)
        return LSTMTrace(
            i=i, f=f, g=g, o=o, c=np.ascontiguousarray(self._cs.transpose(1, 0, 2)), h=h
        )

    def step(
        self, x_t: ArrayLike, h: ArrayLike | None = None, c: ArrayLike | None = None
    ) -> LSTMTrace:
        """One step of the cell, computed gate by gate as the equations read (no cache).

        Args:
            x_t: The inputs of one step, ``(n_samples, n_in)``.
            h: $h_{t-1}$, ``(n_samples, n_hidden)``; zeros if None.
            c: $c_{t-1}$, ``(n_samples, n_hidden)``; zeros if None.

        Returns:
            An [`LSTMTrace`][nnref.recurrent.LSTMTrace] of the step, fields
            ``(n_samples, n_hidden)``; ``.h`` and ``.c`` are the new states.

        Examples:
            >>> lstm = LSTM(1, 1, rng=0)
            >>> lstm.set_params(**{k: np.zeros_like(v) for k, v in lstm.params.items()})
            LSTM(1, 1)
            >>> lstm.set_params(W_xg=[[1.0]])  # every gate at sigma(0) = 0.5
            LSTM(1, 1)
            >>> s = lstm.step([[2.0]])  # c = 0.5 * 0 + 0.5 * tanh(2), h = 0.5 * tanh(c)
            >>> float(s.c[0, 0]), float(s.h[0, 0])
            (0.48201379003790845, 0.22392746866404636)
        """
        x = self._checked_step(x_t)
        n, dt = x.shape[0], x.dtype
        h_prev = self._step_state(h, "h", n, dt)
        c_prev = self._step_state(c, "c", n, dt)
        p = {key: self._param(key, dt) for key in self.params}

        def pre(k: str) -> Array:
            z: Array = x @ p[f"W_x{k}"] + h_prev @ p[f"W_h{k}"] + p[f"b_{k}"]
            return z

        with np.errstate(over="ignore", invalid="ignore"):  # checked below
            i = _sigmoid(pre("i"))
            f = _sigmoid(pre("f"))
            g = np.tanh(pre("g"))
            o = _sigmoid(pre("o"))
            c_new = f * c_prev + i * g
            h_new = o * np.tanh(c_new)
        for value in (i, f, g, o, c_new, h_new):
            check_result(value, "x_t, h and c", "the cell's state")
        return LSTMTrace(i=i, f=f, g=g, o=o, c=c_new, h=h_new)

    # --- the fused passes ------------------------------------------------------------------

    def _fused(
        self, dtype: Any, order: tuple[str, ...] = _GATES, halve: str = ""
    ) -> tuple[Array, Array, Array]:
        """The gates side by side in ``order``: ``W_x`` (n_in, 4H), ``W_h`` (H, 4H), ``b``
        (4H,); the columns of the gates named in ``halve`` multiplied by 1/2 (exactly)."""
        H = self.n_hidden
        Wx = np.concatenate([self._param(f"W_x{k}", dtype) for k in order], axis=1)
        Wh = np.concatenate([self._param(f"W_h{k}", dtype) for k in order], axis=1)
        b = np.concatenate([self._param(f"b_{k}", dtype) for k in order])
        for j, k in enumerate(order):
            if k in halve:
                for part in (Wx, Wh, b):
                    part[..., j * H : (j + 1) * H] *= 0.5
        return Wx, Wh, b

    def _forward(self, x: Array, states: dict[str, Array]) -> Array:
        n, T, _ = x.shape
        H, dt = self.n_hidden, x.dtype
        # The gates in the order i, f, o, g with the pre-activations of the three sigmoid
        # gates halved, so one tanh over each step's block gives every gate:
        # sigma(a) = 1/2 + 1/2 tanh(a/2) for i, f, o, and g = tanh(a).
        Wx, Wh, b = self._fused(dt, _SIGMOIDS_FIRST, halve="ifo")
        xt = np.ascontiguousarray(x.transpose(1, 0, 2))
        # Input part of every gate at every step in one product; becomes the gate values.
        gates = (xt.reshape(T * n, self.n_in) @ Wx).reshape(T, n, 4 * H)
        gates += b
        hs = np.empty((T, n, H), dt)
        cs = np.empty((T, n, H), dt)
        h0 = self._initial(states, "h0", n, dt)
        c0 = self._initial(states, "c0", n, dt)
        h, c = h0, c0
        for t in range(T):
            a = gates[t]
            a += h @ Wh
            np.tanh(a, out=a)
            sig = a[:, : 3 * H]  # i, f, o
            sig *= 0.5
            sig += 0.5
            c_new = cs[t]
            np.multiply(a[:, H : 2 * H], c, out=c_new)  # f * c
            c_new += a[:, :H] * a[:, 3 * H :]  # + i * g
            h = hs[t]
            np.tanh(c_new, out=h)
            h *= a[:, 2 * H : 3 * H]  # o * tanh(c)
            c = c_new
        self._x, self._xt, self._h0, self._c0 = x, xt, h0, c0
        self._gates, self._hs, self._cs = gates, hs, cs
        out = np.ascontiguousarray(hs.transpose(1, 0, 2))
        self._out_shape = out.shape
        return out

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        gates, hs, cs, xt = self._gates, self._hs, self._cs, self._xt
        T, n, H = hs.shape
        dt = grad_out.dtype
        Wx, Wh, _ = self._fused(dt)
        Wh_T = np.ascontiguousarray(Wh.T)
        q = gates.reshape(T, n, 4, H)  # i, f, o, g (the forward pass's order)
        i, f, o, g = q[:, :, 0], q[:, :, 1], q[:, :, 2], q[:, :, 3]
        tc = np.tanh(cs)
        c_prev = np.concatenate([self._c0[None], cs[:-1]])
        # Everything that does not depend on the gradient flowing back, for all steps at once:
        # dL/d(pre-activation) = dL/dc * P[0:3] for i, f, g and dL/dh * P[3] for o.
        P = np.empty((T, n, 4, H), dt)
        np.multiply(g, i * (1.0 - i), out=P[:, :, 0])
        np.multiply(c_prev, f * (1.0 - f), out=P[:, :, 1])
        np.multiply(i, 1.0 - g * g, out=P[:, :, 2])
        np.multiply(tc, o * (1.0 - o), out=P[:, :, 3])
        to_cell = o * (1.0 - tc * tc)  # dc_t / dh_t along the path through tanh(c_t)
        G = grad_out.transpose(1, 0, 2).astype(dt, order="C")  # dL/dh_t
        dA = np.empty((T, n, 4, H), dt)  # dL/d(pre-activation) of every gate
        carry: Array | None = None
        dc_next = np.zeros((n, H), dt)
        for t in range(T - 1, -1, -1):
            dh = G[t]
            if carry is not None:
                dh += carry
            dc = dh * to_cell[t]
            dc += dc_next
            da = dA[t]
            np.multiply(dc[:, None, :], P[t, :, :3], out=da[:, :3])
            np.multiply(dh, P[t, :, 3], out=da[:, 3])
            if t > 0 and self._cut(t):
                carry = None
                dc_next[...] = 0.0
            else:
                carry = da.reshape(n, 4 * H) @ Wh_T
                np.multiply(dc, f[t], out=dc_next)
        assert carry is not None
        flat = dA.reshape(T * n, 4 * H)
        h_prev = np.concatenate([self._h0[None], hs[:-1]]).reshape(T * n, H)
        gWx = xt.reshape(T * n, self.n_in).T @ flat
        gWh = h_prev.T @ flat
        gb = flat.sum(axis=0)
        for j, k in enumerate(_GATES):
            cols = slice(j * H, (j + 1) * H)
            self._store(f"W_x{k}", gWx[:, cols])
            self._store(f"W_h{k}", gWh[:, cols])
            self._store(f"b_{k}", gb[cols])
        self.hidden_grads = G.transpose(1, 0, 2)
        self.initial_grads = {"h0": carry, "c0": dc_next.copy()}
        self._clip()
        if not need_input_grad:
            return None
        dx = (flat @ Wx.T).reshape(T, n, self.n_in)
        return np.ascontiguousarray(dx.transpose(1, 0, 2))

    def __repr__(self) -> str:
        return f"LSTM({self.n_in}, {self.n_hidden}{self._options_repr()})"
