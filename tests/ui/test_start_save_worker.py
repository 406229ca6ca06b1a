"""`reader FILE` of a new file saves it in a worker: the screen answers keys meanwhile, and the
keys that need the stored article (h, n and the note typed after it) wait and act after.

Found by a reliability attack: a new file of 200,000 short lines froze the screen ~6.6 s after
its text was shown (the article and its search index written on the screen's thread)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from reader.sources import load_source
from reader.store import Store
from reader.ui.launch import build_app
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import until
from tests.ui.reading import analysed_without_quotes

TEXT = "A headline\n\n" + "".join(
    f"Sentence {n} of the story is here. Another one follows it.\n\n" for n in range(40)
)


async def test_keys_are_answered_while_a_new_file_is_saved_and_a_note_waits_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "lib.db"
    with Store.open(db) as store:
        analysed_without_quotes(store, TEXT)  # no spaCy: this is about the save
    gate = threading.Event()  # the save, held until the keys below are typed
    saved_in: list[str] = []
    save = Store.save_article

    def held_save(self: Store, *args: Any, **kwargs: Any) -> Any:
        saved_in.append(threading.current_thread().name)
        gate.wait(3)  # on the screen's thread (the old code) this froze every key
        return save(self, *args, **kwargs)

    monkeypatch.setattr(Store, "save_article", held_save)
    app = build_app(str(path), db_path=str(db), document=load_source(str(path)))
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if saved_in:
                break
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert saved_in and threading.main_thread().name not in saved_in  # in a worker
        first = screen.view.cursor_span
        await pilot.press("j")  # answered at once: the save is still held
        assert not gate.is_set() and screen.view.cursor_span != first
        at = screen.view.cursor_span
        # The position's tick meanwhile leaves the library shut: opening it asks for the write
        # lock, which a second window saving the same big file holds (it waited 5 s, then
        # stopped the app, "the database is locked").
        screen._save_position_tick()
        assert app._store is None
        await pilot.press("h", "j", "n", *"kept words", "ctrl+s")
        assert "acts once it is saved" in str(screen.query_one("#status-info").content)
        assert app.screen is screen and screen.annotations == []  # nothing written yet
        gate.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if len(screen.annotations) == 2:
                break
        assert screen.record.id == 1
        notes = sorted((a.start, a.end, a.note) for a in screen.annotations)
        assert notes[0][:2] == at and notes[0][2] == ""  # h where the cursor was at h
        assert notes[1][0] > at[0] and notes[1][2] == "kept words"  # n after j, its words
        await app.workers.wait_for_complete()
    app.close_own_store()
    with Store.open(db) as store:
        assert sorted(a.note for a in store.annotations(1)) == ["", "kept words"]


def _held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: Exception | None = None,
    at: str = "save_article",
) -> tuple[Any, threading.Event, list[str], Path]:
    """The app of a new file whose background save waits on a gate (and then fails with
    `fail`, when given): before the save (`at` "save_article") or inside its write
    transaction, holding the write lock (`at` "_save")."""
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "lib.db"
    with Store.open(db) as store:
        analysed_without_quotes(store, TEXT)
    gate = threading.Event()
    saved_in: list[str] = []
    save = getattr(Store, at)

    def held_save(self: Store, *args: Any, **kwargs: Any) -> Any:
        saved_in.append(threading.current_thread().name)
        gate.wait(30)  # set by the test; the bound only ends a failed test's thread
        if fail is not None:
            raise fail
        return save(self, *args, **kwargs)

    monkeypatch.setattr(Store, at, held_save)
    app = build_app(str(path), db_path=str(db), document=load_source(str(path)))
    return app, gate, saved_in, db


async def _saving(pilot: Any, saved_in: list[str]) -> None:
    for _ in range(500):  # the worker starts later on a loaded machine
        await pilot.pause(0.02)
        if saved_in:
            return


async def test_a_quit_during_the_save_keeps_the_reading_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, gate, saved_in, db = _held(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await _saving(pilot, saved_in)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press(*"j" * 5, "q")
        assert app.is_running  # the quit waits for the save
        gate.set()
        await until(pilot, lambda: not app.is_running, 5, "the app's end")
        assert not app.is_running
    app.close_own_store()
    with Store.open(db) as store:
        record = store.get_article(1)
    assert record is not None and record.position > 0  # 0 on the old code: not stored


async def test_a_palette_action_during_the_save_waits_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.ui.commands import ReaderCommands, binding_commands

    app, gate, saved_in, _db = _held(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await _saving(pilot, saved_in)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        # Run on the screen's thread, the old code saved the whole article again there.
        assert await app.run_action("highlight", screen) is False
        run = next(callback for name, callback, _ in binding_commands(ReaderCommands(screen))
                   if name.endswith(": Highlight"))
        await run()
        assert "highlight can be used once it is saved" in str(
            screen.query_one("#status-info").content)
        assert saved_in == [saved_in[0]] and threading.main_thread().name not in saved_in
        assert screen.annotations == []
        gate.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if not screen.saving:
                break
        assert screen.record.id == 1 and screen.check_action("highlight", ()) is True
        await app.workers.wait_for_complete()
    app.close_own_store()


async def test_an_unforeseen_error_in_the_save_is_said_and_the_text_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, gate, saved_in, _db = _held(
        tmp_path, monkeypatch, fail=OSError(28, "No space left on device"))
    gate.set()
    async with app.run_test(size=(80, 24)) as pilot:
        await _saving(pilot, saved_in)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        for _ in range(100):
            await pilot.pause(0.05)
            if not screen.saving:
                break
        assert app.is_running and app.screen is screen  # the old code ended with a traceback
        said = " ".join(str(n.message) for n in app._notifications)
        assert "could not be saved" in said and "No space left on device" in said
        assert screen.record.id == 0 and screen.record.text.startswith("A headline")
    app.close_own_store()


async def test_a_quit_while_the_save_holds_the_write_lock_waits_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """q during the save of a big file stopped the app with a traceback: the quit's look for
    unsaved drafts opened the library on the screen's thread (for its path), and that open
    asked for the write lock the save held ("the database is locked"); ctrl+p waited the same
    way. The save is held here inside its transaction, so the lock is really held."""
    app, gate, saving, db = _held(tmp_path, monkeypatch, at="_save")  # the lock is held
    async with app.run_test(size=(80, 24)) as pilot:
        await _saving(pilot, saving)
        assert saving
        await pilot.press("j", "q")
        assert app.is_running and app.fatal_error is None  # waits for the save
        gate.set()
        await until(pilot, lambda: not app.is_running, 5, "the app's end")
        assert not app.is_running and app.fatal_error is None and app.return_code == 0
    app.close_own_store()
    with Store.open(db) as store:
        record = store.get_article(1)
    assert record is not None and record.position > 0


async def test_a_note_typed_while_the_save_waits_is_kept_when_the_terminal_closes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """n and words typed while the save waited (another window's lock), then the terminal
    closed: the app left once saved, before n's editor opened, and the words were lost."""
    import signal

    app, gate, saving, db = _held(tmp_path, monkeypatch, at="_save")  # the lock is held
    async with app.run_test(size=(80, 24)) as pilot:
        await _saving(pilot, saving)
        await pilot.press("n", *"kept words")
        app._told_to_stop(signal.SIGHUP)  # as the hang-up check does
        assert app.is_running  # it waits for the save
        gate.set()
        await until(pilot, lambda: not app.is_running, 5, "the app's end")
        assert not app.is_running
    app.close_own_store()
    with Store.open(db) as store:
        assert [a.note for a in store.annotations(1)] == ["kept words"]  # [] on the old code
