"""The same person across articles, never two people who share a surname."""

from __future__ import annotations

from reader.people.library import build_people, find_person
from reader.people.merge import merge_names
from reader.store.people_rows import SpeakerRow


def same(groups: list[int], *idx: int) -> bool:
    return len({groups[i] for i in idx}) == 1


def test_variants_of_one_name_meet() -> None:
    names = ["Antony Blinken", "Blinken", "Secretary of State Antony Blinken", "A. Blinken",
             "Blinken’s"]
    assert len(set(merge_names(names))) == 1


def test_two_people_of_one_surname_stay_apart() -> None:
    names = ["Hillary Clinton", "Bill Clinton", "Clinton", "H. Clinton", "Mr. Clinton",
             "Hillary Rodham Clinton"]
    g = merge_names(names)
    assert g[0] != g[1]
    assert same(g, 0, 3, 5)
    # A bare surname could be either: it is neither, and kept as said.
    assert g[2] not in (g[0], g[1]) and same(g, 2, 4)


def test_middle_names_and_accents() -> None:
    g = merge_names(["George W. Bush", "George Bush", "Bush", "José Müller", "Jose Mueller"])
    assert same(g, 0, 1, 2) and same(g, 3, 4) and g[0] != g[3]


def test_initial_fitting_two_first_names_joins_neither() -> None:
    g = merge_names(["Anna Smith", "Alan Smith", "A. Smith", "Smith"])
    assert len(set(g)) == 4


def test_organisations_and_unnamed_sources_match_only_themselves() -> None:
    g = merge_names(["White House", "the White House", "Kelly House", "a senior official",
                     "A senior official"], ["org", "org", "person", "unnamed", "unnamed"])
    assert same(g, 0, 1) and same(g, 3, 4)
    assert g[2] not in (g[0], g[3])


def row(article: int, name: str, *aliases: str, quotes: int = 1, words: int = 10,
        role: str | None = None, gender: str = "unknown", by: str = "",
        added: str = "2024-01-01") -> SpeakerRow:
    return SpeakerRow(article, added, name, aliases, role, "person", gender, by, quotes, words)


def test_people_across_articles() -> None:
    rows = [
        row(1, "Antony Blinken", "Blinken", quotes=3, words=40, role="Secretary of State",
            gender="m", by="text", added="2024-01-01"),
        row(2, "Blinken", quotes=2, words=20, added="2024-02-01"),
        row(2, "Hillary Clinton", quotes=1, words=5, gender="f", by="name"),
        row(3, "Bill Clinton", quotes=1, words=7, gender="m", by="text", role="former president"),
    ]
    people = build_people(rows)
    blinken = people[0]
    assert (blinken.name, blinken.articles, blinken.quotes, blinken.words) == (
        "Antony Blinken", [1, 2], 5, 60)
    assert (blinken.roles, blinken.first, blinken.last) == (
        ["Secretary of State"], "2024-01-01", "2024-02-01")
    assert (blinken.gender, blinken.gender_by) == ("m", "text")
    assert sorted(p.name for p in people) == ["Antony Blinken", "Bill Clinton", "Hillary Clinton"]
    assert find_person(people, "Blinken") is blinken
    assert find_person(people, "Secretary of State Antony Blinken") is blinken
    assert find_person(people, "Clinton") is None
    assert find_person(people, "Hillary Clinton").name == "Hillary Clinton"


def test_voices_by_kind_and_gender() -> None:
    from reader.people.voices import bar, voices

    rows = [
        row(1, "Ann Lee", words=30, gender="f", by="text"),
        row(1, "Tom Reed", words=60, gender="m", by="name"),
        row(2, "Xyzzy Jones", words=10),  # a first name with no gender
        SpeakerRow(2, "2024", "Hamas", (), None, "org", "unknown", "", 1, 25),
        SpeakerRow(2, "2024", "a senior official", (), None, "unnamed", "unknown", "", 1, 5),
    ]
    v = voices(build_people(rows))
    assert v.by_kind == {"person": 100, "org": 25, "unnamed": 5}
    assert v.by_gender == {"f": 30, "m": 60, "unknown": 10}
    assert v.people_by_gender == {"f": 1, "m": 1, "unknown": 1}
    assert v.share(v.by_gender, "f") == 0.3
    assert bar([("f", 30), ("m", 60), ("u", 10)], 10) == [("f", 3), ("m", 6), ("u", 1)]
    assert sum(n for _, n in bar([("a", 1), ("b", 1), ("c", 1)], 10)) == 10
