"""Clusters: the people, unnamed sources and organisations of a text, and the registry that
finds or creates them as names appear.

The canonical name is the fullest form the text gives (in a story, once a person's first name
and surname are known, the shorter form the text uses most: "Miss Bartlett"). Unnamed sources
("a spokesman for X") and organisations are clusters too, named as the text words them.
"""

from __future__ import annotations

import re

from reader.analysis.cluster import Cluster
from reader.analysis.kinship import is_kin_noun
from reader.analysis.lexicon import FEMALE_NOUNS, MALE_NOUNS
from reader.analysis.name_keys import familiar_names, fullness, key, not_hers, spaced
from reader.analysis.names import (
    by_initials,
    first_name_gender,
    first_names,
    fold,
    form_of_address,
    may_open,
    name_parts,
    postposed,
    strip_possessive,
    title_gender,
    titled,
)
from reader.analysis.ranked_names import unranked
from reader.analysis.titles_apart import keep_apart

#: What the first-person narrator is called until the text gives a name.
NARRATOR = "the narrator"


class Registry:
    """All clusters of a text, found in reading order (it also serves the streaming case)."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self._by_surname: dict[str, list[Cluster]] = {}
        self._by_first: dict[str, list[Cluster]] = {}
        self._by_key: dict[tuple[str, str], Cluster] = {}
        self._by_head: dict[str, Cluster] = {}
        self.changed: set[int] = set()
        #: The text is a story, whose people go by their first names (``State.fiction``).
        self.familiar = False
        #: The words the text writes in lower case (``names.lower_words``).
        self.common: frozenset[str] = frozenset()
        #: The surnames the text gives a "Miss" (``names.misses``).
        self.misses: frozenset[str] = frozenset()
        #: First name (key) -> the full names quotes gave twice with it ("Mike Campbell").
        self.quoted_full: dict[str, set[str]] = {}

    def _new(self, kind: str, canonical: str) -> Cluster:
        c = Cluster(id=len(self.clusters), kind=kind, canonical=spaced(canonical))
        self.clusters.append(c)
        return c

    def parts(self, surface: str) -> tuple[list[str], list[str]]:
        """``name_parts``, less a word of the sentence the tagger ran into a known name
        ("Unfortunately Aziz", "Which Oliver" once Aziz and Oliver are known). A name not
        known yet keeps its first word: "Win Htein" and "Murshed Zaheed" are whole names."""
        titles, words = name_parts(surface)
        if (
            len(words) > 1
            and may_open(words[0], self.common)
            and (key(words[-1]) in self._by_surname or key(words[-1]) in self._by_first)
        ):
            words = words[1:]
        return titles, words

    def find_person(self, surface: str, *, strict: bool = False) -> Cluster | None:
        """The person cluster a name refers to, without creating one.

        strict is for names the tagger did not call a person ("the Riverton Police
        Department"): their first word alone is not taken for a person's first name."""
        titles, words = self.parts(surface)
        if not words:
            return None
        keys = [key(w) for w in words]
        if len(keys) == 1:
            found = self._by_surname.get(keys[0]) or self._by_first.get(keys[0])
            if found and not titles:  # "Hamidullah" is not "Hamidullah Begum", named by his name
                found = [c for c in found if not c.by_his_name]
            if not found and not titles:
                # "Frank" for Francis Oakley: another form of a first name, when it is the
                # only person the text has given such a first name
                found = [
                    c
                    for form in familiar_names().get(keys[0], ())
                    for c in self._by_first.get(form, [])
                ]
                found = found if len(found) == 1 else []
            if not (found := keep_apart(found, titles, self.familiar)):
                return None  # "Captain Harville" is not the Mrs Harville met before him
            said = title_gender(titles)
            address = form_of_address(titles)
            if said is not None:
                # "Mrs Pritchard" is not the Alwyn Pritchard the text calls "he"
                found = [
                    c
                    for c in found
                    if (c.gender in (None, said) or self._titled_first(c, keys[0], said))
                    and c.named_gender in (None, said)  # "Mr Last" is not Brenda Last
                    and c.may_be(address)
                    and c.by_his_name == postposed(titles)  # not Hamidullah for "… Begum"
                    and (keys[0] == c.first or not self._kin(c, address))
                ]
                if not found:
                    return None
            if len(found) > 1 and self.familiar and keys[0] not in self._by_surname:
                # In a story, two people share a first name (a lover and a son, both "John"):
                # the bare first name is the one the text saw last.
                return max(found, key=lambda c: c.last_seen)
            if len(found) > 1:
                # Two people share a surname (a player and his wife): the bare surname is the
                # one it has already named, else the one the text introduced first.
                named = [c for c in found if words[0] in c.aliases]
                return max(named, key=lambda c: c.last_seen) if named else found[0]
            return found[0]
        address = form_of_address(titles)
        # "Ivanka Trump" is the Ivanka Trump the text has named, before any bare "Trump"
        # whose first name it has not given (a father and his daughter share the surname)
        same = self._by_surname.get(keys[-1], [])
        for c in sorted(same, key=lambda c: c.first != keys[0]):
            if (
                (c.first == keys[0] or (not c.first and not self._first_name_alone(c)))
                and c.may_be(address, keys[0])
                and not self._daughter(c, address, keys)
            ):
                return c
        for c in self._by_surname.get(keys[-1], []):
            # "Frank Oakley" for Francis Oakley (in a story, not "Tom Bertram" for his father
            # "Sir Thomas", whom no one calls by a familiar form)
            if (
                c.first in familiar_names().get(keys[0], ())
                and c.may_be(address, keys[0])
                and not (self.familiar and c.address is not None)
            ):
                return c
        if strict:
            return None
        # "Fran" seen alone before "Fran Finney": the lone word was a first name (not when
        # another full name has given it: "Rose" is Rose Maylie's, no late "Rose Fleming")
        for c in [] if self._by_first.get(keys[0]) else self._by_surname.get(keys[0], []):
            if not c.first and len(c.canonical.split()) == 1:
                return c
        return None

    def _first_name_alone(self, c: Cluster) -> bool:
        """In a story, one called by a first name alone ("Henry"): no surname of another's
        full name ("Mostyn Henry, the cousin")."""
        return self.familiar and c.address is None and c.surname in first_names()

    @staticmethod
    def _titled_first(c: Cluster, word: str, said: str) -> bool:
        """ "Lady Brenda": a title before a person's own first name, a name of the title's
        gender, is theirs whatever pronouns the text was read to give them."""
        return word == (c.first or c.surname) and first_names().get(word) == said

    def _two_people(self, keys: list[str]) -> bool:
        """ "Katharine Cassandra; Cassandra Katharine they alternated": in a story, two first
        names side by side, each already someone's, are two people, not a name whose surname
        would take the second one's later mentions. (In news a surname is often a given name
        too: "Brian Jack".)"""
        if not self.familiar or len(keys) != 2 or any(k not in first_names() for k in keys):
            return False
        firsts = [set(map(id, self._called(k))) for k in keys]
        return all(firsts) and not firsts[0] & firsts[1]

    def _called(self, word: str) -> list[Cluster]:
        """The people whose first name is ``word`` or who are known by that word alone, with
        no form of address ("Cassandra", not "Lady Bertram")."""
        alone = [c for c in self._by_surname.get(word, []) if not c.first and c.address is None]
        return self._by_first.get(word, []) + [c for c in alone if " " not in c.canonical]

    def complete_first_name(self, surface: str) -> None:
        """In a story, the full name a quote gives to the one person the narration calls by a
        first name alone is theirs ("Mike", then “… going to marry Mike Campbell”), unless
        someone else has that surname."""
        titles, words = self.parts(surface)
        keys = [key(w) for w in words]
        if titles or len(keys) != 2 or keys[0] not in first_names():
            return
        self.quoted_full.setdefault(keys[0], set()).add(" ".join(words))
        if not self.familiar:
            return
        bare = [c for c in self._by_surname.get(keys[0], []) if not c.first]
        if len(bare) == 1 and keys[1] not in self._by_surname:
            self.find_or_create_person(surface)  # which refuses two people's first names

    def _complete_later(self, c: Cluster) -> None:
        """A person the story first names by a first name alone that quotes had already given
        in full ("… going to marry Mike Campbell", chapters before "Mike came in") takes that
        full name, when it is the only one quoted with that first name."""
        full = self.quoted_full.get(c.surname, set())
        if len(full) == 1:
            self.complete_first_name(next(iter(full)))

    def _daughter(self, c: Cluster, address: str | None, keys: list[str]) -> bool:
        """In a story that speaks of a "Miss Hilbery", "Katharine Hilbery" is the daughter,
        not the "Mrs. Hilbery" (or "Lady Bertram") met before her; with no Miss of the name
        ("Mrs. Cavendish", then "Mary Cavendish") she is the same woman."""
        mrs = self.familiar and c.address == "mrs" and not c.first
        return mrs and address is None and keys[-1] in self.misses

    def _commonest(self, c: Cluster, titles: list[str], shown: str, words: list[str]) -> None:
        """In a story, a person whose first name and surname are known is named by the shorter
        form of that name the text uses most ("Miss Bartlett" two hundred times, not "Charlotte
        Bartlett" three; "Mrs. Dashwood", not "Mrs. Henry Dashwood" once), once it is used
        twice as often as the form shown: a late odd form renames no one, and since a name
        only ever loses words this way it changes at most a few times in a book."""
        used = c.forms.get(shown, 0)
        if shown == c.canonical or used < 2 or used < 2 * c.forms.get(c.canonical, 0):
            return
        if c.by_first_name and form_of_address(titles) == "mrs":
            return  # "Katharine", called so, is not shown as "Mrs. Hilbery", her mother's name
        if set(words) <= set(name_parts(c.canonical)[1]):
            c.canonical = shown
            self.changed.add(c.id)

    def _kin(self, c: Cluster, address: str | None) -> bool:
        """In a story, "Mrs. Hilbery" after "Katharine Hilbery" (named by her first name and
        no title) is her mother, another of the family: a daughter is not given the married
        title; so too, before any dialogue, in a text with a "Miss Hilbery" (in news, "Mrs.
        Clinton" after "Hillary Clinton" is her). (Named "Mrs. Cavendish" first, "Mary
        Cavendish" later joins her.)"""
        familiar = self.familiar or c.by_first_name or c.surname in self.misses
        return familiar and address == "mrs" and bool(c.first) and c.address is None

    def find_or_create_person(
        self, surface: str, pos: int = -1, *, relative: bool = False
    ) -> Cluster | None:
        """The person cluster for a name, created or upgraded as fuller names appear.

        relative: the name is given as someone's relative ("his daughter, Tamika Pruitt"), so
        it is not the fuller name of a bare surname already in use ("Pruitt said")."""
        titles, words = self.parts(surface)
        if not words:
            return None
        keys = [key(w) for w in words]
        if not titles and self._two_people(keys):
            return None
        clean = " ".join(words)
        shown = titled(titles[-1:], clean)
        c = self.find_person(surface)
        if relative and c is not None and len(keys) > 1 and not c.first:
            c = None
        known = c is not None and bool(c.first)  # first name and surname known before
        if c is None:
            c = self._new("person", clean)
            c.address, c.by_his_name = form_of_address(titles), postposed(titles)
            c.surname = keys[-1]
            self._by_surname.setdefault(keys[-1], []).append(c)
            if len(keys) > 1:
                c.first, c.first_said = keys[0], first_name_gender(words[0])
                self._by_first.setdefault(keys[0], []).append(c)
            elif not titles and self.familiar:
                self._complete_later(c)
        elif len(keys) > 1 and not c.first:
            if c.surname != keys[-1]:
                self._by_surname[c.surname].remove(c)
                c.surname = keys[-1]
                self._by_surname.setdefault(keys[-1], []).append(c)
            c.first, c.first_said = keys[0], first_name_gender(words[0])
            self._by_first.setdefault(keys[0], []).append(c)
        if (titles or len(keys) > 1) and (pos < 0 or pos >= c.counted_at + len(surface)):
            c.forms[shown] = c.forms.get(shown, 0) + 1
            c.counted_at = pos
        if self.familiar and known:
            self._commonest(c, titles, shown, words)
        elif c.first:
            # "Mrs. Henry Dashwood" is named by her husband's name: the title stays
            wed = form_of_address(titles) == "mrs" and len(keys) > 1 and not_hers(keys[0])
            name = f"{titles[-1]} {clean}" if wed else clean
            if c.canonical != name and (
                fullness(words) > fullness(c.canonical.split())
                or (
                    c.canonical.split()[0] in titles
                    and fullness(words) >= fullness(name_parts(c.canonical)[1])
                )
                or (wed and c.canonical == clean)
            ):
                c.canonical = name
                self.changed.add(c.id)
        elif len(words) == 1 and fullness(words) > fullness(c.canonical.split()):
            c.canonical = clean  # "Pooh", then "Winnie-the-Pooh": the fuller form
            self.changed.add(c.id)
        elif (
            titles
            and unranked(c.canonical) == words[-1]
            and not titles[-1].isupper()  # "AG Mukasey": an abbreviated rank, no name
            and not is_kin_noun(fold(titles[-1]))  # "Aunt Janey" is Janey, no form of address
            and c.address == form_of_address(titles)
        ):
            # "Mrs. Bennet" known by no first name keeps the form of address that tells her
            # from "Mr. Bennet"
            c.canonical = titled(titles[-1:], clean)
            self.changed.add(c.id)
        if c.address is None:
            c.address = form_of_address(titles)
        c.take_titles(titles)
        if len(keys) == 1 and not titles and keys[0] == c.first:
            c.by_first_name = True
        if not (c.address == "mrs" and len(keys) > 1 and not_hers(keys[0])) and not postposed(
            titles
        ):
            # not "Henry Dashwood" for Mrs. Henry Dashwood, nor "Hamidullah" for … Begum
            c.add_alias(clean)
        if titles:
            c.add_alias(titled(titles, clean))
        said = title_gender(titles)
        if said == "m":
            c.male += 3
        elif said == "f":
            c.female += 3
        if c.male == c.female == 0 and len(keys) > 1:
            gender = first_name_gender(words[0])
            if gender == "f":
                c.female += 1
            elif gender == "m":
                c.male += 1
        c.last_seen = max(c.last_seen, pos)
        return c

    def holds_role(self, word: str) -> bool:
        """Whether a person of the text has this rank as a title ("count" for Count
        Mippipopolous): "the count said" is then no tally, though "the authority said" is a
        body whatever "the authority's chief executive" was called."""
        return any(c.kind == "person" and word in c.ranks for c in self.clusters)

    def create_narrator(self) -> Cluster:
        """The first-person narrator, unnamed until the others call them by a name."""
        c = self._new("person", NARRATOR)
        c.add_alias(NARRATOR)
        return c

    def name_narrator(self, c: Cluster, name: str, take: bool = True) -> int | None:
        """The narrator takes the name the others call them; with ``take``, a person met by it
        before ("a letter to Pyotr Sergeyevich") was the narrator: their id is returned."""
        _, words = self.parts(name)
        if not words or set(words) <= set(c.canonical.split()):  # "Jake" of "Jake Barnes"
            return None
        c.canonical = " ".join(words)
        c.add_alias(name)
        self.changed.add(c.id)
        if (was := self.find_person(name)) is not None and was.id != c.id and take:
            for table in (self._by_surname, self._by_first):
                for k, found in table.items():
                    if any(o is was for o in found):
                        table[k] = [o for o in found if o is not was and o is not c] + [c]
            c.canonical, c.surname, c.first = was.canonical, was.surname, was.first
            c.first_said = was.first_said
            return was.id
        if was is None and not c.surname:
            keys = [key(w) for w in words]
            c.surname = keys[-1]
            self._by_surname.setdefault(keys[-1], []).append(c)
            if len(keys) > 1:
                c.first, c.first_said = keys[0], first_name_gender(words[0])
                self._by_first.setdefault(keys[0], []).append(c)
        return None

    def find_or_create_description(
        self, surface: str, head: str, definite: bool, pos: int = -1, *, fresh: bool = False
    ) -> Cluster:
        """An unnamed source: a definite description joins the last one with the same head
        (unless ``fresh``: in a story, one met a scene ago or more is no longer meant)."""
        c = self._by_head.get(head) if definite and not fresh else None
        if c is None:
            c = self._new("description", surface)
            c.head = head
            c.since = pos
            c.male = int(head in MALE_NOUNS)  # "a man", "the woman"
            c.female = int(head in FEMALE_NOUNS)
            self._by_head[head] = c
        c.add_alias(surface)
        c.last_seen = max(c.last_seen, pos)
        return c

    def described(self, head: str) -> Cluster | None:
        return self._by_head.get(head)

    def find_or_create_org(self, surface: str, pos: int = -1, *, named: bool = False) -> Cluster:
        """An organisation; named when the surface is a tagged name, whose "the" is dropped
        ("the Congressional Budget Office"), unlike "the Church" said of a body."""
        key = fold(re.sub(r"^(?:the|The)\s+", "", strip_possessive(surface)))
        orgs = ((n, o) for (kind, n), o in reversed(self._by_key.items()) if kind == "org")
        c = self._by_key.get(("org", key)) or by_initials(key, orgs)  # "the RFA", named before
        if c is None:
            # "the Congressional Budget Office" is named "Congressional Budget Office".
            name = strip_possessive(surface)
            bare = re.sub(r"^(?:the|The)\s+", "", name)
            c = self._new("org", bare if named and bare[:1].isupper() else name)
            self._by_key[("org", key)] = c
        c.add_alias(surface)
        c.last_seen = max(c.last_seen, pos)
        return c
