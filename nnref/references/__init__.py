"""Where every activation, loss, initialiser, learning rule and network type comes from.

One registry of [`Reference`][nnref.references.Reference] records (authors, year, title,
venue and a canonical link: DOI, arXiv, publisher or author page) and, for each catalogue key
and model name, the works it comes from as [`Citation`][nnref.references.Citation]s (the work
plus what it contributes). The glossary prints these as each page's "Sources" and builds its
References page from them; nothing here is site code.

Where no single paper introduced a function (identity, sine, arctan, …) the citation says so
and points at a textbook or the standard table instead of an invented origin.

Examples:
    >>> from nnref import references
    >>> references.get("hochreiter1997").cite()
    '(Hochreiter & Schmidhuber, 1997)'
    >>> [c.cite() for c in references.for_activation("relu")]
    ['(Nair & Hinton, 2010)', '(Glorot et al., 2011)', '(Krizhevsky et al., 2012)']
    >>> references.for_model("lstm")[0].reference.url
    'https://doi.org/10.1162/neco.1997.9.8.1735'
"""

from __future__ import annotations

from typing import Any

from nnref import activations, init, losses
from nnref._registry import Registry
from nnref._validation import error
from nnref.references import _topics
from nnref.references._bibliography import BIBLIOGRAPHY
from nnref.references._reference import Citation, Reference

__all__ = [
    "Citation",
    "Reference",
    "by_author",
    "catalog",
    "for_activation",
    "for_init",
    "for_loss",
    "for_model",
    "for_rule",
    "get",
    "models",
    "rules",
]

_CATALOGUE: Registry[Reference] = Registry(
    "reference",
    "key",
    "a Reference or a reference key such as 'hochreiter1997'",
    lambda value: isinstance(value, Reference),
)
for _reference in BIBLIOGRAPHY:
    _CATALOGUE.add(_reference.key, _reference)


def get(key: str | Reference) -> Reference:
    """The reference registered under ``key`` (a `Reference` passes through).

    Raises:
        ValueError: for an unknown key, listing the known ones.
        TypeError: for anything that is neither a string nor a `Reference`.

    Examples:
        >>> get("rosenblatt1958").cite()
        '(Rosenblatt, 1958)'
    """
    return _CATALOGUE.get(key)


def catalog() -> tuple[Reference, ...]:
    """Every registered reference, in registration order.

    Examples:
        >>> len(catalog()) > 90
        True
    """
    return tuple(_CATALOGUE.get(k) for k in _CATALOGUE.keys())


def _sort_key(reference: Reference) -> tuple[str, ...]:
    family = reference.family_names[0]
    return (family.split()[-1].casefold(), family.casefold(), reference.year_text, reference.key)


def by_author() -> tuple[Reference, ...]:
    """Every reference sorted by the first author's family name, then year.

    A particle does not count ("van Veen" sorts under V for Veen).

    Examples:
        >>> [r.key for r in by_author()][:2]
        ['ackley1985', 'amit1985']
    """
    return tuple(sorted(catalog(), key=_sort_key))


def _citations(pairs: tuple[tuple[str, str], ...]) -> tuple[Citation, ...]:
    return tuple(Citation(get(key), note) for key, note in pairs)


def for_activation(activation: Any) -> tuple[Citation, ...]:
    """The works an activation comes from, its origin first.

    Args:
        activation: An [`Activation`][nnref.activations.Activation], its key or an alias.

    Examples:
        >>> for_activation("gelu")[0].reference.url
        'https://arxiv.org/abs/1606.08415'
    """
    return _citations(_topics.ACTIVATIONS[activations.get(activation).key])


def for_loss(loss: Any) -> tuple[Citation, ...]:
    """The works a loss comes from.

    Args:
        loss: A [`Loss`][nnref.losses.Loss], its key or an alias.

    Examples:
        >>> [c.key for c in for_loss("cross_entropy")][:2]
        ['bridle1990', 'goodfellow2016']
    """
    return _citations(_topics.LOSSES[losses.get(loss).key])


def for_init(scheme: Any) -> tuple[Citation, ...]:
    """The works a weight-initialisation scheme comes from.

    Args:
        scheme: An initialiser of `nnref.init`, its name or an alias
            (``"xavier_uniform"``, ``"kaiming_normal"``).

    Examples:
        >>> for_init("kaiming_normal")[0].cite()
        '(He et al., 2015)'
    """
    name = getattr(init.get(scheme), "__name__", "")
    if name not in _topics.INITIALISERS:
        raise error("scheme", f"one of the schemes of nnref.init ({', '.join(init.NAMES)})", scheme)
    return _citations(_topics.INITIALISERS[name])


def _lookup(
    table: dict[str, tuple[tuple[str, str], ...]], aliases: dict[str, str], value: Any, name: str
) -> tuple[Citation, ...]:
    if not isinstance(value, str):
        value = value.__name__ if isinstance(value, type) else type(value).__name__
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    key = aliases.get(key, key)
    if key not in table:
        known = ", ".join(repr(k) for k in table)
        raise error(name, f"one of {known}", value, ValueError)
    return _citations(table[key])


def for_model(model: Any) -> tuple[Citation, ...]:
    """The works a network type comes from.

    Args:
        model: A name (``"lstm"``, ``"hopfield"``, ``"zoo"``, see [`models`][nnref.references.models]),
            a model class such as ``nnref.LSTM``, or an instance of one.

    Raises:
        ValueError: for an unknown name.

    Examples:
        >>> import nnref
        >>> for_model(nnref.Hopfield)[0].cite()
        '(Hopfield, 1982)'
        >>> for_model("esn")[0].cite()
        '(Jaeger, 2001)'
    """  # noqa: E501
    return _lookup(_topics.MODELS, _topics.MODEL_ALIASES, model, "model")


def for_rule(rule: str) -> tuple[Citation, ...]:
    """The works a learning rule comes from.

    Args:
        rule: A name such as ``"perceptron_rule"``, ``"delta_rule"`` (or ``"widrow_hoff"``),
            ``"backpropagation"``, ``"momentum"``, ``"bptt"``, ``"hebbian"``; see
            [`rules`][nnref.references.rules].

    Raises:
        ValueError: for an unknown name.

    Examples:
        >>> for_rule("widrow_hoff")[0].cite()
        '(Widrow & Hoff, 1960)'
    """
    return _lookup(_topics.RULES, _topics.RULE_ALIASES, rule, "rule")


def models() -> tuple[str, ...]:
    """The network types that have references.

    Examples:
        >>> "lstm" in models(), "zoo" in models()
        (True, True)
    """
    return tuple(_topics.MODELS)


def rules() -> tuple[str, ...]:
    """The learning rules that have references.

    Examples:
        >>> rules()[:2]
        ('perceptron_rule', 'delta_rule')
    """
    return tuple(_topics.RULES)
