"""One therapy case: a header naming the family, therapist and model of work, and its tabs
(Details, Sessions, and any the section adds)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.services.therapy_records import CaseView
from desktop.views.caseload.tabs.tab_parts import action_button
from desktop.views.therapy.case_dialog import case_dialog
from desktop.views.therapy.session_dialog import SessionDialog
from desktop.views.therapy.therapy_case_details import TherapyCaseDetails
from desktop.views.therapy.therapy_case_sessions import SessionLine, TherapyCaseSessions

# A tab the section adds to every case page: its title and how to build it for a case. A tab
# with a reload() method is reloaded when the case's sessions or details change; one with a
# note_requested(int) signal has it passed on as the view's own.
CaseTabFactory = tuple[str, Callable[[Services, int], QWidget]]


def family_names(view: CaseView) -> str:
    return ", ".join(row.name for row in view.members if row.member.kind == "young_person")


class TherapyCasePage(QWidget):
    closed = Signal()
    changed = Signal()  # details or sessions saved: the home lists are out of date
    note_requested = Signal(int)  # session id
    documents_requested = Signal(int)  # case id

    def __init__(
        self,
        services: Services,
        case_id: int,
        extra_tabs: list[CaseTabFactory],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.case_id = case_id
        self.view = services.therapy.case(case_id)
        back = action_button("← Families", "Back to the list of families (Esc)")
        back.setAccessibleName("Back to the families")
        back.clicked.connect(self.closed)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setAccessibleName("Family")
        self.facts = QLabel()
        self.facts.setObjectName("hint")
        self.facts.setWordWrap(True)  # cut off on one line at 200% scaling: it wraps instead
        self.documents_button = action_button("Doc&uments…", "Letters and reports for this family")
        self.documents_button.setAccessibleName("Documents")
        self.documents_button.clicked.connect(lambda: self.documents_requested.emit(case_id))
        header = QHBoxLayout()
        header.addWidget(back)
        header.addWidget(self.title)
        header.addWidget(self.facts)
        header.addStretch(1)
        header.addWidget(self.documents_button)

        self.details = TherapyCaseDetails()
        self.details.edit_requested.connect(self.edit_case)
        self.sessions = TherapyCaseSessions()
        self.sessions.record_requested.connect(self.record_session)
        self.sessions.edit_requested.connect(self.edit_session)
        self.sessions.note_requested.connect(self.note_requested)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.details, "&Details")
        self.tabs.addTab(self.sessions, "&Sessions")
        self.extra: list[QWidget] = []
        for label, build in extra_tabs:
            tab = build(services, case_id)
            self.extra.append(tab)
            self.tabs.addTab(tab, label)
            signal = getattr(tab, "note_requested", None)
            if signal is not None:
                signal.connect(self.note_requested)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.closed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self.reload()

    # ---- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetches the case, its sessions and attendance again (after a save here)."""
        therapy = self._services.therapy
        self.view = therapy.case(self.case_id)
        details = self.view.details
        self.title.setText(family_names(self.view) or "No young people linked")
        state = "closed" if details.ended_on else "open"
        self.facts.setText(f"{details.model_of_work.label} · {self.view.therapist} · {state}")
        summary = self._services.therapy_diary.attendance(self.case_id)
        self.details.show_case(self.view, summary.members, summary.offered, summary.attended)
        now = self._services.clock.now()
        self.sessions.show_sessions(
            [
                SessionLine(row, self._note_state(row.id), now)
                for row in therapy.sessions(self.case_id)
            ]
        )
        for tab in self.extra:
            reload = getattr(tab, "reload", None)
            if callable(reload):
                reload()

    def _note_state(self, session_id: int) -> str:
        notes = self._services.therapy_notes.notes(session_id)
        if any(note.signed for note in notes):
            return "Signed"
        return "Draft" if notes else ""

    # ---- changing the case ---------------------------------------------------------------
    def edit_case(self) -> None:
        therapy = self._services.therapy
        dialog = case_dialog(self._services, self.view.details, self)
        dialog.save = lambda: therapy.update_case(self.case_id, dialog.details())
        if dialog.exec():
            self._saved()
        dialog.deleteLater()  # what was typed goes with it

    def record_session(self) -> None:
        dialog = SessionDialog(
            self.view.members,
            self._services.clock.now(),
            parent=self,
            who=self._services.user.username,
        )
        dialog.save = lambda: self._services.therapy.record_session(self.case_id, dialog.details())
        if dialog.exec():
            self._saved()
            self.tabs.setCurrentWidget(self.sessions)
            if isinstance(dialog.result_of_save, int):
                self.sessions.select_session(dialog.result_of_save)
        dialog.deleteLater()

    def edit_session(self, session_id: int) -> None:
        therapy = self._services.therapy
        number = next(
            (
                line.row.number
                for line in self.sessions.table.model.rows()
                if line.row.id == session_id
            ),
            None,
        )
        dialog = SessionDialog(
            self.view.members,
            self._services.clock.now(),
            therapy.session_details(session_id),
            number,
            self,
        )
        dialog.save = lambda: therapy.update_session(session_id, dialog.details())
        if dialog.exec():
            self._saved()
            self.sessions.select_session(session_id)
        dialog.deleteLater()

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()
