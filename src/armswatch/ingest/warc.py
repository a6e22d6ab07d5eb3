"""WARC files (.warc, .warc.gz) -> one Document per HTML response record, via warcio."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from armswatch.errors import InputError
from armswatch.ingest.documents import make_document
from armswatch.ingest.html import extract_html
from armswatch.models import Document, Failure


def iter_warc(path: Path, *, max_bytes: int) -> Iterator[Document | Failure]:
    """Documents from the HTML responses of a web archive; other records are passed over."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    found = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in content_type:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{found + 1}"
                found += 1
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield Failure(uri, f"record larger than the {max_bytes:,} byte cap")
                    continue
                try:
                    article = extract_html(body, uri, url=uri)
                except InputError as exc:
                    yield Failure(uri, " ".join(exc.reason.split()))
                    continue
                yield make_document(
                    article.text,
                    title=article.title,
                    published=article.published,
                    url=uri,
                    doc_ref=uri,
                    outlet=article.outlet,
                    byline=article.byline,
                )
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Failure(
            source, f"broken WARC file ({' '.join(str(exc).split()) or type(exc).__name__})"
        )
        return
    if not found:
        yield Failure(source, "WARC file holds no HTML response records")
