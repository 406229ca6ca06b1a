"""The article screen's first-frame step skips the footer's MountError only when the app is
exiting (quit at its first frame); any other MountError is raised, not swallowed."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widget import MountError

from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import wait_for_analysis

#: About what follows the analysis: the sample's, from the session's cache (conftest).
pytestmark = pytest.mark.usefixtures("sample_analysed")


async def test_a_mount_error_while_the_app_runs_is_raised(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        shown = app.screen
        assert isinstance(shown, ArticleScreen)
        detached = ArticleScreen(shown.record)  # never pushed: nothing can mount in it
        with pytest.raises(MountError):
            await detached._after_first_paint()
