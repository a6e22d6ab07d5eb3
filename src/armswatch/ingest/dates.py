"""Publication dates in the forms feeds, pages and wires write them -> ISO `YYYY-MM-DD`."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b" + _YEAR + r"[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    # Day-first numeric dates (06.09.2022, 06/09/2022) are how most of the world writes them.
    re.compile(r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./]" + _YEAR + r"\b"),
    re.compile(r"\b" + _YEAR + r"(?P<month>\d{2})(?P<day>\d{2})\b"),
)


def _month_number(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first calendar date written in `text`, as ISO, with the match it came from."""
    found: list[tuple[int, str, re.Match[str]]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            try:
                day = dt.date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
            except (ValueError, KeyError):
                continue
            found.append((match.start(), day.isoformat(), match))
            break
    if not found:
        return None
    _, iso, match = min(found, key=lambda entry: entry[0])
    return iso, match


def normalize_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, datetime, struct_time or date string; None if unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        try:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except ValueError:
            return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Epoch seconds, as some JSON exports store them.
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        # ISO dates and timestamps, the common case in JSONL and feeds, need no pattern search.
        try:
            return dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            pass
    found = find_date(text)
    if found:
        return found[0]
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat()
