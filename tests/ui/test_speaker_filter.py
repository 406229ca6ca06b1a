"""With forty speakers, typing after `/` in the Speakers panel narrows its cards by name or role;
without `/` the letters are the reader's keys, as the footer and the help say."""

from __future__ import annotations

import pytest

from reader.analysis.model import ENGINE_VERSION, Analysis, Entity, Quote, Speaker
from reader.sources import Document
from reader.store import Store, text_hash
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import wait_for_analysis

NAMES = [f"Person {chr(65 + n // 26)}{chr(65 + n % 26)} Example" for n in range(40)]


async def test_typing_in_the_speakers_panel_narrows_the_cards(store: Store) -> None:
    text = "\n\n".join(f"“Line {n},” said {name}." for n, name in enumerate(NAMES)) + "\n"
    quotes, speakers, entities = [], [], []
    for n, name in enumerate(NAMES):
        start = text.index(f"“Line {n},”")
        end = text.index("”", start) + 1
        quotes.append(Quote(n, start, end, text[start:end], speaker=name))
        role = "harbour master" if n == 17 else None
        speakers.append(Speaker(name, [name], role=role, quotes=[n], words=2, share=1 / 40))
        mention = text.index(name, end)
        entities.append(Entity(mention, mention + len(name), name, "PERSON"))
    from reader.analysis.nlp import model_id

    analysis = Analysis(quotes=quotes, speakers=speakers, entities=entities)
    store.cache_analysis(text_hash(text), model_id(None), ENGINE_VERSION, analysis)
    app = ReaderApp(store=store, document=Document(title="Many", source="/m.txt", text=text))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        panel = screen.speaker_panel
        panel.focus()
        await pilot.pause()
        await pilot.press("slash", *"ab")  # "Person AB Example" only
        await pilot.pause()
        headers = [o.id for o in panel._options if o.id and o.id.startswith("speaker-")]
        assert headers == ["speaker-1"] and panel.filter_text == "ab"
        await pilot.press("backspace", "backspace", *"harbour")  # by role
        await pilot.pause()
        headers = [o.id for o in panel._options if o.id and o.id.startswith("speaker-")]
        assert len(headers) == 1
        assert app.screen is screen  # letters typed here never reach the article's keys
        await pilot.press("escape")  # clears the filter, stays in the panel
        await pilot.pause()
        assert panel.filter_text == "" and panel.has_focus
        headers = [o.id for o in panel._options if o.id and o.id.startswith("speaker-")]
        assert len(headers) == 40


async def test_a_share_of_100_percent_is_whole_at_80x24(store: Store) -> None:
    """The card's bar gives way before its numbers: "100%" was cut to "10…"."""
    from tests.ui.conftest import screen_lines

    text = "\n\n".join(f"“Line {n},” said Ana Ruiz." for n in range(12)) + "\n"
    quotes = []
    for n in range(12):
        start = text.index(f"“Line {n},”")
        quotes.append(Quote(n, start, text.index("”", start) + 1, f"“Line {n},”",
                            speaker="Ana Ruiz"))
    speakers = [Speaker("Ana Ruiz", ["Ana Ruiz"], quotes=list(range(12)), words=24, share=1.0)]
    from reader.analysis.nlp import model_id

    analysis = Analysis(quotes=quotes, speakers=speakers, entities=[])
    store.cache_analysis(text_hash(text), model_id(None), ENGINE_VERSION, analysis)
    app = ReaderApp(store=store, document=Document(title="One", source="/o.txt", text=text))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        assert "12 quotes" in shown
        assert "100%" in shown, shown


@pytest.mark.usefixtures("sample_analysed")  # about the panel: the analysis from the cache
async def test_tab_then_letters_filter_the_speakers_and_never_reach_the_article(
    make_app,
) -> None:
    """As a new user does it: `tab` to the panel, `/`, type a name. The first `tab` used to
    land on the tab bar, where letters fell through to the article: `h` highlighted a
    sentence."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("tab")
        await pilot.pause()
        panel = screen.speaker_panel
        assert panel.has_focus, app.focused
        await pilot.press("slash", "h")  # a letter that is a key in the article
        await pilot.pause()
        assert panel.filter_text == "h"
        assert screen.annotations == [], "a letter typed in the panel highlighted the text"
        await pilot.press("backspace", *"gantz")
        await pilot.pause()
        headers = [o.id for o in panel._options if o.id and o.id.startswith("speaker-")]
        assert panel.filter_text == "gantz" and len(headers) == 1
        await pilot.press(*["backspace"] * 5, *"gäntz")  # accents folded (reader.fold)
        await pilot.pause()
        headers = [o.id for o in panel._options if o.id and o.id.startswith("speaker-")]
        assert panel.filter_text == "gäntz" and len(headers) == 1


async def test_the_filter_line_is_whole_at_80x24(store: Store) -> None:
    """Found by a fresh-eyes test: at 80×24 the filter's line ended "1 of 23 · …", the key that
    clears it cut off."""
    from tests.ui.conftest import screen_lines

    text = "\n\n".join(f"“Line {n},” said {name}." for n, name in enumerate(NAMES[:3])) + "\n"
    quotes, speakers = [], []
    for n, name in enumerate(NAMES[:3]):
        start = text.index(f"“Line {n},”")
        quotes.append(Quote(n, start, text.index("”", start) + 1, f"“Line {n},”", speaker=name))
        speakers.append(Speaker(name, [name], quotes=[n], words=2, share=1 / 3))
    from reader.analysis.nlp import model_id

    analysis = Analysis(quotes=quotes, speakers=speakers, entities=[])
    store.cache_analysis(text_hash(text), model_id(None), ENGINE_VERSION, analysis)
    app = ReaderApp(store=store, document=Document(title="Few", source="/f.txt", text=text))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        screen.speaker_panel.focus()
        await pilot.pause()
        await pilot.press("slash", *"example", "enter")
        await pilot.pause()
        left = screen.speaker_panel.region.x
        shown = " ".join(" ".join(line[left:] for line in screen_lines(app)).split())
        assert "filter: example · 3 of 3 · esc clears" in shown, shown


@pytest.mark.usefixtures("sample_analysed")
async def test_t_in_the_speakers_list_switches_tabs_as_the_footer_says(make_app) -> None:
    """Found by a new user: `t` in the Speakers list was typed into its filter while the help
    and the footer said it switches tabs. Now the filter takes letters only after `/`."""
    from reader.ui.widgets.footer import FittingFooter
    from tests.ui.conftest import screen_lines

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("tab")
        await pilot.pause()
        panel = screen.speaker_panel
        assert panel.has_focus
        footer = " ".join(screen_lines(app)[-1:])
        assert "/ Filter" in footer, footer
        assert isinstance(screen.query_one(FittingFooter), FittingFooter)
        await pilot.press("t")
        await pilot.pause()
        assert panel.filter_text == ""
        assert not panel.display or not panel.has_focus, "t did not switch tabs"
        await pilot.press("t", "t")  # Entities, Notes, back to Speakers
        await pilot.pause()
        assert panel.display and panel.has_focus, app.focused
        await pilot.press("slash", *"ta")
        await pilot.pause()
        assert panel.filter_text == "ta" and panel.display
        footer = " ".join(screen_lines(app)[-1:])
        assert " t " not in f" {footer} ", footer  # while filtering, t is a letter
        await pilot.press("enter")  # keeps the filter; letters are keys again
        await pilot.pause()
        assert panel.filter_text == "ta" and not panel.filtering
        await pilot.press("escape")
        await pilot.pause()
        assert panel.filter_text == ""


@pytest.mark.usefixtures("sample_analysed")
async def test_the_filter_key_is_in_the_footer_at_80_columns(make_app) -> None:
    """Driving at 80x24: in the Speakers list the footer had no room for `/ Filter`, the only
    way to the filter now."""
    from tests.ui.conftest import screen_lines

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("tab")
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert "/ Filter" in footer and "space Expand" in footer, footer
