"""What a speech verb's "he"/"she" teaches of the gender of the person it was resolved to:
in a story only what is safe, so a wrong guess does not make the next pronoun wrong as well.
Real parses and a real discourse state."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from reader.analysis.cluster import Cluster
from reader.analysis.genders import gender_from_cue_pronoun
from reader.analysis.quotes import paragraphs
from reader.analysis.references import DiscourseState
from reader.analysis.state import QuoteInfo

TEXT = (
    "Avery and Quinn sat by the fire.\n\n"
    "“It is late,” Avery said. “Too late,” he added.\n\n"
    "“Not so late,” she said.\n"
)


def _story(nlp: Language, fiction: bool = True) -> tuple[DiscourseState, Doc, Cluster]:
    """The state after the first sentence: Avery and Quinn named, neither's gender known."""
    st = DiscourseState(TEXT)
    st.fiction = fiction
    doc = nlp(TEXT)
    st.start_doc(doc, 0, paragraphs(TEXT), 0)
    avery = st.registry.find_or_create_person("Avery", 0)
    quinn = st.registry.find_or_create_person("Quinn", 10)
    st.record_mention(doc[0], avery.id)
    st.record_mention(doc[2], quinn.id, subject=True)
    return st, doc, avery


def _word(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def test_a_pronoun_going_on_after_a_named_quote_teaches_the_gender(nlp: Language) -> None:
    st, doc, avery = _story(nlp)
    st.infos.append(QuoteInfo(0, 1, True, True, avery.id, has_cue=True))  # "Avery said"
    gender_from_cue_pronoun(st, _word(doc, "he"), avery)
    assert avery.gender == "m"


def test_a_new_paragraphs_guess_teaches_nothing_in_a_story(nlp: Language) -> None:
    # "“It is late,” Avery said. ¶ “Not so late,” she said": if "she" was resolved to
    # Avery, it was a guess (Quinn fits as well), and a wrong one would teach itself
    st, doc, avery = _story(nlp)
    st.infos.append(QuoteInfo(0, 1, True, True, avery.id, has_cue=True))
    gender_from_cue_pronoun(st, _word(doc, "she"), avery)
    assert avery.gender is None
    assert avery.pronoun_cues == 1  # yet someone a pronoun stands for: a person


def test_a_pronoun_after_a_pronoun_quote_teaches_nothing_in_a_story(nlp: Language) -> None:
    st, doc, avery = _story(nlp)
    st.infos.append(QuoteInfo(0, 1, True, True, avery.id, has_cue=True, pronoun="m"))
    gender_from_cue_pronoun(st, _word(doc, "he"), avery)
    assert avery.gender is None


def test_in_news_a_resolved_pronoun_still_teaches(nlp: Language) -> None:
    # news gives a paragraph to one person: its "she said" is hers (the audits rest on it)
    st, doc, avery = _story(nlp, fiction=False)
    gender_from_cue_pronoun(st, _word(doc, "she"), avery)
    assert avery.gender == "f"
