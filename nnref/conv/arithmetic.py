"""Convolution arithmetic: output sizes and receptive fields from the hyper-parameters alone.

A kernel of size $k$ with dilation $d$ spans $d(k - 1) + 1$ input pixels (its *effective*
size); it starts at the top-left corner of the input padded by $p$ on each side and moves by the
stride $s$ for as long as it fits, so along one axis of size $n$ there are

$$n_\\text{out} = \\left\\lfloor \\frac{n + 2p - d(k - 1) - 1}{s} \\right\\rfloor + 1$$

positions (PyTorch's formula for ``conv2d`` and, with $d = 1$, for pooling). Stacking layers
makes each output unit depend on a growing patch of the input, its **receptive field**; see
[`receptive_field`][nnref.conv.receptive_field].

Examples:
    >>> conv_output_size(28, 3, padding=1)  # "same" size for a 3x3 kernel
    28
    >>> receptive_field([3, 3, 3]).size  # three stacked 3x3 convolutions
    (7, 7)
"""

from __future__ import annotations

from collections.abc import Iterable
from numbers import Integral
from typing import Any, NamedTuple

from nnref import layers as base_layers
from nnref._validation import error

__all__ = ["ReceptiveField", "conv_output_size", "receptive_field"]

Pair = tuple[int, int]
Pads = tuple[Pair, Pair]
"""Padding as ``((top, bottom), (left, right))``: "same" with an even kernel is asymmetric."""


def _is_int(value: Any) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def as_pair(value: Any, name: str, minimum: int = 1) -> Pair:
    """``value`` (an int, or a pair of ints for height and width) as a pair, each ``>= minimum``.

    Examples:
        >>> as_pair(3, "kernel_size"), as_pair((1, 2), "stride")
        ((3, 3), (1, 2))
        >>> as_pair(0, "stride")
        Traceback (most recent call last):
        ...
        ValueError: stride must be a positive integer or a pair of them (height, width), got 0
    """
    word = "positive" if minimum == 1 else "non-negative"
    rule = f"a {word} integer or a pair of them (height, width)"
    if _is_int(value):
        items: tuple[Any, ...] = (value, value)
    elif isinstance(value, tuple | list):
        items = tuple(value)
        if len(items) != 2:
            raise error(name, rule, value)
        if not all(_is_int(v) for v in items):
            raise error(name, rule, value, TypeError)
    else:
        raise error(name, rule, value, TypeError)
    if any(int(v) < minimum for v in items):
        raise error(name, rule, value)
    return int(items[0]), int(items[1])


def effective_kernel(kernel: Pair, dilation: Pair) -> Pair:
    """The input span of a dilated kernel along each axis: $d(k - 1) + 1$."""
    return dilation[0] * (kernel[0] - 1) + 1, dilation[1] * (kernel[1] - 1) + 1


def resolve_padding(padding: Any, kernel: Pair, stride: Pair, dilation: Pair) -> Pads:
    """``padding`` (int, pair, or ``"same"``/``"valid"``) as ``((top, bottom), (left, right))``.

    ``"same"`` follows PyTorch: only for stride 1; the total padding $d(k - 1)$ of an axis is
    split with the smaller half before (top, left) and the larger after (bottom, right).

    Examples:
        >>> resolve_padding("same", (4, 3), (1, 1), (1, 1))
        ((1, 2), (1, 1))
    """
    if isinstance(padding, str):
        if padding == "valid":
            return (0, 0), (0, 0)
        if padding != "same":
            raise error(
                "padding", "a non-negative integer, a pair of them, 'same' or 'valid'", padding
            )
        if stride != (1, 1):
            raise ValueError(
                "padding must be an integer or a pair of them when stride is not 1 ('same' "
                f"keeps the size only for stride 1, as in PyTorch), got 'same' with stride "
                f"{stride}"
            )
        th, tw = dilation[0] * (kernel[0] - 1), dilation[1] * (kernel[1] - 1)
        return (th // 2, th - th // 2), (tw // 2, tw - tw // 2)
    ph, pw = as_pair(padding, "padding", minimum=0)
    return (ph, ph), (pw, pw)


def output_hw(
    in_hw: Pair, kernel: Pair, stride: Pair, pads: Pads, dilation: Pair, name: str, value: Any
) -> Pair:
    """Output height and width; ``ValueError`` naming ``name`` if the kernel does not fit."""
    span = effective_kernel(kernel, dilation)
    padded = (in_hw[0] + sum(pads[0]), in_hw[1] + sum(pads[1]))
    if padded[0] < span[0] or padded[1] < span[1]:
        raise error(
            name,
            f"no larger than the padded input (height, width) {padded} once dilated "
            f"(the kernel spans {span})",
            value,
        )
    return (
        (padded[0] - span[0]) // stride[0] + 1,
        (padded[1] - span[1]) // stride[1] + 1,
    )


def conv_output_size(
    size: int | tuple[int, int],
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] | str = 0,
    dilation: int | tuple[int, int] = 1,
) -> Any:
    """The number of kernel positions along an axis: the output size of a convolution.

    $$n_\\text{out} = \\left\\lfloor \\frac{n + 2p - d(k - 1) - 1}{s} \\right\\rfloor + 1$$

    for input size $n$, kernel size $k$, stride $s$, padding $p$ on both sides and dilation
    $d$, as in PyTorch (pooling layers use it with $d = 1$). ``padding="same"`` (stride 1
    only) pads $d(k - 1)$ in all, so $n_\\text{out} = n$; ``"valid"`` means $p = 0$.

    Args:
        size: Input size $n$ (positive), or a pair (height, width).
        kernel_size: $k$ (positive), or a pair.
        stride: $s$ (positive), or a pair.
        padding: $p$ (non-negative), a pair, ``"same"`` or ``"valid"``.
        dilation: $d$ (positive), or a pair.

    Returns:
        An int, or a pair (height, width) if any argument is a pair.

    Raises:
        ValueError: naming ``kernel_size`` if the dilated kernel is larger than the padded
            input, or naming the argument that is not a positive (non-negative for padding)
            integer.

    Examples:
        >>> conv_output_size(5, 3), conv_output_size(5, 3, padding=1)
        (3, 5)
        >>> conv_output_size(5, 3, stride=2, padding=1), conv_output_size(7, 3, dilation=2)
        (3, 3)
        >>> conv_output_size(240, 5), conv_output_size((28, 20), 3, padding="same")
        (236, (28, 20))
        >>> conv_output_size(4, 5)
        Traceback (most recent call last):
        ...
        ValueError: kernel_size must be no larger than the padded input (height, width) \
(4, 4) once dilated (the kernel spans (5, 5)), got 5
    """
    pairs = any(isinstance(v, tuple | list) for v in (size, kernel_size, stride, padding, dilation))
    n = as_pair(size, "size")
    kernel = as_pair(kernel_size, "kernel_size")
    steps = as_pair(stride, "stride")
    dil = as_pair(dilation, "dilation")
    pads = resolve_padding(padding, kernel, steps, dil)
    out = output_hw(n, kernel, steps, pads, dil, "kernel_size", kernel_size)
    return out if pairs else out[0]


class ReceptiveField(NamedTuple):
    """The input region one output unit of a stack of layers sees (each a (height, width) pair).

    Attributes:
        size: $r$, the side of the region in input pixels.
        jump: $j$, the distance in input pixels between the regions of two neighbouring
            output units (the product of the strides).
        start: The input coordinate of the centre of the first (top-left) unit's region;
            pixel $i$ has coordinate $i$, so a negative value lies in the padding.

    Examples:
        >>> field = receptive_field([3, 3])
        >>> field.size, field.jump, field.start
        ((5, 5), (1, 1), (2.0, 2.0))
    """

    size: Pair
    jump: Pair
    start: tuple[float, float]


# A spec as receptive_field reads it: kernel, stride, dilation, padding before (per axis).
_Spec = tuple[Pair, Pair, Pair, Pair]


def _spec_from_tuple(item: Any, name: str) -> _Spec:
    values = (item,) if not isinstance(item, tuple | list) else tuple(item)
    if not 1 <= len(values) <= 4:
        raise error(name, "a (kernel, stride, dilation, padding) tuple of 1 to 4 entries", item)
    names = ("kernel", "stride", "dilation", "padding")
    defaults = (None, 1, 1, 0)
    full = values + defaults[len(values) :]
    kernel = as_pair(full[0], f"{name}[0] ({names[0]})")
    stride = as_pair(full[1], f"{name}[1] ({names[1]})")
    dilation = as_pair(full[2], f"{name}[2] ({names[2]})")
    padding = as_pair(full[3], f"{name}[3] ({names[3]})", minimum=0)
    return kernel, stride, dilation, padding


def _specs(layers: Any) -> list[_Spec]:
    items = getattr(layers, "layers", layers)
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise error(
            "layers", "a sequence of layers or kernel specs, input first", layers, TypeError
        )
    items = list(items)
    specs: list[_Spec] = []
    for i, item in enumerate(items):
        name = f"layers[{i}]"
        if hasattr(item, "kernel_size") and hasattr(item, "pads"):
            pads = item.pads
            specs.append((item.kernel_size, item.stride, item.dilation, (pads[0][0], pads[1][0])))
        elif isinstance(item, base_layers.PReLU) or (
            isinstance(item, base_layers.ActivationLayer) and item.activation.elementwise
        ):
            continue  # pixel by pixel: the field does not change
        elif _is_int(item) or isinstance(item, tuple | list):
            specs.append(_spec_from_tuple(item, name))
        else:
            raise error(
                name,
                "a convolution or pooling layer, an elementwise activation layer, a kernel "
                "size or a (kernel, stride, dilation, padding) tuple",
                item,
                TypeError,
            )
    return specs


def receptive_field(layers: Iterable[Any]) -> ReceptiveField:
    """The receptive field of one output unit of a stack of convolution and pooling layers.

    With $r_0 = 1$, $j_0 = 1$, and for layer $l$ the effective kernel
    $k_l = d_l(\\kappa_l - 1) + 1$ (kernel $\\kappa_l$, dilation $d_l$), stride $s_l$ and
    padding $p_l$ before the first pixel:

    $$r_l = r_{l-1} + (k_l - 1)\\, j_{l-1}, \\qquad j_l = j_{l-1}\\, s_l,
    \\qquad c_l = c_{l-1} + \\Bigl(\\frac{k_l - 1}{2} - p_l\\Bigr) j_{l-1}$$

    so in closed form $r_L = 1 + \\sum_{l=1}^{L} (k_l - 1) \\prod_{i<l} s_i$: each layer
    widens the field by its kernel's reach measured in input pixels, and every stride makes
    the later layers' steps larger. ($c_L$ is the centre of the first unit's field.) Padding
    moves the field but does not change its size.

    Args:
        layers: In input-to-output order: [`Conv2D`][nnref.conv.Conv2D],
            [`MaxPool2D`][nnref.conv.MaxPool2D] and [`AvgPool2D`][nnref.conv.AvgPool2D]
            layers (or a ``Sequential`` of them); elementwise activation layers and
            ``PReLU`` (which leave the field as it is); or specs: a kernel size, or a tuple
            ``(kernel, stride=1, dilation=1, padding=0)``, each entry an int or a pair.

    Returns:
        A [`ReceptiveField`][nnref.conv.ReceptiveField] of (height, width) pairs.

    Examples:
        >>> [receptive_field([3] * n).size[0] for n in (1, 2, 3)]
        [3, 5, 7]
        >>> receptive_field([(3, 1, 1, 1), (2, 2), (3, 1, 1, 1)])  # conv, 2x2 pool, conv
        ReceptiveField(size=(8, 8), jump=(2, 2), start=(0.5, 0.5))
        >>> receptive_field([(3, 1, 2)]).size  # a dilated 3x3 kernel spans 5 pixels
        (5, 5)
    """
    size = [1, 1]
    jump = [1, 1]
    start = [0.0, 0.0]
    for kernel, stride, dilation, padding in _specs(layers):
        span = effective_kernel(kernel, dilation)
        for a in (0, 1):
            size[a] += (span[a] - 1) * jump[a]
            start[a] += ((span[a] - 1) / 2 - padding[a]) * jump[a]
            jump[a] *= stride[a]
    return ReceptiveField((size[0], size[1]), (jump[0], jump[1]), (start[0], start[1]))
