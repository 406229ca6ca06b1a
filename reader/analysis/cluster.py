"""One cluster: a person, unnamed source or organisation of a text, with what the text has
told of them (names, role, gender, age). The registry in ``clusters`` finds and makes them."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.analysis.bare_titles import bare_title
from reader.analysis.kinship import is_kin_noun
from reader.analysis.lexicon import CALLED, HONORIFICS, TITLE_WORDS
from reader.analysis.name_keys import spaced
from reader.analysis.names import first_names, fold, strip_possessive


@dataclass(slots=True)
class Cluster:
    """One speaker or person: named person, unnamed source or organisation."""

    id: int
    kind: str  # "person", "description" (unnamed source) or "org"
    canonical: str
    aliases: list[str] = field(default_factory=list)
    surname: str = ""
    first: str = ""
    role: str | None = None
    #: The role is a group's ("biologists X and Y"): a role given the one person replaces it.
    role_group: bool = False
    role_words: set[str] = field(default_factory=set)
    #: The ranks given as titles before the name ("count" of "Count Mippipopolous").
    ranks: set[str] = field(default_factory=set)
    head: str = ""  # head noun of a description cluster
    male: int = 0
    female: int = 0
    #: How many speech verbs' "he"/"she" were resolved to the person: a sign they are
    #: someone, though not always of their gender (``genders.gender_from_cue_pronoun``).
    pronoun_cues: int = 0
    last_seen: int = -1
    age: int | None = None
    #: The form of address the text first gave the person ("mr", "mrs", "miss"), if any.
    address: str | None = None
    #: The text has called the person by the first name alone ("Katharine"), as a story does.
    by_first_name: bool = False
    #: The gender the first name as written is mostly given to ("f", "m", "u"), if known.
    first_said: str | None = None
    #: How often each form of the name with a title or of two words or more was used.
    forms: dict[str, int] = field(default_factory=dict)
    #: Where the last form counted was used (a mention read twice is counted once).
    counted_at: int = -1
    #: The words a story's narration has used of the person instead of the name ("girl",
    #: "old", "gentleman"): ``epithets``.
    epithets: dict[str, int] = field(default_factory=dict)
    #: A woman known only by her husband's name and a title after it ("Hamidullah Begum").
    by_his_name: bool = False
    #: Where the cluster was first met.
    since: int = -1

    def may_be(self, address: str | None, first: str = "") -> bool:
        """Whether a name with this form of address and first name can be this person: "Mrs.
        Bennet" is not the one called "Mr. Bennet" or "Miss Bennet", "John Beaver" not the one
        called "Mrs Beaver" (a first name says a gender)."""
        if address is not None and self.address is not None and address != self.address:
            return False
        if address in ("mrs", "miss") and self.first and self.gender != "f":
            # "Mrs. Archer" is Newland Archer's mother unless his name is a woman's
            return first_names().get(self.first) == "f"
        if address == self.address == "mrs" and first and first == self.first:
            return True  # "Mrs. John Dashwood" again, named by her husband's name
        said = first_names().get(first) if first else None
        mine = self.address_gender
        return said not in ("m", "f") or mine is None or said == mine

    @property
    def address_gender(self) -> str | None:
        """The gender the form of address says: "Mr." (and "Sir") a man's, the others a woman's."""
        if self.address is None:
            return None
        return "m" if self.address == "mr" else "f"

    @property
    def named_gender(self) -> str | None:
        """The gender the person's name says, whatever pronouns were guessed for them: a form
        of address ("Mrs."), else a first name given mostly to one gender ("Hillary")."""
        if self.kind != "person":
            return None
        if self.address is not None:
            return self.address_gender
        return self.first_said if self.first_said in ("m", "f") else None

    @property
    def gender(self) -> str | None:
        """A form of address ("Mrs.", "Lady", "Sir") says the gender outright; otherwise the
        words the text used of the person, counted (a first name may mislead: "Brett")."""
        if self.kind == "person" and self.address is not None:
            return self.address_gender
        if self.male > self.female:
            return "m"
        if self.female > self.male:
            return "f"
        return None

    def add_alias(self, surface: str) -> None:
        s = spaced(strip_possessive(surface))
        if s and s not in self.aliases:
            self.aliases.append(s)

    def call_definite(self) -> bool:
        """A story's person brought in as "a stranger" is "the stranger" once the text calls
        them so, the name a reader knows them by from then on (only the article changes);
        True when the name changed."""
        article, _, rest = self.canonical.partition(" ")
        if article.lower() not in ("a", "an") or not rest:
            return False
        self.canonical = spaced(f"the {rest}")
        return True

    def set_role(self, role: str | None, words: set[str], group: bool = False) -> None:
        if role and (not self.role or bare_title(self.role) or (self.role_group and not group)):
            self.role = spaced(role)
            self.role_group = group
        self.role_words |= words | {CALLED[w] for w in words if w in CALLED}

    def take_titles(self, titles: list[str]) -> None:
        """A rank or calling given as a title ("Count Mippipopolous", "Doctor Losberne") is
        the person's role: "said the count" is then that person, not a body or stranger.
        Forms of address ("Mr.", "Lady"), kin ("Aunt") and abbreviated ranks ("AG") are none."""
        for title in titles:
            word = fold(title).rstrip(".")
            if word not in HONORIFICS and not is_kin_noun(word) and not title.isupper():
                self.ranks |= {word, TITLE_WORDS.get(word, word)}
                self.role_words |= self.ranks
