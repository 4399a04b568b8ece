"""One catalogue helper for the three lookups by name: activations, losses and initialisers.

A [`Registry`][nnref._registry.Registry] holds objects under a key and any number of
aliases, in the order they were added. Every catalogue module builds one and exposes the same
two functions over it: ``get(key)``, which returns the object for a key or an alias (an object
of the catalogue's kind passes through unchanged), and ``catalog()``, which lists the objects
in order. Lookups fail the same way everywhere:

- an unknown string raises ``ValueError`` naming the key and listing the known keys (and the
  aliases), in the project's error template ``"{name} must be {rule}, got {value}"``;
- anything that is neither a string nor an object of the catalogue's kind raises
  ``TypeError``.

Examples:
    >>> colours = Registry("colour", "colour", "a colour or a colour name", callable)
    >>> red = colours.add("red", lambda: "#f00", aliases=("rouge",))
    >>> colours.get("rouge") is red, colours.keys()
    (True, ('red',))
    >>> colours.get("blue")
    Traceback (most recent call last):
    ...
    ValueError: colour must be one of 'red' (or 'rouge'), got 'blue'
    >>> colours.get(3)
    Traceback (most recent call last):
    ...
    TypeError: colour must be a colour or a colour name, got 3
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from nnref._validation import error

__all__ = ["Registry"]

T = TypeVar("T")


class Registry(Generic[T]):
    """Objects looked up by key or alias, kept in the order they were added.

    Args:
        noun: What one entry is called in messages (``"activation"``).
        argument: The argument name an error names by default (``"activation"``, ``"init"``).
        accepted: The rule a ``TypeError`` states, e.g. ``"an Activation or an activation key
            such as 'relu'"``.
        is_entry: ``is_entry(value)`` is true for an object that ``get`` passes through.
    """

    def __init__(
        self, noun: str, argument: str, accepted: str, is_entry: Callable[[Any], bool]
    ) -> None:
        self.noun = noun
        self.argument = argument
        self.accepted = accepted
        self._is_entry = is_entry
        self._entries: dict[str, T] = {}
        self._aliases: dict[str, str] = {}

    def add(self, key: str, entry: T, aliases: Iterable[str] = ()) -> T:
        """Register ``entry`` under ``key`` and ``aliases``; return it.

        Raises:
            ValueError: if the key or an alias is taken already.
        """
        names = (key, *aliases)
        for name in names:
            if name in self._entries or name in self._aliases:
                raise ValueError(f"key must be unique, got a second {self.noun} named {name!r}")
        self._entries[key] = entry
        for alias in names[1:]:
            self._aliases[alias] = key
        return entry

    def get(self, key: Any, name: str | None = None) -> T:
        """The entry for ``key`` (a key or an alias); an entry itself is returned as is.

        Args:
            key: A key, an alias, or an object of the catalogue's kind.
            name: The argument to name in an error; the catalogue's ``argument`` by default.

        Raises:
            ValueError: for an unknown key, naming it and listing the known keys and aliases.
            TypeError: for anything that is neither a string nor an entry.
        """
        if self._is_entry(key):
            found: T = key
            return found
        argument = self.argument if name is None else name
        if not isinstance(key, str):
            raise error(argument, self.accepted, key, TypeError)
        entry = self._entries.get(self._aliases.get(key, key))
        if entry is None:
            raise error(argument, self.rule(), key)
        return entry

    def rule(self) -> str:
        """The "one of ..." rule an unknown key is told: every key, then the aliases."""
        if not self._entries:
            return "a registered key (there are none yet)"
        known = ", ".join(repr(k) for k in self._entries)
        aliases = ", ".join(repr(k) for k in self._aliases)
        return f"one of {known}" + (f" (or {aliases})" if aliases else "")

    def keys(self) -> tuple[str, ...]:
        """The keys in order (aliases not included)."""
        return tuple(self._entries)

    def aliases(self) -> dict[str, str]:
        """Every alias with the key it stands for."""
        return dict(self._aliases)

    def entries(self) -> list[T]:
        """The entries in the order they were added (a new list)."""
        return list(self._entries.values())

    def last(self) -> T | None:
        """The entry added most recently (``None`` while empty)."""
        return next(reversed(self._entries.values()), None)

    def __contains__(self, key: object) -> bool:
        return key in self._entries or key in self._aliases

    def __len__(self) -> int:
        return len(self._entries)
