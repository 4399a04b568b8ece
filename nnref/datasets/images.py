"""Small generated images for convolutional networks: simple shapes at random places, with noise.

Every image is drawn, not downloaded: a shape of a random size at a random position on a dark
background, plus Gaussian pixel noise, all from the ``rng`` argument (the same seed gives the
same images). The classes differ in *form* (orientation, crossing lines, corners, curvature),
not in position or size, which is what a convolutional network is good at: its kernels find a
stroke wherever it lies.

Examples:
    >>> from nnref.datasets import shape_images
    >>> X, y = shape_images(10, size=8, rng=0)
    >>> X.shape, y.tolist()[:5]
    ((10, 1, 8, 8), [2, 3, 1, 3, 1])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from nnref._typing import Array
from nnref._validation import (
    check_nonnegative,
    check_positive_int,
    check_result,
    check_rng,
    error,
)

__all__ = ["SHAPE_NAMES", "shape_images"]

#: The shapes [`shape_images`][nnref.datasets.shape_images] draws, in label order.
SHAPE_NAMES: tuple[str, ...] = ("vertical", "horizontal", "cross", "square", "circle")

_MIN_SIZE = 6
_MIN_BOX = 4  # a 3-pixel circle would be the 3-pixel square


def _masks(name: str, u: NDArray[Any], v: NDArray[Any], length: NDArray[Any]) -> NDArray[Any]:
    """The pixels of shape ``name`` in box coordinates ``u`` (row), ``v`` (column)."""
    inside = (u >= 0) & (u < length) & (v >= 0) & (v < length)
    middle = length // 2
    if name == "vertical":
        drawn = v == middle
    elif name == "horizontal":
        drawn = u == middle
    elif name == "cross":
        drawn = (u == middle) | (v == middle)
    elif name == "square":
        drawn = (u == 0) | (u == length - 1) | (v == 0) | (v == length - 1)
    else:  # circle: the pixels within half a pixel of the circle inscribed in the box
        radius = (length - 1) / 2
        drawn = np.abs(np.hypot(u - radius, v - radius) - radius) < 0.5
    mask: NDArray[Any] = inside & drawn
    return mask


def shape_images(
    n_samples: int = 500,
    size: int = 12,
    noise: float = 0.1,
    classes: Sequence[str] = SHAPE_NAMES,
    rng: np.random.Generator | int | None = None,
) -> tuple[Array, NDArray[np.int64]]:
    """Images of simple shapes at random positions and sizes: a small CNN data set.

    Each image is $x = m + \\sigma \\varepsilon$, where $m$ is 1 on the pixels of the
    shape and 0 elsewhere and $\\varepsilon$ is standard normal noise. The shape fills a
    square box of side $L$, drawn uniformly from $\\max(4, \\lceil (n + 2)/3 \\rceil)$ to
    $n - 2$ for images of $n \\times n$ pixels, placed uniformly at random inside the image:

    - ``"vertical"``: a vertical bar one pixel wide, the middle column of the box;
    - ``"horizontal"``: a horizontal bar, the middle row;
    - ``"cross"``: both (a plus sign);
    - ``"square"``: the outline of the box;
    - ``"circle"``: the circle inscribed in the box, the pixels whose centres lie within
      half a pixel of it.

    The samples are split as evenly as possible between the classes and returned in random
    order.

    Args:
        n_samples: Number of images.
        size: Image height and width $n$ in pixels, at least 6.
        noise: Standard deviation $\\sigma$ of the noise, at least 0.
        classes: Which shapes, in label order (a subset of ``SHAPE_NAMES``, no repeats).
        rng: Random generator or int seed.

    Returns:
        ``X`` of shape ``(n_samples, 1, size, size)`` (float64, one channel, NCHW) and the
        labels ``y`` of shape ``(n_samples,)``: $y = k$ for ``classes[k]``.

    Examples:
        >>> X, y = shape_images(100, rng=0)
        >>> X.shape, np.bincount(y).tolist()
        ((100, 1, 12, 12), [20, 20, 20, 20, 20])
        >>> X, y = shape_images(1, size=8, noise=0.0, classes=["cross"], rng=1)
        >>> print(X[0, 0].astype(int))
        [[0 0 0 0 0 0 0 0]
         [0 0 0 0 0 0 0 0]
         [0 0 0 0 0 1 0 0]
         [0 0 0 0 0 1 0 0]
         [0 0 0 1 1 1 1 1]
         [0 0 0 0 0 1 0 0]
         [0 0 0 0 0 1 0 0]
         [0 0 0 0 0 0 0 0]]
    """
    n = check_positive_int(n_samples, "n_samples")
    side = check_positive_int(size, "size")
    if side < _MIN_SIZE:
        raise error("size", f"at least {_MIN_SIZE} pixels", size)
    sigma = check_nonnegative(noise, "noise")
    if isinstance(classes, str) or not isinstance(classes, Sequence):
        raise error("classes", f"a sequence of names from {SHAPE_NAMES}", classes, TypeError)
    names = tuple(classes)
    unknown = [c for c in names if c not in SHAPE_NAMES]
    if not names or unknown or len(set(names)) != len(names):
        raise error(
            "classes", f"a non-empty sequence of distinct names from {SHAPE_NAMES}", classes
        )
    generator = check_rng(rng)
    k = len(names)
    counts = [n // k + (1 if c < n % k else 0) for c in range(k)]
    y = generator.permutation(np.repeat(np.arange(k, dtype=np.int64), counts))

    low, high = max(_MIN_BOX, -(-(side + 2) // 3)), side - 2
    length = generator.integers(low, high + 1, size=n)
    top = generator.integers(0, side - length + 1)
    left = generator.integers(0, side - length + 1)
    rows = np.arange(side)[None, :, None] - top[:, None, None]
    cols = np.arange(side)[None, None, :] - left[:, None, None]
    box = length[:, None, None]
    m = np.zeros((n, side, side), dtype=np.float64)
    for label, name in enumerate(names):
        chosen = y == label
        m[chosen] = _masks(name, rows[chosen], cols[chosen], box[chosen])
    with np.errstate(over="ignore", invalid="ignore"):
        X = m + sigma * generator.standard_normal(m.shape)
    return check_result(X, "noise", "the pixels")[:, None], y
