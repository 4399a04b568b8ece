"""The vectorised machinery behind ``nnref.conv``: im2col, col2im, and the passes they make.

Shared by the public functions of ``nnref.conv.functional`` and the layers of
``nnref.conv.layers``; nothing here checks its arguments (the callers do). Shapes follow
PyTorch: images ``(N, C, H, W)``, kernels ``(C_out, C_in, kh, kw)``. The im2col columns of a
batch are kept as ``(N, C, kh, kw, H_out, W_out)``, which reshapes without a copy to the
``(N, C kh kw, H_out W_out)`` patch matrices of ``im2col``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided
from numpy.typing import ArrayLike

from nnref._typing import Array
from nnref._validation import as_float_array, check_finite, error
from nnref.conv.arithmetic import Pads, Pair, as_pair, output_hw


def as_images(x: ArrayLike, name: str) -> Array:
    """``x`` as a finite, non-empty float array of shape ``(N, C, H, W)``."""
    arr = as_float_array(x, name)
    if arr.ndim != 4 or arr.size == 0:
        raise ValueError(
            f"{name} must be a non-empty 4-D array (n_samples, channels, height, width), got "
            f"an array of shape {arr.shape}"
        )
    return check_finite(arr, name)


# Work arrays beyond this many bytes are refused outright: NumPy would fail anyway, with
# "array is too big" or a MemoryError that names no argument.
_MAX_BYTES = 1 << 46


def check_allocation(shape: tuple[int, ...], itemsize: int, name: str, value: Any) -> None:
    """Raise ``ValueError`` naming ``name`` if an array of ``shape`` is absurdly large."""
    if math.prod(shape) * itemsize > _MAX_BYTES:
        raise error(name, f"small enough for the work arrays to fit in memory ({shape})", value)


@contextmanager
def memory_for(name: str, value: Any) -> Iterator[None]:
    """Turn a ``MemoryError`` inside the block into a ``ValueError`` naming ``name``."""
    try:
        yield
    except MemoryError:
        raise error(name, "small enough for the work arrays to fit in memory", value) from None


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
    with np.errstate(over="ignore", invalid="ignore"):
        out: Array = view.sum(axis=(2, 3))
    out /= np.asarray(divisor, dtype=x.dtype)
    beyond = ~np.isfinite(out)
    if np.any(beyond) and np.all(np.isfinite(x)):
        # A window of values near the largest float: its sum overflows, its mean does not.
        # Summing the values divided by a power of two (exact) gives that mean.
        shrink = 2.0 ** -math.ceil(math.log2(geo.kernel[0] * geo.kernel[1]))
        scaled = (view * x.dtype.type(shrink)).sum(axis=(2, 3))
        scaled /= np.asarray(divisor, dtype=x.dtype)
        out[beyond] = (scaled / x.dtype.type(shrink))[beyond]
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
