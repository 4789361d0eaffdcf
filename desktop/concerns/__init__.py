"""The care coordinator's concern log (zorgmeldingen), without Qt widgets.

A concern (zorg) is logged under a case code, never a pupil's name. Here live the rules and
words the concern screens use: the session with the vault and when it locks
(:mod:`~desktop.concerns.session`, :mod:`~desktop.concerns.idle`), the case list's columns and
filters, the meldcode and afwegingskader, the audit log in words, the passphrase's strength,
and :mod:`~desktop.concerns.privacy`, which looks through free text for what identifies a
person (a name, e-mail address, phone number, BSN, postcode, address, date of birth or
social-media account) and, in a facts field, for words of interpretation, so that the
coordinator is warned before an entry is saved.

Modules here may use QtCore (signals, timers, threads) but never QtWidgets;
``python -m desktop.concerns privacy-check`` runs the privacy check from a terminal.
"""
