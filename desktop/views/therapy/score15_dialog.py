"""Recording one family member's SCORE-15 (or Child SCORE-15) at one session, item by item."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.services.outcome_service import (
    OutcomeInputError,
    OutcomeService,
    Respondent,
    SessionRespondents,
)
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.score15 import ITEM_COUNT, SCORE_KEYS, MeasureDefinition, score
from desktop.views.common.form_dialog import FormDialog

REFUSALS = (OutcomeInputError, PermissionDeniedError, RecordNotFoundError)
BLANK = 0  # the button id of "left blank"
# Column headings over the answers, short enough for narrow columns.
HEADINGS = ("Very\nwell", "Well", "Partly", "Not\nwell", "Not at\nall", "Left\nblank")


class Score15Dialog(FormDialog):
    """Asks the service who may answer at the session, offers the version that fits each
    person's age, and saves through the service; a refusal is shown here with the answers
    kept. Keys 1-5 answer the focused item (0 or Delete leaves it blank) and move on."""

    recorded = Signal(int)  # the measure's id, once saved

    def __init__(
        self, outcomes: OutcomeService, session_id: int, parent: QWidget | None = None
    ) -> None:
        self._outcomes = outcomes
        self._info: SessionRespondents = outcomes.respondents(session_id)
        when = self._info.starts_at.astimezone()
        super().__init__(f"SCORE-15 · session {self._info.number}, {when:%d %b %Y}", parent)
        self.saved_id: int | None = None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Save")
        self._build()
        self.member.currentIndexChanged.connect(self._member_chosen)
        self.version.currentIndexChanged.connect(self._version_chosen)
        self._member_chosen()
        self.resize(820, 720)

    # ---- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.member = QComboBox()
        self.member.setAccessibleName("Family member")
        for person in self._info.people:
            self.member.addItem(f"{person.name} ({person.relationship})")
        self.version = QComboBox()
        self.version.setAccessibleName("Version")
        self.version_hint = QLabel()
        self.version_hint.setObjectName("hint")
        self.version_hint.setWordWrap(True)
        member_label = QLabel("Family &member")
        member_label.setBuddy(self.member)
        version_label = QLabel("&Version")
        version_label.setBuddy(self.version)
        self.form.addRow(member_label, self.member)
        self.form.addRow(version_label, self.version)
        self.form.addRow("", self.version_hint)
        if self._info.too_young:
            under = QLabel("Children under 8 in the family do not complete the SCORE-15.")
            under.setObjectName("hint")
            self.form.addRow("", under)

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        heading = QLabel("Describes us:")
        heading.setObjectName("hint")
        grid.addWidget(heading, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        for column, text in enumerate(HEADINGS):
            label = QLabel(text)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setObjectName("hint" if column == 5 else "")
            grid.addWidget(label, 0, 2 + column)
        self.item_labels: list[QLabel] = []
        self.groups: list[QButtonGroup] = []
        self.radios: list[list[QRadioButton]] = []
        for index in range(ITEM_COUNT):
            row = 1 + index
            number = QLabel(f"{index + 1}.")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            wording = QLabel()
            wording.setWordWrap(True)
            wording.setMinimumWidth(280)
            grid.addWidget(number, row, 0)
            grid.addWidget(wording, row, 1)
            group = QButtonGroup(self)
            group.setExclusive(True)
            buttons = []
            for column, answer in enumerate((1, 2, 3, 4, 5, BLANK)):
                radio = QRadioButton()
                radio.setProperty("item", index)
                radio.installEventFilter(self)
                group.addButton(radio, answer)
                grid.addWidget(radio, row, 2 + column, Qt.AlignmentFlag.AlignCenter)
                buttons.append(radio)
            buttons[-1].setChecked(True)
            group.idToggled.connect(self._answered)
            self.item_labels.append(wording)
            self.groups.append(group)
            self.radios.append(buttons)
            if index % 2:
                stripe = QFrame()
                stripe.setStyleSheet("background: #eef2f7; border-radius: 3px;")
                grid.addWidget(stripe, row, 0, 1, 8)
                stripe.lower()
        scroll = QScrollArea()
        scroll.setWidget(grid_host)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._layout().insertWidget(1, scroll, 1)
        when = self._info.starts_at.astimezone()
        title = QLabel(f"SCORE-15 at session {self._info.number}, {when:%A %d %B %Y}")
        title.setObjectName("sectionTitle")
        self._layout().insertWidget(0, title)

        self.running = QLabel()
        self.running.setObjectName("notice")
        self.running.setWordWrap(True)
        self.running.setAccessibleName("Scores so far")
        self._layout().insertWidget(3, self.running)
        self.replacing = QLabel()
        self.replacing.setObjectName("hint")
        self.replacing.setWordWrap(True)
        self._layout().insertWidget(4, self.replacing)
        if not self._info.people:
            self.show_error("No one in this family can complete the SCORE-15 at this session.")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _layout(self) -> QVBoxLayout:
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        return layout

    # ---- reacting ---------------------------------------------------------------------------
    def respondent(self) -> Respondent | None:
        index = self.member.currentIndex()
        return self._info.people[index] if 0 <= index < len(self._info.people) else None

    def definition(self) -> MeasureDefinition | None:
        version = self.version.currentText()
        return self._outcomes.definition(version) if version else None

    def answers(self) -> list[int | None]:
        return [answer if (answer := group.checkedId()) > 0 else None for group in self.groups]

    def set_answers(self, answers: list[int | None]) -> None:
        for group, answer in zip(self.groups, answers, strict=True):
            button = group.button(answer or BLANK)
            button.setChecked(True)

    def _member_chosen(self) -> None:
        person = self.respondent()
        self.version.blockSignals(True)
        self.version.clear()
        if person is not None:
            self.version.addItems(person.versions)
        self.version.blockSignals(False)
        if person is None:
            return
        fixed = len(person.versions) == 1
        self.version.setEnabled(not fixed)
        if fixed and person.age is not None:
            self.version_hint.setText(f"Chosen from age ({person.age} at this session).")
        elif person.member.kind == "contact":
            self.version_hint.setText("Adults and young people of 12 or over: SCORE-15.")
        else:
            self.version_hint.setText("Date of birth not recorded: choose the version used.")
        self.set_answers(person.recorded or [None] * ITEM_COUNT)
        self.replacing.setText(
            "Answers for this person are already saved at this session; saving replaces them."
            if person.recorded
            else ""
        )
        self.replacing.setVisible(bool(person.recorded))
        self.error.hide()
        self._version_chosen()

    def _version_chosen(self) -> None:
        definition = self.definition()
        if definition is None:
            return
        for index, label in enumerate(self.item_labels):
            label.setText(definition.item_text(index + 1))
            for column, radio in enumerate(self.radios[index]):
                answer = (
                    definition.response_labels[column] if column < 5 else "Left blank"
                ).lower()
                radio.setAccessibleName(f"Item {index + 1}: {answer}")
        self.version_hint.setToolTip(definition.wording_note)
        self._answered()

    def _answered(self) -> None:
        definition = self.definition()
        if definition is None:
            self.running.setText("")
            return
        result = score(definition, self.answers())
        parts = [
            f"{definition.label(key)}: "
            + ("–" if (value := result.value(key)) is None else f"{value:.2f}")
            for key in (*SCORE_KEYS[1:], SCORE_KEYS[0])
        ]
        blanks = " (– too many items left blank)" if None in map(result.value, SCORE_KEYS) else ""
        self.running.setText(
            f"{result.answered} of {ITEM_COUNT} items answered. "
            f"Scores, higher meaning more difficulties{blanks}:\n" + "  ·  ".join(parts)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Number keys answer the focused item and move to the next one."""
        if isinstance(watched, QRadioButton) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            answer = None
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
                answer = key - Qt.Key.Key_0
            elif key in (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                answer = BLANK
            if answer is not None:
                index = int(watched.property("item"))
                self.groups[index].button(answer).setChecked(True)
                following = self.groups[min(index + 1, ITEM_COUNT - 1)].checkedButton()
                (following or self.groups[index].button(answer)).setFocus()
                return True
        return super().eventFilter(watched, event)

    # ---- saving -----------------------------------------------------------------------------
    def problems(self) -> list[str]:
        if self.respondent() is None:
            return ["Choose a family member."]
        if all(answer is None for answer in self.answers()):
            return ["Answer at least one item before saving."]
        return []

    def accept(self) -> None:
        found = self.problems()
        person = self.respondent()
        if found or person is None:
            self.show_error("\n".join(found))
            return
        try:
            self.saved_id = self._outcomes.record(
                self._info.session_id,
                person.member,
                self.version.currentText(),
                self.answers(),
                replace=person.recorded is not None,
            )
        except REFUSALS as refusal:
            self.show_error(str(refusal))
            return
        self.recorded.emit(self.saved_id)
        super(FormDialog, self).accept()
