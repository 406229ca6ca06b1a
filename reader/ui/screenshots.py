"""`python -m reader.ui.screenshots DIR`: SVG screenshots of the reader's main states.

The real app on the bundled sample article, driven headless by the Pilot, with a throwaway
database (never the one in the current directory). `make screenshots` calls this.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Shot:
    name: str
    size: tuple[int, int] = (120, 36)
    keys: Sequence[str] = field(default_factory=tuple)
    theme: str | None = None


SHOTS: tuple[Shot, ...] = (
    Shot("article"),
    Shot("speaker-quote", keys=("right_square_bracket", "right_square_bracket", "s")),
    Shot("entities", keys=("t",)),
    Shot("search", keys=("slash", *"Gantz", "enter")),
    Shot("help", size=(120, 50), keys=("question_mark",)),
    Shot("legend", size=(120, 40), keys=("l",)),
    Shot("small-80x24", size=(80, 24)),
    Shot("light-theme", theme="textual-light"),
)


async def take(shot: Shot, out: Path, db: Path) -> Path:
    from textual.worker import WorkerFailed

    from reader.config import SettingsFile
    from reader.store import Store
    from reader.ui.app import ReaderApp
    from reader.ui.launch import sample_document
    from reader.ui.screens.article import ArticleScreen

    out.mkdir(parents=True, exist_ok=True)
    with Store.open(db) as store:
        # Default settings, kept beside the scratch database: never the person's own.
        settings = SettingsFile(db.with_name(f"{shot.name}.toml"))
        app = ReaderApp(store=store, document=sample_document(), settings=settings)
        async with app.run_test(size=shot.size) as pilot:
            if shot.theme:
                app.theme = shot.theme
            for _ in range(600):  # the analysis: cached after the first shot
                with contextlib.suppress(WorkerFailed):  # reported on screen by the app
                    await app.workers.wait_for_complete()
                await pilot.pause()
                screen = app.screen
                if isinstance(screen, ArticleScreen) and (
                    screen.analysis_complete
                    or "failed" in screen.status_text
                    or screen.stopped_reason is not None
                ):
                    break
                await pilot.pause(0.05)
            for key in shot.keys:
                await pilot.press(key)
            await pilot.pause()
            return Path(app.save_screenshot(f"{shot.name}.svg", str(out)))


async def take_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "screenshots.db"
        return [await take(shot, out, db) for shot in SHOTS]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m reader.ui.screenshots DIR", file=sys.stderr)
        return 2
    for path in asyncio.run(take_all(Path(args[0]))):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
