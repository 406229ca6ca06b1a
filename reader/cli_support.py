"""What every command shares: one-line errors with exit 2, the database it uses, and the
`--db`/`--model` options that may also follow the subcommand. Its own module so commands in
reader.commands register on the group without importing reader.cli_group."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from reader.errors import ReaderError
from reader.locate import Located, locate_database


def fail(message: str) -> None:
    """Print one clear sentence to stderr and exit with status 2."""
    from reader.sanitize import inert

    click.echo(f"reader: {inert(message, newlines=False)}", err=True)
    sys.exit(2)


def user_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn ReaderError (and an interrupted pipe) into one line on stderr, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReaderError as exc:
            fail(str(exc))
        except BrokenPipeError:
            sys.exit(0)

    return wrapper



def format_option(*choices: str, help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format`` with its choices, the first the default: one spelling for every command."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help,
    )


def database(ctx: click.Context) -> Located:
    """The database this command uses (see reader.locate)."""
    return locate_database(ctx.obj["db"])


def _into_obj(key: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """An option given after the subcommand overrides the same option given before it."""

    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value is not None:
            ctx.ensure_object(dict)[key] = value
        return value

    return callback


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--db` and `--model` also after the subcommand: `reader analyze FILE --model NAME`."""
    func = click.option(
        "--model",
        "model_override",
        default=None,
        expose_value=False,
        callback=_into_obj("model"),
        help="spaCy pipeline to load (env READER_MODEL).",
    )(func)
    return click.option(
        "--db",
        "db_override",
        default=None,
        expose_value=False,
        callback=_into_obj("db"),
        help="SQLite file to use (env READER_DB; default: see `reader library`).",
    )(func)
