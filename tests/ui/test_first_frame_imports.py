"""What `reader FILE` imports before the article's text is on screen: only what that frame needs.

The launch runs on a real terminal (a pty), as `reader FILE` runs; the first write to the
terminal that carries the article's text is caught in Textual's driver, and the modules loaded
by then are listed. Click (the plain `reader FILE` opens without it), the store (sqlite-utils),
the engine (spaCy), the footer, the side panel's notes, the note editor (Textual's TextArea),
the legend and the exports all come later; each one here cost the first paint milliseconds
when it crept back in.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.terminal import run_on_terminal

#: Imported only after the first frame, if at all.
NOT_IN_FIRST_FRAME = (
    "sqlite_utils",
    "reader.store.store",
    "reader.store.db",
    "spacy",
    "numpy",
    "reader.analysis.engine",
    "reader.analysis.quotes",
    "reader.export",
    "reader.clipboard",
    "reader.fetch",
    "reader.ui.widgets.footer",
    "reader.ui.widgets.notes_panel",
    "reader.ui.screens.note_editor",
    "reader.ui.screens.legend",
    "reader.ui.screens.library",
    "click",
    "reader.cli_group",
    "textual.widgets._text_area",
)

#: Runs the reader's own entry point; at the first frame that shows the text, writes the
#: listed modules already imported to OUT and quits.
WATCH = """
import json, sys
from textual.drivers.linux_driver import LinuxDriver

OUT, MARK, BARRED = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
del sys.argv[1:4]
write = LinuxDriver.write

def watched(self, data):
    if MARK in data and not watched.seen:
        watched.seen = True
        with open(OUT, "w", encoding="utf-8") as out:
            json.dump([name for name in BARRED if name in sys.modules], out)
        self._app.exit()
    return write(self, data)

watched.seen = False
LinuxDriver.write = watched
sys.argv[0] = "reader"
from reader.cli import main
main()
"""

MARK = "says something"
TEXT = "A headline\n\n" + "\n\n".join(f"Paragraph {i} {MARK} about it." for i in range(40))


def test_the_first_frame_imports_nothing_it_does_not_draw(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    found = tmp_path / "first-frame.json"
    result = run_on_terminal(
        [str(found), MARK, json.dumps(NOT_IN_FIRST_FRAME), "--db", str(tmp_path / "lib.db"),
         str(article)],
        program=["-c", WATCH],
        timeout=90,
    )
    assert found.exists(), f"no frame showed the text: {result.stderr[-500:]}"
    assert json.loads(found.read_text(encoding="utf-8")) == []
    assert result.returncode == 0, result.stderr
