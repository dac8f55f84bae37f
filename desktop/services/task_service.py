"""Tasks on a case, and each user's "My work": my cases by RAG, overdue tasks, reviews due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, case, exists, or_, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account
from desktop.models.choices import CaseStatus, Rag
from desktop.models.people import Allocation, YoungPerson
from desktop.models.tasks import Task
from desktop.services import actions, audit_chain, meeting_task_sync
from desktop.services.current_user import CurrentUser
from desktop.services.permissions import ROLE_SECTIONS, Section, require_section
from desktop.services.record_access import RecordNotFoundError, get_person, visible_people

# "This week" on the home screen: due today or within the next seven days.
WEEK = timedelta(days=7)
RAG_ORDER = (Rag.RED, Rag.AMBER, Rag.GREEN, None)


class TaskInputError(ValueError):
    """The task form has mistakes; the message lists them."""


@dataclass(frozen=True)
class TaskRow:
    id: int
    person_id: int
    case_reference: str
    person_name: str
    title: str
    detail: str
    owner_id: int
    owner: str
    due_on: date | None
    done_at: datetime | None
    overdue: bool  # open and due before today


@dataclass(frozen=True)
class MyCase:
    person_id: int
    case_reference: str
    name: str
    known_as: str
    status: CaseStatus
    rag: Rag | None
    rag_review_due: date | None
    is_key_worker: bool  # else allocated


@dataclass(frozen=True)
class ReviewDue:
    person_id: int
    case_reference: str
    name: str
    rag: Rag
    review_due: date
    overdue: bool


@dataclass(frozen=True)
class MyWork:
    today: date
    cases: list[MyCase]  # open cases, red first, then amber, green, not rated
    overdue_tasks: list[TaskRow]
    reviews_due: list[ReviewDue]  # within a week, including missed ones
    tasks_due_this_week: list[TaskRow]

    def cases_by_rag(self) -> list[tuple[Rag | None, list[MyCase]]]:
        """The groups for the home screen, red first; empty groups left out."""
        groups = [(rag, [c for c in self.cases if c.rag is rag]) for rag in RAG_ORDER]
        return [(rag, cases) for rag, cases in groups if cases]


class TaskService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    def _today(self) -> date:
        return self._clock.now().date()

    def add_task(
        self,
        person_id: int,
        title: str,
        owner_id: int,
        due_on: date | None = None,
        detail: str = "",
    ) -> int:
        now = self._clock.now()
        title, detail = title.strip(), detail.strip()
        with self._sessions.begin() as session:
            person = get_person(session, self._user, person_id, self._clock.now())
            found = []
            if not title:
                found.append("Say what needs doing.")
            if due_on is not None and due_on < now.date():
                found.append("The due date has already passed.")
            if not can_reach(session, owner_id, person.id, self._clock.now()):
                # A task its owner cannot open would sit on their list unworkable.
                found.append("Give the task to someone who can open this young person's record.")
            if found:
                raise TaskInputError(" ".join(found))
            task = Task(
                young_person_id=person.id,
                title=title,
                detail=detail,
                owner_id=owner_id,
                due_on=due_on,
                created_at=now,
                created_by_id=self._user.account_id,
            )
            session.add(task)
            session.flush()
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.CREATE,
                "task",
                str(task.id),
                [
                    name
                    for name, value in (
                        ("title", title),
                        ("owner_id", owner_id),
                        ("due_on", due_on),
                        ("detail", detail),
                    )
                    if value
                ],
            )
            return task.id

    def complete(self, task_id: int) -> None:
        self._mark(task_id, done=True)

    def reopen(self, task_id: int) -> None:
        self._mark(task_id, done=False)

    def tasks(self, person_id: int, include_done: bool = True) -> list[TaskRow]:
        """Open tasks first by due date (undated last), then done ones, latest done first."""
        with self._sessions.begin() as session:
            get_person(session, self._user, person_id, self._clock.now())
            query = _task_rows().where(Task.young_person_id == person_id)
            if not include_done:
                query = query.where(Task.done_at.is_(None))
            query = query.order_by(
                Task.done_at.is_not(None),
                Task.due_on.is_(None),
                Task.due_on,
                Task.done_at.desc(),
                Task.id,
            )
            return _rows(session, query, self._today())

    def my_work(self) -> MyWork:
        """The home screen in two statements, however many cases and tasks there are."""
        require_section(self._user.role, Section.CASELOAD)
        me = self._user.account_id
        today = self._today()
        horizon = today + WEEK
        allocated = exists().where(
            Allocation.young_person_id == YoungPerson.id, Allocation.account_id == me
        )
        rag_order = case(
            *((YoungPerson.rag == rag, rank) for rank, rag in enumerate(RAG_ORDER[:-1])),
            else_=len(RAG_ORDER),
        )
        cases_query = (
            select(
                YoungPerson.id,
                YoungPerson.case_reference,
                YoungPerson.given_name,
                YoungPerson.family_name,
                YoungPerson.known_as,
                YoungPerson.status,
                YoungPerson.rag,
                YoungPerson.rag_review_due,
                YoungPerson.key_worker_id,
            )
            .where(
                visible_people(self._user, self._clock.now()),
                YoungPerson.status != CaseStatus.CLOSED,
                or_(YoungPerson.key_worker_id == me, allocated),
            )
            # By name as the caseload sorts it (text_folding.name_sort_key).
            .order_by(rag_order, YoungPerson.family_sort, YoungPerson.given_sort, YoungPerson.id)
        )
        tasks_query = (
            _task_rows()
            .where(
                visible_people(self._user, self._clock.now()),
                Task.owner_id == me,
                Task.done_at.is_(None),
                Task.due_on <= horizon,
            )
            .order_by(Task.due_on, Task.id)
        )
        with self._sessions.begin() as session:
            cases = [
                MyCase(
                    r.id,
                    r.case_reference,
                    f"{r.given_name} {r.family_name}",
                    r.known_as,
                    r.status,
                    r.rag,
                    r.rag_review_due,
                    r.key_worker_id == me,
                )
                for r in session.execute(cases_query)
            ]
            tasks = _rows(session, tasks_query, today)
        reviews = sorted(
            (
                ReviewDue(c.person_id, c.case_reference, c.name, c.rag, due, due < today)
                for c in cases
                if c.is_key_worker
                and c.rag is not None
                and (due := c.rag_review_due) is not None
                and due <= horizon
            ),
            key=lambda review: (review.review_due, review.case_reference),
        )
        return MyWork(
            today=today,
            cases=cases,
            overdue_tasks=[t for t in tasks if t.overdue],
            reviews_due=reviews,
            tasks_due_this_week=[t for t in tasks if not t.overdue],
        )

    def _mark(self, task_id: int, done: bool) -> None:
        now = self._clock.now()
        with self._sessions.begin() as session:
            task = session.get(Task, task_id)
            if task is None:
                raise RecordNotFoundError()
            get_person(session, self._user, task.young_person_id, self._clock.now())
            if (task.done_at is not None) == done:
                raise TaskInputError(
                    "This task is already done." if done else "This task is still open."
                )
            task.done_at = now if done else None
            audit_chain.append(
                session,
                now,
                self._user.username,
                actions.TASK_COMPLETED if done else actions.TASK_REOPENED,
                "task",
                str(task.id),
                ["done_at"],
            )
            # A task made by a meeting action closes or reopens that action with it.
            meeting_task_sync.task_marked(session, task, done, now, self._user.username)


def can_reach(session: Session, account_id: int, person_id: int, now: datetime) -> bool:
    """Whether that member of staff could open the record: the same rule as for the user."""
    account = session.get(Account, account_id)
    if account is None or not account.active:
        return False
    if Section.CASELOAD not in ROLE_SECTIONS[account.role]:
        return False
    owner = CurrentUser(account.id, account.username, account.display_name, account.role)
    return (
        session.execute(
            select(YoungPerson.id).where(YoungPerson.id == person_id, visible_people(owner, now))
        ).first()
        is not None
    )


TaskQuery = Select[Task, str, str, str, str]


def _task_rows() -> TaskQuery:
    return (
        select(
            Task,
            YoungPerson.case_reference,
            YoungPerson.given_name,
            YoungPerson.family_name,
            Account.display_name,
        )
        .join(YoungPerson, YoungPerson.id == Task.young_person_id)
        .join(Account, Account.id == Task.owner_id)
    )


def _rows(session: Session, query: TaskQuery, today: date) -> list[TaskRow]:
    return [
        TaskRow(
            id=task.id,
            person_id=task.young_person_id,
            case_reference=reference,
            person_name=f"{given} {family}",
            title=task.title,
            detail=task.detail,
            owner_id=task.owner_id,
            owner=owner,
            due_on=task.due_on,
            done_at=task.done_at,
            overdue=task.done_at is None and task.due_on is not None and task.due_on < today,
        )
        for task, reference, given, family, owner in session.execute(query)
    ]
