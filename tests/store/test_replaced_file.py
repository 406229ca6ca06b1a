"""A library file replaced at its path (or deleted) while a reader has it open is never
written to again: the old connection wrote into the file no path reaches any more, and every
note since was gone when the reader quit, though each had been "saved"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.errors import StoreError
from reader.sources import Document
from reader.store import Store


@pytest.mark.parametrize("how", ["replaced", "deleted"])
def test_a_write_after_the_file_was_replaced_or_deleted_is_refused(
    tmp_path: Path, how: str
) -> None:
    path = tmp_path / "lib.db"
    store = Store.open(path)
    try:
        article = store.save_article(Document("T", "/x/a.txt", "Some text here. More text.\n"))
        store.add_annotation(article.id, article.text, 0, 4, note="before")
        junk = os.urandom(5000)
        if how == "replaced":
            (tmp_path / "new").write_bytes(junk)
            os.replace(tmp_path / "new", path)
        else:
            path.unlink()
        with pytest.raises(StoreError, match="replaced or deleted"):
            store.add_annotation(article.id, article.text, 5, 9, note="after")
        if how == "replaced":
            assert path.read_bytes() == junk  # the new file is not touched either
    finally:
        store.close()


def test_the_same_file_written_in_place_is_still_written(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    store = Store.open(path)
    try:
        article = store.save_article(Document("T", "/x/a.txt", "Some text here. More text.\n"))
        os.utime(path)  # touched, copied over in place by a backup tool: the same file
        ann = store.add_annotation(article.id, article.text, 0, 4, note="still here")
        assert [a.note for a in store.annotations(article.id)] == [ann.note]
    finally:
        store.close()
