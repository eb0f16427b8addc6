"""Test set-up shared by every test: Qt without a screen."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
