"""Counts of items ("60 Harpoon missiles", "millions of rounds", "up to 40 jets") and money values.

Money is never a count: "$1bn" becomes a claim's `value`, not an item quantity.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from armswatch.models import Money, Quantity

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "half": 0.5,
}  # fmt: skip
MULTIPLIERS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000, "b": 1_000_000_000,
}  # fmt: skip
# Vague amounts as ranges; max None means open-ended.
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (1_000_000, None), "a few": (2, 9), "several": (3, 9), "a handful": (2, 9),
    "a dozen": (12, 12), "numerous": (3, None), "many": (3, None),
}  # fmt: skip
CURRENCIES = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "dollars": "USD",
              "dollar": "USD", "euros": "EUR", "pounds": "GBP", "rubles": "RUB", "roubles": "RUB",
              "yuan": "CNY", "rupees": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP"}  # fmt: skip

_NUMBER_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_COMPACT_RE = re.compile(r"^(\d+(?:\.\d+)?)(m|mn|bn|b|k)$", re.IGNORECASE)
_MONEY_RE = re.compile(
    r"(?P<cur>US\$|\$|£|€|¥)\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s?(?P<mult>million|billion|thousand|bn|mn|m|b|k)?\b"
    r"|(?P<num2>\d[\d,]*(?:\.\d+)?)\s?(?P<mult2>million|billion|thousand|bn|mn|m)?\s?(?P<cur2>dollars|euros|pounds|rubles|roubles|yuan|rupees)\b",
    re.IGNORECASE,
)
_LOWER_BOUND = {
    "more than": 1,
    "over": 1,
    "above": 1,
    "at least": 0,
    "upwards of": 0,
    "in excess of": 1,
}
_UPPER_BOUND = {
    "up to": 0,
    "as many as": 0,
    "fewer than": -1,
    "less than": -1,
    "under": -1,
    "nearly": 0,
    "almost": 0,
}
_APPROX = {
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "nearly",
    "almost",
    "an estimated",
    "estimated",
    "approx",
}


def parse_number(words: list[str]) -> float | None:
    """A number from tokens: "60", "1,200", "1.5 million", "two dozen", "3bn"."""
    total: float | None = None
    for word in words:
        lower = word.lower().replace("\u2009", "")
        if _NUMBER_RE.match(lower):
            value = float(lower.replace(",", ""))
            total = value if total is None else total + value
        elif compact := _COMPACT_RE.match(lower):
            value = float(compact.group(1)) * MULTIPLIERS[compact.group(2).lower()]
            total = value if total is None else total + value
        elif lower in MULTIPLIERS and lower not in {"m", "b", "k"}:
            total = (total if total is not None else 1) * MULTIPLIERS[lower]
        elif lower in NUMBER_WORDS:
            value = NUMBER_WORDS[lower]
            if lower == "dozen" and total is not None:
                total *= 12
            else:
                total = value if total is None else total + value
        elif lower in {"and", "-"}:
            continue
        else:
            return None
    return total


def _bounded(value: float, modifier: str, text: str) -> Quantity:
    number = int(round(value))
    if modifier in _LOWER_BOUND:
        return Quantity(min=number + _LOWER_BOUND[modifier], max=None, approx=False, text=text)
    if modifier in _UPPER_BOUND:
        upper = number + _UPPER_BOUND[modifier]
        return Quantity(min=1, max=upper, approx=modifier in {"nearly", "almost"}, text=text)
    return Quantity(min=number, max=number, approx=modifier in _APPROX, text=text)


def _modifier_before(tokens: list[Token]) -> str:
    """The bound word(s) just before a number: "up to", "more than", "about" ..."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    first = tokens[0].i
    for width in (3, 2, 1):
        if first - width < 0:
            continue
        phrase = doc[first - width : first].text.lower()
        if phrase in _LOWER_BOUND or phrase in _UPPER_BOUND or phrase in _APPROX:
            if width == 1 and doc[first - 1].dep_ == "prt":
                return ""  # "handed over 14 tanks": the verb's particle, not "more than"
            return phrase
    return ""


def _vague_quantity(phrase: str) -> Quantity | None:
    phrase = phrase.lower().strip()
    phrase = re.sub(r"^(literally|some|many|several|about|around|perhaps)\s+", "", phrase)
    if phrase in VAGUE:
        low, high = VAGUE[phrase]
        return Quantity(min=low, max=high, approx=True, text=phrase)
    return None


def _number_tokens(head: Token) -> list[Token]:
    """A number with its compound parts ("1.5 million", "two dozen"), in text order."""
    parts = [head] + [
        child
        for child in head.children
        if child.dep_ in {"compound", "nummod", "quantmod"}
        and (child.like_num or child.lower_ == "dozen")
    ]
    return sorted(parts, key=lambda token: token.i)


def quantity_of_number(number: Token) -> Quantity | None:
    """The count a number standing alone for its goods gives ("received ten more")."""
    parts = _number_tokens(number)
    value = parse_number([token.text for token in parts])
    if value is None or value <= 0 or _looks_like_year(parts, value):
        return None
    modifier = _modifier_before(parts)
    return _bounded(value, modifier, number.doc[parts[0].i : parts[-1].i + 1].text)


def quantity_of(item: Token, name_tokens: frozenset[int] = frozenset()) -> Quantity | None:
    """The count of an item noun, from its number modifier or a "millions of" head.

    `name_tokens` are tokens of weapon names, whose digits are not counts ("Leopard 2", "F-16").
    """
    # coordinated items share the count of the first conjunct: "millions of rounds, rockets and shells"
    anchor = item
    while anchor.dep_ == "conj" and anchor.head.pos_ in {"NOUN", "PROPN"}:
        anchor = anchor.head
    for candidate in (item, anchor) if anchor.i != item.i else (item,):
        dozen = _dozen_count(candidate)
        if dozen is not None:
            return dozen
        for child in candidate.children:
            if (
                child.dep_ == "nummod"
                and child.i not in name_tokens
                and child.ent_type_ != "MONEY"
                and not _is_money_token(child)
            ):
                parts = _number_tokens(child)
                value = parse_number([token.text for token in parts])
                if value is None or value <= 0 or _looks_like_year(parts, value):
                    continue
                if len(parts) == 1 and _several_of(child):
                    # "several hundred Stingers", "a few thousand rounds": hundreds, thousands
                    return Quantity(
                        min=int(2 * value), max=int(10 * value) - 1, approx=True,
                        text=item.doc[child.left_edge.i : child.i + 1].text,
                    )  # fmt: skip
                modifier = _modifier_before(parts)
                text = item.doc[
                    parts[0].i - len(modifier.split()) if modifier else parts[0].i : parts[-1].i + 1
                ].text
                return _bounded(value, modifier, text)
    # "a few Su-27 fighters", "several tanks", "dozens more drones"
    left_words = " ".join(
        child.lower_
        for child in anchor.children
        if child.i < anchor.i and child.dep_ in {"det", "amod", "advmod", "nummod", "quantmod"}
    )
    for phrase in (
        "a few",
        "a handful",
        "several",
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "numerous",
    ):
        if left_words.startswith(phrase) or f" {phrase}" in f" {left_words}":
            vague = _vague_quantity(phrase)
            if vague is not None:
                return vague
    # a number the parser hung elsewhere just before the phrase ("24 Sukhoi Su-27 fighters")
    left = anchor.left_edge.i
    doc = anchor.doc
    if (
        left > 0
        and doc[left - 1].like_num
        and doc[left - 1].i not in name_tokens
        and not _is_money_token(doc[left - 1])
    ):
        parts = [doc[left - 1]]
        value = parse_number([doc[left - 1].text])
        if (
            value
            and not _looks_like_year(parts, value)
            and doc[left].pos_ in {"PROPN", "ADJ", "NOUN"}
        ):
            return _bounded(value, _modifier_before(parts), doc[left - 1 : anchor.i + 1].text)
    # "millions of rockets", "dozens of drones", "a few hundred tanks", "2,000 of the missiles"
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        quantity_head = anchor.head.head
        if quantity_head.i < anchor.i:
            left = quantity_head.left_edge.i
            phrase = item.doc[left : quantity_head.i + 1].text
            vague = _vague_quantity(phrase)
            if vague:
                return vague
            if quantity_head.like_num and not _is_money_token(quantity_head):
                parts = _number_tokens(quantity_head)
                value = parse_number([token.text for token in parts])
                if value:
                    modifier = _modifier_before(parts)
                    return _bounded(value, modifier, phrase)
    return None


# the edges a "dozen" hangs on its item by ("several dozen tanks", "a dozen jets")
DOZEN_EDGES = {"compound", "nmod", "amod", "nummod"}


def _dozen_count(item: Token) -> Quantity | None:
    """ "a dozen tanks", "several dozen VT4 tanks", "two dozen rifles": a "dozen" the parser
    hung on the item as a noun."""
    for child in item.children:
        if child.lower_ != "dozen" or child.i > item.i or child.dep_ not in DOZEN_EDGES:
            continue
        doc = item.doc
        before = doc[child.i - 1] if child.i > 0 else None
        words = {before.lower_} if before is not None else set()
        words |= {grandchild.lower_ for grandchild in child.children if grandchild.i < child.i}
        text = doc[
            child.i - 1 if before is not None and before.lower_ in words else child.i : child.i + 1
        ].text
        if words & {"several", "few"}:
            return Quantity(min=24, max=119, approx=True, text=text)
        if before is not None and before.like_num:
            value = parse_number([before.text])
            if value:
                return Quantity(min=int(12 * value), max=int(12 * value), approx=False, text=text)
        if words & {"a", "one"}:
            return Quantity(min=12, max=12, approx=False, text=text)
    return None


def _several_of(number: Token) -> bool:
    """A round number word under "several" or "a few" ("several hundred", "a few thousand")."""
    return number.lower_ in {"hundred", "thousand", "million"} and any(
        child.lower_ in {"several", "few"} and child.i < number.i for child in number.children
    )


def _is_money_token(token: Token) -> bool:
    window = token.doc[max(token.i - 2, 0) : token.i + 2]
    return any(t.text in {"$", "£", "€", "US$"} or t.lower_ in CURRENCIES for t in window)


def _looks_like_year(parts: list[Token], value: float) -> bool:
    return (
        len(parts) == 1
        and 1900 <= value <= 2100
        and parts[0].text.isdigit()
        and len(parts[0].text) == 4
    )


def money_in(sentence: Span | str) -> Money | None:
    """The first money amount of a sentence ("$1.2 billion", "£50m", "300 million euros")."""
    text = sentence if isinstance(sentence, str) else sentence.text
    match = _MONEY_RE.search(text)
    if not match:
        return None
    number = match.group("num") or match.group("num2")
    multiplier = (match.group("mult") or match.group("mult2") or "").lower()
    currency_symbol = (match.group("cur") or match.group("cur2") or "").lower()
    amount = float(number.replace(",", "")) * MULTIPLIERS.get(multiplier, 1)
    return Money(
        amount=amount, currency=CURRENCIES.get(currency_symbol, "USD"), text=match.group(0).strip()
    )
