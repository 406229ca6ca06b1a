"""Long texts: the analysis streams in section by section without moving the reader, only a
complete analysis is cached, and the panels stay light (long cards and types fold)."""

from __future__ import annotations

import pytest

from reader.analysis.model import ENGINE_VERSION, Analysis, Entity, Quote, Speaker
from reader.sources import Document
from reader.store import Store, text_hash
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.entities_panel import ENTITIES_SHOWN
from reader.ui.widgets.speaker_panel import QUOTES_SHOWN
from tests.ui.conftest import wait_for_analysis


@pytest.mark.parametrize("leave", ["q", "ctrl+q", "escape"])
async def test_a_long_text_streams_and_leaving_midway_caches_nothing(
    store: Store, sample_doc: Document, leave: str
) -> None:
    """Quitting, or going back to the library, while the analysis runs."""
    from reader.analysis.nlp import model_id
    from reader.ui.app import ReaderApp

    text = "\n\n".join([sample_doc.text.strip()] * 80)  # ~360 kB: many batches
    doc = Document(title="Long", source="/long/article.txt", text=text)
    app = ReaderApp(store=store, document=doc)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("pagedown", "pagedown")
        top = screen.view.top_offset
        assert top > 0
        partial = False
        for _ in range(2000):
            await pilot.pause(0.05)
            if screen.analysis is not None and not screen.analysis_complete:
                partial = True
                break
        assert partial, "no partial analysis was shown"
        status = screen.status_text
        assert status.startswith("analysing… ") and "%" in status
        assert screen.query_one("#progress").display
        assert screen.analysis.quotes  # highlights of the first sections are already there
        assert screen.view.top_offset == top  # and the reader did not move
        worker = next(w for w in app.workers if w.group == "analysis")
        await pilot.press(*([leave] * (2 if leave == "escape" else 1)))  # escape: twice
        await pilot.pause()
        if leave == "escape":
            assert not isinstance(app.screen, ArticleScreen)
            assert worker.is_cancelled
            await app.workers.wait_for_complete()
    assert store.cached_analysis(text_hash(text), model_id(None), ENGINE_VERSION) is None


async def test_every_key_works_while_the_analysis_runs(
    store: Store, sample_doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every key pressed before the analysis is done (the complete analysis is held back
    until the keys are in: on a busy machine it could otherwise end first), then the analysis
    ends as usual."""
    from reader.ui.app import ReaderApp

    apply = ArticleScreen._apply_analysis
    held: list[tuple[ArticleScreen, Analysis]] = []

    def hold_complete(self: ArticleScreen, analysis: Analysis, *, complete: bool) -> None:
        if complete and not released:
            held.append((self, analysis))
        else:
            apply(self, analysis, complete=complete)

    released = False
    monkeypatch.setattr(ArticleScreen, "_apply_analysis", hold_complete)
    text = "\n\n".join([sample_doc.text.strip()] * 12)  # ~55 kB, three batches
    app = ReaderApp(store=store, document=Document(title="L", source="/l.txt", text=text))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key in ("s", "S", "right_square_bracket", "t", "l", "escape", "question_mark"):
            await pilot.press(key)
        await pilot.press("escape", "slash", *"Gaza", "enter", "escape", "full_stop")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen) and app.is_running
        assert not app.screen.analysis_complete  # the keys came while the analysis ran
        released = True
        for screen, analysis in held:
            apply(screen, analysis, complete=True)
        await wait_for_analysis(pilot)
        assert app.screen.analysis_complete


def _busy_article() -> tuple[str, Analysis]:
    """One speaker with many quotes, and many distinct places: built by hand, cached."""
    paragraphs, quotes, entities = [], [], []
    offset = 0
    for i in range(QUOTES_SHOWN + 4):
        para = f"“Point number {i} stands,” said Ann Lee in Town{i}."
        start = offset + para.index("“")
        end = offset + para.index("”") + 1
        quotes.append(Quote(i, start, end, para[start - offset : end - offset], "Ann Lee"))
        place = para.index(f"Town{i}")
        entities.append(Entity(offset + place, offset + place + len(f"Town{i}"), f"Town{i}", "GPE"))
        paragraphs.append(para)
        offset += len(para) + 2
    for j in range(ENTITIES_SHOWN - len(entities) + 5):
        para = f"Village{j} was quiet."
        entities.append(Entity(offset, offset + len(f"Village{j}"), f"Village{j}", "GPE"))
        paragraphs.append(para)
        offset += len(para) + 2
    text = "\n\n".join(paragraphs)
    analysis = Analysis(
        quotes=quotes,
        speakers=[Speaker("Ann Lee", ["Lee"], None, [q.id for q in quotes], 40, 1.0)],
        entities=entities,
    )
    return text, analysis


async def test_long_cards_and_types_fold_and_open_on_demand(store: Store) -> None:
    from reader.analysis.nlp import model_id
    from reader.ui.app import ReaderApp

    text, analysis = _busy_article()
    store.cache_analysis(text_hash(text), model_id(None), ENGINE_VERSION, analysis)
    app = ReaderApp(store=store, document=Document(title="Busy", source="/b.txt", text=text))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        panel = screen.speaker_panel
        ids = [o.id for o in panel.options if o.id]
        assert sum(1 for i in ids if i.startswith("quote-")) == QUOTES_SHOWN
        assert "more-0" in ids
        more = panel.get_option("more-0").prompt
        assert "4 more quotes" in str(more)
        # Jumping to a folded quote opens its card.
        for _ in range(QUOTES_SHOWN + 1):
            await pilot.press("s")
        await pilot.pause()
        assert screen.current_quote == QUOTES_SHOWN
        highlighted = panel.highlighted_option
        assert highlighted is not None and highlighted.id == f"quote-{QUOTES_SHOWN}"
        assert "more-0" not in [o.id for o in panel.options if o.id]
        # Entities: a type with many names folds too, and opens on choosing "… N more".
        await pilot.press("t")
        entities = screen.entities_panel
        ids = [o.id for o in entities.options if o.id]
        assert sum(1 for i in ids if i.startswith("ent-GPE-")) == ENTITIES_SHOWN
        entities.focus()
        entities.highlighted = entities.get_option_index("more-GPE")
        await pilot.press("enter")
        await pilot.pause()
        ids = [o.id for o in entities.options if o.id]
        assert sum(1 for i in ids if i.startswith("ent-GPE-")) == len(analysis.entities)


def test_progress_messages_that_collapse_keep_every_delta_in_order() -> None:
    """Textual drops a progress message that a newer one may stand in for: the newer one
    must then carry the older one's changes, or the screen would miss quotes for good."""
    from reader.analysis.model import Delta
    from reader.ui.screens.article import AnalysisProgress

    source, other = object(), object()
    first = Delta(quotes=[Quote(0, 0, 5, "“a”")])
    second = Delta(quotes=[Quote(1, 9, 14, "“b”")])
    third = Delta(entities=[Entity(20, 24, "Jane", "PERSON")])
    older = AnalysisProgress(source, 10, 30, first)
    newer = AnalysisProgress(source, 20, 30, second)
    newest = AnalysisProgress(source, 30, 30, third)
    assert older.can_replace(newer) and newer.can_replace(newest)
    assert newest.deltas == [first, second, third]
    mine = Analysis()
    for delta in newest.deltas:
        delta.apply(mine)
    assert [q.id for q in mine.quotes] == [0, 1] and len(mine.entities) == 1
    # A message of another stream (a retried analysis) never absorbs this one's.
    assert not newest.can_replace(AnalysisProgress(other, 5, 30, Delta()))


async def test_a_streamed_analysis_is_shown_as_it_grows_and_ends_as_analyze(
    store: Store, sample_doc: Document
) -> None:
    """The screen applies each step's delta to its own copy: at every step the quote marks
    match its quotes and their speakers' colours, and the end is the analysis itself."""
    from reader.analysis import analyze
    from reader.ui.app import ReaderApp

    text = "\n\n".join([sample_doc.text.strip()] * 12)  # ~55 kB: three batches
    app = ReaderApp(store=store, document=Document(title="T", source="/t.txt", text=text))
    seen = 0
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        for _ in range(4000):
            await pilot.pause(0.02)
            a = screen.analysis
            if a is not None and not screen.analysis_complete and a.quotes:
                seen += 1
                marks = sorted(screen.view.quotes, key=lambda m: m.quote_id)
                assert [(m.start, m.end, m.quote_id) for m in marks] == [
                    (q.start, q.end, q.id) for q in a.quotes
                ]
                slots = [screen.slots.get(q.speaker) if q.speaker else None for q in a.quotes]
                assert [m.slot for m in marks] == slots
            if screen.analysis_complete:
                break
        await wait_for_analysis(pilot)
        final = screen.analysis
    assert seen and final is not None
    expected = analyze(text)
    assert (final.quotes, final.entities, final.speakers) == (
        expected.quotes,
        expected.entities,
        expected.speakers,
    )
