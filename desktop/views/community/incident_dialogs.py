"""The critical incident dialogs: the incident itself, the young people affected, support
offered and given, follow-up actions, and (coordinator only) which roles may see incidents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.models.accounts import Role
from desktop.models.choices import ActionStatus, IncidentKind, SupportKind
from desktop.services.community_common import ActionInput, ActionRow
from desktop.services.incident_records import IncidentInput, SupportInput, SupportRow
from desktop.services.permissions import ROLE_SECTIONS, Section
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, staff_combo, text_area
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.coaching.coaching_plan_parts import choice_combo
from desktop.views.community.community_parts import CommunitySavingDialog
from desktop.views.community.community_tab_parts import CheckList

NAME_LENGTH = 200
SOMEONE_ELSE = "Someone from a partner organisation"


def line(text: str, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(NAME_LENGTH)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class IncidentDialog(CommunitySavingDialog):
    """Date, area, type, what happened, families affected and community tension; a new
    incident also names the young people affected."""

    def __init__(
        self,
        today: date,
        current: IncidentInput | None = None,
        people: Sequence[tuple[int, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("New critical incident" if current is None else "Edit incident", parent)
        self._today = today
        details = current or IncidentInput(today, "", IncidentKind.FATAL_STABBING)
        self.occurred_on = date_field(details.occurred_on, latest=today)
        self.occurred_on.setAccessibleName("Date of the incident")
        self.area = line(details.area, "Area", "Estate, street or ward")
        self.kind = choice_combo(list(IncidentKind), details.kind, "Type of incident")
        self.summary = text_area("What happened, as far as is known", 3)
        self.summary.setAccessibleName("What happened")
        self.summary.setPlainText(details.summary)
        self.families = text_area("Families affected: who, and how to reach them", 3)
        self.families.setAccessibleName("Families affected")
        self.families.setPlainText(details.families)
        self.tension = text_area("What is being said in the community, where, by whom", 3)
        self.tension.setAccessibleName("Community tension")
        self.tension.setPlainText(details.tension_notes)
        self.form.addRow("&Date", self.occurred_on)
        self.form.addRow("&Area", self.area)
        self.form.addRow("&Type", self.kind)
        self.form.addRow("&What happened", self.summary)
        self.form.addRow("&Families affected", self.families)
        self.form.addRow("Community te&nsion", self.tension)
        self.people: CheckList | None = None
        if people is not None:
            self.people = CheckList(
                "Young people affected",
                people,
                empty_text="No young people's records are open to you.",
                lines=6,
            )
            self.form.addRow("&Young people affected", self.people)
        self.setMinimumWidth(620)
        self.area.setFocus()

    def details(self) -> IncidentInput:
        chosen = date_of(self.occurred_on)
        return IncidentInput(
            chosen or self._today,
            self.area.text(),
            IncidentKind(self.kind.currentData()),
            self.summary.toPlainText(),
            self.families.toPlainText(),
            self.tension.toPlainText(),
        )

    def person_ids(self) -> list[int]:
        return self.people.chosen() if self.people is not None else []

    def problems(self) -> list[str]:
        return self.details().problems(self._today)


class PeopleAffectedDialog(CommunitySavingDialog):
    def __init__(
        self,
        people: Sequence[tuple[int, str]],
        chosen: Sequence[int],
        hidden: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Young people affected", parent)
        self.people = CheckList(
            "Young people affected",
            people,
            chosen,
            "No young people's records are open to you.",
            lines=10,
        )
        self.form.addRow("&Young people", self.people)
        if hidden:
            self.form.addRow(
                hint(
                    f"{hidden} more young people affected whose records you cannot open stay "
                    "linked.",
                    wrap=True,
                )
            )
        self.people.list.setFocus()


class SupportDialog(CommunitySavingDialog):
    """A visit, call or referral offered after the incident, and the day it was given."""

    def __init__(
        self,
        staff: list[tuple[int, str]],
        today: date,
        current: SupportRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Add support" if current is None else "Edit support", parent)
        self._today = today
        self.kind = choice_combo(
            list(SupportKind), current.kind if current else SupportKind.VISIT, "Kind of support"
        )
        self.offered_to = line(
            current.offered_to if current else "", "Offered to", "A family, a school, a group"
        )
        self.offered_on = date_field(current.offered_on if current else today, latest=today)
        self.offered_on.setAccessibleName("Offered on")
        self.given_on = date_field(
            current.given_on if current else None, empty_text="Not given yet", latest=today
        )
        self.given_on.setAccessibleName("Given on")
        self.staff = staff_combo(staff, current.staff_id if current else None, "Nobody chosen")
        self.staff.setAccessibleName("Member of staff")
        self.description = text_area("What was offered, what came of it", 3)
        self.description.setAccessibleName("Description")
        if current is not None:
            self.description.setPlainText(current.description)
        self.form.addRow("&Kind", self.kind)
        self.form.addRow("Offered &to", self.offered_to)
        self.form.addRow("&Offered on", self.offered_on)
        self.form.addRow("&Given on", self.given_on)
        self.form.addRow("&Staff", self.staff)
        self.form.addRow("&Description", self.description)
        self.kind.setFocus()

    def details(self) -> SupportInput:
        staff = self.staff.currentData()
        return SupportInput(
            SupportKind(self.kind.currentData()),
            date_of(self.offered_on) or self._today,
            self.offered_to.text(),
            date_of(self.given_on),
            self.description.toPlainText(),
            int(staff) if staff is not None else None,
        )

    def problems(self) -> list[str]:
        return self.details().problems(self._today)


class FollowUpDialog(CommunitySavingDialog):
    """A follow-up action: what, who (staff, or someone named from a partner), when by."""

    def __init__(
        self,
        staff: list[tuple[int, str]],
        current: ActionRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Add action" if current is None else "Edit action", parent)
        self.description = text_area("What needs doing", 2)
        self.description.setAccessibleName("Action")
        self.owner = staff_combo(staff, current.owner_id if current else None, SOMEONE_ELSE)
        self.owner.setAccessibleName("Owner")
        typed = current.owner_name if current and current.owner_id is None else ""
        self.owner_name = line(typed, "Owner's name", "Name and organisation")
        self.due_on = date_field(current.due_on if current else None, empty_text="No due date")
        self.due_on.setAccessibleName("Due")
        self.status = choice_combo(
            list(ActionStatus), current.status if current else ActionStatus.TO_DO, "Status"
        )
        if current is not None:
            self.description.setPlainText(current.description)
        self.form.addRow("&Action", self.description)
        self.form.addRow("&Owner", self.owner)
        self.form.addRow("Owner's &name", self.owner_name)
        self.form.addRow("&Due", self.due_on)
        if current is not None:
            self.form.addRow("&Status", self.status)
        else:
            self.status.hide()
        self.setMinimumWidth(560)
        self.owner.currentIndexChanged.connect(self._owner_changed)
        self._owner_changed()
        self.description.setFocus()

    def owner_id(self) -> int | None:
        data = self.owner.currentData()
        return int(data) if data is not None else None

    def chosen_status(self) -> ActionStatus:
        return ActionStatus(self.status.currentData())

    def details(self) -> ActionInput:
        owner_id = self.owner_id()
        return ActionInput(
            self.description.toPlainText(),
            self.owner_name.text() if owner_id is None else "",
            owner_id,
            date_of(self.due_on),
        )

    def problems(self) -> list[str]:
        return self.details().problems()

    def _owner_changed(self) -> None:
        self.owner_name.setEnabled(self.owner_id() is None)


class IncidentRolesDialog(CommunitySavingDialog):
    """Coordinator only: a tick box per role; the coordinator always sees critical incidents."""

    def __init__(self, allowed: frozenset[Role], parent: QWidget | None = None) -> None:
        super().__init__("Who may see critical incidents", parent)
        about = hint(
            "Critical incidents name young people and families at a raw time. Tick the roles "
            "that may see them; everyone else is not offered the Critical incidents tab at all.",
            wrap=True,
        )
        self.form.addRow(about)
        self.boxes: dict[Role, QCheckBox] = {}
        box_list = QWidget()
        column = QVBoxLayout(box_list)
        column.setContentsMargins(0, 0, 0, 0)
        # Only roles that open the Community section: the tab lives there.
        for role in (r for r in Role if Section.COMMUNITY in ROLE_SECTIONS[r]):
            box = QCheckBox(role.label)
            box.setChecked(role in allowed or role is Role.COORDINATOR)
            if role is Role.COORDINATOR:
                box.setEnabled(False)
                box.setText(f"{role.label} (always)")
            self.boxes[role] = box
            column.addWidget(box)
        label = QLabel("&Roles")
        label.setBuddy(self.boxes[Role.GANGS_WORKER])
        self.form.addRow(label, box_list)
        self.setMinimumWidth(520)

    def roles(self) -> list[Role]:
        return [
            role
            for role, box in self.boxes.items()
            if box.isChecked() and role is not Role.COORDINATOR
        ]
