"""Bytes -> text for articles: refuse binary files, try a short list of encodings, say what was tried."""

from __future__ import annotations

import re

from armswatch.errors import InputError

# Tried in order; cp1252 only counts when it decodes every byte and leaves no control characters.
ENCODINGS_TRIED: tuple[str, ...] = ("utf-8", "utf-8-sig", "cp1252")

# Magic numbers of formats people drop into a folder of articles by mistake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
# C0 controls other than tab, newline, carriage return and form feed never occur in article text.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def binary_kind(data: bytes) -> str | None:
    """Why these bytes are not text (a named format, or NUL bytes), or None if they may be text."""
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return f"binary file ({kind})"
    if data.startswith(_UTF16_BOMS):
        return None
    if b"\x00" in data:
        return "binary file (contains NUL bytes)"
    return None


def decode_text(data: bytes, source: str) -> str:
    """Text of an article file; raises InputError naming the source and the encodings tried."""
    kind = binary_kind(data)
    if kind:
        raise InputError(source, kind)
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                source, f"not valid UTF-16 text despite its byte-order mark ({exc.reason})"
            ) from None
    for encoding in ENCODINGS_TRIED:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8" and text.startswith("\ufeff"):
            text = text[1:]
        if _CONTROL_CHARS.search(text):
            if encoding == ENCODINGS_TRIED[-1]:
                break
            continue
        return text
    raise InputError(
        source,
        f"cannot decode text: tried {', '.join(ENCODINGS_TRIED)}; re-save the file as UTF-8",
    )
