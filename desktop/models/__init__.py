"""SQLAlchemy typed ORM entities, one module per area."""

from desktop.models.accounts import Account, Role
from desktop.models.audit import AuditEntry
from desktop.models.base import Base
from desktop.models.drafts import Draft
from desktop.models.people import Allocation, YoungPerson
from desktop.models.vault_settings import VaultSetting

__all__ = [
    "Account",
    "Allocation",
    "AuditEntry",
    "Base",
    "Draft",
    "Role",
    "VaultSetting",
    "YoungPerson",
]
