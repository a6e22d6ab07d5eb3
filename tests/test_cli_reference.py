"""docs/cli.md is the commands' own help: it cannot drift from the code."""

from __future__ import annotations

from pathlib import Path

from armswatch.cli.reference import reference_markdown

REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_the_reference_matches_the_commands() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == reference_markdown(), (
        "docs/cli.md is stale: run `python -m armswatch.cli.reference > docs/cli.md`"
    )


def test_every_command_documents_an_example() -> None:
    text = reference_markdown()
    sections = text.split("\n## armswatch ")[1:]
    assert sections
    for section in sections:
        name = section.split("\n", 1)[0]
        if name == "db":
            continue  # a group; its subcommands carry the examples
        assert "Example:" in section, f"armswatch {name} --help has no example"
