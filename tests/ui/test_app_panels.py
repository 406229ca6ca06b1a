"""The panels' pure parts: speaker order and colour slots, cards, entity groups, previews."""

from __future__ import annotations

from pathlib import Path

from reader.analysis.model import Analysis, Entity, Quote, Speaker
from reader.ui.widgets.entities_panel import group_entities
from reader.ui.widgets.speaker_panel import (
    build_cards,
    plural,
    preview,
    share_bar,
    speaker_order,
    speaker_slots,
)


def _analysis() -> Analysis:
    quotes = [
        Quote(0, 0, 10, "“a b c”", "Ann Lee"),
        Quote(1, 20, 30, "“d e”", "Bo Diaz"),
        Quote(2, 40, 50, "“f g h”", "Bo Diaz"),
        Quote(3, 60, 70, "“nobody said”", None),
    ]
    speakers = [
        Speaker("Ann Lee", quotes=[0], words=3, share=0.375),
        Speaker("Bo Diaz", quotes=[2, 1], words=5, share=0.625),
    ]
    return Analysis(quotes=quotes, speakers=speakers)


def test_most_quoted_speaker_comes_first_and_gets_slot_0() -> None:
    analysis = _analysis()
    assert [s.name for s in speaker_order(analysis)] == ["Bo Diaz", "Ann Lee"]
    assert speaker_slots(analysis) == {"Bo Diaz": 0, "Ann Lee": 1}


def test_cards_list_quotes_in_text_order_and_end_with_unattributed() -> None:
    cards = build_cards(_analysis())
    assert [(c.name, [q.id for q in c.quotes], c.slot) for c in cards] == [
        ("Bo Diaz", [1, 2], 0),
        ("Ann Lee", [0], 1),
        (None, [3], None),
    ]


def test_a_quote_of_a_joined_row_is_listed_once_in_its_colour() -> None:
    """The engine joins a body's short form to its full name's row ("the Church" with
    "Catholic Church") and the quote keeps the name it was given, as in the Daily Beast dev
    article: the quote was listed on the row's card and again as unattributed, and the
    repeated option id crashed the panel on opening."""
    quotes = [
        Quote(0, 0, 10, "“a b c”", "Catholic Church"),
        Quote(1, 20, 30, "“d e”", "the Church"),
        Quote(2, 40, 50, "“f g h”", "Ann Lee"),
    ]
    speakers = [
        Speaker("Catholic Church", aliases=["the Church"], quotes=[0, 1], words=5, kind="org"),
        Speaker("Ann Lee", quotes=[2], words=3),
    ]
    analysis = Analysis(quotes=quotes, speakers=speakers)
    cards = build_cards(analysis)
    listed = [q.id for card in cards for q in card.quotes]
    assert sorted(listed) == [0, 1, 2]
    assert [c.name for c in cards] == ["Catholic Church", "Ann Lee"]
    slots = speaker_slots(analysis)
    assert slots["the Church"] == slots["Catholic Church"] == 0


def test_people_are_grouped_by_speaker_cluster_and_types_by_mentions() -> None:
    entities = [
        Entity(0, 7, "Blinken", "PERSON", "Antony Blinken"),
        Entity(10, 24, "Antony Blinken", "PERSON", "Antony Blinken"),
        Entity(30, 34, "Gaza", "GPE"),
        Entity(40, 44, "Gaza", "GPE"),
        Entity(50, 54, "Iran", "GPE"),
        Entity(60, 64, "Lapid", "PERSON"),
    ]
    grouped = group_entities(entities)
    assert [label for label, _ in grouped] == ["GPE", "PERSON"]
    people = dict(grouped)["PERSON"]
    assert [(g.text, g.spans) for g in people] == [
        ("Antony Blinken", [(0, 7), (10, 24)]),
        ("Lapid", [(60, 64)]),
    ]


def test_previews_bars_and_plurals() -> None:
    assert preview("“one  two\nthree”", words=5) == "“one two three”"
    assert preview("a b c d e f", words=3) == "a b c …"
    assert preview("bell\x07 and ESC\x1b[31m") == "bell␇ and ESC␛[31m"
    assert share_bar(0.41) == "▰▰▰▰▱▱▱▱▱▱"
    assert share_bar(1.0) == "▰" * 10 and share_bar(0.0) == "▱" * 10
    assert (plural(1, "quote"), plural(2, "quote")) == ("1 quote", "2 quotes")


async def test_screenshots_are_written_from_the_real_app(tmp_path: Path) -> None:
    from reader.ui.screenshots import Shot, take

    path = await take(Shot("article", size=(100, 30)), tmp_path / "out", tmp_path / "s.db")
    svg = path.read_text(encoding="utf-8")
    assert path.name == "article.svg" and svg.startswith("<svg")
    assert "quotes&#160;·&#160;" in svg  # the final status line
