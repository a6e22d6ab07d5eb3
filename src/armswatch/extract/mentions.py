"""Lexicon mentions in a text (weapons, parties, sources, cues) and their place on spaCy tokens."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span, Token

from armswatch.extract.lexicons import (
    Cue,
    Lexicons,
    PartyTerm,
    SourceTerm,
    WeaponTerm,
    load_lexicons,
)
from armswatch.extract.matcher import TermMatch, TermMatcher, _lower_same_length
from armswatch.ingest.dates import MONTHS
from armswatch.models import CATEGORIES


@dataclass
class Matchers:
    lexicons: Lexicons
    weapons: TermMatcher[WeaponTerm]
    parties: TermMatcher[PartyTerm]
    sources: TermMatcher[SourceTerm]
    cues: TermMatcher[Cue]


@lru_cache(maxsize=1)
def load_matchers() -> Matchers:
    """The Aho-Corasick automatons over every lexicon, built once per process."""
    lexicons = load_lexicons()
    weapons = TermMatcher(
        (term.surface, term, term.exact_case, term.kind == "designation")
        for term in lexicons.weapons
    )
    # one-word group names are often written in lower case ("peshmerga", "contras"); short ones
    # ("RCD", "JeM") keep their case; a longer name keeps its capitals ("Lebanese Forces" is
    # not "Lebanese forces"), and may also be written in title case or capitals
    parties = TermMatcher(
        (
            surface,
            term,
            not (term.role == "group" and len(surface) >= 5 and " " not in surface),
            False,
        )
        for term in lexicons.party_terms
        for surface in _written_forms(term)
    )
    sources = TermMatcher((term.surface, term, True, False) for term in lexicons.sources)
    cues = TermMatcher((form, cue, False, False) for form, cue in lexicons.cue_forms.items())
    return Matchers(lexicons, weapons, parties, sources, cues)


def _written_forms(term: PartyTerm) -> list[str]:
    """The ways a party term is written: "the Emirates" also opens a sentence as "The Emirates";
    a group's name of several words also appears in title case and in capitals (headlines)."""
    surface = term.surface
    if surface.startswith("the "):
        return [surface, "T" + surface[1:]]
    if term.role == "group" and " " in surface:
        title = " ".join(word[:1].upper() + word[1:] for word in surface.split(" "))
        return list(dict.fromkeys([surface, title, surface.upper()]))
    return [surface]


# A state's name inside the name of a sea or strait ("the Gulf of Aden", "the South China Sea")
_WATERS_BEFORE = re.compile(r"\b(?:Gulf|Sea|Bay|Straits?) of\s+$")
_WATERS_AFTER = re.compile(r"^\s+(?:Sea|Strait|Straits)\b")
# "Stockholm International Peace Research Institute", "Geneva Conventions": a name that a
# place begins, of a body or a treaty, not the state
_INSTITUTION_AFTER = re.compile(
    r"^(?:\s+[A-Z][a-z]+){0,4}\s+(?:Institute|University|College|Convention|Conventions|"
    r"Agreement|Agreements|Accord|Accords|Protocol|Declaration|Club|Process|Format)\b"
)
# letters that mark a model before its number ("Pbv 302", "ASC 890")
_MODEL_MARK = re.compile(r"^[A-Z][A-Za-z]{0,4}$")
# "ASC 890", "C-295": a maker's letters before a model number
_MODEL_NUMBER_AFTER = re.compile(r"^[ -]?\d")
# "Latin America", "South America": a region, not the United States
_REGION_BEFORE = re.compile(r"\b(?:Latin|South|Central|North|Middle|Spanish|Hispanic)[ -]$")


def party_matches(text: str, lowered: str | None = None) -> list[TermMatch[PartyTerm]]:
    """Party terms in text, without the ones that name a body of water or a region there, that
    begin the name of an institution or a treaty ("the Stockholm International Peace Research
    Institute"), or that are a product's maker mark ("ASC 890" is a Saab aircraft, not the
    Australian shipbuilder ASC)."""
    return [
        match
        for match in load_matchers().parties.find(text, lowered)
        if not (
            _WATERS_BEFORE.search(text, max(match.start - 12, 0), match.start)
            or _WATERS_AFTER.match(text[match.end : match.end + 10])
            or (
                text[match.start : match.end] in {"America", "Americas", "American", "Americans"}
                and _REGION_BEFORE.search(text, max(match.start - 10, 0), match.start)
            )
            or (
                match.payload.role in {"name", "capital"}
                and _INSTITUTION_AFTER.match(text[match.end : match.end + 80])
            )
            or (
                match.payload.role == "company"
                and text[match.start : match.end].isupper()
                and _MODEL_NUMBER_AFTER.match(text[match.end : match.end + 8])
            )
        )
    ]


# A navy's prefix before a ship's name ("HMS Diomede", "the former USS Hamilton", "INS Vikrant",
# "BRP Tarlac"), and the state of the navy that named her; merchant and research prefixes (MV,
# SS, RV) name no warship and are not listed
SHIP_PREFIX_STATES = {
    "HMS": "GBR", "HMAS": "AUS", "HMCS": "CAN", "HMNZS": "NZL", "HMPNGS": "PNG", "USS": "USA",
    "USNS": "USA", "USCGC": "USA", "INS": "IND", "PNS": "PAK", "BNS": "BGD", "SLNS": "LKA",
    "BRP": "PHL", "KRI": "IDN", "KD": "MYS", "RSS": "SGP", "HTMS": "THA", "ROKS": "KOR",
    "ARA": "ARG", "BAP": "PER", "ARC": "COL", "ARM": "MEX", "TCG": "TUR", "HS": "GRC", "ORP": "POL",
    "NRP": "PRT", "ESPS": "ESP", "FGS": "DEU", "HNLMS": "NLD", "HNoMS": "NOR", "HDMS": "DNK",
    "HSwMS": "SWE", "ITS": "ITA", "SAS": "ZAF", "NNS": "NGA", "HMSAS": "ZAF",
}  # fmt: skip
_COMMISSIONED_SHIP = re.compile(
    r"\b(?:" + "|".join(SHIP_PREFIX_STATES) + r")\s+(?:[A-Z][a-z]+|[A-Z]\.)(?:[ -][A-Z][a-z]+)?\b"
)
_SHIP_TERM = WeaponTerm("commissioned ship", "ships", "designation", "commissioned ship", True)


def _with_commissioned_ships(
    text: str, found: list[TermMatch[WeaponTerm]]
) -> list[TermMatch[WeaponTerm]]:
    """The lexicon's matches and the warships named by a navy's prefix ("HMS Diomede")."""
    taken = [(match.start, match.end) for match in found]
    extra = [
        TermMatch(ship.start(), ship.end(), _SHIP_TERM)
        for ship in _COMMISSIONED_SHIP.finditer(text)
        if not any(start < ship.end() and ship.start() < end for start, end in taken)
    ]
    return sorted(found + extra, key=lambda match: match.start) if extra else found


def weapon_matches(
    text: str, lowered: str | None = None, licensed: frozenset[str] | None = None
) -> list[TermMatch[WeaponTerm]]:
    """Weapon terms in text, without the ones the ambiguity rules say are ordinary words there.

    Contextual words ("the aircraft") count only for the categories `licensed`: those of the
    weapons the whole document names (by default, those named in `text` itself).
    """
    matchers = load_matchers()
    found = matchers.weapons.find(text, lowered)
    found = _with_commissioned_ships(text, found)
    if not found:
        return found
    if any(match.payload.contextual for match in found):
        if licensed is None:
            licensed = licensed_categories(text, found)
        found = [m for m in found if not m.payload.contextual or m.payload.category in licensed]
    ambiguity = matchers.lexicons.ambiguity
    kept = []
    for match in found:
        patterns = ambiguity.get(match.payload.surface.lower()) or ambiguity.get(
            match.payload.canonical.lower()
        )
        if patterns and _ruled_out(text, match, patterns):
            continue
        kept.append(match)
    return kept


# The wording of a notice of a Foreign Military Sale (the DSCA's, and reports of one)
_MILITARY_SALE_NOTICE = re.compile(
    r"\bForeign Military Sales?\b|\bDefense Security Cooperation Agency\b"
)


# Categories whose military words ("destroyer", "frigate", "submarine") license the plain ones
# ("ship"); plain words of other kinds need a designation
_KINDS_NAMED_BY_WORD = frozenset({"ships"})


def licensed_categories(text: str, matches: list[TermMatch[WeaponTerm]]) -> frozenset[str]:
    """Categories whose plain words ("aircraft") stand as weapons in this text: those it names
    a weapon of; every category in a notice of a Foreign Military Sale, which is about military
    goods throughout ("Air Tractor AT-802L aircraft", a type the lexicon lacks)."""
    if _MILITARY_SALE_NOTICE.search(text):
        return frozenset(CATEGORIES)
    # "a County-class guided-missile destroyer ... the fourth ship of her class": a plain word of a
    # kind the text names by a military word of its own counts as well
    named = frozenset(m.payload.category for m in matches if not m.payload.contextual)
    return designated_categories(matches) | (named & _KINDS_NAMED_BY_WORD)


def designated_categories(matches: list[TermMatch[WeaponTerm]]) -> frozenset[str]:
    """Categories of the weapons named by designation ("MiG-29", "Mistral-class")."""
    return frozenset(m.payload.category for m in matches if m.payload.kind == "designation")


def _ruled_out(text: str, match: TermMatch[WeaponTerm], patterns: list) -> bool:
    # look at the surrounding sentence-sized window only: cheap, and the rules are local
    left = max(0, match.start - 120)
    window = text[left : match.end + 120]
    for pattern in patterns:
        for found in pattern.finditer(window):
            if found.start() + left < match.end and found.end() + left > match.start:
                return True
    return False


TermT = TypeVar("TermT")


@dataclass
class Mention(Generic[TermT]):
    """A lexicon term placed on tokens: [start, end) token indices."""

    term: TermT
    start: int
    end: int

    @property
    def head(self) -> int:
        return self.end - 1


WeaponMention = Mention[WeaponTerm]
PartyMention = Mention[PartyTerm]
SourceMention = Mention[SourceTerm]


def _place(
    doc: Doc, matches: list[TermMatch[TermT]], keep: Callable[[Span, TermT], bool] | None = None
) -> tuple[list[Mention[TermT]], dict[int, Mention[TermT]]]:
    """Character matches as token mentions, and an index from each covered token to its mention."""
    mentions: list[Mention[TermT]] = []
    at: dict[int, Mention[TermT]] = {}
    for match in matches:
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or (keep is not None and not keep(span, match.payload)):
            continue
        mention = Mention(match.payload, span.start, span.end)
        mentions.append(mention)
        for index in range(span.start, span.end):
            at[index] = mention
    return mentions, at


# What turns a weapon word into its opposite when written just before it ("non-lethal aid")
NEGATING_PREFIXES = {"non-", "non ", "\nnon"}


class TokenMentions:
    """Mentions of one parsed unit, indexed by token, so role slots can ask "who is this?"."""

    def __init__(self, doc: Doc, licensed: frozenset[str] | None = None) -> None:
        self.doc = doc
        text = doc.text
        lowered = _lower_same_length(text)
        matchers = load_matchers()
        found = weapon_matches(text, lowered, frozenset(CATEGORIES))
        if licensed is None:
            licensed = designated_categories(found)
        weapons, _ = _place(
            doc,
            found,
            lambda span, term: (
                not _proper_name_use(span[0], term)
                and not (term.contextual and _civil_context(span))
                # "non-lethal aid", "non-military equipment": the opposite of the term
                and text[max(0, span.start_char - 4) : span.start_char].lower()
                not in NEGATING_PREFIXES
            ),
        )
        self.weapons = _licensed(doc, weapons, licensed)
        self.weapon_at = {
            index: mention
            for mention in self.weapons
            for index in range(mention.start, mention.end)
        }
        self.parties, self.party_at = _place(doc, party_matches(text, lowered))
        self.sources, self.source_at = _place(doc, matchers.sources.find(text, lowered))
        self.name_tokens = frozenset(self.weapon_at) | _model_numbers(
            doc, self.weapons, frozenset(self.party_at) | frozenset(self.weapon_at)
        )


def _model_numbers(doc: Doc, weapons: list[WeaponMention], named: frozenset[int]) -> frozenset[int]:
    """Numbers that finish a designation the lexicon names shorter ("Dassault Mirage 50
    fighters", "Leopard 1 tanks"): a number right after a designation and before the noun it
    names is the model's, not a count."""
    numbers = set()
    for mention in weapons:
        if mention.term.kind != "designation" or mention.end + 1 >= len(doc):
            continue
        number, noun = doc[mention.end], doc[mention.end + 1]
        if (
            number.like_num
            and number.text.isdigit()
            and noun.pos_ in {"NOUN", "PROPN"}
            and (number.head.i == noun.i or doc[mention.head].head.i == noun.i)
        ):
            numbers.add(number.i)
    # "Pbv 302 armoured personnel carriers": a model the lexicon does not know, its letters
    # right before the number and the weapon right after
    for mention in weapons:
        if mention.start < 2:
            continue
        number, mark = doc[mention.start - 1], doc[mention.start - 2]
        if (
            number.text.isdigit()
            and mark.pos_ in {"PROPN", "NOUN"}
            and mark.i not in named  # "sent Syria 24 MiG-29 jets": a party, not a model mark
            and _MODEL_MARK.match(mark.text)
            and mark.lower_ not in MONTHS
            and mark.ent_type_ != "DATE"
        ):
            numbers.add(number.i)
    return frozenset(numbers)


def _licensed(
    doc: Doc, weapons: list[WeaponMention], licensed: frozenset[str]
) -> list[WeaponMention]:
    """Contextual words ("helicopters") stand as weapons when the document names a weapon of
    their kind, or when they are listed with a weapon ("armoured vehicles and helicopters")."""
    plain_heads = {mention.head for mention in weapons if not mention.term.contextual}
    kept = []
    for mention in weapons:
        if mention.term.contextual and mention.term.category not in licensed:
            head = doc[mention.head]
            listed = {t.i for t in head.conjuncts}
            if not listed & plain_heads:
                continue
        kept.append(mention)
    return kept


# Words that make "planes" and "ships" in a sentence civilian
_CIVIL_WORDS = {
    "airline", "airlines", "airliner", "airliners", "passenger", "passengers", "cruise", "cargo", "freight", "commercial", "civil", "civilian", "budget",
    "container", "tanker", "tankers", "ferry", "ferries", "fishing", "merchant",
}  # fmt: skip


def _civil_context(span: Span) -> bool:
    """A plain word ("planes", "ships") in a sentence about airlines or shipping lines."""
    return any(token.lower_ in _CIVIL_WORDS for token in span[0].sent)


def _proper_name_use(token: Token, term: WeaponTerm) -> bool:
    """A generic weapon word capitalised in running text is a name ("Shell's gas stations")."""
    if term.kind != "generic" or not token.text[:1].isupper() or token.is_sent_start:
        return False
    # in a title-case headline most words are capitalised; in running text a capitalised generic
    # weapon word inside a sentence is a name ("Formula Shell", "Arsenal's striker")
    sentence = token.sent
    words = [t for t in sentence if t.is_alpha and not t.is_stop]
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return not (words and capitalised / len(words) > 0.6)


def _built_for_someone(verb: Token) -> bool:
    """ "built ... for Pakistan", "building for the Indian navy": a named taker, not "for export"."""
    holders = [verb, *(child for child in verb.children if child.dep_ == "dobj")]
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "for"
        and any(
            pobj.dep_ == "pobj"
            and (
                pobj.pos_ == "PROPN"
                or any(c.pos_ in {"PROPN", "ADJ"} and c.text[:1].isupper() for c in pobj.children)
            )
            for pobj in prep.children
        )
        for holder in holders
        for prep in holder.children
    )


# Verbs that cancel a transfer only with a deal as their object ("abandoned the sale", "dropped
# its purchase", "withdrew the proposal to sell") or their subject ("the deal collapsed")
DEAL_DROPPING_LEMMAS = {
    "drop", "abandon", "dump", "ditch", "shelve", "axe", "jettison", "withdraw", "collapse",
    "founder", "unravel",
}  # fmt: skip
# What those verbs must drop: a deal, a sale, an order, talks, or a plan or proposal for one
DROPPABLE_PLANS = {"plan", "proposal", "programme", "program", "project", "bid", "tender"}
INTRANSITIVE_DROPPING = {"collapse", "founder", "unravel"}
# A deal that "fell through" or "fell apart" is off
FALLING_PHRASES = {("fall", "through"), ("fall", "apart")}
# Phrasal verbs that call a deal off: "called off the sale", "tore up the contract"
DROPPING_PHRASES = {("call", "off"), ("tear", "up"), ("rip", "up")}
# Phrasal verbs that leave a deal: "pulled out of the deal", "walked away from the purchase"
LEAVING_PHRASES = {
    ("pull", "out"), ("back", "out"), ("walk", "away"), ("withdraw", None), ("opt", "out"),
}  # fmt: skip


def _is_deal(noun: Token, lexicons: Lexicons) -> bool:
    lemma = noun.lemma_.lower()
    cue = lexicons.noun_cues.get(lemma) or lexicons.noun_cues.get(noun.lower_)
    return (
        cue is not None and cue.cue_class in {"agree", "get", "give", "negotiate", "offer"}
    ) or lemma in DROPPABLE_PLANS


def _cancelling(token: Token, lexicons: Lexicons) -> Cue | None:
    """The cancel cue of a dropping verb whose object (or, for "collapse", subject) is a deal,
    or of a leaving verb whose "out of"/"from" is one ("pulled out of the deal")."""
    lemma = token.lemma_.lower()
    cancel = Cue(lemma, "verb", "cancel", "cancelled", "unspecified")
    particles = {
        child.lower_ for child in token.children if child.dep_ in {"prt", "advmod", "prep"}
    }
    falling = any((lemma, particle) in FALLING_PHRASES for particle in particles)
    if (
        lemma in DEAL_DROPPING_LEMMAS
        or falling
        or any((lemma, particle) in DROPPING_PHRASES for particle in particles)
    ):
        intransitive = lemma in INTRANSITIVE_DROPPING or falling
        edges = {"nsubj"} if intransitive else {"dobj", "nsubjpass"}
        if any(
            child.dep_ in edges
            and _is_deal(child, lexicons)
            # "the deal collapsed" is off; "arms sales to India collapsed" is a trade that shrank
            and not (intransitive and child.tag_ in {"NNS", "NNPS"})
            for child in token.children
        ):
            return cancel
    if any((lemma, particle) in LEAVING_PHRASES for particle in [*particles, None]):
        # "pulled out of the deal": the parser hangs "of" on "out" or on the verb
        heads = [token, *(c for c in token.children if c.lower_ in {"out", "away"})]
        for head in heads:
            for prep in head.children:
                if (
                    prep.dep_ == "prep"
                    and prep.lower_ in {"of", "from"}
                    and any(
                        _is_deal(pobj, lexicons) for pobj in prep.children if pobj.dep_ == "pobj"
                    )
                ):
                    return cancel
    return None


def cue_for(token: Token, lexicons: Lexicons) -> Cue | None:
    """The transfer cue a token carries, as a verb or a noun, or None."""
    cue = _cue_for(token, lexicons)
    if cue is not None and cue.cue_class == "exclude":
        # "removed Turkey from the F-35 programme": read by its own rule, never on a chain
        return None
    return cue


def _cue_for(token: Token, lexicons: Lexicons) -> Cue | None:
    lower = token.lower_
    lemma = token.lemma_.lower()
    if token.i >= 2 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_:
        # "air-dropped": the tokenizer splits a hyphenated verb; the lexicon lists it whole
        joined = f"{token.nbor(-2).lower_}-{lower}"
        if joined in lexicons.verb_cues:
            return lexicons.verb_cues[joined]
    if lemma in {"build", "construct"}:
        # "Turkey has built two corvettes for Pakistan": building for another is supplying it;
        # "is building ... for" is a contract under way; building alone is production
        if token.pos_ != "VERB" or not _built_for_someone(token):
            return None
        under_way = token.tag_ == "VBG" or any(
            child.dep_ == "aux" and child.lower_ in {"will", "would", "'ll"}
            for child in token.children
        )
        return Cue(lemma, "verb", "give", "agreed" if under_way else "delivered", "unspecified")
    if lemma == "reach" and any(
        child.dep_ == "aux" and child.lower_ in {"can", "could"} for child in token.children
    ):
        return None  # "an aircraft that can reach Israel": a range, not an arrival
    if lemma == "pick" and any(child.dep_ == "prt" for child in token.children):
        return None  # "picked up", "picked out": not a selection
    if lemma == "hold" and token.i >= 1 and token.nbor(-1).lower_ == "on":
        return lexicons.verb_cues.get("suspend")  # "put on hold", "kept on hold": a halt
    if (
        lemma == "hold"
        and token.pos_ == "VERB"
        and any(child.dep_ == "prt" and child.lower_ == "up" for child in token.children)
        and any(
            child.dep_ in {"dobj", "nsubjpass"} and _is_deal(child, lexicons)
            for child in token.children
        )
    ):
        return lexicons.verb_cues.get("suspend")  # "holds up the helicopter sale": a halt
    if token.pos_ == "VERB" and (
        lemma in DEAL_DROPPING_LEMMAS
        or lemma in {verb for verb, _ in DROPPING_PHRASES | LEAVING_PHRASES | FALLING_PHRASES}
    ):
        # "Egypt has abandoned a deal to buy Su-35s", "dropped its planned purchase of F-16s":
        # everyday verbs that cancel only when what they drop is a deal or a plan for one
        return _cancelling(token, lexicons)
    if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
        cue = lexicons.verb_cues.get(lemma) or lexicons.verb_cues.get(lower)
        if cue is None and token.dep_ == "ROOT":
            # headline nouns are often tagged as verbs ("Finland signs deal to buy ...")
            cue = lexicons.noun_cues.get(lower)
        return cue
    if token.pos_ in {"NOUN", "PROPN"}:
        cue = lexicons.noun_cues.get(lemma) or lexicons.noun_cues.get(lower)
        if cue:
            return cue
        # headline verbs are often tagged as nouns ("US OKs arms sale")
        if token.dep_ == "ROOT" and lower in lexicons.verb_cues:
            return lexicons.verb_cues[lower]
    return None
