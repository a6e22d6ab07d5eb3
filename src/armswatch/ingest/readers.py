"""Inputs -> Documents, streaming: files, directories, JSONL(.gz), HTML, feeds, WARC, URLs, stdin.

Every bad input becomes a Failure naming it with a one-line reason, and the run goes on.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from armswatch.errors import InputError
from armswatch.ingest.cleanup import parse_scraped_text
from armswatch.ingest.dates import normalize_date
from armswatch.ingest.decoding import binary_kind, decode_text
from armswatch.ingest.documents import make_document
from armswatch.ingest.feeds import iter_feed, looks_like_feed
from armswatch.ingest.fetch import fetch, is_url
from armswatch.ingest.html import extract_html, looks_like_html
from armswatch.ingest.warc import iter_warc
from armswatch.models import Document, Failure

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIMEOUT = 20.0
STDIN_REF = "<stdin>"
# What a directory walk reads; anything else in the tree (README.md, images) is passed over.
ARTICLE_SUFFIXES: tuple[str, ...] = (
    ".txt",
    ".html",
    ".htm",
    ".jsonl",
    ".jsonl.gz",
    ".ndjson",
    ".xml",
    ".rss",
    ".atom",
    ".warc",
    ".warc.gz",
)
_HTML_SUFFIXES = (".html", ".htm")
_URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_FEED_SUFFIXES = (".xml", ".rss", ".atom")


@dataclass(frozen=True)
class ReadOptions:
    """Limits for one run of reading: the size cap, fetch timeout, and whether private hosts may be fetched."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    allow_private: bool = False
    stdin: BinaryIO | None = None


def iter_inputs(
    inputs: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    allow_private: bool = False,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | Failure]:
    """Documents from paths, directories, URLs and `-` (stdin), one at a time, with a Failure for
    each input (or JSONL line, feed, WARC record) that cannot be read."""
    options = ReadOptions(
        max_bytes=max_bytes, timeout=timeout, allow_private=allow_private, stdin=stdin
    )
    for source in inputs:
        yield from _iter_source(str(source), options)


def read_one(
    source: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    allow_private: bool = False,
    stdin: BinaryIO | None = None,
) -> Document:
    """The one Document in `source`; InputError when it cannot be read or holds several."""
    items = iter_inputs(
        [source], max_bytes=max_bytes, timeout=timeout, allow_private=allow_private, stdin=stdin
    )
    first = next(items, None)
    if first is None:
        raise InputError(source, "holds no documents")
    if isinstance(first, Failure):
        raise InputError(first.input, first.reason)
    if next(items, None) is not None:
        raise InputError(source, "holds more than one document; read it with iter_inputs")
    return first


def _iter_source(source: str, options: ReadOptions) -> Iterator[Document | Failure]:
    try:
        if source == "-":
            yield _read_stdin(options)
        elif is_url(source):
            yield from _iter_url(source, options)
        elif _URL_SCHEME.match(source):
            scheme = source.split(":", 1)[0].lower()
            yield Failure(source, f"unsupported URL scheme {scheme!r} (only http and https)")
        else:
            path = Path(source)
            if path.is_dir():
                yield from _iter_directory(path, options)
            elif not path.exists():
                yield Failure(source, "no such file or directory")
            elif not path.is_file():
                yield Failure(source, "not a regular file")
            else:
                yield from _iter_file(path, options)
    except InputError as exc:
        yield Failure(exc.source, _one_line(exc.reason))


def _one_line(reason: str) -> str:
    return " ".join(reason.split())


def _has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    return name.lower().endswith(suffixes)


def _walk(directory: Path) -> Iterator[Path]:
    """Readable files under a directory, recursively, in sorted order, hidden files and folders skipped."""
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as exc:
        raise InputError(str(directory), f"cannot list directory ({exc.strerror})") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file() and _has_suffix(entry.name, ARTICLE_SUFFIXES):
            yield Path(entry.path)


def _iter_directory(directory: Path, options: ReadOptions) -> Iterator[Document | Failure]:
    found = False
    for path in _walk(directory):
        found = True
        try:
            yield from _iter_file(path, options)
        except InputError as exc:
            yield Failure(exc.source, _one_line(exc.reason))
    if not found:
        yield Failure(
            str(directory), f"directory holds no readable files ({', '.join(ARTICLE_SUFFIXES)})"
        )


def _read_capped(path: Path, options: ReadOptions) -> bytes:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(
                source,
                f"file is {size / 1e6:,.1f} MB, over the {options.max_bytes / 1e6:,.1f} MB cap (max_bytes)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot read file ({exc.strerror})") from None
    if not data.strip():
        raise InputError(source, "empty file")
    return data


def _iter_file(path: Path, options: ReadOptions) -> Iterator[Document | Failure]:
    name = path.name.lower()
    source = str(path)
    if _has_suffix(name, (".jsonl", ".jsonl.gz", ".ndjson")):
        yield from _iter_jsonl(path, options)
        return
    if _has_suffix(name, (".warc", ".warc.gz")):
        yield from iter_warc(path, max_bytes=options.max_bytes)
        return
    data = _read_capped(path, options)
    if _has_suffix(name, _FEED_SUFFIXES):
        yield from iter_feed(data, source)
        return
    if _has_suffix(name, _HTML_SUFFIXES):
        kind = binary_kind(data)
        if kind:
            raise InputError(source, kind)
        yield _html_document(data, source)
        return
    text = decode_text(data, source)
    if not name.endswith(".txt") and looks_like_html(text):
        yield _html_document(text, source)
        return
    yield _text_document(text, source)


def _html_document(markup: str | bytes, source: str, *, url: str | None = None) -> Document:
    article = extract_html(markup, source, url=url)
    return make_document(
        article.text,
        title=article.title,
        published=article.published,
        url=url or article.url,
        doc_ref=source,
        outlet=article.outlet,
        byline=article.byline,
    )


def _text_document(text: str, source: str, *, url: str | None = None) -> Document:
    """A Document from scraped or pasted text: chrome removed, header metadata taken."""
    if not text.strip():
        raise InputError(source, "empty file" if source != STDIN_REF else "empty input")
    scraped = parse_scraped_text(text)
    if not scraped.text.strip():
        raise InputError(source, "no article text left after removing page chrome")
    return make_document(
        scraped.text,
        title=scraped.title,
        published=scraped.published,
        url=url or scraped.url,
        doc_ref=source,
        outlet=scraped.outlet,
        byline=scraped.byline,
    )


def _read_stdin(options: ReadOptions) -> Document:
    stream = options.stdin if options.stdin is not None else sys.stdin.buffer
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputError(
            STDIN_REF, f"input larger than the {options.max_bytes / 1e6:,.1f} MB cap (max_bytes)"
        )
    if not data.strip():
        raise InputError(STDIN_REF, "empty input")
    text = decode_text(data, STDIN_REF)
    if looks_like_html(text):
        return _html_document(text, STDIN_REF)
    return _text_document(text, STDIN_REF)


def _iter_url(url: str, options: ReadOptions) -> Iterator[Document | Failure]:
    fetched = fetch(
        url,
        timeout=options.timeout,
        max_bytes=options.max_bytes,
        allow_private=options.allow_private,
    )
    if not fetched.body.strip():
        raise InputError(url, "empty response")
    if looks_like_feed(fetched.body, fetched.content_type):
        yield from iter_feed(fetched.body, url)
        return
    kind = binary_kind(fetched.body)
    if kind:
        raise InputError(url, kind)
    if "html" in fetched.content_type:
        yield _html_document(fetched.body, url, url=fetched.url)
        return
    text = decode_text(fetched.body, url)
    if looks_like_html(text):
        yield _html_document(text, url, url=fetched.url)
    else:
        yield _text_document(text, url, url=fetched.url)


def _iter_jsonl(path: Path, options: ReadOptions) -> Iterator[Document | Failure]:
    """One Document per JSONL record; a bad line is a Failure and the other lines go on."""
    source = str(path)
    records = 0
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as stream:
            for number, raw in enumerate(stream, start=1):
                if not raw.strip():
                    continue
                records += 1
                yield _jsonl_record(raw, source, number, options)
    except (OSError, EOFError, zlib.error) as exc:
        yield Failure(source, f"cannot read ({_one_line(str(exc)) or type(exc).__name__})")
        return
    if not records:
        yield Failure(source, "empty file")


def _jsonl_record(raw: bytes, source: str, number: int, options: ReadOptions) -> Document | Failure:
    where = f"{source}:{number}"
    if len(raw) > options.max_bytes:
        return Failure(where, f"line {number} is larger than the {options.max_bytes:,} byte cap")
    try:
        record: Any = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
        return Failure(where, f"line {number} is not valid JSON ({detail})")
    if not isinstance(record, dict):
        return Failure(where, f"line {number} is not a JSON object")
    title = _text_field(record, "title", "headline")
    text = _text_field(record, "text", "body", "content")
    if not (title or text):
        return Failure(where, f"line {number} has neither title nor text")
    record_id = record.get("id")
    doc_ref = str(record_id) if record_id not in (None, "") else where
    url = _text_field(record, "url", "link")
    return make_document(
        text or "",
        title=title,
        published=normalize_date(record.get("published") or record.get("date")),
        url=url,
        doc_ref=doc_ref,
        outlet=_text_field(record, "source", "outlet"),
        byline=_text_field(record, "byline", "author"),
        language=_text_field(record, "language") or "en",
    )


def _text_field(record: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
