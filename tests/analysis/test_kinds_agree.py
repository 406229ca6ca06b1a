"""What each speaker is, told once: a body's short form in its full name's row ("the Church"
with "The Catholic Church"), a name listed with a person's under one noun for people a
person everywhere ("cabinet members Benny Gantz and Gadi Eizenkot"), a role given at a later
mention of a name the tagger left unlabelled."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.model import Speaker
from reader.analysis.speaker_list import merged

Run = Callable[[str], Analysis]


def body(name: str, quotes: list[int], words: int) -> Speaker:
    return Speaker(name=name, aliases=[], role=None, quotes=quotes, words=words, kind="org")


def test_a_bodys_short_form_joins_its_full_name() -> None:
    rows = merged([body("Catholic Church", [2], 22), body("the Church", [3], 9)])
    assert [(r.name, r.quotes, r.words, r.aliases) for r in rows] == [
        ("Catholic Church", [2, 3], 31, ["the Church"])
    ]


def test_a_short_form_two_bodies_end_in_stays_apart() -> None:
    parties = ["Democratic Party", "Republican Party", "the Party"]
    rows = merged([body(name, [i], 5) for i, name in enumerate(parties)])
    assert sorted(r.name for r in rows) == parties


def test_the_house_is_not_the_white_house() -> None:
    rows = merged([body("White House", [1], 12), body("the House", [4], 8)])
    assert sorted(r.name for r in rows) == ["White House", "the House"]


def test_a_name_listed_with_a_person_is_a_person(run: Run) -> None:
    # the first sentence of the sample article (reader/samples/seed.txt)
    text = (
        "U.S. Secretary of State Antony Blinken discussed the war against Hamas and efforts to "
        "free the hostages held in Gaza during a meeting with Israeli War Cabinet members Benny "
        "Gantz and Gadi Eizenkot in Tel Aviv on Thursday, the second day of his 48-hour visit "
        "to the Jewish state.\n"
    )
    labels = {e.text: e.label for e in run(text).entities}
    assert labels["Benny Gantz"] == "PERSON"
    assert labels["Gadi Eizenkot"] == "PERSON"
