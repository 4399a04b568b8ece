"""Sequential networks: XOR, non-linear boundaries, the training loop, autoencoders, errors."""

from __future__ import annotations

import numpy as np
import pytest

from nnref import DivergenceWarning, datasets, losses
from nnref.layers import ActivationLayer, Dense, PReLU
from nnref.network import Autoencoder, History, Sequential, mlp
from nnref.optim import SGD

XOR_X, XOR_Y = datasets.gate("xor")


def xor_relu_network() -> Sequential:
    """W = [[1, 1], [1, 1]], c = [0, -1], w = [1, -2], b = 0 (Goodfellow et al., section 6.1)."""
    return Sequential(
        [
            Dense.from_weights([[1, 1], [1, 1]], [0, -1]),
            ActivationLayer("relu"),
            Dense.from_weights([[1], [-2]], [0]),
        ]
    )


# --- XOR ---------------------------------------------------------------------------------------


def test_fixed_relu_xor_network_is_exact() -> None:
    net = xor_relu_network()
    out = net.predict(XOR_X)
    np.testing.assert_array_equal(out, XOR_Y[:, None].astype(float))
    hidden = net.layers[1]._x  # the hidden net inputs, cached for backward
    np.testing.assert_array_equal(hidden, [[0, -1], [1, 0], [1, 0], [2, 1]])
    np.testing.assert_array_equal(net.layers[1].forward(hidden), [[0, 0], [1, 0], [1, 0], [2, 1]])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_trained_mlp_learns_xor(seed: int) -> None:
    net = mlp([2, 4, 1], activation="tanh", output_activation="sigmoid", rng=seed)
    history = net.fit(
        XOR_X, XOR_Y, "binary_cross_entropy", epochs=1000, lr=0.5, batch_size=4, rng=seed
    )
    assert history.accuracy[-1] == 1.0
    np.testing.assert_array_equal(losses.binary_cross_entropy.classify(net.predict(XOR_X)), XOR_Y)
    assert history.loss[-1] < 0.1 < history.loss[0]


def test_xor_with_relu_and_cross_entropy() -> None:
    net = mlp([2, 8, 2], rng=3)
    history = net.fit(
        XOR_X, XOR_Y, "cross_entropy", epochs=300, optimizer=SGD(0.1, 0.9), batch_size=4, rng=0
    )
    assert history.accuracy[-1] == 1.0
    np.testing.assert_array_equal(net.predict(XOR_X).argmax(axis=1), XOR_Y)


# --- non-linear decision boundaries ------------------------------------------------------------


def test_moons_learned_to_high_accuracy() -> None:
    X, y = datasets.moons(400, noise=0.1, rng=0)
    X_train, X_test, y_train, y_test = datasets.train_test_split(X, y, rng=0)
    net = mlp([2, 16, 16, 2], rng=0)
    history = net.fit(
        X_train,
        y_train,
        "cross_entropy",
        epochs=150,
        lr=0.1,
        batch_size=16,
        rng=0,
        validation_data=(X_test, y_test),
    )
    assert history.val_accuracy[-1] >= 0.97
    assert losses.cross_entropy.accuracy(net.predict(X_test), y_test) == history.val_accuracy[-1]


def test_three_spirals_learned() -> None:
    X, y = datasets.spirals(300, n_classes=3, noise=0.02, rng=0)
    net = mlp([2, 64, 64, 3], rng=0, init="he_uniform")
    history = net.fit(
        X, y, "cross_entropy", epochs=300, optimizer=SGD(0.05, momentum=0.9), batch_size=32, rng=0
    )
    assert history.accuracy[-1] >= 0.95
    assert losses.cross_entropy.accuracy(net.predict(X), y) >= 0.95


def test_a_linear_model_cannot_do_moons_but_an_mlp_can() -> None:
    X, y = datasets.moons(200, noise=0.05, rng=1)
    linear = mlp([2, 2], rng=0)
    deep = mlp([2, 16, 2], activation="tanh", rng=0)
    kwargs = {"epochs": 200, "lr": 0.1, "batch_size": 16}
    acc_linear = linear.fit(X, y, "cross_entropy", rng=0, **kwargs).accuracy[-1]
    acc_deep = deep.fit(X, y, "cross_entropy", rng=0, **kwargs).accuracy[-1]
    assert acc_linear < 0.92 < 0.97 < acc_deep


def test_nonlinear_regression_beats_a_line(rng: np.random.Generator) -> None:
    x = np.linspace(-3, 3, 120)[:, None]
    y = np.sin(x[:, 0]) + 0.05 * rng.normal(size=120)
    line = mlp([1, 1], rng=0)
    curve = mlp([1, 32, 1], activation="tanh", rng=0)
    line.fit(x, y, "mse", epochs=200, lr=0.05, batch_size=16, rng=0)
    curve.fit(x, y, "mse", epochs=500, optimizer=SGD(0.05, 0.9), batch_size=16, rng=0)
    mse_line = line.evaluate(x, y, "mse")["loss"]
    curve_mse = curve.evaluate(x, y, "mse")["loss"]
    assert curve_mse < 0.02 < 0.1 < mse_line


# --- PReLU -------------------------------------------------------------------------------------


def test_prelu_alpha_is_learned() -> None:
    X, y = datasets.moons(200, noise=0.1, rng=0)
    net = mlp([2, 16, 2], activation="prelu", rng=0)
    prelu = net.layers[1]
    assert isinstance(prelu, PReLU) and prelu.alpha == 0.25
    seen = []
    net.fit(
        X,
        y,
        "cross_entropy",
        epochs=30,
        lr=0.1,
        rng=0,
        callback=lambda epoch, logs: seen.append(prelu.alpha),
    )
    assert len(set(seen)) == 30 and prelu.alpha != 0.25
    assert "1.alpha" in net.params


# --- autoencoder -------------------------------------------------------------------------------


def test_autoencoder_reconstruction_improves(rng: np.random.Generator) -> None:
    codes = rng.normal(size=(300, 2))
    X = np.tanh(codes @ rng.normal(size=(2, 6)))  # a curved 2-D sheet in 6-D
    ae = Autoencoder(
        mlp([6, 16, 2], activation="tanh", rng=0), mlp([2, 16, 6], activation="tanh", rng=1)
    )
    before = ae.evaluate(X, X, "mse")["loss"]
    history = ae.fit(
        X, epochs=100, optimizer=SGD(0.05, 0.9), batch_size=16, rng=0, validation_data=X[:50]
    )
    assert history.loss[-1] < 0.2 * before
    assert history.val_loss[-1] < 0.2 * before
    assert ae.encode(X).shape == (300, 2)
    np.testing.assert_allclose(ae.decode(ae.encode(X)), ae.reconstruct(X))
    np.testing.assert_allclose(ae.predict(X), ae.reconstruct(X))
    assert ae.layers == [*ae.encoder.layers, *ae.decoder.layers]
    assert ae.n_params == ae.encoder.n_params + ae.decoder.n_params
    assert repr(ae).startswith("Autoencoder(\n    encoder=Sequential([")


def test_denoising_autoencoder_uses_clean_targets(rng: np.random.Generator) -> None:
    X = rng.normal(size=(50, 4))
    noisy = X + 0.1 * rng.normal(size=X.shape)
    ae = Autoencoder([Dense(4, 2, rng=0)], [Dense(2, 4, rng=1)])
    h = ae.fit(noisy, X, epochs=3, lr=0.01, rng=0, validation_data=(noisy, X))
    assert h.epochs == 3 and len(h.val_loss) == 3


# --- the training loop -------------------------------------------------------------------------


def test_history_contents_for_regression_and_classification(rng: np.random.Generator) -> None:
    X = rng.normal(size=(20, 3))
    net = mlp([3, 4, 1], rng=0)
    h = net.fit(X, X[:, 0], "mse", epochs=3, rng=0)
    assert isinstance(h, History) and h is net.history_
    assert h.keys() == ["loss"] and h.epochs == 3 and h.accuracy == []
    net = mlp([3, 4, 2], rng=0)
    h = net.fit(
        X,
        (X[:, 0] > 0).astype(int),
        "cross_entropy",
        epochs=2,
        rng=0,
        validation_data=(X[:5], [0, 1, 0, 1, 1]),
    )
    assert h.keys() == ["loss", "accuracy", "val_loss", "val_accuracy"]
    assert all(len(h[k]) == 2 for k in h.keys())
    assert all(isinstance(v, float) for v in h.loss)
    with pytest.raises(ValueError, match=r"^key must be one of loss, accuracy"):
        h["lr"]


def test_epoch_loss_is_the_mean_over_batches_or_the_sum_for_squared_error() -> None:
    X = np.array([[1.0], [2.0], [3.0]])
    y = np.array([0.0, 0.0, 0.0])
    for key, expected in [("mse", (1 + 4 + 9) / 3), ("squared_error", 0.5 * (1 + 4 + 9))]:
        net = Sequential([Dense.from_weights([[1.0]])])
        h = net.fit(X, y, key, epochs=1, lr=1e-9, batch_size=2, shuffle=False)
        assert h.loss[0] == pytest.approx(expected, rel=1e-6)


def test_full_batch_gradient_descent_is_one_exact_step() -> None:
    X, y = np.array([[1.0, 2.0], [3.0, -1.0]]), np.array([1.0, 0.0])
    net = Sequential([Dense.from_weights([[0.5], [0.5]])])
    net.fit(X, y, "mse", epochs=1, lr=0.1, batch_size=None)
    residual = X @ [0.5, 0.5] - y
    expected_w = np.array([0.5, 0.5]) - 0.1 * (2 / 2) * X.T @ residual
    np.testing.assert_allclose(net.layers[0].params["W"][:, 0], expected_w)
    np.testing.assert_allclose(net.layers[0].params["b"], -0.1 * residual.mean() * 2)


def test_same_seeds_same_training(rng: np.random.Generator) -> None:
    X, y = rng.normal(size=(40, 2)), rng.integers(0, 2, size=40)
    runs = []
    for _ in range(2):
        net = mlp([2, 5, 2], rng=4)
        runs.append(net.fit(X, y, "cross_entropy", epochs=3, lr=0.1, batch_size=8, rng=9).loss)
    assert runs[0] == runs[1]
    other = mlp([2, 5, 2], rng=4).fit(X, y, "cross_entropy", epochs=3, lr=0.1, batch_size=8, rng=10)
    assert other.loss != runs[0]


def test_verbose_prints_every_k_epochs_and_the_last(capsys: pytest.CaptureFixture[str]) -> None:
    X, y = XOR_X, XOR_Y
    mlp([2, 3, 2], rng=0).fit(X, y, "cross_entropy", epochs=7, verbose=3, rng=0)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in lines] == ["3/7", "6/7", "7/7"]
    assert "loss" in lines[0] and "accuracy" in lines[0]
    mlp([2, 3, 2], rng=0).fit(X, y, "cross_entropy", epochs=2, verbose=True, rng=0)
    assert len(capsys.readouterr().out.splitlines()) == 2
    mlp([2, 3, 2], rng=0).fit(X, y, "cross_entropy", epochs=2, rng=0)
    assert capsys.readouterr().out == ""


def test_callback_sees_each_epoch_and_can_stop() -> None:
    calls = []

    def callback(epoch: int, logs: dict[str, float]) -> bool:
        calls.append((epoch, sorted(logs)))
        return epoch == 3

    h = mlp([2, 3, 2], rng=0).fit(
        XOR_X, XOR_Y, "cross_entropy", epochs=10, rng=0, callback=callback
    )
    assert calls == [(e, ["accuracy", "loss"]) for e in (1, 2, 3)]
    assert h.epochs == 3


# --- float32 end to end ------------------------------------------------------------------------


def test_float32_training_stays_float32() -> None:
    X, y = datasets.moons(100, noise=0.1, rng=0)
    X32 = X.astype(np.float32)
    net = mlp([2, 8, 2], rng=0)  # float64 parameters ...
    net.fit(X32, y, "cross_entropy", epochs=5, lr=0.1, rng=0)
    assert net.dtype == np.float32  # ... converted once to the data's dtype
    for layer in net.layers:
        for key in layer.params:
            assert layer.params[key].dtype == layer.grads[key].dtype == np.float32
    assert net.predict(X32).dtype == np.float32
    assert net.predict(X).dtype == np.float64  # float64 data computes in float64
    assert net.dtype == np.float32


def test_float32_network_from_mlp_and_back() -> None:
    net = mlp([3, 4, 1], activation="prelu", rng=0, dtype=np.float32)
    assert {p.dtype for p in net.parameters()} == {np.dtype(np.float32)}
    net.fit(np.ones((4, 3)), np.ones(4), "mse", epochs=1)
    assert net.dtype == np.float64


# --- the Sequential container ------------------------------------------------------------------


def test_forward_backward_params_and_repr(rng: np.random.Generator) -> None:
    net = mlp([3, 4, 2], activation="tanh", rng=0)
    assert len(net) == 3 and net[0] is net.layers[0] and list(net) == net.layers
    assert list(net.params) == ["0.W", "0.b", "2.W", "2.b"] == list(net.grads)
    assert [p.shape for p in net.parameters()] == [(3, 4), (4,), (4, 2), (2,)]
    assert net.n_params == 3 * 4 + 4 + 4 * 2 + 2
    X = rng.normal(size=(5, 3))
    out = net.forward(X)
    g = net.backward(np.ones_like(out))
    assert g.shape == X.shape
    np.testing.assert_array_equal(net(X), out)
    assert repr(net) == (
        "Sequential([\n    Dense(3, 4),\n    ActivationLayer('tanh'),\n    Dense(4, 2),\n])"
    )


def test_mlp_layers_and_output_activations() -> None:
    net = mlp([2, 3, 3, 1], activation="sigmoid", output_activation="sigmoid", rng=0)
    kinds = [type(layer).__name__ for layer in net.layers]
    assert kinds == ["Dense", "ActivationLayer"] * 3
    assert len(mlp([2, 1]).layers) == 1
    assert isinstance(mlp([2, 2], output_activation="prelu").layers[-1], PReLU)
    assert mlp([2, 3], init="zeros").layers[0].params["W"].sum() == 0


# --- bad input ---------------------------------------------------------------------------------


def test_wrong_feature_count() -> None:
    net = mlp([3, 4, 2], rng=0)
    with pytest.raises(
        ValueError,
        match=r"^X must have 3 feature\(s\) per sample \(n_in of this "
        r"Dense layer\), got an array of shape \(5, 2\)",
    ):
        net.fit(np.zeros((5, 2)), np.zeros(5, dtype=int), "cross_entropy")
    with pytest.raises(ValueError, match=r"^X must have 3 feature\(s\)"):
        net.predict(np.zeros((5, 2)))
    with pytest.raises(ValueError, match=r"^X_val must have 3 feature\(s\)"):
        net.fit(
            np.zeros((5, 3)),
            np.zeros(5, dtype=int),
            "cross_entropy",
            validation_data=(np.zeros((2, 4)), [0, 1]),
        )


def test_layers_that_do_not_fit_together() -> None:
    net = Sequential([Dense(2, 3), Dense(4, 1)])
    with pytest.raises(ValueError, match=r"^the input of layer 1 must have 4 feature\(s\)"):
        net.predict(np.zeros((1, 2)))


def test_wrong_target_shape_and_labels_out_of_range() -> None:
    X = np.zeros((4, 2))
    with pytest.raises(
        ValueError,
        match=r"^y must be an array of shape \(4, 3\) \(the shape of "
        r"the predictions",
    ):
        mlp([2, 3], rng=0).fit(X, np.zeros(4), "mse")
    with pytest.raises(
        ValueError,
        match=r"^y must be class indices of shape \(4,\) or one-hot "
        r"rows of shape \(4, 3\)",
    ):
        mlp([2, 3], rng=0).fit(X, np.zeros(3, dtype=int), "cross_entropy")
    with pytest.raises(
        ValueError,
        match=r"^y must hold class indices in \[0, 2\] \(one per row "
        r"of 3 logits\), got values from 0 to 3",
    ):
        mlp([2, 3], rng=0).fit(X, [0, 1, 2, 3], "cross_entropy")
    with pytest.raises(ValueError, match=r"^y must hold targets in \[0, 1\]"):
        mlp([2, 1], output_activation="sigmoid").fit(X, [0, 1, 2, 1], "binary_cross_entropy")
    with pytest.raises(ValueError, match=r"^y_val must hold class indices in \[0, 2\]"):
        mlp([2, 3], rng=0).fit(X, [0, 1, 2, 1], "cross_entropy", validation_data=(X[:1], [5]))


def test_output_that_does_not_suit_the_loss() -> None:
    X = np.array([[10.0, 10.0]])
    net = Sequential([Dense.from_weights([[1.0], [1.0]])])
    with pytest.raises(ValueError, match=r"^y_pred must hold probabilities in \[0, 1\]"):
        net.fit(X, [1.0], "binary_cross_entropy")


@pytest.mark.parametrize("where", ["X", "y"])
def test_nan_in_data(where: str) -> None:
    X, y = np.ones((4, 2)), np.ones(4)
    (X if where == "X" else y)[1] = np.nan
    with pytest.raises(ValueError, match=rf"^{where} must be finite \(no NaN or inf\)"):
        mlp([2, 1], rng=0).fit(X, y, "mse")


@pytest.mark.parametrize(
    ("kwargs", "exc", "pattern"),
    [
        ({"lr": 0.0}, ValueError, r"^lr must be a positive real number, got 0.0"),
        ({"lr": -0.1}, ValueError, r"^lr must be a positive real number"),
        ({"batch_size": 0}, ValueError, r"^batch_size must be a positive integer, got 0"),
        ({"batch_size": -5}, ValueError, r"^batch_size must be a positive integer"),
        ({"batch_size": 2.5}, TypeError, r"^batch_size must be a positive integer"),
        ({"epochs": 0}, ValueError, r"^epochs must be a positive integer, got 0"),
        ({"lr": 0.1, "optimizer": SGD()}, ValueError, r"^lr must be None when an optimizer is"),
        ({"optimizer": "sgd"}, TypeError, r"^optimizer must be an object with a step"),
        ({"rng": "seed"}, TypeError, r"^rng must be a numpy.random.Generator"),
        ({"validation_data": np.zeros((2, 2))}, TypeError, r"^validation_data must be a pair"),
        ({"verbose": -1}, TypeError, r"^verbose must be True, False or a number of epochs"),
        ({"callback": 3}, TypeError, r"^callback must be a callable"),
        ({"shuffle": "yes"}, TypeError, r"^shuffle must be True or False"),
    ],
)
def test_bad_training_arguments(kwargs: dict, exc: type[Exception], pattern: str) -> None:
    with pytest.raises(exc, match=pattern):
        mlp([2, 1], rng=0).fit(np.ones((4, 2)), np.ones(4), "mse", **kwargs)


def test_unknown_loss_and_bad_X() -> None:
    with pytest.raises(ValueError, match=r"^loss must be one of"):
        mlp([2, 1]).fit(np.ones((4, 2)), np.ones(4), "hinge")
    with pytest.raises(ValueError, match=r"^X must be a batch of shape \(n_samples, n_features\)"):
        mlp([2, 1]).fit(np.ones(4), np.ones(4), "mse")
    with pytest.raises(ValueError, match=r"^X must be a batch of shape"):
        mlp([2, 1]).predict(np.ones((0, 2)))


def test_divergence_is_reported() -> None:
    X = np.array([[1e3, -1e3], [-1e3, 1e3]])
    net = mlp([2, 4, 1], rng=0)
    # No np.errstate here: with warnings as errors, the user must see our message, not an
    # overflow warning from a matmul.
    with pytest.warns(
        DivergenceWarning,
        match=r"^Sequential.fit diverged in epoch \d+ of 50: the loss (rose from .* "
        r"to|became) .* learning rate lr=10.0; training stopped",
    ):
        history = net.fit(X, [1e3, -1e3], "mse", epochs=50, lr=10.0, batch_size=None)
    assert 0 < history.epochs < 50 and all(np.isfinite(history.loss))
    assert all(np.all(np.isfinite(p)) for p in net.parameters())


def test_a_non_finite_epoch_is_undone() -> None:
    X = np.array([[1.0, -1.0], [-1.0, 1.0]])
    net = mlp([2, 4, 1], rng=0)
    with pytest.warns(DivergenceWarning, match=r"lr=1e\+300.* the parameters after epoch 1"):
        history = net.fit(X, [1.0, -1.0], "mse", epochs=5, lr=1e300, batch_size=None)
    assert history.epochs == 1  # epoch 2 overflowed: its parameters were put back
    assert all(np.all(np.isfinite(p)) for p in net.parameters())


def test_divergence_names_the_optimizers_rate() -> None:
    X = np.array([[1e3, -1e3], [-1e3, 1e3]])
    net = mlp([2, 4, 1], rng=0)
    with pytest.warns(DivergenceWarning, match=r"lr=10.0 of SGD\(lr=10.0, momentum=0.5\)"):
        net.fit(X, [1e3, -1e3], "mse", epochs=50, optimizer=SGD(10.0, 0.5), batch_size=None)


def test_backward_errors() -> None:
    net = mlp([2, 3], rng=0)
    with pytest.raises(RuntimeError, match=r"needs a forward pass first"):
        net.backward(np.ones((1, 3)))
    net.forward(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"^grad_out must be an array of shape \(4, 3\)"):
        net.backward(np.ones((4, 2)))


@pytest.mark.parametrize(
    ("call", "exc", "pattern"),
    [
        (lambda: Sequential([]), TypeError, r"^layers must be a non-empty sequence of layers"),
        (
            lambda: Sequential([Dense(2, 2), "relu"]),
            TypeError,
            r"^layers\[1\] must be a layer with forward, backward, params and grads",
        ),
        (lambda: mlp([2]), ValueError, r"^sizes must be at least two sizes"),
        (lambda: mlp([2, 0, 1]), ValueError, r"^sizes\[1\] must be a positive integer, got 0"),
        (lambda: mlp("2-3-1"), TypeError, r"^sizes must be a sequence of layer sizes"),
        (lambda: mlp([2, 3, 1], activation="relux"), ValueError, r"^activation must be one of"),
        (
            lambda: mlp([2, 3, 1], output_activation=3),
            TypeError,
            r"^output_activation must be an Activation or an activation key",
        ),
        (lambda: mlp([2, 3, 1], dtype=np.int64), TypeError, r"^dtype must be numpy.float32"),
    ],
)
def test_bad_construction(call: object, exc: type[Exception], pattern: str) -> None:
    with pytest.raises(exc, match=pattern):
        call()  # type: ignore[operator]


def test_networks_nest_as_layers(rng: np.random.Generator) -> None:
    body = mlp([3, 4, 4], activation="tanh", rng=0)
    net = Sequential([body, mlp([4, 2], rng=1)])
    assert list(net.params) == ["0.0.W", "0.0.b", "0.2.W", "0.2.b", "1.0.W", "1.0.b"]
    X, y = rng.normal(size=(6, 3)), np.array([0, 1, 0, 1, 1, 0])
    h = net.fit(X, y, "cross_entropy", epochs=30, lr=0.5, rng=0)
    assert h.loss[-1] < h.loss[0]
    net.astype(np.float32)
    assert body.dtype == np.float32


def test_mlp_learns_prelu_slopes_whether_given_a_key_or_the_object() -> None:
    from nnref import activations
    from nnref.layers import PReLU

    for value in ("prelu", activations.prelu):
        net = mlp([2, 3, 1], activation=value, rng=0)
        assert isinstance(net.layers[1], PReLU)


def test_mlp_unknown_activation_names_the_argument_once() -> None:
    with pytest.raises(ValueError, match=r"^activation must be one of"):
        mlp([2, 3, 1], activation="foo")


# --- the public protocol only ---------------------------------------------------------------------


class PublicOnly:
    """A layer seen only through its public names: touching a private one fails the test."""

    def __init__(self, inner: object) -> None:
        object.__setattr__(self, "wrapped", inner)

    def __getattr__(self, name: str) -> object:
        if name.startswith("_"):
            raise AssertionError(f"Sequential reached for the private attribute {name}")
        return getattr(object.__getattribute__(self, "wrapped"), name)


class PublicLoss(losses.Loss):
    """A loss seen only through its public names (its own methods still use their privates)."""

    def __init__(self, inner: losses.Loss) -> None:
        object.__setattr__(self, "wrapped", inner)

    def __call__(self, y_pred: object, y_true: object) -> float:
        return object.__getattribute__(self, "wrapped")(y_pred, y_true)

    def __getattribute__(self, name: str) -> object:
        if name.startswith("__") or name == "wrapped":
            return object.__getattribute__(self, name)
        if name.startswith("_"):
            raise AssertionError(f"Sequential reached for the private attribute {name}")
        return getattr(object.__getattribute__(self, "wrapped"), name)


@pytest.mark.parametrize("loss", ["cross_entropy", "mse"])
def test_sequential_uses_only_the_public_layer_and_loss_protocol(loss: str) -> None:
    X, y = datasets.moons(60, noise=0.1, rng=0)
    targets = y if loss == "cross_entropy" else np.eye(2)[y]

    def build(wrap: bool) -> Sequential:
        layers = [Dense(2, 4, rng=0), ActivationLayer("tanh"), PReLU(), Dense(4, 2, rng=1)]
        return Sequential([PublicOnly(layer) for layer in layers] if wrap else layers)

    public, plain = build(True), build(False)
    kwargs = {"epochs": 3, "lr": 0.1, "batch_size": 16, "rng": 0, "verbose": 0}
    h = public.fit(X, targets, PublicLoss(losses.get(loss)), validation_data=(X, targets), **kwargs)
    expected = plain.fit(X, targets, loss, validation_data=(X, targets), **kwargs)
    assert h.as_dict() == expected.as_dict()
    assert public.evaluate(X, targets, PublicLoss(losses.get(loss))) == plain.evaluate(
        X, targets, loss
    )
    out = public.forward(X)
    np.testing.assert_array_equal(public.backward(np.ones_like(out)), plain.backward(out * 0 + 1))
    assert public.summary((2,)).output_shape == (2,) and public.n_params == plain.n_params


def test_options_after_the_loss_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        mlp([2, 1]).fit(np.ones((4, 2)), np.ones(4), "mse", 5)  # type: ignore[misc]


def test_a_network_is_a_layer_of_another_network() -> None:
    inner = mlp([3, 4, 4], activation="tanh", rng=0)
    net = Sequential([inner, mlp([4, 2], rng=1)])
    assert inner.output_shape((3,)) == (4,)
    assert net.summary((3,)).output_shape == (2,)
    with pytest.raises(ValueError, match=r"^the input of layer 1 must have 5 feature"):
        Sequential([inner, Dense(5, 1)]).predict(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"^X must have 3 feature"):
        net.predict(np.ones((2, 5)))


def test_autoencoder_is_built_by_the_sequential_constructor() -> None:
    encoder, decoder = mlp([3, 2], rng=0), mlp([2, 3], rng=1)
    ae = Autoencoder(encoder, decoder)
    assert isinstance(ae.layers, list) and ae.layers == [*encoder.layers, *decoder.layers]
    assert ae.summary((3,)).output_shape == (3,)
    with pytest.raises(TypeError, match=r"^layers\[0\] must be a layer"):
        Autoencoder([Dense(3, 2)], ["relu"])
    with pytest.raises(RuntimeError, match="needs a forward pass first"):
        ae.backward(np.ones((1, 3)))
