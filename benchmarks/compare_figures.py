"""Compare every figure of two builds of the site as a browser draws them.

    mkdocs build -d /tmp/before    # on the old commit
    mkdocs build -d /tmp/after     # on the new one
    python benchmarks/compare_figures.py /tmp/before /tmp/after --out /tmp/figure-diffs

Serves both sites, screenshots each ``svg.nnref-figure`` in Chromium (light palette) and
reports, per figure, the share of pixels that differ by more than 40 of 255 in a channel and
the largest difference. Figures above ``--threshold`` percent are saved side by side (old
left, new right) in ``--out``. Used to check that making figures cheaper kept their look.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import http.server
import io
import threading
from pathlib import Path

import numpy as np
from PIL import Image

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(folder: Path) -> str:
    handler = functools.partial(_Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/"


async def figures(context, url: str) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    page = await context.new_page()
    await page.goto(url, wait_until="load")
    shots = {}
    for element in await page.query_selector_all("svg.nnref-figure"):
        await element.scroll_into_view_if_needed()
        shots[await element.get_attribute("id")] = await element.screenshot()
    await page.close()
    return shots


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(int)


async def compare(old: Path, new: Path, out: Path, threshold: float, chromium: str) -> None:
    from playwright.async_api import async_playwright

    old_url, new_url = serve(old), serve(new)
    pages = sorted(
        html.parent.relative_to(new).as_posix()
        for html in new.rglob("index.html")
        if "nnref-figure" in html.read_text(encoding="utf-8")
    )
    rows = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = await browser.new_context(viewport={"width": 1280, "height": 900})
        for page in pages:
            path = "" if page == "." else page + "/"
            before, after = (
                await figures(context, old_url + path),
                await figures(context, new_url + path),
            )
            for fid, shot in after.items():
                if fid not in before:
                    rows.append((fid, page, "new figure", 0.0, 0))
                    continue
                a, b = pixels(before[fid]), pixels(shot)
                if a.shape != b.shape:
                    rows.append((fid, page, f"size {a.shape[:2]} -> {b.shape[:2]}", 100.0, 255))
                    continue
                diff = np.abs(a - b).max(axis=2)
                share = float((diff > 40).mean()) * 100
                rows.append((fid, page, "", share, int(diff.max())))
                if share > threshold:
                    out.mkdir(parents=True, exist_ok=True)
                    both = np.concatenate([a, b], axis=1).astype("uint8")
                    Image.fromarray(both).save(out / f"{fid}.png")
        await browser.close()
    rows.sort(key=lambda r: -r[3])
    print(f"{'% px':>7} {'max':>4}  figure (page)")
    for fid, page, note, share, largest in rows:
        print(f"{share:7.3f} {largest:4d}  {fid} ({page}) {note}")
    over = sum(1 for r in rows if r[3] > threshold)
    print(f"\n{len(rows)} figures; {over} differ in more than {threshold} % of their pixels")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="the site built before the change")
    parser.add_argument("new", type=Path, help="the site built after it")
    parser.add_argument("--out", type=Path, default=Path("figure-diffs"))
    parser.add_argument("--threshold", type=float, default=0.2, help="percent of pixels")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    asyncio.run(compare(args.old, args.new, args.out, args.threshold, args.chromium))


if __name__ == "__main__":
    main()
