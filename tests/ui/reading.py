"""The set-up most Pilot tests of the article screen begin with: the app on an article, run
by the Pilot, its analysis shown. Written out in every test before (the `duplicates` report)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from reader.analysis.model import ENGINE_VERSION, Analysis, Quote
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store, text_hash
from tests.ui.conftest import wait_for_analysis


@asynccontextmanager
async def reading(
    make_app: Callable[..., Any], *docs: Any, notifications: bool = False,
    size: tuple[int, int] = (120, 36),
) -> AsyncIterator[tuple[Any, Any]]:
    """(app, pilot) of make_app(*docs) at `size`, once its analysis is shown."""
    app = make_app(*docs)
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await wait_for_analysis(pilot)
        yield app, pilot


def analysed_without_quotes(store: Store, *texts: str) -> None:
    """An analysis with no quotes in the store's cache for each text, as if read before: for
    tests about notes and drafts on an edited text, which made the app start spaCy (seconds a
    test) to find quotes those tests never look at."""
    for text in texts:
        store.cache_analysis(text_hash(text), model_id(None), ENGINE_VERSION,
                             Analysis(quotes=[], speakers=[]))


def said_quotes(text: str, quoted: Sequence[tuple[str, str]]) -> list[Quote]:
    """Quotes of `text`, each (passage, speaker) cued by "said", sure, in order."""
    quotes = []
    for i, (passage, name) in enumerate(quoted):
        start = text.index(passage)
        quotes.append(Quote(i, start, start + len(passage), passage, name, cue="said",
                            rule="explicit", confidence=1.0))
    return quotes


def status_info(app: Any) -> str:
    """The status line's left part as shown."""
    return str(app.screen.query_one("#status-info").content)


@asynccontextmanager
async def reading_analysed(
    make_app: Callable[..., Any], store: Store, doc: Document, analysis: Analysis,
    size: tuple[int, int] = (100, 30),
) -> AsyncIterator[tuple[Any, Any]]:
    """`reading` of `doc` with `analysis` stored as the engine's for its text, the text
    focused (its keys are the reader's)."""
    store.cache_analysis(text_hash(doc.text), model_id(None), ENGINE_VERSION, analysis)
    async with reading(make_app, doc, size=size) as (app, pilot):
        app.screen.view.focus()
        yield app, pilot
