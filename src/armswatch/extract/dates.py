"""Dates in reporting, resolved against the document's date.

"last week", "on Tuesday", "Tuesday, September 6th" (no year: the latest year, not after the
reference date, in which that day falls on that weekday), "in March", "earlier this year", "in 1987".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# one month table for the whole project: publication dates (ingest) and event dates (here)
from armswatch.ingest.dates import MONTHS
from armswatch.models import DateSpan

WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}

_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Full or partial calendar dates, most specific first.
_CALENDAR_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"),
]
_MONTH_YEAR = re.compile(
    rf"\b(?:in|since|from|during|by|until|of|last|early|late|mid-?)?\s*{_MONTH},?\s+{_YEAR}\b"
)
_IN_MONTH = re.compile(rf"\b(?:in|since|during|by|until|early|late|mid-?)\s+{_MONTH}\b(?!\s+\d)")
_YEAR_ONLY = re.compile(rf"\b(?:in|since|during|by|until|of)\s+{_YEAR}\b")
_RELATIVE = re.compile(
    (
        r"\b(?P<rel>last week|this week|earlier this week|last month|this month|earlier this month|"
        r"last year|this year|earlier this year|yesterday|today|the day before|the previous day|"
        r"last (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
        r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
    ).replace(" ", r"\s+"),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    first: dt.date
    last: dt.date
    text: str
    has_day: bool


def _month_number(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")[:3]]


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _latest_fitting_year(
    month: int, day: int, weekday: int | None, reference: dt.date
) -> dt.date | None:
    """The latest date with this month and day, not after the reference, on the weekday if given."""
    for year in range(reference.year, reference.year - 40, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate > reference:
            continue
        if weekday is None or candidate.weekday() == weekday:
            return candidate
    return None


def find_calendar_dates(text: str, reference: dt.date) -> list[FoundDate]:
    """Explicit calendar dates in text; missing years resolved against the reference date."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for pattern in _CALENDAR_PATTERNS:
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            groups = match.groupdict()
            try:
                month = (
                    int(groups["mnum"]) if groups.get("mnum") else _month_number(groups["month"])
                )
                day = int(groups["day"])
            except (KeyError, ValueError, TypeError):
                continue
            weekday = WEEKDAYS[groups["weekday"].lower()] if groups.get("weekday") else None
            if groups.get("year"):
                try:
                    date = dt.date(int(groups["year"]), month, day)
                except ValueError:
                    continue
            else:
                resolved = _latest_fitting_year(month, day, weekday, reference)
                if resolved is None:
                    continue
                date = resolved
            taken.append((match.start(), match.end()))
            found.append(
                FoundDate(match.start(), match.end(), date, date, match.group(0).strip(), True)
            )
    for match in _MONTH_YEAR.finditer(text):
        if not free(match.start(), match.end()):
            continue
        month = _month_number(match.group("month"))
        year = int(match.group("year"))
        taken.append((match.start(), match.end()))
        found.append(
            FoundDate(
                match.start(),
                match.end(),
                dt.date(year, month, 1),
                _month_end(year, month),
                match.group(0).strip(),
                False,
            )
        )
    for match in _YEAR_ONLY.finditer(text):
        if not free(match.start(), match.end()):
            continue
        year = int(match.group("year"))
        taken.append((match.start(), match.end()))
        found.append(
            FoundDate(
                match.start(),
                match.end(),
                dt.date(year, 1, 1),
                dt.date(year, 12, 31),
                match.group(0).strip(),
                False,
            )
        )
    found.sort(key=lambda item: item.start)
    return found


def document_date(text: str, published: str | None, today: dt.date | None = None) -> dt.date:
    """The document's reference date: its publication date, else the latest day its text names, else today."""
    today = today or dt.date.today()
    if published:
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            pass
    days = [
        found.first
        for found in find_calendar_dates(text, today)
        if found.has_day and found.first <= today
    ]
    return max(days) if days else today


def _relative_span(phrase: str, reference: dt.date) -> tuple[dt.date, dt.date] | None:
    phrase = " ".join(phrase.lower().split())
    monday = reference - dt.timedelta(days=reference.weekday())
    if phrase == "last week":
        start = monday - dt.timedelta(days=7)
        return start, start + dt.timedelta(days=6)
    if phrase in {"this week", "earlier this week"}:
        return monday, reference
    if phrase == "last month":
        last_of_previous = reference.replace(day=1) - dt.timedelta(days=1)
        return last_of_previous.replace(day=1), last_of_previous
    if phrase in {"this month", "earlier this month"}:
        return reference.replace(day=1), reference
    if phrase == "last year":
        return dt.date(reference.year - 1, 1, 1), dt.date(reference.year - 1, 12, 31)
    if phrase in {"this year", "earlier this year"}:
        return dt.date(reference.year, 1, 1), reference
    if phrase in {"yesterday", "the day before", "the previous day"}:
        day = reference - dt.timedelta(days=1)
        return day, day
    if phrase == "today":
        return reference, reference
    words = phrase.split()
    if len(words) == 2 and words[1] in WEEKDAYS:
        back = (reference.weekday() - WEEKDAYS[words[1]]) % 7
        if words[0] == "last" and back == 0:
            back = 7
        day = reference - dt.timedelta(days=back)
        return day, day
    return None


def resolve_event_date(sentence: str, reference: dt.date) -> DateSpan:
    """The first date expression of a sentence as a range of ISO dates (empty when none)."""
    candidates: list[tuple[int, dt.date, dt.date, str]] = []
    for found in find_calendar_dates(sentence, reference):
        candidates.append((found.start, found.first, found.last, found.text))
    for match in _RELATIVE.finditer(sentence):
        span = _relative_span(match.group("rel"), reference)
        if span:
            candidates.append((match.start(), span[0], span[1], match.group(0)))
    for match in _IN_MONTH.finditer(sentence):
        month = _month_number(match.group("month"))
        year = reference.year if month <= reference.month else reference.year - 1
        candidates.append(
            (match.start(), dt.date(year, month, 1), _month_end(year, month), match.group(0))
        )
    if not candidates:
        return DateSpan()
    candidates.sort(key=lambda item: item[0])
    _, first, last, text = candidates[0]
    return DateSpan(start=first.isoformat(), end=last.isoformat(), text=text.strip())
