"""The shared ground of the sweep's entries: valid data, argument kinds used by several
modules, and ``ENTRIES`` with ``add``, which every ``sweep_entries_*`` module appends to.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sweep_inputs import (
    SHAPE,
    Entry,
    Kind,
    array_kind,
    matrix_kind,
)

# --- valid data ------------------------------------------------------------------------------

X2 = np.array(
    [[0.0, 0.2], [0.3, 0.1], [0.2, 0.4], [0.1, 0.0], [2.0, 2.2], [2.3, 2.1], [2.2, 2.4], [2.1, 2.0]]
)
Y2 = np.array([0, 0, 0, 0, 1, 1, 1, 1])
X3 = np.concatenate([X2, X2[:4] + [0.0, 4.0]])
Y3 = np.array([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
LOGITS = np.array([[2.0, -1.0, 0.5], [0.0, 0.3, -0.2]])
IMAGES = np.linspace(-1.0, 1.0, 2 * 1 * 5 * 5).reshape(2, 1, 5, 5)
SEQS = np.linspace(-1.0, 1.0, 2 * 4 * 3).reshape(2, 4, 3)

MATRIX = matrix_kind()
ANY_MATRIX = matrix_kind("matrix", features=False)
VECTOR = array_kind("vector", (1,))
IMAGES_K = array_kind("images", (4,))
SEQS_K = array_kind("sequences", (3,))
PATTERNS = Kind(
    "patterns",
    lambda v: (
        array_kind("patterns", (1, 2)).bad(v)
        + [("not bipolar", np.full_like(np.asarray(v, dtype=float), 0.5))]
    ),
)


def _types_only(valid: Any) -> list[tuple[str, Any]]:
    return [("None", None), ("a string", "abc"), ("complex", np.array([1 + 2j])),
            ("object dtype", np.array([object()])), ("ragged", [[1.0], [1.0, 2.0]])]  # fmt: skip


FEATURE_VECTOR = Kind(
    "feature vector",
    lambda v: (
        [b for b in array_kind("v", (0, 1)).bad(v) if b[0] not in ("a number",)]
        + [("three values", [1.0, 2.0, 3.0])]
    ),
)
"""One value per feature, or one number for all."""
PREDICTIONS = array_kind("predictions", (1, 2, 3))
LOGITS_K = matrix_kind("logits", features=False)
ANY_BATCH = array_kind("batch", (1, 2, 3, 4))
SAMPLE_SHAPE = Kind("sample shape", lambda v: [b for b in SHAPE.bad(v) if b[0] != "empty"])

ACT_INPUT = Kind(
    "activation input",
    _types_only,
    lambda v: [("empty", np.zeros((1, 0))), ("no rows", np.zeros((0, 4))), ("0-D", 1.5)],
)
"""Any real array: NaN and inf are valid inputs of an activation (they follow its rule)."""


def entry(name: str, target: str, run: Any, /, **args: tuple[Kind, Any]) -> Entry:
    return Entry(name=name, target=target, run=run, args=args)


def with_options(e: Entry, **options: Any) -> Entry:
    from dataclasses import replace

    return replace(e, **options)


ENTRIES: list[Entry] = []


def add(e: Entry, **options: Any) -> None:
    ENTRIES.append(with_options(e, **options) if options else e)
