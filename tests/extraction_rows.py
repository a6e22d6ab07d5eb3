"""Claims as comparable rows, for the tests of the extractor's mechanisms."""

from __future__ import annotations

import armswatch

Row = tuple[str | None, str | None, str, str, str]


def claim_rows(text: str, published: str, title: str | None = None) -> set[Row]:
    """(supplier, recipient, category, status, certainty) of every claim, one row per category."""
    return {
        (
            claim.supplier.key if claim.supplier else None,
            claim.recipient.key if claim.recipient else None,
            category,
            claim.status,
            claim.certainty,
        )
        for claim in armswatch.extract(text, title=title, published=published)
        for category in claim.categories
    }
