"""The article screen's escape: one level back at a time, and the library only on a second.

Escape closes the search, returns the focus from the panel to the text, lets go of the quote
or note jumped to and of what `h` just highlighted. Once nothing is left to close, the first
escape says "escape again for the library" and only the next one leaves: a new user closed the
search bar with escape, pressed it once more and found the library (in a window opened with
`reader FILE`), the keys that followed typed into its filter. Any other key in between starts
over. A mixin of ArticleScreen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

#: What the status line says when the next escape leaves the article.
AGAIN = "escape again for the library"

if TYPE_CHECKING:
    from textual.message import Message

    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.search_bar import SearchBar
    from reader.ui.widgets.side_panel import SidePanel


class EscapeBack:
    """Needs from the screen: search_bar, side, view, set_info, may_leave, save_position,
    post_message and BackToLibrary; on_key sets `_leave_armed` False on any other key."""

    _leave_armed: bool = False
    _just_highlighted: bool

    if TYPE_CHECKING:
        search_bar: SearchBar
        side: SidePanel
        view: ArticleView
        BackToLibrary: type[Message]

        def set_info(self, text: str) -> None: ...

        def may_leave(self, again: str) -> bool: ...

        def save_position(self) -> None: ...

        def post_message(self, message: Message) -> bool: ...

    def _back_said(self, text: str) -> None:
        """Say what this escape did; when that ends with AGAIN, the next escape leaves."""
        self.set_info(text)
        self._leave_armed = text.endswith(AGAIN)

    def action_back(self) -> None:
        """One level back, as in less and lazygit (the view's own escape clears a selection
        first); the library only on the escape after one that said AGAIN."""
        if self.search_bar.display or self.view.match_count:  # (closed by enter: its marks)
            self.search_bar.action_close()  # says where the search went: the next escape warns
            self._leave_armed = False
            return
        if self.side.display and self.side.has_focus_within:
            self.view.focus()
            if self.view.focused_span is not None:  # two more escapes: say so, not one
                self._back_said("back to the text · escape lets go of the mark, then the library")
            else:
                self._back_said(f"back to the text · {AGAIN}")
            return
        if self.view.focused_span is not None:
            self.view.clear_focus()
            self._back_said(f"mark let go · {AGAIN}")
            return
        if self._just_highlighted or not self._leave_armed:
            self._just_highlighted = False
            self._back_said(AGAIN)
            return
        if not self.may_leave("escape"):
            return
        self.save_position()
        self.post_message(self.BackToLibrary())
