"""Kind and gender of each speaker as one article's analysis gives them."""

from __future__ import annotations

import re

from reader.analysis.model import Analysis, Entity, Mention, Quote, Speaker
from reader.people.classify import speaker_facts
from reader.people.pronouns import pronoun_genders


def quote(i: int, speaker: str, named: str, rule: str = "explicit") -> Quote:
    return Quote(i, 0, 10, "“one two three”", speaker, Mention(0, len(named), named), "said", rule)


def facts(quotes: list[Quote], speakers: list[Speaker], entities: list[Entity] | None = None):
    return {f.name: f for f in speaker_facts(Analysis(quotes=quotes, speakers=speakers,
                                                      entities=entities or []))}


def test_the_text_before_the_first_name() -> None:
    got = facts(
        [quote(0, "Robin Hale", "she", "pronoun"), quote(1, "Robin Hale", "Hale"),
         quote(2, "Mary Stone", "Mr. Stone"), quote(3, "Karl Weber", "Weber")],
        [Speaker("Robin Hale", ["Hale"], quotes=[0, 1], words=6),
         Speaker("Mary Stone", ["Mr. Stone"], quotes=[2], words=3),
         Speaker("Karl Weber", ["Weber"], role="German spokeswoman", quotes=[3], words=3)],
    )
    assert (got["Robin Hale"].gender, got["Robin Hale"].gender_by) == ("f", "text")
    # The title in the text wins over the first name's statistics.
    assert (got["Mary Stone"].gender, got["Mary Stone"].gender_by) == ("m", "text")
    # "German" says nothing; "spokeswoman" does.
    assert (got["Karl Weber"].gender, got["Karl Weber"].gender_by) == ("f", "text")


def test_first_name_only_as_a_fallback_and_unknown_otherwise() -> None:
    got = facts(
        [quote(0, "Maria Lopez", "Lopez"), quote(1, "Xyzzy Quux", "Quux"),
         quote(2, "Okonkwo", "Okonkwo")],
        [Speaker("Maria Lopez", quotes=[0], words=3), Speaker("Xyzzy Quux", quotes=[1], words=3),
         Speaker("Okonkwo", quotes=[2], words=3)],
    )
    assert (got["Maria Lopez"].gender, got["Maria Lopez"].gender_by) == ("f", "name")
    assert (got["Xyzzy Quux"].gender, got["Xyzzy Quux"].gender_by) == ("unknown", "")
    assert got["Okonkwo"].gender == "unknown"


def test_organisations_and_unnamed_sources() -> None:
    got = facts(
        [quote(0, "Hamas", "Hamas", "organisation"), quote(1, "a senior official",
                                                          "a senior official", "unnamed"),
         quote(2, "Pentagon", "Pentagon")],
        [Speaker("Hamas", quotes=[0]), Speaker("a senior official", quotes=[1]),
         Speaker("Pentagon", quotes=[2])],
        [Entity(0, 8, "Pentagon", "ORG")],
    )
    assert [got[n].kind for n in ("Hamas", "a senior official", "Pentagon")] == [
        "org", "unnamed", "org"]
    assert all(f.gender == "unknown" for f in got.values())


def test_the_engine_s_kind_comes_first() -> None:
    got = facts(
        [quote(0, "the report", "the report", "document"),
         quote(1, "Hamas", "Hamas", "explicit")],
        [Speaker("the report", quotes=[0], kind="document"),
         Speaker("Hamas", quotes=[1], kind="org")],
        [],
    )
    assert (got["the report"].kind, got["Hamas"].kind) == ("document", "org")


def test_the_narration_s_pronouns_where_the_first_name_is_not_known() -> None:
    """A new user: "Emmanuelle Charpentier" was "unknown" in the Voices chart, her first name
    not in the census list and no quote cued by "she said", though the text says "her"."""
    text = ("“It is complex,” says Emmanuelle Charpentier. Charpentier sold her own rights "
            "to the startup. “We did it,” Charpentier says. Zhang’s patent came out, and she "
            "was annoyed. “Not much,” said Feng Zhang.")

    def span(name: str, at: int = 0) -> tuple[int, int]:
        start = text.index(name, at)
        return start, start + len(name)

    quotes = [Quote(i, *span(passage), passage, name, Mention(*span(said), said), "says")
              for i, (passage, name, said) in enumerate((
                  ("“It is complex,”", "Emmanuelle Charpentier", "Emmanuelle Charpentier"),
                  ("“We did it,”", "Emmanuelle Charpentier", "Charpentier"),
                  ("“Not much,”", "Feng Zhang", "Feng Zhang")))]
    entities = [Entity(m.start(), m.end(), m.group(), "PERSON",
                       "Feng Zhang" if "Zhang" in m.group() else "Emmanuelle Charpentier")
                for m in re.finditer(r"(Emmanuelle |Feng )?(Charpentier|Zhang)", text)]
    analysis = Analysis(quotes=quotes, entities=entities,
                        speakers=[Speaker("Emmanuelle Charpentier", ["Charpentier"], quotes=[0, 1],
                                          words=6, kind="person"),
                                  Speaker("Feng Zhang", ["Zhang"], quotes=[2], words=2,
                                          kind="person")])
    got = {f.name: f for f in speaker_facts(analysis, text)}
    assert (got["Emmanuelle Charpentier"].gender,
            got["Emmanuelle Charpentier"].gender_by) == ("f", "narration")
    # "Zhang’s patent …, and she": a possessive name is not who "she" is.
    assert got["Feng Zhang"].gender == "unknown"
    # Without the text nothing says: the first name is not in the list.
    assert speaker_facts(analysis)[0].gender == "unknown"


def test_a_pronoun_after_another_person_is_not_the_speaker_s() -> None:
    """"he" is the mayor's, "she" the nurse's, "her" the son's mother's: none is the
    speaker's gender; with no one between, the narration's pronoun still is."""
    text = ("Charpentier told reporters the mayor had lied and that he should resign. "
            "Nkemdirim thanked the nurse who said she had never seen it. "
            "The cops yelled at her, leaving her son Jason behind. "
            "Okafor said her team would stay.")
    names = ("Charpentier", "Nkemdirim", "Jason", "Okafor")
    entities = [Entity(text.index(n), text.index(n) + len(n), n, "PERSON", n) for n in names]
    speakers = [Speaker(n, [], quotes=[], words=0, kind="person") for n in names]
    got = pronoun_genders(Analysis(quotes=[], speakers=speakers, entities=entities), text)
    assert got == {"Okafor": "f"}


def test_the_narration_s_sentences_are_the_reading_cursor_s() -> None:
    """The pronouns' own splitter ended a sentence at "etc." before a lower-case word: the
    sentence naming Okafor lost its "she". The reader's splitter (reader.sentences) does not."""
    text = "Okafor sold paintings, prints, etc. and she kept the rest."
    entities = [Entity(0, 6, "Okafor", "PERSON", "Okafor")]
    speakers = [Speaker("Okafor", [], quotes=[], words=0, kind="person")]
    got = pronoun_genders(Analysis(quotes=[], speakers=speakers, entities=entities), text)
    assert got == {"Okafor": "f"}
