"""`reader quotes`: every quote in the library with its speaker (merged across articles, as the
People view shows them), role, article, source and offsets, for researchers."""

from __future__ import annotations

import sys
from typing import Any

import click

from reader.cli_support import common_options, database, format_option, user_errors

FIELDS = ("speaker", "name_in_article", "role", "kind", "gender", "article_id", "title",
          "source", "start", "end", "words", "cue", "rule", "certainty", "text")


def quote_records(store: Any, speaker: str | None, article: str | None) -> list[dict[str, Any]]:
    from reader.people.library import (
        build_people,
        names_in_articles,
        speaker_of,
        speakers_named,
    )
    from reader.quoting import guessed_rule

    speakers = store.speaker_rows()
    people = build_people(speakers)
    article_id = store.find_article(article).id if article else None
    rows = store.quote_rows(article_id)
    if speaker is not None:  # the same speakers as `reader search --speaker` finds
        members = speakers_named(speakers, speaker, people)
        if not members:  # a name nobody has is a mistake to say, not an empty export
            from reader.errors import ReaderError

            raise ReaderError(f"No speaker in the library matches {speaker!r}; "
                              "see `reader quotes` for every speaker.")
        rows = [q for q in rows if q.speaker is not None and (q.article_id, q.speaker) in members]
    roles = {(s.article_id, s.name): s.role for s in speakers}
    named = names_in_articles(speakers)  # "the Church" -> "Catholic Church", as the panel
    who = speaker_of(people)
    out = []
    for q in rows:
        person = who.get((q.article_id, q.speaker)) if q.speaker else None
        out.append({
            "speaker": person.name if person else (q.speaker or ""),
            "name_in_article": q.speaker or "",
            "role": roles.get((q.article_id, named.get((q.article_id, q.speaker or ""), ""))) or "",
            "kind": person.kind if person else "",
            "gender": person.gender if person else "",
            "article_id": q.article_id,
            "title": q.title,
            "source": q.source,
            "start": q.start,
            "end": q.end,
            "words": q.words,
            "cue": q.cue or "",
            "rule": q.rule or "",
            # "probably": the engine only guesses the speaker (as the article says).
            "certainty": "probably" if q.speaker and guessed_rule(q.rule, q.confidence)
            else "",
            "text": q.text,
        })
    return out


@click.command("quotes")
@common_options
@click.option("--speaker", default=None, help="Only this person's quotes (any form of the name).")
@click.option("--article", default=None, help="Only this article (id, title or source).")
@format_option("table", "jsonl", "csv", help="A table for people; JSON Lines or CSV for tools.")
@click.pass_context
@user_errors
def quotes_cmd(ctx: click.Context, speaker: str | None, article: str | None, fmt: str) -> None:
    """Export the quotes of the library: speaker, role, article, source and offsets."""
    from reader.store import Store

    path = database(ctx).path
    records: list[dict[str, Any]] = []
    if path.exists():
        with Store.open(path, create=False) as store:
            records = quote_records(store, speaker, article)
    write(records, fmt)
    if not records:
        click.echo("reader: no quotes.", err=True)


def write(records: list[dict[str, Any]], fmt: str) -> None:
    from reader.sanitize import dumps, one_line

    out = click.get_text_stream("stdout")
    if fmt == "jsonl":
        for r in records:
            out.write(dumps(r, indent=None) + "\n")
        return
    if fmt == "csv":
        import csv

        from reader.export import cell

        writer = csv.writer(out)
        writer.writerow(FIELDS)
        for r in records:
            writer.writerow([cell(v) if isinstance(v, str) else v for v in r.values()])
        return
    if not records:
        return
    from reader.cells import cell_len, fit, pad

    rows = [("SPEAKER", "ROLE", "ID", "AT", "WORDS", "QUOTE")]
    for r in records:
        name = one_line(r["speaker"]) or "(unknown)"
        if r["certainty"] and r["speaker"]:
            name = f"{r['certainty']} {name}"
        rows.append((fit(name, 24), fit(one_line(r["role"]), 24),
                     str(r["article_id"]), str(r["start"]), str(r["words"]),
                     fit(one_line(r["text"]), 70)))
    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
    sys.stdout.flush()
