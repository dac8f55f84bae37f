"""Outcome measures: each family member's SCORE-15 at a session, the version fixed by a young
person's age at the session, household and permission rules, the audit naming fields only, and
the trend per member and for the family."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.choices import SessionOutcome
from desktop.models.people import YoungPerson
from desktop.models.therapy import OutcomeMeasure
from desktop.resources_path import resource
from desktop.services import actions
from desktop.services.current_user import CurrentUser
from desktop.services.outcome_service import OutcomeInputError, OutcomeService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.therapy_service import Member
from tests.conftest import FIXED_NOW, AddAccount
from tests.therapy_family import Family, audit_text, record_session

MIXED = [2, 4, 3, 5, 2, 1, 4, 5, 3, 2, 4, 5, 4, 2, 3]  # total 2.2 (tests/unit/test_score15.py)
CALM = [1, 5, 1, 5, 5, 1, 5, 5, 5, 1, 5, 5, 5, 5, 1]  # every item scored 1: total 1.0
STORMY = [5, 1, 5, 1, 1, 5, 1, 1, 1, 5, 1, 1, 1, 1, 5]  # every item scored 5: total 5.0
NAMES = ("Tariq", "Leila", "Amina", "Hassan")


def outcomes(family: Family, user: CurrentUser | None = None) -> OutcomeService:
    return OutcomeService(
        family.signed_in.vault.sessions,
        user or family.therapist,
        family.clock,
        resource("measures", "score15.json"),
    )


def set_born(family: Family, person_id: int, born: date | None) -> None:
    with family.signed_in.vault.sessions.begin() as session:
        session.execute(
            update(YoungPerson).where(YoungPerson.id == person_id).values(date_of_birth=born)
        )


@pytest.fixture
def aged(family: Family) -> Family:
    """The son is 14 and the daughter 10 on the day of the sessions."""
    set_born(family, family.son, date(2010, 5, 1))
    set_born(family, family.daughter, date(2014, 6, 2))
    return family


def son(family: Family) -> Member:
    return Member("young_person", family.son)


def daughter(family: Family) -> Member:
    return Member("young_person", family.daughter)


def mother(family: Family) -> Member:
    return Member("contact", family.mother)


# ---- recording and age rules ---------------------------------------------------------------
def test_each_member_records_the_version_for_their_age(aged: Family) -> None:
    session_id = record_session(aged)
    service = outcomes(aged)
    offered = service.respondents(session_id)
    assert offered.number == 1
    assert [(p.name, p.age, p.versions, p.recorded) for p in offered.people] == [
        ("Tariq Hassan", 14, ["SCORE-15"], None),
        ("Leila Hassan", 10, ["Child SCORE-15"], None),
        ("Amina Hassan", None, ["SCORE-15", "Child SCORE-15"], None),
    ]
    service.record(session_id, son(aged), "SCORE-15", MIXED)
    service.record(session_id, daughter(aged), "Child SCORE-15", CALM)
    service.record(session_id, mother(aged), "SCORE-15", [*MIXED[:14], None])
    rows = service.measures(aged.case_id)
    assert [(r.member_name, r.version, r.session_number) for r in rows] == [
        ("Tariq Hassan", "SCORE-15", 1),
        ("Leila Hassan", "Child SCORE-15", 1),
        ("Amina Hassan", "SCORE-15", 1),
    ]
    assert rows[0].scores.total == pytest.approx(2.2)
    assert rows[0].scores.communication == pytest.approx(1.4)
    assert rows[1].scores.total == 1.0
    assert rows[2].items[14] is None
    assert rows[2].scores.strengths == pytest.approx((2 + 3 + 1 + 2) / 4)
    # Only the boxes ticked and the version are stored.
    with aged.signed_in.vault.sessions.begin() as session:
        stored = session.execute(select(OutcomeMeasure).order_by(OutcomeMeasure.id)).scalars()
        assert [(m.version, m.item_scores) for m in stored][0] == ("SCORE-15", MIXED)
    assert service.respondents(session_id).people[0].recorded == MIXED


def test_the_wrong_version_for_an_age_is_refused(aged: Family) -> None:
    session_id = record_session(aged)
    service = outcomes(aged)
    with pytest.raises(OutcomeInputError, match="At 14 .* completes the SCORE-15, not the Child"):
        service.record(session_id, son(aged), "Child SCORE-15", MIXED)
    with pytest.raises(OutcomeInputError, match="At 10 .* completes the Child SCORE-15, not"):
        service.record(session_id, daughter(aged), "SCORE-15", MIXED)
    with pytest.raises(OutcomeInputError, match="version of the measure is not known"):
        service.record(session_id, son(aged), "SCORE-40", MIXED)
    assert service.measures(aged.case_id) == []


def test_under_eights_are_not_asked(aged: Family) -> None:
    set_born(aged, aged.daughter, date(2018, 1, 1))  # seven at the session
    session_id = record_session(aged)
    service = outcomes(aged)
    offered = service.respondents(session_id)
    assert [p.name for p in offered.people] == ["Tariq Hassan", "Amina Hassan"]
    assert offered.too_young == 1
    for version in ("SCORE-15", "Child SCORE-15"):
        with pytest.raises(OutcomeInputError, match="under 8 do not complete"):
            service.record(session_id, daughter(aged), version, MIXED)


def test_age_is_taken_on_the_session_date_not_today(aged: Family) -> None:
    # Twelve ten days ago, but the session was thirty days ago: eleven at the session.
    set_born(aged, aged.daughter, (FIXED_NOW - timedelta(days=10)).date().replace(year=2013))
    session_id = record_session(aged, starts_at=FIXED_NOW - timedelta(days=30))
    service = outcomes(aged)
    assert service.respondents(session_id).people[1].versions == ["Child SCORE-15"]
    service.record(session_id, daughter(aged), "Child SCORE-15", MIXED)
    later = record_session(aged)
    with pytest.raises(OutcomeInputError, match="At 12"):
        service.record(later, daughter(aged), "Child SCORE-15", MIXED)
    service.record(later, daughter(aged), "SCORE-15", MIXED)


def test_a_young_person_without_a_date_of_birth_may_use_either_version(family: Family) -> None:
    session_id = record_session(family)
    service = outcomes(family)
    assert service.respondents(session_id).people[0].versions == ["SCORE-15", "Child SCORE-15"]
    service.record(session_id, son(family), "Child SCORE-15", MIXED)


def test_answers_must_be_fifteen_from_one_to_five(aged: Family) -> None:
    session_id = record_session(aged)
    service = outcomes(aged)
    with pytest.raises(OutcomeInputError, match="15 items; 14 were given"):
        service.record(session_id, son(aged), "SCORE-15", MIXED[:14])
    with pytest.raises(OutcomeInputError, match=r"from 1 to 5 or left blank \(item 3\)"):
        service.record(session_id, son(aged), "SCORE-15", [1, 2, 6, *MIXED[3:]])
    with pytest.raises(OutcomeInputError, match="No item is answered"):
        service.record(session_id, son(aged), "SCORE-15", [None] * 15)


def test_a_session_still_to_come_takes_no_measure(aged: Family) -> None:
    upcoming = record_session(
        aged, starts_at=FIXED_NOW + timedelta(days=7), outcome=SessionOutcome.SCHEDULED
    )
    with pytest.raises(OutcomeInputError, match="session that has started"):
        outcomes(aged).record(upcoming, son(aged), "SCORE-15", MIXED)


# ---- household, duplicates, permissions, audit ----------------------------------------------
def test_only_household_members_answer(aged: Family, add_account: AddAccount) -> None:
    session_id = record_session(aged)
    service = outcomes(aged)
    with pytest.raises(OutcomeInputError, match="not a member of this family") as refused:
        service.record(session_id, Member("contact", aged.uncle_professional), "SCORE-15", MIXED)
    assert not any(name in str(refused.value) for name in NAMES)
    people = PeopleService(aged.signed_in.vault.sessions, aged.signed_in.user, aged.clock)
    stranger = people.create(PersonDetails(given_name="Sam", family_name="Other"))
    with pytest.raises(OutcomeInputError, match="not a member"):
        service.record(session_id, Member("young_person", stranger), "SCORE-15", MIXED)


def test_one_measure_per_member_per_session_unless_replaced(aged: Family) -> None:
    session_id = record_session(aged)
    service = outcomes(aged)
    first = service.record(session_id, son(aged), "SCORE-15", MIXED)
    with pytest.raises(OutcomeInputError, match="already saved") as refused:
        service.record(session_id, son(aged), "SCORE-15", CALM)
    assert not any(name in str(refused.value) for name in NAMES)
    again = service.record(session_id, son(aged), "SCORE-15", CALM, replace=True)
    assert again == first
    rows = service.measures(aged.case_id)
    assert [(r.id, r.scores.total) for r in rows] == [(first, 1.0)]
    assert "outcome_measure_recorded|outcome_measure|" + str(first) in audit_text(aged)
    assert audit_text(aged).splitlines()[-1].endswith("|replaced")


def test_a_gangs_worker_is_refused_and_another_therapist_does_not_reach_the_case(
    aged: Family, add_account: AddAccount
) -> None:
    session_id = record_session(aged)
    worker = add_account(Role.GANGS_WORKER, "worker")
    with pytest.raises(PermissionDeniedError):
        outcomes(aged, worker).record(session_id, son(aged), "SCORE-15", MIXED)
    with pytest.raises(PermissionDeniedError):
        outcomes(aged, worker).trend(aged.case_id)
    other = add_account(Role.FAMILY_THERAPIST, "other_therapist")
    with pytest.raises(RecordNotFoundError):
        outcomes(aged, other).record(session_id, son(aged), "SCORE-15", MIXED)
    with pytest.raises(RecordNotFoundError):
        outcomes(aged, other).respondents(session_id)
    with pytest.raises(RecordNotFoundError):
        outcomes(aged, other).measures(aged.case_id)
    assert outcomes(aged).measures(aged.case_id) == []
    # The coordinator manages every case.
    outcomes(aged, aged.signed_in.user).record(session_id, son(aged), "SCORE-15", MIXED)
    assert len(outcomes(aged).measures(aged.case_id)) == 1


def test_the_audit_names_fields_never_people_or_answers(aged: Family) -> None:
    session_id = record_session(aged)
    service = outcomes(aged)
    measure = service.record(session_id, mother(aged), "SCORE-15", MIXED)
    with aged.signed_in.vault.sessions.begin() as session:
        entries = session.execute(
            select(AuditEntry).where(AuditEntry.action == actions.OUTCOME_MEASURE_RECORDED)
        ).scalars()
        assert [(e.actor, e.entity_type, e.entity_id, e.fields, e.outcome) for e in entries] == [
            (
                "therapist",
                "outcome_measure",
                str(measure),
                "item_scores,member,session_id,version",
                "",
            )
        ]
    text = audit_text(aged)
    assert not any(name in text for name in NAMES)
    assert "2,4,3,5" not in text and "[2, 4" not in text


# ---- trend ----------------------------------------------------------------------------------
def test_trend_has_a_series_per_member_and_the_family_mean(aged: Family) -> None:
    service = outcomes(aged)
    first = record_session(aged, starts_at=FIXED_NOW - timedelta(days=28))
    unmeasured = record_session(aged, starts_at=FIXED_NOW - timedelta(days=14))
    last = record_session(aged)
    service.record(first, son(aged), "SCORE-15", STORMY)  # 5.0
    service.record(first, mother(aged), "SCORE-15", MIXED)  # 2.2
    service.record(last, son(aged), "SCORE-15", MIXED)  # 2.2
    service.record(last, daughter(aged), "Child SCORE-15", CALM)  # 1.0
    service.record(last, mother(aged), "SCORE-15", CALM)  # 1.0
    trend = service.trend(aged.case_id)
    assert [s.session_id for s in trend.sessions] == [first, last]
    assert unmeasured not in [s.session_id for s in trend.sessions]
    assert [s.number for s in trend.sessions] == [1, 3]
    assert [(s.name, [p.session_id for p in s.points]) for s in trend.members] == [
        ("Tariq Hassan", [first, last]),
        ("Amina Hassan", [first, last]),
        ("Leila Hassan", [last]),
    ]
    assert trend.members[0].value_at(first, "total") == 5.0
    assert trend.members[2].value_at(first, "total") is None
    assert trend.family.member is None
    assert trend.family.value_at(first, "total") == pytest.approx((5.0 + 2.2) / 2)
    assert trend.family.value_at(last, "total") == pytest.approx((2.2 + 1.0 + 1.0) / 3)
    assert trend.family.value_at(first, "communication") == pytest.approx((5.0 + 1.4) / 2)
    assert not trend.empty


def test_the_family_mean_leaves_out_a_member_with_too_many_blanks(aged: Family) -> None:
    service = outcomes(aged)
    session_id = record_session(aged)
    service.record(session_id, son(aged), "SCORE-15", MIXED)
    service.record(session_id, mother(aged), "SCORE-15", [None] * 4 + CALM[4:])
    trend = service.trend(aged.case_id)
    assert trend.members[1].value_at(session_id, "total") is None
    assert trend.family.value_at(session_id, "total") == pytest.approx(2.2)
    # The mother's overwhelmed score (items 5, 7, 9, 11, 14 answered) still counts.
    assert trend.family.value_at(session_id, "overwhelmed") == pytest.approx((3.0 + 1.0) / 2)


def test_an_empty_trend(aged: Family) -> None:
    trend = outcomes(aged).trend(aged.case_id)
    assert trend.empty
    assert trend.members == [] and trend.family.points == []
