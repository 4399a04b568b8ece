"""The artificial neuron: propagation, activation and output, one stage after another.

A neuron is a function of its inputs in three stages:

1. the **propagation function** gives the net input $z = \\mathbf{x}\\mathbf{w} + b$;
2. the **activation function** gives the activity level $a = f(z)$;
3. the **output function** gives the output $o = g(a)$, usually the identity.

Examples:
    >>> from nnref import Neuron
    >>> n = Neuron([0.3, 0.7])
    >>> float(n([0.5, 0.8]))
    0.71
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from nnref import activations as act
from nnref._typing import Array
from nnref._validation import (
    as_float_array,
    check_finite,
    check_ndim,
    check_positive_int,
    check_real,
    check_result,
    error,
)

__all__ = ["Neuron", "NeuronTrace"]


@dataclass(frozen=True)
class NeuronTrace:
    """Every intermediate value of one forward pass through a [`Neuron`][nnref.neuron.Neuron].

    For a single sample the arrays are 1-D and the scalars are 0-D; for a batch of ``N``
    samples ``inputs`` and ``products`` have shape ``(N, n_inputs)`` and the rest ``(N,)``.

    Attributes:
        inputs: The inputs $x_i$.
        weights: The weights $w_i$.
        bias: The bias $b$.
        products: The weighted inputs $w_i x_i$.
        net_input: $z = \\sum_i w_i x_i + b$.
        activity: $a = f(z)$, the activation function's result.
        output: $o = g(a)$, the output function's result.
        activation: The activation function $f$.
        output_function: The output function $g$.

    Examples:
        >>> t = Neuron([0.3, 0.7], bias=0.1, activation="sigmoid").trace([0.5, 0.8])
        >>> round(float(t.net_input), 4), round(float(t.activity), 4)
        (0.81, 0.6921)
    """

    inputs: Array
    weights: Array
    bias: float
    products: Array
    net_input: Array
    activity: Array
    output: Array
    activation: act.Activation
    output_function: act.Activation

    def lines(self, digits: int = 4) -> list[str]:
        """The worked calculation of a single sample as plain-text lines.

        Examples:
            >>> for line in Neuron([0.3, 0.7]).trace([0.5, 0.8]).lines():
            ...     print(line)
            net input  z = 0.3·0.5 + 0.7·0.8 = 0.71
            activity   a = relu(0.71) = 0.71
            output     o = identity(0.71) = 0.71
        """
        if self.inputs.ndim != 1:
            raise ValueError(
                f"lines() needs the trace of a single sample, got inputs of shape "
                f"{self.inputs.shape}"
            )
        digits = check_positive_int(digits, "digits")

        def fmt(v: Any) -> str:
            return f"{float(v):.{digits}g}"

        terms = [f"{fmt(w)}·{fmt(x)}" for w, x in zip(self.weights, self.inputs, strict=True)]
        if self.bias != 0:
            terms.append(fmt(self.bias))
        total = terms[0]
        for term in terms[1:]:  # "a + -b" reads badly: write "a - b"
            total += f" - {term[1:]}" if term.startswith("-") else f" + {term}"
        return [
            f"net input  z = {total} = {fmt(self.net_input)}",
            f"activity   a = {self.activation.key}({fmt(self.net_input)}) = {fmt(self.activity)}",
            f"output     o = {self.output_function.key}({fmt(self.activity)}) = {fmt(self.output)}",
        ]


class Neuron:
    """An artificial neuron with weights, a bias, an activation and an output function.

    $$o = g\\bigl(f(\\mathbf{x}\\mathbf{w} + b)\\bigr)$$

    Args:
        weights: The connection weights $w_i$, shape ``(n_inputs,)``.
        bias: The bias $b$ added to the net input.
        activation: The activation function $f$: an
            [`Activation`][nnref.activations.Activation] or its key. Default ReLU.
        output: The output function $g$; default the identity.

    Examples:
        >>> n = Neuron([0.3, 0.7], bias=0.0, activation="relu")
        >>> float(n.net_input([0.5, 0.8]))
        0.71
        >>> n([[0.5, 0.8], [-1.0, -1.0]])  # a batch of two samples
        array([0.71, 0.  ])
    """

    def __init__(
        self,
        weights: ArrayLike,
        bias: float = 0.0,
        activation: act.Activation | str = act.relu,
        output: act.Activation | str = act.identity,
    ) -> None:
        w = check_finite(as_float_array(weights, "weights"), "weights")
        # a copy: changing the caller's array (or list) later must not change the neuron
        self.weights: Array = check_ndim(w, "weights", (1,), "one weight per input").copy()
        """The weights $w_i$, one per input, shape ``(n_inputs,)``."""
        if self.weights.size == 0:
            raise error("weights", "a non-empty 1-D array", self.weights)
        self.bias: float = check_real(bias, "bias")
        """The bias $b$ added to the weighted sum."""
        self.activation: act.Activation = _elementwise(activation, "activation")
        """The activation function $f$ (the second stage)."""
        self.output: act.Activation = _elementwise(output, "output")
        """The output function $g$ (the third stage)."""

    @property
    def n_inputs(self) -> int:
        """The number of inputs (and weights)."""
        return int(self.weights.size)

    def _inputs(self, x: ArrayLike) -> Array:
        arr = check_ndim(as_float_array(x, "x"), "x", (1, 2), "one sample or a batch")
        if arr.shape[-1] != self.n_inputs:
            raise ValueError(
                f"x must have {self.n_inputs} feature(s) per sample to match the weights, "
                f"got an array of shape {arr.shape}"
            )
        if arr.shape[0] == 0:
            raise error("x", "one sample or a non-empty batch", arr)
        return check_finite(arr, "x")

    def net_input(self, x: ArrayLike) -> Array:
        """Propagation function: $z = \\mathbf{x}\\mathbf{w} + b$.

        Args:
            x: One sample, shape ``(n_inputs,)``, or a batch, shape ``(N, n_inputs)``.

        Returns:
            A 0-D value for one sample, shape ``(N,)`` for a batch.
        """
        arr = self._inputs(x)
        with np.errstate(over="ignore", invalid="ignore"):
            z = arr @ self.weights.astype(arr.dtype) + arr.dtype.type(self.bias)
        return check_result(np.asarray(z), "x", "the net input")

    def __call__(self, x: ArrayLike) -> Array:
        """The neuron's output $o = g(f(z))$ for one sample or a batch (see ``net_input``)."""
        return self.output(self.activation(self.net_input(x)))

    def trace(self, x: ArrayLike) -> NeuronTrace:
        """Run the neuron and keep every intermediate value.

        Examples:
            >>> t = Neuron([0.3, 0.7]).trace([0.5, 0.8])
            >>> t.products
            array([0.15, 0.56])
            >>> float(t.net_input), float(t.activity), float(t.output)
            (0.71, 0.71, 0.71)
        """
        arr = self._inputs(x)
        z = self.net_input(arr)
        a = self.activation(z)
        return NeuronTrace(
            inputs=arr.copy(),  # the trace keeps its own copies, not the caller's array
            weights=self.weights.copy(),
            bias=self.bias,
            products=arr * self.weights.astype(arr.dtype),
            net_input=z,
            activity=a,
            output=self.output(a),
            activation=self.activation,
            output_function=self.output,
        )

    def __repr__(self) -> str:
        w = np.array2string(self.weights, separator=", ")
        return (
            f"Neuron(weights={w}, bias={self.bias!r}, activation={self.activation.key!r}, "
            f"output={self.output.key!r})"
        )


def _elementwise(value: act.Activation | str, name: str) -> act.Activation:
    """A neuron has one net input per sample: only a function of a single value will do."""
    f = act.resolve(value, name)
    if not f.elementwise or f.position_dependent:
        raise error(
            name,
            "an elementwise activation (a neuron has one net input per sample; softmax, GLU, "
            "maxout and BReLU act on a whole layer)",
            f.key,
            TypeError,
        )
    return f
