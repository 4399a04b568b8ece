"""Layers and weight initialisation: shapes, values, dtypes, errors, documentation."""

from __future__ import annotations

import importlib
import inspect

import numpy as np
import pytest

from nnref import activations as act
from nnref import init
from nnref.layers import ActivationLayer, Dense, Layer, PReLU

# --- every public name of the modules of this part is documented with an example --------------

MODULES = [
    "nnref.init",
    "nnref.layers",
    "nnref.losses",
    "nnref.optim",
    "nnref.network",
    "nnref.gradcheck",
]


@pytest.mark.parametrize("module_name", MODULES)
def test_public_names_have_examples(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert module.__doc__ and "Examples:" in module.__doc__
    missing = [
        name
        for name in module.__all__
        if not isinstance(getattr(module, name), tuple)
        and "Examples:" not in (inspect.getdoc(getattr(module, name)) or "")
    ]
    assert not missing, f"{module_name}: no docstring example for {missing}"


# --- initialisation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", [*init.NAMES, "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal"]
)
def test_every_scheme_gives_its_shape_and_dtype(name: str) -> None:
    f = init.get(name)
    assert f((5, 3), rng=0).shape == (5, 3)
    assert f((5, 3), rng=0, dtype=np.float32).dtype == np.float32
    np.testing.assert_array_equal(f((5, 3), rng=7), f((5, 3), rng=7))


@pytest.mark.parametrize(
    ("name", "bound"),
    [
        ("glorot_uniform", np.sqrt(6 / (400 + 200))),
        ("he_uniform", np.sqrt(6 / 400)),
        ("uniform", 1 / np.sqrt(400)),
    ],
)
def test_uniform_schemes_fill_their_interval(name: str, bound: float) -> None:
    W = init.get(name)((400, 200), rng=1)
    assert np.abs(W).max() <= bound
    assert np.abs(W).max() > 0.99 * bound
    assert W.var() == pytest.approx(bound**2 / 3, rel=0.02)


@pytest.mark.parametrize(
    ("name", "std"),
    [
        ("glorot_normal", np.sqrt(2 / (400 + 200))),
        ("he_normal", np.sqrt(2 / 400)),
        ("normal", 0.01),
    ],
)
def test_normal_schemes_have_their_spread(name: str, std: float) -> None:
    W = init.get(name)((400, 200), rng=2)
    assert W.std() == pytest.approx(std, rel=0.02)
    assert abs(W.mean()) < 0.01 * std * 10


def test_fans_and_zeros() -> None:
    assert init.fans((3, 4)) == (3, 4)
    assert init.fans((8, 2, 3, 3)) == (18, 72)
    assert init.fans((5,)) == (1, 5)
    assert not init.zeros((2, 3)).any()


def test_unknown_scheme_and_bad_shape() -> None:
    with pytest.raises(ValueError, match=r"^init must be one of 'zeros', .* got 'ones'"):
        init.get("ones")
    with pytest.raises(TypeError, match=r"^init must be a callable or an initialiser name"):
        init.get(3)
    with pytest.raises(ValueError, match=r"^shape must be a non-empty tuple of positive"):
        init.glorot_uniform((3, 0))
    with pytest.raises(TypeError, match=r"^dtype must be numpy.float32 or numpy.float64"):
        init.zeros((2,), dtype=np.int32)


# --- Dense -------------------------------------------------------------------------------------


def test_dense_parameters_and_default_init() -> None:
    layer = Dense(4, 3, rng=0)
    assert layer.params["W"].shape == (4, 3) and layer.params["b"].shape == (3,)
    assert set(layer.grads) == set(layer.params) == {"W", "b"}
    assert not layer.params["b"].any()
    np.testing.assert_array_equal(layer.params["W"], init.glorot_uniform((4, 3), rng=0))
    assert layer.n_params == 15 and layer.dtype == np.float64
    assert repr(layer) == "Dense(4, 3)"
    assert repr(Dense(2, 2, init="he_normal")) == "Dense(2, 2, init='he_normal')"


def test_dense_same_seed_same_weights(rng: np.random.Generator) -> None:
    a, b = Dense(3, 2, rng=5), Dense(3, 2, rng=5)
    np.testing.assert_array_equal(a.params["W"], b.params["W"])
    c, d = Dense(3, 2, rng=rng), Dense(3, 2, rng=rng)  # one generator: different draws
    assert not np.array_equal(c.params["W"], d.params["W"])


def test_dense_forward_backward_by_hand(rng: np.random.Generator) -> None:
    W, b = rng.normal(size=(3, 2)), rng.normal(size=2)
    x, g = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    layer = Dense.from_weights(W, b)
    np.testing.assert_allclose(layer.forward(x), x @ W + b)
    np.testing.assert_allclose(layer.backward(g), g @ W.T)
    np.testing.assert_allclose(layer.grads["W"], x.T @ g)
    np.testing.assert_allclose(layer.grads["b"], g.sum(axis=0))


def test_dense_gradients_sum_over_the_batch() -> None:
    layer = Dense.from_weights([[1.0], [2.0]])
    layer.forward([[1.0, 0.0], [3.0, 1.0]])
    layer.backward([[1.0], [1.0]])
    np.testing.assert_array_equal(layer.grads["W"], [[4.0], [1.0]])
    np.testing.assert_array_equal(layer.grads["b"], [2.0])


def test_dense_custom_init_callable() -> None:
    layer = Dense(2, 2, init=lambda shape, rng=None, dtype=np.float64: np.ones(shape, dtype))
    np.testing.assert_array_equal(layer.params["W"], np.ones((2, 2)))
    with pytest.raises(ValueError, match=r"^init\(shape\) must be an array of shape \(2, 2\)"):
        Dense(2, 2, init=lambda shape, rng=None, dtype=np.float64: np.ones(3))


def test_backward_overwrites_grads() -> None:
    layer = Dense.from_weights([[1.0]])
    for _ in range(2):
        layer.forward([[2.0]])
        layer.backward([[1.0]])
    np.testing.assert_array_equal(layer.grads["W"], [[2.0]])


def test_replaced_parameter_gets_a_fresh_gradient_buffer() -> None:
    layer = Dense(2, 2, rng=0)
    layer.params["W"] = np.ones((2, 2), dtype=np.float32)
    layer.forward(np.ones((1, 2), dtype=np.float32))
    layer.backward(np.ones((1, 2), dtype=np.float32))
    assert layer.grads["W"].dtype == np.float32


# --- float32 -----------------------------------------------------------------------------------


def test_float32_in_float32_out() -> None:
    x = np.ones((2, 3), dtype=np.float32)
    for layer in (Dense(3, 3, rng=0), ActivationLayer("tanh"), ActivationLayer("softmax"), PReLU()):
        out = layer.forward(x)
        assert out.dtype == np.float32, layer
        assert layer.backward(np.ones_like(out)).dtype == np.float32, layer


def test_float32_parameters_stay_float32() -> None:
    layer = Dense(3, 2, rng=0, dtype=np.float32)
    assert layer.params["W"].dtype == layer.grads["W"].dtype == np.float32
    layer.forward(np.ones((4, 3)))  # float64 input: computed in float64, parameters kept
    layer.backward(np.ones((4, 2)))
    assert layer.params["W"].dtype == layer.grads["W"].dtype == np.float32
    assert PReLU(dtype=np.float32).params["alpha"].dtype == np.float32


def test_astype_converts_parameters() -> None:
    layer = Dense(3, 2, rng=0)
    W = layer.params["W"]
    assert layer.astype(np.float64).params["W"] is W
    layer.astype("float32")
    assert layer.dtype == np.float32 and layer.grads["b"].dtype == np.float32
    np.testing.assert_allclose(layer.params["W"], W, rtol=1e-7)
    with pytest.raises(TypeError, match=r"^dtype must be numpy.float32 or numpy.float64"):
        layer.astype(np.float16)


# --- bad input ---------------------------------------------------------------------------------


def test_dense_rejects_bad_input() -> None:
    layer = Dense(3, 2, rng=0)
    with pytest.raises(
        ValueError,
        match=r"^x must have 3 feature\(s\) per sample \(n_in of this "
        r"Dense layer\), got an array of shape \(4, 2\)",
    ):
        layer.forward(np.ones((4, 2)))
    with pytest.raises(
        ValueError,
        match=r"^x must be a 2-D array \(n_samples, n_in\), got an "
        r"array of shape \(3,\)",
    ):
        layer.forward(np.ones(3))
    with pytest.raises(ValueError, match=r"^x must be finite \(no NaN or inf\), got 1 "):
        layer.forward([[1.0, np.nan, 0.0]])
    with pytest.raises(TypeError, match=r"^x must be a real-valued array"):
        layer.forward([["a", "b", "c"]])


def test_backward_needs_forward_and_the_right_shape() -> None:
    layer = Dense(3, 2, rng=0)
    with pytest.raises(RuntimeError, match=r"call forward\(x\) first"):
        layer.backward(np.ones((1, 2)))
    layer.forward(np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"^grad_out must be an array of shape \(4, 2\)"):
        layer.backward(np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"^grad_out must be finite"):
        layer.backward(np.full((4, 2), np.inf))


@pytest.mark.parametrize(
    ("args", "exc", "pattern"),
    [
        ((0, 2), ValueError, r"^n_in must be a positive integer, got 0"),
        ((2, 1.5), TypeError, r"^n_out must be a positive integer, got 1.5"),
        ((2, 2, "ones"), ValueError, r"^init must be one of"),
        ((2, 2, "zeros", "seed"), TypeError, r"^rng must be a numpy.random.Generator"),
    ],
)
def test_dense_rejects_bad_arguments(args: tuple, exc: type[Exception], pattern: str) -> None:
    with pytest.raises(exc, match=pattern):
        Dense(*args)


def test_set_params_checks_names_and_shapes() -> None:
    layer = Dense(2, 1)
    W = layer.params["W"]
    layer.set_params(W=[[3.0], [4.0]], b=[1.0])
    assert layer.params["W"] is W  # updated in place
    np.testing.assert_array_equal(W, [[3.0], [4.0]])
    with pytest.raises(
        ValueError,
        match=r"^W must be an array of shape \(2, 1\), got an array "
        r"of shape \(1, 2\)",
    ):
        layer.set_params(W=[[3.0, 4.0]])
    with pytest.raises(
        TypeError,
        match=r"^alpha must be a parameter of this layer \(they are: "
        r"W, b\)",
    ):
        layer.set_params(alpha=1.0)
    with pytest.raises(ValueError, match=r"^b must be finite"):
        layer.set_params(b=[np.nan])
    with pytest.raises(ValueError, match=r"^W must be a 2-D array \(n_in, n_out\)"):
        Dense.from_weights([1.0, 2.0])


# --- activation layers -------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["relu", "sigmoid", "tanh", "elu", "gelu", "leaky_relu", "step"])
def test_activation_layer_matches_activation(key: str, rng: np.random.Generator) -> None:
    f = act.get(key)
    x, g = rng.normal(size=(6, 4)), rng.normal(size=(6, 4))
    layer = ActivationLayer(key)
    np.testing.assert_allclose(layer.forward(x), f(x))
    np.testing.assert_allclose(layer.backward(g), g * f.derivative(x))
    assert layer.params == {} and layer.grads == {} and layer.n_params == 0


@pytest.mark.parametrize(
    ("key", "width"), [("softmax", 4), ("log_softmax", 4), ("glu", 2), ("maxout", 2)]
)
def test_activation_layer_vector_valued_uses_backward(
    key: str, width: int, rng: np.random.Generator
) -> None:
    f = act.get(key)
    x = rng.normal(size=(5, 4))
    layer = ActivationLayer(f)
    out = layer.forward(x)
    assert out.shape == (5, width)
    g = rng.normal(size=out.shape)
    np.testing.assert_allclose(layer.backward(g), f.backward(x, g))


def test_activation_layer_parameters_and_errors() -> None:
    layer = ActivationLayer("leaky_relu", alpha=0.2)
    np.testing.assert_allclose(layer.forward([[-1.0]]), [[-0.2]])
    assert repr(layer) == "ActivationLayer('leaky_relu', alpha=0.2)"
    with pytest.raises(ValueError, match=r"^activation must be one of"):
        ActivationLayer("relux")
    with pytest.raises(
        TypeError,
        match=r"^activation must be an Activation or an activation "
        r"key",
    ):
        ActivationLayer(3)
    with pytest.raises(TypeError, match=r"relu got unexpected parameter\(s\) alpha"):
        ActivationLayer("relu", alpha=0.1)
    with pytest.raises(ValueError, match=r"^x must be an array with a batch axis"):
        ActivationLayer("relu").forward(1.0)


def test_relu_layer_passes_gradient_only_where_positive() -> None:
    layer = ActivationLayer("relu")
    layer.forward(np.array([[-1.0, 0.0, 2.0]], dtype=np.float32))
    grad = layer.backward(np.array([[3.0, 3.0, 3.0]], dtype=np.float32))
    np.testing.assert_array_equal(grad, [[0.0, 0.0, 3.0]])
    assert grad.dtype == np.float32


# --- PReLU -------------------------------------------------------------------------------------


def test_prelu_forward_backward_values() -> None:
    layer = PReLU(alpha=0.5)
    x = np.array([[-2.0, 0.0, 3.0], [-1.0, 4.0, -0.5]])
    np.testing.assert_allclose(layer.forward(x), [[-1.0, 0.0, 3.0], [-0.5, 4.0, -0.25]])
    g = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    np.testing.assert_allclose(layer.backward(g), [[0.5, 1.0, 3.0], [2.0, 5.0, 3.0]])
    # dL/dalpha = sum over negative inputs of g * x: 1*(-2) + 4*(-1) + 6*(-0.5)
    assert float(layer.grads["alpha"]) == pytest.approx(-9.0)
    assert layer.params["alpha"].shape == () and layer.alpha == 0.5
    assert repr(layer) == "PReLU(alpha=0.5)"


def test_prelu_matches_the_prelu_activation(rng: np.random.Generator) -> None:
    x = rng.normal(size=(4, 3))
    np.testing.assert_allclose(PReLU(0.1).forward(x), act.prelu(x, alpha=0.1))


@pytest.mark.parametrize("bad", [[0.1, 0.2], np.nan, "a"])
def test_prelu_rejects_bad_alpha(bad: object) -> None:
    with pytest.raises((ValueError, TypeError), match=r"^alpha must be a"):
        PReLU(bad)  # type: ignore[arg-type]


def test_layer_base_is_abstract() -> None:
    with pytest.raises(NotImplementedError):
        Layer().forward([1.0])
    assert Layer().dtype is None and repr(Layer()) == "Layer()"


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: init.normal((2, 2), std=-1.0), "std"),
        (lambda: init.normal((2, 2), std=float("nan")), "std"),
        (lambda: init.uniform((2, 2), limit=-1.0), "limit"),
    ],
)
def test_init_scales_must_be_positive(call: object, name: str) -> None:
    with pytest.raises(ValueError, match=rf"^{name} must be a positive real number"):
        call()  # type: ignore[operator]
