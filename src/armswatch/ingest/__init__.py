"""Inputs -> Document: readers for paths, directories, JSONL, HTML, feeds, WARC, URLs and stdin;
HTML through trafilatura; plain-text scrape cleanup; near-duplicate detection.

Cheap to import: no NLP model is loaded here.
"""

from __future__ import annotations

from armswatch.ingest.cleanup import clean_scraped_text, parse_scraped_text
from armswatch.ingest.dedup import (
    NearDuplicateIndex,
    minhash_signature,
    signature_from_bytes,
    signature_to_bytes,
)
from armswatch.ingest.documents import compose_text, make_document
from armswatch.ingest.readers import ARTICLE_SUFFIXES, DEFAULT_MAX_BYTES, iter_inputs, read_one

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "NearDuplicateIndex",
    "clean_scraped_text",
    "compose_text",
    "iter_inputs",
    "make_document",
    "minhash_signature",
    "parse_scraped_text",
    "read_one",
    "signature_from_bytes",
    "signature_to_bytes",
]
