"""The article screen's note drafts: text typed in the note editor and not stored yet.

A mixin of the article screen (through AnnotationActions). While the editor is open its text is
written to the draft file (``reader.drafts``) soon after typing pauses; closing it with escape
keeps the draft, storing it forgets it. The next ``n`` on that passage, in this window or after
a restart or a crash, opens the draft again, and opening the article says drafts are waiting.
When the draft file cannot be written either, drafts still live in this window's memory.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import asdict, fields, replace
from typing import TYPE_CHECKING

from reader.draft_owners import age, live_elsewhere, new_owner
from reader.drafts import Draft, DraftBox, adopted, joined, placed, with_context
from reader.errors import ReaderError
from reader.ui.safe_drafts import SafeBox
from reader.ui.screens.article_draft_cards import GONE, DraftCards, shown
from reader.ui.screens.editor_draft import EditorDraft, saver_after_takeover, takeover_proof
from reader.ui.screens.undone_drafts import UNDONE_KEPT, UndoneDrafts

#: Seconds between two looks at the draft file for other windows' changes (a draft stored or
#: kept there), and on the Notes tab's showing or the terminal's focus.
DRAFTS_CHECK_EVERY = 3.0

if TYPE_CHECKING:
    from textual.app import App

    from reader.store import Annotation, ArticleRecord, Store
    from reader.ui.host import ReaderHost
    from reader.ui.screens.note_editor import NoteSave


class NoteDrafts(UndoneDrafts, DraftCards):
    """Needs from the screen: store, record, app, notify(), set_info(), and the savers."""

    store: Store
    record: ArticleRecord
    app: App[object]

    if TYPE_CHECKING:

        @property
        def reader_app(self) -> ReaderHost: ...

    @property
    def note_drafts(self) -> dict[str, Draft]:
        """This window's drafts by key: the file's, and any the file could not take."""
        drafts: dict[str, Draft] | None = getattr(self, "_note_drafts", None)
        if drafts is None:
            drafts, self._unplaced_drafts = self._placed_drafts()
            self._note_drafts = drafts
        return drafts

    @property
    def draft_owner(self) -> str:
        """This window's name in the draft file: it keeps and drops only drafts of its own."""
        owner: str | None = getattr(self, "_draft_owner", None)
        if owner is None:
            owner = self._draft_owner = new_owner()
        return owner

    def _placed_drafts(self) -> tuple[dict[str, Draft], list[Draft]]:
        """The kept drafts, each new note's passage found in the text as it is now (the file
        may have changed since): moved ones are kept under their new place, and one whose
        passage is gone is kept under a key no passage has, to be offered as text. Entries
        stay with the window that owns them (two windows' drafts of one passage are joined
        here); storing the note from one forgets the entries it came from (`forget_draft`)."""
        box = self._draft_box()
        drafts: dict[str, Draft] = {}
        unplaced: list[Draft] = []
        sources: dict[str, list[Draft]] = {}
        own = box.of_article_safely(self.record.id, self.record.added)
        for draft in [*own, *self._drafts_of_deleted(box)]:
            found = placed(draft, self.record.text)
            if found is None:
                if not draft.key.startswith(GONE):
                    found = replace(draft, key=f"{GONE}{draft.key}:{draft.updated}:{draft.owner}")
                    box.keep(found)
                    box.drop(draft.article, draft.key, draft.owner)
                unplaced.append(found or draft)
                continue
            if found != draft:
                box.keep(found)
                if found.key != draft.key:
                    box.drop(draft.article, draft.key, draft.owner)
            sources.setdefault(found.key, []).append(found)
            drafts[found.key] = joined(drafts[found.key], found) if found.key in drafts else found
        self._draft_sources = sources
        return drafts, unplaced

    def refresh_drafts(self) -> None:
        """Drop the drafts the draft file no longer has: another window stored them (its
        entry dropped), so they are no longer listed here as drafts (they went stale until
        the article was opened again). A pure read, every few seconds: nothing is written,
        moved or joined (a draft another window kept since is not taken in, nor made a source
        that storing here would drop), and a file that cannot be read changes nothing.
        A draft another window open now keeps on a passage with none here is listed too (as
        the window opened after it lists it): storing it here takes it from that window; one
        beside this window's own is a card of its own, until taken (then a source of this
        window's draft, not listed again) or discarded, and stays once its window closes."""
        old: dict[str, Draft] | None = getattr(self, "_note_drafts", None)
        if old is None:
            return  # not read yet: the first use reads the file
        kept = self._draft_box().of_article_or_none(self.record.id, self.record.added)
        if kept is None:
            return  # unreadable now: the drafts stay as they are, for the next look
        keys: set[str] = set()
        taken: dict[str, Draft] = {}
        beside: dict[str, Draft] = {}  # another window's, on a passage with a draft here
        sources = getattr(self, "_draft_sources", {})
        for draft in kept:
            found = placed(draft, self.record.text)
            if found is not None:
                keys.add(found.key)
                was = old.get(found.key)
                mine = was is not None and was.owner != found.owner
                if mine and any(s.owner == found.owner for s in sources.get(found.key, [])):
                    continue  # already taken into this window's draft there
                # Another window's, open now, or open when this screen showed it and closed
                # since (its card stays, as a closed window's, rather than vanish).
                if (live_elsewhere(found.owner, self.draft_owner, found.updated)
                        or found.owner in self.live_owners_seen):
                    (beside if mine else taken)[found.key] = found
            elif draft.key.startswith(GONE):
                keys.add(draft.key)
            else:
                keys.add(f"{GONE}{draft.key}:{draft.updated}:{draft.owner}")
        drafts = {k: d for k, d in old.items()
                  if k in keys or k in self._memory_only or k in self.undone_drafts}
        drafts.update(taken)
        self._draft_sources = {k: v for k, v in sources.items() if k in drafts} | {
            k: [d] for k, d in taken.items()}
        known: list[Draft] = getattr(self, "_unplaced_drafts", [])
        unplaced = [d for d in known if d.key in keys]
        before: dict[str, str] = getattr(self, "_shown_whose", {})
        self._note_drafts, self._unplaced_drafts = drafts, unplaced
        beside = {k: d for k, d in beside.items() if k in drafts}
        same_beside, self.beside_drafts = beside == self.beside_drafts, beside
        now_whose = self.draft_whose()
        if (drafts, len(unplaced), now_whose) == (old, len(known), before) and same_beside:
            return
        # A window that kept a draft here has closed: its card said "Other window's" (only x
        # took it away); it is a closed window's now, to restore or discard.
        if any(before.get(k) == "live" and w == "closed" for k, w in now_whose.items()):
            self.set_info(  # type: ignore[attr-defined]
                "other window closed: enter restores its draft, x discards it")
        self.show_draft_cards()

    def _drafts_of_deleted(self, box: SafeBox) -> list[Draft]:
        """Drafts typed in an article deleted since and now added again (the same text, or
        the same file or address): it has a new id and stamp, so without this its drafts
        stayed in the file and were never offered. Each is moved to this article; one kept
        before hashes were found by its passage and the text around it (`typed_in`)."""
        record = self.record
        out: dict[tuple[str, str], Draft] = {}
        if record.id <= 0:
            return []  # not in the library (it could not be saved): nothing to move to
        for draft in box.of_text_or_source_safely(record.hash, record.source, record.text):
            if draft.article == record.id and draft.article_added in ("", record.added):
                continue  # this article's own
            try:
                was = self.store.get_article(draft.article)
            except ReaderError:
                continue  # the library cannot say (locked): left where it is, for next time
            if was is not None and draft.article_added in ("", was.added):
                continue  # its article is still in the library
            moved = adopted(draft, record.id, record.added, record.hash, record.source)
            at = (moved.key, moved.owner)
            if at in out:  # two highlights' drafts on one span: one entry holds both texts
                moved = joined(out[at], moved)
            if box.keep(moved) is not None:
                continue  # not written: it stays where it is, moved and offered next time
            if (moved.article, moved.key, moved.owner) != (draft.article, draft.key, draft.owner):
                # The same article id (SQLite reuses the newest's) and key: the entry just
                # written is this draft's own, not to be dropped.
                box.drop(draft.article, draft.key, draft.owner)
            out[at] = moved
        return list(out.values())

    def _draft_box(self) -> SafeBox:
        box: SafeBox | None = getattr(self, "_drafts_file", None)
        if box is None:
            box = self._drafts_file = SafeBox(DraftBox(self.reader_app.store_path))
        return box

    def dressed_draft(self, draft: Draft) -> Draft:
        """`draft` with its context, this window as owner and the article's stamps."""
        draft = replace(with_context(draft, self.record.text), owner=self.draft_owner)
        if draft.article == self.record.id and not draft.article_added:
            draft = replace(draft, article_added=self.record.added)
        if draft.article == self.record.id and not draft.article_hash:
            draft = replace(
                draft, article_hash=self.record.hash, article_source=self.record.source
            )
        return draft

    def keep_draft(self, draft: Draft) -> None:
        draft = self.dressed_draft(draft)
        was = self.note_drafts.get(draft.key)
        if draft.key in self.undone_drafts and was is not None and was.text == draft.text:
            return  # undone words opened and left as they were: still the reader's undo
        self.note_drafts[draft.key] = draft
        self.undone_drafts.discard(draft.key)  # typed in an editor: a draft like any other
        self.show_draft_cards()
        error = self._draft_box().keep(draft)
        self._memory_only.discard(draft.key)
        if error:
            self._memory_only.add(draft.key)
        if error and not getattr(self, "_draft_error_shown", False):
            self._draft_error_shown = True
            self.notify(f"Drafts are kept in this window only (the draft file can't be "
                        f"written: {error}).", severity="warning", markup=False)

    def forget_draft(self, key: str, article: int | None = None, *, stored: bool = True) -> None:
        """Forget a stored note's draft (or a discarded one's: not `stored`): by the article it
        was typed in, which is not the one shown now if that was deleted meanwhile and put back
        under a new id."""
        self.note_drafts.pop(key, None)
        self.show_draft_cards()
        self._memory_only.discard(key)
        self.undone_drafts.discard(key)
        kept = self.undone_kept.pop(key, [])
        if stored and kept:  # an undo's words stored again: no longer a deleted note
            with suppress(ReaderError):
                self.store.forget_deleted(kept)  # type: ignore[attr-defined]
        box = self._draft_box()
        box.drop(self.record.id if article is None else article, key, self.draft_owner)
        # The entries this window's draft of the passage was read from (a killed window's):
        # their words were in the editor, so they are stored with it. A window open now keeps
        # its own when nothing was stored: its editor may be open on it, and had taken the
        # entry's going as proof that its words were stored.
        for source in getattr(self, "_draft_sources", {}).pop(key, []):
            if stored or not live_elsewhere(source.owner, self.draft_owner, source.updated):
                box.drop(source.article, source.key, source.owner)

    def own_entry_kept(self, key: str, text: str) -> bool:
        """Whether the draft file still has this window's entry under `key` or with `text`
        (moved by a window that placed it again); True when it cannot tell (the file
        unreadable, or the draft never in it)."""
        if key in self._memory_only:
            return True
        kept = self._draft_box().of_article_or_none(self.record.id, self.record.added)
        return kept is None or any(
            d.owner == self.draft_owner and (d.key == key or d.text == text) for d in kept)

    @property
    def _memory_only(self) -> set[str]:
        """Keys of this window's drafts the draft file could not take: they live only here."""
        keys: set[str] | None = getattr(self, "_drafts_in_memory", None)
        if keys is None:
            keys = self._drafts_in_memory = set()
        return keys

    @property
    def memory_only_drafts(self) -> frozenset[str]:
        """Keys of the drafts only this window holds (the quit check warns of those apart)."""
        return frozenset(self._memory_only)

    def may_leave(self, again: str) -> bool:
        """Whether the window may close: not at the first try while drafts live only in its
        memory (the draft file could not take them, and still cannot), which closing would
        lose; the reader is told how to store them, and that `again` leaves without them."""
        box = self._draft_box()
        for key in list(self._memory_only):
            draft = self.note_drafts.get(key)
            if draft is None or box.keep(draft) is None:
                self._memory_only.discard(key)
        count = len(self._memory_only)
        if not count or getattr(self, "_leave_warned", 0) == count:
            self.spill_drafts_in_memory()
            return True
        self._leave_warned = count
        first = next(iter(self.note_drafts[k] for k in self._memory_only))
        from reader.ui.screens.note_editor import quoted_words  # the editor: not at start-up

        notes = "1 unsaved note lives" if count == 1 else f"{count} unsaved notes live"
        self.notify(
            f"{notes} only in this window (the draft file can't be written), on "
            f"{quoted_words(first.passage, 6)}: n on the passage, then ctrl+s, stores it. "
            f"{again} again leaves without it (kept, if it can be, in a temporary folder "
            "the next reader looks in; if the disk is full, one in memory that a logout or "
            "restart empties).",
            title="Not left",
            severity="warning",
            timeout=30,
            markup=False,
        )
        return False

    def store_drafts_in_memory(self) -> None:
        """On a stop signal (nobody is left to answer): the drafts that live only in this
        window (the draft file cannot take them) are stored as notes, as the open editor's
        note is, rather than die with the process."""
        for key in list(self._memory_only):
            draft = self.note_drafts.get(key)
            if draft is None or not draft.text.strip():
                continue
            if draft.span is not None:
                save = self._new_note_saver(draft.span[0], draft.span[1])  # type: ignore[attr-defined]
            else:
                seen = {a.id: a for a in getattr(self, "annotations", [])}.get(
                    int((draft.seen or {}).get("id", -1))  # type: ignore[call-overload]
                )
                if seen is None:
                    continue
                save = self._note_saver(_annotation(draft.seen or {}, seen))  # type: ignore[attr-defined]
            if save(draft.text) is None:
                self.forget_draft(key, draft.article)
        self.spill_drafts_in_memory()

    def spill_drafts_in_memory(self) -> None:
        """Leaving with drafts that live only in this window (neither the draft file nor the
        library could take them): they go to a spill file (reader.draft_spill), which the next
        reader reads with the draft file, rather than die with the window."""
        drafts = [
            self.note_drafts[k] for k in self._memory_only
            if k in self.note_drafts and self.note_drafts[k].text.strip()
        ]
        if drafts and self._draft_box().spill(drafts):
            self._memory_only.clear()

    def kept_draft_at(self, start: int, end: int) -> tuple[int, int] | None:
        """The passage of a kept draft for a new note that overlaps start..end, so ``n`` near
        it (the cursor's sentence, a selection) brings it back."""
        for kept in list(self.note_drafts.values()):
            draft = kept if kept.span is not None else self._as_new_note(kept, start, end)
            if draft and draft.span and draft.span[0] < end and start < draft.span[1]:
                return draft.span[0], draft.span[1]
        return None

    def take_draft_into(self, ann: Annotation) -> None:
        """A new note's draft on a passage highlighted since (`h` here, or another window)
        becomes that highlight's draft, after any note it has, so `n` on it brings the words
        back rather than an empty editor."""
        key = f"ann:{ann.id}"
        if key in self.note_drafts or ann.orphaned:
            return
        for draft in list(self.note_drafts.values()):
            if draft.span and draft.span[0] < ann.end and ann.start < draft.span[1]:
                text = "\n\n".join(t.strip() for t in (ann.note, draft.text) if t.strip())
                self.keep_draft(Draft(
                    article=self.record.id, key=key, text=text, passage=ann.exact,
                    seen=_as_dict(ann),
                ))
                self.forget_draft(draft.key, draft.article)
                return

    def _as_new_note(self, draft: Draft, start: int, end: int) -> Draft | None:
        """The draft of a note's edit whose highlight is gone (deleted here or in another
        window) and whose passage overlaps start..end, made the draft of a new note there, so
        `n` on the passage brings the words back; else None."""
        seen = draft.seen or {}
        annotations: list[Annotation] = getattr(self, "annotations", [])
        if not seen or any(a.id == seen.get("id") for a in annotations):
            return None
        try:
            was = int(seen["start"]), int(seen["end"]), int(seen.get("color", 1))
        except (KeyError, TypeError, ValueError):
            return None
        moved = placed(
            Draft(
                article=draft.article, key=f"span:{was[0]}:{was[1]}", text=draft.text,
                passage=str(seen.get("exact", "")), span=was,
                prefix=str(seen.get("prefix", "")), suffix=str(seen.get("suffix", "")),
            ),
            self.record.text,
        )
        if moved is None or moved.span is None or moved.key in self.note_drafts:
            return None
        if not (moved.span[0] < end and start < moved.span[1]):
            return None
        self.keep_draft(moved)
        self.forget_draft(draft.key, draft.article)
        return moved

    def offer_kept_drafts(self) -> None:
        """On opening the article: say that notes typed earlier are waiting, and where; the
        text of one whose passage is gone (a new note's, or an orphaned note's edit), which no
        `n` can bring back."""
        orphans = {a.id for a in getattr(self, "annotations", []) if a.orphaned}
        stranded = [
            d for d in self.note_drafts.values() if d.seen and d.seen.get("id") in orphans
        ]
        drafts = sorted(
            (d for d in self.note_drafts.values() if d not in stranded),
            key=lambda d: d.span or (0, 0, 0),
        )
        from reader.ui.screens.note_editor import quoted_words  # the editor: not at start-up

        for gone in [*getattr(self, "_unplaced_drafts", []), *stranded]:
            typed = shown(gone.text)
            self.notify(
                f"An unsaved note kept from before was typed on {quoted_words(gone.passage, 6)}, "
                f"which is no longer in the article. What you typed: “{typed}” (it stays "
                f"in {self._draft_box().box.path}).",
                title="Drafts",
                severity="warning",
                timeout=30,
                markup=False,
            )
        live = [d for d in drafts if live_elsewhere(d.owner, self.draft_owner, d.updated)]
        for draft in live[:1]:  # another window open now: its draft, not one from before
            more = f" (and {len(live) - 1} more)" if len(live) > 1 else ""
            self.notify(
                f"Another window open on this article has an unsaved note on "
                f"{quoted_words(draft.passage, 6)}{more}, typed {age(draft.updated)}: "
                "store or discard it there.",
                title="Drafts", timeout=12, markup=False,
            )
        drafts = [d for d in drafts if d not in live]
        if not drafts:
            return
        where = quoted_words(drafts[0].passage, 6)
        more = f" (and {len(drafts) - 1} more)" if len(drafts) > 1 else ""
        self.notify(
            f"Unsaved note kept from before on {where}{more}: n on that passage brings it back.",
            title="Drafts",
            timeout=12,
            markup=False,
        )

    def open_note_editor(
        self,
        key: str,
        passage: str,
        note: str,
        heading: str,
        save: NoteSave,
        *,
        seen: Annotation | None = None,
        span: tuple[int, int, int] | None = None,
    ) -> None:
        from reader.ui.screens.note_editor import NoteEditor

        kept = self.note_drafts.get(key)
        text: str | None = None
        elsewhere = kept is not None and live_elsewhere(kept.owner, self.draft_owner, kept.updated)
        if kept is not None:
            # an edit of a stored note is not an unsaved note: the note is stored, the edit not
            unsaved = "Unsaved edit" if note.strip() else "Unsaved note"
            if elsewhere:
                unsaved = f"Another window’s {unsaved.lower()}"
            text, heading = kept.text, f"{unsaved} (not stored yet)"
            if kept.seen is not None and seen is not None:
                # Save over the note as it was when the draft was typed: changes made since
                # (another window) are merged, not overwritten.
                save = self._note_saver(_annotation(kept.seen, seen))  # type: ignore[attr-defined]
            self.notify(f"Another window’s unsaved note, typed {age(kept.updated)}: ctrl+s "
                        "stores it here and takes it from that window." if elsewhere else
                        "Your unsaved note is back: ctrl+s stores it.", markup=False)
        base = Draft(
            article=self.record.id,
            key=key,
            text="",
            passage=passage,
            seen=kept.seen if kept is not None and kept.seen is not None else _as_dict(seen),
            span=span,
        )
        keeper = EditorDraft(self, base)
        save = saver_after_takeover(
            keeper, save, seen, self._note_saver, self.set_info,  # type: ignore[attr-defined]
            takeover_proof(self.store, self.record.id, seen, span))
        editor = NoteEditor(passage, note, heading=heading, saver=save, keeper=keeper, draft=text)

        def closed(result: str | None) -> None:
            if result is None and key in self.undone_drafts:
                self.set_info(UNDONE_KEPT)  # type: ignore[attr-defined]
            elif result is None and key in self.note_drafts:
                self.set_info("note kept as a draft: n on this passage offers it again")  # type: ignore[attr-defined]

        self.app.push_screen(editor, closed)


def _as_dict(ann: Annotation | None) -> dict[str, object] | None:
    return None if ann is None else asdict(ann)


def _annotation(seen: dict[str, object], current: Annotation) -> Annotation:
    """The annotation as the draft's editor saw it (fields a newer reader added: as now)."""
    from reader.store import Annotation

    names = {f.name for f in fields(Annotation)}
    values = {**asdict(current), **{k: v for k, v in seen.items() if k in names}}
    return Annotation(**values)  # type: ignore[arg-type]
