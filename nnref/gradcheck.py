"""Gradient checking: compare backpropagation with finite differences.

A backward pass is easy to get subtly wrong; the check is to nudge every input and parameter
a little and watch the loss. The **central difference**

$$\\frac{\\partial L}{\\partial \\theta_i} \\approx
\\frac{L(\\theta + \\varepsilon e_i) - L(\\theta - \\varepsilon e_i)}{2 \\varepsilon}$$

has an error of order $\\varepsilon^2$ (the one-sided difference only $\\varepsilon$), so with
$\\varepsilon = 10^{-6}$ in float64 analytic and numerical gradients agree to about
$10^{-8}$ relative to the gradient's size; a bug usually shows up as an error near 1. Use
float64 parameters and data: in float32 the rounding noise of $L$ divided by $2\\varepsilon$
swamps the comparison. Avoid inputs exactly at a kink (ReLU at 0), where the function has no
derivative to compare.

The helpers return the [`relative_error`][nnref.gradcheck.relative_error] of each array; the
``check_*`` functions return the largest.

Examples:
    >>> import numpy as np
    >>> from nnref.gradcheck import check_layer
    >>> from nnref.layers import Dense
    >>> check_layer(Dense(3, 2, rng=0), np.random.default_rng(1).normal(size=(4, 3))) < 1e-8
    True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from nnref import losses as loss_functions
from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_finite,
    check_positive,
    check_result,
    check_rng,
    error,
)

__all__ = [
    "check_layer",
    "check_loss",
    "check_network",
    "layer_errors",
    "network_errors",
    "numerical_gradient",
    "relative_error",
]


def numerical_gradient(f: Callable[[Array], float], x: Array, eps: float = 1e-6) -> Array:
    """The central-difference gradient of the scalar ``f(x)`` with respect to every entry of ``x``.

    $$g_i = \\frac{f(x + \\varepsilon e_i) - f(x - \\varepsilon e_i)}{2\\varepsilon}$$

    ``x`` is changed in place, one entry at a time, and restored afterwards (also when ``f``
    raises half-way), so ``f`` may read the array through a closure (a layer's parameter,
    for instance) instead of its argument.

    Args:
        f: A function of the array returning a finite real number.
        x: A finite float array, perturbed in place and restored.
        eps: The step $\\varepsilon > 0$.

    Returns:
        An array of ``x``'s shape.

    Raises:
        ValueError: if ``f`` returns something other than a finite number at a perturbed
            point (the step may be too large for ``x``), or if ``x`` is not finite.

    Examples:
        >>> x = np.array([1.0, -2.0])
        >>> numerical_gradient(lambda v: float(np.sum(v ** 3)), x).round(6)  # 3 x^2
        array([ 3., 12.])
    """
    if not callable(f):
        raise error("f", "a function of the array returning a number", f, TypeError)
    return _central_differences(f, x, eps, "f", "x")


def _central_differences(
    f: Callable[[Array], float], x: Array, eps: float, f_name: str, x_name: str
) -> Array:
    """``numerical_gradient`` with the names its errors use (``f`` and ``x``, or those of the
    caller that wraps it)."""
    step = check_positive(eps, "eps")
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise error(x_name, "a float NumPy array (perturbed in place)", x, TypeError)
    check_finite(x, x_name)
    grad = np.zeros(x.shape, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        old = x[idx].copy()
        try:
            x[idx] = old + step
            plus = _value(f, x, f_name, x_name, idx)
            x[idx] = old - step
            minus = _value(f, x, f_name, x_name, idx)
        except ValueError as exc:  # f refused the perturbed x: say which step it was
            raise ValueError(f"{exc} (with {x_name} moved by eps={step!r})") from exc
        finally:
            x[idx] = old  # restored whatever happens
        with np.errstate(over="ignore"):
            grad[idx] = (plus - minus) / (2.0 * step)
    return check_result(grad, "eps", "the finite differences")


def _value(f: Callable[[Array], float], x: Array, f_name: str, x_name: str, idx: Any) -> float:
    """``float(f(x))``, which must be a finite number; warnings of the overflow it may take
    to get an infinite value become this one error."""
    with np.errstate(all="ignore"):
        raw = f(x)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise error(f_name, "a function returning one real number", raw, TypeError) from None
    if not np.isfinite(value):
        where = f"{x_name}[{', '.join(map(str, idx))}]" if idx else x_name
        raise ValueError(
            f"{f_name} must return a finite number near {x_name} (perturbed by eps), got "
            f"{value} with {where} moved by eps: the step may be too large, or "
            f"{x_name} too large for {f_name}"
        )
    return value


def relative_error(analytic: ArrayLike, numeric: ArrayLike) -> float:
    """The largest difference relative to the size of the gradient.

    $$\\text{error} = \\frac{\\max_i |a_i - n_i|}{\\max\\bigl(\\max_i |a_i|, \\max_i |n_i|\\bigr)}$$

    (0 when both are exactly zero). Measuring against the largest entry rather than entry by
    entry keeps tiny gradients, whose finite differences are mostly rounding noise, from
    raising false alarms.

    Examples:
        >>> relative_error([1.0, 2.0], [1.0, 2.000002])
        1e-06
    """
    a = check_finite(as_float_array(analytic, "analytic"), "analytic").astype(np.float64)
    n = check_finite(as_float_array(numeric, "numeric"), "numeric").astype(np.float64)
    if a.shape != n.shape:
        raise ValueError(f"numeric must have the shape of analytic {a.shape}, got {n.shape}")
    if a.size == 0:
        return 0.0
    scale = max(float(np.max(np.abs(a))), float(np.max(np.abs(n))))
    if scale == 0.0:
        return 0.0
    return float(np.max(np.abs(a - n))) / scale


def layer_errors(
    layer: Any,
    x: ArrayLike,
    rng: np.random.Generator | int | None = 0,
    eps: float = 1e-6,
) -> dict[str, float]:
    """Check a layer's ``backward`` against finite differences; one error per array.

    The scalar checked is $L = \\sum_i r_i\\, y_i$ with $y$ = ``layer.forward(x)`` and fixed
    random weights $r$ (drawn from ``rng``), whose gradient is ``layer.backward(r)``: every
    output takes part with its own weight, so a mix-up between outputs is caught.

    Args:
        layer: Any layer with ``forward``, ``backward``, ``params`` and ``grads``.
        x: An input batch (converted to a float64 copy).
        rng: Random generator or int seed for $r$.
        eps: Finite-difference step.

    Returns:
        ``{"x": error of dL/dx, "<param>": error of each gradient}``.

    Examples:
        >>> from nnref.layers import PReLU
        >>> errors = layer_errors(PReLU(0.1), [[-1.0, 2.0], [0.5, -3.0]])
        >>> sorted(errors), max(errors.values()) < 1e-8
        (['alpha', 'x'], True)
    """
    _check_protocol(layer, "layer")
    data = np.array(as_float_array(x, "x"), dtype=np.float64)
    out = np.asarray(layer.forward(data))
    weights = check_rng(rng).standard_normal(out.shape)

    def objective(_: Array) -> float:
        return float(np.vdot(weights, layer.forward(data)))

    grad_x = np.array(layer.backward(weights))
    analytic = {key: np.array(value) for key, value in layer.grads.items()}
    errors = {"x": relative_error(grad_x, numerical_gradient(objective, data, eps))}
    for key, param in layer.params.items():
        errors[key] = relative_error(analytic[key], numerical_gradient(objective, param, eps))
    return errors


def check_layer(
    layer: Any, x: ArrayLike, rng: np.random.Generator | int | None = 0, eps: float = 1e-6
) -> float:
    """The largest of [`layer_errors`][nnref.gradcheck.layer_errors].

    Examples:
        >>> from nnref.layers import ActivationLayer
        >>> check_layer(ActivationLayer("softmax"), [[0.5, -1.0, 2.0]]) < 1e-8
        True
    """
    return max(layer_errors(layer, x, rng, eps).values())


def check_loss(
    loss: str | loss_functions.Loss, y_pred: ArrayLike, y_true: ArrayLike, eps: float = 1e-6
) -> float:
    """The error of ``loss.gradient`` against finite differences of ``loss`` in ``y_pred``.

    Examples:
        >>> check_loss("cross_entropy", [[2.0, -1.0, 0.5], [0.0, 0.3, -0.2]], [0, 2]) < 1e-8
        True
    """
    loss_fn = loss_functions.get(loss)
    pred = np.array(as_float_array(y_pred, "y_pred"), dtype=np.float64)
    analytic = loss_fn.gradient(pred, y_true)
    loss_value = loss_fn(pred, y_true)  # checks y_true, so errors name it
    if not np.isfinite(loss_value):
        raise error("y_pred", "small enough for a finite loss", pred)
    numeric = _central_differences(lambda p: loss_fn(p, y_true), pred, eps, "the loss", "y_pred")
    return relative_error(analytic, numeric)


def _check_protocol(obj: Any, name: str) -> None:
    """``obj`` must be a layer or network: ``forward``, ``backward``, ``params``, ``grads``."""
    if not all(hasattr(obj, a) for a in ("forward", "backward", "params", "grads")):
        rule = "a layer or network with forward, backward, params and grads"
        raise error(name, rule, obj, TypeError)


def network_errors(
    net: Any,
    X: ArrayLike,
    y: ArrayLike,
    loss: str | loss_functions.Loss,
    eps: float = 1e-6,
) -> dict[str, float]:
    """Check a whole network's backpropagation: one error per parameter array and for $X$.

    The scalar is the training objective itself, ``loss(net.forward(X), y)``; the analytic
    gradients come from ``net.backward(loss.gradient(...))``.

    Returns:
        ``{"X": ..., "0.W": ..., "0.b": ..., ...}`` with the keys of ``net.params``.

    Examples:
        >>> from nnref.network import mlp
        >>> net = mlp([2, 3, 2], activation="tanh", rng=0)
        >>> errors = network_errors(net, [[0.5, -1.0], [1.5, 0.2]], [0, 1], "cross_entropy")
        >>> list(errors), max(errors.values()) < 1e-8
        (['X', '0.W', '0.b', '2.W', '2.b'], True)
    """
    _check_protocol(net, "net")
    loss_fn = loss_functions.get(loss)
    data = np.array(as_float_array(X, "X"), dtype=np.float64)

    def objective(_: Array) -> float:
        return loss_fn(net.forward(data), y)

    out = net.forward(data)
    grad_x = np.array(net.backward(loss_fn.gradient(out, y)))
    analytic = {key: np.array(value) for key, value in net.grads.items()}
    errors = {"X": relative_error(grad_x, numerical_gradient(objective, data, eps))}
    for key, param in net.params.items():
        errors[key] = relative_error(analytic[key], numerical_gradient(objective, param, eps))
    return errors


def check_network(
    net: Any,
    X: ArrayLike,
    y: ArrayLike,
    loss: str | loss_functions.Loss,
    eps: float = 1e-6,
) -> float:
    """The largest of [`network_errors`][nnref.gradcheck.network_errors].

    Examples:
        >>> from nnref.network import mlp
        >>> net = mlp([3, 4, 4, 1], activation="sigmoid", rng=0)
        >>> check_network(net, np.ones((2, 3)), [[0.5], [1.0]], "mse") < 1e-8
        True
    """
    return max(network_errors(net, X, y, loss, eps).values())
