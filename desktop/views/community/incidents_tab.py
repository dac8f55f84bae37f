"""Critical incidents: the list, and the chosen incident's account, young people affected,
support offered and given, and follow-up actions. Offered only to the coordinator and the roles
the coordinator allows (IncidentsTab.available); the coordinator chooses those roles here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.accounts import Role
from desktop.models.choices import ActionStatus
from desktop.services.bundle import Services
from desktop.services.incident_records import (
    IncidentRow,
    IncidentView,
    SupportInput,
)
from desktop.services.permissions import PermissionDeniedError
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.coaching.coaching_plan_parts import local_today
from desktop.views.common.page_saving import apply_change, run_dialog
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.when import date_text
from desktop.views.community.community_parts import REFUSALS, plural, staff_with
from desktop.views.community.community_tab_parts import person_choices
from desktop.views.community.incident_detail import IncidentDetail
from desktop.views.community.incident_dialogs import (
    FollowUpDialog,
    IncidentDialog,
    IncidentRolesDialog,
    PeopleAffectedDialog,
    SupportDialog,
)

NOT_OPEN = "Critical incidents are not open to your role."
INCIDENT_COLUMNS = (
    ("Date", lambda row: date_text(row.occurred_on)),
    ("Type", lambda row: row.kind.label),
    ("Area", lambda row: row.area),
    ("Young people", lambda row: row.people_affected),
    ("Support given", lambda row: f"{row.support_given} of {row.support_offered}"),
    ("Open actions", lambda row: row.open_actions),
)


class IncidentsTab(QWidget):
    """The list over the chosen incident; every service refusal is said in words."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today = local_today(services.clock.now())
        self.view: IncidentView | None = None
        coordinator = services.user.role is Role.COORDINATOR

        self.new_button = action_button("&New incident…", "Record a critical incident")
        self.new_button.clicked.connect(self.new_incident)
        self.edit_button = action_button("&Edit incident…", "Change the chosen incident")
        self.edit_button.clicked.connect(self.edit_incident)
        self.roles_button = action_button(
            "&Who may see…", "Choose the roles that may see critical incidents"
        )
        self.roles_button.clicked.connect(self.choose_roles)
        self.roles_button.setVisible(coordinator)
        self.count = hint()
        self.seen_by = hint(wrap=True)
        self.seen_by.setVisible(coordinator)
        self.table: RowTable[IncidentRow] = RowTable(
            RowsTableModel(INCIDENT_COLUMNS),
            "Critical incidents",
            "No critical incidents recorded. Choose New incident… to record one.",
            (100, 150, 200, 110, 120),
        )
        self.table.selection_changed.connect(self._chosen)
        self.table.activated.connect(lambda row: self.edit_incident())

        self.detail = IncidentDetail(self._today)
        # The detail's parts, by the names the handlers below (and the tests) use.
        d = self.detail
        self.parts, self.account, self.people = d.parts, d.account, d.people
        self.support, self.follow_up = d.support, d.follow_up
        self.people_button, self.given_button, self.done_button = (
            d.people_button,
            d.given_button,
            d.done_button,
        )
        self.add_support_button, self.edit_support_button = (
            d.add_support_button,
            d.edit_support_button,
        )
        self.add_action_button, self.edit_action_button = (
            d.add_action_button,
            d.edit_action_button,
        )
        self.people_button.clicked.connect(self.choose_people)
        self.add_support_button.clicked.connect(self.add_support)
        self.edit_support_button.clicked.connect(self.edit_support)
        self.given_button.clicked.connect(self.mark_given)
        self.support.activated.connect(lambda row: self.edit_support())
        self.add_action_button.clicked.connect(self.add_action)
        self.edit_action_button.clicked.connect(self.edit_action)
        self.done_button.clicked.connect(self.mark_done)
        self.follow_up.activated.connect(lambda row: self.edit_action())

        top = QHBoxLayout()
        top.addWidget(section_title("Critical incidents"))
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.roles_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([220, 380])
        split.setChildrenCollapsible(False)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(12, 10, 12, 10)
        page_layout.addLayout(top)
        page_layout.addWidget(self.seen_by)
        page_layout.addWidget(split, 1)

        # Someone the tab should never have been offered to sees one sentence and nothing else.
        self.refused = hint(NOT_OPEN, wrap=True)
        self.refused.setContentsMargins(12, 10, 12, 10)
        self.refused.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget()
        self.stack.addWidget(page)
        self.stack.addWidget(self.refused)
        self.page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.reload()

    @staticmethod
    def available(services: Services) -> bool:
        """Whether the Critical incidents tab may be offered to this user at all."""
        try:
            return services.incidents.can_see()
        except PermissionDeniedError:
            return False

    def reload(self) -> None:
        self._today = local_today(self._services.clock.now())
        try:
            rows = self._services.incidents.incidents()
        except PermissionDeniedError:
            self._refuse()
            return
        self.stack.setCurrentWidget(self.page)
        if self._services.user.role is Role.COORDINATOR:
            allowed = self._services.incidents.allowed_roles()
            names = [role.label for role in Role if role in allowed]
            self.seen_by.setText(f"Seen only by: {', '.join(names)}.")
        chosen = self.table.selected()
        self.table.set_rows(rows)
        if chosen is None or not self.table.select_where(lambda row: row.id == chosen.id):
            self.table.select_index(0)
        self.count.setText(plural(len(rows), "incident"))
        self._chosen()

    def select_incident(self, incident_id: int) -> bool:
        return self.table.select_where(lambda row: row.id == incident_id)

    # ---- showing ---------------------------------------------------------------------------
    def _refuse(self) -> None:
        """Drops everything shown: nothing of an incident stays on screen."""
        self.view = None
        self.table.set_rows([])
        self._show(None)
        self.stack.setCurrentWidget(self.refused)

    def _chosen(self) -> None:
        row = self.table.selected()
        self.edit_button.setEnabled(row is not None)
        if row is None:
            self._show(None)
            return
        try:
            self._show(self._services.incidents.incident(row.id))
        except PermissionDeniedError:
            self._refuse()
        except REFUSALS as error:
            QMessageBox.warning(self, "Not shown", str(error))

    def _show(self, view: IncidentView | None) -> None:
        self.view = view
        self.detail.today = self._today
        self.detail.show_view(view)

    # ---- the incident ----------------------------------------------------------------------
    def new_incident(self) -> None:
        incidents = self._services.incidents
        dialog = IncidentDialog(
            self._today, people=person_choices(self._services) or [], parent=self
        )

        created: list[int] = []  # a refusal after the incident was made: OK again updates it

        def save() -> int:
            if created:
                incidents.update_incident(created[0], dialog.details())
            else:
                created.append(incidents.create_incident(dialog.details()))
            if dialog.person_ids():
                incidents.set_people(created[0], dialog.person_ids())
            return created[0]

        dialog.save = save
        if self._run(dialog) and isinstance(dialog.result_of_save, int):
            self.select_incident(dialog.result_of_save)

    def edit_incident(self) -> None:
        view = self.view
        if view is None:
            return
        dialog = IncidentDialog(self._today, view.details(), parent=self)
        dialog.save = lambda: self._services.incidents.update_incident(view.id, dialog.details())
        self._run(dialog)

    def choose_people(self) -> None:
        view = self.view
        if view is None:
            return
        choices = person_choices(self._services) or []
        known = {c[0] for c in choices}
        choices += [
            (p.person_id, f"{p.name} · {p.case_reference}")
            for p in view.people
            if p.person_id not in known
        ]
        dialog = PeopleAffectedDialog(
            choices, [p.person_id for p in view.people], view.hidden_people, self
        )
        dialog.save = lambda: self._services.incidents.set_people(view.id, dialog.people.chosen())
        self._run(dialog)

    def choose_roles(self) -> None:
        incidents = self._services.incidents
        dialog = IncidentRolesDialog(incidents.allowed_roles(), self)
        dialog.save = lambda: incidents.set_allowed_roles(dialog.roles())
        self._run(dialog)

    # ---- support and actions ---------------------------------------------------------------
    def add_support(self) -> None:
        view = self.view
        if view is None:
            return
        dialog = SupportDialog(self._staff(), self._today, parent=self)
        dialog.save = lambda: self._services.incidents.add_support(view.id, dialog.details())
        self._run(dialog)

    def edit_support(self) -> None:
        row = self.support.selected()
        if row is None:
            return
        dialog = SupportDialog(self._staff(), self._today, row, self)
        dialog.save = lambda: self._services.incidents.update_support(row.id, dialog.details())
        self._run(dialog)

    def mark_given(self) -> None:
        row = self.support.selected()
        if row is None or row.given:
            return
        given = SupportInput(
            row.kind, row.offered_on, row.offered_to, self._today, row.description, row.staff_id
        )
        self._change(lambda: self._services.incidents.update_support(row.id, given))

    def add_action(self) -> None:
        view = self.view
        if view is None:
            return
        dialog = FollowUpDialog(self._staff(), parent=self)
        dialog.save = lambda: self._services.incidents.add_action(view.id, dialog.details())
        self._run(dialog)

    def edit_action(self) -> None:
        row = self.follow_up.selected()
        if row is None:
            return
        incidents = self._services.incidents
        dialog = FollowUpDialog(self._staff(), row, self)

        def save() -> None:
            incidents.update_action(row.id, dialog.details())
            incidents.set_action_status(row.id, dialog.chosen_status())

        dialog.save = save
        self._run(dialog)

    def mark_done(self) -> None:
        row = self.follow_up.selected()
        if row is not None and row.is_open:
            incidents = self._services.incidents
            self._change(lambda: incidents.set_action_status(row.id, ActionStatus.DONE))

    # ---- saving ----------------------------------------------------------------------------
    def _staff(self) -> list[tuple[int, str]]:
        user = self._services.user
        return staff_with(
            self._services.accounts.staff_choices(), user.account_id, user.display_name
        )

    def _change(self, change: Callable[[], object]) -> None:
        apply_change(self, change, REFUSALS, self.reload)

    def _run(self, dialog: QDialog) -> bool:
        return run_dialog(dialog, self.reload)
