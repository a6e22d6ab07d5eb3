"""Who holds weapons someone supplied, and who a pronoun stands for in a transfer.

EXTRACTION.md section 2: "the user of the weapon is then the recipient". The texts are written
for the project in the style of wire copy and features.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from armswatch.extract.frames import _preps
from armswatch.extract.nlp import load_pipeline
from extraction_rows import claim_rows


def _pairs(text: str, published: str) -> set[tuple[str | None, str | None, str]]:
    return {row[:3] for row in claim_rows(text, published)}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "Fighters of the Justice and Equality Movement carried new rifles that aid workers "
            "say were supplied by Chad.",
            "2008-05-01",
            ("TCD", "Justice and Equality Movement", "small_arms"),
            id="relative-clause-under-speech",
        ),
        pytest.param(
            "The rebels of UNITA carry M-16 rifles supplied by Zaire.",
            "1987-05-01",
            ("COD", "UNITA", "small_arms"),
            id="participle-on-the-object",
        ),
        pytest.param(
            "UNITA's fighters carry old Kalashnikovs and new M-16 rifles supplied by Zaire.",
            "1987-05-01",
            ("COD", "UNITA", "small_arms"),
            id="last-conjunct",
        ),
        pytest.param(
            "Hamas gunmen carry a mixture of captured weapons and new rifles that were shipped "
            "by Iran, Israeli officers say.",
            "2010-05-01",
            ("IRN", "Hamas", "small_arms"),
            id="clause-hung-on-an-amount",
        ),
        pytest.param(
            "Hezbollah's fighters are armed with Kalashnikov rifles supplied by Iran.",
            "2010-05-01",
            ("IRN", "Hezbollah", "small_arms"),
            id="armed-with",
        ),
        pytest.param(
            "Cargo flights from Libya carried rifles and mortars to the RUF last year, a panel "
            "of experts reported.",
            "2000-05-01",
            ("LBY", "Revolutionary United Front", "small_arms"),
            id="carrier-from",
        ),
        pytest.param(
            "Janjaweed militiamen have fired rockets at Nyala which monitors say were supplied "
            "by Chad.",
            "2007-05-01",
            ("TCD", "Janjaweed", "ammunition"),
            id="who-fires-supplied-weapons",
        ),
        pytest.param(
            "Western diplomats point to the rockets the Houthis have launched at Jeddah, which "
            "investigators for the United Nations say were shipped by Iran in parts.",
            "2019-05-01",
            ("IRN", "Houthis", "ammunition"),
            id="relative-clause-hung-on-the-target",
        ),
    ],
)
def test_the_holder_of_supplied_weapons_received_them(
    text: str, published: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _pairs(text, published)


def test_a_clause_on_a_named_place_is_not_moved_to_a_common_noun() -> None:
    text = (
        "The U.S. Army has been considering buying some British Rapier missiles as a stop-gap for the "
        "Sergeant York gun, which was cancelled in 1985."
    )
    assert {row[3] for row in claim_rows(text, "1987-05-01")} == {"sought"}


def test_who_destroys_supplied_weapons_received_nothing() -> None:
    text = "Ukrainian troops destroyed tanks supplied by Belarus, the general staff said."
    assert not any(row[1] == "UKR" for row in _pairs(text, "2015-05-01"))


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "The Houthis launched two drones at an oil terminal on Sunday. Iran has armed them "
            "with cruise missiles, American officials say.",
            "2020-05-01",
            ("IRN", "Houthis", "missiles"),
            id="them-is-the-group-not-the-speakers-state",
        ),
        pytest.param(
            "The Lord's Resistance Army burned two villages in March. Their backers in Khartoum "
            "have shipped them mortars, Ugandan officers said.",
            "2003-05-01",
            ("SDN", "Lord's Resistance Army", "artillery"),
            id="backers-in-a-capital",
        ),
        pytest.param(
            "The Lord's Resistance Army burned two villages in March. Their backers in "
            "Khartoum have sent mortars, Ugandan officers said.",
            "2003-05-01",
            ("SDN", "Lord's Resistance Army", "artillery"),
            id="their-backers-send",
        ),
        pytest.param(
            "Kyiv says Germany should send it more Patriot missiles.",
            "2023-05-01",
            ("DEU", "UKR", "air_defence"),
            id="it-is-still-the-speaker",
        ),
    ],
)
def test_a_pronoun_stands_for_the_party_the_story_is_about(
    text: str, published: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _pairs(text, published)


def test_their_backers_are_the_state_they_sit_in_not_the_backed() -> None:
    text = (
        "The Lord's Resistance Army burned two villages in March. Their backers in Khartoum "
        "have sent mortars, Ugandan officers said."
    )
    assert not any(row[0] == "Lord's Resistance Army" for row in _pairs(text, "2003-05-01"))


def test_an_agency_sends_to_the_group_named_after_the_verb() -> None:
    text = (
        "Since 1985 the CIA has sent UNITA Stinger missiles, according to officials in Washington."
    )
    assert ("USA", "UNITA", "air_defence") in _pairs(text, "1988-03-01")


def test_a_supplier_whose_deliveries_go_elsewhere_implies_no_other_buyer() -> None:
    text = (
        "LUANDA - The Soviet Union has shipped T-55 tanks to Angola this year, Western diplomats "
        "say. The CIA has sent UNITA Stinger missiles, according to officials in Washington.\n\n"
        "What worries Pretoria most is the air defence the Soviets supplied."
    )
    pairs = _pairs(text, "1988-03-01")
    assert ("USA", "UNITA", "air_defence") in pairs
    assert ("SUN", "UNITA", "air_defence") not in pairs


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "Some 5,000 rifles that Bulgaria had sold to a trading firm were later parachuted to "
            "UNITA bases in the east, investigators said.",
            "1998-05-01",
            ("UNITA", "small_arms"),
            id="parachuted-to",
        ),
    ],
)
def test_where_weapons_were_sent(text: str, published: str, expected: tuple[str, str]) -> None:
    assert expected in {row[1:3] for row in _pairs(text, published)}


def test_a_destination_hung_on_along_with_is_the_verbs_own() -> None:
    # the parse the model makes of "it handed over tanks, along with its officers, to the army"
    words = ["it", "handed", "over", "tanks", ",", "along", "with", "officers", ",", "to", "army"]
    heads = [1, 1, 1, 1, 1, 1, 5, 6, 5, 5, 9]
    deps = ["nsubj", "ROOT", "prt", "dobj", "punct", "prep", "prep", "pobj", "punct", "prep"]
    pos = ["PRON", "VERB", "ADP", "NOUN", "PUNCT", "ADP", "ADP", "NOUN", "PUNCT", "ADP", "NOUN"]
    doc = Doc(load_pipeline().vocab, words=words, heads=heads, deps=[*deps, "pobj"], pos=pos)
    preps = _preps(doc[1])
    assert [token.text for token in preps["to"]] == ["army"]
    assert [token.text for token in preps["with"]] == ["officers"]


@pytest.mark.parametrize(
    "text",
    [
        "Qatar bought Chinese rifles from Sudan and passed them on to Libyan rebels, officials "
        "said.",
        "Qatar has bought old rifles from Sudan and shipped them to Libyan rebels, officials said.",
    ],
)
def test_weapons_bought_and_passed_on_go_to_the_next_taker(text: str) -> None:
    pairs = _pairs(text, "2012-05-01")
    assert ("QAT", "Libyan rebels", "small_arms") in pairs
    assert ("SDN", "QAT", "small_arms") in pairs
    assert ("QAT", "SDN", "small_arms") not in pairs


@pytest.mark.parametrize(
    "text",
    [
        "Congress passed a bill on arms sales to Taiwan.",
        "Inspectors looked into allegations that Israel had passed Patriot missile technology "
        "to China.",
    ],
)
def test_passing_is_no_transfer_of_its_own(text: str) -> None:
    assert not any(row[0] == "USA" or row[0] == "ISR" for row in _pairs(text, "1995-05-01"))


def test_a_group_in_apposition_after_the_destination_renames_it() -> None:
    text = (
        "A Belgian researcher and two Kenyan dock workers, however, said the Ukrainian tanks were "
        "destined for the troops of the autonomous regional authority in Juba, the former rebel "
        "Sudan People's Liberation Army."
    )
    pairs = _pairs(text, "2008-06-01")
    assert ("UKR", "Sudan People's Liberation Army", "armoured_vehicles") in pairs
    assert ("UKR", "BEL", "armoured_vehicles") not in pairs


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "Kenya's army now fields 40 BTR-80 armoured personnel carriers. They were acquired "
            "from Russia in 2005, a defence official said.",
            "2009-06-01",
            ("RUS", "KEN", "armoured_vehicles", "delivered"),
            id="passive-they-after-a-verb-of-holding",
        ),
        pytest.param(
            "Peru operates 18 MiG-29 fighters. Most of them were bought from Belarus in 1996.",
            "2001-02-01",
            ("BLR", "PER", "aircraft", "delivered"),
            id="a-share-of-them",
        ),
        pytest.param(
            "Croatia's army still uses M-84 tanks. Zagreb bought them from Kuwait in the 1990s.",
            "2010-09-01",
            ("KWT", "HRV", "armoured_vehicles", "delivered"),
            id="active-them",
        ),
        pytest.param(
            "Poland kept about 250 T-72 tanks in storage. It sent them to Ukraine in 2022.",
            "2023-01-10",
            ("POL", "UKR", "armoured_vehicles", "delivered"),
            id="the-holder-gives-them-away",
        ),
        pytest.param(
            "The jets are in service with the Peruvian air force. They were bought from Belarus "
            "in 1996.",
            "2001-02-01",
            ("BLR", "PER", "aircraft", "delivered"),
            id="weapons-in-a-partys-service",
        ),
    ],
)
def test_a_pronoun_stands_for_the_weapons_the_sentence_before_held(
    text: str, published: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in {row[:4] for row in claim_rows(text, published)}


@pytest.mark.parametrize(
    "text",
    [
        # "they" continues the subject: the rebels were armed, not the rifles
        "The rebels carry old rifles. They were sent to the front by Sudan last year.",
        # "it" cannot stand for eighteen fighters, nor "they" for one carrier
        "Peru operates 18 MiG-29 fighters. It was bought from Belarus in 1996.",
        "Thailand's navy has one aircraft carrier. They were bought from Spain in 1997.",
        # weapons nobody is said to hold: the pronoun is left alone
        "Drones are cheap and easy to hide. They were sold to Iran by smugglers, police said.",
    ],
)
def test_a_pronoun_that_cannot_stand_for_held_weapons_gives_no_transfer(text: str) -> None:
    assert not {row for row in claim_rows(text, "2001-02-01") if row[2] != "unspecified"}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "Houthi fighters carry Iranian-made rifles, U.N. monitors said.",
            "2019-04-01",
            ("IRN", "Houthis", "small_arms", "delivered"),
            id="carry-maker-marked",
        ),
        pytest.param(
            "The Iranian air force still flies U.S.-built F-14 fighters.",
            "1995-04-01",
            ("USA", "IRN", "aircraft", "delivered"),
            id="fly-maker-marked-designation",
        ),
        pytest.param(
            "The Afghan guerrillas show visitors Chinese-made rocket launchers.",
            "1987-06-01",
            ("CHN", "Mujahideen", "artillery", "delivered"),
            id="show-with-the-weapons-parsed-as-apposition",
        ),
    ],
)
def test_who_holds_maker_marked_weapons_received_them(
    text: str, published: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in {row[:4] for row in claim_rows(text, published)}


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian troops carry captured Russian-made rifles.",  # taken from the enemy
        "Russia's air force flies Russian-built Su-35 jets.",  # its own industry's
        "The air force flies Soviet-designed jets built at home.",  # designed is not made
        "Mechanics repair Chinese-made rifles at a workshop in the capital.",  # no holder's verb
    ],
)
def test_maker_marked_weapons_without_a_foreign_supplier_to_their_holder(text: str) -> None:
    assert not {row for row in claim_rows(text, "2016-03-01") if row[3] == "delivered"}


def test_a_weapon_in_a_foreign_partys_service_was_delivered_to_it() -> None:
    text = (
        "The C-390 Millennium is already in service with the Brazilian Air Force and the "
        "Portuguese Air Force."
    )
    rows = {row[:4] for row in claim_rows(text, "2024-06-27")}
    # the maker's own air force bought nothing abroad
    assert rows == {("BRA", "PRT", "aircraft", "delivered")}


def test_a_weapon_in_its_makers_own_service_is_no_transfer() -> None:
    assert not claim_rows("The Su-30 is in service with the Russian Air Force.", "2015-01-01")


def test_named_weapons_maker_outranks_an_undesignated_claim_of_the_story() -> None:
    text = (
        "Burma has also ordered A-5 ground attack jets and Hainan-class patrol boats for its "
        "navy.\n\nThe Chinese deal is not the only one. Poland has sold Burma a dozen transport "
        "helicopters, which were delivered this year, according to Polish trade officials."
    )
    pairs = {row[:3] for row in claim_rows(text, "1991-10-03")}
    assert ("CHN", "MMR", "aircraft") in pairs and ("CHN", "MMR", "ships") in pairs
    assert ("POL", "MMR", "aircraft") in pairs


def test_a_dissolved_states_design_leaves_the_seller_to_the_story() -> None:
    # a Su-25 sold in 2001 may come from any successor's stocks: the story says Ukraine
    text = (
        "Macedonia uses Ukrainian gunships against Albanian rebels\n\nSKOPJE - Macedonia has "
        "taken delivery of four Mi-24 helicopter gunships from Ukraine and expects two Su-25 "
        "ground-attack jets later this month, a Defence Ministry spokesman said."
    )
    assert not any(row[0] == "RUS" for row in claim_rows(text, "2001-06-12"))


def test_what_a_force_includes_bought_abroad_was_delivered_to_it() -> None:
    rows = {
        row[:4]
        for row in claim_rows(
            "Chad's air force now includes two Su-25 jets purchased from Ukraine.", "2008-05-01"
        )
    }
    assert rows == {("UKR", "TCD", "aircraft", "delivered")}


def test_a_transfer_nouns_contents_keep_its_stage() -> None:
    text = (
        "The United States secretly sold arms to Iran in 1985 and 1986. Officials said the "
        "deliveries included 1,000 TOW anti-tank missiles flown to Iran in February."
    )
    rows = {row[:4] for row in claim_rows(text, "1986-12-01")}
    assert ("USA", "IRN", "missiles", "delivered") in rows
    assert not any(row[3] == "in_transit" for row in rows)


def test_them_supplied_is_the_one_group_the_sentence_before_names() -> None:
    text = (
        "The attacks by the mercenary bands of the counter-revolution, the so-called contras, "
        "have intensified. The United States continues to supply them with rifles and mortars."
    )
    assert {row[:2] for row in claim_rows(text, "1984-11-09")} == {("USA", "Contras")}
    # no group named before: "them" is left to the states of the story
    text = "Kyiv lost ground in the east. Germany has sent them more tanks."
    assert {row[:2] for row in claim_rows(text, "2023-01-10")} == {("DEU", "UKR")}


def test_the_supplier_a_paragraph_names_supplies_what_it_leaves_unattributed() -> None:
    text = (
        "Russia still sells Angola most of its jets, and four Su-30K fighters arrived in Luanda "
        "last year.\n\n"
        "China has become Angola's second supplier. Two patrol boats were delivered to the "
        "Angolan navy in March."
    )
    assert ("CHN", "AGO", "ships") in _pairs(text, "2019-05-01")
    assert ("RUS", "AGO", "ships") not in _pairs(text, "2019-05-01")


def test_a_pronoun_in_a_joined_clause_is_the_first_clause_s_subject() -> None:
    text = (
        "Turkish media reported that Qatar had agreed to buy Korkut air defence guns from Aselsan, "
        "and that it had ordered 20 armoured vehicles from the Turkish firm BMC."
    )
    assert ("TUR", "QAT", "armoured_vehicles") in _pairs(text, "2021-05-01")


def test_where_the_goods_ended_up_in_a_joined_clause_is_their_recipient() -> None:
    text = "These rockets were shipped from Iran, and they crossed Syria to reach Hezbollah."
    assert ("IRN", "Hezbollah", "ammunition") in _pairs(text, "2008-05-01")


def test_a_dateline_state_the_story_is_about_is_the_implied_buyer() -> None:
    text = (
        "RABAT, Morocco - Guerrillas overran a Moroccan garrison last month. Morocco has held the "
        "coast since 1976, and Morocco's army now faces raids in the south. The Carter "
        "administration cleared in 1979 the sale of six OV-10 Bronco aircraft, and the Broncos "
        "were delivered in the spring."
    )
    rows = claim_rows(text, "1980-05-01", title="A border war and borrowed jets")
    assert ("USA", "MAR", "aircraft") in {row[:3] for row in rows}
