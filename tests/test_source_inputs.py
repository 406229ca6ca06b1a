"""What may be given as SOURCE: regular files only (a FIFO or a device is refused at once),
truthful messages (a symlink loop, UTF-16 without a byte-order mark), one-line titles.
Real files, FIFOs and `python -m reader` processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import SourceError
from reader.sources import load_source

REPO = Path(__file__).parents[1]
#: A process blocked on a FIFO runs far past this.
HANG = 60
TEXT = "Talks resume\n\n“We will not give up,” Maria Lopez said on Monday.\n"


def analyze(source: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("READER_DB", "READER_MODEL")}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(tmp_path / "a.db"), "analyze", source],
        capture_output=True, text=True, timeout=HANG, env=env, stdin=subprocess.DEVNULL,
    )


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_a_fifo_with_no_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    line = one_line(analyze(str(fifo), tmp_path))
    assert line == (
        f"reader: {fifo} is a FIFO (named pipe), not a regular file; "
        "use - to read standard input."
    )


def test_a_device_is_refused(tmp_path: Path) -> None:
    line = one_line(analyze("/dev/zero", tmp_path))
    assert line == (
        "reader: /dev/zero is a device, not a regular file; use - to read standard input."
    )


def test_a_symlink_loop_is_not_called_missing(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    line = one_line(analyze(str(loop), tmp_path))
    assert "no such file" not in line
    assert line == f"reader: {loop}: a symbolic link loop (the link points back to itself)."


def test_a_missing_file_is_still_called_missing(tmp_path: Path) -> None:
    assert one_line(analyze(str(tmp_path / "gone.txt"), tmp_path)).endswith(": no such file.")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode(codec))  # Python's utf-16-le/-be write no BOM
    doc = load_source(str(path))
    assert doc.text == TEXT
    assert doc.encoding == codec
    assert doc.note == f"{path} is {codec} text without a byte-order mark; read it as such."


def test_binary_with_nul_bytes_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(SourceError, match="is a binary file"):
        load_source(str(path))


def test_an_html_title_loses_carriage_returns_and_form_feeds(tmp_path: Path) -> None:
    body = "<p>" + "The minister said the talks would resume next week in Geneva. " * 4 + "</p>"
    path = tmp_path / "page.html"
    path.write_bytes(
        b"<html><head><title>Big\r\nnews\r\x0c day</title></head><body><article>"
        + body.encode() + b"</article></body></html>"
    )
    assert load_source(str(path)).title == "Big news day"
