"""The dialogs of the partners directory: a partner's details, one contact, a dated note."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from desktop.models.choices import PartnerKind
from desktop.services.partner_service import ContactInput, ContactRow, PartnerInput
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.coaching.coaching_plan_parts import choice_combo
from desktop.views.community.community_parts import (
    CommunitySavingDialog,
    line_edit,
    lines_area,
    prose_area,
    typed_lines,
)


class PartnerDialog(CommunitySavingDialog):
    """Name, kind, area, the communities and languages served (one a line), and what they do."""

    def __init__(self, current: PartnerInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__("New partner" if current is None else "Edit partner", parent)
        details = current or PartnerInput("", PartnerKind.COMMUNITY_GROUP)
        self.name = line_edit(details.name, "Organisation's name", "The organisation's name")
        self.kind = choice_combo(list(PartnerKind), details.kind, "Kind of organisation")
        self.area = line_edit(details.area, "Area", "Harrow Road, North ward…")
        self.communities = lines_area(
            details.communities, "Communities served", "One a line: Iraqi Kurdish, Sudanese…"
        )
        self.languages = lines_area(
            details.languages, "Languages", "One a line: Kurdish (Sorani), Arabic…"
        )
        self.description = prose_area(
            details.description, "What they do", "What the organisation does, and for whom"
        )
        self.form.addRow("&Name", self.name)
        self.form.addRow("&Kind", self.kind)
        self.form.addRow("&Area", self.area)
        self.form.addRow("&Communities served", self.communities)
        self.form.addRow("&Languages", self.languages)
        self.form.addRow("&What they do", self.description)
        self.setMinimumWidth(560)
        self.name.setFocus()

    def details(self) -> PartnerInput:
        return PartnerInput(
            self.name.text(),
            PartnerKind(self.kind.currentData()),
            self.area.text(),
            typed_lines(self.communities),
            typed_lines(self.languages),
            self.description.toPlainText(),
        )

    def problems(self) -> list[str]:
        return self.details().problems()


class ContactDialog(CommunitySavingDialog):
    """Someone at the organisation: a professional contact, not a member of the public."""

    def __init__(self, current: ContactRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Add contact" if current is None else "Edit contact", parent)
        self.name = line_edit(current.name if current else "", "Contact's name")
        self.role = line_edit(current.role if current else "", "Role", "Imam, head of year…")
        self.phone = line_edit(current.phone if current else "", "Phone", length=60)
        self.email = line_edit(current.email if current else "", "Email")
        self.form.addRow("&Name", self.name)
        self.form.addRow("&Role", self.role)
        self.form.addRow("&Phone", self.phone)
        self.form.addRow("&Email", self.email)
        self.name.setFocus()

    def details(self) -> ContactInput:
        return ContactInput(
            self.name.text(), self.role.text(), self.phone.text(), self.email.text()
        )

    def problems(self) -> list[str]:
        return [p.replace("Contact 1", "The contact") for p in self.details().problems(1)]


class PartnerNoteDialog(CommunitySavingDialog):
    """A dated note in the history of joint work: a call, a visit, a plan made together."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__("Add note", parent)
        self.noted_on = date_field(today, latest=today)
        self.noted_on.setAccessibleName("Date")
        self.text = prose_area("", "Note", "What happened, what was agreed", 5)
        self.form.addRow("&Date", self.noted_on)
        self.form.addRow("&Note", self.text)
        self.form.addRow(hint("Notes are kept in the history of joint work with the partner."))
        self.setMinimumWidth(540)
        self.text.setFocus()

    def day(self) -> date:
        chosen = date_of(self.noted_on)
        assert chosen is not None  # a required date field always has one
        return chosen

    def problems(self) -> list[str]:
        return [] if self.text.toPlainText().strip() else ["Write the note."]
