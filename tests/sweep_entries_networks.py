"""Sweep entries: layers, networks and gradient checking. Add an entry point of these modules
here with ``add(entry(...))``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sweep_common import (
    ANY_BATCH,
    ANY_MATRIX,
    IMAGES,
    IMAGES_K,
    LOGITS,
    MATRIX,
    SAMPLE_SHAPE,
    SEQS,
    SEQS_K,
    VECTOR,
    X2,
    Y2,
    add,
    entry,
)
from sweep_inputs import (
    BOOL,
    CALLABLE,
    DTYPE,
    KEY,
    LABELS,
    OBJECT,
    POSITIVE,
    POSITIVE_INT,
    RATE,
    REAL,
    RNG,
    SHAPE,
    TARGETS,
    Kind,
    array_kind,
    matrix_kind,
    optional,
    without,
)

from nnref import (
    conv,
    gradcheck,
    layers,
    network,
    optim,
    recurrent,
)

# --- layers ----------------------------------------------------------------------------------

LAYER_MAKERS: dict[str, tuple[Any, Any, Any]] = {
    # name: (maker, valid input batch, input kind)
    "Dense": (lambda: layers.Dense(2, 3, rng=0), X2, MATRIX),
    "ActivationLayer": (lambda: layers.ActivationLayer("tanh"), X2, ANY_BATCH),
    "PReLU": (lambda: layers.PReLU(0.1), X2, ANY_BATCH),
    "Flatten": (lambda: layers.Flatten(), IMAGES, array_kind("images", (2, 3, 4, 5))),
    "Conv2D": (lambda: conv.Conv2D(1, 2, 3, rng=0), IMAGES, IMAGES_K),
    "MaxPool2D": (lambda: conv.MaxPool2D(2), IMAGES, IMAGES_K),
    "AvgPool2D": (lambda: conv.AvgPool2D(2), IMAGES, IMAGES_K),
    "RecurrentLayer": (lambda: recurrent.RecurrentLayer(3, 4, rng=0), SEQS, SEQS_K),
    "LSTM": (lambda: recurrent.LSTM(3, 4, rng=0), SEQS, SEQS_K),
    "GRU": (lambda: recurrent.GRU(3, 4, rng=0), SEQS, SEQS_K),
    "JordanNetwork": (lambda: recurrent.JordanNetwork(3, 4, 2, rng=0), SEQS, SEQS_K),
    "LastStep": (lambda: recurrent.LastStep(), SEQS, SEQS_K),
    "TimeDistributed": (lambda: recurrent.TimeDistributed(layers.Dense(3, 2, rng=0)), SEQS, SEQS_K),
    "Sequential": (lambda: network.mlp([2, 3, 1], rng=0), X2, MATRIX),
}
LAYER_MODULE = {
    "Dense": "nnref.layers", "ActivationLayer": "nnref.layers", "PReLU": "nnref.layers",
    "Flatten": "nnref.layers", "Conv2D": "nnref.conv", "MaxPool2D": "nnref.conv",
    "AvgPool2D": "nnref.conv", "Sequential": "nnref.network",
}  # fmt: skip


def _forward_then_backward(make: Any, x_valid: Any) -> Any:
    def run(grad_out: Any) -> Any:
        layer = make()
        layer.forward(x_valid)
        return layer.backward(grad_out)

    return run


for lname, (make, x_valid, x_kind) in LAYER_MAKERS.items():
    where = LAYER_MODULE.get(lname, "nnref.recurrent")
    out = make().forward(x_valid)
    add(
        entry(
            f"{lname}.forward",
            f"{where}.{lname}.forward",
            lambda x, make=make: make().forward(x),
            x=(x_kind, x_valid),
        ),
        names={"x": ("X",) if lname == "Sequential" else ("x",)},
    )
    add(
        entry(
            f"{lname}.backward",
            f"{where}.{lname}.backward",
            _forward_then_backward(make, x_valid),
            grad_out=(array_kind("grad_out", (out.ndim,)), np.ones_like(out)),
        )
    )
    add(
        entry(
            f"{lname}.output_shape",
            f"{where}.{lname}.output_shape",
            lambda input_shape, make=make: make().output_shape(input_shape),
            input_shape=(
                SAMPLE_SHAPE if lname in ("ActivationLayer", "PReLU") else SHAPE,
                np.shape(x_valid)[1:],
            ),  # fmt: skip
        )
    )
    add(
        entry(
            f"{lname}.astype",
            f"{where}.{lname}.astype",
            lambda dtype, make=make: make().astype(dtype),
            dtype=(DTYPE, np.float32),
        )
    )

add(
    entry(
        "Dense()",
        "nnref.layers.Dense",
        lambda n_in, n_out, init, rng, dtype: layers.Dense(n_in, n_out, init, rng, dtype),
        n_in=(POSITIVE_INT, 2),
        n_out=(POSITIVE_INT, 3),
        init=(
            Kind(
                "init",
                lambda v: (
                    KEY.bad(v)
                    + [
                        ("NaN weights", lambda shape, rng, dtype: np.full(shape, np.nan)),
                        ("wrong shape", lambda shape, rng, dtype: np.zeros(3)),
                    ]
                ),
            ),
            "he_uniform",
        ),  # fmt: skip
        rng=(RNG, 0),
        dtype=(DTYPE, np.float32),
    )
)


def _dense_keeps() -> str:
    W, b = np.array([[1.0], [2.0]]), np.array([0.5])
    layer = layers.Dense.from_weights(W, b)
    W[0, 0], b[0] = 99.0, 99.0
    ok = layer.params["W"][0, 0] == 1.0 and layer.params["b"][0] == 0.5
    return "ok" if ok else "Dense.from_weights keeps the caller's arrays"


add(
    entry(
        "Dense.from_weights",
        "nnref.layers.Dense.from_weights",
        lambda W, b: layers.Dense.from_weights(W, b),
        W=(ANY_MATRIX, [[1.0, 0.0], [0.0, 1.0]]),
        b=(optional(VECTOR), [0.0, 1.0]),
    ),
    keeps=_dense_keeps,
)
add(
    entry(
        "Dense.set_params",
        "nnref.layers.Dense.set_params",
        lambda W: layers.Dense(2, 2, rng=0).set_params(W=W),
        W=(ANY_MATRIX, [[1.0, 0.0], [0.0, 1.0]]),
    )
)
add(
    entry(
        "ActivationLayer()",
        "nnref.layers.ActivationLayer",
        lambda activation, alpha: layers.ActivationLayer(activation, alpha=alpha),
        activation=(KEY, "elu"),
        alpha=(REAL, 0.5),
    )
)
add(
    entry(
        "PReLU()",
        "nnref.layers.PReLU",
        lambda alpha, dtype: layers.PReLU(alpha, dtype),
        alpha=(REAL, 0.25),
        dtype=(DTYPE, np.float32),
    )
)

# --- network ---------------------------------------------------------------------------------

add(
    entry(
        "Sequential()",
        "nnref.network.Sequential",
        lambda layers_: network.Sequential(layers_),
        layers_=(OBJECT, [layers.Dense(2, 1, rng=0)]),
    ),
    names={"layers_": ("layers", "layers[0]")},
)
add(
    entry(
        "Sequential.fit",
        "nnref.network.Sequential.fit",
        lambda X, y, loss, epochs, lr, batch_size, rng: network.mlp([2, 3, 2], rng=0).fit(
            X, y, loss, epochs=epochs, lr=lr, batch_size=batch_size, rng=rng
        ),
        X=(MATRIX, X2),
        y=(without(LABELS, "2-D", "one class"), Y2),
        loss=(KEY, "cross_entropy"),
        epochs=(POSITIVE_INT, 3),
        lr=(optional(RATE), 0.1),
        batch_size=(optional(POSITIVE_INT), 4),
        rng=(RNG, 0),
    ),
    rate_names=("lr",),
)
add(
    entry(
        "Sequential.fit(regression)",
        "nnref.network.Sequential.fit",
        lambda X, y, lr: network.mlp([2, 3, 1], rng=0).fit(X, y, "mse", epochs=5, lr=lr),
        X=(MATRIX, X2),
        y=(TARGETS, X2[:, 0] * 2.0),
        lr=(optional(RATE), 0.1),
    ),
    rate_names=("lr",),
)
add(
    entry(
        "Sequential.fit(options)",
        "nnref.network.Sequential.fit",
        lambda validation_data, shuffle, verbose, callback: network.mlp([2, 2], rng=0).fit(
            X2,
            Y2,
            "cross_entropy",
            epochs=2,
            validation_data=validation_data,
            shuffle=shuffle,
            verbose=verbose,
            callback=callback,
        ),  # fmt: skip
        validation_data=(
            Kind(
                "pair",
                lambda v: [
                    ("one array", X2),
                    ("three", (X2, Y2, Y2)),
                    ("NaN", (np.full_like(X2, np.nan), Y2)),
                    ("bad labels", (X2, Y2 + 5)),
                ],
            ),
            (X2, Y2),
        ),  # fmt: skip
        shuffle=(BOOL, False),
        verbose=(
            Kind("verbose", lambda v: [("negative", -1), ("a string", "yes"), ("a float", 0.5)]),
            0,
        ),  # fmt: skip
        callback=(optional(CALLABLE), lambda epoch, logs: None),
    ),
    names={"validation_data": ("validation_data", "X_val", "y_val")},
)
add(
    entry(
        "Sequential.fit(optimizer)",
        "nnref.network.Sequential.fit",
        lambda optimizer: network.mlp([2, 2], rng=0).fit(
            X2, Y2, "cross_entropy", epochs=2, optimizer=optimizer
        ),
        optimizer=(optional(OBJECT), optim.SGD(0.1, 0.9)),
    )
)
for method in ("predict", "__call__", "evaluate"):
    add(
        entry(
            f"Sequential.{method}",
            f"nnref.network.Sequential.{method}",
            lambda X, method=method: (
                network.mlp([2, 3, 2], rng=0).evaluate(X, Y2, "cross_entropy")
                if method == "evaluate"
                else getattr(network.mlp([2, 3, 2], rng=0), method)(X)
            ),
            X=(MATRIX, X2),
        )
    )
add(
    entry(
        "Sequential.evaluate(y)",
        "nnref.network.Sequential.evaluate",
        lambda y, loss: network.mlp([2, 3, 2], rng=0).evaluate(X2, y, loss),
        y=(without(LABELS, "2-D", "one class"), Y2),
        loss=(KEY, "cross_entropy"),
    )
)
add(
    entry(
        "Sequential.summary",
        "nnref.network.Sequential.summary",
        lambda input_shape: network.mlp([2, 3, 2], rng=0).summary(input_shape),
        input_shape=(SHAPE, (2,)),
    )
)
for attr in ("parameters", "check_input", "forward_unchecked", "backward_unchecked"):
    add(
        entry(
            f"Sequential.{attr}",
            f"nnref.network.Sequential.{attr}",
            lambda attr=attr: (
                list(network.mlp([2, 2], rng=0).parameters())
                if attr == "parameters"
                else network.mlp([2, 2], rng=0).forward_unchecked(X2)
            ),
        )
    )
add(
    entry(
        "mlp",
        "nnref.network.mlp",
        lambda sizes, activation, output_activation, init, rng, dtype: network.mlp(
            sizes, activation, output_activation, init, rng, dtype
        ),
        sizes=(
            Kind(
                "sizes",
                lambda v: [
                    ("one size", [2]),
                    ("a zero", [2, 0]),
                    ("floats", [2.5, 1]),
                    ("a string", "21"),
                    ("None", None),
                    ("NaN", [2, float("nan")]),
                ],
            ),
            [2, 3, 1],
        ),  # fmt: skip
        activation=(KEY, "tanh"),
        output_activation=(KEY, "sigmoid"),
        init=(KEY, "he_normal"),
        rng=(RNG, 0),
        dtype=(DTYPE, np.float32),
    )
)
add(
    entry(
        "Autoencoder",
        "nnref.network.Autoencoder",
        lambda encoder, decoder: network.Autoencoder(encoder, decoder),
        encoder=(OBJECT, [layers.Dense(2, 1, rng=0)]),
        decoder=(OBJECT, [layers.Dense(1, 2, rng=0)]),
    ),
    names={
        "encoder": ("encoder", "layers", "layers[0]"),
        "decoder": ("decoder", "layers", "layers[0]"),
    },  # fmt: skip
)


def _autoencoder() -> network.Autoencoder:
    return network.Autoencoder(network.mlp([2, 1], rng=0), network.mlp([1, 2], rng=1))


add(
    entry(
        "Autoencoder.fit",
        "nnref.network.Autoencoder.fit",
        lambda X, lr: _autoencoder().fit(X, epochs=3, lr=lr, rng=0),
        X=(MATRIX, X2),
        lr=(optional(RATE), 0.05),
    ),
    rate_names=("lr",),
)
for method, arg, valid in (("encode", "X", X2), ("decode", "Z", X2[:, :1]),
                           ("reconstruct", "X", X2)):  # fmt: skip
    add(
        entry(
            f"Autoencoder.{method}",
            f"nnref.network.Autoencoder.{method}",
            lambda method=method, **a: getattr(_autoencoder(), method)(*a.values()),
            **{arg: (MATRIX, valid)},
        ),
        names={arg: (arg, "X")},
    )
add(
    entry(
        "History.__getitem__",
        "nnref.network.History.__getitem__",
        lambda key: network.History(loss=[1.0])[key],
        key=(Kind("key", lambda v: [("unknown", "nope")]), "loss"),
    )
)
for attr in ("keys", "as_dict", "epochs"):
    add(entry(f"History.{attr}", f"nnref.network.History.{attr}", lambda: network.History()))

# --- gradcheck -------------------------------------------------------------------------------


def _raising(v: np.ndarray) -> float:
    if v[0] != 1.0:  # the first perturbed evaluation fails
        raise ValueError("f failed half-way")
    return float(np.sum(v**2))


add(
    entry(
        "numerical_gradient",
        "nnref.gradcheck.numerical_gradient",
        lambda f, x, eps: gradcheck.numerical_gradient(f, x, eps),
        f=(
            Kind(
                "f",
                lambda v: [
                    ("raises half-way", _raising),
                    ("None", None),
                    ("returns NaN", lambda v: float("nan")),
                ],
            ),
            lambda v: float(np.sum(v**2)),
        ),  # fmt: skip
        x=(
            Kind(
                "x",
                lambda v: [
                    ("a list", [1.0, 2.0]),
                    ("ints", np.array([1, 2])),
                    ("None", None),
                    ("NaN", np.array([np.nan, 1.0])),
                ],
            ),
            np.array([1.0, 2.0]),
        ),  # fmt: skip
        eps=(POSITIVE, 1e-6),
    ),
)
add(
    entry(
        "relative_error",
        "nnref.gradcheck.relative_error",
        lambda analytic, numeric: gradcheck.relative_error(analytic, numeric),
        analytic=(array_kind("analytic", (1,)), [1.0, 2.0]),
        numeric=(array_kind("numeric", (1,)), [1.0, 2.1]),
    )
)
for fn in (gradcheck.layer_errors, gradcheck.check_layer):
    add(
        entry(
            fn.__name__,
            f"nnref.gradcheck.{fn.__name__}",
            lambda layer, x, rng, eps, fn=fn: fn(layer, x, rng, eps),
            layer=(OBJECT, layers.Dense(2, 2, rng=0)),
            x=(MATRIX, X2[:3]),
            rng=(RNG, 0),
            eps=(POSITIVE, 1e-6),
        )
    )
for fn in (gradcheck.network_errors, gradcheck.check_network):
    add(
        entry(
            fn.__name__,
            f"nnref.gradcheck.{fn.__name__}",
            lambda net, X, y, loss, fn=fn: fn(net, X, y, loss),
            net=(OBJECT, network.mlp([2, 2], rng=0)),
            X=(MATRIX, X2[:3]),
            y=(without(LABELS, "2-D", "one class"), Y2[[0, 4, 5]]),
            loss=(KEY, "cross_entropy"),
        ),
        names={"y": ("y", "y_true")},
    )
add(
    entry(
        "check_loss",
        "nnref.gradcheck.check_loss",
        lambda loss, y_pred, y_true, eps: gradcheck.check_loss(loss, y_pred, y_true, eps),
        loss=(KEY, "cross_entropy"),
        y_pred=(matrix_kind("predictions", features=False), LOGITS),
        y_true=(TARGETS, np.array([0, 2])),
        eps=(POSITIVE, 1e-6),
    )
)
