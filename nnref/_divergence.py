"""Telling a training run that diverged from one that is merely slow, and saying so.

A run diverges when each step overshoots the minimum by more than the last: the cost grows
geometrically, by orders of magnitude over a few epochs, until it overflows. The training
loops of [`Perceptron`][nnref.linear.Perceptron], [`Adaline`][nnref.linear.Adaline] and
[`Sequential`][nnref.network.Sequential] watch their per-epoch cost with a
[`DivergenceWatch`][nnref._divergence.DivergenceWatch] and, when it fires, stop with a
[`DivergenceWarning`][nnref._divergence.DivergenceWarning] that names the learning rate.

Why a warning and not an error: the run's history (``cost_``, ``errors_``, the ``History``)
is what shows the divergence, and it stays available to plot and inspect, as scikit-learn's
``ConvergenceWarning`` leaves a fitted model behind; the warning makes sure it is not
missed. To make it an error:
``warnings.simplefilter("error", nnref.DivergenceWarning)``.
"""

from __future__ import annotations

import math
import warnings

__all__ = ["GROWTH", "DivergenceWarning", "DivergenceWatch", "warn_divergence"]

GROWTH = 1e3
"""A cost this many times the best cost of the run so far has diverged (three orders of
magnitude: far beyond the ups and downs of stochastic gradient descent)."""

_FLOOR = 1e-6
"""Costs below this fraction of the first epoch's count as this fraction: a run that fits
its data exactly (cost 0) does not diverge by rounding noise of 1e-30."""


class DivergenceWarning(RuntimeWarning):
    """Training diverged and stopped early; the message names the learning rate.

    Issued (a warning, so that the model and its history stay available for inspection)
    by [`Adaline.fit`][nnref.linear.Adaline.fit], [`Perceptron.fit`][nnref.linear.Perceptron.fit]
    and [`Sequential.fit`][nnref.network.Sequential.fit] (and through them
    [`OneVsRest`][nnref.linear.OneVsRest]) when the cost grows to a thousand times the lowest
    it reached (three orders of magnitude: a run that overshoots more with every step gets
    there within a few epochs), stops being a finite number, or the weights overflow. Fitting
    then stops and keeps the parameters of the last epoch whose cost was finite, and the
    history (``cost_``, ``errors_``, ``history_``) holds the epochs that ran. A smaller
    learning rate, or standardised features, usually cures it. To make it an error:
    ``warnings.simplefilter("error", nnref.DivergenceWarning)``.

    Examples:
        >>> import warnings
        >>> from nnref import Adaline
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     a = Adaline(eta=1.0, epochs=50).fit([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1])
        >>> caught[0].category.__name__, len(a.cost_) < 50
        ('DivergenceWarning', True)
    """


class DivergenceWatch:
    """Watches a run's cost, epoch by epoch, for divergence.

    Diverged: the cost is NaN or infinite, or more than ``GROWTH`` (1000) times the lowest
    cost of the run so far (costs below a millionth of the first epoch's count as that
    millionth).

    Examples:
        >>> watch = DivergenceWatch()
        >>> [watch.check(c) for c in (5.0, 4.0, 90.0, 4500.0)]
        [None, None, None, 'rose from 4 to 4.5e+03']
        >>> DivergenceWatch().check(float("nan"))
        'became nan'
    """

    def __init__(self) -> None:
        self.best = math.inf
        self.first: float | None = None

    def check(self, cost: float) -> str | None:
        """``None`` while the run is fine; otherwise what happened, for the message."""
        if not math.isfinite(cost):
            return f"became {cost}"
        if self.first is None:
            self.first = abs(cost)
        floor = max(self.best, _FLOOR * self.first)
        if self.best < math.inf and cost > GROWTH * floor:
            return f"rose from {self.best:.3g} to {cost:.3g}"
        self.best = min(self.best, cost)
        return None


def warn_divergence(
    model: str, epoch: int, epochs: int, what: str, rate: str, kept: str, stacklevel: int = 3
) -> None:
    """Issue the ``DivergenceWarning`` of a run that stopped in ``epoch``.

    Args:
        model: Who diverged (``"Adaline"``).
        epoch: The epoch in which it was noticed (from 1).
        epochs: The epochs asked for.
        what: What happened (``"the cost rose from 4 to 4.5e+03"``).
        rate: The learning rate as the user set it (``"eta=0.01"``).
        kept: Which parameters the model keeps (``"the weights of epoch 3"``).
    """
    warnings.warn(
        f"{model} diverged in epoch {epoch} of {epochs}: {what} with the learning rate "
        f"{rate}; training stopped and kept {kept}. Use a smaller learning rate (or "
        "standardise the features).",
        DivergenceWarning,
        stacklevel=stacklevel,
    )
