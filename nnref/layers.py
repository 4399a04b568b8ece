"""Layers: the building blocks of a feed-forward network, each with its forward and backward pass.

A layer is a function $y = f(x; \\theta)$ of a batch $x$ (samples along the first axis) and
its parameters $\\theta$. Backpropagation needs two things from it, and both sit next to the
forward pass they differentiate:

- ``forward(x)`` computes $y$ and keeps (by reference) what the backward pass will need;
- ``backward(grad_out)`` receives $\\partial L / \\partial y$ for the batch of the last
  ``forward``, fills ``grads`` with $\\partial L / \\partial \\theta$ (same keys and shapes as
  ``params``) and returns $\\partial L / \\partial x$.

The loss $L$ is the mean (or sum) that the network computes over the batch, so its gradient
already carries the $1/N$; a layer **sums** over the batch, e.g.
$\\partial L / \\partial W = x^\\top\\, \\partial L / \\partial y$ for a dense layer. Each
``backward`` overwrites ``grads`` (PyTorch accumulates into ``.grad`` instead).

Precision: parameters live in a dtype of their own (float64 unless ``dtype=np.float32`` is
passed to the constructor, or [`astype`][nnref.layers.Layer.astype] converts them). A
forward pass computes in the dtype of its input: float32 stays float32 and anything else
computes in float64, as everywhere in ``nnref``; parameters of another dtype are cast for that
pass only (``Sequential.fit`` converts them once, to the training data's dtype, so training
runs without such casts, like PyTorch's float32 parameters with float32 data).

- [`Dense`][nnref.layers.Dense]: the fully connected layer $y = xW + b$;
- [`ActivationLayer`][nnref.layers.ActivationLayer]: any
  [`Activation`][nnref.activations.Activation] of ``nnref.activations``, applied to the
  whole batch;
- [`PReLU`][nnref.layers.PReLU]: a leaky ReLU whose slope $\\alpha$ is learned;
- [`Flatten`][nnref.layers.Flatten]: images ``(N, C, H, W)`` to vectors ``(N, C H W)``, between
  the convolution layers of ``nnref.conv`` and a dense classifier.

Any object with ``forward``, ``backward``, ``params`` and ``grads`` works as a layer of a
[`Sequential`][nnref.network.Sequential] network; [`Layer`][nnref.layers.Layer] provides the
bookkeeping.

Examples:
    >>> import numpy as np
    >>> from nnref.layers import Dense
    >>> layer = Dense.from_weights([[1.0, 1.0], [1.0, 1.0]], [0.0, -1.0])
    >>> layer.forward([[0.0, 1.0], [1.0, 1.0]])
    array([[1., 0.],
           [2., 1.]])
    >>> layer.backward(np.ones((2, 2)))  # dL/dx for L = sum(y)
    array([[2., 2.],
           [2., 2.]])
    >>> layer.grads["W"]  # dL/dW = x^T dL/dy, summed over the two samples
    array([[1., 1.],
           [2., 2.]])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from nnref import activations as act
from nnref import init as initializers
from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_finite,
    check_float_dtype,
    check_ndim,
    check_positive_int,
    check_real,
    check_representable,
    check_result,
    check_rng,
    check_sample_shape,
    check_shape,
    describe,
    error,
)

__all__ = ["ActivationLayer", "Dense", "Flatten", "Layer", "PReLU"]


class Layer:
    """The layer protocol: what every layer provides and what a network may call.

    The public, checked entry points, for a reader calling a layer by hand:

    - ``forward(x)``: the output for a batch ``x``; checks ``x`` (dimensions, feature or
      channel count, finite values; float32 stays float32) and keeps what ``backward`` needs;
    - ``backward(grad_out)``: $\\partial L / \\partial x$ from
      $\\partial L / \\partial y$ of the last ``forward``; fills ``grads`` (same keys and
      shapes as ``params``, **summed** over the batch);
    - ``output_shape(input_shape)``: the shape of one output sample for one input sample of
      ``input_shape`` (no batch axis), without running the layer;
    - ``params``, ``grads``, ``n_params``, ``astype(dtype)``, ``set_params(**values)``.

    The unchecked fast path, for a network that has checked its data once:

    - ``check_input(x, name)``: the shape checks of ``forward`` alone (errors name ``name``);
    - ``forward_unchecked(x)``: the forward pass on a float array already checked;
    - ``backward_unchecked(grad_out, need_input_grad=True)``: the backward pass; returns
      ``None`` instead of $\\partial L / \\partial x$ when ``need_input_grad`` is false
      (a network's first layer).

    A subclass implements ``forward_unchecked`` (caching what its backward pass needs and
    setting ``_out_shape``), ``backward_unchecked``, and ``check_input`` and
    ``output_shape`` where its input is not "any batch". [`Sequential`][nnref.network.Sequential]
    calls nothing else.

    Attributes:
        params: Parameter arrays by name (``"W"``, ``"b"``, ``"alpha"``); updated in place by
            optimisers.
        grads: $\\partial L / \\partial \\theta$ for each entry of ``params`` (same keys,
            shapes and dtype), written by ``backward``.

    Examples:
        >>> class Double(Layer):
        ...     def forward_unchecked(self, x):
        ...         self._out_shape = x.shape
        ...         return 2 * x
        ...     def backward_unchecked(self, grad_out, need_input_grad=True):
        ...         return 2 * grad_out
        >>> d = Double()
        >>> d.forward([1.0, -3.0])
        array([ 2., -6.])
        >>> d.backward([1.0, 1.0]), d.params, d.n_params, d.output_shape((3,))
        (array([2., 2.]), {}, 0, (3,))
    """

    params: dict[str, Array]
    grads: dict[str, Array]
    _out_shape: tuple[int, ...] | None

    def __init__(self) -> None:
        self.params = {}
        self.grads = {}
        self._out_shape = None

    # --- the public, checked entry points ------------------------------------------------

    def forward(self, x: ArrayLike) -> Array:
        """The forward pass on a batch ``x``; keeps what ``backward`` needs.

        Args:
            x: The input batch, samples along the first axis; must be finite.

        Returns:
            The output batch, in ``x``'s dtype (float32 stays float32, else float64).
        """
        arr = self.check_input(as_float_array(x, "x"))
        if arr.size == 0:
            raise error("x", "a non-empty batch (at least one sample, and no empty axis)", arr)
        check_finite(arr, "x")
        with np.errstate(over="ignore", invalid="ignore"):
            out = self.forward_unchecked(arr)
        return check_result(out, "x", f"the output of {self!r}")

    __call__ = forward

    def backward(self, grad_out: ArrayLike) -> Array:
        """Backpropagate $\\partial L / \\partial y$ of the last ``forward``; fill ``grads``.

        Args:
            grad_out: $\\partial L / \\partial y$, with the shape of the last output.

        Returns:
            $\\partial L / \\partial x$, with the shape of the last input.
        """
        expected = getattr(self, "_out_shape", None)
        if expected is None:
            raise RuntimeError(
                f"{type(self).__name__}.backward needs the cache of a forward pass: "
                "call forward(x) first"
            )
        g = as_float_array(grad_out, "grad_out")
        if g.shape != expected:
            raise ValueError(
                f"grad_out must be an array of shape {expected} (the shape of the last "
                f"output), got {describe(g)}"
            )
        check_finite(g, "grad_out")
        with np.errstate(over="ignore", invalid="ignore"):
            result = self.backward_unchecked(g.astype(self._compute_dtype(), copy=False), True)
        assert result is not None
        for key, grad in self.grads.items():
            check_result(grad, "grad_out", f"the gradient of {key}")
        return check_result(result, "grad_out", "the gradient of the input")

    # --- what subclasses provide ---------------------------------------------------------

    def check_input(self, x: Array, name: str = "x") -> Array:
        """Check the shape of a float batch ``x`` (named ``name`` in errors); return it.

        The default asks only for a batch axis; layers with a fixed input size check it.
        """
        if x.ndim == 0:
            raise ValueError(
                f"{name} must be an array with a batch axis (samples along axis 0), got "
                f"{describe(x)}"
            )
        return x

    def forward_unchecked(self, x: Array) -> Array:
        """The forward pass on a float batch that ``check_input`` accepted (no checks)."""
        raise NotImplementedError

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        """The backward pass for the last forward (no checks); ``None`` if not
        ``need_input_grad``."""
        raise NotImplementedError

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """The shape of one output sample for one input sample of ``input_shape``.

        ``input_shape`` has no batch axis, e.g. ``(784,)`` or ``(1, 28, 28)``. The default
        (for shape-preserving layers) checks it like ``check_input`` and returns it.
        """
        shape = check_sample_shape(input_shape)
        self.check_input(np.empty((0, *shape)), "input_shape")
        return shape

    def _compute_dtype(self) -> np.dtype[Any]:
        cached = getattr(self, "_x", None)
        return cached.dtype if cached is not None else np.dtype(np.float64)

    # --- parameters ----------------------------------------------------------------------

    @property
    def n_params(self) -> int:
        """The number of trainable numbers (all entries of all ``params``)."""
        return int(sum(p.size for p in self.params.values()))

    @property
    def dtype(self) -> np.dtype[Any] | None:
        """The dtype of the parameters (``None`` for a layer without any)."""
        for p in self.params.values():
            return p.dtype
        return None

    def astype(self, dtype: DTypeLike) -> Self:
        """Convert the parameters (and gradient buffers) to float32 or float64, in place.

        Arrays that already have ``dtype`` are kept (same objects); converted ones are new
        arrays, so an optimiser's momentum for them starts again from zero.

        Returns:
            The layer itself.
        """
        target = check_float_dtype(dtype)
        for store in (self.params, self.grads):
            for key, value in store.items():
                if value.dtype != target:
                    store[key] = value.astype(target)
        return self

    def set_params(self, **values: ArrayLike) -> Self:
        """Overwrite parameters in place (shape and dtype kept), e.g. to set chosen weights.

        Every value is checked before any is written, so a bad one changes nothing.

        Args:
            **values: New values by parameter name, each of the parameter's shape.

        Returns:
            The layer itself.
        """
        checked = {}
        for key, value in values.items():
            if key not in self.params:
                known = ", ".join(self.params) or "none"
                raise error(key, f"a parameter of this layer (they are: {known})", value, TypeError)
            current = self.params[key]
            arr = check_finite(as_float_array(value, key), key)
            check_shape(arr, key, current.shape)
            checked[key] = check_representable(arr, current.dtype, key)
        for key, arr in checked.items():
            np.copyto(self.params[key], arr, casting="same_kind")
        return self

    def _grad_buffer(self, key: str) -> Array:
        """The gradient array for ``params[key]``, reallocated if the parameter was replaced."""
        p = self.params[key]
        buf = self.grads.get(key)
        if buf is None or buf.shape != p.shape or buf.dtype != p.dtype:
            buf = np.zeros_like(p)
            self.grads[key] = buf
        return buf

    def _param(self, key: str, dtype: np.dtype[Any]) -> Array:
        """``params[key]`` in the compute dtype (the array itself when it already matches)."""
        p = self.params[key]
        return p if p.dtype == dtype else p.astype(dtype)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Dense(Layer):
    """A fully connected layer: every input connects to every output, $y = xW + b$.

    $$y_{nj} = \\sum_i x_{ni} W_{ij} + b_j$$

    The backward pass, for a batch of $N$ samples and $G = \\partial L / \\partial y$:
    $\\partial L / \\partial W = x^\\top G$, $\\partial L / \\partial b = \\sum_n G_{n\\cdot}$,
    $\\partial L / \\partial x = G W^\\top$.

    Args:
        n_in: Number of inputs per sample (features), at least 1.
        n_out: Number of outputs (units), at least 1.
        init: Weight initialisation scheme (see [`nnref.init.get`][nnref.init.get]):
            ``"glorot_uniform"`` (default, alias ``"xavier_uniform"``), ``"glorot_normal"``,
            ``"he_uniform"``, ``"he_normal"``, ``"uniform"``, ``"normal"``, ``"zeros"``, or a
            callable ``init(shape, rng=..., dtype=...)``. Biases always start at zero.
        rng: Random generator or int seed for the initial weights.
        dtype: Dtype of the parameters, ``np.float64`` (default) or ``np.float32``.

    Attributes:
        params: ``"W"`` of shape ``(n_in, n_out)`` (PyTorch's ``nn.Linear`` stores the
            transpose) and ``"b"`` of shape ``(n_out,)``.
        grads: The same keys and shapes.

    Examples:
        >>> layer = Dense(3, 2, rng=0)
        >>> layer.params["W"].shape, layer.params["b"]
        ((3, 2), array([0., 0.]))
        >>> layer.forward(np.ones((4, 3))).shape
        (4, 2)
        >>> layer.forward(np.ones((4, 2)))
        Traceback (most recent call last):
        ...
        ValueError: x must have 3 feature(s) per sample (n_in of this Dense layer), got an \
array of shape (4, 2)
    """

    def __init__(
        self,
        n_in: int,
        n_out: int,
        init: str | initializers.Initializer = "glorot_uniform",
        rng: np.random.Generator | int | None = None,
        dtype: DTypeLike = np.float64,
    ) -> None:
        super().__init__()
        self.n_in = check_positive_int(n_in, "n_in")
        self.n_out = check_positive_int(n_out, "n_out")
        scheme = initializers.get(init)
        self.init = init
        target = check_float_dtype(dtype)
        W = np.asarray(scheme((self.n_in, self.n_out), rng=check_rng(rng), dtype=target))
        check_shape(W, "init(shape)", (self.n_in, self.n_out))
        if W.dtype.kind not in "biuf" or not np.all(np.isfinite(W)):
            raise error("init", "an initialiser returning finite real weights", init, ValueError)
        self.params = {"W": W.astype(target, copy=False), "b": np.zeros(self.n_out, target)}
        self.grads = {key: np.zeros_like(value) for key, value in self.params.items()}
        self._x: Array | None = None

    @classmethod
    def from_weights(cls, W: ArrayLike, b: ArrayLike | None = None) -> Dense:
        """A dense layer with the given weights and biases (zero biases if ``b`` is None).

        The parameters take the dtype of ``W`` (float32 stays float32, else float64).

        Examples:
            >>> Dense.from_weights([[1.0], [-2.0]], [0.5]).forward([[1.0, 1.0]])
            array([[-0.5]])
        """
        weights = check_finite(as_float_array(W, "W"), "W")
        check_ndim(weights, "W", (2,), "n_in, n_out")
        if weights.size == 0:
            raise error("W", "a non-empty (n_in, n_out) array", weights)
        layer = cls(weights.shape[0], weights.shape[1], init="zeros", dtype=weights.dtype)
        layer.set_params(W=weights)
        if b is not None:
            layer.set_params(b=b)
        return layer

    def check_input(self, x: Array, name: str = "x") -> Array:
        check_ndim(x, name, (2,), "n_samples, n_in")
        if x.shape[1] != self.n_in:
            raise ValueError(
                f"{name} must have {self.n_in} feature(s) per sample (n_in of this Dense layer), "
                f"got an array of shape {x.shape}"
            )
        return x

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """``(n_out,)`` for an input sample of shape ``(n_in,)``.

        Examples:
            >>> Dense(3, 2, init="zeros").output_shape((3,))
            (2,)
        """
        self.check_input(np.empty((0, *check_sample_shape(input_shape))), "input_shape")
        return (self.n_out,)

    def forward_unchecked(self, x: Array) -> Array:
        out: Array = x @ self._param("W", x.dtype)
        out += self._param("b", x.dtype)
        self._x = x
        self._out_shape = out.shape
        return out

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        x = self._x
        assert x is not None
        gW = self._grad_buffer("W")
        gb = self._grad_buffer("b")
        if gW.dtype == grad_out.dtype:
            np.matmul(x.T, grad_out, out=gW)
            np.sum(grad_out, axis=0, out=gb)
        else:
            np.copyto(gW, x.T @ grad_out, casting="same_kind")
            np.copyto(gb, grad_out.sum(axis=0), casting="same_kind")
        if not need_input_grad:
            return None
        grad_in: Array = grad_out @ self._param("W", grad_out.dtype).T
        return grad_in

    def __repr__(self) -> str:
        extra = "" if self.init == "glorot_uniform" else f", init={self.init!r}"
        return f"Dense({self.n_in}, {self.n_out}{extra})"


class ActivationLayer(Layer):
    """An activation function as a layer without parameters: $y = f(x)$, applied to the batch.

    The backward pass uses the activation's derivative at the cached **pre-activation**
    input: $\\partial L / \\partial x = \\partial L / \\partial y \\odot f'(x)$ for an
    elementwise activation, and the vector-Jacobian product
    [`Activation.backward`][nnref.activations.Activation.backward] for a vector-valued one
    (softmax, log-softmax, GLU, maxout act along the last axis).

    Args:
        activation: An [`Activation`][nnref.activations.Activation] or its key (``"relu"``).
        **params: The activation's parameters (e.g. ``alpha=0.1`` for ``"leaky_relu"``),
            fixed for the layer's lifetime.

    Examples:
        >>> layer = ActivationLayer("relu")
        >>> layer.forward([[-1.0, 2.0]])
        array([[0., 2.]])
        >>> layer.backward([[5.0, 5.0]])
        array([[0., 5.]])
        >>> ActivationLayer("leaky_relu", alpha=0.1).forward([[-1.0, 2.0]])
        array([[-0.1,  2. ]])
    """

    def __init__(self, activation: act.Activation | str = "relu", **params: float) -> None:
        super().__init__()
        self.activation = act.resolve(activation)
        self.activation_params: Mapping[str, float] = self.activation.params(**params)
        self._x: Array | None = None
        self._given = dict(params)

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """The input's shape, except for activations that change the last axis (GLU halves it).

        Examples:
            >>> ActivationLayer("glu").output_shape((6,))
            (3,)
        """
        probe = np.zeros((1, *check_sample_shape(input_shape)))
        return tuple(np.shape(self.activation.fn(probe, **self.activation_params))[1:])

    def forward_unchecked(self, x: Array) -> Array:
        out = np.asarray(self.activation.fn(x, **self.activation_params))
        self._x = x
        self._out_shape = out.shape
        return out

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        x = self._x
        assert x is not None
        if not need_input_grad:
            return None
        f = self.activation
        if f.vjp_fn is not None:
            return np.asarray(f.vjp_fn(x, grad_out, **self.activation_params))
        grad_in = np.asarray(f.grad(x, **self.activation_params), dtype=grad_out.dtype)
        if grad_in is x or not grad_in.flags.writeable:  # never scale the cache in place
            grad_in = grad_in.copy()
        grad_in *= grad_out
        return grad_in

    def __repr__(self) -> str:
        extra = "".join(f", {k}={v!r}" for k, v in self._given.items())
        return f"ActivationLayer({self.activation.key!r}{extra})"


class PReLU(Layer):
    """Parametric ReLU with a learned slope: $y = x$ for $x > 0$, $y = \\alpha x$ otherwise.

    One $\\alpha$ is shared by all units, as in ``torch.nn.PReLU(num_parameters=1)``, and it
    is learned with the weights: $\\partial L / \\partial \\alpha = \\sum \\partial L /
    \\partial y \\cdot \\min(x, 0)$ over the batch and the units, and
    $\\partial L / \\partial x = \\partial L / \\partial y$ where $x > 0$, $\\alpha\\,
    \\partial L / \\partial y$ elsewhere (PyTorch's choice at $x = 0$).

    Args:
        alpha: Initial slope for negative inputs; 0.25 as in PyTorch.
        dtype: Dtype of the parameter, ``np.float64`` (default) or ``np.float32``.

    Attributes:
        params: ``"alpha"``, a 0-D array (PyTorch's weight has shape ``(1,)``).
        grads: ``"alpha"``, 0-D.

    Examples:
        >>> layer = PReLU(alpha=0.25)
        >>> layer.forward([[-2.0, 3.0]])
        array([[-0.5,  3. ]])
        >>> layer.backward([[1.0, 1.0]])
        array([[0.25, 1.  ]])
        >>> float(layer.grads["alpha"])  # min(-2, 0) + min(3, 0)
        -2.0
    """

    def __init__(self, alpha: float = 0.25, dtype: DTypeLike = np.float64) -> None:
        super().__init__()
        value = check_real(alpha, "alpha")
        target = check_float_dtype(dtype)
        check_representable(np.array(value), target, "alpha")
        self.params = {"alpha": np.array(value, dtype=target)}
        self.grads = {"alpha": np.zeros((), dtype=target)}
        self._x: Array | None = None

    @property
    def alpha(self) -> float:
        """The current slope $\\alpha$ as a float."""
        return float(self.params["alpha"])

    def forward_unchecked(self, x: Array) -> Array:
        a = self._param("alpha", x.dtype)
        out: Array = np.where(x > 0, x, a * x)
        self._x = x
        self._out_shape = out.shape
        return out

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        x = self._x
        assert x is not None
        ga = self._grad_buffer("alpha")
        negative = np.minimum(x, 0.0)
        ga[...] = np.vdot(grad_out, negative)
        if not need_input_grad:
            return None
        a = self._param("alpha", grad_out.dtype)
        grad_in: Array = np.where(x > 0, grad_out, a * grad_out)
        return grad_in

    def __repr__(self) -> str:
        return f"PReLU(alpha={self.alpha!r})"


class Flatten(Layer):
    """Flatten every sample to one vector: ``(N, C, H, W)`` becomes ``(N, C * H * W)``.

    $$y_{n,\\,(c H + h) W + w} = x_{n,c,h,w}$$

    (row-major order, as ``torch.nn.Flatten()`` and ``x.reshape(N, -1)``). It hands the
    feature maps of convolution and pooling layers to ``Dense`` layers; the backward pass
    reshapes the gradient back. No parameters. The output is a view of the input when NumPy
    can make one (as PyTorch's ``flatten``), so write to neither.

    Examples:
        >>> layer = Flatten()
        >>> layer.forward(np.arange(8.0).reshape(2, 1, 2, 2))
        array([[0., 1., 2., 3.],
               [4., 5., 6., 7.]])
        >>> layer.output_shape((8, 7, 7)), layer.backward(np.ones((2, 4))).shape
        ((392,), (2, 1, 2, 2))
    """

    def __init__(self) -> None:
        super().__init__()
        self._x: Array | None = None

    def check_input(self, x: Array, name: str = "x") -> Array:
        if x.ndim < 2:
            raise ValueError(
                f"{name} must be an array with a batch axis and at least one more axis "
                f"(n_samples, ...), got an array of shape {x.shape}"
            )
        return x

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """``(prod(input_shape),)``: one vector per sample."""
        shape = check_sample_shape(input_shape)
        self.check_input(np.empty((0, *shape)), "input_shape")
        return (int(np.prod(shape)),)

    def forward_unchecked(self, x: Array) -> Array:
        out = x.reshape(x.shape[0], int(np.prod(x.shape[1:])))
        self._x = x
        self._out_shape = out.shape
        return out

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        x = self._x
        assert x is not None
        if not need_input_grad:
            return None
        return grad_out.reshape(x.shape)
