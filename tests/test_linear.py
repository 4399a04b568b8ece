"""Tests for nnref.linear: the perceptron rule, Adaline's delta rule and one-vs-rest."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from nnref import DivergenceWarning
from nnref._validation import NotFittedError
from nnref.datasets import blobs, gate, standardize, train_test_split
from nnref.linear import (
    Adaline,
    OneVsRest,
    Perceptron,
    PerceptronStep,
    clone,
    perceptron_update,
)
from nnref.metrics import accuracy

AND_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
AND_Y = np.array([0, 0, 0, 1])


def two_blobs(rng: np.random.Generator, n: int = 200, gap: float = 4.0):
    X, y = blobs(n, centers=[[-gap / 2, 0.0], [gap / 2, 1.0]], cluster_std=0.6, rng=rng)
    return X, y


# --------------------------------------------------------------------------------------------
# Reference implementations written independently of nnref.linear: plain loops, one example
# at a time, straight from the textbook statement of each rule.
# --------------------------------------------------------------------------------------------


def reference_perceptron(X, codes, low, high, eta, epochs, orders):
    w = np.zeros(X.shape[1])
    b = 0.0
    errors = []
    for epoch in range(epochs):
        mistakes = 0
        for i in orders[epoch]:
            z = X[i] @ w + b
            y_hat = high if z >= 0 else low
            if y_hat != codes[i]:
                w = w + eta * (codes[i] - y_hat) * X[i]
                b = b + eta * (codes[i] - y_hat)
                mistakes += 1
        errors.append(mistakes)
        if mistakes == 0:  # the textbook loop: repeat until an epoch without a mistake
            break
    return w, b, errors


def reference_sgd(X, t, eta, epochs, orders):
    w = np.zeros(X.shape[1])
    b = 0.0
    for epoch in range(epochs):
        for i in orders[epoch]:
            r = t[i] - (X[i] @ w + b)
            w = w + eta * r * X[i]
            b = b + eta * r
    return w, b


# --------------------------------------------------------------------------------------------
# Perceptron: the worked examples
# --------------------------------------------------------------------------------------------

# The AND trace by hand. eta = 1, labels {0, 1}, w = (0, 0), b = 0, y_hat = 1 if z >= 0.
# Examples in order (0,0)->0, (0,1)->0, (1,0)->0, (1,1)->1; a mistake adds (y - y_hat)*(x, 1).
#
# epoch 1: (0,0) z=0 -> 1, wrong: w=(0,0) b=-1 | (0,1) z=-1 -> 0 ok | (1,0) z=-1 -> 0 ok |
#          (1,1) z=-1 -> 0, wrong: w=(1,1) b=0.                       -> w=(1,1), b=0,  2 errors
# epoch 2: (0,0) z=0 -> 1, wrong: w=(1,1) b=-1 | (0,1) z=0 -> 1, wrong: w=(1,0) b=-2 |
#          (1,0) z=-1 ok | (1,1) z=-1 -> 0, wrong: w=(2,1) b=-1.      -> w=(2,1), b=-1, 3 errors
# epoch 3: (0,0) z=-1 ok | (0,1) z=0 -> 1, wrong: w=(2,0) b=-2 |
#          (1,0) z=0 -> 1, wrong: w=(1,0) b=-3 | (1,1) z=-2, wrong: w=(2,1) b=-2.
#                                                                     -> w=(2,1), b=-2, 3 errors
# epoch 4: (0,0) z=-2 ok | (0,1) z=-1 ok | (1,0) z=0 -> 1, wrong: w=(1,1) b=-3 |
#          (1,1) z=-1 -> 0, wrong: w=(2,2) b=-2.                      -> w=(2,2), b=-2, 2 errors
# epoch 5: (0,0) z=-2 ok | (0,1) z=0 -> 1, wrong: w=(2,1) b=-3 | (1,0) z=-1 ok |
#          (1,1) z=0 -> 1 ok.                                         -> w=(2,1), b=-3, 1 error
# epoch 6: z = -3, -2, -1, 0 -> 0, 0, 0, 1: all right.                -> w=(2,1), b=-3, 0 errors
AND_TRACE = [
    ((1.0, 1.0), 0.0, 2),
    ((2.0, 1.0), -1.0, 3),
    ((2.0, 1.0), -2.0, 3),
    ((2.0, 2.0), -2.0, 2),
    ((2.0, 1.0), -3.0, 1),
    ((2.0, 1.0), -3.0, 0),
]


@pytest.mark.parametrize("epochs", range(1, 7))
def test_and_trace_epoch_by_epoch(epochs):
    p = Perceptron(eta=1.0, epochs=epochs).fit(AND_X, AND_Y)
    weights, bias, _ = AND_TRACE[epochs - 1]
    np.testing.assert_array_equal(p.weights_, weights)
    assert p.bias_ == bias
    assert p.errors_ == [errors for _, _, errors in AND_TRACE[:epochs]]


def test_and_trace_recorded_update_by_update():
    p = Perceptron(eta=1.0, epochs=6, record=True).fit(AND_X, AND_Y)
    history = p.history_
    assert len(history) == 6 * 4
    assert all(isinstance(step, PerceptronStep) for step in history)
    assert [s.epoch for s in history] == [e for e in range(1, 7) for _ in range(4)]
    assert [s.index for s in history] == [0, 1, 2, 3] * 6
    # Weights after the last example of each epoch = the epoch table above.
    for epoch, (weights, bias, errors) in enumerate(AND_TRACE, start=1):
        steps = [s for s in history if s.epoch == epoch]
        np.testing.assert_array_equal(steps[-1].weights, weights)
        assert steps[-1].bias == bias
        assert sum(not s.correct for s in steps) == errors
    # Epoch 2 in full (see the comment above AND_TRACE).
    epoch2 = [(s.net_input, s.prediction, s.update, tuple(s.weights), s.bias) for s in history[4:8]]
    assert epoch2 == [
        (0.0, 1, -1.0, (1.0, 1.0), -1.0),
        (0.0, 1, -1.0, (1.0, 0.0), -2.0),
        (-1.0, 0, 0.0, (1.0, 0.0), -2.0),
        (-1.0, 0, 1.0, (2.0, 1.0), -1.0),
    ]
    assert [s.target for s in history[:4]] == [0, 0, 0, 1]
    np.testing.assert_array_equal(history[7].delta_weights, [1.0, 1.0])


def test_worked_update_of_one_misclassified_example():
    # w = (0.2, -0.4), b = 0.1, x = (1, 1), y = 1, eta = 0.5
    # z = 0.2*1 - 0.4*1 + 0.1 = -0.1 < 0, so y_hat = 0: wrong by y - y_hat = 1.
    # delta w = 0.5 * 1 * (1, 1) = (0.5, 0.5); delta b = 0.5
    # w = (0.7, 0.1), b = 0.6
    step = perceptron_update([0.2, -0.4], 0.1, [1.0, 1.0], target=1, eta=0.5)
    assert step.net_input == pytest.approx(-0.1)
    assert step.prediction == 0
    assert step.update == 0.5
    assert not step.correct
    np.testing.assert_allclose(step.delta_weights, [0.5, 0.5])
    np.testing.assert_allclose(step.weights, [0.7, 0.1])
    assert step.bias == pytest.approx(0.6)
    assert step.epoch is None and step.index is None


def test_worked_update_leaves_a_right_prediction_alone():
    step = perceptron_update([0.2, -0.4], 0.1, [1.0, 1.0], target=0, eta=0.5)
    assert step.correct and step.update == 0.0
    np.testing.assert_array_equal(step.weights, [0.2, -0.4])
    assert step.bias == 0.1


def test_worked_update_with_bipolar_labels_corrects_twice_as_far():
    # y - y_hat = 1 - (-1) = 2, so delta w = 0.5 * 2 * (1, 1) = (1, 1).
    step = perceptron_update([0.2, -0.4], 0.1, [1.0, 1.0], target=1, eta=0.5, labels=(-1, 1))
    assert step.prediction == -1 and step.update == 1.0
    np.testing.assert_allclose(step.weights, [1.2, 0.6])
    assert step.bias == pytest.approx(1.1)


def test_fit_takes_the_same_steps_as_perceptron_update(rng):
    X = rng.normal(size=(30, 3))
    y = np.where(X @ [1.0, -2.0, 0.5] + 0.3 * rng.normal(size=30) > 0, "yes", "no")
    p = Perceptron(eta=0.7, epochs=5, shuffle=True, rng=rng, record=True).fit(X, y)
    w, b = np.zeros(3), 0.0
    for s in p.history_:
        np.testing.assert_array_equal(s.x, X[s.index])
        assert s.target == y[s.index]
        replay = perceptron_update(w, b, s.x, s.target, eta=0.7, labels=("no", "yes"))
        assert replay.prediction == s.prediction
        assert replay.update == s.update
        np.testing.assert_allclose(replay.weights, s.weights, rtol=1e-12, atol=1e-12)
        w, b = s.weights, s.bias
    np.testing.assert_array_equal(w, p.weights_)
    assert b == p.bias_


# --------------------------------------------------------------------------------------------
# Perceptron: behaviour
# --------------------------------------------------------------------------------------------


def test_bipolar_labels_double_the_weights_but_not_the_decisions():
    p01 = Perceptron(epochs=6).fit(AND_X, AND_Y)
    ppm = Perceptron(epochs=6).fit(AND_X, 2 * AND_Y - 1)
    np.testing.assert_array_equal(ppm.weights_, 2 * p01.weights_)
    assert ppm.bias_ == 2 * p01.bias_
    assert ppm.errors_ == p01.errors_
    np.testing.assert_array_equal(ppm.predict(AND_X), [-1, -1, -1, 1])


def test_any_two_labels_are_coded_minus_one_and_plus_one():
    named = Perceptron(epochs=6).fit(AND_X, np.array(["off", "off", "off", "on"]))
    bipolar = Perceptron(epochs=6).fit(AND_X, 2 * AND_Y - 1)
    np.testing.assert_array_equal(named.weights_, bipolar.weights_)
    assert named.predict(AND_X).tolist() == ["off", "off", "off", "on"]
    assert named.classes_.tolist() == ["off", "on"]


@pytest.mark.parametrize("name", ["and", "or", "nand", "nor"])
def test_linearly_separable_gates_are_learned(name):
    X, y = gate(name)
    p = Perceptron(epochs=20).fit(X, y)
    assert p.errors_[-1] == 0
    np.testing.assert_array_equal(p.predict(X), y)


@pytest.mark.parametrize("name", ["xor", "xnor"])
@pytest.mark.parametrize("shuffle", [False, True])
def test_xor_never_reaches_zero_errors(name, shuffle):
    X, y = gate(name, labels=(-1, 1))
    p = Perceptron(epochs=200, shuffle=shuffle, rng=0).fit(X, y)
    assert min(p.errors_) > 0
    assert accuracy(y, p.predict(X)) < 1.0


@pytest.mark.parametrize("record", [False, True])
def test_converges_on_separable_data_and_stops_there(rng, record):
    X, y = two_blobs(rng)
    p = Perceptron(eta=0.1, epochs=50, record=record).fit(X, y)
    assert p.errors_[-1] == 0 and 0 not in p.errors_[:-1]  # ends at the first clean epoch
    assert len(p.errors_) < 50
    assert accuracy(y, p.predict(X)) == 1.0
    if record:
        assert p.history_ is not None and p.history_[-1].epoch == len(p.errors_)


@pytest.mark.parametrize("record", [False, True])
def test_huge_epochs_cost_nothing_once_separated(record):
    X, y = gate("and")
    p = Perceptron(epochs=10**9, record=record).fit(X, y)  # instant, and small
    assert p.errors_ == [2, 3, 3, 2, 1, 0]
    np.testing.assert_array_equal(p.predict(X), y)


@pytest.mark.parametrize("record", [False, True])
def test_overflowing_weights_stop_with_a_divergence_warning(record):
    X, y = gate("and")
    with pytest.warns(DivergenceWarning, match=r"Perceptron diverged in epoch 1 .*eta=1e\+308"):
        p = Perceptron(eta=1e308, epochs=10, record=record).fit(X * 1e10, y)
    assert p.errors_ == [] and np.all(np.isfinite(p.weights_)) and np.isfinite(p.bias_)
    assert p.history_ == ([] if record else None)


@pytest.mark.parametrize("shuffle", [False, True])
def test_matches_the_textbook_loop_on_noisy_data(rng, shuffle):
    X = rng.normal(size=(400, 5))
    y = np.where(X @ rng.normal(size=5) + rng.normal(scale=0.8, size=400) > 0, 1, -1)
    p = Perceptron(eta=0.3, epochs=8, shuffle=shuffle, rng=7).fit(X, y)
    order_rng = np.random.default_rng(7)
    orders = [order_rng.permutation(400) if shuffle else np.arange(400) for _ in range(8)]
    w, b, errors = reference_perceptron(X, y, -1, 1, 0.3, 8, orders)
    assert p.errors_ == errors
    assert min(errors) > 0  # not separable: the rule keeps correcting
    np.testing.assert_allclose(p.weights_, w, rtol=1e-10, atol=1e-12)
    assert p.bias_ == pytest.approx(b, rel=1e-10, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(
    X=hnp.arrays(
        np.int64, st.tuples(st.integers(2, 40), st.integers(1, 4)), elements=st.integers(-3, 3)
    ),
    data=st.data(),
    eta=st.sampled_from([1.0, 2.0, 0.5]),
    zero_one=st.booleans(),
)
def test_equals_the_textbook_loop_exactly_on_integer_data(X, data, eta, zero_one):
    # Small integers keep every sum exact, so ties z = 0 (frequent here) must be decided
    # exactly as the rule says: z >= 0 predicts the positive class.
    n = X.shape[0]
    low = 0 if zero_one else -1
    y = np.array(data.draw(st.lists(st.sampled_from([low, 1]), min_size=n, max_size=n)))
    y[0], y[-1] = data.draw(st.permutations([low, 1]))  # both classes present
    p = Perceptron(eta=eta, epochs=4).fit(X, y)
    w, b, errors = reference_perceptron(X.astype(float), y, low, 1, eta, 4, [np.arange(n)] * 4)
    assert p.errors_ == errors
    np.testing.assert_array_equal(p.weights_, w)
    assert p.bias_ == b


def test_recording_does_not_change_the_result(rng):
    X = rng.normal(size=(300, 4))
    y = (X[:, 0] + 0.5 * X[:, 1] + rng.normal(scale=0.5, size=300) > 0).astype(int)
    kwargs = dict(eta=0.2, epochs=6, shuffle=True)
    quiet = Perceptron(**kwargs, rng=3).fit(X, y)
    loud = Perceptron(**kwargs, rng=3, record=True).fit(X, y)
    np.testing.assert_array_equal(quiet.weights_, loud.weights_)
    assert quiet.errors_ == loud.errors_
    assert quiet.history_ is None
    assert len(loud.history_) == 6 * 300


def _skip_ahead_cases():
    gen = np.random.default_rng(11)
    X = gen.normal(size=(2000, 6))
    clean = np.where(X @ gen.normal(size=6) + 0.2 > 0, 1, 0)
    noisy = np.where(gen.random(2000) < 0.1, 1 - clean, clean)
    ints = gen.integers(-2, 3, size=(500, 3))  # exact sums: many ties z = 0
    tied = np.where(ints @ [1, -1, 2] >= 0, "b", "a")
    return [
        ("separable", X, clean, {}),
        ("noisy", X, noisy, {}),
        ("noisy, shuffled", X, noisy, {"shuffle": True, "rng": 5}),
        ("bipolar", X, 2 * noisy - 1, {"eta": 0.3}),
        ("float32", X.astype(np.float32), noisy, {"eta": 0.7, "shuffle": True, "rng": 2}),
        ("integer ties", ints, tied, {"eta": 2.0}),
    ]


@pytest.mark.parametrize(
    ("X", "y", "kwargs"),
    [case[1:] for case in _skip_ahead_cases()],
    ids=[case[0] for case in _skip_ahead_cases()],
)
def test_skip_ahead_is_bit_identical_to_the_textbook_loop(X, y, kwargs):
    # record=True runs the rule one example at a time (the textbook loop); without it fit
    # takes the vectorised skip-ahead path. Same weights to the last bit, same mistakes.
    fast = Perceptron(epochs=5, **kwargs).fit(X, y)
    slow = Perceptron(epochs=5, record=True, **kwargs).fit(X, y)
    assert fast.weights_.dtype == slow.weights_.dtype
    assert fast.weights_.tobytes() == slow.weights_.tobytes()
    assert fast.bias_ == slow.bias_
    assert fast.errors_ == slow.errors_
    assert sum(slow.errors_) > 0
    assert slow.errors_ == [
        sum(not s.correct for s in slow.history_ if s.epoch == e)
        for e in range(1, len(slow.errors_) + 1)
    ]


def test_shuffle_is_reproducible_and_rng_matters(rng):
    X, y = two_blobs(rng, gap=1.0)
    a = Perceptron(epochs=3, shuffle=True, rng=1).fit(X, y)
    b = Perceptron(epochs=3, shuffle=True, rng=np.random.default_rng(1)).fit(X, y)
    c = Perceptron(epochs=3, shuffle=True, rng=2).fit(X, y)
    np.testing.assert_array_equal(a.weights_, b.weights_)
    assert not np.array_equal(a.weights_, c.weights_)


def test_float32_stays_float32():
    p = Perceptron(epochs=6).fit(AND_X.astype(np.float32), AND_Y)
    assert p.weights_.dtype == np.float32
    assert p.net_input(AND_X.astype(np.float32)).dtype == np.float32
    np.testing.assert_array_equal(p.weights_, [2.0, 1.0])
    a = Adaline(eta=0.1, epochs=5).fit(AND_X.astype(np.float32), AND_Y)
    assert a.weights_.dtype == np.float32
    assert isinstance(a.bias_, float)


def test_net_input_and_predict(rng):
    X, y = two_blobs(rng)
    p = Perceptron(epochs=10).fit(X, y)
    z = p.net_input(X)
    np.testing.assert_allclose(z, X @ p.weights_ + p.bias_)
    np.testing.assert_array_equal(p.predict(X), np.where(z >= 0, 1, 0))


# --------------------------------------------------------------------------------------------
# Adaline
# --------------------------------------------------------------------------------------------


def regression_data(rng, n=60, d=3):
    X = standardize(rng.normal(size=(n, d)) * [1.0, 3.0, 0.5] + [0.0, 2.0, -1.0])
    y = np.where(X @ [1.0, -1.0, 0.5] + 0.2 + rng.normal(scale=0.7, size=n) > 0, 1, -1)
    return X, y


def lstsq(X, t):
    Xa = np.column_stack([X, np.ones(len(X))])
    solution = np.linalg.lstsq(Xa, t, rcond=None)[0]
    return solution[:-1], solution[-1]


def test_batch_epoch_is_the_exact_gradient_step(rng):
    X, y = regression_data(rng)
    a = Adaline(eta=0.003, epochs=1).fit(X, y)
    # From w = 0, b = 0 the residual is y itself: w = eta X^T y, b = eta sum(y).
    np.testing.assert_allclose(a.weights_, 0.003 * X.T @ y)
    assert a.bias_ == pytest.approx(0.003 * y.sum())


@pytest.mark.parametrize("method", ["batch", "sgd"])
def test_cost_is_half_the_sum_of_squared_errors_after_each_epoch(rng, method):
    X, y = regression_data(rng)
    a = Adaline(eta=0.002, epochs=7, method=method, rng=0).fit(X, y)
    assert len(a.cost_) == 7
    assert a.cost_[-1] == pytest.approx(0.5 * np.sum((y - a.net_input(X)) ** 2))
    one = Adaline(eta=0.002, epochs=1, method=method, rng=0).fit(X, y)
    assert one.cost_[0] == pytest.approx(0.5 * np.sum((y - one.net_input(X)) ** 2))


def test_small_eta_batch_converges_to_least_squares(rng):
    X, y = regression_data(rng)
    a = Adaline(eta=0.005, epochs=2000).fit(X, y)
    w, b = lstsq(X, y.astype(float))
    np.testing.assert_allclose(a.weights_, w, rtol=1e-8, atol=1e-10)
    assert a.bias_ == pytest.approx(b, rel=1e-8, abs=1e-10)
    # Every step lowers the cost (up to rounding once it has settled at the minimum).
    assert all(c2 <= c1 * (1 + 1e-12) for c1, c2 in zip(a.cost_, a.cost_[1:], strict=False))
    assert a.cost_[-1] == pytest.approx(0.5 * np.sum((y - X @ w - b) ** 2), rel=1e-10)


def test_large_eta_batch_diverges_and_stops_with_a_warning(rng):
    X, y = regression_data(rng)
    Xa = np.column_stack([X, np.ones(len(X))])
    largest = np.linalg.eigvalsh(Xa.T @ Xa).max()
    eta = 1.5 * 2.0 / largest  # beyond 2 / lambda_max: every step overshoots
    with pytest.warns(DivergenceWarning, match=r"Adaline diverged in epoch \d+ of 30: the cost "
                      r"rose from .* learning rate eta=0\.\d+; training stopped"):  # fmt: skip
        a = Adaline(eta=eta, epochs=30).fit(X, y)
    assert 1 < len(a.cost_) < 30
    assert all(c2 > c1 for c1, c2 in zip(a.cost_, a.cost_[1:], strict=False))
    assert a.cost_[-1] > 1e3 * min(a.cost_)  # three orders of magnitude above the best
    assert np.all(np.isfinite(a.weights_))
    assert a.cost_[-1] == pytest.approx(0.5 * np.sum((y - a.net_input(X)) ** 2))


def test_divergence_is_caught_long_before_an_overflow(rng):
    # the case: a cost rising steadily from 34 to 6e21 went unnoticed
    X, y = blobs(150, rng=0)  # centres up to 10 away: eta = 0.001 is far too large
    with pytest.warns(DivergenceWarning, match="eta=0.001"):
        ovr = OneVsRest(Adaline(eta=0.001, epochs=200)).fit(X, y)
    for model in ovr.estimators_:
        assert len(model.cost_) < 10  # stopped within a few epochs of the first overshoot
        assert max(model.cost_) > 1e3 * min(model.cost_)
        assert np.all(np.isfinite(model.weights_))


def test_overflow_stops_with_a_warning(rng):
    X, y = regression_data(rng)
    with pytest.warns(DivergenceWarning, match=r"Adaline diverged.*epoch \d+ of 5000.*eta=1.0"):
        a = Adaline(eta=1.0, epochs=5000).fit(X, y)
    assert 0 < len(a.cost_) < 5000
    assert np.all(np.isfinite(a.cost_))
    assert np.all(np.isfinite(a.weights_)) and np.isfinite(a.bias_)
    assert a.cost_[-1] == pytest.approx(0.5 * np.sum((y - a.net_input(X)) ** 2))


def test_overflow_in_sgd_stops_with_a_warning(rng):
    X, y = regression_data(rng)
    with pytest.warns(DivergenceWarning, match="Adaline diverged"):
        a = Adaline(eta=5.0, epochs=5000, method="sgd", rng=0).fit(X, y)
    assert len(a.cost_) < 5000 and np.all(np.isfinite(a.weights_))


def test_batch_descent_stops_at_a_fixed_point():
    X, y = np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0, 0, 1, 1])
    a = Adaline(eta=0.05, epochs=10**9).fit(X, y)  # instant: the weights stop changing
    assert len(a.cost_) < 10**4
    np.testing.assert_allclose([a.weights_[0], a.bias_], [0.8, -1.2])


def test_sgd_matches_the_textbook_loop(rng):
    X, y = regression_data(rng)
    a = Adaline(eta=0.01, epochs=5, method="sgd", shuffle=False).fit(X, y)
    w, b = reference_sgd(X, y, 0.01, 5, [np.arange(len(X))] * 5)
    np.testing.assert_allclose(a.weights_, w, rtol=1e-12)
    assert a.bias_ == pytest.approx(b, rel=1e-12)
    s = Adaline(eta=0.01, epochs=5, method="sgd", rng=11).fit(X, y)
    order_rng = np.random.default_rng(11)
    w, b = reference_sgd(X, y, 0.01, 5, [order_rng.permutation(len(X)) for _ in range(5)])
    np.testing.assert_allclose(s.weights_, w, rtol=1e-12)


def test_batch_and_sgd_reach_nearly_the_same_line(rng):
    X, y = regression_data(rng)
    w, b = lstsq(X, y.astype(float))
    batch = Adaline(eta=0.005, epochs=500, method="batch").fit(X, y)
    sgd = Adaline(eta=0.001, epochs=500, method="sgd", rng=0).fit(X, y)
    np.testing.assert_allclose(batch.weights_, w, atol=1e-6)
    np.testing.assert_allclose(sgd.weights_, w, atol=2e-2)
    assert sgd.bias_ == pytest.approx(b, abs=2e-2)
    # sgd hovers near the minimum: its cost is close to, and never below, the least cost
    least = 0.5 * np.sum((y - X @ w - b) ** 2)
    assert least <= sgd.cost_[-1] < 1.01 * least
    assert sgd.cost_[-1] < sgd.cost_[0]
    np.testing.assert_array_equal(batch.predict(X), sgd.predict(X))


def test_adaline_labels_and_prediction(rng):
    X, y = two_blobs(rng)
    a = Adaline(eta=0.001, epochs=50).fit(X, y)
    assert a.classes_.tolist() == [0, 1]
    assert set(a.predict(X).tolist()) <= {0, 1}
    assert accuracy(y, a.predict(X)) >= 0.98  # least squares, not a separating line
    # {0, 1} is coded as {-1, +1}: the same fit as with bipolar labels
    bipolar = Adaline(eta=0.001, epochs=50).fit(X, 2 * y - 1)
    np.testing.assert_array_equal(a.weights_, bipolar.weights_)
    np.testing.assert_array_equal(a.activation([-1.5, 0.0, 2.0]), [-1.5, 0.0, 2.0])


def test_batch_ignores_the_order(rng):
    X, y = regression_data(rng)
    a = Adaline(eta=0.005, epochs=20, shuffle=True, rng=1).fit(X, y)
    b = Adaline(eta=0.005, epochs=20, shuffle=False).fit(X, y)
    np.testing.assert_array_equal(a.weights_, b.weights_)


# --------------------------------------------------------------------------------------------
# One-vs-rest, parameters, cloning
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "estimator",
    [Perceptron(eta=0.1, epochs=20, shuffle=True, rng=0), Adaline(eta=2e-4, epochs=100)],
    ids=["perceptron", "adaline"],
)
def test_one_vs_rest_on_three_blobs(rng, estimator):
    X, y = blobs(300, centers=[[0.0, 4.0], [-4.0, -2.0], [4.0, -2.0]], cluster_std=1.0, rng=rng)
    X_train, X_test, y_train, y_test = train_test_split(X, y, rng=rng)
    ovr = OneVsRest(estimator).fit(X_train, y_train)
    assert ovr.classes_.tolist() == [0, 1, 2]
    assert len(ovr.estimators_) == 3
    assert all(e is not estimator and type(e) is type(estimator) for e in ovr.estimators_)
    assert all(e.classes_.tolist() == [-1, 1] for e in ovr.estimators_)
    assert not hasattr(estimator, "weights_")  # the template itself stays unfitted
    assert accuracy(y_test, ovr.predict(X_test)) >= 0.95
    z = ovr.net_input(X_test)
    assert z.shape == (len(X_test), 3)
    np.testing.assert_array_equal(ovr.predict(X_test), ovr.classes_[z.argmax(axis=1)])
    np.testing.assert_allclose(z[:, 1], ovr.estimators_[1].net_input(X_test))


def test_one_vs_rest_binary_problems_are_class_against_rest():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [4.0, 0.0], [4.0, 1.0], [0.0, 5.0], [1.0, 5.0]])
    y = np.array(["a", "a", "b", "b", "c", "c"])
    ovr = OneVsRest(Perceptron(epochs=20)).fit(X, y)
    for label, model in zip(ovr.classes_, ovr.estimators_, strict=True):
        solo = Perceptron(epochs=20).fit(X, np.where(y == label, 1, -1))
        np.testing.assert_array_equal(model.weights_, solo.weights_)
    assert ovr.predict(X).tolist() == y.tolist()


def test_get_params_clone_and_repr():
    p = Perceptron(eta=0.5, epochs=3, shuffle=True, rng=4, record=True)
    assert p.get_params() == dict(eta=0.5, epochs=3, shuffle=True, rng=4, record=True)
    twin = clone(p.fit(AND_X, AND_Y))
    assert twin is not p and twin.get_params() == p.get_params()
    assert not hasattr(twin, "weights_")
    assert repr(Adaline()) == "Adaline()"
    assert repr(Adaline(method="sgd", eta=0.1)) == "Adaline(eta=0.1, method='sgd')"
    ovr = OneVsRest(Perceptron(epochs=5))
    copy = clone(ovr)
    assert copy.estimator is not ovr.estimator
    assert repr(copy) == "OneVsRest(estimator=Perceptron(epochs=5))"
    generator = np.random.default_rng(0)
    assert clone(Adaline(rng=generator)).rng is generator


# --------------------------------------------------------------------------------------------
# Bad input: every error names the argument, the rule and what was received
# --------------------------------------------------------------------------------------------

MODELS = [Perceptron, Adaline]


@pytest.mark.parametrize("model", MODELS)
def test_more_than_two_classes_is_refused(model):
    with pytest.raises(
        ValueError, match=r"y must hold exactly two classes .*got 3 class\(es\): \[0, 1, 2\]"
    ):
        model().fit(np.zeros((3, 2)), [0, 1, 2])


@pytest.mark.parametrize("model", MODELS)
def test_a_single_class_is_refused(model):
    with pytest.raises(ValueError, match=r"exactly two classes .*got 1 class\(es\): \[1\]"):
        model().fit(np.zeros((3, 2)), [1, 1, 1])


@pytest.mark.parametrize("model", [*MODELS, lambda: OneVsRest(Perceptron())])
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_x_is_refused(model, bad):
    X = AND_X.copy()
    X[2, 1] = bad
    with pytest.raises(ValueError, match=r"X must be finite \(no NaN or inf\), got 1 non-finite"):
        model().fit(X, [0, 0, 1, 1])
    fitted = model().fit(AND_X, [0, 0, 1, 1])
    with pytest.raises(ValueError, match="X must be finite"):
        fitted.predict(X)


@pytest.mark.parametrize("model", [*MODELS, lambda: OneVsRest(Perceptron())])
def test_mismatched_lengths_are_refused(model):
    with pytest.raises(
        ValueError, match=r"y must have one label per sample \(4\), got an array of shape \(3,\)"
    ):
        model().fit(AND_X, [0, 1, 1])


@pytest.mark.parametrize("model", [*MODELS, lambda: OneVsRest(Perceptron())])
def test_wrong_feature_count_at_predict_time(model):
    fitted = model().fit(AND_X, [0, 1, 1, 2] if isinstance(model(), OneVsRest) else AND_Y)
    with pytest.raises(
        ValueError, match=r"X must have 2 feature\(s\) per sample.*got an array of shape \(1, 3\)"
    ):
        fitted.predict([[1.0, 2.0, 3.0]])


@pytest.mark.parametrize("model", [*MODELS, lambda: OneVsRest(Perceptron())])
@pytest.mark.parametrize("method", ["predict", "net_input"])
def test_predict_before_fit_is_refused(model, method):
    with pytest.raises(NotFittedError, match=r"not fitted yet: call fit\(X, y\)"):
        getattr(model(), method)(AND_X)
    assert issubclass(NotFittedError, ValueError)


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize(
    ("kwargs", "kind", "message"),
    [
        ({"eta": 0.0}, ValueError, r"eta must be a positive real number, got 0\.0"),
        ({"eta": -0.1}, ValueError, r"eta must be a positive real number, got -0\.1"),
        ({"eta": float("nan")}, ValueError, "eta must be a positive real number, got nan"),
        ({"eta": "0.1"}, TypeError, "eta must be a positive real number, got '0.1'"),
        ({"epochs": 0}, ValueError, "epochs must be a positive integer, got 0"),
        ({"epochs": -3}, ValueError, "epochs must be a positive integer, got -3"),
        ({"epochs": 2.5}, TypeError, r"epochs must be a positive integer, got 2\.5"),
        ({"epochs": True}, TypeError, "epochs must be a positive integer, got True"),
        ({"shuffle": "yes"}, TypeError, "shuffle must be True or False, got 'yes'"),
        ({"rng": "seed"}, TypeError, "rng must be a numpy.random.Generator, a non-negative int"),
        ({"rng": -1}, ValueError, "rng must be a numpy.random.Generator, a non-negative int"),
    ],
)
def test_bad_hyperparameters(model, kwargs, kind, message):
    with pytest.raises(kind, match=message):
        model(**kwargs)


def test_unknown_method_name():
    with pytest.raises(ValueError, match=r"method must be one of 'batch', 'sgd', got 'newton'"):
        Adaline(method="newton")
    with pytest.raises(TypeError, match="method must be one of"):
        Adaline(method=None)


def test_record_must_be_a_bool():
    with pytest.raises(TypeError, match="record must be True or False, got 1"):
        Perceptron(record=1)


@pytest.mark.parametrize(
    ("X", "y", "message"),
    [
        (
            [0.0, 1.0, 2.0],
            [0, 1, 1],
            r"X must be a 2-D array \(n_samples, n_features\), got an array of shape \(3,\)",
        ),
        (
            np.zeros((0, 2)),
            [],
            r"X must have at least one sample and one feature, got an array of shape \(0, 2\)",
        ),
        (
            np.zeros((2, 2)),
            [[0, 1]],
            r"y must be a 1-D array of labels, got an array of shape \(1, 2\)",
        ),
        (np.zeros((2, 2)), [0.0, np.nan], r"y must be finite"),
    ],
)
def test_bad_shapes_and_labels(X, y, message):
    with pytest.raises(ValueError, match=message):
        Perceptron().fit(X, y)


def test_complex_x_is_a_type_error():
    with pytest.raises(TypeError, match="X must be a real-valued array"):
        Adaline().fit(np.ones((2, 2), dtype=complex), [0, 1])


def test_one_vs_rest_bad_input():
    with pytest.raises(TypeError, match=r"estimator must be a binary model with get_params\(\)"):
        OneVsRest("perceptron")
    with pytest.raises(ValueError, match=r"y must hold at least two classes, got 1 class: \[3\]"):
        OneVsRest(Perceptron()).fit(AND_X, [3, 3, 3, 3])
    with pytest.raises(TypeError, match="estimator must be an object with a get_params"):
        clone(object())


@pytest.mark.parametrize(
    ("kwargs", "kind", "message"),
    [
        ({"target": 2}, ValueError, r"target must be one of the labels \[0, 1\], got 2"),
        ({"x": [1.0, 2.0, 3.0]}, ValueError, r"x must have one value per weight \(2\)"),
        ({"bias": float("inf")}, ValueError, "bias must be a finite real number, got inf"),
        ({"eta": 0}, ValueError, "eta must be a positive real number, got 0"),
        ({"labels": (1, 1)}, ValueError, r"labels must be two different labels"),
        ({"weights": [[0.0, 0.0]]}, ValueError, "weights must be a 1-D array"),
    ],
)
def test_perceptron_update_bad_input(kwargs, kind, message):
    args = dict(weights=[0.0, 0.0], bias=0.0, x=[1.0, 1.0], target=1) | kwargs
    with pytest.raises(kind, match=message):
        perceptron_update(**args)


def test_one_vs_rest_wants_an_instance_not_a_class() -> None:
    with pytest.raises(TypeError, match=r"^estimator must be a binary model"):
        OneVsRest(Perceptron)
