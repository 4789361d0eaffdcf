"""Verwijsbrief: the referral letter a care coordinator sends from a case (shared/domain.md 4).

Qt-free: the dialog in ``desktop.ui.referrals`` collects the coordinator's choices
(:class:`~desktop.referrals.choices.LetterChoices`), this package checks them against the law
(:mod:`desktop.vault.sharing`), fills the letter's sections from the case, has ``toolkit`` draw
the PDF and logs every export and print in the vault.

Terms: a *verwijsbrief* is a covering letter with the facts, not a replacement for a region's
own forms; the *zorgcoördinator mensenhandel* is the regional care coordinator for trafficking;
the *grondslag* is the legal basis for sharing: *toestemming* (consent), *meldrecht* (art. 5.2.6
Wmo 2015, to Veilig Thuis without consent) or *conflict van plichten* (breaking confidentiality
as the only way to prevent serious harm).
"""
