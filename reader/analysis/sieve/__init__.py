"""Stage 4, the sieve: named rules in declared tables, tried in order; the first answer wins
and its id is stamped on the quote (the style of Stanford CoreNLP's quote-attribution sieves).

``CUE_RULES`` read the cue found for a quote (a speech verb or "according to") and its
subject; ``DISCOURSE_RULES`` run afterwards for quotes with no cue and look at the quotes
around them. A new rule is a function in the module of its family, and one ``Rule`` line in
the table here, at the place in the order where it should be tried.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from reader.analysis.sieve.base import Discourse, Resolution
from reader.analysis.sieve.descriptions import (
    rule_description,
    rule_other_source,
    rule_proxy_named,
    rule_unnamed,
)
from reader.analysis.sieve.discourse import (
    rule_addressed,
    rule_alternation,
    rule_continuation,
    rule_continuation_next_paragraph,
    rule_conversation,
    rule_introduced,
    rule_preceding_subject,
    rule_reported_speech,
    rule_runs_on,
)
from reader.analysis.sieve.named import (
    relative_pronoun,
    rule_according_to,
    rule_explicit,
    rule_proxy,
)
from reader.analysis.sieve.organisations import (
    rule_described_person,
    rule_document,
    rule_known_name,
    rule_organisation,
    rule_organisation_description,
    rule_poll,
)
from reader.analysis.sieve.pronouns import rule_group, rule_narrator, rule_pronoun
from reader.analysis.syntax import token_span

if TYPE_CHECKING:
    from reader.analysis.candidates import Neighbours, QuoteInfo
    from reader.analysis.cues import Cue

__all__ = [
    "CUE_RULES",
    "DISCOURSE_RULES",
    "RANKER_RULE",
    "Discourse",
    "Resolution",
    "Rule",
    "attribute",
    "attribute_discourse",
    "confidence_of",
]


F = TypeVar("F")


@dataclass(frozen=True, slots=True)
class Rule(Generic[F]):
    """One rule of a table: the id stamped on the quotes it attributes, its function, and the
    confidence of its answers (about the share of them right on the PolNeAR development
    slice, crediting the right mention: an explicit name is rarely wrong, a paragraph carried
    on from the last speaker more often)."""

    id: str
    fn: F
    confidence: float = 0.5


CueRule = Rule[Callable[["Cue", Discourse], Resolution | None]]
DiscourseRule = Rule[Callable[["QuoteInfo", "Neighbours"], int | None]]

#: The cue rules in the order they are tried.
CUE_RULES: tuple[CueRule, ...] = (
    Rule("according_to", rule_according_to, 0.9),
    Rule("proxy", rule_proxy, 0.8),
    Rule("proxy_named", rule_proxy_named, 0.85),
    Rule("explicit", rule_explicit, 0.93),
    Rule("pronoun", rule_pronoun, 0.75),
    Rule("narrator", rule_narrator, 0.8),
    Rule("group", rule_group, 0.6),
    Rule("poll", rule_poll, 0.75),
    Rule("description", rule_description, 0.7),
    Rule("unnamed", rule_unnamed, 0.85),
    Rule("document", rule_document, 0.75),
    Rule("organisation_description", rule_organisation_description, 0.5),
    Rule("known_name", rule_known_name, 0.8),
    Rule("described_person", rule_described_person, 0.6),
    Rule("organisation", rule_organisation, 0.75),
    Rule("other_source", rule_other_source, 0.75),
)

#: The discourse rules in the order they are tried, for quotes with no cue.
DISCOURSE_RULES: tuple[DiscourseRule, ...] = (
    Rule("preceding_subject", rule_preceding_subject, 0.8),
    Rule("continuation", rule_continuation, 0.8),
    Rule("runs_on", rule_runs_on, 0.7),
    Rule("addressed", rule_addressed, 0.7),
    Rule("alternation", rule_alternation, 0.5),
    Rule("reported_speech", rule_reported_speech, 0.5),
    Rule("introduced", rule_introduced, 0.5),
    Rule("conversation", rule_conversation, 0.6),
    Rule("continuation_next_paragraph", rule_continuation_next_paragraph, 0.4),
)


#: The id the learned ranker stamps on a speaker it chose against the rules, and the
#: confidence of such a choice for a reader that sees only the id (each quote carries its
#: own, from the ranker's table: 0.35 to 0.63, all below the line of the uncertain).
RANKER_RULE = "ranker"
RANKER_CONFIDENCE = 0.5


def confidence_of(rule_id: str | None) -> float | None:
    """The confidence of an attribution by the rule ``rule_id`` (None: no speaker found)."""
    for rule in (*CUE_RULES, *DISCOURSE_RULES):
        if rule.id == rule_id:
            return rule.confidence
    return RANKER_CONFIDENCE if rule_id == RANKER_RULE else None


def attribute(
    cue: Cue | None, disc: Discourse, rules: Sequence[CueRule] = CUE_RULES
) -> Resolution | None:
    """Run the cue rules in order; the first answer wins, stamped with its rule's id."""
    if cue is None or cue.subject is None:
        return None
    for rule in rules:
        res = rule.fn(cue, disc)
        if res is not None:
            res.rule = rule.id
            rel = relative_pronoun(cue.token, cue.subject)
            if rel is not None and res.mention is not None:
                # "critics who say", "letters that called him …": whatever rule named the
                # antecedent, the attribution rests on the relative pronoun (as "he" in
                # "he said"), as the named and description rules already had it
                res.mention = token_span(rel)
            return res
    return None


def attribute_discourse(
    q: QuoteInfo, near: Neighbours, rules: Sequence[DiscourseRule] = DISCOURSE_RULES
) -> tuple[int, str] | None:
    """Run the discourse rules in order for a quote with no cue; the first answer wins:
    (the speaker's cluster id, the rule's id)."""
    for rule in rules:
        found = rule.fn(q, near)
        if found is not None:
            return found, rule.id
    return None
