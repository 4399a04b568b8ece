"""The Hopfield network: a completely connected layer of binary units that is a memory.

Every unit is connected to every other (symmetric weights, no self-connections) and takes
the value $+1$ or $-1$. Patterns are **stored** in the weights by the Hebbian rule, and
**recalled** by starting from a noisy or partial pattern and letting the units update until
nothing changes: the network falls into the nearest stored pattern, an *associative* (or
content-addressable) memory. Each asynchronous update can only lower the **energy**
$E(s) = -\\tfrac12 s^\\top W s$ or keep it, so the dynamics settle; the stored patterns are
(for few enough of them, about $0.14\\,n$ for random patterns) minima of $E$.

Examples:
    >>> import numpy as np
    >>> net = Hopfield(6).store([[1, 1, 1, -1, -1, -1]])
    >>> net.recall([1, -1, 1, -1, -1, -1], rng=0)  # one unit flipped
    array([ 1.,  1.,  1., -1., -1., -1.])
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_bool,
    check_choice,
    check_positive_int,
    check_rng,
    error,
)

__all__ = ["Hopfield", "corrupt", "random_patterns"]


_TIE = 1e-10
"""A unit's input counts as zero (a tie: the unit keeps its value) when it is within
``_TIE`` times the sum of the unit's absolute weights of zero. With Hebbian weights every
other input is at least $1/n$ away from zero, so this only absorbs rounding, which would
otherwise make a tie depend on the order of a sum."""


def _bipolar(values: ArrayLike, name: str, n_units: int, any_batch: bool = False) -> Array:
    """``values`` as a float array of -1 and 1, one state ``(n_units,)`` or a batch of them
    (``(n, n_units)``; any leading axes with ``any_batch``)."""
    arr = as_float_array(values, name)
    ok_ndim = arr.ndim >= 1 if any_batch else arr.ndim in (1, 2)
    if not ok_ndim or arr.shape[-1] != n_units or arr.size == 0:
        raise ValueError(
            f"{name} must have {n_units} values (one per unit) in a 1-D array, or be a 2-D "
            f"array (n, {n_units}) of such rows, got an array of shape {arr.shape}"
        )
    bad = ~((arr == 1) | (arr == -1))
    if np.any(bad):
        example = arr[bad].flat[0]
        raise ValueError(
            f"{name} must hold only -1 and 1 (bipolar values; map 0/1 data with 2 * x - 1), "
            f"got {int(np.count_nonzero(bad))} other value(s), e.g. {example!r}"
        )
    return arr


class Hopfield:
    """A Hopfield network of ``n_units`` bipolar units: Hebbian storage, recall, energy.

    Storage (Hebbian rule, for patterns $\\xi^{(1)}, \\dots, \\xi^{(P)} \\in \\{-1, 1\\}^n$):

    $$W = \\frac{1}{n} \\sum_{p} \\xi^{(p)} \\xi^{(p)\\top}, \\qquad W_{ii} = 0$$

    (symmetric, zero diagonal: completely connected without self-loops). Recall updates a
    unit to the sign of its input, keeping its value when the input is 0 (up to rounding:
    $|h_i| \\le 10^{-10} \\sum_j |W_{ij}|$):

    $$s_i \\leftarrow \\operatorname{sgn}\\Bigl(\\sum_j W_{ij} s_j\\Bigr)$$

    and the energy is $E(s) = -\\tfrac12 \\sum_{i,j} W_{ij} s_i s_j$ (no thresholds).

    Attributes:
        n_units: The number of units $n$.
        weights: $W$, ``(n_units, n_units)``.
        n_patterns: How many patterns have been stored.

    Examples:
        >>> net = Hopfield(4).store([[1, -1, 1, -1]])
        >>> net.weights
        array([[ 0.  , -0.25,  0.25, -0.25],
               [-0.25,  0.  , -0.25,  0.25],
               [ 0.25, -0.25,  0.  , -0.25],
               [-0.25,  0.25, -0.25,  0.  ]])
        >>> float(net.energy([1, -1, 1, -1])), float(net.energy([1, 1, 1, -1]))
        (-1.5, 0.0)
    """

    def __init__(self, n_units: int) -> None:
        self.n_units = check_positive_int(n_units, "n_units")
        self.weights: Array = np.zeros((self.n_units, self.n_units))
        self.n_patterns = 0

    def store(self, patterns: ArrayLike) -> Hopfield:
        """Add patterns to the memory with the Hebbian rule (on top of earlier ones).

        Args:
            patterns: One pattern ``(n_units,)`` or several ``(n_patterns, n_units)``, values
                in {-1, 1}.

        Returns:
            The network itself.

        Examples:
            >>> net = Hopfield(3).store([1, 1, -1]).store([1, -1, 1])
            >>> net.n_patterns, net.weights[0].round(4)
            (2, array([0., 0., 0.]))
        """
        P = _bipolar(patterns, "patterns", self.n_units).astype(np.float64)
        P = P.reshape(-1, self.n_units)
        self.weights += (P.T @ P) / self.n_units
        np.fill_diagonal(self.weights, 0.0)
        self.n_patterns += P.shape[0]
        return self

    def energy(self, state: ArrayLike) -> Array:
        """$E(s) = -\\tfrac12 s^\\top W s$ of one state (a 0-D array) or of each state along
        the last axis (e.g. a batch, or a recall history).

        Examples:
            >>> net = Hopfield(2).store([1, 1])
            >>> net.energy([[1, 1], [1, -1]])
            array([-0.5,  0.5])
        """
        s = _bipolar(state, "state", self.n_units, any_batch=True)
        W = self.weights.astype(s.dtype, copy=False)
        e: Array = -0.5 * np.einsum("...i,ij,...j->...", s, W, s)
        return e

    def update(self, state: ArrayLike, unit: int) -> Array:
        """One asynchronous update of one unit, as the rule reads (a new array is returned).

        $s_i \\leftarrow +1$ if $h_i = \\sum_j W_{ij} s_j > 0$, $-1$ if $h_i < 0$, unchanged
        if $h_i = 0$.

        Examples:
            >>> net = Hopfield(3).store([1, 1, 1])
            >>> net.update([1, 1, -1], unit=2)
            array([1., 1., 1.])
        """
        s = _bipolar(state, "state", self.n_units).copy()
        if isinstance(unit, bool) or not isinstance(unit, int | np.integer):
            raise error(
                "unit", f"an integer unit index in [0, {self.n_units - 1}]", unit, TypeError
            )
        if not 0 <= unit < self.n_units:
            raise error("unit", f"an integer unit index in [0, {self.n_units - 1}]", unit)
        h = s @ self.weights[unit]
        tie = _TIE * np.abs(self.weights[unit]).sum()
        s[..., unit] = np.where(h > tie, 1.0, np.where(h < -tie, -1.0, s[..., unit]))
        return s

    def recall(
        self,
        state: ArrayLike,
        steps: int = 10,
        mode: str = "async",
        rng: np.random.Generator | int | None = None,
        return_history: bool = False,
    ) -> Array:
        """Let the network run from ``state``; a step is one sweep over the units.

        - ``"async"`` (asynchronous): in each sweep every unit is updated once, one after
          the other, in an order shuffled by ``rng``; each update sees the units already
          changed. The energy never rises.
        - ``"sync"`` (synchronous): all units update at once from the same old state,
          $s \\leftarrow \\operatorname{sgn}(W s)$. Faster, but it may end in a 2-cycle
          between two states instead of a fixed point.

        A sweep that changes nothing has reached a fixed point, and recall stops there (the
        result is the same as running on). For a batch of states every row runs on its own;
        in asynchronous mode all rows share the order of each sweep.

        Args:
            state: The start, ``(n_units,)`` or ``(n_states, n_units)``, values in {-1, 1}
                (not modified).
            steps: The number of sweeps (at most: recall stops early at a fixed point).
            mode: ``"async"`` (default) or ``"sync"``.
            rng: Random generator or int seed for the update orders (asynchronous mode).
            return_history: Also return every state: the start and the state after each
                sweep that ran, ``(sweeps + 1, *state.shape)``; at a fixed point the last
                two rows are equal (the sweep that changed nothing ends the run), so a huge
                ``steps`` costs nothing once the network has settled.

        Returns:
            The final state(s), shaped like ``state``, or the history.

        Examples:
            >>> net = Hopfield(4).store([[1, 1, -1, -1]])
            >>> net.recall([[1, 1, -1, 1], [-1, 1, -1, -1]], mode="sync")
            array([[ 1.,  1., -1., -1.],
                   [ 1.,  1., -1., -1.]])
        """
        s = _bipolar(state, "state", self.n_units).copy()
        n_steps = check_positive_int(steps, "steps")
        kind = check_choice(mode, "mode", ("async", "sync"))
        want_history = check_bool(return_history, "return_history")
        generator = check_rng(rng)
        rows = s.reshape(-1, self.n_units)  # a view: updating rows updates s
        W = self.weights.astype(s.dtype, copy=False)
        tie = _TIE * np.abs(self.weights).sum(axis=1)
        history = [s.copy()] if want_history else []
        for _ in range(n_steps):
            before = rows.copy()
            if kind == "sync":
                h = rows @ W
                np.copyto(rows, np.sign(h), where=np.abs(h) > tie)
            else:
                self._sweep(rows, W, tie, generator)
            if want_history:
                history.append(s.copy())
            if np.array_equal(rows, before):
                break
        if want_history:
            return np.stack(history)
        return s

    @staticmethod
    def _sweep(rows: Array, W: Array, tie: Array, rng: np.random.Generator) -> None:
        """One asynchronous sweep, in place: each unit once, in a random order."""
        for i in rng.permutation(W.shape[0]):
            h = rows @ W[i]  # W is symmetric: row i holds unit i's incoming weights
            np.copyto(rows[:, i], np.sign(h), where=np.abs(h) > tie[i])

    def __repr__(self) -> str:
        return f"Hopfield({self.n_units})"


def random_patterns(
    n_patterns: int, n_units: int, rng: np.random.Generator | int | None = None
) -> Array:
    """Random bipolar patterns: every value $-1$ or $+1$ with probability 1/2.

    Args:
        n_patterns: How many patterns.
        n_units: Values per pattern.
        rng: Random generator or int seed.

    Returns:
        ``(n_patterns, n_units)`` of -1.0 and 1.0.

    Examples:
        >>> random_patterns(2, 5, rng=0)
        array([[-1.,  1.,  1.,  1., -1.],
               [-1., -1., -1., -1., -1.]])
    """
    p = check_positive_int(n_patterns, "n_patterns")
    n = check_positive_int(n_units, "n_units")
    return np.where(check_rng(rng).random((p, n)) < 0.5, 1.0, -1.0)


def corrupt(
    patterns: ArrayLike, n_flips: int, rng: np.random.Generator | int | None = None
) -> Array:
    """Copies of bipolar patterns with exactly ``n_flips`` values of each flipped.

    The flipped positions are drawn without replacement, independently for each pattern.

    Args:
        patterns: ``(n_units,)`` or ``(n_patterns, n_units)``, values in {-1, 1}.
        n_flips: How many values to flip in each pattern, from 0 to ``n_units``.
        rng: Random generator or int seed.

    Returns:
        The corrupted copies, shaped like ``patterns``.

    Examples:
        >>> p = np.ones(6)
        >>> q = corrupt(p, 2, rng=0)
        >>> int((q != p).sum()), q.shape
        (2, (6,))
    """
    arr = as_float_array(patterns, "patterns")
    if arr.ndim not in (1, 2) or arr.shape[-1] == 0:
        raise error("patterns", "a 1-D pattern or a 2-D array of patterns", arr)
    n = arr.shape[-1]
    out = _bipolar(arr, "patterns", n).copy()
    if isinstance(n_flips, bool) or not isinstance(n_flips, int | np.integer):
        raise error("n_flips", f"an integer from 0 to {n}", n_flips, TypeError)
    if not 0 <= n_flips <= n:
        raise error("n_flips", f"an integer from 0 to {n} (the number of units)", n_flips)
    rows = out.reshape(-1, n)
    generator = check_rng(rng)
    # The first n_flips positions of an independent random order of each row.
    picks = np.argsort(generator.random(rows.shape), axis=1)[:, :n_flips]
    rows[np.arange(rows.shape[0])[:, None], picks] *= -1.0
    return out
