"""A search whose query the text has hundreds of thousands of times ("e" in a book): the view
collects a bounded run of matches around where the search is (textsearch.MOST), not every one
("e" in a 19 MB file was 2.4 million matches and 5 s of frozen screen on each key typed), and
stepping past the run goes on to the text's next match as if all had been collected. The real
ArticleView, no app: the work is in the view and textsearch."""

from __future__ import annotations

from bisect import bisect_left

from reader.ui.textsearch import MOST, QUOTE_FOLD, find_all, find_from, fold_quotes
from reader.ui.widgets.article_view import ArticleView

#: 108,000 matches of "e" in 498,000 characters: five times textsearch.MOST.
TEXT = ("The sea. " * 9 + "\n\n") * 6000


def every_match(query: str) -> list[tuple[int, int]]:
    """The whole text scanned: what stepping must visit, in order."""
    return find_all(fold_quotes(TEXT), query)


def step(view: ArticleView, forward: bool) -> tuple[tuple[int, int] | None, bool]:
    """The match `.` (or `,`) goes to, and whether it went round the end of the text."""
    return view.next_match(forward), view.match_wrapped


def test_a_frequent_query_marks_a_bounded_run_from_where_the_search_began() -> None:
    view = ArticleView(TEXT)
    middle = len(TEXT) // 2
    every = every_match("e")
    assert len(every) > 4 * MOST
    view.set_search("e", origin=middle)
    assert not view.matches_complete
    assert view.match_count <= MOST + MOST // 4
    first = every[bisect_left(every, (middle, 0))]
    assert view.next_match(True, start=middle) == first


def test_stepping_past_the_run_goes_on_through_every_match_in_order() -> None:
    view = ArticleView(TEXT)
    every = every_match("e")
    at = len(every) - MOST - 10  # its run ends 10 matches before the text's last
    view.set_search("e", origin=every[at][0])
    assert view.next_match(True, start=every[at][0]) == every[at]
    seen = [step(view, True) for _ in range(MOST + 20)]
    assert seen[: MOST + 9] == [(span, False) for span in every[at + 1 :]]
    assert seen[MOST + 9] == (every[0], True)  # round the end, as before
    assert seen[MOST + 10 :] == [(span, False) for span in every[1:11]]
    back = [step(view, False) for _ in range(12)]
    assert back[:10] == [(span, False) for span in every[9::-1]]
    assert back[10:] == [(every[-1], True), (every[-2], False)]

def test_stepping_back_past_the_run_finds_the_match_before_it() -> None:
    view = ArticleView(TEXT)
    every = every_match("sea")
    at = len(every) // 2
    view.set_search("e", origin=every[at][0])  # first a frequent query, then a rarer one
    view.set_search("sea", origin=every[at][0])
    assert view.next_match(True, start=every[at][0]) == every[at]
    many = MOST // 4 + 30  # past the run's matches before the origin
    assert [view.next_match(False) for _ in range(many)] == every[at - 1 : at - 1 - many : -1]


def test_a_query_found_fewer_times_is_marked_everywhere_and_counted() -> None:
    view = ArticleView(TEXT[:5000])
    view.set_search("sea")
    assert view.matches_complete
    assert view.match_count == TEXT[:5000].lower().count("sea")


def test_folding_quotes_maps_each_mark_as_the_table_says() -> None:
    text = "“Israel’s” ‘x’ ‚y‛ 2′ 3″ ʼn ＂q＂ ＇r＇ „s‟ plain" * 3
    assert fold_quotes(text) == text.translate(QUOTE_FOLD)


def test_a_match_ending_between_the_run_before_and_the_run_after_is_in_one() -> None:
    text = "xx" + "ab" * 20
    spans = find_from(text, "ab", origin=12, most=4)[0]
    assert (10, 12) in spans
    assert spans == sorted(set(spans)) == [(s, s + 2) for s in range(10, 20, 2)]


def test_stepping_back_from_the_origin_of_adjacent_matches_misses_none() -> None:
    text = "ab" * (MOST + 5000)  # every match touches the next
    view = ArticleView(text)
    origin = 2 * (MOST // 2)
    view.set_search("ab", origin=origin)
    assert not view.matches_complete
    assert view.next_match(True, start=origin) == (origin, origin + 2)
    back = [view.next_match(False) for _ in range(MOST // 4 + 3)]  # across the run's start
    assert back == [(s, s + 2) for s in range(origin - 2, origin - 2 - 2 * len(back), -2)]
