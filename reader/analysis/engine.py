"""The engine: the stages run over parsed text, in one linear pass.

``Engine`` reads parsed Docs in text order (bounded pieces for ``analyze`` and the stream, one
Doc for the spaCy component). For each sentence: stage 1 records its mentions
(``mentions``); for each quote that ends in it, stage 2 finds the cue (``cues``), stage 4 the
cue rules choose the speaker (``sieve.CUE_RULES``) and stage 3 notes what the discourse rules
will weigh (``candidates``); after each Doc the discourse rules attribute the quotes left
without a cue (``sieve.DISCOURSE_RULES``). Everything the stages share is the discourse state
(``references.DiscourseState``). No stage re-parses anything.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from reader.analysis import evidence as ev
from reader.analysis.candidates import is_turn, preceding_subject, resting_mention
from reader.analysis.changes import Changes
from reader.analysis.cue_sentence import attribute_at_cue
from reader.analysis.cues import quote_cue, quote_shape_of, said_of_whom
from reader.analysis.described import age_phrase_start, age_word
from reader.analysis.dialogue import turn_addressee, vocatives
from reader.analysis.exchange import MAX_RUN, decode
from reader.analysis.fragment_cues import cue_allows_fragment
from reader.analysis.fragments import FragmentReader
from reader.analysis.genders import gender_from_cue_pronoun
from reader.analysis.mentions import note_reported_speech, read_sentence
from reader.analysis.model import ENGINE_VERSION, Analysis, Delta, Mention, Quote, Speaker
from reader.analysis.names import fold, strip_possessive
from reader.analysis.naming import lost_complement
from reader.analysis.narrator import NarratorNames, another_person, call_narrator, has_spoken
from reader.analysis.news import supported
from reader.analysis.paired import paired_cue
from reader.analysis.quotes import QuoteSpan, paragraphs, primary_marks, quotes_in_paragraphs
from reader.analysis.ranker import (
    RANK,
    Choice,
    Record,
    choose,
    default_ranker,
    fiction_from_start,
    in_dialogue,
    settle,
)
from reader.analysis.ranker_features import pronoun_gender
from reader.analysis.references import DiscourseState
from reader.analysis.scare import raised_subject
from reader.analysis.sieve.named import mistagged_name
from reader.analysis.state import QuoteInfo
from reader.analysis.syntax import np_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from reader.analysis.cluster import Cluster
    from reader.analysis.cue_types import Cue


class Engine:
    """Reads parsed text in order and accumulates the analysis."""

    def __init__(self, text: str, *, primary: str | None = None) -> None:
        self.text = text
        self.primary = primary or primary_marks(text)
        self.state = DiscourseState(text)
        self.changes = Changes(self.state)
        self.narrator_names = NarratorNames()
        #: The quotes before this one have been counted for the narrator's name.
        self.named_upto = 0
        #: Who weighs the candidates of a quote with no cue (None: the sieve's first rule);
        #: ``record`` collects their evidence for ``tools/train_ranker.py``.
        self.ranker = default_ranker()
        self.record: list[Record] | None = None
        self.fragments = FragmentReader(text, self.primary)
        self.state.told_as_dialogue = self.fragments.is_dialogue()
        self.state.fiction = fiction_from_start(text, self.state.told_as_dialogue)
        #: The current Doc's quotes kept with a cue, which a fragment beside one may share.
        self.kept: list[tuple[int, int, Cue]] = []

    @property
    def para_base(self) -> int:
        """The number of the next paragraph to read (the stream numbers a long one's pieces)."""
        return self.state.para_base

    def feed(
        self,
        doc: Doc,
        offset: int = 0,
        paras: list[tuple[int, int]] | None = None,
        spans: list[QuoteSpan] | None = None,
        first_para: int | None = None,
    ) -> None:
        """Read one parsed Doc whose text is self.text[offset:offset + len(doc.text)]; a piece of
        a paragraph too long for one Doc comes with that paragraph, its number and its quotes."""
        st = self.state
        end = offset + (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0)
        paras = paragraphs(self.text, offset, end) if paras is None else paras
        first_para = st.para_base if first_para is None else first_para
        if spans is None:
            spans = quotes_in_paragraphs(self.text, paras, self.primary, first_para)
        st.start_doc(doc, offset, paras, first_para)
        self.kept = []
        n = len(doc)
        if n == 0:
            return
        starts = st.starts = [t.idx for t in doc]
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
        ents_by_sent: list[list[Span]] = [[] for _ in sents]
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                label = ev.not_a_person(ent)
                if label is not None:
                    st.non_person.setdefault(fold(strip_possessive(ent.text)), label)
            ents_by_sent[bisect_right(sent_starts, ent.start) - 1].append(ent)
        first_new = len(st.infos)
        for k, sent in enumerate(sents):
            st.sent = st.sent_base + k
            read_sentence(st, sent, ents_by_sent[k], inq)
            note_reported_speech(st, sent, inq)
            for qi in (q for q in by_sent[k] if spans[q].start >= offset):  # begun here
                self._quote(spans[qi], tok_ranges[qi], sents, sent_starts, k, inq)
        st.sent_base += len(sents)
        self._discourse_pass(first_new)

    def _quote(
        self,
        qs: QuoteSpan,
        trange: tuple[int, int],
        sents: list[Span],
        sent_starts: list[int],
        k: int,
        inq: list[int],
    ) -> None:
        st = self.state
        shape = quote_shape_of(st, qs)
        a, b = trange
        used = None
        if shape is None:
            # a name or a title, unless the sentence says who uses the words
            used = self.fragments.used(st, a, b, lambda i: inq[i] >= 0)
            if used is None:
                return
            shape = "fragment"
        cue = used or quote_cue(st, qs, trange, sents, sent_starts, k, inq)
        if cue is not None and cue.subject is None and cue.kind == "verb":
            cue = self.fragments.stray(st, cue, lambda i: inq[i] >= 0)
        subject = cue.subject if cue is not None else None
        named = subject is not None and mistagged_name(subject, st)
        if used is None and shape == "fragment" and not cue_allows_fragment(cue, a, b, named):
            cue = self.fragments.cue(st, a, b, lambda i: inq[i] >= 0)
            if cue is not None and raised_subject(cue):
                return  # "allowing him to join the network and “mine” bitcoins"
            if cue is None and not self.fragments.is_dialogue():
                sent_start = sents[bisect_right(sent_starts, a) - 1].start
                cue = paired_cue(st.doc, a, b, sent_start, self.kept)  # "“X” and “Y”"
                cue = cue or lost_complement(st.doc, a, b, lambda i: inq[i] >= 0)
            if cue is None:
                return
            subject = cue.subject
        elif shape == "speech" and subject is None and not qs.opens_paragraph:
            # "The ad targets a “corrupt political system …”": a quoted sentence inside the
            # writer's clause is the words of that clause's subject, as a fragment would be
            cue = self.fragments.cue(st, a, b, lambda i: inq[i] >= 0) or cue
            subject = cue.subject if cue is not None else None
        if cue is not None:
            self.kept.append((a, b, cue))
        res = attribute_at_cue(st, cue, a, sent_starts)
        qid = len(st.quotes)
        quote = Quote(id=qid, start=qs.start, end=qs.end, text=self.text[qs.start : qs.end])
        cid: int | None = None
        if res is not None:
            quote.rule = res.rule
            quote.cue = cue.word if cue else None
            if res.mention is not None:
                ms, me = res.mention[0] + st.offset, res.mention[1] + st.offset
                quote.mention = Mention(ms, me, self.text[ms:me])
            if res.cluster is not None:
                cid = res.cluster.id
                st.cluster_of[qid] = cid
                if subject is not None and res.pronoun:
                    st.record_mention(subject, cid, subject=True)
                    gender_from_cue_pronoun(st, subject, res.cluster)
        elif subject is not None:
            quote.cue = cue.word if cue else None
            # "they say", "most said": no one found, but the words the cue names are still
            # the ones the attribution rests on (its subject only: not the object of "“Beat
            # the Heat,” recommends such breaks")
            ms, me = np_span(subject)
            if age_word(subject) and not subject.dep_.startswith("nsubj"):
                # "“…?” the 43-year-old asked": the parser hung the age on the verb
                ms = subject.doc[age_phrase_start(subject)].idx
            if (subject.dep_.startswith("nsubj") or age_word(subject)) and all(
                inq[t.i] < 0 for t in subject.doc.char_span(ms, me) or ()
            ):
                ms, me = ms + st.offset, me + st.offset
                quote.mention = Mention(ms, me, self.text[ms:me])
        st.quotes.append(quote)
        has_cue = subject is not None
        addressee, addressed = self._addressee(a, b)
        info = QuoteInfo(
            qid,
            qs.paragraph,
            qs.opens_paragraph,
            qs.closed,
            cid,
            has_cue=has_cue,
            turn=is_turn(st, qs),
            before=preceding_subject(st, qs, a, sent_starts, sents)
            if cid is None and not has_cue
            else None,
            intro=preceding_subject(st, qs, a, sent_starts, sents, across=True)
            if cid is None and not has_cue
            else None,
            sent_first=st.sent_base + bisect_right(sent_starts, a) - 1,
            sent_last=st.sent,
            reported=st.reported.get(qs.paragraph - 1) if qs.opens_paragraph else None,
            start=qs.start,
            end=qs.end,
            cue_at=subject.idx + st.offset if subject is not None else None,
            addressee=addressee,
            person=res is not None and res.cluster is not None and res.cluster.kind == "person",
            addressee_cluster=addressed.id if addressed is not None else None,
            # "she replied" that no rule resolved is still a woman's turn, for the ranker
            pronoun=pronoun_gender(subject)
            if (res is not None and res.pronoun) or cid is None
            else None,
            cited=cue is not None and said_of_whom(cue.token),
        )
        info.turn_addressee = turn_addressee(st.infos[-1] if st.infos else None, info)
        st.infos.append(info)
        if in_dialogue(st.infos, len(st.infos) - 1):
            st.registry.familiar = True  # a story: from the next name on

    def _addressee(self, a: int, b: int) -> tuple[str | None, Cluster | None]:
        """The name the quote over tokens a..b calls someone by, as written, and the person
        it names: the first such name that names a known person, else the first."""
        st = self.state
        doc = st.doc
        first: str | None = None
        for start, end in vocatives(doc, a, b) if doc is not None else ():
            last = doc[end - 1]
            name = st.local(doc[start].idx, last.idx + len(last.text))
            found = st.registry.find_person(name)
            if found is not None:
                return name, found
            first = first or name
        return first, None

    def _discourse_pass(self, first: int) -> None:
        st = self.state
        infos = st.infos
        i = first
        while i < len(infos):
            if not _open(infos[i]):
                i += 1
                continue
            settled = settle(st, infos, i)
            if not isinstance(settled, str):
                self._settle(i, settled)
                i += 1
                continue
            if self.ranker is None:
                self._settle(i, choose(st, infos, i, None, self.record))
                i += 1
                continue
            run = [i]
            for j in range(i + 1, len(infos)):
                if not (_open(infos[j]) and (st.fiction or in_dialogue(infos, j))):
                    break
                prev = infos[j - 1]
                if prev.has_cue and prev.paragraph == infos[j].paragraph:
                    break  # it may carry on the pronoun quote before it, once decided
                if len(run) == MAX_RUN or settle(st, infos, j) != RANK:
                    break
                run.append(j)
            for j, found in zip(run, decode(st, infos, run, self.ranker, self.record), strict=True):
                if not st.fiction and not st.told_as_dialogue:
                    found = supported(st, infos, j, found)
                self._settle(j, found)
            i = run[-1] + 1
            self._name_narrator(max(first, self.named_upto), i)
        self._name_narrator(first, len(infos))

    def _name_narrator(self, first: int, last: int) -> None:
        """Name the narrator as the turns decided so far (``first`` to ``last``) call them;
        a name new to them reaches the quotes read but not yet decided."""
        st = self.state
        self.named_upto = last
        if st.narrator_id is None:
            return
        name = self.narrator_names.vote(
            st.infos,
            first,
            st.narrator_id,
            lambda n: st.registry.find_person(n) is None,
            lambda n: another_person(st, n),
            last,
            lambda n: has_spoken(st, n),
        )
        if name is None:
            return
        narrator = st.registry.clusters[st.narrator_id]
        before = narrator.canonical
        was = st.registry.name_narrator(narrator, name, take=not has_spoken(st, name))
        if narrator.canonical != before:
            call_narrator(st, st.infos, last, was)

    def _settle(self, i: int, found: Choice | None) -> None:
        """Give quote i (no cue, or a pronoun cue) the speaker ``found``."""
        st = self.state
        q = st.infos[i]
        if found is None:
            return
        if found.confidence is not None:
            st.confidence[q.qid] = found.confidence
        if found.cluster == q.cluster:
            return
        if q.pronoun is not None:  # "she said" means the one chosen
            st.remention(q.cue_at, q.sent_first, q.sent_last, found.cluster)
        q.cluster, rule = found.cluster, found.rule
        st.cluster_of[q.qid] = q.cluster
        st.quotes[q.qid].rule = rule
        if rule in ("continuation", "continuation_next_paragraph", "runs_on"):
            self._share_mention(i, q.cluster, same_paragraph=rule == "continuation")
        quote = st.quotes[q.qid]
        if quote.mention is None:  # the words the choice rests on
            found_at = resting_mention(st, q, q.cluster)
            if found_at is not None:
                quote.mention = Mention(*found_at, self.text[found_at[0] : found_at[1]])

    def _share_mention(self, i: int, cluster: int, same_paragraph: bool = True) -> None:
        """“A,” he said. “B.”: a quote carried on from its neighbour (in the paragraph, or
        the last quote of the paragraph before) rests on the same words naming the speaker,
        so it takes that quote's mention."""
        st = self.state
        infos = st.infos
        para = infos[i].paragraph - (0 if same_paragraph else 1)
        for j in (i - 1, i + 1) if same_paragraph else (i - 1,):
            if not (0 <= j < len(infos) and infos[j].paragraph == para):
                continue
            if infos[j].cluster == cluster and st.quotes[infos[j].qid].mention is not None:
                st.quotes[infos[i].qid].mention = st.quotes[infos[j].qid].mention
                return

    def step(self, *, final: bool = False) -> Delta:
        """What changed since the last step (or snapshot), the records' speakers brought up to
        date: in time proportional to the change, however long the text. The ``final`` step,
        once the whole text is read, also makes the entities agree with the speakers."""
        return self.changes.step(final=final)

    def snapshot(self, *, doc: str = "", model: str = "") -> Analysis:
        """The analysis of everything read so far (canonical names as now known)."""
        speakers = self.step(final=True).speakers
        return self.analysis(speakers, doc=doc, model=model)

    def analysis(self, speakers: list[Speaker], *, doc: str = "", model: str = "") -> Analysis:
        """The records as the last step left them, in lists of their own."""
        st = self.state
        return Analysis(
            doc=doc,
            model=model,
            engine=ENGINE_VERSION,
            quotes=list(st.quotes),
            speakers=speakers,
            entities=list(st.entities),
        )


def _open(q: QuoteInfo) -> bool:
    """Whether the discourse pass still has quote q to decide: no cue, or a pronoun cue."""
    return (q.cluster is None and not q.has_cue) or q.pronoun is not None
