"""The one array alias the package annotates with."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["Array"]

Array = NDArray[np.floating[Any]]
"""A floating-point NumPy array (float32 or float64 in practice)."""
