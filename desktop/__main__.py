"""`python -m desktop`: the composition root hands over to the UI's staged start-up."""

from desktop.ui.app import main

raise SystemExit(main())
