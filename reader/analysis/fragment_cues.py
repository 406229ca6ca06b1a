"""Whether a short fragment in quotation marks is somebody's words: a cue beside it, a
comment clause, a tag at the sentence's end, a that-clause or a speech verb before it in its
sentence, with a subject that can speak (stage 2's test for fragments, kept apart from
choosing the cue in ``cues``).
"""

from __future__ import annotations

from reader.analysis.cue_types import Cue
from reader.analysis.lexicon import (
    DOC_NOUNS,
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    NAMING_VERBS,
    ORG_NOUNS,
    SOURCE_PRONOUNS,
    WEAK_VERBS,
    is_person_noun,
)
from reader.analysis.quotes import ALL_MARKS


def cue_beside(cue: Cue, q_first: int, q_last: int) -> bool:
    """“Frogeye,” she says / she said, “that’s what got us here.”: a speech verb and its
    subject right against the marks, with a comma between, make the quote somebody's words
    however the parser attached it."""
    doc = cue.token.doc
    v = cue.token.i
    subject = cue.subject
    if subject is None:
        return False
    if v > q_last:
        # the comma before the closing mark, past a nested quote's own mark ("“‘Cards,’” she said")
        k = q_last - 1 if doc[q_last].is_punct and q_last > q_first else q_last
        while k > q_first and doc[k].text in ALL_MARKS:
            k -= 1
        closing = doc[k]
        if closing.text not in (",", "!", "?", "—") and not closing.text.endswith(","):
            return False
        # (“…,” as Cruz said: the "as" of a comment clause changes nothing)
        between = [t for t in doc[q_last + 1 : v] if not (t.i == q_last + 1 and t.lower_ == "as")]
        span = range(subject.left_edge.i, subject.right_edge.i + 1)
        return len(between) <= 4 and all(t.i in span for t in between)
    if v < q_first:
        # "she said, “that’s …”"; "as Mercier put it, “just really loud right now.”"
        between = [
            t
            for t in doc[v + 1 : q_first]
            if t.i != subject.i and not (t.lower_ == "it" and t.head.i == v)
        ]
        return len(between) == 1 and between[0].text in (",", ":")
    return False


#: How many tokens may stand between a fragment and the comment clause after it.
COMMENT_GAP = 8


def cue_comments(cue: Cue, q_first: int, q_last: int) -> bool:
    """ "a “regional” candidate, as Hale's campaign manager suggested", "As Hale has pointed
    out, that is the “textbook definition”": a comment clause ("as" with a speech verb) in the
    fragment's sentence says whose words the sentence gives."""
    verb = cue.token
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    # opening the sentence, it comments on all of it; after it, on the words just before
    # ("discussed “energetic hygiene” and how the web is, as Mercier put it, “loud”": the
    # comment is on the second quote only)
    left, right = verb.left_edge.i, verb.right_edge.i
    sent = verb.sent
    if left == sent.start:
        return right < q_first < sent.end
    following = verb.doc[right + 1 : min(right + 3, sent.end)]
    if any(t.text in ("“", '"', "‘") for t in following):
        return False  # it introduces the quote after it
    return 0 <= left - q_last <= COMMENT_GAP


def cue_tagged_after(cue: Cue, q_first: int, q_last: int) -> bool:
    """ "“A big truck” plowed through the barriers, he said": a sentence tagged at its end
    (", he said", ", said Hale", ", Hale said") is all the speaker's report, its fragments
    too."""
    doc = cue.token.doc
    v = cue.token.i
    subject = cue.subject
    if subject is None or v <= q_last or not cue.token.sent.start <= q_first:
        return False
    first = min(v, subject.left_edge.i)
    last = max(v, subject.i)
    if first < 1 or doc[first - 1].text != "," or last - first > 4:
        return False
    after = doc[last + 1] if last + 1 < len(doc) else None
    return after is None or after.is_punct or after.lower_ in ("and", "but")


def cue_reports(cue: Cue, q_first: int) -> bool:
    """ "writing that the vote was “long overdue” and that the counties “cannot wait”": a
    fragment in a that-clause after the speech verb is reported speech even where the parser
    hung the clause elsewhere."""
    doc = cue.token.doc
    v = cue.token.i
    if v >= q_first:
        return False
    between = doc[v + 1 : q_first]
    return any(t.lower_ == "that" and t.dep_ == "mark" for t in between) and not any(
        t.text in (";", ".", "?", "!") for t in between
    )


def cue_in_sentence(cue: Cue, q_first: int, q_last: int) -> bool:
    """ "Carson took the stage and called the system “rotten to the core.”", "he cut into
    Bush, calling him a “stiff”": a fragment after a speech verb with a speaker, in its
    sentence, is that speaker's words even where the parser hung it outside the verb's
    clause."""
    sent = cue.token.sent
    last = q_last - 1 if q_last > q_first and cue.token.doc[q_last].is_punct else q_last
    # The verb comes first: a fragment before it is more often a term the writer marks.
    if not sent.start <= cue.token.i < q_first or last >= sent.end:
        return False
    # "which the company calls “Closer.”": what a naming verb gives in capitals is a name
    words = [t for t in cue.token.doc[q_first : last + 1] if t.is_alpha]
    naming = cue.token.lemma_.lower() in NAMING_VERBS
    return not (naming and all(t.text[0].isupper() for t in words))


def cue_allows_fragment(
    cue: Cue | None, q_first: int = -1, q_last: int = -1, named: bool = False
) -> bool:
    """A short fragment counts as a quote only when a real speaker is said to have said it
    (named: the subject is a name the text gave a person, however it was tagged)."""
    if cue is None or cue.subject is None:
        return False
    if cue.kind == "according":
        return True
    if not (
        cue.contains
        or (
            q_first >= 0
            and (
                cue_beside(cue, q_first, q_last)
                or cue_comments(cue, q_first, q_last)
                or cue_tagged_after(cue, q_first, q_last)
                or cue_reports(cue, q_first)
                or cue_in_sentence(cue, q_first, q_last)
            )
        )
    ):
        return False
    subj = cue.subject
    if subj.lower_ in SOURCE_PRONOUNS or subj.pos_ == "NUM":
        return True  # "another said he hoped with his “whole heart”", "four in 10 said"
    if subj.pos_ == "PRON" and subj.lower_ not in MALE_PRONOUNS | FEMALE_PRONOUNS | {
        "they",
        "i",
        "we",
        "you",
        "it",  # "It called the targets “necessary but not sufficient”": a body or a paper
    }:
        return False
    if cue.token.lemma_.lower() in WEAK_VERBS and subj.pos_ not in ("PROPN", "PRON"):
        # "The report described the mood as “sour but not settled”": a document, a body or a
        # person can be said to describe; an abstract noun ("the data suggest") cannot.
        lemma = subj.lemma_.lower()
        # ("- Pew notes that …": a name mid-sentence the tagger took for a common noun)
        capital = subj.text[:1].isupper() and subj.i > subj.sent.start and subj.tag_ == "NN"
        # ("Will described Trump as “…”": a known name the tagger took for an auxiliary)
        return named or lemma in DOC_NOUNS or lemma in ORG_NOUNS or is_person_noun(lemma) or capital
    return named or subj.pos_ in ("PROPN", "NOUN", "PRON")
