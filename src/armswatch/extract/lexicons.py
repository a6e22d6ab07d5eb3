"""The lexicons, loaded once from the data files under extract/data/.

A new weapon name or country alias is a one-line change to a data file, never to this module.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from armswatch.errors import ExtractionError
from armswatch.models import CATEGORIES, SOURCE_KINDS, STATUSES, Party


@dataclass(frozen=True)
class StateEntry:
    code: str
    name: str
    government: str
    historical: bool = False
    years: tuple[int, int] | None = None
    kingdom: bool = False  # "the kingdom" can refer to it


@dataclass(frozen=True)
class PartyTerm:
    """A surface form that names a party: a state's name, demonym, capital, seat, leader, company or group."""

    surface: str
    party: Party
    role: str  # name, demonym, capital, seat, leader, company, group, body, agency
    years: tuple[int | None, int | None] | None = None


@dataclass(frozen=True)
class WeaponTerm:
    surface: str
    category: str
    kind: str  # designation or generic
    canonical: str
    exact_case: bool
    # a plain word ("aircraft", "ships") that is a weapon only where the document names a
    # weapon of the same category (contextual_weapons.tsv)
    contextual: bool = False


@dataclass(frozen=True)
class SourceTerm:
    """An organisation that speaks in the news: a government body, agency, outlet or institute."""

    surface: str
    name: str
    country: str | None
    kind: str


@dataclass(frozen=True)
class Cue:
    """A word that says a transfer is happening, with its direction class and default status."""

    lemma: str
    pos: str  # verb or noun
    cue_class: str
    status: str
    deal: str


@dataclass
class Lexicons:
    states: dict[str, StateEntry]
    party_terms: list[PartyTerm]
    weapons: list[WeaponTerm]
    ambiguity: dict[str, list[re.Pattern[str]]]
    sources: list[SourceTerm]
    verb_cues: dict[str, Cue]
    noun_cues: dict[str, Cue]
    # every inflected surface form of a cue (lower case), for the prefilter
    cue_forms: dict[str, Cue]
    # role -> words: the hedges, denials and doubts of modality.tsv
    modality: dict[str, set[str]]
    # successor code -> (predecessor code, last year of the predecessor)
    predecessors: dict[str, tuple[str, int]] = field(default_factory=dict)
    # the last year a successor's name still stands for its predecessor ("Belgrade" in 1997)
    named_until: dict[str, int] = field(default_factory=dict)
    # canonical designation -> the state whose industry designed it
    weapon_origins: dict[str, str] = field(default_factory=dict)
    # dissolved state -> the states that inherited its weapons (dissolutions.tsv)
    successors: dict[str, frozenset[str]] = field(default_factory=dict)
    # role -> words: how armed groups' names are built (group_words.tsv)
    group_words: dict[str, set[str]] = field(default_factory=dict)
    # state code -> its first demonym ("Syrian"), from states.jsonl
    demonyms: dict[str, str] = field(default_factory=dict)

    def inherited(self, supplier: Party | None, recipient: Party | None) -> bool:
        """The recipient came out of the supplier: its weapons were inherited, not supplied."""
        if supplier is None or recipient is None or not supplier.code or not recipient.code:
            return False
        return recipient.code in self.successors.get(supplier.code, frozenset())

    def dissolved(self, code: str | None, year: int) -> bool:
        """The state no longer existed in `year` (the Soviet Union in 2008)."""
        return any(
            predecessor == code and year > until
            for predecessor, until in self.predecessors.values()
        )

    def demonym_of(self, code: str | None) -> str | None:
        """The first demonym the states lexicon gives a state ("Syrian" for SYR)."""
        return self.demonyms.get(code or "")

    def government_of(self, code: str | None) -> str | None:
        entry = self.states.get(code or "")
        return entry.government if entry else None

    def as_of(self, party: Party, year: int) -> Party:
        """The state as it was in a given year ("Moscow" in 1987 is the Soviet Union)."""
        if party.code in self.predecessors:
            predecessor, until = self.predecessors[party.code]
            if year <= self.named_until.get(party.code, until) and predecessor in self.states:
                return self.state_party(predecessor)
        return party

    def origin_state(self, designation: str, year: int) -> Party | None:
        """The state a designation comes from, as it was in `year` (a MiG-29 sold in 2015 is Russian)."""
        code = self.weapon_origins.get(designation)
        if code is None or code not in self.states:
            return None
        for successor, (predecessor, until) in self.predecessors.items():
            if predecessor == code and year > until:
                return self.state_party(successor)
        return self.state_party(code)

    def state_party(self, code: str) -> Party:
        entry = self.states[code]
        return Party(name=entry.name, code=code, kind="state")


DATA_PACKAGE = "armswatch.extract"
# Surnames that are also ordinary words or place names are never matched alone.
COMMON_WORDS = {
    "brown",
    "may",
    "king",
    "price",
    "rice",
    "gates",
    "rose",
    "major",
    "blair",
    "law",
    "hope",
    "little",
    "young",
    "long",
    "street",
    "banks",
    "hill",
    "wood",
    "ford",
    "jordan",
    "george",
    "chad",
    "salman",
    "abdullah",
    "hussein",
    "ali",
    "khan",
    "singh",
    "kumar",
    "wang",
    "zhang",
    "chen",
    "park",
    "moon",
    # also common given names or other people's surnames ("Nasser bin Hamad", "Amber Rudd")
    "nasser",
    "mohamad",
    "rudd",
}


def _data_path(name: str) -> Path:
    return Path(str(resources.files(DATA_PACKAGE).joinpath("data", name)))


def _read_tsv(name: str) -> Iterator[dict[str, str]]:
    path = _data_path(name)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for line_no, row in enumerate(reader, start=2):
            if not row or not any((value or "").strip() for value in row.values()):
                continue
            first = next(iter(row.values())) or ""
            if first.startswith("#"):
                continue
            if None in row:
                raise ExtractionError(f"{path}:{line_no}: too many columns")
            yield {key: (value or "").strip() for key, value in row.items()}


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _year(value: str) -> int | None:
    return int(value) if value.strip() else None


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections of a verb; irregular ones come from the data file's forms column."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


def _load_states() -> tuple[dict[str, StateEntry], list[PartyTerm]]:
    states: dict[str, StateEntry] = {}
    terms: list[PartyTerm] = []
    path = _data_path("states.jsonl")
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ExtractionError(f"{path}:{line_no}: {exc}") from exc
        code = record["code"]
        years = (int(record["years"][0]), int(record["years"][1])) if record.get("years") else None
        entry = StateEntry(
            code=code,
            name=record["name"],
            government=record.get("government") or f"{record['name']} government",
            historical=bool(record.get("historical")),
            years=years,
            kingdom=any(
                "kingdom" in name.lower() for name in [record["name"], *record.get("aliases", [])]
            ),
        )
        states[code] = entry
        party = Party(name=entry.name, code=code, kind="state")
        for role, surfaces in (
            ("name", [record["name"], *record.get("aliases", [])]),
            ("demonym", record.get("demonyms", [])),
            ("capital", record.get("capitals", [])),
            ("seat", record.get("seats", [])),
        ):
            terms.extend(PartyTerm(surface, party, role) for surface in surfaces)
    return states, terms


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """All lexicons, parsed once per process."""
    states, party_terms = _load_states()

    def state_party(code: str, where: str) -> Party:
        if code not in states:
            raise ExtractionError(f"{where}: unknown state code {code!r}")
        return Party(name=states[code].name, code=code, kind="state")

    surnames: dict[str, set[str]] = {}
    for row in _read_tsv("leaders.tsv"):
        party = state_party(row["code"], "leaders.tsv")
        years = (_year(row.get("start", "")), _year(row.get("end", "")))
        party_terms.append(PartyTerm(row["name"], party, "leader", years))
        surname = row["name"].split()[-1]
        surnames.setdefault(surname, set()).add(row["code"])
    # a surname alone ("Reznikov said") names the state when every office holder of that name served one state
    for surname, codes in surnames.items():
        if (
            len(codes) == 1
            and len(surname) >= 4
            and surname[0].isupper()
            and surname.lower() not in COMMON_WORDS
        ):
            party_terms.append(
                PartyTerm(surname, state_party(next(iter(codes)), "leaders.tsv"), "leader")
            )
    for row in _read_tsv("companies.tsv"):
        party = state_party(row["code"], "companies.tsv")
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            party_terms.append(PartyTerm(surface, party, "company"))
    for row in _read_tsv("groups.tsv"):
        party = Party(name=row["name"], code=None, kind="group")
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            party_terms.append(PartyTerm(surface, party, "group"))

    sources: list[SourceTerm] = []
    for row in _read_tsv("sources.tsv"):
        kind = row.get("kind") or "other"
        if kind not in SOURCE_KINDS:
            raise ExtractionError(f"sources.tsv: {row['name']}: unknown kind {kind!r}")
        country = row.get("country") or None
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            sources.append(SourceTerm(surface, row["name"], country, kind))
            # A state's own bodies stand for the state when they act ("the Pentagon will send").
            if country and kind in {"government", "military"} and country in states:
                party_terms.append(PartyTerm(surface, state_party(country, "sources.tsv"), "body"))
            elif (
                country
                and kind == "intelligence"
                and country in states
                and "intelligence" not in surface.split()
            ):
                # "the CIA has sent UNITA Stingers": a named agency acts for its state, though
                # not on the record as a ministry does; "U.S. intelligence" only speaks
                party_terms.append(
                    PartyTerm(surface, state_party(country, "sources.tsv"), "agency")
                )

    weapons: list[WeaponTerm] = []
    # contextual_weapons.tsv: plain words that count only beside a named weapon of their kind
    for name, contextual in (("weapons.tsv", False), ("contextual_weapons.tsv", True)):
        for row in _read_tsv(name):
            if row["category"] not in CATEGORIES:
                raise ExtractionError(
                    f"{name}: {row['term']}: unknown category {row['category']!r}"
                )
            weapons.append(
                WeaponTerm(
                    surface=row["term"],
                    category=row["category"],
                    kind=row.get("kind") or "generic",
                    canonical=row.get("canonical") or row["term"],
                    exact_case=(row.get("case") or "fold") == "exact",
                    contextual=contextual,
                )
            )
    ambiguity: dict[str, list[re.Pattern[str]]] = {}
    for row in _read_tsv("ambiguity.tsv"):
        try:
            pattern = re.compile(row["pattern"], re.IGNORECASE)
        except re.error as exc:
            raise ExtractionError(f"ambiguity.tsv: {row['term']}: {exc}") from exc
        ambiguity.setdefault(row["term"].lower(), []).append(pattern)

    verb_cues: dict[str, Cue] = {}
    noun_cues: dict[str, Cue] = {}
    cue_forms: dict[str, Cue] = {}
    for row in _read_tsv("cues.tsv"):
        if row["status"] not in STATUSES:
            raise ExtractionError(f"cues.tsv: {row['lemma']}: unknown status {row['status']!r}")
        cue = Cue(
            row["lemma"], row["pos"], row["class"], row["status"], row["deal"] or "unspecified"
        )
        forms = set(_split(row.get("forms", "")))
        if cue.pos == "verb":
            verb_cues[cue.lemma] = cue
            forms |= verb_forms(cue.lemma)
        else:
            noun_cues[cue.lemma] = cue
            forms |= {cue.lemma}
        # the parser is given hyphenated cues joined ("re-equipped" -> "reequipped"), as it
        # reads a hyphenated verb as a modifier
        forms |= {form.replace("-", "") for form in forms if "-" in form.strip("-")}
        for form in forms:
            # a noun reading never overrides a verb reading of the same form in the prefilter table
            cue_forms.setdefault(form.lower(), cue)
        if cue.pos == "verb":
            for form in forms:
                verb_cues.setdefault(form.lower(), cue)
        else:
            for form in forms:
                noun_cues.setdefault(form.lower(), cue)
    # "attacked Kyiv with Iranian-made drones": a named maker on a weapon may tell of its use by
    # another party, so the prefilter lets such sentences through as it does cue words
    for suffix in ("made", "built", "supplied", "designed", "manufactured", "produced"):
        cue_forms.setdefault(f"-{suffix}", Cue(suffix, "verb", "use", "in_use", "unspecified"))
    # "a ship carrying attack helicopters to Syria": carrying is a delivery under way when the
    # goods go to a party (decided on the parse); the prefilter lets such sentences through
    for form in ("carrying", "carried", "carries", "transporting", "transported", "ferrying"):
        cue_forms.setdefault(form, Cue("carry", "verb", "give", "in_transit", "unspecified"))
    # "rifles flown to Sierra Leone": flying weapons to a party delivers them, and flying
    # another's weapons is using them (decided on the parse)
    for form in ("flew", "flown", "flies"):
        cue_forms.setdefault(form, Cue("fly", "verb", "give", "delivered", "unspecified"))
    modality: dict[str, set[str]] = {}
    for row in _read_tsv("modality.tsv"):
        modality.setdefault(row["role"], set()).add(row["word"].lower())
    predecessors = {
        row["successor"]: (row["predecessor"], int(row["until"]))
        for row in _read_tsv("predecessors.tsv")
    }
    named_until = {
        row["successor"]: int(row["named_until"]) for row in _read_tsv("predecessors.tsv")
    }
    weapon_origins = {row["canonical"]: row["origin"] for row in _read_tsv("weapon_origins.tsv")}
    successors = {
        row["predecessor"]: frozenset(row["successors"].split("|"))
        for row in _read_tsv("dissolutions.tsv")
    }
    group_words: dict[str, set[str]] = {}
    for row in _read_tsv("group_words.tsv"):
        group_words.setdefault(row["role"], set()).add(row["word"].lower())
    return Lexicons(
        states=states,
        party_terms=party_terms,
        weapons=weapons,
        ambiguity=ambiguity,
        sources=sources,
        verb_cues=verb_cues,
        noun_cues=noun_cues,
        cue_forms=cue_forms,
        modality=modality,
        predecessors=predecessors,
        named_until=named_until,
        weapon_origins=weapon_origins,
        successors=successors,
        group_words=group_words,
        demonyms={
            code: term.surface
            for term in reversed(party_terms)
            if term.role == "demonym" and (code := term.party.code)
        },
    )
