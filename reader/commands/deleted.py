"""`reader notes --deleted` and `--restore N`: the deleted highlights and notes the library
keeps (reader.store.deleted_notes), listed and put back from the command line, so a note
deleted by mistake is not gone once the window that deleted it has quit."""

from __future__ import annotations

import click

from reader.errors import StoreError
from reader.locate import Located
from reader.sanitize import one_line


def list_deleted(located: Located) -> None:
    """Newest first: number, when, the article, the passage and the note's words."""
    from reader.store import Store

    if not located.path.exists():  # a question whose answer is "none", not an error
        click.echo(f"reader: no library at {located.path}, so no deleted notes.", err=True)
        return
    with Store.open(located.path, read_only=True) as store:
        kept = store.deleted_notes()
    if not kept:
        click.echo("reader: no deleted notes are kept in this library.", err=True)
        return
    for item in kept:
        ann = item.annotation
        where = "" if item.article_here else " (article not in the library)"
        when = item.deleted[:16].replace("T", " ")
        click.echo(f"{item.number}. deleted {when} UTC · "
                   f"“{one_line(item.article_title, 60)}”{where}")
        click.echo(f"   > {one_line(ann.exact, 72)}")
        if ann.note:
            for line in ann.note.splitlines() or [""]:
                click.echo(f"   {one_line(line)}")
        else:
            click.echo("   (a highlight without a note)")
    numbers = [str(item.number) for item in kept]  # the kept numbers, not 1..n: say them
    if len(numbers) == 1:
        summary = f"1 deleted; reader notes --restore {numbers[0]} puts it back."
    else:
        shown = ", ".join(numbers[:8]) + (", …" if len(numbers) > 8 else "")
        summary = (f"{len(kept)} deleted (numbers {shown}); reader notes --restore NUMBER "
                   f"puts one back, e.g. --restore {numbers[0]}.")
    click.echo(f"reader: {summary}", err=True)


def restore_deleted(located: Located, number: int) -> None:
    """Put deleted note `number` back; one sentence says where."""
    from reader.store import Store

    if not located.path.exists():  # nothing to restore, and no empty library made for it
        raise StoreError(f"No library at {located.path}: nothing was deleted there.")
    with Store.open(located.path) as store:
        was = next((d.annotation.uuid for d in store.deleted_notes() if d.number == number), "")
        ann = store.restore_deleted(number)
        article = store.get_article(ann.article_id)
    title = one_line(article.title, 60) if article else "?"
    if ann.orphaned:
        how = "kept with the orphans (its passage is gone)"
    elif was and ann.uuid != was:  # a highlight is on its passage now: never two there
        how = "joined to the highlight now on its passage (its note added to that one's)"
    else:
        how = "on its passage"
    click.echo(f"reader: deleted note {number} is back in “{title}”, {how}.", err=True)
