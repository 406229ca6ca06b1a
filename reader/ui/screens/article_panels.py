"""The article screen's side panel and layers: speaker and entity colours, rebuilding the panel's
tabs when the analysis or the theme changes, the keys that show, hide and size the panel and
the layers, the legend and the help.

A mixin of ArticleScreen, kept apart so each file has one job. It is a Screen only so that its
handlers join the screen's (Textual gathers them from DOM classes alone); it has no widgets
and no keys: the bindings stay with the screen.
"""

from __future__ import annotations

from textual import on
from textual.color import Color
from textual.screen import Screen
from textual.widgets import TabbedContent

from reader.ui.notice import NOTICE_SECONDS
from reader.ui.panel_size import (
    COLLAPSE_BELOW,
    PANEL_STEP,
    cramped,
    panel_bounds,
    panel_width_for,
)
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.speaker_panel import speaker_order


class PanelActions(Screen[None]):
    """Colours, the panel's tabs, the layers and the panel's keys."""

    @property
    def dark(self) -> bool:
        return self.app.current_theme.dark

    def speaker_colors(self) -> dict[int, Color]:
        from reader.ui.palette import speaker_color

        return {slot: speaker_color(slot, self.dark) for slot in self.slots.values()}

    def neutral_color(self) -> Color:
        """Card colour of the Unattributed card: a grey that reads on both themes."""
        return Color(150, 150, 150) if self.dark else Color(110, 110, 110)

    def entity_color(self, label: str) -> Color | None:
        from reader.ui.palette import entity_color

        return entity_color(label, self.dark)

    def _refresh_panels(self) -> None:
        """Rebuild the panel on show; the hidden one is rebuilt when its tab is opened."""
        self._stale_tabs = {"speakers", "entities"}
        self._refresh_tab(self.side.tabs.active if self.side.built else "")

    def _refresh_tab(self, tab: str) -> None:
        analysis = self.analysis
        if analysis is None or tab not in self._stale_tabs:
            return
        self._stale_tabs.discard(tab)
        if tab == "speakers":
            self.speaker_panel.set_analysis(analysis, self.speaker_colors(), self.neutral_color())
        elif tab == "entities":
            from reader.ui.entity_names import listed_entities  # as a reader would list them

            self.entities_panel.set_entities(
                listed_entities(analysis.entities, self.view.text), self.entity_color)

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._refresh_tab(event.pane.id or "")
        if event.pane.id == "notes":
            self.refresh_drafts()  # type: ignore[attr-defined]  # another window's, as they are now
            self.refresh_annotations()  # type: ignore[attr-defined]  # and its stored notes

    def _theme_changed(self) -> None:
        self._refresh_panels()
        self._refresh_notes()

    def action_toggle_quotes(self) -> None:
        view = self.view
        view.show_quotes = not view.show_quotes
        self.set_info("quotes shown" if view.show_quotes else "quotes hidden")

    def action_toggle_entities(self) -> None:
        view = self.view
        view.show_entities = not view.show_entities
        self.set_info("entities shown" if view.show_entities else "entities hidden")

    def action_toggle_panel(self) -> None:
        if self.size.width < COLLAPSE_BELOW:
            self.set_info("the window is too narrow for the panel")
            return
        if cramped(self.size.width):
            # The panel gives way in a narrow window: p shows it there, and hides it again,
            # without changing what a wide window remembers.
            shown = self.side.display
            if shown:
                self.panel_asked = False
                self._apply_panel_layout()
            else:
                self._show_panel()
            self.set_info("panel hidden (p shows it)" if shown else
                          "panel shown: the window is narrow, p hides it")
            return
        self.panel_visible = not self.panel_visible
        self.panel_asked = False  # hidden or shown here: a narrow window starts from hidden
        if not self.panel_visible and self.side.has_focus_within:
            self.view.focus()

    def _show_panel(self) -> None:
        """Show the panel: in a cramped window only asked for there (it otherwise gives way),
        so what a wide window remembers (panel_visible, saved in the settings) stays as it is."""
        if self.size.width < COLLAPSE_BELOW:
            return  # no room for it at all: nothing to show, nothing to remember
        if cramped(self.size.width):
            self.panel_asked = True
            self._apply_panel_layout()
        elif not self.panel_visible:
            self.panel_visible = True
        else:
            self._apply_panel_layout()

    def action_resize_panel(self, direction: int) -> None:
        """Widen or narrow the panel by a step; at a limit, or when the window has no room for
        the panel, say so rather than do nothing."""
        width = self.size.width
        if width < COLLAPSE_BELOW:
            self.notify(
                f"The window is too narrow for the panel (it needs {COLLAPSE_BELOW} columns).",
                timeout=NOTICE_SECONDS,
            )
            return
        if not self.side.display:
            self._show_panel()  # showing it is the visible change
            return
        narrowest, widest = panel_bounds(width)
        current = panel_width_for(width, self.panel_width, self.panel_at)
        target = max(narrowest, min(widest, current + direction * PANEL_STEP))
        if target == current:
            # Why, in one sentence (a new user at 80 columns read "32 columns" and nothing
            # changed): the text keeps its room, and what to do instead.
            limit = (
                f"as wide as {width} columns allow ({widest}): the text keeps "
                f"{width - widest} beside it; p hides the panel, a wider window widens it"
                if direction > 0
                else f"at its narrowest ({narrowest} columns)"
            )
            self.notify(f"The panel is {limit}.", timeout=NOTICE_SECONDS)
            return
        self.panel_at = width  # before the width: its watcher remembers both
        if self.panel_width == target:
            # The width stored, chosen in another window: no change for the watchers to see,
            # so they are made to run (the layout applied, the window remembered).
            self.mutate_reactive(type(self).panel_width)
        else:
            self.panel_width = target
        at_limit = " (the widest this window allows)" if target == widest else ""
        self.set_info(f"panel {target} columns{at_limit}")

    def action_next_tab(self) -> None:
        if not self.side.built:
            return
        if not self.side.display:
            self._show_panel()
        in_panel = self.focused is not None and self.side in self.focused.ancestors_with_self
        self.side.next_tab()
        if in_panel:
            self.call_after_refresh(self.side.focus_shown_list)

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen, collect_bindings

        self.app.push_screen(HelpScreen(collect_bindings(self)))

    def action_legend(self) -> None:
        from reader.ui.palette import (
            DARK_BACKGROUND,
            LIGHT_BACKGROUND,
            highlight_color,
            muted_speaker,
            readable,
            speaker_color,
            speaker_tint,
            unattributed_tint,
        )
        from reader.ui.screens.legend import Legend, LegendScreen

        system = self.app.console.color_system
        speakers: list[tuple[str, Color, Color]] = []
        if self.analysis is not None:
            for sp in speaker_order(self.analysis):
                slot = self.slots[sp.name]
                tint = speaker_tint(slot, self.dark, system=system)
                speakers.append((sp.name, speaker_color(slot, self.dark), tint))
        labels = sorted({e.label for e in self.analysis.entities}) if self.analysis else []
        if not labels:
            labels = ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"]
        entity_colors: list[tuple[str, Color]] = []
        for label in labels:
            color = self.entity_color(label)
            if color is not None:
                entity_colors.append((label, color))
        highlights = [(n, highlight_color(n, self.dark)) for n in range(1, 6)]
        # Unattributed is explained only where some quote is (before the analysis, in case).
        anonymous = self.analysis is None or any(q.speaker is None for q in self.analysis.quotes)
        unattributed = unattributed_tint(self.dark) if anonymous else None
        # A guess looks like its speaker's quote, paler; shown in the first guessed speaker's.
        quotes = self.analysis.quotes if self.analysis is not None else []
        guess = next((q for q in quotes if q.uncertain), None)
        guessed = None
        if guess is not None and guess.speaker in self.slots:
            page = DARK_BACKGROUND if self.dark else LIGHT_BACKGROUND
            text = Color(224, 224, 224) if self.dark else Color(20, 20, 20)
            back, fore = muted_speaker(
                self.slots[guess.speaker], self.dark, page, text, system
            )
            guessed = (back, readable(fore, back))
        self.app.push_screen(
            LegendScreen(Legend(speakers, unattributed, guessed, entity_colors, highlights))
        )

    # -- chapters and outline ------------------------------------------------------------------

    def action_outline(self) -> None:
        """The headings and chapters, the current one highlighted, to jump to."""
        from reader.ui.screens.outline import OutlineScreen

        view = self.view
        headings = view.headings
        if not headings:
            self.set_info("no headings or chapters in this text")
            return
        here = view.cursor_span[0]
        current = max((i for i, h in enumerate(headings) if h.start <= here), default=None)

        def chosen(heading: object) -> None:
            if heading is not None:
                view.go_to_heading(heading)  # type: ignore[arg-type]
                view.focus()

        self.app.push_screen(OutlineScreen(headings, current), chosen)

    @on(ArticleView.HeadingReached)
    def _heading_reached(self, event: ArticleView.HeadingReached) -> None:
        wrapped = ""
        if event.wrapped:  # in the status line, as vim's "search hit BOTTOM" is
            wrapped = f"wrapped to the {'first' if event.index == 0 else 'last'} heading · "
        self.set_info(f"{wrapped}{event.title} · {event.index + 1} of {event.count}")
