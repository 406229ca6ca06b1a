"""Before quitting: say what is typed and not stored, once, rather than quit silently.

Quitting never loses words: an open editor's note is stored on the way out and kept drafts stay
in their file. But a reader who pressed q (or ctrl+q) with a note half typed, or with drafts
waiting, was not told where the words went. The first quit says so and stays; a second quit
within WINDOW seconds leaves as before.
"""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

#: A second quit within this many seconds of the notice leaves.
WINDOW = 30.0


def unsaved_notice(app: App[object]) -> str | None:
    """One sentence on the words quitting would leave unstored or as drafts, or None."""
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.screens.note_editor import NoteEditor, quoted_words

    editors = [s for s in app.screen_stack if isinstance(s, NoteEditor) and s.changed]
    if editors:
        where = quoted_words(editors[-1].passage, 6)
        if not editors[-1].text.strip():  # a stored note whose words were all deleted
            return (
                f"Your note on {where} has no words left: removing all words deletes the "
                f"note. Escape keeps it as it was. Quit again to delete it and quit."
            )
        return (
            f"Your note on {where} is not stored yet: ctrl+s stores it, escape keeps it as a "
            f"draft. Quit again to store it and quit."
        )
    drafts = [
        d
        for s in app.screen_stack
        if isinstance(s, ArticleScreen)
        for k, d in s.note_drafts.items()
        # memory-only drafts have a warning of their own; undone words are the reader's choice
        if d.text.strip() and k not in s.memory_only_drafts and k not in s.undone_drafts
    ]
    if not drafts:
        return None
    first = quoted_words(drafts[0].passage, 6)  # one pair of marks on a quotation
    if len(drafts) == 1:
        return (
            f"1 unsaved note waits as a draft, on {first}: kept for next time "
            f"(n on the passage, then ctrl+s, stores it). Quit again to leave."
        )
    return (
        f"{len(drafts)} unsaved notes wait as drafts, on {first} and {len(drafts) - 1} more "
        f"passage{'s' if len(drafts) > 2 else ''}: kept for next time (the Notes tab lists "
        f"them; n on a passage, then ctrl+s, stores one). Quit again to leave."
    )


class QuitCheck:
    """Remembers the notice given, so that the same quit asked again leaves."""

    def __init__(self) -> None:
        self._told: tuple[str, float] | None = None

    def may_quit(self, app: App[object]) -> bool:
        """True when nothing typed is unstored, or the reader was told and quits again."""
        notice = unsaved_notice(app)
        if notice is None:
            return True
        told, self._told = self._told, (notice, monotonic())
        if told is not None and told[0] == notice and monotonic() - told[1] <= WINDOW:
            return True
        app.notify(notice, title="Not quit yet", severity="warning", timeout=15, markup=False)
        say = getattr(app.screen, "set_info", None)  # the status line, where keys' answers go
        if callable(say):
            # Short enough for 80 columns: the toast names the passage.
            what = notice.split(":")[0].split(", on ")[0]
            say(f"not quit yet: {what} · quit again to leave")
        return False
