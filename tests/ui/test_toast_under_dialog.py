"""A toast's repeat replaces it, even with a dialog open over the article: the screen under
the dialog keeps a toast rack of its own, shown through the dialog, which Textual never
refreshed, so the same Drafts toast stood twice (one under the dialog, one on it). The real
app, a real database, the real title dialog."""

from __future__ import annotations

from textual.widgets._toast import Toast

from reader.analysis.model import ENGINE_VERSION, Analysis
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store, text_hash
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.title_dialog import TitleDialog
from tests.ui.conftest import wait_for_analysis

TEXT = "Mayor quits over budget\n\nShe left on Tuesday.\n"


async def test_a_repeated_toast_over_a_dialog_is_shown_once(store: Store) -> None:
    store.cache_analysis(text_hash(TEXT), model_id(None), ENGINE_VERSION, Analysis())
    app = ReaderApp(store=store, document=Document(title="Mayor", source="/n/m.txt",
                                                   text=TEXT))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        said = "Unsaved note kept from before on “She left”: n on that passage brings it back."
        article.notify(said, title="Drafts", timeout=12, markup=False)
        await pilot.pause()
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, TitleDialog)
        article.notify(said, title="Drafts", timeout=12, markup=False)
        await pilot.pause()
        await pilot.pause()
        shown = [t for screen in app.screen_stack for t in screen.query(Toast)]
        assert len(shown) == 1
        await pilot.press("escape")
