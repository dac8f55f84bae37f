"""Disposal of each kind of record takes what belongs to it and leaves the rest: a therapy case
with signed notes, a young person in a therapy case shared with a sibling, a coaching plan,
and a meeting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.models.choices import (
    CoachingMode,
    EntryType,
    MeetingKind,
    RecordKind,
    RetentionDecisionKind,
)
from desktop.models.chronology import ChronologyEntry
from desktop.models.coaching import CoachingPlan, CoachingSession
from desktop.models.meetings import Meeting, MeetingItem, MeetingPerson
from desktop.models.network import Contact
from desktop.models.people import YoungPerson
from desktop.models.therapy import (
    NoteAddendum,
    SessionAttendance,
    SessionNote,
    TherapyCase,
    TherapyCasePerson,
)
from desktop.services.chronology_service import ChronologyService, EntryInput
from desktop.services.coaching_records import PlanInput
from desktop.services.coaching_session_records import SessionInput
from desktop.services.coaching_sessions_service import CoachingSessionsService
from desktop.services.current_user import CurrentUser
from desktop.services.disposal_service import DisposalService
from desktop.services.retention_review_service import RetentionReviewService
from desktop.services.therapy_records import CaseInput
from tests.coaching_fixtures import Coaching
from tests.conftest import FakeClock
from tests.retention_seed import case_reference, close_case
from tests.therapy_family import Family, make_note, record_session

K = RecordKind
DISPOSE = RetentionDecisionKind.DISPOSE


def _count(sessions: sessionmaker[Session], model: type[object], *where: object) -> int:
    with sessions.begin() as session:
        return int(
            session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()  # type: ignore[arg-type]
        )


def _dispose(
    sessions: sessionmaker[Session],
    user: CurrentUser,
    clock: FakeClock,
    kind: RecordKind,
    record_id: int,
    typed: str = "DISPOSE",
) -> int:
    RetentionReviewService(sessions, user, clock).decide(kind, record_id, DISPOSE)
    disposal = DisposalService(sessions, user, clock)
    return disposal.dispose(kind, record_id, typed, lambda _: None).rows_removed


def _signed_session(family: Family) -> int:
    session_id = record_session(family)
    notes = family.notes()
    note_id = notes.start_note(session_id, make_note())
    notes.sign_note(note_id)
    notes.add_addendum(note_id, "Later thought")
    return session_id


def test_a_closed_therapy_case_goes_with_its_signed_notes_and_the_family_stays(
    family: Family,
) -> None:
    _signed_session(family)
    therapy = family.therapy()
    therapy.update_case(
        family.case_id,
        CaseInput(
            therapist_id=family.therapist.account_id,
            young_person_ids=(family.son, family.daughter),
            contact_ids=(family.mother,),
            consent_given=True,
            ended_on=family.clock.now().date(),
        ),
    )
    sessions, coordinator = family.signed_in.vault.sessions, family.signed_in.user
    removed = _dispose(sessions, coordinator, family.clock, K.THERAPY_CASE, family.case_id)
    assert removed >= 8
    assert _count(sessions, TherapyCase) == 0
    assert _count(sessions, SessionNote) == 0 and _count(sessions, NoteAddendum) == 0
    assert _count(sessions, YoungPerson) == 2 and _count(sessions, Contact) == 2


def test_a_young_person_leaves_a_shared_therapy_case_and_the_sibling_keeps_it(
    family: Family,
) -> None:
    _signed_session(family)
    sessions, coordinator, clock = (
        family.signed_in.vault.sessions,
        family.signed_in.user,
        family.clock,
    )
    close_case(family.signed_in, clock, family.son)
    preview = DisposalService(sessions, coordinator, clock).preview(K.CASE_RECORD, family.son)
    assert any("taken out of 1 family therapy case" in note for note in preview.notes)
    reference = case_reference(family.signed_in, family.son)
    _dispose(sessions, coordinator, clock, K.CASE_RECORD, family.son, reference)
    assert _count(sessions, TherapyCase) == 1
    assert _count(sessions, SessionNote) == 1  # the case's notes stay with the daughter
    daughter = TherapyCasePerson.young_person_id == family.daughter
    assert _count(sessions, TherapyCasePerson) == _count(sessions, TherapyCasePerson, daughter) == 1
    # The son's attendance and his family contacts' (the mother is a contact on his record) go.
    assert _count(sessions, SessionAttendance, SessionAttendance.young_person_id == family.son) == 0
    assert _count(sessions, SessionAttendance, SessionAttendance.contact_id == family.mother) == 0
    assert _count(sessions, Contact) == 0
    assert _count(sessions, YoungPerson) == 1


def test_a_closed_coaching_plan_goes_and_the_case_record_keeps_its_chronology(
    coaching: Coaching,
) -> None:
    clock = coaching.clock
    sessions = coaching.signed_in.vault.sessions
    plan_id = coaching.plans().create_plan(
        coaching.person_id, PlanInput(coaching.coach.account_id, date(2024, 2, 1))
    )
    CoachingSessionsService(sessions, coaching.coach, clock).record_session(
        plan_id,
        SessionInput(
            clock.now() - timedelta(hours=1), CoachingMode.IN_PERSON, 30, True, "CV written"
        ),
    )
    coaching.plans().close_plan(plan_id, clock.now().date(), "Started work")
    entries = _count(sessions, ChronologyEntry)
    _dispose(sessions, coaching.coordinator, clock, K.COACHING_PLAN, plan_id)
    assert _count(sessions, CoachingPlan) == 0 and _count(sessions, CoachingSession) == 0
    assert _count(sessions, YoungPerson) == 1
    assert _count(sessions, ChronologyEntry) == entries >= 1


def test_a_meeting_falls_due_from_its_date_and_goes_alone(coaching: Coaching) -> None:
    clock = coaching.clock
    sessions, user = coaching.signed_in.vault.sessions, coaching.coordinator
    now = clock.now()
    with sessions.begin() as session:
        meeting = Meeting(
            kind=MeetingKind.MACE,
            held_at=now,
            agenda="Exploitation concerns",
            created_by_id=user.account_id,
            created_at=now,
            updated_at=now,
        )
        session.add(meeting)
        session.flush()
        session.add(MeetingPerson(meeting_id=meeting.id, young_person_id=coaching.person_id))
        session.add(MeetingItem(meeting_id=meeting.id, position=1, title="Concerns"))
        meeting_id = meeting.id
    ChronologyService(sessions, user, clock).add_entry(
        coaching.person_id, EntryInput(now, EntryType.VISIT, "Seen at home")
    )
    clock.set_now(datetime(2031, 3, 20, 10, tzinfo=UTC))
    review = RetentionReviewService(sessions, user, clock)
    assert [(r.kind, r.record_id) for r in review.due(date(2031, 2, 1))] == []
    [due] = review.due(date(2031, 3, 1))
    assert (due.kind, due.record_id, due.due_on) == (K.MEETING, meeting_id, date(2031, 3, 14))
    assert due.label == "MACE panel on 14 Mar 2025"
    _dispose(sessions, user, clock, K.MEETING, meeting_id)
    assert _count(sessions, Meeting) == 0 and _count(sessions, MeetingItem) == 0
    assert _count(sessions, MeetingPerson) == 0
    assert _count(sessions, YoungPerson) == 1 and _count(sessions, ChronologyEntry) == 1
