"""An analysis process killed mid-way (kill -9, as the out-of-memory killer does) is noticed,
said on the status line with its reason and a key to retry, and nothing half-done is cached.

The real app driven by the Pilot, the real analysis child (the sample article, repeated: three
batches, twelve copies, not thirty, since the retry analyses it all to the end) and,
with the two-parser threshold lowered to that length, its two real parsing processes; /proc
finds them.
"""

from __future__ import annotations

import os
import signal
import time

import pytest
from textual.widgets import Footer

from reader.analysis.model import ENGINE_VERSION
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store, text_hash
from reader.ui.screens import article_worker
from reader.ui.screens.article import PARALLEL_FROM_CHARS, ArticleScreen, final_status
from reader.ui.screens.article_analysis import stopped_status
from reader.ui.textual_private import FooterKey
from tests.processes import analysis_children, children
from tests.ui.conftest import screen_lines

#: Seconds a killed analysis may take to show as stopped before the test calls it a hang.
GUARD = 15.0
#: Seconds the whole analysis may take after the retry (a book, on a busy machine).
FINISH = 300.0


def footer_actions(screen: ArticleScreen) -> list[str]:
    return [key.action for key in screen.query_one(Footer).query(FooterKey)]


@pytest.mark.parametrize("victim", ["analysis process", "parsing process"])
async def test_a_killed_analysis_is_shown_stopped_and_r_runs_it_again(
    store: Store, sample_doc: Document, victim: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.ui.app import ReaderApp

    text = "\n\n".join([sample_doc.text.strip()] * 12)  # three batches: killed in the first
    if victim == "analysis process":
        assert len(text) < PARALLEL_FROM_CHARS  # one process
    else:
        # Two parsing processes from a third less than a book: the app's threshold lowered
        # (the same path as a book's; parsing a book twice cost half a minute). The test finds
        # the two parsers below, so a threshold read elsewhere cannot pass unnoticed.
        monkeypatch.setattr(article_worker, "PARALLEL_FROM_CHARS", len(text))
    doc = Document(title="Long", source="/long/article.txt", text=text)
    app = ReaderApp(store=store, document=doc)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        deadline = time.monotonic() + FINISH
        while not (screen.analysis and not screen.analysis_complete):
            assert time.monotonic() < deadline, "no partial analysis was shown"
            await pilot.pause(0.05)
        assert "retry_analysis" not in footer_actions(screen)  # nothing to retry yet
        (child,) = analysis_children()
        if victim == "analysis process":
            os.kill(child, signal.SIGKILL)
        else:
            parsers = children(child)
            assert len(parsers) == 2, parsers
            os.kill(parsers[0], signal.SIGKILL)

        deadline = time.monotonic() + GUARD
        while screen.stopped_reason is None:
            assert time.monotonic() < deadline, f"still {screen.status_text!r} {GUARD:.0f} s on"
            await pilot.pause(0.05)
        await pilot.pause()
        expected = f"analysis stopped: the {victim} was killed by SIGKILL"
        if victim == "parsing process":
            expected = "analysis stopped: a parsing process was killed by SIGKILL"
        assert screen.status_text == expected
        lines = screen_lines(app)
        assert any(expected in line for line in lines), lines[-3:]  # on screen, in full
        assert "r Retry analysis" in lines[-1]  # the footer offers the key
        assert not screen.query_one("#progress").display
        assert store.cached_analysis(text_hash(text), model_id(None), ENGINE_VERSION) is None
        assert store.list_articles()[0].quotes in (None, 0)
        # The text stays readable, with what was found so far; the status stays.
        await pilot.press("pagedown", "j")
        await pilot.pause()
        assert screen.view.top_offset > 0
        assert screen.status_text == expected

        await pilot.press("r")
        await pilot.pause()
        assert screen.stopped_reason is None
        assert screen.status_text.startswith("analysing…")
        assert "retry_analysis" not in footer_actions(screen)
        deadline = time.monotonic() + FINISH
        while not screen.analysis_complete:
            assert screen.stopped_reason is None, screen.stopped_reason
            assert time.monotonic() < deadline, "the retried analysis did not finish"
            await pilot.pause(0.1)
        await pilot.pause()
        assert screen.status_text == final_status(screen.analysis)
        cached = store.cached_analysis(text_hash(text), model_id(None), ENGINE_VERSION)
        assert cached is not None and cached.quotes == screen.analysis.quotes
        assert "retry_analysis" not in footer_actions(screen)


def test_the_stop_reads_on_from_the_reason() -> None:
    assert stopped_status("A parsing process was killed by SIGKILL.") == (
        "analysis stopped: a parsing process was killed by SIGKILL"
    )
    assert stopped_status("SQLite said no.") == "analysis stopped: SQLite said no"
    assert stopped_status("KeyError('x\x1b[2J')") == "analysis stopped: KeyError('x\u241b[2J')"
