"""The first-person narrator: the name the others call them by, and the "I" of the narration.

A narrator who says "I said" is rarely named in the narration; the others call them by name
in the turns beside theirs, so the name most often used there is theirs. That name is one
decision on which every turn of the narrator's hangs (their share of a first-person novel's
quotes is a third), taken again after each piece of text: so a name the narration gives
another person ("Dorcas, …" to the maid the narrator questions) is never theirs, and the forms
of one name ("Hastings", "Mr. Hastings") are counted together, not split below a rival's.

A story told in the first person says "I laughed." where another says "He laughed.": the
sentence before a turn is about its narrator, whose words the turn usually is, as it would be
about a "he" or "she" resolved to a person. The narrator is known once they have spoken
("“Yes,” I said"); before that an "I" in the narration is no one's yet (a letter, a preface).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.analysis.dialogue import turn_addressee
from reader.analysis.lexicon import word_set
from reader.analysis.names import first_name_gender, first_names, fold, is_role_word, name_parts
from reader.analysis.title_fit import fits

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.references import DiscourseState
    from reader.analysis.state import QuoteInfo

#: The narrator is named once the others have called them this many times.
NARRATOR_VOTES = 2
#: A name the narration gave someone who has never spoken ("a letter addressed to Pyotr
#: Ivanovich") is still the narrator's when the turns beside theirs call it more than
#: ``NARRATOR_VOTES`` times and this many times as often as any other name: a book of turns
#: calling the narrator so is not left unnamed. One who answers the narrator ("Dorcas, …" to
#: the maid questioned, called beside the narrator's turns as often as they are) never is.
OUTVOTE = 2
#: The narrator is named, before that, once the turns have called a name no one the
#: narration knows this many times (see ``NarratorNames.never_named``).
CALLED = 3
#: What a family calls its own, no one's name: "Granny", "Papa", "Honey" (the titles and
#: kinship nouns of ``is_role_word`` are the rest: "General", "Uncle", "Doctor").
FAMILY_CALLS = word_set(
    """granny grannie gran grandma grandmamma grandpa grandpapa mamma mama mum mummy mommy
    papa dad daddy nanny auntie aunty sonny honey darling dearest sweetheart"""
)
#: Family calls that are also surnames, abbreviations or junk ("Mr. Ma", "MA", "nan"): a
#: call only as the whole of it, capitalised ("Ma, come here").
SHORT_CALLS = word_set("ma pa nan")


def narrator_subject(st: DiscourseState, tok: Token) -> int | None:
    """The narrator's cluster when ``tok`` is the narration's "I" and a narrator has spoken."""
    if tok.text != "I" or st.narrator_id is None:
        return None
    return st.narrator_id


def name_key(name: str) -> str:
    """One form for the ways of writing a name: its words without titles, folded
    ("Mr. Hastings" and "Hastings" are one name); empty for a rank or a family word alone
    ("General", "Granny"): what the others call a person they talk to beside the narrator's
    turns, never the narrator's name (the general and granny of a first-person story are
    addressed so as often as the narrator is by name)."""
    titles, words = name_parts(name)
    if all(is_role_word(w) or fold(w) in FAMILY_CALLS for w in words):
        return ""
    if not titles and len(words) == 1 and family_call(words[0]):
        return ""
    return " ".join(fold(w) for w in words)


def family_call(word: str) -> bool:
    """ "Ma", "Pa", "Nan" called alone, capitalised: a family's word, no name; "MA" is an
    abbreviation and "Mr. Ma" a surname (the caller passes a word with no title). A final
    period goes first: the tokenizer reads '"…," said Pa.' as Pennsylvania's "Pa."."""
    word = word.rstrip(".")
    return fold(word) in SHORT_CALLS and word[:1].isupper() and not word.isupper()


class NarratorNames:
    """Votes for the name of the narrator: the names the other speakers address in the turns
    just before and after the narrator's own."""

    def __init__(self) -> None:
        self.votes: Counter[str] = Counter()
        self.counted: set[int] = set()
        #: Names called in any turn not the narrator's, each turn once.
        self.called: Counter[str] = Counter()
        self.heard: set[int] = set()
        #: Names called in a turn just before or after one of the narrator's (any
        #: paragraph), each turn once: a call between two others is no vote for the narrator.
        self.near: Counter[str] = Counter()
        self.near_heard: set[int] = set()

    def vote(
        self,
        infos: list[QuoteInfo],
        first: int,
        narrator: int,
        unknown: Callable[[str], bool] = lambda name: False,
        other: Callable[[str], bool] = lambda name: False,
        last: int | None = None,
        spoke: Callable[[str], bool] = lambda name: True,
    ) -> str | None:
        """Count the turns from ``first`` on (and the one before, whose next turn may be new)
        up to ``last`` (the turns decided so far);
        the leading name once it has enough votes. ``unknown`` tells a surname that names no
        one in the narration: called in any turn, it may be the narrator's; ``other`` a name
        that is another person's (never the narrator's, however often called beside them,
        when ``spoke``: they have had a turn of their own; see ``OUTVOTE``)."""
        for i in range(max(0, first - 1), len(infos) if last is None else last):
            q = infos[i]
            own = q.has_cue and q.cluster == narrator
            beside = [infos[j] for j in (i - 1, i + 1) if 0 <= j < len(infos)]
            if q.addressee is not None and not own and q.qid not in self.heard:
                self.heard.add(q.qid)
                self.called[q.addressee] += 1
            if (
                q.addressee is not None
                and not own
                and q.qid not in self.near_heard
                and any(o.cluster == narrator for o in beside)
            ):
                self.near_heard.add(q.qid)
                self.near[q.addressee] += 1
            if q.addressee is None or own or q.qid in self.counted:
                continue
            if any(
                o.cluster == narrator and abs(o.paragraph - q.paragraph) == 1
                for o in beside
            ):
                self.counted.add(q.qid)
                self.votes[q.addressee] += 1
        name = self.leader(other, spoke)
        if name is None:
            name = self.never_named(unknown, spoke)
        if name is None:
            return None
        if len(name.split()) == 1 and fold(name) in first_names():
            # "Jake" and "Mr. Barnes" (or "Barnes" twice): a first name and a surname
            surname = self.surname(unknown, other, first_name_gender(name))
            if surname is not None:
                return f"{name} {surname}"
        return name

    def leader(
        self, other: Callable[[str], bool], spoke: Callable[[str], bool] = lambda n: True
    ) -> str | None:
        """The name with the most votes, its forms counted together and written as most
        often called; None while it has fewer than ``NARRATOR_VOTES``. Another known
        person's name is theirs unless they never spoke and it outvotes the rest."""
        merged, form = forms_together(self.votes)
        ranked = merged.most_common()
        mine = next(((k, n) for k, n in ranked if not other(form[k])), ("", 0))
        top = ranked[0] if ranked else ("", 0)
        if top[1] > NARRATOR_VOTES and top[1] >= OUTVOTE * mine[1] and not spoke(form[top[0]]):
            mine = top
        return form[mine[0]] if mine[1] >= NARRATOR_VOTES else None

    def never_named(
        self, unknown: Callable[[str], bool], spoke: Callable[[str], bool] = lambda n: True
    ) -> str | None:
        """Before the votes name the narrator: the name most called (``CALLED`` times,
        ``OUTVOTE`` times as often as the next) in the turns just before or after one of the
        narrator's, across any break of paragraphs, of those written as names that name no
        one the narration knows, or one it knows who has had no turn of their own ("a letter
        addressed to Captain Hastings"). A first-person narration names everyone but its
        narrator; the narrator stays "the narrator" on every turn of theirs otherwise. A call
        in a turn between two others is theirs, no vote for the narrator."""
        free = {n: c for n, c in self.near.items() if named(n) and (unknown(n) or not spoke(n))}
        merged, form = forms_together(Counter(free))
        ranked = [*merged.most_common(2), ("", 0), ("", 0)]
        (k, n), (_, next_n) = ranked[0], ranked[1]
        return form[k] if n >= CALLED and n >= OUTVOTE * next_n else None

    def surname(
        self,
        unknown: Callable[[str], bool],
        other: Callable[[str], bool] = lambda n: False,
        gender: str | None = None,
    ) -> str | None:
        """The surname the others use: after a title ("Monsieur Barnes") or alone, twice,
        beside the narrator's turns or, when it names no one the narration knows, in any.
        A title of the other gender than the first name's ("Mademoiselle Hobin" for Jake)
        calls someone else."""
        counts: Counter[str] = Counter()
        for called, n in self.votes.items():
            titles, words = name_parts(called)
            if not fits(titles, gender):
                continue
            if len(words) == 1 and fold(words[0]) not in first_names() and not other(called):
                counts[words[0]] += n + (1 if titles else 0)
        for called, n in self.called.items():
            titles, words = name_parts(called)
            more = n - self.votes[called]  # the turns not already counted beside
            if (
                more > 0
                and fits(titles, gender)
                and len(words) == 1
                and fold(words[0]) not in first_names()
                and unknown(words[0])
            ):
                counts[words[0]] += more + (1 if titles and not self.votes[called] else 0)
        best = counts.most_common(1)
        return best[0][0] if best and best[0][1] >= NARRATOR_VOTES else None


def named(called: str) -> bool:
    """Whether a word called in a turn is surely a name: with a title ("Mr. Hastings") or of
    two words ("Pyotr Sergeyevich"); not a cry ("Ow", "Bother") nor a word of endearment that
    is also a first name ("Honey")."""
    titles, words = name_parts(called)
    return bool(words) and (bool(titles) or len(words) > 1)


def forms_together(votes: Counter[str]) -> tuple[Counter[str], dict[str, str]]:
    """The votes of each name's forms counted together, and each name written as most often
    called: "Mr. Hastings" and "Hastings" are one name, and so are "Pyotr" and "Pyotr
    Ivanovich" when no other name called holds "Pyotr" (the forms a story's people use for
    the narrator split the votes below a rival's otherwise)."""
    merged: Counter[str] = Counter()
    form: dict[str, str] = {}
    for called, n in votes.items():
        k = name_key(called)
        if not k:
            continue
        merged[k] += n
        if k not in form or n > votes[form[k]]:
            form[k] = called
    for k in sorted(merged, key=len):
        words = set(k.split())
        wider = [o for o in merged if o != k and words < set(o.split())]
        if len(wider) == 1:
            merged[wider[0]] += merged.pop(k)
            if votes[form[k]] > votes[form[wider[0]]]:
                form[wider[0]] = form[k]
    return merged, form


def has_spoken(st: DiscourseState, name: str) -> bool:
    """Whether the person ``name`` names has had a turn a cue gives them ("said Pyotr").
    Turns chosen with no cue do not count: the one the others call beside the narrator's
    turns is chosen as the speaker of the replies to those calls as often as the narrator
    is, and those turns are the narrator's once the name is."""
    found = st.registry.find_person(name)
    return found is not None and any(q.cluster == found.id and q.has_cue for q in st.infos)


def another_person(st: DiscourseState, name: str) -> bool:
    """Whether ``name`` names a person the text knows who is not the narrator."""
    found = st.registry.find_person(name)
    return found is not None and found.id != st.narrator_id


def call_narrator(
    st: DiscourseState, infos: list[QuoteInfo], start: int, was: int | None = None
) -> None:
    """The quotes from ``start`` on, read before the narrator had the name they call them by
    ("Is soldiering your regular profession, Mr. Hastings?"), address the narrator: the
    turns beside them are weighed knowing it, as those read after the naming are. So do all
    those that called ``was``, the person the narrator's name had been taken for."""
    narrator = st.narrator_id
    for q in infos:
        if was is not None and q.addressee_cluster == was:
            q.addressee_cluster = narrator
            q.turn_addressee = narrator if q.turn_addressee == was else q.turn_addressee
    for j in range(start, len(infos)):
        q = infos[j]
        if q.addressee is not None and q.addressee_cluster is None:
            found = st.registry.find_person(q.addressee)
            if found is not None and found.id == narrator:
                q.addressee_cluster = narrator
        if q.turn_addressee is None:
            q.turn_addressee = turn_addressee(infos[j - 1] if j > 0 else None, q)
