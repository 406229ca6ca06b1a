"""What a new user reading the dev articles in the app found, checked on those articles:
the scientists of technologyreview.com1 have their roles, Fran Finney is "Hal Finney's wife",
the Church of thedailybeast.com1 is one speaker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.analysis import Analysis

from .conftest import GOLDEN_ARTICLES, SHARED

# On the golden articles' worker: these three dev articles are analysed there for the golden
# test already (analysis_of keeps each analysis for the session), not again on the other.
pytestmark = GOLDEN_ARTICLES

Of = Callable[[Path], Analysis]
DEV = SHARED / "corpus" / "dev"


def roles(a: Analysis) -> dict[str, str | None]:
    return {sp.name: sp.role for sp in a.speakers}


def test_each_scientist_has_the_role_the_text_gives(analysis_of: Of) -> None:
    got = roles(analysis_of(DEV / "technologyreview.com1.txt"))
    # "biologists Jennifer Doudna and Emmanuelle Charpentier" first, then each one's own:
    # "Doudna, a structural biologist at …", "says Charpentier, now a professor at …"
    assert got["Jennifer Doudna"] == "a structural biologist at the University of California"
    assert got["Emmanuelle Charpentier"] == (
        "a professor at the Helmholtz Centre for Infection Research and Hannover Medical School"
    )
    assert got["Feng Zhang"] == "a researcher in Cambridge at the MIT-Harvard Broad Institute"


def test_a_wife_is_someones(analysis_of: Of) -> None:
    assert roles(analysis_of(DEV / "wired.com2.txt"))["Fran Finney"] == "Hal Finney's wife"


def test_the_church_is_one_speaker(analysis_of: Of) -> None:
    rows = [sp for sp in analysis_of(DEV / "thedailybeast.com1.txt").speakers if sp.kind == "org"]
    assert [(sp.name, "the Church" in sp.aliases) for sp in rows] == [("Catholic Church", True)]
