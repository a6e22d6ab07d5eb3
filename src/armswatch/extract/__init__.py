"""Document -> [Claim]: prefilter, spaCy parse, actors, items, quantities, dates, modality,
attribution and claim assembly. The stage is pure: text in, claims out."""

from __future__ import annotations

from armswatch.extract.claims import extract_document

__all__ = ["extract_document"]
