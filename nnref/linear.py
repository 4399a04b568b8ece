"""Single-layer models and their learning rules: the perceptron, Adaline and one-vs-rest.

All three are linear classifiers: a weight vector $\\mathbf{w}$ and a bias $b$ give every
sample the net input $z = \\mathbf{x}\\mathbf{w} + b$, and the sign of $z$ decides the
class. They differ in how the weights are learned:

- [`Perceptron`][nnref.linear.Perceptron]: Rosenblatt's rule, which corrects the weights
  only after a misclassified example, $\\Delta\\mathbf{w} = \\eta\\,(y - \\hat y)\\,\\mathbf{x}$;
- [`Adaline`][nnref.linear.Adaline]: the delta (Widrow–Hoff) rule, gradient descent on the
  squared error of the linear output $z$;
- [`OneVsRest`][nnref.linear.OneVsRest]: one binary model per class; the largest net input
  wins.

The models follow scikit-learn's conventions: hyperparameters go to the constructor, ``fit``
learns attributes whose names end in ``_``, and ``get_params`` with
[`clone`][nnref.linear.clone] make an unfitted copy.

Examples:
    >>> import numpy as np
    >>> from nnref.linear import Perceptron
    >>> X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    >>> p = Perceptron(epochs=6).fit(X, [0, 0, 0, 1])  # the AND gate
    >>> p.predict(X)
    array([0, 0, 0, 1])
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, Self

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnref import activations as act
from nnref._divergence import DivergenceWatch, warn_divergence
from nnref._estimators import BinaryLinearModel, Estimator
from nnref._linear_kernels import COST_BLOCK, costs_of, skip_ahead_epoch
from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    as_label_array,
    as_sample_matrix,
    check_bool,
    check_choice,
    check_finite,
    check_fitted,
    check_ndim,
    check_positive,
    check_positive_int,
    check_real,
    check_rng,
    error,
)

__all__ = ["Adaline", "OneVsRest", "Perceptron", "PerceptronStep", "clone", "perceptron_update"]


# --------------------------------------------------------------------------------------------
# An unfitted copy (the estimator protocol itself is in nnref._estimators)
# --------------------------------------------------------------------------------------------


def clone(estimator: Any) -> Any:
    """An unfitted copy of ``estimator``, built from its constructor parameters.

    Parameters that are estimators themselves are cloned too; every other parameter is passed
    on as it is (so a ``numpy.random.Generator`` given as ``rng`` is shared, not copied).

    Args:
        estimator: Any object with ``get_params()``, such as a
            [`Perceptron`][nnref.linear.Perceptron].

    Returns:
        A new object of the same type with the same parameters and no fitted attributes.

    Examples:
        >>> clone(Perceptron(eta=0.5, epochs=3))
        Perceptron(eta=0.5, epochs=3)
    """
    if not callable(getattr(estimator, "get_params", None)):
        raise error("estimator", "an object with a get_params() method", estimator, TypeError)
    params = {
        name: clone(value) if callable(getattr(value, "get_params", None)) else value
        for name, value in estimator.get_params().items()
    }
    return type(estimator)(**params)


# --------------------------------------------------------------------------------------------
# Binary linear models: the perceptron and Adaline
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class PerceptronStep:
    """One example presented to the perceptron rule: what it saw, predicted and changed.

    The update is $\\Delta\\mathbf{w} = \\eta\\,(y - \\hat y)\\,\\mathbf{x}$ and
    $\\Delta b = \\eta\\,(y - \\hat y)$, with $y$ and $\\hat y$ coded as numbers (0/1 for the
    labels {0, 1}, otherwise -1/+1).

    Attributes:
        x: The example's features, shape ``(n_features,)``.
        target: Its true label $y$.
        net_input: $z = \\mathbf{x}\\mathbf{w} + b$ with the weights before the step.
        prediction: $\\hat y$: the second class if $z \\ge 0$, else the first.
        update: The factor $\\eta\\,(y - \\hat y)$; 0.0 when the prediction was right.
        weights: The weights after the step.
        bias: The bias after the step.
        epoch: The pass over the data, counted from 1 (``None`` outside a fit).
        index: The example's row in the training data (``None`` outside a fit).

    Examples:
        >>> X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
        >>> p = Perceptron(epochs=2, record=True).fit(X, [0, 0, 0, 1])
        >>> s = p.history_[3]  # epoch 1, example (1, 1): z = -1, so y_hat = 0, but y = 1
        >>> s.epoch, s.index, s.net_input, s.prediction, s.target, s.update
        (1, 3, -1.0, 0, 1, 1.0)
        >>> s.delta_weights, s.weights, s.bias
        (array([1., 1.]), array([1., 1.]), 0.0)
    """

    x: Array
    target: Any
    net_input: float
    prediction: Any
    update: float
    weights: Array
    bias: float
    epoch: int | None = None
    index: int | None = None

    @property
    def delta_weights(self) -> Array:
        """The change of the weights, $\\Delta\\mathbf{w} = \\eta\\,(y - \\hat y)\\,\\mathbf{x}$."""
        return self.update * self.x

    @property
    def correct(self) -> bool:
        """Whether the prediction was right (and so nothing changed)."""
        return bool(self.update == 0.0)


def perceptron_update(
    weights: ArrayLike,
    bias: float,
    x: ArrayLike,
    target: Any,
    eta: float = 1.0,
    labels: tuple[Any, Any] = (0, 1),
) -> PerceptronStep:
    """Apply Rosenblatt's rule to one example: predict, compare, correct.

    $$\\hat y = \\begin{cases} 1 & z \\ge 0 \\\\ 0 \\text{ or } -1 & z < 0 \\end{cases},\\quad
    \\mathbf{w} \\leftarrow \\mathbf{w} + \\eta\\,(y - \\hat y)\\,\\mathbf{x},\\quad
    b \\leftarrow b + \\eta\\,(y - \\hat y)$$

    This is the step [`Perceptron.fit`][nnref.linear.Perceptron.fit] takes for every example;
    here it is on its own, for a worked calculation.

    Args:
        weights: The weights before the step, shape ``(n_features,)``.
        bias: The bias before the step.
        x: The example, shape ``(n_features,)``.
        target: Its label, one of ``labels``.
        eta: The learning rate $\\eta > 0$.
        labels: The (negative, positive) pair of labels; (0, 1) uses $y, \\hat y \\in \\{0, 1\\}$
            in the rule, any other pair is coded as -1 and +1.

    Returns:
        The [`PerceptronStep`][nnref.linear.PerceptronStep] with the new weights and bias.

    Examples:
        >>> s = perceptron_update([0.2, -0.4], 0.1, [1.0, 1.0], target=1, eta=0.5)
        >>> s.net_input, s.prediction, s.update  # z = 0.2 - 0.4 + 0.1 < 0: wrong
        (-0.1, 0, 0.5)
        >>> s.weights, s.bias
        (array([0.7, 0.1]), 0.6)
    """
    eta = check_positive(eta, "eta")
    w = check_finite(check_ndim(as_float_array(weights, "weights"), "weights", (1,)), "weights")
    if w.size == 0:
        raise error("weights", "a non-empty 1-D array", w)
    xs = check_finite(check_ndim(as_float_array(x, "x"), "x", (1,)), "x")
    if xs.shape != w.shape:
        raise ValueError(
            f"x must have one value per weight ({w.shape[0]}), got an array of shape {xs.shape}"
        )
    b = check_real(bias, "bias")
    pair = as_label_array(labels, 2, "labels")
    if pair[0] == pair[1]:
        raise error("labels", "two different labels (negative, positive)", labels)
    if target not in pair.tolist():
        raise error("target", f"one of the labels {pair.tolist()!r}", target)
    low, high = (0.0, 1.0) if pair.tolist() == [0, 1] else (-1.0, 1.0)
    y = high if target == pair[1] else low
    z, update = _predict_and_compare(w, w.dtype.type(b), xs, y, eta, low, high)
    return PerceptronStep(
        x=xs.copy(),  # the step keeps its own copy, not the caller's array
        target=target,
        net_input=z,
        prediction=pair[int(z >= 0)].item(),
        update=update,
        weights=w + update * xs,
        bias=float(b) + update,
    )


def _predict_and_compare(
    w: Array, b: np.floating[Any], x: Array, y: float, eta: float, low: float, high: float
) -> tuple[float, float]:
    """The perceptron rule's first two steps for one example: the net input $z$ and the
    update factor $\\eta\\,(y - \\hat y)$, with $\\hat y$ = ``high`` if $z \\ge 0$ else ``low``.

    The third step, the correction $\\mathbf{w} \\mathrel{+}= \\eta\\,(y - \\hat y)\\,\\mathbf{x}$,
    $b \\mathrel{+}= \\eta\\,(y - \\hat y)$, is left to the caller: in place in a training
    loop, on copies for the worked step of ``perceptron_update``.
    """
    z = float(x @ w + b)
    y_hat = high if z >= 0 else low
    return z, eta * (y - y_hat)


class Perceptron(BinaryLinearModel):
    """Rosenblatt's perceptron: a threshold unit trained by the perceptron learning rule.

    Weights and bias start at zero. For every example in turn the perceptron predicts
    $\\hat y$ from the sign of $z = \\mathbf{x}\\mathbf{w} + b$ ($z \\ge 0$ gives the
    positive class), compares it with the label $y$ and corrects all weights at once:

    $$\\Delta\\mathbf{w} = \\eta\\,(y - \\hat y)\\,\\mathbf{x}, \\qquad
    \\Delta b = \\eta\\,(y - \\hat y)$$

    A right prediction changes nothing. The rule finds a separating line (hyperplane) in
    finitely many updates when the classes are linearly separable; otherwise it never settles.

    Labels: any two labels. With the labels {0, 1} the rule works with $y, \\hat y \\in
    \\{0, 1\\}$ (the step function) so each correction is $\\pm\\eta\\,\\mathbf{x}$; any other
    pair is coded as -1 (the smaller label) and +1 (the sign function), so each correction is
    $\\pm 2\\eta\\,\\mathbf{x}$. The decisions are the same either way. ``predict`` answers in
    the labels given to ``fit``.

    Training stops after the first epoch without a mistake, as the textbook algorithm does:
    no example changed the weights, so no later epoch would change anything (a huge
    ``epochs`` costs nothing once the data is separated). Should the weights overflow (a
    learning rate or features near the float range), training stops with a
    [`DivergenceWarning`][nnref.DivergenceWarning] and keeps the weights of the last whole
    epoch.

    Args:
        eta: Learning rate $\\eta > 0$.
        epochs: The largest number of passes over the training data.
        shuffle: Present the examples in a new random order in every epoch.
        rng: Random generator or int seed for the shuffling.
        record: Keep a [`PerceptronStep`][nnref.linear.PerceptronStep] for every example of
            every epoch in ``history_`` (meant for small data sets and worked examples).

    Attributes:
        weights_: The learned weights, shape ``(n_features,)``.
        bias_: The learned bias.
        errors_: Misclassifications (so, updates) in each epoch that ran, a list of ints: at
            most ``epochs`` of them, ending with the first 0 if the data got separated.
        classes_: The two labels, sorted; ``classes_[1]`` is predicted where $z \\ge 0$.
        history_: With ``record=True``, the list of steps in the order they were taken;
            otherwise ``None``.

    Examples:
        >>> X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
        >>> p = Perceptron(eta=1.0, epochs=6).fit(X, [0, 0, 0, 1])  # AND
        >>> p.weights_, p.bias_
        (array([2., 1.]), -3.0)
        >>> p.errors_
        [2, 3, 3, 2, 1, 0]
        >>> Perceptron(epochs=10**9).fit(X, [0, 0, 0, 1]).errors_  # stops when separated
        [2, 3, 3, 2, 1, 0]
        >>> Perceptron(epochs=20).fit(X, [0, 1, 1, 0]).errors_[-1]  # XOR: never zero
        4
    """

    errors_: list[int]
    history_: list[PerceptronStep] | None

    def __init__(
        self,
        eta: float = 1.0,
        epochs: int = 10,
        shuffle: bool = False,
        rng: np.random.Generator | int | None = None,
        record: bool = False,
    ) -> None:
        self.eta = check_positive(eta, "eta")
        self.epochs = check_positive_int(epochs, "epochs")
        self.shuffle = check_bool(shuffle, "shuffle")
        check_rng(rng)
        self.rng = rng
        self.record = check_bool(record, "record")

    def fit(self, X: ArrayLike, y: ArrayLike) -> Self:
        """Learn the weights with the perceptron rule.

        With ``record=True`` this runs the rule exactly as a textbook states it, one example
        after another (``_textbook_fit``), and keeps every step. Otherwise it takes a
        vectorised path (``skip_ahead_epoch`` in ``nnref._linear_kernels``) that applies the
        same rule to the same examples in the same order and gives bit-identical weights,
        only faster.

        Args:
            X: Training samples, shape ``(n_samples, n_features)``.
            y: Their labels, shape ``(n_samples,)``, exactly two distinct values.

        Returns:
            The fitted model itself.
        """
        data = as_sample_matrix(X)
        classes, targets, codes = self._targets(y, data, zero_one=True)
        self.classes_ = classes
        self.errors_ = []
        orders = self._orders(data.shape[0])
        if self.record:
            self.history_ = []
            w, b = self._textbook_fit(data, targets, codes, orders)
        else:
            self.history_ = None
            w, b = self._skip_ahead_fit(data, targets, codes, orders)
        self.weights_ = w
        self.bias_ = float(b)
        return self

    def _orders(self, n: int) -> Iterator[NDArray[np.intp]]:
        """The order of the examples in each epoch: as given, or shuffled by ``rng``."""
        rng = check_rng(self.rng)
        for _ in range(self.epochs):
            yield rng.permutation(n) if self.shuffle else np.arange(n)

    def _diverged(self, epoch: int, kept: int) -> None:
        warn_divergence(
            "Perceptron",
            epoch,
            self.epochs,
            "the weights overflowed the float range",
            f"eta={self.eta!r}",
            f"the weights of epoch {kept}",
            stacklevel=4,
        )

    def _textbook_fit(
        self,
        X: Array,
        y: Array,
        codes: tuple[float, float],
        orders: Iterator[NDArray[np.intp]],
    ) -> tuple[Array, np.floating[Any]]:
        """The perceptron rule, one example at a time: predict, compare, correct all weights.

        Every step is kept in ``history_``; ``y`` holds the labels coded as ``codes``.
        """
        low, high = codes
        w = np.zeros(X.shape[1], dtype=X.dtype)
        b = X.dtype.type(0)
        history = self.history_
        assert history is not None
        labels = y.tolist()
        for epoch, order in enumerate(orders, start=1):
            mistakes, start, before = 0, len(history), (w.copy(), b)
            for i in order.tolist():
                x = X[i]
                with np.errstate(over="ignore", invalid="ignore"):  # checked after the epoch
                    z, update = _predict_and_compare(w, b, x, labels[i], self.eta, low, high)
                    w += update * x  # a right prediction has update 0: nothing changes
                    b += update
                mistakes += update != 0.0
                history.append(
                    PerceptronStep(
                        x=x.copy(),
                        target=self.classes_[int(labels[i] == high)].item(),
                        net_input=z,
                        prediction=self.classes_[int(z >= 0)].item(),
                        update=update,
                        weights=w.copy(),
                        bias=float(b),
                        epoch=epoch,
                        index=i,
                    )
                )
            if not (np.all(np.isfinite(w)) and np.isfinite(b)):
                del history[start:]
                self._diverged(epoch, epoch - 1)
                return before
            self.errors_.append(mistakes)
            if mistakes == 0:  # nothing changed in a whole pass, so nothing will
                break
        return w, b

    def _skip_ahead_fit(
        self,
        X: Array,
        y: Array,
        codes: tuple[float, float],
        orders: Iterator[NDArray[np.intp]],
    ) -> tuple[Array, np.floating[Any]]:
        """The same rule and the same steps as ``_textbook_fit``, vectorised (no record)."""
        low, high = codes
        n, d = X.shape
        # The bias is the weight of a constant input x0 = 1, so one product gives z.
        xa = np.empty((n, d + 1), dtype=X.dtype)
        xa[:, :d] = X
        xa[:, d] = 1
        wa = np.zeros(d + 1, dtype=X.dtype)
        positive = y == high
        # On a mistake y - y_hat is (high - low) for a positive example, (low - high) otherwise.
        updates = np.where(positive, self.eta * (high - low), self.eta * (low - high))
        updates = updates.astype(X.dtype)
        for epoch, order in enumerate(orders, start=1):
            before = wa.copy()
            with np.errstate(over="ignore", invalid="ignore"):  # checked after the epoch
                if self.shuffle:
                    mistakes = skip_ahead_epoch(xa[order], positive[order], updates[order], wa)
                else:  # no copies: the rows are already in presentation order
                    mistakes = skip_ahead_epoch(xa, positive, updates, wa)
            if not np.all(np.isfinite(wa)):
                self._diverged(epoch, epoch - 1)
                wa = before
                break
            self.errors_.append(mistakes)
            if mistakes == 0:
                # Nothing changed in a whole pass, so nothing will: the remaining epochs would
                # present the same (or reordered) examples to the same weights.
                break
        return wa[:d].copy(), wa[d]


class Adaline(BinaryLinearModel):
    """Adaline (ADAptive LInear NEuron), trained by the delta rule (Widrow–Hoff).

    Learning uses the linear activation $\\phi(z) = z$ and minimises the squared-error cost

    $$J(\\mathbf{w}, b) = \\tfrac12 \\sum_i \\bigl(y_i - z_i\\bigr)^2, \\qquad
    z_i = \\mathbf{x}_i\\mathbf{w} + b,$$

    which is convex, with labels coded as $y_i \\in \\{-1, 1\\}$ (the smaller label is -1).
    Prediction applies a threshold: $z \\ge 0$ gives the second class.

    - ``method="batch"``: one exact gradient step per epoch,
      $\\mathbf{w} \\mathrel{+}= \\eta\\,X^\\top(\\mathbf{y} - \\mathbf{z})$ and
      $b \\mathrel{+}= \\eta \\sum_i (y_i - z_i)$. With a small enough $\\eta$ this converges to
      the least-squares solution; with too large an $\\eta$ the cost grows every epoch.
    - ``method="sgd"``: stochastic gradient descent, one step per example,
      $\\mathbf{w} \\mathrel{+}= \\eta\\,(y_i - z_i)\\,\\mathbf{x}_i$, in a new random order each
      epoch when ``shuffle`` is set.

    ``cost_`` has the same meaning for both methods: $J$ on the whole training set with the
    weights at the end of each epoch. If training diverges (a far too large $\\eta$: the cost
    grows to a thousand times the lowest it reached, or overflows), fitting stops with a
    [`DivergenceWarning`][nnref.DivergenceWarning] naming $\\eta$ and keeps the weights of the
    last epoch whose cost was finite. Batch descent also stops at a fixed point, an epoch
    that leaves the weights exactly as they were (so would every later one). ``cost_`` then
    holds the epochs that ran, fewer than ``epochs``.

    Args:
        eta: Learning rate $\\eta > 0$.
        epochs: The largest number of passes over the training data.
        method: ``"batch"`` (gradient descent) or ``"sgd"`` (stochastic gradient descent).
        shuffle: With ``"sgd"``, present the examples in a new random order every epoch. The
            batch gradient does not depend on the order, so ``"batch"`` never shuffles.
        rng: Random generator or int seed for the shuffling.

    Attributes:
        weights_: The learned weights, shape ``(n_features,)``.
        bias_: The learned bias.
        cost_: $J$ after each epoch that ran, a list of floats.
        classes_: The two labels, sorted; ``classes_[1]`` is coded +1.

    Examples:
        >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
        >>> a = Adaline(eta=0.05, epochs=500).fit(X, [0, 0, 1, 1])
        >>> a.weights_.round(4), round(a.bias_, 4)  # the least-squares line
        (array([0.8]), -1.2)
        >>> a.predict([[0.5], [2.5]])
        array([0, 1])
    """

    cost_: list[float]

    def __init__(
        self,
        eta: float = 0.01,
        epochs: int = 50,
        method: str = "batch",
        shuffle: bool = True,
        rng: np.random.Generator | int | None = None,
    ) -> None:
        self.eta = check_positive(eta, "eta")
        self.epochs = check_positive_int(epochs, "epochs")
        self.method = check_choice(method, "method", ("batch", "sgd"))
        self.shuffle = check_bool(shuffle, "shuffle")
        check_rng(rng)
        self.rng = rng

    def activation(self, z: ArrayLike) -> Array:
        """Adaline's activation while learning: the identity, $\\phi(z) = z$.

        Examples:
            >>> Adaline().activation([-0.5, 2.0])
            array([-0.5,  2. ])
        """
        return act.identity(as_float_array(z, "z"))

    def fit(self, X: ArrayLike, y: ArrayLike) -> Self:
        """Learn the weights by gradient descent on the squared error.

        Args:
            X: Training samples, shape ``(n_samples, n_features)``.
            y: Their labels, shape ``(n_samples,)``, exactly two distinct values.

        Returns:
            The fitted model itself.
        """
        data = as_sample_matrix(X)
        classes, targets, _ = self._targets(y, data, zero_one=False)
        self.classes_ = classes
        if self.method == "batch":
            # Each epoch is cheap, so the costs are measured for many epochs in one pass.
            steps = _batch_epochs(data, targets, self.eta)
            per_pass = max(1, min(self.epochs, COST_BLOCK // data.shape[0], 1024))
        else:
            steps = _sgd_epochs(data, targets, self.eta, self.shuffle, check_rng(self.rng))
            per_pass = 1
        w, b = np.zeros(data.shape[1], dtype=data.dtype), data.dtype.type(0)
        self.cost_ = []
        watch = DivergenceWatch()
        # A diverging run overflows; the watch reports that once, clearly, as a
        # DivergenceWarning, instead of a NumPy warning from a matrix product.
        with np.errstate(over="ignore", invalid="ignore"):
            while len(self.cost_) < self.epochs:
                block = list(islice(steps, min(per_pass, self.epochs - len(self.cost_))))
                W = np.stack([wk for wk, _ in block])
                B = np.array([bk for _, bk in block], dtype=data.dtype)
                costs = costs_of(data, targets, W, B)
                for k, cost in enumerate(costs.tolist()):
                    epoch = len(self.cost_) + 1
                    what = watch.check(cost)
                    if what is not None:
                        if np.isfinite(cost):  # grown, but still a number: keep this epoch
                            self.cost_.append(cost)
                            w, b = W[k], B[k]
                        self.weights_, self.bias_ = w.copy(), float(b)
                        warn_divergence(
                            "Adaline",
                            epoch,
                            self.epochs,
                            f"the cost {what}",
                            f"eta={self.eta!r}",
                            f"the weights of epoch {len(self.cost_)}",
                        )
                        return self
                    fixed = self.method == "batch" and np.array_equal(W[k], w) and B[k] == b
                    self.cost_.append(cost)
                    w, b = W[k], B[k]
                    if fixed:  # an epoch that changed nothing: every later one is the same
                        self.weights_, self.bias_ = w.copy(), float(b)
                        return self
        self.weights_ = w.copy()
        self.bias_ = float(b)
        return self


def _batch_epochs(X: Array, t: Array, eta: float) -> Iterator[tuple[Array, np.floating[Any]]]:
    """Gradient descent on $J$ from $w = 0$, $b = 0$: the weights after each epoch.

    The gradient $-X^\\top(\\mathbf{t} - X\\mathbf{w} - b)$ is computed as
    $-(X^\\top\\mathbf{t} - X^\\top X\\,\\mathbf{w} - b\\,X^\\top\\mathbf{1})$: the sums over the
    samples do not change between epochs, so one epoch costs $O(d^2)$ instead of two passes
    over the data.
    """
    n = X.shape[0]
    gram, xt, col_sums, t_sum = X.T @ X, X.T @ t, X.sum(axis=0), t.sum()
    w, b = np.zeros(X.shape[1], dtype=X.dtype), X.dtype.type(0)
    while True:
        residual_sum = t_sum - col_sums @ w - n * b  # sum_i (t_i - z_i)
        w = w + eta * (xt - gram @ w - col_sums * b)  # w + eta X^T (t - z)
        b = b + eta * residual_sum
        yield w, b


def _sgd_epochs(
    X: Array, t: Array, eta: float, shuffle: bool, rng: np.random.Generator
) -> Iterator[tuple[Array, np.floating[Any]]]:
    """The delta rule one example at a time; the weights after each epoch."""
    w, b = np.zeros(X.shape[1], dtype=X.dtype), X.dtype.type(0)
    while True:
        order = rng.permutation(X.shape[0]) if shuffle else slice(None)
        for x, target in zip(X[order], t[order].tolist(), strict=True):
            step = eta * (target - (x @ w + b))
            w += step * x
            b += step
        yield w.copy(), b


# --------------------------------------------------------------------------------------------
# Several classes from binary models
# --------------------------------------------------------------------------------------------


class OneVsRest(Estimator):
    """One-vs-rest (one-vs-all): a multi-class classifier made of binary linear models.

    For each of the $K$ classes an unfitted copy of ``estimator`` learns "this class" (+1)
    against "all the others" (-1). A sample goes to the class whose model gives the largest
    net input:

    $$\\hat y = \\operatorname*{arg\\,max}_k \\; \\mathbf{w}_k^\\top \\mathbf{x} + b_k$$

    Args:
        estimator: An unfitted binary model with ``get_params``, ``fit`` and ``net_input``,
            such as [`Perceptron`][nnref.linear.Perceptron] or
            [`Adaline`][nnref.linear.Adaline]. It is copied, never fitted itself.

    Attributes:
        estimators_: The fitted binary models, one per class, in the order of ``classes_``.
        classes_: The labels, sorted.

    Examples:
        >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [4.0, 0.0], [4.0, 1.0], [0.0, 5.0], [1.0, 5.0]])
        >>> y = ["a", "a", "b", "b", "c", "c"]
        >>> ovr = OneVsRest(Perceptron(epochs=20)).fit(X, y)
        >>> len(ovr.estimators_)
        3
        >>> ovr.predict([[0.2, 0.5], [3.8, 0.5], [0.5, 4.8]]).tolist()
        ['a', 'b', 'c']
    """

    estimators_: list[Any]
    classes_: NDArray[Any]

    def __init__(self, estimator: Any) -> None:
        for method in ("get_params", "fit", "net_input"):
            if isinstance(estimator, type) or not callable(getattr(estimator, method, None)):
                raise error(
                    "estimator",
                    "a binary model with get_params(), fit() and net_input() methods",
                    estimator,
                    TypeError,
                )
        self.estimator = estimator

    def fit(self, X: ArrayLike, y: ArrayLike) -> Self:
        """Fit one binary copy of the estimator per class.

        Args:
            X: Training samples, shape ``(n_samples, n_features)``.
            y: Their labels, shape ``(n_samples,)``, at least two distinct values.

        Returns:
            The fitted model itself.
        """
        data = as_sample_matrix(X)
        labels = as_label_array(y, data.shape[0])
        classes = np.unique(labels)
        if classes.size < 2:
            raise ValueError(
                f"y must hold at least two classes, got {classes.size} class: {classes.tolist()!r}"
            )
        self.estimators_ = [
            clone(self.estimator).fit(data, np.where(labels == c, 1, -1)) for c in classes
        ]
        self.classes_ = classes
        return self

    def net_input(self, X: ArrayLike) -> Array:
        """Every binary model's net input for every sample.

        Args:
            X: Samples, shape ``(n_samples, n_features)``.

        Returns:
            Shape ``(n_samples, n_classes)``; column ``k`` belongs to ``classes_[k]``.
        """
        check_fitted(self, "estimators_")
        data = as_sample_matrix(X)
        return np.stack([e.net_input(data) for e in self.estimators_], axis=1)

    def predict(self, X: ArrayLike) -> NDArray[Any]:
        """The class whose binary model gives the largest net input (the first one on a tie).

        Args:
            X: Samples, shape ``(n_samples, n_features)``.

        Returns:
            Shape ``(n_samples,)``, in the labels the model was fitted on.
        """
        winner = np.argmax(self.net_input(X), axis=1)
        labels: NDArray[Any] = self.classes_[winner]
        return labels
