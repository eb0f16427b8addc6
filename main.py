from zdl_gui.app import main

raise SystemExit(main())
