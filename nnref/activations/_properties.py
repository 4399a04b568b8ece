"""The properties an activation's page states, each defined once and checked on the function.

Every property table on the site (an activation's page, the overview, the API catalogue) is
generated from :data:`PROPERTIES`: the definition text shown on the concepts page, the value
shown for one activation, and a check that compares the activation's metadata with the
function itself. [`check_claims`][nnref.activations.check_claims] runs every check; the site
build calls it for each page, so a claim the function contradicts cannot be published.

A check works in both directions: a property claimed true must hold on the sampled inputs,
and a property claimed false must be contradicted by a sampled counterexample. A value between
the two thresholds (too close to call) fails as well, so every claim is decided clearly.

Vector-valued activations are checked on vectors of four inputs (the overview's plots follow
the first output while the first input varies and the others stay at 0, 1 and -1).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnref._typing import Array
from nnref.activations._core import Activation

__all__ = [
    "FAMILY_RULES",
    "PROPERTIES",
    "ClaimError",
    "Property",
    "check_claims",
    "mean_output",
    "saturation_sides",
]


class ClaimError(ValueError):
    """An activation's metadata states a property that the function does not have.

    A ``ValueError``: the metadata is a wrong value, found by comparing it with the function.

    Examples:
        >>> import dataclasses
        >>> from nnref.activations import relu
        >>> try:
        ...     check_claims(dataclasses.replace(relu, continuous=False))
        ... except ClaimError as exc:
        ...     print(exc)
        relu: the claim 'not continuous' is wrong: no jump found (at the listed kinks or on a grid)
    """


@dataclass(frozen=True)
class Property:
    """One property: its definition, how a page shows it, and how it is checked.

    Attributes:
        key: Identifier (``"odd"``), also the anchor on the concepts page.
        name: Name in a sentence or a table header (``"odd"``).
        definition: The definition in Markdown with $\\LaTeX$, one paragraph.
        checked: How the build checks a claim, one sentence.
        field: The ``Activation`` attribute holding the claim.
        check: ``check(f)`` raises :class:`ClaimError` if the claim is wrong.
        text: ``text(f)``: the value an activation's property table shows.

    Examples:
        >>> from nnref.activations import PROPERTIES
        >>> [p.key for p in PROPERTIES][:3]
        ['range', 'bounded', 'monotonic']
    """

    key: str
    name: str
    definition: str
    checked: str
    field: str
    check: Callable[[Activation], None]
    text: Callable[[Activation], str]


# --- sampling ---------------------------------------------------------------------------------

_H = 1.0 / 1024.0  # dyadic: every kink of the catalogue (0, ±0.5, ±1, ±3, 6) is a grid point
_GRID = np.arange(-8 * 1024, 8 * 1024 + 1) * _H
_FAR = np.array([1.0, 1.1, 1.3, 1.7, 2.3, 3.1]) * 1e8
_NEAR_FAR = np.linspace(8.0, 12.0, 33)


def _fail(f: Activation, prop: str, message: str) -> ClaimError:
    return ClaimError(f"{f.key}: the claim '{prop}' is wrong: {message}")


def _rows(f: Activation, x: Array) -> Array:
    """One input row per scalar: ``[x]`` or, for a vector-valued function, ``[x, 0, 1, -1]``."""
    if f.elementwise:
        return x[:, None]
    return np.stack([x, np.zeros_like(x), np.ones_like(x), -np.ones_like(x)], axis=-1)


def _columns(f: Activation, x: Array) -> Array:
    """Scalars as a column: one position, or two for a position-dependent function (BReLU)."""
    return np.repeat(x[:, None], 2 if f.position_dependent else 1, axis=1)


def _line(f: Activation, x: Array) -> Array:
    """The first output along the line of :func:`_rows` (position 0 for BReLU)."""
    return np.asarray(f(_rows(f, x)))[:, 0]


def _vectors(scale: float = 1.0) -> Array:
    """Fixed, reproducible four-input vectors (a seeded generator, local to this call)."""
    return np.random.default_rng(20240601).standard_normal((512, 4)) * scale


# --- range and bounded ------------------------------------------------------------------------


def _range_samples(f: Activation) -> Array:
    """Outputs over a wide set of inputs, reaching 1e12 (and, vector-valued, many directions)."""
    # Fine where the curves turn (every interior extremum of the catalogue lies in [-8, 8]),
    # coarse further out, then single far points for the asymptotes.
    far = [-1e4, 1e4, -1e6, 1e6, -1e12, 1e12]
    x = np.concatenate([_GRID, np.arange(-60 * 16, 60 * 16 + 1) / 16.0, far])
    if f.elementwise:
        return np.asarray(f(_columns(f, x))).ravel()
    t = np.concatenate([x[::10], far])[:, None, None]
    directions = np.array([[1, 0, 0, 0], [1, 1, 1, 1], [1, 0, 1, -1], [1, -1, 0, 0]], float)
    lines = (t * directions[None]).reshape(-1, 4)
    samples = np.concatenate([lines, _vectors(), _vectors(30.0)])
    return np.asarray(f(samples)).ravel()


def _check_range(f: Activation) -> None:
    y = _range_samples(f)
    lo, hi = f.output_range
    if f.output_values:
        seen = set(np.unique(y).tolist())
        if seen != set(f.output_values):
            raise _fail(f, "range", f"takes the values {sorted(seen)}, not {f.output_values}")
    else:
        few = np.unique(y)
        if few.size < 100:
            raise _fail(f, "range", f"an interval, but it takes only the values {few.tolist()}")
    slack = 1e-12 * (1.0 + max(abs(v) for v in (lo, hi) if math.isfinite(v)) if f.bounded else 1)
    if np.any(y < lo - slack) or np.any(y > hi + slack):
        raise _fail(f, "range", f"outputs from {y.min():.6g} to {y.max():.6g} leave [{lo}, {hi}]")
    for end, extreme in ((lo, float(y.min())), (hi, float(y.max()))):
        if math.isfinite(end) and abs(extreme - end) > 1e-6 * (1.0 + abs(end)):
            raise _fail(f, "range", f"the end {end} is never approached (closest {extreme:.6g})")
    tail = {-1: _tail(f, -1.0), 1: _tail(f, 1.0)}
    for end, sign in ((lo, -1), (hi, 1)):
        if not math.isfinite(end) and not _grows(f, sign, tail[sign]):
            raise _fail(f, "range", f"the outputs do not grow without bound towards {end}")


def _tail(f: Activation, sign: float) -> tuple[float, float]:
    """The most extreme output in direction ``sign`` for inputs up to 1e6 and up to 1e12."""
    out = []
    for reach in (1e6, 1e12):
        t = np.array([-reach, reach])
        if f.elementwise:
            y = np.asarray(f(_columns(f, t))).ravel()
        else:
            d = np.array([[1, 0, 0, 0], [1, 1, 1, 1], [1, 0, 1, -1]], float)
            y = np.asarray(f((t[:, None, None] * d[None]).reshape(-1, 4))).ravel()
        out.append(float(np.max(sign * y)))
    return out[0], out[1]


def _grows(f: Activation, sign: float, tail: tuple[float, float]) -> bool:
    """Unbounded in direction ``sign``: beyond 20 at 1e12 and still growing past 1e6."""
    at_million, at_trillion = tail
    return at_trillion > 20.0 and at_trillion > at_million + 1.0


def _range_text(f: Activation) -> str:
    if f.output_values:
        return "{" + ", ".join(f"{v:g}" for v in f.output_values) + "}"
    return f"from {f.output_range[0]:g} to {f.output_range[1]:g}"


def _check_bounded(f: Activation) -> None:
    # Read off the range, whose ends are checked (finite ends approached, infinite ones
    # grown towards); here only that the derived flag agrees with them.
    if f.bounded != all(math.isfinite(v) for v in f.output_range):
        raise _fail(f, "bounded", "disagrees with the range")


# --- monotonic --------------------------------------------------------------------------------


def _check_monotonic(f: Activation) -> None:
    if f.elementwise:
        x = np.linspace(-10.0, 10.0, 20001)
        y = np.asarray(f(x[:, None]))  # every position (BReLU: position 0)
        drops = -np.diff(y, axis=0)
        # 1e-9 relative allows softplus's switch to the identity at its threshold.
        worst = float(np.max(drops / (1.0 + np.abs(y[1:]))))
        if f.monotonic and worst > 1e-9:
            raise _fail(f, "monotonic", f"it decreases somewhere on [-10, 10] (by {worst:.3g})")
        if not f.monotonic and worst < 1e-6:
            raise _fail(f, "not monotonic", "it never decreases on [-10, 10]")
        return
    x = _vectors()
    y = np.asarray(f(x))
    if y.shape == x.shape:  # order-preserving: sorting the inputs sorts the outputs
        kept = bool(np.all(np.argsort(x, axis=-1) == np.argsort(y, axis=-1)))
        if f.monotonic != kept:
            claim = "monotonic" if f.monotonic else "not monotonic"
            return_msg = (
                "sorting the inputs does not sort the outputs"
                if f.monotonic
                else ("sorting the inputs always sorts the outputs")
            )
            raise _fail(f, claim, return_msg)
        return
    jac = np.asarray(f.jacobian(x))  # an axis-shrinking function: non-decreasing in each input
    lowest = float(jac.min())
    if f.monotonic and lowest < -1e-12:
        raise _fail(f, "monotonic", f"an output decreases in an input (slope {lowest:.3g})")
    if not f.monotonic and lowest > -1e-6:
        raise _fail(f, "not monotonic", "no output decreases in any input")


# --- odd and zero-centred ---------------------------------------------------------------------


def _check_odd(f: Activation) -> None:
    if f.elementwise:
        x = np.concatenate([_GRID, [-1e6, 1e6]])
        up, down = np.asarray(f(x[:, None])), np.asarray(f(-x[:, None]))
    else:
        x = _vectors()
        up, down = np.asarray(f(x)), np.asarray(f(-x))
    gap = np.abs(down + up) / (1.0 + np.abs(up))
    gap = gap.reshape(len(x), -1).max(axis=-1)
    worst = float(np.max(gap))
    if f.odd and worst > 1e-12:
        at = x[int(np.flatnonzero(gap > 1e-12)[0])]
        raise _fail(f, "odd", f"f(-x) != -f(x) at x = {at}")
    if not f.odd and worst < 1e-6:
        raise _fail(f, "not odd", "f(-x) = -f(x) at every sampled x")


def mean_output(f: Activation) -> float:
    """$E[f(Z)]$ for $Z \\sim N(0, 1)$ (vector-valued: $Z \\sim N(0, I_4)$, all outputs).

    Elementwise: the midpoint rule on a dyadic grid over [-12, 12] (no node on a kink, so
    the error is below 1e-7 for every activation of the catalogue). Vector-valued: a tensor
    Gauss-Hermite rule with 8 nodes per input, symmetric about 0.

    Examples:
        >>> from nnref.activations import relu, tanh
        >>> round(mean_output(relu), 6), round(mean_output(tanh), 6)
        (0.398942, 0.0)
    """
    if f.elementwise:
        z = (np.arange(-12 * 1024, 12 * 1024) + 0.5) * _H
        w = np.exp(-0.5 * z * z) * (_H / math.sqrt(2.0 * math.pi))
        return float(np.sum(np.asarray(f(z[:, None]))[:, 0] * w))
    nodes, weights = np.polynomial.hermite_e.hermegauss(8)
    grids = np.meshgrid(*(4 * [nodes]), indexing="ij")
    wgrid = np.prod(np.meshgrid(*(4 * [weights]), indexing="ij"), axis=0).ravel()
    points = np.stack([g.ravel() for g in grids], axis=-1)
    y = np.asarray(f(points))
    return float(np.sum(y.mean(axis=-1) * wgrid) / np.sum(wgrid))


def _check_zero_centred(f: Activation) -> None:
    mean = mean_output(f)
    if f.zero_centered and abs(mean) > 1e-6:
        raise _fail(f, "zero-centred", f"E[f(Z)] = {mean:.6g}, not 0")
    if not f.zero_centered and abs(mean) < 1e-3:
        raise _fail(f, "not zero-centred", f"E[f(Z)] = {mean:.3g}, which is 0")


# --- continuous and differentiable ------------------------------------------------------------


def _points(f: Activation) -> Array:
    coarse = np.arange(-8 * 64, 8 * 64 + 1) / 64.0
    return np.unique(np.concatenate([coarse, np.asarray(f.kinks(), dtype=float), [0.0]]))


def _check_continuous(f: Activation) -> None:
    c = _points(f)
    h = 1e-9
    jumps = np.abs(_line(f, c + h) - _line(f, c - h))
    if f.continuous and np.max(jumps) > 1e-6:
        raise _fail(f, "continuous", f"it jumps at x = {c[int(np.argmax(jumps))]:g}")
    if not f.continuous and np.max(jumps) < 0.1:
        raise _fail(f, "not continuous", "no jump found (at the listed kinks or on a grid)")


def _check_differentiable(f: Activation) -> None:
    c = _points(f)
    h = 1e-6
    mid = _line(f, c)
    left = (mid - _line(f, c - h)) / h
    right = (_line(f, c + h) - mid) / h
    corner = np.abs(right - left) / np.maximum(1.0, np.abs(left) + np.abs(right))
    worst = float(np.max(corner))
    if f.smooth and (worst > 1e-2 or (f.elementwise and f.kinks())):
        raise _fail(f, "differentiable everywhere", f"a corner or jump at {c[np.argmax(corner)]}")
    if not f.smooth and worst < 1e-2:
        raise _fail(f, "not differentiable everywhere", "no corner or jump found")


# --- saturation -------------------------------------------------------------------------------


def saturation_sides(f: Activation) -> dict[str, tuple[bool, bool]]:
    """Measure, per side, whether $f'(x) \\to 0$ and whether it is exactly 0 far out.

    Returns ``{"left": (saturates, hard), "right": (saturates, hard)}`` for an elementwise
    activation; ``{}`` for a vector-valued one. A position-dependent activation (BReLU)
    counts a side as saturating when one of its positions saturates there.

    Raises:
        ClaimError: if the derivative far out is neither clearly 0 nor clearly not (between
            1e-6 and 1e-3 at $|x| = 10^8$): the measurement cannot decide.

    Examples:
        >>> from nnref.activations import relu, sigmoid
        >>> saturation_sides(relu)
        {'left': (True, True), 'right': (False, False)}
        >>> saturation_sides(sigmoid)["right"]
        (True, False)
    """
    if not f.elementwise:
        return {}
    width = 2 if f.position_dependent else 1
    sides = {}
    for side, sign in (("left", -1.0), ("right", 1.0)):
        far = np.abs(np.asarray(f.derivative(np.repeat(sign * _FAR[:, None], width, axis=1))))
        near = np.asarray(f.derivative(np.repeat(sign * _NEAR_FAR[:, None], width, axis=1)))
        per_position = np.max(far, axis=0)
        if np.any((per_position >= 1e-6) & (per_position <= 1e-3)):
            raise ClaimError(
                f"{f.key}: cannot decide the saturation on the {side}: |f'| = "
                f"{per_position.max():.3g} at |x| = 1e8"
            )
        saturates = per_position < 1e-6
        hard = saturates & np.all(near == 0.0, axis=0)
        sides[side] = (bool(np.any(saturates)), bool(np.any(hard)))
    return sides


def _claimed_sides(f: Activation) -> tuple[bool, bool]:
    return f.saturates in ("left", "both"), f.saturates in ("right", "both")


def _check_saturation(f: Activation) -> None:
    if not f.elementwise:
        if f.saturates != "":
            raise _fail(f, "saturates", "is defined for elementwise activations only")
        return
    sides = saturation_sides(f)
    found = (sides["left"][0], sides["right"][0])
    if found != _claimed_sides(f):
        names = {(False, False): "none", (True, False): "left", (False, True): "right"}
        measured = names.get(found, "both")
        raise _fail(f, f"saturates: {f.saturates}", f"f' -> 0 is measured on: {measured}")


def _saturation_text(f: Activation) -> str:
    if not f.elementwise:
        return "not defined (vector-valued)"
    if f.position_dependent:
        return "on the left at even positions, on the right at odd ones"
    sides = saturation_sides(f)
    found = [(side, hard) for side, (saturates, hard) in sides.items() if saturates]
    if not found:
        return "on neither side: non-saturating"
    word = {side: "hard" if hard else "soft" for side, hard in found}
    if len(found) == 2:
        same = word["left"] == word["right"]
        kind = word["left"] if same else f"{word['left']} on the left, {word['right']} on the right"
        return f"on both sides ({kind}): saturating"
    side, hard = found[0]
    arrow = "x → −∞" if side == "left" else "x → +∞"
    return f"on the {side} only ({arrow}, {'hard' if hard else 'soft'}): non-saturating"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


_DEFINITIONS = (
    Property(
        key="range",
        name="range",
        definition=(
            "The set of all values $f(x)$ takes as $x$ runs over the real numbers. For a "
            "continuous function it is an interval, written with a square bracket at an end "
            "the function reaches and a round one at an end it only approaches: the sigmoid's "
            "is $(0, 1)$, ReLU's $[0, \\infty)$. A function that takes only a few values has "
            "that set as its range: the step's is $\\{0, 1\\}$, not the interval $[0, 1]$."
        ),
        checked=(
            "Outputs for inputs up to $\\pm 10^{12}$ stay inside the range; each finite end "
            "is approached to within $10^{-6}$; towards an infinite end the outputs keep "
            "growing; a set of values is taken exactly."
        ),
        field="output_range",
        check=_check_range,
        text=_range_text,
    ),
    Property(
        key="bounded",
        name="bounded",
        definition=(
            "Both ends of the range are finite: some number $M$ bounds every output, "
            "$|f(x)| \\le M$. A bounded function squashes any net input into a fixed band."
        ),
        checked="Read off the checked range.",
        field="bounded",
        check=_check_bounded,
        text=lambda f: _yes(f.bounded),
    ),
    Property(
        key="monotonic",
        name="monotonic",
        definition=(
            "The output never decreases as the input grows: $x \\le y$ implies "
            "$f(x) \\le f(y)$ (non-decreasing; no activation here is decreasing instead). "
            "For a vector-valued function that keeps the length of its input: sorting the "
            "inputs sorts the outputs; for one that shortens it (GLU, maxout): no output "
            "decreases when one input grows."
        ),
        checked=(
            "No decrease on a grid over $[-10, 10]$ (steps of 0.001) if claimed, a decrease "
            "somewhere if not; vector-valued: 512 random vectors."
        ),
        field="monotonic",
        check=_check_monotonic,
        text=lambda f: _yes(f.monotonic),
    ),
    Property(
        key="odd",
        name="odd",
        definition=(
            "Symmetric through the origin: $f(-x) = -f(x)$ for every $x$, so in particular "
            "$f(0) = 0$. Tanh is odd; the sign function is not, because $\\operatorname{sgn}(0)"
            " = +1$ on this site (as the threshold unit fires at its threshold), and "
            "$-\\operatorname{sgn}(0) = -1$."
        ),
        checked=(
            "$f(-x) = -f(x)$ to rounding at every point of a grid over $[-8, 8]$ (steps of "
            "$2^{-10}$, including 0 and every kink) if claimed; a mismatch somewhere if not."
        ),
        field="odd",
        check=_check_odd,
        text=lambda f: _yes(f.odd),
    ),
    Property(
        key="zero-centred",
        name="zero-centred",
        definition=(
            "Inputs balanced around 0 give outputs balanced around 0: for a standard normal "
            "net input $Z \\sim N(0, 1)$ the mean output is zero, $E[f(Z)] = 0$. The next "
            "layer then sees inputs of both signs, which keeps its gradient steps from all "
            "pointing the same way. Every odd function is zero-centred, but not the other way "
            "round: the sign function and SELU (whose constants are chosen for exactly this) "
            "are zero-centred without being odd. The sigmoid and ReLU are not."
        ),
        checked=(
            "$E[f(Z)]$ by numerical integration: below $10^{-6}$ in size if claimed, above "
            "$10^{-3}$ if not."
        ),
        field="zero_centered",
        check=_check_zero_centred,
        text=lambda f: _yes(f.zero_centered),
    ),
    Property(
        key="continuous",
        name="continuous",
        definition=(
            "No jumps: a small change of the input gives a small change of the output. The "
            "step and sign functions jump at their threshold."
        ),
        checked="$|f(c + h) - f(c - h)|$ for $h = 10^{-9}$ at every kink and on a grid.",
        field="continuous",
        check=_check_continuous,
        text=lambda f: _yes(f.continuous),
    ),
    Property(
        key="differentiable",
        name="differentiable everywhere",
        definition=(
            "The derivative $f'(x)$ exists at every $x$: the graph has no corner and no jump. "
            "ReLU has a corner at 0, where the library uses $f'(0) = 0$ by convention (as "
            "PyTorch does)."
        ),
        checked=(
            "One-sided difference quotients agree on a grid and disagree at each listed kink."
        ),
        field="smooth",
        check=_check_differentiable,
        text=lambda f: _yes(f.smooth),
    ),
    Property(
        key="saturation",
        name="saturation",
        definition=(
            "A function **saturates on the right** when its derivative tends to 0 as the input "
            "grows, $f'(x) \\to 0$ as $x \\to +\\infty$, and **on the left** when "
            "$f'(x) \\to 0$ as $x \\to -\\infty$; **hard** if $f'$ is exactly 0 beyond some "
            "point, **soft** if it only tends to 0. A function that saturates on both sides, "
            "such as the sigmoid and tanh, is called **saturating**. ReLU and its relatives "
            "(leaky ReLU, ELU, GELU, …) saturate at most on the left and keep "
            "$f'(x) \\to 1$ on the right, so they are non-saturating: large positive net "
            "inputs still pass the gradient back unchanged (Gulcehre et al., 2016). "
            "Saturation is about the derivative, not the output: the sign function and "
            "ArSinH saturate on both sides, bounded or not."
        ),
        checked=(
            "$|f'(x)|$ at six points near $x = \\pm 10^8$: below $10^{-6}$ on a saturating "
            "side, above $10^{-3}$ on the other; hard when $f'$ is exactly 0 on $8 \\le |x| "
            "\\le 12$."
        ),
        field="saturates",
        check=_check_saturation,
        text=_saturation_text,
    ),
)

PROPERTIES: tuple[Property, ...] = _DEFINITIONS
"""Every property a page states about an activation, in table order (see ``Property``)."""


FAMILY_RULES: dict[str, tuple[str, ...]] = {
    "sigmoid-like": ("bounded", "monotonic"),
    "threshold": ("bounded", "monotonic"),
}
"""Properties every member of a family must have: a sigmoid-like (squashing) function is
bounded and monotonic, so an unbounded S-curve such as ArSinH belongs elsewhere."""


def _check_family(f: Activation) -> None:
    for key in FAMILY_RULES.get(f.family, ()):
        if not getattr(f, key):
            raise _fail(f, f"family {f.family}", f"its members are {key}, and {f.key} is not")


def check_claims(f: Activation) -> None:
    """Check every property ``f`` claims against the function itself.

    Raises:
        ClaimError: naming the activation, every wrong claim and the evidence against it;
            also when ``f`` lacks a property its family requires (``FAMILY_RULES``).

    Examples:
        >>> import dataclasses
        >>> from nnref.activations import relu, sigmoid
        >>> check_claims(sigmoid)
        >>> check_claims(dataclasses.replace(relu, key="bad_relu", odd=True))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        nnref.activations._properties.ClaimError: bad_relu: the claim 'odd' is wrong: ...
    """
    errors = []
    for check in (*(prop.check for prop in PROPERTIES), _check_family):
        try:
            check(f)
        except ClaimError as exc:
            errors.append(str(exc))
    if errors:
        raise ClaimError("; ".join(errors))
