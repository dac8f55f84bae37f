"""Session-note templates and the risk check: signing needs an answer, a concern reaches every
linked young person's case once (chronology entry and key-worker task) without clinical detail,
and a change of format loses no words."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from desktop.models.accounts import Role
from desktop.models.choices import NoteFormat
from desktop.models.chronology import ChronologyEntry
from desktop.models.people import YoungPerson
from desktop.models.tasks import Task
from desktop.services import actions
from desktop.services.note_templates import RISK_CHECK, TEMPLATES, convert, keys_of
from desktop.services.safeguarding_escalation import ENTRY_SUMMARY, TASK_TITLE
from desktop.services.therapy_note_service import NoteInput, TherapyInputError
from tests.conftest import AddAccount
from tests.therapy_family import Family, audit_actions, audit_text, record_session

CLINICAL = "CLINICAL-detail-disclosed-9d1"


def _concern_note(**changes: object) -> NoteInput:
    values: dict[str, object] = {
        "note_format": NoteFormat.SOAP,
        "sections": {"subjective": "Son spoke of threats", RISK_CHECK: f"{CLINICAL} at school"},
        "risk_concern": True,
    }
    values.update(changes)
    return NoteInput(**values)  # type: ignore[arg-type]


def test_every_template_asks_the_risk_check_and_keeps_its_own_sections() -> None:
    for note_format, sections in TEMPLATES.items():
        assert RISK_CHECK in keys_of(note_format), note_format
        assert len({s.key for s in sections}) == len(sections)
    assert [s.label for s in TEMPLATES[NoteFormat.STRUCTURED]] == [
        "Presenting issues and themes",
        "Hypotheses",
        "Interventions used",
        "The family's response",
        "Risk and safeguarding check",
        "Plan for the next session",
    ]


def test_converting_between_formats_moves_unmatched_sections_into_the_free_text() -> None:
    kept, body = convert(
        {"hypotheses": "Triangulation", "plan": "Invite father", "presenting": ""},
        "Earlier text",
        NoteFormat.STRUCTURED,
        NoteFormat.BIRP,
    )
    assert kept == {"plan": "Invite father"}
    assert body == "Earlier text\n\nHypotheses:\nTriangulation"


def test_sections_outside_the_template_are_not_saved(family: Family) -> None:
    notes = family.notes()
    note_id = notes.start_note(
        record_session(family),
        NoteInput(NoteFormat.DAP, sections={"data": "Seen at home", "hypotheses": "dropped"}),
    )
    assert notes.note(note_id).sections == {"data": "Seen at home"}


def test_signing_needs_the_risk_check_answered_and_a_concern_described(family: Family) -> None:
    notes = family.notes()
    note_id = notes.start_note(record_session(family), NoteInput(sections={"presenting": "x"}))
    assert notes.signing_problems(note_id) == [
        "Answer the risk and safeguarding check before signing."
    ]
    with pytest.raises(TherapyInputError, match="risk and safeguarding check"):
        notes.sign_note(note_id)
    notes.save_draft(note_id, _concern_note(sections={"subjective": "x"}))
    with pytest.raises(TherapyInputError, match="Describe the safeguarding concern"):
        notes.sign_note(note_id)
    notes.save_draft(note_id, _concern_note())
    notes.sign_note(note_id)
    assert notes.note(note_id).risk_concern is True


def test_a_concern_reaches_every_linked_young_persons_case_once(
    family: Family, add_account: AddAccount
) -> None:
    worker = add_account(Role.GANGS_WORKER, "worker")
    with family.signed_in.vault.sessions.begin() as session:
        session.execute(
            update(YoungPerson)
            .where(YoungPerson.id == family.son)
            .values(key_worker_id=worker.account_id)
        )
    notes = family.notes()
    note_id = notes.start_note(record_session(family), NoteInput(sections={"subjective": "x"}))
    result = notes.save_draft(note_id, _concern_note())

    assert {
        (e.young_person_id, e.task_owner, e.owner_is_key_worker) for e in result.escalations
    } == {
        (family.son, worker.display_name, True),
        # No key worker: the task goes to the coordinator, and the therapist is told so.
        (family.daughter, "Casey Coordinator", False),
    }
    with family.signed_in.vault.sessions.begin() as session:
        entries = (
            session.execute(select(ChronologyEntry).where(ChronologyEntry.summary == ENTRY_SUMMARY))
            .scalars()
            .all()
        )
        tasks = session.execute(select(Task).where(Task.title == TASK_TITLE)).scalars().all()
        assert sorted(e.young_person_id for e in entries) == sorted([family.son, family.daughter])
        assert all(e.significant for e in entries)
        assert {t.young_person_id: t.owner_id for t in tasks}[family.son] == worker.account_id
        written = " ".join(e.summary + e.detail for e in entries) + " ".join(
            t.title + t.detail for t in tasks
        )
    assert CLINICAL not in written and "threats" not in written
    assert notes.note(note_id).safeguarding_raised_at is not None

    # Later saves, and taking the concern back and raising it again, add nothing more.
    assert notes.save_draft(note_id, _concern_note(body="more")).escalations == []
    notes.save_draft(note_id, _concern_note(risk_concern=False))
    assert notes.save_draft(note_id, _concern_note()).escalations == []
    assert [a for _, a, _ in audit_actions(family)].count(actions.SAFEGUARDING_RAISED) == 1
    assert CLINICAL not in audit_text(family)


def test_a_concern_in_the_first_save_is_passed_on_too(family: Family) -> None:
    note_id, saved = family.notes().start_note_saved(record_session(family), _concern_note())
    assert {e.young_person_id for e in saved.escalations} == {family.son, family.daughter}
    assert family.notes().note(note_id).safeguarding_raised_at == saved.saved_at
