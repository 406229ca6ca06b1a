"""`reader search QUERY`: texts, quotes and notes across the whole library (words as typed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from reader.cli_support import common_options, database, format_option, user_errors

if TYPE_CHECKING:
    from reader.store.search import SearchHit

KINDS = {"quotes": "quote", "notes": "note", "text": "text"}
#: Widest title and context in the table, in terminal cells.
TITLE_CELLS = 30
CONTEXT_CELLS = 70


@click.command("search")
@common_options
@click.argument("query")
@click.option(
    "--speaker",
    default=None,
    help="Only quotes by this person (any form of the name, as in `reader quotes`).",
)
@click.option(
    "--in",
    "where",
    type=click.Choice(sorted(KINDS)),
    default=None,
    help="Only article text, quotes or notes (default: all three).",
)
@format_option("table", "json", "csv", help="A table for people, JSON or CSV for tools.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True)
@click.pass_context
@user_errors
def search_cmd(
    ctx: click.Context, query: str, speaker: str | None, where: str | None, fmt: str, limit: int
) -> None:
    """Search every article's text, quotes and notes: QUERY is words as typed (Israel's,
    co-operation, U.S.), with "a phrase", prefix*, AND, OR, NOT, (groups) and NEAR(a b)."""
    from reader.store import Store

    if where is not None:
        kinds: tuple[str, ...] = (KINDS[where],)
    elif speaker:
        kinds = ("quote",)  # only quotes have a speaker
    else:
        kinds = ("text", "quote", "note")
    path = database(ctx).path
    hits = []
    if path.exists():
        with Store.open(path, create=False) as store:
            members = None
            if speaker:
                from reader.people.library import speakers_named

                # The person the name means, merged across articles as `reader quotes` and
                # the People view merge them; a name that fits no one person (two Clintons)
                # keeps every speaker with those words in their name (or their panel's name);
                # none of those (a quote's speaker no summary lists) leaves the store to
                # match the quote's own speaker name.
                members = speakers_named(store.speaker_rows(), speaker) or None
            hits = store.search(
                query, kinds=kinds, speaker=speaker, members=members, limit=limit
            )
            if speaker and not hits and not members:
                no_such_speaker(store, speaker)
            if any(h.kind == "quote" for h in hits):
                from reader.people.named import library_names, renamed_hits

                # "Dana Whitfield" on every row of hers, as People names her, not "Whitfield"
                # on the rows of an article that calls her so.
                hits = renamed_hits(hits, library_names(store.speaker_rows()))
    write_hits(hits, fmt)
    if not hits:
        click.echo("reader: no matches.", err=True)


def no_such_speaker(store: Any, speaker: str) -> None:
    """A name no quote's speaker has is a mistake to say (exit 2), as `reader quotes
    --speaker` says it, not "no matches" as for a real speaker who never said the words."""
    from reader.errors import ReaderError
    from reader.fold import has_words

    if not any(q.speaker and has_words(q.speaker, speaker) for q in store.quote_rows()):
        raise ReaderError(f"No speaker in the library matches {speaker!r}; "
                          "see `reader quotes` for every speaker.")


def write_hits(hits: list[SearchHit], fmt: str) -> None:
    import csv
    import io
    from dataclasses import asdict

    from reader.cells import cell_len, fit, pad
    from reader.export import cell
    from reader.sanitize import dumps, one_line

    if fmt == "json":
        click.echo(dumps([asdict(h) for h in hits]))
        return
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["article_id", "title", "kind", "speaker", "offset", "start", "end",
                         "context", "certainty"])
        for h in hits:
            writer.writerow([h.article_id, cell(h.title), h.kind, cell(h.speaker), h.offset,
                             h.start, h.end, cell(h.context),
                             "probably" if h.uncertain else ""])
        click.echo(out.getvalue(), nl=False)
        return
    if not hits:
        return
    rows = [("ID", "TITLE", "IN", "SPEAKER", "AT", "CONTEXT")]
    for h in hits:
        rows.append((
            str(h.article_id), fit(one_line(h.title), TITLE_CELLS), h.kind,
            fit(one_line(h.said_by), 24), str(h.offset), fit(one_line(h.context), CONTEXT_CELLS),
        ))
    widths = [max(cell_len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        click.echo("  ".join(pad(cell, w) for cell, w in zip(r, widths, strict=True)).rstrip())
