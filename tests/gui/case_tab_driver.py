"""Driving the record tabs' dialogs as a person would: the dialog opens modally, steps fill
it in and press OK; a failed step closes it so a test fails instead of waiting forever."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.services.bundle import Services
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import PersonDetails, PersonRecord
from desktop.services.sign_in_service import SignedIn
from desktop.views.caseload.tabs.saving_dialog import SavingDialog
from tests.conftest import AddAccount, FakeClock, FastKdfPolicy

D = TypeVar("D", bound=SavingDialog)
T = TypeVar("T", bound=QWidget)
LEFT = Qt.MouseButton.LeftButton
DAY = 86400


@dataclass
class Unit:
    signed_in: SignedIn
    kdf: FastKdfPolicy
    clock: FakeClock
    add_account: AddAccount

    def services(self, user: CurrentUser | None = None) -> Services:
        signed_in = self.signed_in if user is None else SignedIn(self.signed_in.vault, user)
        return Services.for_session(signed_in, self.kdf, self.clock)

    def person(self, *allocated: CurrentUser, key_worker: int | None = None) -> PersonRecord:
        people = self.services().people
        details = PersonDetails("Karwan", "Ahmadi", known_as="K-Dog")
        details.key_worker_id = key_worker
        details.allocated_ids = [user.account_id for user in allocated]
        return people.open_record(people.create(details))

    @property
    def today(self) -> date:
        return self.clock.now().date()


def show(qtbot: QtBot, widget: T) -> T:
    qtbot.addWidget(widget)
    widget.resize(1000, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@contextmanager
def answering(kind: type[D], steps: Callable[[D], None]) -> Iterator[None]:
    """Runs steps on the modal dialog the block opens (as a person would fill it in); a failed
    step closes the dialog so the test fails instead of waiting forever."""
    failures: list[BaseException] = []
    tries = [0]

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            tries[0] += 1
            if tries[0] < 100:
                QTimer.singleShot(20, run)
            else:
                failures.append(AssertionError(f"no {kind.__name__} opened"))
            return
        try:
            steps(dialog)
        except BaseException as error:  # re-raised below, outside the dialog's event loop
            failures.append(error)
        if dialog.isVisible():
            if not failures:
                failures.append(AssertionError(f"still open: {dialog.error.text()!r}"))
            dialog.reject()

    QTimer.singleShot(0, run)
    yield
    if failures:
        raise failures[0]


def ok(qtbot: QtBot, dialog: SavingDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    qtbot.mouseClick(button, LEFT)


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Chooses an item with the arrow keys (typing a space would open the list instead)."""
    wanted = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert wanted >= 0, text
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):  # separators are stepped over, so count the moves
        if combo.currentIndex() == wanted:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == wanted


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, LEFT)


def cell(table: QAbstractItemModel, row: int, column: int) -> str:
    return str(table.data(table.index(row, column)))
