"""Small generated data sets and the helpers to split and standardise them.

Nothing is downloaded: every data set is computed, and all randomness comes from the ``rng``
argument (a ``numpy.random.Generator`` or an int seed), so the same seed gives the same data.

- [`gate`][nnref.datasets.gate]: the truth tables of the boolean gates (AND, OR, NAND, NOR,
  XOR, XNOR), the classic test of linear separability;
- [`blobs`][nnref.datasets.blobs], [`moons`][nnref.datasets.moons] and
  [`spirals`][nnref.datasets.spirals]: point clouds in the plane, from linearly separable to
  far from it;
- [`shape_images`][nnref.datasets.shape_images]: small images of bars, crosses, squares and
  circles at random positions, for convolutional networks (``(N, 1, H, W)``);
- [`train_test_split`][nnref.datasets.train_test_split] to hold out test data, and
  [`standardize`][nnref.datasets.standardize] /
  [`Standardizer`][nnref.datasets.Standardizer] to give features mean 0 and standard
  deviation 1.

Examples:
    >>> from nnref.datasets import gate
    >>> X, y = gate("xor")
    >>> y
    array([0, 1, 1, 0])
"""

from __future__ import annotations

import math
from numbers import Integral, Real
from typing import Any, Self

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    as_label_array,
    as_sample_matrix,
    check_finite,
    check_fitted,
    check_n_features,
    check_ndim,
    check_nonnegative,
    check_positive_int,
    check_representable,
    check_result,
    check_rng,
    error,
)
from nnref.datasets.images import SHAPE_NAMES, shape_images
from nnref.datasets.sequences import delayed_recall, noisy_sine, winner_take_all

__all__ = [
    "GATE_NAMES",
    "SHAPE_NAMES",
    "Standardizer",
    "blobs",
    "delayed_recall",
    "gate",
    "moons",
    "shape_images",
    "noisy_sine",
    "spirals",
    "standardize",
    "train_test_split",
    "winner_take_all",
]

Labels = NDArray[np.int64]

# The output column of each gate's truth table, for the inputs (0,0), (0,1), (1,0), (1,1).
_GATES: dict[str, tuple[int, int, int, int]] = {
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "nand": (1, 1, 1, 0),
    "nor": (1, 0, 0, 0),
    "xor": (0, 1, 1, 0),
    "xnor": (1, 0, 0, 1),
}

#: The gates [`gate`][nnref.datasets.gate] knows, in page order.
GATE_NAMES: tuple[str, ...] = tuple(_GATES)


def gate(name: str, labels: tuple[Any, Any] = (0, 1)) -> tuple[Array, NDArray[Any]]:
    """The truth table of a two-input boolean gate as a data set.

    The inputs are the four points $(x_1, x_2) \\in \\{0, 1\\}^2$ in the order
    (0,0), (0,1), (1,0), (1,1); the target is the gate's output, e.g.
    $y = x_1 \\wedge x_2$ for AND and $y = x_1 \\oplus x_2$ for XOR. All gates but XOR and
    XNOR are linearly separable.

    Args:
        name: One of ``"and"``, ``"or"``, ``"nand"``, ``"nor"``, ``"xor"``, ``"xnor"``
            (any case).
        labels: The (false, true) pair of labels, e.g. ``(0, 1)`` or ``(-1, 1)``.

    Returns:
        ``X`` of shape ``(4, 2)`` (floats 0 and 1) and ``y`` of shape ``(4,)`` in ``labels``.

    Examples:
        >>> X, y = gate("and")
        >>> X
        array([[0., 0.],
               [0., 1.],
               [1., 0.],
               [1., 1.]])
        >>> y
        array([0, 0, 0, 1])
        >>> gate("or", labels=(-1, 1))[1]
        array([-1,  1,  1,  1])
    """
    if not isinstance(name, str):
        raise error("name", "one of " + ", ".join(repr(k) for k in _GATES), name, TypeError)
    key = name.lower()
    if key not in _GATES:
        raise error("name", "one of " + ", ".join(repr(k) for k in _GATES), name)
    pair = as_label_array(labels, 2, "labels")
    if pair[0] == pair[1]:
        raise error("labels", "two different labels (false, true)", labels)
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
    return X, pair[np.array(_GATES[key])]


def _split_counts(n_samples: int, n_groups: int) -> list[int]:
    """``n_samples`` split into ``n_groups`` near-equal counts, the first groups one larger."""
    base, extra = divmod(n_samples, n_groups)
    return [base + (1 if g < extra else 0) for g in range(n_groups)]


def _shuffled(rng: np.random.Generator, X: Array, y: Labels) -> tuple[Array, Labels]:
    order = rng.permutation(X.shape[0])
    return X[order], y[order]


def blobs(
    n_samples: int = 100,
    centers: int | ArrayLike = 3,
    cluster_std: float | ArrayLike = 1.0,
    n_features: int | None = None,
    rng: np.random.Generator | int | None = None,
) -> tuple[Array, Labels]:
    """Gaussian blobs: one isotropic normal cloud per class.

    Class $k$ draws its points from $\\mathcal{N}(\\boldsymbol\\mu_k, \\sigma_k^2 I)$. The
    samples are split as evenly as possible between the classes and returned in random order.

    Args:
        n_samples: Total number of points.
        centers: The number of classes (their centres are then drawn uniformly from the box
            $[-10, 10]^{n_\\text{features}}$), or the centres themselves, shape
            ``(n_classes, n_features)``.
        cluster_std: The standard deviation $\\sigma$, one for all classes or one per class.
        n_features: Dimension of the points when ``centers`` is a number (default 2). Given
            centres fix the dimension; a different ``n_features`` is then an error.
        rng: Random generator or int seed.

    Returns:
        ``X`` of shape ``(n_samples, n_features)`` and the class indices ``y`` (0, 1, ...) of
        shape ``(n_samples,)``.

    Examples:
        >>> X, y = blobs(6, centers=[[0, 0], [10, 10]], cluster_std=0.1, rng=0)
        >>> X.shape, sorted(y.tolist())
        ((6, 2), [0, 0, 0, 1, 1, 1])
        >>> bool(np.all(np.abs(X - 10 * y[:, None]) < 1))
        True
    """
    n = check_positive_int(n_samples, "n_samples")
    d = None if n_features is None else check_positive_int(n_features, "n_features")
    generator = check_rng(rng)
    if isinstance(centers, Integral) and not isinstance(centers, bool):
        k = check_positive_int(centers, "centers")
        means = generator.uniform(-10.0, 10.0, size=(k, 2 if d is None else d))
    else:
        means = check_finite(as_float_array(centers, "centers"), "centers")
        check_ndim(means, "centers", (2,), "n_classes, n_features")
        if means.shape[0] == 0 or means.shape[1] == 0:
            raise error(
                "centers", "a positive int or a non-empty (n_classes, n_features) array", means
            )
        if d is not None and d != means.shape[1]:
            raise error("n_features", f"None or the centres' dimension {means.shape[1]}", d)
    k, d = means.shape
    std = as_float_array(cluster_std, "cluster_std")
    if np.asarray(cluster_std).dtype == np.bool_:
        raise error("cluster_std", "a number or one value per class", cluster_std, TypeError)
    if std.ndim > 1 or (std.ndim == 1 and std.shape[0] != k):
        raise error("cluster_std", f"a number or one value per class ({k})", cluster_std)
    if not np.all(np.isfinite(std) & (std >= 0)):
        raise error("cluster_std", "non-negative and finite", cluster_std)
    stds = np.broadcast_to(std, (k,))
    counts = _split_counts(n, k)
    with np.errstate(over="ignore", invalid="ignore"):
        X = np.concatenate(
            [
                m + s * generator.standard_normal((c, d))
                for m, s, c in zip(means, stds, counts, strict=True)
            ]
        ).astype(np.float64)
    check_result(X, "cluster_std", "the points")
    y = np.repeat(np.arange(k, dtype=np.int64), counts)
    return _shuffled(generator, X, y)


def moons(
    n_samples: int = 100, noise: float = 0.0, rng: np.random.Generator | int | None = None
) -> tuple[Array, Labels]:
    """Two interleaving half circles: not linearly separable, but easy for a small network.

    Class 0 lies on the upper half circle $(\\cos t, \\sin t)$, class 1 on the lower one
    shifted into it, $(1 - \\cos t, \\tfrac12 - \\sin t)$, for $t \\in [0, \\pi]$; then every
    coordinate gets Gaussian noise of standard deviation ``noise``. Returned in random order.

    Args:
        n_samples: Total number of points (class 0 gets the smaller half), at least 2.
        noise: Standard deviation of the added Gaussian noise, at least 0.
        rng: Random generator or int seed.

    Returns:
        ``X`` of shape ``(n_samples, 2)`` and ``y`` in {0, 1} of shape ``(n_samples,)``.

    Examples:
        >>> X, y = moons(50, noise=0.1, rng=0)
        >>> X.shape, int(y.sum())
        ((50, 2), 25)
    """
    n = check_positive_int(n_samples, "n_samples")
    if n < 2:
        raise error("n_samples", "at least 2 (one point per moon)", n_samples)
    sigma = check_nonnegative(noise, "noise")
    generator = check_rng(rng)
    n_upper, n_lower = n // 2, n - n // 2
    t_upper = np.linspace(0.0, np.pi, n_upper)
    t_lower = np.linspace(0.0, np.pi, n_lower)
    X = np.concatenate(
        [
            np.column_stack([np.cos(t_upper), np.sin(t_upper)]),
            np.column_stack([1.0 - np.cos(t_lower), 0.5 - np.sin(t_lower)]),
        ]
    )
    X = _with_noise(X, sigma, generator)
    y = np.repeat(np.array([0, 1], dtype=np.int64), [n_upper, n_lower])
    return _shuffled(generator, X, y)


def spirals(
    n_samples: int = 100,
    n_classes: int = 2,
    noise: float = 0.0,
    turns: float = 1.0,
    rng: np.random.Generator | int | None = None,
) -> tuple[Array, Labels]:
    """Interleaved spiral arms, one per class: a classic hard case for linear models.

    Along arm $k$ of $K$ the radius $r$ runs evenly from $1/m$ to 1 (for $m$ points) and
    the angle is $\\theta = 2\\pi\\,(k / K + \\text{turns} \\cdot r)$; the point is
    $r\\,(\\cos\\theta, \\sin\\theta)$ plus Gaussian noise of standard deviation ``noise``.
    Returned in random order.

    Args:
        n_samples: Total number of points, split as evenly as possible between the arms.
        n_classes: Number of arms (classes), at least 2.
        noise: Standard deviation of the added Gaussian noise, at least 0.
        turns: How many full turns each arm makes, above 0.
        rng: Random generator or int seed.

    Returns:
        ``X`` of shape ``(n_samples, 2)`` and the class indices ``y`` of shape
        ``(n_samples,)``.

    Examples:
        >>> X, y = spirals(90, n_classes=3, noise=0.05, rng=0)
        >>> X.shape, np.bincount(y).tolist()
        ((90, 2), [30, 30, 30])
    """
    n = check_positive_int(n_samples, "n_samples")
    k = check_positive_int(n_classes, "n_classes")
    if k < 2:
        raise error("n_classes", "at least 2", n_classes)
    if n < k:
        raise error("n_samples", f"at least n_classes ({k})", n_samples)
    sigma = check_nonnegative(noise, "noise")
    if (
        isinstance(turns, bool)
        or not isinstance(turns, Real)
        or not (math.isfinite(turns) and turns > 0)
    ):
        raise error("turns", "a positive real number", turns)
    generator = check_rng(rng)
    counts = _split_counts(n, k)
    parts = []
    for arm, m in enumerate(counts):
        r = np.arange(1, m + 1) / m
        with np.errstate(over="ignore", invalid="ignore"):
            theta = 2.0 * np.pi * (arm / k + float(turns) * r)
        check_result(theta, "turns", "the angles")
        parts.append(r[:, None] * np.column_stack([np.cos(theta), np.sin(theta)]))
    X = _with_noise(np.concatenate(parts), sigma, generator)
    y = np.repeat(np.arange(k, dtype=np.int64), counts)
    return _shuffled(generator, X, y)


def _with_noise(X: Array, sigma: float, generator: np.random.Generator) -> Array:
    """``X`` plus Gaussian noise of standard deviation ``sigma`` (the argument ``noise``),
    which must leave the points within the float range."""
    with np.errstate(over="ignore", invalid="ignore"):
        noisy: Array = X + sigma * generator.standard_normal(X.shape)
    return check_result(noisy, "noise", "the noisy points")


def train_test_split(
    X: ArrayLike,
    y: ArrayLike,
    test_size: float | int = 0.25,
    shuffle: bool = True,
    rng: np.random.Generator | int | None = None,
) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any], NDArray[Any]]:
    """Hold out part of a data set for testing.

    A float ``test_size`` is a fraction: $n_\\text{test} = \\lceil \\text{test\\_size}
    \\cdot n \\rceil$; an int is a count. Both parts must be non-empty.

    Args:
        X: Samples, shape ``(n_samples, ...)``: anything with the samples along the first axis.
        y: Their labels or targets, shape ``(n_samples,)``.
        test_size: The fraction in (0, 1) or the number of samples to hold out.
        shuffle: Pick the test samples at random (with ``rng``); otherwise the last
            $n_\\text{test}$ samples are the test set.
        rng: Random generator or int seed.

    Returns:
        ``X_train, X_test, y_train, y_test``.

    Examples:
        >>> X, y = np.arange(16).reshape(8, 2), np.arange(8)
        >>> X_train, X_test, y_train, y_test = train_test_split(X, y, shuffle=False)
        >>> y_train, y_test
        (array([0, 1, 2, 3, 4, 5]), array([6, 7]))
    """
    data = np.asarray(X)
    if data.ndim == 0:
        raise error("X", "an array with the samples along the first axis", X)
    n = data.shape[0]
    labels = as_label_array(y, n)
    if isinstance(test_size, bool) or not isinstance(test_size, Real):
        raise error(
            "test_size", "a fraction in (0, 1) or a number of samples", test_size, TypeError
        )
    if isinstance(test_size, Integral):
        n_test = int(test_size)
    elif 0 < test_size < 1:
        n_test = math.ceil(float(test_size) * n)
    else:
        raise error("test_size", "a fraction strictly between 0 and 1, or an int", test_size)
    if not 1 <= n_test <= n - 1:
        raise ValueError(
            f"test_size must leave at least one sample in each part of the {n} samples, got "
            f"{test_size!r} ({n_test} test sample(s))"
        )
    if not isinstance(shuffle, bool | np.bool_):
        raise error("shuffle", "True or False", shuffle, TypeError)
    order = check_rng(rng).permutation(n) if shuffle else np.arange(n)
    train, test = order[: n - n_test], order[n - n_test :]
    return data[train], data[test], labels[train], labels[test]


def standardize(X: ArrayLike, mean: ArrayLike | None = None, std: ArrayLike | None = None) -> Array:
    """Standardise every feature: $z = (x - \\mu) / \\sigma$.

    Without ``mean`` and ``std`` the statistics of ``X`` itself are used (the population
    standard deviation, ``ddof=0``); a feature whose values are all equal is only centred
    (to exactly 0). To treat test data like training data, pass the training statistics, or
    use a [`Standardizer`][nnref.datasets.Standardizer].

    Every feature is first divided by a power of two near its largest magnitude (exactly, no
    rounding), so the statistics are right over the whole float range: features near the
    largest float do not overflow when squared, and tiny ones (even subnormal) keep their
    spread.

    Args:
        X: Samples, shape ``(n_samples, n_features)``.
        mean: $\\mu$ per feature, shape ``(n_features,)`` (or one number).
        std: $\\sigma$ per feature, positive, shape ``(n_features,)`` (or one number).

    Returns:
        The standardised samples, shape ``(n_samples, n_features)``.

    Raises:
        ValueError: if a standardised value passes the float range (a tiny ``std`` for
            large data).

    Examples:
        >>> standardize([[1.0, 10.0], [3.0, 10.0]])
        array([[-1.,  0.],
               [ 1.,  0.]])
        >>> standardize([[1e308, 1e-310], [-1e308, 3e-310]])  # the float range's two ends
        array([[ 1., -1.],
               [-1.,  1.]])
    """
    data = as_sample_matrix(X)
    d = data.shape[1]
    if mean is None and std is None:
        return _statistics(data)[2]
    mu = _statistics(data)[0] if mean is None else _feature_vector(mean, "mean", d, data.dtype)
    if std is None:
        sd = _statistics(data)[1]
    else:
        sd = _feature_vector(std, "std", d, data.dtype)
        if not np.all(sd > 0):
            raise error("std", "positive for every feature", sd)
    s = _powers_of_two(np.vstack([data, mu]))
    with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
        z: Array = (data / s - mu / s) / (sd / s)
    return check_result(z, "X", "the standardised values")


def _powers_of_two(data: Array) -> Array:
    """Per column a power of two $2^k$ with $2^k \\le \\max |x| < 2^{k+1}$ (1 for a column
    of zeros): dividing by it is exact and brings every value into $(-2, 2)$."""
    top = np.max(np.abs(data), axis=0)
    _, exponent = np.frexp(top)
    scale = np.ldexp(np.ones_like(top), exponent - 1)
    scale[top == 0] = 1
    return scale


def _statistics(data: Array) -> tuple[Array, Array, Array]:
    """Mean, population standard deviation and standardised data, per feature, computed on
    the data divided by a power of two (``_powers_of_two``): nothing overflows or underflows.

    A feature whose values are all equal gets its value as the mean and 1 as the deviation
    (rounding could otherwise leave a tiny deviation that blows the rounding residue of the
    mean up to order 1), and so standardises to exactly 0.
    """
    s = _powers_of_two(data)
    scaled = data / s
    mu = scaled.mean(axis=0)
    constant = np.all(data == data[0], axis=0)
    mu[constant] = scaled[0, constant]
    centred = scaled - mu
    sd = np.sqrt(np.mean(centred * centred, axis=0))
    sd[constant] = 1
    z: Array = centred / sd
    scale = s.copy()
    scale[constant] = 1
    return mu * s, sd * scale, z


def _feature_vector(value: ArrayLike, name: str, d: int, dtype: np.dtype[Any]) -> Array:
    arr = check_finite(as_float_array(value, name), name)
    if arr.ndim > 1 or (arr.ndim == 1 and arr.shape[0] != d):
        raise error(name, f"a number or one value per feature ({d})", arr)
    check_representable(arr, dtype, name)
    return np.broadcast_to(arr.astype(dtype, copy=False), (d,))


class Standardizer:
    """Learn per-feature mean and standard deviation on training data, then apply them.

    $$z = \\frac{x - \\mu}{\\sigma}, \\qquad x = z\\,\\sigma + \\mu$$

    Fit on the training set only, then transform training and test data with the same
    $\\mu$ and $\\sigma$, so no information from the test set leaks into training.

    Attributes:
        mean_: $\\mu$ per feature, shape ``(n_features,)``.
        scale_: $\\sigma$ per feature (1 where all values of a feature are equal), shape
            ``(n_features,)``.

    Examples:
        >>> s = Standardizer().fit([[0.0], [2.0], [4.0]])
        >>> float(s.mean_[0]), s.transform([[6.0]])
        (2.0, array([[2.44948974]]))
    """

    mean_: Array
    scale_: Array

    def fit(self, X: ArrayLike) -> Self:
        """Learn $\\mu$ and $\\sigma$ of every feature of ``X`` ``(n_samples, n_features)``."""
        data = as_sample_matrix(X)
        self.mean_, self.scale_, _ = _statistics(data)
        return self

    def transform(self, X: ArrayLike) -> Array:
        """Standardise ``X`` with the learned $\\mu$ and $\\sigma$ (see ``standardize``)."""
        check_fitted(self, "mean_")
        data = check_n_features(as_sample_matrix(X), self.mean_.shape[0])
        return standardize(data, self.mean_, self.scale_)

    def fit_transform(self, X: ArrayLike) -> Array:
        """``fit(X)`` followed by ``transform(X)`` (computed together)."""
        data = as_sample_matrix(X)
        self.mean_, self.scale_, z = _statistics(data)
        return z

    def inverse_transform(self, Z: ArrayLike) -> Array:
        """Undo the standardisation: $x = z\\,\\sigma + \\mu$."""
        check_fitted(self, "mean_")
        data = check_n_features(as_sample_matrix(Z, "Z"), self.mean_.shape[0], "Z")
        with np.errstate(over="ignore", invalid="ignore"):
            x: Array = data * self.scale_.astype(data.dtype) + self.mean_.astype(data.dtype)
        return check_result(x, "Z", "the original values")

    def __repr__(self) -> str:
        return "Standardizer()"
