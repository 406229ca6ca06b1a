"""Leaving the reader: quit (after saying what is typed and not stored), a hang-up or stop
signal, and the notes typed meanwhile. Kept apart from ReaderApp's wiring of screens and
store (ReaderApp derives from it), so that app.py stays under the 500-line limit."""

from __future__ import annotations

from textual.app import App


class Leaving(App[None]):
    """How ReaderApp leaves: every way out keeps the words typed and the reading position."""

    #: Set once the terminal hung up or a stop signal came (the app is leaving).
    _stopping: bool

    def _save_pending(self) -> None:
        """The app's: save a start document not saved yet (ReaderApp)."""

    async def _check_terminal(self, fd: int) -> None:
        """Quit, keeping the reading position, once the terminal has hung up."""
        from reader.ui.hangup import terminal_gone

        if terminal_gone(fd):
            self._told_to_stop(0)

    def _told_to_stop(self, _signum: int) -> None:
        """The terminal hung up, or SIGHUP/SIGTERM came: notes being typed go to their draft
        files at once (the pause that writes them may not have come yet), are stored when they
        can be (nobody is left to answer), and the reading position is saved."""
        if self._stopping:
            return
        self._stopping = True
        self._keep_typed_notes()
        self._save_open_notes()
        from reader.ui.screens.article import ArticleScreen

        for screen in self.screen_stack:
            if isinstance(screen, ArticleScreen):
                screen.store_drafts_in_memory()  # and spills what cannot be stored
        self._leave()

    def _spill_drafts_in_memory(self) -> None:
        """A crash: drafts only a window holds go to a spill file (reader.draft_spill)."""
        from reader.ui.screens.article import ArticleScreen

        for screen in self.screen_stack:
            if isinstance(screen, ArticleScreen):
                screen.spill_drafts_in_memory()

    def _keep_typed_notes(self, *, crashed: bool = False) -> bool:
        """Every open note editor's text to its draft file now, not after typing pauses;
        whether any had words to keep."""
        from reader.ui.screens.note_editor import NoteEditor

        kept = False
        for screen in self.screen_stack:
            if isinstance(screen, NoteEditor):
                kept = screen.keep_draft(crashed=crashed) or kept
        return kept

    async def action_quit(self) -> None:
        """Save the reading position, and a note being typed, before leaving (the store closes
        after run()). When that note cannot be stored, stay: its editor says why. Words not
        stored yet are named first (quit_check), and a second quit leaves."""
        from reader.ui.quit_check import QuitCheck

        self._quit_check = getattr(self, "_quit_check", None) or QuitCheck()
        if not self._quit_check.may_quit(self):
            return
        if self._save_open_notes() and self._drafts_kept():
            self._leave()

    def _drafts_kept(self) -> bool:
        """False (each window saying why) while a window holds drafts only in its memory: the
        draft file cannot take them, and quitting would lose them. A second quit leaves."""
        from reader.ui.screens.article import ArticleScreen

        return all(
            screen.may_leave("Quitting") for screen in self.screen_stack
            if isinstance(screen, ArticleScreen)
        )

    def _save_open_notes(self) -> bool:
        from reader.ui.screens.note_editor import NoteEditor

        return all(
            screen.store_typed() for screen in self.screen_stack if isinstance(screen, NoteEditor)
        )

    def _leave(self) -> None:
        from contextlib import suppress

        from reader.errors import ReaderError
        from reader.ui.screens.article import ArticleScreen

        with suppress(ReaderError):  # the store cannot be opened: the app stops, saying why
            self._save_pending()

        for screen in self.screen_stack:
            if isinstance(screen, ArticleScreen):
                screen.save_position()
        self.exit()
