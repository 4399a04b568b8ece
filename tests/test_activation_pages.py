"""The generated activation pages: intuition first, implementation last, code that runs.

Every activation page opens (after its one-line definition) with what the function does,
where it is used and why; library names, numerics and conventions at a kink belong in the
closing "In nnref" section. The "In code" snippet shown on each page must run, as printed,
in a fresh namespace and print what the page shows as its output.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys

import pytest
from nnref_site import activation_pages as pages

from nnref import activations

KEYS = [f.key for f in activations.catalog()]

# Words that mark an implementation or numerical matter, not intuition.
IMPLEMENTATION = re.compile(
    r"torch|numpy|\bnp\.|float|overflow|underflow|nnref|\bround(s|ed|ing)? to\b|digits"
    r"|expm1|log1p|cancell?ation|numeric|\bstabl[ey]\b|keras|\bjax\b|tensorflow|dtype"
    r"|\bwe (use|take|compute|follow)\b|\btaken as\b|`",
    re.IGNORECASE,
)
DEFINITION = re.compile(r'^!!! abstract "Definition"\n(?:    .*\n)+', re.MULTILINE)
CODE = re.compile(r"^## In code\n\n```python\n(?P<code>.*?)\n```\n", re.MULTILINE | re.DOTALL)
OUTPUT = re.compile(r"^Output:\n\n```text\n(?P<out>.*?)\n```\n", re.MULTILINE | re.DOTALL)


@pytest.fixture(scope="module")
def page_bodies() -> dict[str, str]:
    """Every activation's generated page body (the figure left out: it is not read here)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pages, "plot_svg", lambda f: "<svg></svg>")
        return {key: pages.activation_page(key) for key in KEYS}


@pytest.fixture(scope="module")
def footers() -> dict[str, str]:
    return {key: pages.activation_footer(key) for key in KEYS}


def first_paragraph_after_definition(body: str) -> str:
    match = DEFINITION.search(body)
    assert match, "no definition box"
    rest = body[match.end() :].lstrip("\n")
    return rest.split("\n\n", 1)[0].strip()


def sentences(text: str) -> int:
    text = text.replace("et al.", "et al").replace("e.g.", "eg").replace("i.e.", "ie")
    return len(re.findall(r"[.!?](?:\s|$)", text))


def test_the_check_catches_implementation_notes() -> None:
    """The word list recognises the kind of opening the pages used to have."""
    old_openings = [
        "PyTorch's ``gelu(x, approximate='none')``. NumPy has no ``erf``, so we compute it.",
        "Computed in a form that never overflows.",
        "At the kink $x = 0$ the derivative is taken as $\\alpha$, as PyTorch does.",
        "In floating point it rounds to exactly 0.",
    ]
    for text in old_openings:
        assert IMPLEMENTATION.search(text), text
    assert not IMPLEMENTATION.search(
        "Keeps positive net inputs and zeroes the rest; the default hidden activation since "
        "AlexNet (Krizhevsky et al., 2012)."
    )


@pytest.mark.parametrize("key", KEYS)
def test_page_opens_with_intuition(page_bodies: dict[str, str], key: str) -> None:
    first = first_paragraph_after_definition(page_bodies[key])
    assert not first.startswith("#"), f"{key}: no text between the definition and {first!r}"
    found = IMPLEMENTATION.search(first)
    assert not found, f"{key}: the opening paragraph mentions {found[0]!r}: {first}"
    assert 2 <= sentences(first) <= 5, f"{key}: the opening should be 2-5 sentences: {first}"


@pytest.mark.parametrize("key", KEYS)
def test_implementation_notes_close_the_page(
    page_bodies: dict[str, str], footers: dict[str, str], key: str
) -> None:
    page = page_bodies[key] + "\n" + footers[key]
    assert "Notes:" not in page and "Examples:" not in page, key
    notes = pages.implementation_notes(activations.get(key))
    if notes:
        assert "## In nnref\n" in footers[key], key
        assert notes in footers[key], key
        heads = re.findall(r"^## (.+)$", page, re.MULTILINE)
        at = heads.index("In nnref")
        assert heads[at + 1] == "In code", heads
        before = set(heads[:at])
        assert {"Properties"} <= before and before >= {"Strengths", "Problems"} & set(heads)
    else:
        assert "## In nnref" not in page, key


@pytest.mark.parametrize("key", KEYS)
def test_in_code_snippet_runs_as_shown(footers: dict[str, str], key: str) -> None:
    """The snippet, copied from the page, runs in a fresh namespace and prints the output shown."""
    footer = footers[key]
    code = CODE.search(footer)
    shown = OUTPUT.search(footer)
    assert code and shown, f"{key}: no In code snippet with its output"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code["code"], f"<{key} In code>", "exec"), {"__name__": "__main__"})  # noqa: S102
    assert printed.getvalue().strip(), f"{key}: the snippet prints nothing"
    assert printed.getvalue().rstrip() == shown["out"], key
    f = activations.get(key)
    assert f"activations.{key}(x" in code["code"], key
    for name in f.defaults:
        assert f"{name}=" in code["code"], f"{key}: parameter {name} not shown"
    if f.vector_valued:
        assert "np.array([[" in code["code"], f"{key}: a vector-valued activation needs 2-D input"


def test_in_code_snippets_run_in_a_fresh_interpreter(footers: dict[str, str]) -> None:
    """All 53 snippets, each in its own namespace, in a new Python process (nothing imported)."""
    snippets = {key: CODE.search(footer)["code"] for key, footer in footers.items()}
    runner = (
        "import json, sys\n"
        "for key, code in json.loads(sys.stdin.read()).items():\n"
        "    print('=== ' + key)\n"
        "    exec(compile(code, key, 'exec'), {'__name__': '__main__'})\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", runner],
        input=json.dumps(snippets),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    printed = dict(
        (part.split("\n", 1)[0], part.split("\n", 1)[1].rstrip())
        for part in done.stdout.split("=== ")[1:]
    )
    for key, footer in footers.items():
        assert printed[key] == OUTPUT.search(footer)["out"], key
