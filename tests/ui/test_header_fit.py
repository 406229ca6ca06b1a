"""The header's room goes to the title first: the byline next, the path last, cut from its
left (its file name kept) or left out; at 80 columns the path had half the line."""

from reader.ui.widgets.header import from_left, header_fit

TITLE = "Poland marks the anniversary of the shipyard strike"  # 51 columns
PATH = "/home/ana/news/2024/europe/politics/shipyard-strike.txt"  # 55 columns


def test_the_title_has_the_room_first() -> None:
    assert header_fit(78, TITLE, "", PATH) == ("", "…" + PATH[-(78 - 51 - 2 - 1):])
    assert header_fit(118, TITLE, "", PATH) == ("", PATH)
    assert header_fit(60, TITLE, "", PATH) == ("", "")  # too little left: left out
    assert header_fit(78, TITLE + " and Solidarity's birth", "", PATH) == ("", "")


def test_the_byline_before_the_path() -> None:
    meta = "By Ana Ruiz · 2024-08-31"  # 24 columns
    assert header_fit(118, TITLE, meta, PATH) == (meta, "…" + PATH[-(118 - 51 - 26 - 2 - 1):])
    assert header_fit(70, TITLE, meta, PATH) == ("By Ana Ruiz · 20…", "")


def test_a_path_keeps_its_end_in_wide_letters_too() -> None:
    assert from_left("/a/東京.txt", 9) == "…東京.txt"
    assert from_left("/a/東京.txt", 8) == "…京.txt"  # no half of a wide letter
    assert from_left("short", 8) == "short"
