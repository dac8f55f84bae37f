"""Errors raised while opening a vault: each one says what happened and what to do."""


class VaultError(Exception):
    """Base class: the message is safe to show to a user and to log (no personal data)."""


class UnknownUserError(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "There is no account with that user name in this vault. "
            "Check the spelling, or ask the coordinator."
        )


class WrongPassphraseError(VaultError):
    def __init__(self) -> None:
        super().__init__("That passphrase is not correct for this account. Please try again.")


class AccountDisabledError(VaultError):
    def __init__(self) -> None:
        super().__init__("This account has been disabled. Ask the coordinator.")


class KeySlotFileTamperedError(VaultError):
    def __init__(self, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            "The vault's key-slot file has been altered or damaged and cannot be trusted"
            f"{extra}. Casebook will not open it: restore the key-slot file from a backup "
            "or ask the coordinator."
        )


class VaultMismatchError(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "The database file does not belong to this vault: it has been replaced by another "
            "vault's database. Casebook will not open it. Put the right database file back, "
            "or restore it from a backup."
        )


class DatabaseDamagedError(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "The passphrase is right, but the vault's database file is damaged and cannot be "
            "read. Restore it from a backup, or ask the coordinator."
        )


class VaultNotFoundError(VaultError):
    def __init__(self) -> None:
        super().__init__("There is no Casebook vault in that folder.")


class VaultExistsError(VaultError):
    def __init__(self) -> None:
        super().__init__("A Casebook vault already exists in that folder.")


class ThrottledError(VaultError):
    def __init__(self, wait_seconds: int) -> None:
        self.wait_seconds = wait_seconds
        super().__init__(
            f"Too many failed attempts. Please wait {wait_seconds} seconds before trying again."
        )


class VaultInUseError(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "This vault is already open in another Casebook window (on this computer or "
            "another). Close it there first."
        )


class VaultSaveError(VaultError):
    """The disk is full, or the vault's folder or its files cannot be reached or written."""

    def __init__(self) -> None:
        super().__init__(
            "Casebook could not save: the disk is full or the vault's folder is not reachable. "
            "Nothing already saved has been lost. Free some space or reconnect the drive, "
            "then try again."
        )
