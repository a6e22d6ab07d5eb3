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
