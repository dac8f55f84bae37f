"""A form dialog that saves through a service when OK is pressed and, if the service refuses,
keeps the dialog open with the reason, so nothing typed is lost."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.vault.errors import VaultSaveError
from desktop.views.common.form_dialog import FormDialog


class SavingDialog(FormDialog):
    """Subclasses check the form in problems() and call the service in save()."""

    # What a service raises with a message fit to show; subclasses add their input error.
    # VaultSaveError (full disk, vanished folder): shown in the dialog, which keeps the text.
    refusals: tuple[type[Exception], ...] = (
        RecordNotFoundError,
        PermissionDeniedError,
        VaultSaveError,
    )

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.error.setAccessibleName("Problems to fix")

    def save(self) -> None:
        """Call the service; raise one of `refusals` to keep the dialog open."""

    def accept(self) -> None:
        found = self.problems()
        if found:
            self.show_error("\n".join(found))
            return
        try:
            self.save()
        except self.refusals as error:
            self.show_error(str(error))
            return
        QDialog.accept(self)
