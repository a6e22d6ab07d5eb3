"""Governments' own statements: denials by calling reports false, purchases told in relative
clauses, shipments "carrying" weapons to a state. Texts written for the project."""

from __future__ import annotations

import armswatch


def _rows(
    text: str, published: str = "1984-11-09"
) -> set[tuple[str | None, str | None, str, str, str]]:
    return {
        (
            claim.supplier.key if claim.supplier else None,
            claim.recipient.key if claim.recipient else None,
            category,
            claim.status,
            claim.certainty,
        )
        for claim in armswatch.extract(text, published=published)
        for category in claim.categories
    }


def test_reports_called_a_fabrication_are_denied() -> None:
    text = (
        "The ministry is authorized to state that allegations that a Soviet freighter has "
        "delivered MiG-23 fighter planes to the Libyan port of Tobruk are a crude fabrication."
    )
    assert ("SUN", "LBY", "aircraft", "delivered", "denied") in _rows(text)


def test_a_ship_carrying_jets_to_a_state_is_in_transit() -> None:
    text = "Western diplomats said a Bulgarian ship carrying combat jet aircraft to Angola had left Varna."
    assert ("BGR", "AGO", "aircraft", "in_transit", "reported") in _rows(text)


def test_a_purchase_in_a_relative_clause_keeps_its_own_certainty() -> None:
    text = (
        "The government announced that the Tor missile system that Greece has contracted to buy "
        "from Russia will not be deployed on the islands."
    )
    rows = _rows(text, published="1999-01-20")
    assert ("RUS", "GRC", "air_defence", "agreed") in {row[:4] for row in rows}
    assert not {row for row in rows if row[4] == "denied"}  # the negation is the system's


def test_an_authorisation_to_speak_approves_nothing() -> None:
    text = (
        "The agency is authorized to state that reports that Cuba delivered rifles to rebels "
        "in Honduras are false."
    )
    assert not {row for row in _rows(text) if row[3] == "agreed"}
