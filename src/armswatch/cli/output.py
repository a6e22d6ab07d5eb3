"""Output options shared by every listing command: one decorator, the same flags everywhere.

`--table` (default) prints fixed-width columns that fit in 100 characters, `--json` prints JSON
lines (one object per line), `--csv` prints CSV with a header row. Rows are written as they come,
so a listing of any size streams.
"""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO, TypeVar

import click

TABLE_WIDTH = 100
FORMATS = ("table", "json", "csv")
F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


@dataclass(frozen=True)
class Column:
    """A table column: its header, its width (None takes what is left) and how to fill it."""

    header: str
    value: Callable[[Any], Any]
    width: int | None = None
    align_right: bool = False


def output_options(command: F) -> F:
    """Add --table / --json / --csv and --limit to a listing command (as `output_format`, `limit`)."""

    @click.option(
        "--table",
        "output_format",
        flag_value="table",
        default=True,
        help="Aligned columns that fit in 100 characters (the default).",
    )
    @click.option(
        "--json", "output_format", flag_value="json", help="JSON lines: one object per line."
    )
    @click.option("--csv", "output_format", flag_value="csv", help="CSV with a header row.")
    @click.option(
        "--limit",
        type=click.IntRange(min=0),
        default=None,
        help="At most this many rows (default: 100 in a table, all in --json/--csv; 0: all).",
    )
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return command(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def effective_limit(output_format: str, limit: int | None) -> int | None:
    """The row limit: tables stop at 100 unless told otherwise; machine formats get everything."""
    if limit == 0:
        return None
    if limit is None:
        return 100 if output_format == "table" else None
    return limit


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    return " ".join(str(value).split())


def _fit(text: str, width: int, align_right: bool = False) -> str:
    if len(text) > width:
        text = text[: max(width - 1, 0)] + "…" if width > 1 else text[:width]
    return text.rjust(width) if align_right else text.ljust(width)


def _widths(columns: Sequence[Column], total: int) -> list[int]:
    fixed = sum(c.width or 0 for c in columns) + len(columns) - 1
    rest = max(total - fixed, 8)
    return [c.width if c.width is not None else rest for c in columns]


def emit(
    items: Iterable[T],
    output_format: str,
    *,
    columns: Sequence[Column],
    to_json: Callable[[T], dict[str, Any]],
    to_row: Callable[[T], dict[str, Any]] | None = None,
    csv_header: Sequence[str] | None = None,
    out: TextIO | None = None,
    empty_message: str = "nothing found",
) -> int:
    """Write items as a table, JSON lines or CSV; returns how many were written."""
    out = out or sys.stdout
    count = 0
    if output_format == "json":
        for item in items:
            out.write(json.dumps(to_json(item), ensure_ascii=False, default=str) + "\n")
            count += 1
        return count
    if output_format == "csv":
        writer: Any = None
        for item in items:
            row = to_row(item) if to_row else {c.header: _cell(c.value(item)) for c in columns}
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
            count += 1
        if writer is None:
            csv.writer(out).writerow(csv_header or [c.header for c in columns])
        return count
    widths = _widths(columns, TABLE_WIDTH)
    for item in items:
        if count == 0:
            header = " ".join(
                _fit(c.header, w, c.align_right) for c, w in zip(columns, widths, strict=True)
            )
            out.write(header.rstrip() + "\n")
        line = " ".join(
            _fit(_cell(c.value(item)), w, c.align_right)
            for c, w in zip(columns, widths, strict=True)
        )
        out.write(line.rstrip() + "\n")
        count += 1
    if count == 0:
        click.echo(empty_message, err=True)
    return count
