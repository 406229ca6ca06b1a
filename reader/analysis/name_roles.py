"""The role a name is given where it appears: a title before it ("U.S. Secretary of State
Antony Blinken", "biologists Jennifer Doudna and Emmanuelle Charpentier"), an apposition after
it ("Rodger Novak, a former pharmaceutical industry executive"; "Charpentier, now a professor
at ..."; "Feng Zhang (see ...), a researcher at ..."), or the noun it stands in apposition to
("The mayor, Tom Reed,"). ``roles.role_span`` decides what of it is a noun phrase."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from reader.analysis.lexicon import TITLE_WORDS, TITLES, is_person_noun
from reader.analysis.names import fold, is_honorific
from reader.analysis.proxies import proxy_of_apposed, served_word
from reader.analysis.roles import role_span, role_text, shown_role

_ROLE_DEPS = frozenset(
    ("compound", "nmod", "amod", "prep", "pobj", "punct", "det", "poss", "case", "cc", "conj")
)


def _title_words(toks: Iterable[Any]) -> set[str]:
    """The words of a title before a name, an abbreviation also as the word it stands for
    ("Florida Sen." is later "the Florida senator")."""
    words: set[str] = set()
    for t in toks:
        short = fold(t.text).rstrip(".")
        if t.is_alpha:
            words.add(t.lemma_.lower())
        if short in TITLE_WORDS:
            words |= {short, TITLE_WORDS[short]}
    return words


#: Possessive pronouns a relational role may open with ("his wife", "her lawyer").
_POSSESSIVE_PRONOUNS = frozenset(("his", "her", "their"))
_ROLE_STOP = frozenset(("the", "a", "an", "of", "his", "her", "their", "its", "'s", "’s"))


class Found(NamedTuple):
    """A role found for a name, the words it gives for "the senator" later, and whether it
    is a group's ("biologists X and Y": each one's, until the text says more of one)."""

    role: str | None
    words: set[str]
    group: bool = False


def role_found(doc: Any, start: int, end: int) -> Found:
    """The role a name is given where it appears: a title before it ("U.S. Secretary of State
    Antony Blinken", "opposition leader Yair Lapid"), an apposition after it ("Rodger Novak,
    a former pharmaceutical industry executive"), or, for the second of two names, the plural
    title both are given ("biologists Jennifer Doudna and Emmanuelle Charpentier"). A title
    whose noun is nothing the speakers list shows ("retired astronaut Mark Kelly", astronaut
    being no word the lexicon knows) gives way to a role found after it ("her husband")."""
    found = list(_found_roles(doc, start, end))
    roles = [f for f in found if f.role is not None]
    if not roles:  # the words of a phrase that made no role still serve "the senator"
        return Found(None, found[0].words if found else set())
    first = roles[0]
    later = next((f for f in roles if shown_role(f.role) is not None), first)
    return Found(later.role, later.words | first.words, later.group)


def _found_roles(doc: Any, start: int, end: int) -> Iterator[Found]:
    """The roles the text gives the name here, in order of preference (None for a phrase
    that describes the person but makes no role)."""
    chain = _title_chain(doc, start, end)
    useful = [k for k in chain if fold(doc[k].text).rstrip(".") not in TITLES]
    root = doc[end - 1]
    if (
        chain
        and chain[-1] == start - 1
        and any(doc[k].pos_ in ("NOUN", "PROPN") for k in useful)
    ):
        last = doc[chain[-1]]
        s, e = chain[0], chain[-1] + 1
        if s > 0 and doc[s - 1].dep_ == "poss" and doc[s - 1].pos_ == "PRON":
            s -= 1  # "his wife Fran"
        elif s > 1 and doc[s - 1].tag_ == "POS" and doc[s - 2].dep_ == "poss" \
                and doc[s - 2].pos_ == "PROPN" and doc[s - 2].head.i in chain:
            s = _name_start(doc, doc[s - 2])  # "Murphy's spokeswoman Galia Slayen"
        if last.tag_ not in ("NNS", "NNPS"):
            span_text = role_text(doc, s, e)
            if span_text is not None:
                yield Found(span_text, _title_words(doc[k] for k in chain))
        elif last.tag_ == "NNS" and _coordinated(root) and role_span(doc, s, e) is not None:
            # "biologists Jennifer Doudna and Emmanuelle Charpentier": each is a biologist
            yield Found(_singular(doc, s, last), _title_words(doc[k] for k in chain), True)
    head = proxy_of_apposed(root) or root.head  # "a spokesman for Halden Corp, John Reyes"
    for found in (
        _apposition(doc, root),
        _after_aside(doc, end),
        _apposed_to(doc, head, start)
        if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < start
        else None,
        None if chain else _shared_title(doc, root, start),
    ):
        if found is not None:
            yield Found(*found)
    if chain and not useful and not all(is_honorific(doc[k].text) for k in chain):
        title_only = doc[chain[0] : chain[-1] + 1].text
        words = {fold(w).rstrip(".") for w in title_only.split()}
        words |= {TITLE_WORDS[w] for w in words if w in TITLE_WORDS}
        yield Found(" ".join(title_only.split()), words)


def _title_chain(doc: Any, start: int, end: int) -> list[int]:
    """The words before the name whose heads lead into it: its title."""
    chain: list[int] = []
    j = start - 1
    while j >= 0 and start - j <= 8:
        t = doc[j]
        if t.ent_type_ == "PERSON" or t.dep_ not in _ROLE_DEPS or t.dep_ in ("det", "poss", "case"):
            break
        if t.is_punct and t.text != "." and not (t.text == "-" and not t.whitespace_):
            break  # "Co-founder" keeps its hyphen
        if t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG"):
            break  # "tweeted Rubio spokesman Alex Conant": the verb is no part of the title
        # The word belongs to the title when its chain of heads leads into the name.
        h, steps = t, 0
        while h.i < start and steps < 6 and h.head.i != h.i and start - 9 <= h.head.i < end:
            h, steps = h.head, steps + 1
        if h.i < start:
            break
        chain.append(j)
        j -= 1
    chain.sort()
    return chain


def _coordinated(root: Any) -> bool:
    """The name is the first of names joined by "and" ("Jennifer Doudna and Emmanuelle
    Charpentier"): a plural title before it is each one's."""
    names = [c for c in root.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    return any(c.dep_ == "cc" for n in (root, *names) for c in n.children) and bool(names)


def _singular(doc: Any, s: int, head: Any) -> str:
    """The plural title as one person's: "cabinet members" -> "cabinet member", "the
    board's two dissenters" -> "board's dissenter" (the group's count is not the one's)."""
    words = "".join(t.text_with_ws for t in doc[s : head.i] if t.pos_ != "NUM")
    return " ".join((words + head.lemma_).split())


def _name_start(doc: Any, head: Any) -> int:
    """The first word of the name whose last word is ``head``."""
    k = head.i
    while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].dep_ in ("compound", "flat") \
            and k - 1 < doc[k - 1].head.i <= head.i:
        k -= 1
    return k


def _shared_title(doc: Any, root: Any, start: int) -> Found | None:
    """The second of two names given one plural title or apposition ("biologists Jennifer
    Doudna and Emmanuelle Charpentier", "cabinet members Benny Gantz and Gadi Eizenkot"):
    the first name's role is the second's too. A singular title ("Sen. Jo Hart and Ann
    Lee") is the first's only."""
    first = root.head
    if root.dep_ != "conj" or first.pos_ != "PROPN" or first.i >= start or first.dep_ == "conj":
        return None
    s = _name_start(doc, first)
    if first.dep_ == "appos" and first.head.tag_ == "NNS" and first.head.i < s:
        found = _apposed_to(doc, first.head, s)
        return found if found.role is not None else None
    chain = _title_chain(doc, s, first.i + 1)
    if not chain or chain[-1] != s - 1 or doc[s - 1].tag_ != "NNS" or not _coordinated(first):
        return None
    if role_span(doc, chain[0], s) is None:
        return None
    return Found(_singular(doc, chain[0], doc[s - 1]), _title_words(doc[k] for k in chain), True)


def _apposition(doc: Any, root: Any) -> tuple[str | None, set[str]] | None:
    """ "Jo Hart, a teacher"; "Jo Hart, a Democrat": with an article even a proper noun
    describes the person instead of naming them; "Charpentier, now a professor at ...": the
    adverb is when, not what."""
    for child in root.rights:
        described = child.pos_ == "NOUN" or (
            child.pos_ == "PROPN"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in child.children)
        )
        if child.dep_ != "appos" or not described or child.tag_ in ("NNS", "NNPS"):
            continue
        if _absolute(child):
            continue
        out = _phrase(doc, child.subtree, child.i)
        while out and out[0].i < child.i and out[0].pos_ == "ADV" and out[0].dep_ == "advmod":
            out.pop(0)
        # "a professor of communication at … and the director of its …": the first of two
        # roles when both make too long a line
        joint = next((t.i for t in out if t.dep_ == "cc" and t.head.i == child.i), None)
        if len(out) > 14 and joint is not None:
            out = [t for t in out if t.i < joint]
        while len(out) > 14:
            # "… Medical School in Germany": a place at the end goes before the role does
            last = out[-1]
            tail = [
                t for t in out
                if t.dep_ == "prep" and t.i > child.i and t.right_edge == last
                and last.ent_type_ in ("GPE", "LOC")
            ]
            if not tail:
                break
            out = [t for t in out if t.i < tail[-1].i]
        if out and len(out) <= 14:
            words = {t.lemma_.lower() for t in out if t.is_alpha and t.lower_ not in _ROLE_STOP}
            return role_text(doc, out[0].i, out[-1].i + 1), words
        return None
    return None


def _absolute(noun: Any) -> bool:
    """ "said Hobbs, his voice running up into a squeak", "her face flushed": a noun the
    person has, with a participle or adjective after it, says how they spoke, not who they
    are ("his lawyer" alone is a role). A person noun with a participle of the past or an
    adjective is still the person's role ("its lawyer based in Chicago")."""
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.lefts)
    person = is_person_noun(noun.lemma_.lower())
    return owned and any(
        c.dep_ in ("acl", "amod") and c.tag_ in (("VBG",) if person else ("VBG", "VBN", "JJ"))
        for c in noun.rights
    )


def _phrase(doc: Any, toks: Iterable[Any], head: int) -> list[Any]:
    """The role's words: up to its first relative clause or a comma after its head, except
    the comma of a place name ("University of California, Berkeley")."""
    out: list[Any] = []
    for t in toks:
        if t.i > head and (t.dep_ in ("relcl", "acl") or t.tag_ in ("WP", "WDT", "WP$")):
            break
        if t.i > head and t.text in ("“", "\"", "«", "‘"):
            break  # "star of the TLC reality show “Cake Boss”": a title is no part of it
        if t.i > head and t.text in (",", ";", "(", ")", "—"):
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if t.text != "," or nxt is None or nxt.ent_type_ != "GPE":
                break
        out.append(t)
    while out and out[-1].is_punct:
        out.pop()
    return out


def _after_aside(doc: Any, end: int) -> tuple[str | None, set[str]] | None:
    """ "Feng Zhang (see 35 Innovators Under 35, 2013), a researcher in Cambridge": an
    apposition after a bracketed aside, which the parser attaches elsewhere. The phrase must
    open with an article and name a person by what they are (``roles.shown_role``)."""
    if end >= len(doc) or doc[end].text != "(":
        return None
    close = next((k for k in range(end + 1, min(end + 20, len(doc))) if doc[k].text == ")"), None)
    if close is None or close + 2 >= len(doc) or doc[close + 1].text != ",":
        return None
    det = doc[close + 2]
    if det.lower_ not in ("a", "an", "the") or det.head.i <= det.i:
        return None
    stop = min(close + 18, det.sent.end)
    out = _phrase(doc, doc[close + 2 : stop], det.head.i)
    if not out or len(out) > 14 or det.head.tag_ != "NN":
        return None
    role = role_text(doc, out[0].i, out[-1].i + 1)
    if role is None or shown_role(role) is None:
        return None
    return role, {t.lemma_.lower() for t in out if t.is_alpha and t.lower_ not in _ROLE_STOP}


def _clause_word(t: Any) -> bool:
    """A mark that ends a clause: no apposition reaches across it (a relative clause may sit
    between: "The lawyer who represents the family, Ben Crump, said")."""
    return t.text in (";", ":") or "\n\n" in t.text_with_ws


def _proxy_end(doc: Any, head: Any, start: int) -> int:
    """Where the role in apposition to the name at ``start`` ends: after its noun, or for a
    proxy after whom it serves ("spokesman for Halden Corp, John Reyes": the firm is part
    of his role, never his name)."""
    if served_word(head) is None or start - head.i > 12:
        return head.i + 1
    end = start
    # ("Ana" of "Ana Diaz", left out of the name by the tagger, is the name's, not the role's)
    while end > head.i + 1 and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= start:
        end -= 1
    while end > head.i + 1 and doc[end - 1].is_punct:
        end -= 1
    return end


def _apposed_to(doc: Any, head: Any, start: int) -> Found:
    """ "The mayor, Tom Reed, said": the noun the name stands in apposition to. Not across
    a semicolon ("a pauper old woman, who was rendered misty by beer; and a
    surgeon …; Oliver and Nature fought"): there the parser joined a name to a noun of
    something else, whose words would make the person "the surgeon" for the book."""
    if any(_clause_word(t) for t in doc[head.i + 1 : start]):
        return Found(None, set())
    # (a closing quote mark the parser hangs on the noun, '," a spokeswoman for the
    # senator, Laura Mendez,', is no part of the role)
    first = min([head.i, *(c.left_edge.i for c in head.lefts if not c.is_punct)])
    # "his wife Fran": the possessor stays in the role, for ``owned_role`` to name
    owner = doc[first].dep_ == "poss" and doc[first].lower_ in _POSSESSIVE_PRONOUNS
    if doc[first].lower_ in _ROLE_STOP:
        first += 1
    if first > head.i:
        return Found(None, set())
    words = {doc[k].lemma_.lower() for k in range(first, head.i + 1) if doc[k].is_alpha}
    # "The leader of Wendmoor District Council, Janet Pryce": the body is in the role
    words |= {
        t.lemma_.lower()
        for t in doc[head.i + 1 : start]
        if t.is_alpha and t.lower_ not in _ROLE_STOP and t.ent_type_ != "PERSON"
    }
    if head.tag_ in ("NNS", "NNPS"):
        # "cabinet members Benny Gantz and Gadi Eizenkot": each one is a member (and
        # of "two friends", one is no "two friend").
        # ("the two other candidates": "other" says nothing of the one)
        while first < head.i and (doc[first].pos_ == "NUM" or doc[first].lower_ == "other"):
            first += 1
        if role_span(doc, first, head.i + 1) is None:
            return Found(None, words)
        return Found(_singular(doc, first, head), words, True)
    role = role_text(doc, first, _proxy_end(doc, head, start))
    if role is not None and owner:
        role = f"{doc[first - 1].text} {role}"
    return Found(role, words)
