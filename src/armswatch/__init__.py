"""armswatch: news reports in, a sourced register of arms transfers out.

The public face is small::

    import armswatch
    claims = armswatch.extract(text, published="2022-09-06")
    document = armswatch.read("article.html")
    transfers = armswatch.fuse(claims)
    store = armswatch.Store("sqlite:///armswatch.db")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Loaded before `extract` and `fuse` (the functions) are defined below, so the functions, not the
# modules of the same names, are what `armswatch.extract` and `armswatch.fuse` name.
import armswatch.extract as _extract_package
import armswatch.fuse as _fuse_module
from armswatch.errors import Error, EvaluationError, ExtractionError, InputError, StoreError
from armswatch.models import Claim, Document, Transfer

if TYPE_CHECKING:
    from armswatch.store import Store

__version__ = "0.1.0"
__all__ = [
    "Claim",
    "Document",
    "Error",
    "EvaluationError",
    "ExtractionError",
    "InputError",
    "Store",
    "StoreError",
    "Transfer",
    "extract",
    "fuse",
    "read",
]


def extract(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> list[Claim]:
    """Claims about arms transfers in one article's text (title and date help resolve them)."""
    from armswatch.ingest.documents import make_document

    document = make_document(text, title=title, published=published, url=url)
    return _extract_package.extract_document(document)


def read(source: str) -> Document:
    """One Document from a file path or URL; raises InputError naming the source when it can't."""
    from armswatch.ingest import read_one

    return read_one(source)


def fuse(claims: list[Claim]) -> list[Transfer]:
    """Transfers fused from claims (see armswatch.fuse)."""
    return _fuse_module.fuse_claims(claims)


def __getattr__(name: str) -> Any:
    if name == "Store":
        from armswatch.store import Store

        return Store
    raise AttributeError(name)
