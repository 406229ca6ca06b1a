"""Pilot tests of the article screen: the real app, the real store (tmp_path), the real engine."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from reader.analysis.model import ENGINE_VERSION
from reader.sources import Document
from reader.store import Store, text_hash
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.entities_panel import EntitiesPanel
from reader.ui.widgets.search_bar import SearchBar
from tests.ui.conftest import wait_for_analysis

#: For a test of what follows the analysis: the sample's comes from the cache
#: (tests/ui/conftest.py); the tests of the analysis itself let the app run it.
AFTER_ANALYSIS = pytest.mark.usefixtures("sample_analysed")

STATUS = re.compile(r"^\d+ quotes? · \d+ speakers? · \d+ entit(y|ies)$")


def article(app: Any) -> ArticleScreen:
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


def option_ids(panel: Any) -> list[str]:
    return [o.id for o in panel.options if o.id]


async def test_text_is_shown_before_the_analysis_arrives(make_app, sample_doc) -> None:
    # Long enough (three batches, ~55 kB) that the analysis cannot be done by the first frame;
    # the test waits for its end, so no longer than that.
    text = "\n\n".join([sample_doc.text.strip()] * 12)
    app = make_app(Document(title="Long read", source="/long.txt", text=text))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = article(app)
        assert screen.view.size.width > 0
        assert "Antony Blinken discussed" in "".join(
            strip.text for strip in screen.view.render_lines(screen.view.region.reset_offset)
        )
        assert not screen.analysis_complete
        assert screen.status_text.startswith("analysing")
        await wait_for_analysis(pilot)
        assert screen.analysis_complete


async def test_analysis_fills_the_status_and_the_speaker_cards(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        analysis = screen.analysis
        assert analysis is not None and analysis.quotes and analysis.speakers
        assert STATUS.match(screen.status_text), screen.status_text
        assert screen.status_text.startswith(f"{len(analysis.quotes)} quotes · ")
        cards = screen.speaker_panel.cards
        named = [c for c in cards if c.name is not None]
        assert len(named) == len(analysis.speakers)
        # Most quoted first, and every quote is listed on exactly one card.
        counts = [len(c.quotes) for c in named]
        assert counts == sorted(counts, reverse=True)
        listed = sorted(q.id for c in cards for q in c.quotes)
        assert listed == sorted(q.id for q in analysis.quotes)
        # The card's colour slot is the speaker's slot for the quote highlights too.
        for card in named:
            assert screen.slots[card.name] == card.slot


async def test_analysis_is_cached_and_reopening_does_not_import_spacy(
    make_app, store: Store, db_path: Path, sample_doc: Document
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        first_status = article(app).status_text
    from reader.analysis.nlp import model_id

    cached = store.cached_analysis(text_hash(sample_doc.text), model_id(None), ENGINE_VERSION)
    assert cached is not None
    store.close()
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from reader.store import Store
        from reader.ui.app import ReaderApp
        from reader.ui.launch import sample_document
        from tests.ui.conftest import wait_for_analysis

        async def main():
            with Store.open({str(db_path)!r}) as store:
                app = ReaderApp(store=store, document=sample_document())
                async with app.run_test(size=(100, 30)) as pilot:
                    await wait_for_analysis(pilot)
                    print(app.screen.status_text)
            print("spacy" in sys.modules)

        asyncio.run(main())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0, done.stderr
    status, spacy_loaded = done.stdout.strip().splitlines()[-2:]
    assert status == first_status
    assert spacy_loaded == "False"


@AFTER_ANALYSIS
async def test_choosing_a_quote_in_the_panel_scrolls_the_article_to_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        panel = screen.speaker_panel
        last = max(screen.analysis.quotes, key=lambda q: q.start)
        panel.focus()
        panel.highlighted = panel.get_option_index(f"quote-{last.id}")
        await pilot.press("enter")
        await pilot.pause()
        view = screen.view
        assert view.cursor_span[0] <= last.start < view.cursor_span[1]
        assert 0 < view.top_offset <= last.start
        assert screen.current_quote == last.id
        assert last.id in panel._expanded
        assert (last.speaker or "Unattributed") in str(app.screen.query_one("#status-info").content)


@AFTER_ANALYSIS
async def test_next_and_previous_quote_keys_follow_the_text(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        ordered = sorted(screen.analysis.quotes, key=lambda q: q.start)
        screen.view.focus()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        first = screen.current_quote
        assert first is not None
        await pilot.press("right_square_bracket")
        await pilot.pause()
        second = screen.current_quote
        assert second != first
        starts = {q.id: q.start for q in ordered}
        assert starts[second] > starts[first]
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.current_quote == first
        highlighted = screen.speaker_panel.highlighted_option
        assert highlighted is not None and highlighted.id == f"quote-{first}"


@AFTER_ANALYSIS
async def test_speaker_key_jumps_through_one_speakers_quotes(make_app) -> None:
    """With nothing current and the cursor before every quote (as after `g`), `s` goes on with
    the speaker of the next quote, not the panel's first card's, which skipped the quotes
    between (a note then went on the wrong person's quote)."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        first = min(screen.analysis.quotes, key=lambda q: q.start)
        card = next(c for c in screen.speaker_panel.cards if c.name == first.speaker)
        assert card is not screen.speaker_panel.cards[0] and len(card.quotes) >= 2
        await pilot.press("g", "s")
        await pilot.pause()
        assert screen.current_quote == first.id == card.quotes[0].id
        await pilot.press("s")
        await pilot.pause()
        assert screen.current_quote == card.quotes[1].id
        await pilot.press("S")
        await pilot.pause()
        assert screen.current_quote == card.quotes[0].id
        assert str(app.screen.query_one("#status-info").content).startswith(
            f"{card.name} · quote 1 of {len(card.quotes)}"
        )


@AFTER_ANALYSIS
async def test_layer_keys_toggle_quotes_and_entities(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        view = article(app).view
        assert view.show_quotes and view.show_entities
        await pilot.press("quotation_mark")
        assert not view.show_quotes and view.show_entities
        await pilot.press("e")
        assert not view.show_entities
        await pilot.press("quotation_mark", "e")
        assert view.show_quotes and view.show_entities


@AFTER_ANALYSIS
async def test_search_finds_every_match_and_escape_clears_them(make_app, sample_doc) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("slash")
        bar = screen.query_one(SearchBar)
        assert bar.display and bar.input.has_focus
        await pilot.press(*"gantz")
        await pilot.pause()
        expected = sample_doc.text.lower().count("gantz")
        assert expected > 2
        assert bar.count_text == f"match 1 of {expected}"
        first = screen.last_match
        assert first is not None and sample_doc.text[first[0] : first[1]] == "Gantz"
        await pilot.press("enter")  # back to the article, still on the first match
        await pilot.pause()
        assert screen.view.has_focus and not bar.display  # closed, its matches still marked
        assert screen.last_match == first
        await pilot.press("full_stop")
        second = screen.last_match
        assert second is not None and second[0] > first[0]
        assert bar.count_text == f"match 2 of {expected}"
        await pilot.press("full_stop")
        third = screen.last_match
        assert third is not None and third[0] > second[0]
        await pilot.press("comma")
        assert screen.last_match == second
        assert bar.input.value == "gantz"  # the keys went to the article, not the query
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.display and screen.view.has_focus
        assert screen.view.match_count == 0
        # escape with nothing open says the next one leaves, and that one does
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)


@AFTER_ANALYSIS
async def test_panel_tabs_switch_by_key_and_by_click(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        tabs = screen.side.tabs
        assert tabs.active == "speakers"
        await pilot.press("t")
        assert tabs.active == "entities"
        await pilot.press("t")
        assert tabs.active == "notes"
        await pilot.click("#side-tabs Tab#--content-tab-entities")
        await pilot.pause()
        assert tabs.active == "entities"
        await pilot.press("t", "t")
        assert tabs.active == "speakers"


@AFTER_ANALYSIS
async def test_t_from_a_tabs_list_gives_the_focus_to_the_next_tabs_list(make_app) -> None:
    """`t` while the Entities list had the focus hid that list and left the focus nowhere:
    no key moved either pane until `tab` (found by a new user)."""
    from reader.ui.widgets.notes_panel import NotesPanel

    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("t", "tab")
        await pilot.pause()
        assert isinstance(screen.focused, EntitiesPanel)
        await pilot.press("t")
        await pilot.pause()
        assert screen.side.tabs.active == "notes"
        assert screen.focused is not None
        assert screen.query_one(NotesPanel) in screen.focused.ancestors_with_self
        # from the text, `t` leaves the focus in the text
        await pilot.press("escape", "t")
        await pilot.pause()
        assert screen.focused is screen.view


@AFTER_ANALYSIS
async def test_choosing_an_entity_cycles_through_its_occurrences(make_app, sample_doc) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("t")
        panel = screen.query_one(EntitiesPanel)
        ids = option_ids(panel)
        repeated = next(i for i in ids if i.startswith("ent-") and len(panel._groups[i].spans) >= 2)
        group = panel._groups[repeated]
        panel.focus()
        panel.highlighted = panel.get_option_index(repeated)
        seen = []
        for _ in range(len(group.spans) + 1):
            await pilot.press("enter")
            await pilot.pause()
            seen.append(screen.view.cursor_span)
        expected = [*group.spans, group.spans[0]]
        assert all(c[0] <= s < c[1] for c, (s, _) in zip(seen, expected, strict=True))
        assert seen[0] != seen[-2] or len(group.spans) == 1
        entity_spans = {
            (e.start, e.end) for e in screen.analysis.entities if e.label == group.label
        }
        assert set(group.spans) <= entity_spans


@AFTER_ANALYSIS
async def test_panel_hides_resizes_and_narrows_at_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        side = screen.side
        wide = side.size.width
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert side.size.width == wide + 4
        await pilot.press("less_than_sign", "less_than_sign")
        await pilot.pause()
        assert side.size.width == wide - 4
        await pilot.press("p")
        await pilot.pause()
        assert not side.display
        await pilot.press("p")
        await pilot.pause()
        assert side.display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert side.display and side.size.width <= 32
        assert screen.view.size.width >= 45
        assert screen.query_one("#status").region.y == 22
        await pilot.resize_terminal(56, 24)
        await pilot.pause()
        assert not side.display
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert side.display


@AFTER_ANALYSIS
async def test_theme_switch_recolours_the_cards(make_app) -> None:
    from reader.ui.palette import speaker_color

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        app.theme = "textual-dark"
        await pilot.pause()
        assert screen.speaker_panel._colors[0] == speaker_color(0, True)
        app.theme = "textual-light"
        await pilot.pause()
        assert screen.speaker_panel._colors[0] == speaker_color(0, False)
        assert screen.status_text.startswith(f"{len(screen.analysis.quotes)} quotes")
