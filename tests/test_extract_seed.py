"""The page the project began from, read from ../shared/seeds at test time (skipped when absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import armswatch
from armswatch.models import Claim

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_43f1b3c72fc22d31.txt"
pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason="the seed article is not beside the project"
)


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    document = armswatch.read(str(SEED))
    from armswatch.extract import extract_document

    return extract_document(document)


def _pair(claim: Claim) -> tuple[str | None, str | None]:
    return (
        claim.supplier.code if claim.supplier else None,
        claim.recipient.code if claim.recipient else None,
    )


def test_north_korean_ammunition_is_being_bought_by_russia(claims: list[Claim]) -> None:
    prk_rus = [c for c in claims if _pair(c) == ("PRK", "RUS")]
    ammunition = [c for c in prk_rus if "ammunition" in c.categories]
    assert ammunition
    asserted = [
        c for c in prk_rus if c.certainty == "reported" and c.status in {"negotiating", "sought"}
    ]
    assert {c.status for c in asserted} >= {"negotiating", "sought"}
    quantities = [i.quantity for c in ammunition for i in c.items if i.quantity]
    assert any(q.min is not None and q.min >= 1_000_000 for q in quantities)


def test_hedges_and_no_indications(claims: list[Claim]) -> None:
    prk_rus = [c for c in claims if _pair(c) == ("PRK", "RUS")]
    unconfirmed = {c.status for c in prk_rus if c.certainty == "unconfirmed"}
    assert {"delivered", "in_use"} <= unconfirmed
    speculative = [c for c in prk_rus if c.certainty == "speculative"]
    assert any("could include" in c.evidence.text for c in speculative)
    assert any("likely continue" in c.evidence.text for c in speculative)


def test_iranian_drones_delivered_last_week(claims: list[Claim]) -> None:
    drones = [c for c in claims if _pair(c) == ("IRN", "RUS") and "uav" in c.categories]
    assert len(drones) == 1
    claim = drones[0]
    assert (claim.status, claim.certainty) == ("delivered", "reported")
    assert claim.event_date.start and claim.event_date.end
    assert "2022-08-29" <= claim.event_date.start <= claim.event_date.end <= "2022-09-04"
    # nothing in the page attributes it: the outlet itself is the origin
    assert claim.origin is not None and claim.origin.kind == "media"


def test_dates_attribution_and_one_origin(claims: list[Claim]) -> None:
    assert {c.reported_date for c in claims} == {"2022-09-06"}
    speakers = {(s.speaker, s.org) for c in claims for s in c.attribution}
    assert ("Vedant Patel", "State Department") in speakers
    assert ("John Kirby", "White House") in speakers
    cited = [c for c in claims if any(s.org == "New York Times" for s in c.attribution)]
    assert cited and any(
        s.country == "USA" and s.kind == "intelligence" for c in cited for s in c.cites
    )
    origins = {c.origin.name for c in claims if _pair(c) == ("PRK", "RUS") and c.origin}
    assert origins == {"U.S. government"}


def test_no_party_is_the_source_or_the_battlefield(claims: list[Claim]) -> None:
    parties = {code for c in claims for code in _pair(c)}
    assert "USA" not in parties and "UKR" not in parties


def test_evidence_is_exact_and_free_of_page_chrome(claims: list[Claim]) -> None:
    document = armswatch.read(str(SEED))
    bio_words = ("writer", "degrees", "Read Next", "Currently Reading", "minute read")
    for claim in claims:
        assert document.text[claim.evidence.start : claim.evidence.end] == claim.evidence.text
        assert not any(word in claim.evidence.text for word in bio_words)


def test_cli_prints_json_lines_for_the_seed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "armswatch", "extract", str(SEED), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(
        {"claim_id", "doc_id", "doc_ref", "evidence", "origin"} <= set(r) for r in records
    )
    assert all(r["doc_ref"] == str(SEED) for r in records)
