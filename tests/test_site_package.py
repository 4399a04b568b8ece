"""The library stands alone: site code lives in includes/nnref_site, never in nnref/."""

from __future__ import annotations

import ast
import re
import tomllib
from fnmatch import fnmatchcase

from tests.conftest import ROOT

LIBRARY = ROOT / "nnref"
SITE_ONLY = {
    "yaml",
    "markdown",
    "mkdocs",
    "pymdownx",
    "markdown_exec",
    "mkdocstrings",
    "nnref_site",
}
OUTSIDE = re.compile(r"""includes[/"']|\.parent\.parent|\.parents\[""")


def _imports(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_the_library_imports_no_site_code_or_docs_dependency() -> None:
    for path in sorted(LIBRARY.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        found = _imports(text) & SITE_ONLY
        assert not found, f"{path.relative_to(ROOT)} imports {sorted(found)}"
        # Nothing reads files beside the package (the repository is not there when installed).
        assert not OUTSIDE.search(text), f"{path.relative_to(ROOT)} looks outside the package"


def test_the_wheel_holds_the_library_only() -> None:
    """The package patterns of pyproject.toml take every nnref package and no site package."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    library = sorted(
        ".".join(init.parent.relative_to(ROOT).parts) for init in LIBRARY.rglob("__init__.py")
    )
    site = [
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in ROOT.glob("includes/*/__init__.py")
    ]
    assert "nnref.plotting" in library and "includes.nnref_site" in site
    assert all(any(fnmatchcase(p, pattern) for pattern in include) for p in library)
    for name in [*site, "nnref_site", "includes"]:
        assert not any(fnmatchcase(name, pattern) for pattern in include), name


def test_pages_import_site_helpers_from_the_site_package() -> None:
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert "nnref._markdown" not in text and "nnref._activation_pages" not in text, page
