"""``python -m zdl_gui``: the same as the ``zdl-gui`` command."""

from zdl_gui.app import main

raise SystemExit(main())
