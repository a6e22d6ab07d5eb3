"""Claims as comparable rows, for the tests of the extractor's mechanisms."""

from __future__ import annotations

from collections.abc import Iterable

import armswatch
from armswatch.models import Claim

Row = tuple[str | None, str | None, str, str, str]


def rows_of(claims: Iterable[Claim]) -> set[Row]:
    """(supplier, recipient, category, status, certainty) of every claim, one row per category."""
    return {
        (
            claim.supplier.key if claim.supplier else None,
            claim.recipient.key if claim.recipient else None,
            category,
            claim.status,
            claim.certainty,
        )
        for claim in claims
        for category in claim.categories
    }


def claim_rows(text: str, published: str, title: str | None = None) -> set[Row]:
    """The rows of the claims extracted from a text."""
    return rows_of(armswatch.extract(text, title=title, published=published))
