"""Who is signed in: the facts every service needs to decide and to audit."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models.accounts import Role


@dataclass(frozen=True)
class CurrentUser:
    account_id: int
    username: str
    display_name: str
    role: Role
    must_change_passphrase: bool = False
