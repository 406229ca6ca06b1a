"""The analysis cache: keyed by text hash, model id and engine version; complete entries only."""

from __future__ import annotations

import pytest

from reader.analysis.model import Analysis, Entity, Mention, Quote, Speaker
from reader.errors import StoreError
from reader.store import Store


def sample_analysis() -> Analysis:
    return Analysis(
        doc="a.txt",
        model="m 1.0",
        engine="1",
        quotes=[
            Quote(id=0, start=5, end=20, text="“We will win”", speaker="Maria Lopez",
                  mention=Mention(30, 35, "Lopez"), cue="said", rule="explicit"),
        ],
        speakers=[Speaker(name="Maria Lopez", aliases=["Lopez"], role="minister", quotes=[0],
                          words=3, share=1.0)],
        entities=[Entity(30, 35, "Lopez", "PERSON", "Maria Lopez")],
    )


def test_round_trip(store: Store) -> None:
    store.cache_analysis("h1", "m 1.0", "1", sample_analysis())
    assert store.cached_analysis("h1", "m 1.0", "1") == sample_analysis()


def test_key_parts_all_count(store: Store) -> None:
    store.cache_analysis("h1", "m 1.0", "1", sample_analysis())
    assert store.cached_analysis("h2", "m 1.0", "1") is None
    assert store.cached_analysis("h1", "m 2.0", "1") is None
    assert store.cached_analysis("h1", "m 1.0", "2") is None


def test_has_cached_analysis_agrees_with_the_lookup(store: Store) -> None:
    store.cache_analysis("h1", "m 1.0", "1", sample_analysis())
    assert store.has_cached_analysis("h1", "m 1.0", "1")
    assert not store.has_cached_analysis("h1", "m 1.0", "2")
    assert not store.has_cached_analysis("h2", "m 1.0", "1")


def test_new_engine_version_replaces_old_entries(store: Store) -> None:
    store.cache_analysis("h1", "m 1.0", "1", sample_analysis())
    store.cache_analysis("h1", "other model", "1", Analysis())
    store.cache_analysis("h2", "m 1.0", "1", Analysis())
    store.cache_analysis("h1", "m 1.0", "2", Analysis(engine="2"))
    rows = {tuple(r) for r in store.db.execute(
        "SELECT text_hash, model, engine FROM analysis_cache")}
    assert rows == {("h1", "m 1.0", "2"), ("h2", "m 1.0", "1")}


def test_same_key_overwrites(store: Store) -> None:
    store.cache_analysis("h1", "m", "1", sample_analysis())
    store.cache_analysis("h1", "m", "1", Analysis())
    assert store.cached_analysis("h1", "m", "1") == Analysis()


class Exploding(Analysis):
    """An analysis whose serialisation fails half-way, like a worker killed mid-write."""

    def to_json(self, indent: int | None = 2) -> str:
        raise StoreError("serialisation failed")


def test_failed_write_leaves_previous_state(store: Store) -> None:
    store.cache_analysis("h1", "m", "1", sample_analysis())
    with pytest.raises(StoreError):
        store.cache_analysis("h1", "m", "2", Exploding())
    # The delete of the old engine's entry was rolled back with the failed insert.
    assert store.cached_analysis("h1", "m", "1") == sample_analysis()
    assert store.db.execute("SELECT count(*) FROM analysis_cache").fetchone()[0] == 1
