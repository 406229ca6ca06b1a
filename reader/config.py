"""Settings remembered between runs: the theme, the quote and entity layers, the panel.

A flat TOML file in the user config folder (platformdirs), written whenever a setting
changes. Reading never fails the reader: a broken file or an unknown or ill-typed entry gets
one line of warning and the default. Knows nothing of Textual.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

FILE_NAME = "config.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    #: A Textual theme name; None for the app's default.
    theme: str | None = None
    quotes: bool = True
    entities: bool = True
    #: The panel width chosen with > and <; None for the default for the window.
    panel_width: int | None = None
    panel_visible: bool = True
    #: The window's width (cells) when panel_width was chosen: other windows keep its share.
    panel_at: int | None = None


#: What each key must hold (besides None where the default is None).
TYPES: dict[str, type] = {"theme": str, "quotes": bool, "entities": bool, "panel_width": int,
                          "panel_visible": bool, "panel_at": int}


def config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("reader", appauthor=False)) / FILE_NAME


def _valid(key: str, value: Any) -> bool:
    kind = TYPES[key]
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 1000
    return isinstance(value, kind) and (kind is not str or bool(value))


def parse(text: str, where: str) -> tuple[Settings, list[str]]:
    """Settings from TOML text, and a one-line warning for each thing ignored."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Settings(), [f"{where}: not valid TOML ({exc}); using the default settings."]
    warnings: list[str] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in TYPES:
            warnings.append(f"{where}: unknown setting {key!r}; ignored.")
        elif not _valid(key, value):
            warnings.append(f"{where}: {key} = {value!r} is not a valid value; using the default.")
        else:
            values[key] = value
    return Settings(**values), warnings


def dumps(settings: Settings) -> str:
    """Flat TOML by hand: strings as JSON strings (a subset of TOML basic strings)."""
    lines = ["# reader settings, written by reader when they change."]
    for f in fields(settings):
        value = getattr(settings, f.name)
        if value is None:
            continue
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, int):
            text = str(value)
        else:
            text = json.dumps(value, ensure_ascii=True)
        lines.append(f"{f.name} = {text}")
    return "\n".join(lines) + "\n"


@dataclass(slots=True)
class SettingsFile:
    """The settings and the file they live in; `update` writes only what changed."""

    path: Path
    settings: Settings = field(default_factory=Settings)
    warnings: list[str] = field(default_factory=list)
    #: The file could not be written (said once; the settings still hold for this run).
    unwritable: bool = False

    @classmethod
    def load(cls, path: Path | None = None) -> SettingsFile:
        path = path or config_path()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path)
        except (OSError, UnicodeDecodeError) as exc:
            return cls(path, warnings=[f"{path}: cannot be read ({exc}); using the defaults."])
        settings, warnings = parse(text, str(path))
        return cls(path, settings, warnings)

    def update(self, **changes: Any) -> bool:
        """Remember the changes; False when the file could not be written (kept in memory)."""
        new = replace(self.settings, **changes)
        if new == self.settings:
            return True
        self.settings = new
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            partial.write_text(dumps(new), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError:
            return False
        return True
