"""The library: every article read so far, sortable and filterable; open, delete, add new ones."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import DataTable, Input, Static, TabbedContent, TabPane

from reader.errors import ReaderError
from reader.ui.library_columns import (
    COLUMN_BY_KEY,
    COLUMNS,
    Fit,
    arrange,
    cell_text,
    fit_columns,
    fixed_widths,
    notes_told,
    shorten,
)
from reader.ui.screens.library_delete import LibraryDeleting
from reader.ui.screens.library_loading import CANCEL_OPEN, SourceLoadingScreen
from reader.ui.screens.library_people import PeopleView, people_key
from reader.ui.screens.library_typing import ARTICLES, PEOPLE, LibraryTyping
from reader.ui.widgets.field import Field
from reader.ui.widgets.footer import FittingFooter

if TYPE_CHECKING:
    from reader.store import ArticleSummary

#: Actions on the articles table, off (and out of the footer) in the People tab.
ARTICLE_ACTIONS = frozenset({"delete_selected", "cycle_sort", "reverse_sort", "clear_filter",
                             "open_selected"})
EMPTY_TEXT = "Your library is empty.\n\nPress ctrl+o to open a file or a URL."
#: Seconds between looks for another window's change to the library (as the article screen's).
LOOK_AGAIN_EVERY = 3.0



class LibraryTable(DataTable[Any]):
    """The articles table; its enter binding is named so the footer shows how to open."""

    HELP_TITLE = "Library"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="library.table.open"),
    ]


class LibraryScreen(LibraryDeleting, LibraryTyping, SourceLoadingScreen):
    """The articles in the store, and (a tab) the people quoted in them. Talks to the store
    only through `self.app.store`. `tab` and `person` open it where it was left: the People
    tab at that person's quotes, after an article opened from there."""

    HELP_TITLE = "Library"
    #: Every printable key typed in the table goes to the filter, so no action is bound to a
    #: letter: they take control keys (and the table's header and the command palette sort).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_selected", "Open", show=False, id="library.open"),
        CANCEL_OPEN,  # shown only while a file or URL is being read
        # ? would go to the filter here: help is on F1 (as in many terminal programs).
        Binding("f1", "help", "Help", id="library.help", tooltip="List every key"),
        # The tabs and the filter before the rest: at 80 columns the footer keeps them whole and
        # leaves out the keys after the first that does not fit (Delete, Sort, Search texts:
        # all listed under f1).
        # priority: the filter field would take ctrl+e (cursor to the end) though the footer
        # offers it for the tabs; `end` still moves the field's cursor.
        Binding("ctrl+e", "switch_tab('people')", "People", id="library.people", priority=True,
                tooltip="The People tab: everyone quoted, and who is heard (or click the tab)"),
        Binding("ctrl+e", "switch_tab('articles')", "Articles", id="library.articles",
                priority=True, tooltip="Back to the Articles tab (or click the tab)"),
        Binding(
            "ctrl+o",
            "open_source",
            "Open file/URL",
            id="library.open_source",
            priority=True,  # run before keys typed after it reach the filter
            tooltip="Open a file or a URL (with path completion)",
        ),
        Binding(
            "slash",
            "focus_filter",
            "Filter",
            id="library.filter",
            priority=True,  # from the filter too: there it toggles to searching the texts
            tooltip="Filter by title or source; / again (empty filter) searches the texts",
        ),
        Binding(
            "ctrl+d",
            "delete_selected",
            "Delete",
            id="library.delete",
            priority=True,  # also from the filter box (where it would delete a character)
            tooltip="Delete the article under the cursor and its notes (asks first)",
        ),
        Binding(
            "delete",
            "delete_selected",
            "Delete",
            show=False,
            id="library.delete_key",
            tooltip="Delete the article under the cursor and its notes (asks first)",
        ),
        Binding(
            "ctrl+s",
            "cycle_sort",
            "Sort",
            id="library.sort",
            tooltip="Sort by the next column (or click a column's header)",
        ),
        Binding(
            "ctrl+r",
            "reverse_sort",
            "Reverse sort",
            show=False,
            id="library.reverse_sort",
            tooltip="Reverse the order of the sort",
        ),
        Binding("escape", "clear_filter", "Clear filter", id="library.clear_filter"),
        Binding("ctrl+f", "search_texts", "Search texts", id="library.search",
                tooltip="Search the texts, quotes and notes of every article (or / twice)"),
    ]

    def __init__(
        self, tab: str = ARTICLES, person: str | None = None,
        quote: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self._initial_tab = tab
        self._person = person
        self._quote = quote
        self._articles: list[ArticleSummary] = []
        self._shown: list[ArticleSummary] = []
        self._shown_for = ""  # the filter `_shown` was arranged for
        self.sort_key = "last_opened"
        self.descending = True
        self.loading_source: str | None = None
        #: Typing goes to the filter box (set on the first key, before focus has moved).
        self._filtering = False
        self._fit = fit_columns(120, fixed_widths([]))
        #: SQLite's count of other windows' commits when the library was last read.
        self._seen_version: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(getattr(self.app, "library_label", "Library")), id="library-title")
        with TabbedContent(id="library-tabs", initial=self._initial_tab):
            with TabPane("Articles", id=ARTICLES):
                yield Field(
                    placeholder="Type to filter by title or source",
                    id="library-filter",
                    select_on_focus=False,
                )
                yield LibraryTable(id="library-table", cursor_type="row", zebra_stripes=True)
                yield Static(Content(EMPTY_TEXT), id="library-empty")
                yield Static(id="library-status")
            with TabPane("People", id=PEOPLE):  # read when first shown
                yield PeopleView(person=self._person, quote=self._quote, id="people-view")
        yield FittingFooter()

    def on_mount(self) -> None:
        self._entered(self._initial_tab)
        # Another window may add, delete or restore an article while this one lists them.
        self.set_interval(LOOK_AGAIN_EVERY, self.look_again)

    # -- tabs -------------------------------------------------------------------------------

    @property
    def tab(self) -> str:
        return self.query_one(TabbedContent).active or ARTICLES

    @property
    def people_view(self) -> PeopleView:
        return self.query_one(PeopleView)

    def show_tab(self, tab: str) -> None:
        """Switch to a tab and focus its table (the People tab read the first time), at once:
        waiting for TabActivated would add a layout of the screen before it."""
        tabs = self.query_one(TabbedContent)
        if tabs.active != tab:
            # Nothing keeps the focus in the pane being hidden: Textual would pass it to the
            # next widget there, and the tabs, which follow the focus, would switch back.
            self.set_focus(None)
            tabs.active = tab  # TabActivated follows, and finds the focus in place
        self._entered(tab)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        self._entered(event.pane.id or ARTICLES)

    def _entered(self, tab: str) -> None:
        """Focus the tab's table at once (set_focus, not the deferred focus(): the tabs follow
        the focus, and a focus still pending for the other tab would switch back)."""
        pane = self.query_one(f"#{tab}", TabPane)
        if self.focused is not None and pane in self.focused.ancestors and not self._filtering:
            return  # the focus moved there first (a click): it stays where it is
        if tab == PEOPLE:
            self._filtering = False
            self.people_view.open()
        else:  # (a change of focus refreshes the footer's keys)
            self.set_focus(self.filter_input if self._filtering else self.table)

    def action_switch_tab(self, tab: str) -> None:
        self.show_tab(tab)

    def on_people_view_leave(self, event: PeopleView.Leave) -> None:
        event.stop()
        self.show_tab(ARTICLES)

    def on_people_view_open_quote(self, event: PeopleView.OpenQuote) -> None:
        event.stop()
        self.app.open_article(  # type: ignore[attr-defined]
            event.article_id, at=event.start, end=event.end,
            back=(PEOPLE, event.person, (event.article_id, event.start)))

    def on_screen_resume(self) -> None:
        self.refresh_articles()

    # -- data -------------------------------------------------------------------------------

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#library-table", DataTable)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#library-filter", Input)

    @property
    def shown(self) -> list[ArticleSummary]:
        """The rows on screen, in order."""
        return list(self._shown)

    def look_again(self) -> None:
        """Read the library again when another window wrote to it since the last read: a
        pragma every few seconds, the query only after such a write (as the article screen
        looks for other windows' notes). Without it, an article deleted or put back elsewhere
        stayed as it was here until the library was left and opened again."""
        if self._seen_version is None:
            return
        try:
            version = self.app.store.data_version()  # type: ignore[attr-defined]
        except ReaderError:
            return  # busy or gone: the next look tries again
        if version == self._seen_version:
            return
        before = self._articles
        try:
            self._articles = self.app.store.list_articles()  # type: ignore[attr-defined]
        except ReaderError:
            return  # not seen: the next look reads it again
        self._seen_version = version
        if self._articles != before:  # else nothing to redraw (another window's notes)
            self._render_table()
            self._reread_people(before)

    def refresh_articles(self) -> None:
        """Re-read the library from the store (after an article was read, added or deleted)."""
        before = self._articles
        try:
            self._seen_version = self.app.store.data_version()  # type: ignore[attr-defined]
            self._articles = self.app.store.list_articles()  # type: ignore[attr-defined]
        except ReaderError as exc:
            self.notify(str(exc), title="Library", severity="error", markup=False)
            self._articles = []
        self._render_table()
        self._reread_people(before)

    def _reread_people(self, before: list[ArticleSummary]) -> None:
        """People read again when articles came or went, were analysed again or retitled:
        not when one was only opened (its last-read date) or given a note."""
        if people_key(self._articles) != people_key(before):
            self.people_view.reread()

    def _render_table(self) -> None:
        table = self.table
        keep = self.selected_id()
        row = table.cursor_row
        self._shown_for = self.filter_input.value
        self._shown = arrange(self._articles, self._shown_for, self.sort_key, self.descending)
        table.clear(columns=True)
        fit = self._fit = fit_columns(self.size.width or 120, fixed_widths(self._articles))
        for column in fit.columns:
            label = column.label
            if column.key == self.sort_key:
                label += " ▼" if self.descending else " ▲"
            table.add_column(
                Text(label, justify="right" if column.numeric else "left"),
                key=column.key,
                width=fit.widths[column.key],
            )
        for article in self._shown:
            table.add_row(*self._cells(article, fit), key=str(article.id))
        gone = keep is not None and all(a.id != keep for a in self._articles)
        if keep is not None and not self.select_id(keep) and gone and self._shown:
            # Its row went (deleted in another window): the cursor stays at that place, on
            # the next row, rather than jumping to the top (filtered out: the top, as before).
            table.move_cursor(row=min(max(row, 0), len(self._shown) - 1))
        has_any = bool(self._articles)
        table.display = has_any
        self.filter_input.display = has_any
        self.query_one("#library-empty", Static).display = not has_any
        self._update_status()

    def on_resize(self) -> None:
        if self._articles:
            self._render_table()

    def _cells(self, article: ArticleSummary, fit: Fit) -> list[Text]:
        # Titles and sources are data: rich Text is never parsed as markup.
        cells: list[Text] = []
        for column in fit.columns:
            if column.key == "title":
                cells.append(Text(shorten(article.title, fit.widths["title"])))
            elif column.key == "source":
                source = shorten(article.source, fit.widths["source"], keep_end=True)
                cells.append(Text(source, style="dim"))
            else:
                justify = "right" if column.numeric else "left"
                cells.append(Text(cell_text(column.key, article), justify=justify))
        return cells

    def _update_status(self) -> None:
        total = len(self._articles)
        column = COLUMN_BY_KEY[self.sort_key]
        direction = "descending" if self.descending else "ascending"
        parts = [f"{total} article{'s' if total != 1 else ''}"]
        query = self.filter_input.value.strip()
        if query:
            n = len(self._shown)
            parts.append(f"{n} match{'es' if n != 1 else ''} for “{query}”")
        selected = self._selected()
        if selected is not None and selected.highlights > selected.notes:
            parts.append(notes_told(selected.notes, selected.highlights))
        parts.append(f"sorted by {column.label.lower()}, {direction}")
        if self.loading_source is not None:
            parts.append(f"opening {self.loading_source} …")
        elif not self._fit.shows("source") and selected is not None:
            # The Source column is hidden at this width.
            parts.append(shorten(selected.source, 48, keep_end=True))
        self.query_one("#library-status", Static).update(Content(" · ".join(parts)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._update_status()

    def _selected(self) -> ArticleSummary | None:
        article_id = self.selected_id()
        return next((a for a in self._shown if a.id == article_id), None)

    def selected_id(self) -> int | None:
        """The article under the table's cursor, if any."""
        table = self.table
        if not self._shown or table.row_count == 0:
            return None
        row = min(max(table.cursor_row, 0), len(self._shown) - 1)
        return self._shown[row].id

    def select_id(self, article_id: int) -> bool:
        """Put the cursor on the article's row; False when it is not shown."""
        for row, article in enumerate(self._shown):
            if article.id == article_id:
                self.table.move_cursor(row=row)
                return True
        return False

    # -- sorting and filtering ----------------------------------------------------------------

    def sort_by(self, key: str, descending: bool | None = None) -> None:
        """Sort by a column; the same column again flips the direction."""
        column = COLUMN_BY_KEY[key]
        if descending is None:
            descending = not self.descending if key == self.sort_key else column.descending_first
        self.sort_key = key
        self.descending = descending
        self._render_table()

    def action_cycle_sort(self) -> None:
        keys = [c.key for c in COLUMNS]
        following = keys[(keys.index(self.sort_key) + 1) % len(keys)]
        self.sort_by(following, COLUMN_BY_KEY[following].descending_first)

    def action_reverse_sort(self) -> None:
        self.sort_by(self.sort_key, not self.descending)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        if event.column_key.value in COLUMN_BY_KEY:
            self.sort_by(event.column_key.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "library-filter":
            event.stop()
            self._render_table()
            self.refresh_bindings()
            if self.table.row_count:
                self.table.move_cursor(row=0)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "library-filter":
            event.stop()
            self.action_open_selected()

    def action_focus_filter(self) -> None:
        """`/` focuses the filter; in the empty filter, it toggles to searching the texts."""
        if self.tab != ARTICLES:
            self._filtering = True  # the filter takes the focus as the tab opens
            self.show_tab(ARTICLES)
            return
        # `_filtering`: the filter is taking the focus (`//` in one burst: the second `/` came
        # before the focus moved, and opened the filter again rather than the search).
        if self.filter_input.has_focus or self._filtering:
            if self.filter_input.value:
                self.filter_input.insert_text_at_cursor("/")
            else:
                self.app.show_library_search()  # type: ignore[attr-defined]
            return
        self._filtering = True
        self.filter_input.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        try:
            in_people = self.tab == PEOPLE
        except NoMatches:
            in_people = False
        if action in ARTICLE_ACTIONS and in_people:
            return False
        if action == "switch_tab":  # ctrl+e names the other tab
            return parameters != ((PEOPLE if in_people else ARTICLES),)
        if action == "clear_filter":
            try:
                field = self.filter_input
            except NoMatches:
                return False
            return bool(field.value) or field.has_focus
        return super().check_action(action, parameters)

    def action_search_texts(self) -> None:
        self.app.show_library_search(self.filter_input.value)  # type: ignore[attr-defined]

    def action_clear_filter(self) -> None:
        self._filtering = False
        if self.filter_input.value:
            self.filter_input.value = ""
        self.table.focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is self.table:
            self._filtering = False

    # -- opening and deleting -----------------------------------------------------------------

    def _narrowed_now(self) -> bool:
        """The rows for the filter as typed (enter in its burst came before its change)."""
        if self._shown_for == self.filter_input.value:
            return False
        self._render_table()
        self.table.move_cursor(row=0)
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self._narrowed_now():
            self.action_open_selected()  # the top row of what the filter shows
        elif event.row_key.value is not None:
            self.app.open_article(int(event.row_key.value))  # type: ignore[attr-defined]

    def action_open_selected(self) -> None:
        self._narrowed_now()
        article_id = self.selected_id()
        if article_id is None:
            self.app.bell()
            return
        self.app.open_article(article_id)  # type: ignore[attr-defined]

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen, collect_bindings

        self.app.push_screen(HelpScreen(collect_bindings(self)))
