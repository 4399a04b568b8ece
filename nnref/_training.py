"""The parts of ``Sequential.fit``'s training loop that are not the loop itself.

Checking the data as a batch, choosing the optimiser, cutting an epoch into shuffled
mini-batches, gathering an epoch's loss and accuracy, telling a diverged run apart from bad
input, and printing progress: small helpers, so that ``fit`` reads as the textbook loop
(epochs, mini-batches, forward, loss, backward, step).
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
from nnref.optim import SGD

__all__ = [
    "RunningLoss",
    "as_batch",
    "check_output",
    "minibatches",
    "optimizer_for",
    "report",
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


def check_output(loss_fn: loss_functions.Loss, out: Array, epoch: int) -> Array:
    """The loss's own check of the output, with a clearer message when training diverged."""
    try:
        return loss_fn.check_predictions(out)
    except ValueError:
        if not np.all(np.isfinite(out)):
            raise ValueError(
                f"the network's output became non-finite in epoch {epoch}: training diverged "
                "(try a smaller learning rate)"
            ) from None
        raise


def report(every: int, epoch: int, n_epochs: int, logs: dict[str, float]) -> None:
    """Print the epoch's progress line every ``every`` epochs and after the last one."""
    if not every or (epoch % every and epoch != n_epochs):
        return
    width = len(str(n_epochs))
    values = "  ".join(f"{key} {value:.4f}" for key, value in logs.items())
    print(f"epoch {epoch:>{width}}/{n_epochs}  {values}", file=sys.stdout, flush=True)
