"""The dialogs of the Missing tab: a new episode, the return, the return-home interview."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.services.missing_service import INTERVIEW_WITHIN, MissingInputError
from desktop.views.caseload.saving_dialog import SavingDialog
from desktop.views.common.when import date_time_edit, local_time_text, moment_of

HOURS = int(INTERVIEW_WITHIN.total_seconds() // 3600)


class _MissingDialog(SavingDialog):
    refusals = (*SavingDialog.refusals, MissingInputError)

    def add_row(self, text: str, widget: QWidget, spoken: str) -> None:
        widget.setAccessibleName(spoken)
        label = QLabel(text)
        label.setBuddy(widget)
        self.form.addRow(label, widget)

    def add_note(self, text: str) -> None:
        note = QLabel(text)
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.form.addRow(note)


class EpisodeDialog(_MissingDialog):
    """Record a missing episode: when they went, and their return if they are back already."""

    def __init__(
        self,
        parent: QWidget | None,
        now: datetime,
        save: Callable[[datetime, datetime | None, str], object],
    ) -> None:
        super().__init__("Record a missing episode", parent)
        self._save = save
        self.went_missing = date_time_edit(now)
        self.has_returned = QCheckBox("They have &returned")
        self.returned = date_time_edit(now)
        self.returned.setEnabled(False)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(72)
        self.notes.setPlaceholderText("Who reported it, where they were found, police reference")
        self.add_row("&Went missing", self.went_missing, "Went missing at")
        self.form.addRow(self.has_returned)
        self.add_row("Returned &at", self.returned, "Returned at")
        self.add_row("&Notes", self.notes, "Notes")
        self.add_note(
            f"The return-home interview is due within {HOURS} hours of their return. "
            "Times are in this computer's time zone."
        )
        self.has_returned.toggled.connect(self.returned.setEnabled)
        self.went_missing.setFocus()

    def returned_at(self) -> datetime | None:
        return moment_of(self.returned) if self.has_returned.isChecked() else None

    def problems(self) -> list[str]:
        returned = self.returned_at()
        if returned is not None and returned < moment_of(self.went_missing):
            return ["They cannot have returned before they went missing."]
        return []

    def save(self) -> None:
        self._save(moment_of(self.went_missing), self.returned_at(), self.notes.toPlainText())


class ReturnDialog(_MissingDialog):
    def __init__(
        self,
        parent: QWidget | None,
        went_missing_at: datetime,
        returned_at: datetime | None,
        now: datetime,
        save: Callable[[datetime], object],
    ) -> None:
        super().__init__("Record their return", parent)
        self._save = save
        self._went = went_missing_at
        self.add_note(f"Went missing {local_time_text(went_missing_at)}.")
        self.returned = date_time_edit(returned_at or now)
        self.add_row("&Returned at", self.returned, "Returned at")
        self.add_note(f"The return-home interview is due within {HOURS} hours of the return.")
        self.returned.setFocus()

    def problems(self) -> list[str]:
        if moment_of(self.returned) < self._went:
            return ["They cannot have returned before they went missing."]
        return []

    def save(self) -> None:
        self._save(moment_of(self.returned))


class InterviewDialog(_MissingDialog):
    def __init__(
        self,
        parent: QWidget | None,
        returned_at: datetime,
        due_by: datetime | None,
        now: datetime,
        interviewer: str,
        save: Callable[[datetime, str], object],
    ) -> None:
        super().__init__("Record the return-home interview", parent)
        self._save = save
        self._returned = returned_at
        due = f"; the interview is due by {local_time_text(due_by)}" if due_by else ""
        self.add_note(f"Returned {local_time_text(returned_at)}{due}.")
        self.interview_at = date_time_edit(now)
        self.interview_by = QLineEdit(interviewer)
        self.interview_by.setPlaceholderText("Who carried out the interview, and their agency")
        self.add_row("&Interview held", self.interview_at, "Interview held at")
        self.add_row("Carried out &by", self.interview_by, "Carried out by")
        self.interview_at.setFocus()

    def problems(self) -> list[str]:
        found = []
        if moment_of(self.interview_at) < self._returned:
            found.append("The interview cannot be before they returned.")
        if not self.interview_by.text().strip():
            found.append("Enter who carried out the return-home interview.")
        return found

    def save(self) -> None:
        self._save(moment_of(self.interview_at), self.interview_by.text())
