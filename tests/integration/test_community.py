"""Community engagement through its services: partners and their history of joint work,
activities with attendance counted by audience and an action plan, training ratings, ride-outs
that add a chronology entry to each young person seen, critical incidents seen only by the roles
the coordinator allows, and the strategy's progress per outcome."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.choices import (
    ActionStatus,
    ActivityKind,
    AudienceKind,
    EntryType,
    IncidentKind,
    PartnerKind,
    StrategyOutcome,
    SupportKind,
)
from desktop.services import actions
from desktop.services.chronology_service import ChronologyService
from desktop.services.community_common import ActionInput, CommunityInputError
from desktop.services.current_user import CurrentUser
from desktop.services.engagement_records import ActivityInput
from desktop.services.engagement_service import EngagementService
from desktop.services.incident_records import IncidentInput, SupportInput
from desktop.services.incident_service import CriticalIncidentService
from desktop.services.partner_service import ContactInput, PartnerInput, PartnerService
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.ride_out_service import RideOutInput, RideOutService, SeenInput
from desktop.services.strategy_service import StrategyService
from desktop.services.training_service import TrainingService
from tests.conftest import AddAccount
from tests.meeting_fixtures import Unit

SECRET_FINDING = "Mothers feel isolated from the school gates"


def _partners(unit: Unit, user: CurrentUser | None = None) -> PartnerService:
    return PartnerService(unit.signed_in.vault.sessions, user or unit.coordinator, unit.clock)


def _engagement(unit: Unit, user: CurrentUser | None = None) -> EngagementService:
    return EngagementService(unit.signed_in.vault.sessions, user or unit.coordinator, unit.clock)


def _incidents(unit: Unit, user: CurrentUser | None = None) -> CriticalIncidentService:
    return CriticalIncidentService(
        unit.signed_in.vault.sessions, user or unit.coordinator, unit.clock
    )


def _audit_fields(unit: Unit, action: str) -> list[str]:
    return [row.fields for row in unit.audit(action)]


def test_partner_with_contacts_and_history_of_joint_work(unit: Unit) -> None:
    partners = _partners(unit)
    group = partners.create_partner(
        PartnerInput(
            "Kurdish Women's Group",
            PartnerKind.COMMUNITY_GROUP,
            "Church Street",
            ("Iraqi Kurdish", "Iraqi Kurdish", " "),
            ("Kurdish (Sorani)", "Arabic"),
        )
    )
    partners.set_contacts(group, [ContactInput("Ms A. Coordinator", "Chair", "020 7946 0001")])
    activity = _engagement(unit).create_activity(
        ActivityInput(ActivityKind.COMMUNITY_EVENT, "Lunch and conversation", date(2025, 2, 10))
    )
    _engagement(unit).set_partners(activity, [group])
    partners.add_note(group, date(2025, 1, 20), "Planned the lunch together.")
    view = partners.partner(group)
    assert view.communities == ("Iraqi Kurdish",)
    assert view.languages == ("Kurdish (Sorani)", "Arabic")
    assert [c.name for c in view.contacts] == ["Ms A. Coordinator"]
    assert [(w.what, w.on) for w in view.history] == [
        ("activity", date(2025, 2, 10)),
        ("note", date(2025, 1, 20)),
    ]
    (row,) = partners.partners(search="sorani")
    assert (row.id, row.contacts, row.activities, row.last_worked_on) == (
        group,
        1,
        1,
        date(2025, 2, 10),
    )
    assert partners.update_partner(group, view.details()) == []
    with pytest.raises(CommunityInputError, match="no @"):
        partners.set_contacts(group, [ContactInput("B", email="nobody")])
    # The audit names fields only: never the organisation's name or a contact's number.
    assert "name" in _audit_fields(unit, actions.PARTNER_CREATED)[0]
    everything = _audit_text(unit)
    assert "Kurdish" not in everything and "020 7946" not in everything


def _audit_text(unit: Unit) -> str:
    with unit.signed_in.vault.sessions.begin() as session:
        rows = session.execute(select(AuditEntry)).scalars()
        return "\n".join(f"{r.entity_id} {r.fields} {r.outcome}" for r in rows)


def test_activity_with_attendance_actions_shares_and_outcomes(unit: Unit) -> None:
    engagement = _engagement(unit)
    library = _partners(unit).create_partner(
        PartnerInput("Church Street Library", PartnerKind.COUNCIL)
    )
    activity = engagement.create_activity(
        ActivityInput(
            ActivityKind.PARENTS_GATHERING,
            "Keeping Young People Safe and Healthy",
            date(2025, 3, 1),
            "Church Street Library",
            languages=("English", "Arabic"),
            findings=SECRET_FINDING,
        )
    )
    engagement.set_attendance(
        activity, {AudienceKind.PARENTS: 23, AudienceKind.YOUNG_PEOPLE: 6, AudienceKind.OTHER: 0}
    )
    engagement.set_partners(activity, [library])
    engagement.set_outcomes(activity, [StrategyOutcome.PARTICIPATION, StrategyOutcome.TRUST])
    first = engagement.add_action(
        activity,
        ActionInput("Share the local offer leaflet", owner_id=unit.worker.account_id),
        [StrategyOutcome.SERVICES],
    )
    engagement.add_action(activity, ActionInput("Book the next date", "Library manager"))
    engagement.set_action_status(first, ActionStatus.DONE)
    assert engagement.record_shares(activity, [library], date(2025, 3, 10)) == 1
    assert engagement.record_shares(activity, [library], date(2025, 3, 10)) == 0

    view = engagement.activity(activity)
    assert [(a.audience, a.count) for a in view.attendance] == [
        (AudienceKind.PARENTS, 23),
        (AudienceKind.YOUNG_PEOPLE, 6),
    ]
    assert view.total_attendance == 29
    assert [a.owner_name for a in view.actions] == ["Test Gangs worker", "Library manager"]
    assert view.actions[0].done_on == unit.today and view.actions[0].outcomes == (
        StrategyOutcome.SERVICES,
    )
    assert [s.partner_name for s in view.shares] == ["Church Street Library"]
    assert view.outcomes == (StrategyOutcome.PARTICIPATION, StrategyOutcome.TRUST)
    (row,) = engagement.activities(date(2025, 3, 1), date(2025, 3, 31))
    assert (row.attendance, row.partners, row.open_actions) == (29, 1, 1)
    assert engagement.activities(date(2025, 3, 1), date(2025, 3, 31), partner_id=library)
    assert not engagement.activities(
        date(2025, 3, 1), date(2025, 3, 31), outcome=StrategyOutcome.RESILIENCE
    )
    assert len(engagement.actions(open_only=True)) == 1
    assert len(engagement.actions(outcome=StrategyOutcome.SERVICES, open_only=False)) == 1
    assert SECRET_FINDING not in _audit_text(unit)
    with pytest.raises(CommunityInputError, match="whole number"):
        engagement.set_attendance(activity, {AudienceKind.PARENTS: -1})


def test_roles_without_community_are_refused(unit: Unit) -> None:
    with pytest.raises(PermissionDeniedError):
        _partners(unit, unit.therapist).partners()
    with pytest.raises(PermissionDeniedError):
        _engagement(unit, unit.therapist).activities(date(2025, 1, 1), date(2025, 3, 1))


def test_training_ratings_summarise_before_and_after(unit: Unit) -> None:
    engagement = _engagement(unit)
    training = TrainingService(unit.signed_in.vault.sessions, unit.coordinator, unit.clock)
    session = engagement.create_activity(
        ActivityInput(ActivityKind.TRAINING, "RAGE training", date(2025, 3, 5))
    )
    engagement.set_attendance(session, {AudienceKind.FRONTLINE: 12})
    training.set_ratings(session, {1: 3, 2: 5, 3: 4}, {3: 2, 4: 6, 5: 4})
    summary = training.ratings(session)
    assert summary.before == (3, 5, 4, 0, 0) and summary.after == (0, 0, 2, 6, 4)
    assert summary.mean_before == pytest.approx(25 / 12)
    assert summary.mean_after == pytest.approx(50 / 12)
    assert summary.change == pytest.approx(25 / 12)
    (row,) = training.sessions(date(2025, 3, 1), date(2025, 3, 31))
    assert (row.attended, row.audiences) == (12, (AudienceKind.FRONTLINE,))
    assert training.overall(date(2025, 1, 1), date(2025, 3, 31)) == summary
    event = engagement.create_activity(
        ActivityInput(ActivityKind.COMMUNITY_EVENT, "Not training", date(2025, 3, 5))
    )
    with pytest.raises(CommunityInputError, match="training sessions only"):
        training.set_ratings(event, {3: 1}, {})
    with pytest.raises(CommunityInputError, match="from 1 to 5"):
        training.set_ratings(session, {6: 1}, {})


def test_a_ride_out_seeing_two_young_people_adds_an_entry_to_each_case(unit: Unit) -> None:
    first = unit.person("Amani", "Osei", unit.worker)
    second = unit.person("Kofi", "Mensah", unit.worker)
    service = RideOutService(unit.signed_in.vault.sessions, unit.worker, unit.clock)
    started = datetime(2025, 3, 13, 19, 0, tzinfo=UTC)
    ride_out = service.record_ride_out(
        RideOutInput(
            started,
            "Church Street estate",
            "Groups gathering by the parade.",
            (unit.worker.account_id, unit.coordinator.account_id),
            (SeenInput(first, "Talked about college."), SeenInput(second)),
        )
    )
    chronology = ChronologyService(unit.signed_in.vault.sessions, unit.coordinator, unit.clock)
    for person in (first, second):
        (entry,) = chronology.entries(person, 0, 10)
        assert entry.entry_type is EntryType.RIDE_OUT
        assert entry.occurred_at == started
        assert entry.author == unit.worker.display_name
        assert "Church Street estate" in entry.summary
    (seen_first,) = chronology.entries(first, 0, 10)
    assert chronology.entry(seen_first.id).details.detail == "Talked about college."
    view = service.ride_out(ride_out)
    assert [p.person_id for p in view.people] == [second, first]  # by family name
    assert {s.name for s in view.staff} == {unit.worker.display_name, unit.coordinator.display_name}
    assert len(unit.audit(actions.CHRONOLOGY_ENTRY_ADDED)) == 2

    # Editing the round leaves the entries; a third young person seen gets an entry too.
    edited = replace(view.details(), concerns="Quieter than last week.")
    assert service.update_ride_out(ride_out, edited) == ["concerns"]
    third = unit.person("Zara", "Ali", unit.worker)
    service.add_people_seen(ride_out, [SeenInput(third)])
    assert [e.entry_type for e in chronology.entries(third, 0, 10)] == [EntryType.RIDE_OUT]
    with pytest.raises(CommunityInputError, match="already on this ride-out"):
        service.add_people_seen(ride_out, [SeenInput(third)])


def test_a_ride_out_names_only_young_people_the_user_may_open(
    unit: Unit, add_account: AddAccount
) -> None:
    advocate = add_account(Role.ADVOCATE)
    theirs = unit.person("Leila", "Haddad", unit.worker, advocate)
    other = unit.person("Sam", "Other", unit.worker)
    service = RideOutService(unit.signed_in.vault.sessions, advocate, unit.clock)
    started = datetime(2025, 3, 13, 19, 0, tzinfo=UTC)
    with pytest.raises(RecordNotFoundError):
        service.record_ride_out(RideOutInput(started, "Estate", seen=(SeenInput(other),)))
    # Nothing was written: the refusal came before any entry.
    chronology = ChronologyService(unit.signed_in.vault.sessions, unit.coordinator, unit.clock)
    assert chronology.entries(other, 0, 10) == []
    worker = RideOutService(unit.signed_in.vault.sessions, unit.worker, unit.clock)
    both = worker.record_ride_out(
        RideOutInput(started, "Estate", seen=(SeenInput(theirs), SeenInput(other)))
    )
    view = service.ride_out(both)
    assert [p.person_id for p in view.people] == [theirs] and view.hidden_people == 1
    (row,) = service.ride_outs(date(2025, 3, 13), date(2025, 3, 13))
    assert row.people_seen == 1


def test_a_critical_incident_is_invisible_until_the_coordinator_allows_the_role(
    unit: Unit, add_account: AddAccount
) -> None:
    officer = add_account(Role.COMMUNITY_OFFICER)
    coordinator = _incidents(unit)
    incident = coordinator.create_incident(
        IncidentInput(
            date(2025, 3, 2),
            "Harrow Road",
            IncidentKind.FATAL_STABBING,
            families="Two families of Sudanese heritage",
            tension_notes="Parents afraid to let children out.",
        )
    )
    person = unit.person("Amani", "Osei", unit.worker)
    coordinator.set_people(incident, [person])
    support = coordinator.add_support(
        incident, SupportInput(SupportKind.VISIT, date(2025, 3, 3), "First family")
    )
    coordinator.update_support(
        support,
        SupportInput(SupportKind.VISIT, date(2025, 3, 3), "First family", date(2025, 3, 4)),
    )
    coordinator.add_action(incident, ActionInput("Community meeting with the mosque", "Imam"))

    hidden = _incidents(unit, officer)
    assert not hidden.can_see()
    for call in (
        hidden.incidents,
        lambda: hidden.incident(incident),
        lambda: hidden.create_incident(IncidentInput(date(2025, 3, 2), "X", IncidentKind.OTHER)),
        lambda: hidden.add_support(
            incident, SupportInput(SupportKind.CALL, date(2025, 3, 3), "Family")
        ),
        lambda: hidden.set_allowed_roles([Role.COMMUNITY_OFFICER]),
    ):
        with pytest.raises(PermissionDeniedError):
            call()

    coordinator.set_allowed_roles([Role.COMMUNITY_OFFICER])
    assert coordinator.allowed_roles() == {Role.COORDINATOR, Role.COMMUNITY_OFFICER}
    assert hidden.can_see()
    (row,) = hidden.incidents()
    assert (row.id, row.support_offered, row.support_given, row.open_actions) == (incident, 1, 1, 1)
    # The community officer opens no young people's records: the person is counted, not named.
    assert row.people_affected == 0
    view = hidden.incident(incident)
    assert view.people == [] and view.hidden_people == 1
    assert view.support[0].given_on == date(2025, 3, 4)
    assert coordinator.incident(incident).people[0].person_id == person
    (change,) = unit.audit(actions.SETTING_CHANGED)
    assert change.outcome == "community_officer"

    coordinator.set_allowed_roles([])
    with pytest.raises(PermissionDeniedError):
        hidden.incidents()


def test_strategy_progress_counts_activities_and_actions_per_outcome(unit: Unit) -> None:
    engagement = _engagement(unit)
    in_period = engagement.create_activity(
        ActivityInput(
            ActivityKind.WORKSHOP, "Community Zoom meeting", date(2025, 2, 1), online=True
        )
    )
    before = engagement.create_activity(
        ActivityInput(ActivityKind.WORKSHOP, "Earlier workshop", date(2024, 12, 1))
    )
    engagement.set_attendance(in_period, {AudienceKind.PARENTS: 10})
    engagement.set_outcomes(in_period, [StrategyOutcome.TRUST, StrategyOutcome.RESILIENCE])
    engagement.set_outcomes(before, [StrategyOutcome.TRUST])
    standing = engagement.add_action(
        None, ActionInput("Set up a parents' network", "Faith forum"), [StrategyOutcome.TRUST]
    )
    done = engagement.add_action(
        in_period, ActionInput("Send the parenting handout", "Officer"), [StrategyOutcome.TRUST]
    )
    engagement.set_action_status(done, ActionStatus.DONE)
    progress = StrategyService(
        unit.signed_in.vault.sessions, unit.coordinator, unit.clock
    ).progress(date(2025, 1, 1), date(2025, 3, 31))
    trust = progress.for_outcome(StrategyOutcome.TRUST)
    assert [a.id for a in trust.activities] == [in_period]
    assert trust.people_reached == 10
    assert [a.id for a in trust.open_actions] == [standing]
    assert [a.id for a in trust.done_actions] == [done]
    assert progress.for_outcome(StrategyOutcome.RESILIENCE).activity_count == 1
    assert progress.for_outcome(StrategyOutcome.SERVICES).activity_count == 0


def test_a_new_action_may_not_be_due_in_the_past(unit: Unit) -> None:
    yesterday = unit.today - timedelta(days=1)
    with pytest.raises(CommunityInputError, match="already passed"):
        _engagement(unit).add_action(None, ActionInput("Late", "Someone", due_on=yesterday))
