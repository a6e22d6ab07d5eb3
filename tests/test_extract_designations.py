"""Designations added to the lexicon name their weapon in a transfer; their look-alikes name none."""

from __future__ import annotations

import pytest

import armswatch
from armswatch.extract.mentions import weapon_matches


def _items(text: str) -> list[tuple[str, str | None]]:
    claims = armswatch.extract(text, published="2020-05-01")
    return [(item.category, item.designation) for claim in claims for item in claim.items]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Thailand ordered two Erieye radars from Sweden.", ("sensors", "Erieye")),
        ("Germany delivered TRML-4D radars to Ukraine.", ("sensors", "TRML-4D")),
        (
            "Pakistan bought four Saab 2000 Erieye aircraft from Sweden in 2006.",
            ("aircraft", "Saab 2000 AEW"),
        ),
        ("Poland ordered 40 AW149 helicopters from Leonardo.", ("aircraft", "AW149")),
        ("Saudi Arabia ordered 55 PC-21 trainers from Switzerland.", ("aircraft", "PC-21")),
        (
            "Indonesia bought two Sigma-class frigates from the Netherlands.",
            ("ships", "Sigma-class"),
        ),
        ("Pakistan received the F-22P frigate from China in 2009.", ("ships", "F-22P")),
        ("Algeria ordered two C28A corvettes from China.", ("ships", "C28A")),
        ("France sold 36 AMX-10P vehicles to Iraq.", ("armoured_vehicles", "AMX-10P")),
        ("Egypt ordered Mk 46 torpedoes from the United States.", ("missiles", "Mk 46 torpedo")),
        ("Turkey delivered Cirit missiles to Azerbaijan.", ("missiles", "Cirit")),
        (
            "Finland bought Umkhonto missiles from South Africa for its Hamina boats.",
            ("air_defence", "Umkhonto"),
        ),
        ("The United States sent Hydra 70 rockets to Ukraine.", ("ammunition", "Hydra 70")),
    ],
)
def test_a_new_designation_is_the_transferred_item(text: str, item: tuple[str, str]) -> None:
    assert item in _items(text)


@pytest.mark.parametrize(
    "text",
    [
        "Workers at the Y-12 National Security Complex in Oak Ridge received new contracts.",
        "The Manly Sea Eagles signed a new halfback from the Storm.",
        "Umkhonto we Sizwe veterans received pensions from the government.",
        "The airline bought two Twin Otters from Canada for passenger services.",
        "The offshore oil and gas operator CHC ordered ten AW139s from Italy.",
    ],
)
def test_a_designation_used_as_an_ordinary_or_civil_name_is_no_weapon(text: str) -> None:
    assert not weapon_matches(text)
    assert not _items(text)


def test_the_maker_supplies_when_the_text_names_no_supplier() -> None:
    claims = armswatch.extract(
        "Nigeria took delivery of 12 Super Mushshak trainers last week.", published="2020-05-01"
    )
    assert [claim.supplier.key for claim in claims if claim.supplier] == ["PAK"]
