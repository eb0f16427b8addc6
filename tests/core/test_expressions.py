"""The safe formula language of the §4.3–4.4 views: what it reads, what it refuses, how it evaluates."""

import builtins
import math
import pickle
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.expressions import (
    FUNCTION_NAMES,
    MAX_DEPTH,
    MAX_LENGTH,
    REASONS,
    Expression,
    ExpressionError,
    parse_function,
)


def sigmoid(v):
    return 1 / (1 + math.exp(-v))


# --- what it reads ----------------------------------------------------------------------------

ACCEPTED = [
    # (text, x, value computed by hand with Python's math)
    ("0.01*x**2 + 0.1*x", 5.0, 0.01 * 25 + 0.5),
    ("0.01x^2 + 0.1x", 5.0, 0.75),  # implicit products, as learners write it
    ("0.01x² + 0.1x", 10.0, 2.0),  # a superscript square
    ("x^2", -3.0, 9.0),
    ("-x^2", 3.0, -9.0),  # minus binds looser than the power
    ("(-x)^2", 3.0, 9.0),
    ("2^3^2", 0.0, 512.0),  # right-associative
    ("2**-1", 0.0, 0.5),
    ("x⁻¹", 4.0, 0.25),
    ("1/2x", 4.0, 2.0),  # left to right: (1/2)·x
    ("2(x + 1)", 3.0, 8.0),
    ("(x + 1)(x - 1)", 3.0, 8.0),
    ("x(x + 1)", 3.0, 12.0),
    ("|x - 3|", 1.0, 2.0),
    ("||x| - 1|", -0.5, 0.5),
    ("abs(x)", -2.5, 2.5),
    ("sin(x)^2 + cos(x)^2", 0.7, 1.0),
    ("tan(x)", 0.3, math.tan(0.3)),
    ("tanh(x)", 0.0, 0.0),
    ("exp(x)", 1.0, math.e),
    ("e^x", 2.0, math.exp(2.0)),
    ("log(e)", 0.0, 1.0),
    ("ln(x)", math.e**2, 2.0),
    ("log10(x)", 1000.0, 3.0),
    ("sqrt(x)", 16.0, 4.0),
    ("sigmoid(x)", 0.0, 0.5),  # A3: the sigmoid at 0
    ("sigmoid(x)", -5.0, sigmoid(-5.0)),
    ("relu(x)", -1.0, 0.0),
    ("relu(x)", 100.0, 100.0),
    ("2pi x", 1.0, 2 * math.pi),
    ("π", 0.0, math.pi),
    ("3 × x · 2", 1.0, 6.0),
    ("x ⋅ x ∗ x", 2.0, 8.0),
    ("x − 1", 3.0, 2.0),  # the minus sign U+2212
    ("x ÷ 4", 2.0, 0.5),
    ("ｘ＾２ ＋ １", 3.0, 10.0),  # full width, as a Japanese IME types it
    (".5x", 4.0, 2.0),
    ("1e-4 * x", 2.0, 2e-4),
    ("+x", 2.0, 2.0),
    ("--x", 2.0, 2.0),
    ("7", 123.0, 7.0),
    ("x^1000", 1.0, 1.0),  # the largest exponent allowed
    ("x^x", 2.0, 4.0),
]


@pytest.mark.parametrize(("text", "x", "expected"), ACCEPTED)
def test_accepted_formulas_evaluate_as_mathematics(text, x, expected):
    f = parse_function(text)
    assert isinstance(f, Expression)
    assert f(x) == pytest.approx(expected, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize(
    ("text", "point", "expected"),
    [
        ("x0^2 + x1^2", (3.0, 4.0), 25.0),  # the book's function_2
        ("x^2 + y^2", (3.0, 4.0), 25.0),  # x and y mean x0 and x1
        ("x0² + x1²", (3.0, 4.0), 25.0),
        ("x0^2/20 + x1^2", (-7.0, 2.0), 49 / 20 + 4),
        ("x0 x1", (2.0, 5.0), 10.0),
        ("x0 - x1", (2.0, 5.0), -3.0),
    ],
)
def test_two_variable_formulas(text, point, expected):
    f = parse_function(text, 2)
    assert f.variables == ("x0", "x1")
    assert f(*point) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "n", "canonical"),
    [
        ("0.01x^2+0.1x", 1, "0.01·x² + 0.1·x"),
        ("1/2x", 1, "0.5·x"),
        ("(x+1)(x-1)", 1, "(x + 1)·(x − 1)"),
        ("x - (x - 1)", 1, "x − (x − 1)"),
        ("-x^2", 1, "−x²"),
        ("(-x)^2", 1, "(−x)²"),
        ("2^x", 1, "2^x"),
        ("|x|", 1, "|x|"),
        ("x^0.5", 1, "x^0.5"),
        ("x0^2 + y^2", 2, "x0² + x1²"),
        ("x^2 + x1^2", 2, "x0² + x1²"),
    ],
)
def test_canonical_form_shows_how_the_formula_was_read(text, n, canonical):
    assert parse_function(text, n).canonical == canonical


# --- what it refuses ---------------------------------------------------------------------------

REFUSED = [
    # (text, reason, position, construct or None)
    ("__import__('os')", "not_allowed", 0, "private_name"),
    ("x.__class__", "not_allowed", 1, "attribute"),
    ("(lambda: 1)()", "not_allowed", 1, "keyword"),
    ("import os", "not_allowed", 0, "keyword"),
    ("x if x else 1", "not_allowed", 2, "keyword"),
    ("'a'", "not_allowed", 0, "string"),
    ('"x"', "not_allowed", 0, "string"),
    ("x[0]", "not_allowed", 1, "subscript"),
    ("x == 1", "not_allowed", 2, "comparison"),
    ("x < 1", "not_allowed", 2, "comparison"),
    ("x = 1", "not_allowed", 2, "assignment"),
    ("x, 1", "not_allowed", 1, "comma"),
    ("9**9**9", "too_large", 3, None),
    ("x^1001", "too_large", 2, None),
    ("x^-2000", "too_large", 2, None),
    ("1e999", "too_large", 0, None),
    ("", "empty", None, None),
    ("   ", "empty", None, None),
    ("x +", "syntax", 3, None),
    ("x + * 2", "syntax", 4, None),
    ("()", "syntax", 1, None),
    ("2 3", "syntax", 2, None),
    ("sin x", "syntax", 4, None),
    ("(x", "unbalanced", 0, None),
    ("x)", "unbalanced", 1, None),
    ("|x", "unbalanced", 0, None),
    ("foo(x)", "unknown_function", 0, None),
    ("print(x)", "unknown_function", 0, None),
    ("eval(x)", "unknown_function", 0, None),
    ("z", "unknown_name", 0, None),
    ("x0", "unknown_name", 0, None),  # one variable: only x
    ("os", "unknown_name", 0, None),
    ("exp()", "arguments", 0, None),
    ("exp(x, 2)", "arguments", 0, None),
    ("1.2.3", "bad_number", 0, None),
    ("√x", "bad_character", 0, None),
    ("x @ x", "bad_character", 2, None),
    ("x; 1", "bad_character", 1, None),
    ("ｘ＋＊", "syntax", 2, None),  # the position counts typed characters
]


@pytest.mark.parametrize(("text", "reason", "position", "construct"), REFUSED)
def test_refused_formulas_say_what_and_where(text, reason, position, construct):
    with pytest.raises(ExpressionError) as info:
        parse_function(text)
    err = info.value
    assert err.reason == reason
    assert err.reason in REASONS
    assert err.position == position
    if construct is not None:
        assert err.detail["construct"] == construct
    assert isinstance(err, ValueError) and str(err)


def test_square_root_sign_comes_with_a_hint():
    with pytest.raises(ExpressionError) as info:
        parse_function("√x")
    assert info.value.detail["hint"] == "sqrt"


def test_unknown_names_list_what_is_allowed():
    with pytest.raises(ExpressionError) as info:
        parse_function("z", 2)
    assert info.value.detail["allowed"] == ("x0", "x1", "x", "y")
    with pytest.raises(ExpressionError) as info:
        parse_function("cosh(x)")
    assert info.value.detail["functions"] == FUNCTION_NAMES


def test_length_and_depth_limits():
    long_text = "x+" * (MAX_LENGTH // 2) + "x"
    with pytest.raises(ExpressionError) as info:
        parse_function(long_text)
    assert info.value.reason == "too_long"
    assert info.value.detail["limit"] == MAX_LENGTH
    parse_function("(" * (MAX_DEPTH - 1) + "x" + ")" * (MAX_DEPTH - 1))
    with pytest.raises(ExpressionError) as info:
        parse_function("(" * (MAX_DEPTH + 1) + "x" + ")" * (MAX_DEPTH + 1))
    assert info.value.reason == "too_deep"
    with pytest.raises(ExpressionError) as info:
        parse_function("-" * 100 + "x")
    assert info.value.reason == "too_deep"
    with pytest.raises(ExpressionError) as info:
        parse_function("x^" * 100 + "x")
    assert info.value.reason == "too_deep"
    # a long flat sum is long, not deep
    assert parse_function("x+" * 200 + "x")(1.0) == 201.0


def test_non_text_is_a_type_error():
    with pytest.raises(TypeError):
        parse_function(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="n_variables"):
        parse_function("x", 3)


def test_errors_survive_pickling():
    with pytest.raises(ExpressionError) as info:
        parse_function("x +")
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.reason, again.position, again.detail) == ("syntax", 3, info.value.detail)


def test_no_eval_exec_or_compile_is_used(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("the parser must not run Python code")

    for name in ("eval", "exec", "compile", "__import__"):
        monkeypatch.setattr(builtins, name, forbidden)
    f = parse_function("sigmoid(x) + exp(-x^2) + |x|")
    assert f(0.0) == pytest.approx(0.5 + 1.0)
    assert f.derivative(1.0) == pytest.approx(sigmoid(1) * (1 - sigmoid(1)) - 2 * math.exp(-1) + 1)


# --- evaluating ---------------------------------------------------------------------------------


def test_vectorised_and_float32_stays_float32():
    f = parse_function("0.01x^2 + 0.1x")
    x = np.linspace(0, 20, 5)
    np.testing.assert_allclose(f(x), 0.01 * x**2 + 0.1 * x)
    x32 = np.array([5.0, 10.0], dtype=np.float32)
    assert f(x32).dtype == np.float32
    assert f(np.float32(5.0)).dtype == np.float32
    np.testing.assert_array_equal(f(x32), np.float32(0.01) * x32**2 + np.float32(0.1) * x32)
    assert f(np.arange(3)).dtype == np.float64  # integers become float64
    constant = parse_function("pi")
    assert constant(np.zeros((2, 3), dtype=np.float32)).shape == (2, 3)
    assert constant(np.zeros(3, dtype=np.float32)).dtype == np.float32
    assert constant.is_constant and not f.is_constant


def test_two_variables_broadcast():
    f = parse_function("x0^2 + x1^2", 2)
    X0, X1 = np.meshgrid(np.arange(3.0), np.arange(4.0), indexing="ij")
    z = f(X0, X1)
    assert z.shape == (3, 4)
    np.testing.assert_array_equal(z, X0**2 + X1**2)
    with pytest.raises(ValueError, match="2 argument"):
        f(1.0)
    with pytest.raises(ValueError, match="real numbers"):
        f("a", 1.0)


def test_the_callers_array_is_not_changed():
    x = np.array([1.0, 2.0, 3.0])
    before = x.copy()
    f = parse_function("x^2 - x")
    f(x)
    f.derivative(x)
    np.testing.assert_array_equal(x, before)


def test_undefined_points_give_nan_or_inf_without_warnings():
    # pytest turns every warning into an error, so a RuntimeWarning here would fail the test
    assert np.isnan(parse_function("log(x)")(-1.0))
    assert np.isinf(parse_function("1/x")(0.0))
    assert np.isnan(parse_function("sqrt(x)")(-4.0))
    assert np.isinf(parse_function("exp(x)")(1000.0))
    assert np.isnan(parse_function("x/x")(0.0))
    assert np.isinf(parse_function("1/0")(1.0))
    values = parse_function("log(x)")(np.array([-1.0, 0.0, 1.0]))
    assert np.isnan(values[0]) and values[1] == -np.inf and values[2] == 0.0


# --- exact derivatives by automatic differentiation ---------------------------------------------

DERIVATIVES = [
    ("0.01x^2 + 0.1x", lambda x: 0.02 * x + 0.1),
    ("x^3", lambda x: 3 * x**2),
    ("1/x", lambda x: -1 / x**2),
    ("exp(sin(x))", lambda x: math.cos(x) * math.exp(math.sin(x))),
    ("x^x", lambda x: x**x * (math.log(x) + 1)),
    ("2^x", lambda x: 2**x * math.log(2)),
    ("sqrt(x)", lambda x: 0.5 / math.sqrt(x)),
    ("log(x)", lambda x: 1 / x),
    ("log10(x)", lambda x: 1 / (x * math.log(10))),
    ("tan(x)", lambda x: 1 / math.cos(x) ** 2),
    ("tanh(x)", lambda x: 1 - math.tanh(x) ** 2),
    ("cos(x)", lambda x: -math.sin(x)),
    ("sigmoid(x)", lambda x: sigmoid(x) * (1 - sigmoid(x))),
    ("relu(x)", lambda x: 1.0),
    ("|x|", lambda x: 1.0),
    ("x/(1 + x^2)", lambda x: (1 - x**2) / (1 + x**2) ** 2),
]


@pytest.mark.parametrize(("text", "derivative"), DERIVATIVES)
@pytest.mark.parametrize("x", [0.3, 1.7, 2.5])
def test_derivative_is_exact(text, derivative, x):
    assert parse_function(text).derivative(x) == pytest.approx(derivative(x), rel=1e-12)


def test_derivative_at_a_corner_does_not_exist():
    for text in ("abs(x)", "|x|", "relu(x)"):
        assert np.isnan(parse_function(text).derivative(0.0)), text
    d = parse_function("relu(x)").derivative(np.array([-1.0, 0.0, 2.0]))
    assert d[0] == 0.0 and np.isnan(d[1]) and d[2] == 1.0
    assert np.isinf(parse_function("sqrt(x)").derivative(0.0))


def test_gradient_of_two_variables():
    f = parse_function("x0^2 + x1^2", 2)
    np.testing.assert_array_equal(f.gradient(3.0, 4.0), [6.0, 8.0])
    g = parse_function("x0^2 * x1 + sqrt(x1)", 2)
    np.testing.assert_allclose(g.gradient(3.0, 4.0), [2 * 3 * 4, 9 + 0.5 / 2])
    # ∂/∂x0 of sqrt(x1) at x1 = 0 is 0, not 0·inf = nan
    assert parse_function("x0 + sqrt(x1)", 2).derivative(1.0, 0.0, wrt=0) == 1.0
    with pytest.raises(ValueError, match="wrt"):
        f.derivative(1.0, 2.0, wrt=2)


# --- any text at all ----------------------------------------------------------------------------

FORMULA_ALPHABET = "x0123456789.+-*/^()|, eπ²⁻sincotaxplgqrdhbmu_'\"[]=<>;@ ×·−ｘ"


def check_any_text(text, n):
    started = time.perf_counter()
    try:
        f = parse_function(text, n)
    except ExpressionError as err:
        assert err.reason in REASONS
        assert err.position is None or 0 <= err.position <= len(text)
    else:
        grid = np.linspace(-3, 3, 7)
        args = (grid,) * n
        assert f(*args).shape == (7,)
        assert f.derivative(*args).shape == (7,)
    assert time.perf_counter() - started < 0.5


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=FORMULA_ALPHABET, max_size=60), st.sampled_from([1, 2]))
def test_formula_like_text_parses_or_raises_expression_error_only(text, n):
    check_any_text(text, n)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_parses_or_raises_expression_error_only(text):
    check_any_text(text, 1)
