"""Subject access items from data protection itself: consent and sharing decisions, the record's
restriction and break-glass openings, and the subject's earlier subject access requests."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from desktop.models.data_protection import (
    BreakGlassAccess,
    RecordRestriction,
    RestrictionLift,
    SharingDecision,
    SubjectAccessRequest,
)
from desktop.services import sar_items as s
from desktop.services.sar_items import SarItem, text_of, when

Staff = Mapping[int, str]


def sharing_items(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    rows = select(SharingDecision).where(SharingDecision.young_person_id == pid)
    return [
        SarItem(
            f"sharing_decisions:{row.id}",
            s.SHARING,
            row.kind.label,
            row.decided_on,
            f"{row.kind.label}: {row.agency or 'any agency in the plan'}",
            text_of(
                [
                    ("Kind", row.kind.label),
                    ("Lawful basis", row.lawful_basis.label),
                    ("Given or made by", row.given_by),
                    ("Agency", row.agency or "Any agency in the plan"),
                    ("Date", when(row.decided_on)),
                    ("Review", when(row.review_on)),
                    ("Withdrawn", when(row.withdrawn_on)),
                    ("Recorded by", staff.get(row.recorded_by_id, "")),
                ],
                [("Scope", row.scope), ("Why it was withdrawn", row.withdrawal_reason)],
            ),
        )
        for row in session.execute(rows).scalars()
    ]


def restriction_items(session: Session, pid: int, staff: Staff) -> list[SarItem]:
    items = []
    restriction = session.get(RecordRestriction, pid)
    if restriction is not None:
        items.append(
            SarItem(
                f"record_restrictions:{pid}",
                s.RESTRICTION,
                "Record restriction",
                s.day(restriction.restricted_at),
                "Your record is open only to named staff",
                text_of(
                    [
                        ("Since", when(restriction.restricted_at)),
                        ("Restricted by", staff.get(restriction.restricted_by_id, "")),
                    ],
                    [("Reason", restriction.reason)],
                ),
            )
        )
    lifts = select(RestrictionLift).where(RestrictionLift.young_person_id == pid)
    for lift in session.execute(lifts).scalars():
        items.append(
            SarItem(
                f"restriction_lifts:{lift.id}",
                s.RESTRICTION,
                "Record restriction lifted",
                s.day(lift.lifted_at),
                "An earlier restriction of your record was lifted",
                text_of(
                    [
                        ("Restricted from", when(lift.restricted_at)),
                        ("Lifted", when(lift.lifted_at)),
                        ("Lifted by", staff.get(lift.lifted_by_id, "")),
                    ],
                    [("Why it was lifted", lift.reason)],
                ),
            )
        )
    openings = select(BreakGlassAccess).where(BreakGlassAccess.young_person_id == pid)
    for row in session.execute(openings).scalars():
        items.append(
            SarItem(
                f"break_glass_access:{row.id}",
                s.RESTRICTION,
                "Restricted record opened",
                s.day(row.opened_at),
                "Restricted record opened by staff not named on it",
                text_of(
                    [("When", when(row.opened_at)), ("By", staff.get(row.account_id, ""))],
                    [("Reason given", row.reason)],
                ),
            )
        )
    return items


def earlier_requests(
    session: Session, subject: ColumnElement[bool], current_id: int
) -> list[SarItem]:
    rows = select(SubjectAccessRequest).where(subject, SubjectAccessRequest.id != current_id)
    return [
        SarItem(
            f"subject_access_requests:{row.id}",
            s.EARLIER,
            "Subject access request",
            row.received_on,
            f"Subject access request received {when(row.received_on)}",
            text_of(
                [
                    ("Received", when(row.received_on)),
                    ("Requested by", row.requested_by),
                    ("Due", when(row.due_on)),
                    ("Status", row.status.label),
                    ("Completed", when(row.completed_on)),
                ],
                [("Notes", row.notes)],
            ),
        )
        for row in session.execute(rows).scalars()
    ]
