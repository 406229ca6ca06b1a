"""Uncertain attributions look uncertain: a muted tint in the article, "probably" in the
speakers panel, and a card whose every quote is a guess grouped apart under "Uncertain";
each card says what its speaker is (person, organisation, unnamed source, document)."""

from __future__ import annotations

from typing import Any

from reader.analysis.model import ENGINE_VERSION, Analysis, Quote, Speaker
from reader.sources import Document
from reader.store import Store, text_hash
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import screen_lines, wait_for_analysis

PARAGRAPHS = (
    ("“We will build the harbour wall,” said Ann Lee.", "Ann Lee", "explicit", 0.93),
    ("“Maybe next spring,” came the reply.", "Ann Lee", "conversation", 0.6),
    ("“The plan is late,” the Harbour Board said.", "Harbour Board", "organisation", 0.75),
    ("“Nobody asked the fishermen,” someone whispered.", "Bo Diaz",
     "continuation_next_paragraph", 0.4),
)


def article() -> tuple[str, Analysis]:
    text = "\n\n".join(p for p, *_ in PARAGRAPHS)
    quotes = []
    for i, (para, who, rule, confidence) in enumerate(PARAGRAPHS):
        at = text.index(para)
        start, end = at + para.index("“"), at + para.index("”") + 1
        quotes.append(Quote(i, start, end, text[start:end], who, None, None, rule, confidence))
    speakers = [
        Speaker("Ann Lee", ["Lee"], "harbour master", [0, 1], 9, 0.6, kind="person"),
        Speaker("Harbour Board", [], None, [2], 4, 0.27, kind="org"),
        Speaker("Bo Diaz", [], None, [3], 4, 0.27, kind="person"),
    ]
    return text, Analysis(quotes=quotes, speakers=speakers)


def cached_app(store: Store) -> Any:
    from reader.analysis.nlp import model_id
    from reader.ui.app import ReaderApp

    text, analysis = article()
    store.cache_analysis(text_hash(text), model_id(None), ENGINE_VERSION, analysis)
    return ReaderApp(store=store, document=Document(title="Harbour", source="/h.txt", text=text))


async def test_panel_says_probably_and_puts_all_uncertain_cards_apart(store: Store) -> None:
    app = cached_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        panel = screen.speaker_panel
        ids = [o.id for o in panel.options if o.id]
        # Bo Diaz has more words than nobody, but only guesses: below the heading, after the
        # Harbour Board, whose one quote is sure.
        heading = ids.index("uncertain")
        names = {card.name: ids.index(f"speaker-{i}") for i, card in enumerate(panel.cards)
                 if card.name is not None}
        assert names["Ann Lee"] < names["Harbour Board"] < heading < names["Bo Diaz"]
        assert "probably Bo Diaz" in str(panel.get_option(f"speaker-{2}").prompt)
        assert "probably" in str(panel.get_option("quote-1").prompt)
        assert "probably" not in str(panel.get_option("quote-0").prompt)
        shown = "\n".join(screen_lines(app))
        assert "Uncertain" in shown and "probably" in shown
        assert "Ann Lee  person" in shown and "harbour master" in shown
        assert "Harbour Board  organisation" in shown


async def test_kind_reads_at_80_columns(store: Store) -> None:
    app = cached_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        shown = screen_lines(app)
        panel_text = "\n".join(line[50:] for line in shown)
        # Beside the name where it fits, so the role keeps its own line whole.
        assert "Ann Lee  person" in panel_text and "   harbour master\n" in panel_text
        assert "organisation" in panel_text


async def test_an_uncertain_quote_is_drawn_muted(store: Store) -> None:
    """The guessed quote of Ann Lee is drawn unlike her sure one and unlike the page."""
    app = cached_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("G")  # the cursor away from the quotes
        await pilot.pause()
        view = screen.view

        def style_of(word: str) -> tuple[object, object]:
            for y in range(view.size.height):
                for seg in view.render_line(y):
                    if word in seg.text:
                        return seg.style.bgcolor, seg.style.color
            raise AssertionError(f"{word!r} is not on screen")

        sure, guess, page = style_of("harbour wall"), style_of("next spring"), style_of("came")
        assert guess != sure and guess != page


def test_muted_quotes_stay_apart_in_every_colour_system() -> None:
    """For every speaker slot, dark and light pages, true colour, 256 and 16 colours: a guessed
    quote is drawn unlike the same speaker's sure quote and unlike the page around it."""
    from textual.color import Color

    from reader.ui import palette

    pages = (
        (True, Color.parse("#121212"), Color(224, 224, 224)),
        (True, Color.parse("#1e1e1e"), Color(224, 224, 224)),
        (False, Color.parse("#efefef"), Color(20, 20, 20)),
        (False, Color.parse("#ffffff"), Color(20, 20, 20)),
    )
    for dark, page, text in pages:
        for system in ("truecolor", "256", "standard"):
            for slot in range(palette.SPEAKER_COUNT):
                bg, fg = palette.muted_speaker(slot, dark, page, text, system)
                fg = palette.readable(fg, bg)
                sure = palette.speaker_tint(slot, dark, page)

                def drawn(back: Color, fore: Color) -> tuple[object, object]:
                    return palette.shown_as(back, system), palette.shown_as(fore, system)  # noqa: B023

                where = f"slot {slot} on {page.hex} in {system}"
                assert drawn(bg, fg) != drawn(sure, palette.readable(text, sure)), where
                assert drawn(bg, fg) != drawn(page, text), where
                # Nor in another speaker's full tint (256 colours' pale yellow was full red).
                others = {palette.shown_as(palette.speaker_tint(other, dark, page), system)
                          for other in range(palette.SPEAKER_COUNT) if other != slot}
                assert bg == page or palette.shown_as(bg, system) not in others, where


async def test_the_legend_explains_the_guessed_look(store: Store) -> None:
    from reader.ui.screens.legend import LegendScreen

    app = cached_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LegendScreen)
        assert "probably (a guess)" in "\n".join(screen_lines(app))


async def test_the_status_line_says_probably_for_a_guess(store: Store) -> None:
    """Found by a fresh-eyes test: the panel said "probably Bo Diaz" but the status line, with
    the cursor on that very quote, said "Bo Diaz · quote 1 of 1" as if it were certain."""
    app = cached_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        said = []
        for _ in range(len(PARAGRAPHS)):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            said.append(str(screen.query_one("#status-info").content))
        assert said == [
            "Ann Lee · quote 1 of 2",
            "probably Ann Lee · quote 2 of 2",
            "Harbour Board · quote 1 of 1",
            "probably Bo Diaz · quote 1 of 1",
        ]


async def test_a_card_of_guesses_says_probably_once(store: Store) -> None:
    """Found by a fresh-eyes test: under "Uncertain", "probably Bo Diaz" was followed by
    "probably" on each of its rows, which at 80 columns left ten letters of each quote."""
    from reader.ui.widgets.speaker_panel import GUESS_BAR

    app = cached_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        panel = screen.speaker_panel
        row = str(panel.get_option("quote-3").prompt)  # Bo Diaz's only quote, a guess
        assert "probably" not in row and GUESS_BAR in row
        assert row.split(GUESS_BAR, 1)[1].strip().startswith("“Nobody asked")
        # Among sure quotes a guess still says so.
        assert "probably" in str(panel.get_option("quote-1").prompt)
        panel.focus()
        panel.highlighted = panel.get_option_index("quote-3")
        await pilot.press("space")  # expanded, it says it no more than collapsed
        await pilot.pause()
        lines = screen_lines(app)
        row_shown = next(line for line in lines if "Nobody asked" in line[50:])
        assert GUESS_BAR in row_shown and "probably" not in row_shown[50:], row_shown
        assert any("probably Bo Diaz" in line for line in lines)
