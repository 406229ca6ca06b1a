"""Fixtures for driving the real reader app with the Pilot: a real store in tmp_path, the
bundled sample article, and waiting on the app's workers instead of sleeping."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerFailed

from reader.analysis.model import Analysis
from reader.sources import Document
from reader.store import Store


@pytest.fixture
def sample_doc() -> Document:
    from reader.ui.launch import sample_document

    return sample_document()


@pytest.fixture
def make_app(store: Store, sample_doc: Document) -> Callable[..., Any]:
    """Build the ReaderApp on the tmp_path store, opening `document` (the sample by default)."""

    def make(document: Document | None = None, **kwargs: Any) -> Any:
        from reader.ui.app import ReaderApp

        return ReaderApp(store=store, document=document or sample_doc, **kwargs)

    return make


@pytest.fixture(scope="session")
def analysis_of_text() -> Callable[[str], Analysis]:
    """The analysis of a text as the app's analysis process streams it to the end (the same
    child process, the same defaults), made once a session per text: opening the same article
    in test after test need not start spaCy each time."""
    from reader.analysis.runner import analyze_in_subprocess

    done: dict[str, Analysis] = {}

    def of(text: str) -> Analysis:
        if text not in done:
            steps = list(analyze_in_subprocess(text))
            last = steps[-1]
            assert last.done >= last.total
            done[text] = last.analysis
        return done[text]

    return of


@pytest.fixture
def analysed(store: Store, analysis_of_text: Callable[[str], Analysis]) -> Callable[..., None]:
    """Put the analysis of a document (or text) in the test's store (or `into` another), as
    if the reader had read it before: the app then applies it from the cache at once. For
    tests about what comes after the analysis; tests of the analysis arriving (streaming,
    progress, stops, keys meanwhile) let the app run its own."""
    from reader.analysis.model import ENGINE_VERSION
    from reader.analysis.nlp import model_id
    from reader.store import text_hash

    def put(*documents: Document | str, into: Store | None = None) -> None:
        for document in documents:
            text = document if isinstance(document, str) else document.text
            (into or store).cache_analysis(
                text_hash(text), model_id(None), ENGINE_VERSION, analysis_of_text(text)
            )

    return put


@pytest.fixture
def sample_analysed(analysed: Callable[..., None], sample_doc: Document) -> None:
    """The sample article's analysis in the test's store before the app opens it."""
    analysed(sample_doc)


async def until(pilot: Pilot[Any], seen: Callable[[], bool], seconds: float, what: str) -> None:
    """Until `seen()` holds (asserted), for at most `seconds`: a wait that ends when what the
    test waits for has come, not at the most it could take."""
    import time

    deadline = time.monotonic() + seconds
    while not seen() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    assert seen(), f"{what} did not come within {seconds} s"


async def until_look(pilot: Pilot[Any], seen: Callable[[], bool]) -> None:
    """Until `seen()` holds, for at most one periodic look at other windows' drafts and notes
    (DRAFTS_CHECK_EVERY) and half a second: the look is what the test waits for."""
    from reader.ui.screens.article_drafts import DRAFTS_CHECK_EVERY

    await until(pilot, seen, DRAFTS_CHECK_EVERY + 0.5, "the periodic look")


async def wait_for_workers(pilot: Pilot[Any]) -> None:
    """Harlequin's wait_for_workers: let every worker finish, then let the app process the
    messages they posted (progress, state changes)."""
    # A failed worker is reported by the app itself (and tested); here we only wait.
    with contextlib.suppress(WorkerFailed):
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def wait_for_analysis(pilot: Pilot[Any]) -> None:
    """Until the article screen has applied a complete analysis (or reported a failure)."""
    from reader.ui.screens.article import ArticleScreen

    for _ in range(400):
        await wait_for_workers(pilot)
        screen = pilot.app.screen
        if isinstance(screen, ArticleScreen) and (
            screen.analysis_complete
            or "failed" in screen.status_text
            or screen.stopped_reason is not None
        ):
            await pilot.pause()
            return
        await pilot.pause(0.05)
    raise AssertionError("the analysis did not finish")


def screen_lines(app: Any) -> list[str]:
    """The text of every row of the screen as a person sees it, read from the screenshot
    Textual exports (public API): each run of text is placed at its column."""
    import html
    import re

    from rich.cells import cell_len

    svg = app.export_screenshot()
    rows = [""] * app.size.height
    cell = 0.0
    span = re.compile(
        r'<text [^>]*?x="([\d.]+)"[^>]*?textLength="([\d.]+)"[^>]*?'
        r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>',
        re.S,
    )
    for m in span.finditer(svg):
        body = html.unescape(m[4]).replace("\xa0", " ")
        if body == "\n":
            continue
        if not cell:
            cell = float(m[2]) / max(1, cell_len(body))
        line, col = int(m[3]), round(float(m[1]) / cell)
        if line < len(rows):
            rows[line] = rows[line].ljust(col) + body
    return rows


@dataclass(frozen=True)
class Shown:
    """A toast as a person sees it: the widget on screen, its severity (from its CSS class)
    and its rendered text (the title, if any, on the first line, then the message)."""

    widget: Widget
    severity: str
    text: str

    @property
    def message(self) -> str:
        """The rendered text: a test checks for the message within it (a title comes first)."""
        return self.text


async def toasts(pilot: Pilot[Any]) -> list[Shown]:
    """The toasts on the current screen, oldest first, read from the screen itself (no private
    state of the app): expired ones are gone, as they are for the person. A notice becomes a
    toast a message or two later: wait for those first."""
    await pilot.pause()
    await pilot.pause()
    app = pilot.app
    shown = []
    for toast in app.screen.query("Toast"):
        severity = next(
            (s for s in ("error", "warning", "information") if toast.has_class(f"-{s}")), ""
        )
        rendered = toast.render()
        text = rendered.plain if isinstance(rendered, Content) else str(rendered)
        shown.append(Shown(toast, severity, text))
    return shown


async def toast_texts(pilot: Pilot[Any]) -> list[str]:
    return [t.text for t in await toasts(pilot)]


async def last_toast(pilot: Pilot[Any]) -> Shown | None:
    """The newest toast (older ones expire as a test runs: never count them)."""
    shown = await toasts(pilot)
    return shown[-1] if shown else None
