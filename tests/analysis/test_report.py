"""The text summary: speakers most quoted first, counts, shares, unattributed quotes."""

from __future__ import annotations

from reader.analysis.model import Analysis, Quote, Speaker
from reader.analysis.report import format_report, shorten


def sample() -> Analysis:
    quotes = [
        Quote(
            0,
            0,
            10,
            "“Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu "
            "xi omicron pi rho sigma tau upsilon.”",
            "Ann Lee",
        ),
        Quote(1, 20, 30, "“Second one.”", "Ann Lee", rule="conversation", confidence=0.6),
        Quote(2, 40, 50, "“Just one.”", "Tom Reed"),
        Quote(3, 60, 70, "“Nobody said \x1b[31mthis.”", None),
    ]
    speakers = [
        Speaker("Ann Lee", ["Lee"], "the mayor", [0, 1], 22, 0.88, "person"),
        Speaker("Tom Reed", [], None, [2], 2, 0.08, "unnamed"),
    ]
    return Analysis(doc="a.txt", quotes=quotes, speakers=speakers)


def test_report_lists_speakers_with_counts_roles_and_shares() -> None:
    out = format_report(sample(), title="Town hall")
    lines = out.splitlines()
    assert lines[0] == "Town hall"
    assert "4 quotes, 2 speakers, 1 unattributed" in out
    assert "Ann Lee (the mayor), person: 2 quotes, 22 words, 88% of quoted words" in out
    assert "Tom Reed, unnamed source: 1 quote, 2 words, 8% of quoted words" in out
    assert "  - probably: “Second one.”" in out and "  - “Just one.”" in out
    assert out.index("Ann Lee") < out.index("Tom Reed") < out.index("Unattributed: 1 quote")
    assert "  also: Lee" in out


def test_long_quotes_are_shortened_and_control_codes_removed() -> None:
    out = format_report(sample())
    line = next(x for x in out.splitlines() if "Alpha" in x)
    assert line.endswith("…") and len(line) <= 72
    assert "\x1b" not in out
    assert out.splitlines()[0] == "a.txt"


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("one two three", 20) == "one two three"
    assert shorten("alpha beta gamma delta", 15) == "alpha beta…"
