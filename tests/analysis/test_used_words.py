"""Names, slogans and terms the sentence says someone uses (``used_words``): the words they
speak of someone or something by, a slogan they run on, a term they coin or use, a name in
what a speech verb's subject speaks of; and the names given, titles and so-called terms that
stay out. Each runs the real model on invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import Analysis

from .conftest import speaker_of

Run = Callable[[str], Analysis]


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "Mara Holt refers to the governor, her longtime friend, as “Mr. Vance,” while he "
            "calls her Mara.\n",
            "“Mr. Vance",
            "Mara Holt",
        ),
        (
            "Tom Reyes wrote to the senator after the crash, addressing her informally as "
            "“Ada” and wishing her well.\n",
            "“Ada",
            "Tom Reyes",
        ),
        ("The historian Ilse Varga referred to the “New Gentry.”\n", "“New Gentry", "Ilse Varga"),
    ],
)
def test_the_words_someone_speaks_of_another_by_are_theirs(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(run(text), opening) == speaker


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "Ada Price ran on the slogan “Roads First” in 1998 after two terms as mayor.\n",
            "“Roads First",
            "Ada Price",
        ),
        (
            "Tom Reyes has coined a new phrase, “pothole patriots,” to describe the "
            "volunteers.\n",
            "“pothole",
            "Tom Reyes",
        ),
        (
            "Lena Marsh defended her use of the term “Greater Dunmore” at the meeting on "
            "Tuesday.\n",
            "“Greater Dunmore",
            "Lena Marsh",
        ),
        (
            "Rosa Vela and other advocates prefer the term “undocumented workers.”\n",
            "“undocumented",
            "Rosa Vela",
        ),
    ],
)
def test_a_slogan_or_term_someone_uses_is_theirs(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(run(text), opening) == speaker


def test_a_name_in_what_a_speech_verb_speaks_of_is_the_speakers(run: Run) -> None:
    text = (
        "Ray Colt denounced the nascent “Friends of Hale” movement on his radio show on "
        "Thursday.\n"
    )
    assert speaker_of(run(text), "“Friends of Hale") == "Ray Colt"


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "Hale’s county chairman, Rex Early, a former party chairman, said he had not "
            "explored the process.\n\nInformed of the local district’s anti-Hale lean, Early "
            "described it as “news to me.”\n",
            "“news to me",
            "Rex Early",
        ),
        (
            "Columnist George Will wrote that Hale is a poor choice.\n\nWhile Will acknowledges "
            "Hale’s appeal as a “forceful persona,” he sees Christie as stronger.\n",
            "“forceful",
            "George Will",
        ),
    ],
)
def test_a_known_name_the_tagger_took_for_an_adverb_still_speaks(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(run(text), opening) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a name given stays a name, whoever gave it
        "The company’s first chip, which its engineers call “the Loom” because of its shape, "
        "ran a large model.\n",
        "The parents have cheerfully adopted the nickname “the Back Row Moms,” which began as "
        "a joke.\n",
        # a work someone read is no one's words
        "Ava Ruiz said she had read “The Salt Orchard” as a junior and liked it.\n",
        # the writer's so-called term
        "Officials have repeatedly stressed the importance of the so-called “golden 72 hours” "
        "after a quake.\n",
    ],
)
def test_names_given_works_and_so_called_terms_stay_out(run: Run, text: str) -> None:
    assert run(text).quotes == []
