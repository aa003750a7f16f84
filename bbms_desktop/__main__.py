from bbms_desktop.cli import main

raise SystemExit(main())
