"""Passing a safeguarding concern from a therapy note to the young people's cases: a significant
chronology entry on each linked young person's record and a task for their key worker, saying
that a concern was raised in therapy and never what it was."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.accounts import Account, Role
from desktop.models.choices import EntryType
from desktop.models.chronology import ChronologyEntry
from desktop.models.people import YoungPerson
from desktop.models.tasks import Task
from desktop.models.therapy import SessionNote, TherapyCasePerson, TherapySession
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.text_folding import fold_entry

ENTRY_SUMMARY = "Safeguarding concern raised in family therapy"
TASK_TITLE = "Safeguarding concern raised in family therapy: speak to the family therapist"


@dataclass(frozen=True)
class Escalation:
    """What was done for one young person, to show the therapist."""

    young_person_id: int
    name: str
    chronology_entry_id: int
    task_id: int
    task_owner: str
    owner_is_key_worker: bool


def raise_concern(
    session: Session, user: CurrentUser, now: datetime, note: SessionNote
) -> list[Escalation]:
    """Writes the entries and tasks in the caller's transaction and marks the note raised."""
    therapy_session = session.get(TherapySession, note.session_id)
    assert therapy_session is not None  # the note's foreign key guarantees it
    people = session.execute(
        select(YoungPerson)
        .join(TherapyCasePerson, TherapyCasePerson.young_person_id == YoungPerson.id)
        .where(TherapyCasePerson.case_id == therapy_session.case_id)
        .order_by(YoungPerson.id)
    ).scalars()
    session_day = therapy_session.starts_at.astimezone().strftime("%d %B %Y").lstrip("0")
    detail = (
        f"The family therapist recorded a safeguarding concern at a family therapy session on "
        f"{session_day}. Clinical details stay in the therapy record: speak to the therapist."
    )
    done = []
    for person in people:
        entry = ChronologyEntry(
            young_person_id=person.id,
            occurred_at=now,
            entry_type=EntryType.NOTE,
            author_id=user.account_id,
            summary=ENTRY_SUMMARY,
            detail=detail,
            significant=True,
            version=1,
            search_fold=fold_entry(ENTRY_SUMMARY, detail),
            created_at=now,
        )
        owner = _task_owner(session, person)
        task = Task(
            young_person_id=person.id,
            title=TASK_TITLE,
            detail=detail,
            owner_id=owner.id,
            due_on=now.astimezone().date(),
            created_at=now,
            created_by_id=user.account_id,
        )
        session.add_all([entry, task])
        session.flush()
        _audit(session, user, now, actions.CHRONOLOGY_ENTRY_ADDED, "chronology_entry", entry.id)
        _audit(session, user, now, actions.CREATE, "task", task.id)
        done.append(
            Escalation(
                person.id,
                f"{person.given_name} {person.family_name}",
                entry.id,
                task.id,
                owner.display_name,
                owner.id == person.key_worker_id,
            )
        )
    note.safeguarding_raised_at = now
    _audit(session, user, now, actions.SAFEGUARDING_RAISED, "session_note", note.id)
    return done


def _task_owner(session: Session, person: YoungPerson) -> Account:
    """The key worker; with none (or one no longer active), the longest-serving coordinator, so
    the concern never waits on nobody."""
    if person.key_worker_id is not None:
        worker = session.get(Account, person.key_worker_id)
        if worker is not None and worker.active:
            return worker
    return session.execute(
        select(Account)
        .where(Account.role == Role.COORDINATOR, Account.active.is_(True))
        .order_by(Account.id)
        .limit(1)
    ).scalar_one()


def _audit(
    session: Session, user: CurrentUser, now: datetime, action: str, entity: str, entity_id: int
) -> None:
    audit_chain.append(session, now, user.username, action, entity, str(entity_id), [])
