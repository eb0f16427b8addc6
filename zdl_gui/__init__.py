"""ZDL Studio's Qt application: one module per study tab, all numbers from ``core``."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("zdl-gui")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"
