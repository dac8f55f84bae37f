"""What disposing of each kind of record removes: every row that belongs to it, children first.

Ids are read before anything is deleted (a later step must not lose its rows to an earlier
one); every foreign key to young_people and contacts is covered here, as a test checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import QueryableAttribute, Session

from desktop.models.case_status import StatusChange
from desktop.models.choices import RecordKind
from desktop.models.chronology import ChronologyEntry, ChronologyRevision
from desktop.models.coaching import (
    Barrier,
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
    RideOutPerson,
)
from desktop.models.contextual import GroupLink, PlaceLink
from desktop.models.data_protection import (
    BreakGlassAccess,
    LegalHold,
    RecordRestriction,
    RestrictionLift,
    RestrictionMember,
    RetentionDecision,
    SarItemReview,
    SarRedaction,
    SharingDecision,
    SubjectAccessRequest,
)
from desktop.models.drafts import Draft
from desktop.models.interventions import Intervention
from desktop.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingAttendee,
    MeetingItem,
    MeetingPerson,
)
from desktop.models.missing import MissingEpisode
from desktop.models.network import Contact, PersonLink
from desktop.models.people import Address, Alias, Allocation, ExternalReference, YoungPerson
from desktop.models.referrals import Referral
from desktop.models.risk import Flag, RagRating
from desktop.models.tasks import Task
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

K = RecordKind
# Signed notes and addenda are guarded by triggers that refuse any deletion (migration 0003):
# disposal alone lifts them, inside its own transaction, and puts them back before it commits.
GUARD_TRIGGERS = ("session_notes_signed_delete", "note_addenda_delete")


@dataclass(frozen=True)
class Removal:
    """Delete the rows of model whose column holds one of values (and that match also)."""

    what: str
    model: Any  # the mapped class
    column: QueryableAttribute[Any]
    values: Sequence[Any]
    also: ColumnElement[bool] | None = None


@dataclass
class DisposalPlan:
    kind: RecordKind
    record_id: int
    removals: list[Removal] = field(default_factory=list)
    # Every record that goes (the record itself, and those that go with it): holds on any of
    # them stop the disposal.
    records: list[tuple[RecordKind, int]] = field(default_factory=list)
    # Sentences for the confirmation: what goes with it, and what stays.
    notes: list[str] = field(default_factory=list)
    needs_guard_lifted: bool = False

    def add(
        self,
        what: str,
        column: QueryableAttribute[Any],
        values: Sequence[Any],
        also: ColumnElement[bool] | None = None,
    ) -> None:
        # Kept even with no values (nothing to delete then): the plan lists every table a
        # record reaches, which a test checks against the schema's foreign keys.
        self.removals.append(Removal(what, column.class_, column, list(values), also))


def _ids(
    session: Session, column: QueryableAttribute[int], where: ColumnElement[bool]
) -> list[int]:
    return list(session.execute(select(column).where(where)).scalars())


def _record_rows(plan: DisposalPlan, kind: RecordKind, ids: Sequence[int]) -> None:
    """Review decisions and lifted holds kept about the records (their reasons may name them)."""
    plan.records += [(kind, record_id) for record_id in ids]
    plan.add(
        "review decisions", RetentionDecision.record_id, ids, RetentionDecision.record_kind == kind
    )
    plan.add(
        "lifted legal holds",
        LegalHold.record_id,
        ids,
        and_(LegalHold.record_kind == kind, LegalHold.lifted_at.is_not(None)),
    )


def _therapy(session: Session, plan: DisposalPlan, case_ids: Sequence[int]) -> None:
    sessions = _ids(session, TherapySession.id, TherapySession.case_id.in_(case_ids))
    notes = _ids(session, SessionNote.id, SessionNote.session_id.in_(sessions))
    plan.needs_guard_lifted = plan.needs_guard_lifted or bool(notes)
    plan.add("note addenda", NoteAddendum.note_id, notes)
    plan.add("session notes", SessionNote.id, notes)
    plan.add("SCORE-15 measures", OutcomeMeasure.session_id, sessions)
    plan.add("attendance records", SessionAttendance.session_id, sessions)
    plan.add("therapy sessions", TherapySession.id, sessions)
    plan.add("family members in therapy", TherapyCaseContact.case_id, case_ids)
    plan.add("young people in therapy", TherapyCasePerson.case_id, case_ids)
    _record_rows(plan, K.THERAPY_CASE, case_ids)
    plan.add("family therapy cases", TherapyCase.id, case_ids)


def _coaching(session: Session, plan: DisposalPlan, plan_ids: Sequence[int]) -> None:
    goals = _ids(session, CoachingGoal.id, CoachingGoal.plan_id.in_(plan_ids))
    plan.add("goal actions", GoalAction.goal_id, goals)
    plan.add("coaching goals", CoachingGoal.id, goals)
    plan.add("barriers", Barrier.plan_id, plan_ids)
    plan.add("coaching sessions", CoachingSession.plan_id, plan_ids)
    plan.add("milestones", Milestone.plan_id, plan_ids)
    plan.add("plan reviews", PlanReview.plan_id, plan_ids)
    _record_rows(plan, K.COACHING_PLAN, plan_ids)
    plan.add("coaching plans", CoachingPlan.id, plan_ids)


def _requests(plan: DisposalPlan, request_ids: Sequence[int]) -> None:
    plan.add("redactions", SarRedaction.request_id, request_ids)
    plan.add("item reviews", SarItemReview.request_id, request_ids)
    _record_rows(plan, K.SUBJECT_ACCESS_REQUEST, request_ids)
    plan.add("subject access requests", SubjectAccessRequest.id, request_ids)


def _meeting(plan: DisposalPlan, ids: Sequence[int]) -> None:
    plan.add("attendees", MeetingAttendee.meeting_id, ids)
    plan.add("young people discussed", MeetingPerson.meeting_id, ids)
    plan.add("agenda items", MeetingItem.meeting_id, ids)
    plan.add("meeting actions", MeetingAction.meeting_id, ids)
    _record_rows(plan, K.MEETING, ids)
    plan.add("meetings", Meeting.id, ids)


def _incident(plan: DisposalPlan, ids: Sequence[int]) -> None:
    plan.add("young people affected", IncidentPerson.incident_id, ids)
    plan.add("support offered", IncidentSupport.incident_id, ids)
    plan.add("follow-up actions", IncidentAction.incident_id, ids)
    _record_rows(plan, K.CRITICAL_INCIDENT, ids)
    plan.add("critical incidents", CriticalIncident.id, ids)


def _case_record(session: Session, plan: DisposalPlan, person_id: int) -> None:
    me = [person_id]
    entries = _ids(session, ChronologyEntry.id, ChronologyEntry.young_person_id == person_id)
    contacts = _ids(session, Contact.id, Contact.young_person_id == person_id)
    draft_keys = [f"person:{person_id}", f"chronology:{person_id}:new"]
    draft_keys += [f"chronology:entry:{entry}" for entry in entries]
    plan.add("unsaved drafts", Draft.form_key, draft_keys)

    memberships = _ids(
        session, TherapyCasePerson.case_id, TherapyCasePerson.young_person_id == person_id
    )
    others = set(
        _ids(
            session,
            TherapyCasePerson.case_id,
            and_(
                TherapyCasePerson.case_id.in_(memberships),
                TherapyCasePerson.young_person_id != person_id,
            ),
        )
    )
    sole = [case for case in memberships if case not in others]
    shared = [case for case in memberships if case in others]
    if sole:
        plan.notes.append(
            f"Family therapy cases where they are the only young person go with it, sessions, "
            f"notes and measures and all ({len(sole)})."
        )
    _therapy(session, plan, sole)
    if shared:
        plan.notes.append(
            f"They are taken out of {_count(len(shared), 'family therapy case')} shared with "
            "other young people (their attendance and measures go; the sessions and notes stay "
            "with the other young people)."
        )
    plan.add("therapy attendance", SessionAttendance.young_person_id, me)
    plan.add("therapy measures", OutcomeMeasure.young_person_id, me)
    plan.add("therapy memberships", TherapyCasePerson.young_person_id, me)
    plan.add("family members' attendance", SessionAttendance.contact_id, contacts)
    plan.add("family members' measures", OutcomeMeasure.contact_id, contacts)
    plan.add("family members in therapy", TherapyCaseContact.contact_id, contacts)

    plans = _ids(session, CoachingPlan.id, CoachingPlan.young_person_id == person_id)
    if plans:
        plan.notes.append(f"Their coaching plans go with it ({len(plans)}).")
    _coaching(session, plan, plans)
    plan.add("education and work history", EetSpell.young_person_id, me)

    requests = _ids(
        session,
        SubjectAccessRequest.id,
        (SubjectAccessRequest.young_person_id == person_id)
        | SubjectAccessRequest.contact_id.in_(contacts),
    )
    if requests:
        plan.notes.append(f"Subject access requests about them go with it ({len(requests)}).")
    _requests(plan, requests)

    plan.add("meeting actions about them", MeetingAction.young_person_id, me)
    plan.add("meetings they were discussed at (the link only)", MeetingPerson.young_person_id, me)
    plan.add("ride-out sightings", RideOutPerson.young_person_id, me)
    plan.add("critical incident links", IncidentPerson.young_person_id, me)
    plan.add("tasks", Task.young_person_id, me)
    plan.add("sharing decisions", SharingDecision.young_person_id, me)
    plan.add("break-glass openings", BreakGlassAccess.young_person_id, me)
    plan.add("restriction members", RestrictionMember.young_person_id, me)
    plan.add("restrictions", RecordRestriction.young_person_id, me)
    plan.add("lifted restrictions", RestrictionLift.young_person_id, me)
    plan.add("earlier versions of chronology entries", ChronologyRevision.entry_id, entries)
    plan.add("contacts", Contact.id, contacts)
    plan.add("links to other young people", PersonLink.first_id, me)
    plan.add("links to other young people", PersonLink.second_id, me)
    plan.add("peer group links", GroupLink.young_person_id, me)
    plan.add("place links", PlaceLink.young_person_id, me)
    plan.add("missing episodes", MissingEpisode.young_person_id, me)
    plan.add("interventions", Intervention.young_person_id, me)
    plan.add("referrals", Referral.young_person_id, me)
    plan.add("status changes", StatusChange.young_person_id, me)
    plan.add("RAG ratings", RagRating.young_person_id, me)
    plan.add("flags", Flag.young_person_id, me)
    plan.add("addresses", Address.young_person_id, me)
    plan.add("aliases", Alias.young_person_id, me)
    plan.add("other agencies' references", ExternalReference.young_person_id, me)
    plan.add("staff allocations", Allocation.young_person_id, me)
    plan.add("chronology entries", ChronologyEntry.young_person_id, me)
    _record_rows(plan, K.CASE_RECORD, me)
    plan.add("young person's details (names, date of birth, summary)", YoungPerson.id, me)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def plan_disposal(session: Session, kind: RecordKind, record_id: int) -> DisposalPlan:
    plan = DisposalPlan(kind, record_id)
    ids = [record_id]
    if kind is K.CASE_RECORD:
        _case_record(session, plan, record_id)
    elif kind is K.THERAPY_CASE:
        _therapy(session, plan, ids)
    elif kind is K.COACHING_PLAN:
        _coaching(session, plan, ids)
    elif kind is K.MEETING:
        _meeting(plan, ids)
    elif kind is K.CRITICAL_INCIDENT:
        _incident(plan, ids)
    else:
        _requests(plan, ids)
    return plan


# Deleted a slice at a time: SQLite limits how many values one statement may bind.
CHUNK = 500


def chunks(values: Sequence[Any]) -> list[Sequence[Any]]:
    return [values[start : start + CHUNK] for start in range(0, len(values), CHUNK)]


def condition(removal: Removal, values: Sequence[Any]) -> ColumnElement[bool]:
    where = removal.column.in_(values)
    return where if removal.also is None else and_(where, removal.also)
