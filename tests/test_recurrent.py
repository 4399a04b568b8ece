"""Recurrent layers: feedback masks, BPTT (full, truncated, clipped), initial states, traces.

Values of RecurrentLayer, LSTM and GRU against PyTorch live in test_recurrent_torch.py; here
every gradient is checked by finite differences, truncation and clipping against explicit
references built from the untruncated, unclipped layer, and the masks through training.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from nnref import gradcheck
from nnref.datasets import delayed_recall, noisy_sine, winner_take_all
from nnref.layers import Dense
from nnref.network import Sequential, mlp
from nnref.optim import SGD
from nnref.recurrent import (
    FEEDBACK_KINDS,
    GRU,
    LSTM,
    JordanNetwork,
    LastStep,
    RecurrentLayer,
    TimeDistributed,
    clip_grad_norm,
    feedback_mask,
)

KINDS = list(FEEDBACK_KINDS)

# Every recurrent layer type, with the name of its initial-state arguments.
LAYERS: list[tuple[str, Callable[[], Any], tuple[str, ...]]] = [
    ("rnn", lambda: RecurrentLayer(3, 4, rng=0), ("h0",)),
    ("rnn-lateral-leaky", lambda: RecurrentLayer(3, 4, "lateral", leak=0.6, rng=0), ("h0",)),
    ("jordan", lambda: JordanNetwork(3, 4, 2, output_activation="tanh", rng=0), ("y0",)),
    ("lstm", lambda: LSTM(3, 4, rng=0), ("h0", "c0")),
    ("gru", lambda: GRU(3, 4, rng=0), ("h0",)),
]
LAYER_IDS = [case[0] for case in LAYERS]


def _x(rng: np.random.Generator, n: int = 3, T: int = 7, d: int = 3) -> np.ndarray:
    return rng.normal(size=(n, T, d))


def _states(layer: Any, names: tuple[str, ...], n: int, rng: np.random.Generator) -> dict:
    return {name: 0.5 * rng.normal(size=(n, layer._state_sizes[name])) for name in names}


# --- feedback kinds ------------------------------------------------------------------------


def test_feedback_masks() -> None:
    np.testing.assert_array_equal(feedback_mask("complete", 3), np.ones((3, 3)))
    np.testing.assert_array_equal(feedback_mask("direct", 3), np.eye(3))
    np.testing.assert_array_equal(feedback_mask("lateral", 3), 1 - np.eye(3))


@pytest.mark.parametrize("kind", KINDS)
def test_initial_weights_respect_the_mask(kind: str) -> None:
    layer = RecurrentLayer(2, 6, feedback=kind, rng=3)
    W = layer.params["W_hh"]
    assert np.all(W[layer.mask == 0] == 0)
    assert np.all(W[layer.mask == 1] != 0)
    bound = 1 / np.sqrt(6)
    assert np.all(np.abs(W) <= bound) and np.all(np.abs(layer.params["W_xh"]) <= bound)
    assert np.all(np.abs(layer.params["b_h"]) <= 2 * bound)  # sum of PyTorch's two biases


def test_unknown_feedback_kind_is_named() -> None:
    with pytest.raises(ValueError, match="^feedback must be one of 'complete', 'direct'"):
        RecurrentLayer(2, 3, feedback="indirect")
    with pytest.raises(TypeError, match="^feedback must be"):
        RecurrentLayer(2, 3, feedback=1)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["direct", "lateral"])
def test_set_params_refuses_weights_outside_the_mask_and_changes_nothing(kind: str) -> None:
    layer = RecurrentLayer(2, 3, feedback=kind, rng=0)
    before = {k: v.copy() for k, v in layer.params.items()}
    with pytest.raises(ValueError, match=f"^W_hh must be zero outside the '{kind}'"):
        layer.set_params(W_xh=np.zeros((2, 3)), W_hh=np.ones((3, 3)))
    for key, value in before.items():
        np.testing.assert_array_equal(layer.params[key], value)
    allowed = 0.3 * layer.mask
    layer.set_params(W_hh=allowed)
    np.testing.assert_array_equal(layer.params["W_hh"], allowed)


def test_complete_feedback_accepts_any_matrix() -> None:
    layer = RecurrentLayer(1, 2, rng=0).set_params(W_hh=[[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(layer.params["W_hh"], [[1.0, 2.0], [3.0, 4.0]])


@pytest.mark.parametrize("kind", ["direct", "lateral"])
def test_forward_applies_the_mask_even_to_weights_written_directly(
    kind: str, rng: np.random.Generator
) -> None:
    layer = RecurrentLayer(3, 4, feedback=kind, rng=0)
    x = _x(rng)
    expected = layer.forward(x)
    layer.params["W_hh"][...] += 10.0 * (1 - layer.mask)  # bypass set_params
    np.testing.assert_array_equal(layer.forward(x), expected)
    layer.backward(np.ones_like(expected))
    assert np.all(layer.grads["W_hh"][layer.mask == 0] == 0)


@pytest.mark.parametrize("kind", KINDS)
def test_masks_hold_through_training(kind: str) -> None:
    X, y = winner_take_all(64, n_units=4, n_steps=6, noise=0.05, rng=0)
    layer = RecurrentLayer(4, 5, feedback=kind, rng=1)
    start = layer.params["W_hh"].copy()
    net = Sequential([layer, LastStep(), Dense(5, 4, rng=0)])
    history = net.fit(X, y, "cross_entropy", epochs=5, optimizer=SGD(0.2, momentum=0.9), rng=0)
    W = layer.params["W_hh"]
    assert np.all(W[layer.mask == 0] == 0)
    assert np.all(W[layer.mask == 1] != start[layer.mask == 1])
    assert history.loss[-1] < history.loss[0]


# --- the forward pass ------------------------------------------------------------------------


def test_rnn_forward_is_the_recurrence(rng: np.random.Generator) -> None:
    layer = RecurrentLayer(3, 4, rng=0)
    p = layer.params
    x, h0 = _x(rng), rng.normal(size=(3, 4))
    h, expected = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ p["W_xh"] + h @ p["W_hh"] + p["b_h"])
        expected.append(h)
    np.testing.assert_allclose(layer.forward(x, h0=h0), np.stack(expected, axis=1), rtol=1e-14)


def test_leaky_rnn_forward_is_the_recurrence(rng: np.random.Generator) -> None:
    layer = RecurrentLayer(3, 4, feedback="lateral", leak=0.25, rng=0)
    p = layer.params
    x = _x(rng)
    h, expected = np.zeros((3, 4)), []
    for t in range(x.shape[1]):
        h = 0.75 * h + 0.25 * np.tanh(x[:, t] @ p["W_xh"] + h @ p["W_hh"] + p["b_h"])
        expected.append(h)
    np.testing.assert_allclose(layer.forward(x), np.stack(expected, axis=1), rtol=1e-13)
    tr = layer.trace(x)
    np.testing.assert_allclose(tr.h, np.stack(expected, axis=1), rtol=1e-13)


def test_jordan_forward_is_the_recurrence(rng: np.random.Generator) -> None:
    net = JordanNetwork(3, 4, 2, output_activation="softmax", rng=0)
    p = net.params
    x, y0 = _x(rng), np.full((3, 2), 0.5)
    y, hs, ys = y0, [], []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ p["W_xh"] + y @ p["W_yh"] + p["b_h"])
        z = h @ p["W_hy"] + p["b_y"]
        y = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        hs.append(h)
        ys.append(y)
    tr = net.trace(x, y0=y0)
    np.testing.assert_allclose(tr.y, np.stack(ys, axis=1), rtol=1e-13)
    np.testing.assert_allclose(tr.h, np.stack(hs, axis=1), rtol=1e-13)


@pytest.mark.parametrize(("name", "make", "names"), LAYERS, ids=LAYER_IDS)
def test_initial_state_continues_a_sequence(
    name: str, make: Callable[[], Any], names: tuple[str, ...], rng: np.random.Generator
) -> None:
    """Running steps 0..2, then 3..6 from the state reached, equals running 0..6."""
    layer = make()
    x = _x(rng)
    whole = layer.forward(x)
    first = layer.forward(x[:, :3])
    states = _final_states(layer, x[:, :3], names)
    np.testing.assert_allclose(first, whole[:, :3], rtol=1e-14)
    np.testing.assert_allclose(layer.forward(x[:, 3:], **states), whole[:, 3:], rtol=1e-13)


def _final_states(layer: Any, x: np.ndarray, names: tuple[str, ...]) -> dict:
    """The states after the last step of ``x`` (as the next piece's initial states)."""
    tr = layer.trace(x)
    found = {}
    for name in names:
        field = {"h0": "h", "c0": "c", "y0": "y"}[name]
        found[name] = getattr(tr, field)[:, -1].copy()
    return found


@pytest.mark.parametrize(("name", "make", "names"), LAYERS, ids=LAYER_IDS)
def test_initial_states_are_checked_and_not_modified(
    name: str, make: Callable[[], Any], names: tuple[str, ...], rng: np.random.Generator
) -> None:
    layer = make()
    x = _x(rng)
    states = _states(layer, names, 3, rng)
    copies = {k: v.copy() for k, v in states.items()}
    out = layer.forward(x, **states)
    layer.backward(rng.normal(size=out.shape))
    for key, value in states.items():
        np.testing.assert_array_equal(value, copies[key])
    bad = {**states, names[0]: np.zeros((2, layer._state_sizes[names[0]]))}
    with pytest.raises(ValueError, match=f"^{names[0]} must be an array of shape \\(3, "):
        layer.forward(x, **bad)
    nan = {**states, names[0]: np.full((3, layer._state_sizes[names[0]]), np.nan)}
    with pytest.raises(ValueError, match=f"^{names[0]} must be finite"):
        layer.forward(x, **nan)


# --- gradients ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "make", "names"), LAYERS, ids=LAYER_IDS)
def test_gradients_with_initial_states_pass_finite_differences(
    name: str, make: Callable[[], Any], names: tuple[str, ...], rng: np.random.Generator
) -> None:
    layer = make()
    x = _x(rng)
    states = _states(layer, names, 3, rng)
    out = layer.forward(x, **states)
    r = rng.normal(size=out.shape)

    def objective(_: np.ndarray) -> float:
        return float(np.vdot(r, layer.forward(x, **states)))

    layer.forward(x, **states)
    grad_x = layer.backward(r)
    analytic = {k: v.copy() for k, v in layer.grads.items()}
    initial = {k: v.copy() for k, v in layer.initial_grads.items()}
    assert set(initial) == set(names)
    num = gradcheck.numerical_gradient
    assert gradcheck.relative_error(grad_x, num(objective, x)) < 1e-7
    for key, param in layer.params.items():
        assert gradcheck.relative_error(analytic[key], num(objective, param)) < 1e-7, key
    for key, value in states.items():
        assert gradcheck.relative_error(initial[key], num(objective, value)) < 1e-7, key


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("leak", [1.0, 0.3])
def test_every_feedback_kind_passes_finite_differences(
    kind: str, leak: float, rng: np.random.Generator
) -> None:
    layer = RecurrentLayer(2, 5, feedback=kind, leak=leak, rng=1)
    errors = gradcheck.layer_errors(layer, _x(rng, d=2), rng=rng)
    assert max(errors.values()) < 1e-7, errors


@pytest.mark.parametrize("activation", ["identity", "sigmoid", "softmax", "relu"])
def test_jordan_output_activations_pass_finite_differences(
    activation: str, rng: np.random.Generator
) -> None:
    net = JordanNetwork(2, 4, 3, output_activation=activation, rng=2)
    assert gradcheck.check_layer(net, _x(rng, d=2), rng=rng) < 1e-7


def test_network_with_recurrent_layers_passes_finite_differences(
    rng: np.random.Generator,
) -> None:
    X, y = delayed_recall(4, delay=2, n_steps=5, n_symbols=3, rng=0)
    net = Sequential([GRU(3, 4, rng=0), LSTM(4, 3, rng=1), LastStep(), Dense(3, 3, rng=2)])
    assert gradcheck.check_network(net, X, y, "cross_entropy", eps=1e-5) < 1e-7
    X2, Y2 = noisy_sine(3, n_steps=4, rng=0)
    net2 = Sequential([RecurrentLayer(1, 3, rng=0), TimeDistributed(Dense(3, 1, rng=0))])
    assert gradcheck.check_network(net2, X2, Y2, "mse") < 1e-7


@pytest.mark.parametrize(("name", "make", "names"), LAYERS, ids=LAYER_IDS)
def test_hidden_grads_are_the_gradient_of_each_state(
    name: str, make: Callable[[], Any], names: tuple[str, ...], rng: np.random.Generator
) -> None:
    """dL/dh_t of the whole pass equals the initial-state gradient of the pass from t+1 on
    (plus the step's own gradient; for a Jordan network, carried back through y_t)."""
    layer = make()
    x = _x(rng)
    out = layer.forward(x)
    g = rng.normal(size=out.shape)
    layer.backward(g)
    hidden = layer.hidden_grads.copy()
    assert hidden.shape == (3, 7, 4)
    tr = layer.trace(x)
    for t in (0, 3):
        states = _final_states(layer, x[:, : t + 1], names)
        layer.forward(x[:, t + 1 :], **states)
        layer.backward(g[:, t + 1 :])
        later = layer.initial_grads[names[0]]
        if names == ("y0",):  # dL/dh_t = (f'(z_t) * dL/dy_t) W_hy^T
            p = layer.params
            z = tr.h[:, t] @ p["W_hy"] + p["b_y"]
            expected = (layer.output_activation.grad(z) * (g[:, t] + later)) @ p["W_hy"].T
        else:
            expected = g[:, t] + later
        np.testing.assert_allclose(hidden[:, t], expected, rtol=1e-10, atol=1e-14)


# --- truncated BPTT and clipping -------------------------------------------------------------


@pytest.mark.parametrize(("name", "make", "names"), LAYERS, ids=LAYER_IDS)
@pytest.mark.parametrize("k", [1, 3, 7, 20])
def test_truncation_equals_pieces_with_constant_initial_states(
    name: str,
    make: Callable[[], Any],
    names: tuple[str, ...],
    k: int,
    rng: np.random.Generator,
) -> None:
    """Truncated BPTT in pieces of k steps = full BPTT on each piece, its initial state a
    constant (the state the forward pass reached), gradients added up."""
    layer = make()
    x = _x(rng)
    g = rng.normal(size=layer.forward(x).shape)
    expected_params = {key: np.zeros_like(v) for key, v in layer.params.items()}
    expected_x = np.zeros_like(x)
    states: dict = {}
    for start in range(0, x.shape[1], k):
        piece = slice(start, start + k)
        layer.forward(x[:, piece], **states)
        expected_x[:, piece] = layer.backward(g[:, piece])
        for key, value in layer.grads.items():
            expected_params[key] += value
        if start == 0:
            expected_initial = {key: v.copy() for key, v in layer.initial_grads.items()}
        states = (
            _final_states(layer, x[:, piece], names)
            if not states
            else _continue(layer, x[:, piece], states, names)
        )
    layer.truncate = k
    layer.forward(x)
    np.testing.assert_allclose(layer.backward(g), expected_x, rtol=1e-12, atol=1e-15)
    for key, value in layer.grads.items():
        np.testing.assert_allclose(value, expected_params[key], rtol=1e-11, atol=1e-15)
    for key, value in layer.initial_grads.items():
        np.testing.assert_allclose(value, expected_initial[key], rtol=1e-12, atol=1e-15)


def _continue(layer: Any, x: np.ndarray, states: dict, names: tuple[str, ...]) -> dict:
    tr = layer.trace(x, **states)
    return {
        name: getattr(tr, {"h0": "h", "c0": "c", "y0": "y"}[name])[:, -1].copy() for name in names
    }


def test_truncation_of_at_least_the_length_is_full_bptt(rng: np.random.Generator) -> None:
    layer = LSTM(3, 4, rng=0)
    x = _x(rng)
    g = rng.normal(size=(3, 7, 4))
    layer.forward(x)
    full_x = layer.backward(g)
    full = {k: v.copy() for k, v in layer.grads.items()}
    layer.truncate = 7
    layer.forward(x)
    np.testing.assert_array_equal(layer.backward(g), full_x)
    for key, value in layer.grads.items():
        np.testing.assert_array_equal(value, full[key])


@pytest.mark.parametrize(("name", "make", "names"), LAYERS, ids=LAYER_IDS)
def test_clipping_scales_the_parameter_gradients_as_pytorch(
    name: str, make: Callable[[], Any], names: tuple[str, ...], rng: np.random.Generator
) -> None:
    layer = make()
    x = _x(rng)
    g = 10 * rng.normal(size=layer.forward(x).shape)
    grad_x = layer.backward(g)
    free = {k: v.copy() for k, v in layer.grads.items()}
    norm = np.sqrt(sum(float(np.sum(v**2)) for v in free.values()))
    cap = norm / 4
    layer.clip_norm = cap
    layer.forward(x)
    np.testing.assert_array_equal(layer.backward(g), grad_x)  # dL/dx is not clipped
    coef = cap / (norm + 1e-6)
    for key, value in layer.grads.items():
        np.testing.assert_allclose(value, free[key] * coef, rtol=1e-13)
    clipped = np.sqrt(sum(float(np.sum(v**2)) for v in layer.grads.values()))
    assert clipped == pytest.approx(cap, rel=1e-6)
    layer.clip_norm = 2 * norm  # a cap above the norm changes nothing
    layer.forward(x)
    layer.backward(g)
    for key, value in layer.grads.items():
        np.testing.assert_array_equal(value, free[key])


def test_clip_grad_norm_function() -> None:
    grads = {"a": np.array([3.0, 0.0]), "b": np.array([[0.0], [4.0]])}
    assert clip_grad_norm(grads, 10.0) == 5.0
    np.testing.assert_array_equal(grads["a"], [3.0, 0.0])  # below the cap: untouched
    assert clip_grad_norm([grads["a"], grads["b"]], 1.0) == 5.0
    np.testing.assert_allclose(grads["a"], [3.0 / (5.0 + 1e-6), 0.0])
    with pytest.raises(ValueError, match="^max_norm must be a positive real number"):
        clip_grad_norm(grads, 0.0)
    with pytest.raises(TypeError, match=r"^grads\[0\] must be a float NumPy array"):
        clip_grad_norm([[1.0, 2.0]], 1.0)  # type: ignore[list-item]


@pytest.mark.parametrize("value", [0, -1, 1.5, True])
def test_bad_truncate_is_named(value: Any) -> None:
    with pytest.raises((TypeError, ValueError), match="^truncate must be a positive integer"):
        RecurrentLayer(1, 2, truncate=value)


@pytest.mark.parametrize("value", [0.0, -1.0, np.inf, "1"])
def test_bad_clip_norm_is_named(value: Any) -> None:
    with pytest.raises((TypeError, ValueError), match="^clip_norm must be a positive real"):
        LSTM(1, 2, clip_norm=value)


@pytest.mark.parametrize("value", [0.0, 1.5, -0.2])
def test_bad_leak_is_named(value: float) -> None:
    with pytest.raises(ValueError, match=r"^leak must be a real number in \(0, 1\]"):
        RecurrentLayer(1, 2, leak=value)


def test_bptt_worked_example_by_hand() -> None:
    """The glossary's scalar example: inputs (1, 2), w_x = 0.5, w_h = 0.1, w_y = 2, targets
    (1, 2), tanh hidden unit, L = 1/2 sum of squared errors; gradients written out by hand."""
    x, target = np.array([1.0, 2.0]), np.array([1.0, 2.0])
    wx, wh, wy = 0.5, 0.1, 2.0
    h1 = np.tanh(wx * x[0])
    h2 = np.tanh(wx * x[1] + wh * h1)
    e1, e2 = wy * h1 - target[0], wy * h2 - target[1]
    loss = 0.5 * (e1**2 + e2**2)
    d2 = e2 * wy * (1 - h2**2)  # dL/da_2
    d1 = (e1 * wy + d2 * wh) * (1 - h1**2)  # dL/da_1, through h_1 -> a_2
    grads = {"wx": d1 * x[0] + d2 * x[1], "wh": d2 * h1, "wy": e1 * h1 + e2 * h2}

    rnn = RecurrentLayer.from_weights([[wx]], [[wh]], [0.0])
    out = Dense.from_weights([[wy]], [0.0])
    net = Sequential([rnn, TimeDistributed(out)])
    X, Y = x.reshape(1, 2, 1), target.reshape(1, 2, 1)
    pred = net.forward(X)
    np.testing.assert_allclose(rnn.forward(X)[0, :, 0], [h1, h2], rtol=1e-15)
    from nnref.losses import get

    squared = get("squared_error")
    assert squared(pred, Y) == pytest.approx(loss, rel=1e-15)
    net.backward(squared.gradient(pred, Y))
    assert rnn.grads["W_xh"][0, 0] == pytest.approx(grads["wx"], rel=1e-14)
    assert rnn.grads["W_hh"][0, 0] == pytest.approx(grads["wh"], rel=1e-14)
    assert out.grads["W"][0, 0] == pytest.approx(grads["wy"], rel=1e-14)
    assert gradcheck.check_network(net, X, Y, "squared_error") < 1e-8
    # Truncated to one step, the path h_1 -> a_2 is cut: dL/da_1 keeps only its own error.
    rnn.truncate = 1
    net.forward(X)
    net.backward(squared.gradient(pred, Y))
    d1_cut = e1 * wy * (1 - h1**2)
    assert rnn.grads["W_xh"][0, 0] == pytest.approx(d1_cut * x[0] + d2 * x[1], rel=1e-14)
    assert rnn.grads["W_hh"][0, 0] == pytest.approx(d2 * h1, rel=1e-14)


# --- LSTM and GRU cells ----------------------------------------------------------------------


def test_lstm_forward_is_step_after_step(rng: np.random.Generator) -> None:
    lstm = LSTM(3, 4, rng=0)
    x, h0, c0 = _x(rng), rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    tr = lstm.trace(x, h0=h0, c0=c0)
    h, c = h0, c0
    for t in range(x.shape[1]):
        s = lstm.step(x[:, t], h, c)
        for field in ("i", "f", "g", "o", "c", "h"):
            np.testing.assert_allclose(getattr(tr, field)[:, t], getattr(s, field), atol=1e-15)
        h, c = s.h, s.c
    assert np.all((tr.f > 0) & (tr.f < 1)) and np.all(np.abs(tr.g) < 1)
    c_prev = np.concatenate([c0[:, None], tr.c[:, :-1]], axis=1)
    np.testing.assert_allclose(tr.c, tr.f * c_prev + tr.i * tr.g, rtol=1e-14)


def test_gru_forward_is_step_after_step(rng: np.random.Generator) -> None:
    gru = GRU(3, 4, rng=0)
    x, h0 = _x(rng), rng.normal(size=(3, 4))
    tr = gru.trace(x, h0=h0)
    h = h0
    for t in range(x.shape[1]):
        s = gru.step(x[:, t], h)
        for field in ("r", "z", "n", "h"):
            np.testing.assert_allclose(getattr(tr, field)[:, t], getattr(s, field), atol=1e-15)
        h = s.h


def test_step_checks_its_inputs() -> None:
    lstm = LSTM(3, 2, rng=0)
    with pytest.raises(ValueError, match=r"^x_t must be an array of shape \(n, 3\)"):
        lstm.step(np.ones((2, 4)))
    with pytest.raises(ValueError, match=r"^c must be an array of shape \(2, 2\)"):
        lstm.step(np.ones((2, 3)), c=np.ones((3, 2)))
    with pytest.raises(ValueError, match=r"^h must be an array of shape \(1, 2\)"):
        GRU(3, 2, rng=0).step(np.ones((1, 3)), h=np.ones(2))


def test_gates_stay_finite_for_huge_inputs() -> None:
    lstm = LSTM(1, 2, rng=0)
    tr = lstm.trace(np.array([[[1e6], [-1e6], [1e300]]]))
    for field in ("i", "f", "g", "o", "c", "h"):
        assert np.all(np.isfinite(getattr(tr, field)))
    assert np.all((tr.f >= 0) & (tr.f <= 1))
    gru = GRU(1, 2, rng=0)
    assert np.all(np.isfinite(gru.forward(np.array([[[1e300], [-1e300]]]))))


# --- dtypes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "make", "names"), LAYERS, ids=LAYER_IDS)
def test_float32_keeps_float32_and_agrees_with_float64(
    name: str, make: Callable[[], Any], names: tuple[str, ...], rng: np.random.Generator
) -> None:
    x = _x(rng)
    g = rng.normal(size=make().forward(x).shape)
    ref = make()
    out64 = ref.forward(x)
    dx64 = ref.backward(g)
    layer = make().astype(np.float32)
    out = layer.forward(x.astype(np.float32))
    dx = layer.backward(g.astype(np.float32))
    assert out.dtype == dx.dtype == np.float32
    np.testing.assert_allclose(out, out64, atol=2e-6)
    np.testing.assert_allclose(dx, dx64, atol=2e-5)
    for key, value in layer.grads.items():
        assert value.dtype == np.float32
        np.testing.assert_allclose(value, ref.grads[key], atol=5e-5)
    # float64 parameters with float32 data: the pass runs in float32, grads stay float64.
    mixed = make()
    assert mixed.forward(x.astype(np.float32)).dtype == np.float32
    mixed.backward(g.astype(np.float32))
    assert all(v.dtype == np.float64 for v in mixed.grads.values())


@pytest.mark.parametrize(("name", "make", "names"), LAYERS, ids=LAYER_IDS)
def test_float32_parameters_from_the_constructor(
    name: str, make: Callable[[], Any], names: tuple[str, ...]
) -> None:
    layer = make()
    cls, kwargs = type(layer), {"dtype": np.float32, "rng": 0}
    args = (3, 4, 2) if cls is JordanNetwork else (3, 4)
    assert all(p.dtype == np.float32 for p in cls(*args, **kwargs).params.values())


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "make", "names"), LAYERS, ids=LAYER_IDS)
def test_bad_sequences_get_clear_errors(
    name: str, make: Callable[[], Any], names: tuple[str, ...]
) -> None:
    layer = make()
    cls = type(layer).__name__
    with pytest.raises(ValueError, match=r"^x must be a 3-D array .*needs a batch axis: x\[None\]"):
        layer.forward(np.ones((7, 3)))
    with pytest.raises(
        ValueError, match=f"^x must have 3 feature\\(s\\) per time step \\(n_in of this {cls}"
    ):
        layer.forward(np.ones((2, 7, 5)))
    with pytest.raises(ValueError, match="^x must have at least one time step"):
        layer.forward(np.ones((2, 0, 3)))
    with pytest.raises(ValueError, match="^x must be finite"):
        layer.forward(np.full((2, 4, 3), np.nan))
    with pytest.raises(TypeError, match="^x must be a real-valued array"):
        layer.forward(np.full((2, 4, 3), "a"))
    with pytest.raises(ValueError, match="^input_shape must"):
        layer.output_shape((3,))


def test_errors_inside_a_network_name_the_data() -> None:
    net = Sequential([LSTM(2, 3, rng=0), LastStep(), Dense(3, 2, rng=0)])
    with pytest.raises(ValueError, match=r"^X must be a 3-D array"):
        net.fit(np.ones((4, 2)), [0, 1, 0, 1], "cross_entropy", epochs=1)
    with pytest.raises(ValueError, match=r"^X must have 2 feature"):
        net.fit(np.ones((4, 5, 3)), [0, 1, 0, 1], "cross_entropy", epochs=1)
    with pytest.raises(ValueError, match=r"layer 0 \(LSTM\(2, 3\)\) cannot take"):
        net.summary((5, 3))


def test_constructor_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="^n_hidden must be a positive integer"):
        LSTM(2, 0)
    with pytest.raises(TypeError, match="^n_in must be a positive integer"):
        GRU(2.0, 3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="^output_activation must be an activation that keeps"):
        JordanNetwork(2, 3, 4, output_activation="glu")
    with pytest.raises(ValueError, match="^output_activation must be one of"):
        JordanNetwork(2, 3, 4, output_activation="nope")
    with pytest.raises(TypeError, match="^rng must be"):
        RecurrentLayer(2, 3, rng="seed")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^layer must be a layer"):
        TimeDistributed(object())


# --- glue layers, networks and training -----------------------------------------------------


def test_last_step_and_time_distributed(rng: np.random.Generator) -> None:
    x = _x(rng)
    last = LastStep()
    np.testing.assert_array_equal(last.forward(x), x[:, -1])
    g = rng.normal(size=(3, 3))
    back = last.backward(g)
    np.testing.assert_array_equal(back[:, -1], g)
    assert not back[:, :-1].any()
    dense = Dense(3, 2, rng=0)
    td = TimeDistributed(dense)
    out = td.forward(x)
    for t in range(x.shape[1]):
        np.testing.assert_allclose(out[:, t], x[:, t] @ dense.params["W"] + dense.params["b"])
    assert td.params is dense.params and td.grads is dense.grads
    with pytest.raises(ValueError, match=r"^x must have 3 feature.*each time step of x"):
        td.forward(np.ones((2, 4, 5)))
    td.astype(np.float32)
    assert dense.params["W"].dtype == np.float32 and td.params["W"].dtype == np.float32


def test_summary_and_repr() -> None:
    net = Sequential(
        [
            RecurrentLayer(2, 4, feedback="lateral", truncate=5, clip_norm=1.0, rng=0),
            GRU(4, 3, rng=0),
            LSTM(3, 3, rng=0),
            JordanNetwork(3, 2, 2, output_activation="tanh", rng=0),
            TimeDistributed(Dense(2, 1, rng=0)),
            LastStep(),
        ]
    )
    s = net.summary((10, 2))
    shapes = [row[1] for row in s.rows]
    assert shapes == [(10, 4), (10, 3), (10, 3), (10, 2), (10, 1), (1,)]
    assert s.rows[0][0] == "RecurrentLayer(2, 4, feedback='lateral', truncate=5, clip_norm=1.0)"
    assert s.total_params == net.n_params
    assert repr(JordanNetwork(1, 2, 1, rng=0)) == "JordanNetwork(1, 2, 1)"


def test_feed_forward_fails_and_recurrent_solves_delayed_recall() -> None:
    """The label is independent of the last input: a network seeing only it guesses; an
    RNN with memory gets it right."""
    X, y = delayed_recall(400, delay=3, rng=0)
    Xv, yv = delayed_recall(400, delay=3, rng=1)
    ff = mlp([2, 8, 2], activation="tanh", rng=0)
    ff.fit(X[:, -1], y, "cross_entropy", epochs=30, optimizer=SGD(0.5, momentum=0.9), rng=0)
    assert ff.evaluate(Xv[:, -1], yv, "cross_entropy")["accuracy"] < 0.6
    rnn = Sequential([RecurrentLayer(2, 12, rng=0), LastStep(), Dense(12, 2, rng=0)])
    rnn.fit(X, y, "cross_entropy", epochs=30, optimizer=SGD(0.5, momentum=0.9), rng=0)
    assert rnn.evaluate(Xv, yv, "cross_entropy")["accuracy"] > 0.95


def test_sequence_to_sequence_training_on_the_noisy_sine() -> None:
    X, Y = noisy_sine(32, n_steps=25, noise=0.05, rng=0)
    net = Sequential([GRU(1, 8, rng=0), TimeDistributed(Dense(8, 1, rng=0))])
    history = net.fit(X, Y, "mse", epochs=40, optimizer=SGD(0.1, momentum=0.9), rng=0)
    assert history.loss[-1] < 0.25 * history.loss[0]


def test_float32_training_stays_float32() -> None:
    X, y = delayed_recall(32, delay=1, rng=0)
    net = Sequential([LSTM(2, 4, rng=0), LastStep(), Dense(4, 2, rng=0)])
    net.fit(X.astype(np.float32), y, "cross_entropy", epochs=2, lr=0.1, rng=0)
    assert all(p.dtype == np.float32 for p in net.parameters())
    assert net.predict(X.astype(np.float32)).dtype == np.float32
