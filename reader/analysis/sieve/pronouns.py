"""Rules for a pronoun as the speaker: "he added", "it said"."""

from __future__ import annotations

from reader.analysis.cues import Cue
from reader.analysis.lexicon import FEMALE_PRONOUNS, MALE_PRONOUNS, REPLY_VERBS
from reader.analysis.sieve.base import Discourse, Resolution
from reader.analysis.syntax import token_span


def rule_pronoun(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "he added", "she says": the most salient earlier person of that gender."""
    subj = cue.subject
    if subj is None or subj.pos_ != "PRON":
        return None
    low = subj.lower_
    if low == "it":  # "the ministry ... it said": the organisation last named
        org = disc.find_or_create_recent_org(subj)
        return Resolution(org, token_span(subj), pronoun=True) if org is not None else None
    if low in MALE_PRONOUNS:
        gender: str | None = "m"
    elif low in FEMALE_PRONOUNS:
        gender = "f"
    else:
        return None
    exclude = answered(cue, disc)
    cluster = disc.sentence_speaker(subj, gender, exclude) or disc.resolve_pronoun(
        subj, gender, exclude
    )
    if cluster is None:
        return None
    return Resolution(cluster, token_span(subj), pronoun=True)


def rule_group(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "they argue": the group last named as a subject ("the groups say. They argue"), the
    pronoun itself the words the attribution rests on."""
    subj = cue.subject
    if subj is None or subj.pos_ != "PRON" or subj.lower_ != "they":
        return None
    group = disc.find_or_create_group(subj)
    return Resolution(group, token_span(subj)) if group is not None else None


def rule_narrator(cue: Cue, disc: Discourse) -> Resolution | None:
    """ "“Yes,” I said": the first-person narrator speaks."""
    subj = cue.subject
    if subj is None or subj.pos_ != "PRON" or subj.text != "I" or cue.kind != "verb":
        return None
    return Resolution(disc.narrator(), token_span(subj), pronoun=True)


def answered(cue: Cue, disc: Discourse) -> frozenset[int]:
    """Who a reply answers: after "“Yes or no?”", "“A number first,” the candidate replied"
    is not the one who asked."""
    if cue.token.lemma_.lower() not in REPLY_VERBS:
        return frozenset()
    last = disc.last_asker()
    return frozenset((last.id,)) if last is not None else frozenset()
