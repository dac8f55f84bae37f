"""Says a status or result out loud: sets a label's text and asks the screen reader to read it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

Listener = Callable[[QAccessibleEvent], None]

# Screen readers read a label's text only when the focus lands on it, and a status bar's never:
# an announcement event (UI Automation's notification on Windows, which NVDA and JAWS speak,
# AT-SPI's announcement on Linux, NSAccessibility's on macOS) is read wherever the focus is.
_listeners: list[Listener] = []
# Marks a status bar already followed: messageChanged is connected once per bar.
_FOLLOWED = "casebookAnnounced"


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Shows `text` in `widget` (a label, or a status bar's message) and has it read out.

    `urgent` interrupts what the screen reader is saying (a failure, a refusal); otherwise it
    waits its turn (saved, copied, found). Empty text clears the label and says nothing.
    """
    if isinstance(widget, QStatusBar):
        follow_status_bar(widget)
        widget.showMessage(text)
        return  # the bar, followed, speaks every message it shows, this one included
    if isinstance(widget, QLabel):
        widget.setText(text)
        if text:
            widget.show()
    send_announcement(widget, text, urgent=urgent)


def send_announcement(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Asks the screen reader to read `text` on behalf of `widget`, leaving the widget alone."""
    if not text.strip():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if urgent
        else QAccessible.AnnouncementPoliteness.Polite
    )
    for listener in list(_listeners):
        listener(event)
    # Does nothing (and costs nothing) unless a screen reader has switched accessibility on.
    QAccessible.updateAccessibility(event)


def follow_status_bar(bar: QStatusBar) -> None:
    """Every message the bar shows from now on is read out (each bar is followed once)."""
    if bar.property(_FOLLOWED):
        return
    bar.setProperty(_FOLLOWED, True)
    bar.messageChanged.connect(lambda text: send_announcement(bar, text))


def listen(listener: Listener) -> Callable[[], None]:
    """Calls `listener` with every announcement event just before Qt sends it; returns the
    call that stops listening.

    PySide6 does not bind QAccessible::installUpdateHandler and the offscreen platform has no
    accessibility bridge, so this is how a test sees the event a screen reader would receive.
    """
    _listeners.append(listener)
    return lambda: _listeners.remove(listener)
