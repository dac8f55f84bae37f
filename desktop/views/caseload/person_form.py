"""A young person's details form: typed text is kept as a draft in the vault until saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import Choice, EetStatus, Ethnicity, Gender, LegalStatus
from desktop.services.bundle import Services
from desktop.services.duplicate_check import DuplicateCheck
from desktop.services.people_service import (
    OLDEST,
    YOUNGEST,
    PersonDetails,
    PersonInputError,
    PersonRecord,
    age_on,
)
from desktop.services.restriction_service import RestrictionService
from desktop.views.caseload.person_fields import from_fields, to_fields
from desktop.views.caseload.possible_matches import PossibleMatchesPanel
from desktop.views.common import field_binding
from desktop.views.common.announce import announce
from desktop.views.data_protection.break_glass_dialog import BreakGlassDialog

AUTOSAVE_DELAY_MS = 1500


def _choices(kind: type[Choice]) -> QComboBox:
    combo = QComboBox()
    for member in kind:
        combo.addItem(member.label, member.value)
    # Long labels (the ONS ethnicity list) must not push the form wider than the window.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    return combo


class PersonForm(QWidget):
    closed = Signal()
    saved = Signal(int)
    # Another record to open instead of adding this one (a possible match).
    open_existing = Signal(int)

    def __init__(
        self,
        services: Services,
        record: PersonRecord | None,
        parent: QWidget | None = None,
        *,
        duplicates: DuplicateCheck | None = None,
        restrictions: RestrictionService | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._record = record
        # A new record is checked for look-alikes before it is saved (when given the check).
        self._duplicates = duplicates if record is None else None
        self._restrictions = restrictions
        self._checked: tuple[str, str, str] | None = None
        self.form_key = f"person:{record.id}" if record else "person:new"
        self._build_widgets()
        self._lay_out(record)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        if record is None:  # inside a record, the record's own Esc goes back from any tab
            QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_form)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_draft)
        self._dirty = False
        self._fill(record.details if record else PersonDetails())
        self._restore_draft()
        for widget in self.fields.values():
            field_binding.edited_signal(widget).connect(self._changed)
        self.date_of_birth.dateChanged.connect(self._show_age)
        self._show_age()
        self.given_name.setFocus()

    # ---- building ------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.given_name = QLineEdit()
        self.family_name = QLineEdit()
        self.known_as = QLineEdit()
        self.known_as.setPlaceholderText("The name they use")
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText("Street names, spelling variants; separated by ;")
        self.date_of_birth = field_binding.date_edit()
        self.age_label = QLabel()
        self.age_label.setObjectName("hint")
        self.age_exception_reason = QLineEdit()
        self.age_exception_reason.setPlaceholderText(
            f"Outside {YOUNGEST}–{OLDEST}: the confirmed reason for working with them"
        )
        self.gender = _choices(Gender)
        self.ethnicity = _choices(Ethnicity)
        self.first_language = QLineEdit()
        self.interpreter_needed = QCheckBox("Needs an interpreter")
        self.eet_status = _choices(EetStatus)
        self.school_or_college = QLineEdit()
        self.legal_status = _choices(LegalStatus)
        self.send_needs = QLineEdit()
        self.send_needs.setPlaceholderText("Special educational needs or disability")
        self.key_worker = QComboBox()
        self.key_worker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.key_worker.addItem("Not allocated", None)
        self.allocated = QListWidget()
        self.allocated.setMaximumHeight(110)
        for account_id, name in self._services.accounts.staff_choices():
            self.key_worker.addItem(name, account_id)
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, account_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.allocated.addItem(item)
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText("Why the young person is known to the unit")
        self.summary.setTabChangesFocus(True)
        self.fields: dict[str, QWidget] = {
            "given_name": self.given_name,
            "family_name": self.family_name,
            "known_as": self.known_as,
            "aliases": self.aliases,
            "date_of_birth": self.date_of_birth,
            "age_exception_reason": self.age_exception_reason,
            "gender": self.gender,
            "ethnicity": self.ethnicity,
            "first_language": self.first_language,
            "interpreter_needed": self.interpreter_needed,
            "eet_status": self.eet_status,
            "school_or_college": self.school_or_college,
            "legal_status": self.legal_status,
            "send_needs": self.send_needs,
            "key_worker_id": self.key_worker,
            "allocated_ids": self.allocated,
            "summary": self.summary,
        }
        for name, widget in self.fields.items():
            widget.setAccessibleName(
                name.replace("_ids", "").replace("_id", "").replace("_", " ").capitalize()
            )

    def _lay_out(self, record: PersonRecord | None) -> None:
        self.heading = QLabel("New young person" if record is None else "Details")
        self.heading.setObjectName("pageTitle" if record is None else "sectionTitle")
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.discard_button = QPushButton("Discard my unsaved changes")
        self.discard_button.setToolTip("Go back to the record as it was last saved")
        self.discard_button.clicked.connect(self.discard_draft)
        self.discard_button.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.matches = PossibleMatchesPanel(self._restrictions is not None)
        self.matches.open_person.connect(self._open_match)
        self.matches.break_glass.connect(self._break_glass)

        # Alt letters: the record's tabs (and the menus) take most of them, so only the fields
        # used most have one; each letter is used once on the screen (tests/gui/
        # test_mnemonic_clashes.py). The rest are reached with Tab, in reading order.
        identity = QFormLayout()
        identity.addRow("Giv&en name", self.given_name)
        identity.addRow("Family &name", self.family_name)
        identity.addRow("&Known as", self.known_as)
        identity.addRow("&Aliases", self.aliases)
        born = QHBoxLayout()
        born.addWidget(self.date_of_birth)
        born.addWidget(self.age_label, 1)
        born_label = QLabel("Date of &birth")
        born_label.setBuddy(self.date_of_birth)
        identity.addRow(born_label, born)
        identity.addRow("Age reason", self.age_exception_reason)
        identity.addRow("Gender", self.gender)
        identity.addRow("Ethnicity", self.ethnicity)
        identity.addRow("First language", self.first_language)
        identity.addRow("", self.interpreter_needed)
        situation = QFormLayout()
        situation.addRow("Education, training", self.eet_status)
        situation.addRow("School or college", self.school_or_college)
        situation.addRow("Legal status", self.legal_status)
        situation.addRow("SEND", self.send_needs)
        situation.addRow("Key &worker", self.key_worker)
        situation.addRow("Also working\nwith them", self.allocated)
        columns = QHBoxLayout()
        columns.addLayout(identity, 1)
        columns.addSpacing(24)
        columns.addLayout(situation, 1)
        summary_label = QLabel("S&ummary")
        summary_label.setBuddy(self.summary)

        # The scroll area and its page are in place before the fields go in: with the style
        # sheet, every move of a widget tree to a new parent styles the whole tree again.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(columns)
        body_layout.addWidget(summary_label)
        body_layout.addWidget(self.summary, 1)

        self.save_button = QPushButton("Save")
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        if record is None:  # inside a record, its header has the way back
            back = QPushButton("Back to caseload")
            back.setToolTip("Back to the caseload (Esc); unsaved text is kept as a draft")
            back.clicked.connect(self.close_form)
            buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        if record is None:  # inside a record, the tab says "Details" already
            layout.addWidget(self.heading)
        layout.addLayout(notice_row)
        layout.addWidget(self.error)
        layout.addWidget(self.matches)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    # ---- values --------------------------------------------------------------------------
    def _fill(self, details: PersonDetails) -> None:
        for name, text in to_fields(details).items():
            if name in self.fields:
                field_binding.write(self.fields[name], text)

    def _texts(self) -> dict[str, str]:
        return {name: field_binding.read(widget) for name, widget in self.fields.items()}

    def details(self) -> PersonDetails:
        # Fields this form does not show keep their saved values.
        saved = self._record.details if self._record else PersonDetails()
        return from_fields(self._texts(), saved)

    def _show_age(self) -> None:
        born = self.details().date_of_birth
        age = age_on(born, self._services.clock.now().date())
        outside = age is not None and not YOUNGEST <= age <= OLDEST
        self.age_exception_reason.setEnabled(outside)
        self.age_label.setText(
            "" if age is None else f"Age {age}" + (" — outside the unit's range" if outside else "")
        )

    # ---- drafts --------------------------------------------------------------------------
    def _changed(self) -> None:
        self._dirty = True
        self._autosave.start()

    def save_draft(self) -> None:
        """Called as the user types and when the vault locks."""
        self._autosave.stop()
        if self._dirty:
            self._services.drafts.save(self.form_key, self._texts())

    def _restore_draft(self) -> None:
        draft = self._services.drafts.load(self.form_key)
        if not draft:
            return
        for name, text in draft.items():
            if name in self.fields:
                field_binding.write(self.fields[name], text)
        self._dirty = True
        announce(
            self.notice, "Your unsaved changes have been restored. Save them, or discard them."
        )
        self.discard_button.show()

    def discard_draft(self) -> None:
        self._autosave.stop()
        self._services.drafts.discard(self.form_key)
        self._fill(self._record.details if self._record else PersonDetails())
        self._dirty = False
        self.notice.hide()
        self.discard_button.hide()

    # ---- actions -------------------------------------------------------------------------
    def save(self) -> None:
        if self._has_unseen_matches():
            return
        try:
            if self._record is None:
                person_id = self._services.people.create(self.details())
            else:
                person_id = self._record.id
                self._services.people.update(person_id, self.details())
        except PersonInputError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.error.hide()
        self._dirty = False
        self._autosave.stop()
        self._services.drafts.discard(self.form_key)
        self.saved.emit(person_id)

    def close_form(self) -> None:
        self.save_draft()
        self.closed.emit()

    # ---- possible duplicates -------------------------------------------------------------
    def _has_unseen_matches(self) -> bool:
        """Checks a new record's names and date of birth against the caseload once per set
        of details: look-alikes are shown and this Save stops; the next Save goes ahead."""
        if self._duplicates is None:
            return False
        details = self.details()
        key = (
            details.given_name.strip().casefold(),
            details.family_name.strip().casefold(),
            "" if details.date_of_birth is None else details.date_of_birth.isoformat(),
        )
        if key == self._checked:
            return False
        self._checked = key
        found = self._duplicates.possible_matches(
            details.given_name, details.family_name, details.date_of_birth
        )
        self.matches.show_matches(found)
        self.save_button.setText("Save as a &new record" if found else "Save")
        if found:
            self.matches.list.setFocus()
        return bool(found)

    def _open_match(self, person_id: int) -> None:
        self.save_draft()
        self.open_existing.emit(person_id)

    def _break_glass(self, case_reference: str) -> None:
        if self._restrictions is None:
            return
        dialog = BreakGlassDialog(self._restrictions, case_reference, self)
        if dialog.exec() and dialog.opening is not None:
            self._open_match(dialog.opening.young_person_id)
