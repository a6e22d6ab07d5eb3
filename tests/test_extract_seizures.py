"""Seized shipments: weapons caught on their way are a transfer in transit between the shipment's
origin and its destination; the seizer is neither side. Texts written for the project."""

from __future__ import annotations

from extraction_rows import claim_rows


def _rows(text: str, title: str | None = None) -> set[tuple[str | None, str | None, str, str]]:
    return {row[:4] for row in claim_rows(text, "2015-04-20", title)}


def test_destination_on_the_weapons_and_examples_give_the_category() -> None:
    text = (
        "ADEN - Coalition warships intercepted a dhow in the Gulf of Aden carrying Iranian "
        "weapons destined for Houthi fighters, including anti-tank missiles, a spokesman said."
    )
    rows = _rows(text)
    assert ("IRN", "Houthis", "missiles", "in_transit") in rows
    assert not any(row[1] == "SAU" or row[0] == "SAU" for row in rows)


def test_destination_told_in_another_sentence() -> None:
    text = (
        "MANILA - Customs officers have seized 20 tonnes of weapons, including rockets, from a "
        "freighter that had sailed from North Korea, officials said on Monday. Officials said "
        "the ship was bound for Syria."
    )
    assert ("PRK", "SYR", "ammunition", "in_transit") in _rows(text)


def test_seizure_with_no_destination_keeps_the_recipient_unknown() -> None:
    text = (
        "Police in Colombo impounded a cargo plane carrying about ten tonnes of weapons from "
        "North Korea after it landed to refuel, officials said."
    )
    assert ("PRK", None, "unspecified", "in_transit") in _rows(text)


def test_a_police_seizure_without_a_shipment_is_no_transfer() -> None:
    text = "Police seized Russian-made rifles and ammunition from a gang's warehouse in Marseille."
    assert _rows(text) == set()


def test_an_intercepted_missile_is_not_a_seizure() -> None:
    text = (
        "Saudi air defences intercepted a ballistic missile fired by the Houthis toward Jizan. "
        "The coalition said the missile was Iranian-made."
    )
    rows = _rows(text)
    assert ("IRN", "Houthis", "missiles", "in_use") in rows
    assert not any(row[3] == "in_transit" for row in rows)
