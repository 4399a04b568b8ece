"""Glue between sequence layers and ordinary ones: take the last step, or apply at every step.

A recurrent layer returns its state at every step, ``(n_samples, n_steps, n_hidden)``. Two
ways on from there:

- **sequence to one** (classify or predict from the whole sequence): [`LastStep`]
  [nnref.recurrent.LastStep] keeps $h_{T-1}$, a ``(n_samples, n_hidden)`` batch for an
  ordinary [`Dense`][nnref.layers.Dense] head;
- **sequence to sequence** (an output at every step): [`TimeDistributed`]
  [nnref.recurrent.TimeDistributed] applies one layer, with one set of weights, to every step.

Examples:
    >>> import numpy as np
    >>> from nnref.layers import Dense
    >>> from nnref.network import Sequential
    >>> from nnref.recurrent import LSTM
    >>> net = Sequential([LSTM(3, 8, rng=0), LastStep(), Dense(8, 2, rng=0)])
    >>> net.forward(np.zeros((5, 10, 3))).shape
    (5, 2)
    >>> net = Sequential([LSTM(3, 8, rng=0), TimeDistributed(Dense(8, 1, rng=0))])
    >>> net.forward(np.zeros((5, 10, 3))).shape
    (5, 10, 1)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nnref._typing import Array
from nnref._validation import check_sample_shape, error
from nnref.layers import Layer
from nnref.recurrent.base import check_sequences

__all__ = ["LastStep", "TimeDistributed"]


class LastStep(Layer):
    """Keep only the last time step of a sequence batch: $y = h_{T-1}$.

    The bridge from a recurrent layer to a classifier or regressor head. Its backward pass
    sends the gradient to the last step only (zeros elsewhere); the recurrent layer below
    carries it back through time.

    Examples:
        >>> x = np.arange(12.0).reshape(2, 3, 2)
        >>> LastStep().forward(x)
        array([[ 4.,  5.],
               [10., 11.]])
        >>> LastStep().output_shape((3, 2))
        (2,)
    """

    def __init__(self) -> None:
        super().__init__()
        self._x: Array | None = None

    def check_input(self, x: Array, name: str = "x") -> Array:
        return check_sequences(x, name, None, "features")

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """``(features,)`` for input samples of shape ``(n_steps, features)``."""
        shape = check_sample_shape(input_shape)
        self.check_input(np.empty((0, *shape)), "input_shape")
        return (shape[1],)

    def forward_unchecked(self, x: Array) -> Array:
        self._x = x
        out = x[:, -1, :].copy()
        self._out_shape = out.shape
        return out

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        if not need_input_grad:
            return None
        assert self._x is not None
        grad_in = np.zeros(self._x.shape, grad_out.dtype)
        grad_in[:, -1, :] = grad_out
        return grad_in


class TimeDistributed(Layer):
    """Apply one layer to every time step: $y_t = \\text{layer}(x_t)$, the same weights at
    every $t$.

    The $N$ sequences of $T$ steps are handed to ``layer`` as one batch of $N T$ samples,
    so its gradients are summed over the steps as well as the samples, as weights shared
    across time should be. ``params`` and ``grads`` are the wrapped layer's own
    dictionaries: an optimiser updates the wrapped layer.

    Args:
        layer: A layer that takes ``(n_samples, features)`` batches, such as
            [`Dense`][nnref.layers.Dense] or an [`ActivationLayer`][nnref.layers.ActivationLayer].

    Examples:
        >>> from nnref.layers import Dense
        >>> td = TimeDistributed(Dense.from_weights([[2.0]], [1.0]))
        >>> td.forward([[[1.0], [2.0], [3.0]]])[0, :, 0]
        array([3., 5., 7.])
        >>> td, td.output_shape((3, 1))
        (TimeDistributed(Dense(1, 1, init='zeros')), (3, 1))
    """

    def __init__(self, layer: Any) -> None:
        super().__init__()
        needed = ("check_input", "forward_unchecked", "backward_unchecked", "output_shape")
        if not all(hasattr(layer, attr) for attr in needed) or not hasattr(layer, "params"):
            raise error(
                "layer", "a layer following the protocol of nnref.layers.Layer", layer, TypeError
            )
        self.layer = layer
        self.params = layer.params
        self.grads = layer.grads
        self._x: Array | None = None

    def _steps(self, x: Array) -> Array:
        return x.reshape(x.shape[0] * x.shape[1], *x.shape[2:])

    def check_input(self, x: Array, name: str = "x") -> Array:
        check_sequences(x, name, None, "features")
        try:
            self.layer.check_input(self._steps(x), name)
        except ValueError as exc:
            raise ValueError(
                f"{exc} (each time step of {name}, shape {x.shape}, is one sample for "
                f"{self.layer!r})"
            ) from None
        return x

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """``(n_steps, *layer.output_shape(step_shape))`` for samples ``(n_steps, ...)``."""
        shape = check_sample_shape(input_shape)
        self.check_input(np.empty((0, *shape)), "input_shape")
        return (shape[0], *self.layer.output_shape(shape[1:]))

    def forward_unchecked(self, x: Array) -> Array:
        self._x = x
        y = self.layer.forward_unchecked(self._steps(x))
        out: Array = y.reshape(x.shape[0], x.shape[1], *y.shape[1:])
        self._out_shape = out.shape
        return out

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        assert self._x is not None
        g = self.layer.backward_unchecked(self._steps(grad_out), need_input_grad)
        if g is None:
            return None
        grad_in: Array = g.reshape(self._x.shape)
        return grad_in

    def astype(self, dtype: Any) -> TimeDistributed:
        """Convert the wrapped layer's parameters (see ``Layer.astype``)."""
        self.layer.astype(dtype)
        self.params = self.layer.params
        self.grads = self.layer.grads
        return self

    def __repr__(self) -> str:
        return f"TimeDistributed({self.layer!r})"
