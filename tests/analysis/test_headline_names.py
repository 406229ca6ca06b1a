"""A person's name is a name: no headline verb, no capitalised adjective that opens a
sentence, no abbreviated rank, no hyphenated role word. Each runs the real model on
invented sentences in the style of the news that showed them ("Hillary Clinton Slams
Donald Trump", "Top Clinton adviser", "Former AG Mukasey", "Blaze co-host")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from reader.analysis import Analysis
from reader.analysis.syntax import verb_subject

from .conftest import speaker_of

Run = Callable[[str], Analysis]


def names(a: Analysis) -> set[str]:
    return {s.name for s in a.speakers}


def test_two_names_a_title_case_headline_runs_together_are_not_one(run: Run) -> None:
    text = (
        "Nora Vance Slams Peter Quill On Taxes After Court Ruling.\n\n"
        "Presumptive Democratic nominee Nora Vance blasted her rival Peter Quill on Monday "
        "over his tax plan.\n\n"
        "“There has to be some form of punishment,” Quill said at a town hall in March.\n"
    )
    a = run(text)
    assert speaker_of(a, "“There has to be") == "Peter Quill"
    assert not any("Slams" in n for n in names(a))
    # the entities panel names the same person the speakers panel does
    assert "Peter Quill" in {e.speaker for e in a.entities}


def test_a_headline_verb_before_a_surname_is_no_first_name(run: Run) -> None:
    text = (
        "Right After This Big-Name Senator Endorsed Quill, The Establishment Did Something.\n\n"
        "Alabama Sen. Jeff Tallis caused a stir when he endorsed Peter Quill on Sunday.\n\n"
        "Quill jokingly said, “I’m becoming mainstream. I’m getting all these endorsements.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“I’m becoming") == "Peter Quill"
    (quill,) = [s for s in a.speakers if s.name == "Peter Quill"]
    assert quill.role != "Big-Name Senator"


def test_an_adjective_opening_a_headline_is_no_part_of_the_name(run: Run) -> None:
    text = (
        "Top Vance adviser sent 'top secret' messages to her private account.\n\n"
        "Nora Vance's top adviser Jake Sorel wrote several of the messages.\n\n"
        "“If they can't, turn it into a nonpaper and send it nonsecure,” Vance wrote.\n"
    )
    a = run(text)
    assert speaker_of(a, "“If they can't") == "Nora Vance"
    assert "Top Vance" not in names(a)


def test_an_abbreviated_rank_is_no_part_of_the_name(run: Run) -> None:
    text = (
        "Former AG Kasowitz at RNC: Vance email scandal disqualifies her for presidency.\n\n"
        "Former Attorney General Michael Kasowitz told delegates at the Republican National "
        "Convention that Nora Vance should be disqualified.\n\n"
        "“She is asking to take the oath after already having violated it,” Kasowitz said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“She is asking") == "Michael Kasowitz"


def test_a_hyphenated_role_before_a_name_is_no_speaker(nlp: Language) -> None:
    # the parse the model gave this sentence inside its article (alone it parses better):
    # "co" the subject of "mused", the hyphen its object, the name after the role
    words = ["“", "Imagine", "it", ",", "”", "mused", "Blaze", "co", "-", "host", "Stu",
             "Burguiere", "."]
    spaces = [False, True, False, False, False, True, False, False, False, True, True, False,
              False]
    heads = [1, 5, 1, 1, 5, 5, 7, 5, 5, 10, 11, 5, 5]
    deps = ["punct", "ccomp", "dobj", "punct", "punct", "ROOT", "compound", "nsubj", "dobj",
            "amod", "compound", "dobj", "punct"]
    pos = ["PUNCT", "VERB", "PRON", "PUNCT", "PUNCT", "VERB", "PROPN", "NOUN", "NOUN", "ADJ",
           "PROPN", "PROPN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    subject = verb_subject(doc[5], lambda i: i < 5)
    assert subject is not None and subject.text == "Burguiere"


def test_a_hyphenated_name_stays_a_speaker(run: Run) -> None:
    text = (
        "Then Winnie-the-Pooh looked round to see that nobody was listening, put his paw to "
        "his mouth, and said in a deep whisper: \"Honey!\"\n\n"
        "\"But you don't get honey with balloons!\"\n"
    )
    assert speaker_of(run(text), '"Honey!"') == "Winnie-the-Pooh"
