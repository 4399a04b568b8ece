"""Convolution and pooling as functions of arrays, and the im2col trick they are built on.

Images are NCHW: ``x`` has shape ``(N, C, H, W)`` (samples, channels, height, width). A
convolution layer's kernel ``W`` has shape ``(C_out, C_in, kh, kw)``. What deep-learning
libraries call convolution is **cross-correlation**: the kernel is not turned around,

$$y_{n,o,i,j} = b_o + \\sum_{c=1}^{C_\\text{in}} \\sum_{p=0}^{k_h-1} \\sum_{q=0}^{k_w-1}
W_{o,c,p,q}\\; x_{n,\\,c,\\; s_h i + d_h p - p_\\text{top},\\; s_w j + d_w q - p_\\text{left}}$$

with stride $s$, dilation $d$ and zero padding ($x = 0$ outside the image);
[`convolve2d`][nnref.conv.convolve2d] is the true convolution of mathematics, for comparison.

**im2col**: every window of the (padded) input, all channels, becomes one column of a matrix
of shape $(C_\\text{in} k_h k_w) \\times (H_\\text{out} W_\\text{out})$ per sample, and
the whole convolution is one matrix product with the kernels flattened to rows,
$Y = W_{(C_\\text{out} \\times C_\\text{in} k_h k_w)}\\; X_\\text{col} + b$. The backward
pass is two more products and **col2im**, which adds each column back onto the pixels it was
read from.

Examples:
    >>> import numpy as np
    >>> x = np.arange(9.0).reshape(1, 1, 3, 3)
    >>> conv2d(x, np.array([[[[0.0, 1.0], [2.0, 3.0]]]]))[0, 0]
    array([[19., 25.],
           [37., 43.]])
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided
from numpy.typing import ArrayLike

from nnref._typing import Array
from nnref._validation import as_float_array, check_bool, check_choice, check_finite, error
from nnref.conv.arithmetic import Pads, Pair, as_pair, output_hw, resolve_padding

__all__ = [
    "avg_pool2d",
    "col2im",
    "conv2d",
    "convolve2d",
    "correlate2d",
    "im2col",
    "max_pool2d",
]


# --- the kernels shared by the functions below and the layers of nnref.conv -------------------


def as_images(x: ArrayLike, name: str) -> Array:
    """``x`` as a finite float array of shape ``(N, C, H, W)``."""
    arr = as_float_array(x, name)
    if arr.ndim != 4:
        raise ValueError(
            f"{name} must be a 4-D array (n_samples, channels, height, width), got an array of "
            f"shape {arr.shape}"
        )
    return check_finite(arr, name)


def compute_dtype(*arrays: Array) -> np.dtype[Any]:
    """float32 if every array is float32, else float64."""
    if all(a.dtype == np.float32 for a in arrays):
        return np.dtype(np.float32)
    return np.dtype(np.float64)


def buffer(store: dict[str, Array] | None, key: str, shape: tuple[int, ...], dtype: Any) -> Array:
    """An uninitialised array, kept in ``store`` under ``key`` for the next call of that shape.

    A layer reuses its work arrays between batches: allocating (and first touching) fresh
    megabytes on every call costs as much as the arithmetic.
    """
    if store is None:
        return np.empty(shape, dtype)
    arr = store.get(key)
    if arr is None or arr.shape != shape or arr.dtype != dtype:
        arr = np.empty(shape, dtype)
        store[key] = arr
    return arr


def pad(x: Array, pads: Pads, value: float = 0.0, store: dict[str, Array] | None = None) -> Array:
    """``x`` ``(N, C, H, W)`` with ``pads`` rows/columns of ``value`` added (``x`` if none)."""
    (top, bottom), (left, right) = pads
    if top == bottom == left == right == 0:
        return x
    n, c, h, w = x.shape
    out = buffer(store, "padded", (n, c, h + top + bottom, w + left + right), x.dtype)
    out[:, :, :top] = value
    out[:, :, top + h :] = value
    out[:, :, :, :left] = value
    out[:, :, :, left + w :] = value
    out[:, :, top : top + h, left : left + w] = x
    return out


def windows(padded: Array, kernel: Pair, stride: Pair, dilation: Pair, out_hw: Pair) -> Array:
    """A read-only view ``(N, C, kh, kw, H_out, W_out)`` of every window of ``padded``.

    Entry ``[n, c, p, q, i, j]`` is ``padded[n, c, s_h i + d_h p, s_w j + d_w q]``: no copy,
    only strides (the caller has checked that every window lies inside ``padded``).
    """
    sn, sc, sh, sw = padded.strides
    n, c = padded.shape[:2]
    return as_strided(
        padded,
        shape=(n, c, kernel[0], kernel[1], out_hw[0], out_hw[1]),
        strides=(sn, sc, dilation[0] * sh, dilation[1] * sw, stride[0] * sh, stride[1] * sw),
        writeable=False,
    )


def add_windows(
    target: Array, cols: Array, kernel: Pair, stride: Pair, dilation: Pair, out_hw: Pair
) -> Array:
    """col2im in place: ``target[n, c, s_h i + d_h p, s_w j + d_w q] += cols[n, c, p, q, i, j]``.

    One vectorised addition per kernel offset $(p, q)$: for a fixed offset the windows touch
    distinct pixels, so no pixel is written twice by one addition.
    """
    ho, wo = out_hw
    for p in range(kernel[0]):
        r0 = p * dilation[0]
        rows = slice(r0, r0 + stride[0] * (ho - 1) + 1, stride[0])
        for q in range(kernel[1]):
            c0 = q * dilation[1]
            target[:, :, rows, c0 : c0 + stride[1] * (wo - 1) + 1 : stride[1]] += cols[:, :, p, q]
    return target


def crop(padded: Array, pads: Pads, hw: Pair) -> Array:
    """The image part of a padded array (a view)."""
    top, left = pads[0][0], pads[1][0]
    return padded[:, :, top : top + hw[0], left : left + hw[1]]


def unpad_gradient(
    cols: Array,
    x_shape: tuple[int, ...],
    pads: Pads,
    kernel: Pair,
    stride: Pair,
    dilation: Pair,
    out_hw: Pair,
    store: dict[str, Array] | None = None,
) -> Array:
    """col2im of ``cols`` ``(N, C, kh, kw, H_out, W_out)`` back to a new ``x_shape`` array."""
    n, c, h, w = x_shape
    padded_shape = (n, c, h + sum(pads[0]), w + sum(pads[1]))
    if padded_shape == tuple(x_shape):  # no padding: accumulate straight into the result
        return add_windows(np.zeros(x_shape, cols.dtype), cols, kernel, stride, dilation, out_hw)
    target = buffer(store, "grad_padded", padded_shape, cols.dtype)
    target.fill(0)
    add_windows(target, cols, kernel, stride, dilation, out_hw)
    return crop(target, pads, (h, w)).copy()


class ConvGeometry:
    """Kernel, stride, padding and dilation of one convolution or pooling, checked once."""

    def __init__(self, kernel: Pair, stride: Pair, pads: Pads, dilation: Pair) -> None:
        self.kernel = kernel
        self.stride = stride
        self.pads = pads
        self.dilation = dilation

    def out_hw(self, in_hw: tuple[int, ...], name: str, value: Any) -> Pair:
        return output_hw(
            (in_hw[0], in_hw[1]), self.kernel, self.stride, self.pads, self.dilation, name, value
        )

    def columns(
        self, x: Array, out_hw: Pair, value: float = 0.0, store: dict[str, Array] | None = None
    ) -> Array:
        """im2col: a contiguous ``(N, C, kh, kw, H_out, W_out)`` copy of the windows of ``x``."""
        view = windows(
            pad(x, self.pads, value, store), self.kernel, self.stride, self.dilation, out_hw
        )
        cols = buffer(store, "cols", view.shape, x.dtype)
        np.copyto(cols, view)
        return cols

    def col2im(
        self,
        cols: Array,
        x_shape: tuple[int, ...],
        out_hw: Pair,
        store: dict[str, Array] | None = None,
    ) -> Array:
        return unpad_gradient(
            cols, x_shape, self.pads, self.kernel, self.stride, self.dilation, out_hw, store
        )


def conv_forward(
    x: Array,
    W: Array,
    b: Array | None,
    geo: ConvGeometry,
    out_hw: Pair,
    store: dict[str, Array] | None = None,
) -> tuple[Array, Array]:
    """Cross-correlation by im2col; returns the output and the columns (for backward)."""
    n = x.shape[0]
    c_out = W.shape[0]
    cols = geo.columns(x, out_hw, store=store)
    rows = cols.shape[1] * cols.shape[2] * cols.shape[3]
    flat = cols.reshape(n, rows, out_hw[0] * out_hw[1])  # (N, C kh kw, H_out W_out)
    out = np.matmul(W.reshape(c_out, -1), flat).reshape(n, c_out, *out_hw)
    if b is not None:
        out += b[:, None, None]
    return out, cols


def conv_backward(
    grad_out: Array,
    cols: Array,
    W: Array,
    geo: ConvGeometry,
    x_shape: tuple[int, ...],
    need_input_grad: bool,
    store: dict[str, Array] | None = None,
) -> tuple[Array, Array, Array | None]:
    """Gradients of a cross-correlation: $\\partial L/\\partial W$, $\\partial L/\\partial b$
    (summed over the batch) and $\\partial L/\\partial x$ (None unless ``need_input_grad``)."""
    n, c_out = grad_out.shape[:2]
    out_hw = (grad_out.shape[2], grad_out.shape[3])
    g = grad_out.reshape(n, c_out, out_hw[0] * out_hw[1])
    flat = cols.reshape(n, cols.shape[1] * cols.shape[2] * cols.shape[3], g.shape[2])
    # dL/dW = sum_n G_n X_col,n^T: one (C_out x L)(L x C kh kw) product per sample, then summed.
    grad_W = np.matmul(g, flat.transpose(0, 2, 1)).sum(axis=0).reshape(W.shape)
    grad_b = grad_out.sum(axis=(0, 2, 3))
    if not need_input_grad:
        return grad_W, grad_b, None
    if geo.stride == (1, 1):
        return grad_W, grad_b, unit_stride_input_grad(grad_out, W, geo, x_shape, store)
    grad_cols = buffer(store, "grad_cols", flat.shape, g.dtype)
    np.matmul(W.reshape(c_out, -1).T, g, out=grad_cols)  # dL/dX_col = W^T G
    grad_x = geo.col2im(grad_cols.reshape(cols.shape), x_shape, out_hw, store)
    return grad_W, grad_b, grad_x


def unit_stride_input_grad(
    grad_out: Array,
    W: Array,
    geo: ConvGeometry,
    x_shape: tuple[int, ...],
    store: dict[str, Array] | None = None,
) -> Array:
    """$\\partial L/\\partial x$ = col2im$(W^\\top G)$ for stride 1, with long additions.

    The same sums as ``col2im``, arranged for speed: $G$ is laid out on rows as wide as the
    padded input (the extra columns zero), so that for a kernel offset $(p, q)$ all windows'
    contributions land on one contiguous run of the flattened padded image, starting at
    $d_h p\\, W_p + d_w q$. Each addition then runs over long rows instead of rows of
    $W_\\text{out}$ pixels. Contributions that wrap past a row end come from the zero columns.
    """
    n, c_out, ho, wo = grad_out.shape
    c_in = x_shape[1]
    (top, bottom), (left, right) = geo.pads
    hp, wp = x_shape[2] + top + bottom, x_shape[3] + left + right
    (kh, kw), (dh, dw) = geo.kernel, geo.dilation
    dtype = grad_out.dtype
    wide = buffer(store, "grad_wide", (n, c_out, ho, wp), dtype)
    wide[..., wo:] = 0
    wide[..., :wo] = grad_out
    rows = buffer(store, "grad_cols", (n, c_in * kh * kw, ho * wp), dtype)
    np.matmul(W.reshape(c_out, -1).T, wide.reshape(n, c_out, ho * wp), out=rows)
    rows5 = rows.reshape(n, c_in, kh, kw, ho * wp)
    target = buffer(store, "grad_flat", (n, c_in, hp * wp + (kw - 1) * dw), dtype)
    target.fill(0)
    for p in range(kh):
        for q in range(kw):
            start = p * dh * wp + q * dw
            target[:, :, start : start + ho * wp] += rows5[:, :, p, q]
    image = target[:, :, : hp * wp].reshape(n, c_in, hp, wp)
    return crop(image, geo.pads, (x_shape[2], x_shape[3])).copy()


def pool_padding(padding: Any, kernel: Pair) -> Pads:
    """Pooling padding (int or pair), at most half the kernel as PyTorch requires."""
    ph, pw = as_pair(padding, "padding", minimum=0)
    if ph > kernel[0] // 2 or pw > kernel[1] // 2:
        raise error(
            "padding",
            f"at most half the kernel size ({kernel[0] // 2}, {kernel[1] // 2}) for "
            f"kernel_size {kernel}, as in PyTorch",
            padding,
        )
    return (ph, ph), (pw, pw)


def pool_geometry(kernel_size: Any, stride: Any, padding: Any) -> ConvGeometry:
    kernel = as_pair(kernel_size, "kernel_size")
    steps = kernel if stride is None else as_pair(stride, "stride")
    return ConvGeometry(kernel, steps, pool_padding(padding, kernel), (1, 1))


def max_pool_forward(
    x: Array, geo: ConvGeometry, out_hw: Pair, store: dict[str, Array] | None = None
) -> tuple[Array, Array]:
    """Window maxima and the flat in-window index of the first maximum (PyTorch's tie rule)."""
    n, c = x.shape[:2]
    k = geo.kernel[0] * geo.kernel[1]
    cols = geo.columns(x, out_hw, value=-np.inf, store=store).reshape(n, c, k, *out_hw)
    arg = np.argmax(cols, axis=2)  # the first maximum in row-major window order
    out = np.take_along_axis(cols, arg[:, :, None], axis=2)[:, :, 0]
    return out, arg


def max_pool_backward(
    grad_out: Array,
    arg: Array,
    geo: ConvGeometry,
    x_shape: tuple[int, ...],
    store: dict[str, Array] | None = None,
) -> Array:
    """Route each output's gradient to the arg-max of its window; sum where windows overlap."""
    n, c, ho, wo = grad_out.shape
    k = geo.kernel[0] * geo.kernel[1]
    cols = buffer(store, "grad_cols", (n, c, k, ho, wo), grad_out.dtype)
    cols.fill(0)
    np.put_along_axis(cols, arg[:, :, None], grad_out[:, :, None], axis=2)
    return geo.col2im(cols.reshape(n, c, *geo.kernel, ho, wo), x_shape, (ho, wo), store)


def avg_divisor(
    geo: ConvGeometry, in_hw: tuple[int, ...], out_hw: Pair, count_include_pad: bool
) -> Array | int:
    """What each window's sum is divided by: $k_h k_w$, or the count of real pixels in it."""
    if count_include_pad:
        return geo.kernel[0] * geo.kernel[1]
    counts = []
    for a in (0, 1):
        start = np.arange(out_hw[a]) * geo.stride[a] - geo.pads[a][0]
        end = np.minimum(start + geo.kernel[a], in_hw[a])
        counts.append(end - np.maximum(start, 0))
    divisor: Array = np.outer(counts[0], counts[1]).astype(np.float64)
    return divisor


def avg_pool_forward(x: Array, geo: ConvGeometry, out_hw: Pair, divisor: Array | int) -> Array:
    view = windows(pad(x, geo.pads), geo.kernel, geo.stride, geo.dilation, out_hw)
    out: Array = view.sum(axis=(2, 3))
    out /= np.asarray(divisor, dtype=x.dtype)
    return out


def avg_pool_backward(
    grad_out: Array,
    geo: ConvGeometry,
    x_shape: tuple[int, ...],
    divisor: Array | int,
    store: dict[str, Array] | None = None,
) -> Array:
    """Every pixel of a window receives the window's gradient divided by its divisor."""
    n, c, ho, wo = grad_out.shape
    share = grad_out / np.asarray(divisor, dtype=grad_out.dtype)
    cols = np.broadcast_to(share[:, :, None, None], (n, c, *geo.kernel, ho, wo))
    return geo.col2im(cols, x_shape, (ho, wo), store)


# --- public functions --------------------------------------------------------------------------


def _conv_args(kernel: Pair, stride: Any, padding: Any, dilation: Any) -> ConvGeometry:
    steps = as_pair(stride, "stride")
    dil = as_pair(dilation, "dilation")
    return ConvGeometry(kernel, steps, resolve_padding(padding, kernel, steps, dil), dil)


def im2col(
    x: ArrayLike,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] | str = 0,
    dilation: int | tuple[int, int] = 1,
) -> Array:
    """Every window of the input as a column: the patch matrix of each sample.

    Column $l = i W_\\text{out} + j$ of sample $n$ holds the window under output pixel
    $(i, j)$, all channels, in the order of a flattened kernel ``W[o].ravel()``:
    row $c\\,k_h k_w + p\\,k_w + q$ is the pixel $(s_h i + d_h p, s_w j + d_w q)$ of
    channel $c$ of the padded input. A convolution is then one matrix product per sample,
    ``W.reshape(C_out, -1) @ im2col(x, ...)``, reshaped to ``(N, C_out, H_out, W_out)``.
    The layout is that of PyTorch's ``torch.nn.functional.unfold``.

    Args:
        x: Images ``(N, C, H, W)``.
        kernel_size: Kernel height and width (int or pair).
        stride: Step between windows (int or pair, positive).
        padding: Zeros added on each side (int or pair, non-negative), or ``"same"`` /
            ``"valid"`` as in [`Conv2D`][nnref.conv.Conv2D].
        dilation: Spacing between kernel taps (int or pair, positive).

    Returns:
        An array of shape ``(N, C * kh * kw, H_out * W_out)``.

    Examples:
        >>> x = np.arange(9.0).reshape(1, 1, 3, 3)
        >>> cols = im2col(x, 2)
        >>> cols[0]  # one column per 2x2 window
        array([[0., 1., 3., 4.],
               [1., 2., 4., 5.],
               [3., 4., 6., 7.],
               [4., 5., 7., 8.]])
        >>> np.array([[0.0, 1.0, 2.0, 3.0]]) @ cols[0]  # the kernel [[0, 1], [2, 3]], flattened
        array([[19., 25., 37., 43.]])
    """
    images = as_images(x, "x")
    geo = _conv_args(as_pair(kernel_size, "kernel_size"), stride, padding, dilation)
    out_hw = geo.out_hw(images.shape[2:], "kernel_size", kernel_size)
    cols = geo.columns(images, out_hw)
    n, c = images.shape[:2]
    return cols.reshape(n, c * geo.kernel[0] * geo.kernel[1], out_hw[0] * out_hw[1])


def col2im(
    cols: ArrayLike,
    output_size: int | tuple[int, int],
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] | str = 0,
    dilation: int | tuple[int, int] = 1,
) -> Array:
    """Add every column back onto the pixels its window covers: the adjoint of ``im2col``.

    $$x_{n,c,h,w} = \\sum_{(p,q,i,j)\\,:\\; s_h i + d_h p - p_\\text{top} = h,\\;
    s_w j + d_w q - p_\\text{left} = w} \\text{cols}_{n,\\,(c,p,q),\\,(i,j)}$$

    A pixel covered by several windows receives the sum of their entries; padding is dropped.
    This is how the gradient of a convolution reaches its input (PyTorch's ``fold``).

    Args:
        cols: ``(N, C * kh * kw, H_out * W_out)``, as ``im2col`` returns.
        output_size: The image height and width ``(H, W)`` (int or pair).
        kernel_size, stride, padding, dilation: As for ``im2col``.

    Returns:
        Images ``(N, C, H, W)``.

    Examples:
        >>> ones = im2col(np.ones((1, 1, 3, 3)), 2)
        >>> col2im(ones, 3, 2)[0, 0]  # how many 2x2 windows cover each pixel
        array([[1., 2., 1.],
               [2., 4., 2.],
               [1., 2., 1.]])
    """
    arr = check_finite(as_float_array(cols, "cols"), "cols")
    hw = as_pair(output_size, "output_size")
    kernel = as_pair(kernel_size, "kernel_size")
    geo = _conv_args(kernel, stride, padding, dilation)
    out_hw = geo.out_hw(hw, "kernel_size", kernel_size)
    per_window = kernel[0] * kernel[1]
    if (
        arr.ndim != 3
        or arr.shape[1] % per_window
        or arr.shape[1] == 0
        or arr.shape[2] != out_hw[0] * out_hw[1]
    ):
        raise ValueError(
            f"cols must be an array of shape (N, C * {per_window}, {out_hw[0] * out_hw[1]}) "
            f"(C kh kw rows, one column per window of a {hw} image), got an array of shape "
            f"{arr.shape}"
        )
    n, c = arr.shape[0], arr.shape[1] // per_window
    six = arr.reshape(n, c, *kernel, *out_hw)
    return geo.col2im(six, (n, c, *hw), out_hw)


def conv2d(
    x: ArrayLike,
    W: ArrayLike,
    b: ArrayLike | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] | str = 0,
    dilation: int | tuple[int, int] = 1,
) -> Array:
    """2-D cross-correlation of a batch of images, as ``torch.nn.functional.conv2d``.

    $$y_{n,o,i,j} = b_o + \\sum_{c,p,q} W_{o,c,p,q}\\;
    x_{n,\\,c,\\; s_h i + d_h p - p_\\text{top},\\; s_w j + d_w q - p_\\text{left}}$$

    with $x = 0$ in the padding; the output has
    $\\lfloor (H + 2p - d(k-1) - 1)/s \\rfloor + 1$ rows (see
    [`conv_output_size`][nnref.conv.conv_output_size]). Computed as one matrix product per
    sample on the [`im2col`][nnref.conv.im2col] columns.

    Args:
        x: Images ``(N, C_in, H, W)``.
        W: Kernels ``(C_out, C_in, kh, kw)``.
        b: Biases ``(C_out,)``, or None for none.
        stride: Step of the kernel (int or pair, positive).
        padding: Zeros on each side (int or pair, non-negative); ``"same"`` (stride 1 only:
            output size = input size, the odd pixel of an even kernel's padding at the
            bottom/right as in PyTorch) or ``"valid"`` (no padding).
        dilation: Spacing between kernel taps (int or pair, positive).

    Returns:
        ``(N, C_out, H_out, W_out)``; float32 if ``x`` and ``W`` (and ``b``) are float32,
        float64 otherwise.

    Examples:
        >>> x = np.arange(9.0).reshape(1, 1, 3, 3)
        >>> k = np.array([[[[0.0, 1.0], [2.0, 3.0]]]])
        >>> conv2d(x, k)[0, 0]  # 0*0 + 1*1 + 2*3 + 3*4 = 19, ...
        array([[19., 25.],
               [37., 43.]])
        >>> conv2d(x, k, padding="same")[0, 0]  # PyTorch pads the bottom and the right
        array([[19., 25., 10.],
               [37., 43., 16.],
               [ 7.,  8.,  0.]])
    """
    images = as_images(x, "x")
    kernels = check_finite(as_float_array(W, "W"), "W")
    if kernels.ndim != 4 or kernels.shape[1] != images.shape[1]:
        raise ValueError(
            f"W must be a 4-D array (C_out, C_in, kh, kw) with C_in = {images.shape[1]} "
            f"(the channels of x), got an array of shape {kernels.shape}"
        )
    arrays = [images, kernels]
    bias = None
    if b is not None:
        bias = check_finite(as_float_array(b, "b"), "b")
        if bias.shape != (kernels.shape[0],):
            raise ValueError(
                f"b must be an array of shape ({kernels.shape[0]},) (one bias per output "
                f"channel), got an array of shape {bias.shape}"
            )
        arrays.append(bias)
    dtype = compute_dtype(*arrays)
    geo = _conv_args((kernels.shape[2], kernels.shape[3]), stride, padding, dilation)
    out_hw = geo.out_hw(images.shape[2:], "W", kernels)
    out, _ = conv_forward(
        images.astype(dtype, copy=False),
        kernels.astype(dtype, copy=False),
        None if bias is None else bias.astype(dtype, copy=False),
        geo,
        out_hw,
    )
    return out


def max_pool2d(
    x: ArrayLike,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
) -> Array:
    """Max pooling: the largest value of each window, channel by channel.

    $$y_{n,c,i,j} = \\max_{0 \\le p < k_h,\\; 0 \\le q < k_w}
    x_{n,\\,c,\\; s_h i + p - p_\\text{top},\\; s_w j + q - p_\\text{left}}$$

    As ``torch.nn.functional.max_pool2d``: the stride defaults to the kernel size (windows
    side by side), padding (at most half the kernel) counts as $-\\infty$.

    Args:
        x: Images ``(N, C, H, W)``.
        kernel_size: Window height and width (int or pair).
        stride: Step between windows (int or pair); None for ``kernel_size``.
        padding: Rows/columns of $-\\infty$ on each side (int or pair, at most half the
            kernel).

    Returns:
        ``(N, C, H_out, W_out)``.

    Examples:
        >>> x = np.array([[[[1.0, 2, 5, 6], [3, 4, 7, 8], [0, 0, 1, 0], [0, 9, 0, 0]]]])
        >>> max_pool2d(x, 2)[0, 0]
        array([[4., 8.],
               [9., 1.]])
    """
    images = as_images(x, "x")
    geo = pool_geometry(kernel_size, stride, padding)
    out_hw = geo.out_hw(images.shape[2:], "kernel_size", kernel_size)
    return max_pool_forward(images, geo, out_hw)[0]


def avg_pool2d(
    x: ArrayLike,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
    count_include_pad: bool = True,
) -> Array:
    """Average pooling: the mean of each window, channel by channel.

    $$y_{n,c,i,j} = \\frac{1}{k_h k_w} \\sum_{p,q}
    x_{n,\\,c,\\; s_h i + p - p_\\text{top},\\; s_w j + q - p_\\text{left}}$$

    As ``torch.nn.functional.avg_pool2d``: the stride defaults to the kernel size, padding
    (at most half the kernel) adds zeros, and with ``count_include_pad=False`` a window is
    divided by the number of its pixels that lie inside the image instead of $k_h k_w$.

    Args:
        x: Images ``(N, C, H, W)``.
        kernel_size: Window height and width (int or pair).
        stride: Step between windows (int or pair); None for ``kernel_size``.
        padding: Zeros on each side (int or pair, at most half the kernel).
        count_include_pad: Count padded zeros in the divisor (default, as PyTorch).

    Returns:
        ``(N, C, H_out, W_out)``.

    Examples:
        >>> x = np.array([[[[1.0, 2, 5, 6], [3, 4, 7, 8], [0, 0, 1, 0], [0, 9, 0, 0]]]])
        >>> avg_pool2d(x, 2)[0, 0]
        array([[2.5 , 6.5 ],
               [2.25, 0.25]])
    """
    images = as_images(x, "x")
    geo = pool_geometry(kernel_size, stride, padding)
    include = check_bool(count_include_pad, "count_include_pad")
    out_hw = geo.out_hw(images.shape[2:], "kernel_size", kernel_size)
    divisor = avg_divisor(geo, images.shape[2:], out_hw, include)
    return avg_pool_forward(images, geo, out_hw, divisor)


def _image_and_kernel(image: ArrayLike, kernel: ArrayLike, mode: str) -> tuple[Array, Array]:
    check_choice(mode, "mode", ("valid", "full"))
    img = check_finite(as_float_array(image, "image"), "image")
    ker = check_finite(as_float_array(kernel, "kernel"), "kernel")
    for arr, name in ((img, "image"), (ker, "kernel")):
        if arr.ndim != 2 or 0 in arr.shape:
            raise ValueError(
                f"{name} must be a non-empty 2-D array (height, width), got an array of "
                f"shape {arr.shape}"
            )
    if mode == "valid" and (ker.shape[0] > img.shape[0] or ker.shape[1] > img.shape[1]):
        raise ValueError(
            f"kernel must be no larger than the image {img.shape} for mode 'valid', got an "
            f"array of shape {ker.shape}"
        )
    dtype = compute_dtype(img, ker)
    return img.astype(dtype, copy=False), ker.astype(dtype, copy=False)


def correlate2d(image: ArrayLike, kernel: ArrayLike, mode: str = "valid") -> Array:
    """Cross-correlation of one 2-D image with one 2-D kernel (what a CNN layer computes).

    $$y_{i,j} = \\sum_{p,q} x_{i+p,\\,j+q}\\, k_{p,q}$$

    The kernel slides over the image as it is, not turned around. ``mode="valid"`` keeps the
    positions where the kernel lies inside the image, ``"full"`` every position where it
    overlaps the image (zero padding of $k - 1$).

    Args:
        image: A 2-D array.
        kernel: A 2-D array.
        mode: ``"valid"`` or ``"full"``.

    Returns:
        A 2-D array of $(H - k_h + 1) \\times (W - k_w + 1)$ (valid) or
        $(H + k_h - 1) \\times (W + k_w - 1)$ (full) values.

    Examples:
        >>> correlate2d(np.arange(9).reshape(3, 3), [[0, 1], [2, 3]])
        array([[19., 25.],
               [37., 43.]])
    """
    img, ker = _image_and_kernel(image, kernel, mode)
    kh, kw = ker.shape
    padding = 0 if mode == "valid" else (kh - 1, kw - 1)
    return conv2d(img[None, None], ker[None, None], padding=padding)[0, 0]


def convolve2d(image: ArrayLike, kernel: ArrayLike, mode: str = "valid") -> Array:
    """The true 2-D convolution of mathematics and signal processing.

    $$(x * k)_{i,j} = \\sum_{p,q} x_{i-p,\\,j-q}\\, k_{p,q}$$

    with $x = 0$ outside the image: the kernel is turned by 180° before it slides, which is
    what separates convolution from the cross-correlation of
    [`correlate2d`][nnref.conv.correlate2d] and of CNN layers. Computed here from this
    definition (every kernel entry adds a shifted copy of the image), not by flipping.
    ``mode`` as in ``correlate2d``; on one row it is NumPy's ``np.convolve``.

    Args:
        image: A 2-D array.
        kernel: A 2-D array.
        mode: ``"valid"`` (no zeros from outside the image used) or ``"full"``.

    Returns:
        A 2-D array, of the sizes given for ``correlate2d``.

    Examples:
        >>> x, k = np.arange(9).reshape(3, 3), [[0, 1], [2, 3]]
        >>> convolve2d(x, k)
        array([[ 5., 11.],
               [23., 29.]])
        >>> correlate2d(x, np.rot90(k, 2))  # the same: correlation with the kernel turned
        array([[ 5., 11.],
               [23., 29.]])
    """
    img, ker = _image_and_kernel(image, kernel, mode)
    h, w = img.shape
    kh, kw = ker.shape
    full = np.zeros((h + kh - 1, w + kw - 1), dtype=img.dtype)
    for p in range(kh):
        for q in range(kw):
            full[p : p + h, q : q + w] += ker[p, q] * img  # x_{i-p, j-q} k_{p,q} lands at (i, j)
    if mode == "full":
        return full
    return full[kh - 1 : h, kw - 1 : w].copy()
