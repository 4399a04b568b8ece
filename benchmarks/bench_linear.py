"""Time nnref's online learning rules against the plain per-example NumPy loop.

The perceptron and stochastic Adaline stay exact and NumPy-only. The yardstick is the loop
that textbooks and pure-NumPy libraries write: one example at a time, ``z = x @ w + b``, then
the update. scikit-learn's compiled loops (``Perceptron``, ``SGDRegressor``) are timed beside
it for information, where scikit-learn is installed.

Work: 10^5 samples x 20 features, 10 epochs, examples in their given order (no shuffling),
the same learning rate everywhere, labels in {-1, 1}. Every learner computes the same weights
as the plain loop (the largest difference is printed; 0 means bit-identical).

- Perceptron, separable labels and 10 % flipped labels: ``Perceptron(eta=0.5).fit`` (its
  vectorised skip-ahead path) against the plain loop. Targets: at least 10x faster on the
  separable data, never slower on the noisy data.
- Adaline, stochastic: ``Adaline(method="sgd")`` is itself the plain loop (every example
  changes the weights, so there is nothing to skip); the ratio shows its overhead.
- Adaline, batch: ``Adaline(method="batch")``, 10 full-gradient steps, against
  ``SGDRegressor`` for 10 epochs (the same passes over the data; other steps). Target: no
  slower than ``SGDRegressor``.

Results (2 shared cores busy with other jobs, Python 3.11, NumPy 2.4, OpenBLAS with 2
threads, scikit-learn 1.9.1; best of 5 runs, the plain loops best of 2; two runs a few minutes
apart, so the spread shows how much the numbers move on a busy machine):

    learner                        nnref          plain loop     speed-up     sklearn
    Perceptron, separable          0.15 - 0.29 s  3.5 - 3.6 s    12 - 24x     0.05 s
    Perceptron, 10% flipped        1.8 - 1.9 s    2.9 - 5.3 s    1.6 - 3.0x   0.06 - 0.09 s
    Adaline sgd                    3.3 - 3.6 s    2.9 - 3.0 s    0.8 - 0.9x   0.06 - 0.07 s
    Adaline batch                  0.026 - 0.035 s                            0.064 - 0.068 s

All weights equal the plain loop's bit for bit (max |w - w_plain| = 0). Targets: perceptron
>= 10x on separable data (met, 12x at worst), never slower with flipped labels (met, 1.6x at
worst), batch Adaline no slower than SGDRegressor (met, about 2x faster: its gradient comes
from X^T X and X^T t, so an epoch costs O(d^2) instead of two passes over the data).
Stochastic Adaline *is* the plain loop (every example changes the weights): run
interleaved, the two take the same time within the noise; the 0.8x above is the busy
machine. With 10 % flipped labels the perceptron still makes about 26,000 mistakes per epoch,
and each mistake costs the skip-ahead a few NumPy calls, which is why its margin there is
small. scikit-learn's compiled perceptron is 3 to 6x faster than nnref on the separable data
and 20 to 30x on the noisy data: reported for information; nnref stays NumPy-only.

Run: ``python benchmarks/bench_linear.py [--samples N] [--features D] [--epochs E]
[--repeat R] [--plain-repeat P]``
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from nnref.linear import Adaline, Perceptron

try:
    from sklearn import linear_model as sk_linear
except ImportError:  # scikit-learn is optional
    sk_linear = None


def best_time(fit: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs, and the result of the last one."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fit()
        times.append(time.perf_counter() - start)
    return min(times), result


def make_data(n: int, d: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Samples, separable labels in {-1, 1}, and the same labels with 10 % of them flipped."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    y = np.where(X @ rng.standard_normal(d) + 0.3 >= 0, 1, -1)
    y[0] = -1  # the first example ties at z = 0; make every learner treat it alike
    noisy = y.copy()
    flip = rng.random(n) < 0.1
    flip[0] = False
    noisy[flip] *= -1
    return X, y, noisy


# --- the plain per-example loops (the yardstick) ---------------------------------------------


def plain_perceptron(X: np.ndarray, y: np.ndarray, eta: float, epochs: int) -> np.ndarray:
    """Rosenblatt's rule for labels in {-1, 1}, one example at a time; returns (w, b)."""
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(epochs):
        for xi, target in zip(X, y.tolist(), strict=True):
            y_hat = 1.0 if xi @ w + b >= 0 else -1.0
            update = eta * (target - y_hat)
            w += update * xi
            b += update
    return np.append(w, b)


def plain_sgd_adaline(X: np.ndarray, t: np.ndarray, eta: float, epochs: int) -> np.ndarray:
    """The Widrow-Hoff rule, one example at a time; returns (w, b)."""
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(epochs):
        for xi, target in zip(X, t.tolist(), strict=True):
            step = eta * (target - (xi @ w + b))
            w += step * xi
            b += step
    return np.append(w, b)


# --- report ------------------------------------------------------------------------------------


HEADER = (
    f"{'learner':<31}{'nnref':>9}{'plain loop':>12}{'speed-up':>10}{'sklearn':>10}"
    f"{'target':>10}   max |w - w_plain|"
)


def row(
    name: str,
    ours: float,
    plain: float | None,
    sklearn: float | None,
    target: str,
    met: bool | None,
    diff: float | None,
) -> None:
    plain_s = f"{plain:10.3f} s" if plain is not None else f"{'':12}"
    speed = f"{plain / ours:9.1f}x" if plain is not None else f"{'':10}"
    sk = f"{sklearn:8.3f} s" if sklearn is not None else f"{'-':>10}"
    verdict = "" if met is None else ("  met" if met else "  MISSED")
    agreement = "" if diff is None else f"   {diff:.1e}"
    print(f"{name:<31}{ours:7.3f} s{plain_s}{speed}{sk}{target:>10}{verdict}{agreement}")


def weights(model: Any) -> np.ndarray:
    return np.append(model.weights_, model.bias_)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=100_000)
    parser.add_argument("--features", type=int, default=20)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each nnref/sklearn fit")
    parser.add_argument("--plain-repeat", type=int, default=1, help="runs of each plain loop")
    args = parser.parse_args()
    n, d, epochs, repeat = args.samples, args.features, args.epochs, args.repeat
    X, separable, noisy = make_data(n, d)
    print(
        f"{n} samples x {d} features, {epochs} epochs; best of {repeat} "
        f"(plain loops: best of {args.plain_repeat})"
    )
    if sk_linear is None:
        print("scikit-learn is not installed: its column stays empty")
    print(HEADER)

    for label, y, goal, need in [
        ("separable", separable, ">= 10x", 10.0),
        ("10% flipped", noisy, ">= 1x", 1.0),
    ]:
        ours_t, ours = best_time(lambda y=y: Perceptron(eta=0.5, epochs=epochs).fit(X, y), repeat)
        plain_t, plain_w = best_time(
            lambda y=y: plain_perceptron(X, y, 0.5, epochs), args.plain_repeat
        )
        sk_t = None
        if sk_linear is not None:
            sk_t, _ = best_time(
                lambda y=y: sk_linear.Perceptron(
                    eta0=1.0, penalty=None, shuffle=False, tol=None, max_iter=epochs
                ).fit(X, y),
                repeat,
            )
        diff = float(np.abs(weights(ours) - plain_w).max())
        row(f"Perceptron, {label}", ours_t, plain_t, sk_t, goal, plain_t / ours_t >= need, diff)
        print(f"{'':<31}mistakes per epoch: {ours.errors_}")

    eta = 1e-4
    targets = separable.astype(float)
    sgd_t, sgd = best_time(
        lambda: Adaline(eta=eta, epochs=epochs, method="sgd", shuffle=False).fit(X, separable),
        repeat,
    )
    plain_t, plain_w = best_time(
        lambda: plain_sgd_adaline(X, targets, eta, epochs), args.plain_repeat
    )
    batch_t, _ = best_time(
        lambda: Adaline(eta=1.0 / n, epochs=epochs, method="batch").fit(X, separable), repeat
    )
    sk_t = None
    if sk_linear is not None:
        sk_t, _ = best_time(
            lambda: sk_linear.SGDRegressor(
                loss="squared_error",
                penalty=None,
                alpha=0.0,
                learning_rate="constant",
                eta0=eta,
                shuffle=False,
                tol=None,
                max_iter=epochs,
            ).fit(X, targets),
            repeat,
        )
    diff = float(np.abs(weights(sgd) - plain_w).max())
    row("Adaline sgd", sgd_t, plain_t, sk_t, "", None, diff)
    met = None if sk_t is None else batch_t <= sk_t
    row("Adaline batch vs SGDRegressor", batch_t, None, sk_t, "<= sklearn", met, None)


if __name__ == "__main__":
    main()
