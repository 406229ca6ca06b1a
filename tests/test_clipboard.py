"""The real clipboard under Xvfb, read back with xclip; the fallback where there is none."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reader.clipboard import ClipboardError, copy_text
from tests.xclip import read_clipboard

TEXT = "# Notes — café\n\n> “We will not give up,”\n>\n> — María López\n\nKey line. 日本語\n"



def test_copy_reaches_the_x_clipboard(x_display: str) -> None:
    used: list[str] = []
    result = copy_text(TEXT, fallback=used.append)
    assert (result.method, result.chars) == ("clipboard", len(TEXT))
    assert used == []
    assert read_clipboard(x_display, TEXT) == TEXT
    # A second copy replaces the first.
    copy_text("second", fallback=used.append)
    assert read_clipboard(x_display, "second") == "second"


@pytest.fixture
def no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("TMUX", raising=False)


@pytest.mark.usefixtures("no_display")
def test_without_a_clipboard_the_fallback_gets_the_text() -> None:
    used: list[str] = []
    result = copy_text(TEXT, fallback=used.append)
    assert (result.method, result.chars) == ("terminal", len(TEXT))
    assert used == [TEXT]


@pytest.mark.usefixtures("no_display")
def test_without_a_clipboard_or_fallback_a_clear_error() -> None:
    with pytest.raises(ClipboardError, match="No clipboard is available") as info:
        copy_text(TEXT)
    assert "\n" not in str(info.value)
    assert "no X or Wayland display" in str(info.value)


def test_a_wayland_session_without_wl_copy_names_wl_clipboard(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-9")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no wl-copy here
    with pytest.raises(ClipboardError) as info:
        copy_text(TEXT)
    assert str(info.value) == (
        "No clipboard is available here: no clipboard tool was found (install wl-clipboard)."
    )


def test_a_display_nobody_answers_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("xclip") is None and shutil.which("xsel") is None:
        pytest.skip("neither xclip nor xsel is installed: no X tool to reach a display with")
    monkeypatch.setenv("DISPLAY", ":987")  # nothing listens there
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    with pytest.raises(ClipboardError) as info:
        copy_text(TEXT)
    assert str(info.value) == (
        "No clipboard is available here: the X display :987 cannot be reached "
        "(no X server answers there)."
    )


def test_stale_display_falls_back_quietly(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISPLAY", ":987")  # nothing listens there
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    used: list[str] = []
    assert copy_text("x", fallback=used.append).method == "terminal"
    assert used == ["x"]
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_inside_tmux_without_a_clipboard_the_text_goes_to_tmux_paste_buffer(
    no_display: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """tmux drops an application's OSC 52 by default: a copy there must land in its buffer."""
    socket = str(tmp_path / "tmux.sock")
    subprocess.run(["tmux", "-S", socket, "new-session", "-d", "-x", "80", "-y", "24"],
                   check=True, timeout=20)
    try:
        monkeypatch.setenv("TMUX", f"{socket},0,0")
        used: list[str] = []
        result = copy_text(TEXT, fallback=used.append)
        assert result.method == "tmux"
        shown = subprocess.run(["tmux", "-S", socket, "show-buffer"], capture_output=True,
                               check=True, timeout=20).stdout.decode("utf-8")
        assert shown == TEXT
        assert used == [TEXT]  # a terminal that takes OSC 52 through tmux gets it too
    finally:
        subprocess.run(["tmux", "-S", socket, "kill-server"], timeout=20, check=False)
