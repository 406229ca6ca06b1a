"""`reader [--db FILE] [SOURCE]` opens without click (reader.cli.plain_open); every other shape
is the click group's. The shapes taken must be read exactly as the group reads them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import COMMANDS, plain_open
from reader.cli_group import cli

REPO = Path(__file__).parents[1]

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


@pytest.mark.parametrize(
    "args", [["library"], ["notes", "--import", "NOTES"], ["add", "ARTICLE"], ["ARTICLE"]]
)
def test_an_empty_db_name_is_refused_not_read_as_the_default_library(
    tmp_path: Path, args: list[str]
) -> None:
    """`reader --db "$DB" ...` with DB unset in a script used the per-user library, and
    `notes --import` and `add` wrote into it."""
    notes = tmp_path / "notes.json"
    notes.write_text('{"type": "AnnotationCollection", "total": 0}', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("“We go on,” Ann Lee said.\n", encoding="utf-8")
    args = [{"NOTES": str(notes), "ARTICLE": str(article)}.get(a, a) for a in args]
    env = {k: v for k, v in os.environ.items() if k not in ("READER_DB", "READER_MODEL")}
    env.update(PYTHONPATH=str(REPO), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", "", *args],
        capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        "reader: --db was given an empty name; give the database's file name."
    ]
    assert not (tmp_path / "data").exists()
