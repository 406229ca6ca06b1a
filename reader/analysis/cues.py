"""Stage 2, the cue: which quotation marks hold somebody's words, and the speech verb (or
"according to", or a label with a colon) that says whose, with its speaker slot.

``find_cue`` ranks the candidates in a region (a verb whose clause holds the quote first);
``quote_cue`` chooses the region and falls back on a colon (``colons.py``);
(``fragment_cues.cue_allows_fragment`` decides whether a short fragment is somebody's words.)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.analysis.colons import (
    clause_before_colon,
    label_before_colon,
    label_bounds,
    signed_after,
)
from reader.analysis.cue_types import Cue
from reader.analysis.described import age_word
from reader.analysis.lexicon import NAMING_VERBS
from reader.analysis.quote_context import cried_out, in_headline, title_cued
from reader.analysis.quotes import (
    QuoteSpan,
    is_name_in_sentence,
    quote_shape,
    stands_as_sentence,
)
from reader.analysis.reported import (
    judging_reporter,
    participle_reporter,
    reporting_speaker,
)
from reader.analysis.subject_slips import noun_taken_for_verb
from reader.analysis.syntax import is_speech_verb, relative_clause_of, verb_subject

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from reader.analysis.references import DiscourseState


def according_to_object(tok: Token) -> Token | None:
    """X in "according to X"."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    for child in nxt.children:
        if child.dep_ == "pobj":
            return child
    j = nxt.i + 1
    while j < len(tok.doc) and tok.doc[j].pos_ in ("DET", "ADJ", "PUNCT"):
        j += 1
    return tok.doc[j] if j < len(tok.doc) and tok.doc[j].pos_ in ("PROPN", "NOUN") else None


def passes_on_speech(according: Token, inside_quote: Callable[[int], bool]) -> bool:
    """ "the judge said, according to the Post": the report hangs from a speech verb whose
    subject spoke, so the words are the judge's and the Post only passes them on."""
    verb = according.head
    return (
        verb.i != according.i
        and not inside_quote(verb.i)
        and is_speech_verb(verb)
        and verb_subject(verb, inside_quote) is not None
    )


#: How far from a quote, in tokens, its cue may be: further than any sentence of prose
#: reaches, and short enough that a sentence of thousands of quotes is read in linear time.
CUE_WINDOW = 120
#: How many words into the next "sentence" (the parser split at the closing mark) a quote's
#: speech verb may stand when it is that sentence's root.
NEXT_SENTENCE_REACH = 14


def find_cue(
    doc_tokens: Span | Sequence[Token],
    q_first: int,
    q_last: int,
    inside_quote: Callable[[int], bool],
) -> Cue | None:
    """The best cue for the quote spanning tokens q_first..q_last among the region's tokens.

    A speech verb whose clause contains the quote wins; otherwise the nearest cue outside quotes.
    """
    best: Cue | None = None
    best_key: tuple[int, int] | None = None
    held: list[Cue] = []  # speech verbs whose clause holds the quote, with a subject
    words = quoted_words(doc_tokens, q_first, q_last)
    for tok in doc_tokens:
        if inside_quote(tok.i):
            continue
        lower = tok.lower_
        if lower == "according":
            obj = according_to_object(tok)
            if obj is None or passes_on_speech(tok, inside_quote):
                continue
            cue = Cue(tok, "according to", obj, contains=True, kind="according")
            rank = 1
        elif is_speech_verb(tok):
            # Judge by the quoted words: parsers often attach the marks elsewhere (and, past a
            # relative clause's own end, the closing stop: see quoted_words)
            inner_first, inner_last = (
                words
                if said_by_who(tok) or said_of_whom(tok)
                else (q_first + 1, q_last - 1)
                if q_last - q_first > 1
                else (q_first, q_last)
            )
            contains = (
                tok.left_edge.i <= inner_first and tok.right_edge.i >= inner_last
            ) or opens_quote(tok, q_first)
            subj = participle_reporter(tok, inside_quote) or verb_subject(tok, inside_quote)
            cue = Cue(tok, tok.text, subj, contains=contains)
            rank = 0 if contains and cue.subject is not None else 2
            if rank == 0 and any(c.dep_ == "neg" for c in tok.children):
                # "Comey cannot say that “…,” Lewandowski added": a speech act denied holds
                # the words of whoever denies it, if another verb says who
                rank = 1
            if cue.subject is None:
                rank = 3
            if rank in (0, 2) and tok.left_edge.i <= words[0] and tok.right_edge.i >= words[1]:
                held.append(Cue(tok, tok.text, subj, contains=True))
        elif (tagged := noun_taken_for_verb(tok, inside_quote)) is not None:
            cue = Cue(tok, tok.text, tagged, contains=True)  # "“…,” the email read."
            rank = 0
        else:
            continue
        dist = q_first - tok.i if tok.i < q_first else tok.i - q_last
        key = (rank, dist)
        if best_key is None or key < best_key:
            best, best_key = cue, key
    if best is not None and best_key is not None and best_key[0] == 0:
        best = innermost(best, held, q_first)
        outer = reporting_speaker(best.token, inside_quote) or judging_reporter(
            best.token, inside_quote
        )
        if outer is not None:
            return Cue(outer[0], outer[0].text, outer[1], contains=True)
    return best


def innermost(best: Cue, held: list[Cue], q_first: int) -> Cue:
    """ "After Judge Hale said that some students might do better at “less demanding
    schools,” Reed said: …", "Hale calls him “Mr. Reed,” while Reed calls her “Ann.”": of two
    speech verbs whose clauses both hold the quote, the one of an adverbial clause inside the
    other's, with a subject of its own and before the quote, reports it, however near the
    outer one stands. Not a participle, whose subject is borrowed ("…, citing a case of
    “gross negligence”")."""
    inner = [
        c
        for c in held
        if c.token is not best.token
        and c.token.dep_ == "advcl"
        and c.token.i < q_first
        and c.token.tag_ != "VBG"
        and any(s.dep_ == "nsubj" for s in c.token.children)
        and best.token.is_ancestor(c.token)
    ]
    if not inner:
        return best
    return min(inner, key=lambda c: c.token.right_edge.i - c.token.left_edge.i)


def opens_quote(verb: Token, q_first: int) -> bool:
    """ "Cruz said as the heckler yelled: “You suck!”": a speech verb with a subject of its
    own right before the quote, past only a comma, a colon or a particle, introduces it,
    wherever the parser hung the marks (here from "said", so the heckler's words went to
    Cruz). Not a participle, whose subject is borrowed ("told Newsmax that Romney …, adding,
    “…”"), nor a relative clause's verb ("a voice that said “…”"), nor a verb the quote only
    goes on from ("Nothing the president said “will assuage …”": no comma, no capital), nor
    a name given ("which Quillmate calls “Closer.”")."""
    doc = verb.doc
    if verb.i >= q_first or verb.tag_ == "VBG" or q_first + 1 >= len(doc):
        return False
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj or subj[0].tag_ in ("WP", "WDT"):
        return False
    between = [doc[j] for j in range(verb.i + 1, q_first)]
    if not all(t.text in (",", ":") or t.is_space or t.dep_ in ("prt", "advmod") for t in between):
        return False
    if any(t.text in (",", ":") for t in between):
        return True
    # "which Quillmate calls “Closer.”": a capital after a naming verb is a name given
    return doc[q_first + 1].text[:1].isupper() and verb.lemma_.lower() not in NAMING_VERBS


def said_by_who(verb: Token) -> bool:
    """", who added that …", ", who runs the shelter and who told …": a speech verb in a
    relative clause on a person (or a later conjunct of one, with its own "who")."""
    return (verb.dep_ == "relcl" or relative_clause_of(verb) is not None) and any(
        c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children
    )


def said_of_whom(verb: Token) -> bool:
    """ "Ward, whom Hale called “a coward,” did not respond", "the server, which he described
    as “like an open orchid,”": a speech verb in a relative clause whose relative word is its
    object, not its subject ("a sign that read"), holds the quote the parser may close past
    the clause's end. Not a name given ("which Quillmate calls “Closer.”")."""
    if verb.dep_ != "relcl" or (verb.lemma_.lower() in NAMING_VERBS and _capitalised_after(verb)):
        return False
    rel = [c for c in verb.children if c.tag_ in ("WP", "WDT")]
    return bool(rel) and all(c.dep_ not in ("nsubj", "nsubjpass") for c in rel)


def _capitalised_after(verb: Token) -> bool:
    """The first word of the quote right after ``verb`` has a capital."""
    doc = verb.doc
    j = verb.i + 1
    while j < len(doc) and (doc[j].is_punct or doc[j].is_space):
        j += 1
    return j < len(doc) and doc[j].text[:1].isupper()


def quoted_words(doc_tokens: Span | Sequence[Token], q_first: int, q_last: int) -> tuple[int, int]:
    """The first and last quoted words: a speech verb holds a quote when its clause holds
    them, wherever the parser hung the marks and the closing stop ("…, who added that it
    plans to act “like folks are running for sheriff.”": the stop hangs from "said")."""
    if q_last - q_first <= 1 or not len(doc_tokens):
        return q_first, q_last
    doc = doc_tokens[0].doc
    first, last = q_first + 1, q_last - 1
    while first < last and doc[first].is_punct:
        first += 1
    while last > first and doc[last].is_punct:
        last -= 1
    return first, last


def quote_shape_of(st: DiscourseState, qs: QuoteSpan) -> str | None:
    """The quote's shape ("speech", "fragment"), or None when the marks hold no one's words:
    a title, a name given ("dubbed “Frogeye”"), a capitalised name in a sentence."""
    text = st.text[qs.start : qs.end]
    shape = quote_shape(text, qs.closed)
    if shape == "fragment" and stands_as_sentence(st.text, qs.start, qs.end):
        shape = "speech"
    cried = cried_out(st.text, qs.start)
    if cried is not None:
        return "speech" if shape == "speech" else cried
    if in_headline(st.text, qs.start, qs.end, *st.paras[qs.paragraph - st.para_first]):
        return "fragment" if shape == "title" else shape  # its capitals are the headline's
    if shape == "title":
        return None
    if title_cued(st.text, qs.start, qs.end, shape):
        return None
    if (shape == "fragment" or len(text.split()) <= 5) and is_name_in_sentence(
        st.text, qs.start, qs.end
    ):
        return None
    return shape


def quote_cue(
    st: DiscourseState,
    qs: QuoteSpan,
    trange: tuple[int, int],
    sents: list[Span],
    sent_starts: list[int],
    k: int,
    inq: list[int],
) -> Cue | None:
    """The cue of the quote at tokens ``trange`` (its last word in sentence ``k``): from its
    sentence (and the next, when the parser split at the closing mark), never from another
    paragraph; else a cue or a clause or a label ending in a colon just before it."""
    doc = st.doc
    assert doc is not None
    a, b = trange
    region_start = sents[max(0, bisect_right(sent_starts, a) - 1)].start
    region_end = sents[k].end
    # The cue may sit in the next "sentence" when the parser split after the closing mark.
    if k + 1 < len(sents) and all(not t.is_alpha for t in doc[b + 1 : sents[k].end]):
        nxt = sents[k + 1]
        if (
            same_paragraph(st, qs, nxt.start_char)
            and any(
                # "“…,” Rep. Jim McDermott (D-Wash.) said.": a title and a party put the verb
                # further on, but it is still that short sentence's own verb
                is_speech_verb(t)
                and (t.i - nxt.start < 5 or t.dep_ == "ROOT" or _tags_root_noun(t))
                # "Cole did not reply.": a speech act denied holds no quote
                and not any(c.dep_ == "neg" for c in t.children)
                # "“Why now?” Mills then writes back, “You look cute.”": a verb that
                # introduces a quote of its own is that quote's cue, not the one before
                and not introduces_another_quote(t, a, b, inq)
                for t in nxt[:NEXT_SENTENCE_REACH]
            )
        ):
            region_end = nxt.end
    # A cue never comes from another paragraph.
    ps, pe = st.paras[qs.paragraph - st.para_first]
    region_start = max(region_start, bisect_left(st.starts, ps - st.offset))
    region_end = min(region_end, bisect_left(st.starts, pe - st.offset))
    # Nor from further than CUE_WINDOW tokens: a sentence of thousands of quotes stays linear.
    region_start = max(region_start, a - CUE_WINDOW)
    region_end = min(region_end, b + 1 + CUE_WINDOW)
    cue = find_cue(doc[region_start:region_end], a, b, lambda i: inq[i] >= 0)
    if (cue is None or cue.subject is None) and qs.opens_paragraph:
        cue = cue_before_colon(st, qs, a, b, inq) or cue
    label = label_before_colon(st, qs, a, inq)
    colon = clause_before_colon(st, a, inq)
    lo = label_bounds(st, qs, a)[0] if label is not None else 0
    if colon is not None and label is not None and colon.token.i < lo and doc[lo - 1].text in "-–—":
        colon = None  # "Media shares blame - HuffPollster: “…”": the headline's verb is no cue
    if colon is not None and (
        cue is None
        or cue.subject is None
        or not cue.contains
        # "Cruz said as the heckler yelled: “You suck!”": the speech verb the colon ends
        # introduces the quote, whatever other verb the parser hung it from
        or (is_speech_verb(colon.token) and colon.token.i > cue.token.i)
    ):
        return colon
    if label is not None and (
        cue is None
        or cue.subject is None
        or not cue.contains
        # "Polls agree - Ann Poll: “…”": a label after a headline outranks the headline's verb
        or cue.token.i < lo
    ):
        # a label ending in a colon right before the quote introduces it, even when a
        # speech verb sits elsewhere in the sentence
        return label
    if cue is None or cue.subject is None:
        return signed_after(st, qs, b) or cue
    return cue


def _tags_root_noun(verb: Token) -> bool:
    """ "the presumptive GOP nominee, Donald Trump, tweeted Sunday": the tag read as a noun
    phrase, its verb a modifier of the sentence's root noun."""
    head = verb.head
    # ("“…?” the 43-year-old asked in the video": the age read as the phrase's head)
    return verb.dep_ == "acl" and head.dep_ == "ROOT" and (
        head.pos_ in ("NOUN", "PROPN") or age_word(head)
    )


def introduces_another_quote(verb: Token, a: int, b: int, inq: list[int]) -> bool:
    """Whether ``verb`` opens quoted words other than those at tokens a..b right after it,
    past only a comma, a colon or a particle ("writes back, “…”", "remarked: “…”")."""
    doc = verb.doc
    for j in range(verb.i + 1, min(len(doc), verb.i + 4)):
        if inq[j] >= 0:
            return not a <= j <= b
        t = doc[j]
        if not (t.text in (",", ":") or t.is_space or t.dep_ in ("prt", "advmod")):
            return False
    return False


def cue_before_colon(
    st: DiscourseState, qs: QuoteSpan, a: int, b: int, inq: list[int]
) -> Cue | None:
    """A cue ending the previous paragraph with a colon ("Smith said:") introduces this one."""
    n = qs.paragraph - st.para_first
    if n <= 0:
        return None
    ps, pe = st.paras[n - 1]
    if st.text[pe - 1] != ":":
        return None
    doc = st.doc
    assert doc is not None
    lo = bisect_left(st.starts, ps - st.offset)
    hi = bisect_left(st.starts, pe - st.offset)
    if hi <= lo:
        return None
    start = max(lo, doc[hi - 1].sent.start)
    return find_cue(doc[start:hi], a, b, lambda i: inq[i] >= 0)


def same_paragraph(st: DiscourseState, qs: QuoteSpan, char: int) -> bool:
    between = st.text[qs.end : char + st.offset]
    return "\n" not in between and "\r" not in between
