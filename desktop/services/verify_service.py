"""`verify`: the database's page and structure checks, and the audit log's hash chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.clock import Clock
from desktop.models.accounts import Role
from desktop.services import actions, audit_chain
from desktop.services.permissions import PermissionDeniedError
from desktop.services.sign_in_service import SignInService
from desktop.vault.layout import VaultLayout
from desktop.vault.open_vault import integrity_problems


@dataclass
class VerifyReport:
    lines: list[str] = field(default_factory=list)
    sound: bool = True

    def problem(self, line: str) -> None:
        self.lines.append(f"PROBLEM: {line}")
        self.sound = False


def verify_vault(layout: VaultLayout, username: str, passphrase: str, clock: Clock) -> VerifyReport:
    report = VerifyReport()
    signed_in = SignInService(layout, clock).sign_in(username, passphrase)
    vault = signed_in.vault
    if signed_in.user.role is not Role.COORDINATOR:
        vault.lock()
        raise PermissionDeniedError("verify the vault (a coordinator's task)")
    try:
        problems = integrity_problems(vault)
        for problem in problems:
            report.problem(problem)
        if not problems:
            report.lines.append("Database: encrypted pages and structure are intact.")
        with vault.sessions.begin() as session:
            verdict = audit_chain.verify(session, vault.slots.audit_head)
            for problem in verdict.problems:
                report.problem(problem)
            if verdict.intact:
                report.lines.append(f"Audit log: {verdict.rows_checked} rows, chain intact.")
            audit_chain.append(
                session,
                clock.now(),
                username,
                actions.SIGN_OUT,
                outcome="verify: sound" if report.sound else "verify: problems",
            )
            newest = audit_chain.head(session)
        vault.refresh_slots().audit_head = newest
        vault.save_slots()
    finally:
        vault.lock()
    return report
