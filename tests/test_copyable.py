"""The code a reader sees on a page runs when copied, and downloads as a script and a notebook.

Every page's visible code (``nnref_site.download.page_cells``, the function the downloads are
written from) is written out as its ``.py`` download and run in a fresh process with warnings
as errors and a temporary working directory; every notebook download is validated with
nbformat. Hidden blocks may only format: a visible block that needs a name from a hidden one
fails here with the reader's NameError.
"""

from __future__ import annotations

import ast
import base64
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote

import nbformat
import pytest
from nnref_site import download

from tests.conftest import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
CELLS = {page: download.page_cells(page) for page in PAGES}
CODE_PAGES = [page for page in PAGES if any(c.kind == "code" for c in CELLS[page])]
RUNNER = Path(__file__).with_name("copyable_runner.py")


def _script_name(page: str) -> str:
    return page.removesuffix(".md").replace("/", "__") + ".py"


@pytest.fixture(scope="module")
def script_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """Every page's script, run once: ``{page: {returncode, seconds, log}}``."""
    folder = tmp_path_factory.mktemp("copyable")
    scripts = {}
    for page in CODE_PAGES:
        path = folder / _script_name(page)
        path.write_text(download.page_script(page), encoding="utf-8")
        scripts[str(path)] = page
    out = folder / "results.json"
    # One BLAS thread per script: the scripts themselves run side by side.
    env = {
        **os.environ,
        "MPLBACKEND": "Agg",
        "PYTHONWARNINGS": "error",
        "OPENBLAS_NUM_THREADS": "1",
    }
    jobs = str(max(1, min(4, os.cpu_count() or 1)))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-W", "error", str(RUNNER), str(out), jobs, *scripts],
        cwd=folder,
        env=env,
        check=True,
        timeout=1200,
    )
    wall = time.perf_counter() - started
    results = json.loads(out.read_text(encoding="utf-8"))
    by_page = {scripts[path]: result for path, result in results.items()}
    slowest = sorted(by_page.items(), key=lambda kv: -float(kv[1]["seconds"]))[:3]
    cpu = sum(float(r["cpu_seconds"] or 0) for r in by_page.values())
    print(f"\n{len(by_page)} page scripts in {wall:.1f} s ({cpu:.1f} s CPU); slowest:", end=" ")
    print(", ".join(f"{page} {r['seconds']} s" for page, r in slowest))
    return by_page


def test_every_page_with_code_runs_as_a_script(
    script_results: dict[str, dict[str, object]],
) -> None:
    """The visible blocks of every page, in order, run as one script in a fresh process."""
    assert set(script_results) == set(CODE_PAGES)
    failures = {
        page: result for page, result in script_results.items() if result["returncode"] != 0
    }
    report = []
    for page, result in sorted(failures.items()):
        lines = str(result["log"]).strip().splitlines()
        report.append(f"{page} ({result['returncode']}): {' | '.join(lines[-3:])}")
    assert not failures, f"{len(failures)} page scripts fail when copied:\n" + "\n".join(report)


def test_pages_with_code_are_found() -> None:
    """The extraction finds the code of the pages known to have some."""
    for page in ["networks/loss-functions.md", "cnn/convolution.md", "recurrent/lstm.md"]:
        assert page in CODE_PAGES
    activation_pages = [p for p in CODE_PAGES if p.startswith("activations/")]
    assert len(activation_pages) >= 53  # the "In code" section of every activation
    assert len(CODE_PAGES) >= 100


@pytest.mark.parametrize("page", CODE_PAGES)
def test_notebook_download_is_valid(page: str) -> None:
    """The notebook is valid nbformat 4 and holds the script's code, cell by cell."""
    text = download.page_notebook(page)
    nb = nbformat.reads(text, as_version=4)
    nbformat.validate(nb)
    code = [c.text for c in CELLS[page] if c.kind == "code"]
    assert [c.source for c in nb.cells if c.cell_type == "code"] == code
    script = download.page_script(page)
    for block in code:
        assert block in script
    ast.parse(script)  # the script is Python (a syntax error would show on the page too)
    assert text == download.page_notebook(page), "notebook bytes differ between two calls"


def _bound_names(tree: ast.AST) -> set[str]:
    """Names a block binds: assignments, imports, functions, classes and their parameters."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


def test_hidden_blocks_only_format() -> None:
    """No visible block reads a name that a hidden block of its page bound last.

    Binding (or rebinding) a name in a hidden block and using it in visible code changes what
    the reader's code computes on the page; when the name exists in the copy too (bound by an
    earlier visible block), the script test cannot see it.
    """
    from tests.test_docs import executed_blocks

    problems = []
    for page in PAGES:
        hidden_bound: set[str] = set()
        for opts, code in executed_blocks(page):
            if "source" not in opts:
                hidden_bound |= _bound_names(ast.parse(code))
                continue
            shown = "\n".join(x for x in code.splitlines() if "markdown-exec: hide" not in x)
            tree = ast.parse(shown)
            read = {
                n.id
                for n in ast.walk(tree)
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
            }
            bound = _bound_names(tree)
            if shared := sorted(read & hidden_bound - bound):
                problems.append(f"{page} [{opts['id']}] reads {shared}, bound by a hidden block")
            hidden_bound -= bound
    assert not problems, "\n".join(problems)


# --- the extraction itself --------------------------------------------------------------------

FOLDED = """# Folded

??? note "Setup"

    ```python exec="on" id="setup" source="above" session="s"
    import numpy as np
    ```

Prose with a [link](../neuron/weight.md#top) and math $z = xW + b$.

```python exec="on" id="fig" session="s"
print("<svg/>")  # presentation only
```

```python exec="on" id="shown" source="tabbed-left" session="s"
x = np.ones(2)
print(x)  # markdown-exec: hide
```

```bash
pip install nnref
```
"""


def test_extraction_keeps_folded_code_and_drops_hidden_blocks() -> None:
    cells = download.page_cells("learning/folded.md", FOLDED)
    code = [c.text for c in cells if c.kind == "code"]
    assert code == ["import numpy as np", "x = np.ones(2)"]
    prose = "\n".join(c.text for c in cells if c.kind == "markdown")
    assert "**Setup**" in prose and "<svg" not in prose and "pip install nnref" in prose
    assert "(https://nnref.github.io/nnref/neuron/weight/#top)" in prose
    assert "$z = xW + b$" in prose


def test_extraction_expands_the_activation_footer() -> None:
    cells = CELLS["activations/relu.md"]
    code = [c.text for c in cells if c.kind == "code"]
    assert len(code) == 1 and "activations.relu(" in code[0]
    prose = "\n".join(c.text for c in cells if c.kind == "markdown")
    assert "https://nnref.github.io/nnref/api/activations/#nnref.activations.relu" in prose


def test_pages_without_code_offer_no_download() -> None:
    assert download.download_links("glossary.md") == ""


def test_every_page_with_code_has_its_download_block() -> None:
    """The block that prints a page's download links names that page, once, under its title."""
    problems = []
    for page in PAGES:
        text = (DOCS / page).read_text(encoding="utf-8")
        calls = re.findall(r'download_links\("([^"]*)"\)', text)
        if page in CODE_PAGES and calls != [page]:
            problems.append(f"{page}: download_links calls {calls}, expected [{page!r}]")
        if page not in CODE_PAGES and calls:
            problems.append(f"{page}: shows no code but has download_links {calls}")
    hint = 'add under the title: ```python exec="on" id="…-download" … download_links("<page>")'
    assert not problems, hint + "\n" + "\n".join(problems)


# --- the downloads in the built site ------------------------------------------------------------

DATA_LINK = re.compile(
    r'download="(?P<name>[^"]+)" href="data:(?P<mime>[^,;]+)(?P<b64>;base64)?[^,]*,(?P<data>[^"]*)"'
)


def _decode(m: re.Match[str]) -> str:
    data = m["data"]
    if m["b64"]:
        return base64.b64decode(data).decode("utf-8")
    return unquote(data)


def test_built_pages_offer_the_downloads(built_site: Path) -> None:
    """Each built page with code links the script and notebook this module tests, byte for byte."""
    from tests.test_docs import built_page

    problems = []
    for page in PAGES:
        html = built_page(built_site, page).read_text(encoding="utf-8")
        links = {m["name"].rsplit(".", 1)[1]: _decode(m) for m in DATA_LINK.finditer(html)}
        if page not in CODE_PAGES:
            if links:
                problems.append(f"{page}: downloads but no code")
            continue
        if links.get("py") != download.page_script(page):
            problems.append(f"{page}: the .py link is missing or differs from page_script")
        if links.get("ipynb") != download.page_notebook(page):
            problems.append(f"{page}: the .ipynb link is missing or differs from page_notebook")
    assert not problems, "\n".join(problems)
