"""The side panel's width as the window grows: found by a new user at 140x45, where the panel
stayed ~30 columns (previews cut at 24 characters) beside an article with a wide margin."""

from __future__ import annotations

from reader.config import parse
from reader.ui.panel_size import panel_width_for


def test_the_panel_grows_with_a_wide_window() -> None:
    assert panel_width_for(80, None) == 30  # as before in small windows
    assert panel_width_for(120, None) == 40
    assert panel_width_for(140, None) == 50  # the text keeps 90 columns, the rest is panel
    assert panel_width_for(200, None) == 60  # no wider by itself


def test_a_width_chosen_keeps_its_share_in_other_windows() -> None:
    assert panel_width_for(80, 32, 80) == 32
    assert panel_width_for(140, 32, 80) == 56  # the same share of the screen
    assert panel_width_for(80, 60, 140) == 32  # the article keeps its 48 columns


def test_a_width_remembered_without_its_window_is_no_narrower_than_the_panels_own() -> None:
    """The new user's settings file: panel_width = 32, chosen at 80 columns by `>`."""
    assert panel_width_for(140, 32) == 50
    assert panel_width_for(140, 70) == 70  # chosen wider: kept


def test_the_window_a_width_was_chosen_in_is_a_setting() -> None:
    settings, warnings = parse("panel_width = 32\npanel_at = 80\n", "c")
    assert (settings.panel_width, settings.panel_at, warnings) == (32, 80, [])


async def test_a_step_to_the_width_stored_in_another_window_applies_and_is_remembered(
    store, sample_doc, tmp_path
) -> None:
    """Found by the app review: 40 columns chosen at 120, a window of 108 shows 36; `>` asks
    for 40, the width stored, so no watcher ran: "panel 40 columns" said, 36 shown, the
    window not remembered."""
    from reader.config import SettingsFile
    from reader.ui.app import ReaderApp
    from reader.ui.screens.article import ArticleScreen

    path = tmp_path / "config.toml"
    path.write_text("panel_width = 40\npanel_at = 120\n", encoding="utf-8")
    app = ReaderApp(store=store, document=sample_doc, settings=SettingsFile.load(path))
    async with app.run_test(size=(108, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.side.styles.width is not None and screen.side.styles.width.value == 36
        await pilot.press(">")
        await pilot.pause()
        assert str(screen.query_one("#status-info").content).startswith("panel 40 columns")
        assert screen.side.styles.width.value == 40
    again = SettingsFile.load(path).settings
    assert (again.panel_width, again.panel_at) == (40, 108)
