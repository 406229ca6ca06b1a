"""The draft file as the article screen uses it: failures reported, never raised."""

from __future__ import annotations

import contextlib

from reader.drafts import Draft, DraftBox


class SafeBox:
    """A DraftBox whose failures are reported, never raised: a draft that cannot be written to
    the file still lives in the window, and the editor keeps working."""

    def __init__(self, box: DraftBox) -> None:
        self.box = box

    def of_article_safely(self, article: int, added: str) -> list[Draft]:
        try:
            return self.box.of_article(article, added)
        except OSError:
            return []

    def of_article_or_none(self, article: int, added: str) -> list[Draft] | None:
        """The article's drafts, or None when the file could not be read (a passing error, or
        a damaged file just moved aside): not the same as a file without them."""
        try:
            drafts = self.box.of_article(article, added)
        except OSError:
            return None
        return None if self.box.damaged else drafts

    def of_text_or_source_safely(self, digest: str, source: str, text: str) -> list[Draft]:
        try:
            return self.box.of_text_or_source(digest, source, text)
        except OSError:
            return []

    def keep(self, draft: Draft) -> str | None:
        try:
            self.box.keep(draft)
        except OSError as exc:
            return exc.strerror or str(exc)
        return None

    def drop(self, article: int, key: str, owner: str = "") -> None:
        with contextlib.suppress(OSError):
            self.box.drop(article, key, owner)

    def spill(self, drafts: list[Draft]) -> bool:
        """The last resort on leaving (DraftBox.spill): whether the drafts were written."""
        try:
            self.box.spill(drafts)
        except OSError:
            return False
        return True
