"""A name or role the text wraps across lines is one line of words wherever it is shown.

Novels and hard-wrapped news put line breaks inside descriptions ("said his\\ncompanion");
`reader analyze --format text`, JSON and the panels printed the break. Offsets stay the text's.
"""

from __future__ import annotations

from reader.analysis import analyze
from reader.analysis.report import format_report

TEXT = (
    "The garden was quiet.\n\n"
    "The two men walked on in silence for a while under the old trees.\n\n"
    "“I shall go at once,” said his\ncompanion, rising from the bench. "
    "“There is nothing left to say.”\n"
)


def test_a_wrapped_description_is_named_in_words_and_its_mention_keeps_the_text() -> None:
    analysis = analyze(TEXT)
    said = [q for q in analysis.quotes if q.speaker is not None]
    assert said, "no speaker found"
    assert {q.speaker for q in said} == {"his companion"}
    names = [
        text
        for sp in analysis.speakers
        for text in (sp.name, sp.role or "", *sp.aliases)
    ]
    assert all("\n" not in name and "  " not in name for name in names), names
    mention = said[0].mention
    assert mention is not None and TEXT[mention.start : mention.end] == mention.text
    report = format_report(analysis, "Garden")
    assert "his companion" in report and "his\ncompanion" not in report
