"""Speaker records: canonical names, roles, quote ids, words and shares; entity clusters."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.clusters import Registry
from reader.analysis.names import fold, name_parts


def test_fold_meets_spelling_variants() -> None:
    assert fold("Müller") == fold("Muller") == fold("Mueller") == "muller"


def test_name_parts_strip_titles_and_possessives() -> None:
    assert name_parts("Sister Sharon Holland") == (["Sister"], ["Sharon", "Holland"])
    assert name_parts("Lapid’s") == ([], ["Lapid"])
    assert name_parts("Broad’s Zhang") == ([], ["Zhang"])


def test_an_apostrophe_inside_a_name_is_kept_and_both_spellings_meet() -> None:
    assert name_parts("Liam O’Brien’s") == ([], ["Liam", "O’Brien"])
    reg = Registry()
    full = reg.find_or_create_person("Liam O’Brien")
    assert reg.find_or_create_person("O'Brien") is full
    assert full.canonical == "Liam O’Brien"


def test_name_parts_strip_ranks_of_police_and_clergy() -> None:
    assert name_parts("Chief Superintendent Helen Ward") == (
        ["Chief", "Superintendent"],
        ["Helen", "Ward"],
    )
    assert name_parts("Archbishop Paul Dunne") == (["Archbishop"], ["Paul", "Dunne"])
    assert name_parts("Bishop") == ([], ["Bishop"])  # a lone word is a surname


def test_plural_and_compound_titles_stay_out_of_the_name() -> None:
    assert name_parts("Senators Maria Ortiz")[1] == ["Maria", "Ortiz"]
    assert name_parts("Party Chairwoman Ann Lowe")[1] == ["Ann", "Lowe"]
    assert name_parts("Minority Whip Richard J. Durbin")[1] == ["Richard", "J.", "Durbin"]
    assert name_parts("Counsel W. Neil Eggleston")[1] == ["W.", "Neil", "Eggleston"]
    assert name_parts("Mary Ann Zollman")[1] == ["Mary", "Ann", "Zollman"]  # all her name


def test_registry_upgrades_a_first_name_to_the_full_name() -> None:
    reg = Registry()
    fran = reg.find_or_create_person("Fran", 0)
    hal = reg.find_or_create_person("Hal Finney", 10)
    assert reg.find_or_create_person("Fran Finney", 20) is fran
    assert fran.canonical == "Fran Finney" and hal.canonical == "Hal Finney"
    assert reg.find_or_create_person("Blinken", 30) is not fran


def test_roles_from_titles_and_appositions(run: Callable[[str], Analysis]) -> None:
    a = run(
        "U.S. Secretary of State Antony Blinken met opposition leader Yair Lapid.\n"
        "“We talked,” Blinken said. “It went well,” Lapid said.\n"
        "Rodger Novak, a former industry executive who now runs a startup, disagreed. "
        "“It is complex,” Novak said."
    )
    roles = {s.name: s.role for s in a.speakers}
    assert roles == {
        "Antony Blinken": "U.S. Secretary of State",
        "Yair Lapid": "opposition leader",
        "Rodger Novak": "a former industry executive",
    }


def test_quote_ids_words_and_share(run: Callable[[str], Analysis]) -> None:
    a = run(
        "“One two three four,” Maria Lopez said. “Five six,” Tom Reed said. "
        "“Seven eight,” Lopez said."
    )
    lopez, reed = a.speakers  # most quoted first
    assert (lopez.name, lopez.quotes, lopez.words) == ("Maria Lopez", [0, 2], 6)
    assert (reed.name, reed.quotes, reed.words) == ("Tom Reed", [1], 2)
    assert abs(lopez.share - 0.75) < 1e-6 and abs(reed.share - 0.25) < 1e-6


def test_person_entities_carry_their_cluster(run: Callable[[str], Analysis]) -> None:
    text = "Maria Lopez arrived. “Hello there, everyone,” Lopez said."
    a = run(text)
    persons = [(e.text, e.speaker) for e in a.entities if e.label == "PERSON"]
    assert ("Maria Lopez", "Maria Lopez") in persons
    for e in a.entities:
        assert text[e.start : e.end] == e.text


def test_every_quote_speaker_has_a_speaker_record(run: Callable[[str], Analysis]) -> None:
    a = run("“Yes,” said Ann Lee. “No,” said a police officer at the scene. “Maybe,” they said.")
    names = {s.name for s in a.speakers}
    assert {q.speaker for q in a.quotes if q.speaker} <= names
    assert a.quotes[1].speaker == "a police officer at the scene"
    assert a.quotes[2].speaker is None


def test_a_plural_title_before_several_names_gives_each_the_singular(nlp) -> None:
    from reader.analysis import analyze

    text = "Police officers John Smith and Mark Jones arrived first. “We saw the fire,” Smith said."
    speaker = analyze(text, nlp=nlp).speakers[0]
    assert speaker.name == "John Smith"
    assert speaker.role == "Police officer"


def test_an_entity_never_ends_in_the_line_break_after_it(run: Callable[[str], Analysis]) -> None:
    text = "Tom Reed \r\n"
    a = run(text)
    assert a.entities, "the name is found"
    for e in a.entities:
        assert text[e.start : e.end] == e.text == e.text.strip()
