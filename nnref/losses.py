"""Loss (error) functions: how far the predictions are from the targets, and in which direction.

Training minimises a loss $L(\\hat y, y)$ of the network's output $\\hat y$ and the target
$y$; backpropagation starts from its gradient $\\partial L / \\partial \\hat y$. Every loss
here is a [`Loss`][nnref.losses.Loss] object: ``loss(y_pred, y_true)`` returns the value as a
float, ``loss.gradient(y_pred, y_true)`` the gradient **of that float** with respect to
``y_pred`` (so a mean carries its $1/n$), and its metadata says which output activation goes
with it.

- ``squared_error``: $\\tfrac12 \\sum_i (\\hat y_i - y_i)^2$, summed (Adaline's cost);
  identity output.
- ``mse``: $\\tfrac1n \\sum_i (\\hat y_i - y_i)^2$, the mean over all $n$ elements; identity
  output.
- ``binary_cross_entropy``: $-\\tfrac1n \\sum_i [y_i \\ln p_i + (1-y_i) \\ln(1-p_i)]$ on
  probabilities, the mean over all elements; sigmoid output.
- ``binary_cross_entropy_with_logits``: the same with $p = \\sigma(z)$ computed inside from
  the logits $z$; identity output.
- ``cross_entropy``: $-\\tfrac1N \\sum_n \\ln \\operatorname{softmax}(z_n)_{y_n}$ on logits,
  the mean over the $N$ samples; identity output (softmax is inside).

Reductions follow PyTorch's defaults (``mse_loss``, ``binary_cross_entropy``,
``binary_cross_entropy_with_logits``, ``cross_entropy``).

Examples:
    >>> from nnref import losses
    >>> losses.mse([[1.0], [2.0]], [[0.0], [0.0]])
    2.5
    >>> losses.mse.gradient([[1.0], [2.0]], [[0.0], [0.0]])
    array([[1.],
           [2.]])
    >>> round(losses.cross_entropy([[2.0, 0.0, 0.0]], [0]), 6)  # -ln(e^2 / (e^2 + 2))
    0.239545
"""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnref._registry import Registry
from nnref._typing import Array
from nnref._validation import as_float_array, check_finite, describe, error
from nnref.activations import _stable

__all__ = [
    "Loss",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "catalog",
    "cross_entropy",
    "get",
    "mse",
    "squared_error",
]

Shape = tuple[int, ...]

# PyTorch's binary cross-entropy clamps each log at -100 and the gradient's denominator at 1e-12.
_LOG_FLOOR = -100.0
_GRAD_EPS = 1e-12


class Loss:
    """A loss function with its gradient and the facts a glossary page states about it.

    Call it for the value, $L(\\hat y, y)$, a float; [`gradient`][nnref.losses.Loss.gradient]
    gives $\\partial L / \\partial \\hat y$ with the shape of ``y_pred``.

    Attributes:
        key: Lookup id (``"mse"``).
        name: Display name.
        formula: LaTeX of $L$.
        gradient_formula: LaTeX of $\\partial L / \\partial \\hat y$.
        reduction: ``"sum"``, ``"mean"`` (over all elements) or ``"mean over samples"``.
        output_activation: Key of the activation the network's last layer should have
            (``"identity"`` for losses that take logits).
        pairing: One sentence on the output layer that goes with this loss.
        classification: True for the classification losses (they also give an accuracy).
        torch_name: The PyTorch equivalent.
        summary: One line in our own words.
        aliases: Other names accepted by [`get`][nnref.losses.get].

    Examples:
        >>> from nnref.losses import binary_cross_entropy as bce
        >>> bce.output_activation, bce.classification, bce.reduction
        ('sigmoid', True, 'mean')
        >>> round(bce([0.9, 0.2], [1.0, 0.0]), 4)
        0.1643
    """

    key: ClassVar[str] = ""
    name: ClassVar[str] = ""
    formula: ClassVar[str] = ""
    gradient_formula: ClassVar[str] = ""
    reduction: ClassVar[str] = "mean"
    output_activation: ClassVar[str] = "identity"
    pairing: ClassVar[str] = ""
    classification: ClassVar[bool] = False
    torch_name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    aliases: ClassVar[tuple[str, ...]] = ()

    # --- public API --------------------------------------------------------------------------

    def __call__(self, y_pred: ArrayLike, y_true: ArrayLike) -> float:
        """The loss value $L(\\hat y, y)$ as a float.

        A value beyond the largest float (predictions near $10^{308}$ far from their
        targets) is ``inf``, without a warning; it is never NaN for finite input.

        Args:
            y_pred: The network's output (see the loss for its shape and meaning).
            y_true: The targets.
        """
        p = self.check_predictions(y_pred)
        t = self.check_targets(y_true, p.shape, p.dtype)
        with np.errstate(over="ignore"):  # inf only where the true value passes the range
            return self._value(p, t)

    def gradient(self, y_pred: ArrayLike, y_true: ArrayLike) -> Array:
        """$\\partial L / \\partial \\hat y$, the gradient of the value, shaped like ``y_pred``.

        Entries beyond the largest float are ``inf`` (as for the value)."""
        p = self.check_predictions(y_pred)
        t = self.check_targets(y_true, p.shape, p.dtype)
        with np.errstate(over="ignore"):
            return self._gradient(p, t)

    def value_and_gradient(self, y_pred: ArrayLike, y_true: ArrayLike) -> tuple[float, Array]:
        """Both at once, sharing the work (what a training step needs)."""
        p = self.check_predictions(y_pred)
        t = self.check_targets(y_true, p.shape, p.dtype)
        with np.errstate(over="ignore"):
            return self._value_and_gradient(p, t)

    def classify(self, y_pred: ArrayLike) -> NDArray[np.int64]:
        """The class each output stands for (classification losses only).

        Cross-entropy: the index of the largest logit, shape ``(N,)``; the binary losses: 1
        where the probability is at least 0.5 (the logit at least 0), else 0, with a single
        output column returned as shape ``(N,)``.
        """
        self._need_classification("classify")
        return self._classify(self.check_predictions(y_pred))

    def accuracy(self, y_pred: ArrayLike, y_true: ArrayLike) -> float:
        """The fraction of right decisions (classification losses only).

        For the binary losses every output element counts as one decision; soft targets
        count as the class they are closer to.
        """
        self._need_classification("accuracy")
        p = self.check_predictions(y_pred)
        right, total = self._count_correct(p, self.check_targets(y_true, p.shape, p.dtype))
        return right / total

    def count_correct(self, y_pred: ArrayLike, y_true: ArrayLike) -> tuple[int, int]:
        """``(right, counted)``: the decisions that match the targets, and how many there are.

        What [`accuracy`][nnref.losses.Loss.accuracy] divides; a training loop sums both over
        its mini-batches (classification losses only).

        Examples:
            >>> from nnref.losses import cross_entropy
            >>> cross_entropy.count_correct([[2.0, 0.0], [0.0, 1.0], [3.0, 1.0]], [0, 1, 1])
            (2, 3)
        """
        self._need_classification("count_correct")
        p = self.check_predictions(y_pred)
        return self._count_correct(p, self.check_targets(y_true, p.shape, p.dtype))

    def __repr__(self) -> str:
        return f"<Loss {self.key}>"

    # --- what each loss provides -------------------------------------------------------------

    def check_predictions(self, y_pred: ArrayLike) -> Array:
        """``y_pred`` as a float array after the loss's checks (shape, finite, range).

        Raises:
            ValueError: naming ``y_pred`` and what this loss expects of it.
        """
        p = as_float_array(y_pred, "y_pred")
        if p.ndim == 0 or p.size == 0:
            raise error("y_pred", "a non-empty array with a batch axis", p)
        return check_finite(p, "y_pred")

    def check_targets(
        self, y_true: ArrayLike, shape: Shape, dtype: Any, name: str = "y_true"
    ) -> NDArray[Any]:
        """``y_true`` checked against predictions of ``shape`` and ``dtype``, in the form the
        loss computes with (errors name ``name``).

        Checking the targets once, before training, is what lets a training loop hand the
        same array back batch by batch: a checked array passes again unchanged.

        Examples:
            >>> from nnref.losses import mse
            >>> mse.check_targets([1, 2], (2, 1), np.float64)
            array([[1.],
                   [2.]])
        """
        return _same_shape(y_true, shape, dtype, name)

    def _value(self, p: Array, t: NDArray[Any]) -> float:
        raise NotImplementedError

    def _gradient(self, p: Array, t: NDArray[Any]) -> Array:
        raise NotImplementedError

    def _value_and_gradient(self, p: Array, t: NDArray[Any]) -> tuple[float, Array]:
        return self._value(p, t), self._gradient(p, t)

    def _classify(self, p: Array) -> NDArray[np.int64]:
        raise NotImplementedError

    def _count_correct(self, p: Array, t: NDArray[Any]) -> tuple[int, int]:
        raise NotImplementedError

    def _need_classification(self, what: str) -> None:
        if not self.classification:
            raise TypeError(
                f"{what} needs a classification loss (binary_cross_entropy, "
                f"binary_cross_entropy_with_logits or cross_entropy), got {self.key}"
            )


def _same_shape(y_true: ArrayLike, shape: Shape, dtype: Any, name: str) -> Array:
    """Targets with the predictions' shape; a 1-D array is accepted for a single column."""
    t = as_float_array(y_true, name)
    if t.shape != shape:
        if len(shape) == 2 and shape[1] == 1 and t.shape == (shape[0],):
            t = t.reshape(shape)
        else:
            raise ValueError(
                f"{name} must be an array of shape {shape} (the shape of the predictions; "
                f"shape ({shape[0]},) is accepted for a single output column), got {describe(t)}"
            )
    check_finite(t, name)
    out: Array = t.astype(dtype, copy=False)
    return out


def _probabilities(t: Array, name: str) -> Array:
    if t.size and (t.min() < 0 or t.max() > 1):
        raise ValueError(
            f"{name} must hold targets in [0, 1], got values from {float(t.min())!r} to "
            f"{float(t.max())!r}"
        )
    return t


# --- squared error ---------------------------------------------------------------------------


class _SquaredError(Loss):
    """Half the sum of squared errors: $L = \\tfrac12 \\sum_i (\\hat y_i - y_i)^2$.

    Adaline's cost (the Widrow–Hoff rule is gradient descent on it); the ½ cancels the 2 of
    the derivative, so $\\partial L / \\partial \\hat y_i = \\hat y_i - y_i$. Not averaged: the
    value and the gradient grow with the batch. Targets have the shape of ``y_pred`` (a 1-D
    ``y_true`` is accepted for a single output column).

    Examples:
        >>> squared_error([1.0, 2.0, 3.0], [1.0, 0.0, 0.0])
        6.5
        >>> squared_error.gradient([1.0, 2.0, 3.0], [1.0, 0.0, 0.0])
        array([0., 2., 3.])
    """

    key = "squared_error"
    name = "Squared error (½ sum of squares)"
    formula = r"L = \tfrac12 \sum_i (\hat y_i - y_i)^2"
    gradient_formula = r"\frac{\partial L}{\partial \hat y_i} = \hat y_i - y_i"
    reduction = "sum"
    pairing = "A linear (identity) output for regression; Adaline's cost."
    torch_name = "0.5 * torch.nn.functional.mse_loss(..., reduction='sum')"
    summary = "Half the sum of the squared differences between prediction and target."
    aliases = ("sse",)

    def _value(self, p: Array, t: NDArray[Any]) -> float:
        return self._value_and_gradient(p, t)[0]

    def _gradient(self, p: Array, t: NDArray[Any]) -> Array:
        out: Array = p - t
        return out

    def _value_and_gradient(self, p: Array, t: NDArray[Any]) -> tuple[float, Array]:
        d: Array = p - t
        value = 0.5 * float(np.vdot(d, d))
        if not np.isfinite(value) and np.all(np.isfinite(d)):  # the sum of squares overflowed
            value = 0.5 * d.size * _mean_square(d)
        return value, d


squared_error = _SquaredError()


class _MeanSquaredError(Loss):
    """Mean squared error over all elements: $L = \\tfrac1n \\sum_i (\\hat y_i - y_i)^2$.

    $n$ counts every element of ``y_pred`` (samples times outputs), as PyTorch's
    ``mse_loss``; $\\partial L / \\partial \\hat y_i = \\tfrac2n (\\hat y_i - y_i)$. Targets
    have the shape of ``y_pred`` (a 1-D ``y_true`` is accepted for a single output column).

    Examples:
        >>> mse([[1.0, 2.0]], [[0.0, 0.0]])
        2.5
        >>> mse.gradient([[1.0, 2.0]], [[0.0, 0.0]])
        array([[1., 2.]])
    """

    key = "mse"
    name = "Mean squared error (MSE)"
    formula = r"L = \frac1n \sum_{i=1}^{n} (\hat y_i - y_i)^2"
    gradient_formula = r"\frac{\partial L}{\partial \hat y_i} = \frac2n (\hat y_i - y_i)"
    pairing = "A linear (identity) output for regression."
    torch_name = "torch.nn.functional.mse_loss"
    summary = "The average squared difference between prediction and target."
    aliases = ("mean_squared_error", "mse_loss")

    def _value(self, p: Array, t: NDArray[Any]) -> float:
        return self._value_and_gradient(p, t)[0]

    def _gradient(self, p: Array, t: NDArray[Any]) -> Array:
        return self._value_and_gradient(p, t)[1]

    def _value_and_gradient(self, p: Array, t: NDArray[Any]) -> tuple[float, Array]:
        d: Array = p - t
        value = float(np.vdot(d, d)) / d.size
        if not np.isfinite(value):  # the sum overflowed: the mean of squares, scaled
            value = _mean_square(d)
        scale = 2.0 / d.size
        beyond = ~np.isfinite(d)
        d *= scale
        if np.any(beyond):  # p - t passed the range; (2/n) p - (2/n) t may not
            d[beyond] = (p * p.dtype.type(scale) - t * p.dtype.type(scale))[beyond]
        return value, d


mse = _MeanSquaredError()


# --- binary cross-entropy --------------------------------------------------------------------


def _mean_square(d: Array) -> float:
    """$\\frac1n \\sum d_i^2$ as $s^2 \\cdot \\frac1n \\sum (d_i/s)^2$ with $s = \\max |d_i|$:
    inf only where the mean itself passes the float range."""
    s = float(np.max(np.abs(d)))
    if not np.isfinite(s) or s == 0:
        return s * s
    scaled = d / s
    return s * s * (float(np.vdot(scaled, scaled)) / d.size)


def _mean(terms: Array) -> float:
    """The mean of ``terms``, also where their sum overflows but the mean does not."""
    mean = float(np.sum(terms)) / terms.size
    if not np.isfinite(mean) and np.all(np.isfinite(terms)):
        mean = float(np.sum(terms / terms.size))
    return mean


def _binary_correct(decided: NDArray[np.bool_], t: NDArray[Any]) -> tuple[int, int]:
    return int(np.count_nonzero(decided == (t >= 0.5))), int(t.size)


def _as_classes(decided: NDArray[np.bool_]) -> NDArray[np.int64]:
    labels = decided.astype(np.int64)
    return labels[:, 0] if labels.ndim == 2 and labels.shape[1] == 1 else labels


class _BinaryCrossEntropy(Loss):
    """Binary cross-entropy on probabilities, averaged over all elements.

    $$L = -\\frac1n \\sum_i \\bigl[y_i \\ln p_i + (1 - y_i) \\ln(1 - p_i)\\bigr]$$

    ``y_pred`` holds probabilities $p_i \\in [0, 1]$ (a sigmoid output) and ``y_true``
    targets in $[0, 1]$ of the same shape (a 1-D ``y_true`` is accepted for a single output
    column). As in PyTorch, each logarithm is clamped at $-100$ so that $p = 0$ or $1$ gives a
    large finite loss instead of infinity, and the gradient
    $\\partial L / \\partial p_i = \\frac1n \\frac{p_i - y_i}{p_i (1 - p_i)}$ has its
    denominator clamped at $10^{-12}$. On logits, use ``binary_cross_entropy_with_logits``,
    which is stable for every input.

    Examples:
        >>> round(binary_cross_entropy([0.9, 0.2], [1.0, 0.0]), 6)
        0.164252
        >>> binary_cross_entropy([1.0], [0.0])  # ln(0) clamped at -100
        100.0
        >>> binary_cross_entropy([1.5], [1.0])
        Traceback (most recent call last):
        ...
        ValueError: y_pred must hold probabilities in [0, 1] (use \
binary_cross_entropy_with_logits on logits), got values from 1.5 to 1.5
    """

    key = "binary_cross_entropy"
    name = "Binary cross-entropy"
    formula = r"L = -\frac1n \sum_{i=1}^{n} \bigl[y_i \ln p_i + (1 - y_i) \ln(1 - p_i)\bigr]"
    gradient_formula = (
        r"\frac{\partial L}{\partial p_i} = \frac1n \, \frac{p_i - y_i}{p_i (1 - p_i)}"
    )
    output_activation = "sigmoid"
    pairing = "A sigmoid output: one probability per binary decision."
    classification = True
    torch_name = "torch.nn.functional.binary_cross_entropy"
    summary = "The negative log-likelihood of binary targets under predicted probabilities."
    aliases = ("bce", "log_loss")

    def check_predictions(self, y_pred: ArrayLike) -> Array:
        p = super().check_predictions(y_pred)
        if p.min() < 0 or p.max() > 1:
            raise ValueError(
                "y_pred must hold probabilities in [0, 1] (use binary_cross_entropy_with_logits "
                f"on logits), got values from {float(p.min())!r} to {float(p.max())!r}"
            )
        return p

    def check_targets(
        self, y_true: ArrayLike, shape: Shape, dtype: Any, name: str = "y_true"
    ) -> NDArray[Any]:
        return _probabilities(_same_shape(y_true, shape, dtype, name), name)

    def _value(self, p: Array, t: NDArray[Any]) -> float:
        with np.errstate(divide="ignore"):
            log_p = np.maximum(np.log(p), _LOG_FLOOR)
            log_q = np.maximum(np.log1p(-p), _LOG_FLOOR)
        # Two separate sums: the shorter vdot(t, log_p - log_q) + sum(log_q) cancels
        # catastrophically when every prediction is confident and right.
        total = np.vdot(t, log_p) + np.vdot(1.0 - t, log_q)
        return -float(total) / p.size

    def _gradient(self, p: Array, t: NDArray[Any]) -> Array:
        denom = np.maximum(p * (1.0 - p), p.dtype.type(_GRAD_EPS))
        out: Array = p - t
        out /= denom
        out /= p.size
        return out

    def _classify(self, p: Array) -> NDArray[np.int64]:
        return _as_classes(p >= 0.5)

    def _count_correct(self, p: Array, t: NDArray[Any]) -> tuple[int, int]:
        return _binary_correct(p >= 0.5, t)


binary_cross_entropy = _BinaryCrossEntropy()


class _BinaryCrossEntropyWithLogits(Loss):
    """Binary cross-entropy on logits $z$ (sigmoid inside), averaged over all elements.

    $$L = \\frac1n \\sum_i \\bigl[\\operatorname{softplus}(z_i) - y_i z_i\\bigr],
    \\qquad \\frac{\\partial L}{\\partial z_i} = \\frac1n \\bigl(\\sigma(z_i) - y_i\\bigr)$$

    The same value as ``binary_cross_entropy(sigmoid(z), y)``, rewritten so that no
    probability is formed: $\\operatorname{softplus}(z) = \\max(z, 0) + \\ln(1 + e^{-|z|})$
    never overflows, and a confident wrong answer costs $|z|$ instead of a clamped 100.
    Targets in $[0, 1]$ with the shape of ``y_pred`` (1-D for a single output column).

    Examples:
        >>> binary_cross_entropy_with_logits([1000.0, -1000.0], [0.0, 1.0])
        1000.0
        >>> binary_cross_entropy_with_logits.gradient([0.0, 0.0], [1.0, 0.0])
        array([-0.25,  0.25])
    """

    key = "binary_cross_entropy_with_logits"
    name = "Binary cross-entropy with logits"
    formula = (
        r"L = \frac1n \sum_{i=1}^{n} \bigl[\ln(1 + e^{z_i}) - y_i z_i\bigr]"
        r" = -\frac1n \sum_i \bigl[y_i \ln \sigma(z_i) + (1 - y_i) \ln(1 - \sigma(z_i))\bigr]"
    )
    gradient_formula = r"\frac{\partial L}{\partial z_i} = \frac1n \bigl(\sigma(z_i) - y_i\bigr)"
    pairing = "A linear output (logits); the sigmoid is applied inside the loss."
    classification = True
    torch_name = "torch.nn.functional.binary_cross_entropy_with_logits"
    summary = "Binary cross-entropy computed from logits, stable for any input."
    aliases = ("bce_with_logits",)

    def check_targets(
        self, y_true: ArrayLike, shape: Shape, dtype: Any, name: str = "y_true"
    ) -> NDArray[Any]:
        return _probabilities(_same_shape(y_true, shape, dtype, name), name)

    def _value(self, z: Array, t: NDArray[Any]) -> float:
        # Elementwise max(z, 0) - t z + log(1 + e^-|z|): the first two terms are exactly 0
        # for a confident right answer, so tiny losses are not lost to cancellation.
        terms = np.maximum(z, 0.0) - t * z + _stable.softplus_tail(z)
        return _mean(terms)

    def _gradient(self, z: Array, t: NDArray[Any]) -> Array:
        out = _stable.sigmoid(z)
        out -= t
        out /= z.size
        return out

    def _classify(self, z: Array) -> NDArray[np.int64]:
        return _as_classes(z >= 0)

    def _count_correct(self, z: Array, t: NDArray[Any]) -> tuple[int, int]:
        return _binary_correct(z >= 0, t)


binary_cross_entropy_with_logits = _BinaryCrossEntropyWithLogits()


# --- categorical cross-entropy ---------------------------------------------------------------


class _CrossEntropy(Loss):
    """Categorical cross-entropy on logits (log-softmax inside), averaged over the samples.

    $$L = -\\frac1N \\sum_{n=1}^{N} \\sum_c y_{nc} \\ln \\operatorname{softmax}(z_n)_c,
    \\qquad \\frac{\\partial L}{\\partial z_{nc}} = \\frac1N \\bigl(s_{nc} \\textstyle\\sum_k
    y_{nk} - y_{nc}\\bigr)$$

    where $s = \\operatorname{softmax}(z)$; for one-hot targets the gradient is the famous
    $(s - y)/N$. ``y_pred`` holds logits of shape ``(N, C)`` (the last layer has no
    activation: softmax is applied inside). ``y_true`` is either the class indices, integers
    in $[0, C)$ of shape ``(N,)``, or one row per sample of shape ``(N, C)``: one-hot or
    class probabilities. Log-softmax is computed after subtracting each row's maximum, so
    logits of $\\pm 10^4$ give exact finite values.

    Examples:
        >>> z = [[2.0, 1.0, 0.1], [0.0, 5.0, 0.0]]
        >>> round(cross_entropy(z, [0, 1]), 6)
        0.215208
        >>> round(cross_entropy(z, [[1, 0, 0], [0, 1, 0]]), 6)  # one-hot, the same
        0.215208
        >>> cross_entropy([[1e4, -1e4]], [1])
        20000.0
        >>> cross_entropy(z, [0, 3])
        Traceback (most recent call last):
        ...
        ValueError: y_true must hold class indices in [0, 2] (one per row of 3 logits), got \
values from 0 to 3
    """

    key = "cross_entropy"
    name = "Cross-entropy (categorical)"
    formula = (
        r"L = -\frac1N \sum_{n=1}^{N} \sum_{c} y_{nc} \ln \frac{e^{z_{nc}}}{\sum_k e^{z_{nk}}}"
    )
    gradient_formula = (
        r"\frac{\partial L}{\partial z_{nc}} = \frac1N \bigl(\operatorname{softmax}(z_n)_c"
        r" - y_{nc}\bigr)"
    )
    reduction = "mean over samples"
    pairing = (
        "A linear output (logits); softmax is applied inside the loss, so the probabilities "
        "are softmax(output)."
    )
    classification = True
    torch_name = "torch.nn.functional.cross_entropy"
    summary = "The negative log-probability that softmax gives the right class."
    aliases = ("categorical_cross_entropy", "softmax_cross_entropy")

    def check_predictions(self, y_pred: ArrayLike) -> Array:
        p = as_float_array(y_pred, "y_pred")
        if p.ndim != 2 or p.size == 0:
            raise ValueError(
                f"y_pred must be a non-empty 2-D array of logits (n_samples, n_classes), got "
                f"{describe(p)}"
            )
        return check_finite(p, "y_pred")

    def check_targets(
        self, y_true: ArrayLike, shape: Shape, dtype: Any, name: str = "y_true"
    ) -> NDArray[Any]:
        n, c = shape
        t = np.asarray(y_true)
        if t.ndim == 2:
            if t.dtype.kind not in "biuf":
                rule = "an array of class indices or of class probabilities"
                raise error(name, rule, t, TypeError)
            t = _same_shape(t, shape, dtype, name)
            if t.min() < 0:
                raise ValueError(
                    f"{name} must hold non-negative class probabilities (one-hot rows), got a "
                    f"minimum of {float(t.min())!r}"
                )
            return t
        if t.ndim != 1 or t.shape[0] != n:
            raise ValueError(
                f"{name} must be class indices of shape ({n},) or one-hot rows of shape "
                f"{shape}, got {describe(t)}"
            )
        if t.dtype.kind == "f":
            check_finite(t, name)
            if not np.all(t == np.round(t)):
                raise error(name, "integer class indices", t)
        elif t.dtype.kind not in "iu":
            raise error(name, "integer class indices", t, TypeError)
        idx = t.astype(np.intp)
        lo, hi = int(idx.min()), int(idx.max())
        if lo < 0 or hi >= c:
            raise ValueError(
                f"{name} must hold class indices in [0, {c - 1}] (one per row of {c} logits), "
                f"got values from {lo} to {hi}"
            )
        return idx

    def _value(self, z: Array, t: NDArray[Any]) -> float:
        return self._value_and_gradient(z, t)[0]

    def _gradient(self, z: Array, t: NDArray[Any]) -> Array:
        return self._value_and_gradient(z, t)[1]

    def _value_and_gradient(self, z: Array, t: NDArray[Any]) -> tuple[float, Array]:
        n = z.shape[0]
        log_s, grad = _stable.log_softmax_and_softmax(z, axis=1)
        if t.ndim == 1:
            rows = np.arange(n)
            value = -_mean(log_s[rows, t])
            grad[rows, t] -= 1.0
        else:
            value = -float(np.vdot(t, log_s)) / n
            if not np.isfinite(value):  # 0 * -inf of a class without weight, or a big sum
                with np.errstate(invalid="ignore"):
                    weighted = np.where(t > 0, t * log_s, 0.0)
                value = -_mean(weighted.sum(axis=1))
            grad *= t.sum(axis=1, keepdims=True)
            grad -= t
        grad /= n
        return value, grad

    def _classify(self, z: Array) -> NDArray[np.int64]:
        labels: NDArray[np.int64] = np.argmax(z, axis=1).astype(np.int64)
        return labels

    def _count_correct(self, z: Array, t: NDArray[Any]) -> tuple[int, int]:
        truth = t if t.ndim == 1 else np.argmax(t, axis=1)
        return int(np.count_nonzero(np.argmax(z, axis=1) == truth)), int(z.shape[0])


cross_entropy = _CrossEntropy()


# --- the catalogue ---------------------------------------------------------------------------

_CATALOGUE: Registry[Loss] = Registry(
    "loss", "loss", "a Loss or a loss key such as 'mse'", lambda value: isinstance(value, Loss)
)
for _loss in (
    squared_error,
    mse,
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
):
    _CATALOGUE.add(_loss.key, _loss, _loss.aliases)


def get(key: str | Loss) -> Loss:
    """Look up a loss by its key or one of its aliases; a ``Loss`` is returned as is.

    Raises:
        ValueError: for an unknown key, naming it and listing the known keys and aliases
            (the same error as [`nnref.activations.get`][nnref.activations.get] and
            [`nnref.init.get`][nnref.init.get]).
        TypeError: for anything that is neither a string nor a ``Loss``.

    Examples:
        >>> get("mse") is mse, get("bce").key
        (True, 'binary_cross_entropy')
        >>> get("hinge")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: loss must be one of 'squared_error', 'mse', 'binary_cross_entropy', \
'binary_cross_entropy_with_logits', 'cross_entropy' (or 'sse', ...), got 'hinge'
    """
    return _CATALOGUE.get(key)


def catalog() -> list[Loss]:
    """All losses, in page order: the regression losses first, then the classification ones.

    Examples:
        >>> [(loss.key, loss.output_activation) for loss in catalog()][:2]
        [('squared_error', 'identity'), ('mse', 'identity')]
    """
    return _CATALOGUE.entries()
