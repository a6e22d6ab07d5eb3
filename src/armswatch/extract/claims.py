"""Claim assembly (being written)."""

from __future__ import annotations

from armswatch.models import Claim, Document


def extract_document(document: Document) -> list[Claim]:
    """Claims found in one document."""
    raise NotImplementedError("the extractor is being written")
