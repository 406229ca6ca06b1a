"""`reader add PATH... [--jobs N]`: many articles into the library at once, analysed."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from reader.cli_support import common_options, database, user_errors

if TYPE_CHECKING:
    from reader.store import Store


@click.command("add")
@common_options
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Analyses at once, each in its own process with its own model (default: cores).",
)
@click.option(
    "--title",
    default=None,
    help="The article's title, instead of the one its file gives (a text file's first line); "
    "one file only. Kept when the file is read again.",
)
@click.pass_context
@user_errors
def add_cmd(
    ctx: click.Context, paths: tuple[str, ...], jobs: int | None, title: str | None
) -> None:
    """Add files and folders (searched for .txt, .md and .html) to the library and analyse
    them, so each opens at once. Texts already there are skipped, so an interrupted run is
    resumed by running it again. Exit status 2 if any file failed."""
    from reader.batch.add import AddResult, add_paths
    from reader.batch.progress import Progress
    from reader.interrupt import Interrupted
    from reader.sanitize import one_line
    from reader.store import Store

    def report(message: str) -> None:
        click.echo(f"reader: {one_line(message)}", err=True)

    def progress(total: int, work: int) -> Progress:
        return Progress(total, work=work, out=click.get_text_stream("stderr"))

    if title is not None:
        one_title(paths, title)
    result: AddResult | None = None
    with Store.open(database(ctx).prepare()) as store:
        try:
            result = add_paths(
                store, list(paths), jobs=jobs or os.cpu_count() or 1, model=ctx.obj["model"],
                report=report, progress=progress,
            )
        except Interrupted as stop:
            stop.said = "stopped; what was analysed is kept, run again to go on."
            raise
        if title is not None and not result.failed:
            titled(store, result.digests, title)
    click.echo(f"reader: {result.summary()}", err=True)
    if result.failed:
        sys.exit(2)


def one_title(paths: tuple[str, ...], title: str) -> None:
    """`--title` names one article: one file, and words for it (exit 2 before any work)."""
    from pathlib import Path

    from reader.errors import ReaderError
    from reader.sanitize import one_line

    if len(paths) != 1 or Path(paths[0]).is_dir():
        raise ReaderError("--title names one article: give it one file, not several or a folder.")
    if not one_line(title).strip():
        raise ReaderError("--title needs at least one word.")


def titled(store: Store, digests: list[str], title: str) -> None:
    """The one file's article, as this run read it (added, or there already), given the
    reader's title; ReaderError (exit 2) when the library does not have it. The file is not
    read again: changed meanwhile, its new text was no article and the title went unset."""
    from reader.errors import ReaderError

    record = store.find_by_hash(digests[0]) if len(digests) == 1 else None
    if record is None:
        raise ReaderError("The title was not set: the article this run added is not in the "
                          "library any more; run `reader add` again.")
    store.set_title(record.id, title)
