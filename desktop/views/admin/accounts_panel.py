"""The coordinator's list of accounts, with add, role, reset, disable (and re-key) and enable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.accounts import Role
from desktop.services.account_service import AccountError, AccountRow
from desktop.services.bundle import Services
from desktop.services.permissions import PermissionDeniedError
from desktop.views.admin.account_dialogs import AddAccountDialog, NewPassphraseDialog
from desktop.views.common.background_task import BackgroundTask
from desktop.views.common.paged_table_model import PagedTableModel

COLUMNS = (
    ("User name", lambda row: row.username),
    ("Full name", lambda row: row.display_name),
    ("Role", lambda row: row.role.label),
    (
        "Status",
        lambda row: (
            ("Active" if row.active else "Disabled")
            + (" · must change passphrase" if row.active and row.must_change_passphrase else "")
        ),
    ),
)


class AccountsPanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._task: BackgroundTask | None = None
        self._rows: list[AccountRow] = []
        self.model: PagedTableModel[AccountRow] = PagedTableModel(
            COLUMNS,
            lambda offset, limit: self._rows[offset : offset + limit],
            lambda: len(self._rows),
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Accounts")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.add_button = QPushButton("&Add…")
        self.role_button = QPushButton("Change &role…")
        self.reset_button = QPushButton("Reset &passphrase…")
        self.disable_button = QPushButton("&Disable")
        self.enable_button = QPushButton("&Enable…")
        self.add_button.clicked.connect(self.add_account)
        self.role_button.clicked.connect(self.change_role)
        self.reset_button.clicked.connect(self.reset_passphrase)
        self.disable_button.clicked.connect(self.disable_account)
        self.enable_button.clicked.connect(self.enable_account)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.role_button,
            self.reset_button,
            self.disable_button,
            self.enable_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self._rows = self._services.accounts.list_accounts()
        self.model.reload()
        self._update_buttons()

    def selected(self) -> AccountRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_username(self, username: str) -> None:
        for index, row in enumerate(self._rows):
            if row.username == username:
                self.table.selectRow(index)

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.role_button, self.reset_button):
            button.setEnabled(row is not None and row.active)
        self.disable_button.setEnabled(row is not None and row.active)
        self.enable_button.setEnabled(row is not None and not row.active)

    def _attempt(self, change: object) -> bool:
        try:
            assert callable(change)
            change()
        except (AccountError, PermissionDeniedError) as error:
            QMessageBox.warning(self, "Casebook", str(error))
            return False
        self.reload()
        return True

    def add_account(self) -> None:
        dialog = AddAccountDialog(self)
        while dialog.exec():
            try:
                self._services.accounts.add_account(
                    dialog.username.text(),
                    dialog.full_name.text(),
                    dialog.chosen_role(),
                    dialog.passphrase.text(),
                )
            except AccountError as error:
                dialog.show_error(str(error))
                continue
            self.reload()
            self.select_username(dialog.username.text().strip().lower())
            return

    def change_role(self) -> None:
        row = self.selected()
        if row is None:
            return
        labels = [role.label for role in Role]
        label, chosen = QInputDialog.getItem(
            self,
            "Change role",
            f"Role for {row.display_name}:",
            labels,
            labels.index(row.role.label),
            False,
        )
        if chosen:
            role = next(role for role in Role if role.label == label)
            self._attempt(lambda: self._services.accounts.change_role(row.id, role))

    def reset_passphrase(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = NewPassphraseDialog(
            "Reset passphrase",
            f"Give {row.display_name} a new first passphrase in person. They will choose their "
            "own at the next sign-in; any computer that remembered them forgets them.",
            self,
        )
        if dialog.exec():
            self._attempt(
                lambda: self._services.accounts.reset_passphrase(row.id, dialog.passphrase.text())
            )

    def enable_account(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = NewPassphraseDialog(
            "Enable account", f"Give {row.display_name} a new first passphrase.", self
        )
        if dialog.exec():
            self._attempt(
                lambda: self._services.accounts.enable_account(row.id, dialog.passphrase.text())
            )

    def disable_account(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            "Disable account",
            f"Disable {row.display_name}'s account? They will no longer be able to sign in.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if not self._attempt(lambda: self._services.accounts.disable_account(row.id)):
            return
        rekey = QMessageBox.question(
            self,
            "Re-key the vault",
            "The account is disabled. If they might have copied the vault's key, re-key the "
            "vault now so that the old key stops opening it. This takes a moment; "
            "everyone else's passphrases keep working.\n\nRe-key now?",
        )
        if rekey == QMessageBox.StandardButton.Yes:
            self.rekey()

    def rekey(self) -> None:
        progress = QProgressDialog("Re-keying the vault…", "", 0, 100, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        self._task = BackgroundTask(lambda report: self._services.accounts.rekey(report))
        self._task.progressed.connect(progress.setValue)
        self._task.succeeded.connect(lambda _result: self._rekeyed(progress))
        self._task.failed.connect(lambda message: self._rekey_failed(progress, message))
        self._task.start()

    def _rekeyed(self, progress: QProgressDialog) -> None:
        progress.close()
        QMessageBox.information(self, "Casebook", "The vault has been re-keyed.")

    def _rekey_failed(self, progress: QProgressDialog, message: str) -> None:
        progress.close()
        QMessageBox.critical(
            self,
            "Casebook",
            f"Re-keying did not complete ({message}). The vault still opens with the old key.",
        )
