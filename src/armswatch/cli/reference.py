"""The command-line reference in docs/cli.md, generated from the commands' own help.

Regenerate with `python -m armswatch.cli.reference > docs/cli.md`; a test fails when the file and
the commands drift apart.
"""

from __future__ import annotations

import click

from armswatch.cli import main

WIDTH = 100


def _help(
    command: click.Command, name: str, parent: click.Context | None
) -> tuple[str, click.Context]:
    # built as the command line builds it, so inherited settings (-h, --help) show the same
    ctx = click.Context(
        command,
        info_name=name,
        parent=parent,
        terminal_width=WIDTH,
        max_content_width=WIDTH,
        **command.context_settings,
    )
    return command.get_help(ctx), ctx


def reference_markdown() -> str:
    """Markdown with the help of `armswatch` and of every command, in order."""
    assert isinstance(main, click.Group)
    root_help, root = _help(main, "armswatch", None)
    lines = [
        "# Command-line reference",
        "",
        "Generated from the commands' own `--help` by `python -m armswatch.cli.reference`.",
        "",
        "```",
        root_help,
        "```",
    ]
    for name in sorted(main.commands):
        command = main.commands[name]
        text, ctx = _help(command, name, root)
        lines += ["", f"## armswatch {name}", "", "```", text, "```"]
        if isinstance(command, click.Group):
            for sub in sorted(command.commands):
                sub_text, _ = _help(command.commands[sub], sub, ctx)
                lines += ["", f"### armswatch {name} {sub}", "", "```", sub_text, "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(reference_markdown(), end="")
