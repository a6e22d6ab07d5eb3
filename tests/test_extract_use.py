"""Weapons in use: a foreign maker's weapon used by a party is a transfer that reached it.

EXTRACTION.md section 3: "in_use: fired, launched, used with a weapon whose origin is another
party". The texts are written for the project in the style of wire copy.
"""

from __future__ import annotations

import pytest

from extraction_rows import claim_rows


def _rows(text: str, published: str = "2023-03-15") -> set[tuple[str | None, str | None, str, str]]:
    return {row[:4] for row in claim_rows(text, published)}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "ODESA - Russian forces attacked the port overnight with Iranian-made drones, "
            "regional officials said.",
            "2023-03-15",
            ("IRN", "RUS", "uav", "in_use"),
            id="attacked-with-made-in",
        ),
        pytest.param(
            "Rebel commanders said Soviet-made MiG fighters flown by the Ethiopian air force "
            "struck at their positions.",
            "1987-06-01",
            ("SUN", "ETH", "aircraft", "in_use"),
            id="flown-by-agent",
        ),
        pytest.param(
            "Iraq's navy has few ships left, and its pilots have used French-made Exocet missiles "
            "against tankers in the Gulf.",
            "1987-06-01",
            ("FRA", "IRQ", "missiles", "in_use"),
            id="possessive-pronoun-actor",
        ),
        pytest.param(
            "Officials said several rockets were fired by Hamas at Ashkelon on Sunday. Military "
            "experts said the rockets were Iranian-made.",
            "2023-03-15",
            ("IRN", "Hamas", "ammunition", "in_use"),
            id="maker-stated-in-another-sentence",
        ),
    ],
)
def test_use_of_a_foreign_weapon(
    text: str, published: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in _rows(text, published=published)


def test_a_later_mention_takes_the_maker_stated_earlier() -> None:
    text = (
        "KHARKIV - Iranian-made Shahed drones struck the city's power station on Friday. Ukraine "
        "says Russia has launched more than 400 of the drones since the autumn."
    )
    assert ("IRN", "RUS", "uav", "in_use") in _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Russian artillery fired on Ukrainian tanks near Avdiivka, the ministry said.",
            id="target-is-not-the-weapon",
        ),
        pytest.param(
            "Israeli jets struck targets in southern Lebanon overnight, the army said.",
            id="operator-demonym-is-no-maker",
        ),
        pytest.param(
            "A Russian transport plane flew the crew of the downed helicopter to Moscow.",
            id="flying-people-is-no-use",
        ),
    ],
)
def test_not_a_use_transfer(text: str) -> None:
    assert not {row for row in _rows(text) if row[3] == "in_use"}


def test_two_makers_for_one_kind_leave_the_supplier_open() -> None:
    text = (
        "Both Chinese-made and Iranian-made drones have been found in the region. Officials said "
        "the rebels launched the drones at an airbase on Monday."
    )
    assert not {row for row in _rows(text) if row[3] == "in_use"}


def test_captured_weapons_were_not_supplied_to_their_user() -> None:
    text = (
        "Officials said the insurgents had used U.S.-made armoured Humvee vehicles captured from "
        "the Iraqi army in the attack."
    )
    assert not {row for row in _rows(text, published="2015-06-01") if row[3] == "in_use"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "SPLA commanders said the SPLA had received Konkurs anti-tank missiles from Uganda "
            "and was using them against government armour near the river.",
            ("UGA", "missiles"),
            id="conjoined-use-of-them",
        ),
        pytest.param(
            "Egypt has supplied Sudan with Chinese-made Wing Loong drones, which have struck "
            "targets across the western suburbs of Omdurman, investigators say.",
            ("EGY", "uav"),
            id="relative-clause-on-the-weapon",
        ),
        pytest.param(
            "In 1994 Angola defeated the rebels with helicopter gunships bought from Ukraine.",
            ("UKR", "aircraft"),
            id="fought-with-weapons-bought",
        ),
    ],
)
def test_a_delivery_put_to_use_in_the_same_sentence(text: str, expected: tuple[str, str]) -> None:
    rows = _rows(text)
    supplier, category = expected
    statuses = {row[3] for row in rows if row[0] == supplier and row[2] == category}
    assert {"delivered", "in_use"} <= statuses, rows


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Egypt received 20 F-16 fighters from the United States, which will use them to patrol "
            "the border.",
            id="future-use-is-not-use",
        ),
        pytest.param(
            "Ukraine has received Patriot systems from Germany but has not yet used them.",
            id="negated-use-is-not-use",
        ),
        pytest.param(
            "Poland took delivery of K2 tanks bought from South Korea and will be equipped with "
            "them by spring.",
            id="equipping-is-not-use",
        ),
    ],
)
def test_a_delivery_without_use(text: str) -> None:
    rows = _rows(text)
    assert rows and not {row for row in rows if row[3] == "in_use"}, rows


def test_a_force_flying_foreign_aircraft_shows_a_delivery() -> None:
    rows = _rows("Iraq's air force flies French Mirage F1 jets.", published="1986-06-01")
    assert ("FRA", "IRQ", "aircraft", "delivered") in rows
    assert not {row for row in rows if row[3] == "in_use"}


# A weapon fighting for a party: the weapon is the subject of a verb of attack, or of carrying out
# an operation, and the sentence names whose it is (its owner, or whose operation it carries out).
# The prefilter parses such a sentence when it marks a maker ("-made", "-built") or holds a cue.
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "Soviet-built T-62 tanks led the Syrian offensive on the town, Western military "
            "attaches said.",
            "1982-06-20",
            ("SUN", "SYR", "armoured_vehicles", "in_use"),
            id="maker-marked-weapon-leads-a-party-s-offensive",
        ),
        pytest.param(
            "The Mirages have flown most of Peru's sorties over the disputed valley, a diplomat in "
            "Lima said.",
            "1995-02-10",
            ("FRA", "PER", "aircraft", "in_use"),
            id="designation-maker-carries-out-a-party-s-operation",
        ),
        pytest.param(
            "Libya's Soviet-supplied Tu-22 bombers have hit targets in northern Chad, French officials "
            "said on Monday.",
            "1986-02-17",
            ("SUN", "LBY", "aircraft", "in_use"),
            id="owner-of-a-foreign-weapon-that-attacks",
        ),
        pytest.param(
            "Egypt's U.S.-built F-16s bombed militant camps across the border on Sunday, the army "
            "said.",
            "2015-02-16",
            ("USA", "EGY", "aircraft", "in_use"),
            id="owner-of-a-designation-made-abroad",
        ),
        pytest.param(
            "Syrian forces brought down an Israeli jet with a Soviet-made SA-6 missile on Tuesday, "
            "Damascus radio said.",
            "1982-06-08",
            ("SUN", "SYR", "air_defence", "in_use"),
            id="brought-down-with-a-foreign-missile",
        ),
    ],
)
def test_a_foreign_weapon_fighting_for_a_party(
    text: str, published: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in _rows(text, published=published)


def test_what_a_weapon_brings_down_or_destroys_is_the_target() -> None:
    rows = _rows(
        "Ukrainian troops destroyed three Russian T-72 tanks with U.S.-made Javelin missiles near the "
        "village, the general staff said."
    )
    assert ("USA", "UKR", "missiles", "in_use") in rows
    assert not {row for row in rows if row[2] == "armoured_vehicles"}, rows
    rows = _rows(
        "Syrian forces brought down an Israeli jet with a Soviet-made SA-6 missile on Tuesday.",
        published="1982-06-08",
    )
    assert not {row for row in rows if row[2] == "aircraft"}, rows


def test_the_headline_s_state_is_the_unnamed_force_using_the_weapon() -> None:
    text = (
        "Angola downs South African jet over Cuito. LUANDA - Government troops shot down a "
        "Mirage fighter with a Soviet-made SA-8 missile near Cuito on Sunday, the Angolan "
        "defence ministry said. South African officials in Pretoria declined to comment, and "
        "Pretoria said its pilots would keep flying over southern Angola."
    )
    rows = _rows(text, published="1988-02-22")
    assert ("SUN", "AGO", "air_defence", "in_use") in rows
    assert not {row for row in rows if row[1] == "ZAF"}, rows


@pytest.mark.parametrize(
    ("text", "published"),
    [
        pytest.param(
            "Russia's own Su-35 fighters struck targets near Kharkiv overnight, the ministry said.",
            "2023-03-15",
            id="home-made-weapon-of-its-owner",
        ),
        pytest.param(
            "Israeli jets struck Syria's Soviet-made air defences near Damascus overnight.",
            "1982-06-10",
            id="foreign-weapon-attacked-is-the-target",
        ),
        pytest.param(
            "Western-supplied tanks spearheaded Ukraine's counteroffensive in the south.",
            "2023-06-15",
            id="western-is-no-maker",
        ),
        pytest.param(
            "Russian jets spearheaded the Syrian army's offensive on Aleppo, monitors said.",
            "2016-10-01",
            id="operator-demonym-is-no-maker",
        ),
        pytest.param(
            "Veterans recalled how Soviet-built tanks led the offensive in the summer of 1968.",
            "2018-08-20",
            id="no-party-named-as-user",
        ),
        pytest.param(
            "Under the treaty, Soviet-built tanks may no longer lead an offensive across the "
            "line, negotiators in Vienna said.",
            "1990-11-19",
            id="arms-control-talk-is-no-use",
        ),
    ],
)
def test_no_user_for_a_weapon_in_action(text: str, published: str) -> None:
    assert not {row for row in _rows(text, published=published) if row[3] == "in_use"}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            "Colombia's attack planes are Brazilian-built Super Tucano aircraft, "
            "which have carried out raids on guerrilla camps in the south, officers said.",
            "2012-04-11",
            ("BRA", "COL", "aircraft", "in_use"),
            id="owner-of-the-copula-subject",
        ),
        pytest.param(
            "Peru's small air wing flew French-built Mirage jets, refitted in Lima, on raids "
            "against guerrilla camps in the valley.",
            "1995-02-10",
            ("FRA", "PER", "aircraft", "in_use"),
            id="flown-on-raids",
        ),
        pytest.param(
            "Investigators found the wreck of a drone, a Chinese-made Wing Loong, an armed model "
            "that the Nigerian air force has used in strikes on insurgent camps.",
            "2016-08-22",
            ("CHN", "NGA", "uav", "in_use"),
            id="use-clause-on-an-apposition",
        ),
    ],
)
def test_more_ways_to_name_the_user(
    text: str, published: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in _rows(text, published=published)


def test_a_relative_pronoun_on_a_weapon_is_no_party() -> None:
    rows = _rows(
        "The jets were Israeli-built Kfir fighter-bombers, which flew sorties against rebel "
        "positions.",
        published="2009-05-24",
    )
    assert not {row for row in rows if row[1] == "ISR"}, rows
