"""`reader [--db FILE] [SOURCE]` opens without click (reader.cli.plain_open); every other shape
is the click group's. The shapes taken must be read exactly as the group reads them."""

from __future__ import annotations

import pytest

from reader.cli import COMMANDS, plain_open
from reader.cli_group import cli

PLAIN = [
    [],
    ["a.txt"],
    ["-"],
    ["https://example.com/x"],
    ["--db", "x.db", "a.txt"],
    ["--db", "x.db"],
    ["--db", "library", "a.txt"],
    ["--db", "x.db", "-"],
]

CLICKS = [
    ["--help"],
    ["-h"],
    ["--version"],
    ["library"],
    ["open", "a.txt"],
    ["--db", "x.db", "library"],
    ["a.txt", "--db", "x.db"],
    ["--model", "m", "a.txt"],
    ["--db=x.db", "a.txt"],
    ["--db", "-x", "a.txt"],
    ["--", "a.txt"],
    ["a.txt", "b.txt"],
    ["-x"],
    ["--db"],
]


def test_the_commands_named_are_the_groups() -> None:
    assert set(cli.commands) == COMMANDS


def _as_click_reads(args: list[str]) -> tuple[str, str | None, str | None]:
    """(command, --db, SOURCE) as the group parses `args` (no command runs)."""
    with cli.make_context("reader", list(args)) as ctx:
        name, *rest = ctx._protected_args + ctx.args  # as Group.invoke reads them
        command = cli.commands[name]
        with command.make_context(name, rest, parent=ctx) as sub:
            return name, ctx.params["db_path"], sub.params.get("source")


@pytest.mark.parametrize("args", PLAIN, ids=" ".join)
def test_plain_shapes_are_read_as_the_group_reads_them(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("READER_DB", raising=False)
    assert plain_open(args) is not None
    db, source = plain_open(args)
    assert _as_click_reads(args) == ("open", db, source)


@pytest.mark.parametrize("args", CLICKS, ids=" ".join)
def test_every_other_shape_is_left_to_click(args: list[str]) -> None:
    assert plain_open(args) is None


def test_a_source_named_like_a_command_is_left_to_click() -> None:
    for name in COMMANDS:
        assert plain_open([name]) is None
        assert plain_open(["--db", "x.db", name]) is None
