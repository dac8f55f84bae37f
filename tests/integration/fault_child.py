"""Test helper run as a child process: processes that sign in and save people until killed.

Started once as a "zygote" that imports everything, then forks one writer per line it reads on
standard input, so each of the hundred writers starts in milliseconds instead of the ~0.7 s a
fresh interpreter needs. Each writer is a real process with its own connections and its own OS
lock on the vault. On the shared standard output a writer prints "pid N", then "ready", then
each new person's id only after the service call that committed it returned; once the writer
has died the zygote prints "ended". POSIX only (fork).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop.clock import SystemClock
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.sign_in_service import SignInService
from desktop.vault.layout import VaultLayout

PASSPHRASE_VARIABLE = "CASEBOOK_FAULT_PASSPHRASE"
READY = "ready"
ENDED = "ended"


def say(line: str) -> None:
    """One write call per line: a pipe takes it whole (under PIPE_BUF), so a kill between
    two calls never leaves half a line for the parent to misread."""
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def write_until_killed(folder: Path, username: str) -> None:
    say(f"pid {os.getpid()}")
    clock = SystemClock()
    signed_in = SignInService(VaultLayout(folder), clock).sign_in(
        username, os.environ[PASSPHRASE_VARIABLE]
    )
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    say(READY)
    number = 0
    while True:
        number += 1
        person_id = people.create(PersonDetails("Synthetic", f"Person {number}"))
        say(str(person_id))


def serve(folder: Path, username: str) -> None:
    for _line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                write_until_killed(folder, username)
            finally:
                os._exit(1)  # only reached if the writer failed; the parent sees no "ready"
        os.waitpid(pid, 0)
        say(ENDED)


if __name__ == "__main__":
    serve(Path(sys.argv[1]), sys.argv[2])
