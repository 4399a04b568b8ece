"""Hopfield network: Hebbian storage, recall, energy (never rising in asynchronous mode)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnref.recurrent import Hopfield, corrupt, random_patterns


def test_hebbian_weights_are_symmetric_with_zero_diagonal(rng: np.random.Generator) -> None:
    P = random_patterns(4, 12, rng=rng)
    net = Hopfield(12).store(P)
    W = net.weights
    np.testing.assert_array_equal(W, W.T)
    np.testing.assert_array_equal(np.diag(W), 0.0)
    off = ~np.eye(12, dtype=bool)
    expected = sum(np.outer(p, p) for p in P) / 12
    np.testing.assert_allclose(W[off], expected[off], rtol=1e-15)
    assert net.n_patterns == 4


def test_storing_in_two_calls_equals_one(rng: np.random.Generator) -> None:
    P = random_patterns(5, 10, rng=rng)
    once = Hopfield(10).store(P)
    twice = Hopfield(10).store(P[:2]).store(P[2:])
    np.testing.assert_allclose(twice.weights, once.weights, rtol=1e-15)
    assert twice.n_patterns == 5


def test_energy_values_and_batches(rng: np.random.Generator) -> None:
    P = random_patterns(3, 8, rng=rng)
    net = Hopfield(8).store(P)
    states = random_patterns(6, 8, rng=rng)
    batch = net.energy(states)
    assert batch.shape == (6,)
    for s, e in zip(states, batch, strict=True):
        assert float(net.energy(s)) == pytest.approx(-0.5 * s @ net.weights @ s, rel=1e-14)
        assert float(net.energy(s)) == pytest.approx(e, rel=1e-14)
    assert net.energy(P[0]).shape == ()
    assert float(net.energy(P[0])) == float(net.energy(-P[0]))  # E is even in s


@settings(max_examples=60, deadline=None)
@given(
    n_units=st.integers(2, 24),
    n_patterns=st.integers(1, 6),
    seed=st.integers(0, 2**32 - 1),
)
def test_asynchronous_updates_never_raise_the_energy(
    n_units: int, n_patterns: int, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    net = Hopfield(n_units).store(random_patterns(n_patterns, n_units, rng=rng))
    state = random_patterns(1, n_units, rng=rng)[0]
    # Unit by unit, with the rule as it reads:
    energy = float(net.energy(state))
    for unit in rng.permutation(np.repeat(np.arange(n_units), 3)):
        state = net.update(state, int(unit))
        new = float(net.energy(state))
        assert new <= energy + 1e-12
        energy = new
    # Sweep by sweep, through recall (a batch of starts):
    starts = random_patterns(4, n_units, rng=rng)
    history = net.recall(starts, steps=6, rng=rng, return_history=True)
    energies = net.energy(history)  # (sweeps + 1, 4)
    assert np.all(np.diff(energies, axis=0) <= 1e-12)


def test_one_async_sweep_is_the_textbook_loop(rng: np.random.Generator) -> None:
    net = Hopfield(20).store(random_patterns(3, 20, rng=rng))
    start = random_patterns(1, 20, rng=rng)[0]
    fast = net.recall(start, steps=1, rng=123)
    slow = start.copy()
    for unit in np.random.default_rng(123).permutation(20):
        slow = net.update(slow, int(unit))
    np.testing.assert_array_equal(fast, slow)


def test_async_recall_ends_at_a_fixed_point(rng: np.random.Generator) -> None:
    net = Hopfield(30).store(random_patterns(6, 30, rng=rng))
    final = net.recall(random_patterns(5, 30, rng=rng), steps=50, rng=rng)
    for row in final:
        for unit in range(30):
            np.testing.assert_array_equal(net.update(row, unit), row)


def test_batch_recall_equals_one_by_one(rng: np.random.Generator) -> None:
    net = Hopfield(16).store(random_patterns(3, 16, rng=rng))
    starts = random_patterns(4, 16, rng=rng)
    batch = net.recall(starts, steps=8, rng=5)
    for start, row in zip(starts, batch, strict=True):
        np.testing.assert_array_equal(net.recall(start, steps=8, rng=5), row)
    sync = net.recall(starts, steps=8, mode="sync")
    for start, row in zip(starts, sync, strict=True):
        np.testing.assert_array_equal(net.recall(start, steps=8, mode="sync"), row)


def test_corrupted_patterns_are_recalled(rng: np.random.Generator) -> None:
    P = random_patterns(5, 200, rng=rng)
    net = Hopfield(200).store(P)
    noisy = corrupt(P, 30, rng=rng)
    for mode in ("async", "sync"):
        np.testing.assert_array_equal(net.recall(noisy, steps=20, mode=mode, rng=rng), P)
    # Stored patterns are fixed points, and the energy fell on the way to them.
    np.testing.assert_array_equal(net.recall(P, steps=1, rng=rng), P)
    assert np.all(net.energy(P) < net.energy(noisy))


def test_synchronous_rule_and_two_cycles() -> None:
    net = Hopfield(2)
    net.weights[...] = [[0.0, 1.0], [1.0, 0.0]]
    history = net.recall([1, -1], steps=3, mode="sync", return_history=True)
    np.testing.assert_array_equal(history, [[1, -1], [-1, 1], [1, -1], [-1, 1]])
    # Asynchronously the same network settles at once.
    assert abs(net.recall([1, -1], steps=3, rng=0).sum()) == 2


def test_history_ends_at_a_fixed_point() -> None:
    net = Hopfield(4).store([1, 1, -1, -1])
    history = net.recall([1, 1, -1, -1], steps=10**9, rng=0, return_history=True)
    assert history.shape == (2, 4)  # the start, and the sweep that changed nothing
    np.testing.assert_array_equal(history, np.tile([1, 1, -1, -1], (2, 1)))
    settles = net.recall([1, 1, -1, 1], steps=10**9, rng=0, return_history=True)
    assert len(settles) == 3 and np.array_equal(settles[-1], settles[-2])


def test_capacity_falls_with_the_load() -> None:
    """Below about 0.14 N random patterns are (almost all) stable; well above, many are not."""
    rng = np.random.default_rng(0)
    n = 200

    def stable_share(p: int) -> float:
        P = random_patterns(p, n, rng=rng)
        net = Hopfield(n).store(P)
        return float(np.mean(np.all(net.recall(P, steps=10, rng=rng) == P, axis=1)))

    assert stable_share(10) == 1.0
    assert stable_share(80) < 0.2


def test_input_is_not_modified(rng: np.random.Generator) -> None:
    P = random_patterns(2, 10, rng=rng)
    keep = P.copy()
    net = Hopfield(10).store(P)
    state = corrupt(P[0], 3, rng=rng)
    before = state.copy()
    net.recall(state, rng=0)
    net.update(state, 0)
    np.testing.assert_array_equal(P, keep)
    np.testing.assert_array_equal(state, before)


def test_integer_and_float32_states() -> None:
    net = Hopfield(3).store(np.array([1, -1, 1]))
    assert net.recall(np.array([1, 1, 1], dtype=np.int8), rng=0).dtype == np.float64
    assert net.recall(np.ones(3, dtype=np.float32), rng=0).dtype == np.float32


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda net: net.store([[0, 1, 1, 0]]), r"^patterns must hold only -1 and 1 .*2 \* x - 1"),
        (lambda net: net.store([1, -1, 1]), r"^patterns must have 4 values \(one per unit\)"),
        (lambda net: net.store(np.ones((2, 3, 4))), r"^patterns must have 4 values"),
        (lambda net: net.recall([1, -1, 1]), r"^state must have 4 values"),
        (lambda net: net.recall([1, -1, 1, 0.5]), r"^state must hold only -1 and 1"),
        (lambda net: net.energy(np.ones(5)), r"^state must have 4 values"),
        (lambda net: net.recall([1, 1, 1, 1], steps=0), "^steps must be a positive integer"),
        (lambda net: net.recall([1, 1, 1, 1], mode="random"), "^mode must be one of 'async'"),
        (lambda net: net.update([1, 1, 1, 1], 4), r"^unit must be an integer unit index"),
        (lambda net: net.recall([1, 1, 1, 1], return_history=1), "^return_history must be"),
    ],
)
def test_bad_input_is_named(call: Any, match: str) -> None:
    net = Hopfield(4)
    with pytest.raises((ValueError, TypeError), match=match):
        call(net)


def test_pattern_helpers(rng: np.random.Generator) -> None:
    P = random_patterns(50, 40, rng=rng)
    assert set(np.unique(P)) == {-1.0, 1.0}
    assert abs(P.mean()) < 0.1
    Q = corrupt(P, 7, rng=rng)
    np.testing.assert_array_equal((Q != P).sum(axis=1), 7)
    np.testing.assert_array_equal(corrupt(P, 0, rng=rng), P)
    np.testing.assert_array_equal(corrupt(P, 40, rng=rng), -P)
    with pytest.raises(ValueError, match="^n_flips must be an integer from 0 to 40"):
        corrupt(P, 41)
    with pytest.raises(ValueError, match="^patterns must hold only -1 and 1"):
        corrupt(np.zeros(4), 1)
    with pytest.raises(ValueError, match="^n_units must be a positive integer"):
        Hopfield(0)
