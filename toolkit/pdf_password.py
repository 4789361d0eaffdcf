"""A PDF locked with a password (AES-256), for a letter that goes out by e-mail.

Everything happens in memory: the unlocked PDF is never written to a temporary file. The
owner password is random and thrown away: nobody can lift the restrictions without the user
password, which the app shows once. pypdf does the encryption; it uses ``cryptography`` (a
runtime dependency already) for AES.
"""

from __future__ import annotations

import io
import secrets

__all__ = ["lock"]


def lock(data: bytes, password: str) -> bytes:
    """``data`` (a PDF) encrypted with AES-256 (PDF 2.0 security handler, /V 5 /R 6), opened
    only with ``password``. ``ValueError`` for an empty password: a lock without a key is
    no lock."""
    if not password:
        raise ValueError("a locked PDF needs a password; the password is empty")
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(
        user_password=password,
        owner_password=secrets.token_urlsafe(32),
        algorithm="AES-256",
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
