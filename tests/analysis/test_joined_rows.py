"""A quote's speaker is a row of the speakers list: a name first taken for a body ("cried
Wałęsa", tagged a place before "Lech Wałęsa" was read) and joined to the person's row names
that person on its quotes and entities, with the cue's rule, not "organisation"."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

STORY = (
    "Snow had fallen in the night and the streets were silent. \"We cannot wait for them to "
    "decide for us,\" cried Wałęsa. \"The gates will open at six.\"\n\n"
    "Grey looked at the sea. \"Go home,\" he said.\n\n"
    "Lech Wałęsa stood by the gate. \"Nobody goes in,\" he said.\n\n"
    "\"Tomorrow we march,\" said Lech Wałęsa.\n\n"
    "Wałęsa laughed. \"Enough,\" he said.\n\n"
    "\"Enough,\" said Wałęsa.\n"
)


def test_a_name_joined_to_a_person_is_that_person_on_quotes_and_entities(
    run: Callable[[str], Analysis],
) -> None:
    a = run(STORY)
    rows = {sp.name: sp for sp in a.speakers}
    first = a.quotes[0]
    assert first.text.startswith('"We cannot wait')
    assert first.speaker in rows  # never a speaker the list lacks
    assert first.speaker == "Lech Wałęsa" and rows[first.speaker].kind == "person"
    assert first.id in rows["Lech Wałęsa"].quotes
    assert first.rule == "explicit"
    assert {q.speaker for q in a.quotes if q.speaker} <= set(rows)
    named = [e for e in a.entities if e.text == "Wałęsa"]
    assert named and all(e.label == "PERSON" and e.speaker == "Lech Wałęsa" for e in named)
