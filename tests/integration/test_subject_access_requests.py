"""Subject access requests: the one-calendar-month deadline, warnings as the clock moves,
validation, who may deal with them, and an audit trail that holds ids, never names."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.choices import SarStatus
from desktop.models.data_protection import RecordRestriction, RestrictionMember
from desktop.services import actions
from desktop.services.network_service import ContactInput, NetworkService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.sign_in_service import SignedIn
from desktop.services.subject_access_service import (
    DUE_SOON_DAYS,
    SarRequestError,
    SarRequestInput,
    SubjectAccessService,
    due_date,
)
from tests.conftest import AddAccount, FakeClock

DAY = 86400
TODAY = date(2025, 3, 14)  # FIXED_NOW's date


@pytest.fixture
def signed_in(coordinator: tuple[SignedIn, str]) -> SignedIn:
    return coordinator[0]


@pytest.fixture
def sars(signed_in: SignedIn, clock: FakeClock) -> SubjectAccessService:
    return SubjectAccessService(signed_in.vault.sessions, signed_in.user, clock)


@pytest.fixture
def person_id(signed_in: SignedIn, clock: FakeClock) -> int:
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    return people.create(PersonDetails("Zoë", "Okonkwo", date_of_birth=date(2009, 5, 3)))


@pytest.fixture
def mother_id(signed_in: SignedIn, clock: FakeClock, person_id: int) -> int:
    network = NetworkService(signed_in.vault.sessions, signed_in.user, clock)
    return network.add_contact(person_id, ContactInput(name="Grace Okonkwo", relationship="mother"))


def request_for(person_id: int, received_on: date = TODAY, **changes: object) -> SarRequestInput:
    data = SarRequestInput(
        young_person_id=person_id,
        contact_id=None,
        requested_by="",
        received_on=received_on,
        identity_checked_on=None,
        identity_evidence="",
        include_access_report=False,
        notes="",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


# ---- the deadline ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2025, 1, 31), date(2025, 2, 28)),
        (date(2024, 1, 31), date(2024, 2, 29)),  # a leap year
        (date(2025, 11, 30), date(2025, 12, 30)),
        (date(2025, 12, 31), date(2026, 1, 31)),  # into the next year
        (date(2025, 3, 31), date(2025, 4, 30)),
        (date(2025, 3, 14), date(2025, 4, 14)),
    ],
)
def test_due_date_is_one_calendar_month_or_the_last_day_of_a_shorter_month(
    received: date, due: date
) -> None:
    assert due_date(received) == due


def test_a_new_request_is_due_a_month_after_receipt_and_listed(
    sars: SubjectAccessService, person_id: int
) -> None:
    request_id = sars.create(request_for(person_id, date(2025, 3, 10), requested_by="Her mum"))
    [row] = sars.requests()
    assert (row.id, row.subject_kind, row.subject_name) == (
        request_id,
        "young_person",
        "Zoë Okonkwo",
    )
    assert (row.requested_by, row.due_on, row.status) == (
        "Her mum",
        date(2025, 4, 10),
        SarStatus.RECEIVED,
    )
    assert row.days_left == 27
    assert row.warning == "Identity not checked"


def test_warnings_follow_the_clock(
    sars: SubjectAccessService, person_id: int, clock: FakeClock
) -> None:
    checked = {"identity_checked_on": TODAY, "identity_evidence": "Passport"}
    request_id = sars.create(request_for(person_id, date(2025, 3, 10), **checked))  # due 10/04
    assert sars.request(request_id).warning == ""
    clock.set_now(datetime(2025, 4, 10 - DUE_SOON_DAYS - 1, 9, tzinfo=UTC))
    assert sars.request(request_id).warning == ""
    clock.advance(DAY)
    assert sars.request(request_id).warning == f"Due in {DUE_SOON_DAYS} days"
    clock.set_now(datetime(2025, 4, 9, 9, tzinfo=UTC))
    assert sars.request(request_id).warning == "Due in 1 day"
    clock.advance(DAY)
    assert sars.request(request_id).warning == "Due today"
    clock.advance(DAY)
    assert (sars.request(request_id).days_left, sars.request(request_id).warning) == (
        -1,
        "Overdue by 1 day",
    )
    clock.advance(2 * DAY)
    assert sars.request(request_id).warning == "Overdue by 3 days"
    sars.set_status(request_id, SarStatus.SENT)
    row = sars.request(request_id)
    assert (row.status, row.warning) == (SarStatus.SENT, "")
    assert sars.details(request_id).completed_on == date(2025, 4, 13)


def test_an_overdue_request_without_identity_says_both(
    sars: SubjectAccessService, person_id: int
) -> None:
    request_id = sars.create(request_for(person_id, date(2025, 2, 1)))  # due 01/03
    assert sars.request(request_id).warning == "Overdue by 13 days · Identity not checked"


# ---- validation --------------------------------------------------------------------------
def test_validation_says_what_is_wrong_and_saves_nothing(
    sars: SubjectAccessService, person_id: int
) -> None:
    with pytest.raises(SarRequestError, match="date received is in the future"):
        sars.create(request_for(person_id, date(2025, 3, 15)))
    with pytest.raises(SarRequestError, match="evidence of identity"):
        sars.create(request_for(person_id, identity_checked_on=TODAY))
    with pytest.raises(SarRequestError, match="date identity was checked, or clear"):
        sars.create(request_for(person_id, identity_evidence="Passport"))
    with pytest.raises(SarRequestError, match="identity was checked is in the future"):
        future = date(2025, 3, 20)
        sars.create(request_for(person_id, identity_checked_on=future, identity_evidence="ID"))
    with pytest.raises(SarRequestError, match="Choose who the request is about"):
        sars.create(request_for(person_id, young_person_id=None))
    with pytest.raises(RecordNotFoundError):
        sars.create(request_for(person_id + 99))
    assert sars.requests(include_closed=True) == []


def test_the_deadline_cannot_be_moved_later_but_an_earlier_receipt_can_be_corrected(
    sars: SubjectAccessService, person_id: int
) -> None:
    request_id = sars.create(request_for(person_id, date(2025, 3, 10)))
    with pytest.raises(SarRequestError, match="cannot be moved later than 10/04/2025"):
        sars.update(request_id, request_for(person_id, date(2025, 3, 12)))
    sars.update(request_id, request_for(person_id, date(2025, 3, 3), notes="By email"))
    details = sars.details(request_id)
    assert (details.row.received_on, details.row.due_on) == (date(2025, 3, 3), date(2025, 4, 3))
    assert details.data.notes == "By email"


def test_sending_needs_identity_checked_and_a_closed_request_stays_closed(
    sars: SubjectAccessService, person_id: int
) -> None:
    request_id = sars.create(request_for(person_id))
    with pytest.raises(SarRequestError, match="Check the requester's identity"):
        sars.set_status(request_id, SarStatus.SENT)
    sars.set_status(request_id, SarStatus.IN_REVIEW)
    sars.update(
        request_id,
        request_for(person_id, identity_checked_on=TODAY, identity_evidence="Birth certificate"),
    )
    sars.set_status(request_id, SarStatus.SENT)
    with pytest.raises(SarRequestError, match="sent cannot be marked withdrawn"):
        sars.set_status(request_id, SarStatus.WITHDRAWN)
    with pytest.raises(SarRequestError, match="closed"):
        sars.update(request_id, request_for(person_id, notes="late change"))
    assert sars.requests() == []
    assert [row.id for row in sars.requests(include_closed=True)] == [request_id]


def test_withdrawn_requests_leave_the_open_list(sars: SubjectAccessService, person_id: int) -> None:
    first = sars.create(request_for(person_id, date(2025, 3, 1)))
    second = sars.create(request_for(person_id, date(2025, 2, 20)))
    assert [row.id for row in sars.requests()] == [second, first]  # soonest deadline first
    sars.set_status(second, SarStatus.WITHDRAWN)
    assert [row.id for row in sars.requests()] == [first]
    assert sars.details(second).completed_on is None


# ---- subjects ----------------------------------------------------------------------------
def test_subjects_are_found_by_folded_name_young_people_first(
    sars: SubjectAccessService, person_id: int, mother_id: int
) -> None:
    found = sars.find_subjects("okonkwo")
    assert [(s.kind, s.id) for s in found] == [("young_person", person_id), ("contact", mother_id)]
    assert found[0].detail.endswith("· born 03/05/2009")
    assert found[1].detail.startswith("Mother of IGX-")
    assert [s.name for s in sars.find_subjects("zoe OKON")] == ["Zoë Okonkwo"]
    assert sars.find_subjects("   ") == []


def test_a_request_about_a_family_member(sars: SubjectAccessService, mother_id: int) -> None:
    request_id = sars.create(
        request_for(0, young_person_id=None, contact_id=mother_id, requested_by="Herself")
    )
    details = sars.details(request_id)
    assert (details.subject.kind, details.subject.name) == ("contact", "Grace Okonkwo")
    assert details.row.subject_name == "Grace Okonkwo"
    with pytest.raises(SarRequestError, match="subject cannot be changed"):
        sars.update(request_id, request_for(details.subject.id))


# ---- permissions and audit ---------------------------------------------------------------
@pytest.mark.parametrize("role", [Role.GANGS_WORKER, Role.FAMILY_THERAPIST, Role.ANALYST])
def test_only_the_coordinator_deals_with_requests(
    signed_in: SignedIn,
    sars: SubjectAccessService,
    person_id: int,
    add_account: AddAccount,
    clock: FakeClock,
    role: Role,
) -> None:
    request_id = sars.create(request_for(person_id))
    other = SubjectAccessService(signed_in.vault.sessions, add_account(role), clock)
    for call in (
        lambda: other.requests(),
        lambda: other.find_subjects("Zoe"),
        lambda: other.create(request_for(person_id)),
        lambda: other.request(request_id),
        lambda: other.set_status(request_id, SarStatus.WITHDRAWN),
    ):
        with pytest.raises(PermissionDeniedError):
            call()
    assert [row.id for row in sars.requests()] == [request_id]


def test_the_audit_names_ids_and_fields_never_people_or_what_was_typed(
    signed_in: SignedIn, sars: SubjectAccessService, person_id: int
) -> None:
    request_id = sars.create(
        request_for(
            person_id,
            requested_by="Solicitor Quentin Blake",
            notes="Asked about the Peckham incident",
        )
    )
    sars.update(
        request_id,
        request_for(person_id, identity_checked_on=TODAY, identity_evidence="Passport 123456789"),
    )
    sars.set_status(request_id, SarStatus.SENT)
    with signed_in.vault.sessions.begin() as session:
        entries = session.execute(
            select(AuditEntry).where(AuditEntry.entity_type == "subject_access_request")
        ).scalars()
        seen = [(e.action, e.entity_id, e.fields) for e in entries]
    assert [(action, entity) for action, entity, _ in seen] == [
        (actions.SAR_CREATED, str(request_id)),
        (actions.SAR_UPDATED, str(request_id)),
        (actions.SAR_STATUS_CHANGED, str(request_id)),
    ]
    assert "young_person_id" in seen[0][2] and "requested_by" in seen[0][2]
    assert "identity_evidence" in seen[1][2]
    written = repr(seen)
    for secret in ("Zoë", "Okonkwo", "Quentin", "Peckham", "123456789", "Passport"):
        assert secret not in written


def test_a_restricted_record_hides_its_requests_from_a_coordinator_not_named_on_it(
    signed_in: SignedIn,
    sars: SubjectAccessService,
    person_id: int,
    mother_id: int,
    add_account: AddAccount,
    clock: FakeClock,
) -> None:
    about_her = sars.create(request_for(person_id))
    about_mother = sars.create(request_for(0, young_person_id=None, contact_id=mother_id))
    with signed_in.vault.sessions.begin() as session:
        session.add(
            RecordRestriction(
                young_person_id=person_id,
                reason="Relative of a member of staff",
                restricted_by_id=signed_in.user.account_id,
                restricted_at=clock.now(),
            )
        )
        session.flush()
        session.add(
            RestrictionMember(young_person_id=person_id, account_id=signed_in.user.account_id)
        )
    other = SubjectAccessService(
        signed_in.vault.sessions, add_account(Role.COORDINATOR, "second"), clock
    )
    assert other.requests(include_closed=True) == []
    assert other.find_subjects("Okonkwo") == []
    for request_id in (about_her, about_mother):
        with pytest.raises(RecordNotFoundError):
            other.request(request_id)
        with pytest.raises(RecordNotFoundError):
            other.set_status(request_id, SarStatus.WITHDRAWN)
    with pytest.raises(RecordNotFoundError):
        other.create(request_for(person_id))
    # The coordinator named on the record still sees both.
    assert {row.id for row in sars.requests()} == {about_her, about_mother}
