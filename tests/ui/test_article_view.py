"""ArticleView driven through Textual's Pilot in a tiny app."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.app import App, ComposeResult
from textual.strip import Strip

from reader.ui.widgets.article_view import (
    ArticleView,
    EntityMark,
    HighlightMark,
    QuoteMark,
)

SAMPLE = (Path(__file__).parents[2] / "reader" / "samples" / "seed.txt").read_text("utf-8")


class ViewApp(App[None]):
    """Just an ArticleView; records the messages it posts."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.messages: list[object] = []
        self.quit_called = False

    def compose(self) -> ComposeResult:
        yield ArticleView(self.text)

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self.messages.append(message)

    def on_article_view_selection_changed(self, message: ArticleView.SelectionChanged) -> None:
        self.messages.append(message)

    def on_article_view_quote_focused(self, message: ArticleView.QuoteFocused) -> None:
        self.messages.append(message)

    def action_quit(self) -> None:  # any markup action reaching the app would land here
        self.quit_called = True


def visible_strips(view: ArticleView) -> list[Strip]:
    return [view.render_line(y) for y in range(view.scrollable_content_region.height)]


def screen_text(view: ArticleView) -> str:
    return "\n".join(strip.text for strip in visible_strips(view))


def styles_at(view: ArticleView, offset: int) -> Style:
    """The style the view draws the char at offset with (scrolls it into view first)."""
    view.scroll_to_offset(offset)
    x, y = view.point_of(offset)
    cell = 0
    for segment in view.render_line(y):
        if cell <= x < cell + segment.cell_length:
            assert segment.style is not None
            return segment.style
        cell += segment.cell_length
    raise AssertionError(f"no segment at cell {x}")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    from reader.sentences import split_sentences

    return split_sentences(text)


async def test_text_wraps_to_a_readable_width_with_paragraph_breaks() -> None:
    app = ViewApp(SAMPLE)
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        lines = [strip.text for strip in visible_strips(view)]
        assert lines[0].strip().startswith("U.S. Secretary of State")
        assert all(len(line.strip()) <= 88 for line in lines)
        assert lines[0].startswith(" " * 10)  # centred: margins on a wide pane
        assert "" in [line.strip() for line in lines]  # blank line between paragraphs


async def test_marks_are_drawn_and_toggles_remove_them() -> None:
    app = ViewApp(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        quote_start = SAMPLE.index("\u201cthe challenges")
        person = SAMPLE.index("Antony Blinken")
        view.set_quotes([QuoteMark(quote_start, quote_start + 40, 0, 0)])
        view.set_entities([EntityMark(person, person + 14, "PERSON")])
        await pilot.pause()
        plain = styles_at(view, SAMPLE.index("In public"))
        quoted = styles_at(view, quote_start + 5)
        named = styles_at(view, person + 1)
        assert quoted.bgcolor != plain.bgcolor
        assert named.color != plain.color and named.bold
        view.show_quotes = False
        view.show_entities = False
        await pilot.pause()
        assert styles_at(view, quote_start + 5).bgcolor == plain.bgcolor
        assert styles_at(view, person + 1).color == plain.color


async def test_highlight_is_distinct_from_quote_and_unattributed_is_neutral() -> None:
    app = ViewApp(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        start = SAMPLE.index("In public")
        view.set_quotes([QuoteMark(start, start + 30, 0, 0), QuoteMark(start + 30, start + 60,
                                                                        1, None)])
        view.set_highlights([HighlightMark(start + 10, start + 20, 7, 1)])
        await pilot.pause()
        quote_style = styles_at(view, start + 5)
        highlight_style = styles_at(view, start + 12)
        unattributed = styles_at(view, start + 40)
        assert highlight_style.underline and highlight_style.bgcolor != quote_style.bgcolor
        assert unattributed.italic and unattributed.bgcolor != quote_style.bgcolor
        view.cursor_to_offset(start + 12)
        assert view.highlight_at_cursor() == HighlightMark(start + 10, start + 20, 7, 1)


async def test_set_quotes_does_not_move_the_reading_position() -> None:
    app = ViewApp(SAMPLE * 4)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        target = len(SAMPLE) * 2 + 10
        view.scroll_to_offset(target)
        await pilot.pause()
        before = (view.scroll_y, view.top_offset)
        view.set_quotes([QuoteMark(0, 50, 0, 0), QuoteMark(target, target + 100, 1, 2)])
        view.set_entities([EntityMark(5, 10, "ORG")])
        view.set_highlights([HighlightMark(target, target + 5, 1, 2)])
        await pilot.pause()
        assert (view.scroll_y, view.top_offset) == before
        line_start = view.top_offset
        assert line_start <= target < line_start + 80


async def test_cursor_moves_by_sentence_and_posts_messages() -> None:
    app = ViewApp(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        spans = sentence_spans(SAMPLE)
        assert view.cursor_span == spans[0]
        await pilot.press("j", "j", "down")
        assert view.cursor_span == spans[3]
        await pilot.press("k")
        assert view.cursor_span == spans[2]
        moved = [m for m in app.messages if isinstance(m, ArticleView.CursorMoved)]
        assert (moved[-1].start, moved[-1].end) == spans[2]
        await pilot.press("right_curly_bracket")
        assert view.cursor_span[0] == SAMPLE.index("\u201cWe are definitely")
        await pilot.press("G")
        assert view.cursor_span == spans[-1]
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("g")
        assert view.cursor_span == spans[0] and view.scroll_y == 0


async def test_cursor_stays_visible_when_moving_far() -> None:
    app = ViewApp(SAMPLE * 3)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        for _ in range(40):
            await pilot.press("j")
        _, y = view.point_of(view.cursor_span[0])
        assert 0 <= y < view.scrollable_content_region.height
        assert view.scroll_y > 0


async def test_keyboard_selection_by_sentence_word_and_escape() -> None:
    app = ViewApp(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        spans = sentence_spans(SAMPLE)
        await pilot.press("v")  # the cursor's word
        first = view.selection_span
        assert first is not None and first[0] == spans[0][0]
        assert SAMPLE[first[0]:first[1]] == SAMPLE[spans[0][0]:].split()[0]  # "U.S."
        await pilot.press("j")  # to the end of its sentence, then the next
        assert view.selection_span == spans[0]
        await pilot.press("j")
        assert view.selection_span == (spans[0][0], spans[1][1])
        await pilot.press("w")
        end = view.selection_span[1]  # type: ignore[index]
        assert SAMPLE[spans[1][1]:end].strip() == "In"
        await pilot.press("b", "b")  # back past "In", then past "massacre."
        assert view.selection_span == (spans[0][0], SAMPLE.index(" massacre."))
        await pilot.press("escape")
        assert view.selection_span is None
        changed = [m for m in app.messages if isinstance(m, ArticleView.SelectionChanged)]
        assert changed[-1].span is None


async def test_escape_without_selection_bubbles_up() -> None:
    class BackApp(ViewApp):
        BINDINGS = [("escape", "back", "Back")]  # noqa: RUF012
        went_back = False

        def action_back(self) -> None:
            self.went_back = True

    app = BackApp(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("v", "escape")
        assert view.selection_span is None and not app.went_back
        await pilot.press("escape")
        assert app.went_back


async def test_mouse_click_moves_cursor_and_drag_selects() -> None:
    app = ViewApp(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        target = SAMPLE.index("Gantz and party")
        x, y = view.point_of(target + 6)
        await pilot.click(ArticleView, offset=(x, y))
        assert view.cursor_span[0] == target
        assert view.selection_span is None
        start = SAMPLE.index("Israel Defense")
        end = SAMPLE.index(" chiefs of staff")
        sx, sy = view.point_of(start)
        ex, ey = view.point_of(end - 1)  # the drag ends on the last "s": it is selected
        await pilot.mouse_down(ArticleView, offset=(sx, sy))
        await pilot.hover(ArticleView, offset=(ex, ey))
        await pilot.mouse_up(ArticleView, offset=(ex, ey))
        assert view.selection_span == (start, end)
        assert SAMPLE[start:end] == "Israel Defense Forces"
        await pilot.press("w")  # keys act on a mouse selection too
        assert view.selection_span == (start, SAMPLE.index(" of staff"))


async def test_next_and_previous_quote_focus_and_post() -> None:
    app = ViewApp(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        first = SAMPLE.index("\u201cthe challenges")
        second = SAMPLE.index("\u201cWe are definitely")
        last = SAMPLE.rindex("\u201c")
        view.set_quotes([QuoteMark(first, first + 20, 3, 0), QuoteMark(second, second + 20, 4, 1),
                         QuoteMark(last, last + 5, 9, None)])
        await pilot.press("right_square_bracket")
        assert view.cursor_span[0] <= first < view.cursor_span[1]
        # v on the quote jumped to: its first word (it selected the whole quote), w extending
        await pilot.press("v")
        assert view.selection_span == (first, first + len("“the"))  # a word with its mark
        await pilot.press("w")
        assert view.selection_span == (first, first + len("“the challenges"))
        await pilot.press("escape")
        assert view.selection_span is None
        await pilot.press("right_square_bracket")
        await pilot.press("right_square_bracket")
        await pilot.press("right_square_bracket")  # wraps to the first again
        await pilot.press("left_square_bracket")
        focused = [m.quote_id for m in app.messages if isinstance(m, ArticleView.QuoteFocused)]
        assert focused == [3, 4, 9, 3, 9]
        _, y = view.point_of(last)
        assert 0 <= y < 24
        assert view.quote_at_cursor() == QuoteMark(last, last + 5, 9, None)


async def test_search_counts_matches_and_wraps() -> None:
    app = ViewApp(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        expected = SAMPLE.lower().count("gantz")
        assert view.set_search("GANTZ") == expected
        first = view.next_match()
        assert first is not None and SAMPLE[first[0]:first[1]] == "Gantz"
        spans = [first]
        for _ in range(expected):
            found = view.next_match()
            assert found is not None
            spans.append(found)
        assert spans[-1] == first  # wrapped around
        assert len(set(spans)) == expected
        assert view.next_match(forward=False) == spans[-2]
        await pilot.pause()
        _, y = view.point_of(spans[-2][0])
        assert 0 <= y < 24
        match_style = styles_at(view, spans[-2][0])
        assert match_style.bold
        assert view.set_search("") == 0 and view.next_match() is None


async def test_resize_rewraps_and_keeps_position() -> None:
    app = ViewApp(SAMPLE * 5)
    async with app.run_test(size=(100, 24)) as pilot:
        view = app.query_one(ArticleView)
        target = len(SAMPLE) * 3
        view.scroll_to_offset(target)
        await pilot.pause()
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        assert max(len(s.text.rstrip()) for s in visible_strips(view)) <= 50
        top = view.top_offset
        assert top <= target < top + 50


async def test_big_text_renders_first_screen_without_full_layout() -> None:
    dev = sorted((Path(__file__).parents[2] / "reader" / "samples").glob("*.txt"))
    chunk = "\n\n".join(p.read_text("utf-8") for p in dev)
    text = (chunk + "\n\n") * (1_000_000 // len(chunk) + 1)
    app = ViewApp(text)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        assert screen_text(view).strip().startswith("U.S. Secretary")
        middle = len(text) // 2
        view.scroll_to_offset(middle)
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        top = view.top_offset
        assert middle < top < middle + 8000
        assert screen_text(view).strip()
        view.finish_layout()
        assert view.layout_complete
        assert view.top_offset == top  # exact layout did not move the reading position


async def test_colours_follow_the_theme() -> None:
    app = ViewApp(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        start = SAMPLE.index("In public")
        view.set_quotes([QuoteMark(start, start + 30, 0, 0)])
        app.theme = "textual-dark"
        await pilot.pause()
        dark = styles_at(view, start + 5).bgcolor
        app.theme = "textual-light"
        await pilot.pause()
        light = styles_at(view, start + 5).bgcolor
        assert dark is not None and light is not None and dark != light
        from textual.color import Color

        assert Color.from_rich_color(light).brightness > 0.6
        assert Color.from_rich_color(dark).brightness < 0.4


def test_palette_speakers_are_distinct_and_highlights_stand_apart() -> None:
    from reader.ui import palette

    for dark in (True, False):
        tints = [palette.speaker_tint(slot, dark) for slot in range(palette.SPEAKER_COUNT)]
        assert len({t.hex for t in tints}) == palette.SPEAKER_COUNT
        assert palette.speaker_tint(12, dark) == palette.speaker_tint(2, dark)  # stable cycle
        highlights = {palette.highlight_color(n, dark).hex for n in range(1, 6)}
        assert len(highlights) == 5 and not highlights & {t.hex for t in tints}
        assert palette.entity_color("PERSON", dark) != palette.entity_color("ORG", dark)


@pytest.mark.parametrize("text", ["", "   \n\n \r\n", "x"])
async def test_empty_and_blank_texts_do_not_break_the_keys(text: str) -> None:
    app = ViewApp(text)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("j", "k", "pagedown", "G", "g", "right_curly_bracket",
                          "right_square_bracket", "v", "w", "b", "escape")
        await pilot.click(ArticleView, offset=(3, 3))
        assert view.set_search("x") == text.count("x")
        assert screen_text(view).strip() == text.strip()
        assert view.top_offset >= 0


async def test_big_text_end_key_shows_the_last_lines_at_once() -> None:
    text = ("\n".join(SAMPLE.splitlines()) + "\n") * 220  # ~1 MB
    tail = text.rstrip().rsplit(" ", 3)[-3:]
    app = ViewApp(text)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("G")
        shown = screen_text(view)
        assert " ".join(tail) in " ".join(shown.split())
        assert view.cursor_span[1] == len(text.rstrip())


async def test_focus_span_scrolls_far_spans_to_the_top_third_only() -> None:
    app = ViewApp(SAMPLE * 3)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        near = SAMPLE.index("Gantz and party")
        view.focus_span(near, near + 5)
        await pilot.pause()
        assert view.scroll_y == 0  # visible already: no jump
        far = len(SAMPLE) * 2 + SAMPLE.index("In public")
        view.focus_span(far, far + 9)
        await pilot.pause()
        _, y = view.point_of(far)
        assert y == view.scrollable_content_region.height // 3
        assert view.cursor_span[0] == far
        assert styles_at(view, far + 2).bold  # marked


async def test_after_scrolling_away_j_starts_from_the_first_visible_sentence() -> None:
    app = ViewApp(SAMPLE * 3)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("pagedown", "pagedown")  # the cursor follows the page
        _, y = view.point_of(view.cursor_span[0])
        assert 0 <= y < 24
        view.scroll_to_offset(len(SAMPLE) * 2)  # e.g. the mouse wheel: cursor left behind
        await pilot.pause()
        await pilot.press("j")
        _, y = view.point_of(view.cursor_span[0])
        assert 0 <= y < 24
        assert view.cursor_span[0] >= view.top_offset


def test_entities_added_in_steps_equal_entities_set_at_once() -> None:
    """A streamed analysis adds entities batch by batch; the view must end up the same."""
    from reader.ui.widgets.marks import Layer as _Layer

    marks = [EntityMark(s, s + 4, "PERSON" if s % 3 else "ORG") for s in range(0, 400, 7)]
    whole = _Layer((m.start, m.end, m) for m in marks)
    stepped = _Layer()
    for i in range(0, len(marks), 9):
        assert stepped.extend([(m.start, m.end, m) for m in marks[i : i + 9]])
    assert (stepped.starts, stepped.ends, stepped.values) == (
        whole.starts,
        whole.ends,
        whole.values,
    )
    # An entity reaching back into earlier ones cannot be appended: the caller rebuilds.
    assert not stepped.extend([(marks[-1].start - 2, marks[-1].start + 6, marks[0])])


async def test_a_backward_drag_keeps_both_end_characters() -> None:
    app = ViewApp(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        start = SAMPLE.index("Israel Defense")
        end = SAMPLE.index(" chiefs of staff")
        ex, ey = view.point_of(end - 1)
        sx, sy = view.point_of(start)
        await pilot.mouse_down(ArticleView, offset=(ex, ey))
        await pilot.hover(ArticleView, offset=(sx, sy))
        await pilot.mouse_up(ArticleView, offset=(sx, sy))
        assert view.selection_span == (start, end)


async def test_a_name_mid_sentence_is_selected_from_a_search_match_or_by_word() -> None:
    app = ViewApp(SAMPLE)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        view.set_search("Defense Forces")
        match = view.next_match()
        assert match is not None
        await pilot.press("v")
        assert view.selection_span == match
        await pilot.press("escape")
        view.set_search("")
        # by word: v on the sentence's first word, w to the name's end, o, w to its start
        sentence = view.cursor_span
        words = SAMPLE[sentence[0]:sentence[1]].split()
        await pilot.press("v", "w")
        assert view.selection_span is not None
        await pilot.press("o", "w")
        selected = view.selection_span
        assert selected is not None
        assert SAMPLE[selected[0]:selected[1]].strip() == words[1].rstrip(".,")
        await pilot.press("b")  # both ways: the start moves back again
        assert view.selection_span is not None and view.selection_span[0] == sentence[0]
