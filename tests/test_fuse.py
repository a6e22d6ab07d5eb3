"""Fusion: claims about one deal become one transfer with the right stage, origins and doubts."""

from __future__ import annotations

import armswatch
from armswatch.fuse import fuse_claims
from armswatch.models import Origin, Party, Quantity
from fixtures.register.builders import US_GOVERNMENT, claim, document

STATE_DEPARTMENT_BRIEFING = document(
    "A State Department spokesman said on Tuesday that Moscow is negotiating to buy vast stocks "
    "of rocket and artillery ammunition from Pyongyang for its war in Ukraine.",
    outlet="Wire Service",
)
NEWSPAPER_REPORT = document(
    "Russia has turned to North Korea for artillery ammunition, according to a newspaper that "
    "cited declassified American intelligence findings.",
    outlet="Morning Paper",
)
WHITE_HOUSE_BRIEFING = document(
    "A White House spokesman said there were no indications that the purchase had been completed "
    "or that the shells were being used on the battlefield.",
    outlet="Wire Service",
)


def seed_like_claims():
    return [
        claim(STATE_DEPARTMENT_BRIEFING, status="negotiating", certainty="reported"),
        claim(NEWSPAPER_REPORT, status="sought", certainty="reported"),
        claim(WHITE_HOUSE_BRIEFING, status="delivered", certainty="unconfirmed"),
        claim(WHITE_HOUSE_BRIEFING, status="in_use", certainty="unconfirmed"),
    ]


def test_seed_situation_fuses_into_one_negotiating_transfer_with_one_origin():
    documents = {
        d.doc_id: d for d in (STATE_DEPARTMENT_BRIEFING, NEWSPAPER_REPORT, WHITE_HOUSE_BRIEFING)
    }
    transfers = fuse_claims(seed_like_claims(), documents)

    assert len(transfers) == 1
    transfer = transfers[0]
    assert (transfer.supplier.code, transfer.recipient.code, transfer.category) == (
        "PRK",
        "RUS",
        "ammunition",
    )
    assert transfer.stage == "negotiating"
    assert transfer.unconfirmed_stages == ["delivered", "in_use"]
    assert transfer.independent_origins == {"count": 1, "names": ["U.S. government"]}
    assert transfer.documents == 3
    assert transfer.contradictions == []
    assert {(e.status, e.certainty) for e in transfer.timeline} == {
        ("sought", "reported"),
        ("negotiating", "reported"),
        ("delivered", "unconfirmed"),
        ("in_use", "unconfirmed"),
    }


def test_public_fuse_function_is_fuse_claims():
    assert [t.transfer_id for t in armswatch.fuse(seed_like_claims())] == [
        t.transfer_id for t in fuse_claims(seed_like_claims())
    ]


def test_transfer_id_is_deterministic_and_independent_of_claim_order():
    claims = seed_like_claims()
    first = fuse_claims(claims)[0].transfer_id
    assert fuse_claims(list(reversed(claims)))[0].transfer_id == first


def test_distinct_origins_are_counted_and_raise_confidence():
    one_origin = [claim(STATE_DEPARTMENT_BRIEFING, status="delivered")]
    kyiv = Origin(name="Ukrainian military intelligence", country="UKR", kind="intelligence")
    two_origins = one_origin + [claim(NEWSPAPER_REPORT, status="delivered", origin=kyiv)]

    single, double = fuse_claims(one_origin)[0], fuse_claims(two_origins)[0]

    assert single.independent_origins["count"] == 1
    assert double.independent_origins["count"] == 2
    assert double.confidence > single.confidence


def test_claims_without_origin_count_their_outlet_and_syndicated_copies_once():
    original = document("Drones from Iran reached Russia last week, the agency reported.")
    copy = document(
        "Drones from Iran reached Russia last week, the agency reported. (Syndicated.)",
        outlet="Reprint Daily",
    )
    copy.duplicate_of = original.doc_id
    claims = [
        claim(d, supplier="IRN", category="uav", label="drones", status="delivered", origin=None)
        for d in (original, copy)
    ]

    transfer = fuse_claims(claims, {original.doc_id: original, copy.doc_id: copy})[0]

    assert transfer.documents == 1
    assert transfer.independent_origins == {"count": 1, "names": ["Example Wire"]}


def test_delivered_asserted_and_denied_is_a_contradiction_that_lowers_confidence():
    asserted = claim(STATE_DEPARTMENT_BRIEFING, status="delivered", certainty="reported")
    denial = claim(
        NEWSPAPER_REPORT,
        status="delivered",
        certainty="denied",
        origin=Origin(name="North Korean government", country="PRK", kind="government"),
    )

    plain = fuse_claims([asserted])[0]
    disputed = fuse_claims([asserted, denial])[0]

    assert disputed.stage == "delivered"
    assert disputed.contradictions == [
        {
            "status": "delivered",
            "asserted": [asserted.claim_id],
            "disputed_by": "denied",
            "disputed_status": "delivered",
            "disputing": [denial.claim_id],
        }
    ]
    assert disputed.confidence < plain.confidence


def test_delivered_versus_no_indications_of_delivery_is_a_contradiction():
    asserted = claim(STATE_DEPARTMENT_BRIEFING, status="delivered", certainty="reported")
    no_sign = claim(WHITE_HOUSE_BRIEFING, status="delivered", certainty="unconfirmed")
    transfer = fuse_claims([asserted, no_sign])[0]
    assert [c["disputed_by"] for c in transfer.contradictions] == ["unconfirmed"]
    assert transfer.unconfirmed_stages == []


def test_sale_decades_apart_splits_into_two_transfers():
    old = document("In 1987 the Soviet Union sold India a batch of tanks.", published="1987-05-01")
    new = document("India agreed in 2022 to buy more tanks from Russia.", published="2022-03-01")
    claims = [
        claim(
            old,
            supplier="RUS",
            recipient="IND",
            category="armoured_vehicles",
            label="tanks",
            status="delivered",
            reported_date="1987-05-01",
        ),
        claim(
            new,
            supplier="RUS",
            recipient="IND",
            category="armoured_vehicles",
            label="tanks",
            status="agreed",
            reported_date="2022-03-01",
        ),
    ]
    transfers = fuse_claims(claims)
    assert sorted((t.first_reported, t.stage) for t in transfers) == [
        ("1987-05-01", "delivered"),
        ("2022-03-01", "agreed"),
    ]
    assert len({t.transfer_id for t in transfers}) == 2


def _frigate_claim(doc, status, when, certainty="confirmed"):
    return claim(
        doc,
        supplier="ESP",
        recipient="NOR",
        category="ships",
        label="frigates",
        status=status,
        certainty=certainty,
        reported_date=when,
    )


def test_order_delivered_years_later_stays_one_deal():
    signed = document("Norway signed for five Spanish frigates.", published="2000-06-23")
    handed = document("Navantia handed over the first frigate to Norway.", published="2006-04-05")
    [transfer] = fuse_claims(
        [
            _frigate_claim(signed, "agreed", "2000-06-23"),
            _frigate_claim(handed, "delivered", "2006-04-05"),
        ]
    )
    assert transfer.stage == "delivered"
    assert (transfer.first_reported, transfer.last_reported) == ("2000-06-23", "2006-04-05")

    # a refused approval and the approval given years later are one sale
    refused = document(
        "Washington refused to let Madrid sell the frigates.", published="1996-02-01"
    )
    [transfer] = fuse_claims(
        [
            _frigate_claim(refused, "agreed", "1996-02-01", certainty="denied"),
            _frigate_claim(signed, "agreed", "2000-06-23"),
        ]
    )
    assert transfer.stage == "agreed"


def test_new_order_after_a_delivery_or_a_repeat_order_is_another_deal():
    signed = document("Norway signed for five Spanish frigates.", published="2000-06-23")
    handed = document("Navantia handed over the first frigate to Norway.", published="2006-04-05")
    again = document("Norway ordered two more Spanish frigates.", published="2012-09-01")
    transfers = fuse_claims(
        [
            _frigate_claim(signed, "agreed", "2000-06-23"),
            _frigate_claim(handed, "delivered", "2006-04-05"),
            _frigate_claim(again, "agreed", "2012-09-01"),
        ]
    )
    assert sorted((t.first_reported, t.stage) for t in transfers) == [
        ("2000-06-23", "delivered"),
        ("2012-09-01", "agreed"),
    ]
    # an order repeated four years on is not the first one's progress
    transfers = fuse_claims(
        [
            _frigate_claim(signed, "agreed", "2000-06-23"),
            _frigate_claim(again, "agreed", "2004-09-01"),
        ]
    )
    assert len(transfers) == 2
    # nor is a delivery more than ten years after the order
    late = document("Norway received a Spanish frigate.", published="2011-01-10")
    transfers = fuse_claims(
        [
            _frigate_claim(signed, "agreed", "2000-06-23"),
            _frigate_claim(late, "delivered", "2011-01-10"),
        ]
    )
    assert len(transfers) == 2


def test_claims_within_a_few_years_stay_one_deal():
    first = document("Germany pledged Leopard 2 tanks to Ukraine.", published="2023-01-25")
    later = document("The Leopard 2 tanks reached Ukraine.", published="2023-03-27")
    claims = [
        claim(
            first,
            supplier="DEU",
            recipient="UKR",
            category="armoured_vehicles",
            label="tanks",
            designation="Leopard 2",
            status="agreed",
            reported_date="2023-01-25",
            quantity=Quantity(min=14, max=14),
        ),
        claim(
            later,
            supplier="DEU",
            recipient="UKR",
            category="armoured_vehicles",
            label="tanks",
            designation="Leopard 2",
            status="delivered",
            reported_date="2023-03-27",
            quantity=Quantity(min=18, max=18),
        ),
    ]
    [transfer] = fuse_claims(claims)
    assert transfer.stage == "delivered"
    assert transfer.designations == ["Leopard 2"]
    assert (transfer.quantity.min, transfer.quantity.max) == (14, 18)
    assert (transfer.first_reported, transfer.last_reported) == ("2023-01-25", "2023-03-27")


def test_each_item_category_of_a_claim_feeds_its_own_transfer():
    from armswatch.models import Item

    mixed = claim(
        STATE_DEPARTMENT_BRIEFING,
        category="ammunition",
        extra_items=[Item(category="missiles", label="rockets")],
    )
    assert sorted(t.category for t in fuse_claims([mixed])) == ["ammunition", "missiles"]


def test_only_hedged_claims_give_no_stage_and_low_confidence():
    hedged = claim(NEWSPAPER_REPORT, status="agreed", certainty="speculative")
    [transfer] = fuse_claims([hedged])
    assert transfer.stage is None
    assert transfer.unconfirmed_stages == ["agreed"]
    assert transfer.confidence <= 0.3


def test_group_recipient_is_keyed_by_name():
    wagner = Party(name="Wagner Group", kind="group")
    [transfer] = fuse_claims([claim(NEWSPAPER_REPORT, recipient=wagner, status="delivered")])
    assert transfer.recipient == wagner
    assert transfer.independent_origins["names"] == [US_GOVERNMENT.name]


def test_a_claim_naming_no_category_joins_the_pairs_transfer():
    vague = claim(
        WHITE_HOUSE_BRIEFING,
        category="unspecified",
        label="the purchase",
        status="in_use",
        certainty="unconfirmed",
    )
    [transfer] = fuse_claims([claim(STATE_DEPARTMENT_BRIEFING), vague])
    assert transfer.category == "ammunition"
    assert transfer.unconfirmed_stages == ["in_use"]
    assert vague.claim_id in transfer.claim_ids

    [alone] = fuse_claims([vague])
    assert alone.category == "unspecified"


def test_without_splitting_deals_each_key_is_one_transfer() -> None:
    early = document("The Emirates received Mirage jets from France.", published="1975-05-01")
    late = document("The Emirates ordered Rafale jets from France.", published="2021-12-03")
    claims = [
        claim(early, supplier="FRA", recipient="ARE", category="aircraft", label="jets",
              status="delivered", reported_date="1975-05-01"),
        claim(late, supplier="FRA", recipient="ARE", category="aircraft", label="jets",
              status="agreed", reported_date="2021-12-03"),
    ]  # fmt: skip
    assert len(fuse_claims(claims)) == 2
    [transfer] = fuse_claims(claims, split_deals=False)
    assert transfer.stage == "delivered"
    assert (transfer.first_reported, transfer.last_reported) == ("1975-05-01", "2021-12-03")
