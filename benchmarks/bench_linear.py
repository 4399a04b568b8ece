"""Time nnref's single-layer learners against scikit-learn on the same work.

Work: 10^5 samples x 20 features, 10 epochs, examples in their given order (no shuffling),
the same learning rate on both sides, so both libraries compute the same weights (printed as
the largest weight difference). scikit-learn is optional; without it only nnref is timed.

- Perceptron: ``nnref.linear.Perceptron(eta=0.5)`` vs ``sklearn.linear_model.Perceptron(
  eta0=1)`` (the same rule for labels in {-1, 1}; see tests/test_parity_sklearn.py), on a
  linearly separable labelling and on one with 10% of the labels flipped.
- Adaline, stochastic: ``Adaline(method="sgd")`` vs ``SGDRegressor`` (squared loss, no
  penalty, constant learning rate): the same update, one example at a time.
- Adaline, batch: ``Adaline(method="batch")``, 10 full-gradient steps, next to the same
  ``SGDRegressor`` run (10 passes over the data of the same cost, but other steps).

Run: ``python benchmarks/bench_linear.py [--samples N] [--features D] [--epochs E] [--repeat R]``
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
    """The fastest of ``repeat`` runs, and the model of the last one."""
    times = []
    model = None
    for _ in range(repeat):
        start = time.perf_counter()
        model = fit()
        times.append(time.perf_counter() - start)
    return min(times), model


def make_data(n: int, d: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    y = np.where(X @ rng.standard_normal(d) + 0.3 >= 0, 1, -1)
    y[0] = -1  # the first example ties at z = 0; make both libraries treat it alike
    noisy = y.copy()
    flip = rng.random(n) < 0.1
    flip[0] = False
    noisy[flip] *= -1
    return X, y, noisy


def row(name: str, ours: float, theirs: float | None, diff: float | None) -> None:
    if theirs is None:
        print(f"{name:<34} {ours:9.3f} s")
        return
    agreement = "" if diff is None else f"   max |w_nnref - w_sklearn| = {diff:.1e}"
    print(f"{name:<34} {ours:9.3f} s {theirs:9.3f} s {ours / theirs:7.1f}x{agreement}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=100_000)
    parser.add_argument("--features", type=int, default=20)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n, d, epochs, repeat = args.samples, args.features, args.epochs, args.repeat
    X, separable, noisy = make_data(n, d)
    print(f"{n} samples x {d} features, {epochs} epochs, best of {repeat}")
    if sk_linear is None:
        print("scikit-learn is not installed: timing nnref only")
    print(f"{'':<34} {'nnref':>11} {'sklearn':>11} {'ratio':>8}")

    for label, y in [("separable", separable), ("10% labels flipped", noisy)]:
        ours_t, ours = best_time(lambda y=y: Perceptron(eta=0.5, epochs=epochs).fit(X, y), repeat)
        theirs_t = diff = None
        if sk_linear is not None:
            theirs_t, theirs = best_time(
                lambda y=y: sk_linear.Perceptron(
                    eta0=1.0, penalty=None, shuffle=False, tol=None, max_iter=epochs
                ).fit(X, y),
                repeat,
            )
            diff = float(np.abs(ours.weights_ - theirs.coef_[0]).max())
        row(f"Perceptron, {label}", ours_t, theirs_t, diff)
        print(f"{'':<34} mistakes per epoch: {ours.errors_}")

    eta = 1e-4
    targets = separable.astype(float)
    sgd_t, sgd = best_time(
        lambda: Adaline(eta=eta, epochs=epochs, method="sgd", shuffle=False).fit(X, separable),
        repeat,
    )
    batch_t, _ = best_time(
        lambda: Adaline(eta=1.0 / n, epochs=epochs, method="batch").fit(X, separable), repeat
    )
    theirs_t = diff = None
    if sk_linear is not None:
        theirs_t, theirs = best_time(
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
        diff = float(np.abs(sgd.weights_ - theirs.coef_).max())
    row("Adaline sgd vs SGDRegressor", sgd_t, theirs_t, diff)
    row("Adaline batch vs SGDRegressor", batch_t, theirs_t, None)


if __name__ == "__main__":
    main()
