"""Convolution and pooling layers on NCHW images, with the layer protocol of ``nnref.layers``.

- [`Conv2D`][nnref.conv.Conv2D]: learned kernels slid over the image (cross-correlation, as
  PyTorch's ``nn.Conv2d``);
- [`MaxPool2D`][nnref.conv.MaxPool2D] and [`AvgPool2D`][nnref.conv.AvgPool2D]: the largest
  or mean value of each window, no parameters.

Every layer here checks that its input is 4-D ``(N, C, H, W)``, has the right channel count
(``Conv2D``) and is at least as large as the kernel; ``output_shape((C, H, W))`` gives the
shape of one output sample without running the layer, so ``Sequential.summary`` can print a
CNN. Forward and backward are vectorised: one matrix product per sample on the im2col
columns, and col2im (one addition per kernel offset) for the input gradient. A layer keeps its
work arrays between batches of the same shape.

Examples:
    >>> import numpy as np
    >>> from nnref.conv import Conv2D, MaxPool2D
    >>> conv = Conv2D.from_weights([[[[0.0, 1.0], [2.0, 3.0]]]])
    >>> conv.forward(np.arange(9.0).reshape(1, 1, 3, 3))[0, 0]
    array([[19., 25.],
           [37., 43.]])
    >>> MaxPool2D(2).output_shape((8, 28, 28))
    (8, 14, 14)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from nnref import init as initializers
from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_bool,
    check_finite,
    check_float_dtype,
    check_ndim,
    check_positive_int,
    check_rng,
    check_sample_shape,
    check_shape,
    error,
)
from nnref.conv import _kernels
from nnref.conv.arithmetic import Pads, Pair, as_pair, effective_kernel, resolve_padding
from nnref.layers import Layer

__all__ = ["AvgPool2D", "Conv2D", "MaxPool2D"]


def _short(pair: Pair) -> int | Pair:
    """A square pair as one int, for reprs."""
    return pair[0] if pair[0] == pair[1] else pair


class _SpatialLayer(Layer):
    """What convolution and pooling share: the geometry, the input checks, the output size."""

    kernel_size: Pair
    stride: Pair
    dilation: Pair
    pads: Pads
    _geo: _kernels.ConvGeometry

    def __init__(self) -> None:
        super().__init__()
        self._x: Array | None = None
        self._work: dict[str, Array] = {}

    def _channels_ok(self, x: Array, name: str) -> None:
        """Raise if the channel count is wrong (only layers with a fixed count check it)."""

    def check_input(self, x: Array, name: str = "x") -> Array:
        check_ndim(x, name, (4,), "n_samples, channels, height, width")
        self._channels_ok(x, name)
        span = effective_kernel(self.kernel_size, self.dilation)
        padded = (x.shape[2] + sum(self.pads[0]), x.shape[3] + sum(self.pads[1]))
        if padded[0] < span[0] or padded[1] < span[1]:
            raise ValueError(
                f"{name} must have a height and width (plus padding {self.pads}) of at least "
                f"the kernel's span {span} for this {type(self).__name__}, got an array of "
                f"shape {x.shape}"
            )
        return x

    def _out_hw(self, x_shape: tuple[int, ...]) -> Pair:
        return self._geo.out_hw(x_shape[2:], "x", None)

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """The shape ``(C_out, H_out, W_out)`` of one output sample for an input ``(C, H, W)``.

        Each side follows [`conv_output_size`][nnref.conv.conv_output_size].
        """
        shape = check_sample_shape(input_shape)
        self.check_input(np.empty((0, *shape)), "input_shape")
        return (self._out_channels(shape[0]), *self._out_hw((0, *shape)))

    def _out_channels(self, c_in: int) -> int:
        return c_in

    def _geometry_repr(self, default_stride: Pair) -> str:
        """``kernel_size=..., stride=..., ...`` with the arguments that differ from defaults."""
        parts = [f"kernel_size={_short(self.kernel_size)}"]
        if self.stride != default_stride:
            parts.append(f"stride={_short(self.stride)}")
        padding = getattr(self, "padding", (0, 0))
        if isinstance(padding, str):
            parts.append(f"padding={padding!r}")
        elif padding != (0, 0):
            parts.append(f"padding={_short(padding)}")
        if self.dilation != (1, 1):
            parts.append(f"dilation={_short(self.dilation)}")
        return ", ".join(parts)


class Conv2D(_SpatialLayer):
    """A 2-D convolution layer: learned kernels slid over the image, one per output channel.

    $$y_{n,o,i,j} = b_o + \\sum_{c=1}^{C_\\text{in}} \\sum_{p=0}^{k_h-1} \\sum_{q=0}^{k_w-1}
    W_{o,c,p,q}\\; x_{n,\\,c,\\; s_h i + d_h p - p_\\text{top},\\; s_w j + d_w q - p_\\text{left}}$$

    (cross-correlation with zero padding, exactly as ``torch.nn.functional.conv2d``). Every
    output pixel of channel $o$ uses the same kernel $W_o$: the weights are *shared* across
    positions, so the layer has $C_\\text{out}(C_\\text{in} k_h k_w + 1)$ parameters whatever
    the image size. Output size per axis:
    $\\lfloor (H + 2p - d(k - 1) - 1)/s \\rfloor + 1$.

    Backward pass, with $G = \\partial L / \\partial y$ and $X_\\text{col}$ the im2col
    columns: $\\partial L / \\partial W = \\sum_n G_n X_{\\text{col},n}^\\top$,
    $\\partial L / \\partial b_o = \\sum_{n,i,j} G_{n,o,i,j}$ (summed over the batch), and
    $\\partial L / \\partial x$ = col2im$(W^\\top G_n)$: each window's gradient added back
    onto the pixels it read.

    Args:
        in_channels: $C_\\text{in}$, channels of the input (positive).
        out_channels: $C_\\text{out}$, number of kernels (positive).
        kernel_size: $(k_h, k_w)$, an int or a pair.
        stride: $(s_h, s_w)$, positive int or pair.
        padding: Zeros added on each side (non-negative int or pair); ``"same"`` to keep the
            size (stride 1 only; total $d(k-1)$, the odd one at the bottom/right as in
            PyTorch), or ``"valid"`` for none.
        dilation: $(d_h, d_w)$, spacing between kernel taps (positive int or pair).
        rng: Random generator or int seed for the initial weights.
        init: Weight initialisation (see [`nnref.init.get`][nnref.init.get]). The default
            ``"uniform"`` draws $U(-a, a)$ with $a = 1/\\sqrt{C_\\text{in} k_h k_w}$, the
            distribution of PyTorch's default (``kaiming_uniform_`` with $a = \\sqrt 5$);
            ``"he_uniform"`` suits deep ReLU stacks. Biases start at zero (PyTorch draws
            them from the same uniform).
        bias: Learn a bias per output channel (default); ``False`` for none (no ``"b"``).
        dtype: Dtype of the parameters, ``np.float64`` (default) or ``np.float32``.

    Attributes:
        params: ``"W"`` ``(C_out, C_in, kh, kw)`` and ``"b"`` ``(C_out,)``, PyTorch's layout.
        grads: The same keys and shapes.
        pads: The padding actually applied, ``((top, bottom), (left, right))``.

    Examples:
        >>> conv = Conv2D(3, 8, 3, padding=1, rng=0)
        >>> conv.params["W"].shape, conv.n_params  # 8 * (3 * 3 * 3 + 1)
        ((8, 3, 3, 3), 224)
        >>> conv.output_shape((3, 32, 32)), Conv2D(3, 8, 5, stride=2).output_shape((3, 32, 32))
        ((8, 32, 32), (8, 14, 14))
        >>> conv.forward(np.zeros((2, 1, 32, 32)))
        Traceback (most recent call last):
        ...
        ValueError: x must have 3 channel(s) per sample (in_channels of this Conv2D layer), \
got an array of shape (2, 1, 32, 32)
    """

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int | tuple[int, int],
        stride: int | tuple[int, int] = 1,
        padding: int | tuple[int, int] | str = 0,
        dilation: int | tuple[int, int] = 1,
        rng: np.random.Generator | int | None = None,
        init: str | initializers.Initializer = "uniform",
        bias: bool = True,
        dtype: DTypeLike = np.float64,
    ) -> None:
        super().__init__()
        self.in_channels = check_positive_int(in_channels, "in_channels")
        self.out_channels = check_positive_int(out_channels, "out_channels")
        self.kernel_size = as_pair(kernel_size, "kernel_size")
        self.stride = as_pair(stride, "stride")
        self.dilation = as_pair(dilation, "dilation")
        self.pads = resolve_padding(padding, self.kernel_size, self.stride, self.dilation)
        self.padding: Pair | str = (
            padding if isinstance(padding, str) else as_pair(padding, "padding", minimum=0)
        )
        self._geo = _kernels.ConvGeometry(self.kernel_size, self.stride, self.pads, self.dilation)
        self.init = init
        self.bias = check_bool(bias, "bias")
        scheme = initializers.get(init)
        target = check_float_dtype(dtype)
        shape = (self.out_channels, self.in_channels, *self.kernel_size)
        _kernels.check_allocation(shape, target.itemsize, "kernel_size", kernel_size)
        with _kernels.memory_for("kernel_size", kernel_size):
            W = np.asarray(scheme(shape, rng=check_rng(rng), dtype=target))
        check_shape(W, "init(shape)", shape)
        if W.dtype.kind not in "biuf" or not np.all(np.isfinite(W)):
            raise error("init", "an initialiser returning finite real weights", init)
        self.params = {"W": W.astype(target, copy=False)}
        if self.bias:
            self.params["b"] = np.zeros(self.out_channels, target)
        self.grads = {key: np.zeros_like(value) for key, value in self.params.items()}
        self._cols: Array | None = None

    @classmethod
    def from_weights(
        cls,
        W: ArrayLike,
        b: ArrayLike | None = None,
        stride: int | tuple[int, int] = 1,
        padding: int | tuple[int, int] | str = 0,
        dilation: int | tuple[int, int] = 1,
    ) -> Conv2D:
        """A convolution layer with the given kernels ``W`` ``(C_out, C_in, kh, kw)``.

        Biases ``b`` ``(C_out,)`` default to zero; the parameters take the dtype of ``W``
        (float32 stays float32, else float64).

        Examples:
            >>> edge = Conv2D.from_weights([[[[1.0, -1.0]]]])  # left minus right neighbour
            >>> edge.forward([[[[0.0, 0.0, 1.0, 1.0]]]])[0, 0]
            array([[ 0., -1.,  0.]])
        """
        kernels = check_finite(as_float_array(W, "W"), "W")
        check_ndim(kernels, "W", (4,), "C_out, C_in, kh, kw")
        if kernels.size == 0:
            raise error("W", "a non-empty (C_out, C_in, kh, kw) array", kernels)
        c_out, c_in, kh, kw = kernels.shape
        layer = cls(
            c_in, c_out, (kh, kw), stride, padding, dilation, init="zeros", dtype=kernels.dtype
        )
        layer.set_params(W=kernels)
        if b is not None:
            layer.set_params(b=b)
        return layer

    def _channels_ok(self, x: Array, name: str) -> None:
        if x.shape[1] != self.in_channels:
            raise ValueError(
                f"{name} must have {self.in_channels} channel(s) per sample (in_channels of "
                f"this Conv2D layer), got an array of shape {x.shape}"
            )

    def _out_channels(self, c_in: int) -> int:
        return self.out_channels

    def forward_unchecked(self, x: Array) -> Array:
        W = self._param("W", x.dtype)
        b = self._param("b", x.dtype) if self.bias else None
        out, cols = _kernels.conv_forward(x, W, b, self._geo, self._out_hw(x.shape), self._work)
        self._x = x
        self._cols = cols
        self._out_shape = out.shape
        return out

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        x, cols = self._x, self._cols
        assert x is not None and cols is not None
        W = self._param("W", grad_out.dtype)
        grad_W, grad_b, grad_x = _kernels.conv_backward(
            grad_out, cols, W, self._geo, x.shape, need_input_grad, self._work
        )
        np.copyto(self._grad_buffer("W"), grad_W, casting="same_kind")
        if self.bias:
            np.copyto(self._grad_buffer("b"), grad_b, casting="same_kind")
        return grad_x

    def __repr__(self) -> str:
        extra = "" if self.bias else ", bias=False"
        return (
            f"Conv2D({self.in_channels}, {self.out_channels}, {self._geometry_repr((1, 1))}{extra})"
        )


class MaxPool2D(_SpatialLayer):
    """Max pooling: each output is the largest input of its window, channel by channel.

    $$y_{n,c,i,j} = \\max_{p,q}\\; x_{n,\\,c,\\; s_h i + p - p_\\text{top},\\;
    s_w j + q - p_\\text{left}}$$

    The backward pass routes each output's gradient to the arg-max of its window (the first
    maximum in row-major order when several inputs tie, as PyTorch does); every other input
    of the window gets zero, and an input that wins several overlapping windows receives the
    sum. No parameters.

    Args:
        kernel_size: Window height and width (int or pair).
        stride: Step between windows (int or pair); None (default) for ``kernel_size``,
            i.e. windows side by side, as in PyTorch.
        padding: Rows/columns of $-\\infty$ on each side (int or pair, at most half the
            kernel, as in PyTorch).

    Examples:
        >>> pool = MaxPool2D(2)
        >>> x = np.array([[[[1.0, 2, 5, 6], [3, 4, 7, 8], [0, 0, 1, 0], [0, 9, 0, 0]]]])
        >>> pool.forward(x)[0, 0]
        array([[4., 8.],
               [9., 1.]])
        >>> pool.backward(np.ones((1, 1, 2, 2)))[0, 0]  # the gradient goes to each arg-max
        array([[0., 0., 0., 0.],
               [0., 1., 0., 1.],
               [0., 0., 1., 0.],
               [0., 1., 0., 0.]])
    """

    def __init__(
        self,
        kernel_size: int | tuple[int, int],
        stride: int | tuple[int, int] | None = None,
        padding: int | tuple[int, int] = 0,
    ) -> None:
        super().__init__()
        self._geo = _kernels.pool_geometry(kernel_size, stride, padding)
        self.kernel_size = self._geo.kernel
        self.stride = self._geo.stride
        self.dilation = (1, 1)
        self.pads = self._geo.pads
        self.padding = (self.pads[0][0], self.pads[1][0])
        self._arg: Array | None = None

    def forward_unchecked(self, x: Array) -> Array:
        out, arg = _kernels.max_pool_forward(x, self._geo, self._out_hw(x.shape), self._work)
        self._x = x
        self._arg = arg
        self._out_shape = out.shape
        return out

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        x, arg = self._x, self._arg
        assert x is not None and arg is not None
        if not need_input_grad:
            return None
        return _kernels.max_pool_backward(grad_out, arg, self._geo, x.shape, self._work)

    def __repr__(self) -> str:
        return f"MaxPool2D({self._geometry_repr(self.kernel_size)})"


class AvgPool2D(_SpatialLayer):
    """Average pooling: each output is the mean of its window, channel by channel.

    $$y_{n,c,i,j} = \\frac{1}{k_h k_w} \\sum_{p,q}\\; x_{n,\\,c,\\; s_h i + p - p_\\text{top},\\;
    s_w j + q - p_\\text{left}}$$

    The backward pass shares each output's gradient equally among the $k_h k_w$ inputs of
    its window. No parameters.

    Args:
        kernel_size: Window height and width (int or pair).
        stride: Step between windows (int or pair); None (default) for ``kernel_size``.
        padding: Zeros on each side (int or pair, at most half the kernel, as in PyTorch).
        count_include_pad: Divide by $k_h k_w$ even where the window covers padding
            (default, as PyTorch); ``False`` divides by the number of real pixels.

    Examples:
        >>> pool = AvgPool2D(2)
        >>> pool.forward(np.arange(16.0).reshape(1, 1, 4, 4))[0, 0]
        array([[ 2.5,  4.5],
               [10.5, 12.5]])
        >>> pool.backward(np.ones((1, 1, 2, 2)))[0, 0, :2]
        array([[0.25, 0.25, 0.25, 0.25],
               [0.25, 0.25, 0.25, 0.25]])
    """

    def __init__(
        self,
        kernel_size: int | tuple[int, int],
        stride: int | tuple[int, int] | None = None,
        padding: int | tuple[int, int] = 0,
        count_include_pad: bool = True,
    ) -> None:
        super().__init__()
        self._geo = _kernels.pool_geometry(kernel_size, stride, padding)
        self.kernel_size = self._geo.kernel
        self.stride = self._geo.stride
        self.dilation = (1, 1)
        self.pads = self._geo.pads
        self.padding = (self.pads[0][0], self.pads[1][0])
        self.count_include_pad = check_bool(count_include_pad, "count_include_pad")
        self._divisor: Array | int = 1

    def forward_unchecked(self, x: Array) -> Array:
        out_hw = self._out_hw(x.shape)
        self._divisor = _kernels.avg_divisor(self._geo, x.shape[2:], out_hw, self.count_include_pad)
        out = _kernels.avg_pool_forward(x, self._geo, out_hw, self._divisor)
        self._x = x
        self._out_shape = out.shape
        return out

    def backward_unchecked(self, grad_out: Array, need_input_grad: bool = True) -> Array | None:
        x = self._x
        assert x is not None
        if not need_input_grad:
            return None
        return _kernels.avg_pool_backward(grad_out, self._geo, x.shape, self._divisor, self._work)

    def __repr__(self) -> str:
        extra = "" if self.count_include_pad else ", count_include_pad=False"
        return f"AvgPool2D({self._geometry_repr(self.kernel_size)}{extra})"
