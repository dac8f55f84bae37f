"""The dialog for a family or household member or a professional around a young person."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.models.choices import ContactKind
from desktop.services.network_service import ContactInput, NetworkInputError
from desktop.views.caseload.saving_dialog import SavingDialog

KIND_LABELS = {
    ContactKind.FAMILY: "Family or household",
    ContactKind.PROFESSIONAL: "Professional",
}


class ContactDialog(SavingDialog):
    refusals = (*SavingDialog.refusals, NetworkInputError)

    def __init__(
        self,
        parent: QWidget | None,
        save: Callable[[ContactInput], object],
        contact: ContactInput | None = None,
    ) -> None:
        adding = contact is None
        super().__init__("Add a person" if adding else "Edit a person", parent)
        self._save = save
        self.kind = QComboBox()
        for kind, kind_label in KIND_LABELS.items():
            self.kind.addItem(kind_label, kind.value)
        self.name = QLineEdit()
        self.relationship = QLineEdit()
        self.agency = QLineEdit()
        self.agency.setPlaceholderText("Children's social care, YOS, school…")
        self.parental_responsibility = QCheckBox("Has parental responsibility")
        self.lives_with = QCheckBox("Lives with the young person")
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("+44 7700 900123")
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@example.org")
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(58)
        self.language = QLineEdit()
        self.language.setPlaceholderText("The language to speak with them in")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(72)
        self.relationship_label = QLabel()
        rows: list[tuple[str | QLabel, QWidget, str]] = [
            ("&Kind", self.kind, "Kind of person"),
            ("&Name", self.name, "Name"),
            (self.relationship_label, self.relationship, "Relationship or role"),
            ("A&gency", self.agency, "Agency"),
            ("", self.parental_responsibility, "Has parental responsibility"),
            ("", self.lives_with, "Lives with the young person"),
            ("&Phone", self.phone, "Phone"),
            ("E&mail", self.email, "Email"),
            ("Add&ress", self.address, "Address"),
            ("&Language", self.language, "Language"),
            ("N&otes", self.notes, "Notes"),
        ]
        for label, widget, spoken in rows:
            widget.setAccessibleName(spoken)
            if label == "":
                self.form.addRow(widget)
                continue
            buddy = label if isinstance(label, QLabel) else QLabel(label)
            buddy.setBuddy(widget)
            self.form.addRow(buddy, widget)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._fill(contact or ContactInput())
        self._kind_changed()
        self.name.setFocus()

    def _fill(self, contact: ContactInput) -> None:
        self.kind.setCurrentIndex(self.kind.findData(contact.kind.value))
        self.name.setText(contact.name)
        self.relationship.setText(contact.relationship)
        self.agency.setText(contact.agency)
        self.parental_responsibility.setChecked(contact.parental_responsibility)
        self.lives_with.setChecked(contact.lives_with)
        self.phone.setText(contact.phone)
        self.email.setText(contact.email)
        self.address.setPlainText(contact.address)
        self.language.setText(contact.language)
        self.notes.setPlainText(contact.notes)

    def _kind_changed(self) -> None:
        family = self.value().kind is ContactKind.FAMILY
        self.relationship_label.setText("&Relationship" if family else "&Role")
        self.relationship.setPlaceholderText(
            "Mother, uncle, carer…" if family else "Social worker, YOS officer, teacher…"
        )
        # Parental responsibility and home are family matters; a professional's agency is not.
        for widget in (self.parental_responsibility, self.lives_with):
            self.form.setRowVisible(widget, family)
        self.form.setRowVisible(self.agency, not family)
        self.adjustSize()

    def value(self) -> ContactInput:
        kind = ContactKind(self.kind.currentData())
        family = kind is ContactKind.FAMILY
        return ContactInput(
            kind=kind,
            name=self.name.text(),
            relationship=self.relationship.text(),
            agency="" if family else self.agency.text(),
            parental_responsibility=family and self.parental_responsibility.isChecked(),
            lives_with=family and self.lives_with.isChecked(),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.toPlainText(),
            language=self.language.text(),
            notes=self.notes.toPlainText(),
        )

    def problems(self) -> list[str]:
        return self.value().problems()

    def save(self) -> None:
        self._save(self.value())
