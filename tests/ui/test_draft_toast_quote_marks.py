"""Found by a new user: the drafts toast quoted a passage that is itself a quotation with a
doubled opening mark ("on ““We are definitely…"). One pair of marks, the passage's own."""

from __future__ import annotations

from typing import Any

import pytest

from reader.drafts import Draft, DraftBox
from reader.sources import Document
from reader.store import Store
from tests.ui.conftest import toast_texts, wait_for_analysis

pytestmark = pytest.mark.usefixtures("sample_analysed")


async def test_a_draft_on_a_quotation_is_named_with_one_opening_mark(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    record = store.save_article(sample_doc)
    start = record.text.index("“We are definitely")
    end = record.text.index("Gantz replied.", start) + len("Gantz replied.")
    DraftBox(store.path).keep(Draft(
        record.id, f"span:{start}:{end}", "a thought", record.text[start:end],
        span=(start, end, 1), owner="a-window-long-gone",
    ))
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        (toast,) = [t for t in await toast_texts(pilot) if "kept from before" in t]
    assert "on “We are definitely dealing in the …”" in toast, toast
    assert "““" not in toast
