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
    condemn denounce decry hail thank blame slam dismiss read find mock blast deride bemoan
    vent grouse cite pledge chant characterize characterise label lambaste tout
    applaud herald scoff refer rip opine ponder sing press interrupt lecture preach
    assure fume bark beam confess chide gush marvel exhort question
    inquire enquire rejoin interpose expostulate remonstrate gasp blurt groan moan sneer
    drawl shriek bellow growl hiss wail whimper entreat implore"""
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
    presenter commentator pundit observer protester demonstrator heckler questioner politician
    delegate councillor councilman councilwoman alderman lecturer tutor pupil graduate intern
    mother-of-two father-of-two grandmother grandfather widow widower supervisor foreman
    staffer grower rancher landlord tenant homeowner shopkeeper vendor buyer seller
    shareholder donor volunteer nominee incumbent challenger contender rival opponent
    mp mep msp mla cfo cto coo gp backbencher frontbencher receiver linebacker lineman
    catcher shortstop outfielder infielder kicker punter cornerback junior sophomore freshman
    user commenter follower viewer listener subscriber supporter backer columnist pollster
    attendee participant member operative surrogate loyalist citizen"""
)

#: Nouns that name a person only when they stand over a body ("the head of the RNC's rules
#: committee", "the agency's deputy"): alone they are no one ("the head of lettuce").
BODY_ROLE_NOUNS = word_set("head deputy co-chair cochair vice-chair")

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


#: More common nouns for people ("the old gentleman", "the butler", "a retired mechanic"):
#: enough to tell a person described from a body and a role from a thing, too loose to be
#: the role words the news rules resolve "the mayor" by.
STORY_PERSON_NOUNS = word_set(
    """gentleman gentlewoman lady servant maid butler valet footman coachman companion painter
    hostess landlady governess housekeeper nanny cook porter innkeeper squire vicar curate
    parson clergyman beadle undertaker sailor admiral patron patronne donna fellow lad lass
    youth baby infant aunt uncle cousin niece nephew grandson granddaughter bride groom
    stranger lover sweetheart master mistress magistrate gentlefolk folk heir heiress pauper
    orphan beau chum crony advocate sweep spinster ally peer laureate native mom dad mum
    marine mechanic medic cleric counsel prefect prelate monk shepherd tackle"""
)
#: Words in -man and -men that are not people.
NOT_PEOPLE_MAN = word_set(
    """abdomen specimen regimen acumen stamen albumen bitumen ottoman caiman cayman dolman
    omen amen talisman hymen semen rumen"""
)


def is_human_noun(lemma: str) -> bool:
    """A common noun for a human being, role or not ("the old gentleman", "the clergyman"):
    what a description must be to be a person rather than a body."""
    if is_person_noun(lemma) or lemma in STORY_PERSON_NOUNS:
        return True
    if lemma in MALE_NOUNS or lemma in FEMALE_NOUNS:
        return True
    return len(lemma) >= 5 and lemma.isalpha() and lemma.endswith(("man", "men")) and (
        lemma not in NOT_PEOPLE_MAN
    )


#: Heads of noun phrases that stand for the person who owns them ("Lapid's office said").
PROXY_NOUNS = word_set(
    """office spokesman spokeswoman spokesperson spokespeople aide aides representative
    representatives campaign team lawyer lawyers attorney attorneys camp staff press
    secretary adviser advisers advisor advisors"""
)

#: The proxies that are people in their own right: "Hale's spokeswoman said" quotes the
#: spokeswoman, not Hale (the other proxies, "Hale's office / campaign", speak as Hale).
PERSON_PROXY_NOUNS = word_set(
    """spokesman spokeswoman spokesperson spokespeople aide aides representative
    representatives lawyer lawyers attorney attorneys secretary adviser advisers advisor
    advisors"""
)

#: The proxies that are a body of people speaking as one: "the Clinton campaign said" quotes
#: the campaign, not Clinton.
BODY_PROXY_NOUNS = word_set("campaign camp team staff")

#: Nouns for something said, whose possessor said it ("her warning", "Trump's remark").
SAYING_NOUNS = word_set(
    """comment remark claim call message promise warning pledge slogan statement description
    assertion admission argument words phrase term label nickname cry chant mantra vow plea
    insistence accusation attack criticism praise tweet speech joke quip jab broadside retort
    charge characterization suggestion contention dictum maxim boast complaint allegation
    prediction observation insinuation"""
)

#: Written things that "say" something on behalf of whoever issued them.
DOC_NOUNS = word_set(
    """report statement readout study survey letter memo document release announcement
    filing complaint lawsuit ruling decision order indictment affidavit post tweet message
    email e-mail note paper assessment review analysis guidance notice bulletin communique
    communiqué brief petition summary presentation draft transcript decree edict directive
    verdict judgment judgement resolution declaration proclamation manifesto advisory cable
    guide handbook manual playbook"""
)

#: Things made to be read or watched that a text quotes like documents ("one of her ads", "a
#: Wednesday editorial"), beside the papers of ``DOC_NOUNS`` that rules treat as issued.
PAPERS = DOC_NOUNS | word_set(
    """poll ad advert advertisement commercial editorial op-ed column article textbook video
    headline book account opinion website page sign banner billboard flyer leaflet bill suit
    memoir publication tabloid piece"""
)

#: Nouns for a gathering of people who speak as one ("the crowd chanted").
GROUP_NOUNS = word_set("crowd audience majority minority public electorate mob")

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

#: Verbs by which a body issues a document ("the ministry released a report", "she revised
#: her statement", "the senators signed a letter"; "put" only as "put out", in evidence.py).
ISSUE_VERBS = word_set(
    """release publish issue deliver present file send post unveil produce write submit
    prepare circulate read revise update amend sign make give put"""
)

#: Words after which a quoted span is a name or a title however sentence-like it looks
#: ("a report titled “Borrowed Time: Groundwater and the Valley”").
#: Verbs that give a name as well as words: "calls it “Closer”" names, "calls it “a scam”" says.
NAMING_VERBS = word_set("call dub name label nickname christen brand title term")

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

#: Pronouns that stand for an unnamed person or group ("another said", "some argued").
SOURCE_PRONOUNS = word_set("another one someone somebody some others many several few most both")

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


# --- names and titles -------------------------------------------------------------------------

#: Words dropped from the front of a name (folded, without a trailing full stop).
TITLES = word_set(
    """mr mrs ms miss mx dr prof professor sir dame lady lord sister brother father mother
    superior rev reverend fr sen senator rep representative gov governor gen general lt col
    capt captain maj major sgt sergeant adm admiral cmdr officer det detective judge justice
    president vice secretary minister chancellor premier mayor chairman chairwoman ambassador
    coach dean chief saint st uncle aunt cousin grandma grandpa constable inspector
    superintendent commissioner commander sheriff deputy marshal councillor councilman
    councilwoman alderman bishop archbishop cardinal rabbi imam pastor cllr monsieur madame
    mademoiselle ag doctor colonel count countess baron baroness"""
)


#: Forms of address, which are not roles.
HONORIFICS = word_set(
    "mr mrs ms miss mx sir dame lady lord master madam monsieur madame mademoiselle"
)


MALE_TITLES = word_set("mr sir lord brother father fr uncle grandpa king prince duke monsieur")


FEMALE_TITLES = word_set(
    "mrs ms miss dame lady sister mother aunt grandma queen princess duchess madame mademoiselle"
)


MALE_NOUNS = word_set("husband father son brother boyfriend uncle nephew grandfather man")


FEMALE_NOUNS = word_set("wife mother daughter sister girlfriend aunt niece grandmother woman widow")


#: Common English first names; a weak cue, used only when the text gives no better one.
FEMALE_NAMES = word_set(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa
    deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren
    joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa
    kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn
    beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
    alexis kayla hillary nikki kamala nancy angela ursula theresa jacinda marine giorgia
    jane anne harriet fanny elinor marianne lucy catherine jo meg beth amy"""
)


MALE_NAMES = word_set(
    """james robert john michael david william richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
    jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
    jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
    randy roy vincent ralph eugene russell bobby mason philip louis tony
    bill barack joe emmanuel vladimir xi boris rishi olaf justin dick mark elon
    martin edmund"""
)


#: Capitalised words the tagger runs into the name after them ("Darling Tony," at a letter's
#: head, "Poor Catherine", "Top Clinton aide", "Said Hamidullah" after a quote): an epithet
#: or a saying verb, no part of anyone's name.
NAME_OPENERS = word_set(
    """darling dear dearest poor young old little top big good sweet said says"""
)


#: Lower-case words that belong inside names ("Ludwig van Beethoven", "Osama bin Laden").
NAME_PARTICLES = word_set(
    """van von der den de del della di da das dos du la le bin ibn al el ter ten y zu st."""
)


#: What an abbreviated title stands for, so "Gov. Ellen Marchetti" is later "the governor".
TITLE_WORDS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "det": "detective",
    "supt": "superintendent",
    "cllr": "councillor",
    "dr": "doctor",
    "prof": "professor",
    "adm": "admiral",
    "cmdr": "commander",
}


#: Penn tags of a finite verb: a clause of its own, not a phrase.
FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))

#: What people call a calling ("Mr. Losberne, a surgeon", is "the doctor" to everyone).
CALLED = {"surgeon": "doctor", "physician": "doctor", "apothecary": "doctor", "medic": "doctor"}


#: Modifiers that say nothing about which person a description means ("the former leader").
VAGUE_WORDS = frozenset(("former", "top", "senior", "longtime", "veteran", "new", "current"))


#: Verbs whose complement is about the listener: "she asked how he wished to plead".
LISTENER_VERBS = frozenset(("ask", "tell", "urge", "order", "beg", "instruct", "question", "warn"))

#: Words for a share of the people a poll asked ("half of voters", "a majority said").
SHARE_WORDS = frozenset(("percent", "%", "half", "majority", "plurality", "third", "quarter"))
