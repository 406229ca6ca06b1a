"""Colours shared by the article view, the side panel and the legend.

Speaker hues are fixed per slot (stable across themes and sessions, and far apart on
the colour wheel); their lightness follows the theme (light or dark) and backgrounds
are tints blended into the theme's own background, so both kinds of theme read well.
Search, selection and cursor colours come straight from the theme's variables.
"""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.color import ColorSystem
from textual.color import Color

# Hues (degrees) in an order where neighbouring slots differ most.
SPEAKER_HUES = (210, 30, 130, 330, 55, 270, 175, 0, 95, 245)
SPEAKER_COUNT = len(SPEAKER_HUES)

ENTITY_HUES: dict[str, int] = {
    "PERSON": 200,
    "ORG": 25,
    "GPE": 140,
    "LOC": 140,
    "FAC": 160,
    "NORP": 290,
    "EVENT": 320,
    "WORK_OF_ART": 320,
    "LAW": 0,
    "PRODUCT": 50,
    "LANGUAGE": 290,
}
"""Named things get a hue; numbers and dates (DATE, TIME, MONEY, ...) get a muted grey."""

ENTITY_GROUPS: dict[str, str] = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Places",
    "LOC": "Places",
    "FAC": "Places",
    "NORP": "Groups",
    "EVENT": "Events",
    "WORK_OF_ART": "Works",
    "LAW": "Laws",
    "PRODUCT": "Products",
    "LANGUAGE": "Languages",
}

#: Chosen so that the five stay apart when a terminal has only 256 or 16 colours (each maps
#: to its own palette entry on the usual dark and light backgrounds).
HIGHLIGHT_HUES = (58, 125, 310, 210, 10)
HIGHLIGHT_NAMES = ("yellow", "green", "pink", "blue", "orange")

#: The colours terminals with fewer than true colours have (rich's downgrades).
_SYSTEMS = {"256": ColorSystem.EIGHT_BIT, "standard": ColorSystem.STANDARD}

WHITE = Color(255, 255, 255)
BLACK = Color(0, 0, 0)
DARK_BACKGROUND = Color.parse("#1e1e1e")
LIGHT_BACKGROUND = Color.parse("#f5f5f5")


def contrast(first: Color, second: Color) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: Color) -> float:
        def channel(value: int) -> float:
            value_f = value / 255
            return value_f / 12.92 if value_f <= 0.03928 else ((value_f + 0.055) / 1.055) ** 2.4

        return (0.2126 * channel(colour.r) + 0.7152 * channel(colour.g)
                + 0.0722 * channel(colour.b))

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(colour: Color, background: Color, ratio: float = 4.5) -> Color:
    """``colour`` moved just far enough towards white or black to read on ``background``."""
    if contrast(colour, background) >= ratio:
        return colour
    target = WHITE if background.brightness < 0.5 else BLACK
    for step in range(1, 11):
        moved = colour.blend(target, step / 10)
        if contrast(moved, background) >= ratio:
            return moved
    return target


def _hsl(hue: int, saturation: float, lightness: float) -> Color:
    return Color.from_hsl(hue / 360, saturation, lightness)


def speaker_color(slot: int, dark: bool) -> Color:
    """A speaker's colour as a foreground on the theme background (swatches, names)."""
    hue = SPEAKER_HUES[slot % SPEAKER_COUNT]
    return _hsl(hue, 0.70, 0.68 if dark else 0.38)


#: Quote tints in a 256-colour terminal: xterm palette entries, one per slot, in the order of
#: SPEAKER_HUES as far as the palette allows, for dark and light themes. Blends downgraded by
#: Rich put two or three speakers on one entry (the palette has few entries dark enough under
#: light text) and next to the highlights'; these are ten entries of their own, none a grey
#: (the page, the unattributed tint), none a highlight's, each reading at 4.5 or more under
#: the theme's text. Dark has no orange or yellow-green that dark: maroon and plum stand in.
TINTS_256 = {True: (25, 52, 22, 125, 58, 55, 23, 124, 53, 18),
             False: (117, 223, 151, 218, 230, 183, 122, 217, 193, 105)}


def _palette_entry(number: int) -> Color:
    return Color.from_rich_color(RichColor.from_ansi(number))


def speaker_tint(slot: int, dark: bool, background: Color | None = None,
                 system: str | None = None) -> Color:
    """A speaker's quote background: their colour blended into the page background (in a
    256-colour terminal, the slot's own palette entry)."""
    if system == "256":
        return _palette_entry(TINTS_256[dark][slot % SPEAKER_COUNT])
    background = background or (DARK_BACKGROUND if dark else LIGHT_BACKGROUND)
    hue = SPEAKER_HUES[slot % SPEAKER_COUNT]
    colour = _hsl(hue, 0.75, 0.45 if dark else 0.60)
    return background.blend(colour, 0.38 if dark else 0.40)


def _seen(colour: Color, system: str | None) -> Color:
    """``colour`` as a terminal with ``system``'s colours draws it."""
    downgrade = _SYSTEMS.get(system or "truecolor")
    if downgrade is None:
        return colour
    return Color.from_rich_color(colour.rich_color.downgrade(downgrade))


#: How far apart (WCAG contrast) two backgrounds must be drawn for the eye to tell them apart.
APART = 1.15


def muted_speaker(slot: int, dark: bool, background: Color, foreground: Color,
                  system: str | None) -> tuple[Color, Color]:
    """Background and text colour of a quote whose speaker the engine only guesses: in true
    colour the speaker's tint at about half strength, where that is drawn apart from both the
    full tint and the page; else the page with the text in the speaker's hue at full
    saturation. 256 colours always take the second: their few dark entries gave one
    speaker's pale wash the colour of another's full tint (yellow's of red's); 16 colours
    have one grey for every tint, and still a hue of their own for each text."""
    full = speaker_tint(slot, dark, background, system)
    seen_full, seen_page = _seen(full, system), _seen(background, system)
    washes = (0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65) if _SYSTEMS.get(system or "") is None else ()
    for amount in washes:
        muted = background.blend(full, amount)
        seen = _seen(muted, system)
        if contrast(seen, seen_full) >= APART and contrast(seen, seen_page) >= APART:
            return muted, foreground
    hue = SPEAKER_HUES[slot % SPEAKER_COUNT]
    return background, _hsl(hue, 1.0, 0.68 if dark else 0.35)


def unattributed_tint(dark: bool, background: Color | None = None,
                      foreground: Color | None = None) -> Color:
    """Neutral background for quotes nobody is said to have spoken."""
    background = background or (DARK_BACKGROUND if dark else LIGHT_BACKGROUND)
    foreground = foreground or (Color(224, 224, 224) if dark else Color(30, 30, 30))
    return background.blend(foreground, 0.14)


def entity_color(label: str, dark: bool) -> Color:
    """Foreground for an entity type; readable on the page and inside quote tints."""
    hue = ENTITY_HUES.get(label)
    if hue is None:
        return Color(170, 170, 170) if dark else Color(95, 95, 95)
    return _hsl(hue, 0.85, 0.74 if dark else 0.28)


def highlight_color(n: int, dark: bool, background: Color | None = None) -> Color:
    """Background of a user highlight, colour 1-5 (stronger than quote tints)."""
    background = background or (DARK_BACKGROUND if dark else LIGHT_BACKGROUND)
    hue = HIGHLIGHT_HUES[(n - 1) % len(HIGHLIGHT_HUES)]
    colour = _hsl(hue, 0.90, 0.45 if dark else 0.62)
    return background.blend(colour, 0.60 if dark else 0.70)


#: How far the reading cursor's background moves towards the text colour, at least.
CURSOR_BLEND = 0.2


def shown_as(colour: Color, system: str | None) -> object:
    """What the terminal is sent for ``colour`` in a colour system ("truecolor", "256",
    "standard"): two colours that give the same value look the same there."""
    downgrade = _SYSTEMS.get(system or "truecolor")
    if downgrade is None:
        return colour.rgb
    return colour.rich_color.downgrade(downgrade).number


def cursor_background(background: Color, foreground: Color, system: str | None) -> Color:
    """The reading cursor over a run whose background is ``background`` (page, quote tint,
    highlight, match): blended towards the text colour, further where the terminal's fewer
    colours would draw it the same as the run around it."""
    around = shown_as(background, system)
    amount = CURSOR_BLEND
    colour = background.blend(foreground, amount)
    while shown_as(colour, system) == around and amount < 0.9:
        amount += 0.05
        colour = background.blend(foreground, amount)
    if shown_as(colour, system) == around:  # the text colour is the run's own: go the other way
        other = WHITE if background.brightness < 0.5 else BLACK
        colour = background.blend(other, 0.5)
    return colour
