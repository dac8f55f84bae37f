"""Consent and information sharing on a young person's record: validation, withdrawal, what may
be shared with which agency today, the record rule, and an audit without values."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph
from sqlalchemy import select

from desktop.exports.case_conference_pack import NO_BASIS, SHARING_HEADING
from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.choices import ContactKind, LawfulBasis, SharingKind
from desktop.models.data_protection import RecordRestriction, RestrictionMember, SharingDecision
from desktop.services import actions
from desktop.services.conference_pack_service import ConferencePackService
from desktop.services.conference_records import PackOptions, PackSection
from desktop.services.current_user import CurrentUser
from desktop.services.demo_service import demo_username
from desktop.services.demo_sharing import PLANS
from desktop.services.network_service import ContactInput, NetworkService
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.services.sharing_service import (
    ANY_AGENCY,
    SharingInput,
    SharingInputError,
    SharingService,
)
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.vault.layout import VaultLayout
from tests.conftest import PASSPHRASE, AddAccount, FakeClock

TODAY = date(2025, 3, 14)  # FIXED_NOW's day


def _person(signed_in: SignedIn, clock: FakeClock, key_worker: int | None = None) -> int:
    details = PersonDetails("Leon", "Marsh")
    details.key_worker_id = key_worker
    return PeopleService(signed_in.vault.sessions, signed_in.user, clock).create(details)


def _sharing(
    signed_in: SignedIn, clock: FakeClock, user: CurrentUser | None = None
) -> SharingService:
    return SharingService(signed_in.vault.sessions, user or signed_in.user, clock)


def _consent(**changes: object) -> SharingInput:
    values: dict[str, object] = {
        "kind": SharingKind.CONSENT,
        "lawful_basis": LawfulBasis.CONSENT,
        "given_by": "Leon (the young person) and his mother",
        "decided_on": TODAY - timedelta(days=10),
        "agency": "Riverside Academy",
        "scope": "Attendance and safety plan",
        "review_on": TODAY + timedelta(days=30),
    }
    values.update(changes)
    return SharingInput(**values)  # type: ignore[arg-type]


def test_each_missing_or_wrong_part_is_named(
    coordinator: tuple[SignedIn, str], clock: FakeClock
) -> None:
    signed_in = coordinator[0]
    person = _person(signed_in, clock)
    sharing = _sharing(signed_in, clock)
    cases = {
        "Say who gave the consent.": _consent(given_by="  "),
        "A consent's lawful basis is consent.": _consent(lawful_basis=LawfulBasis.PUBLIC_TASK),
        "Say what may be shared and why": _consent(
            kind=SharingKind.DECISION, lawful_basis=LawfulBasis.LEGAL_OBLIGATION, scope=""
        ),
        "needs another lawful basis": _consent(kind=SharingKind.DECISION),
        "The date is in the future.": _consent(decided_on=TODAY + timedelta(days=1)),
        "The review date is before the date given.": _consent(review_on=TODAY - timedelta(days=11)),
        "Agency: at most 200 characters.": _consent(agency="x" * 201),
    }
    for message, details in cases.items():
        with pytest.raises(SharingInputError, match=message):
            sharing.record(person, details)
    assert sharing.history(person) == []
    # A decision needs no named person, only its reason.
    decision = _consent(
        kind=SharingKind.DECISION,
        lawful_basis=LawfulBasis.VITAL_INTERESTS,
        given_by="",
        scope="Whereabouts, to find him while missing",
    )
    sharing.record(person, decision)
    [row] = sharing.history(person)
    assert (row.kind, row.lawful_basis, row.given_by) == (
        SharingKind.DECISION,
        LawfulBasis.VITAL_INTERESTS,
        "",
    )
    assert row.recorded_by == "Casey Coordinator" and row.current


def test_withdrawal_and_ending_are_checked_and_kept_in_the_history(
    coordinator: tuple[SignedIn, str], clock: FakeClock
) -> None:
    signed_in = coordinator[0]
    person = _person(signed_in, clock)
    sharing = _sharing(signed_in, clock)
    consent = sharing.record(person, _consent())
    decision = sharing.record(
        person,
        _consent(
            kind=SharingKind.DECISION,
            lawful_basis=LawfulBasis.PUBLIC_TASK,
            agency="Youth Justice Service",
            scope="Risk assessment, for the court report",
        ),
    )
    with pytest.raises(SharingInputError, match="withdrawal date is before the consent"):
        sharing.withdraw(consent, TODAY - timedelta(days=11), "Changed his mind")
    with pytest.raises(SharingInputError, match="withdrawal date is in the future"):
        sharing.withdraw(consent, TODAY + timedelta(days=1), "Changed his mind")
    with pytest.raises(SharingInputError, match="Say why the consent was withdrawn"):
        sharing.withdraw(consent, TODAY, " ")
    with pytest.raises(SharingInputError, match="Say why the decision was ended"):
        sharing.withdraw(decision, TODAY, "")
    sharing.withdraw(consent, TODAY - timedelta(days=2), "Mother withdrew consent by phone")
    with pytest.raises(SharingInputError, match="already been withdrawn"):
        sharing.withdraw(consent, TODAY, "Again")
    sharing.withdraw(decision, TODAY, "Court report filed")
    rows = {row.id: row for row in sharing.history(person)}
    assert rows[consent].withdrawn_on == TODAY - timedelta(days=2)
    assert rows[consent].withdrawal_reason == "Mother withdrew consent by phone"
    assert (rows[consent].ending_word, rows[decision].ending_word) == ("Withdrawn", "Ended")
    assert not rows[consent].current and not rows[decision].current
    assert sharing.shareable(person) == []


def test_what_may_be_shared_today_follows_the_clock(
    coordinator: tuple[SignedIn, str], clock: FakeClock
) -> None:
    signed_in = coordinator[0]
    person = _person(signed_in, clock)
    sharing = _sharing(signed_in, clock)
    school = sharing.record(person, _consent(review_on=TODAY + timedelta(days=3)))
    sharing.record(
        person,
        _consent(
            kind=SharingKind.DECISION,
            lawful_basis=LawfulBasis.LEGAL_OBLIGATION,
            given_by="Team manager",
            agency="",
            scope="Safeguarding information for the strategy meeting",
            review_on=None,
        ),
    )
    sharing.record(
        person,
        _consent(
            kind=SharingKind.DECISION,
            lawful_basis=LawfulBasis.PUBLIC_TASK,
            agency="Riverside Academy",
            scope="Timetable changes, to keep him safe on the way to school",
            review_on=None,
        ),
    )

    def today() -> list[tuple[str, tuple[LawfulBasis, ...]]]:
        return [(group.agency_text, group.bases) for group in sharing.shareable(person)]

    assert today() == [
        (ANY_AGENCY, (LawfulBasis.LEGAL_OBLIGATION,)),
        ("Riverside Academy", (LawfulBasis.PUBLIC_TASK, LawfulBasis.CONSENT)),
    ]
    clock.advance(timedelta(days=3).total_seconds())  # the review day itself still counts
    assert [bases for _agency, bases in today()][1] == (
        LawfulBasis.PUBLIC_TASK,
        LawfulBasis.CONSENT,
    )
    clock.advance(timedelta(days=1).total_seconds())  # past review: the consent lapses
    assert today()[1] == ("Riverside Academy", (LawfulBasis.PUBLIC_TASK,))
    assert not {row.id: row for row in sharing.history(person)}[school].current
    # A withdrawal takes effect on its own day.
    later = sharing.record(person, _consent(decided_on=clock.now().date(), review_on=None))
    assert LawfulBasis.CONSENT in today()[1][1]
    sharing.withdraw(later, clock.now().date(), "Withdrawn at the review")
    assert LawfulBasis.CONSENT not in today()[1][1]


def test_the_record_rule_decides_who_may_read_and_record(
    coordinator: tuple[SignedIn, str], clock: FakeClock, add_account: AddAccount
) -> None:
    signed_in = coordinator[0]
    advocate = add_account(Role.ADVOCATE)
    theirs = _person(signed_in, clock, key_worker=advocate.account_id)
    not_theirs = _person(signed_in, clock)
    worker = add_account(Role.GANGS_WORKER)
    # The gangs worker covers the whole caseload; the advocate only her own young people.
    decision_id = _sharing(signed_in, clock, worker).record(not_theirs, _consent())
    advocate_sharing = _sharing(signed_in, clock, advocate)
    advocate_sharing.record(theirs, _consent())
    assert len(advocate_sharing.history(theirs)) == 1
    with pytest.raises(RecordNotFoundError):
        advocate_sharing.history(not_theirs)
    with pytest.raises(RecordNotFoundError):
        advocate_sharing.record(not_theirs, _consent(given_by=""))  # no hint from the form
    with pytest.raises(RecordNotFoundError):
        advocate_sharing.withdraw(decision_id, TODAY, "Not hers to withdraw")
    analyst = _sharing(signed_in, clock, add_account(Role.ANALYST))
    with pytest.raises(PermissionDeniedError):
        analyst.shareable(theirs)
    assert _sharing(signed_in, clock).history(not_theirs)[0].withdrawn_on is None
    # A restricted record: the gangs worker, not named on it, is refused like anyone else.
    with signed_in.vault.sessions.begin() as session:
        session.add(
            RecordRestriction(
                young_person_id=not_theirs,
                restricted_by_id=signed_in.user.account_id,
                restricted_at=clock.now(),
            )
        )
        session.add(
            RestrictionMember(young_person_id=not_theirs, account_id=signed_in.user.account_id)
        )
    with pytest.raises(RecordNotFoundError):
        _sharing(signed_in, clock, worker).history(not_theirs)
    assert len(_sharing(signed_in, clock).history(not_theirs)) == 1


def test_the_audit_names_fields_never_values(
    coordinator: tuple[SignedIn, str], clock: FakeClock
) -> None:
    signed_in = coordinator[0]
    person = _person(signed_in, clock)
    sharing = _sharing(signed_in, clock)
    decision_id = sharing.record(person, _consent())
    sharing.withdraw(decision_id, TODAY, "Mother withdrew consent by phone")
    with signed_in.vault.sessions.begin() as session:
        rows = [
            (r.action, r.entity_type, r.entity_id, r.fields, r.outcome)
            for r in session.execute(
                select(AuditEntry).where(
                    AuditEntry.action.in_([actions.SHARING_RECORDED, actions.SHARING_WITHDRAWN])
                )
            ).scalars()
        ]
    assert rows == [
        (
            actions.SHARING_RECORDED,
            "sharing_decision",
            str(decision_id),
            "agency,decided_on,given_by,kind,lawful_basis,review_on,scope",
            "",
        ),
        (
            actions.SHARING_WITHDRAWN,
            "sharing_decision",
            str(decision_id),
            "withdrawal_reason,withdrawn_on",
            "",
        ),
    ]
    flat = repr(rows)
    for value in ("Leon", "mother", "Riverside", "Attendance", "phone"):
        assert value not in flat


# ---- the case-conference pack lists the basis for sharing ---------------------------------
def _basis_part(path: Path) -> tuple[list[list[str]], str]:
    """The rows of the "Basis for sharing" table (if any) and the text up to the next heading."""
    document = docx.Document(str(path))
    rows: list[list[str]] = []
    texts: list[str] = []
    inside = False
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            style = block.style.name if block.style is not None else ""
            if style.startswith("Heading"):
                if inside:
                    break
                inside = block.text == SHARING_HEADING
            elif inside:
                texts.append(block.text)
        elif inside and isinstance(block, Table):
            rows = [[cell.text for cell in row.cells] for row in block.rows]
    assert inside, "no Basis for sharing part"
    return rows, "\n".join(texts)


def test_the_conference_pack_lists_the_basis_for_sharing(
    coordinator: tuple[SignedIn, str], clock: FakeClock, tmp_path: Path
) -> None:
    signed_in = coordinator[0]
    sessions = signed_in.vault.sessions
    person = _person(signed_in, clock)
    network = NetworkService(sessions, signed_in.user, clock)
    for agency in ("Children's services", "Riverside Academy"):
        network.add_contact(
            person, ContactInput(ContactKind.PROFESSIONAL, "A. Worker", "Lead", agency)
        )
    pack = ConferencePackService(sessions, signed_in.user, clock)
    only = PackOptions(sections=(PackSection.PROFILE,))

    rows, text = _basis_part(pack.export(person, tmp_path / "none.docx", only))
    assert rows == [] and NO_BASIS in text  # said plainly when there is none

    sharing = _sharing(signed_in, clock)
    sharing.record(person, _consent())
    gone = sharing.record(person, _consent(agency="Youth Justice Service"))
    sharing.withdraw(gone, TODAY, "Withdrawn")
    rows, text = _basis_part(pack.export(person, tmp_path / "consent.docx", only))
    assert rows[0] == ["Agency", "Lawful basis", "Given or made by", "Date", "What may be shared"]
    assert rows[1:] == [
        [
            "Riverside Academy",
            "Consent",
            "Leon (the young person) and his mother",
            "4 March 2025\nreview by 13 April 2025",
            "Attendance and safety plan",
        ]
    ]
    assert "recorded for: Children's services. Do not share" in text

    sharing.record(
        person,
        _consent(
            kind=SharingKind.DECISION,
            lawful_basis=LawfulBasis.PUBLIC_TASK,
            given_by="Team manager",
            agency="",
            scope="The plan and current risks",
            review_on=None,
        ),
    )
    rows, text = _basis_part(pack.export(person, tmp_path / "decision.docx", only))
    assert [row[:2] for row in rows[1:]] == [
        [ANY_AGENCY, "Public task\n(decision to share)"],
        ["Riverside Academy", "Consent"],
    ]
    assert rows[1][3] == "4 March 2025"  # no review date
    assert "recorded for" not in text  # any agency in the plan covers Children's services


# ---- the demo vault ---------------------------------------------------------------------------
def test_the_demo_holds_current_withdrawn_and_lapsed_consents_and_decisions(
    demo_vault: VaultLayout, clock: FakeClock
) -> None:
    signed_in = SignInService(demo_vault, clock).sign_in(
        demo_username(Role.COORDINATOR), PASSPHRASE
    )
    try:
        with signed_in.vault.sessions.begin() as session:
            people = list(
                session.execute(
                    select(SharingDecision.young_person_id)
                    .distinct()
                    .order_by(SharingDecision.young_person_id)
                ).scalars()
            )
        sharing = _sharing(signed_in, clock)
        rows = [row for person in people for row in sharing.history(person)]
        assert len(people) == len(PLANS)
        assert len(rows) == sum(len(plans) for plans in PLANS)
        ended = sorted((row.kind, row.ending_word) for row in rows if row.withdrawn_on)
        assert ended == [(SharingKind.CONSENT, "Withdrawn"), (SharingKind.DECISION, "Ended")]
        lapsed = [r for r in rows if not r.current and r.withdrawn_on is None]
        assert [r.agency for r in lapsed] == ["Youth justice"]
        first = [(g.agency_text, g.bases) for g in sharing.shareable(people[0])]
        assert first == [
            (ANY_AGENCY, (LawfulBasis.PUBLIC_TASK,)),
            ("School", (LawfulBasis.CONSENT,)),
        ]
    finally:
        signed_in.vault.lock()
