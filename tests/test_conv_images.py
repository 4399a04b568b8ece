"""The generated image set for convolutional networks: nnref.datasets.shape_images."""

from __future__ import annotations

import numpy as np
import pytest

from nnref.datasets import SHAPE_NAMES, shape_images


def _clean(name: str, n: int = 60, size: int = 12, seed: int = 0) -> np.ndarray:
    X, y = shape_images(n, size=size, noise=0.0, classes=[name], rng=seed)
    assert np.all(y == 0)
    return X[:, 0]


def test_shapes_labels_and_balance() -> None:
    X, y = shape_images(103, size=10, rng=0)
    assert X.shape == (103, 1, 10, 10) and X.dtype == np.float64
    assert y.dtype == np.int64
    assert np.bincount(y).tolist() == [21, 21, 21, 20, 20]
    assert SHAPE_NAMES == ("vertical", "horizontal", "cross", "square", "circle")


def test_the_same_seed_gives_the_same_images() -> None:
    a = shape_images(50, rng=3)
    b = shape_images(50, rng=np.random.default_rng(3))
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[0], shape_images(50, rng=4)[0])


def test_every_shape_is_drawn_as_described() -> None:
    for size in (6, 12, 20):
        low, high = max(4, -(-(size + 2) // 3)), size - 2
        for name in SHAPE_NAMES:
            images = _clean(name, size=size)
            assert set(np.unique(images)) <= {0.0, 1.0}
            for img in images:
                rows, cols = np.nonzero(img)
                height, width = np.ptp(rows) + 1, np.ptp(cols) + 1
                count = img.sum()
                if name == "vertical":
                    assert width == 1 and count == height and low <= height <= high
                elif name == "horizontal":
                    assert height == 1 and count == width and low <= width <= high
                elif name == "cross":
                    assert height == width and count == 2 * height - 1
                    assert img[rows, cols].all() and low <= height <= high
                elif name == "square":
                    assert height == width and count == 4 * height - 4 and low <= height <= high
                    assert img[rows.min() + 1 : rows.max(), cols.min() + 1 : cols.max()].sum() == 0
                else:  # circle: symmetric under both flips and the transpose, hollow
                    box = img[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
                    np.testing.assert_array_equal(box, box[::-1])
                    np.testing.assert_array_equal(box, box[:, ::-1])
                    np.testing.assert_array_equal(box, box.T)
                    middle = box.shape[0] // 2
                    assert box[middle, middle] == 0 and low <= box.shape[0] <= high
                    assert box[0, 0] == 0  # no corners: never the outline of a square


def test_positions_and_sizes_vary() -> None:
    images = _clean("square", n=200, size=12)
    corners = {tuple(np.argwhere(img)[0]) for img in images}
    sides = {int(np.ptp(np.nonzero(img)[0])) + 1 for img in images}
    assert len(corners) > 30
    assert sides == set(range(5, 11))


def test_noise_is_gaussian_with_the_given_spread() -> None:
    clean, _ = shape_images(400, noise=0.0, rng=0)
    noisy, _ = shape_images(400, noise=0.3, rng=0)
    residual = noisy - clean
    assert abs(residual.mean()) < 0.01
    assert abs(residual.std() - 0.3) < 0.01


def test_subsets_of_classes_label_in_the_given_order() -> None:
    X, y = shape_images(40, noise=0.0, classes=("circle", "vertical"), rng=0)
    assert set(y.tolist()) == {0, 1}
    widths = [np.ptp(np.nonzero(img[0])[1]) + 1 for img in X[y == 1]]
    assert set(widths) == {1}  # label 1 is the vertical bar


@pytest.mark.parametrize(
    ("kwargs", "kind", "name"),
    [
        ({"n_samples": 0}, ValueError, "n_samples"),
        ({"size": 5}, ValueError, "size"),
        ({"size": 8.0}, TypeError, "size"),
        ({"noise": -0.1}, ValueError, "noise"),
        ({"classes": "cross"}, TypeError, "classes"),
        ({"classes": ("cross", "star")}, ValueError, "classes"),
        ({"classes": ("cross", "cross")}, ValueError, "classes"),
        ({"classes": ()}, ValueError, "classes"),
        ({"rng": 1.5}, TypeError, "rng"),
    ],
)
def test_bad_arguments_are_named(kwargs, kind, name) -> None:
    with pytest.raises(kind, match=f"^{name} must"):
        shape_images(**kwargs)
