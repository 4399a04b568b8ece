"""The glossary's activation pages, rendered from the catalogue.

Each page under ``docs/activations/`` is one call to :func:`activation_page`; the overview page
uses :func:`catalogue_table`, :func:`family_figure` and :func:`coverage_table`. Everything shown
comes from the [`Activation`][nnref.activations.Activation] objects, and every claim the page
makes is checked while the page is built: each property by its one definition in
``nnref.activations.PROPERTIES``, the derivative against central differences.

A page opens with intuition, the text of the activation's docstring before its sections (what
the function does, where it is used and why); the docstring's ``Notes:`` section closes the
page as "In nnref", just before "In code", a script that runs as copied.
"""

from __future__ import annotations

import contextlib
import io
import re
import textwrap
from typing import Any

import numpy as np
import yaml

from nnref import activations
from nnref.activations import PROPERTIES, Activation, check_claims, saturation_sides
from nnref.plotting import PALETTE, figure_to_svg, new_figure
from nnref_site import data_file
from nnref_site.markdown import fmt, link, table
from nnref_site.relations import see_also
from nnref_site.sources import activation_sources

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
    """The output range: the set of values for a function that takes only a few (the
    step's $\\{0, 1\\}$), else an interval, closed where the function reaches the bound.

    Checked on a dyadic grid over [-8, 8] (exact at the usual kinks, and far enough from the
    asymptotes that float64 does not round a sigmoid to exactly 0 or 1).
    """
    if f.output_values:  # a function that takes only a few values: its range is that set
        values = ", ".join(fmt(v, 6).replace("−", "-") for v in f.output_values)
        return f"$\\{{{values}\\}}$"
    lo, hi = f.output_range
    y, dy = _curve(f, np.linspace(-8.0, 8.0, 16385))
    tex = {np.inf: r"\infty", -np.inf: r"-\infty"}
    left = "[" if _attained(y, dy, lo) else "("
    right = "]" if _attained(y, dy, hi) else ")"
    low, high = (tex.get(v, fmt(v, 6).replace("−", "-")) for v in (lo, hi))
    return f"${left}{low}, {high}{right}$"


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
    """Fail the build if the metadata the page shows disagrees with the function itself.

    Every property is checked by its one definition in the library
    ([`check_claims`][nnref.activations.check_claims]: range, bounded, monotonic, odd,
    zero-centred, continuous, differentiable, saturation, and the family's rules); the
    derivative the page plots is checked here against central differences.
    """
    check_claims(f)
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


PROPERTIES_PAGE = "concepts/activation-properties.md"
"""The concepts page that shows every definition (``PROPERTIES``) once."""


def property_text(f: Activation, key: str) -> str:
    """The value of property ``key`` for ``f``, as a page shows it (range in LaTeX)."""
    if key == "range":
        return range_text(f)
    return next(p for p in PROPERTIES if p.key == key).text(f)


def properties_table(f: Activation) -> str:
    """One row per property of ``PROPERTIES``, each name linked to its definition."""
    source = page_path(f.key)
    params = ", ".join(f"`{k} = {v:g}`" for k, v in f.defaults.items()) or "none"
    rows = [
        [f"[{p.name}]({link(PROPERTIES_PAGE, source)}#{p.key})", property_text(f, p.key)]
        for p in PROPERTIES
    ]
    if not f.elementwise:
        rows.append(["input", "a vector along the last axis"])
    rows.append(["parameters (defaults)", params])
    rows.append(["PyTorch", f"`{f.torch_name}`" if f.torch_name else "—"])
    if f.aliases:
        rows.append(["also looked up as", ", ".join(f"`{a}`" for a in f.aliases)])
    return table(["property", "value"], rows)


def _see_also(f: Activation, source: str) -> str:
    """The related pages (includes/relations.yml), then the way back to the overview."""
    overview = link("activations/index.md", source)
    return see_also(source) + f"\nAll activations: [the overview and catalogue]({overview})"


def _literal(value: float) -> str:
    """A parameter value as Python source that gives back exactly that value."""
    short = f"{value:g}"
    return short if float(short) == value else repr(float(value))


def _call_args(f: Activation) -> str:
    return ", ".join(["x", *(f"{k}={_literal(v)}" for k, v in f.defaults.items())])


# Two samples of a vector-valued activation's input, one per row (the axis is the last one).
_VECTOR_INPUTS = {
    "glu": "[[1.0, -2.0, 0.0, 3.0], [0.5, 0.5, -4.0, 4.0]]",
    "maxout": "[[1.0, 3.0, -2.0, -5.0], [0.5, 0.0, 4.0, 2.0]]",
}


def code_snippet(f: Activation) -> str:
    """The "In code" example: a complete script that defines its input and prints the results.

    Elementwise activations: seven net inputs from -3 to 3, printed as columns x, f(x), f'(x).
    Vector-valued ones: two samples (rows) of a small 2-D input, their outputs and the
    Jacobian's shape and first matrix. Every parameter is passed with its default value.
    """
    call = f"activations.{f.key}({_call_args(f)})"
    lines = ["import numpy as np", "from nnref import activations", ""]
    if f.elementwise:
        lines += [
            "x = np.linspace(-3.0, 3.0, 7)  # net inputs -3, -2, ..., 3",
            f"y = {call}",
            f"dy = activations.{f.key}.derivative({_call_args(f)})",
            "with np.printoptions(precision=4, suppress=True):",
            f"    print(np.column_stack([x, y, dy]))  # columns: x, {f.key}(x), derivative",
        ]
        return "\n".join(lines)
    data = _VECTOR_INPUTS.get(f.key, "[[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]")
    lines += [
        f"x = np.array({data})  # two samples, one per row",
        f"y = {call}",
        f"jac = activations.{f.key}.jacobian({_call_args(f)})",
        "with np.printoptions(precision=4, suppress=True):",
        "    print(y)",
    ]
    if f.key in ("softmax", "softmin"):
        lines.append("    print(y.sum(axis=-1))  # each row sums to 1")
    lines += [
        "    print(jac.shape)  # (samples, outputs, inputs)",
        "    print(jac[0])  # first sample: d output_i / d input_j",
    ]
    return "\n".join(lines)


def _run(code: str) -> str:
    """Run ``code`` in a fresh namespace and return what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<in-code snippet>", "exec"), {"__name__": "__main__"})  # noqa: S102
    return out.getvalue()


_SECTION = re.compile(r"^([A-Z][A-Za-z ]*):[ \t]*$")


def _doc_sections(f: Activation) -> dict[str, str]:
    """Split ``f.doc`` into its opening text and its Google-style sections.

    The key ``""`` holds everything before the first section header (``Notes:``,
    ``Examples:``); every section's body is dedented.
    """
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in f.doc.splitlines():
        header = _SECTION.match(line)
        if header:
            current = header.group(1)
            sections[current] = []
        else:
            sections[current].append(line)
    return {name: textwrap.dedent("\n".join(lines)).strip() for name, lines in sections.items()}


def _definition(f: Activation) -> str:
    """The text after the one-line summary: what the function does, where it is used and why.

    The docstring's first paragraph (its formula line) and a repeat of the summary are left
    out; implementation notes live in the docstring's ``Notes:`` section (see
    :func:`implementation_notes`).
    """
    paragraphs = [p.strip() for p in _doc_sections(f)[""].split("\n\n")]
    return "\n\n".join(p for p in paragraphs[1:] if p and p != f.summary)


def intuition(f: Activation) -> str:
    """The opening text of an activation's page (also printed on the API page)."""
    return _definition(f)


def implementation_notes(f: Activation) -> str:
    """The docstring's ``Notes:`` section: PyTorch names, stable formulas, conventions."""
    return _doc_sections(f).get("Notes", "")


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
        "The derivative with respect to $x$:\n",
        f"$$\n{f.derivative_formula}\n$$\n",
        "## Plot\n",
        "The curve and its derivative come from the library; the dots are central finite "
        "differences $\\frac{f(x+h) - f(x-h)}{2h}$, computed independently of the derivative "
        "formula." + vector_note + "\n",
        f'<div class="nnref-plot">\n{plot_svg(f)}</div>\n',
        "## Values\n",
        values_table(f) + "\n",
        "## Properties\n",
        "Generated from the activation's metadata; each property is defined once on "
        f"[Activation properties]({link(PROPERTIES_PAGE, page_path(f.key))}), and the build "
        "checks every claim against the function.\n",
        properties_table(f) + "\n",
    ]
    if f.strengths:
        parts += ["## Strengths\n", "\n".join(f"- {s}" for s in f.strengths) + "\n"]
    if f.problems:
        parts += ["## Problems\n", "\n".join(f"- {p}" for p in f.problems) + "\n"]
    return "\n".join(parts)


def activation_footer(key: str) -> str:
    """The end of an activation's page: implementation notes, code, API entry, related pages.

    "In nnref" holds the docstring's ``Notes:`` (library names, numerics, conventions at a
    kink); "In code" is a script that runs as copied, shown with the output it printed while
    the page was built.
    """
    f = activations.get(key)
    source = page_path(f.key)
    api = link(f"api/activations.md#nnref.activations.{f.key}", source)
    code = code_snippet(f)
    output = _run(code)
    assert output.strip(), f"{f.key}: the In code snippet prints nothing"
    parts = []
    notes = implementation_notes(f)
    if notes:
        parts += ["## In nnref\n", notes + "\n"]
    parts += [
        "## In code\n",
        f"```python\n{code}\n```\n",
        f"Output:\n\n```text\n{output.rstrip()}\n```\n",
        f"API: [`nnref.activations.{f.key}`]({api})\n",
        "## See also\n",
        _see_also(f, source) + "\n",
        "## Sources\n",
        activation_sources(f.key) + "\n",
    ]
    return "\n".join(parts)


def _tex_cell(tex: str) -> str:
    """LaTeX for a Markdown table cell: a bare ``|`` would split the cell."""
    return tex.replace("|", r"\vert ")


CATALOGUE_COLUMNS = {
    "range": "range",
    "monotonic": "mono\u00adtonic",
    "odd": "odd",
    "zero-centred": "zero-\u200bcentred",
    "saturation": "satu\u00adrates",
}
"""The properties the overview's tables show (keys of ``PROPERTIES``), with short headers
(soft hyphens let the narrow columns wrap). Differentiability is left to each function's own
page: with it the widest family's table no longer fits a 1280 px screen."""


def _catalogue_cell(f: Activation, key: str) -> str:
    if key == "range":
        return range_text(f)
    if key == "saturation":
        if not f.elementwise:
            return ""
        if f.position_dependent:
            return "by position"
        sides = saturation_sides(f)
        found = [side for side in ("left", "right") if sides[side][0]]
        return {0: "", 1: found[0] if found else "", 2: "both"}[len(found)]
    prop = next(p for p in PROPERTIES if p.key == key)
    return "✓" if getattr(f, prop.field) else ""


def catalogue_table(source: str = "activations/index.md") -> str:
    """Every activation, one table per family: name (linked), formula and the properties of
    ``CATALOGUE_COLUMNS``, each header linked to its definition."""
    heads = ["name", "formula"] + [
        f"[{short}]({link(PROPERTIES_PAGE, source)}#{k})" for k, short in CATALOGUE_COLUMNS.items()
    ]
    out = []
    for family in families():
        rows: list[list[Any]] = []
        for f in (g for g in activations.catalog() if g.family == family):
            rows.append(
                [
                    f"[{f.name}]({link(page_path(f.key), source)})",
                    f"${_tex_cell(f.formula)}$",
                    *(_catalogue_cell(f, k) for k in CATALOGUE_COLUMNS),
                ]
            )
        out.append(f"### {family_title(family)}\n")
        out.append(table(heads, rows) + "\n")
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
