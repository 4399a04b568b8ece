"""Bad input to nnref.conv: every error names the argument, what was expected and what came."""

from __future__ import annotations

import numpy as np
import pytest

from nnref.conv import (
    AvgPool2D,
    Conv2D,
    MaxPool2D,
    avg_pool2d,
    col2im,
    conv2d,
    conv_output_size,
    convolve2d,
    correlate2d,
    im2col,
    max_pool2d,
)
from nnref.layers import Flatten


@pytest.mark.parametrize(
    ("kwargs", "kind", "name"),
    [
        ({"kernel_size": 0}, ValueError, "kernel_size"),
        ({"kernel_size": (3,)}, ValueError, "kernel_size"),
        ({"kernel_size": 2.5}, TypeError, "kernel_size"),
        ({"stride": 0}, ValueError, "stride"),
        ({"stride": (1, -1)}, ValueError, "stride"),
        ({"stride": True}, TypeError, "stride"),
        ({"padding": -1}, ValueError, "padding"),
        ({"padding": (1, 0.5)}, TypeError, "padding"),
        ({"padding": "full"}, ValueError, "padding"),
        ({"padding": "same", "stride": 2}, ValueError, "padding"),
        ({"dilation": 0}, ValueError, "dilation"),
        ({"dilation": "2"}, TypeError, "dilation"),
        ({"in_channels": 0}, ValueError, "in_channels"),
        ({"out_channels": 1.0}, TypeError, "out_channels"),
        ({"bias": 1}, TypeError, "bias"),
        ({"init": "ones"}, ValueError, "init"),
        ({"rng": "seed"}, TypeError, "rng"),
        ({"dtype": np.int32}, TypeError, "dtype"),
    ],
)
def test_bad_conv_arguments_are_named(kwargs, kind, name) -> None:
    args = {"in_channels": 1, "out_channels": 2, "kernel_size": 3, **kwargs}
    with pytest.raises(kind, match=f"^{name} must"):
        Conv2D(**args)
    conv_args = {
        k: v for k, v in kwargs.items() if k in ("kernel_size", "stride", "padding", "dilation")
    }
    if conv_args and name != "in_channels":
        with pytest.raises(kind, match=f"^{name} must"):
            conv_output_size(8, **{"kernel_size": 3, **conv_args})
        with pytest.raises(kind, match=f"^{name} must"):
            im2col(np.ones((1, 1, 8, 8)), **{"kernel_size": 3, **conv_args})


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (lambda: MaxPool2D(0), "kernel_size"),
        (lambda: MaxPool2D(2, stride=0), "stride"),
        (lambda: MaxPool2D(2, padding=2), "padding"),
        (lambda: AvgPool2D((3, 2), padding=(1, 2)), "padding"),
        (lambda: AvgPool2D(2, padding="same"), "padding"),
        (lambda: AvgPool2D(2, count_include_pad="yes"), "count_include_pad"),
    ],
)
def test_bad_pooling_arguments_are_named(make, name) -> None:
    with pytest.raises((TypeError, ValueError), match=f"^{name} must"):
        make()


def test_bad_inputs_are_named() -> None:
    conv = Conv2D(3, 2, 3, rng=0)
    with pytest.raises(ValueError, match=r"^x must have 3 channel\(s\)"):
        conv.forward(np.ones((1, 2, 5, 5)))
    with pytest.raises(ValueError, match=r"^x must be a (non-empty )?4-D array"):
        conv.forward(np.ones((3, 5, 5)))
    with pytest.raises(ValueError, match=r"^x must have a height and width"):
        conv.forward(np.ones((1, 3, 2, 5)))
    with pytest.raises(ValueError, match=r"^x must be finite"):
        conv.forward(np.full((1, 3, 5, 5), np.nan))
    with pytest.raises(ValueError, match=r"^input_shape must have a height and width"):
        conv.output_shape((3, 5, 2))
    with pytest.raises(ValueError, match=r"^input_shape must be a 4-D"):
        conv.output_shape((3, 5))
    assert Conv2D(1, 1, 5, padding=1).output_shape((1, 3, 3)) == (1, 1, 1)
    with pytest.raises(ValueError, match=r"^x must have a height and width"):
        MaxPool2D(3).forward(np.ones((1, 1, 2, 4)))
    with pytest.raises(ValueError, match="^W must"):
        conv2d(np.ones((1, 1, 2, 2)), np.ones((1, 1, 3, 3)))
    with pytest.raises(
        ValueError, match=r"^W must be a non-empty 4-D array \(C_out, C_in, kh, kw\) with C_in = 2"
    ):
        conv2d(np.ones((1, 2, 4, 4)), np.ones((1, 1, 3, 3)))
    with pytest.raises(ValueError, match=r"^b must be an array of shape \(1,\)"):
        conv2d(np.ones((1, 1, 4, 4)), np.ones((1, 1, 3, 3)), np.ones(2))
    with pytest.raises(ValueError, match="^x must be a (non-empty )?4-D"):
        max_pool2d(np.ones((4, 4)), 2)
    with pytest.raises(TypeError, match="^x must be a real-valued array"):
        avg_pool2d(np.full((1, 1, 2, 2), "a"), 2)
    with pytest.raises(ValueError, match="^kernel_size must"):
        max_pool2d(np.ones((1, 1, 2, 2)), 3)
    with pytest.raises(ValueError, match="^cols must"):
        col2im(np.ones((1, 5, 4)), 3, 2)
    with pytest.raises(ValueError, match="^mode must"):
        correlate2d(np.ones((3, 3)), np.ones((2, 2)), "same")
    with pytest.raises(ValueError, match="^kernel must be no larger"):
        convolve2d(np.ones((3, 3)), np.ones((4, 2)))
    with pytest.raises(ValueError, match="^image must be a non-empty 2-D"):
        convolve2d(np.ones((1, 3, 3)), np.ones((2, 2)))
    with pytest.raises(ValueError, match="^W must be a 4-D"):
        Conv2D.from_weights(np.ones((3, 3)))
    with pytest.raises(ValueError, match=r"^b must be an array of shape \(1,\)"):
        Conv2D.from_weights(np.ones((1, 1, 3, 3)), b=[1.0, 2.0])
    with pytest.raises(ValueError, match="^x must be an array with a batch axis"):
        Flatten().forward(np.ones(3))
