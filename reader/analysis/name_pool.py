"""Counting the forms of one name together: "Mr. Hastings" twice and "Hastings" once are three
callings of one man, not two and one.

The narrator's name is taken once the others have called them by it often enough; counted by
surface form, a name heard as "Hastings" and as "Mr. Hastings" reached the count only when one
form alone did, so a short text (or a book's opening chapters) left its narrator unnamed that
the whole book named. Forms whose titles tell different people apart ("Mr." and "Mrs.",
"Mrs." and "Miss") stay apart.
"""

from __future__ import annotations

from collections import Counter

from reader.analysis.names import form_of_address, name_parts, title_gender


def pooled(votes: Counter[str]) -> list[tuple[str, int]]:
    """(form, count) for each name in ``votes``, its forms pooled: the form is the one said
    most often (first said on a tie), the count all its forms'; most counted first."""
    groups: dict[tuple[str, ...], list[tuple[str, int, str | None]]] = {}
    for form, n in votes.items():
        titles, words = name_parts(form)
        key = tuple(w.lower() for w in words) or (form.lower(),)
        groups.setdefault(key, []).append((form, n, form_of_address(titles)))
    out: list[tuple[str, int]] = []
    for forms in groups.values():
        addresses = {a for _, _, a in forms if a is not None}
        if len(addresses) > 1:  # "Mr. Bennet" and "Mrs. Bennet": two people
            out.extend((form, n) for form, n, _ in forms)
            continue
        best = max(forms, key=lambda f: f[1])  # max keeps the first of equals
        out.append((best[0], sum(n for _, n, _ in forms)))
    out.sort(key=lambda fn: -fn[1])  # stable: equals keep the order first said
    return out


def fits(titles: list[str], gender: str | None) -> bool:
    """Whether a name called with these titles may be that of a person whose first name is of
    ``gender`` ("f", "m", or "u" or None: either): "Mademoiselle Hobin" is not Jake's name."""
    said = title_gender(titles)
    return said is None or gender not in ("f", "m") or said == gender
