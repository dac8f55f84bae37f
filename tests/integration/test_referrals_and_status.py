"""ACCEPTANCE (service layer): the case status workflow refuses every illegal transition; each
legal one is dated, attributed and audited. Referrals, decisions, allocation and re-referral."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

import pytest
from sqlalchemy import select, update

from desktop.models.accounts import Role
from desktop.models.case_status import StatusChange
from desktop.models.choices import CaseStatus, ReferralDecision, ReferralSource
from desktop.models.choices import ClosureOutcome as O
from desktop.models.choices import ClosureReason as R
from desktop.models.people import YoungPerson
from desktop.services import actions
from desktop.services.audit_service import AuditFilter, AuditRow, AuditService
from desktop.services.current_user import CurrentUser
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.referral_service import ReferralInput, ReferralInputError, ReferralService
from desktop.services.sign_in_service import SignedIn
from desktop.services.status_service import (
    StatusInputError,
    StatusService,
    StatusTransitionError,
)
from tests.conftest import COORDINATOR_NAME, AddAccount, FakeClock

S = CaseStatus
# Written out independently of status_service.TRANSITIONS, so a change must be made twice.
LEGAL = {
    (S.REFERRED, S.ASSESSMENT),
    (S.REFERRED, S.CLOSED),
    (S.ASSESSMENT, S.ACTIVE),
    (S.ASSESSMENT, S.CLOSED),
    (S.ACTIVE, S.MONITORING),
    (S.ACTIVE, S.CLOSED),
    (S.MONITORING, S.ACTIVE),
    (S.MONITORING, S.CLOSED),
    (S.CLOSED, S.REFERRED),
}
ILLEGAL = sorted(set(product(S, S)) - LEGAL)


@pytest.fixture
def signed_in(coordinator: tuple[SignedIn, str]) -> SignedIn:
    return coordinator[0]


def _person(
    signed_in: SignedIn,
    clock: FakeClock,
    key_worker_id: int | None = None,
    allocated_ids: tuple[int, ...] = (),
) -> int:
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    details = PersonDetails("Jay", "Doe", key_worker_id=key_worker_id)
    details.allocated_ids = list(allocated_ids)
    return people.create(details)


def _put_in(signed_in: SignedIn, person_id: int, status: CaseStatus) -> None:
    """Test set-up only: place the case in a status without going through the workflow."""
    with signed_in.vault.sessions.begin() as session:
        session.execute(
            update(YoungPerson).where(YoungPerson.id == person_id).values(status=status)
        )


def _status_of(signed_in: SignedIn, person_id: int) -> CaseStatus:
    with signed_in.vault.sessions.begin() as session:
        return session.execute(
            select(YoungPerson.status).where(YoungPerson.id == person_id)
        ).scalar_one()


def _audit(signed_in: SignedIn, action: str) -> list[AuditRow]:
    audit = AuditService(signed_in.vault.sessions, signed_in.user)
    return audit.page(AuditFilter(action=action), 0, 1000)


def _referral(received_on: date, **changes: object) -> ReferralInput:
    referral = ReferralInput(
        received_on=received_on,
        source=ReferralSource.SCHOOL,
        referrer="Head of year",
        reason="Seen with older youths near the estate",
        concerns="Missing from lessons",
    )
    for name, value in changes.items():
        setattr(referral, name, value)
    return referral


# ---- the status workflow -----------------------------------------------------------------
@pytest.mark.parametrize(("from_status", "to_status"), sorted(LEGAL))
def test_every_legal_transition_is_dated_attributed_and_audited(
    signed_in: SignedIn, clock: FakeClock, from_status: CaseStatus, to_status: CaseStatus
) -> None:
    person_id = _person(signed_in, clock)
    _put_in(signed_in, person_id, from_status)
    service = StatusService(signed_in.vault.sessions, signed_in.user, clock)
    clock.advance(60)
    change_id = service.change_status(
        person_id, to_status, " Agreed at MACE ", "Safer at home", R.GOALS_MET, O.RISK_REDUCED
    )
    assert _status_of(signed_in, person_id) is to_status
    [entry] = service.history(person_id)
    assert entry.id == change_id
    assert (entry.from_status, entry.to_status) == (from_status, to_status)
    assert (entry.changed_at, entry.changed_by) == (clock.now(), COORDINATOR_NAME)
    assert entry.reason == "Agreed at MACE"
    # Only closing records an outcome.
    assert entry.outcome == ("Safer at home" if to_status is S.CLOSED else "")
    closing = to_status is S.CLOSED
    assert (entry.closure_reason, entry.closure_outcome) == (
        (R.GOALS_MET, O.RISK_REDUCED) if closing else (None, None)
    )
    [audit] = _audit(signed_in, actions.STATUS_CHANGED)
    assert (audit.actor, audit.entity_type, audit.entity_id) == (
        "coord",
        "young_person",
        str(person_id),
    )
    assert audit.at == clock.now()
    assert "status" in audit.fields.split(",")
    assert "MACE" not in audit.fields and "Safer" not in audit.fields


@pytest.mark.parametrize(("from_status", "to_status"), ILLEGAL)
def test_every_illegal_transition_is_refused(
    signed_in: SignedIn, clock: FakeClock, from_status: CaseStatus, to_status: CaseStatus
) -> None:
    person_id = _person(signed_in, clock)
    _put_in(signed_in, person_id, from_status)
    service = StatusService(signed_in.vault.sessions, signed_in.user, clock)
    with pytest.raises(StatusTransitionError) as refused:
        service.change_status(person_id, to_status, "A reason", "An outcome")
    message = str(refused.value)
    assert from_status.label.lower() in message.lower()
    if from_status is not to_status:
        assert to_status.label in message
        for allowed in service.allowed_next(from_status):
            assert allowed.label in message
    assert _status_of(signed_in, person_id) is from_status
    assert service.history(person_id) == []
    assert _audit(signed_in, actions.STATUS_CHANGED) == []


def test_allowed_next_matches_the_workflow() -> None:
    for status in S:
        expected = {to for frm, to in LEGAL if frm is status}
        assert set(StatusService.allowed_next(status)) == expected


def test_closing_needs_reason_and_outcome_and_reopening_needs_reason(
    signed_in: SignedIn, clock: FakeClock
) -> None:
    person_id = _person(signed_in, clock)
    service = StatusService(signed_in.vault.sessions, signed_in.user, clock)
    with pytest.raises(StatusInputError, match="reason for closing.*outcome"):
        service.change_status(person_id, S.CLOSED, "  ")
    with pytest.raises(StatusInputError, match="outcome"):
        service.change_status(person_id, S.CLOSED, "Moved away")
    with pytest.raises(StatusInputError, match="kind of reason.*kind of outcome"):
        service.change_status(person_id, S.CLOSED, "Moved away", "Transferred to Leeds YOT")
    with pytest.raises(StatusInputError, match="kind of outcome"):
        service.change_status(
            person_id, S.CLOSED, "Moved away", "Transferred to Leeds YOT", R.MOVED_AWAY
        )
    assert _status_of(signed_in, person_id) is S.REFERRED
    service.change_status(
        person_id, S.CLOSED, "Moved away", "Transferred to Leeds YOT", R.MOVED_AWAY, O.NO_CHANGE
    )
    with pytest.raises(StatusInputError, match="reason for reopening"):
        service.change_status(person_id, S.REFERRED, "")
    service.change_status(person_id, S.REFERRED, "Back in the borough")
    assert _status_of(signed_in, person_id) is S.REFERRED


def test_a_case_walks_the_whole_workflow_with_its_history_kept(
    signed_in: SignedIn, clock: FakeClock
) -> None:
    person_id = _person(signed_in, clock)
    service = StatusService(signed_in.vault.sessions, signed_in.user, clock)
    path = [S.ASSESSMENT, S.ACTIVE, S.MONITORING, S.ACTIVE, S.CLOSED, S.REFERRED]
    for to_status in path:
        clock.advance(3600)
        service.change_status(person_id, to_status, "Next step", "Done", R.AGED_OUT, O.NO_CHANGE)
    history = service.history(person_id)
    assert [h.to_status for h in history] == list(reversed(path))
    assert [h.from_status for h in history] == list(reversed([S.REFERRED, *path[:-1]]))
    assert history[0].changed_at == clock.now()
    assert len(_audit(signed_in, actions.STATUS_CHANGED)) == len(path)


# ---- referrals ---------------------------------------------------------------------------
def test_a_referral_is_validated(signed_in: SignedIn, clock: FakeClock) -> None:
    person_id = _person(signed_in, clock)
    referrals = ReferralService(signed_in.vault.sessions, signed_in.user, clock)
    today = clock.now().date()
    with pytest.raises(ReferralInputError, match="in the future"):
        referrals.add_referral(person_id, _referral(today + timedelta(days=1)))
    with pytest.raises(ReferralInputError, match="reason for the referral"):
        referrals.add_referral(person_id, _referral(today, reason="  "))
    with pytest.raises(ReferralInputError, match="who gave consent.*date consent"):
        referrals.add_referral(person_id, _referral(today, consent_to_share=True))
    with pytest.raises(ReferralInputError, match="date consent"):
        referrals.add_referral(
            person_id, _referral(today, consent_to_engage=True, consent_given_by="Mother")
        )
    assert referrals.referrals(person_id) == []


def test_first_referral_starts_the_status_history_and_is_audited_without_values(
    signed_in: SignedIn, clock: FakeClock
) -> None:
    person_id = _person(signed_in, clock)
    referrals = ReferralService(signed_in.vault.sessions, signed_in.user, clock)
    status = StatusService(signed_in.vault.sessions, signed_in.user, clock)
    today = clock.now().date()
    first = referrals.add_referral(
        person_id,
        _referral(
            today - timedelta(days=2),
            consent_to_engage=True,
            consent_given_by="Mother",
            consent_given_on=today - timedelta(days=2),
        ),
    )
    [start] = status.history(person_id)
    assert (start.from_status, start.to_status, start.changed_by) == (
        None,
        S.REFERRED,
        COORDINATOR_NAME,
    )
    clock.advance(86400)
    second = referrals.add_referral(person_id, _referral(today, source=ReferralSource.POLICE))
    assert len(status.history(person_id)) == 1  # a second referral of an open case: no change
    rows = referrals.referrals(person_id)
    assert [r.id for r in rows] == [second, first]  # newest first
    assert rows[1].consent_given_by == "Mother" and rows[1].decision is ReferralDecision.PENDING
    assert rows[0].source is ReferralSource.POLICE and rows[0].created_by == COORDINATOR_NAME
    created = [r for r in _audit(signed_in, actions.CREATE) if r.entity_type == "referral"]
    assert {r.entity_id for r in created} == {str(first), str(second)}
    for row in created:
        assert "reason" in row.fields and "estate" not in row.fields


def test_a_closed_case_referred_again_is_reopened(signed_in: SignedIn, clock: FakeClock) -> None:
    person_id = _person(signed_in, clock)
    referrals = ReferralService(signed_in.vault.sessions, signed_in.user, clock)
    status = StatusService(signed_in.vault.sessions, signed_in.user, clock)
    today = clock.now().date()
    first = referrals.add_referral(person_id, _referral(today))
    status.change_status(
        person_id,
        S.CLOSED,
        "Declined to engage",
        "Signposted to youth club",
        R.DECLINED,
        O.NO_CHANGE,
    )
    clock.advance(30 * 86400)
    second = referrals.add_referral(
        person_id, _referral(clock.now().date(), source=ReferralSource.ASB_HOUSING)
    )
    assert _status_of(signed_in, person_id) is S.REFERRED
    history = status.history(person_id)
    assert [(h.from_status, h.to_status) for h in history] == [
        (S.CLOSED, S.REFERRED),
        (S.REFERRED, S.CLOSED),
        (None, S.REFERRED),
    ]
    assert "ASB housing team" in history[0].reason
    assert [r.id for r in referrals.referrals(person_id)] == [second, first]


def test_decisions_need_reasons_and_accepting_allocates_a_key_worker(
    signed_in: SignedIn, clock: FakeClock, add_account: AddAccount
) -> None:
    worker = add_account(Role.GANGS_WORKER)
    analyst = add_account(Role.ANALYST)
    person_id = _person(signed_in, clock)
    referrals = ReferralService(signed_in.vault.sessions, signed_in.user, clock)
    today = clock.now().date()
    referral_id = referrals.add_referral(person_id, _referral(today - timedelta(days=5)))
    with pytest.raises(ReferralInputError, match="reason the referral was declined"):
        referrals.decide(referral_id, ReferralDecision.DECLINED, " ", today)
    with pytest.raises(ReferralInputError, match="Only an accepted referral"):
        referrals.decide(
            referral_id, ReferralDecision.SIGNPOSTED, "To CAMHS", today, worker.account_id
        )
    with pytest.raises(ReferralInputError, match="before the referral was received"):
        referrals.decide(referral_id, ReferralDecision.ACCEPTED, "", today - timedelta(days=6))
    with pytest.raises(ReferralInputError, match="staff with a caseload"):
        referrals.decide(referral_id, ReferralDecision.ACCEPTED, "", today, analyst.account_id)
    referrals.decide(referral_id, ReferralDecision.ACCEPTED, "", today, worker.account_id)
    [row] = referrals.referrals(person_id)
    assert (row.decision, row.decided_on, row.allocated_to) == (
        ReferralDecision.ACCEPTED,
        today,
        "Test Gangs worker",
    )
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    assert people.open_record(person_id).details.key_worker_id == worker.account_id
    [decided] = _audit(signed_in, actions.REFERRAL_DECIDED)
    assert decided.entity_id == str(referral_id)
    assert set(decided.fields.split(",")) == {"decision", "decided_on", "allocated_to_id"}


def test_allocating_to_a_case_with_a_key_worker_lets_the_specialist_in(
    signed_in: SignedIn, clock: FakeClock, add_account: AddAccount
) -> None:
    therapist = add_account(Role.FAMILY_THERAPIST)
    person_id = _person(signed_in, clock, key_worker_id=signed_in.user.account_id)
    referrals = ReferralService(signed_in.vault.sessions, signed_in.user, clock)
    theirs = StatusService(signed_in.vault.sessions, therapist, clock)
    referral_id = referrals.add_referral(person_id, _referral(clock.now().date()))
    with pytest.raises(RecordNotFoundError):
        theirs.history(person_id)
    referrals.decide(
        referral_id, ReferralDecision.ACCEPTED, "", clock.now().date(), therapist.account_id
    )
    record = PeopleService(signed_in.vault.sessions, signed_in.user, clock).open_record(person_id)
    assert record.details.key_worker_id == signed_in.user.account_id  # unchanged
    assert record.details.allocated_ids == [therapist.account_id]
    assert len(theirs.history(person_id)) == 1


# ---- who may do what ---------------------------------------------------------------------
def test_the_analyst_is_refused_everything(
    signed_in: SignedIn, clock: FakeClock, add_account: AddAccount
) -> None:
    analyst = add_account(Role.ANALYST)
    person_id = _person(signed_in, clock)
    referral_id = ReferralService(signed_in.vault.sessions, signed_in.user, clock).add_referral(
        person_id, _referral(clock.now().date())
    )
    referrals = ReferralService(signed_in.vault.sessions, analyst, clock)
    status = StatusService(signed_in.vault.sessions, analyst, clock)
    today = clock.now().date()
    for call in (
        lambda: referrals.add_referral(person_id, _referral(today)),
        lambda: referrals.decide(referral_id, ReferralDecision.ACCEPTED, "", today),
        lambda: referrals.referrals(person_id),
        lambda: status.change_status(person_id, S.ASSESSMENT, ""),
        lambda: status.history(person_id),
    ):
        with pytest.raises(PermissionDeniedError):
            call()


def test_specialists_reach_only_their_cases_and_cannot_move_them(
    signed_in: SignedIn, clock: FakeClock, add_account: AddAccount
) -> None:
    advocate = add_account(Role.ADVOCATE)
    theirs = _person(signed_in, clock, allocated_ids=(advocate.account_id,))
    other = _person(signed_in, clock)
    status = StatusService(signed_in.vault.sessions, advocate, clock)
    referrals = ReferralService(signed_in.vault.sessions, advocate, clock)
    assert status.history(theirs) == []
    assert referrals.referrals(theirs) == []
    with pytest.raises(RecordNotFoundError):
        status.history(other)
    with pytest.raises(RecordNotFoundError):
        referrals.referrals(other)
    with pytest.raises(PermissionDeniedError):
        status.change_status(theirs, S.ASSESSMENT, "")
    with pytest.raises(PermissionDeniedError):
        referrals.add_referral(theirs, _referral(clock.now().date()))


def test_a_gangs_worker_manages_any_case(
    signed_in: SignedIn, clock: FakeClock, add_account: AddAccount
) -> None:
    worker: CurrentUser = add_account(Role.GANGS_WORKER)
    person_id = _person(signed_in, clock)
    ReferralService(signed_in.vault.sessions, worker, clock).add_referral(
        person_id, _referral(clock.now().date())
    )
    StatusService(signed_in.vault.sessions, worker, clock).change_status(
        person_id, S.ASSESSMENT, ""
    )
    with signed_in.vault.sessions.begin() as session:
        actors = session.execute(select(StatusChange.changed_by_id)).scalars().all()
    assert actors == [worker.account_id, worker.account_id]
    with pytest.raises(RecordNotFoundError):
        StatusService(signed_in.vault.sessions, worker, clock).history(person_id + 100)
