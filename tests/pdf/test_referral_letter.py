"""The referral letter: user text printed literally, any script drawn, nothing of the case in
the metadata, the confidentiality mark, page x of y and the audit head on every page, the
interpretation only when chosen, long letters split cleanly, the logo drawn or skipped, and
the example content checked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from lessons.datafile import ContentError
from tests.pdf.fonts import fonts_of
from toolkit.pdf_password import lock
from toolkit.referral_example import content_file, read_example
from toolkit.referral_letter import (
    LABELS,
    SECTION_KEYS,
    LetterEntry,
    Letterhead,
    Recipient,
    ReferralLetter,
    Section,
    Signatory,
    example_letter,
    file_name,
    format_date,
    referral_letter,
    write_samples,
)

ODD = ("AT&T", "<Jansen & Zn>", "a < b > c &amp;")
WORLD = "Школа №5 مدرسة النور"
AUDIT = "128:3f2a9c01e5d7b4a1"


def entry(number: int = 1, **changes: object) -> LetterEntry:
    fields: dict[str, object] = {
        "date": format_date(dt.date(2025, 1, 1) + dt.timedelta(days=number), "nl"),
        "kind": "Waarneming",
        "who": "mentor",
        "facts": f"Feit nummer {number}: de leerling had twee telefoons bij zich.",
        "signals": ("Heeft meer dan één telefoon en doet daar geheimzinnig over",),
    }
    fields.update(changes)
    return LetterEntry(**fields)  # type: ignore[arg-type]


def letter(
    *sections: Section, language: str = "nl", audit_head: str = AUDIT, **changes: object
) -> ReferralLetter:
    fields: dict[str, object] = {
        "language": language,
        "letterhead": Letterhead("OSG De Brug", "Bruggenlaan 12\n1234 AB Voorbeeldstad"),
        "recipient": Recipient("Zorgcoördinatie regio", "", "Postbus 1\n1200 AA Voorbeeldstad"),
        "date": format_date(dt.date(2026, 11, 30), language),
        "case_code": "2026-001",
        "sections": sections or (Section("reason", text="Zorgen over verzuim."),),
        "signatory": Signatory("A. Voorbeeld", "zorgcoördinator", "010-0000000", "z@x.example"),
        "audit_head": audit_head,
    }
    fields.update(changes)
    return ReferralLetter(**fields)  # type: ignore[arg-type]


def page_texts(data: bytes) -> list[str]:
    return [
        re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages
    ]


def images_on(data: bytes, page: int = 0) -> int:
    resources = PdfReader(io.BytesIO(data)).pages[page]["/Resources"]
    xobjects = resources.get("/XObject", {})
    return sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")


def test_user_text_is_printed_literally() -> None:
    school, organisation, text = ODD
    data = referral_letter(
        letter(
            Section("reason", text=f"{text} en <b>vet</b>"),
            Section("pupil", facts=((organisation, school),)),
            Section("signals", entries=(entry(facts=text, pupil_words=school, who=organisation),)),
            letterhead=Letterhead(school, organisation),
            recipient=Recipient(organisation, school, text),
            signatory=Signatory(organisation, school, text, school),
        )
    )
    joined = " ".join(page_texts(data))
    assert f"{text} en <b>vet</b>" in joined
    for odd in ODD:
        assert joined.count(odd) >= 3, odd


def test_cyrillic_and_arabic_are_drawn_with_embedded_fonts() -> None:
    data = referral_letter(
        letter(
            Section("reason", text=WORLD),
            letterhead=Letterhead(WORLD, ""),
            recipient=Recipient(WORLD),
        )
    )
    fonts = fonts_of(data)
    assert fonts
    assert all(fonts.values()), fonts  # every font's file is in the PDF
    assert all(name.split("+")[-1].startswith("DejaVu") for name in fonts), fonts
    text = page_texts(data)[0]
    assert text.count("Школа №5") >= 3
    assert re.search("[\u0600-\u06ff]{4}", text)  # the Arabic letters are there (unshaped)


def test_metadata_is_generic() -> None:
    names = letter(
        Section("pupil", text="Jan Jansen, geboren 1 mei 2011"),
        recipient=Recipient("Veilig Thuis regio", "mevrouw De Vries"),
    )
    for language in ("nl", "en"):
        data = referral_letter(dataclasses.replace(names, language=language))
        metadata = PdfReader(io.BytesIO(data)).metadata or {}
        assert metadata.get("/Title") == LABELS[language].title
        assert metadata.get("/Author") == "Schoolsignaal"
        assert not metadata.get("/Subject")
        assert not metadata.get("/Keywords")
        values = " ".join(str(value) for value in metadata.values())
        for secret in ("2026-001", "Brug", "Jansen", "De Vries", "Veilig Thuis", "Voorbeeld"):
            assert secret not in values


def test_every_page_is_marked_numbered_and_carries_the_audit_head() -> None:
    data = referral_letter(letter(Section("signals", entries=tuple(entry(n) for n in range(40)))))
    pages = page_texts(data)
    assert len(pages) >= 4
    for number, text in enumerate(pages, start=1):
        assert "Vertrouwelijk" in text
        assert f"pagina {number} van {len(pages)}" in text
        assert f"Kluisstand bij het maken: {AUDIT}" in text
        if number > 1:
            assert "OSG De Brug · Verwijzing, melding 2026-001" in text  # the running head


def test_no_audit_line_without_an_audit_head() -> None:
    text = page_texts(referral_letter(letter(audit_head="")))[0]
    assert "Kluisstand" not in text
    assert "pagina 1 van 1" in text


def test_the_interpretation_only_when_chosen() -> None:
    facts_only = entry(1, interpretation=None)
    with_view = entry(2, interpretation="MARKER-VIEW lijkt op een koerier")
    label = LABELS["nl"].interpretation
    text = " ".join(page_texts(referral_letter(letter(Section("signals", entries=(facts_only,))))))
    assert label not in text
    assert "Feit nummer 1" in text
    text = " ".join(page_texts(referral_letter(letter(Section("signals", entries=(with_view,))))))
    assert f"{label}: MARKER-VIEW lijkt op een koerier" in text


def test_the_pupils_words_are_quoted_apart() -> None:
    data = referral_letter(
        letter(Section("signals", entries=(entry(pupil_words="Ik help iemand."),)))
    )
    text = page_texts(data)[0]
    assert "De leerling zei: “Ik help iemand.”" in text


def test_empty_sections_are_left_out_and_a_note_alone_is_kept() -> None:
    headings = LABELS["nl"].headings
    data = referral_letter(
        letter(
            Section("reason", text="Zorgen over verzuim."),
            Section("safety", text="  \n\n "),
            Section("signals", note="4 aantekeningen uit het dossier zijn niet opgenomen."),
            Section("request"),
        )
    )
    text = " ".join(page_texts(data))
    assert headings["reason"] in text
    assert headings["signals"] in text
    assert "4 aantekeningen uit het dossier zijn niet opgenomen." in text
    assert headings["safety"] not in text
    assert headings["request"] not in text


def test_sections_follow_the_domain_order() -> None:
    shuffled = tuple(Section(key, text=f"tekst {key}") for key in reversed(SECTION_KEYS))
    text = " ".join(page_texts(referral_letter(letter(*shuffled))))
    positions = [text.index(LABELS["nl"].headings[key]) for key in SECTION_KEYS]
    assert positions == sorted(positions)


def test_an_unknown_section_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown section 'names'"):
        referral_letter(letter(Section("names", text="x")))


def test_two_hundred_entries_split_over_pages_with_every_date() -> None:
    entries = tuple(entry(n) for n in range(200))
    pages = page_texts(referral_letter(letter(Section("signals", entries=entries))))
    text = " ".join(pages)
    assert len(pages) > 20
    found = [text.find(f"{item.date} · Waarneming door mentor") for item in entries]
    assert all(position >= 0 for position in found)
    assert found == sorted(found)  # in order, none lost
    assert text.count("Feit nummer") == 200


def test_an_entry_taller_than_a_page_still_splits() -> None:
    long_facts = " ".join(f"Zin {n} van een heel lang verslag." for n in range(600)) + " EINDE"
    giant = entry(1, facts=long_facts, interpretation="x " * 800 + "SLOT")
    pages = page_texts(referral_letter(letter(Section("signals", entries=(giant,)))))
    assert len(pages) >= 3
    text = " ".join(pages)
    assert "EINDE" in text
    assert "SLOT" in text


def test_english_letter() -> None:
    data = referral_letter(
        letter(language="en", recipient=Recipient("Veilig Thuis", "Ms De Vries", "Postbus 2"))
    )
    text = page_texts(data)[0]
    for words in (
        "Confidential",
        "page 1 of 1",
        "Re: referral, case 2026-001",
        "Dear Ms De Vries,",
        "30 November 2026",
        f"Vault state when made: {AUDIT}",
        "Kind regards,",
    ):
        assert words in text
    assert "Vertrouwelijk" not in text


def test_salutation_without_a_name() -> None:
    assert "Geachte heer, mevrouw," in page_texts(referral_letter(letter()))[0]
    assert "Dear Sir or Madam," in page_texts(referral_letter(letter(language="en")))[0]


def test_the_logo_is_drawn_and_a_broken_one_skipped(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGBA", (400, 100), (29, 53, 87, 255)).save(logo)
    broken = tmp_path / "broken.png"
    broken.write_bytes(logo.read_bytes()[:60])  # a PNG cut off after its header
    head = Letterhead("OSG De Brug", "Bruggenlaan 12")
    assert images_on(referral_letter(letter(letterhead=dataclasses.replace(head, logo=logo)))) == 1
    for bad in (broken, tmp_path / "missing.png", tmp_path):
        data = referral_letter(letter(letterhead=dataclasses.replace(head, logo=bad)))
        assert images_on(data) == 0
        assert "OSG De Brug" in page_texts(data)[0]


def test_dates_and_file_names() -> None:
    assert format_date(dt.date(2026, 11, 30), "nl") == "30 november 2026"
    assert format_date(dt.date(2026, 3, 2), "en") == "2 March 2026"
    assert file_name("2026-001", "nl") == "verwijsbrief-2026-001.pdf"
    assert file_name("2026-001", "en") == "referral-letter-2026-001.pdf"
    assert file_name("../2026/001", "nl") == "verwijsbrief-2026-001.pdf"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_example_letter(language: str) -> None:
    example = example_letter(language)
    assert example.case_code == "2026-014"
    data = referral_letter(example)
    text = " ".join(page_texts(data))
    labels = LABELS[language]
    assert labels.subject.format(code="2026-014") in text
    assert "zorgcoördinator" in text  # the diaeresis survives
    assert text.count(f"{labels.interpretation}:") == 1  # one of three entries has it
    assert ("2 aantekeningen" if language == "nl" else "2 notes") in text
    assert all(labels.headings[key] in text for key in SECTION_KEYS)


def test_a_broken_example_file_is_a_located_dutch_error(tmp_path: Path) -> None:
    broken = tmp_path / "referral_example.nl.yaml"
    text = content_file("nl").read_text(encoding="utf-8")
    broken.write_text(text.replace("  - key: safety", "  - key: veiligheid"), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_example(broken)
    message = str(caught.value)
    assert "referral_example.nl.yaml, regel" in message
    assert "onbekende waarde 'veiligheid'" in message
    wrong_language = tmp_path / "referral_example.en.yaml"
    wrong_language.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="het bestand is voor 'en', niet 'nl'"):
        read_example(wrong_language)


def test_sample_for_the_smoke_test(tmp_path: Path) -> None:
    (written,) = write_samples(tmp_path)
    assert written.name == "voorbeeld-verwijsbrief-2026-014.pdf"
    assert written.read_bytes().startswith(b"%PDF-")


def test_a_locked_letter_opens_only_with_its_password() -> None:
    data = referral_letter(letter(Section("reason", text="MARKER-LOCKED tekst")))
    locked = lock(data, "paard-batterij-nietje")
    assert b"MARKER-LOCKED" not in locked
    reader = PdfReader(io.BytesIO(locked))
    assert reader.is_encrypted
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"], encrypt["/Filter"]) == (5, 6, "/Standard")
    assert reader.decrypt("fout") == 0
    assert reader.decrypt("paard-batterij-nietje") != 0
    assert "MARKER-LOCKED tekst" in reader.pages[0].extract_text()


def test_a_lock_needs_a_password() -> None:
    with pytest.raises(ValueError, match="password"):
        lock(referral_letter(letter()), "")


def test_the_english_example_translates_the_dutch_one() -> None:
    dutch, english = example_letter("nl"), example_letter("en")
    assert [part.key for part in dutch.sections] == [part.key for part in english.sections]
    for ours, theirs in zip(dutch.sections, english.sections, strict=True):
        assert len(ours.facts) == len(theirs.facts)
        assert bool(ours.note) == bool(theirs.note)
        assert [
            (e.interpretation is None, len(e.signals), bool(e.pupil_words)) for e in ours.entries
        ] == [
            (e.interpretation is None, len(e.signals), bool(e.pupil_words)) for e in theirs.entries
        ]
