"""Sentences and colours shared by the pages of the matrix-shapes tab (§3.3–3.4).

:mod:`core.matrix_shapes` returns records (a :class:`~core.matrix_shapes.DotCheck`, a
:class:`~core.matrix_shapes.ShapeError` with its reason code); the functions here turn them into
translated sentences, all in the translation context ``"ShapesTab"``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette

from core.matrix_shapes import MAX_DIM, MAX_NDIM, DotCheck, ShapeError, format_shape
from zdl_gui.theme import curve_color

CHECK, CROSS = "✓", "✗"
#: The Okabe–Ito colours for "the dimensions match" (blue) and "they do not" (vermillion).
MATCH_INDEX, MISMATCH_INDEX = 0, 3


def match_color(ok: bool, palette: QPalette | None = None) -> QColor:
    """Blue when the two dimensions match, vermillion when not (colour-blind safe)."""
    return curve_color(MATCH_INDEX if ok else MISMATCH_INDEX, palette)


def shape_error_text(err: ShapeError) -> str:
    """A translated sentence for a shape that cannot be used, from its reason code."""
    token = str(err.detail.get("token", ""))
    index = err.detail.get("index")
    where = (
        QCoreApplication.translate("ShapesTab", "dimension {0}").format(int(index) + 1)
        if isinstance(index, int)
        else QCoreApplication.translate("ShapesTab", "the shape")
    )
    reason = err.reason
    if reason == "empty":
        return QCoreApplication.translate(
            "ShapesTab",
            "Type a shape, for example 2, 3 (or 2x3, or (2, 3)); 3 alone is a 1-D array.",
        )
    if reason == "not_a_number":
        return QCoreApplication.translate(
            "ShapesTab", "'{0}' in {1} is not a number. Use whole numbers such as 2, 3."
        ).format(token, where)
    if reason == "missing_number":
        return QCoreApplication.translate(
            "ShapesTab", "A number is missing in '{0}'. Write the dimensions like 2, 3."
        ).format(token)
    if reason == "unbalanced_brackets":
        return QCoreApplication.translate(
            "ShapesTab", "The brackets in '{0}' do not match. Write (2, 3) or simply 2, 3."
        ).format(token)
    if reason == "not_whole":
        return QCoreApplication.translate(
            "ShapesTab",
            "{0} in {1}: a dimension must be a whole number ≥ 1 (it counts rows or columns).",
        ).format(token, where)
    if reason == "not_positive":
        return QCoreApplication.translate(
            "ShapesTab",
            "{0} in {1}: a dimension must be a whole number ≥ 1. An array with 0 rows or "
            "columns holds no numbers, and a negative length does not exist.",
        ).format(token, where)
    if reason == "too_large":
        return QCoreApplication.translate(
            "ShapesTab", "{0} in {1} is too large: at most {2} per dimension here."
        ).format(token, where, f"{MAX_DIM:,}")
    if reason == "too_many_dims":
        return QCoreApplication.translate(
            "ShapesTab", "This page shows shapes with at most {0} dimensions, got {1}."
        ).format(MAX_NDIM, token)
    return str(err)


def match_sentence(check: DotCheck, a: str = "A", b: str = "B") -> str:
    """Which two dimensions np.dot needs equal, with the actual numbers (§3.3.2)."""
    rule = check.rule
    if rule == "matrix":
        text = QCoreApplication.translate(
            "ShapesTab", "The number of columns of {0} must equal the number of rows of {1}."
        )
    elif rule == "vector_matrix":
        text = QCoreApplication.translate(
            "ShapesTab",
            "{0} is 1-D and acts as a row: its length must equal the number of rows of {1}.",
        )
    elif rule == "matrix_vector":
        text = QCoreApplication.translate(
            "ShapesTab",
            "{1} is 1-D and acts as a column: the number of columns of {0} must equal its length.",
        )
    elif rule == "inner":
        text = QCoreApplication.translate(
            "ShapesTab",
            "Both are 1-D: np.dot multiplies them element by element, so the lengths must be equal.",
        )
    else:
        text = QCoreApplication.translate(
            "ShapesTab",
            "With 3 dimensions np.dot sums over the last axis of {0} and the second-to-last "
            "axis of {1}: those two lengths must be equal.",
        )
    return text.format(a, b)


def comparison_text(check: DotCheck, a: str = "A", b: str = "B") -> str:
    """The two numbers compared, e.g. "columns of A = 3, rows of B = 3: 3 = 3 ✓"."""
    left = _side_name(check, "a", a)
    right = _side_name(check, "b", b)
    if check.ok:
        verdict = f"{check.dim_a} = {check.dim_b} {CHECK}"
    else:
        verdict = f"{check.dim_a} ≠ {check.dim_b} {CROSS}"
    return QCoreApplication.translate("ShapesTab", "{0} = {1}, {2} = {3}:  {4}").format(
        left, check.dim_a, right, check.dim_b, verdict
    )


def _side_name(check: DotCheck, side: str, name: str) -> str:
    """ "columns of A", "length of B", "axis 2 of A" … for the dimension that must match."""
    ndim = len(check.shape_a if side == "a" else check.shape_b)
    if ndim == 1:
        return QCoreApplication.translate("ShapesTab", "length of {0}").format(name)
    if ndim == 2:
        return (
            QCoreApplication.translate("ShapesTab", "columns of {0}")
            if side == "a"
            else QCoreApplication.translate("ShapesTab", "rows of {0}")
        ).format(name)
    axis = check.axis_a if side == "a" else check.axis_b
    return QCoreApplication.translate("ShapesTab", "axis {0} of {1}").format(axis, name)


def result_sentence(check: DotCheck, a: str = "A", b: str = "B") -> str:
    """Where the result's shape comes from (§3.3.2), or why there is none."""
    if check.result_shape is None:
        return QCoreApplication.translate(
            "ShapesTab",
            "{0} ≠ {1}, so there is nothing to pair up: NumPy stops with a ValueError. Change "
            "one of the two highlighted numbers so they agree.",
        ).format(check.dim_a, check.dim_b)
    shape = format_shape(check.result_shape)
    rule = check.rule
    if rule == "matrix":
        return QCoreApplication.translate(
            "ShapesTab",
            "The result takes its rows from {0} ({1}) and its columns from {2} ({3}): {4}.",
        ).format(a, check.shape_a[0], b, check.shape_b[1], shape)
    if rule == "vector_matrix":
        return QCoreApplication.translate(
            "ShapesTab", "The result is 1-D with one number per column of {0}: {1}."
        ).format(b, shape)
    if rule == "matrix_vector":
        return QCoreApplication.translate(
            "ShapesTab", "The result is 1-D with one number per row of {0}: {1}."
        ).format(a, shape)
    if rule == "inner":
        return QCoreApplication.translate(
            "ShapesTab", "The result is a single number (a 0-D array of shape {0})."
        ).format(shape)
    return QCoreApplication.translate(
        "ShapesTab",
        "The result's shape is {0}'s shape without its last axis followed by {1}'s shape without "
        "the summed axis: {2}.",
    ).format(a, b, shape)


def cost_text(check: DotCheck) -> str:
    """How many multiply-adds np.dot does (nothing when it fails)."""
    if not check.ok:
        return ""
    return QCoreApplication.translate(
        "ShapesTab", "np.dot does {0} multiplications (and as many additions) for this."
    ).format(f"{check.multiply_adds:,}")
