"""`y` with a clipboard tool that hangs: the app keeps answering keys while the copy waits,
then the text goes to the terminal's clipboard (OSC 52) and the toast says why. The real app,
a real hanging xclip on PATH."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reader import clipboard
from reader.ui.screens.article import ArticleScreen
from tests.test_clipboard_hang import hanging_xclip
from tests.ui.conftest import wait_for_analysis

from .conftest import toast_texts

pytestmark = pytest.mark.usefixtures("sample_analysed")


async def test_y_with_a_hanging_clipboard_tool_never_freezes_the_app(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hanging_xclip(tmp_path)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("DISPLAY", ":97")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.setattr(clipboard, "COPY_TIMEOUT", 3.0)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        began = time.monotonic()
        await pilot.press("y")
        await pilot.press("j")  # answered while the tool hangs
        await pilot.pause()
        assert time.monotonic() - began < 2.0, "the app froze on the clipboard tool"
        assert app.clipboard == ""
        deadline = time.monotonic() + 10
        while not app.clipboard and time.monotonic() < deadline:
            await pilot.pause(0.1)
        await pilot.pause()
        assert app.clipboard.startswith("# ")
        told = (await toast_texts(pilot))[-1]
        assert "OSC 52" in told and "xclip did not answer in 3 s" in told
