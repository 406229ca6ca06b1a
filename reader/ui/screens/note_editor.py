"""The note editor: a modal with a multi-line editor for the note on one highlighted passage."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from time import monotonic
from typing import ClassVar, Protocol

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Static, TextArea

from reader.sanitize import inert, settle_widths
from reader.ui.textual_private import mark_forwarded
from reader.ui.widgets.note_area import NoteArea

#: How many words of a passage a notice names it by.
PASSAGE_WORDS = 12


def first_words(text: str, words: int = PASSAGE_WORDS) -> str:
    """The passage's first words on one line (a notice naming a passage)."""
    parts = inert(text, newlines=False).split()
    head = " ".join(parts[:words])
    return head + (" …" if len(parts) > words else "")


def quoted_words(text: str, words: int = PASSAGE_WORDS) -> str:
    """The passage's first words in quotation marks, not doubled where the passage is itself
    a quotation ("on “I need…”", not "on ““I need…")."""
    head = first_words(text, words)
    if not head or head[0] not in "“\"‘'":
        return f"“{head}”"
    # Its own opening mark: closed where it is cut short, else by its own closing mark.
    return head + ("”" if head.endswith("…") and "”" not in head else "")


#: Rows of the note's editor (the CSS's #note-text), and the fewest on a short screen.
NOTE_ROWS = 10
NOTE_MIN_ROWS = 3
#: The passage's box takes at most this share of the screen's rows (per cent).
PASSAGE_SHARE = 15
#: The editor quotes at most this many characters of the passage (a chapter highlighted whole
#: would be wrapped again at every frame); the rest is said to be cut.
PASSAGE_CHARS = 4_000


def passage_text(text: str, limit: int = PASSAGE_CHARS) -> str:
    """The passage whole, its paragraphs each on one (wrapped) line; past `limit`, its start
    and how much is left out. A new user took the first twelve words for the whole."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    whole = settle_widths(inert("\n".join(paragraphs)))
    if len(whole) <= limit:
        return whole
    cut = whole[:limit].rsplit(" ", 1)[0]
    return f"{cut} … [cut here: {len(whole) - len(cut):,} more characters]"


#: Saves the typed note; returns None when it is stored, else one sentence saying why not.
NoteSave = Callable[[str], "str | None"]

#: A line longer than this turns soft wrap off (scrolled sideways instead): Textual's TextArea
#: splits a wrapped line into all its rows again for every row it draws, so one 400 KB line
#: took 2-4 s a key; unwrapped, a key costs a pass or two over the line.
WRAP_LIMIT = 10_000

HINT = "ctrl+s save · escape keeps a draft"
#: The hint when there is room (a wrapped note, the passage whole): how a draft is discarded.
DISCARD_HINT = f"{HINT} (empty it to discard)"
UNWRAPPED_HINT = f"{HINT} · unwrapped: scroll ←→"


def wraps(lines: list[str]) -> bool:
    """Whether the editor may wrap these lines: none longer than WRAP_LIMIT."""
    return all(len(line) <= WRAP_LIMIT for line in lines)


#: Typing stops this long before the draft is written out (a write per key would be wasteful).
KEEP_DELAY = 0.4
#: ... but steady typing (or a held key) that never pauses that long is written out after at
#: most this long all the same, so a kill loses no more than the last second's keys.
KEEP_MAX_WAIT = 1.0


class DraftKeeper(Protocol):
    """Keeps the typed text outside the editor (``reader.drafts``) until it is stored."""

    def keep(self, text: str) -> None: ...

    def clear(self) -> None: ...


class NoteEditor(ModalScreen[str | None]):
    """Edit the note on a passage; dismisses with the text on save, None on cancel.

    The typed text lives in the TextArea for the whole life of the modal, so nothing is lost
    while it is open. With `saver`, ctrl+s stores the note before closing, and a save that fails
    (a locked database, a full disk) leaves the editor open with the text and the reason shown.
    """

    HELP_TITLE = "Note editor"
    #: Not a key of its own, so the help says it (a new user did not know how to drop a draft).
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("escape", "On an emptied note: close and discard its draft (x on its card does too)"),
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: keys typed just before ctrl+s must reach the editor first.
        Binding("ctrl+s", "save", "Save note", id="note.save"),
        Binding("escape", "cancel", "Close (draft kept)", id="note.cancel"),
        Binding("ctrl+down", "scroll_passage(1)", "Scroll passage", show=False,
                id="note.passage_down", tooltip="Scroll the passage quoted above the note"),
        Binding("ctrl+up", "scroll_passage(-1)", "Scroll passage", show=False,
                id="note.passage_up"),
    ]

    def __init__(
        self,
        passage: str,
        note: str = "",
        *,
        heading: str = "Note",
        saver: NoteSave | None = None,
        keeper: DraftKeeper | None = None,
        draft: str | None = None,
    ) -> None:
        super().__init__()
        self.passage = passage
        self.note = note
        self.heading = heading
        self.saver = saver
        self.keeper = keeper
        #: What the editor opens with when it is not the stored note: a kept draft.
        self.draft = draft
        self._keep_timer: Timer | None = None
        self._keep_since = 0.0
        #: Set when a save failed: the text is not stored anywhere yet.
        self.unsaved = False
        #: Keys typed before the text area had the focus, replayed into it at mount.
        self._early: list[events.Key] = []
        self._ready = False
        #: The passage is longer than its box (the hint says how to scroll it).
        self._passage_scrolls = False

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            yield Static(Content(self.heading), id="note-heading", classes="dialog-title")
            # Article text is data: a Content object is never parsed as markup. The passage is
            # shown whole, scrolled (ctrl+↑↓, the wheel) when it is longer than its few rows.
            with VerticalScroll(id="note-passage-box", can_focus=False):
                yield Static(Content(passage_text(self.passage)), id="note-passage")
            shown = self.note if self.draft is None else self.draft
            wrap = wraps(shown.split("\n"))
            yield NoteArea(shown, id="note-text", soft_wrap=wrap, show_line_numbers=False)
            yield Static("", id="note-error", markup=False)
            yield Static(
                Content(DISCARD_HINT if wrap else UNWRAPPED_HINT),
                id="note-hint",
                classes="dialog-hint",
            )
        from reader.ui.widgets.footer import FittingFooter  # not before the first frame

        yield FittingFooter()  # its own keys, not the screen's below (q quit, h…)

    def action_scroll_passage(self, step: int) -> None:
        box = self.query_one("#note-passage-box", VerticalScroll)
        box.scroll_to(y=box.scroll_y + step * max(1, box.scrollable_content_region.height - 1),
                      animate=False)

    def _fit_passage(self) -> None:
        """The passage's box as tall as the passage, up to PASSAGE_SHARE of the screen's rows
        (set here: sized by CSS alone, the dialog took the uncapped height, blank below)."""
        rows = self.query_one("#note-passage", Static).outer_size.height
        cap = max(1, self.app.size.height * PASSAGE_SHARE // 100)
        box = max(1, min(rows, cap))
        self.query_one("#note-passage-box", VerticalScroll).styles.height = box
        self._passage_scrolls = rows > cap
        hint = self._show_hint()
        self._fit_note(box, hint)

    def _fit_note(self, box: int, hint: str) -> None:
        """The note's rows: NOTE_ROWS, fewer on a short screen so that the hint (the keys,
        that the passage goes on) stays inside the dialog: at 60×18 it was cut off below ten
        rows of note."""
        screen = self.app.size
        dialog = self.query_one("#note-dialog")
        # The dialog's own limits (the .dialog rule: 90% of the rows above the footer).
        tallest = (screen.height - 1) * 9 // 10
        inner = dialog.content_region.width or min(80, screen.width * 9 // 10) - 6
        hint_rows = len(textwrap.wrap(hint, max(10, inner))) or 1
        # Border 2, the heading and its margin 2, the box and its margin, the hint's margin.
        around = 2 + 2 + box + 1 + 1 + hint_rows
        self.query_one("#note-text", TextArea).styles.height = max(
            NOTE_MIN_ROWS, min(NOTE_ROWS, tallest - around))

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_passage)

    def _show_hint(self) -> str:
        """The keys, that a long line is unwrapped, and that the passage goes on below its rows
        (and how to read the rest)."""
        area = self.query_one("#note-text", TextArea)
        hint = HINT if area.soft_wrap else UNWRAPPED_HINT
        if self._passage_scrolls:
            hint += " · the passage goes on: ctrl+↑↓ scroll the passage"
        elif area.soft_wrap:
            hint = DISCARD_HINT
        self.query_one("#note-hint", Static).update(Content(hint))
        return hint

    def on_mount(self) -> None:
        self.call_after_refresh(self._fit_passage)
        # And whenever the passage is laid out again: measured once after the first refresh,
        # on the first editor of a session in a real terminal it could still be one row high
        # (the box's CSS height) and stayed so, the passage cut after its first line.
        self.watch(self.query_one("#note-passage", Static), "virtual_size",
                   lambda _size: self._fit_passage(), init=False)
        area = self.query_one("#note-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        self._ready = True
        early, self._early = self._early, []
        for key in sorted(early, key=lambda k: k.time):  # stable: the order they were typed
            self._replay(key)

    def take_key(self, event: events.Key) -> None:
        """A key typed after the one that opened the editor but delivered before the editor
        had the focus (to the article, still focused when the key left the terminal, or to this
        screen before its text area was mounted): it reaches the text area, in order, so the
        first words of a note typed at once are never dropped."""
        event.stop()
        event.prevent_default()
        if self._ready:
            self._replay(event)
        else:
            self._early.append(event)

    def _replay(self, event: events.Key) -> None:
        """Deliver the key to the text area as the app would have: a printable key or enter
        is typed there; any other (ctrl+s, escape) then bubbles to this screen's bindings."""
        key = events.Key(event.key, event.character)
        key.time = event.time
        key.set_sender(self.app)
        mark_forwarded(key)  # as the app's own delivery: it is not delivered a second time
        self.query_one("#note-text", TextArea).post_message(key)

    def on_key(self, event: events.Key) -> None:
        """Keys reach the screen itself only when the text area did not take them: before it
        had the focus, or sent to the screen before it was mounted."""
        if not self._ready or event.is_printable or event.key == "enter":
            self.take_key(event)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Typed text goes to the draft file soon after typing pauses, so a crash or a kill
        loses at most the last moment's keys."""
        self._fit_wrap(event.text_area)
        if self.keeper is None:
            return
        now = monotonic()
        if self._keep_timer is None:
            self._keep_since = now  # the first key not written out yet
        elif now - self._keep_since >= KEEP_MAX_WAIT:
            return  # keys kept coming: the timer set is left to fire
        else:
            self._keep_timer.stop()
        self._keep_timer = self.set_timer(KEEP_DELAY, self.keep_draft)

    def _fit_wrap(self, area: TextArea) -> None:
        """Soft wrap off while a line is longer than WRAP_LIMIT, on again when none is; the
        hint says so. The text itself is never changed."""
        wrap = wraps(area.document.lines)
        if wrap != area.soft_wrap:
            area.soft_wrap = wrap
            self._show_hint()

    @property
    def changed(self) -> bool:
        """True when the editor holds text that is not stored: typed, or a failed save's."""
        return self._differs(self.text)

    def _differs(self, text: str) -> bool:
        """Whether `text` in the editor would be words not stored."""
        return self.unsaved or text.rstrip() != self.note.rstrip()

    def keep_draft(self, *, crashed: bool = False) -> bool:
        """Write the draft now: the typed text when it differs from the stored note, else
        nothing (an empty or unchanged note has nothing to keep); whether there was text to
        keep. After a crash the keys gathered are added without editing the widget, which
        may be what failed."""
        if self._keep_timer is not None:
            self._keep_timer.stop()
            self._keep_timer = None
        if self.keeper is None:
            return False
        area = self.query_one("#note-text", NoteArea)
        text = area.text_as_typed if crashed else self.text
        if text.strip() and self._differs(text):
            self.keeper.keep(text)
            return True
        self.keeper.clear(stored=False)
        return False

    @property
    def text(self) -> str:
        """What is in the editor now, keys typed a moment ago included."""
        return self.query_one("#note-text", NoteArea).typed_text

    def action_save(self) -> None:
        """Store (when given `saver`) and return the note as typed (trailing blank lines
        dropped); when storing fails, stay open with the text."""
        if self._store(self.text.rstrip()):
            self.dismiss(self.text.rstrip())

    def store_typed(self) -> bool:
        """On quit: store what was typed, if anything; False (and the reason shown) when that
        failed, so the app stays open rather than lose it."""
        text = self.text.rstrip()
        return text == self.note.rstrip() or self.saver is None or self._store(text)

    def _store(self, text: str) -> bool:
        if self.saver is not None:
            error = self.saver(text)
            if error is not None:
                self.unsaved = True
                shown = self.query_one("#note-error", Static)
                shown.update(Content(f"Not saved: {error} ctrl+s tries again."))
                shown.display = True
                return False
        self.unsaved = False
        if self._keep_timer is not None:
            self._keep_timer.stop()
            self._keep_timer = None
        if self.keeper is not None:
            self.keeper.clear()
        return True

    def action_cancel(self) -> None:
        self.keep_draft()
        self.dismiss(None)
