"""The "open a file or URL" dialog, with completion of paths as you type."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static

from reader.sanitize import one_line
from reader.sources import HTML_SUFFIXES, MARKDOWN_SUFFIXES
from reader.ui.widgets.field import Field

#: Entries listed per directory at most, so a huge directory never stalls completion.
MAX_ENTRIES = 5000
#: Files the reader opens as articles; completion offers them (and directories) first.
READABLE_SUFFIXES = frozenset({".txt", ".text"}) | MARKDOWN_SUFFIXES | HTML_SUFFIXES


HINT = "tab or → completes · enter opens · escape cancels"
#: Choices listed under the path at most when tab finds several.
CHOICES_SHOWN = 12

def completion_rank(name: str, is_dir: bool) -> tuple[int, str]:
    """Directories and files the reader can open come before others (`wired.txt` before
    `wired.json`), then by name."""
    readable = is_dir or os.path.splitext(name)[1].lower() in READABLE_SUFFIXES
    return (0 if readable else 1, name)


def complete_path(value: str, cwd: Path) -> str | None:
    """`value` completed as far as it is unambiguous, as a shell's tab does: the part every
    candidate shares (`completions`); None when that adds nothing."""
    completed, _ = completions(value, cwd)
    return completed


def completions(value: str, cwd: Path) -> tuple[str | None, list[str]]:
    """(`value` + what every candidate shares, or None when that adds nothing; the candidates'
    names when there are several). Picking the first of several silently opened a file the
    person had not chosen; now the choices are shown, as a shell lists them.

    Paths relative to cwd, ~ expanded. When some candidates are directories or files the
    reader opens (text, Markdown, HTML), only they count (`wired.com2` completes to
    `wired.com2.txt`, not to the shared `wired.com2.` of its `.json`). Directories get a
    trailing separator so the next keystroke completes inside them; hidden entries are offered
    only when the typed name starts with a dot. URLs and `-` are left alone."""
    if not value or value == "-" or "://" in value or value.startswith(("http:", "https:")):
        return None, []
    expanded = os.path.expanduser(value)
    head, prefix = os.path.split(expanded)
    base = Path(head) if os.path.isabs(head) else cwd / head
    names = _entries(base, prefix)
    if names is None:
        return None, []
    candidates = sorted(
        (n for n in names if n[0] != prefix or n[1]), key=lambda n: completion_rank(*n)
    )
    readable = [n for n in candidates if completion_rank(*n)[0] == 0]
    candidates = readable or candidates
    if not candidates:
        return None, []
    if len(candidates) == 1:
        name, is_dir = candidates[0]
        rest = name[len(prefix) :] + (os.sep if is_dir else "")
        return (value + rest if rest else None), []
    shared = _shared_start([name for name, _ in candidates])
    rest = shared[len(prefix) :]
    shown = [name + (os.sep if is_dir else "") for name, is_dir in candidates]
    return (value + rest if rest else None), shown


def _shared_start(names: list[str]) -> str:
    """The characters every name begins with (of names, not of paths' parts)."""
    first, last = min(names), max(names)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def _entries(base: Path, prefix: str) -> list[tuple[str, bool]] | None:
    """(name, is a directory) of the entries of `base` that begin with `prefix` (at most
    MAX_ENTRIES looked at); None when `base` cannot be listed."""
    try:
        with os.scandir(base) as entries:
            names: list[tuple[str, bool]] = []
            for n, entry in enumerate(entries):
                if n >= MAX_ENTRIES:
                    break
                if not entry.name.startswith(prefix):
                    continue
                if entry.name.startswith(".") and not prefix.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                names.append((entry.name, is_dir))
    except OSError:
        return None
    return names


class PathSuggester(Suggester):
    """Completes file system paths relative to a directory (the cwd unless told otherwise)."""

    def __init__(self, cwd: Path | None = None) -> None:
        # No cache: the file system changes under us, and paths are case sensitive.
        super().__init__(use_cache=False, case_sensitive=True)
        self.cwd = cwd

    async def get_suggestion(self, value: str) -> str | None:
        cwd = self.cwd if self.cwd is not None else Path.cwd()
        # A slow or network directory must not freeze typing: list it off the event loop.
        return await asyncio.to_thread(complete_path, value, cwd)


class OpenSourceDialog(ModalScreen[str | None]):
    """Ask for a file path or URL; dismisses with the text typed, or None when cancelled."""

    HELP_TITLE = "Open a file or URL"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="open.cancel"),
        Binding("tab", "complete", "Complete path", id="open.complete"),
    ]

    def __init__(self, initial: str = "", *, cwd: Path | None = None) -> None:
        super().__init__()
        self.initial = initial
        self.cwd = cwd

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog", classes="dialog"):
            yield Static(Content("Open a file or URL"), classes="dialog-title")
            yield Field(
                self.initial,
                placeholder="path/to/article.txt or https://…",
                suggester=PathSuggester(self.cwd),
                id="open-input",
            )
            yield Static(Content(HINT), id="open-hint", classes="dialog-hint")
        from reader.ui.widgets.footer import FittingFooter  # not before the first frame

        yield FittingFooter()  # its own keys, not the screen's below (q quit, h…)

    def on_mount(self) -> None:
        self.query_one("#open-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            self.app.bell()
        elif "\n" in value:
            # An article's text pasted for its address (the Field holds at most LONGEST
            # characters): said here at once, never sent to be read (the error would quote it
            # all back in a toast, which froze the library).
            self.app.bell()
            lines = " on several lines" if "\n" in value else ""
            self.query_one("#open-hint", Static).update(Content(
                f"Not a file name or URL ({len(value):,} characters{lines}) · escape cancels"
            ))
        else:
            self.dismiss(value)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Typing on: the choices tab listed are no longer the ones the path has."""
        event.stop()
        self.query_one("#open-hint", Static).update(Content(HINT))

    async def action_complete(self) -> None:
        """As a shell's tab: the path completed as far as every choice shares, and the
        choices listed under it when there are several (the first was taken, silently)."""
        field = self.query_one("#open-input", Input)
        if not field.cursor_at_end:
            return
        cwd = self.cwd if self.cwd is not None else Path.cwd()
        value = field.value
        completed, choices = await asyncio.to_thread(completions, value, cwd)
        if field.value != value:
            return  # typed on meanwhile
        if completed is not None:
            with field.prevent(Input.Changed):
                field.value = completed
            field.cursor_position = len(completed)
        hint = self.query_one("#open-hint", Static)
        if choices:
            # Names are outside text: an ESC or a line break in one must not reach the terminal.
            shown = "  ".join(one_line(name) for name in choices[:CHOICES_SHOWN])
            extra = len(choices) - CHOICES_SHOWN
            more = f"  (+{extra:,} more)" if extra > 0 else ""
            hint.update(Content(f"{len(choices)} choices: {shown}{more}"))
        else:
            hint.update(Content(HINT))
            if completed is None:
                self.app.bell()  # nothing to complete, as a shell rings

    def action_cancel(self) -> None:
        self.dismiss(None)
