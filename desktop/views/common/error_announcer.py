"""Form errors said to screen readers: an accessible name "Error: …" and an announcement."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget

from desktop.views.common.announce import send_announcement

ERROR_PREFIX = "Error: "


def error_name(text: str) -> str:
    """ "Error: Enter the reason." — one line, as a screen reader reads a name."""
    return ERROR_PREFIX + " ".join(text.split())


def announce_error(widget: QWidget, text: str) -> None:
    """Names the widget "Error: …" and asks assistive technology to say it now.

    Colour alone tells a screen-reader user nothing: the name changes (NameChanged, so the
    accessibility tree is current) and an assertive announcement interrupts what is being read.
    """
    name = error_name(text)
    widget.setAccessibleName(name)
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))
    send_announcement(widget, name, urgent=True)
