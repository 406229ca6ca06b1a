"""Whom a novel's "he said" may mean (issue 11): a woman called "Mrs." or "Lady" stays a woman
whatever pronouns the engine guessed for her, so "she said" can still find her."""

from __future__ import annotations

from reader.analysis.cluster import Cluster


def test_a_form_of_address_says_the_gender_whatever_the_pronouns_counted() -> None:
    brenda = Cluster(
        id=0, kind="person", canonical="Lady Brenda", address="mrs", male=20, female=13
    )
    assert brenda.gender == "f"
    sir = Cluster(id=2, kind="person", canonical="Sir Walter", address="mr", female=2)
    assert sir.gender == "m"


def test_a_first_name_alone_leaves_the_gender_to_the_counts() -> None:
    # "Brett" is mostly a man's name, but the text calls her "she"
    brett = Cluster(id=1, kind="person", canonical="Brett", first_said="m", male=1, female=26)
    assert brett.gender == "f"
