"""How wide the article screen's side panel is: the default, the limits, the step."""

from __future__ import annotations

#: Below this screen width the panel collapses.
COLLAPSE_BELOW = 60
#: Panel widths (cells): default, limits, and the step of the widen/narrow keys.
PANEL_WIDTH = 42
PANEL_MIN = 30
PANEL_MAX = 90
PANEL_STEP = 4
#: Cells the article keeps beside the panel, however wide the panel is made.
ARTICLE_MIN = 48
#: Below this screen width the panel would leave the text less than ARTICLE_MIN: it gives way
#: (hidden until p or t asks for it), so a 60-column window reads 58 columns of text, not 28.
CRAMPED_BELOW = ARTICLE_MIN + PANEL_MIN


def panel_bounds(width: int) -> tuple[int, int]:
    """The narrowest and widest the panel may be on a screen `width` cells wide."""
    return PANEL_MIN, max(PANEL_MIN, min(PANEL_MAX, width - ARTICLE_MIN))


def panel_width_for(width: int, chosen: int | None) -> int:
    """The panel's width: the one chosen with > and <, else a third of the screen up to
    PANEL_WIDTH; within `panel_bounds` either way."""
    narrowest, widest = panel_bounds(width)
    wanted = chosen if chosen is not None else min(PANEL_WIDTH, width // 3)
    return max(narrowest, min(widest, wanted))


def panel_shown(width: int, visible: bool, asked: bool) -> bool:
    """Whether the panel shows: never below COLLAPSE_BELOW; in a cramped window only when
    asked for there (`asked`: p or t pressed since), whatever a wide window remembers; else
    as the person left it in a wide window (`visible`)."""
    if width < COLLAPSE_BELOW:
        return False
    return asked if width < CRAMPED_BELOW else visible


def cramped(width: int) -> bool:
    """A window with room for the panel only at the text's expense (it gives way)."""
    return COLLAPSE_BELOW <= width < CRAMPED_BELOW
