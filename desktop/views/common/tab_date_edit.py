"""A date field that lets Tab move on while it shows its "not set" text."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QWidget


class DateEdit(QDateEdit):
    """QDateEdit, except that Tab leaves it while it shows its special value text.

    Qt moves Tab between a date's day, month and year sections; showing the special value text
    ("Not known", "Still linked") it finds no section to move to and keeps the focus, so a
    keyboard user could never get past an unset optional date.
    """

    def focusNextPrevChild(self, forward: bool) -> bool:
        if self.specialValueText() and self.date() == self.minimumDate():
            return QWidget.focusNextPrevChild(self, forward)
        return super().focusNextPrevChild(forward)
