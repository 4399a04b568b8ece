"""nnref: a glossary of neural-network terms that is also a small, exact NumPy library.

Every formula on the glossary site is computed by this package while the site builds; the
same code is what you import.

Examples:
    >>> import nnref
    >>> float(nnref.Neuron([0.3, 0.7])([0.5, 0.8]))
    0.71
"""

from nnref import (
    activations,
    conv,
    datasets,
    gradcheck,
    init,
    layers,
    linear,
    losses,
    metrics,
    network,
    neuron,
    optim,
    recurrent,
)
from nnref._divergence import DivergenceWarning
from nnref._validation import NotFittedError
from nnref.activations import Activation
from nnref.conv import AvgPool2D, Conv2D, MaxPool2D
from nnref.layers import ActivationLayer, Dense, Flatten, PReLU
from nnref.linear import Adaline, OneVsRest, Perceptron
from nnref.network import Autoencoder, History, Sequential, mlp
from nnref.neuron import Neuron, NeuronTrace
from nnref.optim import SGD
from nnref.recurrent import (
    GRU,
    LSTM,
    Hopfield,
    JordanNetwork,
    LastStep,
    RecurrentLayer,
    TimeDistributed,
)

__all__ = [
    "GRU",
    "LSTM",
    "SGD",
    "Activation",
    "ActivationLayer",
    "Adaline",
    "Autoencoder",
    "AvgPool2D",
    "Conv2D",
    "Dense",
    "DivergenceWarning",
    "Flatten",
    "History",
    "Hopfield",
    "JordanNetwork",
    "LastStep",
    "MaxPool2D",
    "Neuron",
    "NeuronTrace",
    "NotFittedError",
    "OneVsRest",
    "PReLU",
    "Perceptron",
    "RecurrentLayer",
    "Sequential",
    "TimeDistributed",
    "activations",
    "conv",
    "datasets",
    "gradcheck",
    "init",
    "layers",
    "linear",
    "losses",
    "metrics",
    "mlp",
    "network",
    "neuron",
    "optim",
    "recurrent",
]
__version__ = "0.1.0"
