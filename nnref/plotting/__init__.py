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
  convolution worked cell by cell, and the pipeline of a convolutional network.

Figures of sequences (gates over time, unrolled networks) get a module of their own beside
these. Every name is importable from ``nnref.plotting`` directly.

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

__all__ = [
    "PALETTE",
    "cnn_diagram",
    "convolution_steps",
    "cost_contour",
    "decision_regions",
    "feature_maps",
    "figure_to_svg",
    "image_grid",
    "kernel_grid",
    "kernel_placements",
    "layer_curves",
    "model_diagram",
    "network_diagram",
    "neuron_diagram",
    "new_figure",
    "regression_fit",
    "scatter_classes",
    "style",
    "training_curve",
]
