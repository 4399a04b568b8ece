"""Figures of images and convolutional networks: pixel grids, kernels, feature maps, windows.

Pixels are drawn as a small embedded picture that the browser scales up without blurring,
so a figure of many feature maps stays light. A pixel's colour says its sign — blue for
positive values, red for negative ones (the colours of the weights in
[`model_diagram`][nnref.plotting.model_diagram]) — and its strength how large the value
is: zero is transparent, so the page's own background shows through in the light and the
dark palette alike.

- [`image_grid`][nnref.plotting.image_grid]: small multiples of 2-D arrays, optionally with
  every pixel's value written in its cell;
- [`kernel_grid`][nnref.plotting.kernel_grid]: the kernels of a
  [`Conv2D`][nnref.conv.Conv2D] layer;
- [`feature_maps`][nnref.plotting.feature_maps]: one image's feature maps after each layer of
  a network;
- [`kernel_placements`][nnref.plotting.kernel_placements]: where a kernel lands on the
  (padded) input for given stride, padding and dilation, and which output cell each placement
  fills;
- [`convolution_steps`][nnref.plotting.convolution_steps]: a convolution worked cell by cell,
  one small picture per output cell;
- [`cnn_diagram`][nnref.plotting.cnn_diagram]: the pipeline of a convolutional network —
  convolution, pooling, flattening, dense layers — read from the model object.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, PathPatch, Rectangle
from matplotlib.path import Path
from numpy.typing import ArrayLike, NDArray

from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_bool,
    check_finite,
    check_int,
    check_interval,
    check_names,
    check_positive,
    check_positive_int,
    check_sample_shape,
    error,
)
from nnref.plotting.figure import INK, MAX_INCHES, PALETTE, figure_of, style, target_axes

__all__ = [
    "cnn_diagram",
    "convolution_steps",
    "feature_maps",
    "image_grid",
    "kernel_grid",
    "kernel_placements",
]

POSITIVE, NEGATIVE = PALETTE[0], PALETTE[3]
_TITLE = 10.0  # points: panel titles
_GAP = 0.12  # inches between panels
_TITLE_H = 0.26  # inches above a panel for its title


# --- pixels ------------------------------------------------------------------------------------


def _as_images(images: Any, name: str = "images") -> list[Array]:
    """A 2-D array, a 3-D stack or a list of 2-D arrays, as a list of finite 2-D arrays."""
    rule = "a 2-D image, a stack (n, height, width) or a list of 2-D arrays"
    regular = isinstance(images, np.ndarray) or not isinstance(images, Sequence)
    if not regular:
        try:  # nested lists of one shape are one array; images of several sizes are not
            regular = np.asarray(images, dtype=np.float64).ndim in (2, 3)
        except (ValueError, TypeError):
            regular = False
    if regular:
        arr = check_finite(as_float_array(images, name), name)
        if arr.ndim not in (2, 3):
            raise error(name, rule, arr)
        items = [arr] if arr.ndim == 2 else list(arr)
    else:
        items = [check_finite(as_float_array(a, name), name) for a in images]
        if any(a.ndim != 2 for a in items):
            raise error(name, rule, [a.shape for a in items])
    if not items or any(0 in a.shape for a in items):
        raise error(name, "at least one non-empty image", [a.shape for a in items])
    return items


def _rgba(image: Array, vmax: float, signed: bool, strongest: float = 1.0) -> Array:
    """Blue for positive, red for negative values, opacity |v| / vmax (0 is transparent)."""
    out = np.zeros((*image.shape, 4))
    scale = vmax if vmax > 0 else 1.0
    values = image if signed else np.maximum(image, 0.0)
    alpha = np.clip(np.abs(values) / scale, 0.0, 1.0) * strongest
    out[..., :3] = np.where((values < 0)[..., None], to_rgb(NEGATIVE), to_rgb(POSITIVE))
    out[..., 3] = alpha
    return out


def _number(value: float, digits: int) -> str:
    """A cell's value: integers as such, others with ``digits`` significant digits; − sign."""
    if float(value).is_integer() and abs(value) < 1e6:
        text = str(int(value))
    else:
        text = f"{value:.{digits}g}"
    return "0" if text in ("-0", "0") else text.replace("-", "−")


class _Canvas:
    """One axes over the whole figure, in inches from the top-left corner (y grows down).

    Every panel is drawn on it: a single axes keeps the SVG small (no clip path, frame and
    group per panel). Grid lines and frames are collected and drawn as two line collections.
    """

    def __init__(self, width: float, height: float) -> None:
        self.fig = Figure(figsize=(width, height))  # inside style(): the site's look
        self.ax = self.fig.add_axes((0, 0, 1, 1))
        self.size = (width, height)
        self.grid: list[list[tuple[float, float]]] = []
        self.frames: list[list[tuple[float, float]]] = []

    def pixels(self, rgba: Array, x: float, y: float, px: float) -> None:
        """An RGBA picture with its top-left corner at (x, y), ``px`` inches per pixel."""
        h, w = rgba.shape[:2]
        self.ax.imshow(
            rgba, interpolation="none", aspect="auto", extent=(x, x + w * px, y + h * px, y)
        )

    def cells(self, x: float, y: float, h: int, w: int, px: float, inner: bool) -> None:
        """The frame of an ``h`` by ``w`` grid of cells, and its inner lines if ``inner``."""
        x1, y1 = x + w * px, y + h * px
        self.frames += [[(x, y), (x1, y)], [(x1, y), (x1, y1)], [(x1, y1), (x, y1)],
                        [(x, y1), (x, y)]]  # fmt: skip
        if inner:
            self.grid += [[(x + k * px, y), (x + k * px, y1)] for k in range(1, w)]
            self.grid += [[(x, y + k * px), (x1, y + k * px)] for k in range(1, h)]

    def text(self, x: float, y: float, text: str, size: float, **kwargs: Any) -> None:
        kwargs.setdefault("ha", "center")
        kwargs.setdefault("va", "center")
        self.ax.text(x, y, text, fontsize=size, **kwargs)

    def finish(self) -> Figure:
        _lines(self.ax, self.grid, lw=0.6, alpha=0.3)
        _lines(self.ax, self.frames, lw=0.8)
        self.ax.set_xlim(0, self.size[0])
        self.ax.set_ylim(self.size[1], 0)
        self.ax.set_axis_off()
        return self.fig


def _lines(ax: Axes, segments: list[list[tuple[float, float]]], **kwargs: Any) -> None:
    """Line segments drawn as ONE path (an SVG element for all, not one per segment)."""
    if not segments:
        return
    vertices = np.asarray(segments, dtype=np.float64).reshape(-1, 2)
    codes = np.tile([Path.MOVETO, Path.LINETO], len(segments))
    ax.add_patch(PathPatch(Path(vertices, codes), fill=False, edgecolor=INK, **kwargs))


def _draw_pixels(
    canvas: _Canvas,
    image: Array,
    x: float,
    y: float,
    px: float,
    vmax: float,
    signed: bool,
    values: bool,
    digits: int,
) -> None:
    """``image`` with its top-left corner at (x, y): pixels, frame, grid, values if asked."""
    h, w = image.shape
    canvas.pixels(_rgba(image, vmax, signed, 0.8 if values else 1.0), x, y, px)
    canvas.cells(x, y, h, w, px, inner=values or max(h, w) <= 8)
    if values:
        size = min(10.0, 0.42 * 72 * px)
        for (i, j), v in np.ndenumerate(image):
            canvas.text(x + (j + 0.5) * px, y + (i + 0.5) * px, _number(v, digits), size)


def _frame(ax: Axes, xlim: tuple[float, float], ylim: tuple[float, float]) -> None:
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.set_axis_off()


def _vmax(images: list[Array], vmax: float | None, signed: bool) -> list[float]:
    """The colour scale of each image: the given ``vmax`` or the largest magnitude of all."""
    if vmax is not None:
        return [check_positive(vmax, "vmax")] * len(images)
    biggest = max(float(np.max(np.abs(a) if signed else np.maximum(a, 0))) for a in images)
    return [biggest] * len(images)


def _panels(
    images: list[Array | None],
    titles: list[str],
    ncols: int,
    panel: float,
    scales: list[float],
    signed: bool,
    values: bool,
    digits: int,
    row_titles: list[str] | None = None,
) -> Figure:
    """Draw ``images`` on a grid of equal square boxes of ``panel`` inches, with titles.

    ``None`` leaves its box empty; ``row_titles`` puts one title above each row instead of
    (or as well as) the panels' own."""
    n = len(images)
    nrows = -(-n // ncols) if row_titles is None else len(row_titles)
    has_titles = any(titles)
    head = (_TITLE_H if has_titles else 0.0) + (_TITLE_H if row_titles else 0.0)
    row_h = panel + head
    width = ncols * panel + (ncols - 1) * _GAP + 0.04
    height = nrows * row_h + (nrows - 1) * _GAP + 0.04
    canvas = _Canvas(width, height)
    for k, image in enumerate(images):
        if image is None:
            continue
        r, c = divmod(k, ncols)
        h, w = image.shape
        px = panel / max(h, w)
        x = 0.02 + c * (panel + _GAP) + (panel - w * px) / 2
        y = 0.02 + r * (row_h + _GAP) + head + (panel - h * px) / 2
        _draw_pixels(canvas, image, x, y, px, scales[k], signed, values, digits)
        if titles[k]:
            canvas.text(x + w * px / 2, y - 0.05, titles[k], _TITLE, va="bottom")
    for r, text in enumerate(row_titles or []):
        canvas.text(0.02, 0.02 + r * (row_h + _GAP), text, _TITLE, ha="left", va="top")
    return canvas.finish()


def _titles(titles: Any, n: int) -> list[str]:
    if titles is None:
        return [""] * n
    return check_names(titles, "titles", n, f"{n} title(s), one per image")


def image_grid(
    images: ArrayLike | Sequence[ArrayLike],
    titles: Sequence[str] | None = None,
    ncols: int | None = None,
    signed: bool | None = None,
    vmax: float | None = None,
    values: bool = False,
    digits: int = 3,
    panel_size: float = 1.2,
    shared: bool = True,
) -> Figure:
    """Draw 2-D arrays side by side as pixel grids (small multiples).

    A pixel of value $v$ is drawn in blue ($v > 0$) or red ($v < 0$) with opacity
    $\\min(|v| / v_\\text{max}, 1)$, so 0 is the page's background. By default all images
    share one colour scale, so their strengths compare.

    Args:
        images: One 2-D array, a stack ``(n, height, width)`` or a list of 2-D arrays (sizes
            may differ; each is scaled to the same box).
        titles: One title per image.
        ncols: Images per row; default all in one row, at most 6.
        signed: Show negative values in red (default: when any value is negative); ``False``
            draws values below zero as background.
        vmax: The magnitude drawn at full strength; default the largest of all images (or of
            each image, if not ``shared``).
        values: Write each pixel's value in its cell (for small arrays).
        digits: Significant digits of the written values (integers are written whole).
        panel_size: The side of each image's box in inches, from 0.1 to 10.
        shared: One colour scale for all images (default); ``False`` scales each image to
            its own largest magnitude (for images whose values differ in size).

    Returns:
        The figure (embed it with [`figure_to_svg`][nnref.plotting.figure_to_svg]).

    Examples:
        >>> import numpy as np
        >>> fig = image_grid([np.arange(9).reshape(3, 3), -np.eye(2)], titles=["x", "k"],
        ...                  values=True)
        >>> [t.get_text() for t in fig.axes[0].texts][-5:]
        ['−1', '0', '0', '−1', 'k']
    """
    items = _as_images(images)
    names = _titles(titles, len(items))
    cols = min(len(items), 6) if ncols is None else check_int(ncols, "ncols", 1, max(1, len(items)))
    negative = any(bool(np.any(a < 0)) for a in items)
    show_sign = negative if signed is None else check_bool(signed, "signed")
    values = check_bool(values, "values")
    digits = check_int(digits, "digits", 1, 12)
    panel = check_interval(panel_size, "panel_size", 0.1, 10.0)
    if check_bool(shared, "shared") or vmax is not None:
        scales = _vmax(items, vmax, show_sign)
    else:
        scales = [_vmax([item], None, show_sign)[0] for item in items]
    with style():
        return _panels(items, names, cols, panel, scales, show_sign, values, digits)


def _kernel_array(kernels: Any) -> Array:
    from nnref.conv import Conv2D

    if isinstance(kernels, Conv2D):
        return np.asarray(kernels.params["W"], dtype=np.float64)
    arr = check_finite(as_float_array(kernels, "kernels"), "kernels")
    if arr.ndim != 4 or 0 in arr.shape:
        raise error("kernels", "a Conv2D layer or a (C_out, C_in, kh, kw) array", arr)
    return arr


def kernel_grid(
    kernels: Any,
    ncols: int | None = None,
    values: bool = False,
    digits: int = 2,
    panel_size: float = 0.9,
) -> Figure:
    """Draw the kernels of a convolution layer, one small pixel grid per kernel.

    A kernel $W_{o,c}$ connects input channel $c$ to output channel $o$. With one input
    channel (a first layer on grey images) the $C_\\text{out}$ kernels are drawn in rows of
    ``ncols``; with several, each row is one output channel and each column one input
    channel. All kernels share one colour scale (blue positive, red negative weights).

    Args:
        kernels: A [`Conv2D`][nnref.conv.Conv2D] layer or an array ``(C_out, C_in, kh, kw)``.
        ncols: Kernels per row when there is one input channel; default up to 8.
        values: Write each weight in its cell.
        digits: Significant digits of the written weights.
        panel_size: The side of each kernel's box in inches, from 0.1 to 10.

    Returns:
        The figure.

    Examples:
        >>> from nnref.conv import Conv2D
        >>> fig = kernel_grid(Conv2D(1, 4, 3, rng=0))
        >>> [t.get_text() for t in fig.axes[0].texts]
        ['kernel 1', 'kernel 2', 'kernel 3', 'kernel 4']
    """
    W = _kernel_array(kernels)
    c_out, c_in = W.shape[:2]
    values = check_bool(values, "values")
    digits = check_int(digits, "digits", 1, 12)
    panel = check_interval(panel_size, "panel_size", 0.1, 10.0)
    if c_in == 1:
        items = list(W[:, 0])
        titles = [f"kernel {o + 1}" for o in range(c_out)]
        cols = min(c_out, 8) if ncols is None else check_int(ncols, "ncols", 1, c_out)
    else:
        if ncols is not None:
            check_int(ncols, "ncols", c_in, c_in)
        items = [W[o, c] for o in range(c_out) for c in range(c_in)]
        titles = [f"out {o + 1}, in {c + 1}" for o in range(c_out) for c in range(c_in)]
        cols = c_in
    with style():
        scales = _vmax(items, None, True)
        return _panels(items, titles, cols, panel, scales, True, values, digits)


# --- feature maps of a network -----------------------------------------------------------------


def _layers_of(model: Any) -> list[Any]:
    layers = getattr(model, "layers", model)
    if isinstance(layers, str | bytes) or not isinstance(layers, Sequence) or not layers:
        raise error("model", "a Sequential network or a non-empty list of layers", model, TypeError)
    for i, layer in enumerate(layers):
        if not callable(getattr(layer, "forward", None)):
            raise error(f"model.layers[{i}]", "a layer with a forward method", layer, TypeError)
    return list(layers)


def feature_maps(
    model: Any,
    x: ArrayLike,
    layers: Sequence[int] | None = None,
    max_channels: int = 8,
    panel_size: float = 0.7,
) -> Figure:
    """Draw one image's feature maps after each layer of a network, a row per layer.

    The image is passed through the layers in order (each layer's ``forward``, so the layers
    keep this image as their last input); every layer whose output is still an image
    ``(C, H, W)`` gets a row of its first ``max_channels`` channels, titled with the layer's
    number (from 1), what it does and the output's shape. The first row is the input. Each
    row has its own colour scale.

    Args:
        model: A [`Sequential`][nnref.network.Sequential] network or a list of layers.
        x: One image ``(C, H, W)`` (or a batch holding one, ``(1, C, H, W)``).
        layers: Indices of the layers whose outputs to draw; default every layer whose
            output is an image.
        max_channels: Channels drawn per row, at most.
        panel_size: The side of each map's box in inches, from 0.1 to 10.

    Returns:
        The figure.

    Examples:
        >>> import numpy as np
        >>> from nnref.conv import Conv2D, MaxPool2D
        >>> net = [Conv2D(1, 2, 3, rng=0), MaxPool2D(2)]
        >>> fig = feature_maps(net, np.ones((1, 6, 6)))
        >>> for text in fig.axes[0].texts:
        ...     print(text.get_text())
        input: 1 × 6×6
        1. conv 3×3: 2 × 4×4
        2. max pool 2×2: 2 × 2×2
    """
    stack = _layers_of(model)
    image = check_finite(as_float_array(x, "x"), "x")
    if image.ndim == 3:
        image = image[None]
    if image.ndim != 4 or image.shape[0] != 1:
        raise error("x", "one image (C, H, W) or a batch of one (1, C, H, W)", image)
    if layers is None:
        chosen = None
    else:
        chosen = {check_int(i, "layers", 0, len(stack) - 1) for i in layers}
    most = check_positive_int(max_channels, "max_channels")
    panel = check_interval(panel_size, "panel_size", 0.1, 10.0)
    rows: list[tuple[str, Array]] = [("input", image[0])]
    out = image
    for i, layer in enumerate(stack):
        out = layer.forward(out)
        if out.ndim == 4 and (chosen is None or i in chosen):
            rows.append((f"{i + 1}. {_stage_name(layer)}".replace("\n", " "), out[0]))
    cols = min(most, max(r[1].shape[0] for r in rows))
    items: list[Array | None] = []
    scales: list[float] = []
    titles: list[str] = []
    for _, maps in rows:
        shown = [np.asarray(m, dtype=np.float64) for m in maps[:cols]]
        biggest = max(float(np.max(np.abs(m))) for m in shown)
        items += shown + [None] * (cols - len(shown))
        scales += [biggest] * cols
        titles += [""] * cols
    row_titles = [
        f"{name}: {maps.shape[0]} × {maps.shape[1]}×{maps.shape[2]}"
        + (f", first {cols} shown" if maps.shape[0] > cols else "")
        for name, maps in rows
    ]
    with style():
        return _panels(items, titles, cols, panel, scales, True, False, 3, row_titles)


# --- where the kernel goes -----------------------------------------------------------------------


def _window_cells(
    i: int, j: int, kernel: tuple[int, int], stride: tuple[int, int], dilation: tuple[int, int]
) -> list[tuple[int, int]]:
    """The padded-input cells (row, column) read by output cell (i, j)."""
    return [
        (i * stride[0] + p * dilation[0], j * stride[1] + q * dilation[1])
        for p in range(kernel[0])
        for q in range(kernel[1])
    ]


def kernel_placements(
    size: int | tuple[int, int],
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] | str = 0,
    dilation: int | tuple[int, int] = 1,
    positions: Sequence[tuple[int, int]] | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Draw where a kernel lands on the padded input and which output cell each placement fills.

    Left, the input grid with its zero padding (dashed cells); the cells read by the kernel
    for each output position in ``positions`` are filled in that position's colour (with
    dilation they are spread out). Right, the output grid, whose size comes from
    [`conv_output_size`][nnref.conv.conv_output_size]
    $\\lfloor (n + 2p - d(k - 1) - 1)/s \\rfloor + 1$, with the same cells coloured. Where two
    placements overlap, the colours mix.

    Args:
        size: Input size $n$ (an int, or a pair (height, width)).
        kernel_size: Kernel size $k$ (an int or a pair).
        stride: Stride $s$ (an int or a pair).
        padding: Padding $p$ (an int or a pair), or ``"same"``/``"valid"`` as for
            [`Conv2D`][nnref.conv.Conv2D].
        dilation: Dilation $d$ (an int or a pair).
        positions: Output cells ``(row, column)`` to show; default the first cell and its
            right-hand neighbour (the first one only if the output has one column).
        ax: Axes to draw on; by default a new figure is made.

    Returns:
        The figure that holds the axes.

    Examples:
        >>> fig = kernel_placements(5, 3, stride=2, padding=1)
        >>> [t.get_text() for t in fig.axes[0].texts]
        ['input 5 × 5\\npadding 1', 'output\\n3 × 3']
    """
    from nnref.conv.arithmetic import as_pair, resolve_padding

    n = as_pair(size, "size")
    if max(n) > 100:  # every cell is drawn: keep the grid one can read
        raise error("size", "at most 100 cells on a side", size)
    kernel = as_pair(kernel_size, "kernel_size")
    steps = as_pair(stride, "stride")
    dil = as_pair(dilation, "dilation")
    pads = resolve_padding(padding, kernel, steps, dil)
    from nnref.conv import conv_output_size

    out = conv_output_size(n, kernel, steps, padding, dil)
    if positions is None:
        spots = [(0, 0)] + ([(0, 1)] if out[1] > 1 else [])
    else:
        if isinstance(positions, str) or not isinstance(positions, Sequence) or not positions:
            raise error("positions", "a non-empty list of (row, column) output cells", positions)
        spots = []
        for spot in positions:
            if not (isinstance(spot, Sequence) and len(spot) == 2):
                raise error("positions", "a list of (row, column) output cells", positions)
            spots.append(
                (
                    check_int(spot[0], "positions", 0, out[0] - 1),
                    check_int(spot[1], "positions", 0, out[1] - 1),
                )
            )
    with style():
        target = target_axes(ax, (4.2, 2.6))
        _draw_placements(target, n, kernel, steps, pads, dil, out, spots)
        return figure_of(target)


def _grid_segments(x0: float, y0: float, h: int, w: int) -> list[list[tuple[float, float]]]:
    """The lines of an ``h`` by ``w`` grid of unit cells whose top-left corner is (x0, y0)."""
    segments = [[(x0 + k, y0), (x0 + k, y0 + h)] for k in range(w + 1)]
    segments += [[(x0, y0 + k), (x0 + w, y0 + k)] for k in range(h + 1)]
    return segments


def _fills(shape: tuple[int, int], cells: list[list[tuple[int, int]]], alpha: float) -> Array:
    """An RGBA picture: cell lists in the placement colours, overlaps in their mixture."""
    total = np.zeros((*shape, 3))
    count = np.zeros(shape)
    for k, group in enumerate(cells):
        colour = to_rgb(_SPOT_COLOURS[k % len(_SPOT_COLOURS)])
        for r, c in set(group):
            total[r, c] += colour
            count[r, c] += 1
    out = np.zeros((*shape, 4))
    covered = count > 0
    out[covered, :3] = total[covered] / count[covered, None]
    out[covered, 3] = alpha
    return out


_SPOT_COLOURS = (PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[4], PALETTE[5], PALETTE[6])


def _draw_placements(
    ax: Axes,
    n: tuple[int, int],
    kernel: tuple[int, int],
    stride: tuple[int, int],
    pads: tuple[tuple[int, int], tuple[int, int]],
    dilation: tuple[int, int],
    out: tuple[int, int],
    spots: list[tuple[int, int]],
) -> None:
    ph, pw = n[0] + sum(pads[0]), n[1] + sum(pads[1])
    # Padded input: cell (r, c) spans [c, c + 1] x [r, r + 1], y growing downwards.
    windows = [_window_cells(i, j, kernel, stride, dilation) for i, j in spots]
    ax.imshow(_fills((ph, pw), windows, 0.6), interpolation="none", extent=(0, pw, ph, 0))
    if pads != ((0, 0), (0, 0)):
        _lines(ax, _grid_segments(0, 0, ph, pw), lw=0.7, ls=(0, (2, 2)), alpha=0.5)
    _lines(ax, _grid_segments(pads[1][0], pads[0][0], n[0], n[1]), lw=0.9, alpha=0.85)
    left = pw + 1.6
    top = max(0.0, (ph - out[0]) / 2)
    ax.imshow(
        _fills(out, [[spot] for spot in spots], 0.8),
        interpolation="none",
        extent=(left, left + out[1], top + out[0], top),
    )
    _lines(ax, _grid_segments(left, top, out[0], out[1]), lw=0.9)
    bottom = max(ph, top + out[0])
    pad_text = "" if pads == ((0, 0), (0, 0)) else f"\npadding {_pads_text(pads)}"
    ax.text(
        pw / 2,
        ph + 0.35,
        f"input {n[0]} × {n[1]}{pad_text}",
        ha="center",
        va="top",
        fontsize=_TITLE,
    )
    ax.text(
        left + out[1] / 2,
        top + out[0] + 0.35,
        f"output\n{out[0]} × {out[1]}",
        ha="center",
        va="top",
        fontsize=_TITLE,
    )
    ax.add_patch(
        FancyArrowPatch(
            (pw + 0.2, ph / 2),
            (left - 0.2, ph / 2),
            arrowstyle="-|>",
            mutation_scale=10,
            color=INK,
            lw=1,
        )
    )
    _frame(ax, (-0.2, left + out[1] + 0.2), (bottom + 2.0, -0.2))


def _pads_text(pads: tuple[tuple[int, int], tuple[int, int]]) -> str:
    (t, b), (lft, r) = pads
    if t == b == lft == r:
        return str(t)
    if t == b and lft == r:
        return f"({t}, {lft})"
    return f"top {t}, bottom {b}, left {lft}, right {r}"


def convolution_steps(
    image: ArrayLike,
    kernel: ArrayLike,
    ncols: int = 2,
    digits: int = 3,
    cell: float = 0.24,
) -> Figure:
    """A 2-D cross-correlation worked cell by cell: one small picture per output cell.

    Picture $(i, j)$ shows the input with the window under the kernel for output cell
    $(i, j)$ outlined and shaded, and beside it the output as far as it has been computed:
    the cells done before (in reading order) and, highlighted, the new one,
    $y_{i,j} = \\sum_{p,q} x_{i+p,\\,j+q}\\, k_{p,q}$ (computed by
    [`correlate2d`][nnref.conv.correlate2d]).

    Args:
        image: The input, a 2-D array (keep it small: its values are written in the cells).
        kernel: The kernel, a 2-D array no larger than the image.
        ncols: Pictures per row.
        digits: Significant digits of the written values.
        cell: The side of one cell in inches, from 0.05 to 2.

    Returns:
        The figure.

    Examples:
        >>> import numpy as np
        >>> fig = convolution_steps(np.arange(9).reshape(3, 3), [[0, 1], [2, 3]])
        >>> [t.get_text() for t in fig.axes[0].texts if "=" in t.get_text()]
        ['y₀₀ = 19', 'y₀₁ = 25', 'y₁₀ = 37', 'y₁₁ = 43']
    """
    from nnref.conv import correlate2d

    x = check_finite(as_float_array(image, "image"), "image")
    out = correlate2d(x, kernel)
    kh, kw = x.shape[0] - out.shape[0] + 1, x.shape[1] - out.shape[1] + 1
    steps = out.size
    cols = check_int(ncols, "ncols", 1, 12)
    digits = check_int(digits, "digits", 1, 12)
    side = check_interval(cell, "cell", 0.05, 2.0)
    h, w = x.shape
    oh, ow = out.shape
    span_w = w + 1.2 + ow  # cells: input, gap, output
    span_h = max(h, oh)
    nrows = -(-steps // cols)
    panel_w, panel_h = span_w * side, span_h * side
    width = cols * panel_w + (cols - 1) * 0.25 + 0.04
    height = nrows * (panel_h + _TITLE_H) + (nrows - 1) * 0.15 + 0.04
    font = min(10.0, 0.45 * 72 * side)
    sub = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
    with style():
        canvas = _Canvas(width, height)
        for step, (i, j) in enumerate(np.ndindex(oh, ow)):
            r, c = divmod(step, cols)
            x0 = 0.02 + c * (panel_w + 0.25)
            y0 = 0.02 + r * (panel_h + _TITLE_H + 0.15) + _TITLE_H
            window = np.zeros((h, w), dtype=bool)
            window[i : i + kh, j : j + kw] = True
            canvas.pixels(_highlight(window, 0.4), x0, y0, side)
            canvas.cells(x0, y0, h, w, side, inner=True)
            canvas.ax.add_patch(
                Rectangle(
                    (x0 + j * side, y0 + i * side),
                    kw * side,
                    kh * side,
                    fill=False,
                    edgecolor=PALETTE[1],
                    lw=1.8,
                )
            )
            for (p, q), v in np.ndenumerate(x):
                canvas.text(x0 + (q + 0.5) * side, y0 + (p + 0.5) * side, _number(v, digits), font)
            ox, oy = x0 + (w + 1.2) * side, y0 + (h - oh) / 2 * side
            current = np.zeros((oh, ow), dtype=bool)
            current[i, j] = True
            canvas.pixels(_highlight(current, 0.55), ox, oy, side)
            canvas.cells(ox, oy, oh, ow, side, inner=True)
            for (p, q), v in np.ndenumerate(out):
                if p * ow + q <= step:
                    canvas.text(
                        ox + (q + 0.5) * side, oy + (p + 0.5) * side, _number(v, digits), font
                    )
            name = f"y{str(i).translate(sub)}{str(j).translate(sub)}"
            canvas.text(
                x0 + panel_w / 2,
                y0 - 0.05,
                f"{name} = {_number(out[i, j], digits)}",
                _TITLE,
                va="bottom",
            )
        return canvas.finish()


def _highlight(mask: NDArray[np.bool_], alpha: float) -> Array:
    """An RGBA picture: the cells of ``mask`` in the highlight colour, the rest clear."""
    out = np.zeros((*mask.shape, 4))
    out[..., :3] = to_rgb(PALETTE[1])
    out[..., 3] = np.where(mask, alpha, 0.0)
    return out


# --- the pipeline of a CNN -----------------------------------------------------------------------


def _stage_name(layer: Any) -> str:
    """A short name of what a layer does, for the arrow into its output."""
    from nnref.conv import AvgPool2D, Conv2D, MaxPool2D
    from nnref.layers import Dense, Flatten

    if isinstance(layer, Conv2D):
        kh, kw = layer.kernel_size
        extra = "" if layer.stride == (1, 1) else f"\nstride {_short(layer.stride)}"
        return f"conv {kh}×{kw}{extra}"
    if isinstance(layer, MaxPool2D | AvgPool2D):
        kind = "max" if isinstance(layer, MaxPool2D) else "avg"
        kh, kw = layer.kernel_size
        return f"{kind} pool\n{kh}×{kw}"
    if isinstance(layer, Flatten):
        return "flatten"
    if isinstance(layer, Dense):
        return "dense"
    key = getattr(getattr(layer, "activation", None), "key", None)
    return str(key) if key else type(layer).__name__


def _short(pair: tuple[int, int]) -> str:
    return str(pair[0]) if pair[0] == pair[1] else f"{pair[0]}×{pair[1]}"


def cnn_diagram(model: Any, input_shape: Any, width: float | None = None, rows: int = 1) -> Figure:
    """Draw a convolutional network's pipeline from the model object.

    Every layer's output shape comes from its ``output_shape``, so the drawing is the network
    the code holds. Images ``(C, H, W)`` are drawn as stacks of feature maps (up to five
    sheets; their side grows with $H$), vectors as bars; the arrows between them are labelled
    with the operation (convolution, pooling, flatten, dense), and an activation layer joins
    the label of the layer before it.

    Args:
        model: A [`Sequential`][nnref.network.Sequential] network or a list of layers with
            ``output_shape``.
        input_shape: The shape of one input sample, e.g. ``(1, 28, 28)``.
        width: Figure width in inches (1 to 100); default 0.85 per stage of a row.
        rows: Split the stages over this many rows (for a long network on a narrow page);
            a continued row starts with the arrow into its first stage.

    Returns:
        The figure.

    Examples:
        >>> from nnref.conv import Conv2D, MaxPool2D
        >>> from nnref.layers import ActivationLayer, Dense, Flatten
        >>> net = [Conv2D(1, 4, 3, rng=0), ActivationLayer("relu"), MaxPool2D(2), Flatten(),
        ...        Dense(36, 5, rng=0)]
        >>> fig = cnn_diagram(net, (1, 8, 8))
        >>> [t.get_text() for t in fig.axes[0].texts][:3]
        ['input\\n1 map\\n8×8', 'conv 3×3\\n+ relu', '4 maps\\n6×6']
    """
    stages = _stages(model, input_shape)
    size = None if width is None else check_interval(width, "width", 1.0, MAX_INCHES)
    n_rows = check_int(rows, "rows", 1, len(stages))
    with style():
        return _draw_pipeline(stages, size, n_rows)


def _stages(model: Any, input_shape: Any) -> list[tuple[str, tuple[int, ...]]]:
    from nnref.layers import ActivationLayer, PReLU

    stack = _layers_of(model)
    shape = check_sample_shape(input_shape)
    stages: list[tuple[str, tuple[int, ...]]] = [("input", shape)]
    for i, layer in enumerate(stack):
        if not callable(getattr(layer, "output_shape", None)):
            raise error(f"model.layers[{i}]", "a layer with output_shape", layer, TypeError)
        try:
            shape = tuple(int(s) for s in layer.output_shape(shape))
        except (ValueError, TypeError) as exc:
            raise ValueError(
                f"model.layers[{i}] ({layer!r}) cannot take samples of shape {shape}: {exc}"
            ) from None
        if isinstance(layer, ActivationLayer | PReLU) and len(stages) > 1:
            name = layer.activation.key if isinstance(layer, ActivationLayer) else "prelu"
            op, _ = stages[-1]
            stages[-1] = (f"{op}\n+ {name}", shape)
        else:
            stages.append((_stage_name(layer), shape))
    return stages


def _draw_pipeline(
    stages: list[tuple[str, tuple[int, ...]]], width: float | None, rows: int
) -> Figure:
    n = len(stages)
    per_row = -(-n // rows)
    left = -0.5 if rows == 1 else -1.0  # a wrapped row starts with the arrow into it
    units_w = per_row - 1 + 0.5 - left
    inches = (width or 0.85 * units_w) / units_w  # per unit of drawing, the same both ways
    row_h = 2.6
    fig = Figure(figsize=(inches * units_w, inches * row_h * rows))
    ax = fig.add_axes((0, 0, 1, 1))
    spatial = [s for _, s in stages if len(s) == 3]
    biggest = max((max(s[1], s[2]) for s in spatial), default=1)
    flat = [int(np.prod(s)) for _, s in stages if len(s) != 3]
    longest = max(flat, default=1)
    for k, (op, shape) in enumerate(stages):
        x, y = k % per_row, -row_h * (k // per_row)
        if len(shape) == 3:
            c, h, w = shape
            side = 0.22 + 0.38 * np.sqrt(max(h, w) / biggest)
            sheets = min(c, 5)
            for m in range(sheets):
                off = 0.06 * (sheets - 1 - m) - 0.03 * (sheets - 1)
                ax.add_patch(
                    Rectangle(
                        (x - side / 2 + off, y - side / 2 + off),
                        side,
                        side * h / max(h, w),
                        facecolor=POSITIVE,
                        alpha=0.25,
                        edgecolor=INK,
                        lw=0.8,
                    )
                )
            label = f"{c} map{'s' if c != 1 else ''}\n{h}×{w}"
        else:
            size = int(np.prod(shape))
            tall = 0.3 + 0.7 * np.log1p(size) / np.log1p(longest)
            ax.add_patch(
                Rectangle(
                    (x - 0.06, y - tall / 2),
                    0.12,
                    tall,
                    facecolor=PALETTE[2],
                    alpha=0.35,
                    edgecolor=INK,
                    lw=0.8,
                )
            )
            label = str(size)
        if k == 0:
            ax.text(x, y - 0.55, f"input\n{label}", ha="center", va="top", fontsize=_TITLE)
            continue
        start = x - 1 + 0.2 if x > 0 else left + 0.1
        ax.text((start + x - 0.2) / 2, y + 0.62, op, ha="center", va="bottom", fontsize=_TITLE)
        ax.text(x, y - 0.55, label, ha="center", va="top", fontsize=_TITLE)
        ax.add_patch(
            FancyArrowPatch(
                (start, y + 0.52),
                (x - 0.2, y + 0.52),
                arrowstyle="-|>",
                mutation_scale=9,
                color=INK,
                lw=0.9,
            )
        )
    ax.set_xlim(left, per_row - 1 + 0.5)
    ax.set_ylim(-row_h * (rows - 1) - 1.3, 1.3)
    ax.set_axis_off()
    return fig
