"""Time every activation and its derivative against the bare NumPy expression it is built from.

Usage::

    python benchmarks/bench_activations.py            # 10^6 float64 elements, every activation
    python benchmarks/bench_activations.py gelu relu  # only these keys
    python benchmarks/bench_activations.py --size 100000 --repeat 7

For each activation the "bare" expression is the naive one-line NumPy formula (run with
floating-point warnings silenced, since several of them overflow at large inputs, which is the
point of not using them). The ratio ours/bare is the price of stability, validation and
dtype handling; the target is at most 2. Vector-valued activations run on a
``(1000, 1000)`` array; for GLU and maxout, which have no elementwise derivative, the second
column times ``backward`` against a hand-written vector-Jacobian product. NumPy has no
``erf``, so GELU's bare expression uses the package's own ``erf``.
"""

from __future__ import annotations

import argparse
import math
import timeit
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

from nnref import activations as act
from nnref.activations._special import erf

Array = NDArray[np.float64]
Bare = Callable[[Array], Any]

SELU_A = act.smooth_rectifiers.SELU_ALPHA
SELU_S = act.smooth_rectifiers.SELU_SCALE
SQRT_2_PI = math.sqrt(2.0 / math.pi)


def _sig(x: Array) -> Array:
    return 1.0 / (1.0 + np.exp(-x))


def _where_pos(x: Array, pos: Array | float, neg: Array | float) -> Array:
    return np.where(x > 0, pos, neg)


def _brelu(x: Array) -> Array:
    odd = np.arange(x.shape[-1]) % 2 == 1
    return np.where(odd, np.minimum(x, 0.0), np.maximum(x, 0.0))


def _brelu_grad(x: Array) -> Array:
    odd = np.arange(x.shape[-1]) % 2 == 1
    return np.where(odd, x < 0, x > 0).astype(float)


def _softmax(x: Array) -> Array:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _log_softmax(x: Array) -> Array:
    z = x - x.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def _glu_vjp(x: Array) -> Array:
    a, b = np.split(x, 2, axis=-1)
    s = _sig(b)
    g = np.ones_like(a)
    return np.concatenate([g * s, g * a * s * (1 - s)], axis=-1)


def _maxout_vjp(x: Array) -> Array:
    groups = x.reshape(*x.shape[:-1], -1, 2)
    out = np.zeros_like(groups)
    np.put_along_axis(out, groups.argmax(-1)[..., None], 1.0, axis=-1)
    return out.reshape(x.shape)


def _smht_grad(x: Array) -> Array:
    ep, en = np.exp(x), np.exp(-x)
    d = ep + en
    return (ep + en) / d - (ep - en) * (ep - en) / (d * d)


def _gelu_tanh_grad(x: Array) -> Array:
    t = np.tanh(SQRT_2_PI * (x + 0.044715 * x**3))
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_PI * (1 + 3 * 0.044715 * x * x)


def _mish_grad(x: Array) -> Array:
    t = np.tanh(np.log1p(np.exp(x)))
    return t + x * (1 - t * t) * _sig(x)


def _elish_grad(x: Array) -> Array:
    s = _sig(x)
    return np.where(x >= 0, s * (1 + x * (1 - s)), s * (np.exp(x) + (np.exp(x) - 1) * (1 - s)))


def _hard_elish_grad(x: Array) -> Array:
    g = np.clip((x + 1) / 2, 0, 1)
    neg = np.where(x <= -1, 0.0, np.exp(x) * g + (np.exp(x) - 1) / 2)
    return np.where(x >= 0, np.where(x < 1, x + 0.5, 1.0), neg)


def _sq_rbf(x: Array) -> Array:
    a = np.abs(x)
    return np.where(a <= 1, 1 - x * x / 2, np.where(a < 2, (2 - a) ** 2 / 2, 0.0))


def _sq_rbf_grad(x: Array) -> Array:
    a = np.abs(x)
    return np.where(a <= 1, -x, np.where(a < 2, -np.sign(x) * (2 - a), 0.0))


BARE: dict[str, tuple[Bare, Bare]] = {
    "step": (lambda x: (x >= 0).astype(float), np.zeros_like),
    "sign": (lambda x: np.where(x >= 0, 1.0, -1.0), np.zeros_like),
    "identity": (lambda x: x.copy(), np.ones_like),
    "sigmoid": (_sig, lambda x: _sig(x) * (1 - _sig(x))),
    "log_sigmoid": (lambda x: -np.log1p(np.exp(-x)), lambda x: 1 / (1 + np.exp(x))),
    "hard_sigmoid": (
        lambda x: np.clip(x + 3, 0, 6) / 6,
        lambda x: ((x > -3) & (x < 3)) / 6,
    ),
    "tanh": (np.tanh, lambda x: 1 - np.tanh(x) ** 2),
    "hard_tanh": (lambda x: np.clip(x, -1, 1), lambda x: ((x > -1) & (x < 1)).astype(float)),
    "plu": (
        lambda x: np.maximum(0.1 * (x + 1) - 1, np.minimum(0.1 * (x - 1) + 1, x)),
        lambda x: np.where(np.abs(x) < 1, 1.0, 0.1),
    ),
    "smht": (lambda x: (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x)), _smht_grad),
    "softsign": (lambda x: x / (1 + np.abs(x)), lambda x: 1 / (1 + np.abs(x)) ** 2),
    "arctan": (np.arctan, lambda x: 1 / (1 + x * x)),
    "arsinh": (np.arcsinh, lambda x: 1 / np.sqrt(1 + x * x)),
    "isru": (lambda x: x / np.sqrt(1 + x * x), lambda x: (1 / np.sqrt(1 + x * x)) ** 3),
    "sqnl": (
        lambda x: np.where(
            x > 2, 1.0, np.where(x >= 0, x - x * x / 4, np.where(x >= -2, x + x * x / 4, -1.0))
        ),
        lambda x: np.where(np.abs(x) <= 2, 1 - np.abs(x) / 2, 0.0),
    ),
    "soft_clipping": (
        lambda x: np.log((1 + np.exp(x)) / (1 + np.exp(x - 1))),
        lambda x: _sig(x) - _sig(x - 1),
    ),
    "relu": (lambda x: np.maximum(x, 0), lambda x: (x > 0).astype(float)),
    "leaky_relu": (lambda x: _where_pos(x, x, 0.01 * x), lambda x: _where_pos(x, 1.0, 0.01)),
    "prelu": (lambda x: _where_pos(x, x, 0.25 * x), lambda x: _where_pos(x, 1.0, 0.25)),
    "rrelu": (
        lambda x: _where_pos(x, x, 11 / 48 * x),
        lambda x: _where_pos(x, 1.0, 11 / 48),
    ),
    "relu6": (lambda x: np.clip(x, 0, 6), lambda x: ((x > 0) & (x < 6)).astype(float)),
    "threshold": (lambda x: _where_pos(x, x, 0.0), lambda x: (x > 0).astype(float)),
    "brelu": (_brelu, _brelu_grad),
    "srelu": (
        lambda x: np.where(x <= -1, -1 + 0.2 * (x + 1), np.where(x >= 1, 1 + 0.2 * (x - 1), x)),
        lambda x: np.where(x <= -1, 0.2, np.where(x >= 1, 0.2, 1.0)),
    ),
    "hard_swish": (
        lambda x: x * np.clip(x + 3, 0, 6) / 6,
        lambda x: np.where(x <= -3, 0.0, np.where(x >= 3, 1.0, x / 3 + 0.5)),
    ),
    "hard_elish": (
        lambda x: np.where(x >= 0, x, np.exp(x) - 1) * np.clip((x + 1) / 2, 0, 1),
        _hard_elish_grad,
    ),
    "softplus": (lambda x: np.log1p(np.exp(x)), _sig),
    "elu": (lambda x: _where_pos(x, x, np.exp(x) - 1), lambda x: _where_pos(x, 1.0, np.exp(x))),
    "celu": (lambda x: _where_pos(x, x, np.exp(x) - 1), lambda x: _where_pos(x, 1.0, np.exp(x))),
    "selu": (
        lambda x: SELU_S * _where_pos(x, x, SELU_A * (np.exp(x) - 1)),
        lambda x: _where_pos(x, SELU_S, SELU_S * SELU_A * np.exp(x)),
    ),
    "gelu": (
        lambda x: 0.5 * x * (1 + erf(x / math.sqrt(2))),
        lambda x: (
            0.5 * (1 + erf(x / math.sqrt(2))) + x * np.exp(-x * x / 2) / math.sqrt(2 * math.pi)
        ),
    ),
    "gelu_tanh": (
        lambda x: 0.5 * x * (1 + np.tanh(SQRT_2_PI * (x + 0.044715 * x**3))),
        _gelu_tanh_grad,
    ),
    "silu": (lambda x: x / (1 + np.exp(-x)), lambda x: _sig(x) * (1 + x * (1 - _sig(x)))),
    "swish": (lambda x: x / (1 + np.exp(-x)), lambda x: _sig(x) * (1 + x * (1 - _sig(x)))),
    "mish": (lambda x: x * np.tanh(np.log1p(np.exp(x))), _mish_grad),
    "elish": (lambda x: np.where(x >= 0, x, np.exp(x) - 1) * _sig(x), _elish_grad),
    "isrlu": (
        lambda x: np.where(x >= 0, x, x / np.sqrt(1 + x * x)),
        lambda x: np.where(x >= 0, 1.0, (1 / np.sqrt(1 + x * x)) ** 3),
    ),
    "squareplus": (
        lambda x: (x + np.sqrt(x * x + 4)) / 2,
        lambda x: (1 + x / np.sqrt(x * x + 4)) / 2,
    ),
    "bent_identity": (
        lambda x: (np.sqrt(x * x + 1) - 1) / 2 + x,
        lambda x: x / (2 * np.sqrt(x * x + 1)) + 1,
    ),
    "softshrink": (
        lambda x: np.where(x > 0.5, x - 0.5, np.where(x < -0.5, x + 0.5, 0.0)),
        lambda x: (np.abs(x) > 0.5).astype(float),
    ),
    "hardshrink": (
        lambda x: np.where(np.abs(x) > 0.5, x, 0.0),
        lambda x: (np.abs(x) > 0.5).astype(float),
    ),
    "tanhshrink": (lambda x: x - np.tanh(x), lambda x: np.tanh(x) ** 2),
    "sin": (np.sin, np.cos),
    "cos": (np.cos, lambda x: -np.sin(x)),
    "sinc": (lambda x: np.sin(x) / x, lambda x: (x * np.cos(x) - np.sin(x)) / x**2),
    "gaussian": (lambda x: np.exp(-x * x), lambda x: -2 * x * np.exp(-x * x)),
    "sq_rbf": (_sq_rbf, _sq_rbf_grad),
    "soft_exponential": (lambda x: x.copy(), np.ones_like),
    "softmax": (_softmax, lambda x: _softmax(x) * (1 - _softmax(x))),
    "log_softmax": (_log_softmax, lambda x: 1 - _softmax(x)),
    "softmin": (lambda x: _softmax(-x), lambda x: -_softmax(-x) * (1 - _softmax(-x))),
    "glu": (lambda x: np.split(x, 2, -1)[0] * _sig(np.split(x, 2, -1)[1]), _glu_vjp),
    "maxout": (lambda x: x.reshape(*x.shape[:-1], -1, 2).max(-1), _maxout_vjp),
}


def best_ms(fn: Callable[[], Any], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in milliseconds."""
    return min(timeit.repeat(fn, number=1, repeat=repeat)) * 1e3


def measure(a: act.Activation, x: Array, repeat: int) -> tuple[float, float, float, float]:
    """Milliseconds for: our forward, bare forward, our derivative, bare derivative."""
    bare_f, bare_d = BARE[a.key]
    with np.errstate(all="ignore"):
        f_ours = best_ms(lambda: a(x), repeat)
        f_bare = best_ms(lambda: bare_f(x), repeat)
        if a.key in ("glu", "maxout"):
            g = np.ones_like(a(x))
            d_ours = best_ms(lambda: a.backward(x, g), repeat)
        else:
            d_ours = best_ms(lambda: a.derivative(x), repeat)
        d_bare = best_ms(lambda: bare_d(x), repeat)
    return f_ours, f_bare, d_ours, d_bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keys", nargs="*", help="activation keys (default: all)")
    parser.add_argument("--size", type=int, default=10**6, help="number of elements")
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (best is kept)")
    args = parser.parse_args()

    missing = sorted({a.key for a in act.catalog()} - set(BARE))
    if missing:
        raise SystemExit(f"no bare expression for: {', '.join(missing)}")
    rng = np.random.default_rng(0)
    flat = rng.normal(scale=3.0, size=args.size)
    side = int(math.isqrt(args.size))
    square = flat[: side * side].reshape(side, side)

    keys = args.keys or [a.key for a in act.catalog()]
    print(f"{args.size:,} float64 elements, best of {args.repeat}; ratio = ours / bare")
    header = (
        f"{'key':<17}{'f ours':>9}{'f bare':>9}{'ratio':>7}   "
        f"{'df ours':>9}{'df bare':>9}{'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    slow: list[str] = []
    for key in keys:
        a = act.get(key)
        times = measure(a, flat if a.elementwise else square, args.repeat)
        rf, rd = times[0] / times[1], times[2] / times[3]
        flag = "  <-- over 2x" if max(rf, rd) > 2.0 else ""
        if flag:
            slow.append(key)
        print(
            f"{key:<17}{times[0]:9.2f}{times[1]:9.2f}{rf:7.2f}   "
            f"{times[2]:9.2f}{times[3]:9.2f}{rd:7.2f}{flag}"
        )
    print()
    print(f"over 2x: {', '.join(slow) if slow else 'none'}")


if __name__ == "__main__":
    main()
