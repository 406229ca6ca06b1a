"""OpenSourceDialog and its path completion."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import Input, Static

from reader.ui.screens.open_source import OpenSourceDialog, complete_path, completions

CSS = Path(__file__).parents[2] / "reader" / "ui" / "library.tcss"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.txt").write_text("A story.\n", encoding="utf-8")
    (tmp_path / "articles" / "second.md").write_text("# Second\n", encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    return tmp_path


def test_completes_a_directory_with_a_separator(tree: Path) -> None:
    assert complete_path("art", tree) == "articles/"


def test_completes_inside_a_directory(tree: Path) -> None:
    assert complete_path("articles/st", tree) == "articles/story.txt"


def test_an_ambiguous_path_completes_what_the_choices_share_and_lists_them(
    tree: Path,
) -> None:
    """As a shell's tab: two files in articles/ (second.md was picked, silently)."""
    assert completions("articles/", tree) == ("articles/s", ["second.md", "story.txt"])
    (tree / "articles" / "story2.txt").write_text("x", encoding="utf-8")
    assert completions("articles/s", tree) == (None, ["second.md", "story.txt", "story2.txt"])
    assert completions("articles/st", tree) == ("articles/story", ["story.txt", "story2.txt"])
    assert completions("articles/story.", tree) == ("articles/story.txt", [])


def test_hidden_files_only_when_asked(tree: Path) -> None:
    assert complete_path("", tree) is None
    assert complete_path(".h", tree) == ".hidden"
    assert complete_path("n", tree) == "notes.txt"


def test_no_completion_for_urls_stdin_and_unknown(tree: Path) -> None:
    assert complete_path("https://exa", tree) is None
    assert complete_path("-", tree) is None
    assert complete_path("zzz", tree) is None
    assert complete_path("missing/dir/x", tree) is None
    assert complete_path("notes.txt", tree) is None


def test_absolute_and_home_paths(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert complete_path(f"{tree}/articles/sto", Path("/")) == f"{tree}/articles/story.txt"
    monkeypatch.setenv("HOME", str(tree))
    # What the user typed is kept ("~"), only the rest is appended.
    assert complete_path("~/articles/sec", Path("/")) == "~/articles/second.md"


class DialogApp(App[None]):
    CSS_PATH = str(CSS)

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.dialog = screen
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


async def test_open_dialog_completes_with_tab_and_returns_text(tree: Path) -> None:
    app = DialogApp(OpenSourceDialog(cwd=tree))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"art")
        await pilot.pause(0.2)
        await pilot.press("tab")
        assert app.screen.query_one(Input).value == "articles/"
        await pilot.press(*"st")
        await pilot.pause(0.2)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.results == ["articles/story.txt"]


async def test_tab_choices_show_hostile_names_inert(tmp_path: Path) -> None:
    """Directory entries are outside text: ESC sequences and line breaks in file names were
    put raw into the choices line under the field."""
    (tmp_path / "a\x1b[31mred.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a\nsecond.txt").write_text("x", encoding="utf-8")
    app = DialogApp(OpenSourceDialog(cwd=tmp_path))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause(0.2)
        await pilot.press("tab")
        await pilot.pause(0.2)
        shown = str(app.screen.query_one("#open-hint", Static).render())
        assert shown.startswith("2 choices:")
        assert "\x1b" not in shown and "\n" not in shown
        assert "[31mred.txt" in shown and "second.txt" in shown


async def test_open_dialog_escape_returns_none(tree: Path) -> None:
    app = DialogApp(OpenSourceDialog(cwd=tree))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"abc", "escape")
        await pilot.pause()
        assert app.results == [None]


async def test_open_dialog_ignores_empty_enter(tree: Path) -> None:
    app = DialogApp(OpenSourceDialog(cwd=tree))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == []
        assert isinstance(app.screen, OpenSourceDialog)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """As in ../shared/corpus/dev: an article beside its gold JSON, which sorts first by name."""
    dev = tmp_path / "dev"
    dev.mkdir()
    for name in ("wired.com2.json", "wired.com2.txt", "wired.com3.pdf", "wired.com4.HTML"):
        (dev / name).write_text("x", encoding="utf-8")
    return tmp_path


def test_files_the_reader_opens_are_offered_first(mixed: Path) -> None:
    assert complete_path("dev/wired.com2", mixed) == "dev/wired.com2.txt"
    assert complete_path("dev/wired.com3", mixed) == "dev/wired.com3.pdf"  # still offered
    assert complete_path("dev/wired.com4", mixed) == "dev/wired.com4.HTML"


async def test_open_dialog_tab_completes_to_the_readable_file(mixed: Path) -> None:
    app = DialogApp(OpenSourceDialog(cwd=mixed))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"dev/w")  # the QA's keys: wired.com2.json came first
        await pilot.pause(0.2)
        await pilot.press("tab")
        await pilot.pause(0.2)
        # Two files it reads: completed as far as they agree, both listed (not one picked).
        assert app.screen.query_one(Input).value == "dev/wired.com"
        hint = str(app.screen.query_one("#open-hint").render())
        assert "wired.com2.txt" in hint and "wired.com4.HTML" in hint, hint
        await pilot.press("2", "tab")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == ["dev/wired.com2.txt"]
