"""The `armswatch` command group; commands live in one module per group of commands."""

from __future__ import annotations

import os
from typing import Any

import click

from armswatch import __version__
from armswatch.errors import Error


class ArmswatchGroup(click.Group):
    """Every failure reaches the user as one line; ARMSWATCH_DEBUG=1 shows the traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Error as exc:
            raise click.ClickException(str(exc)) from exc
        except Exception as exc:
            if os.environ.get("ARMSWATCH_DEBUG"):
                raise
            raise click.ClickException(
                f"unexpected {type(exc).__name__}: {exc} (run with ARMSWATCH_DEBUG=1 for the "
                "traceback, and please report it)"
            ) from exc


@click.group(cls=ArmswatchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="armswatch")
def main() -> None:
    """armswatch: turn news reports into a sourced register of arms transfers.

    Read articles (files, directories, JSONL, URLs, stdin), extract claims (who supplies what to
    whom, at what stage, how sure, on whose word), store them and fuse them into transfers.

    Example:

        armswatch ingest examples/ && armswatch transfers
    """
