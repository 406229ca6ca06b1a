"""The article screen's keys (declared here so the screen's module stays small)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

ARTICLE_BINDINGS: list[BindingType] = [
    Binding(
        "q",
        "app.quit",
        "Quit",
        id="reading.quit",
        tooltip="Save the reading position and quit (as in less)",
    ),
    Binding("question_mark", "help", "Help", id="reading.help", tooltip="List every key"),
    Binding("slash", "search", "Search", id="reading.search", tooltip="Find text"),
    Binding("full_stop", "next_match", "Next match", show=False, id="reading.next_match"),
    Binding("comma", "previous_match", "Prev match", show=False, id="reading.prev_match"),
    # The view's ] and [, from the side panel too (the view's own run when it has the focus):
    # with the panel focused they did nothing, silently (a new user found it).
    Binding("right_square_bracket", "next_quote(1)", "Next quote", show=False,
            id="reading.next_quote", key_display="]",
            tooltip="Jump to the next quote, from the panel too"),
    Binding("left_square_bracket", "next_quote(-1)", "Prev quote", show=False,
            id="reading.prev_quote", key_display="[",
            tooltip="Jump to the previous quote, from the panel too"),
    Binding(
        "s",
        "speaker_quote(1)",
        "Speaker's next",
        show=False,  # the footer keeps what fits 120 columns whole; ? lists it
        id="reading.speaker_next",
        tooltip="Jump to the next quote of the current speaker",
    ),
    Binding(
        "S",
        "speaker_quote(-1)",
        "Speaker's previous",
        show=False,
        id="reading.speaker_previous",
        tooltip="Jump to the previous quote of the current speaker",
    ),
    Binding(
        "quotation_mark",
        "toggle_quotes",
        "Quotes",
        show=False,  # the footer keeps what fits 120 columns whole; ? lists it
        id="reading.toggle_quotes",
        tooltip="Show or hide the quote highlights",
    ),
    Binding(
        "e",
        "toggle_entities",
        "Entities",
        show=False,  # the footer keeps what fits 120 columns whole; ? lists it
        id="reading.toggle_entities",
        tooltip="Show or hide the entity marks",
    ),
    Binding("l", "legend", "Legend", id="reading.legend", tooltip="What the colours mean"),
    Binding(
        "T",
        "edit_title",
        "Title",
        show=False,
        id="reading.edit_title",
        tooltip="Give the article a title of your own (a text file's is its first line)",
    ),
    Binding(
        "o",
        "outline",
        "Outline",
        show=False,
        id="reading.outline",
        tooltip="The headings and chapters, to jump to one",
    ),
    Binding(
        "p",
        "toggle_panel",
        "Panel",
        show=False,  # the footer keeps what fits 120 columns whole; ? lists it
        id="reading.toggle_panel",
        tooltip="Hide or show the side panel",
    ),
    Binding(
        "t",
        "next_tab",
        "Next tab",
        show=False,
        id="reading.next_tab",
        tooltip="Speakers, Entities, Notes",
    ),
    Binding(
        "greater_than_sign",
        "resize_panel(1)",
        "Widen panel",
        show=False,
        id="reading.widen_panel",
    ),
    Binding(
        "less_than_sign",
        "resize_panel(-1)",
        "Narrow panel",
        show=False,
        id="reading.narrow_panel",
    ),
    Binding(
        "h",
        "highlight",
        "Highlight",
        id="reading.highlight",
        tooltip="Highlight the selection, or the current sentence",
    ),
    Binding(
        "n",
        "note",
        "Note",
        id="reading.note",
        tooltip="Add or edit the note on the highlight under the cursor",
    ),
    *[
        Binding(
            str(n),
            f"color({n})",
            f"Colour {n}",
            show=False,
            id=f"reading.color_{n}",
            tooltip="Give the highlight under the cursor colour 1-5",
        )
        for n in range(1, 6)
    ],
    Binding(
        "x", "delete_highlight", "Delete highlight (and its note)", show=False,
        id="reading.delete_highlight",  # with a note, it asks first (y/n)
    ),
    Binding(
        "u",
        "undo",
        "Undo",
        show=False,
        id="reading.undo",
        tooltip="Undo the last highlight, note or deletion",
    ),
    Binding(
        "y",
        "copy_passage",
        "Copy",
        show=False,
        id="reading.copy_passage",
        tooltip="Copy the quote, highlight, selection or sentence under the cursor, cited "
        "(title, source, date: as Y copies the notes)",
    ),
    Binding(
        "Y",
        "copy_notes",
        "Copy notes",
        show=False,
        id="reading.copy_notes",
        tooltip="Copy all notes of this article as Markdown",
    ),
    Binding(
        "escape",
        "back",
        "Library",
        show=False,
        id="reading.back",
        tooltip="One level back: the search, the panel, then the library",
    ),
]
