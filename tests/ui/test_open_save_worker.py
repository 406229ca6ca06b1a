"""ctrl+o of a file the library does not hold yet saves it in a worker, as `reader FILE` does:
the screen answers keys meanwhile, and a note waits for the save.

Found by a reliability attack: ctrl+o of a new file of 600,000 short lines wrote the article
and its search index on the screen's thread; no key, not even ctrl+p, was answered meanwhile."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from reader.sources import load_source
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library import LibraryScreen
from tests.ui.reading import analysed_without_quotes

TEXT = "A headline\n\n" + "".join(
    f"Sentence {n} of the story is here. Another one follows it.\n\n" for n in range(40)
)


async def test_ctrl_o_of_a_new_file_saves_it_in_a_worker_and_keys_are_answered(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    analysed_without_quotes(store, load_source(str(path)).text)  # no spaCy: about the save
    gate = threading.Event()
    saved_in: list[str] = []
    save = Store.save_article

    def held_save(self: Store, *args: Any, **kwargs: Any) -> Any:
        saved_in.append(threading.current_thread().name)
        gate.wait(30)  # on the screen's thread (the old code) every key waited for this
        return save(self, *args, **kwargs)

    monkeypatch.setattr(Store, "save_article", held_save)
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        library.load_source(str(path))
        for _ in range(100):
            await pilot.pause(0.02)
            if saved_in:
                break
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert saved_in and threading.main_thread().name not in saved_in
        first = screen.view.cursor_span
        await pilot.press("j")  # answered while the save is held
        assert not gate.is_set() and screen.view.cursor_span != first
        await pilot.press("n", *"kept", "ctrl+s")
        assert screen.annotations == []  # waits for the save
        gate.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if screen.annotations:
                break
        assert screen.record.id == 1
        assert [a.note for a in screen.annotations] == ["kept"]
        await app.workers.wait_for_complete()
    assert [a.note for a in store.annotations(1)] == ["kept"]
