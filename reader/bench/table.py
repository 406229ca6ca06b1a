"""The benchmark's rows and how they are printed, shared by every part of make bench."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    label: str
    value: str
    spread: str = ""
    note: str = ""


def na(label: str, reason: str) -> Row:
    """A figure that could not be measured here, with the reason instead of a number."""
    return Row(label, "n/a", "", f"({reason})")


def print_table(title: str, rows: list[Row]) -> None:
    print(f"\n## {title}")
    if not rows:
        return
    width = max(len(row.label) for row in rows)
    value_width = max(len(row.value) for row in rows)
    spread_width = max(len(row.spread) for row in rows)
    for row in rows:
        line = f"  {row.label:<{width}}  {row.value:<{value_width}}  {row.spread:<{spread_width}}"
        if row.note:
            line += f"  {row.note}"
        print(line.rstrip(), flush=True)
