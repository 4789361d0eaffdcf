"""The care coordinator's workflow, without Qt: the checks that run on a concern's free text.

A concern (zorg) is logged under a case code, never a pupil's name. :mod:`desktop.concerns.privacy`
looks through free text for what identifies a person (a name, e-mail address, phone number,
BSN, postcode, address, date of birth or social-media account) and, in an observation's facts
field, for words of interpretation, so that the coordinator is warned before the entry is saved.

Nothing here imports Qt; ``python -m desktop.concerns privacy-check`` runs the check from a
terminal.
"""
