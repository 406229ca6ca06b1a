"""Notes typed but not stored yet, kept in a file of their own while they are typed.

A note lives in the editor until ctrl+s stores it. If the reader is killed, crashes or loses
its terminal meanwhile, or the save fails (a locked database, a full disk) and the editor is
closed, the typed text must still be somewhere: here. The file is beside the user's data, not
in the database, so a database that cannot be written to does not take the draft down with
it. One file per database (named by its path), written whole to a temporary file and renamed,
under a lock, so two readers on one library never lose each other's drafts: each window keeps
and drops only the drafts it owns (``Draft.owner``), even on a passage another window drafts too.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader import draft_spill
from reader.anchoring import Selector, anchor, selector_for


def now() -> str:
    """A draft's time stamp: UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Draft:
    """The typed text and what it was typed for: the annotation as the editor saw it (so the
    save can still merge with changes made since), or the passage a new note would highlight."""

    article: int
    key: str
    text: str
    passage: str
    #: The annotation the editor opened (``Annotation`` as a dict), for a note on a highlight.
    seen: dict[str, Any] | None = None
    #: (start, end, colour) of the passage, for a note that will create its highlight.
    span: tuple[int, int, int] | None = None
    updated: str = field(default_factory=now)
    #: The text around the passage of a new note (W3C prefix/suffix), so that the draft can be
    #: placed again after the article's file changed ("": a draft from before they were kept).
    prefix: str = ""
    suffix: str = ""
    #: The window that keeps it ("" in files from before owners were kept): a window keeps and
    #: drops only its own drafts, so a second window on the same passage never drops the first's.
    owner: str = ""
    #: When the article it was typed in was added to the library ("" in files from before
    #: this was kept). SQLite gives a deleted article's id to the next article added, so the
    #: id alone would offer a deleted article's draft in another one.
    article_added: str = ""
    #: The article's text hash and source when it was typed ("" in older files): a draft of an
    #: article deleted and then added again (a new id, a new stamp) follows it by these.
    article_hash: str = ""
    article_source: str = ""


def same_article(draft: Draft, digest: str, source: str) -> bool:
    """Whether the draft was typed in an article with this text, or read from this file or
    address ("stdin", "sample" and the like name no one article)."""
    if draft.article_hash and draft.article_hash == digest:
        return True
    named = source.startswith("/") or "://" in source
    return named and draft.article_source == source


def typed_in(draft: Draft, text: str) -> bool:
    """Whether a draft kept before article hashes were (engine 21) was typed in this text: its
    passage is in it with the text kept around it (W3C prefix and suffix), word for word. Such a
    draft of an article deleted and added again could not follow it otherwise."""
    if draft.article_hash:
        return False
    seen = draft.seen or {}
    if draft.span is not None or not seen:
        passage, prefix, suffix = draft.passage, draft.prefix, draft.suffix
    else:
        passage = str(seen.get("exact", ""))
        prefix, suffix = str(seen.get("prefix", "")), str(seen.get("suffix", ""))
    return bool(passage.strip()) and bool(prefix or suffix) and prefix + passage + suffix in text


def adopted(draft: Draft, article: int, added: str, digest: str, source: str) -> Draft:
    """A deleted article's draft given to the article added again in its place. A note's
    edit on one of its highlights becomes a new note's draft on that passage: the highlight
    went with the article, and its id may be another highlight's now."""
    moved = replace(draft, article=article, article_added=added, article_hash=digest,
                    article_source=source)
    seen = draft.seen or {}
    if draft.span is not None or not seen:
        return moved
    try:
        start, end, colour = int(seen["start"]), int(seen["end"]), int(seen.get("color", 1))
    except (KeyError, TypeError, ValueError):
        return moved
    return replace(
        moved, key=f"span:{start}:{end}", span=(start, end, colour), seen=None,
        passage=str(seen.get("exact", draft.passage)), prefix=str(seen.get("prefix", "")),
        suffix=str(seen.get("suffix", "")),
    )


def with_context(draft: Draft, text: str) -> Draft:
    """The draft of a new note with the text around its passage, as anchoring remembers it."""
    if draft.span is None or draft.prefix or draft.suffix:
        return draft
    sel = selector_for(text, draft.span[0], draft.span[1])
    return replace(draft, prefix=sel.prefix, suffix=sel.suffix)


def placed(draft: Draft, text: str) -> Draft | None:
    """The draft of a new note, its passage found in ``text`` as a note's would be (the
    article's file may have changed since it was typed): moved there, or None when the passage
    cannot be found (the caller keeps the draft and offers its text). Old offsets are never
    applied to a new text."""
    if draft.span is None:
        return draft  # a note on a highlight: the highlight is re-anchored by the store
    start, end, colour = draft.span
    sel = Selector(start, end, draft.passage, draft.prefix, draft.suffix)
    if draft.prefix or draft.suffix:
        found = anchor(text, sel)
        span = None if found is None else (found.start, found.end)
    elif text[start:end] == draft.passage:
        span = (start, end)  # no context kept: the passage where it was
    else:
        # No context kept: only a passage that is in the text exactly once can be placed.
        at = text.find(draft.passage) if text.count(draft.passage) == 1 else -1
        span = None if at < 0 or not draft.passage else (at, at + len(draft.passage))
    if span is None or span[1] <= span[0]:
        return None
    if span == (start, end) and text[start:end] == draft.passage:
        return with_context(draft, text)
    moved = selector_for(text, *span)
    return replace(
        draft,
        key=f"span:{span[0]}:{span[1]}" if draft.key.startswith("span:") else draft.key,
        span=(span[0], span[1], colour),
        passage=moved.exact,
        prefix=moved.prefix,
        suffix=moved.suffix,
    )


def joined(first: Draft, second: Draft) -> Draft:
    """Two windows' drafts of one passage as one draft, so neither's words are lost: a text that
    holds the other whole stands for both, else both are kept under the line a merged note uses."""
    from reader.store.merge import CONFLICT_LINE, extends

    older, newer = sorted((first, second), key=lambda d: d.updated)
    if extends(newer.text, older.text):
        text = newer.text
    elif extends(older.text, newer.text):
        text = older.text
    else:
        text = f"{older.text.rstrip()}\n\n{CONFLICT_LINE}\n{newer.text.strip()}"
    return replace(newer, text=text)


def drafts_dir() -> Path:
    """Where draft files live: the user's data folder (platformdirs), as the library does."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("reader", appauthor=False)) / "drafts"


def unsaved_count(db_path: Path | str, articles: set[int] | None = None) -> int:
    """How many drafts with words wait in the database's draft file (of these articles, or
    all), for an export to say that they are not in it: a draft is not a note until stored,
    but the reader who left the editor with escape must not believe the words gone. Only
    read: a damaged file is left for the reader to move aside."""
    return sum(unsaved_by_article(db_path, articles).values())


def unsaved_by_article(db_path: Path | str, articles: set[int] | None = None) -> dict[int, int]:
    """Article id -> how many drafts with words wait for it (unsaved_count, per article), so
    an export names the article whose Notes tab lists them."""
    name = DraftBox(db_path).path
    found: dict[str, Draft] = {}
    for _seen, raw in draft_spill.read(name.name):
        found.update(_parsed(raw))
    with contextlib.suppress(OSError, ValueError):
        found.update(_parsed(json.loads(name.read_text("utf-8"))))
    counts: dict[int, int] = {}
    for d in found.values():
        if d.text.strip() and (articles is None or d.article in articles):
            counts[d.article] = counts.get(d.article, 0) + 1
    return counts


class DraftBox:
    """The drafts of one database."""

    def __init__(self, db_path: Path | str, folder: Path | None = None) -> None:
        real = os.path.realpath(db_path)
        name = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.path = (folder or drafts_dir()) / f"{name}.json"
        #: Whether the last read found the file damaged (and moved it aside): its "no drafts"
        #: is an error's, which a periodic look must not take for drafts stored elsewhere.
        self.damaged = False
        self._holding = False
        #: The spill files the last read took drafts from (draft_spill).
        self._spills: list[draft_spill.Seen] = []

    def of_article(self, article: int, added: str | None = None) -> list[Draft]:
        """The drafts kept for one article, oldest first; with `added` (the article's own
        stamp), not those of a deleted article whose id it was given."""
        return [
            d for d in self._read().values()
            if d.article == article
            and (added is None or not d.article_added or d.article_added == added)
        ]

    def of_text_or_source(self, digest: str, source: str, text: str = "") -> list[Draft]:
        """The drafts typed in an article with this text or source (`same_article`), in this
        one or in one deleted since; with `text`, those from before hashes were kept whose
        passage is in it with its context (`typed_in`)."""
        return [
            d for d in self._read().values()
            if same_article(d, digest, source) or (text and typed_in(d, text))
        ]

    def keep(self, draft: Draft) -> None:
        """Store or replace the draft of (article, key)."""
        with self._locked():
            drafts = self._read()
            drafts[_id(draft.article, draft.key, draft.owner)] = draft
            self._write(drafts)

    def drop(self, article: int, key: str, owner: str = "") -> None:
        """Forget one owner's draft once its note is stored (or was left empty)."""
        if not self.path.exists() and not draft_spill.read(self.path.name):
            return
        with self._locked():
            drafts = self._read()
            if drafts.pop(_id(article, key, owner), None) is not None:
                self._write(drafts)

    def _read(self) -> dict[str, Draft]:
        """The drafts in the file, and in any spill file (draft_spill) a window that could not
        write the file left on its way out. A file that cannot be read now (a passing OSError)
        raises: the callers keep their drafts and say so, and nothing is written over it."""
        drafts = self._read_file()
        self._spills = []
        for seen, raw in draft_spill.read(self.path.name):
            self._spills.append(seen)
            for at, draft in _parsed(raw).items():
                if at not in drafts or draft.updated > drafts[at].updated:
                    drafts[at] = draft
                elif draft.text != drafts[at].text:
                    # Stamped no later than the file's entry: the same second, or a clock set
                    # back since; the spill is its window's last words all the same, so
                    # neither text is dropped (one that holds the other stands for both).
                    drafts[at] = joined(drafts[at], draft)
        return drafts

    def _read_file(self) -> dict[str, Draft]:
        self.damaged = False
        try:
            raw = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except ValueError:
            if not self._holding:
                with self._locked():  # another window may be writing: looked at again
                    return self._read_file()
            # A damaged file is moved aside, never overwritten: it may hold a draft (nor is
            # one moved aside before: a name of its own, numbered). Only under the lock, so
            # a file another window has just written whole is never the one moved.
            self.damaged = True
            with contextlib.suppress(OSError):
                self.path.replace(_free(self.path.with_suffix(".damaged.json")))
            return {}
        return _parsed(raw)

    def spill(self, drafts: list[Draft]) -> Path:
        """The last resort for drafts the file cannot take, when their window must go: this
        process's own spill file (draft_spill), with what it spilled before; never another
        window's file, which that window may be writing at the same moment. OSError when no
        folder takes it."""
        own = draft_spill.own_name(self.path.name)
        kept: dict[str, Draft] = {}
        for _seen, raw in draft_spill.read(self.path.name, only=own):
            kept.update(_parsed(raw))
        for draft in drafts:
            kept[_id(draft.article, draft.key, draft.owner)] = draft
        body = {"version": 1, "drafts": [asdict(d) for d in kept.values()]}
        return draft_spill.write(own, body)

    def _write(self, drafts: dict[str, Draft]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        body = {"version": 1, "drafts": [asdict(d) for d in drafts.values()]}
        try:
            tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)
            draft_spill.clear(self._spills)  # their drafts were read into this file
        except BaseException:
            # A full disk: the half-written copy goes, not left beside the drafts for good
            # (the file itself is untouched, and the caller says the draft lives in memory).
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            self._holding = True
            try:
                yield
            finally:
                self._holding = False
                fcntl.flock(lock, fcntl.LOCK_UN)


def _free(path: Path) -> Path:
    """`path`, or the first of path.1, path.2... (before the suffix) that does not exist."""
    number = 0
    while path.exists():
        number += 1
        path = path.with_name(f"{path.name.split('.')[0]}.damaged.{number}.json")
    return path


def _id(article: int, key: str, owner: str) -> str:
    return f"{article}|{key}|{owner}" if owner else f"{article}|{key}"


def _parsed(raw: Any) -> dict[str, Draft]:
    """The drafts in a draft (or spill) file's JSON; entries of the wrong shape are skipped."""
    drafts: dict[str, Draft] = {}
    for item in raw.get("drafts", []) if isinstance(raw, dict) else []:
        try:
            span = item.get("span")
            draft = Draft(
                article=int(item["article"]),
                key=str(item["key"]),
                text=str(item["text"]),
                passage=str(item.get("passage", "")),
                seen=item.get("seen"),
                span=(int(span[0]), int(span[1]), int(span[2])) if span else None,
                updated=str(item.get("updated", "")),
                prefix=str(item.get("prefix", "")),
                suffix=str(item.get("suffix", "")),
                owner=str(item.get("owner", "")),
                article_added=str(item.get("article_added", "")),
                article_hash=str(item.get("article_hash", "")),
                article_source=str(item.get("article_source", "")),
            )
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            continue
        drafts[_id(draft.article, draft.key, draft.owner)] = draft
    return drafts
