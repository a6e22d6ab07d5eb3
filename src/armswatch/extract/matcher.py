"""Finding lexicon terms in raw text with one Aho-Corasick pass, at word boundaries.

Used both by the prefilter (every document pays one scan) and by the extractor (term spans are
mapped onto spaCy tokens), so a term is recognised the same way in both places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

PayloadT = TypeVar("PayloadT")


@dataclass(frozen=True)
class TermMatch(Generic[PayloadT]):
    start: int
    end: int
    payload: PayloadT

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _lower_same_length(text: str) -> str:
    """Lower-cased text with the same offsets (a few characters lower-case to two code points)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# A model's variant written onto its designation: up to five capitals and digits, starting with a
# capital, and an optional plural "s" ("Su-30MKA", "F-16V", "T-90MS", "K2PL", "Mi-17V5s")
_VARIANT = re.compile(r"[A-Z][A-Z0-9]{0,4}s?(?![\w-])")


def _variant_end(text: str, end: int) -> int | None:
    """Where a designation ending in a digit runs on with variant letters, the end of them."""
    if not text[end - 1].isdigit():
        return None
    match = _VARIANT.match(text, end)
    return match.end() if match else None


class TermMatcher(Generic[PayloadT]):
    """Leftmost-longest matching of many terms; exact-case terms must also match case.

    `plural` lets a term also match with a trailing "s" ("F-16s", "Leopards").
    """

    def __init__(self, entries: Iterable[tuple[str, PayloadT, bool, bool]]) -> None:
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, PayloadT, bool, bool]]] = {}
        for surface, payload, exact_case, plural in entries:
            surface = surface.strip()
            if not surface:
                continue
            table.setdefault(_lower_same_length(surface), []).append(
                (surface, payload, exact_case, plural)
            )
        for key, candidates in table.items():
            self._automaton.add_word(key, (key, candidates))
        self._empty = not table
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, lowered: str | None = None) -> list[TermMatch[PayloadT]]:
        """Non-overlapping matches, leftmost first, longest at each start."""
        if self._empty or not text:
            return []
        lowered = lowered if lowered is not None else _lower_same_length(text)
        found: list[tuple[bool, TermMatch[PayloadT]]] = []
        size = len(text)
        for end_index, (key, candidates) in self._automaton.iter(lowered):
            start = end_index - len(key) + 1
            end = end_index + 1
            if start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
                continue
            for surface, payload, exact_case, plural in candidates:
                if exact_case and text[start:end] != surface:
                    continue
                match_end = end
                variant = False
                if (
                    match_end < size
                    and _is_word_char(text[match_end])
                    and _is_word_char(text[match_end - 1])
                ):
                    if (
                        plural
                        and text[match_end] == "s"
                        and (match_end + 1 >= size or not _is_word_char(text[match_end + 1]))
                    ):
                        match_end += 1
                    elif plural and (variant_end := _variant_end(text, match_end)) is not None:
                        # "Su-30MKA", "F-16V", "T-90MS": a model's variant letters
                        match_end, variant = variant_end, True
                    else:
                        continue
                found.append((variant, TermMatch(start, match_end, payload)))
                break
        # leftmost, then longest, then a term as listed before a variant of a shorter one
        found.sort(key=lambda item: (item[1].start, -(item[1].end - item[1].start), item[0]))
        chosen: list[TermMatch[PayloadT]] = []
        last_end = -1
        for _, match in found:
            if match.start >= last_end:
                chosen.append(match)
                last_end = match.end
        return chosen
