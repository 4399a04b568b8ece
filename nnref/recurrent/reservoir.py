"""Random features with a trained linear readout: the echo state network and the ELM.

Two members of the network zoo skip backpropagation altogether. Their hidden layer keeps
the random weights it was born with, and only a linear output layer is fitted, in one step,
by ridge regression (least squares with a small penalty $\\alpha$ on the weights):

$$W_\\text{out} = \\arg\\min_W \\lVert F W + b - Y \\rVert^2 + \\alpha \\lVert W \\rVert^2
= (\\tilde F^\\top \\tilde F + \\alpha I)^{-1} \\tilde F^\\top \\tilde Y$$

with $F$ the hidden features and $\\tilde F$, $\\tilde Y$ their centred versions (the bias
$b$ is not penalised).

- [`EchoStateNetwork`][nnref.recurrent.EchoStateNetwork]: the hidden layer is a fixed random
  recurrent layer, the *reservoir*, scaled so that its memory fades (spectral radius below 1:
  the *echo state property*); the readout maps its state at each step to the output.
- [`ExtremeLearningMachine`][nnref.recurrent.ExtremeLearningMachine]: the same idea without
  recurrence, a feed-forward network with one random hidden layer (it lives here beside its
  recurrent sibling).

Examples:
    >>> import numpy as np
    >>> t = np.linspace(0, 20, 201)
    >>> X, Y = np.sin(t)[None, :-1, None], np.sin(t)[None, 1:, None]  # next value
    >>> esn = EchoStateNetwork(1, 50, rng=0).fit(X, Y, washout=20)
    >>> float(np.abs(esn.predict(X)[0, 20:] - Y[0, 20:]).max()) < 1e-3
    True
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from nnref import activations as act
from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    as_sample_matrix,
    check_finite,
    check_fitted,
    check_interval,
    check_n_features,
    check_nonnegative,
    check_positive,
    check_positive_int,
    check_result,
    check_rng,
    error,
)
from nnref.recurrent.base import check_sequences
from nnref.recurrent.rnn import RecurrentLayer

_HALF_MAX = float(np.finfo(np.float64).max) / 2

__all__ = ["EchoStateNetwork", "ExtremeLearningMachine", "ridge_readout"]


def ridge_readout(F: ArrayLike, Y: ArrayLike, alpha: float = 1e-6) -> tuple[Array, Array]:
    """Fit a linear readout $Y \\approx F W + b$ by ridge regression (bias not penalised).

    $$W = (\\tilde F^\\top \\tilde F + \\alpha I)^{-1} \\tilde F^\\top \\tilde Y, \\qquad
    b = \\bar Y - \\bar F W$$

    with $\\tilde F = F - \\bar F$ and $\\tilde Y = Y - \\bar Y$ (column means removed).

    Args:
        F: Features, ``(n_samples, n_features)``.
        Y: Targets, ``(n_samples, n_outputs)``.
        alpha: The penalty $\\alpha \\ge 0$ (0: plain least squares).

    Returns:
        ``W`` ``(n_features, n_outputs)`` and ``b`` ``(n_outputs,)``.

    Examples:
        >>> F = np.array([[0.0], [1.0], [2.0]])
        >>> W, b = ridge_readout(F, 3 * F + 1, alpha=0.0)
        >>> W.round(10), b.round(10)
        (array([[3.]]), array([1.]))
    """
    feats = as_sample_matrix(F, "F").astype(np.float64)
    targets = as_sample_matrix(Y, "Y").astype(np.float64)
    if targets.shape[0] != feats.shape[0]:
        raise ValueError(
            f"Y must have one row per row of F ({feats.shape[0]}), got an array of shape "
            f"{targets.shape}"
        )
    penalty = check_nonnegative(alpha, "alpha")
    # Solved on F / s_F and Y / s_Y (powers of two near their largest entries, so exact):
    # nothing overflows or underflows for data anywhere in the float range, and
    # W = (s_Y / s_F) W' with the penalty alpha / s_F^2 in the scaled problem.
    e_f, e_y = _exponent(feats), _exponent(targets)
    G, Z = np.ldexp(feats, -e_f), np.ldexp(targets, -e_y)
    g_mean, z_mean = G.mean(axis=0), Z.mean(axis=0)
    Gc, Zc = G - g_mean, Z - z_mean
    gram = Gc.T @ Gc
    with np.errstate(over="ignore", under="ignore"):
        ridge = float(np.ldexp(penalty, -2 * e_f))
    if math.isfinite(ridge):
        gram[np.diag_indices_from(gram)] += ridge
        W_scaled = np.linalg.lstsq(gram, Gc.T @ Zc, rcond=None)[0]
    else:  # features so tiny that the penalty wins outright: the weights' limit is 0
        W_scaled = np.zeros((Gc.shape[1], Zc.shape[1]))
    with np.errstate(over="ignore", invalid="ignore"):
        W = np.ldexp(W_scaled, e_y - e_f)
        b = np.ldexp(z_mean - g_mean @ W_scaled, e_y)
    check_result(W, "Y", "the readout weights")
    return W, check_result(b, "Y", "the readout bias")


def _exponent(data: Array) -> int:
    """``e`` with $2^e$ near the largest magnitude in ``data`` (0 for all zeros)."""
    top = float(np.max(np.abs(data)))
    return 0 if top == 0 else math.frexp(top)[1] - 1


class EchoStateNetwork:
    """An echo state network: a fixed random recurrent reservoir and a trained readout.

    $$h_t = \\tanh(x_t W_\\text{in} + h_{t-1} W + b), \\qquad y_t = h_t W_\\text{out} +
    b_\\text{out}$$

    The reservoir is a [`RecurrentLayer`][nnref.recurrent.RecurrentLayer] (complete
    feedback) whose weights are drawn once and never trained: $W$ uniform, then rescaled to
    the chosen spectral radius $\\rho(W)$ (its largest absolute eigenvalue), $W_\\text{in}$
    and $b$ uniform on $(-s, s)$ for the input scaling $s$. With $\\rho < 1$ the influence
    of old inputs fades, so the state is a rich, fading record of the recent input: the
    readout only has to combine it linearly, fitted by
    [`ridge_readout`][nnref.recurrent.ridge_readout].

    Args:
        n_in: Features per time step.
        n_reservoir: Reservoir units.
        spectral_radius: $\\rho(W) > 0$; below 1 for the echo state property.
        input_scaling: $s > 0$.
        alpha: Ridge penalty of the readout.
        rng: Random generator or int seed for the reservoir.

    Attributes:
        reservoir: The fixed [`RecurrentLayer`][nnref.recurrent.RecurrentLayer].
        W_out_: Readout weights ``(n_reservoir, n_outputs)`` after ``fit``.
        b_out_: Readout bias ``(n_outputs,)`` after ``fit``.

    Examples:
        >>> esn = EchoStateNetwork(2, 30, spectral_radius=0.5, rng=0)
        >>> round(float(abs(np.linalg.eigvals(esn.reservoir.params["W_hh"])).max()), 6)
        0.5
    """

    def __init__(
        self,
        n_in: int,
        n_reservoir: int,
        spectral_radius: float = 0.9,
        input_scaling: float = 1.0,
        alpha: float = 1e-6,
        rng: np.random.Generator | int | None = None,
    ) -> None:
        self.n_in = check_positive_int(n_in, "n_in")
        self.n_reservoir = check_positive_int(n_reservoir, "n_reservoir")
        self.spectral_radius = check_positive(spectral_radius, "spectral_radius")
        # U(-s, s) needs 2s within the float range
        self.input_scaling = check_interval(
            input_scaling, "input_scaling", 0.0, _HALF_MAX, low_open=True
        )
        self.alpha = check_nonnegative(alpha, "alpha")
        generator = check_rng(rng)
        R, s = self.n_reservoir, self.input_scaling
        W = generator.uniform(-1.0, 1.0, (R, R))
        radius = float(np.max(np.abs(np.linalg.eigvals(W))))
        W *= self.spectral_radius / radius
        self.reservoir = RecurrentLayer.from_weights(
            generator.uniform(-s, s, (self.n_in, R)), W, generator.uniform(-s, s, R)
        )

    def states(self, X: ArrayLike) -> Array:
        """The reservoir's state at every step, ``(n_samples, n_steps, n_reservoir)``."""
        arr = check_sequences(as_float_array(X, "X"), "X", self.n_in, "n_in")
        if arr.shape[0] == 0:
            raise error("X", "a non-empty batch of sequences", arr)
        with np.errstate(over="ignore", invalid="ignore"):
            states = self.reservoir.forward_unchecked(check_finite(arr, "X"))
        return check_result(states, "X", "the reservoir states")

    def fit(self, X: ArrayLike, Y: ArrayLike, washout: int = 0) -> EchoStateNetwork:
        """Fit the readout to targets at every step (after the washout) or at the last step.

        Args:
            X: Input sequences ``(n_samples, n_steps, n_in)``.
            Y: Targets at every step ``(n_samples, n_steps, n_outputs)``, or one target
                per sequence ``(n_samples, n_outputs)`` (read from the last state).
            washout: Steps at the start of each sequence left out of the fit, while the
                reservoir forgets its zero initial state (per-step targets only).

        Returns:
            The network itself.
        """
        S = self.states(X)
        n, T, R = S.shape
        targets = check_finite(as_float_array(Y, "Y"), "Y")
        if targets.size == 0:
            raise error("Y", "a non-empty array of targets", targets)
        skip = int(washout) if isinstance(washout, int | np.integer) else -1
        if isinstance(washout, bool) or not 0 <= skip < T:
            raise error("washout", f"an integer from 0 to {T - 1} (below n_steps)", washout)
        if targets.ndim == 3 and targets.shape[:2] == (n, T):
            feats = S[:, skip:].reshape(-1, R)
            flat = targets[:, skip:].reshape(-1, targets.shape[2])
        elif targets.ndim == 2 and targets.shape[0] == n:
            feats, flat = S[:, -1], targets
        else:
            raise ValueError(
                f"Y must be (n_samples, n_steps, n_outputs) = ({n}, {T}, ...) or "
                f"(n_samples, n_outputs) = ({n}, ...), got an array of shape {targets.shape}"
            )
        self.W_out_, self.b_out_ = ridge_readout(feats, flat, self.alpha)
        self.per_step_ = targets.ndim == 3
        return self

    def predict(self, X: ArrayLike) -> Array:
        """The readout at every step ``(n_samples, n_steps, n_outputs)``, or at the last step
        ``(n_samples, n_outputs)`` if ``fit`` saw one target per sequence."""
        check_fitted(self, "W_out_")
        S = self.states(X)
        if not self.per_step_:
            S = S[:, -1]
        with np.errstate(over="ignore", invalid="ignore"):
            out: Array = S @ self.W_out_.astype(S.dtype) + self.b_out_.astype(S.dtype)
        return check_result(out, "X", "the readout")

    def __repr__(self) -> str:
        return (
            f"EchoStateNetwork({self.n_in}, {self.n_reservoir}, "
            f"spectral_radius={self.spectral_radius!r})"
        )


class ExtremeLearningMachine:
    """One random, fixed hidden layer and a linear output fitted by ridge regression.

    $$\\hat y = f(x W_\\text{in} + b)\\, W_\\text{out} + b_\\text{out}$$

    $W_\\text{in}$ and $b$ are drawn from $U(-s, s)$ when ``fit`` first sees the data and
    are never trained; $W_\\text{out}$, $b_\\text{out}$ come from
    [`ridge_readout`][nnref.recurrent.ridge_readout]. With enough hidden units the random
    features span a rich family of functions, and fitting is a single linear solve.

    Args:
        n_hidden: Hidden units.
        activation: Hidden activation (an ``Activation`` or its key), default tanh.
        input_scaling: $s > 0$.
        alpha: Ridge penalty.
        rng: Random generator or int seed for the hidden layer.

    Attributes:
        W_in_, b_in_: The random hidden layer, after ``fit``.
        W_out_, b_out_: The fitted readout.

    Examples:
        >>> x = np.linspace(-3, 3, 50)[:, None]
        >>> elm = ExtremeLearningMachine(40, rng=0).fit(x, np.sin(x))
        >>> float(np.abs(elm.predict(x) - np.sin(x)).max()) < 0.01
        True
    """

    def __init__(
        self,
        n_hidden: int,
        activation: act.Activation | str = "tanh",
        input_scaling: float = 1.0,
        alpha: float = 1e-6,
        rng: np.random.Generator | int | None = None,
    ) -> None:
        self.n_hidden = check_positive_int(n_hidden, "n_hidden")
        self.activation = act.resolve(activation)
        # U(-s, s) needs 2s within the float range
        self.input_scaling = check_interval(
            input_scaling, "input_scaling", 0.0, _HALF_MAX, low_open=True
        )
        self.alpha = check_nonnegative(alpha, "alpha")
        self.rng = check_rng(rng)

    def hidden(self, X: ArrayLike) -> Array:
        """The hidden features $f(x W_\\text{in} + b)$, ``(n_samples, n_hidden)``."""
        check_fitted(self, "W_in_")
        data = check_n_features(as_sample_matrix(X), self.W_in_.shape[0])
        f = self.activation
        with np.errstate(over="ignore", invalid="ignore"):
            out = np.asarray(f.fn(data @ self.W_in_ + self.b_in_, **f.params()))
        return check_result(out, "X", "the hidden features")

    def fit(self, X: ArrayLike, y: ArrayLike) -> ExtremeLearningMachine:
        """Draw the hidden layer for ``X``'s features and fit the readout to ``y``.

        Args:
            X: Samples ``(n_samples, n_features)``.
            y: Targets ``(n_samples,)`` or ``(n_samples, n_outputs)``.
        """
        data = as_sample_matrix(X)
        target = check_finite(as_float_array(y, "y"), "y")
        if target.ndim not in (1, 2) or target.shape[0] != data.shape[0]:
            raise error(
                "y",
                f"(n_samples,) or (n_samples, n_outputs) with n_samples = {data.shape[0]}",
                target,
            )
        s = self.input_scaling
        self.W_in_ = self.rng.uniform(-s, s, (data.shape[1], self.n_hidden))
        self.b_in_ = self.rng.uniform(-s, s, self.n_hidden)
        self._vector = target.ndim == 1
        self.W_out_, self.b_out_ = ridge_readout(
            self.hidden(data), target.reshape(data.shape[0], -1), self.alpha
        )
        return self

    def predict(self, X: ArrayLike) -> Array:
        """$\\hat y$, shaped like the ``y`` of ``fit`` (1-D for 1-D targets)."""
        with np.errstate(over="ignore", invalid="ignore"):
            out: Array = self.hidden(X) @ self.W_out_ + self.b_out_
        check_result(out, "X", "the predictions")
        return out[:, 0] if self._vector else out

    def __repr__(self) -> str:
        return f"ExtremeLearningMachine({self.n_hidden})"
