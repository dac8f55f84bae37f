"""ACCEPTANCE: a session note's draft survives the application being killed mid-typing.

A child process (tests/gui/note_crash_child.py) types into the real note editor over the real
vault; it is killed (SIGKILL on POSIX, TerminateProcess on Windows) while still typing, the way
a crash or a pulled plug ends Casebook. The vault is then opened again: the draft holds every
character the editor had reported saved, and no more than was typed.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

from desktop.services.sign_in_service import SignInService
from desktop.services.therapy_note_service import TherapyNoteService
from desktop.services.verify_service import verify_vault
from desktop.views.therapy.note_autosave import LONGEST_UNSAVED_MS
from tests.conftest import COORDINATOR_USERNAME, PASSPHRASE, FakeClock
from tests.gui.note_crash_child import KEY_GAP_SECONDS, SECTION, TEXT
from tests.therapy_family import Family, record_session

ROOT = Path(__file__).resolve().parents[2]


def _line(stream: IO[str]) -> str:
    line = stream.readline()
    assert line.endswith("\n"), f"the editor process stopped early: {line!r}"
    return line.rstrip("\n")


def test_the_draft_survives_killing_the_process_mid_typing(
    family: Family, clock: FakeClock, tmp_path: Path
) -> None:
    session_id = record_session(family)
    layout = family.signed_in.vault.layout
    folder = layout.folder
    family.signed_in.vault.lock()  # the child must be the vault's only writer

    errors = (tmp_path / "child-stderr.txt").open("w")
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.gui.note_crash_child",
            str(folder),
            family.therapist.username,
            str(family.case_id),
            str(session_id),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
    )
    assert child.stdout is not None
    reported_saved = typed = 0
    try:
        assert _line(child.stdout) == "ready"
        saves = 0
        while saves < 2:
            line = _line(child.stdout)
            if line.startswith("saved "):
                reported_saved = int(line.removeprefix("saved "))
                saves += 1
            elif line.startswith("typed "):
                typed = int(line.removeprefix("typed "))
        # Killed somewhere between two autosaves, still typing.
        deadline = time.monotonic() + random.Random(5).uniform(0.3, 2.5)
        while time.monotonic() < deadline:
            line = _line(child.stdout)
            if line.startswith("saved "):
                reported_saved = int(line.removeprefix("saved "))
            elif line.startswith("typed "):
                typed = int(line.removeprefix("typed "))
        child.kill()
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=10)
        child.stdout.close()
        errors.close()
    assert typed < len(TEXT), "the child finished typing before it was killed"

    signed_in = SignInService(layout, clock).sign_in(family.therapist.username, PASSPHRASE)
    try:
        notes = TherapyNoteService(signed_in.vault.sessions, signed_in.user, clock).notes(
            session_id
        )
    finally:
        signed_in.vault.lock()
    assert len(notes) == 1 and not notes[0].signed
    kept = notes[0].sections.get(SECTION, "")
    assert TEXT.startswith(kept)
    # (A save just after a space stores the text without it: notes are saved trimmed.)
    assert reported_saved > 0 and len(kept) >= len(TEXT[:reported_saved].rstrip())
    # At most the last few seconds of typing are gone.
    keys_per_window = LONGEST_UNSAVED_MS / 1000 / KEY_GAP_SECONDS
    assert typed - len(kept) <= keys_per_window + 20
    report = verify_vault(layout, COORDINATOR_USERNAME, PASSPHRASE, clock)
    assert report.sound, report.lines
