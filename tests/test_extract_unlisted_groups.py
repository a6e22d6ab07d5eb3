"""Armed groups the lexicon does not list, named as the text names them; a state's own forces,
parties and councils stay what they are. Texts written for the project; the groups named here
are deliberately absent from groups.tsv (the first test checks that)."""

from __future__ import annotations

import pytest

from armswatch.extract.lexicons import load_lexicons
from armswatch.extract.unlisted_groups import is_group_name
from extraction_rows import claim_rows

UNLISTED = [
    "Patriotic Movement of Ivory Coast",
    "Movement for Justice and Peace",
    "Ivorian Popular Movement of the Great West",
    "Front for the Restoration of Unity and Democracy",
]


def _pairs(text: str, published: str = "2003-02-10") -> set[tuple[str | None, str | None, str]]:
    return {row[:3] for row in claim_rows(text, published)}


def test_the_groups_in_these_tests_are_not_in_the_lexicon() -> None:
    listed = {term.surface.lower() for term in load_lexicons().party_terms}
    assert not {name.lower() for name in UNLISTED} & listed


def test_a_movement_named_as_a_recipient_is_a_group() -> None:
    text = (
        "ABIDJAN - Burkina Faso has supplied assault rifles and mortars to the Patriotic "
        "Movement of Ivory Coast, which holds the north, Western diplomats said on Monday."
    )
    pairs = _pairs(text)
    assert ("BFA", "Patriotic Movement of Ivory Coast", "small_arms") in pairs
    assert not any(recipient == "CIV" for _, recipient, _ in pairs)


def test_the_fighters_of_a_named_movement_are_that_movement() -> None:
    text = (
        "Liberia shipped Kalashnikov rifles to fighters of the Movement for Justice and Peace "
        "in the west of the country, a United Nations panel said in a report."
    )
    assert ("LBR", "Movement for Justice and Peace", "small_arms") in _pairs(text)


def test_a_name_runs_on_past_the_parse_while_of_or_for_leads_to_capitals() -> None:
    text = "Uganda gave mortars to the rebel Movement for Justice and Peace in 2003."
    assert ("UGA", "Movement for Justice and Peace", "artillery") in _pairs(text)


def test_an_acronym_the_text_defines_names_the_group_later() -> None:
    text = (
        "The Ivorian Popular Movement of the Great West (MPIGO) seized Man last month. "
        "Diplomats said Liberia had delivered rocket-propelled grenades to the MPIGO in December."
    )
    assert ("LBR", "Ivorian Popular Movement of the Great West", "small_arms") in _pairs(text)


def test_a_plural_describing_its_members_names_the_group() -> None:
    text = "Libya sent rifles and mortars to Tuareg militias in the north, officials said."
    assert ("LBY", "Tuareg militias", "small_arms") in _pairs(text, "1990-06-01")


def test_a_hyphenated_description_is_kept_whole() -> None:
    text = (
        "Investigators said Russia had supplied the Buk missile system to pro-Russian "
        "separatists in eastern Ukraine."
    )
    assert ("RUS", "pro-Russian separatists", "air_defence") in _pairs(text, "2014-09-01")


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The United States sold 24 Apache helicopters to the Lebanese armed forces.", "LBN"),
        ("Russia delivered T-72 tanks to the Cuban Revolutionary Armed Forces in 1985.", "CUB"),
        ("The Sudanese Armed Forces received 12 MiG-29 jets from Belarus, officials said.", "SDN"),
    ],
)
def test_a_states_own_forces_are_the_state(text: str, recipient: str) -> None:
    assert any(pair[1] == recipient for pair in _pairs(text, "2008-05-01"))


@pytest.mark.parametrize(
    "name",
    [
        "Patriotic Movement of Ivory Coast",
        "Movement for Justice and Peace",
        "Union of Forces for Democracy and Development",
        "Democratic Forces for the Liberation of Rwanda",
        "Front for the Restoration of Unity and Democracy",
        "Lord's Resistance Army",
        "Sudan Liberation Army",
    ],
)
def test_names_built_like_armed_groups(name: str) -> None:
    assert is_group_name(name, load_lexicons())


@pytest.mark.parametrize(
    "name",
    [
        "Democratic Party",
        "Christian Democratic Union",
        "African Union",
        "Freedom Party",
        "Salvation Army",
        "Supreme Council of the Armed Forces",
        "Sudanese Armed Forces",
        "Cuban Revolutionary Armed Forces",
        "Afghan National Army",
        "People's Liberation Army",
        "Five Star Movement",
        "European Council",
        "UK Independence Party",
        "Popular Force",
        "Fire Brigades Union",
        "Special Forces Group",
        "Armed Forces Ruling Council",
    ],
)
def test_names_that_are_not_armed_groups(name: str) -> None:
    assert not is_group_name(name, load_lexicons())


def test_parties_and_councils_in_a_slot_are_no_group() -> None:
    text = "The Democratic Party approved the sale of F-16 jets to Turkey, officials said."
    pairs = _pairs(text, "2023-01-01")
    assert all(supplier != "Democratic Party" for supplier, _, _ in pairs)


def test_the_rebels_are_the_group_a_story_names_most() -> None:
    text = (
        "PESHAWAR, Pakistan - The mujahideen have pushed Soviet troops out of two valleys, "
        "commanders of the Afghan mujahideen said. A Hezb-i-Islami commander said the mujahideen "
        "now hold the road.\n\nWestern diplomats said the guerrillas had received Stinger "
        "missiles from the United States."
    )
    assert ("USA", "Mujahideen", "air_defence") in _pairs(text, "1987-03-01")


def test_the_rebels_stay_unnamed_when_two_groups_are_named_alike() -> None:
    text = (
        "KINSHASA - The Rally for Congolese Democracy holds the east and the Movement for the "
        "Liberation of Congo the north.\n\nDiplomats said the rebels had received mortars from "
        "Uganda."
    )
    assert not any(pair[0] == "UGA" for pair in _pairs(text, "1999-08-01"))
