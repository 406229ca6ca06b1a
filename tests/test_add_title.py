"""`reader add FILE --title`: the title goes to the article the run read, not to whatever
the file holds when it is read again (changed meanwhile, the title was silently not set and
the run said nothing, status 0). A real database; no model (nothing analysed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.nlp import model_id
from reader.batch.add import AddResult, unknown
from reader.commands.add import titled
from reader.errors import ReaderError
from reader.sources import load_source
from reader.store import Store, text_hash


def test_the_title_goes_to_the_text_the_run_read(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("EDITOR NOTE: updated\n\nMayor quits\n", "utf-8")
    with Store.open(tmp_path / "lib.db") as store:
        result = AddResult()
        unknown(store, [load_source(str(path))], model_id(None), result)
        (digest,) = result.digests
        record = store.save_article(load_source(str(path)))
        path.write_text("An edit made since\n\nMayor quits\n", "utf-8")
        titled(store, result.digests, "Mayor quits")
        assert store.get_article(record.id).title == "Mayor quits"
        assert record.hash == digest


def test_no_article_to_title_is_said(tmp_path: Path) -> None:
    with Store.open(tmp_path / "lib.db") as store, pytest.raises(ReaderError, match="title"):
        titled(store, [text_hash("never added")], "Mine")
