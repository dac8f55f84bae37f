"""The question asked before a form with unsaved changes is closed: Discard or Keep editing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

QUESTION = "Discard your changes?"
DETAIL = "What you typed or chose in this form has not been saved."
DISCARD = "&Discard"
KEEP_EDITING = "&Keep editing"


def discard_prompt(parent: QWidget) -> QMessageBox:
    """The question, built once a form and opened without blocking (window-modal, with
    open()), so the form's caller, a vault lock or a test can still reach it. Keep editing is
    the default and what Escape means; see chose_discard() for the answer."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QUESTION)
    box.setText(QUESTION)
    box.setInformativeText(DETAIL)
    discard = box.addButton(DISCARD, QMessageBox.ButtonRole.DestructiveRole)
    discard.setAccessibleName("Discard")
    discard.setToolTip("Close the form and lose what was typed")
    keep = box.addButton(KEEP_EDITING, QMessageBox.ButtonRole.RejectRole)
    keep.setAccessibleName("Keep editing")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    # QMessageBox wraps its words to a narrow column; in text widths, so larger text fits too.
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 22em; }")
    return box


def chose_discard(box: QMessageBox) -> bool:
    """True only when the person pressed Discard (not Keep editing, Escape or a lock)."""
    clicked = box.clickedButton()
    return clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.DestructiveRole
