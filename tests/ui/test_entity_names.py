"""Found by a new user in the Entities tab: "Breakthrough Prize" listed under People, and
"Faith" (of "the Congregation for the Doctrine of the Faith") as an organisation of its own.
A PERSON whose last word names a thing is listed under Other names (George Church stays a
person); a one-word ORG met only inside a longer name is not listed ("the Church", met on its
own, is). The real app on a real SQLite file, with the tagger's entities as the engine stores
them."""

from __future__ import annotations

from typing import Any

from reader.analysis.model import ENGINE_VERSION, Analysis, Entity
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store, text_hash
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import wait_for_analysis

TEXT = ("The Catholic Church named George Church to the Congregation for the Doctrine of the "
        "Faith. He won the Breakthrough Prize, and the Church fathers were glad. The "
        "Breakthrough Prize is large, the Doctrine of the Faith says.\n")


def _entities() -> list[Entity]:
    found = []
    for name, label, nth in (("The Catholic Church", "ORG", 0), ("George Church", "PERSON", 0),
                             ("Congregation", "ORG", 0), ("Faith", "ORG", 0),
                             ("Breakthrough Prize", "PERSON", 0), ("Church", "ORG", 2),
                             ("Breakthrough Prize", "PERSON", 1), ("Faith", "ORG", 1)):
        at = -1
        for _ in range(nth + 1):
            at = TEXT.index(name, at + 1)
        found.append(Entity(at, at + len(name), name, label))
    return sorted(found, key=lambda e: e.start)


async def test_things_and_pieces_of_names_are_listed_as_a_reader_would(
    make_app: Any, store: Store
) -> None:
    store.cache_analysis(text_hash(TEXT), model_id(None), ENGINE_VERSION,
                         Analysis(entities=_entities()))
    app = make_app(Document(title="Prize", source="/news/prize.txt", text=TEXT))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("t")  # the Entities tab
        await pilot.pause()
        listed = {(g.label, g.text): len(g.spans) for g in screen.entities_panel._groups.values()}
        assert listed == {
            ("PERSON", "George Church"): 1,
            ("MISC", "Breakthrough Prize"): 2,
            ("ORG", "The Catholic Church"): 1,
            ("ORG", "Church"): 1,
            ("ORG", "Congregation"): 1,
        }, listed


def test_people_with_a_surname_that_is_also_a_thing_stay_people() -> None:
    """"Ji-sung Park", "Picabo Street" (first names the list does not know) are people; a
    speaker is a person whatever their last word; "Breakthrough Prize" is still a thing."""
    from reader.ui.entity_names import listed_entities

    people = [Entity(0, 12, "Ji-sung Park", "PERSON"), Entity(20, 33, "Picabo Street", "PERSON"),
              Entity(40, 57, "Kwabena Hospital", "PERSON", speaker="Kwabena Hospital"),
              Entity(60, 78, "Breakthrough Prize", "PERSON")]
    assert [(e.text, e.label) for e in listed_entities(people)] == [
        ("Ji-sung Park", "PERSON"), ("Picabo Street", "PERSON"),
        ("Kwabena Hospital", "PERSON"), ("Breakthrough Prize", "MISC")]


def test_a_lower_case_word_is_no_organisation_and_a_region_is_a_place() -> None:
    """Found by a new user: "solidarity" and "Negev" (of "the northwestern Negev") listed
    under Organisations. A lower-case word is no name; a name after a compass word is a
    region's. Hamas stays an organisation."""
    from reader.ui.entity_names import listed_entities

    text = ("Hamas killed 1,200 people in the northwestern Negev, and the town showed "
            "solidarity with northern Gaza.")
    tagged = [(name, "ORG") for name in ("Hamas", "Negev", "solidarity", "Gaza")]
    entities = [Entity(text.index(n), text.index(n) + len(n), n, label) for n, label in tagged]
    assert [(e.text, e.label) for e in listed_entities(entities, text)] == [
        ("Hamas", "ORG"), ("Negev", "LOC"), ("Gaza", "LOC")]


def test_the_entity_layer_marks_them_as_the_tab_lists_them() -> None:
    """The same new user saw them in the entity layer (`e`): marked as organisations."""
    from reader.ui.entity_names import layer_marks

    text = "Hamas struck in the northwestern Negev; the town showed solidarity."
    entities = [Entity(text.index(n), text.index(n) + len(n), n, "ORG")
                for n in ("Hamas", "Negev", "solidarity")]
    assert [(text[s:e], label) for s, e, label in layer_marks(entities, text)] == [
        ("Hamas", "ORG"), ("Negev", "LOC")]


def test_names_in_a_script_without_letter_case_are_kept() -> None:
    """"北京大学" equals its own lower case: it was dropped as a lower-case word, as were
    organisations named with digits. Only a word with lower-case letters and no capital is
    no name."""
    from reader.ui.entity_names import layer_marks, listed_entities

    text = "北京大学 and 7-Eleven and 3 and solidarity."
    entities = [Entity(text.index(n), text.index(n) + len(n), n, "ORG")
                for n in ("北京大学", "7-Eleven", "3", "solidarity")]
    assert [e.text for e in listed_entities(entities, text)] == ["北京大学", "7-Eleven", "3"]
    assert [text[s:e] for s, e, _label in layer_marks(entities, text)] == [
        "北京大学", "7-Eleven", "3"]


async def test_the_article_s_entity_layer_marks_the_negev_a_place(
    make_app: Any, store: Store, sample_analysed: None
) -> None:
    """The sample's "the northwestern Negev", tagged an organisation, marked as a place."""
    from tests.ui.reading import reading

    async with reading(make_app) as (app, pilot):
        view = app.screen.view
        start = view.text.index("Negev")
        await pilot.pause()
        labels = {m.label for _, _, m in view._entities.runs(start, start + 5)}
    assert labels == {"LOC"}, labels
