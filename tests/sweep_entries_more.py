"""Sweep entries: convolution, recurrent networks and activations. Add an entry point of these
modules here with ``add(entry(...))``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sweep_common import (
    ACT_INPUT,
    ANY_MATRIX,
    IMAGES,
    IMAGES_K,
    MATRIX,
    PATTERNS,
    SEQS,
    SEQS_K,
    VECTOR,
    X2,
    _types_only,
    add,
    entry,
)
from sweep_inputs import (
    BOOL,
    CHOICE,
    DTYPE,
    FRACTION,
    KEY,
    NONNEGATIVE,
    NONNEGATIVE_INT,
    OBJECT,
    OPTIONAL_INT,
    OPTIONAL_POSITIVE,
    PADDING,
    PAIR,
    POSITIVE,
    POSITIVE_INT,
    RNG,
    TARGETS,
    Kind,
    array_kind,
    optional,
    without,
)

from nnref import (
    activations,
    conv,
    layers,
    recurrent,
)

# --- conv ------------------------------------------------------------------------------------

add(
    entry(
        "Conv2D()",
        "nnref.conv.Conv2D",
        lambda in_channels, out_channels, kernel_size, stride, padding, dilation, rng, init: (
            conv.Conv2D(
                in_channels, out_channels, kernel_size, stride, padding, dilation, rng, init
            )  # fmt: skip
        ),
        in_channels=(POSITIVE_INT, 1),
        out_channels=(POSITIVE_INT, 2),
        kernel_size=(PAIR, 3),
        stride=(PAIR, 1),
        padding=(PADDING, 1),
        dilation=(PAIR, 1),
        rng=(RNG, 0),
        init=(KEY, "he_uniform"),
    )
)
add(
    entry(
        "Conv2D.from_weights",
        "nnref.conv.Conv2D.from_weights",
        lambda W, b: conv.Conv2D.from_weights(W, b),
        W=(array_kind("W", (4,)), np.ones((2, 1, 3, 3))),
        b=(optional(VECTOR), [0.0, 1.0]),
    )
)
for cls in (conv.MaxPool2D, conv.AvgPool2D):
    add(
        entry(
            f"{cls.__name__}()",
            f"nnref.conv.{cls.__name__}",
            lambda kernel_size, stride, padding, cls=cls: cls(kernel_size, stride, padding),
            kernel_size=(PAIR, 2),
            stride=(optional(PAIR), 1),
            padding=(PADDING, 1),
        )
    )
add(
    entry(
        "conv2d",
        "nnref.conv.conv2d",
        lambda x, W, b, stride, padding, dilation: conv.conv2d(x, W, b, stride, padding, dilation),
        x=(IMAGES_K, IMAGES),
        W=(array_kind("W", (4,)), np.ones((2, 1, 3, 3))),
        b=(optional(VECTOR), [0.0, 1.0]),
        stride=(PAIR, 1),
        padding=(PADDING, 1),
        dilation=(PAIR, 1),
    ),
    names={
        "x": ("x", "W"),
        "W": ("W", "b"),
        "padding": ("padding", "W"),
        "dilation": ("dilation", "W"),
    },
)
for fn in (conv.max_pool2d, conv.avg_pool2d):
    add(
        entry(
            fn.__name__,
            f"nnref.conv.{fn.__name__}",
            lambda x, kernel_size, stride, padding, fn=fn: fn(x, kernel_size, stride, padding),
            x=(IMAGES_K, IMAGES),
            kernel_size=(PAIR, 2),
            stride=(optional(PAIR), 2),
            padding=(PADDING, 1),
        ),
        names={"x": ("x", "kernel_size"), "padding": ("padding", "kernel_size")},
    )
add(
    entry(
        "im2col",
        "nnref.conv.im2col",
        lambda x, kernel_size, stride, padding, dilation: conv.im2col(
            x, kernel_size, stride, padding, dilation
        ),
        x=(IMAGES_K, IMAGES),
        kernel_size=(PAIR, 3),
        stride=(PAIR, 1),
        padding=(PADDING, 0),
        dilation=(PAIR, 1),
    ),
    names={
        "x": ("x", "kernel_size"),
        "padding": ("padding", "kernel_size"),
        "dilation": ("dilation", "kernel_size"),
    },
)
add(
    entry(
        "col2im",
        "nnref.conv.col2im",
        lambda cols, output_size, kernel_size: conv.col2im(cols, output_size, kernel_size),
        cols=(array_kind("cols", (3,)), conv.im2col(IMAGES, 3)),
        output_size=(PAIR, 5),
        kernel_size=(PAIR, 3),
    ),
    names={"output_size": ("output_size", "cols"), "kernel_size": ("kernel_size", "cols")},
)
for fn in (conv.correlate2d, conv.convolve2d):
    add(
        entry(
            fn.__name__,
            f"nnref.conv.{fn.__name__}",
            lambda image, kernel, mode, fn=fn: fn(image, kernel, mode),
            image=(array_kind("image", (2,)), IMAGES[0, 0]),
            kernel=(array_kind("kernel", (2,)), np.eye(2)),
            mode=(CHOICE, "full"),
        )
    )
add(
    entry(
        "conv_output_size",
        "nnref.conv.conv_output_size",
        lambda size, kernel_size, stride, padding, dilation: conv.conv_output_size(
            size, kernel_size, stride, padding, dilation
        ),
        size=(PAIR, 28),
        kernel_size=(PAIR, 5),
        stride=(PAIR, 1),
        padding=(PADDING, 2),
        dilation=(PAIR, 1),
    ),
    names={"dilation": ("dilation", "kernel_size"), "padding": ("padding", "kernel_size")},
)
add(
    entry(
        "receptive_field",
        "nnref.conv.receptive_field",
        lambda layers_: conv.receptive_field(layers_),
        layers_=(
            Kind(
                "layers",
                lambda v: [
                    ("None", None),
                    ("a zero kernel", [0]),
                    ("a string", "33"),
                    ("a dense layer", [layers.Dense(2, 2)]),
                    ("five entries", [(3, 1, 1, 0, 9)]),
                ],
            ),
            [3, (2, 2)],
        ),  # fmt: skip
    ),
    names={"layers_": ("layers", "layers[0]")},
)

# --- recurrent -------------------------------------------------------------------------------

for cls in (recurrent.RecurrentLayer, recurrent.LSTM, recurrent.GRU):
    add(
        entry(
            f"{cls.__name__}()",
            f"nnref.recurrent.{cls.__name__}",
            lambda n_in, n_hidden, rng, truncate, clip_norm, dtype, cls=cls: cls(
                n_in, n_hidden, rng=rng, truncate=truncate, clip_norm=clip_norm, dtype=dtype
            ),
            n_in=(POSITIVE_INT, 3),
            n_hidden=(POSITIVE_INT, 4),
            rng=(RNG, 0),
            truncate=(OPTIONAL_INT, 2),
            clip_norm=(OPTIONAL_POSITIVE, 1.0),
            dtype=(DTYPE, np.float32),
        )
    )
add(
    entry(
        "RecurrentLayer(feedback)",
        "nnref.recurrent.RecurrentLayer",
        lambda feedback, leak: recurrent.RecurrentLayer(3, 4, feedback, rng=0, leak=leak),
        feedback=(CHOICE, "lateral"),
        leak=(Kind("leak", lambda v: FRACTION.bad(v)[:-2]), 0.5),
    )
)
add(
    entry(
        "JordanNetwork()",
        "nnref.recurrent.JordanNetwork",
        lambda n_in, n_hidden, n_out, output_activation, rng: recurrent.JordanNetwork(
            n_in, n_hidden, n_out, output_activation, rng
        ),
        n_in=(POSITIVE_INT, 3),
        n_hidden=(POSITIVE_INT, 4),
        n_out=(POSITIVE_INT, 2),
        output_activation=(KEY, "sigmoid"),
        rng=(RNG, 0),
    )
)
for cls, state in ((recurrent.RecurrentLayer, "h0"), (recurrent.GRU, "h0"),
                   (recurrent.LSTM, "h0"), (recurrent.JordanNetwork, "y0")):  # fmt: skip
    size = 2 if cls is recurrent.JordanNetwork else 4

    def _make(cls: Any = cls) -> Any:
        return cls(3, 4, 2, rng=0) if cls is recurrent.JordanNetwork else cls(3, 4, rng=0)

    for method in ("forward", "trace"):
        add(
            entry(
                f"{cls.__name__}.{method}({state})",
                f"nnref.recurrent.{cls.__name__}.{method}",
                lambda x, state_value, method=method, make=_make, state=state: getattr(
                    make(), method
                )(x, **{state: state_value}),
                x=(SEQS_K, SEQS),
                state_value=(optional(MATRIX), np.zeros((2, size))),
            ),
            names={"state_value": (state,)},
        )
for cls in (recurrent.LSTM, recurrent.GRU):
    add(
        entry(
            f"{cls.__name__}.step",
            f"nnref.recurrent.{cls.__name__}.step",
            lambda x_t, h, cls=cls: cls(3, 4, rng=0).step(x_t, h),
            x_t=(MATRIX, SEQS[:, 0]),
            h=(optional(MATRIX), np.zeros((2, 4))),
        )
    )
add(
    entry(
        "RecurrentLayer.set_params",
        "nnref.recurrent.RecurrentLayer.set_params",
        lambda W_hh: recurrent.RecurrentLayer(3, 2, rng=0).set_params(W_hh=W_hh),
        W_hh=(ANY_MATRIX, [[0.5, 0.1], [0.0, 0.5]]),
    )
)
add(
    entry(
        "RecurrentLayer.from_weights",
        "nnref.recurrent.RecurrentLayer.from_weights",
        lambda W_xh, W_hh, b_h: recurrent.RecurrentLayer.from_weights(W_xh, W_hh, b_h),
        W_xh=(ANY_MATRIX, [[0.5, 0.1]]),
        W_hh=(MATRIX, [[0.1, 0.0], [0.2, 0.3]]),
        b_h=(optional(VECTOR), [0.0, 0.1]),
    )
)
add(
    entry(
        "TimeDistributed()",
        "nnref.recurrent.TimeDistributed",
        lambda layer: recurrent.TimeDistributed(layer),
        layer=(OBJECT, layers.Dense(3, 2, rng=0)),
    )
)
add(
    entry(
        "check_sequences",
        "nnref.recurrent.check_sequences",
        lambda x, n_features: recurrent.check_sequences(x, "x", n_features),
        x=(without(SEQS_K, "NaN", "inf", "-inf", "empty first axis"), SEQS),  # shape checks only
        n_features=(optional(POSITIVE_INT), 3),
    )
)
add(
    entry(
        "clip_grad_norm",
        "nnref.recurrent.clip_grad_norm",
        lambda grads, max_norm: recurrent.clip_grad_norm(grads, max_norm),
        grads=(
            Kind(
                "grads",
                lambda v: [
                    ("NaN", [np.array([np.nan])]),
                    ("lists", [[1.0]]),
                    ("None", None),
                    ("ints", [np.array([1, 2])]),
                ],
            ),
            [np.array([3.0, 4.0])],
        ),
        max_norm=(POSITIVE, 1.0),
    ),
    mutates=("grads",),
)
add(
    entry(
        "feedback_mask",
        "nnref.recurrent.feedback_mask",
        lambda feedback, n_hidden: recurrent.feedback_mask(feedback, n_hidden),
        feedback=(CHOICE, "direct"),
        n_hidden=(POSITIVE_INT, 3),
    )
)
add(
    entry(
        "random_patterns",
        "nnref.recurrent.random_patterns",
        lambda n_patterns, n_units, rng: recurrent.random_patterns(n_patterns, n_units, rng),
        n_patterns=(POSITIVE_INT, 2),
        n_units=(POSITIVE_INT, 6),
        rng=(RNG, 0),
    )
)
BIPOLAR = np.array([[1.0, -1.0, 1.0, -1.0, 1.0, 1.0], [1.0, 1.0, -1.0, -1.0, 1.0, -1.0]])
add(
    entry(
        "corrupt",
        "nnref.recurrent.corrupt",
        lambda patterns, n_flips, rng: recurrent.corrupt(patterns, n_flips, rng),
        patterns=(PATTERNS, BIPOLAR),
        n_flips=(NONNEGATIVE_INT, 2),
        rng=(RNG, 0),
    )
)
add(
    entry(
        "Hopfield()",
        "nnref.recurrent.Hopfield",
        lambda n_units: recurrent.Hopfield(n_units),
        n_units=(POSITIVE_INT, 6),
    )
)


def _hopfield_keeps() -> str:
    patterns = BIPOLAR.copy()
    net = recurrent.Hopfield(6).store(patterns)
    before = net.weights.copy()
    patterns *= -1.0
    patterns[0, 0] = 7.0
    return "ok" if np.array_equal(net.weights, before) else "Hopfield keeps the caller's patterns"


add(
    entry(
        "Hopfield.store",
        "nnref.recurrent.Hopfield.store",
        lambda patterns: recurrent.Hopfield(6).store(patterns),
        patterns=(PATTERNS, BIPOLAR),
    ),
    keeps=_hopfield_keeps,
)
add(
    entry(
        "Hopfield.recall",
        "nnref.recurrent.Hopfield.recall",
        lambda state, steps, mode, rng, return_history: (
            recurrent.Hopfield(6).store(BIPOLAR).recall(state, steps, mode, rng, return_history)
        ),
        state=(PATTERNS, BIPOLAR[0]),
        steps=(POSITIVE_INT, 3),
        mode=(CHOICE, "sync"),
        rng=(RNG, 0),
        return_history=(BOOL, True),
    )
)
add(
    entry(
        "Hopfield.energy",
        "nnref.recurrent.Hopfield.energy",
        lambda state: recurrent.Hopfield(6).store(BIPOLAR).energy(state),
        state=(PATTERNS, BIPOLAR),
    )
)
add(
    entry(
        "Hopfield.update",
        "nnref.recurrent.Hopfield.update",
        lambda state, unit: recurrent.Hopfield(6).store(BIPOLAR).update(state, unit),
        state=(PATTERNS, BIPOLAR[0]),
        unit=(Kind("unit", lambda v: NONNEGATIVE_INT.bad(v) + [("too large", 6)]), 2),
    )
)
add(
    entry(
        "ridge_readout",
        "nnref.recurrent.ridge_readout",
        lambda F, Y, alpha: recurrent.ridge_readout(F, Y, alpha),
        F=(ANY_MATRIX, X2),
        Y=(ANY_MATRIX, X2[:, :1]),
        alpha=(NONNEGATIVE, 1e-6),
    )
)
add(
    entry(
        "EchoStateNetwork()",
        "nnref.recurrent.EchoStateNetwork",
        lambda n_in, n_reservoir, spectral_radius, input_scaling, alpha, rng: (
            recurrent.EchoStateNetwork(
                n_in, n_reservoir, spectral_radius, input_scaling, alpha, rng
            )  # fmt: skip
        ),
        n_in=(POSITIVE_INT, 3),
        n_reservoir=(POSITIVE_INT, 5),
        spectral_radius=(POSITIVE, 0.9),
        input_scaling=(POSITIVE, 1.0),
        alpha=(NONNEGATIVE, 1e-6),
        rng=(RNG, 0),
    )
)


def _esn() -> recurrent.EchoStateNetwork:
    return recurrent.EchoStateNetwork(3, 5, rng=0)


add(
    entry(
        "EchoStateNetwork.fit",
        "nnref.recurrent.EchoStateNetwork.fit",
        lambda X, Y, washout: _esn().fit(X, Y, washout),
        X=(SEQS_K, SEQS),
        Y=(array_kind("Y", (2, 3)), SEQS[..., :1]),
        washout=(NONNEGATIVE_INT, 1),
    )
)
for method in ("states", "predict"):
    add(
        entry(
            f"EchoStateNetwork.{method}",
            f"nnref.recurrent.EchoStateNetwork.{method}",
            lambda X, method=method: getattr(_esn().fit(SEQS, SEQS[..., :1]), method)(X),
            X=(SEQS_K, SEQS),
        )
    )
add(
    entry(
        "ExtremeLearningMachine()",
        "nnref.recurrent.ExtremeLearningMachine",
        lambda n_hidden, activation, input_scaling, alpha, rng: recurrent.ExtremeLearningMachine(
            n_hidden, activation, input_scaling, alpha, rng
        ),
        n_hidden=(POSITIVE_INT, 5),
        activation=(KEY, "tanh"),
        input_scaling=(POSITIVE, 1.0),
        alpha=(NONNEGATIVE, 1e-6),
        rng=(RNG, 0),
    )
)
add(
    entry(
        "ExtremeLearningMachine.fit",
        "nnref.recurrent.ExtremeLearningMachine.fit",
        lambda X, y: recurrent.ExtremeLearningMachine(5, rng=0).fit(X, y),
        X=(ANY_MATRIX, X2),
        y=(TARGETS, X2[:, 0]),
    )
)
for method in ("hidden", "predict"):
    add(
        entry(
            f"ExtremeLearningMachine.{method}",
            f"nnref.recurrent.ExtremeLearningMachine.{method}",
            lambda X, method=method: getattr(
                recurrent.ExtremeLearningMachine(5, rng=0).fit(X2, X2[:, 0]), method
            )(X),
            X=(MATRIX, X2),
        )
    )

for attr, kind, valid in (("truncate", OPTIONAL_INT, 3), ("clip_norm", OPTIONAL_POSITIVE, 1.0)):
    add(
        entry(
            f"RecurrentBase.{attr}",
            f"nnref.recurrent.RecurrentBase.{attr}",
            lambda value, attr=attr: setattr(recurrent.LSTM(3, 4, rng=0), attr, value),
            value=(kind, valid),
        ),
        names={"value": (attr,)},
    )


# --- activations -----------------------------------------------------------------------------

PARAM_BAD = Kind(
    "parameter",
    lambda v: [
        ("NaN", float("nan")),
        ("inf", float("inf")),
        ("a string", "0.1"),
        ("None", None),
        ("True", True),
    ],  # fmt: skip
    lambda v: [("huge", 1e300), ("-huge", -1e300), ("tiny", 1e-300)],
)

for a in activations.catalog():
    x_valid = np.array([[-2.0, -0.5, 0.5, 2.0]])
    if a.key == "maxout":
        g_valid = np.ones((1, 2))
    elif a.key == "glu":
        g_valid = np.ones((1, 2))
    else:
        g_valid = np.ones_like(x_valid)
    params = {p: (PARAM_BAD, v) for p, v in a.defaults.items()}
    methods = ["__call__", "jacobian"]
    if a.key not in ("glu", "maxout"):
        methods.append("derivative")
    for method in methods:
        add(
            entry(
                f"{a.key}.{method}",
                (f"nnref.activations.Activation.{method}", f"nnref.activations.{a.key}"),
                lambda x, f=a, method=method, **p: getattr(f, method)(x, **p),
                x=(ACT_INPUT, x_valid),
                **params,
            ),
            inf_ok=True,
        )
    add(
        entry(
            f"{a.key}.backward",
            "nnref.activations.Activation.backward",
            lambda x, grad_out, f=a, **p: f.backward(x, grad_out, **p),
            x=(ACT_INPUT, x_valid),
            grad_out=(
                Kind("grad_out", lambda v: _types_only(v) + [("wrong shape", np.ones(7))]),
                g_valid,
            ),  # fmt: skip
            **params,
        ),
        inf_ok=True,
    )
    add(
        entry(
            f"{a.key}.kinks",
            "nnref.activations.Activation.kinks",
            lambda f=a, **p: f.kinks(**p),
            **params,
        )
    )
add(
    entry(
        "Activation.params(unknown)",
        "nnref.activations.Activation.params",
        lambda: activations.elu.params(alpha=0.1),
    )
)
for fn in (activations.get, activations.resolve):
    add(
        entry(
            f"activations.{fn.__name__}",
            f"nnref.activations.{fn.__name__}",
            lambda key, fn=fn: fn(key),
            key=(KEY, "relu"),
        ),
        names={"key": ("activation",)},
    )
add(entry("activations.catalog", "nnref.activations.catalog", lambda: activations.catalog()))
