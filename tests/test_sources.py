"""load_source: every kind of input, and every way an input is refused (one sentence, its name).

Files are real files under tmp_path; URLs are served by a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reader.errors import SourceError
from reader.sources import Document, load_source, normalise_text

ARTICLE = (
    "Minister resigns over budget row\n"
    "\n"
    "The finance minister, Jane Porter, resigned on Tuesday after a dispute over spending.\n"
    "\n"
    "“I cannot support a budget that abandons the poorest families,” Porter said.\n"
)
WESTERN = (
    "Café owner speaks out\n\n"
    "“We’re closing after thirty years,” said Zoë Müller, the café’s naïve but proud owner.\n\n"
    "Her résumé lists a façade restoration — déjà vu for the town — and «many regrets».\n"
)

PAGE = """<!DOCTYPE html>
<html><head><title>Minister resigns over budget row | The Daily Paper</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/subscribe">Subscribe now</a></li></ul></nav>
<div class="advert">BUY CHEAP WATCHES TODAY</div>
<article>
<h1>Minister resigns over budget row</h1>
<p>The finance minister, Jane Porter, resigned on Tuesday after a dispute with the prime
minister over spending cuts that had simmered for months.</p>
<p>&ldquo;I cannot support a budget that abandons the poorest families,&rdquo; Porter said in a
statement posted on her website late on Tuesday evening.</p>
<p>The prime minister&rsquo;s office said it regretted the decision. &ldquo;We thank her for her
service,&rdquo; a spokesman told reporters outside Downing Street.</p>
<p>Opposition leaders called for an early election, arguing that the government had lost its
majority and its sense of direction.</p>
</article>
<footer>Copyright 2024 The Daily Paper. All rights reserved. Privacy policy.</footer>
</body></html>
"""
BOILERPLATE = ("Subscribe now", "BUY CHEAP WATCHES", "All rights reserved", "Privacy policy")


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def refused(spec: str, **kwargs: object) -> str:
    """The SourceError message for spec; checks it is one line."""
    with pytest.raises(SourceError) as info:
        load_source(spec, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message and message.endswith(".")
    return message


# ----------------------------------------------------------------------------- plain text


def test_utf8_file(tmp_path: Path) -> None:
    path = write(tmp_path, "article.txt", ARTICLE)
    doc = load_source(str(path))
    assert doc == Document(
        title="Minister resigns over budget row",
        source=str(path.resolve()),
        text=ARTICLE,
        name="article.txt",
        kind="text",
        note="",
        encoding="utf-8",
    )


def test_relative_path_gives_absolute_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    doc = load_source("a.txt")
    assert doc.source == str(tmp_path.resolve() / "a.txt")
    assert doc.name == "a.txt"


def test_title_is_first_non_empty_line(tmp_path: Path) -> None:
    doc = load_source(str(write(tmp_path, "a.txt", "\n\n   \n  Headline here  \nBody.\n")))
    assert doc.title == "Headline here"


def test_utf8_bom_stays_so_offsets_match_the_file(tmp_path: Path) -> None:
    doc = load_source(str(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())))
    assert doc.text == "\ufeff" + ARTICLE  # as open(..., encoding="utf-8") reads it
    assert doc.title == "Minister resigns over budget row"
    assert doc.note == ""


def test_crlf_is_kept_and_a_lone_cr_becomes_lf_so_offsets_match_the_file(
    tmp_path: Path,
) -> None:
    crlf = ARTICLE.replace("\n", "\r\n")
    doc = load_source(str(write(tmp_path, "dos.txt", crlf)))
    raw = (tmp_path / "dos.txt").open(encoding="utf-8", newline="").read()
    assert doc.text == raw == crlf
    start = raw.index("“I cannot")
    assert doc.text[start : start + 9] == "“I cannot"
    mac = load_source(str(write(tmp_path, "mac.txt", ARTICLE.replace("\n", "\r")))).text
    assert mac == ARTICLE
    assert doc.text.splitlines() == mac.splitlines() == ARTICLE.splitlines()


def test_control_characters_are_kept_as_read_but_nul(tmp_path: Path) -> None:
    """The text is data: ESC, BEL, BS, DEL and C1 stay exact (the display policy shows them as
    symbols, tests/test_cli_sanitize.py and tests/ui); only NUL, which ends a string in
    SQLite's text functions, becomes U+FFFD, one for one."""
    tail = "Bad \x1b[2J\x07 \x08bs \x7f\x9b bytes.\n"
    doc = load_source(str(write(tmp_path, "esc.txt", ARTICLE + tail)))
    assert doc.text.endswith(tail)
    assert normalise_text("a\x00b") == "a\ufffdb"
    assert "\t" in load_source(str(write(tmp_path, "tab.txt", "a\tb\n"))).text


@pytest.mark.parametrize(
    ("encoding", "shown"),
    [("cp1252", "windows-1252"), ("latin-1", "windows-1252"), ("cp1251", "windows-1251")],
)
def test_legacy_encodings_are_detected_and_reported(
    tmp_path: Path, encoding: str, shown: str
) -> None:
    text = WESTERN
    if encoding == "cp1251":
        text = "Министр ушёл в отставку\n\n«Мы не уйдём», сказал министр во вторник вечером.\n"
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-")
    spec = str(write(tmp_path, "old.txt", text.encode(encoding)))
    doc = load_source(spec)
    assert doc.text == text
    assert doc.encoding == shown
    assert doc.note == f"{spec} is not valid UTF-8; read it as {shown}."


def test_utf8_with_a_stray_byte_stays_utf8(tmp_path: Path) -> None:
    """One pasted cp1252 byte must not turn every “curly quote” of a UTF-8 file into mojibake."""
    raw = ARTICLE.encode().replace(b"Tuesday", b"Tuesday (caf\xe9)")
    spec = str(write(tmp_path, "mixed.txt", raw))
    doc = load_source(spec)
    assert doc.text == ARTICLE.replace("Tuesday", "Tuesday (caf\ufffd)")
    assert doc.encoding == "utf-8"
    assert doc.note == f"{spec} is not all valid UTF-8; 1 undecodable byte was replaced with �."


def test_utf16_with_bom(tmp_path: Path) -> None:
    doc = load_source(str(write(tmp_path, "wide.txt", ARTICLE.encode("utf-16"))))
    assert doc.text == ARTICLE
    assert "utf-16" in doc.note


def test_stdin_bytes() -> None:
    crlf = ARTICLE.replace("\n", "\r\n")
    doc = load_source("-", stdin=io.BytesIO(crlf.encode()))
    assert (doc.name, doc.source, doc.kind, doc.text) == ("stdin", "stdin", "text", crlf)
    assert doc.title == "Minister resigns over budget row"


def test_stdin_html_is_sniffed() -> None:
    doc = load_source("-", stdin=io.BytesIO(PAGE.encode()))
    assert doc.kind == "html"
    assert doc.title.startswith("Minister resigns over budget row")


@given(st.text())
def test_normalise_text_is_idempotent_and_clean(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert len(once) == len(text)  # offsets into the normal form are offsets into the input
    assert "\r" not in once.replace("\r\n", "") and "\x00" not in once
    lines = once.replace("\r\n", "\n")
    # Nothing else changes: every character is the input's, or the \n a line break became.
    assert all(a == b or b in "\n\ufffd" for a, b in zip(text, once, strict=True))
    assert lines.splitlines() == lines.split("\n")[: len(lines.splitlines())]  # no other breaks


TEXT_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\r\t")


@given(st.text(TEXT_CHARS, min_size=1))
def test_any_utf8_text_reads_back_as_its_normal_form(text: str) -> None:
    """Offsets computed on Document.text hold: it is the decoded text, only normalised."""
    assume(text.strip() and not text.lstrip().startswith("<"))
    doc = load_source("-", stdin=io.BytesIO(text.encode("utf-8")))
    assert doc.text == normalise_text(text)
    assert doc.note == ""


# ----------------------------------------------------------------------------- Markdown

MARKDOWN = """---
layout: post
---
# The *Budget* Row

The finance minister, **Jane Porter**, resigned on Tuesday, [the ministry](https://example.org)
confirmed in a short statement.

> “I cannot support a budget that abandons the poorest families,” Porter said.

## What happens next

- an early election
- a new minister

1. first
2. second

```
code stays as_is()  # kept
```

![A photo of Porter](porter.jpg)
"""


def test_markdown_is_rendered_as_readable_text(tmp_path: Path) -> None:
    doc = load_source(str(write(tmp_path, "story.md", MARKDOWN)))
    assert doc.kind == "markdown"
    assert doc.title == "The Budget Row"
    assert doc.text == (
        "The Budget Row\n\n"
        "The finance minister, Jane Porter, resigned on Tuesday, the ministry confirmed in a"
        " short statement.\n\n"
        "“I cannot support a budget that abandons the poorest families,” Porter said.\n\n"
        "What happens next\n\n"
        "• an early election\n• a new minister\n\n"
        "1. first\n2. second\n\n"
        "code stays as_is()  # kept\n\n"
        "A photo of Porter"
    )


def test_markdown_title_falls_back_to_first_line(tmp_path: Path) -> None:
    doc = load_source(str(write(tmp_path, "plain.markdown", "Just *one* line.\n")))
    assert (doc.title, doc.text) == ("Just one line.", "Just one line.")


def test_markdown_with_only_markup_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "empty.md", "<!-- nothing -->\n\n---\n")
    message = refused(str(tmp_path / "empty.md"))
    assert "empty.md" in message and "no readable text" in message


# ----------------------------------------------------------------------------- HTML files


def check_page(doc: Document) -> None:
    assert doc.kind == "html"
    assert doc.title.startswith("Minister resigns over budget row")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Minister resigns over budget row"
    assert any(p.startswith("The finance minister, Jane Porter, resigned") for p in paragraphs)
    assert (
        "“I cannot support a budget that abandons the poorest families,” Porter said in a "
        "statement posted on her website late on Tuesday evening."
    ) in paragraphs
    assert len(paragraphs) == 5
    for junk in BOILERPLATE:
        assert junk not in doc.text


def test_html_file(tmp_path: Path) -> None:
    doc = load_source(str(write(tmp_path, "page.html", PAGE)))
    check_page(doc)
    assert doc.name == "page.html"


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    check_page(load_source(str(write(tmp_path, "saved_page", PAGE))))


def test_html_without_article_is_refused(tmp_path: Path) -> None:
    page = "<html><head><title>x</title></head><body></body></html>"
    spec = str(write(tmp_path, "blank.html", page))
    assert refused(spec) == f"{spec}: no article text found in the page."


# ----------------------------------------------------------------------------- refusals


def test_missing_file(tmp_path: Path) -> None:
    spec = str(tmp_path / "nope.txt")
    assert refused(spec) == f"{spec}: no such file."


def test_directory(tmp_path: Path) -> None:
    assert refused(str(tmp_path)) == f"{tmp_path} is a directory, not a file."


def test_empty_file(tmp_path: Path) -> None:
    spec = str(write(tmp_path, "empty.txt", b""))
    assert refused(spec) == f"{spec} is empty."


BLANKS = [b"   \n\n\t  \r\n", b"\xef\xbb\xbf \n", "\u2028 \u00a0\n".encode()]


@pytest.mark.parametrize("blank", BLANKS)
def test_whitespace_only_file(tmp_path: Path, blank: bytes) -> None:
    spec = str(write(tmp_path, "blank.txt", blank))
    assert refused(spec) == f"{spec} holds only whitespace."


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        b"\x1b[1;31m\x07\x08" * 50 + b"a few letters",
    ],
    ids=["png", "all-bytes", "control-codes"],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    spec = str(write(tmp_path, "image.bin", data))
    assert refused(spec) == f"{spec} is a binary file, not text."


def test_a_gzip_compressed_text_is_named_with_the_way_to_read_it(tmp_path: Path) -> None:
    import gzip

    spec = str(write(tmp_path, "story.txt.gz", gzip.compress(b"The mayor said so.\n" * 20)))
    assert refused(spec) == (
        f"{spec} is gzip-compressed, not text; zcat FILE | reader open - reads it "
        "(to add it: zcat FILE > story.txt; reader add story.txt)."
    )


def test_undecodable_text(tmp_path: Path) -> None:
    spec = str(write(tmp_path, "mystery.txt", bytes(range(0x80, 0x100)) * 3))
    assert refused(spec) == f"{spec} is not valid UTF-8 and no other text encoding fits it."


def test_too_large_file(tmp_path: Path) -> None:
    spec = str(write(tmp_path, "big.txt", ARTICLE))
    assert "big.txt is too large" in refused(spec, max_bytes=50)


def test_unprintable_name_stays_on_one_line(tmp_path: Path) -> None:
    spec = str(tmp_path / "two\nlines.txt")
    assert refused(spec) == f"{spec!r}: no such file."


def test_unreadable_file() -> None:
    """Permission denied, for real: root ignores mode 000, so as root read as user `nobody`."""
    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o755)
        secret = folder / "secret.txt"
        secret.write_text(ARTICLE)
        secret.chmod(0o000)
        code = (  # import first: the interpreter's own files may not be readable by nobody
            "import os, sys\n"
            "from reader.errors import SourceError\n"
            "from reader.sources import load_source\n"
            "if os.geteuid() == 0:\n"
            "    os.setgroups([]); os.setgid(65534); os.setuid(65534)\n"
            "try:\n"
            "    load_source(sys.argv[1])\n"
            "except SourceError as exc:\n"
            "    print(exc)\n"
        )
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        result = subprocess.run(
            [sys.executable, "-c", code, str(secret)], capture_output=True, text=True, env=env
        )
        assert result.stdout.strip() == f"{secret}: permission denied.", result.stderr
    finally:
        secret.unlink(missing_ok=True)
        folder.rmdir()


def test_html_structure_becomes_paragraphs_and_lines(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Lists and tables</title></head><body><article>"
        "<h1>Budget vote</h1>"
        "<p>The vote was close, and the   minister said so.<br>Line two of the paragraph.</p>"
        "<ul><li>First point</li><li>Second <b>bold</b> point</li></ul>"
        "<blockquote><p>“A quoted paragraph,” she said.</p><p>“And a second one.”</p></blockquote>"
        "<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Left</td><td>120</td></tr></table>"
        "<pre><code>x = 1\ny = 2</code></pre>"
        "<p>The final paragraph of the article, with enough words to count as article text.</p>"
        "</article></body></html>"
    )
    doc = load_source(str(write(tmp_path, "structure.htm", page)))
    assert doc.title == "Budget vote"
    assert doc.text.split("\n\n") == [
        "Budget vote",
        "The vote was close, and the minister said so.\nLine two of the paragraph.",
        "• First point\n• Second bold point",
        "“A quoted paragraph,” she said.",
        "“And a second one.”",
        "Party | Seats\nLeft | 120",
        "x = 1\ny = 2",
        "The final paragraph of the article, with enough words to count as article text.",
    ]


def test_a_headline_is_the_title_and_a_lede_gives_its_opening_words(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("Storm hits the coast\n\nThe storm came ashore on Monday.", encoding="utf-8")
    assert load_source(str(short)).title == "Storm hits the coast"
    lede = "The storm that came ashore on Monday " + "flattened houses and " * 10 + "left."
    long = tmp_path / "long.txt"
    long.write_text(lede + "\n\nMore.", encoding="utf-8")
    title = load_source(str(long)).title
    assert title.endswith("…") and len(title) <= 100
    assert lede.startswith(title[:-1]) and not title[:-1].endswith(" ")
