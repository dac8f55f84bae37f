"""The family therapy, employment coaching, meeting and community records of the subject access
test's young person, each with its canary (see sar_seed)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from desktop.models.choices import (
    ActionOwner,
    ActionStatus,
    BarrierStatus,
    CoachingMode,
    EetActivity,
    GoalStatus,
    IncidentKind,
    MeetingKind,
    MilestoneKind,
    NoteFormat,
    SessionLocation,
    SessionOutcome,
    SupportKind,
    TherapyModel,
)
from desktop.models.coaching import (
    Barrier,
    BarrierType,
    CoachingGoal,
    CoachingPlan,
    CoachingSession,
    EetSpell,
    GoalAction,
    Milestone,
    PlanReview,
)
from desktop.models.community import (
    CriticalIncident,
    IncidentAction,
    IncidentPerson,
    IncidentSupport,
    RideOut,
    RideOutPerson,
)
from desktop.models.meetings import Meeting, MeetingAction, MeetingItem, MeetingPerson
from desktop.models.therapy import (
    NoteAddendum,
    OutcomeMeasure,
    SessionAttendance,
    SessionNote,
    TherapyCase,
    TherapyCaseContact,
    TherapyCasePerson,
    TherapySession,
)

# The therapist's process notes: never in any export.
PROCESS_CANARY = f"PROCESS-{uuid.uuid4().hex[:10]}"


def therapy(
    session: Session, c: dict[str, str], pid: int, mother_id: int, staff: int, now: datetime
) -> None:
    case = TherapyCase(
        therapist_id=staff,
        model_of_work=TherapyModel.SYSTEMIC,
        goals=c["therapy_cases"],
        created_at=now,
    )
    session.add(case)
    session.flush()
    session.add_all(
        [
            TherapyCasePerson(case_id=case.id, young_person_id=pid),
            TherapyCaseContact(case_id=case.id, contact_id=mother_id),
        ]
    )
    row = TherapySession(
        case_id=case.id,
        number=1,
        starts_at=now,
        minutes=60,
        location=SessionLocation.HOME_VISIT,
        outcome=SessionOutcome.ATTENDED,
        created_at=now,
    )
    session.add(row)
    session.flush()
    session.add_all(
        [
            SessionAttendance(session_id=row.id, young_person_id=pid, attended=True),
            SessionAttendance(session_id=row.id, contact_id=mother_id, attended=True),
        ]
    )
    note = SessionNote(
        session_id=row.id,
        author_id=staff,
        note_format=NoteFormat.STRUCTURED,
        sections={"presenting": "Arguments at home"},
        body=c["session_notes"],
        shareable_summary="Engaged well.",
        process_notes=PROCESS_CANARY,
        risk_concern=False,
        created_at=now,
        saved_at=now,
    )
    session.add(note)
    session.flush()
    session.add(
        NoteAddendum(
            note_id=note.id,
            author_id=staff,
            text=c["note_addenda"],
            signed_at=now,
            content_hash="0" * 64,
        )
    )
    session.add(
        OutcomeMeasure(
            session_id=row.id,
            young_person_id=pid,
            version="SCORE-15",
            item_scores=[3] * 15,
            recorded_at=now,
            recorded_by_id=staff,
        )
    )
    session.flush()


def coaching(session: Session, c: dict[str, str], pid: int, staff: int, now: datetime) -> None:
    today = now.date()
    plan = CoachingPlan(
        young_person_id=pid,
        coach_id=staff,
        started_on=today,
        aspirations=c["coaching_plans"],
        created_at=now,
        updated_at=now,
    )
    session.add(plan)
    barrier_type = BarrierType(code="sar_test", label="Test barrier")
    session.add(barrier_type)
    session.flush()
    goal = CoachingGoal(
        plan_id=plan.id,
        description=c["coaching_goals"],
        target_on=today,
        status=GoalStatus.ACTIVE,
        created_at=now,
        updated_at=now,
    )
    session.add(goal)
    session.flush()
    session.add_all(
        [
            EetSpell(
                young_person_id=pid,
                activity=EetActivity.NEET,
                started_on=today,
                provider=c["eet_spells"],
                recorded_at=now,
                recorded_by_id=staff,
            ),
            Barrier(
                plan_id=plan.id,
                barrier_type_id=barrier_type.id,
                status=BarrierStatus.OPEN,
                detail=c["barriers"],
                created_at=now,
                updated_at=now,
            ),
            GoalAction(
                goal_id=goal.id,
                description=c["goal_actions"],
                owner=ActionOwner.COACH,
                status=ActionStatus.TO_DO,
                created_at=now,
                updated_at=now,
            ),
            CoachingSession(
                plan_id=plan.id,
                held_at=now,
                mode=CoachingMode.IN_PERSON,
                minutes=45,
                attended=True,
                what_was_done=c["coaching_sessions"],
                recorded_by_id=staff,
                created_at=now,
            ),
            Milestone(
                plan_id=plan.id,
                kind=MilestoneKind.CV_WRITTEN,
                achieved_on=today,
                detail=c["milestones"],
                recorded_by_id=staff,
                created_at=now,
            ),
            PlanReview(
                plan_id=plan.id,
                reviewed_on=today,
                summary=c["plan_reviews"],
                next_review_on=today,
                reviewed_by_id=staff,
                created_at=now,
            ),
        ]
    )
    session.flush()


def meetings_and_community(
    session: Session, c: dict[str, str], pid: int, staff: int, now: datetime
) -> None:
    today = now.date()
    meeting = Meeting(
        kind=MeetingKind.MACE,
        held_at=now,
        agenda=c["meetings"],
        created_by_id=staff,
        created_at=now,
        updated_at=now,
    )
    ride = RideOut(
        started_at=now,
        area="Northside",
        concerns=c["ride_out_people"],
        recorded_by_id=staff,
        created_at=now,
        updated_at=now,
    )
    incident = CriticalIncident(
        occurred_on=today,
        area="Northside",
        kind=IncidentKind.STABBING,
        summary=c["critical_incidents"],
        created_by_id=staff,
        created_at=now,
        updated_at=now,
    )
    session.add_all([meeting, ride, incident])
    session.flush()
    session.add_all(
        [
            MeetingPerson(meeting_id=meeting.id, young_person_id=pid),
            MeetingItem(
                meeting_id=meeting.id, position=1, title="Jordan", discussion=c["meeting_items"]
            ),
            MeetingAction(
                meeting_id=meeting.id,
                description=c["meeting_actions"],
                status=ActionStatus.TO_DO,
                young_person_id=pid,
                created_at=now,
                updated_at=now,
            ),
            RideOutPerson(ride_out_id=ride.id, young_person_id=pid),
            IncidentPerson(incident_id=incident.id, young_person_id=pid),
            IncidentSupport(
                incident_id=incident.id,
                kind=SupportKind.VISIT,
                offered_on=today,
                description=c["incident_support"],
            ),
            IncidentAction(
                incident_id=incident.id,
                description=c["incident_actions"],
                status=ActionStatus.TO_DO,
                created_at=now,
                updated_at=now,
            ),
        ]
    )
    session.flush()
