"""Demo consents and decisions to share: a few young people on open cases with the consents a
unit would hold (to school, to children's social care), decisions to share without consent
(for a strategy meeting, to find a missing child), one consent withdrawn and one lapsed.

Recorded through the sharing service as the coordinator would have, with its clock set to the
day each was recorded (as demo_meetings does), so its rules hold."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.choices import CaseStatus, LawfulBasis, SharingKind
from desktop.models.people import YoungPerson
from desktop.services.current_user import CurrentUser
from desktop.services.demo_therapy import ReplayClock
from desktop.services.sharing_service import SharingInput, SharingService

OPEN = (CaseStatus.ASSESSMENT, CaseStatus.ACTIVE, CaseStatus.MONITORING)


@dataclass(frozen=True)
class _Plan:
    """One consent or decision: how long ago, and whether (and when) it was withdrawn."""

    kind: SharingKind
    basis: LawfulBasis
    given_by: str
    agency: str
    scope: str
    days_ago: int
    review_days: int | None = 365
    withdrawn_days_ago: int | None = None
    withdrawal_reason: str = ""


# Per young person, in turn (the first few open cases).
PLANS: tuple[tuple[_Plan, ...], ...] = (
    (
        _Plan(
            SharingKind.CONSENT,
            LawfulBasis.CONSENT,
            "The young person and their mother",
            "School",
            "Attendance, behaviour and the safety plan, to keep them in education.",
            120,
        ),
        _Plan(
            SharingKind.DECISION,
            LawfulBasis.PUBLIC_TASK,
            "Team manager, IGXU",
            "",
            "Risk, concerns and the plan, for the multi-agency meetings about exploitation.",
            90,
            review_days=180,
        ),
    ),
    (
        _Plan(
            SharingKind.CONSENT,
            LawfulBasis.CONSENT,
            "Their father (parental responsibility)",
            "Children's social care",
            "The assessment and the plan, for the child in need review.",
            200,
            withdrawn_days_ago=30,
            withdrawal_reason="Father withdrew consent by phone after the last review meeting.",
        ),
        _Plan(
            SharingKind.DECISION,
            LawfulBasis.LEGAL_OBLIGATION,
            "Coordinator, IGXU",
            "Children's social care",
            "Safeguarding concerns, for the section 47 enquiry (Children Act 1989).",
            25,
            review_days=None,
        ),
    ),
    (
        _Plan(
            SharingKind.DECISION,
            LawfulBasis.VITAL_INTERESTS,
            "Coordinator, IGXU",
            "Police",
            "Recent whereabouts, associates and phone number, while the young person is missing.",
            12,
            review_days=None,
            withdrawn_days_ago=9,
            withdrawal_reason="Found safe; the missing episode ended.",
        ),
        _Plan(
            SharingKind.CONSENT,
            LawfulBasis.CONSENT,
            "The young person",
            "Health",
            "Sexual health and substance use referrals, with the school nurse.",
            60,
        ),
    ),
    (
        _Plan(
            SharingKind.CONSENT,
            LawfulBasis.CONSENT,
            "The young person and their carer",
            "Youth justice",
            "Progress with mentoring, for the referral order panel.",
            400,
            review_days=365,  # lapsed: past its review date, not renewed
        ),
    ),
)


def add_sharing(
    sessions: sessionmaker[Session], coordinator: CurrentUser, clock: Clock, seed: int
) -> int:
    """Adds the demo's consents and decisions; returns how many were recorded."""
    now = clock.now()
    with sessions.begin() as session:
        people = list(
            session.execute(
                select(YoungPerson.id)
                .where(YoungPerson.status.in_(OPEN))
                .order_by(YoungPerson.id)
                .offset(seed % 3)
                .limit(len(PLANS))
            ).scalars()
        )
    replay = ReplayClock(clock)
    service = SharingService(sessions, coordinator, replay)
    count = 0
    for person_id, plans in zip(people, PLANS, strict=False):
        for plan in plans:
            day = now.date() - timedelta(days=plan.days_ago)
            replay.set(datetime.combine(day, time(15), UTC))
            review = day + timedelta(days=plan.review_days) if plan.review_days else None
            decision_id = service.record(
                person_id,
                SharingInput(
                    plan.kind, plan.basis, plan.given_by, day, plan.agency, plan.scope, review
                ),
            )
            count += 1
            if plan.withdrawn_days_ago is not None:
                ended = now.date() - timedelta(days=plan.withdrawn_days_ago)
                replay.set(datetime.combine(ended, time(11), UTC))
                service.withdraw(decision_id, ended, plan.withdrawal_reason)
    return count
