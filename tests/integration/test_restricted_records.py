"""ACCEPTANCE: a restricted record is invisible to a user not named on it (caseload, search,
exports, meetings, tasks, therapy, coaching) until break-glass, which is audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import select

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.choices import EntryType, MeetingKind
from desktop.models.data_protection import RestrictionLift, RestrictionMember
from desktop.services import actions
from desktop.services.chronology_service import ChronologyService, EntryInput
from desktop.services.coaching_records import PlanInput
from desktop.services.coaching_service import CoachingService
from desktop.services.conference_pack_service import ConferencePackService
from desktop.services.current_user import CurrentUser
from desktop.services.duplicate_check import DuplicateCheck
from desktop.services.meeting_records import MeetingInput
from desktop.services.meeting_service import MeetingService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.restriction_service import (
    BREAK_GLASS_HOURS,
    RestrictionInputError,
    RestrictionService,
)
from desktop.services.sign_in_service import SignedIn
from desktop.services.task_service import TaskService
from desktop.services.therapy_records import CaseInput
from desktop.services.therapy_service import TherapyService
from tests.conftest import AddAccount, FakeClock

T = TypeVar("T")
WORD = "zebracanary"
REASON = "Police called about an urgent safeguarding concern tonight"


@dataclass(frozen=True)
class Scene:
    signed_in: SignedIn
    clock: FakeClock
    named: CurrentUser  # a gangs worker named on the restriction
    outsider: CurrentUser  # a gangs worker who is not (and holds a task on the record)
    other_coordinator: CurrentUser  # a coordinator who is not
    stranger: CurrentUser  # an employment coach not allocated to the young person
    restricted_id: int
    reference: str
    open_id: int

    def people(self, user: CurrentUser) -> PeopleService:
        return PeopleService(self.signed_in.vault.sessions, user, self.clock)

    def restrictions(self, user: CurrentUser) -> RestrictionService:
        return RestrictionService(self.signed_in.vault.sessions, user, self.clock)

    def service(self, kind: type[T], user: CurrentUser) -> T:
        return kind(self.signed_in.vault.sessions, user, self.clock)  # type: ignore[call-arg]


@pytest.fixture
def scene(coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock) -> Scene:
    signed_in, _ = coordinator
    lead = signed_in.user
    named = add_account(Role.GANGS_WORKER, "named")
    outsider = add_account(Role.GANGS_WORKER, "outsider")
    other = add_account(Role.COORDINATOR, "deputy")
    therapist = add_account(Role.FAMILY_THERAPIST, "therapist")
    coach = add_account(Role.EMPLOYMENT_COACH, "coach")
    stranger = add_account(Role.EMPLOYMENT_COACH, "stranger")
    sessions = signed_in.vault.sessions
    people = PeopleService(sessions, lead, clock)
    details = PersonDetails(
        "Zára",
        "Okonkwo",
        date_of_birth=date(2009, 5, 1),
        allocated_ids=[therapist.account_id, coach.account_id],
    )
    restricted_id = people.create(details)
    open_id = people.create(PersonDetails("Tom", "Baker", date_of_birth=date(2010, 1, 2)))
    reference = people.record_summary(restricted_id).case_reference
    earlier = clock.now() - timedelta(hours=2)
    ChronologyService(sessions, lead, clock).add_entry(
        restricted_id, EntryInput(earlier, EntryType.NOTE, f"Seen at the park {WORD}")
    )
    TaskService(sessions, lead, clock).add_task(restricted_id, "Visit home", outsider.account_id)
    meetings = MeetingService(sessions, lead, clock)
    meeting_id = meetings.create_meeting(MeetingInput(MeetingKind.STRATEGY, earlier))
    meetings.set_people(meeting_id, [restricted_id])
    TherapyService(sessions, lead, clock).create_case(
        CaseInput(therapist.account_id, young_person_ids=(restricted_id,))
    )
    CoachingService(sessions, lead, clock).create_plan(
        restricted_id, PlanInput(coach.account_id, clock.now().date())
    )
    RestrictionService(sessions, lead, clock).restrict(reference, REASON, [named.account_id])
    return Scene(
        signed_in, clock, named, outsider, other, stranger, restricted_id, reference, open_id
    )


def _reach(scene: Scene, user: CurrentUser, tmp_path: Path) -> dict[str, bool]:
    """Whether the restricted record shows through each way in, for this user."""
    people = scene.people(user)
    ids = {row.id for row in people.page(0, 50)}
    found: dict[str, bool] = {
        "count": people.count() == 2,
        "page": scene.restricted_id in ids,
        "search": bool(scene.service(ChronologyService, user).search(WORD, 0, 10)),
    }
    try:
        people.open_record(scene.restricted_id)
        found["open"] = True
    except RecordNotFoundError:
        found["open"] = False
    pack = scene.service(ConferencePackService, user)
    try:
        pack.export(scene.restricted_id, tmp_path / f"pack-{user.username}.docx")
        found["export"] = True
    except RecordNotFoundError:
        found["export"] = False
    today = scene.clock.now().date()
    meetings = scene.service(MeetingService, user).meetings(today - timedelta(days=1), today)
    found["meetings"] = meetings[0].people_count == 1
    return found


def test_a_user_not_named_cannot_reach_it_anywhere(scene: Scene, tmp_path: Path) -> None:
    everything_shut = dict.fromkeys(
        ["count", "page", "search", "open", "export", "meetings"], False
    )
    assert _reach(scene, scene.outsider, tmp_path) == everything_shut
    assert not (tmp_path / "pack-outsider.docx").exists()
    # The task the outsider owns on the record disappears from their own work list too.
    work = scene.service(TaskService, scene.outsider).my_work()
    assert all(t.person_id != scene.restricted_id for t in work.tasks_due_this_week)
    assert all(t.person_id != scene.restricted_id for t in work.overdue_tasks)
    # Other records stay open to them.
    scene.people(scene.outsider).open_record(scene.open_id)


def test_the_coordinator_not_named_is_refused_too(scene: Scene, tmp_path: Path) -> None:
    deputy = scene.other_coordinator
    assert not any(_reach(scene, deputy, tmp_path).values())
    assert scene.service(TherapyService, deputy).cases() == []
    assert scene.service(CoachingService, deputy).plans() == []


def test_named_staff_and_the_coordinator_who_restricted_it_see_it(
    scene: Scene, tmp_path: Path
) -> None:
    assert all(_reach(scene, scene.named, tmp_path).values())
    lead = scene.signed_in.user
    assert all(_reach(scene, lead, tmp_path).values())
    assert len(scene.service(TherapyService, lead).cases()) == 1
    assert len(scene.service(CoachingService, lead).plans()) == 1


def test_break_glass_opens_it_is_audited_with_ids_only_and_expires(
    scene: Scene, tmp_path: Path
) -> None:
    opening = scene.restrictions(scene.outsider).break_glass(scene.reference.lower(), REASON)
    assert opening.young_person_id == scene.restricted_id
    assert opening.expires_at == scene.clock.now() + timedelta(hours=BREAK_GLASS_HOURS)
    assert all(_reach(scene, scene.outsider, tmp_path).values())

    with scene.signed_in.vault.sessions.begin() as session:
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.action == actions.BREAK_GLASS)
        ).scalars()
        (row,) = rows
        assert (row.actor, row.entity_type, row.entity_id) == (
            "outsider",
            "young_person",
            str(scene.restricted_id),
        )
        written = " ".join([row.fields, row.outcome, row.entity_id])
    for secret in ("Police", "safeguarding", "Zára", "Okonkwo", scene.reference):
        assert secret not in written

    # The opening lasts a shift; after it, the record is shut again.
    scene.clock.advance(BREAK_GLASS_HOURS * 3600 + 1)
    with pytest.raises(RecordNotFoundError):
        scene.people(scene.outsider).open_record(scene.restricted_id)
    assert scene.service(ChronologyService, scene.outsider).search(WORD, 0, 10) == []


def test_the_coordinator_sees_openings_unreviewed_first_and_marks_them(scene: Scene) -> None:
    scene.restrictions(scene.outsider).break_glass(scene.reference, REASON)
    scene.clock.advance(60)
    scene.restrictions(scene.other_coordinator).break_glass(scene.reference, REASON)
    lead = scene.restrictions(scene.signed_in.user)
    first, second = lead.break_glass_openings()
    assert (first.opened_by, second.opened_by) == ("Test Coordinator", "Test Gangs worker")
    assert first.reviewed_at is None and first.reason == REASON
    lead.mark_reviewed(first.id)
    reordered = lead.break_glass_openings()
    assert [row.id for row in reordered] == [second.id, first.id]
    assert reordered[1].reviewed_by == scene.signed_in.user.display_name
    with pytest.raises(PermissionDeniedError):
        scene.restrictions(scene.outsider).break_glass_openings()


def test_break_glass_needs_a_real_reason_and_a_restricted_record(scene: Scene) -> None:
    service = scene.restrictions(scene.outsider)
    with pytest.raises(RestrictionInputError, match="at least 4 words"):
        service.break_glass(scene.reference, "urgent")
    open_reference = scene.people(scene.outsider).record_summary(scene.open_id).case_reference
    with pytest.raises(RestrictionInputError, match="not a restricted record"):
        service.break_glass(open_reference, REASON)
    with pytest.raises(RestrictionInputError, match="No record has"):
        service.break_glass("IGX-9999", REASON)
    with pytest.raises(RestrictionInputError, match="You are named"):
        scene.restrictions(scene.named).break_glass(scene.reference, REASON)
    # Break glass lifts the restriction, not the role's reach: a coach not allocated is told.
    with pytest.raises(RestrictionInputError, match="Your role does not open"):
        scene.restrictions(scene.stranger).break_glass(scene.reference, REASON)


def test_only_the_coordinator_restricts_and_the_list_hides_names_from_unnamed(
    scene: Scene,
) -> None:
    with pytest.raises(PermissionDeniedError):
        scene.restrictions(scene.named).lift(scene.restricted_id, REASON)
    (mine,) = scene.restrictions(scene.signed_in.user).restricted_records()
    assert mine.name == "Zára Okonkwo"
    assert set(mine.staff_ids) == {scene.signed_in.user.account_id, scene.named.account_id}
    (theirs,) = scene.restrictions(scene.other_coordinator).restricted_records()
    assert theirs.name is None and theirs.case_reference == scene.reference


def test_changing_staff_and_lifting(scene: Scene) -> None:
    lead = scene.restrictions(scene.signed_in.user)
    with pytest.raises(RestrictionInputError, match="at least one"):
        lead.set_staff(scene.restricted_id, [])
    lead.set_staff(
        scene.restricted_id, [scene.signed_in.user.account_id, scene.outsider.account_id]
    )
    scene.people(scene.outsider).open_record(scene.restricted_id)
    with pytest.raises(RecordNotFoundError):
        scene.people(scene.named).open_record(scene.restricted_id)
    with pytest.raises(RestrictionInputError, match="reason"):
        lead.lift(scene.restricted_id, "done")
    lead.lift(scene.restricted_id, "The family moved out of the borough")
    scene.people(scene.named).open_record(scene.restricted_id)
    assert lead.restricted_records() == []
    # The named staff went with it: restricting again starts afresh. The record keeps its
    # history: when the restriction ran, who lifted it and why.
    with scene.signed_in.vault.sessions.begin() as session:
        assert session.execute(select(RestrictionMember)).first() is None
        (lift,) = session.execute(select(RestrictionLift)).scalars()
        assert lift.young_person_id == scene.restricted_id
        assert lift.reason == "The family moved out of the borough"
        assert lift.lifted_by_id == scene.signed_in.user.account_id
    lead.restrict(scene.restricted_id, REASON, [scene.named.account_id])
    with pytest.raises(RecordNotFoundError):
        scene.people(scene.outsider).open_record(scene.restricted_id)


def test_duplicate_check_shows_only_the_reference_of_a_restricted_match(scene: Scene) -> None:
    outsider = scene.service(DuplicateCheck, scene.outsider)
    (match,) = outsider.possible_matches("zara", "OKONKWO", None)
    assert match.restricted and match.case_reference == scene.reference
    assert match.young_person_id is None and match.name == "" and match.date_of_birth is None
    assert "Okonkwo" not in match.description and scene.reference in match.description
    # The date of birth and either name is enough.
    (by_birth,) = outsider.possible_matches("", "Okonkwo", date(2009, 5, 1))
    assert by_birth.restricted
    named = scene.service(DuplicateCheck, scene.named)
    (seen,) = named.possible_matches("Zara", "Okonkwo", None)
    assert not seen.restricted and seen.name == "Zára Okonkwo"
    assert outsider.possible_matches("Tom", "Smith", None) == []
    (tom,) = outsider.possible_matches("tom", "baker", None)
    assert tom.young_person_id == scene.open_id
