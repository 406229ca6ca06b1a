"""How long toasts stay and how many stack: a new user found a stack of them over the search
bar's count and, stacked higher, over the header."""

from __future__ import annotations

import re
from collections.abc import Iterable

from textual.notifications import Notification, SeverityLevel

#: Seconds a toast stays when its caller gives none: a notice (saved, wrapped round) is read
#: at a glance; a warning or an error may need reading twice.
SECONDS: dict[str, float] = {"information": 3.0, "warning": 6.0, "error": 10.0}
#: Toasts shown at once: a newer one lets the oldest notice go.
AT_ONCE = 3


#: An age as reader.draft_owners.age says it: a notice that differs from one shown only by
#: it ("typed 1 min ago", then "typed 2 min ago") is the same notice.
#: Only after "typed" (how every draft notice says its age): "earlier" or "just now" elsewhere
#: in a notice is its words, and two notices differing there are two notices.
_AGE = re.compile(r"\btyped (?:just now|earlier|\d+ (?:min|h|d) ago)\b")


def seconds_for(severity: SeverityLevel) -> float:
    return SECONDS.get(severity, SECONDS["information"])


def to_drop(shown: Iterable[Notification], new: Notification) -> list[Notification]:
    """The toasts `new` replaces: the same notice shown already (`.` wrapping round eight
    times says so once; a Drafts notice whose age turned from "1 min ago" to "2 min ago"
    too), then the oldest ones past AT_ONCE. Errors are never dropped for a
    newer toast (a lasting error stays until dismissed), only for their own repeat."""
    same = _notice(new)
    shown = list(shown)  # oldest first
    drop = [n for n in shown if _notice(n) == same]
    kept = [n for n in shown if n not in drop]
    excess = len(kept) - (AT_ONCE - 1)  # room for the new one
    for old in kept:
        if excess <= 0:
            break
        if old.severity != "error":
            drop.append(old)
            excess -= 1
    return drop


def _notice(toast: Notification) -> tuple[str, str, str]:
    """What makes two toasts the same notice: their words, any age in them aside."""
    return (_AGE.sub("typed (age)", toast.message), toast.title, toast.severity)
