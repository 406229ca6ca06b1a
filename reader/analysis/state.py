"""The discourse state: what the text has said so far, which every stage reads.

Clusters (in the registry), the mention log, the organisation index, the quotes attributed so
far, and the cursor of the reading pass (the Doc being read, its offset, the sentence). The
stages write through the ``record_*`` calls and the ``find_or_create_*`` lookups, whose names
say that they may add a cluster; every other query is pure.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis.clauses import clause_rank, fronted_topic
from reader.analysis.clusters import Cluster, Registry
from reader.analysis.epithets import out_of_scene
from reader.analysis.evidence import entity_span
from reader.analysis.guessed_gender import last_speaker_despite_name
from reader.analysis.lexicon import SPEECH_VERBS
from reader.analysis.marked import mark_of
from reader.analysis.mention_log import WINDOW_SENTENCES, MentionRec, by_salience
from reader.analysis.model import Entity, Quote
from reader.analysis.name_evidence import person_in_body_name
from reader.analysis.name_keys import key, misses
from reader.analysis.names import after_the, fold, lower_words, name_span, strip_possessive
from reader.analysis.organisations import OrgIndex
from reader.analysis.proxies import serves_another
from reader.analysis.syntax import is_subject, np_is_definite, np_span

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Doc, Span, Token

@dataclass(slots=True)
class QuoteInfo:
    """What the discourse rules need to know about a quote."""

    qid: int
    paragraph: int
    opens_paragraph: bool
    closed: bool
    cluster: int | None
    has_cue: bool
    #: The paragraph is a short line of dialogue that opens with a quotation mark.
    turn: bool = False
    #: The person subject of the sentence just before the quote in its paragraph, if any.
    before: int | None = None
    #: Global numbers of the sentences holding the quote's first and last words.
    sent_first: int = -1
    sent_last: int = -1
    #: The person the previous paragraph reports as saying something, if it does.
    reported: int | None = None
    #: The quote's char span, and where the subject of its cue starts (None: no cue).
    start: int = -1
    end: int = -1
    cue_at: int | None = None
    #: The name the quote addresses ("Jake, come here"), and the person it names if known.
    addressee: str | None = None
    addressee_cluster: int | None = None
    #: The person the turn addresses up to this quote: its own vocative's, else the one an
    #: earlier quote of its paragraph by the same speaker called ("Edward," she said. "Are
    #: you still to be an orator?"): the next turn is likely theirs.
    turn_addressee: int | None = None
    #: For a quote opening its paragraph after one of narration alone, the person who is the
    #: subject of that paragraph's last sentence.
    intro: int | None = None
    #: The cue names a person (not a body or an unnamed source) as the speaker.
    person: bool = False
    #: The gender of the cue's pronoun ("m" for "he said"), when the pronoun rule chose.
    pronoun: str | None = None
    #: Cited in a relative clause of another's sentence ("which Ramanathan described as
    #: “…”"): a quote after it carries on that sentence's speaker, not this one.
    cited: bool = False


class State:
    """What the text read so far has said, and where the reading pass is."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.registry = Registry()
        self.registry.common = lower_words(text)
        self.registry.misses = misses(text)
        self.quotes: list[Quote] = []
        self.infos: list[QuoteInfo] = []
        self.cluster_of: dict[int, int] = {}
        #: Quote id -> the ranker's confidence in its speaker, where the ranker chose it.
        self.confidence: dict[int, float] = {}
        self.entities: list[Entity] = []
        self.entity_cluster: list[tuple[Entity, int]] = []
        self.mentions: list[MentionRec] = []
        self.orgs = OrgIndex()
        #: Document word ("report") -> the cluster that issued the latest one.
        self.doc_authors: dict[str, int] = {}
        #: Names the tagger called people that the text shows are bodies or places, wherever
        #: it shows it ("Marches Water, which serves …").
        self.non_person: dict[str, str] = {}
        #: Surname -> the full names quotes gave people ("… other than Donald Trump”): a
        #: bare "Trump" the tagger calls a body later is that person.
        self.quoted_names: dict[str, set[str]] = {}
        #: How often quotes gave each full name.
        self.quoted_times: Counter[str] = Counter()
        #: Names the text gave to works (novels, films), which are never people.
        self.works: set[str] = set()
        #: Paragraph -> the person whose words it last reports ("Feld said he had …").
        self.reported: dict[int, int] = {}
        #: The cluster of the first-person narrator ("“Yes,” I said"), once one speaks.
        self.narrator_id: int | None = None
        #: The text is fiction, and the ranker weighs every quote with no cue from there on
        #: (``ranker.choose``): from the start in a book told as dialogue (a novel's opening
        #: comes before any stretch of it, ``ranker.fiction_from_start``), else once a
        #: stretch of dialogue is read.
        self.fiction = False
        #: The whole text is told as conversation (``genre.told_as_dialogue``, read from its
        #: marks): where it is not, a quote no rule answers is not weighed as a turn.
        self.told_as_dialogue = True
        #: People a cue named as speaking or a quote called by name, in the quotes up to
        #: ``voiced_upto``: those who take part in the dialogue, not only talked about.
        self.voiced: set[int] = set()
        self.voiced_upto = 0
        self.sent_base = 0
        self.para_base = 0
        # the cursor: the Doc being read
        self.doc: Doc | None = None
        self.offset = 0
        self.sent = 0
        self.mention_at: dict[int, int] = {}
        #: Unnamed sources by the token that describes them, so two quotes of one "a local
        #: pastor" are one source, not two rows of the same words.
        self.unnamed_at: dict[int, int] = {}
        self.speakers_at: dict[int, int] = {}  # speech verb (token) -> who it says spoke
        self.starts: list[int] = []
        self.paras: list[tuple[int, int]] = []
        self.para_starts: list[int] = []
        self.para_first = 0
        #: Where every paragraph read so far starts, for the paragraph of a char offset.
        self.all_para_starts: list[int] = []

    def start_doc(
        self, doc: Doc, offset: int, paras: list[tuple[int, int]], first_para: int
    ) -> None:
        """Move the cursor to a new Doc, whose text starts at char ``offset`` in paragraph
        ``first_para`` (a later piece of a long paragraph repeats that paragraph's number)."""
        self.doc, self.offset = doc, offset
        self.mention_at = {}
        self.unnamed_at = {}
        self.speakers_at = {}
        self.paras, self.para_first = paras, first_para
        self.para_starts = [p[0] for p in paras]
        unseen = first_para + len(paras) - self.para_base
        if unseen > 0:
            self.all_para_starts += self.para_starts[len(paras) - unseen :]
        self.para_base = max(self.para_base, first_para + len(paras))

    def record_org(
        self, start: int, name: str, subject: bool, words: frozenset[str], audience: bool = False
    ) -> None:
        """Remember an organisation named at char start (for "the company" and "it said")."""
        self.orgs.record(start, self.sent, name, subject, words, audience)

    def local(self, s: int, e: int) -> str:
        """Text of a doc-local character span (``Doc.text`` rebuilds the whole string)."""
        return self.text[s + self.offset : e + self.offset]

    def paragraph_of(self, char: int) -> int:
        """The number of the paragraph that holds absolute char offset ``char``."""
        return bisect_right(self.all_para_starts, char) - 1

    def find_or_create_person(self, tok: Token) -> Cluster | None:
        """The person the name at ``tok`` names, created when new (and the mention recorded);
        None for a name the text shows is a body or a place."""
        s, e = name_span(tok)
        surface = self.local(s, e)
        known = self.registry.find_person(surface)
        if known is not None and after_the(tok, known.canonical):
            return None  # "the Church warned": a body, not George Church ("the Collector" is)
        if known is None and (self.body_named(surface) or tok.ent_type_ in ("DATE", "TIME")):
            return None  # a body or place the text showed, or a day ("Saturday … said")
        if (
            known is None
            and tok.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC")
            and not person_in_body_name(tok)
        ):
            # a lone surname the tagger took for a body is the person a quote named in full
            full = self.quoted_person(surface)
            if full is None:
                return None
            surface = full
        c = self.registry.find_or_create_person(surface, s + self.offset)
        if c is not None and tok.i not in self.mention_at:
            self.record_mention(tok, c.id)
        return c

    def person_in_quote(self, name: str) -> Cluster | None:
        """The person a name inside a quote names, if known. No person is made of it, but a
        full name is remembered for a bare surname the tagger later calls a body."""
        titles, words = self.registry.parts(name)
        if len(words) >= 2:
            full = " ".join(words)
            self.quoted_names.setdefault(key(words[-1]), set()).add(full)
            self.quoted_times[full] += 1
            if self.quoted_times[full] == 2:  # twice: no tagger's slip ("teaching Lucy Italian")
                self.registry.complete_first_name(name)
        found = self.registry.find_person(name)
        if found is not None:
            found.take_titles(titles)  # "Doctor Losberne came in," said Giles
        return found

    def quoted_person(self, surface: str) -> str | None:
        """The one full name a quote gave the bare surname ``surface``, if any."""
        _, words = self.registry.parts(surface)
        full = self.quoted_names.get(key(words[0]), set()) if len(words) == 1 else set()
        return next(iter(full)) if len(full) == 1 else None

    def narrator(self) -> Cluster:
        """The first-person narrator, created when they first speak."""
        if self.narrator_id is None:
            self.narrator_id = self.registry.create_narrator().id
        return self.registry.clusters[self.narrator_id]

    def known_person(self, tok: Token) -> Cluster | None:
        s, e = name_span(tok)
        return self.registry.find_person(self.local(s, e))

    def find_or_create_org(self, tok: Token) -> Cluster:
        """The organisation named (or described) at ``tok``, created when new."""
        span = entity_span(tok)
        s, e = span or np_span(tok)
        surface = self.local(s, e)
        # "the RFA" after "the Rivers and Floodplain Authority"; "Vantara" after "Vantara Micro
        # Devices"
        named_before = self.orgs.by_acronym(surface) or self.orgs.longer_name(surface)
        if named_before is not None:
            return self.registry.find_or_create_org(named_before, s + self.offset, named=True)
        # "the Congressional Budget Office" and "the Vatican" are named without "the"; "the
        # Church" keeps it (a one-word name that is also a common noun).
        named = span is not None and len(surface.split()) > 2
        return self.registry.find_or_create_org(surface, s + self.offset, named=named)

    def body_named(self, surface: str) -> bool:
        """A name the tagger called a person that the text shows is a body or a place."""
        return (
            fold(strip_possessive(surface)) in self.non_person
            or self.orgs.longer_name(surface) is not None
        )

    @property
    def story(self) -> bool:
        """A story told as dialogue, whose descriptions are epithets for its people."""
        return self.registry.familiar and self.told_as_dialogue

    @property
    def novel(self) -> bool:
        """Fiction, by its length or its dialogue: where a description may be a character's
        standing name ("the gentleman in the white waistcoat", ``marked``)."""
        return self.fiction or self.story

    def find_or_create_unnamed_source(self, tok: Token) -> Cluster:
        """The unnamed source described at ``tok`` ("a French diplomat"), created when new."""
        if tok.i in self.mention_at:
            return self.registry.clusters[self.mention_at[tok.i]]
        if tok.i in self.unnamed_at:
            return self.registry.clusters[self.unnamed_at[tok.i]]
        s, e = np_span(tok, with_prep=True, places=not self.fiction)
        definite = np_is_definite(tok)
        head = tok.lemma_.lower()
        mark = mark_of(tok) if self.novel else None
        if mark is not None and (not definite or self.registry.described(mark.key)):
            # "a gentleman in a white waistcoat": his own, by those words
            last = tok.doc[mark.end - 1]
            head, e = mark.key, max(e, last.idx + len(last))
        known = self.registry.described(head)
        # in a story, "the girl" a scene or more after the last one is someone else
        fresh = known is not None and (
            (self.story and out_of_scene(known.last_seen, s + self.offset))
            or serves_another(tok, known.aliases)  # not the spokeswoman of someone else
        )
        c = self.registry.find_or_create_description(
            self.local(s, e), head, definite, s + self.offset, fresh=fresh
        )
        self.unnamed_at[tok.i] = c.id
        return c

    def recent(self, before: int) -> Iterator[MentionRec]:
        """Mentions before char offset ``before``, most recent first, within the window."""
        lo = self.sent - WINDOW_SENTENCES
        for m in reversed(self.mentions[-200:]):
            if m.sent < lo:
                break
            if m.start < before:
                yield m

    def remention(self, start: int | None, first: int, last: int, cid: int) -> None:
        """The word logged at ``start``, in sentences ``first``..``last``, mentions ``cid``
        after all (a later pass chose)."""
        for m in self.logged_at(start, first, last):
            m.cluster = cid

    def logged_at(self, start: int | None, first: int, last: int) -> list[MentionRec]:
        """The words logged at ``start`` in sentences ``first``..``last`` (a cue's pronoun is
        logged again with its quote's last sentence)."""
        mentions = self.mentions
        found: list[MentionRec] = []
        for k in range(bisect_left(mentions, first, key=lambda m: m.sent), len(mentions)):
            m = mentions[k]
            if m.sent > last:
                break
            if m.start == start:
                found.append(m)
        return found

    def resolve_pronoun(
        self, tok: Token, gender: str | None, exclude: frozenset[int] = frozenset()
    ) -> Cluster | None:
        before = tok.idx + self.offset

        def fits(c: Cluster) -> bool:
            return (
                c.kind != "org"
                and c.id not in exclude
                and c.id != self.narrator_id  # "he", "she": never the one who says "I"
                and (gender is None or c.gender in (None, gender))
            )

        found = self.salient(self.recent(before), self.sent, fits)
        return last_speaker_despite_name(self, tok, gender, exclude, found) or found

    def salient(self, mentions, current: int, fits) -> Cluster | None:
        """The first fitting cluster by salience: in the current sentence the nearest subject
        before; in earlier ones, most recent sentence first, subjects before other mentions."""
        reg = self.registry
        for m in by_salience(mentions, current):
            c = reg.clusters[m.cluster]
            if fits(c):
                return c
        return None

    def last_asker(self) -> Cluster | None:
        """Who asked the question just quoted ("… Yes or no?”"), if the text says."""
        if not self.infos:
            return None
        info = self.infos[-1]
        asked = self.quotes[info.qid].text.rstrip("”’\"' ").endswith("?")
        if info.cluster is None or not asked:
            return None
        return self.registry.clusters[info.cluster]

    def record_entity(self, ent: Span, cid: int | None, label: str | None = None) -> None:
        """Add a tagged entity (of ``cid``'s cluster, if any) to the output."""
        off = self.offset
        s, t = ent.start_char, ent.end_char
        # The tagger sometimes runs a name into the line break after it; a name has no spaces
        # at its edges (and the parser saw "\r\n" as " \n").
        while t > s and self.local(t - 1, t).isspace():
            t -= 1
        while s < t and self.local(s, s + 1).isspace():
            s += 1
        if s == t:
            return
        e = Entity(s + off, t + off, self.local(s, t), label or ent.label_)
        self.entities.append(e)
        if cid is not None:
            self.entity_cluster.append((e, cid))

    def record_mention(self, tok: Token, cid: int, subject: bool | None = None) -> None:
        """Log that ``tok`` mentions cluster ``cid`` (a subject unless told otherwise)."""
        if subject is None:
            subject = is_subject(tok) or (
                # "“…,” said Smith" parsed as an object; not "mention Rubio", "criticize
                # Cruz", whose verb has its own subject
                tok.dep_ in ("attr", "dobj")
                and tok.head.lemma_.lower() in SPEECH_VERBS
                and tok.head.i < tok.i
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children)
            ) or (
                # the one who acts in a main clause told in the passive ("Clinton's position
                # was supported by Feinstein"), not in a phrase ("the deal negotiated by Obama")
                tok.dep_ == "pobj" and tok.head.dep_ == "agent" and clause_rank(tok.head) == 0
            ) or fronted_topic(tok)
        start = tok.idx + self.offset
        kind = "name" if tok.pos_ == "PROPN" else "pronoun" if tok.pos_ == "PRON" else "description"
        self.mentions.append(
            MentionRec(
                start,
                cid,
                self.sent,
                subject,
                tok.dep_ == "poss",
                start + len(tok.text),
                kind,
                tok.dep_ == "poss" and is_subject(tok.head),
                clause_rank(tok),
            )
        )
        self.mention_at[tok.i] = cid
        self.registry.clusters[cid].last_seen = tok.idx + self.offset
