"""Quote detection: marks, paragraphs, unbalanced marks, and what is not a quote."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import Analysis
from reader.analysis.quotes import find_quotes, paragraphs, primary_marks, quote_shape


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_double_quotes() -> None:
    text = "She said “We are ready.” and left."
    assert spans(text) == ["“We are ready.”"]


def test_straight_double_quotes() -> None:
    text = 'He said "It is done," and then "Go home."'
    assert spans(text) == ['"It is done,"', '"Go home."']


def test_a_straight_mark_before_an_ellipsis_opens() -> None:
    # PolNeAR's Washington Post: the second part of a quote split by its tag
    text = '"It is hard," said Ann Hale of Ohio. ". . . I just want someone who speaks plainly."'
    assert spans(text) == ['"It is hard,"', '". . . I just want someone who speaks plainly."']
    text = 'He read it out: "...And so we stand here," and sat down.'
    assert spans(text) == ['"...And so we stand here,"']


def test_a_straight_mark_glued_to_a_sentence_end_before_a_capital_opens() -> None:
    text = '"It was all lies," said a shop owner in the market."We got deceived."\n\nNext.'
    assert spans(text) == ['"It was all lies,"', '"We got deceived."']


def test_a_straight_mark_after_a_sentence_end_still_closes_an_open_quote() -> None:
    text = 'He said, "We won."Then he left, saying "Goodbye."'
    assert spans(text) == ['"We won."', '"Goodbye."']


def test_guillemets_count_in_a_double_quoted_text() -> None:
    text = "Il a dit «Nous sommes prêts» hier. “Yes,” she said."
    assert spans(text) == ["«Nous sommes prêts»", "“Yes,”"]


def test_single_quotes_when_they_are_the_primary_marks() -> None:
    text = (
        "‘I can’t stay,’ said Ann.\n‘Why not?’ asked Tom.\n"
        "‘It’s late,’ she said.\n‘Then go,’ he replied."
    )
    assert primary_marks(text) == "single"
    assert spans(text) == ["‘I can’t stay,’", "‘Why not?’", "‘It’s late,’", "‘Then go,’"]


def test_single_quotes_inside_double_quotes_are_nested_not_quotes() -> None:
    text = "“He told me ‘never again’ last year,” she said. Don’t ‘scare’ me."
    assert primary_marks(text) == "double"
    assert spans(text) == ["“He told me ‘never again’ last year,”"]


def test_nested_double_inside_guillemets_do_not_start_a_quote() -> None:
    text = "« Il a crié “assez” deux fois » dit-elle."
    assert spans(text) == ["« Il a crié “assez” deux fois »"]


def test_double_marks_nested_in_a_double_quote_do_not_start_a_quote() -> None:
    """A tweet or letter quoting someone in the same marks is one quote, not three pieces."""
    text = (
        "Bechdel tweeted: “People behind her wearing “Settle For Hillary” shirts. Ouch.” "
        'Then he wrote, "Reporting that he shouted "Allah hu Akbar!" as he fired." Done.'
    )
    assert spans(text) == [
        "“People behind her wearing “Settle For Hillary” shirts. Ouch.”",
        '"Reporting that he shouted "Allah hu Akbar!" as he fired."',
    ]


def test_a_mark_opening_inside_an_unclosed_quote_starts_a_new_one() -> None:
    """Nesting is read only where it closes: a quote left open stops before the next one."""
    text = "She wrote “the first runs on “The second,” he said."
    assert spans(text) == ["“the first runs on", "“The second,”"]


def test_interrupted_quote_is_two_quotes() -> None:
    text = "“We tried,” she said. “It did not work.”"
    assert spans(text) == ["“We tried,”", "“It did not work.”"]


def test_unclosed_quote_ends_at_paragraph_end_and_next_paragraph_is_separate() -> None:
    text = "He said “the first part runs on  \n“The second part follows,” he added."
    assert spans(text) == ["“the first part runs on", "“The second part follows,”"]
    first = find_quotes(text)[0]
    assert not first.closed


def test_stray_mark_does_not_spoil_the_rest_of_the_document() -> None:
    text = 'A stray ” mark and an open “ one here\n“Fine,” she said.\nHe was 6" tall.'
    assert spans(text)[-1] == "“Fine,”"
    assert "“Fine,”" in spans(text)


def test_plural_possessive_inside_a_single_quote_is_an_apostrophe() -> None:
    text = (
        "‘The nurses’ pay offer is an insult,’ said Ms Hart. ‘We will strike.’\n"
        "The board called the offer ‘final’ and the nurses’ union disagreed.\n"
        "‘It is a fair deal,’ the chairman said.\n"
    )
    assert spans(text) == [
        "‘The nurses’ pay offer is an insult,’",
        "‘We will strike.’",
        "‘final’",
        "‘It is a fair deal,’",
    ]


def test_a_word_ending_in_s_that_is_no_plural_closes_a_single_quote() -> None:
    """ "caucus’ of", "furious’ about": -us, -ss and -is make no plural possessive."""
    text = (
        "‘It is over,’ she said. Tom Heddle, who chairs the so-called ‘shire caucus’ of rural "
        "MPs, said the chancellor would have to ‘come to the house’. ‘Soon,’ he added.\n"
    )
    assert spans(text) == ["‘It is over,’", "‘shire caucus’", "‘come to the house’", "‘Soon,’"]


def test_apostrophes_are_not_quotes() -> None:
    text = "It’s the Finneys’ house, isn’t it? 'Tis the season."
    assert spans(text) == []


def test_hard_wrapped_text_splits_paragraphs_on_blank_lines() -> None:
    text = "“This line is wrapped\nby the printer,” she said.\n\nNext paragraph\nhere."
    second = text.index("Next")
    assert paragraphs(text) == [(0, text.index("\n\n")), (second, len(text))]
    assert spans(text) == ["“This line is wrapped\nby the printer,”"]


def test_windows_line_endings_keep_offsets() -> None:
    text = "First line.\r\n“Quoted,” he said.\r\nLast."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "“Quoted,”"


@pytest.mark.parametrize(
    ("quoted", "shape"),
    [
        ("“We will not give up on either.”", "speech"),
        ("“Genome Surgery”", "title"),
        ("“10 Breakthrough Technologies 2014: Genome Editing”", "title"),
        ("“deep personal appreciation”", "fragment"),
        ("“swatting,”", "fragment"),
        ("“Are you OK?”", "speech"),
    ],
)
def test_quote_shape(quoted: str, shape: str) -> None:
    assert quote_shape(quoted) == shape


def quoted(a: Analysis) -> list[str]:
    return [q.text for q in a.quotes]


def test_fragment_woven_into_a_sentence_counts_when_someone_said_it(
    run: Callable[[str], Analysis],
) -> None:
    a = run("Maria Lopez said she felt “deep personal appreciation” for the effort.")
    assert quoted(a) == ["“deep personal appreciation”"]
    assert a.quotes[0].speaker == "Maria Lopez"


def test_titles_of_works_are_not_quotes(run: Callable[[str], Analysis]) -> None:
    a = run(
        "Scientists have used it on mice (see “Genome Surgery” and “The Year in Biology”). "
        "She starred in the film “Dune” last year."
    )
    assert quoted(a) == []


def test_one_capitalised_word_quoted_mid_sentence_is_a_name(
    run: Callable[[str], Analysis],
) -> None:
    a = run("Tom Reed, who presents “Gardeners,” said the show would return in spring.")
    assert quoted(a) == []
    b = run("“Never,” Tom Reed said. Asked again, he said: “Absolutely not.”")
    assert quoted(b) == ["“Never,”", "“Absolutely not.”"]


def test_a_capitalised_name_with_the_american_comma_is_not_a_quote(
    run: Callable[[str], Analysis],
) -> None:
    a = run('Speaking to the "Harbour Gazette," Ravi Nair said the plan was "unworkable."')
    assert quoted(a) == ['"unworkable."']


def test_a_capitalised_name_with_a_year_is_a_name(run: Callable[[str], Analysis]) -> None:
    """A number among the capitals ("Hillary 2008") keeps a group's name a name."""
    a = run(
        "Dale Horn pleaded guilty to fraud. In fact, Horn was the founder of “Farmers for Horn "
        "2008.” Asked about it, Horn said the group was “100 percent” legal."
    )
    assert quoted(a) == ["“100 percent”"]


def test_a_one_word_sentence_of_its_own_is_speech(run: Callable[[str], Analysis]) -> None:
    a = run("Greta Holm was asked if she would run again. Holm smiled: “Never.”")
    assert quoted(a) == ["“Never.”"]
    assert a.quotes[0].speaker == "Greta Holm"
    b = run("Greta Holm once acted in “Tempest.”")
    assert quoted(b) == []


def test_scare_quotes_nobody_said_are_not_quotes(run: Callable[[str], Analysis]) -> None:
    a = run(
        "The family were the victims of a “swatting,” a nasty hoax. The system, dubbed a "
        "“search and replace function” for DNA, is new. The so-called “experts” disagreed."
    )
    assert quoted(a) == []


def test_fragment_in_a_clause_not_governed_by_the_speech_verb_is_not_a_quote(
    run: Callable[[str], Analysis],
) -> None:
    a = run(
        "To show he was “first to invent” the method, Tom Reed supplied notebooks that he "
        "says prove it."
    )
    assert quoted(a) == []


def test_marks_around_nothing_are_not_a_quote() -> None:
    """Found by hypothesis: “ ” held no words, yet counted as a quote with a speaker."""
    text = "“ ” and “ ”, said Ann Lee. Then “Yes,” she said."
    spans = [text[q.start : q.end] for q in find_quotes(text)]
    assert spans == ["“Yes,”"]
