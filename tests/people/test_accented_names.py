"""`reader search --speaker` and `reader quotes --speaker` find a speaker by the library
search's accent rule (reader.fold): "Muller" and "Mueller" find "Hans Müller", "Müller" finds
"Eva Mueller"; "Muller" does not find "Eva Mueller"."""

from __future__ import annotations

from reader.people.library import has_words, speakers_named
from reader.store.people_rows import SpeakerRow


def row(article_id: int, name: str) -> SpeakerRow:
    return SpeakerRow(article_id, "2024-01-01", name, (), None, "person", "m", "text", 1, 5)


def test_a_typed_name_matches_its_accented_and_spelt_forms() -> None:
    assert has_words("Hans Müller", "muller")
    assert has_words("Hans Müller", "Mueller hans")
    assert has_words("Eva Mueller", "Müller")
    assert has_words("José Ramos", "jose")
    assert not has_words("Eva Mueller", "Muller")
    assert not has_words("Hans Müller", "Mull")  # whole words, as before


def test_speakers_named_folds_accents() -> None:
    rows = [row(1, "Hans Müller"), row(2, "Eva Mueller"), row(3, "Tom Reed")]
    assert speakers_named(rows, "Muller") == {(1, "Hans Müller")}
    assert speakers_named(rows, "Mueller") == {(1, "Hans Müller"), (2, "Eva Mueller")}
