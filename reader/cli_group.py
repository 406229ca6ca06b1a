"""The command line's click group: `reader [SOURCE]`, `reader analyze`, `reader notes`,
`reader library` and the commands of reader.commands. `reader.cli.main` runs it (the plain
`reader [--db FILE] [SOURCE]` opens without it, the same way, see reader.cli).

Heavy modules (spaCy, Textual, trafilatura) are imported inside the commands that need them,
so `reader --help` stays fast. Every user error is one line and exit 2.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reader.cli_support import common_options, database, fail, format_option, user_errors
from reader.commands import register_commands

#: Widest title and source in `reader library`'s table, in terminal cells.
TITLE_CELLS = 40
SOURCE_CELLS = 30


class DefaultGroup(click.Group):
    """A group whose first argument may be a SOURCE instead of a subcommand name."""

    default_command = "open"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            if not args or not args[0].startswith("--") or args[0] == "--":
                args = [self.default_command, *args]
            else:
                # Global options come first; find the first positional and decide there.
                args = self._insert_default(args)
        return super().parse_args(ctx, args)

    def _insert_default(self, args: list[str]) -> list[str]:
        options_with_values = {"--db", "--model"}
        i = 0
        while i < len(args):
            a = args[i]
            if a in options_with_values:
                i += 2
                continue
            if a.startswith("--"):
                i += 1
                continue
            break
        if i >= len(args) or args[i] not in self.commands:
            return [*args[:i], self.default_command, *args[i:]]
        return args


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    envvar="READER_DB",
    default=None,
    help="SQLite file for the library, notes and cached analyses (env READER_DB); default "
    "./annotations.db if it exists, else the per-user library.",
)
@click.option(
    "--model",
    envvar="READER_MODEL",
    default=None,
    help="spaCy pipeline to load (env READER_MODEL); default en_core_web_sm, then its copy.",
)
@click.version_option(package_name="reader-tui", prog_name="reader")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, model: str | None) -> None:
    """Read news articles in the terminal: who is quoted, who said what, and your notes."""
    ctx.obj = {"db": db_path, "model": model}


@cli.command("open")
@common_options
@click.argument("source", required=False)
@click.pass_context
@user_errors
def open_cmd(ctx: click.Context, source: str | None) -> None:
    """Open SOURCE (a file, a URL or - for stdin) in the reader; the library with none."""
    from reader.ui.launch import open_source

    open_source(source, db=ctx.obj["db"], model=ctx.obj["model"])


@cli.command("analyze")
@common_options
@click.argument("sources", nargs=-1, required=True)
@format_option("json", "text", help="JSON for tools and the scorer, text for people.")
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    help="Analyse every SOURCE with one model load and write DIR/NAME.json for each.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="With --out: analyses at once, each in its own process.")
@click.pass_context
@user_errors
def analyze_cmd(
    ctx: click.Context, sources: tuple[str, ...], fmt: str, out: str | None, jobs: int
) -> None:
    """Print who is quoted in SOURCE and who said what (or, with --out DIR, write the JSON of
    many files there, exit 2 if any failed)."""
    from reader.analysis import analyze
    from reader.sources import load_source

    if out is not None:
        from pathlib import Path

        from reader.batch.outdir import analyze_to_dir
        from reader.sanitize import one_line

        def report(message: str) -> None:
            click.echo(f"reader: {one_line(message)}", err=True)

        if analyze_to_dir(list(sources), Path(out), jobs=jobs, model=ctx.obj["model"],
                          report=report):
            sys.exit(2)
        return
    if len(sources) > 1:
        fail("give --out DIR to analyse more than one file.")
    (source,) = sources
    from reader.waiting import fetching

    with fetching(source):
        document = load_source(source)
    if document.note:
        click.echo(f"reader: {document.note}", err=True)
    model = ctx.obj["model"]
    if model:
        from reader.analysis.nlp import resolve_name

        resolve_name(model)  # a pipeline that is not installed: one sentence, exit 2
    analysis = analyze(document.text, model=model, doc=document.name)
    if fmt == "json":
        analysis.write_json(click.get_text_stream("stdout"))
    else:
        from reader.analysis.report import format_report

        click.echo(format_report(analysis, title=document.title))


@cli.command("notes")
@common_options
@click.argument("articles", metavar="[ARTICLE]...", nargs=-1)
@click.option("--speaker", metavar="NAME",
              help="Only the notes on quotes by this person (named as `reader quotes "
                   "--speaker` names them).")
@format_option("md", "json", "csv", help="Markdown, W3C Web Annotation JSON-LD, or CSV.")
@click.option(
    "-o",
    "--output",
    type=str,
    help="Write to this file (- for standard output).",
)
@click.option("--copy", is_flag=True, help="Copy to the clipboard instead of printing.")
@click.option(
    "--import",
    "import_file",
    type=str,
    help="Import notes exported with --format json (from another library) instead.",
)
@click.option("--deleted", is_flag=True,
              help="List the deleted highlights and notes the library keeps instead.")
@click.option("--restore", "restore", type=click.IntRange(min=1), default=None,
              metavar="NUMBER", help="Put back the deleted note --deleted lists as NUMBER.")
@click.pass_context
@user_errors
def notes_cmd(
    ctx: click.Context,
    articles: tuple[str, ...],
    speaker: str | None,
    fmt: str,
    output: str | None,
    copy: bool,
    import_file: str | None,
    deleted: bool,
    restore: int | None,
) -> None:
    """Export the notes of each ARTICLE (id, title, source or hash prefix), or of every
    article. An ARTICLE that matches several articles is an error that lists them (with their
    ids): name each one you want, e.g. `reader notes 5 6 9`. --speaker keeps the notes on that
    person's quotes.

    With --copy and no clipboard, the notes are printed (or only written to -o FILE) and the
    command exits with status 2 after saying so.
    """
    if deleted or restore is not None:
        from reader.commands.deleted import list_deleted, restore_deleted

        if (articles or speaker or output or copy or import_file is not None
                or (deleted and restore)):
            fail("--deleted and --restore take no ARTICLE, --speaker, -o, --copy or --import "
                 "(and not each other).")
        if restore is not None:
            restore_deleted(database(ctx), restore)
        else:
            list_deleted(database(ctx))
        return
    if import_file is not None:
        if articles or speaker or output or copy:
            fail("--import takes no ARTICLE, --speaker, -o or --copy.")
        from reader.importer import import_into

        message = import_into(str(database(ctx).prepare()), import_file)
        click.echo(f"reader: {message}", err=True)
        return

    from reader.clipboard import PLACES, ClipboardError, copy_text
    from reader.drafts import unsaved_by_article
    from reader.export import render
    from reader.notes_select import article_ids, gather_notes
    from reader.outfile import check_not_a_source, check_target, is_stdout, write_export
    from reader.sanitize import one_line
    from reader.store import Store

    db_path = database(ctx).path
    to_stdout = is_stdout(output)  # `-o -`: standard output, as click.File reads it
    path = None if to_stdout else output
    if path:  # before reading anything: never onto the database, even by mistake
        check_target(path, database=db_path)
    with Store.open(db_path, read_only=True) as store:
        if path:
            check_not_a_source(path, (
                (a.title, seen.source) for a in store.list_articles() for seen in a.sources
            ))
        gathered = gather_notes(store, articles, speaker)
        text = render(gathered, fmt)
        if speaker is not None and not gathered:  # the speaker is known: no note on them
            click.echo(f"reader: no notes on {one_line(speaker)}'s quotes.", err=True)
            text = "" if fmt == "md" else text  # not "No notes yet": there are, elsewhere
        # The notes are intact and exported (status 0), but the damage is said, once.
        if (damage := store.search_index_damage()) is not None:
            click.echo(f"reader: {one_line(damage)}", err=True)
        ids = set(article_ids(store, articles)) if articles else None
        drafts = unsaved_by_article(db_path, ids)
        titles = {a: r.title for a in drafts if (r := store.get_article(a)) is not None}
    _say_drafts(drafts, titles)
    if path:
        write_export(path, text, database=db_path)
    if to_stdout or not (path or copy):
        click.echo(text, nl=False)
    if copy:
        try:
            result = copy_text(text)
        except ClipboardError as exc:
            if not (path or to_stdout):
                click.echo(text, nl=False)
            where = f"written to {path}" if path else "printed instead"
            fail(f"{exc} The notes were {where}.")
        where = PLACES[result.method]
        click.echo(f"reader: copied {result.chars} characters to {where}.", err=True)


def _say_drafts(counts: dict[int, int], titles: dict[int, str]) -> None:
    """Unsaved notes (drafts: article id -> how many) are never exported as notes; say that
    some wait, on stderr, and for which article (`titles`: id -> title): its Notes tab lists
    them."""
    from reader.sanitize import one_line

    if not (count := sum(counts.values())):
        return
    some, them = (
        ("1 unsaved note (a draft)", "it") if count == 1
        else (f"{count} unsaved notes (drafts)", "them")
    )
    named = [f"“{one_line(titles[a], 60)}”" for a in sorted(counts) if a in titles]
    gone = sum(1 for a in counts if a not in titles)
    if gone:
        named.append("an article no longer in the library" if gone == 1
                     else f"{gone} articles no longer in the library")
    whose = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    tabs = "the article's Notes tab lists" if len(counts) == 1 else "their Notes tabs list"
    verb = "is" if count == 1 else "are"
    click.echo(
        f"reader: {some} of {whose} {verb} not in this export: {tabs} {them} "
        "(enter on a draft's card, then ctrl+s, stores it).", err=True,
    )


@cli.command("library")
@common_options
@format_option("table", "json", help="A table for people, JSON for tools.")
@click.option("--check", is_flag=True,
              help="Check the library file and its search index instead (status 2: damaged).")
@click.pass_context
@user_errors
def library_cmd(ctx: click.Context, fmt: str, check: bool) -> None:
    """List the articles you have read, most recent first."""
    from dataclasses import asdict

    from reader.cells import cell_len, fit, fit_source, pad
    from reader.sanitize import dumps, one_line
    from reader.store import Store

    summaries = []
    cache_entries, cache_bytes = 0, 0
    where = database(ctx)
    if check:
        if ctx.get_parameter_source("fmt") is click.core.ParameterSource.COMMANDLINE:
            fail("--check says what it finds on stderr, its status 2 when the library is "
                 "damaged; it takes no --format.")  # --format was silently ignored
        _check_library(where.path)
        return
    if where.path.exists():
        with Store.open(where.path, read_only=True) as store:
            summaries = store.list_articles()
            cache_entries, cache_bytes = store.cache_size()
    # On stderr, so the table and the JSON stay what tools read.
    click.echo(f"Library: {one_line(where.describe())}", err=True)
    if fmt == "json":
        click.echo(dumps([asdict(s) for s in summaries]))
        return
    if not summaries:
        click.echo("The library is empty: open an article with `reader FILE`.")
        return

    def when(stamp: str) -> str:
        return stamp[:16].replace("T", " ")

    def num(value: int | None) -> str:
        return "-" if value is None else str(value)

    rows = [("ID", "TITLE", "SOURCE", "ADDED", "LAST READ", "QUOTES", "SPEAKERS", "NOTES")]
    for s in summaries:
        title, source = one_line(s.title), one_line(s.source)
        rows.append((
            str(s.id), fit(title, TITLE_CELLS), fit_source(source, SOURCE_CELLS), when(s.added),
            when(s.last_opened) if s.opened else "never",  # filed by `reader add`, unread
            num(s.quotes), num(s.speakers), str(s.notes),
        ))
    # Widths in terminal cells, so wide (CJK, emoji) characters keep the columns in line.
    widths = [max(cell_len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(pad(cell, w) for cell, w in zip(r, widths, strict=True)).rstrip())
    entries = "1 entry" if cache_entries == 1 else f"{cache_entries} entries"
    click.echo(f"\nAnalysis cache: {entries}, {cache_bytes / 1e6:.1f} MB.")


register_commands(cli)


def _check_library(path: Path) -> None:
    """`reader library --check`: the file's pages and the search index, each fault said in a
    line on stderr, status 2 when there is one (nothing is written or repaired)."""
    from reader.sanitize import one_line
    from reader.store import Store

    with Store.open(path, read_only=True, create=False) as store:
        faults = [f"{path}: {one_line(row)}" for row in store.quick_check()[:20]]
        if (damage := store.search_index_damage()) is not None:
            faults.append(damage)
    for fault in faults:
        click.echo(f"reader: {one_line(fault)}", err=True)
    if faults:
        sys.exit(2)
    click.echo(f"reader: {one_line(str(path))}: no damage found (pages and search index).",
               err=True)
