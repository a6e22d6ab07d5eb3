"""The command line reports any failure in one line, without a traceback."""

from __future__ import annotations

from click.testing import CliRunner

from armswatch.cli import main


def test_an_unreadable_database_is_one_line(tmp_path) -> None:
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("these are notes, not a database\n" * 50, encoding="utf-8")
    result = CliRunner().invoke(main, ["transfers", "--db", str(not_a_database)])
    assert result.exit_code != 0
    message = result.output.strip().splitlines()
    assert len(message) == 1 and message[0].startswith("Error:")
    assert "Traceback" not in result.output


def test_help_teaches_with_an_example() -> None:
    result = CliRunner().invoke(main, ["extract", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "armswatch extract" in result.output
