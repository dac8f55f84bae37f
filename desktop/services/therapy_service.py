"""Family therapy cases and their sessions: the household from the caseload, the therapist,
the model of work, and who came to each session.

The coordinator manages every therapy case; a family therapist manages their own. Session notes
(signing, addenda, confidential process notes) are in therapy_note_service.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.models.choices import ContactKind, SessionOutcome
from desktop.models.network import Contact
from desktop.models.people import YoungPerson
from desktop.models.therapy import (
    SessionAttendance,
    SessionNote,
    TherapyCase,
    TherapyCaseContact,
    TherapyCasePerson,
    TherapySession,
)
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import age_on
from desktop.services.permissions import PermissionDeniedError, Section, require_section
from desktop.services.record_access import RecordNotFoundError, get_person, visible_people
from desktop.services.therapy_access import MANAGERS, get_case, get_session
from desktop.services.therapy_records import (
    CaseInput,
    CaseRow,
    CaseView,
    FamilyContactChoice,
    HouseholdChoice,
    Member,
    MemberRow,
    SessionInput,
    SessionRow,
    TherapyInputError,
)

__all__ = [
    "CaseInput",
    "CaseRow",
    "CaseView",
    "FamilyContactChoice",
    "HouseholdChoice",
    "Member",
    "MemberRow",
    "RecordNotFoundError",
    "SessionInput",
    "SessionRow",
    "TherapyInputError",
    "TherapyService",
]

CASE_FIELDS = (
    "therapist_id",
    "model_of_work",
    "referred_on",
    "referral_reason",
    "consent_given",
    "consent_recorded_on",
    "goals",
    "started_on",
    "ended_on",
    "closing_summary",
)


class TherapyService:
    def __init__(self, sessions: sessionmaker[Session], user: CurrentUser, clock: Clock) -> None:
        self._sessions = sessions
        self._user = user
        self._clock = clock

    # ---- cases ---------------------------------------------------------------------------
    def create_case(self, details: CaseInput) -> int:
        self._check(details)
        with self._sessions.begin() as session:
            _check_therapist(session, self._user, details.therapist_id)
            case = TherapyCase(created_at=self._clock.now())
            _apply(case, details)
            session.add(case)
            session.flush()
            self._set_household(session, case.id, details)
            self._audit(
                session, actions.THERAPY_CASE_CREATED, "therapy_case", case.id, _filled(details)
            )
            return case.id

    def update_case(self, case_id: int, details: CaseInput) -> list[str]:
        """Saves the case; returns the names of the fields that changed."""
        self._check(details)
        with self._sessions.begin() as session:
            case = get_case(session, self._user, case_id)
            current = _details(session, case)
            details = self._keep_unreachable(session, current, details)
            changed = [
                name
                for name in (*CASE_FIELDS, "young_person_ids", "contact_ids")
                if getattr(current, name) != getattr(details, name)
            ]
            if not changed:
                return []
            if "therapist_id" in changed:
                _check_therapist(session, self._user, details.therapist_id)
            _apply(case, details)
            if {"young_person_ids", "contact_ids"} & set(changed):
                session.execute(
                    delete(TherapyCasePerson).where(TherapyCasePerson.case_id == case.id)
                )
                session.execute(
                    delete(TherapyCaseContact).where(TherapyCaseContact.case_id == case.id)
                )
                self._set_household(session, case.id, details, frozenset(current.young_person_ids))
            self._audit(session, actions.THERAPY_CASE_UPDATED, "therapy_case", case.id, changed)
            return changed

    def case(self, case_id: int) -> CaseView:
        with self._sessions.begin() as session:
            case = get_case(session, self._user, case_id)
            return CaseView(
                case.id,
                case.therapist_id,
                _name(session, case.therapist_id),
                _details(session, case),
                case_members(session, case.id),
                case.created_at,
            )

    def cases(self) -> list[CaseRow]:
        """The coordinator's every case, a therapist's own; open cases first, newest first."""
        require_section(self._user.role, Section.FAMILY_THERAPY)
        query = (
            select(TherapyCase, Account.display_name)
            .join(Account, Account.id == TherapyCase.therapist_id)
            .order_by(TherapyCase.ended_on.is_not(None), TherapyCase.id.desc())
        )
        if self._user.role is not Role.COORDINATOR:
            query = query.where(TherapyCase.therapist_id == self._user.account_id)
        with self._sessions.begin() as session:
            rows = []
            for case, therapist in session.execute(query):
                family = ", ".join(
                    row.name
                    for row in case_members(session, case.id)
                    if row.member.kind == "young_person"
                )
                rows.append(
                    CaseRow(
                        case.id,
                        therapist,
                        case.model_of_work,
                        family,
                        case.started_on,
                        case.ended_on,
                    )
                )
            return rows

    def members(self, case_id: int) -> list[MemberRow]:
        with self._sessions.begin() as session:
            case = get_case(session, self._user, case_id)
            return case_members(session, case.id)

    def household_choices(self) -> list[HouseholdChoice]:
        """The young people this user may reach, by name, each with the family contacts on
        their record: who can be chosen as a therapy case's household."""
        self._require_manager()
        today = self._clock.now().date()
        with self._sessions.begin() as session:
            people = list(
                session.execute(
                    select(YoungPerson)
                    .where(visible_people(self._user))
                    .order_by(YoungPerson.given_name, YoungPerson.family_name, YoungPerson.id)
                ).scalars()
            )
            contacts: dict[int, list[FamilyContactChoice]] = {}
            for contact in session.execute(
                select(Contact)
                .where(
                    Contact.kind == ContactKind.FAMILY,
                    Contact.young_person_id.in_([p.id for p in people]),
                )
                .order_by(Contact.id)
            ).scalars():
                contacts.setdefault(contact.young_person_id, []).append(
                    FamilyContactChoice(
                        contact.id, contact.name, contact.relationship, contact.lives_with
                    )
                )
            return [
                HouseholdChoice(
                    p.id,
                    p.case_reference,
                    f"{p.given_name} {p.family_name}",
                    age_on(p.date_of_birth, today),
                    contacts.get(p.id, []),
                )
                for p in people
            ]

    def therapist_choices(self) -> list[tuple[int, str]]:
        """Who a case can be given to: for the coordinator every active family therapist, for
        a therapist themselves alone."""
        self._require_manager()
        query = (
            select(Account.id, Account.display_name)
            .where(Account.active, Account.role == Role.FAMILY_THERAPIST)
            .order_by(Account.display_name)
        )
        if self._user.role is not Role.COORDINATOR:
            query = query.where(Account.id == self._user.account_id)
        with self._sessions.begin() as session:
            return [(row.id, row.display_name) for row in session.execute(query)]

    # ---- sessions ------------------------------------------------------------------------
    def record_session(self, case_id: int, details: SessionInput) -> int:
        """Records a session (numbered in order of recording) with every member's attendance."""
        self._check_session(details)
        with self._sessions.begin() as session:
            case = get_case(session, self._user, case_id)
            _check_attendance(session, case.id, details)
            number = session.execute(
                select(func.coalesce(func.max(TherapySession.number), 0)).where(
                    TherapySession.case_id == case.id
                )
            ).scalar_one()
            row = TherapySession(
                case_id=case.id,
                number=number + 1,
                starts_at=details.starts_at,
                minutes=details.minutes,
                location=details.location,
                outcome=details.outcome,
                created_at=self._clock.now(),
            )
            session.add(row)
            session.flush()
            _add_attendance(session, row.id, details)
            fields = ["starts_at", "minutes", "location", "outcome", "number"]
            if details.attendance:
                fields.append("attendance")
            self._audit(
                session, actions.THERAPY_SESSION_RECORDED, "therapy_session", row.id, fields
            )
            return row.id

    def update_session(self, session_id: int, details: SessionInput) -> list[str]:
        """Saves a session again (a scheduled one is later recorded as attended, with who
        came); returns the names of the fields that changed. Its number never changes."""
        self._check_session(details)
        with self._sessions.begin() as session:
            row = get_session(session, self._user, session_id)
            _check_attendance(session, row.case_id, details)
            current = _session_details(session, row)
            changed = [
                name
                for name in ("starts_at", "minutes", "location", "outcome", "attendance")
                if getattr(current, name) != getattr(details, name)
            ]
            if not changed:
                return []
            if "starts_at" in changed and _has_signed_note(session, row.id):
                # A signed note's late-entry mark is measured from the session's time.
                raise TherapyInputError(
                    "This session's note is signed, so its date and time can no longer change."
                )
            row.starts_at = details.starts_at
            row.minutes = details.minutes
            row.location = details.location
            row.outcome = details.outcome
            if "attendance" in changed:
                session.execute(
                    delete(SessionAttendance).where(SessionAttendance.session_id == row.id)
                )
                _add_attendance(session, row.id, details)
            # No action of its own in services.actions yet: the generic update, named by entity.
            self._audit(
                session, actions.THERAPY_SESSION_UPDATED, "therapy_session", row.id, changed
            )
            return changed

    def session_details(self, session_id: int) -> SessionInput:
        """A session as it was saved, with every member's attendance, to edit it."""
        with self._sessions.begin() as session:
            return _session_details(session, get_session(session, self._user, session_id))

    def sessions(self, case_id: int) -> list[SessionRow]:
        """The case's sessions in order, with who came and who did not."""
        with self._sessions.begin() as session:
            case = get_case(session, self._user, case_id)
            names = {row.member: row.name for row in case_members(session, case.id)}
            rows = session.execute(
                select(TherapySession)
                .where(TherapySession.case_id == case.id)
                .order_by(TherapySession.number)
            ).scalars()
            result = []
            for row in rows:
                attended, absent = _attendance(session, row.id, names)
                result.append(
                    SessionRow(
                        row.id,
                        row.case_id,
                        row.number,
                        row.starts_at,
                        row.minutes,
                        row.location,
                        row.outcome,
                        attended,
                        absent,
                    )
                )
            return result

    # ---- helpers -------------------------------------------------------------------------
    def _require_manager(self) -> None:
        require_section(self._user.role, Section.FAMILY_THERAPY)
        if self._user.role not in MANAGERS:
            raise PermissionDeniedError("manage therapy cases")

    def _check(self, details: CaseInput) -> None:
        self._require_manager()
        found = details.problems()
        if found:
            raise TherapyInputError(" ".join(found))

    def _check_session(self, details: SessionInput) -> None:
        found = details.problems()
        if (
            details.starts_at > self._clock.now()
            and details.outcome is not SessionOutcome.SCHEDULED
        ):
            found.append("A session still to come can only be recorded as scheduled.")
        if found:
            raise TherapyInputError(" ".join(found))

    def _keep_unreachable(
        self, session: Session, current: CaseInput, details: CaseInput
    ) -> CaseInput:
        """Young people on the case whose records this user cannot open (no longer allocated
        to them) were never offered in the form: they and their family stay on the case."""
        reachable = set(
            session.execute(
                select(YoungPerson.id).where(
                    YoungPerson.id.in_(current.young_person_ids), visible_people(self._user)
                )
            ).scalars()
        )
        hidden = [pid for pid in current.young_person_ids if pid not in reachable]
        if not hidden:
            return details
        hidden_contacts = set(
            session.execute(
                select(Contact.id).where(
                    Contact.id.in_(current.contact_ids), Contact.young_person_id.in_(hidden)
                )
            ).scalars()
        )
        return replace(
            details,
            young_person_ids=(*details.young_person_ids, *hidden),
            contact_ids=(*details.contact_ids, *sorted(hidden_contacts - set(details.contact_ids))),
        )

    def _set_household(
        self, session: Session, case_id: int, details: CaseInput, kept: frozenset[int] = frozenset()
    ) -> None:
        """Links the young people (each record must be open to this user, apart from those
        `kept` from before) and family contacts recorded on those young people's records."""
        people = {
            pid if pid in kept else get_person(session, self._user, pid).id
            for pid in details.young_person_ids
        }
        for person_id in sorted(people):
            session.add(TherapyCasePerson(case_id=case_id, young_person_id=person_id))
        for contact_id in sorted(set(details.contact_ids)):
            contact = session.get(Contact, contact_id)
            if contact is None or contact.young_person_id not in people:
                raise TherapyInputError(
                    "A family member chosen is not on a linked young person's record."
                )
            if contact.kind is not ContactKind.FAMILY:
                raise TherapyInputError("Only family contacts can be household members.")
            session.add(TherapyCaseContact(case_id=case_id, contact_id=contact_id))

    def _audit(
        self, session: Session, action: str, entity: str, entity_id: int, names: Iterable[str]
    ) -> None:
        audit_chain.append(
            session,
            self._clock.now(),
            self._user.username,
            action,
            entity,
            str(entity_id),
            list(names),
        )


def _check_attendance(session: Session, case_id: int, details: SessionInput) -> None:
    household = {row.member for row in case_members(session, case_id)}
    if set(details.attendance) - household:
        raise TherapyInputError("Attendance names someone who is not in this family.")


def _add_attendance(session: Session, session_id: int, details: SessionInput) -> None:
    for member, attended in details.attendance.items():
        session.add(
            SessionAttendance(
                session_id=session_id,
                young_person_id=member.id if member.kind == "young_person" else None,
                contact_id=member.id if member.kind == "contact" else None,
                attended=attended,
            )
        )


def _session_details(session: Session, row: TherapySession) -> SessionInput:
    marks = session.execute(
        select(SessionAttendance).where(SessionAttendance.session_id == row.id)
    ).scalars()
    return SessionInput(
        starts_at=row.starts_at,
        minutes=row.minutes,
        location=row.location,
        outcome=row.outcome,
        attendance={_member_of(mark): mark.attended for mark in marks},
    )


def _member_of(mark: SessionAttendance) -> Member:
    if mark.young_person_id is not None:
        return Member("young_person", mark.young_person_id)
    return Member("contact", mark.contact_id or 0)


def _has_signed_note(session: Session, session_id: int) -> bool:
    found = session.execute(
        select(SessionNote.id).where(
            SessionNote.session_id == session_id, SessionNote.signed_at.is_not(None)
        )
    ).first()
    return found is not None


def _check_therapist(session: Session, user: CurrentUser, therapist_id: int) -> None:
    if user.role is Role.FAMILY_THERAPIST and therapist_id != user.account_id:
        raise PermissionDeniedError("give a therapy case to another therapist")
    account = session.get(Account, therapist_id)
    if account is None or account.role is not Role.FAMILY_THERAPIST or not account.active:
        raise TherapyInputError("The therapist chosen is not an active family therapist.")


def _apply(case: TherapyCase, details: CaseInput) -> None:
    for name in CASE_FIELDS:
        value: Any = getattr(details, name)
        setattr(case, name, value.strip() if isinstance(value, str) else value)


def _details(session: Session, case: TherapyCase) -> CaseInput:
    people = session.execute(
        select(TherapyCasePerson.young_person_id)
        .where(TherapyCasePerson.case_id == case.id)
        .order_by(TherapyCasePerson.young_person_id)
    ).scalars()
    contacts = session.execute(
        select(TherapyCaseContact.contact_id)
        .where(TherapyCaseContact.case_id == case.id)
        .order_by(TherapyCaseContact.contact_id)
    ).scalars()
    return CaseInput(
        **{name: getattr(case, name) for name in CASE_FIELDS},
        young_person_ids=tuple(people),
        contact_ids=tuple(contacts),
    )


def _filled(details: CaseInput) -> list[str]:
    names = [
        name
        for name in CASE_FIELDS
        if getattr(details, name) not in (None, "", False) or name == "model_of_work"
    ]
    names.append("young_person_ids")
    if details.contact_ids:
        names.append("contact_ids")
    return names


def case_members(session: Session, case_id: int) -> list[MemberRow]:
    """The household: the young people, then the family contacts, in the order linked."""
    people = session.execute(
        select(YoungPerson)
        .join(TherapyCasePerson, TherapyCasePerson.young_person_id == YoungPerson.id)
        .where(TherapyCasePerson.case_id == case_id)
        .order_by(YoungPerson.id)
    ).scalars()
    contacts = session.execute(
        select(Contact)
        .join(TherapyCaseContact, TherapyCaseContact.contact_id == Contact.id)
        .where(TherapyCaseContact.case_id == case_id)
        .order_by(Contact.id)
    ).scalars()
    return [
        MemberRow(Member("young_person", p.id), f"{p.given_name} {p.family_name}", "Young person")
        for p in people
    ] + [MemberRow(Member("contact", c.id), c.name, c.relationship) for c in contacts]


def _attendance(
    session: Session, session_id: int, names: dict[Member, str]
) -> tuple[list[str], list[str]]:
    attended: list[str] = []
    absent: list[str] = []
    rows = session.execute(
        select(SessionAttendance).where(SessionAttendance.session_id == session_id)
    ).scalars()
    for row in rows:
        (attended if row.attended else absent).append(names.get(_member_of(row), "Former member"))
    return attended, absent


def _name(session: Session, account_id: int) -> str:
    return session.execute(
        select(Account.display_name).where(Account.id == account_id)
    ).scalar_one()
