"""Where the library lives: one database per person, as people expect of a personal tool.

An explicit `--db` / `READER_DB` wins; then an `annotations.db` in the current folder (a
project's own database, as git uses the repository you stand in); otherwise the one in the
user data directory. The reader never creates a database in the current folder unless asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.errors import StoreError

#: The name of a project's own database in its folder, and of the per-user one.
LOCAL_NAME = "annotations.db"


@dataclass(frozen=True, slots=True)
class Located:
    """The database in use and why, so no screen has to guess."""

    path: Path
    #: "given" (--db / READER_DB), "folder" (annotations.db here) or "user" (per-user).
    origin: str

    def describe(self) -> str:
        why = {
            "given": "chosen with --db or READER_DB",
            "folder": "this folder's own database",
            "user": "your library",
        }[self.origin]
        return f"{self.path} ({why})"

    def prepare(self) -> Path:
        """Make the per-user folder before the first write; other places are the user's own."""
        if self.origin == "user":
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"{self.path.parent}: cannot make the library's folder ({exc.strerror}); "
                    "choose a database with --db."
                ) from exc
        return self.path


def user_database() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("reader", appauthor=False)) / LOCAL_NAME


def locate_database(given: str | None, cwd: Path | None = None) -> Located:
    if given == "":
        # `--db "$UNSET"` in a script: the per-user library would be used, and written to.
        raise StoreError("--db was given an empty name; give the database's file name.")
    if given:
        return Located(Path(given).expanduser(), "given")
    here = (cwd or Path.cwd()) / LOCAL_NAME
    if here.is_file():
        return Located(here, "folder")
    return Located(user_database(), "user")
