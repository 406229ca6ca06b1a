"""Short fragments someone called something: the complement of a naming or characterising verb.

"Holt called the county's roads “a disgrace”", "whom she dubbed “the quiet senator”", "the
campaign rejected the idea as “ludicrous”", "labeled a “stunt” by the union": the quoted
words are what the verb's subject (or, in the passive, its agent) called the thing, so they are
that speaker's words, however the parser hung the rest of the sentence. A name given in
capitals ("called the mayor “Big Ed”") stays a name (``clause_cue`` lets no capitalised
fragment this far), and a naming with no one doing it ("what is called a “debate”", "known as
“issue ownership”") is the writer's term: no speaker, no quote.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.analysis.cue_types import Cue
from reader.analysis.lexicon import NAMING_VERBS, word_set
from reader.analysis.syntax import verb_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Verbs whose object complement is the name or label the subject gave ("called it “X”").
#: (Not "title": "a memo titled “…”" gives a work's name.)
NAMING = NAMING_VERBS - {"title"}

#: Verbs that characterise their object "as" something: the "as" phrase is the subject's word
#: for it ("dismissed the plan as “a gimmick”"). Not "known as", "served as": no one says.
AS_VERBS = NAMING | word_set(
    """describe characterize characterise refer dismiss reject denounce deride decry slam
    blast criticize criticise condemn mock ridicule lambaste attack praise hail tout bill
    cast portray paint frame identify depict address"""
)

#: Verbs that characterise "as" something only with "off" ("waved off the delay as having
#: “minimal” impact", "brushed the report off as “gossip”").
OFF_VERBS = word_set("wave brush shrug laugh write")

#: Attachments climbed from a fragment inside an "as" phrase to the "as" ("as having
#: “minimal” impact": minimal, impact, having).
AS_PATH = frozenset(("amod", "compound", "dobj", "pcomp", "pobj"))

#: A verb's own subject, or the marks of the passive.
SUBJECTS = frozenset(("nsubj", "csubj", "expl", "nsubjpass", "auxpass", "agent"))

#: Attachments of a fragment that make it the naming verb's complement.
COMPLEMENTS = frozenset(("oprd", "xcomp", "ccomp", "attr", "acomp", "dobj", "npadvmod", "amod"))


def naming_verb(root: Token) -> Token | None:
    """The naming or characterising verb whose complement the fragment (at ``root``) is."""
    t = root
    while t.dep_ == "conj" and t.head.i != t.i:  # “a sociopath” and “a psychopath”
        t = t.head
    head = t.head
    if head.i == t.i:
        return None
    x = t
    for _ in range(3):  # "as having “minimal” impact"
        if x.dep_ not in AS_PATH or x.head.i == x.i or x.head.lower_ == "as":
            break
        x = x.head
    if x.head.lower_ == "as" and x.head.head.i != x.head.i:
        verb = x.head.head
        if verb.dep_ == "dobj" and verb.pos_ == "NOUN":
            verb = verb.head  # "waved off the delay as …": the "as" hung from the object
        return verb if verb.pos_ == "VERB" and _characterises(verb) else None
    if t.dep_ in COMPLEMENTS and head.pos_ == "VERB" and head.lemma_.lower() in NAMING:
        return head
    if t.dep_ == "appos" and head.dep_ == "dobj" and head.i < t.i:
        # "dubbed the bill “a disaster”", "branded the governor “a liar”": the parser takes
        # the complement for the object's apposition
        verb = head.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in NAMING:
            return verb
    if t.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "refer":
        return head.head  # "referred to the “New Class”": the words he used for it
    return None


def _characterises(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in OFF_VERBS:
        return any(c.dep_ in ("prt", "prep") and c.lower_ == "off" for c in verb.children)
    return lemma in AS_VERBS


def passive_agent(verb: Token, root: Token, inside_quote: Callable[[int], bool]) -> Token | None:
    """The "by" agent of a naming in the passive, wherever the parser hung the "by"."""
    if verb.tag_ != "VBN" and not any(c.dep_ == "agent" for c in verb.children):
        return None  # (an "agent" makes it passive whatever the tagger said of the verb)
    for holder in (verb, root):
        for prep in holder.rights:
            if prep.dep_ in ("agent", "prep") and prep.lower_ == "by":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and not inside_quote(obj.i):
                    return obj
    return None


def unclaimed_naming(root: Token, inside_quote: Callable[[int], bool]) -> bool:
    """A fragment named in the passive with no one naming it ("what is called a “debate”"):
    the writer's term, whoever the clause above is about."""
    verb = naming_verb(root)
    if verb is None or not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False
    return passive_agent(verb, root, inside_quote) is None


def namer(verb: Token, root: Token, inside_quote: Callable[[int], bool]) -> Token | None:
    """Who does the naming: the agent of a passive ("called “X” by a professor", wherever the
    parser hung the "by"), the object of a verb that makes someone do it ("prompted Varga to
    … call the mayor “X”"), else the verb's subject."""
    agent = passive_agent(verb, root, inside_quote)
    if agent is not None:
        return agent
    v = verb
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            break
        if v.dep_ == "conj" and v.head.pos_ == "VERB":
            v = v.head
        elif v.dep_ == "xcomp":
            obj = next((c for c in v.head.children if c.dep_ == "dobj"), None)
            if obj is not None and not inside_quote(obj.i):
                return obj
            v = v.head
        else:
            break
    return verb_subject(verb, inside_quote)


def naming_cue(
    root: Token, inside_quote: Callable[[int], bool], can_speak: Callable[[Token], bool]
) -> Cue | None:
    """The cue of a fragment given as what someone called something, with that someone."""
    verb = naming_verb(root)
    if verb is None or inside_quote(verb.i):
        return None
    subj = namer(verb, root, inside_quote)
    if subj is not None and subj.i > verb.i and subj.dep_ != "pobj":
        subj = None  # an object right of the verb is what was named, not who named it
    if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBD":
        subj = verb.head  # "Holt, a council ally, called …": a finite verb taken for a modifier
    if subj is None or inside_quote(subj.i) or subj.i == root.i or not can_speak(subj):
        return None
    return Cue(verb, verb.text, subj, contains=True)


def active_naming(root: Token, inside_quote: Callable[[int], bool]) -> Cue | None:
    """ "calling it a “no-brainer”", "naming him the “angry populist enforcer”": a naming verb
    in the active voice with the thing named as its object makes the fragment somebody's
    words even when the parse gives the verb no one who can speak (a participle hung from
    the wrong clause); the cue has no subject, and the discourse rules look for the speaker."""
    verb = naming_verb(root)
    # (not "Let us call it a “pause”", "The city calls it a “pause”": a subject of its own
    # that cannot speak, or an imperative, is the writer's naming)
    if verb is None or inside_quote(verb.i) or verb.tag_ not in ("VBG", "VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ in SUBJECTS and not inside_quote(c.i) for c in verb.children):
        return None
    named = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if named is None or inside_quote(named.i) or named.i > root.i:
        return None
    return Cue(verb, verb.text, None, contains=True)


#: Attachments that give a naming verb its complement already.
HAS_COMPLEMENT = frozenset(("oprd", "xcomp", "ccomp", "attr", "acomp"))


def lost_complement(
    doc: Doc, a: int, b: int, inside_quote: Callable[[int], bool]
) -> Cue | None:
    """ "Trump attacked Romney, calling him, among other things, “a failed candidate.”": the
    parser made the fragment over tokens a..b the root of its sentence and left the naming
    verb before it with its object but no complement; the fragment is that complement."""
    roots = [t for t in doc[a : b + 1] if t.head.i == t.i]
    if len(roots) != 1 or any(not a <= t.head.i <= b for t in doc[a : b + 1]):
        return None
    for verb in reversed(doc[roots[0].left_edge.i : a]):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING or inside_quote(verb.i):
            continue
        deps = {c.dep_ for c in verb.children}
        if "dobj" not in deps or deps & HAS_COMPLEMENT:
            return None
        return Cue(verb, verb.text, verb_subject(verb, inside_quote), contains=True)
    return None


#: Words that may stand between "as" and a fragment in a characterisation ("as a mere “moan”",
#: "as more than just a “road”", "as having “choked like a dog”").
AS_FILLERS = frozenset(("a", "an", "the", "mere", "more", "than", "just", "having", "being"))

#: Forms of "be" that make a participle after them passive ("has been described as a …").
PASSIVE_BE = frozenset(("be", "been", "being", "is", "was", "are", "were", "'s", "’s"))

#: How far left of its "as" a characterising verb may stand ("attacking 2012 Republican
#: presidential nominee Mitt Romney as …": seven words of object).
AS_REACH = 8


def as_characterised(
    doc: Doc | None,
    a: int,
    b: int,
    inside_quote: Callable[[int], bool],
    can_speak: Callable[[Token], bool],
) -> Cue | None:
    """ "frame its plans as more than just a “road”", "shrugging off a woman's opinion as a mere
    “moan”": a fragment right after the "as" of a characterising verb in the active voice is
    what someone called the thing, read from the words in order where the parse lost the link
    (the "as" hung from the sentence's root, the fragment taken for a modifier). The verb's
    subject speaks when it can; else the discourse rules look for the speaker. In the passive
    with no one named ("what has been described as a “political army”") it is the writer's
    term, and a name in capitals is a name ("cast him as the “Human Torch”")."""
    if doc is None or all(t.text[0].isupper() for t in doc[a : b + 1] if t.is_alpha):
        return None
    i = a - 1
    while i >= 0 and doc[i].is_punct and not inside_quote(i) and i >= a - 2:
        i -= 1  # the opening mark, parsed apart from the fragment
    for _ in range(5):
        if i < 0 or inside_quote(i) or doc[i].lower_ not in AS_FILLERS:
            break
        i -= 1
    if i < 1 or doc[i].lower_ != "as" or inside_quote(i):
        return None
    for j in range(i - 1, max(0, i - AS_REACH) - 1, -1):  # (not Token.sent: a scan)
        verb = doc[j]
        if inside_quote(j) or verb.text in (";", ":", "—", "–") or verb.lower_ == "as":
            return None
        if verb.pos_ != "VERB" or not _characterises_at(verb, i):
            if verb.is_sent_start:
                return None
            continue
        before = [t for t in doc[max(0, j - 3) : j] if t.pos_ != "ADV"]
        if verb.tag_ == "VBN" and not _perfect(verb, before):
            return None  # "has been described as …", "widely billed as …": no one says
        subj = verb_subject(verb, inside_quote) or _directing(verb, inside_quote)
        if subj is not None and (subj.i > verb.i or not can_speak(subj)):
            subj = None
        return Cue(verb, verb.text, subj, contains=True)
    return None


def _perfect(verb: Token, before: list[Token]) -> bool:
    """A participle in an active perfect ("had described his plans as"), not a passive
    ("has been described as") or a reduced one ("The plan, widely described as", "Often
    referred to as"), whose subject is never the one who called it so."""
    if before and before[-1].lower_ in PASSIVE_BE:
        return False
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _characterises_at(verb: Token, as_i: int) -> bool:
    """The verb characterises its object "as" something, "off" verbs with their "off" before
    the "as" ("shrugging off … as")."""
    lemma = verb.lemma_.lower()
    if lemma in OFF_VERBS:
        return any(t.lower_ == "off" for t in verb.doc[verb.i + 1 : as_i])
    return lemma in AS_VERBS


def _directing(verb: Token, inside_quote: Callable[[int], bool]) -> Token | None:
    """Who has the words used: the subject of the verb an infinitive hangs from ("the guide
    instructs staff to describe reviews as “…”": the guide's words, not the staff's)."""
    head = verb.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ not in ("xcomp", "advcl") or not infinitive or head.pos_ != "VERB":
        return None
    return verb_subject(head, inside_quote)
