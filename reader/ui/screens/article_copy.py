"""The article screen's copy keys: y copies the selection, else the passage at the cursor (a
highlight with its note, a quote with its speaker, else the sentence), Y every note, each as
Markdown with its citation (title, source, date read). A mixin of ArticleScreen through
AnnotationActions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.model import Analysis, Quote
from reader.errors import ReaderError
from reader.ui.widgets.speaker_panel import plural

if TYPE_CHECKING:
    from reader.store import Annotation, ArticleRecord, Store
    from reader.ui.host import ReaderHost
    from reader.ui.widgets.article_view import ArticleView


class CopyActions:
    """Needs from the screen: view, store, record, analysis, annotations, quote(), set_info()."""

    annotations: list[Annotation]
    record: ArticleRecord
    analysis: Analysis | None

    if TYPE_CHECKING:

        @property
        def view(self) -> ArticleView: ...

        @property
        def store(self) -> Store: ...

        @property
        def reader_app(self) -> ReaderHost: ...

        def quote(self, quote_id: int) -> Quote | None: ...

        def set_info(self, text: str) -> None: ...

        def _annotation_at_cursor(self) -> Annotation | None: ...

    def _copy(self, text: str, what: str) -> None:
        from reader.ui.copying import copy_out

        copy_out(self, text, what)  # type: ignore[arg-type]  # the article screen

    def _citation(self) -> tuple[str, str]:
        """The source to cite (the latest URL, else the latest path) and the date read there."""
        from reader.store.provenance import cited_with_date

        try:
            sources = self.store.article_sources(self.record.id)
        except ReaderError:
            sources = []  # the database is busy: cite the source this screen was opened from
        source, when = cited_with_date(sources, self.record.last_opened)
        return source or self.record.source, when

    def _cited(self, block: str) -> str:
        """The passage with its citation: title, source and date, in the Markdown of `Y`."""
        from reader.export import cited_markdown

        source, when = self._citation()
        return cited_markdown(self.record.title, source, when, block, self.record.byline,
                              self.record.date)

    def _library_names(self) -> dict[tuple[int, str], str]:
        """The library's name of each of this article's speakers ("Dana Whitfield" for the
        "Whitfield" of this article, as People names her): a copy signs with it."""
        try:  # merged once per change of the library, not at every copy
            return self.reader_app.people_names.get(self.store)
        except ReaderError:
            return {}  # the database is busy: the article's own names

    def _quotes(self, names: dict[tuple[int, str], str]) -> list[Quote]:
        from reader.people.named import renamed_quotes

        return renamed_quotes(self.analysis.quotes, self.record.id, names) if (
            self.analysis) else []

    def _roles(self, names: dict[tuple[int, str], str] | None = None) -> dict[str, str]:
        """Each speaker's role, by name, to sign a quote with ("Tom Becker, councilman")."""
        from reader.export import roles_of
        from reader.people.named import renamed_roles

        roles = roles_of(self.analysis.speakers) if self.analysis else {}
        return renamed_roles(roles, self.record.id, names or {})

    def action_copy_passage(self) -> None:
        from reader.export import annotation_markdown, passage_markdown, with_role
        from reader.paragraphs import paragraphed, passage_text
        from reader.quoting import attribution, contains_line

        selection = self.view.selection_span
        # An active selection always wins, as for `h` (and yank in vim): not the highlight or
        # the quote the cursor (the selection's end) happens to be in.
        ann = None if selection else self._annotation_at_cursor()
        names = self._library_names()
        quotes = self._quotes(names)
        roles = self._roles(names)
        if ann is not None:
            text = self._cited(annotation_markdown(
                ann, quotes, self.view.text, self.view.units, roles))
            self._copy(text, "the highlight" + (" and its note" if ann.note else ""))
            return
        mark = None if selection else self.view.quote_at_cursor()
        quote = next((q for q in quotes if q.id == mark.quote_id), None) if mark else None
        if quote is not None:
            who = f"probably {quote.speaker}" if quote.uncertain else quote.speaker
            said = passage_text(
                self.view.text, quote.start, quote.end, quote.text, self.view.units
            )
            signed = with_role(who, roles, quote.speaker)
            text = self._cited(passage_markdown(said, speaker=signed, note=""))
            self._copy(text, "the quote" + (f" by {who}" if who else ""))
            return
        start, end = selection or self.view.cursor_span
        passage = paragraphed(self.view.text, start, end, self.view.units).strip()
        if not passage:
            self.set_info("nothing to copy here")
            return
        # Cited as a highlight or a quote is (a new user found the plain sentence uncited),
        # signed as they are: a selection that is, or lies in, a quote by its speaker; one
        # that holds quotes says whose ("Contains a quote by ...").
        who = attribution(start, end, self.view.text[start:end], quotes)
        signed = with_role(who.said_by, roles, who.speaker)
        text = self._cited(passage_markdown(passage, speaker=signed,
                                            contains=contains_line(who)))
        self._copy(text, "the selection" if selection else "the sentence")

    def action_copy_notes(self) -> None:
        from reader.export import notes_markdown

        if not self.annotations:
            self.set_info("no notes to copy (h highlights, n adds a note)")
            return
        names = self._library_names()
        quotes = self._quotes(names)
        source, when = self._citation()  # cited as `y` cites one passage, date and all
        text = notes_markdown(self.record.title, source, self.annotations, quotes,
                              self.view.text, self.view.units, accessed=when,
                              byline=self.record.byline, date=self.record.date,
                              roles=self._roles(names))
        noted = sum(1 for a in self.annotations if a.note.strip())
        what = "note" if noted == len(self.annotations) else "highlight"  # some without a note
        self._copy(text, f"{plural(len(self.annotations), what)} as Markdown")
