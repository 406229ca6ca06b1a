"""What a terminal with fewer colours shows: an app run as in one, and its screenshot drawn in
the colours that terminal would draw.

Textual's SVG screenshot always records truecolor; a 256-colour terminal gets each colour
downgraded by Rich on the way out (the same `Color.downgrade` Textual's driver uses). So the app
runs with the colour system TEXTUAL_COLOR_SYSTEM would give it (the reader adapts its cursor to
it), and every colour of the screenshot is replaced by the palette entry the terminal draws.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import textual.constants
from rich.color import Color, ColorSystem, ColorTriplet

_HEX = re.compile(r"#([0-9a-fA-F]{6})\b")
_SYSTEMS = {"256": ColorSystem.EIGHT_BIT, "standard": ColorSystem.STANDARD}


def as_drawn_in(svg: str, system: str) -> str:
    """The SVG with each #rrggbb replaced by what a `system` terminal draws for it."""
    downgrade = _SYSTEMS[system]

    def drawn(match: re.Match[str]) -> str:
        value = match[1]
        rgb = ColorTriplet(int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))
        return Color.from_triplet(rgb).downgrade(downgrade).get_truecolor().hex

    return _HEX.sub(drawn, svg)


def run_in(monkeypatch: pytest.MonkeyPatch, system: str) -> None:
    """Apps made from now on start as with TEXTUAL_COLOR_SYSTEM=`system` (read at import)."""
    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", system)


def screenshots_in(app: Any, system: str) -> Any:
    """The app, its screenshots drawn as a `system` terminal draws them."""
    export = app.export_screenshot

    def exported(*args: Any, **kwargs: Any) -> str:
        assert app.console.color_system == system, app.console.color_system
        return as_drawn_in(export(*args, **kwargs), system)

    app.export_screenshot = exported
    return app
