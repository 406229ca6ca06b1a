"""Whether a name called with a title may be a person's whose first name says their gender.

The narrator known as "Jake" takes the surname the others call him by; a surname heard after
"Mademoiselle" ("Mademoiselle Hobin", the patronne addressed at the next table) is a woman's,
so it is not Jake's. Read on, the whole book outvoted it with "Barnes"; a short text (the first
30,000 characters) kept "Jake Hobin" for every turn of the narrator's.
"""

from __future__ import annotations

from reader.analysis.names import title_gender


def fits(titles: list[str], gender: str | None) -> bool:
    """Whether a name called with these titles may be that of a person whose first name is of
    ``gender`` ("f" or "m"; "u" or None: either)."""
    said = title_gender(titles)
    return said is None or gender not in ("f", "m") or said == gender
