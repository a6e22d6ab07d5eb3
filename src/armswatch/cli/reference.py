"""The command-line reference in docs/cli.md, generated from the commands' own help.

Regenerate with `python -m armswatch.cli.reference > docs/cli.md`; a test fails when the file and
the commands drift apart.
"""

from __future__ import annotations

import click

from armswatch.cli import main


def _help(command: click.Command, name: str) -> str:
    with click.Context(command, info_name=name, terminal_width=100, max_content_width=100) as ctx:
        return command.get_help(ctx)


def reference_markdown() -> str:
    """Markdown with the help of `armswatch` and of every command, in order."""
    lines = [
        "# Command-line reference",
        "",
        "Generated from the commands' own `--help` by `python -m armswatch.cli.reference`.",
        "",
        "```",
        _help(main, "armswatch"),
        "```",
    ]
    assert isinstance(main, click.Group)
    for name in sorted(main.commands):
        command = main.commands[name]
        lines += ["", f"## armswatch {name}", "", "```", _help(command, f"armswatch {name}"), "```"]
        if isinstance(command, click.Group):
            for sub in sorted(command.commands):
                lines += [
                    "",
                    f"### armswatch {name} {sub}",
                    "",
                    "```",
                    _help(command.commands[sub], f"armswatch {name} {sub}"),
                    "```",
                ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(reference_markdown(), end="")
