"""Dialogs that change a chronology entry: writing or editing it (kept as a draft until saved)
and deleting it with a reason. Its history of versions is in chronology_history_dialog.py."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import QDateTime, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import EntryType
from desktop.services.bundle import Services
from desktop.services.chronology_records import SUMMARY_LIMIT
from desktop.services.chronology_service import (
    ChronologyInputError,
    EntryInput,
    EntryRow,
    EntryView,
    RecordNotFoundError,
    StaleEntryError,
)
from desktop.services.permissions import PermissionDeniedError
from desktop.views.caseload.chronology_table_model import local_time
from desktop.views.caseload.entry_template_picker import EntryTemplatePicker
from desktop.views.common import field_binding
from desktop.views.common.field_problems import FieldProblem, tie
from desktop.views.common.form_dialog import FormDialog

AUTOSAVE_DELAY_MS = 1500
REFUSALS = (ChronologyInputError, PermissionDeniedError, RecordNotFoundError, StaleEntryError)

# The type of the last entry each user added, so a run of ride-out contacts is quick to type.
# Kept in memory only: it is a preference about work in progress, not a setting to keep.
_last_type: dict[str, EntryType] = {}


def default_type(username: str) -> EntryType:
    """The type a new entry starts with: the user's last one, else a visit."""
    return _last_type.get(username, EntryType.VISIT)


def _to_qt(value: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(round(value.timestamp() * 1000))


class EntryDialog(FormDialog):
    """Adds an entry (entry=None) or saves a new version of one; the dialog calls the service,
    so a refusal (someone else saved first, say) is shown with the typed text still there."""

    def __init__(
        self,
        services: Services,
        person_id: int,
        entry: EntryView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "New chronology entry" if entry is None else "Edit chronology entry"
        super().__init__(title, parent)
        self._services = services
        self._person_id = person_id
        self._entry = entry
        self._expected_version = entry.version if entry else 0
        self.form_key = f"chronology:entry:{entry.id}" if entry else f"chronology:{person_id}:new"
        self.saved_id: int | None = None
        self._when_value = services.clock.now()
        self._build()
        self._fill(self._initial_texts())
        self._dirty = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_draft)
        self._restore_draft()
        self.when.dateTimeChanged.connect(self._changed)
        for widget in self.fields.values():
            field_binding.edited_signal(widget).connect(self._changed)
        self.summary.textChanged.connect(self._count_summary)
        self._count_summary()
        self.summary.setFocus()

    # ---- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.when = QDateTimeEdit()
        self.when.setDisplayFormat("ddd dd/MM/yyyy  HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName("Date and time")
        self.when.setToolTip("When it happened, in this computer's time zone")
        self.entry_type = QComboBox()
        for kind in EntryType:
            self.entry_type.addItem(kind.label, kind.value)
        self.summary = QLineEdit()
        self.summary.setMaxLength(SUMMARY_LIMIT)
        self.summary.setPlaceholderText("One line: what happened")
        self.summary_count = QLabel()
        self.summary_count.setObjectName("hint")
        self.summary_count.setAccessibleName("Characters used in the summary")
        self.detail = QPlainTextEdit()
        self.detail.setPlaceholderText("What was seen, said and done; who was there; next steps")
        self.detail.setTabChangesFocus(True)
        self.detail.setMinimumHeight(170)
        self.analysis = QPlainTextEdit()
        self.analysis.setPlaceholderText(
            "What this means for the young person's safety: shown beside significant events in "
            "case-conference reports"
        )
        self.analysis.setTabChangesFocus(True)
        # In its own style sheet: the application's one-line min-height wins over a plain
        # setMinimumHeight once the box is polished.
        lines = self.fontMetrics().lineSpacing() * 3 + 12
        self.analysis.setStyleSheet(f"QPlainTextEdit {{ min-height: {lines}px; }}")
        self.significant = QCheckBox("Si&gnificant event (included in case-conference reports)")
        self.place = QComboBox()
        self.place.addItem("No place", None)
        for place in self._services.context.places():
            shown = f"{place.name} ({place.postcode})" if place.postcode else place.name
            self.place.addItem(shown, place.id)
        self.group = QComboBox()
        self.group.addItem("No group", None)
        for group in self._services.context.groups():
            self.group.addItem(group.name, group.id)
        self.fields: dict[str, QWidget] = {
            "entry_type": self.entry_type,
            "summary": self.summary,
            "detail": self.detail,
            "significant": self.significant,
            "place_id": self.place,
            "group_id": self.group,
            "analysis": self.analysis,
        }
        names = (
            "Entry type",
            "Summary",
            "Detail",
            "Significant event",
            "Place",
            "Group",
            "Analysis",
        )
        for widget, name in zip(self.fields.values(), names, strict=True):
            widget.setAccessibleName(name)

        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.summary_count)
        links = QHBoxLayout()
        links.addWidget(self.place, 1)
        group_label = QLabel("&Group")
        group_label.setBuddy(self.group)
        links.addWidget(group_label)
        links.addWidget(self.group, 1)
        # A plain function, not a bound method: the picker must not hold the dialog (a cycle
        # would keep the dialog's wrapper alive after Qt has deleted the dialog).
        username = self._services.user.username
        self.template = EntryTemplatePicker(
            self.entry_type, self.summary, self.detail, lambda: default_type(username)
        )
        self.template.type_chosen = self._entry is not None  # an edited entry keeps its type
        if self._entry is None:  # an entry being edited already has its words
            self._add_row("Te&mplate", self.template, self.template.combo)
        else:
            self.template.setParent(self)  # owned, and deleted, with the dialog
            self.template.hide()
        self._add_row("&When", self.when, self.when)
        self._add_row("&Type", self.entry_type, self.entry_type)
        self._add_row("&Summary", summary_row, self.summary)
        self._add_row("&Detail", self.detail, self.detail)
        self._add_row("&Analysis", self.analysis, self.analysis)
        self.form.addRow("", self.significant)
        self._add_row("&Place", links, self.place)

        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.discard_button = QPushButton("Discard draft")
        self.discard_button.setToolTip("Forget the restored text and start again")
        self.discard_button.setAccessibleName("Discard draft")
        self.discard_button.clicked.connect(self.discard_draft)
        self.notice_row = QWidget()
        notice_layout = QHBoxLayout(self.notice_row)
        notice_layout.setContentsMargins(0, 0, 0, 0)
        notice_layout.addWidget(self.notice, 1)
        notice_layout.addWidget(self.discard_button)
        self.notice_row.hide()
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.notice_row)
            layout.insertSpacing(layout.indexOf(self.buttons), 8)

        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Save entry" if self._entry is None else "Save changes")
        self.ok_button.setToolTip("Save (Ctrl+Enter)")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip("Close without saving; your text is kept as a draft (Esc)")
        self.setMinimumWidth(640)

    def _add_row(self, text: str, field: QWidget | QHBoxLayout, buddy: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(buddy)
        if isinstance(field, QWidget):
            self.form.addRow(label, field)
        else:
            self.form.addRow(label, field)

    # ---- values --------------------------------------------------------------------------
    def _initial_texts(self) -> dict[str, str]:
        if self._entry is not None:
            details = self._entry.details
        else:
            details = EntryInput(
                self._services.clock.now(), default_type(self._services.user.username), ""
            )
        return {
            "occurred_at": details.occurred_at.isoformat(),
            "entry_type": details.entry_type.value,
            "summary": details.summary,
            "detail": details.detail,
            "significant": "1" if details.significant else "",
            "place_id": "" if details.place_id is None else str(details.place_id),
            "group_id": "" if details.group_id is None else str(details.group_id),
            "analysis": details.analysis,
        }

    def _fill(self, texts: dict[str, str]) -> None:
        try:
            self._when_value = datetime.fromisoformat(texts["occurred_at"])
        except (KeyError, ValueError):
            self._when_value = self._services.clock.now()
        self.when.setDateTime(_to_qt(self._when_value))
        for name, widget in self.fields.items():
            if name in texts:
                field_binding.write(widget, texts[name])

    def _texts(self) -> dict[str, str]:
        texts = {name: field_binding.read(widget) for name, widget in self.fields.items()}
        texts["occurred_at"] = self.occurred_at().isoformat()
        texts["base_version"] = str(self._expected_version)
        return texts

    def occurred_at(self) -> datetime:
        """In UTC; exactly the time given if the field was left alone (it shows only minutes)."""
        shown = self.when.dateTime()
        if shown == _to_qt(self._when_value):
            return self._when_value
        return datetime.fromtimestamp(shown.toMSecsSinceEpoch() / 1000, UTC)

    def entry_input(self) -> EntryInput:
        place, group = self.place.currentData(), self.group.currentData()
        return EntryInput(
            occurred_at=self.occurred_at(),
            entry_type=EntryType(self.entry_type.currentData()),
            summary=self.summary.text(),
            detail=self.detail.toPlainText(),
            significant=self.significant.isChecked(),
            place_id=None if place is None else int(place),
            group_id=None if group is None else int(group),
            analysis=self.analysis.toPlainText(),
        )

    def problems(self) -> list[str]:
        found = self.entry_input().problems(self._services.clock.now())
        return tie(
            found,
            {
                "The date and time are in the future.": self.when,
                "Enter a summary.": self.summary,
                f"The summary is longer than {SUMMARY_LIMIT} characters.": self.summary,
            },
        )

    def _count_summary(self) -> None:
        self.summary_count.setText(f"{len(self.summary.text())}/{SUMMARY_LIMIT}")

    # ---- drafts --------------------------------------------------------------------------
    def _changed(self) -> None:
        self._dirty = True
        self._autosave.start()

    def save_draft(self) -> None:
        """As the user types, on closing without saving, and when the vault locks."""
        self._autosave.stop()
        if self._dirty:
            self._services.drafts.save(self.form_key, self._texts())

    def _restore_draft(self) -> None:
        draft = self._services.drafts.load(self.form_key)
        if not draft:
            return
        self._fill(draft)
        self.template.type_chosen = True  # the type restored is the user's own choice
        self._dirty = True
        message = "Your unsaved text has been restored. Save it, or discard the draft."
        if self._entry is not None and draft.get("base_version") != str(self._entry.version):
            message = (
                "Your unsaved text has been restored, but someone has saved this entry since "
                "you wrote it. Check the entry's history, then save to replace their version "
                "or discard your draft."
            )
        self.notice.setText(message)
        self.notice_row.show()

    def discard_draft(self) -> None:
        self._autosave.stop()
        self._services.drafts.discard(self.form_key)
        self.template.reset(type_chosen=self._entry is not None)
        self._fill(self._initial_texts())
        self._dirty = False
        self.notice_row.hide()
        self.error.hide()
        self.summary.setFocus()

    # ---- showing and closing -------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # QDialog focuses the first field as if by Tab, which selects all its text: the first
        # key pressed would then replace the summary of the entry being edited.
        QTimer.singleShot(0, self, lambda: self.summary.end(False))

    def accept(self) -> None:
        found = self.problems()
        if found:
            self.show_error("\n".join(found))
            # The summary is the usual mistake; otherwise it is the date and time.
            (self.when if self.summary.text().strip() else self.summary).setFocus()
            return
        entry = self.entry_input()
        try:
            if self._entry is None:
                self.saved_id = self._services.chronology.add_entry(self._person_id, entry)
                _last_type[self._services.user.username] = entry.entry_type
            else:
                self._services.chronology.edit_entry(self._entry.id, entry, self._expected_version)
                self.saved_id = self._entry.id
        except REFUSALS as error:
            self.save_draft()
            self.show_error(str(error))
            return
        self._autosave.stop()
        self._dirty = False
        self._services.drafts.discard(self.form_key)
        QDialog.accept(self)

    def reject(self) -> None:
        self.save_draft()
        super().reject()


class DeleteEntryDialog(FormDialog):
    """The coordinator says why; the dialog deletes the entry, leaving its tombstone."""

    def __init__(self, services: Services, entry: EntryRow, parent: QWidget | None = None) -> None:
        super().__init__("Delete chronology entry", parent)
        self._services = services
        self._entry_id = entry.id
        which = QLabel(
            f"<b>{escape(local_time(entry.occurred_at))} · {escape(entry.entry_type.label)}</b>"
            f"<br>{escape(entry.summary)}"
        )
        which.setWordWrap(True)
        which.setAccessibleName("Entry to delete")
        explanation = QLabel(
            "Its text, and the text of its earlier versions, will be removed for good. "
            "The chronology will show that an entry was deleted, by whom, when and why."
        )
        explanation.setWordWrap(True)
        explanation.setObjectName("hint")
        self.form.addRow(which)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason for deleting")
        self.reason.setPlaceholderText("For example: written on the wrong young person's record")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        label = QLabel("&Reason")
        label.setBuddy(self.reason)
        self.form.addRow(explanation)
        self.form.addRow(label, self.reason)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Delete entry")
        self.ok_button.setToolTip("Delete the entry, leaving a tombstone (Ctrl+Enter)")
        self.reason.setFocus()

    def problems(self) -> list[str]:
        if not self.reason.toPlainText().strip():
            return [FieldProblem(self.reason, "Give the reason for deleting this entry.")]
        return []

    def accept(self) -> None:
        found = self.problems()
        if found:
            self.show_error("\n".join(found))
            return
        try:
            self._services.chronology.delete_entry(self._entry_id, self.reason.toPlainText())
        except REFUSALS as error:
            self.show_error(str(error))
            return
        QDialog.accept(self)
