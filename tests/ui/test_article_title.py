"""`T` gives an article a title of the reader's own: a text file's title is its first line (a
new user's "EDITOR NOTE:" line became the title and the export's heading). The real app on a
real database, the analysis cached (no model)."""

from __future__ import annotations

from textual.widgets import Input

from reader.analysis.model import ENGINE_VERSION, Analysis
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store, text_hash
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.title_dialog import TitleDialog
from tests.ui.conftest import wait_for_analysis

TEXT = "EDITOR NOTE: This story has been updated.\n\nMayor quits over budget\n\nShe left.\n"


async def test_t_sets_the_title_in_the_header_and_the_library(store: Store) -> None:
    store.cache_analysis(text_hash(TEXT), model_id(None), ENGINE_VERSION, Analysis())
    path = "/home/ana/news/2024/europe/politics/editor-note-story.txt"
    doc = Document(title="EDITOR NOTE: This story has been updated.", source=path, text=TEXT)
    app = ReaderApp(store=store, document=doc)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        # 80 columns: the title whole first, the path cut from its left (the file name kept).
        assert screen.query_one("#header-title").region.width >= len(doc.title)
        source = str(screen.query_one("#header-source").content)
        assert source.startswith("…") and source.endswith("/politics/editor-note-story.txt")
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, TitleDialog)
        await pilot.press(*"Mayor quits", "enter")  # the old title selected: typing replaces it
        await pilot.pause()
        assert app.screen is screen
        assert str(screen.query_one("#header-title").content) == "Mayor quits"
        assert str(screen.query_one("#header-source").content) == path  # room for it now
        assert screen.record.title == "Mayor quits"  # what `Y` exports under
        assert store.get_article(screen.record.id).title == "Mayor quits"
        # Escape cancels, and what was typed comes back with the next T (never thrown away).
        await pilot.press("T", *"Mayor", "escape")
        await pilot.pause()
        assert store.get_article(screen.record.id).title == "Mayor quits"
        await pilot.press("T")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "Mayor"
        await pilot.press("escape")


async def test_u_puts_the_title_back(store: Store) -> None:
    """A new user's T replaced the wrong article's title (the library had re-sorted under
    them) and nothing could undo it: the status line names the old title and `u` puts it back,
    as the file's own title again (it follows the file's changes, not frozen as the reader's)."""
    store.cache_analysis(text_hash(TEXT), model_id(None), ENGINE_VERSION, Analysis())
    guess = "EDITOR NOTE: This story has been updated."
    app = ReaderApp(store=store, document=Document(title=guess, source="/n/t.txt", text=TEXT))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("T", *"Mayor quits", "enter")
        await pilot.pause()
        said = str(screen.query_one("#status-info").content)
        assert "u puts back “EDITOR NOTE" in said, said
        await pilot.press("u")
        await pilot.pause()
        row = store.db.execute("SELECT title, title_set FROM articles WHERE id = ?",
                               [screen.record.id]).fetchone()
        assert tuple(row) == (guess, 0)
        assert str(screen.query_one("#header-title").content) == guess
        assert screen.record.title == guess


async def test_enter_unchanged_saves_nothing_and_a_draft_outlives_the_screen(
    store: Store,
) -> None:
    """T then enter with the title as it was marked the first line's guess as the reader's own
    (title_set), frozen against the file's changes; an escaped title lived only as long as
    the article screen: leaving the article and opening it again lost it."""
    store.cache_analysis(text_hash(TEXT), model_id(None), ENGINE_VERSION, Analysis())
    guess = "EDITOR NOTE: This story has been updated."
    app = ReaderApp(store=store, document=Document(title=guess, source="/n/m.txt", text=TEXT))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        article_id = screen.record.id
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        row = store.db.execute("SELECT title, title_set FROM articles WHERE id = ?",
                               [article_id]).fetchone()
        assert tuple(row) == (guess, 0)
        await pilot.press("T", *"Budget", "escape")
        await pilot.pause()
        await pilot.press("escape", "escape")  # to the library (the first says so): the
        await pilot.pause()  # article screen goes
        assert not isinstance(app.screen, ArticleScreen)
        app.open_article(article_id)
        await wait_for_analysis(pilot)
        assert app.screen is not screen and isinstance(app.screen, ArticleScreen)
        await pilot.press("T")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "Budget"
        await pilot.press("escape")


async def test_a_changed_file_opened_again_shows_the_readers_title(store: Store) -> None:
    """The file changed and is read again (ctrl+o, or the start document): the text is shown
    before it is saved, under its first line; once saved the header takes the library's
    title, the reader's own (it showed the first line while the library kept the set one)."""
    guess = "EDITOR NOTE: This story has been updated."
    first = store.save_article(Document(title=guess, source="/n/m.txt", text=TEXT))
    store.set_title(first.id, "Mayor quits")
    changed = TEXT + "\nA later paragraph.\n"
    store.cache_analysis(text_hash(changed), model_id(None), ENGINE_VERSION, Analysis())
    app = ReaderApp(store=store,
                    document=Document(title=guess, source="/n/m.txt", text=changed))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and screen.record.id == first.id
        assert str(screen.query_one("#header-title").content) == "Mayor quits"
        assert screen.record.title == "Mayor quits"


async def test_a_title_another_window_set_since_is_not_replaced_unseen(store: Store) -> None:
    """Two windows give one article a title: the second enter replaced the first window's
    title silently (last write won). Now it is refused with the other title shown, the typed
    one kept for T, and a second enter there sets it knowingly."""
    store.cache_analysis(text_hash(TEXT), model_id(None), ENGINE_VERSION, Analysis())
    doc = Document(title="EDITOR NOTE: This story has been updated.", source="/n/m.txt",
                   text=TEXT)
    app = ReaderApp(store=store, document=doc)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("T")
        await pilot.pause()
        other = Store.open(store.path)  # the other window saves its title meanwhile
        other.set_title(screen.record.id, "Budget row")
        other.close()
        await pilot.press(*"Mayor quits", "enter")
        await pilot.pause()
        assert store.get_article(screen.record.id).title == "Budget row"
        assert str(screen.query_one("#header-title").content) == "Budget row"
        assert "changed to “Budget row” since" in screen._message
        await pilot.press("T")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "Mayor quits"
        await pilot.press("enter")
        await pilot.pause()
        assert store.get_article(screen.record.id).title == "Mayor quits"


LONG = ("Harbor council delays the vote on the ferry terminal after residents demand a full "
        "engineering report\n\nThe council met.\n")


async def test_t_shows_the_title_from_its_start_selected_and_a_draft_to_go_on_with(
    store: Store,
) -> None:
    """A new user: T opened on a long first line scrolled to its end, cursor there, read as
    nothing selected. The title is selected whole and shown from its start; typing replaces
    it; a draft brought back (after escape) is not selected: typing goes on from its end."""
    store.cache_analysis(text_hash(LONG), model_id(None), ENGINE_VERSION, Analysis())
    first = LONG.split("\n")[0]
    app = ReaderApp(store=store, document=Document(title=first, source="/n/h.txt", text=LONG))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        await pilot.press("T")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert sorted(field.selection) == [0, len(field.value)] and field.value
        assert field.scroll_offset.x == 0 and field.cursor_position == 0
        await pilot.press(*"New", "escape")
        await pilot.pause()
        assert store.get_article(screen.record.id).title == screen.record.title != "New"
        await pilot.press("T")
        await pilot.pause()
        await pilot.press(*"s", "enter")
        await pilot.pause()
        assert store.get_article(screen.record.id).title == "News"
