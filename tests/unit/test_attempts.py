"""Failed unlock attempts: free tries, growing waits, a count that survives restarts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.models.accounts import Role
from desktop.services import actions
from desktop.services.audit_service import AuditFilter, AuditService
from desktop.services.sign_in_service import SignedIn, SignInService
from desktop.vault.attempts import FREE_ATTEMPTS, MAX_WAIT_SECONDS, AttemptLog
from desktop.vault.errors import ThrottledError, WrongPassphraseError
from desktop.vault.layout import VaultLayout
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE, AddAccount, FakeClock

WRONG = "not the passphrase at all"


def _fail(log: AttemptLog, clock: FakeClock, times: int) -> None:
    for _ in range(times):
        log.record_failure(clock.now(), "someone", "wrong passphrase")


# ---- the counter on its own ----------------------------------------------------------------


def test_first_five_failures_cost_nothing(tmp_path: Path, clock: FakeClock) -> None:
    log = AttemptLog.load(tmp_path / "attempts.json")
    for _ in range(FREE_ATTEMPTS - 1):
        log.record_failure(clock.now(), "someone", "wrong passphrase")
        assert log.wait_seconds(clock.now()) == 0
    log.record_failure(clock.now(), "someone", "wrong passphrase")
    assert FREE_ATTEMPTS == 5
    assert log.wait_seconds(clock.now()) > 0


def test_each_further_failure_waits_longer(tmp_path: Path, clock: FakeClock) -> None:
    log = AttemptLog.load(tmp_path / "attempts.json")
    _fail(log, clock, FREE_ATTEMPTS)
    waits = []
    for _ in range(6):
        wait = log.wait_seconds(clock.now())
        waits.append(wait)
        clock.advance(wait)
        assert log.wait_seconds(clock.now()) == 0
        _fail(log, clock, 1)
    assert all(later > earlier for earlier, later in zip(waits, waits[1:], strict=False))
    assert waits[0] >= 1


def test_wait_counts_down_with_the_clock(tmp_path: Path, clock: FakeClock) -> None:
    log = AttemptLog.load(tmp_path / "attempts.json")
    _fail(log, clock, FREE_ATTEMPTS + 3)
    full = log.wait_seconds(clock.now())
    clock.advance(full / 2)
    assert 0 < log.wait_seconds(clock.now()) < full
    clock.advance(full / 2)
    assert log.wait_seconds(clock.now()) == 0


def test_wait_is_capped(tmp_path: Path, clock: FakeClock) -> None:
    log = AttemptLog.load(tmp_path / "attempts.json")
    _fail(log, clock, 60)
    assert log.wait_seconds(clock.now()) == MAX_WAIT_SECONDS


def test_clock_set_back_does_not_lengthen_the_wait(tmp_path: Path, clock: FakeClock) -> None:
    log = AttemptLog.load(tmp_path / "attempts.json")
    _fail(log, clock, FREE_ATTEMPTS + 1)
    wait = log.wait_seconds(clock.now())
    clock.set_now(clock.now() - timedelta(days=30))
    assert 0 < log.wait_seconds(clock.now()) <= wait


def test_count_and_pending_events_survive_a_reload(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "attempts.json"
    log = AttemptLog.load(path)
    _fail(log, clock, FREE_ATTEMPTS + 2)
    log.record_refusal(clock.now(), "(unknown user)", "refused: waiting")

    reloaded = AttemptLog.load(path)
    assert reloaded.failures == FREE_ATTEMPTS + 2
    assert reloaded.last_failure == clock.now()
    assert reloaded.wait_seconds(clock.now()) == log.wait_seconds(clock.now()) > 0
    assert [e.outcome for e in reloaded.pending][-1] == "refused: waiting"
    assert len(reloaded.pending) == FREE_ATTEMPTS + 3

    pending = reloaded.record_success()
    assert len(pending) == FREE_ATTEMPTS + 3
    again = AttemptLog.load(path)
    assert (again.failures, again.pending, again.wait_seconds(clock.now())) == (0, [], 0)


def test_damaged_counter_does_not_reset_to_zero(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "attempts.json"
    path.write_text("{not json")
    log = AttemptLog.load(path)
    assert log.failures == FREE_ATTEMPTS
    log.record_failure(clock.now(), "someone", "wrong passphrase")
    assert log.wait_seconds(clock.now()) > 0


def test_the_counter_file_holds_no_passphrase(tmp_path: Path, clock: FakeClock) -> None:
    log = AttemptLog.load(tmp_path / "attempts.json")
    log.record_failure(clock.now(), "someone", "wrong passphrase")
    assert WRONG.encode() not in (tmp_path / "attempts.json").read_bytes()


# ---- through the sign-in service, on a real vault ------------------------------------------


def _try(service: SignInService, passphrase: str) -> SignedIn:
    return service.sign_in(COORDINATOR_USERNAME, passphrase)


def test_sign_in_is_throttled_after_five_failures_and_waits_grow(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    service = SignInService(vault_layout, clock)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassphraseError):
            _try(service, WRONG)

    waits: list[int] = []
    for _ in range(4):
        with pytest.raises(ThrottledError) as throttled:
            _try(service, PASSPHRASE)  # even the right passphrase waits
        waits.append(throttled.value.wait_seconds)
        assert f"{throttled.value.wait_seconds} seconds" in str(throttled.value)
        clock.advance(throttled.value.wait_seconds)
        with pytest.raises(WrongPassphraseError):
            _try(service, WRONG)
    assert waits == sorted(set(waits)), waits  # strictly longer every time


def test_throttle_survives_a_restart(
    coordinator: tuple[SignedIn, str], vault_layout: VaultLayout, clock: FakeClock
) -> None:
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassphraseError):
            _try(SignInService(vault_layout, clock), WRONG)
    # A new service (as after restarting the application) reads the count from disk.
    with pytest.raises(ThrottledError):
        _try(SignInService(vault_layout, clock), PASSPHRASE)


def test_success_after_waiting_resets_and_audits_every_attempt(
    coordinator: tuple[SignedIn, str],
    vault_layout: VaultLayout,
    clock: FakeClock,
    add_account: AddAccount,
) -> None:
    add_account(Role.GANGS_WORKER, "worker")
    service = SignInService(vault_layout, clock)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassphraseError):
            service.sign_in("worker", WRONG)
    with pytest.raises(ThrottledError) as throttled:
        _try(service, PASSPHRASE)
    clock.advance(throttled.value.wait_seconds)

    signed_in = _try(service, PASSPHRASE)
    try:
        rows = AuditService(signed_in.vault.sessions, signed_in.user).page(
            AuditFilter(action=actions.UNLOCK_FAILED), 0, 50
        )
    finally:
        signed_in.vault.lock()
    outcomes = sorted((row.actor, row.outcome) for row in rows)
    assert outcomes == sorted(
        [("worker", "wrong passphrase")] * FREE_ATTEMPTS
        + [("(unknown user)", "refused: waiting after failed attempts")]
    )
    assert AttemptLog.load(vault_layout.attempts).failures == 0
    # Counting starts again from zero.
    with pytest.raises(WrongPassphraseError):
        _try(service, WRONG)
    assert AttemptLog.load(vault_layout.attempts).wait_seconds(clock.now()) == 0


def test_pending_events_are_capped_and_the_rest_counted(tmp_path: Path) -> None:
    from desktop.vault.attempts import MAX_PENDING

    log = AttemptLog.load(tmp_path / "attempts.json")
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for index in range(MAX_PENDING + 7):
        log.record_refusal(start + timedelta(seconds=index), "(unknown user)", "throttled")
    reloaded = AttemptLog.load(tmp_path / "attempts.json")
    assert len(reloaded.pending) == MAX_PENDING
    assert reloaded.unlisted == 7
    events = reloaded.record_success()
    assert events[0].outcome == "7 earlier attempts, not itemised"
    assert len(events) == MAX_PENDING + 1
    assert AttemptLog.load(tmp_path / "attempts.json").unlisted == 0
