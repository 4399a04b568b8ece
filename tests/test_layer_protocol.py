"""Every layer type through the one layer protocol of ``nnref.layers.Layer``.

A new layer is tested here by adding one entry to ``CASES``: a name, a factory that builds the
layer in float64, and the shape of one input sample. Each case is checked for what
``Sequential`` relies on: ``output_shape`` agrees with ``forward``, ``params`` and ``grads`` have
the same keys and shapes, float32 stays float32, the gradients pass finite differences, the
caller's input is left untouched, ``backward`` refuses to run before ``forward``, and a batch
of the wrong shape gets a clear error naming ``x``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from nnref import gradcheck
from nnref.conv import AvgPool2D, Conv2D, MaxPool2D
from nnref.layers import ActivationLayer, Dense, Flatten, Layer, PReLU
from nnref.recurrent import GRU, LSTM, JordanNetwork, LastStep, RecurrentLayer, TimeDistributed

# (name, factory, input sample shape, a wrong sample shape or None if any shape is accepted)
CASES: list[tuple[str, Callable[[], Any], tuple[int, ...], tuple[int, ...] | None]] = [
    ("dense", lambda: Dense(4, 3, rng=0), (4,), (5,)),
    ("activation-tanh", lambda: ActivationLayer("tanh"), (5,), None),
    ("activation-softmax", lambda: ActivationLayer("softmax"), (4,), None),
    ("activation-glu", lambda: ActivationLayer("glu"), (6,), None),
    ("prelu", lambda: PReLU(0.2), (5,), None),
    ("conv2d", lambda: Conv2D(2, 3, 3, padding=1, rng=0), (2, 5, 6), (3, 5, 6)),
    (
        "conv2d-strided-dilated",
        lambda: Conv2D(2, 2, (2, 3), stride=(2, 1), padding=(1, 0), dilation=(1, 2), rng=0),
        (2, 6, 7),
        (2, 6, 3),
    ),
    (
        "conv2d-same-no-bias",
        lambda: Conv2D(1, 2, 4, padding="same", bias=False, rng=0),
        (1, 5, 5),
        (1, 5),
    ),
    ("maxpool2d", lambda: MaxPool2D(2), (3, 4, 6), (3, 1, 1)),
    ("maxpool2d-overlapping", lambda: MaxPool2D(3, stride=1, padding=1), (2, 5, 5), (2, 5)),
    (
        "avgpool2d",
        lambda: AvgPool2D((2, 3), padding=1, count_include_pad=False),
        (2, 5, 6),
        (2, 5),
    ),
    ("flatten", lambda: Flatten(), (2, 3, 4), ()),
    # Recurrent layers: one sample is a sequence (n_steps, features).
    ("rnn-complete", lambda: RecurrentLayer(3, 4, rng=0), (5, 3), (5, 4)),
    ("rnn-direct", lambda: RecurrentLayer(3, 4, feedback="direct", rng=0), (5, 3), (5, 2)),
    ("rnn-lateral", lambda: RecurrentLayer(3, 4, feedback="lateral", rng=0), (5, 3), (5, 2)),
    ("rnn-leaky", lambda: RecurrentLayer(3, 4, leak=0.4, rng=0), (5, 3), (5, 2)),
    ("jordan", lambda: JordanNetwork(3, 4, 2, output_activation="tanh", rng=0), (5, 3), (5, 2)),
    ("lstm", lambda: LSTM(3, 4, rng=0), (5, 3), (5, 4)),
    ("gru", lambda: GRU(3, 4, rng=0), (5, 3), (5, 4)),
    ("last-step", LastStep, (5, 3), None),
    ("time-distributed", lambda: TimeDistributed(Dense(3, 2, rng=0)), (5, 3), (5, 4)),
]

IDS = [case[0] for case in CASES]


def _input(shape: tuple[int, ...], rng: np.random.Generator, n: int = 3) -> np.ndarray:
    # Away from 0 so that no input sits on a kink (ReLU-like layers).
    x = rng.uniform(0.2, 1.5, size=(n, *shape)) * rng.choice([-1.0, 1.0], size=(n, *shape))
    return x


@pytest.mark.parametrize(("name", "make", "shape", "wrong"), CASES, ids=IDS)
def test_output_shape_matches_forward(
    name: str,
    make: Callable[[], Any],
    shape: tuple[int, ...],
    wrong: tuple[int, ...] | None,
    rng: np.random.Generator,
) -> None:
    layer = make()
    assert isinstance(layer, Layer)
    out = layer.forward(_input(shape, rng))
    assert out.shape == (3, *layer.output_shape(shape))


@pytest.mark.parametrize(("name", "make", "shape", "wrong"), CASES, ids=IDS)
def test_params_and_grads_agree(
    name: str,
    make: Callable[[], Any],
    shape: tuple[int, ...],
    wrong: tuple[int, ...] | None,
    rng: np.random.Generator,
) -> None:
    layer = make()
    out = layer.forward(_input(shape, rng))
    layer.backward(np.ones_like(out))
    assert set(layer.params) == set(layer.grads)
    for key, value in layer.params.items():
        assert layer.grads[key].shape == value.shape
        assert layer.grads[key].dtype == value.dtype
    assert layer.n_params == sum(p.size for p in layer.params.values())


@pytest.mark.parametrize(("name", "make", "shape", "wrong"), CASES, ids=IDS)
def test_float32_stays_float32(
    name: str,
    make: Callable[[], Any],
    shape: tuple[int, ...],
    wrong: tuple[int, ...] | None,
    rng: np.random.Generator,
) -> None:
    layer = make().astype(np.float32)
    x = _input(shape, rng).astype(np.float32)
    out = layer.forward(x)
    assert out.dtype == np.float32
    grad_in = layer.backward(np.ones_like(out))
    assert grad_in.dtype == np.float32
    for key, value in layer.grads.items():
        assert value.dtype == np.float32, key


@pytest.mark.parametrize(("name", "make", "shape", "wrong"), CASES, ids=IDS)
def test_gradients_pass_finite_differences(
    name: str,
    make: Callable[[], Any],
    shape: tuple[int, ...],
    wrong: tuple[int, ...] | None,
    rng: np.random.Generator,
) -> None:
    layer = make()
    errors = gradcheck.layer_errors(layer, _input(shape, rng), rng=rng)
    assert set(errors) == {"x", *layer.params}
    assert max(errors.values()) < 1e-6, errors


@pytest.mark.parametrize(("name", "make", "shape", "wrong"), CASES, ids=IDS)
def test_caller_arrays_are_not_modified(
    name: str,
    make: Callable[[], Any],
    shape: tuple[int, ...],
    wrong: tuple[int, ...] | None,
    rng: np.random.Generator,
) -> None:
    layer = make()
    x = _input(shape, rng)
    x_before = x.copy()
    out = layer.forward(x)
    g = rng.normal(size=out.shape)
    g_before = g.copy()
    layer.backward(g)
    np.testing.assert_array_equal(x, x_before)
    np.testing.assert_array_equal(g, g_before)


@pytest.mark.parametrize(("name", "make", "shape", "wrong"), CASES, ids=IDS)
def test_backward_needs_a_forward_pass(
    name: str,
    make: Callable[[], Any],
    shape: tuple[int, ...],
    wrong: tuple[int, ...] | None,
) -> None:
    layer = make()
    with pytest.raises(RuntimeError, match="forward"):
        layer.backward(np.ones((3, *layer.output_shape(shape))))


@pytest.mark.parametrize(("name", "make", "shape", "wrong"), CASES, ids=IDS)
def test_wrong_input_shapes_are_named(
    name: str,
    make: Callable[[], Any],
    shape: tuple[int, ...],
    wrong: tuple[int, ...] | None,
) -> None:
    layer = make()
    with pytest.raises(ValueError, match="^x must"):
        layer.forward(np.float64(1.0))  # no batch axis
    if wrong is not None:
        with pytest.raises(ValueError, match="^x must"):
            layer.forward(np.ones((2, *wrong)))
        with pytest.raises(ValueError, match="^input_shape must"):
            layer.output_shape(wrong)
    with pytest.raises((TypeError, ValueError), match="^input_shape must"):
        layer.output_shape("abc")
