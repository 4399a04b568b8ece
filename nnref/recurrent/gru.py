"""Gated recurrent unit (GRU): the LSTM's two-gate sibling, without a separate cell state.

The GRU keeps one state $h_t$ and blends it with a candidate $n_t$ through an **update
gate** $z_t$: $h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}$, so $z_t \\approx 1$ carries
the state (and its gradient) unchanged, like an LSTM's forget gate near 1 with its input
gate near 0. A **reset gate** $r_t$ decides how much of the old state the candidate may
see. Compared with the LSTM it has three weight blocks instead of four, no output gate
(the whole state is the output) and one state instead of two.

Examples:
    >>> import numpy as np
    >>> gru = GRU(2, 3, rng=0)
    >>> gru.forward(np.ones((4, 5, 2))).shape, gru.n_params  # 3 * (2*3 + 3*3 + 3) + 3
    ((4, 5, 3), 57)
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
    sigmoid_inplace,
    uniform_weights,
)

__all__ = ["GRU", "GRUTrace"]

_GATES = ("r", "z", "n")


@dataclass(frozen=True)
class GRUTrace:
    """The gates and states of a [`GRU`][nnref.recurrent.GRU] pass.

    Every field is ``(n_samples, n_steps, n_hidden)`` for a sequence (``trace``) and
    ``(n_samples, n_hidden)`` for one step (``step``).

    Attributes:
        r: Reset gate $r_t \\in (0, 1)$: how much of $h_{t-1}$ the candidate sees.
        z: Update gate $z_t \\in (0, 1)$: how much of $h_{t-1}$ is kept.
        n: Candidate state $n_t \\in (-1, 1)$.
        h: Hidden state (the output) $h_t$.

    Examples:
        >>> tr = GRU(1, 2, rng=0).trace(np.ones((1, 3, 1)))
        >>> h_prev = np.concatenate([np.zeros((1, 1, 2)), tr.h[:, :-1]], axis=1)
        >>> bool(np.allclose(tr.h, (1 - tr.z) * tr.n + tr.z * h_prev))
        True
    """

    r: Array
    z: Array
    n: Array
    h: Array


class GRU(RecurrentBase):
    """Gated recurrent unit with PyTorch's equations and gate order (r, z, n).

    $$\\begin{aligned}
    r_t &= \\sigma(x_t W_{xr} + h_{t-1} W_{hr} + b_r) \\\\
    z_t &= \\sigma(x_t W_{xz} + h_{t-1} W_{hz} + b_z) \\\\
    n_t &= \\tanh\\bigl(x_t W_{xn} + b_n + r_t \\odot (h_{t-1} W_{hn} + b_{hn})\\bigr) \\\\
    h_t &= (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}
    \\end{aligned}$$

    with $h_{-1} = h_0$ (zeros by default). This is ``torch.nn.GRU(n_in, n_hidden,
    batch_first=True)``: ``weight_ih_l0`` stacks $W_{xr}^\\top, W_{xz}^\\top, W_{xn}^\\top$,
    ``weight_hh_l0`` stacks $W_{hr}^\\top, W_{hz}^\\top, W_{hn}^\\top$; $b_r$ and $b_z$ are
    ``bias_ih + bias_hh`` of their gate, while the candidate keeps PyTorch's two biases
    apart, $b_n$ (``bias_ih``) outside and $b_{hn}$ (``bias_hh``) inside the reset gate's
    product. (The GRU paper of Cho et al., 2014, applies $r_t$ before the product with
    $W_{hn}$; PyTorch, cuDNN and this class apply it after.)

    Backpropagation through time with ``truncate`` and ``clip_norm`` as in
    [`nnref.recurrent.base`][nnref.recurrent.base]; [`step`][nnref.recurrent.GRU.step] is
    the same cell written as the equations read.

    Args:
        n_in: Features per time step.
        n_hidden: Hidden units.
        rng: Random generator or int seed; weights and $b_n$, $b_{hn}$ from $U(-a, a)$
            with $a = 1/\\sqrt{n_\\text{hidden}}$ as in PyTorch, $b_r$ and $b_z$ the sum of two
            such draws.
        truncate: ``None`` or $k$ for truncated BPTT.
        clip_norm: ``None`` or a cap on the joint norm of the parameter gradients.
        dtype: Parameter dtype, ``np.float64`` or ``np.float32``.

    Attributes:
        params: ``W_xr, W_xz, W_xn`` ``(n_in, n_hidden)``, ``W_hr, W_hz, W_hn``
            ``(n_hidden, n_hidden)``, ``b_r, b_z, b_n, b_hn`` ``(n_hidden,)``.

    Examples:
        >>> gru = GRU(1, 2, rng=0)
        >>> tr = gru.trace(np.zeros((1, 3, 1)))
        >>> tr.z.shape, bool(np.all((tr.z > 0) & (tr.z < 1)))
        ((1, 3, 2), True)
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
        params |= {
            "b_r": folded_bias(generator, H, a, dt),
            "b_z": folded_bias(generator, H, a, dt),
            "b_n": uniform_weights(generator, (H,), a, dt),
            "b_hn": uniform_weights(generator, (H,), a, dt),
        }
        self.params = params
        self.grads = {key: np.zeros_like(value) for key, value in params.items()}
        self._state_sizes = {"h0": H}

    def forward(self, x: ArrayLike, h0: ArrayLike | None = None) -> Array:
        """Every hidden state $h_t$ for a batch of sequences.

        Args:
            x: Sequences, shape ``(n_samples, n_steps, n_in)``; finite.
            h0: The state before the first step, ``(n_samples, n_hidden)``; zeros if None.

        Returns:
            ``(n_samples, n_steps, n_hidden)`` in ``x``'s dtype.
        """
        return self._checked(x, {"h0": h0})

    __call__ = forward

    def trace(self, x: ArrayLike, h0: ArrayLike | None = None) -> GRUTrace:
        """Run ``forward`` and return every gate and state as a
        [`GRUTrace`][nnref.recurrent.GRUTrace] with fields ``(n_samples, n_steps, n_hidden)``.

        Examples:
            >>> GRU(1, 2, rng=0).trace(np.ones((3, 4, 1))).n.shape
            (3, 4, 2)
        """
        h = self.forward(x, h0)
        T, n = self._acts.shape[:2]
        parts = self._acts.reshape(T, n, 3, self.n_hidden).transpose(2, 1, 0, 3)
        r, z, cand = (np.ascontiguousarray(p) for p in parts)
        return GRUTrace(r=r, z=z, n=cand, h=h)

    def step(self, x_t: ArrayLike, h: ArrayLike | None = None) -> GRUTrace:
        """One step of the cell, computed gate by gate as the equations read (no cache).

        Args:
            x_t: The inputs of one step, ``(n_samples, n_in)``.
            h: $h_{t-1}$, ``(n_samples, n_hidden)``; zeros if None.

        Returns:
            A [`GRUTrace`][nnref.recurrent.GRUTrace] of the step, fields
            ``(n_samples, n_hidden)``; ``.h`` is the new state.

        Examples:
            >>> gru = GRU(1, 1, rng=0)
            >>> gru.set_params(**{k: np.zeros_like(v) for k, v in gru.params.items()})
            GRU(1, 1)
            >>> gru.set_params(W_xn=[[1.0]])  # r = z = sigma(0) = 0.5
            GRU(1, 1)
            >>> s = gru.step([[2.0]], h=[[1.0]])  # h = 0.5 * tanh(2) + 0.5 * 1
            >>> float(s.h[0, 0])
            0.9820137900379085
        """
        x = self._checked_step(x_t)
        n, dt = x.shape[0], x.dtype
        h_prev = self._step_state(h, "h", n, dt)
        p = {key: self._param(key, dt) for key in self.params}
        with np.errstate(over="ignore", invalid="ignore"):  # checked below
            r = _sigmoid(x @ p["W_xr"] + h_prev @ p["W_hr"] + p["b_r"])
            z = _sigmoid(x @ p["W_xz"] + h_prev @ p["W_hz"] + p["b_z"])
            cand = np.tanh(x @ p["W_xn"] + p["b_n"] + r * (h_prev @ p["W_hn"] + p["b_hn"]))
            h_new = (1.0 - z) * cand + z * h_prev
        for value in (r, z, cand, h_new):
            check_result(value, "x_t and h", "the cell's state")
        return GRUTrace(r=r, z=z, n=cand, h=h_new)

    # --- the fused passes ------------------------------------------------------------------

    def _stack(self, prefix: str, order: tuple[str, ...], dtype: Any) -> Array:
        return np.concatenate([self._param(f"{prefix}{k}", dtype) for k in order], axis=-1)

    def _forward(self, x: Array, states: dict[str, Array]) -> Array:
        n, T, _ = x.shape
        H, dt = self.n_hidden, x.dtype
        Wx = self._stack("W_x", _GATES, dt)
        Wh = self._stack("W_h", _GATES, dt)
        b_hn = self._param("b_hn", dt)
        xt = np.ascontiguousarray(x.transpose(1, 0, 2))
        # Input part of r, z, n for every step in one product; becomes r, z and n.
        acts = (xt.reshape(T * n, self.n_in) @ Wx).reshape(T, n, 3 * H)
        acts += self._stack("b_", _GATES, dt)
        hn_all = np.empty((T, n, H), dt)  # h_{t-1} W_hn + b_hn, needed by the backward pass
        hs = np.empty((T, n, H), dt)
        h0 = self._initial(states, "h0", n, dt)
        h = h0
        for t in range(T):
            a = acts[t]
            hh = h @ Wh
            rz = a[:, : 2 * H]
            rz += hh[:, : 2 * H]
            sigmoid_inplace(rz)
            hn = hn_all[t]
            np.add(hh[:, 2 * H :], b_hn, out=hn)
            cand = a[:, 2 * H :]
            cand += a[:, :H] * hn
            np.tanh(cand, out=cand)
            h_new = hs[t]
            np.subtract(h, cand, out=h_new)
            h_new *= a[:, H : 2 * H]
            h_new += cand
            h = h_new
        self._x, self._xt, self._h0 = x, xt, h0
        self._acts, self._hn, self._hs = acts, hn_all, hs
        out = np.ascontiguousarray(hs.transpose(1, 0, 2))
        self._out_shape = out.shape
        return out

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        acts, hn, hs, xt = self._acts, self._hn, self._hs, self._xt
        T, n, H = hs.shape
        dt = grad_out.dtype
        q = acts.reshape(T, n, 3, H)
        r, z, cand = q[:, :, 0], q[:, :, 1], q[:, :, 2]
        h_prev = np.concatenate([self._h0[None], hs[:-1]])
        # dL/d(pre-activation) = dL/dh_t * P for all four blocks, in the order
        # [n, r, z, hn]: the input side uses blocks 0-2, the recurrent side blocks 1-3.
        P = np.empty((T, n, 4, H), dt)
        np.multiply(1.0 - z, 1.0 - cand * cand, out=P[:, :, 0])
        np.multiply(P[:, :, 0] * hn, r * (1.0 - r), out=P[:, :, 1])
        np.multiply(h_prev - cand, z * (1.0 - z), out=P[:, :, 2])
        np.multiply(P[:, :, 0], r, out=P[:, :, 3])
        Wh_T = np.ascontiguousarray(self._stack("W_h", _GATES, dt).T)  # rows: r, z, hn
        G = grad_out.transpose(1, 0, 2).astype(dt, order="C")  # dL/dh_t
        D = np.empty((T, n, 4, H), dt)
        carry: Array | None = None
        for t in range(T - 1, -1, -1):
            dh = G[t]
            if carry is not None:
                dh += carry
            d = D[t]
            np.multiply(dh[:, None, :], P[t], out=d)
            if t > 0 and self._cut(t):
                carry = None
            else:
                carry = d[:, 1:].reshape(n, 3 * H) @ Wh_T
                carry += dh * z[t]
        assert carry is not None
        x_side = D[:, :, :3].reshape(T * n, 3 * H)  # n, r, z
        h_side = D[:, :, 1:].reshape(T * n, 3 * H)  # r, z, hn
        gWx = xt.reshape(T * n, self.n_in).T @ x_side
        gWh = h_prev.reshape(T * n, H).T @ h_side
        gb = D.sum(axis=(0, 1))
        for j, k in enumerate(("n", "r", "z")):
            self._store(f"W_x{k}", gWx[:, j * H : (j + 1) * H])
        for j, k in enumerate(_GATES):
            self._store(f"W_h{k}", gWh[:, j * H : (j + 1) * H])
        for j, key in enumerate(("b_n", "b_r", "b_z", "b_hn")):
            self._store(key, gb[j])
        self.hidden_grads = G.transpose(1, 0, 2)
        self.initial_grads = {"h0": carry}
        self._clip()
        if not need_input_grad:
            return None
        dx = (x_side @ self._stack("W_x", ("n", "r", "z"), dt).T).reshape(T, n, self.n_in)
        return np.ascontiguousarray(dx.transpose(1, 0, 2))

    def __repr__(self) -> str:
        return f"GRU({self.n_in}, {self.n_hidden}{self._options_repr()})"
