"""The name the library gives a speaker, wherever one is named to the reader outside the
article's own text (citations, exports, search rows): "Whitfield" in one article is "Dana
Whitfield" when the library merged the two, as People and `reader quotes` show her."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from reader.analysis.model import Quote
    from reader.store.people_rows import SpeakerRow

#: (article id, speaker name in that article's analysis) -> the library's name for them.
Names = Mapping[tuple[int, str], str]

T = TypeVar("T")


def library_names(rows: Sequence[SpeakerRow], article: int | None = None) -> dict[
        tuple[int, str], str]:
    """The library's name of each speaker; with `article`, of that article's speakers only
    (the rows that could merge with them: those sharing a word of a name)."""
    if article is not None:
        words = {w.casefold() for r in rows if r.article_id == article
                 for n in (r.name, *r.aliases) for w in n.split()}
        rows = [r for r in rows if any(w.casefold() in words for n in (r.name, *r.aliases)
                                       for w in n.split())]
    # here, not at the top: the app makes its NamesCache before the first frame, which must
    # not wait for the people's merge and the engine modules it brings (test_first_frame)
    from reader.people.library import build_people, speaker_of

    return {key: person.name for key, person in speaker_of(build_people(rows)).items()}


class NamesCache:
    """The library's names, merged once per change of the speakers' rows: `y`, `Y` and the
    search's quote rows ask often, and merging a big library's people takes a second or more
    (1.7 s at 1,000 articles) on the thread that draws the screen."""

    def __init__(self) -> None:
        self._stamp: object = None
        self._names: dict[tuple[int, str], str] = {}

    def get(self, store: SpeakersSource) -> dict[tuple[int, str], str]:
        """The names for the library as it is now (ReaderError when it cannot be read)."""
        stamp = store.speakers_stamp()
        if stamp != self._stamp:
            self._names = library_names(store.speaker_rows())
            self._stamp = stamp
        return self._names


class SpeakersSource(Protocol):
    def speakers_stamp(self) -> object: ...

    def speaker_rows(self) -> Sequence[SpeakerRow]: ...


def renamed(items: Iterable[T], article: int, names: Names, field: str = "speaker") -> list[T]:
    """Quotes (or search hits) of `article` with each speaker under the library's name."""
    out = []
    for item in items:
        said = getattr(item, field)
        name = names.get((article, said)) if said else None
        out.append(dataclasses.replace(item, **{field: name}) if name and name != said
                   else item)  # type: ignore[type-var]
    return out


def renamed_hits(hits: Iterable[T], names: Names) -> list[T]:
    """Search hits with each quote's speaker under the library's name."""
    return [renamed([h], h.article_id, names)[0] for h in hits]  # type: ignore[attr-defined]


def renamed_roles(roles: Mapping[str, str], article: int, names: Names) -> dict[str, str]:
    """Roles by speaker name, keyed by the library's names as well as the article's."""
    out = dict(roles)
    for name, role in roles.items():
        out.setdefault(names.get((article, name), name), role)
    return out


def renamed_quotes(quotes: Sequence[Quote], article: int, names: Names) -> list[Quote]:
    return renamed(quotes, article, names)
