"""Risk and safeguarding: RAG history mirrored on the record, flag types, and flags whose
active state follows their dates and the clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.models.accounts import Role
from desktop.models.choices import Rag
from desktop.models.risk import STANDARD_FLAGS
from desktop.services import actions
from desktop.services.audit_service import AuditFilter, AuditService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.risk_service import RiskInputError, RiskService
from desktop.services.sign_in_service import SignedIn
from tests.conftest import COORDINATOR_NAME, AddAccount, FakeClock

DAY = 86400


@pytest.fixture
def signed_in(coordinator: tuple[SignedIn, str]) -> SignedIn:
    return coordinator[0]


@pytest.fixture
def risk(signed_in: SignedIn, clock: FakeClock) -> RiskService:
    return RiskService(signed_in.vault.sessions, signed_in.user, clock)


@pytest.fixture
def person_id(signed_in: SignedIn, clock: FakeClock) -> int:
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    return people.create(PersonDetails("Amir", "Haddad"))


def _type_id(risk: RiskService, code: str) -> int:
    return next(t.id for t in risk.flag_types(include_inactive=True) if t.code == code)


# ---- RAG ---------------------------------------------------------------------------------
def test_rag_needs_a_rationale_and_a_review_date_not_yet_passed(
    risk: RiskService, person_id: int, clock: FakeClock
) -> None:
    with pytest.raises(RiskInputError, match="why the young person is rated red"):
        risk.set_rag(person_id, Rag.RED, "   ")
    with pytest.raises(RiskInputError, match="review date has already passed"):
        risk.set_rag(person_id, Rag.RED, "Stabbing threat", clock.now().date() - timedelta(1))
    assert risk.rag_history(person_id) == []


@pytest.mark.parametrize(("rating", "weeks"), [(Rag.RED, 4), (Rag.AMBER, 8), (Rag.GREEN, 12)])
def test_default_review_dates(
    risk: RiskService, person_id: int, clock: FakeClock, rating: Rag, weeks: int
) -> None:
    risk.set_rag(person_id, rating, "Assessed at visit")
    [row] = risk.rag_history(person_id)
    assert row.review_due == clock.now().date() + timedelta(weeks=weeks)


def test_rag_history_is_kept_and_the_newest_is_mirrored_on_the_record(
    signed_in: SignedIn, risk: RiskService, person_id: int, clock: FakeClock
) -> None:
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    first = risk.set_rag(person_id, Rag.AMBER, "Associating with older peers")
    clock.advance(7 * DAY)
    review = clock.now().date() + timedelta(days=10)
    second = risk.set_rag(person_id, Rag.RED, "  Found carrying a knife  ", review)
    history = risk.rag_history(person_id)
    assert [h.id for h in history] == [second, first]
    assert [h.rating for h in history] == [Rag.RED, Rag.AMBER]
    assert history[0].rationale == "Found carrying a knife"
    assert (history[0].rated_at, history[0].rated_by) == (clock.now(), COORDINATOR_NAME)
    record = people.open_record(person_id)
    assert (record.rag, record.rag_review_due) == (Rag.RED, review)
    rows = AuditService(signed_in.vault.sessions, signed_in.user).page(
        AuditFilter(action=actions.RAG_RATED), 0, 10
    )
    assert [(r.entity_type, r.entity_id) for r in rows] == [("young_person", str(person_id))] * 2
    assert all("knife" not in r.fields and "red" not in r.fields for r in rows)


# ---- flag types --------------------------------------------------------------------------
def test_the_standard_flags_come_with_the_vault_in_their_order(risk: RiskService) -> None:
    assert [(t.code, t.label, t.detail_prompt) for t in risk.flag_types()] == list(STANDARD_FLAGS)


def test_the_coordinator_adds_and_retires_kinds_of_flag(
    signed_in: SignedIn, risk: RiskService, person_id: int, clock: FakeClock
) -> None:
    with pytest.raises(RiskInputError, match="lower-case letters"):
        risk.add_flag_type("Has Space", "Spaced", "")
    with pytest.raises(RiskInputError, match="already exists"):
        risk.add_flag_type("knife", "county LINES", "")
    new_id = risk.add_flag_type(" Online_Grooming ", "Online grooming", "Which platform?")
    assert risk.flag_types()[-1].code == "online_grooming"
    flag_id = risk.add_flag(person_id, new_id, clock.now().date(), "Police", "Snapchat")
    risk.set_flag_type_active(new_id, False)
    assert new_id not in {t.id for t in risk.flag_types()}
    assert not next(t for t in risk.flag_types(include_inactive=True) if t.id == new_id).active
    with pytest.raises(RiskInputError, match="Choose a kind of flag"):
        risk.add_flag(person_id, new_id, clock.now().date(), "Police", "TikTok")
    # Flags already given keep their retired kind.
    assert [f.id for f in risk.flags(person_id)] == [flag_id]
    assert risk.flags(person_id)[0].label == "Online grooming"
    rows = AuditService(signed_in.vault.sessions, signed_in.user).page(AuditFilter(), 0, 50)
    assert {(r.action, r.entity_type) for r in rows} >= {
        (actions.CREATE, "flag_type"),
        (actions.UPDATE, "flag_type"),
        (actions.CREATE, "flag"),
    }


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.COORDINATOR])
def test_only_the_coordinator_changes_the_kinds_of_flag(
    signed_in: SignedIn, clock: FakeClock, add_account: AddAccount, role: Role
) -> None:
    theirs = RiskService(signed_in.vault.sessions, add_account(role), clock)
    assert len(theirs.flag_types()) == len(STANDARD_FLAGS)  # the list itself names no one
    with pytest.raises(PermissionDeniedError):
        theirs.add_flag_type("new_kind", "New kind", "")
    with pytest.raises(PermissionDeniedError):
        theirs.set_flag_type_active(1, False)


# ---- flags -------------------------------------------------------------------------------
def test_a_flag_needs_a_source_a_past_start_and_the_detail_its_kind_asks_for(
    risk: RiskService, person_id: int, clock: FakeClock
) -> None:
    today = clock.now().date()
    gang = _type_id(risk, "gang_association")
    with pytest.raises(RiskInputError, match="where the information came from"):
        risk.add_flag(person_id, _type_id(risk, "cce"), today, " ")
    with pytest.raises(RiskInputError, match="start date is in the future"):
        risk.add_flag(person_id, _type_id(risk, "cce"), today + timedelta(1), "Police")
    with pytest.raises(RiskInputError, match="Which group"):
        risk.add_flag(person_id, gang, today, "Community intelligence")
    flag_id = risk.add_flag(person_id, gang, today, "Community intelligence", "Estate Boys")
    [flag] = risk.flags(person_id)
    assert (flag.id, flag.code, flag.detail, flag.active) == (
        flag_id,
        "gang_association",
        "Estate Boys",
        True,
    )
    assert flag.created_by == COORDINATOR_NAME


def test_flags_are_active_until_the_end_of_their_last_day(
    signed_in: SignedIn, risk: RiskService, person_id: int, clock: FakeClock
) -> None:
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    today = clock.now().date()
    missing = risk.add_flag(person_id, _type_id(risk, "missing"), today - timedelta(9), "Police")
    weapons = risk.add_flag(person_id, _type_id(risk, "weapons"), today - timedelta(3), "School")
    with pytest.raises(RiskInputError, match="before the flag started"):
        risk.end_flag(missing, today - timedelta(10))
    with pytest.raises(RiskInputError, match="end date is in the future"):
        risk.end_flag(missing, today + timedelta(1))
    risk.end_flag(missing, today)
    with pytest.raises(RiskInputError, match="already ended"):
        risk.end_flag(missing, today)
    # Ended today: still flagged today.
    assert [f.id for f in risk.flags(person_id)] == [weapons, missing]
    assert people.page(0, 10)[0].flags == 2
    clock.advance(DAY)
    assert [f.id for f in risk.flags(person_id)] == [weapons]
    everything = risk.flags(person_id, include_ended=True)
    assert [(f.id, f.active, f.ended_on) for f in everything] == [
        (weapons, True, None),
        (missing, False, today),
    ]
    assert people.page(0, 10)[0].flags == 1  # the caseload list agrees


# ---- who may do what ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("role", "error"),
    [(Role.FAMILY_THERAPIST, RecordNotFoundError), (Role.ANALYST, PermissionDeniedError)],
)
def test_risk_is_closed_to_roles_without_the_record(
    signed_in: SignedIn,
    risk: RiskService,
    person_id: int,
    clock: FakeClock,
    add_account: AddAccount,
    role: Role,
    error: type[Exception],
) -> None:
    today = clock.now().date()
    flag_id = risk.add_flag(person_id, _type_id(risk, "cse"), today, "Social care")
    theirs = RiskService(signed_in.vault.sessions, add_account(role), clock)
    for call in (
        lambda: theirs.set_rag(person_id, Rag.RED, "Worried"),
        lambda: theirs.rag_history(person_id),
        lambda: theirs.add_flag(person_id, 1, today, "Police"),
        lambda: theirs.end_flag(flag_id, today),
        lambda: theirs.flags(person_id),
    ):
        with pytest.raises(error):
            call()
    assert risk.rag_history(person_id) == []
    assert risk.flags(person_id)[0].ended_on is None


def test_anyone_allocated_may_rate_and_flag(
    signed_in: SignedIn,
    risk: RiskService,
    person_id: int,
    clock: FakeClock,
    add_account: AddAccount,
) -> None:
    """Safeguarding is everyone's job on the case, not only the key worker's."""
    today = clock.now().date()
    therapist = add_account(Role.FAMILY_THERAPIST)
    flag_id = risk.add_flag(person_id, _type_id(risk, "cse"), today, "Social care")
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    details = people.open_record(person_id).details
    details.allocated_ids = [therapist.account_id]
    people.update(person_id, details)
    theirs = RiskService(signed_in.vault.sessions, therapist, clock)
    theirs.set_rag(person_id, Rag.AMBER, "Disclosed at family session")
    theirs.end_flag(flag_id, today)
    assert theirs.rag_history(person_id)[0].rated_by == "Test Family therapist"
    with pytest.raises(RecordNotFoundError):
        risk.end_flag(flag_id + 100, today)
