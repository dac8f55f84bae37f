"""The demo vault's family therapy: cases, sessions, notes, escalation and SCORE-15, as the demo
family therapist sees them after signing in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from desktop.models.accounts import Role
from desktop.models.choices import NoteFormat, SessionOutcome
from desktop.models.chronology import ChronologyEntry
from desktop.models.tasks import Task
from desktop.services.bundle import Services
from desktop.services.demo_service import demo_username
from desktop.services.safeguarding_escalation import ENTRY_SUMMARY, TASK_TITLE
from desktop.services.sign_in_service import SignInService
from desktop.services.therapy_note_service import NoteView
from desktop.vault.layout import VaultLayout
from tests.conftest import PASSPHRASE, FakeClock, FastKdfPolicy


@pytest.fixture
def therapist(
    demo_vault: VaultLayout, vault_layout: VaultLayout, kdf: FastKdfPolicy, clock: FakeClock
) -> Iterator[Services]:
    """The demo vault, signed in as its family therapist."""
    signed_in = SignInService(vault_layout, clock).sign_in(
        demo_username(Role.FAMILY_THERAPIST), PASSPHRASE
    )
    services = Services.for_session(signed_in, kdf, clock)
    yield services
    signed_in.vault.lock()


def test_the_demo_therapist_opens_cases_with_sessions_notes_and_measures(
    therapist: Services, clock: FakeClock
) -> None:
    cases = therapist.therapy.cases()
    assert len(cases) == 5
    assert len({case.model_of_work for case in cases}) >= 3
    closed = [case for case in cases if case.ended_on is not None]
    assert len(closed) == 1
    assert therapist.therapy.case(closed[0].id).details.closing_summary

    notes: list[NoteView] = []
    falls = 0  # cases whose family total eased from the first measure to the last
    outcomes: Counter[SessionOutcome] = Counter()
    for case in cases:
        sessions = therapist.therapy.sessions(case.id)
        past = [s for s in sessions if s.starts_at <= clock.now()]
        upcoming = [s for s in sessions if s.starts_at > clock.now()]
        assert 4 <= len(past) <= 10
        assert all(s.outcome is SessionOutcome.SCHEDULED for s in upcoming)
        assert not upcoming if case.ended_on else 1 <= len(upcoming) <= 2
        assert [s.number for s in sessions] == sorted(s.number for s in sessions)
        assert [s.starts_at for s in sessions] == sorted(s.starts_at for s in sessions)
        outcomes.update(s.outcome for s in past)
        for row in past:
            for note in therapist.therapy_notes.notes(row.id):
                notes.append(note)
                assert note.created_at > row.starts_at
                if note.signed_at is not None:
                    assert note.signed_at > note.created_at
                    assert note.shareable_summary
        trend = therapist.outcomes.trend(case.id)
        assert len(trend.sessions) >= 2
        assert trend.family.points
        first, last = trend.family.points[0].scores.total, trend.family.points[-1].scores.total
        assert first is not None and last is not None
        falls += last < first
    assert {
        SessionOutcome.ATTENDED,
        SessionOutcome.DID_NOT_ATTEND,
        SessionOutcome.CANCELLED_BY_FAMILY,
        SessionOutcome.CANCELLED_BY_SERVICE,
    } <= set(outcomes)
    assert falls >= len(cases) - 1  # a gradual improvement, with noise

    signed = [note for note in notes if note.signed]
    drafts = [note for note in notes if not note.signed]
    assert len(drafts) == 1
    assert len(signed) >= 15
    assert {note.note_format for note in signed} == set(NoteFormat)
    assert sum(note.late_entry for note in notes) == 1
    assert sum(len(note.addenda) for note in notes) == 1
    assert any(note.has_process_notes for note in signed)
    concerns = [note for note in notes if note.risk_concern]
    assert len(concerns) == 1
    assert concerns[0].signed and concerns[0].safeguarding_raised_at is not None


def test_the_demo_concern_reached_the_young_persons_case(therapist: Services) -> None:
    with therapist.signed_in.vault.sessions.begin() as session:
        entries = session.execute(
            select(ChronologyEntry).where(ChronologyEntry.summary == ENTRY_SUMMARY)
        ).scalars()
        tasks = session.execute(select(Task).where(Task.title == TASK_TITLE)).scalars()
        assert [entry.significant for entry in entries] == [True]
        assert len(list(tasks)) == 1
