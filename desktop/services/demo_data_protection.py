"""Demo data protection work, so the section has something to show at a first look: a subject
access request due within the week, one answered three years ago (past the two years the
schedule keeps them, so due for its retention review), and a record restricted to named staff
that a gangs worker opened by break glass.

Recorded through the services as the coordinator and the worker would have, with the clock set
to the day each happened (as demo_meetings does), so their rules hold."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.choices import CaseStatus, SarStatus
from desktop.models.coaching import CoachingPlan
from desktop.models.data_protection import SharingDecision
from desktop.models.meetings import MeetingPerson
from desktop.models.people import YoungPerson
from desktop.models.therapy import TherapyCasePerson
from desktop.services.current_user import CurrentUser
from desktop.services.demo_therapy import ReplayClock
from desktop.services.restriction_service import RestrictionService
from desktop.services.subject_access_service import SarRequestInput, SubjectAccessService

OPEN = (CaseStatus.ASSESSMENT, CaseStatus.ACTIVE, CaseStatus.MONITORING)
# Received this long ago: a calendar month gives the unit about a week left.
REQUEST_DAYS_AGO = 24
# The answered request: received and sent this long ago (the schedule keeps them two years).
ANSWERED_DAYS_AGO = (3 * 365 + 40, 3 * 365 + 15)


def add_data_protection(
    sessions: sessionmaker[Session], coordinator: CurrentUser, worker: CurrentUser, clock: Clock
) -> None:
    now = clock.now()
    with sessions.begin() as session:
        quiet = _quiet_open_cases(session, worker.account_id)
    if len(quiet) < 2:
        return
    requested, restricted = quiet[0], quiet[1]
    replay = ReplayClock(clock)
    requests = SubjectAccessService(sessions, coordinator, replay)

    received_days, sent_days = ANSWERED_DAYS_AGO
    # Each is recorded on the day identity was checked, two days after it arrived.
    replay.set(now - timedelta(days=received_days - 2))
    received = replay.now().date() - timedelta(days=2)
    answered = requests.create(
        _request(requested.id, received, "The young person's mother, by letter")
    )
    replay.set(now - timedelta(days=sent_days))
    requests.set_status(answered, SarStatus.SENT)

    replay.set(now - timedelta(days=REQUEST_DAYS_AGO - 2))
    received = replay.now().date() - timedelta(days=2)
    requests.create(_request(requested.id, received, "The young person, by email"))

    replay.set(now - timedelta(days=40))
    RestrictionService(sessions, coordinator, replay).restrict(
        restricted.id,
        "A relative of a member of staff: closed to the staff who work with them.",
        [coordinator.account_id, *([restricted.key_worker_id] if restricted.key_worker_id else [])],
    )
    # Two days ago: the opening has lapsed, so the worker sees the record closed again.
    replay.set(now - timedelta(days=2))
    RestrictionService(sessions, worker, replay).break_glass(
        restricted.case_reference,
        "Police called out of hours about a missing episode and the key worker is on leave.",
    )


def _quiet_open_cases(session: Session, worker_id: int) -> list[YoungPerson]:
    """Open cases not in therapy, coaching, meetings or sharing (the other demos use those),
    whose key worker is not the demo gangs worker (who must not be named to break glass)."""
    busy = (
        exists().where(TherapyCasePerson.young_person_id == YoungPerson.id),
        exists().where(CoachingPlan.young_person_id == YoungPerson.id),
        exists().where(MeetingPerson.young_person_id == YoungPerson.id),
        exists().where(SharingDecision.young_person_id == YoungPerson.id),
    )
    query = (
        select(YoungPerson)
        .where(YoungPerson.status.in_(OPEN), *(~clause for clause in busy))
        .where(YoungPerson.key_worker_id.is_distinct_from(worker_id))
        .order_by(YoungPerson.id)
        .limit(2)
    )
    return list(session.execute(query).scalars())


def _request(person_id: int, received: date, requested_by: str) -> SarRequestInput:
    return SarRequestInput(
        young_person_id=person_id,
        contact_id=None,
        requested_by=requested_by,
        received_on=received,
        identity_checked_on=received + timedelta(days=2),
        identity_evidence="Provisional driving licence seen at the office",
        include_access_report=True,
        notes="Asked for everything the unit holds since the referral.",
    )
