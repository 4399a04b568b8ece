"""The vectorised passes behind the linear models' ``fit``, kept apart from the rules they
speed up (the rules themselves, written as a textbook states them, are in ``nnref.linear``).

- ``skip_ahead_epoch``: one epoch of the perceptron rule, exactly, without a Python step per
  correctly classified example (tested bit-identical to the textbook loop);
- ``costs_of``: Adaline's cost for many epochs' weights in one pass over the data.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from nnref._typing import Array

__all__ = ["COST_BLOCK", "costs_of", "skip_ahead_epoch"]

# Block sizes of the perceptron's skip-ahead (see ``skip_ahead_epoch``).
_MIN_BLOCK = 32
_MAX_BLOCK = 4096
COST_BLOCK = 1 << 22
"""Adaline measures its cost for several epochs at once on at most this many residuals."""


def skip_ahead_epoch(xa: Array, positive: NDArray[np.bool_], updates: Array, wa: Array) -> int:
    """One pass of the perceptron rule over the rows of ``xa`` in order; returns the mistakes.

    ``xa`` holds the samples with a trailing column of ones, ``wa`` the weights with the bias
    last (changed in place), ``updates[k]`` the correction factor $\\eta(y_k - \\hat y_k)$
    should row ``k`` be misclassified.

    The rule is applied exactly, one example after another. The only shortcut: the weights
    change only at a mistake, so the net inputs of the next block of examples are computed
    together with the current weights, and the first misclassified one in the block is the
    next example that changes anything. The block grows while no mistakes turn up and shrinks
    to about twice the last gap after one.
    """
    n = xa.shape[0]
    start, size, mistakes = 0, _MIN_BLOCK, 0
    while start < n:
        stop = min(n, start + size)
        wrong = (xa[start:stop] @ wa >= 0) != positive[start:stop]
        j = int(wrong.argmax())
        if not wrong[j]:  # every example of the block is classified right: no change
            start, size = stop, min(2 * size, _MAX_BLOCK)
            continue
        k = start + j
        wa += updates[k] * xa[k]
        mistakes += 1
        start, size = k + 1, max(_MIN_BLOCK, 2 * j)
    return mistakes


def costs_of(X: Array, t: Array, W: Array, B: Array) -> Array:
    """$J = \\tfrac12 \\sum_i (t_i - \\mathbf{w}_k^\\top\\mathbf{x}_i - b_k)^2$ for each row
    $\\mathbf{w}_k$ of ``W`` and entry $b_k$ of ``B``, in one pass over ``X``."""
    residuals = X @ W.T
    residuals += B
    np.subtract(t[:, None], residuals, out=residuals)
    costs: Array = 0.5 * np.einsum("ij,ij->j", residuals, residuals)
    return costs
