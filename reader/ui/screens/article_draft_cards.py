"""The article screen's draft cards: unsaved notes shown in the Notes tab.

A draft (``reader.drafts``) was only offered by a toast on opening the article and by the next
``n`` on its passage, so a reader who left the editor with escape saw no sign of the words in
the Notes tab and could believe the note gone. Each draft is listed there as a card of its own,
marked as a draft (never as a stored note: nothing is exported or searched until ctrl+s stores
it); choosing the card opens the editor with its words. A mixin of the article screen.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reader.draft_owners import age, live_elsewhere

#: At most this much of a draft's text is shown in a toast (all of it stays in the file).
SHOWN = 600
#: A draft of a note's edit whose first change is this far in is shown from near the change.
SAME_SHOWN = 40
#: Characters before the change kept for context on the card (back to a word's start).
LEAD = 24
#: Key prefix of a draft whose passage is no longer in the article: no editor opens it.
GONE = "gone:"
#: Card key prefix of another window's live draft on a passage with a draft of this window's.
BESIDE = "beside:"

if TYPE_CHECKING:
    from reader.drafts import Draft
    from reader.store import Annotation
    from reader.ui.widgets.notes_panel import NoteItem


def draft_item(
    draft: Draft, annotations: list[Annotation], *, gone: bool = False, elsewhere: bool = False,
    closed: bool = False,
) -> NoteItem:
    """The card of one draft: at its passage (a new note's span, or the highlight whose note
    it edits, where that highlight is now); with the orphans when its passage is not in the
    text (`gone`) or its highlight is orphaned."""
    from reader.ui.widgets.notes_panel import NoteItem

    seen = draft.seen or {}
    ann = next((a for a in annotations if a.id == seen.get("id")), None) if seen else None
    if draft.span is not None:
        start, color = draft.span[0], draft.span[2]
    elif ann is not None:
        start, color = ann.start, ann.color
    else:
        start, color = _int(seen.get("start")), _int(seen.get("color"), 1)
    passage = ann.exact if ann is not None and not ann.orphaned else draft.passage
    orphaned = gone or (ann is not None and ann.orphaned)
    note = changed_part(ann.note, draft.text) if ann is not None else draft.text
    return NoteItem(
        ann_id=0, start=start, color=color, passage=passage, note=note,
        orphaned=orphaned, draft=draft.key, elsewhere=elsewhere, closed=closed,
    )


def changed_part(stored: str, draft: str) -> str:
    """What a draft's card shows of an edit to a stored note: the draft's words from a little
    before the first change ("… the changed end"), when the change is further in than a card's
    lines reach (the two cards looked the same); the whole draft when its start changed."""
    same = 0
    for a, b in zip(stored, draft, strict=False):
        if a != b:
            break
        same += 1
    if same < SAME_SHOWN or stored == draft:
        return draft
    if same == len(draft):  # only words taken off the end: the card says where it now ends
        return "… " + draft[draft.rfind(" ", 0, max(0, same - LEAD)) + 1:] + " (end deleted)"
    return "… " + draft[draft.rfind(" ", 0, max(0, same - LEAD)) + 1:]


def shown(text: str) -> str:
    """A draft's words as a toast shows them: at most SHOWN characters (all stay in the file)."""
    return text if len(text) <= SHOWN else text[:SHOWN] + " …"


def whose(draft: Draft, mine: str, seen_live: set[str]) -> str:
    """ "live", "closed" or "" (see DraftCards.draft_whose); `seen_live`: the owners this
    screen has shown as live, to which a live draft's owner is added. Every owner names one
    article screen, so a draft left before (an earlier run, or this one before the article was
    opened again) was called a closed window's, even with only one window ever open."""
    if live_elsewhere(draft.owner, mine, draft.updated):
        seen_live.add(draft.owner)
        return "live"
    return "closed" if draft.owner != mine and draft.owner in seen_live else ""


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


class DraftCards:
    """Needs from the screen: note_drafts, _unplaced_drafts, annotations, view, record, the
    note editor's openers (`open_note_editor`, `action_note`) and notify()."""

    #: Other windows' live drafts on passages this window has a draft of, by key: each its
    #: own card (two windows' drafts of one passage each showed only their own until `n`).
    beside_drafts: dict[str, Draft] = {}  # noqa: RUF012  (replaced, never changed in place)

    def draft_whose(self) -> dict[str, str]:
        """Whose each draft is, by key (the other windows' beside this one's: by BESIDE and
        key): "live" (a window open now keeps it), "closed" (a window this screen showed as
        open has closed since) or "" (this window's, or one left before)."""
        me: Any = self
        seen = self.live_owners_seen
        return {k: whose(d, me.draft_owner, seen) for k, d in me.note_drafts.items()} | {
            f"{BESIDE}{k}": whose(d, me.draft_owner, seen) for k, d in self.beside_drafts.items()}

    @property
    def live_owners_seen(self) -> set[str]:
        """The owners of drafts this screen has shown as another open window's."""
        seen: set[str] | None = getattr(self, "_live_owners_seen", None)
        if seen is None:
            seen = self._live_owners_seen = set()
        return seen

    def draft_items(self) -> list[NoteItem]:
        """The cards of this window's drafts with words in them."""
        me: Any = self
        annotations = getattr(me, "annotations", [])
        me._shown_whose = owners = self.draft_whose()
        items = [
            draft_item(d, annotations, elsewhere=owners.get(k) == "live",
                       closed=owners.get(k) == "closed")
            for k, d in me.note_drafts.items() if d.text.strip()]
        items += [
            replace(draft_item(d, annotations, elsewhere=owners.get(f"{BESIDE}{k}") == "live",
                               closed=owners.get(f"{BESIDE}{k}") != "live"), draft=f"{BESIDE}{k}")
            for k, d in self.beside_drafts.items() if d.text.strip()]
        items += [
            draft_item(d, annotations, gone=True)
            for d in getattr(me, "_unplaced_drafts", [])
            if d.text.strip()
        ]
        return items

    def show_draft_cards(self) -> None:
        """List the drafts in the Notes tab as they are now (a draft kept, stored or moved)."""
        from reader.ui.widgets.notes_panel import NotesPanel

        me: Any = self
        for panel in me.query(NotesPanel):
            panel.set_drafts(self.draft_items())

    def focused_note_card(self) -> NoteItem | None:
        """The Notes tab's highlighted card while that list has the focus, else None."""
        from reader.ui.widgets.notes_panel import NotesPanel

        me: Any = self
        return next((c for p in me.query(NotesPanel) if (c := p.focused_card())), None)

    def discard_draft(self, key: str) -> Draft | None:
        """Drop an unsaved note (x on its card): the stored highlight and note on its passage,
        if any, stay as they are. Returns the draft, for `u` to bring back."""
        me: Any = self
        other = None
        if key.startswith(BESIDE):
            key, other = key.removeprefix(BESIDE), self.beside_drafts.get(key.removeprefix(BESIDE))
            draft = other or me.note_drafts.get(key)
        else:
            draft = me.note_drafts.get(key)
        if draft is not None and live_elsewhere(draft.owner, me.draft_owner, draft.updated):
            # Not an old draft: a window open now is keeping it (its reader may be typing).
            me.set_info(f"that draft is another window’s, typed {age(draft.updated)}: discard "
                        "it there, or enter takes it over here (ctrl+s stores it here)")
            return None
        unplaced: list[Draft] = getattr(me, "_unplaced_drafts", [])
        gone = next((d for d in unplaced if d.key == key), None)
        if other is not None:  # a closed window's beside this one's: only its entry goes
            self.beside_drafts = {k: d for k, d in self.beside_drafts.items() if k != key}
            me._draft_box().drop(other.article, other.key, other.owner)
            self.show_draft_cards()
        elif draft is not None:
            me.forget_draft(key, draft.article, stored=False)
        elif gone is not None:
            unplaced.remove(gone)
            me._draft_box().drop(gone.article, gone.key, gone.owner)
            self.show_draft_cards()
            draft = gone
        else:
            return None
        from reader.ui.screens.note_editor import first_words

        me.set_info(f"draft “{first_words(draft.text, 5)}” discarded (u brings it back)")
        return draft

    def bring_back_draft(self, draft: Draft) -> str:
        """Undo of a discard: the draft is kept again and listed as before; what `u` says.
        Words typed on that passage since stay, and the discarded ones are shown instead."""
        me: Any = self
        if draft.key.startswith(GONE):
            me._unplaced_drafts = [*getattr(me, "_unplaced_drafts", []), draft]
            me._draft_box().keep(draft)
            self.show_draft_cards()
            return "undo: draft brought back"
        newer: Draft | None = me.note_drafts.get(draft.key)
        if newer is not None and newer.text.strip() and newer.text != draft.text:
            me.notify(f"The discarded draft: “{shown(draft.text)}”", timeout=30, markup=False)
            return "undo: a newer draft is on that passage; the discarded words are shown"
        me.keep_draft(draft)
        return "undo: draft brought back"

    def on_notes_panel_draft_selected(self, event: Any) -> None:
        self.open_draft_card(str(getattr(event, "key", "")))

    def open_draft_card(self, key: str) -> None:
        """The editor with the draft's words, on its passage, as `n` there would open it; a
        draft whose passage is not in the text any more has its words shown instead."""
        me: Any = self
        if key.startswith(BESIDE):
            key = self._take_beside(key.removeprefix(BESIDE))
        draft: Draft | None = me.note_drafts.get(key)
        if draft is None:
            gone = [d for d in getattr(me, "_unplaced_drafts", []) if d.key == key]
            if gone:
                self._say_gone(gone[0])
            return
        seen = draft.seen or {}
        ann = me._annotation(_int(seen.get("id"), -1)) if seen else None
        if draft.span is None and ann is not None and ann.orphaned:
            self._say_gone(draft)
            return
        if draft.span is None and ann is None:
            start, end = _int(seen.get("start")), _int(seen.get("end"))
            moved = me._as_new_note(draft, start, end)  # its highlight deleted: a new note's
            if moved is None:
                waiting = any(
                    d.span and d.span[0] < end and start < d.span[1]
                    for d in me.note_drafts.values()
                )
                self._say_gone(draft, gone=not waiting)
                return
            draft = moved
        begin, end = draft.span[:2] if draft.span is not None else (ann.start, ann.end)  # type: ignore[union-attr]
        me.view.clear_selection()
        me.view.focus_span(begin, end)
        if draft.span is None:  # a note's edit: its own highlight's editor, wherever the cursor is
            self._edit_on(draft.key, ann)
            return
        here = me._annotation_at_cursor()
        over = here is not None and here.start < end and begin < here.end
        if over and f"ann:{here.id}" not in me.note_drafts:
            me.take_draft_into(here)  # a highlight made since on its passage takes the words
            self._edit_on(f"ann:{here.id}", here)
            return
        # no highlight there, or one with unsaved words of its own, which stay its own
        me.open_note_editor(
            draft.key, me.record.text[begin:end], "", "Add a note",
            me._new_note_saver(begin, end), span=draft.span,
        )

    def _take_beside(self, key: str) -> str:
        """Enter on another window's draft beside this window's on one passage: the two
        joined (neither's words twice, `drafts.joined`) as this window's draft, taken from
        that window as a live draft is (storing the note here drops its entry)."""
        from reader.drafts import joined

        me: Any = self
        other = self.beside_drafts.get(key)
        own = me.note_drafts.get(key)
        if other is None or own is None:
            return key
        self.beside_drafts = {k: d for k, d in self.beside_drafts.items() if k != key}
        sources = getattr(me, "_draft_sources", {})
        me._draft_sources = {**sources, key: [*sources.get(key, [own]), other]}
        me.keep_draft(joined(own, other))
        return key

    def _edit_on(self, key: str, ann: Annotation) -> None:
        """The editor of the note on ``ann``, with the draft kept under ``key``."""
        me: Any = self
        heading = "Edit note" if ann.note else "Add a note"
        me.open_note_editor(key, ann.exact, ann.note, heading, me._note_saver(ann), seen=ann)

    def _say_gone(self, draft: Draft, *, gone: bool = True) -> None:
        """The words of a draft no editor can open: its passage is gone (`gone`), or another
        unsaved note waits on that passage (its highlight deleted, a new note's words there)."""
        from reader.ui.screens.note_editor import first_words

        me: Any = self
        where = first_words(draft.passage, 6)
        why = (
            f"was typed on “{where}”, which is not in this version of the article"
            if gone else
            f"was typed on a highlight deleted since, and another unsaved note waits on “{where}”"
        )
        me.notify(
            f"This unsaved note {why}, so no editor opens it. What you typed: "
            f"“{shown(draft.text)}” (it stays in {me._draft_box().box.path}).",
            title="Drafts",
            severity="warning",
            timeout=30,
            markup=False,
        )
