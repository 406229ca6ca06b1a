"""The set-up most Pilot tests of the article screen begin with: the app on an article, run
by the Pilot, its analysis shown. Written out in every test before (the `duplicates` report)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from tests.ui.conftest import wait_for_analysis


@asynccontextmanager
async def reading(
    make_app: Callable[..., Any], *docs: Any, notifications: bool = False,
    size: tuple[int, int] = (120, 36),
) -> AsyncIterator[tuple[Any, Any]]:
    """(app, pilot) of make_app(*docs) at `size`, once its analysis is shown."""
    app = make_app(*docs)
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await wait_for_analysis(pilot)
        yield app, pilot
