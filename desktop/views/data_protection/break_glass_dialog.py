"""Break glass: open a restricted record with a stated reason, which the coordinator sees."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.permissions import PermissionDeniedError
from desktop.services.restriction_service import (
    BREAK_GLASS_HOURS,
    MIN_REASON_WORDS,
    BreakGlassOpening,
    RestrictionInputError,
    RestrictionService,
)
from desktop.views.common.form_dialog import FormDialog

WARNING = (
    "This record is restricted to named staff. If you open it, your name, the time and your "
    "reason are recorded and shown to the coordinator. Only go on if you need this record "
    f"for your work now. It stays open to you for {BREAK_GLASS_HOURS} hours."
)


class BreakGlassDialog(FormDialog):
    """Asks for the case reference (given when known) and the reason, then breaks glass."""

    def __init__(
        self,
        restrictions: RestrictionService,
        case_reference: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Open a restricted record", parent)
        self._restrictions = restrictions
        self.opening: BreakGlassOpening | None = None
        self.warning = QLabel(WARNING)
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.reference = QLineEdit(case_reference)
        self.reference.setPlaceholderText("For example IGX-0042")
        self.reference.setAccessibleName("Case reference")
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            f"Why you need this record now (at least {MIN_REASON_WORDS} words)"
        )
        self.reason.setAccessibleName("Reason")
        self.reason.setMaximumHeight(110)
        reference_label = QLabel("Case &reference")
        reference_label.setBuddy(self.reference)
        reason_label = QLabel("Rea&son")
        reason_label.setBuddy(self.reason)
        self.form.addRow(reference_label, self.reference)
        self.form.addRow(reason_label, self.reason)
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        ok.setText("&Open the record")
        self.open_button = ok
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.warning)
        self.setMinimumWidth(520)
        if case_reference:
            self.reference.setReadOnly(True)
            self.reason.setFocus()
        else:
            self.reference.setFocus()

    def accept(self) -> None:
        """Breaks glass; on a mistake says what is wrong and keeps what was typed."""
        try:
            self.opening = self._restrictions.break_glass(
                self.reference.text(), self.reason.toPlainText()
            )
        except (RestrictionInputError, PermissionDeniedError) as error:
            self.show_error(str(error))
            return
        super().accept()
