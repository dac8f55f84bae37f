"""Outreach ride-outs: the rounds in a chosen period, the chosen one's staff, young people seen
and concerns, and the dialog that records one (each young person seen gets a ride-out contact
in their chronology)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.ride_out_service import RideOutInput, RideOutRow, RideOutView, SeenInput
from desktop.views.caseload.tabs.dialog_fields import text_area
from desktop.views.caseload.tabs.tab_parts import action_button, hint, section_title
from desktop.views.coaching.coaching_plan_parts import local_today
from desktop.views.common.announce import announce
from desktop.views.common.page_saving import run_dialog
from desktop.views.common.restyle import restyle
from desktop.views.common.row_table_view import RowTable
from desktop.views.common.rows_table_model import RowsTableModel
from desktop.views.common.when import date_time_edit, local_time_text, moment_of
from desktop.views.community.community_parts import (
    REFUSALS,
    CommunitySavingDialog,
    plural,
    staff_with,
)
from desktop.views.community.community_tab_parts import (
    CheckList,
    period_combo,
    period_dates,
    person_choices,
)
from desktop.views.community.incident_dialogs import line

RIDE_OUT_COLUMNS = (
    ("Date", lambda row: local_time_text(row.started_at)),
    ("Area", lambda row: row.area),
    ("Staff", lambda row: ", ".join(row.staff)),
    ("Young people seen", lambda row: row.people_seen),
    ("Concerns", lambda row: "Yes" if row.has_concerns else ""),
)
NO_RECORDS = (
    "Your role opens no young people's records, so the ride-out is saved without names: a "
    "gangs worker can add those seen afterwards."
)


class RideOutDialog(CommunitySavingDialog):
    """Records a ride-out, or (current given) changes its date, area, staff and concerns."""

    def __init__(
        self,
        now: datetime,
        staff: Sequence[tuple[int, str]],
        chosen_staff: Sequence[int],
        people: Sequence[tuple[int, str]] | None,
        current: RideOutView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Record a ride-out" if current is None else "Edit ride-out", parent)
        self._now = now
        self.started_at = date_time_edit(current.started_at if current else now)
        self.started_at.setAccessibleName("Date and time")
        self.area = line(current.area if current else "", "Area", "Estate, park, high street")
        self.staff = CheckList("Staff on the ride-out", staff, chosen_staff, lines=5)
        self.concerns = text_area("About the area and the round, not about one young person", 3)
        self.concerns.setAccessibleName("Concerns noted")
        if current is not None:
            self.concerns.setPlainText(current.concerns)
        self.form.addRow("&Date and time", self.started_at)
        self.form.addRow("&Area", self.area)
        self.form.addRow("&Staff", self.staff)
        self.people: CheckList | None = None
        if current is None:
            if people is None:
                self.form.addRow("Young people seen", hint(NO_RECORDS, wrap=True))
            else:
                self.people = CheckList(
                    "Young people seen",
                    people,
                    empty_text="No young people's records are open to you.",
                    lines=7,
                )
                self.form.addRow("&Young people seen", self.people)
                self.form.addRow(
                    hint(
                        "Each young person ticked gets a ride-out contact in their chronology.",
                        wrap=True,
                    )
                )
        if current is not None:
            self.form.addRow(
                hint(
                    "Young people seen are added with Add young people seen… on the list; the "
                    "chronology entries already made stay as they are.",
                    wrap=True,
                )
            )
        self.form.addRow("&Concerns", self.concerns)
        self.setMinimumWidth(600)
        self.area.setFocus()

    def person_ids(self) -> list[int]:
        return self.people.chosen() if self.people is not None else []

    def details(self) -> RideOutInput:
        return RideOutInput(
            moment_of(self.started_at),
            self.area.text(),
            self.concerns.toPlainText(),
            tuple(self.staff.chosen()),
            tuple(SeenInput(person_id) for person_id in self.person_ids()),
        )

    def problems(self) -> list[str]:
        found = self.details().problems(self._now)
        if not self.staff.chosen():
            found.append("Tick who went out on the ride-out.")
        return found


class AddSeenDialog(CommunitySavingDialog):
    """Young people seen on a ride-out already recorded."""

    def __init__(self, people: Sequence[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__("Add young people seen", parent)
        self.people = CheckList(
            "Young people seen",
            people,
            empty_text="No other young people's records are open to you.",
            lines=10,
        )
        self.form.addRow("&Young people", self.people)
        self.form.addRow(
            hint("Each young person ticked gets a ride-out contact in their chronology.", True)
        )

    def problems(self) -> list[str]:
        return [] if self.people.chosen() else ["Tick at least one young person."]


def detail_text(view: RideOutView) -> str:
    staff = ", ".join(s.name for s in view.staff) or "not recorded"
    people = "\n".join(f"• {p.name} · {p.case_reference}" for p in view.people) or "None named."
    if view.hidden_people:
        people += (
            f"\n{plural(view.hidden_people, 'more young person', 'more young people')} seen "
            "whose records you cannot open."
        )
    return (
        f"Staff: {staff}\nRecorded by {view.recorded_by or 'someone no longer known'}\n\n"
        f"Young people seen:\n{people}\n\nConcerns:\n{view.concerns or 'None noted.'}"
    )


class RideOutsTab(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.view: RideOutView | None = None
        self.period = period_combo()
        self.period.currentIndexChanged.connect(self.reload)
        self.count = hint()
        self.record_button = action_button("&Record ride-out…", "Record an outreach ride-out")
        self.record_button.clicked.connect(self.record)
        self.edit_button = action_button("&Edit ride-out…", "Change the chosen ride-out")
        self.edit_button.clicked.connect(self.edit)
        self.seen_button = action_button(
            "Add young people &seen…", "Add young people seen on the chosen ride-out"
        )
        self.seen_button.clicked.connect(self.add_seen)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.table: RowTable[RideOutRow] = RowTable(
            RowsTableModel(RIDE_OUT_COLUMNS),
            "Ride-outs",
            "No ride-outs in this period. Choose Record ride-out… to record one.",
            (140, 190, 250, 160),
        )
        self.table.selection_changed.connect(self._chosen)
        self.table.activated.connect(lambda row: self.edit())
        self.title = section_title("")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setAccessibleName("The chosen ride-out")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(10, 8, 10, 8)
        self.detail.setStyleSheet("background:palette(base);")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 6, 0, 0)
        below_layout.addWidget(self.title)
        below_layout.addWidget(scroll, 1)
        period_label = QLabel("Peri&od")
        period_label.setBuddy(self.period)
        top = QHBoxLayout()
        top.addWidget(section_title("Outreach ride-outs"))
        top.addWidget(period_label)
        top.addWidget(self.period)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.record_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.seen_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setSizes([300, 260])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)
        self.reload()

    def reload(self) -> None:
        today = local_today(self._services.clock.now())
        start, end = period_dates(self.period.currentIndex(), today)
        chosen = self.table.selected()
        rows = self._services.ride_outs.ride_outs(start, end)
        self.table.set_rows(rows)
        if chosen is None or not self.table.select_where(lambda row: row.id == chosen.id):
            self.table.select_index(0)
        self.count.setText(plural(len(rows), "ride-out"))
        self._chosen()

    def select_ride_out(self, ride_out_id: int) -> bool:
        return self.table.select_where(lambda row: row.id == ride_out_id)

    def _chosen(self) -> None:
        row = self.table.selected()
        self.edit_button.setEnabled(row is not None)
        self.seen_button.setEnabled(row is not None)
        self.view = None
        if row is not None:
            try:
                self.view = self._services.ride_outs.ride_out(row.id)
            except REFUSALS as error:
                self.title.setText(str(error))
        if self.view is None:
            self.title.setText("")
            self.detail.setText("")
            return
        self.title.setText(f"{self.view.area} · {local_time_text(self.view.started_at)}")
        self.detail.setText(detail_text(self.view))

    # ---- recording -------------------------------------------------------------------------
    def _staff(self, chosen: Sequence[int] = ()) -> list[tuple[int, str]]:
        user = self._services.user
        staff = staff_with(
            self._services.accounts.staff_choices(), user.account_id, user.display_name
        )
        known = {s[0] for s in staff}
        if self.view is not None:
            staff += [(s.account_id, s.name) for s in self.view.staff if s.account_id not in known]
        return staff

    def record(self) -> None:
        people = person_choices(self._services)
        user = self._services.user
        dialog = RideOutDialog(
            self._services.clock.now(), self._staff(), [user.account_id], people, parent=self
        )
        names = dict(people or [])
        dialog.save = lambda: self._services.ride_outs.record_ride_out(dialog.details())
        if not self._run(dialog) or not isinstance(dialog.result_of_save, int):
            return
        self.select_ride_out(dialog.result_of_save)
        seen = [names[p].split(" · ")[0] for p in dialog.person_ids()]
        if seen:
            self._tell(
                "Ride-out saved. A ride-out contact was added to the chronology of "
                f"{plural(len(seen), 'young person', 'young people')}: {', '.join(seen)}."
            )
        else:
            self._tell("Ride-out saved. No young people were named, so no chronology changed.")

    def edit(self) -> None:
        view = self.view
        if view is None:
            return
        dialog = RideOutDialog(
            self._services.clock.now(),
            self._staff(),
            [s.account_id for s in view.staff],
            None,
            view,
            self,
        )

        dialog.save = lambda: self._services.ride_outs.update_ride_out(view.id, dialog.details())
        if self._run(dialog):
            self._tell("Ride-out saved. Chronology entries already made stay as they were.")

    def add_seen(self) -> None:
        view = self.view
        if view is None:
            return
        people = person_choices(self._services)
        if people is None:
            QMessageBox.information(self, "Young people seen", NO_RECORDS)
            return
        already = {p.person_id for p in view.people}
        choices = [c for c in people if c[0] not in already]
        dialog = AddSeenDialog(choices, self)
        dialog.save = lambda: self._services.ride_outs.add_people_seen(
            view.id, [SeenInput(p) for p in dialog.people.chosen()]
        )
        if self._run(dialog):
            count = len(dialog.people.chosen())
            self._tell(
                "A ride-out contact was added to the chronology of "
                f"{plural(count, 'young person', 'young people')}."
            )

    def _tell(self, text: str) -> None:
        restyle(self.notice, "notice")
        announce(self.notice, text)

    def _run(self, dialog: QDialog) -> bool:
        return run_dialog(dialog, self.reload)
