"""Opening a file or a URL from the library (ctrl+o): read off the main thread, then the app
opens the document; a failure is said in one toast, and escape cancels a fetch that hangs (the
footer offers it while one is under way). The base of LibraryScreen."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from reader.errors import ReaderError
from reader.ui.screens.open_source import OpenSourceDialog

if TYPE_CHECKING:
    from reader.fetch import FetchControl

LOAD_GROUP = "library-open"

#: First among the screen's escape bindings: while a source is being read, escape stops it.
CANCEL_OPEN = Binding(
    "escape", "cancel_open", "Cancel fetch", id="library.cancel_open",
    tooltip="Stop reading the file or URL being opened",
)


class SourceLoadingScreen(Screen[None]):
    """A screen that opens sources; `_update_status` shows what is being read."""

    loading_source: str | None = None
    _load: tuple[Worker[Any], FetchControl] | None = None

    def _update_status(self) -> None:
        """Show `loading_source` (the library's status line)."""

    def action_open_source(self) -> None:
        def chosen(spec: str | None) -> None:
            if spec:
                self.load_source(spec)

        self.app.push_screen(OpenSourceDialog(), chosen)

    def load_source(self, spec: str) -> None:
        """Read a file or fetch a URL off the main thread; the app opens the result."""
        from reader.fetch import FetchControl
        from reader.sources import load_source

        if self._load is not None:  # the read it replaces stops too, not only its worker
            self._load[1].cancel()
        control = FetchControl()
        self.loading_source = spec
        self._update_status()
        worker = self.run_worker(
            partial(load_source, spec, control=control),
            name=spec,
            group=LOAD_GROUP,
            description=f"Reading {spec}",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )
        self._load = (worker, control)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_open":
            return self._load is not None
        return True

    def action_cancel_open(self) -> None:
        """Stop the read: its sockets are shut at once, and what it would have returned is
        never opened (nor saved in the library)."""
        if self._load is None:
            return
        worker, control = self._load
        control.cancel()
        worker.cancel()
        self._loaded(worker.name)
        self.notify("fetch cancelled", title="Not opened", markup=False, timeout=4)

    def _loaded(self, spec: str) -> None:
        """The read of `spec` is over: the status line and the footer stop offering it."""
        self._load = None
        self.refresh_bindings()
        if self.loading_source == spec:
            self.loading_source = None
            self._update_status()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a load ends: open the document, or say clearly why not."""
        worker = event.worker
        if worker.group != LOAD_GROUP or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        event.stop()
        if worker.is_cancelled or self._load is None or self._load[0] is not worker:
            return  # cancelled, or replaced by a later ctrl+o: never opened
        spec = worker.name
        self._loaded(spec)
        if event.state == WorkerState.SUCCESS:
            self.app.open_document(worker.result)  # type: ignore[attr-defined]
            return
        error = worker.error
        if isinstance(error, ReaderError):
            message = str(error)
        else:
            message = f"Could not open {spec}: {error or 'unknown error'}."
        self.notify(message, title="Not opened", severity="error", markup=False, timeout=8)
