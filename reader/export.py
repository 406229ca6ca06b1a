"""Notes out of the reader: Markdown for people, W3C Web Annotation JSON-LD for tools, CSV.

Article text is data: exports never carry terminal or bidi control characters (they may be
printed to a terminal), so Markdown and CSV show them as visible symbols and JSON escapes them,
by the one policy of reader.sanitize.
"""

from __future__ import annotations

import csv
import io
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from reader import sanitize
from reader.analysis.model import Quote, Speaker
from reader.errors import StoreError
from reader.jsonld import collection_jsonld
from reader.notes_record import ArticleNotes
from reader.paragraphs import Units, passage_text, units_of
from reader.quoting import Attribution, attribution, contains_line
from reader.sanitize import inert_lines as inert
from reader.store.provenance import cited
from reader.store.records import Annotation

if TYPE_CHECKING:
    from reader.store import Store

CSV_COLUMNS = (
    "article", "source", "start", "end", "passage", "speaker", "note", "color", "orphaned",
    "created", "updated", "id", "attribution", "written_about",
)


def attribution_of(ann: Annotation, quotes: Iterable[Quote]) -> Attribution:
    """Who speaks in the annotation's passage (nobody known for an orphan)."""
    if ann.orphaned:
        return Attribution()
    return attribution(ann.start, ann.end, ann.exact, quotes)


def _blockquote(passage: str) -> list[str]:
    lines = inert(passage).strip().split("\n")
    return [f"> {line.rstrip()}" if line.strip() else ">" for line in lines]


def passage_markdown(
    passage: str, *, speaker: str | None = None, note: str = "", contains: str = ""
) -> str:
    """One quote (with its speaker) or one highlight (with its note) as Markdown.

    `contains` ("Contains a quote by X.") says whose words a passage of narration includes.
    """
    out = _blockquote(passage)
    if speaker:
        out += [">", f"> — {inert(speaker)}"]
    elif contains:
        out += [">", f"> *{inert(contains)}*"]
    if note.strip():
        out += ["", note_markdown(note)]
    return "\n".join(out) + "\n"


def note_markdown(note: str) -> str:
    """A plain-text note as Markdown that keeps its lines: blank lines part paragraphs, and
    every other line break is a hard break (two trailing spaces, which CommonMark, GitHub and
    Python-Markdown all read) instead of a soft one that would join the lines. A line's own
    indentation (a pasted tab or four spaces) is kept as no-break spaces, which no Markdown
    reads as a code block's indent nor drops as a paragraph line's leading blanks; what every
    line has (a stray space before the note, a whole pasted block's margin) is left out."""
    lines = [_tabs_out(line.rstrip()) for line in inert(note).split("\n")]
    text = textwrap.dedent("\n".join(lines)).strip("\n")
    paragraphs = re.split(r"\n\n+", text)
    return "\n\n".join(
        "  \n".join(_literal_line(_kept_indent(line)) for line in paragraph.split("\n"))
        for paragraph in paragraphs if paragraph
    )


def _tabs_out(line: str) -> str:
    """The line with the tabs of its indentation as four spaces each."""
    body = line.lstrip(" \t")
    return line[: len(line) - len(body)].replace("\t", "    ") + body


def _kept_indent(line: str) -> str:
    """The line with its leading spaces as no-break spaces."""
    body = line.lstrip(" ")
    return "\u00a0" * (len(line) - len(body)) + body


#: What opens a block at the start of a Markdown line: a heading, a quote (which would pass a
#: note off as the article's words), a list item, a fence, a rule or a setext underline.
_BLOCK_START = re.compile(r"^(\s*)(#|>|[-*+](?=\s|$)|\d+(?=[.)](?:\s|$))|```|~~~|=+\s*$|-{3,})")


def _literal_line(line: str) -> str:
    """A note's line that shows as typed: a mark that would open a block is escaped."""
    m = _BLOCK_START.match(line)
    if m is None:
        return line
    lead, mark = m.group(1), m.group(2)
    if mark[0].isdigit():  # "1. " -> "1\. "
        return f"{lead}{mark}\\{line[m.end():]}"
    return f"{lead}\\{line[len(lead):]}"


def with_role(name: str | None, roles: Mapping[str, str] | None, speaker: str | None = None
              ) -> str | None:
    """A speaker as a citation signs them: "Tom Becker, councilman" when the engine found the
    role of `speaker` (the bare name; `name` may say "probably"), else `name` alone."""
    role = (roles or {}).get(speaker or name or "", "")
    role = " ".join(role.split())
    return f"{name}, {role}" if name and role else name


def annotation_markdown(
    ann: Annotation,
    quotes: Sequence[Quote] = (),
    text: str = "",
    units: Units | None = None,
    roles: Mapping[str, str] | None = None,
) -> str:
    """A highlight as Markdown: its passage, who speaks in it (with their role when the engine
    found one), its note. Given the article's `text`, a passage across paragraphs keeps its
    breaks (a `>` line between them)."""
    who = attribution_of(ann, quotes)
    passage = passage_text(text, ann.start, ann.end, ann.exact, units)
    if ann.orphaned and ann.written_exact:
        # Gone from the text: the words it was written about, not the last ones it was found
        # with (an edited passage that then went: its note never spoke of those).
        passage = ann.written_exact
    block = passage_markdown(
        passage, speaker=with_role(who.said_by, roles, who.speaker), note=ann.note,
        contains=contains_line(who),
    )
    if ann.orphaned:
        block += "\n*This passage is no longer in the article's text.*\n"
    elif ann.changed:
        block += "\n*Written about (the passage has changed since):*\n\n"
        block += "\n".join(_blockquote(ann.written_exact)) + "\n"
    return block


def _heading(title: str, source: str) -> str:
    title = inert(title).replace("\n", " ").strip() or "Untitled"
    source = inert(source).replace("\n", " ").strip()
    return f"# {title} — {source}\n" if source else f"# {title}\n"


_BY = re.compile(r"^by\s+", re.IGNORECASE)


def _accessed(accessed: str, byline: str = "", date: str = "") -> str:
    """The citation's last line: who wrote the article and when, as its page said, and the
    day it was read ("*By Sam Ortega, 2026-11-30. Accessed 2026-12-07.*")."""
    byline = _BY.sub("", " ".join(inert(byline).split()))
    date = " ".join(inert(date).split())
    if byline:
        wrote = f"By {byline}, {date}." if date else f"By {byline}."
    else:
        wrote = f"Published {date}." if date else ""
    seen = f"Accessed {inert(accessed)}." if accessed else ""
    line = " ".join(part for part in (wrote, seen) if part)
    return f"\n*{line}*\n" if line else ""


def cited_markdown(
    title: str, source: str, accessed: str, block: str, byline: str = "", date: str = ""
) -> str:
    """One passage (annotation_markdown, passage_markdown) with its citation, as `Y` writes
    every note: the title and source as the heading; the byline, the date published and the
    date it was read after."""
    return _heading(title, source) + "\n" + block + _accessed(accessed, byline, date)


def notes_markdown(
    title: str,
    source: str,
    annotations: Sequence[Annotation],
    quotes: Sequence[Quote] = (),
    text: str = "",
    units: Units | None = None,
    accessed: str = "",
    byline: str = "",
    date: str = "",
    roles: Mapping[str, str] | None = None,
) -> str:
    """A title line with title and source, then each passage, its speaker and its note; the
    byline, the date published and the date the source was read end it, as they end one
    passage copied with `y`."""
    parts = [_heading(title, source)]
    if units is None and text and annotations:
        units = units_of(text)
    parts += [annotation_markdown(ann, quotes, text, units, roles) for ann in annotations]
    if not annotations:
        parts.append("*No notes.*\n")
    return "\n".join(parts) + _accessed(accessed, byline, date)


def library_markdown(articles: Sequence[ArticleNotes]) -> str:
    return "\n".join(
        notes_markdown(a.title, a.source, a.annotations, a.quotes, a.text, byline=a.byline,
                       date=a.date, roles=a.roles)
        for a in articles
    )


def dumps(data: Any) -> str:
    """JSON with the data exact but controls and bidi controls escaped (reader.sanitize)."""
    return sanitize.dumps(data) + "\n"


def notes_jsonld(
    title: str,
    source: str,
    annotations: Sequence[Annotation],
    quotes: Sequence[Quote] = (),
    *,
    text_hash: str = "",
) -> str:
    """One article's annotations as a W3C AnnotationCollection (JSON-LD text)."""
    return dumps(
        collection_jsonld(title, [ArticleNotes(title, source, annotations, quotes, text_hash)])
    )


def library_jsonld(articles: Sequence[ArticleNotes]) -> str:
    return dumps(collection_jsonld("reader notes", articles))


#: A cell starting with one of these is a formula to a spreadsheet (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """Article text as a CSV cell: inert, and never run as a formula by a spreadsheet (a
    leading apostrophe, as spreadsheets themselves write literal text)."""
    text = inert(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def speaker_cells(who: Attribution) -> tuple[str, str]:
    """The speaker and attribution cells, by the rule Markdown uses: the speaker whose words
    the passage is ("said"), or the speakers whose quotes it contains (names joined by "; ")."""
    if who.speaker:
        return cell(who.speaker), "probably said" if who.uncertain else "said"
    if who.quoted:
        return cell("; ".join(who.quoted)), "contains a quote" if who.quotes == 1 else (
            "contains quotes")
    return "", ""


def library_csv(articles: Sequence[ArticleNotes]) -> str:
    """One row per annotation; text fields made inert, line breaks kept inside quoted cells."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for a in articles:
        for ann in a.annotations:
            speaker, how = speaker_cells(attribution_of(ann, a.quotes))
            writer.writerow([
                cell(a.title), cell(a.source), ann.start, ann.end, cell(ann.exact), speaker,
                cell(ann.note), ann.color, int(ann.orphaned), ann.created, ann.updated, ann.uuid,
                how, cell(ann.written_exact) if ann.changed else "",
            ])
    return out.getvalue()


def notes_csv(
    title: str, source: str, annotations: Sequence[Annotation], quotes: Sequence[Quote] = ()
) -> str:
    return library_csv([ArticleNotes(title, source, annotations, quotes)])


def roles_of(speakers: Iterable[Speaker]) -> dict[str, str]:
    """Each speaker's role, by name, for citations that sign a quote with it."""
    return {s.name: s.role for s in speakers if s.role and s.role.strip()}


def article_notes(
    store: Store, article_id: int, names: Mapping[tuple[int, str], str] | None = None
) -> ArticleNotes:
    """One article's notes with quotes from its newest cached analysis (for speakers), each
    speaker under the library's name for them (`names`: library_names)."""
    from reader.people.named import renamed_quotes, renamed_roles

    record = store.get_article(article_id)
    if record is None:
        raise StoreError(f"No article with id {article_id}.")
    analysis = store.newest_analysis(record.hash)
    sources = store.article_sources(record.id)
    names = names or {}
    return ArticleNotes(
        title=record.title,
        source=cited(sources, fallback=record.source),
        annotations=store.annotations(record.id),
        quotes=renamed_quotes(analysis.quotes, record.id, names) if analysis is not None else (),
        text_hash=record.hash,
        text=record.text,
        sources=sources,
        added=record.added,
        last_read=record.last_opened if record.opened else "",
        byline=record.byline,
        date=record.date,
        roles=renamed_roles(roles_of(analysis.speakers), record.id, names)
        if analysis is not None else {},
    )


def render(articles: Sequence[ArticleNotes], fmt: str) -> str:
    """md, json (W3C JSON-LD) or csv for the `reader notes` command."""
    if fmt == "json":
        if len(articles) == 1:
            return dumps(collection_jsonld(articles[0].title, articles))
        return library_jsonld(articles)
    if fmt == "csv":
        return library_csv(articles)
    if not articles:
        return "*No notes yet.*\n"
    return library_markdown(articles)
