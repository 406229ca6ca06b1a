"""The library screen's deleting of an article, after asking. A mixin of LibraryScreen, kept
apart so each file has one job."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.errors import ReaderError
from reader.ui.library_columns import shorten
from reader.ui.screens.confirm import KEPT_NOTES, ConfirmDialog

if TYPE_CHECKING:
    from reader.store import ArticleSummary


class LibraryDeleting:
    """Needs from the screen: selected_id(), _shown, refresh_articles(), app, notify()."""

    _shown: list[ArticleSummary]
    if TYPE_CHECKING:
        app: Any

        def selected_id(self) -> int | None: ...

        def refresh_articles(self) -> None: ...

        def notify(self, *args: Any, **kwargs: Any) -> None: ...

    def action_delete_selected(self) -> None:
        article_id = self.selected_id()
        if article_id is None:
            self.app.bell()
            return
        article = next(a for a in self._shown if a.id == article_id)
        n = article.highlights
        marks = f" and its {n} highlight{'s' if n != 1 else ''} (notes with them; {KEPT_NOTES})"
        message = f"Delete “{shorten(article.title, 60)}”{marks if n else ''}?"

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self.delete_article(article_id, article.title)

        self.app.push_screen(ConfirmDialog(message, title="Delete article"), answered)

    def delete_article(self, article_id: int, title: str) -> None:
        try:
            self.app.store.delete_article(article_id)  # type: ignore[attr-defined]
        except ReaderError as exc:
            self.notify(str(exc), title="Not deleted", severity="error", markup=False)
            return
        self.notify(f"Deleted “{shorten(title, 60)}”.", title="Library", markup=False)
        self.refresh_articles()
