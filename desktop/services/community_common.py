"""What the community services share: the input error, text-list helpers, a base class with the
clock, user and audit, and the action form every action plan (activities, incidents) uses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account
from desktop.models.choices import ActionStatus
from desktop.services import audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.field_changes import filled as filled
from desktop.services.permissions import Section, require_section

OPEN_ACTIONS = frozenset({ActionStatus.TO_DO, ActionStatus.IN_PROGRESS})
NAME_LENGTH = 200
TITLE_LENGTH = 300


class CommunityInputError(ValueError):
    """What was entered cannot be saved; the message says why, in words for the user."""


def too_long(value: str, limit: int, what: str) -> list[str]:
    return [f"{what} is longer than {limit} characters."] if len(value.strip()) > limit else []


def refuse(found: Sequence[str]) -> None:
    if found:
        raise CommunityInputError(" ".join(found))


def join_lines(values: Iterable[str]) -> str:
    """A list typed one item a line (languages, communities), stored as text, blanks dropped."""
    seen: list[str] = []
    for value in values:
        value = " ".join(value.split())
        if value and value not in seen:
            seen.append(value)
    return "\n".join(seen)


def split_lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


@dataclass(frozen=True)
class ActionInput:
    """An action in a plan: its owner is a member of staff (owner_id) or someone named from a
    partner organisation (owner_name)."""

    description: str
    owner_name: str = ""
    owner_id: int | None = None
    due_on: date | None = None

    def problems(self) -> list[str]:
        found = [] if self.description.strip() else ["Say what needs doing."]
        if not self.owner_name.strip() and self.owner_id is None:
            found.append("Say who will do it.")
        return found + too_long(self.owner_name, NAME_LENGTH, "The owner's name")


@dataclass(frozen=True)
class ActionRow:
    id: int
    description: str
    owner_name: str
    owner_id: int | None
    due_on: date | None
    status: ActionStatus
    done_on: date | None
    overdue: bool  # open and due before today

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTIONS


class CommunityServiceBase:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def _require(self) -> None:
        require_section(self._user.role, Section.COMMUNITY)

    def _audit(
        self,
        session: Session,
        action: str,
        entity: str,
        entity_id: int,
        fields: Sequence[str],
        outcome: str = "",
    ) -> None:
        audit_chain.append(
            session,
            self._clock.now(),
            self._user.username,
            action,
            entity,
            str(entity_id),
            fields,
            outcome,
        )

    def _name_or_account(self, session: Session, name: str, account_id: int | None) -> str:
        """The name typed, else the account's own name; the account must exist and be active."""
        if account_id is None:
            return name.strip()
        account = session.get(Account, account_id)
        if account is None or not account.active:
            raise CommunityInputError("That member of staff is not known to Casebook.")
        return name.strip() or account.display_name

    def _due_problems(self, due_on: date | None, current: date | None) -> list[str]:
        # A due date already passed may stay on an action, but a new one must not be past.
        if due_on is not None and due_on != current and due_on < self._clock.now().date():
            return ["The due date has already passed."]
        return []

    def _today(self) -> date:
        return self._clock.now().date()


def is_overdue(status: ActionStatus, due_on: date | None, today: date) -> bool:
    return status in OPEN_ACTIONS and due_on is not None and due_on < today
