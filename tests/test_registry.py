"""The three catalogues (activations, losses, initialisers) look things up the same way."""

from __future__ import annotations

import re
from types import ModuleType

import pytest

from nnref import activations, init, losses
from nnref._registry import Registry

# module, the argument its errors name, a key, an alias of that key
CATALOGUES = [
    (activations, "activation", "hard_tanh", "hardtanh"),
    (losses, "loss", "binary_cross_entropy", "bce"),
    (init, "init", "he_normal", "kaiming_normal"),
]
IDS = ["activations", "losses", "init"]


def key_of(entry: object) -> str:
    return str(getattr(entry, "key", None) or getattr(entry, "__name__", ""))


@pytest.mark.parametrize(("module", "argument", "key", "alias"), CATALOGUES, ids=IDS)
def test_get_finds_keys_and_aliases_and_passes_objects_through(
    module: ModuleType, argument: str, key: str, alias: str
) -> None:
    entry = module.get(key)
    assert key_of(entry) == key
    assert module.get(alias) is entry
    assert module.get(entry) is entry
    listed = module.catalog()
    assert entry in listed
    assert [module.get(key_of(e)) for e in listed] == listed
    assert module.catalog() is not listed  # a new list every time


@pytest.mark.parametrize(("module", "argument", "key", "alias"), CATALOGUES, ids=IDS)
def test_one_error_for_an_unknown_key(
    module: ModuleType, argument: str, key: str, alias: str
) -> None:
    with pytest.raises(ValueError) as info:
        module.get("no_such_thing")
    message = str(info.value)
    assert message.startswith(f"{argument} must be one of ")
    assert message.endswith(", got 'no_such_thing'")
    for entry in module.catalog():
        assert repr(key_of(entry)) in message
    assert f"(or {alias!r}" in message or f", {alias!r}" in message


@pytest.mark.parametrize(("module", "argument", "key", "alias"), CATALOGUES, ids=IDS)
def test_a_type_error_for_what_is_neither_a_key_nor_an_entry(
    module: ModuleType, argument: str, key: str, alias: str
) -> None:
    with pytest.raises(TypeError, match=rf"^{argument} must be .*, got 3\.5$"):
        module.get(3.5)


def test_registry_rejects_a_second_entry_under_a_taken_name() -> None:
    reg: Registry[int] = Registry("number", "n", "an int", lambda v: isinstance(v, int))
    reg.add("one", 1, aliases=("uno",))
    for name in ("one", "uno"):
        with pytest.raises(ValueError, match=re.escape(f"got a second number named {name!r}")):
            reg.add(name, 2)
    assert reg.keys() == ("one",) and reg.aliases() == {"uno": "one"} and len(reg) == 1
    assert "uno" in reg and "two" not in reg and reg.last() == 1
    assert reg.get(7) == 7  # an entry passes through
    with pytest.raises(ValueError, match=r"^count must be one of 'one' \(or 'uno'\), got 'two'$"):
        reg.get("two", "count")


def test_an_empty_registry_lists_nothing() -> None:
    reg: Registry[int] = Registry("number", "n", "an int", lambda v: isinstance(v, int))
    assert reg.entries() == [] and reg.last() is None and reg.keys() == ()
    with pytest.raises(
        ValueError, match=r"^n must be a registered key \(there are none yet\), got 'x'$"
    ):
        reg.get("x")
