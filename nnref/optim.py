"""Gradient descent: the rule that turns gradients into parameter updates.

Plain gradient descent moves every parameter a small step against its gradient,
$\\theta \\leftarrow \\theta - \\eta\\, \\partial L / \\partial \\theta$, with the learning rate
$\\eta$. With momentum $\\mu$ the step follows a running sum of past gradients instead, which
damps zig-zagging across a narrow valley and speeds up travel along it. Run on mini-batches,
this is stochastic gradient descent (SGD).

Examples:
    >>> import numpy as np
    >>> from nnref.optim import SGD
    >>> w, g = np.array([1.0, -2.0]), np.array([0.5, 0.5])
    >>> SGD(lr=0.1).step([w], [g])
    >>> w
    array([ 0.95, -2.05])
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_interval,
    check_positive,
    describe,
    error,
)

__all__ = ["SGD"]


def _pairs(params: Any, grads: Any) -> list[tuple[Array, Array, Any]]:
    """Match parameters with their gradients from whichever form ``step`` was given:
    ``(parameter, gradient, where)`` for each array, ``where`` what ``_name`` makes the
    name for errors of (formatted only then: this runs at every step)."""
    if grads is None:
        # A network, a layer, or a sequence of layers: each has params and grads dicts.
        layers = getattr(params, "layers", None)
        if layers is None:
            layers = [params] if hasattr(params, "params") else params
        rule = "a network, a layer, a sequence of layers, or parameter arrays with grads"
        if isinstance(layers, str | bytes) or not isinstance(layers, Iterable):
            raise error("params", rule, params, TypeError)
        pairs: list[tuple[Array, Array, Any]] = []
        for i, layer in enumerate(list(layers)):
            if not (hasattr(layer, "params") and hasattr(layer, "grads")):
                raise error("params", rule, params, TypeError)
            for key, p in layer.params.items():
                pairs.append((p, layer.grads[key], (i, key)))
        return pairs
    if isinstance(params, Mapping):
        if not isinstance(grads, Mapping) or set(params) != set(grads):
            raise ValueError(
                "grads must be a dict with the same keys as params, got keys "
                f"{sorted(grads) if isinstance(grads, Mapping) else describe(grads)}"
            )
        return [(params[k], grads[k], k) for k in params]
    for value, name in ((params, "params"), (grads, "grads")):
        if isinstance(value, str | bytes | np.ndarray) or not isinstance(value, Iterable):
            raise error(name, "a sequence of arrays, one per parameter", value, TypeError)
    p_list, g_list = list(params), list(grads)
    for p in p_list:
        _check_parameter(p)
    if len(p_list) != len(g_list):
        raise ValueError(
            f"grads must hold one gradient per parameter ({len(p_list)}), got {len(g_list)}"
        )
    return [(p, g, i) for i, (p, g) in enumerate(zip(p_list, g_list, strict=True))]


def _name(where: Any) -> str:
    """``grads[0]``, ``grads['W']`` or ``grads of layer 2 (W)``, from ``_pairs``'s ``where``."""
    if isinstance(where, tuple):
        return f"grads of layer {where[0]} ({where[1]})"
    return f"grads[{where!r}]"


def _check_parameter(p: Any) -> None:
    if not isinstance(p, np.ndarray) or p.dtype.kind != "f" or not p.flags.writeable:
        raise error("params", "writeable float NumPy arrays (updated in place)", p, TypeError)


def _gradient(p: Any, g: Any, where: Any) -> Array:
    """The gradient as a float array of the parameter's shape (errors name it); whether it is
    finite shows in the step it gives, which ``step`` checks anyway."""
    _check_parameter(p)
    if isinstance(g, np.ndarray) and g.dtype.kind == "f":
        grad: Array = g
    else:
        grad = as_float_array(g, _name(where))
    if grad.shape != p.shape:
        raise ValueError(
            f"{_name(where)} must match its parameter's shape {p.shape}, got {describe(grad)}"
        )
    return grad


class StepOverflowError(ValueError):
    """A step would have made a parameter NaN or infinite (a non-finite gradient, or a step
    beyond the float range); ``Sequential.fit`` reports it as a divergence."""


class SGD:
    """Stochastic gradient descent with optional momentum, in PyTorch's formulation.

    $$v \\leftarrow \\mu v + g, \\qquad \\theta \\leftarrow \\theta - \\eta\\, v$$

    with $g = \\partial L / \\partial \\theta$, the velocity $v$ starting at 0 (so the first
    step is plain gradient descent) and $\\mu = 0$ giving $\\theta \\leftarrow \\theta -
    \\eta g$. This is ``torch.optim.SGD(lr=η, momentum=μ)`` without dampening, Nesterov or
    weight decay. (Some texts write $v \\leftarrow \\mu v - \\eta g$, $\\theta \\leftarrow
    \\theta + v$: the same for a constant $\\eta$.)

    Parameters are updated in place. The velocity is remembered per parameter array (by
    identity), so one optimiser keeps its momentum from step to step and epoch to epoch.

    Args:
        lr: The learning rate $\\eta > 0$.
        momentum: $\\mu \\in [0, 1)$; 0 (default) is plain gradient descent.

    Examples:
        >>> w, g = np.array([1.0]), np.array([1.0])
        >>> opt = SGD(lr=0.1, momentum=0.9)
        >>> for _ in range(3):
        ...     opt.step([w], [g])
        ...     print(w)
        [0.9]
        [0.71]
        [0.439]
    """

    def __init__(self, lr: float = 0.01, momentum: float = 0.0) -> None:
        self.lr = check_positive(lr, "lr")
        self.momentum = check_interval(momentum, "momentum", 0.0, 1.0, high_open=True)
        self._state: dict[int, tuple[Array, Array, Array]] = {}

    def step(self, params: Any, grads: Sequence[Array] | Mapping[str, Array] | None = None) -> None:
        """Update parameters in place, one step against their gradients.

        Args:
            params: Either a network, a layer or a sequence of layers (then ``grads`` is
                omitted and each layer's ``grads`` are used), or parameter arrays (a sequence,
                or a dict such as ``net.params``).
            grads: The gradients matching ``params`` (same order, or same keys).
        """
        lr, mu = self.lr, self.momentum
        # Every new value is computed aside and checked before any parameter changes, so a
        # bad gradient (or a step beyond the float range) leaves them all as they were.
        staged = []
        with np.errstate(over="ignore", invalid="ignore"):
            for p, g, name in _pairs(params, grads):
                grad = _gradient(p, g, name)
                state = self._state.get(id(p))
                if state is None or state[0] is not p:
                    velocity = np.zeros_like(p) if mu else p  # unused without momentum
                    state = (p, velocity, np.empty_like(p), np.empty_like(p) if mu else p)
                    self._state[id(p)] = state
                _, velocity, new_p, new_v = state
                if mu:
                    np.multiply(velocity, mu, out=new_v)
                    new_v += grad
                    np.multiply(new_v, lr, out=new_p, casting="same_kind")
                else:
                    np.multiply(grad, lr, out=new_p, casting="same_kind")
                np.subtract(p, new_p, out=new_p)
                staged.append((p, grad, name, velocity, new_v, new_p))
        for _, grad, name, _, _, new_p in staged:
            # one sum per array is cheaper than isfinite; only a non-finite sum (NaN, inf, or
            # an overflow of the sum itself) needs the entry-by-entry look
            if not math.isfinite(np.add.reduce(new_p, axis=None)) and not np.isfinite(new_p).all():
                if not np.isfinite(grad).all():
                    raise StepOverflowError(
                        f"{_name(name)} must be finite (no NaN or inf), got "
                        f"{int(grad.size - np.count_nonzero(np.isfinite(grad)))} non-finite "
                        "value(s) (the parameters are unchanged)"
                    )
                raise StepOverflowError(
                    f"lr must keep the parameters within the float range, got lr={lr!r}: the "
                    "step lr * grads overflowed (the parameters are unchanged; use a smaller lr)"
                )
        for p, _, _, velocity, new_v, new_p in staged:
            if mu:
                np.copyto(velocity, new_v)
            np.copyto(p, new_p)

    def zero_state(self) -> None:
        """Forget every velocity (momentum restarts from zero).

        Examples:
            >>> opt = SGD(lr=0.1, momentum=0.5)
            >>> opt.zero_state()
        """
        self._state.clear()

    def __repr__(self) -> str:
        extra = f", momentum={self.momentum!r}" if self.momentum else ""
        return f"SGD(lr={self.lr!r}{extra})"
