"""The sweep: every public entry point over a catalogue of bad and extreme inputs.

Each entry point is an ``Entry`` in ``ENTRIES`` (``sweep_entries``; the entries themselves are
in ``sweep_entries_models``, ``sweep_entries_networks`` and ``sweep_entries_more``): a call
with valid arguments, and the kind of each argument (``sweep_inputs``). The sweep replaces
one argument at a time by every bad and every extreme value of its kind and classifies what
happens:

- a bad value must raise ``ValueError`` or ``TypeError`` whose message names the argument;
- an extreme value must raise such an error, or return a finite result (documented
  infinities allowed where ``Entry.inf_ok``) without any warning; an entry point that
  trains may instead stop with the documented ``DivergenceWarning`` naming its learning rate;
- no call may modify the caller's arrays, whether it succeeds or fails;
- an object built from arrays keeps copies: changing the arrays afterwards changes nothing.

``test_every_public_entry_point_is_swept`` builds the list of public callables from the
public API (``nnref.__all__``, every public module's ``__all__`` and the public methods of
the public classes) and fails for one that is neither in ``ENTRIES`` nor in ``EXEMPT``, so a
new entry point is swept by adding one ``Entry``. ``nnref.plotting`` (not imported by
``nnref`` itself, as it needs matplotlib) is part of it when matplotlib is installed; its
entries are in ``sweep_entries_plotting``.

Run as a script (``python tests/test_sweep.py``) to print the count of each outcome.
"""

from __future__ import annotations

import copy
import inspect
import re
import sys
import warnings
from collections import Counter
from dataclasses import fields, is_dataclass
from typing import Any

import numpy as np
import pytest
from sweep_entries import ENTRIES, EXEMPT
from sweep_inputs import Entry

import nnref
from nnref import DivergenceWarning
from nnref.activations import Activation
from nnref.losses import Loss


def _copy(value: Any) -> Any:
    try:
        return copy.deepcopy(value)
    except Exception:  # noqa: BLE001 - objects that cannot be copied are not compared
        return value


def _same(a: Any, b: Any) -> bool:
    """Whether a caller's argument is unchanged (arrays and lists compared by value)."""
    if isinstance(a, np.ndarray):
        return (
            isinstance(b, np.ndarray)
            and a.dtype == b.dtype
            and a.shape == b.shape
            and (a.dtype.kind not in "fc" or np.array_equal(a, b, equal_nan=True))
            and (a.dtype.kind in "fc" or a.dtype.kind == "O" or np.array_equal(a, b))
        )
    if isinstance(a, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    return True


def _finite(value: Any, inf_ok: bool, depth: int = 0) -> bool:
    """No NaN anywhere in a result (nor inf, unless ``inf_ok``); objects by attributes."""
    if depth > 3:
        return True
    if isinstance(value, Activation | Loss) or inspect.isfunction(value):
        return True  # catalogue objects: their metadata (ranges) may hold infinities
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "fc":
            return True
        return bool(np.all(~np.isnan(value) if inf_ok else np.isfinite(value)))
    if isinstance(value, float | np.floating):
        return not np.isnan(value) and (inf_ok or np.isfinite(value))
    if isinstance(value, dict):
        return all(_finite(v, inf_ok, depth + 1) for v in value.values())
    if isinstance(value, list | tuple):
        return all(_finite(v, inf_ok, depth + 1) for v in value[:50])
    if is_dataclass(value) and not isinstance(value, type):
        return all(_finite(getattr(value, f.name), inf_ok, depth + 1) for f in fields(value))
    module = getattr(type(value), "__module__", "")
    if module.startswith("nnref") and hasattr(value, "__dict__"):
        public = {n: v for n, v in vars(value).items() if not n.startswith("_")}
        if "params" in dir(type(value)):
            public["params"] = value.params
        return all(_finite(v, inf_ok, depth + 1) for v in public.values())
    return True


def _names(message: str, names: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<![\w.]){re.escape(n)}(?!\w)", message) for n in names)


def classify(entry: Entry, arg: str | None, value: Any, extreme: bool) -> str:
    """The outcome of one call: "ok", "error", "diverged", or what went wrong."""
    args = {name: _copy(valid) for name, (_, valid) in entry.args.items()}
    if arg is not None:
        args[arg] = value
    before = {name: _copy(v) for name, v in args.items()}
    names = entry.names.get(arg, (arg,)) if arg else ()
    outcome = "ok"
    result = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = entry.run(**args)
        except (ValueError, TypeError) as exc:
            outcome = "error" if _names(str(exc), names) else f"unclear error: {exc!r}"[:300]
        except Exception as exc:  # noqa: BLE001 - classified, not hidden
            outcome = f"bare error: {exc!r}"[:300]
    for w in caught:
        diverged = issubclass(w.category, DivergenceWarning) and entry.diverges
        if diverged and _names(str(w.message), entry.rate_names):
            if outcome == "ok":
                outcome = "diverged"
        else:
            return f"warning: {w.category.__name__}: {w.message}"[:300]
    changed = [n for n in args if n not in entry.mutates and not _same(before[n], args[n])]
    if changed:
        return f"modified the caller's {', '.join(changed)}"
    if outcome == "ok" and arg is not None and not extreme:
        return "bad input accepted"
    if outcome == "ok" and not _finite(result, entry.inf_ok):
        return "non-finite result"
    if outcome == "diverged" and not extreme:
        return "bad input accepted (it diverged)"
    return outcome


def trials(entry: Entry) -> list[tuple[str | None, str, Any, bool]]:
    """(argument, label, value, extreme?) for every variation of the call, valid call first."""
    out: list[tuple[str | None, str, Any, bool]] = [(None, "valid", None, False)]
    for name, (kind, valid) in entry.args.items():
        if name in entry.fixed:
            continue
        out += [(name, label, v, False) for label, v in kind.bad(_copy(valid))]
        out += [(name, label, v, True) for label, v in kind.extreme(_copy(valid))]
    return out


def sweep(entry: Entry) -> list[tuple[str, str]]:
    """Every trial of ``entry`` as (description, outcome)."""
    results = []
    for arg, label, value, extreme in trials(entry):
        outcome = classify(entry, arg, value, extreme)
        results.append((f"{arg or '-'}: {label}", outcome))
    if entry.keeps is not None:
        results.append(("keeps copies", entry.keeps()))
    return results


FINE = {"ok", "error", "diverged"}


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_entry_point(entry: Entry) -> None:
    failures = [f"{what}: {outcome}" for what, outcome in sweep(entry) if outcome not in FINE]
    assert not failures, f"{entry.name}:\n  " + "\n  ".join(failures)


def test_valid_calls_succeed() -> None:
    """The valid call of every entry point works (otherwise every trial would be an error)."""
    broken = [e.name for e in ENTRIES if classify(e, None, None, False) not in ("ok",)]
    assert not broken


def _underlying(obj: Any) -> Any:
    """The function behind a method, classmethod or staticmethod (properties as they are)."""
    if isinstance(obj, classmethod | staticmethod):
        return obj.__func__
    return getattr(obj, "__func__", obj)


def public_callables() -> dict[str, Any]:
    """Every public function, class, callable object and public method or property, by the
    dotted name of the submodule that exports it (``nnref.layers.Dense``, not ``nnref.Dense``);
    a method is listed under the class that defines it."""
    found: dict[str, Any] = {}
    seen: set[int] = set()
    submodules = [getattr(nnref, m) for m in nnref.__all__ if inspect.ismodule(getattr(nnref, m))]
    try:
        import nnref.plotting as plotting
    except ImportError:  # pragma: no cover - without matplotlib there is nothing to draw with
        pass
    else:
        submodules.append(plotting)
    for module in [*submodules, nnref]:
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.ismodule(obj) or id(obj) in seen or not callable(obj):
                continue
            seen.add(id(obj))
            dotted = f"{module.__name__}.{name}"
            found[dotted] = obj
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    if attr.startswith("_") and attr != "__call__":
                        continue
                    if callable(member) or isinstance(member, property | classmethod):
                        found[f"{dotted}.{attr}"] = member
    return found


def resolve(target: str) -> Any:
    """The object a dotted target names (``nnref.layers.Dense.forward`` is Layer.forward)."""
    parts = target.split(".")
    obj: Any = nnref
    for part in parts[1:]:
        obj = inspect.getattr_static(obj, part) if inspect.isclass(obj) else getattr(obj, part)
    return obj


def test_every_public_entry_point_is_swept() -> None:
    swept = {id(_underlying(resolve(t))) for e in ENTRIES for t in e.targets}
    swept |= {id(_underlying(resolve(t))) for t in EXEMPT}
    missing = sorted(n for n, o in public_callables().items() if id(_underlying(o)) not in swept)
    assert not missing, "not swept (add an Entry or an EXEMPT reason): " + ", ".join(missing)


def report() -> None:  # pragma: no cover - a script for people
    counts: Counter[str] = Counter()
    for entry in ENTRIES:
        for what, outcome in sweep(entry):
            kind = outcome if outcome in FINE else outcome.split(":")[0]
            counts[kind] += 1
            if outcome not in FINE:
                print(f"{entry.name} | {what} | {outcome}")
    print(dict(counts), "calls:", sum(counts.values()))


if __name__ == "__main__":  # pragma: no cover
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    report()
