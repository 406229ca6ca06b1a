"""Found driving the reader at 80 columns: the Entities tab cut a long name's count
("Emmanuelle Charpentier ×…"); the name gives way now, never the count."""

from __future__ import annotations

from textual.app import App, ComposeResult

from reader.analysis.model import Entity
from reader.ui.widgets.entities_panel import EntitiesPanel
from tests.ui.conftest import screen_lines

NAME = "Emmanuelle Charpentier-Delacroix"


class PanelApp(App[None]):
    CSS = "EntitiesPanel { width: 31; height: 10; }"

    def compose(self) -> ComposeResult:
        yield EntitiesPanel()


async def shown() -> list[str]:
    """The panel's lines with twelve mentions of a long name and one of a short one."""
    app = PanelApp()
    async with app.run_test(size=(60, 12)) as pilot:
        entities = [Entity(i * 40, i * 40 + len(NAME), NAME, "PERSON", None) for i in range(12)]
        app.query_one(EntitiesPanel).set_entities(
            [*entities, Entity(600, 604, "Zhang", "PERSON", None)])
        await pilot.pause()
        return screen_lines(app)


async def test_a_long_name_is_cut_and_its_count_kept() -> None:
    lines = await shown()
    row = next(line for line in lines if "Emmanuelle" in line)
    assert "…  ×12" in row, row  # the name cut, the count whole
    assert any("   Zhang  ×1 " in line for line in lines), lines  # a short one whole


async def test_a_heading_counts_the_names_and_their_mentions() -> None:
    """Found by a new user: "People 29" counted the mentions of 9 people."""
    heading = next(line for line in await shown() if "People" in line)
    assert "People 2 · 13 mentions" in heading, heading


class NoWrapApp(PanelApp):
    """The panel as the reader styles it (reader.tcss): lines cut with an ellipsis."""

    CSS = "EntitiesPanel { width: 31; height: 10; text-wrap: nowrap; text-overflow: ellipsis; }"


async def test_a_heading_too_long_for_the_panel_puts_its_counts_under_the_name() -> None:
    """Found by a new user at 80 columns: "Organisations 9 · 19 me…", "Countries, cities
    11 · …". The counts go on a line of their own, whole."""
    app = NoWrapApp()
    async with app.run_test(size=(60, 12)) as pilot:
        panel = app.query_one(EntitiesPanel)
        places = [Entity(i * 20, i * 20 + 5, f"Place{i % 11}", "GPE", None) for i in range(28)]
        panel.set_entities(places)
        await pilot.pause()
        lines = screen_lines(app)
    heading = next(i for i, line in enumerate(lines) if "Countries, cities" in line)
    assert "…" not in lines[heading], lines[heading]
    assert "11 · 28 mentions" in lines[heading] + lines[heading + 1], lines[heading: heading + 2]
