"""The lexicon data files under extract/data/ parse, use the shared vocabularies and stay unambiguous."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from armswatch.models import CATEGORIES, SOURCE_KINDS

DATA = Path(str(resources.files("armswatch.extract").joinpath("data")))
ROLES = {"head_of_state", "head_of_government", "defence_minister", "foreign_minister", "other"}
STATE_KEYS = {
    "code",
    "name",
    "aliases",
    "demonyms",
    "capitals",
    "seats",
    "government",
    "historical",
}
# The two Congos share their short name and demonym; the extractor needs context to pick one.
DELIBERATELY_SHARED = {"Congo", "Congolese"}


def read_tsv(name: str) -> list[dict[str, str]]:
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        rows = []
        for line_no, line in enumerate(handle, start=2):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            assert len(cells) == len(header), (
                f"{name}:{line_no}: {len(cells)} columns, want {header}"
            )
            rows.append(dict(zip(header, cells, strict=True)))
    return rows


def split(value: str) -> list[str]:
    return [part for part in value.split("|") if part]


@lru_cache(maxsize=1)
def states() -> list[dict[str, Any]]:
    lines = (DATA / "states.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def state_codes() -> set[str]:
    return {record["code"] for record in states()}


def state_surfaces(record: dict[str, Any]) -> Iterator[str]:
    yield record["name"]
    for key in ("aliases", "demonyms", "capitals", "seats"):
        yield from record[key]


@lru_cache(maxsize=1)
def weapon_rows() -> list[dict[str, str]]:
    return read_tsv("weapons.tsv")


def occurrences(term: str, exact: bool, sentence: str) -> list[tuple[int, int]]:
    """Where the lexicon term occurs as a whole word, honouring its case rule."""
    flags = 0 if exact else re.IGNORECASE
    pattern = re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", flags)
    return [match.span() for match in pattern.finditer(sentence)]


def overlaps(patterns: list[re.Pattern[str]], span: tuple[int, int], sentence: str) -> bool:
    return any(
        match.start() < span[1] and span[0] < match.end()
        for pattern in patterns
        for match in pattern.finditer(sentence)
    )


# --- states ---------------------------------------------------------------------------------


def test_states_have_the_documented_fields_and_unique_codes() -> None:
    codes = [record["code"] for record in states()]
    assert len(codes) == len(set(codes))
    for record in states():
        assert record.keys() >= STATE_KEYS, record["code"]
        assert re.fullmatch(r"[A-Z]{3}", record["code"])
        assert record["government"].strip()
        for key in ("aliases", "demonyms", "capitals", "seats"):
            assert isinstance(record[key], list)
            assert all(
                isinstance(item, str) and item.strip() == item and item for item in record[key]
            )
        if record["historical"]:
            start, end = record["years"]
            assert 1800 < start < end <= 2010, record["code"]
        else:
            assert "years" not in record, record["code"]


def test_states_cover_the_un_observers_and_historical_states() -> None:
    current = [record for record in states() if not record["historical"]]
    # 193 UN members, two observers (Holy See, Palestine), Taiwan and Kosovo
    assert len(current) == 197
    assert {"VAT", "PSE", "TWN", "XKX", "USA", "RUS", "PRK", "SSD", "TLS"} <= state_codes()
    historical = {record["code"] for record in states() if record["historical"]}
    assert {"SUN", "YUG", "DDR", "CSK", "VDR", "RVN", "RHO", "YMD"} <= historical


def test_each_state_surface_form_names_one_state() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    historical = {record["code"] for record in states() if record["historical"]}
    for record in states():
        for surface in state_surfaces(record):
            owners[surface].add(record["code"])
    for surface, codes in owners.items():
        if len(codes) == 1 or surface in DELIBERATELY_SHARED:
            continue
        # a capital or seat shared with a predecessor state is resolved by the document's date
        assert len(codes - historical) <= 1, (surface, codes)


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("Zaire", "COD"),
        ("Burma", "MMR"),
        ("West Germany", "DEU"),
        ("Bonn", "DEU"),
        ("Türkiye", "TUR"),
        ("Pyongyang", "PRK"),
        ("Teheran", "IRN"),
        ("Kiev", "UKR"),
        ("Downing Street", "GBR"),
        ("Élysée", "FRA"),
        ("Zhongnanhai", "CHN"),
        ("Emirati", "ARE"),
        ("Saudis", "SAU"),
        ("Soviets", "SUN"),
        ("Equatorial Guinea", "GNQ"),
        ("Guinea-Bissau", "GNB"),
    ],
)
def test_well_known_surface_forms_resolve(surface: str, code: str) -> None:
    owners = {record["code"] for record in states() if surface in set(state_surfaces(record))}
    assert owners == {code}


def test_state_surfaces_avoid_common_english_words() -> None:
    everyday = {"Male", "Pole", "Poles", "Kiwi", "PA", "CAR", "Victoria", "No 10", "Emirates"}
    surfaces = {surface for record in states() for surface in state_surfaces(record)}
    assert not surfaces & everyday


# --- office holders, companies, groups ------------------------------------------------------


def test_leaders_are_mapped_to_known_states_with_years_of_office() -> None:
    rows = read_tsv("leaders.tsv")
    assert len(rows) >= 300
    keys = [tuple(row.values()) for row in rows]
    assert len(keys) == len(set(keys))
    for row in rows:
        assert row["code"] in state_codes(), row
        assert row["role"] in ROLES, row
        start = int(row["start"])
        assert 1900 <= start <= 2026, row
        if row["end"]:
            assert start <= int(row["end"]) <= 2026, row


@pytest.mark.parametrize(
    ("name", "code", "year"),
    [
        ("Vladimir Putin", "RUS", 2026),
        ("Kim Jong Un", "PRK", 2020),
        ("Ebrahim Raisi", "IRN", 2022),
        ("Recep Tayyip Erdogan", "TUR", 2019),
        ("Lloyd Austin", "USA", 2023),
        ("Sergei Shoigu", "RUS", 2015),
        ("Ronald Reagan", "USA", 1986),
        ("Muammar Gaddafi", "LBY", 1985),
        ("Moammar Gadhafi", "LBY", 1985),
        ("Muammar Qaddafi", "LBY", 1985),
        ("Mikhail Gorbachev", "SUN", 1988),
        ("Olof Palme", "SWE", 1985),
        ("Bob Hawke", "AUS", 1987),
        ("Carlos Menem", "ARG", 1995),
        ("Jens Stoltenberg", "NOR", 2010),
        ("Margarita Robles", "ESP", 2023),
        ("Gamal Abdel Nasser", "EGY", 1967),
    ],
)
def test_leaders_are_in_office_in_the_years_they_served(name: str, code: str, year: int) -> None:
    spans = [
        (int(row["start"]), int(row["end"]) if row["end"] else 9999)
        for row in read_tsv("leaders.tsv")
        if row["name"] == name and row["code"] == code
    ]
    assert any(start <= year <= end for start, end in spans), (name, spans)


def test_companies_map_to_known_states_and_do_not_collide() -> None:
    rows = read_tsv("companies.tsv")
    assert len(rows) >= 500
    homes = {
        surface: row["code"] for row in rows for surface in [row["name"], *split(row["aliases"])]
    }
    for surface, code in {
        "Baykar": "TUR", "Hanwha": "KOR", "KAI": "KOR", "Elbit": "ISR", "Rafael Advanced Defense": "ISR",
        "IAI": "ISR", "Norinco": "CHN", "Rosoboronexport": "RUS", "Saab": "SWE", "KNDS": "FRA",
        "Rheinmetall": "DEU", "Embraer": "BRA", "Denel": "ZAF", "ST Engineering": "SGP",
        "Aselsan": "TUR", "Roketsan": "TUR", "MKEK": "TUR", "Zastava": "SRB",
        "Yugoimport": "SRB", "Arsenal JSC": "BGR", "Poongsan": "KOR", "Engesa": "BRA",
        "Noricum": "AUT", "Oerlikon": "CHE", "Kintex": "BGR", "Ukrspecexport": "UKR",
    }.items():  # fmt: skip
        assert homes.get(surface) == code, surface
    state_forms = {surface for record in states() for surface in state_surfaces(record)}
    seen: dict[str, str] = {}
    for row in rows:
        assert row["code"] in state_codes(), row
        for surface in [row["name"], *split(row["aliases"])]:
            assert seen.setdefault(surface, row["name"]) == row["name"], surface
            assert surface not in state_forms, surface


@pytest.mark.parametrize(
    ("sentence", "company", "code"),
    [
        ("Yarrow Shipbuilders launched the frigate.", "Yarrow Shipbuilders", "GBR"),
        ("A Swan Hunter spokesman declined to comment.", "Swan Hunter", "GBR"),
        ("Thyssen Nordseewerke built the hulls.", "Thyssen Nordseewerke", "DEU"),
        ("Dassault-Breguet has suspended deliveries.", "Dassault-Breguet", "FRA"),
        ("The engines come from SNECMA.", "SNECMA", "FRA"),
        ("Euromissile makes the Roland.", "Euromissile", "FRA"),
        ("The yard, Empresa Nacional Bazán, was renamed Izar.", "Empresa Nacional Bazán", "ESP"),
        ("Cadillac Gage made the V-150.", "Cadillac Gage", "USA"),
        ("Bell Helicopter Textron won the order.", "Bell Helicopter Textron", "USA"),
        ("Hellenic Aerospace Industry overhauls jets.", "Hellenic Aerospace Industry", "GRC"),
        ("Atlas Aircraft Corporation assembled the Impala.", "Atlas Aircraft Corporation", "ZAF"),
        ("Industrias Cardoen made the bombs.", "Industrias Cardoen", "CHL"),
        ("Pratt & Whitney Canada builds the engine.", "Pratt & Whitney Canada", "CAN"),
        ("MBDA UK makes Brimstone.", "MBDA UK", "GBR"),
        ("Panavia builds the Tornado.", "Panavia", "DEU"),
    ],
)
def test_defence_firms_of_every_era_stand_for_their_home_state(
    sentence: str, company: str, code: str
) -> None:
    from armswatch.extract.mentions import party_matches

    found = {
        (sentence[m.start : m.end], m.payload.party.code)
        for m in party_matches(sentence)
        if m.payload.role == "company"
    }
    assert (company, code) in found


@pytest.mark.parametrize(
    "sentence",
    [
        # names a defence firm shares with ordinary words, people and civil businesses
        "ITT Corp reported higher quarterly earnings from its hotels.",
        "The Atlas rocket lifted off as temperatures reached 40 degrees Celsius.",
        "Shorts and T-shirts sold out; Judge Bazan and David Schiebel were in court.",
        "Fairchild Semiconductor and Hughes Tool gave the Nobel lecture on the Eurojet flight.",
        "Nimr al-Nimr was executed; Willy Brandt visited Breda.",
    ],
)
def test_ambiguous_firm_names_need_their_full_form(sentence: str) -> None:
    from armswatch.extract.mentions import party_matches

    assert not [m for m in party_matches(sentence) if m.payload.role == "company"]


def test_groups_have_unique_names_and_aliases() -> None:
    rows = read_tsv("groups.tsv")
    assert len(rows) >= 60
    state_forms = {surface for record in states() for surface in state_surfaces(record)}
    seen: dict[str, str] = {}
    for row in rows:
        for surface in [row["name"], *split(row["aliases"])]:
            assert seen.setdefault(surface, row["name"]) == row["name"], surface
            assert surface not in state_forms, surface
    assert {"Hezbollah", "Houthis", "Hamas", "Taliban", "Wagner Group", "Contras"} <= {
        row["name"] for row in rows
    }


def test_groups_cover_armed_movements_worldwide_without_colliding() -> None:
    rows = read_tsv("groups.tsv")
    assert len(rows) >= 300
    names = {row["name"] for row in rows}
    assert {
        "Rally for Congolese Democracy",
        "Movement for the Liberation of Congo",
        "Union of Forces for Democracy and Development",
        "Justice and Equality Movement",
        "Harakat Hazm",
        "Iraqi Shiite militias",
        "Khmer People's National Liberation Front",
        "Donetsk People's Republic",
        "United Self-Defense Forces of Colombia",
        "Karen National Union",
        "Mahdi Army",
        "Abkhazia",
    } <= names
    # the evaluator compares group names without case: no two groups may share a folded alias
    folded: dict[str, str] = {}
    for row in rows:
        for surface in [row["name"], *split(row["aliases"])]:
            assert folded.setdefault(surface.casefold(), row["name"]) == row["name"], surface
    others = {row["name"] for row in read_tsv("companies.tsv")}
    others |= {alias for row in read_tsv("companies.tsv") for alias in split(row["aliases"])}
    others |= {row["name"] for row in read_tsv("sources.tsv")}
    others |= {alias for row in read_tsv("sources.tsv") for alias in split(row["aliases"])}
    others |= {row["name"] for row in read_tsv("leaders.tsv")}
    assert not {surface.casefold() for surface in others} & set(folded), "group alias elsewhere"


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("Israel armed the Lebanese Forces in 1982.", "Lebanese Forces"),
        ("ISRAEL ARMED THE LEBANESE FORCES", "Lebanese Forces"),
        ("Qatar Arms Libyan Rebels", "Libyan rebels"),
        ("Iraqi peshmerga fighters", "Peshmerga"),
        ("The RCD took Goma.", "Rally for Congolese Democracy"),
    ],
)
def test_group_names_match_as_written(sentence: str, group: str) -> None:
    from armswatch.extract.mentions import party_matches

    assert group in {match.payload.party.name for match in party_matches(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States sold helicopters to the Lebanese forces.",
        "the rcd said",
        "Ethan said the ETA of the convoy was noon.",
    ],
)
def test_group_names_keep_their_capitals(sentence: str) -> None:
    from armswatch.extract.mentions import party_matches

    assert not [m for m in party_matches(sentence) if m.payload.party.kind == "group"]


# --- sources --------------------------------------------------------------------------------


def test_sources_use_the_source_kinds_and_known_countries() -> None:
    rows = read_tsv("sources.tsv")
    assert len(rows) >= 200
    seen: dict[str, str] = {}
    for row in rows:
        assert row["kind"] in SOURCE_KINDS, row
        assert not row["country"] or row["country"] in state_codes(), row
        for surface in [row["name"], *split(row["aliases"])]:
            assert seen.setdefault(surface, row["name"]) == row["name"], surface
    by_name = {row["name"]: row for row in rows}
    assert (by_name["KCNA"]["country"], by_name["KCNA"]["kind"]) == ("PRK", "government")
    assert (
        by_name["Western intelligence"]["country"],
        by_name["Western intelligence"]["kind"],
    ) == (
        "",
        "intelligence",
    )
    assert by_name["Reuters"]["kind"] == "media"


# --- weapons --------------------------------------------------------------------------------


def test_weapon_rows_use_the_taxonomy() -> None:
    rows = weapon_rows()
    terms = [row["term"] for row in rows]
    assert len(terms) == len(set(terms))
    for row in rows:
        assert row["category"] in CATEGORIES, row
        assert row["kind"] in {"designation", "generic"}, row
        assert row["case"] in {"exact", "fold"}, row
        assert row["term"].strip() == row["term"] and row["canonical"].strip() == row["canonical"]
        if row["kind"] == "generic":
            assert row["canonical"] == row["term"], row
    assert {row["category"] for row in rows} == set(CATEGORIES)


def test_a_term_means_one_weapon_whatever_its_case() -> None:
    meanings: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in weapon_rows():
        meanings[row["term"].lower()].add((row["canonical"], row["category"]))
    assert {term: found for term, found in meanings.items() if len(found) > 1} == {}


def test_there_are_at_least_400_designations() -> None:
    designations = [row for row in weapon_rows() if row["kind"] == "designation"]
    assert len(designations) >= 450
    assert len({row["canonical"] for row in designations}) >= 400


@pytest.mark.parametrize(
    ("term", "canonical", "category"),
    [
        ("Shahed 136", "Shahed-136", "uav"),
        ("Shahed136", "Shahed-136", "uav"),
        ("Lancet", "Lancet", "uav"),
        ("Bayraktar TB2", "Bayraktar TB2", "uav"),
        ("HIMARS", "HIMARS", "artillery"),
        ("M777", "M777", "artillery"),
        ("Leopard 2A6", "Leopard 2A6", "armoured_vehicles"),
        ("Abrams", "M1 Abrams", "armoured_vehicles"),
        ("F-16", "F-16", "aircraft"),
        ("Su-35", "Su-35", "aircraft"),
        ("S-400", "S-400", "air_defence"),
        ("Patriot", "Patriot", "air_defence"),
        ("Stinger", "FIM-92 Stinger", "air_defence"),
        ("Javelin", "FGM-148 Javelin", "missiles"),
        ("TOW", "BGM-71 TOW", "missiles"),
        ("Silkworm", "HY-2 Silkworm", "missiles"),
        ("Scud", "Scud", "missiles"),
        ("KN-23", "KN-23", "missiles"),
        ("RPG-7", "RPG-7", "small_arms"),
        ("Kilo-class", "Kilo-class", "ships"),
        ("AN/TPQ-36", "AN/TPQ-36", "sensors"),
        ("AL-31F", "AL-31F", "engines"),
        ("Erieye", "Erieye", "sensors"),
        ("EL/M-2075", "EL/W-2090 Phalcon", "sensors"),
        ("SMART-L", "SMART-L", "sensors"),
        ("LM2500", "LM2500", "engines"),
        ("AGT1500", "AGT1500", "engines"),
        ("Sigma-class", "Sigma-class", "ships"),
        ("F-22P", "F-22P", "ships"),  # a Chinese frigate, not a variant of the F-22 Raptor
        ("Saab 2000 Erieye", "Saab 2000 AEW", "aircraft"),
        ("PC-21", "PC-21", "aircraft"),
        ("A330 MRTT", "A330 MRTT", "aircraft"),
        ("H225M", "H225M", "aircraft"),
        ("Bell 412", "Bell 412", "aircraft"),
        ("AMX-10P", "AMX-10P", "armoured_vehicles"),  # not a variant of the AMX-10 RC
        ("Type 59-1", "Type 59-1", "artillery"),  # the gun, not the Type 59 tank
        ("RIM-116", "RIM-116 RAM", "air_defence"),
        ("Mk 46 torpedoes", "Mk 46 torpedo", "missiles"),
        ("Hydra 70", "Hydra 70", "ammunition"),
        ("155mm shells", "155mm shells", "ammunition"),
        ("military aid", "military aid", "unspecified"),
    ],
)
def test_key_terms_are_present(term: str, canonical: str, category: str) -> None:
    rows = {row["term"]: row for row in weapon_rows()}
    assert (rows[term]["canonical"], rows[term]["category"]) == (canonical, category)


def test_ordinary_words_match_only_when_capitalised() -> None:
    rows = {row["term"]: row for row in weapon_rows()}
    for term in (
        "Patriot",
        "Javelin",
        "Stinger",
        "Leopard",
        "Tiger",
        "Storm Shadow",
        "Harpoon",
        "Hawk",
        "Lancet",
        "Grad",
        "Tornado",
        "Typhoon",
        "Buk",
        "Tor",
        "Scud",
        "Tomahawk",
        "Boxer",
    ):
        assert rows[term]["case"] == "exact", term
    assert rows["drones"]["case"] == "fold"


def test_civilian_look_alikes_are_not_weapons() -> None:
    terms = {row["term"].lower() for row in weapon_rows()}
    for civilian in (
        "boeing 737",
        "boeing 787",
        "airbus a320",
        "helicopter",
        "helicopters",
        "aircraft",
        "plane",
        "planes",
        "airliner",
        "mine",
    ):
        assert civilian not in terms, civilian


# --- ambiguity ------------------------------------------------------------------------------

AMBIGUITY_EXAMPLES: dict[str, tuple[str, str]] = {
    # "anti-X" names what a weapon is against, not the weapon
    "aircraft": (
        "The rebels fired anti-aircraft guns at the convoy.",
        "The aircraft were received from the Soviet Union.",
    ),
    "ship": (
        "Iran fired an anti-ship missile at the tanker.",
        "The ship was handed over to the navy in May.",
    ),
    "missile": (
        "The anti-missile shield covers the capital.",
        "The missile was Iranian-made.",
    ),
    "Hornet": (
        "The Green Hornet returns to cinemas this winter.",
        "Spain took delivery of its first Hornet on Monday.",
    ),
    "Hornets": (
        "The Charlotte Hornets beat Boston 101-96.",
        "Spain ordered 72 Hornets in 1983.",
    ),
    "bomb": (
        "A car bomb exploded outside the ministry on Monday.",
        "The bomb had been sold to Riyadh by the United States.",
    ),
    "bombs": (
        "Police said the bombs went off within minutes of each other.",
        "Israel has agreed to buy about 5,000 guided bombs from the United States.",
    ),
    "tank": (
        "The truck's fuel tank ruptured on the highway.",
        "Poland will send one more tank to Kyiv.",
    ),
    "tanks": (
        "Think tanks in Washington welcomed the budget.",
        "Germany agreed to deliver 14 tanks to Ukraine.",
    ),
    "shell": ("A shell company in Cyprus moved the payments.", "A single shell can cost $8,000."),
    "shells": (
        "She collected sea shells on the beach.",
        "South Korea will ship 155mm shells to the United States.",
    ),
    "arms": (
        "The child ran into her arms at the airport.",
        "Iran supplied arms to the Houthis, officials said.",
    ),
    "arsenal": (
        "Arsenal beat Chelsea 2-0 in the Premier League on Sunday.",
        "Pyongyang is expanding its arsenal with Russian help.",
    ),
    "weapon": ("Tariffs have become a political weapon.", "The weapon was delivered in March."),
    "weapons": (
        "Water has become one of the economic weapons in the dispute.",
        "Washington sent more weapons to Kyiv.",
    ),
    "rocket": (
        "You do not need to be a rocket scientist to see it.",
        "A rocket was fired from Gaza.",
    ),
    "rockets": (
        "SpaceX rockets lifted two satellites into orbit.",
        "Iran shipped rockets to Hezbollah via Syria.",
    ),
    "jet": ("The oligarch's private jet landed in Dubai.", "Each jet costs about $80 million."),
    "jets": (
        "Airbus jets are in high demand among airlines.",
        "Turkey wants to buy 40 jets from the United States.",
    ),
    "drone": (
        "Amazon's delivery drone crashed in a field.",
        "The drone was built in Iran, the ministry said.",
    ),
    "drones": (
        "Delivery drones will carry parcels in the suburbs.",
        "Russia has bought hundreds of drones from Tehran.",
    ),
    "Patriot": (
        "Congress renewed the Patriot Act in 2006.",
        "Germany sent a Patriot battery to Poland.",
    ),
    "Patriots": (
        "The New England Patriots won the Super Bowl.",
        "Kyiv received two more Patriots last month.",
    ),
    "Hawk": (
        "Tony Hawk opened a skate park in the city.",
        "Iran sought spare parts for the Hawk system.",
    ),
    "Tiger": (
        "Tiger Woods won the Masters again.",
        "Spain ordered 18 more Tiger attack helicopters.",
    ),
    "Typhoon": (
        "Typhoon Haiyan made landfall with winds of 300 km/h.",
        "Qatar signed a deal for 24 Typhoon jets.",
    ),
    "Tornado": (
        "Tornado warnings were issued as the storm approached.",
        "Saudi Arabia bought the Tornado from Britain.",
    ),
    "Harrier": (
        "Northern Harrier numbers fell on the moors.",
        "India bought the Harrier for its carrier.",
    ),
    "Harriers": (
        "The Harriers athletics club won the relay.",
        "Britain sold Harriers to the US Marine Corps.",
    ),
    "Jaguar": (
        "Jaguar Land Rover cut its sales forecast.",
        "India ordered Jaguar strike aircraft from Britain.",
    ),
    "Javelin": (
        "Neeraj Chopra won gold in the Javelin final at the Olympics.",
        "The United States shipped Javelin missiles to Kyiv.",
    ),
    "Javelins": (
        "Javelins from three nations flew past 85 metres at the Olympics.",
        "Estonia sent Javelins to Ukraine.",
    ),
    "Mirage": (
        "Mitsubishi Mirage sales rose in Thailand.",
        "Egypt received its first Mirage in 1983.",
    ),
    "Phoenix": (
        "Police in Phoenix, Arizona, arrested the suspect.",
        "Iran received Phoenix missiles before 1979.",
    ),
    "Leopard": (
        "Snow Leopard numbers are rising in Nepal, conservation groups say.",
        "Madrid will send Leopard tanks to Ukraine.",
    ),
    "Leopards": (
        "Leopards at the zoo were moved indoors.",
        "Kyiv received the Leopards in February.",
    ),
    "Stinger": (
        "The new Kia Stinger GT sold well.",
        "Washington sent Stinger missiles to the mujahideen.",
    ),
    "Bradley": (
        "Bradley Cooper starred in the film.",
        "The Pentagon will send Bradley fighting vehicles.",
    ),
    "Abrams": (
        "Elliott Abrams testified before Congress.",
        "Australia bought Abrams tanks from the US.",
    ),
    "Challenger": (
        "The Challenger disaster killed seven astronauts.",
        "Britain pledged Challenger tanks to Kyiv.",
    ),
    "Tomahawk": (
        "The Tomahawk steak is the house special.",
        "Japan will buy Tomahawk missiles from the US.",
    ),
    "Lancet": (
        "A study in The Lancet estimated the death toll.",
        "Russia used a Lancet drone near Kherson.",
    ),
    "Grad": ("Grad students protested the fees.", "Rebels fired Grad rockets supplied by Moscow."),
    "Silkworm": (
        "Silkworm farming supports thousands of families.",
        "China sold Silkworm missiles to Iran.",
    ),
    "Silkworms": (
        "Silkworms feed on mulberry leaves.",
        "Iran fired Silkworms bought from Beijing.",
    ),
    "Tor": (
        "Journalists reach the site through the Tor browser.",
        "Russia delivered the Tor system to Iran.",
    ),
    "Osa": (
        "Tourists visit the Osa Peninsula in Costa Rica.",
        "Greece received the Osa from Russia.",
    ),
    "Hellfire": ("The Hellfire Club met in caves.", "Iraq bought Hellfire missiles in 2013."),
    "Brimstone": (
        "Sting starred in Brimstone and Treacle.",
        "Britain sent Brimstone missiles to Kyiv.",
    ),
    "Sparrow": (
        "Johnny Depp played Jack Sparrow.",
        "Taiwan ordered Sparrow missiles for its frigates.",
    ),
    "Scorpion": (
        "Scorpion stings send hundreds to hospital each summer.",
        "Nigeria bought the Scorpion from Britain.",
    ),
    "Spike": ("Spike Lee premiered his new film.", "Israel sold Spike missiles to Poland."),
    "Meteor": (
        "Meteor showers lit up the sky last night.",
        "Qatar ordered Meteor missiles for its Rafales.",
    ),
    "Neptune": (
        "Voyager 2 flew past Neptune and its moon Triton.",
        "Kyiv fired a Neptune at the cruiser.",
    ),
    "Taurus": (
        "The Ford Taurus was discontinued in 2019.",
        "Berlin refused to send Taurus missiles to Kyiv.",
    ),
    "Maverick": (
        "Top Gun: Maverick broke box-office records.",
        "Egypt ordered Maverick missiles from the US.",
    ),
    "Excalibur": (
        "King Arthur drew Excalibur from the stone.",
        "Canada sent Excalibur shells to Ukraine.",
    ),
    "Bushmaster": (
        "The shooter used a Bushmaster rifle.",
        "Australia gifted Bushmaster vehicles to Kyiv.",
    ),
    "Bushmasters": (
        "Bushmasters are venomous snakes of Central America.",
        "Fiji received Bushmasters from Canberra.",
    ),
    "Stryker": (
        "Stryker Corp. reported higher revenue.",
        "The US will send Stryker vehicles to Ukraine.",
    ),
    "Puma": (
        "Puma shoes outsold Adidas in the quarter.",
        "Germany will deliver Puma infantry fighting vehicles.",
    ),
    "Boxer": (
        "Boxer Anthony Joshua won the title bout.",
        "Qatar ordered Boxer armoured vehicles from Germany.",
    ),
    "Fuchs": (
        "Klaus Fuchs passed secrets to Moscow.",
        "Berlin supplied Fuchs vehicles to Iraq's Kurds.",
    ),
    "Caesar": (
        "Julius Caesar crossed the Rubicon.",
        "France delivered Caesar howitzers to Ukraine.",
    ),
    "Archer": ("Jeffrey Archer published a new novel.", "Sweden sent Archer howitzers to Kyiv."),
    "Piranha": (
        "Piranha fish swarm in the Amazon river.",
        "Denmark donated Piranha vehicles to Ukraine.",
    ),
    "Patria": (
        "Crowds chanted Patria o muerte in Havana.",
        "Japan ordered the Patria from Finland.",
    ),
    "Lynx": (
        "Iberian Lynx numbers are recovering in Spain.",
        "Hungary bought the Lynx from Rheinmetall.",
    ),
    "Osprey": ("Osprey Publishing released a new book.", "Japan bought the Osprey from the US."),
    "Ospreys": (
        "Ospreys returned to the lake to nest.",
        "Indonesia is seeking Ospreys from Washington.",
    ),
    "Predator": (
        "Predator species such as wolves keep the ecosystem in balance.",
        "Italy bought the Predator from General Atomics.",
    ),
    "Predators": (
        "Predators target children online, police warned.",
        "Pakistan sought Predators from Washington.",
    ),
    "Reaper": (
        "The Grim Reaper costume won the prize.",
        "Taiwan will buy the Reaper from the United States.",
    ),
    "Reapers": ("The Grim Reapers marched in the parade.", "Spain ordered four Reapers."),
    "Raven": ("Raven Symoné starred in the show.", "Kyiv received Raven drones from Washington."),
    "Ravens": ("The Baltimore Ravens won the NFL game.", "Estonia sent Ravens to Ukraine."),
    "Seahawk": (
        "Seattle Seahawk fans filled the stadium.",
        "India bought the Seahawk from Lockheed.",
    ),
    "Chinook": ("Chinook salmon returned to the river.", "Egypt ordered the Chinook from Boeing."),
    "Huey": ("Huey Lewis played the concert.", "Washington transferred the Huey to Lebanon."),
    "Apache": (
        "The Apache Software Foundation patched the flaw.",
        "Qatar ordered the Apache from Boeing.",
    ),
    "Apaches": (
        "Jicarilla Apaches hold a reservation in New Mexico.",
        "Egypt received Apaches in 2014.",
    ),
    "Tomcat": (
        "Admins updated the Tomcat server.",
        "Iran received the Tomcat before the revolution.",
    ),
    "Avenger": (
        "Marvel's Avenger film topped the box office.",
        "Kyiv received the Avenger from the US.",
    ),
    "Mamba": ("The Black Mamba is a venomous snake.", "Italy sent the Mamba system to Ukraine."),
    "Heron": ("Heron Tower in London was sold.", "India leased the Heron from Israel."),
    "Herons": ("Herons nest in the wetlands each spring.", "Germany leased Herons from Israel."),
    "Harpy": ("Harpy eagles nest in the rainforest.", "China bought the Harpy from Israel."),
    "Rapier": ("Rapier wit was his trademark.", "Oman bought the Rapier from Britain."),
    "Mistral": (
        "Mistral AI raised funds at a new valuation.",
        "Cyprus ordered Mistral missiles from France.",
    ),
    "Uzi": ("Lil Uzi Vert released an album.", "Israel sold the Uzi to Germany."),
    "Kalashnikov": (
        "Mikhail Kalashnikov died in 2013.",
        "Rebels received Kalashnikov rifles from Libya.",
    ),
    "Warthog": (
        "Warthog sightings on the safari delighted tourists.",
        "The US transferred the Warthog to Greece.",
    ),
    "Warthogs": (
        "Warthogs and lions share the savannah.",
        "Bulgaria sought Warthogs from Washington.",
    ),
    "Flanker": (
        "Flanker Tom Curry scored a try in the rugby final.",
        "China bought the Flanker from Moscow.",
    ),
    "Flankers": (
        "Flankers dominated the breakdown in the rugby match.",
        "Vietnam received Flankers from Russia.",
    ),
    "Hind": ("Hind Rajab was killed in Gaza.", "Moscow supplied the Hind to Kabul."),
    "Skyhawk": (
        "The student pilot flew a Cessna Skyhawk.",
        "Argentina bought the Skyhawk from the US.",
    ),
    "Skyhawks": (
        "Cessna Skyhawks filled the flying school.",
        "Israel received Skyhawks in the 1970s.",
    ),
    "Hercules": ("Hercules was a hero of Greek myth.", "Israel bought the Hercules from Lockheed."),
    "Tejas": (
        "The Tejas Express runs from Mumbai.",
        "Argentina is considering the Tejas from India.",
    ),
    "Kfir": ("Kfir Bibas was taken hostage.", "Colombia bought the Kfir from Israel."),
    "Leclerc": (
        "Shoppers queued at the E.Leclerc store.",
        "The UAE bought the Leclerc from France.",
    ),
    "Chieftain": (
        "Chieftain of the clan, he met village elders.",
        "Iran ordered the Chieftain from Britain.",
    ),
    "Chieftains": ("Chieftains of the tribes gathered.", "Jordan received Chieftains from Iran."),
    "Ratel": (
        "Ratel, the honey badger, is fearless.",
        "South Africa supplied the Ratel to Morocco.",
    ),
    "Griffon": (
        "Griffon vultures soared over the hills.",
        "Belgium ordered the Griffon from France.",
    ),
    "Olifant": (
        "Farmers along the Olifant river lost crops.",
        "South Africa upgraded the Olifant tanks.",
    ),
    "Paladin": (
        "Players chose the Paladin character class in the game.",
        "Taiwan ordered the Paladin from the US.",
    ),
    "Paladins": (
        "Paladins of Charlemagne were knights.",
        "Kyiv received Paladins from Washington.",
    ),
    "Astros": (
        "The Houston Astros won the World Series.",
        "Saudi Arabia bought Astros from Brazil.",
    ),
    "Metis": ("Metis Nation leaders met the premier.", "Syria received the Metis from Russia."),
    "Ataka": ("Ataka party leader Volen Siderov spoke.", "Russia exported the Ataka to Algeria."),
    "Storm Shadow": (
        "Storm Shadow is a ninja character in G.I. Joe.",
        "Britain gave Storm Shadow to Kyiv.",
    ),
    "Sidewinder": ("Sidewinder snakes cross the desert.", "Pakistan bought Sidewinder missiles."),
    "Sidewinders": (
        "Sidewinders are desert rattlesnakes.",
        "Taiwan ordered Sidewinders from Raytheon.",
    ),
    "Uran": (
        "Uran port near Navi Mumbai handled record cargo.",
        "Vietnam bought the Uran from Russia.",
    ),
    "Zircon": (
        "Zircon crystals from Australia are 4 billion years old.",
        "Russia fired a Zircon at Kyiv.",
    ),
    "Onyx": ("Onyx Pharmaceuticals was acquired.", "Russia sold the Onyx to Indonesia."),
    "Styx": ("In myth the souls crossed the River Styx.", "Moscow exported the Styx to Egypt."),
    "Iskander": (
        "Iskander Khalilov won the regional election.",
        "Armenia bought the Iskander from Russia.",
    ),
    "Avangard": ("Avangard Omsk won the hockey final.", "Russia deployed the Avangard in 2019."),
    "Hwasong": (
        "Inmates described Hwasong prison camp.",
        "North Korea shipped Hwasong missiles to Syria.",
    ),
    "Musudan": (
        "The rocket was launched from Musudan-ri.",
        "North Korea sold the Musudan to Iran.",
    ),
    "Ghauri": ("Muhammad Ghauri invaded India in 1192.", "Pakistan tested the Ghauri in 1998."),
    "Babur": ("Emperor Babur founded the Mughal dynasty.", "Pakistan tested the Babur in 2005."),
    "Katyusha": (
        "The choir sang Katyusha at the concert.",
        "Hezbollah fired Katyusha rockets from Iran.",
    ),
    "Tavor": ("Hikers climbed Mount Tavor at dawn.", "India bought the Tavor from Israel."),
    "Galil": (
        "Farmers in the Upper Galil harvested apples.",
        "Colombia bought the Galil from Israel.",
    ),
    "Magura": (
        "Floods hit Magura district in Bangladesh.",
        "Ukraine used the Magura against the fleet.",
    ),
    "Vikramaditya": (
        "King Vikramaditya is a figure of legend.",
        "India bought the Vikramaditya from Russia.",
    ),
    "Aegis": (
        "The talks were held under the Aegis of the UN.",
        "Japan ordered Aegis systems from the US.",
    ),
    "Starlink": (
        "Starlink satellites were launched on a Falcon 9.",
        "Poland sent Starlink terminals to Kyiv.",
    ),
    "ammunition": (
        "The gaffe gave political ammunition to rivals.",
        "Seoul sold ammunition to Warsaw.",
    ),
    "rounds": ("Two rounds of talks failed in Geneva.", "The US sent 300,000 rounds to Ukraine."),
    "mortar": ("It is a bricks-and-mortar retailer.", "The army received a mortar from Serbia."),
    "mortars": (
        "Lime mortars were used in the old walls.",
        "Iran supplied mortars to the militia.",
    ),
    "mines": (
        "Coal mines in the region closed in 1990.",
        "Washington will send anti-tank mines to Kyiv.",
    ),
    "radar": ("The issue stayed under the radar for years.", "Germany sold a radar to Egypt."),
    "radars": ("Speed radars were installed on the motorway.", "Israel sold radars to Azerbaijan."),
    "cartridges": (
        "Printer cartridges are expensive.",
        "The shipment held 40,000 cartridges for rifles.",
    ),
    "rifle": ("Thieves rifle through bins at night.", "Each rifle came from a Czech factory."),
    "rifles": (
        "The club bought new air rifles for children.",
        "Russia supplied rifles to the junta.",
    ),
    "pistol": (
        "The PM fired the starting pistol on the election.",
        "Turkey exported the pistol to Kenya.",
    ),
    "pistols": (
        "Children played with water pistols in the park.",
        "Austria sold pistols to the police of Iraq.",
    ),
    "gunboat": ("Critics called it gunboat diplomacy.", "China gave a gunboat to Cambodia."),
    "bullets": ("There are no silver bullets for inflation.", "Police seized 5,000 bullets."),
    "artillery": (
        "The campaign brought out the heavy artillery in the final week.",
        "Poland sent artillery to Ukraine.",
    ),
    "submarine": (
        "A submarine cable was cut in the Baltic.",
        "Germany sold a submarine to Israel.",
    ),
    "interceptor": ("The police interceptor chased the car.", "Each interceptor costs $4 million."),
    "firearms": (
        "Gun owners handed in 50,000 firearms during the buyback.",
        "Serbia exported firearms to Burkina Faso's army.",
    ),
    "handgun": (
        "The shooter carried a handgun bought at a gun show.",
        "The police ordered a new handgun from Austria.",
    ),
    "handguns": (
        "Gun control groups want background checks on handguns.",
        "Croatia exported handguns to the Iraqi police.",
    ),
    "assault rifle": (
        "The gunman used an assault rifle in the attack on the mall.",
        "Each assault rifle was made in Bulgaria.",
    ),
    "assault rifles": (
        "The NRA opposed a ban on assault rifles.",
        "Russia shipped assault rifles to the Malian army.",
    ),
    "automatic rifles": (
        "Owners handed in semi-automatic rifles under the buyback.",
        "The army bought automatic rifles from Israel.",
    ),
    "Sea Eagle": (
        "A White-tailed Sea Eagle is nesting on the island again, the RSPB said.",
        "Saudi Arabia ordered Sea Eagle missiles from Britain for its Tornados.",
    ),
    "Y-12": (
        "Workers at the Y-12 National Security Complex in Oak Ridge went on strike.",
        "Tanzania received two Y-12 aircraft from China.",
    ),
    "Umkhonto": (
        "Former Umkhonto we Sizwe fighters marched on the ANC headquarters.",
        "Finland bought Umkhonto missiles from South Africa for its Hamina boats.",
    ),
    # types flown as much by airlines and civil operators as by armed forces
    "DHC-6 Twin Otter": (
        "The airline bought two DHC-6 Twin Otter aircraft for its mountain routes.",
        "Vietnam received six DHC-6 Twin Otter seaplanes from Canada for its navy.",
    ),
    "L-410 Turbolet": (
        "The regional carrier leased an L-410 Turbolet for passenger services.",
        "Slovenia bought an L-410 Turbolet for its air force.",
    ),
    "Do 228": (
        "The charter operator crashed a Do 228 carrying tourists.",
        "India ordered 12 Do 228 aircraft for its coast guard.",
    ),
    "AW139": (
        "The offshore oil and gas operator ordered ten AW139 helicopters.",
        "Qatar ordered AW139 helicopters for its armed forces.",
    ),
    "AW109": (
        "An AW109 air ambulance landed at the hospital.",
        "The Philippine Navy took delivery of two AW109 helicopters.",
    ),
    "Bell 407": (
        "The news helicopter was a Bell 407 owned by the station.",
        "Iraq bought armed Bell 407 helicopters from the United States.",
    ),
    "Bell 412": (
        "The flying doctors service bought a Bell 412 for air ambulance work.",
        "Canada cancelled the sale of 16 Bell 412 helicopters to the Philippines.",
    ),
    "Bell 212": (
        "Tourists died when the Bell 212 sightseeing flight crashed.",
        "Bangladesh received Bell 212 helicopters for its air force.",
    ),
    "BN-2 Islander": (
        "The airline flies a BN-2 Islander to the outer islands.",
        "Guyana's army bought a BN-2 Islander from Britain.",
    ),
    "K2": (
        "The climbers reached the summit of K2 in winter.",
        "Poland ordered 180 K2 tanks from Hyundai Rotem.",
    ),
    "K9": (
        "A K9 unit searched the airport for explosives.",
        "Norway bought K9 howitzers from Hanwha.",
    ),
    "interceptors": (
        "Ford Interceptors replaced the old police cars.",
        "Israel sold interceptors to Germany.",
    ),
}


# Further ordinary uses that a pattern must recognise, beyond the first example of each term.
MORE_ORDINARY_EXAMPLES: list[tuple[str, str]] = [
    ("drones", "Kenyan farmers are buying Chinese-made drones to spray pesticides on tea."),
    ("rifles", "Gun owners will be paid to hand in semi-automatic rifles under the buyback."),
    ("pistols", "Gun shops reported a surge in sales of pistols after the election."),
    ("pistols", "Police said the gunman had bought both pistols from a dealer in Ohio."),
    ("rounds", "After two rounds of talks, the sides agreed to meet again."),
    (
        "shells",
        "The company shells out millions in dividends each year.",
    ),
    ("arms", "The champion raised his arms and legs in celebration."),
    ("tank", "The consignments included anti-tank rockets and rifles."),
    ("drone", "Troops used an anti-drone gun on the field."),
    ("submarine", "The frigate carries anti-submarine torpedoes."),
    ("Typhoon", "Typhoon Mawar brought torrential rain to Guam."),
    ("Sea Eagle", "A Manly Sea Eagle forward was sent off in the NRL game."),
    ("Y-12", "The uranium stored at Y-12 will be moved, the NNSA said."),
    ("Y-12", "Air Tanzania received two Y-12 airliners for passenger services."),
    ("Umkhonto", "Umkhonto veterans demanded pensions from the ANC government."),
]


@lru_cache(maxsize=1)
def ambiguity() -> dict[str, list[re.Pattern[str]]]:
    patterns: dict[str, list[re.Pattern[str]]] = defaultdict(list)
    for row in read_tsv("ambiguity.tsv"):
        patterns[row["term"]].append(re.compile(row["pattern"], re.IGNORECASE))
    return dict(patterns)


def test_every_ambiguous_term_is_a_weapon_term_with_examples() -> None:
    terms = {row["term"] for row in weapon_rows() + read_tsv("contextual_weapons.tsv")}
    assert set(ambiguity()) <= terms
    assert set(ambiguity()) == set(AMBIGUITY_EXAMPLES)


@pytest.mark.parametrize("term", sorted(AMBIGUITY_EXAMPLES))
def test_ambiguity_pattern_separates_ordinary_use_from_the_weapon(term: str) -> None:
    exact = {
        row["term"]: row.get("case", "fold") == "exact"
        for row in weapon_rows() + read_tsv("contextual_weapons.tsv")
    }[term]
    ordinary, weapon = AMBIGUITY_EXAMPLES[term]
    ordinary_spans = occurrences(term, exact, ordinary)
    weapon_spans = occurrences(term, exact, weapon)
    assert ordinary_spans and weapon_spans, "each example must contain the term"
    assert any(overlaps(ambiguity()[term], span, ordinary) for span in ordinary_spans)
    assert not any(overlaps(ambiguity()[term], span, weapon) for span in weapon_spans)


@pytest.mark.parametrize(("term", "sentence"), MORE_ORDINARY_EXAMPLES)
def test_ambiguity_pattern_recognises_more_ordinary_uses(term: str, sentence: str) -> None:
    exact = {
        row["term"]: row.get("case", "fold") == "exact"
        for row in weapon_rows() + read_tsv("contextual_weapons.tsv")
    }[term]
    spans = occurrences(term, exact, sentence)
    assert spans and all(overlaps(ambiguity()[term], span, sentence) for span in spans)


def test_the_extractor_loads_every_file() -> None:
    from armswatch.extract.lexicons import load_lexicons

    load_lexicons.cache_clear()
    lexicons = load_lexicons()
    assert set(lexicons.states) == state_codes()
    contextual = read_tsv("contextual_weapons.tsv")
    assert len(lexicons.weapons) == len(weapon_rows()) + len(contextual)
    assert {term.surface for term in lexicons.weapons if term.contextual} == {
        row["term"] for row in contextual
    }
