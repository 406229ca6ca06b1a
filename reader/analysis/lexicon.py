"""Word lists the rules consult: speech verbs and the nouns that can speak.

General English, nothing specific to any article.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """A set of words from a whitespace-separated list."""
    return frozenset(text.split())


SPEECH_VERBS = word_set(
    """say tell add state reply respond tweet post write ask claim explain note insist argue
    warn accuse answer announce acknowledge admit affirm agree allege assert boast caution
    comment complain concede conclude confirm contend continue counter cry declare deny
    describe emphasize emphasise estimate exclaim joke lament maintain mention muse observe
    plead predict proclaim promise protest recall recount remark repeat report retort reveal
    scream shout sigh snap stress suggest urge vow whisper wonder yell mutter murmur call
    testify concur recommend quip demand grumble insist laugh sob stammer stutter begin
    reason reiterate elaborate interject blog text email praise criticize criticise
    condemn denounce decry hail thank blame slam dismiss read find"""
)
#: Verbs too often used of things rather than speakers to cue a short fragment on their own.
WEAK_VERBS = word_set("suggest continue begin call describe report note find read")

#: Verbs of answering: the speaker is not whoever spoke last ("the candidate replied").
REPLY_VERBS = word_set("reply respond retort counter answer rebut shoot fire hit")

#: Heads of noun phrases that name a person by role ("the lawmaker", "a spokesman").
PERSON_NOUNS = word_set(
    """spokesman spokeswoman spokesperson official officer operator dispatcher diplomat
    lawmaker legislator senator representative congressman congresswoman minister secretary
    president leader chairman chairwoman chair director executive ceo founder cofounder
    co-founder manager analyst expert economist scientist researcher professor teacher
    student doctor physician nurse surgeon lawyer attorney prosecutor judge justice sheriff
    detective agent investigator inspector chief commander general colonel captain sergeant
    soldier pilot driver witness victim survivor resident neighbour neighbor owner worker
    employee source insider aide adviser advisor consultant strategist lobbyist activist
    organizer organiser campaigner candidate voter mayor governor ambassador envoy negotiator
    mediator official priest bishop cardinal pope nun sister brother father mother wife
    husband son daughter man woman boy girl friend colleague partner caller voice reporter
    journalist editor author writer critic historian biologist chemist physicist engineer
    developer programmer designer architect banker investor trader entrepreneur farmer
    fisherman officer policeman policewoman firefighter paramedic coach player athlete
    referee fan spectator host guest speaker narrator prisoner inmate suspect defendant
    plaintiff accuser administrator commissioner regulator inspector auditor treasurer
    superintendent principal dean provost rector chancellor premier king queen prince
    princess duke duchess emperor mr. mrs. ms. dr. guard stranger visitor customer patient
    parent child teenager clerk waiter assistant secretary-general old
    republican democrat conservative liberal independent person people
    striker goalkeeper keeper goalie midfielder defender winger forward skipper boss
    substitute teammate rookie quarterback pitcher batter bowler batsman cyclist runner
    swimmer sprinter champion winner star veteran actor actress singer musician rapper
    filmmaker producer comedian novelist poet dancer chef interviewer moderator anchor
    presenter commentator pundit observer protester demonstrator politician delegate
    councillor councilman councilwoman alderman lecturer tutor pupil graduate intern
    mother-of-two father-of-two grandmother grandfather widow widower supervisor foreman
    staffer grower rancher landlord tenant homeowner shopkeeper vendor buyer seller
    shareholder donor volunteer nominee incumbent challenger contender rival opponent
    mp mep msp mla cfo cto coo gp backbencher frontbencher receiver linebacker lineman
    catcher shortstop outfielder infielder kicker punter cornerback junior sophomore freshman
    user commenter follower viewer listener subscriber"""
)

#: Endings of nouns for people by what they do ("epidemiologist", "technician").
PERSON_SUFFIXES = ("ologist", "ician", "ographer", "sman", "swoman", "sperson")
#: Words in -ist that are not people.
NOT_PEOPLE_IST = word_set("list gist twist wrist fist mist exist assist insist persist resist")


def is_person_noun(lemma: str) -> bool:
    """A common noun for a person: a listed role, or an agent ending ("the epidemiologist").
    The endings are for common nouns only: "Lindqvist" is a name."""
    if lemma in PERSON_NOUNS:
        return True
    if lemma.endswith(PERSON_SUFFIXES):
        return True
    return lemma.endswith("ist") and len(lemma) >= 6 and lemma not in NOT_PEOPLE_IST


#: Heads of noun phrases that stand for the person who owns them ("Lapid's office said").
PROXY_NOUNS = word_set(
    """office spokesman spokeswoman spokesperson spokespeople aide aides representative
    representatives campaign team lawyer lawyers attorney attorneys camp staff press
    secretary adviser advisers advisor advisors"""
)

#: Written things that "say" something on behalf of whoever issued them.
DOC_NOUNS = word_set(
    """report statement readout study survey letter memo document release announcement
    filing complaint lawsuit ruling decision order indictment affidavit post tweet message
    email e-mail note paper assessment review analysis guidance notice bulletin communique
    communiqué brief petition summary presentation draft transcript decree edict directive
    verdict judgment judgement resolution declaration proclamation manifesto advisory"""
)

#: Last words of the names of companies, clubs and other bodies ("Furrow Labs", "Dunmore
#: Rovers") that the tagger sometimes calls people.
ORG_NAME_ENDINGS = word_set(
    """labs lab inc inc. ltd ltd. llc plc corp corp. co. gmbh technologies systems solutions
    holdings ventures capital partners networks industries enterprises media studios games
    motors airlines airways pharmaceuticals therapeutics biosciences robotics analytics
    fc afc rovers wanderers albion athletic rangers"""
)

#: What only a body has: "Marches Water's chief executive", "Vantara's shares".
ORG_POSSESSIONS = word_set(
    """executive ceo cfo chairman chairwoman board shareholder customer employee boss share
    stock revenue profit earnings headquarters subsidiary factory plant workforce"""
)

#: Relations that make "X of Y" about a person ("the son of Y"); other roles before "of"
#: make Y a body ("the chief executive of Y").
RELATION_NOUNS = word_set(
    """son daughter wife husband mother father brother sister child children friend widow
    widower parent parents grandson granddaughter niece nephew cousin uncle aunt family
    fan fans biographer"""
)

#: Verbs by which a body issues a document ("the ministry released a report").
ISSUE_VERBS = word_set(
    """release publish issue deliver present file send post unveil produce write submit
    prepare circulate read"""
)

#: Words after which a quoted span is a name or a title however sentence-like it looks
#: ("a report titled “Borrowed Time: Groundwater and the Valley”").
NAMING_CUES = word_set("titled entitled dubbed nicknamed christened headlined so-called")

#: Nouns for works, whose names the tagger sometimes takes for people ("her novel, Salt
#: Ledger,").
WORK_NOUNS = word_set(
    """novel book film movie album song play poem series show documentary memoir collection
    podcast episode painting exhibition opera musical single record"""
)

#: Words that mark a following quoted span as a title or a name, not speech.
TITLE_CUES = word_set(
    """see titled entitled dubbed nicknamed headlined named hashtag so-called album film
    book movie song show series novel play poem article column podcast episode"""
)

MALE_PRONOUNS = frozenset(("he", "him", "his", "himself"))
FEMALE_PRONOUNS = frozenset(("she", "her", "hers", "herself"))

#: Heads of noun phrases that stand for an organisation named earlier ("the company said").
ORG_NOUNS = word_set(
    """company firm airline carrier agency ministry department government administration
    police force army military church bank university college school hospital council court
    party group organisation organization union club network website newspaper magazine
    startup start-up manufacturer retailer maker automaker carmaker insurer lender regulator
    authority commission committee board embassy institute foundation charity nonprofit
    business corporation conglomerate utility operator developer publisher studio label
    league federation association campaign office service team panel bureau coalition
    alliance caucus cabinet tribunal secretariat directorate inspectorate watchdog
    consortium cooperative co-op fund trust mission delegation consulate parliament senate
    legislature assembly regime junta militia brigade battalion navy"""
)
