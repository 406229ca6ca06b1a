"""A library person's gender is decided by the evidence of every article, not by the last."""

from reader.people.library import build_people
from reader.store.people_rows import SpeakerRow


def row(article: int, name: str, gender: str, by: str, words: int = 5,
        aliases: tuple[str, ...] = ()) -> SpeakerRow:
    return SpeakerRow(article, f"2026-01-0{article}", name, aliases, None, "person", gender, by,
                      1, words)


def gender_of(rows: list[SpeakerRow], name: str) -> tuple[str, str]:
    person = next(p for p in build_people(rows) if p.name == name)
    return person.gender, person.gender_by


def test_one_wordy_article_saying_she_does_not_outvote_two_saying_he() -> None:
    rows = [row(1, "José Peña", "m", "text", 7), row(2, "Peña", "m", "text", 4),
            row(3, "Peña", "f", "text", 40)]
    assert gender_of(rows, "José Peña") == ("m", "text")


def test_a_tie_between_articles_goes_to_the_first_name() -> None:
    rows = [row(1, "José Peña", "m", "name"), row(2, "Peña", "m", "text", 7),
            row(3, "Peña", "f", "text", 17)]
    assert gender_of(rows, "José Peña") == ("m", "text")
    # With no first name to say, a tie says nothing.
    rows = [row(1, "Okafor", "m", "text", 7), row(2, "Okafor", "f", "text", 17)]
    assert gender_of(rows, "Okafor") == ("unknown", "")


def test_a_title_in_the_name_and_the_text_before_the_first_name() -> None:
    rows = [row(1, "Mary Stone", "m", "text", aliases=("Mr. Stone",)),
            row(2, "Mary Stone", "f", "text", 30)]
    assert gender_of(rows, "Mary Stone") == ("m", "text")
    # A role noun the text gives ("spokeswoman") still wins over the first name's statistics.
    assert gender_of([row(1, "Karl Weber", "f", "text")], "Karl Weber") == ("f", "text")
    assert gender_of([row(1, "Maria Lopez", "f", "name")], "Maria Lopez") == ("f", "name")
