"""Stored timestamps as a person reads them (the library's dates)."""

from __future__ import annotations

from datetime import datetime, timedelta


def human_time(stamp: str, now: datetime | None = None) -> str:
    """A stored ISO timestamp as a person reads it, in local time: "today 14:05", "3 Mar"."""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if when.tzinfo is not None:
        when = when.astimezone()
    now = now if now is not None else datetime.now(when.tzinfo)
    day = when.date()
    today = now.date()
    if day == today:
        return f"today {when:%H:%M}"
    if day == today - timedelta(days=1):
        return f"yesterday {when:%H:%M}"
    if timedelta(0) < today - day < timedelta(days=7):
        return f"{when:%a %H:%M}"
    if day.year == today.year:
        return f"{when.day} {when:%b}"
    return f"{when.day} {when:%b %Y}"
