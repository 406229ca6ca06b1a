"""The baseline for first-paint figures: the least a Textual app can do to show a text file.

`python -m reader.bench.minimal_app FILE`: a read-only, soft-wrapped TextArea, `q` quits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import TextArea


class MinimalApp(App[None]):
    """Shows one file's text and nothing else."""

    BINDINGS = [Binding("q", "quit", "Quit")]  # noqa: RUF012

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield TextArea(self.text, read_only=True, soft_wrap=True, show_line_numbers=False)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.exit("usage: python -m reader.bench.minimal_app FILE")
    MinimalApp(Path(args[0]).read_text(encoding="utf-8")).run()


if __name__ == "__main__":
    main()
