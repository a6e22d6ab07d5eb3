"""The `armswatch` command group; commands live in one module per group of commands."""

from __future__ import annotations

import click

from armswatch import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="armswatch")
def main() -> None:
    """armswatch: turn news reports into a sourced register of arms transfers.

    Read articles (files, directories, JSONL, URLs, stdin), extract claims (who supplies what to
    whom, at what stage, how sure, on whose word), store them and fuse them into transfers.

    Example:

        armswatch ingest examples/ && armswatch transfers
    """
