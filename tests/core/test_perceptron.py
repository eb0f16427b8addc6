"""Perceptrons and logic gates against the book's tables (§2.3–2.5, pain points §b G1–G4)."""

import itertools
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import perceptron as P

VIEW = ((-0.5, 1.5), (-0.5, 1.5))
weight = st.floats(-2, 2, allow_nan=False, allow_infinity=False)


def shoelace_area(poly: np.ndarray) -> float:
    if len(poly) < 3:
        return 0.0
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


# --- §2.3 the gates with the book's weights (G1–G4) -----------------------------------------


def test_inputs_are_the_books_four_rows_in_order():
    assert P.INPUTS.tolist() == [[0, 0], [1, 0], [0, 1], [1, 1]]
    assert P.INPUTS.dtype.kind == "i"
    with pytest.raises(ValueError):
        P.INPUTS[0, 0] = 5  # read-only: nobody can change the table for everyone


def test_g1_and_outputs_and_weighted_sums():
    assert P.GATES["AND"] == (0.5, 0.5, -0.7)
    rows = P.truth_table(*P.GATES["AND"])
    assert [r.y for r in rows] == [0, 0, 0, 1]
    assert [r.weighted_sum for r in rows] == pytest.approx([-0.7, -0.2, -0.2, 0.3])
    assert rows[3].weighted_sum == 0.30000000000000004  # as NumPy prints it in the book
    assert [P.AND(x1, x2) for x1, x2 in P.INPUTS] == [0, 0, 0, 1]


def test_g2_nand_and_g3_or():
    assert P.GATES["NAND"] == (-0.5, -0.5, 0.7)
    assert P.GATES["OR"] == (0.5, 0.5, -0.2)
    assert [P.NAND(x1, x2) for x1, x2 in P.INPUTS] == [1, 1, 1, 0]
    assert [P.OR(x1, x2) for x1, x2 in P.INPUTS] == [0, 1, 1, 1]
    assert [r.y for r in P.truth_table(*P.GATES["NAND"])] == [1, 1, 1, 0]
    assert [r.y for r in P.truth_table(*P.GATES["OR"])] == [0, 1, 1, 1]


def test_g4_xor_from_two_layers_with_the_intermediate_columns():
    rows = P.xor_two_layer()
    assert [(r.x1, r.x2) for r in rows] == [(0, 0), (1, 0), (0, 1), (1, 1)]
    assert [(r.s1, r.s2) for r in rows] == [(1, 0), (1, 1), (1, 1), (0, 1)]
    assert [r.y for r in rows] == [0, 1, 1, 0]
    assert [P.XOR(x1, x2) for x1, x2 in P.INPUTS] == [0, 1, 1, 0]


def test_gate_targets_agree_with_the_gates():
    for name in ("AND", "NAND", "OR"):
        assert (
            tuple(P.perceptron(P.INPUTS, P.GATES[name][:2], P.GATES[name][2]))
            == (P.GATE_TARGETS[name])
        )
    assert P.GATE_TARGETS["XOR"] == (0, 1, 1, 0)


def test_gates_work_element_wise_and_return_plain_ints_for_scalars():
    out = P.XOR(np.array([0, 1, 0, 1]), np.array([0, 0, 1, 1]))
    assert out.tolist() == [0, 1, 1, 0]
    assert type(P.AND(1, 1)) is int
    assert type(P.perceptron([1, 1], [0.5, 0.5], -0.7)) is int


def test_perceptron_and_weighted_sum_row_by_row():
    s = P.weighted_sum(P.INPUTS, [0.5, 0.5], -0.7)
    assert s.shape == (4,)
    assert P.perceptron(P.INPUTS, [0.5, 0.5], -0.7).tolist() == [0, 0, 0, 1]
    assert P.weighted_sum([1, 0], [0.5, 0.5], -0.7) == pytest.approx(-0.2)


def test_zero_is_not_above_zero():
    # y = 1 only when w·x + b > 0 strictly: a point on the line gives 0
    assert P.perceptron([1, 0], [1.0, 0.0], -1.0) == 0
    assert P.threshold_perceptron([1, 0], [1.0, 0.0], 1.0) == 0


def test_inputs_are_not_modified():
    x = np.array([[0.0, 1.0], [1.0, 1.0]])
    before = x.copy()
    P.perceptron(x, [0.5, 0.5], -0.7)
    np.testing.assert_array_equal(x, before)


# --- §2.3.1 threshold θ and bias b ----------------------------------------------------------


def test_theta_is_minus_b_and_back():
    assert P.theta_from_bias(-0.7) == 0.7
    assert P.bias_from_theta(0.7) == -0.7
    assert P.theta_from_bias(0.0) == 0.0 and math.copysign(1, P.theta_from_bias(0.0)) == 1


@given(weight)
def test_theta_bias_round_trip(b):
    assert P.bias_from_theta(P.theta_from_bias(b)) == b


@given(weight, weight, weight)
def test_threshold_form_gives_the_same_outputs(w1, w2, b):
    theta = P.theta_from_bias(b)
    y_bias = P.perceptron(P.INPUTS, [w1, w2], b)
    y_theta = P.threshold_perceptron(P.INPUTS, [w1, w2], theta)
    # the two forms can only disagree where w·x + b rounds differently from w·x - θ at 0
    close = np.abs(P.weighted_sum(P.INPUTS, [w1, w2], b)) < 1e-12
    assert np.all((y_bias == y_theta) | close)


# --- truth tables against a target ----------------------------------------------------------


def test_truth_table_rows_against_a_target():
    rows = P.truth_table(*P.GATES["OR"], target="XOR")
    assert [r.target for r in rows] == [0, 1, 1, 0]
    assert [r.correct for r in rows] == [True, True, True, False]
    assert P.matches(*P.GATES["OR"], "XOR") == 3
    assert P.matches(*P.GATES["AND"], "AND") == 4
    assert P.matches(*P.GATES["AND"], [1, 1, 1, 0]) == 0


def test_truth_table_without_target_leaves_the_check_empty():
    rows = P.truth_table(0.5, 0.5, -0.7)
    assert all(r.target is None and r.correct is None for r in rows)
    with pytest.raises(AttributeError):
        rows[0].y = 5  # frozen records


# --- §2.4.1 the decision line -------------------------------------------------------------


def test_decision_line_general_case():
    line = P.decision_line(0.5, 0.5, -0.7)  # AND: x2 = -x1 + 1.4
    assert line.kind == "slope"
    assert line.slope == pytest.approx(-1.0)
    assert line.intercept == pytest.approx(1.4)
    assert line.side == "above" and line.normal == (0.5, 0.5)
    # the point one normal step from the line fires, the opposite one does not
    x0 = np.array([0.7, line.slope * 0.7 + line.intercept])
    n = np.array(line.normal)
    assert P.perceptron(x0 + 0.1 * n, line.normal, -0.7) == 1
    assert P.perceptron(x0 - 0.1 * n, line.normal, -0.7) == 0

    nand = P.decision_line(*P.GATES["NAND"])
    assert nand.side == "below"
    assert P.perceptron([0.0, nand.intercept - 0.5], [-0.5, -0.5], 0.7) == 1


def test_decision_line_vertical():
    line = P.decision_line(2.0, 0.0, -1.0)  # x1 = 0.5, fires to the right
    assert line.kind == "vertical"
    assert line.x1_value == pytest.approx(0.5)
    assert line.side == "right"
    assert P.perceptron([0.6, 123.0], [2.0, 0.0], -1.0) == 1
    assert P.perceptron([0.4, -7.0], [2.0, 0.0], -1.0) == 0
    assert P.decision_line(-1.0, 0.0, 0.3).side == "left"


@pytest.mark.parametrize(("b", "side", "constant"), [(0.5, "everywhere", 1), (0.0, "nowhere", 0)])
def test_decision_line_none_when_both_weights_are_zero(b, side, constant):
    line = P.decision_line(0.0, 0.0, b)
    assert line.kind == "none"
    assert line.side == side and line.constant == constant
    assert P.perceptron(P.INPUTS, [0.0, 0.0], b).tolist() == [constant] * 4
    assert P.line_segment(0.0, 0.0, b, *VIEW) is None


@pytest.mark.parametrize(
    "weights",
    [(0.5, 0.5, -0.7), (-0.5, -0.5, 0.7), (1.0, 0.0, -0.5), (0.0, 1.0, -0.3), (2.0, -0.01, 0.1)],
)
def test_line_segment_lies_on_the_line_and_at_the_view_edge(weights):
    w1, w2, b = weights
    seg = P.line_segment(w1, w2, b, *VIEW)
    assert seg.shape == (2, 2)
    np.testing.assert_allclose(seg @ [w1, w2] + b, 0, atol=1e-12)
    assert np.all(seg >= -0.5 - 1e-12) and np.all(seg <= 1.5 + 1e-12)
    # each end point sits on the border of the view
    on_border = np.isclose(seg, -0.5) | np.isclose(seg, 1.5)
    assert on_border.any(axis=1).all()


def test_line_segment_that_misses_the_view():
    assert P.line_segment(1.0, 1.0, -5.0, *VIEW) is None  # x1 + x2 = 5
    assert P.line_segment(0.0, 1.0, 1.0, *VIEW) is None  # x2 = -1


# --- the firing half-plane ----------------------------------------------------------------


def test_firing_polygon_area_exact_half_of_the_view():
    poly = P.firing_polygon(1.0, 1.0, -1.0, *VIEW)  # x1 + x2 - 1 > 0: half of the 2 × 2 square
    assert shoelace_area(poly) == pytest.approx(2.0)
    assert P.perceptron(poly.mean(axis=0), [1.0, 1.0], -1.0) == 1


def test_firing_polygon_constant_output():
    assert shoelace_area(P.firing_polygon(0.0, 0.0, 0.5, *VIEW)) == pytest.approx(4.0)
    assert P.firing_polygon(0.0, 0.0, -0.5, *VIEW).shape == (0, 2)
    assert P.firing_polygon(0.0, 0.0, 0.0, *VIEW).shape == (0, 2)  # b = 0: 0 > 0 is false
    assert P.firing_polygon(1.0, 1.0, -5.0, *VIEW).shape == (0, 2)  # all of the view below
    assert shoelace_area(P.firing_polygon(1.0, 1.0, 5.0, *VIEW)) == pytest.approx(4.0)


def test_firing_polygon_through_a_corner_has_no_repeated_vertex():
    poly = P.firing_polygon(1.0, -1.0, 0.0, *VIEW)  # x1 - x2 > 0 passes through two corners
    assert len(poly) == 3
    assert shoelace_area(poly) == pytest.approx(2.0)


@pytest.mark.parametrize(
    "weights", [(0.5, 0.5, -0.7), (-0.5, -0.5, 0.7), (0.5, 0.5, -0.2), (1.3, -0.4, 0.1), (0, 1, -1)]
)
def test_firing_polygon_area_against_a_fine_grid(weights):
    w1, w2, b = weights
    n = 800
    centres = -0.5 + (np.arange(n) + 0.5) * (2.0 / n)
    gx, gy = np.meshgrid(centres, centres)
    fraction = np.mean(w1 * gx + w2 * gy + b > 0)
    area = shoelace_area(P.firing_polygon(w1, w2, b, *VIEW))
    assert area == pytest.approx(4.0 * fraction, abs=0.01)


@given(weight, weight, weight)
def test_firing_polygon_fires_inside_and_is_convex(w1, w2, b):
    poly = P.firing_polygon(w1, w2, b, *VIEW)
    assert poly.ndim == 2 and poly.shape[1] == 2 and len(poly) <= 5
    if len(poly) >= 3 and shoelace_area(poly) > 1e-9:
        assert w1 * poly.mean(axis=0)[0] + w2 * poly.mean(axis=0)[1] + b > -1e-9


# --- §2.4 linear separability -------------------------------------------------------------


def test_exactly_14_of_the_16_labellings_are_separable():
    labellings = P.separable_labelings()
    assert len(labellings) == 14
    everything = set(itertools.product((0, 1), repeat=4))
    assert everything - labellings == {(0, 1, 1, 0), (1, 0, 0, 1)}  # XOR and XNOR


def test_random_lines_never_produce_xor_or_xnor():
    rng = np.random.default_rng(0)
    params = rng.uniform(-2, 2, size=(20000, 3))
    ys = (P.INPUTS @ params[:, :2].T + params[:, 2] > 0).astype(int).T
    seen = {tuple(int(v) for v in y) for y in ys}
    assert seen <= P.separable_labelings()
    assert (0, 1, 1, 0) not in seen and (1, 0, 0, 1) not in seen


def test_best_single_line():
    assert P.best_single_line_for("AND") == 4
    assert P.best_single_line_for("NAND") == 4
    assert P.best_single_line_for("OR") == 4
    assert P.best_single_line_for("XOR") == 3
    assert P.best_single_line_for([1, 0, 0, 1]) == 3  # XNOR
    assert P.is_linearly_separable("OR") and not P.is_linearly_separable("XOR")


@given(weight, weight, weight)
def test_no_line_beats_the_best(w1, w2, b):
    assert P.matches(w1, w2, b, "XOR") <= P.best_single_line_for("XOR")


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_weights_are_refused(bad):
    with pytest.raises(ValueError, match="finite"):
        P.truth_table(bad, 0.5, -0.7)
    with pytest.raises(ValueError, match="finite"):
        P.decision_line(0.5, bad, -0.7)
    with pytest.raises(ValueError, match="finite"):
        P.firing_polygon(0.5, 0.5, bad, *VIEW)
    with pytest.raises(ValueError, match="finite"):
        P.perceptron([1, 1], [bad, 0.5], -0.7)
    with pytest.raises(ValueError, match="finite"):
        P.theta_from_bias(bad)


def test_other_bad_input():
    with pytest.raises(ValueError, match="number"):
        P.decision_line("a lot", 0.5, -0.7)
    with pytest.raises(ValueError, match="2 weights"):
        P.perceptron([[0, 1]], [0.5, 0.5, 0.5], -0.7)
    with pytest.raises(ValueError, match="unknown target"):
        P.truth_table(0.5, 0.5, -0.7, target="XNOR")
    with pytest.raises(ValueError, match="four outputs"):
        P.truth_table(0.5, 0.5, -0.7, target=[0, 1, 2, 0])
    with pytest.raises(ValueError, match="xlim"):
        P.firing_polygon(1, 1, -1, (1.5, -0.5), (-0.5, 1.5))
    with pytest.raises(ValueError):
        P.perceptron("01", [0.5, 0.5], -0.7)
