"""The `reader` command's entry point (the console script and `python -m reader`).

The plain `reader [--db FILE] [SOURCE]`, what a person opening an article types and what
`make run` runs, opens the reader without click: click and the group's command modules cost
about 10 ms of CPU before the article's first frame, to parse at most three words. Only the
shapes that the group (reader.cli_group) would hand to `open` with no other option are taken
here; every other one (a subcommand, --help, --version, --model, an option after the source, a
source that starts with "-" or is named like a command, shell completion) is click's, so the
commands, their options and their messages stay the group's.
"""

from __future__ import annotations

import contextlib
import os
import sys

#: The group's commands: a SOURCE so named is click's to read (tests/test_cli_entry.py keeps
#: this in step with reader.cli_group).
COMMANDS = frozenset({"open", "analyze", "notes", "library", "add", "quotes", "search"})


def plain_open(args: list[str]) -> tuple[str | None, str | None] | None:
    """(the --db given, the SOURCE) when `args` are `[--db FILE] [SOURCE]`; else None."""
    db = None
    if len(args) >= 2 and args[0] == "--db" and not args[1].startswith("-"):
        db, args = args[1], args[2:]
    if len(args) > 1:
        return None
    source = args[0] if args else None
    if source is not None and (source in COMMANDS or (source.startswith("-") and source != "-")):
        return None
    return db, source


def _env(name: str) -> str | None:
    return os.environ.get(name) or None  # as click reads an option's envvar: "" is unset


def open_plain(db: str | None, source: str | None) -> None:
    """`reader [--db FILE] [SOURCE]` as the group's `open` runs it, errors and all."""
    from reader.errors import ReaderError
    from reader.ui.launch import open_source

    try:
        open_source(source, db=db if db is not None else _env("READER_DB"),
                    model=_env("READER_MODEL"))
    except ReaderError as exc:
        from reader.cli_support import fail

        fail(str(exc))
    except BrokenPipeError:
        sys.exit(0)
    except (EOFError, KeyboardInterrupt):  # as click's standalone mode says it
        sys.stderr.write("\nAborted!\n")
        sys.exit(1)


def main() -> None:
    from reader.interrupt import EXIT_STATUS, Interrupted, install

    install()
    try:
        plain = None if "_READER_COMPLETE" in os.environ else plain_open(sys.argv[1:])
        if plain is None:
            from reader.cli_group import cli

            cli(prog_name="reader")
        else:
            open_plain(*plain)
    except Interrupted as stop:
        with contextlib.suppress(OSError):
            sys.stderr.write(f"reader: {stop.said}\n")
            sys.stderr.flush()
        sys.exit(EXIT_STATUS)


if __name__ == "__main__":
    main()
