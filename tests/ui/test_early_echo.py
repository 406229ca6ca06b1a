"""Keys typed before the app is up are not echoed onto the shell's screen: `jjk` typed as the
reader started was still beside the prompt after quitting. A real pseudo-terminal."""

from __future__ import annotations

import os
import select
import sys
import termios

import pytest

from reader.ui.early_keys import flow_control_off


def echoed(master: int) -> bytes:
    """What the terminal wrote back within a moment."""
    out = b""
    while select.select([master], [], [], 0.3)[0]:
        out += os.read(master, 1024)
    return out


def test_keys_typed_before_the_app_is_up_are_not_echoed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    master, slave = os.openpty()
    try:
        with os.fdopen(os.dup(slave), "r") as terminal:
            monkeypatch.setattr(sys, "__stdin__", terminal)
            with flow_control_off():
                os.write(master, b"jjk")
                assert echoed(master) == b""  # b"jjk" on the old code
                raw = termios.tcgetattr(slave)  # the driver's raw mode: the keys are there
                raw[3] &= ~termios.ICANON
                raw[6][termios.VMIN], raw[6][termios.VTIME] = 0, 1
                termios.tcsetattr(slave, termios.TCSANOW, raw)
                assert os.read(slave, 16) == b"jjk"
            lflag = termios.tcgetattr(slave)[3]
            assert lflag & termios.ECHO  # the user's settings again afterwards
    finally:
        os.close(master)
        os.close(slave)
