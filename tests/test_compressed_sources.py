"""A compressed article is named as such, whatever its first 8 KiB hold, with the way to read
it and the way to add it. Real files; `reader add` as a real subprocess."""

from __future__ import annotations

import gzip
import struct
import zlib
from pathlib import Path

import pytest

from reader.errors import SourceError
from reader.sources import load_source
from tests.test_cli_add import reader

TEXT = b"The mayor said the budget would pass. " * 40


def gzip_with_extra_field(text: bytes) -> bytes:
    """A valid gzip file whose header carries an 8 KiB extra field (RFC 1952 FEXTRA, as
    bgzip and dictzip write one) with no NUL byte in it: no NUL in the first 8 KiB."""
    payload = b"RA" + struct.pack("<H", 8220) + b"x" * 8220
    header = b"\x1f\x8b\x08\x04" + struct.pack("<I", 0x5F5E5D5C) + b"\x02\x03"
    header += struct.pack("<H", len(payload)) + payload
    squeezer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = squeezer.compress(text) + squeezer.flush()
    return header + body + struct.pack("<II", zlib.crc32(text), len(text))


def test_a_gzip_file_without_an_early_nul_is_still_named(tmp_path: Path) -> None:
    data = gzip_with_extra_field(TEXT)
    assert gzip.decompress(data) == TEXT  # a real gzip file
    assert b"\x00" not in data[:8192]
    story = tmp_path / "story.txt.gz"
    story.write_bytes(data)
    with pytest.raises(SourceError) as refused:
        load_source(str(story))
    assert str(refused.value).startswith(f"{story} is gzip-compressed, not text; zcat FILE")


def test_reader_add_says_how_to_add_a_compressed_file(tmp_path: Path, db_path: Path) -> None:
    story = tmp_path / "story.txt.gz"
    story.write_bytes(gzip.compress(TEXT))
    done = reader("--db", str(db_path), "add", str(story))
    assert done.returncode == 2
    assert "zcat FILE > story.txt; reader add story.txt" in done.stderr, done.stderr
