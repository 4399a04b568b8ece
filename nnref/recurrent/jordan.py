"""The Jordan network: indirect feedback, the previous output fed back into the hidden layer.

In an Elman network ([`RecurrentLayer`][nnref.recurrent.RecurrentLayer]) the hidden layer
feeds itself; in a Jordan network (Michael I. Jordan, 1986) the **output** layer feeds back
into the hidden layer, one step late: a connection from a later layer to an earlier one,
which the glossary calls *indirect* feedback. The network's memory is then only what its
outputs carry.

Examples:
    >>> import numpy as np
    >>> net = JordanNetwork(1, 4, 1, rng=0)
    >>> net.forward(np.zeros((2, 6, 1))).shape
    (2, 6, 1)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from nnref import activations as act
from nnref._typing import Array
from nnref._validation import check_positive_int, check_rng, error
from nnref.recurrent.base import RecurrentBase, uniform_weights

__all__ = ["JordanNetwork", "JordanTrace"]


@dataclass(frozen=True)
class JordanTrace:
    """The hidden states and outputs of a [`JordanNetwork`][nnref.recurrent.JordanNetwork] pass.

    Attributes:
        h: Hidden states $h_t$, ``(n_samples, n_steps, n_hidden)``.
        y: Outputs $y_t$ (what is fed back), ``(n_samples, n_steps, n_out)``.

    Examples:
        >>> net = JordanNetwork(1, 3, 2, output_activation="softmax", rng=0)
        >>> tr = net.trace(np.ones((1, 4, 1)))
        >>> tr.h.shape, bool(np.allclose(tr.y.sum(axis=2), 1.0))
        ((1, 4, 3), True)
    """

    h: Array
    y: Array


class JordanNetwork(RecurrentBase):
    """A hidden and an output layer, with the previous output fed back to the hidden layer.

    $$h_t = \\tanh\\bigl(x_t W_{xh} + y_{t-1} W_{yh} + b_h\\bigr), \\qquad
    y_t = f\\bigl(h_t W_{hy} + b_y\\bigr), \\qquad y_{-1} = y_0 \\text{ (zeros by default)}$$

    with $f$ the output activation (the identity by default). The layer returns every
    output $y_t$. Its backward pass is backpropagation through time along the feedback
    path $y_{t-1} \\to h_t$, with ``truncate`` and ``clip_norm`` as in
    [`nnref.recurrent.base`][nnref.recurrent.base].

    PyTorch has no Jordan network; its gradients are checked by finite differences.

    Args:
        n_in: Features per time step.
        n_hidden: Hidden units.
        n_out: Output units (also the width of the feedback).
        output_activation: $f$, an activation or its key (``"identity"``, ``"tanh"``,
            ``"sigmoid"``, ``"softmax"``, ...) that keeps the number of outputs.
        rng: Random generator or int seed; every weight and bias from $U(-a, a)$ with
            $a = 1/\\sqrt{n_\\text{hidden}}$ (the scale of PyTorch's recurrent layers, and of
            ``nn.Linear`` for the output layer).
        truncate: ``None`` or $k$ for truncated BPTT.
        clip_norm: ``None`` or a cap on the joint norm of the parameter gradients.
        dtype: Parameter dtype, ``np.float64`` or ``np.float32``.

    Attributes:
        params: ``W_xh`` ``(n_in, n_hidden)``, ``W_yh`` ``(n_out, n_hidden)``, ``b_h``
            ``(n_hidden,)``, ``W_hy`` ``(n_hidden, n_out)``, ``b_y`` ``(n_out,)``.

    Examples:
        Small weights into the hidden unit keep tanh in its near-linear range, and a large
        output weight undoes the scaling: the network adds up its inputs,
        $y_t \\approx x_t + y_{t-1}$.

        >>> net = JordanNetwork(1, 1, 1, rng=0)
        >>> net.set_params(W_xh=[[0.01]], W_yh=[[0.01]], b_h=[0.0], W_hy=[[100.0]], b_y=[0.0])
        JordanNetwork(1, 1, 1)
        >>> net.forward([[[1.0], [1.0], [1.0]]])[0, :, 0].round(2)  # about 1, 2, 3
        array([1., 2., 3.])
    """

    def __init__(
        self,
        n_in: int,
        n_hidden: int,
        n_out: int,
        output_activation: act.Activation | str = "identity",
        rng: np.random.Generator | int | None = None,
        truncate: int | None = None,
        clip_norm: float | None = None,
        dtype: DTypeLike = np.float64,
    ) -> None:
        super().__init__(n_in, n_hidden, truncate, clip_norm, dtype)
        self.n_out = check_positive_int(n_out, "n_out")
        f = act.resolve(output_activation, "output_activation")
        probe = np.asarray(f.fn(np.zeros((1, self.n_out)), **f.params()))
        if probe.shape != (1, self.n_out):
            raise error(
                "output_activation",
                "an activation that keeps the number of outputs (not GLU or maxout)",
                f,
            )
        self.output_activation = f
        generator = check_rng(rng)
        a = 1.0 / np.sqrt(self.n_hidden)
        n, H, n_out, dt = self.n_in, self.n_hidden, self.n_out, self._dtype
        self.params = {
            "W_xh": uniform_weights(generator, (n, H), a, dt),
            "W_yh": uniform_weights(generator, (n_out, H), a, dt),
            "b_h": uniform_weights(generator, (H,), a, dt),
            "W_hy": uniform_weights(generator, (H, n_out), a, dt),
            "b_y": uniform_weights(generator, (n_out,), a, dt),
        }
        self.grads = {key: np.zeros_like(value) for key, value in self.params.items()}
        self._state_sizes = {"y0": n_out}

    @property
    def n_outputs(self) -> int:
        """Features per time step of the output: ``n_out``."""
        return self.n_out

    def forward(self, x: ArrayLike, y0: ArrayLike | None = None) -> Array:
        """Every output $y_t$ for a batch of sequences.

        Args:
            x: Sequences, shape ``(n_samples, n_steps, n_in)``; finite.
            y0: The output fed back into the first step, ``(n_samples, n_out)``; zeros if
                None.

        Returns:
            ``(n_samples, n_steps, n_out)`` in ``x``'s dtype.
        """
        return self._checked(x, {"y0": y0})

    __call__ = forward

    def trace(self, x: ArrayLike, y0: ArrayLike | None = None) -> JordanTrace:
        """Run ``forward`` and return hidden states and outputs as a
        [`JordanTrace`][nnref.recurrent.JordanTrace].

        Examples:
            >>> JordanNetwork(2, 3, 1, rng=0).trace(np.ones((4, 5, 2))).h.shape
            (4, 5, 3)
        """
        y = self.forward(x, y0)
        return JordanTrace(h=np.ascontiguousarray(self._hs.transpose(1, 0, 2)), y=y)

    def _f(self, z: Array) -> Array:
        f = self.output_activation
        return np.asarray(f.fn(z, **f.params()), dtype=z.dtype)

    def _forward(self, x: Array, states: dict[str, Array]) -> Array:
        n, T, _ = x.shape
        H, n_out, dt = self.n_hidden, self.n_out, x.dtype
        W_yh, W_hy, b_y = (self._param(k, dt) for k in ("W_yh", "W_hy", "b_y"))
        xt = np.ascontiguousarray(x.transpose(1, 0, 2))
        hs = (xt.reshape(T * n, self.n_in) @ self._param("W_xh", dt)).reshape(T, n, H)
        hs += self._param("b_h", dt)  # becomes h_t, step by step
        zs = np.empty((T, n, n_out), dt)
        ys = np.empty((T, n, n_out), dt)
        y0 = self._initial(states, "y0", n, dt)
        y = y0
        for t in range(T):
            h = hs[t]
            h += y @ W_yh
            np.tanh(h, out=h)
            z = zs[t]
            np.matmul(h, W_hy, out=z)
            z += b_y
            y = ys[t]
            y[...] = self._f(z)
        self._x, self._xt, self._y0, self._hs, self._zs, self._ys = x, xt, y0, hs, zs, ys
        out = np.ascontiguousarray(ys.transpose(1, 0, 2))
        self._out_shape = out.shape
        return out

    def _output_backward(self, z: Array, dy: Array) -> Array:
        """$\\partial L / \\partial z$ from $\\partial L / \\partial y$ through $f$."""
        f = self.output_activation
        if f is act.identity:
            return dy
        if f.vjp_fn is not None:
            return np.asarray(f.vjp_fn(z, dy, **f.params()), dtype=dy.dtype)
        return dy * np.asarray(f.grad(z, **f.params()), dtype=dy.dtype)

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        hs, zs, ys, xt = self._hs, self._zs, self._ys, self._xt
        T, n, H = hs.shape
        dt = grad_out.dtype
        W_hy_T = np.ascontiguousarray(self._param("W_hy", dt).T)
        W_yh_T = np.ascontiguousarray(self._param("W_yh", dt).T)
        G = grad_out.transpose(1, 0, 2).astype(dt, order="C")  # dL/dy_t
        dZ = np.empty_like(G)
        dH = np.empty((T, n, H), dt)  # dL/dh_t
        delta = 1.0 - hs * hs  # becomes dL/da_t
        carry: Array | None = None
        for t in range(T - 1, -1, -1):
            dy = G[t]
            if carry is not None:
                dy += carry
            dZ[t] = self._output_backward(zs[t], dy)
            np.matmul(dZ[t], W_hy_T, out=dH[t])
            d = delta[t]
            d *= dH[t]
            carry = None if t > 0 and self._cut(t) else d @ W_yh_T
        assert carry is not None
        flat = delta.reshape(T * n, H)
        flat_z = dZ.reshape(T * n, self.n_out)
        y_prev = np.concatenate([self._y0[None], ys[:-1]]).reshape(T * n, self.n_out)
        self._store("W_xh", xt.reshape(T * n, self.n_in).T @ flat)
        self._store("W_yh", y_prev.T @ flat)
        self._store("b_h", flat.sum(axis=0))
        self._store("W_hy", hs.reshape(T * n, H).T @ flat_z)
        self._store("b_y", flat_z.sum(axis=0))
        self.hidden_grads = dH.transpose(1, 0, 2)
        self.initial_grads = {"y0": carry}
        self._clip()
        if not need_input_grad:
            return None
        dx = (flat @ self._param("W_xh", dt).T).reshape(T, n, self.n_in)
        return np.ascontiguousarray(dx.transpose(1, 0, 2))

    def __repr__(self) -> str:
        f = self.output_activation
        extra = "" if f is act.identity else f", output_activation={f.key!r}"
        return (
            f"JordanNetwork({self.n_in}, {self.n_hidden}, {self.n_out}{extra}"
            f"{self._options_repr()})"
        )
