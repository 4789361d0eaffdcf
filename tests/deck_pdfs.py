"""PDFs for the PDF-deck tests: slides made with reportlab, and the files a deck must refuse."""

from __future__ import annotations

import io
from pathlib import Path


def slides_pdf(pages: int, title: str | None = None, *, password: str | None = None) -> bytes:
    """A landscape 16:9 PDF of ``pages`` slides, each with a heading and a coloured band."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(960, 540), encrypt=password)
    if title:
        pdf.setTitle(title)
    for number in range(1, pages + 1):
        pdf.setFillColor(HexColor("#1d3557"))
        pdf.rect(0, 470, 960, 70, stroke=0, fill=1)
        pdf.setFillColor(HexColor("#e07a5f"))
        pdf.rect(0, 462, 960, 8, stroke=0, fill=1)
        pdf.setFillColor(HexColor("#ffffff"))
        pdf.setFont("Helvetica-Bold", 34)
        pdf.drawString(48, 490, f"Dia {number}: Wat is mensenhandel?")
        pdf.setFillColor(HexColor("#1f2430"))
        pdf.setFont("Helvetica", 26)
        for line, text in enumerate(
            ("Uitbuiting: seksueel, crimineel, arbeid", "Signalen herkennen", "Waar vind je hulp?")
        ):
            pdf.drawString(72, 380 - line * 60, f"•  {text}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
