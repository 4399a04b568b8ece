"""The property definitions and their checks: every claim holds, every wrong claim is caught."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from nnref import activations as act
from nnref.activations import PROPERTIES, Activation, ClaimError, check_claims

ALL = act.catalog()
ids = [a.key for a in ALL]
BY_KEY = {p.key: p for p in PROPERTIES}


@pytest.mark.parametrize("a", ALL, ids=ids)
def test_every_claim_holds(a: Activation) -> None:
    check_claims(a)


def _flipped(a: Activation, prop: str) -> Activation:
    """``a`` with the claim of property ``prop`` turned into a wrong one."""
    if prop == "range":
        lo, hi = a.output_range
        return dataclasses.replace(a, output_range=(lo, math.inf if math.isfinite(hi) else 1e6))
    if prop == "saturation":
        wrong = {"none": "left", "left": "both", "right": "none", "both": "left", "": "both"}
        return dataclasses.replace(a, saturates=wrong[a.saturates])
    field = BY_KEY[prop].field
    return dataclasses.replace(a, **{field: not getattr(a, field)})


@pytest.mark.parametrize(
    "prop", [p.key for p in PROPERTIES if p.key != "bounded"]
)  # bounded is derived from the range, which is flipped instead
def test_every_wrong_claim_is_caught(prop: str) -> None:
    missed = []
    for a in ALL:
        if prop == "saturation" and a.vector_valued:
            continue  # checked below: a vector-valued activation claims nothing here
        try:
            BY_KEY[prop].check(_flipped(a, prop))
        except ClaimError:
            continue
        missed.append(a.key)
    assert not missed, f"a wrong '{prop}' claim passed for {missed}"


def test_a_patched_claim_fails_the_check() -> None:
    # The contradiction of issue #13: ReLU claimed to saturate on both sides.
    wrong = dataclasses.replace(act.relu, saturates="both")
    with pytest.raises(ClaimError, match=r"relu: the claim 'saturates: both' is wrong"):
        check_claims(wrong)
    object.__setattr__(act.sign, "odd", True)  # a frozen dataclass: patch it, then restore
    try:
        with pytest.raises(ClaimError, match=r"sign: the claim 'odd' is wrong: .* x = 0"):
            check_claims(act.sign)
    finally:
        object.__setattr__(act.sign, "odd", False)
    check_claims(act.sign)


def test_vector_valued_ones_claim_no_saturation() -> None:
    with pytest.raises(ClaimError, match="elementwise activations only"):
        BY_KEY["saturation"].check(dataclasses.replace(act.softmax, saturates="both"))


def test_range_of_a_two_valued_function_is_a_set() -> None:
    for a in (act.step, act.sign):
        assert BY_KEY["range"].text(a) in ("{0, 1}", "{-1, 1}")
        with pytest.raises(ClaimError, match="takes only the values"):
            check_claims(dataclasses.replace(a, output_values=()))
    with pytest.raises(ClaimError, match="takes the values"):
        check_claims(dataclasses.replace(act.step, output_values=(0.0, 0.5, 1.0)))


def test_saturation_is_per_side() -> None:
    assert act.saturation_sides(act.relu) == {"left": (True, True), "right": (False, False)}
    assert act.saturation_sides(act.gelu) == {"left": (True, False), "right": (False, False)}
    assert act.saturation_sides(act.tanh) == {"left": (True, False), "right": (True, False)}
    assert act.saturation_sides(act.relu6)["right"] == (True, True)
    assert BY_KEY["saturation"].text(act.relu) == "on the left only (x → −∞, hard): non-saturating"
    assert BY_KEY["saturation"].text(act.leaky_relu) == "on neither side: non-saturating"
    assert BY_KEY["saturation"].text(act.sigmoid).endswith("saturating")
    assert act.saturation_sides(act.softmax) == {}


def test_zero_centred_is_the_mean_under_a_standard_normal() -> None:
    assert abs(act.mean_output(act.selu)) < 1e-6  # SELU's constants make it so
    assert act.mean_output(act.relu) == pytest.approx(1 / math.sqrt(2 * math.pi), abs=1e-7)
    assert act.mean_output(act.sigmoid) == pytest.approx(0.5, abs=1e-12)
    assert abs(act.mean_output(act.glu)) < 1e-12
    assert act.mean_output(act.softmax) == pytest.approx(0.25, abs=1e-12)


def test_sign_is_zero_centred_but_not_odd() -> None:
    assert float(act.sign(0.0)) == 1.0 and float(act.sign(-0.0)) == 1.0
    assert act.sign.zero_centered and not act.sign.odd


def test_families_follow_the_definitions() -> None:
    squashing = [a for a in ALL if a.family == "sigmoid-like"]
    assert squashing and all(a.bounded and a.monotonic for a in squashing)
    assert act.arsinh.family != "sigmoid-like" and act.plu.family != "sigmoid-like"
    with pytest.raises(ClaimError, match="family sigmoid-like"):
        check_claims(dataclasses.replace(act.arsinh, family="sigmoid-like"))


def test_every_property_is_defined_once_with_a_check() -> None:
    keys = [p.key for p in PROPERTIES]
    assert len(keys) == len(set(keys))
    assert {"range", "bounded", "monotonic", "odd", "zero-centred", "saturation"} <= set(keys)
    for p in PROPERTIES:
        assert p.definition.endswith(".") and p.checked.endswith(".")
        assert hasattr(act.relu, p.field)
        assert isinstance(p.text(act.relu), str) and p.text(act.softmax)


def test_checks_leave_the_catalogue_order_by_family() -> None:
    order = [act.FAMILIES.index(a.family) for a in ALL]
    assert order == sorted(order)
    assert np.all(np.diff(order) >= 0)
