"""nnref: a glossary of neural-network terms that is also a small, exact NumPy library.

Every formula on the glossary site is computed by this package while the site builds; the
same code is what you import.

Examples:
    >>> import nnref
    >>> float(nnref.Neuron([0.3, 0.7])([0.5, 0.8]))
    0.71
"""

from nnref import activations, datasets, linear, metrics
from nnref._validation import NotFittedError
from nnref.activations import Activation
from nnref.linear import Adaline, OneVsRest, Perceptron
from nnref.neuron import Neuron, NeuronTrace

__all__ = [
    "Activation",
    "Adaline",
    "Neuron",
    "NeuronTrace",
    "NotFittedError",
    "OneVsRest",
    "Perceptron",
    "activations",
    "datasets",
    "linear",
    "metrics",
]
__version__ = "0.1.0"
