"""Tests for nnref.metrics: accuracy, the confusion matrix and its four counts."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnref.metrics import ConfusionCounts, accuracy, confusion_counts, confusion_matrix

# A three-class example counted by hand.
#   i:       0  1  2  3  4  5  6  7  8  9
Y_TRUE = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2]
Y_PRED = [0, 1, 0, 1, 1, 2, 1, 2, 0, 2]
# true 0: predicted 0, 1, 0       -> row [2, 1, 0]
# true 1: predicted 1, 1, 2, 1    -> row [0, 3, 1]
# true 2: predicted 2, 0, 2       -> row [1, 0, 2]
HAND_MATRIX = [[2, 1, 0], [0, 3, 1], [1, 0, 2]]


def test_accuracy_by_hand():
    assert accuracy(Y_TRUE, Y_PRED) == 0.7  # 2 + 3 + 2 right out of 10
    assert accuracy(["a", "b"], ["a", "b"]) == 1.0
    assert isinstance(accuracy([1], [0]), float)


def test_confusion_matrix_by_hand():
    C = confusion_matrix(Y_TRUE, Y_PRED)
    np.testing.assert_array_equal(C, HAND_MATRIX)
    assert C.dtype == np.int64
    assert C.sum() == len(Y_TRUE)
    assert np.trace(C) / C.sum() == accuracy(Y_TRUE, Y_PRED)


def test_confusion_matrix_label_order_and_subset():
    C = confusion_matrix(Y_TRUE, Y_PRED, labels=[2, 0, 1])
    np.testing.assert_array_equal(C, [[2, 1, 0], [0, 2, 1], [1, 0, 3]])
    # Only classes 0 and 1: samples with a 2 on either side are left out.
    np.testing.assert_array_equal(confusion_matrix(Y_TRUE, Y_PRED, labels=[0, 1]), [[2, 1], [0, 3]])
    # A label that never occurs gets an empty row and column.
    np.testing.assert_array_equal(confusion_matrix([0, 0], [0, 0], labels=[0, 5]), [[2, 0], [0, 0]])


def test_confusion_matrix_labels_from_both_arrays():
    C = confusion_matrix(["cat", "cat"], ["cat", "dog"])
    np.testing.assert_array_equal(C, [[1, 1], [0, 0]])


def test_confusion_counts_by_hand():
    # positive = 1:   i: 0  1  2  3  4
    y_true = [1, 1, 0, 0, 1]  # TP at 0 and 4, FN at 1, FP at 3, TN at 2
    y_pred = [1, 0, 0, 1, 1]
    counts = confusion_counts(y_true, y_pred)
    assert counts == ConfusionCounts(tp=2, fp=1, fn=1, tn=1)
    assert counts.tp == 2 and counts._fields == ("tp", "fp", "fn", "tn")
    # with the other class as positive, the roles swap
    assert confusion_counts(y_true, y_pred, positive=0) == ConfusionCounts(1, 1, 1, 2)


def test_confusion_counts_agree_with_the_binary_matrix():
    y_true = [-1, 1, 1, -1, -1, 1]
    y_pred = [1, 1, -1, -1, -1, 1]
    (tn, fp), (fn, tp) = confusion_matrix(y_true, y_pred, labels=[-1, 1])
    assert confusion_counts(y_true, y_pred, positive=1) == (tp, fp, fn, tn)


def test_confusion_counts_every_other_label_is_negative():
    counts = confusion_counts(Y_TRUE, Y_PRED, positive=2)
    # true 2 at 7, 8, 9 -> predicted 2, 0, 2; predicted 2 also at 5 (true 1)
    assert counts == ConfusionCounts(tp=2, fp=1, fn=1, tn=6)


@pytest.mark.parametrize("fn", [accuracy, confusion_matrix, confusion_counts])
def test_mismatched_lengths(fn):
    with pytest.raises(
        ValueError,
        match=r"y_pred must have one label per sample \(3\), got an array of shape \(2,\)",
    ):
        fn([1, 0, 1], [1, 0])


@pytest.mark.parametrize("fn", [accuracy, confusion_matrix, confusion_counts])
def test_empty_and_badly_shaped_input(fn):
    with pytest.raises(ValueError, match="y_true must be a non-empty 1-D array of labels"):
        fn([], [])
    with pytest.raises(
        ValueError, match=r"y_true must be a 1-D array of labels, got an array of shape \(1, 2\)"
    ):
        fn([[0, 1]], [0, 1])


def test_bad_labels_and_positive():
    with pytest.raises(ValueError, match="labels must be a non-empty 1-D array of distinct labels"):
        confusion_matrix([0, 1], [1, 0], labels=[0, 0])
    with pytest.raises(ValueError, match="labels must be a non-empty 1-D array of distinct labels"):
        confusion_matrix([0, 1], [1, 0], labels=[])
    with pytest.raises(
        ValueError, match=r"positive must be one of the labels present \[0, 1\], got 2"
    ):
        confusion_counts([0, 1], [1, 0], positive=2)


@settings(deadline=None)  # a shared, slow machine: runtimes vary
@given(
    st.integers(1, 60).flatmap(
        lambda n: st.tuples(
            st.lists(st.integers(0, 3), min_size=n, max_size=n),
            st.lists(st.integers(0, 3), min_size=n, max_size=n),
        )
    )
)
def test_matrix_properties(pair):
    y_true, y_pred = map(np.array, pair)
    labels = np.unique(np.concatenate([y_true, y_pred]))
    C = confusion_matrix(y_true, y_pred)
    assert C.shape == (len(labels), len(labels))
    assert C.sum() == len(y_true)
    np.testing.assert_array_equal(C.sum(axis=1), [np.sum(y_true == c) for c in labels])
    np.testing.assert_array_equal(C.sum(axis=0), [np.sum(y_pred == c) for c in labels])
    assert np.trace(C) / len(y_true) == pytest.approx(accuracy(y_true, y_pred))
    for k, c in enumerate(labels):
        tp, fp, fn, tn = confusion_counts(y_true, y_pred, positive=c)
        assert tp == C[k, k]
        assert fp == C[:, k].sum() - C[k, k]
        assert fn == C[k, :].sum() - C[k, k]
        assert tp + fp + fn + tn == len(y_true)


@pytest.mark.parametrize("func", [accuracy, confusion_matrix])
def test_numbers_and_strings_are_not_compared(func: object) -> None:
    with pytest.raises(TypeError, match=r"y_pred must hold labels of the same kind as y_true"):
        func([0, 1], ["0", "1"])  # type: ignore[operator]
