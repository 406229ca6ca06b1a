"""The first-person narrator (issue 11): the name the others call them by is theirs however
it is written, never another known person's; "he" and "she" never mean the one who says "I";
and "I" in the narration before a turn is about the narrator as "he" would be about him."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.narrator import NarratorNames, call_narrator, name_key
from reader.analysis.references import DiscourseState
from reader.analysis.state import QuoteInfo

Run = Callable[[str], Analysis]

NARRATOR = 9


def test_a_name_the_narration_gives_another_is_never_the_narrators(run: Run) -> None:
    # The detective calls the maid by name beside the narrator's turns as often as he calls
    # the narrator, who is "Mr. Hastings" once and "Hastings" once.
    text = (
        "Dorcas came into the room. Poirot sat by the window.\n\n"
        "“Is soldiering your profession, Mr. Hastings?” asked Poirot.\n\n"
        "“No,” I said.\n\n"
        "“Dorcas, bring the tea,” said Poirot.\n\n"
        "“Yes,” I said.\n\n"
        "“Dorcas, the cups too,” said Poirot.\n\n"
        "“Certainly,” I said.\n\n"
        "“You are tired, Hastings,” said Poirot.\n\n"
        "“A little,” I said.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Poirot", "Hastings"] * 4


def test_a_narrator_named_once_in_the_narration_takes_the_name_they_are_called(run: Run) -> None:
    # The narration names the narrator once, as a letter's addressee: that is no other person
    # whose name the turns beside the narrator's may not give them.
    text = (
        "A letter lay on the table, addressed to Pyotr Sergeyevich. Vera came in.\n\n"
        "“Good morning, Pyotr Sergeyevich,” said Vera.\n\n"
        "“Good morning,” I said.\n\n"
        "“Have you the money, Pyotr Sergeyevich?” said Vera.\n\n"
        "“I have,” I said.\n\n"
        "“Then give it to me, Pyotr Sergeyevich,” said Vera.\n\n"
        "“Here it is,” I said.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Vera", "Pyotr Sergeyevich"] * 3


def test_the_narrator_called_by_a_first_name_takes_the_full_name_the_narration_gave(
    run: Run,
) -> None:
    # "Jake" three times beside the narrator's turns is the "Jake Barnes" a letter was addressed
    # to: the narrator is shown by that full name, not the first name alone.
    text = (
        "A letter lay on the table, addressed to Jake Barnes. Brett came in.\n\n"
        "“Hello, Jake,” said Brett.\n\n"
        "“Hello,” I said.\n\n"
        "“Tired, Jake?” said Brett.\n\n"
        "“A little,” I said.\n\n"
        "“Come on, Jake,” said Brett.\n\n"
        "“All right,” I said.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Brett", "Jake Barnes"] * 3


def test_the_forms_of_one_name_are_counted_together() -> None:
    def called(qid: int, para: int, name: str) -> list[QuoteInfo]:
        """A turn calling someone ``name``, then the narrator's cued answer."""
        return [
            QuoteInfo(qid, para, True, True, 1, has_cue=True, addressee=name),
            QuoteInfo(qid + 1, para + 1, True, True, NARRATOR, has_cue=True),
        ]

    infos = called(0, 0, "Lucy") + called(2, 2, "Mr. Hastings") + called(4, 4, "Hastings")
    names = NarratorNames()
    assert names.vote(infos, 0, NARRATOR) == "Mr. Hastings"
    assert name_key("Mr. Hastings") == name_key("Hastings") == "hastings"


def test_he_never_means_the_narrator(run: Run) -> None:
    text = "Bill came in and sat down.\n\n“Hello,” I said.\n\n“Are you coming?” he asked.\n"
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["the narrator", "Bill"]


def test_a_turn_after_the_narrator_is_the_subject_of_the_narration_is_theirs(run: Run) -> None:
    text = (
        "“Hello,” I said.\n\n"
        "“Hello,” said Bill.\n\n"
        "“Where is Brett?” said Mike.\n\n"
        "I laughed.\n\n"
        "“She is coming.”\n"
    )
    a = run(text)
    assert a.quotes[-1].speaker == "the narrator"


def test_turns_read_before_the_narrator_was_named_address_them_once_named() -> None:
    # "Is soldiering your profession, Mr. Hastings?" read in the same piece of text as the
    # turns that give the narrator that name: it addresses the narrator from then on.
    st = DiscourseState("")
    narrator = st.narrator()
    asked = QuoteInfo(0, 0, True, True, 4, has_cue=True, addressee="Mr. Hastings")
    answer = QuoteInfo(1, 1, True, True, None, has_cue=False)
    st.registry.name_narrator(narrator, "Mr. Hastings")
    call_narrator(st, [asked, answer], 0)
    assert asked.addressee_cluster == narrator.id
    assert asked.turn_addressee == narrator.id


def test_the_narrator_takes_a_name_whose_holder_spoke_only_in_turns_with_no_cue(
    run: Run,
) -> None:
    # The narration named "Pyotr Sergeyevich" before the narrator spoke; the replies to the calls
    # of that name, with no cue, were the holder's until the narrator took the name: they are
    # all the narrator's turns, shown by that name, as those with "I said" are.
    text = (
        "Pyotr Sergeyevich was a tutor in the general's house. I was there too. Vera came in."
        "\n\n“Good morning, Pyotr Sergeyevich,” said Vera.\n\n“Good morning.”\n\n"
        "“Have you the money, Pyotr Sergeyevich?”\n\n“I have,” I said.\n\n"
        "“Then give it to me, Pyotr Sergeyevich,” said Vera.\n\n“Here it is.”\n\n"
        "“Thank you, Pyotr Sergeyevich.”\n\n“Not at all,” I said.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Vera", "Pyotr Sergeyevich"] * 4
