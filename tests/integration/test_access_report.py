"""The access report: who opened or exported a young person's record, and when."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import docx
import pytest
from docx.document import Document
from sqlalchemy import select

from desktop.bench.conference_case import ConferenceCase, build_conference_case
from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.choices import MeetingKind
from desktop.models.coaching import CoachingPlan
from desktop.models.data_protection import SubjectAccessRequest
from desktop.models.therapy import TherapyCasePerson
from desktop.services import actions
from desktop.services.access_report import AccessEvent, AccessReportService, access_events
from desktop.services.audited_export import ExportRecord, export_audited
from desktop.services.coaching_document_service import CoachingDocumentService
from desktop.services.conference_pack_service import ConferencePackService, PackOptions
from desktop.services.current_user import CurrentUser
from desktop.services.meeting_document_service import MeetingDocumentService
from desktop.services.meeting_records import ActionInput, MeetingInput
from desktop.services.meeting_service import MeetingService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.restriction_service import RestrictionService
from desktop.services.sign_in_service import SignedIn
from desktop.services.therapy_document_service import TherapyDocumentService
from tests.conftest import COORDINATOR_NAME, AddAccount, FakeClock, FastKdfPolicy


@pytest.fixture
def case(coordinator: tuple[SignedIn, str], kdf: FastKdfPolicy, clock: FakeClock) -> ConferenceCase:
    return build_conference_case(coordinator[0], kdf, clock, entries=3)


def _report(signed_in: SignedIn, user: CurrentUser, clock: FakeClock) -> AccessReportService:
    return AccessReportService(signed_in.vault.sessions, user, clock)


def _other_person(signed_in: SignedIn, clock: FakeClock) -> int:
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    return people.create(PersonDetails("Dana", "Okoro"))


def _meeting(signed_in: SignedIn, clock: FakeClock, people: list[int], about: int) -> int:
    meetings = MeetingService(signed_in.vault.sessions, signed_in.user, clock)
    meeting_id = meetings.create_meeting(
        MeetingInput(MeetingKind.STRATEGY, clock.now() - timedelta(days=1), "Room 4", "A. Chair")
    )
    meetings.set_people(meeting_id, people)
    meetings.add_action(
        meeting_id, ActionInput("Check in at college", owner_name="School", young_person_id=about)
    )
    return meeting_id


def test_every_opening_and_export_appears_with_who_and_when(
    coordinator: tuple[SignedIn, str], case: ConferenceCase, clock: FakeClock, tmp_path: Path
) -> None:
    signed_in = coordinator[0]
    sessions = signed_in.vault.sessions
    person = case.person_id
    other = _other_person(signed_in, clock)
    with sessions.begin() as session:
        therapy_case = session.execute(
            select(TherapyCasePerson.case_id).where(TherapyCasePerson.young_person_id == person)
        ).scalar_one()
        plan = session.execute(
            select(CoachingPlan.id).where(CoachingPlan.young_person_id == person)
        ).scalar_one()
        request = SubjectAccessRequest(
            young_person_id=person,
            received_on=clock.now().date(),
            due_on=clock.now().date() + timedelta(days=30),
            created_by_id=case.coordinator.account_id,
            created_at=clock.now(),
        )
        session.add(request)
        session.flush()
        request_id = request.id

    def step() -> datetime:
        clock.advance(60)
        return clock.now()

    opened_at = step()
    PeopleService(sessions, case.worker, clock).open_record(person)
    PeopleService(sessions, case.worker, clock).open_record(other)  # someone else's
    pack_at = step()
    ConferencePackService(sessions, case.coordinator, clock).export(
        person, tmp_path / "pack", PackOptions(password="s3cret!")
    )
    therapy_at = step()
    TherapyDocumentService(sessions, case.therapist, clock).closing_summary(
        therapy_case, tmp_path / "summary"
    )
    coaching_at = step()
    CoachingDocumentService(sessions, case.coach, clock).action_plan(plan, tmp_path / "plan")
    minutes_at = step()
    # They are not among the people discussed, only the subject of an action: still named.
    meeting = _meeting(signed_in, clock, [other], about=person)
    documents = MeetingDocumentService(sessions, case.coordinator, clock)
    documents.minutes(meeting, tmp_path / "minutes")
    tracker_at = step()
    documents.action_tracker(tmp_path / "tracker")
    step()
    _meeting(signed_in, clock, [other], about=other)
    documents.minutes(meeting + 1, tmp_path / "theirs")  # names only the other young person
    # Restricted, then opened by break glass by the worker, who is not named on it.
    RestrictionService(sessions, case.coordinator, clock).restrict(
        case.case_reference, "A relative of a member of staff", [case.therapist.account_id]
    )
    glass_at = step()
    RestrictionService(sessions, case.worker, clock).break_glass(
        case.case_reference, "Police called about him tonight, the duty worker must see"
    )
    sar_at = step()
    export_audited(
        sessions,
        clock,
        case.coordinator.username,
        tmp_path / "sar.docx",
        lambda _s: (
            _blank(),
            ExportRecord("subject_access_request", str(request_id), ["subject_access_pack"]),
        ),
    )

    events = _report(signed_in, case.coordinator, clock).report(person)

    built_at = events[0].at
    assert events[0] == AccessEvent(built_at, COORDINATOR_NAME, "Coordinator", "Opened the record")
    assert events[1:] == [
        AccessEvent(opened_at, "Sam Worker", "Gangs worker", "Opened the record"),
        AccessEvent(
            pack_at,
            COORDINATOR_NAME,
            "Coordinator",
            "Exported a case conference report (password protected)",
        ),
        AccessEvent(
            therapy_at,
            "Tess Therapist",
            "Family therapist",
            "Exported a family therapy closing summary",
        ),
        AccessEvent(
            coaching_at,
            "Cal Coach",
            "Employment coach",
            "Exported an employment coaching action plan",
        ),
        AccessEvent(minutes_at, COORDINATOR_NAME, "Coordinator", "Exported meeting minutes"),
        AccessEvent(
            tracker_at, COORDINATOR_NAME, "Coordinator", "Exported the meeting action tracker"
        ),
        AccessEvent(glass_at, "Sam Worker", "Gangs worker", "Opened by break glass"),
        AccessEvent(sar_at, COORDINATOR_NAME, "Coordinator", "Exported a subject access pack"),
    ]
    # The other young person's report: their opening and the two minutes naming them (the
    # tracker was made before any action about them).
    theirs = [e.what for e in _report(signed_in, case.coordinator, clock).report(other)]
    assert theirs == ["Opened the record", "Exported meeting minutes", "Exported meeting minutes"]
    with sessions.begin() as session:
        assert access_events(session, person) == events


def test_since_leaves_out_earlier_events(
    coordinator: tuple[SignedIn, str], clock: FakeClock
) -> None:
    signed_in = coordinator[0]
    person = _other_person(signed_in, clock)
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    people.open_record(person)
    clock.set_now(datetime(2025, 3, 20, 12, 0, tzinfo=UTC))
    people.open_record(person)
    report = _report(signed_in, signed_in.user, clock)
    assert len(report.report(person)) == 2
    [later] = report.report(person, since=date(2025, 3, 20))
    assert later.at == datetime(2025, 3, 20, 12, 0, tzinfo=UTC)
    assert report.report(person, since=date(2025, 3, 21)) == []


def test_only_the_coordinator_reads_it_and_reading_is_audited_without_names(
    coordinator: tuple[SignedIn, str], clock: FakeClock, add_account: AddAccount
) -> None:
    signed_in = coordinator[0]
    person = _other_person(signed_in, clock)
    for role in (Role.GANGS_WORKER, Role.ANALYST):
        user = add_account(role)
        service = _report(signed_in, user, clock)
        assert not service.may_read
        with pytest.raises(PermissionDeniedError):
            service.report(person)
    _report(signed_in, signed_in.user, clock).report(person, since=date(2025, 1, 1))
    with signed_in.vault.sessions.begin() as session:
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.action == actions.ACCESS_REPORT_READ)
        ).scalars()
        [read] = [(r.actor, r.entity_type, r.entity_id, r.fields) for r in rows]
    assert read == (signed_in.user.username, "young_person", str(person), "since")


def _blank() -> Document:
    return docx.Document()
