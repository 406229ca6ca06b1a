"""Clustering name variants into speakers, their roles, and per-speaker summaries.

A person is keyed by the accent-folded surname ("Müller", "Muller" and "Mueller" meet), titles
are stripped ("Sister Sharon Holland" -> "Sharon Holland"), and the canonical name is the fullest
form the text gives. Unnamed sources ("a spokesman for X") and organisations are clusters too,
named as the text words them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from reader.analysis.lexicon import PERSON_NOUNS, word_set
from reader.analysis.model import Quote, Speaker

#: Words dropped from the front of a name (folded, without a trailing full stop).
TITLES = word_set(
    """mr mrs ms miss mx dr prof professor sir dame lady lord sister brother father mother
    superior rev reverend fr sen senator rep representative gov governor gen general lt col
    capt captain maj major sgt sergeant adm admiral cmdr officer det detective judge justice
    president vice secretary minister chancellor premier mayor chairman chairwoman ambassador
    coach dean chief saint st uncle aunt cousin grandma grandpa constable inspector
    superintendent commissioner commander sheriff deputy marshal councillor councilman
    councilwoman alderman bishop archbishop cardinal rabbi imam pastor cllr"""
)
#: Forms of address, which are not roles.
HONORIFICS = word_set("mr mrs ms miss mx sir dame lady lord master madam")
MALE_TITLES = word_set("mr sir lord brother father fr uncle grandpa king prince duke")
FEMALE_TITLES = word_set("mrs ms miss dame lady sister mother aunt grandma queen princess duchess")
MALE_NOUNS = word_set("husband father son brother boyfriend uncle nephew grandfather man")
FEMALE_NOUNS = word_set("wife mother daughter sister girlfriend aunt niece grandmother woman widow")
#: Common English first names; a weak cue, used only when the text gives no better one.
FEMALE_NAMES = word_set(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa
    deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren
    joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa
    kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn
    beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
    alexis kayla hillary nikki kamala nancy angela ursula theresa jacinda marine giorgia
    jane anne harriet fanny elinor marianne lucy catherine jo meg beth amy"""
)
MALE_NAMES = word_set(
    """james robert john michael david william richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
    jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
    jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
    randy roy vincent ralph eugene russell bobby mason philip louis tony
    bill barack joe emmanuel vladimir xi boris rishi olaf justin dick mark elon
    martin edmund"""
)


@cache
def first_names() -> dict[str, str]:
    """First name -> "f", "m" or "u" (either), from the bundled census list and the words above."""
    path = Path(__file__).with_name("data") / "first_names.txt"
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split()
            table[name] = gender
    table.update(dict.fromkeys(FEMALE_NAMES, "f"))
    table.update(dict.fromkeys(MALE_NAMES, "m"))
    return table


def fold(text: str) -> str:
    """Lower-case, accents removed, "ue"/"oe"/"ae" spelled as the plain vowel."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
    return s.replace("ue", "u").replace("oe", "o").replace("ae", "a")


_POSSESSIVE = re.compile(r"[’']s?$")
#: Not part of a name; an apostrophe inside a word ("O’Neill", "D'Souza") is.
_NICKNAME = re.compile(r"(?<=\w)\s+[\"“‘(][^\"“”‘’()]{1,25}[\"”’)](?=\s+\w)")
_NON_WORD = re.compile(r"(?:(?![’'])[^\w\s.-])+|(?<!\w)[’']+|[’']+(?!\w)")


def strip_possessive(text: str) -> str:
    return (
        _POSSESSIVE.sub("", text.strip())
        if text.strip().endswith(("’s", "'s", "’", "'"))
        else text.strip()
    )


#: Lower-case words that belong inside names ("Ludwig van Beethoven", "Osama bin Laden").
NAME_PARTICLES = word_set(
    """van von der den de del della di da das dos du la le bin ibn al el ter ten y zu st."""
)


def title_gender(titles: list[str]) -> str | None:
    """The gender a title before a name says ("Mrs" -> "f"), if any."""
    for t in titles:
        ft = fold(t).rstrip(".")
        if ft in MALE_TITLES:
            return "m"
        if ft in FEMALE_TITLES:
            return "f"
    return None


def is_role_word(word: str) -> bool:
    """A capitalised title or role ("Prosecutor", "Director") inside a longer name."""
    return word[:1].isupper() and (
        fold(word).rstrip(".") in TITLES or word.lower() in PERSON_NOUNS
    )


def name_parts(text: str) -> tuple[list[str], list[str]]:
    """(titles, name words) of a surface name, possessive removed, original spelling kept."""
    # "Broad's Zhang": the name is what follows the possessor.
    text = re.split(r"[’']s\s+(?=[A-Z])", strip_possessive(text))[-1]
    # "Devendra “Dev” Raman": a nickname in marks or brackets is no part of the full name.
    text = _NICKNAME.sub(" ", text)
    words = _NON_WORD.sub(" ", text).split()
    titles: list[str] = []
    while len(words) > 1 and fold(words[0]).rstrip(".") in TITLES:
        titles.append(words.pop(0))
    # "Quillmate with Maximilian Rautenbach" (one entity to the tagger): a lower-case word
    # that is no name particle ends what came before.
    lower = [k for k, w in enumerate(words) if w[:1].islower() and w not in NAME_PARTICLES]
    if lower and lower[-1] < len(words) - 1:
        del words[: lower[-1] + 1]
    # "Summit County Prosecutor Renata Vukovich": a role word inside leaves the name after it.
    for k in range(len(words) - 3, -1, -1):
        if is_role_word(words[k]):
            del words[: k + 1]
            break
    if words and fold(words[0]) == "the":
        words.pop(0)
    return titles, words


@dataclass(slots=True)
class Cluster:
    """One speaker or person: named person, unnamed source or organisation."""

    id: int
    kind: str  # "person", "description" (unnamed source) or "org"
    canonical: str
    aliases: list[str] = field(default_factory=list)
    surname: str = ""
    first: str = ""
    role: str | None = None
    role_words: set[str] = field(default_factory=set)
    head: str = ""  # head noun of a description cluster
    male: int = 0
    female: int = 0
    last_seen: int = -1
    age: int | None = None

    @property
    def gender(self) -> str | None:
        if self.male > self.female:
            return "m"
        if self.female > self.male:
            return "f"
        return None

    def add_alias(self, surface: str) -> None:
        s = strip_possessive(surface)
        if s and s not in self.aliases:
            self.aliases.append(s)

    def set_role(self, role: str | None, words: set[str]) -> None:
        if role and not self.role:
            self.role = role
        self.role_words |= words


class Registry:
    """All clusters of a text, found in reading order (it also serves the streaming case)."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self._by_surname: dict[str, list[Cluster]] = {}
        self._by_first: dict[str, list[Cluster]] = {}
        self._by_key: dict[tuple[str, str], Cluster] = {}
        self._by_head: dict[str, Cluster] = {}
        self.changed: set[int] = set()

    def _new(self, kind: str, canonical: str) -> Cluster:
        c = Cluster(id=len(self.clusters), kind=kind, canonical=canonical)
        self.clusters.append(c)
        return c

    def find_person(self, surface: str, *, strict: bool = False) -> Cluster | None:
        """The person cluster a name refers to, without creating one.

        strict is for names the tagger did not call a person ("the Riverton Police
        Department"): their first word alone is not taken for a person's first name."""
        titles, words = name_parts(surface)
        if not words:
            return None
        keys = [fold(w) for w in words]
        if len(keys) == 1:
            found = self._by_surname.get(keys[0]) or self._by_first.get(keys[0])
            if not found:
                return None
            said = title_gender(titles)
            if said is not None:
                # "Mrs Pritchard" is not the Alwyn Pritchard the text calls "he"
                found = [c for c in found if c.gender in (None, said)]
                if not found:
                    return None
            if len(found) > 1:
                # Two people share a surname (a player and his wife): the bare surname is the
                # one it has already named, else the one the text introduced first.
                named = [c for c in found if words[0] in c.aliases]
                return max(named, key=lambda c: c.last_seen) if named else found[0]
            return found[0]
        for c in self._by_surname.get(keys[-1], []):
            if not c.first or c.first == keys[0]:
                return c
        if strict:
            return None
        # "Fran" seen alone before "Fran Finney": the lone word was a first name.
        for c in self._by_surname.get(keys[0], []):
            if not c.first and len(c.canonical.split()) == 1:
                return c
        return None

    def person(self, surface: str, pos: int = -1, *, relative: bool = False) -> Cluster | None:
        """The person cluster for a name, created or upgraded as fuller names appear.

        relative: the name is given as someone's relative ("his daughter, Tamika Pruitt"), so
        it is not the fuller name of a bare surname already in use ("Pruitt said")."""
        titles, words = name_parts(surface)
        if not words:
            return None
        keys = [fold(w) for w in words]
        clean = " ".join(words)
        c = self.find_person(surface)
        if relative and c is not None and len(keys) > 1 and not c.first:
            c = None
        if c is None:
            c = self._new("person", clean)
            c.surname = keys[-1]
            self._by_surname.setdefault(keys[-1], []).append(c)
            if len(keys) > 1:
                c.first = keys[0]
                self._by_first.setdefault(keys[0], []).append(c)
        elif len(keys) > 1 and not c.first:
            if c.surname != keys[-1]:
                self._by_surname[c.surname].remove(c)
                c.surname = keys[-1]
                self._by_surname.setdefault(keys[-1], []).append(c)
            c.first = keys[0]
            self._by_first.setdefault(keys[0], []).append(c)
        if len(clean.split()) > len(c.canonical.split()):
            c.canonical = clean
            self.changed.add(c.id)
        c.add_alias(clean)
        if titles:
            c.add_alias(" ".join([*titles, clean]))
        said = title_gender(titles)
        if said == "m":
            c.male += 3
        elif said == "f":
            c.female += 3
        if len(keys) > 1 and c.male == c.female == 0:
            gender = first_names().get(keys[0])
            if gender == "f":
                c.female += 1
            elif gender == "m":
                c.male += 1
        c.last_seen = max(c.last_seen, pos)
        return c

    def description(self, surface: str, head: str, definite: bool, pos: int = -1) -> Cluster:
        """An unnamed source: a definite description joins the last one with the same head."""
        c = self._by_head.get(head) if definite else None
        if c is None:
            c = self._new("description", surface)
            c.head = head
            self._by_head[head] = c
        c.add_alias(surface)
        c.last_seen = max(c.last_seen, pos)
        return c

    def _by_acronym(self, key: str) -> Cluster | None:
        """ "the RFA" for the Rivers and Floodplain Authority named before."""
        if not (2 <= len(key) <= 6 and key.isalpha()):
            return None
        for (kind, name), c in reversed(self._by_key.items()):
            if kind == "org" and initials(name) == key:
                return c
        return None

    def described(self, head: str) -> Cluster | None:
        return self._by_head.get(head)

    def org(self, surface: str, pos: int = -1, *, named: bool = False) -> Cluster:
        """An organisation; named when the surface is a tagged name, whose "the" is dropped
        ("the Congressional Budget Office"), unlike "the Church" said of a body."""
        key = fold(re.sub(r"^(?:the|The)\s+", "", strip_possessive(surface)))
        c = self._by_key.get(("org", key)) or self._by_acronym(key)
        if c is None:
            # "the Congressional Budget Office" is named "Congressional Budget Office".
            name = strip_possessive(surface)
            bare = re.sub(r"^(?:the|The)\s+", "", name)
            c = self._new("org", bare if named and bare[:1].isupper() else name)
            self._by_key[("org", key)] = c
        c.add_alias(surface)
        c.last_seen = max(c.last_seen, pos)
        return c


_MINOR = frozenset(("and", "of", "the", "for", "on", "in", "&"))


def initials(name: str) -> str:
    """ "rivers and floodplain authority" -> "rfa"."""
    return "".join(w[0] for w in name.split() if w not in _MINOR and w[0].isalpha())


def count_words(text: str) -> int:
    return len(re.findall(r"\w+(?:[’'-]\w+)*", text))


def summarise(quotes: list[Quote], registry: Registry, cluster_of: dict[int, int]) -> list[Speaker]:
    """Speaker records, most quoted words first; ``cluster_of`` maps quote id -> cluster id."""
    by_cluster: dict[int, Speaker] = {}
    total = 0
    for q in quotes:
        n = count_words(q.text)
        total += n
        cid = cluster_of.get(q.id)
        if cid is None:
            continue
        c = registry.clusters[cid]
        sp = by_cluster.get(cid)
        if sp is None:
            aliases = [a for a in c.aliases if a != c.canonical]
            sp = by_cluster[cid] = Speaker(name=c.canonical, aliases=aliases, role=c.role)
        sp.quotes.append(q.id)
        sp.words += n
    out = list(by_cluster.values())
    for sp in out:
        sp.share = round(sp.words / total, 4) if total else 0.0
    out.sort(key=lambda s: (-len(s.quotes), -s.words, s.name))
    return out


_ROLE_DEPS = frozenset(
    ("compound", "nmod", "amod", "prep", "pobj", "punct", "det", "poss", "case", "cc", "conj")
)
_ROLE_STOP = frozenset(("the", "a", "an", "of", "his", "her", "their", "its", "'s", "’s"))


#: What an abbreviated title stands for, so "Gov. Ellen Marchetti" is later "the governor".
TITLE_WORDS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "det": "detective",
    "supt": "superintendent",
    "cllr": "councillor",
    "dr": "doctor",
    "prof": "professor",
    "adm": "admiral",
    "cmdr": "commander",
}


def role_of(doc: Any, start: int, end: int) -> tuple[str | None, set[str]]:
    """The role a name is given where it appears: a title before it ("U.S. Secretary of State
    Antony Blinken", "opposition leader Yair Lapid") or an apposition after it ("Rodger Novak,
    a former pharmaceutical industry executive")."""
    chain: list[int] = []
    j = start - 1
    while j >= 0 and start - j <= 8:
        t = doc[j]
        if t.ent_type_ == "PERSON" or t.dep_ not in _ROLE_DEPS or t.dep_ in ("det", "poss", "case"):
            break
        if t.is_punct and t.text != "." and not (t.text == "-" and not t.whitespace_):
            break  # "Co-founder" keeps its hyphen
        # The word belongs to the title when its chain of heads leads into the name.
        h, steps = t, 0
        while h.i < start and steps < 6 and h.head.i != h.i and start - 9 <= h.head.i < end:
            h, steps = h.head, steps + 1
        if h.i < start:
            break
        chain.append(j)
        j -= 1
    chain.sort()
    useful = [k for k in chain if fold(doc[k].text).rstrip(".") not in TITLES]
    if (
        chain
        and chain[-1] == start - 1
        and any(doc[k].pos_ in ("NOUN", "PROPN") for k in useful)
        and doc[chain[-1]].tag_ not in ("NNS", "NNPS")
    ):
        s, e = chain[0], chain[-1] + 1
        if s > 0 and doc[s - 1].dep_ == "poss" and doc[s - 1].pos_ == "PRON":
            s -= 1  # "his wife Fran"
        span_text = doc[s:e].text
        return span_text, {doc[k].lemma_.lower() for k in chain if doc[k].is_alpha}
    title_only = None
    if chain and not useful and not all(fold(doc[k].text).rstrip(".") in HONORIFICS for k in chain):
        title_only = doc[chain[0] : chain[-1] + 1].text
    root = doc[end - 1]
    for child in root.rights:
        # "Jo Hart, a teacher"; "Jo Hart, a Democrat": with an article even a proper noun
        # describes the person instead of naming them.
        described = child.pos_ == "NOUN" or (
            child.pos_ == "PROPN"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in child.children)
        )
        if child.dep_ != "appos" or not described or child.tag_ in ("NNS", "NNPS"):
            continue
        out: list[Any] = []
        for t in child.subtree:
            # The phrase stops at its first relative clause or at a comma after the head,
            # except the comma of a place name ("University of California, Berkeley").
            if t.i > child.i and (t.dep_ in ("relcl", "acl") or t.tag_ in ("WP", "WDT")):
                break
            if t.i > child.i and t.text == ",":
                nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
                if nxt is None or nxt.ent_type_ != "GPE":
                    break
            out.append(t)
        while out and out[-1].is_punct:
            out.pop()
        if out and len(out) <= 14:
            words = {t.lemma_.lower() for t in out if t.is_alpha and t.lower_ not in _ROLE_STOP}
            return doc[out[0].i : out[-1].i + 1].text, words
        break
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < start:
        # "The mayor, Tom Reed, said": the noun the name stands in apposition to.
        first = min([head.i, *(c.left_edge.i for c in head.lefts)])
        if doc[first].lower_ in _ROLE_STOP:
            first += 1
        if first <= head.i:
            words = {doc[k].lemma_.lower() for k in range(first, head.i + 1) if doc[k].is_alpha}
            # "The leader of Wendmoor District Council, Janet Pryce": the body is in the role
            words |= {
                t.lemma_.lower()
                for t in doc[head.i + 1 : start]
                if t.is_alpha and t.lower_ not in _ROLE_STOP and t.ent_type_ != "PERSON"
            }
            if head.tag_ in ("NNS", "NNPS"):
                # "cabinet members Benny Gantz and Gadi Eizenkot": each one is a member.
                return doc[first : head.i].text_with_ws + head.lemma_, words
            return doc[first : head.i + 1].text, words
    if title_only:
        words = {fold(w).rstrip(".") for w in title_only.split()}
        return title_only, words | {TITLE_WORDS[w] for w in words if w in TITLE_WORDS}
    return None, set()
