"""Sweep entries: the neuron, the linear models, data sets, metrics, initialisers, losses and
the optimiser. Add an entry point of these modules here with ``add(entry(...))``.
"""

from __future__ import annotations

import numpy as np
from sweep_common import (
    ACT_INPUT,
    ANY_MATRIX,
    FEATURE_VECTOR,
    LOGITS,
    LOGITS_K,
    MATRIX,
    PREDICTIONS,
    VECTOR,
    X2,
    X3,
    Y2,
    Y3,
    add,
    entry,
)
from sweep_inputs import (
    BOOL,
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
    POSITIVE,
    POSITIVE_INT,
    RATE,
    REAL,
    RNG,
    SHAPE,
    TARGETS,
    Kind,
    array_kind,
    optional,
)

from nnref import (
    datasets,
    init,
    linear,
    losses,
    metrics,
    network,
    neuron,
    optim,
)

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
