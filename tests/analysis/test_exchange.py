"""Deciding a run of uncued turns together (``exchange.decode``): the cued turn that ends an
exchange settles the turns before it, where the ranker alone, deciding one quote at a time,
gave two turns in a row to the person the narration had just named."""

from __future__ import annotations

import pytest
from spacy.language import Language

from reader.analysis import Analysis, exchange
from reader.analysis.engine import Engine
from reader.analysis.ranker import RULES, Ranker, default_ranker
from reader.analysis.ranker_features import feature_names
from reader.analysis.stream import read_pieces

#: Written for this test: a two-person exchange long enough to read as a story, then a
#: paragraph of narration about Ruth, three uncued turns, and a turn a cue gives to Ruth.
#: The turns take sides: Tom asks, Ruth (at the window) answers, Tom, then Ruth.
LINES = [
    "“You let it burn again,” said Tom.",
    "“I was busy,” said Ruth.",
    "“Busy with what? The figures will keep.”",
    "“They will not keep. The rent is due on Friday.”",
    "“Then we pay it on Friday, as we always do.”",
    "“With what money? Look at this column.”",
    "“I see a column of numbers. I have never understood them.”",
    "“That is exactly the trouble with you.”",
    "“And the trouble with you is that you never stop.”",
    "“Someone has to think about these things.”",
    "“Think about them tomorrow. Have some tea.”",
    "“There is no tea. The kettle is ruined.”",
    "“Then I will go to the village and buy another.”",
    "“With the rent money, I suppose.”",
    "“With my own money. I sold the pig.”",
    "“You sold the pig? Without asking me?”",
    "“I am asking you now. Was it a good price?”",
    "“It was a terrible price, and you know it.”",
    "Ruth put the accounts away in the drawer and went to the window, where the light was going.",
    "“Can you see the carrier on the road yet?”",
    "“Not yet. It is getting too dark to see anything.”",
    "“He is always late on a Thursday.”",
    "“He is here now,” said Ruth. “I can hear the cart.”",
]
TEXT = (
    "The kettle had boiled dry before anyone noticed, and Tom Hale came in from the yard to "
    "find his sister at the table with the accounts.\n\n" + "\n\n".join(LINES) + "\n"
)
#: The three uncued turns between the narration and Ruth's cued turn, and their speakers.
RUN = {
    "“Can you see the carrier": "Tom Hale",
    "“Not yet.": "Ruth",
    "“He is always late": "Tom Hale",
}


def analyse(nlp: Language, ranker: Ranker | None) -> Analysis:
    engine = Engine(TEXT)
    engine.ranker = ranker
    for _ in read_pieces(engine, nlp):
        pass
    return engine.snapshot()


def speakers(a: Analysis) -> dict[str, str | None]:
    return {
        opening: next(q.speaker for q in a.quotes if q.text.startswith(opening)) for opening in RUN
    }


def leaning_to_the_named(weight: float) -> Ranker:
    """A ranker whose one weight prefers the person the narration names by name near the
    quote: here Ruth, for each of the three turns alike (probability e/(1+e) at 1.0)."""
    names = tuple(feature_names([r for r, _ in RULES]))
    return Ranker(names, tuple(weight if n == "mention_name" else 0.0 for n in names))


def test_a_person_does_not_answer_themselves_in_the_exchange(nlp: Language) -> None:
    """A ranker that leans to the person the narration just named gives all three turns to
    Ruth one at a time; decided together, the turns that would have Ruth answer herself
    (two closed turns in a row, paragraph after paragraph) cost the hypothesis
    ``exchange.REPEAT``, and the exchange alternates into her cued turn. Without that cost
    the alternation alone left all three to Ruth."""
    assert speakers(analyse(nlp, leaning_to_the_named(1.0))) == RUN


def test_the_cued_turn_after_a_run_settles_the_turns_before_it(nlp: Language) -> None:
    """End to end, with the packaged ranker: alone it gives the first two turns to Ruth,
    whom the narration had just named; the decoding settles them. Before the cost of a
    repeated speaker this hung on a margin of 0.01 in log-probability between two
    hypotheses, and a retrained ranker tipped it (Ruth answering herself)."""
    ranker = default_ranker()
    assert ranker is not None
    a = analyse(nlp, ranker)
    assert speakers(a) == RUN
    # the choices keep the ranker's calibrated confidence, below certainty
    for opening in RUN:
        q = next(q for q in a.quotes if q.text.startswith(opening))
        assert q.confidence is not None and 0 < q.confidence < 1


def test_with_no_preference_from_the_ranker_the_exchange_alternates(nlp: Language) -> None:
    """A ranker that weighs every candidate the same leaves the choice to the exchange: the
    turns alternate into the cued one that ends the run (one at a time, each took the first
    candidate, Ruth, for all three)."""
    names = tuple(feature_names([r for r, _ in RULES]))
    flat = Ranker(names, tuple(0.0 for _ in names))
    assert speakers(analyse(nlp, flat)) == RUN


def test_the_work_per_turn_stays_bounded_however_long_the_run(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each hypothesis is laid over the turns before it: over one run as long as the text
    that would grow with the square of its length, so a long run is decided in pieces."""
    calls = [0]
    real = exchange._assign

    def counted(*args: object) -> None:
        calls[0] += 1
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(exchange, "_assign", counted)

    def work(turns: int) -> int:
        lines = ["“Are you there?” said Tom.", "“I am here,” said Ruth."]
        lines += [f"“That is the {k}th time you have said so.”" for k in range(turns)]
        calls[0] = 0
        engine = Engine("\n\n".join(lines) + "\n")
        for _ in read_pieces(engine, nlp):
            pass
        return calls[0]

    small, large = work(40), work(160)
    assert small > 0 and large < 4 * small * 1.5
