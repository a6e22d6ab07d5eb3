"""weapon_origins.tsv gives each weapon designation in weapons.tsv the state whose industry makes it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pytest

DATA = Path(str(resources.files("armswatch.extract").joinpath("data")))
ORIGINS = "weapon_origins.tsv"


def data_lines(name: str) -> list[tuple[int, list[str]]]:
    """Cells of each data line after the header, skipping blank and `#` comment lines."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        lines = handle.read().split("\n")
    return [
        (line_no, line.split("\t"))
        for line_no, line in enumerate(lines[1:], start=2)
        if line.strip() and not line.startswith("#")
    ]


@lru_cache(maxsize=1)
def origin_rows() -> list[tuple[int, list[str]]]:
    return data_lines(ORIGINS)


@lru_cache(maxsize=1)
def origins() -> dict[str, str]:
    return {cells[0]: cells[1] for _, cells in origin_rows() if len(cells) == 2}


@lru_cache(maxsize=1)
def designations() -> frozenset[str]:
    header = (DATA / "weapons.tsv").read_text(encoding="utf-8").split("\n", 1)[0].split("\t")
    kind, canonical = header.index("kind"), header.index("canonical")
    return frozenset(
        cells[canonical] for _, cells in data_lines("weapons.tsv") if cells[kind] == "designation"
    )


def state_codes() -> set[str]:
    lines = (DATA / "states.jsonl").read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["code"] for line in lines if line.strip()}


def test_header_names_the_two_columns() -> None:
    first = (DATA / ORIGINS).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == "canonical\torigin"


def test_every_row_has_two_non_empty_columns() -> None:
    bad = [
        (line_no, cells)
        for line_no, cells in origin_rows()
        if len(cells) != 2 or not all(cell.strip() == cell and cell for cell in cells)
    ]
    assert not bad, bad


def test_every_canonical_is_a_designation_in_weapons_tsv() -> None:
    unknown = sorted(set(origins()) - designations())
    assert not unknown, unknown


def test_canonicals_are_unique() -> None:
    names = [cells[0] for _, cells in origin_rows()]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    assert not duplicates, duplicates


def test_every_origin_is_a_state_code() -> None:
    codes = state_codes()
    unknown = sorted({origin for origin in origins().values() if origin not in codes})
    assert not unknown, unknown


def test_at_least_nine_in_ten_designations_have_an_origin() -> None:
    covered = len(designations() & set(origins()))
    missing = sorted(designations() - set(origins()))
    assert covered >= 0.9 * len(designations()), f"{covered}/{len(designations())}: {missing[:40]}"


@pytest.mark.parametrize(
    ("canonical", "origin"),
    [
        ("Shahed-136", "IRN"),
        ("F-16", "USA"),
        ("HIMARS", "USA"),
        ("Leopard 2", "DEU"),
        ("S-400", "RUS"),
        ("9K720 Iskander", "RUS"),
        ("K9 Thunder", "KOR"),
        ("Su-27", "SUN"),
        ("T-72", "SUN"),
        ("BM-21 Grad", "SUN"),
        ("Bayraktar TB2", "TUR"),
        ("Caesar", "FRA"),
        ("Storm Shadow", "GBR"),
        ("SCALP", "FRA"),
        ("CV90", "SWE"),
        ("Patria AMV", "FIN"),
        ("J-10", "CHN"),
        ("KN-23", "PRK"),
        ("Merkava", "ISR"),
        ("Exocet", "FRA"),
        ("HY-2 Silkworm", "CHN"),
        ("Eurofighter Typhoon", "GBR"),
        ("NH90", "FRA"),
        ("R-360 Neptune", "UKR"),
        ("DANA", "CSK"),
        ("M-84", "YUG"),
        ("Erieye", "SWE"),
        ("EL/W-2090 Phalcon", "ISR"),
        ("SMART-L", "NLD"),
        ("F-22P", "CHN"),
        ("Sigma-class", "NLD"),
        ("Kashtan", "SUN"),
        ("Amur-class", "RUS"),
        ("L-410 Turbolet", "CSK"),
        ("PC-21", "CHE"),
        ("Super Mushshak", "PAK"),
        ("A330 MRTT", "ESP"),
        ("Hydra 70", "USA"),
        ("6TD-2", "UKR"),
    ],
)
def test_well_known_origins(canonical: str, origin: str) -> None:
    assert origins().get(canonical) == origin
