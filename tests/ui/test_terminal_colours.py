"""The reader in tmux with 256 colours (TERM=screen-256color, COLORTERM unset): the reading
cursor's sentence inside a quote is drawn apart from the rest of the quote.

In 256 colours the cursor used to vanish inside a quote: its lighter tint and the quote's
tint fell on the same palette entry, so only the status line showed where it was.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from rich.color import ColorSystem

READER = Path(sys.executable).with_name("reader")
REPO = Path(__file__).parents[2]
ARTICLE = (
    "Harbour plan approved\n\n"
    "The council approved the harbour plan on Monday after a long debate.\n\n"
    "“Alpha harbours are the start of something good. Delta towns will follow us soon,” "
    "the mayor, Ana Ruiz, said.\n"
)
_SGR = re.compile(r"\x1b\[([0-9;]*)m")

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def tmux(socket: str, *args: str) -> str:
    done = subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True)
    return done.stdout


def backgrounds(screen: str) -> dict[str, str]:
    """The background each word of the screen is drawn on, from the SGR sequences tmux keeps
    (`capture-pane -e`); a word drawn twice counts where first seen (the article, not the panel).
    """
    found: dict[str, str] = {}
    for line in screen.splitlines():
        background = "default"
        word = ""
        word_background = ""
        position = 0
        for match in [*_SGR.finditer(line), None]:
            end = match.start() if match else len(line)
            for char in line[position:end]:
                if char.isalnum():
                    if not word:
                        word_background = background
                    word += char
                elif word:
                    found.setdefault(word, word_background)
                    word = ""
            if match is None:
                break
            position = match.end()
            params = match.group(1).split(";") if match.group(1) else ["0"]
            index = 0
            while index < len(params):
                code = params[index]
                if code in ("0", ""):
                    background = "default"
                elif code == "48" and index + 1 < len(params):
                    size = 3 if params[index + 1] == "5" else 5
                    background = ";".join(params[index:index + size])
                    index += size - 1
                elif code == "49":
                    background = "default"
                elif (len(code) == 2 and code[0] in "4") or (len(code) == 3 and code[:2] == "10"):
                    background = code
                index += 1
        if word:
            found.setdefault(word, word_background)
    return found


def screen_when(socket: str, test, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux(socket, "capture-pane", "-e", "-p", "-t", "r")
        if test(screen):
            return screen
        time.sleep(0.1)
    raise AssertionError(f"the screen never got there:\n{screen}")


@pytest.mark.parametrize("term", ["screen-256color", "screen"])
def test_the_cursor_inside_a_quote_is_drawn_apart_in_few_colours(
    tmp_path: Path, term: str
) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "colours.db"
    socket = "reader-colours-" + uuid.uuid4().hex[:8]
    command = (
        f"exec env -u COLORTERM -u TEXTUAL_COLOR_SYSTEM TERM={term} PYTHONPATH={REPO} "
        f"{READER} --db {db} {article}"
    )
    tmux(socket, "new-session", "-d", "-s", "r", "-x", "120", "-y", "30", command)
    try:
        screen_when(socket, lambda s: "quote 1 of 1" in s or "1 quote" in s)
        tmux(socket, "send-keys", "-t", "r", "j", "j")  # the headline, the first line, the quote
        # the cursor is on the quote's first sentence ("Alpha …"), not on its second ("Delta …")
        screen = screen_when(socket, lambda s: "quote 1 of 1" in _SGR.sub("", s))
        seen = backgrounds(screen)
        if term == "screen-256color":
            assert "48;5;" in screen, "the reader did not draw in 256 colours"
        assert seen["Delta"] != seen["council"], "the quote has no tint of its own"
        assert seen["Alpha"] != seen["Delta"], (
            f"the cursor looks like the rest of the quote: {seen['Alpha']} / {seen['Delta']}"
        )
    finally:
        tmux(socket, "kill-server")


BACKGROUNDS = {True: ["#121212", "#1e1e1e", "#0c0c0c", "#272822"],
               False: ["#f5f5f5", "#ffffff", "#e0e0e0", "#fafafa"]}


@pytest.mark.parametrize("system", ["truecolor", "256", "standard"])
@pytest.mark.parametrize("dark", [True, False])
def test_the_five_highlight_colours_stay_apart_in_few_colours(system: str, dark: bool) -> None:
    """In 256 colours yellow (1) and orange (5) both became colour 94. (In 16 colours, on a
    tinted page such as Monokai's, yellow and orange can only share the one yellow.)"""
    from textual.color import Color

    from reader.ui.palette import highlight_color, shown_as

    for page in BACKGROUNDS[dark]:
        if system == "standard" and page == "#272822":
            continue
        shown = [shown_as(highlight_color(n, dark, Color.parse(page)), system) for n in range(1, 6)]
        assert len(set(shown)) == 5, (page, shown)


@pytest.mark.parametrize("system", ["truecolor", "256", "standard"])
@pytest.mark.parametrize("dark", [True, False])
def test_the_cursor_stands_apart_over_every_layer(system: str, dark: bool) -> None:
    """Over the page, every speaker tint, every highlight and the match colours."""
    from textual.color import Color

    from reader.ui.palette import (
        cursor_background,
        highlight_color,
        shown_as,
        speaker_tint,
        unattributed_tint,
    )

    for page in BACKGROUNDS[dark]:
        background = Color.parse(page)
        text = Color(224, 224, 224) if dark else Color(20, 20, 20)
        layers = [background, unattributed_tint(dark, background, text)]
        layers += [speaker_tint(slot, dark, background) for slot in range(10)]
        layers += [speaker_tint(slot, dark, background, system) for slot in range(10)]
        layers += [highlight_color(n, dark, background) for n in range(1, 6)]
        layers += [Color(255, 200, 0), background.blend(Color(255, 200, 0), 0.45)]
        for layer in layers:
            cursor = cursor_background(layer, text, system)
            assert shown_as(cursor, system) != shown_as(layer, system), (page, layer.hex)


@pytest.mark.parametrize("dark", [True, False])
def test_every_speaker_has_a_palette_entry_of_its_own_in_256_colours(dark: bool) -> None:
    """In tmux's 256 colours seven speakers of a novel showed four quote backgrounds: Rich's
    downgrade put two speakers' tints on one entry (23, 58, 53), and beside the highlights'."""
    from textual.color import Color

    from reader.ui.palette import (
        SPEAKER_COUNT,
        contrast,
        highlight_color,
        shown_as,
        speaker_tint,
        unattributed_tint,
    )

    text = Color(224, 224, 224) if dark else Color(20, 20, 20)
    for page in BACKGROUNDS[dark]:
        background = Color.parse(page)
        tints = [speaker_tint(slot, dark, background, "256") for slot in range(SPEAKER_COUNT)]
        shown = [shown_as(tint, "256") for tint in tints]
        assert len(set(shown)) == SPEAKER_COUNT, (page, shown)
        others = {shown_as(background, "256"),
                  shown_as(unattributed_tint(dark, background, text), "256")}
        others |= {shown_as(highlight_color(n, dark, background), "256") for n in range(1, 6)}
        assert not others & set(shown), (page, shown, others)
        for tint in tints:  # as the terminal draws them: the text colour downgraded too
            drawn_text = Color.from_rich_color(text.rich_color.downgrade(ColorSystem.EIGHT_BIT))
            assert contrast(tint, text) >= 4.5, (page, tint.hex)
            assert contrast(tint, drawn_text) >= 4.5, (page, tint.hex)


def test_truecolor_tints_are_the_blends_they_were() -> None:
    """The 256-colour table leaves true colour alone."""
    from textual.color import Color

    from reader.ui.palette import speaker_tint

    page = Color.parse("#1e1e1e")
    assert speaker_tint(0, True, page, "truecolor") == speaker_tint(0, True, page)
    assert speaker_tint(0, True, page).hex == "#1D3E5E"
