"""The artificial neuron: the glossary's worked example, batches, dtypes and errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnref import Neuron, activations


def test_worked_example_from_the_glossary() -> None:
    # inputs 0.5 and 0.8, weights 0.3 and 0.7: 0.15 + 0.56 = 0.71 -> ReLU -> identity.
    t = Neuron([0.3, 0.7]).trace([0.5, 0.8])
    np.testing.assert_allclose(t.products, [0.15, 0.56])
    assert t.net_input == pytest.approx(0.71, abs=1e-15)
    assert t.activity == pytest.approx(0.71, abs=1e-15)
    assert t.output == pytest.approx(0.71, abs=1e-15)
    assert t.lines() == [
        "net input  z = 0.3·0.5 + 0.7·0.8 = 0.71",
        "activity   a = relu(0.71) = 0.71",
        "output     o = identity(0.71) = 0.71",
    ]


def test_lines_show_the_bias_and_refuse_batches() -> None:
    t = Neuron([1.0], bias=-0.5, activation="sigmoid").trace([2.0])
    assert t.lines()[0] == "net input  z = 1·2 - 0.5 = 1.5"
    assert t.lines()[1].startswith("activity   a = sigmoid(1.5) = 0.8176")
    with pytest.raises(ValueError, match="single sample"):
        Neuron([1.0]).trace([[1.0], [2.0]]).lines()


def test_defaults_are_relu_and_identity() -> None:
    n = Neuron([1.0, 1.0])
    assert n.activation is activations.relu
    assert n.output is activations.identity
    assert n.bias == 0.0
    assert float(n([-1.0, -1.0])) == 0.0


def test_bias_adds_to_net_input() -> None:
    assert float(Neuron([2.0], bias=0.25).net_input([1.0])) == 2.25


@settings(deadline=None)  # a shared, slow machine: runtimes vary
@given(
    arrays(
        np.float64, st.tuples(st.integers(1, 8), st.integers(1, 5)), elements=st.floats(-100, 100)
    ),
    st.floats(-10, 10),
)
def test_batch_equals_rows_one_by_one(X: np.ndarray, bias: float) -> None:
    w = np.linspace(-1, 1, X.shape[1])
    n = Neuron(w, bias=bias, activation="sigmoid")
    batch = n(X)
    assert batch.shape == (X.shape[0],)
    np.testing.assert_allclose(batch, [float(n(row)) for row in X], rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(n.net_input(X), X @ w + bias, rtol=1e-12, atol=1e-9)


def test_float32_stays_float32() -> None:
    n = Neuron([0.3, 0.7], bias=0.1)
    out = n(np.array([[0.5, 0.8]], dtype=np.float32))
    assert out.dtype == np.float32
    assert n([[1, 2]]).dtype == np.float64


def test_activation_by_object_or_key() -> None:
    by_key = Neuron([1.0], activation="tanh", output="identity")
    by_obj = Neuron([1.0], activation=activations.tanh)
    assert float(by_key([0.5])) == float(by_obj([0.5])) == pytest.approx(np.tanh(0.5))


def test_repr_round_trips_the_settings() -> None:
    assert repr(Neuron([0.3, 0.7], bias=0.1, activation="sigmoid")) == (
        "Neuron(weights=[0.3, 0.7], bias=0.1, activation='sigmoid', output='identity')"
    )


@pytest.mark.parametrize(
    ("kwargs", "exc", "pattern"),
    [
        ({"weights": [[1.0, 2.0]]}, ValueError, r"weights must be a 1-D array .* shape \(1, 2\)"),
        ({"weights": []}, ValueError, r"weights must be a non-empty 1-D array"),
        ({"weights": [1.0, np.nan]}, ValueError, r"weights must be finite"),
        ({"weights": ["a", "b"]}, TypeError, r"weights must be a real-valued array, got"),
        ({"weights": [1.0], "bias": [1.0, 2.0]}, ValueError, r"bias must be a finite real number"),
        ({"weights": [1.0], "bias": np.inf}, ValueError, r"bias must be a finite real number"),
        (
            {"weights": [1.0], "activation": "relux"},
            ValueError,
            r"^activation must be one of .*'relu'.*, got 'relux'",
        ),
        (
            {"weights": [1.0], "output": 3},
            TypeError,
            r"output must be an Activation or an "
            r"activation key such as 'relu', got 3",
        ),
    ],
)
def test_bad_construction(kwargs: dict[str, object], exc: type[Exception], pattern: str) -> None:
    with pytest.raises(exc, match=pattern):
        Neuron(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("x", "pattern"),
    [
        (
            [1.0, 2.0, 3.0],
            r"x must have 2 feature\(s\) per sample to match the weights, got an "
            r"array of shape \(3,\)",
        ),
        ([[1.0, 2.0, 3.0]], r"x must have 2 feature\(s\) .* shape \(1, 3\)"),
        (np.zeros((2, 2, 2)), r"x must be a 1-D or 2-D array \(one sample or a batch\)"),
        (1.0, r"x must be a 1-D or 2-D array"),
    ],
)
def test_mismatched_inputs(x: object, pattern: str) -> None:
    n = Neuron([0.3, 0.7])
    for method in (n, n.net_input, n.trace):
        with pytest.raises(ValueError, match=pattern):
            method(x)  # type: ignore[operator]


@pytest.mark.parametrize("key", ["softmax", "log_softmax", "softmin", "glu", "maxout", "brelu"])
def test_functions_of_a_whole_layer_are_refused(key: str) -> None:
    # A batch has one net input per sample; these would mix the samples together.
    with pytest.raises(TypeError, match=r"activation must be an elementwise activation"):
        Neuron([1.0, 0.0], activation=key)
    with pytest.raises(TypeError, match=r"output must be an elementwise activation"):
        Neuron([1.0, 0.0], output=key)


@pytest.mark.parametrize(
    "f",
    [f for f in activations.catalog() if f.elementwise and not f.position_dependent],
    ids=lambda f: f.key,
)
def test_every_elementwise_activation_treats_samples_independently(
    f: activations.Activation,
) -> None:
    X = np.array([[0.5, -1.0], [2.0, 0.25], [-3.0, 1.5]])
    n = Neuron([0.6, -0.4], bias=0.1, activation=f)
    np.testing.assert_allclose(n(X), [float(n(row)) for row in X], rtol=1e-12)
