"""Who speaks in news when the tagger calls people bodies and bodies people: a surname after a
quoted full name, a role over a body, the share of a poll, a label after a headline's dash,
a person inside a body's name, and the kind each speaker is given. Real model, invented
sentences modelled on PolNeAR's."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import quote

Run = Callable[[str], Analysis]


def kinds(a: Analysis) -> dict[str, str | None]:
    return {sp.name: sp.kind for sp in a.speakers}


def test_a_lone_surname_tagged_a_body_is_the_person_a_quote_named(run: Run) -> None:
    a = run(
        "The memo urged delegates to pick a nominee “other than Donald Trump or Ted Cruz.”\n\n"
        "The fight comes at a sensitive time for the RNC, which has come under withering attack"
        " in recent days from Trump. In TV interviews and tweets, Trump has argued that the"
        " committee has overseen a “rigged” nomination process that gives undue power to"
        " insiders.\n"
    )
    q = quote(a, "“rigged”")
    assert q.speaker == "Donald Trump" and q.mention is not None and q.mention.text == "Trump"
    assert kinds(a)["Donald Trump"] == "person"


def test_a_role_over_a_body_is_an_unnamed_person(run: Run) -> None:
    a = run(
        "An internal power struggle has erupted at the Republican National Committee, as the"
        " head of the RNC’s powerful rules committee has accused his own party leadership of a"
        " “major breach of trust” in trying to block a rule change.\n"
    )
    name = "the head of the RNC’s powerful rules committee"
    assert quote(a, "“major breach").speaker == name
    assert kinds(a) == {name: "unnamed"}


def test_the_share_of_a_poll_speaks_for_the_poll(run: Run) -> None:
    a = run(
        "Voters are split. In a national CNN/ORC poll released Monday, 31% of Republicans"
        ' said they were "extremely enthusiastic" about voting.\n'
    )
    q = quote(a, '"extremely')
    assert q.mention is not None and q.mention.text == "a national CNN/ORC poll"
    assert q.rule == "poll"


def test_a_share_with_no_poll_is_an_unnamed_group_not_a_body(run: Run) -> None:
    a = run(
        "Clinton’s rating on trust is damaging. Asked whether Clinton “has the integrity to"
        " serve effectively as president,” 75 percent of Democrats said yes.\n"
    )
    assert quote(a, "“has the integrity").speaker == "75 percent of Democrats"
    assert kinds(a) == {"75 percent of Democrats": "unnamed"}


def test_a_label_after_a_headline_dash_outranks_the_headline_verb(run: Run) -> None:
    a = run(
        "Pollsters are under fire.\n\n"
        "Media shares blame in Iowa poll overhype - HuffPollster: “Pollsters are taking a lot"
        " of heat from the public and the media for not anticipating the result.”\n"
    )
    assert quote(a, "“Pollsters").speaker == "HuffPollster"


def test_a_surname_with_an_apostrophe_stays_the_person(run: Run) -> None:
    a = run(
        "“It may not be the most effective use of your campaign time,” said Brett O’Donnell,"
        " chief strategist for Michele Bachmann’s campaign.\n\n"
        "“Was that the best use of our time? In retrospect, I don’t think it was,” O’Donnell"
        " said.\n"
    )
    assert quote(a, "“Was that").speaker == "Brett O’Donnell"
    assert kinds(a) == {"Brett O’Donnell": "person"}


def test_a_person_inside_a_body_name_is_a_person(run: Run) -> None:
    a = run(
        "“He overperformed, and it’ll have an impact in his coverage,” Commentary’s Noah"
        " Rothman tweeted Friday.\n"
    )
    assert quote(a, "“He overperformed").speaker == "Noah Rothman"
    assert kinds(a) == {"Noah Rothman": "person"}


def test_a_title_that_runs_on_through_a_phrase_leaves_the_name(run: Run) -> None:
    a = run(
        "The program airs seven days a week. Sirius XM Vice President for news and talk Dave"
        " Gorab called the show “the conservative news show of record.”\n"
    )
    q = quote(a, "“the conservative")
    assert q.speaker == "Dave Gorab" and q.mention is not None
    assert q.mention.text == "Dave Gorab"


def test_an_advert_is_a_document(run: Run) -> None:
    a = run("A campaign TV ad says Smith “will stand up to the gun lobby.”\n")
    assert kinds(a) == {"A campaign TV ad": "document"}


def test_a_day_is_never_the_speaker(run: Run) -> None:
    # PolNeAR's sentences: the parser makes "Wednesday" the inverted subject of "said" and
    # "Saturday" the subject of "said"; a date names when, not who.
    a = run(
        "Clinton's top aides have served in the Obama White House, and they periodically check"
        " in with the president's current staff on their policy plans and announcements."
        " Although there is no such overlap with Sanders's team, a White House official who"
        " spoke anonymously to discuss internal strategy said Wednesday, \"Certainly there are"
        ' discussions between the White House and the Sanders campaign." The aide declined to'
        " specify the nature of those discussions.\n"
    )
    b = run(
        "Elizabeth Warren: Donald Trump Is a ‘Proven Failure’ in Business.\n\n"
        "Saturday at the Massachusetts Democratic state’s party convention Sen. Elizabeth"
        " Warren (D-MA) said presumptive Republican presidential nominee Donald Trump was a"
        " “proven failure” in business.\n"
    )
    said = {q.speaker for q in (*a.quotes, *b.quotes)}
    assert a.quotes and b.quotes and not said & {"Wednesday", "Saturday"}
    assert not {sp.name for sp in (*a.speakers, *b.speakers)} & {"Wednesday", "Saturday"}


def test_a_dash_line_after_a_quote_signs_it(run: Run) -> None:
    a = run(
        "Following are some claims from the debate.\n\n"
        '"Almost all new income and wealth is going to the top 1 percent."\n\n'
        "- Bernie Sanders.\n\n"
        "The senator is relying on an outdated figure.\n\n"
        '"I will certainly look into it."\n\n'
        "- Hillary Clinton.\n\n"
        "Clinton has been looking into it for a while.\n"
    )
    assert quote(a, '"Almost all').speaker == "Bernie Sanders"
    assert quote(a, '"I will').speaker == "Hillary Clinton"


def test_a_signature_glued_to_its_dash_names_without_the_dash(run: Run) -> None:
    a = run(
        "Convention notebook.\n\n"
        "\"Great speech. She's tested. She's ready.\"\n\n"
        "-President Obama, tweeting after the speech.\n\n"
        '"The whole idea of it needs to stop."\n\n'
        "-Michelle Marks, Philadelphia.\n"
    )
    q = quote(a, '"The whole idea')
    assert q.speaker == "Michelle Marks"  # not the place beside the name
    assert q.mention is not None and q.mention.text == "Michelle Marks"
    m = quote(a, '"Great speech').mention
    assert m is not None and m.text == "President Obama"


def test_pointing_out_is_saying(run: Run) -> None:
    a = run(
        "Trump filed his disclosure form on Monday. But as The Hill pointed out, “Still, Trump"
        " has so far declined to release any tax returns, something every major party nominee"
        " has done in the modern era.”\n"
    )
    assert quote(a, "“Still").speaker == "The Hill"
    b = run(
        "Glenn Beck spoke on his radio show on Wednesday. The radioman pointed out that Trump"
        " was once an advocate for “big government, bailouts and executive orders.”\n"
    )
    q = quote(b, "“big government")
    assert q.speaker == "Glenn Beck" and q.mention is not None
    assert q.mention.text == "The radioman"


def test_a_surname_that_is_a_role_word_is_still_the_name(run: Run) -> None:
    a = run(
        "“He is in great internal conflict about what's going on,” said former Vermont governor"
        " Howard Dean (D), a Clinton supporter. “He knows intellectually that he can't win.”\n"
    )
    assert quote(a, "“He is in great").speaker == "Howard Dean"
    assert kinds(a) == {"Howard Dean": "person"}


def test_a_name_the_parser_glued_to_its_verb_speaks(run: Run) -> None:
    # USA Today's sentence: the parser makes "Conway" a compound of "notes"
    a = run(
        "Trump now reads from prepared texts rather than riffing at rallies. \"Look at the"
        ' statement Mr. Trump put out after the Dallas shootings," Conway notes. "It was very'
        ' different in tone and content from what people are accustomed to."\n'
    )
    assert quote(a, '"Look at').speaker == "Conway"
    assert quote(a, '"It was').speaker == "Conway"


def test_a_statement_issued_in_the_sentence_rests_on_its_issuer(run: Run) -> None:
    a = run(
        "Hillary Clinton spoke with the mayor on Sunday. Hours later, she issued a statement"
        ' calling on the United States "to redouble our efforts to defend our country from'
        ' threats at home and abroad."\n'
    )
    q = quote(a, '"to redouble')
    assert q.speaker == "Hillary Clinton" and q.mention is not None
    assert q.mention.text == "she"


def test_a_speaker_the_parser_made_the_head_of_its_verb_speaks(run: Run) -> None:
    a = run(
        "The crowd was restless. Some in the crowd booed, and when Rubio thanked Miami and said"
        " it was great to be home, a man yelled “Stay there!”\n"
    )
    assert quote(a, "“Stay there").speaker == "a man"


def test_a_paper_or_a_crowd_is_not_the_person_last_named(run: Run) -> None:
    cases = {
        "Hillary Clinton spoke in Des Moines on Monday. The poll said she was “comfortably"
        " ahead” of her rivals.\n": ("The poll", "document"),
        "Trey Gowdy answered questions on Friday. The suit says the committee acted “in bad"
        " faith” toward the staffer.\n": ("The suit", "document"),
        "Bernie Sanders was in Iowa. The ad says he will “fight for every working"
        " family.”\n": ("The ad", "document"),
        "Donald Trump spoke in Phoenix on Monday, and the crowd chanted “Build the wall!” as"
        " he spoke.\n": ("the crowd", "unnamed"),
    }
    for text, (name, kind) in cases.items():
        a = run(text)
        assert [q.speaker for q in a.quotes] == [name], text
        assert kinds(a) == {name: kind}, text


def test_a_body_noun_with_its_name_beside_it_is_that_body(run: Run) -> None:
    a = run(
        "Israeli officials were quiet. The Israeli newspaper Haaretz noted that \"as a matter"
        ' of policy, Israeli officials do not meet with racist and radical politicians."\n'
    )
    q = quote(a, '"as a matter')
    assert q.speaker == "Haaretz" and q.mention is not None
    assert q.mention.text == "The Israeli newspaper Haaretz"


def test_a_described_source_is_named_without_the_words_it_quoted(run: Run) -> None:
    # The relative clause quotes the pastor: his name in the speakers list is the description
    # before it, never a phrase with someone's quoted words in it.
    a = run(
        "Voters in the district were split. A local pastor who described the plan as “a "
        "betrayal” said, “Nobody asked us what we wanted.”\n"
    )
    assert quote(a, "“Nobody").speaker == "A local pastor"
    assert [s.name for s in a.speakers if "“" in s.name or "”" in s.name] == []


def test_one_described_source_quoted_twice_is_one_speaker(run: Run) -> None:
    a = run(
        "Voters in the district were split. A local pastor who described the plan as “a "
        "betrayal” said, “Nobody asked us what we wanted.”\n"
    )
    assert [(s.name, s.quotes) for s in a.speakers] == [("A local pastor", [0, 1])]


def test_a_paper_put_out_speaks_for_whoever_put_it_out(run: Run) -> None:
    a = run(
        "Senator Dana Whitcomb is releasing a new radio ad that urges farmers in Ohio to"
        " “vote for the water they drink.”\n\n"
        "Meanwhile, the Toledo Courier ran a column that argued the plan “would cost the county"
        " far more than it could ever save.”\n\n"
        "Whitcomb watched an ad that urges drivers to “slow down near the schools now.”\n"
    )
    assert quote(a, "“vote for").speaker == "Dana Whitcomb"
    assert quote(a, "“would cost").speaker == "Toledo Courier"
    # watching an ad is not putting it out: its words are not the watcher's
    assert quote(a, "“slow down").speaker != "Dana Whitcomb"
