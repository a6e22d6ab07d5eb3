"""RSS/Atom feeds -> one Document per entry (title + summary or content), via feedparser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from armswatch.ingest.dates import normalize_date
from armswatch.ingest.documents import make_document
from armswatch.ingest.html import html_fragment_to_text
from armswatch.models import Document, Failure

_EMAIL_AND_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    """A feed by its content type, or by an <rss>/<feed>/<rdf:RDF> root near the top."""
    if any(kind in content_type for kind in ("rss", "atom", "rdf")):
        return True
    return bool(_FEED_ROOT.search(body[:4096]))


def _entry_text(entry: Any) -> str:
    """The fullest text an entry offers: its content when present, else its summary."""
    contents = entry.get("content") or []
    best = max((item.get("value") or "" for item in contents), key=len, default="")
    summary = entry.get("summary") or ""
    return html_fragment_to_text(best if len(best) >= len(summary) else summary)


def _author(entry: Any) -> str | None:
    """The entry's author by name; RSS writes "email (Name)"."""
    author = (entry.get("author") or "").strip()
    written = _EMAIL_AND_NAME.match(author)
    if written:
        return written["name"].strip()
    return author or (entry.get("author_detail") or {}).get("name") or None


def iter_feed(body: bytes, source: str) -> Iterator[Document | Failure]:
    """Documents of a feed's entries; a feed that cannot be parsed or has no entries is a Failure."""
    import feedparser

    parsed = feedparser.parse(body)
    entries = parsed.get("entries") or []
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    # feedparser flags mere charset or content-type mismatches too; those feeds are fine.
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if problem is not None and not isinstance(problem, benign):
        yield Failure(source, " ".join(f"broken feed ({problem})".split()))
        return
    if not entries:
        yield Failure(source, "feed has no entries")
        return
    outlet = parsed.get("feed", {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        ref = entry.get("link") or entry.get("id") or f"{source}#{number}"
        title = html_fragment_to_text(entry.get("title") or "") or None
        text = _entry_text(entry)
        if not (title or text):
            yield Failure(ref, "feed entry has neither title nor text")
            continue
        published = normalize_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        yield make_document(
            text,
            title=title,
            published=published or normalize_date(entry.get("published") or entry.get("updated")),
            url=entry.get("link") or None,
            doc_ref=ref,
            outlet=outlet,
            byline=_author(entry),
        )
