"""The glossary's activation pages, rendered from the catalogue.

Each page under ``docs/activations/`` is one call to :func:`activation_page`; the overview page
uses :func:`catalogue_table`, :func:`family_figure` and :func:`coverage_table`. Everything shown
comes from the [`Activation`][nnref.activations.Activation] objects, and every claim the page
makes (range, monotonicity, the derivative) is checked on a grid while the page is built.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import yaml

from nnref import activations
from nnref.activations import Activation
from nnref.plotting import PALETTE, figure_to_svg, new_figure
from nnref_site import data_file
from nnref_site.markdown import fmt, link, table
from nnref_site.terms import topics_for

FAMILY_TITLES = {
    "threshold": "Threshold functions",
    "linear": "Linear",
    "sigmoid-like": "Sigmoid-like (squashing)",
    "rectifier": "Rectifiers",
    "smooth rectifier": "Smooth rectifiers",
    "shrinkage": "Shrinkage",
    "periodic": "Periodic",
    "radial": "Radial (bump-shaped)",
    "other": "Other shapes",
    "vector-valued": "Vector-valued (several inputs)",
}


def page_path(key: str) -> str:
    """The docs-relative path of an activation's page."""
    return f"activations/{key}.md"


def family_title(family: str) -> str:
    return FAMILY_TITLES.get(family, family.replace("-", " ").capitalize())


def _attained(y: np.ndarray, dy: np.ndarray, bound: float) -> bool:
    """Is ``bound`` reached: exactly on the grid, or at an interior extremum between points."""
    if not np.isfinite(bound):
        return False
    if np.any(y == bound):
        return True
    near = np.flatnonzero(np.abs(y - bound) < 1e-6 * (1 + abs(bound)))
    near = near[near < len(dy) - 1]
    return bool(np.any(dy[near] * dy[near + 1] < 0))


def range_text(f: Activation) -> str:
    """The output range, closed where the function reaches the bound.

    Checked on a dyadic grid over [-8, 8] (exact at the usual kinks, and far enough from the
    asymptotes that float64 does not round a sigmoid to exactly 0 or 1).
    """
    lo, hi = f.output_range
    y, dy = _curve(f, np.linspace(-8.0, 8.0, 16385))
    tex = {np.inf: r"\infty", -np.inf: r"-\infty"}
    left = "[" if _attained(y, dy, lo) else "("
    right = "]" if _attained(y, dy, hi) else ")"
    low, high = (tex.get(v, fmt(v, 6).replace("−", "-")) for v in (lo, hi))
    return f"${left}{low}, {high}{right}$"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _grid(f: Activation) -> np.ndarray:
    return np.linspace(-5.0, 5.0, 1001)


def _inputs(f: Activation, x: np.ndarray) -> np.ndarray:
    """Scalar grid → one input row per grid point, ``[x]`` or (vector-valued) ``[x, 0, 1, -1]``.

    Rows keep every grid value at position 0 of the last axis, which matters for the one
    activation that depends on the position (BReLU).
    """
    if f.elementwise:
        return x[:, None]
    return np.stack([x, np.zeros_like(x), np.ones_like(x), -np.ones_like(x)], axis=-1)


def _curve(f: Activation, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Output (first component) and its derivative with respect to the first input."""
    inputs = _inputs(f, x)
    if f.elementwise:
        return f(inputs)[:, 0], f.derivative(inputs)[:, 0]
    jac = f.jacobian(inputs)
    return f(inputs)[..., 0], jac[..., 0, 0]


def _central_difference(f: Activation, x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    up, _ = _curve(f, x + h)
    down, _ = _curve(f, x - h)
    return (up - down) / (2 * h)


def plot_svg(f: Activation) -> str:
    """f and f′ on one axis, with central-difference points on the derivative."""
    x = _grid(f)
    y, dy = _curve(f, x)
    for kink in f.kinks():  # break the lines at corners and jumps instead of drawing risers
        at = int(np.argmin(np.abs(x - kink)))
        dy[at] = np.nan
        if not f.continuous:
            y[at] = np.nan
    probes = _probes(f)
    fig, ax = new_figure(figsize=(6.4, 3.5))
    label = f.key if f.elementwise else f"{f.key}(x, 0, 1, −1)₁"
    ax.plot(x, y, color=PALETTE[0], label=label)
    ax.plot(x, dy, color=PALETTE[1], linestyle="--", label="derivative")
    ax.plot(
        probes,
        _central_difference(f, probes),
        "o",
        color=PALETTE[2],
        ms=5,
        label="finite differences",
    )
    ax.axhline(0, color=PALETTE[7], lw=0.8)
    ax.axvline(0, color=PALETTE[7], lw=0.8)
    shown = [y, dy]
    if f.key == "brelu":  # position-dependent: odd positions get the mirrored ReLU
        odd = f(np.column_stack([x, x]))[:, 1]
        ax.plot(x, odd, color=PALETTE[4], linestyle=":", label="brelu at odd positions")
        shown.append(odd)
    finite = np.concatenate([v[np.isfinite(v)] for v in shown])
    lo, hi = float(np.min(finite)), float(np.max(finite))
    pad = 0.08 * max(hi - lo, 1.0)
    ax.set_ylim(max(lo, -6) - pad, min(hi, 6) + pad)
    ax.set_xlabel("x (net input)")
    ax.legend(fontsize=9, loc="best")
    return figure_to_svg(
        fig, f"plot-{f.key.replace('_', '-')}", title=f"{f.name} and its derivative"
    )


def _probes(f: Activation) -> np.ndarray:
    """Points for the finite-difference check: spread out, and never on a kink or jump."""
    probes = np.linspace(-4.3, 4.3, 9) + 0.137
    kinks = np.array([*f.kinks(), 0.0]) if not f.elementwise else np.array(f.kinks())
    if kinks.size:
        probes = probes[np.min(np.abs(probes[:, None] - kinks[None, :]), axis=1) > 1e-3]
    return probes


def _check_claims(f: Activation) -> None:
    """Fail the build if the metadata the page shows disagrees with the function itself."""
    x = _grid(f)
    y, dy = _curve(f, x)
    lo, hi = f.output_range
    assert np.all((y >= lo - 1e-12) & (y <= hi + 1e-12)), f"{f.key}: output_range"
    if f.monotonic and f.elementwise:
        assert np.all(np.diff(y) >= -1e-12), f"{f.key}: monotonic"
    if f.zero_centered and f.elementwise:
        off = np.abs(x) > 1e-9
        assert np.allclose(f(-x[off]), -f(x[off])), f"{f.key}: zero-centred"
    probes = _probes(f)
    _, analytic = _curve(f, probes)
    numeric = _central_difference(f, probes)
    assert np.allclose(analytic, numeric, rtol=1e-5, atol=1e-6), f"{f.key}: derivative"


def values_table(f: Activation) -> str:
    xs = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0])
    y, dy = _curve(f, xs)
    heads = (
        ["x", f"{f.key}(x)", "derivative"]
        if f.elementwise
        else ["x", "first output for input (x, 0, 1, −1)", "∂ first output / ∂x"]
    )
    return table(heads, zip(xs, y, dy, strict=True), digits=6)


def properties_table(f: Activation) -> str:
    params = ", ".join(f"`{k} = {v:g}`" for k, v in f.defaults.items()) or "none"
    rows = [
        ["output range", range_text(f)],
        ["bounded", _yes(f.bounded)],
        ["monotonic", _yes(f.monotonic)],
        ["odd, $f(-x) = -f(x)$ (zero-centred)", _yes(f.zero_centered)],
        ["continuous", _yes(f.continuous)],
        ["differentiable everywhere", _yes(f.smooth)],
    ]
    if f.elementwise:
        rows.append(
            [
                "saturates",
                {
                    "none": "no",
                    "left": "for x → −∞",
                    "right": "for x → +∞",
                    "both": "on both sides",
                }[f.saturates],
            ]
        )
    else:
        rows.append(["input", "a vector along the last axis"])
    rows.append(["parameters (defaults)", params])
    rows.append(["PyTorch", f"`{f.torch_name}`" if f.torch_name else "—"])
    if f.aliases:
        rows.append(["also looked up as", ", ".join(f"`{a}`" for a in f.aliases)])
    return table(["property", "value"], rows)


def _see_also(f: Activation, source: str) -> str:
    """Same-family pages, then the topics whose term entry selects ``f`` (includes/terms/)."""
    same = [g for g in activations.catalog() if g.family == f.family and g.key != f.key]
    items = [f"[{g.name}]({link(page_path(g.key), source)})" for g in same]
    items += [f"[{t['term']}]({link(t['page'], source)})" for t in topics_for(f)]
    items.append(f"[Overview of all activations]({link('activations/index.md', source)})")
    return " · ".join(items)


def _call_args(f: Activation) -> str:
    return ", ".join(["x", *(f"{k}={v:g}" for k, v in f.defaults.items())])


def _has_derivative(f: Activation) -> bool:
    try:
        f.derivative(np.zeros((1, 4)))
    except TypeError:
        return False
    return True


def _definition(f: Activation) -> str:
    body = f.doc.split("Examples:")[0].strip()
    paragraphs = body.split("\n\n")
    extra = [p.strip() for p in paragraphs[1:] if p.strip() != f.summary]
    return "\n\n".join(extra)


def activation_page(key: str) -> str:
    """The generated body of one activation's page, as Markdown with inline SVG.

    Hand-written sections may follow; ``activation_footer`` closes the page.
    """
    f = activations.get(key)
    _check_claims(f)
    vector_note = (
        ""
        if f.elementwise
        else " This function takes a whole vector: the plot follows its first output while the "
        "first input $x$ varies and the other three inputs stay at 0, 1 and −1."
    )
    parts = [
        f'!!! abstract "Definition"\n    {f.summary}\n',
        _definition(f) + "\n",
        "## Formula\n",
        f"$$\n{f.formula}\n$$\n",
        "Here $x$ is the neuron's net input (written $z$ on the neuron pages). The derivative, "
        "taken with respect to that net input:\n",
        f"$$\n{f.derivative_formula}\n$$\n",
        "## Plot\n",
        "The curve and its derivative come from the library; the dots are central finite "
        "differences $\\frac{f(x+h) - f(x-h)}{2h}$, computed independently of the derivative "
        "formula." + vector_note + "\n",
        f'<div class="nnref-plot">\n{plot_svg(f)}</div>\n',
        "## Values\n",
        values_table(f) + "\n",
        "## Properties\n",
        "Generated from the activation's metadata; the build checks range, monotonicity, "
        "symmetry and derivative against the function on a grid.\n",
        properties_table(f) + "\n",
    ]
    if f.strengths:
        parts += ["## Strengths\n", "\n".join(f"- {s}" for s in f.strengths) + "\n"]
    if f.problems:
        parts += ["## Problems\n", "\n".join(f"- {p}" for p in f.problems) + "\n"]
    return "\n".join(parts)


def activation_footer(key: str) -> str:
    """The end of an activation's page: how to call it, its API entry and related pages."""
    f = activations.get(key)
    source = page_path(f.key)
    api = link(f"api/activations.md#nnref.activations.{f.key}", source)
    method = "derivative" if _has_derivative(f) else "jacobian"
    return "\n".join(
        [
            "## In code\n",
            f"```python\nfrom nnref import activations\n\nactivations.{f.key}({_call_args(f)})"
            f"\nactivations.{f.key}.{method}(x)\n```\n",
            f"API: [`nnref.activations.{f.key}`]({api})\n",
            "## See also\n",
            _see_also(f, source) + "\n",
        ]
    )


def _tex_cell(tex: str) -> str:
    """LaTeX for a Markdown table cell: a bare ``|`` would split the cell."""
    return tex.replace("|", r"\vert ")


def catalogue_table(source: str = "activations/index.md") -> str:
    """Every activation, one table per family: name (linked), formula, range, properties."""
    out = []
    for family in families():
        rows: list[list[Any]] = []
        for f in (g for g in activations.catalog() if g.family == family):
            rows.append(
                [
                    f"[{f.name}]({link(page_path(f.key), source)})",
                    f"${_tex_cell(f.formula)}$",
                    range_text(f),
                    "✓" if f.monotonic else "",
                    "✓" if f.zero_centered else "",
                    "✓" if f.smooth else "",
                ]
            )
        out.append(f"### {family_title(family)}\n")
        out.append(
            table(["name", "formula", "range", "monotonic", "odd", "differentiable"], rows) + "\n"
        )
    return "\n".join(out)


FAMILY_PANEL_MAX = 5
"""At most this many curves share one panel of a family's overlay figure."""

_STYLES = ("-", "--", "-.", ":", (0, (6, 1.5, 1.5, 1.5, 1.5, 1.5)))
"""Line styles of the curves of one panel (with the colour, each curve differs in both)."""


def _panels(members: list[Activation]) -> list[list[Activation]]:
    """Split a family into panels of at most ``FAMILY_PANEL_MAX`` curves of similar shape.

    Keyed on the data, not on the family's name: the members are ordered by their output
    range (lower bound, then upper bound), so that curves sharing a range share a panel, and
    cut into equal-sized chunks.
    """
    ordered = sorted(members, key=lambda f: (f.output_range[0], f.output_range[1]))
    n_panels = -(-len(ordered) // FAMILY_PANEL_MAX)
    sizes = [len(ordered) // n_panels + (k < len(ordered) % n_panels) for k in range(n_panels)]
    bounds = np.cumsum([0, *sizes])
    return [ordered[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def _family_curve(f: Activation, x: np.ndarray) -> np.ndarray:
    """f on the grid ``x``, with NaN at each jump so that no vertical riser is drawn."""
    y = f(x[:, None])[:, 0].astype(float)
    if not f.continuous:
        for jump in f.kinks():
            y[np.abs(x - jump) <= 0.5 * (x[1] - x[0])] = np.nan
    return y


def family_figure(family: str) -> str:
    """The elementwise activations of one family, at most five curves to a panel.

    Larger families are split over several panels stacked in one figure (see
    :func:`_panels`); each curve has its own colour and line style, jumps are left open, the
    x-axis is symmetric about 0 and the legend sits to the right of the data. The figure is
    narrow enough for its text to stay legible on a phone.
    """
    members = [f for f in activations.catalog() if f.family == family and f.elementwise]
    assert members, f"family {family!r} has no elementwise activation to draw"
    panels = _panels(members)
    x = np.linspace(-5.0, 5.0, 501)  # symmetric, and 0 (where the jumps are) on the grid
    # Placed by hand (inches): constrained layout costs seconds for a stack of panels.
    width, panel_h, top, gap, bottom = 5.3, 1.9, 0.45, 0.35, 0.55
    height = top + len(panels) * panel_h + (len(panels) - 1) * gap + bottom
    fig, axes = new_figure(figsize=(width, height), nrows=len(panels), layout=None, squeeze=False)
    for k, (ax, panel) in enumerate(zip(axes[:, 0], panels, strict=True)):
        y0 = bottom + (len(panels) - 1 - k) * (panel_h + gap)
        ax.set_position([0.55 / width, y0 / height, 2.85 / width, panel_h / height])
        curves = [_family_curve(f, x) for f in panel]
        values = np.concatenate(curves)
        values = values[np.isfinite(values)]
        lo, hi = max(float(np.min(values)), -4.0), min(float(np.max(values)), 5.0)
        pad = 0.08 * max(hi - lo, 1.0)
        ax.set_ylim(lo - pad, hi + pad)
        ax.set_xlim(-5.0, 5.0)
        ax.set_xticks([-4, -2, 0, 2, 4])
        ax.axhline(0, color=PALETTE[7], lw=0.8, zorder=0)
        ax.axvline(0, color=PALETTE[7], lw=0.8, zorder=0)
        for i, (f, y) in enumerate(zip(panel, curves, strict=True)):
            # Wider lines first, so that a curve drawn on top of another leaves it visible.
            ax.plot(x, y, label=f.key, color=PALETTE[i], linestyle=_STYLES[i], lw=3.2 - 0.4 * i)
        ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=10, handlelength=2.4)
        ax.tick_params(labelsize=10)
    axes[-1, 0].set_xlabel("x", fontsize=10)
    title = family_title(family)
    fig.text(0.55 / width, 1 - 0.3 / height, title, fontsize=11, va="baseline")
    return figure_to_svg(fig, "family-" + family.replace(" ", "-"), title=title)


def families() -> list[str]:
    """Families in catalogue order."""
    seen: dict[str, None] = {}
    for f in activations.catalog():
        seen.setdefault(f.family, None)
    return list(seen)


def coverage_table(source: str = "activations/index.md") -> str:
    """Every name from Wikipedia's table and PyTorch's list, mapped to our page."""
    data = yaml.safe_load(data_file("activation_coverage.yml").read_text("utf-8"))
    rows = []
    for origin in ("wikipedia", "pytorch"):
        for entry in data[origin]:
            key = entry["key"]
            note = entry.get("note", "")
            if key is None:
                assert note, f"{entry['name']}: a name we do not implement needs a note"
                ours = "—"
            else:
                f = activations.get(key)  # an unknown key fails the build, naming it
                ours = f"[{f.name}]({link(page_path(f.key), source)})"
            origin_name = "Wikipedia" if origin == "wikipedia" else "PyTorch"
            rows.append([origin_name, entry["name"], ours, note])
    return table(["source", "name there", "our page", "note"], rows)
