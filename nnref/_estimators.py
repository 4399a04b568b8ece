"""The scikit-learn-style estimator protocol shared by the models of ``nnref.linear``.

[`Estimator`][nnref._estimators.Estimator] reads a model's hyperparameters from its
constructor signature (``get_params`` and a ``repr`` showing what differs from the defaults);
[`BinaryLinearModel`][nnref._estimators.BinaryLinearModel] adds what the perceptron and
Adaline share: two labels coded as numbers for the learning rule, the net input
$z = \\mathbf{x}\\mathbf{w} + b$ and the thresholded prediction.
"""

from __future__ import annotations

import inspect
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nnref._typing import Array
from nnref._validation import (
    as_label_array,
    as_sample_matrix,
    check_fitted,
    check_n_features,
    check_result,
)

__all__ = ["BinaryLinearModel", "Estimator", "same"]


class Estimator:
    """Parameters come from the constructor signature; every one is stored under its name."""

    def get_params(self) -> dict[str, Any]:
        """The constructor arguments of this model, by name.

        Returns:
            A new dict; ``type(model)(**model.get_params())`` builds an unfitted twin.
        """
        names = [p for p in inspect.signature(type(self).__init__).parameters if p != "self"]
        return {name: getattr(self, name) for name in names}

    def __repr__(self) -> str:
        defaults = {
            name: p.default for name, p in inspect.signature(type(self).__init__).parameters.items()
        }
        shown = [
            f"{name}={value!r}"
            for name, value in self.get_params().items()
            if defaults.get(name, inspect.Parameter.empty) is inspect.Parameter.empty
            or not same(value, defaults[name])
        ]
        return f"{type(self).__name__}({', '.join(shown)})"


def same(a: Any, b: Any) -> bool:
    """Whether ``a`` is ``b``'s type and equal to it (never raising, even for arrays)."""
    try:
        return bool(type(a) is type(b) and a == b)
    except (TypeError, ValueError):  # e.g. arrays, whose == is elementwise
        return False


class BinaryLinearModel(Estimator):
    """What the perceptron and Adaline share: labels, the net input and the prediction."""

    weights_: Array
    bias_: float
    classes_: NDArray[Any]

    def _targets(
        self, y: ArrayLike, X: Array, zero_one: bool
    ) -> tuple[NDArray[Any], Array, tuple[float, float]]:
        """Check the labels and code them as numbers for the learning rule.

        Returns the two classes (sorted), the coded targets in ``X``'s dtype, and the codes
        ``(low, high)`` given to ``classes[0]`` and ``classes[1]``. The codes are (0, 1) when
        ``zero_one`` is set and the labels are exactly {0, 1}, otherwise (-1, 1).
        """
        labels = as_label_array(y, X.shape[0])
        classes, inverse = np.unique(labels, return_inverse=True)
        if classes.size != 2:
            name = type(self).__name__
            raise ValueError(
                f"y must hold exactly two classes for a binary {name} (use OneVsRest for "
                f"more), got {classes.size} class(es): {classes.tolist()!r}"
            )
        is_zero_one = classes.dtype.kind in "biuf" and classes.tolist() == [0, 1]
        codes = (0.0, 1.0) if zero_one and is_zero_one else (-1.0, 1.0)
        targets = np.asarray(codes, dtype=X.dtype)[inverse]
        return classes, targets, codes

    def net_input(self, X: ArrayLike) -> Array:
        """The propagation function $z = \\mathbf{x}\\mathbf{w} + b$ of every sample.

        Args:
            X: Samples, shape ``(n_samples, n_features)``.

        Returns:
            Shape ``(n_samples,)``.
        """
        check_fitted(self, "weights_")
        arr = check_n_features(as_sample_matrix(X), self.weights_.shape[0])
        with np.errstate(over="ignore", invalid="ignore"):
            z: Array = arr @ self.weights_.astype(arr.dtype) + arr.dtype.type(self.bias_)
        return check_result(z, "X", "the net input")

    def predict(self, X: ArrayLike) -> NDArray[Any]:
        """The class of every sample: the second class where $z \\ge 0$, else the first.

        Args:
            X: Samples, shape ``(n_samples, n_features)``.

        Returns:
            Shape ``(n_samples,)``, in the labels the model was fitted on.
        """
        z = self.net_input(X)
        return self.classes_[(z >= 0).astype(np.intp)]
