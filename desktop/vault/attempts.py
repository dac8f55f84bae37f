"""Failed unlock attempts: a count that survives restarts, growing waits, pending audit rows.

Failures happen before the vault can be opened, so they wait here (no personal data: a time,
an outcome and a staff user name) and move into the audit log at the next successful unlock.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.vault.atomic_file import write_atomically

FREE_ATTEMPTS = 5
MAX_WAIT_SECONDS = 15 * 60
# Someone hammering the screen must not grow the file without end: past this many, the oldest
# are only counted.
MAX_PENDING = 200


@dataclass
class PendingEvent:
    at: datetime
    username: str
    outcome: str


@dataclass
class AttemptLog:
    path: Path
    failures: int = 0
    last_failure: datetime | None = None
    pending: list[PendingEvent] = field(default_factory=list)
    unlisted: int = 0

    @classmethod
    def load(cls, path: Path) -> AttemptLog:
        try:
            data: dict[str, Any] = json.loads(path.read_text("utf-8"))
            return cls(
                path=path,
                failures=int(data["failures"]),
                last_failure=(
                    datetime.fromisoformat(data["last_failure"]) if data["last_failure"] else None
                ),
                pending=[
                    PendingEvent(datetime.fromisoformat(e["at"]), e["username"], e["outcome"])
                    for e in data["pending"]
                ],
                unlisted=int(data.get("unlisted", 0)),
            )
        except FileNotFoundError:
            return cls(path=path)
        except (ValueError, KeyError, TypeError):
            # A damaged counter must not lock people out; it must not reset to zero either.
            return cls(path=path, failures=FREE_ATTEMPTS)

    def save(self) -> None:
        data = {
            "failures": self.failures,
            "last_failure": self.last_failure.isoformat() if self.last_failure else None,
            "unlisted": self.unlisted,
            "pending": [
                {"at": e.at.isoformat(), "username": e.username, "outcome": e.outcome}
                for e in self.pending
            ],
        }
        write_atomically(self.path, json.dumps(data, indent=1).encode("utf-8"))

    def wait_seconds(self, now: datetime) -> int:
        """Seconds still to wait before another try is allowed (0 when allowed now)."""
        if self.failures < FREE_ATTEMPTS or self.last_failure is None:
            return 0
        delay = min(MAX_WAIT_SECONDS, int(2 ** (self.failures - FREE_ATTEMPTS + 1)))
        remaining = self.last_failure + timedelta(seconds=delay) - now
        # Capped at the delay: a system clock set back must not lock people out for days.
        return max(0, min(delay, int(remaining.total_seconds() + 0.999)))

    def record_failure(self, now: datetime, username: str, outcome: str) -> None:
        self.failures += 1
        self.last_failure = now
        self._add(PendingEvent(now, username, outcome))

    def record_refusal(self, now: datetime, username: str, outcome: str) -> None:
        """A try refused before it was checked (throttled, or the vault could not be opened)."""
        self._add(PendingEvent(now, username, outcome))

    def _add(self, event: PendingEvent) -> None:
        self.pending.append(event)
        if len(self.pending) > MAX_PENDING:
            del self.pending[0]
            self.unlisted += 1
        self.save()

    def record_success(self) -> list[PendingEvent]:
        """Resets the count; returns the events still to be written to the audit log."""
        pending, self.pending = self.pending, []
        if self.unlisted and pending:
            summary = PendingEvent(
                pending[0].at, "(several)", f"{self.unlisted} earlier attempts, not itemised"
            )
            pending.insert(0, summary)
        self.unlisted = 0
        self.failures = 0
        self.last_failure = None
        self.save()
        return pending
