"""`armswatch evaluate`: score extraction against gold files."""

from __future__ import annotations

import json

import click

from armswatch.cli.app import main
from armswatch.errors import Error


@main.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--details", is_flag=True, help="List each document's misses, extras and wrong labels."
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the scores as JSON instead of a table."
)
def evaluate(gold: tuple[str, ...], details: bool, as_json: bool) -> None:
    """Score extraction against gold files (JSON Lines, one labelled document a line).

    Prints transfer-level precision, recall and F1 on (supplier, recipient, category), pair-level
    F1, stage, certainty and quantity accuracy over matched transfers, and the share of hard
    negatives with any predicted transfer, overall and by form and era.

    Example:

        armswatch evaluate benchmarks/gold/*.jsonl --details
    """
    from armswatch.evaluate import evaluate as run_evaluation

    try:
        result = run_evaluation(list(gold))
    except Error as exc:
        raise click.ClickException(str(exc)) from None
    except NotImplementedError as exc:
        raise click.ClickException(f"cannot evaluate: {exc}") from None
    except ImportError as exc:
        raise click.ClickException(f"cannot evaluate: {exc}") from None
    if as_json:
        click.echo(json.dumps(result.to_dict(details=details), indent=2, ensure_ascii=False))
        return
    click.echo(result.format_table())
    if details:
        click.echo("")
        click.echo(result.format_details())
