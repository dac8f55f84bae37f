"""Personal spelling dictionaries in the vault: each user's own words, validated, audited by
field name only (a personal word may be a young person's name)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.models.accounts import Role
from desktop.models.audit import AuditEntry
from desktop.models.therapy import PersonalWord
from desktop.services import actions, audit_chain
from desktop.services.current_user import CurrentUser
from desktop.services.personal_words_service import PersonalWordError, PersonalWordsService
from desktop.services.sign_in_service import SignedIn
from tests.conftest import AddAccount, FakeClock

# A made-up name: it must never reach the audit log.
NAME = "Zyxtariqa"


def service(signed_in: SignedIn, user: CurrentUser, clock: FakeClock) -> PersonalWordsService:
    return PersonalWordsService(signed_in.vault.sessions, user, clock)


def audit_rows(signed_in: SignedIn) -> list[AuditEntry]:
    with signed_in.vault.sessions.begin() as session:
        rows = list(session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars())
        session.expunge_all()
        return rows


def test_each_user_keeps_their_own_words(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    worker = add_account(Role.GANGS_WORKER, "worker")
    therapist = add_account(Role.FAMILY_THERAPIST, "therapist")
    mine = service(signed_in, worker, clock)
    theirs = service(signed_in, therapist, clock)
    mine.add(f"  {NAME}  ")
    mine.add("Wexcombe")
    mine.add("acquaintanceship-ish")
    theirs.add("Brackley")
    assert mine.words() == ["acquaintanceship-ish", "Wexcombe", NAME]
    assert theirs.words() == ["Brackley"]
    # The same word in another capitalisation is already there: no second row, no audit.
    before = len(audit_rows(signed_in))
    mine.add(NAME.lower())
    assert mine.words().count(NAME) == 1 and NAME.lower() not in mine.words()
    assert len(audit_rows(signed_in)) == before
    mine.remove(NAME.upper())
    assert mine.words() == ["acquaintanceship-ish", "Wexcombe"]
    # Removing a word that is not there (or is another user's) changes nothing.
    mine.remove("Brackley")
    assert theirs.words() == ["Brackley"]
    # A new service for the same user (the next sign-in) reads the same words from the vault.
    assert service(signed_in, worker, clock).words() == ["acquaintanceship-ish", "Wexcombe"]


def test_the_audit_names_the_field_never_the_word(
    coordinator: tuple[SignedIn, str], add_account: AddAccount, clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    worker = add_account(Role.GANGS_WORKER, "worker")
    words = service(signed_in, worker, clock)
    words.add(NAME)
    clock.advance(60)
    words.remove(NAME)
    rows = [row for row in audit_rows(signed_in) if row.action.startswith("personal_word")]
    assert [(r.actor, r.action, r.entity_type, r.fields) for r in rows] == [
        ("worker", actions.PERSONAL_WORD_ADDED, "personal_word", "word"),
        ("worker", actions.PERSONAL_WORD_REMOVED, "personal_word", "word"),
    ]
    assert rows[0].entity_id == rows[1].entity_id
    everything = "\n".join(
        f"{r.actor}|{r.action}|{r.entity_type}|{r.entity_id}|{r.fields}|{r.outcome}"
        for r in audit_rows(signed_in)
    )
    assert NAME.lower() not in everything.lower()
    with signed_in.vault.sessions.begin() as session:
        assert audit_chain.verify(session).intact
    assert actions.PERSONAL_WORD_ADDED in actions.ALL
    assert actions.PERSONAL_WORD_REMOVED in actions.ALL


@pytest.mark.parametrize(
    ("word", "message"),
    [
        ("", "Type a word"),
        ("   ", "Type a word"),
        (NAME + "x" * 100, "at most 100 characters"),
        (f"{NAME} Smith", "one word at a time"),
        (f"{NAME}\tSmith", "one word at a time"),
    ],
)
def test_unsuitable_words_are_refused_without_quoting_them(
    coordinator: tuple[SignedIn, str], clock: FakeClock, word: str, message: str
) -> None:
    signed_in, _recovery = coordinator
    words = service(signed_in, signed_in.user, clock)
    with pytest.raises(PersonalWordError, match=message) as refused:
        words.add(word)
    assert NAME not in str(refused.value)
    assert isinstance(refused.value, ValueError)
    assert words.words() == []
    with signed_in.vault.sessions.begin() as session:
        assert session.execute(select(PersonalWord)).first() is None


def test_a_word_of_exactly_the_longest_length_is_kept(
    coordinator: tuple[SignedIn, str], clock: FakeClock
) -> None:
    signed_in, _recovery = coordinator
    words = service(signed_in, signed_in.user, clock)
    longest = "a" * 100
    words.add(longest)
    assert words.words() == [longest]
