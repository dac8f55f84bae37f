"""Interventions (enforcement only as a last resort, after support), tasks, and "My work"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from desktop.models.accounts import Role
from desktop.models.choices import (
    CaseStatus,
    ClosureOutcome,
    ClosureReason,
    InterventionType,
    Rag,
)
from desktop.services import actions
from desktop.services.audit_service import AuditFilter, AuditRow, AuditService
from desktop.services.current_user import CurrentUser
from desktop.services.intervention_service import (
    NO_PRIOR_SUPPORT_HEADING,
    InterventionInput,
    InterventionInputError,
    InterventionService,
)
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import ROLE_RECORD_SCOPE, PermissionDeniedError, RecordScope
from desktop.services.record_access import RecordNotFoundError
from desktop.services.risk_service import RiskService
from desktop.services.sign_in_service import SignedIn
from desktop.services.status_service import StatusService
from desktop.services.task_service import TaskInputError, TaskService
from tests.conftest import AddAccount, FakeClock

DAY = 86400
Kind = InterventionType


@dataclass
class Unit:
    signed_in: SignedIn
    clock: FakeClock
    coordinator: CurrentUser
    worker: CurrentUser
    officer: CurrentUser
    therapist: CurrentUser

    @property
    def today(self) -> date:
        return self.clock.now().date()

    def person(self, key_worker: CurrentUser | None = None, *allocated: CurrentUser) -> int:
        people = PeopleService(self.signed_in.vault.sessions, self.coordinator, self.clock)
        details = PersonDetails("Case", f"Number{people.count() + 1}")
        details.key_worker_id = key_worker.account_id if key_worker else None
        # Roles without a caseload (analyst, community officer) cannot be allocated to a case.
        details.allocated_ids = [
            user.account_id
            for user in allocated
            if ROLE_RECORD_SCOPE[user.role] is not RecordScope.NONE
        ]
        return people.create(details)

    def interventions(self, user: CurrentUser) -> InterventionService:
        return InterventionService(self.signed_in.vault.sessions, user, self.clock)

    def tasks(self, user: CurrentUser) -> TaskService:
        return TaskService(self.signed_in.vault.sessions, user, self.clock)

    def audit(self, action: str) -> list[AuditRow]:
        service = AuditService(self.signed_in.vault.sessions, self.coordinator)
        return service.page(AuditFilter(action=action), 0, 100)


@pytest.fixture
def unit(coordinator: tuple[SignedIn, str], clock: FakeClock, add_account: AddAccount) -> Unit:
    signed_in = coordinator[0]
    return Unit(
        signed_in,
        clock,
        signed_in.user,
        add_account(Role.GANGS_WORKER),
        add_account(Role.ENFORCEMENT_OFFICER),
        add_account(Role.FAMILY_THERAPIST),
    )


def _support(unit: Unit, days_ago: int, **changes: Any) -> InterventionInput:
    data = InterventionInput(
        Kind.MENTORING,
        unit.today - timedelta(days=days_ago),
        owner_id=unit.worker.account_id,
        description="Weekly mentoring at the youth centre",
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


# ---- interventions -----------------------------------------------------------------------
def test_support_is_recorded_edited_and_closed(unit: Unit) -> None:
    person_id = unit.person(unit.worker)
    service = unit.interventions(unit.worker)
    with pytest.raises(InterventionInputError, match="start date is in the future"):
        service.add_intervention(person_id, _support(unit, -1))
    with pytest.raises(InterventionInputError, match="end date is before"):
        service.add_intervention(person_id, _support(unit, 5, ended_on=unit.today - timedelta(6)))
    with pytest.raises(InterventionInputError, match="outcome"):
        service.add_intervention(person_id, _support(unit, 5, ended_on=unit.today))
    first = service.add_intervention(person_id, _support(unit, 20))
    second = service.add_intervention(person_id, _support(unit, 10, kind=Kind.DIVERSIONARY))
    changed = service.update_intervention(second, _support(unit, 10, kind=Kind.EDUCATION_SUPPORT))
    assert changed == ["kind"]
    assert (
        service.update_intervention(second, _support(unit, 10, kind=Kind.EDUCATION_SUPPORT)) == []
    )
    service.close_intervention(first, unit.today, " Back in school full time ")
    with pytest.raises(InterventionInputError, match="already ended"):
        service.close_intervention(first, unit.today, "Again")
    rows = service.interventions(person_id)
    assert [(r.id, r.kind, r.is_enforcement) for r in rows] == [
        (second, Kind.EDUCATION_SUPPORT, False),
        (first, Kind.MENTORING, False),
    ]
    assert (rows[1].ended_on, rows[1].outcome) == (unit.today, "Back in school full time")
    assert rows[1].owner == rows[1].created_by == "Test Gangs worker"
    [closed] = unit.audit(actions.INTERVENTION_CLOSED)
    assert (closed.entity_id, closed.fields) == (str(first), "ended_on,outcome")
    [updated] = [r for r in unit.audit(actions.UPDATE) if r.entity_type == "intervention"]
    assert updated.fields == "kind"


@pytest.mark.parametrize(
    "role", [r for r in Role if r not in (Role.COORDINATOR, Role.ENFORCEMENT_OFFICER)]
)
def test_only_coordinator_and_enforcement_officer_record_enforcement(
    unit: Unit, add_account: AddAccount, role: Role
) -> None:
    known = {Role.GANGS_WORKER: unit.worker, Role.FAMILY_THERAPIST: unit.therapist}
    user = known.get(role) or add_account(role)
    person_id = unit.person(unit.worker, user)
    for kind in sorted(k for k in Kind if k.is_enforcement):
        enforcement = InterventionInput(kind, unit.today, rationale="Support refused")
        with pytest.raises(PermissionDeniedError):
            unit.interventions(user).add_intervention(person_id, enforcement, "Urgent")
    assert unit.interventions(unit.coordinator).interventions(person_id) == []


def test_enforcement_needs_a_rationale_and_support_first_or_a_reason_why_not(
    unit: Unit,
) -> None:
    person_id = unit.person(unit.worker, unit.officer)
    officer = unit.interventions(unit.officer)
    letter = InterventionInput(Kind.WARNING_LETTER, unit.today, owner_id=unit.officer.account_id)
    with pytest.raises(InterventionInputError, match="last resort"):
        officer.add_intervention(person_id, letter)
    letter.rationale = "Repeated ASB on the estate after warnings"
    assert officer.support_before(person_id) == []
    with pytest.raises(InterventionInputError, match="No support is recorded"):
        officer.add_intervention(person_id, letter)
    letter_id = officer.add_intervention(
        person_id, letter, no_prior_support_reason="Refused every offer of support"
    )
    [row] = officer.interventions(person_id)
    assert row.id == letter_id and row.is_enforcement
    assert row.rationale == (
        "Repeated ASB on the estate after warnings\n\n"
        f"{NO_PRIOR_SUPPORT_HEADING} Refused every offer of support"
    )
    [audited] = unit.audit(actions.ENFORCEMENT_RECORDED)
    assert audited.entity_id == str(letter_id) and "ASB" not in audited.fields


def test_the_support_offered_before_enforcement_is_shown(unit: Unit) -> None:
    person_id = unit.person(unit.worker, unit.officer)
    worker, officer = unit.interventions(unit.worker), unit.interventions(unit.officer)
    mentoring = worker.add_intervention(
        person_id, _support(unit, 60, ended_on=unit.today - timedelta(10), outcome="Disengaged")
    )
    exit_support = worker.add_intervention(person_id, _support(unit, 30, kind=Kind.GANG_EXIT))
    later = worker.add_intervention(person_id, _support(unit, 2, kind=Kind.DIVERSIONARY))
    before = officer.support_before(person_id, unit.today - timedelta(5))
    assert [(s.id, s.kind, s.outcome) for s in before] == [
        (mentoring, Kind.MENTORING, "Disengaged"),
        (exit_support, Kind.GANG_EXIT, ""),
    ]
    assert before[0].ended_on == unit.today - timedelta(10)
    assert before[0].owner == "Test Gangs worker"
    assert later in {s.id for s in officer.support_before(person_id)}
    abc = InterventionInput(
        Kind.ABC, unit.today - timedelta(5), rationale="Support tried; harm continuing"
    )
    abc_id = officer.add_intervention(person_id, abc)  # support came first: no reason needed
    # Enforcement is never counted as support, and a worker cannot change it.
    assert abc_id not in {s.id for s in officer.support_before(person_id)}
    with pytest.raises(PermissionDeniedError):
        worker.close_intervention(abc_id, unit.today, "Complied")
    with pytest.raises(PermissionDeniedError):
        worker.update_intervention(later, _support(unit, 2, kind=Kind.CBO, rationale="x"))
    officer.close_intervention(abc_id, unit.today, "Complied with the contract")


def test_enforcement_officer_reaches_only_allocated_cases(unit: Unit) -> None:
    person_id = unit.person(unit.worker)
    officer = unit.interventions(unit.officer)
    letter = InterventionInput(Kind.WARNING_LETTER, unit.today, rationale="Harm continuing")
    with pytest.raises(RecordNotFoundError):
        officer.add_intervention(person_id, letter, "None offered")
    with pytest.raises(RecordNotFoundError):
        officer.support_before(person_id)


# ---- tasks -------------------------------------------------------------------------------
def test_tasks_are_added_completed_and_reopened(unit: Unit) -> None:
    person_id = unit.person(unit.worker)
    tasks = unit.tasks(unit.worker)
    me = unit.worker.account_id
    with pytest.raises(TaskInputError, match="what needs doing"):
        tasks.add_task(person_id, " ", me)
    with pytest.raises(TaskInputError, match="already passed"):
        tasks.add_task(person_id, "Call school", me, unit.today - timedelta(1))
    # The therapist is not on this case, so could not open a task on it.
    with pytest.raises(TaskInputError, match="someone who can open"):
        tasks.add_task(person_id, "Family session", unit.therapist.account_id)
    later = tasks.add_task(person_id, "Book MACE slot", me, unit.today + timedelta(5))
    undated = tasks.add_task(person_id, "Find a boxing club", me)
    sooner = tasks.add_task(person_id, "Call school", me, unit.today + timedelta(1), "About lunch")
    tasks.complete(later)
    with pytest.raises(TaskInputError, match="already done"):
        tasks.complete(later)
    assert [t.id for t in tasks.tasks(person_id)] == [sooner, undated, later]
    assert [t.id for t in tasks.tasks(person_id, include_done=False)] == [sooner, undated]
    assert tasks.tasks(person_id)[2].done_at == unit.clock.now()
    tasks.reopen(later)
    with pytest.raises(TaskInputError, match="still open"):
        tasks.reopen(later)
    assert [t.id for t in tasks.tasks(person_id)] == [sooner, later, undated]
    assert [r.entity_id for r in unit.audit(actions.TASK_COMPLETED)] == [str(later)]
    assert [r.entity_id for r in unit.audit(actions.TASK_REOPENED)] == [str(later)]


@pytest.mark.parametrize(
    ("role", "error"),
    [(Role.FAMILY_THERAPIST, RecordNotFoundError), (Role.ANALYST, PermissionDeniedError)],
)
def test_tasks_and_interventions_are_closed_to_roles_without_the_record(
    unit: Unit, add_account: AddAccount, role: Role, error: type[Exception]
) -> None:
    person_id = unit.person(unit.worker)
    task_id = unit.tasks(unit.worker).add_task(person_id, "Visit", unit.worker.account_id)
    support_id = unit.interventions(unit.worker).add_intervention(person_id, _support(unit, 3))
    user = unit.therapist if role is Role.FAMILY_THERAPIST else add_account(role)
    tasks, interventions = unit.tasks(user), unit.interventions(user)
    for call in (
        lambda: tasks.add_task(person_id, "Snoop", user.account_id),
        lambda: tasks.tasks(person_id),
        lambda: tasks.complete(task_id),
        lambda: interventions.add_intervention(person_id, _support(unit, 1)),
        lambda: interventions.interventions(person_id),
        lambda: interventions.close_intervention(support_id, unit.today, "Done"),
        lambda: interventions.support_before(person_id),
    ):
        with pytest.raises(error):
            call()
    if role is Role.ANALYST:
        with pytest.raises(PermissionDeniedError):
            tasks.my_work()


# ---- my work -----------------------------------------------------------------------------
def test_my_work_for_a_gangs_worker(unit: Unit) -> None:
    me, them = unit.worker, unit.coordinator
    risk = RiskService(unit.signed_in.vault.sessions, them, unit.clock)
    t0 = unit.today
    red = unit.person(me)
    amber_allocated = unit.person(them, me)
    green = unit.person(me)
    unrated = unit.person(me)
    closed = unit.person(me)
    someone_elses = unit.person(them)
    risk.set_rag(red, Rag.RED, "Threats online", t0 + timedelta(3))
    risk.set_rag(amber_allocated, Rag.AMBER, "Missing at weekends", t0 + timedelta(2))
    risk.set_rag(green, Rag.GREEN, "Settled", t0 + timedelta(1))
    StatusService(unit.signed_in.vault.sessions, them, unit.clock).change_status(
        closed,
        CaseStatus.CLOSED,
        "Moved away",
        "Transferred",
        ClosureReason.MOVED_AWAY,
        ClosureOutcome.NO_CHANGE,
    )
    mine = unit.tasks(me)
    overdue = mine.add_task(red, "Home visit", me.account_id, t0 + timedelta(1))
    this_week = mine.add_task(someone_elses, "Cover visit", me.account_id, t0 + timedelta(5))
    mine.add_task(red, "Next month", me.account_id, t0 + timedelta(10))
    mine.add_task(red, "Sometime", me.account_id)
    mine.add_task(red, "Theirs", them.account_id, t0 + timedelta(1))
    mine.complete(mine.add_task(green, "Done already", me.account_id, t0 + timedelta(1)))
    unit.clock.advance(2 * DAY)

    work = mine.my_work()
    assert work.today == t0 + timedelta(2)
    assert [c.person_id for c in work.cases] == [red, amber_allocated, green, unrated]
    assert [c.is_key_worker for c in work.cases] == [True, False, True, True]
    assert [(rag, [c.person_id for c in cases]) for rag, cases in work.cases_by_rag()] == [
        (Rag.RED, [red]),
        (Rag.AMBER, [amber_allocated]),
        (Rag.GREEN, [green]),
        (None, [unrated]),
    ]
    assert all(c.status is CaseStatus.REFERRED for c in work.cases)
    assert [(t.id, t.person_id, t.overdue) for t in work.overdue_tasks] == [(overdue, red, True)]
    assert [t.id for t in work.tasks_due_this_week] == [this_week]
    assert work.tasks_due_this_week[0].case_reference.startswith("IGX-")
    # Reviews only where I am key worker: the missed one first.
    assert [(r.person_id, r.overdue) for r in work.reviews_due] == [(green, True), (red, False)]


@pytest.fixture
def statements(coordinator: tuple[SignedIn, str]) -> Iterator[list[str]]:
    engine = coordinator[0].vault.engine
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    yield seen
    event.remove(engine, "before_cursor_execute", count)


def test_my_work_issues_the_same_statements_however_much_work_there_is(
    unit: Unit, statements: list[str]
) -> None:
    me = unit.worker
    tasks = unit.tasks(me)
    risk = RiskService(unit.signed_in.vault.sessions, me, unit.clock)

    def add_cases(count: int) -> None:
        for _ in range(count):
            person_id = unit.person(me)
            risk.set_rag(person_id, Rag.RED, "High", unit.today + timedelta(1))
            tasks.add_task(person_id, "Visit", me.account_id, unit.today + timedelta(2))
            tasks.add_task(person_id, "Call", me.account_id, unit.today)

    add_cases(1)
    statements.clear()
    small = tasks.my_work()
    small_count = len(statements)
    add_cases(25)
    statements.clear()
    large = tasks.my_work()
    assert (len(small.cases), len(large.cases)) == (1, 26)
    assert len(large.tasks_due_this_week) == 52 and len(large.reviews_due) == 26
    assert len(statements) == small_count
    assert sum(s.lstrip().upper().startswith("SELECT") for s in statements) == 2
