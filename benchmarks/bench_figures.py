"""What every figure of the site costs: time to render it to SVG, and its size.

Runs the executed blocks of every page (or of the pages named) the way the build does, and
times (in CPU seconds of this process, steadier than wall time on a busy machine) each call
of ``nnref.plotting.figure_to_svg``: drawing, layout and writing the SVG.
Figure creation inside the blocks is in the block's time, not the figure's.

    python benchmarks/bench_figures.py                       # every page, slowest figures first
    python benchmarks/bench_figures.py networks/xor.md       # only these pages
    python benchmarks/bench_figures.py --top 15 --json figures.json
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```python(?P<opts>[^\n]*)\n(?P<code>.*?)^(?P=indent)```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
OPTION = re.compile(r'(\w+)="([^"]*)"')


def blocks(page: str) -> list[tuple[dict[str, str], str]]:
    """The executed Python blocks of a page: (options, dedented code)."""
    found = []
    for m in FENCE.finditer((DOCS / page).read_text(encoding="utf-8")):
        opts = dict(OPTION.findall(m["opts"]))
        if opts.get("exec", "").lower() in {"on", "1", "true", "yes"}:
            indent = len(m["indent"])
            found.append((opts, "\n".join(line[indent:] for line in m["code"].splitlines())))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages under docs/ (default: all)")
    parser.add_argument("--top", type=int, default=25, help="rows of the table")
    parser.add_argument("--json", type=Path, help="also write every figure's row here")
    args = parser.parse_args()

    started = time.process_time()
    import matplotlib  # noqa: F401  (imported once, as in the build; not in any figure's time)

    import nnref.plotting
    import nnref.plotting.figure

    imported = time.process_time() - started
    original = nnref.plotting.figure_to_svg
    rows: list[dict[str, object]] = []
    current = {"page": ""}

    def timed(fig, figure_id, title=None):  # type: ignore[no-untyped-def]
        t0 = time.process_time()
        svg = original(fig, figure_id, title)
        rows.append(
            {
                "page": current["page"],
                "figure": figure_id,
                "ms": round(1000 * (time.process_time() - t0), 1),
                "kb": round(len(svg.encode()) / 1024, 1),
                "paths": svg.count("<path"),
                "layout": type(fig.get_layout_engine()).__name__.replace("LayoutEngine", "")
                or "none",
            }
        )
        return svg

    nnref.plotting.figure_to_svg = timed
    nnref.plotting.figure.figure_to_svg = timed
    import nnref_site.activation_pages as pages_module

    pages_module.figure_to_svg = timed

    os.chdir(ROOT)
    pages = args.pages or sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    block_time = 0.0
    for page in pages:
        current["page"] = page
        sessions: dict[str, dict[str, object]] = {}
        for opts, code in blocks(page):
            session = opts.get("session")
            namespace = sessions.setdefault(session, {}) if session else {}
            namespace.setdefault("__name__", "__main__")
            t0 = time.process_time()
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(code, f"{page} [{opts.get('id')}]", "exec"), namespace)
            block_time += time.process_time() - t0

    rows.sort(key=lambda r: -float(r["ms"]))  # type: ignore[arg-type]
    print(f"{'ms':>7} {'KB':>6} {'paths':>6}  {'layout':<12} figure (page)")
    for r in rows[: args.top]:
        print(
            f"{r['ms']:>7} {r['kb']:>6} {r['paths']:>6}  {r['layout']:<12} "
            f"{r['figure']} ({r['page']})"
        )
    figure_time = sum(float(r["ms"]) for r in rows) / 1000  # type: ignore[arg-type]
    print(
        f"\n{len(rows)} figures: {figure_time:.1f} s in figure_to_svg, "
        f"{sum(float(r['kb']) for r in rows):.0f} KB of SVG; "  # type: ignore[arg-type]
        f"all blocks {block_time:.1f} s (figures included); matplotlib import {imported:.1f} s"
    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
