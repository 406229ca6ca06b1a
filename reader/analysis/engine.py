"""The engine's single reading pass over parsed text: mentions, quotes, cues, the sieve.

``Engine`` reads parsed Docs in text order (bounded pieces for ``analyze`` and the stream, one
Doc for the spaCy component) and keeps what later text needs: name clusters, recent mentions and
the last quotes. Everything after the spaCy parse is a linear pass; no rule re-parses anything.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis import attribution as sieve
from reader.analysis import evidence as ev
from reader.analysis.lexicon import (
    DOC_NOUNS,
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    NAMING_CUES,
    ORG_NOUNS,
    PERSON_NOUNS,
    PROXY_NOUNS,
    TITLE_CUES,
    is_person_noun,
)
from reader.analysis.model import ENGINE_VERSION, Analysis, Entity, Mention, Quote
from reader.analysis.quotes import (
    QuoteSpan,
    is_name_in_sentence,
    paragraphs,
    preceding_word,
    primary_marks,
    quote_shape,
    quotes_in_paragraphs,
    stands_as_sentence,
)
from reader.analysis.speakers import (
    FEMALE_NOUNS,
    HONORIFICS,
    MALE_NOUNS,
    Cluster,
    Registry,
    fold,
    initials,
    role_of,
    strip_possessive,
    summarise,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: How many sentences back pronouns and descriptions look for their person.
WINDOW_SENTENCES = 12
#: Modifiers that say nothing about which person a description means ("the former leader").
VAGUE_WORDS = frozenset(("former", "top", "senior", "longtime", "veteran", "new", "current"))
#: Paragraphs up to this long that open with a quote count as turns of a dialogue.
TURN_CHARS = 160


@dataclass(slots=True)
class MentionRec:
    start: int  # absolute char offset
    cluster: int
    sent: int  # global sentence number
    subject: bool
    poss: bool = False  # a possessor ("Lucia's shift")


def _org_key(name: str) -> str:
    """An organisation's first word: "Vantara Micro" and "Vantara Micro Devices" meet."""
    words = fold(name).removeprefix("the ").split()
    return words[0] if words else ""


class Engine:
    """Reads parsed text in order and accumulates the analysis."""

    def __init__(self, text: str, *, primary: str | None = None) -> None:
        self.text = text
        self.primary = primary or primary_marks(text)
        self.registry = Registry()
        self.quotes: list[Quote] = []
        self.infos: list[sieve.QuoteInfo] = []
        self.cluster_of: dict[int, int] = {}
        self.entities: list[Entity] = []
        self._entity_cluster: list[tuple[Entity, int]] = []
        self.mentions: list[MentionRec] = []
        self.doc_authors: dict[str, int] = {}
        #: (char, sentence, name, was a subject, words for it) of ORG entities
        self.orgs: list[tuple[int, int, str, bool, frozenset[str]]] = []
        #: Names the tagger called people that the text shows are bodies or places, wherever
        #: it shows it ("Marches Water, which serves …").
        self.non_person: dict[str, str] = {}
        #: First word of an organisation's name -> its names of two words or more.
        self._org_names_by_first: dict[str, set[str]] = {}
        #: Names the text gave to works (novels, films), which are never people.
        self.works: set[str] = set()
        #: Paragraph -> the person whose words it last reports ("Feld said he had …").
        self.reported: dict[int, int] = {}
        self.sent_base = 0
        self.para_base = 0
        # per-doc state
        self._doc: Doc | None = None
        self._offset = 0
        self._sent = 0
        self._mention_at: dict[int, int] = {}
        self._speakers_at: dict[int, int] = {}  # speech verb (token) -> who it says spoke
        self._starts: list[int] = []
        self._paras: list[tuple[int, int]] = []
        self._para_starts: list[int] = []
        self._para_first = 0

    # --- reading ------------------------------------------------------------------------------

    def feed(self, doc: Doc, offset: int = 0, paras: list[tuple[int, int]] | None = None,
             spans: list[QuoteSpan] | None = None, first_para: int | None = None) -> None:
        """Read one parsed Doc whose text is self.text[offset:offset + len(doc.text)]; a piece of
        a paragraph too long for one Doc comes with that paragraph, its number and its quotes."""
        self._doc, self._offset, self._mention_at, self._speakers_at = doc, offset, {}, {}
        end = offset + (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0)
        paras = paragraphs(self.text, offset, end) if paras is None else paras
        first_para = self.para_base if first_para is None else first_para
        if spans is None:
            spans = quotes_in_paragraphs(self.text, paras, self.primary, first_para)
        self._paras, self._para_first, self._para_starts = paras, first_para, [p[0] for p in paras]
        self.para_base = first_para + len(paras)
        n = len(doc)
        if n == 0:
            return
        starts = self._starts = [t.idx for t in doc]
        inq = [-1] * n
        tok_ranges: list[tuple[int, int]] = []
        for qi, qs in enumerate(spans):
            a = max(0, bisect_right(starts, qs.start - offset) - 1)
            b = max(a, bisect_right(starts, qs.end - offset - 1) - 1)
            tok_ranges.append((a, b))
            for i in range(a, b + 1):
                inq[i] = qi
        sents = list(doc.sents)
        sent_starts = [s.start for s in sents]
        by_sent: list[list[int]] = [[] for _ in sents]
        for qi, (a, b) in enumerate(tok_ranges):
            # Anchor at the last quoted word: a closing mark may be parsed into the next sentence.
            last = b - 1 if b > a and doc[b].is_punct and not doc[b - 1].is_punct else b
            by_sent[bisect_right(sent_starts, last) - 1].append(qi)
        ents_by_sent: list[list] = [[] for _ in sents]
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                label = ev.not_a_person(ent)
                if label is not None:
                    self.non_person.setdefault(fold(strip_possessive(ent.text)), label)
            ents_by_sent[bisect_right(sent_starts, ent.start) - 1].append(ent)
        first_new = len(self.infos)
        for k, sent in enumerate(sents):
            self._sent = self.sent_base + k
            self._read_sentence(sent, ents_by_sent[k], inq)
            self._note_reported_speech(sent, inq)
            for qi in (q for q in by_sent[k] if spans[q].start >= offset):  # begun here
                self._quote(spans[qi], tok_ranges[qi], sents, sent_starts, k, inq)
        self.sent_base += len(sents)
        self._discourse_pass(first_new)

    def _read_sentence(self, sent, ents, inq: list[int]) -> None:
        doc = self._doc
        assert doc is not None
        off = self._offset
        reg = self.registry
        seen: list[int] = []
        for ent in ents:
            if ent.label_ == "PERSON":
                ent = ev.with_hyphenated_tail(ent)
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC") and len(ent) >= 3:
                ent = ev.name_after_title(ent) or ent
            if ent.label_ == "PERSON":
                label = self.non_person.get(fold(strip_possessive(ent.text)))
                if (
                    label is None
                    and len(ent) == 1
                    and reg.find_person(ent.text, strict=True) is None
                    and self._longer_org_name(ent.text) is not None
                ):
                    label = "ORG"  # "Vantara" after "Vantara Micro Devices"
                if label is not None:
                    ent = ev.relabelled(ent, label)
            if inq[ent.start] >= 0 or inq[ent.end - 1] >= 0:
                known = reg.find_person(ent.text) if ent.label_ == "PERSON" else None
                self._entity(ent, known.id if known is not None else None)
                continue
            cid = None
            person = ent.label_ == "PERSON" or (
                ent.label_ in ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT")
                and ent.root.pos_ == "PROPN"
                and reg.find_person(ent.text, strict=True) is None
                and (
                    ev.person_evidence(ent.root, ent.start, ent.end)
                    or (ent.label_ in ("ORG", "PRODUCT", "NORP") and ev.known_first_name(ent))
                )
            )
            if ev.names_a_work(ent) or fold(ent.text) in self.works:
                self.works.add(fold(ent.text))  # "her novel, The Salt Ledger," and after
                person = False
            if person and not self._is_family(ent):
                first = ev.name_start(ent)
                if first > 0 and fold(doc[first - 1].text).rstrip(".") in HONORIFICS:
                    first -= 1  # "Mr. Halvorsen": the title tells the gender
                c = reg.person(
                    doc[first : ent.end].text,
                    doc[first].idx + off,
                    relative=ev.named_relative(ent),
                )
                if c is not None:
                    cid = c.id
                    if c.role is None or not c.role_words:
                        role, words = role_of(doc, ent.start, ent.end)
                        c.set_role(role, words)
                    self._gender_from_apposition(ent, c)
                    if c.age is None:
                        c.age = ev.age_beside(ent)
            elif ent.label_ in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC"):
                c = reg.find_person(ent.text, strict=True) if ent.root.pos_ == "PROPN" else None
                cid = c.id if c is not None else None
                # "The Corrales Basin Water Authority" tagged a work of art: a name that ends
                # in a word for a body is an organisation, whatever the tagger said.
                if (
                    cid is None
                    and (ent.label_ == "ORG" or ent[-1].lower_ in ORG_NOUNS)
                    and ent[-1].lower_ not in PERSON_NOUNS  # "the MEP" tagged ORG
                ):
                    self._add_org(
                        ent.start_char + off,
                        self._longer_org_name(ent.text) or ent.text,
                        ev.is_subject(ent.root),
                        ev.org_words(ent),
                    )
            self._entity(ent, cid, "PERSON" if person and cid is not None else None)
            if cid is not None:
                self._add_mention(ent.root, cid)
                # Only a subject teaches a later pronoun its gender: in "since Zhang's patent
                # came out, she left" the "she" is somebody else.
                if ev.is_subject(ent.root):
                    seen.append(cid)
        for t in sent:
            if inq[t.i] >= 0:
                continue
            pos = t.pos_
            if pos == "PROPN" and not t.ent_type_ and t.lower_ in DOC_NOUNS:
                self._note_document(t, t.lower_)  # "a Department of Energy readout", mis-tagged
            elif pos == "PROPN" and not t.ent_type_ and t.lower_ in ORG_NOUNS:
                self._untagged_body(t)
            elif pos == "PROPN" and not t.ent_type_ and t.i not in self._mention_at:
                cid = self._untagged_name(t)
                if cid is not None and ev.is_subject(t):
                    seen.append(cid)
            elif pos == "NOUN":
                lemma = t.lemma_.lower()
                if is_person_noun(lemma) and t.tag_ == "NN" and t.dep_ != "compound":
                    cid = self._description_mention(t)
                    if cid is not None:
                        seen.append(cid)
                elif lemma in DOC_NOUNS:
                    self._note_document(t, lemma)
                elif lemma in ORG_NOUNS and ev.described_body(t):
                    s, e = sieve.np_span(t)
                    name = self._local(s, e)
                    self._add_org(s + off, name, True, frozenset(fold(name).split()))
            elif (
                pos == "PRON"
                and t.dep_ == "poss"
                and t.lower_ in ("his", "her")
                and t.head.lemma_.lower() in MALE_NOUNS | FEMALE_NOUNS
            ):
                # "Hal Finney died in August, and his wife Fran says …": a relation named
                # through "his"/"her" tells the gender of the one person the sentence is about
                before = {
                    cid
                    for i, cid in self._mention_at.items()
                    if sent.start <= i < t.i and ev.is_subject(doc[i])
                }
                c = reg.clusters[before.pop()] if len(before) == 1 else None
                if c is not None and c.kind == "person":
                    if t.lower_ == "his":
                        c.male += 1
                    else:
                        c.female += 1
            elif pos == "PRON" and t.dep_ in ("nsubj", "nsubjpass"):
                low = t.lower_
                if not (low in MALE_PRONOUNS or low in FEMALE_PRONOUNS):
                    continue
                if len(set(seen)) == 1 and not ev.listener_clause(t):
                    c = reg.clusters[seen[0]]
                    if c.kind == "person":
                        if low in MALE_PRONOUNS:
                            c.male += 1
                        else:
                            c.female += 1
                # "His side, he pointed out, ...": the pronoun carries its person on, so a
                # later "he said" finds them even when the name is sentences back.
                # Only through a person whose gender is known: a guess would teach itself.
                if t.i not in self._mention_at:
                    gender = "m" if low in MALE_PRONOUNS else "f"
                    found = self.resolve_pronoun(t, gender)
                    if found is not None and found.kind == "person" and found.gender == gender:
                        self._add_mention(t, found.id, subject=True)

    def _note_reported_speech(self, sent, inq: list[int]) -> None:
        """Remember who a paragraph says said something, for a quote that opens the next."""
        inside = lambda i: inq[i] >= 0  # noqa: E731
        for t in sent:
            if inq[t.i] >= 0 or not sieve.is_speech_verb(t):
                continue
            subj = sieve.verb_subject(t, inside)
            if subj is None:
                continue
            cid = self._mention_at.get(subj.i)
            if cid is None:
                cid = next(
                    (
                        self._mention_at[c.i]
                        for c in subj.children
                        if c.dep_ == "appos" and c.i in self._mention_at
                    ),
                    None,
                )
            if cid is None or self.registry.clusters[cid].kind == "org":
                continue
            self._speakers_at[t.i] = cid
            para = bisect_right(self._para_starts, t.idx + self._offset) - 1
            self.reported[self._para_first + para] = cid

    def _untagged_body(self, t: Token) -> None:
        """ "The Rivers and Floodplain Authority", untagged: capitalised words ending in a word
        for a body name an organisation, for "the authority" and "the RFA" later."""
        doc = t.doc
        if t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].is_title:
            return  # not the name's last word
        s = t.i
        while s > 0:
            prev = doc[s - 1]
            word = prev.is_title and prev.pos_ == "PROPN" and not prev.ent_type_
            joiner = (
                prev.lower_ in ("and", "of", "for", "&")
                and s > 1
                and doc[s - 2].is_title
                and doc[s - 2].pos_ == "PROPN"
            )
            if not (word or joiner):
                break
            s -= 1
        if s == t.i:
            return
        name = self._local(doc[s].idx, t.idx + len(t.text))
        self._add_org(
            doc[s].idx + self._offset, name, ev.is_subject(t), frozenset(fold(name).split())
        )

    def _untagged_name(self, t: Token) -> int | None:
        """A name the tagger missed: a person named before ("Okafor put it bluntly"), or one
        given in apposition to a person noun ("Her mother, Ana Ruiz, said")."""
        if t.dep_ in ("compound", "flat") and t.head.pos_ == "PROPN" and t.head.i > t.i:
            return None  # the name's last word speaks for it
        s, e = sieve.name_span(t)
        surface = self._local(s, e)
        c = self.registry.find_person(surface)
        if (
            c is None
            and len(surface.split()) > 1
            and (ev.person_evidence(t, t.i, t.i + 1) or ev.untagged_full_name_subject(t, s, e))
        ):
            c = self.registry.person(surface, s + self._offset)
            if c is not None and not c.role_words:
                doc = self._doc
                assert doc is not None
                first = next(k for k in range(t.i, -1, -1) if doc[k].idx <= s)
                c.set_role(*role_of(doc, first, t.i + 1))
        if c is None or c.kind != "person":
            return None
        self._add_mention(t, c.id)
        return c.id

    def _is_family(self, ent) -> bool:
        """ "the Finneys", "the Finney's home": a family, not a person."""
        doc = self._doc
        assert doc is not None
        return (
            ent.start > 0
            and doc[ent.start - 1].lower_ == "the"
            and (ent.text.endswith("s") or ent.text.endswith(("’s", "'s")))
        )

    def _gender_from_apposition(self, ent, c: Cluster) -> None:
        for t in (ent.root.head, *ent.root.children):
            low = t.lemma_.lower()
            if low in MALE_NOUNS:
                c.male += 2
            elif low in FEMALE_NOUNS:
                c.female += 2

    def _entity(self, ent, cid: int | None, label: str | None = None) -> None:
        off = self._offset
        s, t = ent.start_char, ent.end_char
        # The tagger sometimes runs a name into the line break after it; a name has no spaces
        # at its edges (and the parser saw "\r\n" as " \n").
        while t > s and self._local(t - 1, t).isspace():
            t -= 1
        while s < t and self._local(s, s + 1).isspace():
            s += 1
        if s == t:
            return
        e = Entity(s + off, t + off, self._local(s, t), label or ent.label_)
        self.entities.append(e)
        if cid is not None:
            self._entity_cluster.append((e, cid))

    def _add_mention(self, tok: Token, cid: int, subject: bool | None = None) -> None:
        if subject is None:
            subject = ev.is_subject(tok) or (
                tok.dep_ in ("attr", "dobj")
                and tok.head.lemma_.lower() in sieve.SPEECH_VERBS
                and tok.head.i < tok.i
            )
        self.mentions.append(
            MentionRec(tok.idx + self._offset, cid, self._sent, subject, tok.dep_ == "poss")
        )
        self._mention_at[tok.i] = cid
        self.registry.clusters[cid].last_seen = tok.idx + self._offset

    def _description_mention(self, t: Token) -> int | None:
        """A person named by role: attached to a name it is a role, else a mention of its own."""
        for c in t.children:
            if c.pos_ == "PROPN" and (c.dep_ == "appos" or c.ent_type_ == "PERSON"):
                return None
        if t.dep_ == "appos" and t.head.pos_ == "PROPN":
            return None
        if any(c.dep_ == "poss" and c.lower_ == "its" for c in t.children):
            return None  # "its flagship agent": a thing's, not a person
        doc = t.doc
        after = t.right_edge.i + 1
        if (
            after + 1 < len(doc)
            and doc[after].text == ","
            and doc[after + 1].ent_type_ == "PERSON"
            and t.left_edge.i == t.sent.start
        ):
            return None  # "An evolutionary ecologist at X, Hollós has …": her role, fronted
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children) and (
            t.lemma_.lower() in MALE_NOUNS | FEMALE_NOUNS
        ):
            # "his wife": a relation, usually named next, or the person already given that role
            holder = self._role_holder(t)
            if holder is None:
                return None
            self._add_mention(t, holder.id)
            return holder.id
        definite = sieve._np_is_definite(t)
        if not definite and not any(c.dep_ in ("det", "nummod") for c in t.children):
            return None  # "served as mayor": a bare singular names a role, not a person
        if definite:
            cl = self.resolve_description(t, set())
            if cl is None:
                return None
            if cl.kind == "person" and cl.role is None:
                # "The National Unity Party leader said": the text gives the person a role.
                s, e = sieve.np_span(t)
                words = self._local(s, e).split()
                if words and words[0].lower() in ("the", "this", "that"):
                    words = words[1:]
                if len(words) > 1:
                    cl.set_role(" ".join(words), {t.lemma_.lower()})
        elif t.dep_ not in ("dobj", "dative"):
            cl = self.unnamed_source(t)  # "A French diplomat …", "a call from an operator"
        else:
            return None  # "what he would tell a younger player": spoken to, not a source
        self._add_mention(t, cl.id)
        return cl.id

    def _role_holder(self, t: Token) -> Cluster | None:
        """The recent person the text has given this role word ("her husband, Jose Silva")."""
        head = t.lemma_.lower()
        for m in self._recent(t.idx + self._offset):
            c = self.registry.clusters[m.cluster]
            if c.kind == "person" and head in c.role_words:
                return c
        return None

    def _note_document(self, t: Token, lemma: str) -> None:
        """Remember who issued a document ("X released its report") for "the report said"."""
        if t.tag_ == "NNS":
            return  # "she wrote reports on each": no word on who issued "the report"
        candidates = [c for c in t.children if c.dep_ == "poss" and ev.can_author(c)]
        agent = ev.by_agent(t)  # "a report by the Lakeshore Policy Center"
        if agent is not None:
            candidates.append(agent)
        # "a Department of Energy readout", "a Pentagon statement"
        candidates += [c for c in t.lefts if c.dep_ in ("compound", "nmod") and ev.can_author(c)]
        verb = ev.issuing_verb(t)
        if verb is None and t.dep_ == "pobj" and t.head.lower_ == "in" and t.i < t.head.head.i:
            # "In a statement released Wednesday, Varga praised …": whoever acts after it
            verb = t.head.head if t.head.head.pos_ == "VERB" else None
        if verb is not None:
            candidates += [c for c in verb.children if c.dep_ == "nsubj"]
        for author in candidates:
            cl = self._author_cluster(author)
            if cl is not None:
                self.doc_authors[lemma] = cl.id
                return

    def _author_cluster(self, tok: Token) -> Cluster | None:
        """Who a document's issuer is: a name, "the department", or "he"/"she"/"it"."""
        if ev.can_author(tok):
            person = self.known_person(tok)
            return person if person is not None else self.org_cluster(tok)
        low = tok.lower_
        if tok.pos_ == "PRON":
            if low == "it":
                return self.recent_organisation(tok)
            if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
                return self.resolve_pronoun(tok, "m" if low in MALE_PRONOUNS else "f")
            return None
        if tok.pos_ == "NOUN" and sieve._np_is_definite(tok):
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None and tok.lemma_.lower() in PROXY_NOUNS and owner.pos_ == "PRON":
                return self._author_cluster(owner)  # "released by her office": hers
            if tok.lemma_.lower() in ORG_NOUNS:
                return self.recent_organisation(tok)
            if tok.i in self._mention_at:
                return self.registry.clusters[self._mention_at[tok.i]]
        return None

    # --- quotes -------------------------------------------------------------------------------

    def _quote(
        self, qs: QuoteSpan, trange: tuple[int, int], sents, sent_starts, k: int, inq
    ) -> None:
        doc = self._doc
        assert doc is not None
        text = self.text[qs.start : qs.end]
        shape = quote_shape(text, qs.closed)
        if shape == "fragment" and stands_as_sentence(self.text, qs.start, qs.end):
            shape = "speech"
        if shape == "title":
            return
        before = preceding_word(self.text, qs.start)
        if before in NAMING_CUES or (shape != "speech" and before in TITLE_CUES):
            return
        if (shape == "fragment" or len(text.split()) <= 5) and is_name_in_sentence(
            self.text, qs.start, qs.end
        ):
            return
        a, b = trange
        region_start = sents[max(0, bisect_right(sent_starts, a) - 1)].start
        region_end = sents[k].end
        # The cue may sit in the next "sentence" when the parser split after the closing mark.
        if k + 1 < len(sents) and all(not t.is_alpha for t in doc[b + 1 : sents[k].end]):
            nxt = sents[k + 1]
            if self._same_paragraph(qs, nxt.start_char) and any(
                sieve.is_speech_verb(t) for t in nxt[:5]
            ):
                region_end = nxt.end
        # A cue never comes from another paragraph.
        ps, pe = self._paras[qs.paragraph - self._para_first]
        region_start = max(region_start, bisect_left(self._starts, ps - self._offset))
        region_end = min(region_end, bisect_left(self._starts, pe - self._offset))
        cue = sieve.find_cue(doc[region_start:region_end], a, b, lambda i: inq[i] >= 0)
        if (cue is None or cue.subject is None) and qs.opens_paragraph:
            cue = self._cue_before_colon(qs, a, b, inq) or cue
        if cue is None or cue.subject is None or not cue.contains:
            # a clause ending in a colon right before the quote introduces it, even when a
            # speech verb sits elsewhere in the sentence ("Asked what he would tell …, the
            # receiver didn't hesitate: “…”")
            cue = self._clause_before_colon(a, inq) or self._label_before_colon(qs, a, inq) or cue
        subject = cue.subject if cue is not None else None
        named = subject is not None and sieve.mistagged_name(subject, self)
        if shape == "fragment" and not sieve.cue_allows_fragment(cue, a, b, named):
            return
        res = sieve.attribute(cue, self)
        qid = len(self.quotes)
        quote = Quote(id=qid, start=qs.start, end=qs.end, text=text)
        cid: int | None = None
        if res is not None:
            quote.rule = res.rule
            quote.cue = cue.word if cue else None
            if res.mention is not None:
                ms, me = res.mention[0] + self._offset, res.mention[1] + self._offset
                quote.mention = Mention(ms, me, self.text[ms:me])
            if res.cluster is not None:
                cid = res.cluster.id
                self.cluster_of[qid] = cid
                if cue is not None and cue.subject is not None and res.rule == "pronoun":
                    self._add_mention(cue.subject, cid, subject=True)
                    # "he asked": the speaker is now known to be referred to as "he".
                    low = cue.subject.lower_
                    if res.cluster.kind == "person" and low in MALE_PRONOUNS:
                        res.cluster.male += 1
                    elif res.cluster.kind == "person" and low in FEMALE_PRONOUNS:
                        res.cluster.female += 1
        elif cue is not None and cue.subject is not None:
            quote.cue = cue.word
        self.quotes.append(quote)
        self.infos.append(
            sieve.QuoteInfo(
                qid,
                qs.paragraph,
                qs.opens_paragraph,
                qs.closed,
                cid,
                has_cue=cue is not None and cue.subject is not None,
                turn=self._is_turn(qs),
                before=self._preceding_subject(qs, a, sent_starts, sents)
                if cid is None and (cue is None or cue.subject is None)
                else None,
                sent_first=self.sent_base + bisect_right(sent_starts, a) - 1,
                sent_last=self._sent,
                reported=self.reported.get(qs.paragraph - 1) if qs.opens_paragraph else None,
            )
        )

    def _cue_before_colon(self, qs: QuoteSpan, a: int, b: int, inq) -> sieve.Cue | None:
        """A cue ending the previous paragraph with a colon ("Smith said:") introduces this one."""
        n = qs.paragraph - self._para_first
        if n <= 0:
            return None
        ps, pe = self._paras[n - 1]
        if self.text[pe - 1] != ":":
            return None
        doc = self._doc
        assert doc is not None
        lo = bisect_left(self._starts, ps - self._offset)
        hi = bisect_left(self._starts, pe - self._offset)
        if hi <= lo:
            return None
        start = max(lo, doc[hi - 1].sent.start)
        return sieve.find_cue(doc[start:hi], a, b, lambda i: inq[i] >= 0)

    def _clause_before_colon(self, a: int, inq) -> sieve.Cue | None:
        """ "Duarte nodded: “Everything.”": a person's clause ended by a colon introduces the
        quote after it, whatever its verb."""
        doc = self._doc
        assert doc is not None
        if a < 2 or doc[a - 1].text != ":" or inq[a - 1] >= 0:
            return None
        verb = doc[a - 1].head
        if verb.pos_ not in ("VERB", "AUX") or verb.i >= a:
            return None
        subj = sieve.verb_subject(verb, lambda i: inq[i] >= 0)
        if subj is None or not (
            subj.ent_type_ == "PERSON"
            or subj.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS
            or (subj.pos_ == "PROPN" and self.known_person(subj) is not None)
            # "the receiver didn't hesitate: “…”"
            or (
                subj.pos_ == "NOUN"
                and sieve._np_is_definite(subj)
                and is_person_noun(subj.lemma_.lower())
            )
        ):
            return None
        return sieve.Cue(verb, verb.text, subj, contains=True)

    def _label_before_colon(self, qs: QuoteSpan, a: int, inq) -> sieve.Cue | None:
        """ "Harrowgate goalkeeper Ollie Fenwick: “…”": a paragraph that names a person and a
        colon, with no verb, labels the quote after it (the "What they said" style)."""
        doc = self._doc
        assert doc is not None
        if a < 1 or doc[a - 1].text != ":" or inq[a - 1] >= 0:
            return None
        ps = self._paras[qs.paragraph - self._para_first][0]
        lo = bisect_left(self._starts, ps - self._offset)
        label = doc[lo : a - 1]
        # (a name in capitals is often tagged a verb: "HOLLISTER:")
        if not 0 < len(label) <= 16 or any(
            t.pos_ in ("VERB", "AUX") and not t.is_upper for t in label
        ):
            return None
        for t in label:
            if t.is_upper and t.is_alpha and len(label) == 1 and self.known_person(t) is not None:
                return sieve.Cue(t, ":", t, contains=True)  # a transcript: "HOLLISTER: “No.”"
            if t.pos_ != "PROPN" or (t.dep_ in ("compound", "flat") and t.head.i > t.i):
                continue
            if t.ent_type_ == "PERSON" or self.known_person(t) is not None:
                return sieve.Cue(t, ":", t, contains=True)
        return None

    def _preceding_subject(self, qs: QuoteSpan, a: int, sent_starts, sents) -> int | None:
        """The person who is the subject of the sentence just before the quote, in its paragraph."""
        k = bisect_right(sent_starts, a) - 1
        if k <= 0 or qs.opens_paragraph:
            return None
        prev = sents[k - 1]
        ps, _ = self._paras[qs.paragraph - self._para_first]
        if prev.start_char + self._offset < ps:
            return None
        # "As children, Greta says, Ilse was known as …": whoever the sentence says spoke
        for t in prev:
            if sieve.is_speech_verb(t) and t.i in self._speakers_at:
                return self._speakers_at[t.i]
        gsent = self.sent_base + k - 1
        for m in reversed(self.mentions[-30:]):
            if m.sent < gsent:
                break
            if m.sent == gsent and m.subject and self.registry.clusters[m.cluster].kind != "org":
                return m.cluster
        # "He paused. “You never forget that.”": a personal pronoun as that sentence's subject.
        for t in prev:
            if t.dep_ == "nsubj" and t.head.i == prev.root.i:
                low = t.lower_
                gender = "m" if low in MALE_PRONOUNS else "f" if low in FEMALE_PRONOUNS else None
                if gender is None:
                    return None
                c = self.resolve_pronoun(t, gender)
                return c.id if c is not None and c.kind == "person" else None
        return None

    def _is_turn(self, qs: QuoteSpan) -> bool:
        """A short paragraph that opens with a quote: a turn in a conversation (fiction)."""
        ps, pe = self._paras[qs.paragraph - self._para_first]
        if pe - ps > TURN_CHARS:
            return False
        first = self.text[ps]
        return not first.isalnum()

    def _same_paragraph(self, qs: QuoteSpan, char: int) -> bool:
        between = self.text[qs.end : char + self._offset]
        return "\n" not in between and "\r" not in between

    def _discourse_pass(self, first: int) -> None:
        infos = self.infos
        for i in range(first, len(infos)):
            q = infos[i]
            if q.cluster is not None or q.has_cue:
                continue
            prev = infos[i - 1] if i > 0 else None
            nxt = infos[i + 1] if i + 1 < len(infos) else None
            found = sieve.rule_preceding_subject(q, prev)
            if found is None:
                found = sieve.rule_continuation_same_paragraph(q, prev, nxt)
            if found is None and prev is not None:
                before = None
                for j in range(i - 2, max(-1, i - 40), -1):
                    if infos[j].paragraph < prev.paragraph:
                        before = infos[j]
                        break
                found = sieve.rule_continuation_next_paragraph(q, prev, before)
            if found is None:
                found = sieve.rule_reported_speech(q, prev)
            if found is not None:
                q.cluster, rule = found
                self.cluster_of[q.qid] = q.cluster
                self.quotes[q.qid].rule = rule

    # --- the Discourse protocol the sieve uses -------------------------------------------------

    def _local(self, s: int, e: int) -> str:
        """Text of a doc-local character span (``Doc.text`` rebuilds the whole string)."""
        return self.text[s + self._offset : e + self._offset]

    def person_cluster(self, tok: Token) -> Cluster | None:
        s, e = sieve.name_span(tok)
        surface = self._local(s, e)
        known = self.registry.find_person(surface)
        if known is None and (
            tok.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC") or self._body_named(surface)
        ):
            return None
        c = self.registry.person(surface, s + self._offset)
        if c is not None and tok.i not in self._mention_at:
            self._add_mention(tok, c.id)
        return c

    def known_person(self, tok: Token) -> Cluster | None:
        s, e = sieve.name_span(tok)
        return self.registry.find_person(self._local(s, e))

    def org_cluster(self, tok: Token) -> Cluster:
        span = ev.entity_span(tok)
        s, e = span or sieve.np_span(tok)
        surface = self._local(s, e)
        # "the RFA" after "the Rivers and Floodplain Authority"; "Vantara" after "Vantara Micro
        # Devices"
        named_before = self._org_by_acronym(surface) or self._longer_org_name(surface)
        if named_before is not None:
            return self.registry.org(named_before, s + self._offset, named=True)
        # "the Congressional Budget Office" and "the Vatican" are named without "the"; "the
        # Church" keeps it (a one-word name that is also a common noun).
        named = span is not None and len(surface.split()) > 2
        return self.registry.org(surface, s + self._offset, named=named)

    def _body_named(self, surface: str) -> bool:
        """A name the tagger called a person that the text shows is a body or a place."""
        return (
            fold(strip_possessive(surface)) in self.non_person
            or self._longer_org_name(surface) is not None
        )

    def _add_org(self, start: int, name: str, subject: bool, words: frozenset[str]) -> None:
        """Remember an organisation named at char start (for "the company" and "it said")."""
        self.orgs.append((start, self._sent, name, subject, words))
        bare = name.removeprefix("the ").removeprefix("The ")
        if " " in bare:
            self._org_names_by_first.setdefault(_org_key(bare), set()).add(bare)

    def _longer_org_name(self, surface: str) -> str | None:
        """ "Vantara Micro Devices" for "Vantara": a one-word short form of an organisation
        named in full before."""
        key = fold(strip_possessive(surface)).removeprefix("the ")
        if " " in key or len(key) < 3 or not key.isalpha():
            return None
        longer = self._org_names_by_first.get(key, set())
        # one longer name only: "Crestmoor" beside "Crestmoor Healthcare Group" and "Crestmoor
        # of Bowling Green" stays as written
        return next(iter(longer)) if len(longer) == 1 else None

    def _org_by_acronym(self, surface: str) -> str | None:
        key = fold(surface).removeprefix("the ").strip()
        if not (2 <= len(key) <= 6 and key.isalpha() and surface[-len(key) :].isupper()):
            return None
        for org in reversed(self.orgs[-50:]):
            name = fold(org[2]).removeprefix("the ")
            if initials(name) == key:
                return org[2]
        return None

    def unnamed_source(self, tok: Token) -> Cluster:
        if tok.i in self._mention_at:
            return self.registry.clusters[self._mention_at[tok.i]]
        s, e = sieve.np_span(tok, with_prep=True)
        definite = sieve._np_is_definite(tok)
        return self.registry.description(
            self._local(s, e), tok.lemma_.lower(), definite, s + self._offset
        )

    def _recent(self, before: int):
        """Mentions before char offset ``before``, most recent first, within the window."""
        lo = self._sent - WINDOW_SENTENCES
        for m in reversed(self.mentions[-200:]):
            if m.sent < lo:
                break
            if m.start < before:
                yield m

    def resolve_pronoun(
        self, tok: Token, gender: str | None, exclude: frozenset[int] = frozenset()
    ) -> Cluster | None:
        before = tok.idx + self._offset

        def fits(c: Cluster) -> bool:
            return (
                c.kind != "org"
                and c.id not in exclude
                and (gender is None or c.gender in (None, gender))
            )

        return self._salient(self._recent(before), self._sent, fits)

    def _salient(self, mentions, current: int, fits) -> Cluster | None:
        """The first fitting cluster by salience: in the current sentence the nearest subject
        before; in earlier ones, most recent sentence first, subjects before other mentions."""
        reg = self.registry
        by_sent: dict[int, list[MentionRec]] = {}
        order: list[int] = []
        for m in mentions:
            if m.sent not in by_sent:
                by_sent[m.sent] = []
                order.append(m.sent)
            by_sent[m.sent].append(m)
        for s in order:
            ms = sorted(by_sent[s], key=lambda m: m.start)
            if s == current:
                ranked = [m for m in reversed(ms) if m.subject]
            else:
                ranked = [m for m in ms if m.subject] + [m for m in ms if not m.subject]
            for m in ranked:
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

    def resolve_description(self, tok: Token, exclude: set[int]) -> Cluster | None:
        if tok.i in self._mention_at:
            c = self.registry.clusters[self._mention_at[tok.i]]
            if c.id not in exclude:
                return c
        before = tok.idx + self._offset
        reg = self.registry
        age = sieve.age_of(tok)
        if age is not None:
            # "the 52-year-old": the person given that age, else the latest person subject
            # whose age is not known to differ.
            aged = [c for c in reg.clusters if c.kind == "person" and c.age == age]
            if aged and aged[-1].id not in exclude:
                return max(aged, key=lambda c: c.last_seen)
            for m in self._recent(before):
                c = reg.clusters[m.cluster]
                if m.subject and c.kind == "person" and c.age is None and c.id not in exclude:
                    return c
            return None
        head = tok.lemma_.lower()
        words = {
            c.lemma_.lower()
            for c in tok.lefts
            if c.dep_ in ("amod", "compound") and c.is_alpha and c.lower_ not in VAGUE_WORDS
        } | {head}
        recent = [m for m in self._recent(before) if m.cluster not in exclude]
        # 1. a person whose role shares the head noun (or two words) with the description
        for m in recent:
            c = reg.clusters[m.cluster]
            if c.kind == "person" and head in c.role_words and words <= c.role_words | {head}:
                return c
        # 1b. a role that specific ("the council leader") names its holder from further back
        if len(words) >= 2:
            holders = [
                c
                for c in reg.clusters
                if c.kind == "person"
                and c.id not in exclude
                and head in c.role_words
                and words <= c.role_words | {head}
                and c.last_seen < before
            ]
            if holders:
                return max(holders, key=lambda c: c.last_seen)
        if sieve.nationality_noun(tok):
            # "the Norwegian said", no role that says so: like an age, the latest person subject
            for m in recent:
                c = reg.clusters[m.cluster]
                if m.subject and c.kind == "person":
                    return c
        # 2. an unnamed source with the same head noun
        same = reg.described(head)
        if same is not None and same.id not in exclude and same.last_seen < before:
            return same
        # 3. the most recent person (or unnamed source) mentioned, passing over possessors in
        # the same sentence, and anyone in what a trailing attribution reports ("Lucia's shift
        # ended after she left, the prosecutor said")
        reported: list[tuple[int, int]] = []
        if tok.dep_ in ("nsubj", "nsubjpass") and sieve.is_speech_verb(tok.head):
            off = self._offset
            reported = [
                (c.left_edge.idx + off, c.right_edge.idx + len(c.right_edge.text) + off)
                for c in tok.head.children
                if c.dep_ == "ccomp" and c.i < tok.i
            ]
        for m in recent:
            c = reg.clusters[m.cluster]
            if m.sent == self._sent and (m.poss or any(a <= m.start < b for a, b in reported)):
                continue
            if c.kind != "org":
                return c
        return None

    def document_author(self, tok: Token) -> Cluster | None:
        for c in tok.children:
            if c.dep_ == "poss" and ev.can_author(c):
                return self.known_person(c) or self.org_cluster(c)
        agent = ev.by_agent(tok)
        if agent is not None:  # "a report by the research firm Gallup", "written by the company"
            found = self._author_cluster(agent)
            if found is not None:
                return found
        for c in tok.lefts:  # "a company statement": the company last named
            if c.dep_ == "compound" and c.lemma_.lower() in ORG_NOUNS:
                org = self.recent_organisation(c)
                if org is not None:
                    return org
        names = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and ev.can_author(c)]
        if names:  # "a Pentagon statement", "a State Department readout"
            s, e = names[0].left_edge.idx, names[-1].idx + len(names[-1].text)
            return self.registry.org(self._local(s, e), s + self._offset)
        cid = self.doc_authors.get(tok.lemma_.lower())
        return self.registry.clusters[cid] if cid is not None else None

    def recent_organisation(self, tok: Token) -> Cluster | None:
        """The organisation "the authority" or "it" stands for: the latest one whose name has
        that word ("Corrales Basin Water Authority"), however far back; else, among the recent
        ones, the last that did something (a subject), else the last one named."""
        before = tok.idx + self._offset
        lo = self._sent - WINDOW_SENTENCES
        head = tok.lemma_.lower() if tok.pos_ == "NOUN" else ""
        earlier = [org for org in reversed(self.orgs) if org[0] < before]
        recent = [org for org in earlier[:50] if org[1] >= lo]
        chosen = (
            next((o for o in earlier if head and head in o[4]), None)
            or next((o for o in recent if o[3]), None)
            or (recent[0] if recent else None)
            or self._most_named_org(earlier)
        )
        if chosen is None:
            return None
        start, _, name, _, _ = chosen
        return self.registry.org(name, start, named=len(name.split()) > 2)

    @staticmethod
    def _most_named_org(earlier: list[tuple[int, int, str, bool, frozenset[str]]]):
        """With none named lately, the organisation the text has named most (the latest of
        those): what "the company" means in an article about one company."""
        if not earlier:
            return None
        counts: dict[str, int] = {}
        for org in earlier:
            key = _org_key(org[2])
            counts[key] = counts.get(key, 0) + 1
        best = max(counts.values())
        return next(o for o in earlier if counts[_org_key(o[2])] == best)

    # --- output -------------------------------------------------------------------------------

    def snapshot(self, *, doc: str = "", model: str = "") -> Analysis:
        """The analysis of everything read so far (canonical names as now known)."""
        clusters = self.registry.clusters
        for q in self.quotes:
            cid = self.cluster_of.get(q.id)
            q.speaker = clusters[cid].canonical if cid is not None else None
        for e, cid in self._entity_cluster:
            e.speaker = clusters[cid].canonical
        speakers = summarise(self.quotes, self.registry, self.cluster_of)
        return Analysis(
            doc=doc,
            model=model,
            engine=ENGINE_VERSION,
            quotes=list(self.quotes),
            speakers=speakers,
            entities=list(self.entities),
        )
