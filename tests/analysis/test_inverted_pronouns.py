"""A pronoun right after the speech verb that follows a quote ("“…,” said she, looking at
him") is that verb's subject (issue 11), though the parser hangs it on the participle that
follows, which left the quote with no cue and to whoever the turns gave it."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from reader.analysis import Analysis
from reader.analysis.cues import Cue
from reader.analysis.nlp import parse
from reader.analysis.references import DiscourseState
from reader.analysis.syntax import verb_subject

from .conftest import speaker_of

ReadCue = Callable[[str, str], tuple[Cue | None, DiscourseState]]

SCENE = (
    "Mr. Tom Harding walked into the kitchen where Mrs. Ellen Price was baking bread.\n\n"
    "“Good morning,” said Mr. Harding.\n\n"
    "“You are late,” said Mrs. Price.\n\n"
)


def test_said_she_before_a_participle_has_she_for_subject(read_cue: ReadCue) -> None:
    text = SCENE + "“Was it not?” said she, looking at him.\n"
    cue, _ = read_cue(text, "“Was it")
    assert cue is not None and cue.subject is not None
    assert cue.subject.text == "she"


def test_said_she_looking_at_him_is_hers_not_the_next_turn(run: Callable[[str], Analysis]) -> None:
    # her second turn in a row: the alternation of turns would give it to him
    text = SCENE + "“Was it not?” said she, looking at him.\n\n“No,” he said.\n"
    assert speaker_of(run(text), "“Was it") == "Ellen Price"


def test_a_pronoun_that_is_not_right_after_the_verb_is_left_alone(read_cue: ReadCue) -> None:
    # "said, looking at her": "her" is whom he looks at, never the one who speaks
    text = SCENE + "“Yes,” said Mr. Harding, looking at her.\n"
    cue, _ = read_cue(text, "“Yes")
    assert cue is not None and cue.subject is not None
    assert cue.subject.text == "Harding"



def test_says_she_before_her_own_verb_is_not_inverted(nlp: Language) -> None:
    # "she" here is the subject of "warned", what is said, not of "says"
    text = "Pollster Ann Selzer is happy to be Iowa’s “silver standard,” says she warned of it.\n"
    doc = parse(nlp, text)
    says = next(t for t in doc if t.lower_ == "says")
    inside = {t.i for t in doc if text.index("“") <= t.idx <= text.index("”")}
    assert verb_subject(says, lambda i: i in inside) is None


def test_said_he_before_an_adverb_has_he_for_subject(read_cue: ReadCue) -> None:
    # the parser made "he" the subject of "sullenly", read as a clause of its own
    text = SCENE + "“I shall go no farther,” said he sullenly; “I see nothing of them.”\n"
    cue, _ = read_cue(text, "“I shall")
    assert cue is not None and cue.subject is not None
    assert cue.subject.text == "he"



def test_a_storys_speech_verbs_cue_a_quote(run: Callable[[str], Analysis]) -> None:
    # "inquired", "rejoined": verbs a novel tells its turns with; her second turn in a row,
    # which the alternation of turns would give to him
    for verb in ("inquired", "rejoined", "expostulated"):
        text = SCENE + f"“Is it a lie?” Mrs. Price {verb}.\n\n“No,” he said.\n"
        assert speaker_of(run(text), "“Is it") == "Ellen Price", verb
