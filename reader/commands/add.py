"""`reader add PATH... [--jobs N]`: many articles into the library at once, analysed."""

from __future__ import annotations

import os
import sys

import click

from reader.cli_support import common_options, database, user_errors


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
@click.pass_context
@user_errors
def add_cmd(ctx: click.Context, paths: tuple[str, ...], jobs: int | None) -> None:
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
    click.echo(f"reader: {result.summary()}", err=True)
    if result.failed:
        sys.exit(2)
