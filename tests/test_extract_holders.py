"""Who holds weapons someone supplied, and who a pronoun stands for in a transfer.

EXTRACTION.md section 2: "the user of the weapon is then the recipient". The texts are written
for the project in the style of wire copy and features.
"""

from __future__ import annotations

import pytest

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
    ],
)
def test_the_holder_of_supplied_weapons_received_them(
    text: str, published: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _pairs(text, published)


def test_who_destroys_supplied_weapons_received_nothing() -> None:
    text = "Ukrainian troops destroyed tanks supplied by Belarus, the general staff said."
    assert not any(row[1] == "UKR" for row in _pairs(text, "2015-05-01"))
