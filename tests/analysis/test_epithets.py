"""Epithets in stories (issue 11): "the girl", "the old gentleman" are words the narration
uses of whoever fits them in the scene, not a standing name held by the first one so called."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.cluster import Cluster

Run = Callable[[str], Analysis]


def _exchange(a: str, b: str) -> str:
    """A stretch of uncued turns between two people, which tells the engine it reads a story."""
    lines = ["Are you late?", "I am.", "Then you must wait.", "Must I?", "You must."]
    turns = [f"“{line}”\n\n" for line in lines * 2]
    return f"“Well?” said {a}.\n\n“Well,” said {b}.\n\n" + "".join(turns)


#: Narration with no people in it, to put chapters between two scenes.
_WEATHER = (
    "The rain came down upon the roofs of the town all that week, and the gutters ran "
    "full, and the lamps were lit early in the shops along the river.\n\n"
)


def test_a_girl_met_once_chapters_ago_is_not_the_girl_of_a_later_scene(run: Run) -> None:
    text = (
        _exchange("Oliver", "Mr. Sowerberry")
        + "Mr. Sowerberry knocked at a door. It was opened by a young girl of thirteen or "
        "fourteen.\n\n"
        + _WEATHER * 40
        + "“Eight o'clock, Bill,” said Nancy, when the bell ceased. She turned her head.\n\n"
        "“What's the good of telling me that?” replied Sikes.\n\n"
        "“Wait a minute!” said the girl. “I wouldn't hurry by.”\n\n"
        "“And what good would that do?” inquired Mr. Sikes.\n"
    )
    a = run(text)
    (q,) = [q for q in a.quotes if q.text.startswith("“Wait")]
    assert q.speaker == "Nancy"


def test_the_old_gentleman_is_the_old_man_of_the_scene_not_the_boy(run: Run) -> None:
    text = _exchange("Oliver", "Mr. Brownlow") + (
        "Oliver sat down by the fire, and Mr. Brownlow looked kindly at the boy.\n\n"
        "“Do you know me?” asked the old gentleman.\n\n"
        "“No, sir,” said Oliver.\n"
    )
    a = run(text)
    (q,) = [q for q in a.quotes if q.text.startswith("“Do you")]
    assert q.speaker == "Mr. Brownlow"


def test_an_age_the_narration_has_said_most_often_rules_out_the_other() -> None:
    from reader.analysis.epithets import age_said, fits_age, remember

    boy = Cluster(id=0, kind="person", canonical="Oliver")
    remember(boy, {"boy"}, "m")
    remember(boy, {"child"}, "m")
    assert age_said({"old", "gentleman"}) == "old"
    assert not fits_age(boy, {"old", "gentleman"})
    assert fits_age(boy, {"gentleman"})
    # an epithet of the other gender is no evidence about the person
    nancy = Cluster(id=1, kind="person", canonical="Nancy", female=3)
    remember(nancy, {"old", "gentleman"}, "m")
    assert nancy.epithets == {}


def test_the_other_man_is_not_the_man_of_the_scene(run: Run) -> None:
    """ "the second gentleman", "the other man": one of several the text tells apart, not an
    epithet of whoever fits."""
    text = _exchange("Nancy", "Sikes") + (
        "Mr. Sikes sat down heavily by the table and lit his pipe.\n\n"
        "“Who are you?” said the other man.\n\n"
        "“Nobody,” said Nancy.\n"
    )
    a = run(text)
    (q,) = [q for q in a.quotes if q.text.startswith("“Who are")]
    assert q.speaker not in ("Sikes", "Mr. Sikes")


def test_said_the_old_lady_is_a_woman_described_not_a_lost_form_of_address(run: Run) -> None:
    """ "lady" is also a title ("Lady Bertram"), but "the old lady" is someone described: the
    woman of the scene, not a stranger of its own."""
    text = _exchange("Oliver", "Mrs. Bedwin") + (
        "Mrs. Bedwin sat down by the fire with her knitting.\n\n"
        "“Is that a likeness, ma'am?” said Oliver.\n\n"
        "“Yes,” said the old lady.\n"
    )
    a = run(text)
    (q,) = [q for q in a.quotes if q.text.startswith("“Yes")]
    assert q.speaker == "Mrs. Bedwin"
