"""The reader's settings on screen: applied when the app or an article starts, and written
back (reader.config) whenever the person changes the theme, a layer or the panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from reader.config import SettingsFile
    from reader.ui.widgets.article_view import ArticleView

    class LayoutScreen(Screen[None]):
        """The article screen as far as its layout goes (named here, not imported, so the
        screen and this module do not import each other)."""

        view: ArticleView
        panel_width: int
        panel_visible: bool
        panel_at: int | None


def settings_of(app: App[object]) -> SettingsFile | None:
    return getattr(app, "settings", None)


def _keep(app: App[object], settings: SettingsFile, **changes: object) -> None:
    """Write the change; when the file cannot be written, say so once (never a crash)."""
    if not settings.update(**changes) and not settings.unwritable:
        settings.unwritable = True
        app.notify(
            f"{settings.path}: settings cannot be saved; they hold until you quit.",
            severity="warning",
            markup=False,
        )


def remember_theme(app: App[object], settings: SettingsFile) -> None:
    """Start with the remembered theme (a theme this Textual lacks: a warning, the default)."""
    theme = settings.settings.theme
    if theme is not None:
        if theme in app.available_themes:
            app.theme = theme
        else:
            settings.warnings.append(
                f"{settings.path}: no theme called {theme!r}; using the default."
            )
    app.watch(app, "theme", lambda name: _keep(app, settings, theme=name), init=False)


def remember_layout(screen: LayoutScreen) -> None:
    """Layers and panel as they were last left; every later change is remembered."""
    settings = settings_of(screen.app)
    if settings is None:
        return
    saved = settings.settings
    view = screen.view
    view.show_quotes = saved.quotes
    view.show_entities = saved.entities
    cls = type(screen)
    screen.set_reactive(cls.panel_width, saved.panel_width)
    screen.panel_at = saved.panel_at
    screen.set_reactive(cls.panel_visible, saved.panel_visible)
    app = screen.app
    screen.watch(view, "show_quotes", lambda on: _keep(app, settings, quotes=on), init=False)
    screen.watch(
        view, "show_entities", lambda on: _keep(app, settings, entities=on), init=False
    )
    screen.watch(screen, "panel_width",
                 lambda w: _keep(app, settings, panel_width=w, panel_at=screen.panel_at),
                 init=False)
    screen.watch(
        screen, "panel_visible", lambda on: _keep(app, settings, panel_visible=on), init=False
    )
