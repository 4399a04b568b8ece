"""``ENTRIES``: every public entry point with a valid call and the kinds of its arguments.

A new entry point is swept by adding one ``Entry`` here (``test_sweep`` fails for a public
callable that is neither here nor in ``EXEMPT``). ``run`` receives the arguments by name and
builds whatever object the call needs, so each trial starts from a fresh object.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sweep_inputs import (
    BOOL,
    CALLABLE,
    CHOICE,
    DTYPE,
    FRACTION,
    KEY,
    LABELS,
    NONNEGATIVE,
    NONNEGATIVE_INT,
    OBJECT,
    OPTIONAL_INT,
    OPTIONAL_POSITIVE,
    PADDING,
    PAIR,
    POSITIVE,
    POSITIVE_INT,
    RATE,
    REAL,
    RNG,
    SHAPE,
    TARGETS,
    Entry,
    Kind,
    array_kind,
    matrix_kind,
    optional,
    without,
)

from nnref import (
    activations,
    conv,
    datasets,
    gradcheck,
    init,
    layers,
    linear,
    losses,
    metrics,
    network,
    neuron,
    optim,
    recurrent,
)

# --- valid data ------------------------------------------------------------------------------

X2 = np.array(
    [[0.0, 0.2], [0.3, 0.1], [0.2, 0.4], [0.1, 0.0], [2.0, 2.2], [2.3, 2.1], [2.2, 2.4], [2.1, 2.0]]
)
Y2 = np.array([0, 0, 0, 0, 1, 1, 1, 1])
X3 = np.concatenate([X2, X2[:4] + [0.0, 4.0]])
Y3 = np.array([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
IMAGES = np.linspace(-1.0, 1.0, 2 * 1 * 5 * 5).reshape(2, 1, 5, 5)
SEQS = np.linspace(-1.0, 1.0, 2 * 4 * 3).reshape(2, 4, 3)

MATRIX = matrix_kind()
ANY_MATRIX = matrix_kind("matrix", features=False)
VECTOR = array_kind("vector", (1,))
IMAGES_K = array_kind("images", (4,))
SEQS_K = array_kind("sequences", (3,))
PATTERNS = Kind(
    "patterns",
    lambda v: (
        array_kind("patterns", (1, 2)).bad(v)
        + [("not bipolar", np.full_like(np.asarray(v, dtype=float), 0.5))]
    ),
)


def _types_only(valid: Any) -> list[tuple[str, Any]]:
    return [("None", None), ("a string", "abc"), ("complex", np.array([1 + 2j])),
            ("object dtype", np.array([object()])), ("ragged", [[1.0], [1.0, 2.0]])]  # fmt: skip


FEATURE_VECTOR = Kind(
    "feature vector",
    lambda v: (
        [b for b in array_kind("v", (0, 1)).bad(v) if b[0] not in ("a number",)]
        + [("three values", [1.0, 2.0, 3.0])]
    ),
)
"""One value per feature, or one number for all."""
PREDICTIONS = array_kind("predictions", (1, 2, 3))
LOGITS_K = matrix_kind("logits", features=False)
ANY_BATCH = array_kind("batch", (1, 2, 3, 4))
SAMPLE_SHAPE = Kind("sample shape", lambda v: [b for b in SHAPE.bad(v) if b[0] != "empty"])

ACT_INPUT = Kind(
    "activation input",
    _types_only,
    lambda v: [("empty", np.zeros((1, 0))), ("no rows", np.zeros((0, 4))), ("0-D", 1.5)],
)
"""Any real array: NaN and inf are valid inputs of an activation (they follow its rule)."""


def entry(name: str, target: str, run: Any, /, **args: tuple[Kind, Any]) -> Entry:
    return Entry(name=name, target=target, run=run, args=args)


def with_options(e: Entry, **options: Any) -> Entry:
    from dataclasses import replace

    return replace(e, **options)


ENTRIES: list[Entry] = []


def add(e: Entry, **options: Any) -> None:
    ENTRIES.append(with_options(e, **options) if options else e)


# --- neuron ----------------------------------------------------------------------------------


def _neuron_keeps() -> str:
    w = [0.3, 0.7]
    n = neuron.Neuron(w)
    w[0] = 100.0
    arr = np.array([0.3, 0.7])
    m = neuron.Neuron(arr)
    arr[0] = 100.0
    same = float(n([1.0, 1.0])) == 1.0 and float(m([1.0, 1.0])) == 1.0
    return "ok" if same else "Neuron keeps a reference to the caller's weights"


add(
    entry(
        "Neuron",
        "nnref.neuron.Neuron",
        lambda weights, bias, activation, output: neuron.Neuron(weights, bias, activation, output),
        weights=(VECTOR, [0.3, 0.7]),
        bias=(REAL, 0.1),
        activation=(KEY, "sigmoid"),
        output=(KEY, "identity"),
    ),
    keeps=_neuron_keeps,
)
for method in ("__call__", "net_input", "trace"):
    add(
        entry(
            f"Neuron.{method}",
            f"nnref.neuron.Neuron.{method}",
            lambda x, method=method: getattr(neuron.Neuron([0.3, 0.7], 0.1, "sigmoid"), method)(x),
            x=(array_kind("x", (1, 2)), [[0.5, 0.8], [1.0, -1.0]]),
        )
    )
add(
    entry(
        "NeuronTrace.lines",
        "nnref.neuron.NeuronTrace.lines",
        lambda digits: neuron.Neuron([0.3, 0.7]).trace([0.5, 0.8]).lines(digits),
        digits=(POSITIVE_INT, 4),
    )
)

# --- linear ----------------------------------------------------------------------------------

for cls in (linear.Perceptron, linear.Adaline):
    name = cls.__name__
    add(
        entry(
            name,
            f"nnref.linear.{name}",
            lambda eta, epochs, shuffle, rng, cls=cls: cls(
                eta=eta, epochs=epochs, shuffle=shuffle, rng=rng
            ),  # fmt: skip
            eta=(POSITIVE, 0.1),
            epochs=(POSITIVE_INT, 5),
            shuffle=(BOOL, True),
            rng=(RNG, 0),
        )
    )
    add(
        entry(
            f"{name}.fit",
            f"nnref.linear.{name}.fit",
            lambda X, y, eta, cls=cls: cls(eta=eta, epochs=20, rng=0).fit(X, y),
            X=(ANY_MATRIX, X2),
            y=(LABELS, Y2),
            eta=(RATE, 0.01),
        ),
        rate_names=("eta",),
        fixed=(),
    )
    add(
        entry(
            f"{name}.predict",
            f"nnref.linear.{name}.predict",
            lambda X, cls=cls: cls(epochs=5, rng=0).fit(X2, Y2).predict(X),
            X=(MATRIX, X2),
        )
    )
    add(
        entry(
            f"{name}.net_input",
            f"nnref.linear.{name}.net_input",
            lambda X, cls=cls: cls(epochs=5, rng=0).fit(X2, Y2).net_input(X),
            X=(MATRIX, X2),
        )
    )
add(
    entry(
        "Perceptron(record)",
        "nnref.linear.Perceptron",
        lambda record: linear.Perceptron(record=record).fit(X2, Y2),
        record=(BOOL, True),
    )
)
add(
    entry(
        "Adaline(method)",
        "nnref.linear.Adaline",
        lambda method: linear.Adaline(method=method, epochs=3, rng=0).fit(X2, Y2),
        method=(CHOICE, "sgd"),
    )
)
add(
    entry(
        "Adaline.activation",
        "nnref.linear.Adaline.activation",
        lambda z: linear.Adaline().activation(z),
        z=(ACT_INPUT, [0.5, -1.0]),
    )
)
add(
    entry(
        "OneVsRest",
        "nnref.linear.OneVsRest",
        lambda estimator: linear.OneVsRest(estimator),
        estimator=(OBJECT, linear.Perceptron()),
    )
)
for base in (linear.Perceptron, linear.Adaline):
    add(
        entry(
            f"OneVsRest({base.__name__}).fit",
            "nnref.linear.OneVsRest.fit",
            lambda X, y, eta, base=base: linear.OneVsRest(base(eta=eta, epochs=20, rng=0)).fit(
                X, y
            ),
            X=(ANY_MATRIX, X3),
            y=(LABELS, Y3),
            eta=(RATE, 0.01),
        ),
        rate_names=("eta",),
    )
for method in ("predict", "net_input"):
    add(
        entry(
            f"OneVsRest.{method}",
            f"nnref.linear.OneVsRest.{method}",
            lambda X, method=method: getattr(
                linear.OneVsRest(linear.Perceptron(epochs=5)).fit(X3, Y3), method
            )(X),
            X=(MATRIX, X3),
        )
    )


def _step_keeps() -> str:
    x = np.array([1.0, 1.0])
    step = linear.perceptron_update([0.2, -0.4], 0.1, x, 1, 0.5)
    trace = neuron.Neuron([0.3, 0.7]).trace(x)
    x[0] = 99.0
    ok = step.x[0] == 1.0 and trace.inputs[0] == 1.0
    return "ok" if ok else "a PerceptronStep or NeuronTrace keeps the caller's x"


add(
    entry(
        "perceptron_update",
        "nnref.linear.perceptron_update",
        lambda weights, bias, x, target, eta, labels: linear.perceptron_update(
            weights, bias, x, target, eta, labels
        ),
        weights=(VECTOR, [0.2, -0.4]),
        bias=(REAL, 0.1),
        x=(VECTOR, [1.0, 1.0]),
        target=(Kind("label", lambda v: [("not a label", 7), ("None", None)]), 1),
        eta=(POSITIVE, 0.5),
        labels=(
            Kind("label pair", lambda v: [("equal", (1, 1)), ("three", (0, 1, 2)), ("None", None)]),
            (0, 1),
        ),
    ),
    keeps=_step_keeps,
)
add(
    entry(
        "clone",
        "nnref.linear.clone",
        lambda estimator: linear.clone(estimator),
        estimator=(OBJECT, linear.Adaline(eta=0.5)),
    )
)
add(
    entry(
        "get_params",
        "nnref.linear.Perceptron.get_params",
        lambda: linear.Perceptron(eta=0.5).get_params(),
    )
)

# --- datasets --------------------------------------------------------------------------------

add(
    entry(
        "gate",
        "nnref.datasets.gate",
        lambda name, labels: datasets.gate(name, labels),
        name=(CHOICE, "xor"),
        labels=(
            Kind(
                "label pair",
                lambda v: [
                    ("equal", (1, 1)),
                    ("three", (0, 1, 2)),
                    ("None", None),
                    ("list of lists", [[0]]),
                ],
            ),
            (0, 1),
        ),  # fmt: skip
    )
)
add(
    entry(
        "blobs",
        "nnref.datasets.blobs",
        lambda n_samples, centers, cluster_std, rng: datasets.blobs(
            n_samples, centers, cluster_std, rng=rng
        ),
        n_samples=(POSITIVE_INT, 20),
        centers=(ANY_MATRIX, [[0.0, 0.0], [3.0, 3.0]]),
        cluster_std=(
            Kind(
                "cluster_std",
                lambda v: (
                    NONNEGATIVE.bad(v)
                    + [("three", [1.0, 1.0, 1.0]), ("negative entry", [1.0, -1.0])]
                ),
            ),
            0.5,
        ),  # fmt: skip
        rng=(RNG, 0),
    )
)
add(
    entry(
        "blobs(n_features)",
        "nnref.datasets.blobs",
        lambda n_features, centers: datasets.blobs(10, centers, n_features=n_features, rng=0),
        n_features=(OPTIONAL_INT, 3),
        centers=(POSITIVE_INT, 2),
    )
)
add(
    entry(
        "moons",
        "nnref.datasets.moons",
        lambda n_samples, noise, rng: datasets.moons(n_samples, noise, rng),
        n_samples=(POSITIVE_INT, 20),
        noise=(NONNEGATIVE, 0.1),
        rng=(RNG, 0),
    )
)
add(
    entry(
        "spirals",
        "nnref.datasets.spirals",
        lambda n_samples, n_classes, noise, turns, rng: datasets.spirals(
            n_samples, n_classes, noise, turns, rng
        ),
        n_samples=(POSITIVE_INT, 20),
        n_classes=(POSITIVE_INT, 2),
        noise=(NONNEGATIVE, 0.1),
        turns=(POSITIVE, 1.0),
        rng=(RNG, 0),
    )
)
add(
    entry(
        "shape_images",
        "nnref.datasets.shape_images",
        lambda n_samples, size, noise, classes, rng: datasets.shape_images(
            n_samples, size, noise, classes, rng
        ),
        n_samples=(POSITIVE_INT, 10),
        size=(POSITIVE_INT, 8),
        noise=(NONNEGATIVE, 0.1),
        classes=(
            Kind(
                "classes",
                lambda v: [
                    ("unknown", ["blob"]),
                    ("empty", []),
                    ("None", None),
                    ("a string", "cross"),
                    ("twice", ["cross", "cross"]),
                ],
            ),
            ("cross", "square"),
        ),  # fmt: skip
        rng=(RNG, 0),
    )
)
add(
    entry(
        "noisy_sine",
        "nnref.datasets.noisy_sine",
        lambda n_samples, n_steps, noise, period, rng: datasets.noisy_sine(
            n_samples, n_steps, noise, period, rng
        ),
        n_samples=(POSITIVE_INT, 4),
        n_steps=(POSITIVE_INT, 10),
        noise=(NONNEGATIVE, 0.1),
        period=(POSITIVE, 5.0),
        rng=(RNG, 0),
    )
)
add(
    entry(
        "delayed_recall",
        "nnref.datasets.delayed_recall",
        lambda n_samples, delay, n_steps, n_symbols, rng: datasets.delayed_recall(
            n_samples, delay, n_steps, n_symbols, rng
        ),
        n_samples=(POSITIVE_INT, 4),
        delay=(NONNEGATIVE_INT, 2),
        n_steps=(OPTIONAL_INT, 6),
        n_symbols=(POSITIVE_INT, 2),
        rng=(RNG, 0),
    )
)
add(
    entry(
        "winner_take_all",
        "nnref.datasets.winner_take_all",
        lambda n_samples, n_units, n_steps, noise, rng: datasets.winner_take_all(
            n_samples, n_units, n_steps, noise, rng
        ),
        n_samples=(POSITIVE_INT, 4),
        n_units=(POSITIVE_INT, 3),
        n_steps=(POSITIVE_INT, 5),
        noise=(NONNEGATIVE, 0.1),
        rng=(RNG, 0),
    )
)
add(
    entry(
        "train_test_split",
        "nnref.datasets.train_test_split",
        lambda X, y, test_size, shuffle, rng: datasets.train_test_split(
            X, y, test_size, shuffle, rng
        ),
        X=(
            Kind(
                "samples",
                lambda v: [
                    ("None", None),
                    ("a number", 1.0),
                    ("one row fewer", X2[:-1]),
                    ("empty", X2[:0]),
                ],
            ),
            X2,
        ),  # fmt: skip
        y=(Kind("labels", lambda v: LABELS.bad(v)[:5]), Y2),
        test_size=(FRACTION, 0.25),
        shuffle=(BOOL, True),
        rng=(RNG, 0),
    ),
    names={"X": ("X", "y")},
)
add(
    entry(
        "standardize",
        "nnref.datasets.standardize",
        lambda X, mean, std: datasets.standardize(X, mean, std),
        X=(MATRIX, X2),
        mean=(optional(FEATURE_VECTOR), [1.0, 1.0]),
        std=(
            optional(
                Kind(
                    "std",
                    lambda v: FEATURE_VECTOR.bad(v) + [("zero", [0, 1.0]), ("negative", [-1, 1.0])],
                )
            ),
            [1.0, 2.0],
        ),
    ),
    names={"X": ("X", "mean", "std")},
)
add(
    entry(
        "standardize(X)",
        "nnref.datasets.standardize",
        lambda X: datasets.standardize(X),
        X=(ANY_MATRIX, X2),
    )
)
for method in ("fit", "fit_transform"):
    add(
        entry(
            f"Standardizer.{method}",
            f"nnref.datasets.Standardizer.{method}",
            lambda X, method=method: getattr(datasets.Standardizer(), method)(X),
            X=(ANY_MATRIX, X2),
        )
    )
for method, arg in (("transform", "X"), ("inverse_transform", "Z")):
    add(
        entry(
            f"Standardizer.{method}",
            f"nnref.datasets.Standardizer.{method}",
            lambda method=method, **a: getattr(datasets.Standardizer().fit(X2), method)(
                *a.values()
            ),
            **{arg: (MATRIX, X2)},
        )
    )

# --- metrics ---------------------------------------------------------------------------------

for fn in (metrics.accuracy, metrics.confusion_matrix, metrics.confusion_counts):
    add(
        entry(
            fn.__name__,
            f"nnref.metrics.{fn.__name__}",
            lambda y_true, y_pred, fn=fn: fn(y_true, y_pred),
            y_true=(Kind("labels", lambda v: LABELS.bad(v)[:4] + LABELS.bad(v)[6:]), Y2),
            y_pred=(Kind("labels", lambda v: LABELS.bad(v)[:4] + LABELS.bad(v)[6:]), Y2[::-1]),
        ),
        names={"y_true": ("y_true", "y_pred")},
    )
add(
    entry(
        "confusion_matrix(labels)",
        "nnref.metrics.confusion_matrix",
        lambda labels: metrics.confusion_matrix(Y2, Y2[::-1], labels),
        labels=(
            Kind(
                "labels",
                lambda v: [
                    ("repeated", [1, 1]),
                    ("empty", []),
                    ("2-D", [[0, 1]]),
                    ("NaN", [0.0, np.nan]),
                ],
            ),
            [1, 0],
        ),  # fmt: skip
    )
)
add(
    entry(
        "confusion_counts(positive)",
        "nnref.metrics.confusion_counts",
        lambda positive: metrics.confusion_counts(Y2, Y2[::-1], positive),
        positive=(
            Kind(
                "label",
                lambda v: [
                    ("absent", 7),
                    ("a list", [1, 0]),
                    ("an array", np.array([1, 0])),
                    ("None", None),
                ],
            ),
            1,
        ),  # fmt: skip
    )
)

# --- init ------------------------------------------------------------------------------------

for scheme in init.catalog():
    add(
        entry(
            scheme.__name__,
            f"nnref.init.{scheme.__name__}",
            lambda shape, rng, dtype, scheme=scheme: scheme(shape, rng=rng, dtype=dtype),
            shape=(SHAPE, (3, 2)),
            rng=(RNG, 0),
            dtype=(DTYPE, np.float32),
        )
    )
add(
    entry(
        "uniform(limit)",
        "nnref.init.uniform",
        lambda limit: init.uniform((3, 2), rng=0, limit=limit),
        limit=(OPTIONAL_POSITIVE, 0.5),
    )
)
add(
    entry(
        "normal(std)",
        "nnref.init.normal",
        lambda std: init.normal((3, 2), rng=0, std=std),
        std=(POSITIVE, 0.5),
    )
)
add(entry("fans", "nnref.init.fans", lambda shape: init.fans(shape), shape=(SHAPE, (4, 3, 2, 2))))
add(
    entry("init.get", "nnref.init.get", lambda name: init.get(name), name=(KEY, "he_normal")),
    names={"name": ("init",)},
)
add(entry("init.catalog", "nnref.init.catalog", lambda: init.catalog()))

# --- losses ----------------------------------------------------------------------------------

LOGITS = np.array([[2.0, -1.0, 0.5], [0.0, 0.3, -0.2]])
LOSS_CASES = {
    "squared_error": (np.array([[0.5], [2.0]]), np.array([[1.0], [0.0]])),
    "mse": (np.array([[0.5], [2.0]]), np.array([[1.0], [0.0]])),
    "binary_cross_entropy": (np.array([[0.9], [0.2]]), np.array([[1.0], [0.0]])),
    "binary_cross_entropy_with_logits": (np.array([[2.0], [-1.0]]), np.array([[1.0], [0.0]])),
    "cross_entropy": (LOGITS, np.array([0, 2])),
}
for key, (pred, true) in LOSS_CASES.items():
    loss = losses.get(key)
    methods = ["__call__", "gradient", "value_and_gradient"]
    if loss.classification:
        methods += ["accuracy", "count_correct"]
    for method in methods:
        add(
            entry(
                f"{key}.{method}",
                (f"nnref.losses.Loss.{method}", f"nnref.losses.{key}"),
                lambda y_pred, y_true, loss=loss, method=method: getattr(loss, method)(
                    y_pred, y_true
                ),
                y_pred=(PREDICTIONS if key != "cross_entropy" else LOGITS_K, pred),
                y_true=(TARGETS, true),
            ),
            inf_ok=True,
        )
    add(
        entry(
            f"{key}.check_predictions",
            "nnref.losses.Loss.check_predictions",
            lambda y_pred, loss=loss: loss.check_predictions(y_pred),
            y_pred=(PREDICTIONS if key != "cross_entropy" else LOGITS_K, pred),
        )
    )
    add(
        entry(
            f"{key}.check_targets",
            "nnref.losses.Loss.check_targets",
            lambda y_true, loss=loss, pred=pred: loss.check_targets(y_true, pred.shape, pred.dtype),
            y_true=(TARGETS, true),
        )
    )
    if loss.classification:
        add(
            entry(
                f"{key}.classify",
                "nnref.losses.Loss.classify",
                lambda y_pred, loss=loss: loss.classify(y_pred),
                y_pred=(PREDICTIONS if key != "cross_entropy" else LOGITS_K, pred),
            )
        )
add(
    entry("losses.get", "nnref.losses.get", lambda key: losses.get(key), key=(KEY, "mse")),
    names={"key": ("loss",)},
)
add(entry("losses.catalog", "nnref.losses.catalog", lambda: losses.catalog()))

# --- optim -----------------------------------------------------------------------------------

add(
    entry(
        "SGD",
        "nnref.optim.SGD",
        lambda lr, momentum: optim.SGD(lr, momentum),
        lr=(POSITIVE, 0.1),
        momentum=(Kind("momentum", lambda v: NONNEGATIVE.bad(v) + [("one", 1.0)]), 0.5),
    )
)
add(
    entry(
        "SGD.step",
        "nnref.optim.SGD.step",
        lambda net: optim.SGD(0.1).step(net),
        net=(OBJECT, network.mlp([2, 2], rng=0)),
    ),
    names={"net": ("params", "layers")},
)
add(
    entry(
        "SGD.step(arrays)",
        "nnref.optim.SGD.step",
        lambda params, grads: optim.SGD(0.1).step(params, grads),
        params=(OBJECT, [np.array([1.0, -2.0])]),
        grads=(
            Kind(
                "gradients",
                lambda v: [
                    ("NaN", [np.array([np.nan, 1.0])]),
                    ("inf", [np.array([np.inf, 1.0])]),
                    ("wrong shape", [np.ones(3)]),
                    ("None", [None]),
                    ("strings", [np.array(["a", "b"])]),
                    ("too few", []),
                ],
            ),
            [np.array([0.5, 0.5])],
        ),  # fmt: skip
    ),
    mutates=("params",),
)
add(entry("SGD.zero_state", "nnref.optim.SGD.zero_state", lambda: optim.SGD(0.1).zero_state()))

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

# --- not swept, with the reason --------------------------------------------------------------

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

NO_ARGUMENTS = "a property or method without arguments"
RECORD = "a record of results (a dataclass or named tuple), built by the library"
UNCHECKED = "the documented unchecked fast path of the layer protocol (no checks by design)"
EXEMPT: dict[str, str] = {
    "nnref.activations.Activation": "a catalogue-definition type, checked by test_activations",
    "nnref.activations.register": "changes the global catalogue; checked by test_activations",
    "nnref.activations.Activation.vector_valued": NO_ARGUMENTS,
    "nnref.activations.Activation.elementwise": NO_ARGUMENTS,
    "nnref.activations.Activation.bounded": NO_ARGUMENTS,
    "nnref.losses.Loss": "the base class of the losses; each loss is swept",
    "nnref.layers.Layer": "the base class of the layers; each layer is swept",
    "nnref.recurrent.RecurrentBase": "the base class of the recurrent layers; each is swept",
    "nnref.DivergenceWarning": "a warning class",
    "nnref.NotFittedError": "an exception class",
    "nnref.neuron.NeuronTrace": RECORD,
    "nnref.linear.PerceptronStep": RECORD,
    "nnref.linear.PerceptronStep.delta_weights": NO_ARGUMENTS,
    "nnref.linear.PerceptronStep.correct": NO_ARGUMENTS,
    "nnref.metrics.ConfusionCounts": RECORD,
    "nnref.conv.ReceptiveField": RECORD,
    "nnref.network.History": RECORD,
    "nnref.network.Summary": RECORD,
    "nnref.network.Summary.output_shape": NO_ARGUMENTS,
    "nnref.network.Summary.total_params": NO_ARGUMENTS,
    "nnref.recurrent.GRUTrace": RECORD,
    "nnref.recurrent.JordanTrace": RECORD,
    "nnref.recurrent.LSTMTrace": RECORD,
    "nnref.recurrent.RNNTrace": RECORD,
    "nnref.datasets.Standardizer": "a constructor without arguments",
    "nnref.layers.Flatten": "a constructor without arguments",
    "nnref.recurrent.LastStep": "a constructor without arguments",
    "nnref.neuron.Neuron.n_inputs": NO_ARGUMENTS,
    "nnref.layers.PReLU.alpha": NO_ARGUMENTS,
    "nnref.layers.Layer.n_params": NO_ARGUMENTS,
    "nnref.layers.Layer.dtype": NO_ARGUMENTS,
    "nnref.network.Sequential.params": NO_ARGUMENTS,
    "nnref.network.Sequential.grads": NO_ARGUMENTS,
    "nnref.network.Sequential.n_params": NO_ARGUMENTS,
    "nnref.network.Sequential.dtype": NO_ARGUMENTS,
    "nnref.recurrent.RecurrentBase.n_outputs": NO_ARGUMENTS,
    "nnref.recurrent.JordanNetwork.n_outputs": NO_ARGUMENTS,
    "nnref.layers.Layer.forward_unchecked": UNCHECKED,
    "nnref.layers.Layer.backward_unchecked": UNCHECKED,
}
PROTOCOL_CLASSES = (
    "layers.Dense",
    "layers.ActivationLayer",
    "layers.PReLU",
    "layers.Flatten",
    "conv.Conv2D",
    "conv.MaxPool2D",
    "conv.AvgPool2D",
    "recurrent.RecurrentLayer",
    "recurrent.LSTM",
    "recurrent.GRU",
    "recurrent.JordanNetwork",
    "recurrent.LastStep",
    "recurrent.TimeDistributed",
    "recurrent.RecurrentBase",
    "network.Sequential",
)
for _cls in PROTOCOL_CLASSES:
    for _m in ("forward_unchecked", "backward_unchecked"):
        EXEMPT[f"nnref.{_cls}.{_m}"] = UNCHECKED
    EXEMPT[f"nnref.{_cls}.check_input"] = "the shape check of forward, swept through forward"
