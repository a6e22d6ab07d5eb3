"""Reporting that names weapons and states but tells no transfer: exercises, surrenders,
rules laid down, topics of talk, craft intercepted, weapons handed to a U.N. mission.
Texts written for the project."""

from __future__ import annotations

import armswatch


def _claims(text: str, published: str) -> list[armswatch.Claim]:
    return armswatch.extract(text, published=published)


def test_aircraft_sent_with_their_airmen_to_an_exercise_are_deployed_not_transferred() -> None:
    text = (
        "DARWIN, Australia - Air forces from 14 countries began combat training over northern "
        "Australia on Monday. India sent four Su-30MKI fighters, a C-17 transport and about 150 "
        "airmen. Aircraft from Canada, France and Singapore are also taking part."
    )
    assert _claims(text, "2018-07-30") == []


def test_weapons_given_up_are_surrendered_not_supplied() -> None:
    text = (
        "UNITED NATIONS - The Security Council demanded that the Houthis give up all arms they "
        "have taken from military institutions in Yemen."
    )
    assert _claims(text, "2015-04-14") == []


def test_a_rule_that_a_state_shall_not_supply_arms_is_policy() -> None:
    text = (
        "UNITED NATIONS - By the resolution, the Council decided that Iran shall not supply, "
        "sell or transfer any arms or related materiel from its territory."
    )
    assert _claims(text, "2007-03-24") == []


def test_the_question_of_arms_sales_is_a_topic_not_a_sale() -> None:
    text = (
        "WASHINGTON - On the question of arms sales to Taiwan, the United States states that it "
        "does not seek to carry out a long-term policy in this area."
    )
    assert _claims(text, "1982-08-17") == []


def test_aircraft_that_might_be_intercepted_carry_no_transfer() -> None:
    text = (
        "COLOMBO - Indian transport planes dropped food over Jaffna on Saturday. India warned "
        "that any attempt to intercept the aircraft would be resisted."
    )
    assert _claims(text, "1987-06-05") == []


def test_weapons_a_un_mission_received_are_no_states() -> None:
    text = (
        "BOGOTA - The United Nations mission in Colombia, like the one in Angola before it, "
        "collects the guerrillas' arms. The United Nations mission said on Tuesday that it had "
        "received 7,132 weapons from the FARC's fighters."
    )
    assert not any(
        claim.recipient is not None and claim.recipient.kind == "state"
        for claim in _claims(text, "2017-06-28")
    )


def test_non_lethal_aid_is_no_weapon() -> None:
    text = (
        "WASHINGTON - The United States provides the Syrian rebels only with non-lethal aid such "
        "as radios and vehicles, officials said."
    )
    assert _claims(text, "2014-04-06") == []


def test_ships_and_aircraft_sent_for_a_disaster_or_drills_are_deployed() -> None:
    for text in (
        "Japan sends destroyers and helicopters to Indonesia after the earthquake.",
        "France sent a frigate and two patrol aircraft to Senegal for the joint exercise.",
        "The Soviet Union has sent transport planes, flown by Soviet crews, to carry grain to "
        "the north.",
    ):
        assert armswatch.extract(text, published="1985-01-10") == [], text


def test_a_services_own_aircraft_arriving_abroad_are_deployed() -> None:
    assert (
        armswatch.extract(
            "The first U.S. Army AH-64 Apache helicopters landed at Skopje's airport on Monday.",
            published="1999-04-12",
        )
        == []
    )
    claims = armswatch.extract(
        "The first Polish Air Force F-35 fighters arrived at Lask air base.", published="2026-05-01"
    )
    assert [(c.supplier.code, c.recipient.code) for c in claims] == [("USA", "POL")]


def test_a_test_firing_is_no_use() -> None:
    text = "Officials denied reports that the Admiral Gorshkov would test-fire a Zircon off Durban."
    assert armswatch.extract(text, published="2023-02-10") == []


def test_a_ban_on_all_arms_sales_is_policy() -> None:
    text = "The United States is fully lifting the ban on the sale of military equipment to Laos."
    assert armswatch.extract(text, published="2016-05-23") == []
    claims = armswatch.extract(
        "Germany lifted its ban on the sale of Leopard tanks to Qatar.", published="2013-01-10"
    )
    assert [(c.supplier.code, c.recipient.code) for c in claims] == [("DEU", "QAT")]


def test_stationing_ones_own_missiles_is_no_transfer() -> None:
    text = "Moscow said it would station its own short-range missiles in Belarus."
    assert armswatch.extract(text, published="2023-03-25") == []


def test_warships_sent_to_waters_or_to_an_exercise_are_deployed() -> None:
    for text in (
        "The United States, which has sent warships close to Chinese-held islands, said it had "
        "been informed.",
        "China sent a destroyer and a frigate, and the Thai navy is taking part with a corvette.",
    ):
        assert armswatch.extract(text, published="2016-07-10") == [], text
    sent = "Russia sent two frigates and a fleet tanker to South Africa."
    drills = armswatch.extract(
        sent, title="Russian and Chinese warships join South Africa for naval drills"
    )
    assert drills == []
    visit = armswatch.extract(sent, title="Russian ships in Cape Town", published="2023-02-17")
    assert [(c.supplier.code, c.recipient.code) for c in visit] == [("RUS", "ZAF")]


def test_weapons_an_award_was_won_ahead_of_were_passed_over() -> None:
    text = (
        "Challenger 2 was selected ahead of the United States' M1A2 Abrams, the German Leopard 2 "
        "and the French Leclerc."
    )
    assert armswatch.extract(text, published="1991-06-10") == []


def test_firing_ones_own_weapons_is_no_transfer() -> None:
    text = (
        "The soldiers, from Princess Patricia's Canadian Light Infantry, were firing their own "
        "rifles and machine guns on a range near Kandahar when the pilot released a bomb, "
        "according to U.S. officials."
    )
    claims = armswatch.extract(
        text, title="U.S. bomb kills four Canadian soldiers in Afghanistan", published="2002-04-18"
    )
    assert claims == []
