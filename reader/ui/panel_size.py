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
#: Cells the article's text reads well in: room beyond them was margin, which a wide window
#: gives the panel instead (at 140 columns previews were cut at 24 characters beside it).
READ_MEASURE = 90
#: The widest the panel grows by itself (> widens it further by hand).
PANEL_AUTO_MAX = 60
#: Below this screen width the panel would leave the text less than ARTICLE_MIN: it gives way
#: (hidden until p or t asks for it), so a 60-column window reads 58 columns of text, not 28.
CRAMPED_BELOW = ARTICLE_MIN + PANEL_MIN


def panel_bounds(width: int) -> tuple[int, int]:
    """The narrowest and widest the panel may be on a screen `width` cells wide."""
    return PANEL_MIN, max(PANEL_MIN, min(PANEL_MAX, width - ARTICLE_MIN))


def panel_auto(width: int) -> int:
    """The panel's own width on a screen `width` cells wide: a third of it up to PANEL_WIDTH,
    and in a wide window all the article's text would leave as margin, up to PANEL_AUTO_MAX."""
    return min(PANEL_AUTO_MAX, max(min(PANEL_WIDTH, width // 3), width - READ_MEASURE))


def panel_width_for(width: int, chosen: int | None, at: int | None = None) -> int:
    """The panel's width: the one chosen with > and < in a window `at` cells wide, as the
    same share of this one (it grows with the terminal); a width chosen before windows were
    remembered (no `at`) is kept where it is wider than the panel's own; else `panel_auto`.
    Within `panel_bounds` either way."""
    narrowest, widest = panel_bounds(width)
    if chosen is None:
        wanted = panel_auto(width)
    elif at:
        wanted = round(chosen * width / at)
    else:
        wanted = max(chosen, panel_auto(width))
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
