"""Feed-forward networks: layers in sequence, trained by backpropagation and gradient descent.

A [`Sequential`][nnref.network.Sequential] network passes a batch through its layers one
after another (information flows only towards the output: a *feed-forward* network). With
at least one hidden layer between input and output it is a **multi-layer perceptron**
(MLP); [`mlp`][nnref.network.mlp] builds one from a list of layer sizes.

Training ([`Sequential.fit`][nnref.network.Sequential.fit]) repeats, for every mini-batch:

1. **forward pass**: compute the output $\\hat y$ and the loss $L(\\hat y, y)$;
2. **output error**: the loss's gradient $\\partial L / \\partial \\hat y$;
3. **backward pass**: the chain rule, layer by layer from the output back to the input,
   gives $\\partial L / \\partial \\theta$ for every parameter;
4. **update**: $\\theta \\leftarrow \\theta - \\eta\\, \\partial L / \\partial \\theta$ (or
   another optimiser's rule).

One pass over the training data is an **epoch**; it takes $\\lceil N / B \\rceil$
**iterations** for mini-batches of $B$ samples.
[`Autoencoder`][nnref.network.Autoencoder] trains an encoder and a decoder together to
reproduce their input through a narrow bottleneck.

Examples:
    >>> import numpy as np
    >>> from nnref.network import mlp
    >>> from nnref.datasets import gate
    >>> X, y = gate("xor")
    >>> net = mlp([2, 8, 1], activation="tanh", output_activation="sigmoid", rng=1)
    >>> history = net.fit(X, y, "binary_cross_entropy", epochs=500, lr=0.5, batch_size=4, rng=0)
    >>> history.accuracy[-1], (net.predict(X)[:, 0] >= 0.5).astype(int)
    (1.0, array([0, 1, 1, 0]))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Self

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from nnref import activations as act
from nnref import losses as loss_functions
from nnref._divergence import DivergenceWatch, warn_divergence
from nnref._training import (
    RunningLoss,
    as_batch,
    backward_layer,
    check_layer,
    forward_layer,
    minibatches,
    optimizer_for,
    rate_text,
    report,
    restore,
    snapshot,
    train_epoch,
    verbosity,
)
from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_bool,
    check_finite,
    check_float_dtype,
    check_positive_int,
    check_result,
    check_rng,
    check_sample_shape,
    describe,
    error,
)
from nnref.layers import ActivationLayer, Dense, Layer, PReLU

__all__ = ["Autoencoder", "History", "Sequential", "Summary", "mlp"]

Callback = Callable[[int, dict[str, float]], Any]


@dataclass
class History:
    """What happened in each epoch of [`Sequential.fit`][nnref.network.Sequential.fit].

    ``loss`` (and ``accuracy``) are measured on the training mini-batches as they pass,
    before each batch's update, and combined over the epoch: the batch-size-weighted mean of
    the batch losses for a mean loss, their sum for ``squared_error``. ``val_loss`` and
    ``val_accuracy`` are measured on the validation data after the epoch. Accuracies are
    recorded for classification losses only; a list stays empty when it does not apply.

    Attributes:
        loss: Training loss per epoch.
        accuracy: Training accuracy per epoch (classification losses).
        val_loss: Validation loss per epoch (with ``validation_data``).
        val_accuracy: Validation accuracy per epoch.

    Examples:
        >>> h = History(loss=[0.9, 0.5], accuracy=[0.5, 1.0])
        >>> h.epochs, h["loss"], h.keys()
        (2, [0.9, 0.5], ['loss', 'accuracy'])
    """

    loss: list[float] = field(default_factory=list)
    accuracy: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)

    @property
    def epochs(self) -> int:
        """How many epochs were recorded."""
        return len(self.loss)

    def keys(self) -> list[str]:
        """The names of the recorded (non-empty) series."""
        return [k for k, v in self.as_dict().items() if v]

    def as_dict(self) -> dict[str, list[float]]:
        """Every series by name (empty ones included)."""
        return {
            "loss": self.loss,
            "accuracy": self.accuracy,
            "val_loss": self.val_loss,
            "val_accuracy": self.val_accuracy,
        }

    def __getitem__(self, key: str) -> list[float]:
        series = self.as_dict()
        if key not in series:
            raise error("key", f"one of {', '.join(series)}", key)
        return series[key]


@dataclass(frozen=True)
class Summary:
    """What [`Sequential.summary`][nnref.network.Sequential.summary] reports: one row per layer.

    Printing it gives the table (as Keras's ``model.summary()``); the rows are there for code.

    Attributes:
        input_shape: The shape of one input sample (no batch axis).
        rows: ``(layer description, output shape, parameter count)`` for each layer.

    Examples:
        >>> s = Summary((2,), [("Dense(2, 1)", (1,), 3)])
        >>> s.total_params, s.output_shape
        (3, (1,))
    """

    input_shape: tuple[int, ...]
    rows: list[tuple[str, tuple[int, ...], int]]

    @property
    def total_params(self) -> int:
        """The number of trainable numbers in the whole network."""
        return sum(n for _, _, n in self.rows)

    @property
    def output_shape(self) -> tuple[int, ...]:
        """The shape of one output sample."""
        return self.rows[-1][1] if self.rows else self.input_shape

    def __str__(self) -> str:
        table = [("layer", "output shape", "params"), ("input", str(self.input_shape), "")]
        table += [(name, str(shape), f"{n:,}") for name, shape, n in self.rows]
        table.append(("total", "", f"{self.total_params:,}"))
        w0 = max(len(r[0]) for r in table)
        w1 = max(len(r[1]) for r in table)
        w2 = max(len(r[2]) for r in table)
        return "\n".join(f"{a:<{w0}}  {b:<{w1}}  {c:>{w2}}".rstrip() for a, b, c in table)


class Sequential:
    """A feed-forward network: a list of layers applied one after another.

    $$\\hat y = f_L\\bigl(\\cdots f_2(f_1(x))\\bigr)$$

    Args:
        layers: The layers in order, input first: [`Dense`][nnref.layers.Dense],
            [`ActivationLayer`][nnref.layers.ActivationLayer], [`PReLU`][nnref.layers.PReLU]
            or any object with ``forward``, ``backward``, ``params`` and ``grads``. A network
            provides the layer protocol itself, so it can be a layer of another network.

    Attributes:
        layers: The list of layers (``net.layers``).
        history_: The [`History`][nnref.network.History] of the last ``fit``.

    Examples:
        The XOR network with ReLU hidden units, $W = [[1, 1], [1, 1]]$, $c = [0, -1]$,
        $w = [1, -2]$, $b = 0$:

        >>> from nnref.layers import ActivationLayer, Dense
        >>> net = Sequential([
        ...     Dense.from_weights([[1, 1], [1, 1]], [0, -1]),
        ...     ActivationLayer("relu"),
        ...     Dense.from_weights([[1], [-2]], [0]),
        ... ])
        >>> net.predict([[0, 0], [0, 1], [1, 0], [1, 1]])[:, 0]
        array([0., 1., 1., 0.])
        >>> list(net.params)
        ['0.W', '0.b', '2.W', '2.b']
    """

    def __init__(self, layers: Iterable[Any]) -> None:
        try:
            items = list(layers) if not isinstance(layers, str | bytes) else None
        except TypeError:  # not iterable at all
            items = None
        if not items:
            raise error("layers", "a non-empty sequence of layers", layers, TypeError)
        for i, layer in enumerate(items):
            check_layer(layer, f"layers[{i}]")
        self.layers: list[Any] = items
        self._out_shape: tuple[int, ...] | None = None

    # --- forward and backward ----------------------------------------------------------------

    def forward(self, X: ArrayLike) -> Array:
        """The forward pass of a batch through every layer; the layers keep their caches.

        Args:
            X: Input batch, shape ``(n_samples, n_features)``; must be finite.

        Returns:
            The last layer's output, in ``X``'s dtype (float32 stays float32).
        """
        data = as_batch(X, "X")
        with np.errstate(over="ignore", invalid="ignore"):
            out = self.forward_unchecked(data)
        return check_result(out, "X", "the network's output")

    def backward(self, grad_out: ArrayLike) -> Array:
        """Backpropagate $\\partial L / \\partial \\hat y$ through every layer, last first.

        Fills every layer's ``grads`` and returns $\\partial L / \\partial X$.

        Args:
            grad_out: $\\partial L / \\partial \\hat y$, shaped like the last ``forward``'s
                output.
        """
        if self._out_shape is None:
            raise RuntimeError("Sequential.backward needs a forward pass first: call forward(X)")
        g = as_float_array(grad_out, "grad_out")
        if g.shape != self._out_shape:
            raise ValueError(
                f"grad_out must be an array of shape {self._out_shape} (the shape of the last "
                f"output), got {describe(g)}"
            )
        with np.errstate(over="ignore", invalid="ignore"):
            result = self.backward_unchecked(check_finite(g, "grad_out"))
        assert result is not None
        for key, grad in self.grads.items():
            check_result(grad, "grad_out", f"the gradient of {key}")
        return check_result(result, "grad_out", "the gradient of the input")

    # The layer protocol, so that a network works as one layer of another network.

    def check_input(self, x: Array, name: str = "x") -> Array:
        """The first layer's check of a float batch ``x`` (errors name ``name``); returns it."""
        first = self.layers[0]
        if hasattr(first, "check_input"):
            first.check_input(x, name)
        return x

    def forward_unchecked(self, x: Array) -> Array:
        """The forward pass of a float batch: each layer checks the shape of what reaches it
        (errors name the layer) and computes without converting or checking values."""
        for i, layer in enumerate(self.layers):
            x = forward_layer(layer, x, "X" if i == 0 else f"the input of layer {i}")
        self._out_shape = x.shape
        return x

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        """The backward pass for the last forward, last layer first; fills every ``grads``.

        Returns $\\partial L / \\partial X$, or ``None`` if not ``need_input_grad`` (then the
        first layer skips that product).
        """
        grad: Array | None = grad_out
        for i in range(len(self.layers) - 1, -1, -1):
            assert grad is not None
            grad = backward_layer(self.layers[i], grad, need_input_grad or i > 0)
        return grad

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """The shape of one output sample for input samples of ``input_shape``.

        Examples:
            >>> mlp([4, 3, 2], rng=0).output_shape((4,))
            (2,)
        """
        return self.summary(input_shape).output_shape

    def predict(self, X: ArrayLike) -> Array:
        """The network's output for ``X``: the last layer's output (logits, probabilities or
        values, whatever the last layer produces).

        Examples:
            >>> from nnref.layers import Dense
            >>> Sequential([Dense.from_weights([[2.0], [1.0]])]).predict([[1.0, 1.0]])
            array([[3.]])
        """
        return self.forward(X)

    __call__ = predict

    def summary(self, input_shape: tuple[int, ...]) -> Summary:
        """Each layer's output shape and parameter count for samples of ``input_shape``.

        Computed from the layers' ``output_shape`` without running the network; printing the
        result gives the table.

        Args:
            input_shape: The shape of one input sample, without the batch axis (``(784,)``,
                or ``(1, 28, 28)`` for an image).

        Raises:
            ValueError: if a layer cannot take the shape that reaches it, naming the layer.

        Examples:
            >>> print(mlp([2, 3, 1], activation="tanh", rng=0).summary((2,)))
            layer                    output shape  params
            input                    (2,)
            Dense(2, 3)              (3,)               9
            ActivationLayer('tanh')  (3,)               0
            Dense(3, 1)              (1,)               4
            total                                      13
        """
        shape = check_sample_shape(input_shape)
        rows: list[tuple[str, tuple[int, ...], int]] = []
        for i, layer in enumerate(self.layers):
            if not hasattr(layer, "output_shape"):
                raise TypeError(f"layer {i} ({layer!r}) has no output_shape method")
            try:
                shape = tuple(layer.output_shape(shape))
            except (ValueError, TypeError) as exc:
                raise ValueError(
                    f"layer {i} ({layer!r}) cannot take input samples of shape {shape}: {exc}"
                ) from None
            rows.append((repr(layer), shape, int(sum(p.size for p in layer.params.values()))))
        return Summary(tuple(int(n) for n in check_sample_shape(input_shape)), rows)

    # --- parameters ----------------------------------------------------------------------------

    @property
    def params(self) -> dict[str, Array]:
        """Every parameter array by ``"<layer index>.<name>"``, e.g. ``"0.W"`` (the arrays
        themselves, not copies)."""
        return {
            f"{i}.{k}": v for i, layer in enumerate(self.layers) for k, v in layer.params.items()
        }

    @property
    def grads(self) -> dict[str, Array]:
        """Every gradient array, with the keys of ``params``."""
        return {
            f"{i}.{k}": v for i, layer in enumerate(self.layers) for k, v in layer.grads.items()
        }

    def parameters(self) -> Iterator[Array]:
        """Iterate over the parameter arrays, input layer first (as PyTorch's ``parameters``)."""
        for layer in self.layers:
            yield from layer.params.values()

    @property
    def n_params(self) -> int:
        """The number of trainable numbers."""
        return int(sum(p.size for p in self.parameters()))

    @property
    def dtype(self) -> np.dtype[Any] | None:
        """The dtype of the parameters (of the first one; ``None`` without parameters)."""
        for p in self.parameters():
            return p.dtype
        return None

    def astype(self, dtype: DTypeLike) -> Self:
        """Convert every layer's parameters to float32 or float64 (see ``Layer.astype``)."""
        target = check_float_dtype(dtype)
        for layer in self.layers:
            if hasattr(layer, "astype"):
                layer.astype(target)
        return self

    # --- training ------------------------------------------------------------------------------

    def fit(
        self,
        X: ArrayLike,
        y: ArrayLike,
        loss: str | loss_functions.Loss,
        *,
        epochs: int = 10,
        lr: float | None = None,
        optimizer: Any = None,
        batch_size: int | None = 32,
        rng: np.random.Generator | int | None = None,
        validation_data: tuple[ArrayLike, ArrayLike] | None = None,
        verbose: bool | int = False,
        shuffle: bool = True,
        callback: Callback | None = None,
    ) -> History:
        """Train with mini-batch gradient descent and backpropagation.

        Every epoch visits the samples in an order shuffled by ``rng`` and cuts it into
        mini-batches of ``batch_size`` (the last one may be smaller); each batch is one
        iteration: forward, loss, backward, optimiser step. The parameters are first
        converted to ``X``'s dtype, so float32 data trains in float32 throughout.

        Args:
            X: Training inputs, shape ``(n_samples, n_features)``; finite.
            y: Targets in the form ``loss`` expects: values shaped like the output for the
                regression losses (1-D for a single output), class indices ``(n_samples,)``
                or one-hot rows for ``cross_entropy``, 0/1 targets for the binary losses.
            loss: A [`Loss`][nnref.losses.Loss] or its key, e.g. ``"cross_entropy"``.
            epochs: Number of passes over the data.
            lr: Learning rate of plain SGD; default 0.01. Give ``lr`` or ``optimizer``.
            optimizer: An object with ``step(network)``, e.g.
                [`SGD`][nnref.optim.SGD]``(lr, momentum)``.
            batch_size: Samples per mini-batch; ``None`` for full-batch gradient descent.
            rng: Random generator or int seed for the shuffling.
            validation_data: ``(X_val, y_val)`` to evaluate after every epoch.
            verbose: Print one progress line per epoch (``True``) or every ``k`` epochs (an
                int ``k``), and after the last one.
            shuffle: Shuffle the samples every epoch (default); if false, batches follow the
                order of ``X``.
            callback: Called as ``callback(epoch, logs)`` after each epoch, with ``logs`` the
                epoch's values by history key; returning ``True`` stops training.

        Returns:
            The per-epoch [`History`][nnref.network.History] (also kept as ``history_``).

        Raises:
            ValueError: for the wrong number of features, targets of the wrong shape or
                outside the loss's range, NaN in the data, a non-positive ``lr``,
                ``batch_size`` or ``epochs``.

        Warns:
            DivergenceWarning: when training diverges (the epoch's loss grows to a thousand
                times the lowest it reached, or a number of the run stops being finite):
                training stops there, naming the learning rate. After a non-finite epoch the
                parameters go back to those after the last whole epoch; the history holds
                the epochs that ran.

        Examples:
            >>> from nnref.datasets import moons
            >>> X, y = moons(200, noise=0.1, rng=0)
            >>> net = mlp([2, 16, 16, 2], rng=0)
            >>> h = net.fit(X, y, "cross_entropy", epochs=100, lr=0.1, batch_size=16, rng=0)
            >>> h.accuracy[-1] > 0.95
            True
        """
        loss_fn = loss_functions.get(loss)
        data = as_batch(X, "X")
        n_epochs = check_positive_int(epochs, "epochs")
        size = data.shape[0] if batch_size is None else check_positive_int(batch_size, "batch_size")
        optimiser = optimizer_for(lr, optimizer)
        generator = check_rng(rng)
        order_rng = generator if check_bool(shuffle, "shuffle") else None  # None: keep X's order
        every = verbosity(verbose)
        if callback is not None and not callable(callback):
            raise error("callback", "a callable callback(epoch, logs) or None", callback, TypeError)
        self.astype(data.dtype)  # float32 data trains float32 parameters
        targets = self._checked_targets(loss_fn, data, y, "y")
        validation = self._validation_set(loss_fn, validation_data, data.dtype)

        self.history_ = history = History()
        watch = DivergenceWatch()
        # A diverging run overflows: train_epoch notices the first non-finite number and the
        # run stops with one DivergenceWarning, not NumPy warnings from inside a product.
        with np.errstate(over="ignore", invalid="ignore"):
            for epoch in range(1, n_epochs + 1):
                saved = snapshot(self)
                running = RunningLoss(loss_fn)
                batches = minibatches(data, targets, size, order_rng)
                finite = train_epoch(self, loss_fn, batches, optimiser, running)
                logs = running.logs() if finite else {}
                if finite and validation is not None:
                    val_logs = self._evaluate(loss_fn, *validation, prefix="val_")
                    finite = val_logs is not None
                    logs.update(val_logs or {})
                what = watch.check(logs["loss"]) if finite else "became non-finite"
                if finite:
                    for key, value in logs.items():
                        history[key].append(float(value))
                    report(every, epoch, n_epochs, logs)
                if what is not None:
                    if not finite:  # back to the parameters of the last whole epoch
                        restore(self, saved)
                    kept = f"the parameters after epoch {history.epochs}"
                    rate = rate_text(lr, optimizer)
                    warn_divergence(
                        "Sequential.fit", epoch, n_epochs, f"the loss {what}", rate, kept
                    )
                    break
                if callback is not None and callback(epoch, dict(logs)) is True:
                    break
        return history

    def evaluate(
        self, X: ArrayLike, y: ArrayLike, loss: str | loss_functions.Loss
    ) -> dict[str, float]:
        """The loss (and accuracy, for a classification loss) on data ``X``, ``y``.

        Examples:
            >>> from nnref.layers import Dense
            >>> net = Sequential([Dense.from_weights([[1.0]])])
            >>> net.evaluate([[1.0], [2.0]], [1.0, 0.0], "mse")
            {'loss': 2.0}
        """
        loss_fn = loss_functions.get(loss)
        data = as_batch(X, "X")
        return self._evaluate(loss_fn, data, self._checked_targets(loss_fn, data, y, "y")) or {}

    def _checked_targets(
        self, loss_fn: loss_functions.Loss, data: Array, y: ArrayLike, name: str, x_name: str = "X"
    ) -> Any:
        """``y`` checked by the loss against the network's output shape, found by running one
        sample (the data's own shape is checked first, so errors show it)."""
        self.check_input(data, x_name)
        with np.errstate(over="ignore", invalid="ignore"):
            probe = self.forward_unchecked(data[:1])
        check_result(probe, x_name, "the network's output")
        loss_fn.check_predictions(probe)
        return loss_fn.check_targets(y, (data.shape[0], *probe.shape[1:]), data.dtype, name)

    def _validation_set(
        self, loss_fn: loss_functions.Loss, validation_data: Any, dtype: np.dtype[Any]
    ) -> tuple[Array, Any] | None:
        """``(X_val, y_val)`` checked like the training data, or ``None``."""
        if validation_data is None:
            return None
        if not (isinstance(validation_data, tuple | list) and len(validation_data) == 2):
            raise error("validation_data", "a pair (X_val, y_val)", validation_data, TypeError)
        Xv = as_batch(validation_data[0], "X_val").astype(dtype, copy=False)
        return Xv, self._checked_targets(loss_fn, Xv, validation_data[1], "y_val", "X_val")

    def _evaluate(
        self, loss_fn: loss_functions.Loss, data: Array, targets: Any, prefix: str = ""
    ) -> dict[str, float] | None:
        """Loss (and accuracy) on checked data; for validation data (``prefix``) ``None``
        when the output is not finite (the run diverged), otherwise that is an error."""
        with np.errstate(over="ignore", invalid="ignore"):
            out = self.forward_unchecked(data)
        if prefix and not np.all(np.isfinite(out)):
            return None
        check_result(out, "X", "the network's output")
        result = {f"{prefix}loss": float(loss_fn(out, targets))}
        if loss_fn.classification:
            right, counted = loss_fn.count_correct(out, targets)
            result[f"{prefix}accuracy"] = right / counted
        return result

    # --- display -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.layers)

    def __getitem__(self, index: int) -> Any:
        return self.layers[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.layers)

    def __repr__(self) -> str:
        inner = "".join(f"\n    {layer!r}," for layer in self.layers)
        return f"{type(self).__name__}([{inner}\n])"


# --- building networks -----------------------------------------------------------------------


def _activation_layer(value: act.Activation | str, name: str, dtype: np.dtype[Any]) -> Layer:
    f = act.resolve(value, name)
    if f is act.prelu:  # in a network PReLU's slope is a parameter: learn it
        return PReLU(dtype=dtype)
    return ActivationLayer(f)


def mlp(
    sizes: Sequence[int],
    activation: act.Activation | str = "relu",
    output_activation: act.Activation | str = "identity",
    init: str = "glorot_uniform",
    rng: np.random.Generator | int | None = None,
    dtype: DTypeLike = np.float64,
) -> Sequential:
    """A multi-layer perceptron: dense layers of the given sizes with an activation between.

    For sizes $[n_0, n_1, \\dots, n_L]$ and an input row $x$ the network is
    $\\hat y = g(f(\\cdots f(x W_1 + b_1) \\cdots) W_L + b_L)$, each $W_k$ of shape
    $(n_{k-1}, n_k)$: a [`Dense`][nnref.layers.Dense] layer $n_{k-1} \\to n_k$ for each
    step, the hidden activation $f$ after every dense layer but the last, and the output
    activation $g$ after the last (no layer at all for ``"identity"``, the right output for
    ``"cross_entropy"`` and ``"mse"``). ``"prelu"`` gives [`PReLU`][nnref.layers.PReLU]
    layers with a learned slope.

    Args:
        sizes: Units per layer, input first: at least two positive integers.
        activation: Hidden activation (an ``Activation`` or its key), default ReLU.
        output_activation: Output activation, default the identity.
        init: Weight initialisation of every dense layer (see [`nnref.init.get`][nnref.init.get]).
            The default is Glorot (``"glorot_uniform"``, Keras's default; PyTorch's
            ``nn.Linear`` default is ``"uniform"``), designed for activations with slope 1 at
            0 such as tanh. For ReLU networks ``init="he_uniform"`` is recommended.
        rng: Random generator or int seed for the initial weights.
        dtype: Parameter dtype, ``np.float64`` or ``np.float32``.

    Examples:
        >>> net = mlp([2, 3, 1], activation="tanh", output_activation="sigmoid", rng=0)
        >>> net
        Sequential([
            Dense(2, 3),
            ActivationLayer('tanh'),
            Dense(3, 1),
            ActivationLayer('sigmoid'),
        ])
        >>> net.n_params
        13
    """
    if isinstance(sizes, str | bytes) or not isinstance(sizes, Sequence | np.ndarray):
        raise error("sizes", "a sequence of layer sizes such as [2, 8, 1]", sizes, TypeError)
    units = [check_positive_int(s, f"sizes[{i}]") for i, s in enumerate(sizes)]
    if len(units) < 2:
        raise error("sizes", "at least two sizes (inputs and outputs)", list(sizes))
    target = check_float_dtype(dtype)
    generator = check_rng(rng)
    layers: list[Layer] = []
    last = len(units) - 2
    for k, (n_in, n_out) in enumerate(zip(units[:-1], units[1:], strict=True)):
        layers.append(Dense(n_in, n_out, init=init, rng=generator, dtype=target))
        if k < last:
            layers.append(_activation_layer(activation, "activation", target))
    is_identity = output_activation == "identity" or output_activation is act.identity
    if not is_identity:
        layers.append(_activation_layer(output_activation, "output_activation", target))
    return Sequential(layers)


class Autoencoder(Sequential):
    """An encoder and a decoder trained together to reproduce their input: $x \\to z \\to \\hat x$.

    The encoder maps a sample to a code $z$ (usually of much lower dimension: the
    *bottleneck*), the decoder maps the code back, and training minimises the reconstruction
    error $L(\\hat x, x)$ with no labels at all (unsupervised). The trained encoder is a
    non-linear dimensionality reduction.

    The network is the encoder's layers followed by the decoder's (the same layer objects),
    so everything of [`Sequential`][nnref.network.Sequential] works on the whole; ``layers``
    is that concatenation.

    Args:
        encoder: A ``Sequential`` (or a list of layers) from the input to the code.
        decoder: A ``Sequential`` (or a list of layers) from the code to the reconstruction.

    Examples:
        >>> rng = np.random.default_rng(0)
        >>> X = rng.normal(size=(200, 2)) @ [[1.0, 0.5, -1.0], [0.3, -1.0, 0.5]]  # a plane in 3-D
        >>> ae = Autoencoder(mlp([3, 2], rng=0), mlp([2, 3], rng=1))
        >>> before = ae.evaluate(X, X, "mse")["loss"]
        >>> h = ae.fit(X, epochs=200, lr=0.05, batch_size=20, rng=0)
        >>> ae.encode(X).shape, h.loss[-1] < 0.01 * before
        ((200, 2), True)
    """

    def __init__(
        self, encoder: Sequential | Iterable[Any], decoder: Sequential | Iterable[Any]
    ) -> None:
        self.encoder = encoder if isinstance(encoder, Sequential) else Sequential(encoder)
        self.decoder = decoder if isinstance(decoder, Sequential) else Sequential(decoder)
        super().__init__([*self.encoder.layers, *self.decoder.layers])

    def encode(self, X: ArrayLike) -> Array:
        """The code $z$ of every sample: the encoder's output, shape ``(n_samples, n_code)``."""
        return self.encoder.predict(X)

    def decode(self, Z: ArrayLike) -> Array:
        """The reconstruction from codes ``Z``: the decoder's output."""
        return self.decoder.predict(Z)

    def reconstruct(self, X: ArrayLike) -> Array:
        """$\\hat x$ = decode(encode(x)), the same as ``predict``."""
        return self.predict(X)

    def fit(
        self,
        X: ArrayLike,
        y: ArrayLike | None = None,
        loss: str | loss_functions.Loss = "mse",
        *,
        validation_data: Any = None,
        **options: Any,
    ) -> History:
        """Train to reproduce ``X`` (or the clean targets ``y`` of a denoising autoencoder).

        The arguments are those of [`Sequential.fit`][nnref.network.Sequential.fit]
        (``epochs``, ``lr``, ``optimizer``, ``batch_size``, ``rng``, ``verbose``, ``shuffle``,
        ``callback``), with the target defaulting to the input and the loss to ``"mse"``;
        ``validation_data`` may be just ``X_val``.
        """
        target = X if y is None else y
        if validation_data is not None and not isinstance(validation_data, tuple | list):
            validation_data = (validation_data, validation_data)
        return super().fit(X, target, loss, validation_data=validation_data, **options)

    def __repr__(self) -> str:
        enc = repr(self.encoder).replace("\n", "\n    ")
        dec = repr(self.decoder).replace("\n", "\n    ")
        return f"Autoencoder(\n    encoder={enc},\n    decoder={dec},\n)"
