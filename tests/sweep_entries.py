"""``ENTRIES``: every public entry point with a valid call and the kinds of its arguments.

The entries live in ``sweep_entries_models`` (neuron, linear models, data sets, metrics,
initialisers, losses, optimiser), ``sweep_entries_networks`` (layers, networks, gradient
checking) and ``sweep_entries_more`` (convolution, recurrent networks, activations) and
``sweep_entries_plotting`` (the figures of ``nnref.plotting``); each adds
to the one list ``ENTRIES`` of ``sweep_common``. A new entry point is swept by adding one
``Entry`` there (``test_sweep`` fails for a public callable that is neither swept nor in
``EXEMPT``). ``run`` receives the arguments by name and builds whatever object the call
needs, so each trial starts from a fresh object.
"""

from __future__ import annotations

import sweep_entries_models  # noqa: F401 - each adds its entries to ENTRIES
import sweep_entries_more  # noqa: F401
import sweep_entries_networks  # noqa: F401
import sweep_entries_plotting  # noqa: F401
from sweep_common import ENTRIES

__all__ = ["ENTRIES", "EXEMPT"]

# --- not swept, with the reason --------------------------------------------------------------

NO_ARGUMENTS = "a property or method without arguments"
RECORD = "a record of results (a dataclass or named tuple), built by the library"
UNCHECKED = "the documented unchecked fast path of the layer protocol (no checks by design)"
EXEMPT: dict[str, str] = {
    "nnref.activations.Activation": "a catalogue-definition type, checked by test_activations",
    "nnref.activations.register": "changes the global catalogue; checked by test_activations",
    "nnref.activations.ClaimError": "an exception type",
    "nnref.activations.Property": "a property definition record, checked by test_properties",
    "nnref.activations.check_claims": "checks an Activation's metadata; test_properties",
    "nnref.activations.mean_output": "measures an Activation (no user array); test_properties",
    "nnref.activations.saturation_sides": "measures an Activation (no user array); test_properties",
    "nnref.activations.Activation.vector_valued": NO_ARGUMENTS,
    "nnref.activations.Activation.elementwise": NO_ARGUMENTS,
    "nnref.activations.Activation.bounded": NO_ARGUMENTS,
    "nnref.losses.Loss": "the base class of the losses; each loss is swept",
    "nnref.layers.Layer": "the base class of the layers; each layer is swept",
    "nnref.recurrent.RecurrentBase": "the base class of the recurrent layers; each is swept",
    "nnref.DivergenceWarning": "a warning class",
    "nnref.NotFittedError": "an exception class",
    "nnref.neuron.NeuronTrace": RECORD,
    "nnref.linear.PerceptronStep": RECORD,
    "nnref.linear.PerceptronStep.delta_weights": NO_ARGUMENTS,
    "nnref.linear.PerceptronStep.correct": NO_ARGUMENTS,
    "nnref.metrics.ConfusionCounts": RECORD,
    "nnref.conv.ReceptiveField": RECORD,
    "nnref.network.History": RECORD,
    "nnref.network.Summary": RECORD,
    "nnref.network.Summary.output_shape": NO_ARGUMENTS,
    "nnref.network.Summary.total_params": NO_ARGUMENTS,
    "nnref.recurrent.GRUTrace": RECORD,
    "nnref.recurrent.JordanTrace": RECORD,
    "nnref.recurrent.LSTMTrace": RECORD,
    "nnref.recurrent.RNNTrace": RECORD,
    "nnref.datasets.Standardizer": "a constructor without arguments",
    "nnref.layers.Flatten": "a constructor without arguments",
    "nnref.recurrent.LastStep": "a constructor without arguments",
    "nnref.neuron.Neuron.n_inputs": NO_ARGUMENTS,
    "nnref.layers.PReLU.alpha": NO_ARGUMENTS,
    "nnref.layers.Layer.n_params": NO_ARGUMENTS,
    "nnref.layers.Layer.dtype": NO_ARGUMENTS,
    "nnref.network.Sequential.params": NO_ARGUMENTS,
    "nnref.network.Sequential.grads": NO_ARGUMENTS,
    "nnref.network.Sequential.n_params": NO_ARGUMENTS,
    "nnref.network.Sequential.dtype": NO_ARGUMENTS,
    "nnref.recurrent.RecurrentBase.n_outputs": NO_ARGUMENTS,
    "nnref.recurrent.JordanNetwork.n_outputs": NO_ARGUMENTS,
    "nnref.layers.Layer.forward_unchecked": UNCHECKED,
    "nnref.layers.Layer.backward_unchecked": UNCHECKED,
}
PROTOCOL_CLASSES = (
    "layers.Dense",
    "layers.ActivationLayer",
    "layers.PReLU",
    "layers.Flatten",
    "conv.Conv2D",
    "conv.MaxPool2D",
    "conv.AvgPool2D",
    "recurrent.RecurrentLayer",
    "recurrent.LSTM",
    "recurrent.GRU",
    "recurrent.JordanNetwork",
    "recurrent.LastStep",
    "recurrent.TimeDistributed",
    "recurrent.RecurrentBase",
    "network.Sequential",
)
for _cls in PROTOCOL_CLASSES:
    for _m in ("forward_unchecked", "backward_unchecked"):
        EXEMPT[f"nnref.{_cls}.{_m}"] = UNCHECKED
    EXEMPT[f"nnref.{_cls}.check_input"] = "the shape check of forward, swept through forward"
