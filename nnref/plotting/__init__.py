"""Figures for the glossary, drawn from library objects, and the helper that embeds them.

Every figure on the site is drawn here and embedded with
[`figure_to_svg`][nnref.plotting.figure_to_svg]: inline SVG that follows the page's light or
dark palette and has identical bytes on every build. The package is split by subject:

* ``nnref.plotting.figure``: the site's look ([`style`][nnref.plotting.style],
  [`PALETTE`][nnref.plotting.PALETTE]), [`new_figure`][nnref.plotting.new_figure] and
  [`figure_to_svg`][nnref.plotting.figure_to_svg];
* ``nnref.plotting.diagrams``: diagrams of neurons and networks read from model objects;
* ``nnref.plotting.learning``: labelled points, decision regions, training curves, cost
  surfaces, per-layer curves and fitted regression curves;
* ``nnref.plotting.images``: pixel grids, kernels, feature maps, kernel placements, a
  convolution worked cell by cell, and the pipeline of a convolutional network;
* ``nnref.plotting.recurrent``: recurrent networks unrolled through time, feedback masks;
* ``nnref.plotting.sequences``: values over time steps, gates and states as heat maps,
  bipolar patterns as images;
* ``nnref.plotting.zoo``: charts of whole networks in the manner of the network zoo.

Every name is importable from ``nnref.plotting`` directly.

Needs matplotlib (``pip install "nnref[plot]"``). Figures are plain
``matplotlib.figure.Figure`` objects, never pyplot state.
"""

from __future__ import annotations

from nnref.plotting.diagrams import model_diagram, network_diagram, neuron_diagram
from nnref.plotting.figure import PALETTE, figure_to_svg, new_figure, style
from nnref.plotting.images import (
    cnn_diagram,
    convolution_steps,
    feature_maps,
    image_grid,
    kernel_grid,
    kernel_placements,
)
from nnref.plotting.learning import (
    cost_contour,
    decision_regions,
    layer_curves,
    regression_fit,
    scatter_classes,
    training_curve,
)
from nnref.plotting.recurrent import unrolled_diagram, weight_mask
from nnref.plotting.sequences import (
    energy_curve,
    gate_heatmaps,
    heatmap_over_time,
    pattern_grid,
    state_curves,
)
from nnref.plotting.zoo import CELL_KINDS, zoo_diagram, zoo_legend

__all__ = [
    "CELL_KINDS",
    "PALETTE",
    "cnn_diagram",
    "convolution_steps",
    "cost_contour",
    "decision_regions",
    "energy_curve",
    "feature_maps",
    "figure_to_svg",
    "gate_heatmaps",
    "heatmap_over_time",
    "image_grid",
    "kernel_grid",
    "kernel_placements",
    "layer_curves",
    "model_diagram",
    "network_diagram",
    "neuron_diagram",
    "new_figure",
    "pattern_grid",
    "regression_fit",
    "scatter_classes",
    "state_curves",
    "style",
    "training_curve",
    "unrolled_diagram",
    "weight_mask",
    "zoo_diagram",
    "zoo_legend",
]
