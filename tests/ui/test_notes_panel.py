"""NotesPanel: text order, the orphan group, the Selected message, the empty state."""

from __future__ import annotations

import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import OptionList, Static

from reader.ui.widgets.notes_panel import (
    DRAFT_LABEL,
    EMPTY_TEXT,
    ORPHANS_HEADING,
    NoteItem,
    NotesPanel,
)

CSS = Path(__file__).parents[2] / "reader" / "ui" / "library.tcss"

ITEMS = [
    NoteItem(ann_id=7, start=300, color=2, passage="Third passage in the text", note=""),
    NoteItem(ann_id=3, start=10, color=1, passage="First passage here", note="a note"),
    NoteItem(ann_id=9, start=0, color=4, passage="Lost passage", note="kept", orphaned=True),
    NoteItem(ann_id=5, start=120, color=5, passage="Second [b]passage[/b]", note="[red]x[/]"),
]


class PanelApp(App[None]):
    CSS_PATH = str(CSS)

    def __init__(self) -> None:
        super().__init__()
        self.selected: list[int] = []
        self.drafts: list[str] = []

    def compose(self) -> ComposeResult:
        yield NotesPanel(id="notes")

    def on_notes_panel_selected(self, message: NotesPanel.Selected) -> None:
        self.selected.append(message.ann_id)

    def on_notes_panel_draft_selected(self, message: NotesPanel.DraftSelected) -> None:
        self.drafts.append(message.key)


def prompts(option_list: OptionList) -> list[str]:
    return [
        option_list.get_option_at_index(i).prompt.plain  # type: ignore[union-attr]
        for i in range(option_list.option_count)
    ]


async def test_empty_state() -> None:
    app = PanelApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        empty = app.query_one("#notes-empty", Static)
        assert empty.display
        assert str(empty.render()) == EMPTY_TEXT
        assert not app.query_one(OptionList).display


async def test_text_order_and_orphan_group() -> None:
    app = PanelApp()
    async with app.run_test() as pilot:
        panel = app.query_one(NotesPanel)
        panel.set_annotations(ITEMS)
        await pilot.pause()
        assert [i.ann_id for i in panel.items] == [3, 5, 7, 9]
        option_list = app.query_one(OptionList)
        ids = [option_list.get_option_at_index(i).id for i in range(option_list.option_count)]
        assert ids == ["3", "5", "7", None, "9"]
        texts = prompts(option_list)
        assert texts[3] == ORPHANS_HEADING
        assert option_list.get_option_at_index(3).disabled
        assert "First passage here" in texts[0] and "a note" in texts[0]
        # Article text and notes are data: shown literally, never as markup.
        assert "Second [b]passage[/b]" in texts[1] and "[red]x[/]" in texts[1]
        assert not app.query_one("#notes-empty", Static).display


async def test_enter_and_click_post_selected() -> None:
    app = PanelApp()
    async with app.run_test() as pilot:
        panel = app.query_one(NotesPanel)
        panel.set_annotations(ITEMS)
        await pilot.pause()
        option_list = app.query_one(OptionList)
        option_list.focus()
        option_list.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [5]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.selected == [5, 7]
        # The orphan heading is skipped by the cursor: the next is the orphaned note itself.
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.selected == [5, 7, 9]
        await pilot.click(option_list, offset=(4, 0))
        await pilot.pause()
        assert app.selected[-1] == 3


async def test_update_keeps_the_highlighted_annotation() -> None:
    app = PanelApp()
    async with app.run_test() as pilot:
        panel = app.query_one(NotesPanel)
        panel.set_annotations(ITEMS)
        await pilot.pause()
        panel.highlight(7)
        option_list = app.query_one(OptionList)
        assert option_list.highlighted_option is not None
        assert option_list.highlighted_option.id == "7"
        new = NoteItem(ann_id=11, start=1, color=3, passage="A new first one", note="")
        panel.set_annotations([*ITEMS, new])
        await pilot.pause()
        assert option_list.highlighted_option.id == "7"
        assert [i.ann_id for i in panel.items] == [11, 3, 5, 7, 9]
        panel.set_annotations([])
        await pilot.pause()
        assert app.query_one("#notes-empty", Static).display


def screen_lines(option_list: OptionList) -> list[str]:
    """The list as drawn, one string per terminal row (trailing blanks dropped)."""
    rows = [
        "".join(segment.text for segment in option_list.render_line(y)).rstrip()
        for y in range(option_list.size.height)
    ]
    while rows and not rows[-1]:
        rows.pop()
    return rows


async def test_a_passage_with_its_own_quote_marks_gets_no_more() -> None:
    app = PanelApp()
    async with app.run_test(size=(60, 12)) as pilot:
        panel = app.query_one(NotesPanel)
        panel.set_annotations([
            NoteItem(1, 0, 1, "“And the most urgent issue is, of course, to find ways", ""),
            NoteItem(2, 90, 2, "Gantz replied.", ""),
        ])
        await pilot.pause()
        rows = screen_lines(app.query_one(OptionList))
        assert [row.strip() for row in rows] == [
            "“And the most urgent issue is, of course, to find …",
            "Gantz replied.",
        ]


async def test_a_multi_line_note_keeps_its_lines_aligned_under_the_passage() -> None:
    note = (
        "First line of the note\n"
        "a second line, long enough that the panel has to wrap it onto another row\n\n"
        "and a third paragraph that is cut"
    )
    wide = "日本語のメモも同じ位置に揃います、折り返しても。"
    app = PanelApp()
    async with app.run_test(size=(44, 12)) as pilot:
        panel = app.query_one(NotesPanel)
        panel.set_annotations([
            NoteItem(1, 0, 3, "A passage.", note), NoteItem(2, 9, 1, "Wide.", wide)
        ])
        await pilot.pause()
        rows = screen_lines(app.query_one(OptionList))
        column = rows[0].index("A passage.")
        assert [row[column:] for row in rows] == [
            "A passage.",
            "First line of the note",
            "a second line, long enough that the",
            "panel has to wrap it onto another row",
            "and a third paragraph that is cut",  # whole: the panel has room for it
            "Wide.",
            "日本語のメモも同じ位置に揃います、折",
            "り返しても。",
        ]
        assert all(row[:column].strip() == "" for row in rows), rows


async def test_a_huge_note_is_listed_at_once_by_its_first_lines() -> None:
    """Found by a fresh-eyes test: a 3 MB paste saved as a note froze the reader 4-6 s (more
    on a busy machine), and again at every change of the list (a highlight, a resize): the
    card wrapped the whole note to show three lines of it."""
    line = "alpha beta gamma delta epsilon zeta eta theta iota kappa " * 2
    huge = "\n".join(f"{i} {line.strip()}" for i in range(40_000))  # 4 MB in 40,000 lines
    app = PanelApp()
    async with app.run_test(size=(44, 12)) as pilot:
        panel = app.query_one(NotesPanel)
        for note in (huge, huge.replace("\n", " ")):  # many lines, then one line
            started = time.perf_counter()
            panel.set_annotations([NoteItem(1, 0, 3, "A passage.", note)])
            took = time.perf_counter() - started
            await pilot.pause()
            rows = screen_lines(app.query_one(OptionList))
            assert rows[1].strip().startswith("0 alpha beta"), rows
            shown = [row for row in rows if row.strip()]
            assert shown[-1].rstrip().endswith("…") and len(shown) <= 12, rows
            assert took < 1.0, f"listing the note took {took:.1f} s"


async def test_enter_right_after_focus_chooses_the_first_note() -> None:
    """Tab into the list and enter: nothing was highlighted, so enter did nothing until an
    arrow key was pressed (a new reader found it so)."""
    app = PanelApp()
    async with app.run_test() as pilot:
        panel = app.query_one(NotesPanel)
        panel.set_annotations(ITEMS)
        await pilot.pause()
        app.query_one(OptionList).focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [3]


async def test_drafts_are_cards_among_the_notes_and_post_their_key() -> None:
    """A draft's card is listed at its passage, after a note on the same place; one whose
    passage is gone is with the orphans; enter on it names the draft, not an annotation."""
    app = PanelApp()
    async with app.run_test() as pilot:
        panel = app.query_one(NotesPanel)
        panel.set_annotations(ITEMS)
        panel.set_drafts([
            NoteItem(0, 10, 1, "First passage here", "unsaved edit", draft="ann:3"),
            NoteItem(0, 200, 2, "Between", "typed", draft="span:200:207"),
            NoteItem(0, 0, 1, "Gone words", "lost?", orphaned=True, draft="gone:span:1:2:t"),
        ])
        await pilot.pause()
        option_list = app.query_one(OptionList)
        ids = [option_list.get_option_at_index(i).id for i in range(option_list.option_count)]
        assert ids == [
            "3", "draft:ann:3", "5", "draft:span:200:207", "7", None, "9",
            "draft:gone:span:1:2:t",
        ]
        texts = prompts(option_list)
        assert texts[1].startswith(f"   {DRAFT_LABEL}First passage") and "unsaved edit" in texts[1]
        assert DRAFT_LABEL not in texts[0]
        option_list.focus()
        option_list.highlighted = 3
        panel.set_annotations(ITEMS[:2])  # a change elsewhere keeps the draft's card chosen
        await pilot.pause()
        assert option_list.highlighted_option is not None
        assert option_list.highlighted_option.id == "draft:span:200:207"
        await pilot.press("enter")
        await pilot.pause()
        assert app.drafts == ["span:200:207"] and app.selected == []
        panel.set_drafts([])
        await pilot.pause()
        assert all(i.draft == "" for i in panel.items)


async def test_a_note_shows_more_lines_when_the_panel_has_room() -> None:
    """A new user saw three notes cut to three lines ("against 2014 bond. …") at 80×24 above
    an empty half of the panel: a card shows more of its note when every card has room, and
    three lines when there are too many cards for more."""
    note = " ".join(f"word{i}" for i in range(120))
    app = PanelApp()
    async with app.run_test(size=(40, 24)) as pilot:
        panel = app.query_one(NotesPanel)
        panel.set_annotations([NoteItem(i, i, 1, f"Passage {i}.", note) for i in range(3)])
        await pilot.pause()
        rows = [row for row in screen_lines(app.query_one(OptionList)) if row.strip()]
        first = rows[: next(i for i, r in enumerate(rows) if "Passage 1." in r)]
        assert 5 <= len(first) - 1 <= 7, rows  # the passage, then 24 // 3 - 1 note lines
        panel.set_annotations([NoteItem(i, i, 1, f"Passage {i}.", note) for i in range(12)])
        await pilot.pause()
        rows = [row for row in screen_lines(app.query_one(OptionList)) if row.strip()]
        second = next(i for i, r in enumerate(rows) if "Passage 1." in r)
        assert second == 4, rows  # the passage and three lines of the note


async def test_a_card_says_where_its_passage_is() -> None:
    """Found by a new user: two notes on like sentences showed the same few words and nothing
    else. Each card names the heading above it and how far through the text it is; an
    orphan (not in this text) has no place."""
    app = PanelApp()
    async with app.run_test(size=(60, 30)) as pilot:
        panel = app.query_one(NotesPanel)
        panel.set_outline(1000, [(100, "CHAPTER I")])
        panel.set_annotations(ITEMS)
        await pilot.pause()
        cards = prompts(panel.option_list)
        placed = [c for c in cards if "Third passage" in c or "First passage" in c]
        assert [c.splitlines()[1].strip() for c in placed] == ["1% through", "CHAPTER I · 30%"]
        lost = next(c for c in cards if "Lost passage" in c)
        assert "%" not in lost
