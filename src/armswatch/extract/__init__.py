"""Document -> [Claim]: prefilter, spaCy parse, actors, items, quantities, dates, modality,
attribution and claim assembly. The stage is pure: text in, claims out.

spaCy is imported on the first extraction, not on `import armswatch`, so commands that only read
the store start fast.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from armswatch.models import Claim, Document

__all__ = ["extract_document", "forget_parsed", "parse_ahead"]


def extract_document(
    document: Document, *, prefilter: bool = True, today: dt.date | None = None
) -> list[Claim]:
    """Claims found in one document (see armswatch.extract.claims)."""
    from armswatch.extract.claims import extract_document as extract_claims

    return extract_claims(document, prefilter=prefilter, today=today)


def parse_ahead(documents: list[Document]) -> None:
    """Parse a batch's candidate sentences in one spaCy stream; extract_document then uses them."""
    from armswatch.extract.claims import parse_ahead as parse

    parse(documents)


def forget_parsed() -> None:
    """Drop parses made ahead that no extraction used."""
    from armswatch.extract.claims import forget_parsed as forget

    forget()
