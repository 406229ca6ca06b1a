"""`reader notes` as a person runs it: a subprocess against a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis.model import Analysis, Quote, Speaker
from reader.store import Store

TEXT = "Budget talks\n\n“We will cut taxes,” Ann Lee said.\nThe vote is on Friday.\n"


def run(db: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), *args],
        capture_output=True, text=True, timeout=60, env=env,
    )


@pytest.fixture
def filled(db_path: Path, make_doc) -> Path:
    with Store.open(db_path) as s:
        a = s.save_article(make_doc(text=TEXT, title="Budget talks", source="/news/budget.txt"))
        s.cache_analysis(a.hash, "m", "1", Analysis(
            quotes=[Quote(id=0, start=14, end=34, text=TEXT[14:34], speaker="Ann Lee")],
            speakers=[Speaker(name="Ann Lee")],
        ))
        start = TEXT.index("We will cut taxes")
        s.add_annotation(a.id, TEXT, start, start + 17, color=2, note="Promise #1")
        start = TEXT.index("The vote")
        s.add_annotation(a.id, TEXT, start, start + 22)
        b = s.save_article(make_doc(text="Other story.\n", title="Weather", source="/news/w.txt"))
        s.add_annotation(b.id, b.text, 0, 5, note="rain")
        s.save_article(make_doc(text="No notes here.\n", title="Quiet", source="/news/q.txt"))
    return db_path


EXPECTED_BUDGET_MD = (
    "# Budget talks — /news/budget.txt\n"
    "\n"
    "> We will cut taxes\n"
    ">\n"
    "> — Ann Lee\n"
    "\n"
    "Promise #1\n"
    "\n"
    "> The vote is on Friday.\n"
)


def test_markdown_for_one_article(filled: Path) -> None:
    done = run(filled, "notes", "budget")
    assert done.returncode == 0, done.stderr
    assert done.stdout == EXPECTED_BUDGET_MD
    assert done.stderr == ""


def test_all_articles_with_notes(filled: Path) -> None:
    done = run(filled, "notes")
    assert done.returncode == 0, done.stderr
    # Most recently read first; the article without notes is left out.
    assert done.stdout == "# Weather — /news/w.txt\n\n> Other\n\nrain\n\n" + EXPECTED_BUDGET_MD


def test_json_ld(filled: Path) -> None:
    done = run(filled, "notes", "Budget", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    first = data["first"]["items"][0]
    assert first["body"] == {"type": "TextualBody", "value": "Promise #1",
                             "format": "text/plain", "purpose": "commenting"}
    assert first["target"]["source"] == "file:///news/budget.txt"
    assert first["target"]["selector"][0] == {
        "type": "TextPositionSelector", "start": 15, "end": 32}
    assert first["target"]["selector"][1]["exact"] == "We will cut taxes"
    assert json.loads(run(filled, "notes", "--format", "json").stdout)["total"] == 3


def test_csv_to_file(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes.csv"
    done = run(filled, "notes", "w.txt", "--format", "csv", "-o", str(out))
    assert (done.returncode, done.stdout) == (0, "")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        "article,source,start,end,passage,speaker,note,color,orphaned,created,updated,id,"
        "attribution,written_about")
    assert lines[1].startswith("Weather,/news/w.txt,0,5,Other,,rain,1,0,")
    assert len(lines) == 2


def test_errors_are_one_line_exit_2(filled: Path, tmp_path: Path) -> None:
    for args, words in [
        (("notes", "no such thing"), "No article in the library matches"),
        (("notes", "news"), "3 articles match 'news'"),
        (("notes", "-o", str(tmp_path / "missing" / "x.md")), "cannot write the notes"),
    ]:
        done = run(filled, *args)
        assert done.returncode == 2
        assert done.stderr.startswith("reader: ") and words in done.stderr
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    missing = tmp_path / "none.db"
    done = run(missing, "notes")
    assert done.returncode == 2 and "no such database" in done.stderr
    assert not missing.exists()
    bogus = tmp_path / "bogus.db"
    bogus.write_text("not a database\n")
    done = run(bogus, "notes")
    assert done.returncode == 2 and "not an SQLite database" in done.stderr
    assert bogus.read_text() == "not a database\n"


def test_copy_to_the_real_clipboard(filled: Path, x_display: str) -> None:
    done = run(filled, "notes", "budget", "--copy")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr == f"reader: copied {len(EXPECTED_BUDGET_MD)} characters to the clipboard.\n"
    pasted = subprocess.run(
        ["xclip", "-selection", "clipboard", "-o"], capture_output=True, timeout=10, check=True,
        env={"DISPLAY": x_display},
    ).stdout.decode("utf-8")
    assert pasted == EXPECTED_BUDGET_MD


def test_copy_without_clipboard_prints_and_exits_2(filled: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = run(filled, "notes", "budget", "--copy", env=env)
    assert done.returncode == 2
    assert done.stdout == EXPECTED_BUDGET_MD
    assert done.stderr.startswith("reader: No clipboard is available")
    assert done.stderr.rstrip().endswith("The notes were printed instead.")
    # The real cause is named, not a tool that may well be installed (xclip here, in CI).
    assert "no X or Wayland display (DISPLAY and WAYLAND_DISPLAY are unset)" in done.stderr
    assert "install" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_copy_with_a_display_but_no_clipboard_tool_says_which_to_install(
    filled: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "bin"  # a PATH with no xclip, xsel or wl-copy
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
    env.update(DISPLAY=":0", PATH=str(empty))
    done = run(filled, "notes", "budget", "--copy", "-o", str(tmp_path / "n.md"), env=env)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "reader: No clipboard is available here: no clipboard tool was found (install xclip "
        f"or xsel). The notes were written to {tmp_path / 'n.md'}.\n"
    )
    assert (tmp_path / "n.md").read_text(encoding="utf-8") == EXPECTED_BUDGET_MD


def test_a_draft_is_not_exported_but_said_to_wait(filled: Path) -> None:
    """A note left in its editor with escape is a draft, not a note: the export is the same,
    and the reader is told on stderr that words wait (never for another article's draft)."""
    from reader.drafts import Draft, DraftBox

    with Store.open(filled) as s:
        budget = s.find_article("budget").id
    DraftBox(filled).keep(Draft(
        article=budget, key="span:0:6", text="typed, not stored", passage="Budget", span=(0, 6, 1),
    ))
    done = run(filled, "notes", "budget")
    assert done.returncode == 0, done.stderr
    assert done.stdout == EXPECTED_BUDGET_MD
    # It names the article whose Notes tab lists it (it said "the article's").
    assert "1 unsaved note (a draft) of “Budget talks” is not in this export" in done.stderr
    done = run(filled, "notes", "weather")
    assert done.returncode == 0 and "unsaved" not in done.stderr
    done = run(filled, "notes")
    assert "typed, not stored" not in done.stdout
    assert "1 unsaved note (a draft) of “Budget talks” is" in done.stderr


def test_a_title_and_a_source_that_both_match_are_listed_not_one_picked(
    filled: Path, make_doc
) -> None:
    """Found by a new user: `reader notes church` with the word in one article's title and
    another's address exported the first silently."""
    with Store.open(filled) as s:
        storm = s.save_article(make_doc(text="A storm came.\n", title="Storm warning",
                                        source="/news/weather-storm.txt"))
    done = run(filled, "notes", "weather")
    assert done.returncode == 2, done.stdout
    assert done.stderr.startswith("reader: 2 articles match 'weather': ")
    assert "“Weather”" in done.stderr and f"{storm.id} “Storm warning”" in done.stderr
    assert "be more precise" in done.stderr and done.stderr.count("\n") == 1
    assert run(filled, "notes", "Weather").returncode == 0  # the whole title: that one
