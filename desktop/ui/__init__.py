"""Qt widgets and windows only: pages, dialogs, the presenter.

No SQL, no PDF drawing and no business rule here: the widgets call `desktop/` and `toolkit/`.
"""
