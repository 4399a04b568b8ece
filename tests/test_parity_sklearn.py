"""The same numbers as scikit-learn, where both compute the same thing (skipped without it).

How the perceptron rules line up. scikit-learn's ``Perceptron`` codes the labels as
$y \\in \\{-1, 1\\}$ and, whenever $y z \\le 0$, adds $\\eta_0\\, y\\, \\mathbf{x}$ (and
$\\eta_0 y$ to the intercept). Rosenblatt's rule here adds $\\eta\\,(y - \\hat y)\\,\\mathbf{x}$:

- with labels {-1, 1} a mistake gives $y - \\hat y = 2y$, so ``eta = eta0 / 2`` matches;
- with labels {0, 1} a mistake gives $y - \\hat y = \\pm 1$, so ``eta = eta0`` matches.

The one difference is a tie, $z = 0$: here it predicts the positive class (a mistake only for
a negative example), while scikit-learn treats it as a mistake for either class. With zero
starting weights the very first example always ties, so the data below start with a negative
example; after that, ties on continuous data do not occur. Its ``SGDRegressor`` with the
squared loss, no penalty and a constant learning rate takes exactly Adaline's stochastic step
$\\eta\\,(y - z)\\,\\mathbf{x}$.
"""

from __future__ import annotations

import numpy as np
import pytest

from nnref.linear import Adaline, Perceptron
from nnref.metrics import accuracy, confusion_matrix

sk_linear = pytest.importorskip("sklearn.linear_model")
sk_metrics = pytest.importorskip("sklearn.metrics")


@pytest.fixture
def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(99)
    X = rng.normal(size=(300, 4))
    y = np.where(X @ [1.0, -1.0, 0.5, 2.0] + rng.normal(size=300) > 0, 1, -1)
    y[0] = -1  # see the module docstring: the first example ties at z = 0
    return X, y


def sk_perceptron(epochs: int):
    return sk_linear.Perceptron(
        eta0=1.0,
        penalty=None,
        alpha=0.0,
        fit_intercept=True,
        shuffle=False,
        tol=None,
        max_iter=epochs,
    )


@pytest.mark.parametrize("epochs", [1, 3, 10])
def test_perceptron_bipolar_labels(data, epochs):
    X, y = data
    theirs = sk_perceptron(epochs).fit(X, y)
    ours = Perceptron(eta=0.5, epochs=epochs).fit(X, y)
    np.testing.assert_allclose(ours.weights_, theirs.coef_[0], rtol=1e-12, atol=1e-12)
    assert ours.bias_ == pytest.approx(theirs.intercept_[0], rel=1e-12, abs=1e-12)
    np.testing.assert_array_equal(ours.predict(X), theirs.predict(X))


@pytest.mark.parametrize("epochs", [1, 3, 10])
def test_perceptron_zero_one_labels(data, epochs):
    X, y = data
    y01 = (y > 0).astype(int)
    theirs = sk_perceptron(epochs).fit(X, y01)
    ours = Perceptron(eta=1.0, epochs=epochs).fit(X, y01)
    np.testing.assert_allclose(ours.weights_, theirs.coef_[0], rtol=1e-12, atol=1e-12)
    assert ours.bias_ == pytest.approx(theirs.intercept_[0], rel=1e-12, abs=1e-12)
    np.testing.assert_array_equal(ours.predict(X), theirs.predict(X))


def test_perceptron_tie_rule_differs_only_at_z_zero():
    X = np.array([[1.0, 2.0], [-1.0, 0.5]])
    y = np.array([1, -1])
    # Example 0 ties (z = 0): a right answer here, a mistake for scikit-learn.
    ours = Perceptron(eta=0.5, epochs=1).fit(X, y)
    theirs = sk_perceptron(1).fit(X, y)
    # ours: example 1 then has z = 0 -> predicted +1, wrong: w = -(-1, 0.5), b = -1
    np.testing.assert_array_equal(ours.weights_, [1.0, -0.5])
    assert ours.bias_ == -1.0
    # scikit-learn: w = (1, 2), b = 1 after example 0; example 1: z = -1 + 1 + 1 = 1 > 0 with
    # y = -1, a mistake: w = (2, 1.5), b = 0
    np.testing.assert_array_equal(theirs.coef_[0], [2.0, 1.5])
    assert theirs.intercept_[0] == 0.0


@pytest.mark.parametrize("epochs", [1, 5])
def test_adaline_sgd_is_sgd_regressor(data, epochs):
    X, y = data
    theirs = sk_linear.SGDRegressor(
        loss="squared_error",
        penalty=None,
        alpha=0.0,
        learning_rate="constant",
        eta0=0.01,
        shuffle=False,
        tol=None,
        max_iter=epochs,
        average=False,
    ).fit(X, y.astype(float))
    ours = Adaline(eta=0.01, epochs=epochs, method="sgd", shuffle=False).fit(X, y)
    np.testing.assert_allclose(ours.weights_, theirs.coef_, rtol=1e-10, atol=1e-12)
    assert ours.bias_ == pytest.approx(theirs.intercept_[0], rel=1e-10, abs=1e-12)


def test_adaline_batch_reaches_linear_regression(data):
    X, y = data
    theirs = sk_linear.LinearRegression().fit(X, y.astype(float))
    ours = Adaline(eta=1e-3, epochs=3000).fit(X, y)
    np.testing.assert_allclose(ours.weights_, theirs.coef_, rtol=1e-8)
    assert ours.bias_ == pytest.approx(theirs.intercept_, rel=1e-8)


@pytest.mark.parametrize("labels", [None, [2, 0, 1], [0, 2]])
def test_confusion_matrix_and_accuracy(labels):
    rng = np.random.default_rng(5)
    y_true = rng.integers(0, 3, size=200)
    y_pred = np.where(rng.random(200) < 0.7, y_true, rng.integers(0, 3, size=200))
    np.testing.assert_array_equal(
        confusion_matrix(y_true, y_pred, labels=labels),
        sk_metrics.confusion_matrix(y_true, y_pred, labels=labels),
    )
    assert accuracy(y_true, y_pred) == sk_metrics.accuracy_score(y_true, y_pred)


def test_confusion_matrix_with_strings():
    y_true = ["cat", "dog", "bird", "dog", "cat"]
    y_pred = ["dog", "dog", "bird", "cat", "cat"]
    np.testing.assert_array_equal(
        confusion_matrix(y_true, y_pred), sk_metrics.confusion_matrix(y_true, y_pred)
    )
