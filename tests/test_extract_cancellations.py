"""Deals called off or halted: cancellations and suspensions of a named transfer (EXTRACTION.md
section 3), on sentences written for the project, with the look-alikes that are no transfer."""

from __future__ import annotations

import pytest

import armswatch
from armswatch.models import Claim
from extraction_rows import rows_of


def _claims(text: str, published: str = "2019-06-12", title: str | None = None) -> list[Claim]:
    return armswatch.extract(text, title=title, published=published)


CASES = [
    pytest.param(
        "Peru has abandoned an agreement to buy 14 Russian MiG-29 fighters, a defence analyst"
        " said.",
        ("RUS", "PER", "aircraft", "cancelled", "reported"),
        id="abandon-agreement-to-buy",
    ),
    pytest.param(
        "Thailand has dropped its planned purchase of eight Gripen fighters from Sweden, according"
        " to a defence analyst.",
        ("SWE", "THA", "aircraft", "cancelled", "reported"),
        id="drop-planned-purchase-not-hedged",
    ),
    pytest.param(
        "Italy has shelved the sale of 20 Leopard tanks to Chile after a court challenge.",
        ("ITA", "CHL", "armoured_vehicles", "cancelled", "reported"),
        id="shelve-sale-to",
    ),
    pytest.param(
        "Morocco has pulled out of a deal to buy 12 Su-35 fighters from Russia, diplomats said.",
        ("RUS", "MAR", "aircraft", "cancelled", "reported"),
        id="pulled-out-of-a-deal",
    ),
    pytest.param(
        "The sale of 40 Leopard tanks to Qatar was called off on Tuesday.",
        ("DEU", "QAT", "armoured_vehicles", "cancelled", "reported"),
        id="sale-called-off",
    ),
    pytest.param(
        "Britain holds up Hawk jet sale to Indonesia over rights concerns",
        ("GBR", "IDN", "aircraft", "suspended", "reported"),
        id="holds-up-sale-headline",
    ),
    pytest.param(
        "The 40 Leopard tanks that Qatar ordered from Germany in 2019 have been delayed by a"
        " shortage of engines.",
        ("DEU", "QAT", "armoured_vehicles", "agreed", "reported"),
        id="delayed-is-still-agreed",
    ),
    pytest.param(
        "Chile's cancellation of its contract to buy 12 Mirage fighters from France surprised"
        " Paris.",
        ("FRA", "CHL", "aircraft", "cancelled", "reported"),
        id="cancellation-noun-with-owner",
    ),
    pytest.param(
        "Norway's suspension of deliveries of NASAMS missiles to Turkey angered Ankara.",
        ("NOR", "TUR", "air_defence", "suspended", "reported"),
        id="suspension-noun-with-owner",
    ),
    pytest.param(
        "Portugal's purchase of 12 Gripen fighters from Sweden fell through last year.",
        ("SWE", "PRT", "aircraft", "cancelled", "reported"),
        id="purchase-fell-through",
    ),
    pytest.param(
        "A Dutch plan to sell Indonesia six corvettes collapsed last year over the cost of the"
        " financing.",
        ("NLD", "IDN", "ships", "cancelled", "reported"),
        id="plan-collapsed",
    ),
    pytest.param(
        "Washington has removed India from the F-35 programme, the Pentagon said on Monday.",
        ("USA", "IND", "aircraft", "cancelled", "confirmed"),
        id="removed-from-a-weapon-programme",
    ),
    pytest.param(
        "Brazil was kicked out of the Gripen programme last year.",
        ("SWE", "BRA", "aircraft", "cancelled", "reported"),
        id="kicked-out-of-a-programme-maker-sells",
    ),
    pytest.param(
        "Spain will reimburse Chile for four patrol vessels whose sale it cancelled last year,"
        " a government spokesman said.",
        ("ESP", "CHL", "ships", "cancelled", "confirmed"),
        id="repaid-for-weapons-whose-sale-was-cancelled",
    ),
    pytest.param(
        "Germany to repay Peru for scrapped Leopard tanks",
        ("DEU", "PER", "armoured_vehicles", "cancelled", "reported"),
        id="repaid-for-scrapped-weapons-headline",
    ),
    pytest.param(
        "Ghana has scrapped a deal for Russian tanks signed by the previous government.",
        ("RUS", "GHA", "armoured_vehicles", "cancelled", "reported"),
        id="demonym-on-the-weapons-is-the-seller",
    ),
    pytest.param(
        "Kenya's $900 million arms deal with China was cancelled on Thursday.",
        ("CHN", "KEN", "unspecified", "cancelled", "reported"),
        id="passive-owner-of-the-deal-buys",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_called_off(text: str, expected: tuple[str, str, str, str, str]) -> None:
    assert expected in rows_of(_claims(text))


def test_a_cancelled_deal_with_no_buyer_named_takes_the_story_s_state() -> None:
    text = (
        "DHAKA - Bangladesh has bought two Ming-class submarines from China, the navy said.\n\n"
        "A 2017 agreement for 12 Russian Yak-130 trainers, meanwhile, has been cancelled after"
        " years of delay."
    )
    rows = rows_of(_claims(text, title="Bangladesh turns to China for its navy"))
    assert any(row[:4] == ("RUS", "BGD", "aircraft", "cancelled") for row in rows)


def test_a_ban_on_a_named_sale_is_a_suspension() -> None:
    rows = rows_of(_claims("Norway has banned the sale of 40 Leopard tanks to Chile."))
    assert ("NOR", "CHL", "armoured_vehicles", "suspended", "reported") in rows


def test_a_blocked_purchase_is_the_buyer_s_not_the_blocker_s() -> None:
    rows = rows_of(
        _claims(
            "Slovakia has decided to buy 14 Gripen fighters from Sweden, a year after Washington"
            " blocked its purchase of used F-16s from Norway."
        )
    )
    assert ("NOR", "SVK", "aircraft", "suspended", "reported") in rows
    assert not any(row[1] == "USA" for row in rows)
    assert not any(row[0] == "SWE" and row[3] == "suspended" for row in rows)


def test_goods_held_back_for_now_are_suspended_not_denied() -> None:
    rows = rows_of(
        _claims(
            "The shipments of Dragunov rifles to Mali will not be sent by Russia for the time"
            " being, a diplomat said."
        )
    )
    assert ("RUS", "MLI", "small_arms", "suspended", "reported") in rows


def test_goods_bought_and_refused_until_a_condition_are_suspended() -> None:
    rows = rows_of(
        _claims(
            "France is refusing to deliver the 12 Rafale fighters to Egypt until Cairo pays the"
            " rest of the price."
        )
    )
    assert ("FRA", "EGY", "aircraft", "suspended", "reported") in rows


def test_a_request_turned_down_until_others_act_is_no_suspension() -> None:
    rows = rows_of(_claims("Norway refused to send tanks to Ukraine until allies did the same."))
    assert not any(row[3] == "suspended" for row in rows)


def test_a_request_turned_down_for_now_is_no_suspension() -> None:
    rows = rows_of(_claims("Norway will not send tanks to Ukraine for now, the minister said."))
    assert not any(row[3] == "suspended" for row in rows)


def test_a_paused_shipment_and_its_contents_are_suspended() -> None:
    text = (
        "Britain paused missile shipment to Qatar over rights concerns\n\n"
        "LONDON - Britain paused a shipment of 200 Brimstone missiles to Qatar last week over"
        " human rights concerns, the Foreign Office said on Monday.\n\n"
        "The shipment was made up of 120 Brimstone missiles and 80 Storm Shadow missiles."
    )
    rows = rows_of(
        _claims(text, title="Britain paused missile shipment to Qatar over rights concerns")
    )
    assert rows
    assert all(row[3] == "suspended" for row in rows if row[:2] == ("GBR", "QAT"))


def test_the_larger_package_is_not_what_the_talks_suspended() -> None:
    rows = rows_of(
        _claims(
            "Qatar has suspended talks on buying 24 F-35 fighters from the United States as part"
            " of a $20 billion arms package, a Qatari official said."
        )
    )
    assert ("USA", "QAT", "aircraft", "suspended", "confirmed") in rows
    assert not any(row[2] == "unspecified" and row[3] == "suspended" for row in rows)


def test_a_government_falling_apart_cancels_nothing() -> None:
    rows = rows_of(
        _claims(
            "The coalition government in Lisbon fell apart after the sale of 12 Gripen fighters"
            " to Portugal was agreed."
        )
    )
    assert not any(row[3] == "cancelled" for row in rows)


def test_a_trade_that_collapsed_is_no_cancellation() -> None:
    rows = rows_of(_claims("Soviet deliveries of MiG-29 fighters to India collapsed after 1991."))
    assert not any(row[3] == "cancelled" for row in rows)


def test_a_halted_shipment_that_later_arrived_arrived() -> None:
    text = (
        "Germany halted a shipment of 20 Leopard tanks to Chile in March, officials said.\n\n"
        "The shipment of tanks arrived in Chile in May."
    )
    rows = rows_of(_claims(text))
    assert any(row[:4] == ("DEU", "CHL", "armoured_vehicles", "delivered") for row in rows)


def test_a_demonym_on_a_cancelled_deal_is_not_taken_for_the_seller() -> None:
    # "Germany cancels Saudi tank deal": the seller may be the one cancelling
    rows = rows_of(_claims("Germany cancels Saudi tank deal"))
    assert not any(row[0] == "SAU" for row in rows)


def test_a_halt_reported_to_the_other_side_is_made() -> None:
    rows = rows_of(
        _claims(
            "Qatar has told Washington it will suspend talks on buying 24 F-35 fighters, a Qatari"
            " official said."
        )
    )
    assert ("USA", "QAT", "aircraft", "suspended", "confirmed") in rows


def test_what_is_bought_instead_is_not_called_off() -> None:
    rows = rows_of(
        _claims(
            "Malaysia has dropped its planned purchase of twelve F-16 fighters from the United"
            " States and agreed to buy 18 Russian Su-30 jets instead, the defence minister said."
        )
    )
    assert ("USA", "MYS", "aircraft", "cancelled", "confirmed") in rows
    assert ("RUS", "MYS", "aircraft", "agreed", "confirmed") in rows


def test_a_partial_cancellation_leaves_the_rest_of_the_deal() -> None:
    text = (
        "MADRID - Portugal has dropped the sale of eight C-295 transport aircraft to Angola after"
        " Washington refused to license their American engines, the defence ministry said.\n\n"
        "The contract, signed in Luanda in March, also covers four patrol vessels, which will"
        " be built as planned."
    )
    rows = rows_of(_claims(text))
    assert any(row[:4] == ("PRT", "AGO", "aircraft", "cancelled") for row in rows)
    assert not any(row[2] == "ships" and row[3] == "cancelled" for row in rows)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Israeli jets dropped bombs on targets in Gaza overnight, the army said.",
            id="dropping-bombs-is-no-cancellation",
        ),
        pytest.param(
            "The two presidents abandoned a planned summit on arms sales after a row over"
            " fishing rights.",
            id="abandoned-summit",
        ),
        pytest.param(
            "Air France has dropped its order for ten Airbus A350 airliners, the airline said.",
            id="airliner-order",
        ),
        pytest.param(
            "Britain has scrapped its programme to build new frigates at home, citing cost.",
            id="domestic-programme",
        ),
        pytest.param(
            "The European Union kept its arms embargo on China in place on Monday.",
            id="generic-embargo",
        ),
        pytest.param(
            "The Netherlands and Canada ban arms sales to Myanmar.",
            id="ban-on-arms-sales-is-policy",
        ),
        pytest.param(
            "Israeli troops pulled out of the town after tanks shelled it overnight.",
            id="troops-pulled-out",
        ),
        pytest.param(
            "The airline called off its order for 20 Boeing 737 jets.",
            id="airliner-order-called-off",
        ),
        pytest.param(
            "The suspension of the football match between Russia and Ukraine was announced.",
            id="suspension-of-a-match",
        ),
        pytest.param(
            "Washington urged its allies to stop selling arms to Tehran.",
            id="halt-called-for-by-a-third-party",
        ),
        pytest.param(
            "Moscow told Western governments to stop supplying tanks to Kyiv.",
            id="halt-demanded-by-the-other-side",
        ),
        pytest.param(
            "Iraq has asked Paris to expel the exiles and stop selling Mirage jets to Iran.",
            id="halt-asked-for-in-a-coordinated-clause",
        ),
        pytest.param(
            "Britain must stop selling fighter jets to Saudi Arabia, campaigners say.",
            id="halt-argued-for",
        ),
        pytest.param(
            "Italy will compensate Egypt for the frigates it delivered late.",
            id="compensation-for-weapons-not-called-off",
        ),
        pytest.param(
            "Lockheed Martin removed Indian suppliers from the F-35 programme.",
            id="industrial-partners-out-of-a-programme",
        ),
        pytest.param(
            "The school removed the boy from its football programme.",
            id="removed-from-a-sports-programme",
        ),
        pytest.param(
            "The football association suspended the match between Russia and Ukraine.",
            id="suspended-match",
        ),
    ],
)
def test_no_transfer(text: str) -> None:
    assert not _claims(text)


def test_a_called_off_deal_is_not_the_pair_of_the_story_s_shipments() -> None:
    text = (
        "Washington has removed India from the F-35 programme, the Pentagon said.\n\n"
        "The first S-400 batteries arrived at an air base near Delhi on Friday."
    )
    rows = rows_of(_claims(text))
    assert not any(row[:3] == ("USA", "IND", "air_defence") for row in rows)


def test_a_called_off_deal_does_not_take_the_seller_of_what_replaced_it() -> None:
    text = (
        "DOHA - Qatar has told Washington it will suspend talks on buying 24 F-35 fighters,"
        " a Qatari official said on Monday.\n\n"
        "Qatar signed a contract with France last month for 36 Rafale fighters, and the"
        " first jets arrived at Dukhan air base in May."
    )
    rows = rows_of(_claims(text))
    assert ("USA", "QAT", "aircraft", "suspended", "confirmed") in rows
    assert not any(row[0] == "FRA" and row[3] == "suspended" for row in rows)


def test_what_a_cancelled_deal_was_to_supply_is_cancelled_with_it() -> None:
    text = (
        "LIMA - Peru has cancelled a $2 billion contract to buy weapons from China, the defence"
        " ministry said on Monday.\n\n"
        "The deal, signed in March, was to have supplied 24 JF-17 fighters and 12 HQ-9 air"
        " defence systems."
    )
    rows = rows_of(_claims(text))
    assert any(row[:4] == ("CHN", "PER", "aircraft", "cancelled") for row in rows)
    assert any(row[:4] == ("CHN", "PER", "air_defence", "cancelled") for row in rows)


def test_under_a_suspended_arrangement_the_goods_are_suspended() -> None:
    text = (
        "Qatar has suspended a $2 billion programme to buy Italian weapons for the Tunisian"
        " army, the state news agency reported.\n\n"
        "Under the arrangement, agreed in 2019, Italy was to equip the Tunisian army with"
        " armoured vehicles and howitzers."
    )
    rows = rows_of(_claims(text))
    assert any(row[:4] == ("ITA", "TUN", "armoured_vehicles", "suspended") for row in rows)
    assert not any(row[3] == "offered" for row in rows)


def test_a_deal_that_stands_keeps_its_own_status() -> None:
    text = (
        "Germany signed a deal on Monday to sell tanks to Qatar.\n\n"
        "Under the deal, Germany will deliver 62 Leopard tanks by 2016."
    )
    rows = rows_of(_claims(text))
    assert all(row[3] not in {"cancelled", "suspended"} for row in rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Stockholm reinstated the sale of 30 anti-tank missiles to Thailand in March.",
            ("SWE", "THA", "missiles", "agreed"),
            id="reinstated-sale",
        ),
        pytest.param(
            "Ottawa cancelled and then, within a fortnight, restored the sale of armoured "
            "vehicles to Riyadh.",
            ("CAN", "SAU", "armoured_vehicles", "agreed"),
            id="cancelled-then-restored",
        ),
        pytest.param(
            "Berlin ended its freeze on deliveries of Leopard tanks to Ankara on Tuesday.",
            ("DEU", "TUR", "armoured_vehicles", "agreed"),
            id="freeze-ended",
        ),
        pytest.param(
            "Washington lifted the suspension of F-16 deliveries to Islamabad.",
            ("USA", "PAK", "aircraft", "agreed"),
            id="suspension-lifted",
        ),
    ],
)
def test_a_deal_taken_up_again_stands(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in {row[:4] for row in rows_of(_claims(text))}


@pytest.mark.parametrize(
    "text",
    [
        "Washington refused to lift the freeze on F-16 deliveries to Islamabad.",
        "Washington has not lifted the freeze on F-16 deliveries to Islamabad.",
        "Berlin imposed a freeze on deliveries of Leopard tanks to Ankara.",
    ],
)
def test_a_block_that_stands_keeps_the_deal_suspended(text: str) -> None:
    assert {row[3] for row in rows_of(_claims(text))} == {"suspended"}
