"""The classroom: presenting a lesson (or a school's own PDF deck) to a class, Qt-free.

The presenter's state (:mod:`.presenter`), which screen shows what (:mod:`.screen_layout`),
the lesson series and its levels (:mod:`.lesson_series`, :mod:`.level_choice`), the log of
lessons given (:mod:`.lesson_log`), and PDF decks (:mod:`.pdf_decks`, pages rendered ahead in
:mod:`.pdf_deck_pages`). The widgets are in ``desktop.ui.presenter`` and the Lessen page.
"""
