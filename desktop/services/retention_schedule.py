"""The retention schedule: how long each kind of record is kept, set by the coordinator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.models.choices import RecordKind, RetentionTrigger
from desktop.models.data_protection import RetentionRule
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import PermissionDeniedError

K = RecordKind
T = RetentionTrigger

# The schedule a vault starts with, until the coordinator sets the council's own. The figures
# follow what English councils commonly adopt from the IRMS Retention Guidelines for Local
# Authorities and, for therapy, the NHS Records Management Code of Practice; each council
# confirms its own with its records manager, so every figure can be changed.
DEFAULT_RULES: dict[RecordKind, tuple[RetentionTrigger, int]] = {
    # Youth work and early-help case files: the last action (closure) plus 6 years, the
    # limitation period for most civil claims (Limitation Act 1980).
    K.CASE_RECORD: (T.CASE_CLOSED, 6),
    # Clinical records of therapy: 8 years after treatment ended (NHS code, most health
    # records; a council may prefer the young person's 25th birthday, offered as a trigger).
    K.THERAPY_CASE: (T.RECORD_CLOSED, 8),
    # Employment support records: closure plus 6 years, as for the case file they sit in.
    K.COACHING_PLAN: (T.RECORD_CLOSED, 6),
    # Minutes of multi-agency meetings: the meeting's date plus 6 years.
    K.MEETING: (T.RECORD_DATE, 6),
    # Serious incidents may lead to reviews and inquests years later: the date plus 10 years.
    K.CRITICAL_INCIDENT: (T.RECORD_DATE, 10),
    # Subject access request files: 2 years after the answer was sent (long enough for a
    # complaint to the ICO about how it was answered).
    K.SUBJECT_ACCESS_REQUEST: (T.RECORD_CLOSED, 2),
}

# Which dates each kind of record has, so a rule can only count from one that exists.
TRIGGERS_FOR: dict[RecordKind, tuple[RetentionTrigger, ...]] = {
    K.CASE_RECORD: (T.CASE_CLOSED, T.TWENTY_FIFTH_BIRTHDAY),
    K.THERAPY_CASE: (T.RECORD_CLOSED, T.TWENTY_FIFTH_BIRTHDAY),
    K.COACHING_PLAN: (T.RECORD_CLOSED, T.TWENTY_FIFTH_BIRTHDAY),
    K.MEETING: (T.RECORD_DATE,),
    K.CRITICAL_INCIDENT: (T.RECORD_DATE,),
    K.SUBJECT_ACCESS_REQUEST: (T.RECORD_CLOSED,),
}

# How a rule reads in a sentence ("6 years after the case closed").
TRIGGER_PHRASES = {
    T.CASE_CLOSED: "after the case closed",
    T.TWENTY_FIFTH_BIRTHDAY: "after the young person's 25th birthday",
    T.RECORD_CLOSED: "after the record closed",
    T.RECORD_DATE: "after the record's date",
}
MIN_YEARS = 1
MAX_YEARS = 100


class RetentionInputError(ValueError):
    """A rule, decision or hold with something missing or wrong; the message says what."""


@dataclass(frozen=True)
class Rule:
    kind: RecordKind
    trigger: RetentionTrigger
    years: int

    @property
    def text(self) -> str:
        unit = "year" if self.years == 1 else "years"
        return f"{self.years} {unit} {TRIGGER_PHRASES[self.trigger]}"


@dataclass(frozen=True)
class RuleRow:
    rule: Rule
    # True while the vault still uses the default (the coordinator has not set this kind).
    is_default: bool
    updated_by: str
    updated_at: datetime | None


def add_years(day: date, years: int) -> date:
    """The same day so many years on; 29 February falls on 1 March in other years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def load_rules(session: Session) -> dict[RecordKind, Rule]:
    """Every kind's rule: the coordinator's where set, the default otherwise."""
    rules = {kind: Rule(kind, *DEFAULT_RULES[kind]) for kind in RecordKind}
    for row in session.execute(select(RetentionRule)).scalars():
        rules[row.record_kind] = Rule(row.record_kind, row.trigger, row.years)
    return rules


def require_coordinator(user: CurrentUser, what: str) -> None:
    if user.role is not Role.COORDINATOR:
        raise PermissionDeniedError(what)


class RetentionScheduleService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def rules(self) -> list[RuleRow]:
        """One row per kind of record, in the order of RecordKind."""
        require_coordinator(self._user, "see the retention schedule")
        with self._sessions.begin() as session:
            stored = {
                row.record_kind: (row, name)
                for row, name in session.execute(
                    select(RetentionRule, Account.display_name).outerjoin(
                        Account, Account.id == RetentionRule.updated_by_id
                    )
                ).all()
            }
            rows = []
            for kind in RecordKind:
                if kind in stored:
                    row, name = stored[kind]
                    rule = Rule(kind, row.trigger, row.years)
                    rows.append(RuleRow(rule, False, name or "", row.updated_at))
                else:
                    rows.append(RuleRow(Rule(kind, *DEFAULT_RULES[kind]), True, "", None))
            return rows

    def set_rule(self, kind: RecordKind, trigger: RetentionTrigger, years: int) -> None:
        """Sets how long one kind of record is kept; audited with the fields changed."""
        require_coordinator(self._user, "change the retention schedule")
        found = []
        if trigger not in TRIGGERS_FOR[kind]:
            allowed = " or ".join(TRIGGER_PHRASES[t] for t in TRIGGERS_FOR[kind])
            found.append(f"A {kind.label.lower()} can only be kept so many years {allowed}.")
        if not MIN_YEARS <= years <= MAX_YEARS:
            found.append(f"Keep records for {MIN_YEARS} to {MAX_YEARS} years.")
        if found:
            raise RetentionInputError(" ".join(found))
        now = self._clock.now()
        with self._sessions.begin() as session:
            row = session.get(RetentionRule, kind)
            old = load_rules(session)[kind]
            changed = [
                name
                for name, differs in (
                    ("trigger", old.trigger != trigger),
                    ("years", old.years != years),
                )
                if differs
            ]
            if row is None:
                row = RetentionRule(record_kind=kind, trigger=trigger, years=years)
                session.add(row)
            elif not changed:
                return
            row.trigger = trigger
            row.years = years
            row.updated_by_id = self._user.account_id
            row.updated_at = now
            session.flush()
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.RETENTION_RULE_CHANGED,
                "retention_rule",
                kind.value,
                changed or ["trigger", "years"],
            )
