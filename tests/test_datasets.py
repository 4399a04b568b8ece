"""Tests for nnref.datasets: generated data, splitting and standardising."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from nnref._validation import NotFittedError
from nnref.datasets import (
    GATE_NAMES,
    Standardizer,
    blobs,
    gate,
    moons,
    spirals,
    standardize,
    train_test_split,
)

# --------------------------------------------------------------------------------------------
# Boolean gates
# --------------------------------------------------------------------------------------------

TRUTH_TABLES = {  # output for (0,0), (0,1), (1,0), (1,1), written out from the definitions
    "and": [0, 0, 0, 1],
    "or": [0, 1, 1, 1],
    "nand": [1, 1, 1, 0],
    "nor": [1, 0, 0, 0],
    "xor": [0, 1, 1, 0],
    "xnor": [1, 0, 0, 1],
}


@pytest.mark.parametrize("name", sorted(TRUTH_TABLES))
def test_gate_truth_tables(name):
    X, y = gate(name)
    np.testing.assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    assert X.dtype == np.float64
    np.testing.assert_array_equal(y, TRUTH_TABLES[name])
    assert set(GATE_NAMES) == set(TRUTH_TABLES)


def test_gate_labels_and_case():
    X, y = gate("XOR", labels=(-1, 1))
    np.testing.assert_array_equal(y, [-1, 1, 1, -1])
    _, named = gate("And", labels=("false", "true"))
    assert named.tolist() == ["false", "false", "false", "true"]


def test_gate_bad_input():
    with pytest.raises(ValueError, match=r"name must be one of 'and', 'or'.*, got 'implies'"):
        gate("implies")
    with pytest.raises(ValueError, match="labels must be two different labels"):
        gate("and", labels=(1, 1))
    with pytest.raises(ValueError, match=r"labels must have one label per sample \(2\)"):
        gate("and", labels=(0, 1, 2))


# --------------------------------------------------------------------------------------------
# Point clouds
# --------------------------------------------------------------------------------------------


def test_blobs_counts_centres_and_spread(rng):
    centres = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]])
    X, y = blobs(3000, centers=centres, cluster_std=[0.5, 1.0, 2.0], rng=rng)
    assert X.shape == (3000, 2) and y.dtype == np.int64
    assert np.bincount(y).tolist() == [1000, 1000, 1000]
    for k, sigma in enumerate([0.5, 1.0, 2.0]):
        np.testing.assert_allclose(X[y == k].mean(axis=0), centres[k], atol=0.2)
        np.testing.assert_allclose(X[y == k].std(axis=0), sigma, rtol=0.1)
    # returned in random order, not class by class
    assert not np.all(np.diff(y) >= 0)


def test_blobs_uneven_split_and_random_centres():
    X, y = blobs(10, centers=3, n_features=4, rng=0)
    assert X.shape == (10, 4)
    assert np.bincount(y).tolist() == [4, 3, 3]
    X2, y2 = blobs(10, centers=3, n_features=4, rng=np.random.default_rng(0))
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)
    assert not np.array_equal(X, blobs(10, centers=3, n_features=4, rng=1)[0])
    assert np.all(np.abs(blobs(5, centers=1, cluster_std=0.0, rng=2)[0]) <= 10)


def test_blobs_bad_input():
    with pytest.raises(ValueError, match=r"cluster_std must be non-negative and finite"):
        blobs(10, cluster_std=-1.0)
    with pytest.raises(
        ValueError, match=r"cluster_std must be a number or one value per class \(3\)"
    ):
        blobs(10, centers=3, cluster_std=[1.0, 2.0])
    with pytest.raises(ValueError, match=r"centers must be a 2-D array"):
        blobs(10, centers=[1.0, 2.0])
    with pytest.raises(ValueError, match=r"n_features must be None or the centres' dimension 2"):
        blobs(10, centers=[[0.0, 0.0]], n_features=3)
    with pytest.raises(ValueError, match="n_samples must be a positive integer, got 0"):
        blobs(0)
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        blobs(10, rng=1.5)


def test_moons_without_noise_lie_on_their_half_circles():
    X, y = moons(101, rng=0)
    assert X.shape == (101, 2)
    assert np.bincount(y).tolist() == [50, 51]
    upper, lower = X[y == 0], X[y == 1]
    np.testing.assert_allclose(np.hypot(*upper.T), 1.0)
    assert np.all(upper[:, 1] >= -1e-12)
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1.0, lower[:, 1] - 0.5), 1.0)
    assert np.all(lower[:, 1] <= 0.5 + 1e-12)


def test_moons_noise_and_reproducibility():
    a, ya = moons(200, noise=0.1, rng=5)
    b, yb = moons(200, noise=0.1, rng=5)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(ya, yb)
    clean = moons(200, rng=5)[0]
    assert not np.allclose(np.sort(np.hypot(*a[ya == 0].T)), 1.0)
    assert clean.shape == a.shape
    with pytest.raises(ValueError, match="noise must be a non-negative real number, got -0.1"):
        moons(10, noise=-0.1)
    with pytest.raises(ValueError, match="n_samples must be at least 2"):
        moons(1)


def test_spirals_geometry():
    X, y = spirals(300, n_classes=3, turns=1.5, rng=0)
    assert np.bincount(y).tolist() == [100, 100, 100]
    r = np.hypot(*X.T)
    assert np.all((r > 0) & (r <= 1 + 1e-12))
    # Each arm: theta = 2 pi (k / K + turns * r) (mod 2 pi).
    theta = np.arctan2(X[:, 1], X[:, 0])
    expected = 2 * np.pi * (y / 3 + 1.5 * r)
    np.testing.assert_allclose(np.cos(theta - expected), 1.0, atol=1e-9)


def test_spirals_noise_and_bad_input():
    a = spirals(50, noise=0.2, rng=1)[0]
    np.testing.assert_array_equal(a, spirals(50, noise=0.2, rng=1)[0])
    with pytest.raises(ValueError, match="n_classes must be at least 2, got 1"):
        spirals(10, n_classes=1)
    with pytest.raises(ValueError, match=r"n_samples must be at least n_classes \(4\), got 3"):
        spirals(3, n_classes=4)
    with pytest.raises(ValueError, match="turns must be a positive real number, got 0"):
        spirals(10, turns=0)


# --------------------------------------------------------------------------------------------
# Splitting
# --------------------------------------------------------------------------------------------


def test_split_sizes_and_partition(rng):
    X = np.arange(30).reshape(10, 3)
    y = np.arange(10)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, rng=rng)
    assert len(y_test) == 3  # ceil(0.25 * 10)
    assert len(y_train) == 7
    assert sorted(np.concatenate([y_train, y_test]).tolist()) == list(range(10))
    np.testing.assert_array_equal(X_train[:, 0], 3 * y_train)  # rows stay with their labels
    np.testing.assert_array_equal(X_test[:, 0], 3 * y_test)


def test_split_without_shuffle_and_with_a_count():
    X, y = np.arange(10)[:, None], np.arange(10)
    _, _, y_train, y_test = train_test_split(X, y, test_size=4, shuffle=False)
    assert y_train.tolist() == [0, 1, 2, 3, 4, 5]
    assert y_test.tolist() == [6, 7, 8, 9]


def test_split_keeps_images_whole():
    X = np.zeros((8, 1, 4, 4))
    X_train, X_test, _, _ = train_test_split(X, np.arange(8), rng=0)
    assert X_train.shape == (6, 1, 4, 4) and X_test.shape == (2, 1, 4, 4)


def test_split_is_reproducible():
    X, y = np.arange(20)[:, None], np.arange(20)
    a = train_test_split(X, y, rng=3)
    b = train_test_split(X, y, rng=np.random.default_rng(3))
    for u, v in zip(a, b, strict=True):
        np.testing.assert_array_equal(u, v)


@pytest.mark.parametrize(
    ("test_size", "kind", "message"),
    [
        (0.0, ValueError, "test_size must be a fraction strictly between 0 and 1, or an int"),
        (1.0, ValueError, "test_size must be a fraction strictly between 0 and 1"),
        (0, ValueError, r"test_size must leave at least one sample in each part of the 10"),
        (10, ValueError, r"test_size must leave at least one sample.*got 10 \(10 test"),
        (True, TypeError, "test_size must be a fraction in"),
        ("0.2", TypeError, "test_size must be a fraction in"),
    ],
)
def test_split_bad_test_size(test_size, kind, message):
    with pytest.raises(kind, match=message):
        train_test_split(np.zeros((10, 2)), np.zeros(10), test_size=test_size)


def test_split_mismatched_lengths():
    with pytest.raises(ValueError, match=r"y must have one label per sample \(10\)"):
        train_test_split(np.zeros((10, 2)), np.zeros(9))
    with pytest.raises(TypeError, match="shuffle must be True or False"):
        train_test_split(np.zeros((10, 2)), np.zeros(10), shuffle=None)


# --------------------------------------------------------------------------------------------
# Standardising
# --------------------------------------------------------------------------------------------


def test_standardize_gives_mean_zero_and_unit_deviation(rng):
    X = rng.normal(loc=[5.0, -3.0], scale=[10.0, 0.1], size=(200, 2))
    Z = standardize(X)
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1.0)


def test_standardize_constant_feature_is_only_centred():
    Z = standardize([[1.0, 7.0], [3.0, 7.0], [5.0, 7.0]])
    np.testing.assert_array_equal(Z[:, 1], 0.0)
    # The mean of three equal values is off by rounding, so their computed deviation is a
    # tiny non-zero number; dividing by it would turn the rounding residue into order 1.
    column = np.full((3, 1), 0.1)
    assert column.std() > 0
    np.testing.assert_allclose(standardize(column), 0.0, atol=1e-12)
    np.testing.assert_array_equal(Standardizer().fit(column).scale_, [1.0])


def test_standardize_with_given_statistics():
    Z = standardize([[2.0, 4.0]], mean=[1.0, 1.0], std=[2.0, 3.0])
    np.testing.assert_allclose(Z, [[0.5, 1.0]])
    np.testing.assert_allclose(standardize([[2.0, 4.0]], mean=1.0, std=0.5), [[2.0, 6.0]])


def test_standardize_bad_input():
    with pytest.raises(ValueError, match=r"std must be positive for every feature"):
        standardize([[1.0, 2.0]], std=[1.0, 0.0])
    with pytest.raises(ValueError, match=r"mean must be a number or one value per feature \(2\)"):
        standardize([[1.0, 2.0]], mean=[1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="X must be finite"):
        standardize([[1.0, np.nan]])


def test_standardizer_uses_training_statistics(rng):
    X = rng.normal(loc=3.0, scale=2.0, size=(100, 3))
    X_train, X_test = X[:80], X[80:]
    s = Standardizer().fit(X_train)
    np.testing.assert_allclose(s.mean_, X_train.mean(axis=0))
    np.testing.assert_allclose(s.scale_, X_train.std(axis=0))
    np.testing.assert_allclose(s.transform(X_test), (X_test - s.mean_) / s.scale_)
    np.testing.assert_allclose(s.inverse_transform(s.transform(X_test)), X_test)
    np.testing.assert_allclose(Standardizer().fit_transform(X_train), standardize(X_train))
    assert repr(s) == "Standardizer()"


def test_standardizer_bad_input():
    with pytest.raises(NotFittedError, match="this Standardizer is not fitted yet"):
        Standardizer().transform([[1.0]])
    s = Standardizer().fit([[1.0, 2.0], [3.0, 5.0]])
    with pytest.raises(ValueError, match=r"X must have 2 feature\(s\) per sample"):
        s.transform([[1.0]])
    with pytest.raises(ValueError, match=r"Z must have 2 feature\(s\) per sample"):
        s.inverse_transform([[1.0, 2.0, 3.0]])


@settings(max_examples=50, deadline=None)
@given(
    hnp.arrays(
        np.float64,
        st.tuples(st.integers(2, 30), st.integers(1, 4)),
        # multiples of 1/8: features either repeat a value exactly or vary well above rounding
        elements=st.integers(-8000, 8000).map(lambda k: k / 8),
    )
)
def test_standardize_properties(X):
    Z = standardize(X)
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-9)
    varies = np.ptp(X, axis=0) > 0
    np.testing.assert_allclose(Z.std(axis=0)[varies], 1.0, rtol=1e-9)
    np.testing.assert_allclose(Z[:, ~varies], 0.0, atol=1e-9)
    s = Standardizer().fit(X)
    np.testing.assert_allclose(s.inverse_transform(s.transform(X)), X, atol=1e-9)
