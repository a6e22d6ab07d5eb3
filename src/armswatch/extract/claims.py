"""Claim assembly: one document in, its claims out.

Sentence by sentence (only the prefilter's candidates are parsed), frames are read, their
certainty and attribution added, and then the document-level passes run: anaphors ("that
purchase", "those weapons", "it could include ...") take their parties from the transfer they
refer back to, and a sentence in the writer's own voice takes the origin of the same transfer's
attributed claims in the document.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from armswatch.extract.attribution import AttributionReader, origin_of
from armswatch.extract.dates import document_date, resolve_event_date
from armswatch.extract.frames import (
    ANAPHORIC_DETERMINERS,
    ARMED_SERVICE_WORDS,
    BUILD_LEMMAS,
    CARRIER_NOUNS,
    DEPLOYED_CATEGORIES,
    DESTINATION_LEMMAS,
    SENDING_LEMMAS,
    SPEECH_LEMMAS,
    STATE_ACTOR_NOUNS,
    Frame,
    FrameBuilder,
    PartyResolver,
    governing_verb,
    held_back,
    np_head,
    put_to_use,
    subject_of,
    unique_parties,
)
from armswatch.extract.lexicons import Lexicons, load_lexicons
from armswatch.extract.mentions import (
    TokenMentions,
    licensed_categories,
    load_matchers,
    party_matches,
)
from armswatch.extract.modality import certainty_of
from armswatch.extract.nlp import load_pipeline
from armswatch.extract.prefilter import Unit, candidate_units
from armswatch.extract.quantities import money_in
from armswatch.extract.unlisted_groups import defined_groups
from armswatch.models import Claim, Document, Evidence, Item, Origin, Party, Speaker

# "WASHINGTON, Oct 28 (Reuters) - ": a dateline is not the sentence's subject; the parser gets spaces.
_DATELINE = re.compile(
    r"(?:^|(?<=\s\s))[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?(?:\s+\d{1,2})?){0,2}"
    r"(?:\s*\([^)]{1,40}\))?\s*[-—–]+\s"
)
# "Linkoping, 3 February 2003 - ", "Washington, July 8, 2019 - ": a press release's dateline
_DATELINE_MIXED = re.compile(
    r"(?:^|(?<=\s\s))[A-Z][A-Za-z.'’]+(?:[ -][A-Z][A-Za-z.'’]+){0,2},\s*"
    r"(?:[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?,\s*)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2},?)\s+\d{4}\s*[-—–]+\s"
)
_TICKER = re.compile(r"<[A-Z][A-Z0-9.]{0,9}>")
# A company's own release: "... today delivered", "... announces", "... is pleased to announce"
_RELEASE_WORDS = re.compile(r"\b(?:today|announces|announced today|is pleased to announce)\b")
# "Saab AB has received an order ...": a release that opens with the company as its subject
_COMPANY_SUBJECT = re.compile(
    r"^[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)* (?:AB|AG|SA|S\.A\.|plc|PLC|Ltd\.?|Inc\.?|Corporation|GmbH)\b"
)
# Titles of documents a government body issues in its own name
_GOVERNMENT_ISSUER = re.compile(
    r"\b(Ministry|Government|Department|Embassy|Office of|Statement by|Spokesperson|Minister)\b"
)
_SELF_PUBLISHED = re.compile(
    r"^\s*(?:(?:joint|oral|written|ministerial)\s+)?(?:statement|remarks|fact\s+sheet|press\s+release|communiqu)"
    r"|\b(?:statement|remarks)\s+by\b",
    re.IGNORECASE,
)
# "the missile was Iranian-made", "missiles ... were of Iranian origin": a weapon's maker told
# as a predicate, often in another sentence than the one that uses or delivers it
_ORIGIN_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|been|be)\s+(?:(?:all|mostly|largely|also|apparently|reportedly)\s+)?"
    r"(?P<maker>[A-Z][\w.]*)[-\u2010\u2011](?:made|built|designed|manufactured|produced|supplied)\b"
    r"|\bof\s+(?P<origin>[A-Z][\w.]*)\s+(?:origin|manufacture|make|design)\b"
)
# "Iranian-made", "Soviet-supplied": an explicit maker on a weapon's noun phrase
_MAKER_WORDS = {"made", "built", "designed", "manufactured", "produced", "supplied"}
_WORD = re.compile(r"[A-Za-z]+")
# "the Alliance", "the Front": a capitalised word of a group's name used for it
_DEFINITE_NAME = re.compile(r"\b[Tt]he ([A-Z][a-z]+)\b")
# words of groups' names too common to stand for one group alone
GENERIC_NAME_WORDS = {
    "Democratic", "Forces", "Force", "National", "People", "People's", "Peoples", "Republic",
    "Liberation", "Army", "United", "Islamic", "Revolutionary", "Party", "Popular", "Free",
    "State", "Movement", "Council", "Defence", "Defense", "Union", "Democracy",
}  # fmt: skip
# how far back (characters) "the rebels" looks for the group named last
GROUP_REACH = 600
_CLAUSE_END = re.compile(r"[.,;:!?\"\u201c\u201d()]")
_QUOTE = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"")
BAN_LEMMAS = {"ban", "embargo", "prohibit", "bar", "outlaw", "forbid"}
# Verbs that call on someone to act: a halt they call for is not made ("urged its allies to stop")
CALLING_FOR_LEMMAS = {
    "urge", "press", "persuade", "ask", "call", "pressure", "lobby", "push", "demand", "want",
    "seek", "encourage", "convince", "implore", "beg", "appeal", "tell", "warn",
}  # fmt: skip
# Verbs by which a third party stops someone else's purchase ("Washington blocked its purchase")
THIRD_PARTY_BLOCKS = {"block", "veto", "thwart", "scupper", "torpedo", "prevent", "bar"}
# How often a document must name a state for it to stand as a side the text leaves implicit.
# Nouns for a state's supplier of arms ("Algeria's second supplier", "its main arms supplier")
SUPPLIER_NOUNS = {"supplier", "provider", "source"}
# Verbs of asking for goods: a request a later approval may grant
GRANTABLE_REQUEST_LEMMAS = {"request", "ask", "seek"}
IMPLIED_PARTY_MENTIONS = 3
# How far back (in characters) a pronoun may look for the state a sentence was about.
SUBJECT_REACH = 1500
# How far into a document (in characters) the office that speaks in its "we" is named
VOICE_REACH = 300
# How far ahead (in characters) of a story's one pair a transfer with no party may be read as
# that pair's: the sentence or paragraph that names it, not one paragraphs later
ONE_PAIR_REACH = 800
# Pronouns for a person, never for a state ("it") or a people ("they")
PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his"}


def _goods_determiners(frame: Frame) -> list[set[str]]:
    """The determiners of each of the frame's goods ("no weapons": {"no"})."""
    doc = frame.sentence.doc
    return [
        {child.lower_ for child in np_head(doc[index]).children if child.dep_ == "det"}
        for index in frame.item_heads
    ]


def _goods_denied(frame: Frame) -> bool:
    """The goods are named only to say there are none ("no weapons are involved")."""
    determiners = _goods_determiners(frame)
    return bool(determiners) and all("no" in found for found in determiners)


def _goods_told_before(frame: Frame) -> bool:
    """The goods are named as ones the story has told of ("ordered the drones as well")."""
    definite = ANAPHORIC_DETERMINERS - {"such"}
    return any(found & definite for found in _goods_determiners(frame))


def _person_above(pronoun: Token) -> Token | None:
    """The subject of the nearest clause above a personal pronoun, when it comes before the
    pronoun and is a noun ("The President announced that he ..."): whom the pronoun stands for."""
    for ancestor in pronoun.ancestors:
        if ancestor.pos_ not in {"VERB", "AUX"}:
            continue
        for child in ancestor.children:
            if (
                child.dep_ == "nsubj"
                and child.i < pronoun.i
                and child.pos_ in {"NOUN", "PROPN"}
                and not child.is_ancestor(pronoun)
            ):
                return child
    return None


# How far back (in characters) an anaphor may look for its antecedent transfer.
ANTECEDENT_REACH = 2500
# how far back (characters) "supplying those missiles" looks for the ones who used them
USE_ANTECEDENT_REACH = 400


@dataclass
class ReadFrame:
    """A frame with everything read from its sentence, before document-level resolution."""

    frame: Frame
    offset: int  # character offset of the sentence in the document
    end: int
    certainty: str
    attribution: list[Speaker]
    cites: list[Speaker]
    cue_lemmas: set[str]
    suppliers: list[Party] = field(default_factory=list)
    recipients: list[Party] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    deal: str = "unspecified"
    domestic: bool = False  # the weapon is made by the recipient's own industry
    has_antecedent: bool = False  # an anaphor found the transfer it refers to
    from_origins: bool = False  # the suppliers are the origins named on the goods


@dataclass(frozen=True)
class OriginNote:
    """The document says where weapons of a kind were made ("Iranian-made drones")."""

    offset: int
    category: str
    designation: str | None
    maker: Party


def extract_document(
    document: Document, *, prefilter: bool = True, today: dt.date | None = None
) -> list[Claim]:
    """Claims found in one document. prefilter=False parses every paragraph (for measuring recall)."""
    if prefilter and document.doc_id in _PARSED_AHEAD:
        units, parsed = _PARSED_AHEAD.pop(document.doc_id)
        return DocumentReader(document, today=today).read_units(units, parsed) if units else []
    units = candidate_units(document.text, every_sentence=not prefilter)
    if not units:
        return []  # most news: two Aho-Corasick scans and nothing else
    return DocumentReader(document, today=today).read_units(units)


# Parses made ahead for a batch of documents: spaCy is several times faster on one stream of
# texts than on many small calls. Entries are taken by extract_document and dropped by forget_parsed.
_PARSED_AHEAD: dict[str, tuple[list[Unit], list[Doc]]] = {}


def parse_ahead(documents: list[Document]) -> None:
    """Prefilter a batch of documents and parse all their candidate units in one spaCy stream."""
    plans = [(document, candidate_units(document.text)) for document in documents]
    texts = [_parse_text(document.text, unit) for document, units in plans for unit in units]
    if not texts:
        return
    parsed = iter(load_pipeline().pipe(texts, batch_size=64))
    for document, units in plans:
        _PARSED_AHEAD[document.doc_id] = (units, [next(parsed) for _ in units])


def forget_parsed() -> None:
    """Drop parses made ahead that no extraction used (a batch that failed half-way)."""
    _PARSED_AHEAD.clear()


def _parse_text(text: str, unit: Unit) -> str:
    # single newlines are hard wraps in wire copy: spaces keep the parser on track, offsets unchanged
    return _join_hyphenated_cues(_blank_datelines(text[unit.start : unit.end].replace("\n", " ")))


class DocumentReader:
    def __init__(self, document: Document, *, today: dt.date | None = None) -> None:
        self.document = document
        self.text = document.text
        self.lexicons: Lexicons = load_lexicons()
        self.reference = document_date(self.text, document.published, today)
        self.reported_date = (document.published or "")[:10] or self.reference.isoformat()
        self.read_frames: list[ReadFrame] = []
        self.persons: list[Speaker] = []
        self.subject_parties: list[tuple[int, Party]] = []
        self.origin_notes: list[OriginNote] = []
        # where a shipment or its carrier was going ("the plane was bound for Iran")
        self.destinations: list[Party] = []
        # who the document says supplies whom ("China has become Algeria's second supplier")
        self.supplier_notes: list[tuple[int, Party, Party]] = []
        self._party_mentions = party_matches(self.text)
        self._group_positions: list[tuple[int, Party]] | None = None
        self._defined_groups = defined_groups(self.text, self.lexicons)
        # kinds of weapon the document names by designation: "the aircraft" is one of them
        named = load_matchers().weapons.find(self.text)
        self.licensed = licensed_categories(self.text, named)
        # designations the document names in full, by each of their names: a bare "Hawk" in a
        # story that names the "BAE Hawk 100" trainer is the trainer, not the MIM-23 missile
        self.named_in_full: dict[str, set[tuple[str, str]]] = {}
        for match in named:
            surface = self.text[match.start : match.end]
            if match.payload.kind == "designation" and " " in surface:
                for word in (w for w in surface.split() if w[:1].isupper()):
                    self.named_in_full.setdefault(word.lower(), set()).add(
                        (match.payload.canonical, match.payload.category)
                    )
        # the state of the dateline's city ("JERUSALEM, Jan 6 -"): whose unnamed officials speak
        self.home = self._dateline_state()
        # a government's own statement, release or fact sheet speaks for that government
        title = (document.title or self.text[:200])[:200]
        # a story about an exercise ("... join South Africa for naval drills")
        self.exercise_story = bool(_EXERCISE_WORDS.search(title))
        self.self_published = bool(_SELF_PUBLISHED.search(title))
        # whose it is, when the title says ("Statement by the Government of Cyprus ...",
        # "Ministry of Foreign Affairs: ...", "Krauss-Maffei: Sweden selects ...")
        self.publisher = self._publisher(title) or self._releasing_company()
        # the state of the office or office holder at the head of the document ("The Secretary
        # of State for Defence (Mr Ben Wallace):"), which speaks in a statement's "we"
        self.voice = self._voice_state()
        if self.publisher is None and self.self_published and self.voice is not None:
            self.publisher = self.voice.code
        if self.publisher is not None and not self.self_published:
            self.self_published = True

    def _publisher(self, title: str) -> str | None:
        """The state of a statement's issuer: the party named in "Statement by X" or in the
        "X: ..." / "X - ..." prefix of a release's title, when X is a government body, a
        government or a company."""
        by = re.search(r"\b(?:statement|remarks)\s+by\s+(.{3,80})", title, re.IGNORECASE)
        prefix = re.match(r"^\s*([^:\n]{3,60}?)\s*(?::|\s[-–—]\s)", title)
        issuer = by.group(1) if by else prefix.group(1) if prefix else None
        if issuer is None:
            return None
        for match in load_matchers().parties.find(issuer):
            term = match.payload
            if term.role in {"body", "company"} or (
                term.role == "name" and "government" in issuer.lower()
            ):
                return term.party.code
            # "Armenian Ministry of Defence: ...", "Ministry of Defence of Ukraine: ..."
            if term.role in {"name", "demonym"} and _GOVERNMENT_ISSUER.search(issuer):
                return term.party.code
        return None

    def _releasing_company(self) -> str | None:
        """The state of a company whose own release this is: its opening names the company and
        says what it "today" did or "announces" ("ST. LOUIS, July 14, 1986 -- McDonnell Douglas
        Corporation today delivered ...", "Saab AB has received an order ...")."""
        body = self.text[len(self.document.title or "") :].lstrip()
        opening = body[:300]
        if not _RELEASE_WORDS.search(opening) and not _COMPANY_SUBJECT.match(body):
            return None
        for match in load_matchers().parties.find(opening[:200]):
            if match.payload.role == "company":
                return match.payload.party.code
        return None

    def _dateline_state(self) -> str | None:
        """The state of the city a dateline names, read from the first lines of the story."""
        match = _DATELINE.search(self.text[:400])
        if match is None:
            return None
        # datelines are set in capitals ("JERUSALEM"): look the place up as a name is written
        place = match.group(0).split(",")[0].strip(" -—–").title()
        for party_match in load_matchers().parties.find(place):
            if party_match.payload.party.kind == "state":
                return party_match.payload.party.code
        return None

    # -- reading -----------------------------------------------------------------------------

    def read_units(self, units: list[Unit], parsed: list[Doc] | None = None) -> list[Claim]:
        """Parse the candidate units (unless parsed ahead) and assemble their claims."""
        if not units:
            return []
        if parsed is None:
            texts = [_parse_text(self.text, unit) for unit in units]
            parsed = list(load_pipeline().pipe(texts, batch_size=32))
        for unit, doc in zip(units, parsed, strict=True):
            self._read_unit(unit, doc)
        return self._claims()

    def _read_unit(self, unit: Unit, doc: Doc) -> None:
        mentions = TokenMentions(doc, self.licensed)
        resolver = PartyResolver(
            mentions,
            self.lexicons,
            lambda token: self._resolve_anaphor(token, unit),
            lambda token: self._group_for(token, unit),
            self._defined_groups,
        )
        builder = FrameBuilder(mentions, self.lexicons, resolver)
        reader = AttributionReader(mentions, self.lexicons, self._last_person)
        quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(doc.text)]
        listing: ReadFrame | None = None  # the last transfer read, while its sentence runs on
        for sentence in doc.sents:
            self._note_speakers(sentence, reader)
            self._note_subject(sentence, unit)
            self._note_origins(sentence, mentions, unit)
            self._note_destinations(sentence, mentions)
            self._note_suppliers(sentence, mentions, unit)
            frames = builder.build(sentence)
            if not frames and listing is not None and _continues_list(sentence):
                # "has requested eight F-16s; nine engines; sixteen AIM-120 missiles (AMRAAM);
                # twenty-four AIM-9X missiles; ...": the parser cut the list into fragments
                # with no verb; their goods are the transfer's
                listing.items.extend(builder.list_items(sentence, listing.frame))
                listing.end = unit.start + sentence.end_char
                continue
            listing = None
            for frame in frames:
                if self.exercise_story and _sends_craft(frame):
                    # "Russian and Chinese warships join South Africa for naval drills ... Russia
                    # sent the frigate Admiral Gorshkov": ships sent to an exercise are deployed
                    continue
                certainty = certainty_of(frame.chain, sentence, status=frame.status)
                if (
                    certainty == "denied"
                    and frame.status == "cancelled"
                    and any(token.lemma_.lower() == "proceed" for token in frame.chain)
                ):
                    # "decided not to proceed with the lease": the "not" is the cancelling
                    certainty = "reported"
                if certainty == "denied" and held_back(frame.chain):
                    # "will not be sent for the present", "won't deliver the tanks for now": a
                    # halt of a named transfer, not a denial that it exists
                    frame.status, certainty = "suspended", "reported"
                attribution, cites = reader.read(frame.top)
                if not attribution:
                    attribution = self._quote_speakers(sentence, doc, quotes, reader)
                self.read_frames.append(
                    ReadFrame(
                        frame=frame,
                        offset=unit.start + sentence.start_char,
                        end=unit.start + sentence.end_char,
                        certainty=certainty,
                        attribution=attribution,
                        cites=cites,
                        cue_lemmas={token.lemma_.lower() for token in frame.chain},
                        suppliers=list(frame.suppliers),
                        recipients=list(frame.recipients),
                        items=list(frame.items),
                        deal=frame.deal,
                    )
                )
                for speaker in attribution:
                    if speaker.speaker:
                        self.persons.append(speaker)
                listing = self.read_frames[-1]

    def _note_speakers(self, sentence: Span, reader: AttributionReader) -> None:
        """Remember named people who speak, so a later "he said" can be resolved."""
        for token in sentence:
            if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_LEMMAS:
                subject, passive = subject_of(token)
                if subject is not None and not passive and subject.ent_type_ == "PERSON":
                    speaker = reader.speaker(subject)
                    if speaker is not None and speaker.speaker:
                        self.persons.append(speaker)

    def _note_origins(self, sentence: Span, mentions: TokenMentions, unit: Unit) -> None:
        """Remember explicit makers of weapons ("Iranian-made drones", "the missile was
        Iranian-made"), so a claim elsewhere in the document about the same kind of weapon can
        name its supplier ("Russia has launched hundreds of the drones")."""
        doc = sentence.doc
        weapons = [
            w for w in mentions.weapons if sentence.start <= w.start and w.end <= sentence.end
        ]
        if not weapons:
            return
        found: list[tuple[int, Party]] = []  # (token index the maker applies from, maker)
        for token in sentence:
            if (
                token.lower_ in _MAKER_WORDS
                and token.i >= sentence.start + 2
                and doc[token.i - 1].text in {"-", "\u2010", "\u2011"}
            ):
                mention = mentions.party_at.get(token.i - 2)
                if mention is not None and mention.term.role in {"demonym", "name", "company"}:
                    if token.lower_ == "designed" and self.lexicons.dissolved(
                        mention.term.party.code, self.reference.year
                    ):
                        continue  # "Soviet-designed T-72s" in 2008: a design, not a seller
                    found.append((token.i, mention.term.party))
        for weapon in weapons:
            # "the warships that France built for Russia": the builder's state made them
            head = doc[weapon.head]
            holders = {head.i: head, head.head.i: head.head}.values()
            for clause in (c for h in holders for c in h.children if c.dep_ in {"relcl", "acl"}):
                if clause.lemma_.lower() not in BUILD_LEMMAS:
                    continue
                for subject in clause.children:
                    if subject.dep_ != "nsubj":
                        continue
                    mention = mentions.party_at.get(subject.i)
                    if mention is not None and mention.term.party.kind == "state":
                        found.append((-weapon.start - 1, mention.term.party))
        for match in _ORIGIN_PREDICATE.finditer(sentence.text):
            group = "maker" if match.group("maker") else "origin"
            span = doc.char_span(
                sentence.start_char + match.start(group),
                sentence.start_char + match.end(group),
                alignment_mode="expand",
            )
            mention = mentions.party_at.get(span.start) if span is not None else None
            if span is None or mention is None:
                continue
            # the weapon the predicate is about: the last one named before it
            before = [w for w in weapons if w.end <= span.start]
            if before:
                found.append((-before[-1].start - 1, mention.term.party))
        for position, maker in found:
            if position < 0:
                described = [w for w in weapons if w.start == -position - 1]
            else:
                # the weapon phrase the modifier opens: within the next few tokens
                described = [w for w in weapons if position < w.start <= position + 4]
            for weapon in described:
                self.origin_notes.append(
                    OriginNote(
                        offset=unit.start + doc[weapon.start].idx,
                        category=weapon.term.category,
                        designation=weapon.term.canonical
                        if weapon.term.kind == "designation"
                        else None,
                        maker=maker,
                    )
                )

    def _note_destinations(self, sentence: Span, mentions: TokenMentions) -> None:
        """Remember where a carrier or shipment was bound ("Officials said the plane was bound
        for Iran"), for a seizure told in another sentence."""
        for token in sentence:
            if token.lemma_.lower() not in DESTINATION_LEMMAS:
                continue
            subject, _ = subject_of(token)
            about = subject if subject is not None else token.head
            if about.lemma_.lower() not in CARRIER_NOUNS and about.i not in mentions.weapon_at:
                continue
            for prep in token.children:
                if prep.lower_ not in {"for", "to"}:
                    continue
                for place in prep.children:
                    mention = mentions.party_at.get(place.i) if place.dep_ == "pobj" else None
                    if mention is not None and mention.term.party not in self.destinations:
                        self.destinations.append(mention.term.party)

    def _note_suppliers(self, sentence: Span, mentions: TokenMentions, unit: Unit) -> None:
        """Remember a supplier relation the document states ("China has become Algeria's
        second supplier", "Russia, Syria's main arms supplier"), for the transfers told next
        that leave their supplier out."""
        for token in sentence:
            if token.lemma_.lower() not in SUPPLIER_NOUNS or token.pos_ != "NOUN":
                continue
            buyers = [
                mention.term.party
                for child in token.children
                if child.dep_ == "poss"
                if (mention := mentions.party_at.get(child.i)) is not None
            ]
            if token.dep_ == "appos":
                holder: Token | None = token.head
            elif token.dep_ == "attr" and token.head.lemma_.lower() in {"be", "become", "remain"}:
                holder, _ = subject_of(token.head)
            else:
                holder = None
            seller = mentions.party_at.get(holder.i) if holder is not None else None
            if seller is None or len(buyers) != 1 or buyers[0] == seller.term.party:
                continue
            at = unit.start + sentence.start_char
            self.supplier_notes.append((at, seller.term.party, buyers[0]))

    def _noted_supplier(self, read: ReadFrame) -> Party | None:
        """The supplier the document last named for the claim's recipient, earlier in the same
        paragraph ("China has become Algeria's second supplier. Three corvettes ... were
        delivered to the Algerian navy")."""
        for at, seller, buyer in reversed(self.supplier_notes):
            if at > read.offset or buyer not in read.recipients:
                continue
            if "\n\n" in self.text[at : read.offset]:
                return None
            return seller
        return None

    def _noted_maker(self, read: ReadFrame) -> Party | None:
        """The one maker the document states for the claim's kind of weapon, if it is not the
        claim's own recipient."""
        categories = {item.category for item in read.items} - {"unspecified"}
        designations = {item.designation for item in read.items if item.designation}
        makers = {
            self.lexicons.as_of(note.maker, self.reference.year)
            for note in self.origin_notes
            if (note.designation in designations if note.designation and designations else False)
            or (note.category in categories and not (designations and note.designation))
        }
        makers -= set(read.recipients)
        return next(iter(makers)) if len(makers) == 1 else None

    def _last_person(self) -> Speaker | None:
        return copy.copy(self.persons[-1]) if self.persons else None

    def _quote_speakers(
        self, sentence: Span, doc: Doc, quotes: list[tuple[int, int]], reader: AttributionReader
    ) -> list[Speaker]:
        """Speakers of a quotation that spans sentences: the speech verb after its closing mark
        ("... We will send them," the minister said); else the one before its opening mark in
        the sentence it opens in (The minister said: "... We will send them."); else the speaker
        of a quotation closed just before it, which it goes on ("...," said a naval officer.
        "They sold us ships.")."""
        for index, (start, end) in enumerate(quotes):
            inside = start <= sentence.start_char + 2 and end > sentence.end_char - 1
            opens_here = sentence.start_char <= start < sentence.end_char
            if not (inside or opens_here and end > sentence.end_char):
                continue
            speaker = _speech_beside(doc, end - 1, reader, after=True)
            if speaker is None and inside:
                speaker = _speech_beside(doc, start, reader, after=False)
            if speaker is None and inside and index > 0:
                opening = doc.char_span(start, start + 1, alignment_mode="expand")
                before_start, before_end = quotes[index - 1]
                if (
                    opening is not None
                    and start <= opening.sent.start_char + 2
                    and opening.sent.start > 0
                    and before_end > doc[opening.sent.start - 1].sent.start_char
                ):
                    # the quotation before closed in the sentence just before this one opens
                    speaker = _speech_beside(doc, before_end - 1, reader, after=True)
            if speaker is not None:
                return [speaker]
        return []

    def _party_at(self, offset: int) -> Party | None:
        for match in self._party_mentions:
            if match.start <= offset < match.end:
                return match.payload.party
            if match.start > offset:
                break
        return None

    def _note_subject(self, sentence: Span, unit: Unit) -> None:
        """Remember the state or group a sentence is about (its main subject), for later pronouns;
        in a reported sentence ("Kuwait has signed agreements with four powers, attaches said")
        the subject of what is reported."""
        root = sentence.root
        if root.lemma_.lower() in SPEECH_LEMMAS:
            root = next((child for child in root.children if child.dep_ == "ccomp"), root)
        for child in root.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                # "Iran", "Iran's navy", "the fighters of the Tamil Tigers"
                of_objects = [
                    pobj
                    for prep in child.children
                    if prep.dep_ == "prep" and prep.lower_ == "of"
                    for pobj in prep.children
                    if pobj.dep_ == "pobj"
                ]
                for token in [child, *child.children, *of_objects]:
                    party = self._party_at(unit.start + token.idx)
                    if party is not None and party.kind in {"state", "group"}:
                        self.subject_parties.append((unit.start + sentence.start_char, party))
                        return

    def _resolve_anaphor(self, token: Token, unit: Unit) -> Party | None:
        subject = _person_above(token) if token.lower_ in PERSONAL_PRONOUNS else None
        if subject is not None:
            # "The President announced that he has decided to authorize the sale": "he" is the
            # person who speaks, of the state that person's words name ...
            named = next(
                (
                    party
                    for t in subject.subtree
                    if t.i < token.i and (party := self._party_at(unit.start + t.idx))
                ),
                None,
            )
            if named is not None:
                return named
            # ... else of the state the story gives, but never of one the pronoun's own clause
            # names ("he has decided to authorize the sale to Taiwan" is not Taiwan's act)
            party = self._antecedent_state(token, unit)
            clause = token.head
            named_here = {
                found
                for t in clause.subtree
                if t.i != token.i and (found := self._party_at(unit.start + t.idx))
            }
            return None if party in named_here else party
        party = self._antecedent_state(token, unit)
        if token.lemma_.lower() == "kingdom" and not self._is_kingdom(party):
            # "the kingdom" is the last kingdom named, not the speaker's republic
            position = unit.start + token.idx
            kingdoms = [
                match.payload.party
                for match in self._party_mentions
                if match.start < position and self._is_kingdom(match.payload.party)
            ]
            return kingdoms[-1] if kingdoms else None
        return party

    def _previous_group_subject(self, token: Token, unit: Unit) -> Party | None:
        """The group a plural pronoun most likely stands for: the last party an earlier sentence
        was about, when that party is a group."""
        if token.lower_ not in {"them", "their", "they"}:
            return None
        start = unit.start + token.sent.start_char
        earlier = [(at, party) for at, party in self.subject_parties if at < start]
        if not earlier or start - earlier[-1][0] > SUBJECT_REACH:
            return None
        party = earlier[-1][1]
        return party if party.kind == "group" else None

    def _previous_sentence_group(self, token: Token, unit: Unit) -> Party | None:
        """The one armed group the sentence before names, wherever in it."""
        sentence = token.sent
        if sentence.start == 0:
            return None
        before = token.doc[sentence.start - 1].sent
        start, end = unit.start + before.start_char, unit.start + before.end_char
        groups = {
            match.payload.party
            for match in self._party_mentions
            if start <= match.start < end and match.payload.party.kind == "group"
        }
        return next(iter(groups)) if len(groups) == 1 else None

    def _object_of_previous_sentence(self, token: Token, unit: Unit) -> Party | None:
        """ "The collapse leaves the Croatian air force in an awkward position. It flies a dozen
        MiG-21s": a pronoun opening a sentence stands for the one state the sentence before
        names, when that sentence is about no party (its subject names none)."""
        sentence = token.sent
        if token.lower_ not in {"it", "its"} or token.i - sentence.start > 1 or sentence.start == 0:
            return None
        before = token.doc[sentence.start - 1].sent
        start, end = unit.start + before.start_char, unit.start + before.end_char
        if any(start <= at < end for at, _ in self.subject_parties):
            return None  # the sentence before was about a party: the usual rules apply
        states = {
            match.payload.party
            for match in self._party_mentions
            if start <= match.start < end and match.payload.party.kind == "state"
        }
        return next(iter(states)) if len(states) == 1 else None

    def _is_kingdom(self, party: Party | None) -> bool:
        entry = self.lexicons.states.get(party.code or "") if party is not None else None
        return entry is not None and entry.kingdom

    def _antecedent_state(self, token: Token, unit: Unit) -> Party | None:
        """A state for "the country", "it", "its": for "its", the subject of its own clause ("Iran
        test-fired its new missiles"); else the speaker's own state, the sentence's subject, the
        last sentence's subject, the most salient state nearby. An object pronoun is never its
        own verb's subject ("Bulgaria gave it 94 tanks")."""
        own_subject: Party | None = None
        if token.dep_ in {"dative", "dobj", "iobj"} or (
            token.dep_ == "pobj" and token.head.lower_ in {"to", "for"}
        ):
            verb = token.head if token.dep_ != "pobj" else token.head.head
            subject, _ = subject_of(verb)
            if subject is not None:
                own_subject = self._party_at(unit.start + subject.idx)
        if token.lemma_.lower() in {"government", "regime", "administration", "leadership"}:
            # "The government also flew in four gunships" in a story about South Sudan: the
            # government of the state the story is about, not of the last state named
            story = self._salient_state(exclude=set())
            if story is not None and story != own_subject and self._title_names(story):
                return story
        return self._antecedent_state_excluding(token, unit, own_subject)

    def _antecedent_state_excluding(
        self, token: Token, unit: Unit, own_subject: Party | None
    ) -> Party | None:
        if token.lower_ in {"its", "their"}:
            verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            if (
                verb is not None
                and verb.lemma_.lower() in THIRD_PARTY_BLOCKS
                and token.head.lemma_.lower() in self.lexicons.noun_cues
                and self.lexicons.noun_cues[token.head.lemma_.lower()].cue_class in {"get", "ask"}
            ):
                # "two years after Washington blocked its purchase of F-16s from Israel": one
                # blocks another's purchase, so "its" is the buyer the sentence was about
                subject, _ = subject_of(verb)
                if subject is not None:
                    own_subject = self._party_at(unit.start + subject.idx) or own_subject
            elif verb is not None:
                subject, _ = subject_of(verb)
                if subject is not None and subject.i != token.i:
                    for candidate in [subject, *subject.children]:
                        party = self._party_at(unit.start + candidate.idx)
                        if party is not None:
                            return party
        # "The Houthis fired missiles at Riyadh. Iran has armed them, U.S. officials say": "them"
        # is the group the story was just about, not the speakers' state
        group = self._previous_group_subject(token, unit)
        if token.lower_ == "them" and token.dep_ in {"dobj", "dative", "iobj"}:
            # "... the contras, which the United States finances and arms. The United States
            # continues to supply them with rifles": the one group the sentence before names
            named = group or self._previous_sentence_group(token, unit)
            if named is not None:
                return named
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "conj":
            # "reported that Morocco had agreed to buy ..., and that it had ordered ...": the
            # subject of the clause it is joined to
            subject, _ = subject_of(token.head.head)
            if subject is not None and subject.i != token.i:
                party = self._party_at(unit.start + subject.idx)
                if party is not None and party.kind == "state" and party != own_subject:
                    return party
        below = token
        for ancestor in token.ancestors:
            if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in SPEECH_LEMMAS:
                subject, _ = subject_of(ancestor)
                if group is not None and token.dep_ != "nsubj":
                    return group
                # "Seoul's spy agency said North Korea has supplied guns, in addition to the
                # shells it has shipped": the state the reported words are about, before the
                # speaker's
                told, _ = subject_of(below)
                if told is not None and told.i < token.i and told.i != token.i:
                    party = self._party_at(unit.start + told.idx)
                    if party is not None and party.kind == "state" and party != own_subject:
                        return party
                if subject is not None and subject.i != token.i:
                    for index in [subject.i, *(t.i for t in subject.subtree)]:
                        mention = None
                        for party_match in self._party_mentions:
                            if (
                                party_match.start
                                <= unit.start + token.doc[index].idx
                                < party_match.end
                            ):
                                mention = party_match
                                break
                        if mention is not None and mention.payload.party != own_subject:
                            return mention.payload.party
                    if (
                        token.lower_ == "it"
                        and subject.tag_ in {"NN", "NNP"}
                        and subject.ent_type_ != "PERSON"
                        and subject.lemma_.lower() not in STATE_ACTOR_NOUNS
                    ):
                        # "The United Nations mission said that it had received 7,132 weapons":
                        # "it" is the speaker, which is no state
                        return None
                break
            below = ancestor
        position = unit.start + token.idx
        # the subject of the sentence so far, else of the last sentence read ("Saudi officials had
        # no comment. Aides said the kingdom would turn to Britain, as it did in 1985")
        for earlier in token.sent:
            if earlier.i >= token.i:
                break
            if earlier.dep_ in {"nsubj", "nsubjpass"}:
                party = self._party_at(unit.start + earlier.idx)
                if party is not None and party.kind == "state" and party != own_subject:
                    return party
        # "his Armenian counterpart signed a contract, the first weapons France agreed to sell the
        # country": the nearest other state named earlier in the same sentence
        sentence_start = unit.start + token.sent.start_char
        for match in reversed(self._party_mentions):
            if match.start >= position or match.start < sentence_start:
                continue
            party = match.payload.party
            if party.kind == "state" and party != own_subject and own_subject is not None:
                return party
        named_before = self._object_of_previous_sentence(token, unit)
        if named_before is not None and named_before != own_subject:
            return named_before
        # "they" and "their" may be a group ("The Tamil Tigers had supply lines of their own.
        # Their air wing flew Czech-built aircraft"); "the country" and "its" are a state
        plural = token.lower_ in {"they", "their", "them"}
        for offset, party in reversed(self.subject_parties):
            if party.kind != "state" and not plural:
                continue
            if offset < position and position - offset <= SUBJECT_REACH and party != own_subject:
                return party
        counts: dict[Party, int] = {}
        latest: dict[Party, int] = {}
        for match in self._party_mentions:
            if match.start >= position:
                break
            party = match.payload.party
            counts[party] = counts.get(party, 0) + 1
            latest[party] = match.start
        nearby = [
            party for party, at in latest.items() if position - at <= 600 and party.kind == "state"
        ]
        if not nearby:
            return None
        return max(nearby, key=lambda party: (counts[party], latest[party]))

    # -- document-level passes ----------------------------------------------------------------

    def _claims(self) -> list[Claim]:
        resolved: list[ReadFrame] = []
        partyless: list[ReadFrame] = []  # "a consignment of Milan missiles was handed over"
        antecedents: list[ReadFrame] = []  # resolved, and transfers whose goods come later
        for read in self.read_frames:
            frame = read.frame
            self._resolve_first_person(read)
            self._resolve_against_antecedent(read, antecedents)
            for state in frame.design_states:
                if self.lexicons.dissolved(state.code, self.reference.year):
                    # "33 Soviet-designed T-72 tanks" in 2008: where the design comes from, not
                    # a seller (the state was gone); its successors' copies were inherited
                    frame.origin_suppliers = [p for p in frame.origin_suppliers if p != state]
                    frame.period_states.append(state)
            if not read.suppliers and frame.origin_suppliers:
                read.suppliers = [
                    party for party in frame.origin_suppliers if party not in read.recipients
                ]
                read.from_origins = True
            if not read.suppliers and read.recipients and frame.direction != "elaborate":
                # "the Mirages have carried out Iraq's raids": a weapon in use came from the
                # maker of its designation, unless the story tells who supplied its user
                # (completion asks the other claims first, then the maker)
                maker = self._noted_maker(read)
                if maker is not None:
                    read.suppliers = [maker]
            if frame.direction == "seize" and not read.recipients:
                # "The plane was bound for Iran": the one destination the document gives
                destinations = [p for p in self.destinations if p not in read.suppliers]
                if len(destinations) == 1:
                    read.recipients = destinations
            read.suppliers = unique_parties(
                [self.lexicons.as_of(p, self.reference.year) for p in read.suppliers]
            )
            read.recipients = unique_parties(
                [self.lexicons.as_of(p, self.reference.year) for p in read.recipients]
            )
            if not read.items:
                if frame.introduces and read.suppliers and read.recipients:
                    antecedents.append(read)
                continue
            if not (read.suppliers or read.recipients or frame.unnamed_state_roles):
                partyless.append(read)
                continue
            resolved.append(read)
            antecedents.append(read)
        for read in resolved + partyless:
            # before the maker of a bare "Hawk" is asked who sold it
            read.items = [self._as_named_in_full(item) for item in read.items]
        for read in resolved:
            self._resolve_unnamed_actors(read)
        for read in resolved:
            self._complete_from_document(read, resolved)
        resolved += self._of_the_one_pair(partyless, resolved)
        for read in resolved:
            self._specify_definite_weapons(read)
        _grant_requests(resolved)
        _name_generic_missiles(resolved)
        kept = [read for read in resolved if self._stands_as_transfer(read)]
        claims: dict[str, Claim] = {}
        for read in kept:
            for claim in self._claims_of(read):
                if claim.claim_id in claims:
                    # two frames of one sentence saying the same thing: one claim, items pooled
                    _merge_items(claims[claim.claim_id], claim)
                else:
                    claims[claim.claim_id] = claim
        result = list(claims.values())
        self._propagate_origins(result)
        return result

    @staticmethod
    def _stands_as_transfer(read: ReadFrame) -> bool:
        """Precision rules for claims that miss a party (EXTRACTION.md section 7)."""
        frame = read.frame
        if frame.policy or frame.indefinite:
            # "an embargo on all arms sales to X" is policy, "whoever supplies the weapons" a
            # generality: neither is a transfer
            return False
        if frame.direction == "use" and not (read.suppliers and read.recipients):
            return False  # weapons used with no foreign supplier are not a transfer
        if frame.captured:
            return (
                False  # weapons captured from someone else: their maker supplied the user nothing
            )
        if frame.status in {"suspended", "cancelled"} and not (read.suppliers and read.recipients):
            return False  # an embargo on no named transfer is policy, not a transfer
        if frame.status in {"suspended", "cancelled"} and any(
            # "the United States must stop selling arms to Saudi Arabia": an appeal
            any(
                child.dep_ == "aux" and child.lower_ in {"must", "should", "ought"}
                for child in token.children
            )
            or _called_for(token)
            for token in frame.chain
            if token.pos_ in {"VERB", "AUX"}
        ):
            # "Washington urged its allies to stop selling arms to Tehran": a halt called for,
            # not made
            return False
        # the ban may be the verb over the transfer noun rather than a cue of its own
        # ("Washington banned arms sales to Caracas")
        governors = [
            verb
            for token in frame.chain
            if token.pos_ in {"NOUN", "PROPN"} and (verb := governing_verb(token)) is not None
        ]
        if any(token.lemma_.lower() in BAN_LEMMAS for token in [*frame.chain, *governors]) and all(
            item.category == "unspecified" for item in read.items
        ):
            # "banned arms sales to Caracas": a ban on no particular weapon is an embargo, a
            # policy; "Moscow stopped shipping arms to Nicaragua" halts a flow and stays
            return False
        # A claim must name both sides once the document, the weapon's maker and the story's
        # subject have been asked: one side alone is, in real news, far more often a budget, a
        # domestic order or a civilian sale than an arms transfer (precision first)
        if not read.suppliers:
            return False
        if (
            frame.direction == "seize"
            and not read.recipients
            and all(item.category in {"aircraft", "ships"} for item in read.items)
        ):
            # "any attempt to intercept the aircraft would be resisted": the craft stopped,
            # with no cargo and no one it was bound for, carries no transfer
            return False
        if (
            not read.recipients
            and read.certainty != "denied"
            and not (frame.direction == "seize" and frame.carrier)
        ):
            # a supplier with no one receiving is rarely a transfer ("Almaz-Antey promised ..."),
            # but a shipment seized on its way is one, whoever it was for
            return False
        if frame.direction == "elaborate" and (not read.has_antecedent or _goods_denied(frame)):
            # "this includes 270 SS-20s" with no transfer before it; "no weapons are involved"
            return False
        if read.domestic and not read.suppliers:
            return False  # "Russian air force receives Su-34 bombers": its own industry's weapon
        missing = (
            {"supplier"} if not read.suppliers else {"recipient"} if not read.recipients else set()
        )
        # "the Air Force orders F-16s from General Dynamics": an unnamed buyer is most often domestic;
        # "sold jets to four airlines": a named taker that is no state or group is no arms transfer
        return not (missing & (frame.unnamed_state_roles | frame.nonparty_roles))

    def _complete_from_document(self, read: ReadFrame, others: list[ReadFrame]) -> None:
        """A claim missing one party takes it from the document's other claims about the same
        transfer, when they agree on it ("Ukraine gets first HIMARS" after "the U.S. sent ...");
        else from the weapon's maker; else from the pair's uncategorised flow ("Germany stopped
        arms deliveries to Turkey ... the BTR-60s had been handed over to Ankara"); else from
        what the story leaves implicit."""
        if bool(read.suppliers) == bool(read.recipients) or read.frame.market:
            return
        if (
            not read.suppliers
            and self.self_published
            and self.publisher in self.lexicons.states
            and read.frame.direction in {"give", "offer"}
            and self.publisher not in _codes(*read.recipients)
            # a buyer's statement ("Ministry of Defence of the Czech Republic: lease of Gripen
            # aircraft signed") is not its own sale
            and not any(self.publisher in _codes(*other.recipients) for other in others)
        ):
            # "Ministry of National Defence of Belgium: ... the sale of 25 Mirage 5 aircraft
            # to the Chilean Air Force": a government's own statement of a sale is its sale,
            # whoever built the goods
            read.suppliers = [self.lexicons.state_party(self.publisher)]
            return
        if not read.suppliers and read.certainty == "denied":
            # "The Foreign Ministry in Kiev said it knew of no sale of military equipment to
            # Zaire": a government denying a sale with no seller named denies its own
            denier = next(
                (
                    self.lexicons.as_of(self.lexicons.state_party(s.country), self.reference.year)
                    for s in read.attribution
                    if s.country in self.lexicons.states and s.kind in {"government", "military"}
                ),
                None,
            )
            if denier is not None and denier not in read.recipients:
                read.suppliers = [denier]
                return
        if (user := self._user_of_definite_goods(read)) is not None:
            # "the Houthis have fired dozens of ballistic missiles ..., and it accuses Iran of
            # supplying those missiles": who fired them received them
            read.recipients = [user]
            return
        if (shared := self._same_act_side(read, others)) is not None:
            if read.suppliers:
                read.recipients = [shared]
            else:
                read.suppliers = [shared]
            return
        if not read.suppliers and (noted := self._noted_supplier(read)) is not None:
            makers = {
                self._sole_maker(item.designation) for item in read.items if item.designation
            } - {None}
            if not makers or makers == {noted}:  # a named weapon's own maker is a better guess
                read.suppliers = [noted]
                return
        categories = {item.category for item in read.items}
        candidates: set[Party] = set()
        earlier: set[Party] = set()  # the candidates from claims told before this one
        general: set[Party] = set()  # from claims naming no category ("arms", "weapons")
        designations = {item.designation for item in read.items if item.designation}
        made_known = any(self._sole_maker(designation) is not None for designation in designations)
        called_off = read.frame.status in {"cancelled", "suspended"}
        for other in others:
            if other is read or not (other.suppliers and other.recipients):
                continue
            other_designations = {item.designation for item in other.items if item.designation}
            if (
                designations
                and not designations & other_designations
                and (other_designations or called_off or made_known)
                # "Katyusha rockets fired by Hezbollah ... the rockets are supplied by Iran": a
                # user's weapons come from whoever the story says supplies that user
                and not (read.frame.direction == "use" and not other_designations)
            ):
                # "the F-15" is not the Rafale: another weapon's seller is not its; a deal called
                # off is not the one the buyer turned to instead ("suspends talks on the F-35 ...
                # after signing for Rafales": not "the jets" of France); and a named weapon's
                # known maker is a better guess than a claim naming no weapon ("Burma has also
                # ordered A-5 jets and Hainan-class boats" beside "Poland has sold Burma
                # helicopters")
                continue
            other_categories = {i.category for i in other.items}
            if read.suppliers and set(read.suppliers) & set(other.suppliers):
                found = set(other.recipients)
            elif read.recipients and set(read.recipients) & set(other.recipients):
                found = set(other.suppliers)
            else:
                continue
            if "unspecified" in categories or categories & other_categories:
                candidates |= found
                if other.offset < read.offset:
                    earlier |= found
            elif other_categories == {"unspecified"}:
                general |= found
        if not candidates and not general:
            candidates = self._complementary_side(read, others, categories - {"unspecified"})
        party: Party | None = None
        if len(candidates) == 1:
            party = next(iter(candidates))
        elif len(earlier) == 1:
            # "Thales will supply the sensors for all three ships" after Morocco's order, before
            # the builder's earlier order for Indonesia: the transfer told before it
            party = next(iter(earlier))
        elif not candidates:
            # a seized AK-47 says nothing of who shipped it
            maker = (
                self._maker(read)
                if not read.suppliers and read.frame.direction != "seize"
                else None
            )
            party = maker or (next(iter(general)) if len(general) == 1 else None)
            party = party or self._implied_party(read, others)
        if party is None:
            return
        if (
            party.kind == "state"
            and ("recipient" if read.suppliers else "supplier") in read.frame.group_roles
        ):
            return  # "supplied the rebels" is never the state the story names
        if read.suppliers:
            read.recipients = [party]
        else:
            read.suppliers = [party]

    def _of_the_one_pair(
        self, partyless: list[ReadFrame], resolved: list[ReadFrame]
    ) -> list[ReadFrame]:
        """A transfer told with no party at all ("a consignment of Milan anti-tank missiles was
        handed over at Beirut airport") in a document whose every asserted transfer is between
        the same supplier and recipient: that pair's. A deal called off ("removes Turkey from
        the F-35 programme after S-400 delivery") counts only in a story of nothing else."""
        asserted = [
            read
            for read in resolved
            if read.suppliers
            and read.recipients
            and read.frame.direction not in {"use", "seize"}
            and read.certainty in {"reported", "confirmed"}
        ]
        live = [r for r in asserted if r.frame.status not in {"cancelled", "suspended"}]
        pairs = {(tuple(read.suppliers), tuple(read.recipients)) for read in live or asserted}
        taken = []
        for read in partyless:
            frame = read.frame
            # the one pair of the story, else the one pair told before the transfer with goods
            # of its kind ("130 aircraft are to be ordered" after the RAF's choice of a trainer,
            # before the trainer's other users are listed), else the first told after it
            told = pairs
            if len(told) != 1:
                categories = {item.category for item in read.items}
                kindred = [
                    other
                    for other in live or asserted
                    if categories & {item.category for item in other.items}
                ]
                before = [other for other in kindred if other.offset < read.offset]
                after = sorted(
                    (other for other in kindred if other.offset > read.offset),
                    key=lambda other: other.offset,
                )
                # a headline before any pair is told is about the first one
                told = {
                    (tuple(other.suppliers), tuple(other.recipients))
                    for other in before or after[:1]
                }
            if len(told) != 1:
                continue
            suppliers, recipients = next(iter(told))
            if (
                frame.direction not in {"give", "get", "arrive"}
                or frame.policy
                or frame.indefinite
                or frame.nonparty_roles
                or frame.first_person_roles
                # "arms exports" with no party is talk of the trade, not of this deal
                or all(item.category == "unspecified" for item in read.items)
            ):
                continue
            if not any(other.offset - read.offset <= ONE_PAIR_REACH for other in live or asserted):
                # the pair is told only much later in the story: a transfer with no party long
                # before it ("deliveries dropped by parachute" paragraphs ahead) is not its
                continue
            if not live and any(
                maker not in suppliers
                for item in read.items
                if item.designation
                and (maker := self.lexicons.origin_state(item.designation, self.reference.year))
            ):
                continue  # S-400s arriving in a story of a cancelled F-35 deal are not its
            read.suppliers, read.recipients = list(suppliers), list(recipients)
            self._same_fate_as_named(read, asserted)
            taken.append(read)
        return taken

    @staticmethod
    def _same_fate_as_named(read: ReadFrame, others: list[ReadFrame]) -> None:
        """ "The United States paused a shipment of 3,500 bombs to Israel ... The shipment was
        made up of 1,800 2,000-pound bombs": the definite noun is the shipment just called off."""
        noun = read.frame.chain[0]
        if noun.pos_ not in {"NOUN", "PROPN"} or not any(
            child.dep_ == "det" and child.lower_ in {"the", "this", "that"}
            for child in noun.children
        ):
            return
        if read.frame.status not in {"offered", "agreed", "delivered"}:
            return
        if read.frame.direction != "elaborate" and any(
            token.pos_ in {"VERB", "AUX"} for token in read.frame.chain
        ):
            return  # "The shipment arrived in May": a verb of its own says what became of it
        for other in reversed(others):
            if (
                other.offset < read.offset
                and other.frame.status in {"cancelled", "suspended"}
                and noun.lemma_.lower() in other.cue_lemmas
                and set(other.suppliers) == set(read.suppliers)
                and set(other.recipients) == set(read.recipients)
            ):
                read.frame.status = other.frame.status
                return

    def _specify_definite_weapons(self, read: ReadFrame) -> None:
        """ "The weapons had been ordered by the Kenyan military" after "a freighter carrying 33
        T-72 tanks, grenade launchers and ammunition": "the weapons" are the ones named before."""
        if not read.items or any(item.category != "unspecified" for item in read.items):
            return
        doc = read.frame.sentence.doc
        heads = [doc[i] for i in read.frame.item_heads]
        if not heads or not all(_is_definite(head) for head in heads):
            return
        for previous in reversed(self.read_frames):
            if previous.offset >= read.offset:
                continue
            if read.offset - previous.offset > ANTECEDENT_REACH:
                return
            named = [item for item in previous.items if item.category != "unspecified"]
            if not named or previous.frame.policy or previous.frame.captured:
                continue
            partyless = not (previous.suppliers or previous.recipients)
            same_supplier = bool(set(read.suppliers) & set(previous.suppliers))
            if not (
                partyless or same_supplier and _compatible(read.recipients, previous.recipients)
            ):
                continue  # weapons of another supplier are not "the weapons" of this one
            read.items = [
                Item(item.category, item.label, item.designation, item.quantity) for item in named
            ]
            return

    @staticmethod
    def _complementary_side(
        read: ReadFrame, others: list[ReadFrame], categories: set[str]
    ) -> set[Party]:
        """The side that another half-told claim about the same weapon gives ("the first Stingers
        reached the mujahideen" beside "Washington has supplied several hundred Stingers"): two
        halves of one transfer when they share a named category."""
        found: set[Party] = set()
        if not categories or read.frame.direction in {"use", "seize"}:
            return found
        for other in others:
            if other is read or bool(other.suppliers) == bool(other.recipients):
                continue
            if bool(other.suppliers) == bool(read.suppliers):
                continue  # the same half: nothing to add
            if (
                other.frame.direction in {"use", "seize"}
                or other.frame.policy
                or other.frame.market
                # "armed themselves with rifles bought on the black market": a side the text
                # leaves to no party is no half of another's transfer
                or other.frame.nonparty_roles
            ):
                continue
            if categories & {item.category for item in other.items}:
                found |= set(other.suppliers or other.recipients)
        return found - set(read.suppliers + read.recipients + read.frame.via)

    def _made_by_another(self, read: ReadFrame, previous: ReadFrame) -> bool:
        """A weapon in use whose designation has one maker ("the Mirages have carried out the
        raids") takes its supplier from an earlier transfer that names one, not from one that
        names none either: the maker is the better guess."""
        if read.frame.direction != "use" or read.suppliers or previous.suppliers:
            return False
        makers = {
            maker
            for item in read.items
            if item.designation
            and (maker := self.lexicons.origin_state(item.designation, self.reference.year))
            is not None
        }
        return len(makers) == 1

    def _as_named_in_full(self, item: Item) -> Item:
        """A bare name two designs share ("Hawk") is the one the document names in full."""
        label = item.label.lower()
        full = (
            self.named_in_full.get(label) or self.named_in_full.get(label.removesuffix("s"))
            if item.designation
            else None
        )
        if full is None or len(full) != 1:
            return item
        canonical, category = next(iter(full))
        if canonical == item.designation:
            return item
        return Item(category, item.label, canonical, item.quantity)

    def _sole_maker(self, designation: str) -> Party | None:
        """The state that makes a weapon and is the one to sell it new: not a design of a state
        since dissolved (a Su-25 sold in 2001 may come from Ukraine as well as Russia)."""
        code = self.lexicons.weapon_origins.get(designation)
        if code is None or self.lexicons.dissolved(code, self.reference.year):
            return None
        return self.lexicons.origin_state(designation, self.reference.year)

    def _maker(self, read: ReadFrame) -> Party | None:
        """The state whose industry makes the named weapon ("Poland signs for K2 tanks"), unless
        that is the buyer itself, which makes the story domestic procurement."""
        makers = {
            maker
            for item in read.items
            if item.designation
            and (maker := self.lexicons.origin_state(item.designation, self.reference.year))
            is not None
        }
        if not makers:
            makers = self._makers_of_definite(read)
        if len(makers) != 1:
            return None
        maker = next(iter(makers))
        if maker in read.recipients:
            if len(read.recipients) == 1:
                read.domestic = True
                return None
            # "in service with the Brazilian Air Force and the Portuguese Air Force": the maker's
            # own forces bought nothing abroad; the others bought from it
            read.recipients = [party for party in read.recipients if party != maker]
        return maker

    def _user_of_definite_goods(self, read: ReadFrame) -> Party | None:
        """The one user of "those missiles" that a frame of giving with no taker points back to:
        a frame of use in the same or the sentence before, of goods of the same kind."""
        if read.recipients or not read.suppliers or read.frame.direction not in {"give", "offer"}:
            return None
        doc = read.frame.sentence.doc
        heads = [doc[i] for i in read.frame.item_heads]
        if not heads or not all(_is_definite(head) for head in heads):
            return None
        categories = {item.category for item in read.items}
        users = {
            party
            for other in self.read_frames
            if other is not read
            and other.frame.direction == "use"
            and 0 <= read.offset - other.offset <= USE_ANTECEDENT_REACH
            and categories & {item.category for item in other.items}
            for party in other.recipients
            if party not in read.suppliers
        }
        return next(iter(users)) if len(users) == 1 else None

    def _makers_of_definite(self, read: ReadFrame) -> set[Party]:
        """ "Venezuela, which bought the aircraft in 1982" after "to order the F-16": the makers
        of the designs of the same kind the story named just before a definite generic noun."""
        doc = read.frame.sentence.doc
        heads = [doc[i] for i in read.frame.item_heads]
        categories = {item.category for item in read.items}
        if (
            read.frame.direction == "use"  # "the helicopters ... have been used": whoever sold them
            or not heads
            or not all(_is_definite(head) for head in heads)
            or "unspecified" in categories
        ):
            return set()
        makers: set[Party] = set()
        for previous in self.read_frames:
            if previous is read or not (0 <= read.offset - previous.offset <= ANTECEDENT_REACH):
                continue
            for item in previous.items:
                if item.designation and item.category in categories:
                    maker = self.lexicons.origin_state(item.designation, self.reference.year)
                    if maker is not None:
                        makers.add(maker)
        return makers

    def _resolve_unnamed_actors(self, read: ReadFrame) -> None:
        """ "The army has taken delivery of 100,000 rifles" in a story about Venezuela: the
        state the story is about. A domestic story then has the same state on both sides and
        is dropped."""
        for role in read.frame.unnamed_state_roles:
            target = read.suppliers if role == "supplier" else read.recipients
            if target:
                continue
            # "The department also approved ..." after "The State Department said": that body
            named = self._named_body(read.frame.unnamed_actor_words, read.offset)
            if named is not None and named not in (read.suppliers + read.recipients):
                target.append(named)
                read.frame.unnamed_state_roles = read.frame.unnamed_state_roles - {role}
                continue
            # a government's own statement: "the Armed Forces" are that government's
            own = self._issuing_government()
            if own is not None and own not in (
                read.suppliers + read.recipients + read.frame.origin_suppliers
            ):
                target.append(own)
                read.frame.unnamed_state_roles = read.frame.unnamed_state_roles - {role}
                continue
            # never the maker the frame names ("flew Czech-built trainers" is not the Czechs')
            makers = {p.key for p in read.frame.origin_suppliers}
            if read.frame.direction == "use":
                # whose forces use the weapons is the headline's subject, the state it names
                # first ("Nicaragua downs supply plane, captures American crewman"), never the
                # state named most, which is as often the one attacked
                story = self._title_first_state(exclude=makers)
            else:
                story = self._salient_state(exclude=makers)
            if story is not None and self._title_names(story):
                target.append(story)
                read.frame.unnamed_state_roles = read.frame.unnamed_state_roles - {role}

    def _issuing_government(self) -> Party | None:
        """The state whose government issued the document ("Armenian Ministry of Defence:
        statement on ..."), when its title says a government body speaks; a company's release
        speaks for no armed forces."""
        if not (self.self_published and self.publisher):
            return None
        title = self.document.title or self.text[:200]
        if not _GOVERNMENT_ISSUER.search(title) or self.publisher not in self.lexicons.states:
            return None
        return self.lexicons.state_party(self.publisher)

    def _named_body(self, words: set[str], before: int) -> Party | None:
        """The state of the last government body named before `before` whose name holds one of
        `words` ("the State Department" for "the department"), or of the last armed service
        named with its state ("the Thai navy" for "the navy"); for an armed service, else the
        state whose other service was named last ("the Thai navy" for "the army")."""
        found = None
        service = None
        military = words <= ARMED_SERVICE_WORDS
        for match in self._party_mentions:
            if match.start >= before:
                break
            term = match.payload
            if term.role == "body" and set(term.surface.lower().split()) & words:
                found = term.party
            elif military and term.role in {"name", "demonym"}:
                beside = self._services_beside(match.start, match.end)
                if beside & words:
                    found = term.party
                elif beside:
                    service = term.party
        return found or service

    def _services_beside(self, start: int, end: int) -> set[str]:
        """The armed services a state's mention names: "the Thai navy", "Thailand's air
        force", "the navy of Thailand"."""
        after = _WORD.findall(_CLAUSE_END.split(self.text[end : end + 30], maxsplit=1)[0])
        if after and after[0].lower() == "s":
            after = after[1:]  # "Thailand's"
        before = _WORD.findall(_CLAUSE_END.split(self.text[max(0, start - 30) : start])[-1])
        near = after[:2]
        if before and before[-1].lower() == "the":
            before = before[:-1]
        if len(before) >= 2 and before[-1].lower() == "of":
            near.append(before[-2])  # "the navy of (the) Philippines"
        return {word.lower().removesuffix("s") for word in near} & ARMED_SERVICE_WORDS

    def _implied_party(self, read: ReadFrame, others: list[ReadFrame]) -> Party | None:
        """The side a feature leaves implicit ("Germany has sent a second Patriot battery" in a
        story about Ukraine's air defence): the party that side holds in most of the document's
        complete claims, else the state the document names most, if it is named often."""
        missing = "recipient" if read.suppliers else "supplier"
        if missing in read.frame.unnamed_state_roles or read.frame.direction in {"use", "seize"}:
            return None  # the user of a weapon, or a seized shipment's end, is never guessed
        if missing == "recipient" and read.frame.market:
            return None  # "hoped to sell fighters in Central Europe": a market, no one buyer
        # an intermediary ("through Pakistan's intelligence service") is never the implied side
        known = {p.key for p in read.suppliers + read.recipients + read.frame.via}
        counts: dict[Party, int] = {}
        categories = {item.category for item in read.items} - {"unspecified"}
        complete = [
            o
            for o in others
            if o.suppliers
            and o.recipients
            # a weapon in someone's use says nothing of who ships what else in the story
            and not (o.frame.direction == "use" and o.frame.status == "in_use")
            and (not categories or categories & {item.category for item in o.items})
        ]
        for other in complete:
            for party in other.recipients if missing == "recipient" else other.suppliers:
                if party.key not in known:
                    counts[party] = counts.get(party, 0) + 1
        if counts:
            best = max(counts, key=lambda party: counts[party])
            if counts[best] * 2 <= len(complete):
                return None
            # "the air defence the Soviets supplied" in a story whose Soviet deliveries all go to
            # the government: the other side's buyer is not the one to guess
            known_side = read.suppliers if missing == "recipient" else read.recipients
            sides = [
                o.recipients if missing == "recipient" else o.suppliers
                for o in others
                if o is not read
                and o.suppliers
                and o.recipients
                and set(known_side) & set(o.suppliers if missing == "recipient" else o.recipients)
            ]
            if missing == "supplier" and not sides and not _goods_told_before(read.frame):
                # "the acquisition by China of advanced fighters" in a story of American sales
                # to Taiwan: new goods for a buyer the story's seller sells nothing else to are
                # not its sale; "has ordered the drones as well" refers to goods told before
                return None
            if sides and not any(best in side for side in sides):
                # the known side's other transfers in the story all go to (or come from) one
                # party: that one ("Washington cleared the sale of six Broncos" in a story whose
                # other American claims are Morocco's)
                shared = set.intersection(*(set(side) for side in sides))
                return next(iter(shared)) if len(shared) == 1 else None
            return best
        if (
            not (read.frame.suppliers or read.frame.recipients or read.frame.first_person_roles)
            or missing == "supplier"
        ):
            # a side known only from "Russian-made" is too weak to guess the other from, and a
            # story's most named state is its buyer far more often than its seller
            return None
        salient = self._salient_state(exclude=known)
        if salient is None or not (self._title_names(salient) or salient.code == self.home):
            # only the state the story is about, as its headline or its dateline says
            return None
        mentions = sum(1 for match in self._party_mentions if match.payload.party == salient)
        return salient if mentions >= IMPLIED_PARTY_MENTIONS else None

    def _title_names(self, party: Party) -> bool:
        first_line = self.text.split("\n", 1)[0]
        return any(
            match.payload.party == party and match.start < len(first_line)
            for match in self._party_mentions
        )

    def _title_first_state(self, exclude: set[str]) -> Party | None:
        first_line = self.text.split("\n", 1)[0]
        for match in self._party_mentions:
            if match.start >= len(first_line):
                break
            party = match.payload.party
            if party.kind == "state" and party.key not in exclude:
                return party
        return None

    def _salient_group(self) -> Party | None:
        """The non-state group the document is about, for "the rebels": the one it names, or,
        when it names several, the one it names more than twice as often as any other (a story
        about the mujahideen naming one faction once); none when no group stands out."""
        counts = Counter(
            match.payload.party
            for match in self._party_mentions
            if match.payload.party.kind == "group"
        )
        ranked = counts.most_common(2)
        if len(ranked) == 1:
            return ranked[0][0]
        if len(ranked) == 2 and ranked[0][1] >= 2 and ranked[0][1] > 2 * ranked[1][1]:
            return ranked[0][0]
        return None

    def _group_for(self, token: Token, unit: Unit) -> Party | None:
        """The group "the rebels" stands for: the one the document is about, else the one group
        named in the few sentences before ("Mr. Kabila's Alliance ... the Alliance ... Rwanda
        and Uganda have supplied the rebels"), by its full name or a word of it."""
        salient = self._salient_group()
        if salient is not None:
            return salient
        position = unit.start + token.idx
        near = {
            party
            for start, party in self._group_mentions()
            if position - GROUP_REACH <= start < position
        }
        # two groups named just before ("the Rally for Congolese Democracy holds the east and
        # the Movement for the Liberation of Congo the north"): the rebels could be either
        return next(iter(near)) if len(near) == 1 else None

    def _group_mentions(self) -> list[tuple[int, Party]]:
        """Where the document names a group: by its name, or, once named, by a capitalised word
        of the name ("the Alliance" after the Alliance of Democratic Forces ...)."""
        if self._group_positions is not None:
            return self._group_positions
        found = [
            (match.start, match.payload.party)
            for match in self._party_mentions
            if match.payload.party.kind == "group"
        ]
        first_named: dict[str, tuple[int, Party]] = {}
        for start, party in found:
            for word in party.name.split():
                if word[:1].isupper() and len(word) > 3 and word not in GENERIC_NAME_WORDS:
                    first_named.setdefault(word, (start, party))
        for match in _DEFINITE_NAME.finditer(self.text):
            named = first_named.get(match.group(1))
            if named is not None and named[0] < match.start():
                found.append((match.start(), named[1]))
        self._group_positions = sorted(found, key=lambda pair: pair[0])
        return self._group_positions

    def _salient_state(self, exclude: set[str]) -> Party | None:
        counts: dict[Party, int] = {}
        for match in self._party_mentions:
            party = match.payload.party
            if party.kind == "state" and party.key not in exclude:
                counts[party] = counts.get(party, 0) + 1
        return max(counts, key=lambda party: counts[party]) if counts else None

    def _resolve_first_person(self, read: ReadFrame) -> None:
        """ "We have received ...", said by a state's official: that state."""
        country = next(
            (
                s.country
                for s in read.attribution
                if s.country and s.kind in {"government", "military"}
            ),
            None,
        )
        if not read.frame.first_person_roles:
            return
        others = {p.key for p in read.suppliers + read.recipients}
        if country and country in self.lexicons.states:
            party: Party | None = self.lexicons.state_party(country)
        else:
            # a statement in a government's own voice: the state whose office heads it ("The
            # Secretary of State for Defence (Mr Ben Wallace):", "THE WHITE HOUSE"), else the
            # state the document is most about
            party = self.voice
            if party is None or party.key in others:
                party = self._salient_state(exclude=others)
        if party is None:
            return
        for role in read.frame.first_person_roles:
            target = read.suppliers if role == "supplier" else read.recipients
            if not target:
                target.append(party)

    def _same_act_side(self, read: ReadFrame, others: list[ReadFrame]) -> Party | None:
        """The side another frame of the same act gives ("a consignment of 1,200 M-16 rifles and
        2.8 million rounds of ammunition was delivered to the Somali army": the rifles' maker
        sent the rounds too): frames of one sentence under the same verb, whose known sides agree."""

        def act(frame: Frame) -> int | None:
            # the first verb of the chain: the act the goods were moved by
            return next((t.i for t in frame.chain if t.pos_ in {"VERB", "AUX"}), None)

        top = act(read.frame)
        if top is None or read.frame.direction not in {"give", "get", "arrive"}:
            return None
        if read.frame.anaphoric or read.has_antecedent:
            return None  # its sides come from the transfer it refers back to
        found: set[Party] = set()
        for other in others:
            if (
                other is read
                or other.offset != read.offset
                or act(other.frame) != top
                or other.frame.direction != read.frame.direction
                or other.frame.status != read.frame.status
                or other.frame.anaphoric
                or other.has_antecedent
            ):
                continue
            if read.suppliers and set(read.suppliers) == set(other.recipients or []):
                continue
            if not read.suppliers and set(read.recipients) == set(other.recipients):
                side = other.suppliers or ([m] if (m := self._maker(other)) else [])
            elif not read.recipients and set(read.suppliers) == set(other.suppliers):
                side = other.recipients
            else:
                continue
            found.update(side)
        found -= set(read.suppliers + read.recipients)
        return next(iter(found)) if len(found) == 1 else None

    def _voice_state(self) -> Party | None:
        """The state of the office or office holder named at the head of the document (its title
        and first lines), which speaks in a statement's "we"."""
        for match in self._party_mentions:
            if match.start > VOICE_REACH:
                break
            term = match.payload
            if term.role in {"leader", "body", "seat"} and term.party.kind == "state":
                return term.party
        return None

    def _resolve_against_antecedent(self, read: ReadFrame, earlier: list[ReadFrame]) -> None:
        frame = read.frame
        missing_party = not read.suppliers or not read.recipients
        if frame.deal_reference and not missing_party:
            self._share_fate(read, earlier)
        if not (frame.anaphoric or frame.unresolved_roles) or not (missing_party or not read.items):
            return
        candidates = [
            previous
            for previous in reversed(earlier)
            if read.offset - previous.offset <= ANTECEDENT_REACH
            # a transfer whose goods come later is what an elaboration details, nothing else's
            and (frame.direction == "elaborate" or not previous.frame.introduces)
            and _compatible(read.suppliers, previous.suppliers)
            and _compatible(read.recipients, previous.recipients)
            # "the package also includes missiles": an elaboration may add items of its own
            and (
                not read.items
                or frame.direction == "elaborate"
                or _items_compatible(read.items, previous.items)
            )
            # "The Mirages have carried out the raids" after a transfer of unknown origin
            and not self._made_by_another(read, previous)
        ]
        if not candidates:
            return
        # an antecedent that names both sides outranks one that is itself still missing one; one
        # about the same kind of weapon outranks one about another
        candidates.sort(
            key=lambda c: (
                not (c.suppliers and c.recipients),
                bool(read.items) and not _items_compatible(read.items, c.items),
            )
        )
        if frame.anaphor_lemma:
            same_word = [c for c in candidates if frame.anaphor_lemma in c.cue_lemmas]
            candidates = same_word or candidates
        if frame.direction == "elaborate":
            # "it could include ...": details of the transfer as asserted, not of a hedged aside
            asserted = [c for c in candidates if c.certainty in {"reported", "confirmed"}]
            candidates = asserted or candidates
        antecedent = candidates[0]
        read.has_antecedent = True
        if not read.suppliers:
            read.suppliers = list(antecedent.suppliers)
        if not read.recipients:
            read.recipients = list(antecedent.recipients)
        if not read.items:
            read.items = [
                Item(item.category, item.label, item.designation, None) for item in antecedent.items
            ]
        if read.deal == "unspecified":
            read.deal = antecedent.deal
        if frame.deal_reference:
            self._share_fate(read, [antecedent])
        if frame.anaphoric:
            self._same_fate_as_named(read, [antecedent])
        if frame.direction == "elaborate":
            frame.status = antecedent.frame.status
            if not read.attribution:
                # "The first is for 108 tanks": told on the word, and with the standing, of the
                # sentence that announced the transfer
                read.attribution, read.cites = antecedent.attribution, antecedent.cites
                frame.official_actor = frame.official_actor or antecedent.frame.official_actor
            if frame.status in {"cancelled", "suspended"} and _outside_cancellation(
                read.items, antecedent.items
            ):
                # "drops the plane sale, keeps the ships": a deal called off for some kinds of
                # weapon still stands for the others it covers
                frame.status = "agreed"

    def _share_fate(self, read: ReadFrame, earlier: list[ReadFrame]) -> None:
        """ "Iraq has cancelled a contract to buy weapons from Russia. The deal ... was to have
        supplied 30 Mi-28s": what a deal called off was to supply is called off with it (the
        kinds of weapon it named, or all if it named none); what was delivered stays so."""
        frame = read.frame
        if frame.status not in {"sought", "offered", "negotiating", "agreed"}:
            return
        for previous in reversed(earlier):
            if previous is read or previous.offset >= read.offset:
                continue
            if read.offset - previous.offset > ANTECEDENT_REACH:
                return
            if not (
                previous.suppliers
                and previous.recipients
                and set(previous.suppliers) == set(read.suppliers)
                and set(previous.recipients) == set(read.recipients)
            ):
                continue
            if previous.frame.status in {"cancelled", "suspended"} and not _outside_cancellation(
                read.items, previous.items
            ):
                frame.status = previous.frame.status
            return

    def _claims_of(self, read: ReadFrame) -> list[Claim]:
        frame = read.frame
        start, end = read.offset, read.end
        # trim the evidence to the sentence's own text, without surrounding whitespace
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        evidence = Evidence(start=start, end=end, text=self.text[start:end])
        event_date = resolve_event_date(evidence.text, self.reference)
        if any(
            self.lexicons.inherited(state, recipient)
            for state in frame.period_states
            for recipient in read.recipients
        ):
            return []  # "Ukraine's army fields Soviet-era T-64s": inherited, never supplied
        claims = []
        suppliers: list[Party | None] = list(read.suppliers) or [None]
        recipients: list[Party | None] = list(read.recipients) or [None]
        for supplier in suppliers:
            for recipient in recipients:
                if supplier is not None and recipient is not None and supplier.key == recipient.key:
                    continue  # a state buying from itself is domestic procurement
                if self.lexicons.inherited(supplier, recipient):
                    continue  # "Ukraine's army fields Soviet T-64s": inherited, never supplied
                certainty = read.certainty
                # a party's government says it, or acts on the record ("President Bush approved
                # the sale"), or the document is that government's own statement
                party_speaks = _party_speaks(read.attribution, supplier, recipient, self.home)
                if certainty == "reported" and (
                    party_speaks
                    # an act on the record told in the report's own voice, not in a third
                    # party's ("The Russian MoD is buying shells," a U.S. official said)
                    or (
                        frame.official_actor
                        and _speakers_of_parties(read.attribution, supplier, recipient, self.home)
                    )
                    or (
                        self.self_published
                        and not read.attribution
                        # a statement speaks for its issuer's state only
                        and (
                            self.publisher is None or self.publisher in _codes(supplier, recipient)
                        )
                    )
                ):
                    certainty = "confirmed"
                items = _items_from(read, supplier)
                if not items:
                    continue  # "American-built F-5s and Chinese-built jets": none of China's
                origin = origin_of(read.attribution, read.cites, self.lexicons)
                claim = Claim(
                    claim_id="",
                    doc_id=self.document.doc_id,
                    doc_ref=self.document.doc_ref,
                    supplier=supplier,
                    recipient=recipient,
                    via=[party for party in frame.via if party not in (supplier, recipient)],
                    items=copy.deepcopy(items),
                    deal=read.deal,
                    value=money_in(evidence.text),
                    status=frame.status,
                    certainty=certainty,
                    event_date=event_date,
                    reported_date=self.reported_date,
                    attribution=read.attribution,
                    cites=read.cites,
                    origin=origin,
                    evidence=evidence,
                )
                claim.confidence = _confidence(claim, frame)
                claim.claim_id = _claim_id(claim)
                claims.append(claim)
        if claims and put_to_use(frame):
            # "have received Milans from Qatar and are using them": delivered, and in use
            for delivered in list(claims):
                in_use = copy.copy(delivered)
                in_use.status = "in_use"
                in_use.items = copy.deepcopy(delivered.items)
                in_use.claim_id = _claim_id(in_use)
                claims.append(in_use)
        return claims

    def _propagate_origins(self, claims: list[Claim]) -> None:
        """Unattributed claims take the origin of the same transfer's attributed claims, else the outlet."""
        by_pair: dict[tuple[str, str], Origin] = {}
        for claim in claims:
            if claim.origin is not None:
                by_pair.setdefault(_pair(claim), claim.origin)
        outlet = self._outlet_origin()
        for claim in claims:
            if claim.origin is None:
                claim.origin = by_pair.get(_pair(claim)) or outlet
                claim.claim_id = _claim_id(claim)

    def _outlet_origin(self) -> Origin:
        document = self.document
        if document.outlet:
            return Origin(name=document.outlet, country=None, kind="media")
        if document.url:
            host = re.sub(r"^www\.", "", re.sub(r"^[a-z]+://", "", document.url).split("/")[0])
            if host:
                return Origin(name=host, country=None, kind="media")
        # an outlet the input does not name: the report itself, one origin per document
        return Origin(
            name=f"unnamed outlet (document {document.doc_id[:8]})", country=None, kind="media"
        )


@cache
def _hyphenated_cues() -> re.Pattern[str] | None:
    forms = sorted(
        (form for form in load_lexicons().cue_forms if "-" in form.strip("-")),
        key=len,
        reverse=True,
    )
    if not forms:
        return None
    return re.compile(
        r"\b(?:" + "|".join(re.escape(form) for form in forms) + r")\b", re.IGNORECASE
    )


# Words of a headline about a military exercise
_EXERCISE_WORDS = re.compile(
    r"\b(?:drills?|exercises?|manoeuvres|maneuvers|war games|wargames)\b", re.IGNORECASE
)


def _sends_craft(frame: Frame) -> bool:
    """Ships or aircraft only, sent or deployed ("Russia sent the frigate Admiral Gorshkov")."""
    return (
        frame.direction == "give"
        and frame.chain[0].lemma_.lower() in SENDING_LEMMAS
        and bool(frame.items)
        and all(item.category in DEPLOYED_CATEGORIES for item in frame.items)
    )


def _items_from(read: ReadFrame, supplier: Party | None) -> list[Item]:
    """The items a supplier taken from the goods' origins sent: those marked with its origin
    and those marked with none ("Russian tanks and Chinese jets" are two sellers' goods)."""
    marked = read.frame.item_origins
    if not read.from_origins or supplier is None or len(read.suppliers) < 2 or not marked:
        return read.items
    kept = []
    for item in read.items:
        origins = [
            parties
            for label, designation, parties in marked
            if (designation is not None and designation == item.designation)
            or label == item.label.lower()
        ]
        if not origins or any(supplier in parties for parties in origins):
            kept.append(item)
    return kept


def _join_hyphenated_cues(text: str) -> str:
    """ "air-dropped" -> "airdropped ": the parser reads a hyphenated verb as a modifier; the
    joined word, padded to the same length, keeps every offset."""
    pattern = _hyphenated_cues()
    if pattern is None or "-" not in text:
        return text
    return pattern.sub(lambda match: match.group(0).replace("-", "") + " ", text)


def _blank_datelines(text: str) -> str:
    """Datelines and wire tickers ("<BAEL.L>") are no part of the sentence: the parser gets spaces."""
    text = _DATELINE.sub(lambda match: " " * len(match.group(0)), text)
    text = _DATELINE_MIXED.sub(lambda match: " " * len(match.group(0)), text)
    return _TICKER.sub(lambda match: " " * len(match.group(0)), text)


def _speech_beside(
    doc: Doc, position: int, reader: AttributionReader, *, after: bool
) -> Speaker | None:
    """The speaker of the speech verb in the sentence at a quotation mark's position: the first
    verb after a closing mark (after=True), or the last before an opening mark."""
    mark = doc.char_span(position, position + 1, alignment_mode="expand")
    if mark is None:
        return None
    verbs = [
        token
        for token in mark.sent
        if token.pos_ == "VERB"
        and token.lemma_.lower() in SPEECH_LEMMAS
        and (token.idx >= position if after else token.idx < position)
    ]
    if not verbs:
        return None
    subject, _ = subject_of(verbs[0] if after else verbs[-1])
    return reader.speaker(subject) if subject is not None else None


def _continues_list(sentence: Span) -> bool:
    """A fragment the parser split from the sentence before, inside a list: the sentence
    before does not end a sentence (it ends with ";" or a bracket), no line break comes
    between, and the fragment has no clause of its own (no subject)."""
    doc = sentence.doc
    if sentence.start == 0:
        return False
    before = doc[sentence.start - 1]
    between = doc.text[before.idx + len(before.text) : sentence.start_char]
    return (
        before.text not in {".", "!", "?", '"', "\u201d", "'"}
        and "\n" not in between
        and not any(token.dep_ in {"nsubj", "nsubjpass", "expl"} for token in sentence)
    )


def _grant_requests(reads: list[ReadFrame]) -> None:
    """ "The State Department has approved a possible sale to Bulgaria of eight F-16s ... The
    Government of Bulgaria has requested to buy eight F-16s, nine engines, sixteen AIM-120
    missiles ...": a request told after the approval of a sale between the same two parties,
    naming some of the approved goods, is the request that was approved, and all of it is agreed."""
    for read in reads:
        if read.frame.status != "sought" or not any(
            token.lemma_.lower() in GRANTABLE_REQUEST_LEMMAS for token in read.frame.sentence
        ):
            continue
        for approval in reads:
            if approval.offset >= read.offset:
                break
            if (
                approval.frame.status == "agreed"
                and set(read.suppliers) <= set(approval.suppliers)
                and set(read.recipients) <= set(approval.recipients)
                and read.suppliers
                and read.recipients
                and _shares_goods(approval.items, read.items)
            ):
                read.frame.status = "agreed"
                break


def _shares_goods(mine: list[Item], theirs: list[Item]) -> bool:
    designations = {item.designation for item in mine if item.designation}
    if designations & {item.designation for item in theirs if item.designation}:
        return True
    categories = {item.category for item in mine} - {"unspecified"}
    return bool(categories & {item.category for item in theirs})


def _name_generic_missiles(reads: list[ReadFrame]) -> None:
    """ "Soviets install long-range missiles in Syria" over a story about SA-5 batteries: bare
    "missiles" between a pair whose named systems are all air defence are those systems."""
    for read in reads:
        generic = [i for i in read.items if i.category == "missiles" and not i.designation]
        if not generic or len(generic) != len(read.items):
            continue
        named = {
            item.category
            for other in reads
            if other is not read
            and set(other.suppliers) == set(read.suppliers)
            and set(other.recipients) == set(read.recipients)
            for item in other.items
            if item.designation
        }
        if named == {"air_defence"}:
            for item in generic:
                item.category = "air_defence"


def _is_definite(noun: Token) -> bool:
    """ "the weapons", "these arms": a noun phrase that points back at something named."""
    return any(
        child.dep_ == "det" and child.lower_ in {"the", "these", "those"} for child in noun.children
    )


def _merge_items(kept: Claim, other: Claim) -> None:
    """Pools the items of two frames of one claim; an item counted in either keeps its count."""
    known = {(item.category, item.label, item.designation): item for item in kept.items}
    for item in other.items:
        same = known.get((item.category, item.label, item.designation))
        if same is None:
            kept.items.append(item)
        elif same.quantity is None and item.quantity is not None:
            same.quantity = item.quantity


def _pair(claim: Claim) -> tuple[str, str]:
    return (
        claim.supplier.key if claim.supplier else "",
        claim.recipient.key if claim.recipient else "",
    )


def _compatible(mine: list[Party], theirs: list[Party]) -> bool:
    return not mine or not theirs or any(party in theirs for party in mine)


def _items_compatible(mine: list[Item], theirs: list[Item]) -> bool:
    categories = {item.category for item in mine} - {"unspecified"}
    their_categories = {item.category for item in theirs} - {"unspecified"}
    # "security assistance" (no category) is compatible with the package's listed weapons
    return not categories or not their_categories or bool(categories & their_categories)


def _codes(*parties: Party | None) -> set[str]:
    return {party.code for party in parties if party is not None and party.code}


def _speakers_of_parties(
    attribution: list[Speaker],
    supplier: Party | None,
    recipient: Party | None,
    home: str | None,
) -> bool:
    """No speaker of the claim is known to be a third party: each is a party's, or unnamed in a
    story datelined in a party's state (or with no dateline)."""
    codes = {party.code for party in (supplier, recipient) if party is not None and party.code}
    return all(
        speaker.country in codes
        or (
            speaker.country is None
            # an unnamed official body ("the ministry said"); a newspaper, a rights group or
            # an expert with no state is a third party
            and speaker.kind in {"government", "military", "anonymous"}
            and (home is None or home in codes)
        )
        for speaker in attribution
    )


def _party_speaks(
    attribution: list[Speaker],
    supplier: Party | None,
    recipient: Party | None,
    home: str | None = None,
) -> bool:
    codes = {party.code for party in (supplier, recipient) if party is not None and party.code}
    # an unnamed government body ("the Defence Ministry said", "the army said") is the dateline
    # state's when the story has one (JERUSALEM: Israel's army), else a party to the story
    return any(
        (
            speaker.country in codes
            or (
                speaker.country is None
                # unnamed, or named with an office and no state ("Prime Minister Andrej
                # Plenkovic"): a report leaves the state of an office unsaid when it is a party's
                and (speaker.speaker is None or speaker.title is not None)
                and (home is None or home in codes)
            )
        )
        and speaker.kind in {"government", "military", "company"}
        for speaker in attribution
    )


def _confidence(claim: Claim, frame: Frame) -> float:
    """A rough 0..1 score: both parties, a specific weapon, a named source and an explicit cue verb each add."""
    score = 0.3
    score += 0.15 if claim.supplier is not None else 0.0
    score += 0.15 if claim.recipient is not None else 0.0
    score += 0.1 if any(item.category != "unspecified" for item in claim.items) else 0.0
    score += 0.1 if claim.attribution else 0.0
    score += 0.1 if any(token.pos_ == "VERB" for token in frame.chain) else 0.0
    score -= 0.1 if frame.anaphoric else 0.0
    return round(max(0.05, min(score, 0.95)), 2)


def _claim_id(claim: Claim) -> str:
    key = "|".join(
        [
            claim.doc_id,
            str(claim.evidence.start),
            claim.supplier.key if claim.supplier else "",
            claim.recipient.key if claim.recipient else "",
            ",".join(claim.categories),
            claim.status,
            claim.certainty,
        ]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _outside_cancellation(items: list[Item], cancelled: list[Item]) -> bool:
    """Items of kinds a cancellation that names its kinds of weapon did not cover."""
    kinds = {item.category for item in cancelled}
    if not items or not kinds or kinds & {"unspecified", "other"}:
        return False
    return not kinds & {item.category for item in items}


def _called_for(token: Token) -> bool:
    """A verb another is asked, urged or told to do ("urged its allies to stop selling", "asked
    France to curb the dissidents and stop selling weapons"); "told Washington it will suspend
    talks" reports the act."""
    while token.dep_ == "conj" and token.head.pos_ in {"VERB", "AUX"}:
        token = token.head
    head = token.head.lemma_.lower()
    if head not in CALLING_FOR_LEMMAS or token.lemma_.lower() in SPEECH_LEMMAS:
        return False
    return token.dep_ == "xcomp" or (token.dep_ == "ccomp" and head not in SPEECH_LEMMAS)
