"""Importing young people (and a first referral each) from a council's spreadsheet.

Every row is checked before anything is written; one bad row means nothing is imported and
every problem is reported with its spreadsheet row, its column and a reason. A good file is
written in one transaction through the ORM (not one PeopleService.create per row, which would
open a transaction each), so a failure part-way leaves the vault as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.models.base import Base
from desktop.models.case_status import StatusChange
from desktop.models.choices import CaseStatus
from desktop.models.people import Address, Alias, YoungPerson
from desktop.models.referrals import Referral
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.import_columns import CASEBOOK_REFERENCE
from desktop.services.import_files import ImportFileError, check_importable, read_sheet
from desktop.services.import_rows import ImportProblem, PlannedPerson, plan_rows, problem_order
from desktop.services.people_service import CASE_PREFIX, created_fields, new_person, next_reference
from desktop.services.permissions import ROLE_SECTIONS, PermissionDeniedError, Section
from desktop.services.sign_in_service import SignInService
from desktop.vault.layout import VaultLayout

__all__ = ["ImportFileError", "ImportProblem", "ImportReport", "ImportService"]

STARTED_BY_REFERRAL = "Referral received (imported)."
REFERRAL_FIELDS = (
    "received_on",
    "source",
    "referrer",
    "reason",
    "consent_to_engage",
    "consent_to_share",
    "consent_given_by",
    "consent_given_on",
)


@dataclass(frozen=True)
class ImportReport:
    file_type: str
    problems: list[ImportProblem]
    people: int = 0
    referrals: int = 0

    @property
    def imported(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        """Such as "3 young people and 1 referral", for the command line and a dialog."""
        people = (
            f"{self.people} young person" if self.people == 1 else f"{self.people} young people"
        )
        return f"{people} and {_plural(self.referrals, 'referral')}"


class ImportService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def check(self, path: Path) -> list[ImportProblem]:
        """Every problem in the file, writing nothing (the import itself checks again)."""
        self._require_coordinator()
        sheet = read_sheet(path)
        plans, problems = plan_rows(sheet, self._today())
        with self._sessions.begin() as session:
            problems += self._vault_problems(session, plans)
        return sorted(problems, key=problem_order)

    def import_file(self, path: Path) -> ImportReport:
        """All rows or none: returns the problems (nothing written) or the counts imported."""
        self._require_coordinator()
        sheet = read_sheet(path)
        plans, problems = plan_rows(sheet, self._today())
        now = self._clock.now()
        with self._sessions.begin() as session:
            # Checked in the writing transaction, so no one adds a clashing reference between.
            problems += self._vault_problems(session, plans)
            if problems:
                audit_chain.append(
                    session,
                    now,
                    self._user.username,
                    actions.IMPORT,
                    "young_person",
                    outcome=f"refused: {_plural(len(problems), 'problem')} "
                    f"in a {sheet.file_type} file",
                )
                return ImportReport(sheet.file_type, sorted(problems, key=problem_order))
            referrals = self._write(session, plans)
            # Counts and file type only: the file's name could itself name a young person.
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.IMPORT,
                "young_person",
                outcome=f"{len(plans)} young people, {referrals} referrals "
                f"from a {sheet.file_type} file",
            )
        return ImportReport(sheet.file_type, [], len(plans), referrals)

    def _require_coordinator(self) -> None:
        if self._user.role is not Role.COORDINATOR:
            raise PermissionDeniedError("import young people (a coordinator's task)")

    def _today(self) -> date:
        return self._clock.now().date()

    def _vault_problems(self, session: Session, plans: list[PlannedPerson]) -> list[ImportProblem]:
        """References already in use and key workers who are not (active, caseload) users."""
        problems: list[ImportProblem] = []
        in_use = {
            reference.casefold()
            for reference in session.execute(select(YoungPerson.case_reference)).scalars()
        }
        accounts = {
            account.username.casefold(): account
            for account in session.execute(select(Account)).scalars()
        }
        for plan in plans:
            if plan.reference and plan.reference.casefold() in in_use:
                problems.append(
                    ImportProblem(
                        plan.row, "reference", f"'{plan.reference}' is already used in Casebook"
                    )
                )
            if not plan.key_worker:
                continue
            account = accounts.get(plan.key_worker.casefold())
            reason = ""
            if account is None:
                reason = f"'{plan.key_worker}' is not a Casebook user name"
            elif not account.active:
                reason = f"'{plan.key_worker}' is a disabled account"
            elif Section.CASELOAD not in ROLE_SECTIONS[account.role]:
                reason = (
                    f"'{plan.key_worker}' cannot be a key worker: "
                    f"the {account.role.label} role has no caseload"
                )
            else:
                plan.details.key_worker_id = account.id
            if reason:
                problems.append(ImportProblem(plan.row, "key_worker", reason))
        return problems

    def _write(self, session: Session, plans: list[PlannedPerson]) -> int:
        """Adds every young person, address and referral, with their create audits."""
        now = self._clock.now()
        number = _first_free_number(session, plans)
        # Ids given here rather than by SQLite: the ORM then inserts each table with one
        # executemany, instead of one statement per row to read each new id back (half the
        # time for 1,000 rows). They are the ids SQLite would choose (highest + 1): this
        # transaction holds the write lock, and these tables are not AUTOINCREMENT.
        ids = _NextIds(session)
        people: list[YoungPerson] = []
        referrals: list[Referral] = []
        starts: list[StatusChange] = []
        for plan in plans:
            reference = plan.reference
            if not reference:
                reference = f"{CASE_PREFIX}{number:06d}"
                number += 1
            person = new_person(plan.details, reference, now)
            person.id = ids.take(YoungPerson)
            for alias in person.aliases:
                alias.id = ids.take(Alias)
            if plan.address:
                person.addresses.append(
                    Address(id=ids.take(Address), address=plan.address, postcode=plan.postcode)
                )
            people.append(person)
            if plan.referral is not None:
                referrals.append(
                    Referral(
                        id=ids.take(Referral),
                        young_person_id=person.id,
                        received_on=plan.referral.received_on,
                        source=plan.referral.source,
                        referrer=plan.referral.referrer,
                        reason=plan.referral.reason,
                        consent_to_engage=plan.referral.consent_to_engage,
                        consent_to_share=plan.referral.consent_to_share,
                        consent_given_by=plan.referral.consent_given_by,
                        consent_given_on=plan.referral.consent_given_on,
                        created_at=now,
                        created_by_id=self._user.account_id,
                    )
                )
                # As when a referral is recorded by hand: the case's history starts with it.
                starts.append(
                    StatusChange(
                        id=ids.take(StatusChange),
                        young_person_id=person.id,
                        from_status=None,
                        to_status=CaseStatus.REFERRED,  # as every new record starts
                        changed_at=now,
                        changed_by_id=self._user.account_id,
                        reason=STARTED_BY_REFERRAL,
                    )
                )
        session.add_all(people)
        # Referrals and status rows have no ORM relationship to the person, so the unit of work
        # would not know to insert the people first: flush them before adding the rest.
        session.flush()
        session.add_all(referrals)
        session.add_all(starts)
        session.flush()
        actor = self._user.username
        for plan, person in zip(plans, people, strict=True):
            audit_chain.append(
                session,
                now,
                actor,
                actions.CREATE,
                "young_person",
                str(person.id),
                created_fields(plan.details),
                outcome="imported",
            )
        for referral in referrals:
            audit_chain.append(
                session,
                now,
                actor,
                actions.CREATE,
                "referral",
                str(referral.id),
                _filled_referral_fields(referral),
                outcome="imported",
            )
        for start in starts:
            audit_chain.append(
                session,
                now,
                actor,
                actions.STATUS_CHANGED,
                "young_person",
                str(start.young_person_id),
                ["status", "reason"],
                outcome="imported",
            )
        return len(referrals)


def import_into_vault(
    layout: VaultLayout, username: str, passphrase: str, path: Path, clock: Clock
) -> ImportReport:
    """The `import` command: sign in, import, then sign out and lock, as `verify` does."""
    check_importable(path)
    signed_in = SignInService(layout, clock).sign_in(username, passphrase)
    vault = signed_in.vault
    try:
        report = ImportService(vault.sessions, signed_in.user, clock).import_file(path)
    finally:
        try:
            with vault.sessions.begin() as session:
                audit_chain.append(session, clock.now(), signed_in.user.username, actions.SIGN_OUT)
                newest = audit_chain.head(session)
            # Recorded outside the database, so a later verify sees rows cut from the end.
            vault.refresh_slots().audit_head = newest
            vault.save_slots()
        finally:
            vault.lock()
    return report


class _NextIds:
    """The next free primary key of each table this import writes to."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._next: dict[type[Base], int] = {}

    def take(self, model: type[Base]) -> int:
        if model not in self._next:
            table = model.__table__
            highest = self._session.execute(select(func.max(table.c.id))).scalar_one()
            self._next[model] = (highest or 0) + 1
        self._next[model] += 1
        return self._next[model] - 1


def _first_free_number(session: Session, plans: list[PlannedPerson]) -> int:
    """Assigned references follow the highest IGX- number in the vault and in the file."""
    highest = int(next_reference(session).removeprefix(CASE_PREFIX))
    for plan in plans:
        if CASEBOOK_REFERENCE.fullmatch(plan.reference):
            highest = max(highest, int(plan.reference.removeprefix(CASE_PREFIX)) + 1)
    return highest


def _filled_referral_fields(referral: Referral) -> list[str]:
    """The referral fields given a value, for its create audit (names only, never values)."""
    return [name for name in REFERRAL_FIELDS if getattr(referral, name) not in ("", False, None)]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
