"""Opening an article from the library reads its file again when the file changed, as ctrl+o
does: the new text is shown, the note re-anchored, and the reader told its passage changed (a
new user was shown the old text, with no word). The real app, a real file, a real database."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from reader import sources
from reader.sources import load_source
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import toast_texts, wait_for_analysis, wait_for_workers
from tests.ui.reading import analysed_without_quotes

TEXT = (
    "Council Vote\n\n"
    "SPRINGFIELD — The city council voted 7-2 on Tuesday to approve a transit budget.\n\n"
    "Councilman Tom Becker voted against it.\n"
)


async def open_first_row(app: ReaderApp) -> tuple[ArticleScreen, list[str]]:
    """The article of the library's first row, opened with enter, and the toasts then."""
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        return screen, await toast_texts(pilot)


async def test_a_changed_file_is_read_again_and_its_note_reanchored(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "council.txt"
    path.write_text(TEXT, encoding="utf-8")
    document = load_source(str(path))
    record = store.save_article(document)
    sentence = "The city council voted 7-2 on Tuesday"
    start = record.text.index(sentence)
    store.add_annotation(record.id, record.text, start, start + len(sentence), note="Check")
    path.write_text(TEXT.replace("voted 7-2", "voted 6-3"), encoding="utf-8")
    analysed_without_quotes(store, load_source(str(path)).text)
    saved_in: list[str] = []  # the threads the new text is saved in (re-anchoring its notes)
    save = Store.save_article

    def saving(self: Store, *args: Any, **kwargs: Any) -> Any:
        saved_in.append(threading.current_thread().name)
        return save(self, *args, **kwargs)

    monkeypatch.setattr(Store, "save_article", saving)

    screen, toasts = await open_first_row(ReaderApp(store=store, start_in_library=True))

    assert saved_in and threading.main_thread().name not in saved_in  # saved in the worker
    assert "voted 6-3" in screen.record.text
    assert screen.record.id == record.id  # the same article, not a second one
    assert any("1 note's passage changed" in t for t in toasts)
    (note,) = store.annotations(record.id)
    assert (note.note, note.changed) == ("Check", True)
    assert len(store.list_articles()) == 1


async def test_an_unchanged_or_missing_file_opens_the_stored_copy(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "council.txt"
    path.write_text(TEXT, encoding="utf-8")
    record = store.save_article(load_source(str(path)))
    analysed_without_quotes(store, record.text)
    path.unlink()

    screen, toasts = await open_first_row(ReaderApp(store=store, start_in_library=True))

    assert screen.record.text == record.text
    assert not any("changed" in t for t in toasts)


async def open_at(app: ReaderApp, article_id: int, at: int, end: int | None, find: str = "",
                  said: str = "") -> tuple[ArticleScreen, list[str], tuple[int, int] | None]:
    """The article opened at a quote (`end`) or a search hit (`find`), as the library does;
    the toasts then (once one says `said`: the re-read's worker tells it a moment after the
    analysis, later on a loaded machine), and the span marked."""
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        app.open_article(article_id, at=at, end=end, find=find,
                         found=[(at, at + len("Tom Becker"))] if find else ())
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        shown = await toast_texts(pilot)
        for _ in range(100 if said else 0):
            if any(said in t for t in shown):
                break
            await pilot.pause(0.05)
            shown = await toast_texts(pilot)
        return screen, shown, screen.view.focused_span


async def test_a_quote_or_search_hit_in_a_changed_file_opens_where_its_words_are_now(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "council.txt"
    path.write_text(TEXT, encoding="utf-8")
    record = store.save_article(load_source(str(path)))
    name = "Tom Becker"
    at = record.text.index(name)
    changed = TEXT.replace("SPRINGFIELD", "Breaking: the budget passed.\n\nSPRINGFIELD")
    path.write_text(changed, encoding="utf-8")
    analysed_without_quotes(store, load_source(str(path)).text)

    screen, _, span = await open_at(ReaderApp(store=store, start_in_library=True), record.id,
                                    at, at + len(name))
    assert span is not None
    assert screen.record.text[span[0]:span[1]] == name  # the quote marked

    path.write_text(changed.replace("transit", "bus"), encoding="utf-8")  # changed again
    analysed_without_quotes(store, load_source(str(path)).text)
    before = store.get_article(record.id)
    assert before is not None
    at = before.text.index(name)
    lead = "Update: the mayor said on Wednesday that she would sign the budget on Friday.\n\n"
    path.write_text(lead + changed.replace("transit", "bus"), encoding="utf-8")
    analysed_without_quotes(store, load_source(str(path)).text)
    screen, _, _ = await open_at(ReaderApp(store=store, start_in_library=True), record.id, at,
                                 None, find="Becker")
    # the sentence of the hit (opening at a hit puts the reader on its sentence)
    assert screen.record.text[screen.record.position:].startswith("Councilman " + name)
    assert screen.search_query == "Becker"
    assert screen.found_spans == []  # the library's spans were in the old text


async def test_a_passage_gone_from_the_changed_file_is_said_and_not_marked(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "council.txt"
    path.write_text(TEXT, encoding="utf-8")
    record = store.save_article(load_source(str(path)))
    at = record.text.index("Tom Becker")
    path.write_text(TEXT.replace("Councilman Tom Becker voted against it.\n", ""),
                    encoding="utf-8")
    analysed_without_quotes(store, load_source(str(path)).text)

    _, toasts, span = await open_at(ReaderApp(store=store, start_in_library=True), record.id,
                                    at, at + len("Tom Becker"), said="no longer in it")
    assert span is None
    assert any("no longer in it" in t for t in toasts)


class GatedRead:
    """load_source as it is, run only once the test lets it (a file on a slow mount), noting
    the thread it ran on."""

    def __init__(self) -> None:
        self.go, self.threads = threading.Event(), list[str]()
        self.load = load_source

    def __call__(self, spec: str, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread().name)
        if threading.current_thread() is not threading.main_thread():
            self.go.wait(10)
        return self.load(spec, **kwargs)


async def test_the_file_is_read_off_the_main_thread_and_typed_words_are_kept(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "council.txt"
    path.write_text(TEXT, encoding="utf-8")
    record = store.save_article(load_source(str(path)))
    analysed_without_quotes(store, record.text)
    path.write_text(TEXT.replace("voted 7-2", "voted 6-3"), encoding="utf-8")
    gate = GatedRead()
    monkeypatch.setattr(sources, "load_source", gate)
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the stored copy is shown while the file is read
        for _ in range(100):  # until it is up (never a fixed wait)
            await pilot.pause(0.02)
            if isinstance(app.screen, ArticleScreen):
                break
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert "voted 7-2" in screen.record.text
        await pilot.press("n", *"half typed")  # a note begun meanwhile
        await pilot.pause()
        gate.go.set()
        await wait_for_workers(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text == "half typed"  # not thrown away by a re-read
        toasts = await toast_texts(pilot)
    assert gate.threads and threading.main_thread().name not in gate.threads
    assert any("ctrl+o re-reads it" in t for t in toasts)
    (stored,) = store.list_articles()
    assert store.get_article(stored.id).hash == record.hash  # not re-read under the editor


async def test_a_note_begun_while_the_new_text_is_saved_keeps_its_words(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save runs in a worker now: a note begun while it runs keeps its words, and the
    article, whose text is no longer the stored one, says so and takes no note against it."""
    from reader.ui import reread

    path = tmp_path / "council.txt"
    path.write_text(TEXT, encoding="utf-8")
    record = store.save_article(load_source(str(path)))
    analysed_without_quotes(store, record.text)
    path.write_text(TEXT.replace("voted 7-2", "voted 6-3"), encoding="utf-8")
    started, go = threading.Event(), threading.Event()
    save = reread.save_changed

    def gated(*args: Any) -> Any:
        started.set()
        go.wait(10)
        return save(*args)

    monkeypatch.setattr(reread, "save_changed", gated)
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(200):  # until the save has begun (never a fixed wait)
            await pilot.pause(0.02)
            if started.is_set():
                break
        screen = app.screen
        assert started.is_set() and isinstance(screen, ArticleScreen)
        await pilot.press("n", *"half typed")
        await pilot.pause()
        go.set()
        await wait_for_workers(pilot)
        assert isinstance(app.screen, NoteEditor) and app.screen.text == "half typed"
        assert screen.text_outdated and "voted 7-2" in screen.record.text
        assert any("its new text is saved" in t for t in await toast_texts(pilot))
    assert "voted 6-3" in store.get_article(record.id).text


async def test_a_save_that_fails_unexpectedly_says_the_new_text_was_not_saved(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error that is no ReaderError (a disk error from SQLite) ended the save's worker and
    the reader was told nothing: the stored text shown as if the file had not changed."""
    import sqlite3

    path = tmp_path / "council.txt"
    path.write_text(TEXT, encoding="utf-8")
    record = store.save_article(load_source(str(path)))
    analysed_without_quotes(store, record.text)
    path.write_text(TEXT.replace("voted 7-2", "voted 6-3"), encoding="utf-8")

    def failing(self: Store, *args: Any, **kwargs: Any) -> Any:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "save_article", failing)
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_workers(pilot)
        toasts = await toast_texts(pilot)
        assert any("changed, but its new text could not be saved: disk I/O error" in t
                   for t in toasts), toasts
        assert isinstance(app.screen, ArticleScreen) and "voted 7-2" in app.screen.record.text


async def test_a_look_for_other_windows_notes_during_the_own_save_says_nothing_of_them(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save's worker commits on its own connection: a look at the stored notes between
    that commit and the app handling it took this window's own re-read for another window's
    newer text ("This article changed in another window") and blocked the note keys."""
    from reader.ui import reread

    path = tmp_path / "council.txt"
    path.write_text(TEXT, encoding="utf-8")
    record = store.save_article(load_source(str(path)))
    start = record.text.index("Councilman")
    store.add_annotation(record.id, record.text, start, start + 10, note="Who")
    analysed_without_quotes(store, record.text)
    path.write_text(TEXT.replace("voted 7-2", "voted 6-3"), encoding="utf-8")
    committed, go = threading.Event(), threading.Event()
    started, may_save = threading.Event(), threading.Event()
    save = reread.save_changed

    def gated(*args: Any) -> Any:
        started.set()
        may_save.wait(10)  # once the screen has read its notes
        result = save(*args)  # committed: the notes re-anchored to the new text
        committed.set()
        go.wait(10)
        return result

    monkeypatch.setattr(reread, "save_changed", gated)
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(250):  # until the save is about to begin and the screen read its notes
            await pilot.pause(0.02)
            screen = app.screen
            if started.is_set() and getattr(screen, "_seen_version", None) is not None:
                break
        assert isinstance(screen, ArticleScreen) and screen._seen_version is not None
        may_save.set()
        for _ in range(250):  # until the save has committed (never a fixed wait)
            await pilot.pause(0.02)
            if committed.is_set():
                break
        assert committed.is_set() and app.screen is screen
        screen.refresh_annotations()  # the timer's look, before the save is handled
        assert not screen.text_outdated
        go.set()
        for _ in range(250):  # until the new text is shown (the old screen's workers end)
            await pilot.pause(0.02)
            shown = app.screen
            if isinstance(shown, ArticleScreen) and "voted 6-3" in shown.record.text:
                break
        toasts = await toast_texts(pilot)
        assert not any("changed in another window" in t for t in toasts), toasts
        assert isinstance(shown, ArticleScreen) and "voted 6-3" in shown.record.text
        assert not shown.text_outdated
