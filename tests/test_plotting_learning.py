"""Figures of the learning pages: labelled points, decision regions, training curves, costs."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("matplotlib")

from matplotlib.collections import PathCollection  # noqa: E402

from nnref.datasets import blobs, gate  # noqa: E402
from nnref.linear import OneVsRest, Perceptron  # noqa: E402
from nnref.plotting import (  # noqa: E402
    PALETTE,
    cost_contour,
    decision_regions,
    figure_to_svg,
    new_figure,
    scatter_classes,
    training_curve,
)


class _Halves:
    """A hand-written classifier: 'right' where x1 > 0, else 'left'."""

    def predict(self, X: np.ndarray) -> np.ndarray:
        return np.where(np.asarray(X)[:, 0] > 0, "right", "left")


def _legend(fig: object) -> list[str]:
    ax = fig.axes[0]  # type: ignore[attr-defined]
    return [t.get_text() for t in ax.get_legend().get_texts()]


# --- scatter_classes ---------------------------------------------------------------------------


def test_scatter_classes_one_collection_per_class_in_sorted_order() -> None:
    X, y = gate("xor")
    fig = scatter_classes(X, y, class_names=["off", "on"])
    points = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
    assert len(points) == 2
    assert _legend(fig) == ["off", "on"]
    # class 0 (the first sorted label) gets the first palette colour
    assert np.allclose(points[0].get_facecolor()[0][:3], _rgb(PALETTE[0]))
    assert sorted(map(tuple, points[1].get_offsets().tolist())) == [(0.0, 1.0), (1.0, 0.0)]


def _rgb(colour: str) -> tuple[float, ...]:
    from matplotlib.colors import to_rgb

    return to_rgb(colour)


def test_scatter_classes_draws_on_given_axes_without_legend() -> None:
    fig, ax = new_figure()
    assert scatter_classes([[0, 0], [1, 1]], ["a", "b"], ax=ax, legend=False) is fig
    assert ax.get_legend() is None


@pytest.mark.parametrize(
    ("kwargs", "kind", "message"),
    [
        ({"X": [[0, 0, 0]], "y": [0]}, ValueError, r"X must be an array of shape \(n_samples, 2\)"),
        ({"X": [[0, np.nan]], "y": [0]}, ValueError, "X must be finite"),
        ({"X": [[0, 0], [1, 1]], "y": [0]}, ValueError, "y must have one label per sample \\(2\\)"),
        ({"X": [[0, 0], [1, 1]], "y": np.array([1, "a"], dtype=object)}, TypeError, "y must hold"),
        (
            {"X": [[0, 0], [1, 1]], "y": [0, 1], "class_names": [object(), "b"]},
            TypeError,
            "class_names",
        ),
        (
            {"X": [[0, 0]], "y": [0], "class_names": ["a", "b"]},
            ValueError,
            r"class_names must be 1 name\(s\)",
        ),
        ({"X": [[0, 0]], "y": [0], "ax": "axes"}, TypeError, "ax must be a matplotlib Axes"),
        ({"X": [[0, 0]], "y": [0], "legend": 1}, TypeError, "legend must be True or False"),
    ],
)
def test_scatter_classes_errors(kwargs: dict, kind: type, message: str) -> None:
    with pytest.raises(kind, match=message):
        scatter_classes(**kwargs)


# --- decision_regions --------------------------------------------------------------------------


def test_decision_regions_of_a_trained_perceptron() -> None:
    X, y = gate("and")
    model = Perceptron(epochs=6).fit(X, y)
    fig = decision_regions(model, X, y, resolution=40, padding=0.25)
    ax = fig.axes[0]
    assert [float(v) for v in ax.get_xlim()] == [-0.25, 1.25]
    assert _legend(fig) == ["class 0", "class 1"]
    svg = figure_to_svg(fig, "and-regions")
    assert PALETTE[0] in svg and PALETTE[1] in svg and "currentColor" in svg


def test_decision_regions_any_object_with_predict_and_string_labels() -> None:
    X = np.array([[-1.0, 0.0], [-0.5, 1.0], [0.5, 0.0], [1.0, 1.0]])
    y = np.array(["left", "left", "right", "right"])
    fig = decision_regions(_Halves(), X, y, resolution=21, class_names=["West", "East"])
    assert _legend(fig) == ["West", "East"]


def test_decision_regions_class_predicted_but_absent_from_y_gets_a_colour() -> None:
    # Every point is 'left', but the model also predicts 'right' on part of the plane.
    X = np.array([[-1.0, 0.0], [1.0, 0.0]])
    fig = decision_regions(_Halves(), X, ["left", "left"], resolution=11)
    assert _legend(fig) == ["class left"]  # only classes with points are in the legend
    with pytest.raises(ValueError, match=r"class_names must be 2 name\(s\)"):
        decision_regions(_Halves(), X, ["left", "left"], resolution=11, class_names=["a"])


def test_decision_regions_three_classes_and_reproducible_svg() -> None:
    X, y = blobs(60, centers=[[0, 0], [4, 0], [0, 4]], cluster_std=0.5, rng=0)
    model = OneVsRest(Perceptron(epochs=20)).fit(X, y)
    first = figure_to_svg(decision_regions(model, X, y, resolution=60), "ovr")
    again = figure_to_svg(decision_regions(model, X, y, resolution=60), "ovr")
    assert first == again
    assert all(colour in first for colour in PALETTE[:3])


def test_decision_regions_on_existing_axes() -> None:
    fig, axes = new_figure(ncols=2)
    X, y = gate("or")
    model = Perceptron().fit(X, y)
    assert decision_regions(model, X, y, ax=axes[1], resolution=10, legend=False) is fig
    assert axes[1].get_legend() is None and not axes[0].collections


class _BadShape:
    def predict(self, X: np.ndarray) -> np.ndarray:
        return np.zeros((len(X), 2))


@pytest.mark.parametrize(
    ("model", "kwargs", "kind", "message"),
    [
        ("model", {}, TypeError, "model must be a fitted model with a predict"),
        (_Halves(), {"resolution": 1}, ValueError, "resolution must be an int from 2 to 2000"),
        (_Halves(), {"resolution": 2.5}, TypeError, "resolution must be an int"),
        (_Halves(), {"padding": -1.0}, ValueError, "padding must be a non-negative"),
        (_Halves(), {"padding": "1"}, TypeError, "padding must be a non-negative"),
        (_BadShape(), {}, ValueError, "model.predict must return one label per point"),
    ],
)
def test_decision_regions_errors(model: object, kwargs: dict, kind: type, message: str) -> None:
    with pytest.raises(kind, match=message):
        decision_regions(model, [[0.0, 0.0], [1.0, 1.0]], [0, 1], **kwargs)


def test_decision_regions_checks_the_points() -> None:
    with pytest.raises(ValueError, match=r"X must be an array of shape \(n_samples, 2\)"):
        decision_regions(_Halves(), [0.0, 1.0], [0, 1])
    with pytest.raises(ValueError, match="y must have one label per sample \\(2\\)"):
        decision_regions(_Halves(), [[0.0, 0.0], [1.0, 1.0]], [0, 1, 1])


# --- training_curve ----------------------------------------------------------------------------


def test_training_curve_counts_epochs_from_one_and_overlays_runs() -> None:
    fig = training_curve([4.0, 2.0, 1.0], label="η = 0.1")
    ax = fig.axes[0]
    assert training_curve([5.0, 3.0], ax=ax, label="η = 0.01") is fig
    lines = ax.get_lines()
    assert [line.get_xdata().tolist() for line in lines] == [[1, 2, 3], [1, 2]]
    assert _legend(fig) == ["η = 0.1", "η = 0.01"]
    assert ax.get_xlabel() == "epoch" and ax.get_ylabel() == "cost"


def test_training_curve_log_axis_and_integer_ticks() -> None:
    fig = training_curve([100.0, 10.0, 1.0], logy=True)
    assert fig.axes[0].get_yscale() == "log"
    errors = training_curve([3, 3, 4, 4], ylabel="errors").axes[0]
    ticks = errors.get_yticks()
    assert np.all(ticks == np.round(ticks))


@pytest.mark.parametrize(
    ("values", "kwargs", "kind", "message"),
    [
        ([], {}, ValueError, "values must be a non-empty 1-D array"),
        ([[1.0, 2.0]], {}, ValueError, "values must be a non-empty 1-D array"),
        ([1.0, np.inf], {}, ValueError, "values must be finite"),
        ([1.0, 0.0], {"logy": True}, ValueError, "values must be positive for a logarithmic"),
        ([1.0], {"logy": "yes"}, TypeError, "logy must be True or False"),
        ([1.0], {"label": 3}, TypeError, "label must be a string or None"),
        ([1.0], {"ylabel": None}, TypeError, "ylabel must be a string"),
        ([1.0], {"color": "not-a-colour"}, ValueError, "color must be a matplotlib colour"),
        (["a"], {}, TypeError, "values must be a real-valued array"),
    ],
)
def test_training_curve_errors(values: object, kwargs: dict, kind: type, message: str) -> None:
    with pytest.raises(kind, match=message):
        training_curve(values, **kwargs)


# --- cost_contour ------------------------------------------------------------------------------


def _bowl(w: np.ndarray) -> np.ndarray:
    return (w[:, 0] - 1.0) ** 2 + 3.0 * w[:, 1] ** 2


def test_cost_contour_draws_the_path_and_the_levels() -> None:
    path = np.array([[-1.0, 1.0], [0.0, 0.5], [1.0, 0.0]])
    fig = cost_contour(_bowl, (-2, 2), (-1.5, 1.5), path=path, resolution=41, levels=5)
    ax = fig.axes[0]
    drawn = ax.get_lines()[0]
    assert drawn.get_xdata().tolist() == path[:, 0].tolist()
    contour = [c for c in ax.collections if hasattr(c, "levels")][0]
    assert len(contour.levels) == 5
    # quadratic spacing: the gaps between levels grow
    assert np.all(np.diff(np.diff(contour.levels)) > 0)
    assert [float(v) for v in ax.get_xlim()] == [-2.0, 2.0]


def test_cost_contour_explicit_levels_and_labels() -> None:
    fig = cost_contour(_bowl, (-2, 2), (-1, 1), levels=[0.5, 1.0, 2.0], labels=("a", "b"))
    ax = fig.axes[0]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("a", "b")
    contour = [c for c in ax.collections if hasattr(c, "levels")][0]
    assert contour.levels.tolist() == [0.5, 1.0, 2.0]


@pytest.mark.parametrize(
    ("cost", "kwargs", "kind", "message"),
    [
        ("bowl", {}, TypeError, "cost must be a function"),
        (_bowl, {"xlim": (1, 0)}, ValueError, r"xlim must be a pair \(low, high\)"),
        (_bowl, {"ylim": (0, 1, 2)}, ValueError, r"ylim must be a pair \(low, high\)"),
        (_bowl, {"path": [[0, 0, 0]]}, ValueError, r"path must be an array of shape"),
        (_bowl, {"resolution": 0}, ValueError, "resolution must be an int from 2 to 1000"),
        (_bowl, {"levels": 1}, ValueError, "levels must be at least 2"),
        (_bowl, {"levels": [2.0, 1.0]}, ValueError, "levels must be an int or a non-empty"),
        (_bowl, {"labels": ("a",)}, ValueError, "labels must be two strings"),
        (lambda w: w, {}, ValueError, "cost must return one value per point"),
        (lambda w: np.zeros(len(w)), {}, ValueError, "cost must be a function that is not"),
        (lambda w: np.full(len(w), np.nan), {}, ValueError, "cost must be finite"),
    ],
)
def test_cost_contour_errors(cost: object, kwargs: dict, kind: type, message: str) -> None:
    args = {"xlim": (-1, 1), "ylim": (-1, 1), **kwargs}
    with pytest.raises(kind, match=message):
        cost_contour(cost, **args)
