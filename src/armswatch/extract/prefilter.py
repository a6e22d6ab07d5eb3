"""The cheap first pass: which parts of a document are worth parsing.

A sentence is a candidate when it holds a weapon term and a transfer cue, or a cue and a pronoun
that may stand for the weapons of the sentence before, or weapons that a transfer named earlier in
the paragraph "is for", or weapons "in service with" someone; it is parsed with one sentence of context on each side (attribution and the recipient often sit next door). Every other document costs two
Aho-Corasick scans and no parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from armswatch.extract.matcher import _lower_same_length
from armswatch.extract.mentions import load_matchers, party_matches, weapon_matches

# Paragraphs end at blank lines or at an indented new line (wire copy indents paragraphs).
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]{2,}\S)")
# Sentence ends: terminal punctuation (and closing quotes) before a capital, digit or opening quote.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


# Pronouns that can stand for weapons named in the sentence before (see frames._goods_pronoun).
_GOODS_PRONOUN = re.compile(r"\b(?:they|them|it)\b")


# A sentence that says what a transfer named before it is for (see frames.FrameBuilder._elaborates).
_ELABORATION = re.compile(
    r"\W*(?:the (?:first|second|third|fourth|fifth|other|latter|former|last|sale|package|deal"
    r"|request|order|contract|purchase)|it|this)\b[^.;]{0,40}?\b(?:is|are|was|were|would be"
    r"|will be) for\b"
)


# Weapons in a party's service (see frames.FrameBuilder._in_foreign_service).
_IN_SERVICE = re.compile(r"\b(?:in|entered|enter|enters|entering) (?:the )?service (?:with|of)\b")


@dataclass(frozen=True)
class Unit:
    """A stretch of the document to parse, as character offsets into its text."""

    start: int
    end: int


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [(start, end) for start, end in spans if text[start:end].strip()]


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, end))
    return [(s, e) for s, e in spans if e > s]


def candidate_units(text: str, *, every_sentence: bool = False) -> list[Unit]:
    """Units to parse: candidate sentences with a neighbour on each side, within a paragraph.

    With every_sentence=True each whole paragraph is a unit (used to measure the prefilter's recall).
    """
    if not text.strip():
        return []
    if every_sentence:
        return [Unit(start, end) for start, end in _paragraphs(text)]
    lowered = _lower_same_length(text)
    weapons = weapon_matches(text, lowered)
    if not weapons:
        return []
    cues = load_matchers().cues.find(text, lowered)
    service_starts = [match.start() for match in _IN_SERVICE.finditer(lowered)]
    if not cues and not service_starts:
        return []
    units: list[Unit] = []
    weapon_starts = sorted(match.start for match in weapons)
    cue_starts = sorted(match.start for match in cues)
    for paragraph_start, paragraph_end in _paragraphs(text):
        if not (
            _any_between(weapon_starts, paragraph_start, paragraph_end)
            and (
                _any_between(cue_starts, paragraph_start, paragraph_end)
                or _any_between(service_starts, paragraph_start, paragraph_end)
            )
        ):
            continue
        sentences = _sentences(text, paragraph_start, paragraph_end)
        chosen: list[int] = [
            index
            for index, (start, end) in enumerate(sentences)
            if (
                _any_between(cue_starts, start, end)
                and (
                    _any_between(weapon_starts, start, end)
                    # "Peru flies 18 MiG-29s. It bought them from Belarus": a transfer whose goods
                    # are a pronoun for the weapons of the sentence before
                    or (
                        index > 0
                        and _any_between(weapon_starts, *sentences[index - 1])
                        and _GOODS_PRONOUN.search(lowered, start, end) is not None
                    )
                )
            )
            # "The C-390 is already in service with the Portuguese Air Force": delivered to it
            or (
                _any_between(weapon_starts, start, end) and _any_between(service_starts, start, end)
            )
            # "... two possible sales to Taiwan. The first is for 108 Abrams tanks": the goods of
            # a transfer named in the paragraph before them
            or (
                _any_between(weapon_starts, start, end)
                and _any_between(cue_starts, paragraph_start, start)
                and _ELABORATION.match(lowered, start, end) is not None
            )
        ]
        if not chosen:
            continue
        window_start = window_end = -1
        for index in chosen:
            low, high = max(index - 1, 0), min(index + 1, len(sentences) - 1)
            if window_start >= 0 and low <= window_end + 1:
                window_end = max(window_end, high)
                continue
            if window_start >= 0:
                units.append(Unit(sentences[window_start][0], sentences[window_end][1]))
            window_start, window_end = low, high
        units.append(Unit(sentences[window_start][0], sentences[window_end][1]))
    if not units:
        return units
    # every claim needs its two parties: a window that names no state, group, company or office
    # holder ("the rocket's engine was used again") is not worth a parse
    party_starts = sorted(match.start for match in party_matches(text))
    with_party = [unit for unit in units if _any_between(party_starts, unit.start, unit.end)]
    if not with_party:
        return []
    # once the document is read at all, a window without a party is read too: its transfer may
    # take its parties from the rest ("2. The contract for the field guns remains in force")
    return units


def _any_between(sorted_starts: list[int], start: int, end: int) -> bool:
    from bisect import bisect_left

    index = bisect_left(sorted_starts, start)
    return index < len(sorted_starts) and sorted_starts[index] < end
