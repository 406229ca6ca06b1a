"""The private Textual names reader.ui.textual_private relies on still exist and still do
their job: a Textual upgrade that renames one fails here, not in a user's hands."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App
from textual.notifications import Notification, Notify
from textual.widgets import TextArea

from reader.ui import textual_private as private


@pytest.mark.parametrize(("owner", "name"), [
    (owner, name) for owner, names in private.overridden().items() for name in names])
def test_each_overridden_private_method_is_still_textuals(owner: type, name: str) -> None:
    assert callable(owner.__dict__.get(name)), f"{owner.__name__}.{name} is gone"


def test_the_wrapped_documents_state_read_by_the_note_editor_is_still_there() -> None:
    from textual.document._document import Document

    wrapped = private.WrappedDocument(Document("one two three"), width=5)
    for name in private.WRAP_STATE:
        assert isinstance(getattr(wrapped, name), list), f"WrappedDocument.{name} is gone"


def test_the_footer_key_widget_is_still_where_it_is_imported_from() -> None:
    assert private.FooterKey.__name__ == "FooterKey"
    assert {"key", "key_display", "description", "action"} <= set(
        vars(private.FooterKey("q", "q", "Quit", "quit")))


def test_one_toast_is_dropped_and_the_others_stay() -> None:
    app = App()
    first, second = Notification("one"), Notification("two")
    for toast in (first, second):
        App._on_notify(app, Notify(toast))  # as the message pump delivers it
    assert private.shown_toasts(app) == [first, second]
    private.drop_toast(app, first)
    assert private.shown_toasts(app) == [second]


def test_an_app_that_has_not_started_closing_says_so() -> None:
    assert private.closing(App()) is False


def test_a_widgets_own_bindings_are_read_by_key() -> None:
    area = TextArea()
    actions = [binding.action for binding in private.key_bindings(area, "backspace")]
    assert actions == ["delete_left"]
    assert list(private.key_bindings(area, "no-such-key")) == []


def test_a_message_is_marked_forwarded() -> None:
    key = events.Key("a", "a")
    assert not key.is_forwarded
    private.mark_forwarded(key)
    assert key.is_forwarded


def test_the_cursor_blink_restarts_on_an_unmounted_area() -> None:
    area = TextArea()
    private.restart_blink(area)  # raises AttributeError if the name is gone


def test_a_text_areas_theme_and_cursor_state_are_read() -> None:
    """Read by the note editor's quick drawing of a long line (long_line.render_long_line)."""
    area = TextArea("one line", read_only=True, show_cursor=False)
    assert private.theme_of(area) is not None
    assert private.has_cursor(area) is False  # read-only, no cursor shown
    assert private.draws_cursor(area) is False  # not focused: not drawn
    assert private.has_cursor(TextArea("one line")) is True


def test_the_toast_parts_take_toasts_uses_are_still_textuals() -> None:
    """take_toasts/drop_toast reach into Textual: the rack's refresh, the un-notify, and each
    Toast widget's notification (a Textual upgrade renaming them must fail here, not in use)."""
    import inspect

    from textual.widgets._toast import Toast

    assert callable(App._refresh_notifications) and callable(App._unnotify)
    assert "refresh" in inspect.signature(App._unnotify).parameters
    shown = Toast(Notification("one"))
    assert shown._notification.message == "one"
