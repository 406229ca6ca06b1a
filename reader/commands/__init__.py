"""Commands beyond the reader's first four, each in its own module, added to the group here."""

from __future__ import annotations

import click


def register_commands(group: click.Group) -> None:
    from reader.commands.add import add_cmd
    from reader.commands.quotes import quotes_cmd
    from reader.commands.search import search_cmd

    group.add_command(add_cmd)
    group.add_command(quotes_cmd)
    group.add_command(search_cmd)
