"""Building a Document from text and metadata: the one place a document's text is assembled."""

from __future__ import annotations

from armswatch.models import Document, normalize_text


def compose_text(body: str, title: str | None) -> str:
    """The document text: the title as its first line (headlines carry claims), then the body."""
    body = body.strip("\n")
    if not title or not title.strip():
        return body
    title = title.strip()
    first_line = body.lstrip().split("\n", 1)[0]
    if normalize_text(first_line).lower().startswith(normalize_text(title).lower()):
        return body
    return f"{title}\n\n{body}" if body else title


def make_document(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    doc_ref: str | None = None,
    outlet: str | None = None,
    byline: str | None = None,
    language: str | None = "en",
) -> Document:
    """A Document whose text holds the title and body; its id is the hash of that text."""
    full_text = compose_text(text, title)
    return Document.from_text(
        full_text,
        doc_ref=doc_ref,
        url=url,
        title=title.strip() if title else None,
        byline=byline,
        outlet=outlet,
        published=published,
        language=language,
    )
