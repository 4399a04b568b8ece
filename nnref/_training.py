"""The parts of ``Sequential.fit``'s training loop that are not the loop itself.

Checking the data as a batch, choosing the optimiser, cutting an epoch into shuffled
mini-batches, running one epoch (forward, loss, backward, step for every mini-batch) and
noticing when its numbers stop being finite, gathering an epoch's loss and accuracy, going
back to the parameters before a diverged epoch, and printing progress: small helpers, so
that ``fit`` reads as the textbook loop.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from numbers import Integral
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from nnref import losses as loss_functions
from nnref._typing import Array
from nnref._validation import as_float_array, check_finite, describe, error
from nnref.optim import SGD, StepOverflowError

__all__ = [
    "RunningLoss",
    "as_batch",
    "backward_layer",
    "check_layer",
    "forward_layer",
    "minibatches",
    "optimizer_for",
    "rate_text",
    "report",
    "restore",
    "snapshot",
    "train_epoch",
    "verbosity",
]

DEFAULT_LR = 0.01
"""The learning rate of plain SGD when ``fit`` gets neither ``lr`` nor ``optimizer``."""


def as_batch(x: ArrayLike, name: str) -> Array:
    """A finite float array with a non-empty batch axis (and at least one more axis)."""
    arr = as_float_array(x, name)
    if arr.ndim < 2 or arr.shape[0] == 0:
        raise ValueError(
            f"{name} must be a batch of shape (n_samples, n_features) with at least one "
            f"sample, got {describe(arr)}"
        )
    return check_finite(arr, name)


def optimizer_for(lr: float | None, optimizer: Any) -> Any:
    """The optimiser ``fit`` steps with: ``optimizer`` itself, or plain SGD with ``lr``."""
    if optimizer is None:
        return SGD(lr=DEFAULT_LR if lr is None else lr)
    if lr is not None:
        raise ValueError(
            "lr must be None when an optimizer is given (the optimizer has its own learning "
            f"rate), got lr={lr!r} and optimizer={optimizer!r}"
        )
    if not callable(getattr(optimizer, "step", None)):
        raise error("optimizer", "an object with a step(network) method", optimizer, TypeError)
    return optimizer


def verbosity(verbose: Any) -> int:
    """Every how many epochs to print a progress line (0: never)."""
    if isinstance(verbose, bool | np.bool_):
        return int(bool(verbose))
    if isinstance(verbose, Integral) and int(verbose) >= 0:
        return int(verbose)
    raise error("verbose", "True, False or a number of epochs between reports", verbose, TypeError)


def minibatches(
    data: Array, targets: Any, size: int, rng: np.random.Generator | None
) -> Iterator[tuple[Array, Any]]:
    """One epoch's mini-batches of ``size`` samples (the last may be smaller), in an order
    shuffled by ``rng``, or in the order of the data when ``rng`` is ``None``."""
    n = data.shape[0]
    order = None if rng is None else rng.permutation(n)
    for start in range(0, n, size):
        if order is None:  # slices: no copies
            yield data[start : start + size], targets[start : start + size]
        else:
            rows = order[start : start + size]
            yield data[rows], targets[rows]


class RunningLoss:
    """An epoch's training loss and accuracy, gathered batch by batch.

    The loss is the batch-size-weighted mean of the batch losses (their sum for a summed loss
    such as ``squared_error``); the accuracy counts the right decisions of every batch.
    """

    def __init__(self, loss_fn: loss_functions.Loss) -> None:
        self.loss_fn = loss_fn
        self.summed = loss_fn.reduction == "sum"
        self.total = 0.0
        self.samples = self.right = self.counted = 0

    def add(self, value: float, out: Array, targets: Any) -> None:
        self.total += value if self.summed else value * out.shape[0]
        self.samples += out.shape[0]
        if self.loss_fn.classification:
            right, counted = self.loss_fn.count_correct(out, targets)
            self.right += right
            self.counted += counted

    def logs(self) -> dict[str, float]:
        logs = {"loss": self.total if self.summed else self.total / self.samples}
        if self.loss_fn.classification:
            logs["accuracy"] = self.right / self.counted
        return logs


def train_epoch(
    net: Any,
    loss_fn: loss_functions.Loss,
    batches: Iterator[tuple[Array, Any]],
    optimiser: Any,
    running: RunningLoss,
) -> bool:
    """One epoch of the textbook loop: for every mini-batch forward, loss, backward, step.

    Returns False, leaving the rest of the epoch, as soon as the output, the loss or a
    gradient stops being finite (the run diverged; the caller says so). Run it under
    ``np.errstate(over="ignore", invalid="ignore")``: the overflow is what this notices.
    """
    checks_itself = isinstance(optimiser, SGD)  # SGD refuses non-finite gradients itself
    for xb, tb in batches:
        out = net.forward_unchecked(xb)  # forward
        try:
            out = loss_fn.check_predictions(out)
        except ValueError:
            if not np.all(np.isfinite(out)):
                return False
            raise
        value, grad = loss_fn.value_and_gradient(out, tb)  # loss
        if not np.isfinite(value):
            return False
        running.add(value, out, tb)
        net.backward_unchecked(grad, need_input_grad=False)  # backward
        if not checks_itself and not all(np.isfinite(g).all() for g in net.grads.values()):
            return False
        try:
            optimiser.step(net)  # step
        except StepOverflowError:  # a gradient or a parameter would be non-finite: diverged
            return False
    return True


def snapshot(net: Any) -> dict[str, Array]:
    """Copies of every parameter array, to go back to when an epoch diverges."""
    return {key: value.copy() for key, value in net.params.items()}


def restore(net: Any, saved: dict[str, Array]) -> None:
    """Put the parameters of a ``snapshot`` back, in place."""
    params = net.params
    for key, value in saved.items():
        np.copyto(params[key], value)


def rate_text(lr: float | None, optimizer: Any) -> str:
    """The learning rate as the user set it, for a divergence message."""
    if optimizer is None:
        return f"lr={DEFAULT_LR if lr is None else lr!r}" + (" (the default)" if lr is None else "")
    rate = getattr(optimizer, "lr", None)
    return f"lr={rate!r} of {optimizer!r}" if rate is not None else f"of {optimizer!r}"


def check_layer(layer: Any, name: str) -> None:
    if not all(hasattr(layer, attr) for attr in ("forward", "backward", "params", "grads")):
        raise error(
            name,
            "a layer with forward, backward, params and grads (the layer protocol of "
            "nnref.layers.Layer)",
            layer,
            TypeError,
        )


def forward_layer(layer: Any, x: Array, name: str) -> Array:
    """One layer's forward pass: the unchecked fast path after its shape check, for a layer
    that offers it (every ``Layer``); a minimal layer's checked ``forward`` otherwise."""
    if hasattr(layer, "forward_unchecked"):
        layer.check_input(x, name)
        out: Array = layer.forward_unchecked(x)
        return out
    return np.asarray(layer.forward(x))


def backward_layer(layer: Any, g: Array, need_input_grad: bool) -> Array | None:
    if hasattr(layer, "backward_unchecked"):
        out: Array | None = layer.backward_unchecked(g, need_input_grad)
        return out
    return np.asarray(layer.backward(g))


def report(every: int, epoch: int, n_epochs: int, logs: dict[str, float]) -> None:
    """Print the epoch's progress line every ``every`` epochs and after the last one."""
    if not every or (epoch % every and epoch != n_epochs):
        return
    width = len(str(n_epochs))
    values = "  ".join(f"{key} {value:.4f}" for key, value in logs.items())
    print(f"epoch {epoch:>{width}}/{n_epochs}  {values}", file=sys.stdout, flush=True)
