"""The dialog to record or correct a subject access request: whose records, who asked, when it
came in (the deadline shown as it is typed) and how the requester's identity was checked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.subject_access_service import (
    SarRequestDetails,
    SarRequestError,
    SarRequestInput,
    SarSubject,
    SubjectAccessService,
    due_date,
)
from desktop.vault.errors import VaultSaveError
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, day, set_date, text_area
from desktop.views.common.form_dialog import FormDialog

REFUSALS = (SarRequestError, PermissionDeniedError, RecordNotFoundError, VaultSaveError)
SEARCH_FROM = 2  # letters typed before the subject search runs


class SubjectPicker(QWidget):
    """A search box over young people and family members, with the matches listed below."""

    def __init__(self, service: SubjectAccessService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.search = QLineEdit()
        self.search.setAccessibleName("Search for the subject")
        self.search.setPlaceholderText("Type a young person's or family member's name")
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName("People found")
        self.results.setMaximumHeight(self.results.fontMetrics().lineSpacing() * 6 + 12)
        self.found = QLabel()
        self.found.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.found)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._take_first)
        self._search("")

    def chosen(self) -> SarSubject | None:
        item = self.results.currentItem()
        subject = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return subject if isinstance(subject, SarSubject) else None

    def _search(self, text: str) -> None:
        self.results.clear()
        if len(text.strip()) < SEARCH_FROM:
            self.found.setText("Type at least two letters of a name.")
            return
        subjects = self._service.find_subjects(text)
        for subject in subjects:
            kind = "Young person" if subject.kind == "young_person" else "Family or contact"
            item = QListWidgetItem(f"{subject.name}  —  {kind}: {subject.detail}")
            item.setData(Qt.ItemDataRole.UserRole, subject)
            self.results.addItem(item)
        self.found.setText(
            f"{len(subjects)} found: choose one." if subjects else "No one by that name."
        )
        if len(subjects) == 1:
            self.results.setCurrentRow(0)

    def _take_first(self) -> None:
        if self.results.count() and self.results.currentRow() < 0:
            self.results.setCurrentRow(0)


class SarRequestDialog(FormDialog):
    """New when `existing` is None; otherwise the request is corrected (its subject stays)."""

    def __init__(
        self,
        service: SubjectAccessService,
        today: date,
        existing: SarRequestDetails | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "New subject access request" if existing is None else "Edit subject access request",
            parent,
        )
        self._service = service
        self._existing = existing
        self.saved_id: int | None = None
        self.picker: SubjectPicker | None = None
        if existing is None:
            self.picker = SubjectPicker(service)
            subject_label = QLabel("&Subject")
            subject_label.setBuddy(self.picker.search)
            self.form.addRow(subject_label, self.picker)
        else:
            fixed = QLabel(f"{existing.subject.name} — {existing.subject.detail}")
            fixed.setAccessibleName("Subject")
            self.form.addRow("Subject", fixed)
        self.requested_by = QLineEdit()
        self.requested_by.setAccessibleName("Requested by")
        self.requested_by.setPlaceholderText("Leave empty when the subject asks for themselves")
        self.requested_by.setMaxLength(200)
        self.received_on = date_field(today, latest=today)
        self.received_on.setAccessibleName("Date received")
        self.due = QLabel()
        self.due.setAccessibleName("Due date")
        self.identity_checked = QCheckBox("&Identity checked on")
        self.identity_on = date_field(today, latest=today)
        self.identity_on.setAccessibleName("Date identity was checked")
        self.identity_on.setEnabled(False)
        self.identity_checked.toggled.connect(self.identity_on.setEnabled)
        self.evidence = QLineEdit()
        self.evidence.setAccessibleName("Evidence of identity")
        self.evidence.setPlaceholderText("e.g. Passport seen; photo ID and a utility bill")
        self.evidence.setMaxLength(200)
        identity = QHBoxLayout()
        identity.addWidget(self.identity_checked)
        identity.addWidget(self.identity_on)
        identity.addStretch(1)
        self.access_report = QCheckBox("Include the &access report (who opened the record)")
        self.notes = text_area("How it came in, anything agreed with the requester", 3)
        self.notes.setAccessibleName("Notes")
        self._add("Requested &by", self.requested_by)
        self._add("&Received", self.received_on)
        self.form.addRow("Due", self.due)
        self.form.addRow("", identity)
        self._add("&Evidence", self.evidence)
        self.form.addRow("", self.access_report)
        self._add("&Notes", self.notes)
        self.received_on.dateChanged.connect(self._show_due)
        if existing is not None:
            self._fill(existing)
        self._show_due()
        self.setMinimumWidth(560)
        (self.picker.search if self.picker is not None else self.requested_by).setFocus()

    def _add(self, text: str, field: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        self.form.addRow(label, field)

    def _fill(self, existing: SarRequestDetails) -> None:
        data = existing.data
        self.requested_by.setText(data.requested_by)
        set_date(self.received_on, data.received_on)
        self.identity_checked.setChecked(data.identity_checked_on is not None)
        if data.identity_checked_on is not None:
            set_date(self.identity_on, data.identity_checked_on)
        self.evidence.setText(data.identity_evidence)
        self.access_report.setChecked(data.include_access_report)
        self.notes.setPlainText(data.notes)

    def _show_due(self) -> None:
        received = date_of(self.received_on)
        if received is None:
            self.due.setText("")
            return
        self.due.setText(f"{day(due_date(received))}  (one calendar month after receipt)")

    def data(self) -> SarRequestInput:
        received = date_of(self.received_on)
        assert received is not None  # a required date field always holds a date
        subject = self._existing.subject if self._existing is not None else self._chosen()
        return SarRequestInput(
            young_person_id=subject.id if subject and subject.kind == "young_person" else None,
            contact_id=subject.id if subject and subject.kind == "contact" else None,
            requested_by=self.requested_by.text(),
            received_on=received,
            identity_checked_on=date_of(self.identity_on)
            if self.identity_checked.isChecked()
            else None,
            identity_evidence=self.evidence.text(),
            include_access_report=self.access_report.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def _chosen(self) -> SarSubject | None:
        return self.picker.chosen() if self.picker is not None else None

    def problems(self) -> list[str]:
        found = []
        if self._existing is None and self._chosen() is None:
            found.append("Search for the subject and choose them from the list.")
        if self.identity_checked.isChecked() and not self.evidence.text().strip():
            found.append("Say what evidence of identity was seen.")
        return found

    def accept(self) -> None:
        """The form's own checks, then the service's: its refusal is shown, the typing kept."""
        found = self.problems()
        if found:
            self.show_error("\n".join(found))
            return
        try:
            if self._existing is None:
                self.saved_id = self._service.create(self.data())
            else:
                self._service.update(self._existing.row.id, self.data())
                self.saved_id = self._existing.row.id
        except REFUSALS as error:
            self.show_error(str(error))
            return
        QDialog.accept(self)
