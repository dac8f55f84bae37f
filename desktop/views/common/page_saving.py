"""How a record page or tab saves: a dialog run to its end (what was typed goes with it), or a
one-click change whose refusal is said in words; either way the page then shows what is saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


def run_dialog(dialog: QDialog, saved: Callable[[], None]) -> bool:
    """Runs the dialog; saved() follows a save. True when it was saved."""
    done = bool(dialog.exec())
    dialog.deleteLater()  # what was typed goes with it
    if done:
        saved()
    return done


def apply_change(
    parent: QWidget,
    change: Callable[[], object],
    refusals: tuple[type[Exception], ...],
    saved: Callable[[], None],
) -> None:
    """Makes a one-click change; a refusal (one of refusals) is shown, then saved() runs."""
    try:
        change()
    except refusals as error:
        QMessageBox.warning(parent, "Not saved", str(error))
    saved()
