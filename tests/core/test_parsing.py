"""Reading what learners type or paste into arrays, and formatting numbers for people."""

import math
import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from core.parsing import (
    MAX_EXACT_INT,
    REASONS,
    SUMMARY_HINT,
    ParseError,
    format_array,
    format_number,
    parse_array,
    parse_int_list,
    parse_matrix,
    parse_vector,
)

# NumPy's own defaults, spelled out so that a test elsewhere that changes them cannot matter
DEFAULT_PRINT = {
    "precision": 8,
    "threshold": 1000,
    "edgeitems": 3,
    "linewidth": 75,
    "suppress": False,
    "floatmode": "maxprec",
    "sign": "-",
    "legacy": False,
}

finite = st.floats(allow_nan=False, allow_infinity=False)


def raised(text, **kw):
    """Return the ParseError that parse_array raises for ``text``."""
    with pytest.raises(ParseError) as info:
        parse_array(text, **kw)
    return info.value


# --- accepted input ----------------------------------------------------------------------------

ACCEPTED = [
    # separators
    ("0.1, 0.05, 0.6", [0.1, 0.05, 0.6]),
    ("0.1 0.05 0.6", [0.1, 0.05, 0.6]),
    ("0.1,0.05 , 0.6", [0.1, 0.05, 0.6]),
    ("0.1, 0.05, 0.6,", [0.1, 0.05, 0.6]),
    ("\t-1.0,\t1.0 2.0  ", [-1.0, 1.0, 2.0]),
    # brackets
    ("[0.1, 0.2]", [0.1, 0.2]),
    ("(0.1, 0.2)", [0.1, 0.2]),
    ("[0.1, 0.2,]", [0.1, 0.2]),
    ("[[0.1, 0.9], [0.8, 0.2]]", [[0.1, 0.9], [0.8, 0.2]]),
    ("[[0.1, 0.9],\n [0.8, 0.2],]", [[0.1, 0.9], [0.8, 0.2]]),
    ("((1, 2), (3, 4))", [[1, 2], [3, 4]]),
    ("[[1, 2, 3]]", [[1, 2, 3]]),
    ("[1 2]\n[3 4]", [[1, 2], [3, 4]]),  # rows copied without the outer brackets
    ("[1, 2], [3, 4]", [[1, 2], [3, 4]]),
    # NumPy's printed forms
    ("[0.1  0.05 0.6  0.   0.05]", [0.1, 0.05, 0.6, 0.0, 0.05]),
    ("[0.1  0.05 0.6\n 0.   0.05]", [0.1, 0.05, 0.6, 0.0, 0.05]),
    ("[[1. 2.]\n [3. 4.]]", [[1, 2], [3, 4]]),
    ("[[ 0.5 -1. ]\n [-2.   3. ]]", [[0.5, -1], [-2, 3]]),
    ("[1.e-07 1.e+00]", [1e-7, 1.0]),
    ("array([1., 2.])", [1, 2]),
    ("np.array([[1, 2], [3, 4]])", [[1, 2], [3, 4]]),
    ("numpy.array([0.5])", [0.5]),
    ("array([[1., 2.],\n       [3., 4.]])", [[1, 2], [3, 4]]),
    ("array([1., 2.], dtype=float32)", [1, 2]),
    ("array([1, 2], dtype=np.int64)\n", [1, 2]),
    ("array(5.)", [5.0]),
    ("[np.float64(0.51), np.float32(2.0)]", [0.51, 2.0]),
    ("np.float64(0.510825457099338)", [0.510825457099338]),
    # one row per line
    ("0.1 0.9\n0.8 0.2", [[0.1, 0.9], [0.8, 0.2]]),
    ("0.1, 0.9,\r\n0.8, 0.2,\r\n", [[0.1, 0.9], [0.8, 0.2]]),
    ("\n\n0.1 0.9\n\n   \n0.8 0.2\n\n", [[0.1, 0.9], [0.8, 0.2]]),
    ("1\n2\n3", [[1], [2], [3]]),
    ("  7  \n\n", [7.0]),
    # number forms
    ("1e-7, 2.5E+3, 1E5", [1e-7, 2500.0, 1e5]),
    ("+1, -2, .5, 1., -.25, +3.e2", [1, -2, 0.5, 1, -0.25, 300]),
    ("0, -0, 007", [0, 0, 7]),
    # what Japanese IMEs produce
    ("０．１，０．９", [0.1, 0.9]),
    ("［０．１、０．９］", [0.1, 0.9]),
    ("−1.5, −２", [-1.5, -2]),
    ("1\u30002\u30003", [1, 2, 3]),
    ("（１，２）", [1, 2]),
    ("１ｅ－３", [1e-3]),
    ("1\u00a02", [1, 2]),  # a no-break space
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted_input(text, expected):
    out = parse_array(text)
    expected = np.array(expected, dtype=np.float64)
    assert out.dtype == np.float64
    assert out.shape == expected.shape
    np.testing.assert_array_equal(out, expected)


def test_nan_and_inf_are_read_when_allowed():
    out = parse_array(
        "nan, NaN, -inf, +Inf, np.nan, -np.inf, numpy.inf, 1e999", allow_nonfinite=True
    )
    assert np.isnan(out[:2]).all() and np.isnan(out[4])
    assert out[[2, 5]].tolist() == [-math.inf, -math.inf]
    assert out[[3, 6, 7]].tolist() == [math.inf, math.inf, math.inf]


def test_dtype_sets_the_result_and_a_written_dtype_is_ignored():
    out = parse_array("array([0.1, 2.], dtype=float64)", dtype=np.float32)
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out, np.array([0.1, 2.0], dtype=np.float32))


# --- NumPy's own printed output ----------------------------------------------------------------

PRINTERS = {"str": str, "repr": repr, "array2string": np.array2string}


@pytest.mark.parametrize("printer", PRINTERS.values(), ids=PRINTERS.keys())
@pytest.mark.parametrize("shape", [(1,), (7,), (40,), (1, 3), (3, 4), (2, 15), (10, 1)])
@pytest.mark.parametrize("scale", [1.0, 1e-6, 1e6])
def test_numpys_printed_arrays_read_back(printer, shape, scale):
    rng = np.random.default_rng([*shape, int(np.log10(scale)) + 10])
    arr = rng.standard_normal(shape) * scale
    with np.printoptions(**DEFAULT_PRINT):
        text = printer(arr)
    out = parse_array(text)
    assert out.shape == arr.shape, text
    # 8 digits are printed: 8 after the point in fixed notation (hence atol), 8 significant in
    # scientific notation (hence rtol)
    np.testing.assert_allclose(out, arr, rtol=1e-7, atol=1e-8)


def test_long_rows_wrap_over_lines_and_still_read_back():
    arr = np.linspace(-1, 1, 30).reshape(2, 15)
    with np.printoptions(**DEFAULT_PRINT):
        text = str(arr)
    assert text.count("\n") > 1  # the rows really are wrapped
    np.testing.assert_allclose(parse_array(text), arr, rtol=1e-7, atol=1e-8)


@pytest.mark.parametrize(
    "arr", [np.arange(2000.0), np.zeros((100, 100)), np.arange(5000)], ids=["1-D", "2-D", "int"]
)
@pytest.mark.parametrize("printer", PRINTERS.values(), ids=PRINTERS.keys())
def test_numpys_shortened_print_is_refused_with_a_hint(arr, printer):
    with np.printoptions(**DEFAULT_PRINT):
        text = printer(arr)
    error = raised(text)
    assert error.reason == "summarised"
    assert error.position == text.index("...")
    assert SUMMARY_HINT in str(error)
    assert (
        "the array was printed in shortened form with '...'; "
        "print it with np.set_printoptions(threshold=np.inf)" in str(error)
    )


def test_the_same_array_printed_in_full_reads_back():
    arr = np.arange(2000.0)
    with np.printoptions(**{**DEFAULT_PRINT, "threshold": np.inf}):
        text = str(arr)
    np.testing.assert_array_equal(parse_array(text), arr)


# --- rejected input ----------------------------------------------------------------------------

REJECTED = [
    # (text, reason, position)
    ("", "empty", None),
    ("  \n\t \u3000", "empty", None),
    ("array([], dtype=float64)", "empty", 6),
    ("[]", "empty", 0),
    ("[[1, 2], []]", "empty", 9),
    ("1, 2, abc", "not_a_number", 6),
    ("1..2", "not_a_number", 0),
    ("0x10", "not_a_number", 0),
    ("1 2 x3", "not_a_number", 4),
    ("1_000", "not_a_number", 0),
    ("1,2,,3", "not_a_number", 4),
    (", 1", "not_a_number", 0),
    ("[1, , 2]", "not_a_number", 4),
    ("[, 1]", "not_a_number", 1),
    ("1, 2\n, 3", "not_a_number", 5),
    ("１，２，ａｂｃ", "not_a_number", 4),
    ("np.float64()", "not_a_number", 0),
    ("[1, 2] dtype=float32", "not_a_number", 7),  # dtype= is only skipped inside array(...)
    ("½", "not_a_number", 0),
    ("nan", "not_finite", 0),
    ("1, -inf", "not_finite", 3),
    ("[1, np.nan]", "not_finite", 4),
    ("1e999", "not_finite", 0),
    ("[0. 0. ... 0.]", "summarised", 7),
    ("1 2 …", "summarised", 4),
    ("[[1, 2], [3]]", "ragged", 9),
    ("[[1], [2, 3]]", "ragged", 6),
    ("1 2 3\n4 5", "ragged", 6),
    ("1 2\n3 4 5", "ragged", 4),
    ("1 2\n3 4\n\n5", "ragged", 9),
    ("[1, [2, 3]]", "ragged", 4),
    ("[[1], 2]", "ragged", 6),
    ("1 [2]", "ragged", 2),
    ("[1, 2)", "unbalanced_brackets", 5),
    ("(1, 2]", "unbalanced_brackets", 5),
    ("1, 2]", "unbalanced_brackets", 4),
    ("[[1, 2]", "unbalanced_brackets", 0),
    ("[[1, 2], [3, 4", "unbalanced_brackets", 9),
    ("array([1, 2]", "unbalanced_brackets", 5),
    ("np.array([1, 2]", "unbalanced_brackets", 8),
    ("array([1, 2]))", "unbalanced_brackets", 12),
    ("[[[1]]]", "too_deep", 2),
    ("[[1, 2]] [[3, 4]]", "too_deep", 9),
]


@pytest.mark.parametrize(("text", "reason", "position"), REJECTED)
def test_rejected_input_says_what_and_where(text, reason, position):
    error = raised(text)
    assert error.reason == reason, str(error)
    assert reason in REASONS
    assert error.position == position, str(error)
    assert isinstance(error, ValueError)
    if position is not None:
        assert f"position {position}" in str(error)


def test_messages_are_plain_english():
    assert str(raised("1, 2, abc")) == "'abc' at position 6 is not a number"
    assert str(raised("0.1 nan")) == "nan at position 4: only finite numbers are allowed here"
    assert str(raised("1,2,,3")) == "missing number between commas at position 4"
    assert str(raised("[1, 2)")) == "')' at position 5 does not match the '[' at position 0"
    assert str(raised("   ")) == "there are no numbers in the text"
    assert str(raised("[[1, 2], [3]]")) == (
        "row 2 (the list at position 9) has 1 number, but row 1 has 2; "
        "every row needs the same length"
    )


def test_multi_line_messages_name_the_line():
    error = raised("1 2\n3 4\n5 abc")
    assert error.position == 10
    assert error.detail["line"] == 3
    assert str(error) == "'abc' at position 10 on line 3 is not a number"
    ragged = raised("1 2 3\n4 5")
    assert ragged.detail == {"row": 2, "length": 2, "expected": 3, "line": 2}
    assert "line 2 has 2 numbers, but the first line has 3" in str(ragged)


def test_detail_holds_what_the_gui_needs_to_translate():
    error = raised("[[1, 2, 3], [4]]")
    assert (error.detail["row"], error.detail["length"], error.detail["expected"]) == (2, 1, 3)
    assert raised("1 2 3 4", max_size=3).detail["limit"] == 3
    assert raised("[[[1]]]").detail["ndim"] == 3


def test_tokens_are_shown_as_typed_and_long_ones_are_shortened():
    error = raised("１，２，ａｂｃ")
    assert error.detail["token"] == "ａｂｃ"
    long_word = raised("x" * 1000)
    assert len(str(long_word)) < 100
    assert long_word.detail["token"].endswith("…")


def test_what_the_learner_typed_cannot_break_the_message():
    error = raised("{where} {0}")
    assert str(error) == "'{where}' at position 0 is not a number"


def test_parse_error_survives_pickling():
    error = raised("1, 2, abc")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.reason, copy.position, copy.detail, str(copy)) == (
        error.reason,
        error.position,
        error.detail,
        str(error),
    )


def test_max_ndim_limits_lines_and_brackets():
    assert parse_array("1 2 3", max_ndim=1).shape == (3,)
    assert raised("1 2\n3 4", max_ndim=1).position == 4
    assert raised("[[1, 2]]", max_ndim=1).position == 1
    assert raised("[1, 2] [3, 4]", max_ndim=1).reason == "too_deep"
    assert parse_array("[[[1], [2]], [[3], [4]]]", max_ndim=3).shape == (2, 2, 1)


def test_too_many_numbers_stop_the_reading_at_once():
    error = raised("1 2 3 4 abc", max_size=3)  # the word after the limit is never reached
    assert (error.reason, error.position) == ("too_large", 6)
    assert (
        str(error)
        == "there are more than 3 numbers, the most allowed here (number 4 is at position 6)"
    )
    huge = raised("1 " * 5_000_000)  # a 10 MB paste
    assert (huge.reason, huge.position) == ("too_large", 200_000)


SPACES = " " * 1_000_000


@pytest.mark.parametrize(
    ("text", "reason", "position"),
    [
        ("np.float64(" + SPACES + "1)", "not_a_number", 0),
        ("array(" + SPACES + "x", "unbalanced_brackets", 5),
        ("array([1]" + SPACES + ", dtype=" + SPACES + ")", "not_a_number", 1_000_011),
        (SPACES + "1 2\n" + SPACES + "3", "ragged", 2_000_004),
        ("1" + "\n " * 500_000 + "x", "not_a_number", 1_000_001),
        ("[" * 1_000_000, "too_deep", 2),
        ("[]" * 500_000, "empty", 0),
        ("x" * 1_000_000, "not_a_number", 0),
    ],
    ids=["scalar", "wrapper", "dtype", "spaces", "blank-lines", "brackets", "empty", "word"],
)
def test_long_adversarial_pastes_fail_fast(text, reason, position):
    # each of these took seconds to minutes with a tokenizer that backtracks quadratically
    error = raised(text)
    assert (error.reason, error.position) == (reason, position)


def test_a_number_too_big_for_float32_is_not_finite():
    error = raised("1, 1e39", dtype=np.float32)
    assert (error.reason, error.position) == ("not_finite", 3)
    assert "float32" in str(error)
    assert parse_array("1e39", dtype=np.float32, allow_nonfinite=True).tolist() == [math.inf]


def test_bad_options_are_the_callers_mistake_not_a_parse_error():
    for kw in ({"max_ndim": 0}, {"max_size": 0}, {"dtype": np.int64}, {"max_size": 1.5}):
        with pytest.raises(ValueError) as info:
            parse_array("1", **kw)
        assert not isinstance(info.value, ParseError), kw
    with pytest.raises(TypeError, match="must be a str"):
        parse_array(b"1, 2")


# --- vectors, matrices and class labels --------------------------------------------------------


@pytest.mark.parametrize("text", ["1 2 3", "[[1, 2, 3]]", "1\n2\n3", "[[1], [2], [3]]"])
def test_parse_vector_flattens_one_row_or_one_column(text):
    out = parse_vector(text)
    assert out.shape == (3,)
    assert out.tolist() == [1, 2, 3]


def test_parse_vector_refuses_a_table():
    with pytest.raises(ParseError) as info:
        parse_vector("0.1 0.9\n0.8 0.2\n0.3 0.7")
    assert info.value.reason == "not_a_vector"
    assert info.value.position == 8
    assert info.value.detail["shape"] == (3, 2)
    assert "3 rows and 2 columns" in str(info.value)


def test_parse_matrix_makes_a_row_into_a_table():
    assert parse_matrix("1 2 3").shape == (1, 3)
    assert parse_matrix("[[1], [2]]").shape == (2, 1)
    assert parse_matrix("0.1 0.9\n0.8 0.2").tolist() == [[0.1, 0.9], [0.8, 0.2]]
    with pytest.raises(ParseError, match="3-D"):
        parse_matrix("[[[1]]]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2", [2]), ("2, 7, 0", [2, 7, 0]), ("[2. 7. 0.]", [2, 7, 0]), ("1e1 -3", [10, -3])],
)
def test_parse_int_list_reads_whole_numbers(text, expected):
    out = parse_int_list(text)
    assert out.dtype == np.int64
    assert out.tolist() == expected


@pytest.mark.parametrize(
    ("text", "reason", "position"),
    [
        ("1, 2.5", "not_an_integer", 3),
        ("1e20", "out_of_range", 0),
        ("1, nan", "not_finite", 3),
        ("1 2\n3 4", "not_a_vector", 4),
        ("", "empty", None),
    ],
)
def test_parse_int_list_refuses_fractions_and_the_like(text, reason, position):
    with pytest.raises(ParseError) as info:
        parse_int_list(text)
    assert (info.value.reason, info.value.position) == (reason, position)
    assert str(info.value).startswith(
        {"not_an_integer": "'2.5' at position 3 is not a whole number"}.get(reason, "")
    )


def test_parse_int_list_keeps_the_largest_exact_integers():
    assert parse_int_list(f"{MAX_EXACT_INT}, -{MAX_EXACT_INT}").tolist() == [
        MAX_EXACT_INT,
        -MAX_EXACT_INT,
    ]
    with pytest.raises(ParseError, match="too big"):
        parse_int_list(f"{MAX_EXACT_INT * 2}")


# --- properties --------------------------------------------------------------------------------


@given(st.lists(finite, min_size=1, max_size=50))
def test_repr_of_any_finite_floats_reads_back_exactly(values):
    out = parse_array(", ".join(repr(float(v)) for v in values))
    assert out.shape == (len(values),)
    assert out.tolist() == values


@given(arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 6)), elements=finite))
def test_a_matrix_written_one_row_per_line_reads_back_exactly(arr):
    text = "\n".join(" ".join(repr(float(v)) for v in row) for row in arr)
    out = parse_matrix(text)
    assert out.shape == arr.shape
    np.testing.assert_array_equal(out, arr)


@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 6), st.integers(1, 6)),
        elements=st.floats(-1e300, 1e300, allow_nan=False),
    )
)
def test_str_of_any_matrix_reads_back_to_printing_precision(arr):
    with np.printoptions(**DEFAULT_PRINT):
        text = str(arr)
    out = parse_array(text)
    assert out.shape == arr.shape
    np.testing.assert_allclose(out, arr, rtol=1e-7, atol=1e-8)


@given(arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(1, 5)), elements=finite))
def test_format_array_at_17_digits_reads_back_exactly(arr):
    np.testing.assert_array_equal(parse_array(format_array(arr, precision=17)), arr)


NASTY = st.text(alphabet=st.sampled_from(list("0123456789.,+-eE[]() \n\t\r…nafix、，．［］−　")))


@settings(deadline=500)
@given(st.one_of(st.text(), NASTY), st.integers(1, 3), st.booleans())
def test_any_text_gives_an_array_or_a_parse_error(text, max_ndim, allow_nonfinite):
    try:
        out = parse_array(text, max_ndim=max_ndim, allow_nonfinite=allow_nonfinite)
    except ParseError as error:
        assert error.reason in REASONS
        assert error.position is None or 0 <= error.position <= len(text)
        assert str(error)
        return
    assert isinstance(out, np.ndarray)
    assert out.dtype == np.float64
    assert 1 <= out.ndim <= max_ndim
    assert out.size >= 1
    assert allow_nonfinite or np.isfinite(out).all()


@given(
    st.lists(st.integers(-MAX_EXACT_INT, MAX_EXACT_INT), min_size=1, max_size=30),
    st.sampled_from([", ", " ", ",", "\n", "、"]),
)
def test_parse_int_list_round_trips(values, separator):
    out = parse_int_list(separator.join(str(v) for v in values))
    assert out.dtype == np.int64
    assert out.tolist() == values


# --- speed -------------------------------------------------------------------------------------


def test_a_hundred_thousand_numbers_are_read_in_one_pass():
    values = np.random.default_rng(0).standard_normal(100_000)
    out = parse_array(", ".join(repr(float(v)) for v in values))
    assert out.shape == (100_000,)
    np.testing.assert_array_equal(out, values)


def test_a_large_table_in_numpys_full_print_is_read():
    arr = np.random.default_rng(1).standard_normal((200, 50))  # NumPy itself prints slowly
    with np.printoptions(**{**DEFAULT_PRINT, "threshold": np.inf}):
        text = str(arr)
    out = parse_array(text)
    assert out.shape == (200, 50)
    np.testing.assert_allclose(out, arr, rtol=1e-7, atol=1e-8)


# --- formatting --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        (0.09750000000000003, 6, "0.0975"),
        (0.510825457099338, 6, "0.510825"),
        (16.11809565095832, 6, "16.1181"),
        (1e-07, 6, "1e-07"),
        (2.06106005e-09, 6, "2.06106e-09"),
        (-0.0, 6, "0"),
        (math.nan, 6, "nan"),
        (math.inf, 6, "inf"),
        (-math.inf, 6, "-inf"),
        (2.0, 6, "2"),
        (0.510825457099338, 3, "0.511"),
        (np.float64(0.51), 6, "0.51"),
        (np.float32(0.1), 6, "0.1"),
        (np.int64(123456789), 6, "123456789"),
        (-1e-30, 6, "-1e-30"),
    ],
)
def test_format_number(value, precision, expected):
    assert format_number(value, precision) == expected


def test_format_number_refuses_what_is_not_a_real_number():
    for bad in ("0.5", 1 + 2j, None, True):
        with pytest.raises(ValueError, match="real number"):
            format_number(bad)
    with pytest.raises(ValueError, match="precision"):
        format_number(0.5, 0)


@pytest.mark.parametrize(
    ("arr", "expected"),
    [
        ([0.1, 0.05, 0.6], "[0.1 0.05 0.6]"),
        (np.array([[1, 2], [3, 4]]), "[[1 2]\n [3 4]]"),
        ([[1, 2.5], [3.25, 4]], "[[   1  2.5]\n [3.25    4]]"),
        ([-0.0, 0.510825457099338], "[0 0.510825]"),
        (np.float64(0.0975), "0.0975"),
        ([True, False], "[1 0]"),
        (np.arange(8.0).reshape(2, 2, 2), "[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]"),
    ],
)
def test_format_array(arr, expected):
    assert format_array(arr) == expected


def test_format_array_is_the_human_form_next_to_numpys():
    arr = np.array([0.09750000000000003, 0.510825457099338])
    with np.printoptions(**DEFAULT_PRINT):
        assert np.array2string(arr) == "[0.0975     0.51082546]"
    assert format_array(arr) == "[0.0975 0.510825]"
    assert format_array(arr, precision=3) == "[0.0975 0.511]"
    np.testing.assert_allclose(parse_array(format_array(arr)), arr, rtol=1e-6)
