"""The retention schedule, the monthly review list, keep and dispose decisions, legal holds and
the refusals that guard disposal, against a real vault."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.base import Base
from desktop.models.choices import RecordKind, RetentionDecisionKind, RetentionTrigger
from desktop.models.data_protection import RecordRestriction, RestrictionMember
from desktop.services.disposal_service import DisposalRefusedError, DisposalService
from desktop.services.disposal_targets import plan_disposal
from desktop.services.permissions import PermissionDeniedError
from desktop.services.retention_holds import LegalHoldService, RecordHeldError
from desktop.services.retention_review_service import RetentionReviewService
from desktop.services.retention_schedule import (
    DEFAULT_RULES,
    RetentionInputError,
    RetentionScheduleService,
)
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock
from tests.retention_seed import case_reference, close_case, make_person

K = RecordKind
D = RetentionDecisionKind
# The fixture clock's day (14 March 2025): a case closed today is due six years on.
CLOSED_ON = date(2025, 3, 14)


class Unit:
    """The coordinator's three retention services over one vault."""

    def __init__(self, signed_in: SignedIn, clock: FakeClock) -> None:
        sessions, user = signed_in.vault.sessions, signed_in.user
        self.signed_in = signed_in
        self.clock = clock
        self.schedule = RetentionScheduleService(sessions, user, clock)
        self.review = RetentionReviewService(sessions, user, clock)
        self.holds = LegalHoldService(sessions, user, clock)
        self.disposal = DisposalService(sessions, user, clock)

    def closed_case(self, family: str = "Closed") -> int:
        person = make_person(self.signed_in, self.clock, "Riley", family)
        close_case(self.signed_in, self.clock, person)
        return person

    def due_ids(self, month: date) -> list[int]:
        return [row.record_id for row in self.review.due(month) if row.kind is K.CASE_RECORD]

    def audit(self, action: str) -> list[AuditEntry]:
        with self.signed_in.vault.sessions.begin() as session:
            return list(
                session.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars()
            )


@pytest.fixture
def unit(coordinator: tuple[SignedIn, str], clock: FakeClock) -> Unit:
    return Unit(coordinator[0], clock)


def test_the_schedule_starts_with_the_councils_defaults(unit: Unit) -> None:
    rows = unit.schedule.rules()
    assert [row.rule.kind for row in rows] == list(RecordKind)
    assert all(row.is_default for row in rows)
    by_kind = {row.rule.kind: row.rule for row in rows}
    assert by_kind[K.CASE_RECORD].text == "6 years after the case closed"
    assert by_kind[K.THERAPY_CASE].text == "8 years after the record closed"
    assert by_kind[K.SUBJECT_ACCESS_REQUEST].years == 2
    assert {kind: (r.trigger, r.years) for kind, r in by_kind.items()} == DEFAULT_RULES


def test_the_coordinator_changes_a_rule_and_it_is_audited(unit: Unit) -> None:
    unit.schedule.set_rule(K.CASE_RECORD, RetentionTrigger.TWENTY_FIFTH_BIRTHDAY, 2)
    row = unit.schedule.rules()[0]
    assert row.rule.text == "2 years after the young person's 25th birthday"
    assert not row.is_default and row.updated_by == "Casey Coordinator"
    [entry] = unit.audit("retention_rule_changed")
    assert (entry.entity_type, entry.entity_id, entry.fields) == (
        "retention_rule",
        "case_record",
        "trigger,years",
    )
    unit.schedule.set_rule(K.CASE_RECORD, RetentionTrigger.TWENTY_FIFTH_BIRTHDAY, 2)
    assert len(unit.audit("retention_rule_changed")) == 1  # nothing changed, nothing audited


def test_a_rule_out_of_range_or_counting_from_a_missing_date_is_refused(unit: Unit) -> None:
    with pytest.raises(RetentionInputError, match="1 to 100 years"):
        unit.schedule.set_rule(K.CASE_RECORD, RetentionTrigger.CASE_CLOSED, 0)
    with pytest.raises(RetentionInputError, match="1 to 100 years"):
        unit.schedule.set_rule(K.CASE_RECORD, RetentionTrigger.CASE_CLOSED, 101)
    with pytest.raises(RetentionInputError, match="after the record's date"):
        unit.schedule.set_rule(K.MEETING, RetentionTrigger.CASE_CLOSED, 6)
    assert all(row.is_default for row in unit.schedule.rules())


def test_only_the_coordinator_sees_or_changes_retention(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> None:
    signed_in, _ = coordinator
    worker = add_account(Role.GANGS_WORKER, "worker")
    sessions = signed_in.vault.sessions
    with pytest.raises(PermissionDeniedError):
        RetentionScheduleService(sessions, worker, clock).set_rule(
            K.CASE_RECORD, RetentionTrigger.CASE_CLOSED, 3
        )
    with pytest.raises(PermissionDeniedError):
        RetentionReviewService(sessions, worker, clock).due(CLOSED_ON)
    with pytest.raises(PermissionDeniedError):
        LegalHoldService(sessions, worker, clock).place(None, "Inquiry", "REF-1")
    with pytest.raises(PermissionDeniedError):
        DisposalService(sessions, worker, clock).log()


def test_records_fall_due_in_the_month_their_retention_ends_and_open_cases_never(
    unit: Unit,
) -> None:
    closed = unit.closed_case()
    open_case = make_person(unit.signed_in, unit.clock, "Open", "Case")
    assert unit.due_ids(date(2031, 2, 1)) == []
    assert unit.due_ids(date(2031, 3, 1)) == [closed]
    # Overdue records stay on the list until decided.
    [row] = unit.review.due(date(2031, 9, 1))
    assert (row.trigger_on, row.due_on) == (CLOSED_ON, date(2031, 3, 14))
    assert row.label == f"Riley Closed ({case_reference(unit.signed_in, closed)})"
    assert row.rule.text == "6 years after the case closed" and not row.held
    # Counting from the 25th birthday (born 1 June 2007) still never lists the open case.
    unit.schedule.set_rule(K.CASE_RECORD, RetentionTrigger.TWENTY_FIFTH_BIRTHDAY, 1)
    assert unit.due_ids(date(2033, 5, 1)) == []
    assert unit.due_ids(date(2033, 6, 1)) == [closed]
    assert open_case not in unit.due_ids(date(2090, 1, 1))


def test_keep_needs_a_reason_and_a_date_and_hides_the_record_until_then(unit: Unit) -> None:
    person = unit.closed_case()
    with pytest.raises(RetentionInputError) as missing:
        unit.review.decide(K.CASE_RECORD, person, D.KEEP)
    assert "Say why" in str(missing.value) and "reviewed again" in str(missing.value)
    unit.clock.set_now(datetime(2031, 3, 20, 10, tzinfo=UTC))
    unit.review.decide(K.CASE_RECORD, person, D.KEEP, "Civil claim likely", date(2032, 6, 1))
    assert unit.due_ids(date(2031, 3, 1)) == []
    assert unit.due_ids(date(2032, 5, 1)) == []
    [row] = unit.review.due(date(2032, 6, 1))
    assert (row.decision, row.next_review_on) == (D.KEEP, date(2032, 6, 1))
    [entry] = unit.audit("retention_decided")
    assert (entry.entity_type, entry.entity_id, entry.outcome) == (
        "case_record",
        str(person),
        "keep",
    )
    assert entry.fields == "decision,next_review_on,reason"


def test_a_hold_on_one_record_blocks_its_disposal_until_lifted(unit: Unit) -> None:
    person = unit.closed_case()
    other = unit.closed_case("Other")
    hold = unit.holds.place((K.CASE_RECORD, person), "Inquiry into the unit", "INQ-7")
    assert [r.held for r in unit.review.due(date(2031, 3, 1))] == [True, False]
    with pytest.raises(RecordHeldError, match="INQ-7"):
        unit.review.decide(K.CASE_RECORD, person, D.DISPOSE)
    unit.review.decide(K.CASE_RECORD, other, D.DISPOSE)  # the other record is not held
    with pytest.raises(RetentionInputError, match="Say why"):
        unit.holds.lift(hold, "  ")
    unit.holds.lift(hold, "Inquiry closed")
    assert unit.holds.holds() == []
    [lifted] = unit.holds.holds(include_lifted=True)
    assert lifted.lift_reason == "Inquiry closed" and not lifted.active
    unit.review.decide(K.CASE_RECORD, person, D.DISPOSE)
    reference = case_reference(unit.signed_in, person)
    result = unit.disposal.dispose(K.CASE_RECORD, person, reference.lower(), lambda _: None)
    assert result.rows_removed > 0
    assert unit.due_ids(date(2031, 3, 1)) == [other]
    assert [e.entity_id for e in unit.audit("legal_hold_placed")] == [str(hold)]
    assert [e.entity_id for e in unit.audit("legal_hold_lifted")] == [str(hold)]


def test_a_hold_on_every_record_blocks_disposal_with_a_clear_message(unit: Unit) -> None:
    person = unit.closed_case()
    unit.review.decide(K.CASE_RECORD, person, D.DISPOSE)
    with pytest.raises(RetentionInputError, match="reference"):
        unit.holds.place(None, "Public inquiry", "")
    hold = unit.holds.place(None, "Public inquiry", "PI-2025")
    assert unit.holds.holds()[0].scope == "All records"
    reference = case_reference(unit.signed_in, person)
    with pytest.raises(RecordHeldError) as refused:
        unit.disposal.dispose(K.CASE_RECORD, person, reference, lambda _: None)
    assert str(refused.value) == (
        "A legal hold (reference PI-2025) covers every record, so it cannot be disposed of. "
        "Lift the hold first if the inquiry no longer needs it."
    )
    assert unit.disposal.preview(K.CASE_RECORD, person).refusal == str(refused.value)
    unit.holds.lift(hold, "Inquiry reported")
    unit.disposal.dispose(K.CASE_RECORD, person, reference, lambda _: None)
    assert unit.due_ids(date(2031, 3, 1)) == []


def test_disposal_needs_a_dispose_decision_and_the_typed_confirmation(unit: Unit) -> None:
    person = unit.closed_case()
    reference = case_reference(unit.signed_in, person)
    with pytest.raises(DisposalRefusedError, match="decision to dispose"):
        unit.disposal.dispose(K.CASE_RECORD, person, reference, lambda _: None)
    unit.review.decide(K.CASE_RECORD, person, D.DISPOSE, "Retention period over")
    preview = unit.disposal.preview(K.CASE_RECORD, person)
    assert preview.confirm_text == reference and preview.refusal == ""
    assert "status changes (1)" in preview.lines and "review decisions (1)" in preview.lines
    assert preview.rows == 3
    with pytest.raises(DisposalRefusedError, match=f"Type {reference}"):
        unit.disposal.dispose(K.CASE_RECORD, person, "DISPOSE", lambda _: None)
    # A later keep overrides the dispose decision.
    unit.clock.advance(60)
    unit.review.decide(K.CASE_RECORD, person, D.KEEP, "New information", date(2026, 1, 1))
    with pytest.raises(DisposalRefusedError, match="decision to dispose"):
        unit.disposal.dispose(K.CASE_RECORD, person, reference, lambda _: None)
    assert unit.disposal.log() == []
    assert unit.audit("record_disposed") == []


def test_an_open_case_cannot_be_marked_for_disposal(unit: Unit) -> None:
    person = make_person(unit.signed_in, unit.clock, "Open", "Case")
    with pytest.raises(RetentionInputError, match="still open"):
        unit.review.decide(K.CASE_RECORD, person, D.DISPOSE)


def test_the_disposal_log_holds_nothing_that_identifies_the_person(unit: Unit) -> None:
    person = unit.closed_case("Identifiable")
    unit.review.decide(K.CASE_RECORD, person, D.DISPOSE)
    reference = case_reference(unit.signed_in, person)
    unit.disposal.dispose(K.CASE_RECORD, person, reference, lambda _: None)
    [row] = unit.disposal.log()
    assert (row.kind, row.record_id, row.authorised_by) == (
        K.CASE_RECORD,
        person,
        "Casey Coordinator",
    )
    text = repr(row) + "".join(
        f"{e.entity_type}{e.entity_id}{e.fields}{e.outcome}" for e in unit.audit("record_disposed")
    )
    assert "Identifiable" not in text and reference not in text and "Riley" not in text


def test_a_case_record_plan_reaches_every_table_that_points_at_a_young_person(
    unit: Unit,
) -> None:
    person = unit.closed_case()
    with unit.signed_in.vault.sessions.begin() as session:
        plan = plan_disposal(session, K.CASE_RECORD, person)
    reached = {removal.model.__tablename__ for removal in plan.removals}
    pointing = {
        table.name
        for table in Base.metadata.sorted_tables
        for key in table.foreign_keys
        if key.column.table.name in ("young_people", "contacts")
    }
    assert pointing - reached == set()
    assert {"drafts", "session_notes", "note_addenda", "chronology_revisions"} <= reached


def test_a_restricted_record_is_listed_without_its_name(
    unit: Unit, add_account: AddAccount
) -> None:
    person = unit.closed_case("Secret")
    named = add_account(Role.GANGS_WORKER, "named")
    with unit.signed_in.vault.sessions.begin() as session:
        session.add(
            RecordRestriction(
                young_person_id=person,
                reason="Relative of a member of staff",
                restricted_by_id=unit.signed_in.user.account_id,
                restricted_at=unit.clock.now(),
            )
        )
        session.flush()
        session.add(RestrictionMember(young_person_id=person, account_id=named.account_id))
    reference = case_reference(unit.signed_in, person)
    [row] = unit.review.due(date(2031, 3, 1))
    assert row.label == f"Restricted record ({reference})"
    assert unit.disposal.preview(K.CASE_RECORD, person).label == row.label
    unit.holds.place((K.CASE_RECORD, person), "Inquiry", "INQ-1")
    assert unit.holds.holds()[0].scope == row.label
