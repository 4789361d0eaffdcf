"""The concern log's screens (zorgmeldingen): opening the vault, the case list, a case.

Widgets only: what they show and save comes from ``desktop.concerns`` and ``desktop.vault``.
"""
