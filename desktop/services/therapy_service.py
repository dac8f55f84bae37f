"""Family therapy cases and their sessions: the household from the caseload, the therapist,
the model of work, and who came to each session.

The coordinator manages every therapy case; a family therapist manages their own. Session notes
(signing, addenda, confidential process notes) are in therapy_note_service.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.models.accounts import Account, Role
from desktop.models.choices import ContactKind
from desktop.models.network import Contact
from desktop.models.people import YoungPerson
from desktop.models.therapy import (
    TherapyCase,
    TherapyCaseContact,
    TherapyCasePerson,
)
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import age_on
from desktop.services.permissions import PermissionDeniedError, Section, require_section
from desktop.services.record_access import RecordNotFoundError, get_person, visible_people
from desktop.services.therapy_access import MANAGERS, get_case, household_closed
from desktop.services.therapy_household import case_members
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
from desktop.services.therapy_sessions import TherapySessions

__all__ = [
    "CaseInput",
    "case_members",
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


class TherapyService(TherapySessions):
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
            case = get_case(session, self._user, case_id, self._clock.now())
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
            case = get_case(session, self._user, case_id, self._clock.now())
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
            .where(~household_closed(self._user, self._clock.now()))
            .order_by(TherapyCase.ended_on.is_not(None), TherapyCase.id.desc())
        )
        if self._user.role is not Role.COORDINATOR:
            query = query.where(TherapyCase.therapist_id == self._user.account_id)
        with self._sessions.begin() as session:
            cases = session.execute(query).all()
            listed = query.with_only_columns(TherapyCase.id).order_by(None)
            families = _young_people_by_case(session, listed)
            return [
                CaseRow(
                    case.id,
                    therapist,
                    case.model_of_work,
                    ", ".join(families.get(case.id, [])),
                    case.started_on,
                    case.ended_on,
                )
                for case, therapist in cases
            ]

    def members(self, case_id: int) -> list[MemberRow]:
        with self._sessions.begin() as session:
            case = get_case(session, self._user, case_id, self._clock.now())
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
                    .where(visible_people(self._user, self._clock.now()))
                    .order_by(YoungPerson.given_sort, YoungPerson.family_sort, YoungPerson.id)
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

    def _keep_unreachable(
        self, session: Session, current: CaseInput, details: CaseInput
    ) -> CaseInput:
        """Young people on the case whose records this user cannot open (no longer allocated
        to them) were never offered in the form: they and their family stay on the case."""
        reachable = set(
            session.execute(
                select(YoungPerson.id).where(
                    YoungPerson.id.in_(current.young_person_ids),
                    visible_people(self._user, self._clock.now()),
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
            pid if pid in kept else get_person(session, self._user, pid, self._clock.now()).id
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


def _name(session: Session, account_id: int) -> str:
    return session.execute(
        select(Account.display_name).where(Account.id == account_id)
    ).scalar_one()


def _young_people_by_case(session: Session, case_ids: Select[int]) -> dict[int, list[str]]:
    """The young people's names of every case listed, in one statement (not two per case),
    each case's in the order case_members gives them."""
    names: dict[int, list[str]] = {}
    rows = session.execute(
        select(TherapyCasePerson.case_id, YoungPerson.given_name, YoungPerson.family_name)
        .join(YoungPerson, YoungPerson.id == TherapyCasePerson.young_person_id)
        .where(TherapyCasePerson.case_id.in_(case_ids))
        .order_by(TherapyCasePerson.case_id, YoungPerson.id)
    )
    for case_id, given_name, family_name in rows:
        names.setdefault(case_id, []).append(f"{given_name} {family_name}")
    return names
