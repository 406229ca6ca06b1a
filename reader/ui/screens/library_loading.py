"""Opening a file or a URL from the library (ctrl+o): read off the main thread, then the app
opens the document; a failure is said in one toast. The base of LibraryScreen."""

from __future__ import annotations

from functools import partial

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from reader.errors import ReaderError
from reader.ui.screens.open_source import OpenSourceDialog

LOAD_GROUP = "library-open"


class SourceLoadingScreen(Screen[None]):
    """A screen that opens sources; `_update_status` shows what is being read."""

    loading_source: str | None = None

    def _update_status(self) -> None:
        """Show `loading_source` (the library's status line)."""

    def action_open_source(self) -> None:
        def chosen(spec: str | None) -> None:
            if spec:
                self.load_source(spec)

        self.app.push_screen(OpenSourceDialog(), chosen)

    def load_source(self, spec: str) -> None:
        """Read a file or fetch a URL off the main thread; the app opens the result."""
        from reader.sources import load_source

        self.loading_source = spec
        self._update_status()
        self.run_worker(
            partial(load_source, spec),
            name=spec,
            group=LOAD_GROUP,
            description=f"Reading {spec}",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a load ends: open the document, or say clearly why not."""
        worker = event.worker
        if worker.group != LOAD_GROUP or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        event.stop()
        spec = worker.name
        if self.loading_source == spec:
            self.loading_source = None
            self._update_status()
        if event.state == WorkerState.SUCCESS:
            self.app.open_document(worker.result)  # type: ignore[attr-defined]
            return
        error = worker.error
        if isinstance(error, ReaderError):
            message = str(error)
        else:
            message = f"Could not open {spec}: {error or 'unknown error'}."
        self.notify(message, title="Not opened", severity="error", markup=False, timeout=8)
