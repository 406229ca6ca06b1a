"""The side panel: tabs for Speakers, Entities and Notes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane, Tabs

from reader.ui.widgets.entities_panel import EntitiesPanel
from reader.ui.widgets.speaker_panel import SpeakerPanel

TABS = ("speakers", "entities", "notes")


def make_notes_panel() -> Widget:
    """The Notes tab's panel, imported when the tab is first built (it is not on the first
    frame's path)."""
    from reader.ui.widgets.notes_panel import NotesPanel

    return NotesPanel(id="notes-panel")


class SidePanelTabs(Vertical):
    def compose(self) -> ComposeResult:
        with TabbedContent(id="side-tabs", initial="speakers"):
            with TabPane("Speakers", id="speakers"):
                yield SpeakerPanel(id="speaker-panel")
            with TabPane("Entities", id="entities"):
                yield EntitiesPanel(id="entities-panel")
            with TabPane("Notes", id="notes"):
                yield make_notes_panel()

    def on_mount(self) -> None:
        # `tab` from the text goes straight to the open tab's list, where letters filter the
        # speakers; on the tab bar they fell through to the article's keys (h highlighted).
        # `t` and a click still switch tabs.
        self.query_one(Tabs).can_focus = False


class SidePanel(Vertical):
    """Hideable, resizable container; the screen sets its width.

    Its tabs are mounted by `build()` after the article's first paint, so the text is on
    screen before the panel's many widgets are styled and laid out.
    """

    async def build(self) -> None:
        if not self.children:
            await self.mount(SidePanelTabs(id="side-content"))

    @property
    def built(self) -> bool:
        return bool(self.children)

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#side-tabs", TabbedContent)

    def show_tab(self, tab: str) -> None:
        self.tabs.active = tab

    def focus_shown_list(self) -> None:
        """The shown tab's list takes the focus: `t` while a tab's list had it hid that list,
        leaving the focus nowhere, so no key moved either pane (found by a new user)."""
        pane = self.tabs.active_pane
        target = next((w for w in pane.query("*") if w.focusable), None) if pane else None
        if target is not None:
            target.focus()

    def next_tab(self) -> str:
        current = self.tabs.active or TABS[0]
        following = TABS[(TABS.index(current) + 1) % len(TABS)] if current in TABS else TABS[0]
        self.tabs.active = following
        return following
