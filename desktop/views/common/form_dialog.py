"""A dialog holding a form, with OK/Cancel and an error line that lists what to fix.

Every form gets the same forgiving behaviour: problems checked as the person types and shown
under the field they are about (once it has been touched, or after a first OK), errors said to
screen readers, Ctrl+Enter to save, and a question before unsaved work is closed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.views.common.discard_prompt import chose_discard, discard_prompt
from desktop.views.common.error_announcer import announce_error, error_name
from desktop.views.common.field_problems import FieldMessages, FieldProblem
from desktop.views.common.form_watch import FormWatch
from desktop.views.common.passphrase_field import PassphraseField

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # Return on the main keys, Enter on the keypad
SAVE_HINT = "Ctrl+Enter"
# Long enough not to re-check between two keys of a word, short enough to feel immediate.
CHECK_DELAY_MS = 250


class FormDialog(QDialog):
    """A form with OK/Cancel and an error line; subclasses say what is wrong via problems(),
    as plain strings (shown in the error line) or FieldProblem(field, text) (shown under the
    field as well)."""

    # Cancel, Escape or the close button on a form with changes asks before losing them. A
    # dialog that keeps a draft when closed (it has save_draft()) loses nothing: not asked.
    asks_before_discarding = True
    # problems() is run again as the person types: a dialog whose problems() does more than
    # read the form (saves, or asks a service) turns this off.
    checks_as_you_type = True

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setToolTip(f"Save ({SAVE_HINT})")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.discard_prompt: QMessageBox | None = None
        self._closing_from_code = False
        self._watch = FormWatch(self)
        self._messages = FieldMessages(self)
        self._submitted = False
        self._error_from_problems = False
        self._error_name: str | None = None
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(CHECK_DELAY_MS)
        self._check.timeout.connect(self.check_now)
        self._watch.edited.connect(self._edited)
        self._watch.left.connect(self._left)

    def problems(self) -> list[str]:
        return []

    # ---- errors --------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        """Shows why OK did not save: the form's problems (each also under its field) or a
        service's refusal. Everything typed stays where it is."""
        self._submitted = True
        found = self._problems_now()
        self._error_from_problems = found is not None and text == "\n".join(found)
        self._set_error(text)
        if found is not None:
            self._messages.show(_tied(found), self._wanted)
            if self._error_from_problems:
                self._focus_first(_tied(found))
        self.adjustSize()  # grow with the error line instead of squeezing the fields

    def check_now(self) -> None:
        """Checks the form again as the person types: field messages follow, and so does an
        error line that lists the form's problems (a service's refusal stays until next OK)."""
        self._check.stop()
        found = self._problems_now()
        if found is None:
            return
        self._messages.show(_tied(found), self._wanted)
        if self._error_from_problems and not self.error.isHidden():
            if not found:
                self._clear_error()
            elif "\n".join(found) != self.error.text():
                # Quietly: each fix would otherwise read the whole list out again; the field
                # messages announce what is new.
                self._set_error("\n".join(found), announce=False)
        self._grow()

    def _edited(self, _field: QWidget) -> None:
        self._check.start()

    def _left(self, _field: QWidget) -> None:
        self.check_now()  # a field just left shows its message at once

    def field_message(self, field: QWidget) -> QLabel | None:
        """The message shown under a field, if it has had one."""
        return self._messages.message_for(field)

    def _problems_now(self) -> list[str] | None:
        if not self.checks_as_you_type:
            return None
        try:
            return list(self.problems())
        except Exception:  # a half-typed form may not read yet: OK's own check will say so
            return None

    def _wanted(self, field: QWidget) -> bool:
        return self._submitted or self._watch.touched(field)

    def _set_error(self, text: str, announce: bool = True) -> None:
        if self._error_name is None:
            self._error_name = self.error.accessibleName()
        self.error.setText(text)
        self.error.show()
        if announce:
            announce_error(self.error, text)
        else:
            self.error.setAccessibleName(error_name(text))

    def _clear_error(self) -> None:
        self.error.hide()
        self.error.setText("")
        self.error.setAccessibleName(self._error_name or "")
        self._error_from_problems = False

    def _focus_first(self, tied: list[FieldProblem]) -> None:
        focused = self.focusWidget()
        fields = [p.field for p in tied if p.field.isVisibleTo(self) and p.field.isEnabled()]
        if not fields or any(f is focused or f.isAncestorOf(focused) for f in fields if focused):
            return
        fields[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _grow(self) -> None:
        wanted = self.sizeHint().height()
        if self.isVisible() and wanted > self.height():
            self.resize(self.width(), wanted)

    # ---- saving and closing --------------------------------------------------------------
    def accept(self) -> None:
        found = self.problems()
        if found:
            self.show_error("\n".join(found))
            return
        super().accept()

    def submit(self) -> None:
        """What Ctrl+Enter does: the same as pressing OK, if OK can be pressed."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None and not (ok.isEnabled() and ok.isVisibleTo(self)):
            return
        self.accept()

    def has_changes(self) -> bool:
        """True when an input differs from what it held when the form was first shown."""
        return self._watch.has_changes()

    def mark_clean(self) -> None:
        """What the form holds now counts as saved (for a form that stays open after saving)."""
        self._watch.mark_clean()

    def cancel(self) -> None:
        """Cancel, Escape or the close button: asks first if there are changes to lose."""
        if self._would_lose_work():
            self._ask_to_discard()
        else:
            self.reject()

    def reject(self) -> None:
        # Called directly (the vault locking, a test) it closes at once, as it always did.
        if self.discard_prompt is not None and self.discard_prompt.isVisible():
            self.discard_prompt.reject()
        super().reject()

    def _would_lose_work(self) -> bool:
        keeps_draft = callable(getattr(self, "save_draft", None))
        return self.asks_before_discarding and not keeps_draft and self.has_changes()

    def _ask_to_discard(self) -> None:
        if self.discard_prompt is None:
            self.discard_prompt = discard_prompt(self)
            self.discard_prompt.finished.connect(self._answered)
        if not self.discard_prompt.isVisible():
            self.discard_prompt.open()

    def _answered(self) -> None:
        if self.discard_prompt is not None and chose_discard(self.discard_prompt):
            self.reject()

    # ---- Qt events -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._watch.started():
            self._watch.start()  # what the form holds now is "unchanged"
            self._add_save_keys()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.cancel()
            return
        super().keyPressEvent(event)

    def close(self) -> bool:
        """Closing from code (a view, a test) is at once; the window's close button asks."""
        self._closing_from_code = True
        try:
            return super().close()
        finally:
            self._closing_from_code = False

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_from_code and self.isVisible() and self._would_lose_work():
            event.ignore()
            self._ask_to_discard()
            return
        super().closeEvent(event)

    def _add_save_keys(self) -> None:
        """Every form saves on Ctrl+Enter; a subclass that made its own keeps them (two
        shortcuts on one key would cancel each other out)."""
        taken = {shortcut.key().toString() for shortcut in self.findChildren(QShortcut)}
        for keys in SAVE_KEYS:
            sequence = QKeySequence(keys)
            if sequence.toString() not in taken:
                QShortcut(sequence, self, self.submit)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None and SAVE_HINT not in ok.toolTip():
            said = ok.toolTip() or ok.text().replace("&", "")
            ok.setToolTip(f"{said} ({SAVE_HINT})")

    def add_passphrase_rows(self, label: str) -> tuple[PassphraseField, PassphraseField]:
        passphrase = PassphraseField(label)
        confirmation = PassphraseField(f"Confirm {label.lower()}", with_meter=False)
        first = QLabel(f"&{label}")
        first.setBuddy(passphrase.edit)
        second = QLabel("Con&firm")
        second.setBuddy(confirmation.edit)
        self.form.addRow(first, passphrase)
        self.form.addRow(second, confirmation)
        return passphrase, confirmation


def _tied(found: list[str]) -> list[FieldProblem]:
    return [problem for problem in found if isinstance(problem, FieldProblem)]
