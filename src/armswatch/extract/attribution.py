"""Who says so, on whose word: speakers, cited sources and the origin of a claim (EXTRACTION.md 5).

The origin is normalised so that one government's spokespeople, agencies and intelligence services
are one origin, and an outlet repeating them adds none.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from armswatch.extract.frames import PRONOUNS, SPEECH_LEMMAS, subject_of
from armswatch.extract.lexicons import Lexicons
from armswatch.extract.mentions import TokenMentions
from armswatch.models import Origin, Speaker

CITING_LEMMAS = {"cite", "quote"}
REPORT_NOUNS = {
    "report",
    "statement",
    "article",
    "story",
    "briefing",
    "assessment",
    "study",
    "analysis",
    "investigation",
    "dossier",
}
GOVERNMENT_KINDS = {"government", "intelligence", "military"}
OFFICIAL_NOUNS = {
    "official", "officials", "source", "sources", "intelligence", "diplomat", "diplomats",
    "administration", "authorities", "government", "spokesman", "spokeswoman", "spokesperson",
    "ministry", "minister", "officer", "officers", "military", "envoy", "ambassador", "lawmaker",
    "lawmakers", "aide", "aides", "agency", "services",
}  # fmt: skip
GOVERNMENT_BODY_NOUNS = {
    "ministry", "government", "army", "navy", "military", "spokesman", "spokeswoman",
    "spokesperson", "administration", "presidency", "embassy", "department", "command", "office",
    "cabinet", "kremlin", "pentagon", "minister", "secretary", "force",
}  # fmt: skip
# Qualifiers that make a speaker no state's ("Western diplomats", "foreign officials")
NON_STATE_QUALIFIERS = {"western", "foreign", "international", "independent", "arab", "european"}
ANONYMOUS_NOUNS = {"source", "sources", "people", "person", "insider", "insiders"}
# Speakers posted abroad: "diplomats in Kabul" are foreign to Kabul
POSTED_NOUNS = {"diplomat", "ambassador", "envoy", "attache", "attaché", "correspondent"}
EXPERT_NOUNS = {
    "analyst",
    "analysts",
    "expert",
    "experts",
    "researcher",
    "researchers",
    "observer",
    "observers",
}
TITLE_POS = {"NOUN", "ADJ", "PROPN"}
# Words of a government office written before a name, capitalised ("Prime Minister Andrej
# Plenkovic", "Defence Minister Luis Petri", "President Rafael Correa")
OFFICE_TITLE_WORDS = {
    "president", "prime", "minister", "premier", "chancellor", "secretary", "defence", "defense",
    "foreign", "deputy", "vice", "state", "king", "emir", "sultan", "crown", "prince", "general",
    "admiral", "ambassador", "spokesman", "spokeswoman", "spokesperson", "commander", "chief",
}  # fmt: skip
# Of those, the ones that make their holder a government's voice
GOVERNMENT_OFFICES = {
    "president", "minister", "premier", "chancellor", "secretary", "king", "emir", "sultan",
    "general", "admiral", "ambassador", "spokesman", "spokeswoman", "spokesperson", "commander",
}  # fmt: skip


class AttributionReader:
    """Reads speakers and cited sources from the speech frames above a transfer."""

    def __init__(
        self, mentions: TokenMentions, lexicons: Lexicons, last_person: Callable[[], Speaker | None]
    ) -> None:
        self.mentions = mentions
        self.lexicons = lexicons
        self.last_person = last_person  # callback: the latest named person speaking in the document

    def read(self, top: Token) -> tuple[list[Speaker], list[Speaker]]:
        """(attribution innermost first, cites) for the transfer whose top cue is `top`."""
        speakers: list[Speaker] = []
        cites: list[Speaker] = []
        current = top
        visited = 0
        while visited < 20:
            visited += 1
            self._according_to(current, speakers)
            self._parenthetical(current, top, speakers)
            lemma = current.lemma_.lower()
            if current.pos_ in {"VERB", "AUX"} and lemma in SPEECH_LEMMAS and current.i != top.i:
                if lemma in CITING_LEMMAS:
                    self._cited(current, cites)
                    if current.dep_ in {"acl", "advcl"} and current.head.pos_ in {"NOUN", "PROPN"}:
                        self._append(speakers, self.speaker(current.head))
                    else:
                        subject, _ = subject_of(current)
                        if subject is not None:
                            self._append(speakers, self.speaker(subject))
                else:
                    subject, passive = subject_of(current)
                    if current.dep_ == "acl" and current.head.pos_ in {"NOUN", "PROPN"}:
                        subject = current.head
                    if subject is None:
                        subject = _postposed_speaker(current)
                    # "Erdogan was quoted as saying": a passive subject speaks when it is a person
                    if subject is not None and (not passive or subject.ent_type_ == "PERSON"):
                        self._append(speakers, self.speaker(subject))
                    for child in current.children:
                        if child.dep_ == "agent":
                            for pobj in child.children:
                                if pobj.dep_ == "pobj":
                                    self._append(speakers, self.speaker(pobj))
            # "a report published by X citing Y": the report's publisher speaks, on Y's word
            if current.pos_ == "NOUN" and lemma in REPORT_NOUNS:
                for child in current.children:
                    if child.dep_ == "acl" and child.lemma_.lower() in CITING_LEMMAS:
                        self._cited(child, cites)
                    elif child.dep_ == "acl" and child.lemma_.lower() in {
                        "publish",
                        "release",
                        "issue",
                        "write",
                        "air",
                        "broadcast",
                    }:
                        for agent in child.children:
                            if agent.dep_ == "agent":
                                for pobj in agent.children:
                                    if pobj.dep_ == "pobj":
                                        self._append(speakers, self.speaker(pobj))
                    elif child.dep_ == "poss" or (
                        child.dep_ == "prep" and child.lower_ in {"by", "from"}
                    ):
                        target = (
                            child
                            if child.dep_ == "poss"
                            else next((t for t in child.children if t.dep_ == "pobj"), None)
                        )
                        if target is not None:
                            self._append(speakers, self.speaker(target))
            # "X reports that": the publisher speaks
            if current.pos_ == "VERB" and lemma in {"publish", "report"}:
                for child in current.children:
                    if child.dep_ == "agent":
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                self._append(speakers, self.speaker(pobj))
            if current.head.i == current.i:
                break
            current = current.head
        return [speaker for speaker in speakers if speaker is not None], cites

    def _parenthetical(self, token: Token, top: Token, speakers: list[Speaker]) -> None:
        """ ", the officials said" hanging off the clause: a speech verb child of an ancestor."""
        for child in token.children:
            if (
                child.dep_ in {"parataxis", "advcl", "conj"}
                and child.pos_ == "VERB"
                and child.i > top.i
            ) and child.lemma_.lower() in SPEECH_LEMMAS:
                subject, passive = subject_of(child)
                # ", Erdogan was quoted as saying": a person quoted speaks
                if subject is not None and (not passive or subject.ent_type_ == "PERSON"):
                    if child.lemma_.lower() in CITING_LEMMAS and not passive:
                        continue  # ", citing X": X is cited, not speaking
                    self._append(speakers, self.speaker(subject))

    def _cited(self, verb: Token, cites: list[Speaker]) -> None:
        """Whom a "citing" verb names; "citing sources from within U.S. intelligence" names the agency."""
        for obj in verb.children:
            if obj.dep_ != "dobj":
                continue
            cited = self.speaker(obj)
            if cited is None or (cited.org is None and cited.country is None):
                for prep in verb.children:
                    if prep.dep_ == "prep" and prep.lower_ in {
                        "from",
                        "in",
                        "within",
                        "inside",
                        "at",
                    }:
                        for inner in prep.subtree:
                            if inner.dep_ == "pobj" and inner.i not in {t.i for t in obj.subtree}:
                                place = self.speaker(inner)
                                if place is not None and (place.org or place.country):
                                    kind = place.kind if place.kind != "other" else "anonymous"
                                    cited = Speaker(
                                        cited.speaker if cited else None,
                                        cited.title if cited else None,
                                        place.org,
                                        place.country,
                                        kind,
                                    )
                                    break
            self._append(cites, cited)

    def _according_to(self, token: Token, speakers: list[Speaker]) -> None:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                for to in child.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            self._append(speakers, self.speaker(pobj))
                    if to.dep_ == "pobj":
                        self._append(speakers, self.speaker(to))

    @staticmethod
    def _append(target: list[Speaker], speaker: Speaker | None) -> None:
        if speaker is None:
            return
        for existing in target:
            if (
                existing.speaker == speaker.speaker
                and existing.org == speaker.org
                and existing.country == speaker.country
            ):
                return
        target.append(speaker)

    def speaker(self, head: Token) -> Speaker | None:
        """A Speaker from a noun phrase: person, title, organisation, state and kind."""
        if head.lower_ in {"he", "she"}:
            return self.last_person()
        if head.lower_ in PRONOUNS or head.lower_ in {"we", "i", "you", "who", "which", "that"}:
            return None
        phrase = sorted(
            [
                head,
                *(
                    t
                    for child in head.children
                    if child.dep_
                    in {"compound", "amod", "nmod", "poss", "det", "appos", "prep", "nummod"}
                    for t in child.subtree
                ),
            ],
            key=lambda t: t.i,
        )
        indices = {t.i for t in phrase}
        person_tokens = [t for t in phrase if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
        person = " ".join(t.text for t in person_tokens) or None
        # an office holder from the lexicon is named as the lexicon names them
        for index in sorted(indices):
            mention = self.mentions.party_at.get(index)
            if mention is not None and mention.term.role == "leader":
                named = head.doc[mention.start : mention.end]
                # the whole name as written ("Oleksii Reznikov"), though the lexicon matched a surname
                left = named.start
                while (
                    left > 0
                    and head.doc[left - 1].pos_ == "PROPN"
                    and head.doc[left - 1].dep_ == "compound"
                ):
                    left -= 1
                person = head.doc[left : named.end].text
                break
        org = None
        country = None
        kind = "other"
        for index in sorted(indices):
            source = self.mentions.source_at.get(index)
            if source is not None:
                org = source.term.name
                country = source.term.country
                kind = source.term.kind
                break
        if country is None:
            for index in sorted(indices):
                party = self.mentions.party_at.get(index)
                if (
                    party is not None
                    and party.term.role in {"name", "capital", "seat", "demonym"}
                    and head.doc[index].ent_type_ == "PERSON"
                    and head.doc[index] in person_tokens
                ):
                    continue  # "Defence Minister Wellington Sandoval": a first name, no capital
                if (
                    party is not None
                    and head.lemma_.lower() in POSTED_NOUNS
                    and head.doc[index].dep_ == "pobj"
                    and head.doc[index].head.lower_ in {"in", "at"}
                    and head.doc[index].head.head.i == head.i
                ):
                    continue  # "diplomats in Kabul": where they are posted, not whose they are
                if party is not None and party.term.party.code:
                    country = party.term.party.code
                    if org is None and party.term.role in {
                        "name",
                        "capital",
                        "seat",
                        "body",
                        "leader",
                    }:
                        org = (
                            party.term.party.name
                            if party.term.role != "body"
                            else party.term.surface
                        )
                        kind = "government"
                    break
        head_lower = head.lower_
        if head_lower in ANONYMOUS_NOUNS and person is None:
            kind = "anonymous"  # "Israeli military sources": unnamed, whoever they work for
        if person is None and any(
            t.lower_ in NON_STATE_QUALIFIERS and t.dep_ == "amod" and t.head.i == head.i
            for t in phrase
        ):
            # "Western diplomats in Managua": observers of no party; the city is where they sit
            country = None
            kind = "observer"
        if kind == "other":
            if head_lower in EXPERT_NOUNS:
                kind = "expert"
            elif head_lower in ANONYMOUS_NOUNS or _speaks_anonymously(head):
                kind = "anonymous"
            elif head.lemma_.lower() in GOVERNMENT_BODY_NOUNS or (
                head.pos_ == "PROPN"
                and any(t.dep_ == "poss" and t.lower_ in {"country", "nation"} for t in phrase)
            ):
                # "the Defence Ministry said", "the country's Supreme Council of National
                # Defence said": an unnamed government speaks; whose is read from the claim
                kind = "government"
            elif head_lower in OFFICIAL_NOUNS and (
                country or any(t.lemma_.lower() in GOVERNMENT_BODY_NOUNS for t in phrase)
            ):
                # "an official of the Ukrainian state arms exporter", "defence ministry officials"
                kind = "government"
            elif head_lower in OFFICIAL_NOUNS:
                kind = "anonymous"
            elif person and country:
                kind = "government"
        title_words = [
            t.text
            for t in phrase
            if t.pos_ in TITLE_POS
            and t.i not in self.mentions.source_at
            and t.i not in self.mentions.party_at
            and t.dep_ != "prep"
            and (
                (t.is_lower and t.ent_type_ not in {"PERSON", "ORG", "GPE", "NORP"})
                # "Prime Minister Andrej Plenkovic": an office written before the name
                or (
                    person_tokens
                    and t.i < person_tokens[0].i
                    and t.lower_ in OFFICE_TITLE_WORDS
                    and t not in person_tokens
                )
            )
        ]
        title = " ".join(title_words) or None
        if (
            kind == "other"
            and person is not None
            and any(word.lower() in GOVERNMENT_OFFICES for word in title_words)
        ):
            # a named office holder the lexicon does not list: a government's voice, whose
            # state is read from the claim as for "the ministry said"
            kind = "government"
        if person is None and org is None and country is None and kind == "other":
            return None
        if person is None and title and head.pos_ == "PROPN":
            title = None
        return Speaker(speaker=person, title=title, org=org, country=country, kind=kind)


def _postposed_speaker(verb: Token) -> Token | None:
    """ "..., Western diplomats in Managua said.": a speaker the parser hung on the clause
    before the verb; the noun phrase right before it, up through its prepositions."""
    if verb.i == 0:
        return None
    token = verb.doc[verb.i - 1]
    for _ in range(4):
        if token.dep_ in {"pobj", "prep"} and token.head.i < verb.i:
            token = token.head
            continue
        break
    if token.pos_ not in {"NOUN", "PROPN"} or token.i >= verb.i:
        return None
    before = verb.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    # only a phrase set off by a comma is a postposed speaker
    return token if before is not None and before.text == "," else None


def _speaks_anonymously(head: Token) -> bool:
    """ "officials who spoke on condition of anonymity", "officials familiar with the talks"."""
    words = " ".join(t.lower_ for t in head.subtree)
    sentence = head.sent.text.lower()
    return (
        "familiar with" in words
        or "condition of anonymity" in sentence
        or "not to be named" in sentence
        or "not authorized to" in sentence
        or "not authorised to" in sentence
    )


def origin_of(
    attribution: list[Speaker], cites: list[Speaker], lexicons: Lexicons
) -> Origin | None:
    """The deepest source of the chain: what the speaker relies on, else the innermost speaker."""
    chain = [*cites[::-1], *attribution]
    for speaker in chain:
        origin = _origin_of_speaker(speaker, lexicons)
        if origin is not None:
            return origin
    return None


def _origin_of_speaker(speaker: Speaker, lexicons: Lexicons) -> Origin | None:
    if speaker.country and speaker.kind in GOVERNMENT_KINDS | {"anonymous"}:
        government = lexicons.government_of(speaker.country) or f"{speaker.country} government"
        return Origin(name=government, country=speaker.country, kind="government")
    if speaker.org:
        return Origin(name=speaker.org, country=speaker.country, kind=speaker.kind)
    if speaker.speaker:
        return Origin(name=speaker.speaker, country=speaker.country, kind=speaker.kind)
    return None
