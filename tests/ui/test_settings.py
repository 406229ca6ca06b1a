"""Theme, layers and panel survive a restart: the real app, driven by the Pilot, twice, with
the settings file in a tmp config folder (XDG_CONFIG_HOME, set for every test)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.config import Settings, SettingsFile, config_path, dumps, parse
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import wait_for_analysis

from .conftest import toast_texts

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


async def test_theme_layers_and_panel_survive_a_restart(store, sample_doc) -> None:
    assert str(config_path()).startswith(os.environ["XDG_CONFIG_HOME"])
    first = ReaderApp(store=store, document=sample_doc)
    async with first.run_test(size=(140, 40)) as pilot:
        await wait_for_analysis(pilot)
        first.theme = "textual-light"
        for key in ("quotation_mark", "e", "greater_than_sign", "greater_than_sign"):
            await pilot.press(key)
        await pilot.pause()
        screen = first.screen
        assert isinstance(screen, ArticleScreen)
        chosen_width = screen.panel_width
        assert chosen_width is not None
    assert config_path().is_file()

    second = ReaderApp(store=store, document=sample_doc)  # a new start, reading the file
    async with second.run_test(size=(140, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = second.screen
        assert isinstance(screen, ArticleScreen)
        assert second.theme == "textual-light"
        assert (screen.view.show_quotes, screen.view.show_entities) == (False, False)
        assert screen.panel_width == chosen_width
        assert screen.side.styles.width.value == chosen_width
        await pilot.press("p")  # hide the panel
        await pilot.pause()

    third = ReaderApp(store=store, document=sample_doc)
    async with third.run_test(size=(140, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = third.screen
        assert screen.panel_visible is False and screen.side.display is False


async def test_a_broken_config_warns_once_and_starts_with_the_defaults(
    store, sample_doc
) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text("theme = [unclosed\n", encoding="utf-8")
    app = ReaderApp(store=store, document=sample_doc)
    # Every toast of the run stays on screen to be counted: on a busy machine the analysis
    # took longer than a toast's 5 seconds, and the one warning was gone before it was read.
    app.NOTIFICATION_TIMEOUT = 3600
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        # Read the toasts at once: a loaded machine's analysis can outlast a toast's timeout.
        messages = await toast_texts(pilot)
        assert len([m for m in messages if "config.toml" in m]) == 1
        await wait_for_analysis(pilot)
        assert app.settings.settings == Settings()
        assert isinstance(app.screen, ArticleScreen) and app.screen.view.show_quotes


def test_unknown_and_ill_typed_entries_get_one_line_each_and_the_default() -> None:
    settings, warnings = parse(
        'theme = "nord"\nquotes = "yes"\ncolour = 3\npanel_width = 0\nentities = false\n', "c"
    )
    assert settings == Settings(theme="nord", entities=False)
    assert len(warnings) == 3 and all("\n" not in w for w in warnings)
    assert any("colour" in w for w in warnings) and any("quotes" in w for w in warnings)


def test_settings_are_written_when_they_change_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    file = SettingsFile.load(path)
    assert file.settings == Settings() and not path.exists()
    file.update(theme='odd "name"\\', panel_width=50, quotes=False)
    again = SettingsFile.load(path)
    assert again.settings == Settings(theme='odd "name"\\', panel_width=50, quotes=False)
    assert again.warnings == []
    assert parse(dumps(again.settings), "x") == (again.settings, [])


async def test_settings_that_cannot_be_written_are_said_once_and_kept_for_the_run(
    store, sample_doc, tmp_path: Path, monkeypatch
) -> None:
    blocker = tmp_path / "config-is-a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    app = ReaderApp(store=store, document=sample_doc)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("quotation_mark", "e", "p")
        await pilot.pause()
        screen = app.screen
        assert (screen.view.show_quotes, screen.view.show_entities) == (False, False)
        messages = await toast_texts(pilot)
        assert len([m for m in messages if "cannot be saved" in m]) == 1
    assert blocker.read_text(encoding="utf-8") == ""
