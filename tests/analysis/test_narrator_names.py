"""The name the others call a first-person narrator (issue 11), on made-up exchanges: the
forms of one name count together, a rank is no one's name, a name whose holder has spoken is
theirs, and a call in a turn between two others is no vote for the narrator."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.narrator import name_key

Run = Callable[[str], Analysis]

_VERA = (
    "“Good morning, Pyotr Sergeyevich,” said Vera.\n\n“Good morning,” I said.\n\n"
    "“Have you the money, Pyotr Sergeyevich?” said Vera.\n\n“I have,” I said.\n\n"
    "“Then give it to me, Pyotr Sergeyevich,” said Vera.\n\n“Here it is,” I said.\n\n"
    "“Thank you, Pyotr Sergeyevich,” said Vera.\n\n“Not at all,” I said.\n"
)


def _speakers(a: Analysis) -> list[str | None]:
    return [q.speaker for q in a.quotes]


def test_a_name_whose_holder_has_spoken_is_not_the_narrators(run: Run) -> None:
    # Called four times beside the narrator's turns, "Pyotr Sergeyevich" is the narrator's
    # when the narration only named him (a letter's addressee), never when he has spoken.
    letter = "A letter lay on the table, addressed to Pyotr Sergeyevich. Vera came in.\n\n"
    assert _speakers(run(letter + _VERA)) == ["Vera", "Pyotr Sergeyevich"] * 4
    spoke = "Pyotr Sergeyevich came in with Vera.\n\n“Cold today,” said Pyotr Sergeyevich.\n\n"
    assert _speakers(run(spoke + _VERA)) == ["Pyotr Sergeyevich"] + ["Vera", "the narrator"] * 4


def test_a_rank_called_more_often_is_never_the_narrators_name(run: Run) -> None:
    text = (
        "“Good morning, General,” said Vera.\n\n“Good morning,” I said.\n\n"
        "“Are you well, General?” said Vera.\n\n“Quite well,” I said.\n\n"
        "“And the horses, General?” said Vera.\n\n“Fed,” I said.\n\n"
        "“Pyotr, the door,” said Vera.\n\n“Yes,” I said.\n\n"
        "“Pyotr, the lamp,” said Vera.\n\n“Yes,” I said.\n"
    )
    assert _speakers(run(text)) == ["Vera", "Pyotr"] * 5


def test_a_name_and_its_shorter_form_outvote_another_name_together(run: Run) -> None:
    # "Pyotr" twice and "Pyotr Sergeyevich" twice are four calls of one name, more than the
    # three of "Vera", whom the narration never names either.
    text = (
        "“Pyotr, sit down,” said Masha.\n\n“Thank you,” I said.\n\n"
        "“Vera, the tea,” said Masha.\n\n“No tea,” I said.\n\n"
        "“Pyotr Sergeyevich, you look tired,” said Masha.\n\n“I am,” I said.\n\n"
        "“Vera, the cups,” said Masha.\n\n“Not for me,” I said.\n\n"
        "“Pyotr, come closer,” said Masha.\n\n“Here?” I said.\n\n"
        "“Vera, go out,” said Masha.\n\n“Goodbye,” I said.\n\n"
        "“Pyotr Sergeyevich, wait,” said Masha.\n\n“Well?” I said.\n"
    )
    assert _speakers(run(text)) == ["Masha", "Pyotr Sergeyevich"] * 7


def test_a_name_no_one_has_called_the_narrator_is_theirs_across_the_narration(
    run: Run,
) -> None:
    # The calls are a paragraph of narration away from the narrator's answers, and the
    # narration never names "Pyotr Ivanovich": the turns beside the narrator's name them.
    text = (
        "Vera sat by the stove.\n\n“Sit down, Pyotr Ivanovich,” said Vera.\n\nI sat down.\n\n"
        "“Thank you,” I said.\n\n“Will you take tea, Pyotr Ivanovich?” said Vera.\n\n"
        "I nodded.\n\n“Please,” I said.\n\n“Will you have sugar, Pyotr Ivanovich?” said Vera."
        "\n\nI shook my head.\n\n“No sugar,” I said.\n"
    )
    assert _speakers(run(text)) == ["Vera", "Pyotr Ivanovich"] * 3


def test_a_name_a_captain_of_the_narration_is_called_is_the_narrators_if_he_never_spoke(
    run: Run,
) -> None:
    text = (
        "A letter lay on the table, addressed to Captain Hastings. Mary came in.\n\n"
        "“Good morning, Mr. Hastings,” said Mary.\n\nI bowed.\n\n“Good morning,” I said.\n\n"
        "“Did you sleep, Mr. Hastings?” said Mary.\n\nI nodded.\n\n“Well enough,” I said.\n\n"
        "“Breakfast is ready, Mr. Hastings,” said Mary.\n\nI rose.\n\n“Thank you,” I said.\n"
    )
    assert _speakers(run(text)) == ["Mary", "Hastings"] * 3


def test_a_name_called_between_two_others_is_no_vote_for_the_narrator(run: Run) -> None:
    # Vera calls Kolya "Nikolai Petrovich", a name the narration never gives, three times in
    # their own exchange, none beside a turn of the narrator's: not the narrator's name.
    text = (
        "I came in late. Vera and Kolya were at the table.\n\n“Good evening,” I said.\n\n"
        "“Good evening,” said Vera.\n\nVera turned to Kolya.\n\n"
        "“Nikolai Petrovich, the tea,” said Vera.\n\n“Here,” said Kolya.\n\n"
        "“Nikolai Petrovich, the sugar,” said Vera.\n\n“Here,” said Kolya.\n\n"
        "“Thank you, Nikolai Petrovich,” said Vera.\n\n“Not at all,” said Kolya.\n\n"
        "“I must go,” I said.\n"
    )
    a = run(text)
    assert _speakers(a)[0] == _speakers(a)[-1] == "the narrator"


def test_ma_and_pa_are_family_calls_alone_and_surnames_after_a_title() -> None:
    # "Ma" and "Pa" alone are what a family calls its own, no one's name; "Mr. Ma" is a
    # surname, and "MA" an abbreviation (of a degree, a state), not a call.
    assert name_key("Ma") == name_key("Pa") == name_key("Nan") == ""
    assert name_key("General") == name_key("Granny") == ""
    assert name_key("Mr. Ma") == "ma"
    assert name_key("Dr. Pa") == "pa"
    assert name_key("MA") == "ma"


def test_pa_with_the_sentences_period_is_a_person_not_pennsylvania(run: Run) -> None:
    # the tokenizer reads '"…," said Pa.' as the state's abbreviation "Pa.": the family's
    # word is still a person, named without the period, and no family call for the narrator
    assert name_key("Pa.") == ""
    a = run(
        "“Come here,” said Ma.\n\n“I will,” I said.\n\n“Good,” said Pa. “Now sit, Jim.”\n\n"
        "“Yes,” I said.\n"
    )
    assert _speakers(a)[2] == "Pa"
    pa = next(s for s in a.speakers if s.name == "Pa")
    assert pa.kind == "person"
