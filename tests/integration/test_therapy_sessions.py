"""Family therapy sessions edited after they were booked, the household a new case can be made
from, who a case can be given to, and each case's tally of sessions and attendance."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from desktop.models.accounts import Role
from desktop.models.choices import ContactKind, SessionLocation, SessionOutcome
from desktop.services import actions
from desktop.services.network_service import ContactInput, NetworkService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.therapy_diary import TherapyDiaryService
from desktop.services.therapy_service import Member, TherapyInputError
from tests.conftest import AddAccount
from tests.therapy_family import Family, audit_actions, make_note, record_session


def booked(family: Family, days_ahead: int = 3) -> int:
    """A session booked a few days ahead, with nobody's attendance yet."""
    return record_session(
        family,
        starts_at=family.clock.now() + timedelta(days=days_ahead),
        outcome=SessionOutcome.SCHEDULED,
        attendance={},
    )


def everyone(family: Family, son: bool, daughter: bool, mother: bool) -> dict[Member, bool]:
    return {
        Member("young_person", family.son): son,
        Member("young_person", family.daughter): daughter,
        Member("contact", family.mother): mother,
    }


def diary(family: Family) -> TherapyDiaryService:
    return TherapyDiaryService(family.signed_in.vault.sessions, family.therapist, family.clock)


def test_a_scheduled_session_is_later_recorded_as_attended(family: Family) -> None:
    session_id = booked(family)
    therapy = family.therapy()
    family.clock.advance(3 * 86400 + 3600)  # the day has come and gone
    stored = therapy.session_details(session_id)
    assert stored.outcome is SessionOutcome.SCHEDULED and stored.attendance == {}

    changed = therapy.update_session(
        session_id,
        replace(
            stored,
            outcome=SessionOutcome.ATTENDED,
            minutes=75,
            attendance=everyone(family, True, False, True),
        ),
    )

    assert changed == ["minutes", "outcome", "attendance"]
    row = therapy.sessions(family.case_id)[0]
    assert (row.number, row.minutes, row.outcome) == (1, 75, SessionOutcome.ATTENDED)
    assert row.attended == ["Tariq Hassan", "Amina Hassan"]
    assert row.absent == ["Leila Hassan"]
    assert therapy.session_details(session_id).attendance == everyone(family, True, False, True)
    summary = diary(family).attendance(family.case_id)
    assert (summary.offered, summary.attended) == (1, 1)
    # Audited like recording, by field name only.
    updates = [a for a in audit_actions(family) if a[1] == actions.THERAPY_SESSION_UPDATED]
    assert updates == [("therapist", actions.THERAPY_SESSION_UPDATED, "attendance,minutes,outcome")]


def test_editing_attendance_replaces_the_old_marks(family: Family) -> None:
    session_id = record_session(family)
    therapy = family.therapy()
    details = therapy.session_details(session_id)
    assert therapy.update_session(session_id, details) == []  # nothing changed, nothing saved
    therapy.update_session(
        session_id, replace(details, attendance=everyone(family, False, True, True))
    )
    row = therapy.sessions(family.case_id)[0]
    assert row.attended == ["Leila Hassan", "Amina Hassan"]
    assert row.absent == ["Tariq Hassan"]


def test_update_session_checks_like_record_session(family: Family) -> None:
    session_id = booked(family)
    therapy = family.therapy()
    details = therapy.session_details(session_id)
    with pytest.raises(TherapyInputError, match="still to come can only be recorded"):
        therapy.update_session(
            session_id,
            replace(details, outcome=SessionOutcome.ATTENDED, attendance={}),
        )
    with pytest.raises(TherapyInputError, match="between 5 minutes and 8 hours"):
        therapy.update_session(session_id, replace(details, minutes=2))
    with pytest.raises(TherapyInputError, match="not in this family"):
        therapy.update_session(
            session_id,
            replace(details, attendance={Member("contact", family.uncle_professional): True}),
        )
    family.clock.advance(4 * 86400)
    with pytest.raises(TherapyInputError, match="at least one family member who came"):
        therapy.update_session(
            session_id,
            replace(
                details,
                outcome=SessionOutcome.ATTENDED,
                attendance=everyone(family, False, False, False),
            ),
        )
    assert therapy.session_details(session_id) == details  # nothing was saved


def test_a_signed_notes_session_keeps_its_time(family: Family) -> None:
    session_id = record_session(family)
    notes = family.notes()
    notes.sign_note(notes.start_note(session_id, make_note()))
    therapy = family.therapy()
    details = therapy.session_details(session_id)
    with pytest.raises(TherapyInputError, match="note is signed"):
        therapy.update_session(
            session_id, replace(details, starts_at=details.starts_at - timedelta(days=3))
        )
    # Its place can still be corrected.
    assert therapy.update_session(
        session_id, replace(details, location=SessionLocation.OFFICE)
    ) == ["location"]


def test_another_therapist_cannot_edit_the_session(family: Family, add_account: AddAccount) -> None:
    session_id = record_session(family)
    other = add_account(Role.FAMILY_THERAPIST, "other")
    details = family.therapy().session_details(session_id)
    with pytest.raises(RecordNotFoundError):
        family.therapy(other).update_session(session_id, replace(details, minutes=90))
    with pytest.raises(RecordNotFoundError):
        family.therapy(other).session_details(session_id)
    # The coordinator manages every case.
    assert family.therapy(family.signed_in.user).update_session(
        session_id, replace(details, minutes=90)
    ) == ["minutes"]


def test_household_choices_are_the_reachable_young_people_and_their_family(
    family: Family, add_account: AddAccount
) -> None:
    coordinator = family.signed_in.user
    people = PeopleService(family.signed_in.vault.sessions, coordinator, family.clock)
    stranger = people.create(PersonDetails("Cy", "Unallocated"))
    NetworkService(family.signed_in.vault.sessions, coordinator, family.clock).add_contact(
        stranger, ContactInput(ContactKind.FAMILY, "Dee Unallocated", "Aunt")
    )

    choices = family.therapy().household_choices()

    assert [(c.young_person_id, c.name) for c in choices] == [
        (family.daughter, "Leila Hassan"),
        (family.son, "Tariq Hassan"),
    ]
    tariq = next(c for c in choices if c.young_person_id == family.son)
    # Family contacts only: the social worker on his record is not household.
    assert [(c.id, c.name, c.relationship, c.lives_with) for c in tariq.contacts] == [
        (family.mother, "Amina Hassan", "Mother", True)
    ]
    assert tariq.case_reference
    everyone_seen = family.therapy(coordinator).household_choices()
    assert {c.name for c in everyone_seen} == {"Leila Hassan", "Tariq Hassan", "Cy Unallocated"}
    worker = add_account(Role.GANGS_WORKER, "worker")
    with pytest.raises(PermissionDeniedError):
        family.therapy(worker).household_choices()


def test_therapist_choices(family: Family, add_account: AddAccount) -> None:
    second = add_account(Role.FAMILY_THERAPIST, "second")
    add_account(Role.GANGS_WORKER, "worker")
    mine = family.therapy().therapist_choices()
    assert mine == [(family.therapist.account_id, family.therapist.display_name)]
    ids = {
        account_id for account_id, _ in family.therapy(family.signed_in.user).therapist_choices()
    }
    assert ids == {family.therapist.account_id, second.account_id}


def test_case_tallies_count_held_upcoming_and_attended(
    family: Family, add_account: AddAccount
) -> None:
    record_session(family)  # attended
    record_session(family, outcome=SessionOutcome.DID_NOT_ATTEND, attendance={})
    record_session(family, outcome=SessionOutcome.CANCELLED_BY_SERVICE, attendance={})
    booked(family)

    tally = diary(family).case_tallies()[family.case_id]

    assert (tally.held, tally.upcoming, tally.offered, tally.attended) == (3, 1, 2, 1)
    assert tally.rate == 0.5
    summary = diary(family).attendance(family.case_id)
    assert (summary.offered, summary.attended) == (tally.offered, tally.attended)
    other = add_account(Role.FAMILY_THERAPIST, "other")
    others = TherapyDiaryService(family.signed_in.vault.sessions, other, family.clock)
    assert others.case_tallies() == {}
    coordinators = TherapyDiaryService(
        family.signed_in.vault.sessions, family.signed_in.user, family.clock
    )
    assert coordinators.case_tallies()[family.case_id] == tally


def test_editing_keeps_young_people_the_therapist_can_no_longer_open(family: Family) -> None:
    # The daughter is no longer allocated to the therapist: the form never offers her.
    people = PeopleService(family.signed_in.vault.sessions, family.signed_in.user, family.clock)
    details = people.open_record(family.daughter).details
    people.update(family.daughter, replace(details, allocated_ids=[]))
    case = family.therapy(family.signed_in.user).case(family.case_id)
    edited = replace(case.details, young_person_ids=(family.son,), goals="Calmer evenings")

    assert family.therapy().update_case(family.case_id, edited) == ["goals"]
    kept = family.therapy(family.signed_in.user).case(family.case_id)
    assert sorted(kept.details.young_person_ids) == sorted([family.son, family.daughter])
    assert kept.details.contact_ids == case.details.contact_ids
