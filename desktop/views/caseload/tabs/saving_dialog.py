"""A form dialog that saves through a service on OK and keeps the form open when refused."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from desktop.services.intervention_service import InterventionInputError
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.referral_service import ReferralInputError
from desktop.services.risk_service import RiskInputError
from desktop.services.status_service import StatusInputError, StatusTransitionError
from desktop.services.task_service import TaskInputError
from desktop.vault.errors import VaultSaveError
from desktop.views.common.form_dialog import FormDialog

# What the caseload services say when they refuse; their messages hold no personal data.
REFUSALS: tuple[type[Exception], ...] = (
    ReferralInputError,
    StatusTransitionError,
    StatusInputError,
    RiskInputError,
    InterventionInputError,
    TaskInputError,
    PermissionDeniedError,
    RecordNotFoundError,
    VaultSaveError,  # a full disk or a vanished folder: said in the dialog, the typing kept
)


class SavingDialog(FormDialog):
    """problems() catches what the form can see; then the tab's save callable asks the service,
    which has the last word: its refusal is shown in the dialog, with the typing kept.

    The dialog itself never calls a service: the tab that opens it says how to save.
    """

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.save: Callable[[], object] | None = None
        self.result_of_save: object = None  # what the service returned (a new row's id)

    def accept(self) -> None:
        found = self.problems()
        if found:
            self.show_error("\n".join(found))
            return
        try:
            if self.save is not None:
                self.result_of_save = self.save()
        except REFUSALS as error:
            self.show_error(str(error))
            return
        QDialog.accept(self)
