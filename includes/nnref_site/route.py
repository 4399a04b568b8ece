"""The learning route: the order in which the site's pages build on each other.

The route runs from the home page through the top-level sections of the nav named in
``ROUTE_SECTIONS`` — the neuron, the core activation functions, learning rules and gradient
descent, multi-layer perceptrons and backpropagation, training, convolutional and recurrent
networks — and the footer's "Previous"/"Next" links follow the nav, so they follow the route.
The full activation catalogue, the glossary and the API reference come after it, off the path.

``PREREQUISITES`` says, for every page of the route, which pages it builds on;
``tests/test_route.py`` reads the nav from ``mkdocs.yml`` and fails if a page comes before a
page it builds on. ``CORE_ACTIVATIONS`` are the activations on the route (in this order);
``includes/make_activation_pages.py`` writes their nav entries and puts every other activation
in the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from nnref_site import ROOT

CORE_ACTIVATIONS: tuple[str, ...] = (
    "step",
    "sign",
    "identity",
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "prelu",
    "softmax",
    "gelu",
    "silu",
)
"""The activation keys on the route, in route order; the other activations are the catalogue."""

ROUTE_SECTIONS: tuple[str, ...] = (
    "The neuron",
    "Activation functions",
    "Learning",
    "Networks",
    "Training",
    "Convolutional networks",
    "Recurrent networks",
)
"""The top-level nav sections (tabs) that make up the route, in order, after the home page."""

START = "neuron/index.md"
"""The first step of the route; the home page's "Start here" links it."""

_ACT = "activations/index.md"

PREREQUISITES: dict[str, tuple[str, ...]] = {
    # The home page and the notation used everywhere
    "index.md": (),
    "concepts/notation.md": (),
    # The neuron
    "neuron/index.md": (),
    "neuron/weight.md": ("neuron/index.md",),
    "neuron/bias.md": ("neuron/weight.md",),
    "neuron/net-input.md": ("neuron/weight.md", "neuron/bias.md"),
    "neuron/activity-level.md": ("neuron/net-input.md",),
    "neuron/output-function.md": ("neuron/activity-level.md",),
    "neuron/forward-propagation.md": ("neuron/net-input.md", "neuron/output-function.md"),
    "neuron/threshold-logic-unit.md": ("neuron/bias.md", "neuron/activity-level.md"),
    "neuron/layer.md": ("neuron/index.md", "neuron/forward-propagation.md"),
    # Activation functions: the core ones
    _ACT: ("neuron/activity-level.md",),
    "concepts/non-linearity.md": (_ACT, "neuron/layer.md"),
    "concepts/activation-properties.md": (_ACT,),
    "activations/step.md": (_ACT, "neuron/threshold-logic-unit.md"),
    "activations/sign.md": ("activations/step.md",),
    "activations/identity.md": (_ACT, "concepts/non-linearity.md"),
    "activations/sigmoid.md": (_ACT, "activations/step.md"),
    "activations/tanh.md": ("activations/sigmoid.md",),
    "activations/relu.md": (_ACT, "activations/identity.md"),
    "activations/leaky_relu.md": ("activations/relu.md",),
    "activations/prelu.md": ("activations/leaky_relu.md",),
    "activations/softmax.md": ("activations/sigmoid.md",),
    "activations/gelu.md": ("activations/relu.md",),
    "activations/silu.md": ("activations/sigmoid.md", "activations/relu.md"),
    "concepts/saturation.md": (
        "activations/sigmoid.md",
        "activations/tanh.md",
        "activations/relu.md",
    ),
    "concepts/numerical-stability.md": ("activations/sigmoid.md", "activations/softmax.md"),
    # Learning: the perceptron, learning rules, gradient descent, judging a model
    "learning/index.md": ("neuron/index.md",),
    "learning/perceptron-rule.md": ("learning/index.md", "neuron/threshold-logic-unit.md"),
    "learning/logic-gates.md": ("learning/perceptron-rule.md",),
    "learning/linear-separability.md": ("learning/logic-gates.md",),
    "learning/adaline.md": ("learning/perceptron-rule.md",),
    "learning/gradient-descent.md": ("learning/adaline.md",),
    "learning/learning-rate.md": ("learning/gradient-descent.md",),
    "learning/one-vs-rest.md": ("learning/perceptron-rule.md", "learning/adaline.md"),
    "learning/regression-classification.md": ("learning/adaline.md",),
    "learning/validation.md": ("learning/adaline.md", "learning/regression-classification.md"),
    "learning/confusion-matrix.md": (
        "learning/adaline.md",
        "learning/one-vs-rest.md",
        "learning/validation.md",
    ),
    # Networks: the multi-layer perceptron and backpropagation
    "networks/index.md": ("neuron/layer.md", "learning/logic-gates.md"),
    "networks/mlp.md": ("neuron/layer.md", "concepts/non-linearity.md", "learning/logic-gates.md"),
    "networks/backpropagation.md": (
        "networks/mlp.md",
        "learning/gradient-descent.md",
        "activations/sigmoid.md",
    ),
    # Training
    "training/index.md": ("networks/backpropagation.md", "learning/gradient-descent.md"),
    "networks/loss-functions.md": ("networks/backpropagation.md", "learning/gradient-descent.md"),
    "concepts/output-activations.md": (
        "networks/loss-functions.md",
        "activations/identity.md",
        "activations/softmax.md",
    ),
    "networks/epochs.md": ("networks/loss-functions.md", "learning/adaline.md"),
    "networks/initialisation.md": ("networks/backpropagation.md", "neuron/weight.md"),
    "networks/momentum.md": ("networks/epochs.md", "learning/learning-rate.md"),
    "networks/xor.md": (
        "learning/linear-separability.md",
        "networks/mlp.md",
        "networks/loss-functions.md",
        "networks/initialisation.md",
    ),
    "networks/nonlinear-regression.md": (
        "networks/mlp.md",
        "networks/loss-functions.md",
        "learning/validation.md",
    ),
    "concepts/vanishing-gradient.md": (
        "networks/backpropagation.md",
        "learning/gradient-descent.md",
        "concepts/saturation.md",
    ),
    "networks/vanishing-gradient.md": (
        "concepts/vanishing-gradient.md",
        "networks/initialisation.md",
    ),
    "concepts/dying-relu.md": (
        "activations/relu.md",
        "networks/backpropagation.md",
        "learning/gradient-descent.md",
    ),
    "networks/prelu-learning.md": ("activations/prelu.md", "concepts/dying-relu.md"),
    "networks/autoencoder.md": ("networks/mlp.md", "networks/loss-functions.md"),
    # Convolutional networks
    "cnn/index.md": ("networks/mlp.md", "networks/backpropagation.md"),
    "cnn/convolution.md": ("cnn/index.md", "neuron/net-input.md"),
    "cnn/kernels.md": ("cnn/convolution.md",),
    "cnn/stride-padding.md": ("cnn/kernels.md",),
    "cnn/channels.md": ("cnn/kernels.md",),
    "cnn/pooling.md": ("cnn/kernels.md", "cnn/stride-padding.md"),
    "cnn/receptive-field.md": ("cnn/kernels.md", "cnn/pooling.md"),
    "cnn/weight-sharing.md": ("cnn/kernels.md", "neuron/layer.md"),
    "cnn/architecture.md": (
        "cnn/convolution.md",
        "cnn/pooling.md",
        "networks/loss-functions.md",
        "networks/momentum.md",
    ),
    "cnn/im2col.md": ("cnn/convolution.md", "cnn/channels.md", "networks/backpropagation.md"),
    # Recurrent networks
    "recurrent/index.md": ("networks/mlp.md", "networks/backpropagation.md"),
    "recurrent/rnn.md": ("recurrent/index.md", "networks/mlp.md"),
    "recurrent/feedback.md": ("recurrent/rnn.md",),
    "recurrent/bptt.md": ("recurrent/rnn.md", "networks/backpropagation.md"),
    "recurrent/vanishing-exploding.md": ("recurrent/bptt.md", "concepts/vanishing-gradient.md"),
    "recurrent/lstm.md": ("recurrent/vanishing-exploding.md", "activations/sigmoid.md"),
    "recurrent/gru.md": ("recurrent/lstm.md",),
    "recurrent/hopfield.md": ("recurrent/feedback.md",),
    "recurrent/reservoir.md": ("recurrent/rnn.md", "learning/regression-classification.md"),
    # Off the route, after it: the zoo needs every network type
    "networks/zoo.md": ("networks/autoencoder.md", "cnn/index.md", "recurrent/hopfield.md"),
}
"""Page -> the pages it builds on (paths under ``docs/``); the nav must list them earlier."""


def load_nav(config: Path | None = None) -> list[Any]:
    """The ``nav:`` of ``mkdocs.yml`` as YAML data.

    Examples:
        >>> next(iter(load_nav()[0].values()))
        'index.md'
    """
    path = ROOT / "mkdocs.yml" if config is None else config
    return yaml.safe_load(path.read_text(encoding="utf-8"))["nav"]


def _pages(item: Any) -> Iterator[str]:
    if isinstance(item, str):
        yield item
    elif isinstance(item, dict):
        for value in item.values():
            yield from _pages(value)
    elif isinstance(item, list):
        for child in item:
            yield from _pages(child)


def nav_pages(nav: list[Any] | None = None) -> list[str]:
    """Every page of the nav, in the order of the footer's "Previous"/"Next" links.

    Examples:
        >>> nav_pages([{"Home": "index.md"}, {"A": ["a/index.md", {"B": "a/b.md"}]}])
        ['index.md', 'a/index.md', 'a/b.md']
    """
    return list(_pages(load_nav() if nav is None else nav))


def sections(nav: list[Any] | None = None) -> dict[str, list[str]]:
    """Top-level section title -> its pages in nav order (a lone page is its own section).

    Examples:
        >>> sections([{"Home": "index.md"}, {"A": ["a/index.md", {"B": "a/b.md"}]}])
        {'Home': ['index.md'], 'A': ['a/index.md', 'a/b.md']}
    """
    result: dict[str, list[str]] = {}
    for item in load_nav() if nav is None else nav:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (item, item)
        result[str(title)] = list(_pages(value))
    return result


def route_pages(nav: list[Any] | None = None) -> list[str]:
    """The pages of the route in nav order: from the home page to the end of the last section
    of ``ROUTE_SECTIONS`` (single pages placed between those sections, such as the notation
    page, are on the route too).

    Examples:
        >>> route = route_pages()
        >>> route[0], "neuron/index.md" in route, "glossary.md" in route
        ('index.md', True, False)
    """
    parts = sections(nav)
    titles = list(parts)
    last = titles.index(ROUTE_SECTIONS[-1])
    return [page for title in titles[: last + 1] for page in parts[title]]
