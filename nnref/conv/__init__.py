"""Convolutional networks: convolution, pooling, and the arithmetic of sizes and receptive fields.

A convolutional layer reads an image window by window: one small kernel of weights slides over
the image and, at every position, the sum of the window's pixels times the kernel's weights
becomes one pixel of the output (a *feature map*). The same kernel is used at every position
(*weight sharing*), so the layer finds a pattern wherever it appears and has few parameters.
Pooling then condenses each window to one value (its maximum or mean), and after a few such
stages the feature maps are flattened and handed to a dense classifier.

Images are NCHW arrays ``(N, C, H, W)``; kernels are ``(C_out, C_in, kh, kw)``, as in
PyTorch, whose semantics every function here follows.

- Layers (the protocol of [`nnref.layers.Layer`][nnref.layers.Layer], usable in a
  ``Sequential``): [`Conv2D`][nnref.conv.Conv2D], [`MaxPool2D`][nnref.conv.MaxPool2D],
  [`AvgPool2D`][nnref.conv.AvgPool2D] (and [`Flatten`][nnref.layers.Flatten] from
  ``nnref.layers`` to hand the feature maps to ``Dense`` layers).
- Functions: [`conv2d`][nnref.conv.conv2d], [`max_pool2d`][nnref.conv.max_pool2d],
  [`avg_pool2d`][nnref.conv.avg_pool2d]; [`im2col`][nnref.conv.im2col] and
  [`col2im`][nnref.conv.col2im], which turn a convolution into a matrix product;
  [`correlate2d`][nnref.conv.correlate2d] and [`convolve2d`][nnref.conv.convolve2d] for
  single 2-D images (cross-correlation, and the true convolution that turns the kernel).
- Arithmetic: [`conv_output_size`][nnref.conv.conv_output_size] and
  [`receptive_field`][nnref.conv.receptive_field].

Examples:
    >>> import numpy as np
    >>> from nnref import conv
    >>> conv.correlate2d(np.arange(9).reshape(3, 3), [[0, 1], [2, 3]])
    array([[19., 25.],
           [37., 43.]])
    >>> conv.conv_output_size(28, kernel_size=5), conv.receptive_field([3, 3]).size
    (24, (5, 5))
"""

from nnref.conv.arithmetic import ReceptiveField, conv_output_size, receptive_field
from nnref.conv.functional import (
    avg_pool2d,
    col2im,
    conv2d,
    convolve2d,
    correlate2d,
    im2col,
    max_pool2d,
)
from nnref.conv.layers import AvgPool2D, Conv2D, MaxPool2D

__all__ = [
    "AvgPool2D",
    "Conv2D",
    "MaxPool2D",
    "ReceptiveField",
    "avg_pool2d",
    "col2im",
    "conv2d",
    "conv_output_size",
    "convolve2d",
    "correlate2d",
    "im2col",
    "max_pool2d",
    "receptive_field",
]
