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
from numpy.typing import ArrayLike

from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_bool,
    check_choice,
    check_finite,
    check_result,
)
from nnref.conv._kernels import (
    ConvGeometry,
    as_images,
    avg_divisor,
    avg_pool_forward,
    check_allocation,
    compute_dtype,
    conv_forward,
    max_pool_forward,
    memory_for,
    pool_geometry,
)
from nnref.conv.arithmetic import Pair, as_pair, resolve_padding

__all__ = [
    "avg_pool2d",
    "col2im",
    "conv2d",
    "convolve2d",
    "correlate2d",
    "im2col",
    "max_pool2d",
]


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
    n, c = images.shape[:2]
    _fits(geo, images, out_hw, "padding", padding)
    with memory_for("padding", padding):
        cols = geo.columns(images, out_hw)
    return cols.reshape(n, c * geo.kernel[0] * geo.kernel[1], out_hw[0] * out_hw[1])


def _fits(geo: ConvGeometry, images: Array, out_hw: Pair, name: str, value: Any) -> None:
    """The padded input and the im2col columns must be of a size that can be allocated."""
    n, c, h, w = images.shape
    padded = (n, c, h + sum(geo.pads[0]), w + sum(geo.pads[1]))
    check_allocation(padded, images.itemsize, name, value)
    check_allocation((n, c, *geo.kernel, *out_hw), images.itemsize, name, value)


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
        kernel_size: Kernel height and width (int or pair), as for ``im2col``.
        stride: Step between windows (int or pair), as for ``im2col``.
        padding: Zeros on each side (int or pair) or ``"same"``/``"valid"``, as for
            ``im2col``.
        dilation: Spacing between kernel taps (int or pair), as for ``im2col``.

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
        or arr.shape[0] == 0
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
    check_allocation((n, c, *hw), arr.itemsize, "output_size", output_size)
    with memory_for("output_size", output_size), np.errstate(over="ignore", invalid="ignore"):
        images = geo.col2im(six, (n, c, *hw), out_hw)
    return check_result(images, "cols", "the sums of the overlapping windows")


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
    if kernels.ndim != 4 or kernels.shape[1] != images.shape[1] or kernels.size == 0:
        raise ValueError(
            f"W must be a non-empty 4-D array (C_out, C_in, kh, kw) with C_in = "
            f"{images.shape[1]} (the channels of x), got an array of shape {kernels.shape}"
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
    return _correlate(images, kernels, bias, geo, out_hw, dtype, padding, "x and W")


def _correlate(
    images: Array,
    kernels: Array,
    bias: Array | None,
    geo: ConvGeometry,
    out_hw: Pair,
    dtype: Any,
    padding: Any,
    name: str,
) -> Array:
    """The cross-correlation of checked arrays; an output beyond the float range (inputs
    near its end) raises a ``ValueError`` naming the input ``name``."""
    _fits(geo, images, out_hw, "padding", padding)
    with memory_for("padding", padding), np.errstate(over="ignore", invalid="ignore"):
        out, _ = conv_forward(
            images.astype(dtype, copy=False),
            kernels.astype(dtype, copy=False),
            None if bias is None else bias.astype(dtype, copy=False),
            geo,
            out_hw,
        )
    return check_result(out, name, "the cross-correlation")


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
    _fits(geo, images, out_hw, "kernel_size", kernel_size)
    with memory_for("kernel_size", kernel_size):
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
    _fits(geo, images, out_hw, "kernel_size", kernel_size)
    with memory_for("kernel_size", kernel_size):
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
    geo = _conv_args((kh, kw), 1, padding, 1)
    images = img[None, None]
    out_hw = geo.out_hw(images.shape[2:], "kernel", kernel)
    return _correlate(images, ker[None, None], None, geo, out_hw, img.dtype, 0, "image and kernel")[
        0, 0
    ]


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
    with np.errstate(over="ignore", invalid="ignore"):
        for p in range(kh):
            for q in range(kw):
                # x_{i-p, j-q} k_{p,q} lands at (i, j)
                full[p : p + h, q : q + w] += ker[p, q] * img
    out = full if mode == "full" else full[kh - 1 : h, kw - 1 : w].copy()
    return check_result(out, "image and kernel", "the convolution")
