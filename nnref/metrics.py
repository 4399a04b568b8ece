"""How good are the predictions? Accuracy, the confusion matrix and its four counts.

For a binary problem with one class called *positive*, every prediction falls in one of four
cells: a **true positive** (positive, predicted positive), a **false positive** (negative,
predicted positive), a **false negative** (positive, predicted negative) or a **true
negative**. The confusion matrix generalises the table to any number of classes: rows are the
true classes, columns the predicted ones (as in scikit-learn), so the diagonal holds the
right answers.

Examples:
    >>> from nnref.metrics import accuracy, confusion_counts
    >>> y_true, y_pred = [1, 1, 0, 0, 1], [1, 0, 0, 1, 1]
    >>> accuracy(y_true, y_pred)
    0.6
    >>> confusion_counts(y_true, y_pred)
    ConfusionCounts(tp=2, fp=1, fn=1, tn=1)
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnref._validation import as_label_array, error

__all__ = ["ConfusionCounts", "accuracy", "confusion_counts", "confusion_matrix"]


def _pair(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[NDArray[Any], NDArray[Any]]:
    """Both label arrays, 1-D, of one length, non-empty."""
    truth = as_label_array(y_true, name="y_true")
    if truth.shape[0] == 0:
        raise error("y_true", "a non-empty 1-D array of labels", truth)
    pred = as_label_array(y_pred, truth.shape[0], name="y_pred")
    if _is_text(truth) != _is_text(pred):  # 0 never equals "0": every answer would be wrong
        raise TypeError(
            "y_pred must hold labels of the same kind as y_true (both numbers or both strings), "
            f"got {truth.dtype.name} and {pred.dtype.name} labels"
        )
    return truth, pred


def _is_text(labels: NDArray[Any]) -> bool:
    return labels.dtype.kind in "USO"


def accuracy(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """The fraction of right predictions.

    $$\\text{accuracy} = \\frac{1}{n} \\sum_{i=1}^{n} [\\hat y_i = y_i]$$

    Args:
        y_true: The true labels, shape ``(n_samples,)``.
        y_pred: The predicted labels, shape ``(n_samples,)``.

    Returns:
        A float in [0, 1].

    Examples:
        >>> accuracy([0, 1, 1, 0], [0, 1, 0, 0])
        0.75
    """
    truth, pred = _pair(y_true, y_pred)
    return float(np.mean(truth == pred))


def _positions(values: NDArray[Any], labels: NDArray[Any]) -> NDArray[np.intp]:
    """The index of every value in ``labels``, -1 for values that are not among them."""
    order = np.argsort(labels, kind="stable")
    ranked = labels[order]
    where = np.clip(np.searchsorted(ranked, values), 0, ranked.shape[0] - 1)
    return np.where(ranked[where] == values, order[where], -1)


def confusion_matrix(
    y_true: ArrayLike, y_pred: ArrayLike, labels: ArrayLike | None = None
) -> NDArray[np.int64]:
    """Count every (true class, predicted class) pair.

    $$C_{jk} = \\#\\{\\, i : y_i = c_j,\\ \\hat y_i = c_k \\,\\}$$

    Row $j$ is the true class $c_j$, column $k$ the predicted class $c_k$, so the diagonal
    counts the right predictions and each row sums to the number of samples of its class.

    Args:
        y_true: The true labels, shape ``(n_samples,)``.
        y_pred: The predicted labels, shape ``(n_samples,)``.
        labels: The classes $c_1, c_2, \\dots$ in the order of the rows and columns; samples
            whose true or predicted label is not among them are left out. Default: every label
            that occurs in either array, sorted.

    Returns:
        Integer counts, shape ``(n_classes, n_classes)``.

    Examples:
        >>> confusion_matrix(["cat", "dog", "dog", "cat"], ["cat", "dog", "cat", "cat"])
        array([[2, 0],
               [1, 1]])
    """
    truth, pred = _pair(y_true, y_pred)
    if labels is None:
        classes = np.unique(np.concatenate([truth, pred]))
    else:
        classes = as_label_array(labels, name="labels")
        if classes.shape[0] == 0 or np.unique(classes).shape[0] != classes.shape[0]:
            raise error("labels", "a non-empty 1-D array of distinct labels", labels)
    k = classes.shape[0]
    rows, cols = _positions(truth, classes), _positions(pred, classes)
    kept = (rows >= 0) & (cols >= 0)
    counts = np.bincount(rows[kept] * k + cols[kept], minlength=k * k)
    return counts.reshape(k, k).astype(np.int64)


class ConfusionCounts(NamedTuple):
    """The four cells of a binary confusion table.

    Attributes:
        tp: True positives: positive and predicted positive.
        fp: False positives: negative but predicted positive.
        fn: False negatives: positive but predicted negative.
        tn: True negatives: negative and predicted negative.

    Examples:
        >>> counts = ConfusionCounts(tp=8, fp=2, fn=1, tn=9)
        >>> counts.tp / (counts.tp + counts.fp)  # the precision
        0.8
    """

    tp: int
    fp: int
    fn: int
    tn: int


def confusion_counts(y_true: ArrayLike, y_pred: ArrayLike, positive: Any = 1) -> ConfusionCounts:
    """True and false positives and negatives, for one class called positive.

    $$\\text{TP} = \\#\\{y = \\hat y = +\\}, \\quad \\text{FP} = \\#\\{y \\ne +,\\ \\hat y = +\\},
    \\quad \\text{FN} = \\#\\{y = +,\\ \\hat y \\ne +\\}, \\quad
    \\text{TN} = \\#\\{y \\ne +,\\ \\hat y \\ne +\\}$$

    Every label other than ``positive`` counts as negative.

    Args:
        y_true: The true labels, shape ``(n_samples,)``.
        y_pred: The predicted labels, shape ``(n_samples,)``.
        positive: The label of the positive class; it must occur in ``y_true`` or ``y_pred``.

    Returns:
        A [`ConfusionCounts`][nnref.metrics.ConfusionCounts] ``(tp, fp, fn, tn)``.

    Examples:
        >>> confusion_counts([-1, 1, 1, -1], [1, 1, -1, -1], positive=1)
        ConfusionCounts(tp=1, fp=1, fn=1, tn=1)
    """
    truth, pred = _pair(y_true, y_pred)
    if np.ndim(positive) != 0 or isinstance(positive, list | tuple | dict | set):
        raise error("positive", "one label (a number or a string)", positive, TypeError)
    is_true, is_pred = truth == positive, pred == positive
    if not (np.any(is_true) or np.any(is_pred)):
        present = np.unique(np.concatenate([truth, pred])).tolist()
        raise error("positive", f"one of the labels present {present!r}", positive)
    return ConfusionCounts(
        tp=int(np.count_nonzero(is_true & is_pred)),
        fp=int(np.count_nonzero(~is_true & is_pred)),
        fn=int(np.count_nonzero(is_true & ~is_pred)),
        tn=int(np.count_nonzero(~is_true & ~is_pred)),
    )
