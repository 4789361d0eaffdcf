"""What the PDF tests ask of a document's fonts."""

from __future__ import annotations

import io

from pypdf import PdfReader


def fonts_of(data: bytes) -> dict[str, bool]:
    """Every font the pages use, by name, and whether its file is embedded."""
    fonts = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts
