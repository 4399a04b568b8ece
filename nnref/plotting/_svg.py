"""Make matplotlib's SVG text smaller without changing the picture.

matplotlib writes every coordinate with six decimals (a millionth of a point), every point of
a straight contour edge, and a clipping group around each marker of a scatter plot. Inline on
a page, that is most of the weight of a figure. [`minify`][nnref.plotting._svg.minify] rounds
coordinates to a hundredth of a point (far below a screen pixel), drops points that lie on the
straight line between their neighbours, puts consecutive markers that share a clipping path
into one group, states the text font once in the figure's stylesheet instead of on every
label, and drops rotations by zero, ids nothing refers to and indentation. The result is
deterministic, so reproducible figures stay reproducible.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"-?\d+\.\d+")
_GEOMETRY = re.compile(r'(\s(?:d|x|y|transform)=")([^"]*)(")')
_LINE_TO = re.compile(r"L (-?[\d.]+) (-?[\d.]+)")
_POINT = re.compile(r"[ML] (-?[\d.]+) (-?[\d.]+)")
_MARKER = re.compile(r'<g clip-path="(url\(#[^)]+\))">\s*(<use [^>]*/>)\s*</g>\s*')
_FAMILY = re.compile(r"font-family: ([^;\"]+);\s*")
_NO_ROTATION = re.compile(r' transform="rotate\(-?0 [-\d.]+ [-\d.]+\)"')
_GROUP_ID = re.compile(r'<g id="([^"]+)">')
_INDENT = re.compile(r"\n[ \t]+")


def _round(match: re.Match[str]) -> str:
    text = f"{float(match.group(0)):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _drop_collinear(path: str) -> str:
    """Path data without the line-to points that lie between their neighbours on a line."""
    commands = [c.strip() for c in path.split("\n") if c.strip()]
    kept: list[str] = []
    for command in commands:
        here = _LINE_TO.fullmatch(command)
        if here and len(kept) >= 2:
            middle, start = _LINE_TO.fullmatch(kept[-1]), _POINT.fullmatch(kept[-2])
            if middle and start:
                x0, y0 = map(float, start.groups())
                x1, y1 = map(float, middle.groups())
                x2, y2 = map(float, here.groups())
                cross = (x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0)
                ahead = (x1 - x0) * (x2 - x1) + (y1 - y0) * (y2 - y1) > 0
                if abs(cross) < 1e-6 and ahead:  # on the segment's line, same direction
                    kept[-1] = command
                    continue
        kept.append(command)
    return " \n".join(kept) + " \n"


def _shorten(match: re.Match[str]) -> str:
    value = _NUMBER.sub(_round, match.group(2))
    if match.group(1).endswith('d="') and "\n" in value:
        value = _drop_collinear(value)
    return match.group(1) + value + match.group(3)


def _group_markers(svg: str) -> str:
    """One clipping group for each run of markers that share a clipping path."""
    parts: list[str] = []
    done = 0
    clip: str | None = None
    uses: list[str] = []

    def flush() -> None:
        if clip is not None:
            parts.append(f'<g clip-path="{clip}">\n' + "\n".join(uses) + "\n</g>\n")

    for match in _MARKER.finditer(svg):
        if clip is not None and match.start() == done and match.group(1) == clip:
            uses.append(match.group(2))
        else:
            flush()
            parts.append(svg[done : match.start()])
            clip, uses = match.group(1), [match.group(2)]
        done = match.end()
    flush()
    parts.append(svg[done:])
    return "".join(parts)


def _hoist_font(svg: str) -> str:
    """State the most common font family once, in the figure's stylesheet, not on each text."""
    families = _FAMILY.findall(svg)
    if not families or "<style" not in svg:
        return svg
    common = max(set(families), key=families.count)
    svg = svg.replace(f"font-family: {common}; ", "").replace(f"font-family: {common};", "")
    return svg.replace("}</style>", f"}} text{{font-family: {common}}}</style>", 1)


def _drop_unused_group_ids(svg: str) -> str:
    """Groups keep an id only if something refers to it (the ``<svg>`` id stays)."""
    used = set(re.findall(r'(?:url\(#|href="#)([^)"]+)', svg))
    return _GROUP_ID.sub(lambda m: m.group(0) if m.group(1) in used else "<g>", svg)


def minify(svg: str) -> str:
    """The same picture in fewer bytes (see the module's description).

    Examples:
        >>> minify('<path d="M 0.123456 1 \\nL 1.5 1 \\nL 2.5 1 \\nL 2.5 3.000001 \\n"/>')
        '<path d="M 0.12 1 \\nL 2.5 1 \\nL 2.5 3 \\n"/>'
    """
    svg = _group_markers(_GEOMETRY.sub(_shorten, svg))
    svg = _drop_unused_group_ids(_NO_ROTATION.sub("", _hoist_font(svg)))
    return _INDENT.sub("\n", svg)
