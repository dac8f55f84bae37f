"""Family therapy: cases with their household from the caseload, sessions with attendance,
signed notes that never change (service and database), addenda, and process notes that only
their author reads; the audit log names fields, never note text."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.models.accounts import Role
from desktop.models.choices import SessionLocation, SessionOutcome
from desktop.models.therapy import SessionNote
from desktop.services import actions
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.therapy_diary import TherapyDiaryService
from desktop.services.therapy_note_service import (
    NoteInput,
    NoteSignedError,
    TherapyInputError,
)
from desktop.services.therapy_service import CaseInput, Member
from tests.conftest import AddAccount, FakeClock
from tests.therapy_family import (
    BODY_CANARY,
    CANARY,
    Family,
    audit_actions,
    audit_text,
    make_note,
    record_session,
)


# ---- cases and sessions ------------------------------------------------------------------
def test_case_links_young_people_and_family_contacts(family: Family) -> None:
    view = family.therapy().case(family.case_id)
    assert [(m.name, m.relationship) for m in view.members] == [
        ("Tariq Hassan", "Young person"),
        ("Leila Hassan", "Young person"),
        ("Amina Hassan", "Mother"),
    ]
    assert view.therapist == family.therapist.display_name
    assert view.details.goals == "Fewer arguments at home"
    rows = family.therapy().cases()
    assert [(r.id, r.family) for r in rows] == [(family.case_id, "Tariq Hassan, Leila Hassan")]
    # The coordinator sees every case; the audit names the fields.
    assert len(family.therapy(family.signed_in.user).cases()) == 1
    created = [a for a in audit_actions(family) if a[1] == actions.THERAPY_CASE_CREATED]
    assert created == [
        (
            "therapist",
            actions.THERAPY_CASE_CREATED,
            "consent_given,contact_ids,goals,model_of_work,therapist_id,young_person_ids",
        )
    ]


def test_household_members_must_come_from_the_caseload_family(family: Family) -> None:
    base = CaseInput(therapist_id=family.therapist.account_id, young_person_ids=(family.son,))
    with pytest.raises(TherapyInputError, match="Only family contacts"):
        family.therapy().create_case(replace(base, contact_ids=(family.uncle_professional,)))
    with pytest.raises(TherapyInputError, match="not on a linked young person"):
        # The mother is recorded on the son's record, not the daughter's.
        family.therapy().create_case(
            replace(base, young_person_ids=(family.daughter,), contact_ids=(family.mother,))
        )
    with pytest.raises(TherapyInputError, match="at least one young person"):
        family.therapy().create_case(replace(base, young_person_ids=()))


def test_a_therapist_cannot_link_a_young_person_not_allocated_to_them(
    family: Family, clock: FakeClock
) -> None:
    people = PeopleService(family.signed_in.vault.sessions, family.signed_in.user, clock)
    stranger = people.create(PersonDetails(given_name="Sam", family_name="Lee"))
    with pytest.raises(RecordNotFoundError):
        family.therapy().create_case(
            CaseInput(therapist_id=family.therapist.account_id, young_person_ids=(stranger,))
        )


def test_update_case_reports_changed_fields(family: Family) -> None:
    view = family.therapy().case(family.case_id)
    changed = family.therapy().update_case(
        family.case_id, replace(view.details, goals="Calmer mornings", contact_ids=())
    )
    assert changed == ["goals", "contact_ids"]
    assert [m.name for m in family.therapy().members(family.case_id)] == [
        "Tariq Hassan",
        "Leila Hassan",
    ]
    assert family.therapy().update_case(family.case_id, family.therapy().case(1).details) == []


def test_sessions_are_numbered_with_attendance_per_family_member(family: Family) -> None:
    first = record_session(family)
    second = record_session(
        family,
        starts_at=family.clock.now() - timedelta(hours=1),
        outcome=SessionOutcome.CANCELLED_BY_FAMILY,
        location=SessionLocation.OFFICE,
        attendance={},
    )
    rows = family.therapy().sessions(family.case_id)
    assert [(r.id, r.number) for r in rows] == [(first, 1), (second, 2)]
    assert rows[0].attended == ["Tariq Hassan", "Amina Hassan"]
    assert rows[0].absent == ["Leila Hassan"]
    assert rows[1].outcome is SessionOutcome.CANCELLED_BY_FAMILY and rows[1].attended == []


def test_session_input_is_checked(family: Family, clock: FakeClock) -> None:
    with pytest.raises(TherapyInputError, match="at least one family member"):
        record_session(family, attendance={Member("young_person", family.son): False})
    with pytest.raises(TherapyInputError, match="between 5 minutes"):
        record_session(family, minutes=0)
    with pytest.raises(TherapyInputError, match="only be recorded as scheduled"):
        record_session(family, starts_at=family.clock.now() + timedelta(days=1))
    people = PeopleService(family.signed_in.vault.sessions, family.signed_in.user, clock)
    outsider = people.create(PersonDetails(given_name="Sam", family_name="Lee"))
    with pytest.raises(TherapyInputError, match="not in this family"):
        record_session(family, attendance={Member("young_person", outsider): True})


def test_diary_shows_past_and_upcoming_sessions_with_attendance_rates(
    family: Family, add_account: AddAccount
) -> None:
    now = family.clock.now()
    record_session(family, starts_at=now - timedelta(days=14))
    record_session(
        family,
        starts_at=now - timedelta(days=7),
        outcome=SessionOutcome.DID_NOT_ATTEND,
        attendance={Member("young_person", family.son): False},
    )
    record_session(
        family,
        starts_at=now - timedelta(days=3),
        outcome=SessionOutcome.CANCELLED_BY_SERVICE,
        attendance={},
    )
    record_session(
        family,
        starts_at=now + timedelta(days=7),
        outcome=SessionOutcome.SCHEDULED,
        attendance={},
    )

    diary = TherapyDiaryService(family.signed_in.vault.sessions, family.therapist, family.clock)
    rows = diary.diary(now - timedelta(days=30), now + timedelta(days=30))
    assert [(r.number, r.upcoming, r.family) for r in rows] == [
        (1, False, "Tariq Hassan, Leila Hassan"),
        (2, False, "Tariq Hassan, Leila Hassan"),
        (3, False, "Tariq Hassan, Leila Hassan"),
        (4, True, "Tariq Hassan, Leila Hassan"),
    ]
    assert [r.number for r in diary.diary(now, now + timedelta(days=30))] == [4]

    summary = diary.attendance(family.case_id)
    # The service's cancellation and the future session are not counted against the family.
    assert (summary.offered, summary.attended, summary.rate) == (2, 1, 0.5)
    assert [(m.name, m.attended, m.recorded, m.rate) for m in summary.members] == [
        ("Tariq Hassan", 1, 2, 0.5),
        ("Leila Hassan", 0, 1, 0.0),
        ("Amina Hassan", 1, 1, 1.0),
    ]

    other = add_account(Role.FAMILY_THERAPIST, "other")
    assert (
        TherapyDiaryService(family.signed_in.vault.sessions, other, family.clock).diary(
            now - timedelta(days=30), now + timedelta(days=30)
        )
        == []
    )


# ---- who may reach the section and the case ----------------------------------------------
def test_a_gangs_worker_cannot_reach_family_therapy(
    family: Family, add_account: AddAccount
) -> None:
    worker = add_account(Role.GANGS_WORKER, "worker")
    session_id = record_session(family)
    note_id = family.notes().start_note(session_id, make_note())
    with pytest.raises(PermissionDeniedError, match="Family therapy"):
        family.therapy(worker).cases()
    with pytest.raises(PermissionDeniedError, match="Family therapy"):
        family.therapy(worker).case(family.case_id)
    with pytest.raises(PermissionDeniedError, match="Family therapy"):
        family.notes(worker).note(note_id)
    with pytest.raises(PermissionDeniedError, match="Family therapy"):
        family.notes(worker).read_process_notes(note_id)


def test_another_therapist_does_not_reach_the_case(family: Family, add_account: AddAccount) -> None:
    other = add_account(Role.FAMILY_THERAPIST, "other")
    note_id = family.notes().start_note(record_session(family), make_note())
    assert family.therapy(other).cases() == []
    with pytest.raises(RecordNotFoundError):
        family.therapy(other).case(family.case_id)
    with pytest.raises(RecordNotFoundError):
        family.notes(other).read_process_notes(note_id)
    with pytest.raises(PermissionDeniedError):
        family.therapy(other).create_case(
            CaseInput(therapist_id=family.therapist.account_id, young_person_ids=(family.son,))
        )


# ---- notes: drafts, signing, addenda -----------------------------------------------------
def test_signed_note_cannot_change_and_takes_addenda(family: Family) -> None:
    notes = family.notes()
    note_id = notes.start_note(record_session(family), NoteInput(body="First words"))
    family.clock.advance(5)
    assert notes.save_draft(note_id, make_note()).changed == [
        "sections",
        "body",
        "shareable_summary",
        "process_notes",
        "risk_concern",
    ]
    draft = notes.note(note_id)
    assert not draft.signed and draft.saved_at == family.clock.now()

    digest = notes.sign_note(note_id)
    signed = notes.note(note_id)
    assert signed.signed and signed.content_hash == digest and len(digest) == 64
    assert signed.signed_by == family.therapist.display_name

    with pytest.raises(NoteSignedError, match="signed and can no longer be changed.*addendum"):
        notes.save_draft(note_id, NoteInput(body="Changed my mind"))
    with pytest.raises(NoteSignedError):
        notes.sign_note(note_id)
    # Not even the coordinator may change it.
    with pytest.raises(PermissionDeniedError):
        family.notes(family.signed_in.user).save_draft(note_id, NoteInput(body="x"))

    family.clock.advance(3600)
    addendum_id = notes.add_addendum(note_id, "  Mother phoned to add context.  ")
    view = notes.note(note_id)
    assert [(a.id, a.text, a.signed_at) for a in view.addenda] == [
        (addendum_id, "Mother phoned to add context.", family.clock.now())
    ]
    assert view.body == signed.body and view.content_hash == digest


def test_the_database_itself_refuses_to_change_a_signedmake_note(family: Family) -> None:
    notes = family.notes()
    note_id = notes.start_note(record_session(family), make_note())
    addendum_note = notes.start_note(record_session(family), make_note())
    notes.sign_note(note_id)
    notes.sign_note(addendum_note)
    notes.add_addendum(addendum_note, "Later context")
    statements = [
        f"UPDATE session_notes SET body = 'tampered' WHERE id = {note_id}",
        f"UPDATE session_notes SET signed_at = NULL WHERE id = {note_id}",
        f"DELETE FROM session_notes WHERE id = {note_id}",
        "UPDATE note_addenda SET text = 'tampered'",
        "DELETE FROM note_addenda",
    ]
    for statement in statements:
        with pytest.raises(IntegrityError, match="cannot be"):  # noqa: SIM117
            with family.signed_in.vault.engine.begin() as connection:
                connection.execute(text(statement))
    with family.signed_in.vault.sessions.begin() as session:
        row = session.get(SessionNote, note_id)
        assert row is not None and row.body.startswith("Themes")


def test_an_empty_note_cannot_be_signed_and_a_draft_takes_no_addendum(family: Family) -> None:
    notes = family.notes()
    note_id = notes.start_note(record_session(family), NoteInput(process_notes="only mine"))
    with pytest.raises(TherapyInputError, match="empty note.*risk and safeguarding check"):
        notes.sign_note(note_id)
    with pytest.raises(TherapyInputError, match="still a draft"):
        notes.add_addendum(note_id, "More")


def test_only_family_therapists_write_notes(family: Family) -> None:
    session_id = record_session(family)
    with pytest.raises(PermissionDeniedError):
        family.notes(family.signed_in.user).start_note(session_id, make_note())


def test_a_note_written_two_days_after_the_session_is_a_late_entry(family: Family) -> None:
    session_id = record_session(family, starts_at=family.clock.now() - timedelta(hours=49))
    on_time = record_session(family, starts_at=family.clock.now() - timedelta(hours=47))
    late = family.notes().start_note(session_id, make_note())
    prompt = family.notes().start_note(on_time, make_note())
    assert family.notes().note(late).late_entry
    assert not family.notes().note(prompt).late_entry


# ---- process notes -----------------------------------------------------------------------
def test_process_notes_are_read_by_their_author_alone(
    family: Family, add_account: AddAccount
) -> None:
    note_id = family.notes().start_note(record_session(family), make_note())
    family.notes().sign_note(note_id)
    assert family.notes().read_process_notes(note_id) == CANARY

    # The coordinator reaches the case and sees that process notes exist, never their text.
    coordinator = family.notes(family.signed_in.user)
    view = coordinator.note(note_id)
    assert view.has_process_notes
    assert CANARY not in repr(view)
    assert CANARY not in repr(coordinator.notes(view.session_id))
    with pytest.raises(PermissionDeniedError) as refused:
        coordinator.read_process_notes(note_id)
    assert CANARY not in str(refused.value)

    # A therapist who takes the case over reads the shareable record, not the process notes.
    successor = add_account(Role.FAMILY_THERAPIST, "successor")
    case = family.therapy(family.signed_in.user).case(family.case_id)
    family.therapy(family.signed_in.user).update_case(
        family.case_id, replace(case.details, therapist_id=successor.account_id)
    )
    assert family.notes(successor).note(note_id).shareable_summary.startswith("Family engaged")
    with pytest.raises(PermissionDeniedError):
        family.notes(successor).read_process_notes(note_id)

    reads = [
        (actor, action) for actor, action, fields in audit_actions(family) if "process" in action
    ]
    assert reads == [
        ("therapist", actions.PROCESS_NOTES_READ),
        ("coord", actions.PROCESS_NOTES_REFUSED),
        ("successor", actions.PROCESS_NOTES_REFUSED),
    ]


def test_audit_names_fields_and_never_holds_note_text(family: Family) -> None:
    notes = family.notes()
    note_id = notes.start_note(record_session(family), make_note())
    notes.save_draft(note_id, make_note(process=f"{CANARY} second thoughts"))
    notes.sign_note(note_id)
    notes.add_addendum(note_id, f"Addendum {BODY_CANARY}")
    notes.read_process_notes(note_id)

    logged = audit_text(family)
    assert CANARY not in logged and BODY_CANARY not in logged
    assert "Themes" not in logged and "Fewer arguments" not in logged
    saved = [
        fields
        for _, action, fields in audit_actions(family)
        if action == actions.SESSION_NOTE_SAVED
    ]
    assert saved == ["body,process_notes,sections,shareable_summary", "process_notes"]
    assert (
        "therapist",
        actions.NOTE_ADDENDUM_ADDED,
        "addendum_text",
    ) in audit_actions(family)
