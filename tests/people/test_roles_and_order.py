"""Found by a new user: People gave a role twice when two articles spelt it in different cases
("council chair; Council chair"), a person's quotes were listed by article id, and at 80
columns their article titles were cut to 13 cells."""

from reader.people.library import build_people, quotes_of
from reader.store.people_rows import QuoteRow, SpeakerRow
from reader.ui.screens.library_people import quote_widths


def row(article: int, role: str | None) -> SpeakerRow:
    return SpeakerRow(article, f"2026-01-0{article}", "José Peña", (), role, "person", "m",
                      "name", 1, 5)


def test_a_role_is_given_once_whatever_its_case_as_most_often_spelt() -> None:
    rows = [row(1, "council chair"), row(2, "Council chair"), row(3, "council  chair"),
            row(4, "Harbor master"), row(5, "harbor master"), row(6, "Harbor master")]
    (person,) = build_people(rows)
    assert person.roles == ["council chair", "Harbor master"]


def quote(article: int, start: int, added: str, date: str = "") -> QuoteRow:
    return QuoteRow(article, f"T{article}", "s", added, 0, start, start + 5, "José Peña", None,
                    "said", "explicit", 2, "“a b”", None, date)


def test_quotes_go_by_the_articles_date_then_their_place() -> None:
    (person,) = build_people([row(1, None), row(2, None), row(3, None)])
    quotes = [quote(1, 50, "2026-03-01T10:00"), quote(1, 10, "2026-03-01T10:00"),
              quote(2, 5, "2026-03-02T10:00", date="2026-01-15"),
              quote(3, 5, "2026-02-01T10:00")]
    got = [(q.article_id, q.start) for q in quotes_of(person, quotes)]
    # Article 2 was published in January (its page says so), 3 added in February.
    assert got == [(2, 5), (3, 5), (1, 10), (1, 50)]


def test_titles_have_room_at_80_columns() -> None:
    title, quote_cells = quote_widths(80)
    assert title >= 20 and quote_cells >= 30
