"""High-precision references for every elementwise activation, written with mpmath.

Each entry gives $f$ and $f'$ for one activation and parameter set, evaluated in 120-bit
binary floating point with an unbounded exponent (mpmath), so $e^{10^{308}}$ or
$e^{-10^{308}}$ are ordinary numbers here. Where a textbook formula cancels (a difference of
two nearly equal terms) the reference uses an equivalent form that does not, so the 120 bits
are all good digits; these forms are written from the mathematics, not from the library.

``scale`` functions give the size of the terms a formula adds up where its value can pass
through zero away from the origin (the derivative of GELU near -0.75, sin near a multiple of
pi, ...): no float computation can be accurate relative to a value much smaller than the
terms it is made of, so the tests measure the error there against this size instead (the
"absolute floor near the zeros" of the issue).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import mpmath as mpm
from mpmath import mp, mpf

mp.prec = 120

MP = Any  # an mpmath number
Fn = Callable[..., MP]

SELU_ALPHA = mpf("1.6732632423543772848170429916717")
SELU_SCALE = mpf("1.0507009873554804934193349852946")
GELU_BETA = mpm.sqrt(2 / mpm.pi)
GELU_KAPPA = mpf("0.044715")


def sigma(x: MP) -> MP:
    """The logistic function, without cancellation for either sign."""
    if x >= 0:
        return 1 / (1 + mpm.exp(-x))
    e = mpm.exp(x)
    return e / (1 + e)


def softplus(x: MP) -> MP:
    return x + mpm.log1p(mpm.exp(-x)) if x > 0 else mpm.log1p(mpm.exp(x))


def clip(x: MP, lo: MP, hi: MP) -> MP:
    return lo if x < lo else hi if x > hi else x


def one_plus_tanh(u: MP) -> MP:
    """1 + tanh(u) = 2 sigma(2u), exact for very negative u."""
    return 2 * sigma(2 * u)


def sech2(u: MP) -> MP:
    """1 - tanh(u)^2 = 4 sigma(2u) sigma(-2u)."""
    return 4 * sigma(2 * u) * sigma(-2 * u)


def tanh_of_softplus(x: MP) -> MP:
    """tanh(softplus(x)) = ((1 + e^x)^2 - 1) / ((1 + e^x)^2 + 1), without cancellation."""
    if x > 0:
        e = mpm.exp(-x)  # divide through by e^{2x}
        num = 1 + 2 * e
        return num / (num + 2 * e * e)
    e = mpm.exp(x)
    num = e * (e + 2)
    return num / (num + 2)


# --- one reference per activation --------------------------------------------------------


def _smht(x: MP, a: MP, b: MP, c: MP, d: MP) -> MP:
    # (e^{ax} - e^{-bx}) / (e^{cx} + e^{-dx}); the numerator as a difference of expm1's.
    num = mpm.expm1(a * x) - mpm.expm1(-b * x)
    return num / (mpm.exp(c * x) + mpm.exp(-d * x))


def _smht_grad(x: MP, a: MP, b: MP, c: MP, d: MP) -> MP:
    den = mpm.exp(c * x) + mpm.exp(-d * x)
    num_grad = a * mpm.exp(a * x) + b * mpm.exp(-b * x)
    den_grad = c * mpm.exp(c * x) - d * mpm.exp(-d * x)
    return num_grad / den - _smht(x, a, b, c, d) * den_grad / den


def _smht_grad_scale(x: MP, a: MP, b: MP, c: MP, d: MP) -> MP:
    den = mpm.exp(c * x) + mpm.exp(-d * x)
    num_grad = a * mpm.exp(a * x) + b * mpm.exp(-b * x)
    den_grad = c * mpm.exp(c * x) + d * mpm.exp(-d * x)
    return num_grad / den + abs(_smht(x, a, b, c, d)) * den_grad / den


def _soft_clipping(x: MP, alpha: MP) -> MP:
    u = alpha * x
    if u > 0:  # log((1 + e^u) / (1 + e^{u - alpha})), divided through by e^u
        e = mpm.exp(-u)
        return mpm.log((e + 1) / (e + mpm.exp(-alpha))) / alpha
    return (mpm.log1p(mpm.exp(u)) - mpm.log1p(mpm.exp(u - alpha))) / alpha


def _soft_clipping_grad(x: MP, alpha: MP) -> MP:
    # sigma(u) - sigma(u - alpha) = e^{-u}(e^alpha - 1) / ((1 + e^{-u})(1 + e^{-u} e^alpha))
    u = alpha * x
    if u > 0:
        e = mpm.exp(-u)
        return e * mpm.expm1(alpha) / ((1 + e) * (1 + e * mpm.exp(alpha)))
    e = mpm.exp(u)  # multiply through by e^{2u}
    return e * mpm.expm1(alpha) / ((e + 1) * (e + mpm.exp(alpha)))


def _squareplus(x: MP, b: MP) -> MP:
    r = mpm.sqrt(x * x + b)
    return (x + r) / 2 if x >= 0 else b / (2 * (r - x))


def _squareplus_grad(x: MP, b: MP) -> MP:
    r = mpm.sqrt(x * x + b)
    return _squareplus(x, b) / r


def _tanhshrink(x: MP) -> MP:
    if abs(x) < mpf("1e-6"):
        x2 = x * x
        return x * x2 * (mpf(1) / 3 - x2 * (mpf(2) / 15 - x2 * mpf(17) / 315))
    return x - mpm.tanh(x)


def _sinc(x: MP) -> MP:
    return mpm.sin(x) / x if x != 0 else mpf(1)


def _sinc_grad(x: MP) -> MP:
    if abs(x) < mpf("1e-6"):
        x2 = x * x
        return x * (-mpf(1) / 3 + x2 * (mpf(1) / 30 - x2 / 840))
    return (x * mpm.cos(x) - mpm.sin(x)) / (x * x)


def _phi(x: MP) -> MP:
    return mpm.exp(-x * x / 2) / mpm.sqrt(2 * mpm.pi)


def _normal_cdf(x: MP) -> MP:
    """Phi(x); mpmath's erfc gives up for enormous arguments, where the asymptotic series
    phi(x)/|x| (1 - 1/x^2 + 3/x^4 - 15/x^6) is exact to far more than 120 bits."""
    if x > 1000:
        return mpf(1) - _normal_cdf(-x)
    if x < -1000:
        r = 1 / (x * x)
        return _phi(x) / abs(x) * (1 - r * (1 - r * (3 - 15 * r)))
    return mpm.erfc(-x / mpm.sqrt(2)) / 2


def _gelu(x: MP) -> MP:
    return x * _normal_cdf(x)


def _gelu_grad(x: MP) -> MP:
    return _normal_cdf(x) + x * _phi(x)


def _gelu_grad_scale(x: MP) -> MP:
    return _normal_cdf(x) + abs(x) * _phi(x)


def _gelu_tanh_u(x: MP) -> MP:
    return GELU_BETA * (x + GELU_KAPPA * x**3)


def _gelu_tanh(x: MP) -> MP:
    return x * one_plus_tanh(_gelu_tanh_u(x)) / 2


def _gelu_tanh_grad_terms(x: MP) -> tuple[MP, MP]:
    u = _gelu_tanh_u(x)
    return (
        one_plus_tanh(u) / 2,
        x * sech2(u) * GELU_BETA * (1 + 3 * GELU_KAPPA * x * x) / 2,
    )


def _swish(x: MP, beta: MP) -> MP:
    return x * sigma(beta * x)


def _swish_grad_terms(x: MP, beta: MP) -> tuple[MP, MP]:
    s = sigma(beta * x)
    return s, beta * x * s * sigma(-beta * x)


def _mish_grad_terms(x: MP) -> tuple[MP, MP]:
    t = tanh_of_softplus(x)
    # sech^2(softplus(x)) = 1 - t^2, without cancellation: 4(1+e^x)^2 / ((1+e^x)^2 + 1)^2
    if x > 0:
        e = mpm.exp(-x)
        q = (1 + e) ** 2  # (1 + e^x)^2 / e^{2x}
        s2 = 4 * q * e * e / (q + e * e) ** 2
    else:
        q = (1 + mpm.exp(x)) ** 2
        s2 = 4 * q / (q + 1) ** 2
    return t, x * s2 * sigma(x)


def _elish(x: MP) -> MP:
    return (x if x >= 0 else mpm.expm1(x)) * sigma(x)


def _elish_grad_terms(x: MP) -> tuple[MP, MP]:
    s = sigma(x)
    if x >= 0:
        return s, x * s * sigma(-x)
    return mpm.exp(x) * s, mpm.expm1(x) * s * sigma(-x)


def _hard_elish(x: MP) -> MP:
    g = clip((x + 1) / 2, 0, 1)
    return (x if x >= 0 else mpm.expm1(x)) * g


def _hard_elish_grad_terms(x: MP) -> tuple[MP, MP]:
    if x >= 1:
        return mpf(1), mpf(0)
    if x >= 0:
        return x, mpf("0.5")
    if x > -1:
        return mpm.exp(x) * (x + 1) / 2, mpm.expm1(x) / 2
    return mpf(0), mpf(0)


def _soft_exponential(x: MP, alpha: MP) -> MP:
    if alpha == 0:
        return x
    if alpha > 0:
        return mpm.expm1(alpha * x) / alpha + alpha
    return -mpm.log1p(-alpha * (x + alpha)) / alpha


def _soft_exponential_grad(x: MP, alpha: MP) -> MP:
    if alpha >= 0:
        return mpm.exp(alpha * x)
    return 1 / (1 - alpha * (x + alpha))


def _soft_exponential_scale(x: MP, alpha: MP) -> MP:
    # The float input carries a rounding of |x| relative size; alpha < 0 adds x + alpha.
    if alpha == 0:
        return abs(x)
    if alpha > 0:
        return abs(mpm.expm1(alpha * x) / alpha) + abs(alpha)
    return abs(_soft_exponential_grad(x, alpha)) * (abs(x) + abs(alpha))


def _plu(x: MP, alpha: MP, c: MP) -> MP:
    return max(alpha * (x + c) - c, min(alpha * (x - c) + c, x))


def _srelu(x: MP, t_left: MP, a_left: MP, t_right: MP, a_right: MP) -> MP:
    if x >= t_right:
        return t_right + a_right * (x - t_right)
    if x <= t_left:
        return t_left + a_left * (x - t_left)
    return x


def _srelu_grad(x: MP, t_left: MP, a_left: MP, t_right: MP, a_right: MP) -> MP:
    return a_right if x >= t_right else a_left if x <= t_left else mpf(1)


def _srelu_scale(x: MP, t_left: MP, a_left: MP, t_right: MP, a_right: MP) -> MP:
    if x >= t_right:
        return abs(t_right) + abs(a_right * x) + abs(a_right * t_right)
    if x <= t_left:
        return abs(t_left) + abs(a_left * x) + abs(a_left * t_left)
    return abs(x)


def _sq_rbf(x: MP) -> MP:
    a = abs(x)
    return 1 - x * x / 2 if a <= 1 else (2 - a) ** 2 / 2 if a < 2 else mpf(0)


def _sq_rbf_grad(x: MP) -> MP:
    a = abs(x)
    return -x if a <= 1 else -mpm.sign(x) * (2 - a) if a < 2 else mpf(0)


@dataclass(frozen=True)
class Reference:
    """``f`` and ``df`` of one activation with one parameter set (merged with the defaults)."""

    key: str
    params: dict[str, float]
    f: Fn
    df: Fn
    f_scale: Fn | None = None
    df_scale: Fn | None = None
    domain: Callable[[float], bool] | None = field(default=None)

    @property
    def id(self) -> str:
        return self.key + ("" if not self.params else f"-{self.params}")


def _terms(fn: Callable[..., tuple[MP, MP]]) -> tuple[Fn, Fn]:
    """(sum of the terms, sum of their absolute values) from a function returning two terms."""
    return (lambda *a: sum(fn(*a)), lambda *a: sum(abs(t) for t in fn(*a)))


def _ref(
    key: str,
    f: Fn,
    df: Fn,
    params: dict[str, float] | None = None,
    f_scale: Fn | None = None,
    df_scale: Fn | None = None,
) -> Reference:
    return Reference(key, dict(params or {}), f, df, f_scale, df_scale)


def _zero(*_: MP) -> MP:
    return mpf(0)


def _one(*_: MP) -> MP:
    return mpf(1)


def _leaky(alpha: float) -> tuple[Fn, Fn]:
    return (lambda x: x if x > 0 else alpha * x, lambda x: mpf(1) if x > 0 else mpf(alpha))


_gelu_tanh_df, _gelu_tanh_df_scale = _terms(_gelu_tanh_grad_terms)
_mish_df, _mish_df_scale = _terms(_mish_grad_terms)
_elish_df, _elish_df_scale = _terms(_elish_grad_terms)
_hard_elish_df, _hard_elish_df_scale = _terms(_hard_elish_grad_terms)


def _swish_refs(beta: float, key: str = "swish") -> Reference:
    df, scale = _terms(lambda x: _swish_grad_terms(x, mpf(beta)))
    params = {} if key == "silu" or beta == 1.0 else {"beta": beta}
    return _ref(key, lambda x: _swish(x, mpf(beta)), df, params, df_scale=scale)


def _hard_swish(x: MP) -> MP:
    return x * clip(x + 3, 0, 6) / 6


def _hard_swish_grad(x: MP) -> MP:
    return mpf(0) if x <= -3 else mpf(1) if x >= 3 else x / 3 + mpf(1) / 2


def _smht_ref(a: float, b: float, c: float, d: float) -> Reference:
    p = [mpf(v) for v in (a, b, c, d)]
    params = {} if (a, b, c, d) == (1.0, 1.0, 1.0, 1.0) else {"a": a, "b": b, "c": c, "d": d}
    return _ref(
        "smht",
        lambda x: _smht(x, *p),
        lambda x: _smht_grad(x, *p),
        params,
        df_scale=lambda x: _smht_grad_scale(x, *p),
    )


def _isru(alpha: float) -> tuple[Fn, Fn]:
    a = mpf(alpha)
    return (lambda x: x / mpm.sqrt(1 + a * x * x), lambda x: (1 + a * x * x) ** mpf(-1.5))


def _isrlu(alpha: float) -> tuple[Fn, Fn]:
    f, df = _isru(alpha)
    return (lambda x: x if x >= 0 else f(x), lambda x: mpf(1) if x >= 0 else df(x))


def _softplus(beta: float, threshold: float) -> tuple[Fn, Fn]:
    b = mpf(beta)
    return (
        lambda x: x if b * x > threshold else softplus(b * x) / b,
        lambda x: mpf(1) if b * x > threshold else sigma(b * x),
    )


def _elu(alpha: float) -> tuple[Fn, Fn]:
    return (
        lambda x: x if x > 0 else alpha * mpm.expm1(x),
        lambda x: mpf(1) if x > 0 else alpha * mpm.exp(x),
    )


def _celu(alpha: float) -> tuple[Fn, Fn]:
    a = mpf(alpha)
    return (
        lambda x: x if x > 0 else a * mpm.expm1(x / a),
        lambda x: mpf(1) if x > 0 else mpm.exp(x / a),
    )


def _shrink(lambd: float) -> tuple[Fn, Fn, Fn]:
    return (
        lambda x: x - lambd if x > lambd else x + lambd if x < -lambd else mpf(0),
        lambda x: x if abs(x) > lambd else mpf(0),
        lambda x: mpf(1) if abs(x) > lambd else mpf(0),
    )


def _soft_exp_ref(alpha: float) -> Reference:
    a = mpf(alpha)
    ref = _ref(
        "soft_exponential",
        lambda x: _soft_exponential(x, a),
        lambda x: _soft_exponential_grad(x, a),
        {} if alpha == 0.0 else {"alpha": alpha},
        f_scale=lambda x: _soft_exponential_scale(x, a),
    )
    if alpha >= 0:
        return ref
    # defined where 1 - alpha (x + alpha) > 0 (with x + alpha rounded as the float code does)
    return replace(ref, domain=lambda x: 1.0 - alpha * (x + alpha) > 0)


def _srelu_ref(t_left: float, a_left: float, t_right: float, a_right: float) -> Reference:
    p = [mpf(v) for v in (t_left, a_left, t_right, a_right)]
    params = (
        {}
        if (t_left, a_left, t_right, a_right) == (-1.0, 0.2, 1.0, 0.2)
        else {"t_left": t_left, "a_left": a_left, "t_right": t_right, "a_right": a_right}
    )
    return _ref(
        "srelu",
        lambda x: _srelu(x, *p),
        lambda x: _srelu_grad(x, *p),
        params,
        f_scale=lambda x: _srelu_scale(x, *p),
    )


def _plu_ref(alpha: float, c: float) -> Reference:
    a, cc = mpf(alpha), mpf(c)
    params = {} if (alpha, c) == (0.1, 1.0) else {"alpha": alpha, "c": c}
    return _ref(
        "plu",
        lambda x: _plu(x, a, cc),
        lambda x: mpf(1) if abs(x) < cc else a,
        params,
        f_scale=lambda x: abs(x) + abs(cc),
    )


def _shrink_refs(lambd: float) -> list[Reference]:
    soft, hard, d = _shrink(lambd)
    params = {} if lambd == 0.5 else {"lambd": lambd}
    return [
        _ref("softshrink", soft, d, params, f_scale=lambda x: abs(x)),
        _ref("hardshrink", hard, d, params),
    ]


def _threshold_ref(threshold: float, value: float) -> Reference:
    params = {} if (threshold, value) == (0.0, 0.0) else {"threshold": threshold, "value": value}
    return _ref(
        "threshold",
        lambda x: x if x > threshold else mpf(value),
        lambda x: mpf(1) if x > threshold else mpf(0),
        params,
    )


def _hard_tanh_ref(lo: float, hi: float) -> Reference:
    params = {} if (lo, hi) == (-1.0, 1.0) else {"min_val": lo, "max_val": hi}
    return _ref(
        "hard_tanh",
        lambda x: clip(x, mpf(lo), mpf(hi)),
        lambda x: mpf(1) if lo < x < hi else mpf(0),
        params,
    )


def _soft_clipping_ref(alpha: float) -> Reference:
    a = mpf(alpha)
    return _ref(
        "soft_clipping",
        lambda x: _soft_clipping(x, a),
        lambda x: _soft_clipping_grad(x, a),
        {} if alpha == 1.0 else {"alpha": alpha},
    )


def _squareplus_ref(b: float) -> Reference:
    bb = mpf(b)
    return _ref(
        "squareplus",
        lambda x: _squareplus(x, bb),
        lambda x: _squareplus_grad(x, bb),
        {} if b == 4.0 else {"b": b},
    )


def _step_refs(threshold: float) -> list[Reference]:
    params = {} if threshold == 0.0 else {"threshold": threshold}
    return [
        _ref("step", lambda x: mpf(1) if x >= threshold else mpf(0), _zero, params),
        _ref("sign", lambda x: mpf(1) if x >= threshold else mpf(-1), _zero, params),
    ]


def _relu6(x: MP) -> MP:
    return clip(x, 0, 6)


REFERENCES: list[Reference] = [
    *_step_refs(0.0),
    *_step_refs(-0.5),
    _ref("identity", lambda x: x, _one),
    _ref("sigmoid", sigma, lambda x: sigma(x) * sigma(-x)),
    _ref("log_sigmoid", lambda x: -softplus(-x), lambda x: sigma(-x)),
    _ref(
        "hard_sigmoid",
        lambda x: clip((x + 3) / 6, 0, 1),
        lambda x: mpf(1) / 6 if -3 < x < 3 else mpf(0),
        f_scale=lambda x: (abs(x) + 3) / 6,
    ),
    _ref("tanh", mpm.tanh, lambda x: sech2(x)),
    _hard_tanh_ref(-1.0, 1.0),
    _hard_tanh_ref(-2.0, 0.5),
    _plu_ref(0.1, 1.0),
    _plu_ref(0.3, 2.0),
    _smht_ref(1.0, 1.0, 1.0, 1.0),
    _smht_ref(0.5, 0.8, 1.5, 1.2),
    _smht_ref(1.0, 0.2, 1.0, 0.5),
    _ref("softsign", lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2),
    _ref("arctan", mpm.atan, lambda x: 1 / (1 + x * x)),
    _ref("arsinh", mpm.asinh, lambda x: 1 / mpm.sqrt(1 + x * x)),
    _ref("isru", *_isru(1.0)),
    _ref("isru", *_isru(0.5), {"alpha": 0.5}),
    _ref("isru", *_isru(4.0), {"alpha": 4.0}),
    _ref(
        "sqnl",
        lambda x: (
            mpf(1) if x > 2 else x - x * x / 4 if x >= 0 else x + x * x / 4 if x >= -2 else mpf(-1)
        ),
        lambda x: 1 - abs(x) / 2 if abs(x) <= 2 else mpf(0),
    ),
    _soft_clipping_ref(1.0),
    _soft_clipping_ref(0.5),
    _soft_clipping_ref(20.0),
    _ref("relu", lambda x: max(x, mpf(0)), lambda x: mpf(1) if x > 0 else mpf(0)),
    _ref("leaky_relu", *_leaky(0.01)),
    _ref("leaky_relu", *_leaky(0.2), {"alpha": 0.2}),
    _ref("prelu", *_leaky(0.25)),
    _ref("prelu", *_leaky(-0.1), {"alpha": -0.1}),
    _ref("rrelu", *_leaky((1.0 / 8.0 + 1.0 / 3.0) / 2.0)),
    _ref("relu6", _relu6, lambda x: mpf(1) if 0 < x < 6 else mpf(0)),
    _threshold_ref(0.0, 0.0),
    _threshold_ref(1.0, -2.0),
    _srelu_ref(-1.0, 0.2, 1.0, 0.2),
    _srelu_ref(-0.5, 0.0, 2.0, 0.5),
    _ref(
        "hard_swish",
        _hard_swish,
        _hard_swish_grad,
        df_scale=lambda x: abs(x) / 3 + mpf(1) / 2 if -3 < x < 3 else mpf(1),
    ),
    _ref("hard_elish", _hard_elish, _hard_elish_df, df_scale=_hard_elish_df_scale),
    _ref("softplus", *_softplus(1.0, 20.0)),
    _ref("softplus", *_softplus(0.5, 20.0), {"beta": 0.5}),
    _ref("softplus", *_softplus(2.0, 5.0), {"beta": 2.0, "threshold": 5.0}),
    _ref("elu", *_elu(1.0)),
    _ref("elu", *_elu(0.5), {"alpha": 0.5}),
    _ref("celu", *_celu(1.0)),
    _ref("celu", *_celu(2.0), {"alpha": 2.0}),
    _ref(
        "selu",
        lambda x: SELU_SCALE * (x if x > 0 else SELU_ALPHA * mpm.expm1(x)),
        lambda x: SELU_SCALE if x > 0 else SELU_SCALE * SELU_ALPHA * mpm.exp(x),
    ),
    _ref("gelu", _gelu, _gelu_grad, df_scale=_gelu_grad_scale),
    _ref("gelu_tanh", _gelu_tanh, _gelu_tanh_df, df_scale=_gelu_tanh_df_scale),
    _swish_refs(1.0, "silu"),
    _swish_refs(1.0),
    _swish_refs(0.5),
    _swish_refs(2.0),
    _ref("mish", lambda x: x * tanh_of_softplus(x), _mish_df, df_scale=_mish_df_scale),
    _ref("elish", _elish, _elish_df, df_scale=_elish_df_scale),
    _ref("isrlu", *_isrlu(1.0)),
    _ref("isrlu", *_isrlu(3.0), {"alpha": 3.0}),
    _squareplus_ref(4.0),
    _squareplus_ref(1.0),
    _ref(
        "bent_identity",
        lambda x: x * x / (2 * (mpm.sqrt(x * x + 1) + 1)) + x,
        lambda x: x / (2 * mpm.sqrt(x * x + 1)) + 1,
    ),
    *_shrink_refs(0.5),
    *_shrink_refs(0.0),
    _ref("tanhshrink", _tanhshrink, lambda x: mpm.tanh(x) ** 2),
    _ref("sin", mpm.sin, mpm.cos, f_scale=lambda x: min(abs(x), mpf(1)), df_scale=_one),
    _ref("cos", mpm.cos, lambda x: -mpm.sin(x), f_scale=_one, df_scale=lambda x: min(abs(x), 1)),
    _ref(
        "sinc",
        _sinc,
        _sinc_grad,
        f_scale=lambda x: min(mpf(1), 1 / abs(x)) if x != 0 else mpf(1),
        df_scale=lambda x: min(abs(x), 1 / abs(x)) if x != 0 else mpf(0),
    ),
    _ref("gaussian", lambda x: mpm.exp(-x * x), lambda x: -2 * x * mpm.exp(-x * x)),
    _ref("sq_rbf", _sq_rbf, _sq_rbf_grad),
    _soft_exp_ref(0.0),
    _soft_exp_ref(0.5),
    _soft_exp_ref(-0.5),
]
"""Every elementwise activation with its defaults, and further parameter sets."""

# BReLU is ReLU at even positions and min(x, 0) at odd ones: checked by position.
BRELU_ODD = _ref("brelu", lambda x: min(x, mpf(0)), lambda x: mpf(1) if x < 0 else mpf(0))
BRELU_EVEN = _ref("brelu", lambda x: max(x, mpf(0)), lambda x: mpf(1) if x > 0 else mpf(0))
