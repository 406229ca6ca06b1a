"""Each article's quotes and speakers as rows, written with its search index, so the People
view and `reader quotes` read a table instead of parsing every cached analysis."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlite_utils import Database

from reader.analysis.model import Analysis
from reader.analysis.summary import count_words
from reader.people.classify import speaker_facts

_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: int
    title: str
    source: str
    added: str
    qid: int
    start: int
    end: int
    speaker: str | None
    mention: str | None
    cue: str | None
    rule: str | None
    words: int
    text: str
    #: The quote's own confidence (None: a row written before it was kept).
    confidence: float | None = None
    #: The date the article's page gives ("" when none).
    date: str = ""

    @property
    def dated(self) -> str:
        """The article's day: published (an ISO date the page gave), else added."""
        return self.date[:10] if _ISO_DAY.match(self.date) else self.added[:10]


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    article_id: int
    added: str
    name: str
    aliases: tuple[str, ...]
    role: str | None
    kind: str
    gender: str
    gender_by: str
    quotes: int
    words: int


def write(db: Database, article_id: int, analysis: Analysis, text: str = "") -> None:
    db.conn.executemany(
        'INSERT INTO quote_rows (article_id, qid, start, "end", speaker, mention, cue, rule, '
        "words, text, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, q.id, q.start, q.end, q.speaker, q.mention.text if q.mention else None,
             q.cue, q.rule, count_words(q.text), q.text, q.confidence)
            for q in analysis.quotes
        ],
    )
    db.conn.executemany(
        "INSERT OR REPLACE INTO speaker_rows (article_id, name, aliases, role, kind, gender, "
        "gender_by, quotes, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, f.name, json.dumps(list(f.aliases)), f.role, f.kind, f.gender,
             f.gender_by, f.quotes, f.words)
            for f in speaker_facts(analysis, text)
        ],
    )


def quotes(db: Database, article_id: int | None = None) -> list[QuoteRow]:
    where, params = ("WHERE q.article_id = ?", [article_id]) if article_id is not None else (
        "", [])
    sql = (
        'SELECT q.article_id, a.title, a.source, a.added, q.qid, q.start, q."end", q.speaker, '
        "q.mention, q.cue, q.rule, q.words, q.text, q.confidence, a.date FROM quote_rows q "
        f"JOIN articles a ON a.id = q.article_id {where} ORDER BY a.added, q.article_id, q.start"
    )
    return [QuoteRow(*row[:-1], date=row[-1] or "") for row in db.execute(sql, params).fetchall()]


def speakers(db: Database) -> list[SpeakerRow]:
    sql = (
        "SELECT s.article_id, a.added, s.name, s.aliases, s.role, s.kind, s.gender, "
        "s.gender_by, s.quotes, s.words FROM speaker_rows s JOIN articles a ON a.id = "
        "s.article_id ORDER BY a.added, s.article_id"
    )
    return [
        SpeakerRow(r[0], r[1], r[2], tuple(json.loads(r[3])), *r[4:])
        for r in db.execute(sql).fetchall()
    ]


def guessed_speakers(db: Database) -> dict[tuple[int, str], bool]:
    """(article id, speaker) of each speaker quoted -> whether their every quote there is a
    guess: the People view hedges those ("probably") as the article does."""
    from reader.quoting import guessed_rule

    guessed: dict[tuple[int, str], bool] = {}
    for article_id, speaker, rule, confidence in db.execute(
        "SELECT article_id, speaker, rule, confidence FROM quote_rows WHERE speaker IS NOT NULL"
    ).fetchall():
        key = (article_id, speaker)
        guessed[key] = guessed.get(key, True) and guessed_rule(rule, confidence)
    return guessed
