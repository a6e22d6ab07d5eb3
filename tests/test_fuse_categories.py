"""A claim that names no kind of weapon is evidence for its pair, not a stage for every category."""

from __future__ import annotations

from armswatch.fuse import fuse_claims
from fixtures.register.builders import claim, document

APPROVAL = document(
    "The State Department approved the sale of air defence batteries to India on Wednesday.",
    outlet="Wire Service",
)
BACKGROUND = document(
    "India has been buying American weapons at a rapid pace since the invasion began.",
    outlet="Wire Service",
)


def test_a_general_purchase_does_not_deliver_a_specific_approval() -> None:
    claims = [
        claim(APPROVAL, supplier="USA", recipient="IND", category="air_defence", status="agreed"),
        claim(
            BACKGROUND,
            supplier="USA",
            recipient="IND",
            category="unspecified",
            label="weapons",
            status="delivered",
        ),
    ]
    transfers = fuse_claims(claims)
    assert [(t.category, t.stage) for t in transfers] == [("air_defence", "agreed")]
    # the general claim still stands in the transfer's timeline as evidence
    assert {entry.status for entry in transfers[0].timeline} == {"agreed", "delivered"}


def test_a_pair_with_only_general_claims_keeps_their_stage() -> None:
    claims = [
        claim(
            BACKGROUND,
            supplier="USA",
            recipient="IND",
            category="unspecified",
            label="weapons",
            status="delivered",
        )
    ]
    transfers = fuse_claims(claims)
    assert [(t.category, t.stage) for t in transfers] == [("unspecified", "delivered")]
