"""The review window's two boxes under the item's text: what to redact (suggestions, words,
reason, the item's redactions) and the decision on the item (disclose, redacted, withhold)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.choices import SarDecision
from desktop.services.sar_review_service import (
    EVERYWHERE,
    REDACTION_REASONS,
    WITHHOLD_REASONS,
    ItemReview,
    Redaction,
    Suggestion,
)

KEYS = "shortcutKeys"  # the property a button's shortcut waits in until the window binds it


def shortcut_button(text: str, tooltip: str, shortcut: str = "") -> QPushButton:
    """A button whose tooltip names its shortcut; bind_shortcuts() makes the keys work."""
    button = QPushButton(text)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    if shortcut:
        button.setProperty(KEYS, shortcut)
        native = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        tooltip = f"{tooltip} ({native})"
    button.setToolTip(tooltip)
    return button


def bind_shortcuts(window: QWidget) -> None:
    """One window-wide QShortcut per button key: they work wherever the focus is in the window
    (a text field's own keys, such as Ctrl+Z while typing, still win), and do nothing while
    their button is disabled."""
    for button in window.findChildren(QPushButton):
        keys = button.property(KEYS)
        if isinstance(keys, str) and keys:
            QShortcut(QKeySequence(keys), window, button.click)


def reason_combo(reasons: tuple[str, ...], name: str) -> QComboBox:
    """The standard reasons, first chosen; the reviewer may type their own."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(reasons))
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setAccessibleName(name)
    combo.setMinimumContentsLength(30)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class RedactionBox(QGroupBox):
    """Suggested names, the words to black out and why; here or wherever they appear."""

    redact_here = Signal(str, str)  # words, reason
    redact_everywhere = Signal(str, str)
    remove = Signal(int)  # a redaction's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Redact", parent)
        self.suggestions = QListWidget()
        self.suggestions.setAccessibleName("Suggested for redaction")
        self.suggestions.setMaximumHeight(self.suggestions.fontMetrics().lineSpacing() * 4 + 12)
        self.suggestions.currentItemChanged.connect(self._suggestion_chosen)
        self.words = QLineEdit()
        self.words.setAccessibleName("Words to redact")
        self.words.setPlaceholderText("Choose a suggestion, select words in the text, or type")
        self.reason = reason_combo(REDACTION_REASONS, "Reason for the redaction")
        self.here_button = shortcut_button(
            "Redact &here", "Black these words out of this item only", "Ctrl+R"
        )
        self.everywhere_button = shortcut_button(
            "Redact &everywhere",
            "Black these words out wherever they appear in the pack",
            "Ctrl+Shift+R",
        )
        self.here_button.clicked.connect(lambda: self._emit(self.redact_here))
        self.everywhere_button.clicked.connect(lambda: self._emit(self.redact_everywhere))
        self.redacted = QListWidget()
        self.redacted.setAccessibleName("Redacted in this item")
        self.redacted.setMaximumHeight(self.redacted.fontMetrics().lineSpacing() * 3 + 12)
        self.remove_button = shortcut_button("Re&move", "Take the chosen redaction back")
        self.remove_button.clicked.connect(self._remove_chosen)
        self.undo_button = shortcut_button(
            "Undo last redaction", "Take back your last redaction", "Ctrl+Z"
        )
        words_label = QLabel("W&ords")
        words_label.setBuddy(self.words)
        reason_label = QLabel("Rea&son")
        reason_label.setBuddy(self.reason)
        suggested_label = QLabel("Suggested")
        self.none_suggested = QLabel("No other people's names found in this item.")
        self.none_suggested.setObjectName("hint")
        actions = QHBoxLayout()
        actions.addWidget(self.here_button)
        actions.addWidget(self.everywhere_button)
        actions.addStretch(1)
        undo = QHBoxLayout()
        undo.addWidget(self.remove_button)
        undo.addWidget(self.undo_button)
        undo.addStretch(1)
        suggested = QVBoxLayout()
        suggested.addWidget(self.suggestions)
        suggested.addWidget(self.none_suggested)
        form = QFormLayout(self)
        form.addRow(suggested_label, suggested)
        form.addRow(words_label, self.words)
        form.addRow(reason_label, self.reason)
        form.addRow("", actions)
        form.addRow("Redacted", self.redacted)
        form.addRow("", undo)

    def show_item(self, suggestions: list[Suggestion], redactions: list[Redaction]) -> None:
        self.suggestions.clear()
        for suggestion in suggestions:
            entry = QListWidgetItem(f"{suggestion.text}  —  {suggestion.why}")
            entry.setData(Qt.ItemDataRole.UserRole, suggestion.text)
            self.suggestions.addItem(entry)
        self.suggestions.setVisible(bool(suggestions))
        self.none_suggested.setVisible(not suggestions)
        self.redacted.clear()
        for redaction in redactions:
            where = "everywhere" if redaction.item_key == EVERYWHERE else "here"
            entry = QListWidgetItem(f"{redaction.text}  —  {where}: {redaction.reason}")
            entry.setData(Qt.ItemDataRole.UserRole, redaction.id)
            self.redacted.addItem(entry)
        self.remove_button.setEnabled(bool(redactions))
        if suggestions:
            self.suggestions.setCurrentRow(0)
        else:
            self.words.clear()

    def _suggestion_chosen(self, current: QListWidgetItem | None) -> None:
        if current is not None:
            self.words.setText(str(current.data(Qt.ItemDataRole.UserRole)))

    def _emit(self, signal: SignalInstance) -> None:
        signal.emit(self.words.text(), self.reason.currentText())

    def _remove_chosen(self) -> None:
        entry = self.redacted.currentItem() or self.redacted.item(0)
        if entry is not None:
            self.remove.emit(int(entry.data(Qt.ItemDataRole.UserRole)))


class DecisionBox(QGroupBox):
    """The decision on the item in view; saving it moves on to the next item to review."""

    decided = Signal(object, str)  # SarDecision, reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Decision", parent)
        self.disclose = QRadioButton("&Disclose")
        self.redacted = QRadioButton("Disclose with &redactions")
        self.withhold = QRadioButton("&Withhold")
        self.group = QButtonGroup(self)
        choices = QHBoxLayout()
        for decision, button in self._buttons().items():
            self.group.addButton(button)
            button.setAccessibleName(decision.label)
            button.toggled.connect(self._choice_changed)
            choices.addWidget(button)
        choices.addStretch(1)
        self.reason = reason_combo(WITHHOLD_REASONS, "Reason for the decision")
        self.save_button = shortcut_button(
            "Sa&ve decision", "Record the decision and go to the next item to review", "Ctrl+Return"
        )
        self.save_button.clicked.connect(self._save)
        reason_label = QLabel("Wh&y")
        reason_label.setBuddy(self.reason)
        save = QHBoxLayout()
        save.addWidget(self.reason, 1)
        save.addWidget(self.save_button)
        form = QFormLayout(self)
        form.addRow(choices)
        form.addRow(reason_label, save)
        self.disclose.setChecked(True)

    def _buttons(self) -> dict[SarDecision, QRadioButton]:
        return {
            SarDecision.DISCLOSE: self.disclose,
            SarDecision.REDACT: self.redacted,
            SarDecision.WITHHOLD: self.withhold,
        }

    def chosen(self) -> SarDecision:
        return next(d for d, button in self._buttons().items() if button.isChecked())

    def show_item(self, review: ItemReview | None, redactions: list[Redaction]) -> None:
        """The recorded decision, or a suggestion: with redactions, "disclose with redactions"."""
        if review is not None:
            decision, reason = review.decision, review.reason
        elif redactions:
            decision = SarDecision.REDACT
            reason = "; ".join(dict.fromkeys(r.reason for r in redactions))
        else:
            decision, reason = SarDecision.DISCLOSE, ""
        self._buttons()[decision].setChecked(True)
        self._fill_reasons(decision)
        if reason:
            self.reason.setCurrentText(reason)

    def _choice_changed(self, checked: bool) -> None:
        if checked:
            self._fill_reasons(self.chosen())

    def _fill_reasons(self, decision: SarDecision) -> None:
        reasons = {
            SarDecision.DISCLOSE: (),
            SarDecision.REDACT: REDACTION_REASONS,
            SarDecision.WITHHOLD: WITHHOLD_REASONS,
        }[decision]
        self.reason.clear()
        self.reason.addItems(list(reasons))
        self.reason.setEnabled(bool(reasons))

    def _save(self) -> None:
        decision = self.chosen()
        reason = self.reason.currentText() if decision is not SarDecision.DISCLOSE else ""
        self.decided.emit(decision, reason)
