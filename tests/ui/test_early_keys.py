"""Keys typed at once after the key that opens a text input land in it, in order.

The keys are sent the way a terminal delivers a burst (all queued before the app handles the
first one), right after start-up, before the first frame's work (footer, store, notes) is done:
the note editor is imported, composed and focused only after the keys behind `n` were already
on their way to the article, which dropped them (a tester lost a note typed in the first half
second). The real app on the Pilot, a real library file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events

from reader.analysis.model import ENGINE_VERSION, Analysis, Quote, Speaker
from reader.analysis.nlp import model_id
from reader.sources import Document, load_source
from reader.store import Store, text_hash
from reader.ui.app import ReaderApp
from reader.ui.launch import build_app
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library import ARTICLES, PEOPLE, LibraryScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import wait_for_analysis
from tests.ui.test_library_people import store as library  # noqa: F401 (a fixture)

TEXT = "A headline\n\n" + "\n\n".join(f"Paragraph {i} says something about it." for i in range(80))


#: The character a terminal sends with each named key used here.
CHARACTERS = {
    "slash": "/", "enter": "\r", "backspace": "\x7f", "escape": "\x1b", "tab": "\t",
    "ctrl+s": "\x13", "ctrl+e": "\x05", "ctrl+f": "\x06",
}


def burst(app: Any, keys: list[str]) -> None:
    """Queue every key at once, as the driver does for keys read in one go from the terminal."""
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else CHARACTERS[key])
        event.set_sender(app)
        app._driver.send_message(event)


async def settle(pilot: Any, until: Any) -> None:
    for _ in range(200):
        await pilot.pause(0.05)
        if until():
            return


async def _type_a_note_at_once(tmp_path: Path, keys: list[str]) -> tuple[list[str], str]:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "lib.db"
    app = build_app(str(article), db_path=str(db), document=load_source(str(article)))
    shown = ""
    async with app.run_test(size=(100, 30)) as pilot:
        reading = app.screen
        burst(app, keys)
        await settle(pilot, lambda: reading.record.id and reading.side.built)
        await pilot.pause(0.2)
        if isinstance(app.screen, NoteEditor):
            shown = app.screen.text
        await app.workers.wait_for_complete()
    app.close_own_store()
    with Store.open(db) as store:
        notes = [a.note for a in store.annotations(1)]
    return notes, shown


async def test_a_note_typed_right_after_start_is_in_the_editor(tmp_path: Path) -> None:
    notes, shown = await _type_a_note_at_once(tmp_path, ["n", *"hi there", "enter", *"ok"])
    assert shown == "hi there\nok"
    assert notes == []  # not saved: nothing was stored behind the reader's back


async def test_a_note_typed_and_saved_right_after_start_is_stored(tmp_path: Path) -> None:
    notes, _ = await _type_a_note_at_once(tmp_path, ["n", *"hello", "backspace", "ctrl+s"])
    assert notes == ["hell"]


async def test_a_note_typed_at_once_after_opening_an_article_from_the_library(
    library: Store,  # noqa: F811 (the fixture)
) -> None:
    app = ReaderApp(store=library, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        burst(app, ["enter"])
        await pilot.pause(0.1)
        burst(app, ["n", *"first words"])
        await settle(pilot, lambda: isinstance(app.screen, NoteEditor) and app.screen.text)
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text == "first words"
        await app.workers.wait_for_complete()


@pytest.mark.parametrize(
    ("keys", "tab", "typed"),
    [
        (["slash", *"vien"], ARTICLES, "vien"),  # the titles' filter
        (["ctrl+e", *"blink"], PEOPLE, "blink"),  # the People tab's filter
    ],
)
async def test_a_filter_typed_at_once_after_its_key(
    library: Store, keys: list[str], tab: str, typed: str,  # noqa: F811 (the fixture)
) -> None:
    app = ReaderApp(store=library, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        burst(app, keys)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        filtered = (
            (lambda: screen.filter_input.value) if tab == ARTICLES
            else (lambda: screen.people_view.filter_text)
        )
        await settle(pilot, lambda: filtered() == typed)
        assert screen.tab == tab
        assert filtered() == typed
        assert screen.filter_input.value == ("" if tab == PEOPLE else typed)


async def test_a_speakers_filter_typed_at_once_after_tab(store: Store) -> None:
    names = ["Ana Ruiz", "Tom Reed", "Maria Lopez"]
    text = "\n\n".join(f"“Line {n},” said {name}." for n, name in enumerate(names)) + "\n"
    quotes, speakers = [], []
    for n, name in enumerate(names):
        start = text.index(f"“Line {n},”")
        end = text.index("”", start) + 1
        quotes.append(Quote(n, start, end, text[start:end], speaker=name))
        speakers.append(Speaker(name, [name], quotes=[n], words=2, share=1 / 3))
    store.cache_analysis(
        text_hash(text), model_id(None), ENGINE_VERSION,
        Analysis(quotes=quotes, speakers=speakers, entities=[]),
    )
    app = ReaderApp(store=store, document=Document(title="Three", source="/3.txt", text=text))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        burst(app, ["tab", "/", *"reed"])  # e would show the entities, d… were it the text's
        await settle(pilot, lambda: screen.speaker_panel.filter_text == "reed")
        assert screen.speaker_panel.has_focus
        assert screen.speaker_panel.filter_text == "reed"
        assert app.screen is screen
