"""The network zoo: every type of Fjodor van Veen's chart, and every network nnref implements.

One list, [`ZOO`][nnref_site.zoo.ZOO], drives the zoo page: the table of the chart's types
(2016 and 2019 versions), which of them nnref implements and where, and the gallery of the
implemented ones, each drawn from a model object built here. The chart's list was checked
against the Asimov Institute's pages (27 types in 2016, 29 in 2019); the one-line definitions
are the glossary's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nnref_site import ROOT
from nnref_site.markdown import link

Builder = Callable[[], Any]


@dataclass(frozen=True)
class ZooEntry:
    """One network type.

    Attributes:
        name: Its name as the chart writes it (or the glossary's, for types not on it).
        abbr: The chart's abbreviation ("" for types not on it).
        charts: The chart versions that show it: a subset of (2016, 2019).
        definition: What it is, in one line.
        page: The glossary page (docs-relative), or None when nnref does not implement it.
        api: The API anchor (docs-relative), or None.
        build: Makes a model object of the type (implemented types only).
    """

    name: str
    abbr: str
    charts: tuple[int, ...]
    definition: str
    page: str | None = None
    api: str | None = None
    build: Builder | None = None

    @property
    def implemented(self) -> bool:
        return self.build is not None


# --- model builders (small, seeded, fitted on tiny data where a model needs fitting) --------


def _perceptron() -> Any:
    from nnref.datasets import gate
    from nnref.linear import Perceptron

    return Perceptron(epochs=10).fit(*gate("and"))


def _adaline() -> Any:
    from nnref.datasets import gate
    from nnref.linear import Adaline

    return Adaline(eta=0.1, epochs=50).fit(*gate("and"))


def _slp() -> Any:
    from nnref.layers import ActivationLayer, Dense
    from nnref.network import Sequential

    return Sequential([Dense(3, 2, rng=0), ActivationLayer("step")])


def _one_vs_rest() -> Any:
    from nnref.datasets import blobs
    from nnref.linear import OneVsRest, Perceptron

    X, y = blobs(60, centers=3, rng=2)
    return OneVsRest(Perceptron(epochs=10)).fit(X, y)


def _mlp(*sizes: int) -> Builder:
    def build() -> Any:
        from nnref.network import mlp

        return mlp(list(sizes), activation="tanh", rng=0)

    return build


def _autoencoder() -> Any:
    from nnref.network import Autoencoder, mlp

    return Autoencoder(mlp([4, 3, 2], activation="tanh", rng=0), mlp([2, 3, 4], rng=1))


def _cnn() -> Any:
    from nnref.conv import Conv2D, MaxPool2D
    from nnref.layers import Dense, Flatten
    from nnref.network import Sequential

    return Sequential(
        [Conv2D(1, 3, 3, rng=0), MaxPool2D(2), Conv2D(3, 4, 3, rng=0), Flatten(), Dense(4, 2)]
    )


def _recurrent(feedback: str) -> Builder:
    def build() -> Any:
        from nnref.layers import Dense
        from nnref.network import Sequential
        from nnref.recurrent import RecurrentLayer, TimeDistributed

        core = RecurrentLayer(2, 3, feedback=feedback, rng=0)
        return Sequential([core, TimeDistributed(Dense(3, 2, rng=0))])

    return build


def _gated(kind: str) -> Builder:
    def build() -> Any:
        from nnref.layers import Dense
        from nnref.network import Sequential
        from nnref.recurrent import GRU, LSTM, LastStep

        cell = (LSTM if kind == "lstm" else GRU)(2, 3, rng=0)
        return Sequential([cell, LastStep(), Dense(3, 2, rng=0)])

    return build


def _jordan() -> Any:
    from nnref.recurrent import JordanNetwork

    return JordanNetwork(2, 3, 2, rng=0)


def _hopfield() -> Any:
    from nnref.recurrent import Hopfield, random_patterns

    return Hopfield(6).store(random_patterns(1, 6, rng=0))


def _esn() -> Any:
    from nnref.recurrent import EchoStateNetwork

    return EchoStateNetwork(1, 50, rng=0)


def _elm() -> Any:
    from nnref.datasets import gate
    from nnref.recurrent import ExtremeLearningMachine

    X, y = gate("xor")
    return ExtremeLearningMachine(8, rng=0).fit(X, y)


_NN = "networks/"
_RNN = "recurrent/"
_CNN_PAGE, _CNN_API = "cnn/index.md", "api/conv.md#nnref.conv.Conv2D"

ZOO: list[ZooEntry] = [
    ZooEntry(
        "Perceptron",
        "P",
        (2016, 2019),
        "A single threshold unit: a weighted sum of the inputs, then a step.",
        "learning/perceptron-rule.md",
        "api/linear.md#nnref.linear.Perceptron",
        _perceptron,
    ),
    ZooEntry(
        "Feed forward",
        "FF",
        (2016, 2019),
        "Layers fully connected to the next, information flowing only from input to "
        "output; here one hidden layer.",
        f"{_NN}mlp.md",
        "api/network.md#nnref.network.mlp",
        _mlp(2, 3, 1),
    ),
    ZooEntry(
        "Radial basis network",
        "RBF",
        (2016, 2019),
        "A feed-forward network whose hidden units respond to the distance between the "
        "input and a centre, through a bump-shaped function.",
    ),
    ZooEntry(
        "Deep feed forward",
        "DFF",
        (2016, 2019),
        "A feed-forward network with more than one hidden layer.",
        f"{_NN}mlp.md",
        "api/network.md#nnref.network.mlp",
        _mlp(3, 4, 4, 2),
    ),
    ZooEntry(
        "Recurrent neural network",
        "RNN",
        (2016, 2019),
        "Hidden units that feed their state back into their layer one time step later, "
        "so each output depends on the whole sequence so far.",
        f"{_RNN}rnn.md",
        "api/recurrent.md#nnref.recurrent.RecurrentLayer",
        _recurrent("complete"),
    ),
    ZooEntry(
        "Long / short term memory",
        "LSTM",
        (2016, 2019),
        "A recurrent layer whose units keep a cell state guarded by input, forget and "
        "output gates.",
        f"{_RNN}lstm.md",
        "api/recurrent.md#nnref.recurrent.LSTM",
        _gated("lstm"),
    ),
    ZooEntry(
        "Gated recurrent unit",
        "GRU",
        (2016, 2019),
        "A gated recurrent layer with an update and a reset gate and no separate cell state.",
        f"{_RNN}gru.md",
        "api/recurrent.md#nnref.recurrent.GRU",
        _gated("gru"),
    ),
    ZooEntry(
        "Auto encoder",
        "AE",
        (2016, 2019),
        "A network trained to reproduce its input through a narrower middle layer.",
        f"{_NN}autoencoder.md",
        "api/network.md#nnref.network.Autoencoder",
        _autoencoder,
    ),
    ZooEntry(
        "Variational auto encoder",
        "VAE",
        (2016, 2019),
        "An autoencoder whose code is a probability distribution; decoding random codes "
        "generates new data.",
    ),
    ZooEntry(
        "Denoising auto encoder",
        "DAE",
        (2016, 2019),
        "An autoencoder trained to give back the clean input from a corrupted copy.",
    ),
    ZooEntry(
        "Sparse auto encoder",
        "SAE",
        (2016, 2019),
        "An autoencoder with a wide middle layer of which only a few units may be active at once.",
    ),
    ZooEntry(
        "Markov chain",
        "MC",
        (2016, 2019),
        "A random process stepping between states with probabilities that depend only on "
        "the current state; not a neural network, charted as a relative of the "
        "Boltzmann machine.",
    ),
    ZooEntry(
        "Hopfield network",
        "HN",
        (2016, 2019),
        "Binary units all connected to each other by symmetric weights, storing patterns "
        "as minima of an energy.",
        f"{_RNN}hopfield.md",
        "api/recurrent.md#nnref.recurrent.Hopfield",
        _hopfield,
    ),
    ZooEntry(
        "Boltzmann machine",
        "BM",
        (2016, 2019),
        "A Hopfield-like network of random units, some of them hidden, that learns a "
        "probability distribution over its visible units.",
    ),
    ZooEntry(
        "Restricted Boltzmann machine",
        "RBM",
        (2016, 2019),
        "A Boltzmann machine with connections only between its visible and its hidden layer.",
    ),
    ZooEntry(
        "Deep belief network",
        "DBN",
        (2016, 2019),
        "A stack of restricted Boltzmann machines or autoencoders trained one layer at a "
        "time, then fine-tuned as a whole.",
    ),
    ZooEntry(
        "Deep convolutional network",
        "DCN",
        (2016, 2019),
        "Convolution and pooling layers that find local patterns with shared kernels, "
        "followed by fully connected layers.",
        _CNN_PAGE,
        _CNN_API,
        _cnn,
    ),
    ZooEntry(
        "Deconvolutional network",
        "DN",
        (2016, 2019),
        "A convolutional network run the other way: it builds an image up from a code by "
        "transposed convolutions.",
    ),
    ZooEntry(
        "Deep convolutional inverse graphics network",
        "DCIGN",
        (2016, 2019),
        "A variational autoencoder with a convolutional encoder and a deconvolutional "
        "decoder whose code separates pose, lighting and shape.",
    ),
    ZooEntry(
        "Generative adversarial network",
        "GAN",
        (2016, 2019),
        "A generator and a discriminator trained against each other: one makes samples, "
        "the other tells them from real data.",
    ),
    ZooEntry(
        "Liquid state machine",
        "LSM",
        (2016, 2019),
        "A fixed random recurrent network of spiking neurons whose activity a trained "
        "layer reads out.",
    ),
    ZooEntry(
        "Extreme learning machine",
        "ELM",
        (2016, 2019),
        "A feed-forward network with one fixed random hidden layer; only the output "
        "weights are fitted, by least squares.",
        f"{_RNN}reservoir.md",
        "api/recurrent.md#nnref.recurrent.ExtremeLearningMachine",
        _elm,
    ),
    ZooEntry(
        "Echo state network",
        "ESN",
        (2016, 2019),
        "A fixed random recurrent reservoir whose state a trained linear layer reads out.",
        f"{_RNN}reservoir.md",
        "api/recurrent.md#nnref.recurrent.EchoStateNetwork",
        _esn,
    ),
    ZooEntry(
        "Deep residual network",
        "DRN",
        (2016, 2019),
        "A very deep network whose blocks add their output to their input through skip "
        "connections.",
    ),
    ZooEntry(
        "Differentiable neural computer",
        "DNC",
        (2019,),
        "A neural Turing machine with a richer memory that tracks which slots are in use "
        "and in what order they were written.",
    ),
    ZooEntry(
        "Neural Turing machine",
        "NTM",
        (2016, 2019),
        "A recurrent controller that reads and writes an external memory through "
        "differentiable attention.",
    ),
    ZooEntry(
        "Capsule network",
        "CN",
        (2019,),
        "Groups of units (capsules) whose vector output describes an entity, passed "
        "between layers by agreement between capsules.",
    ),
    ZooEntry(
        "Kohonen network",
        "KN",
        (2016, 2019),
        "A self-organising map: units on a grid that learn without labels to cover the "
        "inputs, neighbours responding to similar inputs.",
    ),
    ZooEntry(
        "Support vector machine",
        "SVM",
        (2016,),
        "A maximum-margin linear classifier, usually in a feature space given by a "
        "kernel; not a neural network.",
    ),
    ZooEntry(
        "Attention network",
        "AN",
        (2019,),
        "A network that weighs the parts of its input or memory by learned relevance "
        "scores, the idea behind transformers.",
    ),
    # --- in nnref, not on the chart ------------------------------------------------------
    ZooEntry(
        "Single-layer perceptron",
        "",
        (),
        "One layer of threshold units on the inputs: one perceptron per output.",
        "learning/logic-gates.md",
        "api/layers.md#nnref.layers.Dense",
        _slp,
    ),
    ZooEntry(
        "Adaline",
        "",
        (),
        "A single linear unit trained by the delta rule, with a threshold only to predict.",
        "learning/adaline.md",
        "api/linear.md#nnref.linear.Adaline",
        _adaline,
    ),
    ZooEntry(
        "One-vs-rest",
        "",
        (),
        "One binary classifier per class; the class whose unit is most sure wins.",
        "learning/one-vs-rest.md",
        "api/linear.md#nnref.linear.OneVsRest",
        _one_vs_rest,
    ),
    ZooEntry(
        "Recurrent network, direct feedback",
        "",
        (),
        "Each hidden unit feeds back to itself only.",
        f"{_RNN}feedback.md#direct-feedback",
        "api/recurrent.md#nnref.recurrent.RecurrentLayer",
        _recurrent("direct"),
    ),
    ZooEntry(
        "Recurrent network, lateral feedback",
        "",
        (),
        "Each hidden unit feeds the other units of its layer, not itself.",
        f"{_RNN}feedback.md#lateral-feedback",
        "api/recurrent.md#nnref.recurrent.RecurrentLayer",
        _recurrent("lateral"),
    ),
    ZooEntry(
        "Jordan network",
        "",
        (),
        "Indirect feedback: the outputs of one step feed the hidden layer of the next.",
        f"{_RNN}feedback.md#indirect-feedback",
        "api/recurrent.md#nnref.recurrent.JordanNetwork",
        _jordan,
    ),
]
"""Every type of the zoo chart (2016 and 2019) in the chart's order, then the types nnref
implements that the chart does not show."""


def _exists(target: str) -> bool:
    """Does the docs page of a (possibly anchored) link exist in this checkout?"""
    return (ROOT / "docs" / target.partition("#")[0]).is_file()


def _links(entry: ZooEntry, source: str) -> str:
    parts = []
    if entry.page and _exists(entry.page):
        parts.append(f"[page]({link(entry.page, source)})")
    if entry.api and _exists(entry.api):
        name = entry.api.rpartition(".")[2]
        parts.append(f"[`{name}`]({link(entry.api, source)})")
    return " · ".join(parts) if parts else "implemented (page to come)"


UNIMPLEMENTED_SOURCES: dict[str, str] = {
    "RBF": "broomhead1988",
    "VAE": "kingma2013",
    "DAE": "vincent2008",
    "SAE": "ranzato2006",
    "MC": "hayes2013",
    "BM": "ackley1985",
    "RBM": "smolensky1986",
    "DBN": "hinton2006b",
    "DN": "zeiler2010",
    "DCIGN": "kulkarni2015",
    "GAN": "goodfellow2014",
    "LSM": "maass2002",
    "DRN": "he2016",
    "DNC": "graves2016",
    "NTM": "graves2014",
    "CN": "sabour2017",
    "KN": "kohonen1982",
    "SVM": "cortes1995",
    "AN": "bahdanau2014",
}
"""The work each type that nnref does not implement comes from (the chart's own references),
by abbreviation: a key of ``nnref.references``. The implemented types cite theirs on their
own pages."""


def _credit(e: ZooEntry, source: str) -> str:
    """The definition of a type, with a citation of its origin when it has no page here."""
    if e.implemented:
        return e.definition
    from nnref import references

    key = UNIMPLEMENTED_SOURCES[e.abbr]
    target = link(f"references.md#{key}", source)
    return f"{e.definition} [{references.get(key).cite()}]({target})"


def chart_table(source: str) -> str:
    """The chart's types as a Markdown table: abbreviation, name, the versions that show it,
    the definition, and where nnref has it."""
    from nnref_site.markdown import table

    rows = []
    for e in ZOO:
        if not e.charts:
            continue
        where = _links(e, source) if e.implemented else "not implemented"
        rows.append(
            [
                e.abbr,
                e.name,
                "✓" if 2016 in e.charts else "",
                "✓" if 2019 in e.charts else "",
                _credit(e, source),
                where,
            ]
        )
    return table(["", "type", "2016", "2019", "what it is", "in nnref"], rows)


def counts() -> dict[str, int]:
    """How many types each chart version shows, how many distinct types, and how many of them
    (and in all) nnref implements."""
    on_chart = [e for e in ZOO if e.charts]
    return {
        "2016": sum(2016 in e.charts for e in on_chart),
        "2019": sum(2019 in e.charts for e in on_chart),
        "chart": len(on_chart),
        "chart implemented": sum(e.implemented for e in on_chart),
        "implemented": sum(e.implemented for e in ZOO),
    }


def gallery(source: str, max_units: int = 4) -> str:
    """Every implemented type drawn from a freshly built model object, as an HTML grid of
    figures with captions linking to its page and API entry."""
    from nnref.plotting import figure_to_svg, zoo_diagram

    cells = []
    for e in ZOO:
        if not e.implemented:
            continue
        assert e.build is not None
        model = e.build()
        key = (e.abbr or e.name).lower().replace(" ", "-").replace(",", "")
        svg = figure_to_svg(
            zoo_diagram(model, max_units=max_units),
            f"zoo-{key}",
            title=f"{e.name}, drawn from a {type(model).__name__} object",
        )
        title = f"{e.name} ({e.abbr})" if e.abbr else e.name
        caption = f"<strong>{title}</strong><br><code>{type(model).__name__}</code>"
        if e.page and _exists(e.page):
            caption += f' · <a href="{link(e.page, source)}">page</a>'
        if e.api and _exists(e.api):
            caption += f' · <a href="{link(e.api, source)}">API</a>'
        cells.append(
            '<figure style="margin:0;text-align:center">'
            f"{svg}<figcaption>{caption}</figcaption></figure>"
        )
    style = (
        "display:grid;grid-template-columns:repeat(auto-fill,minmax(10.5rem,1fr));"
        "gap:1.2rem 1rem;align-items:end"
    )
    return f'<div class="nnref-zoo" style="{style}">\n' + "\n".join(cells) + "\n</div>"


def models() -> dict[str, Any]:
    """Every implemented type's model object, by name (built afresh)."""
    return {e.name: e.build() for e in ZOO if e.build is not None}


__all__ = ["ZOO", "ZooEntry", "chart_table", "counts", "gallery", "models"]
