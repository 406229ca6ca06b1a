"""Turning a SOURCE (a file, an http(s) URL, or `-` for stdin) into a Document.

The Document's `text` is THE article text: every offset in the app (analysis spans, highlights,
reading position) indexes into it. To make it safe to index and to show, `load_source` returns
it decoded and normalised once, here, before anyone computes an offset:

- every change keeps the length, one character for one, so an offset into Document.text is
  also an offset into the file's text exactly as decoded (what gold files and other tools use):
- `\\r\\n` stays (the view hides the `\\r`); a lone `\\r` and the other line separators
  `str.splitlines` knows (VT, FF, U+0085, U+2028, U+2029, FS/GS/RS) become `\\n`;
- NUL becomes U+FFFD: SQLite's text functions (length, substr, FTS5's highlight) end a string
  at NUL, which would cut the stored text and its search offsets short;
- every other character stays exactly as read, control characters (ESC, BEL, BS, DEL, C1) and
  bidi controls included: the text is data, and `reader.sanitize` (the one display policy)
  shows them as symbols wherever text reaches a screen, while JSON keeps them as escapes. A tab
  stays a tab; a UTF-8 byte-order mark stays (it is drawn as nothing).

Files that are not UTF-8 are decoded with the encoding charset-normalizer detects, and
`Document.note` says so. Markdown is rendered to plain text, HTML (files and URLs) reduced to
the article with trafilatura. Anything that cannot be read as an article raises SourceError
with one sentence naming the input.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reader.errors import SourceError, too_large
from reader.held_files import held

if TYPE_CHECKING:
    from reader.fetch import FetchControl

__all__ = ["Document", "SourceError", "decode_text", "load_source", "normalise_text", "title_of"]

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})

#: Share of control characters above which decoded "text" is called binary.
BINARY_CONTROL_SHARE = 0.05
#: How much worse (charset-normalizer "chaos") windows-1252 may be than the detector's first
#: choice and still be preferred: on short Western text the detector often picks a sibling
#: code page (cp1250, cp1257) that turns "naïve" into "naļve".
WESTERN_PREFERENCE_MARGIN = 0.2

_LINE_BREAKS = re.compile("\r(?!\n)|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: Control characters that are no line break: many of them in a "text" mean it is binary.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_LATIN1_LABELS = frozenset({"iso-8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"})
_UTF_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    source: str
    text: str
    #: Short name for reports, e.g. the file's name ("seed.txt"), the URL, or "stdin".
    name: str = ""
    #: "text", "markdown" or "html": what the source was before it became plain text.
    kind: str = "text"
    #: Something the user should know about how it was read (e.g. the encoding used), or "".
    note: str = ""
    #: The encoding the bytes were decoded with ("utf-8", "windows-1252", ...).
    encoding: str = "utf-8"
    #: Who wrote it and when, where the source says (an HTML page's metadata); else "".
    byline: str = ""
    date: str = ""


#: A first line longer than this is a lede, not a headline: the title is its opening words.
HEADLINE_MAX = 100


def title_of(text: str) -> str:
    """The first non-empty line (a plain-text article's headline by convention); when that
    line is a whole paragraph, its opening words, cut at a word boundary."""
    for line in text.lstrip("\ufeff").splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        if len(line) <= HEADLINE_MAX:
            return line
        cut = line[: HEADLINE_MAX - 20].rsplit(" ", 1)[0].rstrip(",;:—-– ")
        return cut + "…"
    return "Untitled"


def flat_title(title: str | None) -> str:
    """A title on one line: no CR, form feed or other line break a page's <title> may hold."""
    return " ".join((title or "").split())


def shown(spec: str) -> str:
    """The input as it may appear in a one-line message (no newlines or control characters)."""
    return spec if spec.isprintable() else repr(spec)


def normalise_text(text: str) -> str:
    """Lines end in \\n or \\r\\n, no NUL; same length (module docstring)."""
    return _LINE_BREAKS.sub("\n", text).replace("\x00", "\ufffd")


# --------------------------------------------------------------------------- decoding


def _looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB (the heuristic git and grep use), unless a UTF-16/32 BOM."""
    if any(data.startswith(bom) for bom, _ in _UTF_BOMS):
        return False
    return b"\x00" in data[:8192]


#: Compressed files by their first bytes: "a binary file" left the person guessing why a
#: story.txt.gz would not open; named, it says what to do. Checked before anything else: a
#: compressed file need not hold a NUL early (a gzip header's extra field can fill 8 KiB).
_COMPRESSED = ((b"\x1f\x8b", "gzip", "zcat"), (b"BZh", "bzip2", "bzcat"),
               (b"\xfd7zXZ\x00", "xz", "xzcat"), (b"\x28\xb5\x2f\xfd", "zstd", "zstdcat"))


def _compressed_refusal(data: bytes, label: str) -> str | None:
    """The sentence refusing a compressed article with the ways in (`reader add` takes only
    files, so it needs one decompressed), or None when the data is not compressed."""
    for magic, name, cat in _COMPRESSED:
        if data.startswith(magic) and (name != "bzip2" or data[3:4].isdigit()):
            return (
                f"{label} is {name}-compressed, not text; {cat} FILE | reader open - reads it "
                f"(to add it: {cat} FILE > story.txt; reader add story.txt)."
            )
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, codec) for UTF-16 with no byte-order mark, told from binary by where its NULs
    fall: Latin text has a zero high byte in nearly every other byte, the other half none."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:65536]
    half = len(sample) // 2
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    if zeros_odd >= 0.1 * half and zeros_even <= 0.01 * half:
        codec = "utf-16-le"
    elif zeros_even >= 0.1 * half and zeros_odd <= 0.01 * half:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return None


def _detect(data: bytes) -> tuple[str, str] | None:
    """(text, encoding name) from charset-normalizer, preferring windows-1252 on a near-tie."""
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos + WESTERN_PREFERENCE_MARGIN
        ):
            return data.decode("cp1252"), "windows-1252"
    return str(best), _display_encoding(best.encoding)


def _mostly_utf8(data: bytes, label: str) -> tuple[str, str]:
    """UTF-8 with a few bad bytes (a pasted cp1252 character) stays UTF-8, bad bytes as U+FFFD.

    It counts as UTF-8 when its valid multi-byte characters outnumber the invalid bytes;
    otherwise ("", "") and the encoding is detected instead.
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    if invalid <= 0 or multibyte <= invalid:
        return "", ""
    bytes_ = "byte was" if invalid == 1 else "bytes were"
    return text, f"{label} is not all valid UTF-8; {invalid} undecodable {bytes_} replaced with �."


def _display_encoding(python_name: str) -> str:
    """Python's codec name in the form people know ("windows-1252", "iso-8859-2", "utf-16")."""
    name = codecs.lookup(python_name).name
    if name.startswith("cp125"):
        return "windows-" + name[2:]
    return name.replace("_", "-")


def _decode_bytes(data: bytes, label: str, charset: str | None) -> tuple[str, str, str]:
    """UTF-8, a BOM's UTF, the declared charset, mostly-UTF-8, or the detected encoding."""
    note = ""
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text = ""
        for bom, codec in _UTF_BOMS:
            if data.startswith(bom):
                try:
                    text, encoding = data.decode(codec), codec
                except UnicodeDecodeError:
                    raise SourceError(f"{label} is not valid {codec} text.") from None
                note = f"{label} is {codec} text (it has a byte-order mark); read it as such."
                break
        if not text and charset:
            if charset.lower().replace("_", "-") in _LATIN1_LABELS:
                charset = "cp1252"  # as browsers do (WHATWG Encoding): the superset is meant
            try:
                text, encoding = data.decode(charset), _display_encoding(charset)
            except (LookupError, UnicodeDecodeError):
                text = ""
        if not text:
            text, note = _mostly_utf8(data, label)
            encoding = "utf-8"
        if not text:
            detected = _detect(data)
            if detected is None:
                message = f"{label} is not valid UTF-8 and no other text encoding fits it."
                raise SourceError(message) from None
            text, encoding = detected
            note = f"{label} is not valid UTF-8; read it as {encoding}."
    return text, encoding, note


def decode_text(data: bytes, label: str, *, charset: str | None = None) -> tuple[str, str, str]:
    """Decode article bytes; return (normalised text, encoding, note for the user).

    `charset` is a declared encoding (an HTTP header's), tried right after UTF-8.
    Raises SourceError for binary data and for bytes no text encoding fits.
    """
    if (compressed := _compressed_refusal(data, label)) is not None:
        raise SourceError(compressed)
    if _looks_binary(data):
        found = _utf16_without_bom(data)
        if found is None:
            raise SourceError(f"{label} is a binary file, not text.")
        text, encoding = found
        note = f"{label} is {encoding} text without a byte-order mark; read it as such."
    else:
        text, encoding, note = _decode_bytes(data, label, charset)
    controls = len(_CONTROLS.findall(text))
    if controls and controls > BINARY_CONTROL_SHARE * len(text):
        raise SourceError(f"{label} is a binary file, not text.")
    return normalise_text(text), encoding, note


# --------------------------------------------------------------------------- formats


def _require_text(text: str, label: str, what: str = "") -> None:
    if not text.lstrip("\ufeff").strip():
        if what:
            raise SourceError(f"{label}: {what}")
        raise SourceError(f"{label} is empty." if not text else f"{label} holds only whitespace.")


def _text_document(
    text: str, *, name: str, label: str, source: str, encoding: str, note: str
) -> Document:
    _require_text(text, label)
    return Document(title_of(text), source, text, name, "text", note, encoding)


def _markdown_document(
    text: str, *, name: str, label: str, source: str, encoding: str, note: str
) -> Document:
    from reader.markdown_text import markdown_to_text

    _require_text(text, label)
    body, title = markdown_to_text(text)
    body = normalise_text(body)
    _require_text(body, label, "no readable text once the Markdown is rendered.")
    title = flat_title(title)
    return Document(title or title_of(body), source, body, name, "markdown", note, encoding)


def _html_document(
    html: str, *, name: str, label: str, source: str, encoding: str, note: str
) -> Document:
    from reader.html_text import html_to_text

    _require_text(html, label)
    body, title, byline, date = html_to_text(html)
    body = normalise_text(body)
    if not body.strip():
        raise SourceError(f"{label}: no article text found in the page.")
    title = flat_title(title)
    return Document(
        title or title_of(body), source, body, name, "html", note, encoding, byline, date
    )


def _document_from_bytes(
    data: bytes,
    *,
    name: str,
    source: str,
    kind: str | None = None,
    charset: str | None = None,
    label: str = "",
) -> Document:
    """Decode and convert; `kind` None means sniff HTML from the content, else plain text.

    `label` names the input in messages (what the user typed); `name` by default.
    """
    label = label or shown(name)
    if not data:
        raise SourceError(f"{label} is empty.")
    text, encoding, note = decode_text(data, label, charset=charset)
    if kind is None:
        kind = "html" if _HTML_START.match(data[:4096]) else "text"
    build = {"html": _html_document, "markdown": _markdown_document}.get(kind, _text_document)
    return build(text, name=name, label=label, source=source, encoding=encoding, note=note)


# --------------------------------------------------------------------------- inputs


#: Why a path cannot be read, by errno, in the words a person uses.
_OPEN_ERRORS = {
    errno.ENOENT: "no such file",
    errno.ELOOP: "a symbolic link loop (the link points back to itself)",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "the name is too long",
}


#: Where `-` reads standard input (reader, analyze, notes --import): how to give a pipe.
PIPE_HINT = "; use - to read standard input"


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_regular_file(spec: str, max_bytes: int) -> tuple[Path, bytes]:
    """A regular file's bytes. Anything else is refused at once: a FIFO with no writer would
    block the open forever, a device never ends; `-` is how to give a pipe."""
    label = shown(spec)
    path = Path(spec).expanduser()
    if held(path):  # opened and closed here, its POSIX locks (SQLite's) would be dropped
        raise SourceError(f"{label} is a file of the reader's library, not an article.")
    try:
        # O_NONBLOCK: opening a FIFO never waits for a writer; we refuse it just below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise SourceError(f"{label} is a directory, not a file.") from None
    except OSError as exc:
        reason = _OPEN_ERRORS.get(exc.errno or 0)
        if reason is None:
            raise SourceError(f"{label} could not be read: {exc.strerror or exc}.") from None
        raise SourceError(f"{label}: {reason}.") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(f"{label} is a directory, not a file.")
        what = _kind_of(info.st_mode)
        raise SourceError(f"{label} is {what}, not a regular file{PIPE_HINT}.")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > max_bytes:
            raise too_large(label, info.st_size, max_bytes)
        os.set_blocking(fd, True)
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise SourceError(f"{label} could not be read: {exc.strerror or exc}.") from None
    if len(data) > max_bytes:
        raise too_large(label, None, max_bytes)
    return path.resolve(), data


def read_stdin(stdin: BinaryIO | None, max_bytes: int) -> bytes:
    stream = stdin if stdin is not None else sys.stdin.buffer
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large("stdin", None, max_bytes)
    return data


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


#: An address of a scheme the reader cannot fetch ("ftp://host/x", "file://..."), told apart
#: from a file whose name merely looks like one.
OTHER_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")


def _url_document(
    url: str, *, timeout: float | None, max_bytes: int, control: FetchControl | None
) -> Document:
    # Imported here: only URLs need the network modules; files open without their cost.
    import urllib.parse

    from reader.fetch import TEXT_TYPES, fetch

    label = shown(url)
    page = fetch(url, label=label, max_bytes=max_bytes, timeout=timeout, control=control)
    kind = TEXT_TYPES.get(page.content_type) if page.declared else None
    if kind == "text":  # plain text may still be a Markdown file or a mislabelled page
        suffix = Path(urllib.parse.urlsplit(url).path).suffix.lower()
        kind = "markdown" if suffix in MARKDOWN_SUFFIXES else None
    return _document_from_bytes(
        page.data, name=url, source=url, kind=kind, charset=page.charset, label=label
    )


def load_source(
    spec: str,
    *,
    stdin: BinaryIO | None = None,
    timeout: float | None = None,
    max_bytes: int = 20_000_000,
    control: FetchControl | None = None,
) -> Document:
    """Read SPEC (a path, an http(s) URL, or `-` for stdin) as an article.

    A URL is fetched within `timeout` seconds in all (READER_FETCH_TIMEOUT, or 30 s), and
    `control.cancel()` from another thread stops it. Raises SourceError, one sentence naming the
    input, for anything that is not an article.
    """
    if spec == "-":
        data = read_stdin(stdin, max_bytes)
        return _document_from_bytes(data, name="stdin", source="stdin")
    if is_url(spec):
        return _url_document(spec, timeout=timeout, max_bytes=max_bytes, control=control)
    other = OTHER_SCHEME.match(spec)
    if other and not os.path.lexists(spec):
        # "ftp://x: no such file." would send the reader looking for a file
        raise SourceError(
            f"{shown(spec)}: only http:// and https:// addresses can be read, "
            f"not {other.group(1)}://."
        )
    path, data = read_regular_file(spec, max_bytes)
    suffix = path.suffix.lower()
    kind = None  # sniffed from the content
    if suffix in MARKDOWN_SUFFIXES:
        kind = "markdown"
    elif suffix in HTML_SUFFIXES:
        kind = "html"
    return _document_from_bytes(
        data, name=path.name, source=str(path), kind=kind, label=shown(spec)
    )
