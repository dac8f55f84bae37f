"""The coordinator's restriction dialogs: restrict a record, change its named staff, lift it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.services.restriction_service import (
    MIN_REASON_WORDS,
    RestrictedRecordRow,
    RestrictionInputError,
    RestrictionService,
)
from desktop.views.common.form_dialog import FormDialog


def _reason_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(f"{placeholder} (at least {MIN_REASON_WORDS} words)")
    box.setAccessibleName("Reason")
    box.setMaximumHeight(90)
    return box


class RestrictionDialog(FormDialog):
    """Restrict a record (no row given) or change who is named on it (a row given)."""

    def __init__(
        self,
        restrictions: RestrictionService,
        row: RestrictedRecordRow | None = None,
        parent: QWidget | None = None,
        case_reference: str = "",
    ) -> None:
        """case_reference: the record to restrict, when opened from that record."""
        super().__init__("Restrict a record" if row is None else "Named staff", parent)
        self._restrictions = restrictions
        self._row = row
        self.young_person_id: int | None = None if row is None else row.young_person_id
        self.reference = QLineEdit(case_reference if row is None else row.case_reference)
        self.reference.setPlaceholderText("For example IGX-0042")
        self.reference.setAccessibleName("Case reference")
        self.reference.setReadOnly(row is not None or bool(case_reference))
        self.reason = _reason_box("Why the record is closed to all but named staff")
        self.staff = QListWidget()
        self.staff.setAccessibleName("Named staff")
        self.staff.setMinimumHeight(150)
        named = set(() if row is None else row.staff_ids)
        me = restrictions.account_id
        for account_id, name in restrictions.staff_choices():
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, account_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = account_id in named or (row is None and account_id == me)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.staff.addItem(item)
        hint = QLabel(
            "Only the staff ticked here can open the record; anyone else has to break glass, "
            "which you will see."
            + (" You are named so that you keep access." if row is None else "")
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        reference_label = QLabel("Case &reference")
        reference_label.setBuddy(self.reference)
        self.form.addRow(reference_label, self.reference)
        if row is None:
            reason_label = QLabel("Rea&son")
            reason_label.setBuddy(self.reason)
            self.form.addRow(reason_label, self.reason)
        staff_label = QLabel("&Named staff")
        staff_label.setBuddy(self.staff)
        self.form.addRow(staff_label, self.staff)
        self.form.addRow(hint)
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        ok.setText("&Restrict" if row is None else "&Save")
        if row is not None:
            self.staff.setFocus()
        else:
            (self.reason if case_reference else self.reference).setFocus()

    def chosen_staff(self) -> list[int]:
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.staff.item(i) for i in range(self.staff.count()))
            if item.checkState() is Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        try:
            if self._row is None:
                self.young_person_id = self._restrictions.restrict(
                    self.reference.text(), self.reason.toPlainText(), self.chosen_staff()
                )
            else:
                self._restrictions.set_staff(self._row.young_person_id, self.chosen_staff())
        except RestrictionInputError as error:
            self.show_error(str(error))
            return
        super().accept()


class LiftRestrictionDialog(FormDialog):
    """Lift a restriction, with the reason."""

    def __init__(
        self, restrictions: RestrictionService, row: RestrictedRecordRow, parent: QWidget | None
    ) -> None:
        super().__init__("Lift the restriction", parent)
        self._restrictions = restrictions
        self._row = row
        text = QLabel(f"{row.case_reference} will open again to everyone whose role reaches it.")
        text.setWordWrap(True)
        self.reason = _reason_box("Why the record no longer needs restricting")
        reason_label = QLabel("Rea&son")
        reason_label.setBuddy(self.reason)
        self.form.addRow(text)
        self.form.addRow(reason_label, self.reason)
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        ok.setText("&Lift")
        self.reason.setFocus()

    def accept(self) -> None:
        try:
            self._restrictions.lift(self._row.young_person_id, self.reason.toPlainText())
        except RestrictionInputError as error:
            self.show_error(str(error))
            return
        super().accept()
