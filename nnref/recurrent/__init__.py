"""Recurrent networks: feedback, memory over a sequence, and training through time.

A feed-forward network maps each input on its own. A **recurrent** network carries a state
from one step of a sequence to the next, $h_t = F(x_t, h_{t-1})$, so its output can depend
on everything it has seen: feedback gives it memory. Sequences are batch-first arrays
``(n_samples, n_steps, features)``, as PyTorch's ``batch_first=True``.

The four feedback kinds of the glossary:

| kind | what feeds back | in ``nnref`` |
|---|---|---|
| direct | a unit's output to itself | ``RecurrentLayer(..., feedback="direct")`` |
| lateral | to other units of the same layer | ``RecurrentLayer(..., feedback="lateral")`` |
| complete | every unit to every unit, itself too | ``RecurrentLayer(..., feedback="complete")`` |
| indirect | an output to an earlier layer | [`JordanNetwork`][nnref.recurrent.JordanNetwork] |

(see [`RecurrentLayer`][nnref.recurrent.RecurrentLayer] for the masks).

Gated cells that keep information over many steps:
[`LSTM`][nnref.recurrent.LSTM] and [`GRU`][nnref.recurrent.GRU], with PyTorch's equations.
Glue to ordinary layers: [`LastStep`][nnref.recurrent.LastStep] (sequence to one) and
[`TimeDistributed`][nnref.recurrent.TimeDistributed] (sequence to sequence). All of these
follow the layer protocol of [`nnref.layers.Layer`][nnref.layers.Layer] and train inside a
[`Sequential`][nnref.network.Sequential] network with the usual losses and optimiser; their
backward pass is backpropagation through time, with optional truncation and gradient
clipping ([`nnref.recurrent.base`][nnref.recurrent.base]).

Beyond backpropagation: the [`Hopfield`][nnref.recurrent.Hopfield] network (an associative
memory), and two networks with random fixed weights and a trained linear readout, the
[`EchoStateNetwork`][nnref.recurrent.EchoStateNetwork] and the
[`ExtremeLearningMachine`][nnref.recurrent.ExtremeLearningMachine].

Modules: ``base`` (shared machinery), ``rnn``, ``jordan``, ``lstm``, ``gru``, ``sequence``,
``hopfield``, ``reservoir``.

Examples:
    >>> import numpy as np
    >>> from nnref.layers import Dense
    >>> from nnref.network import Sequential
    >>> net = Sequential([RecurrentLayer(1, 8, rng=0), LastStep(), Dense(8, 2, rng=0)])
    >>> print(net.summary((20, 1)))
    layer                                    output shape  params
    input                                    (20, 1)
    RecurrentLayer(1, 8, feedback='complete')  (20, 8)          80
    LastStep()                               (8,)               0
    Dense(8, 2)                              (2,)              18
    total                                                      98
"""

from nnref.recurrent.base import RecurrentBase, check_sequences, clip_grad_norm
from nnref.recurrent.gru import GRU, GRUTrace
from nnref.recurrent.hopfield import Hopfield, corrupt, random_patterns
from nnref.recurrent.jordan import JordanNetwork, JordanTrace
from nnref.recurrent.lstm import LSTM, LSTMTrace
from nnref.recurrent.reservoir import EchoStateNetwork, ExtremeLearningMachine, ridge_readout
from nnref.recurrent.rnn import FEEDBACK_KINDS, RecurrentLayer, RNNTrace, feedback_mask
from nnref.recurrent.sequence import LastStep, TimeDistributed

__all__ = [
    "FEEDBACK_KINDS",
    "GRU",
    "LSTM",
    "EchoStateNetwork",
    "ExtremeLearningMachine",
    "GRUTrace",
    "Hopfield",
    "JordanNetwork",
    "JordanTrace",
    "LSTMTrace",
    "LastStep",
    "RNNTrace",
    "RecurrentBase",
    "RecurrentLayer",
    "TimeDistributed",
    "check_sequences",
    "clip_grad_norm",
    "corrupt",
    "feedback_mask",
    "random_patterns",
    "ridge_readout",
]
