"""The check before saving an entry: every field for personal data, observed facts for
interpretation."""

from __future__ import annotations

from desktop.concerns.entry_check import review
from desktop.concerns.entry_kinds import KINDS


def test_every_field_is_checked_for_personal_data() -> None:
    found = review(
        {
            "facts": "Stond bij het hek.",
            "pupil_words": "Bel me op 06-12345678",
            "interpretation": "Mevrouw Jansen denkt dat het klopt",
            "who": "mentor",
            "reason": "typfout van meneer Bakker",
        }
    )
    assert {(f.field, f.kind) for f in found} >= {
        ("pupil_words", "phone"),
        ("interpretation", "name"),
        ("reason", "name"),
    }
    phone = next(f for f in found if f.kind == "phone")
    assert phone.text == "06-12345678"
    assert "06-12345678" in phone.describe()


def test_interpretation_is_flagged_in_observed_facts_only() -> None:
    text = {"facts": "Ik denk dat de leerling bang is.", "interpretation": "Ik denk van wel."}
    observed = review(text, observed=True)
    assert [(f.field, f.kind) for f in observed] == [("facts", "interpretation")]
    assert review(text, observed=False) == []
    assert review({"interpretation": "Waarschijnlijk onder druk."}) == []


def test_the_kinds_that_record_what_was_seen_or_heard_are_observed() -> None:
    observed = {kind for kind, spec in KINDS.items() if spec.observed}
    assert observed == {"observation", "conversation"}
