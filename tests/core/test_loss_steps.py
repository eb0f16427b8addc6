"""Oracles for core.loss_steps: the book's L1–L3, C1–C5, SM1–SM2, B11–B14, B28, and properties."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import functions as F
from core.gradient import numerical_gradient
from core.loss_steps import (
    BOOK_T,
    BOOK_Y_RIGHT,
    BOOK_Y_WRONG,
    DELTA_CAP,
    PRESETS,
    SUM_TOLERANCE,
    LossInputError,
    TargetDetection,
    book_label_formula,
    cee_steps,
    detect_targets,
    interpret,
    neg_log_curve,
    preset,
    sse_steps,
)

# section (b) of the learner pain points: the book's numbers, recomputed with the official code
L1_Y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
L2_Y = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]
T_2 = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
L1_SQUARES = [0.01, 0.0025, 0.16, 0, 0.0025, 0.01, 0, 0.01, 0, 0]
C1 = 0.510825457099338
C2 = 2.302584092994546
C4 = 23.718987110506905
C5 = 16.11809565095832
S1_Y = [0.01821127, 0.24519181, 0.73659691]


# --- the book's worked examples --------------------------------------------------------------


def test_book_example_constants():
    assert list(BOOK_Y_RIGHT) == L1_Y
    assert list(BOOK_Y_WRONG) == L2_Y
    assert list(BOOK_T) == T_2


def test_l1_sum_of_squared_errors_step_by_step():
    r = interpret(L1_Y, T_2)
    s = r.sse
    np.testing.assert_allclose(s.diff[0], np.subtract(L1_Y, T_2))
    np.testing.assert_allclose(s.squared[0], L1_SQUARES, atol=1e-15)
    assert s.row_sum[0] == pytest.approx(0.195)
    assert s.row_loss[0] == pytest.approx(0.0975)
    assert s.loss == pytest.approx(0.0975, abs=1e-15)
    assert s.loss == 0.09750000000000003  # exactly what the official code prints (✔run)


def test_l2_wrong_guess():
    r = interpret(L2_Y, T_2)
    assert r.sse.loss == pytest.approx(0.5975)
    assert r.cee.loss == pytest.approx(C2, rel=1e-14)


def test_l3_three_names_for_three_numbers():
    s = interpret(L1_Y, T_2).sse
    assert s.loss == pytest.approx(0.0975)  # ½ Σ, the book's E
    assert s.plain_sum == pytest.approx(0.195)  # Σ
    assert s.mean == pytest.approx(0.0195)  # mean
    assert s.row_mean[0] == pytest.approx(0.0195)


def test_c1_cross_entropy_step_by_step():
    c = interpret(L1_Y, T_2).cee
    assert c.loss == pytest.approx(C1, rel=1e-14)
    assert c.loss == pytest.approx(-math.log(0.6), abs=1e-6)
    np.testing.assert_allclose(c.y_plus_delta[0], np.add(L1_Y, 1e-7))
    np.testing.assert_allclose(c.log_y[0], np.log(np.add(L1_Y, 1e-7)))
    assert c.masked[0].tolist() == [k != 2 for k in range(10)]
    np.testing.assert_array_equal(c.t_log_y[0][c.masked[0]], 0.0)  # only class 2 survives
    assert c.t_log_y[0, 2] == pytest.approx(math.log(0.6 + 1e-7))
    assert c.row_sum[0] == pytest.approx(-C1)
    assert c.row_loss[0] == pytest.approx(C1)


def test_c3_label_form_equals_one_hot_form():
    onehot = interpret(L1_Y, T_2)
    label = interpret(L1_Y, [2])
    scalar = interpret(L1_Y, 2)
    assert label.detection == TargetDetection("label", "one_per_row")
    assert onehot.detection == TargetDetection("onehot", "same_shape")
    for r in (onehot, label, scalar):
        assert r.cee.label_loss == pytest.approx(C1, rel=1e-14)
        assert r.cee.loss == pytest.approx(C1, rel=1e-14)
        assert r.cee.labels.tolist() == [2]
        assert r.cee.picked.tolist() == [0.6]
        assert r.cee.label_row_loss[0] == pytest.approx(C1)
    np.testing.assert_array_equal(label.t, onehot.t)


def test_c4_one_hot_fed_to_the_label_formula():
    r = interpret(L1_Y, T_2, t_kind="label")
    assert r.detection == TargetDetection("label", "forced_onehot_shape", forced=True)
    warning = r.warning("onehot_as_labels")
    assert warning is not None and warning.field == "t"
    formula = warning.data["formula"]
    assert formula is r.book_label_formula
    assert formula.value == pytest.approx(C4, rel=1e-14)
    assert formula.correct == pytest.approx(C1, rel=1e-14)
    assert not formula.fails
    assert formula.pairs == ((0, 0), (0, 1))  # every 0 picks y[0, 0], the 1 picks y[0, 1]
    assert formula.counts == (9, 1)
    assert formula.values == (0.1, 0.05)
    assert r.cee.loss == pytest.approx(C1)  # the calculator itself stays right


def test_book_label_formula_for_a_batch_fails_like_numpy():
    y = np.array([L1_Y, L2_Y, L1_Y])
    t = np.zeros((3, 10))
    t[:, 2] = 1
    f = book_label_formula(y, t)
    assert f.fails and math.isnan(f.value)
    with pytest.raises(IndexError):
        y[np.arange(3), t.astype(int)]  # what the learner's code does
    assert f.correct == pytest.approx((2 * C1 + C2) / 3)


def test_book_label_formula_for_a_square_batch_broadcasts():
    y = np.array([[0.2, 0.8], [0.7, 0.3]])
    t = np.array([[0, 1], [1, 0]])
    f = book_label_formula(y, t)
    expected = -np.sum(np.log(y[np.arange(2), t] + 1e-7)) / 2
    assert f.value == pytest.approx(expected)
    assert sum(f.counts) == 4


def test_c5_delta_caps_the_loss():
    p = preset("delta")
    r = interpret(p.y, p.t)
    assert r.cee.picked[0] == 0.0
    assert r.cee.loss == pytest.approx(C5, rel=1e-14)
    assert pytest.approx(C5, rel=1e-14) == DELTA_CAP
    assert r.cee.cap == DELTA_CAP
    assert r.cee.at_cap.tolist() == [True]
    assert r.cee.row_loss_without_delta[0] == math.inf
    assert r.slips.without_delta == math.inf


def test_batch_mean_over_n():
    r = interpret([L1_Y, L2_Y], [2, 2])
    assert r.n_rows == 2
    np.testing.assert_allclose(r.sse.row_loss, [0.0975, 0.5975])
    np.testing.assert_allclose(r.cee.row_loss, [C1, C2])
    assert r.sse.loss == pytest.approx((0.0975 + 0.5975) / 2)
    assert r.cee.loss == pytest.approx((C1 + C2) / 2)
    assert r.cee.label_loss == pytest.approx((C1 + C2) / 2)
    assert r.sse.plain_sum == pytest.approx((0.195 + 1.195) / 2)


def test_b11_dividing_by_ndim():
    batch100 = interpret(np.tile(L1_Y, (100, 1)), [2] * 100)
    assert batch100.slips.ndim == 2
    assert batch100.slips.divided_by_ndim == pytest.approx(25.541272854966902, rel=1e-12)
    assert batch100.cee.loss == pytest.approx(C1)
    batch3 = interpret(np.tile(L1_Y, (3, 1)), [2] * 3)
    assert batch3.slips.divided_by_ndim == pytest.approx(0.766238185649007, rel=1e-12)
    vector = interpret(L1_Y, 2)
    assert vector.slips.ndim == 1 and vector.slips.divided_by_ndim == pytest.approx(C1)


@pytest.mark.parametrize(
    ("y", "t", "expected"),
    [
        ([0.3, 0.2, 0.5], [0, 1, 0], [0.3, -0.8, 0.5]),  # SM1
        ([0.01, 0.99, 0.0], [0, 1, 0], [0.01, -0.01, 0.0]),  # SM2
    ],
)
def test_sm_softmax_with_loss_gradient_is_y_minus_t(y, t, expected):
    r = interpret(y, t)
    np.testing.assert_allclose(r.softmax_with_loss_grad[0], expected, atol=1e-15)
    np.testing.assert_allclose(r.slips.gradient_without_n[0], expected, atol=1e-15)


def test_b28_gradient_without_batch_size_is_n_times_too_big():
    r = interpret([[0.3, 0.2, 0.5]] * 4, [1, 1, 1, 1])
    np.testing.assert_allclose(r.slips.gradient_without_n, 4 * r.softmax_with_loss_grad)
    np.testing.assert_allclose(r.softmax_with_loss_grad[0], np.array([0.3, -0.8, 0.5]) / 4)


def test_raw_scores_apply_softmax_first():
    r = interpret([0.3, 2.9, 4.0], 2, raw_scores=True)
    np.testing.assert_allclose(r.y[0], S1_Y, atol=5e-9)
    np.testing.assert_array_equal(r.y_input[0], [0.3, 2.9, 4.0])
    assert r.cee.loss == pytest.approx(F.softmax_loss([0.3, 2.9, 4.0], 2), rel=1e-14)
    assert r.cee.loss == pytest.approx(-math.log(0.73659691), abs=1e-6)
    np.testing.assert_allclose(r.softmax_with_loss_grad[0], np.subtract(S1_Y, [0, 0, 1]), atol=1e-8)
    assert r.warnings == ()  # negative or large scores are normal for raw scores


def test_raw_scores_that_look_like_probabilities_are_pointed_out():
    r = interpret(L1_Y, 2, raw_scores=True)
    w = r.warning("softmax_of_probabilities")
    assert w is not None and w.data["sums"].tolist() == [pytest.approx(1.0)]
    assert r.cee.loss != pytest.approx(C1)  # softmax of probabilities is something else


def test_presets_give_the_books_numbers():
    expected = {  # the book's values, written out again here on purpose
        "book_right": (0.0975, C1),
        "book_wrong": (0.5975, C2),
        "book_label": (0.0975, C1),
        "delta": (None, C5),
        "batch": ((0.0975 + 0.5975) / 2, (C1 + C2) / 2),
        "onehot_as_labels": (0.0975, C1),
        "raw_scores": (None, -math.log(0.73659691)),
    }
    for p in PRESETS:
        r = interpret(p.y, p.t, p.t_kind, p.raw_scores)
        if p.sse is not None:
            assert r.sse.loss == pytest.approx(p.sse, abs=1e-12), p.id
        if p.cee is not None:
            assert r.cee.loss == pytest.approx(p.cee, abs=1e-6), p.id
        if p.grad is not None:
            np.testing.assert_allclose(r.softmax_with_loss_grad[0], p.grad, atol=1e-15)
        if p.id in expected:
            sse, cee = expected[p.id]
            if sse is not None:
                assert r.sse.loss == pytest.approx(sse), p.id
            assert r.cee.loss == pytest.approx(cee, abs=1e-6), p.id
    assert preset("swl_large").grad == (0.3, -0.8, 0.5)
    assert preset("swl_small").grad == (0.01, -0.01, 0.0)
    assert preset("onehot_as_labels").t_kind == "label"
    assert len({p.id for p in PRESETS}) == len(PRESETS)
    with pytest.raises(KeyError):
        preset("nope")


# --- detection ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("y", "t", "kind", "reason"),
    [
        (L1_Y, T_2, "onehot", "same_shape"),
        ([L1_Y], [T_2], "onehot", "same_shape"),
        ([L1_Y], T_2, "onehot", "same_shape"),  # one row typed as a vector
        (L1_Y, [2], "label", "one_per_row"),
        (L1_Y, 2, "label", "one_per_row"),
        ([L1_Y, L2_Y], [2, 7], "label", "one_per_row"),
        ([L1_Y, L2_Y], [[2], [7]], "label", "one_per_row"),  # a column
        ([L1_Y, L2_Y], [[2, 7]], "label", "one_per_row"),  # a row
        ([L1_Y, L2_Y], [T_2, T_2], "onehot", "same_shape"),
        ([[0.5, 0.5], [0.5, 0.5]], [1, 0], "label", "one_per_row"),  # N = C: shape decides
        ([[0.5, 0.5], [0.5, 0.5]], [[0, 1], [1, 0]], "onehot", "same_shape"),
    ],
)
def test_detect_targets(y, t, kind, reason):
    assert detect_targets(y, t) == TargetDetection(kind, reason)
    assert interpret(y, t).detection.kind == kind


def test_detection_agrees_with_core_functions():
    for y, t in ((L1_Y, T_2), (L1_Y, 2), ([L1_Y, L2_Y], [2, 7])):
        assert detect_targets(y, t).kind == F.detect_target_kind(y, t)


def test_the_kind_can_be_forced():
    r = interpret(L1_Y, T_2, t_kind="onehot")
    assert r.detection == TargetDetection("onehot", "forced", forced=True)
    r = interpret(L1_Y, [2], t_kind="label")
    assert r.detection == TargetDetection("label", "forced", forced=True)
    assert r.warnings == ()
    with pytest.raises(ValueError, match="t_kind"):
        interpret(L1_Y, [2], t_kind="both")


# --- errors -------------------------------------------------------------------------------------


def _error(y, t, **kwargs) -> LossInputError:
    with pytest.raises(LossInputError) as info:
        interpret(y, t, **kwargs)
    return info.value


def test_different_lengths():
    e = _error(L1_Y, T_2[:9])
    assert (e.code, e.field) == ("shape_mismatch", "t")
    assert e.data["y_shape"] == (1, 10) and e.data["t_size"] == 9
    assert e.data["n_rows"] == 1 and e.data["n_classes"] == 10
    assert "fits neither" in str(e)
    e = _error([L1_Y, L2_Y], [2, 7, 0])
    assert e.code == "shape_mismatch" and e.data["n_rows"] == 2


def test_forced_kinds_that_do_not_fit():
    e = _error(L1_Y, [2], t_kind="onehot")
    assert (e.code, e.field, e.data["t_size"]) == ("onehot_shape", "t", 1)
    e = _error([L1_Y, L2_Y], [2, 7, 1], t_kind="label")
    assert (e.code, e.data["n_rows"]) == ("label_count", 2)


@pytest.mark.parametrize(("label", "value"), [(10, 10), (-1, -1), (99, 99)])
def test_label_out_of_range(label, value):
    e = _error(L1_Y, [label])
    assert (e.code, e.field) == ("label_out_of_range", "t")
    assert e.data == {"index": 0, "value": value, "n_classes": 10}
    assert "0 … 9" in str(e)


def test_label_not_a_whole_number():
    e = _error([L1_Y, L2_Y], [2, 2.5])
    assert (e.code, e.data["index"], e.data["value"]) == ("label_not_integer", 1, 2.5)


def test_one_hot_row_with_two_ones_is_an_error():
    t = list(T_2)
    t[7] = 1
    e = _error(L1_Y, t)
    assert (e.code, e.field) == ("onehot_two_ones", "t")
    assert e.data == {"row": 0, "cols": (2, 7)}


def test_one_hot_row_with_no_one_and_with_other_numbers():
    e = _error([L1_Y, L2_Y], [T_2, [0] * 10])
    assert (e.code, e.data["row"]) == ("onehot_no_one", 1)
    t = list(T_2)
    t[3] = 0.5
    e = _error(L1_Y, t)
    assert (e.code, e.data["row"], e.data["col"], e.data["value"]) == (
        "onehot_not_binary",
        0,
        3,
        0.5,
    )


@pytest.mark.parametrize(
    ("y", "t", "field", "value", "where"),
    [
        ([0.1, math.nan, 0.9], [1], "y", "nan", (0, 1)),
        ([[0.1, 0.9], [0.2, math.inf]], [1, 0], "y", "inf", (1, 1)),
        ([0.1, 0.9], [-math.inf], "t", "-inf", (0, 0)),
    ],
)
def test_nan_and_inf(y, t, field, value, where):
    e = _error(y, t)
    assert (e.code, e.field, e.data["value"]) == ("not_finite", field, value)
    assert (e.data["row"], e.data["col"]) == where


@pytest.mark.parametrize(
    ("y", "t", "code", "field"),
    [
        ([], [1], "empty", "y"),
        ([0.5, 0.5], [], "empty", "t"),
        (["a", "b"], [1], "not_numbers", "y"),
        ([0.5, 0.5], ["x"], "not_numbers", "t"),
        ([[0.2, 0.8], [0.1]], [1, 1], "not_numbers", "y"),  # ragged
        (np.array([0.5 + 1j, 0.5]), [1], "not_numbers", "y"),  # complex, without a warning
        ([[[0.5, 0.5]]], [1], "too_many_dims", "y"),
        ([0.6], [0], "one_class", "y"),
        ([[0.1], [0.9]], [0, 0], "one_class", "y"),  # one number per line
    ],
)
def test_unusable_input(y, t, code, field):
    e = _error(y, t)
    assert (e.code, e.field) == (code, field)


def test_errors_survive_pickling():
    e = _error(L1_Y, [12])
    again = pickle.loads(pickle.dumps(e))
    assert (again.code, again.field, again.data, str(again)) == (e.code, e.field, e.data, str(e))


# --- warnings -----------------------------------------------------------------------------------


def test_negative_y_warns_and_skips_the_cross_entropy():
    r = interpret([0.5, -0.2, 0.7], [0])
    w = r.warning("negative_y")
    assert w.field == "y"
    assert w.data == {"count": 1, "first": (0, 1), "value": -0.2}
    assert r.cee is None and r.grad_cee is None and r.slips is None
    assert r.sse.loss == pytest.approx(0.5 * (0.25 + 0.04 + 0.49))  # still shown
    assert r.warning("rows_not_normalised") is None  # 0.5 − 0.2 + 0.7 = 1


def test_y_above_one_and_rows_not_summing_to_one():
    r = interpret([[1.5, 0.5], [0.3, 0.3]], [0, 1])
    above = r.warning("y_above_one")
    assert above.data == {"count": 1, "first": (0, 0), "value": 1.5}
    off = r.warning("rows_not_normalised")
    assert off.data["rows"] == (0, 1)
    np.testing.assert_allclose(off.data["sums"], [2.0, 0.6])
    assert r.cee.loss == pytest.approx((-math.log(1.5 + 1e-7) - math.log(0.3 + 1e-7)) / 2)


def test_rounded_printouts_still_sum_to_one():
    assert interpret(S1_Y, 2).warnings == ()
    r = interpret([0.333, 0.333, 0.333], 0)
    assert r.warning("rows_not_normalised").data["count"] == 1
    assert abs(0.999 - 1) > SUM_TOLERANCE


def test_huge_y_overflows_with_a_warning_not_a_crash():
    r = interpret([1e200, 0.0], [0])
    assert r.sse.loss == math.inf
    assert r.warning("overflow").data["max_abs"] == 1e200
    assert r.warning("y_above_one") is not None


# --- gradients against numerical differentiation ---------------------------------------------


def test_sse_gradient_matches_numerical_gradient():
    y = np.array([L1_Y, L2_Y])
    t = np.array([T_2, T_2], dtype=float)
    r = interpret(y, t)
    numeric = numerical_gradient(lambda v: F.sum_squared_error(v, t), y.copy())
    np.testing.assert_allclose(r.grad_sse, numeric, atol=1e-8)
    np.testing.assert_allclose(r.grad_sse, (y - t) / 2)


def test_cee_gradient_matches_numerical_gradient():
    y = np.array([[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]])
    r = interpret(y, [2, 0])
    numeric = numerical_gradient(lambda v: F.cross_entropy_error(v, [2, 0]), y.copy())
    np.testing.assert_allclose(r.grad_cee, numeric, rtol=1e-6, atol=1e-9)
    assert r.grad_cee[0, 2] == pytest.approx(-1 / (0.5 + 1e-7) / 2)


def test_softmax_with_loss_gradient_matches_numerical_gradient():
    scores = np.array([[0.3, 2.9, 4.0], [1.0, -1.0, 0.5], [2.0, 2.0, 2.0]])
    labels = [2, 0, 1]
    r = interpret(scores, labels, raw_scores=True)
    numeric = numerical_gradient(lambda a: F.softmax_loss(a, labels), scores.copy())
    np.testing.assert_allclose(r.softmax_with_loss_grad, numeric, atol=1e-7)


@pytest.mark.parametrize("y", [[0.3, 0.2, 0.5], [0.1, 0.7, 0.2]])
def test_swl_gradient_of_probabilities_is_the_gradient_at_their_log_scores(y):
    """Given probabilities y, (y − t) is d(loss)/da at any scores a with softmax(a) = y (§5.6.3)."""
    a = np.log(y)
    numeric = numerical_gradient(lambda v: F.softmax_loss(v, [1]), a)
    # δ inside the log moves the numerical gradient by about δ / y
    np.testing.assert_allclose(interpret(y, [1]).softmax_with_loss_grad[0], numeric, atol=1e-6)


# --- properties ---------------------------------------------------------------------------------


@st.composite
def batches(draw):
    n = draw(st.integers(1, 6))
    c = draw(st.integers(2, 8))
    raw = draw(st.lists(st.floats(0.0, 1.0), min_size=n * c, max_size=n * c))
    y = np.array(raw).reshape(n, c)
    if draw(st.booleans()):  # make the rows proper distributions (zeros possible)
        sums = y.sum(axis=1, keepdims=True)
        y = np.where(sums > 0, y / np.where(sums > 0, sums, 1), 1.0 / c)
    labels = draw(st.lists(st.integers(0, c - 1), min_size=n, max_size=n))
    onehot = draw(st.booleans())
    t = np.eye(c)[labels] if onehot else np.array(labels)
    return y, t, np.array(labels)


@settings(max_examples=150, deadline=None)
@given(batches())
def test_the_worked_steps_add_up(batch):
    y, t, labels = batch
    r = interpret(y, t)
    assert r.labels.tolist() == labels.tolist()
    s, c = r.sse, r.cee
    # Σ of the per-element squares, ×½, is E; the batch mean is the mean of the row losses
    np.testing.assert_allclose(s.squared, (y - r.t) ** 2, rtol=1e-12)
    np.testing.assert_allclose(s.row_loss, 0.5 * s.squared.sum(axis=1), rtol=1e-12)
    assert s.loss == pytest.approx(np.mean(s.row_loss), rel=1e-12, abs=1e-15)
    assert s.loss == pytest.approx(F.sum_squared_error(y, t), rel=1e-12, abs=1e-15)
    assert s.plain_sum == pytest.approx(2 * s.loss, rel=1e-12, abs=1e-15)
    assert s.mean == pytest.approx(np.mean(s.squared), rel=1e-12, abs=1e-15)
    # only the correct-class term survives; its −sum is the cross-entropy
    np.testing.assert_array_equal(c.t_log_y[c.masked], 0.0)
    surviving = c.t_log_y[~c.masked]
    assert surviving.shape == (y.shape[0],)
    np.testing.assert_allclose(-surviving, c.row_loss, rtol=1e-12)
    assert c.loss == pytest.approx(np.mean(c.row_loss), rel=1e-12)
    assert c.loss == pytest.approx(F.cross_entropy_error(y, t), rel=1e-12)
    # the label form picks the same number
    np.testing.assert_array_equal(c.picked, y[np.arange(len(labels)), labels])
    np.testing.assert_allclose(c.label_row_loss, c.row_loss, rtol=1e-12)
    assert c.label_loss == pytest.approx(c.loss, rel=1e-12)
    assert np.all(c.row_loss <= DELTA_CAP + 1e-12)
    np.testing.assert_allclose(r.softmax_with_loss_grad * y.shape[0], y - r.t, atol=1e-15)


@settings(max_examples=100, deadline=None)
@given(batches(), st.floats(-30, 30))
def test_raw_scores_equal_softmax_then_cross_entropy(batch, shift):
    y, t, _ = batch
    scores = y * 10 + shift
    r = interpret(scores, t, raw_scores=True)
    np.testing.assert_allclose(r.y, F.softmax(scores), rtol=1e-12)
    assert r.cee.loss == pytest.approx(F.softmax_loss(scores, t), rel=1e-12)
    assert r.cee.loss == pytest.approx(interpret(F.softmax(scores), t).cee.loss, rel=1e-12)


def test_the_callers_arrays_are_not_written_and_results_are_read_only():
    y = np.array([L1_Y, L2_Y])
    t = np.array([2, 7])
    y_before, t_before = y.copy(), t.copy()
    r = interpret(y, t)
    np.testing.assert_array_equal(y, y_before)
    np.testing.assert_array_equal(t, t_before)
    assert y.flags.writeable and t.flags.writeable
    for arr in (r.y, r.t, r.sse.squared, r.cee.t_log_y, r.grad_sse, r.softmax_with_loss_grad):
        with pytest.raises(ValueError):
            arr[0, 0] = 5.0


def test_sse_and_cee_steps_on_their_own():
    s = sse_steps(L1_Y, T_2)
    assert s.loss == pytest.approx(0.0975) and s.n_rows == 1
    c = cee_steps([L1_Y, L2_Y], [2, 7])
    np.testing.assert_allclose(c.row_loss, [C1, -math.log(0.6 + 1e-7)])
    with pytest.raises(ValueError, match="same shape"):
        sse_steps(L1_Y, [1, 0])


def test_neg_log_curve():
    x, e = neg_log_curve(200)
    assert x[0] == 0.0 and e[0] == pytest.approx(C5)
    assert x[-1] == 1.0 and e[-1] == pytest.approx(0.0, abs=1e-6)
    assert np.all(np.diff(x) > 0) and np.all(np.diff(e) < 0)
    assert len(x) == 201
    assert np.interp(0.6, x, e) == pytest.approx(C1, abs=0.01)
