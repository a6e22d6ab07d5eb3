"""`armswatch extract`: claims from articles, printed, without touching a database."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from armswatch.cli.app import main
from armswatch.cli.output import emit
from armswatch.cli.register import CLAIM_COLUMNS
from armswatch.errors import Error
from armswatch.models import Claim, Failure


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--json", "as_json", is_flag=True, help="JSON lines, one claim per line (the public format)."
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Extraction processes.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run extraction in local processes or on a Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDR",
    help="Dask scheduler address (tcp://host:8786); a local cluster when omitted.",
)
def extract(
    inputs: tuple[str, ...], as_json: bool, workers: int, engine: str, scheduler: str | None
) -> None:
    """Print the arms-transfer claims found in articles.

    INPUT is a .txt or .html file, a directory (read recursively), a .jsonl/.jsonl.gz file of
    {id, title, text, url, published} records, a URL, a feed, or '-' for stdin. Each claim says
    who supplies what to whom, at what stage, how sure the report is, who said it and on whose
    word, with the sentence it rests on. Inputs that cannot be read are named on stderr, the run
    goes on, and the exit code is 1.

    Example:

        armswatch extract examples/ --json
    """
    from armswatch.pipeline import iter_extracted

    failures: list[Failure] = []

    def claims() -> Iterator[Claim]:
        try:
            for result in iter_extracted(
                list(inputs), workers=workers, engine=engine, scheduler=scheduler
            ):
                if isinstance(result, Failure):
                    failures.append(result)
                    click.echo(f"failed: {result.input}: {result.reason}", err=True)
                    continue
                yield from result[1]
        except Error as exc:
            raise click.ClickException(str(exc)) from exc

    if as_json:
        for claim in claims():
            sys.stdout.write(json.dumps(claim.to_dict(), ensure_ascii=False) + "\n")
    else:
        emit(
            claims(),
            "table",
            columns=CLAIM_COLUMNS,
            to_json=Claim.to_dict,
            empty_message="no claims found",
        )
    if failures:
        click.echo(f"{len(failures)} input(s) could not be read", err=True)
        sys.exit(1)
