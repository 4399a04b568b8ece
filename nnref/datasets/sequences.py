"""Generated sequence tasks for recurrent networks: batch-first arrays ``(N, T, features)``.

- [`noisy_sine`][nnref.datasets.noisy_sine]: predict the next value of a noisy sine wave;
- [`delayed_recall`][nnref.datasets.delayed_recall]: name the symbol seen ``delay`` steps
  before the end, a task that needs memory;
- [`winner_take_all`][nnref.datasets.winner_take_all]: a constant input held over time, and
  which of its entries is largest (the winner that lateral inhibition should pick).

Examples:
    >>> X, y = delayed_recall(4, delay=2, n_steps=5, rng=0)
    >>> X.shape, y.shape
    ((4, 5, 2), (4,))
    >>> bool(np.all(X[:, -3].argmax(axis=1) == y))  # the symbol 2 steps before the last
    True
"""

from __future__ import annotations

from numbers import Real

import numpy as np
from numpy.typing import NDArray

from nnref._typing import Array
from nnref._validation import (
    check_nonnegative,
    check_positive_int,
    check_result,
    check_rng,
    error,
)

__all__ = ["delayed_recall", "noisy_sine", "winner_take_all"]


def noisy_sine(
    n_samples: int = 64,
    n_steps: int = 50,
    noise: float = 0.1,
    period: float = 25.0,
    rng: np.random.Generator | int | None = None,
) -> tuple[Array, Array]:
    """Windows of a noisy sine wave, for next-value prediction.

    Each sample is a series $s_t = \\sin(2\\pi t / P + \\varphi) + \\varepsilon_t$ for
    $t = 0, \\dots, T$, with its own random phase $\\varphi \\sim U[0, 2\\pi)$ and Gaussian
    noise $\\varepsilon_t \\sim \\mathcal N(0, \\sigma^2)$. The input is $s_0, \\dots,
    s_{T-1}$ and the target at every step the next value of the same series,
    $y_t = s_{t+1}$ (noise included: no predictor can beat a mean squared error of about
    $\\sigma^2$). ``Y[:, -1]`` is the value just after each window, for a network that
    predicts once per sequence.

    Args:
        n_samples: Number of sequences $N$.
        n_steps: Steps per sequence $T$, at least 1.
        noise: $\\sigma \\ge 0$.
        period: $P$, steps per cycle, above 0.
        rng: Random generator or int seed.

    Returns:
        ``X`` ``(N, T, 1)`` and ``Y`` ``(N, T, 1)``, with ``Y[:, t] == X[:, t + 1]``.

    Examples:
        >>> X, Y = noisy_sine(3, n_steps=10, noise=0.0, rng=0)
        >>> X.shape, bool(np.all(Y[:, :-1] == X[:, 1:]))
        ((3, 10, 1), True)
    """
    n = check_positive_int(n_samples, "n_samples")
    T = check_positive_int(n_steps, "n_steps")
    sigma = check_nonnegative(noise, "noise")
    if isinstance(period, bool) or not isinstance(period, Real) or not 0 < period < np.inf:
        raise error("period", "a positive real number of steps per cycle", period)
    generator = check_rng(rng)
    phase = generator.uniform(0.0, 2.0 * np.pi, size=(n, 1))
    t = np.arange(T + 1)
    with np.errstate(over="ignore", invalid="ignore"):
        angle = 2.0 * np.pi * t / float(period) + phase
    series = np.sin(check_result(angle, "period", "the angles"))
    with np.errstate(over="ignore", invalid="ignore"):
        series += sigma * generator.standard_normal(series.shape)
    check_result(series, "noise", "the noisy series")
    return series[:, :-1, None].copy(), series[:, 1:, None].copy()


def delayed_recall(
    n_samples: int = 256,
    delay: int = 5,
    n_steps: int | None = None,
    n_symbols: int = 2,
    rng: np.random.Generator | int | None = None,
) -> tuple[Array, NDArray[np.int64]]:
    """Random symbol sequences; the label is the symbol seen ``delay`` steps before the end.

    At every step one of ``n_symbols`` symbols is drawn uniformly at random and given
    one-hot. The class of a sequence is its symbol at step $T - 1 - k$ for the delay $k$:
    $y = \\operatorname{argmax} x_{T-1-k}$. With $k \\ge 1$ the symbols after it are
    independent of it, so a network that sees only the current input (any feed-forward
    network applied at the last step) is right by chance only, $1/\\text{n\\_symbols}$ of
    the time: solving the task needs a memory that lasts $k$ steps.

    Args:
        n_samples: Number of sequences $N$.
        delay: $k \\ge 0$, how many steps back the symbol to recall lies.
        n_steps: $T > k$; default $k + 1$ (the symbol to recall comes first).
        n_symbols: Alphabet size, at least 2.
        rng: Random generator or int seed.

    Returns:
        ``X`` ``(N, T, n_symbols)`` of 0.0 and 1.0, and ``y`` ``(N,)`` class indices.

    Examples:
        >>> X, y = delayed_recall(3, delay=1, n_symbols=3, rng=1)
        >>> X[0], int(y[0])
        (array([[0., 1., 0.],
               [0., 0., 1.]]), 1)
    """
    n = check_positive_int(n_samples, "n_samples")
    if isinstance(delay, bool) or not isinstance(delay, int | np.integer) or delay < 0:
        raise error("delay", "a non-negative integer", delay)
    k = int(delay)
    T = k + 1 if n_steps is None else check_positive_int(n_steps, "n_steps")
    if T <= k:
        raise error("n_steps", f"above the delay ({k})", n_steps)
    S = check_positive_int(n_symbols, "n_symbols")
    if S < 2:
        raise error("n_symbols", "at least 2", n_symbols)
    symbols = check_rng(rng).integers(0, S, size=(n, T))
    X = np.eye(S)[symbols]
    return X, symbols[:, T - 1 - k].astype(np.int64)


def winner_take_all(
    n_samples: int = 100,
    n_units: int = 5,
    n_steps: int = 30,
    noise: float = 0.0,
    rng: np.random.Generator | int | None = None,
) -> tuple[Array, NDArray[np.int64]]:
    """One input per unit, held for every step; the label is the unit with the largest.

    Each sample draws $u \\sim U[0, 1)^n$ and presents $x_t = u + \\varepsilon_t$ at every
    step ($\\varepsilon_t \\sim \\mathcal N(0, \\sigma^2 I)$, fresh at each step); the class
    is $\\operatorname{argmax}_i u_i$. A layer with lateral inhibition (each unit inhibiting
    the others) run on such an input should settle with the winner alone active.

    Args:
        n_samples: Number of sequences $N$.
        n_units: Inputs (and competing units) $n$, at least 2.
        n_steps: Steps $T$ the input is held.
        noise: $\\sigma \\ge 0$.
        rng: Random generator or int seed.

    Returns:
        ``X`` ``(N, T, n_units)`` and ``y`` ``(N,)`` the index of the largest $u_i$.

    Examples:
        >>> X, y = winner_take_all(2, n_units=3, n_steps=4, rng=0)
        >>> X.shape, bool(np.all(X[:, 0].argmax(axis=1) == y))
        ((2, 4, 3), True)
    """
    n = check_positive_int(n_samples, "n_samples")
    m = check_positive_int(n_units, "n_units")
    if m < 2:
        raise error("n_units", "at least 2", n_units)
    T = check_positive_int(n_steps, "n_steps")
    sigma = check_nonnegative(noise, "noise")
    generator = check_rng(rng)
    u = generator.random((n, m))
    X = np.repeat(u[:, None, :], T, axis=1)
    if sigma:
        with np.errstate(over="ignore", invalid="ignore"):
            X += sigma * generator.standard_normal(X.shape)
        check_result(X, "noise", "the noisy inputs")
    return X, u.argmax(axis=1).astype(np.int64)
