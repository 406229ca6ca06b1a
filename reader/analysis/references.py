"""Resolving what a phrase refers to, over the discourse state: "the lawmaker", "the report",
"the company", "it". The lookups named ``find_or_create_*`` may add a cluster; the rest are pure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.described import age_of, nationality_noun
from reader.analysis.epithets import (
    EPITHET_NOUNS,
    contrasted,
    epithet_words,
    gender_of,
    newcomer,
    out_of_scene,
    remember,
    story_person,
)
from reader.analysis.evidence import by_agent, can_author
from reader.analysis.kinship import Relations, described_gender, is_kin_noun
from reader.analysis.lexicon import (
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    ORG_NOUNS,
    PROXY_NOUNS,
    is_person_noun,
)
from reader.analysis.marked import mark_of
from reader.analysis.mention_log import WINDOW_SENTENCES, by_salience
from reader.analysis.proxies import role_serves_another, serves_another
from reader.analysis.relatives import kin_in_scene, relative_of
from reader.analysis.role_holders import by_role, clause_mates, may_mean
from reader.analysis.salience import (
    BARE_PERSON_NOUNS,
    described_order,
    person_owner,
    referent,
)
from reader.analysis.state import State
from reader.analysis.story_names import call_by, definite_phrase
from reader.analysis.syntax import is_speech_verb, np_is_definite

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.clusters import Cluster


def speaking_group(t: Token) -> bool:
    """People, a body or a people: what "they" who speak can stand for."""
    return (
        t.pos_ == "PROPN"
        or t.ent_type_ in ("ORG", "NORP", "PERSON")
        or is_person_noun(t.lemma_.lower())
        or t.lemma_.lower() in ORG_NOUNS
    )


#: How many words back "they" looks for the group it stands for.
PLURAL_REACH = 120

#: How many of the recent people "his father" tries as the one whose father is meant.
KIN_REACH = 3

#: Where a kinship noun stands for a relative: as a subject or object ("said her mother",
#: "told his wife"); as a predicate ("she grew up, the daughter of a driller") it describes
#: the person it is said of.
KIN_ROLES = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "dative", "poss", "conj"))


class DiscourseState(State):
    """The state with the reference queries the rules ask (the sieve's ``Discourse``)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        #: Who is whose relative, as the text has shown so far ("her mother": Mrs. Bennet).
        self.relations: Relations = {}
        #: ("her", "mother") -> whom those words last stood for.
        self.kin_words: dict[tuple[str, str], int] = {}

    def relative(self, person: Cluster, noun: str, exclude: set[int]) -> Cluster | None:
        """``person``'s ``noun`` ("mother"), remembered once found."""
        found = relative_of(self.registry.clusters, person, noun, exclude, self.relations)
        if found is not None:
            self.relations[(person.id, noun)] = found.id
        return found

    def resolve_description(self, tok: Token, exclude: set[int]) -> Cluster | None:
        """Whom a definite description ("the senator", "the girl") refers to; in a story, the
        person it is tied to keeps its words as epithets (``epithets``)."""
        found = self._describe(tok, exclude)
        if (
            found is not None
            and self.mention_at.get(tok.i) != found.id
            and (
                (found.kind == "description" and serves_another(tok, found.aliases))
                or (found.kind == "person" and role_serves_another(tok, found.role))
            )
        ):
            return None  # "the governor's spokesman" is not the senator's spokeswoman
        head = tok.lemma_.lower()
        if found is not None and found.kind == "person" and self.story and head in EPITHET_NOUNS:
            remember(found, epithet_words(tok), described_gender(head))
        if found is not None and found.kind == "description" and self.novel:
            # a novel's "the surgeon" names the one "a parish surgeon who ..." brought in
            the = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            # (by words of its own kind: "the gentleman" is no name for the one in the white
            # waistcoat)
            mark = mark_of(tok) if self.novel else None
            own = found.head == (mark.key if mark else head)
            phrase = definite_phrase(tok, mark.end if mark else None) if the and own else None
            renamed = phrase is not None and call_by(found, phrase)
            if renamed or (the and self.story and found.call_definite()):
                self.registry.changed.add(found.id)
        return found

    def _describe(self, tok: Token, exclude: set[int]) -> Cluster | None:
        if tok.i in self.mention_at:
            c = self.registry.clusters[self.mention_at[tok.i]]
            if c.id not in exclude:
                return c
        mark = mark_of(tok) if self.novel else None
        if mark is not None:
            # "the gentleman in the white waistcoat": the one brought in so, else someone new
            same = self.registry.described(mark.key)
            if same is not None:
                return same if same.id not in exclude else None
        before = tok.idx + self.offset
        reg = self.registry
        age = age_of(tok)
        if age is not None:
            # "the 52-year-old": the person given that age, else the latest person subject
            # whose age is not known to differ.
            aged = [c for c in reg.clusters if c.kind == "person" and c.age == age]
            if aged and aged[-1].id not in exclude:
                return max(aged, key=lambda c: c.last_seen)
            for m in self.recent(before):
                c = reg.clusters[m.cluster]
                if m.subject and c.kind == "person" and c.age is None and c.id not in exclude:
                    return c
            return None
        head = tok.lemma_.lower()
        if is_kin_noun(head) and tok.dep_ in KIN_ROLES:
            # "her mother", "the undertaker's wife": the relative of a person known, never
            # simply the person named last (who is the one she is the mother of)
            kin = self.resolve_relative(tok, exclude)
            if kin is not None or any(
                c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children
            ):
                return kin
        said = described_gender(head)

        def agrees(c: Cluster) -> bool:
            return said is None or c.gender in (None, said)

        owner = person_owner(self, tok)
        if owner is not None:
            # "Sanders's campaign manager", "his spokeswoman": someone of the owner's, never
            # the owner, and only one the text has given that role; else an unnamed source
            exclude = exclude | {owner.id}

        epithet = (
            self.story
            and said is not None
            and head in EPITHET_NOUNS
            and not any(c.dep_ == "poss" for c in tok.children)
            and not contrasted(tok)
        )
        recent = [m for m in self.recent(before) if m.cluster not in exclude]
        if epithet:
            # "said the girl" in a story: no role, but the one just brought in as "a girl",
            # else the most salient person near who fits (``epithets``), not whoever was
            # called so first, nor anyone of the other sex
            same = reg.described(head)
            if newcomer(same, before) and same is not None and same.id not in exclude:
                return same
            ranked = by_salience(may_mean(self, tok, recent), self.sent)
            mates = clause_mates(self, tok)
            fit = story_person(reg, ranked, epithet_words(tok), said or "", exclude | mates)
            if fit is not None:
                return fit
        # the person given the role, near or further back (for an epithet, one it fits:
        # not "the young girl" whom the text has called "the young man")
        found = by_role(self, tok, recent, exclude, before)
        if found is not None and (not epithet or gender_of(found) in (None, said)):
            return found
        if tok.dep_ in ("nsubj", "nsubjpass") and head not in BARE_PERSON_NOUNS:
            recent = list(described_order(self, tok, recent))
        if owner is not None or any(
            c.dep_ == "poss" and c.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS for c in tok.children
        ):
            return None
        if nationality_noun(tok):
            # "the Norwegian said", no role that says so: like an age, the latest person subject
            for m in recent:
                c = reg.clusters[m.cluster]
                if m.subject and c.kind == "person" and agrees(c):
                    return c
        nearby = may_mean(self, tok, recent)
        same = reg.described(head)
        # 2. an unnamed source with the same head noun (in a story, one met within a scene)
        if (
            same is not None
            and same.id not in exclude
            and same.last_seen < before
            and not (self.story and out_of_scene(same.last_seen, before))
        ):
            return same
        # 3. the most salient person mentioned (for a subject, the latest sentence's main
        # subject first; else the latest), or an unnamed source the text brought in; passing
        # over possessors in the same sentence, and anyone in what a trailing attribution
        # reports ("Lucia's shift ended after she left, the prosecutor said"). A described
        # noun that only said what someone is ("painting Trump as a man too unqualified") is
        # no one who speaks.
        for m in nearby:
            c = reg.clusters[m.cluster]
            if c.kind == "person" and self.story:
                # a story's "said the doctor" is no one merely named last (his patient, the
                # butler), who would then be "the doctor" for the rest of the book: a person
                # the text ties to the words (above), else one it has not named
                continue
            if (c.kind == "person" or (c.kind == "description" and referent(self, m))) and agrees(
                c
            ):
                return c
        return None

    def resolve_relative(self, tok: Token, exclude: set[int]) -> Cluster | None:
        """Whom a kinship noun stands for: the relative of its possessor ("Mrs. Bennet's
        husband", "the undertaker's wife"), of the recent person "his"/"her" can be, or
        (with no possessor, "said the mother") of one of the people just mentioned."""
        head = tok.lemma_.lower()
        reg = self.registry
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if owner is None and of is not None:  # "the daughter of the house", "the son of X"
            owner = next((c for c in of.children if c.dep_ == "pobj"), None)
            if owner is None or owner.pos_ == "PRON":
                return None
        if owner is not None and owner.pos_ != "PRON":
            person = None
            if owner.i in self.mention_at:
                person = reg.clusters[self.mention_at[owner.i]]
            elif owner.pos_ == "PROPN":
                person = self.known_person(owner)
            role = owner.lemma_.lower()
            if person is None:  # "the innkeeper's wife": whom the text called the innkeeper
                holders = [c for c in reg.clusters if c.kind == "person" and role in c.role_words]
                person = max(holders, key=lambda c: c.last_seen) if holders else None
            if person is None and is_person_noun(role):
                person = self.resolve_description(owner, set())
            kin = self.relative(person, head, exclude) if person is not None else None
            barred = exclude | ({person.id} if person is not None else set())
            return kin or self.kin_in_scene(tok, head, barred)
        gender = None
        if owner is not None:
            low = owner.lower_
            if low not in MALE_PRONOUNS | FEMALE_PRONOUNS:
                return None  # "my father", "their son": no one here by a surname
            gender = "m" if low in MALE_PRONOUNS else "f"
        tried: set[int] = set()
        for m in by_salience(self.recent(tok.idx + self.offset), self.sent):
            c = reg.clusters[m.cluster]
            if c.id in tried or c.kind != "person" or c.gender not in (None, gender or c.gender):
                continue
            tried.add(c.id)
            kin = self.relative(c, head, exclude)
            if kin is not None or gender is not None or len(tried) >= KIN_REACH:
                break  # "his": the one man he most likely is, no other
        else:
            kin = None
        if owner is None:
            return kin
        said = (owner.lower_, head)
        if kin is not None:
            self.kin_words[said] = kin.id
            return kin
        # "her mother" once more, of someone whose family the text has not named: the
        # person those words stood for last
        last = self.kin_words.get(said)
        if last is not None and last not in exclude:
            return reg.clusters[last]
        return self.kin_in_scene(tok, head, exclude | tried)

    def kin_in_scene(self, tok: Token, noun: str, barred: set[int]) -> Cluster | None:
        """A story's relative who speaks ("said his father") whose family the text has not
        shown: the scene's most salient person who can be that relative (``kin_in_scene``)."""
        if not (self.story and tok.dep_ in ("nsubj", "nsubjpass") and is_speech_verb(tok.head)):
            return None
        ranked = (
            self.registry.clusters[m.cluster]
            for m in by_salience(self.recent(tok.idx + self.offset), self.sent)
        )
        return kin_in_scene(self.registry.clusters, ranked, noun, barred)

    def sentence_speaker(
        self, tok: Token, gender: str, exclude: frozenset[int] = frozenset()
    ) -> Cluster | None:
        """ "Cruz spokesman Rick Tyler said that … Cruz has “…,” he said": a pronoun speaking
        after a speech verb earlier in its sentence stands for that verb's speaker, not for
        someone in what that speaker reports (the first such speaker known to be of that
        gender)."""
        for t in tok.sent:
            if t.i >= tok.i:
                break
            cid = self.speakers_at.get(t.i)
            if cid is None or cid in exclude:
                continue
            c = self.registry.clusters[cid]
            if c.kind == "person" and c.gender == gender:
                return c
        return None

    def find_or_create_group(self, tok: Token) -> Cluster | None:
        """The group "they" stands for: the nearest plural subject before it in its paragraph
        or the one before ("the groups say. They argue ..."; "She and her defenders argue
        ... They note"), a source worded as the text words it; None when there is none."""
        doc = tok.doc
        para = self.paragraph_of(tok.idx + self.offset)
        floor = self.all_para_starts[max(0, para - 1)] - self.offset
        for k in range(tok.i - 1, max(-1, tok.i - PLURAL_REACH), -1):
            t = doc[k]
            if t.idx < floor:
                return None
            if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ not in ("NOUN", "PROPN"):
                continue
            plural = t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)
            if not plural or not speaking_group(t):
                continue  # "the waivers were …": things, not who "they" are
            if k not in self.mention_at:
                return self.find_or_create_unnamed_source(t)
            return self.registry.clusters[self.mention_at[k]]
        return None

    def find_or_create_document_author(self, tok: Token) -> Cluster | None:
        """Who issued the document ``tok`` names ("the report"), if the text says; the issuer's
        cluster is created when new."""
        for c in tok.children:
            if c.dep_ == "poss" and can_author(c):
                return self.known_person(c) or self.find_or_create_org(c)
        agent = by_agent(tok)
        if agent is not None:  # "a report by the research firm Gallup", "written by the company"
            found = self.find_or_create_author(agent)
            if found is not None:
                return found
        for c in tok.lefts:  # "a company statement": the company last named
            if c.dep_ == "compound" and c.lemma_.lower() in ORG_NOUNS:
                org = self.find_or_create_recent_org(c)
                if org is not None:
                    return org
        names = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and can_author(c)]
        if names:  # "a Pentagon statement", "a State Department readout"
            s, e = names[0].left_edge.idx, names[-1].idx + len(names[-1].text)
            return self.registry.find_or_create_org(self.local(s, e), s + self.offset)
        cid = self.doc_authors.get(tok.lemma_.lower())
        return self.registry.clusters[cid] if cid is not None else None

    def find_or_create_author(self, tok: Token) -> Cluster | None:
        """Who a document's issuer is: a name, "the department", or "he"/"she"/"it"."""
        if can_author(tok):
            person = self.known_person(tok)
            return person if person is not None else self.find_or_create_org(tok)
        low = tok.lower_
        if tok.pos_ == "PRON":
            if low == "it":
                return self.find_or_create_recent_org(tok)
            if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
                return self.resolve_pronoun(tok, "m" if low in MALE_PRONOUNS else "f")
            return None
        if tok.pos_ == "NOUN" and np_is_definite(tok):
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None and tok.lemma_.lower() in PROXY_NOUNS and owner.pos_ == "PRON":
                return self.find_or_create_author(owner)  # "released by her office": hers
            if tok.lemma_.lower() in ORG_NOUNS:
                return self.find_or_create_recent_org(tok)
            if tok.i in self.mention_at:
                return self.registry.clusters[self.mention_at[tok.i]]
        return None

    def find_or_create_recent_org(self, tok: Token) -> Cluster | None:
        """The organisation "the authority" or "it" stands for: the latest one whose name has
        that word ("Corrales Basin Water Authority"), however far back; else, among the recent
        ones, the last that did something (a subject), else the last one named."""
        lo = self.sent - WINDOW_SENTENCES
        head = tok.lemma_.lower() if tok.pos_ == "NOUN" else ""
        chosen = self.orgs.meant_by(tok.idx + self.offset, lo, head)
        if chosen is None:
            return None
        named = len(chosen.name.split()) > 2
        return self.registry.find_or_create_org(chosen.name, chosen.start, named=named)
