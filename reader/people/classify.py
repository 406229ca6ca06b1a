"""What one article's analysis says of each speaker: a person, an organisation or an unnamed
source, and the gender the text gives them: the pronouns of the quotes' cues, titles and role
nouns first, then the first name, then the pronouns of the narration's sentences that name only
them (``pronouns``: right less often than the first-name list where both speak, 94% against
the cues' 95% and the list's 99% on the development news, so they only fill in where the list
has no name, "Emmanuelle"); "unknown" where none says."""

from __future__ import annotations

from dataclasses import dataclass

from reader.analysis.lexicon import FEMALE_NOUNS, FEMALE_PRONOUNS, MALE_NOUNS, MALE_PRONOUNS
from reader.analysis.model import Analysis, Speaker
from reader.analysis.names import first_names, fold, name_parts, title_gender
from reader.analysis.summary import count_words
from reader.people.pronouns import pronoun_genders

#: Rules that attribute a quote to an organisation.
ORG_RULES = frozenset({"organisation", "organisation_description"})
ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
#: Role words that say "man" ("spokesman", "chairman"), not "German" or "human".
MALE_ROLE_ENDINGS = ("sman", "chairman", "congressman", "councilman", "assemblyman", "alderman")


@dataclass(frozen=True, slots=True)
class SpeakerFacts:
    name: str
    aliases: tuple[str, ...]
    role: str | None
    kind: str  # "person", "org", "unnamed" or "document"
    gender: str  # "f", "m" or "unknown"
    #: "text" (cue pronouns, titles, gendered nouns), "name" (first-name statistics),
    #: "narration" (the pronouns of sentences naming only them) or "".
    gender_by: str
    quotes: int
    words: int


def kind_of(sp: Speaker, analysis: Analysis) -> str:
    """The engine's kind; for analyses made before it said, a guess from the rules and the
    entities."""
    if sp.kind is not None:
        return sp.kind
    rules = {analysis.quotes[i].rule for i in sp.quotes if i < len(analysis.quotes)}
    if "unnamed" in rules or sp.name[:1].islower():
        return "unnamed"
    names = {sp.name, *sp.aliases}
    labels = {e.label for e in analysis.entities if e.text in names}
    if rules & ORG_RULES or (labels & ORG_LABELS and "PERSON" not in labels):
        return "org"
    return "person"


def text_gender(sp: Speaker, analysis: Analysis) -> str | None:
    """What the text says: the pronouns that name the speaker, titles, gendered role nouns."""
    male = female = 0
    for i in sp.quotes:
        q = analysis.quotes[i] if i < len(analysis.quotes) else None
        word = fold(q.mention.text) if q is not None and q.mention is not None else ""
        male += word in MALE_PRONOUNS
        female += word in FEMALE_PRONOUNS
    for surface in (sp.name, *sp.aliases):
        said = title_gender(name_parts(surface)[0])
        male += 2 * (said == "m")
        female += 2 * (said == "f")
    for word in fold(sp.role or "").split():
        male += word in MALE_NOUNS or word.endswith(MALE_ROLE_ENDINGS)
        female += word in FEMALE_NOUNS or word.endswith("woman")
    if male == female:
        return None
    return "m" if male > female else "f"


def name_gender(name: str) -> str | None:
    _, words = name_parts(name)
    if len(words) < 2:
        return None
    said = first_names().get(fold(words[0]))
    return said if said in ("f", "m") else None


def speaker_facts(analysis: Analysis, text: str = "") -> list[SpeakerFacts]:
    """Each speaker's facts; ``text`` (the article's) lets the narration's pronouns speak."""
    narrated = pronoun_genders(analysis, text)
    facts = []
    for sp in analysis.speakers:
        kind = kind_of(sp, analysis)
        gender, by = "unknown", ""
        if kind == "person":
            if (said := text_gender(sp, analysis)) is not None:
                gender, by = said, "text"
            elif (guess := name_gender(sp.name)) is not None:
                gender, by = guess, "name"
            elif (told := narrated.get(sp.name)) is not None:
                gender, by = told, "narration"
        words = sp.words or sum(
            count_words(analysis.quotes[i].text) for i in sp.quotes if i < len(analysis.quotes)
        )
        facts.append(SpeakerFacts(
            sp.name, tuple(sp.aliases), sp.role, kind, gender, by, len(sp.quotes), words
        ))
    return facts
