"""Loss functions: pinned values, gradients, stability, target forms, metadata and errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnref import activations as act
from nnref import losses
from nnref.gradcheck import check_loss

ALL = losses.catalog()
KEYS = [loss.key for loss in ALL]


def test_catalog_and_get() -> None:
    assert KEYS == [
        "squared_error",
        "mse",
        "binary_cross_entropy",
        "binary_cross_entropy_with_logits",
        "cross_entropy",
    ]
    for loss in ALL:
        assert losses.get(loss.key) is loss and losses.get(loss) is loss
        assert getattr(losses, loss.key) is loss
        for alias in loss.aliases:
            assert losses.get(alias) is loss
    with pytest.raises(ValueError, match=r"^loss must be one of 'squared_error', .* got 'l1'"):
        losses.get("l1")
    with pytest.raises(TypeError, match=r"^loss must be a Loss or a loss key such as 'mse'"):
        losses.get(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("loss", ALL, ids=KEYS)
def test_metadata_is_complete(loss: losses.Loss) -> None:
    assert loss.name and loss.formula and loss.gradient_formula and loss.summary and loss.pairing
    assert loss.torch_name
    act.get(loss.output_activation)  # a real activation key
    assert loss.reduction in ("sum", "mean", "mean over samples")
    assert repr(loss) == f"<Loss {loss.key}>"
    assert "Examples:" in (loss.__doc__ or "")


def test_classification_flags() -> None:
    assert [loss.classification for loss in ALL] == [False, False, True, True, True]


# --- pinned values -----------------------------------------------------------------------------


def test_squared_error_is_half_the_sum_of_squares() -> None:
    assert losses.squared_error([[1.0, 2.0], [0.0, -1.0]], [[0.0, 0.0], [0.0, 1.0]]) == 4.5
    np.testing.assert_array_equal(losses.squared_error.gradient([3.0], [1.0]), [2.0])


def test_mse_averages_over_every_element() -> None:
    assert losses.mse([[1.0, 2.0], [0.0, -1.0]], [[0.0, 0.0], [0.0, 1.0]]) == 9.0 / 4
    np.testing.assert_allclose(
        losses.mse.gradient([[1.0, 2.0], [0.0, -1.0]], [[0.0, 0.0], [0.0, 1.0]]),
        [[0.5, 1.0], [0.0, -1.0]],
    )


def test_binary_cross_entropy_values() -> None:
    p, y = np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 1.0])
    expected = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert losses.binary_cross_entropy(p, y) == pytest.approx(expected, rel=1e-14)
    np.testing.assert_allclose(
        losses.binary_cross_entropy.gradient(p, y), (p - y) / (p * (1 - p)) / 3
    )


def test_binary_cross_entropy_is_clamped_at_the_ends() -> None:
    assert losses.binary_cross_entropy([0.0, 1.0], [1.0, 0.0]) == 100.0
    assert losses.binary_cross_entropy([0.0, 1.0], [0.0, 1.0]) == 0.0
    g = losses.binary_cross_entropy.gradient([0.0, 1.0], [1.0, 0.0])
    assert np.all(np.isfinite(g)) and g[0] < -1e10 and g[1] > 1e10


def test_with_logits_equals_bce_of_sigmoid(rng: np.random.Generator) -> None:
    z = rng.normal(scale=3, size=(6, 2))
    y = (rng.random((6, 2)) > 0.5).astype(float)
    assert losses.binary_cross_entropy_with_logits(z, y) == pytest.approx(
        losses.binary_cross_entropy(act.sigmoid(z), y), rel=1e-12
    )
    np.testing.assert_allclose(
        losses.binary_cross_entropy_with_logits.gradient(z, y), (act.sigmoid(z) - y) / 12
    )


def test_with_logits_is_stable_at_extremes() -> None:
    z = np.array([1e4, -1e4, 1e4, -1e4])
    y = np.array([1.0, 0.0, 0.0, 1.0])
    assert losses.binary_cross_entropy_with_logits(z, y) == pytest.approx(2e4 / 4)
    np.testing.assert_allclose(
        losses.binary_cross_entropy_with_logits.gradient(z, y), [0.0, 0.0, 0.25, -0.25]
    )


def test_cross_entropy_by_hand() -> None:
    z = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
    y = np.array([2, 0])
    log_s = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    assert losses.cross_entropy(z, y) == pytest.approx(-(log_s[0, 2] + log_s[1, 0]) / 2)
    s = np.exp(log_s)
    np.testing.assert_allclose(losses.cross_entropy.gradient(z, y), (s - np.eye(3)[y]) / 2)


def test_cross_entropy_one_hot_equals_indices(rng: np.random.Generator) -> None:
    z = rng.normal(size=(7, 4))
    y = rng.integers(0, 4, size=7)
    onehot = np.eye(4)[y]
    assert losses.cross_entropy(z, onehot) == pytest.approx(losses.cross_entropy(z, y), rel=1e-14)
    np.testing.assert_allclose(
        losses.cross_entropy.gradient(z, onehot), losses.cross_entropy.gradient(z, y), atol=1e-16
    )


def test_cross_entropy_soft_targets(rng: np.random.Generator) -> None:
    z = rng.normal(size=(3, 4))
    q = rng.random((3, 4))
    q /= q.sum(axis=1, keepdims=True)
    log_s = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    assert losses.cross_entropy(z, q) == pytest.approx(-np.sum(q * log_s) / 3)


@pytest.mark.parametrize("scale", [1e4, -1e4])
def test_cross_entropy_is_stable_at_1e4(scale: float) -> None:
    z = np.array([[scale, 0.0, -scale], [0.0, scale, 0.0]])
    value = losses.cross_entropy(z, [2, 1])
    expected = (2 * abs(scale) if scale > 0 else 0.0) + (0.0 if scale > 0 else np.log(2) - scale)
    assert np.isfinite(value)
    assert value == pytest.approx(expected / 2)
    g = losses.cross_entropy.gradient(z, [2, 1])
    assert np.all(np.isfinite(g))
    np.testing.assert_allclose(g.sum(axis=1), 0.0, atol=1e-15)


def test_float32_in_float32_out() -> None:
    z = np.array([[1.0, -2.0], [0.5, 0.5]], dtype=np.float32)
    for loss, y in [
        (losses.mse, z),
        (losses.squared_error, z),
        (losses.cross_entropy, [0, 1]),
        (losses.binary_cross_entropy_with_logits, [[1, 0], [0, 1]]),
        (losses.binary_cross_entropy, [[1, 0], [0, 1]]),
    ]:
        pred = act.sigmoid(z) if loss is losses.binary_cross_entropy else z
        assert loss.gradient(pred, y).dtype == np.float32, loss
        assert isinstance(loss(pred, y), float)


# --- gradients against finite differences (and properties) ------------------------------------


@pytest.mark.parametrize("loss", ALL, ids=KEYS)
def test_gradient_matches_finite_differences(loss: losses.Loss, rng: np.random.Generator) -> None:
    if loss is losses.cross_entropy:
        pred, y = rng.normal(size=(5, 3)), rng.integers(0, 3, size=5)
    elif loss is losses.binary_cross_entropy:
        pred, y = rng.uniform(0.05, 0.95, size=(5, 2)), rng.random((5, 2))
    else:
        pred, y = rng.normal(size=(5, 2)), rng.random((5, 2))
    assert check_loss(loss, pred, y) < 1e-7
    value, grad = loss.value_and_gradient(pred, y)
    assert value == loss(pred, y)
    np.testing.assert_array_equal(grad, loss.gradient(pred, y))


logits = arrays(np.float64, (3, 4), elements=st.floats(-50, 50))


@settings(max_examples=60, deadline=None)
@given(logits, st.lists(st.integers(0, 3), min_size=3, max_size=3), st.floats(-100, 100))
def test_cross_entropy_properties(z: np.ndarray, y: list[int], shift: float) -> None:
    value = losses.cross_entropy(z, y)
    assert value >= 0
    assert losses.cross_entropy(z + shift, y) == pytest.approx(value, rel=1e-9, abs=1e-9)
    g = losses.cross_entropy.gradient(z, y)
    np.testing.assert_allclose(g.sum(axis=1), 0.0, atol=1e-12)  # softmax minus a one-hot row


@settings(max_examples=60, deadline=None)
@given(
    arrays(np.float64, (4, 2), elements=st.floats(-1e3, 1e3)),
    arrays(np.float64, (4, 2), elements=st.floats(0, 1)),
)
def test_binary_losses_are_non_negative_for_hard_targets(z: np.ndarray, t: np.ndarray) -> None:
    y = np.round(t)
    assert losses.binary_cross_entropy_with_logits(z, y) >= 0
    assert losses.binary_cross_entropy(act.sigmoid(z), y) >= 0


@settings(max_examples=40, deadline=None)
@given(arrays(np.float64, (3, 2), elements=st.floats(-1e3, 1e3)))
def test_regression_losses_vanish_at_the_target(y: np.ndarray) -> None:
    for loss in (losses.mse, losses.squared_error):
        assert loss(y, y) == 0.0
        assert not loss.gradient(y, y).any()


# --- accuracy and classify ---------------------------------------------------------------------


def test_accuracy_and_classify() -> None:
    z = np.array([[2.0, 1.0], [0.0, 3.0], [1.0, 0.0]])
    assert losses.cross_entropy.accuracy(z, [0, 1, 1]) == pytest.approx(2 / 3)
    assert losses.cross_entropy.accuracy(z, np.eye(2)[[0, 1, 1]]) == pytest.approx(2 / 3)
    np.testing.assert_array_equal(losses.cross_entropy.classify(z), [0, 1, 0])
    p = np.array([[0.9], [0.4], [0.5]])
    np.testing.assert_array_equal(losses.binary_cross_entropy.classify(p), [1, 0, 1])
    assert losses.binary_cross_entropy.accuracy(p, [1, 1, 1]) == pytest.approx(2 / 3)
    np.testing.assert_array_equal(
        losses.binary_cross_entropy_with_logits.classify([[-1.0, 2.0]]), [[0, 1]]
    )
    assert losses.binary_cross_entropy_with_logits.accuracy([[-1.0, 2.0]], [[0, 0]]) == 0.5
    with pytest.raises(TypeError, match=r"^accuracy needs a classification loss"):
        losses.mse.accuracy([1.0], [1.0])
    with pytest.raises(TypeError, match=r"^classify needs a classification loss"):
        losses.squared_error.classify([1.0])


# --- targets of a single output column ---------------------------------------------------------


@pytest.mark.parametrize(
    "loss",
    [
        losses.mse,
        losses.squared_error,
        losses.binary_cross_entropy,
        losses.binary_cross_entropy_with_logits,
    ],
)
def test_one_dimensional_targets_for_a_single_column(loss: losses.Loss) -> None:
    pred = np.array([[0.2], [0.7], [0.4]])
    y = np.array([0.0, 1.0, 1.0])
    assert loss(pred, y) == loss(pred, y[:, None])
    assert loss.gradient(pred, y).shape == (3, 1)


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "loss", [losses.mse, losses.squared_error, losses.binary_cross_entropy_with_logits]
)
def test_wrong_target_shape(loss: losses.Loss) -> None:
    with pytest.raises(
        ValueError,
        match=r"^y_true must be an array of shape \(3, 2\) \(the shape "
        r"of the predictions",
    ):
        loss(np.zeros((3, 2)), np.zeros(3))
    with pytest.raises(ValueError, match=r"^y_true must be an array of shape \(3, 1\)"):
        loss(np.zeros((3, 1)), np.zeros((1, 3)))


@pytest.mark.parametrize("loss", ALL, ids=KEYS)
def test_nan_is_rejected(loss: losses.Loss) -> None:
    pred = np.full((2, 2), 0.5)
    good = [0, 1] if loss is losses.cross_entropy else np.zeros((2, 2))
    with pytest.raises(ValueError, match=r"^y_pred must be finite \(no NaN or inf\)"):
        loss(np.array([[np.nan, 0.5], [0.5, 0.5]]), good)
    bad_targets = [0.0, np.nan] if loss is losses.cross_entropy else [[0.0, np.nan], [0.0, 0.0]]
    with pytest.raises(ValueError, match=r"^y_true must be finite"):
        loss.gradient(pred, bad_targets)


def test_cross_entropy_target_errors() -> None:
    z = np.zeros((3, 4))
    with pytest.raises(
        ValueError,
        match=r"^y_true must hold class indices in \[0, 3\] \(one per "
        r"row of 4 logits\), got values from -1 to 2",
    ):
        losses.cross_entropy(z, [0, -1, 2])
    with pytest.raises(ValueError, match=r"^y_true must hold class indices in \[0, 3\]"):
        losses.cross_entropy(z, [0, 4, 2])
    with pytest.raises(
        ValueError,
        match=r"^y_true must be class indices of shape \(3,\) or "
        r"one-hot rows of shape \(3, 4\)",
    ):
        losses.cross_entropy(z, [0, 1])
    with pytest.raises(ValueError, match=r"^y_true must be an array of shape \(3, 4\)"):
        losses.cross_entropy(z, np.eye(3))
    with pytest.raises(ValueError, match=r"^y_true must be integer class indices"):
        losses.cross_entropy(z, [0.5, 1.0, 2.0])
    with pytest.raises(TypeError, match=r"^y_true must be integer class indices"):
        losses.cross_entropy(z, ["a", "b", "c"])
    with pytest.raises(ValueError, match=r"^y_true must hold non-negative class probabilities"):
        losses.cross_entropy(z, -np.eye(4)[:3])
    with pytest.raises(ValueError, match=r"^y_pred must be a non-empty 2-D array of logits"):
        losses.cross_entropy(np.zeros(4), [1])
    np.testing.assert_allclose(losses.cross_entropy(z, [0.0, 1.0, 3.0]), np.log(4))


def test_binary_range_errors() -> None:
    with pytest.raises(
        ValueError,
        match=r"^y_pred must hold probabilities in \[0, 1\] \(use "
        r"binary_cross_entropy_with_logits on logits\), got values from -0.5 ",
    ):
        losses.binary_cross_entropy([-0.5, 0.5], [0.0, 1.0])
    for loss in (losses.binary_cross_entropy, losses.binary_cross_entropy_with_logits):
        with pytest.raises(
            ValueError,
            match=r"^y_true must hold targets in \[0, 1\], got values "
            r"from 0.0 to 2.0",
        ):
            loss([0.5, 0.5], [0.0, 2.0])


def test_empty_and_scalar_predictions() -> None:
    with pytest.raises(ValueError, match=r"^y_pred must be a non-empty array with a batch axis"):
        losses.mse(1.0, 1.0)
    with pytest.raises(ValueError, match=r"^y_pred must be a non-empty array with a batch axis"):
        losses.mse(np.zeros((0, 2)), np.zeros((0, 2)))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_confident_right_answers_keep_their_small_loss(dtype: type) -> None:
    # Review finding: a one-sum formula cancelled catastrophically here.
    p = np.array([0.99999, 1e-5] * 5000, dtype=dtype)
    t = np.array([1.0, 0.0] * 5000, dtype=dtype)
    exact = -np.log1p(-1e-5)  # every term is the same
    assert losses.binary_cross_entropy(p, t) == pytest.approx(exact, rel=1e-2)
    z = np.array([40.0, -40.0], dtype=np.float64)
    assert losses.binary_cross_entropy_with_logits(z, [1.0, 0.0]) == pytest.approx(
        np.log1p(np.exp(-40.0)), rel=1e-12
    )
    z32 = np.array([12.0, -12.0], dtype=np.float32)
    assert losses.binary_cross_entropy_with_logits(z32, np.array([1.0, 0.0], np.float32)) == (
        pytest.approx(np.log1p(np.exp(-12.0)), rel=1e-3)
    )
