"""``core`` is plain NumPy: importing all of it loads no Qt, no pyqtgraph, no GUI code."""

import subprocess
import sys
from pathlib import Path

CORE_DIR = Path(__file__).resolve().parents[2] / "core"
CORE_MODULES = [
    "core",
    *(
        ".".join(("core", *path.relative_to(CORE_DIR).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for path in sorted(CORE_DIR.rglob("*.py"))
    ),
]

FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "zdl_gui", "sklearn")


def test_every_core_module_is_checked():
    assert {"core.functions", "core.parsing", "core.perceptron"} <= set(CORE_MODULES)
    assert all("__" not in name for name in CORE_MODULES)


def test_core_imports_no_gui_and_stays_light():
    code = (
        f"import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        f"    importlib.import_module(name)\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        f"print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "", f"core loaded: {result.stdout.strip()}"
